"""Course maintenance: build exercise notebooks, navigation lines and the README syllabus.

Run from the repository root::

    python -m normlab.course sync      # build-exercises + nav + syllabus
    python -m normlab.course check     # exit 1 and list what `sync` would change

``solutions/NN_slug.ipynb`` is the single source of each exercise sheet. In its code
cells, every block between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes a
placeholder in ``exercises/NN_slug.ipynb``:

* a block that assigns names (``answer = 7``) becomes ``answer = ...`` per name;
* any other block (a function body, a loop) becomes ``...``.

Markdown cells tagged ``solution`` become an empty answer cell, cells tagged
``remove-in-exercises`` are dropped, and all outputs are cleared. The checkers in
:mod:`normlab.exercises` report ``...`` as "not attempted yet", so the generated
notebooks run top to bottom.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import sys
import textwrap
from pathlib import Path

__all__ = [
    "BEGIN",
    "END",
    "build_exercise_notebook",
    "lessons",
    "main",
    "navigation_line",
    "strip_solutions",
    "sync",
    "myth_index",
    "syllabus_table",
]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
NAV_MARK = "<!-- nav -->"
SYLLABUS_START = "<!-- syllabus:start -->"
SYLLABUS_END = "<!-- syllabus:end -->"
MYTHS_START = "<!-- myths:start -->"
MYTHS_END = "<!-- myths:end -->"
_MYTH_HEAD = re.compile(r"^\*\*(?:Myth check|Precision)[^*]*?\(ERRATA ([^)·]+?)(?: · [^)]*)?\)")
ANSWER_CELL = "*Write your answer here (double-click this cell to edit it).*"
_TITLE = re.compile(r"^#\s+(?:Exercises\s+)?(\d\d)\s+·\s+(.+?)\s*$", re.M)


# --------------------------------------------------------------------------- notebooks I/O
def read_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dumps_notebook(nb: dict) -> str:
    """Serialize like nbformat (sorted keys, indent 1, sources as line lists)."""
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        if isinstance(cell.get("source"), str):
            cell["source"] = cell["source"].splitlines(keepends=True)
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def source_of(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def tags_of(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


# --------------------------------------------------------------------------- solution stripping
def _assigned_names(tree: ast.Module) -> list[str]:
    names: list[str] = []

    def collect(target):
        if isinstance(target, ast.Name):
            if target.id not in names:
                names.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for t in target.elts:
                collect(t)

    for node in tree.body:
        if isinstance(node, ast.Assign):
            for t in node.targets:
                collect(t)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            collect(node.target)
    return names


def _placeholder(block: list[str], indent: str) -> list[str]:
    body = textwrap.dedent("".join(block))
    try:
        tree = ast.parse(body)
    except SyntaxError:  # e.g. a `return` inside a function body: leave the body empty
        return [f"{indent}...\n"]
    names = _assigned_names(tree)
    if not names or any(isinstance(node, ast.Return) for node in tree.body):
        return [f"{indent}...\n"]
    return [f"{indent}{name} = ...\n" for name in names]


def strip_solutions(source: str) -> str:
    """Replace every solution block in a code cell's source with its placeholder.

    Raises
    ------
    ValueError
        If the markers are unbalanced or nested.

    Examples
    --------
    >>> src = "x = [1, -2]\\n### BEGIN SOLUTION\\nanswer = sum(map(abs, x))\\n### END SOLUTION\\n"
    >>> print(strip_solutions(src), end="")
    x = [1, -2]
    answer = ...
    >>> src = "def f(x):\\n    ### BEGIN SOLUTION\\n    return abs(x)\\n    ### END SOLUTION\\n"
    >>> print(strip_solutions(src), end="")
    def f(x):
        ...
    """
    lines = source.splitlines(keepends=True)
    out: list[str] = []
    block: list[str] | None = None
    indent = ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if block is not None:
                raise ValueError(f"strip_solutions: nested {BEGIN!r} at line {number}.")
            block, indent = [], line[: len(line) - len(line.lstrip())]
        elif stripped == END:
            if block is None:
                raise ValueError(f"strip_solutions: {END!r} without {BEGIN!r} at line {number}.")
            out.extend(_placeholder(block, indent))
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:
        raise ValueError(f"strip_solutions: {BEGIN!r} is never closed.")
    text = "".join(out)
    return text.rstrip("\n") if not source.endswith("\n") else text


def build_exercise_notebook(solution_nb: dict) -> dict:
    """Return the learner's exercise notebook made from a solutions notebook."""
    nb = copy.deepcopy(solution_nb)
    cells = []
    for cell in nb["cells"]:
        tags = tags_of(cell)
        if "remove-in-exercises" in tags:
            continue
        if cell["cell_type"] == "code":
            cell["source"] = strip_solutions(source_of(cell))
            cell["outputs"] = []
            cell["execution_count"] = None
            cell.get("metadata", {}).pop("execution", None)
        elif cell["cell_type"] == "markdown" and "solution" in tags:
            cell["source"] = ANSWER_CELL
            cell["metadata"]["tags"] = [t for t in tags if t != "solution"]
            if not cell["metadata"]["tags"]:
                del cell["metadata"]["tags"]
        cell.pop("attachments", None)
        cells.append(cell)
    nb["cells"] = cells
    meta = nb.setdefault("metadata", {}).setdefault("normlab", {})
    meta["kind"] = "exercises"
    return nb


