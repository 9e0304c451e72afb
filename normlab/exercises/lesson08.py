"""Checkers for lesson 08, "Unit balls and norm inequalities" (exercises 08.1 to 08.3).

Every message says what is wrong and shows the evidence, never the expected value, and is
the same on every run (nothing is random).
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ._core import correct, exercise, fmt, not_yet

__all__: list[str] = []

_EPS = 8.0 / 255.0  # the L∞ budget of exercise 08.3, on the [0, 1] pixel scale
_D_CIFAR = 3072  # 32 x 32 pixels x 3 color channels


def _close(a: float, b: float, rtol: float = 1e-3) -> bool:
    return abs(a - b) <= rtol * max(abs(b), 1e-300)


def _as_vector(value, name: str) -> np.ndarray:
    """The learner's vector as a finite 1-D float array, or a "not yet" verdict naming `name`."""
    if isinstance(value, (str, bytes, bool, np.bool_, dict)):
        raise not_yet(f"`{name}` should be a vector of numbers (a list or a 1-D NumPy array); got {value!r}.")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):  # ragged nesting
        raise not_yet(
            f"`{name}` should be a flat list of numbers; NumPy could not turn it into an array."
        ) from None
    if arr.dtype.kind not in "biuf":
        raise not_yet(
            f"`{name}` should be a vector of real numbers; got {type(value).__name__} with dtype {arr.dtype}."
        )
    if arr.ndim != 1:
        raise not_yet(f"`{name}` should be one vector (1-D); got an array of shape {arr.shape}.")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        raise not_yet(f"`{name}` = {fmt(arr)} has an entry that is inf or nan; use finite numbers.")
    return arr


def _scaled(x: np.ndarray) -> tuple[np.ndarray, float]:
    """|x| / max|x| (entries in [0, 1], the largest exactly 1) and the scale max|x| > 0.

    Working with the scaled magnitudes keeps squares from underflowing (1e-200) or
    overflowing (1e200); norms of x are the scale times norms of the scaled vector.
    """
    a = np.abs(x)
    m = float(a.max())
    return a / m, m


def _norms(a: np.ndarray) -> tuple[float, float]:
    """‖a‖₁ and ‖a‖₂ of a vector of magnitudes in [0, 1]."""
    return float(a.sum()), float(np.sqrt(np.sum(a * a)))


def _vec(x: np.ndarray) -> str:
    """A vector with 4 significant digits per entry, or more if 4 would make different |x_i|
    look equal (1.0001 is not shown as 1); small entries are kept (1e-09 stays 1e-09, not 0)."""
    n_distinct = np.unique(np.abs(x)).size
    for digits in range(4, 18):
        if len({f"{abs(v):.{digits}g}" for v in x}) == n_distinct:
            break
    return np.array2string(x, separator=", ", formatter={"float_kind": lambda v: f"{v:.{digits}g}"})


def _num(v: float) -> str:
    """4 significant digits (see `_pair` for two values that must look different)."""
    return f"{v:.4g}"


def _pair(u: float, v: float, kind: str = "g") -> tuple[str, str]:
    """Format two different values with 4 digits (significant for kind "g", decimals for "f"),
    or as many more (up to 17) as they need to look different."""
    for digits in range(4, 18):
        a, b = f"{u:.{digits}{kind}}", f"{v:.{digits}{kind}}"
        if a != b:
            return a, b
    return a, b


