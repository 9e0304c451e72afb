"""Lesson 10's angle slider: normlab.widgets.dual_norm_explorer and normlab.viz.plot_supporting_lines."""

import math
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from normlab import viz, widgets  # noqa: E402
from normlab.geometry import unit_sphere_2d  # noqa: E402


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _supporting_lines(ax):
    """The long straight lines of the figure (two points each, unlabelled), in drawing order."""
    return [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 2 and ln.get_linewidth() < 2.0
            and ln.get_label() == "_nolegend_"]


# --------------------------------------------------------------------------- the drawing function
def test_plot_supporting_lines_values_match_numpy_hoelder_conjugates():
    y = np.array([3.0, -4.0])
    ax = viz.plot_supporting_lines(y)
    title = ax.get_title().splitlines()
    assert title[0] == "Each ball touches its supporting line at the maximizer"
    want = [np.linalg.norm(y, np.inf), np.linalg.norm(y, 2), np.linalg.norm(y, 1)]  # duals of L1, L2, L-inf
    assert title[1] == (
        "y = (3.00, -4.00): "
        + ", ".join(f"$\\Vert y\\Vert_{{{s}}}$ = {v:.2f}" for s, v in zip(["\\infty", "2", "1"], want))
    )
    assert _legend(ax) == [
        "L1 ball: dual $\\Vert y\\Vert_{\\infty}$ = 4.00, x* = (0.00, -1.00)",  # each ball names its dual
        "L2 ball: dual $\\Vert y\\Vert_{2}$ = 5.00, x* = (0.60, -0.80)",
        "L∞ ball: dual $\\Vert y\\Vert_{1}$ = 7.00, x* = (1.00, -1.00)",
    ]
    assert ax.get_aspect() == 1.0 and ax.get_xlim() == ax.get_ylim() == (-1.6, 1.6)
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"


@pytest.mark.parametrize("theta", [0.3, 1.0, 2.0, 4.0, 5.5])
@pytest.mark.parametrize("ords", [(1, 2, np.inf), (3,), (1.5, 4)])
def test_each_line_supports_its_ball(theta, ords):
    """Every drawn line is {x : <y, x> = ||y||_q}, and the whole ball lies on the origin's side."""
    y = np.array([math.cos(theta), math.sin(theta)])
    ax = viz.plot_supporting_lines(y, ords=ords)
    lines = _supporting_lines(ax)
    assert len(lines) == len(ords)
    for line, p in zip(lines, ords):
        q = 1.0 if p == np.inf else (np.inf if p == 1 else p / (p - 1))
        level = np.linalg.norm(y, q)
        pts = np.column_stack([line.get_xdata(), line.get_ydata()])
        np.testing.assert_allclose(pts @ y, level, rtol=1e-12)
        sphere = np.column_stack(unit_sphere_2d(p))
        assert np.max(sphere @ y) <= level * (1 + 1e-12)
        assert np.max(sphere @ y) >= level * (1 - 1e-3)  # the sampled sphere comes close to touching


@pytest.mark.parametrize(
    "y, edge_label",
    [((1.0, 0.0), "L∞ ball"),
     ((0.0, -2.0), "L∞ ball"),
     ((math.cos(math.pi / 4), math.sin(math.pi / 4)), "L1 ball"),  # a near-tie in floats
     ((-1.0, 1.0), "L1 ball")],
)
def test_non_unique_maximizers_are_named(y, edge_label):
    labels = _legend(viz.plot_supporting_lines(y))
    assert any(t.startswith(edge_label + ": dual") and t.endswith("x* not unique (an edge)") for t in labels)


def test_generic_direction_has_unique_maximizers():
    assert not any("not unique" in t for t in _legend(viz.plot_supporting_lines((0.4, 0.9))))


def test_plot_supporting_lines_draws_on_a_given_axes():
    _, ax = plt.subplots()
    assert viz.plot_supporting_lines((1.0, 2.0), ax=ax) is ax


@pytest.mark.parametrize(
    "y, ords, exc, fragment",
    [((1.0, 2.0, 3.0), (1, 2), ValueError, "shape (2,)"),
     ((0.0, 0.0), (1, 2), ValueError, "nonzero"),
     ((np.nan, 1.0), (1, 2), ValueError, "finite"),
     ((1j, 1.0), (1, 2), TypeError, "real"),
     (("a", "b"), (1, 2), TypeError, "numeric"),
     ((1.0, 2.0), (0.5,), ValueError, "[1, inf]"),
     ((1.0, 2.0), (), ValueError, "at least one"),
     ((1.0, 2.0), ("two",), TypeError, "real number")],
)
def test_plot_supporting_lines_rejects_bad_input(y, ords, exc, fragment):
    with pytest.raises(exc, match="plot_supporting_lines") as info:
        viz.plot_supporting_lines(y, ords=ords)
    assert fragment in str(info.value)


# --------------------------------------------------------------------------- the widget
def test_dual_norm_explorer_static_under_normlab_static(monkeypatch, shown, displayed, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.dual_norm_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1  # exactly one figure, shown once
    assert "y = (0.71, 0.71)" in shown[0][0]  # the static view is the 45-degree diagonal
    assert displayed == []
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "static figure" in lines[0].lower() and "NORMLAB_STATIC" in lines[0]
    assert plt.get_fignums() == []  # closed after showing


def test_dual_norm_explorer_static_without_ipywidgets(monkeypatch, shown, capsys):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes `import ipywidgets` fail
    assert widgets.dual_norm_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1
    assert "pip install ipywidgets" in capsys.readouterr().out


def test_dual_norm_explorer_interactive_builds_the_angle_slider(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    assert widgets.dual_norm_explorer() is None
    (ui,) = displayed
    assert isinstance(ui, ipywidgets.interactive)
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    values = [v for _, v in slider.options]
    assert values == sorted(values) and values[0] == 0 and values[-1] == 355
    assert {0, 45, 90, 180, 270} <= set(values) and slider.value == 45
    slider.value = 90  # moving the slider redraws; y is snapped to exactly (0, 1)
    assert "y = (0.00, 1.00)" in shown[-1][0]
    slider.value = 270
    assert "y = (0.00, -1.00)" in shown[-1][0]  # no "-0.00"


@pytest.mark.parametrize("bad, exc", [((0.5,), ValueError), ((), ValueError), (("x",), TypeError)])
def test_dual_norm_explorer_rejects_bad_ords_before_displaying(monkeypatch, displayed, shown, bad, exc):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(exc, match="dual_norm_explorer"):
        widgets.dual_norm_explorer(ords=bad)
    assert displayed == [] and shown == []
