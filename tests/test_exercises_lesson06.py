"""Checkers of lesson 06: reference answers pass, placeholders are 'not attempted yet', and typical
wrong answers get their specific message."""

from __future__ import annotations

import numpy as np
import pytest

import normlab as nl
from normlab.exercises import evaluate, exercise_ids

X1 = np.array([1.5, -3.0, 2.5, -0.5])
X3 = np.array([3.0, -1.0, -3.0, 2.0])


def status(exercise_id, answer):
    return evaluate(exercise_id, answer).status


def message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    assert fb.status == "not yet", fb
    return fb.message


def test_lesson06_registers_three_exercises():
    assert exercise_ids("06") == ["06.1", "06.2", "06.3"]
    for k in ("06.1", "06.2", "06.3"):
        for level in (1, 2, 3):
            nl.exercises.hint(k, level=level)


@pytest.mark.parametrize("k", ["06.1", "06.2", "06.3"])
def test_placeholder_is_not_attempted(k):
    assert status(k, ...) == "not attempted yet"
    assert status(k, (..., ...)) == "not attempted yet"


def test_placeholder_function_body_is_not_attempted():
    def my_worst_perturbation(w, eps):
        ...

    assert status("06.2", my_worst_perturbation) == "not attempted yet"


# --------------------------------------------------------------------------- 06.1
def test_06_1_reference_passes():
    assert status("06.1", (nl.norms.linf(X1), np.clip(X1, -2, 2))) == "correct"
    assert status("06.1", (3, [1.5, -2, 2, -0.5])) == "correct"
    assert status("06.1", (nl.norm(X1, np.inf), nl.geometry.project_onto_ball(X1, ord=np.inf, radius=2))) == "correct"


@pytest.mark.parametrize(
    "linf, phrase",
    [
        (2.5, "largest entry of x"),
        (7.5, "L1 norm"),
        (float(np.linalg.norm(X1)), "L2"),
        (-3.0, "never negative"),
        (0.5, "smallest"),
        (4.0, "not the largest"),
    ],
)
def test_06_1_wrong_norm(linf, phrase):
    assert phrase in message("06.1", (linf, np.clip(X1, -2, 2)))


@pytest.mark.parametrize(
    "proj, phrase",
    [
        (X1, "x itself"),
        (2 * X1 / 3.0, "rescales the whole vector"),
        (2 * X1 / np.linalg.norm(X1), "L2 ball"),
        (np.clip(X1, 0, 2), "no negative coordinate"),
        (np.clip(X1, -3, 3), "outside the ball"),
        (np.array([1.5, -2.0, 2.0, -0.2]), "not the closest point"),
        # all zeros: every coordinate moved, so not the "no negative coordinate" diagnosis
        (np.zeros(4), "x_1 = 1.5 already lies in [-r, r], yet entry 1 (x_proj[0] in Python) moved it by 1.5"),
    ],
)
def test_06_1_wrong_projection(proj, phrase):
    assert phrase in message("06.1", (3.0, proj))


def test_06_1_one_tolerance_no_self_contradiction():
    clipped = np.clip(X1, -2, 2)
    assert status("06.1", (3.0, clipped + 1e-9)) == "correct"  # rounding noise is accepted
    msg = message("06.1", (3.0, clipped + 1e-5))  # a near miss is caught, with evidence that differs
    assert "entry 3 (x_proj[2] in Python) has magnitude 2.00001" in msg
    msg = message("06.1", (3.0, clipped - np.array([0, 0, 0, 1e-5])))
    assert "entry 4 (x_proj[3] in Python) moved it by 1e-05" in msg
    msg = message("06.1", (3.0, clipped + np.array([0, 1e-5, 0, 0])))
    assert "x_2 = -3 lies outside [-r, r], and entry 2 (x_proj[1] in Python) = -1.99999 is not" in msg


def test_06_1_wrong_shapes():
    assert "one tuple" in message("06.1", 3.0)
    assert "shape" in message("06.1", (3.0, [1.0, 2.0]))
    assert "should be a number" in message("06.1", ("3", np.clip(X1, -2, 2)))


# --------------------------------------------------------------------------- 06.2
def test_06_2_reference_and_other_maximizers_pass():
    assert status("06.2", lambda w, eps: eps * np.sign(w)) == "correct"
    assert status("06.2", lambda w, eps: nl.robust.worst_case_perturbation(w, eps)) == "correct"
    # coordinates with w_i = 0 are free: any value in [-eps, eps] also maximizes
    assert status("06.2", lambda w, eps: np.where(np.asarray(w) == 0, eps, eps * np.sign(w))) == "correct"


@pytest.mark.parametrize(
    "func, phrase",
    [
        (lambda w, eps: -eps * np.sign(w), "decreases the score"),
        (lambda w, eps: np.sign(w), "forget to scale by eps"),
        (lambda w, eps: eps * np.asarray(w, float), "outside the L∞ ball"),
        (lambda w, eps: eps * np.asarray(w, float) / np.linalg.norm(w), "best step in the L2 ball"),
        (lambda w, eps: eps * np.asarray(w, float) / np.max(np.abs(w)), "only the largest |w_i|"),
        (lambda w, eps: nl.geometry.steepest_direction(np.asarray(w, float), ord=1) * eps, "L1 ball"),
        (lambda w, eps: 0.5 * eps * np.sign(w), "could still move"),
    ],
)
def test_06_2_typical_mistakes(func, phrase):
    assert phrase in message("06.2", func)


