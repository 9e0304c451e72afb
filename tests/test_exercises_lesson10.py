"""Checkers of lesson 10: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import numpy as np
import pytest

from normlab.exercises import evaluate, exercise_ids


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson10_registers_three_exercises():
    assert exercise_ids("10") == ["10.1", "10.2", "10.3"]


# --------------------------------------------------------------------------- 10.1
def test_10_1_reference_answer_passes():
    assert evaluate("10.1", (8, 9, 13)).ok
    assert evaluate("10.1", [np.float64(8.0), np.array(9.0), np.int64(13)]).ok
    assert evaluate("10.1", np.array([8.0, 9.0, 13.0])).ok  # one array instead of a tuple


@pytest.mark.parametrize("answer", [..., (8, ..., 13)])
def test_10_1_placeholder_is_not_attempted(answer):
    assert evaluate("10.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((13, 9, 8), "the primal norms of y themselves"),
        ((13, 9, 13), "`dual_l1` = 13 is ‖y‖₁, the primal norm of y"),
        ((8, 9, 8), "`dual_linf` = 8 is ‖y‖∞, the primal norm of y"),
        ((8, 81, 13), "sum of squares"),
        ((8, 9, 5), "entries cancelled"),
        ((4, 9, 13), "one entry of y"),
        ((-8, 9, 13), "never negative"),
        ((8, 9, 12.5), "`dual_linf` = 12.5 is below the largest value"),
        ((8, 8.99998, 13), "`dual_l2` = 8.99998 is below the largest value"),  # a random search, not rounded
        ((8, 9.5, 13), "`dual_l2` = 9.5 is too large"),
        ((8, 9), "three values as one tuple"),
        (np.array([8.0, 9.0]), "three values as one tuple"),
        (("8", 9, 13), "`dual_l1` should be a number"),
    ],
)
def test_10_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("10.1", answer)
    assert status == "not yet"
    assert fragment in message


# --------------------------------------------------------------------------- 10.2
def _linprog():
    return pytest.importorskip("scipy.optimize").linprog


def reference_dual_norm(y, ord):
    linprog = _linprog()
    y = np.asarray(y, dtype=float)
    if ord == np.inf:
        res = linprog(-y, bounds=[(-1.0, 1.0)] * y.size)
    else:
        res = linprog(np.concatenate([-y, y]), A_ub=np.ones((1, 2 * y.size)), b_ub=[1.0], bounds=(0, None))
    return -res.fun


def test_10_2_reference_answer_passes():
    assert evaluate("10.2", reference_dual_norm).ok


def test_10_2_placeholder_is_not_attempted():
    assert evaluate("10.2", ...).status == "not attempted yet"

    def empty(y, ord):
        ...

    assert evaluate("10.2", empty).status == "not attempted yet"


def forgot_to_negate(y, ord):
    return -reference_dual_norm(y, ord)


def default_style_bounds(y, ord):  # x_i in [0, 1] instead of [-1, 1]
    linprog = _linprog()
    if ord == np.inf:
        return -linprog(-np.asarray(y), bounds=[(0.0, 1.0)] * len(y)).fun
    return reference_dual_norm(y, ord)


def primal_norm(y, ord):
    return np.linalg.norm(y, ord)


def no_split_for_l1(y, ord):  # x >= 0 with sum(x) <= 1: only the largest positive entry counts
    linprog = _linprog()
    if ord == np.inf:
        return reference_dual_norm(y, ord)
    y = np.asarray(y, dtype=float)
    return -linprog(-y, A_ub=np.ones((1, y.size)), b_ub=[1.0], bounds=(0, None)).fun


def only_linf(y, ord):
    if ord == np.inf:
        return reference_dual_norm(y, ord)
    return None


def mutates(y, ord):
    value = reference_dual_norm(y, ord)
    y *= 2
    return value


def returns_result(y, ord):
    return _linprog()(-np.asarray(y), bounds=[(-1.0, 1.0)] * len(y))


def slightly_off(y, ord):
    return reference_dual_norm(y, ord) * (1 + 1e-6)


@pytest.mark.parametrize(
    "func, fragment",
    [
        (forgot_to_negate, "the wrong sign"),
        (default_style_bounds, "linprog's default bounds are (0, None)"),
        (primal_norm, "which is the primal norm ‖y‖_∞ of y"),
        (no_split_for_l1, "the largest positive entry of y"),
        (only_linf, "handles ord=np.inf, but with y = "),
        (mutates, "changed its input y in place"),
        (returns_result, "should be a number; got OptimizeResult"),
        (slightly_off, "differs from the dual norm by more than 1e-8"),
    ],
)
def test_10_2_wrong_answers_get_specific_feedback(func, fragment):
    status, message = status_and_message("10.2", func)
    assert status == "not yet"
    assert fragment in message


def test_10_2_crash_names_the_input():
    def crashes(y, ord):
        raise ZeroDivisionError("oops")

    status, message = status_and_message("10.2", crashes)
    assert status == "not yet" and "raised ZeroDivisionError" in message


# --------------------------------------------------------------------------- 10.3
@pytest.fixture(scope="module")
def problem():
    from normlab.data import load_digits_unit

    X_train, X_test, y_train, y_test = load_digits_unit(test_size=0.3, rng=0)
    centroids = np.stack([X_train[y_train == k].mean(axis=0) for k in range(10)])
    return centroids, -0.5 * np.sum(centroids**2, axis=1), X_train, y_train, X_test, y_test


def robust_accuracy(W, b, X, y, eps, D):
    Z = X @ W.T + b
    rows = np.arange(len(y))
    m = Z[rows, y][:, None] - Z - eps * D[y]
    m[rows, y] = np.inf
    return float(np.mean(m.min(axis=1) > 0))


def test_10_3_reference_answer_passes_and_matches_normlab(problem):
    from normlab.robust import certified_accuracy_linear

    W, b, _, _, X, y = problem
    ref = robust_accuracy(W, b, X, y, 8 / 255, np.abs(W[:, None] - W[None]).sum(axis=2))
    assert ref == certified_accuracy_linear(W, b, X, y, 8 / 255)
    assert 0.80 < ref < 0.88  # re-measured 0.8389
    assert evaluate("10.3", ref).ok
    assert evaluate("10.3", np.float64(ref + 0.009)).ok and evaluate("10.3", ref - 0.009).ok  # ±0.01


def test_10_3_placeholder_is_not_attempted():
    assert evaluate("10.3", ...).status == "not attempted yet"


@pytest.mark.parametrize(
    "which, fragment",
    [
        ("clean", "is the clean accuracy"),
        ("l2", "with the L2 norm"),
        ("linf", "the largest single weight difference"),
        ("triangle", "triangle inequality"),
        ("no_b", "without the intercepts b"),
        ("train", "on the training digits"),
    ],
)
def test_10_3_wrong_answers_get_specific_feedback(problem, which, fragment):
    W, b, X_train, y_train, X, y = problem
    diff = W[:, None] - W[None]
    l1 = np.abs(diff).sum(axis=2)
    norms = np.abs(W).sum(axis=1)
    eps = 8 / 255
    value = {
        "clean": lambda: robust_accuracy(W, b, X, y, 0.0, l1),
        "l2": lambda: robust_accuracy(W, b, X, y, eps, np.sqrt((diff**2).sum(axis=2))),
        "linf": lambda: robust_accuracy(W, b, X, y, eps, np.abs(diff).max(axis=2)),
        "triangle": lambda: robust_accuracy(W, b, X, y, eps, norms[:, None] + norms[None, :]),
        "no_b": lambda: robust_accuracy(W, np.zeros(10), X, y, eps, l1),
        "train": lambda: robust_accuracy(W, b, X_train, y_train, eps, l1),
    }[which]()
    status, message = status_and_message("10.3", value)
    assert status == "not yet"
    assert fragment in message


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (83.89, "not a count or a percentage"),
        (453, "not a count or a percentage"),
        (0.0, "never > 0"),
        (0.0, "eps = 8 instead of 8/255"),
        (-0.5, "negative"),
        (0.97, "above the clean accuracy"),
        (0.70, "is not the fraction of test digits"),
        ("0.84", "should be a number"),
    ],
)
def test_10_3_other_wrong_answers(answer, fragment):
    status, message = status_and_message("10.3", answer)
    assert status == "not yet"
    assert fragment in message


def test_10_3_near_misses_inside_the_tolerance_are_named(problem):
    W, b, _, _, X, y = problem
    l1 = np.abs(W[:, None] - W[None]).sum(axis=2)
    ref = robust_accuracy(W, b, X, y, 8 / 255, l1)
    for eps in (8 / 256, 0.03):
        value = robust_accuracy(W, b, X, y, eps, l1)
        assert 0 < abs(value - ref) <= 0.01  # inside the ±0.01 tolerance, yet a different number
        status, message = status_and_message("10.3", value)
        assert status == "not yet" and "slightly smaller budget" in message


def test_10_3_correct_message_does_not_answer_part_2(problem):
    W, b, _, _, X, y = problem
    ref = robust_accuracy(W, b, X, y, 8 / 255, np.abs(W[:, None] - W[None]).sum(axis=2))
    message = evaluate("10.3", ref).message
    assert "logistic" not in message and "smaller" not in message


def test_10_3_hint_3_uses_the_function_names():
    from normlab.exercises import get_exercise

    hint = get_exercise("10.3").hints[2]
    assert "y_test" not in hint and "Z[rows, y]" in hint and "return np.mean" in hint


def test_10_2_correct_message_is_neutral_about_the_method():
    assert "cannot see whether you solved an LP" in evaluate("10.2", reference_dual_norm).message


def test_10_3_box_answer_is_named(problem):
    W, b, _, _, X, y = problem
    eps = 8 / 255
    rows = np.arange(len(y))
    Z = X @ W.T + b
    lo, hi = np.maximum(-eps, -X), np.minimum(eps, 1 - X)
    V = W[y][:, None, :] - W[None]
    worst = (np.maximum(V, 0) @ lo[:, :, None] + np.minimum(V, 0) @ hi[:, :, None])[..., 0]
    m = Z[rows, y][:, None] - Z + worst
    m[rows, y] = np.inf
    status, message = status_and_message("10.3", float(np.mean(m.min(axis=1) > 0)))
    assert status == "not yet" and "stay in [0, 1]" in message


def test_feedback_never_states_the_answers(problem):
    W, b, _, _, X, y = problem
    ref = robust_accuracy(W, b, X, y, 8 / 255, np.abs(W[:, None] - W[None]).sum(axis=2))
    for answer in [(13, 9, 8), (8, 81, 5), (8, 9.5, 13)]:
        message = evaluate("10.1", answer).message
        assert "8, 9, 13" not in message and "= 9 " not in message and "9.0" not in message
    for answer in [0.9, 0.5, 0.0]:
        message = evaluate("10.3", answer).message
        assert f"{ref:.4g}" not in message and f"{ref:.3f}" not in message
