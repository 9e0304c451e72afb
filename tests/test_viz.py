"""Tests for normlab.viz: house style, per-norm styles, plots, and the constrained minimizer."""

import json
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from normlab import viz  # noqa: E402

INF = np.inf
COV = [[1.0, -0.5], [-0.5, 1.0]]  # the unit_ball_explorer default
CENTER = [1.5, 0.5]


def _visible_lines(ax):
    return [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]


def _line(ax, label):
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == label]
    return line


def _dashes(line):
    # Line2D has no public getter for a custom dash pattern; this attribute is stable since 3.6
    return line._unscaled_dash_pattern


def _assert_labelled(ax):
    assert ax.get_xlabel().strip() and ax.get_ylabel().strip()


def _run_python(code):
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return out.stdout


# --- palette and per-norm styles ---------------------------------------------------------


def test_palette_is_okabe_ito():
    assert viz.PALETTE["vermillion"] == "#D55E00"
    assert viz.PALETTE["blue"] == "#0072B2"
    assert viz.PALETTE["bluish_green"] == "#009E73"
    assert viz.PALETTE["reddish_purple"] == "#CC79A7"
    assert viz.PALETTE["orange"] == "#E69F00"
    assert viz.PALETTE["grey"] == "#999999"


@pytest.mark.parametrize(
    "ord, color, linestyle, label",
    [
        (1, "#D55E00", "-", "L1"),
        (1.0, "#D55E00", "-", "L1"),
        (2, "#0072B2", "--", "L2"),
        (INF, "#009E73", ":", "L∞"),
        (float("inf"), "#009E73", ":", "L∞"),
        (0, "#CC79A7", "-.", "L0"),
    ],
)
def test_norm_style_named_norms(ord, color, linestyle, label):
    assert viz.norm_style(ord) == {"color": color, "linestyle": linestyle, "label": label}


def test_norm_style_other_p_orange_with_distinct_dashes():
    styles = [viz.norm_style(p, index=i) for i, p in enumerate((0.5, 1.5, 3, 4))]
    assert all(s["color"] == "#E69F00" for s in styles)
    named = {viz.norm_style(o)["linestyle"] for o in (0, 1, 2, INF)}
    dashes = [repr(s["linestyle"]) for s in styles]
    assert len(set(dashes)) == 4
    assert not {s["linestyle"] for s in styles if isinstance(s["linestyle"], str)} & named
    assert viz.norm_style(0.5)["label"] == "p = 0.5"


def test_norm_style_returns_a_copy():
    viz.norm_style(1)["color"] = "red"
    assert viz.norm_style(1)["color"] == "#D55E00"


@pytest.mark.parametrize("bad, exc", [(-1, ValueError), (np.nan, ValueError), ("2", TypeError), (None, TypeError)])
def test_norm_style_bad_ord(bad, exc):
    with pytest.raises(exc, match="ord"):
        viz.norm_style(bad)


# --- style -------------------------------------------------------------------------------


def test_import_viz_changes_no_rcparams_and_import_normlab_loads_no_matplotlib():
    # one subprocess for both checks: each costs a fresh interpreter and matplotlib import
    code = (
        "import json, sys, normlab\n"
        "no_mpl = 'matplotlib' not in sys.modules\n"
        "import matplotlib\n"
        "before = {k: repr(v) for k, v in matplotlib.rcParams.items()}\n"
        "import normlab.viz\n"
        "after = {k: repr(v) for k, v in matplotlib.rcParams.items()}\n"
        "print(json.dumps([no_mpl, sorted(k for k in before if before[k] != after[k])]))\n"
    )
    assert json.loads(_run_python(code)) == [True, []]


