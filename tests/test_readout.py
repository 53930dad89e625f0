"""The look-ahead readout: keys as the browser writes them, turns, tables, and every chapter's table
against what its explorer really shows after that move (each chapter's tests name its explorers: ``EXPLORERS``)."""

from __future__ import annotations

import chapter_rows
import ipywidgets as widgets
import matplotlib as mpl
import pytest

from helpers.live import Explorer, live_figure, slider
from helpers.live.readout import LiveReadout, decimals_of, value_key


@pytest.fixture(autouse=True)
def course_style():
    from helpers.style import use_course_style

    with mpl.rc_context():
        use_course_style()
        yield


# -- keys ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("step", "decimals"), [(0.05, 2), (0.1, 1), (1, 0), (1.0, 0), (0.25, 2), (0.001, 3), (2, 0)])
def test_decimals_of_a_step(step, decimals):
    assert decimals_of(step) == decimals


@pytest.mark.parametrize(
    ("value", "decimals", "key"),
    [
        (0.35000000000000003, 2, "0.35"),  # float noise from the browser's slider
        (0.3, 1, "0.3"),
        (-1e-17, 2, "0.00"),  # never "-0.00" (JavaScript's toFixed drops that sign for -0 only)
        (-0.0, 1, "0.0"),
        (-0.5, 1, "-0.5"),
        (7, 0, "7"),
        (True, 0, "true"),
        (False, 0, "false"),
        ("relu", 0, "relu"),
    ],
)
def test_value_key_matches_javascript(value, decimals, key):
    assert value_key(value, decimals) == key


# -- the widget ---------------------------------------------------------------------------------------
def square(x):
    return f"x = {x:.2f} → x² = {x * x:.6g}"


def test_each_answer_is_a_new_turn_with_its_values():
    s = slider("x", min=-1, max=1, step=0.1, value=0.5, name="x")
    r = LiveReadout({"x": s})
    r.show("first", {"x": 0.5})
    r.show("second", {"x": 0.6})
    assert (r.value, r._values, r._turn) == ("second", {"x": "0.6"}, 2)


def test_table_holds_the_next_steps_each_way_within_the_range():
    s = slider("x", min=-1, max=1, step=0.1, value=0.8, name="x")
    r = LiveReadout({"x": s})
    r.show(square(0.8), {"x": 0.8})
    table = r.look_ahead(square, {"x": 0.8}, reach=3)
    assert sorted(table["x"], key=float) == ["0.5", "0.6", "0.7", "0.8", "0.9", "1.0"]  # none beyond max
    assert table["x"]["0.9"] == square(0.9) and r._ahead == {"turn": 1, "table": table}


def test_table_stops_at_its_time_budget_after_a_whole_ring():
    s = slider("x", min=-10, max=10, step=0.1, value=0, name="x")
    r = LiveReadout({"x": s})
    now = [0.0]

    def slow(x):  # each readout costs 4 ms of a fake clock, whatever the machine's speed
        now[0] += 0.004
        return square(x)

    table = r.look_ahead(slow, {"x": 0.0}, reach=10, budget=0.010, clock=lambda: now[0])
    # ring 0 (1 value) ends at 4 ms, ring 1 (2 values) at 12 ms > 10 ms: stop after whole ring 1
    assert sorted(table["x"], key=float) == ["-0.1", "0.0", "0.1"]


def test_int_slider_and_other_controls():
    n = widgets.IntSlider(value=3, min=0, max=5)
    flag = widgets.ToggleButton(value=False)
    r = LiveReadout({"n": n, "flag": flag})
    r.show("x", {"n": 3, "flag": False})
    table = r.look_ahead(lambda n, flag: f"{n} {flag}", {"n": 3, "flag": False}, reach=5)
    assert set(table) == {"n"} and sorted(table["n"]) == ["0", "1", "2", "3", "4", "5"]
    assert r._values == {"n": "3", "flag": "false"}


