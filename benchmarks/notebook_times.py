"""Time every lesson and solutions notebook, cell by cell, in a fresh kernel.

Run from the repository root:

    NORMLAB_STATIC=1 python benchmarks/notebook_times.py [notebooks/07_*.ipynb ...]

For each notebook it prints the kernel's total execution time, the part spent in the
setup cell (imports) and the rest ("after imports"), which is what the lesson budgets
in PLAN.md refer to. Nothing is written to disk. Timings depend on the machine and its
load: they are reported, never asserted.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def cell_seconds(cell) -> float:
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def time_notebook(path: Path) -> tuple[float, float, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=True,
                            resources={"metadata": {"path": str(path.parent)}})
    wall = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - wall
    code = [c for c in nb.cells if c.cell_type == "code"]
    total = sum(cell_seconds(c) for c in code)
    setup = cell_seconds(code[0]) if code else 0.0
    return wall, total, setup


def main(argv: list[str]) -> int:
    os.environ.setdefault("NORMLAB_STATIC", "1")
    paths = [Path(p) for p in argv] or sorted(Path("notebooks").glob("*.ipynb")) + sorted(
        Path("solutions").glob("*.ipynb"))
    print(f"{'notebook':<52} {'wall (s)':>9} {'cells (s)':>9} {'imports':>8} {'after':>7}")
    for path in paths:
        wall, total, setup = time_notebook(path)
        print(f"{str(path):<52} {wall:9.1f} {total:9.2f} {setup:8.2f} {total - setup:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