@pytest.mark.parametrize(
    "kind, size, font, lw, ms",
    [("notebook", [6.4, 4.0], 11.0, 2.0, 6.0), ("slides", [12.8, 7.2], 18.0, 3.0, 9.0)],
)
def test_use_style_sets_house_rcparams_only_when_called(kind, size, font, lw, ms):
    with plt.rc_context():
        before = plt.rcParams["figure.figsize"]
        viz.use_style(kind)
        rc = plt.rcParams
        assert rc["figure.figsize"] == size != before
        assert rc["font.size"] == font
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert rc["lines.linewidth"] == lw and rc["lines.markersize"] == ms
        assert rc["figure.constrained_layout.use"] is True
        assert rc["savefig.dpi"] == 150
        assert not rc["axes.spines.top"] and not rc["axes.spines.right"]
        assert rc["axes.grid"] is True
        colors = [to_hex(c).upper() for c in rc["axes.prop_cycle"].by_key()["color"]]
        assert set(colors) <= {to_hex(c).upper() for c in viz.PALETTE.values()}
        assert "#F0E442" not in colors  # yellow is for fills only
    assert plt.rcParams["figure.figsize"] == before


def test_style_context_restores():
    before = dict(plt.rcParams)
    with viz.style_context("slides"):
        assert plt.rcParams["font.size"] == 18.0
    assert plt.rcParams["font.size"] == before["font.size"]


def test_use_style_bad_kind():
    with pytest.raises(ValueError, match="kind"):
        viz.use_style("poster")


def test_house_figure_sizes():
    with viz.style_context("notebook"):
        assert list(viz.plot_unit_balls().figure.get_size_inches()) == pytest.approx([4.8, 4.8])
        assert list(viz.plot_norm_vs_p([1.0, 2.0]).figure.get_size_inches()) == pytest.approx([6.4, 4.0])
    with viz.style_context("slides"):
        assert list(viz.plot_unit_balls().figure.get_size_inches()) == pytest.approx([7.2, 7.2])


# --- unit balls --------------------------------------------------------------------------


@pytest.mark.parametrize("given_ax", [False, True])
def test_plot_unit_balls_draws_styled_equal_aspect(given_ax):
    ax0 = plt.subplots()[1] if given_ax else None
    ax = viz.plot_unit_balls((0, 0.5, 1, 2, INF), ax=ax0)
    assert isinstance(ax, matplotlib.axes.Axes)
    if given_ax:
        assert ax is ax0
    _assert_labelled(ax)
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == ax.get_ylim() == (-1.5, 1.5)
    for o in (0, 0.5, 1, 2, INF):
        st = viz.norm_style(o)
        line = _line(ax, st["label"])
        assert to_hex(line.get_color()).upper() == st["color"]
    assert _line(ax, "L1").get_linestyle() == "-"
    assert _line(ax, "L2").get_linestyle() == "--"
    assert _line(ax, "L∞").get_linestyle() == ":"
    assert _line(ax, "L0").get_linestyle() == "-."
    # each closed curve passes through (1, 0): every unit sphere crosses the axes at ±1
    for label in ("p = 0.5", "L1", "L2", "L∞"):
        xy = np.asarray(_line(ax, label).get_xydata())
        assert np.min(np.hypot(xy[:, 0] - 1, xy[:, 1])) < 1e-2


def test_plot_unit_balls_show_l0_and_legend():
    ax = viz.plot_unit_balls((1, 2), show_l0=True, annotate=False)
    assert [ln.get_label() for ln in _visible_lines(ax)] == ["L0", "L1", "L2"]
    assert ax.get_legend() is not None
    ax = viz.plot_unit_balls((0, 1), show_l0=False, fill=True)
    assert [ln.get_label() for ln in _visible_lines(ax)] == ["L1"]
    assert len(ax.patches) == 1  # the fill
    assert [t.get_text() for t in ax.texts] == ["L1"]  # direct label


def test_plot_unit_balls_several_other_p_differ():
    ax = viz.plot_unit_balls((0.5, 1.5, 3))
    lines = _visible_lines(ax)
    assert {to_hex(ln.get_color()).upper() for ln in lines} == {"#E69F00"}
    assert len({repr(_dashes(ln)) for ln in lines}) == 3


@pytest.mark.parametrize("bad, exc", [((-1, 2), ValueError), ((), ValueError), (("a",), TypeError)])
def test_plot_unit_balls_bad_ords(bad, exc):
    with pytest.raises(exc, match="ord"):
        viz.plot_unit_balls(bad)


