"""Tests for normlab.robust: worst-case perturbations, FGSM and exact certificates for linear models.

The certificates are checked against brute force (every vertex of the L-inf and L1 balls in low
dimension, random search in any ball), against the perturbation that attains them, and against
scikit-learn's own predictions at eps = 0.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal

from normlab import robust
from normlab.geometry import steepest_direction
from normlab.norms import dual_norm, dual_order
from normlab.robust import (
    certified_accuracy_linear,
    certified_radius_linear,
    fgsm,
    linear_robust_margins,
    worst_case_perturbation,
)

DETERMINISTIC = settings(deadline=None, derandomize=True, max_examples=40)
ORDS = [1, 1.5, 2, 3, np.inf]
SEED = 2024

n = st.shared(st.integers(1, 6), key="n")
coords = st.floats(-100, 100, allow_nan=False, allow_subnormal=False)
vectors = arrays(np.float64, n, elements=coords)


def _problem(K=3, d=3, n_points=20, rng=SEED):
    """A small random linear classifier and inputs, labelled by a mix of its own predictions."""
    gen = np.random.default_rng(rng)
    W = gen.normal(size=(K, d))
    b = gen.normal(scale=0.5, size=K)
    X = gen.normal(size=(n_points, d))
    y = np.argmax(X @ W.T + b, axis=1)
    flip = gen.random(n_points) < 0.25  # some misclassified points too
    y[flip] = (y[flip] + 1) % K
    return W, b, X, y


def _ball_samples(d, eps, p, n_samples, rng):
    """Random points of the closed `p`-ball of radius eps (interior and boundary)."""
    gen = np.random.default_rng(rng)
    U = gen.normal(size=(n_samples, d)) * gen.exponential(size=(n_samples, d)) ** 2  # varied shapes
    U /= np.linalg.norm(U, ord=p, axis=1, keepdims=True)
    return eps * U * gen.random((n_samples, 1)) ** 0.25


def test_robust_all_names_have_examples():
    for name in robust.__all__:
        doc = getattr(robust, name).__doc__
        assert doc and "Examples\n    --------" in doc, name


# ---------------------------------------------------------------------------
# worst_case_perturbation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("p", ORDS)
def test_worst_case_perturbation_matches_steepest_direction_and_dual_norm(p):
    w = np.random.default_rng(SEED).normal(size=7)
    delta = worst_case_perturbation(w, 0.3, ord=p)
    assert_allclose(delta, 0.3 * steepest_direction(w, ord=p), rtol=1e-15)
    assert np.linalg.norm(delta, ord=p) <= 0.3 * (1 + 1e-12)
    assert_allclose(w @ delta, 0.3 * dual_norm(w, ord=p), rtol=1e-12)


def test_worst_case_perturbation_linf_is_eps_sign_and_gains_eps_l1():  # lesson 06
    w = np.array([1.5, -0.2, 0.0, 3.0])
    delta = worst_case_perturbation(w, 8 / 255)
    assert_array_equal(delta, 8 / 255 * np.sign(w))
    assert_allclose(w @ delta, 8 / 255 * np.abs(w).sum(), rtol=1e-15)


@pytest.mark.parametrize("d", [1, 2, 3, 5])
def test_worst_case_perturbation_beats_every_vertex_of_the_linf_ball(d):
    """A linear function's max over the box is at a vertex: enumerate all 2^d of them."""
    gen = np.random.default_rng(d)
    for _ in range(20):
        w = gen.normal(size=d)
        eps = 0.7
        vertices = eps * np.array(list(itertools.product([-1.0, 1.0], repeat=d)))
        best = np.max(vertices @ w)
        assert_allclose(w @ worst_case_perturbation(w, eps), best, rtol=1e-12)


@pytest.mark.parametrize("p", ORDS)
def test_worst_case_perturbation_random_search_never_beats_it(p):
    gen = np.random.default_rng(SEED)
    w = gen.normal(size=4)
    samples = _ball_samples(4, 0.5, p, 20_000, SEED)
    gain = w @ worst_case_perturbation(w, 0.5, ord=p)
    assert np.max(samples @ w) <= gain * (1 + 1e-12)
    assert np.max(samples @ w) >= 0.8 * gain  # the search is not trivially weak


@DETERMINISTIC
@given(w=vectors, eps=st.floats(0, 10), p=st.sampled_from(ORDS))
def test_worst_case_perturbation_property_holder_is_attained(w, eps, p):
    delta = worst_case_perturbation(w, eps, ord=p)
    assert np.linalg.norm(delta, ord=p) <= eps * (1 + 1e-12) + 1e-300
    assert math.isclose(w @ delta, eps * float(dual_norm(w, ord=p)), rel_tol=1e-9, abs_tol=1e-9)


