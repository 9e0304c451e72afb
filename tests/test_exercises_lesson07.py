"""Checkers of lesson 07: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import Lasso, lars_path, lasso_path

import normlab as nl
from normlab.exercises import evaluate, exercise_ids
from normlab.exercises import lesson07 as L


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson07_registers_three_exercises():
    assert exercise_ids("07") == ["07.1", "07.2", "07.3"]


@pytest.mark.parametrize("exercise_id", ["07.1", "07.2", "07.3"])
def test_lesson07_placeholder_and_hints(exercise_id):
    assert evaluate(exercise_id, ...).status == "not attempted yet"
    for level in (1, 2, 3):
        assert nl.exercises.get_exercise(exercise_id).hint(level).startswith(f"Exercise {exercise_id} · hint")


def test_lesson07_feedback_is_the_same_every_run():
    for exercise_id, answer in [("07.1", ["bmi"] * 10), ("07.2", lambda X, y: 1.0), ("07.3", (0.1, 0.2, 0.1))]:
        assert str(evaluate(exercise_id, answer)) == str(evaluate(exercise_id, answer))


# --------------------------------------------------------------------------- 07.1
@pytest.fixture(scope="module")
def diabetes():
    return L._diabetes()


def _reference_entry(X, y, names):
    _, _, coefs = lars_path(X - X.mean(0), y - y.mean(), method="lasso")
    entry = []
    for column in coefs.T:
        for j in np.flatnonzero(column):
            if names[j] not in entry:
                entry.append(names[j])
    return entry


def test_07_1_reference_answer_passes(diabetes):
    entry = _reference_entry(*diabetes)
    assert entry == ["bmi", "s5", "bp", "s3", "sex", "s6", "s1", "s4", "s2", "age"]  # PLAN correction
    assert evaluate("07.1", entry).ok
    assert evaluate("07.1", tuple(np.array(entry))).ok  # tuples and NumPy strings are fine


def test_07_1_lars_active_list_is_explained(diabetes):
    X, y, names = diabetes
    active = [names[j] for j in lars_path(X - X.mean(0), y - y.mean(), method="lasso")[1]]
    status, message = status_and_message("07.1", active)
    assert status == "not yet" and "ends with s3" in message and "`active`" in message


def test_07_1_typical_mistakes(diabetes):
    X, y, names = diabetes
    entry = _reference_entry(X, y, names)
    status, message = status_and_message("07.1", entry[::-1])
    assert status == "not yet" and "reverse" in message
    by_corr = [names[j] for j in np.argsort(-np.abs(X.T @ (y - y.mean())), kind="stable")]
    assert "correlation" in status_and_message("07.1", by_corr)[1]
    assert "indices" in status_and_message("07.1", list(range(10)))[1]
    assert "more than once" in status_and_message("07.1", ["bmi"] * 10)[1]
    assert "all 10 features" in status_and_message("07.1", entry[:4])[1]
    assert "not a diabetes feature" in status_and_message("07.1", ["BMI"] + entry[1:])[1]
    swapped = entry[:5] + [entry[6], entry[5]] + entry[7:]
    status, message = status_and_message("07.1", swapped)
    assert status == "not yet" and "first 5 features" in message and "'s1'" in message
    assert "list of feature names" in status_and_message("07.1", "bmi s5 bp")[1]


# --------------------------------------------------------------------------- 07.2
def my_lambda_max(X, y):
    return np.max(np.abs((X - X.mean(axis=0)).T @ (y - y.mean()))) / X.shape[0]


def test_07_2_reference_answer_passes(diabetes):
    X, y, _ = diabetes
    assert abs(my_lambda_max(X, y) - lasso_path(X, y, **nl.compat.path_alphas(3))[0][0]) < 1e-6
    assert abs(my_lambda_max(X, y) - 45.160030) < 1e-6  # PLAN correction
    fb = evaluate("07.2", my_lambda_max)
    assert fb.ok and "(with intercept)" in fb.message and "relative 1e-6" in fb.message
    assert evaluate("07.2", nl.linear.lambda_max).ok
    # a NumPy 0-d or 1-element array is one number too
    assert evaluate("07.2", lambda X, y: np.array([my_lambda_max(X, y)])).ok


def test_07_2_global_n_on_the_second_problem():
    # n = 442 from the diabetes data passes there, but not on the 80-row problem
    status, message = status_and_message(
        "07.2", lambda X, y: np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / 442)
    assert status == "not yet" and "80 rows" in message and "by 442" in message


@pytest.mark.parametrize(
    "func, words",
    [
        (lambda X, y: np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))), ["n = 442 times", "1/(2n)"]),
        (lambda X, y: np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / (2 * len(y)), ["half"]),
        (lambda X, y: np.max(np.abs(X.T @ y)) / len(y), ["raw data", "Center"]),  # forgot to center
        # wrapping lasso_path: it fits no intercept, so on uncentered data it is the same mistake
        (lambda X, y: lasso_path(X, y, **nl.compat.path_alphas(3))[0][0], ["lasso_path fits no intercept"]),
        # a Pearson correlation, from reading "correlation" literally
        (lambda X, y: np.max(np.abs([np.corrcoef(x, y)[0, 1] for x in X.T])),
         ["correlation coefficient", "inner product"]),
        # np.cov divides by n - 1
        (lambda X, y: np.max(np.abs([np.cov(x, y)[0, 1] for x in X.T])), ["n - 1 = 441", "1/n"]),
        # a global n from elsewhere in the notebook (the sheet's 07.3 cell defines n = 569)
        (lambda X, y: np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / 569, ["by 569", "X.shape[0]"]),
        (lambda X, y: np.max((X - X.mean(0)).T @ (y - y.mean())) / len(y), ["without absolute values"]),
        (lambda X, y: np.linalg.norm((X - X.mean(0)).T @ (y - y.mean())) / len(y), ["L2 norm", "L∞"]),
        (lambda X, y: np.max(np.abs(((X - X.mean(0)) / X.std(0)).T @ (y - y.mean()))) / len(y),
         ["standardized"]),
        (lambda X, y: (X - X.mean(0)).T @ (y - y.mean()) / len(y), ["one number"]),
        (lambda X, y: 1 / 0, ["raised ZeroDivisionError"]),
    ],
)
def test_07_2_typical_mistakes(func, words):
    status, message = status_and_message("07.2", func)
    assert status == "not yet"
    for word in words:
        assert word in message


def test_07_2_bisection_is_recognised(diabetes):
    def bisection(X, y):
        lo, hi = 0.0, 100.0
        for _ in range(40):
            mid = (lo + hi) / 2
            if np.any(Lasso(alpha=mid).fit(X, y).coef_ != 0):
                lo = mid
            else:
                hi = mid
        return hi

    X, y, _ = diabetes
    assert 0.3 < my_lambda_max(X, y) - bisection(X, y) < 0.7  # PLAN: off by up to 0.64
    status, message = status_and_message("07.2", bisection)
    assert status == "not yet" and "Bisection" in message and "duality gap" in message


# --------------------------------------------------------------------------- 07.3
def _bootstrap(model, X, y, seed=L.SEED_073, n_boot=L.N_BOOT_073):
    gen = np.random.default_rng(seed)
    selected = []
    for _ in range(n_boot):
        idx = gen.integers(0, len(y), size=len(y))
        selected.append(np.abs(clone(model).fit(X[idx], y[idx]).coef_.ravel()) > 1e-8)
    selected = np.array(selected)
    return selected[:, 0].mean(), selected[:, 1].mean(), np.mean(selected[:, 0] ^ selected[:, 1])


@pytest.fixture(scope="module")
def cancer():
    return L._breast_cancer_073()


def test_07_3_reference_answer_passes(cancer):
    X, y = cancer
    model = nl.compat.logistic("l1", C=0.05, solver="liblinear", intercept_scaling=100, tol=1e-6, random_state=0)
    answer = _bootstrap(model, X, y)
    assert 0.3 < answer[0] < 0.9 and 0.3 < answer[1] < 0.9 and answer[2] >= 0.6  # a genuine flip
    assert evaluate("07.3", answer).ok
    assert evaluate("07.3", tuple(np.array([v]) for v in answer)).ok  # 1-element arrays are numbers
    freq, selected = nl.linear.selection_stability(model, X, y, 30, rng=0, return_selected=True)
    assert evaluate("07.3", (freq[0], freq[1], np.mean(selected[:, 0] ^ selected[:, 1]))).ok


def test_07_3_typical_mistakes(cancer):
    X, y = cancer
    model = nl.compat.logistic("l1", C=0.05, solver="liblinear", intercept_scaling=100, tol=1e-6, random_state=0)
    f_r, f_p, one = _bootstrap(model, X, y)
    # counts instead of fractions
    assert "counts" in status_and_message("07.3", (round(30 * f_r), round(30 * f_p), round(30 * one)))[1]
    # no resampling: the full data 30 times
    full = np.abs(clone(model).fit(X, y).coef_.ravel()) > 1e-8
    status, message = status_and_message("07.3", (float(full[0]), float(full[1]), float(full[0] ^ full[1])))
    assert status == "not yet" and "fresh bootstrap sample" in message
    # an L2 penalty (or no exact zeros at all)
    assert "no coefficient is ever" in status_and_message("07.3", (1.0, 1.0, 0.0))[1]
    # a loose solver tolerance
    loose = nl.compat.logistic("l1", C=0.05, solver="liblinear", intercept_scaling=100, tol=1e-4, random_state=0)
    status, message = status_and_message("07.3", _bootstrap(loose, X, y))
    assert status == "not yet" and "tol=1e-6" in message and "stopped early" in message
    # "both" (and) instead of "exactly one" (xor)
    both = (f_r + f_p - one) / 2
    status, message = status_and_message("07.3", (f_r, f_p, both))
    assert status == "not yet" and "both features" in message and "exclusive or" in message
    assert "tol=1e-6" not in message
    # the two frequencies swapped: 0.067 apart, so only a tight tolerance catches it
    assert abs(f_r - f_p) > L._TOL_073
    status, message = status_and_message("07.3", (f_p, f_r, one))
    assert status == "not yet" and "swapped" in message
    # inconsistent triple
    assert "cannot come from the same fits" in status_and_message("07.3", (0.9, 0.9, 0.5))[1]
    # another seed: a different set of samples
    status, message = status_and_message("07.3", (0.2, 0.95, 0.75))
    assert status == "not yet" and "default_rng(0)" in message
    assert "one tuple" in status_and_message("07.3", (f_r, f_p))[1]
    assert "fraction between 0 and 1" in status_and_message("07.3", (-0.1, 0.5, 0.5))[1]