# --------------------------------------------------------------------------- 08.1
@exercise(
    "08.1",
    "Equal L1 and L2 norms",
    stars=1,
    hints=(
        "Reread section 2 of the lesson, “Proving the chain, and when it is tight”: it says when the "
        "inequality ‖x‖₂ ≤ ‖x‖₁ becomes an equality.",
        "Square the L1 norm: ‖x‖₁² = Σ|x_i|² + Σ_{i≠j} |x_i||x_j| = ‖x‖₂² + (cross terms). Equality "
        "needs every cross term |x_i||x_j| to vanish. Which vectors make every product of two "
        "different entries zero?",
        "x_equal = np.array([___, ___, ___]) with as few nonzero entries as the previous hint allows "
        "(but not none).",
    ),
)
def _check_equal_l1_l2(answer):
    x = _as_vector(answer, "x_equal")
    if x.size < 3:
        return not_yet(
            f"`x_equal` has {x.size} entr{'y' if x.size == 1 else 'ies'}; the task asks for at least three."
        )
    if not np.any(x):
        return not_yet(
            "The zero vector has ‖x‖₁ = ‖x‖₂ = 0, the trivial case; the task asks for a nonzero vector."
        )
    a, m = _scaled(x)
    l1, l2 = _norms(a)
    k = int(np.count_nonzero(x))
    if k >= 2 and l1 - l2 <= 1e-12 * l1:
        tiny = float(np.min(np.abs(x[x != 0])))
        return not_yet(
            f"Your vector has {k} nonzero entries, the smallest of size {tiny:.3g}: the two norms agree only "
            "up to rounding. In exact arithmetic every pair of nonzero entries adds a positive cross term "
            "to ‖x‖₁², however small the entries are."
        )
    if k >= 2:
        s2, s1 = _pair(m * l2, m * l1)
        return not_yet(
            f"With x_equal = {_vec(x)}, ‖x‖₂ = {s2} but ‖x‖₁ = {s1}: the L1 norm is larger. Your vector has "
            f"{k} nonzero entries, and each pair of them adds a positive cross term to ‖x‖₁²."
        )
    return correct(
        f"‖x‖₂ = ‖x‖₁ = {_num(m)}: with a single nonzero entry there is no cross term, and ‖x‖∞ equals "
        "both. The three balls touch exactly at such points, the tips on the axes."
    )


# --------------------------------------------------------------------------- 08.2
_D_FLAT = 5


@exercise(
    "08.2",
    "Reach the upper bound √d",
    stars=2,
    hints=(
        "Reread section 3 of the lesson, “The reverse bounds carry the dimension”: the bound "
        "‖x‖₁ ≤ √d‖x‖₂ comes from the Cauchy–Schwarz inequality, and you want the case where "
        "Cauchy–Schwarz is an equality.",
        "Write ‖x‖₁ = ⟨|x|, (1, …, 1)⟩, where |x| is the vector of absolute values. Cauchy–Schwarz is an "
        "equality exactly when the two vectors point the same way. The signs of the x_i do not enter |x|.",
        "x_flat = np.array([c, ___, ___, ___, ___]) where every entry is c or -c for one number c > 0, "
        "and at least one sign is minus.",
    ),
)
def _check_flat(answer):
    x = _as_vector(answer, "x_flat")
    if x.size != _D_FLAT:
        return not_yet(f"`x_flat` has {x.size} entries; the task asks for a vector with {_D_FLAT} entries.")
    if not np.any(x):
        return not_yet(
            "The zero vector gives 0 = √5 · 0, the trivial case; the task asks for a nonzero vector."
        )
    a, m = _scaled(x)  # magnitudes / max magnitude: the largest is 1
    l1, l2 = _norms(a)
    # Equality in Cauchy–Schwarz needs equal magnitudes; test them directly (a relative
    # test on ‖x‖₁ - √5‖x‖₂ is second order in the differences and lets 1.0001 through).
    reached = float(np.ptp(a)) <= 1e-12
    if not reached:
        s1, sb = _pair(m * l1, m * math.sqrt(_D_FLAT) * l2)
        shown = f"With x_flat = {_vec(x)}, ‖x‖₁ = {s1} but √5·‖x‖₂ = {sb}"
        n_zero = int(np.sum(x == 0))
        if n_zero:
            return not_yet(
                f"{shown}. Your vector has {n_zero} zero entr{'y' if n_zero == 1 else 'ies'}: a zero adds "
                "nothing to ‖x‖₁, yet it still counts in d = 5."
            )
        lo, hi = _pair(m * float(a.min()), m)
        if abs(l1 - math.sqrt(_D_FLAT) * l2) <= 1e-14 * l1:  # the gap is second order: below rounding
            return not_yet(
                f"Your magnitudes |x_i| run from {lo} to {hi}: they are not all the same. ‖x‖₁ and √5·‖x‖₂ "
                "agree here only up to rounding, because their gap shrinks with the square of the "
                "difference between the magnitudes; in exact arithmetic it is positive. Compare the "
                "magnitudes."
            )
        ratio, root5 = _pair(l1 / l2, math.sqrt(_D_FLAT), kind="f")
        return not_yet(
            f"{shown}: the ratio ‖x‖₁/‖x‖₂ is {ratio}, below √5 = {root5}. Your magnitudes |x_i| run "
            f"from {lo} to {hi}; compare them."
        )
    if not np.any(x < 0):
        return not_yet(
            f"Your vector reaches the bound (‖x‖₁ = {_num(m * l1)} = √5·‖x‖₂), but the task asks for at "
            "least one negative entry: check that the bound is still reached when you flip a sign."
        )
    return correct(
        f"‖x‖₁ = √5·‖x‖₂ = {_num(m * l1)}: every |x_i| is the same, so |x| points along (1, …, 1) and "
        "Cauchy–Schwarz is tight. Only the magnitudes matter, not the signs."
    )


