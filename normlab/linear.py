"""Helpers around scikit-learn's linear models: best subsets, paths, lambda_max, stability.

scikit-learn fits the lasso, ridge and friends; this module adds what it lacks for the
course: the exhaustive best-subset search (the L0-constrained least-squares fit, exact
for up to 20 features), the sequence of supports along the exact lasso path, lasso /
ridge / elastic-net paths in each estimator's own alpha convention (ridge exact through
the SVD), the all-zero threshold lambda_max, the order in which features enter a path,
and bootstrap selection frequencies.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, NamedTuple, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_finite, check_int, check_interval, check_option, check_positive

__all__ = [
    "BestSubset",
    "LassoSupportPath",
    "RegularizationPath",
    "best_subset",
    "entry_order",
    "lambda_max",
    "lasso_support_path",
    "regularization_path",
    "selection_stability",
]

_MAX_FEATURES = 20
_CHUNK = 65_536  # subsets per batch: bounds memory at k = 10, p = 20 (184,756 subsets)


class BestSubset(NamedTuple):
    """The best k-feature least-squares fit (with intercept) found by :func:`best_subset`."""

    support: NDArray[np.intp]
    """Sorted column indices of the chosen features, shape (k,)."""
    rss: float
    """Residual sum of squares ``sum((y - intercept - X @ coef)**2)`` of the fit."""
    coef: NDArray[np.float64]
    """Coefficients, shape (p,): least squares on `support`, exactly 0 elsewhere."""
    intercept: float
    """The fitted intercept."""


class LassoSupportPath(NamedTuple):
    """Supports along the exact lasso path, from :func:`lasso_support_path`."""

    alphas: NDArray[np.float64]
    """Knots of the path in scikit-learn's α, decreasing, shape (m + 1,)."""
    supports: list[tuple[int, ...]]
    """``supports[j]``: sorted feature indices that are nonzero for every α strictly
    between ``alphas[j + 1]`` and ``alphas[j]`` (m entries)."""
    first_of_size: dict[int, tuple[int, ...]]
    """For each support size k that occurs, the first support of size k met as α
    decreases from its maximum (size 0, the empty support, included)."""


def _center(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    x_mean = X.mean(axis=0)
    y_mean = float(y.mean())
    return X - x_mean, y - y_mean, x_mean, y_mean


def _check_Xy(X: ArrayLike, y: ArrayLike, caller: str) -> tuple[np.ndarray, np.ndarray]:
    X = as_float_array(X, "X", caller=caller, ndim=2, allow_empty=False)
    y = as_float_array(y, "y", caller=caller, ndim=1, allow_empty=False)
    if np.iscomplexobj(X) or np.iscomplexobj(y):  # before the cast below, which would drop the imaginary part
        raise TypeError(f"{caller}: `X` and `y` must be real; got dtypes {X.dtype} and {y.dtype}.")
    X = X.astype(np.float64, copy=False)
    y = y.astype(np.float64, copy=False)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"{caller}: `X` and `y` must have the same number of samples; "
            f"got X with {X.shape[0]} rows and y with {y.shape[0]} entries."
        )
    check_finite(X, "X", caller=caller)
    check_finite(y, "y", caller=caller)
    return X, y


