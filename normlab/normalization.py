"""Scaling vectors to unit length, with an explicit policy for the zero vector, and cosine similarity.

:func:`normalize` mirrors :func:`sklearn.preprocessing.normalize` (rows or columns to
unit L1, L2 or L-infinity norm, zero rows left unchanged) and, when given ``eps``,
:func:`torch.nn.functional.normalize` (divide by ``max(norm, eps)``, the "clamp"
convention). Its ``zero`` switch makes the zero-vector policy explicit: keep the row,
return NaN, or raise. :func:`cosine_similarity` mirrors
:func:`sklearn.metrics.pairwise.cosine_similarity`.

The module is called ``normalization`` because the package re-exports the function
:func:`normalize` at the top level (``nl.normalize``); a module of the same name would
be shadowed by it.

Used in lessons 11 and 16.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._linalg import vector_norm
from ._validation import as_float_array, check_option, check_positive

__all__ = ["cosine_similarity", "normalize"]

_ORDS = {"l1": 1, "l2": 2, "max": math.inf}
_ZERO_POLICIES = ("keep", "nan", "raise")

# scikit-learn's `_handle_zeros_in_scale`: a norm below 10 machine epsilons counts as zero.
_ZERO_FACTOR = 10


def _as_data(X: Any, name: str, caller: str) -> np.ndarray:
    """Validate a dense, real, non-empty 1-D or 2-D array; integers and booleans become float64."""
    if hasattr(X, "tocsr") and hasattr(X, "nnz"):  # a scipy.sparse matrix or array
        raise TypeError(
            f"{caller}: `{name}` must be a dense array; got a sparse {type(X).__name__}. "
            "Use the scikit-learn function, which supports sparse input, or call .toarray()."
        )
    arr = as_float_array(X, name, caller=caller, ndim=(1, 2), allow_empty=False)
    if np.iscomplexobj(arr):
        raise TypeError(f"{caller}: `{name}` must be real; got an array of dtype {arr.dtype}.")
    return arr


def _describe_zero(bad: np.ndarray, axis: int, ndim: int, threshold: float) -> str:
    """'rows 1 and 4 of `X` have' ... for the ValueError of zero='raise'."""
    if ndim == 1:
        return f"`X` has norm 0 (below {threshold:.2g})"
    kind = "rows" if axis == 1 else "columns"
    idx = [int(i) for i in np.flatnonzero(bad)]
    if len(idx) == 1:
        return f"{kind[:-1]} {idx[0]} of `X` has norm 0 (below {threshold:.2g})"
    shown = ", ".join(str(i) for i in idx[:5])
    more = f", ... ({len(idx)} in all)" if len(idx) > 5 else ""
    return f"{kind} {shown}{more} of `X` have norm 0 (below {threshold:.2g})"


def normalize(
    X: ArrayLike,
    norm: Literal["l1", "l2", "max"] = "l2",
    *,
    axis: Literal[0, 1] = 1,
    copy: bool = True,
    return_norm: bool = False,
    eps: float | None = None,
    zero: Literal["keep", "nan", "raise"] = "keep",
) -> NDArray[np.floating] | tuple[NDArray[np.floating], Any]:
    """Drop-in for `sklearn.preprocessing.normalize` that does not overflow, with an explicit zero policy.

    Divides each row (``axis=1``) or column (``axis=0``) of `X` by its L1, L2 or
    L-infinity norm, so that it gets norm 1 and keeps its direction. With the defaults
    the values are those of scikit-learn, zero rows included; ``eps`` switches to the
    clamp convention of :func:`torch.nn.functional.normalize`, ``x / max(norm, eps)``.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n_features,)
        The vectors to normalize. Integers and booleans become float64; float16 and
        float32 stay as they are. A 1-D `X` is one vector, normalized as a whole for
        either `axis`, and the result is 1-D (scikit-learn raises ValueError instead).
    norm : {'l1', 'l2', 'max'}, default='l2'
        The norm: ``'l1'`` the sum of absolute values, ``'l2'`` the Euclidean length,
        ``'max'`` the largest absolute value (L-infinity; ``p=inf`` in PyTorch).
    axis : {0, 1}, default=1
        1 normalizes each row (sample), 0 each column (feature).
    copy : bool, default=True
        If False, divide `X` in place when it is a writeable floating array (as
        scikit-learn does); otherwise a new array is returned either way.
    return_norm : bool, default=False
        Also return the divisor used for each vector (see Returns).
    eps : float, optional
        If given (it must be positive), divide by ``max(norm, eps)`` as PyTorch does
        (its default is 1e-12): zero vectors stay zero and vectors shorter than `eps`
        come out with norm ``norm / eps < 1``. The zero policy is then the clamp's, so
        `zero` must stay ``'keep'``.
    zero : {'keep', 'nan', 'raise'}, default='keep'
        What to do with zero vectors (norm below ``10 * eps`` of the dtype, see Notes)
        when `eps` is None. ``'keep'`` returns them unchanged (scikit-learn);
        ``'nan'`` fills them with NaN, the value of 0/0 (NumPy's ``x / norm(x)`` gives
        it too, with a RuntimeWarning; this function does not warn); ``'raise'``
        raises a ValueError naming them.

    Returns
    -------
    X_normalized : ndarray of the shape of `X`
        The normalized vectors, of the floating dtype of `X`.
    norms : ndarray of shape (n_samples,) if axis=1, (n_features,) if axis=0
        Only with ``return_norm=True``: the number each vector was divided by, so
        that ``X_normalized * norms`` gives back `X` (broadcast along `axis`). That
        is the norm, except 1.0 for a zero vector kept by ``zero='keep'`` (as in
        scikit-learn) and ``max(norm, eps)`` when `eps` is given. A NumPy scalar for
        1-D `X`.

    Raises
    ------
    ValueError
        If `norm`, `axis` or `zero` is not one of its options, if `eps` is given
        with ``zero`` other than ``'keep'``, if `X` is empty or not 1-D or 2-D, or if
        ``zero='raise'`` meets a zero vector.
    TypeError
        If `X` is not numeric (scikit-learn raises ValueError for strings), complex or
        sparse, or if `eps` is not a real number.

    See Also
    --------
    sklearn.preprocessing.normalize : The original (also for sparse input).
    sklearn.preprocessing.Normalizer : The same as a pipeline step.
    torch.nn.functional.normalize : The clamp convention, ``normalize(X, eps=1e-12)``.
    cosine_similarity : Dot products of L2-normalized rows.

    Notes
    -----
    **Zero vectors.** The zero vector has no direction, so ``0 / 0`` has no right
    answer, and each library picks one: NumPy returns NaN with a RuntimeWarning,
    PyTorch's plain division NaN silently, and both ``F.normalize`` and scikit-learn
    the zero vector. As in scikit-learn's ``_handle_zeros_in_scale``, a vector
    counts as zero when its norm is below ``10 * np.finfo(X.dtype).eps`` (2.2e-15
    in float64, 1.2e-6 in float32), so a vector that small is also returned
    unchanged by ``'keep'`` (and filled with NaN by ``'nan'``).

    **Add-epsilon or clamp.** ``x / (norm + eps)`` shortens every vector slightly;
    the clamp ``x / max(norm, eps)`` used here leaves every vector with norm at
    least `eps` exactly unit length and changes only the shorter ones. `eps` is
    converted to the dtype of `X`: in float16, 1e-12 rounds to 0, so a zero vector
    gives NaN, exactly as in PyTorch; use an `eps` that float16 can hold (6e-8 or more).

    **Accuracy.** Norms come from :func:`normlab.norms.vector_norm`, which neither
    overflows nor underflows: ``normalize([[1e200, 1e200]])`` is
    ``[[0.7071, 0.7071]]``, where scikit-learn's squared sum overflows and it
    returns ``[[0, 0]]``. Otherwise the values agree with scikit-learn to a few ulps.

    **NaN and infinity propagate** (scikit-learn raises ValueError): a vector
    holding NaN comes out all NaN, one holding infinity gets NaN there (inf/inf)
    and 0 elsewhere, as in PyTorch.

    Used in lessons 11 and 16.

    Examples
    --------
    >>> from normlab.normalization import normalize
    >>> x = np.array([3.0, -4.0, 0.0])
    >>> for norm in ("l1", "l2", "max"):
    ...     print(norm, normalize(x, norm))
    l1 [ 0.42857143 -0.57142857  0.        ]
    l2 [ 0.6 -0.8  0. ]
    max [ 0.75 -1.    0.  ]

    Rows are normalized one by one; a zero row stays zero by default:

    >>> X = np.array([[3, 4], [0, 0]])
    >>> normalize(X)
    array([[0.6, 0.8],
           [0. , 0. ]])
    >>> normalize(X, zero="nan")
    array([[0.6, 0.8],
           [nan, nan]])
    >>> try:
    ...     normalize(X, zero="raise")
    ... except ValueError as err:
    ...     print(err)   # doctest: +ELLIPSIS
    normalize: row 1 of `X` has norm 0 (below 2.2e-15), and a zero vector has no direction. ...

    The clamp convention of PyTorch leaves a vector shorter than `eps` short:

    >>> normalize(np.array([3e-13, 4e-13]), eps=1e-12)
    array([0.3, 0.4])
    >>> Xn, norms = normalize(X, return_norm=True)
    >>> norms
    array([5., 1.])
    """
    caller = "normalize"
    check_option(norm, "norm", tuple(_ORDS), caller=caller)
    check_option(axis, "axis", (0, 1), caller=caller)
    check_option(zero, "zero", _ZERO_POLICIES, caller=caller)
    if eps is not None:
        eps = check_positive(eps, "eps", caller=caller)
        if zero != "keep":
            raise ValueError(
                f"{caller}: `zero` must be 'keep' when `eps` is given, because the clamp "
                f"x / max(norm, eps) already maps a zero vector to zero; got zero={zero!r}. "
                "Use eps=None for zero='nan' or zero='raise'."
            )
    arr = _as_data(X, "X", caller)
    if not arr.flags.writeable or (copy and np.may_share_memory(arr, np.asarray(X))):
        arr = arr.copy()  # integer input was converted, hence copied, already

    work = arr[np.newaxis, :] if arr.ndim == 1 else arr  # always a view: a 1-D vector is one row
    red = 1 if arr.ndim == 1 else axis
    with np.errstate(all="ignore"):
        norms = vector_norm(work, axis=red, keepdims=True, ord=_ORDS[norm])
        if eps is not None:
            divisor = np.maximum(norms, np.asarray(eps, dtype=norms.dtype))  # NaN propagates
            is_zero = None
        else:
            threshold = _ZERO_FACTOR * float(np.finfo(arr.dtype).eps)
            is_zero = norms < threshold  # False for NaN: NaN propagates
            if zero == "raise" and is_zero.any():
                where = _describe_zero(is_zero.ravel(), red, arr.ndim, threshold)
                raise ValueError(
                    f"{caller}: {where}, and a zero vector has no direction. Drop it, or choose "
                    "zero='keep' (leave it unchanged) or zero='nan'."
                )
            divisor = np.where(is_zero, np.ones_like(norms), norms) if zero == "keep" else norms
        np.divide(work, divisor, out=work)
        if zero == "nan" and is_zero is not None and is_zero.any():
            work[np.broadcast_to(is_zero, work.shape)] = np.nan
    if not return_norm:
        return arr
    out_norms = divisor.reshape(-1)
    return arr, (out_norms[0] if arr.ndim == 1 else out_norms)


def cosine_similarity(X: ArrayLike, Y: ArrayLike | None = None) -> NDArray[np.floating]:
    """Drop-in for `sklearn.metrics.pairwise.cosine_similarity`: cosines between rows of `X` and `Y`.

    The cosine similarity of two vectors is the dot product of their L2-normalized
    versions, ``<x, y> / (||x||_2 ||y||_2)``: the cosine of the angle between them,
    blind to their lengths.

    Parameters
    ----------
    X : array_like of shape (n_samples_X, n_features) or (n_features,)
        The first set of vectors, one per row; a 1-D `X` is one row (scikit-learn
        raises ValueError for 1-D input). Integers and booleans become float64.
    Y : array_like of shape (n_samples_Y, n_features) or (n_features,), optional
        The second set; None means `X` itself.

    Returns
    -------
    K : ndarray of shape (n_samples_X, n_samples_Y)
        ``K[i, j]`` is the cosine similarity of row i of `X` and row j of `Y`;
        float32 when both inputs are float32, float64 otherwise (as scikit-learn).

    Raises
    ------
    ValueError
        If an input is empty or not 1-D or 2-D, or if `X` and `Y` have different
        numbers of features.
    TypeError
        If an input is not numeric, complex or sparse.

    See Also
    --------
    sklearn.metrics.pairwise.cosine_similarity : The original.
    normalize : The L2 normalization applied to each row first.

    Notes
    -----
    A zero row has no direction; like scikit-learn, its similarity to every row is
    0 (its normalized version stays zero, see :func:`normalize`). The result is not
    clipped: rounding can leave a value a few ulps above 1, as in scikit-learn, so
    clip before taking ``arccos``. NaN propagates (scikit-learn raises). Norms are
    overflow-safe, so rows like ``[1e200, 1e200]`` work.

    Used in lessons 11 and 16.

    Examples
    --------
    >>> from normlab.normalization import cosine_similarity
    >>> a, b = [3.0, -4.0, 0.0], [4.0, 0.0, 3.0]
    >>> cosine_similarity(a, b)
    array([[0.48]])
    >>> cosine_similarity([[1, 0], [1, 1], [0, 0]], [[2, 0]])
    array([[1.        ],
           [0.70710678],
           [0.        ]])
    """
    caller = "cosine_similarity"
    xa = _as_data(X, "X", caller)
    ya = xa if Y is None else _as_data(Y, "Y", caller)
    xa, ya = np.atleast_2d(xa), np.atleast_2d(ya)
    if xa.shape[1] != ya.shape[1]:
        raise ValueError(
            f"{caller}: `X` and `Y` must have the same number of features; got {xa.shape[1]} and {ya.shape[1]}."
        )
    dtype = np.float32 if xa.dtype == np.float32 and ya.dtype == np.float32 else np.float64
    xn = normalize(xa.astype(dtype, copy=False), "l2")
    yn = xn if Y is None else normalize(ya.astype(dtype, copy=False), "l2")
    return xn @ yn.T
