"""Tests for normlab.geometry (unit spheres, volumes, projections, steepest directions, sparsity)."""

from __future__ import annotations

import dataclasses
import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from normlab import geometry
from normlab.geometry import (
    SparsityReport,
    ball_volume,
    constrained_quadratic_sparsity,
    project_onto_ball,
    steepest_direction,
    unit_sphere_2d,
)
from normlab.norms import dual_maximizer, dual_norm

DETERMINISTIC = settings(deadline=None, derandomize=True, max_examples=40)

n = st.shared(st.integers(1, 8), key="n")
real_coords = st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False)
real_vectors = arrays(np.float64, n, elements=real_coords)
ball_orders = st.sampled_from([1, 2, np.inf])
radii = st.sampled_from([0.5, 1.0, 3.0])
SEED = 12345


def test_geometry_all_names_have_examples():
    for name in geometry.__all__:
        doc = getattr(geometry, name).__doc__
        assert doc and "Examples\n    --------" in doc, name


# ---------------------------------------------------------------------------
# unit_sphere_2d
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.25, 0.5, 1, 1.5, 2, 3, 10, 1000, np.inf])
@pytest.mark.parametrize("n_points", [9, 10, 100, 721])
def test_unit_sphere_2d_points_have_unit_norm(p, n_points):
    xs, ys = unit_sphere_2d(p, n_points)
    assert xs.shape == ys.shape == (n_points,)
    assert_allclose(np.linalg.norm(np.column_stack([xs, ys]), p, axis=1), 1.0, rtol=1e-12)
    assert (xs[0], ys[0]) == (xs[-1], ys[-1]) == (1.0, 0.0)  # closed curve starting at (1, 0)
    angles = np.unwrap(np.arctan2(ys, xs))
    assert np.all(np.diff(angles) > 0)  # counter-clockwise, one turn
    assert_allclose(angles[-1] - angles[0], 2 * np.pi, rtol=1e-12)


@pytest.mark.parametrize("n_points", [9, 10, 17, 100, 721])
def test_unit_sphere_2d_corners_are_exact(n_points):
    points = {tuple(pt) for pt in np.column_stack(unit_sphere_2d(1, n_points))}
    assert {(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)} <= points
    points = {tuple(pt) for pt in np.column_stack(unit_sphere_2d(np.inf, n_points))}
    assert {(1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)} <= points


def test_unit_sphere_2d_l0_is_the_axes_cross():
    # ERRATA rank 8: the L0 "ball" is the union of the axes, drawn as two NaN-separated segments
    xs, ys = unit_sphere_2d(0)
    assert_allclose(xs, [-1.5, 1.5, np.nan, 0, 0])
    assert_allclose(ys, [0, 0, np.nan, -1.5, 1.5])
    finite = np.isfinite(xs)
    assert np.all((xs[finite] == 0) | (ys[finite] == 0))


@pytest.mark.parametrize(
    ("kwargs", "exc", "arg"),
    [
        ({"ord": -1}, ValueError, "`ord`"),
        ({"ord": np.nan}, ValueError, "`ord`"),
        ({"ord": "fro"}, TypeError, "`ord`"),
        ({"ord": 2, "n_points": 5}, ValueError, "`n_points`"),
        ({"ord": 2, "n_points": 100.0}, TypeError, "`n_points`"),
    ],
)
def test_unit_sphere_2d_rejects_bad_input(kwargs, exc, arg):
    with pytest.raises(exc, match=arg):
        unit_sphere_2d(**kwargs)


# ---------------------------------------------------------------------------
# ball_volume
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("dim", [1, 2, 3, 5, 10, 20])
@pytest.mark.parametrize("radius", [0.5, 1.0, 2.0])
def test_ball_volume_matches_closed_forms(dim, radius):
    assert_allclose(ball_volume(1, dim, radius), (2 * radius) ** dim / math.factorial(dim), rtol=1e-12)
    assert_allclose(ball_volume(2, dim, radius), math.pi ** (dim / 2) / math.gamma(dim / 2 + 1) * radius**dim, rtol=1e-12)
    assert ball_volume(np.inf, dim, radius) == (2 * radius) ** dim


