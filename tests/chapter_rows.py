"""Each chapter's rows for the checks every explorer gets, gathered from the chapter's own tests.

A chapter's tests (``tests/test_chNN.py``, or ``tests/test_chNN_*.py``) name its explorers and their bad inputs:

* ``EXPLORERS = {"NN name": build, ...}``: ``build()`` makes the explorer (or an object with ``.explorer``).
  ``tests/test_readout.py`` checks every look-ahead table entry against the real move, ``tests/test_canvas.py``
  that each move's blit is what a full draw shows.
* ``BAD_EXPLORER_INPUT = [(id, call, exception type, pattern), ...]``: ``tests/test_bad_inputs.py`` checks that
  each call raises, naming the argument.

The checks are written once, in those files; the rows live with the chapter, so a new chapter's explorer is checked
from its own test file and no list of every chapter's explorers is kept anywhere.  The test modules are imported
under the names pytest gives them (``tests/`` is on ``sys.path``), so each is imported once.
"""

from __future__ import annotations

import importlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def chapter_test_modules(folder: Path = HERE) -> list[str]:
    """The module names of the chapters' tests: ``test_ch00``, …, ``test_ch07_explorer``, …"""
    return [p.stem for p in sorted(folder.glob("test_ch[0-9][0-9]*.py"))]


def gather(name: str) -> list[tuple[str, object]]:
    """``(module, value)`` for every chapter test module that defines ``name``."""
    found = []
    for module_name in chapter_test_modules():
        module = importlib.import_module(module_name)
        if hasattr(module, name):
            found.append((module_name, getattr(module, name)))
    return found


def explorers() -> dict:
    """Every chapter's ``EXPLORERS``, merged: ``{"NN name": build}``.

    Raises
    ------
    ValueError
        If two chapters' tests use the same name for an explorer.
    """
    merged: dict = {}
    for module_name, rows in gather("EXPLORERS"):
        for key, build in rows.items():
            if key in merged:
                raise ValueError(f"{module_name}.EXPLORERS: {key!r} is already an explorer of another chapter's tests")
            merged[key] = build
    return merged


def bad_explorer_inputs() -> list[tuple]:
    """Every chapter's ``BAD_EXPLORER_INPUT`` rows, in chapter order.

    Raises
    ------
    ValueError
        If two rows share an id.
    """
    rows = [row for _, chapter_rows in gather("BAD_EXPLORER_INPUT") for row in chapter_rows]
    ids = [row[0] for row in rows]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"BAD_EXPLORER_INPUT ids used twice: {repeated}")
    return rows
