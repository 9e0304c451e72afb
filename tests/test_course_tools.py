"""The exercise build and navigation tools in normlab.course."""

import json

import pytest

from normlab import course


def test_strip_solutions_value_block_keeps_names():
    src = "x = 1\n### BEGIN SOLUTION\na, b = 2, 3\nc = a + b\n### END SOLUTION\ncheck(c)\n"
    assert course.strip_solutions(src) == "x = 1\na = ...\nb = ...\nc = ...\ncheck(c)\n"


def test_strip_solutions_function_body_becomes_ellipsis():
    src = "def f(x):\n    ### BEGIN SOLUTION\n    y = x * 2\n    return y\n    ### END SOLUTION\n"
    assert course.strip_solutions(src) == "def f(x):\n    ...\n"


@pytest.mark.parametrize("src", ["### BEGIN SOLUTION\nx = 1\n",
                                 "### END SOLUTION\n",
                                 "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n"])
def test_strip_solutions_rejects_unbalanced_markers(src):
    with pytest.raises(ValueError, match="strip_solutions"):
        course.strip_solutions(src)


def _nb(cells):
    return {"cells": cells, "metadata": {"normlab": {"lesson": "98", "kind": "solutions"}},
            "nbformat": 4, "nbformat_minor": 5}


def test_build_exercise_notebook_clears_outputs_and_answers():
    nb = _nb([
        {"cell_type": "markdown", "metadata": {"tags": ["remove-in-exercises"]}, "source": "Solutions!"},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "The proof is..."},
        {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [{"output_type": "stream"}],
         "source": "### BEGIN SOLUTION\nans = 7\n### END SOLUTION\n"},
    ])
    ex = course.build_exercise_notebook(nb)
    assert [c["cell_type"] for c in ex["cells"]] == ["markdown", "code"]
    assert ex["cells"][0]["source"] == course.ANSWER_CELL and "tags" not in ex["cells"][0]["metadata"]
    assert ex["cells"][1]["source"] == "ans = ...\n"
    assert ex["cells"][1]["outputs"] == [] and ex["cells"][1]["execution_count"] is None
    assert ex["metadata"]["normlab"]["kind"] == "exercises"
    assert nb["cells"][2]["outputs"], "the source notebook is not modified"


def test_sync_builds_exercises_and_navigation(tmp_path):
    for folder in ("notebooks", "solutions"):
        (tmp_path / folder).mkdir()
        for num, title in (("01", "One"), ("02", "Two")):
            head = f"# {'Exercises ' if folder == 'solutions' else ''}{num} · {title}"
            nb = _nb([{"cell_type": "markdown", "metadata": {}, "source": head},
                      {"cell_type": "markdown", "metadata": {}, "source": course.NAV_MARK}])
            (tmp_path / folder / f"{num}_x.ipynb").write_text(json.dumps(nb))
    (tmp_path / "README.md").write_text(f"a\n{course.SYLLABUS_START}\nold\n{course.SYLLABUS_END}\nb\n")
    changed = course.sync(tmp_path)
    assert (tmp_path / "exercises" / "02_x.ipynb") in changed
    assert course.sync(tmp_path, write=False) == []
    lesson = json.loads((tmp_path / "notebooks" / "01_x.ipynb").read_text())
    nav = "".join(lesson["cells"][1]["source"])
    assert "[02 · Two →](02_x.ipynb)" in nav and "[Contents](../README.md#syllabus)" in nav
    ex = json.loads((tmp_path / "exercises" / "02_x.ipynb").read_text())
    assert "[← Exercises 01 · One](01_x.ipynb)" in "".join(ex["cells"][1]["source"])
    readme = (tmp_path / "README.md").read_text()
    assert "| 01 | [One](notebooks/01_x.ipynb) |" in readme and "old" not in readme


def test_myth_index_lists_each_box_with_its_code_and_correction(tmp_path):
    (tmp_path / "notebooks").mkdir()
    box = ('> **Myth check (ERRATA E9 · guide section "The L1 Norm").** The guide says: "One giant error never '
           'swamps the total." More words.\n>\n> **What is true:** one error *can* dominate. Details.\n>\n'
           '> **Witness:** the next cell.')
    nb = _nb([{"cell_type": "markdown", "metadata": {}, "source": "# 04 · L1"},
              {"cell_type": "markdown", "metadata": {}, "source": box}])
    (tmp_path / "notebooks" / "04_l1.ipynb").write_text(json.dumps(nb))
    rows = course.myth_index(tmp_path).splitlines()
    assert rows[2] == ("| [04](notebooks/04_l1.ipynb) | E9 | “One giant error never swamps the total.” "
                       "| One error *can* dominate. |")
