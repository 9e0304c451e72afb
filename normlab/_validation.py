"""Argument checks shared by every normlab function, so that messages read alike.

Every message names the calling function, the argument, what is accepted and what
arrived: ``project_onto_ball: `radius` must be positive; got -1.0.``
"""

from __future__ import annotations

import numbers
import operator
from typing import Any, Iterable

import numpy as np

__all__ = [
    "as_float_array",
    "check_axis",
    "check_finite",
    "check_option",
    "check_positive",
    "check_int",
    "check_interval",
]


def check_option(value: Any, name: str, options: Iterable[Any], *, caller: str) -> Any:
    """Return `value` if it is one of `options`, else raise ValueError naming them."""
    options = tuple(options)
    def same(a, b) -> bool:
        if isinstance(a, (bool, np.bool_)) or isinstance(b, (bool, np.bool_)):
            return a is b  # True is not the order 1
        try:
            return bool(a == b)
        except (TypeError, ValueError):
            return False

    ok = any(same(value, o) for o in options)
    if not ok:
        allowed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{caller}: `{name}` must be one of {allowed}; got {value!r}.")
    return value


def as_float_array(
    x: Any,
    name: str,
    *,
    caller: str,
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = True,
) -> np.ndarray:
    """Convert `x` to a floating ndarray, as NumPy's linalg does.

    Integers and booleans become float64; float16/32/64 and complex dtypes are kept.
    Raises TypeError for non-numeric input and ValueError for a wrong number of
    dimensions or (unless ``allow_empty``) an empty array.
    """
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:  # ragged lists and similar
        raise TypeError(f"{caller}: `{name}` must be array-like of numbers; got {type(x).__name__} ({exc}).") from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(f"{caller}: `{name}` must be numeric; got an array of dtype {arr.dtype}.")
    if not np.issubdtype(arr.dtype, np.inexact):
        arr = arr.astype(np.float64)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{caller}: `{name}` must be {want}; got an array of shape {arr.shape}.")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{caller}: `{name}` must not be empty; got an array of shape {arr.shape}.")
    return arr


def check_finite(arr: np.ndarray, name: str, *, caller: str) -> np.ndarray:
    """Raise ValueError if `arr` holds NaN or infinity (for solvers, where NaN burns iterations)."""
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{caller}: `{name}` must be finite; it contains NaN or infinity.")
    return arr


def check_positive(value: Any, name: str, *, caller: str, strict: bool = True, allow_inf: bool = False) -> float:
    """Return `value` as a float, raising TypeError/ValueError unless it is (strictly) positive."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise TypeError(f"{caller}: `{name}` must be a real number; got {type(value).__name__} {value!r}.")
    v = float(value)
    if np.isnan(v) or (np.isinf(v) and not allow_inf):
        raise ValueError(f"{caller}: `{name}` must be a finite number; got {v!r}.")
    if (strict and not v > 0) or (not strict and not v >= 0):
        kind = "positive" if strict else "non-negative"
        raise ValueError(f"{caller}: `{name}` must be {kind}; got {v!r}.")
    return v


def check_int(value: Any, name: str, *, caller: str, minimum: int | None = None) -> int:
    """Return `value` as an int, raising TypeError for non-integers and ValueError below `minimum`."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{caller}: `{name}` must be an integer; got {value!r}.")
    try:
        v = operator.index(value)
    except TypeError:
        raise TypeError(f"{caller}: `{name}` must be an integer; got {type(value).__name__} {value!r}.") from None
    if minimum is not None and v < minimum:
        raise ValueError(f"{caller}: `{name}` must be at least {minimum}; got {v}.")
    return v


def check_axis(axis: Any, ndim: int, *, caller: str, name: str = "axis") -> tuple[int, ...]:
    """Normalize `axis` (None, int or tuple of ints) to a tuple of non-negative axes.

    Raises TypeError for non-integer axes (as NumPy does) and numpy's AxisError (a
    ValueError and IndexError) for out-of-range or repeated axes.
    """
    if axis is None:
        return tuple(range(ndim))
    axes = axis if isinstance(axis, tuple) else (axis,)
    out = []
    for a in axes:
        if isinstance(a, (bool, np.bool_)):
            raise TypeError(f"{caller}: `{name}` must be an integer or a tuple of integers; got {axis!r}.")
        try:
            a = operator.index(a)
        except TypeError:
            raise TypeError(
                f"{caller}: `{name}` must be an integer or a tuple of integers; got {axis!r}."
            ) from None
        if not -ndim <= a < ndim:
            raise np.exceptions.AxisError(a, ndim, msg_prefix=f"{caller}: `{name}`")
        out.append(a % ndim)
    if len(set(out)) != len(out):
        raise ValueError(f"{caller}: `{name}` has repeated axes; got {axis!r}.")
    return tuple(out)


def check_interval(
    value: Any,
    name: str,
    low: float,
    high: float,
    *,
    caller: str,
    closed: str = "both",
    hint: str = "",
) -> float:
    """Return `value` as a float in the interval from `low` to `high`.

    `closed` says which ends belong to it: "both", "left", "right" or "neither".
    Raises TypeError for non-real values and ValueError (naming the interval, plus
    `hint` if given) for values outside it.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise TypeError(f"{caller}: `{name}` must be a real number; got {type(value).__name__} {value!r}.")
    v = float(value)
    left_ok = v >= low if closed in ("both", "left") else v > low
    right_ok = v <= high if closed in ("both", "right") else v < high
    if not (left_ok and right_ok):  # NaN fails both
        lb = "[" if closed in ("both", "left") else "("
        rb = "]" if closed in ("both", "right") else ")"
        extra = f" {hint}" if hint else ""
        raise ValueError(f"{caller}: `{name}` must be in {lb}{low:g}, {high:g}{rb}; got {value!r}.{extra}")
    return v
