"""normlab.normalization against scikit-learn (normalize, Normalizer, cosine_similarity) and
PyTorch (F.normalize, the clamp convention), plus the explicit zero-vector policies."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal

import normlab as nl
from normlab.normalization import cosine_similarity, normalize

sk_pre = pytest.importorskip("sklearn.preprocessing")
sk_pair = pytest.importorskip("sklearn.metrics.pairwise")

NORMS = ("l1", "l2", "max")
TORCH_P = {"l1": 1.0, "l2": 2.0, "max": float("inf")}


def _data(seed=0, shape=(6, 4), dtype=np.float64):
    X = np.random.default_rng(seed).standard_normal(shape) * 10
    X[2] = 0.0  # one zero row
    return X.astype(dtype)


# --------------------------------------------------------------------------- scikit-learn
@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("seed", range(3))
def test_normalize_matches_sklearn(norm, axis, seed):
    X = _data(seed)
    if axis == 0:
        X[:, 1] = 0.0  # a zero column too
    got, got_norms = normalize(X, norm, axis=axis, return_norm=True)
    want, want_norms = sk_pre.normalize(X, norm, axis=axis, return_norm=True)
    assert_allclose(got, want, rtol=1e-12, atol=0)
    assert_allclose(got_norms, want_norms, rtol=1e-12)
    assert got.dtype == want.dtype == np.float64
    assert_array_equal(normalize(X, norm, axis=axis), got)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize(
    "dtype, rtol",
    [(np.float64, 1e-12), (np.float32, 1e-5), (np.float16, 2e-3), (np.int64, 1e-12), (np.int32, 1e-12), (bool, 1e-12)],
)
def test_normalize_matches_sklearn_over_dtypes(norm, dtype, rtol):
    X = np.array([[3, -4, 0], [0, 0, 0], [1, 2, 2], [7, 1, -1]]).astype(dtype)
    got, want = normalize(X, norm), sk_pre.normalize(X, norm)
    assert got.dtype == want.dtype  # ints and bools become float64; floats keep their precision
    assert_allclose(got, want, rtol=rtol, atol=0)


def test_normalize_matches_sklearn_normalizer_in_a_pipeline():
    X = _data(4, (20, 5))
    for norm in NORMS:
        assert_allclose(normalize(X, norm), sk_pre.Normalizer(norm=norm).fit_transform(X), rtol=1e-12)


def test_normalize_keeps_tiny_rows_like_sklearn():
    # scikit-learn treats norms below 10 * machine eps as zero and leaves the row unchanged
    X = np.array([[1e-20, 0.0], [1e-15, 0.0], [3e-15, 0.0], [0.0, 0.0]])
    assert_array_equal(normalize(X), sk_pre.normalize(X))
    assert_array_equal(normalize(X)[:2], X[:2])
    assert_array_equal(normalize(X)[2], [1.0, 0.0])
    X32 = np.array([[1e-6, 0.0], [2e-6, 0.0]], dtype=np.float32)  # threshold 1.19e-6 in float32
    assert_array_equal(normalize(X32), sk_pre.normalize(X32))


def test_normalize_return_norm_gives_the_divisors():
    X = np.array([[3.0, 4.0], [0.0, 0.0]])
    Xn, norms = normalize(X, return_norm=True)
    assert_array_equal(norms, [5.0, 1.0])  # 1.0 for the kept zero row, as scikit-learn
    assert_allclose(Xn * norms[:, None], X)
    _, n_nan = normalize(X, zero="nan", return_norm=True)
    assert_array_equal(n_nan, [5.0, 0.0])
    _, n_eps = normalize(X, eps=0.5, return_norm=True)
    assert_array_equal(n_eps, [5.0, 0.5])
    _, n_1d = normalize(np.array([3.0, 4.0]), return_norm=True)
    assert n_1d == 5.0 and np.ndim(n_1d) == 0


def test_normalize_regression_no_overflow_where_sklearn_overflows():
    X = np.array([[1e200, 1e200], [1e-200, -1e-200]])
    got = normalize(X)
    assert_allclose(got[0], [2**-0.5, 2**-0.5], rtol=1e-15)
    assert_array_equal(got[1], X[1])  # norm below 10 eps: a zero row for scikit-learn and us
    assert_allclose(normalize(X, eps=1e-300)[1], [2**-0.5, -(2**-0.5)], rtol=1e-15)  # no underflow
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn's own overflow warning
        assert_array_equal(sk_pre.normalize(X[:1]), [[0.0, 0.0]])  # what we improve on


def test_normalize_1d_is_one_vector():
    x = np.array([3.0, -4.0, 0.0])
    for norm, want in [("l1", x / 7), ("l2", x / 5), ("max", x / 4)]:
        for axis in (0, 1):
            got = normalize(x, norm, axis=axis)
            assert got.shape == (3,)
            assert_allclose(got, want, rtol=1e-15)
            assert_allclose(got, sk_pre.normalize(x.reshape(1, -1), norm)[0], rtol=1e-15)
    assert_array_equal(normalize(np.zeros(3)), np.zeros(3))


def test_normalize_worked_numbers_of_lesson_11():
    x = [3, -4, 0]
    assert_allclose(nl.normalize(x, "l2"), [0.6, -0.8, 0.0], rtol=1e-15)
    assert_allclose(nl.normalize(x, "l1"), [3 / 7, -4 / 7, 0.0], rtol=1e-15)
    assert_array_equal(nl.normalize(x, "max"), [0.75, -1.0, 0.0])


# --------------------------------------------------------------------------- PyTorch
@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("eps", [1e-12, 1e-3, 0.5, 7.0])
def test_normalize_eps_matches_torch(norm, axis, eps):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    X = _data(1)
    X[0] *= 1e-14  # a tiny row, below eps=1e-12
    X[3] = [0.03, -0.04, 0.0, 0.0]  # norms below the larger eps values
    got = normalize(X, norm, axis=axis, eps=eps)
    want = F.normalize(torch.from_numpy(X), p=TORCH_P[norm], dim=axis, eps=eps).numpy()
    assert_allclose(got, want, rtol=1e-12, atol=0)


def test_normalize_eps_tiny_vectors_match_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    # below eps the clamp divides by eps: lengths 0.01, 0.5 and 1 for norms 1e-14, 5e-13, 1e-12
    X = np.array([[0.6e-14, -0.8e-14], [3e-13, 4e-13], [0.6e-12, 0.8e-12], [0.0, 0.0], [3.0, 4.0]])
    got = normalize(X, eps=1e-12)
    want = F.normalize(torch.from_numpy(X), eps=1e-12).numpy()
    assert_allclose(got, want, rtol=1e-12, atol=0)
    assert_allclose(np.linalg.norm(got, axis=1), [0.01, 0.5, 1.0, 0.0, 1.0], rtol=1e-12)
    x1 = np.array([3e-13, 4e-13])
    assert_allclose(normalize(x1, eps=1e-12), F.normalize(torch.from_numpy(x1), dim=0).numpy(), rtol=1e-12)


def test_normalize_nan_and_inf_propagate_like_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    X = np.array([[np.nan, 1.0], [np.inf, 1.0], [3.0, 4.0]])
    want = F.normalize(torch.from_numpy(X)).numpy()
    for kwargs in ({}, {"eps": 1e-12}, {"zero": "nan"}, {"zero": "raise"}):
        assert_array_equal(normalize(X, **kwargs), want)  # assert_array_equal treats NaN == NaN


@pytest.mark.parametrize("norm", NORMS)
def test_normalize_zero_nan_matches_torch_plain_division(norm):
    torch = pytest.importorskip("torch")
    X = _data(2)
    t = torch.from_numpy(X)
    want = (t / torch.linalg.vector_norm(t, ord=TORCH_P[norm], dim=1, keepdim=True)).numpy()
    assert_allclose(normalize(X, norm, zero="nan"), want, rtol=1e-12)
    assert np.isnan(want[2]).all()


# --------------------------------------------------------------------------- zero policies
def test_normalize_zero_policies():
    X = np.array([[3.0, 4.0], [0.0, 0.0], [1e-20, 0.0]])
    assert_array_equal(normalize(X, zero="keep"), [[0.6, 0.8], [0.0, 0.0], [1e-20, 0.0]])
    got = normalize(X, zero="nan")
    assert_array_equal(got[0], [0.6, 0.8]) and np.isnan(got[1:]).all()
    with pytest.raises(ValueError, match=r"rows 1, 2 of `X` have norm 0"):
        normalize(X, zero="raise")
    with pytest.raises(ValueError, match=r"column 1 of `X` has norm 0"):
        normalize(np.array([[1.0, 0.0], [2.0, 0.0]]), axis=0, zero="raise")
    with pytest.raises(ValueError, match=r"`X` has norm 0"):
        normalize(np.zeros(3), zero="raise")
    assert_array_equal(normalize(X[:1], zero="raise"), [[0.6, 0.8]])


def test_normalize_zero_nan_does_not_warn_unlike_numpy():
    z = np.zeros(3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        numpy_result = z / np.linalg.norm(z)
    assert np.isnan(numpy_result).all() and caught and caught[0].category is RuntimeWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isnan(normalize(z, zero="nan")).all()


def test_normalize_raise_lists_at_most_five_rows():
    with pytest.raises(ValueError, match=r"rows 0, 1, 2, 3, 4, \.\.\. \(8 in all\)"):
        normalize(np.zeros((8, 2)), zero="raise")


def test_normalize_eps_requires_zero_keep():
    with pytest.raises(ValueError, match="`zero` must be 'keep' when `eps` is given"):
        normalize([[0.0, 0.0]], eps=1e-12, zero="nan")
    with pytest.raises(ValueError, match="`zero` must be 'keep'"):
        normalize([[0.0, 0.0]], eps=1e-12, zero="raise")


# --------------------------------------------------------------------------- copies
def test_normalize_copy_semantics():
    X = np.array([[3.0, 4.0], [1.0, 0.0]])
    before = X.copy()
    out = normalize(X)
    assert_array_equal(X, before)
    assert not np.shares_memory(out, X)

    out = normalize(X, copy=False)  # in place, as scikit-learn
    assert out is X
    assert_array_equal(X, [[0.6, 0.8], [1.0, 0.0]])

    Xi = np.array([[3, 4]])  # integers cannot be divided in place: a float copy comes back
    assert_array_equal(normalize(Xi, copy=False), [[0.6, 0.8]])
    assert Xi.dtype == np.int64 and Xi[0, 0] == 3

    x = np.arange(1.0, 7.0)[::2]  # a strided 1-D view, normalized in place
    y = normalize(x, copy=False)
    assert np.shares_memory(x, y)
    assert_allclose(np.linalg.norm(x), 1.0, rtol=1e-15)

    ro = np.array([[3.0, 4.0]])
    ro.flags.writeable = False
    assert_array_equal(normalize(ro, copy=False), [[0.6, 0.8]])
    assert ro[0, 0] == 3.0


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "kwargs, exc, fragment",
    [
        ({"norm": "l3"}, ValueError, "`norm` must be one of 'l1', 'l2', 'max'; got 'l3'"),
        ({"norm": 2}, ValueError, "`norm` must be one of"),
        ({"axis": 2}, ValueError, "`axis` must be one of 0, 1; got 2"),
        ({"axis": -1}, ValueError, "`axis` must be one of 0, 1"),
        ({"axis": True}, ValueError, "`axis` must be one of 0, 1"),
        ({"zero": "ignore"}, ValueError, "`zero` must be one of 'keep', 'nan', 'raise'"),
        ({"eps": 0.0}, ValueError, "`eps` must be positive"),
        ({"eps": -1.0}, ValueError, "`eps` must be positive"),
        ({"eps": "1e-12"}, TypeError, "`eps` must be a real number"),
    ],
)
def test_normalize_bad_options(kwargs, exc, fragment):
    with pytest.raises(exc, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        normalize([[1.0, 2.0]], **kwargs)


@pytest.mark.parametrize(
    "X, exc, fragment",
    [
        (np.zeros((2, 2, 2)), ValueError, "must be 1-D or 2-D"),
        (np.float64(3.0), ValueError, "must be 1-D or 2-D"),
        (np.zeros((0, 3)), ValueError, "must not be empty"),
        ([["a", "b"]], TypeError, "must be numeric"),
        (np.array([[1, 2]], dtype=object), TypeError, "must be numeric"),
        ([[1 + 1j, 2]], TypeError, "must be real"),
        ([[1, 2], [3]], TypeError, "array-like of numbers"),
    ],
)
def test_normalize_bad_input(X, exc, fragment):
    with pytest.raises(exc, match=fragment):
        normalize(X)
    with pytest.raises(exc, match=fragment):
        cosine_similarity(X)


def test_normalize_rejects_sparse_input():
    sparse = pytest.importorskip("scipy.sparse")
    with pytest.raises(TypeError, match="dense array; got a sparse"):
        normalize(sparse.csr_matrix(np.eye(2)))


# --------------------------------------------------------------------------- properties
finite = st.floats(-1e6, 1e6, allow_nan=False).filter(lambda v: v == 0 or abs(v) > 1e-6)
matrices = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=finite)


@given(X=matrices, norm=st.sampled_from(NORMS), axis=st.sampled_from([0, 1]))
def test_normalize_gives_unit_norm_and_keeps_direction(X, norm, axis):
    Xn, divisors = normalize(X, norm, axis=axis, return_norm=True)
    ord = {"l1": 1, "l2": 2, "max": np.inf}[norm]
    lengths = np.linalg.norm(Xn, ord=ord, axis=axis)
    nonzero = np.linalg.norm(X, ord=ord, axis=axis) > 0
    assert_allclose(lengths[nonzero], 1.0, rtol=1e-12)
    assert np.all(lengths[~nonzero] == 0)
    assert np.all(divisors > 0)  # positive scale: every sign is kept
    assert np.array_equal(np.sign(Xn), np.sign(X))
    assert_allclose(Xn * np.expand_dims(divisors, axis), X, rtol=1e-12, atol=1e-300)


@given(X=matrices, scale=st.floats(1e-3, 1e3))
def test_normalize_is_scale_invariant(X, scale):
    assert_allclose(normalize(scale * X), normalize(X), rtol=1e-12, atol=1e-15)


# --------------------------------------------------------------------------- cosine similarity
@pytest.mark.parametrize("seed", range(3))
def test_cosine_similarity_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((5, 4)), rng.standard_normal((3, 4))
    X[1] = 0.0
    Y[2] = 0.0
    assert_allclose(cosine_similarity(X, Y), sk_pair.cosine_similarity(X, Y), rtol=1e-12, atol=1e-15)
    assert_allclose(cosine_similarity(X), sk_pair.cosine_similarity(X), rtol=1e-12, atol=1e-15)
    assert np.all(cosine_similarity(X, Y)[1] == 0) and np.all(cosine_similarity(X, Y)[:, 2] == 0)


@pytest.mark.parametrize(
    "dx, dy, want",
    [(np.float32, np.float32, np.float32), (np.float32, np.float64, np.float64),
     (np.int64, np.int64, np.float64), (np.float16, np.float16, np.float64)],
)
def test_cosine_similarity_dtypes_match_sklearn(dx, dy, want):
    X = np.array([[1, 2, 3], [0, 1, 1]]).astype(dx)
    Y = np.array([[2, 0, 1]]).astype(dy)
    got, ref = cosine_similarity(X, Y), sk_pair.cosine_similarity(X, Y)
    assert got.dtype == ref.dtype == want
    assert_allclose(got, ref, rtol=1e-6 if want == np.float32 else 1e-12)


def test_cosine_similarity_is_the_dot_product_of_unit_vectors():
    a, b = np.array([3.0, -4.0, 0.0]), np.array([4.0, 0.0, 3.0])
    law_of_cosines = (a @ a + b @ b - (a - b) @ (a - b)) / (2 * np.linalg.norm(a) * np.linalg.norm(b))
    assert_allclose(cosine_similarity(a, b), [[law_of_cosines]], rtol=1e-15)
    assert_allclose(normalize(a) @ normalize(b), 0.48, rtol=1e-15)
    assert_allclose(cosine_similarity(a, 1e3 * b), cosine_similarity(a, b), rtol=1e-15)


def test_cosine_similarity_bad_shapes():
    with pytest.raises(ValueError, match="same number of features; got 3 and 2"):
        cosine_similarity(np.ones((2, 3)), np.ones((2, 2)))


def test_normalize_eps_in_float16_matches_torch():
    torch = pytest.importorskip("torch")
    X = np.array([[0.0, 0.0], [1e-3, 0.0], [3.0, 4.0]], dtype=np.float16)
    for eps in (1e-12, 1e-3):  # 1e-12 rounds to 0 in float16: the zero row becomes NaN in both
        want = torch.nn.functional.normalize(torch.from_numpy(X), eps=eps).numpy()
        got = normalize(X, eps=eps)
        assert got.dtype == np.float16
        assert_allclose(got, want, rtol=2e-3)
