"""The course's own conventions: the lesson template, exercise sheets built from solutions,
no leaked answers, links that resolve, and checkers that accept their own solutions.

See CONTRIBUTING.md for the template these tests enforce.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from normlab import course
from normlab.exercises import exercise_ids

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
ALL_NOTEBOOKS = LESSONS + SOLUTIONS + EXERCISES

# ERRATA.md §1.3: lessons that must carry myth boxes, and how many at least.
MYTH_BOXES = {"00": 1, "01": 1, "02": 3, "03": 1, "04": 1, "05": 1, "06": 1, "08": 1, "09": 2, "11": 2}

FIGURE_CAPTION = re.compile(r"^\*\*Figure (\d\d)\.(\d+) · [^*]+\*\*", re.M)
EXERCISE_HEADING = re.compile(r"^### Exercise (\d\d\.\d+) (★{1,3}) · \S", re.M)
CHECK_CALL = re.compile(r"""nl\.exercises\.check\(\s*["'](\d\d\.\d+)["']""")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cells(nb, kind=None):
    return [c for c in nb["cells"] if kind is None or c["cell_type"] == kind]


def text(cell) -> str:
    return course.source_of(cell)


def output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append("".join(out.get("text", "")))
        elif "data" in out and "text/plain" in out["data"]:
            parts.append("".join(out["data"]["text/plain"]))
    return "".join(parts)


def ids(paths):
    return [p.name for p in paths]


def test_there_is_a_course():
    assert LESSONS, "no lessons in notebooks/"
    assert [p.name for p in SOLUTIONS] == [p.name for p in LESSONS], "every lesson needs a solutions sheet"


# --------------------------------------------------------------------------- every notebook
@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=ids(ALL_NOTEBOOKS))
def test_notebook_is_clean(path):
    nb = load(path)
    raw = path.read_text(encoding="utf-8")
    assert "TODO" not in raw and "FIXME" not in raw
    assert path.stat().st_size < 1_500_000, "keep notebooks under 1.5 MB (smaller figures, fewer outputs)"
    for cell in cells(nb, "markdown"):
        for target in LINK.findall(text(cell)):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (path.parent / target).resolve().exists(), f"broken link {target!r} in {path.name}"
    nav = [c for c in cells(nb, "markdown") if text(c).startswith(course.NAV_MARK)]
    assert len(nav) == 2, "a navigation cell after the title and one at the end"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=ids(LESSONS + SOLUTIONS))