# --------------------------------------------------------------------------- lessons, nav, syllabus
def lessons(root: Path, folder: str = "notebooks") -> list[tuple[str, str, Path]]:
    """(lesson number, title, path) for every ``NN_*.ipynb`` in `folder`, in order."""
    found = []
    for path in sorted((Path(root) / folder).glob("[0-9][0-9]_*.ipynb")):
        nb = read_notebook(path)
        title = path.stem
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                match = _TITLE.search(source_of(cell))
                if match:
                    title = match.group(2).strip()
                    break
        found.append((path.name[:2], title, path))
    return found


def navigation_line(items: list[tuple[str, str, Path]], folder: str, name: str) -> str:
    """The ``previous · contents · [lesson] · next`` line for notebook `name` of `folder`.

    `items` are the (number, title, path) triples of the folder's notebooks in order.
    """
    names = [p.name for _, _, p in items]
    i = names.index(name)
    label = "" if folder == "notebooks" else ("Exercises " if folder == "exercises" else "Solutions ")
    parts = []
    if i > 0:
        num, title, p = items[i - 1]
        parts.append(f"[← {label}{num} · {title}]({p.name})")
    parts.append("[Contents](../README.md#syllabus)")
    if folder != "notebooks":
        parts.append(f"[Lesson {name[:2]}](../notebooks/{name})")
    if i + 1 < len(items):
        num, title, p = items[i + 1]
        parts.append(f"[{label}{num} · {title} →]({p.name})")
    return f"{NAV_MARK}\n" + " · ".join(parts)


def _with_navigation(nb: dict, line: str) -> dict:
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and source_of(cell).startswith(NAV_MARK):
            cell["source"] = line
    return nb


def syllabus_table(root: Path) -> str:
    """The README's syllabus table, made from each lesson's metadata."""
    rows = [
        "| # | Lesson | You will be able to… | Minutes | Exercises |",
        "|---|---|---|---|---|",
    ]
    total = 0
    for num, title, path in lessons(root):
        meta = read_notebook(path).get("metadata", {}).get("normlab", {})
        minutes = int(meta.get("minutes", 0))
        total += minutes
        objective = meta.get("objective", "").replace("|", "\\|")
        has_sheet = (Path(root) / "solutions" / path.name).exists()  # sheets are built from solutions
        ex = f"[sheet](exercises/{path.name})" if has_sheet else "–"
        rows.append(f"| {num} | [{title}](notebooks/{path.name}) | {objective} | {minutes} | {ex} |")
    rows.append(f"| | **Total** | | **{total}** | |")
    return "\n".join(rows)


