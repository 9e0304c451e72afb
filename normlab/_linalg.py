"""Overflow-safe drop-ins for ``numpy.linalg.norm``, ``vector_norm`` and ``matrix_norm``.

Private implementation module: the public home of the three functions is
:mod:`normlab.norms`. The code mirrors the branching of NumPy's own
``numpy/linalg/_linalg.py`` (NumPy 2.x), so that values, result dtypes, shapes and
exception types agree, and changes three things:

* **Safe sums.** The L2 / Frobenius norm first computes NumPy's fast result
  (``dot(x, x)`` on a 1-D view, or ``add.reduce`` along axes). A sum that is finite
  and comfortably above the smallest normal number carries full relative accuracy
  and is accepted as is; any other sum (overflow, underflow, NaN, infinity) is
  recomputed with each vector scaled exactly by a power of two near max|x|, so
  ``norm([1e200, 1e200])`` is 1.414e200 where NumPy returns inf. The scaled pass
  runs only on the vectors that need it. General p-norms do the same with
  ``sum(|x|**p)``, scaling by max|x| (min|x| for p < 0), and refine the final
  ``** (1/p)`` by one Newton step, which removes NumPy's error of up to
  ``eps * |log(norm)|`` from rounding ``1/p``.
* **One pass, no temporary.** L1 and L-infinity of a whole 1-D (or contiguous)
  array, and the abs-sums inside the matrix 1- and inf-norms of a 2-D array, are
  reduced block by block through a small buffer, instead of building a full-size
  ``abs(x)`` first: peak extra memory is one block, not the size of `x`.
* **No warnings, clearer errors.** Every computation runs under
  ``np.errstate(all="ignore")``; errors name the function, the argument, what is
  accepted and what arrived, and keep NumPy's exception types.

float16 input is accumulated in float32 (and returned as float16, as NumPy does);
SVD-based matrix norms of float16 input raise TypeError, as in NumPy.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._validation import check_axis

__all__ = ["norm", "vector_norm", "matrix_norm"]

# Elements per block of the one-pass kernels: 2**16 float64 values are 512 KiB, a
# buffer that stays in a typical L2 cache, while the Python loop runs only ~150
# times for 10**7 values (2**15 and 2**17 measured slower or no faster).
_BLOCK = 1 << 16

_INF = float("inf")

# Every computation runs with floating-point warnings off: overflow in NumPy's fast
# sum is expected (and then fixed), and 0 ** -1 is meant. The decorator form of
# np.errstate is thread-safe and about half the cost of a ``with`` block per call.
_QUIET = np.errstate(all="ignore")

# Order kinds after validation.
_L2, _L1, _LINF, _LMINF, _L0 = "2", "1", "inf", "-inf", "0"
_FRO, _NUC, _S2, _SM2, _M1, _MM1 = "fro", "nuc", "2", "-2", "1", "-1"

_VECTOR_ORDS = "None, inf, -inf, 0 or another real number"
_MATRIX_ORDS = "None, 'fro', 'nuc', inf, -inf, 1, -1, 2, -2"


# --------------------------------------------------------------------------------------
# Argument handling
# --------------------------------------------------------------------------------------


def _eq(a: Any, b: Any) -> bool:
    """``bool(a == b)`` as NumPy's `norm` evaluates it, False where that is undefined."""
    try:
        return bool(a == b)
    except Exception:  # arrays with several elements, exotic objects
        return False


def _as_inexact(x: Any, caller: str) -> np.ndarray:
    """``np.asarray(x)``, with non-inexact, non-object dtypes cast to float64 (as NumPy)."""
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested sequences: NumPy raises ValueError too
        raise ValueError(f"{caller}: `x` must be array-like of numbers; got {type(x).__name__} ({exc}).") from None
    if arr.dtype.kind in "fc" or arr.dtype == object:
        return arr
    try:
        return arr.astype(np.float64)
    except (TypeError, ValueError) as exc:  # keep NumPy's exception type
        raise type(exc)(
            f"{caller}: `x` must be numeric; cannot convert an array of dtype {arr.dtype} to float64 ({exc})."
        ) from None


def _vector_kind(ord: Any, caller: str) -> Any:
    """Classify a vector `ord` in NumPy's order of tests; return a kind or a float p."""
    if _eq(ord, _INF):
        return _LINF
    if _eq(ord, -_INF):
        return _LMINF
    if _eq(ord, 0):
        return _L0
    if _eq(ord, 1):
        return _L1
    if ord is None or _eq(ord, 2):
        return _L2
    if isinstance(ord, str):
        way_out = "use matrix_norm" if caller == "vector_norm" else "pass a 2-tuple `axis`"
        hint = f" {ord!r} is a matrix norm: {way_out}." if ord in ("fro", "f", "nuc") else ""
        raise ValueError(f"{caller}: `ord` must be {_VECTOR_ORDS} for a vector; got {ord!r}.{hint}")
    if isinstance(ord, np.ndarray) and ord.ndim > 0:
        raise TypeError(f"{caller}: `ord` must be a real number; got an array of shape {ord.shape}.")
    if isinstance(ord, (complex, np.complexfloating)):
        raise TypeError(f"{caller}: `ord` must be a real number; got {ord!r}.")
    try:
        return float(ord)
    except (TypeError, ValueError):
        raise TypeError(f"{caller}: `ord` must be a real number; got {type(ord).__name__} {ord!r}.") from None


