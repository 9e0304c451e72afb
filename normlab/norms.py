"""Vector norms, the L0 count, dual norms, norm inequalities and axiom checkers.

The drop-ins ``norm``, ``vector_norm`` and ``matrix_norm`` (overflow-safe mirrors of
:mod:`numpy.linalg`) live in :mod:`normlab._linalg` and are re-exported here, their
public home. The short functions ``lp``, ``l0``, ``l1``, ``l2`` and ``linf`` are the
readable versions that the lessons print and discuss.

Used in lessons 00-10, 13 and 15.
"""

from __future__ import annotations

import math
import numbers
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._linalg import matrix_norm, norm, vector_norm
from ._validation import as_float_array, check_axis, check_int, check_option, check_positive

__all__ = [
    "norm",
    "vector_norm",
    "matrix_norm",
    "lp",
    "l0",
    "l1",
    "l2",
    "linf",
    "count_nonzero",
    "is_norm_order",
    "dual_order",
    "dual_norm",
    "dual_maximizer",
    "NormBounds",
    "norm_bounds",
    "AxiomResult",
    "AxiomReport",
    "MetricAxiomReport",
    "check_norm_axioms",
    "metric_axioms",
]


# ---------------------------------------------------------------------------
# Small private helpers
# ---------------------------------------------------------------------------


def _as_vector(x: Any, caller: str, name: str = "x", *, real: bool = False, allow_empty: bool = True) -> np.ndarray:
    """Validate a 1-D numeric array (integers and booleans become float64)."""
    arr = as_float_array(x, name, caller=caller, ndim=1, allow_empty=allow_empty)
    if real and np.iscomplexobj(arr):
        raise TypeError(f"{caller}: `{name}` must be real; got an array of dtype {arr.dtype}.")
    return arr


def _check_order(p: Any, name: str, *, caller: str, allow_zero: bool = False) -> float:
    """Return `p` as a float in (0, inf] (or [0, inf]); TypeError for non-numbers."""
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, numbers.Real):
        raise TypeError(f"{caller}: `{name}` must be a real number in (0, inf]; got {type(p).__name__} {p!r}.")
    v = float(p)
    if math.isnan(v) or v < 0 or (v == 0 and not allow_zero):
        interval = "[0, inf]" if allow_zero else "(0, inf]"
        hint = " For the L0 count use `l0` or `count_nonzero`." if v == 0 else ""
        raise ValueError(f"{caller}: `{name}` must be in {interval}; got {p!r}.{hint}")
    return v


def _check_norm_order(p: Any, name: str, *, caller: str) -> float:
    """Return `p` as a float in [1, inf], explaining why smaller orders are refused."""
    if isinstance(p, (bool, np.bool_)) or not isinstance(p, numbers.Real):
        raise TypeError(f"{caller}: `{name}` must be a real number in [1, inf]; got {type(p).__name__} {p!r}.")
    v = float(p)
    if not v >= 1:  # NaN included
        raise ValueError(
            f"{caller}: `{name}` must be in [1, inf]; got {p!r}. For p < 1, ||.||_p is not a norm "
            "(for 0 < p < 1 its unit ball is not convex), so it has no dual norm."
        )
    return v


def _max_abs(a: np.ndarray) -> Any:
    """Largest |a_i| (0 for an empty vector); NaN propagates."""
    return np.max(np.abs(a), initial=0.0)


# ---------------------------------------------------------------------------
# Teaching versions
# ---------------------------------------------------------------------------


def lp(x: ArrayLike, p: float) -> np.floating:
    r"""The Lp norm :math:`(\sum_i \lvert x_i\rvert^p)^{1/p}` of a vector, written to be read.

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector; integer input becomes float64.
    p : float in (0, inf]
        The order. ``p = inf`` gives :math:`\max_i \lvert x_i\rvert`. For ``0 < p < 1`` the
        formula is a quasi-norm, not a norm (it breaks the triangle inequality).

    Returns
    -------
    value : numpy floating scalar
        :math:`\Vert x\Vert_p`; 0 for an empty vector.

    Raises
    ------
    ValueError
        If `x` is not 1-D, or `p` is not in (0, inf] (use :func:`l0` for p = 0).
    TypeError
        If `x` is not numeric or `p` is not a real number.

    See Also
    --------
    vector_norm : The library version (any axis, any order, overflow-safe).
    l0, l1, l2, linf : The four orders the course names.

    Notes
    -----
    The entries are divided by the largest :math:`\lvert x_i\rvert` before raising them to
    the power p, and the result is multiplied back, so large p and huge entries do not
    overflow: :math:`\Vert x\Vert_p = m\,\Vert x/m\Vert_p`. NaN propagates.
    Used in lessons 02 and 15.

    Examples
    --------
    >>> from normlab.norms import lp
    >>> x = np.array([3.0, -4.0, 0.0])
    >>> for p in [1, 2, 3, 4, 10, 20]:
    ...     print(f"p = {p:>2}: {lp(x, p):.4f}")
    p =  1: 7.0000
    p =  2: 5.0000
    p =  3: 4.4979
    p =  4: 4.2846
    p = 10: 4.0220
    p = 20: 4.0006
    >>> print(f"{lp(x, np.inf):.1f}, {lp(x, 0.5):.4f}")  # p < 1: a quasi-norm
    4.0, 13.9282
    """
    x = _as_vector(x, "lp")
    p = _check_order(p, "p", caller="lp")
    m = _max_abs(x)  # the largest magnitude
    if p == np.inf or not (0 < m < np.inf):  # L-inf, zero vector, or NaN/inf inside
        return m
    return m * np.sum((np.abs(x) / m) ** p) ** (1 / p)


def l0(x: ArrayLike, tol: float = 0.0) -> int:
    r"""The L0 count :math:`\Vert x\Vert_0`: how many entries have :math:`\lvert x_i\rvert > \text{tol}`.

    Not a norm: it satisfies definiteness and the triangle inequality but not absolute
    homogeneity (:math:`\Vert 2x\Vert_0 = \Vert x\Vert_0`).

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector.
    tol : float, default=0.0
        Entries with :math:`\lvert x_i\rvert \le` `tol` count as zero; must be >= 0.

    Returns
    -------
    count : int
        The number of entries with :math:`\lvert x_i\rvert >` `tol`.

    Raises
    ------
    ValueError
        If `x` is not 1-D or `tol` is negative.

    See Also
    --------
    count_nonzero : The same count along any axis, mirroring ``numpy.count_nonzero``.

    Notes
    -----
    NaN counts as nonzero, as in ``numpy.count_nonzero``. Used in lessons 00, 01 and 03.

    Examples
    --------
    >>> from normlab.norms import l0
    >>> l0([3.0, -4.0, 0.0])
    2
    >>> l0([1e-17, 1.0]), l0([1e-17, 1.0], tol=1e-12)
    (2, 1)
    """
    x = _as_vector(x, "l0")
    tol = check_positive(tol, "tol", caller="l0", strict=False)
    is_zero = np.abs(x) <= tol  # False for NaN, so NaN counts as nonzero
    return int(np.sum(~is_zero))


def l1(x: ArrayLike) -> np.floating:
    r"""The L1 (taxicab) norm :math:`\sum_i \lvert x_i\rvert`, written to be read.

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector; integer input becomes float64.

    Returns
    -------
    value : numpy floating scalar
        :math:`\Vert x\Vert_1`; 0 for an empty vector.

    Raises
    ------
    ValueError
        If `x` is not 1-D.

    See Also
    --------
    vector_norm : ``vector_norm(x, ord=1)``, for any axis.

    Notes
    -----
    NaN propagates. Used in lessons 00 and 04.

    Examples
    --------
    >>> from normlab.norms import l1
    >>> print(f"{l1([3, -4, 0]):.1f}")
    7.0
    """
    x = _as_vector(x, "l1")
    return np.abs(x).sum()


