"""Tests for normlab.norms (teaching norms, counting, duality, bounds, axiom checkers).

The drop-ins norm / vector_norm / matrix_norm are tested with normlab._linalg.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_max_ulp

import normlab as nl
from normlab import norms
from normlab.norms import (
    AxiomReport,
    check_norm_axioms,
    count_nonzero,
    dual_maximizer,
    dual_norm,
    dual_order,
    is_norm_order,
    l0,
    l1,
    l2,
    linf,
    lp,
    metric_axioms,
    norm_bounds,
)

DETERMINISTIC = settings(deadline=None, derandomize=True, max_examples=40)

coords = st.integers(-10**6, 10**6).map(float)  # exact values, no over/underflow
n = st.shared(st.integers(1, 8), key="n")  # x and y share one length
vectors = arrays(np.float64, n, elements=coords)
real_coords = st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False)
real_vectors = arrays(np.float64, n, elements=real_coords)
norm_orders = st.sampled_from([1, 1.5, 2, 3, np.inf])

SEED = 12345


def random_vectors(k=20, dim=7, seed=SEED):
    """Gaussian vectors at several scales, with some exact zeros."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((k, dim)) * 10.0 ** rng.integers(-3, 4, size=(k, 1))
    X[rng.random((k, dim)) < 0.2] = 0.0
    return X


# ---------------------------------------------------------------------------
# Public surface
# ---------------------------------------------------------------------------


def test_norms_reexports_linalg_dropins():
    from normlab import _linalg

    assert norms.norm is _linalg.norm
    assert norms.vector_norm is _linalg.vector_norm
    assert norms.matrix_norm is _linalg.matrix_norm
    assert {"norm", "vector_norm", "matrix_norm"} <= set(norms.__all__)
    for name in ("norm", "vector_norm", "matrix_norm", "count_nonzero", "dual_norm"):
        assert getattr(nl, name) is getattr(norms, name)


def test_norms_all_names_have_examples():
    for name in norms.__all__:
        if name in ("norm", "vector_norm", "matrix_norm"):
            continue  # documented in normlab._linalg
        doc = getattr(norms, name).__doc__
        assert doc and "Examples\n    --------" in doc, name


# ---------------------------------------------------------------------------
# Teaching versions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.25, 0.5, 1, 1.5, 2, 3, 10, 50, np.inf])
def test_lp_matches_numpy_linalg_norm(p):
    for x in random_vectors():
        assert_allclose(lp(x, p), np.linalg.norm(x, p), rtol=1e-12)


@pytest.mark.parametrize(("fn", "ord"), [(l1, 1), (l2, 2), (linf, np.inf)])
def test_l1_l2_linf_match_numpy_linalg_norm(fn, ord):
    for x in random_vectors():
        assert_allclose(fn(x), np.linalg.norm(x, ord), rtol=1e-12)
    z = np.array([3 + 4j, -1j, 0])  # complex input: magnitudes
    assert_allclose(fn(z), np.linalg.norm(z, ord), rtol=1e-12)


@pytest.mark.parametrize(("fn", "ord"), [(l1, 1), (l2, 2), (linf, np.inf), (lambda x: lp(x, 3), 3)])
def test_teaching_norms_float32_stay_float32(fn, ord):
    x = np.array([3.0, -4.0, 0.5], dtype=np.float32)
    value = fn(x)
    assert value.dtype == np.float32
    assert_allclose(value, np.linalg.norm(x.astype(np.float64), ord), rtol=1e-5)


def test_l0_matches_numpy_count_nonzero():
    for x in random_vectors():
        assert l0(x) == np.count_nonzero(x) == np.linalg.norm(x, 0)
        assert l0(x, tol=0.5) == np.count_nonzero(np.abs(x) > 0.5)


