"""Checkers of lesson 11: reference answers pass, placeholders are "not attempted yet",
and the typical wrong answers get their specific message."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from normlab.exercises import evaluate, exercise_ids, get_exercise
from normlab.exercises import lesson11


def status_and_message(exercise_id, answer):
    fb = evaluate(exercise_id, answer)
    return fb.status, fb.message


def test_lesson11_registers_three_exercises():
    assert exercise_ids("11") == ["11.1", "11.2", "11.3"]
    for k in ("11.1", "11.2", "11.3"):
        ex = get_exercise(k)
        assert len(ex.hints) == 3 and all(h.strip() for h in ex.hints)


# --------------------------------------------------------------------------- 11.1
V = np.array([2.0, -6.0, 3.0])
REFERENCE_11_1 = (V / 11, V / 7, V / 6)


def test_11_1_reference_answer_passes():
    assert evaluate("11.1", REFERENCE_11_1).ok
    assert evaluate("11.1", [list(V / 11), np.round(V / 7, 3), (V / 6).tolist()]).ok  # 3 decimals by hand


@pytest.mark.parametrize("answer", [..., (V / 11, ..., V / 6)])
def test_11_1_placeholder_is_not_attempted(answer):
    assert evaluate("11.1", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ((V / 7, V / 11, V / 6), "right ones, in the wrong order"),
        ((V / 11, V / 49, V / 6), "`u_l2` = [ 0.0408, -0.1224,  0.0612] is v divided by its squared L2 norm"),
        ((V / 11, V / 7, V / 3), "divided by its largest entry, max(v_i)"),
        ((-V, V / 7, V / 6), "plain sum of its entries"),
        ((np.abs(V) / 11, V / 7, V / 6), "lost the minus sign"),
        ((V / 7, V / 7, V / 6), "`u_l1` = [ 0.2857, -0.8571,  0.4286] is v divided by its L2 norm"),
        ((V / 11, V / 6, V / 6), "divided by its L∞ norm (the largest absolute value), so its L2 norm is"),
        ((V / 11, V / 7, V / 5), "points along v, but its L∞ norm is 1.2, not 1"),
        ((V / 11, V / 7, np.array([0.3, -1.0, 0.5])), "is not a multiple of v"),
        ((V / 11, V / 7, np.array([np.nan, 1, 1])), "contains NaN"),
        ((V / 11, V / 7), "three vectors as one tuple"),
        ((V / 11, V / 7, V[:2]), "`u_max` has shape (2,)"),
        ((np.round(V / 11, 2), V / 7, V / 6), "only to about two decimals"),
        ((V / 11, np.round(V / 7, 2), V / 6), "`u_l2` = [ 0.29, -0.86,  0.43] agrees with v divided by its L2 norm only"),
        ((11.0, 7.0, 6.0), "`u_l1` = 11 is a single number, perhaps a norm of v"),
        ((V / 11, np.float64(7.0), V / 6), "`u_l2` = 7 is a single number"),
        ((V / 11, "v / 7", V / 6), "`u_l2` should be a vector"),
    ],
)
def test_11_1_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("11.1", answer)
    assert status == "not yet"
    assert fragment in message, message
    assert not re.search(r"by (11|7|6)\b", message)  # never names the divisors' values


# --------------------------------------------------------------------------- 11.2
def reference_safe_normalize(x, eps=1e-12):
    return x / max(np.linalg.norm(x), eps)


def test_11_2_reference_answer_passes():
    assert evaluate("11.2", reference_safe_normalize).ok


def test_11_2_other_correct_forms_pass():
    def with_maximum(x, eps=1e-12):
        return x / np.maximum(np.sqrt(np.sum(x**2)), eps)

    def with_branch(x, eps=1e-12):
        n = float(np.linalg.norm(x))
        return x / n if n >= eps else x / eps

    def as_list(x, eps=1e-12):
        n = max(sum(t * t for t in x) ** 0.5, eps)
        return [t / n for t in x]

    for func in (with_maximum, with_branch, as_list):
        assert evaluate("11.2", func).ok, func.__name__


def test_11_2_checker_matches_torch_normalize():
    torch = pytest.importorskip("torch")
    for x, eps, _ in lesson11._SN_CASES:
        want = torch.nn.functional.normalize(torch.from_numpy(x), dim=0, eps=eps).numpy()
        np.testing.assert_allclose(lesson11._reference_safe_normalize(x, eps), want, rtol=1e-12, atol=0)

    def torch_answer(x, eps=1e-12):
        return torch.nn.functional.normalize(torch.from_numpy(np.asarray(x, dtype=float)), dim=0, eps=eps).numpy()

    assert evaluate("11.2", torch_answer).ok


def test_11_2_placeholder_is_not_attempted():
    assert evaluate("11.2", ...).status == "not attempted yet"

    def empty(x, eps=1e-12):
        ...

    assert evaluate("11.2", empty).status == "not attempted yet"


def _plain(x, eps=1e-12):
    return x / np.linalg.norm(x)


def _add_eps(x, eps=1e-12):
    return x / (np.linalg.norm(x) + eps)


def _where(x, eps=1e-12):
    n = np.linalg.norm(x)
    return np.where(n > 0, x / n, 0.0)


def _keep_tiny(x, eps=1e-12):
    n = np.linalg.norm(x)
    return x / n if n > eps else x


def _zero_tiny(x, eps=1e-12):
    n = np.linalg.norm(x)
    return x / n if n > eps else np.zeros_like(x)


def _unit_tiny(x, eps=1e-12):
    n = np.linalg.norm(x)
    return x / n if n > 0 else np.zeros_like(x)


def _l1(x, eps=1e-12):
    return x / max(np.sum(np.abs(x)), eps)


def _in_place(x, eps=1e-12):
    x /= max(np.linalg.norm(x), eps)
    return x


def _no_default(x, eps):
    return x / max(np.linalg.norm(x), eps)


def _crashes(x, eps=1e-12):
    return x / 0.0 if not x.any() else x / np.linalg.norm(x)


def _scalar(x, eps=1e-12):
    return float(np.linalg.norm(x))


@pytest.mark.parametrize(
    "func, fragment",
    [
        (_plain, "you returned nan for the zero vector"),
        (_where, "NumPy warned (RuntimeWarning: invalid value encountered in divide)"),
        (_add_eps, "safe_normalize([3e-13, -4e-13], eps=1e-12) returned [0.2, -0.2667]: for a tiny vector "
                   "(norm 5e-13, below eps) you used add-ε, x / (‖x‖ + ε), not the clamp"),
        (_keep_tiny, "returned the tiny vector (norm 5e-13, below eps) unchanged"),
        (_zero_tiny, "you returned zeros for a tiny vector that is not zero"),
        (_unit_tiny, "you returned a unit vector, which is plain division"),
        (_l1, "you divided by the L1 norm of x"),
        (_in_place, "changed its input x in place"),
        (_no_default, "missing 1 required positional argument"),
        (_crashes, "you returned nan for the zero vector"),
        (_scalar, "an array of shape (), but x has shape (2,)"),
    ],
)
def test_11_2_wrong_answers_get_specific_feedback(func, fragment):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the checker records learners' warnings; none may escape
        status, message = status_and_message("11.2", func)
    assert status == "not yet"
    assert fragment in message, message


def test_11_2_add_eps_on_normal_vectors_is_caught():
    def add_eps_only_when_long(x, eps=1e-12):  # clamp below eps, add-eps above: still biased
        n = np.linalg.norm(x)
        return x / eps if n < eps else x / (n + eps)

    status, message = status_and_message("11.2", add_eps_only_when_long)
    assert status == "not yet"
    assert "safe_normalize([3, -4], eps=0.1) returned [0.5882, -0.7843]: its L2 length is 0.9804" in message


# --------------------------------------------------------------------------- 11.3
REFERENCE_11_3 = ("standardize", "normalize-l2", "normalize-l1", 0.9493650793650794)


def test_11_3_reference_answer_passes():
    assert evaluate("11.3", REFERENCE_11_3).ok
    assert evaluate("11.3", ["Standardize ", "normalize-l2", "NORMALIZE-L1", np.float64(0.945)]).ok


def test_11_3_knn_constant_matches_a_live_computation():
    from sklearn.datasets import load_wine
    from sklearn.model_selection import cross_val_score
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_wine(return_X_y=True)
    pipe = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5))
    live = cross_val_score(pipe, X, y, cv=5).mean()
    assert abs(live - lesson11.KNN_STANDARD) < 1e-3  # PLAN.md pilot: 0.949 with cv=5


@pytest.mark.parametrize("answer", [..., ("standardize", ..., "normalize-l1", 0.95), REFERENCE_11_3[:3] + (...,)])
def test_11_3_placeholder_is_not_attempted(answer):
    assert evaluate("11.3", answer).status == "not attempted yet"


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (("normalize-l2", "normalize-l2", "normalize-l1", 0.949), "Scenario (a): Row normalization rescales each patient"),
        (("normalize-l2", "normalize-l2", "normalize-l1", 0.949), "as proline did for the wines"),
        (("none", "normalize-l2", "normalize-l1", 0.949), "Scenario (a): Without scaling"),
        (("standardize", "standardize", "normalize-l1", 0.949), "Scenario (b): Standardizing puts each word"),
        (("standardize", "normalize-l1", "normalize-l1", 0.949), "is not the cosine"),
        (("standardize", "normalize-l2", "normalize-l2", 0.949), "Scenario (c): An L2-normalized row"),
        (("standardize", "normalize-l2", "standardize", 0.949), "Scenario (c): Standardizing rescales each section"),
        (("standard", "normalize-l2", "normalize-l1", 0.949), "is not one of the options"),
        (("standardize", "normalize-l2", "normalize-l1", 0.6913), "the score on raw data"),
        (("standardize", "normalize-l2", "normalize-l1", 0.7816), "the score after Normalizer"),
        (("standardize", "normalize-l2", "normalize-l1", 0.9551), "the test folds leaked into the scaling"),
        (("standardize", "normalize-l2", "normalize-l1", 94.9), "not as a percentage"),
        (("standardize", "normalize-l2", "normalize-l1", 0.9667), "shuffled folds give other numbers"),
        (("standardize", "normalize-l2", "normalize-l1", "0.95"), "`knn_standard` should be a number"),
        (("standardize", "normalize-l2", "normalize-l1"), "four values as one tuple"),
    ],
)
def test_11_3_wrong_answers_get_specific_feedback(answer, fragment):
    status, message = status_and_message("11.3", answer)
    assert status == "not yet"
    assert fragment in message, message
    assert "0.949" not in message and "0.9494" not in message  # never reveals the expected score
