"""Checkers for lesson 10, "Dual norms and the hidden symmetry" (exercises 10.1 to 10.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed).
"""

from __future__ import annotations

import math

import numpy as np

from ._core import as_number, call_learner, correct, exercise, fmt, not_yet, NotAttempted, _Verdict

__all__: list[str] = []


def _close(a: float, b: float, tol: float = 1e-9) -> bool:
    return abs(a - b) <= tol * max(1.0, abs(b))


# --------------------------------------------------------------------------- 10.1
_Y1 = np.array([-1.0, 4.0, -8.0])
_NAMES_10_1 = ("dual_l1", "dual_l2", "dual_linf")
_PRIMAL_ORDS = (1.0, 2.0, math.inf)
_DUAL_ORDS = (math.inf, 2.0, 1.0)
_NORM_NAME = {1.0: "‖y‖₁", 2.0: "‖y‖₂", math.inf: "‖y‖∞"}


@exercise(
    "10.1",
    "Dual norms of a small vector",
    stars=1,
    hints=(
        "Go back to Section 1 of the lesson, \"How far does a ball reach in a direction?\": the dual norm "
        "of y is the largest value of <y, x> over the "
        "unit ball of the primal norm. Which points of the L1 ball, the L2 ball and the L∞ ball go "
        "furthest in the direction of y?",
        "Use the table of Hölder conjugates: the dual of L1 is the L∞ norm, L2 is its own dual, and the "
        "dual of L∞ is the L1 norm. So each answer is a norm of y, but not always the one in its name.",
        "dual_l1 = nl.vector_norm(y, ord=___); dual_l2 = nl.vector_norm(y, ord=___); "
        "dual_linf = nl.vector_norm(y, ord=___)  (or nl.dual_norm(y, ord=...))",
    ),
)
def _check_small_duals(answer):
    if isinstance(answer, np.ndarray) and answer.shape == (3,):
        answer = list(answer)  # np.array([dual_l1, dual_l2, dual_linf]) is fine too
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet(
            "Pass the three values as one tuple in this order: "
            'nl.exercises.check("10.1", (dual_l1, dual_l2, dual_linf)).'
        )
    got = [as_number(v, f"`{n}`") for v, n in zip(answer, _NAMES_10_1)]
    primal = [float(np.linalg.norm(_Y1, p)) for p in _PRIMAL_ORDS]
    want = [float(np.linalg.norm(_Y1, q)) for q in _DUAL_ORDS]
    if all(_close(g, w) for g, w in zip(got, want)):
        return correct(
            "The dual of L1 is the L∞ norm, L2 is its own dual, and the dual of L∞ is the L1 norm: "
            "the bigger the primal ball, the further it reaches along y, so the larger the dual norm."
        )
    if all(_close(g, p) for g, p in zip(got, primal)):
        return not_yet(
            "Your three values are ‖y‖₁, ‖y‖₂ and ‖y‖∞, the primal norms of y themselves. The dual of a "
            "norm is the largest <y, x> over that norm's unit ball, which is usually a different norm of y."
        )
    for name, value, p, q in zip(_NAMES_10_1, got, _PRIMAL_ORDS, _DUAL_ORDS):
        if _close(value, float(np.linalg.norm(_Y1, q))):
            continue
        shown = f"`{name}` = {fmt(value, 10)}"  # enough digits that a near miss does not look right
        if math.isnan(value) or value < 0:
            return not_yet(f"{shown}, but a norm, dual or not, is never negative.")
        if p != 2 and _close(value, float(np.linalg.norm(_Y1, p))):
            return not_yet(
                f"{shown} is {_NORM_NAME[p]}, the primal norm of y. The dual of this norm maximizes <y, x> "
                f"over its unit ball; try the vertices of that ball."
            )
        if _close(value, float(np.sum(_Y1 ** 2))):
            return not_yet(f"{shown} is the sum of squares ‖y‖₂²; a norm takes the square root.")
        if _close(abs(value), abs(float(np.sum(_Y1)))):
            return not_yet(
                f"{shown} is |y₁ + y₂ + y₃|: positive and negative entries cancelled. At the maximizer, "
                "every x_i has the sign of y_i, so every term y_i·x_i is non-negative."
            )
        if _close(value, float(np.max(_Y1))) or _close(value, float(np.min(np.abs(_Y1)))):
            return not_yet(f"{shown} is one entry of y, but not the one (in absolute value) that this dual needs.")
        want = float(np.linalg.norm(_Y1, q))
        if value > want:
            return not_yet(
                f"{shown} is too large: <y, x> never gets that far on the unit ball of that norm, whichever "
                "point x of the ball you take. (Values are compared with a relative tolerance of 1e-9.)"
            )
        sampled = " A random search only approaches the maximum; find the maximizing point itself." if (
            value > 0.99 * want) else ""
        return not_yet(
            f"{shown} is below the largest value of <y, x> over the unit ball of that norm: some point of the "
            f"ball reaches further along y.{sampled} (Values are compared with a relative tolerance of 1e-9.)"
        )
    return not_yet("One of the values is not the dual norm it names.")  # pragma: no cover - unreachable


