"""Checkers for lesson 11, "Turning vectors into unit length" (exercises 11.1 to 11.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed).
"""

from __future__ import annotations

import math
import numbers
import warnings

import numpy as np

from ._core import as_number, call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []


def _as_vector(value, what: str, size: int) -> np.ndarray:
    """Turn one answer into a float vector of `size` entries, or raise a "not yet" verdict."""
    if isinstance(value, (str, bytes, dict, set)):
        raise not_yet(f"{what} should be a vector (a NumPy array or a list of numbers); got {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"{what} should be a vector of numbers; got {type(value).__name__} {value!r}.") from None
    if arr.shape == ():
        raise not_yet(
            f"{what} = {fmt(value)} is a single number, perhaps a norm of v; it should be the normalized "
            f"vector, v divided by that norm, with {size} entries."
        )
    if arr.shape != (size,):
        raise not_yet(f"{what} has shape {arr.shape}; it should have {size} entries, one per entry of v.")
    return arr


def _vec(v) -> str:
    """A vector with 4 significant digits per entry, so that 3e-13 does not print as 0."""
    return "[" + ", ".join(f"{float(t):.4g}" for t in np.ravel(v)) + "]"


def _l2(x: np.ndarray) -> float:
    return float(np.sqrt(np.sum(np.asarray(x, dtype=float) ** 2)))


# --------------------------------------------------------------------------- 11.1
_V = np.array([2.0, -6.0, 3.0])
_NORMS = {"L1": float(np.sum(np.abs(_V))), "L2": _l2(_V), "L∞": float(np.max(np.abs(_V)))}
_TARGETS = (("u_l1", "L1"), ("u_l2", "L2"), ("u_max", "L∞"))
_ATOL = 6e-4  # accepts values typed by hand with three decimals


def _norm_of(u: np.ndarray, which: str) -> float:
    return {"L1": float(np.sum(np.abs(u))), "L2": _l2(u), "L∞": float(np.max(np.abs(u)))}[which]


# Divisors that learners use by mistake, described without their value.
_WRONG_DIVISORS = (
    ("L1", _NORMS["L1"], "its L1 norm (the sum of absolute values)"),
    ("L2", _NORMS["L2"], "its L2 norm (the Euclidean length)"),
    ("L∞", _NORMS["L∞"], "its L∞ norm (the largest absolute value)"),
    ("squared", _NORMS["L2"] ** 2, "its squared L2 norm (the sum of squares, before the square root)"),
    ("max", float(np.max(_V)), "its largest entry, max(v_i), rather than its largest absolute value"),
    ("sum", float(np.sum(_V)), "the plain sum of its entries, where positive and negative entries cancel"),
)


@exercise(
    "11.1",
    "Normalize by each norm",
    stars=1,
    hints=(
        "Go back to Section 1 of the lesson, \"Three ways to reach length one\": normalizing divides every "
        "entry of v by one positive number, "
        "the norm you chose, so the result has norm 1 in that norm.",
        "Compute the three norms of v first: the sum of |v_i|, the square root of the sum of v_i², and "
        "the largest |v_i|. Then divide v by each. nl.vector_norm(v, ord=...) or nl.normalize(v, norm) do it "
        "for you.",
        "u_l1 = v / nl.vector_norm(v, ord=___); u_l2 = v / nl.vector_norm(v, ord=___); "
        "u_max = v / nl.vector_norm(v, ord=___)",
    ),
)
def _check_each_norm(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet(
            "Pass the three vectors as one tuple in this order: "
            "nl.exercises.check(\"11.1\", (u_l1, u_l2, u_max))."
        )
    got = [_as_vector(a, f"`{name}`", _V.size) for a, (name, _) in zip(answer, _TARGETS)]
    wants = [_V / _NORMS[which] for _, which in _TARGETS]
    ok = [np.allclose(g, w, rtol=0, atol=_ATOL) for g, w in zip(got, wants)]
    if all(ok):
        return correct(
            "All three point the same way as v; only their length differs. L1 gives shares whose absolute "
            "values add up to 1, L2 the direction on the round unit sphere, L∞ puts the largest entry at ±1."
        )
    match = [next((j for j, w in enumerate(wants) if np.allclose(g, w, rtol=0, atol=_ATOL)), None) for g in got]
    if None not in match and sorted(match) == [0, 1, 2]:  # a permutation, not the identity
        return not_yet("Your three vectors are the right ones, in the wrong order: pass (u_l1, u_l2, u_max).")
    for g, (name, which), good in zip(got, _TARGETS, ok):
        if good:
            continue
        shown = f"`{name}` = {fmt(g)}"
        if np.isnan(g).any():
            return not_yet(f"{shown} contains NaN. v is not the zero vector, so no division by zero should occur.")
        length = _norm_of(g, which)
        if np.allclose(g, np.abs(_V) / _NORMS[which], atol=_ATOL) or (
            np.all(g >= 0) and np.any(_V < 0)
        ):
            return not_yet(
                f"{shown} has lost the minus sign of the entry -6. Dividing by a norm (a positive number) keeps "
                "every sign; did you take absolute values of the entries themselves?"
            )
        if np.allclose(g, _V / _NORMS[which], rtol=0, atol=6e-3):
            return not_yet(
                f"{shown} agrees with v divided by its {which} norm only to about two decimals. Give at least "
                "three decimals, or let NumPy compute the vector."
            )
        # Is it v divided by one number?
        scale = g[0] / _V[0] if g[0] != 0 else math.nan
        if np.isfinite(scale) and np.allclose(g, scale * _V, atol=_ATOL):
            divisor = 1.0 / scale
            for key, value, words in _WRONG_DIVISORS:
                if key != which and abs(divisor - value) <= 1e-3 * abs(value):
                    return not_yet(f"{shown} is v divided by {words}, so its {which} norm is {fmt(length)}, not 1.")
            return not_yet(
                f"{shown} points along v, but its {which} norm is {fmt(length)}, not 1: check the number "
                f"you divided by."
            )
        return not_yet(
            f"{shown} is not a multiple of v = {fmt(_V)}: normalizing divides every entry by the same "
            "positive number, so the ratios between entries must stay as they are."
        )
    return not_yet("One of your vectors is not v divided by the right norm.")  # pragma: no cover


# --------------------------------------------------------------------------- 11.2
def _reference_safe_normalize(x: np.ndarray, eps: float) -> np.ndarray:
    """torch.nn.functional.normalize(x, p=2, dim=0, eps=eps), in NumPy: x / max(||x||_2, eps)."""
    return x / max(_l2(x), eps)


# (x, eps, what the case is about)
_SN_CASES = (
    (np.array([3.0, -4.0]), 1e-12, "normal"),
    (np.array([0.0, 0.0, 0.0]), 1e-12, "zero"),
    (np.array([3e-13, -4e-13]), 1e-12, "tiny"),
    (np.array([3.0, -4.0]), 0.1, "normal"),
    (np.array([0.03, -0.04]), 0.1, "tiny"),
    (np.array([0.06, 0.08]), 0.1, "at eps"),
    (np.array([1.0, 2.0, 2.0]), 1e-12, "normal"),
)


def _call_quietly(func, x, *args):
    """Call the learner's function, recording warnings instead of letting them print."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = call_learner(func, x, *args, name="safe_normalize")
    return out, [w for w in caught if issubclass(w.category, RuntimeWarning)]


def _output_vector(out, x: np.ndarray, shown: str) -> np.ndarray:
    try:
        got = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"{shown} {type(out).__name__} {out!r}, not an array of numbers.") from None
    if got.shape != x.shape:
        raise not_yet(
            f"{shown} an array of shape {got.shape}, but x has shape {x.shape}: normalizing returns one "
            "value per entry."
        )
    return got


@exercise(
    "11.2",
    "Write safe_normalize with the clamp",
    stars=2,
    hints=(
        "Go back to Section 3 of the lesson, \"Tiny vectors: add ε or clamp?\": of the two ε conventions, which one leaves every vector with "
        "norm at least ε at length exactly 1, and what does it do to the zero vector?",
        "Compute the L2 norm of x, replace it by ε when it is smaller than ε (Python's max, or "
        "np.maximum), and divide x by the result. Then no division by zero can happen, so NumPy never warns.",
        "return x / max(np.linalg.norm(___), ___)",
    ),
)
def _check_safe_normalize(func):
    for x, eps, kind in _SN_CASES:
        x_in = x.copy()
        out, warned = _call_quietly(func, x_in, eps)
        shown = f"safe_normalize({_vec(x)}, eps={eps:g}) returned"
        got = _output_vector(out, x, shown)
        shown = f"{shown} {_vec(got)}"
        if not np.array_equal(x_in, x):
            return not_yet(f"{shown}, and it changed its input x in place; return a new array instead.")
        want = _reference_safe_normalize(x, eps)
        norm_x = _l2(x)
        if kind == "zero":
            if np.isnan(got).any():
                return not_yet(
                    f"{shown}: you returned nan for the zero vector. That is NumPy's 0/0; the clamp "
                    "divides by ε instead, so nothing is divided by zero."
                )
            if not np.array_equal(got, want):
                return not_yet(f"{shown}; every entry of the zero vector divided by a positive number is 0.")
            if warned:
                return not_yet(
                    f"{shown}, the right values, but NumPy warned ({warned[0].category.__name__}: "
                    f"{warned[0].message}): your function divided 0 by 0 and then replaced the NaN. With the "
                    "clamp, the denominator is never 0, so no warning appears."
                )
            continue
        if np.allclose(got, want, rtol=1e-9, atol=0):
            if warned:
                return not_yet(
                    f"{shown}, the right values, but NumPy warned ({warned[0].category.__name__}: "
                    f"{warned[0].message}). A clamped denominator needs no division that can fail."
                )
            continue
        if np.isnan(got).any():
            return not_yet(f"{shown}, which contains NaN, although x is not the zero vector.")
        if kind == "tiny":
            if np.allclose(got, x / (norm_x + eps), rtol=1e-9, atol=0):
                return not_yet(
                    f"{shown}: for a tiny vector (norm {norm_x:g}, below eps) you used add-ε, "
                    "x / (‖x‖ + ε), not the clamp."
                )
            if np.allclose(got, x / norm_x, rtol=1e-9, atol=0):
                return not_yet(
                    f"{shown}: for a tiny vector (norm {norm_x:g}, below eps) you returned a unit vector, "
                    "which is plain division x / ‖x‖. The clamp divides by max(‖x‖, ε), which is ε here."
                )
            if np.all(got == 0):
                return not_yet(
                    f"{shown}: you returned zeros for a tiny vector that is not zero (norm {norm_x:g}, below "
                    "eps). The clamp maps only the zero vector itself to zero; a shorter vector is divided by ε."
                )
            if np.array_equal(got, x):
                return not_yet(
                    f"{shown}: you returned the tiny vector (norm {norm_x:g}, below eps) unchanged, "
                    "scikit-learn's rule for zero rows. The clamp divides it by max(‖x‖, ε)."
                )
        if np.allclose(got, x / (norm_x + eps), rtol=1e-9, atol=0):
            return not_yet(
                f"{shown}: its L2 length is {fmt(_l2(got))}, not 1. That is add-ε, x / (‖x‖ + ε), which "
                "shortens every vector; the clamp leaves every vector with ‖x‖ ≥ ε at length 1."
            )
        l1 = float(np.sum(np.abs(x)))
        linf = float(np.max(np.abs(x)))
        for name, value in (("L1", l1), ("L∞", linf)):
            if np.allclose(got, x / max(value, eps), rtol=1e-9, atol=0) and value != norm_x:
                return not_yet(
                    f"{shown}: you divided by the {name} norm of x; safe_normalize should divide by the "
                    "L2 norm (clamped at ε), as F.normalize does with its default p=2."
                )
        return not_yet(
            f"{shown}, whose L2 length is {fmt(_l2(got))}. For this x (norm {norm_x:g}) and eps = {eps:g}, "
            "the clamp convention gives a different vector."
        )
    out, warned = _call_quietly(func, np.array([3.0, 4.0]))  # the default eps
    got = _output_vector(out, np.zeros(2), "safe_normalize([3, 4]) (default eps) returned")
    if not np.allclose(got, [0.6, 0.8], rtol=1e-9, atol=0):
        return not_yet(
            f"safe_normalize([3, 4]) with the default eps returned {_vec(got)}; keep the default eps=1e-12."
        )
    return correct(
        "Zero vectors stay zero without a warning, vectors with norm ≥ ε come out exactly unit length, and "
        "shorter ones are divided by ε: the semantics of torch.nn.functional.normalize."
    )


# --------------------------------------------------------------------------- 11.3
_CHOICES = ("standardize", "normalize-l2", "normalize-l1", "none")
_SCENARIO_KEY = {"a": "standardize", "b": "normalize-l2", "c": "normalize-l1"}
_SCENARIO_FEEDBACK = {
    ("a", "normalize-l2"): (
        "Row normalization rescales each patient, not each feature: income, in tens of thousands of "
        "dollars, would still set the scale of every row and outweigh age and blood pressure in every "
        "distance, as proline did for the wines in the lesson's Section 5."
    ),
    ("a", "normalize-l1"): (
        "Dividing each patient's row by its L1 norm rescales the patient, not the features: income would "
        "still dominate every distance, and adding years to dollars to mmHg has no meaning."
    ),
    ("a", "none"): (
        "Without scaling, the feature with the largest numbers (income) decides every k-NN distance, as "
        "proline did on the wine data."
    ),
    ("b", "standardize"): (
        "Standardizing puts each word on a common scale, but a long article still has larger counts than a "
        "short one on the same topic: its length, not its topic, would drive the comparison."
    ),
    ("b", "normalize-l1"): (
        "L1 normalization also removes the length, but the dot product of L1-normalized vectors is not the "
        "cosine. For a cosine-style comparison, pick the norm whose unit vectors turn dot products into cosines."
    ),
    ("b", "none"): (
        "With raw counts, a long article has large dot products with everything and sits far from a short "
        "article on the same topic: length wins over content."
    ),
    ("c", "normalize-l2"): (
        "An L2-normalized row has squares that add up to 1, not entries: its entries are not fractions of the "
        "visits. Which norm makes non-negative entries add up to 1?"
    ),
    ("c", "standardize"): (
        "Standardizing rescales each section across users; it does not turn one user's row into fractions "
        "of that user's visits."
    ),
    ("c", "none"): (
        "Raw counts mix the profile with the total number of visits; a heavy user and a light user with the "
        "same habits would look different."
    ),
}
# 5-NN after StandardScaler, cross_val_score(..., cv=5) on load_wine (scikit-learn 1.9.1):
# tests/test_exercises_lesson11.py recomputes it.
KNN_STANDARD = 0.9493650793650794
_KNN_TOL = 0.01
_KNN_OTHERS = (
    (0.6912698412698413, "the score on raw data, without any scaling"),
    (0.7815873015873016, "the score after Normalizer (rows to unit length), not StandardScaler"),
    (0.9550793650793651, "the score when StandardScaler is fitted on all 178 wines before the folds are cut: "
                         "the test folds leaked into the scaling. Put the scaler inside a pipeline"),
)


@exercise(
    "11.3",
    "Pick the preprocessing",
    stars=2,
    hints=(
        "Go back to Section 5 of the lesson, \"Normalizing samples is not standardizing features\": ask whether the scenario needs the *features* on a common "
        "scale, or each *sample* reduced to its direction or its shares.",
        "Measurements in different units: scale each column. Comparing directions of count vectors: unit L2 "
        "rows (dot product = cosine). Fractions of a total: unit L1 rows. For the number, build "
        "make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5)) and pass it to "
        "cross_val_score with cv=5.",
        "knn_standard = cross_val_score(make_pipeline(___, KNeighborsClassifier(n_neighbors=5)), "
        "X_wine, y_wine, cv=___).mean()",
    ),
)
def _check_preprocessing(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return not_yet(
            "Pass four values as one tuple in this order: "
            "nl.exercises.check(\"11.3\", (choice_a, choice_b, choice_c, knn_standard))."
        )
    allowed = ", ".join(repr(c) for c in _CHOICES)
    for key, value in zip("abc", answer[:3]):
        if not isinstance(value, str) or value.strip().lower() not in _CHOICES:
            return not_yet(f"`choice_{key}` = {value!r} is not one of the options {allowed}.")
        value = value.strip().lower()
        if value != _SCENARIO_KEY[key]:
            return not_yet(f"Scenario ({key}): {_SCENARIO_FEEDBACK[(key, value)]}")
    acc = as_number(answer[3], "`knn_standard`")
    shown = f"`knn_standard` = {acc:.4f}"
    if math.isnan(acc):
        return not_yet(f"{shown}: an accuracy is a number between 0 and 1.")
    if 1 < acc <= 100:
        return not_yet(f"{shown}: give the accuracy as a fraction between 0 and 1, not as a percentage.")
    for value, words in _KNN_OTHERS:
        if abs(acc - value) < 6e-4:
            return not_yet(f"{shown} is {words}.")
    if not 0 <= acc <= 1:
        return not_yet(f"{shown}: an accuracy is a number between 0 and 1.")
    if abs(acc - KNN_STANDARD) > _KNN_TOL:
        return not_yet(
            f"{shown} is not the mean 5-fold accuracy of 5-NN after StandardScaler. Check n_neighbors=5 and "
            "cv=5 (unshuffled stratified folds: shuffled folds give other numbers), and take the mean."
        )
    return correct(
        "Scale features when they are in different units, normalize rows when only a sample's direction or "
        "shares matter. On the wine data, standardizing lifts 5-NN far above row normalization."
    )
