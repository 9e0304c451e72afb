"""Fixtures shared by the plotting and widget tests."""

import matplotlib

matplotlib.use("Agg")  # before pyplot: tests draw off screen

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def shown(monkeypatch):
    """Record, at each plt.show(), the titles of the figures then open."""
    calls = []

    def fake_show(*args, **kwargs):
        calls.append([fig.axes[0].get_title() for fig in map(plt.figure, plt.get_fignums())])

    monkeypatch.setattr(plt, "show", fake_show)
    return calls


@pytest.fixture
def displayed(monkeypatch):
    """Capture what IPython.display.display receives instead of displaying it."""
    display_module = pytest.importorskip("IPython.display")
    out = []
    monkeypatch.setattr(display_module, "display", lambda *objs, **kw: out.extend(objs))
    return out
