"""Checkers of lesson 09: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import math

import numpy as np
import pytest

import normlab as nl
from normlab.exercises import evaluate, exercise_ids
from normlab.exercises._core import is_stub_function
from normlab.exercises.lesson09 import _TOL_093, _data_093, _measure_093, _reference_093, _unit_only_cosine


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson09_registers_three_exercises():
    assert exercise_ids("09") == ["09.1", "09.2", "09.3"]


def test_lesson09_hints_have_three_levels():
    for ex in exercise_ids("09"):
        assert evaluate(ex, ...).status == "not attempted yet"
        for level in (1, 2, 3):
            nl.exercises.hint(ex, level=level)


# --------------------------------------------------------------------------- 09.1
REFERENCE_09_1 = (np.array([1.0, 0.0]), np.array([0.0, 0.0]), np.array([-1.0, 0.5]))


def test_09_1_reference_answer_passes():
    fb = evaluate("09.1", REFERENCE_09_1)
    assert fb.ok, fb.message
    assert "obtuse" in fb.message and "153.4°" in fb.message
    # any obtuse angle at y works, with lists or integers, anywhere in the plane
    assert evaluate("09.1", ([0, 0], [2, 1], [4, 0])).ok
    assert evaluate("09.1", [[0.0, 0.0], [1.0, 0.1], [2.0, 0.0]]).ok


@pytest.mark.parametrize("answer", [..., (..., [0.0, 0.0], [1.0, 1.0]), ([1.0, 0.0], [0.0, 0.0], ...)])
def test_09_1_placeholder_is_not_attempted(answer):
    assert evaluate("09.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (([0.0, 0.0], [1.0, 0.0], [2.0, 0.0]), "lie on one line"),  # the lesson's example, in 2-D
        (([0.0, 0.0], [1.0, 1.0], [2.0, 2.0]), "lie on one line"),
        (([1.0, 0.0], [0.0, 0.0], [0.0, 1.0]), "equal"),  # right angle: Pythagoras
        (([1.0, 0.0], [0.0, 0.0], [1.0, 1.0]), "going via y is longer"),  # acute angle at y
        (([1.0, 0.0], [5.0, 5.0], [0.0, 1.0]), "going via y is longer"),
        (([1.0, 0.0], [1.0, 0.0], [0.0, 1.0]), "the same point"),
        (([0.0], [1.0], [2.0]), "two coordinates"),
        (([0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [2.0, 1.0, 0.0]), "two coordinates"),
        (([0.0, np.nan], [1.0, 0.0], [2.0, 1.0]), "NaN or infinity"),
        (("origin", [1.0, 0.0], [2.0, 1.0]), "point of the plane"),
        (([1.0, 0.0], [0.0, 0.0]), "three points as one tuple"),
    ],
)
def test_09_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("09.1", answer)
    assert status == "not yet"
    assert fragment in message, message


def test_09_1_feedback_shows_both_sides():
    message = evaluate("09.1", ([1.0, 0.0], [0.0, 0.0], [1.0, 1.0])).message
    assert "d(x, z) = 1 and d(x, y) + d(y, z) = 3" in message
    assert "obtuse" not in message  # an acute triangle: no vertex to point at


def test_09_1_obtuse_angle_at_the_wrong_vertex_is_named():
    # the reference triangle with the obtuse vertex moved from the middle to the start
    status, message = status_and_message("09.1", ([0.0, 0.0], [1.0, 0.0], [-1.0, 0.5]))
    assert status == "not yet"
    assert "obtuse angle is at x (153.4°)" in message and "the angle at y is 14.0°" in message, message


# --------------------------------------------------------------------------- 09.2
def find_triangle_violation(f, n_trials=2000, rng=0):
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.integers(-2, 3, size=4).astype(float)
        y = gen.integers(-2, 3, size=4).astype(float)
        if f(x + y) > (f(x) + f(y)) * (1 + 1e-12):
            return x, y
    return None


def test_09_2_reference_answer_passes():
    fb = evaluate("09.2", ("b", find_triangle_violation))
    assert fb.ok, fb.message
    assert evaluate("09.2", ["(B)", find_triangle_violation]).ok

    def vectorized_draws(f, n_trials=2000, rng=0):  # another valid design: draw everything at once
        gen = np.random.default_rng(rng)
        X = gen.choice([-1.0, 0.0, 1.0], size=(n_trials, 3))
        Y = gen.choice([-1.0, 0.0, 1.0], size=(n_trials, 3))
        for x, y in zip(X, Y):
            if f(x + y) - f(x) - f(y) > 1e-9 * (1 + f(x) + f(y)):
                return list(x), list(y)
        return None

    assert evaluate("09.2", ("b", vectorized_draws)).ok


def test_09_2_placeholder_is_not_attempted():
    def unfinished(f, n_trials=2000, rng=0):
        """Return the first random pair (x, y) with f(x + y) > f(x) + f(y), or None."""
        ...

    assert evaluate("09.2", ...).status == "not attempted yet"
    assert evaluate("09.2", (..., find_triangle_violation)).status == "not attempted yet"
    assert evaluate("09.2", ("b", ...)).status == "not attempted yet"
    assert evaluate("09.2", ("b", unfinished)).status == "not attempted yet"


def test_09_2_stub_is_not_attempted_but_a_tester_returning_none_is_judged():
    def documented_stub(f, n_trials=2000, rng=0):
        """Docstring only."""

    def finds_nothing(f, n_trials=2000, rng=0):  # a body that runs, then returns None
        for _ in range(n_trials):
            pass
        return None

    assert is_stub_function(documented_stub) and not is_stub_function(finds_nothing)
    assert evaluate("09.2", ("b", documented_stub)).status == "not attempted yet"
    status, message = status_and_message("09.2", ("b", finds_nothing))
    assert status == "not yet" and "found no violation for the p = 1/2 quasi-norm" in message


def _forgets_return(f, n_trials=2000, rng=0):
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.integers(-2, 3, size=4).astype(float)
        y = gen.integers(-2, 3, size=4).astype(float)
        if f(x + y) > (f(x) + f(y)) * (1 + 1e-12):
            break  # found one, but the pair is never returned


def _wide_integers(f, n_trials=2000, rng=0):
    """Integers, but from a range so wide that zeros are rare."""
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.integers(-100, 101, size=10).astype(float)
        y = gen.integers(-100, 101, size=10).astype(float)
        if f(x + y) > (f(x) + f(y)) * (1 + 1e-12):
            return x, y
    return None


def _gaussian_tester(f, n_trials=2000, rng=0):
    """Never has zeros: cannot see supports change."""
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x, y = gen.standard_normal(4), gen.standard_normal(4)
        if f(x + y) > (f(x) + f(y)) * (1 + 1e-12):
            return x, y
    return None


def _gaussian_tester_no_tolerance(f, n_trials=2000, rng=0):
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.standard_normal(4) * (gen.random(4) < 0.5)  # zeros, but float sums that round
        y = gen.standard_normal(4) * (gen.random(4) < 0.5)
        if f(x + y) > f(x) + f(y):
            return x, y
    return None


def _non_strict(f, n_trials=2000, rng=0):
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.integers(-2, 3, size=4).astype(float)
        y = gen.integers(-2, 3, size=4).astype(float)
        if f(x + y) >= f(x) + f(y):
            return x, y
    return None


def _reversed(f, n_trials=2000, rng=0):
    gen = np.random.default_rng(rng)
    for _ in range(n_trials):
        x = gen.integers(-2, 3, size=4).astype(float)
        y = gen.integers(-2, 3, size=4).astype(float)
        if f(x + y) < f(x) + f(y):
            return x, y
    return None


def _returns_bool(f, n_trials=2000, rng=0):
    return find_triangle_violation(f, n_trials, rng) is not None


def _batched(f, n_trials=2000, rng=0):
    X = np.random.default_rng(rng).integers(-2, 3, size=(n_trials, 4))
    return X if f(X) > 0 else None


def _returns_triple(f, n_trials=2000, rng=0):
    pair = find_triangle_violation(f, n_trials, rng)
    return None if pair is None else (*pair, "extra")


def _mismatched(f, n_trials=2000, rng=0):
    pair = find_triangle_violation(f, n_trials, rng)
    return None if pair is None else (pair[0], pair[1][:2])


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (("a", find_triangle_violation), "overlapping supports and cancellations"),
        (("c", find_triangle_violation), "an entry can cancel"),
        (("d", find_triangle_violation), "fails homogeneity"),
        (("e", find_triangle_violation), "one of the letters"),
        ((2, find_triangle_violation), "one of the letters"),
        (("b", _gaussian_tester), "your tester's pairs never had that"),
        (("b", _wide_integers), "integers drawn from a wide range rarely are"),
        (("b", _forgets_return), "without `return x, y` inside the loop it returns None"),
        (("b", _gaussian_tester_no_tolerance), "rounding error"),
        (("b", _non_strict), "with equality, which is allowed"),
        (("b", _reversed), "not a violation"),
        (("b", _returns_bool), "should return the violating pair"),
        (("b", _batched), "raised ValueError: f takes one vector at a time"),
        (("b", _returns_triple), "one pair (x, y)"),
        (("b", _mismatched), "same length"),
        (("b", "find_triangle_violation"), "should be a function"),
        (("b",), "letter and your tester as one tuple"),
    ],
)
def test_09_2_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("09.2", answer)
    assert status == "not yet"
    assert fragment in message, message


def test_09_2_feedback_never_names_the_right_letter():
    for letter in "acd":
        message = evaluate("09.2", (letter, find_triangle_violation)).message.lower()
        assert "option (b)" not in message and "'b'" not in message


# --------------------------------------------------------------------------- 09.3
def _agreement(d, k=5):
    from sklearn.neighbors import BallTree

    data, queries = _data_093()
    true_idx = np.argsort(-(queries @ data.T), axis=1)[:, :k]
    idx = BallTree(data, metric=d).query(queries, k=k)[1]
    return sum(len(set(a) & set(b)) for a, b in zip(idx, true_idx)) / true_idx.size


def _cos(u, v):
    return 1.0 - float(u @ v) / math.sqrt(float(u @ u) * float(v @ v))


def _ang(u, v):
    return math.acos(min(1.0, max(-1.0, float(u @ v) / math.sqrt(float(u @ u) * float(v @ v)))))


def _cos_numpy(u, v):  # the lesson's vectorized style, called on 1-D arrays
    return 1 - np.sum(u * v, axis=-1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))


def _cos_unit_only(u, v):  # right on the data (unit vectors), wrong at the tree's ball centers
    return 1 - u @ v


def _ang_unit_only(u, v):
    return np.arccos(np.clip(u @ v, -1.0, 1.0))


def _ang_degrees(u, v):
    return math.degrees(_ang(u, v))


def _stub(u, v):
    ...


@pytest.fixture(scope="module")
def reference():
    return _reference_093()


@pytest.fixture(scope="module")
def unit_only():
    return _measure_093(_unit_only_cosine)


def test_09_3_data_match_the_sheet():
    gen = np.random.default_rng(2025)
    points = gen.standard_normal((550, 4))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    data, queries = _data_093()
    assert np.array_equal(data, points[:500]) and np.array_equal(queries, points[500:])


def test_09_3_reference_answer_passes(reference):
    agree_cos, agree_ang = _agreement(_cos), _agreement(_ang)
    assert agree_ang == 1.0 and 0.9 < agree_cos < 1.0
    assert agree_cos == pytest.approx(reference["sets"], abs=1e-12)
    fb = evaluate("09.3", (agree_cos, agree_ang, _cos, _ang))
    assert fb.ok, fb.message
    assert f"missed {reference['n_missed']} of the 250" in fb.message
    # other natural forms: NumPy scalars, a 1-element array, rounding to 3 decimals, a list, NumPy functions
    assert evaluate("09.3", [np.float64(round(agree_cos, 3)), np.array([1]), _cos_numpy, _ang]).ok


def test_09_3_reference_numbers(reference, unit_only):
    # the numbers the wrong-answer diagnostics rely on are distinct at the checker's tolerance (0.001)
    values = [reference[k] for k in ("sets", "ranks", "nearest", "queries")] + [unit_only["sets"]]
    assert all(abs(a - b) > 2 * _TOL_093 for i, a in enumerate(values) for b in values[i + 1:])
    assert reference["n_missed"] == round((1 - reference["sets"]) * 250)
    # math review: 1 - u @ v equals the cosine distance on the data, yet its tree agrees more often
    assert round(reference["sets"], 3) == 0.96 and round(unit_only["sets"], 3) == 0.988


@pytest.mark.parametrize(
    "answer",
    [..., (..., 1.0, _cos, _ang), (0.96, ..., _cos, _ang), None, (None, None, _stub, _stub), (0.96, 1.0, _cos, _stub)],
)
def test_09_3_placeholder_is_not_attempted(answer):
    assert evaluate("09.3", answer).status == "not attempted yet"


def test_09_3_copied_or_guessed_numbers_fail(reference):
    shown = f"{reference['sets']:.3f}"
    for guess in (0.964, reference["sets"] + 0.004, reference["sets"] - 0.004, 0.95, 0.97, 0.979):
        status, message = status_and_message("09.3", (guess, 1.0, _cos, _ang))
        assert status == "not yet", guess
        assert "does not match what the checker measures with your own cosine_distance" in message, message
        assert shown not in message


def test_09_3_unit_only_cosine_is_recognized_and_explained(unit_only):
    status, message = status_and_message("09.3", (unit_only["sets"], 1.0, _cos_unit_only, _ang))
    assert status == "not yet"
    assert "1 − cos θ on the unit vectors of the data" in message
    assert "center of each ball" in message and "Divide by the two norms" in message
    assert f"Your agree_cosine = {unit_only['sets']:.4f} is indeed what a tree with this function returns" in message
    # the same function with a number it cannot give: explained, but not confirmed
    message = evaluate("09.3", (0.9, 1.0, _cos_unit_only, _ang)).message
    assert "center of each ball" in message and "is indeed" not in message
    # the right function with the number of the unit-only formula
    message = evaluate("09.3", (unit_only["sets"], 1.0, _cos, _ang)).message
    assert "matches a tree given 1 − <u, v>" in message


def test_09_3_wrong_answers_get_specific_feedback(reference):
    ref = reference["sets"]
    cases = [
        ((ref, 0.99, _cos, _ang), "agree_angular = 0.9900, but a tree built with your angular_distance"),
        ((ref, float("nan"), _cos, _ang), "between 0 and 1"),
        ((1.0, ref, _cos, _ang), "swapped"),
        ((ref, 1.0, _ang, _cos), "that is the angle θ. Are the two functions swapped?"),
        ((ref, 1.0, lambda u, v: float(u @ v), _ang), "cos θ itself, the similarity"),
        ((ref, 1.0, _cos, _ang_degrees), "angle in degrees"),
        ((ref, 1.0, _cos, _ang_unit_only), "The formula arccos <u, v> assumes unit vectors"),
        ((1.0, 1.0, _cos, _ang), "agrees with brute force on every"),
        ((reference["ranks"], 1.0, _cos, _ang), "rank-by-rank"),
        ((reference["nearest"], 1.0, _cos, _ang), "nearest neighbor only"),
        ((reference["queries"], 1.0, _cos, _ang), "share of queries"),
        ((100 * ref, 100, _cos, _ang), "looks like a percentage"),
        ((-0.5, 1.0, _cos, _ang), "between 0 and 1"),
        (("0.96", 1.0, _cos, _ang), "should be one number"),
        ((None, None, _cos, _ang), "did you forget `return`?"),
        ((ref, 1.0, 0.96, _ang), "should be your functions"),
        ((ref, 1.0), "two measurements and your two distance functions as one tuple"),
        ((ref, 1.0, lambda u, v: 1 / 0, _ang), "raised ZeroDivisionError"),
    ]
    for answer, fragment in cases:
        status, message = status_and_message("09.3", answer)
        assert status == "not yet", answer
        assert fragment in message, (answer, message)
        if not any(isinstance(a, float) and round(a, 3) == round(ref, 3) for a in answer[:2]):
            assert f"{ref:.3f}" not in message, message  # never the answer, unless it is the learner's own