def test_worst_case_perturbation_edge_cases():
    assert_array_equal(worst_case_perturbation([0.0, 0.0], 0.5), [0.0, 0.0])
    assert_array_equal(worst_case_perturbation([1, -2], 0.0), [0.0, -0.0])
    assert worst_case_perturbation([1, 2], 1.0).dtype == np.float64  # integers become float64
    assert np.isnan(worst_case_perturbation([np.nan, 1.0], 1.0)[0])


@pytest.mark.parametrize(
    "args, kwargs, exc",
    [
        (([1.0, 2.0], -0.1), {}, ValueError),
        (([1.0, 2.0], np.inf), {}, ValueError),
        (([1.0, 2.0], 0.1), {"ord": 0.5}, ValueError),
        (([[1.0, 2.0]], 0.1), {}, ValueError),
        (([], 0.1), {}, ValueError),
        ((["a", "b"], 0.1), {}, TypeError),
        (([1.0, 2.0], "0.1"), {}, TypeError),
        (([1 + 1j, 2.0], 0.1), {}, TypeError),
    ],
)
def test_worst_case_perturbation_bad_input(args, kwargs, exc):
    with pytest.raises(exc, match="worst_case_perturbation"):
        worst_case_perturbation(*args, **kwargs)


# ---------------------------------------------------------------------------
# fgsm
# ---------------------------------------------------------------------------


def test_fgsm_linf_is_sign_step_then_clip():
    gen = np.random.default_rng(SEED)
    x, g = gen.random((5, 8)), gen.normal(size=(5, 8))
    assert_array_equal(fgsm(g, x, 0.1), np.clip(x + 0.1 * np.sign(g), 0, 1))
    assert_array_equal(fgsm(g, x, 0.1, clip=None), x + 0.1 * np.sign(g))
    assert_array_equal(fgsm(g, x, 0.1, clip=(0.2, 0.8)), np.clip(x + 0.1 * np.sign(g), 0.2, 0.8))


@pytest.mark.parametrize("p", ORDS)
def test_fgsm_rows_are_independent_balls(p):
    gen = np.random.default_rng(SEED)
    x, g = gen.random((4, 6)), gen.normal(size=(4, 6))
    batch = fgsm(g, x, 0.2, ord=p, clip=None)
    for i in range(4):
        assert_allclose(batch[i], fgsm(g[i], x[i], 0.2, ord=p, clip=None), rtol=1e-15)
        assert_allclose(batch[i] - x[i], worst_case_perturbation(g[i], 0.2, ord=p), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("p", ORDS)
def test_fgsm_clipping_only_shrinks_the_attack(p):
    """Inside the box, clipping keeps each sign, shrinks |delta_i|, and lowers a linear gain."""
    gen = np.random.default_rng(SEED)
    x, g = gen.random((50, 10)) ** 3, gen.normal(size=(50, 10))  # many pixels near 0
    free = fgsm(g, x, 0.3, ord=p, clip=None) - x
    boxed = fgsm(g, x, 0.3, ord=p) - x
    assert np.all(np.abs(boxed) <= np.abs(free) + 1e-15)
    assert np.all(boxed * free >= 0)
    assert np.all(np.linalg.norm(boxed, ord=p, axis=1) <= 0.3 * (1 + 1e-12))
    assert np.all(np.sum(g * boxed, axis=1) <= np.sum(g * free, axis=1) + 1e-12)
    assert np.any(np.sum(g * boxed, axis=1) < np.sum(g * free, axis=1) - 1e-3)  # and it does bite


def test_fgsm_linf_is_the_exact_worst_case_of_a_linear_score_in_ball_and_box():
    """For ord=inf the clipped sign step maximizes <g, delta> over the eps-ball intersected with the box
    (checked against scipy's LP solver); lesson 06 uses this for exact box-constrained robust accuracy."""
    from scipy.optimize import linprog

    gen = np.random.default_rng(SEED)
    x, g = gen.random((20, 8)) ** 3, gen.normal(size=(20, 8))
    x[:, 0], g[:, 1] = 1.0, 0.0  # pixels at the top of the box, and a zero gradient entry
    for eps in (0.05, 0.3):
        gains = np.sum(g * (fgsm(g, x, eps) - x), axis=1)
        for i in range(len(x)):
            bounds = list(zip(np.maximum(0.0, x[i] - eps) - x[i], np.minimum(1.0, x[i] + eps) - x[i]))
            best = -linprog(-g[i], bounds=bounds, method="highs").fun
            assert math.isclose(gains[i], best, rel_tol=1e-9, abs_tol=1e-12)
    # a box with lo > 0 as well
    lo_hi = (0.2, 0.8)
    xs = gen.uniform(0.2, 0.8, size=8)
    step = fgsm(g[0], xs, 0.3, clip=lo_hi) - xs
    bounds = list(zip(np.maximum(0.2, xs - 0.3) - xs, np.minimum(0.8, xs + 0.3) - xs))
    assert math.isclose(g[0] @ step, -linprog(-g[0], bounds=bounds, method="highs").fun, rel_tol=1e-9)


def test_fgsm_one_dimensional_and_eps_zero():
    x = np.array([0.2, 0.5])
    assert_array_equal(fgsm([1.0, -1.0], x, 0.0), x)
    assert fgsm([1, -1], [0, 1], 0.5).dtype == np.float64


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (([1.0, 2.0], [0.5], 0.1), {}),
        (([1.0, 2.0], [0.5, 0.5], -0.1), {}),
        (([1.0, 2.0], [0.5, 0.5], 0.1), {"clip": (1.0, 0.0)}),
        (([1.0, 2.0], [0.5, 0.5], 0.1), {"clip": 1.0}),
        (([1.0, 2.0], [0.5, 0.5], 0.1), {"ord": 0}),
        ((np.ones((2, 2, 2)), np.ones((2, 2, 2)), 0.1), {}),
    ],
)
def test_fgsm_bad_input(args, kwargs):
    with pytest.raises(ValueError, match="fgsm"):
        fgsm(*args, **kwargs)


