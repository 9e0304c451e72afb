"""normlab.losses against NumPy and SciPy: location estimates as minimizers of norm losses."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from normlab.losses import location_estimate

ORDERS = (0, 1, 2, np.inf)
ints = st.integers(-1000, 1000).map(float)  # exact values: sums and midpoints do not round
samples = arrays(np.float64, st.integers(1, 25), elements=ints)


def _loss(x, c, ord):
    r = np.abs(np.asarray(x, dtype=float) - c)
    if ord == 0:
        return float(np.count_nonzero(r))
    if ord == np.inf:
        return float(r.max())
    return float(np.sum(r**ord))


# --------------------------------------------------------------------------- references
@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_location_estimate_matches_numpy(seed, n):
    x = np.random.default_rng(seed).standard_normal(n) * 10
    assert location_estimate(x, 1) == np.median(x)
    assert_allclose(location_estimate(x, 2), np.mean(x), rtol=1e-12)
    assert_allclose(location_estimate(x, np.inf), (x.min() + x.max()) / 2, rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_location_estimate_mode_matches_scipy(seed):
    from scipy import stats

    x = np.random.default_rng(seed).integers(0, 6, size=40).astype(float)
    assert location_estimate(x, 0) == stats.mode(x).mode


@pytest.mark.parametrize("ord", [1, 2, np.inf])
@pytest.mark.parametrize("seed", range(3))
def test_location_estimate_matches_minimize_scalar(ord, seed):
    from scipy.optimize import minimize_scalar

    x = np.random.default_rng(seed).standard_normal(9) * 3  # odd n: every minimizer is unique
    res = minimize_scalar(lambda c: _loss(x, c, ord), bounds=(x.min(), x.max()), method="bounded",
                          options={"xatol": 1e-10})
    assert_allclose(location_estimate(x, ord), res.x, atol=1e-7)
    # the objective at our estimate is no worse than SciPy's
    assert _loss(x, location_estimate(x, ord), ord) <= res.fun * (1 + 1e-12) + 1e-12


def test_location_estimate_course_numbers():
    # lesson 04: median(1, 2, 2, 3, 100) = 2 against mean 21.6
    x = [1, 2, 2, 3, 100]
    assert [location_estimate(x, p) for p in ORDERS] == [2.0, 2.0, 21.6, 50.5]


# --------------------------------------------------------------------------- properties
@given(x=samples, c=ints, ord=st.sampled_from(ORDERS))
def test_location_estimate_minimizes_its_loss(x, c, ord):
    best = location_estimate(x, ord)
    assert _loss(x, best, ord) <= _loss(x, c, ord) * (1 + 1e-12) + 1e-9


@given(x=samples, ord=st.sampled_from(ORDERS), shift=ints, scale=st.sampled_from([-3.0, 0.5, 2.0]))
def test_location_estimate_is_equivariant(x, ord, shift, scale):
    got = location_estimate(scale * x + shift, ord)
    if ord == 0 and scale < 0:  # ties break towards the smallest value, which a flip moves
        values, counts = np.unique(x, return_counts=True)
        if np.sum(counts == counts.max()) > 1:
            return
    assert_allclose(got, scale * location_estimate(x, ord) + shift, rtol=1e-12, atol=1e-9)


def test_location_estimate_even_count_median_is_one_of_many_minimizers():
    x = np.array([1.0, 2.0, 4.0, 10.0])
    assert location_estimate(x, 1) == 3.0  # NumPy's midpoint of the middle two
    losses = [_loss(x, c, 1) for c in np.linspace(2.0, 4.0, 9)]
    assert max(losses) == min(losses) == 11.0  # flat between the middle values
    assert _loss(x, 1.9, 1) > 11.0 and _loss(x, 4.1, 1) > 11.0


def test_location_estimate_mode_ties_and_continuous_data():
    assert location_estimate([3.0, 1.0, 3.0, 1.0, 2.0], 0) == 1.0  # tie: the smallest, as scipy
    x = np.random.default_rng(0).standard_normal(10)  # all distinct: every value ties
    assert location_estimate(x, 0) == x.min()


def test_location_estimate_is_robust_only_for_the_median():
    base = np.array([1.0, 2.0, 2.0, 3.0, 100.0])
    huge = base.copy()
    huge[-1] = 1e6
    assert location_estimate(huge, 1) == location_estimate(base, 1) == 2.0
    assert location_estimate(huge, 2) > 1e5
    two_bad = np.array([1.0, 2.0, 2.0, 1e6, 1e6])  # 2 of 5 replaced: the median stays in the data range
    assert location_estimate(two_bad, 1) == 2.0


# --------------------------------------------------------------------------- input handling
def test_location_estimate_dtypes():
    assert location_estimate([1, 2, 3], 2) == 2.0
    assert location_estimate([True, False, True], 0) == 1.0
    assert isinstance(location_estimate(np.array([1.0, 2.0], dtype=np.float32), 2), float)


def test_location_estimate_nan_propagates():
    for p in ORDERS:
        assert math.isnan(location_estimate([1.0, np.nan, 3.0], p))


def test_location_estimate_huge_values_do_not_overflow():
    assert location_estimate([1e308, 1e308], np.inf) == 1e308


@pytest.mark.parametrize("bad", [3, 0.5, -1, "1", True, None, np.nan])
def test_location_estimate_rejects_bad_ord(bad):
    with pytest.raises(ValueError, match="`ord` must be one of"):
        location_estimate([1.0, 2.0], bad)


@pytest.mark.parametrize(
    "x, exc",
    [([], ValueError), ([[1.0, 2.0]], ValueError), (5.0, ValueError), (["a", "b"], TypeError),
     ([1 + 1j], TypeError), ([[1], [2, 3]], TypeError)],
)
def test_location_estimate_rejects_bad_x(x, exc):
    with pytest.raises(exc):
        location_estimate(x, 1)


def test_location_estimate_regression_no_overflow_or_warning():
    # code review: the mean of [1e308, 1e308] overflowed to inf with a RuntimeWarning
    import warnings

    from normlab.losses import location_estimate

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert location_estimate([1e308, 1e308], 2) == 1e308
        assert np.isnan(location_estimate([np.inf, -np.inf], 2))
        assert np.isnan(location_estimate([np.inf, -np.inf], 1))
