"""Tests for normlab._linalg: norm, vector_norm, matrix_norm (public home: normlab.norms).

Reference comparisons pin every ord x axis x keepdims x dtype to numpy.linalg; accuracy
tests pin the overflow-safe paths to exact rational arithmetic (fractions.Fraction),
math.hypot and scipy.linalg.norm; property tests check the mathematics. Nothing
asserts on time; benchmarks/bench_norms.py measures speed.
"""

from __future__ import annotations

import itertools
import math
import tracemalloc
import warnings
from fractions import Fraction

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from normlab._linalg import _BLOCK, matrix_norm, norm, vector_norm

INF = np.inf
VECTOR_ORDS = [None, INF, -INF, 0, 1, -1, 2, -2, 3, 0.5, -0.5, 2.5, -3.5]
MATRIX_ORDS = [None, "fro", "nuc", INF, -INF, 1, -1, 2, -2]
DTYPES = [np.int32, np.bool_, np.float16, np.float32, np.float64, np.complex64, np.complex128]
RTOL = {np.dtype(np.float16): 1e-3, np.dtype(np.float32): 1e-5, np.dtype(np.float64): 1e-12}
HYPOTHESIS = settings(deadline=None, derandomize=True, max_examples=100)
needs_numpy2 = pytest.mark.skipif(
    not hasattr(np.linalg, "vector_norm"), reason="numpy.linalg.vector_norm/matrix_norm are NumPy 2 API"
)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def make(shape, dtype, seed=0):
    """Small values (halves in [-2.5, 2.5], some zeros): exact in float16, no overflow."""
    rng = np.random.default_rng(seed)
    re = rng.integers(-5, 6, size=shape) / 2
    if dtype == np.bool_:
        return re > 0
    if np.issubdtype(dtype, np.integer):
        return (2 * re).astype(dtype)
    if np.issubdtype(dtype, np.complexfloating):
        return (re + 1j * rng.integers(-5, 6, size=shape) / 2).astype(dtype)
    return re.astype(dtype)


def numpy_call(fn, x, **kwargs):
    """Call a numpy.linalg function silently.

    float16 is special: NumPy rounds every square or power to float16 before summing
    (and has no float16 SVD, which both libraries refuse with TypeError), while normlab
    accumulates in float32 as documented. The
    reference values for float16 are therefore NumPy's float32 results rounded to
    float16; NumPy's own float16 call still decides the exceptions, kind and shape.
    """
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if np.asarray(x).dtype != np.float16:
            return fn(x, **kwargs)
        native = fn(x, **kwargs)  # raises TypeError for the SVD orders, as normlab must
        wide = np.asarray(fn(np.asarray(x, np.float32), **kwargs)).astype(np.float16)
        assert np.shape(native) == wide.shape and isinstance(native, np.ndarray) == (wide.ndim > 0)
        return wide[()]


def error_kind(exc):
    """The broad exception class tests compare: AxisError, ValueError or TypeError."""
    for kind in (np.exceptions.AxisError, ValueError, TypeError):
        if isinstance(exc, kind):
            return kind
    return type(exc)


def assert_matches(ours, ref, rtol=None):
    """Same kind (scalar/ndarray), dtype, shape and values (NaN where NumPy has NaN)."""
    assert isinstance(ours, np.ndarray) == isinstance(ref, np.ndarray), (type(ours), type(ref))
    assert isinstance(ours, np.generic) == isinstance(ref, np.generic), (type(ours), type(ref))
    ours, ref = np.asarray(ours), np.asarray(ref)
    assert ours.dtype == ref.dtype, (ours.dtype, ref.dtype)
    assert ours.shape == ref.shape, (ours.shape, ref.shape)
    rtol = RTOL.get(ref.dtype, 1e-12) if rtol is None else rtol
    o, r = ours.astype(np.float64), ref.astype(np.float64)
    with np.errstate(invalid="ignore"):  # inf - inf in the tolerance test; equality covers it
        close = (o == r) | (np.abs(o - r) <= rtol * np.abs(r)) | (np.isnan(o) & np.isnan(r))
    if not close.all():  # the fast check above; assert_allclose for the message
        np.testing.assert_allclose(o, r, rtol=rtol, atol=0, equal_nan=True)


def assert_same_outcome(ours_fn, ref_fn, rtol=None):
    """Both return matching results, or both raise the same kind of exception."""
    try:
        ref = ref_fn()
    except Exception as exc:  # noqa: BLE001 - we compare the kind below
        with pytest.raises(error_kind(exc)):
            ours_fn()
        return
    assert_matches(ours_fn(), ref, rtol)