def l2(x: ArrayLike) -> np.floating:
    r"""The L2 (Euclidean) norm :math:`\sqrt{\sum_i x_i^2}`, written to be read and safe from overflow.

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector; integer input becomes float64.

    Returns
    -------
    value : numpy floating scalar
        :math:`\Vert x\Vert_2`; 0 for an empty vector.

    Raises
    ------
    ValueError
        If `x` is not 1-D.

    See Also
    --------
    vector_norm : ``vector_norm(x)``, for any axis.

    Notes
    -----
    Squaring 1e200 overflows, so the entries are first divided by the largest magnitude m:
    :math:`\Vert x\Vert_2 = m\,\Vert x/m\Vert_2`. NaN propagates. Used in lessons 00, 05 and 13.

    Examples
    --------
    >>> from normlab.norms import l2
    >>> print(f"{l2([3, -4, 0]):.1f}")
    5.0
    >>> print(f"{l2([1e200, 1e200]):.4e}")  # the naive sqrt(sum(x**2)) gives inf
    1.4142e+200
    """
    x = _as_vector(x, "l2")
    m = _max_abs(x)
    if not (0 < m < np.inf):  # zero vector, or NaN/inf inside
        return m
    return m * np.sqrt(np.sum((np.abs(x) / m) ** 2))


def linf(x: ArrayLike) -> np.floating:
    r"""The L-infinity (max) norm :math:`\max_i \lvert x_i\rvert`, written to be read.

    Parameters
    ----------
    x : array_like of shape (n,)
        The vector; integer input becomes float64.

    Returns
    -------
    value : numpy floating scalar
        :math:`\Vert x\Vert_\infty`; 0 for an empty vector (NumPy does the same).

    Raises
    ------
    ValueError
        If `x` is not 1-D.

    See Also
    --------
    vector_norm : ``vector_norm(x, ord=np.inf)``, for any axis.

    Notes
    -----
    NaN propagates. Used in lessons 00 and 06.

    Examples
    --------
    >>> from normlab.norms import linf
    >>> print(f"{linf([3, -4, 0]):.1f}")
    4.0
    """
    x = _as_vector(x, "linf")
    return _max_abs(x)


# ---------------------------------------------------------------------------
# Counting, orders and duality
# ---------------------------------------------------------------------------


def count_nonzero(x: ArrayLike, axis: int | tuple[int, ...] | None = None, *, keepdims: bool = False, tol: float = 0.0):
    r"""Count entries with :math:`\lvert x_i\rvert >` `tol`: ``numpy.count_nonzero`` plus a tolerance.

    Parameters
    ----------
    x : array_like
        Numeric array (integer, boolean, floating or complex).
    axis : int or tuple of ints, optional
        Axis or axes along which to count; by default the whole array.
    keepdims : bool, default=False
        Keep the counted axes as size-one dimensions, as in NumPy.
    tol : float, default=0.0
        Entries with :math:`\lvert x_i\rvert \le` `tol` count as zero; must be >= 0. With
        ``tol=0`` the result is exactly NumPy's.

    Returns
    -------
    count : int or ndarray of int
        A Python ``int`` when `axis` is None and `keepdims` is False (NumPy 2.4 returns the
        same value as ``np.int64``), an integer array otherwise.

    Raises
    ------
    TypeError
        If `x` is not numeric or `axis` is not an integer or tuple of integers.
    ValueError
        If `tol` is negative or `axis` is out of range (``numpy.exceptions.AxisError``).

    See Also
    --------
    numpy.count_nonzero : The exact count this mirrors.
    l0 : The teaching version for one vector.

    Notes
    -----
    NaN counts as nonzero, as in NumPy (it is not :math:`\le` `tol`). For complex input
    the magnitude :math:`\lvert x_i\rvert` is compared with `tol`. Used in lessons 00 and 03.

    Examples
    --------
    >>> import normlab as nl
    >>> nl.count_nonzero([3, -4, 0])
    2
    >>> nl.count_nonzero([1e-17, 1.0]), nl.count_nonzero([1e-17, 1.0], tol=1e-12)
    (2, 1)
    >>> nl.count_nonzero([[0.0, 1e-3, 2.0], [0.0, 0.0, 5.0]], axis=1, tol=1e-2)
    array([1, 1])
    """
    caller = "count_nonzero"
    arr = as_float_array(x, "x", caller=caller)
    tol = check_positive(tol, "tol", caller=caller, strict=False)
    if axis is not None:
        axis = check_axis(axis, arr.ndim, caller=caller)
    mask = arr if tol == 0 else ~(np.abs(arr) <= tol)  # ~(<=) keeps NaN as nonzero
    count = np.count_nonzero(mask, axis=axis, keepdims=keepdims)
    if axis is None and not keepdims:
        return int(count)
    return np.asarray(count)


def is_norm_order(ord: Any) -> bool:
    r"""Whether :math:`\Vert\cdot\Vert_p` with ``p = ord`` is a genuine norm, i.e. ``1 <= ord <= inf``.

    Parameters
    ----------
    ord : object
        Candidate order. Anything that is not a real number (strings such as ``"fro"``,
        ``None``, booleans, NaN) gives False; this function never raises.

    Returns
    -------
    answer : bool
        True iff `ord` is a real number with 1 <= ord <= inf.

    See Also
    --------
    dual_order : The Hoelder conjugate of a norm order.

    Notes
    -----
    ``ord = 0`` is the L0 count (fails homogeneity) and ``0 < ord < 1`` a quasi-norm
    (fails the triangle inequality); negative orders are not even quasi-norms.
    Used in lessons 01, 02 and 15.

    Examples
    --------
    >>> from normlab.norms import is_norm_order
    >>> [is_norm_order(p) for p in [0, 0.5, 1, 2, np.inf, -1, "fro"]]
    [False, False, True, True, True, False, False]
    """
    if isinstance(ord, (bool, np.bool_)) or not isinstance(ord, numbers.Real):
        return False
    try:
        return bool(1 <= float(ord) <= math.inf)  # False for NaN
    except (TypeError, ValueError, OverflowError):
        return False


def dual_order(p: float) -> float:
    r"""The Hoelder conjugate q of a norm order p, with :math:`1/p + 1/q = 1`.

    The dual norm of :math:`\Vert\cdot\Vert_p` is :math:`\Vert\cdot\Vert_q`:
    1 and inf are dual to each other, 2 to itself, and otherwise :math:`q = p/(p-1)`.

    Parameters
    ----------
    p : float in [1, inf]
        A norm order.

    Returns
    -------
    q : float
        The dual order, in [1, inf].

    Raises
    ------
    ValueError
        If `p` < 1: then :math:`\Vert\cdot\Vert_p` is not a norm and has no dual norm.
    TypeError
        If `p` is not a real number.

    See Also
    --------
    dual_norm : The dual norm of a vector.

    Notes
    -----
    Computed as ``p / (p - 1)``, a single rounding, so ``dual_order(3) == 1.5`` exactly.
    Used in lesson 10.

    Examples
    --------
    >>> from normlab.norms import dual_order
    >>> [dual_order(p) for p in [1, 1.5, 2, 3, np.inf]]
    [inf, 3.0, 2.0, 1.5, 1.0]
    """
    p = _check_norm_order(p, "p", caller="dual_order")
    if p == 1:
        return math.inf
    if p == math.inf:
        return 1.0
    return p / (p - 1)