@pytest.mark.parametrize(("p", "dim"), [(0.5, 2), (1, 3), (1.5, 2), (2, 3), (3, 3), (np.inf, 2)])
def test_ball_volume_matches_monte_carlo(p, dim):
    rng = np.random.default_rng(SEED)
    radius = 1.5
    U = rng.uniform(-radius, radius, size=(200_000, dim))
    inside = np.mean(np.linalg.norm(U, p, axis=1) <= radius)
    # 200k samples: standard error below 0.12% of the cube; 1% is over 8 of them
    assert_allclose(ball_volume(p, dim, radius), inside * (2 * radius) ** dim, rtol=1e-2)


def test_ball_volume_worked_numbers():
    # lesson 08: 2-D areas 2 < pi < 4; n = 10: cross-polytope 2.8e-4 (= 2^10/10!), ball 2.55, cube 1024
    assert_allclose([ball_volume(p, 2) for p in (1, 2, np.inf)], [2, math.pi, 4], rtol=1e-12)
    assert_allclose(ball_volume(1, 10), 2**10 / math.factorial(10), rtol=1e-12)
    assert round(ball_volume(1, 10), 5) == 0.00028
    assert round(ball_volume(2, 10), 2) == 2.55
    assert ball_volume(np.inf, 10) == 1024


def test_ball_volume_large_dimensions_do_not_raise():
    assert ball_volume(np.inf, 5000) == math.inf
    assert ball_volume(1, 5000) == 0.0
    assert ball_volume(2, 10**6) == 0.0
    assert_allclose(ball_volume(2, 1000, radius=10.0), math.exp(1000 * math.log(10) + 500 * math.log(math.pi) - math.lgamma(501)), rtol=1e-10)


@pytest.mark.parametrize(
    ("call", "exc", "arg"),
    [
        (lambda: ball_volume(0, 2), ValueError, "`ord`"),
        (lambda: ball_volume(-2, 2), ValueError, "`ord`"),
        (lambda: ball_volume(2, 0), ValueError, "`n`"),
        (lambda: ball_volume(2, 2.0), TypeError, "`n`"),
        (lambda: ball_volume(2, 2, radius=0), ValueError, "`radius`"),
        (lambda: ball_volume(2, 2, radius=-1.0), ValueError, "`radius`"),
        (lambda: ball_volume("2", 2), TypeError, "`ord`"),
    ],
)
def test_ball_volume_rejects_bad_input(call, exc, arg):
    with pytest.raises(exc, match=arg):
        call()


# ---------------------------------------------------------------------------
# project_onto_ball
# ---------------------------------------------------------------------------


def assert_is_projection(x, z, p, radius):
    """z is the projection of x iff z is in the ball and <x - z, w - z> <= 0 for every w in it.

    The largest <x - z, w> over the ball is radius * ||x - z||_* (dual norm), so the
    condition reads radius * ||x - z||_* <= <x - z, z>: an exact optimality certificate.
    """
    scale = max(1.0, np.abs(x).max(initial=0.0))
    assert np.linalg.norm(z, p) <= radius * (1 + 1e-12)
    v = x - z
    assert radius * dual_norm(v, ord=p) <= v @ z + 1e-10 * scale**2


@DETERMINISTIC
@given(x=real_vectors, p=ball_orders, radius=radii)
def test_project_onto_ball_satisfies_optimality_condition(x, p, radius):
    assert_is_projection(x, project_onto_ball(x, ord=p, radius=radius), p, radius)


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_project_onto_ball_matches_scipy_minimize(p):
    from scipy.optimize import minimize

    rng = np.random.default_rng(SEED)
    for _ in range(5):
        x = rng.standard_normal(6) * 2
        z = project_onto_ball(x, ord=p, radius=1.0)
        opts = {"ftol": 1e-10, "maxiter": 1000}
        if p == 1:  # x = u - v with u, v >= 0 and sum(u + v) <= 1: a smooth problem for SLSQP
            split = np.r_[np.eye(6), -np.eye(6)]  # maps (u, v) to u - v

            def fun(uv):
                r = uv @ split - x
                return 0.5 * r @ r, split @ r

            cons = [{"type": "ineq", "fun": lambda uv: 1 - uv.sum(), "jac": lambda uv: -np.ones(12)}]
            res = minimize(fun, np.zeros(12), jac=True, bounds=[(0, None)] * 12, constraints=cons,
                           method="SLSQP", options=opts)
            ref = res.x @ split
        else:
            def fun(w):
                return 0.5 * (w - x) @ (w - x), w - x

            if p == 2:
                cons = [{"type": "ineq", "fun": lambda w: 1 - w @ w, "jac": lambda w: -2 * w}]
                res = minimize(fun, np.zeros(6), jac=True, constraints=cons, method="SLSQP", options=opts)
            else:
                res = minimize(fun, np.zeros(6), jac=True, bounds=[(-1, 1)] * 6, method="L-BFGS-B")
            ref = res.x
        # SLSQP may stop with "Positive directional derivative" at its precision limit (about 1e-8
        # here), so the comparison is the check; 1e-6 is the solvers' accuracy, not ours
        assert_allclose(z, ref, atol=1e-6)