def best_subset(X: ArrayLike, y: ArrayLike, k: int) -> BestSubset:
    """Best-subset regression: the `k` features whose least-squares fit has the smallest RSS.

    Solves the L0-constrained least-squares problem

    ``min over (b, w) of ||y - b - X w||_2**2  subject to  ||w||_0 <= k``

    exactly, by fitting all ``C(p, k)`` subsets of `k` columns (each with an intercept)
    and keeping the one with the smallest residual sum of squares (RSS).

    Parameters
    ----------
    X : array_like of shape (n, p)
        Design matrix, ``p <= 20``; integer input becomes float64.
    y : array_like of shape (n,)
        Response.
    k : int
        Number of features, ``0 <= k <= p``. ``k = 0`` fits the intercept alone.

    Returns
    -------
    BestSubset
        ``(support, rss, coef, intercept)``: the sorted column indices, the RSS, the
        coefficients of shape (p,) (0 off the support) and the intercept.

    Raises
    ------
    ValueError
        If ``p > 20`` (the search would fit more than 184,756 subsets for one k and
        grows as 2**p over all k), if `k` is outside ``[0, p]``, if the shapes disagree,
        or if `X` or `y` holds NaN or infinity.
    TypeError
        If `X` or `y` is not numeric or `k` is not an integer.

    See Also
    --------
    lasso_support_path : The supports the lasso picks, for comparison.
    normlab.prox.hard_threshold : Keeps the k largest entries; iterated, a heuristic for this problem.

    Notes
    -----
    The search centres `X` and `y` (which accounts for the intercept), scales the columns
    to unit length, and scores every subset S at once from the Gram matrix,
    ``RSS(S) = y_c·y_c - b_S^T G_SS^{-1} b_S`` with ``G = Z^T Z`` and ``b = Z^T y_c``, by a
    Cholesky factorization vectorized over batches of subsets; the winner is then refitted
    with :func:`numpy.linalg.lstsq` for an accurate RSS and coefficients. Subsets whose RSS
    agree to within ``1e-10 * y_c·y_c`` are ties; the first in
    :func:`itertools.combinations` order wins. In a collinear subset a dependent column is
    dropped from the scoring, and the refit returns minimum-norm coefficients. All ten
    sizes on a 10-feature problem (1,023 subsets) take a few milliseconds; ``p = 20``,
    ``k = 10`` about a second. The problem is NP-hard in general
    (Natarajan 1995), which is why the search stops at 20 features.
    Used in lessons 03 and 07.

    Examples
    --------
    >>> from normlab.linear import best_subset
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 6))
    >>> y = 3 * X[:, 1] - 2 * X[:, 4] + 0.1 * rng.standard_normal(50)
    >>> fit = best_subset(X, y, 2)
    >>> fit.support
    array([1, 4])
    >>> print(np.round(fit.coef, 1))
    [ 0.  3.  0.  0. -2.  0.]
    """
    caller = "best_subset"
    X, y = _check_Xy(X, y, caller)
    n, p = X.shape
    if p > _MAX_FEATURES:
        raise ValueError(
            f"{caller}: exhaustive search is limited to p <= {_MAX_FEATURES} features; got p = {p}. "
            f"For k = {min(10, p)} that would be {math.comb(p, min(10, p)):,} subsets. Screen features "
            "first, or use the lasso (sklearn.linear_model.Lasso) or a mixed-integer solver."
        )
    k = check_int(k, "k", caller=caller, minimum=0)
    if k > p:
        raise ValueError(f"{caller}: `k` must be at most the number of features p = {p}; got {k}.")
    Xc, yc, x_mean, y_mean = _center(X, y)
    if k == 0:
        support = np.zeros(0, dtype=np.intp)
    else:
        support = _search(Xc, yc, k)
    coef = np.zeros(p)
    if k > 0:
        coef[support] = np.linalg.lstsq(Xc[:, support], yc, rcond=None)[0]
    resid = yc - Xc @ coef
    intercept = y_mean - float(x_mean @ coef)
    return BestSubset(support, float(resid @ resid), coef, intercept)


def _search(Xc: np.ndarray, yc: np.ndarray, k: int) -> np.ndarray:
    """Index array of the best k-subset, scored through the Gram matrix in batches."""
    from itertools import combinations

    p = Xc.shape[1]
    scale = np.linalg.norm(Xc, axis=0)
    scale[scale == 0] = 1.0  # a constant column stays 0 and is dropped as dependent
    Z = Xc / scale  # unit-norm columns: the Gram matrix has a unit diagonal
    G = Z.T @ Z
    b = Z.T @ yc
    yy = float(yc @ yc)
    combos = np.fromiter(
        (i for S in combinations(range(p), k) for i in S), dtype=np.intp, count=math.comb(p, k) * k
    ).reshape(-1, k)
    best_rss, best_row = np.inf, 0
    for start in range(0, len(combos), _CHUNK):
        idx = combos[start : start + _CHUNK]
        rss = _batched_rss(G[idx[:, :, None], idx[:, None, :]], b[idx], yy)
        j = int(np.argmin(rss))
        if rss[j] < best_rss - 1e-10 * yy:  # earlier subsets win near-ties
            best_rss, best_row = float(rss[j]), start + j
    return combos[best_row].copy()


