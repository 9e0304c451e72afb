"""Tests for lesson 06's explorer (normlab.widgets.epsilon_explorer) and its pure drawing
function (normlab.viz.plot_perturbed_digit): static fallback, interactive build, bad input."""

import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from normlab import viz, widgets  # noqa: E402


@pytest.fixture
def shown(monkeypatch):
    """Record, at each plt.show(), the suptitle and panel titles of the figures then open."""
    calls = []

    def fake_show(*args, **kwargs):
        figs = [plt.figure(n) for n in plt.get_fignums()]
        calls.append([(fig._suptitle.get_text() if fig._suptitle else "", [ax.get_title() for ax in fig.axes])
                      for fig in figs])

    monkeypatch.setattr(plt, "show", fake_show)
    return calls


# ---------------------------------------------------------------------------
# viz.plot_perturbed_digit
# ---------------------------------------------------------------------------


def test_plot_perturbed_digit_draws_three_panels_with_clipping():
    x = np.linspace(0, 1, 64)
    delta = 0.1 * np.where(np.arange(64) % 2 == 0, 1.0, -1.0)
    axes = viz.plot_perturbed_digit(x, delta, predictions=(3, 3), eps=0.1)
    assert len(axes) == 3 and all(ax.figure is axes[0].figure for ax in axes)
    images = [ax.get_images()[0].get_array() for ax in axes]
    assert all(img.shape == (8, 8) for img in images)
    np.testing.assert_array_equal(images[2].ravel(), np.clip(x + delta, 0, 1))
    assert images[1].min() >= -0.1 and axes[1].get_images()[0].get_clim() == (-0.1, 0.1)
    assert axes[2].get_title().endswith("predicted 3 (unchanged)")
    assert "clipped to [0, 1]" in axes[2].get_title()


def test_plot_perturbed_digit_defaults_and_no_clip():
    x, delta = np.zeros(16), np.full(16, -0.2)
    axes = viz.plot_perturbed_digit(x, delta, clip=None, shape=(4, 4))
    assert axes[0].get_title() == "input x" and "‖δ‖∞ = 0.200" in axes[1].get_title()
    np.testing.assert_array_equal(axes[2].get_images()[0].get_array().ravel(), x + delta)
    viz.plot_perturbed_digit(x, np.zeros(16), shape=(4, 4))  # a zero perturbation still draws


def test_plot_perturbed_digit_on_given_axes():
    fig, grid = plt.subplots(2, 3)
    out = viz.plot_perturbed_digit(np.zeros(64), np.zeros(64), axes=grid[1])
    assert list(out) == list(grid[1])


@pytest.mark.parametrize(
    "args, kwargs, exc",
    [
        ((np.zeros(63), np.zeros(63)), {}, ValueError),
        ((np.zeros(64), np.zeros(16)), {}, ValueError),
        ((np.zeros(64), np.zeros(64)), {"clip": (1, 0)}, ValueError),
        ((np.zeros(64), np.zeros(64)), {"eps": -1.0}, ValueError),
        ((np.zeros(64), np.zeros(64)), {"axes": [None, None]}, ValueError),
        ((["a"] * 64, np.zeros(64)), {}, TypeError),
    ],
)
def test_plot_perturbed_digit_bad_input(args, kwargs, exc):
    with pytest.raises(exc, match="plot_perturbed_digit"):
        viz.plot_perturbed_digit(*args, **kwargs)


# ---------------------------------------------------------------------------
# widgets.epsilon_explorer
# ---------------------------------------------------------------------------


def test_epsilon_explorer_static_draws_one_figure_and_returns_none(monkeypatch, shown, displayed, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.epsilon_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1  # one figure, shown once
    suptitle, titles = shown[0][0]
    assert "8/255" in suptitle and "(certified)" in suptitle and "True class 3" in suptitle
    assert titles[0].endswith("predicted 3") and titles[2].endswith("predicted 3 (unchanged)")
    assert displayed == []
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "NORMLAB_STATIC" in lines[0]
    assert plt.get_fignums() == []


def test_epsilon_explorer_static_without_ipywidgets(monkeypatch, shown, capsys):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    assert widgets.epsilon_explorer() is None
    assert len(shown) == 1
    assert "pip install ipywidgets" in capsys.readouterr().out


def test_epsilon_explorer_interactive_builds_the_slider(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    assert widgets.epsilon_explorer() is None
    (ui,) = displayed
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    labels = [label for label, _ in slider.options]
    values = [v for _, v in slider.options]
    assert labels[0] == "0/255" and "8/255" in labels and values == sorted(values)
    assert slider.value == 8 / 255
    assert len(shown) == 1 and "(certified)" in shown[0][0][0]
    slider.value = 26 / 255  # ≈ 0.102, beyond this digit's certified radius
    suptitle, titles = shown[-1][0]
    assert "26/255" in suptitle and "(not certified)" in suptitle
    assert titles[2].endswith("(changed)")
    slider.value = 0.0
    assert "+" in shown[-1][0][0] and shown[-1][0][1][2].endswith("(unchanged)")
    assert all(len(figs) == 1 for figs in shown)  # each redraw closes its figure


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [({"index": 540}, ValueError, "index"), ({"index": -1}, ValueError, "index"),
     ({"index": 1.5}, TypeError, "index"), ({"C": 0}, ValueError, "C")],
)
def test_epsilon_explorer_bad_input_raises_before_display(monkeypatch, shown, displayed, kwargs, exc, word):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(exc, match=word):
        widgets.epsilon_explorer(**kwargs)
    assert displayed == [] and shown == []
