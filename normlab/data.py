"""Offline datasets: scikit-learn's bundled data in course-ready form, and seeded generators.

Nothing here downloads: every loader reads data shipped inside scikit-learn, and every
``make_*`` generator is reproducible from its `rng` argument.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._validation import check_int, check_interval, check_positive

__all__ = ["Split", "load_digits_unit", "make_block_correlated", "make_outlier_regression"]


class Split(NamedTuple):
    """A train/test split: ``X_train, X_test, y_train, y_test``."""

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray


def load_digits_unit(test_size: float = 0.3, *, rng=0) -> Split:
    """scikit-learn's 8×8 digits scaled to [0, 1], split with stratification.

    Parameters
    ----------
    test_size : float, default=0.3
        Fraction of the 1,797 images held out, in (0, 1).
    rng : int, default=0
        Seed of the split.

    Returns
    -------
    Split
        ``X_train`` and ``X_test`` of shape (n, 64) with pixels in [0, 1]; integer labels.

    Raises
    ------
    ValueError
        If `test_size` is not strictly between 0 and 1.

    Notes
    -----
    The pixel values 0..16 are divided by 16. Used in lessons 06, 10 and 24.

    Examples
    --------
    >>> from normlab.data import load_digits_unit
    >>> split = load_digits_unit()
    >>> print(split.X_train.shape, split.X_test.shape, f"{split.X_train.max():.1f}")
    (1257, 64) (540, 64) 1.0
    """
    test_size = check_interval(test_size, "test_size", 0.0, 1.0, caller="load_digits_unit", closed="neither")
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    seed = int(np.random.default_rng(rng).integers(2**31 - 1))
    parts = train_test_split(X / 16.0, y, test_size=test_size, stratify=y, random_state=seed)
    return Split(*parts)


def make_outlier_regression(
    n: int = 100,
    *,
    frac_outliers: float = 0.1,
    slope: float = 2.0,
    intercept: float = 1.0,
    noise: float = 0.5,
    outlier_shift: float = 20.0,
    rng=0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A straight line with Gaussian noise and a fraction of gross, one-sided outliers.

    Parameters
    ----------
    n : int, default=100
        Number of points.
    frac_outliers : float, default=0.1
        Fraction of points (rounded down) whose response is shifted up by
        `outlier_shift`; in [0, 0.5).
    slope, intercept : float
        The true line ``y = intercept + slope * x``.
    noise : float, default=0.5
        Standard deviation of the Gaussian noise on every point.
    outlier_shift : float, default=20.0
        Upward shift of the outliers, which sit at the largest x values (high leverage).
    rng : int, default=0
        Seed.

    Returns
    -------
    X : ndarray of shape (n, 1)
        Inputs, uniform on [0, 10].
    y : ndarray of shape (n,)
        Responses.
    is_outlier : ndarray of bool, shape (n,)

    Notes
    -----
    Used in lessons 04 and 12 to compare least squares (mean-like), least absolute
    deviations (median-like) and Huber fits.

    Examples
    --------
    >>> from normlab.data import make_outlier_regression
    >>> X, y, out = make_outlier_regression(50, frac_outliers=0.1)
    >>> print(X.shape, y.shape, int(out.sum()))
    (50, 1) (50,) 5
    """
    n = check_int(n, "n", caller="make_outlier_regression", minimum=2)
    frac = check_interval(frac_outliers, "frac_outliers", 0.0, 0.5, caller="make_outlier_regression", closed="left")
    check_positive(noise, "noise", caller="make_outlier_regression", strict=False)
    gen = np.random.default_rng(rng)
    x = np.sort(gen.uniform(0.0, 10.0, size=n))
    y = intercept + slope * x + gen.normal(0.0, noise, size=n)
    n_out = int(np.floor(frac * n))
    is_outlier = np.zeros(n, dtype=bool)
    if n_out:
        # the outliers are the points with the largest x: they pull least squares hardest
        is_outlier[-n_out:] = True
        y[is_outlier] += outlier_shift
    return x[:, None], y, is_outlier


def make_block_correlated(
    n: int,
    p: int,
    *,
    block_size: int = 5,
    rho: float = 0.9,
    rng=0,
) -> np.ndarray:
    """Gaussian features in blocks with equal within-block correlation `rho`.

    Each block shares one latent factor: ``x_j = sqrt(rho) * z_block + sqrt(1 - rho) * e_j``,
    so every pair inside a block has correlation `rho` and pairs in different blocks 0.

    Parameters
    ----------
    n, p : int
        Number of samples and of features.
    block_size : int, default=5
        Features per block (the last block may be smaller).
    rho : float, default=0.9
        Within-block correlation, in [0, 1).
    rng : int, default=0
        Seed.

    Returns
    -------
    X : ndarray of shape (n, p)

    Examples
    --------
    >>> from normlab.data import make_block_correlated
    >>> X = make_block_correlated(20000, 4, block_size=2, rho=0.9)
    >>> print(f"{np.corrcoef(X.T)[0, 1]:.2f} {abs(np.corrcoef(X.T)[0, 2]):.2f}")
    0.90 0.00
    """
    n = check_int(n, "n", caller="make_block_correlated", minimum=1)
    p = check_int(p, "p", caller="make_block_correlated", minimum=1)
    block_size = check_int(block_size, "block_size", caller="make_block_correlated", minimum=1)
    rho = check_interval(rho, "rho", 0.0, 1.0, caller="make_block_correlated", closed="left")
    gen = np.random.default_rng(rng)
    n_blocks = -(-p // block_size)
    latent = gen.standard_normal((n, n_blocks))
    block_of = np.arange(p) // block_size
    return np.sqrt(rho) * latent[:, block_of] + np.sqrt(1.0 - rho) * gen.standard_normal((n, p))
