"""Tests for normlab.linear: best subsets and lasso supports against scikit-learn."""

import itertools
import warnings

import numpy as np
import pytest

from normlab.compat import path_alphas
from normlab.linear import BestSubset, LassoSupportPath, best_subset, lasso_support_path


@pytest.fixture(scope="module")
def diabetes():
    from sklearn.datasets import load_diabetes
    from sklearn.preprocessing import StandardScaler

    data = load_diabetes()
    return StandardScaler().fit_transform(data.data), data.target.astype(float), list(data.feature_names)


def _bruteforce_best_subset(X, y, k):
    """Every subset fitted by sklearn's LinearRegression (with intercept); the smallest RSS wins."""
    from sklearn.linear_model import LinearRegression

    best = (np.inf, None, None)
    for S in itertools.combinations(range(X.shape[1]), k):
        model = LinearRegression().fit(X[:, list(S)], y)
        rss = float(np.sum((y - model.predict(X[:, list(S)])) ** 2))
        if rss < best[0]:
            best = (rss, S, model)
    return best


# --------------------------------------------------------------------------- best_subset
@pytest.mark.parametrize("k", range(1, 11))
def test_best_subset_matches_bruteforce_sklearn_on_diabetes(diabetes, k):
    X, y, _ = diabetes
    fit = best_subset(X, y, k)
    rss, S, model = _bruteforce_best_subset(X, y, k)
    assert tuple(fit.support) == S
    assert fit.rss == pytest.approx(rss, rel=1e-12)
    np.testing.assert_allclose(fit.coef[list(S)], model.coef_, rtol=1e-10)
    assert fit.intercept == pytest.approx(model.intercept_, rel=1e-12)
    assert np.all(np.delete(fit.coef, list(S)) == 0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_best_subset_matches_bruteforce_sklearn_random(seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((40, 7)) * rng.uniform(0.01, 100, size=7)  # very different scales
    y = X[:, 0] / 50 - 2 * X[:, 3] / 10 + rng.standard_normal(40)
    for k in range(1, 8):
        fit = best_subset(X, y, k)
        rss, S, _ = _bruteforce_best_subset(X, y, k)
        assert tuple(fit.support) == S
        assert fit.rss == pytest.approx(rss, rel=1e-10)


def test_best_subset_returns_named_tuple(diabetes):
    X, y, _ = diabetes
    fit = best_subset(X, y, 2)
    assert isinstance(fit, BestSubset)
    support, rss, coef, intercept = fit
    assert support.dtype == np.intp and coef.shape == (10,)
    assert isinstance(rss, float) and isinstance(intercept, float)


def test_best_subset_k0_is_intercept_only(diabetes):
    X, y, _ = diabetes
    fit = best_subset(X, y, 0)
    assert fit.support.size == 0 and np.all(fit.coef == 0)
    assert fit.intercept == pytest.approx(y.mean(), rel=1e-14)
    assert fit.rss == pytest.approx(np.sum((y - y.mean()) ** 2), rel=1e-12)


def test_best_subset_k_equals_p_matches_linear_regression(diabetes):
    from sklearn.linear_model import LinearRegression

    X, y, _ = diabetes
    fit = best_subset(X, y, 10)
    model = LinearRegression().fit(X, y)
    np.testing.assert_allclose(fit.coef, model.coef_, rtol=1e-10)
    assert fit.rss == pytest.approx(np.sum((y - model.predict(X)) ** 2), rel=1e-12)


def test_best_subset_rss_decreases_with_k(diabetes):
    X, y, _ = diabetes
    rss = [best_subset(X, y, k).rss for k in range(11)]
    assert all(a >= b for a, b in zip(rss, rss[1:]))


def test_best_subset_handles_collinear_and_constant_columns():
    rng = np.random.default_rng(3)
    base = rng.standard_normal((30, 3))
    # column 3 duplicates column 0; column 4 is constant (centred to 0).
    X = np.column_stack([base, base[:, 0], np.full(30, 2.0)])
    y = base @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.standard_normal(30)
    for k in range(1, 6):
        fit = best_subset(X, y, k)
        best = min(
            np.sum((y - y.mean() - Xc @ np.linalg.lstsq(Xc, y - y.mean(), rcond=None)[0]) ** 2)
            for S in itertools.combinations(range(5), k)
            for Xc in [X[:, list(S)] - X[:, list(S)].mean(0)]
        )
        assert fit.rss == pytest.approx(best, rel=1e-9)
        assert np.all(np.isfinite(fit.coef))


def test_best_subset_regression_diabetes_supports(diabetes):
    # ERRATA D9 / PLAN lesson 03: the best subsets of sizes 1 to 4 on standardized diabetes.
    X, y, names = diabetes
    got = {k: {names[i] for i in best_subset(X, y, k).support} for k in range(1, 5)}
    assert got == {
        1: {"bmi"},
        2: {"bmi", "s5"},
        3: {"bmi", "bp", "s5"},
        4: {"bmi", "bp", "s1", "s5"},
    }


def test_best_subset_p20_runs_and_finds_signal():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((60, 20))
    y = 5 * X[:, 3] - 4 * X[:, 11] + 3 * X[:, 17] + 0.1 * rng.standard_normal(60)
    assert best_subset(X, y, 3).support.tolist() == [3, 11, 17]


def test_best_subset_integer_input():
    X = np.array([[1, 0], [0, 1], [1, 1], [2, 1]])
    y = np.array([1, 0, 1, 2])
    fit = best_subset(X, y, 1)
    assert fit.support.tolist() == [0] and fit.rss == pytest.approx(0.0, abs=1e-20)


@pytest.mark.parametrize(
    "X, y, k, err, match",
    [
        (np.zeros((5, 21)), np.zeros(5), 1, ValueError, "p <= 20"),
        (np.eye(3), np.zeros(3), 4, ValueError, "at most"),
        (np.eye(3), np.zeros(3), -1, ValueError, "at least 0"),
        (np.eye(3), np.zeros(3), 1.0, TypeError, "integer"),
        (np.eye(3), np.zeros(4), 1, ValueError, "same number of samples"),
        (np.zeros(3), np.zeros(3), 1, ValueError, "2-D"),
        (np.eye(3), np.zeros((3, 1)), 1, ValueError, "1-D"),
        (np.array([[np.nan, 1.0], [0.0, 1.0]]), np.zeros(2), 1, ValueError, "finite"),
        ([["a", "b"]], ["c"], 1, TypeError, "numeric"),
    ],
)
def test_best_subset_rejects_bad_input(X, y, k, err, match):
    with pytest.raises(err, match=match):
        best_subset(X, y, k)


def test_best_subset_p_limit_message_names_way_out():
    with pytest.raises(ValueError, match="best_subset.*352,716 subsets.*lasso"):
        best_subset(np.zeros((5, 20 + 1)), np.zeros(5), 10)


# --------------------------------------------------------------------------- lasso_support_path
def test_lasso_support_path_matches_sklearn_lasso_at_segment_midpoints(diabetes):
    from sklearn.linear_model import Lasso

    X, y, _ = diabetes
    path = lasso_support_path(X, y)
    assert isinstance(path, LassoSupportPath)
    assert len(path.supports) == len(path.alphas) - 1
    for j, support in enumerate(path.supports):
        hi, lo = path.alphas[j], path.alphas[j + 1]
        alpha = np.sqrt(hi * lo) if lo > 0 else hi / 2  # inside the segment
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tiny alphas: coordinate descent may warn; the support is still right
            coef = Lasso(alpha=alpha, tol=1e-12, max_iter=200_000).fit(X, y).coef_
        # Coordinate descent stops near, not at, the optimum: read the support with a tolerance.
        assert tuple(np.flatnonzero(np.abs(coef) > 1e-8)) == support


def test_lasso_support_path_matches_lasso_path_grid(diabetes):
    from sklearn.linear_model import lasso_path

    X, y, _ = diabetes
    path = lasso_support_path(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    alphas, coefs, _ = lasso_path(Xc, yc, **path_alphas(60), eps=1e-3, tol=1e-12, max_iter=100_000)
    knots = path.alphas
    for a, c in zip(alphas, coefs.T):
        if np.min(np.abs(knots - a)) < 1e-6 * knots[0]:
            continue  # too close to a knot to read a support
        j = int(np.searchsorted(-knots, -a)) - 1  # knots[j] > a > knots[j + 1]
        assert tuple(np.flatnonzero(np.abs(c) > 1e-8)) == path.supports[j]


def test_lasso_support_path_first_knot_is_lambda_max(diabetes):
    X, y, _ = diabetes
    path = lasso_support_path(X, y)
    lam_max = np.max(np.abs((X - X.mean(0)).T @ (y - y.mean()))) / len(y)
    assert path.alphas[0] == pytest.approx(lam_max, rel=1e-12)
    assert path.alphas[0] == pytest.approx(45.160030, abs=1e-6)  # PLAN correction for lesson 07


def test_lasso_support_path_regression_diabetes(diabetes):
    # ERRATA D9: the lasso agrees with best subset for k = 1..3; at k = 4 it picks s3, not s1.
    X, y, names = diabetes
    first = lasso_support_path(X, y).first_of_size
    assert sorted(first) == list(range(11))
    got = {k: {names[i] for i in first[k]} for k in range(1, 5)}
    assert got == {1: {"bmi"}, 2: {"bmi", "s5"}, 3: {"bmi", "bp", "s5"}, 4: {"bmi", "bp", "s3", "s5"}}
    # s3 leaves and re-enters near the end of the path (PLAN correction for lesson 07).
    sizes = [len(s) for s in lasso_support_path(X, y).supports]
    assert sizes != sorted(sizes)


def test_lasso_support_path_rejects_bad_input():
    with pytest.raises(ValueError, match="lasso_support_path.*same number"):
        lasso_support_path(np.eye(3), np.zeros(2))
    with pytest.raises(ValueError, match="finite"):
        lasso_support_path(np.eye(2), np.array([np.inf, 0.0]))
    with pytest.raises(TypeError, match="numeric"):
        lasso_support_path([["x"]], [1.0])


# --------------------------------------------------------------------------- lesson 07: paths
from normlab.linear import (  # noqa: E402
    RegularizationPath,
    entry_order,
    lambda_max,
    regularization_path,
    selection_stability,
)

DIABETES_FIRST_ENTRY = ["bmi", "s5", "bp", "s3", "sex", "s6", "s1", "s4", "s2", "age"]  # PLAN correction


def _centered(X, y):
    return X - X.mean(0), y - y.mean()


def test_regularization_path_l1_matches_sklearn_lasso_path(diabetes):
    from sklearn.linear_model import lasso_path

    X, y, _ = diabetes
    path = regularization_path(X, y, "l1", alphas=50)
    assert isinstance(path, RegularizationPath)
    alphas, coefs, _ = lasso_path(*_centered(X, y), **path_alphas(50))
    np.testing.assert_allclose(path.alphas, alphas, rtol=1e-12)
    np.testing.assert_allclose(path.coefs, coefs, rtol=1e-12, atol=1e-12)
    assert path.coefs.shape == (10, 50) and np.all(np.diff(path.alphas) < 0)


@pytest.mark.parametrize("penalty", ["l1", "elasticnet"])
def test_regularization_path_matches_sklearn_estimators(diabetes, penalty):
    from sklearn.linear_model import ElasticNet, Lasso

    X, y, _ = diabetes
    grid = [20.0, 3.0, 0.5, 0.05]
    path = regularization_path(X, y, penalty, alphas=grid, l1_ratio=0.3, tol=1e-12, max_iter=100_000)
    for a, c in zip(path.alphas, path.coefs.T):
        model = Lasso(alpha=a) if penalty == "l1" else ElasticNet(alpha=a, l1_ratio=0.3)
        ref = model.set_params(tol=1e-12, max_iter=100_000).fit(X, y).coef_  # with intercept, raw y
        np.testing.assert_allclose(c, ref, rtol=1e-6, atol=1e-8)
        assert tuple(np.flatnonzero(c)) == tuple(np.flatnonzero(ref))


def test_regularization_path_elasticnet_matches_enet_path(diabetes):
    from sklearn.linear_model import enet_path

    X, y, _ = diabetes
    path = regularization_path(X, y, "elasticnet", alphas=30, l1_ratio=0.5)
    alphas, coefs, _ = enet_path(*_centered(X, y), l1_ratio=0.5, **path_alphas(30))
    np.testing.assert_allclose(path.alphas, alphas, rtol=1e-12)
    np.testing.assert_allclose(path.coefs, coefs, rtol=1e-12, atol=1e-12)
    assert path.alphas[0] == pytest.approx(lambda_max(X, y, l1_ratio=0.5), rel=1e-12)


@pytest.mark.parametrize("seed", [0, 1])
def test_regularization_path_l2_matches_sklearn_ridge(diabetes, seed):
    from sklearn.linear_model import Ridge

    if seed == 0:
        X, y, _ = diabetes
    else:  # uncentred, badly scaled, p > n
        gen = np.random.default_rng(seed)
        X = gen.standard_normal((15, 25)) * gen.uniform(0.1, 10, 25) + 3.0
        y = gen.standard_normal(15) + 5.0
    path = regularization_path(X, y, "l2", alphas=[1e4, 100.0, 1.0, 0.01])
    for a, c in zip(path.alphas, path.coefs.T):
        ref = Ridge(alpha=a, solver="svd").fit(X, y).coef_
        np.testing.assert_allclose(c, ref, rtol=1e-8, atol=1e-10 * np.abs(ref).max())


def test_regularization_path_l2_automatic_grid_spans_the_shrinkage(diabetes):
    from sklearn.linear_model import Ridge

    X, y, _ = diabetes
    path = regularization_path(X, y, "l2", alphas=40)
    d = np.linalg.svd(X - X.mean(0), compute_uv=False)
    assert path.alphas.shape == (40,) and np.all(np.diff(path.alphas) < 0)
    assert np.max(d**2 / (d**2 + path.alphas[0])) < 1e-3  # strongest: everything shrunk away
    assert np.min(d**2 / (d**2 + path.alphas[-1])) > 0.99  # weakest: almost least squares
    k = 17
    np.testing.assert_allclose(path.coefs[:, k], Ridge(alpha=path.alphas[k]).fit(X, y).coef_, rtol=1e-8)


def test_regularization_path_sorts_alphas_decreasing(diabetes):
    X, y, _ = diabetes
    up = regularization_path(X, y, "l2", alphas=[0.1, 10.0, 1.0])
    np.testing.assert_array_equal(up.alphas, [10.0, 1.0, 0.1])
    down = regularization_path(X, y, "l2", alphas=[10.0, 1.0, 0.1])
    np.testing.assert_allclose(up.coefs, down.coefs, rtol=1e-14)


@pytest.mark.parametrize(
    "kwargs, err, match",
    [
        ({"penalty": "l0"}, ValueError, "penalty"),
        ({"alphas": [1.0, 0.0]}, ValueError, "alphas.*positive"),
        ({"alphas": 0}, ValueError, "alphas"),
        ({"penalty": "elasticnet", "l1_ratio": 0.0}, ValueError, "l1_ratio.*penalty='l2'"),
        ({"alphas": ["a"]}, TypeError, "numeric"),
    ],
)
def test_regularization_path_rejects_bad_input(kwargs, err, match):
    X, y = np.eye(4, 3), np.arange(4.0)
    with pytest.raises(err, match=match):
        regularization_path(X, y, **kwargs)


# --------------------------------------------------------------------------- lambda_max
def test_lambda_max_matches_lasso_path_first_alpha(diabetes):
    from sklearn.linear_model import lasso_path

    X, y, _ = diabetes
    lam = lambda_max(X, y)
    assert lam == pytest.approx(lasso_path(X, y, **path_alphas(5))[0][0], abs=1e-6)
    assert lam == pytest.approx(45.160030, abs=1e-6)  # PLAN correction for lesson 07


def test_lambda_max_is_the_lasso_all_zero_threshold():
    from sklearn.linear_model import Lasso

    gen = np.random.default_rng(4)
    X = gen.standard_normal((60, 5)) * [1, 2, 3, 4, 5] + 10.0  # uncentred: the intercept matters
    y = X @ [0.5, -0.2, 0.0, 0.3, 0.1] + gen.standard_normal(60) + 100.0
    lam = lambda_max(X, y)
    assert np.all(Lasso(alpha=lam, tol=1e-12).fit(X, y).coef_ == 0)
    below = Lasso(alpha=lam * (1 - 1e-4), tol=1e-12, max_iter=100_000).fit(X, y).coef_
    assert np.count_nonzero(below) == 1


def test_lambda_max_elasticnet_scaling():
    from sklearn.linear_model import ElasticNet

    gen = np.random.default_rng(5)
    X, y = gen.standard_normal((40, 4)), gen.standard_normal(40)
    lam = lambda_max(X, y, l1_ratio=0.25)
    assert lam == pytest.approx(4 * lambda_max(X, y), rel=1e-12)
    assert np.all(ElasticNet(alpha=lam, l1_ratio=0.25, tol=1e-12).fit(X, y).coef_ == 0)
    below = ElasticNet(alpha=lam * 0.999, l1_ratio=0.25, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    assert np.count_nonzero(below) == 1
    with pytest.raises(ValueError, match="l1_ratio"):
        lambda_max(X, y, l1_ratio=1.5)


# --------------------------------------------------------------------------- entry_order
def _first_entry_from_lars(X, y, names):
    from sklearn.linear_model import lars_path

    _, _, coefs = lars_path(*_centered(X, y), method="lasso")
    order = []
    for column in coefs.T:
        for j in np.flatnonzero(column):
            if names[j] not in order:
                order.append(names[j])
    return order


def test_entry_order_diabetes_matches_exact_lars_path(diabetes):
    from sklearn.linear_model import lars_path

    X, y, names = diabetes
    path = regularization_path(X, y, "l1", alphas=300, eps=1e-4, tol=1e-10, max_iter=100_000)
    got = entry_order(path.alphas, path.coefs, names)
    assert got == DIABETES_FIRST_ENTRY == _first_entry_from_lars(X, y, names)
    # lars_path's `active` list moves s3 to the end after it leaves and re-enters
    active = [names[j] for j in lars_path(*_centered(X, y), method="lasso")[1]]
    assert active[-2:] == ["age", "s3"] and active != got
    # the transposed coefficients give the same order; without names, indices
    assert entry_order(path.alphas, path.coefs.T, names) == got
    assert entry_order(path.alphas, path.coefs) == [names.index(s) for s in got]


def test_entry_order_ties_unsorted_alphas_and_absent_features():
    alphas = [0.5, 3.0, 1.0]  # unsorted
    coefs = np.array([[0.9, 0.0, 0.2],  # enters at alpha = 1 with 0.2
                      [0.0, 0.0, 0.0],  # never enters
                      [0.8, 0.0, 0.6],  # enters at alpha = 1 with 0.6: before row 0
                      [0.1, 0.0, 0.0]])  # enters last
    assert entry_order(alphas, coefs) == [2, 0, 3]
    assert entry_order(alphas, coefs, tol=0.3) == [2, 0]
    with pytest.raises(ValueError, match="names"):
        entry_order(alphas, coefs, ["a"])
    with pytest.raises(ValueError, match="shape"):
        entry_order([1.0, 2.0], coefs)
    with pytest.raises(ValueError, match="ties"):
        entry_order(alphas, coefs, ties="first")


def test_entry_order_ties_raise_and_the_size_heuristic_can_be_wrong():
    # a enters at alpha = 1 with slope 0.1, b at alpha = 0.9 with slope 5: on the grid {2, 0.5}
    # b is the larger at 0.5, so the size heuristic puts it first although a entered first
    alphas, coefs = [2.0, 0.5], [[0.0, 0.05], [0.0, 2.0]]
    assert entry_order(alphas, coefs, ["a", "b"]) == ["b", "a"]
    with pytest.raises(ValueError, match=r"'a' and 'b' first appear at the same grid point \(alpha = 0\.5\)"):
        entry_order(alphas, coefs, ["a", "b"], ties="raise")
    # a grid point between the entries resolves the tie
    fine = [2.0, 0.95, 0.5]
    assert entry_order(fine, [[0.0, 0.005, 0.05], [0.0, 0.0, 2.0]], ["a", "b"], ties="raise") == ["a", "b"]
    # features already nonzero at the first grid point entered above it
    with pytest.raises(ValueError, match="lambda_max"):
        entry_order([1.0, 0.5], [[0.1, 0.2], [0.3, 0.4]], ties="raise")


def test_entry_order_elasticnet_on_its_own_grid_matches_a_much_finer_grid(diabetes):
    X, y, names = diabetes
    coarse = regularization_path(X, y, "elasticnet", alphas=200, l1_ratio=0.5, tol=1e-8)
    assert coarse.alphas[0] == pytest.approx(lambda_max(X, y, l1_ratio=0.5), rel=1e-12)
    got = entry_order(*coarse, names, ties="raise")  # at most one entry per grid interval
    fine = regularization_path(X, y, "elasticnet", alphas=2000, l1_ratio=0.5, tol=1e-10, max_iter=100_000)
    assert got == entry_order(*fine, names, ties="raise")
    assert got[:5] == ["bmi", "s5", "bp", "s4", "s3"]
    # on the lasso's shorter grid the elastic net starts with six features already nonzero
    lasso_grid = regularization_path(X, y, "l1", alphas=100).alphas
    on_lasso_grid = regularization_path(X, y, "elasticnet", alphas=lasso_grid, l1_ratio=0.5)
    assert np.count_nonzero(on_lasso_grid.coefs[:, 0]) == 6
    with pytest.raises(ValueError, match="same grid point"):
        entry_order(*on_lasso_grid, names, ties="raise")


# --------------------------------------------------------------------------- selection_stability
def test_selection_stability_matches_a_manual_bootstrap(diabetes):
    from sklearn.base import clone
    from sklearn.linear_model import Lasso

    X, y, _ = diabetes
    model = Lasso(alpha=2.0)
    freq, selected = selection_stability(model, X, y, n_boot=12, rng=3, return_selected=True)
    gen = np.random.default_rng(3)
    manual = []
    for _ in range(12):
        idx = gen.integers(0, len(y), size=len(y))
        manual.append(clone(model).fit(X[idx], y[idx]).coef_ != 0)
    np.testing.assert_array_equal(selected, np.array(manual))
    np.testing.assert_array_equal(freq, np.mean(manual, axis=0))
    assert not hasattr(model, "coef_")  # cloned, never fitted in place
    np.testing.assert_array_equal(selection_stability(model, X, y, n_boot=12, rng=3), freq)


def test_selection_stability_ridge_keeps_everything(diabetes):
    from sklearn.linear_model import Ridge

    X, y, _ = diabetes
    np.testing.assert_array_equal(selection_stability(Ridge(alpha=100.0), X, y, n_boot=5), np.ones(10))


def test_selection_stability_binary_and_multiclass_logistic():
    from sklearn.datasets import load_breast_cancer, load_iris
    from sklearn.preprocessing import StandardScaler

    from normlab.compat import logistic

    data = load_breast_cancer()
    X = StandardScaler().fit_transform(data.data)
    model = logistic("l1", C=0.05, solver="liblinear", intercept_scaling=100, tol=1e-6)
    freq = selection_stability(model, X, data.target, n_boot=10, rng=0)
    assert freq.shape == (30,) and np.all((freq >= 0) & (freq <= 1))
    assert 0 < freq.sum() < 30  # sparse, but not empty
    assert np.all(freq * 10 == np.round(freq * 10))  # multiples of 1/n_boot
    Xi, yi = load_iris(return_X_y=True)
    freq_iris = selection_stability(logistic("l2", C=1.0, max_iter=1000), Xi, yi, n_boot=3)
    np.testing.assert_array_equal(freq_iris, np.ones(4))


def test_selection_stability_rejects_bad_input(diabetes):
    from sklearn.linear_model import Lasso
    from sklearn.neighbors import KNeighborsRegressor

    X, y, _ = diabetes
    with pytest.raises(TypeError, match="coef_"):
        selection_stability(KNeighborsRegressor(), X, y, n_boot=1)
    with pytest.raises(TypeError, match="estimator"):
        selection_stability("lasso", X, y)
    with pytest.raises(ValueError, match="n_boot"):
        selection_stability(Lasso(), X, y, n_boot=0)
    with pytest.raises(ValueError, match="`y`"):
        selection_stability(Lasso(), X, y[:-1])


def test_linear_helpers_regression_complex_input_is_refused():
    # code review: the complex check ran after the cast to float64, so it never fired
    from normlab.linear import best_subset

    X = np.arange(12.0).reshape(6, 2)
    with pytest.raises(TypeError, match="must be real"):
        best_subset(X + 1j, np.arange(6.0), 1)