def _matrix_kind(ord: Any, caller: str) -> str:
    """Classify a matrix `ord` in NumPy's order of tests (``'f'`` is NumPy's alias of 'fro')."""
    for value, kind in ((2, _S2), (-2, _SM2), (1, _M1), (_INF, _LINF), (-1, _MM1), (-_INF, _LMINF)):
        if _eq(ord, value):
            return kind
    if ord is None or (isinstance(ord, str) and ord in ("fro", "f")):
        return _FRO
    if isinstance(ord, str) and ord == "nuc":
        return _NUC
    raise ValueError(f"{caller}: `ord` must be one of {_MATRIX_ORDS} for a matrix; got {ord!r}.")


def _real_dtype(dtype: np.dtype) -> np.dtype:
    """The native dtype of ``abs(x)``: complex128 -> float64, '>f8' -> float64, ..."""
    return np.dtype(dtype.char.lower())


def _work_dtype(rdt: np.dtype) -> np.dtype:
    """Dtype in which sums are accumulated: float16 is widened to float32."""
    return np.dtype(np.float32) if rdt == np.float16 else rdt


_LIMITS: dict[np.dtype, tuple[Any, Any]] = {}  # dtype -> (4 * tiny, max): constants only


def _safe_range(wdt: np.dtype, count: int) -> tuple[Any, Any]:
    """Range ``[lo, hi]`` in which a sum of `count` non-negative terms is fully accurate.

    Above `hi` the sum has overflowed. Below `lo` underflow may have moved it: with
    gradual underflow each term is off by at most half the smallest subnormal,
    ``tiny * eps / 2``, so the sum is off by at most ``count * tiny * eps / 2``, which
    is below ``eps / 4`` of the sum when the sum is at least ``lo = 4 * count * tiny``.
    """
    try:
        tiny4, big = _LIMITS[wdt]
    except KeyError:
        fi = np.finfo(wdt)
        tiny4, big = _LIMITS[wdt] = (fi.tiny * wdt.type(4), fi.max)
    return tiny4 * max(count, 1), big


def _flat_view(x: np.ndarray) -> np.ndarray | None:
    """A 1-D view of all of `x` without copying, or None."""
    if x.ndim == 1:
        return x
    if x.flags.c_contiguous or x.flags.f_contiguous:
        return x.ravel(order="K")
    return None


def _finish(r: np.ndarray, axes: tuple[int, ...], keepdims: bool, out_dtype: np.dtype) -> Any:
    """Drop the reduced axes unless `keepdims`; a 0-d result becomes a NumPy scalar (as NumPy)."""
    r = np.asarray(r).astype(out_dtype, copy=False)
    if not keepdims:
        r = np.squeeze(r, axis=axes)
    return r[()] if r.ndim == 0 else r


# --------------------------------------------------------------------------------------
# One-pass kernels on a 1-D array (any stride, any length)
# --------------------------------------------------------------------------------------