def test_plot_unit_ball_grid_shares_limits():
    axes = viz.plot_unit_ball_grid()
    assert len(axes) == 4
    assert [ax.get_title() for ax in axes] == ["L0", "L1", "L2", "L∞"]
    for ax in axes:
        assert ax.get_aspect() == 1.0 and ax.get_xlim() == ax.get_ylim() == (-1.5, 1.5)
        assert ax.get_xlabel()
    assert axes[0].get_ylabel()
    fig, given = plt.subplots(1, 2)
    out = viz.plot_unit_ball_grid((1, 2), axes=given)
    assert list(out) == list(given)
    with pytest.raises(ValueError, match="axes"):
        viz.plot_unit_ball_grid((1, 2, INF), axes=given)


# --- norm against p ----------------------------------------------------------------------


@pytest.mark.parametrize("given_ax", [False, True])
def test_plot_norm_vs_p(given_ax):
    ax0 = plt.subplots()[1] if given_ax else None
    xs = [[3.0, -4.0, 0.0], [1.0, 1.0, 1.0, 1.0]]  # different lengths are fine
    ax = viz.plot_norm_vs_p(xs, ax=ax0)
    assert isinstance(ax, matplotlib.axes.Axes) and (ax is ax0 or not given_ax)
    assert ax.get_xlabel() == "p (log scale)" and ax.get_xscale() == "log"
    _assert_labelled(ax)
    assert ax.get_title()
    line = _line(ax, "x = (3, −4, 0)")
    p, y = line.get_data()
    assert p[0] == pytest.approx(0.25) and p[-1] >= 50
    assert np.all(np.diff(y) <= 1e-12)  # non-increasing in p
    np.testing.assert_allclose(y[np.argmin(np.abs(p - 2))], 5.0, rtol=2e-2)
    # the L-inf asymptote: a dotted horizontal line at 4
    asym = [ln for ln in ax.get_lines() if ln.get_linestyle() == ":" and np.allclose(ln.get_ydata(), 4.0)]
    assert len(asym) == 1
    assert {t.get_text() for t in ax.texts} >= {"x = (3, −4, 0)", "x = (1, 1, 1, 1)"}


def test_plot_norm_vs_p_options():
    ax = viz.plot_norm_vs_p(np.eye(5), ps=[0.5, 1, 2, 4], log_p=False, log_y=True, labels=list("abcde"))
    assert ax.get_xlabel() == "p" and ax.get_yscale() == "log"
    assert ax.get_legend() is not None  # more than three vectors: a legend
    with pytest.raises(ValueError, match="ps"):
        viz.plot_norm_vs_p([1.0, 2.0], ps=[0.0, 1.0])
    with pytest.raises(ValueError, match="labels"):
        viz.plot_norm_vs_p([[1.0, 2.0], [3.0, 4.0]], labels=["one"])
    with pytest.raises(TypeError, match="xs"):
        viz.plot_norm_vs_p(["a", "b"])


# --- regularization path -----------------------------------------------------------------


@pytest.mark.parametrize("given_ax", [False, True])
def test_plot_path(given_ax):
    ax0 = plt.subplots()[1] if given_ax else None
    alphas = np.geomspace(1.0, 1e-3, 30)
    coefs = np.outer([3.0, -2.0, 1.0, 0.2, 0.1], 1.0 - alphas)  # (n_features, n_alphas)
    ax = viz.plot_path(alphas, coefs, names=list("abcde"), ax=ax0)
    assert isinstance(ax, matplotlib.axes.Axes) and (ax is ax0 or not given_ax)
    assert ax.get_xlabel() == "α (log scale)" and ax.get_ylabel() == "coefficient"
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.texts] == ["a", "b", "c"]  # top three, labelled directly
    assert ax.get_xlim()[0] > ax.get_xlim()[1]  # strong penalty on the left
    ax = viz.plot_path(alphas, coefs.T, highlight=["d", 0], names=list("abcde"))  # transposed input
    assert [t.get_text() for t in ax.texts] == ["d", "a"]


def test_plot_path_errors():
    alphas = np.geomspace(1.0, 1e-2, 4)
    with pytest.raises(ValueError, match="coefs"):
        viz.plot_path(alphas, np.zeros((3, 5)))
    with pytest.raises(ValueError, match="names"):
        viz.plot_path(alphas, np.zeros((2, 4)), names=["a"])
    with pytest.raises(ValueError, match="alphas"):
        viz.plot_path(np.linspace(0, 1, 4), np.zeros((2, 4)))
    with pytest.raises(ValueError, match="highlight"):
        viz.plot_path(alphas, np.zeros((2, 4)), highlight=["zzz"])
    with pytest.raises(TypeError, match="highlight"):
        viz.plot_path(alphas, np.zeros((2, 4)), highlight="a")


