"""Checkers for lesson 01, "What is a norm?" (exercises 01.1 to 01.3).

Every message says what is wrong and shows the evidence (a counterexample found by
:func:`normlab.norms.check_norm_axioms` with a fixed seed, or the learner's own witness),
never the expected answer, and is the same on every run.
"""

from __future__ import annotations

import math
import numbers
import re

import numpy as np

from ..norms import check_norm_axioms
from ._core import call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []


def _vec(v) -> str:
    """A short vector like (1, -2, 0.5), as the axiom reports print it."""
    return "(" + ", ".join(_num(c) for c in np.asarray(v, dtype=float).ravel()) + ")"


def _num(v: float, digits: int = 4) -> str:
    v = float(v) + 0.0  # no -0
    if math.isfinite(v) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.{digits}g}"


def _pair(a: float, b: float) -> tuple[str, str]:
    """Two numbers that differ, printed with enough digits (up to 17) that they look different."""
    for digits in (4, 8, 12, 17):
        sa, sb = _num(a, digits), _num(b, digits)
        if sa != sb or a == b:
            return sa, sb
    return sa, sb


def _scalar_output(out, shown: str, name: str) -> float:
    """The learner's return value as a float, or a "not yet" verdict saying what came back."""
    arr = np.asarray(out)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_):
        raise not_yet(f"{name}({shown}) returned {type(out).__name__} {out!r}, not a number.")
    if arr.ndim != 0 and arr.size != 1:
        raise not_yet(
            f"{name}({shown}) returned an array of shape {arr.shape}; a norm is one number "
            "for the whole vector."
        )
    if np.iscomplexobj(arr):
        raise not_yet(f"{name}({shown}) returned the complex number {out!r}; a norm is a real number.")
    return float(arr.reshape(())[()])


# --------------------------------------------------------------------------- 01.1
# Fixed vectors for the value comparison (the axiom search has its own seeded cases).
_VALUE_CASES = (
    np.array([3.0, -4.0, 0.0]),
    np.array([-1.5, 0.25, 2.0]),
    np.array([0.0, 0.0, 0.0]),
    np.array([-7.0]),
    np.array([1.0, -2.0, 3.0, -4.0, 5.0]),
    np.arange(-5.0, 7.0),  # twelve entries: a function must work for any length
)
_N_TRIALS = 2000


def _rename(message: str, name: str) -> str:
    """Write the report's generic `f` as the learner's function name."""
    return re.sub(r"\bf(?=\(| raised)", name, message)


def _axiom_feedback(result, name: str) -> str:
    """One sentence for a failed axiom, naming it and showing the witness with the learner's name."""
    w = result.witness or {}
    if result.axiom == "definiteness":
        x = w.get("x", ())
        value = result.lhs
        if math.isnan(value):
            return f"While testing definiteness: {_rename(result.message, name)}."
        if not np.any(x):
            return (
                f"Your {name} fails positive definiteness (the checker's definiteness test): "
                f"{name}(0) = {_num(value)}, but a norm is 0 at the zero vector (homogeneity with "
                "t = 0 forces it)."
            )
        if value < 0:
            return (
                f"Your {name} fails positive definiteness (the checker's definiteness test): with "
                f"x = {_vec(x)}, {name}(x) = {_num(value)} is negative at a nonzero vector, but a norm "
                "is positive at every x ≠ 0. Did negative entries cancel or keep their sign?"
            )
        return (
            f"Your {name} fails definiteness: with x = {_vec(x)}, {name}(x) = {_num(value)} "
            "although x is not the zero vector."
        )
    if result.axiom == "homogeneity":
        x, t = w.get("x", ()), w.get("t", math.nan)
        if math.isnan(result.lhs) or math.isnan(result.rhs):
            return f"While testing homogeneity: {_rename(result.message, name)}."
        lhs, rhs = _pair(result.lhs, result.rhs)
        return (
            f"Your {name} is not absolutely homogeneous: with x = {_vec(x)} and t = {_num(t)}, "
            f"{name}(t*x) = {lhs} but |t|*{name}(x) = {rhs}."
        )
    x, y = w.get("x", ()), w.get("y", ())
    if math.isnan(result.lhs) or math.isnan(result.rhs):
        return f"While testing the triangle inequality: {_rename(result.message, name)}."
    lhs, rhs = _pair(result.lhs, result.rhs)
    return (
        f"Your {name} breaks the triangle inequality: with x = {_vec(x)} and y = {_vec(y)}, "
        f"{name}(x + y) = {lhs} > {name}(x) + {name}(y) = {rhs}."
    )


