"""Checkers for lesson 07, "L1 versus L2: the difference that shapes models" (exercises 07.1 to 07.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (the data are scikit-learn's bundled sets or drawn from
fixed seeds, and the bootstrap uses the seeds printed in the exercise sheet).
"""

from __future__ import annotations

import functools
import math
import numbers
import warnings

import numpy as np

from ._core import call_learner, correct, exercise, fmt, not_yet

__all__: list[str] = []


def _diabetes() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The standardized diabetes features, the raw target and the feature names, as in the sheet."""
    from sklearn.datasets import load_diabetes
    from sklearn.preprocessing import StandardScaler

    data = load_diabetes()
    return StandardScaler().fit_transform(data.data), data.target.astype(float), list(data.feature_names)


# --------------------------------------------------------------------------- 07.1
@functools.lru_cache(maxsize=1)
def _lars_orders() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(order of first entry read from the exact coefficients, lars_path's `active` list)."""
    from sklearn.linear_model import lars_path

    X, y, names = _diabetes()
    _, active, coefs = lars_path(X - X.mean(axis=0), y - y.mean(), method="lasso")
    first: list[str] = []
    for column in coefs.T:
        for j in np.flatnonzero(column):
            if names[j] not in first:
                first.append(names[j])
    return tuple(first), tuple(names[j] for j in active)


def _as_name_list(answer) -> list[str]:
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, np.ndarray)):
        raise not_yet(
            "Give the order as a list of feature names, earliest first, such as "
            "['bmi', ...]; got " + (repr(answer) if isinstance(answer, str) else type(answer).__name__) + "."
        )
    out = []
    for item in list(answer):
        if isinstance(item, (numbers.Integral, np.integer)) and not isinstance(item, bool):
            raise not_yet(
                f"Your list holds column indices such as {item!r}; give the feature names instead "
                "(names[j] turns index j into a name)."
            )
        if not isinstance(item, (str, np.str_)):
            raise not_yet(f"Every entry should be a feature name (a string); got {item!r}.")
        out.append(str(item))
    return out


@exercise(
    "07.1",
    "Entry order from the exact lasso path",
    stars=2,
    hints=(
        "Revisit section 3 of the lesson, 'Paths: the whole range of penalties at once', and the end "
        "of section 6: along the path from the largest alpha to 0, a feature enters when its "
        "coefficient first becomes nonzero, and it can leave and re-enter later.",
        "lars_path returns (alphas, active, coefs); coefs has one column per knot, from the largest "
        "alpha to 0. Walk through the columns in order and append each feature the first time its "
        "coefficient is nonzero. The `active` list is not the same thing: a feature that leaves and "
        "re-enters is moved to its end.",
        "entry = []; for column in coefs.T: for j in np.flatnonzero(column): "
        "if names[j] not in entry: entry.append(___)",
    ),
)
def _check_entry_order(answer):
    first, active = _lars_orders()
    got = _as_name_list(answer)
    unknown = [s for s in got if s not in first]
    if unknown:
        return not_yet(
            f"{unknown[0]!r} is not a diabetes feature name; the names are those of "
            "names (diabetes.feature_names): age, sex, bmi, bp, s1, ..., s6."
        )
    if len(set(got)) != len(got):
        repeated = next(s for s in got if got.count(s) > 1)
        return not_yet(
            f"{repeated!r} appears more than once. List each feature once, at the place where its "
            "coefficient first becomes nonzero."
        )
    if len(got) != len(first):
        return not_yet(
            f"Your list has {len(got)} features; all {len(first)} features enter the lasso before "
            "alpha reaches 0, so list every one of them."
        )
    if tuple(got) == first:
        return correct(
            "That is the order of first entry on the exact path. lars_path's `active` list gives a "
            "different order, because s3 leaves the model near the end of the path and re-enters: "
            "read entry orders from the coefficients, not from a solver's bookkeeping."
        )
    if tuple(got) == active:
        return not_yet(
            "Your list ends with s3. That is lars_path's `active` list, which records the order in "
            "which features are active at the end: s3 entered much earlier, left the model near the "
            "end of the path and re-entered, so `active` moves it to the back. Read the first "
            "nonzero of each feature from `coefs` instead."
        )
    if tuple(got[::-1]) == first:
        return not_yet(
            "Your list is in reverse: the columns of `coefs` run from the largest alpha (all zeros) "
            "to alpha = 0, so the first feature to become nonzero is the first to enter."
        )
    X, y, names = _diabetes()
    corr = np.abs((X - X.mean(axis=0)).T @ (y - y.mean()))
    by_corr = tuple(names[j] for j in np.argsort(-corr, kind="stable"))
    if tuple(got) == by_corr:
        return not_yet(
            "Your list orders the features by |x_jᵀ(y - ȳ)| (for these standardized columns, the same "
            "as ordering by |correlation| with y). That decides only the first feature to enter; after "
            "that, the lasso admits the feature whose inner product with the current residual reaches "
            "alpha next, and the residual changes as the coefficients grow. Read the order from the path."
        )
    ols = np.linalg.lstsq(X - X.mean(axis=0), y - y.mean(), rcond=None)[0]
    by_size = tuple(names[j] for j in np.argsort(-np.abs(ols), kind="stable"))
    if tuple(got) == by_size:
        return not_yet(
            "Your list orders the features by the size of their coefficients at the end of the path "
            "(least squares). Entry is about when a coefficient first becomes nonzero, not how large "
            "it ends up."
        )
    k = next(i for i, (a, b) in enumerate(zip(got, first)) if a != b)
    return not_yet(
        f"The first {k} features of your list are in the right order; position {k + 1} ({got[k]!r}) "
        "is not the next feature to become nonzero on the exact path. Check that you walk the "
        "columns of `coefs` from the first (largest alpha) to the last."
    )


