"""Checkers of lesson 00 (exercises 00.1 to 00.3) and the shared myth quiz."""

from __future__ import annotations

import numpy as np
import pytest

import normlab as nl
from normlab.exercises import evaluate
from normlab.exercises.quizzes import MYTH_QUIZ

X = np.array([6.0, -7.0, 6.0, 0.0])


def reference_sizes():
    return {
        "L0": np.linalg.norm(X, 0),
        "L1": np.linalg.norm(X, 1),
        "L2": np.linalg.norm(X, 2),
        "Linf": np.linalg.norm(X, np.inf),
    }


def test_lesson00_registers_three_exercises():
    assert nl.exercises.exercise_ids("00") == ["00.1", "00.2", "00.3"]


@pytest.mark.parametrize("exercise_id", ["00.1", "00.2", "00.3"])
def test_placeholder_is_not_attempted(exercise_id):
    assert evaluate(exercise_id, ...).status == "not attempted yet"


@pytest.mark.parametrize("exercise_id", ["00.1", "00.2", "00.3"])
def test_hints_are_three_and_numbered(exercise_id, capsys):
    for level in (1, 2, 3):
        nl.exercises.hint(exercise_id, level=level)
        assert capsys.readouterr().out.startswith(f"Exercise {exercise_id} · hint {level} of 3. ")


# --------------------------------------------------------------------------- 00.1
def test_sizes_reference_answer_passes():
    assert evaluate("00.1", reference_sizes()).ok
    assert evaluate("00.1", {"L0": 3, "L1": 19, "L2": 11, "Linf": 7}).ok


def test_sizes_accept_spelling_variants():
    assert evaluate("00.1", {"l0": 3, "L_1": 19.0, "l2": 11.0 + 1e-12, "L∞": 7}).ok
    assert evaluate("00.1", {0: 3, 1: 19, 2: 11, np.inf: 7}).ok


def test_sizes_signed_sum_is_called_out():
    fb = evaluate("00.1", {"L0": 3, "L1": 5, "L2": 11, "Linf": 7})
    assert fb.status == "not yet"
    assert "L1 smaller than L∞ is impossible" in fb.message and "plain sum 6 − 7 + 6 + 0" in fb.message
    assert "Your L0, L2 and L∞ are right." in fb.message


def test_sizes_l1_below_linf_asks_about_cancelling():
    fb = evaluate("00.1", {"L0": 3, "L1": 6.5, "L2": 11, "Linf": 7})
    assert "L1 smaller than L∞ is impossible" in fb.message and "Did negative entries cancel?" in fb.message


def test_sizes_missing_square_root_is_called_out():
    fb = evaluate("00.1", {"L0": 3, "L1": 19, "L2": 121, "Linf": 7})
    assert fb.status == "not yet"
    assert "L2 larger than L1 is impossible" in fb.message and "square root" in fb.message


def test_sizes_length_is_not_the_l0_count():
    fb = evaluate("00.1", {"L0": 4, "L1": 19, "L2": 11, "Linf": 7})
    assert "length of the vector" in fb.message and "skips the entries equal to 0" in fb.message


def test_sizes_max_without_abs_is_called_out():
    # np.max(x) instead of np.max(np.abs(x)): the largest |x_i| is the negative entry
    fb = evaluate("00.1", {"L0": 3, "L1": 19, "L2": 11, "Linf": float(np.max(X))})
    assert fb.status == "not yet"
    assert "largest entry of x with its sign" in fb.message and "absolute values first" in fb.message
    assert "Your L0, L1 and L2 are right." in fb.message


@pytest.mark.parametrize("near", [11 + 1e-7, 10.9999, 11.0001])
def test_sizes_near_misses_show_enough_digits(near):
    fb = evaluate("00.1", {"L0": 3, "L1": 19, "L2": near, "Linf": 7})
    assert fb.status == "not yet"
    assert f"L2 = {near:.12g} is close to the right value but not equal to it" in fb.message
    assert "L2 = 11 " not in fb.message


def test_sizes_wrong_shape_of_answer():
    assert "as a dict" in evaluate("00.1", [3, 19, 11, 7]).message
    assert "no entry for L∞" in evaluate("00.1", {"L0": 3, "L1": 19, "L2": 11}).message
    assert "should be a number" in evaluate("00.1", {"L0": 3, "L1": 19, "L2": "11", "Linf": 7}).message
    assert "never negative" in evaluate("00.1", {"L0": 3, "L1": 19, "L2": 11, "Linf": -7}).message
    assert "not one of" in evaluate("00.1", {"L0": 3, "L1": 19, "L2": 11, "L3": 7}).message


def test_sizes_feedback_never_states_the_answer():
    fb = evaluate("00.1", {"L0": 1, "L1": 1, "L2": 1, "Linf": 1})
    for value in ("= 3", "= 19", "= 11", "= 7 ", "is 3", "is 19", "is 11", "is 7"):
        assert value not in fb.message
    # the same text on every run
    assert str(fb) == str(evaluate("00.1", {"L0": 1, "L1": 1, "L2": 1, "Linf": 1}))


# --------------------------------------------------------------------------- 00.2
def test_pre_quiz_complete_answers_are_recorded_not_graded():
    for word in MYTH_QUIZ.choices:
        fb = evaluate("00.2", {i: word for i in range(1, 13)})
        assert fb.ok and "recorded" in fb.message and "lesson 28" in fb.message
    assert evaluate("00.2", ["True"] * 12).ok  # a list in item order, any capitalization
    assert evaluate("00.2", {str(i): "false" for i in range(1, 13)}).ok  # string keys, as grade() accepts


