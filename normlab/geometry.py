"""Unit spheres, ball volumes, projections onto balls and steepest directions.

The geometry behind the norms: what the unit balls look like, how big they are, how to
find the closest point of a ball, which direction a norm calls "steepest", and how often
a constrained optimum lands on a sparse face (L1) or a pinned face (L-infinity).

Used in lessons 02, 06, 07, 08, 10 and 18.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_int, check_option, check_positive
from .norms import _check_order, _dual_maximizer, vector_norm

__all__ = [
    "SphereCurve",
    "unit_sphere_2d",
    "ball_volume",
    "project_onto_ball",
    "steepest_direction",
    "SparsityReport",
    "constrained_quadratic_sparsity",
]

_BALL_ORDERS = (1, 2, math.inf)


def _check_ball_order(ord: Any, caller: str) -> float:
    """`ord` must be 1, 2 or inf; explain the way out otherwise."""
    if isinstance(ord, (bool, np.bool_)):
        raise ValueError(f"{caller}: `ord` must be one of 1, 2, inf; got {ord!r}.")
    try:
        check_option(ord, "ord", _BALL_ORDERS, caller=caller)
    except ValueError as exc:
        hint = ""
        if isinstance(ord, (int, float, np.integer, np.floating)) and 0 <= ord < 1:
            hint = " For 0 <= p < 1 the ball is not convex, so a closest point need not be unique."
        elif isinstance(ord, (int, float, np.integer, np.floating)) and ord > 1:
            hint = " Other p > 1 have no closed form; use scipy.optimize.minimize with a constraint."
        raise ValueError(f"{exc}{hint}") from None
    return float(ord)


# ---------------------------------------------------------------------------
# Unit spheres and volumes
# ---------------------------------------------------------------------------


class SphereCurve(NamedTuple):
    r"""Coordinates ``(xs, ys)`` of a curve in the plane, ready for ``ax.plot(xs, ys)``.

    Returned by :func:`unit_sphere_2d`.

    Examples
    --------
    >>> from normlab.geometry import unit_sphere_2d
    >>> curve = unit_sphere_2d(1, n_points=9)
    >>> curve.xs
    array([ 1. ,  0.5,  0. , -0.5, -1. , -0.5,  0. ,  0.5,  1. ])
    """

    xs: NDArray[np.floating]
    ys: NDArray[np.floating]


def unit_sphere_2d(ord: float, n_points: int = 721) -> SphereCurve:
    r"""Points of the unit sphere :math:`\{x \in \mathbb{R}^2 : \Vert x\Vert_{\mathrm{ord}} = 1\}`, as a closed curve.

    Parameters
    ----------
    ord : float in [0, inf]
        The order p. For ``0 < p < 1`` the "sphere" of the quasi-norm is star-shaped (not
        convex). ``ord=0`` gives the L0 "ball" :math:`\{x : \Vert x\Vert_0 \le 1\}`, the union
        of the two coordinate axes, cut to the window [-1.5, 1.5]: two segments separated by
        a NaN, so that one ``plot`` call draws the cross.
    n_points : int, default=721
        Number of points on the curve, at least 9 (ignored for ``ord=0``, which returns 5).

    Returns
    -------
    curve : SphereCurve
        Named tuple ``(xs, ys)`` of arrays of shape (n_points,). The curve starts and ends
        at (1, 0) and runs counter-clockwise. The angles are evenly spaced within each
        45-degree sector and include every multiple of 45 degrees exactly, so the corners of
        the L1 diamond, (+-1, 0) and (0, +-1), and of the L-inf square, (+-1, +-1), are
        points of the curve, exactly; the polyline is then the exact sphere for those orders.

    Raises
    ------
    ValueError
        If `ord` is negative or NaN, or `n_points` < 9.
    TypeError
        If `ord` is not a real number or `n_points` is not an integer.

    See Also
    --------
    normlab.viz.plot_unit_balls : Draws these curves in the house style.

    Notes
    -----
    Each point is the direction :math:`u = (\cos\theta, \sin\theta)` rescaled to
    :math:`u / \Vert u\Vert_p`. Used in lessons 02, 03, 08 and 18.

    Examples
    --------
    >>> from normlab.geometry import unit_sphere_2d
    >>> xs, ys = unit_sphere_2d(np.inf, n_points=9)  # the square, corners exact
    >>> np.column_stack([xs, ys])[:3]
    array([[1., 0.],
           [1., 1.],
           [0., 1.]])
    >>> xs, ys = unit_sphere_2d(0.5)
    >>> print(f"{len(xs)} points; max |x| + |y| = {np.max(np.abs(xs) + np.abs(ys)):.2f}")
    721 points; max |x| + |y| = 1.00
    >>> unit_sphere_2d(0)  # the L0 cross: two axis segments, NaN-separated
    SphereCurve(xs=array([-1.5,  1.5,  nan,  0. ,  0. ]), ys=array([ 0. ,  0. ,  nan, -1.5,  1.5]))
    """
    caller = "unit_sphere_2d"
    p = _check_order(ord, "ord", caller=caller, allow_zero=True)
    if p == 0:
        w = 1.5
        return SphereCurve(np.array([-w, w, np.nan, 0.0, 0.0]), np.array([0.0, 0.0, np.nan, -w, w]))
    n = check_int(n_points, "n_points", caller=caller, minimum=9)
    # Spread the n - 1 steps over the eight 45-degree sectors, so each multiple of 45 is on the grid.
    steps = [(n - 1) // 8 + (k < (n - 1) % 8) for k in range(8)]
    theta = np.concatenate([k * np.pi / 4 + np.arange(m) * (np.pi / 4) / m for k, m in enumerate(steps)] + [[2 * np.pi]])
    c, s = np.cos(theta), np.sin(theta)
    h = math.sqrt(0.5)
    at_45 = np.cumsum([0, *steps])  # indices of 0, 45, ..., 360 degrees: set them exactly
    c[at_45] = [1, h, 0, -h, -1, -h, 0, h, 1]
    s[at_45] = [0, h, 1, h, 0, -h, -1, -h, 0]
    a, b = np.abs(c), np.abs(s)
    m = np.maximum(a, b)  # never 0 on the circle; dividing by it avoids overflow for large p
    r = m if p == math.inf else m * ((a / m) ** p + (b / m) ** p) ** (1 / p)
    return SphereCurve(c / r, s / r)


def ball_volume(ord: float, n: int, radius: float = 1.0) -> float:
    r"""Volume of the n-dimensional ball :math:`\{x : \Vert x\Vert_{\mathrm{ord}} \le r\}`.

    .. math:: V_p(n, r) = \frac{\left(2\,\Gamma(1 + 1/p)\right)^n}{\Gamma(1 + n/p)}\, r^n,
              \qquad V_\infty(n, r) = (2r)^n.

    Parameters
    ----------
    ord : float in (0, inf]
        The order p (``0 < p < 1`` allowed: the quasi-norm balls have a volume too).
    n : int
        Dimension, at least 1.
    radius : float, default=1.0
        Radius r; must be positive.

    Returns
    -------
    volume : float
        The volume; ``inf`` if it exceeds the float range, 0.0 if it underflows.

    Raises
    ------
    ValueError
        If `ord` is not in (0, inf], `n` < 1 or `radius` <= 0.
    TypeError
        If `ord` or `radius` is not a real number or `n` is not an integer.

    See Also
    --------
    normlab.norms.norm_bounds : The inequalities behind the nesting of the balls.

    Notes
    -----
    Computed through ``math.lgamma`` (logarithms of the Gamma function), so that n in the
    thousands does not overflow halfway. p = 1 gives the cross-polytope :math:`(2r)^n/n!`,
    p = 2 the Euclidean ball :math:`\pi^{n/2} r^n / \Gamma(n/2 + 1)`. Used in lesson 08.

    Examples
    --------
    >>> from normlab.geometry import ball_volume
    >>> print(", ".join(f"{ball_volume(p, 2):.4f}" for p in [1, 2, np.inf]))  # 2 < pi < 4
    2.0000, 3.1416, 4.0000
    >>> print(", ".join(f"{ball_volume(p, 10):.3g}" for p in [1, 2, np.inf]))
    0.000282, 2.55, 1.02e+03
    """
    caller = "ball_volume"
    p = _check_order(ord, "ord", caller=caller)
    n = check_int(n, "n", caller=caller, minimum=1)
    r = check_positive(radius, "radius", caller=caller)
    if p == math.inf:
        log_v = n * math.log(2 * r)
    else:
        log_v = n * (math.log(2.0) + math.lgamma(1 + 1 / p) + math.log(r)) - math.lgamma(1 + n / p)
    try:
        return math.exp(log_v) if p != math.inf else float((2 * r) ** n)
    except OverflowError:
        return math.inf


# ---------------------------------------------------------------------------
# Projections and steepest directions
# ---------------------------------------------------------------------------


def _project_rows(X: np.ndarray, ord: float, radius: float, norms: np.ndarray | None = None) -> np.ndarray:
    """Project every row of X (shape (k, n)) onto the `ord`-ball of radius `radius`.

    `norms` are the rows' `ord`-norms if already known (the public function passes
    overflow-safe ones). Rows with NaN or infinity become NaN for ord 1 and 2.
    """
    if ord == math.inf:
        return np.clip(X, -radius, radius)  # coordinate-wise
    if norms is None:
        norms = np.sum(np.abs(X), axis=1) if ord == 1 else np.sqrt(np.sum(X * X, axis=1))
    out = X.copy()
    finite = np.all(np.isfinite(X), axis=1)
    outside = finite & (norms > radius)  # rows with NaN or inf become NaN below
    if ord == 2:
        out[outside] = radius * (X[outside] / norms[outside, None])
    elif np.any(outside):  # L1: soft-threshold at the level that lands on the sphere [Duchi et al.]
        Xo = X[outside]
        scale = np.max(np.abs(Xo), axis=1, keepdims=True)  # work in units of max|x_i|: sums cannot overflow
        a = np.abs(Xo) / scale
        r = radius / scale
        u = -np.sort(-a, axis=1)  # magnitudes, largest first
        j = np.arange(1, X.shape[1] + 1)
        gaps = np.cumsum(u, axis=1) - j * u  # D_j = sum_{i <= j} (u_i - u_j): 0 for j = 1, then growing
        k = X.shape[1] - np.argmax((gaps < r)[:, ::-1], axis=1)  # keep the k largest: last j with D_j < r
        rows = np.arange(len(Xo))
        u_k = u[rows, k - 1][:, None]  # smallest kept magnitude ...
        z_k = ((r[:, 0] - gaps[rows, k - 1]) / k)[:, None]  # ... and its value after shrinking
        # theta = u_k - z_k; written this way, radius << |x| loses nothing and the rest is exactly 0
        out[outside] = np.sign(Xo) * (scale * np.where(a >= u_k, a - u_k + z_k, 0.0))
    out[~finite] = np.nan
    return out


def project_onto_ball(x: ArrayLike, ord: float = 2, radius: float = 1.0) -> NDArray[np.floating]:
    """Project a vector onto the closed `ord`-norm ball of radius `radius`.

    Parameters
    ----------
    x : array_like of shape (n,)
        Point to project; integer input becomes float64.
    ord : {1, 2, inf}, default=2
        Norm that defines the ball.
    radius : float, default=1.0
        Radius of the ball; must be positive.

    Returns
    -------
    z : ndarray of shape (n,)
        The point of the ball closest to `x` in Euclidean distance (a copy of `x` if inside).

    Raises
    ------
    ValueError
        If `ord` is not 1, 2 or inf, if `radius` <= 0, or if `x` is not 1-D.
    TypeError
        If `x` is not real and numeric, or `radius` is not a number.

    See Also
    --------
    normlab.prox.soft_threshold : The L1 case is a soft-threshold at a data-dependent level.

    Notes
    -----
    L2 rescales, :math:`z = r\\,x/\\Vert x\\Vert_2`; L-inf clips each coordinate to [-r, r]; L1
    sorts |x| to find the level :math:`\\theta` with :math:`\\sum_i \\max(\\lvert x_i\\rvert - \\theta, 0) = r`
    and soft-thresholds at it [1]_, which sets small coordinates exactly to 0.
    NaN in `x` gives NaN in the result; no error, no warning (for ord 1 and 2 the whole
    result is NaN, as is the result for infinite entries; for inf, clipping acts per coordinate).
    Used in lessons 02 and 06.

    References
    ----------
    .. [1] J. Duchi, S. Shalev-Shwartz, Y. Singer and T. Chandra, "Efficient projections onto
       the l1-ball for learning in high dimensions", ICML 2008.

    Examples
    --------
    >>> from normlab.geometry import project_onto_ball
    >>> project_onto_ball(np.array([3.0, 4.0]))               # L2: rescale
    array([0.6, 0.8])
    >>> project_onto_ball(np.array([3.0, -0.5]), ord=np.inf)  # L-inf: clip
    array([ 1. , -0.5])
    >>> project_onto_ball(np.array([2.0, 1.0]), ord=1)        # L1: shrink, then zero
    array([1., 0.])
    >>> project_onto_ball([3, -4, 0], ord=np.inf, radius=2)
    array([ 2., -2.,  0.])
    """
    caller = "project_onto_ball"
    x = as_float_array(x, "x", caller=caller, ndim=1)
    if np.iscomplexobj(x):
        raise TypeError(f"{caller}: `x` must be real; got an array of dtype {x.dtype}.")
    p = _check_ball_order(ord, caller)
    r = check_positive(radius, "radius", caller=caller)
    norms = None if p == math.inf else np.atleast_1d(vector_norm(x, ord=p))  # overflow-safe
    return _project_rows(x[None, :], p, r, norms)[0]


def steepest_direction(g: ArrayLike, ord: float = 2) -> NDArray[np.floating]:
    r"""The steepest-ascent direction for the norm: :math:`\arg\max_{\Vert d\Vert_{\mathrm{ord}} \le 1} \langle g, d\rangle`.

    A first-order step of length 1 (measured in the `ord` norm) that increases a function
    with gradient `g` the most; step along ``-steepest_direction(g, ord)`` to descend. The
    gain is the dual norm: :math:`\langle g, d\rangle = \Vert g\Vert_\ast`.

    Parameters
    ----------
    g : array_like of shape (n,)
        Gradient (real, non-empty).
    ord : float in [1, inf], default=2
        Norm that measures the step length.

    Returns
    -------
    d : ndarray of shape (n,)
        ``ord=2``: :math:`g/\Vert g\Vert_2` (gradient ascent). ``ord=inf``:
        :math:`\operatorname{sign}(g)`, every coordinate at full budget (as in FGSM).
        ``ord=1``: :math:`\operatorname{sign}(g_k)\, e_k` for the coordinate k with the largest
        :math:`\lvert g_k\rvert` (coordinate ascent); on ties the first such index. Other p:
        see :func:`normlab.norms.dual_maximizer`.

    Raises
    ------
    ValueError
        If `g` is not 1-D or is empty, or `ord` < 1.
    TypeError
        If `g` is not real and numeric, or `ord` is not a number.

    See Also
    --------
    normlab.norms.dual_maximizer : The same vector, read as the maximizer in a dual norm.
    normlab.norms.dual_norm : The gain :math:`\langle g, d\rangle`.

    Notes
    -----
    For ``g = 0`` every direction gains 0; the zero vector is returned. For ``ord=inf``,
    coordinates with :math:`g_i = 0` get 0 (any value in [-1, 1] would do). NaN in `g` gives
    NaN in the result. Used in lesson 10 (and lesson 24's FGSM, which uses the inf case).

    Examples
    --------
    >>> from normlab.geometry import steepest_direction
    >>> g = np.array([3.0, -4.0, 0.0])
    >>> steepest_direction(g)
    array([ 0.6, -0.8,  0. ])
    >>> steepest_direction(g, ord=np.inf)
    array([ 1., -1.,  0.])
    >>> steepest_direction(g, ord=1)
    array([ 0., -1.,  0.])
    >>> steepest_direction([2.0, -2.0, 1.0], ord=1)  # a tie: the first index wins
    array([1., 0., 0.])
    """
    return _dual_maximizer(g, ord, caller="steepest_direction", name="g")


# ---------------------------------------------------------------------------
# How often constrained optima are sparse or pinned
# ---------------------------------------------------------------------------


_ORD_NAMES = {1.0: "L1", 2.0: "L2", math.inf: "Linf"}


@dataclass(frozen=True)
class SparsityReport:
    r"""Result of :func:`constrained_quadratic_sparsity`.

    Attributes
    ----------
    ord : float
        The ball's norm order (1, 2 or inf).
    dim, n_problems : int
        Dimension and number of random problems.
    radius, tol : float
        The ball's radius and the tolerance used below.
    zero_fraction : float
        Fraction of all solution coordinates with :math:`\lvert x_i\rvert \le` tol.
    pinned_fraction : float
        Fraction of coordinates with :math:`\lvert x_i\rvert \ge` radius - tol, the largest
        magnitude any of the three balls allows (for L-inf: "pinned at :math:`\pm\max`").
    vertex_fraction : float
        Fraction of solutions at a vertex of the ball: a single nonzero of magnitude `radius`
        (L1), every coordinate at :math:`\pm` radius (L-inf); always 0 for L2, whose ball has
        no vertices.
    inactive_fraction : float
        Fraction of problems whose unconstrained minimizer c is already inside the ball.
    mean_iterations : float
        Mean number of iterations until the projected-gradient step from the extrapolated
        point y moved no coordinate by more than tol (then y is within tol of a fixed point,
        i.e. of the minimizer).
    converged_fraction : float
        Fraction of problems that met that criterion within `n_iter` iterations.
    solutions : ndarray of shape (n_problems, dim)
        The computed minimizers (not shown in the repr, not compared by ``==``).

    Examples
    --------
    >>> from normlab.geometry import constrained_quadratic_sparsity
    >>> report = constrained_quadratic_sparsity(1, 2, n_problems=50)
    >>> report.solutions.shape
    (50, 2)
    >>> print(f"{report.zero_fraction:.2f}")
    0.33
    """

    ord: float
    dim: int
    n_problems: int
    radius: float
    tol: float
    zero_fraction: float
    pinned_fraction: float
    vertex_fraction: float
    inactive_fraction: float
    mean_iterations: float
    converged_fraction: float
    solutions: np.ndarray = field(repr=False, compare=False, hash=False)

    def __str__(self) -> str:
        return (
            f"{_ORD_NAMES[self.ord]} ball in {self.dim}-D, {self.n_problems} problems: "
            f"{self.zero_fraction:.1%} of coordinates exactly 0, {self.pinned_fraction:.1%} at +-radius; "
            f"{self.vertex_fraction:.1%} of solutions at a vertex, {self.inactive_fraction:.1%} unconstrained; "
            f"{self.mean_iterations:.1f} iterations on average ({self.converged_fraction:.1%} converged)"
        )


def constrained_quadratic_sparsity(
    ord: float,
    dim: int,
    n_problems: int = 200,
    n_iter: int = 500,
    *,
    radius: float = 1.0,
    tol: float = 1e-9,
    rng: Any = 0,
) -> SparsityReport:
    r"""How often the minimizer of a random quadratic over a norm ball is sparse or pinned.

    Solves `n_problems` problems

    .. math:: \min_x \tfrac12 (x - c)^\top Q (x - c) \quad\text{subject to}\quad \Vert x\Vert_{\mathrm{ord}} \le r

    by accelerated projected gradient (FISTA with step :math:`1/\lambda_{\max}(Q)` and
    gradient-based restart), all problems at once, and counts how many coordinates end exactly
    at 0 (L1's sparsity) or at :math:`\pm r` (L-inf's "anti-sparsity").

    The random problems, drawn from ``numpy.random.default_rng(rng)``, are

    - :math:`Q = U \operatorname{diag}(\lambda) U^\top` with U a Haar-random orthogonal matrix
      (QR of a standard normal matrix, signs fixed) and :math:`\lambda_i = 10^{u_i}`,
      :math:`u_i \sim U(0, 1)`: log-uniform eigenvalues in [1, 10], condition number <= 10;
    - :math:`c \sim N(0, (2.5 r)^2 I)`, the unconstrained minimizer, which lies outside the ball
      for most problems (with rng=0, inside it for 11.5% of the 2-D problems with L-inf, 8.0% with
      L2 and 5.5% with L1; outside it for every problem in 10-D and beyond).

    Parameters
    ----------
    ord : {1, 2, inf}
        Norm of the constraint ball.
    dim : int
        Dimension, at least 1.
    n_problems : int, default=200
        Number of random problems, at least 1.
    n_iter : int, default=500
        Maximum number of iterations, at least 1 (the loop stops earlier once every problem
        has converged).
    radius : float, default=1.0
        Radius r of the ball; must be positive (the fractions do not depend on it).
    tol : float, default=1e-9
        A coordinate with :math:`\lvert x_i\rvert \le` tol counts as 0, one with
        :math:`\lvert x_i\rvert \ge r -` tol as pinned; a problem has converged when the
        projected-gradient step moves no coordinate by more than tol.
    rng : int, numpy.random.Generator or None, default=0
        Seed for ``numpy.random.default_rng``.

    Returns
    -------
    report : SparsityReport
        Frozen dataclass with ``zero_fraction``, ``pinned_fraction``, ``vertex_fraction``,
        ``inactive_fraction``, ``mean_iterations``, ``converged_fraction`` and the
        ``solutions``; ``print(report)`` gives a one-line summary.

    Raises
    ------
    ValueError
        If `ord` is not 1, 2 or inf, or `dim`, `n_problems`, `n_iter`, `radius`, `tol` are out
        of range.
    TypeError
        If an integer argument is not an integer or a float argument is not a number.

    See Also
    --------
    project_onto_ball : The projection used at every step.

    Notes
    -----
    Measured with the defaults (rng=0): L1 zero fractions 0.28 (2-D, 56.5% of solutions at a
    vertex), 0.84 (10-D) and 0.96 (50-D); L2 never gives a zero; L-inf pins 0.69 (2-D), 0.71
    (10-D) and 0.72 (50-D) of the coordinates at :math:`\pm r`. All problems converge, in 5 to
    40 iterations on average; the nine settings (three norms, dims 2, 10 and 50) take well
    under a second together.

    These fractions belong to this generator, not to the norms alone. What the geometry
    guarantees is the pattern: at an L-inf-constrained minimizer every coordinate with a
    nonzero loss gradient sits at exactly :math:`\pm r` (the fixed-point condition of projected
    gradient), and at an L1-constrained one every coordinate with a gradient entry smaller in
    magnitude than the largest sits at 0. *How many* coordinates do so depends on how far c lies
    outside the ball: with Q = I the L-inf solution is ``clip(c, -r, r)``, so the pinned
    fraction is :math:`P(\lvert c_i\rvert > r) = \operatorname{erfc}(1/(2.5\sqrt 2)) \approx 0.69`
    here, and 0.32 for :math:`c \sim N(0, r^2 I)`. Used in lessons 02, 06 and 18.

    Examples
    --------
    >>> from normlab.geometry import constrained_quadratic_sparsity
    >>> for p in [1, 2, np.inf]:
    ...     report = constrained_quadratic_sparsity(p, 10)
    ...     print(f"{p}: zero {report.zero_fraction:.2f}, pinned {report.pinned_fraction:.2f}")
    1: zero 0.84, pinned 0.05
    2: zero 0.00, pinned 0.00
    inf: zero 0.00, pinned 0.71
    """
    caller = "constrained_quadratic_sparsity"
    p = _check_ball_order(ord, caller)
    dim = check_int(dim, "dim", caller=caller, minimum=1)
    n_problems = check_int(n_problems, "n_problems", caller=caller, minimum=1)
    n_iter = check_int(n_iter, "n_iter", caller=caller, minimum=1)
    r = check_positive(radius, "radius", caller=caller)
    tol = check_positive(tol, "tol", caller=caller, strict=False)
    gen = np.random.default_rng(rng)

    # Random problems: Q = U diag(lam) U^T with Haar-random U, and centers c.
    Z = gen.standard_normal((n_problems, dim, dim))
    U, R = np.linalg.qr(Z)
    U = U * np.sign(np.diagonal(R, axis1=1, axis2=2))[:, None, :]  # Haar measure needs this sign fix
    lam = 10.0 ** gen.uniform(0.0, 1.0, size=(n_problems, dim))
    Q = (U * lam[:, None, :]) @ np.swapaxes(U, 1, 2)
    c = gen.normal(0.0, 2.5 * r, size=(n_problems, dim))
    step = 1.0 / lam.max(axis=1, keepdims=True)

    # FISTA with gradient-based restart (O'Donoghue and Candes, 2015), batched over problems.
    x = _project_rows(c, p, r)
    y, t = x.copy(), np.ones((n_problems, 1))
    iterations = np.full(n_problems, n_iter)
    done = np.zeros(n_problems, dtype=bool)
    for k in range(1, n_iter + 1):
        grad = (Q @ (y - c)[:, :, None])[:, :, 0]
        x_new = _project_rows(y - step * grad, p, r)
        residual = np.max(np.abs(x_new - y), axis=1)  # y is a fixed point of the step iff optimal
        newly = ~done & (residual <= tol)
        iterations[newly], done = k, done | newly
        restart = np.sum((y - x_new) * (x_new - x), axis=1, keepdims=True) > 0
        t_new = np.where(restart, 1.0, (1 + np.sqrt(1 + 4 * t * t)) / 2)
        y = x_new + np.where(restart, 0.0, (t - 1) / t_new) * (x_new - x)
        x, t = x_new, t_new
        if done.all():
            break

    a = np.abs(x)
    nonzero = a > tol
    pinned = a >= r - tol
    if p == 1:
        at_vertex = (nonzero.sum(axis=1) == 1) & pinned.any(axis=1)
    elif p == math.inf:
        at_vertex = pinned.all(axis=1)
    else:
        at_vertex = np.zeros(n_problems, dtype=bool)
    c_norm = np.sum(np.abs(c), axis=1) if p == 1 else (np.sqrt(np.sum(c * c, axis=1)) if p == 2 else np.max(np.abs(c), axis=1))
    return SparsityReport(
        ord=p,
        dim=dim,
        n_problems=n_problems,
        radius=r,
        tol=tol,
        zero_fraction=float(np.mean(~nonzero)),
        pinned_fraction=float(np.mean(pinned)),
        vertex_fraction=float(np.mean(at_vertex)),
        inactive_fraction=float(np.mean(c_norm <= r)),
        mean_iterations=float(np.mean(iterations)),
        converged_fraction=float(np.mean(done)),
        solutions=x,
    )