def test_teaching_norms_worked_numbers():
    x = [3, -4, 0]  # lesson 00
    assert (l0(x), l1(x), l2(x), linf(x)) == (2, 7, 5, 4)
    assert (l0([1, -2, 2, 0]), l1([1, -2, 2, 0]), l2([1, -2, 2, 0]), linf([1, -2, 2, 0])) == (3, 5, 3, 2)
    assert l2([3, 4]) == 5
    # lesson 02: ||(3, -4, 0)||_p for p = 1, 2, 3, 4, 10, 20
    got = [round(float(lp(x, p)), 4) for p in (1, 2, 3, 4, 10, 20)]
    assert got == [7, 5, 4.4979, 4.2846, 4.022, 4.0006]
    # lesson 02 exercise: ||(1, 1, 1, 1)||_p for p = 1, 2, 4, inf
    assert [round(float(lp(np.ones(4), p)), 3) for p in (1, 2, 4, np.inf)] == [4, 2, 1.414, 1]
    # lesson 03: 3 live features and 90 zeros; tolerance
    assert l0(np.r_[1.0, 2.0, 3.0, np.zeros(90)]) == 3
    assert (l0([1e-17, 1.0]), l0([1e-17, 1.0], tol=1e-12)) == (2, 1)


def test_lp_regression_low_p_rewards_concentration():
    # ERRATA rank 4: e_1 versus (0.1, ..., 0.1) in R^100, both of L2 norm 1
    e1, spread = np.eye(100)[0], np.full(100, 0.1)
    ratios = {p: lp(spread, p) / lp(e1, p) for p in (0.5, 1, 2, np.inf)}
    assert_allclose([ratios[p] for p in (0.5, 1, 2, np.inf)], [1000, 10, 1, 0.1], rtol=1e-12)


@DETERMINISTIC
@given(x=real_vectors, p=st.sampled_from([0.5, 1, 1.5, 2, 3, 10]), q=st.sampled_from([1.5, 2, 4, 20, np.inf]))
def test_lp_nonincreasing_in_p(x, p, q):
    if p < q:
        assert lp(x, q) <= lp(x, p) * (1 + 1e-12)


def test_l2_regression_no_overflow_or_underflow():
    # ERRATA rank 10: np.linalg.norm([1e200, 1e200]) is inf and [1e-200, 1e-200] gives 0
    for scale in (1e200, 1e-200, 1e-310):
        x = np.array([scale, scale])
        assert_array_max_ulp(l2(x), math.hypot(scale, scale), maxulp=4)
        assert_array_max_ulp(lp(x, 2), math.hypot(scale, scale), maxulp=4)
    # lesson 15: ||1e3 * ones(1e6)||_300 = 1047.13, where naive NumPy overflows
    assert round(float(lp(np.full(10**6, 1e3), 300)), 2) == 1047.13
    assert_allclose(lp(np.array([10.0, 5.0]), 400), 10.0, rtol=1e-12)


def test_teaching_norms_empty_nan_inf():
    for fn in (l1, l2, linf, lambda x: lp(x, 3)):
        assert fn([]) == 0
        assert np.isnan(fn([1.0, np.nan]))
        assert fn([np.inf, 1.0]) == np.inf
    assert l0([np.nan, 0.0]) == 1  # NaN counts as nonzero, as in NumPy
    assert l0([]) == 0


@pytest.mark.parametrize(
    ("call", "exc", "arg"),
    [
        (lambda: l1([[1.0, 2.0]]), ValueError, "`x`"),
        (lambda: l2(3.0), ValueError, "`x`"),
        (lambda: linf(["a", "b"]), TypeError, "`x`"),
        (lambda: lp([1.0], 0), ValueError, "`p`"),
        (lambda: lp([1.0], -1), ValueError, "`p`"),
        (lambda: lp([1.0], np.nan), ValueError, "`p`"),
        (lambda: lp([1.0], "2"), TypeError, "`p`"),
        (lambda: l0([1.0], tol=-1), ValueError, "`tol`"),
        (lambda: l0([[1.0]]), ValueError, "`x`"),
    ],
)
def test_teaching_norms_reject_bad_input(call, exc, arg):
    with pytest.raises(exc, match=arg):
        call()


def test_lp_zero_order_points_to_l0():
    with pytest.raises(ValueError, match="l0"):
        lp([1.0, 0.0], 0)


# ---------------------------------------------------------------------------
# count_nonzero
# ---------------------------------------------------------------------------

AXES = [None, 0, 1, 2, -1, (0, 1), (2, 0), (0, 1, 2), ()]


@pytest.mark.parametrize("dtype", [np.bool_, np.int8, np.int64, np.uint16, np.float32, np.float64, np.complex128])
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("keepdims", [False, True])
def test_count_nonzero_matches_numpy_count_nonzero(dtype, axis, keepdims):
    rng = np.random.default_rng(SEED)
    a = (rng.integers(-2, 3, size=(3, 4, 5)) * (rng.random((3, 4, 5)) < 0.6)).astype(dtype)
    got = count_nonzero(a, axis=axis, keepdims=keepdims)
    want = np.count_nonzero(a, axis=axis, keepdims=keepdims)
    assert np.shape(got) == np.shape(want)
    assert np.array_equal(got, want)
    if axis is None and not keepdims:
        assert type(got) is int