# --- constrained minimizer ---------------------------------------------------------------


def _scipy_reference(center, cov, p, radius=1.0):
    from scipy.optimize import minimize

    c = np.asarray(center, float)
    P = np.linalg.inv(np.asarray(cov, float))

    def loss(x):
        return (x - c) @ P @ (x - c)

    cons = {"type": "ineq", "fun": lambda x: radius**p - np.sum(np.abs(x) ** p)}
    starts = [0.5 * radius * c / np.linalg.norm(c), 0.5 * radius * np.sign(c)]
    results = [minimize(loss, x0, constraints=[cons], method="SLSQP", options={"ftol": 1e-14, "maxiter": 500})
               for x0 in starts]
    return min(results, key=lambda r: r.fun).x


@pytest.mark.parametrize("p", [2, 1.5])
def test_constrained_minimizer_2d_matches_scipy(p):
    rng = np.random.default_rng(0)
    for _ in range(6):
        c = rng.normal(size=2) * 2
        A = rng.normal(size=(2, 2))
        S = A @ A.T + 0.1 * np.eye(2)
        if np.sum(np.abs(c) ** p) <= 1:
            continue
        x = viz.constrained_minimizer_2d(c, S, p)
        np.testing.assert_allclose(x, _scipy_reference(c, S, p), atol=1e-4)
        assert np.sum(np.abs(x) ** p) == pytest.approx(1.0, abs=1e-9)


def test_constrained_minimizer_2d_matches_scipy_with_radius():
    x = viz.constrained_minimizer_2d([3.0, 1.0], COV, 2, radius=2.0)
    np.testing.assert_allclose(x, _scipy_reference([3.0, 1.0], COV, 2, radius=2.0), atol=1e-4)


def test_constrained_minimizer_2d_l1_lands_on_a_vertex():
    # centre far out along a diagonal-ish direction: the L1 solution is a vertex, one coordinate exactly 0
    for c, cov in [([3.0, 2.0], [[1.0, 0.0], [0.0, 1.0]]), ([1.5, 0.5], COV), ([-2.0, 3.0], [[1.0, 0.3], [0.3, 0.5]])]:
        x = viz.constrained_minimizer_2d(c, cov, 1)
        assert np.min(np.abs(x)) <= 1e-6
        assert np.sum(np.abs(x)) == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_array_equal(viz.constrained_minimizer_2d([3.0, 2.0], np.eye(2), 1), [1.0, 0.0])


def test_constrained_minimizer_2d_explorer_geometry():
    # the widget's default: sparse for every p <= 1, not for p > 1; L-inf pins x1 at 1
    for p in (0.25, 0.5, 0.9, 1):
        np.testing.assert_array_equal(viz.constrained_minimizer_2d(CENTER, COV, p), [1.0, 0.0])
    for p, expected in [(1.1, [0.889, 0.148]), (2, [0.882, 0.471]), (INF, [1.0, 0.75])]:
        np.testing.assert_allclose(viz.constrained_minimizer_2d(CENTER, COV, p), expected, atol=5e-4)


def test_constrained_minimizer_2d_nonconvex_global_minimum():
    # p < 1: compare with a dense brute-force search of the sphere
    rng = np.random.default_rng(3)
    t = np.linspace(0, 2 * np.pi, 50_001)
    for p in (0.3, 0.5, 0.8):
        u = np.c_[np.cos(t), np.sin(t)]
        pts = u / (np.sum(np.abs(u) ** p, axis=1) ** (1 / p))[:, None]
        for _ in range(5):
            c = rng.normal(size=2) * 2
            A = rng.normal(size=(2, 2))
            S = A @ A.T + 0.1 * np.eye(2)
            P = np.linalg.inv(S)
            d = pts - c
            f_brute = np.einsum("ij,jk,ik->i", d, P, d).min()
            x = viz.constrained_minimizer_2d(c, S, p)
            f = (x - c) @ P @ (x - c)
            assert f <= f_brute * (1 + 1e-9) or np.sum(np.abs(c) ** p) <= 1


