"""Checkers of lesson 05: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.linear_model import Ridge
from sklearn.metrics.pairwise import cosine_similarity

from normlab.exercises import evaluate, exercise_ids


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson05_registers_three_exercises():
    assert exercise_ids("05") == ["05.1", "05.2", "05.3"]


# --------------------------------------------------------------------------- 05.1
A = np.array([1.0, 2.0, 2.0])
B = np.array([3.0, 0.0, -4.0])
COS_AB = float(cosine_similarity(A[None, :], B[None, :])[0, 0])  # the library reference
REFERENCE_05_1 = math.degrees(math.acos(COS_AB))


def test_05_1_reference_is_the_tetrahedral_angle():
    assert math.isclose(COS_AB, -1 / 3, rel_tol=1e-12)
    assert math.isclose(REFERENCE_05_1, 109.4712206, rel_tol=1e-9)


@pytest.mark.parametrize("answer", [REFERENCE_05_1, np.float64(REFERENCE_05_1), round(REFERENCE_05_1, 2),
                                    round(REFERENCE_05_1, 1), np.array([REFERENCE_05_1]),
                                    np.array(REFERENCE_05_1), np.float32(REFERENCE_05_1)])
def test_05_1_reference_answer_passes(answer):
    assert evaluate("05.1", answer).ok


def test_05_1_placeholder_is_not_attempted():
    assert evaluate("05.1", ...).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (math.acos(COS_AB), "radians"),
        (COS_AB, "is the cosine similarity"),
        (-5.0, "is the inner product"),
        (180 - REFERENCE_05_1, "is an acute angle"),
        (math.degrees(math.acos(-5 / 9)), "dividing <a, b> by ||a||_2^2"),
        (math.degrees(math.acos(-5 / 25)), "dividing <a, b> by ||b||_2^2"),
        (float("nan"), "outside [-1, 1]"),
        (-109.47, "outside [0, 180]"),
        (100.0, "is not <a, b> / (||a||_2 ||b||_2)"),
        (109.3, "further off than rounding"),
        (math.degrees(math.acos(-0.33)), "round an intermediate number"),
        ("109.47", "should be a number"),
    ],
)
def test_05_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("05.1", answer)
    assert status == "not yet"
    assert fragment in message
    if not isinstance(answer, str):  # a string answer is echoed back as given
        echo = f"`angle_deg` = {answer:.6g}"
        assert echo in message  # the learner's value, with enough digits to see what was rejected
        assert "109.4" not in message.replace(echo, "")  # never reveals the expected value
    assert message == evaluate("05.1", answer).message  # the same text every run


def test_05_1_near_miss_is_echoed_with_its_own_digits():
    message = evaluate("05.1", 109.41).message
    assert "`angle_deg` = 109.41 " in message and "109.47" not in message


# --------------------------------------------------------------------------- 05.2
def reference_slopes(f, u, h=1e-6):
    zero = np.zeros_like(u)
    return (f(zero) - f(-h * u)) / h, (f(h * u) - f(zero)) / h


def test_05_2_reference_answer_passes():
    assert evaluate("05.2", reference_slopes).ok


def test_05_2_other_correct_forms_pass():
    def as_array(f, u, h=1e-6):
        return np.array([-(f(-h * u) - f(0 * u)) / h, (f(h * u) - f(0 * u)) / h])

    def larger_step(f, u, h=1e-5):
        return reference_slopes(f, u, h)

    def as_list(f, u, h=1e-6):
        return list(reference_slopes(f, u, h))

    for func in (as_array, larger_step, as_list):
        assert evaluate("05.2", func).ok, func.__name__


def test_05_2_reference_slopes_of_the_l2_norm_are_minus_one_and_one():
    left, right = reference_slopes(np.linalg.norm, np.array([0.6, -0.8]))
    assert abs(left + 1) < 1e-9 and abs(right - 1) < 1e-9 and left != right


def test_05_2_placeholder_is_not_attempted():
    assert evaluate("05.2", ...).status == "not attempted yet"

    def empty(f, u, h=1e-6):
        ...

    assert evaluate("05.2", empty).status == "not attempted yet"

    def only_pass(f, u, h=1e-6):
        pass

    assert evaluate("05.2", only_pass).status == "not attempted yet"


def test_05_2_forgotten_return_is_named():
    def no_return(f, u, h=1e-6):
        zero = np.zeros_like(u)
        left = (f(zero) - f(-h * u)) / h  # noqa: F841
        right = (f(h * u) - f(zero)) / h  # noqa: F841

    status, message = status_and_message("05.2", no_return)
    assert status == "not yet" and "returned None: did you forget `return`?" in message


def test_05_2_scalar_zero_gets_the_vector_explanation():
    def scalar_zero(f, u, h=1e-6):  # f(0) with the number 0: the L2 norm copes, the 3-term f does not
        return (f(0) - f(-h * u)) / h, (f(h * u) - f(0)) / h

    status, message = status_and_message("05.2", scalar_zero)
    assert status == "not yet" and "f takes a vector" in message


def _central(f, u, h=1e-6):
    c = (f(h * u) - f(-h * u)) / (2 * h)
    return c, c


def _left_sign_error(f, u, h=1e-6):
    zero = np.zeros_like(u)
    return (f(-h * u) - f(zero)) / h, (f(h * u) - f(zero)) / h


def _swapped(f, u, h=1e-6):
    left, right = reference_slopes(f, u, h)
    return right, left


def _no_division(f, u, h=1e-6):
    zero = np.zeros_like(u)
    return f(zero) - f(-h * u), f(h * u) - f(zero)


def _half(f, u, h=1e-6):
    left, right = reference_slopes(f, u, h)
    return left / 2, right / 2


def _every_coordinate(f, u, h=1e-6):  # steps h in every coordinate instead of along u
    zero = np.zeros_like(u)
    step = h * np.ones_like(u)
    return (f(zero) - f(-step)) / h, (f(step) - f(zero)) / h


def _ignores_f(f, u, h=1e-6):  # right for the L2 norm only
    return -1.0, 1.0


def _two_d_only(f, u, h=1e-6):
    return reference_slopes(f, np.asarray(u)[:2], h)


def _one_number(f, u, h=1e-6):
    return (f(h * u) - f(np.zeros_like(u))) / h


@pytest.mark.parametrize(
    "func, fragment",
    [
        (_central, "central difference"),
        (_left_sign_error, "the two agree"),
        (_swapped, "f falls as t increases toward 0"),
        (_no_division, "did you divide by h?"),
        (_half, "Divide by h, not by 2h"),
        (_every_coordinate, "step along u"),
        (_ignores_f, "This f is smooth"),
        (_two_d_only, "Does it assume two coordinates?"),
        (_one_number, "should return two numbers"),
        ("not a function", "should be a function"),
    ],
)
def test_05_2_wrong_answers_get_specific_feedback(func, fragment):
    status, message = status_and_message("05.2", func)
    assert status == "not yet"
    assert fragment in message
    assert message == evaluate("05.2", func).message


# --------------------------------------------------------------------------- 05.3
def reference_ridge(X, y, lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def test_05_3_reference_agrees_with_sklearn_and_splits_the_twins():
    from normlab.exercises.lesson05 import _PLAIN, _TWIN, _ridge_ref

    for X, y, lam in (_TWIN, _PLAIN):
        w_skl = Ridge(alpha=lam, fit_intercept=False, solver="svd").fit(X, y).coef_
        np.testing.assert_allclose(_ridge_ref(X, y, lam), w_skl, rtol=1e-10)
    X, y, lam = _TWIN
    assert np.array_equal(X[:, 0], X[:, 2])
    w = _ridge_ref(X, y, lam)
    assert abs(w[0] - w[2]) < 1e-8


def test_05_3_reference_answer_passes():
    assert evaluate("05.3", reference_ridge).ok


def test_05_3_other_correct_forms_pass():
    def with_sklearn(X, y, lam):
        return Ridge(alpha=lam, fit_intercept=False).fit(X, y).coef_

    def with_svd(X, y, lam):
        U, d, Vt = np.linalg.svd(X, full_matrices=False)
        return Vt.T @ (d / (d**2 + lam) * (U.T @ y))

    def augmented_lstsq(X, y, lam):  # ridge as least squares on [X; sqrt(lam) I]
        d = X.shape[1]
        Xa = np.vstack([X, math.sqrt(lam) * np.eye(d)])
        ya = np.concatenate([y, np.zeros(d)])
        return np.linalg.lstsq(Xa, ya, rcond=None)[0]

    for func in (with_sklearn, with_svd, augmented_lstsq):
        assert evaluate("05.3", func).ok, func.__name__


def test_05_3_placeholder_is_not_attempted():
    assert evaluate("05.3", ...).status == "not attempted yet"

    def empty(X, y, lam):
        ...

    assert evaluate("05.3", empty).status == "not attempted yet"


def test_05_3_forgotten_return_is_named():
    def no_return(X, y, lam):
        w = reference_ridge(X, y, lam)  # noqa: F841

    status, message = status_and_message("05.3", no_return)
    assert status == "not yet" and "returned None: did you forget `return`?" in message


def test_05_3_singular_messages_name_the_actual_mistake():
    no_penalty = evaluate("05.3", _no_penalty_solve).message
    assert "the penalty lam ||w||^2 is missing" in no_penalty and "np.ones" not in no_penalty
    ones = evaluate("05.3", _ones_matrix).message
    assert "Adding lam * np.ones does not help" in ones and "is missing" not in ones

    def singular_everywhere(X, y, lam):  # raises on both data sets
        raise np.linalg.LinAlgError("Singular matrix")

    other = evaluate("05.3", singular_everywhere).message
    assert "makes the system solvable" in other


def _no_penalty_solve(X, y, lam):
    return np.linalg.solve(X.T @ X, X.T @ y)


def _no_penalty_lstsq(X, y, lam):
    return np.linalg.lstsq(X, y, rcond=None)[0]


def _double_penalty(X, y, lam):
    return reference_ridge(X, y, 2 * lam)


def _with_intercept(X, y, lam):
    return Ridge(alpha=lam).fit(X, y).coef_


def _ones_matrix(X, y, lam):
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + lam * np.ones((d, d)), X.T @ y)


def _predictions(X, y, lam):
    return X @ reference_ridge(X, y, lam)


def _lasso_like(X, y, lam):  # all the twin weight on the first copy
    w = reference_ridge(X, y, lam)
    return np.array([w[0] + w[2], w[1], 0.0]) if X.shape[1] == 3 else w


def _in_place(X, y, lam):
    X -= X.mean(axis=0)
    return reference_ridge(X, y, lam)


def _centered(X, y, lam):  # the lesson's ridge_svd, which centers X and y
    U, d, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return Vt.T @ (d / (d**2 + lam) * (U.T @ (y - y.mean())))


def _wrong_plain(X, y, lam):  # right on the twin data only
    w = reference_ridge(X, y, lam)
    return w if X.shape[1] == 3 else w + 0.1


@pytest.mark.parametrize(
    "func, fragment",
    [
        (_no_penalty_solve, "X^T X has two equal columns and no inverse"),
        (_no_penalty_solve, "penalty lam ||w||^2 is missing"),
        (_no_penalty_lstsq, "the penalty lam ||w||^2 is missing"),
        (_double_penalty, "for the penalty 2 lam ||w||^2"),
        (_with_intercept, "fits an intercept"),
        (_ones_matrix, "Adding lam * np.ones does not help"),
        (_predictions, "look like predictions"),
        (_lasso_like, "they add up correctly but differ"),
        (_in_place, "changed its input X or y in place"),
        (_wrong_plain, "On a second data set without duplicates"),
        (_centered, "fits an intercept"),
        ("not a function", "should be a function"),
    ],
)
def test_05_3_wrong_answers_get_specific_feedback(func, fragment):
    status, message = status_and_message("05.3", func)
    assert status == "not yet"
    assert fragment in message
    assert message == evaluate("05.3", func).message
