"""`pip install -e .` alone runs every notebook: pyproject declares each package the course imports.

The imports are read from the source (chapters/*.py and helpers/**/*.py, with ``ast``), so a new
``import scipy`` in a chapter fails here until pyproject.toml and the pinned requirements know it.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Needed to run the notebooks though no source imports them: the kernel, and the JupyterLab whose
#: front end shows the widgets (chapter 00 also reads its version).
RUNTIME_ONLY = {"ipykernel", "jupyterlab"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(paths: list[Path]) -> set[str]:
    """Top-level names of every absolute import, and of modules looked up by name (find_spec("x"))."""
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", None)) in {"find_spec", "import_module"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value.split(".")[0])
    return found


def third_party(modules: set[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in {"helpers", "__future__"}}


def course_sources() -> list[Path]:
    return sorted((ROOT / "chapters").glob("*.py")) + sorted((ROOT / "helpers").rglob("*.py"))


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", dep).group(0)) for dep in project["dependencies"]}


def distributions(modules: set[str]) -> set[str]:
    """The installed distribution that provides each module (``IPython`` → ``ipython``)."""
    index = packages_distributions()
    missing = sorted(m for m in modules if m not in index)
    assert not missing, f"imported but not installed here: {missing}"
    return {_norm(index[m][0]) for m in modules}


def test_the_scanner_finds_imports_of_every_kind(tmp_path):
    source = tmp_path / "x.py"
    source.write_text(
        "import numpy as np\nimport os.path\nfrom matplotlib import pyplot\nfrom . import sibling\n"
        "from helpers import losses\nimport importlib.util\nimportlib.util.find_spec('matplotlib_fontja')\n"
    )
    assert third_party(imported_modules([source])) == {"numpy", "matplotlib", "matplotlib_fontja"}


def test_pyproject_declares_exactly_what_the_course_imports():
    needed = distributions(third_party(imported_modules(course_sources())))
    have = declared()
    assert needed - have == set(), f"imported by chapters/ or helpers/ but not in pyproject: {needed - have}"
    assert have - needed - RUNTIME_ONLY == set(), f"declared but never imported: {have - needed - RUNTIME_ONLY}"
    assert {"numpy", "matplotlib", "matplotlib-fontja", "ipywidgets", "anywidget"} <= needed  # the scan saw them


def test_the_versions_chapter_00_prints_are_of_declared_packages():
    # chapter 00 prints importlib.metadata.version(name) for these: a missing one stops the notebook
    from helpers.explorers import ch00

    assert {_norm(name) for name in ch00.KEY_PACKAGES} <= declared()


def test_every_declared_dependency_is_pinned_for_learners():
    pins = set()
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        name, sep, _ = line.split("#", 1)[0].strip().partition("==")
        if sep:
            pins.add(_norm(name))
    assert declared() - pins == set()
