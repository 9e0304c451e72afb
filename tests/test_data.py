"""The offline datasets: shapes, ranges, determinism, documented properties, bad input."""

import numpy as np
import pytest

from normlab import data


def test_load_digits_unit_is_a_stratified_unit_scaled_split():
    split = data.load_digits_unit()
    assert split.X_train.shape == (1257, 64) and split.X_test.shape == (540, 64)
    assert split.X_train.min() == 0.0 and split.X_train.max() == 1.0
    train_share = np.bincount(split.y_train) / len(split.y_train)
    test_share = np.bincount(split.y_test) / len(split.y_test)
    assert np.max(np.abs(train_share - test_share)) < 0.01  # stratified
    again = data.load_digits_unit()
    np.testing.assert_array_equal(split.X_test, again.X_test)  # deterministic for a fixed rng


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.1, np.nan])
def test_load_digits_unit_rejects_bad_test_size(bad):
    with pytest.raises(ValueError, match="`test_size`"):
        data.load_digits_unit(test_size=bad)


def test_make_outlier_regression_puts_outliers_at_the_largest_x():
    X, y, out = data.make_outlier_regression(100, frac_outliers=0.1, rng=3)
    assert X.shape == (100, 1) and y.shape == (100,) and out.sum() == 10
    assert np.all(X[out, 0] >= X[~out, 0].max())
    residual = y - (1.0 + 2.0 * X[:, 0])
    assert residual[out].min() > residual[~out].max()  # shifted up by 20, noise sd 0.5


@pytest.mark.parametrize("kwargs, exc", [({"frac_outliers": 0.5}, ValueError), ({"frac_outliers": "a"}, TypeError),
                                          ({"noise": -1.0}, ValueError), ({"n": 1}, ValueError)])
def test_make_outlier_regression_rejects_bad_input(kwargs, exc):
    with pytest.raises(exc):
        data.make_outlier_regression(**kwargs)


def test_make_block_correlated_has_the_promised_correlations():
    X = data.make_block_correlated(40000, 6, block_size=3, rho=0.8, rng=1)
    C = np.corrcoef(X.T)
    assert abs(C[0, 1] - 0.8) < 0.01 and abs(C[3, 5] - 0.8) < 0.01
    assert abs(C[0, 3]) < 0.02
    np.testing.assert_array_equal(X, data.make_block_correlated(40000, 6, block_size=3, rho=0.8, rng=1))


@pytest.mark.parametrize("rho", [1.0, -0.1, np.nan])
def test_make_block_correlated_rejects_bad_rho(rho):
    with pytest.raises(ValueError, match="`rho`"):
        data.make_block_correlated(10, 4, rho=rho)