def _first_sentence(text: str, *, capitalize: bool = False) -> str:
    """The first sentence of a Markdown text, with links reduced to their words."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", " ".join(text.split()))
    match = re.search(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence[:1].upper() + sentence[1:] if capitalize else sentence


def myth_index(root: Path) -> str:
    """The README's myth index: every myth box of every lesson, with its code and correction.

    Each row quotes the guide's claim (the first quotation after "The guide says") and the
    first sentence of the box's "What is true", so the ERRATA codes in the lessons can be
    looked up in one place.
    """
    rows = [
        "| Lesson | Code | The guide says | What is true |",
        "|---|---|---|---|",
    ]
    for num, _, path in lessons(root):
        for cell in read_notebook(path)["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            block: list[str] = []
            for line in source_of(cell).splitlines() + [""]:
                if line.startswith(">"):
                    block.append(line[1:].strip())
                    continue
                head = _MYTH_HEAD.match(block[0]) if block else None
                if head:
                    text = " ".join(block)
                    said = re.search(r'(?i)the guide\b[^"“]*["“]([^"”]+)["”]', text)
                    true = re.search(r"\*\*What is true:?\*\*:?\s*(.+?)(?:\*\*Witness|$)", text)
                    if said and len(said.group(1)) < 30:  # a one-word quote needs its sentence
                        start = text.lower().rfind("the guide", 0, said.start(1))
                        claim = _first_sentence(text[start:], capitalize=True)
                    else:
                        claim = f"“{_first_sentence(said.group(1))}”" if said else "–"
                    fix = _first_sentence(true.group(1), capitalize=True) if true else "–"
                    code = head.group(1).replace("§1.2", "").strip()
                    cells = [f"[{num}](notebooks/{path.name})", code, claim, fix]
                    rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
                block = []
    return "\n".join(rows)


# --------------------------------------------------------------------------- sync
def _replace_between(text: str, start: str, end: str, body) -> str:
    """Replace what stands between the markers `start` and `end` (if both are present)."""
    if start not in text or end not in text:
        return text
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body()}\n{end}{tail}"


def sync(root: Path | str = ".", *, write: bool = True, only: str | None = None) -> list[Path]:
    """Bring exercises, navigation lines and the README syllabus up to date.

    Returns the files that changed (or, with ``write=False``, would change). With
    ``only="NN"``, only lesson NN's files are considered.
    """
    root = Path(root)
    wanted: dict[Path, str] = {}
    lesson_items = lessons(root, "notebooks")
    for _, _, path in lesson_items:
        nb = _with_navigation(read_notebook(path), navigation_line(lesson_items, "notebooks", path.name))
        wanted[path] = dumps_notebook(nb)
    solution_items = lessons(root, "solutions")
    exercise_dir = root / "exercises"
    for _, _, path in solution_items:
        source_nb = read_notebook(path)
        solution = _with_navigation(source_nb, navigation_line(solution_items, "solutions", path.name))
        wanted[path] = dumps_notebook(solution)
        exercise = build_exercise_notebook(source_nb)
        exercise = _with_navigation(exercise, navigation_line(solution_items, "exercises", path.name))
        wanted[exercise_dir / path.name] = dumps_notebook(exercise)
    expected_names = {p.name for _, _, p in solution_items}
    readme = root / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        text = _replace_between(text, SYLLABUS_START, SYLLABUS_END, lambda: syllabus_table(root))
        text = _replace_between(text, MYTHS_START, MYTHS_END, lambda: myth_index(root))
        wanted[readme] = text
    if only is not None:
        wanted = {p: t for p, t in wanted.items() if p.name.startswith(f"{only}_")}
    changed = []
    for path, text in wanted.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(path)
            if write:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    stale = [p for p in exercise_dir.glob("*.ipynb") if p.name not in expected_names and only is None]
    for p in stale:
        changed.append(p)
        if write:
            p.unlink()
    return changed


def main(argv: list[str] | None = None) -> int:
    """Run the command line (``python -m normlab.course sync|build-exercises|check``); return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m normlab.course", description=(__doc__ or "normlab course tools").splitlines()[0])
    parser.add_argument(
        "command",
        choices=["sync", "build-exercises", "check"],
        help="sync: write exercises, navigation and syllabus; build-exercises: the same "
        "(kept as the documented name); check: only report what sync would change",
    )
    parser.add_argument("--root", default=".", help="repository root (default: current folder)")
    parser.add_argument(
        "--only",
        metavar="NN",
        help="touch only the files of lesson NN (for authors working in parallel)",
    )
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / "solutions").is_dir():
        parser.error(f"{root.resolve()} has no solutions/ folder; run from the repository root or pass --root")
    changed = sync(root, write=args.command != "check", only=args.only)
    verb = "would change" if args.command == "check" else "updated"
    for path in changed:
        print(f"{verb}: {path.relative_to(root) if path.is_relative_to(root) else path}")
    if not changed:
        print("everything is up to date")
    return 1 if (args.command == "check" and changed) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
