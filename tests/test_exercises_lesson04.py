"""Checkers of lesson 04: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import math

import numpy as np
import pytest

from normlab.exercises import evaluate, exercise_ids


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson04_registers_three_exercises():
    assert exercise_ids("04") == ["04.1", "04.2", "04.3"]


# --------------------------------------------------------------------------- 04.1
REFERENCE_04_1 = (7, 10, 15, math.comb(9, 4))


def test_04_1_reference_answer_passes():
    assert evaluate("04.1", REFERENCE_04_1).ok
    assert evaluate("04.1", [7.0, np.float64(10.0), np.int64(15), 126.0]).ok


@pytest.mark.parametrize("answer", [..., (7, 10, ..., 126)])
def test_04_1_placeholder_is_not_attempted(answer):
    assert evaluate("04.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((5, math.sqrt(46), 9, 126), "straight-line (Euclidean, L2) distance"),
        ((-1, 2, 3, 126), "never negative"),
        ((1, 2, 3, 126), "differences cancelled"),
        ((4, 6, 6, 126), "largest coordinate difference"),
        ((7, 10, 14, 126), "`d_bc` = 14 is not the sum of |p_i - q_i|"),
        ((7, 10, 15, 9), "length of a shortest route"),
        ((7, 10, 15, 512), "every sequence of 9 unit steps"),
        ((7, 10, 15, math.factorial(9)), "distinguishable steps"),
        ((7, 10, 15, 35), "is not the number of shortest grid routes"),
        ((7, 10, 15, 12.5), "whole number"),
        ((7, 10, 15), "four values as one tuple"),
        (("7", 10, 15, 126), "`d_ab` should be a number"),
    ],
)
def test_04_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("04.1", answer)
    assert status == "not yet"
    assert fragment in message
    assert "126" not in message and "= 7 " not in message  # never reveals the expected values


# --------------------------------------------------------------------------- 04.2
def reference_soft_threshold(v, lam):
    return np.sign(v) * np.maximum(np.abs(v) - lam, 0.0)


def test_04_2_reference_answer_passes():
    assert evaluate("04.2", reference_soft_threshold).ok


def test_04_2_other_correct_forms_pass():
    def with_where(v, lam):
        return np.where(np.abs(v) <= lam, 0.0, v - lam * np.sign(v))

    def with_clip(v, lam):  # v - clip(v, -lam, lam)
        return v - np.clip(v, -lam, lam)

    def as_list(v, lam):
        return [float(np.sign(x) * max(abs(x) - lam, 0.0)) for x in v]

    for func in (with_where, with_clip, as_list):
        assert evaluate("04.2", func).ok, func.__name__


def test_04_2_placeholder_is_not_attempted():
    assert evaluate("04.2", ...).status == "not attempted yet"

    def empty(v, lam):
        ...

    assert evaluate("04.2", empty).status == "not attempted yet"


def _no_clamp(v, lam):
    return v - lam * np.sign(v)


def _no_sign(v, lam):
    return np.maximum(np.abs(v) - lam, 0.0)


def _hard(v, lam):
    return np.where(np.abs(v) <= lam, 0.0, v)


def _almost(v, lam):
    return np.sign(v) * np.maximum(np.abs(v) - lam, 1e-12)


def _strict(v, lam):  # keeps |v_i| = lam as a nonzero? no: shrinks by half the amount
    return np.sign(v) * np.maximum(np.abs(v) - lam / 2, 0.0) * (np.abs(v) > lam)


def _python_max(v, lam):
    return np.sign(v) * max(np.abs(v) - lam, 0.0)


def _scalar(v, lam):
    return float(np.sum(np.sign(v) * np.maximum(np.abs(v) - lam, 0.0)))


def _half_shrink(v, lam):  # shrinks by lam / 2: far from 0 at |v_i| = lam, not a rounding residue
    return np.sign(v) * np.maximum(np.abs(v) - lam / 2, 0.0)


def _in_place(v, lam):
    v -= np.clip(v, -lam, lam)
    return v


@pytest.mark.parametrize(
    "func, fragment",
    [
        (_no_clamp, "shrunk past 0"),
        (_no_sign, "the sign must stay"),
        (_hard, "hard-thresholding"),
        (_almost, "close to 0 is not enough"),
        (_half_shrink, "must come out exactly 0. Check your threshold"),
        (_strict, "brute-force search over a grid of step 0.001"),
        (_python_max, "raised ValueError"),
        (_scalar, "shape ()"),
        (_in_place, "changed its input v in place"),
        ("not a function", "should be a function"),
    ],
)
def test_04_2_wrong_answers_get_specific_feedback(func, fragment):
    status, message = status_and_message("04.2", func)
    assert status == "not yet"
    assert fragment in message
    assert message == evaluate("04.2", func).message  # the same text every run


def test_04_2_close_to_zero_wording_only_for_tiny_residues():
    message = evaluate("04.2", _half_shrink).message
    assert "-0.25" in message and "close to 0" not in message


def test_04_2_case_split_from_the_hints_passes():
    def nested_where(v, lam):
        v = np.asarray(v, dtype=float)
        return np.where(v > lam, v - lam, np.where(v < -lam, v + lam, 0.0))

    assert evaluate("04.2", nested_where).ok


def test_04_2_brute_force_agrees_with_the_closed_form():
    from normlab.exercises.lesson04 import _ST_CASES, _brute_force_prox
    from normlab.prox import soft_threshold

    for v, lam in _ST_CASES:
        np.testing.assert_allclose(_brute_force_prox(v, lam), soft_threshold(v, lam), atol=1e-9)


# --------------------------------------------------------------------------- 04.3
REFERENCE_04_3 = {0, 2, 4, 5, 6}


_Z3 = np.array([0.8, -2.1, 0.3, 1.5, -0.9, 0.05, 1.2, -1.3])


@pytest.mark.parametrize("answer", [REFERENCE_04_3, [6, 5, 4, 2, 0], (0, 2, 4, 5, 6),
                                    np.array([0, 2, 4, 5, 6]), {0, 2, 4, 5, 6.0},
                                    set(np.flatnonzero(np.abs(_Z3) <= 1.2)),
                                    np.where(np.abs(_Z3) <= 1.2),  # a 1-tuple holding the index array
                                    np.nonzero(np.abs(_Z3) <= 1.2)])
def test_04_3_reference_answer_passes(answer):
    assert evaluate("04.3", answer).ok


def test_04_3_reference_answer_is_the_soft_threshold_support():
    from normlab.exercises.lesson04 import _LAM, _Z
    from normlab.prox import soft_threshold

    assert set(np.flatnonzero(soft_threshold(_Z, _LAM) == 0)) == REFERENCE_04_3


def test_04_3_placeholder_is_not_attempted():
    assert evaluate("04.3", ...).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ({1, 3, 5, 6, 7}, "1-based"),
        ({1, 3, 7}, "coordinates that survive"),
        ({0, 1, 2, 4, 5, 6, 7}, "Compare |z_i| with λ, not z_i"),
        ({0, 2, 4, 5}, "equals λ exactly"),
        ({0, 2, 4, 5, 6, 3}, "Index 3 is in your set"),
        ({0, 2, 4}, "misses 2 coordinates"),
        ({0, 2, 4, 5, 6, 8}, "Index 8 does not exist"),
        ({0.8, 0.3}, "not an index"),
        ("0, 2", "as a set"),
        ([True, False], "not True/False flags"),
        (np.abs(_Z3) <= 1.2, "True/False mask"),
        (np.where(_Z3 <= 1.2), "Compare |z_i| with λ, not z_i"),  # np.where's tuple, wrong condition
    ],
)
def test_04_3_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("04.3", answer)
    assert status == "not yet"
    assert fragment in message
    assert "{0, 2, 4, 5, 6}" not in message
