"""Checkers for lesson 00, "Orientation and myth check" (exercises 00.1 to 00.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ._core import as_number, correct, exercise, fmt, not_yet
from .quizzes import MYTH_QUIZ

__all__: list[str] = []

_NAMES = ("L0", "L1", "L2", "Linf")
_SHOWN = {"L0": "L0", "L1": "L1", "L2": "L2", "Linf": "L∞"}
_ALIASES = {
    "l0": "L0", "0": "L0",
    "l1": "L1", "1": "L1",
    "l2": "L2", "2": "L2",
    "linf": "Linf", "l∞": "Linf", "∞": "Linf", "inf": "Linf", "infinity": "Linf",
    "linfinity": "Linf", "lmax": "Linf", "max": "Linf",
}


def _name_of(key) -> str | None:
    """Map a learner's key ("L1", "l_inf", "L∞", 1, np.inf, ...) to one of `_NAMES`, or None."""
    if isinstance(key, (bool, np.bool_)):
        return None
    if isinstance(key, (numbers.Real, np.floating, np.integer)):
        k = float(key)
        if math.isinf(k) and k > 0:
            return "Linf"
        return {0.0: "L0", 1.0: "L1", 2.0: "L2"}.get(k)
    if isinstance(key, str):
        k = key.strip().lower().replace("_", "").replace("-", "").replace(" ", "")
        return _ALIASES.get(k)
    return None


def _join(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _close(a: float, b: float) -> bool:
    return math.isfinite(a) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _near(a: float, b: float) -> bool:
    """Within 0.1% of b but not equal to it: a rounding or a typo, not a wrong method."""
    return math.isfinite(a) and not _close(a, b) and abs(a - b) <= 1e-3 * max(1.0, abs(b))


def _show(v: float) -> str:
    """A learner's number with up to 12 significant digits, so 2.9999 never prints as 3."""
    v = float(v) + 0.0  # no -0
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.12g}"


# --------------------------------------------------------------------------- 00.1
# The largest |x_i| is a negative entry, so max(x) without abs is wrong here (6, not the L∞ norm).
_X = np.array([6.0, -7.0, 6.0, 0.0])
_X_SHOWN = "(6, −7, 6, 0)"
_PLAIN_SUM_SHOWN = "6 − 7 + 6 + 0"
_SIZES = {
    "L0": float(np.count_nonzero(_X)),
    "L1": float(np.sum(np.abs(_X))),
    "L2": float(np.sqrt(np.sum(_X**2))),
    "Linf": float(np.max(np.abs(_X))),
}


def _diagnose_size(name: str, v: float) -> str | None:
    """A specific message for a wrong value of one size, or None if it is right."""
    if _close(v, _SIZES[name]):
        return None
    shown = f"{_SHOWN[name]} = {_show(v)}"
    if _near(v, _SIZES[name]):
        return (
            f"{shown} is close to the right value but not equal to it: give the exact value (a formula "
            "such as 2 ** 0.5 is fine) or at least 10 significant digits."
        )
    if name == "L0":
        if _close(v, float(_X.size)):
            return f"{shown} is the length of the vector; the L0 count skips the entries equal to 0."
        if v != int(v):
            return f"{shown} is not a whole number, but the L0 count counts entries."
        return f"{shown} is not the number of nonzero entries of {_X_SHOWN}."
    if name == "L1":
        if _close(v, float(np.sum(_X))):
            return (
                f"{shown} is the plain sum {_PLAIN_SUM_SHOWN}, in which the negative entry cancels "
                "positive ones; the L1 norm adds absolute values."
            )
        return f"{shown} is not the sum of the absolute values of the entries of {_X_SHOWN}."
    if name == "L2":
        if _close(v, float(np.sum(_X**2))):
            return f"{shown} is the sum of squares ‖x‖₂²; the L2 norm is its square root."
        if _close(v, math.sqrt(abs(float(np.sum(_X))))):
            return f"{shown} is the square root of the plain sum; square each entry before adding."
        return f"{shown} is not the square root of the sum of the squared entries of {_X_SHOWN}."
    if _close(v, float(_X.size)):
        return f"{shown} is the length of the vector; the L∞ norm is the largest absolute entry."
    if _close(v, float(np.max(_X))):
        return (
            f"{shown} is the largest entry of x with its sign, max x_i; the L∞ norm takes absolute "
            "values first, so a negative entry can be the largest."
        )
    return f"{shown} is not the largest absolute value among the entries of {_X_SHOWN}."