def test_count_nonzero_worked_numbers():
    assert count_nonzero([3, -4, 0]) == 2
    assert count_nonzero([1e-17, 1.0]) == 2
    assert count_nonzero([1e-17, 1.0], tol=1e-12) == 1
    assert count_nonzero(np.r_[np.ones(3), np.zeros(90)]) == 3


@DETERMINISTIC
@given(x=real_vectors, tol=st.floats(0, 1e6))
def test_count_nonzero_tol_is_an_abs_threshold(x, tol):
    assert count_nonzero(x, tol=tol) == int(np.sum(np.abs(x) > tol))
    assert count_nonzero(x, tol=tol) <= count_nonzero(x)


def test_count_nonzero_nan_counts_as_nonzero():
    x = np.array([[np.nan, 0.0], [1e-20, complex(np.nan, 0).real]])
    assert count_nonzero(x) == np.count_nonzero(x) == 3
    assert count_nonzero(x, tol=1e-12) == 2
    assert np.array_equal(count_nonzero(x, axis=0, tol=1e-12), [1, 1])  # columns (nan, 1e-20), (0, nan)
    assert count_nonzero(np.array([complex(0, np.nan), 0j]), tol=1.0) == 1


def test_count_nonzero_complex_uses_magnitude():
    z = np.array([3 + 4j, 0.1j, 0])
    assert count_nonzero(z, tol=1.0) == 1
    assert count_nonzero(z, tol=4.9) == 1
    assert count_nonzero(z, tol=5.0) == 0


@pytest.mark.parametrize(
    ("kwargs", "exc", "arg"),
    [
        ({"x": ["a", ""]}, TypeError, "`x`"),
        ({"x": [1.0], "tol": -1e-3}, ValueError, "`tol`"),
        ({"x": [[1.0]], "axis": 2}, np.exceptions.AxisError, "`axis`"),
        ({"x": [[1.0]], "axis": 0.5}, TypeError, "`axis`"),
        ({"x": [[1.0]], "axis": (0, 0)}, ValueError, "`axis`"),
    ],
)
def test_count_nonzero_rejects_bad_input(kwargs, exc, arg):
    with pytest.raises(exc, match=arg):
        count_nonzero(**kwargs)


# ---------------------------------------------------------------------------
# Orders and duality
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ord", "expected"),
    [
        (1, True), (1.0, True), (2, True), (3.5, True), (np.inf, True), (np.float32(2), True), (np.int64(1), True),
        (0, False), (0.5, False), (0.999, False), (-1, False), (-np.inf, False), (np.nan, False),
        ("fro", False), ("nuc", False), (None, False), (True, False), (complex(2, 0), False),
        ([1], False), (np.array(2.0), False), (object(), False),
    ],
)
def test_is_norm_order_values(ord, expected):
    assert is_norm_order(ord) is expected


def test_dual_order_worked_numbers():
    assert [dual_order(p) for p in (1, 1.5, 2, 3, np.inf)] == [np.inf, 3.0, 2.0, 1.5, 1.0]
    assert isinstance(dual_order(2), float)


@DETERMINISTIC
@given(p=st.floats(1.0, 1e6) | st.just(np.inf))
def test_dual_order_is_an_involution(p):
    q = dual_order(p)
    assert q >= 1
    assert_allclose(dual_order(q), p, rtol=1e-9)
    if p not in (1, np.inf):
        assert_allclose(1 / p + 1 / q, 1.0, rtol=1e-12)


@pytest.mark.parametrize("p", [0.5, 0, -1, -np.inf, np.nan])
def test_dual_order_rejects_non_norms(p):
    with pytest.raises(ValueError, match=r"`p`.*not a norm|`p`"):
        dual_order(p)
    if p == 0.5:
        with pytest.raises(ValueError, match="not a norm"):
            dual_order(p)


