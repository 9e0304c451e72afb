"""One place for library-version differences, so lessons read the same on every release.

scikit-learn 1.8 deprecated ``LogisticRegression(penalty=...)`` in favour of
``l1_ratio`` (removal planned for 1.10), and 1.9 deprecated ``n_alphas`` in favour of
``alphas=<int>`` in ``lasso_path``/``enet_path``/``LassoCV``. PyTorch is optional.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from ._validation import check_int, check_interval, check_option, check_positive

__all__ = ["logistic", "optional_torch", "path_alphas", "sklearn_version"]


def sklearn_version() -> tuple[int, int]:
    """(major, minor) of the installed scikit-learn.

    Examples
    --------
    >>> from normlab.compat import sklearn_version
    >>> sklearn_version() >= (1, 4)
    True
    """
    import sklearn

    major, minor = sklearn.__version__.split(".")[:2]
    return int(major), int("".join(ch for ch in minor if ch.isdigit()) or 0)


def logistic(penalty: str = "l2", C: float = 1.0, *, l1_ratio: float | None = None, **kwargs: Any):
    """Build a ``LogisticRegression`` with the given penalty on any supported scikit-learn.

    Parameters
    ----------
    penalty : {'l2', 'l1', 'elasticnet', None}, default='l2'
        The penalty on the coefficients; ``None`` means unpenalized.
    C : float, default=1.0
        Inverse penalty strength (larger C, weaker penalty). scikit-learn minimizes
        ``C * sum_i loss_i + penalty(w)``, so for the per-sample objective
        ``mean_i loss_i + λ * penalty(w)`` the matching value is C = 1/(nλ).
    l1_ratio : float, optional
        Mixing for ``'elasticnet'`` (0 is ridge, 1 is lasso); required there.
    **kwargs
        Passed on (``max_iter``, ``tol``, ``random_state``...). The solver defaults to
        ``'saga'`` for L1 and elastic net, ``'lbfgs'`` otherwise.

    Returns
    -------
    sklearn.linear_model.LogisticRegression
        Unfitted, with no deprecated argument set on this scikit-learn version.

    Raises
    ------
    ValueError
        For an unknown `penalty`, a non-positive `C`, or a missing/invalid `l1_ratio`.

    Examples
    --------
    >>> from normlab.compat import logistic
    >>> model = logistic("l1", C=0.5)
    >>> print(model.C, model.solver)
    0.5 saga
    """
    check_option(penalty, "penalty", ("l2", "l1", "elasticnet", None), caller="logistic")
    C = check_positive(C, "C", caller="logistic")
    from sklearn.linear_model import LogisticRegression

    if penalty == "elasticnet":
        if l1_ratio is None:
            raise ValueError("logistic: `l1_ratio` is required for penalty='elasticnet'; got None.")
        ratio = check_interval(l1_ratio, "l1_ratio", 0.0, 1.0, caller="logistic")
    else:
        ratio = {"l2": 0.0, "l1": 1.0, None: 0.0}[penalty]
    kwargs.setdefault("solver", "saga" if penalty in ("l1", "elasticnet") else "lbfgs")
    params = inspect.signature(LogisticRegression).parameters
    new_api = params["penalty"].default == "deprecated" if "penalty" in params else True
    if new_api:
        if penalty is None:
            return LogisticRegression(C=float("inf"), **kwargs)
        return LogisticRegression(C=C, l1_ratio=ratio, **kwargs)
    if penalty is None:  # pragma: no cover - old scikit-learn
        return LogisticRegression(penalty=None, C=C, **kwargs)
    extra = {"l1_ratio": ratio} if penalty == "elasticnet" else {}
    return LogisticRegression(penalty=penalty, C=C, **extra, **kwargs)  # pragma: no cover


def path_alphas(n: int = 100) -> dict[str, int]:
    """Keyword arguments asking a path function for `n` automatically chosen alphas.

    Use as ``lasso_path(X, y, **path_alphas(50))`` or ``LassoCV(**path_alphas(50))``.

    Examples
    --------
    >>> from normlab.compat import path_alphas
    >>> path_alphas(50)
    {'alphas': 50}
    """
    n = check_int(n, "n", caller="path_alphas", minimum=1)
    from sklearn.linear_model import lasso_path

    default = inspect.signature(lasso_path).parameters["alphas"].default
    if sklearn_version() >= (1, 9) or default == "warn":
        return {"alphas": n}
    return {"n_alphas": n}  # pragma: no cover - scikit-learn < 1.9


def optional_torch():
    """Return the ``torch`` module, or None when PyTorch is not installed.

    Lessons use it to run their PyTorch cross-checks only where PyTorch exists.

    Examples
    --------
    >>> from normlab.compat import optional_torch
    >>> torch = optional_torch()
    >>> torch is None or hasattr(torch, "linalg")
    True
    """
    try:
        return importlib.import_module("torch")
    except ImportError:
        return None