def dual_norm(y: ArrayLike, ord: float = 2, *, method: Literal["closed_form", "lp"] = "closed_form") -> np.floating:
    r"""The dual norm :math:`\Vert y\Vert_\ast = \sup_{\Vert x\Vert_{\mathrm{ord}} \le 1} \langle y, x\rangle`.

    Parameters
    ----------
    y : array_like of shape (n,)
        The vector; must not be empty.
    ord : float in [1, inf], default=2
        Order of the primal norm whose unit ball the supremum runs over.
    method : {'closed_form', 'lp'}, default='closed_form'
        ``'closed_form'`` uses Hoelder: :math:`\Vert y\Vert_\ast = \Vert y\Vert_q` with
        ``q = dual_order(ord)``. ``'lp'`` solves the supremum as a linear program with
        ``scipy.optimize.linprog`` (HiGHS); it exists for ``ord`` 1 and inf only, whose
        unit balls are polytopes.

    Returns
    -------
    value : numpy floating scalar
        :math:`\Vert y\Vert_\ast`.

    Raises
    ------
    ValueError
        If `y` is not 1-D or is empty, if `ord` < 1 (not a norm, so no dual), if `method` is
        unknown, if ``method='lp'`` with `ord` other than 1 or inf, or if ``method='lp'`` and
        `y` holds NaN or infinity.
    TypeError
        If `y` is not numeric (or is complex with ``method='lp'``), or `ord` is not a number.
    RuntimeError
        If the LP solver fails (it should not for finite `y`).

    See Also
    --------
    dual_order : The conjugate order q.
    dual_maximizer : A unit vector x attaining the supremum.
    normlab.geometry.steepest_direction : The same maximizer, read as a steepest-ascent step.

    Notes
    -----
    The closed form propagates NaN; the LP refuses non-finite input (a solver should not
    run on NaN). SciPy is imported inside the function. Used in lesson 10.

    Examples
    --------
    >>> import normlab as nl
    >>> y = np.array([3.0, -4.0, 0.0])
    >>> for p in [np.inf, 1, 2]:
    ...     print(f"dual of L{p}: {nl.dual_norm(y, ord=p):.4f}")
    dual of Linf: 7.0000
    dual of L1: 4.0000
    dual of L2: 5.0000
    >>> print(f"{nl.dual_norm(y, ord=np.inf, method='lp'):.4f}")  # the LP agrees
    7.0000
    >>> print(", ".join(f"{nl.dual_norm([1, -2, 2], ord=p):.0f}" for p in [1, 2, np.inf]))
    2, 3, 5
    """
    caller = "dual_norm"
    y = _as_vector(y, caller, "y", allow_empty=False)
    p = _check_norm_order(ord, "ord", caller=caller)
    check_option(method, "method", ("closed_form", "lp"), caller=caller)
    if method == "closed_form":
        return vector_norm(y, ord=dual_order(p))
    if p not in (1, math.inf):
        raise ValueError(
            f"{caller}: method='lp' handles `ord` 1 and inf only (their unit balls are polytopes); "
            f"got {ord!r}. Use method='closed_form'."
        )
    if np.iscomplexobj(y):
        raise TypeError(f"{caller}: method='lp' needs a real `y`; got an array of dtype {y.dtype}.")
    if not np.all(np.isfinite(y)):
        raise ValueError(f"{caller}: `y` must be finite for method='lp'; it contains NaN or infinity.")
    from scipy.optimize import linprog  # SciPy optimizers load only here

    y = y.astype(np.float64)
    n = y.size
    if p == math.inf:  # maximize <y, x> over the box -1 <= x_i <= 1
        res = linprog(-y, bounds=[(-1.0, 1.0)] * n, method="highs")
    else:  # x = u - v with u, v >= 0 and sum(u) + sum(v) <= 1: the cross-polytope
        res = linprog(np.concatenate([-y, y]), A_ub=np.ones((1, 2 * n)), b_ub=[1.0], bounds=(0, None), method="highs")
    if res.status != 0:
        raise RuntimeError(f"{caller}: linprog failed: {res.message}")
    return np.float64(-res.fun)


def _dual_maximizer(y: ArrayLike, ord: Any, *, caller: str, name: str) -> np.ndarray:
    """Shared body of ``dual_maximizer`` and ``geometry.steepest_direction``."""
    y = _as_vector(y, caller, name, real=True, allow_empty=False)
    p = _check_norm_order(ord, "ord", caller=caller)
    a = np.abs(y)
    m = np.max(a)
    if m == 0:  # every x in the ball attains <0, x> = 0; return the zero vector
        return np.zeros_like(y)
    if p == math.inf:  # the box corner on y's side
        return np.sign(y)
    if p == 1:  # the cross-polytope vertex on y's largest coordinate (first on ties)
        k = int(np.argmax(a))
        x = np.zeros_like(y)
        x[k] = np.sign(y[k])
        return x
    if p == 2:
        return y / vector_norm(y)
    q = dual_order(p)  # x_i = sign(y_i) |y_i|^(q-1) / ||y||_q^(q-1), computed on y/m
    w = (a / m) ** (q - 1)
    return np.sign(y) * (w / vector_norm(w, ord=p))


def dual_maximizer(y: ArrayLike, ord: float = 2) -> NDArray[np.floating]:
    r"""A vector x with :math:`\Vert x\Vert_{\mathrm{ord}} \le 1` attaining :math:`\langle y, x\rangle = \Vert y\Vert_\ast`.

    Parameters
    ----------
    y : array_like of shape (n,)
        Real, non-empty vector.
    ord : float in [1, inf], default=2
        Order of the primal norm.

    Returns
    -------
    x : ndarray of shape (n,)
        ``ord=2``: :math:`y/\Vert y\Vert_2`. ``ord=inf``: :math:`\operatorname{sign}(y)`.
        ``ord=1``: :math:`\operatorname{sign}(y_k) e_k` with k the first index of the largest
        :math:`\lvert y_k\rvert`. Other p: :math:`x_i = \operatorname{sign}(y_i)\lvert y_i\rvert^{q-1} /
        \Vert y\Vert_q^{q-1}` with q the dual order.

    Raises
    ------
    ValueError
        If `y` is not 1-D or empty, or `ord` < 1.
    TypeError
        If `y` is not real and numeric, or `ord` is not a number.

    See Also
    --------
    dual_norm : The value of the supremum.
    normlab.geometry.steepest_direction : The same vector, read as a steepest-ascent direction.

    Notes
    -----
    The maximizer is not unique when ties occur: for ``ord=1`` any convex combination of the
    tied vertices works (the first index is returned); for ``ord=inf`` any value in [-1, 1] works
    where :math:`y_i = 0` (0 is returned). For ``y = 0`` every x in the ball attains 0 and the zero
    vector is returned. NaN in `y` gives NaN in the result. Used in lesson 10.

    Examples
    --------
    >>> from normlab.norms import dual_maximizer
    >>> y = np.array([3.0, -4.0, 0.0])
    >>> dual_maximizer(y, ord=np.inf)
    array([ 1., -1.,  0.])
    >>> dual_maximizer(y, ord=1)
    array([ 0., -1.,  0.])
    >>> dual_maximizer(y, ord=2)
    array([ 0.6, -0.8,  0. ])
    >>> print(f"{y @ dual_maximizer(y, ord=3):.4f}")  # equals the dual norm ||y||_1.5
    5.5843
    """
    return _dual_maximizer(y, ord, caller="dual_maximizer", name="y")


class NormBounds(NamedTuple):
    r"""Tight constants ``(lower, upper)`` with lower·‖x‖_q <= ‖x‖_p <= upper·‖x‖_q on R^n.

    Returned by :func:`norm_bounds`; unpack it or read the fields.

    Examples
    --------
    >>> from normlab.norms import NormBounds
    >>> b = NormBounds(lower=1.0, upper=2.0)
    >>> print(f"{b.lower:.1f} <= ratio <= {b.upper:.1f}")
    1.0 <= ratio <= 2.0
    """

    lower: float
    upper: float