def test_constrained_minimizer_2d_inside_the_ball():
    np.testing.assert_array_equal(viz.constrained_minimizer_2d([0.2, -0.3], COV, 1), [0.2, -0.3])
    np.testing.assert_array_equal(viz.constrained_minimizer_2d([1, 1], COV, INF), [1.0, 1.0])  # on the boundary
    x = viz.constrained_minimizer_2d([2, 3], COV, 2, radius=5.0)
    assert x.dtype == np.float64 and list(x) == [2.0, 3.0]


def test_constrained_minimizer_2d_linf_corner_exact():
    x = viz.constrained_minimizer_2d([3.0, 3.0], np.eye(2), INF)
    np.testing.assert_array_equal(x, [1.0, 1.0])


@pytest.mark.parametrize(
    "args, exc, word",
    [
        (([1.0, 2.0], [[1.0, 2.0], [2.0, 1.0]], 2), ValueError, "cov"),  # indefinite
        (([1.0, 2.0], [[1.0, 0.0], [0.0, 0.0]], 2), ValueError, "cov"),  # singular
        (([1.0, 2.0], [[1.0, 0.5], [0.0, 1.0]], 2), ValueError, "cov"),  # not symmetric
        (([1.0, 2.0], np.eye(3), 2), ValueError, "cov"),
        (([1.0, 2.0, 3.0], np.eye(2), 2), ValueError, "center"),
        (([1.0, np.nan], np.eye(2), 2), ValueError, "center"),
        (([1.0, 2.0], np.eye(2), 0), ValueError, "ord"),
        (([1.0, 2.0], np.eye(2), -1), ValueError, "ord"),
        (([1.0, 2.0], np.eye(2), "l1"), TypeError, "ord"),
        ((["a", "b"], np.eye(2), 2), TypeError, "center"),
    ],
)
def test_constrained_minimizer_2d_bad_input(args, exc, word):
    with pytest.raises(exc, match=f"constrained_minimizer_2d: `{word}`"):
        viz.constrained_minimizer_2d(*args)
    with pytest.raises(exc, match=word):
        viz.plot_constrained_solution(*args)


def test_constrained_minimizer_2d_bad_radius():
    with pytest.raises(ValueError, match="radius"):
        viz.constrained_minimizer_2d([1.0, 2.0], np.eye(2), 2, radius=0.0)


# --- constrained solution plot -----------------------------------------------------------


@pytest.mark.parametrize("given_ax", [False, True])
@pytest.mark.parametrize("p", [0.5, 1, 2, INF])
def test_plot_constrained_solution(p, given_ax):
    ax0 = plt.subplots()[1] if given_ax else None
    res = viz.plot_constrained_solution(CENTER, COV, p, ax=ax0)
    ax, point = res
    assert res.ax is ax and isinstance(ax, matplotlib.axes.Axes) and (ax is ax0 or not given_ax)
    np.testing.assert_array_equal(point, viz.constrained_minimizer_2d(CENTER, COV, p))
    _assert_labelled(ax)
    assert ax.get_aspect() == 1.0 and ax.get_xlim() == ax.get_ylim()
    st = viz.norm_style(p)
    ball = _line(ax, f"{st['label']} ball")
    assert to_hex(ball.get_color()).upper() == st["color"]
    assert _dashes(ball) == _dashes(matplotlib.lines.Line2D([], [], linestyle=st["linestyle"]))
    title = ax.get_title()
    assert f"({point[0]:.3f}, {point[1]:.3f})" in title
    assert ("sparse" in title) and (("not sparse" in title) == (p > 1))


def test_plot_constrained_solution_inside_and_radius():
    ax, point = viz.plot_constrained_solution([0.2, 0.1], COV, 1)
    assert "inside" in ax.get_title()
    ax, point = viz.plot_constrained_solution([3.0, 0.5], COV, 1, radius=2.0)
    assert ax.get_xlim()[1] >= 3.0 and np.sum(np.abs(point)) == pytest.approx(2.0)


def test_finish():
    fig, ax = plt.subplots()
    assert viz.finish(ax, "Takeaway", xlabel="x", ylabel="y") is ax
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Takeaway", "x", "y")
