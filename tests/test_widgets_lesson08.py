"""Lesson 08's dimension slider: normlab.widgets.norm_ratio_explorer and normlab.viz.plot_norm_ratios."""

import math
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from normlab import viz, widgets  # noqa: E402


# --------------------------------------------------------------------------- the widget
def test_norm_ratio_explorer_static_under_normlab_static(monkeypatch, shown, displayed, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.norm_ratio_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1  # exactly one figure, shown once
    assert "d = 64, √d = 8.00" in shown[0][0]  # the static view is the digits dimension
    assert displayed == []
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "static figure" in lines[0].lower() and "NORMLAB_STATIC" in lines[0]
    assert plt.get_fignums() == []  # closed after showing


def test_norm_ratio_explorer_static_without_ipywidgets(monkeypatch, shown, capsys):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes `import ipywidgets` fail
    assert widgets.norm_ratio_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1
    assert "pip install ipywidgets" in capsys.readouterr().out


def test_norm_ratio_explorer_interactive_builds_the_dimension_slider(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    assert widgets.norm_ratio_explorer(n_vectors=50) is None
    (ui,) = displayed
    assert isinstance(ui, ipywidgets.interactive)
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    values = [v for _, v in slider.options]
    assert values == sorted(values) and values[0] == 2 and values[-1] == 3072
    assert {64, 3072} <= set(values) and slider.value == 64
    slider.value = 3072  # moving the slider redraws with the new dimension
    assert "d = 3072" in shown[-1][0]


@pytest.mark.parametrize("bad, exc", [(0, ValueError), (2.5, TypeError), (True, TypeError)])
def test_norm_ratio_explorer_rejects_bad_n_vectors_before_displaying(monkeypatch, displayed, bad, exc):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(exc, match="norm_ratio_explorer: `n_vectors`"):
        widgets.norm_ratio_explorer(n_vectors=bad)
    assert displayed == []


# --------------------------------------------------------------------------- the drawing function
def test_plot_norm_ratios_labels_axes_and_states_the_takeaway():
    ax = viz.plot_norm_ratios(10, n_vectors=20)
    assert "Vert x\\Vert_1" in ax.get_xlabel() and "Vert x\\Vert_2" in ax.get_xlabel()
    assert "Vert x\\Vert_\\infty" in ax.get_ylabel()
    assert ax.get_title().startswith("Every vector lies between the bounds 1 and √d")
    assert "d = 10, √d = 3.16" in ax.get_title()
    assert ax.get_aspect() == 1.0 and ax.get_xlim() == ax.get_ylim()


@pytest.mark.parametrize("dim", [1, 2, 7, 64, 500])
def test_plot_norm_ratios_points_obey_the_bounds_and_match_numpy(dim):
    ax = viz.plot_norm_ratios(dim, n_vectors=100, rng=3)
    r12, r2inf = ax.collections[0].get_offsets().T
    X = np.random.default_rng(3).standard_normal((100, dim))
    l1, l2, linf = (np.linalg.norm(X, ord=p, axis=1) for p in (1, 2, np.inf))
    np.testing.assert_allclose(r12, l1 / l2, rtol=1e-12)
    np.testing.assert_allclose(r2inf, l2 / linf, rtol=1e-12)
    s = math.sqrt(dim)
    for r in (r12, r2inf):
        assert np.all(r >= 1 - 1e-12) and np.all(r <= s * (1 + 1e-12))
    # the two extreme vectors sit on the corners of the box
    (extremes,) = [ln for ln in ax.get_lines() if ln.get_label() == "extreme vectors"]
    np.testing.assert_allclose(np.column_stack(extremes.get_data()), [[1, 1], [s, s]])


def test_plot_norm_ratios_gaussian_cloud_sits_near_sqrt_2d_over_pi():
    ax = viz.plot_norm_ratios(1000, n_vectors=200)
    r12 = ax.collections[0].get_offsets()[:, 0]
    assert abs(r12.mean() / math.sqrt(2000 / math.pi) - 1) < 0.01  # law of large numbers, d = 1000


def test_plot_norm_ratios_is_deterministic_and_draws_on_a_given_axes():
    fig, ax = plt.subplots()
    assert viz.plot_norm_ratios(16, ax, rng=5) is ax
    again = viz.plot_norm_ratios(16, rng=5)
    np.testing.assert_array_equal(ax.collections[0].get_offsets(), again.collections[0].get_offsets())


@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        ({"dim": 0}, ValueError, "`dim` must be at least 1"),
        ({"dim": 3.0}, TypeError, "`dim` must be an integer"),
        ({"dim": 5, "n_vectors": 0}, ValueError, "`n_vectors` must be at least 1"),
    ],
)
def test_plot_norm_ratios_validates(kwargs, exc, fragment):
    with pytest.raises(exc, match="plot_norm_ratios: " + fragment.replace("(", r"\(")):
        viz.plot_norm_ratios(**kwargs)