def test_dual_norm_worked_numbers():
    # lesson 10: y = (3, -4, 0); dual of L-inf is 7, of L1 is 4, of L2 is 5
    y = np.array([3.0, -4.0, 0.0])
    assert [float(dual_norm(y, ord=p)) for p in (np.inf, 1, 2)] == [7.0, 4.0, 5.0]
    assert [float(dual_norm(y, ord=p, method="lp")) for p in (np.inf, 1)] == [7.0, 4.0]
    assert [float(dual_norm([1, -2, 2], ord=p)) for p in (1, 2, np.inf)] == [2.0, 3.0, 5.0]
    assert_allclose(dual_norm(y, ord=3), np.linalg.norm(y, 1.5), rtol=1e-12)


def test_dual_maximizer_worked_numbers():
    y = np.array([3.0, -4.0, 0.0])
    assert np.array_equal(dual_maximizer(y, ord=np.inf), [1.0, -1.0, 0.0])
    assert np.array_equal(dual_maximizer(y, ord=1), [0.0, -1.0, 0.0])
    assert_allclose(dual_maximizer(y, ord=2), [0.6, -0.8, 0.0], rtol=1e-15)
    assert np.array_equal(dual_maximizer([2.0, -2.0, 1.0], ord=1), [1.0, 0.0, 0.0])  # tie: first index
    assert np.array_equal(dual_maximizer(np.zeros(3), ord=2), np.zeros(3))


def test_dual_norm_closed_form_matches_lp():
    # lesson 10 exercise (100 LPs); the LP vertex is exact, its objective a sum of n terms
    rng = np.random.default_rng(SEED)
    for _ in range(50):
        y = rng.standard_normal(rng.integers(1, 12)) * 10.0 ** rng.integers(-3, 4)
        for p in (1, np.inf):
            assert_allclose(dual_norm(y, ord=p, method="lp"), dual_norm(y, ord=p), rtol=1e-9)


@pytest.mark.parametrize("p", [1, 1.5, 2, 3, np.inf])
def test_dual_norm_matches_brute_force_sampling(p):
    # sup over the unit sphere, sampled: never above the closed form, and close to it in 3-D
    rng = np.random.default_rng(SEED)
    y = np.array([1.0, -2.0, 2.0])
    Z = rng.standard_normal((200_000, 3)) * rng.random((200_000, 1)) ** 3
    Z = np.vstack([Z, np.sign(rng.standard_normal((64, 3))), np.eye(3), -np.eye(3)])  # corners too
    X = Z / np.linalg.norm(Z, p, axis=1, keepdims=True)
    sampled = np.max(X @ y)
    exact = dual_norm(y, ord=p)
    assert sampled <= exact * (1 + 1e-12)
    assert sampled >= 0.995 * exact  # 200k samples of a 2-D sphere come within 0.5%


@DETERMINISTIC
@given(y=real_vectors, p=norm_orders)
def test_dual_maximizer_attains_dual_norm(y, p):
    x = dual_maximizer(y, ord=p)
    assert np.linalg.norm(x, p) <= 1 + 1e-12
    assert_allclose(y @ x, dual_norm(y, ord=p), rtol=1e-10, atol=1e-300)


@DETERMINISTIC
@given(x=vectors, y=vectors, p=norm_orders)
def test_dual_norm_holder_inequality(x, y, p):
    assert abs(x @ y) <= np.linalg.norm(x, p) * dual_norm(y, ord=p) * (1 + 1e-12)


def test_dual_norm_nan_policy():
    assert np.isnan(dual_norm([1.0, np.nan], ord=2))
    with pytest.raises(ValueError, match="`y`"):
        dual_norm([1.0, np.nan], ord=1, method="lp")
    assert np.isnan(dual_maximizer([1.0, np.nan], ord=1)).any()


def test_dual_norm_lp_rejects_other_orders():
    with pytest.raises(ValueError, match=r"`ord`.*1 and inf.*closed_form"):
        dual_norm([1.0, 2.0], ord=2, method="lp")


@pytest.mark.parametrize(
    ("call", "exc", "arg"),
    [
        (lambda: dual_order("2"), TypeError, "`p`"),
        (lambda: dual_norm([1.0], ord=0.5), ValueError, "`ord`"),
        (lambda: dual_norm([1.0], ord="fro"), TypeError, "`ord`"),
        (lambda: dual_norm([[1.0]]), ValueError, "`y`"),
        (lambda: dual_norm([]), ValueError, "`y`"),
        (lambda: dual_norm(["a"]), TypeError, "`y`"),
        (lambda: dual_norm([1.0], method="simplex"), ValueError, "`method`"),
        (lambda: dual_norm([1j], ord=1, method="lp"), TypeError, "`y`"),
        (lambda: dual_maximizer([1j]), TypeError, "`y`"),
        (lambda: dual_maximizer([1.0], ord=0), ValueError, "`ord`"),
        (lambda: dual_maximizer(np.ones((2, 2))), ValueError, "`y`"),
    ],
)
def test_duality_rejects_bad_input(call, exc, arg):
    with pytest.raises(exc, match=arg):
        call()


