"""Exercise checkers, graded hints and quizzes for the course's exercise notebooks.

Learners call :func:`check` with an exercise id such as ``"04.2"`` and their answer
(a value, or a function for "implement ..." exercises). The checker prints one
paragraph of feedback: what is wrong and the evidence (a counterexample for a
function), never the expected answer. :func:`hint` prints one of three graded hints.
An answer that is still the placeholder ``...`` left by the exercise build prints
"not attempted yet" and raises nothing, so exercise notebooks run top to bottom.

The checkers of lesson ``NN`` live in ``normlab/exercises/lessonNN.py`` and load on
first use, apart from the solutions, so instructors can withhold ``solutions/``
while learners keep their feedback.
"""

from __future__ import annotations

from ._core import (
    Feedback,
    Quiz,
    QuizItem,
    evaluate,
    exercise_ids,
    get_exercise,
)

__all__ = ["Feedback", "Quiz", "QuizItem", "check", "evaluate", "exercise_ids", "hint"]


def check(exercise_id: str, answer) -> None:
    """Check an answer to exercise `exercise_id` and print specific feedback.

    Parameters
    ----------
    exercise_id : str
        The exercise number, ``"NN.k"``, as in the exercise's heading.
    answer : object
        Your answer: a number, a sequence, a set, a string, or a function, as the
        exercise asks. The placeholder ``...`` means "not attempted yet".

    Raises
    ------
    KeyError
        If there is no exercise with that id (the message lists the lesson's ids).

    See Also
    --------
    evaluate : The same check, returning a :class:`Feedback` instead of printing.
    hint : Graded hints for the same exercise.

    Examples
    --------
    >>> import normlab as nl
    >>> nl.exercises.check("00.1", ...)
    Exercise 00.1 · not attempted yet. Replace the ... with your answer and run the cell again.
    """
    print(evaluate(exercise_id, answer))


def hint(exercise_id: str, level: int = 1) -> None:
    """Print hint number `level` (1, 2 or 3) for exercise `exercise_id`.

    Level 1 points to the idea, level 2 names the method, level 3 gives a skeleton
    with blanks. No hint gives the final value.

    Examples
    --------
    >>> import normlab as nl
    >>> nl.exercises.hint("00.1", level=1)  # doctest: +ELLIPSIS
    Exercise 00.1 · hint 1 of 3. ...
    """
    print(get_exercise(exercise_id).hint(level))
