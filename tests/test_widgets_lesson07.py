"""Tests for lesson 07's explorers (path_explorer, correlation_explorer) and their viz functions."""

import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from normlab import linear, viz, widgets  # noqa: E402


@pytest.fixture
def shown(monkeypatch):
    """Record, at each plt.show(), the titles of all Axes of the figures then open."""
    calls = []

    def fake_show(*args, **kwargs):
        calls.append([ax.get_title() for num in plt.get_fignums() for ax in plt.figure(num).axes])

    monkeypatch.setattr(plt, "show", fake_show)
    return calls


@pytest.fixture(scope="module")
def diabetes():
    from sklearn.datasets import load_diabetes
    from sklearn.preprocessing import StandardScaler

    data = load_diabetes()
    return StandardScaler().fit_transform(data.data), data.target, list(data.feature_names)


# --------------------------------------------------------------------------- viz.plot_path_snapshot
def test_plot_path_snapshot_picks_the_nearest_grid_alpha(diabetes):
    X, y, names = diabetes
    alphas, coefs = linear.regularization_path(X, y, "l1", 40)
    snap = viz.plot_path_snapshot(alphas, coefs, 1.0, names, alpha_label="Lasso α")
    k = int(np.argmin(np.abs(np.log(alphas))))
    assert snap.alpha == alphas[k]
    np.testing.assert_array_equal(snap.coef, coefs[:, k])
    assert snap.ax_bars.get_title() == f"{np.count_nonzero(coefs[:, k])} of 10 coefficients nonzero"
    assert [t.get_text() for t in snap.ax_bars.get_yticklabels()] == names
    assert snap.ax_path.get_xlabel() == "Lasso α (log scale)"
    lo, hi = snap.ax_bars.get_xlim()
    assert lo == -hi and hi >= np.abs(coefs).max()  # fixed, symmetric limits for the whole path
    zeros = [t for t in snap.ax_bars.texts if t.get_text() == "0"]
    assert len(zeros) == np.sum(coefs[:, k] == 0)


def test_plot_path_snapshot_ends_of_the_lasso_path(diabetes):
    X, y, names = diabetes
    alphas, coefs = linear.regularization_path(X, y, "l1", 30)
    assert viz.plot_path_snapshot(alphas, coefs, 1e6, names).ax_bars.get_title().startswith("0 of 10")
    assert viz.plot_path_snapshot(alphas, coefs.T, 1e-9, names).ax_bars.get_title().startswith("10 of 10")


def test_plot_path_snapshot_bar_colours_follow_highlighted_lines():
    alphas = np.geomspace(1.0, 0.01, 4)
    coefs = np.array([[0.0, 1.0, 2.0, 3.0], [0.0, 0.0, 0.5, 0.6], [0.0, 0.0, 0.0, -0.1]])
    snap = viz.plot_path_snapshot(alphas, coefs, 0.01, ["a", "b", "c"], highlight=["b"])
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in snap.ax_bars.patches]
    assert colours == [viz.PALETTE["grey"].lower(), "#000000", viz.PALETTE["grey"].lower()]


@pytest.mark.parametrize(
    "kwargs, err, match",
    [({"alpha": 0.0}, ValueError, "alpha"), ({"alpha": "x"}, TypeError, "alpha"),
     ({"names": ["a"]}, ValueError, "names")],
)
def test_plot_path_snapshot_rejects_bad_input(kwargs, err, match):
    args = {"alphas": [1.0, 0.1], "coefs": [[0.0, 1.0], [0.0, 2.0]], "alpha": 0.5, **kwargs}
    with pytest.raises(err, match=match):
        viz.plot_path_snapshot(**args)


# --------------------------------------------------------------------------- viz.plot_coefficient_pairs
def test_plot_coefficient_pairs_counts_exact_zeros_and_keeps_equal_aspect():
    l1 = [[2.0, 0.0], [0.0, 0.0], [0.0, 1.5], [1.0, 1.0]]
    l2 = [[1.0, 1.0], [0.9, 0.0], [1.1, 0.9], [1.0, 1.1]]
    ax = viz.plot_coefficient_pairs(l1, l2, rho=0.9)
    assert ax.get_title() == "ρ = 0.9: one of the pair is exactly 0 in\n2 of 4 lasso fits, 1 of 4 ridge fits"
    assert ax.get_aspect() == 1.0 and ax.get_xlim() == ax.get_ylim()
    assert ax.get_xlabel() == "$w_1$" and ax.get_ylabel() == "$w_2$"


def test_plot_coefficient_pairs_rejects_bad_shapes():
    with pytest.raises(ValueError, match="l1_pairs"):
        viz.plot_coefficient_pairs([[1.0, 2.0, 3.0]], [[1.0, 2.0]])
    with pytest.raises(ValueError, match="true_coef"):
        viz.plot_coefficient_pairs([[1.0, 2.0]], [[1.0, 2.0]], true_coef=[1.0])


# --------------------------------------------------------------------------- widgets.path_explorer
def test_path_explorer_static(monkeypatch, shown, displayed, capsys, diabetes):
    X, y, names = diabetes
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.path_explorer(X, y, names) is None
    assert len(shown) == 1 and len(shown[0]) == 2  # one figure, two panels
    assert "Lasso α" in shown[0][0] and "coefficients nonzero" in shown[0][1]
    assert displayed == []
    assert "Static figure" in capsys.readouterr().out
    assert plt.get_fignums() == []