def _batched_rss(G_S: np.ndarray, b_S: np.ndarray, yy: float, tol: float = 1e-10) -> np.ndarray:
    """RSS of each stacked least-squares problem, by a Cholesky factorization vectorized over the stack.

    ``G_S`` (m, k, k) are Gram matrices with unit (or zero) diagonal, ``b_S`` (m, k) the
    matching ``Zᵀy``. With ``G_S = L Lᵀ`` and ``L z = b_S``, ``RSS = yy - ||z||²``. A
    column whose squared distance to the span of the earlier ones is below `tol` (relative)
    is dependent: its column of L and its z entry are set to 0, which is the same as
    dropping it, so collinear subsets get the RSS of their independent part.
    """
    m, k = b_S.shape
    L = np.zeros((m, k, k))
    z = np.zeros((m, k))
    for j in range(k):
        Lj = L[:, j, :j]
        d = G_S[:, j, j] - np.einsum("mi,mi->m", Lj, Lj)  # squared distance of column j to the span
        ok = d > tol * G_S[:, j, j]
        ljj = np.sqrt(np.where(ok, d, 1.0))
        inv = np.where(ok, 1.0 / ljj, 0.0)
        L[:, j, j] = np.where(ok, ljj, 0.0)
        if j + 1 < k:
            L[:, j + 1 :, j] = (G_S[:, j + 1 :, j] - np.einsum("mij,mj->mi", L[:, j + 1 :, :j], Lj)) * inv[:, None]
        z[:, j] = (b_S[:, j] - np.einsum("mi,mi->m", Lj, z[:, :j])) * inv
    return yy - np.einsum("mi,mi->m", z, z)


def lasso_support_path(X: ArrayLike, y: ArrayLike) -> LassoSupportPath:
    """The supports of the lasso (with intercept) along its exact regularization path.

    The lasso here is scikit-learn's,
    ``min over (b, w) of 1/(2n) ||y - b - X w||_2**2 + alpha ||w||_1``. Its solution is
    piecewise linear in α, so its support (the set of nonzero coefficients) is constant
    between consecutive knots. This function computes the knots exactly with
    :func:`sklearn.linear_model.lars_path` (``method="lasso"``) on centred data, and reads
    each segment's support at the segment's midpoint, where no coefficient is at a knot.

    Parameters
    ----------
    X : array_like of shape (n, p)
        Design matrix (standardize it first if the features have different units).
    y : array_like of shape (n,)
        Response.

    Returns
    -------
    LassoSupportPath
        ``(alphas, supports, first_of_size)``: the knots, the support on each segment, and
        for each size k the first support of that size (as α decreases).

    Raises
    ------
    ValueError
        If the shapes disagree or `X` or `y` holds NaN or infinity.
    TypeError
        If `X` or `y` is not numeric.

    See Also
    --------
    best_subset : The exact best support of each size, for comparison.
    sklearn.linear_model.lars_path : The path algorithm used here.

    Notes
    -----
    Along the lasso path a feature can leave the support and re-enter later (on the
    diabetes data s3 does), so a size can occur more than once; `first_of_size` keeps the
    first occurrence. If two features enter at the same knot (possible only for
    degenerate data) the size in between is skipped. Used in lessons 03 and 07.

    Examples
    --------
    >>> from normlab.linear import lasso_support_path
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 4))
    >>> y = 3 * X[:, 2] + 1 * X[:, 0] + 0.1 * rng.standard_normal(50)
    >>> path = lasso_support_path(X, y)
    >>> path.first_of_size[1], path.first_of_size[2]
    ((2,), (0, 2))
    >>> path.supports[0]
    (2,)
    """
    caller = "lasso_support_path"
    X, y = _check_Xy(X, y, caller)
    from sklearn.linear_model import lars_path

    Xc, yc, _, _ = _center(X, y)
    alphas, _, coefs = lars_path(Xc, yc, method="lasso")
    mids = 0.5 * (coefs[:, :-1] + coefs[:, 1:])  # the path is linear in α between knots
    supports = [tuple(int(i) for i in np.flatnonzero(m)) for m in mids.T]
    first: dict[int, tuple[int, ...]] = {0: ()}
    for s in supports:
        first.setdefault(len(s), s)
    return LassoSupportPath(np.asarray(alphas, dtype=np.float64), supports, first)


# ---------------------------------------------------------------------------------------
# Regularization paths, lambda_max, entry order and selection stability (lesson 07)
# ---------------------------------------------------------------------------------------

_PENALTIES = ("l1", "l2", "elasticnet")


class RegularizationPath(NamedTuple):
    """Coefficients along a regularization path, from :func:`regularization_path`."""

    alphas: NDArray[np.float64]
    """Penalty strengths in the estimator's own convention, decreasing, shape (m,)."""
    coefs: NDArray[np.float64]
    """``coefs[:, k]``: the coefficients at ``alphas[k]``, shape (p, m), as in
    :func:`sklearn.linear_model.lasso_path`."""


