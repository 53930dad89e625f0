"""``import helpers`` and each chapter's set-up cell leave the widget layer for the first explorer.

A learner runs the set-up cell first; ipywidgets, anywidget and the live layer cost seconds to import and
are needed only once an explorer is shown, so they are imported then (``helpers.explorers.chNN`` on first
use).  No times here (speed is measured in benchmarks/): only which modules are loaded.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
#: Chapter 01's explorer cell calls ``ch01.fit_explorer()`` through an alias its set-up cell imports; the
#: explorer cells belong to the live layer's work, so the alias stays until that cell says
#: ``helpers.explorers.ch01.fit_explorer()``.
EAGER = {"01"}
WIDGET_LAYER = ("ipywidgets", "anywidget", "helpers.widgets", "helpers.canvas", "helpers.live", "helpers.explorers")


def setup_cell(path: Path) -> str | None:
    """The chapter's set-up cell: the first code cell that applies the course style."""
    for cell in re.split(r"^# %%.*$", path.read_text(encoding="utf-8"), flags=re.M):
        if "use_course_style()" in cell and not cell.lstrip().startswith("# "):
            return cell
    return None


def loaded_after(code: str) -> list[str]:
    """Which of WIDGET_LAYER are in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {WIDGET_LAYER!r} if m in sys.modules]))"
    env = {**os.environ, "MPLBACKEND": "agg"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_helpers_loads_no_widget_layer_yet_reaches_every_explorer():
    assert loaded_after("import helpers") == []
    assert "helpers.explorers" in loaded_after("import helpers\nhelpers.explorers.ch05.descent_explorer")


def test_an_unknown_name_is_still_an_attribute_error():
    code = (
        "import helpers\n"
        "for owner, name in ((helpers, 'nothing'), (helpers.explorers, 'ch99'), (helpers.explorers, 'widgets')):\n"
        "    try:\n"
        "        getattr(owner, name)\n"
        "    except AttributeError as error:\n"
        "        assert name in str(error), error\n"
        "    else:\n"
        "        raise SystemExit(f'{name} did not raise')\n"
    )
    loaded_after(code)


SETUP_CHAPTERS = [p for p in CHAPTERS if setup_cell(p) and p.stem[:2] not in EAGER]

#: One interpreter imports what every set-up cell needs and is not the widget layer (numpy, pyplot: most of
#: an interpreter's start-up here), then runs each set-up cell in a fork of itself, a fresh copy of it.
FORKS = f"""
import json, os, sys
import numpy, matplotlib.pyplot
assert not [m for m in {WIDGET_LAYER!r} if m in sys.modules], "the parent loaded the widget layer"
found = []
for code in json.loads(sys.stdin.read()):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        exec(compile(code, "<set-up cell>", "exec"), {{"__name__": "__main__"}})
        os.write(write, json.dumps([m for m in {WIDGET_LAYER!r} if m in sys.modules]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    assert os.waitpid(pid, 0)[1] == 0, f"the set-up cell failed:\\n{{code}}"
    found.append(json.loads(text))
print(json.dumps(found))
"""


@functools.cache
def _loaded_after_each_setup_cell() -> dict[str, list[str]]:
    codes = [setup_cell(p) for p in SETUP_CHAPTERS]
    if not hasattr(os, "fork"):  # Windows: a fresh interpreter each
        return {p.stem: loaded_after(code) for p, code in zip(SETUP_CHAPTERS, codes, strict=True)}
    env = {**os.environ, "MPLBACKEND": "agg"}
    done = subprocess.run(
        [sys.executable, "-c", FORKS], input=json.dumps(codes), cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {p.stem: loaded for p, loaded in zip(SETUP_CHAPTERS, found, strict=True)}


def test_a_fork_sees_what_its_set_up_cell_imports():
    """The forks can fail: a cell that imports ipywidgets is seen to."""
    codes = ["import ipywidgets", "import helpers"]
    env = {**os.environ, "MPLBACKEND": "agg"}
    if not hasattr(os, "fork"):
        pytest.skip("no fork here: each set-up cell runs in a fresh interpreter")
    done = subprocess.run(
        [sys.executable, "-c", FORKS], input=json.dumps(codes), cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [["ipywidgets"], []], done.stderr


@pytest.mark.parametrize("path", SETUP_CHAPTERS, ids=lambda p: p.stem[:2])
def test_a_chapters_setup_cell_leaves_the_widget_layer_for_the_first_explorer(path):
    assert _loaded_after_each_setup_cell()[path.stem] == [], f"{path.name}: the set-up cell imports the widget layer"
