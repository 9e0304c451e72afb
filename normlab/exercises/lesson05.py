"""Checkers for lesson 05, "The L2 norm: everyday Euclidean length" (exercises 05.1 to 05.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed).
"""

from __future__ import annotations

import math

import numpy as np

from ._core import as_number, correct, exercise, fmt, is_placeholder, is_stub_function, not_yet, NotAttempted

__all__: list[str] = []


# --------------------------------------------------------------------------- 05.1
_A = np.array([1.0, 2.0, 2.0])  # length 3
_B = np.array([3.0, 0.0, -4.0])  # length 5; <a, b> = -5
_ANGLE_TOL = 0.05  # degrees: an answer rounded to two decimals passes, and so does one rounded to one
_NEAR_TOL = 0.5  # degrees: closer than this but not within _ANGLE_TOL is a rounding problem


def _deg(cos_value: float) -> float:
    return math.degrees(math.acos(max(-1.0, min(1.0, cos_value))))


@exercise(
    "05.1",
    "The angle between two vectors",
    stars=1,
    hints=(
        "Go back to the lesson's section \"2 · Angles, cosine similarity and projections\": the inner "
        "product, the two lengths and the cosine of the angle are tied together by one formula.",
        "Compute the cosine similarity <a, b> / (||a||_2 ||b||_2), turn it into an angle with "
        "np.arccos (which returns radians), then convert radians to degrees.",
        "cos_ab = (a @ b) / (___ * ___);  angle_deg = np.degrees(np.arccos(___))",
    ),
)
def _check_angle(answer):
    value = as_number(answer, "`angle_deg`")
    dot = float(_A @ _B)
    na, nb = float(np.linalg.norm(_A)), float(np.linalg.norm(_B))
    cos_ab = dot / (na * nb)
    want = _deg(cos_ab)
    shown = f"`angle_deg` = {value:.6g}"  # enough digits that a near miss is not shown as the answer
    if math.isnan(value):
        return not_yet(
            f"{shown}: np.arccos returns nan for a number outside [-1, 1]. A cosine similarity always "
            "lies in [-1, 1] once the inner product is divided by both lengths."
        )
    if abs(value - want) <= _ANGLE_TOL:
        return correct(
            "Your angle is right: the inner product is negative, so the vectors point more apart "
            "than together and the angle is obtuse."
        )
    if abs(value - math.radians(want)) <= 1e-3:
        return not_yet(
            f"{shown} looks like an angle in radians: np.arccos returns radians. The exercise asks "
            "for degrees (np.degrees converts)."
        )
    if abs(value - cos_ab) <= 1e-3:
        return not_yet(
            f"{shown} is the cosine similarity of a and b, not the angle: the angle is the number "
            "whose cosine this is."
        )
    if abs(value - dot) <= 1e-6:
        return not_yet(f"{shown} is the inner product <a, b>; divide by both lengths, then take the arccos.")
    if abs(value - (180.0 - want)) <= _ANGLE_TOL:
        return not_yet(
            f"{shown} is an acute angle, but <a, b> = {fmt(dot)} is negative, so the angle between a "
            "and b is larger than 90 degrees. Did an absolute value or a swapped sign creep in?"
        )
    for label, denom in (("||a||_2^2", na**2), ("||b||_2^2", nb**2), ("||a||_2^2 ||b||_2^2", na**2 * nb**2)):
        if abs(value - _deg(dot / denom)) <= _ANGLE_TOL:
            return not_yet(
                f"{shown} comes from dividing <a, b> by {label}. The cosine divides by the product of "
                "the two lengths, ||a||_2 ||b||_2 (no squares)."
            )
    if not 0.0 <= value <= 180.0:
        return not_yet(
            f"{shown} is outside [0, 180]: the angle between two vectors is between 0 degrees (same "
            "direction) and 180 degrees (opposite directions)."
        )
    if abs(value - want) <= _NEAR_TOL:
        return not_yet(
            f"{shown} is close, but further off than rounding the angle to two decimals explains. Did "
            "you round an intermediate number (the cosine or a length) before taking the arccos? Keep "
            "full precision until the end."
        )
    return not_yet(
        f"{shown}: the cosine of that angle is {math.cos(math.radians(value)):.4f}, which is not "
        "<a, b> / (||a||_2 ||b||_2) for these vectors. Recompute the inner product and the two lengths."
    )


