r"""Worst-case perturbations, FGSM steps and exact robustness certificates for linear models.

An attacker may move an input :math:`x` anywhere in the ball :math:`\Vert\delta\Vert \le \varepsilon`
of some norm (most often L-infinity for images: every pixel moves by at most ε). For a
*linear* score :math:`\langle w, x\rangle + b` the worst case has a closed form, by
Hoelder's inequality and the dual norm :math:`\Vert\cdot\Vert_\ast`:

.. math:: \max_{\Vert\delta\Vert \le \varepsilon} \langle w, \delta\rangle = \varepsilon \Vert w\Vert_\ast,

attained at ε times the steepest direction of the norm (for L-infinity, :math:`\varepsilon
\operatorname{sign}(w)`, whose gain is :math:`\varepsilon\Vert w\Vert_1`). For a linear
classifier with scores :math:`z_k = \langle w_k, x\rangle + b_k`, the same formula applied to
each difference :math:`w_y - w_j` gives *exact* robust margins, certified accuracy and
certified radii: no attack can do better, and the worst-case perturbation achieves it.

Weights use scikit-learn's layout: ``W = model.coef_`` of shape (K, d) and
``b = model.intercept_`` of shape (K,). A binary model (``coef_`` of shape (1, d)) is read
as the two classes (0, 1) with scores (0, ⟨w, x⟩ + b), which is how scikit-learn decides.

Used in lessons 06, 10, 21 and 24.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_positive
from .norms import _check_norm_order, dual_order, vector_norm

__all__ = [
    "worst_case_perturbation",
    "fgsm",
    "linear_robust_margins",
    "certified_accuracy_linear",
    "certified_radius_linear",
]


# ---------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------


def _check_real(arr: np.ndarray, name: str, caller: str) -> np.ndarray:
    if np.iscomplexobj(arr):
        raise TypeError(f"{caller}: `{name}` must be real; got an array of dtype {arr.dtype}.")
    return arr


def _check_eps(eps: Any, caller: str) -> float:
    return check_positive(eps, "eps", caller=caller, strict=False)


def _check_ord(ord: Any, caller: str) -> float:
    """`ord` in [1, inf]: the norm of the perturbation ball."""
    return _check_norm_order(ord, "ord", caller=caller)


def _steepest_rows(G: np.ndarray, p: float) -> np.ndarray:
    """``steepest_direction`` applied to every row of a 2-D array (vectorized for L-inf)."""
    if p == math.inf:  # sign(g), with 0 where g_i = 0: the same as steepest_direction
        return np.sign(G)
    from .geometry import steepest_direction

    return np.stack([steepest_direction(g, ord=p) for g in G]) if G.shape[0] else np.zeros_like(G)


def _check_linear_model(W: Any, b: Any, caller: str) -> tuple[np.ndarray, np.ndarray]:
    """Validate scikit-learn's (coef_, intercept_) and expand the binary case to two rows."""
    W = _check_real(as_float_array(W, "W", caller=caller, ndim=2, allow_empty=False), "W", caller)
    b = _check_real(as_float_array(b, "b", caller=caller, ndim=(0, 1)), "b", caller)
    b = np.atleast_1d(b)
    if b.shape != (W.shape[0],):
        raise ValueError(
            f"{caller}: `b` must have one entry per row of `W` ({W.shape[0]}); got shape {b.shape}. "
            "Pass model.coef_ and model.intercept_ of the same fitted model."
        )
    if W.shape[0] == 1:  # scikit-learn's binary layout: class 1 iff <w, x> + b > 0
        W = np.vstack([np.zeros_like(W), W])
        b = np.concatenate([np.zeros_like(b), b])
    return W, b


