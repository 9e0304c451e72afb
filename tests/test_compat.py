"""The version shims: no deprecated arguments reach scikit-learn; PyTorch is optional."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler

from normlab import compat


@pytest.fixture(scope="module")
def cancer():
    X, y = load_breast_cancer(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@pytest.mark.parametrize("penalty, kwargs", [("l2", {}), ("l1", {}), (None, {}), ("elasticnet", {"l1_ratio": 0.5})])
def test_logistic_builds_each_penalty_without_deprecation_warnings(cancer, penalty, kwargs):
    X, y = cancer
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = compat.logistic(penalty, C=0.1, max_iter=5000, **kwargs).fit(X, y)
    n_zero = int(np.sum(model.coef_ == 0))
    if penalty in ("l1", "elasticnet"):
        assert n_zero > 0  # an L1 part gives exact zeros at this C
    else:
        assert n_zero == 0


@pytest.mark.parametrize("kwargs, exc", [({"penalty": "l3"}, ValueError), ({"C": 0}, ValueError),
                                          ({"penalty": "elasticnet"}, ValueError),
                                          ({"penalty": "elasticnet", "l1_ratio": 2.0}, ValueError)])
def test_logistic_rejects_bad_arguments(kwargs, exc):
    with pytest.raises(exc):
        compat.logistic(**kwargs)


def test_path_alphas_is_accepted_by_lasso_path_without_warnings(cancer):
    from sklearn.linear_model import lasso_path

    X, y = cancer
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        alphas, _, _ = lasso_path(X, y.astype(float), **compat.path_alphas(7))
    assert len(alphas) == 7


def test_optional_torch_returns_the_module_or_none():
    torch = compat.optional_torch()
    assert torch is None or torch.__name__ == "torch"
