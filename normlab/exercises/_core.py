"""The machinery behind :mod:`normlab.exercises`: registry, feedback, safe calls and quizzes."""

from __future__ import annotations

import dis
import importlib
import numbers
import re
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Literal, Sequence

import numpy as np

from .._validation import check_int, check_option

__all__ = [
    "Exercise",
    "Feedback",
    "NotAttempted",
    "Quiz",
    "QuizItem",
    "as_number",
    "call_learner",
    "correct",
    "evaluate",
    "exercise",
    "exercise_ids",
    "fmt",
    "get_exercise",
    "is_placeholder",
    "is_stub_function",
    "not_yet",
]

Status = Literal["correct", "not yet", "not attempted yet"]
_ID = re.compile(r"^(\d\d)\.(\d+)$")
_REGISTRY: dict[str, "Exercise"] = {}


@dataclass(frozen=True)
class Feedback:
    """The outcome of one check: ``status`` and a message that never states the answer."""

    exercise_id: str
    status: Status
    message: str

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __str__(self) -> str:
        return f"Exercise {self.exercise_id} · {self.status}. {self.message}".rstrip()

    def __bool__(self) -> bool:  # ``if evaluate(...)`` reads naturally
        return self.ok


class NotAttempted(Exception):
    """Raised inside a checker when the learner's answer is still the placeholder."""


