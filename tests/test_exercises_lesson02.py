"""Checkers of lesson 02: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import math

import numpy as np
import pytest

from normlab.exercises import evaluate, exercise_ids


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson02_registers_three_exercises():
    assert exercise_ids("02") == ["02.1", "02.2", "02.3"]


# --------------------------------------------------------------------------- 02.1
def test_02_1_reference_answer_passes():
    assert evaluate("02.1", (4.0, 2.0, 4 ** 0.25, 1.0)).ok
    assert evaluate("02.1", [4, 2, 1.414, 1]).ok  # three decimals are enough
    assert evaluate("02.1", np.array([4.0, 2.0, 4 ** 0.25, 1.0])).ok  # an array of four numbers too


def test_02_1_rounding_slip_is_called_close_not_wrong():
    status, message = status_and_message("02.1", (4.0, 2.0, 1.41, 1.0))
    assert status == "not yet"
    assert "`l4` = 1.41 is close" in message and "three decimals" in message
    assert "not the fourth root" not in message


@pytest.mark.parametrize("answer", [..., (4.0, 2.0, ..., 1.0)])
def test_02_1_placeholder_is_not_attempted(answer):
    assert evaluate("02.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((4.0, 2.0, 4.0, 1.0), "p=4 value (4) is larger than your p=2 value (2)"),  # 4th root missing
        ((1.0, 1.414, 2.0, 4.0), "never increases"),  # order reversed
        ((4.0, 4.0, 4.0, 1.0), "sum of the squares; the square root is still missing"),
        ((4.0, 2.0, 2.0, 1.0), "for p = 4 the root is the fourth root"),
        ((4.0, 2.0, 1.414, 0.0), "no entry of (1, 1, 1, 1) equals 0"),
        ((3.0, 2.0, 1.414, 1.0), "not the sum of the absolute entries"),
        ((4.0, 2.0, 1.414, -1.0), "never negative"),
        ((4.0, 2.0), "in the order p = 1, 2, 4, ∞"),
        (np.array([4.0, 2.0, 1.414]), "a list or a NumPy array of 4 numbers"),
        (("4", 2.0, 1.414, 1.0), "`l1` should be a number"),
    ],
)
def test_02_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("02.1", answer)
    assert status == "not yet"
    assert fragment in message
    # never reveals an expected value the learner did not type themselves
    for value in ("1.414", "1.41421"):
        assert value not in message or 1.414 in answer


# --------------------------------------------------------------------------- 02.2
def reference_lp(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return a.max() if a.size else 0.0
    return np.sum(a**p) ** (1 / p)


def safe_lp(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    m = a.max()
    if m == 0:
        return 0.0
    if p == np.inf:
        return m
    return m * np.sum((a / m) ** p) ** (1 / p)


@pytest.mark.parametrize("func", [reference_lp, safe_lp, lambda x, p: np.linalg.norm(x, p)])
def test_02_2_correct_functions_pass(func):
    fb = evaluate("02.2", func)
    assert fb.ok, fb.message


def test_02_2_overflow_remark_depends_on_the_function():
    assert "lesson 15 shows the fix" in evaluate("02.2", reference_lp).message
    assert "It even survives" in evaluate("02.2", safe_lp).message


def test_02_2_placeholders_are_not_attempted():
    def empty(x, p):
        ...

    assert evaluate("02.2", ...).status == "not attempted yet"
    assert evaluate("02.2", empty).status == "not attempted yet"


def no_abs(x, p):
    x = np.asarray(x, dtype=float)
    if p == np.inf:
        return np.max(x)
    return np.sum(x**p) ** (1 / p)


def no_root(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return a.max()
    return np.sum(a**p)


def power_mean(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return a.max()
    return np.mean(a**p) ** (1 / p)


def naive_inf(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    return np.sum(a**p) ** (1 / p)


def scaled_without_zero_guard(x, p):
    a = np.abs(np.asarray(x, dtype=float))
    m = a.max()
    if p == np.inf:
        return m
    with np.errstate(invalid="ignore"):
        return m * np.sum((a / m) ** p) ** (1 / p)


def elementwise(x, p):
    return np.abs(np.asarray(x, dtype=float))


def max_only(x, p):
    return float(np.max(np.abs(x)))


def rejects_small_p(x, p):
    if p < 1:
        raise ValueError("p must be at least 1")
    return reference_lp(x, p)


@pytest.mark.parametrize(
    "func, fragment",
    [
        (no_abs, "without their absolute value"),
        (no_root, "the p-th root is missing"),
        (power_mean, "a power mean"),
        (naive_inf, "inf ** (1/inf) = inf ** 0 = 1"),
        (scaled_without_zero_guard, "the zero vector must have norm 0"),
        (elementwise, "returned an array of shape (3,)"),
        (max_only, "that is not (Σ|x_i|^p)^(1/p) for this x"),
        (rejects_small_p, "raised ValueError: p must be at least 1"),
        (42, "should be a function"),
    ],
)
def test_02_2_wrong_functions_get_specific_feedback(func, fragment):
    status, message = status_and_message("02.2", func)
    assert status == "not yet"
    assert fragment in message, message


def test_02_2_feedback_starts_with_a_capital_and_shows_plain_vectors():
    message = evaluate("02.2", no_root).message
    assert message.startswith("With x = [3, -4, 0] and p = 2,"), message


def test_02_2_hidden_cases_include_long_vectors():
    def wrong_when_long(x, p):
        return 0.0 if np.size(x) >= 20 else reference_lp(x, p)

    status, message = status_and_message("02.2", wrong_when_long)
    assert status == "not yet"
    assert "(length 20)" in message, message


def test_02_2_feedback_is_the_same_every_run():
    assert evaluate("02.2", power_mean).message == evaluate("02.2", power_mean).message


def test_02_2_hidden_cases_catch_a_subtle_bug():
    def off_for_large_p(x, p):  # right on the fixed cases, wrong for p > 3
        return reference_lp(x, min(p, 3.0)) if p != np.inf else reference_lp(x, p)

    status, message = status_and_message("02.2", off_for_large_p)
    assert status == "not yet"
    assert "it increases with p" in message or "that is not ‖x‖_p" in message


# --------------------------------------------------------------------------- 02.3
def test_02_3_reference_answer_passes():
    assert evaluate("02.3", ("u", 7.0)).ok
    assert evaluate("02.3", (" U ", 7)).ok
    # the lesson's correction: the L1/L2 ratio measures evenness; the support size only caps it
    assert "only caps the ratio" in evaluate("02.3", ("u", 7.0)).message


@pytest.mark.parametrize("answer", [..., (..., ...), ("u", ...)])
def test_02_3_placeholder_is_not_attempted(answer):
    assert evaluate("02.3", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (("equal", 7.0), "Equal L2 norms do not force equal L1 norms"),
        (("cannot tell", 7.0), "both L1 norms can be computed"),
        (("v", -3.0), "Did negative entries cancel"),  # summed v without abs: 1-2+2-4
        (("u", -1.0), "Did negative entries cancel"),  # summed u without abs: 3-4
        (("v", 9.0), "is indeed the L1 norm of v. Now compute the L1 norm of u"),
        (("u", 5.0), "5 is the L2 norm that both vectors share"),
        (("u", 25.0), "squared L2 norm"),
        (("u", 9.0), "is the L1 norm of v, not of u"),
        (("u", 6.0), "Your choice is right, but 6 is not the sum of |u_i|"),
        (("u", 7.0000001), "but 7.0000001 is not the sum of |u_i|"),  # a near-miss shows its digits
        (("w", 7.0), "`choice` must be one of"),
        (("u",), "Pass two things as one tuple"),
    ],
)
def test_02_3_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("02.3", answer)
    assert status == "not yet"
    assert fragment in message, message


def test_02_3_vectors_really_have_equal_l2_norms():
    u = np.array([3.0, -4.0, 0.0, 0.0])
    v = np.array([1.0, -2.0, 2.0, -4.0])
    assert math.isclose(np.linalg.norm(u), np.linalg.norm(v), rel_tol=1e-15)
    assert np.abs(u).sum() < np.abs(v).sum()
