"""Checkers for lesson 09, "The triangle inequality and metrics" (exercises 09.1 to 09.3).

Every message says what is wrong and shows the evidence (the learner's own points, the
pair their tester returned, or the numbers they measured), never the expected answer, and
is the same on every run: the test functions and data are fixed, the data seeded.
"""

from __future__ import annotations

import math
import numbers
import traceback

import numpy as np

from ._core import NotAttempted, call_learner, correct, exercise, fmt, is_placeholder, is_stub_function, not_yet

__all__: list[str] = []


def _num(v: float) -> str:
    """Integers without a decimal point, other numbers with 4 significant digits, no -0."""
    v = float(v) + 0.0
    if math.isfinite(v) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.4g}"


def _vec(v) -> str:
    return "(" + ", ".join(_num(c) for c in np.asarray(v, dtype=float).ravel()) + ")"


def _as_real(value, what: str) -> float:
    """One real number, or a "not yet" verdict naming `what`."""
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(())[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise not_yet(f"{what} should be one number; got {type(value).__name__} {value!r}.")
    return float(value)


# --------------------------------------------------------------------------- 09.1
def _as_point(value, name: str) -> np.ndarray:
    if isinstance(value, (str, bytes, dict, set)):
        raise not_yet(f"`{name}` should be a point of the plane such as [1.0, 2.0]; got {type(value).__name__} {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"`{name}` should be a point of the plane, two numbers; got {fmt(value)}.") from None
    if arr.shape != (2,):
        raise not_yet(
            f"`{name}` should be a point of the plane, an array of two coordinates; got shape {arr.shape}."
        )
    if not np.all(np.isfinite(arr)):
        raise not_yet(f"`{name}` = {fmt(arr)} holds NaN or infinity; use finite numbers.")
    return arr


def _sq(u: np.ndarray, v: np.ndarray) -> float:
    return float(np.sum((u - v) ** 2))


def _angle(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """The angle at b of the triangle a, b, c, in degrees."""
    cos_b = float((a - b) @ (c - b)) / math.sqrt(_sq(a, b) * _sq(c, b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos_b))))


@exercise(
    "09.1",
    "A detour that squared Euclidean distance gets wrong",
    stars=2,
    hints=(
        "Revisit section 5 of the lesson, \"Which dissimilarities are metrics?\": squared Euclidean "
        "distance broke the triangle inequality for the three points 0, 1, 2 on a line. Which triangles "
        "in the plane behave the same way?",
        "Expand ||x - z||² = ||(x - y) + (y - z)||²: the difference d(x, z) - d(x, y) - d(y, z) equals "
        "-2<x - y, z - y>. For which angle at y is it positive?",
        "Put y at the origin and pick x and z, not on one line through y, with <x, z> < 0: "
        "x = np.array([___, ___]); y = np.array([0.0, 0.0]); z = np.array([___, ___])",
    ),
)
def _check_squared_triple(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet('Pass the three points as one tuple, in order: nl.exercises.check("09.1", (x, y, z)).')
    x, y, z = (_as_point(p, n) for p, n in zip(answer, "xyz"))
    for (u, nu), (v, nv) in [((x, "x"), (y, "y")), ((y, "y"), (z, "z")), ((x, "x"), (z, "z"))]:
        if np.array_equal(u, v):
            return not_yet(
                f"`{nu}` and `{nv}` are the same point {_vec(u)}. With a repeated point the two sides "
                "of d(x, z) <= d(x, y) + d(y, z) can at best be equal; use three different points."
            )
    cross = float((y - x)[0] * (z - x)[1] - (y - x)[1] * (z - x)[0])
    if abs(cross) <= 1e-9 * math.sqrt(_sq(y, x) * _sq(z, x)):
        return not_yet(
            f"Your points {_vec(x)}, {_vec(y)} and {_vec(z)} lie on one line, like the lesson's 0, 1, 2. "
            "The exercise asks for a triangle: three points that are not on one line."
        )
    lhs, rhs = _sq(x, z), _sq(x, y) + _sq(y, z)
    sides = f"d(x, z) = {_num(lhs)} and d(x, y) + d(y, z) = {_num(rhs)}"
    if abs(lhs - rhs) <= 1e-9 * max(lhs, rhs):
        return not_yet(
            f"With your points, {sides}: the two sides are equal, so the inequality holds (with "
            "equality, as in Pythagoras' theorem). A violation needs d(x, z) strictly larger."
        )
    angle = _angle(x, y, z)
    if lhs < rhs:
        message = f"With your points, {sides}: going via y is longer, so the inequality holds here."
        for vertex, name in ((_angle(y, x, z), "x"), (_angle(x, z, y), "z")):
            if vertex > 90:
                message += (
                    f" Your triangle's obtuse angle is at {name} ({vertex:.1f}°), but the angle at y is "
                    f"{angle:.1f}°: the detour goes through y, so the angle at y is the one that matters."
                )
        return not_yet(message)
    return correct(
        f"With your points, {sides}: the detour via y is 'shorter'. By the law of cosines "
        "d(x, z) - d(x, y) - d(y, z) = -2<x - y, z - y>, so squared Euclidean distance breaks the "
        f"triangle inequality exactly when the angle at y is obtuse (yours is {angle:.1f}°)."
    )


# --------------------------------------------------------------------------- 09.2
_KEY_OPTIONS = ("a", "b", "c", "d")
_KEY_FEEDBACK = {
    "a": (
        "Option (a) claims equality for every x and y, but the lesson's a = (1, 2, 0, 0) and "
        "b = (0, -2, 3, 0) have ||a + b||_0 = 2 while ||a||_0 + ||b||_0 = 4: overlapping supports and "
        "cancellations make the left side smaller."
    ),
    "c": (
        "Option (c) claims that the supports combine exactly, but an entry can cancel: for the "
        "lesson's a and b, position 1 is in supp(a) and supp(b) but not in supp(a + b). Only one "
        "inclusion holds for every x and y."
    ),
    "d": (
        "Option (d) is true, but it is about one vector and a scalar: it is the reason the L0 count "
        "fails homogeneity, and it says nothing about the sum of two different vectors."
    ),
}
_N_TRIALS_092 = 2000


def _one_vector(v) -> np.ndarray:
    v = np.asarray(v, dtype=float)
    if v.ndim != 1:
        raise ValueError(f"f takes one vector at a time (1-D); got an array of shape {v.shape}")
    return v


def _half_quasi_norm(v) -> float:
    return float(np.sum(np.sqrt(np.abs(_one_vector(v)))) ** 2)


def _counterfeit_count(v) -> float:
    return float(np.count_nonzero(_one_vector(v)) ** 2)


def _l0_count(v) -> float:
    return float(np.count_nonzero(_one_vector(v)))


def _l1_norm(v) -> float:
    return float(np.sum(np.abs(_one_vector(v))))


def _tester_result(func, f, label: str):
    """Run the learner's tester on f; return None or a validated pair (x, y) of equal-length vectors.

    The tester may legitimately return None ("no violation found"), so call_learner, which reads
    None as a forgotten return, does not fit; only an empty body counts as not attempted.
    """
    if is_placeholder(func) or is_stub_function(func):
        raise NotAttempted
    if not callable(func):
        raise not_yet(f"find_triangle_violation should be a function (defined with def); got {type(func).__name__}.")
    try:
        out = func(f, n_trials=_N_TRIALS_092, rng=0)
    except Exception as exc:  # the learner's bug, reported with the call that caused it
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise not_yet(
            f"find_triangle_violation(f, n_trials={_N_TRIALS_092}, rng=0) with f = {label} raised {last}."
        ) from None
    if out is None:
        return None
    if isinstance(out, (bool, np.bool_)):
        raise not_yet(
            f"For {label}, your tester returned {out!r}. It should return the violating pair (x, y) "
            "itself, or None when it finds no violation."
        )
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        raise not_yet(
            f"For {label}, your tester returned {type(out).__name__} {_show(out)}. It should return one "
            "pair (x, y) of vectors with f(x + y) > f(x) + f(y), or None."
        )
    try:
        x, y = (np.asarray(v, dtype=float) for v in out)
    except (TypeError, ValueError):
        raise not_yet(f"For {label}, your tester returned a pair that is not two vectors of numbers: {_show(out)}.") from None
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise not_yet(
            f"For {label}, your tester returned arrays of shapes {x.shape} and {y.shape}; it should "
            "return two 1-D vectors of the same length."
        )
    return x, y


def _show(value) -> str:
    """fmt(value), or a shortened repr when fmt cannot format it (e.g. a ragged tuple)."""
    try:
        text = fmt(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _violation(f, x, y) -> tuple[float, float]:
    return f(x + y), f(x) + f(y)


@exercise(
    "09.2",
    "The L0 count never breaks the triangle inequality",
    stars=3,
    hints=(
        "Revisit section 4 of the lesson, \"The L0 count satisfies the triangle inequality\": compare "
        "the support of x + y with the supports of x and y. For the tester, reread how the lesson's "
        "random test of the L0 count drew its vectors, and why.",
        "Key step: what must be true of x_i or y_i when (x + y)_i != 0? Tester: draw x and y from "
        "np.random.default_rng(rng).integers(...) so that zeros and cancellations are common; return "
        "the first pair with f(x + y) > f(x) + f(y) beyond rounding, else None.",
        "gen = np.random.default_rng(rng); for _ in range(n_trials): x = gen.integers(___, ___, size=4)"
        ".astype(float); y = ___; if f(x + y) > (f(x) + f(y)) * (1 + ___): return x, y   ·   after the "
        "loop: return ___   ·   key_step = \"_\"",
    ),
)
def _check_l0_triangle(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return not_yet(
            "Pass the letter and your tester as one tuple: "
            'nl.exercises.check("09.2", (key_step, find_triangle_violation)).'
        )
    key_step, tester = answer
    if not isinstance(key_step, str) or key_step.strip().strip("()").lower() not in _KEY_OPTIONS:
        return not_yet(f"`key_step` should be one of the letters 'a', 'b', 'c', 'd'; got {key_step!r}.")
    choice = key_step.strip().strip("()").lower()
    if choice in _KEY_FEEDBACK:
        return not_yet(_KEY_FEEDBACK[choice])

    # The tester must catch two functions that break the triangle inequality ...
    for f, label, advice in (
        (
            _half_quasi_norm,
            "the p = 1/2 quasi-norm (sum of sqrt|v_i|)²",
            "It breaks the inequality on many pairs, e.g. about one random normal pair in nine in "
            "the lesson. Check that your tester returns the pair as soon as it finds one (without "
            "`return x, y` inside the loop it returns None) and that it compares f(x + y) with "
            "f(x) + f(y), in that direction.",
        ),
        (
            _counterfeit_count,
            "a counterfeit count, f(v) = ||v||_0²",
            "It breaks the inequality only when x and y have zero entries in different places, and "
            "your tester's pairs never had that. Random normal entries are never 0, and integers drawn "
            "from a wide range rarely are; a tester that cannot see supports change says nothing about "
            "the L0 count. Draw vectors with many zeros, and run all n_trials trials.",
        ),
    ):
        pair = _tester_result(tester, f, label)
        if pair is None:
            return not_yet(f"Your tester found no violation for {label}, which fails the triangle inequality. {advice}")
        lhs, rhs = _violation(f, *pair)
        if not lhs > rhs * (1 + 1e-9):
            return not_yet(
                f"For {label}, your tester returned x = {_vec(pair[0])}, y = {_vec(pair[1])}, but there "
                f"f(x + y) = {_num(lhs)} and f(x) + f(y) = {_num(rhs)}: not a violation."
            )
    # ... and report nothing for the L0 count and the L1 norm.
    for f, label in ((_l0_count, "the L0 count"), (_l1_norm, "the L1 norm")):
        pair = _tester_result(tester, f, label)
        if pair is None:
            continue
        lhs, rhs = _violation(f, *pair)
        shown = f"x = {_vec(pair[0])}, y = {_vec(pair[1])}"
        if lhs > rhs:
            return not_yet(
                f"For {label} your tester reported {shown}, where f(x + y) - (f(x) + f(y)) = "
                f"{lhs - rhs:.1e}: rounding error in the last digits, not a violation. Allow a tiny "
                "relative tolerance before you call a pair a violation."
            )
        return not_yet(
            f"For {label} your tester reported {shown}, but there f(x + y) = {_num(lhs)} and "
            f"f(x) + f(y) = {_num(rhs)}: the inequality holds"
            + (" (with equality, which is allowed)." if lhs == rhs else ".")
            + " Report only pairs with f(x + y) > f(x) + f(y)."
        )
    return correct(
        "Your tester catches the p = 1/2 quasi-norm and a counterfeit that fails only on vectors with "
        f"zeros, and finds nothing in {_N_TRIALS_092:,} trials for the L0 count and the L1 norm: evidence, "
        "and with the support argument a proof, that the Hamming distance ||x - y||_0 is a metric."
    )


# --------------------------------------------------------------------------- 09.3
_SEED_093 = 2025
_K_093 = 5
# Agreements are multiples of 1/250 = 0.004; a reported value must match the re-measured one to
# within 0.001, so rounding to 3 decimals passes and a neighbor more or less does not.
_TOL_093 = 0.001
_ANSWER_093 = "(agree_cosine, agree_angular, cosine_distance, angular_distance)"


def _data_093() -> tuple[np.ndarray, np.ndarray]:
    """The points of exercise 09.3, as the sheet builds them: 500 data points and 50 queries on the
    unit sphere in R^4."""
    gen = np.random.default_rng(_SEED_093)
    points = gen.standard_normal((550, 4))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points[:500], points[500:]


def _cos_1d(u, v) -> float:
    return float(u @ v) / math.sqrt(float(u @ u) * float(v @ v))


def _cosine_1d(u, v) -> float:
    return 1.0 - _cos_1d(u, v)


def _unit_only_cosine(u, v) -> float:
    """1 - <u, v>: the cosine distance on unit vectors, but not at the (shorter) ball centers."""
    return 1.0 - float(u @ v)


def _true_idx_093() -> np.ndarray:
    data, queries = _data_093()
    return np.argsort(-(queries @ data.T), axis=1, kind="stable")[:, :_K_093]  # brute force, exact


def _measure_093(d) -> dict[str, float]:
    """A BallTree with metric d (default leaf_size) on the exercise data, compared with brute force:
    the agreement, plus the usual wrong ways to count it."""
    from sklearn.neighbors import BallTree

    data, queries = _data_093()
    true_idx = _true_idx_093()
    idx = BallTree(data, metric=d).query(queries, k=_K_093)[1]
    hits = np.array([len(set(a) & set(b)) for a, b in zip(idx, true_idx)])
    return {
        "sets": hits.sum() / true_idx.size,
        "ranks": float(np.mean(idx == true_idx)),
        "nearest": float(np.mean(idx[:, 0] == true_idx[:, 0])),
        "queries": float(np.mean(hits == _K_093)),
        "n_missed": int(true_idx.size - hits.sum()),
    }


def _reference_093() -> dict[str, float]:
    """The checker's own measurement with the cosine distance, written for all nonzero vectors."""
    return _measure_093(_cosine_1d)


def _learner_measure(func, name: str) -> dict[str, float]:
    try:
        return _measure_093(func)
    except Exception as exc:  # the learner's function, called by the tree on data and ball centers
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise not_yet(
            f"BallTree(data, metric={name}).query(queries, k=5) on the sheet's data raised {last.rstrip('.')}. "
            f"The tree calls {name} with two 1-D arrays of 4 numbers, also at points that are not data points."
        ) from None


def _test_points_093():
    """Two unit vectors of the data, and a query with a ball-center-like point inside the sphere."""
    data, queries = _data_093()
    center = (data[0] + data[1]) / 2  # the mean of two data points, like a ball's center
    return (queries[0], data[0]), (queries[0], center)


def _value(func, u, v, name: str) -> float:
    return _as_real(call_learner(func, u, v, name=name), f"{name}(u, v)")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _check_cosine_function(func, agree: float) -> None:
    name = "cosine_distance"
    (u, v), (q, c) = _test_points_093()
    got, cos = _value(func, u, v, name), _cos_1d(u, v)
    at = f"at the unit vectors u = queries[0] = {_vec(u)} and v = data[0] = {_vec(v)}, where cos θ = {cos:.4f}"
    if not _close(got, 1 - cos):
        if _close(got, cos):
            raise not_yet(f"Your {name} returned {got:.4f} {at}: that is cos θ itself, the similarity, not a distance.")
        if _close(got, math.acos(cos)):
            raise not_yet(
                f"Your {name} returned {got:.4f} {at}: that is the angle θ. Are the two functions swapped? "
                f"The tuple is {_ANSWER_093}."
            )
        raise not_yet(f"Your {name} returned {got:.4f} {at}; the cosine distance is 1 − cos θ.")
    got, cos = _value(func, q, c, name), _cos_1d(q, c)
    at = (
        f"at u = queries[0] and c = (data[0] + data[1]) / 2 = {_vec(c)}, whose norm is "
        f"{np.linalg.norm(c):.4f}, not 1, and where cos θ = {cos:.4f}"
    )
    if _close(got, 1 - cos):
        return
    if _close(got, 1 - float(q @ c)):
        measured = _learner_measure(func, name)["sets"]
        same = (
            f" (Your agree_cosine = {agree:.4f} is indeed what a tree with this function returns.)"
            if abs(agree - measured) <= _TOL_093 else ""
        )
        raise not_yet(
            f"Your {name} is 1 − cos θ on the unit vectors of the data, but it returned {got:.4f} {at}. "
            "The formula 1 − <u, v> assumes unit vectors, and the tree does not only compare data points: "
            "it also measures the distance from a query to the center of each ball, the mean of the "
            "ball's points, which lies inside the sphere. There your function is not the cosine "
            "distance, so the tree prunes differently and measures a different agreement." + same
            + " Divide by the two norms, so that the function is 1 − cos θ for every nonzero vector, "
            "and measure again."
        )
    raise not_yet(
        f"Your {name} returned {got:.4f} {at}. The tree also calls it at points like c, the centers "
        "of its balls, which are not unit vectors: write 1 − cos θ with cos θ = <u, v> / (||u|| ||v||)."
    )


def _check_angular_function(func) -> None:
    name = "angular_distance"
    (u, v), (q, c) = _test_points_093()
    got, cos = _value(func, u, v, name), _cos_1d(u, v)
    theta = math.acos(cos)
    at = f"at the unit vectors u = queries[0] = {_vec(u)} and v = data[0] = {_vec(v)}, where cos θ = {cos:.4f}"
    if not _close(got, theta):
        if math.isnan(got):
            raise not_yet(f"Your {name} returned nan {at}; check the formula, and clip the cosine to [-1, 1] before arccos.")
        if _close(got, math.degrees(theta)):
            raise not_yet(f"Your {name} returned {got:.4f} {at}: that is the angle in degrees. Give θ in radians, as math.acos and np.arccos do.")
        if _close(got, 1 - cos):
            raise not_yet(
                f"Your {name} returned {got:.4f} {at}: that is the cosine distance 1 − cos θ. Are the two "
                f"functions swapped? The tuple is {_ANSWER_093}."
            )
        if _close(got, cos):
            raise not_yet(f"Your {name} returned {got:.4f} {at}: that is cos θ; the angle is its arccos.")
        raise not_yet(f"Your {name} returned {got:.4f} {at}; the angular distance is θ = arccos(cos θ), in radians.")
    got, cos = _value(func, q, c, name), _cos_1d(q, c)
    if _close(got, math.acos(cos)):
        return
    at = (
        f"at u = queries[0] and c = (data[0] + data[1]) / 2 = {_vec(c)}, whose norm is "
        f"{np.linalg.norm(c):.4f}, not 1, and where cos θ = {cos:.4f}"
    )
    if _close(got, math.acos(min(1.0, max(-1.0, float(q @ c))))):
        raise not_yet(
            f"Your {name} is the angle on the unit vectors of the data, but it returned {got:.4f} {at}. "
            "The formula arccos <u, v> assumes unit vectors, and the tree also measures the distance from a "
            "query to the center of each ball, the mean of the ball's points, which lies inside the "
            "sphere. The guarantee that the tree skips no true neighbor rests on the triangle inequality "
            "for the angle between any two nonzero vectors; divide by the two norms and measure again."
        )
    raise not_yet(
        f"Your {name} returned {got:.4f} {at}. The tree also calls it at points like c, the centers of "
        "its balls, which are not unit vectors: use cos θ = <u, v> / (||u|| ||v||)."
    )


@exercise(
    "09.3",
    "How often does a ball tree get cosine neighbors wrong?",
    stars=3,
    hints=(
        "Revisit section 6 of the lesson, \"Why a nearest-neighbor index cares\": the tree skips a ball "
        "using the bound d(q, c) - r, which needs the triangle inequality, and it evaluates d at the "
        "centers c of its balls, which are not unit vectors. Measure the agreement the way the lesson did.",
        "Write both distances with cos θ = <u, v> / (||u|| ||v||), so that they are right for any nonzero "
        "vectors. For each distance, build BallTree(data, metric=your_function) and call "
        ".query(queries, k=5); get the true neighbors by brute force (NearestNeighbors(n_neighbors=5, "
        "algorithm=\"brute\", metric=...)). Per query, count how many of the tree's 5 indices are among "
        "the true 5; divide the total by 5 × 50.",
        "tree_idx = BallTree(data, metric=___).query(queries, k=5)[1]; true_idx = NearestNeighbors("
        "n_neighbors=5, algorithm=\"brute\", metric=___).fit(data).kneighbors(queries)[1]; "
        "hits = [len(set(a) & set(b)) for a, b in zip(___, ___)]; agreement = sum(hits) / ___",
    ),
)
def _check_tree_agreement(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return not_yet(
            "Pass your two measurements and your two distance functions as one tuple, "
            f'nl.exercises.check("09.3", {_ANSWER_093}): the checker measures again with your functions.'
        )
    *agreements, cos_fn, ang_fn = answer
    for func, name in ((cos_fn, "cosine_distance"), (ang_fn, "angular_distance")):
        if is_stub_function(func):
            raise NotAttempted
        if not callable(func):
            return not_yet(
                f"The third and fourth entries should be your functions, `{name}` itself (no parentheses); "
                f"got {type(func).__name__}. The tuple is {_ANSWER_093}."
            )
    for value, name in zip(agreements, ("agree_cosine", "agree_angular")):
        if value is None:
            return not_yet(
                f"`{name}` is None: tree_agreement should return the fraction of true neighbors that the "
                "tree found. If its body is written, did you forget `return`?"
            )
    cos_agree, ang_agree = (_as_real(v, f"`{n}`") for v, n in zip(agreements, ("agree_cosine", "agree_angular")))
    for value, name in ((cos_agree, "agree_cosine"), (ang_agree, "agree_angular")):
        if math.isfinite(value) and 1 < value <= 100:
            return not_yet(
                f"`{name}` = {_num(value)} looks like a percentage; give the fraction of neighbors "
                "found, a number between 0 and 1."
            )
        if not (0 <= value <= 1):
            return not_yet(f"`{name}` = {_num(value)}, but an agreement is a fraction between 0 and 1.")

    _check_cosine_function(cos_fn, cos_agree)
    _check_angular_function(ang_fn)
    cos_m = _learner_measure(cos_fn, "cosine_distance")
    ang_m = _learner_measure(ang_fn, "angular_distance")
    near = 1 - 1e-12
    if abs(ang_agree - ang_m["sets"]) > _TOL_093:
        if abs(ang_agree - cos_m["sets"]) <= _TOL_093 and abs(cos_agree - ang_m["sets"]) <= _TOL_093:
            return not_yet(
                f"You report agree_cosine = {cos_agree:.4f} and agree_angular = {ang_agree:.4f}. Are the two "
                f"swapped? The tuple is {_ANSWER_093}."
            )
        if ang_m["sets"] >= near:
            return not_yet(
                f"You report agree_angular = {ang_agree:.4f}, but a tree built with your angular_distance "
                "returns every brute-force neighbor: the angle satisfies the triangle inequality for all "
                "nonzero vectors, ball centers included, so every ball the tree skips is safe. Check that "
                "the tree and brute force search the same points and that you compare sets of indices "
                "per query."
            )
        return not_yet(
            f"You report agree_angular = {ang_agree:.4f}, which does not match what the checker measures "
            "with your own angular_distance on the sheet's data (500 points, 50 queries, k = 5, the "
            "default leaf_size). Check that you used the data of the sheet unchanged and that "
            "angular_distance returns the angle for any two nonzero vectors."
        )
    if abs(cos_agree - cos_m["sets"]) > _TOL_093:
        shown = f"Your agree_cosine = {cos_agree:.4f}"
        if cos_agree >= near:
            return not_yet(
                "You report that the tree with the cosine distance agrees with brute force on every "
                "neighbor, but a tree built with your cosine_distance on these data does not. Check that "
                "you passed your cosine function to BallTree(data, metric=...) and queried that tree, not "
                "a brute-force search or a built-in metric such as 'euclidean'."
            )
        if abs(cos_agree - cos_m["ranks"]) <= _TOL_093:
            return not_yet(
                f"{shown} matches a rank-by-rank comparison (the tree's j-th index against the j-th true "
                "one). One missed neighbor shifts every later rank, so count, per query, how many of the "
                "tree's 5 indices are among the true 5."
            )
        if abs(cos_agree - cos_m["nearest"]) <= _TOL_093:
            return not_yet(f"{shown} matches agreement on the nearest neighbor only; count all 5 neighbors of each query.")
        if abs(cos_agree - _measure_093(_unit_only_cosine)["sets"]) <= _TOL_093:
            return not_yet(
                f"{shown} matches a tree given 1 − <u, v>, a formula that is the cosine distance only for "
                "unit vectors, while your cosine_distance divides by the norms. Run tree_agreement again "
                "with the function you passed."
            )
        if abs(cos_agree - cos_m["queries"]) <= _TOL_093:
            return not_yet(
                f"{shown} matches the share of queries whose 5 neighbors are all right; the exercise asks "
                "for the share of the 250 neighbors (5 per query) that the tree found."
            )
        return not_yet(
            f"{shown} does not match what the checker measures with your own cosine_distance on the "
            "sheet's data (500 points, 50 queries, k = 5, the default leaf_size). Measure it with your "
            "function rather than copying a number: check that you used the data of the sheet unchanged, "
            "built BallTree(data, metric=cosine_distance) with the default leaf_size, and divided the "
            "number of true neighbors found by 5 × 50."
        )
    return correct(
        f"Given the cosine distance, the tree missed {cos_m['n_missed']} of the 250 true neighbors "
        f"(agreement {cos_m['sets']:.3f}) without any warning: the bound d(q, c) - r that it prunes with "
        "needs the triangle inequality, also at the ball centers inside the sphere. Given the angular "
        "distance, which ranks the points the same way and satisfies the triangle inequality for all "
        "nonzero vectors, it missed none."
    )
