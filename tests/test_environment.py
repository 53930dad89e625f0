"""The pip requirements and the conda environments name the same packages at the same versions.

requirements.txt (the learner's stack) ↔ environment.yml; requirements-dev.txt (the learner's
stack plus the test tools, through ``-r requirements.txt``) ↔ environment-dev.yml.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [("requirements.txt", "environment.yml"), ("requirements-dev.txt", "environment-dev.yml")]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(pip_pins(path.parent / line[3:].strip()))
        elif line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned with =="
            pins[_norm(name)] = version
    return pins


def conda_pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s+- ([A-Za-z0-9_.\-]+)(==|=)([0-9][^\s#]*)\s*$", line)
        if m and m.group(1) != "python":
            pins[_norm(m.group(1))] = m.group(3)
    return pins


@pytest.mark.parametrize(("requirements", "environment"), PAIRS)
def test_same_packages_same_versions(requirements, environment):
    assert pip_pins(ROOT / requirements) == conda_pins(ROOT / environment)


def test_parsers_see_the_whole_stack():
    # guards the test above against a parser that silently finds nothing
    learner, dev = pip_pins(ROOT / "requirements.txt"), pip_pins(ROOT / "requirements-dev.txt")
    assert {"numpy", "jupyterlab", "matplotlib-fontja"} <= set(learner)
    assert {"nbval", "playwright", "pytest", "ruff"} <= set(dev) - set(learner)


def test_the_learner_stack_has_no_test_tools():
    # what every learner, Binder and the hub image install: nothing only the tests need (issue 16, item 5)
    learner = set(pip_pins(ROOT / "requirements.txt"))
    assert not learner & {"pytest", "nbval", "hypothesis", "playwright", "ruff", "scikit-learn", "scipy", "jupytext"}
    assert pip_pins(ROOT / "requirements-dev.txt").items() >= pip_pins(ROOT / "requirements.txt").items()


def test_every_environment_file_uses_the_same_python_and_installs_helpers():
    for _, environment in PAIRS:
        text = (ROOT / environment).read_text(encoding="utf-8")
        assert "  - python=3.11\n" in text and "      - -e .\n" in text


def test_classroom_test_tools_pinned_as_the_developers():
    """classroom/requirements-test.txt adds pytest and Playwright at the versions requirements-dev.txt pins."""
    own = [
        line.split("#", 1)[0].strip()
        for line in (ROOT / "classroom" / "requirements-test.txt").read_text().splitlines()
    ]
    added = dict(line.partition("==")[::2] for line in own if line and not line.startswith("-r "))
    dev = pip_pins(ROOT / "requirements-dev.txt")
    assert added, "classroom/requirements-test.txt adds nothing"
    assert {name: dev.get(_norm(name)) for name in added} == added