# ---------------------------------------------------------------------------
# linear_robust_margins
# ---------------------------------------------------------------------------


def test_linear_robust_margins_at_eps_zero_are_score_gaps():
    W, b, X, y = _problem()
    margins = linear_robust_margins(W, b, X, y, 0.0)
    Z = X @ W.T + b
    rows = np.arange(len(y))
    assert margins.shape == (len(y), W.shape[0])
    assert np.all(np.isposinf(margins[rows, y]))
    other = ~np.isposinf(margins)
    assert_allclose(margins[other], (Z[rows, y][:, None] - Z)[other], rtol=1e-15)


@pytest.mark.parametrize("d", [1, 2, 3, 4])
def test_linear_robust_margins_match_every_vertex_of_the_linf_ball(d):
    W, b, X, y = _problem(K=4, d=d, n_points=15, rng=d)
    eps = 0.4
    vertices = eps * np.array(list(itertools.product([-1.0, 1.0], repeat=d)))  # (2^d, d)
    Z = (X[:, None, :] + vertices[None, :, :]) @ W.T + b  # (n, 2^d, K)
    rows = np.arange(len(y))
    brute = (Z[rows, :, y][:, :, None] - Z).min(axis=1)  # worst vertex for each class j
    got = linear_robust_margins(W, b, X, y, eps)
    mask = ~np.isposinf(got)
    assert_allclose(got[mask], brute[mask], rtol=1e-12, atol=1e-12)