# --------------------------------------------------------------------------- 05.2
_U2 = np.array([0.6, -0.8])
_U3 = np.array([2.0, -1.0, 2.0]) / 3.0
_SLOPE_TOL = 1e-4  # a one-sided quotient with h <= 1e-3 is within 1e-3 of the slope; with h = 1e-6, 1e-6


def _l2(x):
    return float(np.sqrt(np.sum(np.asarray(x, dtype=float) ** 2)))


def _sq(x):
    return float(np.sum(np.asarray(x, dtype=float) ** 2))


def _smooth(x):  # 3 x_0 - x_1 + ||x||^2: slope 3 * 0.6 + 0.8 = 2.6 along _U2 at 0
    x = np.asarray(x, dtype=float)
    return float(3.0 * x[0] - x[1] + np.sum(x**2))


def _slopes(func, f, u, name):
    """Call the learner's one_sided_slopes(f, u) and return two floats, or raise a verdict."""
    if is_placeholder(func) or is_stub_function(func):
        raise NotAttempted
    if not callable(func):
        raise not_yet(f"one_sided_slopes should be a function (defined with def); got {type(func).__name__}.")
    try:
        out = func(f, u.copy())
    except Exception as exc:  # the learner's bug, reported with the case that caused it
        raise not_yet(
            f"one_sided_slopes({name}, u = {fmt(u)}) raised {type(exc).__name__}: {exc}. "
            "f takes a vector (a NumPy array the shape of u) and returns a number."
        ) from None
    if out is Ellipsis:
        raise NotAttempted
    if out is None:
        raise not_yet("one_sided_slopes returned None: did you forget `return`?")
    try:
        pair = [float(v) for v in np.asarray(out, dtype=float).ravel()]
    except (TypeError, ValueError):
        raise not_yet(f"one_sided_slopes should return two numbers (left, right); got {out!r}.") from None
    if len(pair) != 2:
        raise not_yet(
            f"one_sided_slopes should return two numbers, (left slope, right slope); for f = {name} "
            f"it returned {len(pair)} value{'s' if len(pair) != 1 else ''}: {fmt(np.asarray(pair))}."
        )
    if not all(math.isfinite(v) for v in pair):
        raise not_yet(f"for f = {name} and u = {fmt(u)} your slopes are {fmt(np.asarray(pair))}: not finite.")
    return pair