def _check_labels(y: Any, n: int, K: int, caller: str, name: str = "y") -> np.ndarray:
    arr = np.asarray(y)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise TypeError(f"{caller}: `{name}` must hold integer class indices; got an array of dtype {arr.dtype}.")
    if arr.ndim != 1 or arr.shape[0] != n:
        raise ValueError(f"{caller}: `{name}` must have shape ({n},), one label per row of `X`; got shape {arr.shape}.")
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise TypeError(f"{caller}: `{name}` must hold integer class indices; got non-integer values.")
    labels = arr.astype(np.intp)
    if labels.size and (labels.min() < 0 or labels.max() >= K):
        bad = labels[(labels < 0) | (labels >= K)][0]
        raise ValueError(
            f"{caller}: `{name}` must hold class indices 0 to {K - 1} (rows of `W`); got {bad}. "
            "For other labels pass np.searchsorted(model.classes_, y)."
        )
    return labels


def _check_inputs(W: Any, b: Any, X: Any, y: Any, caller: str, *, single: bool = False):
    W, b = _check_linear_model(W, b, caller)
    K, d = W.shape
    X = _check_real(as_float_array(X, "X" if not single else "x", caller=caller, ndim=(1, 2) if single else 2),
                    "X" if not single else "x", caller)
    one = X.ndim == 1
    X2 = X[None, :] if one else X
    if X2.shape[1] != d:
        name = "x" if single else "X"
        raise ValueError(
            f"{caller}: `{name}` has {X2.shape[1]} features but `W` has {d} columns; they must match."
        )
    if single and one:
        y_arr = np.atleast_1d(np.asarray(y))
        if y_arr.shape != (1,):
            raise ValueError(f"{caller}: for a single `x`, `y` must be one class index; got shape {np.shape(y)}.")
        y = y_arr
    labels = _check_labels(y, X2.shape[0], K, caller)
    return W, b, X2, labels, one


def _pairwise_dual_norms(W: np.ndarray, q: float) -> np.ndarray:
    """``D[k, j] = ||w_k - w_j||_q`` for every pair of classes, shape (K, K)."""
    return np.asarray(vector_norm(W[:, None, :] - W[None, :, :], axis=-1, ord=q), dtype=W.dtype)


def _margins(W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray, eps: float, p: float) -> np.ndarray:
    Z = X @ W.T + b
    rows = np.arange(X.shape[0])
    margins = Z[rows, y][:, None] - Z
    if eps > 0:
        margins = margins - eps * _pairwise_dual_norms(W, dual_order(p))[y]
    margins[rows, y] = np.inf
    return margins


# ---------------------------------------------------------------------------
# Attacks
# ---------------------------------------------------------------------------


def worst_case_perturbation(w: ArrayLike, eps: float, ord: float = math.inf) -> NDArray[np.floating]:
    r"""The perturbation :math:`\arg\max_{\Vert\delta\Vert_{\mathrm{ord}} \le \varepsilon} \langle w, \delta\rangle`.

    The δ in the `ord`-norm ball of radius `eps` that increases the linear score
    :math:`\langle w, x\rangle` the most; it raises the score by exactly
    :math:`\varepsilon\Vert w\Vert_\ast`, the dual norm. Use ``-worst_case_perturbation(w, eps)``
    to decrease the score the most.

    Parameters
    ----------
    w : array_like of shape (d,)
        Weight vector (real, non-empty); integer input becomes float64.
    eps : float
        Radius of the ball, at least 0.
    ord : float in [1, inf], default=inf
        Norm of the ball.

    Returns
    -------
    delta : ndarray of shape (d,)
        ``eps * steepest_direction(w, ord)``: for ``ord=inf`` :math:`\varepsilon
        \operatorname{sign}(w)` (every coordinate at full budget); for 2,
        :math:`\varepsilon w/\Vert w\Vert_2`; for 1, :math:`\varepsilon \operatorname{sign}(w_k) e_k`
        at an index k of the largest :math:`\lvert w_k\rvert`.

    Raises
    ------
    ValueError
        If `w` is not 1-D or is empty, `eps` is negative or not finite, or `ord` < 1.
    TypeError
        If `w` is not real and numeric, or `eps` or `ord` is not a number.

    See Also
    --------
    normlab.geometry.steepest_direction : The unit-radius maximizer.
    normlab.norms.dual_norm : The gain per unit of ε.
    fgsm : The same step applied to a gradient, with clipping to the pixel range.

    Notes
    -----
    Hoelder's inequality :math:`\langle w, \delta\rangle \le \Vert w\Vert_\ast \Vert\delta\Vert`
    shows no δ in the ball does better, and this δ attains it. The maximizer is not unique
    where ties or zeros occur: for ``ord=inf`` any value in :math:`[-\varepsilon, \varepsilon]`
    works where :math:`w_i = 0` (0 is returned). NaN in `w` gives NaN in the result.
    Used in lessons 06, 10 and 24.

    Examples
    --------
    >>> from normlab.robust import worst_case_perturbation
    >>> w = np.array([2.0, -1.0, 0.0])
    >>> delta = worst_case_perturbation(w, 0.1)
    >>> delta
    array([ 0.1, -0.1,  0. ])
    >>> print(f"gain {w @ delta:.2f} = eps * ||w||_1 = {0.1 * np.abs(w).sum():.2f}")
    gain 0.30 = eps * ||w||_1 = 0.30
    >>> worst_case_perturbation(w, 0.1, ord=2).round(4)
    array([ 0.0894, -0.0447,  0.    ])
    """
    caller = "worst_case_perturbation"
    w = _check_real(as_float_array(w, "w", caller=caller, ndim=1, allow_empty=False), "w", caller)
    eps = _check_eps(eps, caller)
    p = _check_ord(ord, caller)
    from .geometry import steepest_direction

    return eps * steepest_direction(w, ord=p)


