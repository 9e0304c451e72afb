"""environment.yml (conda, Binder) and pyproject.toml (pip) describe the same course environment,
the README's commands are what CI runs, and the installed versions satisfy the declared ranges."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENV = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
CONDA_TO_PIP = {"pytorch": "torch"}


def pip_requirements(*extras: str) -> dict[str, SpecifierSet]:
    project = PYPROJECT["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        reqs += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return {r.name.lower(): r.specifier for r in reqs}


def conda_requirements() -> dict[str, SpecifierSet]:
    out = {}
    for dep in ENV["dependencies"]:
        if isinstance(dep, dict) or dep.split()[0] in ("pip", "python") or dep.startswith("python"):
            continue
        match = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep)
        name, spec = match.group(1).lower(), match.group(2).replace(" ", "")
        out[CONDA_TO_PIP.get(name, name)] = SpecifierSet(spec)
    return out


def test_environment_yml_structure():
    assert ENV["name"] == "normlab"
    assert ENV["channels"] == ["conda-forge"]
    pip_section = [d for d in ENV["dependencies"] if isinstance(d, dict)]
    assert pip_section == [{"pip": ["-e ."]}], "normlab itself comes from this checkout"
    assert any(str(d).startswith("python") for d in ENV["dependencies"])


def test_environment_yml_matches_the_course_extra():
    assert conda_requirements() == pip_requirements("course")


def test_python_requirement_agrees():
    python = next(d for d in ENV["dependencies"] if str(d).startswith("python"))
    assert python.replace(" ", "") == "python" + PYPROJECT["project"]["requires-python"]


@pytest.mark.parametrize("name, spec", sorted(pip_requirements("dev").items()))
def test_installed_versions_are_in_the_tested_ranges(name, spec):
    try:
        installed = version(name)
    except PackageNotFoundError:
        pytest.skip(f"{name} not installed")
    assert spec.contains(installed, prereleases=True), f"{name} {installed} is outside {spec}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- test-command:start -->\n```bash\n(.+?)\n```\n<!-- test-command:end -->", readme, re.S)
    assert block, "README needs the test command between test-command markers"
    command = block.group(1).strip()
    assert "pip install" in command and "pytest" in command and '".[dev]"' in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command:start" in ci and "README.md" in ci


def test_readme_learn_command_opens_lesson_00():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- learn-command:start -->\n```bash\n(.+?)\n```", readme, re.S)
    assert block and '".[course]"' in block.group(1)
    target = re.search(r"jupyter lab (\S+\.ipynb)", block.group(1)).group(1)
    assert (ROOT / target).exists()
