"""Checkers for lesson 04, "The L1 norm: taxicab distance and sparsity" (exercises 04.1 to 04.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed).
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ._core import as_number, call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []


def _close(a: float, b: float, rtol: float = 1e-3) -> bool:
    return abs(a - b) <= rtol * max(abs(b), 1e-12)


# --------------------------------------------------------------------------- 04.1
_A = np.array([2.0, -1.0, 4.0])
_B = np.array([-1.0, 3.0, 4.0])
_C = np.array([5.0, 0.0, -2.0])
_PAIRS = (("d_ab", _A, _B), ("d_ac", _A, _C), ("d_bc", _B, _C))
_START, _END = (-1, 2), (3, -3)  # 4 steps east and 5 steps south


@exercise(
    "04.1",
    "Taxicab distances and routes",
    stars=1,
    hints=(
        "Go back to Section 1 of the lesson, \"Length along the street grid\": the taxicab distance "
        "between two points is the L1 norm of their difference. For the routes, revisit the count of "
        "shortest grid routes from (0, 0) to (3, -4) in the same section.",
        "For each pair, subtract coordinate by coordinate, take absolute values, then add. A shortest "
        "route is a sequence of unit steps; count how many steps go east-west and how many "
        "north-south, then count the orders in which they can be taken (a binomial coefficient).",
        "d_ab = abs(2 - (-1)) + abs(___) + abs(___); "
        "n_routes = math.comb(___ + ___, ___)",
    ),
)
def _check_distances(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return not_yet(
            "Pass the four values as one tuple in this order: "
            "nl.exercises.check(\"04.1\", (d_ab, d_ac, d_bc, n_routes))."
        )
    names = ("d_ab", "d_ac", "d_bc", "n_routes")
    got = [as_number(v, f"`{n}`") for v, n in zip(answer, names)]
    for (name, p, q), value in zip(_PAIRS, got[:3]):
        diff = p - q
        want = float(np.sum(np.abs(diff)))
        if _close(value, want, 1e-6):
            continue
        shown = f"`{name}` = {fmt(value)}"
        if math.isnan(value) or value < 0:
            return not_yet(f"{shown}, but a distance is never negative. Did you forget the absolute values?")
        if _close(abs(value), abs(float(np.sum(diff))), 1e-6):
            return not_yet(
                f"{shown} is the absolute value of the signed sum of the coordinate differences: "
                "positive and negative differences cancelled. Take |difference| coordinate by coordinate."
            )
        if _close(value, float(np.linalg.norm(diff)), 1e-3):
            return not_yet(
                f"{shown} is the straight-line (Euclidean, L2) distance, the length a crow would fly; "
                "a taxicab drives along the grid."
            )
        if _close(value, float(np.max(np.abs(diff))), 1e-6):
            return not_yet(
                f"{shown} is the largest coordinate difference (the L∞ distance); the taxicab distance "
                "counts every coordinate's difference."
            )
        return not_yet(f"{shown} is not the sum of |p_i - q_i| over the three coordinates of that pair.")
    n_routes = got[3]
    east, south = abs(_END[0] - _START[0]), abs(_END[1] - _START[1])
    length = east + south
    if n_routes != math.comb(length, east):
        shown = f"`n_routes` = {fmt(n_routes)}"
        if n_routes != round(n_routes) or n_routes < 0:
            return not_yet(f"{shown}, but a number of routes is a whole number of at least 1.")
        if n_routes == length:
            return not_yet(
                f"{shown} is the length of a shortest route (its taxicab distance), not the number of routes."
            )
        if n_routes == 2**length:
            return not_yet(
                f"{shown} counts every sequence of {length} unit steps, each going one of two ways, "
                "including sequences with the wrong mix of east and south steps, which end elsewhere."
            )
        if n_routes == math.factorial(length):
            return not_yet(
                f"{shown} counts the orders of {length} distinguishable steps; but two east steps are "
                "interchangeable, and so are two south steps."
            )
        return not_yet(
            f"{shown} is not the number of shortest grid routes from {_START} to {_END}. "
            "Every such route has the same steps; only their order differs."
        )
    return correct(
        "The taxicab distance adds up every coordinate's difference, and many different routes share "
        "that one shortest length: one length, many paths."
    )


# --------------------------------------------------------------------------- 04.2
_ST_CASES = (
    (np.array([3.0, -4.0, 0.2, -0.5, 1.0, 0.0]), 0.5),  # |v_i| = lam at index 3
    (np.array([1.5, -2.5, 0.0, 4.0, -0.75]), 2.0),
    (np.array([0.3, -0.3, 7.0]), 0.0),  # lam = 0: the identity
    (np.array([-1.0, 2.0, 0.5]), 10.0),  # lam above every |v_i|: all zeros
)
_GRID_STEP = 1e-3


def _prox_objective(t, v_i: float, lam: float):
    return 0.5 * (t - v_i) ** 2 + lam * np.abs(t)


def _brute_force_prox(v: np.ndarray, lam: float) -> np.ndarray:
    """Minimize ½(t - v_i)² + lam·|t| over a grid of step 0.001 for each entry, independently."""
    radius = float(np.max(np.abs(v))) + 1.0
    n = int(round(radius / _GRID_STEP))
    grid = np.arange(-n, n + 1) * _GRID_STEP  # 0 and every multiple of 0.001 lie on the grid
    values = _prox_objective(grid[None, :], v[:, None], lam)
    return grid[np.argmin(values, axis=1)]


@exercise(
    "04.2",
    "Write the soft-threshold",
    stars=2,
    hints=(
        "Revisit Section 2 of the lesson, \"Why L1 produces exact zeros: the kink at 0\": the "
        "condition 0 ∈ t − v + λ∂|·|(t) splits into three cases (t > 0, t < 0, t = 0), and each case "
        "says which inputs v it covers and what t is there.",
        "Turn each case into an array expression: a condition on v and a formula for t. "
        "np.where(condition, value_if_true, value_if_false) chooses entry by entry between two arrays, "
        "and nesting two calls covers three cases. Avoid a Python `if` on an array.",
        "return np.where(v > ___, ___, np.where(v < ___, ___, 0.0))",
    ),
)
def _check_soft_threshold(func):
    for v, lam in _ST_CASES:
        v_in = v.copy()
        out = call_learner(func, v_in, lam, name="my_soft_threshold")
        shown = f"With v = {fmt(v)} and lam = {fmt(lam)}, your function returned"
        try:
            got = np.asarray(out, dtype=float)
        except (TypeError, ValueError):
            return not_yet(f"{shown} {type(out).__name__} {out!r}, not an array of numbers.")
        if got.shape != v.shape:
            return not_yet(
                f"{shown} an array of shape {got.shape}, but v has shape {v.shape}: soft-thresholding "
                "acts entry by entry and returns one value per entry."
            )
        shown = f"{shown} {fmt(got)}"
        if not np.array_equal(v_in, v):
            return not_yet(f"{shown}, and it changed its input v in place; return a new array instead.")
        if np.isnan(got).any():
            return not_yet(f"{shown}, which contains NaN.")
        small = np.abs(v) <= lam
        for i in np.flatnonzero(small & (got != 0)):
            if np.sign(got[i]) == -np.sign(v[i]) and got[i] != 0:
                return not_yet(
                    f"{shown}. Entry {i} has |v_{i}| = {fmt(abs(v[i]))} <= lam, but your value "
                    f"{fmt(got[i])} has the opposite sign: it was shrunk past 0. The shrinking must "
                    "stop at 0."
                )
            if abs(got[i]) < 1e-6:
                return not_yet(
                    f"{shown}. Entry {i} has |v_{i}| = {fmt(abs(v[i]))} <= lam, yet your value there is "
                    f"{got[i]:.3g}, not exactly 0 (close to 0 is not enough: the lasso's zeros are exact)."
                )
            return not_yet(
                f"{shown}. Entry {i} has |v_{i}| = {fmt(abs(v[i]))} <= lam, yet your value there is "
                f"{fmt(got[i])}: every entry with |v_i| <= lam must come out exactly 0. Check your "
                "threshold and how far you shrink."
            )
        big = ~small
        flipped = big & (np.sign(got) != np.sign(v))
        if flipped.any():
            i = int(np.flatnonzero(flipped)[0])
            return not_yet(
                f"{shown}. Entry {i} has v_{i} = {fmt(v[i])} but your value is {fmt(got[i])}: the "
                "prox of λ|t| is odd (it treats -v as the mirror image of v), so the sign must stay."
            )
        if lam > 0 and big.any() and np.array_equal(got[big], v[big]):
            return not_yet(
                f"{shown}: entries with |v_i| > lam came back unchanged. That is hard-thresholding "
                "(keep or kill); the prox of λ|t| also moves the survivors."
            )
        brute = _brute_force_prox(v, lam)
        exact = np.sign(v) * np.maximum(np.abs(v) - lam, 0.0)
        for i in range(v.size):
            if abs(got[i] - brute[i]) <= 1e-6:
                continue
            f_got = float(_prox_objective(got[i], v[i], lam))
            f_best = float(_prox_objective(brute[i], v[i], lam))
            if f_best >= f_got:  # between grid points: compare with the exact minimizer's value
                f_best = float(_prox_objective(exact[i], v[i], lam))
            return not_yet(
                f"{shown}. At entry {i}, your value t = {fmt(got[i])} gives "
                f"½(t − v_{i})² + lam·|t| = {fmt(f_got)}, but a brute-force search over a grid of "
                f"step {_GRID_STEP:g} finds a t where it is {fmt(f_best)}, lower: yours is not the "
                "minimizer."
            )
    return correct(
        "Your function matches a brute-force prox on every test, and every |v_i| <= lam became "
        "exactly 0: that is the mechanism behind the lasso's exact zeros."
    )


# --------------------------------------------------------------------------- 04.3
_Z = np.array([0.8, -2.1, 0.3, 1.5, -0.9, 0.05, 1.2, -1.3])
_LAM = 1.2


def _as_index_set(answer) -> set[int]:
    # np.where(cond) and np.nonzero(x) return a tuple holding one index array per dimension: unwrap it
    if isinstance(answer, tuple) and len(answer) == 1 and isinstance(answer[0], np.ndarray):
        answer = answer[0]
    if isinstance(answer, np.ndarray):
        if answer.dtype == bool:
            raise not_yet(
                "Your answer is a True/False mask with one entry per coordinate; give the integer "
                "indices of the coordinates instead (np.flatnonzero turns a mask into indices)."
            )
        answer = np.atleast_1d(answer).tolist()
    if isinstance(answer, (str, bytes, dict)) or not isinstance(answer, (set, frozenset, list, tuple)):
        raise not_yet(
            "Give the indices as a set (or list) of integers, for example {0, 3}; "
            f"got {type(answer).__name__} {answer!r}."
        )
    out = set()
    for item in answer:
        if isinstance(item, (bool, np.bool_)):
            raise not_yet(
                f"Your answer contains {item!r}; give integer indices, not True/False flags "
                "(np.flatnonzero turns a True/False mask into indices)."
            )
        if isinstance(item, (numbers.Integral, np.integer)):
            out.add(int(item))
        elif isinstance(item, (numbers.Real, np.floating)) and float(item).is_integer():
            out.add(int(item))
        else:
            raise not_yet(
                f"Your answer contains {fmt(item) if isinstance(item, (numbers.Real, np.floating)) else repr(item)}, "
                "which is not an index: list the positions i (0, 1, 2, ...) of the coordinates, not the "
                "values z_i."
            )
    return out


@exercise(
    "04.3",
    "Which coordinates become zero?",
    stars=2,
    hints=(
        "Go back to Section 2 of the lesson, \"Why L1 produces exact zeros: the kink at 0\": t = 0 is "
        "the minimizer exactly when 0 lies in the set t − z_i + λ∂|·|(t) at t = 0, the interval "
        "[−z_i − λ, −z_i + λ]. Which condition on z_i does that give?",
        "Coordinate i becomes exactly 0 when |z_i| <= λ. Compare the absolute values with λ, and be "
        "careful with a coordinate that sits exactly at the boundary. Python counts from 0; "
        "np.flatnonzero turns a True/False mask into the indices of its True entries.",
        "zeroed = {i for i in range(len(z)) if ___ <= ___}",
    ),
)
def _check_zeroed(answer):
    got = _as_index_set(answer)
    n = _Z.size
    want = {int(i) for i in np.flatnonzero(np.abs(_Z) <= _LAM)}
    if got == want:
        return correct(
            "Every coordinate with |z_i| <= λ is exactly 0 after soft-thresholding, the boundary case "
            "|z_i| = λ included; you could read the zeros off the data without running a solver."
        )
    outside = sorted(i for i in got if not 0 <= i < n)
    if {i - 1 for i in got} == want:
        return not_yet(
            "Your indices look 1-based: each is one more than a position that becomes 0. Python and "
            "NumPy count from 0, so z[0] is the first coordinate."
        )
    if outside:
        return not_yet(
            f"Index {outside[0]} does not exist: z has {n} coordinates, with indices 0 to {n - 1}."
        )
    if got == set(range(n)) - want:
        return not_yet(
            "Your set holds the coordinates that survive (they shrink by λ but stay nonzero); the "
            "question asks for the ones that become exactly 0."
        )
    signed = {int(i) for i in np.flatnonzero(_Z <= _LAM)}
    if got == signed:
        i = min(signed - want)
        return not_yet(
            f"Your set includes index {i}, where z_{i} = {fmt(_Z[i])}: it is below λ = {fmt(_LAM)}, but "
            f"its magnitude {fmt(abs(_Z[i]))} is not. Compare |z_i| with λ, not z_i."
        )
    boundary = {int(i) for i in np.flatnonzero(np.abs(_Z) == _LAM)}
    if got == want - boundary:
        return not_yet(
            "Your set leaves out a coordinate where |z_i| equals λ exactly. What is "
            "max(|z_i| - λ, 0) when |z_i| = λ?"
        )
    extra = sorted(got - want)
    if extra:
        i = extra[0]
        return not_yet(
            f"Index {i} is in your set, but |z_{i}| = {fmt(abs(_Z[i]))} > λ = {fmt(_LAM)}: "
            "soft-thresholding moves that coordinate toward 0 without reaching it."
        )
    missing = len(want - got)
    return not_yet(
        f"Your set misses {missing} coordinate{'s' if missing > 1 else ''} that soft-thresholding "
        "sets to exactly 0. Check every |z_i| against λ."
    )