def fgsm(
    grad: ArrayLike,
    x: ArrayLike,
    eps: float,
    ord: float = math.inf,
    clip: tuple[float, float] | None = (0.0, 1.0),
) -> NDArray[np.floating]:
    r"""One fast-gradient step: move `x` by `eps` along the steepest-ascent direction of `grad`.

    The fast gradient sign method (FGSM, Goodfellow et al. 2015) for ``ord=inf``:
    :math:`x' = \operatorname{clip}(x + \varepsilon \operatorname{sign}(\nabla_x L))`, the step that
    increases the first-order (linear) approximation of a loss L the most within the
    L-infinity ball. Other orders use the steepest direction of that norm.

    Parameters
    ----------
    grad : array_like of shape (d,) or (n, d)
        Gradient of the loss with respect to the input, one row per example.
    x : array_like of the same shape as `grad`
        The clean input(s).
    eps : float
        Budget: radius of the ball around each row of `x`, at least 0.
    ord : float in [1, inf], default=inf
        Norm of the ball.
    clip : (float, float) or None, default=(0.0, 1.0)
        Valid input range (pixel box) to clip the result to; None for no clipping.

    Returns
    -------
    x_adv : ndarray of the shape of `x`
        ``clip(x + eps * steepest_direction(grad_row, ord))`` for each row.

    Raises
    ------
    ValueError
        If `grad` and `x` differ in shape or are not 1-D or 2-D, `eps` < 0, `ord` < 1, or
        `clip` is not a pair (lo, hi) with lo <= hi.
    TypeError
        If `grad` or `x` is not real and numeric.

    See Also
    --------
    worst_case_perturbation : The exact worst case for a linear score (no clipping).
    normlab.geometry.steepest_direction : The direction used for each row.

    Notes
    -----
    **Clipping can only shrink the attack.** When `x` lies inside the box, each clipped
    coordinate lands between :math:`x_i` and :math:`x_i + \delta_i`: the effective
    perturbation keeps every sign and has :math:`\lvert\delta'_i\rvert \le \lvert\delta_i\rvert`, so it
    stays in the ε-ball, and for a linear score, where every term :math:`g_i\delta_i \ge 0`,
    its gain :math:`\langle g, \delta'\rangle` is at most the unclipped gain :math:`\varepsilon\Vert g\Vert_\ast`.

    **Exact for a linear score under L-infinity.** For ``ord=inf`` and `x` in the box, the
    feasible set :math:`(x + \varepsilon B_\infty) \cap [\mathrm{lo}, \mathrm{hi}]^d` is itself a
    box: coordinate i ranges over :math:`[\max(\mathrm{lo}, x_i - \varepsilon), \min(\mathrm{hi},
    x_i + \varepsilon)]`. The linear gain :math:`\langle g, \delta\rangle` is a sum of one term
    per coordinate, so it is maximized by taking each coordinate to the end of its interval on
    the side of :math:`\operatorname{sign}(g_i)`, which is exactly the clipped step. So
    ``fgsm(g, x, eps)`` is the exact worst case of a linear score within ball and box; for other
    orders the clipped step is feasible but not, in general, optimal.

    Certificates computed without the box (:func:`certified_accuracy_linear`) remain valid
    with it for a different reason, set inclusion: the ball intersected with the box is a
    subset of the ball, so the worst case over it is no worse. They can be pessimistic;
    the clipped step above measures by how much, for ``ord=inf``.

    For a nonlinear model FGSM is a heuristic: one step of the linearization, not the worst
    case. NaN propagates. Used in lessons 06 and 24.

    References
    ----------
    .. [1] I. Goodfellow, J. Shlens and C. Szegedy, "Explaining and harnessing adversarial
       examples", ICLR 2015.

    Examples
    --------
    >>> from normlab.robust import fgsm
    >>> x = np.array([0.5, 0.98, 0.0])
    >>> g = np.array([1.0, 2.0, -3.0])
    >>> fgsm(g, x, 0.1)                  # sign step, then clip to [0, 1]
    array([0.6, 1. , 0. ])
    >>> fgsm(g, x, 0.1, clip=None)
    array([ 0.6 ,  1.08, -0.1 ])
    """
    caller = "fgsm"
    g = _check_real(as_float_array(grad, "grad", caller=caller, ndim=(1, 2)), "grad", caller)
    x = _check_real(as_float_array(x, "x", caller=caller, ndim=(1, 2)), "x", caller)
    if g.shape != x.shape:
        raise ValueError(f"{caller}: `grad` and `x` must have the same shape; got {g.shape} and {x.shape}.")
    eps = _check_eps(eps, caller)
    p = _check_ord(ord, caller)
    if clip is not None:
        try:
            lo, hi = (float(c) for c in clip)
        except (TypeError, ValueError):
            raise ValueError(f"{caller}: `clip` must be a pair (lo, hi) or None; got {clip!r}.") from None
        if not lo <= hi:
            raise ValueError(f"{caller}: `clip` must satisfy lo <= hi; got {clip!r}.")
    G = g[None, :] if g.ndim == 1 else g
    step = eps * _steepest_rows(G, p)
    x_adv = x + (step[0] if x.ndim == 1 else step)
    if clip is not None:
        x_adv = np.clip(x_adv, lo, hi)
    return x_adv


