"""The checks every explorer gets, written once: each chapter's ``tests/test_chNN.py`` lists its explorers and calls
them (no list of every chapter's explorers here; a new chapter's rows go in its own test file).

* :func:`check_look_ahead` — every look-ahead table entry of an explorer is what it shows after that move;
* :func:`check_bad_input` — an explorer's bad parameter raises, naming the argument, before anything is built.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import matplotlib as mpl
import pytest

from helpers.live import Explorer
from helpers.style import use_course_style


def _explorer(obj) -> Explorer:
    return obj if isinstance(obj, Explorer) else obj.explorer


def check_look_ahead(name: str, build: Callable[[], object]) -> None:
    """For each slider and some of its table's values (nearest, farthest, both directions): a fresh
    explorer, moved there as the browser would move it, answers exactly the table's text.

    ``build()`` makes the explorer (or an object with an ``.explorer``); ``name`` is said when an entry differs."""
    with mpl.rc_context():
        use_course_style()
        ex = _explorer(build())
        table = ex.readout._ahead["table"]
        assert table, f"{name}: no look-ahead table"
        checked = 0
        for control_name, entries in table.items():
            base = ex.readout._values[control_name]
            keys = sorted(entries, key=float)
            i = keys.index(base)
            for key in {keys[0], keys[max(i - 1, 0)], keys[min(i + 1, len(keys) - 1)], keys[-1]} - {base}:
                fresh = _explorer(build())
                control = fresh.readout._controls[control_name]  # an explorer control, or a tracked one
                control.value = int(key) if isinstance(control, widgets.IntSlider) else float(key)
                assert fresh.readout.value == entries[key], (name, control_name, key)
                checked += 1
        assert checked >= 2


def check_bad_input(call: Callable[[], object], exc: type[Exception], pattern: str) -> None:
    """``call()`` raises ``exc`` with a message matching ``pattern`` (which names the argument)."""
    with pytest.raises(exc, match=pattern):
        call()


def bad_input_params(rows: list[tuple]) -> dict:
    """``pytest.mark.parametrize`` arguments for rows ``(id, call, exception type, pattern)``."""
    return {
        "argnames": ("call", "exc", "pattern"),
        "argvalues": [row[1:] for row in rows],
        "ids": [row[0] for row in rows],
    }
