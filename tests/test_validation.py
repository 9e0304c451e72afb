"""The shared argument checks: messages name the caller, the argument and what arrived."""

import numpy as np
import pytest

from normlab._validation import as_float_array, check_axis, check_int, check_option, check_positive


def test_check_option_names_caller_argument_and_value():
    with pytest.raises(ValueError, match=r"f: `ord` must be one of 1, 2; got 3\."):
        check_option(3, "ord", (1, 2), caller="f")
    assert check_option(np.inf, "ord", (1, np.inf), caller="f") == np.inf


def test_as_float_array_casts_like_numpy_linalg():
    assert as_float_array([1, 2], "x", caller="f").dtype == np.float64
    assert as_float_array([True], "x", caller="f").dtype == np.float64
    assert as_float_array(np.ones(2, np.float32), "x", caller="f").dtype == np.float32
    assert as_float_array(np.ones(2, complex), "x", caller="f").dtype == np.complex128


@pytest.mark.parametrize("bad", [["a", "b"], np.array([None, 1]), {"a": 1}])
def test_as_float_array_rejects_non_numeric(bad):
    with pytest.raises(TypeError, match="`x`"):
        as_float_array(bad, "x", caller="f")


def test_as_float_array_checks_ndim_and_emptiness():
    with pytest.raises(ValueError, match="1-D"):
        as_float_array(np.ones((2, 2)), "x", caller="f", ndim=1)
    with pytest.raises(ValueError, match="empty"):
        as_float_array([], "x", caller="f", allow_empty=False)


@pytest.mark.parametrize("value, exc", [(0, ValueError), (-1.0, ValueError), (np.nan, ValueError),
                                         ("1", TypeError), (True, TypeError)])
def test_check_positive_rejects(value, exc):
    with pytest.raises(exc, match="`lam`"):
        check_positive(value, "lam", caller="f")


def test_check_int_and_axis():
    assert check_int(np.int64(3), "k", caller="f") == 3
    with pytest.raises(TypeError):
        check_int(2.5, "k", caller="f")
    with pytest.raises(ValueError):
        check_int(0, "k", caller="f", minimum=1)
    assert check_axis(-1, 3, caller="f") == (2,)
    assert check_axis(None, 2, caller="f") == (0, 1)
    with pytest.raises(TypeError):
        check_axis(1.0, 2, caller="f")
    with pytest.raises(np.exceptions.AxisError):
        check_axis(3, 2, caller="f")
    with pytest.raises(ValueError):
        check_axis((0, 0), 2, caller="f")


def test_check_option_refuses_booleans_for_numbers():
    with pytest.raises(ValueError):
        check_option(True, "ord", (1, 2), caller="f")
    assert check_option(None, "penalty", ("l2", None), caller="f") is None


def test_check_interval_names_the_interval_and_refuses_non_numbers():
    from normlab._validation import check_interval

    assert check_interval(0.5, "rho", 0.0, 1.0, caller="f", closed="left") == 0.5
    with pytest.raises(ValueError, match=r"f: `rho` must be in \[0, 1\); got 1\."):
        check_interval(1, "rho", 0.0, 1.0, caller="f", closed="left")
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        check_interval(np.nan, "l1_ratio", 0.0, 1.0, caller="f", closed="right")
    with pytest.raises(TypeError, match="`l1_ratio`"):
        check_interval("a", "l1_ratio", 0.0, 1.0, caller="f")