@exercise(
    "00.1",
    "Four sizes of one vector",
    stars=1,
    hints=(
        "Each size applies a different rule to the same four entries; the lesson's section "
        "'Four sizes of one vector' writes the four formulas side by side.",
        "Take absolute values first. L0 counts the entries that are not zero, L1 adds the |x_i|, "
        "L2 is the square root of the sum of the squares, L∞ is the largest |x_i|. "
        "np.linalg.norm(x, ord) with ord = 0, 1, 2 and np.inf lets you check each one.",
        'x = np.array([6, -7, 6, 0]); sizes = {"L0": np.count_nonzero(___), '
        '"L1": np.sum(np.abs(___)), "L2": np.sqrt(np.sum(___ ** 2)), "Linf": np.max(np.abs(___))}',
    ),
)
def _check_sizes(answer):
    if not isinstance(answer, dict):
        return not_yet(
            'Give your four sizes as a dict with keys "L0", "L1", "L2" and "Linf", for example '
            f'{{"L0": ..., "L1": ..., "L2": ..., "Linf": ...}}; got {type(answer).__name__}.'
        )
    got: dict[str, float] = {}
    for key, value in answer.items():
        name = _name_of(key)
        if name is None:
            return not_yet(f'The key {key!r} is not one of "L0", "L1", "L2", "Linf".')
        if name in got:
            return not_yet(f"Two of your keys both mean {_SHOWN[name]}; keep one.")
        got[name] = as_number(value, f"Your {_SHOWN[name]} value")
    missing = [_SHOWN[n] for n in _NAMES if n not in got]
    if missing:
        return not_yet(f"Your dict has no entry for {_join(missing)}; the exercise asks for all four.")
    for name in _NAMES:
        v = got[name]
        if math.isnan(v) or v < 0:
            return not_yet(f"You gave {_SHOWN[name]} = {_show(v)}, but a size is never negative (nor NaN).")
    l1, l2, linf = got["L1"], got["L2"], got["Linf"]
    problems = []
    for name in _NAMES:
        message = _diagnose_size(name, got[name])
        if message is None:
            continue
        if name == "L1" and l1 < linf * (1 - 1e-12):
            message = (
                f"L1 smaller than L∞ is impossible (‖x‖₁ ≥ ‖x‖∞ for every x), yet you gave "
                f"L1 = {_show(l1)} and L∞ = {_show(linf)}. "
                + (message if "plain sum" in message else "Did negative entries cancel? " + message)
            )
        elif name == "L2" and l2 > l1 * (1 + 1e-12):
            message = (
                f"L2 larger than L1 is impossible (‖x‖₂ ≤ ‖x‖₁ for every x), yet you gave "
                f"L2 = {_show(l2)} and L1 = {_show(l1)}. " + message
            )
        problems.append(message)
    if problems:
        right = [_SHOWN[n] for n in _NAMES if _close(got[n], _SIZES[n])]
        verb = "is" if len(right) == 1 else "are"
        prefix = f"Your {_join(right)} {verb} right. " if right else ""
        return not_yet(prefix + " ".join(problems))
    return correct(
        "All four sizes are right. Notice L∞ ≤ L2 ≤ L1, as for every vector, and that the L0 count "
        "would not change if you doubled the entries."
    )


# --------------------------------------------------------------------------- 00.2
_N_ITEMS = len(MYTH_QUIZ.items)
_WORDS = MYTH_QUIZ.choices


