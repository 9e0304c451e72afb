"""Library versions, printed at the top of every lesson (``nl.show_versions()``)."""

from __future__ import annotations

import importlib.metadata
import platform
import sys

__all__ = ["show_versions", "versions"]

_PACKAGES = ("normlab", "numpy", "scipy", "scikit-learn", "matplotlib", "ipywidgets", "torch")


def versions() -> dict[str, str | None]:
    """Return ``{package: version or None}`` for Python and the course's packages, without importing them.

    Examples
    --------
    >>> from normlab._versions import versions
    >>> sorted(versions())[:3]
    ['ipywidgets', 'matplotlib', 'normlab']
    """
    out: dict[str, str | None] = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = None
    return out


def show_versions(file=None) -> None:
    """Print Python's and the course packages' versions, one per line.

    Examples
    --------
    >>> import normlab as nl
    >>> nl.show_versions()  # doctest: +ELLIPSIS
    python ...
    """
    file = sys.stdout if file is None else file
    for name, version in versions().items():
        print(f"{name:<13} {version or 'not installed'}", file=file)