def test_notebook_is_executed_in_order_without_errors(path):
    nb = load(path)
    code = [c for c in cells(nb, "code") if text(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run the notebook top to bottom before committing"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", f"stored error in {path.name}: {out.get('ename')}"
            assert "<matplotlib." not in output_text(c), "end plot cells with plt.show()"
        assert not re.search(r"np\.(float|int)\d+\(", output_text(c)), "print numbers with a format"


# --------------------------------------------------------------------------- lessons
@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_lesson_follows_the_template(path):
    nb = load(path)
    num = path.name[:2]
    meta = nb["metadata"].get("normlab", {})
    assert meta.get("lesson") == num and meta.get("kind") == "lesson"
    assert isinstance(meta.get("minutes"), int) and 5 <= meta["minutes"] <= 120
    assert meta.get("objective", "").strip(), "a one-line objective for the README syllabus"
    assert all(re.fullmatch(r"\d\d", p) and p < num for p in meta.get("prerequisites", []))
    assert meta.get("guide_sections"), "name the guide section(s) the lesson covers"

    md = cells(nb, "markdown")
    assert re.match(rf"# {num} · \S", text(md[0])), "first cell: '# NN · Title'"
    assert "*Guide section" in text(md[0])
    head = "\n".join(text(c) for c in md[:4])
    assert "## You will be able to" in head and "**Time:**" in head and "**Prerequisites:**" in head

    code = cells(nb, "code")
    assert "import normlab as nl" in text(code[0]) and "nl.viz.use_style(" in text(code[0])
    versions = [c for c in code if "nl.show_versions()" in text(c)]
    assert versions and "nbval-ignore-output" in course.tags_of(versions[0])

    # claim checks: the last code cell, announced by a heading, printing the agreed line
    last = code[-1]
    assert "assert " in text(last) and 'print("All claim checks passed.")' in text(last)
    assert "All claim checks passed." in output_text(last)
    i_last = nb["cells"].index(last)
    assert "## Claim checks" in text(nb["cells"][i_last - 1])
    after = [text(c) for c in nb["cells"][i_last + 1:]]
    assert any("## Summary" in t and "**Next:**" in t or "## Summary" in t and "**Next" in t for t in after)

    # exercises pointer
    all_md = "\n".join(text(c) for c in md)
    assert f"../exercises/{path.name}" in all_md and f"../solutions/{path.name}" in all_md

    # myth boxes
    boxes = re.findall(r"^> \*\*Myth check", all_md, re.M)
    assert len(boxes) >= MYTH_BOXES.get(num, 0), f"ERRATA §1.3 asks for myth boxes in lesson {num}"
    for block in re.split(r"\n(?!>)", all_md):
        if block.startswith("> **Myth check"):
            assert "**What is true" in block and "**Witness" in block

    # widgets never compare outputs; every figure gets a caption with alt text
    for k, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        if "nl.widgets." in text(cell):
            assert "nbval-ignore-output" in course.tags_of(cell), "tag widget cells nbval-ignore-output"
        has_image = any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
        if has_image:
            nxt = nb["cells"][k + 1]
            caption = text(nxt)
            assert nxt["cell_type"] == "markdown" and FIGURE_CAPTION.search(caption), (
                f"cell {k} of {path.name} draws a figure: follow it with '**Figure {num}.k · Title.**'"
            )
            assert FIGURE_CAPTION.search(caption).group(1) == num
            assert "*Alt text:*" in caption
            alt = caption.split("*Alt text:*", 1)[1].strip()
            assert 8 <= len(alt.split()) <= 80, "alt text: the chart type, what it shows, the takeaway"
            assert not alt.lower().startswith("image of")


# --------------------------------------------------------------------------- exercises and solutions
def test_exercises_are_built_from_solutions():
    stale = course.sync(ROOT, write=False)
    assert not stale, (
        "run `python -m normlab.course sync`; stale: " + ", ".join(str(p.relative_to(ROOT)) for p in stale)
    )


@pytest.mark.parametrize("path", SOLUTIONS, ids=ids(SOLUTIONS))
def test_solutions_are_checked_and_correct(path):
    nb = load(path)
    num = path.name[:2]
    assert nb["metadata"]["normlab"]["kind"] == "solutions"
    assert re.match(rf"# Exercises {num} · \S", text(cells(nb, "markdown")[0]))
    md = "\n".join(text(c) for c in cells(nb, "markdown"))
    headed = EXERCISE_HEADING.findall(md)
    headed_ids = [h[0] for h in headed]
    assert 2 <= len(headed_ids) <= 6 and len(set(headed_ids)) == len(headed_ids)
    assert sorted(headed_ids) == exercise_ids(num), "each registered checker has a heading, and vice versa"
    checked = []
    for cell in cells(nb, "code"):
        src = text(cell)
        calls = CHECK_CALL.findall(src)
        checked += calls
        if calls:
            out = output_text(cell)
            assert out.count("· correct.") == len(calls), f"{path.name}: a solution fails its checker:\n{out}"
        if course.BEGIN in src:
            course.strip_solutions(src)  # balanced markers
    assert sorted(set(checked)) == sorted(headed_ids), "every exercise is checked in the sheet"


@pytest.mark.parametrize("path", EXERCISES, ids=ids(EXERCISES))
def test_exercises_leak_no_solution(path):
    raw = path.read_text(encoding="utf-8")
    assert course.BEGIN not in raw and course.END not in raw
    nb = load(path)
    solution = load(ROOT / "solutions" / path.name)
    exercise_code = "\n".join(text(c) for c in cells(nb))
    for cell in cells(solution):
        src = text(cell)
        if cell["cell_type"] == "markdown" and "solution" in course.tags_of(cell):
            body = [ln.strip() for ln in src.splitlines() if len(ln.strip()) > 25]
            assert not any(b in exercise_code for b in body), "a written solution leaked"
        inside = False
        for line in src.splitlines():
            s = line.strip()
            if s == course.BEGIN:
                inside = True
            elif s == course.END:
                inside = False
            elif inside and len(s) > 12 and not s.startswith("#") and not s.endswith("= ..."):
                assert s not in exercise_code, f"solution line leaked into {path.name}: {s!r}"
    for cell in cells(nb, "code"):
        assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", EXERCISES, ids=ids(EXERCISES))
def test_exercise_sheet_runs_and_reports_not_attempted(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    outs = ""
    for cell in nb.cells:
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                assert out.get("output_type") != "error", f"{path.name}: {out.get('ename')}: {out.get('evalue')}"
                if out.get("output_type") == "stream":
                    outs += out.get("text", "")
    n_checks = sum(len(CHECK_CALL.findall(c.source)) for c in nb.cells if c.cell_type == "code")
    assert outs.count("· not attempted yet.") == n_checks
    assert "· correct." not in outs and "· not yet." not in outs


def test_readme_syllabus_lists_every_lesson():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in LESSONS:
        assert f"(notebooks/{path.name})" in readme


def test_notebooks_request_no_network_and_write_nothing():
    forbidden = re.compile(r"(urlopen|requests\.get|fetch_openml|fetch_\w+\(|\.to_csv\(|savefig\(|open\([^)]*['\"]w)")
    for path in LESSONS + SOLUTIONS:
        for cell in cells(load(path), "code"):
            assert not forbidden.search(text(cell)), f"{path.name}: notebooks neither download nor write files"