def test_explorer_sends_answer_then_table_each_move():
    s = slider("x", min=-3, max=3, step=0.1, value=1.5, name="x")
    ex = Explorer({"x": s}, readout=square)
    s.value = 0.35000000000000003 + 0.05  # the browser's float noise: still the value 0.4
    assert ex.readout._values == {"x": "0.4"} and ex.readout.value == square(0.4)
    assert ex.readout._ahead["turn"] == ex.readout._turn and ex.readout._ahead["table"]["x"]["0.5"] == square(0.5)


class Picked:
    """The stateful pattern (chapter 03's bars): the state in a class, what is picked an ordinary control
    whose pick also sets the value slider, in the same answer."""

    def __init__(self) -> None:
        self.heights, self.picked = [0.0, 0.5, 1.0], 1
        self.picker = slider("item", min=0, max=2, step=1, value=1, name="k", integer=True)
        self.value = slider("height", min=0, max=1, step=0.5, value=0.5, name="x")
        self.picker.observe(lambda change: self.explorer.set(x=self.heights[change["new"]]), names="value")
        self.draws = 0
        figure = live_figure((2, 2))
        (self.dot,) = figure.subplots().plot([1], [0.5], "o")
        self.explorer = Explorer(
            {"k": self.picker, "x": self.value}, readout=self.readout, draw=self.draw, figure=figure
        )

    def readout(self, k: int, x: float) -> str:
        height = self.heights[k] if k != self.picked else x  # a pick leaves the heights as they are
        return f"item {k} at {height}"

    def draw(self, k: int, x: float) -> None:
        if k == self.picked:
            self.heights[k] = x
        self.picked = k
        self.dot.set_data([k], [self.heights[k]])
        self.draws += 1


def test_a_picked_item_is_a_control_and_its_pick_is_answered_once():
    picked = Picked()
    ex = picked.explorer
    assert ex.readout._values == {"k": "1", "x": "0.5"}
    assert ex.readout._ahead["table"]["k"] == {"0": "item 0 at 0.0", "1": "item 1 at 0.5", "2": "item 2 at 1.0"}
    assert ex.readout._ahead["table"]["x"]["1.0"] == "item 1 at 1.0"
    turn = ex.readout._turn
    ex.controls["k"].value = 2  # a learner's pick: the picker's observer sets x (held), then nothing more
    assert ex.readout.value == "item 2 at 1.0" and ex.readout._values == {"k": "2", "x": "1.0"}
    assert ex.readout._turn == turn + 1 and ex.readout._held == ["x"] and picked.draws == 2
    ex.controls["x"].value = 0.0  # a learner's move of the picked item
    assert ex.readout.value == "item 2 at 0.0" and picked.heights == [0.0, 0.5, 0.0] and picked.draws == 3


def test_set_from_code_sends_the_readout_before_the_controls(monkeypatch):
    """A kernel-side move (a picked class, a click on the map) must not show the page new control values
    beside the old readout: the readout goes first."""
    sent = []
    monkeypatch.setattr(widgets.Widget, "_send", lambda self, msg, buffers=None: sent.append((self, msg)))
    w = slider("w", min=0, max=1, step=0.1, value=0.5, name="w")
    b = slider("b", min=0, max=1, step=0.1, value=0.5, name="b")
    ex = Explorer({"w": w, "b": b}, readout=lambda w, b: f"{w} {b}")
    sent.clear()
    ex.set(w=0.2, b=0.7)
    order = [(who, set(msg.get("state", {}))) for who, msg in sent]
    first_readout = next(i for i, (who, state) in enumerate(order) if who is ex.readout and "value" in state)
    control_moves = [i for i, (who, state) in enumerate(order) if who in (w, b) and "value" in state]
    assert control_moves and first_readout < min(control_moves), order


