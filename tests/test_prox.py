"""Tests for normlab.prox: thresholding operators against brute force and scikit-learn."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from normlab.prox import hard_threshold, soft_threshold

GRID = np.linspace(-6.0, 6.0, 120_001)  # spacing 1e-4; contains 0 exactly
coords = st.integers(-50, 50).map(lambda i: i / 10)  # exact-ish values in [-5, 5]
vectors = arrays(np.float64, st.integers(1, 7), elements=coords)


# --------------------------------------------------------------------------- soft_threshold
@pytest.mark.parametrize("lam", [0.0, 0.3, 1.0, 2.5])
def test_soft_threshold_matches_bruteforce_prox_on_grid(lam):
    for v in [-4.2, -2.5, -1.0, -0.3, 0.0, 0.2, 0.9999, 1.7, 3.3]:
        objective = 0.5 * (GRID - v) ** 2 + lam * np.abs(GRID)
        z_grid = GRID[np.argmin(objective)]
        z = soft_threshold(np.array([v]), lam)[0]
        assert abs(z - z_grid) <= 1e-4  # the grid's spacing


def test_soft_threshold_matches_sklearn_lasso_orthonormal_design():
    from sklearn.linear_model import Lasso

    rng = np.random.default_rng(0)
    n, d = 60, 8
    Q, _ = np.linalg.qr(rng.standard_normal((n, d)))  # orthonormal columns: QᵀQ = I
    y = Q @ np.array([3.0, -2.0, 0.5, 0.0, -0.2, 1.2, 0.05, -4.0]) + 0.01 * rng.standard_normal(n)
    alpha = 0.01
    # sklearn minimizes 1/(2n)||y - Qw||² + alpha||w||₁ = 1/(2n)||w - Qᵀy||² + const + alpha||w||₁,
    # whose minimizer is the soft-threshold of Qᵀy at n·alpha.
    lasso = Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Q, y)
    expected = soft_threshold(Q.T @ y, n * alpha)
    np.testing.assert_allclose(lasso.coef_, expected, rtol=1e-8, atol=1e-10)
    assert np.array_equal(lasso.coef_ == 0, expected == 0)  # the same support, exactly


def test_soft_threshold_values_and_no_negative_zero():
    z = soft_threshold([3.0, -0.5, 1.0, -2.0, -1.0], 1.0)
    np.testing.assert_array_equal(z, [2.0, 0.0, 0.0, -1.0, 0.0])
    assert not np.signbit(z[[1, 2, 4]]).any()


def test_soft_threshold_dtypes():
    assert soft_threshold(np.array([1, -3]), 1).dtype == np.float64
    assert soft_threshold(np.array([1.0, -3.0], dtype=np.float32), 0.5).dtype == np.float32
    assert soft_threshold([True, False], 0.5).dtype == np.float64


def test_soft_threshold_keeps_shape_and_propagates_nan():
    x = np.arange(-6.0, 6.0).reshape(3, 4)
    assert soft_threshold(x, 1.0).shape == (3, 4)
    z = soft_threshold([np.nan, 2.0], 1.0)
    assert np.isnan(z[0]) and z[1] == 1.0


def test_soft_threshold_lam_zero_is_identity_copy():
    x = np.array([1.5, -2.0, 0.0])
    z = soft_threshold(x, 0.0)
    np.testing.assert_array_equal(z, x)
    assert z is not x


@given(x=vectors, lam=st.integers(0, 30).map(lambda i: i / 10))
def test_soft_threshold_satisfies_prox_optimality(x, lam):
    # z = prox(x) iff x - z is in lam * (subdifferential of |.| at z), entry by entry.
    z = soft_threshold(x, lam)
    r = x - z
    on = z != 0
    np.testing.assert_allclose(r[on], lam * np.sign(z[on]), atol=1e-12)
    assert np.all(np.abs(r[~on]) <= lam + 1e-12)


@pytest.mark.parametrize(
    "args, err",
    [
        (([1.0], -0.1), ValueError),
        (([1.0], np.nan), ValueError),
        (([1.0], np.inf), ValueError),
        (([1.0], "1"), TypeError),
        ((["a", "b"], 1.0), TypeError),
        (([1 + 1j], 1.0), TypeError),
    ],
)
def test_soft_threshold_rejects_bad_input(args, err):
    with pytest.raises(err, match="soft_threshold"):
        soft_threshold(*args)


# --------------------------------------------------------------------------- hard_threshold
def _bruteforce_l0_prox(x, lam):
    """min over supports S of 0.5*||x_{not S}||² + lam*|S| (z = x on S is optimal given S)."""
    d = len(x)
    best, best_val = None, np.inf
    for mask in itertools.product([False, True], repeat=d):
        mask = np.array(mask)
        val = 0.5 * np.sum(x[~mask] ** 2) + lam * mask.sum()
        if val < best_val - 1e-12:
            best, best_val = mask, val
    return np.where(best, x, 0.0), best_val


def _bruteforce_topk(x, k):
    d = len(x)
    best_val = np.inf
    for size in range(min(k, d) + 1):
        for S in itertools.combinations(range(d), size):
            z = np.zeros(d)
            z[list(S)] = x[list(S)]
            best_val = min(best_val, np.sum((x - z) ** 2))
    return best_val


@pytest.mark.parametrize("lam", [0.0, 0.08, 0.5, 1.3, 4.0])
def test_hard_threshold_lam_matches_bruteforce_prox(lam):
    rng = np.random.default_rng(1)
    for _ in range(30):
        x = rng.normal(scale=2.0, size=6)
        z = hard_threshold(x, lam=lam)
        _, best_val = _bruteforce_l0_prox(x, lam)
        val = 0.5 * np.sum((z - x) ** 2) + lam * np.count_nonzero(z)
        assert val == pytest.approx(best_val, rel=1e-12, abs=1e-12)


def test_hard_threshold_lam_matches_bruteforce_on_scalar_grid():
    lam = 0.5  # threshold sqrt(2 * 0.5) = 1
    for v in [-2.3, -1.0001, -0.7, 0.0, 0.4, 0.9999, 1.0001, 3.0]:
        grid = np.append(GRID, v)  # the prox keeps v itself, so put it on the grid
        objective = 0.5 * (grid - v) ** 2 + lam * (grid != 0)
        z_grid = grid[np.argmin(objective)]
        assert hard_threshold([v], lam=lam)[0] == pytest.approx(z_grid, abs=1e-12)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5, 6, 9])
def test_hard_threshold_k_matches_bruteforce_projection(k):
    rng = np.random.default_rng(2)
    for _ in range(20):
        x = rng.normal(size=6)
        z = hard_threshold(x, k=k)
        assert np.count_nonzero(z) == min(k, 6)
        assert np.sum((x - z) ** 2) == pytest.approx(_bruteforce_topk(x, k), abs=1e-12)
        assert np.all((z == 0) | (z == x))  # kept entries are unchanged


def test_hard_threshold_ties_documented():
    assert hard_threshold([1.0, -1.0, 1.0], k=2).tolist() == [1.0, -1.0, 0.0]  # earlier wins
    assert hard_threshold([2.0, 1.0, -2.0, 1.0], k=3).tolist() == [2.0, 1.0, -2.0, 0.0]
    # |x| = sqrt(2 lam) exactly: keep and kill tie; the function kills.
    assert hard_threshold([1.0, -1.0, 1.5], lam=0.5).tolist() == [0.0, 0.0, 1.5]


def test_hard_threshold_k_is_global_over_array():
    x = np.array([[5.0, 0.1], [-3.0, 4.0]])
    np.testing.assert_array_equal(hard_threshold(x, k=2), [[5.0, 0.0], [0.0, 4.0]])


def test_hard_threshold_k_counts_with_zeros_and_large_k():
    x = np.array([0.0, 2.0, 0.0, -1.0])
    np.testing.assert_array_equal(hard_threshold(x, k=10), x)
    assert np.count_nonzero(hard_threshold(x, k=3)) == 2


def test_hard_threshold_dtypes_and_nan():
    assert hard_threshold(np.array([1, -3]), k=1).dtype == np.float64
    assert hard_threshold(np.array([1.0, -3.0], dtype=np.float32), lam=0.1).dtype == np.float32
    assert hard_threshold(np.array([1.0, -3.0], dtype=np.float32), k=1).dtype == np.float32
    z = hard_threshold([np.nan, 0.1, 3.0], lam=0.5)
    assert np.isnan(z[0]) and z[1] == 0.0 and z[2] == 3.0
    with pytest.raises(ValueError, match="NaN"):
        hard_threshold([np.nan, 1.0], k=1)


def test_hard_threshold_does_not_modify_input():
    x = np.array([3.0, -0.5, 1.0])
    hard_threshold(x, k=1)
    hard_threshold(x, lam=1.0)
    np.testing.assert_array_equal(x, [3.0, -0.5, 1.0])


@given(x=vectors, k=st.integers(0, 8))
def test_hard_threshold_k_keeps_largest(x, k):
    z = hard_threshold(x, k=k)
    kept = z != 0
    assert kept.sum() == min(k, np.count_nonzero(x))
    if kept.any() and (~kept).any():
        assert np.abs(x[kept]).min() >= np.abs(x[~kept]).max()


@pytest.mark.parametrize(
    "kwargs, err, match",
    [
        ({}, ValueError, "exactly one"),
        ({"k": 1, "lam": 0.5}, ValueError, "exactly one"),
        ({"k": -1}, ValueError, "at least 0"),
        ({"k": 1.5}, TypeError, "integer"),
        ({"k": True}, TypeError, "integer"),
        ({"lam": -0.5}, ValueError, "non-negative"),
        ({"lam": "0.5"}, TypeError, "real number"),
    ],
)
def test_hard_threshold_rejects_bad_arguments(kwargs, err, match):
    with pytest.raises(err, match=match):
        hard_threshold([1.0, 2.0], **kwargs)


def test_hard_threshold_rejects_bad_x():
    with pytest.raises(TypeError, match="hard_threshold"):
        hard_threshold(["a"], k=1)
    with pytest.raises(TypeError, match="real"):
        hard_threshold([1j], k=1)
    with pytest.raises(TypeError):
        hard_threshold([1.0, 2.0], 1)  # k and lam are keyword-only


def test_hard_threshold_regression_fortran_order_input():
    # code review: zeros_like kept Fortran order, so the top-k write went into a copy
    from normlab.prox import hard_threshold

    x = np.array([[1.0, 5.0], [3.0, 2.0]]).T
    np.testing.assert_array_equal(hard_threshold(x, k=2), [[0.0, 3.0], [5.0, 0.0]])
    np.testing.assert_array_equal(hard_threshold(np.asfortranarray(x), k=2), [[0.0, 3.0], [5.0, 0.0]])