@exercise(
    "05.2",
    "One-sided slopes of the L2 norm at 0",
    stars=2,
    hints=(
        "Go back to the myth box in the lesson's section \"4 · A kink at 0, and a smooth square\" and "
        "the cell after it: walk along the line t -> t*u and compare the slope immediately left of t = 0 "
        "with the slope immediately right of it.",
        "Use two one-sided difference quotients with a small step h > 0: the change in f from t = 0 "
        "to t = h, divided by h, and the change from t = -h to t = 0, divided by h. f takes a vector, "
        "so evaluate it at the points t*u; at t = 0 that is the zero vector 0*u, not the number 0.",
        "zero = np.zeros_like(u);  left = (f(zero) - f(___)) / h;  right = (f(___) - f(zero)) / h;  "
        "return left, right",
    ),
)
def _check_slopes(answer):
    left, right = _slopes(answer, _l2, _U2, "the L2 norm")
    name = f"f = the L2 norm, u = {fmt(_U2)}"
    shown = f"For {name} your slopes are (left, right) = ({fmt(left)}, {fmt(right)})"
    if abs(left) < _SLOPE_TOL and abs(right) < _SLOPE_TOL:
        if max(abs(left), abs(right)) > 1e-9:  # +-h: the change was not divided by the step
            return not_yet(
                f"{shown}: about the size of the step h. A slope is a change in f divided by the "
                "change in t; did you divide by h?"
            )
        return not_yet(
            f"{shown}. Both are 0, as a central difference (f(h u) - f(-h u)) / (2h) would give: it "
            "averages the two sides and hides the corner. Use one difference on each side of 0."
        )
    if abs(left - right) < _SLOPE_TOL:
        return not_yet(
            f"{shown}: the two agree, as they would for a smooth function. The left slope compares "
            "f(0) with f(-h u), which lies at t = -h: divide the change by a step taken in the "
            "direction of increasing t."
        )
    if abs(abs(left) - 0.5) < _SLOPE_TOL and abs(abs(right) - 0.5) < _SLOPE_TOL:
        return not_yet(f"{shown}: half of what a one-sided slope gives. Divide by h, not by 2h.")
    if abs(abs(left) - 1.0) > _SLOPE_TOL or abs(abs(right) - 1.0) > _SLOPE_TOL:
        return not_yet(
            f"{shown}. A step of length h along a unit vector u changes ||.||_2 by exactly h, so each "
            "one-sided slope has size 1. Did you step along u (the point t*u), not along every coordinate?"
        )
    if left > 0 > right:
        return not_yet(
            f"{shown}. Along the line, f(-h u) = h is larger than f(0) = 0, so f falls as t increases "
            "toward 0. What sign does a slope have where f falls?"
        )
    # the L2 norm passes: left -1, right +1. Now a smooth function, whose two sides must agree.
    for f, u, fname, want in ((_sq, _U2, "the squared L2 norm", 0.0),
                              (_smooth, _U2, "f(x) = 3 x_0 - x_1 + ||x||_2^2", 2.6),
                              (_l2, _U3, "the L2 norm", None)):
        lft, rgt = _slopes(answer, f, u, fname)
        if want is None:
            if abs(lft + 1.0) > _SLOPE_TOL or abs(rgt - 1.0) > _SLOPE_TOL:
                return not_yet(
                    f"For f = {fname} and u = {fmt(u)} (in 3-D) your slopes are ({fmt(lft)}, {fmt(rgt)}), "
                    "but in 2-D your function worked. Does it assume two coordinates?"
                )
            continue
        if abs(lft - want) > _SLOPE_TOL or abs(rgt - want) > _SLOPE_TOL:
            return not_yet(
                f"For f = {fname} and u = {fmt(u)} your slopes are ({fmt(lft)}, {fmt(rgt)}). This f is "
                "smooth, so both one-sided slopes should be (almost) the same number, the directional "
                "derivative of f at 0 along u. Check that you evaluate f at t*u for t = -h, 0 and h."
            )
    return correct(
        "For the L2 norm the slope from the left is -1 and from the right +1: they disagree, so "
        "||x||_2 has no derivative at 0. For the squared norm and for a smooth f both sides agree."
    )


