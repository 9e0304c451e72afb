"""Optional interactive explorers: a few controls around a pure :mod:`normlab.viz` function.

Every ``*_explorer`` displays its widget and returns None. Without ipywidgets, or when the
environment variable ``NORMLAB_STATIC`` is ``"1"`` (as in CI and the notebook tests), it
draws one static figure of its default view instead and prints one line saying how to get
the interactive version. ipywidgets and matplotlib are imported inside the functions, so
``import normlab.widgets`` costs neither.

Adding an explorer takes a pure drawing function and one call to the internal helper
(here with a hypothetical ``viz.plot_huber``)::

    def huber_explorer(residuals=(-3.0, -0.5, 0.2, 4.0)):
        from . import viz

        def draw(delta):                       # pure: draws one new figure, returns its Axes
            return viz.plot_huber(residuals, delta=delta)

        _interactive(draw, {"delta": 1.0},     # the static figure's arguments
                     delta=_selection_slider((0.1, 0.5, 1.0, 2.0, 5.0), 1.0, "δ"))

Controls are factories (``_selection_slider``, ``_checkbox``; add more alike) so that
ipywidgets is imported only when it is used, or any abbreviation ``ipywidgets.interactive``
accepts: ``(lo, hi, step)`` for a slider, a list for a dropdown, a bool for a checkbox.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "correlation_explorer",
    "dual_norm_explorer",
    "epsilon_explorer",
    "norm_ratio_explorer",
    "path_explorer",
    "soft_threshold_explorer",
    "unit_ball_explorer",
]

_STATIC_ENV = "NORMLAB_STATIC"

# p values offered by unit_ball_explorer's slider: roughly log-spaced from 0.25 to 10,
# finer near 1 (where sparsity switches on and off), and hitting 0.5, 1 and 2 exactly.
_P_CHOICES = (0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
              5.0, 6.0, 8.0, 10.0)


def _static_reason() -> str | None:
    """Why to draw a static figure (a phrase for the notice), or None for the interactive one."""
    if os.environ.get(_STATIC_ENV) == "1":
        return f"{_STATIC_ENV}=1 is set; unset it for the interactive version"
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return "ipywidgets is not installed; `pip install ipywidgets` for the interactive version"
    return None


def _selection_slider(options: Sequence[float], value: float, description: str) -> Callable[[], Any]:
    """Factory for a slider over fixed values (built only when ipywidgets is used)."""

    def make() -> Any:
        import ipywidgets as w

        return w.SelectionSlider(
            options=[(f"{o:g}", o) for o in options],
            value=value,
            description=description,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=w.Layout(width="420px"),
        )

    return make


def _checkbox(value: bool, description: str) -> Callable[[], Any]:
    """Factory for a checkbox (built only when ipywidgets is used)."""

    def make() -> Any:
        import ipywidgets as w

        return w.Checkbox(value=value, description=description, indent=False)

    return make


def _interactive(draw: Callable[..., Any], static_kwargs: dict[str, Any], **controls: Any) -> None:
    """Display `draw` with controls, or draw it once with `static_kwargs`; return None.

    Parameters
    ----------
    draw : callable
        Pure drawing function: ``draw(**kwargs)`` makes one new figure and returns its Axes.
    static_kwargs : dict
        Arguments for the single static figure (the explorer's default view).
    **controls
        One per argument of `draw`: a zero-argument factory returning an ipywidgets widget
        (see ``_selection_slider``), or any abbreviation ``ipywidgets.interactive`` accepts
        (``(lo, hi, step)``, a list of options, a bool).

    Notes
    -----
    Interactive when ipywidgets imports and ``NORMLAB_STATIC`` is not ``"1"``; each redraw
    ends in ``plt.show()`` and closes its figure, so outputs replace each other cleanly.
    """
    import matplotlib.pyplot as plt

    def show(**kwargs: Any) -> None:
        ax = draw(**kwargs)
        plt.show()
        plt.close(ax.figure)

    reason = _static_reason()
    if reason is None:
        import ipywidgets
        from IPython.display import display

        built = {name: (c() if callable(c) else c) for name, c in controls.items()}
        display(ipywidgets.interactive(show, **built))
        return None
    print(f"Static figure: {reason}.")
    show(**static_kwargs)
    return None


def unit_ball_explorer(
    center: ArrayLike = (1.5, 0.5),
    cov: ArrayLike = ((1.0, -0.5), (-0.5, 1.0)),
) -> None:
    """Drag p and watch where a loss ellipse first touches the unit ball of ||.||_p.

    A slider sets p from 0.25 to 10 (finer near 1) and a checkbox switches to p = ∞; each
    change redraws :func:`normlab.viz.plot_constrained_solution`: the unit sphere of that
    p, the level sets of the loss (x - c)ᵀ cov⁻¹ (x - c), and the touch point, whose
    coordinates (3 decimals) and sparsity the title states.

    Parameters
    ----------
    center : array_like of shape (2,), default=(1.5, 0.5)
        The loss's unconstrained minimum c (outside the balls, so the constraint bites).
    cov : array_like of shape (2, 2), default=((1.0, -0.5), (-0.5, 1.0))
        Symmetric positive-definite matrix shaping the ellipses.

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError
        If `center` or `cov` is not numeric.
    ValueError
        If `center` is not of shape (2,) or `cov` is not symmetric positive definite;
        checked before anything is displayed.

    See Also
    --------
    normlab.viz.plot_constrained_solution : The figure redrawn at each change.
    normlab.viz.constrained_minimizer_2d : The touch point.

    Notes
    -----
    With the defaults, every p <= 1 lands on the vertex (1, 0): sparse; p = 1.1 already
    leaves the axis at (0.889, 0.148); p = 2 gives (0.882, 0.471); p = ∞ gives (1, 0.75),
    with the first coordinate pinned at the maximum. The static figure (no ipywidgets,
    or ``NORMLAB_STATIC=1``) shows p = 1. Used in lesson 02.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import unit_ball_explorer
    >>> unit_ball_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import viz

    viz.constrained_minimizer_2d(center, cov, 1.0)  # raise on bad input now, not in a callback

    def draw(p: float, p_is_inf: bool) -> Any:
        return viz.plot_constrained_solution(center, cov, np.inf if p_is_inf else p).ax

    _interactive(
        draw,
        {"p": 1.0, "p_is_inf": False},
        p=_selection_slider(_P_CHOICES, 1.0, "p"),
        p_is_inf=_checkbox(False, "p = ∞ (overrides the slider)"),
    )


# Dimensions offered by norm_ratio_explorer's slider: roughly doubling from 2, plus 64 (an 8×8
# digit) and 3072 (a 32×32×3 CIFAR-10 image), the two sizes of lesson 08's budget example.
_DIM_CHOICES = (2, 3, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 3072)


def norm_ratio_explorer(n_vectors: int = 400, rng: Any = 0) -> None:
    """Slide the dimension d and watch random vectors move inside the bounds 1 and √d.

    A slider sets d from 2 to 3072; each change redraws :func:`normlab.viz.plot_norm_ratios`:
    ‖x‖₁/‖x‖₂ against ‖x‖₂/‖x‖∞ for `n_vectors` Gaussian vectors in d dimensions, inside the
    square [1, √d]² that every vector obeys, with the two vectors that reach its corners.

    Parameters
    ----------
    n_vectors : int, default=400
        Number of random vectors per redraw, at least 1.
    rng : int, numpy.random.Generator or None, default=0
        Seed for ``numpy.random.default_rng``; an integer gives the same cloud for each d on
        every visit.

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError
        If `n_vectors` is not an integer.
    ValueError
        If `n_vectors` is below 1; checked before anything is displayed.

    See Also
    --------
    normlab.viz.plot_norm_ratios : The figure redrawn at each change.
    normlab.norms.norm_bounds : The constants for any pair of orders.

    Notes
    -----
    The static figure (no ipywidgets, or ``NORMLAB_STATIC=1``) shows d = 64. As d grows, the
    cloud's ‖x‖₁/‖x‖₂ tracks √(2d/π) ≈ 0.8 √d, while its ‖x‖₂/‖x‖∞ falls ever further below
    √d. Used in lesson 08.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import norm_ratio_explorer
    >>> norm_ratio_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import viz
    from ._validation import check_int

    check_int(n_vectors, "n_vectors", caller="norm_ratio_explorer", minimum=1)  # fail now, not in a callback

    def draw(dim: int) -> Any:
        return viz.plot_norm_ratios(dim, n_vectors=n_vectors, rng=rng)

    _interactive(draw, {"dim": 64}, dim=_selection_slider(_DIM_CHOICES, 64, "dimension d"))


# ε values offered by epsilon_explorer's slider, in grey levels out of 255 (8/255 is the
# common image budget), up to 64/255 ≈ 0.25, beyond which every test digit can be flipped.
_EPS_LEVELS = (0, 1, 2, 4, 6, 8, 12, 16, 20, 26, 32, 40, 48, 64)


def epsilon_explorer(index: int = 2, C: float = 1.0) -> None:
    """Slide an L∞ budget ε and watch the worst-case perturbation of a digit change its class.

    Fits a multinomial logistic regression (scikit-learn's ``LogisticRegression``, inverse
    penalty `C`) on the training part of :func:`normlab.data.load_digits_unit` and takes test
    digit `index`. For each ε on the slider it finds the rival class j with the smallest
    worst-case margin (:func:`normlab.robust.linear_robust_margins`), builds that worst case
    :math:`\\delta = -\\varepsilon \\operatorname{sign}(w_y - w_j)`, and redraws
    :func:`normlab.viz.plot_perturbed_digit` with the model's prediction for the clean digit
    and for ``clip(x + δ, 0, 1)``.

    Parameters
    ----------
    index : int, default=2
        Row of the test set (0 to 539) to attack; the default, a 3, keeps its class at
        ε = 8/255 and becomes a 5 at ε = 0.1.
    C : float, default=1.0
        Inverse regularization strength of the model (on these digits, a larger C gave larger weights and fewer certified digits).

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError
        If `index` is not an integer or `C` is not a number.
    ValueError
        If `index` is outside the test set or `C` is not positive; checked before anything is
        displayed.

    See Also
    --------
    normlab.viz.plot_perturbed_digit : The figure redrawn at each change.
    normlab.robust.certified_radius_linear : The ε at which the prediction can first change.

    Notes
    -----
    The worst case is exact for the L∞ ball in :math:`\\mathbb{R}^{64}`; clipping to the pixel
    box can only weaken it, so the shown prediction may survive slightly beyond the certified
    radius. The slider runs over k/255 for k from 0 to 64; the static figure (no ipywidgets,
    or ``NORMLAB_STATIC=1``) shows ε = 8/255. Used in lesson 06.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import epsilon_explorer
    >>> epsilon_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import robust, viz
    from ._validation import check_int, check_positive
    from .compat import logistic
    from .data import load_digits_unit

    caller = "epsilon_explorer"
    index = check_int(index, "index", caller=caller, minimum=0)
    C = check_positive(C, "C", caller=caller)
    X_train, X_test, y_train, y_test = load_digits_unit(test_size=0.3, rng=0)
    if index >= len(y_test):
        raise ValueError(f"{caller}: `index` must be below {len(y_test)}, the size of the test set; got {index}.")
    from threadpoolctl import threadpool_limits  # a scikit-learn dependency

    model = logistic(C=C, max_iter=1000)  # imports scikit-learn, and SciPy's BLAS with it
    with threadpool_limits(limits=1):  # tiny matrices: one BLAS thread is fastest
        model.fit(X_train, y_train)
    W, b = model.coef_, model.intercept_
    x, y = X_test[index], int(y_test[index])
    clean = int(model.predict(x[None, :])[0])

    def draw(eps: float) -> Any:
        margins = robust.linear_robust_margins(W, b, x[None, :], [y], eps)[0]
        j = int(np.argmin(margins))
        delta = -robust.worst_case_perturbation(W[y] - W[j], eps)
        after = int(model.predict(np.clip(x + delta, 0.0, 1.0)[None, :])[0])
        axes = viz.plot_perturbed_digit(x, delta, predictions=(clean, after), eps=eps)
        axes[0].figure.suptitle(
            f"True class {y}, ε = {eps * 255:.0f}/255 ≈ {eps:.3f}: worst-case margin over class {j} "
            f"is {margins[j]:+.2f}" + (" (certified)" if margins[j] > 0 else " (not certified)")
        )
        return axes[0]

    def eps_slider() -> Any:
        import ipywidgets as w

        return w.SelectionSlider(
            options=[(f"{k}/255", k / 255) for k in _EPS_LEVELS],
            value=8 / 255,
            description="ε",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=w.Layout(width="420px"),
        )

    _interactive(draw, {"eps": 8 / 255}, eps=eps_slider)


# Angles (degrees) offered by dual_norm_explorer's slider: every 5 degrees round the circle,
# which hits the axis directions (an L-inf edge touches) and the diagonals (an L1 edge touches).
_ANGLE_CHOICES = tuple(range(0, 360, 5))


def dual_norm_explorer(ords: Sequence[float] = (1, 2, np.inf)) -> None:
    """Turn y round the unit circle and watch where each unit ball touches its supporting line.

    A slider sets the angle θ of y = (cos θ, sin θ) in steps of 5 degrees; each change redraws
    :func:`normlab.viz.plot_supporting_lines`: the unit balls of `ords`, the lines
    ⟨y, x⟩ = ‖y‖* perpendicular to y that touch them, and the touching points x*, with the
    dual norms (2 decimals) in the title.

    Parameters
    ----------
    ords : sequence of float, default=(1, 2, inf)
        Orders of the balls, each in [1, inf].

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError
        If an order is not a real number.
    ValueError
        If an order is below 1 or NaN, or `ords` is empty; checked before anything is displayed.

    See Also
    --------
    normlab.viz.plot_supporting_lines : The figure redrawn at each change.
    normlab.norms.dual_maximizer : The touching point.

    Notes
    -----
    y is rounded to 12 decimals, so that at 90° its first entry is exactly 0 (not 6e-17).
    At multiples of 90° the L∞ square touches along a whole edge, at odd multiples of 45° the
    L1 diamond does: there the maximizer is not unique. The static figure (no ipywidgets, or
    ``NORMLAB_STATIC=1``) shows θ = 45°. Used in lesson 10.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import dual_norm_explorer
    >>> dual_norm_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import viz

    ords = viz._check_dual_ords(ords, "dual_norm_explorer")  # raise on bad input now, not in a callback

    def draw(theta: float) -> Any:
        t = np.deg2rad(theta)
        y = np.round([np.cos(t), np.sin(t)], 12) + 0.0
        return viz.plot_supporting_lines(y, ords=ords)

    _interactive(draw, {"theta": 45}, theta=_selection_slider(_ANGLE_CHOICES, 45, "angle θ of y (degrees)"))


def path_explorer(
    X: ArrayLike,
    y: ArrayLike,
    names: Sequence[str] | None = None,
    *,
    penalty: str = "l1",
    l1_ratio: float = 0.5,
    highlight: int | Sequence[int | str] | None = None,
) -> None:
    """Slide the penalty strength along a regularization path and watch the coefficients.

    The path is computed once with :func:`normlab.linear.regularization_path`; a slider
    picks one of 26 of its alphas (every fourth of a 101-point grid, both ends included), and each
    change redraws :func:`normlab.viz.plot_path_snapshot`: the whole path with a line at
    that alpha, and the coefficients there as bars, with the number of nonzeros.

    Parameters
    ----------
    X : array_like of shape (n, p)
        Features (standardize them first, so that the coefficients are comparable).
    y : array_like of shape (n,)
        Response.
    names : sequence of str, optional
        Feature names for the labels.
    penalty : {'l1', 'l2', 'elasticnet'}, default='l1'
        Lasso, ridge or elastic net, each in its scikit-learn alpha convention.
    l1_ratio : float, default=0.5
        The elastic net's mix, in (0, 1].
    highlight : int or sequence of int or str, optional
        Lines to color and label, and bars to color the same way, as in
        :func:`normlab.viz.plot_path` (default: the 3 largest). Pass the same list as to a
        neighboring ``plot_path`` figure so that each feature keeps its style.

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError, ValueError
        As :func:`normlab.linear.regularization_path`, or for a `highlight` that names an
        unknown feature; checked before anything is displayed.

    See Also
    --------
    normlab.viz.plot_path_snapshot : The figure redrawn at each change.
    normlab.linear.regularization_path : The path.

    Notes
    -----
    The static figure (no ipywidgets, or ``NORMLAB_STATIC=1``) shows the slider's 14th
    of 26 alphas (``options[13]``, the 53rd of the 101-point grid), just past the middle
    of the grid on a log scale. Used in lesson 07.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import path_explorer
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 4))
    >>> path_explorer(X, X @ [3.0, -2.0, 0.0, 1.0] + rng.standard_normal(50), ["a", "b", "c", "d"])
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import linear, viz

    alphas, coefs = linear.regularization_path(X, y, penalty, 101, l1_ratio=l1_ratio)  # raise now
    if highlight is not None and not isinstance(highlight, (int, np.integer)):
        known = [str(s) for s in names] if names is not None else [f"feature {j}" for j in range(coefs.shape[0])]
        for h in highlight:
            if isinstance(h, str) and h not in known:
                raise ValueError(f"path_explorer: `highlight` names unknown feature {h!r}; features are {known}.")
    options = tuple(float(a) for a in alphas[::4])
    start = options[len(options) // 2]
    label = {"l1": "Lasso α", "l2": "Ridge α", "elasticnet": "ElasticNet α"}[penalty]

    def draw(alpha: float) -> Any:
        return viz.plot_path_snapshot(alphas, coefs, alpha, names, highlight=highlight, alpha_label=label).ax_path

    _interactive(draw, {"alpha": start}, alpha=_selection_slider(options, start, label))


# Correlations offered by correlation_explorer's slider: from independent features to near-copies.
_RHO_CHOICES = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)