def _check_alphas(alphas: Any, caller: str) -> int | np.ndarray:
    """An int (number of automatic alphas, >= 1) or a 1-D array of positive alphas, decreasing."""
    if isinstance(alphas, (numbers.Integral, np.integer)) and not isinstance(alphas, (bool, np.bool_)):
        return check_int(alphas, "alphas", caller=caller, minimum=1)
    arr = as_float_array(alphas, "alphas", caller=caller, ndim=1, allow_empty=False).astype(np.float64)
    if not np.all(np.isfinite(arr)) or not np.all(arr > 0):
        raise ValueError(
            f"{caller}: `alphas` must be positive and finite; got min {float(np.min(arr))!r}. "
            "At alpha = 0 the penalty vanishes: fit least squares (sklearn LinearRegression) instead."
        )
    return np.sort(arr)[::-1].copy()


def _ridge_alpha_grid(d: np.ndarray, n_alphas: int) -> np.ndarray:
    """Ridge alphas from 1e3·d₁² (every shrinkage factor below 0.001) down to 1e-2·d_min²."""
    top = float(d[0] ** 2) if d.size and d[0] > 0 else 1.0
    bottom = max(float(d[-1] ** 2), 1e-8 * top)
    return np.geomspace(1e3 * top, 1e-2 * bottom, num=n_alphas) if n_alphas > 1 else np.array([1e3 * top])


