"""Losses built from norms, and the location estimates they lead to.

A loss measures how far predictions sit from targets. Applied to the residuals
``r = x - c`` of a single constant prediction ``c``, each norm order picks its own
best constant: the L1 loss picks the median, the squared L2 loss the mean, the L∞
loss the midrange, and the L0 count the mode (:func:`location_estimate`).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_float_array, check_option

__all__ = ["location_estimate"]

_LOCATION_ORDERS = (0, 1, 2, math.inf)


def location_estimate(x: ArrayLike, ord: float) -> float:
    """The constant `c` that best summarizes `x` under the norm order `ord` of the residuals ``x - c``.

    The estimate minimizes the loss ``L(c)`` of predicting every entry of `x` by `c`:

    * ``ord=0``: the number of entries with ``x_i != c`` (the L0 count); the **mode**.
    * ``ord=1``: ``sum |x_i - c|`` (the L1 norm); the **median**.
    * ``ord=2``: ``sum (x_i - c)**2`` (the squared L2 norm); the **mean**.
    * ``ord=inf``: ``max |x_i - c|`` (the L∞ norm); the **midrange** ``(min + max) / 2``.

    Minimizing ``||x - c||_2`` or its square gives the same `c`, so ``ord=2`` is the
    mean either way.

    Parameters
    ----------
    x : array_like of shape (n,)
        The data, n >= 1; integers and booleans become float64.
    ord : {0, 1, 2, inf}
        Norm order of the residuals: 0 (mode), 1 (median), 2 (mean) or ``np.inf``
        (midrange, ``(min + max) / 2``).

    Returns
    -------
    c : float
        A minimizer of the loss; see Notes for which one when there are several.

    Raises
    ------
    TypeError
        If `x` is not numeric or is complex.
    ValueError
        If `ord` is not one of 0, 1, 2, inf, or if `x` is not 1-D or is empty.

    See Also
    --------
    numpy.median, numpy.mean, scipy.stats.mode : The references for ord = 1, 2 and 0.
    normlab.prox.soft_threshold : The same kink at 0 that makes the median ignore
        how far the outliers are makes the lasso's zeros exact.

    Notes
    -----
    *Median (ord=1).* The slope of ``L(c) = sum |x_i - c|`` is the number of points
    below `c` minus the number above it. With an odd n it changes sign at the
    middle value only, so the median is the unique minimizer. With an even n, every
    `c` between the two middle values balances the counts, and ``L`` is flat there:
    all those points minimize the L1 loss equally well. This function returns
    NumPy's choice, the midpoint of the two middle values (``np.median``).

    *Mode (ord=0).* With the convention ``0**0 = 0``, ``sum |x_i - c|**0`` counts
    the entries different from `c`, so the minimizer is the most frequent value.
    Several values can tie; this function returns the smallest of them, as
    ``scipy.stats.mode`` does. For continuous data every value usually occurs once,
    so all n values tie and the "mode" is merely the minimum: a meaningless summary.
    Round or bin such data (or estimate a density) before asking for its mode.

    *Mean and midrange.* ``sum (x_i - c)**2`` is a strictly convex parabola and
    ``max |x_i - c| = max(c - min(x), max(x) - c)`` is a V with its tip at the
    midrange, so both minimizers are unique.

    *Robustness.* One entry moved to infinity drags the mean and the midrange
    with it; the median stays put until half the entries are moved (breakdown
    point 50% against 0%).

    NaN in `x` propagates: the result is NaN for every `ord`. Infinite entries give
    what NumPy gives (the mean of -inf and inf is NaN, with NumPy's RuntimeWarning).
    Used in lessons 04 and 12.

    Examples
    --------
    >>> from normlab.losses import location_estimate
    >>> x = [1, 2, 2, 3, 100]
    >>> for p in (0, 1, 2, np.inf):
    ...     print(p, location_estimate(x, p))
    0 2.0
    1 2.0
    2 21.6
    inf 50.5

    With an even count every point between the two middle values minimizes the
    L1 loss; NumPy's midpoint is returned:

    >>> location_estimate([1, 2, 4, 10], 1)
    3.0
    """
    caller = "location_estimate"
    if isinstance(ord, (bool, np.bool_)):
        raise ValueError(f"{caller}: `ord` must be one of 0, 1, 2, inf; got {ord!r}.")
    check_option(ord, "ord", _LOCATION_ORDERS, caller=caller)
    arr = as_float_array(x, "x", caller=caller, ndim=1, allow_empty=False)
    if np.iscomplexobj(arr):
        raise TypeError(f"{caller}: `x` must be real; got an array of dtype {arr.dtype}.")
    if np.isnan(arr).any():
        return math.nan
    if ord == 0:
        values, counts = np.unique(arr, return_counts=True)  # sorted values: argmax picks the smallest tie
        return float(values[np.argmax(counts)])
    if ord == 1:
        with np.errstate(invalid="ignore"):  # [inf, -inf] has no median: nan, without a warning
            return float(np.median(arr))
    if ord == 2:
        m = float(np.max(np.abs(arr)))
        if not math.isfinite(m) or m == 0.0:
            with np.errstate(invalid="ignore"):  # inf - inf: nan, without a warning
                return float(np.mean(arr, dtype=np.float64))
        return m * float(np.mean(arr / m, dtype=np.float64))  # scaled: no overflow for huge entries
    lo, hi = float(np.min(arr)), float(np.max(arr))
    return lo / 2 + hi / 2  # no overflow for huge finite entries
