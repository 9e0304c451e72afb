"""Checkers of lesson 01: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message (with the witness, never the answer)."""

from __future__ import annotations

import numpy as np
import pytest

import normlab as nl
from normlab.exercises import evaluate, exercise_ids


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson01_registers_three_exercises():
    assert exercise_ids("01") == ["01.1", "01.2", "01.3"]


@pytest.mark.parametrize("exercise_id", ["01.1", "01.2", "01.3"])
def test_01_placeholder_is_not_attempted(exercise_id):
    assert evaluate(exercise_id, ...).status == "not attempted yet"


@pytest.mark.parametrize("exercise_id", ["01.1", "01.2", "01.3"])
def test_01_hints_are_three_and_numbered(exercise_id, capsys):
    for level in (1, 2, 3):
        nl.exercises.hint(exercise_id, level=level)
        assert capsys.readouterr().out.startswith(f"Exercise {exercise_id} · hint {level} of 3. ")


# --------------------------------------------------------------------------- 01.1
def reference_l1(x):
    return np.sum(np.abs(x))


@pytest.mark.parametrize(
    "func",
    [reference_l1, lambda x: np.linalg.norm(x, 1), lambda x: sum(abs(v) for v in x), lambda x: np.abs(x).sum()],
)
def test_01_1_correct_functions_pass(func):
    fb = evaluate("01.1", func)
    assert fb.ok, fb.message


def test_01_1_empty_body_is_not_attempted():
    def my_l1(x):
        ...

    def with_docstring(x):
        """The L1 norm."""

    def with_pass(x):
        pass

    for func in (my_l1, with_docstring, with_pass):
        assert evaluate("01.1", func).status == "not attempted yet"


def test_01_1_missing_return_is_called_out():
    def my_l1(x):
        np.sum(np.abs(x))  # computed, then dropped

    status, message = status_and_message("01.1", my_l1)
    assert status == "not yet"
    assert "returned None: did you forget `return`" in message


def test_01_1_wrong_on_long_vectors_is_caught():
    status, message = status_and_message("01.1", lambda x: np.sum(np.abs(x)) if len(x) < 10 else 0.0)
    assert status == "not yet" and "passes all three axioms" in message and "it returned 0" in message


def test_01_1_nearly_homogeneous_values_print_differently():
    # a relative error of 1e-9 per unit of size: the two sides agree to 4 digits but not to 8
    status, message = status_and_message("01.1", lambda x: np.sum(np.abs(x)) * (1 + 1e-9 * np.sum(np.abs(x))))
    assert status == "not yet" and "not absolutely homogeneous" in message
    lhs = message.split("my_l1(t*x) = ")[1].split(" but")[0]
    rhs = message.split("|t|*my_l1(x) = ")[1].split(".")[0]
    assert lhs != rhs, message


@pytest.mark.parametrize(
    "func, fragments",
    [
        # the signed sum: negative entries cancel
        (lambda x: np.sum(x), ["fails positive definiteness", "x = (-1, 0, 0)",
                               "my_l1(x) = -1 is negative at a nonzero vector"]),
        # squares without a root: grows like t^2
        (lambda x: np.sum(x**2), ["not absolutely homogeneous", "x = (1, 0, 0) and t = 2",
                                  "my_l1(t*x) = 4 but |t|*my_l1(x) = 2"]),
        # an offset: nonzero at 0
        (lambda x: np.sum(np.abs(x)) + 1, ["fails positive definiteness", "my_l1(0) = 1",
                                           "homogeneity with t = 0"]),
        # sum of square roots: triangle holds, homogeneity fails
        (lambda x: np.sum(np.sqrt(np.abs(x))), ["not absolutely homogeneous", "t = 2"]),
        # the p = 1/2 formula: only the triangle inequality fails
        (lambda x: np.sum(np.sqrt(np.abs(x))) ** 2, ["breaks the triangle inequality",
                                                     "x = (1, 0, 0) and y = (0, 1, 0)",
                                                     "my_l1(x + y) = 4 > my_l1(x) + my_l1(y) = 2"]),
        # the largest entry without absolute values
        (lambda x: np.max(x), ["fails definiteness", "x = (-1, 0, 0)", "although x is not the zero vector"]),
    ],
)
def test_01_1_axiom_failures_name_the_axiom_and_the_witness(func, fragments):
    status, message = status_and_message("01.1", func)
    assert status == "not yet"
    for fragment in fragments:
        assert fragment in message, message


@pytest.mark.parametrize(
    "func, shown",
    [
        (lambda x: np.sqrt(np.sum(x**2)), "it returned 5"),  # the L2 norm
        (lambda x: np.max(np.abs(x)), "it returned 4"),  # the L-infinity norm
        (lambda x: 2 * np.sum(np.abs(x)), "it returned 14"),  # a multiple of L1
    ],
)
def test_01_1_other_norms_pass_the_axioms_but_not_the_values(func, shown):
    status, message = status_and_message("01.1", func)
    assert status == "not yet"
    assert "passes all three axioms" in message and "with x = (3, -4, 0)" in message and shown in message
    assert " 7" not in message  # never states the expected value


def test_01_1_array_output_and_crashes_are_reported():
    status, message = status_and_message("01.1", lambda x: np.abs(x))
    assert status == "not yet" and "returned an array of shape (3,)" in message
    status, message = status_and_message("01.1", lambda x: x[5])
    assert status == "not yet" and "raised IndexError" in message

    def divides_by_zero(x):
        return np.sum(np.abs(x)) if np.any(x) else 1 / 0

    status, message = status_and_message("01.1", divides_by_zero)
    assert status == "not yet"
    assert "While testing definiteness" in message and "my_l1 raised ZeroDivisionError" in message