# --------------------------------------------------------------------------- 10.2
def _cases_10_2():
    """Fixed hand-picked vectors, then 100 random ones (seed 10, lengths 1 to 8)."""
    cases = [
        np.array([2.0, -1.0, 0.5]),
        np.array([-1.0, -3.0, -2.0]),  # all negative: linprog's default bounds x >= 0 see nothing
        np.array([-2.5]),
        np.array([1.0, -1.0, 1.0, 0.0]),  # ties and a zero
    ]
    rng = np.random.default_rng(10)
    for _ in range(100):
        d = int(rng.integers(1, 9))
        cases.append(np.round(rng.normal(scale=3.0, size=d), 3))
    return cases


_CASES_10_2 = _cases_10_2()
_TOL_10_2 = 1e-8


def _diagnose_lp(y: np.ndarray, p: float, value: float) -> str | None:
    """A specific explanation for a known mistake, or None."""
    want = float(np.linalg.norm(y, 1.0 if p == math.inf else math.inf))
    shown = f"With y = {fmt(y)} and ord={'np.inf' if p == math.inf else 1}, your function returned {fmt(value)}"
    if math.isnan(value):
        return f"{shown}. Did the solver fail? Check res.status (0 means success) and res.fun."
    if want > 0 and _close(value, -want, _TOL_10_2):
        return (f"{shown}, the right size with the wrong sign. linprog minimizes: to maximize <y, x>, minimize "
                "<-y, x> and negate the optimal value res.fun.")
    if p == math.inf and _close(value, float(np.sum(np.maximum(y, 0.0))), _TOL_10_2):
        return (f"{shown}: only the positive entries of y contributed, as if every x_i had to be >= 0. "
                "linprog's default bounds are (0, None); the L∞ ball needs -1 <= x_i <= 1.")
    if p == 1 and _close(value, float(max(np.max(y), 0.0)), _TOL_10_2) and not _close(value, want, _TOL_10_2):
        return (f"{shown}: the largest positive entry of y, as if every x_i had to be >= 0. In the L1 ball "
                "x_i may be negative: write x = u - v with u, v >= 0 and limit sum(u) + sum(v).")
    primal = float(np.linalg.norm(y, p))
    if _close(value, primal, _TOL_10_2) and not _close(primal, want, _TOL_10_2):
        other = "L∞ ball" if p == math.inf else "L1 ball"
        return (f"{shown}, which is the primal norm ‖y‖_{'∞' if p == math.inf else '1'} of y. The dual of this "
                f"norm is the largest <y, x> over the {other}: set up the LP over that ball.")
    return None


@exercise(
    "10.2",
    "An LP-based dual norm",
    stars=2,
    hints=(
        "Revisit 'A linear program instead of a list' in Section 1: the dual norm is the largest <y, x> "
        "over a polytope (the L∞ box or the L1 cross-polytope), which is exactly what a linear program "
        "computes.",
        "scipy.optimize.linprog(c, A_ub=..., b_ub=..., bounds=...) minimizes c @ x, so pass c = -y and "
        "negate res.fun. For L∞ use bounds=[(-1, 1)] * d. For L1 use 2d variables z = (u, v) >= 0 with "
        "x = u - v, the objective (-y, y), and one inequality sum(z) <= 1.",
        "if ord == np.inf: res = linprog(-y, bounds=[(___, ___)] * y.size)\n"
        "else: res = linprog(np.concatenate([-y, ___]), A_ub=np.ones((1, 2 * y.size)), b_ub=[___], "
        "bounds=(0, None))\nreturn ___ * res.fun",
    ),
)
def _check_lp_dual_norm(func):
    for p in (math.inf, 1.0):
        for y in _CASES_10_2:
            y_in = y.copy()
            try:
                out = call_learner(func, y_in, np.inf if p == math.inf else 1, name="my_dual_norm")
            except (NotAttempted, _Verdict) as stop:
                returned_none = isinstance(stop, NotAttempted) or "returned None" in stop.message
                if p == 1.0 and returned_none:  # the L∞ case works: say what is missing
                    return not_yet(
                        f"Your function handles ord=np.inf, but with y = {fmt(y)} and ord=1 it returned "
                        "None. Add the L1 case (the cross-polytope)."
                    )
                raise
            if not np.array_equal(y_in, y):
                return not_yet(f"With y = {fmt(y)}, your function changed its input y in place; leave y as it is.")
            value = as_number(out, f"my_dual_norm({fmt(y)}, ord={'np.inf' if p == math.inf else 1})")
            want = float(np.linalg.norm(y, 1.0 if p == math.inf else math.inf))
            if abs(value - want) <= _TOL_10_2 * max(1.0, abs(want)):
                continue
            specific = _diagnose_lp(y, p, value)
            if specific:
                return not_yet(specific)
            return not_yet(
                f"With y = {fmt(y)} and ord={'np.inf' if p == math.inf else 1}, your function returned "
                f"{fmt(value, 10)}, which differs from the dual norm by more than 1e-8. Check the "
                "objective's sign, the bounds and, for ord=1, the constraint that defines the ball."
            )
    return correct(
        f"Your function matches the closed forms ‖y‖₁ (dual of L∞) and ‖y‖∞ (dual of L1) on all "
        f"{len(_CASES_10_2)} test vectors within 1e-8. (The checker compares values only: it cannot see "
        "whether you solved an LP, so make sure you did.) An LP needs a polytope: for round balls such as "
        "L2 or L3 you need a nonlinear optimizer or the closed form."
    )