def test_project_onto_ball_worked_numbers():
    assert_allclose(project_onto_ball([3.0, 4.0]), [0.6, 0.8], rtol=1e-15)
    assert np.array_equal(project_onto_ball([3.0, -0.5], ord=np.inf), [1.0, -0.5])
    assert np.array_equal(project_onto_ball([2.0, 1.0], ord=1), [1.0, 0.0])
    # lesson 06: (3, -4, 0) onto the L-inf ball of radius 2
    assert np.array_equal(project_onto_ball([3, -4, 0], ord=np.inf, radius=2), [2.0, -2.0, 0.0])
    # the L1 projection soft-thresholds: theta = 1 for (3, 1, -0.5), theta = 1.5 for (3, 2, -0.5)
    z = project_onto_ball([3.0, 1.0, -0.5], ord=1, radius=2.0)
    assert np.array_equal(z, [2.0, 0.0, 0.0])
    z = project_onto_ball([3.0, 2.0, -0.5], ord=1, radius=2.0)
    assert_allclose(z, [1.5, 0.5, 0.0], rtol=1e-15)


@DETERMINISTIC
@given(x=real_vectors, p=ball_orders, radius=radii)
def test_project_onto_ball_is_idempotent_and_fixes_the_inside(x, p, radius):
    z = project_onto_ball(x, ord=p, radius=radius)
    assert_allclose(project_onto_ball(z, ord=p, radius=radius), z, rtol=1e-12, atol=1e-12)
    if np.linalg.norm(x, p) <= radius:
        assert np.array_equal(z, x)


def test_project_onto_ball_returns_a_copy_and_keeps_float32():
    x = np.array([0.1, -0.2])
    z = project_onto_ball(x, ord=1)
    assert np.array_equal(z, x) and z is not x
    z[0] = 5.0
    assert x[0] == 0.1
    for p in (1, 2, np.inf):
        z32 = project_onto_ball(np.array([3.0, -4.0, 0.5], dtype=np.float32), ord=p)
        assert z32.dtype == np.float32
        assert_allclose(z32, project_onto_ball([3.0, -4.0, 0.5], ord=p), rtol=1e-5, atol=1e-6)


def test_project_onto_ball_regression_no_overflow():
    # the L2 case uses the overflow-safe vector_norm: sqrt(sum(x**2)) would give inf here
    assert_allclose(project_onto_ball(np.array([3e200, 4e200])), [0.6, 0.8], rtol=1e-14)
    # L1 with radius << |x|: the level theta = 4e200 - 1 rounds to 4e200, but the result must not
    assert np.array_equal(project_onto_ball(np.array([3e200, 4e200]), ord=1), [0.0, 1.0])
    assert np.array_equal(project_onto_ball(np.array([1e20, -3.0, 1e20]), ord=1, radius=2.0), [1.0, 0.0, 1.0])