# ---------------------------------------------------------------------------
# Certificates for linear classifiers
# ---------------------------------------------------------------------------


def linear_robust_margins(
    W: ArrayLike, b: ArrayLike, X: ArrayLike, y: ArrayLike, eps: float, ord: float = math.inf
) -> NDArray[np.floating]:
    r"""Worst-case margins of a linear classifier over the ball of radius `eps`, per class.

    For example i with label :math:`y_i` and every class j, the smallest value of the score
    gap :math:`z_{y_i} - z_j` over all inputs :math:`x_i + \delta` with
    :math:`\Vert\delta\Vert_{\mathrm{ord}} \le \varepsilon`:

    .. math:: m_{ij} = (z_{y_i} - z_j)(x_i) - \varepsilon \Vert w_{y_i} - w_j\Vert_\ast .

    Parameters
    ----------
    W : array_like of shape (K, d)
        Class weights, scikit-learn's ``coef_``. A single row (binary ``coef_``) means the
        classes 0 and 1 with scores 0 and :math:`\langle w, x\rangle + b`.
    b : array_like of shape (K,)
        Intercepts, ``intercept_`` (shape (1,) for a binary model).
    X : array_like of shape (n, d)
        Inputs.
    y : array_like of shape (n,)
        True classes as indices 0..K-1 into the rows of `W` (for a binary model, 0 or 1).
        scikit-learn's labels are these indices when ``classes_`` is 0..K-1; otherwise pass
        ``np.searchsorted(model.classes_, y)``.
    eps : float
        Radius of the perturbation ball, at least 0.
    ord : float in [1, inf], default=inf
        Norm of the ball; the dual order ``dual_order(ord)`` measures the weight differences.

    Returns
    -------
    margins : ndarray of shape (n, K)
        :math:`m_{ij}`, with ``+inf`` at j = :math:`y_i` (a class is not its own rival), so
        ``margins.min(axis=1)`` is the worst-case margin against the strongest rival.

    Raises
    ------
    ValueError
        If shapes disagree (`b` with `W`, `X` with `W`, `y` with `X`), a label is outside
        0..K-1, `eps` < 0, or `ord` < 1.
    TypeError
        If an array is not real and numeric, or `y` holds non-integer values.

    See Also
    --------
    certified_accuracy_linear : The fraction of examples whose every margin is positive.
    certified_radius_linear : The largest `eps` for which that stays true.

    Notes
    -----
    Exact: each margin is linear in δ, so by Hoelder's inequality its minimum over the ball is
    the formula above, attained at ``-worst_case_perturbation(w_y - w_j, eps, ord)``. The
    inputs range over the whole ball in :math:`\mathbb{R}^d`; if inputs must also stay in a
    box (pixels in [0, 1]), the true worst case can only be milder. Each class pair needs its
    own worst δ; the minimum over j is the worst case of the whole ball, since the ball is
    the same for every j. NaN propagates. Used in lessons 06, 10, 21 and 24.

    Examples
    --------
    >>> from normlab.robust import linear_robust_margins
    >>> W = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]])
    >>> b = np.zeros(3)
    >>> X = np.array([[2.0, 0.5]])
    >>> linear_robust_margins(W, b, X, [0], eps=0.0)
    array([[inf, 1.5, 4.5]])
    >>> linear_robust_margins(W, b, X, [0], eps=0.5)     # minus 0.5 * ||w_0 - w_j||_1
    array([[inf, 0.5, 3. ]])
    """
    caller = "linear_robust_margins"
    W, b, X, y, _ = _check_inputs(W, b, X, y, caller)
    eps = _check_eps(eps, caller)
    p = _check_ord(ord, caller)
    return _margins(W, b, X, y, eps, p)