# --------------------------------------------------------------------------- 10.3
_EPS_10_3 = 8 / 255


def _nearest_centroid_problem():
    """The sheet's fixed data and model: digits split with rng=0, class means as a linear classifier."""
    from ..data import load_digits_unit

    X_train, X_test, y_train, y_test = load_digits_unit(test_size=0.3, rng=0)
    centroids = np.stack([X_train[y_train == k].mean(axis=0) for k in range(10)])
    W = centroids
    b = -0.5 * np.sum(centroids**2, axis=1)
    return W, b, X_train, y_train, X_test, y_test


def _accuracy(W, b, X, y, eps, D):
    """Fraction of rows whose margins z_y - z_j - eps * D[y, j] are all positive."""
    Z = X @ W.T + b
    rows = np.arange(len(y))
    m = Z[rows, y][:, None] - Z - eps * D[y]
    m[rows, y] = np.inf
    return float(np.mean(m.min(axis=1) > 0))


def _wrong_answers_10_3(W, b, X_train, y_train, X, y):
    """(value, message) for the typical mistakes, each computed on the sheet's model and data."""
    diff = W[:, None, :] - W[None, :, :]
    l1 = np.abs(diff).sum(axis=2)
    rows = np.arange(len(y))
    Z = X @ W.T + b
    runner_up = np.where(np.arange(10)[None, :] == y[:, None], -np.inf, Z).argmax(axis=1)
    only_runner_up = float(np.mean(Z[rows, y] - Z[rows, runner_up] - _EPS_10_3 * l1[y, runner_up] > 0))
    lo, hi = np.maximum(-_EPS_10_3, -X), np.minimum(_EPS_10_3, 1.0 - X)
    V = W[y][:, None, :] - W[None, :, :]
    worst = (np.maximum(V, 0.0) @ lo[:, :, None] + np.minimum(V, 0.0) @ hi[:, :, None])[..., 0]
    mb = Z[rows, y][:, None] - Z + worst
    mb[rows, y] = np.inf
    box = float(np.mean(mb.min(axis=1) > 0))
    norms = np.abs(W).sum(axis=1)
    return [
        (_accuracy(W, b, X, y, 0.0, l1),
         "is the clean accuracy (no perturbation). Subtract eps·‖w_y − w_j‖₁ from every margin first."),
        (_accuracy(W, b, X, y, _EPS_10_3, np.sqrt((diff**2).sum(axis=2))),
         "is what you get with the L2 norm ‖w_y − w_j‖₂. An L∞ budget on δ pairs with the dual norm "
         "of L∞, which is not L2."),
        (_accuracy(W, b, X, y, _EPS_10_3, np.abs(diff).max(axis=2)),
         "is what you get with ‖w_y − w_j‖∞, the largest single weight difference. The worst δ moves "
         "every pixel at once, so all weight differences count: which norm adds them up?"),
        (_accuracy(W, b, X, y, _EPS_10_3, norms[:, None] + norms[None, :]),
         "is what you get with ‖w_y‖₁ + ‖w_j‖₁. That is only an upper bound on ‖w_y − w_j‖₁ (triangle "
         "inequality), so the margins drop too much. Use the norm of the difference."),
        (_accuracy(W, np.zeros_like(b), X, y, _EPS_10_3, l1),
         "is what you get without the intercepts b. The nearest-centroid scores need b_k = −‖μ_k‖₂²/2."),
        (_accuracy(W, b, X_train, y_train, _EPS_10_3, l1),
         "is measured on the training digits; the exercise asks for the test digits."),
        (box,
         "is the robust accuracy when the perturbed pixels must also stay in [0, 1]. The exercise asks for "
         "the formula's value over the whole L∞ ball (the lower bound), without the pixel box."),
        (only_runner_up if not math.isclose(only_runner_up, _accuracy(W, b, X, y, _EPS_10_3, l1)) else -1.0,
         "is what you get by checking only the runner-up class. A different rival can have a larger "
         "‖w_y − w_j‖₁ and fall first: take the minimum over every j ≠ y."),
        (_accuracy(W, b, X, y, 8 / 256, l1),
         "is what you get with a slightly smaller budget, such as eps = 8/256 or 0.03. Use the eps "
         "argument as given (8/255), without rounding it."),
    ]


