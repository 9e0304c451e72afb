"""The public surface: every module listed and importable, every public name documented with
Examples, and ``import normlab`` light (no matplotlib, ipywidgets, scikit-learn, SciPy optimizers, torch)."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys

import pytest

import normlab

PUBLIC_MODULES = sorted(
    info.name for info in pkgutil.iter_modules(normlab.__path__) if not info.name.startswith("_")
)


def test_every_public_module_is_reachable_lazily():
    assert set(PUBLIC_MODULES) == set(normlab._SUBMODULES)
    for name in PUBLIC_MODULES:
        assert getattr(normlab, name).__name__ == f"normlab.{name}"


def test_top_level_reexports_are_the_modules_objects():
    for name, module in normlab._REEXPORTS.items():
        assert getattr(normlab, name) is getattr(importlib.import_module(f"normlab.{module}"), name)


def test_no_module_shares_a_name_with_a_reexported_function():
    assert not set(normlab._REEXPORTS) & set(normlab._SUBMODULES)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_public_names_have_docstrings_with_examples(module_name):
    module = importlib.import_module(f"normlab.{module_name}")
    assert module.__doc__, f"normlab.{module_name} needs a module docstring"
    names = getattr(module, "__all__", None)
    assert names is not None, f"normlab.{module_name} needs __all__"
    for name in names:
        obj = getattr(module, name)
        if inspect.ismodule(obj) or not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        doc = inspect.getdoc(obj) or ""
        assert doc, f"normlab.{module_name}.{name} has no docstring"
        if inspect.isfunction(obj) and obj.__module__.startswith("normlab") and module_name not in ("course",):
            assert "Examples" in doc, f"normlab.{module_name}.{name}: add an Examples section"


def test_import_normlab_is_light():
    code = (
        "import sys, time, json;"
        "import numpy;"
        "t = time.perf_counter(); import normlab; dt = time.perf_counter() - t;"
        "heavy = [m for m in ('matplotlib', 'ipywidgets', 'sklearn', 'scipy.optimize', 'torch', 'pandas')"
        " if m in sys.modules];"
        "print(json.dumps({'heavy': heavy, 'seconds': dt}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["heavy"] == []


def test_version_is_consistent_with_metadata():
    from importlib.metadata import version

    assert normlab.__version__ == version("normlab")


def test_import_and_norm_work_without_docstrings():
    # code review: rewriting __doc__ at import failed under python -OO
    code = "import normlab as nl, normlab.course; print(nl.norm([3.0, 4.0]))"
    out = subprocess.run([sys.executable, "-OO", "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "5.0"