# --------------------------------------------------------------------------- 05.3
def _ridge_ref(X, y, lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def _twin_case():
    gen = np.random.default_rng(5)
    Z = gen.standard_normal((30, 2))
    X = np.column_stack([Z[:, 0], Z[:, 1], Z[:, 0]])  # column 2 is an exact copy of column 0
    y = 2.0 * Z[:, 0] - 1.0 * Z[:, 1] + 0.3 * gen.standard_normal(30)
    return X, y, 2.0


def _plain_case():
    gen = np.random.default_rng(6)
    X = gen.standard_normal((20, 4))
    y = X @ np.array([1.0, -0.5, 0.0, 2.0]) + 0.2 * gen.standard_normal(20)
    return X, y, 0.5


_TWIN = _twin_case()
_PLAIN = _plain_case()


def _objective(X, y, lam, w):
    return float(np.sum((y - X @ w) ** 2) + lam * np.sum(w**2))


def _singular_message(func, what, exc):
    """Explain a LinAlgError on the twin data, using what `func` does on the data without duplicates."""
    head = (f"On {what}, my_ridge raised LinAlgError ({exc}): with two identical columns, X^T X has "
            "two equal columns and no inverse.")
    X2, y2, lam2 = _PLAIN
    try:
        w2 = np.asarray(func(X2.copy(), y2.copy(), lam2), dtype=float).ravel()
    except Exception:  # it fails there too: say only what is certain
        w2 = None
    if w2 is not None and w2.shape == (X2.shape[1],):
        if np.allclose(w2, np.linalg.solve(X2.T @ X2, X2.T @ y2), rtol=1e-6, atol=1e-9):
            return (f"{head} On a second data set without duplicates, your function returns the plain "
                    "least-squares w, which minimizes ||y - Xw||^2 alone: the penalty lam ||w||^2 is "
                    "missing. Which matrix does the penalty's gradient 2 lam w add to X^T X?")
        ones = np.ones((X2.shape[1], X2.shape[1]))
        if np.allclose(w2, np.linalg.solve(X2.T @ X2 + lam2 * ones, X2.T @ y2), rtol=1e-6, atol=1e-9):
            return (f"{head} Adding lam * np.ones does not help: every column of that matrix is the "
                    "same, so the two equal columns stay equal. Which matrix does the penalty's "
                    "gradient 2 lam w add to X^T X?")
    return (f"{head} The penalty is what makes the system solvable: which matrix does its gradient "
            "2 lam w add to X^T X?")


def _ridge_answer(func, X, y, lam, what):
    """Call my_ridge(X, y, lam) on copies; return a float vector of shape (d,), or raise a verdict."""
    if is_placeholder(func) or is_stub_function(func):
        raise NotAttempted
    if not callable(func):
        raise not_yet(f"my_ridge should be a function (defined with def); got {type(func).__name__}.")
    Xc, yc = X.copy(), y.copy()
    try:
        out = func(Xc, yc, lam)
    except np.linalg.LinAlgError as exc:
        raise not_yet(_singular_message(func, what, exc)) from None
    except Exception as exc:
        raise not_yet(f"On {what}, my_ridge(X, y, lam) raised {type(exc).__name__}: {exc}.") from None
    if out is Ellipsis:
        raise NotAttempted
    if out is None:
        raise not_yet("my_ridge returned None: did you forget `return`?")
    if not (np.array_equal(Xc, X) and np.array_equal(yc, y)):
        raise not_yet("my_ridge changed its input X or y in place; work on copies.")
    try:
        w = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"my_ridge should return an array of coefficients; got {type(out).__name__}.") from None
    n, d = X.shape
    if w.size == n and n != d:
        raise not_yet(
            f"On {what}, my_ridge returned {n} values, one per sample: those look like predictions "
            f"X @ w. Return the {d} coefficients w."
        )
    if w.size != d:
        raise not_yet(f"On {what}, my_ridge should return {d} coefficients (one per column of X); got shape {w.shape}.")
    w = w.ravel()
    if not np.all(np.isfinite(w)):
        raise not_yet(f"On {what}, my_ridge returned {fmt(w)}: not all finite.")
    return w


