"""Shared pytest set-up: doctest namespace, static widgets, quiet BLAS, hypothesis profile."""

import os

# Set before any kernel starts: nbval kernels inherit the environment (--nbval-current-env).
os.environ.setdefault("NORMLAB_STATIC", "1")  # widgets draw one static figure
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

import numpy as np
import pytest

try:
    from hypothesis import settings

    settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
    settings.load_profile("ci")
except ImportError:  # hypothesis is a dev extra
    pass


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["np"] = np
