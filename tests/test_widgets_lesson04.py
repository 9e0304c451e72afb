"""Lesson 04's λ slider: normlab.widgets.soft_threshold_explorer and normlab.viz.plot_soft_threshold."""

import numpy as np
import pytest

from normlab import viz, widgets
from normlab.prox import soft_threshold


def test_plot_soft_threshold_draws_the_prox_and_counts_zeros():
    v = np.array([3.0, -0.4, 1.2, -2.0, 0.6])
    ax = viz.plot_soft_threshold(v, 1.0)
    assert ax.get_title() == "λ = 1.00: 2 of 5 entries exactly 0"
    assert ax.get_xlabel() == "entry i" and ax.get_ylabel() == "value"
    shrunk_line = [ln for ln in ax.get_lines() if ln.get_label() == "soft-thresholded"][0]
    np.testing.assert_array_equal(shrunk_line.get_ydata(), soft_threshold(v, 1.0))


@pytest.mark.parametrize("v, lam, exc", [([np.nan, 1.0], 1.0, ValueError), ([1.0, 2.0], -1.0, ValueError),
                                          (np.ones((2, 2)), 1.0, ValueError), (["a"], 1.0, TypeError)])
def test_plot_soft_threshold_rejects_bad_input(v, lam, exc):
    with pytest.raises(exc):
        viz.plot_soft_threshold(v, lam)


def test_static_explorer_draws_one_figure(monkeypatch, shown, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.soft_threshold_explorer() is None
    assert shown == [["λ = 1.00: 3 of 8 entries exactly 0"]]
    assert "Static figure" in capsys.readouterr().out


def test_interactive_explorer_offers_the_lambda_slider(monkeypatch, displayed):
    pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    widgets.soft_threshold_explorer()
    slider = displayed[0].children[0]
    assert slider.description == "λ" and slider.value == 1.0
    values = [value for _, value in slider.options]
    assert min(values) == 0.0 and max(values) == 4.0