def regularization_path(
    X: ArrayLike,
    y: ArrayLike,
    penalty: str = "l1",
    alphas: int | ArrayLike = 100,
    *,
    l1_ratio: float = 0.5,
    eps: float = 1e-3,
    tol: float = 1e-4,
    max_iter: int = 1000,
) -> RegularizationPath:
    r"""Coefficients of the lasso, ridge or elastic net (with intercept) along a grid of alphas.

    Each penalty keeps scikit-learn's own α, so every column of the result equals the
    ``coef_`` of the matching estimator fitted with ``alpha=alphas[k]``:

    - ``"l1"``, as ``Lasso(alpha=α)``: ``1/(2n) ||y - b - Xw||² + α ||w||₁``;
    - ``"l2"``, as ``Ridge(alpha=α)``: ``||y - b - Xw||² + α ||w||²`` (no 1/n, no 1/2);
    - ``"elasticnet"``, as ``ElasticNet(alpha=α, l1_ratio=r)``:
      ``1/(2n) ||y - b - Xw||² + α r ||w||₁ + α (1 - r)/2 ||w||²``.

    To put ridge on the lasso's per-sample scale, multiply by n: ``Ridge(alpha=n·λ)``
    minimizes ``1/(2n)||y - b - Xw||² + (λ/2)||w||²`` (its objective divided by 2n),
    which is the elastic net with r = 0 and α = λ.

    Parameters
    ----------
    X : array_like of shape (n, p)
        Design matrix (standardize it first if the features have different units).
    y : array_like of shape (n,)
        Response.
    penalty : {'l1', 'l2', 'elasticnet'}, default='l1'
        Lasso, ridge or elastic net.
    alphas : int or array_like of shape (m,), default=100
        Positive penalty strengths, or how many to choose automatically: for 'l1' and
        'elasticnet' scikit-learn's log grid from ``lambda_max(X, y, l1_ratio=r)`` (so
        :func:`lambda_max` divided by r for the elastic net) down to ``eps`` times it;
        for 'l2' a log grid from ``1e3·d₁²`` down to ``1e-2·d_min²``, where the d are the
        singular values of the centered X. At the top every shrinkage factor
        ``d²/(d² + α)`` is below 0.001 (so ``||w||₂ <= 0.001·||w_OLS||₂``; a single
        coefficient can keep a larger share), at the bottom every factor is above 0.99
        (when ``d_min² >= 1e-8·d₁²``; smaller singular values are clamped there).
    l1_ratio : float, default=0.5
        The mix r for 'elasticnet', in (0, 1]; r = 1 is the lasso. Ignored otherwise.
    eps : float, default=1e-3
        Length of the automatic lasso/elastic-net grid, ``alpha_min / alpha_max``.
    tol, max_iter : float, int
        Passed to scikit-learn's coordinate descent (defaults as in ``lasso_path``);
        ignored for 'l2', which is exact.

    Returns
    -------
    RegularizationPath
        ``(alphas, coefs)``: the alphas in decreasing order, shape (m,), and the
        coefficients, shape (p, m).

    Raises
    ------
    ValueError
        For an unknown `penalty`, non-positive `alphas`, `l1_ratio` outside (0, 1],
        mismatched shapes, or NaN/infinity in the data.
    TypeError
        If `X` or `y` is not numeric.

    See Also
    --------
    lambda_max : The first alpha of the automatic lasso grid.
    entry_order : Reads the order in which features become nonzero.
    normlab.viz.plot_path : Draws the result.

    Notes
    -----
    X and y are centered first, which is what fitting an unpenalized intercept does, then
    'l1' and 'elasticnet' call :func:`sklearn.linear_model.lasso_path` /
    :func:`~sklearn.linear_model.enet_path` (through :func:`normlab.compat.path_alphas`,
    so no deprecation warning on any scikit-learn). 'l2' is exact, through the SVD of the
    centered X, :math:`X_c = U D V^\top`:
    :math:`w(\alpha) = V \operatorname{diag}\bigl(d_j/(d_j^2 + \alpha)\bigr) U^\top y_c`,
    that is, each least-squares coordinate along the principal direction :math:`v_j` times
    the shrinkage factor :math:`d_j^2/(d_j^2 + \alpha)`. Coordinate descent stops once
    its duality gap, a bound on how far the objective is from its optimum, is below
    ``tol·||y_c||²`` for the objective multiplied by n (``1/2||y_c - X_c w||² + nα||w||₁``).
    That bounds the objective, not the coefficients: they can be off by much more than
    `tol` (by 0.16 on the standardized diabetes data at the default ``tol=1e-4``), so
    pass a small `tol` when exact values or supports matter. Used in lesson 07.

    Examples
    --------
    >>> from normlab.linear import regularization_path
    >>> from sklearn.linear_model import Ridge
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((40, 3))
    >>> y = X @ np.array([2.0, 0.0, -1.0]) + 0.1 * rng.standard_normal(40)
    >>> alphas, coefs = regularization_path(X, y, "l1", alphas=[1.0, 0.1])
    >>> print(np.round(coefs, 2) + 0.0)  # + 0.0 turns -0.0 into 0.0
    [[ 1.08  1.92]
     [ 0.    0.  ]
     [ 0.   -0.81]]
    >>> alphas, coefs = regularization_path(X, y, "l2", alphas=[10.0])
    >>> bool(np.allclose(coefs[:, 0], Ridge(alpha=10.0).fit(X, y).coef_, rtol=1e-10))
    True
    """
    caller = "regularization_path"
    X, y = _check_Xy(X, y, caller)
    check_option(penalty, "penalty", _PENALTIES, caller=caller)
    grid = _check_alphas(alphas, caller)
    Xc, yc, _, _ = _center(X, y)
    if penalty == "l2":
        U, d, Vt = np.linalg.svd(Xc, full_matrices=False)
        a = _ridge_alpha_grid(d, grid) if isinstance(grid, int) else grid
        factors = d[:, None] / (d[:, None] ** 2 + a[None, :])  # (k, m); 0 where d = 0
        coefs = Vt.T @ (factors * (U.T @ yc)[:, None])
        return RegularizationPath(a, coefs)

    from sklearn.linear_model import enet_path, lasso_path

    from .compat import path_alphas

    eps = check_positive(eps, "eps", caller=caller)
    kw: dict[str, Any] = dict(eps=eps, tol=check_positive(tol, "tol", caller=caller),
                              max_iter=check_int(max_iter, "max_iter", caller=caller, minimum=1))
    kw.update(path_alphas(grid) if isinstance(grid, int) else {"alphas": grid})
    if penalty == "l1":
        a, coefs, _ = lasso_path(Xc, yc, **kw)
    else:
        r = check_interval(
            l1_ratio, "l1_ratio", 0.0, 1.0, caller=caller, closed="right",
            hint="For l1_ratio = 0 (pure ridge) use penalty='l2' with alpha multiplied by n.",
        )
        a, coefs, _ = enet_path(Xc, yc, l1_ratio=r, **kw)
    return RegularizationPath(np.asarray(a, dtype=np.float64), np.asarray(coefs, dtype=np.float64))


