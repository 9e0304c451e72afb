"""Checkers for lesson 03, "The L0 count: counting what actually matters" (exercises 03.1 to 03.3).

Every message says what is wrong and shows the evidence, never the expected value,
and is the same on every run (all test cases are fixed or drawn from a fixed seed).
"""

from __future__ import annotations

import math
import numbers
import traceback

import numpy as np

from ._core import NotAttempted, call_learner, correct, exercise, fmt, is_placeholder, not_yet

__all__: list[str] = []


def _as_count(value, what: str) -> float:
    """Turn one answer into a float count, or raise a "not yet" verdict naming `what`."""
    if isinstance(value, (bool, np.bool_, str)):
        raise not_yet(f"{what} should be a number; got {value!r}.")
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(())[()]
    if not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise not_yet(f"{what} should be a number; got {type(value).__name__} {fmt(value)}.")
    return float(value)


# --------------------------------------------------------------------------- 03.1
#: The coefficients of exercise 03.1, as printed in the exercise sheet.
W_031 = np.array([0.0, 2.5e-17, -1.5, 0.01, 3e-9, 0.7, -1e-13, 0.0, 5e-5, -0.004, 12.0, 0.0, -0.02])
#: The three tolerances of exercise 03.1, in the order of the answer tuple.
TOLS_031 = (0.0, 1e-8, 0.01)
_NAMES_031 = ("n_exact", "n_small_tol", "n_large_tol")


def _count(w: np.ndarray, tol: float) -> int:
    return int(np.sum(np.abs(w) > tol))