def test_linear_robust_margins_match_every_vertex_of_the_l1_ball():
    W, b, X, y = _problem(K=3, d=4)
    eps = 0.6
    vertices = eps * np.vstack([np.eye(4), -np.eye(4)])
    Z = (X[:, None, :] + vertices[None, :, :]) @ W.T + b
    rows = np.arange(len(y))
    brute = (Z[rows, :, y][:, :, None] - Z).min(axis=1)
    got = linear_robust_margins(W, b, X, y, eps, ord=1)
    mask = ~np.isposinf(got)
    assert_allclose(got[mask], brute[mask], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("p", ORDS)
def test_linear_robust_margins_random_search_never_goes_lower(p):
    W, b, X, y = _problem(K=3, d=3, n_points=10)
    eps = 0.5
    samples = _ball_samples(3, eps, p, 4_000, SEED)
    Z = (X[:, None, :] + samples[None, :, :]) @ W.T + b
    rows = np.arange(len(y))
    searched = (Z[rows, :, y][:, :, None] - Z).min(axis=1)
    got = linear_robust_margins(W, b, X, y, eps, ord=p)
    mask = ~np.isposinf(got)
    assert np.all(searched[mask] >= got[mask] - 1e-12)


@pytest.mark.parametrize("p", ORDS)
def test_linear_robust_margins_are_attained_by_the_worst_case_perturbation(p):
    W, b, X, y = _problem(K=4, d=5)
    eps = 0.3
    got = linear_robust_margins(W, b, X, y, eps, ord=p)
    for i in range(len(y)):
        for j in range(W.shape[0]):
            if j == y[i]:
                continue
            delta = -worst_case_perturbation(W[y[i]] - W[j], eps, ord=p)
            z = (X[i] + delta) @ W.T + b
            assert math.isclose(z[y[i]] - z[j], got[i, j], rel_tol=1e-12, abs_tol=1e-12)


def test_linear_robust_margins_are_linear_in_eps():
    W, b, X, y = _problem()
    mask = ~np.isposinf(linear_robust_margins(W, b, X, y, 0.0))
    m0, m1, m2 = (linear_robust_margins(W, b, X, y, e, ord=2)[mask] for e in (0.0, 0.5, 1.0))
    assert_allclose(m0 - 2 * m1 + m2, 0.0, atol=1e-12)
    D = np.linalg.norm(W[y][:, None, :] - W[None, :, :], ord=dual_order(2), axis=-1)
    assert_allclose(m0 - m2, D[mask], rtol=1e-12)


def test_linear_robust_margins_binary_layout_matches_decision_function():
    sklearn = pytest.importorskip("sklearn")
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression

    X, y = make_classification(n_samples=120, n_features=5, random_state=0)
    model = LogisticRegression().fit(X, y)
    assert model.coef_.shape == (1, 5)
    margins = linear_robust_margins(model.coef_, model.intercept_, X, y, 0.0)
    f = model.decision_function(X)
    assert margins.shape == (120, 2)
    worst = margins.min(axis=1)
    assert_allclose(worst, np.where(y == 1, f, -f), rtol=1e-12, atol=1e-12)
    robust_m = linear_robust_margins(model.coef_, model.intercept_, X, y, 0.1)
    assert_allclose(worst - robust_m.min(axis=1), 0.1 * np.abs(model.coef_).sum(), rtol=1e-12)
    del sklearn


@pytest.mark.parametrize(
    "args, exc",
    [
        ((np.ones(3), np.zeros(1), np.ones((2, 3)), [0, 0], 0.1), ValueError),  # W 1-D
        ((np.ones((2, 3)), np.zeros(3), np.ones((2, 3)), [0, 1], 0.1), ValueError),  # b length
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 4)), [0, 1], 0.1), ValueError),  # features
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), [0, 2], 0.1), ValueError),  # label range
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), [0, -1], 0.1), ValueError),
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), [0], 0.1), ValueError),  # y length
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), [0.5, 1.0], 0.1), TypeError),  # not integers
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), ["a", "b"], 0.1), TypeError),
        ((np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), [0, 1], -0.1), ValueError),  # eps
        ((np.ones((2, 3)), np.zeros(2), np.ones(3), [0], 0.1), ValueError),  # X 1-D
    ],
)
def test_linear_robust_margins_bad_input(args, exc):
    with pytest.raises(exc, match="linear_robust_margins"):
        linear_robust_margins(*args)


def test_linear_robust_margins_bad_order():
    W, b, X, y = _problem()
    with pytest.raises(ValueError, match="ord"):
        linear_robust_margins(W, b, X, y, 0.1, ord=0.5)


def test_linear_robust_margins_float_labels_that_are_integers_are_accepted():
    W, b, X, y = _problem()
    assert_array_equal(linear_robust_margins(W, b, X, y.astype(float), 0.2), linear_robust_margins(W, b, X, y, 0.2))


# ---------------------------------------------------------------------------
# certified_accuracy_linear and certified_radius_linear
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def digits_model():
    pytest.importorskip("sklearn")
    from sklearn.datasets import load_digits
    from sklearn.linear_model import LogisticRegression

    X, y = load_digits(return_X_y=True)
    X = X[:600] / 16.0
    y = y[:600]
    model = LogisticRegression(max_iter=2000).fit(X[:400], y[:400])
    return model, X[400:], y[400:]


def test_certified_accuracy_at_eps_zero_matches_sklearn(digits_model):
    model, X, y = digits_model
    acc = certified_accuracy_linear(model.coef_, model.intercept_, X, y, 0.0)
    assert acc == model.score(X, y)
    assert np.array_equal(np.argmax(X @ model.coef_.T + model.intercept_, axis=1), model.predict(X))