def lambda_max(X: ArrayLike, y: ArrayLike, *, l1_ratio: float = 1.0) -> float:
    r"""The smallest scikit-learn lasso α at which every coefficient is zero: ``max|X_cᵀ(y - ȳ)|/n``.

    For scikit-learn's lasso with intercept,
    ``min over (b, w) of 1/(2n)||y - b - Xw||² + α||w||₁``, the point w = 0 is optimal
    exactly when no feature's inner product with the centered response (its covariance
    with y, for a centered column) beats the penalty:
    :math:`\lvert x_{c,j}^\top (y - \bar y)\rvert / n \le \alpha` for every j (the KKT
    condition at 0). So the threshold is

    .. math:: \lambda_{\max} = \max_j \lvert x_{c,j}^\top (y - \bar y)\rvert / n,

    where :math:`x_{c,j}` is column j of X minus its mean.

    Parameters
    ----------
    X : array_like of shape (n, p)
        Design matrix.
    y : array_like of shape (n,)
        Response.
    l1_ratio : float, default=1.0
        For the elastic net, whose L1 weight is ``α · l1_ratio``: the threshold is divided
        by `l1_ratio`, in (0, 1].

    Returns
    -------
    float
        The threshold; it equals ``lasso_path(X_c, y_c)[0][0]``, the first alpha of
        scikit-learn's automatic grid.

    Raises
    ------
    ValueError
        If `l1_ratio` is outside (0, 1], the shapes disagree, or the data hold NaN or
        infinity.
    TypeError
        If `X` or `y` is not numeric.

    See Also
    --------
    regularization_path : The path that starts at this alpha.
    lasso_support_path : Its first knot is the same number.

    Notes
    -----
    Do not search for this threshold by bisecting ``Lasso`` fits. Coordinate descent
    stops once its duality gap (a bound on the distance of the objective from its
    optimum) is below ``tol·||y_c||²``, measured on the objective multiplied by n,
    ``1/2||y_c - X_c w||² + nα||w||₁``. At w = 0 and α = s·λ_max (s < 1) that gap is
    ``1/2||y_c||²(1 - s)²``, so the all-zero start already passes the test for every
    α above ``λ_max·(1 - √(2·tol))``: the fits stay at 0 down to there (0.64 below
    λ_max = 45.16 on the standardized diabetes data at the default ``tol=1e-4``).
    Used in lesson 07.

    Examples
    --------
    >>> from normlab.linear import lambda_max
    >>> from sklearn.linear_model import Lasso
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((30, 4))
    >>> y = 3 * X[:, 0] + rng.standard_normal(30)
    >>> lam = lambda_max(X, y)
    >>> print(f"{lam:.4f}")
    2.5607
    >>> int(np.count_nonzero(Lasso(alpha=lam).fit(X, y).coef_))
    0
    >>> int(np.count_nonzero(Lasso(alpha=0.9 * lam).fit(X, y).coef_))
    1
    """
    caller = "lambda_max"
    X, y = _check_Xy(X, y, caller)
    r = check_interval(l1_ratio, "l1_ratio", 0.0, 1.0, caller=caller, closed="right")
    Xc, yc, _, _ = _center(X, y)
    return float(np.max(np.abs(Xc.T @ yc)) / (X.shape[0] * r))