# --------------------------------------------------------------------------- 07.2
def _synthetic_uncentered() -> tuple[np.ndarray, np.ndarray]:
    """Uncentered, unscaled features; the most correlated one has a negative correlation with y."""
    gen = np.random.default_rng(72)
    X = gen.standard_normal((80, 5)) * np.array([1.0, 2.0, 0.5, 3.0, 1.5]) + np.array([5.0, -3.0, 10.0, 0.0, 2.0])
    y = X @ np.array([0.5, -2.0, 1.0, 0.2, 0.0]) + gen.standard_normal(80) + 50.0
    return X, y


def _lambda_variants(X: np.ndarray, y: np.ndarray) -> dict[str, float]:
    n = X.shape[0]
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    g = Xc.T @ yc
    Z = Xc / X.std(axis=0)
    scale = np.linalg.norm(Xc, axis=0) * np.linalg.norm(yc)
    pearson = np.abs(g) / np.where(scale > 0, scale, np.inf)  # |correlation coefficient| of each column
    return {
        "right": float(np.max(np.abs(g)) / n),
        "n - 1": float(np.max(np.abs(g)) / (n - 1)),
        "pearson": float(np.max(pearson)),
        "no /n": float(np.max(np.abs(g))),
        "/2n": float(np.max(np.abs(g)) / (2 * n)),
        "no centering": float(np.max(np.abs(X.T @ y)) / n),
        "no abs": float(np.max(g) / n),
        "l2": float(np.linalg.norm(g) / n),
        "l1": float(np.sum(np.abs(g)) / n),
        "standardized": float(np.max(np.abs(Z.T @ yc)) / n),
    }


def _all_zero_at(X: np.ndarray, y: np.ndarray, alpha: float) -> bool:
    from sklearn.linear_model import Lasso

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # only the support matters here
        return bool(np.all(Lasso(alpha=alpha).fit(X, y).coef_ == 0))