@exercise(
    "10.3",
    "Robust accuracy of a nearest-centroid classifier",
    stars=3,
    hints=(
        "Section 4 of the lesson, \"The exact robust margin of a linear classifier\", derives that margin "
        "against an L∞ budget: the clean score gap minus eps times a norm of the weight difference. A digit counts "
        "when that margin is positive for every rival class.",
        "Compute the scores Z = X_test @ W.T + b, the gaps Z[i, y_i] − Z[i, j], and the pairwise norms "
        "‖w_k − w_j‖₁ for all k, j (broadcast W[:, None, :] − W[None, :, :]). Exclude j = y_i, for "
        "example by setting that entry to +inf, then take the minimum over j.",
        "Inside robust_accuracy(W, b, X, y, eps):\n"
        "Z = X @ W.T + b\n"
        "rows = np.arange(len(y))\n"
        "D = np.abs(W[:, None, :] - W[None, :, :]).sum(axis=___)\n"
        "margins = Z[rows, y][:, None] - Z - eps * D[___]\n"
        "margins[rows, y] = ___\n"
        "return np.mean(margins.min(axis=1) ___ 0)",
    ),
)
def _check_centroid_robust_accuracy(answer):
    value = as_number(answer, "`robust_acc`")
    W, b, X_train, y_train, X, y = _nearest_centroid_problem()
    n = len(y)
    shown = f"`robust_acc` = {fmt(value)}"
    if math.isnan(value):
        return not_yet(f"{shown}; is a division by zero or an empty selection hiding somewhere?")
    if value > 1.0:
        return not_yet(
            f"{shown} is above 1. Give the fraction of the {n} test digits, between 0 and 1, not a count "
            "or a percentage."
        )
    if value < 0:
        return not_yet(f"{shown} is negative; an accuracy is a fraction between 0 and 1.")
    reference = _accuracy(W, b, X, y, _EPS_10_3, np.abs(W[:, None, :] - W[None, :, :]).sum(axis=2))
    for wrong, message in _wrong_answers_10_3(W, b, X_train, y_train, X, y):
        # a known mistake, matched to 4 decimals (same data, same model: no solver noise), takes
        # precedence over the ±0.01 tolerance, which some of these mistakes would otherwise pass
        if abs(value - wrong) < 5e-5 and abs(wrong - reference) >= 0.5 / n:
            return not_yet(f"{shown} {message}")
    if abs(value - reference) <= 0.01:
        return correct(
            "Every rival class counts, and each margin loses eps·‖w_y − w_j‖₁, the dual norm of the L∞ "
            "budget: this is the exact robust accuracy over the whole L∞ ball. Part 2 asks what it says "
            "about this model."
        )
    if value == 0.0:
        return not_yet(
            f"{shown}: no digit survives. Two mistakes give exactly 0. The true class counted as its own "
            "rival: its margin z_y − z_y − eps·‖w_y − w_y‖₁ is 0, which is never > 0, so exclude j = y. Or a "
            "budget on the wrong scale, such as eps = 8 instead of 8/255 (pixels are in [0, 1])."
        )
    clean = _accuracy(W, b, X, y, 0.0, np.zeros((10, 10)))
    if value > clean:
        return not_yet(
            f"{shown} is above the clean accuracy on these test digits ({fmt(clean)}); a robust accuracy "
            "can never exceed it, since every perturbation budget includes δ = 0."
        )
    return not_yet(
        f"{shown} is not the fraction of test digits whose worst-case margins are all positive. Check the "
        "margin formula (which norm of which vector, times eps) and that every rival class j ≠ y is included."
    )