@exercise(
    "00.2",
    "Take the pre-quiz",
    stars=1,
    hints=(
        "There is no wrong answer yet: write your first instinct for each statement. Lesson 28 "
        "(planned) will show the verdicts and compare them with this dict.",
        '"imprecise" means nearly right but missing a condition or using the wrong word; "false" '
        "means a computed counterexample refutes the statement.",
        'my_answers = {1: "___", 2: "___", 3: "___", ..., 12: "___"}: twelve keys, each value one '
        "of the three words, in quotes.",
    ),
)
def _check_pre_quiz(answer):
    words = ", ".join(f'"{w}"' for w in _WORDS)
    if isinstance(answer, dict):
        items = list(answer.items())
    elif isinstance(answer, (list, tuple)):
        items = list(enumerate(answer, start=1))
    else:
        return not_yet(
            f"Give your answers as a dict {{item number: word}} with each word one of {words}; "
            f"got {type(answer).__name__}."
        )
    recorded: dict[int, str] = {}
    for key, value in items:
        if isinstance(key, str) and key.strip().isdigit():
            key = int(key.strip())  # "1" as MYTH_QUIZ.grade accepts it
        if isinstance(key, (bool, np.bool_)) or not isinstance(key, (numbers.Integral, np.integer)):
            return not_yet(f"The key {key!r} should be an item number, 1 to {_N_ITEMS}.")
        key = int(key)
        if key in recorded:
            return not_yet(f"Item {key} appears twice in your dict (as a number and as a string?); keep one.")
        if not 1 <= key <= _N_ITEMS:
            return not_yet(f"The quiz has items 1 to {_N_ITEMS}; your answers include item {key}.")
        if isinstance(value, (bool, np.bool_)):
            return not_yet(
                f"Item {key} is the Python value {value!r}; write the word in quotes, one of {words}."
            )
        if not isinstance(value, str) or value.strip().lower() not in _WORDS:
            return not_yet(f"Item {key} is {value!r}, which is not one of {words}.")
        recorded[key] = value.strip().lower()
    missing = [i for i in range(1, _N_ITEMS + 1) if i not in recorded]
    if missing:
        listed = ", ".join(str(i) for i in missing)
        return not_yet(
            f"You have answered {len(recorded)} of {_N_ITEMS} items; still missing: {listed}."
        )
    return correct(
        f"All {_N_ITEMS} answers are recorded, not graded. Keep this dict in your notebook: lesson 28 "
        "(planned) will ask for it again and compare each answer with the verdict and its computed "
        "witness."
    )


# --------------------------------------------------------------------------- 00.3
_TRUE_NORMS = {"L1", "L2", "Linf"}


@exercise(
    "00.3",
    "Which of the four are norms?",
    stars=1,
    hints=(
        "Go back to the section 'Three rules a norm must follow': a function is a norm only if all "
        "three rules hold for every vector and every scalar.",
        "Test absolute homogeneity with x = (3, −4, 0) and t = 2: compare size(2x) with 2·size(x) "
        "for each of the four. Then look for a vector that breaks a rule for the others.",
        "One failed test rules a size out; passing tests prove nothing. With x = np.array([3, -4, 0]), "
        "compare np.linalg.norm(2 * x, ___) with 2 * np.linalg.norm(x, ___) for the L0 count. For L1, "
        "L2 and L∞, the lesson's first myth check of section 5 says which rules hold for every vector. "
        "are_norms = {___}",
    ),
)
def _check_which_are_norms(answer):
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (set, frozenset, list, tuple)):
        return not_yet(
            'Give a set of names, such as {"L1", "L2"}, using "L0", "L1", "L2" and "Linf"; '
            f"got {type(answer).__name__} {answer!r}."
        )
    chosen = set()
    for item in answer:
        name = _name_of(item)
        if name is None:
            return not_yet(f'{item!r} is not one of "L0", "L1", "L2", "Linf".')
        chosen.add(name)
    problems = []
    if "L0" in chosen:
        x = np.array([3.0, -4.0, 0.0])
        problems.append(
            f"Your set contains L0, but with x = (3, −4, 0) the count of 2x is "
            f"{np.count_nonzero(2 * x)} while 2 times the count of x is {2 * np.count_nonzero(x)}: "
            "absolute homogeneity fails."
        )
    left_out = [_SHOWN[n] for n in ("L1", "L2", "Linf") if n not in chosen]
    if left_out:
        problems.append(
            f"Your set leaves out {_join(left_out)}. Leaving a function out needs a witness: a "
            "vector (or two, and a scalar) that breaks one of the three rules for it. Try to write "
            "one down."
        )
    if problems:
        return not_yet(" ".join(problems))
    return correct(
        "L1, L2 and L∞ satisfy all three rules; the L0 count fails absolute homogeneity, so "
        "\"L0 norm\" is a nickname, not a norm."
    )