def _lambda_feedback(value: float, X: np.ndarray, y: np.ndarray, label: str) -> str | None:
    v = _lambda_variants(X, y)
    right = v["right"]
    if abs(value - right) <= 1e-6 * max(1.0, right):  # relative 1e-6 (absolute below 1)
        return None
    shown = f"On {label} your function returned {value:.8g}"
    same = lambda key: abs(value - v[key]) <= 1e-6 * max(1.0, abs(v[key]))  # noqa: E731
    n = X.shape[0]
    if same("pearson"):
        return (f"{shown}, the largest |correlation coefficient| between a column and y, a number "
                "between -1 and 1. The zero condition does not compare alpha with a correlation: it "
                "compares alpha with the inner product x_{c,j}ᵀ(y - ȳ)/n, the loss's pull on w_j at "
                "w = 0, which keeps the units of X and y.")
    if same("n - 1"):
        return (f"{shown}: you divided by n - 1 = {n - 1}, as np.cov does by default (ddof=1). "
                "The lasso's loss is 1/(2n)·||y - b - Xw||², so its gradient at w = 0 carries a "
                f"factor 1/n, with n = {n} here.")
    if same("no /n"):
        return (f"{shown}, n = {X.shape[0]} times the threshold of scikit-learn's lasso. Its loss is "
                "1/(2n)·||y - b - Xw||², so the gradient at w = 0 carries a factor 1/n.")
    if same("/2n"):
        return (f"{shown}, half of scikit-learn's threshold. The 1/2 in 1/(2n) cancels against the 2 "
                "from differentiating the square: the gradient of the loss at w = 0 is -X_cᵀ(y - ȳ)/n.")
    if same("no centering"):
        return (f"{shown}: that is max|Xᵀy|/n on the raw data, with neither X nor y centered. It is "
                "also what lasso_path(X, y)[0][0] returns here: lasso_path fits no intercept and does "
                "not center the data, so on uncentered columns its first alpha is the threshold of a "
                "model without intercept. The lasso in this exercise has an unpenalized intercept, "
                "which absorbs the mean of y, so the zero condition uses the centered response y - ȳ "
                "(or centered columns). Center, then apply the zero condition yourself.")
    if same("standardized"):
        return (f"{shown}, the threshold for standardized columns. Standardizing changes the problem; "
                "compute the threshold for the X you are given (center it, do not rescale it).")
    if same("no abs"):
        return (f"{shown}. You took the largest X_jᵀ(y - ȳ)/n without absolute values; here the feature "
                "with the largest |x_{c,j}ᵀ(y - ȳ)| has a negative inner product with y - ȳ, and a "
                "negative pull moves its coefficient away from 0 as hard as a positive one.")
    if same("l2") or same("l1"):
        which = "L2" if same("l2") else "L1"
        return (f"{shown}, the {which} norm of X_cᵀ(y - ȳ)/n. The zero condition holds coordinate by "
                "coordinate, |x_jᵀ(y - ȳ)|/n <= alpha for every j, so the threshold is the largest "
                "entry in absolute value (an L∞ norm).")
    if 0.9 * right < value < right and _all_zero_at(X, y, value):
        return (f"{shown}, and Lasso(alpha={value:.8g}) does return all zeros, but the true threshold is "
                "higher. Coordinate descent stops as soon as its duality gap, a bound on how far the "
                "fit's objective can be from the optimum, is below tol·||y - ȳ||² (for the objective "
                "multiplied by n); slightly below the threshold the all-zero start already passes "
                "that test, so the fit never moves (section 4 of the lesson). Bisection on Lasso fits "
                "cannot locate the threshold precisely; use the zero (KKT) condition at w = 0.")
    g_max = v["no /n"]
    if value > 0 and g_max > 0:
        m = g_max / value  # value = g_max / m: which number did they divide by?
        if abs(m - round(m)) < 1e-6 * m and round(m) not in (1, n, 2 * n) and round(m) > 1:
            return (f"{shown}: you divided the largest |x_{{c,j}}ᵀ(y - ȳ)| by {round(m)}, but this X has "
                    f"{n} rows. Take n from the data you are given (X.shape[0]), not from a variable "
                    "defined elsewhere in the notebook.")
    return (f"{shown}, which is not the smallest alpha at which scikit-learn's lasso (with intercept) "
            "sets every coefficient to 0. Write down the zero condition |x_jᵀ(y - ȳ)|/n <= alpha and "
            "solve it for alpha.")