def test_pre_quiz_same_item_as_number_and_string_is_flagged():
    answers = {i: "true" for i in range(1, 13)}
    answers["1"] = "false"
    fb = evaluate("00.2", answers)
    assert fb.status == "not yet" and "Item 1 appears twice" in fb.message


def test_pre_quiz_missing_items_are_listed():
    fb = evaluate("00.2", {i: "false" for i in range(1, 10)})
    assert fb.status == "not yet" and "9 of 12" in fb.message and "10, 11, 12" in fb.message


def test_pre_quiz_python_booleans_and_unknown_words():
    assert "in quotes" in evaluate("00.2", {i: True for i in range(1, 13)}).message
    assert "'maybe', which is not one of" in evaluate("00.2", {i: "maybe" for i in range(1, 13)}).message
    assert "items 1 to 12" in evaluate("00.2", {i: "true" for i in range(0, 13)}).message
    assert "as a dict" in evaluate("00.2", "true").message
    assert "should be an item number" in evaluate("00.2", {"one": "true"}).message


def test_pre_quiz_partial_placeholder_dict_is_not_attempted():
    answers = {i: ... for i in range(1, 13)}
    answers[1] = "true"
    assert evaluate("00.2", answers).status == "not attempted yet"


# --------------------------------------------------------------------------- 00.3
def test_which_are_norms_reference_passes():
    assert evaluate("00.3", {"L1", "L2", "Linf"}).ok
    assert evaluate("00.3", [1, 2, np.inf]).ok


def test_which_are_norms_l0_gets_the_homogeneity_witness():
    fb = evaluate("00.3", {"L0", "L1", "L2", "Linf"})
    assert fb.status == "not yet" and "homogeneity fails" in fb.message
    assert "count of 2x is 2" in fb.message


def test_which_are_norms_leaving_one_out_asks_for_a_witness():
    fb = evaluate("00.3", {"L1", "L2"})
    assert fb.status == "not yet" and "leaves out L∞" in fb.message and "witness" in fb.message


def test_which_are_norms_bad_shapes():
    assert "set of names" in evaluate("00.3", "L1").message
    assert "'L3' is not one of" in evaluate("00.3", {"L3"}).message


# --------------------------------------------------------------------------- the quiz
def test_myth_quiz_has_twelve_items_with_verdicts_explanations_and_lessons():
    assert len(MYTH_QUIZ.items) == 12
    for item in MYTH_QUIZ.items:
        assert item.verdict in MYTH_QUIZ.choices
        assert item.explanation.strip() and len(item.explanation) < 240
        assert len(item.lesson) == 2 and item.lesson.isdigit() and "01" <= item.lesson <= "28"
    verdicts = [item.verdict for item in MYTH_QUIZ.items]
    assert all(verdicts.count(v) >= 3 for v in MYTH_QUIZ.choices), "a balanced quiz"


def test_myth_quiz_witnesses_hold():
    # ERRATA rank 4: equal L2 norms, L1 norms 1 and 10
    e1, spread = np.eye(100)[0], np.full(100, 0.1)
    assert np.isclose(np.linalg.norm(e1), np.linalg.norm(spread), rtol=1e-12)
    assert np.linalg.norm(e1, 1) == 1 and np.isclose(np.linalg.norm(spread, 1), 10, rtol=1e-12)
    # ERRATA rank 1: L0 fails homogeneity, not the triangle inequality (on a small exhaustive grid)
    x = np.array([3.0, -4.0, 0.0])
    assert np.count_nonzero(2 * x) == np.count_nonzero(x) == 2
    grid = np.array(np.meshgrid(*[[-1, 0, 1]] * 3)).reshape(3, -1).T
    for a in grid:
        for b in grid:
            assert np.count_nonzero(a + b) <= np.count_nonzero(a) + np.count_nonzero(b)
    # ERRATA rank 12: equality at (0, 5, 0)
    v = np.array([0.0, 5.0, 0.0])
    assert np.linalg.norm(v, np.inf) == np.linalg.norm(v, 2) == np.linalg.norm(v, 1) == 5
    # ERRATA rank 11: ord=1 on a 2-D array is the induced norm
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert np.linalg.norm(A, 1) == 6 and np.abs(A).sum() == 10
    # ERRATA rank 7: p = 1/2 breaks the triangle inequality
    half = lambda z: np.sum(np.sqrt(np.abs(z))) ** 2  # noqa: E731
    assert half(np.array([1.0, 1.0])) == 4 > half(np.array([1.0, 0.0])) + half(np.array([0.0, 1.0])) == 2


def test_myth_quiz_records_without_revealing_verdicts(capsys):
    for word in MYTH_QUIZ.choices:
        MYTH_QUIZ.grade({i: word for i in range(1, 13)}, reveal=False)
        out = capsys.readouterr().out
        assert "right" not in out and "think again" not in out and "Score" not in out
        assert all(item.explanation not in out for item in MYTH_QUIZ.items)
        assert out.count(f"you said {word}") == 12 and "Recorded 12 of 12 answers" in out
    MYTH_QUIZ.grade({1: "false"}, reveal=False)
    assert capsys.readouterr().out.count("not answered yet") == 11
    MYTH_QUIZ.grade(..., reveal=False)  # the exercise sheet's placeholder
    assert capsys.readouterr().out.count("not answered yet") == 12


def test_myth_quiz_grades_with_explanations_when_revealed(capsys):
    verdicts = {i: item.verdict for i, item in enumerate(MYTH_QUIZ.items, start=1)}
    MYTH_QUIZ.grade(verdicts, reveal=True)
    out = capsys.readouterr().out
    assert out.count(": right.") == 12 and "Score: 12 of 12" in out
    assert MYTH_QUIZ.score({i: "true" for i in range(1, 13)}) == (3, 12)
