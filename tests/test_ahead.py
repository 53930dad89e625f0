"""Pictures drawn ahead (``Explorer(predict=...)``): every chapter's pictures against the frames of the
real moves, what drawing ahead must leave alone, the order of the plan, and its scheduling in a kernel."""

from __future__ import annotations

import zlib

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.backends.backend_agg
import numpy as np
import pytest
from test_readout import BUILDERS
from test_readout import _explorer as explorer_of

from helpers import widgets as course_widgets
from helpers.canvas import FigureCanvas
from helpers.explorers.ch00 import square_explorer
from helpers.widgets import Explorer, live_figure, slider


@pytest.fixture(autouse=True)
def course_style():
    from helpers.style import use_course_style

    with mpl.rc_context():
        use_course_style()
        yield


@pytest.fixture
def pictures(monkeypatch):
    """Every picture drawn ahead that a canvas sends: (message, pixels buffer)."""
    sent = []

    def capture(self, content, buffers=None):
        assert content["event"] == "ahead"
        sent.append((content, buffers[0]))

    monkeypatch.setattr(FigureCanvas, "send", capture)
    return sent


def painted(base: np.ndarray, message: dict, data: bytes) -> np.ndarray:
    """``base`` with the picture's pieces painted over it, as canvas.js paints them."""
    assert message["shape"] == list(base.shape[:2])
    pixels = np.frombuffer(zlib.decompress(data), dtype=np.uint8)
    picture, offset = base.copy(), 0
    for x, y, w, h in message["rects"]:
        picture[y : y + h, x : x + w] = pixels[offset : offset + w * h * 4].reshape(h, w, 4)
        offset += w * h * 4
    assert offset == pixels.size
    return picture


def value_of(control, key: str):
    if isinstance(control.value, bool):
        return key == "true"
    if isinstance(control, widgets.widget_selection._Selection):  # keyed by its index, as the page syncs it
        return control._options_values[int(key)]
    return int(key) if isinstance(control.value, int) else float(key)


def first_slider(ex: Explorer) -> str:
    return next(n for n, c in ex.controls.items() if isinstance(c, course_widgets._SLIDERS))


@pytest.mark.parametrize("name", BUILDERS)
def test_every_picture_drawn_ahead_is_the_frame_of_that_move(name, pictures):
    """Move a slider one step (so the plan runs on in that direction), draw ahead, then make each
    move for real from the same place: its frame is pixel for pixel the picture sent ahead."""
    ex = explorer_of(BUILDERS[name]())
    canvas = ex.figure.canvas
    moved = first_slider(ex)
    control = ex.controls[moved]
    up = control.value + control.step <= control.max
    ex.set(**{moved: round(control.value + (control.step if up else -control.step), 12)})
    base, text = canvas._last_sent.copy(), ex.readout_text
    frames, frame_id = canvas.frames_sent, canvas._frame_id
    drawn = ex.draw_ahead()
    assert drawn, f"{name}: nothing drawn ahead"
    assert drawn[0][0] == moved, "the slider just moved comes first"
    # drawing ahead sent no frame and left the readout, the artists and the renderer as they were
    assert canvas.frames_sent == frames and canvas._frame_id == frame_id
    assert ex.readout_text == text
    np.testing.assert_array_equal(np.asarray(canvas.get_renderer().buffer_rgba()), base)
    assert [(m["control"], m["key"]) for m, _ in pictures] == drawn
    for message, data in list(pictures):
        assert message["base"] == frame_id and message["values"] == canvas._frame_values
        expected = painted(base, message, data)
        ex._pictures.clear()  # drawn for real, not taken from the pictures drawn ahead
        move(ex, message["control"], message["key"])
        np.testing.assert_array_equal(canvas._last_sent, expected, err_msg=f"{name}: {message['key']}")
        # back to where the pictures were drawn from (a tracked picker first: it changes what the others mean)
        for control, key in sorted(message["values"].items(), key=lambda item: item[0] in ex.controls):
            move(ex, control, key)
        np.testing.assert_array_equal(canvas._last_sent, base)


def move(ex: Explorer, name: str, key: str) -> None:
    """Move control ``name`` to ``key`` as the browser does: one of the explorer's, or a tracked one."""
    control = ex.readout._controls[name]
    value = value_of(control, key)
    if name in ex.controls:
        ex.set(**{name: value})
    else:
        control.value = value


def test_a_picked_class_is_drawn_ahead_too(pictures):
    """Chapter 03: after picking class 3 (class picker, a tracked slider), pictures for classes 4 and 5
    come first, and picking 4 sends that picture without drawing it again."""
    bars = BUILDERS["03 ce"]()
    bars.select(3)
    assert bars.explorer._ahead[:3] == [("cls", 4), ("cls", 5), ("cls", 2)]
    bars.explorer.draw_ahead()
    assert [m["key"] for m, _ in pictures][:3] == ["4", "5", "2"]
    assert bars.selected == 3  # put back
    reused = bars.explorer._blitter.reused
    bars.select(4)
    assert bars.explorer._blitter.reused == reused + 1
    shown = bars.figure.canvas._last_sent.copy()
    mpl.backends.backend_agg.FigureCanvasAgg.draw(bars.figure.canvas)
    np.testing.assert_array_equal(shown, np.asarray(bars.figure.canvas.get_renderer().buffer_rgba()))


