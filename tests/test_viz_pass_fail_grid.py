"""Tests for normlab.viz.plot_pass_fail_grid (lessons 01, 03 and 09)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402

from normlab import viz  # noqa: E402
from normlab.norms import check_norm_axioms, l0  # noqa: E402

ROWS = ["Euclidean", "squared Euclidean", "cosine distance"]
COLS = ["identity", "symmetry", "triangle\ninequality"]
PASSED = [[True, True, True], [True, True, False], [False, True, False]]


def _blend(hex_colour, weight=0.3):
    """The colour at `weight` on white, as the light fills are defined."""
    return np.array(to_rgb(hex_colour)) * weight + (1 - weight)


def test_plot_pass_fail_grid_in_public_api():
    assert "plot_pass_fail_grid" in viz.__all__
    assert viz.plot_pass_fail_grid.__doc__ and "Examples" in viz.plot_pass_fail_grid.__doc__


@pytest.mark.parametrize("given_ax", [False, True])
def test_plot_pass_fail_grid_writes_the_words_row_by_row(given_ax):
    ax0 = plt.subplots()[1] if given_ax else None
    ax = viz.plot_pass_fail_grid(ROWS, COLS, PASSED, ax=ax0, title="Only Euclidean passes")
    if given_ax:
        assert ax is ax0
    words = [t.get_text() for t in ax.texts]
    assert words == ["PASS" if v else "FAIL" for row in PASSED for v in row]
    for t, (i, j) in zip(ax.texts, np.ndindex(3, 3)):  # each word sits in its cell's centre
        assert t.get_position() == (j, i)
        assert t.get_ha() == "center" and t.get_va() == "center"
        assert t.get_fontweight() == "bold"
    assert [t.get_text() for t in ax.get_yticklabels()] == ROWS
    assert [t.get_text() for t in ax.get_xticklabels()] == COLS
    assert ax.get_title() == "Only Euclidean passes"


def test_plot_pass_fail_grid_colours_are_okabe_ito_light_fills():
    ax = viz.plot_pass_fail_grid(ROWS, COLS, PASSED)
    (image,) = ax.get_images()
    fills = np.asarray(image.get_array())
    pass_rgb = _blend(viz.PALETTE["blue"])
    fail_rgb = _blend(viz.PALETTE["vermillion"])
    for (i, j), ok in np.ndenumerate(np.array(PASSED)):
        np.testing.assert_allclose(fills[i, j], pass_rgb if ok else fail_rgb, atol=1 / 255)
    # light enough for black text: relative luminance well above 0.5
    for rgb in (pass_rgb, fail_rgb):
        assert 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 0.6
    # the two fills differ in greyscale too, but the words carry the meaning
    assert {t.get_color() for t in ax.texts} == {"black"}


def test_plot_pass_fail_grid_column_labels_on_top_and_no_spines():
    ax = viz.plot_pass_fail_grid(ROWS, COLS, PASSED)
    assert ax.xaxis.get_ticks_position() in ("top", "default")
    assert all(not label.get_visible() or label.get_text() == "" for label in ax.xaxis.get_ticklabels(minor=True))
    assert not any(spine.get_visible() for spine in ax.spines.values())
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert (x0, x1) == (-0.5, 2.5) and (y0, y1) == (2.5, -0.5)  # first row at the top


def test_plot_pass_fail_grid_accepts_reports_and_integers():
    report = check_norm_axioms(l0)
    passed = np.array([[r.passed for r in report.results]])
    ax = viz.plot_pass_fail_grid(["L0 count"], ["definiteness", "homogeneity", "triangle"], passed)
    assert [t.get_text() for t in ax.texts] == ["PASS", "FAIL", "PASS"]
    ax = viz.plot_pass_fail_grid(("a",), ("b",), [[1]])
    assert [t.get_text() for t in ax.texts] == ["PASS"]


def test_plot_pass_fail_grid_new_figure_grows_with_rows():
    short = viz.plot_pass_fail_grid(["a"], ["x"], [[True]]).figure.get_size_inches()
    tall = viz.plot_pass_fail_grid(list("abcdefgh"), ["x"], [[True]] * 8).figure.get_size_inches()
    assert tall[1] > short[1] and tall[0] == short[0]


def test_plot_pass_fail_grid_slides_style():
    with viz.style_context("slides"):
        ax = viz.plot_pass_fail_grid(ROWS, COLS, PASSED)
        width = ax.figure.get_size_inches()[0]
    assert width == pytest.approx(12.8)


@pytest.mark.parametrize(
    "rows, cols, passed, exc, words",
    [
        (ROWS, COLS, [[True, True]] * 3, ValueError, "shape (len(row_labels), len(col_labels)) = (3, 3)"),
        (ROWS, COLS, [True, True, True], ValueError, "2-D"),
        (ROWS, COLS, [[1, 0, 2]] * 3, ValueError, "only True/False"),
        (ROWS, COLS, [[1, 0, np.nan]] * 3, ValueError, "only True/False"),
        (ROWS, COLS, [["PASS"] * 3] * 3, TypeError, "numeric"),
        ("abc", COLS, PASSED, TypeError, "not one string"),
        (ROWS, "triangle", PASSED, TypeError, "`col_labels`"),
        ([], [], np.zeros((0, 0), dtype=bool), ValueError, "empty"),
    ],
)
def test_plot_pass_fail_grid_bad_input(rows, cols, passed, exc, words):
    with pytest.raises(exc) as info:
        viz.plot_pass_fail_grid(rows, cols, passed)
    assert words in str(info.value)
    assert str(info.value).startswith("plot_pass_fail_grid: ")
