"""normlab: the companion package of the normlab course on vector norms in machine learning.

``import normlab as nl`` costs NumPy and little more: every submodule loads on first
access (PEP 562), matplotlib only inside :mod:`normlab.viz`, ipywidgets only inside
:mod:`normlab.widgets`, SciPy optimizers and scikit-learn only inside the functions
that use them.

The top level re-exports the names most lessons use; everything else lives at
``nl.<module>.<name>`` so that each call shows where it comes from.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Submodules, loaded on first attribute access.
_SUBMODULES = frozenset(
    {
        "compat",
        "course",
        "data",
        "exercises",
        "geometry",
        "linear",
        "losses",
        "normalization",
        "norms",
        "prox",
        "robust",
        "viz",
        "widgets",
    }
)

# Re-exported functions: name -> module that is their one home.
_REEXPORTS = {
    "norm": "norms",
    "vector_norm": "norms",
    "matrix_norm": "norms",
    "count_nonzero": "norms",
    "dual_norm": "norms",
    "normalize": "normalization",
    "show_versions": "_versions",
}

__all__ = sorted(_REEXPORTS) + sorted(_SUBMODULES)


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _REEXPORTS:
        module = importlib.import_module(f"{__name__}.{_REEXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