@exercise(
    "01.1",
    "Write the L1 norm and let the checker test it",
    stars=2,
    hints=(
        "Go back to the table of candidates in section 4 of the lesson (or to lesson 00): the L1 "
        "norm adds up the sizes of the entries, whatever their signs.",
        "Take the absolute value of every entry with np.abs, then add them up with np.sum; the "
        "result must be one number, not an array.",
        "def my_l1(x):\n    return np.sum(___(x))",
    ),
)
def _check_my_l1(func):
    name = "my_l1"
    # 1. One number per vector (before handing the function to the axiom search).
    x0 = _VALUE_CASES[0]
    _scalar_output(call_learner(func, x0.copy(), name=name), fmt(x0), name)
    # 2. The three axioms on 2,000 random trials each, with the seed of the lesson.
    report = check_norm_axioms(func, dim=3, n_trials=_N_TRIALS, rng=0)
    for result in report.results:
        if not result.passed:
            return not_yet(_axiom_feedback(result, name))
    # 3. Passing the axioms makes it *a* norm; now check it is *the* L1 norm.
    for x in _VALUE_CASES:
        got = _scalar_output(call_learner(func, x.copy(), name=name), fmt(x), name)
        want = float(np.linalg.norm(x, 1))
        if not (math.isfinite(got) and abs(got - want) <= 1e-9 * max(1.0, abs(want))):
            return not_yet(
                f"Your {name} passes all three axioms on {_N_TRIALS:,} random trials each, so it "
                f"behaves like a norm, but not like the L1 norm: with x = {_vec(x)} it returned "
                f"{_num(got, 12)}, which is not Σ|x_i| for that x. Many functions are norms; "
                "this exercise asks for one in particular."
            )
    return correct(
        f"No counterexample to any axiom in {_N_TRIALS:,} random trials each, and the values match "
        f"np.linalg.norm(x, 1) on {len(_VALUE_CASES)} fixed vectors. Passing the search is evidence; "
        "the proof is the lesson's: |x_i + y_i| ≤ |x_i| + |y_i|, added over i."
    )


# --------------------------------------------------------------------------- 01.2
_AXIOM_WORDS = {
    "definiteness": ("definite", "positiv", "non-neg", "nonneg"),
    "homogeneity": ("homogen",),
    "triangle": ("triangle", "subadditiv", "sub-additiv"),
}


def _sum_sqrt(x: np.ndarray) -> float:
    return float(np.sum(np.sqrt(np.abs(x))))


def _axiom_of(word) -> str | None:
    if not isinstance(word, str):
        return None
    w = word.strip().lower()
    found = [axiom for axiom, keys in _AXIOM_WORDS.items() if any(k in w for k in keys)]
    return found[0] if len(found) == 1 else None