def test_01_1_feedback_is_the_same_every_run():
    func = lambda x: np.sum(x**2)  # noqa: E731
    assert evaluate("01.1", func).message == evaluate("01.1", func).message


# --------------------------------------------------------------------------- 01.2
@pytest.mark.parametrize(
    "answer",
    [
        {"axiom": "homogeneity", "x": [1.0, 0.0, 0.0], "t": 4.0},
        {"axiom": "absolute homogeneity", "x": [1, 2], "t": -3},
        {"axiom": "Homogenity", "x": np.array([0.0, 2.0]), "t": 0.5},  # a typo is fine
        {"axiom": "homogeneity", "x": (1.0,), "t": np.float64(2.0)},
    ],
)
def test_01_2_valid_witnesses_pass(answer):
    fb = evaluate("01.2", answer)
    assert fb.ok, fb.message


@pytest.mark.parametrize(
    "answer",
    [{"axiom": ..., "x": ..., "t": ...}, {"axiom": "homogeneity", "x": [1.0], "t": ...}],
)
def test_01_2_placeholders_are_not_attempted(answer):
    assert evaluate("01.2", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragments",
    [
        # the deliberate trap: guessing the triangle inequality (as for p = 1/2)
        ({"axiom": "triangle inequality", "x": [1, 0], "t": 2},
         ["satisfies the triangle inequality for every x and y", "No witness can break it"]),
        ({"axiom": "definiteness", "x": [1.0], "t": 2.0}, ["definiteness holds for every x"]),
        # the right axiom, but a witness that does not violate it
        ({"axiom": "homogeneity", "x": [1.0, 0.0], "t": -1.0},
         ["your witness does not break it", "f(t*x) = 1 and |t|*f(x) = 1 are equal", "For t = -1"]),
        ({"axiom": "homogeneity", "x": [1.0, 0.0], "t": 1}, ["For t = 1, √|t| and |t| are equal"]),
        ({"axiom": "homogeneity", "x": [0.0, 0.0], "t": 5.0}, ["x = 0 can never be a witness"]),
        # malformed answers
        ({"axiom": "positivity?", "x": [1.0], "t": 2.0}, ["definiteness holds"]),
        ({"axiom": "size", "x": [1.0], "t": 2.0}, ["does not name one of the three axioms"]),
        # the guide's loose word, which the lesson corrects
        ({"axiom": "Scaling", "x": [1.0, 0.0], "t": 4.0}, ["guide's loose word", "'homogeneity'"]),
        ({"axiom": "homogeneity", "x": [[1.0, 0.0]], "t": 2.0}, ["non-empty 1-D vector", "shape (1, 2)"]),
        ({"axiom": "homogeneity", "x": [1.0, np.nan], "t": 2.0}, ["NaN or infinity"]),
        ({"axiom": "homogeneity", "x": [1.0], "t": "2"}, ["`t` should be one real number"]),
        ([1.0, 0.0], ["one dict with the keys 'axiom', 'x' and 't'"]),
    ],
)
def test_01_2_wrong_answers_get_specific_feedback(answer, fragments):
    status, message = status_and_message("01.2", answer)
    assert status == "not yet"
    for fragment in fragments:
        assert fragment in message, message


def test_01_2_success_message_shows_the_learners_witness():
    fb = evaluate("01.2", {"axiom": "homogeneity", "x": [1.0, 0.0, 0.0], "t": 4.0})
    assert "f(t*x) = 2 but |t|*f(x) = 4" in fb.message


# --------------------------------------------------------------------------- 01.3
@pytest.mark.parametrize("answer", ["d", "D", " (d) "])
def test_01_3_enough_passes(answer):
    fb = evaluate("01.3", answer)
    assert fb.ok, fb.message


@pytest.mark.parametrize(
    "answer, fragments",
    [
        ("a", ["f(x) = x₁", "f(−e₁) = −1"]),
        ("b", ["f(x) = −‖x‖₂", "negative at every x ≠ 0"]),
        ("c", ["f(t x) = t·f(x) for every t ≥ 0", "f(−e₁) = −1"]),
        ("e", ["one of the letters 'a', 'b', 'c', 'd'"]),
        (2, ["one of the letters"]),
    ],
)
def test_01_3_wrong_choices_get_a_counterexample(answer, fragments):
    status, message = status_and_message("01.3", answer)
    assert status == "not yet"
    for fragment in fragments:
        assert fragment in message
    assert "(d)" not in message  # never names the right option


def test_01_3_counterexamples_in_the_feedback_hold():
    e1 = np.array([1.0, 0.0, 0.0])
    rng = np.random.default_rng(0)
    first = lambda z: z[0]  # noqa: E731  (options a and c)
    neg_l2 = lambda z: -np.linalg.norm(z)  # noqa: E731  (option b)
    for _ in range(200):
        u, w, s = rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal()
        assert np.isclose(first(u + w), first(u) + first(w))  # triangle inequality, with equality
        assert np.isclose(first(abs(s) * u), abs(s) * first(u))  # homogeneity for t >= 0
        assert np.isclose(neg_l2(s * u), abs(s) * neg_l2(u))  # absolute homogeneity
    assert first(-e1) == -1 and neg_l2(e1) == -1