@exercise(
    "03.1",
    "Count nonzeros with a tolerance",
    stars=1,
    hints=(
        'Revisit the lesson\'s section "Floating point: count with a tolerance": with a tolerance tol, '
        "an entry counts as nonzero only when its magnitude is larger than tol.",
        "Use nl.count_nonzero(w, tol=...) once per tolerance (tol=0 is the exact count, the same as "
        "np.count_nonzero). Compare |w_i| with tol, not w_i, and remember that |w_i| equal to tol "
        "counts as zero.",
        "n_exact = nl.count_nonzero(w); n_small_tol = nl.count_nonzero(w, tol=___); "
        "n_large_tol = nl.count_nonzero(w, tol=___)",
    ),
)
def _check_counts(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet(
            "Pass the three counts as one tuple in this order: "
            'nl.exercises.check("03.1", (n_exact, n_small_tol, n_large_tol)).'
        )
    got = [_as_count(v, f"`{n}`") for v, n in zip(answer, _NAMES_031)]
    n = W_031.size
    for name, tol, value in zip(_NAMES_031, TOLS_031, got):
        want = _count(W_031, tol)
        if value == want:
            continue
        shown = f"`{name}` = {fmt(value)}" + (f" (tol = {tol:g})" if tol else " (tol = 0)")
        if not math.isfinite(value) or value < 0 or value != round(value):
            return not_yet(f"{shown}, but a count is a whole number between 0 and {n}.")
        if value > n:
            return not_yet(f"{shown}, more than the {n} entries that w has.")
        if value == n - want:
            return not_yet(
                f"{shown} is the number of entries that count as zero at this tolerance; the question "
                "asks for the entries that count as nonzero."
            )
        if tol > 0 and value == int(np.sum(W_031 > tol)):
            return not_yet(
                f"{shown} counts only the positive entries above tol: a negative entry such as "
                f"{fmt(W_031[2])} is far from zero too. Compare |w_i| with tol."
            )
        if tol > 0 and value == int(np.sum(np.abs(W_031) >= tol)):
            return not_yet(
                f"{shown} counts an entry whose magnitude equals tol exactly as nonzero. With the "
                "convention of this lesson (and nl.count_nonzero), |w_i| <= tol counts as zero."
            )
        if tol == 0 and value in {_count(W_031, t) for t in (1e-12, *TOLS_031[1:])}:
            return not_yet(
                f"{shown} leaves out entries such as {fmt(W_031[1])}: tiny, but not exactly 0. "
                "The exact count (tol = 0) counts every entry that is not exactly zero."
            )
        return not_yet(
            f"{shown} is not the number of entries of w with |w_i| > tol. Print np.abs(w) > tol "
            "and count the True values."
        )
    counts = ", ".join(str(_count(W_031, tol)) for tol in TOLS_031[:-1])
    return correct(
        f"The same vector has {counts} or {_count(W_031, TOLS_031[-1])} nonzeros depending on the "
        "tolerance: in floating point, a sparsity claim means little without its tolerance."
    )


# --------------------------------------------------------------------------- 03.2
_N_TRIANGLE = 100_000
_DIM_TRIANGLE = 6
_SINGLE_CASES = (
    np.array([3.0, -4.0, 0.0]),
    np.zeros(4),
    np.array([0.5, 0.0, -1e-3, 0.0, 7.0]),
    np.array([-2.0]),
)


def _triangle_batches() -> tuple[np.ndarray, np.ndarray]:
    """10⁵ pairs of small-integer vectors; many zeros and many cancellations x_i + y_i = 0."""
    gen = np.random.default_rng(2024)
    X = gen.integers(-2, 3, size=(_N_TRIANGLE, _DIM_TRIANGLE)).astype(float)
    Y = gen.integers(-2, 3, size=(_N_TRIANGLE, _DIM_TRIANGLE)).astype(float)
    Y[: _N_TRIANGLE // 4] = -X[: _N_TRIANGLE // 4]  # y = -x: the sum is the zero vector
    return X, Y


def _as_counts(out, shape, shown_input: str) -> np.ndarray:
    try:
        arr = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        raise not_yet(f"my_l0({shown_input}) returned {type(out).__name__} {out!r}, not a number.") from None
    if arr.shape != shape:
        if shape == ():
            raise not_yet(
                f"my_l0({shown_input}) returned an array of shape {arr.shape}; for one vector it "
                "should return one number."
            )
        raise not_yet(
            f"For a 2-D array with {shape[0]} rows (one vector per row) your my_l0 returned "
            f"{'a single number' if arr.ndim == 0 else f'an array of shape {arr.shape}'}, but it should "
            f"return one count per row, shape {shape}. Count along the last axis."
        )
    return arr


@exercise(
    "03.2",
    "L0 breaks homogeneity, never the triangle inequality",
    stars=2,
    hints=(
        'Revisit the lesson\'s section "Which norm axioms does the L0 count satisfy?": which axiom does '
        "doubling a vector break for the L0 count? For my_l0, the count must work for one vector and, "
        "row by row, for a 2-D array.",
        "A witness is a vector x and a scalar t with ||t·x||_0 != |t|·||x||_0; not every t works "
        "(try t = 1, t = -1 and t = 0 and see why). For my_l0, np.count_nonzero takes an `axis` "
        "argument.",
        "def my_l0(x): return np.count_nonzero(x, axis=___)   ·   x_witness = np.array([___]); "
        "t_witness = ___ (a scalar with |t| different from 0 and 1)",
    ),
)
def _check_l0_axioms(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return not_yet(
            "Pass your function and your witness as one tuple: "
            'nl.exercises.check("03.2", (my_l0, x_witness, t_witness)).'
        )
    func, x_w, t_w = answer
    # 1. my_l0 counts correctly on single vectors.
    for x in _SINGLE_CASES:
        shown = fmt(x)
        got = float(_as_counts(call_learner(func, x.copy(), name="my_l0"), (), shown))
        want = int(np.count_nonzero(x))
        if got != want:
            if got == x.size - want:
                return not_yet(f"my_l0({shown}) = {fmt(got)}: that is the number of zero entries.")
            if math.isclose(got, float(np.sum(np.abs(x))), rel_tol=1e-9) and want != np.sum(np.abs(x)):
                return not_yet(f"my_l0({shown}) = {fmt(got)} is the L1 norm of x (the sum of |x_i|), not a count.")
            if got == x.size:
                return not_yet(f"my_l0({shown}) = {fmt(got)} counts every entry, zeros included.")
            return not_yet(f"my_l0({shown}) = {fmt(got)}, but that vector has {want} nonzero entries.")
    # 2. my_l0 counts row by row: first a small batch (readable feedback), then 10⁵ integer pairs.
    small = np.array([[3.0, -4.0, 0.0], [0.0, 0.0, 0.0], [1.0, 2.0, 3.0]])
    got = _as_counts(call_learner(func, small.copy(), name="my_l0"), (3,), fmt(small))
    if not np.array_equal(got, np.count_nonzero(small, axis=1)):
        return not_yet(
            f"For the 2-D array {fmt(small)} (one vector per row) your my_l0 returned {fmt(got)}, "
            "which are not the rows' numbers of nonzero entries."
        )
    X, Y = _triangle_batches()
    fx = _as_counts(call_learner(func, X, name="my_l0"), (_N_TRIANGLE,), "X")
    fy = _as_counts(call_learner(func, Y, name="my_l0"), (_N_TRIANGLE,), "Y")
    fs = _as_counts(call_learner(func, X + Y, name="my_l0"), (_N_TRIANGLE,), "X + Y")
    for arr, M in ((fx, X), (fy, Y), (fs, X + Y)):
        wrong = np.flatnonzero(arr != np.count_nonzero(M, axis=1))
        if wrong.size:
            i = int(wrong[0])
            return not_yet(
                f"On a batch of vectors (one per row), row {i} is {fmt(M[i])} and your my_l0 gave "
                f"{fmt(float(arr[i]))} for it, which is not its number of nonzero entries."
            )
    violations = int(np.sum(fs > fx + fy))
    if violations:  # pragma: no cover - impossible once the counts are right
        return not_yet(f"my_l0 broke the triangle inequality in {violations} of {_N_TRIANGLE:,} tests.")
    # 3. The witness breaks absolute homogeneity of the true L0 count.
    try:
        x = np.asarray(x_w, dtype=float)
    except (TypeError, ValueError):
        return not_yet(f"x_witness should be a vector of numbers; got {type(x_w).__name__} {x_w!r}.")
    if x.ndim != 1 or x.size == 0:
        return not_yet(f"x_witness should be a 1-D vector such as np.array([1.0, 0.0]); got shape {x.shape}.")
    if isinstance(t_w, np.ndarray) and t_w.size == 1 and t_w.dtype.kind in "iuf":
        t_w = t_w.reshape(())[()]  # a 0-d or 1-element array such as np.array(2.0) is one number
    if isinstance(t_w, (bool, np.bool_)) or not isinstance(t_w, (numbers.Real, np.floating, np.integer)):
        return not_yet(f"t_witness should be one real number (a scalar); got {type(t_w).__name__} {fmt(t_w)}.")
    t = float(t_w)
    if not (np.all(np.isfinite(x)) and math.isfinite(t)):
        return not_yet("x_witness and t_witness must be finite: no NaN or infinity.")
    lhs = int(np.count_nonzero(t * x))
    rhs = abs(t) * int(np.count_nonzero(x))
    if lhs == rhs:
        shown = f"With x = {fmt(x)} and t = {fmt(t)}, ||t·x||_0 = {lhs} and |t|·||x||_0 = {fmt(rhs)} agree"
        if not np.any(x):
            return not_yet(f"{shown}: the zero vector satisfies homogeneity for every t. Pick x with a nonzero entry.")
        if t == 0:
            return not_yet(f"{shown}: t = 0 sends both sides to 0. Try another t.")
        if abs(t) == 1:
            return not_yet(f"{shown}: scaling by ±1 changes no count and |t| = 1. Try another t.")
        return not_yet(f"{shown}, so this pair is not a counterexample.")  # pragma: no cover
    return correct(
        f"Your witness gives ||t·x||_0 = {lhs} but |t|·||x||_0 = {fmt(rhs)}, and your my_l0 passed "
        f"{_N_TRIANGLE:,} random integer triangle tests with no violation. The L0 count fails "
        "homogeneity only; the triangle inequality always holds (supp(x + y) ⊆ supp(x) ∪ supp(y))."
    )


# --------------------------------------------------------------------------- 03.3
_K_IHT = 3
#: The fixed step of the short runs: below 1/||X||_2² of the test problem (about 0.0104).
_SMALL_STEP = 0.005
#: The longest trajectory the diagnosis compares with (an answer that ignores n_iter).
_MAX_ITER_DIAGNOSIS = 1000


def _iht_problem() -> tuple[np.ndarray, np.ndarray]:
    """The test problem of exercise 03.3: 40 samples, 8 standardized features, target centered.

    Features 0, 1 and 2 carry the signal. Feature 3 is a decoy, a blend of features 0 and 2
    that correlates with y more than any other feature, so screening (keep the 3 features
    most correlated with y) picks {0, 2, 3}. Features 4 and 5 are a nearly collinear pair and
    y holds their difference, so the full least-squares fit gives them large coefficients of
    opposite sign and keeping its 3 largest picks {0, 4, 5}. IHT with step 1/||X||_2² starts
    on the screening support, leaves it after a few updates and settles on {0, 1, 2}, the
    best 3-subset. Column 0 is negated, so that feature 0 has a negative correlation and
    coefficient: thresholding by signed value instead of magnitude drops it at the first update.
    (All of this is checked in tests/test_exercises_lesson03.py.)
    """
    gen = np.random.default_rng(61)
    n, d = 40, 8
    X = gen.standard_normal((n, d))
    X[:, 3] = X[:, 0] + X[:, 2] + 0.5 * X[:, 3]  # a decoy: a blend of two signal features
    X[:, 5] = X[:, 4] + 0.2 * X[:, 5]  # a nearly collinear pair
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = 1.5 * X[:, 0] + 1.5 * X[:, 1] + 1.5 * X[:, 2] + 1.0 * (X[:, 4] - X[:, 5]) + gen.standard_normal(n)
    X[:, 0] = -X[:, 0]  # a negative coefficient: thresholding by signed value drops feature 0
    return X, y - y.mean()


def _diabetes_centered() -> tuple[np.ndarray, np.ndarray]:
    """Standardized diabetes features and the centered target, as in the exercise sheet."""
    from sklearn.datasets import load_diabetes
    from sklearn.preprocessing import StandardScaler

    data = load_diabetes()
    X = StandardScaler().fit_transform(data.data)
    y = data.target - data.target.mean()
    return X, y


def _top_k(v: np.ndarray, k: int, *, signed: bool = False) -> np.ndarray:
    """Keep the k entries of v of largest magnitude (or, if `signed`, of largest value)."""
    from ..prox import hard_threshold

    if not signed:
        return hard_threshold(v, k=k)
    out = np.zeros_like(v)
    keep = np.argsort(-v, kind="stable")[:k]
    out[keep] = v[keep]
    return out


def _iht_path(X, y, k, n_iter, step, *, signed=False, threshold_first=False, threshold=True) -> list[np.ndarray]:
    """The reference IHT iterates w_0 = 0, w_1, ..., w_{n_iter} (and the variants of common slips)."""
    w = np.zeros(X.shape[1])
    path = [w]
    for _ in range(n_iter):
        if threshold_first:
            w = _top_k(w, k)
            w = w + step * X.T @ (y - X @ w)
        else:
            v = w + step * X.T @ (y - X @ w)
            w = _top_k(v, k, signed=signed) if threshold else v
        path.append(w)
    return path


def _iht(X, y, k, n_iter, step) -> np.ndarray:
    return _iht_path(X, y, k, n_iter, step)[-1]


def _same(w: np.ndarray, ref: np.ndarray) -> bool:
    scale = max(1.0, float(np.max(np.abs(ref))))
    return w.shape == ref.shape and bool(np.allclose(w, ref, rtol=1e-6, atol=1e-9 * scale))


def _ls_on(X, y, support) -> np.ndarray:
    w = np.zeros(X.shape[1])
    cols = list(support)
    if cols:
        w[cols] = np.linalg.lstsq(X[:, cols], y, rcond=None)[0]
    return w


def _show_step(step: float, X: np.ndarray) -> str:
    if step == 1.0 / np.linalg.norm(X, 2) ** 2:
        return f"1/||X||_2² = {step:.6g}"
    return f"{step:g}"


def _show_support(w: np.ndarray) -> str:
    return "{" + ", ".join(str(int(i)) for i in np.flatnonzero(w)) + "}"


def _call_iht(func, X, y, k, n_iter, step, label):
    """Run the learner's my_iht with short, readable feedback (the data are too big to print)."""
    if is_placeholder(func):
        raise NotAttempted
    if not callable(func):
        raise not_yet(f"my_iht should be a function (defined with def); got {type(func).__name__}.")
    shown = f"my_iht(X, y, k={k}, n_iter={n_iter}, step={_show_step(step, X)}) on {label}"
    try:
        out = func(X, y, k, n_iter, step)
    except Exception as exc:  # the learner's bug, reported with the call that caused it
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise not_yet(f"{shown} raised {last.rstrip('.')}.") from None
    if out is Ellipsis:
        raise NotAttempted
    if out is None:
        code = getattr(func, "__code__", None)
        if code is None or not code.co_names:  # an empty body such as `...`
            raise NotAttempted
        raise not_yet(f"{shown} returned None: end the function with `return w`.")
    return out, shown


def _diagnose(X, y, k, n_iter, step, w) -> str:
    """Name the slip that turns IHT into what the learner returned, if it is a common one."""
    n = X.shape[0]
    nnz = int(np.count_nonzero(w))
    if nnz > k:
        no_threshold = _iht_path(X, y, k, n_iter, step, threshold=False)[-1]
        if _same(w, no_threshold) and _same(w, _iht_path(X, y, k, n_iter, step, threshold_first=True)[-1]):
            return (  # with n_iter = 1 the two slips below give the same vector
                f"{nnz} nonzero coefficients, more than k = {k}: the gradient step is not followed by "
                "thresholding. Each update must end with H_k, keeping only the k entries of largest "
                "magnitude; thresholding before the step does not count."
            )
        if _same(w, _iht_path(X, y, k, n_iter, step, threshold_first=True)[-1]):
            return (
                f"{nnz} nonzero coefficients, more than k = {k}: your loop thresholds first and takes the "
                "gradient step after it, so the last step undoes the thresholding. Each update must end "
                "with H_k."
            )
        if _same(w, no_threshold):
            return (
                f"{nnz} nonzero coefficients, more than k = {k}: these are plain gradient-descent steps. "
                "Each update must end by keeping only the k entries of largest magnitude (H_k)."
            )
        return (
            f"{nnz} nonzero coefficients, more than k = {k}: each update must end by keeping only the "
            "k entries of largest magnitude, with the others exactly 0."
        )
    if nnz < k:
        return (
            f"{nnz} nonzero coefficient{'s' if nnz != 1 else ''}, fewer than k = {k}. On this problem the "
            "gradient step makes every entry nonzero, so H_k always leaves exactly k of them; check that "
            "the step is applied before thresholding and that you return the updated w."
        )
    if _same(w, _iht_path(X, y, k, n_iter, step, signed=True)[-1]):
        return (
            "the iterate you would get by keeping the k largest *signed* entries. H_k keeps the k "
            "entries of largest magnitude |v_i|: a large negative entry must survive as well."
        )
    if _same(w, _iht(X, y, k, n_iter, -step)):
        return (
            "the iterate of steps in the wrong direction: w moves along -X.T @ (y - X @ w), uphill on the "
            "residual sum of squares. Check the sign of the gradient step."
        )
    support = np.flatnonzero(w)
    refit = _same(w, _ls_on(X, y, support))
    path = _iht_path(X, y, k, _MAX_ITER_DIAGNOSIS, step)
    matches = [m for m, ref in enumerate(path) if m != n_iter and _same(w, ref)]
    if matches:
        m = matches[0]
        after = f"after {m} updates" if len(matches) == 1 else f"after {m} or more updates"
        if abs(m - n_iter) == 1:
            return (
                f"the IHT iterate after {m} updates instead of n_iter = {n_iter}: count your loop; "
                "range(n_iter) runs exactly n_iter times, and w = 0 is the start, not an update."
            )
        if refit:
            return (
                f"the iterate IHT reaches only {after}, which is also the least-squares fit on its "
                f"support {_show_support(w)}: either your loop runs more updates than n_iter = {n_iter}, "
                "or you refit on the support at the end. Return the iterate after exactly n_iter "
                "updates, with no refit."
            )
        return (
            f"the iterate IHT reaches only {after}, not after n_iter = {n_iter}: your "
            "function seems to ignore n_iter. Run exactly the number of updates the checker passes."
        )
    for factor, why in (
        (2.0, "a step twice as large: use `step` as given, times X.T @ (y - X @ w), with no factor 2"),
        (1.0 / n, f"a step n = {n} times smaller: use the sum X.T @ (y - X @ w), not a mean over samples"),
    ):
        if _same(w, _iht(X, y, k, n_iter, factor * step)):
            return f"the IHT iterate for {why}."
    L = np.linalg.norm(X, 2) ** 2
    own_steps = {1.0 / L, 1.0 / np.linalg.norm(X) ** 2} - {step}
    if any(_same(w, ref) for s in own_steps for ref in (_iht(X, y, k, n_iter, s), _iht_converged(X, y, k, s))):
        return (
            "the IHT iterate for a step size you chose yourself, not for the `step` the checker passed. "
            "Use the step argument."
        )
    screening = np.sort(np.argsort(-np.abs(X.T @ y), kind="stable")[:k])
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    ols_top = np.sort(np.argsort(-np.abs(ols), kind="stable")[:k])
    if refit:
        if np.array_equal(support, screening):
            return (
                f"the least-squares fit on the support {_show_support(w)}, which is also the set of the {k} "
                "features most correlated with y. The IHT iterate is not a least-squares fit: it is the "
                "thresholded gradient step itself. Do not refit on the support, and do not replace the "
                "iterations by screening the correlations."
            )
        if np.array_equal(support, ols_top):
            return (
                f"the least-squares fit on {_show_support(w)}, the features with the {k} largest coefficients "
                "of the full least-squares fit. Truncating least squares is not IHT: iterate gradient steps and H_k "
                "from w = 0."
            )
        return (
            f"the least-squares fit on its own support {_show_support(w)}: a refit (debiasing) step. The "
            "exercise asks for the plain IHT iterate after n_iter updates, with no refit."
        )
    if _same(w, _top_k(ols, k)):
        return (
            f"the {k} largest coefficients of the full least-squares fit. Thresholding once, at the end, "
            "is not IHT: threshold after every gradient step, starting from w = 0."
        )
    return (
        f"w = {fmt(w, 6)}, which is not the IHT iterate. Check one update by hand: from w = 0, "
        "the first update is H_k(w + step * X.T @ (y - X @ w)), and the checker compares every "
        "coefficient to 6 significant digits."
    )


def _iht_converged(X, y, k, step) -> np.ndarray:
    """IHT run until it stops changing (an answer that ignores both n_iter and step)."""
    return _iht(X, y, k, _MAX_ITER_DIAGNOSIS, step)


def _iht_runs() -> list[tuple[str, np.ndarray, np.ndarray, int, float]]:
    """The calls the checker makes: (label, X, y, n_iter, step), simplest first."""
    Xt, yt = _iht_problem()
    Xd, yd = _diabetes_centered()
    label = "the test problem (40 samples, 8 features)"
    mu_t = 1.0 / np.linalg.norm(Xt, 2) ** 2
    return [
        (label, Xt, yt, 1, _SMALL_STEP),
        (label, Xt, yt, 3, _SMALL_STEP),
        (label, Xt, yt, 10, mu_t),
        ("the diabetes data of the sheet", Xd, yd, 300, 1.0 / np.linalg.norm(Xd, 2) ** 2),
    ]


def _check_one_run(func, label, X, y, n_iter, step) -> str | None:
    k = _K_IHT
    X_in, y_in = X.copy(), y.copy()
    out, shown = _call_iht(func, X_in, y_in, k, n_iter, step, label)
    try:
        w = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        return f"{shown} returned {type(out).__name__}, not an array of coefficients."
    d = X.shape[1]
    if w.shape != (d,):
        extra = " (a column: flatten it, or keep w 1-D throughout)" if w.shape == (d, 1) else ""
        return f"{shown} returned an array of shape {w.shape}{extra}; it should return one coefficient per column of X, shape ({d},)."
    if not (np.array_equal(X_in, X) and np.array_equal(y_in, y)):
        return f"{shown} changed X or y in place; work on copies or use expressions that create new arrays."
    if not np.all(np.isfinite(w)):
        return (
            f"{shown} returned coefficients containing inf or NaN: the iterates blew up. With the step "
            "the checker passes (at most 1/||X||_2²) IHT cannot blow up: check the sign of the gradient "
            "step and that you use `step`."
        )
    if _same(w, _iht(X, y, k, n_iter, step)):
        return None
    return f"{shown} returned " + _diagnose(X, y, k, n_iter, step, w)


@exercise(
    "03.3",
    "Iterative hard thresholding",
    stars=3,
    hints=(
        'Revisit the lesson\'s section "No useful gradient: hard thresholding instead". IHT alternates two '
        "moves, n_iter times, from w = 0: a gradient step that lowers the residual sum of squares, and "
        "hard thresholding, which keeps the k entries of largest magnitude.",
        "Inside the loop, first move w by step times X.T @ (y - X @ w) (minus the gradient of "
        "½||y - Xw||²), then apply nl.prox.hard_threshold with k=k to the result. Use the step and n_iter "
        "you are given, and return the last iterate as it is: no least-squares refit at the end.",
        "w = np.zeros(___); for _ in range(___): w = nl.prox.hard_threshold(w + ___ * X.T @ (___), k=___); "
        "return w",
    ),
)
def _check_iht(func):
    for label, X, y, n_iter, step in _iht_runs():
        message = _check_one_run(func, label, X, y, n_iter, step)
        if message is not None:
            return not_yet(message)
    return correct(_iht_success_message())


def _iht_success_message() -> str:
    from ..linear import best_subset

    X, y = _iht_problem()
    k = _K_IHT
    mu = 1.0 / np.linalg.norm(X, 2) ** 2
    screening = np.sort(np.argsort(-np.abs(X.T @ y), kind="stable")[:k])
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    ols_top = np.sort(np.argsort(-np.abs(ols), kind="stable")[:k])
    best = best_subset(X, y, k).support
    path = _iht_path(X, y, k, 10, mu)
    leave = next(m for m, w in enumerate(path) if m and not np.array_equal(np.flatnonzero(w), screening))

    def braces(idx) -> str:
        return "{" + ", ".join(str(int(i)) for i in idx) + "}"

    return (
        "Your my_iht reproduces IHT update for update. On the test problem both shortcuts pick the wrong "
        f"features: screening keeps {braces(screening)} (feature 3 is a decoy that correlates with y "
        f"more than any other), and truncating the full least-squares fit keeps {braces(ols_top)} "
        "(features 4 and 5 are a nearly collinear pair with large, cancelling coefficients). IHT with "
        f"step 1/||X||_2² starts on the screening support, leaves it at update {leave}, and by update 10 "
        f"holds {braces(np.flatnonzero(path[-1]))}"
        + (f", the best {k}-subset." if np.array_equal(np.flatnonzero(path[-1]), best) else ".")
        + " IHT is still a heuristic: on other data it can settle on a worse support."
    )