def entry_order(
    alphas: ArrayLike,
    coefs: ArrayLike,
    names: Sequence[str] | None = None,
    *,
    tol: float = 0.0,
    ties: str = "size",
) -> list:
    """The order in which features first become nonzero along a regularization path.

    Walks the path from the largest alpha to the smallest and lists each feature at the
    first alpha where ``|coef| > tol``. A feature that leaves the model and re-enters
    later keeps its *first* place (``lars_path``'s ``active`` list instead moves it to
    the end). Features that never enter are left out.

    Parameters
    ----------
    alphas : array_like of shape (m,)
        Penalty strengths, in any order (sorted internally, largest first).
    coefs : array_like of shape (p, m)
        Coefficients along the path, as :func:`regularization_path` or
        ``sklearn.linear_model.lasso_path`` return them; the transpose (m, p) is accepted
        when the shape is unambiguous.
    names : sequence of str, optional
        Feature names; by default the result lists column indices.
    tol : float, default=0.0
        A coefficient counts as nonzero when its magnitude exceeds `tol`.
    ties : {'size', 'raise'}, default='size'
        What to do when two features first appear at the same grid point, so that the
        grid cannot tell which entered first: ``'size'`` orders them by the size of their
        coefficient there (a heuristic, see Notes); ``'raise'`` raises a ValueError, so
        that an order you report is read off the path, not guessed.

    Returns
    -------
    list
        Feature names (or int indices), earliest entry first.

    Raises
    ------
    ValueError
        If the shapes disagree, `names` has the wrong length, `tol` is negative, or
        ``ties='raise'`` and two features first appear at the same grid point.
    TypeError
        If `alphas` or `coefs` is not numeric.

    See Also
    --------
    regularization_path : Computes the path.
    lasso_support_path : The exact supports between the knots of the lasso path.

    Notes
    -----
    The order is exact only when at most one feature enters between two neighboring
    grid points. Ordering a tie by size is a heuristic, and it can be wrong: a feature
    that enters later with a steeper slope can be the larger one at the next grid
    point (and an elastic-net path is not even piecewise linear in α). Refine the grid
    between the tied alphas, pass ``ties='raise'`` to make sure none is left, or use
    the exact knots of :func:`lasso_support_path` for the lasso. Start the grid at the
    path's own :func:`lambda_max` (for the elastic net, ``l1_ratio=r``), where every
    coefficient is still 0: features already nonzero at the first grid point entered
    somewhere above it. On a ridge path every coefficient is nonzero from the start, so
    there is no entry order (``'size'`` gives the order by size at the largest alpha).
    Used in lesson 07.

    Examples
    --------
    >>> from normlab.linear import entry_order
    >>> alphas = [3.0, 2.0, 1.0, 0.5]
    >>> coefs = [[0.0, 0.0, 0.4, 0.9],    # enters second, between alpha = 2 and 1
    ...          [0.0, 0.7, 1.2, 1.5],    # enters first, between alpha = 3 and 2
    ...          [0.0, 0.0, 0.0, 0.2]]    # enters last
    >>> entry_order(alphas, coefs, ["a", "b", "c"])
    ['b', 'a', 'c']

    A tie: both enter between alpha = 2 and 0.5, and the grid cannot tell which first.

    >>> entry_order([2.0, 0.5], [[0.0, 0.05], [0.0, 2.0]], ["a", "b"], ties="raise")
    Traceback (most recent call last):
    ...
    ValueError: entry_order: 'a' and 'b' first appear at the same grid point (alpha = 0.5), so the grid cannot tell which entered first; refine the grid between alpha = 2 and 0.5.
    """
    caller = "entry_order"
    a = as_float_array(alphas, "alphas", caller=caller, ndim=1, allow_empty=False)
    C = as_float_array(coefs, "coefs", caller=caller, ndim=2, allow_empty=False)
    if C.shape[1] != a.size:
        if C.shape[0] == a.size:
            C = C.T
        else:
            raise ValueError(f"{caller}: `coefs` must have shape (n_features, {a.size}) to match `alphas`; "
                             f"got {C.shape}.")
    tol = check_positive(tol, "tol", caller=caller, strict=False)
    check_option(ties, "ties", ("size", "raise"), caller=caller)
    p = C.shape[0]
    if names is not None:
        names = [str(s) for s in names]
        if len(names) != p:
            raise ValueError(f"{caller}: `names` must have one entry per feature ({p}); got {len(names)}.")
    a_sorted = a[np.argsort(-a, kind="stable")]
    C = C[:, np.argsort(-a, kind="stable")]  # largest alpha first
    active = np.abs(C) > tol
    entered = np.flatnonzero(active.any(axis=1))
    first = active[entered].argmax(axis=1)
    if ties == "raise":
        values, counts = np.unique(first, return_counts=True)
        if np.any(counts > 1):
            k = int(values[np.argmax(counts > 1)])
            tied = [names[j] if names is not None else int(j) for j in entered[first == k]]
            where = (f"refine the grid between alpha = {a_sorted[k - 1]:.4g} and {a_sorted[k]:.4g}" if k > 0
                     else f"start the grid above alpha = {a_sorted[0]:.4g}, at lambda_max")
            raise ValueError(
                f"{caller}: {tied[0]!r} and {tied[1]!r} first appear at the same grid point "
                f"(alpha = {a_sorted[k]:.4g}), so the grid cannot tell which entered first; {where}."
            )
    size_at_entry = np.abs(C[entered, first])
    order = entered[np.lexsort((entered, -size_at_entry, first))]
    return [names[j] for j in order] if names is not None else [int(j) for j in order]


