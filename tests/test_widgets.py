"""Tests for normlab.widgets: static fallback, the interactive build, and lazy imports."""

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from normlab import widgets  # noqa: E402


def _run_python(code):
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True).stdout


def test_unit_ball_explorer_static_under_normlab_static(monkeypatch, shown, displayed, capsys):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    assert widgets.unit_ball_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1  # exactly one figure, shown once
    assert "(1.000, 0.000)" in shown[0][0] and "sparse" in shown[0][0]
    assert displayed == []
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "static figure" in lines[0].lower() and "NORMLAB_STATIC" in lines[0]
    assert plt.get_fignums() == []  # the figure is closed after showing


def test_unit_ball_explorer_static_without_ipywidgets(monkeypatch, shown, capsys):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes `import ipywidgets` fail
    assert widgets.unit_ball_explorer() is None
    assert len(shown) == 1 and len(shown[0]) == 1
    assert "pip install ipywidgets" in capsys.readouterr().out


def test_unit_ball_explorer_interactive(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    assert widgets.unit_ball_explorer() is None
    (ui,) = displayed
    assert isinstance(ui, ipywidgets.interactive)
    (slider,) = [w for w in ui.children if isinstance(w, ipywidgets.SelectionSlider)]
    values = [v for _, v in slider.options]
    assert min(values) == 0.25 and max(values) == 10.0
    assert {0.5, 1.0, 2.0} <= set(values) and values == sorted(values)
    assert slider.value == 1.0
    (toggle,) = [w for w in ui.children if isinstance(w, ipywidgets.Checkbox)]
    assert "∞" in toggle.description and toggle.value is False
    # building the widget drew the default view once
    assert len(shown) == 1 and "lands on an axis: sparse" in shown[0][0]
    slider.value = 2.0
    assert "L2 ball" in shown[-1][0] and "not sparse" in shown[-1][0]
    toggle.value = True
    assert "L∞ ball" in shown[-1][0] and "(1.000, 0.750)" in shown[-1][0]
    assert all(len(titles) == 1 for titles in shown)  # each redraw closes its figure


def test_unit_ball_explorer_custom_geometry(monkeypatch, shown):
    monkeypatch.setenv("NORMLAB_STATIC", "1")
    widgets.unit_ball_explorer(center=[0.5, 2.0], cov=np.eye(2))
    assert "(0.000, 1.000)" in shown[0][0]


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [({"cov": [[1.0, 2.0], [2.0, 1.0]]}, ValueError, "cov"), ({"center": [1.0]}, ValueError, "center")],
)
def test_unit_ball_explorer_bad_input_raises_before_display(monkeypatch, shown, displayed, kwargs, exc, word):
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)
    with pytest.raises(exc, match=word):
        widgets.unit_ball_explorer(**kwargs)
    assert displayed == [] and shown == []


def test_interactive_accepts_abbreviations(monkeypatch, shown, displayed):
    ipywidgets = pytest.importorskip("ipywidgets")
    monkeypatch.delenv("NORMLAB_STATIC", raising=False)

    def draw(k, flag):
        ax = plt.subplots()[1]
        ax.set_title(f"k={k} flag={flag}")
        return ax

    assert widgets._interactive(draw, {"k": 1, "flag": False}, k=(1, 5, 1), flag=True) is None
    (ui,) = displayed
    assert any(isinstance(w, ipywidgets.IntSlider) for w in ui.children)
    assert shown == [["k=3 flag=True"]]


def test_imports_are_lazy():
    # one subprocess: `import normlab` loads neither matplotlib nor ipywidgets, and
    # `import normlab.widgets` does not load them either
    code = (
        "import sys, normlab\n"
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)\n"
        "import normlab.widgets\n"
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)\n"
    )
    assert _run_python(code).split() == ["False", "False", "False", "False"]
