"""Checkers of lesson 03: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import numpy as np
import pytest

import normlab as nl
from normlab.exercises import evaluate, exercise_ids
from normlab.exercises.lesson03 import W_031
from normlab.prox import hard_threshold


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson03_registers_three_exercises():
    assert exercise_ids("03") == ["03.1", "03.2", "03.3"]


def test_lesson03_hints_have_three_levels():
    for ex in exercise_ids("03"):
        for level in (1, 2, 3):
            assert evaluate(ex, ...).status == "not attempted yet"
            nl.exercises.hint(ex, level=level)


# --------------------------------------------------------------------------- 03.1
REFERENCE_03_1 = (
    nl.count_nonzero(W_031),
    nl.count_nonzero(W_031, tol=1e-8),
    nl.count_nonzero(W_031, tol=0.01),
)


def test_03_1_reference_answer_passes():
    assert evaluate("03.1", REFERENCE_03_1).ok
    assert evaluate("03.1", [np.linalg.norm(W_031, 0), np.int64(7), 4.0]).ok
    assert REFERENCE_03_1 == (10, 7, 4)  # the counts the sheet's answer text relies on


@pytest.mark.parametrize("answer", [..., (10, ..., 4)])
def test_03_1_placeholder_is_not_attempted(answer):
    assert evaluate("03.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((3, 6, 9), "count as zero at this tolerance"),
        ((10, 4, 4), "counts only the positive entries"),
        ((10, 7, 2), "counts only the positive entries"),
        ((10, 7, 5), "magnitude equals tol exactly"),
        ((8, 7, 4), "tiny, but not exactly 0"),
        ((7, 7, 4), "tiny, but not exactly 0"),
        ((10, 7, 6), "is not the number of entries of w"),
        ((10.5, 7, 4), "whole number"),
        ((20, 7, 4), "more than the 13 entries"),
        ((10, 7), "three counts as one tuple"),
        (("10", 7, 4), "`n_exact` should be a number"),
    ],
)
def test_03_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("03.1", answer)
    assert status == "not yet"
    assert fragment in message


def test_03_1_feedback_never_reveals_the_counts():
    for answer in [(3, 6, 9), (10, 4, 2), (10, 7, 5), (9, 9, 9), (10, 6, 4)]:
        message = evaluate("03.1", answer).message
        i = next(i for i, (a, w) in enumerate(zip(answer, REFERENCE_03_1)) if a != w)  # the slot reported
        want = REFERENCE_03_1[i]
        assert want in answer or (f" {want} " not in message and f"= {want}" not in message)


# --------------------------------------------------------------------------- 03.2
def my_l0(x):
    return np.count_nonzero(x, axis=-1)


REFERENCE_03_2 = (my_l0, np.array([3.0, -4.0, 0.0]), 2.0)


def test_03_2_reference_answer_passes():
    fb = evaluate("03.2", REFERENCE_03_2)
    assert fb.ok, fb.message
    assert "100,000" in fb.message
    # other valid witnesses and a float-returning count
    assert evaluate("03.2", (lambda x: np.linalg.norm(x, 0, axis=-1), [0.0, 1.0], -0.5)).ok
    assert evaluate("03.2", (my_l0, [1, 1, 1], np.int64(3))).ok
    # a 0-d or 1-element array is one number
    assert evaluate("03.2", (my_l0, [1.0, 0.0], np.array(2.0))).ok
    assert evaluate("03.2", (my_l0, [1.0, 0.0], np.array([2.0]))).ok


@pytest.mark.parametrize("answer", [..., (my_l0, ..., 2.0), (my_l0, [1.0], ...)])
def test_03_2_placeholder_is_not_attempted(answer):
    assert evaluate("03.2", answer).status == "not attempted yet"


def test_03_2_empty_function_body_is_not_attempted():
    def unfinished(x):
        ...

    assert evaluate("03.2", (unfinished, [1.0], 2.0)).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((lambda x: np.count_nonzero(x), [1.0, 0.0], 2.0), "one count per row"),
        ((lambda x: np.sum(np.abs(x), axis=-1), [1.0, 0.0], 2.0), "is the L1 norm"),
        ((lambda x: np.shape(x)[-1] - np.count_nonzero(x, axis=-1), [1.0, 0.0], 2.0), "number of zero entries"),
        ((lambda x: np.shape(x)[-1], [1.0, 0.0], 2.0), "counts every entry"),
        ((lambda x: np.count_nonzero(np.round(x), axis=-1), [1.0, 0.0], 2.0), "nonzero entries"),
        ((lambda x: np.linalg.norm(x, 0), [1.0, 0.0], 2.0), "raised"),
        ((my_l0, [1.0, 0.0], -1.0), "scaling by ±1"),
        ((my_l0, [1.0, 0.0], 0.0), "t = 0 sends both sides to 0"),
        ((my_l0, [0.0, 0.0], 3.0), "zero vector"),
        ((my_l0, [1.0, 0.0], [2.0]), "one real number"),
        ((my_l0, [[1.0]], 2.0), "1-D vector"),
        ((my_l0, [np.nan, 1.0], 2.0), "finite"),
        ((my_l0, [1.0]), "function and your witness as one tuple"),
    ],
)
def test_03_2_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("03.2", answer)
    assert status == "not yet"
    assert fragment in message


def test_03_2_batch_counting_errors_show_a_row():
    def off_on_big_batches(x):
        x = np.asarray(x)
        out = np.count_nonzero(x, axis=-1)
        if x.ndim == 2 and x.shape[0] > 10:  # right on small inputs, wrong at scale
            out = out + (x[:, 0] > 1)
        return out

    status, message = status_and_message("03.2", (off_on_big_batches, [1.0], 2.0))
    assert status == "not yet" and "row" in message


# --------------------------------------------------------------------------- 03.3
from normlab.exercises.lesson03 import _diabetes_centered, _iht_path, _iht_problem, _iht_runs  # noqa: E402


def my_iht(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w + step * X.T @ (y - X @ w), k=k)
    return w


def test_03_3_reference_answer_passes():
    fb = evaluate("03.3", my_iht)
    assert fb.ok, fb.message
    assert "leaves it at update 6" in fb.message and "the best 3-subset" in fb.message


def _own_top_k(X, y, k, n_iter, step):
    """Equivalent IHT written differently: gradient form, argpartition, a list returned."""
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        v = w - step * (X.T @ X @ w - X.T @ y)
        keep = np.argpartition(-np.abs(v), k)[:k]
        w = np.zeros_like(v)
        w[keep] = v[keep]
    return list(w)


def test_03_3_equivalent_implementations_pass():
    fb = evaluate("03.3", _own_top_k)
    assert fb.ok, fb.message


def test_03_3_placeholder_is_not_attempted():
    def unfinished(X, y, k, n_iter, step):
        ...

    assert evaluate("03.3", ...).status == "not attempted yet"
    assert evaluate("03.3", unfinished).status == "not attempted yet"


# The test problem is built so that the shortcuts and IHT disagree; these facts carry the checker.
def test_03_3_test_problem_separates_iht_from_the_shortcuts():
    from normlab.linear import best_subset

    X, y = _iht_problem()
    k = 3
    screening = set(np.argsort(-np.abs(X.T @ y))[:k].tolist())
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    ols_top = set(np.argsort(-np.abs(ols))[:k].tolist())
    best = set(best_subset(X, y, k).support.tolist())
    mu = 1 / np.linalg.norm(X, 2) ** 2
    iht10 = set(np.flatnonzero(_iht_path(X, y, k, 10, mu)[-1]).tolist())
    assert screening == {0, 2, 3} and ols_top == {0, 4, 5} and best == {0, 1, 2}
    assert iht10 == best  # IHT finds what neither shortcut finds
    assert set(np.flatnonzero(_iht_path(X, y, k, 3, 0.005)[-1]).tolist()) == screening  # short runs: early iterates
    assert 0.005 < mu  # the fixed small step is a safe step


@pytest.mark.parametrize("which", ["test", "diabetes"])
def test_03_3_reference_runs_are_far_from_ties(which):
    """No reference update sits near a tie between the k-th and (k+1)-th magnitude, so rounding
    differences between equivalent implementations cannot change the support."""
    runs = [r for r in _iht_runs() if (r[0].startswith("the diabetes") == (which == "diabetes"))]
    for _, X, y, n_iter, step in runs:
        w = np.zeros(X.shape[1])
        for _ in range(n_iter):
            v = w + step * X.T @ (y - X @ w)
            a = np.sort(np.abs(v))[::-1]
            assert (a[2] - a[3]) / a[0] > 1e-3
            w = hard_threshold(v, k=3)


def _gradient_descent(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = w + step * X.T @ (y - X @ w)
    return w


def _threshold_first(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w, k=k)
        w = w + step * X.T @ (y - X @ w)
    return w


def _signed(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        v = w + step * X.T @ (y - X @ w)
        keep = np.argsort(-v)[:k]  # largest values, not largest magnitudes
        w = np.zeros_like(v)
        w[keep] = v[keep]
    return w


def _wrong_sign(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w - step * X.T @ (y - X @ w), k=k)
    return w


def _one_too_many(X, y, k, n_iter, step):
    return my_iht(X, y, k, n_iter + 1, step)


def _fixed_300(X, y, k, n_iter, step):
    return my_iht(X, y, k, 300, step)


def _fixed_20(X, y, k, n_iter, step):
    return my_iht(X, y, k, 20, step)


def _factor_two(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w + step * 2 * X.T @ (y - X @ w), k=k)
    return w


def _mean_gradient(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w + step * X.T @ (y - X @ w) / len(y), k=k)
    return w


def _own_step(X, y, k, n_iter, step):
    return my_iht(X, y, k, n_iter, 1 / np.linalg.norm(X, 2) ** 2)


def _screening(X, y, k, n_iter, step):
    cols = np.argsort(-np.abs(X.T @ y))[:k]
    w = np.zeros(X.shape[1])
    w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
    return w


def _truncated_ols_refit(X, y, k, n_iter, step):
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    cols = np.argsort(-np.abs(ols))[:k]
    w = np.zeros(X.shape[1])
    w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
    return w


def _threshold_ols(X, y, k, n_iter, step):
    return hard_threshold(np.linalg.lstsq(X, y, rcond=None)[0], k=k)


def _debiased(X, y, k, n_iter, step):
    w = my_iht(X, y, k, n_iter, step)
    cols = np.flatnonzero(w)
    w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
    return w


def _forgot_return(X, y, k, n_iter, step):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        w = hard_threshold(w + step * X.T @ (y - X @ w), k=k)


def _overflowing(X, y, k, n_iter, step):
    w = my_iht(X, y, k, n_iter, step)
    w[np.flatnonzero(w)[0]] = np.inf
    return w


def _in_place(X, y, k, n_iter, step):
    X *= 1.0 + 1e-9
    return my_iht(X, y, k, n_iter, step)


def _wrong_shape(X, y, k, n_iter, step):
    return my_iht(X, y, k, n_iter, step)[:k]


def _column(X, y, k, n_iter, step):
    return my_iht(X, y, k, n_iter, step)[:, None]


def _crashes(X, y, k, n_iter, step):
    return hard_threshold(X @ y, k=k)  # shapes do not match


@pytest.mark.parametrize(
    "func, fragment",
    [
        (_gradient_descent, "not followed by thresholding"),
        (_threshold_first, "not followed by thresholding"),
        (_signed, "*signed*"),
        (_wrong_sign, "wrong direction"),
        (_one_too_many, "after 2 updates instead of n_iter = 1"),
        (_fixed_300, "either your loop runs more updates than n_iter = 1"),
        (_fixed_20, "after 20 updates, not after n_iter = 1: your function seems to ignore n_iter"),
        (_factor_two, "twice as large"),
        (_mean_gradient, "n = 40 times smaller"),
        (_own_step, "a step size you chose yourself"),
        (_screening, "most correlated with y"),
        (_debiased, "most correlated with y"),  # after one update the support is the screening support
        (_truncated_ols_refit, "the features with the 3 largest coefficients of the full least-squares fit. Truncating"),
        (_threshold_ols, "Thresholding once, at the end"),
        (_forgot_return, "returned None"),
        (_overflowing, "inf or NaN"),
        (_in_place, "changed X or y in place"),
        (_wrong_shape, "one coefficient per column"),
        (_column, "a column"),
        (_crashes, "raised ValueError"),
    ],
)
def test_03_3_wrong_answers_get_specific_feedback(func, fragment):
    status, message = status_and_message("03.3", func)
    assert status == "not yet"
    assert fragment in message, message
    assert "n_iter=1, step=0.005" in message  # the first call already tells these apart


def test_03_3_later_runs_tell_the_threshold_slips_apart():
    def late(slip):  # right for n_iter = 1, wrong from then on
        return lambda X, y, k, n_iter, step: my_iht(X, y, k, n_iter, step) if n_iter == 1 else slip(X, y, k, n_iter, step)

    assert "plain gradient-descent steps" in evaluate("03.3", late(_gradient_descent)).message
    assert "thresholds first" in evaluate("03.3", late(_threshold_first)).message
    assert "n_iter=3, step=0.005" in evaluate("03.3", late(_threshold_first)).message


def test_03_3_refit_after_several_updates_is_named():
    def debiased_late(X, y, k, n_iter, step):  # right for n_iter = 1 and 3, refits from then on
        w = my_iht(X, y, k, n_iter, step)
        if n_iter >= 10:
            cols = np.flatnonzero(w)
            w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
        return w

    status, message = status_and_message("03.3", debiased_late)
    assert status == "not yet" and "or you refit on the support at the end" in message, message
    assert "n_iter=10, step=1/||X||_2²" in message

    def refit_each_time(X, y, k, n_iter, step):  # hard thresholding pursuit: a refit after every update
        w = np.zeros(X.shape[1])
        for t in range(n_iter):
            w = hard_threshold(w + step * X.T @ (y - X @ w), k=k)
            if t >= 1:
                cols = np.flatnonzero(w)
                w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
        return w

    status, message = status_and_message("03.3", refit_each_time)
    assert status == "not yet" and "Do not refit on the support" in message, message


def test_03_3_unknown_mistakes_get_the_generic_message():
    def starts_elsewhere(X, y, k, n_iter, step):
        w = hard_threshold(np.ones(X.shape[1]), k=k)
        for _ in range(n_iter):
            w = hard_threshold(w + step * X.T @ (y - X @ w), k=k)
        return w

    status, message = status_and_message("03.3", starts_elsewhere)
    assert status == "not yet" and "which is not the IHT iterate" in message, message


def test_03_3_shortcuts_would_have_passed_on_diabetes_alone():
    """Why the checker needs the test problem: on the diabetes data screening finds the best 3-subset."""
    from normlab.linear import best_subset

    X, y = _diabetes_centered()
    screening = set(np.argsort(-np.abs(X.T @ y))[:3].tolist())
    assert screening == set(best_subset(X, y, 3).support.tolist())


def test_03_3_feedback_is_the_same_every_run():
    assert evaluate("03.3", _fixed_300).message == evaluate("03.3", _fixed_300).message