@exercise(
    "07.2",
    "Compute lambda_max",
    stars=2,
    hints=(
        "Revisit section 4 of the lesson, 'Where the lasso path starts: λmax and the zero condition': "
        "w = 0 is optimal exactly when, for every feature, the loss's pull on its coefficient at w = 0 "
        "is at most alpha in absolute value. That pull is an inner product of a centered column with "
        "the centered response, scaled by 1/n; it is not a correlation coefficient.",
        "Center y (the intercept absorbs its mean), take g = X.T @ (y - y.mean()), and divide the "
        "largest |g_j| by the number of rows of the X you are given, X.shape[0]. Do not search with "
        "Lasso fits: the solver's stopping rule makes the search land below the threshold.",
        "def my_lambda_max(X, y): n = X.shape[0]; g = (X - X.mean(axis=0)).T @ (y - ___); "
        "return np.max(np.abs(___)) / ___",
    ),
)
def _check_lambda_max(func):
    X, y, _ = _diabetes()
    cases = ((X, y, "the standardized diabetes data"),
             (*_synthetic_uncentered(), "a second test problem (80 rows, 5 uncentered features)"))
    for Xk, yk, label in cases:
        out = call_learner(func, Xk.copy(), yk.copy(), name="my_lambda_max")
        if isinstance(out, (bool, np.bool_)):
            return not_yet(f"my_lambda_max returned {out!r}, not a number.")
        arr = np.asarray(out, dtype=object if isinstance(out, str) else None)
        if arr.dtype.kind not in "iuf" or arr.size != 1:
            return not_yet(
                f"On {label} my_lambda_max returned {type(out).__name__} {fmt(out)}; it should return "
                "one number (use np.max to reduce the vector of inner products to the largest one)."
            )
        value = float(arr.reshape(()))
        if not math.isfinite(value):
            return not_yet(f"On {label} my_lambda_max returned {value}; it should be a finite number.")
        message = _lambda_feedback(value, Xk, yk, label)
        if message is not None:
            return not_yet(message)
    return correct(
        "Your threshold is the smallest alpha at which the exact solution of scikit-learn's Lasso "
        "(with intercept) is all zeros, to a relative 1e-6, on both problems. Any alpha at or above it "
        "gives the all-zero model, and the lasso path starts there. (lasso_path(X, y) agrees only on "
        "centered data: it fits no intercept.)"
    )


# --------------------------------------------------------------------------- 07.3
#: The four breast-cancer columns of exercise 07.3, in the order of the sheet.
COLUMNS_073 = ("mean radius", "mean perimeter", "mean texture", "mean concave points")
N_BOOT_073 = 30
SEED_073 = 0
C_073 = 0.05
_TOL_073 = 0.05  # more than one fit in 30 (0.033), less than the swap of the pair (0.067)


def _model_073(tol: float = 1e-6):
    from ..compat import logistic

    return logistic("l1", C=C_073, solver="liblinear", intercept_scaling=100, tol=tol, random_state=0)


def _breast_cancer_073() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_breast_cancer
    from sklearn.preprocessing import StandardScaler

    data = load_breast_cancer()
    names = list(data.feature_names)
    X = StandardScaler().fit_transform(data.data[:, [names.index(c) for c in COLUMNS_073]])
    return X, data.target


def _pair_stats(selected: np.ndarray) -> tuple[float, float, float]:
    r, p = selected[:, 0], selected[:, 1]
    return float(r.mean()), float(p.mean()), float(np.mean(r ^ p))


