"""Proximal operators of sparsity penalties: hard and soft thresholding.

The proximal operator of a penalty :math:`g` maps a point :math:`v` to the point that
balances staying close to :math:`v` against a small penalty,

.. math::

    \\operatorname{prox}_{g}(v) = \\arg\\min_z \\tfrac12 \\Vert z - v\\Vert_2^2 + g(z).

For :math:`g = \\lambda\\Vert\\cdot\\Vert_0` (the L0 count) the answer keeps or kills each
entry (hard thresholding); for :math:`g = \\lambda\\Vert\\cdot\\Vert_1` it shrinks every entry
towards 0 by :math:`\\lambda` and stops there (soft thresholding). Both act entry by entry.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_int, check_positive

__all__ = ["hard_threshold", "soft_threshold"]


def soft_threshold(x: ArrayLike, lam: float) -> NDArray[np.floating]:
    """Soft-threshold `x` at level `lam`: the proximal operator of ``lam * ||.||_1``.

    Computes, entry by entry,
    ``S_lam(x)_i = sign(x_i) * max(|x_i| - lam, 0)``, the unique minimizer of
    ``0.5 * ||z - x||_2**2 + lam * ||z||_1``.

    Parameters
    ----------
    x : array_like
        Input of any shape; integers and booleans become float64, float32 stays float32.
    lam : float
        Threshold λ >= 0 (unscaled). ``lam = 0`` returns a copy of `x`.

    Returns
    -------
    z : ndarray
        Same shape as `x`. Entries with ``|x_i| <= lam`` are exactly 0 (never -0.0);
        the others move towards 0 by `lam`.

    Raises
    ------
    TypeError
        If `x` is not numeric or `lam` is not a real number.
    ValueError
        If `lam` is negative, NaN or infinite.

    See Also
    --------
    hard_threshold : The proximal operator of the L0 count: keep or kill, no shrinkage.
    sklearn.linear_model.Lasso : With an orthonormal design, the lasso is a soft-threshold
        of the least-squares coefficients at ``n * alpha``.

    Notes
    -----
    NaN in `x` propagates to the result. Complex input is not supported (its
    soft-threshold shrinks the modulus; it is not needed in the course).
    Used in lessons 04, 07 and 21.

    Examples
    --------
    >>> from normlab.prox import soft_threshold
    >>> soft_threshold([3.0, -0.5, 1.0, -2.0], 1.0)
    array([ 2.,  0.,  0., -1.])
    >>> soft_threshold(np.array([0.3, -0.3], dtype=np.float32), 0.1).dtype
    dtype('float32')
    """
    caller = "soft_threshold"
    arr = as_float_array(x, "x", caller=caller)
    _reject_complex(arr, caller)
    lam = check_positive(lam, "lam", caller=caller, strict=False)
    shrunk = np.sign(arr) * np.maximum(np.abs(arr) - lam, 0)
    return shrunk + 0.0  # -0.0 + 0.0 is +0.0: no negative zeros in printed output


def hard_threshold(
    x: ArrayLike, *, k: int | None = None, lam: float | None = None
) -> NDArray[np.floating]:
    """Hard-threshold `x`: keep its `k` largest entries in magnitude, or apply the prox of ``lam * L0``.

    Give exactly one of `k` and `lam`.

    * ``lam``: the proximal operator of ``lam`` times the L0 count, the minimizer of
      ``0.5 * ||z - x||_2**2 + lam * ||z||_0``. Keeping entry i costs ``lam`` and
      saves ``x_i**2 / 2``, so entries with ``|x_i| > sqrt(2 * lam)`` are kept
      unchanged and the others become 0.
    * ``k``: the Euclidean projection onto the vectors with at most `k` nonzeros
      (the minimizer of ``||z - x||_2`` subject to ``||z||_0 <= k``): keep the `k`
      entries of largest magnitude, over the whole array, and zero the rest.

    Parameters
    ----------
    x : array_like
        Input of any shape; integers and booleans become float64, float32 stays float32.
    k : int, optional
        Number of entries to keep, ``k >= 0``; ``k >= x.size`` keeps everything.
    lam : float, optional
        Penalty weight λ >= 0 of the L0 count (unscaled); the threshold is ``sqrt(2 * lam)``.

    Returns
    -------
    z : ndarray
        Same shape and dtype as `x`: kept entries are copied unchanged, the rest are 0.

    Raises
    ------
    TypeError
        If `x` is not numeric, `k` is not an integer or `lam` is not a real number.
    ValueError
        If both or neither of `k` and `lam` are given, if ``k < 0`` or ``lam < 0``, or if
        `x` contains NaN when `k` is given (a ranking with NaN is undefined).

    See Also
    --------
    soft_threshold : The proximal operator of the L1 norm: shrink, then zero.
    normlab.linear.best_subset : The exact best k-sparse least-squares fit.

    Notes
    -----
    Ties. With `lam`, an entry with ``|x_i| = sqrt(2 * lam)`` exactly has two minimizers
    (keep it or kill it, same objective); this function returns 0 there. With `k`, entries
    of equal magnitude at the cut-off are kept in order of position (C order, the earlier
    entry first), so the result always has ``min(k, count_nonzero(x))`` nonzeros or fewer
    only when `x` itself has fewer.

    NaN. With `lam`, NaN propagates (a NaN entry stays NaN); with `k`, NaN raises.
    Used in lessons 03 (iterative hard thresholding) and 26 (magnitude pruning).

    Examples
    --------
    >>> from normlab.prox import hard_threshold
    >>> x = np.array([3.0, -0.5, 1.0, -2.0])
    >>> hard_threshold(x, k=2)                  # keep the two largest |x_i|
    array([ 3.,  0.,  0., -2.])
    >>> hard_threshold(x, lam=0.5)              # keep |x_i| > sqrt(2 * 0.5) = 1
    array([ 3.,  0.,  0., -2.])
    >>> hard_threshold([1.0, -1.0, 1.0], k=2)   # a tie: the earlier entries win
    array([ 1., -1.,  0.])
    """
    caller = "hard_threshold"
    arr = as_float_array(x, "x", caller=caller)
    _reject_complex(arr, caller)
    if (k is None) == (lam is None):
        given = "both" if k is not None else "neither"
        raise ValueError(f"{caller}: give exactly one of `k` (keep the top k) and `lam` (prox of lam*L0); got {given}.")
    if lam is not None:
        lam = check_positive(lam, "lam", caller=caller, strict=False)
        threshold = math.sqrt(2.0 * lam)
        # `not (|x| <= t)` rather than `|x| > t`, so that NaN stays NaN.
        return np.where(np.abs(arr) <= threshold, 0, arr).astype(arr.dtype, copy=False) + 0.0
    k = check_int(k, "k", caller=caller, minimum=0)
    if np.isnan(arr).any():
        raise ValueError(f"{caller}: `x` contains NaN, so its top-{k} entries are undefined; remove or replace the NaN first.")
    out = np.zeros(arr.shape, dtype=arr.dtype)  # C order, so reshape(-1) below is a view
    if k == 0 or arr.size == 0:
        return out
    flat = arr.reshape(-1)
    order = np.argsort(-np.abs(flat), kind="stable")  # stable: ties keep their positional order
    keep = order[: min(k, flat.size)]
    out.reshape(-1)[keep] = flat[keep]
    return out + 0.0


def _reject_complex(arr: np.ndarray, caller: str) -> None:
    if np.iscomplexobj(arr):
        raise TypeError(f"{caller}: `x` must be real; got an array of dtype {arr.dtype}.")