# --------------------------------------------------------------------------- 08.3
@exercise(
    "08.3",
    "Convert an L∞ budget into L2",
    stars=2,
    hints=(
        "Reread section 4 of the lesson, “Converting a robustness budget”: a ball around 0 contains the "
        "L∞ ball exactly when it contains the point of the L∞ ball that is farthest from 0 in L2.",
        "The farthest points of a cube are its corners. A corner of the L∞ ball of radius ε in d "
        "dimensions has every coordinate equal to ±ε; compute its L2 norm. Count d as all the numbers "
        "in a CIFAR-10 image, color channels included.",
        "eps = 8 / 255; d = 32 * 32 * 3; radius = nl.vector_norm(np.full(___, ___))  # the L2 norm of a corner",
    ),
)
def _check_budget(answer):
    if isinstance(answer, (bool, np.bool_, str, bytes)) or not isinstance(
        answer, (numbers.Real, np.floating, np.integer, np.ndarray, list, tuple)
    ):
        return not_yet(f"`radius` should be one number; got {answer!r}.")
    try:
        arr = np.asarray(answer)
    except (TypeError, ValueError):
        return not_yet("`radius` should be one number; got a ragged list.")
    if arr.size != 1 or arr.dtype.kind not in "biuf":
        return not_yet(f"`radius` should be one number; got {type(answer).__name__} of shape {arr.shape}.")
    r = float(arr.reshape(()))
    if not math.isfinite(r) or r <= 0:
        return not_yet(f"`radius` = {fmt(r)}, but a radius is a positive, finite number.")
    eps, d = _EPS, _D_CIFAR
    target = eps * math.sqrt(d)
    if _close(r, target):
        return correct(
            f"The corner (ε, …, ε) has L2 norm ε√d = {target:.3f}: 55 times the per-pixel budget "
            f"ε = {eps:.4f}. "
            "An L2 certificate must reach this radius before it covers every 8/255 L∞ perturbation."
        )
    known = [
        (eps, f"{fmt(r)} is ε = 8/255 itself: the radius of the largest L2 ball *inside* the L∞ ball, which "
              "touches the centers of its faces. The smallest ball *containing* it must also reach its "
              "farthest points."),
        (eps * d, f"{fmt(r)} is ε·d, the constant between L1 and L∞ (‖x‖₁ ≤ d‖x‖∞). The L2 norm of a "
                  "corner adds d squares and then takes a root: check where your square root went."),
        (eps * eps * d, f"{fmt(r)} is the *squared* L2 norm of a corner of the cube; a radius is a norm, "
                        "so take the square root."),
        (math.sqrt(d), f"{fmt(r)} is the conversion factor for a ball of radius 1; the L∞ ball here has "
                       "radius 8/255, and radii scale with it."),
        (8.0 * math.sqrt(d), f"{fmt(r)} measures pixels on the 0 to 255 scale. The budget 8/255 is on the "
                             "[0, 1] scale, where a pixel moves by at most 8/255."),
        (eps * math.sqrt(32 * 32), f"{fmt(r)} uses d = 1024, the number of pixels. A CIFAR-10 image has "
                                   "three color channels per pixel, and each channel is a coordinate."),
        (eps / math.sqrt(d), f"{fmt(r)} is smaller than ε = 8/255, so this ball cannot even reach the "
                             "centers of the cube's faces, which lie at L2 distance ε. You divided where "
                             "the conversion multiplies."),
    ]
    for value, message in known:
        if _close(r, value):
            return not_yet(message)
    if r < eps:
        return not_yet(
            f"`radius` = {fmt(r)} is smaller than ε = 8/255 ≈ {eps:.4f}, but the point (ε, 0, …, 0) of the "
            "L∞ ball already has L2 norm ε, so a containing ball needs at least that radius."
        )
    return not_yet(
        f"`radius` = {fmt(r)} is not the L2 norm of the farthest point of the L∞ ball. Which points of a "
        "cube are farthest from its center, and what is their L2 norm?"
    )
