"""Checkers of lesson 08: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message, which never gives the answer away."""

from __future__ import annotations

import math

import numpy as np
import pytest

from normlab.exercises import evaluate, exercise_ids, get_exercise

EPS = 8 / 255


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson08_registers_three_exercises_with_three_hints():
    assert exercise_ids("08") == ["08.1", "08.2", "08.3"]
    for eid in exercise_ids("08"):
        hints = [get_exercise(eid).hint(level) for level in (1, 2, 3)]
        assert all(h.startswith(f"Exercise {eid} · hint") for h in hints)


# --------------------------------------------------------------------------- 08.1
@pytest.mark.parametrize(
    "answer",
    [np.array([0.0, -3.0, 0.0]), [0, 5, 0], [2.5, 0, 0, 0], (0.0, 0.0, -1e-3), np.array([0, 0, 7]),
     [0.0, 1e-200, 0.0], [0.0, 0.0, 1e200]],  # extreme scales: no underflow or overflow
)
def test_08_1_vectors_with_one_nonzero_entry_pass(answer):
    fb = evaluate("08.1", answer)
    assert fb.ok, fb.message


@pytest.mark.parametrize("answer", [..., None])
def test_08_1_placeholder_is_not_attempted(answer):
    assert evaluate("08.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragments",
    [
        ([3.0, -4.0, 0.0], ["‖x‖₂ = 5 but ‖x‖₁ = 7", "2 nonzero entries"]),  # the feedback shows both norms
        ([1, 1, 1], ["‖x‖₂ = 1.732 but ‖x‖₁ = 3", "3 nonzero entries"]),
        ([0.0, 0.0, 0.0], ["zero vector", "nonzero"]),
        ([5.0, 1e-20, 0.0], ["agree only up to rounding", "1e-20"]),
        # a tiny second entry is shown as it is, not rounded to 0 (the vector must not look like a right answer)
        ([1e-9, 5.0, 0.0], ["x_equal = [1e-09, 5, 0]", "‖x‖₂ = 5 but ‖x‖₁ = 5.000000001", "2 nonzero entries"]),
        # tiny entries: the evidence must not underflow to "‖x‖₂ = 0"
        ([1e-200, 1e-200, 0.0], ["[1e-200, 1e-200, 0]", "‖x‖₂ = 1.414e-200 but ‖x‖₁ = 2e-200"]),
        ([4.0, 0.0], ["2 entries", "at least three"]),
        ([[1.0, 0.0, 0.0]], ["1-D", "(1, 3)"]),
        ([1.0, np.nan, 0.0], ["inf or nan"]),
        ("(0, 5, 0)", ["should be a vector of numbers"]),
    ],
)
def test_08_1_wrong_answers_get_specific_feedback(answer, fragments):
    status, message = status_and_message("08.1", answer)
    assert status == "not yet"
    for fragment in fragments:
        assert fragment in message
    assert "Stuck? nl.exercises.hint('08.1', level=1)" in message


# --------------------------------------------------------------------------- 08.2
@pytest.mark.parametrize(
    "answer",
    [np.array([0.5, -0.5, 0.5, 0.5, -0.5]), [1, -1, 1, -1, 1], [-2.0] * 5, np.full(5, -0.1),
     [np.sqrt(0.2), -1 / np.sqrt(5), np.sqrt(5) / 5, np.sqrt(0.2), np.sqrt(0.2)],  # equal up to an ulp
     [1e-160, -1e-160, 1e-160, 1e-160, 1e-160], [1e-200, -1e-200, 1e-200, 1e-200, 1e-200],  # no underflow
     [1e200, -1e200, 1e200, 1e200, 1e200]],  # no overflow
)
def test_08_2_equal_magnitudes_pass(answer):
    fb = evaluate("08.2", answer)
    assert fb.ok, fb.message


def test_08_2_placeholder_is_not_attempted():
    assert evaluate("08.2", ...).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragments",
    [
        ([1.0, 2.0, 3.0, 4.0, 5.0], ["‖x‖₁ = 15 but √5·‖x‖₂ = 16.58", "2.0226, below √5 = 2.2361", "from 1 to 5"]),
        # near misses: enough digits that the ratio does not print as √5, and the vector shows the odd entry
        ([1.0, -1.0, 1.0, 1.0, 1.001], ["2.2360678, below √5 = 2.2360680", "from 1 to 1.001"]),
        ([1.0, -1.0, 1.0, 1.0, 1.0001], ["[1, -1, 1, 1, 1.0001]", "from 1 to 1.0001"]),
        ([1.0, -1.0, 1.0, 1.0, 1.00003], ["from 1 to 1.00003"]),
        ([1 / 3, -1 / 3, 0.333, 1 / 3, 1 / 3], ["from 0.333 to 0.3333"]),
        # a gap below rounding in the norms is still a gap in the magnitudes
        ([1.0, -1.0, 1.0, 1.0, 1.0 + 1e-9], ["not all the same", "only up to rounding"]),
        ([1.0, -1.0, 1.0, 1.0, 0.0], ["1 zero entry", "still counts in d = 5"]),
        ([0.0, 0.0, 3.0, 0.0, -3.0], ["3 zero entries"]),
        ([1.0, 1.0, 1.0, 1.0, 1.0], ["reaches the bound", "at least one negative entry"]),
        (np.zeros(5), ["zero vector", "trivial"]),
        ([1.0, -1.0, 1.0], ["3 entries", "5 entries"]),
    ],
)
def test_08_2_wrong_answers_get_specific_feedback(answer, fragments):
    status, message = status_and_message("08.2", answer)
    assert status == "not yet"
    for fragment in fragments:
        assert fragment in message
    assert "every |x_i| is the same" not in message


# --------------------------------------------------------------------------- 08.3
@pytest.mark.parametrize("answer", [EPS * math.sqrt(3072), 1.739, 1.7388, np.float64(1.74), np.array([1.739])])
def test_08_3_reference_answer_passes(answer):
    fb = evaluate("08.3", answer)
    assert fb.ok, fb.message


def test_08_3_placeholder_is_not_attempted():
    assert evaluate("08.3", ...).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (EPS, "largest L2 ball *inside*"),  # gave 8/255 itself
        (EPS * 3072, "ε·d, the constant between L1 and L∞"),  # forgot the square root of d
        (EPS**2 * 3072, "*squared* L2 norm"),  # forgot the square root of the sum
        (math.sqrt(3072), "radii scale with it"),  # forgot ε
        (8 * math.sqrt(3072), "0 to 255 scale"),
        (EPS * 32, "d = 1024, the number of pixels"),  # forgot the color channels
        (EPS / math.sqrt(3072), "You divided"),
        (0.01, "smaller than ε = 8/255"),
        (2.5, "farthest point of the L∞ ball"),
        (-2.0, "positive, finite"),
        ("2.0", "should be one number"),
        ((1.0, 2.0), "should be one number"),
    ],
)
def test_08_3_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("08.3", answer)
    assert status == "not yet"
    assert fragment in message
    assert "1.739" not in message and "1.7388" not in message  # never reveals the radius


def test_feedback_is_the_same_on_every_run():
    for eid, answer in [("08.1", [3, -4, 0]), ("08.2", [1, 2, 3, 4, 5]), ("08.3", 0.5)]:
        assert evaluate(eid, answer).message == evaluate(eid, answer).message