@pytest.mark.parametrize("name", ["06 backprop", "03 ce", "01 fit"])
def test_the_move_drawn_ahead_sends_that_picture_without_drawing_it_again(name):
    ex = explorer_of(BUILDERS[name]())
    canvas, blitter = ex.figure.canvas, ex._blitter
    moved = first_slider(ex)
    control = ex.controls[moved]
    ex.set(**{moved: round(control.value + control.step, 12)})
    (_, key), *_ = ex.draw_ahead()
    blits, reused = blitter.blits, blitter.reused
    ex.set(**{moved: value_of(control, key)})
    assert (blitter.blits, blitter.reused) == (blits + 1, reused + 1)
    sent = canvas._last_sent.copy()
    mpl.backends.backend_agg.FigureCanvasAgg.draw(canvas)  # everything from scratch
    np.testing.assert_array_equal(sent, np.asarray(canvas.get_renderer().buffer_rgba()))
    assert not any(a.stale for a in blitter.animated)


def test_a_picture_drawn_ahead_is_not_used_once_something_else_changed():
    """Chapter 01: a dragged point sends a frame; chapter 03: reset changes y without one."""
    fit = BUILDERS["01 fit"]()
    fit.explorer.set(w=1.05)
    fit.explorer.draw_ahead()
    fit.move_point(0, 9.0)
    reused = fit.explorer._blitter.reused
    fit.explorer.set(w=1.1)
    assert fit.explorer._blitter.reused == reused
    bars = BUILDERS["03 ce"]()
    bars.move(4, 0.3)
    bars.set(p=0.31)
    bars.explorer.draw_ahead()
    bars.y = bars._start.copy()  # (what reset does before it picks the correct class)
    reused = bars.explorer._blitter.reused
    bars.set(p=0.32)
    assert bars.explorer._blitter.reused == reused
    shown = bars.figure.canvas._last_sent.copy()
    mpl.backends.backend_agg.FigureCanvasAgg.draw(bars.figure.canvas)
    np.testing.assert_array_equal(shown, np.asarray(bars.figure.canvas.get_renderer().buffer_rgba()))


def test_plan_follows_the_last_move_then_the_other_sliders():
    ex = explorer_of(BUILDERS["05 descent"]())
    lr = ex.controls["lr"].value
    ex.set(lr=round(lr - 0.01, 2))
    steps = ex.controls["steps"].value
    assert ex._ahead == [
        ("lr", round(lr - 0.02, 12)),
        ("lr", round(lr - 0.03, 12)),
        ("lr", round(lr, 12)),
        ("steps", steps + 1),
        ("steps", steps - 1),
    ]


def test_plan_stays_on_the_slider_range():
    ex = square_explorer(1.5)
    control = ex.controls["x"]
    ex.set(x=control.max)
    assert [value for _, value in ex._ahead] == [round(control.max - control.step, 12)]


def test_state_kept_by_update_is_put_back(pictures):
    """Chapter 03's update keeps ``y``: after drawing ahead it is the same array again."""
    bars = BUILDERS["03 ce"]()
    bars.set(p=0.7)
    y = bars.y.copy()
    heights = [b.get_height() for b in bars.bars]
    assert bars.explorer.draw_ahead()
    np.testing.assert_array_equal(bars.y, y)
    assert [b.get_height() for b in bars.bars] == heights


def test_a_move_that_changes_no_pixel_still_tells_the_page_its_values():
    ex = square_explorer(1.5)
    canvas = ex.figure.canvas
    frames = canvas.frames_sent
    ex.readout.value = ""  # (nothing to do with the figure)
    canvas.frame_values = {"x": "9.90"}
    canvas.send_frame()
    assert canvas.frames_sent == frames + 1 and canvas._frame_values == {"x": "9.90"}
    assert canvas._frame_rects == [[0, 0, 1, 1]]
    canvas.send_frame()  # the same picture for the same values: nothing goes
    assert canvas.frames_sent == frames + 1


def test_nothing_is_sent_ahead_of_a_frame_the_page_has_not_got(pictures):
    canvas = live_figure((2, 1)).canvas
    assert canvas.send_ahead("x", "1.0") is False  # no frame yet
    canvas.draw()
    canvas.frame_values = {"x": "1.0"}  # values of a frame not sent yet
    assert canvas.send_ahead("x", "1.0") is False
    assert pictures == []


