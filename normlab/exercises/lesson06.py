"""Checkers for lesson 06, "The L∞ norm: when only the worst case counts" (exercises 06.1 to 06.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed). Entries are counted from 1, as in
the lesson's maths, with the Python index next to it: "entry 3 (x[2] in Python)".
"""

from __future__ import annotations

import math

import numpy as np

from ._core import as_number, call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []


def _as_vector(value, what: str, size: int) -> np.ndarray:
    """Turn one answer into a 1-D float array of length `size`, or raise a "not yet" verdict."""
    if isinstance(value, (str, bytes, dict, set)):
        raise not_yet(f"{what} should be an array of {size} numbers; got {type(value).__name__} {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"{what} should be an array of {size} numbers; got {type(value).__name__} {value!r}.") from None
    if arr.shape != (size,):
        raise not_yet(f"{what} should be a 1-D array of {size} numbers; got shape {arr.shape}.")
    if not np.all(np.isfinite(arr)):
        raise not_yet(f"{what} = {fmt(arr)} contains NaN or infinity.")
    return arr + 0.0  # -0.0 becomes 0.0, so messages never show "-0."


def _entry(i: int, name: str) -> str:
    """'entry 3 (x[2] in Python)': the lesson counts from 1, Python from 0."""
    return f"entry {i + 1} ({name}[{i}] in Python)"


# --------------------------------------------------------------------------- 06.1
_X1 = np.array([1.5, -3.0, 2.5, -0.5])
_R1 = 2.0
_TOL1 = 1e-6  # one tolerance for accepting and for every diagnosis, so messages never contradict


@exercise(
    "06.1",
    "The L∞ norm and clipping",
    stars=1,
    hints=(
        "Revisit Section 1, \"The largest entry, and nothing else\", for the definition of the L∞ norm "
        "(look at the signs), and Section 3, \"The L∞ ball is a box, and projecting onto it is clipping\", "
        "for the closest point of an L∞ ball: each coordinate gets its own budget.",
        "The L∞ norm is the largest absolute value. Projecting onto the ball of radius r treats each "
        "coordinate separately: keep it if it lies in [-r, r], otherwise move it to the nearer end.",
        "linf_x = np.max(np.abs(___));  x_proj = np.clip(x, ___, ___)",
    ),
)
def _check_linf_and_clip(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return not_yet('Pass the two answers as one tuple: nl.exercises.check("06.1", (linf_x, x_proj)).')
    linf_x = as_number(answer[0], "`linf_x`")
    x_proj = _as_vector(answer[1], "`x_proj`", _X1.size)
    want = float(np.max(np.abs(_X1)))
    if not math.isclose(linf_x, want, rel_tol=1e-9):
        shown = f"`linf_x` = {fmt(linf_x)}"
        if math.isclose(linf_x, float(np.max(_X1)), rel_tol=1e-9):
            return not_yet(f"{shown} is the largest entry of x, but a norm measures size: a large negative "
                           "entry counts as much as a large positive one.")
        if math.isclose(linf_x, float(np.sum(np.abs(_X1))), rel_tol=1e-9):
            return not_yet(f"{shown} adds up every |x_i|: that is the L1 norm, not the L∞ norm.")
        if math.isclose(linf_x, float(np.linalg.norm(_X1)), rel_tol=1e-6):
            return not_yet(f"{shown} is the Euclidean (L2) length of x, not the L∞ norm.")
        if linf_x < 0:
            return not_yet(f"{shown} is negative, but a norm is never negative.")
        if math.isclose(linf_x, float(np.min(np.abs(_X1))), rel_tol=1e-9):
            return not_yet(f"{shown} is the smallest |x_i|; the L∞ norm reports the worst case.")
        return not_yet(f"{shown} is not the largest |x_i| of x = {fmt(_X1)}.")
    want_proj = np.clip(_X1, -_R1, _R1)
    if np.allclose(x_proj, want_proj, rtol=0, atol=_TOL1):
        return correct(
            "The L∞ norm is the single largest |x_i|, and projecting onto the L∞ ball clips each "
            "coordinate to its own budget [-r, r], leaving coordinates already inside untouched."
        )
    shown = f"`x_proj` = {fmt(x_proj)}"
    if np.allclose(x_proj, _X1):
        return not_yet(f"{shown} is x itself, but ‖x‖∞ = {fmt(linf_x)} > r = {fmt(_R1)}: "
                       "x lies outside the ball.")
    if np.max(np.abs(x_proj)) > _R1 + _TOL1:
        i = int(np.argmax(np.abs(x_proj)))
        return not_yet(f"{shown} is outside the ball of radius {fmt(_R1)}: {_entry(i, 'x_proj')} has "
                       f"magnitude {fmt(abs(x_proj[i]), 10)}, over the budget.")
    if np.allclose(x_proj, _R1 * _X1 / np.max(np.abs(_X1))):
        return not_yet(
            f"{shown} rescales the whole vector, which moves coordinates that were already inside "
            "[-r, r]. That is how the L2 ball is projected; for the L∞ ball each coordinate is "
            "handled on its own, and a rescaled point is not the closest one."
        )
    if np.allclose(x_proj, _R1 * _X1 / np.linalg.norm(_X1)):
        return not_yet(f"{shown} is the projection onto the L2 ball of radius {fmt(_R1)}, not the L∞ ball.")
    positive = _X1 >= 0
    if (not np.any(x_proj < -_TOL1) and np.any(_X1 < 0)
            and np.allclose(x_proj[positive], want_proj[positive], rtol=0, atol=_TOL1)):
        return not_yet(f"{shown} has no negative coordinate, but the ball of radius r runs from -r to r "
                       "in every coordinate: negative entries of x should stay negative.")
    changed = np.flatnonzero(~np.isclose(x_proj, want_proj, rtol=0, atol=_TOL1))
    i = int(changed[0])
    if abs(_X1[i]) <= _R1:
        detail = (f"x_{i + 1} = {fmt(_X1[i])} already lies in [-r, r], yet {_entry(i, 'x_proj')} moved it "
                  f"by {abs(x_proj[i] - _X1[i]):.2g}")
    else:
        detail = (f"x_{i + 1} = {fmt(_X1[i])} lies outside [-r, r], and {_entry(i, 'x_proj')} = "
                  f"{fmt(x_proj[i], 10)} is not the point of [-r, r] nearest to it")
    return not_yet(
        f"{shown} lies in the ball but is not the closest point to x (its distance to x is "
        f"{fmt(float(np.linalg.norm(x_proj - _X1)), 6)}): {detail}. Each coordinate can be fixed on its own."
    )


# --------------------------------------------------------------------------- 06.2
_WP_CASES = (
    (np.array([2.0, -1.0, 0.5]), 0.1),
    (np.array([0.0, 3.0, -4.0, 0.0]), 0.25),  # zeros: any value in [-eps, eps] is a maximizer there
    (np.array([1, -2, 3]), 0.5),  # integers, and an eps that an integer array would round away
    (np.random.default_rng(6).normal(size=64).round(3), 8 / 255),
)


def _wp_message(w, eps, delta, gain, best, integer_output, w_int):
    shown = f"With w = {fmt(w)} and eps = {fmt(eps)}, your function returned δ = {fmt(delta)}"
    if integer_output:
        shown = (f"With w = {fmt(w.astype(int) if w_int else w)} and eps = {fmt(eps)}, "
                 f"your function returned δ = {fmt(delta.astype(int))}")
        why = (" An array made with np.zeros_like(w) or np.empty_like(w) inherits the integer dtype of "
               "this w." if w_int else "")
        return (f"{shown}, an array of integers, with w·δ = {fmt(gain, 6)}. An integer array cannot hold "
                f"eps = {fmt(eps)}: storing it rounds toward 0.{why} Build δ as a float array.")
    if np.allclose(delta, -eps * np.sign(w)):
        return (f"{shown}, which gives w·δ = {fmt(gain)} < 0: it decreases the score. The question asks "
                "for the δ that increases w·δ the most.")
    if np.allclose(delta, eps * w / np.linalg.norm(w)):
        return (f"{shown}: the best step in the L2 ball, which leaves most coordinates below the budget. "
                "The L∞ ball allows every coordinate to move by eps at the same time.")
    if np.allclose(delta, eps * w / np.max(np.abs(w))):
        return (f"{shown}: only the largest |w_i| uses the full budget eps; the others move less than "
                "the L∞ ball allows, and each unused bit of budget loses score.")
    if np.count_nonzero(delta) == 1 and np.isclose(np.max(np.abs(delta)), eps):
        return (f"{shown}: the whole budget goes to one coordinate, the best step in the L1 ball. In the "
                "L∞ ball every coordinate has its own budget eps.")
    unused = np.flatnonzero((w != 0) & (w * delta < eps * np.abs(w) * (1 - 1e-9)))
    i = int(unused[0])
    return (f"{shown}, with w·δ = {fmt(gain, 6)}. It stays in the ball, but at entry {i + 1} (index {i} "
            f"in Python) w[{i}] = {fmt(float(w[i]))} and δ[{i}] = {fmt(float(delta[i]), 6)}: that δ entry "
            "could still move within [-eps, eps] in a direction that raises w·δ.")


@exercise(
    "06.2",
    "The worst-case perturbation of a linear score",
    stars=2,
    hints=(
        "Revisit Section 6, \"The worst-case perturbation of a linear score\": w·δ is a sum of "
        "independent terms w_i δ_i, and the L∞ ball constrains each δ_i separately, to [-eps, eps].",
        "Maximize each term on its own: where w_i > 0 the best δ_i is the top of its range, where "
        "w_i < 0 the bottom. Hölder's inequality says the result equals eps·‖w‖₁.",
        "return ___ * np.sign(___)",
    ),
)
def _check_worst_perturbation(func):
    for w, eps in _WP_CASES:
        w_in = w.copy()
        out = call_learner(func, w_in, eps, name="my_worst_perturbation")
        integer_output = np.asarray(out).dtype.kind in "iub"
        delta = _as_vector(out, f"my_worst_perturbation(w, {fmt(eps)})", w.size)
        if not np.array_equal(w_in, w):
            return not_yet(f"With w = {fmt(w)}, your function changed w in place; return a new array instead.")
        w_int = w.dtype.kind in "iu"  # the test case's own dtype, as the learner received it
        w = w.astype(float)
        size = float(np.max(np.abs(delta)))
        if size > eps * (1 + 1e-9):
            i = int(np.argmax(np.abs(delta)))
            extra = " Did you forget to scale by eps?" if np.allclose(delta, np.sign(w)) else ""
            return not_yet(
                f"With w = {fmt(w)} and eps = {fmt(eps)}, your function returned δ = {fmt(delta)}, which is "
                f"outside the L∞ ball: {_entry(i, 'δ')} has magnitude {fmt(size, 10)} > eps.{extra}"
            )
        gain = float(w @ delta)
        best = eps * float(np.sum(np.abs(w)))
        if gain < best * (1 - 1e-9) - 1e-12:
            return not_yet(_wp_message(w, eps, delta, gain, best, integer_output, w_int))
    return correct(
        "Your δ stays in the L∞ ball and reaches the largest possible w·δ, eps·‖w‖₁, on every test, "
        "including coordinates where w_i = 0, where any δ_i in [-eps, eps] is as good as any other."
    )


# --------------------------------------------------------------------------- 06.3
_X3 = np.array([3.0, -1.0, -3.0, 2.0])


def _subgradient_problem(g: np.ndarray, label: str) -> str | None:
    """None if g is in the subdifferential of ||.||_inf at _X3; else the evidence, as a sentence."""
    x, fx = _X3, float(np.max(np.abs(_X3)))
    tied = np.abs(x) == fx

    def violated(z, why):
        lhs = float(np.max(np.abs(z)))
        rhs = fx + float(g @ (z - x))
        return (f"{label} = {fmt(g)} {why}: at z = {fmt(z)}, ‖z‖∞ = {fmt(lhs, 10)} but "
                f"‖x‖∞ + g·(z − x) = {fmt(rhs, 10)}, larger by {rhs - lhs:.2g}, so the subgradient "
                "inequality ‖z‖∞ ≥ ‖x‖∞ + g·(z − x) fails.")

    off = np.flatnonzero(~tied & ~np.isclose(g, 0, atol=1e-9))
    if off.size:
        i = int(off[0])
        z = x.copy()
        z[i] += 0.5 * np.sign(g[i])
        why = (f"puts weight on {_entry(i, 'g')}, where |x_{i + 1}| = {fmt(abs(x[i]))} is below the "
               f"maximum {fmt(fx)}")
        if np.allclose(g, x / np.linalg.norm(x)):
            why += " (it is the gradient of the L2 norm)"
        elif np.allclose(g, np.sign(x)):
            why += " (it is a subgradient of the L1 norm)"
        return violated(z, why)
    wrong = np.flatnonzero(tied & (g * np.sign(x) < -1e-9))
    if wrong.size:
        i = int(wrong[0])
        z = x.copy()
        z[i] -= 0.5 * np.sign(x[i])
        return violated(z, f"has the wrong sign at {_entry(i, 'g')}, where x_{i + 1} = {fmt(x[i])}")
    total = float(np.sum(np.abs(g)))
    if total > 1 + 1e-9:
        return violated(2 * x, f"has ‖g‖₁ = {fmt(total, 10)}, too large")
    if total < 1 - 1e-9:
        return violated(np.zeros_like(x), f"has ‖g‖₁ = {fmt(total, 10)}, too small")
    return None


@exercise(
    "06.3",
    "Two subgradients at a tie",
    stars=2,
    hints=(
        "Revisit Section 4, \"Kinks where the largest entries tie\": where several coordinates tie for "
        "the largest |x_i|, the L∞ norm has a kink, and its subgradients are built from one vector per "
        "tied coordinate.",
        "Find the entries of x_tie whose magnitude equals ‖x_tie‖∞. For each, form sign(x_i)·e_i. Any "
        "weighted average of these vectors (non-negative weights summing to 1, their convex hull) is a "
        "subgradient; pick two different ones.",
        "g1 = np.zeros(4); g1[___] = np.sign(x_tie[___]);  g2 = 0.5 * (___ + ___)",
    ),
)
def _check_two_subgradients(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return not_yet('Pass your two subgradients as one tuple: nl.exercises.check("06.3", (g1, g2)).')
    g1 = _as_vector(answer[0], "`g1`", _X3.size)
    g2 = _as_vector(answer[1], "`g2`", _X3.size)
    for g, label in ((g1, "`g1`"), (g2, "`g2`")):
        problem = _subgradient_problem(g, label)
        if problem is not None:
            return not_yet(problem)
    if np.allclose(g1, g2, rtol=0, atol=1e-9):
        return not_yet(f"`g1` and `g2` are both {fmt(g1)}: a valid subgradient, but the same one twice. "
                       "At a tie there are infinitely many; give two different ones.")
    return correct(
        "Both vectors satisfy ‖z‖∞ ≥ ‖x‖∞ + g·(z − x) for every z: they lie on the segment between "
        "the two tied coordinates' signed basis vectors. A kink has a whole set of slopes, and any "
        "one of them serves a subgradient method."
    )