# ---------------------------------------------------------------------------
# norm_bounds
# ---------------------------------------------------------------------------

ORDERS = [0.5, 1, 1.5, 2, 3, np.inf]


@pytest.mark.parametrize("p", ORDERS)
@pytest.mark.parametrize("q", ORDERS)
@pytest.mark.parametrize("dim", [1, 2, 3, 10])
def test_norm_bounds_attained_by_e1_and_ones(p, q, dim):
    lower, upper = norm_bounds(p, q, dim)
    e1, ones = np.eye(dim)[0], np.ones(dim)
    ratios = [np.linalg.norm(v, p) / np.linalg.norm(v, q) for v in (e1, ones)]
    assert_allclose(sorted(ratios), [lower, upper], rtol=1e-12)


@DETERMINISTIC
@given(x=vectors, p=st.sampled_from(ORDERS), q=st.sampled_from(ORDERS))
def test_norm_bounds_hold_on_random_vectors(x, p, q):
    lower, upper = norm_bounds(p, q, x.size)
    xp, xq = np.linalg.norm(x, p), np.linalg.norm(x, q)
    assert lower * xq <= xp * (1 + 1e-12)
    assert xp <= upper * xq * (1 + 1e-12)


def test_norm_bounds_worked_numbers():
    # lesson 08: (3, -4, 0): ||x||_1 <= sqrt(3) ||x||_2 (7 <= 8.66), ||x||_2 <= sqrt(3) ||x||_inf (5 <= 6.93)
    assert round(norm_bounds(1, 2, 3).upper * 5, 2) == 8.66
    assert round(norm_bounds(2, np.inf, 3).upper * 4, 2) == 6.93
    assert norm_bounds(2, 1, 3) == (1 / math.sqrt(3), 1.0) or norm_bounds(2, 1, 3).upper == 1.0
    # ERRATA rank 12: an L-inf budget of 8/255 allows L2 radius 1.739 on CIFAR-10 and 0.251 on digits
    assert round(norm_bounds(2, np.inf, 3072).upper * 8 / 255, 3) == 1.739
    assert round(norm_bounds(2, np.inf, 64).upper * 8 / 255, 3) == 0.251
    bounds = norm_bounds(1, 1, 5)
    assert (bounds.lower, bounds.upper) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("call", "exc", "arg"),
    [
        (lambda: norm_bounds(0, 2, 3), ValueError, "`p`"),
        (lambda: norm_bounds(1, -2, 3), ValueError, "`q`"),
        (lambda: norm_bounds(1, 2, 0), ValueError, "`n`"),
        (lambda: norm_bounds(1, 2, 2.5), TypeError, "`n`"),
        (lambda: norm_bounds("1", 2, 3), TypeError, "`p`"),
    ],
)
def test_norm_bounds_rejects_bad_input(call, exc, arg):
    with pytest.raises(exc, match=arg):
        call()


# ---------------------------------------------------------------------------
# check_norm_axioms
# ---------------------------------------------------------------------------

DEF, HOM, TRI = "definiteness", "homogeneity", "triangle inequality"

CANDIDATES = {  # lesson 01's candidates and what must fail
    "l0": (l0, (HOM,)),
    "quasi_half": (lambda x: np.sum(np.sqrt(np.abs(x))) ** 2, (TRI,)),
    "squared_l2": (lambda x: np.sum(x**2), (HOM, TRI)),
    "l2_plus_one": (lambda x: np.linalg.norm(x) + 1, (DEF, HOM)),
    "max_no_abs": (lambda x: np.max(x), (DEF, HOM)),
    "sum_sqrt_abs": (lambda x: np.sum(np.sqrt(np.abs(x))), (HOM,)),
    "l1": (l1, ()),
    "l2": (l2, ()),
    "linf": (linf, ()),
    "numpy_l2": (lambda x: np.linalg.norm(x), ()),
    "l3": (lambda x: lp(x, 3), ()),
}