@functools.lru_cache(maxsize=1)
def _reference_073() -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(bootstrap reference, the same statistics for 30 fits on the full data)."""
    from ..linear import selection_stability

    X, y = _breast_cancer_073()
    _, selected = selection_stability(_model_073(), X, y, N_BOOT_073, rng=SEED_073, return_selected=True)
    full = np.abs(_model_073().fit(X, y).coef_.ravel()) > 1e-8
    same_every_time = np.tile(full, (N_BOOT_073, 1))
    return _pair_stats(selected), _pair_stats(same_every_time)


_NAMES_073 = ("freq_radius", "freq_perimeter", "frac_exactly_one")


@exercise(
    "07.3",
    "Bootstrap selection frequencies of a correlated pair",
    stars=3,
    hints=(
        "Revisit section 7 of the lesson, 'Correlated features: which one does L1 keep?': refit the "
        "model on many bootstrap samples and record, for each fit, which coefficients are nonzero.",
        "Store the selections as a boolean matrix with one row per fit and one column per feature "
        "(np.abs(coef_.ravel()) > 1e-8). A frequency is a column mean. 'Exactly one of the two' is "
        "an exclusive or (XOR, the ^ operator on booleans) of columns 0 and 1, not an and (&): "
        "'both' is a different count.",
        "selected = np.array([np.abs(clone(model).fit(X[idx], y[idx]).coef_.ravel()) > 1e-8 for idx in "
        "___]); freq_radius = selected[:, 0].mean(); frac_exactly_one = np.mean(selected[:, 0] ^ ___)",
    ),
)
def _check_bootstrap_pair(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet(
            "Pass the three numbers as one tuple in this order: "
            'nl.exercises.check("07.3", (freq_radius, freq_perimeter, frac_exactly_one)).'
        )
    got = []
    for value, name in zip(answer, _NAMES_073):
        if isinstance(value, (bool, np.bool_, str)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
            if isinstance(value, np.ndarray) and value.size == 1:
                value = value.reshape(())[()]
            else:
                return not_yet(f"`{name}` should be one number; got {type(value).__name__} {fmt(value)}.")
        got.append(float(value))
    f_r, f_p, one = got
    if any(not math.isfinite(v) for v in got):
        return not_yet("The three numbers must be finite: no NaN or infinity.")
    if any(v > 1 for v in got) and all(v == round(v) for v in got):
        return not_yet(
            f"You gave {fmt(got)}: these look like counts. Frequencies are fractions of the "
            f"{N_BOOT_073} bootstrap fits, between 0 and 1."
        )
    if any(v < 0 or v > 1 for v in got):
        return not_yet(f"You gave {fmt(got)}, but a frequency is a fraction between 0 and 1.")
    if one < abs(f_r - f_p) - 1e-9 or one > min(f_r + f_p, 2 - f_r - f_p) + 1e-9:
        return not_yet(
            f"These three numbers cannot come from the same fits: with frequencies {f_r:.3g} and "
            f"{f_p:.3g}, the fraction with exactly one of the two selected lies between "
            f"|{f_r:.3g} - {f_p:.3g}| and min({f_r:.3g} + {f_p:.3g}, 2 - {f_r:.3g} - {f_p:.3g}); "
            f"you gave {one:.3g}."
        )
    reference, full = _reference_073()
    off = [abs(a - b) for a, b in zip(got, reference)]
    swapped_off = [abs(f_r - reference[1]), abs(f_p - reference[0]), abs(one - reference[2])]
    if max(swapped_off) <= _TOL_073 < max(off):
        return not_yet(
            f"Your freq_radius ({f_r:.3f}) and freq_perimeter ({f_p:.3f}) look swapped. The columns of "
            "Xp are in the order of `columns`: mean radius is column 0, mean perimeter column 1."
        )
    if max(off) <= _TOL_073:
        both = (reference[0] + reference[1] - reference[2]) / 2
        return correct(
            f"In {reference[2]:.0%} of the fits the lasso kept exactly one of the two near-copies "
            f"(r = 0.998) and in only {both:.0%} both; which one it kept changed from sample to sample. "
            "Neither frequency says that one feature matters more than the other: the data cannot "
            "tell them apart."
        )
    if max(abs(a - b) for a, b in zip(got, full)) < 1e-9:
        return not_yet(
            "Every one of your fits chose the same features as the fit on the full data. Did each fit "
            "use a fresh bootstrap sample, drawn with replacement? Fitting on the full data again, or "
            "on a shuffled copy of it, gives the same model every time."
        )
    if f_r == f_p == 1.0 and one == 0.0:
        return not_yet(
            "Both features were selected in every fit. That happens when no coefficient is ever "
            "exactly 0: an L2 penalty, or a solver stopped before it reached the zeros. Use the model "
            "given in the sheet (L1, liblinear, tol=1e-6)."
        )
    both_ref = (reference[0] + reference[1] - reference[2]) / 2
    if max(off[:2]) <= _TOL_073 and abs(one - both_ref) <= _TOL_073:
        return not_yet(
            f"Your two frequencies are right, but frac_exactly_one = {one:.3f} is the fraction of fits "
            "that keep both features. Did you combine the two columns with 'and' (&) instead of "
            "'exactly one', an exclusive or (^)?"
        )
    if f_r >= reference[0] - 0.05 and f_p >= reference[1] - 0.05 and one < reference[2] - _TOL_073:
        return not_yet(
            f"Your fits keep both features together more often than converged fits do (exactly one of "
            f"the two in a fraction {one:.3f} of them). First check the last number: is it the "
            "fraction with exactly one of the two (an exclusive or), not with both? If it is, a "
            "solver stopped early is the likely cause: it leaves small nonzero coefficients where the "
            "optimum has zeros. Check that the model has tol=1e-6 as in the sheet (liblinear's "
            "default, 1e-4, is too loose here)."
        )
    worst = int(np.argmax(off))
    return not_yet(
        f"`{_NAMES_073[worst]}` = {got[worst]:.3f} differs by more than {_TOL_073} from the value the "
        f"checker gets with the same seeds. Check the four columns and their order, the model (C = "
        f"{C_073}, liblinear, intercept_scaling=100, tol=1e-6), and the sampling: gen = "
        f"np.random.default_rng({SEED_073}), then idx = gen.integers(0, n, size=n) once per bootstrap, "
        f"{N_BOOT_073} times, in order."
    )