def test_the_answer_names_the_controls_the_kernel_set_itself():
    """Their new values reach the page just after the answer; until then the page must not take their
    old values for a learner's move (chapter 03: a picked class sets the probability slider)."""
    w = slider("w", min=0, max=1, step=0.1, value=0.5, name="w")
    b = slider("b", min=0, max=1, step=0.1, value=0.5, name="b")
    ex = Explorer({"w": w, "b": b}, readout=lambda w, b: f"{w} {b}")
    ex.set(w=0.2)
    assert ex.readout._held == ["w"]
    b.value = 0.7  # a learner's move
    assert ex.readout._held == []
    ex.set(w=0.3, b=0.1)
    assert sorted(ex.readout._held) == ["b", "w"]


def test_every_explorer_sends_a_table():
    ex = Explorer({"x": slider("x", min=0, max=1, step=0.1, value=0.5, name="x")}, readout=square)
    assert ex.readout._ahead["table"]["x"]["0.6"] == square(0.6) and ex.readout.tables_made == 1


def test_explorer_readout_must_be_callable():
    with pytest.raises(TypeError, match="readout must be callable"):
        Explorer({"x": slider("x", min=0, max=1, step=0.1, value=0.5, name="x")}, readout="x²")


# -- every chapter: the table says what the explorer will show ------------------------------------------
#: Every chapter's explorers, from the ``EXPLORERS`` of its tests (``tests/test_chNN.py``; see chapter_rows.py).
BUILDERS = chapter_rows.explorers()


def _explorer(obj) -> Explorer:
    return obj if isinstance(obj, Explorer) else obj.explorer


def test_every_explorer_module_has_rows_in_its_chapters_tests():
    """A chapter's explorer module without an ``EXPLORERS`` row would be checked by nothing here."""
    from pathlib import Path

    modules = sorted(
        p.stem[2:] for p in (Path(__file__).resolve().parent.parent / "helpers" / "explorers").glob("ch*.py")
    )
    missing = [nn for nn in modules if not any(name.startswith(f"{nn} ") for name in BUILDERS)]
    assert modules and not missing, f"no EXPLORERS row in tests/test_chNN.py for helpers/explorers/ch{missing}.py"


@pytest.mark.parametrize("name", BUILDERS)
def test_every_table_entry_is_what_the_explorer_shows_after_that_move(name):
    """For each slider and some of its table's values (nearest, farthest, both directions): a fresh
    explorer, moved there as the browser would move it, answers exactly the table's text."""
    ex = _explorer(BUILDERS[name]())
    table = ex.readout._ahead["table"]
    assert table, f"{name}: no look-ahead table"
    checked = 0
    for control_name, entries in table.items():
        base = ex.readout._values[control_name]
        keys = sorted(entries, key=float)
        i = keys.index(base)
        for key in {keys[0], keys[max(i - 1, 0)], keys[min(i + 1, len(keys) - 1)], keys[-1]} - {base}:
            fresh = _explorer(BUILDERS[name]())
            control = fresh.readout._controls[control_name]  # (chapter 03's class picker too)
            control.value = int(key) if isinstance(control, widgets.IntSlider) else float(key)
            assert fresh.readout.value == entries[key], (name, control_name, key)
            checked += 1
    assert checked >= 2


def test_table_waits_until_the_answer_has_left_the_kernel(monkeypatch):
    """In a kernel, the look-ahead starts only after the IOPub thread has sent the answer and the frame."""
    import types

    from helpers.live import explorer as course_widgets

    events = []

    class FakeIOPubThread:
        def schedule(self, callback):
            events.append("flushed")
            callback()

    shell = types.SimpleNamespace(kernel=types.SimpleNamespace(iopub_thread=FakeIOPubThread()))
    monkeypatch.setattr(course_widgets, "get_ipython", lambda: shell)

    def readout(x):
        events.append(f"readout {x}")
        return square(x)

    ex = course_widgets.Explorer({"x": slider("x", min=0, max=1, step=0.5, value=0.5, name="x")}, readout=readout)
    assert events[:2] == ["readout 0.5", "flushed"] and len(events) > 2 and "flushed" not in events[2:]
    events.clear()
    ex.set(x=1.0)
    # the answer, then (sent) the table: 1.0, 0.5 and 0.0
    assert events == ["readout 1.0", "flushed", "readout 1.0", "readout 0.5", "readout 0.0"]
