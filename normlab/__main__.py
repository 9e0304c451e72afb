"""Command line: ``python -m normlab doctor`` checks that a machine is ready for the course.

Workshop instructors ask every participant to run it first. Each line is OK, WARN or
FAIL; every problem comes with the command that fixes it. The exit status is 1 when a
required part fails, 0 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import platform
import subprocess
import sys
import time

__all__ = ["doctor", "main"]

# (import name, distribution name, minimum version, required?, fix)
_PACKAGES = (
    ("numpy", "numpy", "1.26", True, 'pip install -e ".[course]"'),
    ("scipy", "scipy", "1.11", True, 'pip install -e ".[course]"'),
    ("sklearn", "scikit-learn", "1.4", True, 'pip install -e ".[course]"'),
    ("matplotlib", "matplotlib", "3.8", True, 'pip install -e ".[course]"'),
    ("ipywidgets", "ipywidgets", "8.1", False, 'pip install -e ".[course]"  (widgets fall back to static figures)'),
    ("jupyterlab", "jupyterlab", "4.1", False, 'pip install -e ".[course]"  (needed to open the lessons)'),
    ("ipykernel", "ipykernel", "6.29", False, 'pip install -e ".[course]"  (needed to run the lessons)'),
    ("torch", "torch", "2.2", False, "optional (lessons skip their PyTorch cells without it); install the CPU build, see README"),
)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _line(status: str, what: str, detail: str, out) -> None:
    print(f"[{status:<4}] {what:<22} {detail}", file=out)


def doctor(*, kernel: bool = True, out=None) -> int:
    """Print a readiness report and return the number of required checks that failed.

    Parameters
    ----------
    kernel : bool, default=True
        Also start a Jupyter kernel and run one cell in it (about 2 s).
    out : file-like, optional
        Where to print (standard output by default).

    Returns
    -------
    int
        How many required checks failed (0 means ready).
    """
    out = sys.stdout if out is None else out
    failures = 0
    print("normlab doctor: is this machine ready for the course?", file=out)
    py = platform.python_version()
    if sys.version_info >= (3, 10):
        _line("OK", "Python", f"{py} ({sys.executable})", out)
    else:
        failures += 1
        _line("FAIL", "Python", f"{py}; the course needs 3.10 or newer. Install a newer Python, then re-create the venv.", out)
    in_venv = sys.prefix != getattr(sys, "base_prefix", sys.prefix) or "CONDA_PREFIX" in os.environ
    _line("OK" if in_venv else "WARN", "environment",
          "virtual environment active" if in_venv else
          "not in a virtual environment; the README's command creates .venv for you", out)
    try:
        import normlab

        _line("OK", "normlab", f"{normlab.__version__} from {os.path.dirname(normlab.__file__)}", out)
    except Exception as exc:  # pragma: no cover - we are running from normlab
        failures += 1
        _line("FAIL", "normlab", f"cannot import ({exc}); run: pip install -e .", out)
    for module, dist, minimum, required, fix in _PACKAGES:
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            status = "FAIL" if required else "WARN"
            failures += required
            _line(status, dist, f"not installed; fix: {fix}", out)
            continue
        if _version_tuple(version) < _version_tuple(minimum):
            status = "FAIL" if required else "WARN"
            failures += required
            _line(status, dist, f"{version} is older than {minimum}; fix: pip install -U {dist}", out)
            continue
        if module in ("ipywidgets", "torch", "sklearn"):
            try:
                importlib.import_module(module)
            except Exception as exc:
                status = "FAIL" if required else "WARN"
                failures += required
                _line(status, dist, f"{version} is installed but fails to import ({type(exc).__name__}: {exc}); fix: {fix}", out)
                continue
        _line("OK", dist, version, out)
    if os.environ.get("NORMLAB_STATIC") == "1":
        _line("WARN", "widgets", "NORMLAB_STATIC=1 is set: widgets draw static figures; unset it for sliders", out)
    if kernel:
        failures += _check_kernel(out)
    verdict = "ready for the course" if failures == 0 else f"{failures} required check(s) failed: see FAIL lines"
    print(f"Result: {verdict}.", file=out)
    return failures


def _check_kernel(out) -> int:
    try:
        from jupyter_client.manager import start_new_kernel
    except ImportError:
        _line("WARN", "Jupyter kernel", 'jupyter_client missing; fix: pip install -e ".[course]"', out)
        return 0
    start = time.perf_counter()
    try:
        km, kc = start_new_kernel(
            kernel_name="python3", startup_timeout=60, stderr=subprocess.DEVNULL
        )
    except Exception as exc:
        _line("FAIL", "Jupyter kernel", f"could not start ({exc}); fix: python -m ipykernel install --user", out)
        return 1
    try:
        reply = kc.execute_interactive(
            "import sys, normlab; print(sys.executable)", timeout=60, output_hook=lambda msg: None
        )
        ok = reply["content"]["status"] == "ok"
    except Exception as exc:  # pragma: no cover - depends on the machine
        ok, reply = False, {"content": {"evalue": str(exc)}}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if ok:
        _line("OK", "Jupyter kernel", f"starts and imports normlab ({time.perf_counter() - start:.1f} s)", out)
        return 0
    _line("FAIL", "Jupyter kernel", "runs but cannot import normlab: install the course into the kernel's "
          "environment (pip install -e . inside the venv) and pick that kernel in JupyterLab", out)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m normlab", description="normlab course tools")
    sub = parser.add_subparsers(dest="command", required=True)
    doc = sub.add_parser("doctor", help="check that this machine is ready for the course")
    doc.add_argument("--no-kernel", action="store_true", help="skip starting a Jupyter kernel")
    args = parser.parse_args(argv)
    if args.command == "doctor":
        return 1 if doctor(kernel=not args.no_kernel) else 0
    return 2  # pragma: no cover - argparse rejects other commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