def norm_bounds(p: float, q: float, n: int) -> NormBounds:
    r"""The tight constants c, C with :math:`c\Vert x\Vert_q \le \Vert x\Vert_p \le C\Vert x\Vert_q` for all x in :math:`\mathbb{R}^n`.

    For :math:`p \le q`: :math:`c = 1` and :math:`C = n^{1/p - 1/q}`. For :math:`p \ge q`:
    :math:`c = n^{1/p - 1/q}` and :math:`C = 1`. The constant 1 is attained by :math:`e_1`,
    the other by the all-ones vector.

    Parameters
    ----------
    p, q : float in (0, inf]
        The two orders (quasi-norms with order below 1 are allowed: the bounds still hold).
    n : int
        Dimension, at least 1.

    Returns
    -------
    bounds : NormBounds
        Named tuple ``(lower, upper)`` of floats.

    Raises
    ------
    ValueError
        If `p` or `q` is not in (0, inf], or `n` < 1.
    TypeError
        If `p` or `q` is not a real number or `n` is not an integer.

    See Also
    --------
    normlab.geometry.ball_volume : Volumes of the nested balls.

    Notes
    -----
    Used in lessons 06, 08 and 15. For :math:`p \ne q` and :math:`n \ge 2`, equality in the
    constant 1 holds iff x has at most one nonzero entry, and equality in the other iff all
    :math:`\lvert x_i\rvert` are equal. (For :math:`p = q`, or :math:`n = 1`, both constants
    are 1 and every x gives equality.)

    Examples
    --------
    >>> from normlab.norms import norm_bounds
    >>> c, C = norm_bounds(1, 2, 3)  # ||x||_2 <= ||x||_1 <= sqrt(3) ||x||_2
    >>> print(f"{c:.4f}, {C:.4f}")
    1.0000, 1.7321
    >>> b = norm_bounds(2, np.inf, 3072)  # an L-inf budget of 8/255 on CIFAR-10 ...
    >>> print(f"L2 radius <= {b.upper * 8 / 255:.3f}")  # ... allows this much in L2
    L2 radius <= 1.739
    """
    caller = "norm_bounds"
    p = _check_order(p, "p", caller=caller)
    q = _check_order(q, "q", caller=caller)
    n = check_int(n, "n", caller=caller, minimum=1)
    factor = float(n) ** (1.0 / p - 1.0 / q)  # 1/inf == 0.0
    return NormBounds(1.0, factor) if p <= q else NormBounds(factor, 1.0)


# ---------------------------------------------------------------------------
# Axiom checkers
# ---------------------------------------------------------------------------


def _fmt(v: Any, digits: int = 4) -> str:
    """A number with `digits` significant digits; integers without a decimal point; no -0."""
    v = float(v) + 0.0  # turns -0.0 into 0.0
    if math.isfinite(v) and v == round(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.{digits}g}"


def _fmt_pair(lhs: float, rhs: float) -> tuple[str, str]:
    """Format two numbers, with 12 digits if 4 would make them look equal."""
    a, b = _fmt(lhs), _fmt(rhs)
    return (a, b) if a != b else (_fmt(lhs, 12), _fmt(rhs, 12))


def _relation(lhs_name: str, op: str, rhs_name: str, left: float, right: float, symbol: str) -> str:
    """'f(x + y) = 4 > f(x) + f(y) = 2', or a plain statement when a side is NaN."""
    a, b = _fmt_pair(left, right)
    if math.isnan(left) or math.isnan(right):
        return f"{lhs_name} = {a} and {rhs_name} = {b} ({symbol} returned nan)"
    return f"{lhs_name} = {a} {op} {rhs_name} = {b}"


def _fmt_vec(v: Any) -> str:
    v = np.asarray(v, dtype=float).ravel()
    shown = ", ".join(_fmt(c) for c in v[:8])
    return f"({shown}, ... {v.size - 8} more)" if v.size > 10 else "(" + ", ".join(_fmt(c) for c in v) + ")"


@dataclass(frozen=True)
class AxiomResult:
    r"""The outcome of one axiom in :func:`check_norm_axioms` or :func:`metric_axioms`.

    Attributes
    ----------
    axiom : str
        ``'definiteness'``, ``'homogeneity'``, ``'triangle inequality'``,
        ``'identity of indiscernibles'`` or ``'symmetry'``.
    passed : bool
        True if no test violated the axiom (evidence, not a proof).
    witness : dict or None
        The simplest counterexample found: vectors as tuples of floats under ``'x'``, ``'y'``
        (and ``'z'``), the scalar under ``'t'``. None if the axiom passed.
    lhs, rhs : float
        The two sides at the witness, e.g. f(x + y) and f(x) + f(y); NaN if the axiom passed.
    message : str
        One line showing the violation with fixed precision ('' if passed).
    n_tested : int
        How many cases were tested.
    n_violations : int
        How many of them violated the axiom.

    Examples
    --------
    >>> from normlab.norms import check_norm_axioms
    >>> tri = check_norm_axioms(lambda x: np.sum(np.sqrt(np.abs(x))) ** 2).triangle
    >>> tri.passed, tri.witness
    (False, {'x': (1.0, 0.0, 0.0), 'y': (0.0, 1.0, 0.0)})
    >>> print(f"{tri.lhs:.1f} > {tri.rhs:.1f}")
    4.0 > 2.0
    """

    axiom: str
    passed: bool
    witness: dict | None = field(default=None, hash=False)
    lhs: float = math.nan
    rhs: float = math.nan
    message: str = ""
    n_tested: int = 0
    n_violations: int = 0

    def __str__(self) -> str:
        return f"{self.axiom}: " + ("passed" if self.passed else f"FAILED, {self.message}")


