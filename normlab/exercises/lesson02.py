"""Checkers for lesson 02, "The Lp family and its geometry" (exercises 02.1 to 02.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (the hidden test cases come from a fixed seed).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from ._core import as_number, call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []

_INF = math.inf


def _p_label(p: float) -> str:
    return "∞" if p == _INF else f"{p:g}"


def _num(v: float) -> str:
    """A number with up to 10 significant digits, so a near-miss never prints as the right value."""
    return f"{float(v):.10g}"


def _vec(x: np.ndarray) -> str:
    """A short vector as [3, -4, 0]; a long one by its first entries and its length."""
    if x.size <= 8:
        return "[" + ", ".join(f"{v:g}" for v in x) + "]"
    return "[" + ", ".join(f"{v:g}" for v in x[:4]) + f", ...] (length {x.size})"


def _close(a: float, b: float, rtol: float = 1e-3) -> bool:
    if math.isinf(a) or math.isinf(b) or math.isnan(a) or math.isnan(b):
        return a == b
    return abs(a - b) <= rtol * max(abs(b), 1e-12)


# --------------------------------------------------------------------------- 02.1
_ONES_PS = (1.0, 2.0, 4.0, _INF)
_ONES_VALUES = tuple(4.0 ** (1.0 / p) if p != _INF else 1.0 for p in _ONES_PS)  # 4, 2, 1.414, 1


@exercise(
    "02.1",
    "Four sizes of (1, 1, 1, 1)",
    stars=1,
    hints=(
        "Go back to the definition of the Lp norm at the top of the lesson: raise each |x_i| to the "
        "power p, add, then take the p-th root. For p = ∞ use the separate definition.",
        "Every entry is 1, so every |x_i|^p is 1 whatever p is: the sum is the number of entries, and "
        "only the root changes with p. ‖x‖_∞ is the largest |x_i|.",
        "l1 = (___) ** (1 / 1); l2 = (___) ** (1 / 2); l4 = (___) ** (1 / ___); linf = max(___).",
    ),
)
def _check_ones(answer):
    if isinstance(answer, np.ndarray) and answer.shape == (4,):
        answer = answer.tolist()
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return not_yet(
            "Pass the four values as one tuple (a list or a NumPy array of 4 numbers works too) in the "
            "order p = 1, 2, 4, ∞: nl.exercises.check(\"02.1\", (l1, l2, l4, linf))."
        )
    names = ("l1", "l2", "l4", "linf")
    got = [as_number(v, f"`{n}`") for v, n in zip(answer, names)]
    for n, v in zip(names, got):
        if math.isnan(v) or v < 0:
            return not_yet(f"`{n}` = {_num(v)}, but a norm is never negative (nor NaN).")
    for i in range(3):
        for j in range(i + 1, 4):
            if got[j] > got[i] * (1 + 1e-9):
                return not_yet(
                    f"Your p={_p_label(_ONES_PS[j])} value ({_num(got[j])}) is larger than your "
                    f"p={_p_label(_ONES_PS[i])} value ({_num(got[i])}), but p ↦ ‖x‖_p never increases."
                )
    for n, v, want in zip(names, got, _ONES_VALUES):
        if not _close(v, want) and _close(v, want, 2e-2):  # a rounding slip, not a wrong method
            return not_yet(
                f"`{n}` = {_num(v)} is close, but further off than the 0.1% the check allows: keep at "
                "least three decimals, or let Python compute the value instead of typing it."
            )
    l1, l2, l4, linf = got
    if not _close(l1, _ONES_VALUES[0]):
        return not_yet(
            f"`l1` = {_num(l1)} is not the sum of the absolute entries of (1, 1, 1, 1)."
        )
    if not _close(l2, _ONES_VALUES[1]):
        if _close(l2, 4.0):
            return not_yet(f"`l2` = {_num(l2)} is the sum of the squares; the square root is still missing.")
        return not_yet(f"`l2` = {_num(l2)} is not the square root of the sum of the squares.")
    if not _close(l4, _ONES_VALUES[2]):
        if _close(l4, 4.0):
            return not_yet(
                f"`l4` = {_num(l4)} is the sum of the fourth powers; the fourth root is still missing."
            )
        if _close(l4, 2.0):
            return not_yet(
                f"`l4` = {_num(l4)} is a square root of the sum; for p = 4 the root is the fourth root."
            )
        return not_yet(f"`l4` = {_num(l4)} is not the fourth root of the sum of the fourth powers.")
    if not _close(linf, _ONES_VALUES[3]):
        return not_yet(
            f"`linf` = {_num(linf)}, but ‖x‖_∞ is the largest |x_i|, and no entry of (1, 1, 1, 1) "
            f"equals {_num(linf)}."
        )
    return correct(
        "The sum stays 4 for every p and only the root changes, so the values fall from the sum "
        "(p = 1) toward the largest entry (p = ∞)."
    )


# --------------------------------------------------------------------------- 02.2
def _reference(x: np.ndarray, p: float) -> float:
    return float(np.linalg.norm(x, ord=p)) if x.size else 0.0


def _hidden_cases() -> list[tuple[np.ndarray, float]]:
    """Cases from a fixed seed: 27 short ones (integer entries in [-5, 5], lengths 1 to 6),
    then 3 long ones (lengths 20, 50 and 100, entries with two decimals)."""
    rng = np.random.default_rng(2)
    ps = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 7.0, 10.0, _INF)
    cases = []
    for k in range(27):
        n = int(rng.integers(1, 7))
        x = rng.integers(-5, 6, size=n).astype(float)
        if not np.any(x):
            x[0] = 3.0
        cases.append((x, ps[k % len(ps)]))
    for n, p in ((20, 2.0), (50, 1.0), (100, 3.0)):
        cases.append((np.round(rng.normal(0.0, 3.0, size=n), 2), p))
    return cases


_HIDDEN = _hidden_cases()
_GRID = (0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0, _INF)


def _call_norm(func, x, p) -> float:
    out = call_learner(func, x.copy(), p, name="my_lp_norm")
    arr = np.asarray(out)
    if arr.ndim != 0 and arr.size != 1:
        raise not_yet(
            f"my_lp_norm({_vec(x)}, {_p_label(p)}) returned an array of shape {arr.shape}; "
            "a norm is one number (did you forget to sum?)."
        )
    try:
        return float(arr.reshape(())[()].real if np.iscomplexobj(arr) else arr.reshape(())[()])
    except (TypeError, ValueError):
        raise not_yet(
            f"my_lp_norm({_vec(x)}, {_p_label(p)}) returned {type(out).__name__} {out!r}, not a number."
        ) from None


@exercise(
    "02.2",
    "Write your own Lp norm",
    stars=2,
    hints=(
        "Follow the lesson's definition of ‖x‖_p term by term, and remember that p = ∞ has its own "
        "definition (the limit of ‖x‖_p as p grows).",
        "Take absolute values first, raise them to the power p, add them up, then take the p-th root; "
        "treat p = np.inf as a separate case with an if.",
        "a = np.abs(np.asarray(x, dtype=float)); if p == np.inf: return ___; "
        "return np.sum(a ** ___) ** (1 / ___)",
    ),
)
def _check_lp_norm(func):
    # 1. Fixed cases with a diagnosis of the usual slips.
    x = np.array([3.0, -4.0, 0.0])
    for p in (1.0, 2.0, 3.0):
        got = _call_norm(func, x, p)
        want = _reference(x, p)
        if _close(got, want, 1e-9):
            continue
        a = np.abs(x)
        shown = f"With x = {_vec(x)} and p = {_p_label(p)}, your function returned {_num(got)}"
        if math.isnan(got) or got < 0:
            return not_yet(
                f"{shown}, but a norm is never negative (nor NaN). Did negative entries enter without "
                "their absolute value?"
            )
        if _close(got, float(np.sum(a**p)), 1e-9):
            return not_yet(f"{shown}, which is Σ|x_i|^p: the p-th root is missing.")
        if _close(got, float(np.mean(a**p) ** (1 / p)), 1e-9):
            return not_yet(
                f"{shown}, which is (mean of |x_i|^p)^(1/p), a power mean. A power mean grows with p; "
                "the norm adds the terms instead of averaging them."
            )
        return not_yet(f"{shown}; that is not (Σ|x_i|^p)^(1/p) for this x.")
    # 2. p = infinity: the naive formula gives inf ** 0 = 1.
    got = _call_norm(func, x, _INF)
    if not _close(got, 4.0, 1e-12):
        extra = ""
        if _close(got, 1.0, 1e-12):
            extra = (
                " The formula breaks down here: |x_i|^∞ is inf (or 0), and inf ** (1/inf) = inf ** 0 = 1."
            )
        return not_yet(
            f"With x = {_vec(x)} and p = ∞, your function returned {_num(got)}.{extra} "
            "Handle p = np.inf as its own case, using the definition of ‖x‖_∞."
        )
    # 3. A quasi-norm order and the zero vector.
    got = _call_norm(func, np.array([1.0, 1.0]), 0.5)
    if not _close(got, 4.0, 1e-9):
        return not_yet(
            f"With x = [1, 1] and p = 0.5, your function returned {_num(got)}; the same formula "
            "(Σ|x_i|^p)^(1/p) applies for 0 < p < 1, with a root of 1/p = 2 (a square)."
        )
    zero = np.zeros(3)
    for p in (1.0, 2.0, _INF):
        got = _call_norm(func, zero, p)
        if got != 0.0:
            return not_yet(
                f"With x = {_vec(zero)} and p = {_p_label(p)}, your function returned {_num(got)}; "
                "the zero vector must have norm 0. If you divide by max|x_i|, treat x = 0 separately."
            )
    # 4. The property of the lesson: p ↦ ‖x‖_p never increases.
    y = np.array([1.0, -2.0, 3.0])
    values = [_call_norm(func, y, p) for p in _GRID]
    for (p, a), (q, b) in zip(zip(_GRID, values), zip(_GRID[1:], values[1:])):
        if b > a * (1 + 1e-12):
            return not_yet(
                f"With x = {_vec(y)}, your function gives {_num(a)} at p = {_p_label(p)} but "
                f"{_num(b)} at p = {_p_label(q)}: it increases with p, and ‖x‖_p never does."
            )
    # 5. Hidden random cases, with evidence from the norm bounds where they apply.
    for v, p in _HIDDEN:
        got = _call_norm(func, v, p)
        want = _reference(v, p)
        if _close(got, want, 1e-9):
            continue
        shown = f"With x = {_vec(v)} and p = {_p_label(p)}, your function returned {_num(got)}"
        top = float(np.max(np.abs(v)))
        if got < top * (1 - 1e-9):
            return not_yet(f"{shown}, below max|x_i| = {_num(top)}; but ‖x‖_p ≥ ‖x‖_∞ for every p.")
        if p >= 1 and got > float(np.sum(np.abs(v))) * (1 + 1e-9):
            return not_yet(f"{shown}, above Σ|x_i|; but ‖x‖_p ≤ ‖x‖_1 for every p ≥ 1.")
        return not_yet(f"{shown}; that is not ‖x‖_p for this x.")
    # 6. A bonus remark that depends on the learner's code, deterministically.
    try:  # silence overflow warnings: the remark below reports the overflow itself
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            big = float(np.asarray(func(np.array([10.0, 5.0]), 400.0)).reshape(())[()])
    except Exception:  # noqa: BLE001 - any failure here only changes the remark
        big = math.inf
    n_cases = 3 + 1 + 1 + 3 + len(_GRID) + len(_HIDDEN)
    if math.isfinite(big) and _close(big, 10.0 * (1 + 0.5**400) ** (1 / 400), 1e-9):
        tail = "It even survives x = [10, 5] with p = 400, where 10**400 overflows the naive formula."
    else:
        tail = (
            f"One thing to know: my_lp_norm([10, 5], 400) returns {_num(big)}, because 10**400 "
            "overflows float64; lesson 15 shows the fix (factor out max|x_i| first)."
        )
    return correct(
        f"Your function agrees with ‖x‖_p on all {n_cases} cases, handles p = ∞ and p < 1, and never "
        f"increases in p. {tail}"
    )


# --------------------------------------------------------------------------- 02.3
_U = np.array([3.0, -4.0, 0.0, 0.0])
_V = np.array([1.0, -2.0, 2.0, -4.0])
_CHOICES = ("u", "v", "equal", "cannot tell")


@exercise(
    "02.3",
    "Equal L2 norms, different L1 norms",
    stars=2,
    hints=(
        "Section 3 of the lesson: at a fixed L2 norm, ‖x‖₁/‖x‖₂ lies between 1 and √k for a vector "
        "with k nonzero entries, and it grows the more evenly the size is spread. The count of "
        "nonzeros alone does not decide the comparison, so compute.",
        "Check first that both L2 norms really are equal, then compute both L1 norms as the sums of "
        "absolute values, and keep the signs out of it.",
        "choice = \"___\" (one of \"u\", \"v\", \"equal\", \"cannot tell\"); "
        "smaller_l1 = abs(_) + abs(_) + abs(_) + abs(_)  # for the vector you chose",
    ),
)
def _check_equal_l2(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return not_yet(
            "Pass two things as one tuple: nl.exercises.check(\"02.3\", (choice, smaller_l1))."
        )
    choice, value = answer
    if not isinstance(choice, str) or choice.strip().lower() not in _CHOICES:
        allowed = ", ".join(repr(c) for c in _CHOICES)
        return not_yet(f"`choice` must be one of {allowed}; got {choice!r}.")
    choice = choice.strip().lower()
    if choice == "equal":
        return not_yet(
            "Equal L2 norms do not force equal L1 norms: in the lesson's table, e₁ and "
            "(0.1, …, 0.1) in R^100 both have L2 norm 1 but L1 norms 1 and 10. Compute both L1 norms."
        )
    if choice == "cannot tell":
        return not_yet(
            "Both vectors are given in full, so both L1 norms can be computed; equal L2 norms alone do "
            "not settle the comparison, but the entries do."
        )
    value = as_number(value, "`smaller_l1`")
    if math.isnan(value) or value < 0:
        return not_yet(
            f"`smaller_l1` = {_num(value)}, but a norm is never negative. Did negative entries cancel "
            "when you added them up? Take absolute values first."
        )
    chosen = _U if choice == "u" else _V
    other = _V if choice == "u" else _U
    l1_chosen = float(np.sum(np.abs(chosen)))
    l1_other = float(np.sum(np.abs(other)))
    if _close(value, 5.0, 1e-9):
        return not_yet(
            "5 is the L2 norm that both vectors share; the question asks for an L1 norm "
            "(the sum of absolute values)."
        )
    if _close(value, 25.0, 1e-9):
        return not_yet("25 is the squared L2 norm that both vectors share, not an L1 norm.")
    if choice == "v":
        if _close(value, l1_chosen, 1e-9):
            return not_yet(
                f"{_num(value)} is indeed the L1 norm of v. Now compute the L1 norm of u and compare "
                "the two before you choose."
            )
        if _close(value, l1_other, 1e-9):
            return not_yet(
                f"{_num(value)} is the L1 norm of u, not of v, the vector you chose: compare the two."
            )
        return not_yet(f"You chose v, but {_num(value)} is not the sum of |v_i|; compute both L1 norms.")
    if not _close(value, l1_chosen, 1e-9):
        if _close(value, l1_other, 1e-9):
            return not_yet(f"{_num(value)} is the L1 norm of v, not of u, the vector you chose.")
        return not_yet(f"Your choice is right, but {_num(value)} is not the sum of |u_i|.")
    return correct(
        f"At the same L2 norm (5), v pays more in L1 ({_num(l1_other)} against {_num(l1_chosen)}). The "
        f"ratio ‖x‖₁/‖x‖₂ is {_num(l1_chosen / 5)} for u and {_num(l1_other / 5)} for v; for k nonzero "
        "entries it lies between 1 and √k, and the more evenly a vector spreads its size, the closer it "
        "gets to √k. The number of nonzeros only caps the ratio: v's four entries could have been "
        "lopsided enough to lose to u, so computing was the only way to be sure."
    )