def _as_vector(value) -> np.ndarray:
    if isinstance(value, (str, bytes, dict, set)):
        raise not_yet(f"`x` should be a vector such as a list of numbers; got {type(value).__name__} {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"`x` should be a vector of numbers; got {fmt(value)}.") from None
    if arr.ndim != 1 or arr.size == 0:
        raise not_yet(f"`x` should be a non-empty 1-D vector; got an array of shape {arr.shape}.")
    if not np.all(np.isfinite(arr)):
        raise not_yet(f"`x` = {fmt(arr)} holds NaN or infinity; use finite numbers.")
    return arr


def _as_scalar(value) -> float:
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(())[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise not_yet(f"`t` should be one real number; got {type(value).__name__} {value!r}.")
    t = float(value)
    if not math.isfinite(t):
        raise not_yet(f"`t` = {t} is not a finite number.")
    return t


@exercise(
    "01.2",
    "The trap: which axiom does Σ√|x_i| break?",
    stars=2,
    hints=(
        "Try each of the three axioms on root_sum with the simplest inputs you can think of: a basis "
        "vector, two basis vectors, the zero vector, and a few values of t. One axiom fails; for the "
        "other two, look for a reason why they hold for every input.",
        "Compare root_sum(t * x) with abs(t) * root_sum(x), and root_sum(x + y) with "
        "root_sum(x) + root_sum(y), for x = y = [1.0, 0.0, 0.0] and t = 2, 3, 4. Which comparison "
        "goes the wrong way?",
        "axiom = \"___\"; witness_x = [1.0, 0.0, 0.0]; witness_t = ___  "
        "(pick a t for which √|t| and |t| differ)",
    ),
)
def _check_sum_sqrt(answer):
    if not isinstance(answer, dict) or not {"axiom", "x", "t"} <= set(answer):
        return not_yet(
            "Pass one dict with the keys 'axiom', 'x' and 't': "
            "nl.exercises.check(\"01.2\", {\"axiom\": axiom, \"x\": witness_x, \"t\": witness_t})."
        )
    word = answer["axiom"]
    if isinstance(word, str) and "scal" in word.lower() and "homogen" not in word.lower():
        return not_yet(
            f"`axiom` = {word!r} is the guide's loose word, which the lesson's first myth check "
            "corrects; name the axiom as the lesson states it: 'definiteness', 'homogeneity' or "
            "'triangle inequality'."
        )
    axiom = _axiom_of(word)
    if axiom is None:
        return not_yet(
            f"`axiom` = {answer['axiom']!r} does not name one of the three axioms; write "
            "'definiteness', 'homogeneity' or 'triangle inequality'."
        )
    if axiom == "definiteness":
        return not_yet(
            "Σ√|x_i| is a sum of terms that are never negative, and it is 0 only when every x_i is 0: "
            "definiteness holds for every x, so no witness can break it. Look at the other two axioms."
        )
    if axiom == "triangle":
        return not_yet(
            "Σ√|x_i| satisfies the triangle inequality for every x and y: term by term, "
            "√|a + b| ≤ √(|a| + |b|) ≤ √|a| + √|b| (square both sides of the last step to see it). "
            "No witness can break it; look at the other two axioms."
        )
    x = _as_vector(answer["x"])
    t = _as_scalar(answer["t"])
    lhs, rhs = _sum_sqrt(t * x), abs(t) * _sum_sqrt(x)
    where = f"with x = {_vec(x)} and t = {_num(t)}"
    if abs(lhs - rhs) <= 1e-9 * max(abs(lhs), abs(rhs)) + 1e-12:
        why = ""
        if not np.any(x):
            why = " Every t scales the zero vector to itself, so x = 0 can never be a witness."
        elif t in (0.0, 1.0, -1.0):
            why = f" For t = {_num(t)}, √|t| and |t| are equal, so this t can never be a witness."
        return not_yet(
            f"The axiom is the one to test, but your witness does not break it: {where}, "
            f"f(t*x) = {_num(lhs)} and |t|*f(x) = {_num(rhs)} are equal.{why}"
        )
    return correct(
        f"{where[0].upper()}{where[1:]}, f(t*x) = {_num(lhs)} but |t|*f(x) = {_num(rhs)}: Σ√|x_i| grows like √|t| "
        "instead of |t|. Squaring it restores homogeneity and gives ‖x‖_½, which then breaks the "
        "triangle inequality instead."
    )


# --------------------------------------------------------------------------- 01.3
_ENOUGH_OPTIONS = ("a", "b", "c", "d")
_ENOUGH_FEEDBACK = {
    "a": (
        "Option (a) is not enough: f(x) = x₁, the first coordinate, satisfies the triangle "
        "inequality (with equality, since (x + y)₁ = x₁ + y₁), yet f(−e₁) = −1."
    ),
    "b": (
        "Option (b) is not enough: f(x) = −‖x‖₂ satisfies f(t x) = −|t|·‖x‖₂ = |t|·f(x) for every "
        "real t, yet it is negative at every x ≠ 0."
    ),
    "c": (
        "Option (c) is not enough: f(x) = x₁, the first coordinate, satisfies the triangle "
        "inequality (with equality) and f(t x) = t·f(x) for every t ≥ 0, yet f(−e₁) = −1. "
        "Positive t alone cannot relate f(−x) to f(x)."
    ),
}


@exercise(
    "01.3",
    "Prove that a norm is never negative",
    stars=3,
    hints=(
        "Re-read section 2 of the lesson, 'Non-negativity comes for free': the proof writes the "
        "zero vector as x + (-x). For the question, list the properties each step of that proof uses.",
        "Proof: use the triangle inequality once, then an axiom that allows a negative scalar. "
        "Question: for each set, try to build a function with those properties that is negative "
        "somewhere (linear functions such as f(x) = x₁, and negated norms, are good candidates). "
        "For the set where you cannot, check that the proof's chain still runs, once f(0) ≥ 0 is "
        "known.",
        "0 = ‖x + (-x)‖ ≤ ‖x‖ + ‖___‖ = ‖x‖ + |___|·‖x‖ = ___·‖x‖. Without homogeneity at t = 0, "
        "f(0) = f(0 + 0) ≤ ___ still gives f(0) ≥ 0. enough = \"_\"",
    ),
)
def _check_enough(answer):
    if not isinstance(answer, str) or answer.strip().strip("()").lower() not in _ENOUGH_OPTIONS:
        return not_yet(f"`enough` should be one of the letters 'a', 'b', 'c', 'd'; got {answer!r}.")
    choice = answer.strip().strip("()").lower()
    if choice in _ENOUGH_FEEDBACK:
        return not_yet(_ENOUGH_FEEDBACK[choice])
    return correct(
        "The triangle inequality and symmetry suffice: f(0) = f(0 + 0) ≤ 2·f(0) gives f(0) ≥ 0, "
        "then f(0) = f(x + (−x)) ≤ f(x) + f(−x) = 2·f(x). So the norm proof needs homogeneity only "
        "at t = −1, where it gives symmetry; the triangle inequality can replace the step at t = 0. "
        "Compare your written proof with the model proof."
    )