def _diagnose(w, X, y, lam, what):
    """A specific message for a w that is not the ridge solution on (X, y, lam)."""
    shown = f"On {what} (lam = {fmt(lam)}) your w = {fmt(w)}"
    if np.max(np.abs(w)) > 1e6:
        return (f"{shown}: huge coefficients, the sign of a (nearly) singular X^T X inverted without "
                "the penalty.")
    ols = np.linalg.pinv(X) @ y
    if np.allclose(w, ols, rtol=1e-6, atol=1e-9):
        return (f"{shown} minimizes ||y - Xw||^2 alone (the minimum-norm least-squares solution): "
                "the penalty lam ||w||^2 is missing.")
    for factor, label in ((2.0, "2 lam"), (0.5, "lam / 2"), (len(y), "n lam"), (1.0 / len(y), "lam / n")):
        if np.allclose(w, _ridge_ref(X, y, factor * lam), rtol=1e-6, atol=1e-9):
            return (f"{shown} is a ridge solution, but for the penalty {label} ||w||^2 instead of "
                    "lam ||w||^2. Set the gradient 2 X^T (Xw - y) + 2 lam w to zero and keep track "
                    "of the factors.")
    Xm, ym = X - X.mean(axis=0), y - y.mean()
    if np.allclose(w, _ridge_ref(Xm, ym, lam), rtol=1e-6, atol=1e-9):
        return (f"{shown} fits an intercept (the data were centered, as sklearn's Ridge does by "
                "default). This model has no intercept: use X and y as they are (fit_intercept=False).")
    best = _ridge_ref(X, y, lam)
    return (f"{shown} gives the ridge objective ||y - Xw||^2 + lam ||w||^2 = "
            f"{_objective(X, y, lam, w):.4f}, but some w reaches {_objective(X, y, lam, best):.4f}: "
            "yours is not the minimizer.")


@exercise(
    "05.3",
    "Ridge regression on a duplicated column",
    stars=2,
    hints=(
        "Go back to the lesson's section \"6 · Ridge in closed form: it shrinks but creates no zeros\": "
        "ridge has a closed form, found by setting the gradient of ||y - Xw||^2 + lam ||w||^2 to "
        "zero. Section \"5 · Two identical features: the square splits, L1 picks\" says what to "
        "expect for identical columns.",
        "Set the gradient 2 X^T (Xw - y) + 2 lam w to zero and collect the terms in w: that is a "
        "linear system A w = b with a d x d matrix A. Solve it with np.linalg.solve rather than "
        "inverting A, and do not center X or y (no intercept here).",
        "d = X.shape[1];  A = X.T @ X + ___ * np.eye(___);  return np.linalg.solve(A, ___)",
    ),
)
def _check_ridge(answer):
    X, y, lam = _TWIN
    what = "the data with a duplicated column"
    w = _ridge_answer(answer, X, y, lam, what)
    ref = _ridge_ref(X, y, lam)
    if not np.allclose(w, ref, rtol=1e-6, atol=1e-9):
        if abs(w[0] - w[2]) >= 1e-8 and np.isclose(w[0] + w[2], ref[0] + ref[2], rtol=1e-6):
            return not_yet(
                f"On {what}, columns 0 and 2 are identical and your coefficients for them are "
                f"{fmt(w[0])} and {fmt(w[2])}: they add up correctly but differ. For a fixed sum, "
                "w_0^2 + w_2^2 is smallest at one split only."
            )
        return not_yet(_diagnose(w, X, y, lam, what))
    if abs(w[0] - w[2]) >= 1e-8:  # pragma: no cover - excluded by the rtol check above for these data
        return not_yet(f"On {what}, your coefficients of the identical columns differ by {abs(w[0] - w[2]):.1e}.")
    X2, y2, lam2 = _PLAIN
    what2 = "a second data set without duplicates"
    w2 = _ridge_answer(answer, X2, y2, lam2, what2)
    if not np.allclose(w2, _ridge_ref(X2, y2, lam2), rtol=1e-6, atol=1e-9):
        return not_yet(_diagnose(w2, X2, y2, lam2, what2))
    return correct(
        "The identical columns got identical coefficients (to within 1e-8), and "
        "your w minimizes the ridge objective: X^T X + lam I is invertible for any lam > 0, so ridge "
        "has one answer even when X^T X is singular."
    )