@pytest.fixture(scope="module")
def candidate_reports():
    return {name: check_norm_axioms(f) for name, (f, _) in CANDIDATES.items()}


@pytest.mark.parametrize("name", list(CANDIDATES))
def test_check_norm_axioms_classifies_course_candidates(candidate_reports, name):
    report = candidate_reports[name]
    assert report.failed == CANDIDATES[name][1]
    assert report.passed == (not CANDIDATES[name][1])
    for result in report.results:
        assert result.passed == (result.witness is None)
        assert result.n_tested > 2000


def _violates(f, axiom, w):
    """Recompute a witness from scratch."""
    if axiom == DEF:
        x = np.array(w["x"])
        return f(x) != 0 if not x.any() else not f(x) > 0
    if axiom == HOM:
        x, t = np.array(w["x"]), w["t"]
        return not math.isclose(f(t * x), abs(t) * f(x), rel_tol=1e-6)
    x, y = np.array(w["x"]), np.array(w["y"])
    return f(x + y) > (f(x) + f(y)) * (1 + 1e-6)


@pytest.mark.parametrize("name", list(CANDIDATES))
def test_check_norm_axioms_witnesses_violate(candidate_reports, name):
    f = CANDIDATES[name][0]
    for result in candidate_reports[name].results:
        if not result.passed:
            assert _violates(f, result.axiom, result.witness), result
            assert all(float(c).is_integer() for v in result.witness.values() for c in np.ravel(v))


def test_check_norm_axioms_worked_witnesses():
    # lesson 01: ||.||_1/2 with (1,0),(0,1): 4 > 2; squared L2 with x = y = (1,0): 4 > 2; ||2x||_0 = ||x||_0
    half = check_norm_axioms(CANDIDATES["quasi_half"][0], dim=2).triangle
    assert half.witness == {"x": (1.0, 0.0), "y": (0.0, 1.0)}
    assert (half.lhs, half.rhs) == (4.0, 2.0)
    sq = check_norm_axioms(CANDIDATES["squared_l2"][0], dim=2)
    assert sq.triangle.witness == {"x": (1.0, 0.0), "y": (1.0, 0.0)}
    assert (sq.triangle.lhs, sq.triangle.rhs) == (4.0, 2.0)
    assert sq.homogeneity.message == "x = (1, 0), t = 2: f(t*x) = 4 but |t|*f(x) = 2"
    plus_one = check_norm_axioms(CANDIDATES["l2_plus_one"][0]).definiteness
    assert plus_one.message == "f(0) = 1, but a norm is 0 at 0"
    assert plus_one.lhs == 1.0
    max_no_abs = check_norm_axioms(CANDIDATES["max_no_abs"][0])
    assert max_no_abs.definiteness.witness == {"x": (-1.0, 0.0, 0.0)}
    assert max_no_abs.homogeneity.witness["t"] < 0


@pytest.mark.parametrize("rng", [0, 1, 2])
@pytest.mark.parametrize("dim", [1, 2, 5])
def test_check_norm_axioms_regression_l0_satisfies_triangle(rng, dim):
    # ERRATA rank 1: the L0 count satisfies the triangle inequality and definiteness
    report = check_norm_axioms(l0, dim=dim, n_trials=500, rng=rng)
    assert report.failed == (HOM,)


@pytest.mark.parametrize("rng", [0, 1, 2])
@pytest.mark.parametrize("dim", [1, 2, 5])
def test_check_norm_axioms_regression_sum_sqrt_no_false_triangle(rng, dim):
    # lesson 01's trap: sum sqrt|x_i| is subadditive; rounding must not be reported as a violation
    report = check_norm_axioms(CANDIDATES["sum_sqrt_abs"][0], dim=dim, n_trials=500, rng=rng)
    assert report.failed == (HOM,)


def test_check_norm_axioms_is_deterministic():
    # kinked's witness comes from the random search, so this exercises the generator
    first, again = (check_norm_axioms(kinked, n_trials=500, rng=3) for _ in range(2))
    assert str(first) == str(again)
    assert first == again