def _pair_fits(rho: float, n: int, n_samples: int, alpha: float, rng: Any) -> tuple[np.ndarray, np.ndarray]:
    """Lasso and ridge coefficients on `n_samples` independent data sets of the two-feature problem."""
    from sklearn.linear_model import Lasso, Ridge

    from .data import make_block_correlated

    seeds = np.random.default_rng(rng).integers(0, 2**31, size=(n_samples, 2))  # same draws for every rho
    l1, l2 = np.empty((n_samples, 2)), np.empty((n_samples, 2))
    for k, (s_x, s_e) in enumerate(seeds):
        X = make_block_correlated(n, 2, block_size=2, rho=rho, rng=int(s_x))
        y = X.sum(axis=1) + np.random.default_rng(int(s_e)).standard_normal(n)
        l1[k] = Lasso(alpha=alpha).fit(X, y).coef_
        l2[k] = Ridge(alpha=n * alpha).fit(X, y).coef_  # the same per-sample weight, on ||w||²/2
    return l1, l2


def correlation_explorer(n: int = 30, n_samples: int = 30, *, alpha: float = 0.4, rng: Any = 0) -> None:
    """Slide the correlation of two features and watch the lasso flip between them while ridge shares.

    Each of `n_samples` data sets has two standard-normal features with correlation ρ and
    the response ``y = x₁ + x₂ + noise`` (unit noise). The lasso
    (``Lasso(alpha=alpha)``) and ridge (``Ridge(alpha=n·alpha)``, the same per-sample
    weight on ``||w||²/2``) are fitted on each, and
    :func:`normlab.viz.plot_coefficient_pairs` plots the fitted pairs (w₁, w₂).

    Parameters
    ----------
    n : int, default=30
        Samples per data set, at least 2.
    n_samples : int, default=30
        Number of independent data sets (points per method), at least 1.
    alpha : float, default=0.4
        The lasso's alpha (scikit-learn convention, 1/(2n) on the loss); positive.
    rng : int, numpy.random.Generator or None, default=0
        Seed; an integer gives the same underlying draws for every ρ, so the slider
        changes the correlation only.

    Returns
    -------
    None
        The widget (or the static figure) is displayed.

    Raises
    ------
    TypeError
        If `n` or `n_samples` is not an integer, or `alpha` not a number.
    ValueError
        If `n` < 2, `n_samples` < 1 or `alpha` <= 0; checked before anything is displayed.

    See Also
    --------
    normlab.viz.plot_coefficient_pairs : The figure redrawn at each change.
    normlab.linear.selection_stability : The same instability, measured by the bootstrap.

    Notes
    -----
    At ρ = 0 both methods keep both features in almost every data set. As ρ approaches 1
    the data cannot tell the two features apart: the lasso's points spread along a line
    parallel to the dashed line w₁ + w₂ = 2, pulled toward the origin by the penalty
    (with both coefficients positive, the zero condition in the population gives
    w₁ + w₂ = 2 - 2α/(1 + ρ), 1.59 at ρ = 0.95 and α = 0.4), and many land on an axis (one
    feature dropped, which one depends on the sample). Ridge's points stay together
    near the diagonal, around the population value w₁ = w₂ = (1 + ρ)/(1 + ρ + α), 0.83
    at ρ = 0.95, shrunk from the true (1, 1). The static figure (no ipywidgets, or
    ``NORMLAB_STATIC=1``) shows ρ = 0.95. Used in lesson 07.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import correlation_explorer
    >>> correlation_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import viz
    from ._validation import check_int, check_positive

    caller = "correlation_explorer"
    n = check_int(n, "n", caller=caller, minimum=2)  # fail now, not in a callback
    n_samples = check_int(n_samples, "n_samples", caller=caller, minimum=1)
    alpha = check_positive(alpha, "alpha", caller=caller)

    def draw(rho: float) -> Any:
        l1, l2 = _pair_fits(rho, n, n_samples, alpha, rng)
        return viz.plot_coefficient_pairs(l1, l2, true_coef=(1.0, 1.0), rho=rho)

    _interactive(draw, {"rho": 0.95}, rho=_selection_slider(_RHO_CHOICES, 0.95, "correlation ρ"))


# λ values offered by soft_threshold_explorer's slider.
_LAM_CHOICES = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


def soft_threshold_explorer(v: ArrayLike = (3.0, -0.4, 1.2, -2.0, 0.6, -3.5, 0.2, 1.8)) -> None:
    """A λ slider on soft-thresholding one vector: watch entries hit exactly 0 one by one.

    Parameters
    ----------
    v : array_like of shape (d,), optional
        The vector to shrink.

    Notes
    -----
    Wraps :func:`normlab.viz.plot_soft_threshold`; the slider runs over λ from 0 to 4. The
    static figure (no ipywidgets, or ``NORMLAB_STATIC=1``) shows λ = 1. Used in lesson 04.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import os; os.environ["NORMLAB_STATIC"] = "1"
    >>> from normlab.widgets import soft_threshold_explorer
    >>> soft_threshold_explorer()
    Static figure: NORMLAB_STATIC=1 is set; unset it for the interactive version.
    """
    from . import viz
    from ._validation import as_float_array, check_finite

    caller = "soft_threshold_explorer"
    v = as_float_array(v, "v", caller=caller, ndim=1, allow_empty=False)  # fail now, not in a callback
    check_finite(v, "v", caller=caller)

    def draw(lam: float) -> Any:
        return viz.plot_soft_threshold(v, lam)

    _interactive(draw, {"lam": 1.0}, lam=_selection_slider(_LAM_CHOICES, 1.0, "λ"))