def test_06_2_in_place_shape_and_crash():
    def in_place(w, eps):
        out = eps * np.sign(w)
        w[...] = 0
        return out

    assert "in place" in message("06.2", in_place)
    assert "shape" in message("06.2", lambda w, eps: eps)
    assert "raised" in message("06.2", lambda w, eps: 1 / 0)


def test_06_2_forgotten_return():
    def my_worst_perturbation(w, eps):
        delta = eps * np.sign(w)  # noqa: F841

    assert "did you forget `return`" in message("06.2", my_worst_perturbation)


def test_06_2_integer_zeros_like_is_caught():
    """np.zeros_like(w) for the integer test case silently rounds eps = 0.5 to 0."""

    def zeros_like(w, eps):
        d = np.zeros_like(w)
        d[w > 0] = eps
        d[w < 0] = -eps
        return d

    msg = message("06.2", zeros_like)
    assert "array of integers" in msg and "zeros_like" in msg and "eps = 0.5" in msg


def test_06_2_entries_are_counted_from_one():
    msg = message("06.2", lambda w, eps: 0.5 * eps * np.sign(w))
    assert "entry 1 (index 0 in Python) w[0] = 2" in msg
    assert "entry 1 (δ[0] in Python) has magnitude 1 > eps" in message("06.2", lambda w, eps: np.sign(w))


# --------------------------------------------------------------------------- 06.3
def test_06_3_reference_passes():
    e = np.eye(4)
    assert status("06.3", (e[0], -e[2])) == "correct"
    assert status("06.3", (0.5 * (e[0] - e[2]), 0.25 * e[0] - 0.75 * e[2])) == "correct"


def test_06_3_torch_answer_is_a_valid_subgradient():
    assert status("06.3", (np.array([0.5, 0, -0.5, 0]), np.array([1.0, 0, 0, 0]))) == "correct"


@pytest.mark.parametrize(
    "g, phrase",
    [
        (X3 / np.linalg.norm(X3), "gradient of the L2 norm"),
        (np.sign(X3), "subgradient of the L1 norm"),
        (np.array([0.0, 0.0, 0.0, 1.0]), "entry 4 (g[3] in Python), where |x_4| = 2"),
        (np.array([-1.0, 0.0, 0.0, 0.0]), "wrong sign at entry 1 (g[0] in Python)"),
        (np.array([0.0, 0.0, 1.0, 0.0]), "wrong sign at entry 3 (g[2] in Python), where x_3 = -3"),
        (np.array([1.0, 0.0, -1.0, 0.0]), "too large"),
        (np.array([0.5, 0.0, 0.0, 0.0]), "too small"),
    ],
)
def test_06_3_not_in_the_subdifferential(g, phrase):
    msg = message("06.3", (np.eye(4)[0], g))
    assert phrase in msg and "`g2`" in msg and "fails" in msg


def test_06_3_evidence_really_violates_the_inequality():
    """Every counterexample point z quoted by the checker breaks the subgradient inequality."""
    import re

    for g in [X3 / np.linalg.norm(X3), np.sign(X3), np.array([-1.0, 0, 0, 0]), np.array([1.0, 0, -1, 0]),
              np.array([0.5, 0, 0, 0])]:
        msg = message("06.3", (g, np.eye(4)[0]))
        z = np.array([float(v) for v in re.search(r"at z = \[([^\]]*)\]", msg).group(1).split(",")])
        assert np.max(np.abs(z)) < 3.0 + g @ (z - X3) - 1e-9


def test_06_3_near_miss_shows_enough_digits():
    """||g||_1 = 1 + 1e-7: the rejection is right, and the numbers shown must not look equal."""
    msg = message("06.3", (np.eye(4)[0], np.array([0.5 + 1e-7, 0.0, -0.5, 0.0])))
    assert "‖g‖₁ = 1.0000001" in msg and "= 6.0000003" in msg and "larger by 3e-07" in msg


def test_06_3_numpy_forms_and_no_negative_zero():
    e = np.eye(4)
    assert status("06.3", (e[0].tolist(), (-e[2]).astype(np.float32))) == "correct"
    assert "-0." not in message("06.3", (-e[2], -e[2]))


def test_06_hints_name_real_sections_and_variables():
    hint = nl.exercises.get_exercise
    assert "Section 6" in hint("06.2").hint(1)
    assert "x_tie[" in hint("06.3").hint(3) and "(x[" not in hint("06.3").hint(3)


def test_06_3_same_twice_and_shapes():
    assert "same one twice" in message("06.3", (np.eye(4)[0], np.eye(4)[0]))
    assert "one tuple" in message("06.3", np.eye(4)[0])
    assert "shape" in message("06.3", (np.eye(4)[0], np.eye(3)[0]))


def test_06_feedback_is_deterministic():
    for k, ans in [("06.1", (2.5, X1)), ("06.2", lambda w, eps: 0.5 * eps * np.sign(w)),
                   ("06.3", (np.sign(X3), np.eye(4)[0]))]:
        assert str(evaluate(k, ans)) == str(evaluate(k, ans))