def iroot(n: int, k: int) -> int:
    """floor(n ** (1/k)) for an integer n >= 0, by integer Newton iteration."""
    if n < 2:
        return n
    x = 1 << -(-n.bit_length() // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def exact_root(total: Fraction, k: int) -> float:
    """total ** (1/k) for a positive rational `total`, correctly rounded (up to a 2**-63 nudge).

    The k-th root is taken of `total` scaled to ~64 significant bits of root.
    """
    a, b = total.numerator, total.denominator
    j = 64 - (a.bit_length() - b.bit_length()) // k
    if j >= 0:
        return float(Fraction(iroot(a * 2 ** (k * j) // b, k), 2**j))
    return float(iroot(a // (b * 2 ** (-k * j)), k) * 2 ** (-j))


def exact_pnorm(values, p: int) -> float:
    """The p-norm (integer p != 0) of float values by exact rational arithmetic."""
    xs = [Fraction(abs(float(v))) for v in values]
    k = abs(p)
    if p > 0:
        return exact_root(sum((v**k for v in xs), Fraction(0)), k)
    return exact_root(1 / sum((1 / v**k for v in xs), Fraction(0)), k)


def exact_rational_pnorm(bases, p: Fraction) -> tuple[np.ndarray, float]:
    """Values ``bases ** den`` and their exact p-norm for rational p = num/den.

    With x = b**den, |x|**p = b**num is rational, so the sum S is exact and the norm
    is S ** (den/num) = (S ** den) ** (1/num).
    """
    num, den = p.numerator, p.denominator
    values = np.array([float(Fraction(b) ** den) for b in bases])
    total = sum((Fraction(b) ** num for b in bases), Fraction(0)) ** den
    return values, exact_root(total if num > 0 else 1 / total, abs(num))


# --------------------------------------------------------------------------------------
# Reference comparisons with numpy.linalg over the whole option grid
# --------------------------------------------------------------------------------------

SHAPE3 = (2, 3, 4)
VECTOR_AXES3 = list(range(-3, 3))
MATRIX_AXES3 = [(a, b) for a in range(-3, 3) for b in range(-3, 3) if a % 3 != b % 3]


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ord", VECTOR_ORDS, ids=repr)
def test_norm_matches_numpy_vector_orders(dtype, ord):
    x3 = make(SHAPE3, dtype)
    for axis, keepdims in itertools.product(VECTOR_AXES3, [False, True]):
        assert_same_outcome(
            lambda: norm(x3, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x3, ord=ord, axis=axis, keepdims=keepdims),
        )
    x1 = make((7,), dtype, seed=1)
    for axis, keepdims in itertools.product([None, 0, -1], [False, True]):
        assert_same_outcome(
            lambda: norm(x1, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x1, ord=ord, axis=axis, keepdims=keepdims),
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ord", MATRIX_ORDS, ids=repr)
def test_norm_matches_numpy_matrix_orders(dtype, ord):
    x3 = make(SHAPE3, dtype)
    for axis, keepdims in itertools.product(MATRIX_AXES3, [False, True]):
        assert_same_outcome(
            lambda: norm(x3, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x3, ord=ord, axis=axis, keepdims=keepdims),
        )
    x2 = make((5, 3), dtype, seed=1)
    for axis, keepdims in itertools.product([None, (0, 1), (1, 0), (-1, -2), (0, -1)], [False, True]):
        assert_same_outcome(
            lambda: norm(x2, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x2, ord=ord, axis=axis, keepdims=keepdims),
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_norm_matches_numpy_axis_none_any_ndim(dtype):
    for shape in [(), (1,), (4,), (3, 4), (2, 3, 4), (2, 1, 3, 2)]:
        x = make(shape, dtype)
        for ord, keepdims in itertools.product([None, "fro", 2, 1, INF, "nuc"], [False, True]):
            assert_same_outcome(
                lambda: norm(x, ord, None, keepdims),
                lambda: numpy_call(np.linalg.norm, x, ord=ord, axis=None, keepdims=keepdims),
            )


VECTOR_NORM_AXES3 = [None, ()] + [
    perm for r in (1, 2, 3) for combo in itertools.combinations(range(3), r) for perm in itertools.permutations(combo)
] + [-1, (-1,), (-1, 0), (2, -3), (-3, -2, -1)]


@needs_numpy2
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ord", VECTOR_ORDS, ids=repr)
def test_vector_norm_matches_numpy(dtype, ord):
    x3 = make(SHAPE3, dtype)
    for axis, keepdims in itertools.product(VECTOR_NORM_AXES3, [False, True]):
        kwargs = {"axis": axis, "keepdims": keepdims} | ({} if ord is None else {"ord": ord})
        assert_same_outcome(
            lambda: vector_norm(x3, **kwargs),
            lambda: numpy_call(np.linalg.vector_norm, x3, **kwargs),
        )
    for shape in [(), (6,), (3, 4)]:
        x = make(shape, dtype, seed=2)
        for keepdims in (False, True):
            assert_same_outcome(
                lambda: vector_norm(x, ord=ord, keepdims=keepdims),
                lambda: numpy_call(np.linalg.vector_norm, x, ord=ord, keepdims=keepdims),
            )


@needs_numpy2
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("ord", MATRIX_ORDS, ids=repr)
def test_matrix_norm_matches_numpy(dtype, ord):
    for shape in [(3, 4), (4, 3), (2, 3, 4), (2, 1, 3, 2), (1, 1)]:
        x = make(shape, dtype)
        for keepdims in (False, True):
            kwargs = {"keepdims": keepdims} | ({} if ord is None else {"ord": ord})
            assert_same_outcome(
                lambda: matrix_norm(x, **kwargs),
                lambda: numpy_call(np.linalg.matrix_norm, x, **kwargs),
            )


@needs_numpy2
@pytest.mark.parametrize("shape", [(0,), (0, 3), (3, 0), (0, 0), (2, 0, 3)], ids=str)
def test_norm_matches_numpy_empty(shape):
    x = np.zeros(shape)
    nd = len(shape)
    vector_axes = list(range(-nd, nd)) + ([None] if nd == 1 else [])
    matrix_axes = [(a, b) for a in range(nd) for b in range(nd) if a != b] + ([None] if nd == 2 else [])
    for ord, axis, keepdims in itertools.product(VECTOR_ORDS, vector_axes, [False, True]):
        assert_same_outcome(
            lambda: norm(x, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x, ord=ord, axis=axis, keepdims=keepdims),
        )
        assert_same_outcome(
            lambda: vector_norm(x, ord=ord if ord is not None else 2, keepdims=keepdims),
            lambda: numpy_call(np.linalg.vector_norm, x, ord=ord if ord is not None else 2, keepdims=keepdims),
        )
    for ord, axis, keepdims in itertools.product(MATRIX_ORDS, matrix_axes, [False, True]):
        assert_same_outcome(
            lambda: norm(x, ord, axis, keepdims),
            lambda: numpy_call(np.linalg.norm, x, ord=ord, axis=axis, keepdims=keepdims),
        )


def test_norm_regression_empty_values():
    # Documented in the Notes table: NumPy's values for empty input, mirrored.
    assert norm([]) == 0.0 and norm([], INF) == 0.0 and norm([], 1) == 0.0 and norm([], 0) == 0.0
    assert norm([], -1) == INF and norm([], 3) == 0.0
    assert np.isnan(norm([], np.nan))
    with pytest.raises(ValueError, match="ord=-inf"):
        norm([], -INF)
    with pytest.raises(ValueError):
        norm(np.zeros((3, 0)), -1)


# --------------------------------------------------------------------------------------
# Large inputs: the blocked one-pass kernels against NumPy
# --------------------------------------------------------------------------------------

N_BIG = 2 * _BLOCK + 12345  # three blocks, the last one partial


@needs_numpy2
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.complex128], ids=lambda d: np.dtype(d).name)
def test_norm_matches_numpy_blocked_paths(dtype):
    rng = np.random.default_rng(3)
    x = rng.standard_normal(N_BIG)
    if dtype == np.complex128:
        x = x + 1j * rng.standard_normal(N_BIG)
    x = x.astype(dtype)
    for ord in [None, INF, -INF, 0, 1, -1, 2.5, 0.5]:
        # float16 sums of 10**5 terms: NumPy rounds in float16 (and overflows for
        # p < -2), we accumulate in float32; compare float16 at its precision only.
        if dtype == np.float16 and ord not in (None, 2, 1, INF, -INF, 0):
            continue
        rtol = 1e-2 if dtype == np.float16 else None
        for v in (x, x[::3], x[::-2]):
            assert_same_outcome(lambda: norm(v, ord), lambda: numpy_call(np.linalg.norm, v, ord=ord), rtol)
    m = x[: 300 * 400].reshape(300, 400)
    for a in (m, np.asfortranarray(m), m[:, ::2], m.T):
        for ord in (1, -1, INF, -INF, "fro", None):
            rtol = 1e-2 if dtype == np.float16 else None
            assert_same_outcome(lambda: norm(a, ord), lambda: numpy_call(np.linalg.norm, a, ord=ord), rtol)
            if ord not in (-1, 1, -INF, "fro"):
                kw = {} if ord is None else {"ord": ord}
                assert_same_outcome(
                    lambda: vector_norm(a, **kw), lambda: numpy_call(np.linalg.vector_norm, a, **kw), rtol
                )


def test_norm_blocked_paths_propagate_nan_and_inf():
    x = np.ones(N_BIG)
    for pos in (0, _BLOCK + 5, N_BIG - 1):
        y = x.copy()
        y[pos] = np.nan
        for ord in (1, INF, -INF, 2, 3, -1.5):
            assert np.isnan(norm(y, ord))
        y[pos] = -INF
        assert norm(y, 1) == INF and norm(y, INF) == INF and norm(y, 2) == INF and norm(y, 3) == INF
        assert norm(y, -INF) == 1.0
        np.testing.assert_allclose(norm(y, -1), 1 / (N_BIG - 1), rtol=1e-12)
    assert str(norm(-np.zeros(N_BIG), INF)) == "0.0"  # +0.0, as abs() gives


# --------------------------------------------------------------------------------------
# Accuracy of the safe paths: exact arithmetic, math.hypot, SciPy
# --------------------------------------------------------------------------------------

SCALES = [5e-324, 1e-310, 1e-300, 1e-200, 1e-160, 1e-10, 1.0, 1e10, 1e160, 1e200, 1e300]


@pytest.mark.parametrize("scale", SCALES)
def test_norm_l2_matches_exact_arithmetic(scale):
    rng = np.random.default_rng(4)
    for n in (1, 2, 3, 5, 8):
        for _ in range(6):
            x = np.round(rng.standard_normal(n) * 1000) * scale if scale < 1e-300 else rng.standard_normal(n) * scale
            exact = exact_pnorm(x, 2)
            ours = norm(x)
            np.testing.assert_array_max_ulp(ours, exact, maxulp=4)
            np.testing.assert_array_max_ulp(ours, math.hypot(*x), maxulp=4)
            np.testing.assert_array_max_ulp(vector_norm(x), exact, maxulp=4)
            np.testing.assert_array_max_ulp(norm(x + 0j), exact, maxulp=4)


@pytest.mark.parametrize("p", [3, 4, 7, -1, -2, -3])
@pytest.mark.parametrize("scale", [5e-324, 1e-300, 1e-200, 1.0, 1e200, 1e300])
def test_norm_p_matches_exact_arithmetic(p, scale):
    rng = np.random.default_rng(5)
    for n in (1, 2, 4, 7):
        for _ in range(3):
            x = (rng.integers(1, 2000, n) * rng.choice([-1, 1], n)) * scale
            exact = exact_pnorm(x, p)
            np.testing.assert_array_max_ulp(norm(x, p), exact, maxulp=4)
            np.testing.assert_array_max_ulp(vector_norm(x, ord=p), exact, maxulp=4)


@pytest.mark.parametrize("p", ["1/2", "3/2", "1/3", "2/3", "5/2", "-1/2", "-3/2", "-1/3"])
@pytest.mark.parametrize("scale_exp", [-300, -150, 0, 60, 150, 300])
def test_norm_fractional_p_matches_exact_arithmetic(p, scale_exp):
    # Bases b * 2**e make x = b**den exact floats with a rational exact p-norm.
    # For |p| < 1 the final power 1/p > 1 multiplies the sum's own rounding error
    # (a few ulps over n terms) by 1/|p|: that is the problem's conditioning, so the
    # claim is 4 ulps times max(1, 1/|p|).
    p = Fraction(p)
    maxulp = math.ceil(4 / min(1, abs(p)))
    rng = np.random.default_rng(10)
    e = scale_exp // p.denominator
    for n in (1, 2, 3, 6):
        for _ in range(3):
            bases = [Fraction(int(b)) * Fraction(2) ** e for b in rng.integers(1, 60, n)]
            x, exact = exact_rational_pnorm(bases, p)
            np.testing.assert_array_max_ulp(norm(x, float(p)), exact, maxulp=maxulp)
            np.testing.assert_array_max_ulp(norm(-x[None, :], float(p), axis=1)[0], exact, maxulp=maxulp)


def test_norm_regression_root_of_rounded_reciprocal():
    # NumPy computes s ** (1/p) with 1/p rounded: off by ~eps*log(norm), here 2.5 ulps
    # at 2**14 and ~100 ulps at 2**600. The Newton step makes these exact.
    assert norm([2.0**14], 1.5) == 2.0**14
    assert norm([2.0**600], 1.5) == 2.0**600
    assert norm(np.full((3, 1), 2.0**-600), 2.5, axis=1)[0] == 2.0**-600
    assert norm([2.0**40, 2.0**40], 3) == exact_pnorm([2.0**40, 2.0**40], 3)
    np.testing.assert_array_max_ulp(norm([1e6, 2e6], 3), exact_pnorm([1e6, 2e6], 3), maxulp=1)  # NumPy: 7


def test_norm_regression_overflow_underflow_cases():
    # The cases from the course brief, where numpy.linalg.norm returns inf or 0.
    np.testing.assert_array_max_ulp(norm([1e200, 1e200]), math.hypot(1e200, 1e200), maxulp=1)
    np.testing.assert_array_max_ulp(norm([1e-200, 1e-200]), math.hypot(1e-200, 1e-200), maxulp=1)
    sub = np.array([5e-324, 5e-324, 1e-323, 2.5e-322])
    np.testing.assert_array_max_ulp(norm(sub), exact_pnorm(sub, 2), maxulp=1)
    h = norm(np.array([300, 400], np.float16))
    assert h.dtype == np.float16 and h == 500
    f = norm(np.array([3e30, 4e30], np.float32))
    assert f.dtype == np.float32 and np.isclose(f, 5e30, rtol=1e-6)
    assert norm([10, 5], 400) == exact_pnorm([10, 5], 400) == 10.0
    np.testing.assert_allclose(norm(1e3 * np.ones(10**6), 300), 1e3 * 10 ** (6 / 300), rtol=1e-13)
    np.testing.assert_allclose(norm(np.full(10, 1e-300), 0.5), 100 * 1e-300, rtol=1e-13)
    np.testing.assert_array_max_ulp(norm([1e-200, 1.0], -2), exact_pnorm([1e-200, 1.0], -2), maxulp=2)
    np.testing.assert_array_max_ulp(norm([1e200], -2), 1e200, maxulp=1)


def test_norm_matches_scipy_on_hard_vectors():
    rng = np.random.default_rng(6)
    for scale in (1e-300, 1e-200, 1e200, 1e300):
        x = rng.standard_normal(1000) * scale
        np.testing.assert_array_max_ulp(norm(x), scipy.linalg.norm(x), maxulp=16)
        np.testing.assert_array_max_ulp(vector_norm(x), scipy.linalg.norm(x), maxulp=16)
        xm = x.reshape(20, 50)
        # SciPy's 2-D Frobenius norm is NumPy's and overflows; its ord=2 uses LAPACK.
        np.testing.assert_allclose(norm(xm, 2), scipy.linalg.norm(xm, 2), rtol=1e-12)
        np.testing.assert_allclose(norm(xm, "nuc"), scipy.linalg.norm(xm, "nuc"), rtol=1e-12)


@pytest.mark.parametrize("scale", [1e-200, 1e-160, 1e160, 1e200, 1e300])
def test_norm_frobenius_and_axis_reductions_are_safe(scale):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((3, 4, 5))
    ref_fro = np.linalg.norm(x, axis=(1, 2))
    ref_vec = np.linalg.norm(x, axis=1)
    ref_p = np.linalg.norm(x, 3, axis=-1)
    y = x * scale  # scale is not a power of two: compare to rtol, not ulps
    np.testing.assert_allclose(norm(y, axis=(1, 2)) / scale, ref_fro, rtol=1e-13)
    np.testing.assert_allclose(norm(y, "fro", axis=(2, 1)) / scale, ref_fro, rtol=1e-13)
    np.testing.assert_allclose(matrix_norm(y) / scale, ref_fro, rtol=1e-13)
    np.testing.assert_allclose(norm(y, axis=1) / scale, ref_vec, rtol=1e-13)
    ref_02 = np.linalg.norm(x.transpose(1, 0, 2).reshape(4, -1), axis=1)
    np.testing.assert_allclose(vector_norm(y, axis=(0, 2)) / scale, ref_02, rtol=1e-13)
    np.testing.assert_allclose(norm(y, 3, axis=-1) / scale, ref_p, rtol=1e-13)
    np.testing.assert_allclose(norm(y + 1j * y, axis=(1, 2)) / scale, np.sqrt(2) * ref_fro, rtol=1e-13)
    np.testing.assert_allclose(norm(y[0]) / scale, np.linalg.norm(x[0]), rtol=1e-13)
    np.testing.assert_allclose(norm(y, 2, axis=(1, 2)) / scale, np.linalg.norm(x, 2, axis=(1, 2)), rtol=1e-12)


def test_norm_axis_reductions_fix_only_the_bad_vectors():
    rng = np.random.default_rng(8)
    x = rng.standard_normal((6, 50))
    x[1] *= 1e200
    x[2] *= 1e-200
    x[3] = 0.0
    x[4, 7] = np.nan
    x[5, 3] = -INF
    for ord in (2, None, 3, 0.5, -1.5):
        got = norm(x, ord, axis=1)
        for i in range(6):
            s = np.max(np.abs(x[i])) if np.isfinite(x[i]).all() and x[i].any() else 1.0
            want = numpy_call(np.linalg.norm, x[i] / s, ord=ord) * s
            np.testing.assert_allclose(got[i], want, rtol=1e-13, equal_nan=True)
        np.testing.assert_allclose(norm(x.T, ord, axis=0), got, rtol=0, equal_nan=True)
    h = np.array([[300, 400], [3, 4], [60000, 60000]], np.float16)
    got = norm(h, axis=1)
    assert got.dtype == np.float16
    np.testing.assert_allclose(got, [500, 5, INF], rtol=1e-3)  # 84853 overflows float16
    assert matrix_norm(np.full((2, 2), 6e4, np.float16)) == INF  # 1.2e5 overflows the float16 result


@pytest.mark.skipif(np.finfo(np.longdouble).max <= np.finfo(np.float64).max, reason="longdouble is double")
def test_norm_longdouble_is_safe_and_keeps_dtype():
    x = np.array([np.longdouble("1e3000"), np.longdouble("1e3000")])
    r = norm(x)
    assert r.dtype == np.longdouble
    assert abs(r / np.longdouble("1e3000") - np.sqrt(np.longdouble(2))) < 1e-17
    y = np.arange(1, 7, dtype=np.longdouble)
    for ord in VECTOR_ORDS:
        assert_matches(norm(y, ord), numpy_call(np.linalg.norm, y, ord=ord), rtol=1e-15)
    with pytest.raises(TypeError, match="longdouble|float128"):
        norm(y.reshape(2, 3), 2)


# --------------------------------------------------------------------------------------
# NaN, inf and zero policy
# --------------------------------------------------------------------------------------

SPECIAL = [[0.0, 1.0, INF], [np.nan, 1.0], [INF, np.nan], [0.0, np.nan], [-INF, 2.0], [0.0, 0.0], [-INF, INF], [1.0]]


@pytest.mark.parametrize("values", SPECIAL, ids=str)
def test_norm_matches_numpy_on_nan_inf_zero(values):
    x = np.array(values)
    for ord in VECTOR_ORDS + [np.nan, 400]:
        assert_same_outcome(lambda: norm(x, ord), lambda: numpy_call(np.linalg.norm, x, ord=ord))
        assert_same_outcome(lambda: norm(x + 0j, ord), lambda: numpy_call(np.linalg.norm, x + 0j, ord=ord))
    m = np.array([values, values[::-1]])
    for ord in (None, "fro", 1, -1, INF, -INF):
        assert_same_outcome(lambda: norm(m, ord), lambda: numpy_call(np.linalg.norm, m, ord=ord))
        assert_same_outcome(
            lambda: norm(m, ord, axis=(1, 0)), lambda: numpy_call(np.linalg.norm, m, ord=ord, axis=(1, 0))
        )


def test_norm_svd_orders_give_nan_for_non_finite_matrices():
    # NumPy raises LinAlgError (NaN) or returns NaN (inf); we return NaN for that matrix only.
    stack = np.stack([np.eye(2), [[np.nan, 1.0], [1.0, 1.0]], [[INF, 1.0], [1.0, 1.0]]])
    for ord in (2, -2, "nuc"):
        got = norm(stack, ord, axis=(1, 2))
        assert got[0] == 1.0 or (ord == "nuc" and got[0] == 2.0)
        assert np.isnan(got[1]) and np.isnan(got[2])


def test_norm_emits_no_warnings_and_ignores_seterr():
    cases = [
        ([0.0, 1.0], -1), ([0.0, 1.0], -0.5), ([], -1), ([], np.nan), ([1e200, 1e200], None),
        ([1e-200, 1e-200], 2), ([10.0, 5.0], 400), ([np.nan, 1.0], 3), ([INF, 1.0], -2), ([1e300], 0.5),
        (np.zeros(N_BIG), -2), (np.full(N_BIG, 1e200), 3), (np.array([300, 400], np.float16), 3.5),
    ]
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        for x, ord in cases:
            norm(x, ord)
            vector_norm(x, ord=2 if ord is None else ord)
        for ord in MATRIX_ORDS:
            norm(np.array([[0.0, 1e200], [1e-300, INF]]), ord)
            matrix_norm(np.full((2, 3, 3), 1e-320), ord=ord)
            norm(np.array([[np.nan, 1.0], [0.0, 2.0]]), ord)


def test_norm_object_arrays_follow_numpy():
    x = np.array([3, 4], dtype=object)
    assert norm(x) == np.linalg.norm(x) == 5.0
    assert norm(x, 1) == np.linalg.norm(x, 1) == 7


# --------------------------------------------------------------------------------------
# Errors: same exception types as NumPy, messages naming what is accepted
# --------------------------------------------------------------------------------------

BAD_CALLS = [
    ("vector ord 'fro'", np.ones(3), {"ord": "fro"}),
    ("vector ord 'nuc'", np.ones(3), {"ord": "nuc"}),
    ("vector ord 'x'", np.ones((2, 3)), {"ord": "x", "axis": 1}),
    ("vector ord 1j", np.ones(3), {"ord": 2j}),
    ("matrix ord 3", np.ones((2, 3)), {"ord": 3}),
    ("matrix ord 0", np.ones((2, 3)), {"ord": 0}),
    ("matrix ord 0.5", np.ones((2, 3)), {"ord": 0.5}),
    ("matrix ord 'x'", np.ones((2, 3)), {"ord": "x"}),
    ("3-D with ord", np.ones((2, 2, 2)), {"ord": 2}),
    ("0-D with ord", np.float64(3.0), {"ord": 1}),
    ("axis list", np.ones((2, 3)), {"axis": [0]}),
    ("axis None in tuple", np.ones((2, 3)), {"axis": (0, None)}),
    ("axis float in tuple", np.ones((2, 3)), {"axis": (1.5,)}),
    ("axis out of range", np.ones((2, 3)), {"axis": 5}),
    ("axis out of range neg", np.ones((2, 3)), {"axis": -3}),
    ("axis pair out of range", np.ones((2, 3)), {"axis": (0, 2)}),
    ("axis duplicate", np.ones((2, 3)), {"axis": (1, -1)}),
    ("axis triple", np.ones((2, 3, 4)), {"axis": (0, 1, 2)}),
    ("axis empty tuple", np.ones((2, 3)), {"axis": ()}),
    ("axis on 0-D", np.float64(2.0), {"axis": 0}),
    ("strings", np.array(["a", "b"]), {}),
    ("None", None, {}),
    ("ragged", [[1.0, 2.0], [3.0]], {}),
    ("object strings", np.array(["a", 1], dtype=object), {"ord": 1}),
]


@pytest.mark.parametrize(("label", "x", "kwargs"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_norm_raises_numpy_exception_types(label, x, kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(Exception) as ref:
            np.linalg.norm(x, **kwargs)
    with pytest.raises(error_kind(ref.value)):
        norm(x, **kwargs)


@needs_numpy2
@pytest.mark.parametrize(
    ("fn", "ref", "x", "kwargs"),
    [
        (vector_norm, np.linalg.vector_norm, np.ones(3), {"ord": "fro"}),
        (vector_norm, np.linalg.vector_norm, np.ones((2, 3)), {"axis": (0, 0)}),
        (vector_norm, np.linalg.vector_norm, np.ones((2, 3)), {"axis": (0, 2)}),
        (vector_norm, np.linalg.vector_norm, np.ones((2, 3)), {"axis": [0]}),
        (vector_norm, np.linalg.vector_norm, np.array(["a"]), {}),
        (matrix_norm, np.linalg.matrix_norm, np.ones(3), {}),
        (matrix_norm, np.linalg.matrix_norm, np.float64(1.0), {}),
        (matrix_norm, np.linalg.matrix_norm, np.ones((2, 3)), {"ord": 3}),
        (matrix_norm, np.linalg.matrix_norm, np.ones((2, 3)), {"ord": 0}),
        (matrix_norm, np.linalg.matrix_norm, np.zeros((2, 3, 0)), {"ord": -1}),
        (matrix_norm, np.linalg.matrix_norm, np.zeros((2, 0, 3)), {"ord": -2}),
    ],
)
def test_vector_and_matrix_norm_raise_numpy_exception_types(fn, ref, x, kwargs):
    with pytest.raises(Exception) as expected:
        ref(x, **kwargs)
    with pytest.raises(error_kind(expected.value)):
        fn(x, **kwargs)


def test_norm_error_messages_name_accepted_values():
    msg = "norm: `ord` must be one of None, 'fro', 'nuc', inf, -inf, 1, -1, 2, -2 for a matrix; got 3."
    with pytest.raises(ValueError, match=msg.replace("(", r"\(").replace(")", r"\)")):
        norm(np.ones((2, 2)), 3)
    vector_msg = r"^norm: `ord` must be None, inf, -inf, 0 or another real number for a vector; got 'fro'"
    with pytest.raises(ValueError, match=vector_msg):
        norm(np.ones(2), "fro")
    with pytest.raises(ValueError, match=r"^vector_norm: `ord`.*got 'nuc'"):
        vector_norm(np.ones(2), ord="nuc")
    with pytest.raises(ValueError, match=r"^matrix_norm: `ord`.*got 0\."):
        matrix_norm(np.ones((2, 2)), ord=0)
    with pytest.raises(ValueError, match=r"^norm: `x` must be 1-D or 2-D.*shape \(2, 2, 2\)"):
        norm(np.ones((2, 2, 2)), 1)
    with pytest.raises(TypeError, match=r"^norm: `axis` must be an integer"):
        norm(np.ones((2, 2)), axis=[0])
    with pytest.raises(np.exceptions.AxisError, match="norm"):
        norm(np.ones((2, 2)), axis=2)


def test_norm_rejects_non_integer_axis():
    # Deliberate deviation: NumPy's int(axis) turns 1.5 and "1" into axis 1.
    for axis in (1.5, "1", np.float64(1.0)):
        with pytest.raises(TypeError):
            norm(np.ones((2, 3)), axis=axis)
        with pytest.raises(TypeError):
            vector_norm(np.ones((2, 3)), axis=axis)


def test_norm_accepts_numpy_spellings():
    x = make((3, 4), np.float64)
    assert norm(x, "f") == np.linalg.norm(x, "f")  # NumPy's alias of 'fro'
    assert norm(x, True) == np.linalg.norm(x, True)  # True == 1
    assert norm(x[0], False) == np.linalg.norm(x[0], False)  # False == 0
    assert norm(x[0], np.float32(3)) == pytest.approx(np.linalg.norm(x[0], 3), rel=1e-12)
    assert norm(x[0], 1 + 0j) == np.linalg.norm(x[0], 1)  # (1+0j) == 1
    assert norm(["3", "4"]) == np.linalg.norm(["3", "4"]) == 5.0  # NumPy casts strings to float
    assert norm(np.array([3, 4], np.uint8)) == 5.0


# --------------------------------------------------------------------------------------
# Memory: the one-pass kernels allocate one block, not a full-size temporary
# --------------------------------------------------------------------------------------


def test_norm_one_pass_kernels_allocate_one_block():
    x = np.random.default_rng(9).standard_normal(1_000_000)  # 8 MB
    m = x.reshape(1000, 1000)
    budget = 2 * _BLOCK * x.itemsize + 64 * 1024
    calls = [
        lambda: norm(x), lambda: norm(x, 1), lambda: norm(x, INF), lambda: norm(x, -INF), lambda: norm(x, 3),
        lambda: vector_norm(m, ord=1), lambda: norm(m, 1),
        lambda: norm(m, INF), lambda: norm(m.T, -1), lambda: norm(m), lambda: matrix_norm(m),
    ]
    big = x * 1e200  # scaled path
    calls += [lambda: norm(big), lambda: norm(big, 3)]
    tracemalloc.start()
    try:
        np.linalg.norm(x, 1)  # sanity check that NumPy's temporaries are traced at all
        assert tracemalloc.get_traced_memory()[1] >= x.nbytes
        for call in calls:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            call()
            assert tracemalloc.get_traced_memory()[1] - before < budget
    finally:
        tracemalloc.stop()


# --------------------------------------------------------------------------------------
# Properties (hypothesis)
# --------------------------------------------------------------------------------------

coords = st.integers(-10**6, 10**6).map(float)  # exact values, no over/underflow
n_shared = st.shared(st.integers(1, 8), key="n")  # x and y share one length
vectors = arrays(np.float64, n_shared, elements=coords)
moderate = st.integers(-10**6, 10**6).map(lambda i: i / 1000)  # where NumPy cannot overflow
P_NORMS = st.sampled_from([1, 1.5, 2, 3, 7.5, INF])


@HYPOTHESIS
@given(x=vectors, y=vectors, p=P_NORMS)
def test_vector_norm_triangle_inequality(x, y, p):
    lhs = vector_norm(x + y, ord=p)
    rhs = vector_norm(x, ord=p) + vector_norm(y, ord=p)
    assert lhs <= rhs * (1 + 1e-12)  # each side carries a few ulps


@HYPOTHESIS
@given(x=vectors, t=st.floats(-1e6, 1e6), p=st.sampled_from([0.5, 1, 1.5, 2, 3, -1, -2.5, INF, -INF]))
def test_norm_absolute_homogeneity(x, t, p):
    lhs = norm(t * x, p)
    rhs = abs(t) * norm(x, p)
    np.testing.assert_allclose(lhs, rhs, rtol=1e-12, atol=0)


@HYPOTHESIS
@given(x=vectors, k=st.integers(-900, 900), p=st.sampled_from([0.5, 1, 1.5, 2, 3, 10, INF]))
def test_norm_homogeneity_under_extreme_scaling(x, k, p):
    # Scaling by 2**k is exact, so the safe norm must scale exactly too (NumPy's does
    # not: its squares overflow or underflow far inside this range).
    np.testing.assert_array_max_ulp(norm(np.ldexp(x, k), p), np.ldexp(norm(x, p), k), maxulp=4)


@HYPOTHESIS
@given(
    x=vectors,
    pq=st.tuples(st.sampled_from([0.25, 0.5, 1, 1.5, 2, 3]), st.sampled_from([0.5, 1, 2, 2.5, 4, 10, INF])).filter(
        lambda pq: pq[0] < pq[1]
    ),
)
def test_norm_p_monotonicity(x, pq):
    p, q = pq
    assert norm(x, p) >= norm(x, q) * (1 - 1e-12)


@HYPOTHESIS
@given(
    x=arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 5), st.integers(0, 3)), elements=moderate),
    axis=st.sampled_from([None, 0, 1, 2, -1, (0, 1), (2, 0), (-1, -2)]),
    ord=st.sampled_from(VECTOR_ORDS + MATRIX_ORDS),
    keepdims=st.booleans(),
)
def test_norm_matches_numpy_on_moderate_data(x, axis, ord, keepdims):
    assert_same_outcome(
        lambda: norm(x, ord, axis, keepdims),
        lambda: numpy_call(np.linalg.norm, x, ord=ord, axis=axis, keepdims=keepdims),
    )


@needs_numpy2
@HYPOTHESIS
@given(
    x=arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 5), st.integers(1, 3)), elements=moderate),
    axis=st.sampled_from([None, 0, -1, (0, 2), (2, 1, 0), ()]),
    ord=st.sampled_from(VECTOR_ORDS),
)
def test_vector_norm_matches_numpy_on_moderate_data(x, axis, ord):
    assert_same_outcome(
        lambda: vector_norm(x, axis=axis, ord=ord),
        lambda: numpy_call(np.linalg.vector_norm, x, axis=axis, ord=ord),
    )
