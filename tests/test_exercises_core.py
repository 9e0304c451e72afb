"""The exercise machinery: placeholders, learner crashes, hints and quizzes."""

import pytest

from normlab.exercises import _core
from normlab.exercises._core import Quiz, QuizItem, call_learner, correct, exercise, not_yet


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(_core, "_REGISTRY", {})

    @exercise("99.1", "Double it", hints=("idea", "method", "skeleton: return ___ * x"), stars=1)
    def _check(answer):
        got = call_learner(answer, 3, name="double")
        if got != 6:
            return not_yet(f"double(3) returned {got}.")
        return correct("Doubling works.")

    return _core._REGISTRY


def test_placeholder_is_not_attempted(registry):
    fb = _core.evaluate("99.1", ...)
    assert fb.status == "not attempted yet" and not fb.ok
    assert str(fb).startswith("Exercise 99.1 · not attempted yet.")


def test_empty_function_body_is_not_attempted(registry):
    def double(x):
        ...

    assert _core.evaluate("99.1", double).status == "not attempted yet"


def test_wrong_answer_gets_evidence_and_hint_pointer(registry):
    fb = _core.evaluate("99.1", lambda x: x + 2)
    assert fb.status == "not yet"
    assert "double(3) returned 5." in fb.message and "hint('99.1', level=1)" in fb.message


def test_learner_crash_is_reported_with_input(registry):
    fb = _core.evaluate("99.1", lambda x: 1 / 0)
    assert fb.status == "not yet" and "ZeroDivisionError" in fb.message and "double(3)" in fb.message


def test_correct_answer(registry):
    fb = _core.evaluate("99.1", lambda x: 2 * x)
    assert fb.ok and str(fb) == "Exercise 99.1 · correct. Doubling works."


def test_hints_are_graded_and_bounded(registry):
    ex = _core.get_exercise("99.1")
    assert ex.hint(3).startswith("Exercise 99.1 · hint 3 of 3. skeleton")
    with pytest.raises(ValueError, match="`level`"):
        ex.hint(4)


def test_unknown_ids_are_explained(registry):
    with pytest.raises(KeyError, match="look like"):
        _core.get_exercise("4.2")
    with pytest.raises(KeyError, match="lesson 99 has: 99.1"):
        _core.get_exercise("99.7")


def test_duplicate_registration_is_refused(registry):
    with pytest.raises(ValueError, match="twice"):
        exercise("99.1", "again", hints=("a", "b", "c"))(lambda a: correct())


def test_quiz_scores_and_validates(capsys):
    quiz = Quiz((QuizItem("L1 is a norm", "true", "It meets all three axioms."),
                 QuizItem("L0 is a norm", "false", "It is not homogeneous.")))
    assert quiz.score({1: "true", 2: "true"}) == (1, 2)
    assert quiz.score({1: "TRUE"}) == (1, 1)
    with pytest.raises(ValueError, match="must be one of"):
        quiz.score({1: "maybe"})
    quiz.grade({1: "true"})
    out = capsys.readouterr().out
    assert "1. you said true: right. It meets all three axioms." in out and "2. not answered yet" in out


def test_quiz_records_without_revealing(capsys):
    quiz = Quiz((QuizItem("L1 is a norm", "true", "It meets all three axioms."),
                 QuizItem("L0 is a norm", "false", "It is not homogeneous.")))
    quiz.grade({1: "false"}, reveal=False)
    out = capsys.readouterr().out
    assert "you said false" in out and "right" not in out and "think again" not in out
    assert "Score" not in out and "axioms" not in out
    quiz.grade(..., reveal=False)
    assert "Recorded 0 of 2" in capsys.readouterr().out


def test_forgotten_return_is_not_called_unattempted(registry):
    def double(x):
        y = 2 * x  # noqa: F841 - the bug under test

    fb = _core.evaluate("99.1", double)
    assert fb.status == "not yet" and "did you forget `return`" in fb.message