def test_path_explorer_static_without_ipywidgets(monkeypatch, shown, capsys, diabetes):
    X, y, names = diabetes
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    widgets.path_explorer(X, y, names, penalty="l2")
    assert len(shown) == 1 and "Ridge α" in shown[0][0] and shown[0][1] == "10 of 10 coefficients nonzero"
    assert "pip install ipywidgets" in capsys.readouterr().out


def test_path_explorer_interactive(monkeypatch, shown, displayed, diabetes):
    ipywidgets = pytest.importorskip("ipywidgets")
    X, y, names = diabetes
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    widgets.path_explorer(X, y, names)
    (ui,) = displayed
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    values = [v for _, v in slider.options]
    assert len(values) == 26 and values == sorted(values, reverse=True)  # strong penalty on the left
    assert values[0] == pytest.approx(linear.lambda_max(X, y), rel=1e-12)
    slider.value = values[0]
    assert shown[-1][1] == "0 of 10 coefficients nonzero"
    slider.value = values[-1]
    assert shown[-1][1] == "10 of 10 coefficients nonzero"
    assert all(len(titles) == 2 for titles in shown)  # each redraw closes its figure


def test_path_explorer_highlight_keeps_the_styles_of_plot_path(monkeypatch, diabetes):
    X, y, names = diabetes
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    snaps = []
    real = viz.plot_path_snapshot
    monkeypatch.setattr(viz, "plot_path_snapshot", lambda *a, **kw: snaps.append(real(*a, **kw)) or snaps[-1])
    monkeypatch.setattr(plt, "show", lambda *a, **kw: None)
    show = ["bmi", "s5", "bp"]
    widgets.path_explorer(X, y, names, highlight=show)
    (snap,) = snaps
    ref = viz.plot_path(*linear.regularization_path(X, y, "l1", 101), names, highlight=show)
    styles = lambda ax: {ln.get_label(): (ln.get_color(), ln.get_linestyle())  # noqa: E731
                         for ln in ax.lines if ln.get_label() in show}
    assert styles(snap.ax_path) == styles(ref) and len(styles(ref)) == 3
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in snap.ax_bars.patches]
    for name in show:
        assert colours[names.index(name)] == matplotlib.colors.to_hex(styles(ref)[name][0])
    with pytest.raises(ValueError, match="highlight"):
        widgets.path_explorer(X, y, names, highlight=["bmi", "BMI"])


def test_path_explorer_bad_input_raises_before_display(monkeypatch, shown, displayed):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(ValueError, match="penalty"):
        widgets.path_explorer(np.eye(3), np.arange(3.0), penalty="l3")
    with pytest.raises(ValueError, match="same number"):
        widgets.path_explorer(np.eye(3), np.arange(2.0))
    assert displayed == [] and shown == []


# --------------------------------------------------------------------------- widgets.correlation_explorer
def test_correlation_explorer_static(monkeypatch, shown, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.correlation_explorer() is None
    assert len(shown) == 1
    (title,) = shown[0]
    assert title.startswith("ρ = 0.95") and "0 of 30 ridge fits" in title
    assert "Static figure" in capsys.readouterr().out


def test_correlation_explorer_flips_grow_with_correlation():
    counts = []
    for rho in (0.0, 0.95, 0.99):
        l1, l2 = widgets._pair_fits(rho, 30, 30, 0.4, 0)
        counts.append(int(np.sum(np.sum(l1 == 0, axis=1) == 1)))
        assert np.all(l2 != 0)  # ridge never zeroes
        assert np.std(l1[:, 0]) > np.std(l2[:, 0])  # the lasso's choice wobbles more
    assert counts[0] < counts[1] < counts[2]


def test_correlation_explorer_points_match_the_population_values_in_the_docstring():
    l1, l2 = widgets._pair_fits(0.95, 30, 30, 0.4, 0)
    # the lasso points lie below the line w1 + w2 = 2, near 2 - 2 alpha / (1 + rho) = 1.59
    assert abs(l1.sum(axis=1).mean() - (2 - 2 * 0.4 / 1.95)) < 0.05 and np.mean(l1.sum(axis=1) < 2) > 0.9
    assert np.sum(np.sum(l1 == 0, axis=1) == 1) >= 5  # lesson 07: "several of them on an axis"
    # the ridge points cluster near (1 + rho) / (1 + rho + alpha) = 0.83 on the diagonal
    assert np.all(np.abs(l2.mean(axis=0) - 1.95 / 2.35) < 0.05)


def test_correlation_explorer_interactive(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    widgets.correlation_explorer(n_samples=10)
    (ui,) = displayed
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    values = [v for _, v in slider.options]
    assert values[0] == 0.0 and values[-1] == 0.99 and slider.value == 0.95
    slider.value = 0.0
    assert shown[-1][0].startswith("ρ = 0:") and "of 10 lasso fits" in shown[-1][0]


@pytest.mark.parametrize("kwargs, err", [({"n": 1}, ValueError), ({"n_samples": 0}, ValueError),
                                          ({"alpha": -1.0}, ValueError), ({"n": 2.5}, TypeError)])
def test_correlation_explorer_bad_input_raises_before_display(monkeypatch, shown, displayed, kwargs, err):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(err):
        widgets.correlation_explorer(**kwargs)
    assert displayed == [] and shown == []