class _Verdict(Exception):
    def __init__(self, status: Status, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def correct(message: str = "") -> "_Verdict":
    """Build the verdict a checker returns for a correct answer (a sentence on why it matters)."""
    return _Verdict("correct", message)


def not_yet(message: str) -> "_Verdict":
    """Build the verdict for a wrong answer: what is wrong and the evidence, never the answer."""
    return _Verdict("not yet", message)


@dataclass(frozen=True)
class Exercise:
    """One registered exercise: an id, a title, a checker and three graded hints."""

    exercise_id: str
    title: str
    checker: Callable[[Any], "_Verdict"]
    hints: tuple[str, str, str]
    stars: int = 1

    def hint(self, level: int = 1) -> str:
        level = check_int(level, "level", caller="hint", minimum=1)
        if level > len(self.hints):
            raise ValueError(f"hint: `level` must be 1, 2 or 3; got {level}.")
        return f"Exercise {self.exercise_id} · hint {level} of {len(self.hints)}. {self.hints[level - 1]}"

    def evaluate(self, answer: Any) -> Feedback:
        if is_placeholder(answer):
            return _not_attempted(self.exercise_id)
        try:
            verdict = self.checker(answer)
        except NotAttempted:
            return _not_attempted(self.exercise_id)
        except _Verdict as raised:  # checkers may raise a verdict from deep inside
            verdict = raised
        if not isinstance(verdict, _Verdict):  # pragma: no cover - a bug in a checker
            raise TypeError(f"checker for {self.exercise_id} returned {verdict!r}, not a verdict")
        message = verdict.message
        if verdict.status == "not yet":
            message = f"{message} Stuck? nl.exercises.hint({self.exercise_id!r}, level=1)"
        return Feedback(self.exercise_id, verdict.status, message)


def _not_attempted(exercise_id: str) -> Feedback:
    return Feedback(
        exercise_id,
        "not attempted yet",
        "Replace the ... with your answer and run the cell again.",
    )


def exercise(exercise_id: str, title: str, hints: Sequence[str], *, stars: int = 1):
    """Register the decorated function as the checker of `exercise_id`.

    The checker takes the learner's answer and returns ``correct(...)`` or
    ``not_yet(...)``; it may call :func:`call_learner` to run a learner's function.
    """
    if not _ID.match(exercise_id):
        raise ValueError(f"exercise: `exercise_id` must look like '04.2'; got {exercise_id!r}.")
    if len(hints) != 3:
        raise ValueError(f"exercise: {exercise_id} needs exactly 3 hints; got {len(hints)}.")

    def register(checker):
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise: {exercise_id} is registered twice.")
        _REGISTRY[exercise_id] = Exercise(exercise_id, title, checker, tuple(hints), stars)
        return checker

    return register


def _load_lesson(lesson: str) -> None:
    try:
        importlib.import_module(f"normlab.exercises.lesson{lesson}")
    except ModuleNotFoundError as exc:
        if exc.name != f"normlab.exercises.lesson{lesson}":
            raise


def get_exercise(exercise_id: str) -> Exercise:
    """Return the registered :class:`Exercise` for `exercise_id`, loading its lesson's checkers."""
    if not isinstance(exercise_id, str) or not _ID.match(exercise_id):
        raise KeyError(f"exercise ids look like '04.2' (lesson 04, exercise 2); got {exercise_id!r}.")
    lesson = exercise_id[:2]
    if exercise_id not in _REGISTRY:
        _load_lesson(lesson)
    if exercise_id not in _REGISTRY:
        known = [k for k in sorted(_REGISTRY) if k.startswith(lesson + ".")]
        listing = ", ".join(known) if known else "none"
        raise KeyError(f"no exercise {exercise_id!r}; lesson {lesson} has: {listing}.")
    return _REGISTRY[exercise_id]


def exercise_ids(lesson: str | None = None) -> list[str]:
    """Sorted ids of the registered exercises, of one lesson (``"04"``) or of all lessons found.

    Examples
    --------
    >>> from normlab.exercises import exercise_ids
    >>> exercise_ids("00")[:2]
    ['00.1', '00.2']
    """
    if lesson is None:
        import pkgutil

        from normlab import exercises as package

        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("lesson"):
                _load_lesson(info.name[len("lesson"):])
        return sorted(_REGISTRY)
    _load_lesson(lesson)
    return sorted(k for k in _REGISTRY if k.startswith(lesson + "."))


def evaluate(exercise_id: str, answer: Any) -> Feedback:
    """Check `answer` and return the :class:`Feedback` instead of printing it.

    Examples
    --------
    >>> from normlab.exercises import evaluate
    >>> evaluate("00.1", ...).status
    'not attempted yet'
    """
    return get_exercise(exercise_id).evaluate(answer)


def is_placeholder(answer: Any) -> bool:
    """True for the exercise build's placeholder ``...``, also inside a tuple, list or dict."""
    if answer is Ellipsis or answer is None:
        return True
    if isinstance(answer, (tuple, list)):
        return any(a is Ellipsis for a in answer)
    if isinstance(answer, dict):
        return any(v is Ellipsis for v in answer.values())
    return False


def is_stub_function(func: Any) -> bool:
    """True for a function whose body does nothing: only ``...``, ``pass`` or a docstring.

    That is the exercise build's placeholder for "implement this function". A body that
    computes something but forgets ``return`` also returns None; the bytecode tells the
    two apart, so the learner hears "did you forget return?" instead of "not attempted".

    Examples
    --------
    >>> from normlab.exercises._core import is_stub_function
    >>> def stub(x):
    ...     ...
    >>> def no_return(x):
    ...     y = 2 * x
    >>> is_stub_function(stub), is_stub_function(no_return)
    (True, False)
    """
    code = getattr(func, "__code__", None)
    if code is None:
        return False
    ops = [i for i in dis.get_instructions(code) if i.opname not in ("RESUME", "NOP", "CACHE")]
    names = [i.opname for i in ops]
    if names == ["RETURN_CONST"]:
        return ops[0].argval is None
    return names == ["LOAD_CONST", "RETURN_VALUE"] and ops[0].argval is None


def fmt(value: Any, digits: int = 4) -> str:
    """Format numbers and arrays with fixed precision for feedback messages."""
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.{digits}g}"
    if isinstance(value, np.ndarray) or isinstance(value, (list, tuple)):
        try:
            arr = np.asarray(value)
        except ValueError:  # ragged nesting: show it as Python does
            return repr(value)
        if arr.size > 24:  # a data matrix: its shape says more than its digits
            return f"<array of shape {arr.shape}>"
        if arr.dtype.kind in "fc":
            return np.array2string(arr, precision=digits, separator=", ", suppress_small=True)
        return np.array2string(arr, separator=", ")
    return repr(value)


def as_number(value: Any, what: str) -> float:
    """Turn one answer into a float, or raise a "not yet" verdict naming `what`.

    Accepts Python and NumPy numbers and one-element arrays; refuses booleans, strings
    and anything else with a message that shows what arrived.

    Examples
    --------
    >>> from normlab.exercises._core import as_number
    >>> as_number(np.array([2.5]), "your answer")
    2.5
    """
    if isinstance(value, (bool, np.bool_, str)):
        raise not_yet(f"{what} should be a number; got {value!r}.")
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(())[()]
    if not isinstance(value, (numbers.Real, np.floating, np.integer)):
        shown = f" {fmt(value)}" if isinstance(value, (np.ndarray, list, tuple)) else ""
        raise not_yet(f"{what} should be a number; got {type(value).__name__}{shown}.")
    return float(value)