def selection_stability(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    n_boot: int = 30,
    *,
    tol: float = 1e-8,
    rng: Any = 0,
    return_selected: bool = False,
):
    """Bootstrap selection frequency of each feature: how often a refit keeps it nonzero.

    Draws `n_boot` bootstrap samples (n rows drawn with replacement), fits a fresh clone
    of `estimator` on each, and counts a feature as selected when ``|coef_| > tol``.
    Frequencies strictly between 0 and 1 mean the selection depends on the sample.

    Parameters
    ----------
    estimator : scikit-learn estimator
        Unfitted or fitted; it is cloned, never changed. It must expose ``coef_`` after
        ``fit``: ``Lasso``, ``ElasticNet``, ``Ridge``, ``LogisticRegression`` (binary, or
        multiclass, where a feature counts if any class uses it), ...
    X : array_like of shape (n, p)
        Features.
    y : array_like of shape (n,)
        Targets (numbers or class labels).
    n_boot : int, default=30
        Number of bootstrap samples, at least 1.
    tol : float, default=1e-8
        Coefficients with magnitude at most `tol` count as zero. Exact-zero solvers
        (coordinate descent, liblinear, saga) need no more; see Notes for why the solver
        must converge.
    rng : int, numpy.random.Generator or None, default=0
        Seed for ``numpy.random.default_rng``. Sample b uses the b-th call
        ``gen.integers(0, n, size=n)`` of ``gen = np.random.default_rng(rng)``, so the
        same seed gives the same samples for every estimator.
    return_selected : bool, default=False
        Also return the (n_boot, p) boolean matrix of selections, for joint statistics
        such as "exactly one of two features".

    Returns
    -------
    frequency : ndarray of shape (p,)
        Fraction of the bootstrap fits in which each feature was selected.
    selected : ndarray of shape (n_boot, p), bool
        Only with ``return_selected=True``.

    Raises
    ------
    TypeError
        If `estimator` has no ``fit`` or its fits have no ``coef_``; if `X` is not numeric.
    ValueError
        If `n_boot` < 1, `tol` < 0, the shapes disagree, or `X` holds NaN or infinity.

    See Also
    --------
    sklearn.utils.resample : Bootstrap resampling.

    Notes
    -----
    Read supports only from converged fits: a solver stopped early leaves small nonzero
    coefficients where the optimum has zeros, and the frequencies drift upwards (for
    L1 logistic regression, liblinear at ``tol=1e-6`` is fast and accurate; saga needs
    a tight tolerance and many iterations). Warnings raised by the fits (such as
    ``ConvergenceWarning``) are passed on, not silenced. Selection frequencies over
    bootstrap samples at one penalty are the idea of Bach's Bolasso (ICML 2008). Stability
    selection (Meinshausen & Bühlmann, JRSS-B 2010) is related but different: it uses
    subsamples of half the rows, drawn without replacement, takes the largest frequency
    over a range of penalties, and thresholds it with an error bound. Used in lessons 07
    and 22.

    Examples
    --------
    >>> from normlab.linear import selection_stability
    >>> from sklearn.linear_model import Lasso
    >>> rng = np.random.default_rng(0)
    >>> z = rng.standard_normal(100)
    >>> X = np.column_stack([z + 0.05 * rng.standard_normal(100),   # two near-copies
    ...                      z + 0.05 * rng.standard_normal(100),
    ...                      rng.standard_normal(100)])            # and noise
    >>> y = z + 0.5 * rng.standard_normal(100)
    >>> print(selection_stability(Lasso(alpha=0.2), X, y, n_boot=20))
    [0.8 0.7 0. ]
    """
    caller = "selection_stability"
    if not hasattr(estimator, "fit"):
        raise TypeError(f"{caller}: `estimator` must be a scikit-learn estimator with a fit method; "
                        f"got {type(estimator).__name__}.")
    Xa = as_float_array(X, "X", caller=caller, ndim=2, allow_empty=False)
    check_finite(Xa, "X", caller=caller)
    ya = np.asarray(y)
    if ya.ndim != 1 or ya.shape[0] != Xa.shape[0]:
        raise ValueError(f"{caller}: `y` must be 1-D with one entry per row of X ({Xa.shape[0]}); "
                         f"got shape {ya.shape}.")
    n_boot = check_int(n_boot, "n_boot", caller=caller, minimum=1)
    tol = check_positive(tol, "tol", caller=caller, strict=False)
    from sklearn.base import clone

    gen = np.random.default_rng(rng)
    n, p = Xa.shape
    selected = np.zeros((n_boot, p), dtype=bool)
    for b in range(n_boot):
        idx = gen.integers(0, n, size=n)
        fitted = clone(estimator).fit(Xa[idx], ya[idx])
        coef = getattr(fitted, "coef_", None)
        if coef is None:
            raise TypeError(f"{caller}: a fitted {type(fitted).__name__} has no `coef_`; use a linear model.")
        coef = np.abs(np.asarray(coef, dtype=float).reshape(-1, p))
        selected[b] = np.any(coef > tol, axis=0)
    frequency = selected.mean(axis=0)
    return (frequency, selected) if return_selected else frequency