def test_check_norm_axioms_report_str_is_stable():
    assert str(check_norm_axioms(CANDIDATES["squared_l2"][0], dim=2, n_trials=100)) == (
        "Norm axioms for <lambda> (dim 2, 100 random trials per axiom): fails homogeneity, triangle inequality\n"
        "  definiteness         pass\n"
        "  homogeneity          FAIL  x = (1, 0), t = 2: f(t*x) = 4 but |t|*f(x) = 2\n"
        "  triangle inequality  FAIL  x = (1, 0), y = (1, 0): f(x + y) = 4 > f(x) + f(y) = 2"
    )


def test_check_norm_axioms_report_is_frozen():
    report = check_norm_axioms(l1, n_trials=50)
    assert isinstance(report, AxiomReport)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.name = "other"
    assert hash(report) == hash(check_norm_axioms(l1, n_trials=50))


def test_check_norm_axioms_reports_functions_that_raise_or_return_nan():
    def boom(x):
        raise ZeroDivisionError("no")

    report = check_norm_axioms(boom, n_trials=50)
    assert report.failed == (DEF, HOM, TRI)
    assert "raised ZeroDivisionError: no" in report.definiteness.message

    nan_at_zero = check_norm_axioms(lambda x: np.linalg.norm(x) / np.linalg.norm(x) * np.abs(x).sum(), n_trials=200)
    assert DEF in nan_at_zero.failed
    assert "nan" in nan_at_zero.definiteness.message

    vector_valued = check_norm_axioms(lambda x: x, n_trials=20)
    assert "must return a scalar" in vector_valued.definiteness.message

    complex_valued = check_norm_axioms(lambda x: np.sum(x) * 1j, n_trials=20)
    assert not complex_valued.passed


def kinked(x):
    """Like L1, but steeper beyond 100: homogeneity fails only for large entries."""
    a = np.abs(x)
    return np.sum(np.where(a > 100, 2 * a - 100, a))


def test_check_norm_axioms_finds_random_only_violations():
    # the structured cases (entries <= 3) miss the kink; the random ones must not
    report = check_norm_axioms(kinked, rng=0)
    assert HOM in report.failed
    assert _violates(kinked, HOM, report.homogeneity.witness)


def test_check_norm_axioms_float32_rounding_is_not_a_violation():
    assert check_norm_axioms(lambda x: np.linalg.norm(x.astype(np.float32))).passed


def test_check_norm_axioms_vectorized_matches_loop():
    for f_row, f_batch in [
        (lambda x: np.abs(x).sum(), lambda X: np.abs(X).sum(axis=-1)),
        (lambda x: np.sum(x**2), lambda X: np.sum(X**2, axis=-1)),
    ]:
        assert str(check_norm_axioms(f_row, n_trials=300)) == str(check_norm_axioms(f_batch, n_trials=300, vectorized=True))


@pytest.mark.parametrize(
    ("kwargs", "exc", "arg"),
    [
        ({"f": 3}, TypeError, "`f`"),
        ({"f": l1, "dim": 0}, ValueError, "`dim`"),
        ({"f": l1, "dim": 2.0}, TypeError, "`dim`"),
        ({"f": l1, "n_trials": 0}, ValueError, "`n_trials`"),
        ({"f": l1, "rtol": -1.0}, ValueError, "`rtol`"),
        ({"f": lambda X: np.abs(X).sum(), "vectorized": True}, ValueError, "vectorized"),
    ],
)
def test_check_norm_axioms_rejects_bad_input(kwargs, exc, arg):
    with pytest.raises(exc, match=arg):
        check_norm_axioms(**kwargs)


# ---------------------------------------------------------------------------
# metric_axioms
# ---------------------------------------------------------------------------

ID, SYM = "identity of indiscernibles", "symmetry"


def squared_euclidean(x, y):
    return np.sum((x - y) ** 2)


def cosine_distance(x, y):
    return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def angular_distance(x, y):
    return np.arccos(np.clip(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)), -1, 1))


def hamming(x, y):
    return np.count_nonzero(x != y)


@pytest.fixture(scope="module")
def unit_vectors():
    Z = np.random.default_rng(SEED).standard_normal((300, 3))
    return Z / np.linalg.norm(Z, axis=1, keepdims=True)


@pytest.mark.parametrize(
    ("d", "failed"),
    [
        (squared_euclidean, (TRI,)),
        (cosine_distance, (TRI,)),
        (angular_distance, ()),
        (hamming, ()),
        (lambda x, y: np.linalg.norm(x - y), ()),
    ],
)
def test_metric_axioms_classifies_lesson_09_on_unit_vectors(unit_vectors, d, failed):
    report = metric_axioms(d, unit_vectors, n_trials=1000)
    assert report.failed == failed
    if failed:
        w = report.triangle.witness
        x, y, z = (np.array(w[k]) for k in "xyz")
        assert d(x, z) > d(x, y) + d(y, z)
        assert "X[" in report.triangle.message