def _blocked(v: np.ndarray, wdt: np.dtype, reduce: Any, *stages: Any) -> Any:
    """Reduce ``stages(|v|)`` block by block through one buffer of `wdt`.

    ``np.abs`` of each block is written into the buffer, each stage ``f(buf)`` then
    works in place, and ``reduce(buf)`` gives one partial per block; the partials are
    reduced at the end. Peak extra memory is one block plus the partials.
    """
    n = v.shape[0]
    if n <= _BLOCK:
        buf = np.abs(v).astype(wdt, copy=False)
        for stage in stages:
            stage(buf)
        return reduce(buf)
    nblocks = -(-n // _BLOCK)
    buf = np.empty(_BLOCK, wdt)
    parts = np.empty(nblocks, wdt)
    absolute = np.absolute
    for k in range(nblocks):
        chunk = v[k * _BLOCK : (k + 1) * _BLOCK]
        b = buf if chunk.shape[0] == _BLOCK else buf[: chunk.shape[0]]
        absolute(chunk, out=b)
        for stage in stages:
            stage(b)
        parts[k] = reduce(b)
    return reduce(parts)


def _abs_sum_1d(v: np.ndarray) -> Any:
    """sum(|v|) in one pass (the L1 norm), in the real dtype of `v` (float16 summed in float32)."""
    rdt = _real_dtype(v.dtype)
    return rdt.type(_blocked(v, _work_dtype(rdt), np.add.reduce))


def _abs_max_1d(v: np.ndarray) -> Any:
    """max(|v|) in one pass, 0 for an empty `v` (NumPy's ``initial=0``); NaN propagates."""
    rdt = _real_dtype(v.dtype)
    n = v.shape[0]
    if n == 0:
        return rdt.type(0)
    if n <= _BLOCK or v.dtype.kind == "c":
        return _blocked(v, rdt, np.maximum.reduce)
    # Real input: max(max(v), -min(v)) per block reads each block once from memory
    # and once more from cache, and writes nothing.
    nblocks = -(-n // _BLOCK)
    hi = np.empty(nblocks, rdt)
    lo = np.empty(nblocks, rdt)
    for k in range(nblocks):
        chunk = v[k * _BLOCK : (k + 1) * _BLOCK]
        hi[k] = chunk.max()
        lo[k] = chunk.min()
    # np.maximum propagates NaN; adding 0 turns a -0.0 maximum into abs()'s +0.0.
    return np.maximum(hi.max(), -lo.min()) + rdt.type(0)


def _abs_min_1d(v: np.ndarray, caller: str) -> Any:
    """min(|v|) in one pass; NaN propagates; empty `v` raises ValueError (as NumPy)."""
    if v.shape[0] == 0:
        raise _empty_min_error(caller, "inf")
    return _blocked(v, _real_dtype(v.dtype), np.minimum.reduce)


def _empty_min_error(caller: str, ord_text: str) -> ValueError:
    return ValueError(
        f"{caller}: ord=-{ord_text} takes a minimum, which an empty vector or matrix does not have; "
        "got an empty reduction axis."
    )


def _real_view_1d(v: np.ndarray) -> np.ndarray:
    """The real and imaginary parts of complex `v` as one real 1-D array (a view if possible)."""
    if not v.flags.c_contiguous:
        v = np.ascontiguousarray(v)
    return v.view(_real_dtype(v.dtype))


def _l2_1d(v: np.ndarray) -> Any:
    """Safe 2-norm of a 1-D array: NumPy's ``sqrt(dot(v, v))`` when that is accurate."""
    rdt = _real_dtype(v.dtype)
    if v.dtype.kind == "c":
        v = _real_view_1d(v)
    n = v.shape[0]
    if rdt == np.float16:
        # Squares of float16 values can neither overflow nor underflow in float32.
        w = np.float32
        if n <= _BLOCK:
            v32 = v.astype(w)
            s = v32.dot(v32)
        else:
            buf = np.empty(_BLOCK, w)
            s = w(0)
            for k in range(0, n, _BLOCK):
                b = buf[: min(_BLOCK, n - k)]
                b[...] = v[k : k + _BLOCK]
                s += b.dot(b)
        return rdt.type(np.sqrt(s))
    if n == 0:
        return rdt.type(0)
    s = v.dot(v)
    lo, hi = _safe_range(rdt, n)
    if lo <= s <= hi:  # False for NaN
        return np.sqrt(s)
    return _l2_scaled_1d(v, rdt)


def _l2_scaled_1d(v: np.ndarray, rdt: np.dtype) -> Any:
    """2-norm of real 1-D `v` with every block scaled exactly by a power of two near max|v|."""
    m = _abs_max_1d(v)
    if not 0 < m < _INF:  # NaN, all zeros, or an infinity
        return rdt.type(m)
    e = int(np.frexp(m)[1])
    n = v.shape[0]
    buf = np.empty(min(n, _BLOCK), rdt)
    s = rdt.type(0)
    for k in range(0, n, _BLOCK):
        chunk = v[k : k + _BLOCK]
        b = buf[: chunk.shape[0]]
        np.ldexp(chunk, -e, out=b)
        s += b.dot(b)
    return rdt.type(np.ldexp(np.sqrt(s), e))


def _root(s: Any, p: float, wdt: np.dtype) -> Any:
    """``s ** (1/p)``, refined by one Newton step on ``r**p = s`` where that matters.

    ``1/p`` is rounded, which moves ``s ** (1/p)`` by up to ``eps * |log(result)|``
    (NumPy's error: ~100 ulps for ``norm([2.0**600], 1.5)``, 7 for
    ``norm([1e6, 2e6], 3)``). One
    Newton step with the exact `p`, ``r - r * (1 - s / r**p) / p``, brings the result
    back to a few ulps. Results within [1/16, 16] (error at most ~1.4 eps), zero and
    non-finite ones are left as the plain power gives them. `s` is a scalar or array.
    """
    r0 = np.power(s, wdt.type(1 / p))
    need = (r0 > 16) | ((r0 < 0.0625) & (r0 > 0))
    if np.ndim(r0) == 0:
        return _newton_root(r0, s, p) if need else r0
    if need.any():
        r0[need] = _newton_root(r0[need], s[need], p)
    return r0


def _newton_root(r0: Any, s: Any, p: float) -> Any:
    rp = r0**p
    r1 = r0 - r0 * ((1 - s / rp) / p)
    return np.where((rp > 0) & (rp < _INF) & (r1 < _INF), r1, r0)[()]


def _p_1d(v: np.ndarray, p: float) -> Any:
    """Safe general p-norm (p not in {0, 1, 2, inf, -inf}) of a 1-D array.

    NumPy's sum of ``|v| ** p`` (one blocked pass, no temporary) is kept when it is
    safe (`_safe_range`); otherwise the norm is recomputed as
    ``m * (sum (|v|/m) ** p) ** (1/p)`` with m = max|v| (p > 0) or min|v| (p < 0),
    whose sum lies in [1, n].
    """
    rdt = _real_dtype(v.dtype)
    wdt = _work_dtype(rdt)
    n = v.shape[0]
    if n == 0 or math.isnan(p):
        # NumPy's formula: 0 ** (1/p) is 0 for p > 0, inf for p < 0; NaN order gives NaN
        # except for |x| == [1] (1 ** nan == 1).
        s = np.add.reduce(np.power(np.abs(v).astype(wdt), p))
        return rdt.type(np.power(s, wdt.type(1 / p)))
    # ``**=`` (not np.power) keeps NumPy's fast paths: p = 0.5 is a sqrt, -1 a reciprocal.
    divide = np.divide
    s = _blocked(v, wdt, np.add.reduce, lambda b: b.__ipow__(p))
    lo, hi = _safe_range(wdt, n)
    if lo <= s <= hi:  # False for NaN
        return rdt.type(_root(s, p, wdt))
    m = wdt.type(_abs_max_1d(v) if p > 0 else _abs_min_1d(v, "norm"))
    if not 0 < m < _INF:  # NaN, zero or infinity decide the norm on their own
        return rdt.type(m)
    s = _blocked(v, wdt, np.add.reduce, lambda b: divide(b, m, out=b), lambda b: b.__ipow__(p))
    return rdt.type(m * _root(s, p, wdt))


def _vector_1d(v: np.ndarray, kind: Any, caller: str) -> Any:
    """Vector norm of a 1-D array, as a NumPy scalar of the real dtype of `v`."""
    rdt = _real_dtype(v.dtype)
    if kind == _L2:
        return _l2_1d(v)
    if kind == _L1:
        return _abs_sum_1d(v)
    if kind == _LINF:
        return _abs_max_1d(v)
    if kind == _LMINF:
        return _abs_min_1d(v, caller)
    if kind == _L0:
        return rdt.type(np.count_nonzero(v))
    return _p_1d(v, kind)


# --------------------------------------------------------------------------------------
# Vectorised kernels along axes (results keep the reduced axes as size-1 dimensions)
# --------------------------------------------------------------------------------------


def _fix_rows(x: np.ndarray, axes: tuple[int, ...], bad: np.ndarray, r: np.ndarray, rows_norm: Any) -> None:
    """Recompute ``r[bad]`` in place from the vectors of `x` along `axes` that need it.

    Only the flagged vectors are gathered (``(nbad, count)`` elements), so the cost is
    proportional to the data that overflowed or underflowed.
    """
    nd = x.ndim
    kept_shape = tuple(n for i, n in enumerate(x.shape) if i not in axes)
    moved = np.moveaxis(x, axes, tuple(range(nd - len(axes), nd)))
    bad_kept = bad.reshape(kept_shape)
    rows = moved[bad_kept].reshape(int(bad_kept.sum()), -1)
    np.squeeze(r, axis=axes)[bad_kept] = rows_norm(rows)


def _l2_rows(rows: np.ndarray) -> np.ndarray:
    """Safe 2-norm of each row of a 2-D array: scale each row exactly by 2**-e, e from max|row|."""
    if rows.dtype.kind == "c":
        rows = np.ascontiguousarray(rows).view(_real_dtype(rows.dtype))
    m = np.abs(rows).max(axis=1)
    e = np.frexp(m)[1]  # 0 for zero, inf and NaN rows, which then need no scaling
    y = np.ldexp(rows, -e[:, None])
    return np.ldexp(np.sqrt(np.add.reduce(y * y, axis=1)), e)


def _l2_nd(x: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """Safe 2-norm (Frobenius over two axes) along `axes`, keepdims shape, work dtype."""
    if x.dtype == np.float16:
        x = x.astype(np.float32)  # float16 squares never overflow in float32: no fix needed
    wdt = _real_dtype(x.dtype)
    count = math.prod(x.shape[a] for a in axes)
    if x.dtype.kind == "c":
        sq = np.square(x.real)
        sq += np.square(x.imag)
    else:
        sq = np.square(x)
    s = np.add.reduce(sq, axis=axes, keepdims=True)
    del sq
    r = np.sqrt(s)
    if count == 0 or s.size == 0:
        return r
    lo, hi = _safe_range(wdt, count)
    if lo <= s.min() and s.max() <= hi:  # the common case: two reductions, no masks
        return r
    _fix_rows(x, axes, ~((s >= lo) & (s <= hi)), r, _l2_rows)
    return r


def _p_rows(rows: np.ndarray, p: float) -> np.ndarray:
    """Safe p-norm of each row of a 2-D array: scaled by max|row| (p > 0) or min|row| (p < 0)."""
    a = np.abs(rows)
    m = a.max(axis=1, keepdims=True) if p > 0 else a.min(axis=1, keepdims=True)
    usable = (m > 0) & (m < _INF)
    scale = np.where(usable, m, 1).astype(a.dtype)
    s = np.add.reduce((a / scale) ** p, axis=1, keepdims=True)
    r = scale * _root(s, p, a.dtype)
    # A zero or infinite m decides the norm on its own; a NaN m is NaN in r already.
    return np.where(usable | np.isnan(m), r, m)[:, 0]


def _p_nd(x: np.ndarray, axes: tuple[int, ...], p: float) -> np.ndarray:
    """Safe general p-norm along `axes`, keepdims shape, work dtype (as `_p_1d`)."""
    a = np.abs(x)
    if a.dtype == np.float16:
        a = a.astype(np.float32)
        x = x.astype(np.float32)
    wdt = a.dtype
    count = math.prod(x.shape[i] for i in axes)
    a **= p  # the operator keeps NumPy's fast paths (p = 0.5 is a sqrt)
    s = np.add.reduce(a, axis=axes, keepdims=True)
    del a
    if count == 0 or s.size == 0 or math.isnan(p):
        return np.power(s, wdt.type(1 / p))  # NumPy's formula, as in _p_1d
    r = np.asarray(_root(s, p, wdt))
    lo, hi = _safe_range(wdt, count)
    if not (lo <= s.min() and s.max() <= hi):
        _fix_rows(x, axes, ~((s >= lo) & (s <= hi)), r, lambda rows: _p_rows(rows, p))
    return r


def _vector_nd(x: np.ndarray, kind: Any, axes: tuple[int, ...], caller: str) -> np.ndarray:
    """Vector norms along `axes` (any number, NumPy's order of cases), keepdims shape."""
    if kind == _L2:
        return _l2_nd(x, axes)
    if kind == _LINF:
        return np.abs(x).max(axis=axes, keepdims=True, initial=0)
    if kind == _LMINF:
        try:
            return np.abs(x).min(axis=axes, keepdims=True)
        except ValueError:
            raise _empty_min_error(caller, "inf") from None
    if kind == _L0:
        return np.asarray(np.count_nonzero(x, axis=axes, keepdims=True))
    if kind == _L1:
        return np.add.reduce(np.abs(x), axis=axes, keepdims=True)
    return _p_nd(x, axes, kind)


def _vector_reduce(x: np.ndarray, kind: Any, axes: tuple[int, ...], keepdims: bool, caller: str) -> Any:
    """Vector norm of `x` along `axes`: one-pass kernels when `axes` is all of `x`."""
    out_dtype = _real_dtype(x.dtype)
    if x.ndim == 0:  # vector_norm of a scalar: NumPy ravels it and returns a scalar
        return _vector_1d(x.reshape(1), kind, caller)
    if len(axes) == x.ndim:
        flat = _flat_view(x)
        if flat is not None:
            val = _vector_1d(flat, kind, caller)
            return np.asarray(val).reshape((1,) * x.ndim) if keepdims else val
    return _finish(_vector_nd(x, kind, axes, caller), axes, keepdims, out_dtype)


# --------------------------------------------------------------------------------------
# Matrix norms
# --------------------------------------------------------------------------------------


def _abs_sum_2d(x: np.ndarray, axis: int) -> np.ndarray:
    """``add.reduce(abs(x), axis)`` of a 2-D array, block by block through a small buffer."""
    rdt = _real_dtype(x.dtype)
    if x.size <= _BLOCK:
        return np.add.reduce(np.abs(x), axis=axis)
    if abs(x.strides[0]) < abs(x.strides[1]):  # walk the outer axis in memory
        x, axis = x.T, 1 - axis
    n0, n1 = x.shape
    rows = max(1, _BLOCK // max(n1, 1))
    buf = np.empty((min(rows, n0), n1), rdt)
    wdt = _work_dtype(rdt)  # float16 sums accumulate in float32
    if axis == 0:
        acc = np.zeros(n1, wdt)
        for i in range(0, n0, rows):
            chunk = x[i : i + rows]
            b = buf[: chunk.shape[0]]
            np.absolute(chunk, out=b)
            acc += np.add.reduce(b, axis=0, dtype=wdt)
        return acc
    out = np.empty(n0, wdt)
    for i in range(0, n0, rows):
        chunk = x[i : i + rows]
        b = buf[: chunk.shape[0]]
        np.absolute(chunk, out=b)
        np.add.reduce(b, axis=1, dtype=wdt, out=out[i : i + chunk.shape[0]])
    return out


def _svd_norm(x: np.ndarray, kind: str, row: int, col: int, caller: str) -> np.ndarray:
    """2, -2 and nuclear norms from the singular values; keepdims shape."""
    y = np.moveaxis(x, (row, col), (-2, -1))
    if y.dtype == np.float16:  # mirror NumPy, whose LAPACK has no float16
        name = {_S2: "2", _SM2: "-2", _NUC: "'nuc'"}[kind]
        raise TypeError(
            f"{caller}: ord={name} needs singular values, and NumPy's LAPACK does not support "
            "dtype float16; got an array of dtype float16. Convert `x` to float32 first."
        )
    if y.dtype.char in "gG" and np.finfo(np.longdouble).eps < np.finfo(np.float64).eps:
        name = {_S2: "2", _SM2: "-2", _NUC: "'nuc'"}[kind]
        raise TypeError(
            f"{caller}: ord={name} needs singular values, and NumPy's LAPACK does not support "
            f"dtype {y.dtype}; got an array of dtype {y.dtype}. Convert `x` to float64 first."
        )
    all_finite = bool(np.isfinite(y).all())
    if not all_finite:  # LAPACK may fail on NaN and gives NaN for inf: decide it here
        finite = np.isfinite(y).all(axis=(-2, -1))
        y = np.where(finite[..., None, None], y, 0)
    sv = np.linalg.svd(y, compute_uv=False)
    if kind == _S2:
        r = sv.max(axis=-1, initial=0)
    elif kind == _SM2:
        if sv.shape[-1] == 0:
            raise _empty_min_error(caller, "2")
        r = sv.min(axis=-1)
    else:
        r = sv.sum(axis=-1)
    if not all_finite:
        r = np.where(finite, r, np.nan)
    return np.expand_dims(r, tuple(sorted((row, col))))


def _matrix_reduce(x: np.ndarray, kind: str, row: int, col: int, keepdims: bool, caller: str) -> Any:
    """Matrix norm of `x` over axes (`row`, `col`), NumPy's cases in NumPy's order."""
    out_dtype = _real_dtype(x.dtype)
    axes = (row, col)
    if kind in (_S2, _SM2, _NUC):
        return _finish(_svd_norm(x, kind, row, col, caller), axes, keepdims, out_dtype)
    if kind == _FRO:
        if x.ndim == 2:
            flat = _flat_view(x)
            if flat is not None:
                val = _l2_1d(flat)
                return np.asarray(val).reshape(1, 1) if keepdims else val
        return _finish(_l2_nd(x, axes), axes, keepdims, out_dtype)
    # 1 / -1: largest / smallest column sum of |x|; inf / -inf: the same for row sums.
    sum_axis, other = (row, col) if kind in (_M1, _MM1) else (col, row)
    largest = kind in (_M1, _LINF)
    if x.ndim == 2:
        sums = _abs_sum_2d(x, sum_axis)
        if largest:
            r = sums.max(initial=0)
        elif sums.shape[0] == 0:
            raise _empty_min_error(caller, "1" if kind == _MM1 else "inf")
        else:
            r = sums.min()
        r = np.asarray(r).reshape(1, 1)
    else:
        sums = np.add.reduce(np.abs(x), axis=sum_axis, keepdims=True)
        if largest:
            r = sums.max(axis=other, keepdims=True, initial=0)
        elif x.shape[other] == 0:
            raise _empty_min_error(caller, "1" if kind == _MM1 else "inf")
        else:
            r = sums.min(axis=other, keepdims=True)
    return _finish(r, axes, keepdims, out_dtype)


# --------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------

_NOTES_TABLE = """
    =====  ==========================  ==========================  =====================
    ord    norm for matrices           norm for vectors            empty vector
    =====  ==========================  ==========================  =====================
    None   Frobenius norm              2-norm                      0.0
    'fro'  Frobenius norm              --                          --
    'nuc'  nuclear norm                --                          --
    inf    max(sum(abs(x), axis=1))    max(abs(x))                 0.0
    -inf   min(sum(abs(x), axis=1))    min(abs(x))                 ValueError
    0      --                          sum(x != 0)                 0.0
    1      max(sum(abs(x), axis=0))    sum(abs(x))                 0.0
    -1     min(sum(abs(x), axis=0))    as below                    inf
    2      largest singular value      2-norm                      0.0
    -2     smallest singular value     as below                    inf
    other  --                          sum(abs(x)**ord)**(1./ord)  0.0 if ord > 0, inf
                                                                   if ord < 0, NaN if NaN
    =====  ==========================  ==========================  =====================

    An empty matrix (M or N is 0) has norm 0.0 except where a minimum has nothing
    to choose from, which raises ValueError as in NumPy: ord=-1 with no columns,
    ord=-inf with no rows, ord=-2 always.

    NaN and infinity give NumPy's values, without warnings:

    ===================  =========================================================
    input                result
    ===================  =========================================================
    a NaN                NaN for every ord but 0, which counts NaN as non-zero
    +-inf (no NaN)       inf for vector ord > 0 and for 'fro'; matrix 1 / inf
                         (-1 / -inf) take the max (min) of sums that are inf
                         where they contain an infinite entry; for ord < 0 an
                         infinite entry adds nothing, so the norm is that of the
                         finite entries (inf if all are infinite)
    a zero, ord < 0      0.0 (0 ** ord is infinite)
    ===================  =========================================================

    For ord=2, -2 and 'nuc', a matrix with a NaN or infinite entry has norm NaN,
    without an error (NumPy's SVD raises LinAlgError for NaN and returns NaN for
    inf).
"""


def norm(x: Any, ord: Any = None, axis: Any = None, keepdims: bool = False) -> Any:
    """Drop-in for `numpy.linalg.norm` that does not overflow, underflow or warn.

    Returns one of eight matrix norms or any vector p-norm, exactly as NumPy's
    ``norm`` does (same values, result dtype, shape and exception types), but the
    2-norm, Frobenius norm and p-norms are computed without spurious overflow or
    underflow, L1 and L-infinity of a whole array take one pass without a full-size
    temporary, and no RuntimeWarning is ever emitted.

    Parameters
    ----------
    x : array_like
        Input array. Integers and booleans become float64; float16, float32,
        float64, longdouble and complex dtypes are kept (the result is real). If
        `axis` is None, `x` must be 1-D or 2-D unless `ord` is None, in which case
        the 2-norm of ``x.ravel()`` is returned.
    ord : {None, 'fro', 'nuc', inf, -inf, 0, 1, -1, 2, -2} or float, default=None
        Order of the norm; see the table under Notes. ``'f'`` is accepted as an
        alias of ``'fro'``, as in NumPy.
    axis : {None, int, 2-tuple of ints}, default=None
        An int gives vector norms along that axis; a 2-tuple gives matrix norms of
        the matrices held in those axes (rows, then columns). Negative axes count
        from the end. None means the whole array: a vector norm for 1-D `x`, a
        matrix norm for 2-D `x`.
    keepdims : bool, default=False
        If True, the reduced axes stay in the result with size one, so the result
        broadcasts against `x`.

    Returns
    -------
    n : numpy scalar or ndarray
        The norm(s), of the real dtype of `x` (float64 for integer input). A NumPy
        scalar for a full reduction without `keepdims`, else an ndarray whose shape
        is that of `x` without `axis` (with size-one axes if `keepdims`).

    Raises
    ------
    ValueError
        If `ord` is not valid for a vector (a string) or a matrix (for example 3),
        if `axis` repeats an axis or has more than two entries, if `x` is neither
        1-D nor 2-D when `axis` and `ord` need it, or if a minimum (ord=-inf, or
        matrix ord=-1, -2) is taken over an empty axis. Out-of-range axes raise
        ``numpy.exceptions.AxisError``, a ValueError.
    TypeError
        If `axis` is not an integer or a tuple of integers, if `ord` is not a
        string or real number, if `x` cannot be converted to float (NumPy's
        exception type is kept), or if a longdouble matrix needs an SVD.

    See Also
    --------
    vector_norm : Vector norms over any axes, NumPy 2's array-API spelling.
    matrix_norm : Matrix norms of the last two axes, with batch dimensions.
    numpy.linalg.norm : The original, which overflows for ``[1e200, 1e200]``.
    scipy.linalg.norm : SciPy's version, safe for the 2-norm of a vector via BLAS nrm2.

    Notes
    -----
    For ``ord < 1`` the result is not a norm in the mathematical sense (the unit
    ball is not convex; the "Lp quasi-norm"), but it is computed all the same.
    The table gives every order and the value for an empty vector (a reduced axis
    of length 0):
    {table}
    **Accuracy.** For float64 input the 2-norm, Frobenius norm and p-norms are
    within a few units in the last place of the exact value whenever that value is
    representable (p-norms with ``|ord| < 1`` within a few times ``1/|ord|``, the
    conditioning of the final power), including ``[1e200, 1e200]`` (1.414e200 where NumPy returns
    inf), ``[1e-200, 1e-200]`` (NumPy: 0.0), subnormal input and large ``ord``
    (``norm([10, 5], 400)`` is 10.0). NumPy's fast sum is kept when it is finite and
    far enough above the smallest normal number to be fully accurate; other vectors
    are recomputed scaled by max|x| (min|x| for ord < 0), and only those vectors.
    The final ``** (1/ord)`` gets one Newton step, which removes NumPy's error from
    rounding ``1/ord`` (about 100 ulps for ``norm([2.0**600], 1.5)``).
    float16 input is accumulated in float32, so float16 ``[300, 400]`` gives 500;
    SVD-based orders of float16 matrices raise TypeError, as in NumPy. Object arrays are handed to `numpy.linalg.norm` unchanged.

    **Warnings and errors.** No RuntimeWarning is emitted whatever the ``np.seterr``
    state. Messages differ from NumPy's (they name the accepted values and the value
    received); a non-integer `axis` such as 1.5 raises TypeError, where NumPy
    silently truncates it with ``int()``.

    Used throughout lessons 00-10, 13 and 15.

    Examples
    --------
    >>> import numpy as np
    >>> from normlab.norms import norm
    >>> print(f"{norm([3, 4]):.1f}")
    5.0
    >>> b = np.arange(9).reshape(3, 3) - 4
    >>> print(f"{norm(b):.6f} {norm(b, 'fro'):.6f} {norm(b, np.inf):.1f} {norm(b, 1):.1f}")
    7.745967 7.745967 9.0 7.0

    Unlike NumPy, no overflow or underflow of the squares:

    >>> print(f"{norm([1e200, 1e200]):.6e}")  # numpy.linalg.norm: inf
    1.414214e+200
    >>> print(f"{norm([1e-200, 1e-200]):.6e}")  # numpy.linalg.norm: 0.0
    1.414214e-200
    >>> print(f"{norm([10, 5], 400):.6f}")
    10.000000
    >>> h = norm(np.array([300, 400], dtype=np.float16))  # squares overflow float16
    >>> print(h, h.dtype)
    500.0 float16

    Vector norms along an axis, and matrix norms over two axes:

    >>> c = np.array([[1, 2, 3], [-1, 1, 4]])
    >>> norm(c, axis=0)
    array([1.41421356, 2.23606798, 5.        ])
    >>> norm(c, ord=1, axis=1, keepdims=True)
    array([[6.],
           [6.]])
    >>> norm(np.arange(8).reshape(2, 2, 2), axis=(1, 2))
    array([ 3.74165739, 11.22497216])

    Errors name what is accepted:

    >>> norm(b, 3)
    Traceback (most recent call last):
        ...
    ValueError: norm: `ord` must be one of None, 'fro', 'nuc', inf, -inf, 1, -1, 2, -2 for a matrix; got 3.
    """
    return _norm(x, ord, axis, keepdims)


@_QUIET
def _norm(x: Any, ord: Any, axis: Any, keepdims: bool) -> Any:
    caller = "norm"
    x = _as_inexact(x, caller)
    if x.dtype == object:
        return np.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)
    nd = x.ndim
    if axis is None:
        # NumPy's shortcut, in NumPy's order: the 2-norm of the flattened array.
        if ord is None or (isinstance(ord, str) and ord in ("f", "fro") and nd == 2) or (
            nd == 1 and not isinstance(ord, str) and _eq(ord, 2)
        ):
            ret = _l2_1d(x.ravel(order="K"))
            return ret.reshape(nd * [1]) if keepdims else ret
        axes = tuple(range(nd))
    else:
        raw = axis if isinstance(axis, tuple) else (axis,)
        axes = check_axis(axis, nd, caller=caller) if len(raw) in (1, 2) else raw
    if len(axes) == 1:
        return _vector_reduce(x, _vector_kind(ord, caller), axes, keepdims, caller)
    if len(axes) == 2:
        return _matrix_reduce(x, _matrix_kind(ord, caller), axes[0], axes[1], keepdims, caller)
    if axis is None:
        raise ValueError(
            f"{caller}: `x` must be 1-D or 2-D when `axis` is None and `ord` is not None; got an "
            f"array of shape {x.shape} with ord={ord!r}. Pass `axis`, or use vector_norm or matrix_norm."
        )
    raise ValueError(f"{caller}: `axis` must be an int or a 2-tuple of ints; got {axis!r}.")


def vector_norm(x: Any, /, *, axis: Any = None, keepdims: bool = False, ord: Any = 2) -> Any:
    """Drop-in for `numpy.linalg.vector_norm` that does not overflow, underflow or warn.

    Computes the vector p-norm of `x` over the given axes, all of them by
    default (the norm of the flattened array), with the safe and one-pass kernels
    of `norm`.

    Parameters
    ----------
    x : array_like
        Input array of any shape. Integers and booleans become float64.
    axis : {None, int, tuple of ints}, default=None
        Axes over which to take the norm; a tuple of several axes takes the norm
        of the vector made of all their entries (not a matrix norm). None means all
        axes. Negative axes count from the end; ``()`` gives the absolute values.
    keepdims : bool, default=False
        If True, the reduced axes stay in the result with size one.
    ord : {None, inf, -inf, 0, 1, -1, 2, -2} or float, default=2
        Order of the norm; see the table under Notes. None means 2.

    Returns
    -------
    n : numpy scalar or ndarray
        The norm(s), of the real dtype of `x`; a NumPy scalar when every axis is
        reduced and `keepdims` is False.

    Raises
    ------
    ValueError
        If `ord` is a string (``'fro'``, ``'nuc'``: use `matrix_norm`), if `axis`
        repeats an axis, or if ord=-inf meets an empty axis. Out-of-range axes raise
        ``numpy.exceptions.AxisError``, a ValueError.
    TypeError
        If `axis` is not an integer or a tuple of integers, if `ord` is not a real
        number or string, or if `x` cannot be converted to float.

    See Also
    --------
    norm : NumPy's all-in-one function, vector or matrix norms by `axis`.
    matrix_norm : Matrix norms of the last two axes.
    numpy.linalg.vector_norm : The original.

    Notes
    -----
    The vector column of this table applies (matrix orders are those of `norm`):
    {table}
    Accuracy and speed are those of `norm`: the 2-norm and p-norms are safe from
    overflow and underflow (``vector_norm([1e200, 1e200])`` is 1.414e200), and L1,
    L2 and L-infinity over all axes of a contiguous array take one pass with memory
    of one block. No RuntimeWarning is emitted. A non-integer `axis` raises
    TypeError, where NumPy truncates it.

    Used throughout lessons 00-10, 13 and 15.

    Examples
    --------
    >>> import numpy as np
    >>> from normlab.norms import vector_norm
    >>> b = np.arange(1, 10).reshape(3, 3)
    >>> print(f"{vector_norm(b):.6f}")
    16.881943
    >>> print(f"{vector_norm(b, ord=1):.1f} {vector_norm(b, ord=np.inf):.1f} {vector_norm(b, ord=0):.1f}")
    45.0 9.0 9.0
    >>> vector_norm(b, axis=1)
    array([ 3.74165739,  8.77496439, 13.92838828])
    >>> vector_norm(b, axis=(0, 1), keepdims=True)
    array([[16.88194302]])
    >>> print(f"{vector_norm([1e200, 1e200]):.6e}")
    1.414214e+200
    """
    return _vector_norm(x, axis, keepdims, ord)


@_QUIET
def _vector_norm(x: Any, axis: Any, keepdims: bool, ord: Any) -> Any:
    caller = "vector_norm"
    x = _as_inexact(x, caller)
    if x.dtype == object:
        return np.linalg.vector_norm(x, axis=axis, keepdims=keepdims, ord=ord)
    axes = tuple(range(x.ndim)) if axis is None else check_axis(axis, x.ndim, caller=caller)
    return _vector_reduce(x, _vector_kind(ord, caller), axes, keepdims, caller)


def matrix_norm(x: Any, /, *, keepdims: bool = False, ord: Any = "fro") -> Any:
    """Drop-in for `numpy.linalg.matrix_norm` that does not overflow, underflow or warn.

    Computes the matrix norm of each matrix held in the last two axes of `x`
    (shape ``(..., M, N)``); leading axes are batch dimensions.

    Parameters
    ----------
    x : array_like of shape (..., M, N)
        Matrix or stack of matrices, at least 2-D. Integers and booleans become
        float64.
    keepdims : bool, default=False
        If True, the last two axes stay in the result with size one.
    ord : {'fro', 'nuc', inf, -inf, 1, -1, 2, -2, None}, default='fro'
        Order of the norm; see the table under Notes. None means 'fro'.

    Returns
    -------
    n : numpy scalar or ndarray of shape (...)
        The norm of each matrix, of the real dtype of `x`; a NumPy scalar for 2-D
        `x` without `keepdims`.

    Raises
    ------
    ValueError
        If `ord` is not a matrix order (for example 3 or 0), or if a minimum
        (ord=-1, -2, -inf) is taken over an empty axis.
    numpy.exceptions.AxisError
        If `x` has fewer than two dimensions (a ValueError, as in NumPy).
    TypeError
        If `x` cannot be converted to float, or if a longdouble matrix needs an SVD.

    See Also
    --------
    norm : NumPy's all-in-one function; ``norm(x, ord, axis=(-2, -1))`` is the same.
    vector_norm : Norms of vectors, or of flattened matrices.
    numpy.linalg.matrix_norm : The original.

    Notes
    -----
    The matrix column of this table applies:
    {table}
    The Frobenius norm is safe from overflow and underflow (entries of 1e200 give
    the right answer, not inf); the 2-norm, -2-norm and nuclear norm come from
    LAPACK's SVD, which scales internally. ord=1 and inf of a 2-D array sum |x| one
    block of rows at a time, without a full-size temporary. No RuntimeWarning is
    emitted.

    Used in lessons 13 and 15.

    Examples
    --------
    >>> import numpy as np
    >>> from normlab.norms import matrix_norm
    >>> b = np.arange(9).reshape(3, 3) - 4
    >>> print(f"{matrix_norm(b):.6f} {matrix_norm(b, ord=1):.1f} {matrix_norm(b, ord=np.inf):.1f}")
    7.745967 7.0 9.0
    >>> print(f"{matrix_norm(b, ord=2):.6f} {matrix_norm(b, ord='nuc'):.6f}")
    7.348469 9.797959
    >>> matrix_norm(np.stack([np.eye(2), 2 * np.eye(2)]), ord=2)
    array([1., 2.])
    >>> print(f"{matrix_norm(np.full((2, 2), 1e200)):.1e}")
    2.0e+200
    """
    return _matrix_norm(x, keepdims, ord)


@_QUIET
def _matrix_norm(x: Any, keepdims: bool, ord: Any) -> Any:
    caller = "matrix_norm"
    x = _as_inexact(x, caller)
    if x.dtype == object:
        return np.linalg.matrix_norm(x, keepdims=keepdims, ord=ord)
    row, col = check_axis((-2, -1), x.ndim, caller=caller)
    return _matrix_reduce(x, _matrix_kind(ord, caller), row, col, keepdims, caller)


# One table of orders and edge cases, shared by the three docstrings.
for _f in (norm, vector_norm, matrix_norm):
    if _f.__doc__:  # None under python -OO
        _f.__doc__ = _f.__doc__.replace("    {table}", _NOTES_TABLE.rstrip("\n"))
del _f