def certified_accuracy_linear(
    W: ArrayLike, b: ArrayLike, X: ArrayLike, y: ArrayLike, eps: float, ord: float = math.inf
) -> float:
    r"""Fraction of examples that a linear classifier gets right for every input in the `eps`-ball.

    An example counts when all its worst-case margins (:func:`linear_robust_margins`) are
    strictly positive: no perturbation with :math:`\Vert\delta\Vert_{\mathrm{ord}} \le \varepsilon`
    makes another class score at least as high as the true one.

    Parameters
    ----------
    W, b : array_like of shapes (K, d) and (K,)
        scikit-learn's ``coef_`` and ``intercept_`` (binary models included).
    X : array_like of shape (n, d)
        Inputs; at least one row.
    y : array_like of shape (n,)
        True classes as indices 0..K-1 (see :func:`linear_robust_margins`).
    eps : float
        Radius of the ball, at least 0.
    ord : float in [1, inf], default=inf
        Norm of the ball.

    Returns
    -------
    accuracy : float
        In [0, 1]; at ``eps=0`` the clean accuracy (ties between the top scores count as
        errors, a probability-zero event for real-valued data).

    Raises
    ------
    ValueError, TypeError
        As :func:`linear_robust_margins`; also ValueError if `X` has no rows.

    See Also
    --------
    linear_robust_margins : The margins behind the count.
    certified_radius_linear : Per-example radii; the accuracy is ``mean(radius > eps)``.

    Notes
    -----
    **Exact** for the ball in :math:`\mathbb{R}^d`: an example not counted has a perturbation in
    the ball that changes (or ties) the prediction, and ``-worst_case_perturbation`` builds it.
    With a pixel box, the attacker's set is smaller, so this number is a **lower bound** on
    the accuracy under box-constrained attacks. Non-increasing in `eps`.
    Used in lessons 06, 10, 21 and 24.

    Examples
    --------
    >>> from normlab.robust import certified_accuracy_linear
    >>> W = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> X = np.array([[1.0, 0.0], [0.6, 0.4], [0.0, 1.0]])
    >>> y = [0, 0, 1]
    >>> for eps in [0.0, 0.05, 0.2, 0.5]:
    ...     acc = certified_accuracy_linear(W, np.zeros(2), X, y, eps)
    ...     print(f"eps = {eps:.2f}: {acc:.3f}")
    eps = 0.00: 1.000
    eps = 0.05: 1.000
    eps = 0.20: 0.667
    eps = 0.50: 0.000
    """
    caller = "certified_accuracy_linear"
    W, b, X, y, _ = _check_inputs(W, b, X, y, caller)
    if X.shape[0] == 0:
        raise ValueError(f"{caller}: `X` must have at least one row; got shape {X.shape}.")
    eps = _check_eps(eps, caller)
    p = _check_ord(ord, caller)
    worst = _margins(W, b, X, y, eps, p).min(axis=1)
    return float(np.mean(worst > 0))


