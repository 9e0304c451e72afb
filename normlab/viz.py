"""House-style plots for the course: unit balls, norms against p, constrained minima, paths.

Every ``plot_*`` function takes ``ax=None``, draws (on a new figure of the house size when
`ax` is None), returns the Axes (or a small NamedTuple holding it), and never calls
``plt.show()`` or ``savefig``: the notebook decides. Importing this module changes no
matplotlib setting; :func:`use_style` applies the house style when a lesson asks for it.

Each norm keeps its colour *and* line style everywhere (STYLE.md section 6):

========  ==============================  ==========
norm      colour (Okabe-Ito)              line style
========  ==============================  ==========
L1        vermillion ``#D55E00``          solid
L2        blue ``#0072B2``                dashed
L-inf     bluish green ``#009E73``        dotted
L0        reddish purple ``#CC79A7``      dash-dot
other p   orange ``#E69F00``              long dashes, then other dash patterns
========  ==============================  ==========

Data are black, context grey ``#999999``; yellow ``#F0E442`` is used only for fills.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Literal, NamedTuple, Sequence

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_finite, check_int, check_option, check_positive

__all__ = [
    "NORM_STYLES",
    "PALETTE",
    "ConstrainedPlot",
    "PathSnapshot",
    "constrained_minimizer_2d",
    "finish",
    "norm_style",
    "plot_coefficient_pairs",
    "plot_constrained_solution",
    "plot_norm_ratios",
    "plot_norm_vs_p",
    "plot_pass_fail_grid",
    "plot_path",
    "plot_path_snapshot",
    "plot_perturbed_digit",
    "plot_supporting_lines",
    "plot_unit_ball_grid",
    "plot_soft_threshold",
    "plot_unit_balls",
    "style_context",
    "use_style",
]

_INF = math.inf

# ---------------------------------------------------------------------------------------
# Palette and per-norm styles
# ---------------------------------------------------------------------------------------

#: The Okabe-Ito colours by name, plus the course's context grey.
PALETTE = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
        "grey": "#999999",
    }
)

#: Colour, line style and label of the four named norms, keyed by `ord` (0, 1, 2, inf).
NORM_STYLES = MappingProxyType(
    {
        0: MappingProxyType({"color": PALETTE["reddish_purple"], "linestyle": "-.", "label": "L0"}),
        1: MappingProxyType({"color": PALETTE["vermillion"], "linestyle": "-", "label": "L1"}),
        2: MappingProxyType({"color": PALETTE["blue"], "linestyle": "--", "label": "L2"}),
        _INF: MappingProxyType({"color": PALETTE["bluish_green"], "linestyle": ":", "label": "L∞"}),
    }
)

# Dash patterns for "other p" curves (all orange), distinct from the four named styles.
_OTHER_P_LINESTYLES = (
    (0, (7.0, 2.0)),  # long dashes
    (0, (6.0, 1.6, 1.0, 1.6, 1.0, 1.6)),  # dash-dot-dot
    (0, (11.0, 2.0, 3.0, 2.0)),  # long-short
    (0, (2.5, 2.5)),  # even dashes
)

# Line colours for things that are not norms (vectors, features): never a norm's colour.
_DATA_STYLES = (
    (PALETTE["black"], "-"),
    (PALETTE["sky_blue"], "-"),
    ("#5A5A5A", (0, (5.0, 2.0))),  # a third color, so three vectors never share one
    (PALETTE["black"], (0, (5.0, 2.0))),
    (PALETTE["sky_blue"], (0, (5.0, 2.0))),
)

_STYLE_FILES = {"notebook": "normlab.mplstyle", "slides": "normlab-slides.mplstyle"}

_FILL_ALPHA = 0.12
_CONTEXT_LW = 0.8


def _check_ord(ord: Any, *, caller: str, allow_zero: bool = True) -> float:
    """Return `ord` as a float in [0, inf] (or (0, inf]), raising TypeError/ValueError."""
    if not allow_zero and not isinstance(ord, (bool, np.bool_)):
        try:
            is_zero = float(ord) == 0.0
        except (TypeError, ValueError):
            is_zero = False
        if is_zero:
            raise ValueError(
                f"{caller}: `ord` must be positive (inf allowed); got {ord!r}. The L0 'ball' is the "
                "axes cross, which has no inside to minimize over; ord=1 is its convex envelope on the box."
            )
    return check_positive(ord, "ord", caller=caller, strict=not allow_zero, allow_inf=True)


def _as_ords(ords: Any, *, caller: str, allow_zero: bool = True) -> list[float]:
    """Validate a sequence of orders; drop repeats, keep the given order."""
    if np.ndim(ords) == 0:
        ords = [ords]
    out: list[float] = []
    for o in ords:
        v = _check_ord(o, caller=caller, allow_zero=allow_zero)
        if v not in out:
            out.append(v)
    if not out:
        raise ValueError(f"{caller}: `ords` must hold at least one order; got an empty sequence.")
    return out


def _ord_label(ord: float) -> str:
    if ord in NORM_STYLES:
        return NORM_STYLES[ord]["label"]
    return f"p = {ord:g}"


def norm_style(ord: float, *, index: int = 0) -> dict[str, Any]:
    """Return the house colour, line style and label of the norm of order `ord`.

    Parameters
    ----------
    ord : float
        Norm order: 0 (the L0 count), any positive number, or ``inf``.
    index : int, default=0
        Which dash pattern an "other p" (not 0, 1, 2 or inf) gets, so that several such
        curves in one figure stay distinguishable; ignored for the four named norms.

    Returns
    -------
    style : dict
        A new dict with keys ``"color"`` (hex string), ``"linestyle"`` (a matplotlib line
        style) and ``"label"`` (``"L0"``, ``"L1"``, ``"L2"``, ``"L∞"`` or ``"p = 0.5"``),
        ready for ``ax.plot(x, y, **norm_style(1))``.

    Raises
    ------
    TypeError
        If `ord` is not a real number.
    ValueError
        If `ord` is negative or NaN, or `index` is negative.

    See Also
    --------
    NORM_STYLES : The table behind the four named norms.

    Notes
    -----
    L1 vermillion solid, L2 blue dashed, L∞ bluish green dotted, L0 reddish purple
    dash-dot, every other p orange with one of four dash patterns (chosen by `index`), so
    that colour is never the only cue. Used by every figure in the course.

    Examples
    --------
    >>> from normlab.viz import norm_style
    >>> norm_style(1)
    {'color': '#D55E00', 'linestyle': '-', 'label': 'L1'}
    >>> norm_style(np.inf)["label"], norm_style(0.5)["label"], norm_style(0.5)["color"]
    ('L∞', 'p = 0.5', '#E69F00')
    >>> norm_style(3, index=0)["linestyle"] != norm_style(3, index=1)["linestyle"]
    True
    """
    caller = "norm_style"
    p = _check_ord(ord, caller=caller)
    index = check_int(index, "index", caller=caller, minimum=0)
    if p in NORM_STYLES:
        return dict(NORM_STYLES[p])
    return {
        "color": PALETTE["orange"],
        "linestyle": _OTHER_P_LINESTYLES[index % len(_OTHER_P_LINESTYLES)],
        "label": _ord_label(p),
    }


def _styles_for(ords: Sequence[float]) -> list[dict[str, Any]]:
    """norm_style for each order, numbering the "other p" orders so their dashes differ."""
    styles, n_other = [], 0
    for o in ords:
        styles.append(norm_style(o, index=n_other))
        n_other += o not in NORM_STYLES
    return styles


# ---------------------------------------------------------------------------------------
# Style
# ---------------------------------------------------------------------------------------


def _style_path(kind: str, caller: str) -> str:
    check_option(kind, "kind", tuple(_STYLE_FILES), caller=caller)
    return str(Path(__file__).with_name(_STYLE_FILES[kind]))


def use_style(kind: Literal["notebook", "slides"] = "notebook") -> None:
    """Apply the course's house style to every later figure (matplotlib rcParams).

    Parameters
    ----------
    kind : {"notebook", "slides"}, default="notebook"
        ``"notebook"``: 6.4 x 4.0 in figures, 11 pt DejaVu Sans, line width 2, marker
        size 6. ``"slides"`` (16:9): 12.8 x 7.2 in, 18 pt, line width 3, marker size 9.

    Raises
    ------
    ValueError
        If `kind` is not ``"notebook"`` or ``"slides"``.

    See Also
    --------
    style_context : The same style for one ``with`` block only.

    Notes
    -----
    Both styles use the Okabe-Ito colour cycle (without yellow, which is kept for fills),
    a light grid, no top or right spines, constrained layout, 100 dpi on screen and 150
    dpi in saved files. Inside Jupyter with the inline backend, figures are also sent as
    PNG (not retina or SVG), which keeps stored notebooks small. Nothing changes until
    you call this function. Called in every lesson's setup cell.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from normlab.viz import use_style
    >>> with plt.rc_context():          # only to keep this example's changes local
    ...     use_style()
    ...     print(plt.rcParams["figure.figsize"], plt.rcParams["font.size"])
    [6.4, 4.0] 11.0
    """
    plt.style.use(_style_path(kind, "use_style"))
    _use_png_inline()


def _use_png_inline() -> None:
    """Ask the IPython inline backend for plain PNG, if we are running inside one."""
    import sys

    if "IPython" not in sys.modules or "matplotlib_inline" not in sys.modules:
        return
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        if get_ipython() is not None and "inline" in plt.get_backend():
            set_matplotlib_formats("png")
    except Exception:  # a display nicety only: never let it break a lesson
        return


@contextlib.contextmanager
def style_context(kind: Literal["notebook", "slides"] = "notebook") -> Iterator[None]:
    """Context manager applying the house style inside a ``with`` block only.

    Parameters
    ----------
    kind : {"notebook", "slides"}, default="notebook"
        Which style file to apply; see :func:`use_style`.

    Raises
    ------
    ValueError
        If `kind` is not ``"notebook"`` or ``"slides"``.

    See Also
    --------
    use_style : Apply the style for the rest of the session.

    Notes
    -----
    A thin wrapper around ``matplotlib.pyplot.style.context``; settings are restored on
    exit, even after an error. Handy for drawing one slide-sized figure in a notebook.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from normlab.viz import style_context
    >>> with style_context("slides"):
    ...     print(plt.rcParams["figure.figsize"], plt.rcParams["lines.linewidth"])
    [12.8, 7.2] 3.0
    """
    with plt.style.context(_style_path(kind, "style_context")):
        yield


def _new_axes(shape: Literal["default", "square", "square+legend", "wide"] = "default") -> Axes:
    """A new figure sized from the current rcParams: house default, square (geometry), or wide.

    With the notebook style: 6.4 x 4.0, 4.8 x 4.8 (6.4 x 4.8 with room for a legend at the
    right) and 9.6 x 4.0 in. With a 16:9 (slides) figure size, square figures keep the
    slide's height, wide ones its width.
    """
    w, h = plt.rcParams["figure.figsize"]
    slides = w / h > 1.7
    side = h if slides else 1.2 * h
    if shape == "square":
        size = (side, side)
    elif shape == "square+legend":
        size = (4.0 / 3.0 * side, side)
    elif shape == "wide":
        size = (w, h) if slides else (1.5 * w, h)
    else:
        size = (w, h)
    _, ax = plt.subplots(figsize=size)
    return ax


def finish(ax: Axes, title: str | None = None, *, xlabel: str | None = None, ylabel: str | None = None) -> Axes:
    """Set a takeaway title and axis labels in one call; return `ax`.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The Axes to finish.
    title : str, optional
        The takeaway ("Low p rewards concentration"), not the chart type. None leaves the
        title as it is.
    xlabel, ylabel : str, optional
        Axis labels, with units where there are any; None leaves a label as it is.

    Returns
    -------
    ax : matplotlib.axes.Axes
        The same Axes, for chaining.

    Notes
    -----
    STYLE.md section 6: every axis has a label, and the title states the takeaway.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import finish, plot_unit_balls
    >>> ax = finish(plot_unit_balls(), "Low p rewards concentration")
    >>> ax.get_title(), ax.get_xlabel()
    ('Low p rewards concentration', '$x_1$')
    """
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    return ax


# ---------------------------------------------------------------------------------------
# Unit balls
# ---------------------------------------------------------------------------------------


def _draw_axis_lines(ax: Axes) -> None:
    """Thin grey coordinate axes through the origin (context, under everything)."""
    kw = dict(color=PALETTE["grey"], linewidth=_CONTEXT_LW, zorder=1.5)
    ax.axhline(0.0, **kw)
    ax.axvline(0.0, **kw)


def _set_square_limits(ax: Axes, lim: float) -> None:
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal", adjustable="box")


def _draw_sphere(ax: Axes, ord: float, style: dict[str, Any], *, radius: float = 1.0, fill: bool = False,
                 label: str | None = None, zorder: float = 2.5) -> None:
    from .geometry import unit_sphere_2d

    xs, ys = unit_sphere_2d(ord)
    xs, ys = radius * np.asarray(xs, dtype=float), radius * np.asarray(ys, dtype=float)
    if fill and ord != 0:
        ax.fill(xs, ys, color=style["color"], alpha=_FILL_ALPHA, linewidth=0, zorder=zorder - 1)
    ax.plot(xs, ys, color=style["color"], linestyle=style["linestyle"],
            label=style["label"] if label is None else label, zorder=zorder)


def _diagonal_point(ord: float) -> float:
    """t with (t, t) on the unit sphere of `ord` (0 < ord <= inf)."""
    return 1.0 if ord == _INF else 2.0 ** (-1.0 / ord)


def _label_balls_directly(ax: Axes, ords: Sequence[float], styles: Sequence[dict[str, Any]]) -> None:
    """Write each label next to its curve: on the first-quadrant diagonal, L0 on the x axis."""
    fontsize = 0.9 * plt.rcParams["font.size"]
    box = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)
    for o, st in zip(ords, styles):
        if o == 0:  # both arms of the cross: the vertical one here, the horizontal one below
            ax.annotate(st["label"], xy=(0.0, 1.35), xytext=(4, 0), textcoords="offset points", ha="left",
                        va="center", color=st["color"], fontsize=fontsize, fontweight="bold", bbox=box,
                        zorder=4)
            xy, offset, ha, va = (1.35, 0.0), (0, 4), "center", "bottom"
        elif o < 1:  # the star's diagonal point is deep inside: write the label beside it
            t = _diagonal_point(o)
            xy, offset, ha, va = (t, t), (5, -1), "left", "center"
        else:
            t = _diagonal_point(o)
            xy, offset, ha, va = (t, t), (4, 4), "left", "bottom"
        ax.annotate(st["label"], xy=xy, xytext=offset, textcoords="offset points", ha=ha, va=va,
                    color=st["color"], fontsize=fontsize, fontweight="bold", bbox=box, zorder=4)


def plot_unit_balls(
    ords: Sequence[float] = (0.5, 1, 2, _INF),
    ax: Axes | None = None,
    *,
    fill: bool = False,
    show_l0: bool | None = None,
    annotate: bool = True,
) -> Axes:
    """Overlay the unit spheres {x : ||x||_p = 1} in the plane for several orders p.

    Parameters
    ----------
    ords : sequence of float, default=(0.5, 1, 2, inf)
        Orders to draw, each 0 or positive or ``inf``; 0 draws the L0 "ball", the
        coordinate-axes cross. Repeats are drawn once.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new square figure (4.8 x 4.8 in with the notebook style;
        6.4 x 4.8 with `annotate=False`, leaving room for the legend).
    fill : bool, default=False
        Shade each ball lightly in its norm's colour (not the L0 cross, which has no inside).
    show_l0 : bool, optional
        True adds the L0 cross, False leaves it out even if 0 is in `ords`; None (default)
        draws it only when 0 is in `ords`.
    annotate : bool, default=True
        Label each curve directly (on the first-quadrant diagonal), which reads best for
        up to five well-separated orders; False uses a legend outside the axes instead.

    Returns
    -------
    ax : matplotlib.axes.Axes
        The Axes drawn on, with equal aspect, limits [-1.5, 1.5] on both axes and labels
        $x_1$, $x_2$. No title: the lesson adds its takeaway (see :func:`finish`).

    Raises
    ------
    TypeError
        If an order is not a real number.
    ValueError
        If an order is negative or NaN, or `ords` is empty.

    See Also
    --------
    normlab.geometry.unit_sphere_2d : The curves drawn here.
    plot_unit_ball_grid : One ball per panel, on shared axes.

    Notes
    -----
    Curves use :func:`norm_style`, so each norm has its house colour and line style. The
    L0 cross stops at the figure's edge because it has no end. Used in lessons 00, 02, 03
    and 08.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_unit_balls
    >>> ax = plot_unit_balls((0, 0.5, 1, 2, np.inf))
    >>> [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    ['L0', 'p = 0.5', 'L1', 'L2', 'L∞']
    >>> print(ax.get_aspect(), ax.get_xlim() == ax.get_ylim() == (-1.5, 1.5))
    1.0 True
    """
    caller = "plot_unit_balls"
    ords = _as_ords(ords, caller=caller)
    if show_l0 is True and 0.0 not in ords:
        ords = [0.0, *ords]
    elif show_l0 is False:
        ords = [o for o in ords if o != 0.0]
        if not ords:
            raise ValueError(f"{caller}: nothing to draw: `ords` holds only 0 and `show_l0` is False.")
    styles = _styles_for(ords)
    if ax is None:
        ax = _new_axes("square" if annotate else "square+legend")
    _draw_axis_lines(ax)
    for o, st in zip(ords, styles):
        # the L0 cross goes under the closed curves, whose axis tips (p < 1 cusps) lie on it
        _draw_sphere(ax, o, st, fill=fill, zorder=1.8 if o == 0 else 2.5)
    _set_square_limits(ax, 1.5)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if annotate:
        _label_balls_directly(ax, ords, styles)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, handlelength=2.8)
    return ax


def plot_unit_ball_grid(
    ords: Sequence[float] = (0, 1, 2, _INF),
    axes: Sequence[Axes] | NDArray | None = None,
    *,
    fill: bool = True,
) -> NDArray:
    """Draw one unit sphere per panel (small multiples) on shared, equal-aspect axes.

    Parameters
    ----------
    ords : sequence of float, default=(0, 1, 2, inf)
        Orders, one per panel; 0 draws the L0 cross.
    axes : sequence of matplotlib.axes.Axes, optional
        One Axes per order; by default a new row of panels (9.6 x 2.9 in with the
        notebook style) sharing both axes.
    fill : bool, default=True
        Shade each ball lightly in its norm's colour.

    Returns
    -------
    axes : ndarray of matplotlib.axes.Axes, shape (len(ords),)
        The panels, each titled with its norm's label, limits [-1.5, 1.5], equal aspect.

    Raises
    ------
    TypeError
        If an order is not a real number.
    ValueError
        If an order is negative or NaN, or `axes` does not hold one Axes per order.

    See Also
    --------
    plot_unit_balls : All orders overlaid on one Axes.

    Notes
    -----
    The teaser figure of lesson 00 (the four "balls", L0 drawn as the axes cross).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_unit_ball_grid
    >>> axes = plot_unit_ball_grid()
    >>> [ax.get_title() for ax in axes]
    ['L0', 'L1', 'L2', 'L∞']
    """
    caller = "plot_unit_ball_grid"
    ords = _as_ords(ords, caller=caller)
    styles = _styles_for(ords)
    if axes is None:
        w, h = plt.rcParams["figure.figsize"]
        width = w if w / h > 1.7 else 1.5 * w
        side = min(h, width / len(ords))
        # "compressed" is constrained layout for fixed-aspect panels: plain constrained
        # layout clips the x labels of equal-aspect panels with hidden tick labels.
        _, axes = plt.subplots(1, len(ords), figsize=(width, side * 1.2), sharex=True, sharey=True,
                               squeeze=False, layout="compressed")
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.size != len(ords):
        raise ValueError(f"{caller}: `axes` must hold one Axes per order ({len(ords)}); got {axes.size}.")
    for i, (ax, o, st) in enumerate(zip(axes, ords, styles)):
        _draw_axis_lines(ax)
        _draw_sphere(ax, o, st, fill=fill)
        _set_square_limits(ax, 1.5)
        ax.set_title(st["label"], color=st["color"], fontweight="bold")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$" if i == 0 else "")
        ax.set_xticks([-1, 0, 1])
        ax.set_yticks([-1, 0, 1])
    return axes


# ---------------------------------------------------------------------------------------
# Norms against p
# ---------------------------------------------------------------------------------------


def _vectors(xs: Any, caller: str) -> list[NDArray]:
    """One 1-D float array per vector: from a 1-D array, a 2-D array (rows) or a list."""
    if isinstance(xs, (list, tuple)) and len(xs) > 0 and all(np.ndim(v) == 1 for v in xs):
        vecs = [as_float_array(v, f"xs[{i}]", caller=caller, ndim=1, allow_empty=False) for i, v in enumerate(xs)]
    else:
        arr = as_float_array(xs, "xs", caller=caller, ndim=(1, 2), allow_empty=False)
        vecs = [arr] if arr.ndim == 1 else list(arr)
    for i, v in enumerate(vecs):
        if np.iscomplexobj(v):
            raise TypeError(f"{caller}: `xs` must be real; vector {i} is complex.")
    return vecs


def _vector_label(x: NDArray) -> str:
    if x.size <= 4:
        return "x = (" + ", ".join(f"{v:g}".replace("-", "−") for v in x) + ")"
    return f"$x \\in \\mathbb{{R}}^{{{x.size}}}$"


def _spread_offsets(y_pts: NDArray, min_gap: float) -> NDArray:
    """Vertical offsets (points) that keep labels at `y_pts` at least `min_gap` apart."""
    y_pts = np.asarray(y_pts, dtype=float)
    order = np.argsort(y_pts)
    placed = y_pts[order].copy()
    for k in range(1, placed.size):
        placed[k] = max(placed[k], placed[k - 1] + min_gap)
    placed -= (placed - y_pts[order]).mean()  # recentre the group on the curves
    out = np.empty_like(placed)
    out[order] = placed
    return out - y_pts


def _label_right_edge(ax: Axes, ys: Sequence[float], texts: Sequence[str], colors: Sequence[str]) -> None:
    """Direct labels just outside the right edge of `ax`, at data heights `ys`, not overlapping."""
    ax.autoscale_view()
    fontsize = 0.9 * plt.rcParams["font.size"]
    fig = ax.figure
    to_pts = 72.0 / fig.dpi
    y_pts = np.array([ax.transData.transform((0.0, y))[1] for y in ys]) * to_pts
    dys = _spread_offsets(y_pts, 1.25 * fontsize)
    trans = ax.get_yaxis_transform()  # x in axes coordinates, y in data
    for y, dy, text, color in zip(ys, dys, texts, colors):
        ax.annotate(text, xy=(1.0, y), xycoords=trans, xytext=(5, dy), textcoords="offset points",
                    ha="left", va="center", color=color, fontsize=fontsize, annotation_clip=False)


def plot_norm_vs_p(
    xs: ArrayLike | Sequence[ArrayLike],
    ps: ArrayLike | None = None,
    ax: Axes | None = None,
    *,
    labels: Sequence[str] | None = None,
    log_p: bool = True,
    log_y: bool | None = None,
) -> Axes:
    """Plot ||x||_p against p for one or more vectors, with each vector's L∞ asymptote.

    Parameters
    ----------
    xs : array_like of shape (n,) or (k, n), or a sequence of 1-D arrays
        The vector(s); in a sequence, lengths may differ.
    ps : array_like of shape (m,), optional
        Positive, finite orders at which to evaluate; default 241 log-spaced values from
        0.25 to 100 (``log_p=True``) or 400 even steps from 0.25 to 20.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure of the house size.
    labels : sequence of str, optional
        One label per vector; default ``"x = (3, −4, 0)"`` for vectors of up to 4 entries,
        else "x ∈ ℝⁿ" (in mathtext).
    log_p : bool, default=True
        Log scale for p (x label ``"p (log scale)"``).
    log_y : bool, optional
        Log scale for the norm (y label ``"‖x‖_p (log scale)"``). By default it is used
        when the plotted values span more than a factor of 30, as they do at small p for
        long spread-out vectors.

    Returns
    -------
    ax : matplotlib.axes.Axes
        The Axes drawn on, titled with the takeaway "‖x‖_p never increases with p".

    Raises
    ------
    TypeError
        If `xs` or `ps` is not numeric, or `xs` is complex.
    ValueError
        If a vector is empty, `ps` holds a value that is not positive and finite, or
        `labels` does not have one entry per vector.

    See Also
    --------
    normlab.norms.vector_norm : The values plotted.

    Notes
    -----
    Each vector is a line (black and sky blue solid, dark grey dashed, then dashed black and
    sky blue: vectors are data, not norms) and its L∞ norm, the limit as p grows, a thin
    dotted line of the same color. Grey verticals mark p = 1 and p = 2. Up to three vectors are labelled
    directly at the right edge, more in a legend. NaN entries propagate to NaN curves.
    Used in lessons 02 and 15.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_norm_vs_p
    >>> ax = plot_norm_vs_p([3.0, -4.0, 0.0])
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('p (log scale)', '$\\\\Vert x\\\\Vert_p$')
    >>> (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "x = (3, −4, 0)"]
    >>> p, norms = line.get_data()
    >>> print(f"p = {p[0]:.2f}: {norms[0]:.2f};  p = {p[-1]:.0f}: {norms[-1]:.4f}")
    p = 0.25: 55.57;  p = 100: 4.0000
    """
    caller = "plot_norm_vs_p"
    from .norms import vector_norm

    vecs = _vectors(xs, caller)
    if ps is None:
        ps = np.geomspace(0.25, 100.0, 241) if log_p else np.linspace(0.25, 20.0, 400)
    ps = as_float_array(ps, "ps", caller=caller, ndim=1, allow_empty=False)
    if np.iscomplexobj(ps) or not np.all(np.isfinite(ps) & (ps > 0)):
        raise ValueError(
            f"{caller}: `ps` must hold positive, finite orders; got min {np.min(ps.real)!r}, max "
            f"{np.max(ps.real)!r}. The L∞ limit is drawn for you as a dotted line."
        )
    if labels is None:
        labels = [_vector_label(v) for v in vecs]
    else:
        labels = [str(s) for s in labels]
        if len(labels) != len(vecs):
            raise ValueError(f"{caller}: `labels` must have one entry per vector ({len(vecs)}); got {len(labels)}.")
    if ax is None:
        ax = _new_axes()
    for p in (1.0, 2.0):
        if ps.min() <= p <= ps.max():
            ax.axvline(p, color=PALETTE["grey"], linewidth=_CONTEXT_LW, zorder=1.5)
            ax.annotate(f"p = {p:g}", xy=(p, 1.0), xycoords=ax.get_xaxis_transform(), xytext=(3, -3),
                        textcoords="offset points", ha="left", va="top", color="#666666",
                        fontsize=0.85 * plt.rcParams["font.size"])
    ends, colors, lows, highs = [], [], [], []
    for i, (v, label) in enumerate(zip(vecs, labels)):
        color, ls = _DATA_STYLES[i % len(_DATA_STYLES)]
        values = np.array([vector_norm(v, ord=float(p)) for p in ps], dtype=float)
        ax.plot(ps, values, color=color, linestyle=ls, label=label, zorder=3)
        vmax = float(vector_norm(v, ord=_INF))
        positive = values[np.isfinite(values) & (values > 0)]
        if positive.size:
            lows.append(min(positive.min(), vmax) if vmax > 0 else positive.min())
            highs.append(positive.max())
        ax.axhline(vmax, color=color, linestyle=":", linewidth=0.6 * plt.rcParams["lines.linewidth"], zorder=2)
        ends.append(vmax)
        colors.append(color)
    if log_p:
        ax.set_xscale("log")
        ticks = [t for t in (0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if ps.min() <= t <= ps.max()]
        ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xlabel("p (log scale)")
    else:
        ax.set_xlabel("p")
    if log_y is None:
        log_y = bool(lows) and max(highs) > 30 * min(lows)
    if log_y:
        ax.set_yscale("log")
        ax.set_ylabel(r"$\Vert x\Vert_p$ (log scale)")
    else:
        ax.set_ylabel(r"$\Vert x\Vert_p$")
    ax.set_xlim(ps.min(), ps.max())
    ax.set_title(r"$\Vert x\Vert_p$ never increases with p; dotted: the limit $\Vert x\Vert_\infty$")
    if len(vecs) <= 3:
        _label_right_edge(ax, ends, labels, colors)
    else:
        ax.legend(loc="upper right")
    return ax


# ---------------------------------------------------------------------------------------
# Constrained minimum of a quadratic loss over a norm ball
# ---------------------------------------------------------------------------------------


def _norm_2d(x: float, y: float, p: float) -> float:
    """||(x, y)||_p without overflow or underflow, for 0 < p <= inf."""
    m = max(abs(x), abs(y))
    if m == 0.0 or p == _INF:
        return m
    return m * ((abs(x) / m) ** p + (abs(y) / m) ** p) ** (1.0 / p)


def _sphere_param(p: float, t: NDArray) -> tuple[NDArray, NDArray]:
    """Points of the unit sphere of order `p`, smoothly parametrized by t (period 2 pi).

    For p <= 2 the superellipse map (sgn cos t |cos t|^(2/p), sgn sin t |sin t|^(2/p)) puts
    many points on the thin arms of small-p spheres and is smooth at the axis tips; for
    p > 2 the radial map u / ||u||_p with u = (cos t, sin t) stays even as p grows.
    """
    c, s = np.cos(t), np.sin(t)
    if p <= 2.0:
        e = 2.0 / p
        return np.sign(c) * np.abs(c) ** e, np.sign(s) * np.abs(s) ** e
    m = np.maximum(np.abs(c), np.abs(s))
    if p == _INF:
        return c / m, s / m
    n = m * ((np.abs(c) / m) ** p + (np.abs(s) / m) ** p) ** (1.0 / p)
    return c / n, s / n


def _check_center_cov(center: Any, cov: Any, caller: str) -> tuple[NDArray, NDArray]:
    c = as_float_array(center, "center", caller=caller, ndim=1)
    if c.shape != (2,):
        raise ValueError(f"{caller}: `center` must have shape (2,); got {c.shape}.")
    S = as_float_array(cov, "cov", caller=caller, ndim=2)
    if S.shape != (2, 2):
        raise ValueError(f"{caller}: `cov` must have shape (2, 2); got {S.shape}.")
    for name, arr in (("center", c), ("cov", S)):
        if np.iscomplexobj(arr):
            raise TypeError(f"{caller}: `{name}` must be real; got dtype {arr.dtype}.")
        check_finite(arr, name, caller=caller)
    c, S = c.astype(np.float64), S.astype(np.float64)
    if not np.allclose(S, S.T, rtol=1e-10, atol=1e-12 * np.abs(S).max()):
        raise ValueError(f"{caller}: `cov` must be symmetric; got {S.tolist()}.")
    eig = np.linalg.eigvalsh(S)
    if not eig[0] > 1e-12 * max(eig[1], 0.0):
        raise ValueError(
            f"{caller}: `cov` must be positive definite; got eigenvalues {eig[0]:.3g} and {eig[1]:.3g}."
        )
    return c, S


def constrained_minimizer_2d(
    center: ArrayLike, cov: ArrayLike, ord: float, radius: float = 1.0
) -> NDArray[np.float64]:
    """Minimize the quadratic loss (x - c)ᵀ cov⁻¹ (x - c) over the 2-D ball ||x||_ord <= radius.

    Parameters
    ----------
    center : array_like of shape (2,)
        c, the unconstrained minimum of the loss; integers become float64.
    cov : array_like of shape (2, 2)
        Symmetric positive-definite matrix shaping the elliptical level sets; the
        ellipses' axes are its eigenvectors, their half-lengths grow with its eigenvalues.
    ord : float
        Order of the ball, in (0, inf]. For ord < 1 the "ball" is not convex.
    radius : float, default=1.0
        Radius of the ball; must be positive.

    Returns
    -------
    x : ndarray of shape (2,)
        A minimizer: `center` itself if it lies in the ball, else the point where the
        smallest loss level set first touches the sphere ||x||_ord = radius. A coordinate
        of a solution on an axis (a sparse solution) is exactly 0.

    Raises
    ------
    TypeError
        If an argument is not numeric (or `center`/`cov` is complex).
    ValueError
        If `center` is not of shape (2,), `cov` is not a symmetric positive-definite
        2 x 2 matrix, `ord` is not in (0, inf] (ord=0 included: the L0 cross has no
        inside), `radius` is not positive, or any input is NaN or infinite.

    See Also
    --------
    plot_constrained_solution : Draws the ball, the level sets and this point.
    normlab.geometry.project_onto_ball : The case cov = identity, for ord in {1, 2, inf}.

    Notes
    -----
    If `center` is outside the ball the minimum lies on its boundary, for every ord > 0
    (a point inside could move towards `center` and lower the loss). The boundary is
    sampled at 4,096 points of a smooth parametrization, the lowest few local minima are
    refined with a bounded scalar search (SciPy), and the axis tips (±r, 0), (0, ±r) and
    diagonal points are tried as well: when one of them is as good to a relative 1e-10,
    it is returned exactly, so vertex solutions (L1, p < 1) have exact zeros and L∞
    corner solutions exactly equal magnitudes. For 0 < ord < 1 the problem is non-convex;
    the global minimum is returned (the dense sample finds it). Non-finite input raises.
    Used in lessons 02, 07 and 08, and by ``normlab.widgets.unit_ball_explorer``.

    Examples
    --------
    >>> from normlab.viz import constrained_minimizer_2d
    >>> cov = [[1.0, 0.0], [0.0, 1.0]]
    >>> np.round(constrained_minimizer_2d([3.0, 4.0], cov, ord=2), 6)  # identity cov: rescale
    array([0.6, 0.8])
    >>> constrained_minimizer_2d([2.0, 0.5], cov, ord=1)      # a vertex: sparse
    array([1., 0.])
    >>> constrained_minimizer_2d([0.2, 0.3], cov, ord=1)      # inside: the centre itself
    array([0.2, 0.3])
    """
    caller = "constrained_minimizer_2d"
    c, S = _check_center_cov(center, cov, caller)
    p = _check_ord(ord, caller=caller, allow_zero=False)
    r = check_positive(radius, "radius", caller=caller)
    if _norm_2d(c[0], c[1], p) <= r:
        return c.copy()

    P = np.linalg.inv(S)
    P = 0.5 * (P + P.T)
    a, b, d = P[0, 0], P[0, 1], P[1, 1]

    def loss(x: NDArray, y: NDArray) -> NDArray:
        dx, dy = x - c[0], y - c[1]
        return a * dx * dx + 2.0 * b * dx * dy + d * dy * dy

    n = 4096
    h = 2.0 * np.pi / n
    t = np.arange(n) * h
    X, Y = _sphere_param(p, t)
    F = loss(r * X, r * Y)
    is_min = (F <= np.roll(F, 1)) & (F <= np.roll(F, -1))
    candidates = np.flatnonzero(is_min)
    candidates = candidates[np.argsort(F[candidates])][:4]

    from scipy.optimize import minimize_scalar

    def loss_t(tt: float) -> float:
        x, y = _sphere_param(p, np.array([tt]))
        return float(loss(r * x, r * y)[0])

    best_f, best_x = math.inf, None
    for i in candidates:
        res = minimize_scalar(loss_t, bounds=(t[i] - h, t[i] + h), method="bounded",
                              options={"xatol": 1e-12, "maxiter": 500})
        for tt, ft in ((res.x, res.fun), (t[i], F[i])):
            if ft < best_f:
                x, y = _sphere_param(p, np.array([tt]))
                best_f, best_x = float(ft), np.array([r * x[0], r * y[0]])

    # Exact special points: axis tips (sparse) and diagonal points (L-inf corners).
    q = r * _diagonal_point(p)
    special = np.array([[r, 0.0], [-r, 0.0], [0.0, r], [0.0, -r], [q, q], [-q, q], [q, -q], [-q, -q]])
    f_special = loss(special[:, 0], special[:, 1])
    k = int(np.argmin(f_special))
    if f_special[k] <= best_f + 1e-10 * abs(best_f):
        best_x = special[k].copy()
    return best_x


class ConstrainedPlot(NamedTuple):
    """What :func:`plot_constrained_solution` returns: the Axes and the touch point."""

    ax: Axes
    point: NDArray[np.float64]


def _fmt(v: float) -> str:
    """Fixed 3-decimal format without a '-0.000'."""
    s = f"{v:.3f}"
    return "0.000" if s in ("-0.000", "0.000") else s


def _describe_solution(x: NDArray, p: float, r: float, inside: bool) -> str:
    if inside:
        return "inside the ball: the constraint is inactive"
    tol = 1e-9 * r
    if np.any(np.abs(x) <= tol):
        return "lands on an axis: sparse"
    if p == _INF and abs(abs(x[0]) - abs(x[1])) <= tol:
        return "lands on a corner: |x₁| = |x₂| pinned; not sparse"
    if p == _INF:
        i = int(np.argmax(np.abs(x)))
        return f"lands on an edge: |x{'₁₂'[i]}| pinned at the max; not sparse"
    return "off the axes: not sparse"


def _ellipse(center: NDArray, chol: NDArray, level: float, n: int = 361) -> tuple[NDArray, NDArray]:
    t = np.linspace(0.0, 2.0 * np.pi, n)
    pts = center[:, None] + math.sqrt(level) * (chol @ np.vstack([np.cos(t), np.sin(t)]))
    return pts[0], pts[1]


def plot_constrained_solution(
    center: ArrayLike,
    cov: ArrayLike,
    ord: float,
    ax: Axes | None = None,
    *,
    radius: float = 1.0,
) -> ConstrainedPlot:
    """Draw a norm ball, the level sets of a quadratic loss, and where they first touch.

    Parameters
    ----------
    center : array_like of shape (2,)
        The loss's unconstrained minimum c.
    cov : array_like of shape (2, 2)
        Symmetric positive-definite matrix of the loss (x - c)ᵀ cov⁻¹ (x - c).
    ord : float
        Order of the ball, in (0, inf]; below 1 the ball is not convex.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new square figure (4.8 x 4.8 in with the notebook style).
    radius : float, default=1.0
        Radius of the ball.

    Returns
    -------
    result : ConstrainedPlot
        ``(ax, point)``: the Axes drawn on (equal aspect, both axes labelled, a two-line
        title giving the touch point to 3 decimals and whether it is sparse) and the
        minimizer from :func:`constrained_minimizer_2d`.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        As :func:`constrained_minimizer_2d`.

    See Also
    --------
    constrained_minimizer_2d : The computation, without the picture.
    normlab.widgets.unit_ball_explorer : This figure with a p slider.

    Notes
    -----
    The ball is shaded and outlined in its norm's house style; the level set through the
    touch point is black, two smaller and two larger ones are grey; the unconstrained
    minimum is a black cross labelled "loss minimum", the touch point a large dot in the
    norm's colour. Every artist has a label, so ``ax.legend()`` adds a legend. Limits
    are symmetric and shared by both axes, so shapes are not distorted. If `center` is
    inside the ball, it is the answer and is marked as such. Used in lessons 02, 07, 08.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_constrained_solution
    >>> ax, point = plot_constrained_solution([1.5, 0.5], [[1.0, -0.5], [-0.5, 1.0]], ord=1)
    >>> print(ax.get_title())
    L1 ball: touch point (1.000, 0.000)
    lands on an axis: sparse
    >>> point
    array([1., 0.])
    """
    caller = "plot_constrained_solution"
    c, S = _check_center_cov(center, cov, caller)
    p = _check_ord(ord, caller=caller, allow_zero=False)
    r = check_positive(radius, "radius", caller=caller)
    x = constrained_minimizer_2d(c, S, p, r)
    inside = bool(np.array_equal(x, c))
    style = norm_style(p)
    if ax is None:
        ax = _new_axes("square")

    _draw_axis_lines(ax)
    _draw_sphere(ax, p, style, radius=r, fill=True, label=f"{style['label']} ball", zorder=2.5)

    chol = np.linalg.cholesky(S)
    P = np.linalg.inv(S)
    level = float((x - c) @ P @ (x - c))
    grey = dict(color=PALETTE["grey"], linewidth=1.0, zorder=2)
    if level > 0:
        for k, s in enumerate((0.35, 0.7, 1.35, 1.7)):
            ax.plot(*_ellipse(c, chol, level * s * s), label="loss level sets" if k == 0 else None, **grey)
        ax.plot(*_ellipse(c, chol, level), color=PALETTE["black"], linewidth=1.4, zorder=3,
                label="level set that touches")
    else:  # inside: show a few level sets around the centre for context
        scale = 0.25 * r / math.sqrt(np.linalg.eigvalsh(S)[1])
        for k, s in enumerate((1.0, 2.0, 3.0)):
            ax.plot(*_ellipse(c, chol, (s * scale) ** 2), label="loss level sets" if k == 0 else None, **grey)
    ms = plt.rcParams["lines.markersize"]
    ax.plot(*c, marker="x", linestyle="none", color=PALETTE["black"], markersize=1.4 * ms,
            markeredgewidth=2.0, zorder=7 if inside else 5, label="unconstrained minimum")
    ax.plot(*x, marker="o", linestyle="none", color=style["color"], markeredgecolor=PALETTE["black"],
            markersize=1.6 * ms, markeredgewidth=1.2, zorder=6, label="constrained minimum")

    lim = max(1.5 * r, 1.25 * float(np.max(np.abs(c))))
    _set_square_limits(ax, lim)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    # One direct label; the title names the touch point. Artists keep labels for ax.legend().
    above = x[1] <= c[1]  # on the side of the cross away from the touch point
    ax.annotate("loss\nminimum", xy=tuple(c), xytext=(0, 9 if above else -9), textcoords="offset points",
                ha="center", va="bottom" if above else "top", fontsize=0.85 * plt.rcParams["font.size"],
                linespacing=1.0,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85),
                zorder=7)
    what = "minimum at" if inside else "touch point"
    ax.set_title(f"{style['label']} ball: {what} ({_fmt(x[0])}, {_fmt(x[1])})\n"
                 f"{_describe_solution(x, p, r, inside)}")
    return ConstrainedPlot(ax, x)


# ---------------------------------------------------------------------------------------
# Regularization paths
# ---------------------------------------------------------------------------------------


def plot_path(
    alphas: ArrayLike,
    coefs: ArrayLike,
    names: Sequence[str] | None = None,
    ax: Axes | None = None,
    *,
    log_x: bool = True,
    highlight: int | Sequence[int | str] | None = None,
) -> Axes:
    """Plot a regularization path: each coefficient against the penalty strength alpha.

    Parameters
    ----------
    alphas : array_like of shape (n_alphas,)
        Penalty strengths (scikit-learn's alpha, whose scaling depends on the estimator);
        positive when `log_x` is True.
    coefs : array_like of shape (n_features, n_alphas)
        Coefficients along the path, as ``sklearn.linear_model.lasso_path`` returns them;
        the transpose (n_alphas, n_features) is accepted when the shape is unambiguous.
    names : sequence of str, optional
        Feature names; default ``"feature 0"``, ``"feature 1"``, ...
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure of the house size.
    log_x : bool, default=True
        Log scale for alpha (x label ``"α (log scale)"``).
    highlight : int or sequence of int or str, optional
        Which lines to colour and label directly: a number k (the k features with the
        largest |coefficient| anywhere on the path) or feature indices/names. Default 3.
        The other lines are thin and grey.

    Returns
    -------
    ax : matplotlib.axes.Axes
        The Axes drawn on. The alpha axis is inverted (strong penalty on the left), so
        the model grows from left to right and labels sit at the right edge.

    Raises
    ------
    TypeError
        If `alphas` or `coefs` is not numeric.
    ValueError
        If the shapes do not match, `names` has the wrong length, an alpha is not
        positive with ``log_x=True``, or `highlight` names an unknown feature.

    See Also
    --------
    sklearn.linear_model.lasso_path, sklearn.linear_model.enet_path : Compute the path.

    Notes
    -----
    Features are data, not norms: highlighted lines are black and sky blue, solid then
    dashed, never a norm's colour. A grey line marks 0. NaN coefficients leave gaps.
    Used in lessons 04, 07, 19 and 22.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_path
    >>> alphas = np.geomspace(1.0, 0.01, 5)
    >>> coefs = np.array([[0.0, 0.5, 1.0, 1.4, 1.5], [0.0, 0.0, -0.3, -0.6, -0.7]])
    >>> ax = plot_path(alphas, coefs, names=["bmi", "s5"])
    >>> ax.get_xlabel(), ax.get_ylabel(), [t.get_text() for t in ax.texts]
    ('α (log scale)', 'coefficient', ['bmi', 's5'])
    """
    caller = "plot_path"
    alphas = as_float_array(alphas, "alphas", caller=caller, ndim=1, allow_empty=False)
    coefs = as_float_array(coefs, "coefs", caller=caller, ndim=(1, 2), allow_empty=False)
    for name, arr in (("alphas", alphas), ("coefs", coefs)):
        if np.iscomplexobj(arr):
            raise TypeError(f"{caller}: `{name}` must be real; got dtype {arr.dtype}.")
    if coefs.ndim == 1:
        coefs = coefs[None, :]
    if coefs.shape[1] != alphas.size:
        if coefs.shape[0] == alphas.size:
            coefs = coefs.T
        else:
            raise ValueError(
                f"{caller}: `coefs` must have shape (n_features, {alphas.size}) to match `alphas`; "
                f"got {coefs.shape}."
            )
    n_features = coefs.shape[0]
    if names is None:
        names = [f"feature {j}" for j in range(n_features)]
    else:
        names = [str(s) for s in names]
        if len(names) != n_features:
            raise ValueError(f"{caller}: `names` must have one entry per feature ({n_features}); got {len(names)}.")
    if log_x and not np.all(alphas > 0):
        raise ValueError(f"{caller}: `alphas` must be positive for a log axis; got min {alphas.min()!r}. "
                         "Pass log_x=False to plot alpha = 0.")

    if isinstance(highlight, (bool, np.bool_)) or isinstance(highlight, (str, bytes)):
        raise TypeError(f"{caller}: `highlight` must be a number of lines or a sequence of feature names "
                        f"or indices; got {highlight!r}.")
    if highlight is None or isinstance(highlight, (int, np.integer)):
        k = 3 if highlight is None else check_int(highlight, "highlight", caller=caller, minimum=0)
        size = np.nanmax(np.abs(coefs), axis=1)
        size = np.where(np.isnan(size), -1.0, size)
        chosen = [int(j) for j in np.argsort(-size, kind="stable")[:k]]
    else:
        chosen = []
        for h in highlight:
            if isinstance(h, str):
                if h not in names:
                    raise ValueError(f"{caller}: `highlight` names unknown feature {h!r}; features are {names}.")
                chosen.append(names.index(h))
            else:
                j = check_int(h, "highlight", caller=caller, minimum=0)
                if j >= n_features:
                    raise ValueError(f"{caller}: `highlight` index {j} is out of range for {n_features} features.")
                chosen.append(j)

    if ax is None:
        ax = _new_axes()
    ax.axhline(0.0, color=PALETTE["grey"], linewidth=_CONTEXT_LW, zorder=1.5)
    order = np.argsort(alphas)
    for j in range(n_features):
        if j not in chosen:
            ax.plot(alphas[order], coefs[j, order], color=PALETTE["grey"], linewidth=1.0, zorder=2)
    ends, labels, colors = [], [], []
    i_end = int(np.argmin(alphas))
    for rank, j in enumerate(chosen):
        color, ls = _DATA_STYLES[rank % len(_DATA_STYLES)]
        ax.plot(alphas[order], coefs[j, order], color=color, linestyle=ls, label=names[j], zorder=3)
        ends.append(float(coefs[j, i_end]))
        labels.append(names[j])
        colors.append(color)
    if log_x:
        ax.set_xscale("log")
        ax.set_xlabel("α (log scale)")
    else:
        ax.set_xlabel("α")
    ax.set_ylabel("coefficient")
    ax.set_xlim(alphas.max(), alphas.min())  # inverted: the model grows left to right
    if chosen:
        _label_right_edge(ax, ends, labels, colors)
    return ax


# ---------------------------------------------------------------------------------------
# Norm ratios of random vectors (lesson 08)
# ---------------------------------------------------------------------------------------


def plot_norm_ratios(dim: int = 64, ax: Axes | None = None, *, n_vectors: int = 400, rng: Any = 0) -> Axes:
    r"""Scatter ‖x‖₁/‖x‖₂ against ‖x‖₂/‖x‖∞ for random vectors in `dim` dimensions, with the bounds.

    Every nonzero x in :math:`\mathbb{R}^d` has :math:`1 \le \Vert x\Vert_1/\Vert x\Vert_2 \le \sqrt d`
    and :math:`1 \le \Vert x\Vert_2/\Vert x\Vert_\infty \le \sqrt d`, so every point of this
    scatter lies in the square :math:`[1, \sqrt d]^2`, drawn in gray.

    Parameters
    ----------
    dim : int, default=64
        Dimension d of the vectors, at least 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new square figure (4.8 x 4.8 in with the notebook style).
    n_vectors : int, default=400
        Number of random vectors, each with independent standard normal entries; at least 1.
    rng : int, numpy.random.Generator or None, default=0
        Seed or generator for ``numpy.random.default_rng``; the default gives the same
        picture on every call.

    Returns
    -------
    ax : matplotlib.axes.Axes
        The Axes drawn on: equal aspect, both axes labeled, limits [0, 1.12 √d] on both,
        a two-line title (the takeaway; then d, √d and the mean of ‖x‖₁/‖x‖₂ to 2 decimals).

    Raises
    ------
    TypeError
        If `dim` or `n_vectors` is not an integer.
    ValueError
        If `dim` or `n_vectors` is below 1.

    See Also
    --------
    normlab.norms.norm_bounds : The constants 1 and √d, for any pair of orders.
    normlab.widgets.norm_ratio_explorer : This figure with a dimension slider.

    Notes
    -----
    The random vectors are black dots. The two vectors that attain the bounds are marked and
    labeled: :math:`e_1` (one nonzero entry) at (1, 1) and the all-ones vector (all
    :math:`\lvert x_i\rvert` equal) at :math:`(\sqrt d, \sqrt d)`. A sky-blue vertical line
    marks :math:`\sqrt{2d/\pi}`, where ‖x‖₁/‖x‖₂ of a Gaussian vector concentrates (by the
    law of large numbers, ‖x‖₁ ≈ d √(2/π) and ‖x‖₂ ≈ √d). Used in lesson 08.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_norm_ratios
    >>> ax = plot_norm_ratios(100)
    >>> print(ax.get_xlabel(), "|", ax.get_ylabel())
    $\Vert x\Vert_1 \,/\, \Vert x\Vert_2$ | $\Vert x\Vert_2 \,/\, \Vert x\Vert_\infty$
    >>> r12, r2inf = ax.collections[0].get_offsets().T
    >>> print(f"{r12.min():.2f} to {r12.max():.2f}, within [1, 10]")
    7.24 to 8.59, within [1, 10]
    """
    caller = "plot_norm_ratios"
    d = check_int(dim, "dim", caller=caller, minimum=1)
    k = check_int(n_vectors, "n_vectors", caller=caller, minimum=1)
    X = np.random.default_rng(rng).standard_normal((k, d))
    a = np.abs(X)
    l1, l2, linf = a.sum(axis=1), np.sqrt(np.sum(a * a, axis=1)), a.max(axis=1)
    r12, r2inf = l1 / l2, l2 / linf
    s = math.sqrt(d)
    if ax is None:
        ax = _new_axes("square")

    grey = dict(color=PALETTE["grey"], linewidth=1.2, zorder=1.5)
    ax.plot([1, s, s, 1, 1], [1, 1, s, s, 1], label="bounds 1 and √d", **grey)
    ax.axvline(math.sqrt(2 * d / math.pi), color=PALETTE["sky_blue"], linewidth=1.6, zorder=1.8,
               label="$\\sqrt{2d/\\pi}$")
    ms = plt.rcParams["lines.markersize"]
    ax.scatter(r12, r2inf, s=(0.6 * ms) ** 2, color=PALETTE["black"], alpha=0.35, linewidths=0,
               zorder=3, label=f"{k} Gaussian vectors")
    ax.plot([1, s], [1, s], linestyle="none", marker="o", markersize=1.3 * ms, color="white",
            markeredgecolor=PALETTE["black"], markeredgewidth=1.4, zorder=4, label="extreme vectors")
    fontsize = 0.85 * plt.rcParams["font.size"]
    box = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)
    below = d <= 4  # small d: the scatter hugs the box's lower edge, so write the label under it
    ax.annotate("$e_1$: one nonzero entry", xy=(1, 1), xytext=(7, -7 if below else 7), textcoords="offset points",
                ha="left", va="top" if below else "bottom", fontsize=fontsize, bbox=box, zorder=5)
    if d > 1:
        ax.annotate("all $|x_i|$ equal", xy=(s, s), xytext=(-7, 7), textcoords="offset points",
                    ha="right", va="bottom", fontsize=fontsize, bbox=box, zorder=5)
    ax.annotate("$\\sqrt{2d/\\pi}$", xy=(math.sqrt(2 * d / math.pi), 0), xycoords=("data", "axes fraction"),
                xytext=(4, 6), textcoords="offset points", ha="left", va="bottom", fontsize=fontsize,
                bbox=box, zorder=5)
    lim = 1.12 * s
    ax.set_xlim(0, lim)
    ax.set_ylim(0, lim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("$\\Vert x\\Vert_1 \\,/\\, \\Vert x\\Vert_2$")
    ax.set_ylabel("$\\Vert x\\Vert_2 \\,/\\, \\Vert x\\Vert_\\infty$")
    ax.set_title(f"Every vector lies between the bounds 1 and √d\n"
                 f"d = {d}, √d = {s:.2f}; mean ‖x‖₁/‖x‖₂ = {float(np.mean(r12)):.2f}")
    return ax


# ---------------------------------------------------------------------------------------
# Pass/fail grids (lessons 01, 03 and 09)
# ---------------------------------------------------------------------------------------

#: Light fills for PASS (Okabe-Ito blue) and FAIL (vermillion), 30% colour on white.
_PASS_FILL = "#B2D5E8"
_FAIL_FILL = "#F2CFB2"


def plot_pass_fail_grid(
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    passed: ArrayLike,
    ax: Axes | None = None,
    *,
    title: str | None = None,
) -> Axes:
    """Draw a candidates × axioms grid that writes PASS or FAIL in every cell.

    Parameters
    ----------
    row_labels : sequence of str
        One label per row (the candidates), top to bottom.
    col_labels : sequence of str
        One label per column (the axioms or tests), left to right; written above the
        grid. A ``"\\n"`` breaks a long label.
    passed : array_like of bool, shape (n_rows, n_cols)
        True (or 1) where the candidate passed, False (or 0) where it failed.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure of the house width, about 0.45 in per row.
    title : str, optional
        The takeaway ("Only the norms pass every axiom").

    Returns
    -------
    ax : matplotlib.axes.Axes
        The Axes drawn on. Its texts are the cell words, row by row; axis labels are left
        to the caller (:func:`finish`).

    Raises
    ------
    TypeError
        If a label sequence is a single string, or `passed` is not numeric or boolean.
    ValueError
        If `passed` is not 2-D, its shape does not match the labels, or it holds a value
        other than True/False (1/0), NaN included.

    See Also
    --------
    normlab.norms.check_norm_axioms, normlab.norms.metric_axioms : Produce the verdicts.

    Notes
    -----
    The words carry the verdict and the colours repeat it, so the grid reads in greyscale
    and for colour-blind readers: PASS on a light Okabe-Ito blue, FAIL on a light
    vermillion, both in bold black. White lines separate the cells.
    Used in lessons 01, 03 and 09.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_pass_fail_grid
    >>> ax = plot_pass_fail_grid(["L2", "L0 count"], ["homogeneity", "triangle"],
    ...                          [[True, True], [False, True]], title="L0 fails only homogeneity")
    >>> [t.get_text() for t in ax.texts]
    ['PASS', 'PASS', 'FAIL', 'PASS']
    >>> [t.get_text() for t in ax.get_yticklabels()], ax.get_title()
    (['L2', 'L0 count'], 'L0 fails only homogeneity')
    """
    caller = "plot_pass_fail_grid"
    labels = []
    for name, seq in (("row_labels", row_labels), ("col_labels", col_labels)):
        if isinstance(seq, (str, bytes)):
            raise TypeError(f"{caller}: `{name}` must be a sequence of labels, not one string; got {seq!r}.")
        labels.append([str(s) for s in seq])
    rows, cols = labels
    grid = as_float_array(passed, "passed", caller=caller, ndim=2, allow_empty=False)
    if np.iscomplexobj(grid):
        raise TypeError(f"{caller}: `passed` must hold True/False; got dtype {grid.dtype}.")
    if grid.shape != (len(rows), len(cols)):
        raise ValueError(
            f"{caller}: `passed` must have shape (len(row_labels), len(col_labels)) = "
            f"({len(rows)}, {len(cols)}); got {grid.shape}."
        )
    if not np.all((grid == 0) | (grid == 1)):
        bad = grid[~((grid == 0) | (grid == 1))][0]
        raise ValueError(f"{caller}: `passed` must hold only True/False (or 1/0); got {bad!r}.")
    ok = grid == 1

    if ax is None:
        w, _ = plt.rcParams["figure.figsize"]
        scale = plt.rcParams["font.size"] / 11.0  # slides: larger font, taller rows
        lines = max(s.count("\n") for s in cols) + 1
        height = scale * (0.45 * len(rows) + 0.25 * lines + 1.0)
        _, ax = plt.subplots(figsize=(w, height))
    from matplotlib.colors import to_rgb

    fills = np.array([[to_rgb(_PASS_FILL if v else _FAIL_FILL) for v in row] for row in ok])
    ax.imshow(fills, aspect="auto", interpolation="nearest")
    for (i, j), v in np.ndenumerate(ok):
        ax.text(j, i, "PASS" if v else "FAIL", ha="center", va="center", fontweight="bold", color="black")
    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xticks(np.arange(-0.5, len(cols)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows)), minor=True)
    ax.grid(False)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.spines[:].set_visible(False)
    ax.tick_params(which="both", length=0, top=True, labeltop=True, bottom=False, labelbottom=False)
    if title is not None:
        ax.set_title(title)
    return ax


# ---------------------------------------------------------------------------------------
# A digit under a bounded perturbation (lesson 06)
# ---------------------------------------------------------------------------------------


def plot_perturbed_digit(
    x: ArrayLike,
    delta: ArrayLike,
    axes: Sequence[Axes] | None = None,
    *,
    clip: tuple[float, float] | None = (0.0, 1.0),
    predictions: tuple[Any, Any] | None = None,
    eps: float | None = None,
    shape: tuple[int, int] = (8, 8),
) -> NDArray:
    """Three panels: an image, a perturbation δ, and the perturbed image clip(x + δ).

    Parameters
    ----------
    x : array_like of shape (h*w,)
        The clean image, flattened row by row (a digit from ``load_digits_unit``), pixels
        in [0, 1].
    delta : array_like of shape (h*w,)
        The perturbation (for example ``-eps * sign(w_y - w_j)``).
    axes : sequence of three matplotlib Axes, optional
        Where to draw; by default a new figure of 9.6 x 3.4 in (notebook style) with one row
        of three panels.
    clip : (float, float) or None, default=(0.0, 1.0)
        Valid pixel range: the third panel shows ``np.clip(x + delta, *clip)``; None shows
        ``x + delta`` (values outside [0, 1] then saturate the grey scale).
    predictions : (label, label), optional
        A model's predicted class for the clean and the perturbed image, written in the
        titles of the first and third panels (the third adds "changed" when they differ).
    eps : float, optional
        Budget ε: the colour limits of the δ panel are ±ε and its title states it; by
        default the limits are ±max|δ_i| and the title states that value.
    shape : (int, int), default=(8, 8)
        Image height and width.

    Returns
    -------
    axes : ndarray of three Axes
        Clean image, perturbation, perturbed image; images in grey (``gray_r``: ink dark,
        from 0 to 1), the perturbation in the diverging ``RdBu_r`` centred on 0 (red raises a
        pixel, blue lowers it) with a colour bar.

    Raises
    ------
    TypeError
        If `x` or `delta` is not real and numeric.
    ValueError
        If `x` or `delta` does not have ``h*w`` entries, `clip` is not a pair with
        lo <= hi, `eps` is negative, or `axes` does not hold three Axes.

    See Also
    --------
    normlab.robust.worst_case_perturbation : The worst-case δ for a linear score.
    normlab.widgets.epsilon_explorer : This figure with a slider for ε.

    Notes
    -----
    Pixel indices carry no meaning, so the panels have no ticks. NaN pixels are drawn
    blank. Used in lesson 06 (and 24).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_perturbed_digit
    >>> x = np.linspace(0, 1, 64)
    >>> delta = 0.1 * np.sign(np.sin(np.arange(64)))
    >>> axes = plot_perturbed_digit(x, delta, predictions=(3, 5), eps=0.1)
    >>> [ax.get_title().splitlines()[-1] for ax in axes]
    ['predicted 3', '‖δ‖∞ ≤ ε = 0.100', 'predicted 5 (changed)']
    """
    caller = "plot_perturbed_digit"
    h, w = (check_int(s, "shape", caller=caller, minimum=1) for s in shape)
    x = as_float_array(x, "x", caller=caller, ndim=1)
    delta = as_float_array(delta, "delta", caller=caller, ndim=1)
    for name, arr in (("x", x), ("delta", delta)):
        if np.iscomplexobj(arr):
            raise TypeError(f"{caller}: `{name}` must be real; got an array of dtype {arr.dtype}.")
        if arr.size != h * w:
            raise ValueError(f"{caller}: `{name}` must have {h * w} entries for shape {(h, w)}; got {arr.size}.")
    perturbed = x + delta
    if clip is not None:
        try:
            lo, hi = (float(c) for c in clip)
        except (TypeError, ValueError):
            raise ValueError(f"{caller}: `clip` must be a pair (lo, hi) or None; got {clip!r}.") from None
        if not lo <= hi:
            raise ValueError(f"{caller}: `clip` must satisfy lo <= hi; got {clip!r}.")
        perturbed = np.clip(perturbed, lo, hi)
    if eps is not None:
        eps = check_positive(eps, "eps", caller=caller, strict=False)
    if axes is None:
        width, height = plt.rcParams["figure.figsize"]
        _, axes = plt.subplots(1, 3, figsize=(1.5 * width, 0.85 * height))
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.size != 3:
        raise ValueError(f"{caller}: `axes` must hold three Axes; got {axes.size}.")

    limit = eps if eps is not None else float(np.nanmax(np.abs(delta), initial=0.0))
    limit = limit if limit > 0 else 1.0  # a zero perturbation still gets a readable colour bar
    image = dict(cmap="gray_r", vmin=0.0, vmax=1.0, interpolation="nearest")
    axes[0].imshow(x.reshape(h, w), **image)
    shown = axes[1].imshow(delta.reshape(h, w), cmap="RdBu_r", vmin=-limit, vmax=limit, interpolation="nearest")
    axes[2].imshow(perturbed.reshape(h, w), **image)
    axes[1].figure.colorbar(shown, ax=axes[1], fraction=0.046, pad=0.04)

    clean_title = "input x"
    step_title = "perturbation δ\n" + (f"‖δ‖∞ ≤ ε = {eps:.3f}" if eps is not None else f"‖δ‖∞ = {limit:.3f}")
    bad_title = "x + δ" + (f", clipped to [{lo:g}, {hi:g}]" if clip is not None else "")
    if predictions is not None:
        before, after = predictions
        clean_title += f"\npredicted {before}"
        bad_title += f"\npredicted {after}" + (" (changed)" if str(after) != str(before) else " (unchanged)")
    for ax, title in zip(axes, (clean_title, step_title, bad_title)):
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():  # a closed frame: the house style hides two spines
            spine.set_visible(True)
            spine.set_color(PALETTE["grey"])
            spine.set_linewidth(_CONTEXT_LW)
    return axes


# ---------------------------------------------------------------------------------------
# Dual norms: supporting lines (lesson 10)
# ---------------------------------------------------------------------------------------


def _dual_label(ord: float) -> str:
    """Mathtext name of the dual norm of `ord`: the Hoelder conjugate's norm of y."""
    from .norms import dual_order

    q = dual_order(ord)
    sub = "\\infty" if q == _INF else f"{q:g}"
    return f"$\\Vert y\\Vert_{{{sub}}}$"


def _check_dual_ords(ords: Any, caller: str) -> list[float]:
    """Validate orders for a dual-norm figure: each in [1, inf], repeats dropped."""
    out = _as_ords(ords, caller=caller)
    for o in out:
        if o < 1:
            raise ValueError(
                f"{caller}: every order must be in [1, inf]; got {o:g}. Below 1 the ball is not convex "
                "and ||.||_p is not a norm, so it has no dual norm."
            )
    return out


def _supporting_face(y: NDArray, ord: float, rtol: float = 1e-9) -> NDArray:
    """End points, shape (2, 2), of the set of unit-ball points where <y, x> is largest.

    The two rows coincide when the maximizer is unique (every 1 < p < inf, and L1/L-inf
    without ties or zeros). Entries within `rtol` (relative to max |y_i|) of a tie or of 0
    count as tied or zero, so that y = (cos 45°, sin 45°) shows the whole L1 edge.
    """
    from .norms import dual_maximizer

    a = np.abs(y)
    m = float(a.max())
    if ord == 1 and np.sum(a >= (1 - rtol) * m) == 2:  # tied coordinates: an edge of the diamond
        return np.diag(np.sign(y))
    if ord == _INF and np.any(a <= rtol * m):  # a zero coordinate is free: an edge of the square
        s = np.where(a <= rtol * m, 0.0, np.sign(y))
        free = a <= rtol * m
        return np.stack([np.where(free, -1.0, s), np.where(free, 1.0, s)])
    x = dual_maximizer(y, ord=ord)
    return np.stack([x, x])


def plot_supporting_lines(y: ArrayLike, ords: Sequence[float] = (1, 2, _INF), ax: Axes | None = None) -> Axes:
    r"""Draw each unit ball with its supporting line :math:`\langle y, x\rangle = \Vert y\Vert_\ast` and maximizer.

    For every order p in `ords`, the dual norm :math:`\Vert y\Vert_\ast = \max_{\Vert x\Vert_p \le 1}
    \langle y, x\rangle` is the height the ball reaches in the direction of y. The line
    :math:`\langle y, x\rangle = \Vert y\Vert_\ast` is perpendicular to y, touches the ball, and
    leaves all of it on the origin's side; it touches at the maximizer :math:`x^\ast`.

    Parameters
    ----------
    y : array_like of shape (2,)
        The fixed vector; real, finite and nonzero.
    ords : sequence of float, default=(1, 2, inf)
        Orders of the primal norms, each in [1, inf] (below 1 there is no norm, hence no dual).
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new square figure with room for the legend at the right
        (7.7 x 4.8 in with the notebook style).

    Returns
    -------
    ax : matplotlib.axes.Axes
        Equal aspect, limits [-1.6, 1.6] on both axes, labels $x_1$ and $x_2$, a legend
        naming each ball's dual norm and its value, and a two-line title (the takeaway;
        then y and the dual norms to 2 decimals).

    Raises
    ------
    TypeError
        If `y` is not real and numeric, or an order is not a real number.
    ValueError
        If `y` is not of shape (2,), not finite or zero, an order is below 1 or NaN, or
        `ords` is empty.

    See Also
    --------
    normlab.norms.dual_norm : The value of the supremum (the line's level).
    normlab.norms.dual_maximizer : The touching point drawn as a dot.
    normlab.widgets.dual_norm_explorer : This figure with a slider for the angle of y.

    Notes
    -----
    Each ball and its line share the norm's house colour and line style; the touching point
    is a dot of that colour. Where the maximizer is not unique (L∞ with a zero entry in y,
    L1 with a tie between :math:`\lvert y_1\rvert` and :math:`\lvert y_2\rvert`), the whole edge that
    touches the line is highlighted and the dot is the point ``dual_maximizer`` returns.
    y itself is drawn as a black arrow rescaled to unit Euclidean length: every supporting
    line is perpendicular to it, at distance :math:`\Vert y\Vert_\ast / \Vert y\Vert_2` from
    the origin. Used in lesson 10.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_supporting_lines
    >>> ax = plot_supporting_lines([3.0, -4.0])
    >>> print(ax.get_title().splitlines()[1])
    y = (3.00, -4.00): $\Vert y\Vert_{\infty}$ = 4.00, $\Vert y\Vert_{2}$ = 5.00, $\Vert y\Vert_{1}$ = 7.00
    >>> [t.get_text() for t in ax.get_legend().get_texts()][0]
    'L1 ball: dual $\\Vert y\\Vert_{\\infty}$ = 4.00, x* = (0.00, -1.00)'
    """
    from .norms import dual_maximizer, dual_norm

    caller = "plot_supporting_lines"
    y = as_float_array(y, "y", caller=caller, ndim=1)
    if np.iscomplexobj(y):
        raise TypeError(f"{caller}: `y` must be real; got an array of dtype {y.dtype}.")
    if y.shape != (2,):
        raise ValueError(f"{caller}: `y` must have shape (2,), a vector in the plane; got shape {y.shape}.")
    check_finite(y, "y", caller=caller)
    if not np.any(y != 0):
        raise ValueError(f"{caller}: `y` must be nonzero; for y = 0 every point of the ball attains <y, x> = 0.")
    y = y.astype(np.float64) + 0.0
    ords = _check_dual_ords(ords, caller)
    styles = _styles_for(ords)
    if ax is None:  # a square plot plus room for the legend at its right
        w, h = plt.rcParams["figure.figsize"]
        side = h if w / h > 1.7 else 1.2 * h  # as _new_axes("square"): 4.8 in with the notebook style
        _, ax = plt.subplots(figsize=(1.6 * side, side))
    lim = 1.6
    _draw_axis_lines(ax)
    ny = float(np.hypot(y[0], y[1]))
    along = np.array([-y[1], y[0]]) / ny  # direction of every supporting line
    ms = plt.rcParams["lines.markersize"]
    values = []
    for o, st in zip(ords, styles):
        value = float(dual_norm(y, ord=o))
        values.append(value)
        face = _supporting_face(y, o)
        unique = np.array_equal(face[0], face[1])
        x_star = dual_maximizer(y, ord=o) + 0.0  # + 0.0 turns -0.0 into 0.0 for the label
        dual = f"dual {_dual_label(o)} = {value:.2f}"
        label = f"{st['label']} ball: {dual}, x* = ({x_star[0]:.2f}, {x_star[1]:.2f})"
        if not unique:
            label = f"{st['label']} ball: {dual}, x* not unique (an edge)"
        _draw_sphere(ax, o, st, label=label)
        foot = value / ny * (y / ny)
        ends = np.stack([foot - 3 * lim * along, foot + 3 * lim * along])
        ax.plot(ends[:, 0], ends[:, 1], color=st["color"], linestyle=st["linestyle"], linewidth=1.3,
                zorder=2.2, label="_nolegend_")
        if not unique:
            ax.plot(face[:, 0], face[:, 1], color=st["color"], linewidth=7, alpha=0.35,
                    solid_capstyle="round", zorder=2.4, label="_nolegend_")
        ax.plot(*x_star, linestyle="none", marker="o", markersize=1.3 * ms, color=st["color"],
                markeredgecolor=PALETTE["black"], markeredgewidth=1.0, zorder=4, label="_nolegend_")
    tip = 0.95 * y / ny
    ax.annotate("", xy=tip, xytext=(0.0, 0.0), zorder=5,
                arrowprops=dict(arrowstyle="-|>", color=PALETTE["black"], linewidth=1.6, mutation_scale=14))
    ax.annotate("direction of y", xy=tip,
                xytext=(0.5 * (tip[0] - 0.5 * along[0]), 0.5 * (tip[1] - 0.5 * along[1])),
                textcoords="data", ha="center", va="center", fontsize=plt.rcParams["font.size"],
                fontweight="bold", zorder=5)
    _set_square_limits(ax, lim)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, handlelength=2.8,
              fontsize=0.85 * plt.rcParams["font.size"])
    shown = ", ".join(f"{_dual_label(o)} = {v:.2f}" for o, v in zip(ords, values))
    ax.set_title(f"Each ball touches its supporting line at the maximizer\n"
                 f"y = ({y[0]:.2f}, {y[1]:.2f}): {shown}")
    return ax


# ---------------------------------------------------------------------------------------
# A regularization path at one alpha; coefficient pairs under correlation (lesson 07)
# ---------------------------------------------------------------------------------------


class PathSnapshot(NamedTuple):
    """What :func:`plot_path_snapshot` returns: both Axes, the alpha shown and its coefficients."""

    ax_path: Axes
    """The left panel: the whole path, with a vertical line at `alpha`."""
    ax_bars: Axes
    """The right panel: one horizontal bar per coefficient at `alpha`."""
    alpha: float
    """The grid alpha shown (the one nearest to the requested alpha on a log scale)."""
    coef: NDArray[np.float64]
    """The coefficients at `alpha`, shape (n_features,)."""


def plot_path_snapshot(
    alphas: ArrayLike,
    coefs: ArrayLike,
    alpha: float,
    names: Sequence[str] | None = None,
    axes: Sequence[Axes] | None = None,
    *,
    highlight: int | Sequence[int | str] | None = None,
    alpha_label: str = "α",
) -> PathSnapshot:
    """Draw a regularization path with a marker at one alpha, and the coefficients there as bars.

    Parameters
    ----------
    alphas : array_like of shape (n_alphas,)
        Positive penalty strengths (any order).
    coefs : array_like of shape (n_features, n_alphas)
        Coefficients along the path, as ``normlab.linear.regularization_path`` or
        ``sklearn.linear_model.lasso_path`` return them; the transpose is accepted when the
        shape is unambiguous.
    alpha : float
        Where to look; the nearest grid alpha (on a log scale) is shown.
    names : sequence of str, optional
        Feature names; default ``"feature 0"``, ...
    axes : pair of matplotlib.axes.Axes, optional
        Where to draw (path, bars); by default a new wide figure (9.6 x 4.0 in).
    highlight : int or sequence of int or str, optional
        Lines to color and label on the path, as in :func:`plot_path` (default: the 3
        largest). Their bars get the same colors; the other bars are gray.
    alpha_label : str, default="α"
        Name of the penalty axis, for example ``"Lasso α"`` (the x label adds "(log scale)").

    Returns
    -------
    PathSnapshot
        ``(ax_path, ax_bars, alpha, coef)``. The bar axis has fixed, symmetric limits (the
        largest |coefficient| on the whole path), so bars are comparable between alphas;
        exact zeros are marked with a small gray "0". The bar panel's title counts the
        nonzero coefficients.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        As :func:`plot_path`, or if `alpha` is not positive.

    See Also
    --------
    plot_path : The left panel alone.
    normlab.widgets.path_explorer : This figure with an alpha slider.

    Notes
    -----
    Used in lesson 07.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_path_snapshot
    >>> alphas = np.geomspace(1.0, 0.01, 5)
    >>> coefs = np.array([[0.0, 0.5, 1.0, 1.4, 1.5], [0.0, 0.0, -0.3, -0.6, -0.7]])
    >>> snap = plot_path_snapshot(alphas, coefs, 0.3, names=["bmi", "s5"])
    >>> print(f"{snap.alpha:.3f}", snap.coef, "|", snap.ax_bars.get_title())
    0.316 [0.5 0. ] | 1 of 2 coefficients nonzero
    """
    caller = "plot_path_snapshot"
    a = as_float_array(alphas, "alphas", caller=caller, ndim=1, allow_empty=False).astype(np.float64)
    C = as_float_array(coefs, "coefs", caller=caller, ndim=(1, 2), allow_empty=False).astype(np.float64)
    if C.ndim == 1:
        C = C[None, :]
    if C.shape[1] != a.size and C.shape[0] == a.size:
        C = C.T
    target = check_positive(alpha, "alpha", caller=caller)
    if not np.all(a > 0):
        raise ValueError(f"{caller}: `alphas` must be positive; got min {float(a.min())!r}.")
    p = C.shape[0]
    if names is None:
        names = [f"feature {j}" for j in range(p)]
    names = [str(s) for s in names]
    if highlight is None or (isinstance(highlight, (int, np.integer)) and not isinstance(highlight, bool)):
        k_top = 3 if highlight is None else check_int(highlight, "highlight", caller=caller, minimum=0)
        size = np.nanmax(np.abs(C), axis=1) if C.shape[1] == a.size else np.zeros(p)
        highlight = [int(j) for j in np.argsort(-size, kind="stable")[:k_top]]
    if axes is None:
        w, h = plt.rcParams["figure.figsize"]
        fig, axes = plt.subplots(1, 2, figsize=(1.5 * w, h), gridspec_kw={"width_ratios": [1.45, 1.0]})
    ax_path, ax_bars = axes
    plot_path(a, C, names, ax=ax_path, highlight=highlight)  # validates shapes and names
    k = int(np.argmin(np.abs(np.log(a) - math.log(target))))
    shown = float(a[k])
    coef = C[:, k].copy()
    ax_path.axvline(shown, color=PALETTE["black"], linestyle=":", linewidth=1.2, zorder=4)
    ax_path.set_xlabel(f"{alpha_label} (log scale)")
    ax_path.set_title(f"The path; dotted line at {alpha_label} = {shown:.3g}")

    colors = [PALETTE["grey"]] * p
    for rank, h in enumerate(highlight):
        j = names.index(h) if isinstance(h, str) else int(h)
        colors[j] = _DATA_STYLES[rank % len(_DATA_STYLES)][0]
    ys = np.arange(p)
    ax_bars.barh(ys, coef, color=colors, height=0.7, zorder=3)
    for j in np.flatnonzero(coef == 0):
        ax_bars.annotate("0", xy=(0.0, ys[j]), xytext=(3, 0), textcoords="offset points", ha="left",
                         va="center", color=PALETTE["grey"], fontsize=0.8 * plt.rcParams["font.size"])
    ax_bars.axvline(0.0, color=PALETTE["grey"], linewidth=_CONTEXT_LW, zorder=2)
    lim = 1.08 * float(np.nanmax(np.abs(C))) or 1.0
    ax_bars.set_xlim(-lim, lim)
    ax_bars.set_yticks(ys, names)
    ax_bars.set_ylim(p - 0.5, -0.5)  # first feature on top
    ax_bars.grid(axis="y", visible=False)
    nnz = int(np.count_nonzero(coef))
    ax_bars.set_xlabel(f"coefficient at {alpha_label} = {shown:.3g}")
    ax_bars.set_title(f"{nnz} of {p} coefficients nonzero")
    return PathSnapshot(ax_path, ax_bars, shown, coef)


def plot_coefficient_pairs(
    l1_pairs: ArrayLike,
    l2_pairs: ArrayLike,
    ax: Axes | None = None,
    *,
    true_coef: ArrayLike = (1.0, 1.0),
    rho: float | None = None,
) -> Axes:
    """Scatter the (w₁, w₂) fitted by the lasso and by ridge on many samples of a two-feature problem.

    Parameters
    ----------
    l1_pairs, l2_pairs : array_like of shape (m, 2)
        Coefficient pairs of the lasso and of ridge, one row per sample.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new square figure.
    true_coef : array_like of shape (2,), default=(1.0, 1.0)
        The coefficients that generated the data, marked with a black cross; a gray
        dashed line marks ``w₁ + w₂ = sum(true_coef)``, along which predictions barely
        change when the two features are highly correlated. Penalized fits shrink toward
        the origin, so their points lie on average below this line, not on it.
    rho : float, optional
        The correlation of the two features, for the title.

    Returns
    -------
    ax : matplotlib.axes.Axes
        Equal-aspect axes. The title counts, for each method, the samples in which
        exactly one of the two coefficients is 0.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If a pairs array is not of shape (m, 2).

    See Also
    --------
    normlab.widgets.correlation_explorer : This figure with a correlation slider.

    Notes
    -----
    Lasso points are vermillion circles (L1), ridge points blue squares (L2). Used in
    lesson 07.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_coefficient_pairs
    >>> ax = plot_coefficient_pairs([[2.0, 0.0], [0.9, 1.1], [0.0, 1.9]], [[1.0, 0.9], [0.9, 1.0], [1.1, 0.9]],
    ...                             rho=0.95)
    >>> print(ax.get_title())
    ρ = 0.95: one of the pair is exactly 0 in
    2 of 3 lasso fits, 0 of 3 ridge fits
    """
    caller = "plot_coefficient_pairs"
    L1 = as_float_array(l1_pairs, "l1_pairs", caller=caller, ndim=2, allow_empty=False)
    L2 = as_float_array(l2_pairs, "l2_pairs", caller=caller, ndim=2, allow_empty=False)
    for name, arr in (("l1_pairs", L1), ("l2_pairs", L2)):
        if arr.shape[1] != 2:
            raise ValueError(f"{caller}: `{name}` must have shape (m, 2); got {arr.shape}.")
    t = as_float_array(true_coef, "true_coef", caller=caller, ndim=1)
    if t.shape != (2,):
        raise ValueError(f"{caller}: `true_coef` must have shape (2,); got {t.shape}.")
    if ax is None:
        ax = _new_axes("square")
    _draw_axis_lines(ax)
    hi = 1.15 * max(float(np.max(np.abs(np.vstack([L1, L2])))), float(np.max(np.abs(t))), 1e-12)
    lo = -0.25 * hi
    s = float(t.sum())
    ax.plot([s - hi, hi], [hi, s - hi], color=PALETTE["grey"], linestyle="--", linewidth=1.2, zorder=2,
            label=f"$w_1 + w_2 = {s:g}$")
    ms = plt.rcParams["lines.markersize"]
    l1s, l2s = norm_style(1), norm_style(2)
    ax.plot(L2[:, 0], L2[:, 1], "s", color=l2s["color"], markersize=0.9 * ms, alpha=0.75, zorder=3,
            label="ridge (L2)")
    ax.plot(L1[:, 0], L1[:, 1], "o", color=l1s["color"], markersize=0.9 * ms, alpha=0.75, zorder=4,
            label="lasso (L1)")
    ax.plot(*t, marker="x", linestyle="none", color=PALETTE["black"], markersize=1.6 * ms,
            markeredgewidth=2.0, zorder=5, label="true coefficients")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.legend(loc="upper right")
    flips1 = int(np.sum(np.sum(L1 == 0, axis=1) == 1))
    flips2 = int(np.sum(np.sum(L2 == 0, axis=1) == 1))
    head = f"ρ = {rho:g}: " if rho is not None else ""
    ax.set_title(f"{head}one of the pair is exactly 0 in\n{flips1} of {L1.shape[0]} lasso fits, "
                 f"{flips2} of {L2.shape[0]} ridge fits")
    return ax


# ---------------------------------------------------------------------------------------
# Soft-thresholding one vector (lesson 04)
# ---------------------------------------------------------------------------------------


def plot_soft_threshold(v: ArrayLike, lam: float, ax: Axes | None = None) -> Axes:
    """Stem plot of a vector before and after soft-thresholding at level `lam`.

    Parameters
    ----------
    v : array_like of shape (d,)
        The vector to shrink; real and finite.
    lam : float
        The threshold λ ≥ 0: entries with |v_i| <= λ become exactly 0, the others move
        λ toward 0.
    ax : matplotlib Axes, optional
        Where to draw; a new house-style figure if None.

    Returns
    -------
    ax : matplotlib Axes

    Raises
    ------
    ValueError
        If `v` is not a finite 1-D vector or `lam` is negative.

    Notes
    -----
    The band |v_i| <= λ is shaded: every entry inside it lands on 0, which is the lasso's
    sparsity in one picture. The title counts the exact zeros. Used in lesson 04 (through
    :func:`normlab.widgets.soft_threshold_explorer`).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from normlab.viz import plot_soft_threshold
    >>> ax = plot_soft_threshold([3.0, -0.4, 1.2, -2.0], 1.0)
    >>> print(ax.get_title())
    λ = 1.00: 1 of 4 entries exactly 0
    """
    from .prox import soft_threshold

    caller = "plot_soft_threshold"
    v = as_float_array(v, "v", caller=caller, ndim=1, allow_empty=False)
    check_finite(v, "v", caller=caller)
    lam = check_positive(lam, "lam", caller=caller, strict=False)
    shrunk = soft_threshold(v, lam)
    if ax is None:
        ax = _new_axes()
    idx = np.arange(1, v.size + 1)
    ax.axhspan(-lam, lam, color=PALETTE["yellow"], alpha=0.35, lw=0, label="band |v_i| ≤ λ")
    ax.axhline(0.0, color=PALETTE["grey"], lw=1.0)
    ax.plot(idx, v, linestyle="none", marker="o", markerfacecolor="white",
            markeredgecolor=PALETTE["black"], label="v (before)")
    st = norm_style(1)
    ax.vlines(idx, 0.0, shrunk, color=st["color"], linewidth=2.0)
    ax.plot(idx, shrunk, linestyle="none", marker="o", color=st["color"], label="soft-thresholded")
    n_zero = int(np.count_nonzero(shrunk == 0))
    lim = 1.1 * max(float(np.max(np.abs(v))), lam, 1e-12)
    ax.set_ylim(-lim, lim)
    ax.set_xticks(idx)
    ax.set_xlabel("entry i")
    ax.set_ylabel("value")
    ax.set_title(f"λ = {lam:.2f}: {n_zero} of {v.size} entries exactly 0")
    ax.legend(loc="upper right", fontsize=0.85 * plt.rcParams["font.size"])
    return ax