def test_project_onto_ball_nan_policy():
    for p in (1, 2):
        assert np.all(np.isnan(project_onto_ball([np.nan, 5.0], ord=p)))
        assert np.all(np.isnan(project_onto_ball([np.inf, 5.0], ord=p)))
    z = project_onto_ball([np.nan, 5.0, -np.inf], ord=np.inf)  # clipping acts per coordinate
    assert np.isnan(z[0]) and z[1] == 1.0 and z[2] == -1.0


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"x": [1.0], "ord": 0.5}, ValueError, r"`ord` must be one of 1, 2, inf; got 0.5\. For 0 <= p < 1 the ball is not convex"),
        ({"x": [1.0], "ord": 0}, ValueError, "`ord`.*not convex"),
        ({"x": [1.0], "ord": 3}, ValueError, "`ord`.*scipy"),
        ({"x": [1.0], "ord": "fro"}, ValueError, "`ord`"),
        ({"x": [1.0], "ord": True}, ValueError, "`ord`"),
        ({"x": [1.0], "radius": 0}, ValueError, "`radius`"),
        ({"x": [1.0], "radius": -2.0}, ValueError, "`radius`"),
        ({"x": [1.0], "radius": "1"}, TypeError, "`radius`"),
        ({"x": [[1.0, 2.0]]}, ValueError, "`x`"),
        ({"x": ["a"]}, TypeError, "`x`"),
        ({"x": [1j]}, TypeError, "`x`"),
    ],
)
def test_project_onto_ball_rejects_bad_input(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        project_onto_ball(**kwargs)


# ---------------------------------------------------------------------------
# steepest_direction
# ---------------------------------------------------------------------------


def test_steepest_direction_worked_numbers():
    # lesson 10: g / ||g||, sign(g), the top coordinate
    g = np.array([3.0, -4.0, 0.0])
    assert_allclose(steepest_direction(g), [0.6, -0.8, 0.0], rtol=1e-15)
    assert np.array_equal(steepest_direction(g, ord=np.inf), [1.0, -1.0, 0.0])
    assert np.array_equal(steepest_direction(g, ord=1), [0.0, -1.0, 0.0])
    assert np.array_equal(steepest_direction([2.0, -2.0, 1.0], ord=1), [1.0, 0.0, 0.0])  # tie: first index
    for p in (1, 2, np.inf):
        assert np.array_equal(steepest_direction(np.zeros(3), ord=p), np.zeros(3))


@DETERMINISTIC
@given(g=real_vectors, p=st.sampled_from([1, 1.5, 2, 3, np.inf]))
def test_steepest_direction_gains_the_dual_norm(g, p):
    d = steepest_direction(g, ord=p)
    assert np.array_equal(d, dual_maximizer(g, ord=p))
    assert np.linalg.norm(d, p) <= 1 + 1e-12
    assert_allclose(g @ d, dual_norm(g, ord=p), rtol=1e-10, atol=1e-300)


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_steepest_direction_beats_every_sampled_direction(p):
    rng = np.random.default_rng(SEED)
    g = rng.standard_normal(4)
    W = rng.standard_normal((20_000, 4))
    W /= np.linalg.norm(W, p, axis=1, keepdims=True)
    corners = np.array(list(itertools.product([-1.0, 1.0], repeat=4)))  # vertices of the L-inf ball
    vertices = {1: np.vstack([np.eye(4), -np.eye(4)]), 2: W[:0], np.inf: corners}[p]
    assert np.max(np.vstack([W, vertices]) @ g) <= g @ steepest_direction(g, ord=p) * (1 + 1e-12)


@pytest.mark.parametrize(
    ("call", "exc", "arg"),
    [
        (lambda: steepest_direction([1.0], ord=0.5), ValueError, "`ord`"),
        (lambda: steepest_direction([1.0], ord="max"), TypeError, "`ord`"),
        (lambda: steepest_direction([[1.0]]), ValueError, "`g`"),
        (lambda: steepest_direction([]), ValueError, "`g`"),
        (lambda: steepest_direction(["a"]), TypeError, "`g`"),
        (lambda: steepest_direction([1j]), TypeError, "`g`"),
    ],
)
def test_steepest_direction_rejects_bad_input(call, exc, arg):
    with pytest.raises(exc, match=arg):
        call()


# ---------------------------------------------------------------------------
# constrained_quadratic_sparsity
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sparsity_reports():
    return {(p, dim): constrained_quadratic_sparsity(p, dim) for p in (1, 2, np.inf) for dim in (2, 10, 50)}


def test_constrained_quadratic_sparsity_regression_pilot_numbers(sparsity_reports):
    # PLAN lesson 02 pilot: L1 zeros ~0.30 (2-D, ~59% at a vertex), 0.82 (10-D), 0.96 (50-D);
    # L2 never; L-inf pins 66-72%. Margins cover a different seed or BLAS (measured: 0.28/0.565,
    # 0.84, 0.96; 0.69/0.71/0.72).
    r = sparsity_reports
    assert 0.22 <= r[1, 2].zero_fraction <= 0.36 and 0.45 <= r[1, 2].vertex_fraction <= 0.70
    assert 0.76 <= r[1, 10].zero_fraction <= 0.90
    assert 0.93 <= r[1, 50].zero_fraction <= 0.99
    for dim in (2, 10, 50):
        assert r[2, dim].zero_fraction == 0.0 and r[2, dim].vertex_fraction == 0.0
        assert 0.62 <= r[np.inf, dim].pinned_fraction <= 0.78
        assert r[np.inf, dim].zero_fraction == 0.0
    for report in r.values():
        assert report.converged_fraction == 1.0
        assert report.inactive_fraction <= 0.15
    # in 2-D a vertex solution has exactly one zero, so the two fractions agree
    assert r[1, 2].zero_fraction == pytest.approx(r[1, 2].vertex_fraction / 2)


def documented_problems(dim, n_problems, radius, rng):
    """The random problems exactly as the docstring describes them (same draws, same order)."""
    gen = np.random.default_rng(rng)
    Z = gen.standard_normal((n_problems, dim, dim))
    U, R = np.linalg.qr(Z)
    U = U * np.sign(np.diagonal(R, axis1=1, axis2=2))[:, None, :]
    lam = 10.0 ** gen.uniform(0.0, 1.0, size=(n_problems, dim))
    Q = (U * lam[:, None, :]) @ np.swapaxes(U, 1, 2)
    c = gen.normal(0.0, 2.5 * radius, size=(n_problems, dim))
    return Q, c


@pytest.mark.parametrize("p", [1, 2, np.inf])
@pytest.mark.parametrize("dim", [1, 2, 10])
def test_constrained_quadratic_sparsity_solutions_are_optimal(p, dim):
    # optimality of min f over the ball: radius * ||grad f(x)||_* <= -<grad f(x), x> (the normal cone)
    radius = 2.0
    report = constrained_quadratic_sparsity(p, dim, n_problems=40, radius=radius, rng=7)
    Q, c = documented_problems(dim, 40, radius, 7)
    for x, Qk, ck in zip(report.solutions, Q, c):
        grad = Qk @ (x - ck)
        assert np.linalg.norm(x, p) <= radius * (1 + 1e-12)
        assert radius * dual_norm(grad, ord=p) <= -grad @ x + 1e-6 * max(1.0, np.abs(grad).max())


def test_constrained_quadratic_sparsity_is_deterministic_and_scale_free():
    a = constrained_quadratic_sparsity(1, 5, n_problems=50, rng=3)
    b = constrained_quadratic_sparsity(1, 5, n_problems=50, rng=3)
    assert a == b and np.array_equal(a.solutions, b.solutions)
    big = constrained_quadratic_sparsity(1, 5, n_problems=50, radius=3.0, rng=3)
    assert (big.zero_fraction, big.vertex_fraction) == (a.zero_fraction, a.vertex_fraction)
    assert_allclose(big.solutions, 3.0 * a.solutions, atol=1e-8)


def test_constrained_quadratic_sparsity_report():
    report = constrained_quadratic_sparsity(np.inf, 3, n_problems=20)
    assert isinstance(report, SparsityReport)
    assert report.solutions.shape == (20, 3)
    assert str(report).startswith("Linf ball in 3-D, 20 problems: 0.0% of coordinates exactly 0, ")
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.dim = 4
    assert "solutions" not in repr(report)


@pytest.mark.parametrize(
    ("kwargs", "exc", "arg"),
    [
        ({"ord": 0.5, "dim": 2}, ValueError, "`ord`"),
        ({"ord": 3, "dim": 2}, ValueError, "`ord`"),
        ({"ord": 1, "dim": 0}, ValueError, "`dim`"),
        ({"ord": 1, "dim": 2.5}, TypeError, "`dim`"),
        ({"ord": 1, "dim": 2, "n_problems": 0}, ValueError, "`n_problems`"),
        ({"ord": 1, "dim": 2, "n_iter": 0}, ValueError, "`n_iter`"),
        ({"ord": 1, "dim": 2, "radius": 0.0}, ValueError, "`radius`"),
        ({"ord": 1, "dim": 2, "tol": -1.0}, ValueError, "`tol`"),
    ],
)
def test_constrained_quadratic_sparsity_rejects_bad_input(kwargs, exc, arg):
    with pytest.raises(exc, match=arg):
        constrained_quadratic_sparsity(**kwargs)


def test_project_onto_ball_regression_l1_huge_entries_stay_in_the_ball():
    # code review: the L1 sort-and-cumsum overflowed on unscaled rows
    z = project_onto_ball(np.array([1e308, 1e308]), ord=1)
    np.testing.assert_allclose(z, [0.5, 0.5], rtol=1e-15)