def certified_radius_linear(
    W: ArrayLike, b: ArrayLike, x: ArrayLike, y: Any, ord: float = math.inf
) -> float | NDArray[np.floating]:
    r"""The largest ε for which a linear classifier's prediction is certified, per example.

    .. math:: r(x) = \min_{j \ne y} \frac{z_y - z_j}{\Vert w_y - w_j\Vert_\ast}, \quad
       \text{or } 0 \text{ if } x \text{ is misclassified (or tied)}.

    Every perturbation with :math:`\Vert\delta\Vert_{\mathrm{ord}} < r` keeps the prediction `y`, and
    one with :math:`\Vert\delta\Vert_{\mathrm{ord}} = r` reaches a tie.

    Parameters
    ----------
    W, b : array_like of shapes (K, d) and (K,)
        scikit-learn's ``coef_`` and ``intercept_`` (binary models included).
    x : array_like of shape (d,) or (n, d)
        One input, or one per row.
    y : int or array_like of shape (n,)
        True class index (indices) 0..K-1, as in :func:`linear_robust_margins`.
    ord : float in [1, inf], default=inf
        Norm of the perturbation ball.

    Returns
    -------
    radius : float, or ndarray of shape (n,) for 2-D `x`
        Non-negative; ``inf`` if no rival class can ever win (a zero weight difference with a
        positive score gap).

    Raises
    ------
    ValueError, TypeError
        As :func:`linear_robust_margins`.

    See Also
    --------
    certified_accuracy_linear : Equals ``mean(certified_radius_linear(W, b, X, y) > eps)``.

    Notes
    -----
    Exact for the ball in :math:`\mathbb{R}^d` (a lower bound on the radius when inputs are
    also confined to a box). The ratio is the distance, in the `ord` norm, from x to the
    hyperplane where classes y and j tie. NaN propagates. Used in lessons 06, 10 and 24.

    Examples
    --------
    >>> from normlab.robust import certified_radius_linear
    >>> W = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> x = np.array([0.6, 0.4])
    >>> print(f"{certified_radius_linear(W, np.zeros(2), x, 0):.3f}")  # (0.6-0.4)/||(1,-1)||_1
    0.100
    >>> print(f"{certified_radius_linear(W, np.zeros(2), x, 0, ord=2):.4f}")
    0.1414
    >>> certified_radius_linear(W, np.zeros(2), np.array([[0.6, 0.4], [0.6, 0.4]]), [0, 1])
    array([0.1, 0. ])
    """
    caller = "certified_radius_linear"
    W, b, X, y, one = _check_inputs(W, b, x, y, caller, single=True)
    p = _check_ord(ord, caller)
    gaps = _margins(W, b, X, y, 0.0, p)  # z_y - z_j, +inf at j = y
    D = _pairwise_dual_norms(W, dual_order(p))[y]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = np.where(D > 0, gaps / D, np.where(gaps > 0, np.inf, 0.0))
    rows = np.arange(X.shape[0])
    ratios[rows, y] = np.inf
    nan = np.isnan(gaps).any(axis=1)
    radius = np.where(gaps.min(axis=1) > 0, ratios.min(axis=1), 0.0)
    radius = np.where(nan, np.nan, radius)
    return float(radius[0]) if one else radius