def call_learner(func: Any, *args, name: str = "your function", **kwargs):
    """Call a learner's function; turn placeholders and crashes into feedback.

    Raises :class:`NotAttempted` if `func` is the placeholder, has an empty body or
    returns ``...``; a "not yet" verdict if it returns None from a body that does
    something (a forgotten ``return``) or if it raises, naming the inputs.
    """
    if is_placeholder(func) or is_stub_function(func):
        raise NotAttempted
    if not callable(func):
        raise not_yet(f"{name} should be a function (defined with def); got {type(func).__name__}.")
    try:
        out = func(*args, **kwargs)
    except Exception as exc:  # the learner's bug, reported with the input that caused it
        shown = ", ".join(fmt(a) for a in args)
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise not_yet(f"{name}({shown}) raised {last.rstrip('.')}.") from None
    if out is Ellipsis:
        raise NotAttempted
    if out is None:
        raise not_yet(f"{name} returned None: did you forget `return`?")
    return out


@dataclass(frozen=True)
class QuizItem:
    """One quiz statement with its verdict and the one-line explanation shown after answering."""

    statement: str
    verdict: str
    explanation: str
    lesson: str = ""


@dataclass(frozen=True)
class Quiz:
    """A list of statements, each answered with one of `choices`.

    ``quiz.show()`` prints the numbered statements; ``quiz.grade(answers)`` prints,
    per item, whether the answer matches and the explanation, then a score.
    Answers are a dict ``{item number: choice}`` or a sequence in item order.
    """

    items: tuple[QuizItem, ...]
    choices: tuple[str, ...] = ("true", "imprecise", "false")
    title: str = "Quiz"

    def show(self) -> None:
        print(f"{self.title}: answer each with one of {', '.join(self.choices)}.")
        for i, item in enumerate(self.items, start=1):
            print(f"{i:>2}. {item.statement}")

    def _normalize(self, answers: Any) -> dict[int, str | None]:
        if isinstance(answers, dict):
            got = {int(k): v for k, v in answers.items()}
        else:
            got = {i: v for i, v in enumerate(answers, start=1)}
        out: dict[int, str | None] = {}
        for i in range(1, len(self.items) + 1):
            v = got.get(i, Ellipsis)
            if v is Ellipsis or v is None:
                out[i] = None
                continue
            v = str(v).strip().lower()
            check_option(v, f"answer {i}", self.choices, caller=self.title)
            out[i] = v
        return out

    def score(self, answers: Any) -> tuple[int, int]:
        """Return (number correct, number answered)."""
        got = self._normalize(answers)
        answered = [i for i, v in got.items() if v is not None]
        right = sum(got[i] == self.items[i - 1].verdict for i in answered)
        return right, len(answered)

    def grade(self, answers: Any, *, reveal: bool = True) -> None:
        """Print, per item, the answer given and (with ``reveal=True``) whether it is right.

        ``reveal=False`` only records: it prints what was answered and no verdict, no
        explanation and no score (lesson 00's pre-quiz, re-taken and graded in lesson 28).
        The placeholder ``...`` counts as nothing answered yet.
        """
        if answers is Ellipsis or answers is None:
            answers = {}
        got = self._normalize(answers)
        if not reveal:
            for i, v in got.items():
                print(f"{i:>2}. " + ("not answered yet" if v is None else f"you said {v}"))
            n_answered = sum(v is not None for v in got.values())
            print(f"Recorded {n_answered} of {len(self.items)} answers; no verdicts are shown yet.")
            return
        for i, item in enumerate(self.items, start=1):
            v = got[i]
            if v is None:
                print(f"{i:>2}. not answered yet")
                continue
            if v == item.verdict:
                print(f"{i:>2}. you said {v}: right. {item.explanation}")
            else:
                where = f" (lesson {item.lesson})" if item.lesson else ""
                print(f"{i:>2}. you said {v}: think again. Revisit this after the lesson{where}.")
        right, answered = self.score(answers)
        print(f"Score: {right} of {answered} answered ({len(self.items)} items).")