def test_certified_accuracy_at_eps_zero_matches_sklearn_binary():
    pytest.importorskip("sklearn")
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression

    X, y = make_classification(n_samples=200, n_features=6, flip_y=0.1, random_state=1)
    model = LogisticRegression().fit(X[:100], y[:100])
    acc = certified_accuracy_linear(model.coef_, model.intercept_, X[100:], y[100:], 0.0)
    assert acc == model.score(X[100:], y[100:]) < 1.0


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_certified_accuracy_is_monotone_in_eps(digits_model, p):
    model, X, y = digits_model
    eps = [0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]
    accs = [certified_accuracy_linear(model.coef_, model.intercept_, X, y, e, ord=p) for e in eps]
    assert all(a >= b for a, b in zip(accs, accs[1:]))
    assert accs[0] > 0.8 and accs[-1] < accs[0]


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_certified_accuracy_equals_mean_radius_above_eps(digits_model, p):
    model, X, y = digits_model
    radii = certified_radius_linear(model.coef_, model.intercept_, X, y, ord=p)
    assert radii.shape == (len(y),) and np.all(radii >= 0)
    for eps in [0.0, 0.01, 0.05, 0.1]:
        acc = certified_accuracy_linear(model.coef_, model.intercept_, X, y, eps, ord=p)
        assert acc == np.mean(radii > eps)


def test_certified_accuracy_is_exact_every_uncertified_point_is_broken(digits_model):
    """Each point not certified at eps has a perturbation in the ball that changes or ties the top score."""
    model, X, y = digits_model
    W, b, eps = model.coef_, model.intercept_, 8 / 255
    margins = linear_robust_margins(W, b, X, y, eps)
    broken = 0
    for i in np.flatnonzero(margins.min(axis=1) <= 0):
        j = int(np.argmin(margins[i]))
        delta = -worst_case_perturbation(W[y[i]] - W[j], eps)
        assert np.max(np.abs(delta)) <= eps
        z = (X[i] + delta) @ W.T + b
        assert z[y[i]] - np.max(np.delete(z, y[i])) <= 1e-12
        broken += 1
    certified = certified_accuracy_linear(W, b, X, y, eps)
    assert broken == round((1 - certified) * len(y)) > 0


def test_certified_radius_is_the_threshold():
    W, b, X, y = _problem(K=3, d=4, n_points=30)
    radii = certified_radius_linear(W, b, X, y, ord=np.inf)
    for i, r in enumerate(radii):
        below = certified_accuracy_linear(W, b, X[i:i + 1], y[i:i + 1], r * (1 - 1e-9))
        at = certified_accuracy_linear(W, b, X[i:i + 1], y[i:i + 1], r * (1 + 1e-9))
        if r > 0:
            assert below == 1.0 and at == 0.0
        else:  # misclassified: never certified
            assert np.argmax(X[i] @ W.T + b) != y[i] and below == 0.0


def test_certified_radius_single_input_and_special_cases():
    W = np.array([[1.0, 0.0], [0.0, 1.0]])
    r = certified_radius_linear(W, np.zeros(2), [0.6, 0.4], 0)
    assert isinstance(r, float) and math.isclose(r, 0.1, rel_tol=1e-12)
    assert certified_radius_linear(W, np.zeros(2), [0.4, 0.6], 0) == 0.0  # misclassified
    assert certified_radius_linear(W, np.zeros(2), [0.5, 0.5], 0) == 0.0  # a tie is not certified
    same = np.array([[1.0, 2.0], [1.0, 2.0]])
    assert certified_radius_linear(same, np.array([1.0, 0.0]), [0.3, 0.3], 0) == math.inf
    assert math.isnan(certified_radius_linear(W, np.zeros(2), [np.nan, 0.4], 0))


def test_certified_radius_binary_is_distance_to_the_hyperplane():
    w, b = np.array([[3.0, -4.0]]), np.array([1.0])
    x = np.array([2.0, 0.5])  # score 3*2 - 4*0.5 + 1 = 5 > 0: class 1
    assert math.isclose(certified_radius_linear(w, b, x, 1, ord=2), 5 / 5, rel_tol=1e-12)
    assert math.isclose(certified_radius_linear(w, b, x, 1, ord=np.inf), 5 / 7, rel_tol=1e-12)
    assert math.isclose(certified_radius_linear(w, b, x, 1, ord=1), 5 / 4, rel_tol=1e-12)
    assert certified_radius_linear(w, b, x, 0) == 0.0


def test_certified_accuracy_bad_input():
    W, b, X, y = _problem()
    with pytest.raises(ValueError, match="certified_accuracy_linear"):
        certified_accuracy_linear(W, b, X[:0], y[:0], 0.1)
    with pytest.raises(ValueError, match="certified_accuracy_linear"):
        certified_accuracy_linear(W, b, X, y, -1.0)
    with pytest.raises(ValueError, match="certified_radius_linear"):
        certified_radius_linear(W, b, X[0], [0, 1])
    with pytest.raises(ValueError, match="certified_radius_linear"):
        certified_radius_linear(W, b, X, y[:3])