class _ReportMixin:
    _AXIOMS: tuple[str, ...] = ()
    _KIND = ""

    @property
    def results(self) -> tuple[AxiomResult, ...]:
        """The three :class:`AxiomResult` objects, in the order the axioms are stated."""
        return tuple(getattr(self, a) for a in self._AXIOMS)

    @property
    def passed(self) -> bool:
        """True if no test violated any of the three axioms."""
        return all(r.passed for r in self.results)

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the axioms that failed, in order."""
        return tuple(r.axiom for r in self.results if not r.passed)

    def __str__(self) -> str:
        verdict = "no counterexample found" if self.passed else "fails " + ", ".join(self.failed)
        head = f"{self._KIND} for {self.name} (dim {self.dim}, {self.n_trials} random trials per axiom): {verdict}"
        width = max(len(r.axiom) for r in self.results)
        rows = [f"  {r.axiom:<{width}}  " + ("pass" if r.passed else f"FAIL  {r.message}") for r in self.results]
        return "\n".join([head, *rows])


@dataclass(frozen=True)
class AxiomReport(_ReportMixin):
    r"""Result of :func:`check_norm_axioms`: one :class:`AxiomResult` per norm axiom.

    Attributes
    ----------
    name : str
        Name of the checked function (``f.__name__``).
    dim, n_trials : int
        The arguments of the check.
    definiteness, homogeneity, triangle : AxiomResult
        The three axioms: f(0) = 0 and f(x) > 0 for x != 0; f(t x) = \|t\| f(x);
        f(x + y) <= f(x) + f(y).
    passed : bool
        True if all three passed (property).
    failed : tuple of str
        Names of the failed axioms (property).
    results : tuple of AxiomResult
        The three results in order (property).

    Examples
    --------
    >>> from normlab.norms import check_norm_axioms, l0
    >>> report = check_norm_axioms(l0)
    >>> report.passed, report.failed
    (False, ('homogeneity',))
    >>> print(report)
    Norm axioms for l0 (dim 3, 2000 random trials per axiom): fails homogeneity
      definiteness         pass
      homogeneity          FAIL  x = (1, 0, 0), t = 2: f(t*x) = 1 but |t|*f(x) = 2
      triangle inequality  pass
    """

    name: str
    dim: int
    n_trials: int
    definiteness: AxiomResult
    homogeneity: AxiomResult
    triangle: AxiomResult

    _AXIOMS = ("definiteness", "homogeneity", "triangle")
    _KIND = "Norm axioms"


@dataclass(frozen=True)
class MetricAxiomReport(_ReportMixin):
    r"""Result of :func:`metric_axioms`: one :class:`AxiomResult` per metric axiom.

    Attributes
    ----------
    name : str
        Name of the checked dissimilarity (``d.__name__``).
    dim, n_trials : int
        Dimension of the points and number of random trials per axiom.
    identity, symmetry, triangle : AxiomResult
        d(x, x) = 0 and d(x, y) > 0 for x != y; d(x, y) = d(y, x);
        d(x, z) <= d(x, y) + d(y, z).
    passed, failed, results
        As in :class:`AxiomReport`.

    Examples
    --------
    >>> from normlab.norms import metric_axioms
    >>> report = metric_axioms(lambda x, y: np.sum((x - y) ** 2), dim=1)
    >>> report.failed
    ('triangle inequality',)
    >>> print(report.triangle.message)
    x = (0), y = (1), z = (2): d(x, z) = 4 > d(x, y) + d(y, z) = 2
    """

    name: str
    dim: int
    n_trials: int
    identity: AxiomResult
    symmetry: AxiomResult
    triangle: AxiomResult

    _AXIOMS = ("identity", "symmetry", "triangle")
    _KIND = "Metric axioms"


_SCALARS = (float, int, np.floating, np.integer)


def _evaluate(func: Callable, args: tuple[np.ndarray, ...], vectorized: bool, caller: str, symbol: str):
    """Call `func` on the rows of `args` (each of shape (m, dim)).

    Returns (values, errors): floats with NaN where `func` failed, and an object array holding
    the error text (or None) per row. Warnings raised inside `func` are silenced: a checker
    reports, it does not warn.
    """
    m = args[0].shape[0]
    values = np.full(m, np.nan)
    errors = np.full(m, None, dtype=object)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if vectorized:
            out = np.asarray(func(*(a.copy() for a in args)))
            if out.shape != (m,) or not (np.issubdtype(out.dtype, np.integer) or np.issubdtype(out.dtype, np.floating)):
                raise ValueError(
                    f"{caller}: with vectorized=True, `{symbol}` must map arrays of shape ({m}, dim) "
                    f"to real values of shape ({m},); got dtype {out.dtype} and shape {out.shape}."
                )
            return out.astype(float), errors
        rows = [list(a) for a in args]  # views of the rows; each call gets a copy
        for i in range(m):
            try:
                out = func(rows[0][i].copy()) if len(rows) == 1 else func(rows[0][i].copy(), rows[1][i].copy())
                if not isinstance(out, _SCALARS):  # slow path: check what came back
                    if np.ndim(out) != 0:
                        raise TypeError(f"{symbol} must return a scalar; got shape {np.shape(out)}")
                    if np.iscomplexobj(out):
                        raise TypeError(f"{symbol} must return a real number; got {out!r}")
                values[i] = float(out)
            except Exception as exc:  # noqa: BLE001 - a failing func is reported, not raised
                errors[i] = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return values, errors


def _first_error(*errors: np.ndarray) -> np.ndarray:
    out = errors[0].copy()
    for e in errors[1:]:
        missing = np.equal(out, None)
        out[missing] = e[missing]
    return out


def _simplicity_order(arrays: list[np.ndarray]) -> np.ndarray:
    """Indices sorted from simplest (integer-valued, few nonzeros, small) to most complex."""
    stacked = np.concatenate([a.reshape(a.shape[0], -1) for a in arrays], axis=1)
    non_integer = np.sum(stacked != np.round(stacked), axis=1)
    nonzeros = np.sum(stacked != 0, axis=1)
    size = np.max(np.abs(stacked), axis=1, initial=0.0)
    return np.lexsort((size, nonzeros, non_integer))


def _conclude(
    axiom: str,
    args: dict[str, np.ndarray],
    n_structured: int,
    judged: tuple,
    describe: Callable,
    rejudge: Callable | None = None,
    severity: np.ndarray | None = None,
    keep_nonzero: str | None = None,
) -> AxiomResult:
    """Pick a witness among the violations and build the AxiomResult.

    judged = (lhs, rhs, violated, errors) over all cases; a case is "bad" if a side is NaN or
    func raised. Preference: the first structured numeric violation; else the random numeric
    violation of largest `severity` (if given) or the simplest one, rounded to 0-2 decimals
    when `rejudge` confirms it still fails; else the first bad case.
    """
    lhs, rhs, violated, errors = judged
    bad = np.isnan(lhs) | np.isnan(rhs) | ~np.equal(errors, None)
    numeric = np.flatnonzero(violated & ~bad)
    failing_bad = np.flatnonzero(violated & bad)
    n = int(violated.size)
    if numeric.size == 0 and failing_bad.size == 0:
        return AxiomResult(axiom, True, None, math.nan, math.nan, "", n, 0)
    witness_args = {k: a.copy() for k, a in args.items()}
    if numeric.size and numeric[0] < n_structured:
        i = int(numeric[0])
        w, left, right, err = {k: a[i] for k, a in witness_args.items()}, lhs[i], rhs[i], None
    elif numeric.size:
        if severity is not None:
            i = int(numeric[np.argmax(severity[numeric])])
        else:
            i = int(numeric[_simplicity_order([a[numeric] for a in witness_args.values()])[0]])
        w, left, right, err = {k: a[i] for k, a in witness_args.items()}, lhs[i], rhs[i], None
        if rejudge is not None:  # try a rounder witness that still violates
            for decimals in (0, 1, 2):
                cand = {k: np.round(v, decimals) + 0.0 for k, v in w.items()}
                if keep_nonzero and not np.any(cand[keep_nonzero]):
                    continue
                c_lhs, c_rhs, c_viol = rejudge(cand)
                if c_viol:
                    w, left, right = cand, c_lhs, c_rhs
                    break
    else:
        i = int(failing_bad[0])
        w, left, right, err = {k: a[i] for k, a in witness_args.items()}, lhs[i], rhs[i], errors[i]
    witness = {k: tuple(float(c) + 0.0 for c in v) if np.ndim(v) else float(v) + 0.0 for k, v in w.items()}
    message = describe(w, i, float(left), float(right), err)
    return AxiomResult(axiom, False, witness, float(left), float(right), message, n, int(violated.sum()))


def _basis(dim: int, i: int, scale: float = 1.0) -> np.ndarray:
    e = np.zeros(dim)
    e[i % dim] = scale
    return e


def _random_vectors(gen: np.random.Generator, k: int, dim: int) -> np.ndarray:
    """k random vectors: small integers, sparse Gaussians, Gaussians at scales 1e-6..1e6, Gaussians."""
    kind = gen.integers(0, 4, size=(k, 1))
    ints = gen.integers(-3, 4, size=(k, dim)).astype(float)
    gauss = gen.standard_normal((k, dim))
    sparse = gauss * (gen.random((k, dim)) < 0.5)
    scaled = gauss * 10.0 ** gen.uniform(-6, 6, size=(k, 1))
    return np.choose(kind, [ints, sparse, scaled, gauss])


def _random_scalars(gen: np.random.Generator, k: int) -> np.ndarray:
    """k random scalars: small integers (zero included), Gaussians, and +-10^U(-3, 3)."""
    kind = gen.integers(0, 3, size=k)
    ints = gen.integers(-3, 4, size=k).astype(float)
    gauss = gen.standard_normal(k)
    logs = gen.choice([-1.0, 1.0], size=k) * 10.0 ** gen.uniform(-3, 3, size=k)
    return np.choose(kind, [ints, gauss, logs])


def _structured_vectors(dim: int) -> list[np.ndarray]:
    """Small integer vectors, simplest first: +-e_i, e_i +- e_j, e_i + 2e_j, ones, alternating."""
    k = min(dim, 3)
    e = [_basis(dim, i) for i in range(k)]
    vs = [s * e[i] for i in range(k) for s in (1, -1)]
    vs += [v for i in range(k) for j in range(i + 1, k) for v in (e[i] + e[j], e[i] - e[j], e[i] + 2 * e[j])]
    ones = np.ones(dim)
    alt = np.where(np.arange(dim) % 2 == 0, 1.0, -1.0)
    return vs + [ones, -ones, alt, 2 * ones, np.arange(1.0, dim + 1)]


def _check_callable(f: Any, name: str, caller: str) -> str:
    if not callable(f):
        raise TypeError(f"{caller}: `{name}` must be callable; got {type(f).__name__} {f!r}.")
    return getattr(f, "__name__", type(f).__name__)


def _is_close(lhs: np.ndarray, rhs: np.ndarray, rtol: float, atol: float = 0.0) -> np.ndarray:
    """lhs == rhs up to rtol times the larger side (+ atol); False if either is NaN."""
    with np.errstate(invalid="ignore"):
        scale = np.maximum(np.abs(lhs), np.abs(rhs))
        return (lhs == rhs) | (np.abs(lhs - rhs) <= rtol * scale + atol)


def _is_below(lhs: np.ndarray, rhs: np.ndarray, rtol: float, atol: float = 0.0) -> np.ndarray:
    """lhs <= rhs up to rtol times the larger side (+ atol); False if either is NaN."""
    with np.errstate(invalid="ignore"):
        scale = np.maximum(np.abs(lhs), np.abs(rhs))
        return (lhs <= rhs) | (lhs - rhs <= rtol * scale + atol)


def check_norm_axioms(
    f: Callable[[np.ndarray], float],
    dim: int = 3,
    n_trials: int = 2000,
    *,
    rtol: float = 1e-6,
    vectorized: bool = False,
    rng: Any = 0,
) -> AxiomReport:
    r"""Search for counterexamples to the three norm axioms, with a witness for each failure.

    A norm f on :math:`\mathbb{R}^d` satisfies

    - **definiteness**: f(0) = 0 and f(x) > 0 for every x != 0;
    - **absolute homogeneity**: f(t x) = \|t\| f(x) for every real t (negative and zero included);
    - **the triangle inequality**: f(x + y) <= f(x) + f(y).

    Each axiom is tested first on a fixed list of small integer cases (:math:`\pm e_i`, their
    sums, the all-ones vector; x = y, disjoint and shared supports; t in 2, -1, 0, -2, 3, 1/2,
    -1/2; vectors as small as 1e-12), then on `n_trials` random cases: small-integer, sparse and
    Gaussian vectors at scales 1e-12 to 1e6, paired with independent vectors, vectors with the
    same or the complementary support, or positive multiples (where a norm has equality).

    Parameters
    ----------
    f : callable
        The candidate, called as ``f(x)`` with a float64 array of shape (dim,) and expected to
        return a real scalar. If it raises or returns NaN, that case counts as a violation.
    dim : int, default=3
        Dimension d of the test vectors, at least 1.
    n_trials : int, default=2000
        Random cases per axiom, at least 1.
    rtol : float, default=1e-6
        Differences smaller than `rtol` times the larger side count as rounding, not as a
        violation (large enough for float32 arithmetic inside `f`).
    vectorized : bool, default=False
        If True, `f` is called with arrays of shape (m, dim) and must return shape (m,), as
        ``lambda X: np.abs(X).sum(axis=-1)`` does; much faster for a slow `f`. Exceptions
        raised by a vectorized `f` propagate (they cannot be pinned to one case).
    rng : int, numpy.random.Generator or None, default=0
        Seed for ``numpy.random.default_rng``; a fixed seed gives the same report every run.

    Returns
    -------
    report : AxiomReport
        One :class:`AxiomResult` per axiom, with the simplest counterexample found: a structured
        case if one fails, else the simplest random one, rounded to at most 2 decimals when that
        still fails. ``print(report)`` shows a fixed-precision summary.

    Raises
    ------
    TypeError
        If `f` is not callable, or `dim`, `n_trials` are not integers.
    ValueError
        If `dim` < 1, `n_trials` < 1, `rtol` < 0, or a vectorized `f` returns the wrong shape.

    See Also
    --------
    metric_axioms : The same search for a dissimilarity d(x, y).
    is_norm_order : Which Lp orders give norms.

    Notes
    -----
    Passing means that no counterexample was found, not that f is a norm. Witnesses are
    numeric violations when any exist; NaN results and exceptions (shown with their message)
    are reported when nothing else fails. Warnings raised inside `f` are silenced.
    About 8,000 calls of `f` for the defaults (well under a second for NumPy one-liners).
    Used in lessons 01, 03 and 09.

    Examples
    --------
    >>> from normlab.norms import check_norm_axioms
    >>> print(check_norm_axioms(lambda x: np.sum(np.sqrt(np.abs(x)))))
    Norm axioms for <lambda> (dim 3, 2000 random trials per axiom): fails homogeneity
      definiteness         pass
      homogeneity          FAIL  x = (1, 0, 0), t = 2: f(t*x) = 1.414 but |t|*f(x) = 2
      triangle inequality  pass
    >>> def squared_l2(x):
    ...     return np.sum(x**2)
    >>> print(check_norm_axioms(squared_l2, dim=2).triangle.message)
    x = (1, 0), y = (1, 0): f(x + y) = 4 > f(x) + f(y) = 2
    >>> check_norm_axioms(lambda x: np.max(np.abs(x))).passed
    True
    """
    caller = "check_norm_axioms"
    name = _check_callable(f, "f", caller)
    dim = check_int(dim, "dim", caller=caller, minimum=1)
    n_trials = check_int(n_trials, "n_trials", caller=caller, minimum=1)
    rtol = check_positive(rtol, "rtol", caller=caller, strict=False)
    gen = np.random.default_rng(rng)

    def ev(*args):
        return _evaluate(f, args, vectorized, caller, "f")

    # Random nonzero vectors, a quarter of them shrunk by 10^-k (k = 0..12); f(X) is shared.
    X = _random_vectors(gen, n_trials, dim)
    X[~np.any(X != 0, axis=1)] = 1.0
    X[3::4] *= 10.0 ** -gen.integers(0, 13, size=(X[3::4].shape[0], 1))
    fX, eX = ev(X)
    base = _structured_vectors(dim)
    f_base, e_base = ev(np.array(base))

    # Definiteness: f(0) = 0, and f(x) > 0 for x != 0.
    tiny = np.array([_basis(dim, 0, s) for s in (1e-3, 1e-6, 1e-9, 1e-12)] + [np.full(dim, -1e-9)])
    f_tiny, e_tiny = ev(tiny)
    f_zero, e_zero = ev(np.zeros((1, dim)))
    xs = np.vstack([np.zeros((1, dim)), base, tiny, X])
    vals = np.concatenate([f_zero, f_base, f_tiny, fX])
    errs = np.concatenate([e_zero, e_base, e_tiny, eX])
    with np.errstate(invalid="ignore"):
        violated = ~np.concatenate([f_zero == 0, vals[1:] > 0])

    def describe_d(w, i, value, _, err):
        x = w["x"]
        if err:
            return f"x = {_fmt_vec(x)}: f raised {err}"
        if not np.any(x):
            return f"f(0) = {_fmt(value)}, but a norm is 0 at 0"
        return f"x = {_fmt_vec(x)}: f(x) = {_fmt(value)}" + (" < 0" if value < 0 else " although x != 0")

    def rejudge_d(w):
        v = ev(w["x"][None])[0][0]
        return v, 0.0, bool(v <= 0)

    definiteness = _conclude(
        "definiteness", {"x": xs}, 1 + len(base) + len(tiny), (vals, np.zeros_like(vals), violated, errs),
        describe_d, rejudge_d, keep_nonzero="x",
    )

    # Absolute homogeneity: f(t x) = |t| f(x), with negative and zero t.
    t_base = np.array([2.0, -1.0, 0.0, -2.0, 3.0, 0.5, -0.5])
    n_hx = min(len(base), 6)
    hx = np.repeat(np.array(base[:n_hx]), len(t_base), axis=0)
    ht = np.tile(t_base, n_hx)
    T = _random_scalars(gen, n_trials)
    x_h = np.vstack([hx, X])
    t_h = np.concatenate([ht, T])
    f_x = np.concatenate([np.repeat(f_base[:n_hx], len(t_base)), fX])
    e_x = np.concatenate([np.repeat(e_base[:n_hx], len(t_base)), eX])
    f_tx, e_tx = ev(t_h[:, None] * x_h)
    lhs, rhs = f_tx, np.abs(t_h) * f_x
    judged = (lhs, rhs, ~_is_close(lhs, rhs, rtol), _first_error(e_tx, e_x))

    def describe_h(w, i, left, right, err):
        where = f"x = {_fmt_vec(w['x'])}, t = {_fmt(w['t'])}"
        if err:
            return f"{where}: f raised {err}"
        return f"{where}: " + _relation("f(t*x)", "but", "|t|*f(x)", left, right, "f")

    def rejudge_h(w):
        left = ev(w["t"] * w["x"][None])[0][0]
        right = abs(w["t"]) * ev(w["x"][None])[0][0]
        return left, right, bool(~_is_close(left, right, rtol) and not np.isnan(left + right))

    homogeneity = _conclude("homogeneity", {"x": x_h, "t": t_h}, len(hx), judged, describe_h, rejudge_h)

    # Triangle inequality: f(x + y) <= f(x) + f(y).
    e0, e1 = _basis(dim, 0), _basis(dim, 1)
    pairs = [(e0, e0)]
    if dim > 1:
        pairs += [(e0, e1), (e0, -e1), (e0, e0 + e1), (e0 + e1, e0 - e1)]
    pairs += [(e0, -e0), (e0, 2 * e0), (np.ones(dim), np.ones(dim)), (np.ones(dim), e0)]
    Y = _random_vectors(gen, n_trials, dim)
    kind = (np.arange(n_trials) % 4)[:, None]
    support = X != 0
    Y = np.select(
        [kind == 0, kind == 1, kind == 2],
        [Y, np.where(support, Y, 0.0), np.where(support, 0.0, Y)],  # independent, shared, disjoint support
        default=gen.uniform(0, 3, size=(n_trials, 1)) * X,  # parallel: equality for a norm
    )
    px, py = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    f_px, e_px = ev(px)
    f_py, e_py = ev(py)
    f_Y, e_Y = ev(Y)
    x_t, y_t = np.vstack([px, X]), np.vstack([py, Y])
    f_xy, e_xy = ev(x_t + y_t)
    lhs, rhs = f_xy, np.concatenate([f_px, fX]) + np.concatenate([f_py, f_Y])
    errors = _first_error(e_xy, np.concatenate([e_px, eX]), np.concatenate([e_py, e_Y]))
    judged = (lhs, rhs, ~_is_below(lhs, rhs, rtol), errors)

    def describe_t(w, i, left, right, err):
        where = f"x = {_fmt_vec(w['x'])}, y = {_fmt_vec(w['y'])}"
        if err:
            return f"{where}: f raised {err}"
        return f"{where}: " + _relation("f(x + y)", ">", "f(x) + f(y)", left, right, "f")

    def rejudge_t(w):
        left = ev((w["x"] + w["y"])[None])[0][0]
        right = ev(w["x"][None])[0][0] + ev(w["y"][None])[0][0]
        return left, right, bool(~_is_below(left, right, rtol) and not np.isnan(left + right))

    triangle = _conclude("triangle inequality", {"x": x_t, "y": y_t}, len(pairs), judged, describe_t, rejudge_t)
    return AxiomReport(name, dim, n_trials, definiteness, homogeneity, triangle)


def metric_axioms(
    d: Callable[[np.ndarray, np.ndarray], float],
    X: ArrayLike | None = None,
    n_trials: int = 2000,
    *,
    dim: int = 3,
    rtol: float = 1e-6,
    vectorized: bool = False,
    rng: Any = 0,
) -> MetricAxiomReport:
    r"""Search for counterexamples to the metric axioms for a dissimilarity d(x, y).

    A metric satisfies

    - **identity of indiscernibles**: d(x, x) = 0 and d(x, y) > 0 for x != y;
    - **symmetry**: d(x, y) = d(y, x);
    - **the triangle inequality**: d(x, z) <= d(x, y) + d(y, z).

    Without `X`, points of :math:`\mathbb{R}^{\mathrm{dim}}` are tested: first a fixed list
    (0, :math:`e_1`, :math:`2e_1` on a line; unit vectors at 0, 45 and 90 degrees; basis vectors
    and their multiples), then `n_trials` random cases built as in :func:`check_norm_axioms`
    (independent triples, y on the segment from x to z, y near x). With `X`, pairs and triples
    of its rows are drawn at random.

    Parameters
    ----------
    d : callable
        Called as ``d(x, y)`` with two float64 arrays of shape (dim,); returns a real scalar.
        Exceptions and NaN count as violations, except that d(x, y) and d(y, x) both NaN counts
        as symmetric.
    X : array_like of shape (n_points, dim), optional
        The domain to test on, e.g. unit vectors for cosine or angular distance, which are not
        metrics on all of :math:`\mathbb{R}^d` (d(x, 2x) = 0).
    n_trials : int, default=2000
        Random cases per axiom, at least 1.
    dim : int, default=3
        Dimension of the generated points; ignored when `X` is given.
    rtol : float, default=1e-6
        Tolerance relative to the larger side and to the median distance in the sample, so that
        rounding (``arccos`` near 1 errs by about 1e-8) is not called a violation. For identity,
        a value within ``rtol`` times the median distance counts as 0 on both sides: d(x, x)
        passes, and d(x, y) for x != y fails.
    vectorized : bool, default=False
        If True, `d` takes two arrays of shape (m, dim) and returns shape (m,); its
        exceptions then propagate.
    rng : int, numpy.random.Generator or None, default=0
        Seed for ``numpy.random.default_rng``.

    Returns
    -------
    report : MetricAxiomReport
        One :class:`AxiomResult` per axiom (``identity``, ``symmetry``, ``triangle``). Without
        `X` the witness is the simplest failing case; with `X` it is the case with the largest
        relative violation, and the message names the rows (``x = X[3]``).

    Raises
    ------
    TypeError
        If `d` is not callable, or `X` is not real and numeric.
    ValueError
        If `X` is not 2-D or is empty, `dim` < 1, `n_trials` < 1 or `rtol` < 0.

    See Also
    --------
    check_norm_axioms : The norm axioms; if a norm passes them, d(x, y) = f(x - y) is a metric.

    Notes
    -----
    Passing means that no counterexample was found. Warnings raised inside `d` are silenced.
    Used in lesson 09: squared Euclidean and cosine distances fail the triangle inequality;
    angular distance on unit vectors and the Hamming distance pass.

    Examples
    --------
    >>> from normlab.norms import metric_axioms
    >>> def cosine_distance(x, y):
    ...     return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))
    >>> report = metric_axioms(cosine_distance, dim=2)
    >>> report.failed
    ('identity of indiscernibles', 'triangle inequality')
    >>> print(report.identity.message)
    x = (1, 0), y = (2, 0): d(x, y) = 0 although x != y
    >>> print(report.triangle.message)
    x = (1, 0), y = (0.7071, 0.7071), z = (0, 1): d(x, z) = 1 > d(x, y) + d(y, z) = 0.5858
    >>> def hamming(x, y):
    ...     return np.count_nonzero(x != y)
    >>> metric_axioms(hamming).passed
    True
    """
    caller = "metric_axioms"
    name = _check_callable(d, "d", caller)
    n_trials = check_int(n_trials, "n_trials", caller=caller, minimum=1)
    rtol = check_positive(rtol, "rtol", caller=caller, strict=False)
    gen = np.random.default_rng(rng)

    def ev(*args):
        return _evaluate(d, args, vectorized, caller, "d")

    n_same = n_trials // 4  # identity: a quarter of the random pairs are (x, x)
    if X is None:
        dim = check_int(dim, "dim", caller=caller, minimum=1)
        R1, R2, R3 = (_random_vectors(gen, n_trials, dim) for _ in range(3))
        e0, z = _basis(dim, 0), np.zeros(dim)
        e1 = _basis(dim, 1) if dim > 1 else -e0
        diag = np.sqrt(0.5) * (e0 + e1) if dim > 1 else 0.5 * e0
        same = [z, e0, e0 + 2 * e1]
        pairs_i = [(v, v) for v in same] + [(z, e0), (e0, 2 * e0), (e0, -e0), (e0, e1), (e0, e0 + e1)]
        pairs_s = [(z, e0), (e0, 2 * e0), (e0, e1), (e0, e0 + 2 * e1)]
        triples = [(z, e0, 2 * e0), (e0, diag, e1), (e0, e1, -e0)]
        kind = (np.arange(n_trials) % 3)[:, None]
        middle = np.select(
            [kind == 0, kind == 1],
            [R2, R1 + gen.uniform(0, 1, size=(n_trials, 1)) * (R3 - R1)],  # independent; on the segment
            default=R1 + 1e-3 * np.abs(R1).max(axis=1, keepdims=True) * gen.standard_normal((n_trials, dim)),
        )
        ix = np.vstack([[p[0] for p in pairs_i], R1])
        iy = np.vstack([[p[1] for p in pairs_i], R1[:n_same], R2[n_same:]])
        sx, sy = np.vstack([[p[0] for p in pairs_s], R1]), np.vstack([[p[1] for p in pairs_s], R2])
        tx, ty, tz = (np.vstack([[t[k] for t in triples], R]) for k, R in enumerate((R1, middle, R3)))
        n_struct = (len(pairs_i), len(pairs_s), len(triples))
        rows = None
    else:
        pts = as_float_array(X, "X", caller=caller, ndim=2, allow_empty=False)
        if np.iscomplexobj(pts):
            raise TypeError(f"{caller}: `X` must be real; got an array of dtype {pts.dtype}.")
        pts = pts.astype(np.float64)
        dim = pts.shape[1]
        a, b, c = (gen.integers(0, pts.shape[0], size=n_trials) for _ in range(3))
        b_same = np.concatenate([a[:n_same], b[n_same:]])
        ix, iy, sx, sy, tx, ty, tz = pts[a], pts[b_same], pts[a], pts[b], pts[a], pts[b], pts[c]
        n_struct = (0, 0, 0)
        rows = {"identity": (a, b_same), "symmetry": (a, b), "triangle": (a, b, c)}

    def where(w, i, axiom):
        if rows is None:
            return ", ".join(f"{k} = {_fmt_vec(v)}" for k, v in w.items())
        return ", ".join(f"{k} = X[{r[i]}]" for k, r in zip(w, rows[axiom]))

    # Identity of indiscernibles: d(x, x) = 0 and d(x, y) > 0 for x != y, with one tolerance for
    # both: |d(x, x)| <= atol counts as 0, so d(x, y) <= atol does not tell x != y apart (a
    # direction-only d rounds d(x, 2x) to 2e-16 or 2e-8). Only for a pair closer than 1% of the
    # median spacing, where a true distance can be that small (squared distances), d > 0 suffices.
    d_i, e_i = ev(ix, iy)
    equal = np.all(ix == iy, axis=1)
    typical = np.abs(d_i[np.isfinite(d_i) & ~equal])
    scale = float(np.median(typical)) if typical.size and np.median(typical) > 0 else 1.0
    atol = rtol * scale
    gap = np.linalg.norm(ix - iy, axis=1)
    spread = float(np.median(gap[~equal])) if np.any(~equal) else 0.0

    def floor_i(gap_xy):
        return np.where(gap_xy > 0.01 * spread, atol, 0.0)

    with np.errstate(invalid="ignore"):
        violated = ~np.where(equal, np.abs(d_i) <= atol, d_i > floor_i(gap))

    def describe_i(w, i, value, _, err):
        if err:
            return f"{where(w, i, 'identity')}: d raised {err}"
        if np.array_equal(w["x"], w["y"]):
            return f"{where(w, i, 'identity')}: d(x, x) = {_fmt(value)}, not 0"
        zero = ", 0 up to rounding," if value > 0 else ""
        return f"{where(w, i, 'identity')}: d(x, y) = {_fmt(value)}{zero} although x != y"

    def rejudge_i(w):
        v = ev(w["x"][None], w["y"][None])[0][0]
        same = np.array_equal(w["x"], w["y"])
        ok = abs(v) <= atol if same else v > floor_i(np.linalg.norm(w["x"] - w["y"]))
        return v, 0.0, bool(not ok and not np.isnan(v))

    severity = np.where(equal, np.abs(d_i), -d_i) if rows else None
    identity = _conclude(
        "identity of indiscernibles", {"x": ix, "y": iy}, n_struct[0],
        (d_i, np.zeros_like(d_i), violated, e_i), describe_i, None if rows else rejudge_i, severity,
    )

    # Symmetry: d(x, y) = d(y, x); both NaN counts as symmetric.
    d_xy, e_xy = ev(sx, sy)
    d_yx, e_yx = ev(sy, sx)
    errors = _first_error(e_xy, e_yx)
    both_nan = np.isnan(d_xy) & np.isnan(d_yx) & np.equal(errors, None)
    violated = ~(_is_close(d_xy, d_yx, rtol, atol) | both_nan)
    lhs, rhs = np.where(both_nan, 0.0, d_xy), np.where(both_nan, 0.0, d_yx)

    def describe_s(w, i, left, right, err):
        if err:
            return f"{where(w, i, 'symmetry')}: d raised {err}"
        return f"{where(w, i, 'symmetry')}: " + _relation("d(x, y)", "but", "d(y, x)", left, right, "d")

    def rejudge_s(w):
        left, right = ev(w["x"][None], w["y"][None])[0][0], ev(w["y"][None], w["x"][None])[0][0]
        return left, right, bool(~_is_close(left, right, rtol, atol) and not np.isnan(left + right))

    with np.errstate(invalid="ignore", divide="ignore"):
        severity = np.abs(lhs - rhs) / np.maximum(np.abs(lhs), np.abs(rhs)) if rows else None
    symmetry = _conclude(
        "symmetry", {"x": sx, "y": sy}, n_struct[1], (lhs, rhs, violated, errors),
        describe_s, None if rows else rejudge_s, severity,
    )

    # Triangle inequality: d(x, z) <= d(x, y) + d(y, z).
    d_xz, e_xz = ev(tx, tz)
    d_xy, e_xy = ev(tx, ty)
    d_yz, e_yz = ev(ty, tz)
    lhs, rhs = d_xz, d_xy + d_yz
    violated = ~_is_below(lhs, rhs, rtol, atol)

    def describe_t(w, i, left, right, err):
        if err:
            return f"{where(w, i, 'triangle')}: d raised {err}"
        return f"{where(w, i, 'triangle')}: " + _relation("d(x, z)", ">", "d(x, y) + d(y, z)", left, right, "d")

    def rejudge_t(w):
        left = ev(w["x"][None], w["z"][None])[0][0]
        right = ev(w["x"][None], w["y"][None])[0][0] + ev(w["y"][None], w["z"][None])[0][0]
        return left, right, bool(~_is_below(left, right, rtol, atol) and not np.isnan(left + right))

    with np.errstate(invalid="ignore", divide="ignore"):
        severity = (lhs - rhs) / np.abs(lhs) if rows else None
    triangle = _conclude(
        "triangle inequality", {"x": tx, "y": ty, "z": tz}, n_struct[2],
        (lhs, rhs, violated, _first_error(e_xz, e_xy, e_yz)), describe_t, None if rows else rejudge_t, severity,
    )
    return MetricAxiomReport(name, dim, n_trials, identity, symmetry, triangle)