class FakeLoop:
    def __init__(self):
        self.calls = []

    def call_later(self, delay, callback, *args):
        self.calls.append((callback, args))

    def run(self):
        while self.calls:
            callback, args = self.calls.pop(0)
            callback(*args)


@pytest.fixture
def kernel_loop(monkeypatch):
    loop = FakeLoop()
    monkeypatch.setattr(course_widgets, "_kernel_loop", lambda: loop)
    return loop


def test_in_a_kernel_one_picture_per_turn_of_the_loop(kernel_loop, pictures):
    ex = square_explorer(1.5)
    kernel_loop.run()
    pictures.clear()
    ex.set(x=1.6)
    assert len(kernel_loop.calls) == 1 and not pictures  # nothing drawn while the message is handled
    callback, args = kernel_loop.calls.pop(0)
    callback(*args)
    assert len(pictures) == 1 and len(kernel_loop.calls) == 1  # one picture, then the next is scheduled


def test_a_new_move_or_a_drag_stops_the_old_plan(kernel_loop, pictures):
    ex = square_explorer(1.5)
    kernel_loop.run()
    ex.set(x=1.6)
    stale = kernel_loop.calls.pop(0)
    ex.set(x=1.7)  # a newer move: a new plan
    pictures.clear()
    stale[0](*stale[1])
    assert pictures == []  # the old plan's turn draws nothing
    kernel_loop.run()
    assert {m["key"] for m, _ in pictures} == {"1.8", "1.9", "1.6"}
    pictures.clear()
    ex.figure.canvas.pointer("press", 5, 5)
    ex.set(x=1.5)
    kernel_loop.run()
    assert pictures == []  # a drag is on: the moves come from the pointer, not the keys
    ex.figure.canvas.pointer("release", 5, 5)


def test_a_failing_update_stops_drawing_ahead_quietly(kernel_loop, pictures):
    s = slider("x", min=0, max=1, step=0.5, value=0.5, name="x")
    fig = live_figure((2, 1))
    (line,) = fig.add_subplot().plot([0], [0])

    def update(x):
        if x == 1.0:
            raise ValueError("no")
        line.set_ydata([x])
        return f"{x}"

    ex = Explorer({"x": s}, update, figure=fig, predict=True)
    kernel_loop.run()  # the plan's 1.0 raises in the loop: dropped, not raised there
    assert ex._ahead == [] and ex.readout_text == "0.5"
    with pytest.raises(ValueError, match="no"):
        ex.set(x=1.0)  # the real move shows the error


def test_pick_needs_a_callable_and_save_restore():
    s = slider("x", min=0, max=1, step=0.5, value=0.5, name="x")
    picker = widgets.IntSlider(value=0, min=0, max=3)
    fig = live_figure((2, 1))
    ex = Explorer({"x": s}, lambda x: f"{x}", figure=fig, predict=True)
    with pytest.raises(TypeError, match="pick must be callable"):
        ex.track("k", picker, str, pick="no")
    with pytest.raises(ValueError, match="pick needs predict=\\(save, restore\\)"):
        ex.track("k", picker, str, pick=lambda k: {"x": 0.5})


@pytest.mark.parametrize("predict", ["yes", (print,), (1, 2), None])
def test_predict_must_be_a_bool_or_save_restore(predict):
    s = slider("x", min=0, max=1, step=0.5, value=0.5, name="x")
    with pytest.raises(TypeError, match="predict must be True, False or a \\(save, restore\\)"):
        Explorer({"x": s}, str, figure=live_figure((2, 1)), predict=predict)


def test_predict_needs_a_figure():
    s = slider("x", min=0, max=1, step=0.5, value=0.5, name="x")
    with pytest.raises(ValueError, match="predict=True needs a figure"):
        Explorer({"x": s}, str, predict=True)


def test_without_predict_nothing_is_planned(kernel_loop, pictures):
    s = slider("x", min=0, max=1, step=0.5, value=0.5, name="x")
    fig = live_figure((2, 1))
    ex = Explorer({"x": s}, lambda x: f"{x}", figure=fig)
    ex.set(x=1.0)
    assert kernel_loop.calls == [] and ex.draw_ahead() == [] and fig.canvas._controls == {}


def test_a_picture_waits_while_another_thread_answers_a_move(kernel_loop, pictures):
    """A subshell answering a key press while a cell runs: the loop's picture is skipped, not drawn meanwhile."""
    import threading

    ex = square_explorer(1.5)
    kernel_loop.run()
    ex.set(x=1.6)
    pictures.clear()
    callback, args = kernel_loop.calls.pop(0)
    held, release = threading.Event(), threading.Event()

    def answer_elsewhere():
        with ex._lock:
            held.set()
            release.wait(5)

    other = threading.Thread(target=answer_elsewhere)
    other.start()
    held.wait(5)
    try:
        callback(*args)
        assert pictures == [] and kernel_loop.calls == []
    finally:
        release.set()
        other.join()