def test_metric_axioms_worked_witnesses():
    # lesson 09 / ERRATA rank 18: (0, 1, 2) on a line gives 4 > 2; cosine at 0, 45, 90 degrees gives 1 > 0.586
    sq = metric_axioms(squared_euclidean, dim=1, n_trials=500).triangle
    assert sq.witness == {"x": (0.0,), "y": (1.0,), "z": (2.0,)}
    assert (sq.lhs, sq.rhs) == (4.0, 2.0)
    cos = metric_axioms(cosine_distance, dim=2, n_trials=500)
    assert cos.failed == (ID, TRI)
    assert cos.identity.witness == {"x": (1.0, 0.0), "y": (2.0, 0.0)}
    assert round(cos.triangle.lhs, 3) == 1.0 and round(cos.triangle.rhs, 3) == 0.586
    assert metric_axioms(hamming, n_trials=500).passed
    assert metric_axioms(lambda x, y: np.abs(x - y).sum(), n_trials=500).passed


def test_metric_axioms_detects_asymmetry_and_raising():
    report = metric_axioms(lambda x, y: np.sum(np.maximum(x - y, 0)), n_trials=300)
    assert SYM in report.failed
    assert report.symmetry.witness == {"x": (0.0, 0.0, 0.0), "y": (1.0, 0.0, 0.0)}

    def boom(x, y):
        raise ValueError("bad")

    assert "raised ValueError: bad" in metric_axioms(boom, n_trials=20).identity.message


def test_metric_axioms_identity_uses_one_tolerance():
    # A value that is 0 up to rounding counts as 0 on both sides of the identity axiom:
    # d(x, x) = 1e-15 passes, and d(x, 2x) = 1e-15 for a direction-only distance fails.
    def rounded_cosine(x, y):
        return cosine_distance(x, y) + 1e-15

    report = metric_axioms(rounded_cosine, dim=2, n_trials=500)
    assert ID in report.failed
    assert report.identity.witness == {"x": (1.0, 0.0), "y": (2.0, 0.0)}
    assert "0 up to rounding" in report.identity.message
    assert metric_axioms(lambda x, y: np.linalg.norm(x - y) + 1e-15, n_trials=500).passed

    directions = np.random.default_rng(SEED).standard_normal((30, 3))
    on_rays = np.vstack([directions, 2 * directions])  # arccos rounds d(x, 2x) to 0 or to ~2e-8
    assert metric_axioms(rounded_cosine, on_rays, n_trials=2000).failed == (ID, TRI)
    assert metric_axioms(angular_distance, on_rays, n_trials=2000).failed == (ID,)
    sphere = directions / np.linalg.norm(directions, axis=1, keepdims=True)
    assert metric_axioms(rounded_cosine, sphere, n_trials=2000).failed == (TRI,)  # distinct points pass
    # ... but a true tiny distance between two close points is not rounding: 1e-8 = (1e-4)^2 passes
    close = np.array([[0.0], [1e-4], [1.0], [2.0], [3.0]])
    assert ID not in metric_axioms(squared_euclidean, close, n_trials=500).failed


def test_metric_axioms_is_deterministic(unit_vectors):
    first, again = (metric_axioms(cosine_distance, unit_vectors, n_trials=500, rng=5) for _ in range(2))
    assert str(first) == str(again)


@pytest.mark.parametrize(
    ("kwargs", "exc", "arg"),
    [
        ({"d": "euclidean"}, TypeError, "`d`"),
        ({"d": hamming, "X": [1.0, 2.0]}, ValueError, "`X`"),
        ({"d": hamming, "X": [["a"]]}, TypeError, "`X`"),
        ({"d": hamming, "X": np.empty((0, 3))}, ValueError, "`X`"),
        ({"d": hamming, "dim": 0}, ValueError, "`dim`"),
        ({"d": hamming, "n_trials": -5}, ValueError, "`n_trials`"),
    ],
)
def test_metric_axioms_rejects_bad_input(kwargs, exc, arg):
    with pytest.raises(exc, match=arg):
        metric_axioms(**kwargs)
