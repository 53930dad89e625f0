"""The live canvas without a browser: frames, their messages, the pointer, HiDPI and bad input."""

from __future__ import annotations

import zlib

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from test_readout import BUILDERS
from test_readout import _explorer as explorer_of

from helpers.explorers.ch00 import square_explorer
from helpers.live import live_figure
from helpers.live.canvas import FigureCanvas


@pytest.fixture(autouse=True)
def course_style():
    from helpers.style import use_course_style

    with mpl.rc_context():
        use_course_style()
        yield


class Page:
    """What a browser view of ``canvas`` shows: every frame applied as canvas.js applies it."""

    def __init__(self, canvas: FigureCanvas) -> None:
        self.canvas, self.shown, self.pixels = canvas, None, None
        canvas.observe(self.paint, names="_frame_id")
        canvas.send_frame(full=True)  # what a new view asks for

    def paint(self, _change=None) -> None:
        c = self.canvas
        height, width = c._frame_shape
        data = np.frombuffer(zlib.decompress(c._frame), dtype=np.uint8)
        if not c._frame_rects:
            self.pixels = data.reshape(height, width, 4).copy()
        else:
            assert c._frame_base == self.shown, "a piece of a frame this page has not got"
            offset = 0
            for x, y, w, h in c._frame_rects:
                self.pixels[y : y + h, x : x + w] = data[offset : offset + w * h * 4].reshape(h, w, 4)
                offset += w * h * 4
            assert offset == data.size
        self.shown = c._frame_id


def decoded(canvas: FigureCanvas) -> np.ndarray:
    """The last frame, which must be a full one, as the browser gets it: (height, width, RGBA)."""
    height, width = canvas._frame_shape
    assert canvas._frame_rects == []
    return np.frombuffer(zlib.decompress(canvas._frame), dtype=np.uint8).reshape(height, width, 4)


def rendered(canvas: FigureCanvas) -> np.ndarray:
    return np.asarray(canvas.get_renderer().buffer_rgba())


@pytest.fixture
def sent(monkeypatch):
    """Every state message a canvas sends (what would go over the comm)."""
    messages = []

    def capture(self, msg, buffers=None):
        messages.append((msg, buffers))

    monkeypatch.setattr(FigureCanvas, "_send", capture)
    return messages


def test_live_figure_gets_a_course_canvas_with_a_name():
    fig = live_figure((4, 2), alt="the loss curve")
    assert isinstance(fig.canvas, FigureCanvas) and fig.canvas.figure is fig
    assert fig.canvas.alt == "the loss curve"
    assert "course-canvas" in fig.canvas._dom_classes
    assert repr(fig.canvas) == "FigureCanvas(400×200 px)"  # stable: recorded notebooks do not churn


def test_draw_sends_the_whole_rendered_figure():
    fig = live_figure((3, 2))
    ax = fig.add_subplot()
    ax.plot([0, 1], [1, 0])
    before = fig.canvas._frame_id
    fig.canvas.draw()
    assert fig.canvas._frame_id == before + 1
    assert fig.canvas._frame_shape == (200, 300) and fig.canvas._css_size == (300, 200)
    np.testing.assert_array_equal(decoded(fig.canvas), rendered(fig.canvas))


def test_a_frame_is_one_message_with_pixels_shape_size_and_number(sent):
    fig = live_figure((3, 2))
    fig.add_subplot().plot([0, 1])
    sent.clear()  # (creating the widget sent its first state)
    fig.canvas.draw()
    assert len(sent) == 1, [m for m, _ in sent]
    msg, buffers = sent[0]
    keys = set(msg["state"]) | {path[0] for path in msg["buffer_paths"]}
    assert keys == {"_frame", "_frame_shape", "_css_size", "_frame_id"}
    assert msg["buffer_paths"] == [["_frame"]] and len(buffers) == 1
    assert zlib.decompress(bytes(buffers[0])) == rendered(fig.canvas).tobytes()


def test_every_explorer_move_sends_the_frame_a_full_draw_would_make():
    ex = square_explorer(1.5)
    canvas = ex.figure.canvas
    page = Page(canvas)
    for x in (1.6, -2.0, 0.3):
        sent_before = canvas.frames_sent
        ex.set(x=x)
        assert canvas.frames_sent == sent_before + 1
        assert canvas._frame_rects, "a moved dot: only the pieces that changed travel"
        blitted = page.pixels.copy()
        FigureCanvasAgg.draw(canvas)  # everything from scratch
        np.testing.assert_array_equal(blitted, rendered(canvas))
    assert ex._blitter.blits >= 2  # the cheap path was taken, and it was right


@pytest.mark.parametrize("name", BUILDERS)
def test_every_chapter_explorer_blits_exactly_what_a_full_draw_shows(name):
    """For each chapter's explorer, moves of each slider (up, up, down, a jump): the frame sent is
    pixel for pixel the frame a full redraw makes, and most moves were cheap blits."""
    ex = explorer_of(BUILDERS[name]())
    canvas = ex.figure.canvas
    page = Page(canvas)
    for control in ex.readout._controls.values():
        if not hasattr(control, "step"):
            continue
        start = control.value
        for value in (start + control.step, start + 2 * control.step, start + control.step, control.min, start):
            control.value = min(max(value, control.min), control.max)
            shown = page.pixels.copy()
            canvas.draw()  # everything from scratch (sent as pieces too, and applied)
            np.testing.assert_array_equal(shown, rendered(canvas), err_msg=f"{name}: value {control.value}")
            np.testing.assert_array_equal(page.pixels, rendered(canvas))
    assert ex._blitter.blits >= 1


def test_changed_rects_cover_every_changed_pixel_and_nothing_far_away():
    from helpers.live.canvas import _changed_rects

    old = np.zeros((100, 200, 4), dtype=np.uint8)
    new = old.copy()
    assert _changed_rects(old, new) == []
    new[10:20, 5:15] = 255  # two separate spots: two pieces
    new[50:52, 150:160] = 7
    rects = _changed_rects(old, new)
    assert rects == [(5, 10, 10, 10), (150, 50, 10, 2)]
    new[:, :] = 1  # almost everything changed: a full frame is cheaper
    assert _changed_rects(old, new) is None


def test_a_keyframe_request_sends_a_full_frame():
    ex = square_explorer(1.0)
    canvas = ex.figure.canvas
    ex.set(x=1.1)
    assert canvas._frame_rects  # pieces
    canvas._on_browser_message(canvas, {"event": "keyframe"}, [])
    assert canvas._frame_rects == [] and decoded(canvas).shape == (260, 480, 4)


def test_frame_numbers_only_grow():
    ex = square_explorer(0.0)
    ids = []
    for k in range(5):
        ex.set(x=0.1 * k)
        ids.append(ex.figure.canvas._frame_id)
    assert ids == sorted(set(ids))


def test_pointer_maps_css_pixels_to_data_and_calls_mpl_connect():
    fig = live_figure((4, 3))
    ax = fig.add_subplot()
    ax.set(xlim=(0, 10), ylim=(0, 5))
    fig.canvas.draw()
    seen = []
    fig.canvas.mpl_connect("button_press_event", lambda e: seen.append(("press", e.xdata, e.ydata, e.button)))
    fig.canvas.mpl_connect("motion_notify_event", lambda e: seen.append(("motion", e.xdata, e.ydata, e.button)))
    fig.canvas.mpl_connect("button_release_event", lambda e: seen.append(("release", e.xdata, e.ydata, e.button)))
    x, y = ax.transData.transform((7.0, 4.0))  # display pixels, y up
    height = fig.bbox.height
    css = (x, height - y)  # the browser's y points down
    fig.canvas._on_browser_message(fig.canvas, {"event": "pointer", "kind": "press", "x": css[0], "y": css[1]}, [])
    fig.canvas._on_browser_message(fig.canvas, {"event": "pointer", "kind": "motion", "x": css[0], "y": css[1]}, [])
    fig.canvas._on_browser_message(fig.canvas, {"event": "pointer", "kind": "release", "x": css[0], "y": css[1]}, [])
    assert [s[0] for s in seen] == ["press", "motion", "release"]
    for _, xdata, ydata, _ in seen:
        assert xdata == pytest.approx(7.0) and ydata == pytest.approx(4.0)
    assert seen[0][3] == 1  # the left button


def test_hidpi_renders_more_pixels_at_the_same_size_and_maps_the_pointer():
    fig = live_figure((4, 3))
    ax = fig.add_subplot()
    ax.set(xlim=(0, 10), ylim=(0, 5))
    fig.canvas.draw()
    fig.canvas._ratio = 2.0  # what a HiDPI browser reports
    assert fig.canvas._frame_shape == (600, 800) and fig.canvas._css_size == (400, 300)
    np.testing.assert_array_equal(decoded(fig.canvas), rendered(fig.canvas))
    x, y = ax.transData.transform((2.5, 1.0))  # physical pixels now
    event = fig.canvas.pointer("press", x / 2, (fig.bbox.height - y) / 2)
    assert (event.xdata, event.ydata) == (pytest.approx(2.5), pytest.approx(1.0))


@pytest.mark.parametrize("ratio", [0.0, 100.0])
def test_absurd_device_pixel_ratio_is_ignored(ratio):
    fig = live_figure((4, 3))
    fig.canvas.draw()
    fig.canvas._ratio = ratio
    assert fig.canvas._frame_shape == (300, 400) and fig.canvas.device_pixel_ratio == 1


@pytest.mark.parametrize(
    "content",
    [
        None,
        "press",
        {"event": "keyboard"},
        {"event": "pointer", "kind": "scroll", "x": 1, "y": 1},
        {"event": "pointer", "kind": "press"},
        {"event": "pointer", "kind": "press", "x": "left", "y": 1},
    ],
)
def test_malformed_browser_messages_are_ignored(content):
    fig = live_figure((2, 2))
    calls = []
    fig.canvas.mpl_connect("button_press_event", calls.append)
    fig.canvas._on_browser_message(fig.canvas, content, [])
    assert calls == []


def test_bad_arguments_name_the_argument():
    with pytest.raises(TypeError, match="figure must be a matplotlib Figure, got str"):
        FigureCanvas("figure")
    with pytest.raises(TypeError, match="alt must be a str"):
        FigureCanvas(Figure(), alt=3)
    with pytest.raises(ValueError, match="kind must be one of"):
        FigureCanvas(Figure()).pointer("hover", 1, 1)


def test_the_browser_half_is_one_es_module_with_its_inflater():
    from helpers.live import canvas

    assert canvas._ESM.count("export default") == 1
    assert "function unzlibSync" in canvas._ESM and "MIT License" in canvas._ESM


def test_chapter_06_picture_does_not_depend_on_the_path_taken():
    """Random jumps and steps through the backward pass: the page always shows what a fresh explorer
    shows at that step (a burst in the browser once ended on different pixels than the slow path)."""
    import random

    def fresh(step: int) -> np.ndarray:
        ex = explorer_of(BUILDERS["06 backprop"]())
        ex.controls["step"].value = step
        ex.figure.canvas.draw()
        return rendered(ex.figure.canvas).copy()

    reference = {step: fresh(step) for step in range(7)}
    rng = random.Random(1)
    ex = explorer_of(BUILDERS["06 backprop"]())
    page = Page(ex.figure.canvas)
    for _ in range(40):
        step = rng.randint(0, 6)
        ex.controls["step"].value = step
        np.testing.assert_array_equal(page.pixels, reference[step], err_msg=f"step {step}")


def test_a_keyframe_waits_for_the_frame_being_drawn():
    """The page's keyframe request arrives on the widget messages' own thread: it must not send a canvas that an
    explorer is drawing (its background restored, its moving artists not yet drawn)."""
    import threading

    from helpers.live import Explorer, live_figure, slider

    fig = live_figure((2, 2))
    (dot,) = fig.subplots().plot([0], [0], "o")
    ex = Explorer(
        {"x": slider("x", min=0, max=1, step=0.5, value=0, name="x")},
        readout=lambda x: f"x = {x}",
        draw=lambda x: dot.set_data([x], [x]),
        figure=fig,
    )
    assert ex._lock is fig.canvas.lock
    sent = fig.canvas.frames_sent
    with fig.canvas.lock:  # the explorer drawing, on the kernel's main thread
        page = threading.Thread(target=fig.canvas._on_browser_message, args=(fig.canvas, {"event": "keyframe"}, []))
        page.start()
        page.join(0.3)
        assert page.is_alive() and fig.canvas.frames_sent == sent
    page.join(5)
    assert not page.is_alive() and fig.canvas.frames_sent == sent + 1


def plain_agg(fig: Figure) -> np.ndarray:
    """``fig`` drawn by matplotlib's own Agg canvas (every text laid out and rasterised anew)."""
    live = fig.canvas
    try:
        agg = FigureCanvasAgg(fig)
        agg.draw()
        return np.asarray(agg.buffer_rgba()).copy()
    finally:
        fig.set_canvas(live)


def test_a_text_drawn_again_is_stamped_from_its_glyphs_with_the_same_pixels(monkeypatch):
    fig = live_figure((4, 2))
    ax = fig.subplots()
    texts = [ax.text(0.1, 0.5, "loss = 0.0195"), ax.text(0.6, 0.3, "rotated", rotation=30), ax.set_title("SSE")]
    fig.canvas.draw()
    fig.set_layout_engine("none")  # (as an explorer does: the texts stay where the first draw put them)
    assert np.array_equal(rendered(fig.canvas), plain_agg(fig))
    laid_out = []
    original = RendererAgg.draw_text
    monkeypatch.setattr(
        RendererAgg, "draw_text", lambda self, *a, **k: laid_out.append(a[3]) or original(self, *a, **k)
    )
    texts[0].set_color("red")  # the same glyphs in another colour
    fig.canvas.draw()
    assert "loss = 0.0195" not in laid_out and "rotated" not in laid_out and "SSE" not in laid_out
    texts[0].set_text("loss = 0.5108")  # new text: laid out once, then stamped
    fig.canvas.draw()
    assert laid_out.count("loss = 0.5108") == 1
    monkeypatch.undo()
    assert np.array_equal(rendered(fig.canvas), plain_agg(fig))


def test_mathtext_is_drawn_anew_every_time(monkeypatch):
    fig = live_figure((3, 2))
    ax = fig.subplots()
    ax.text(0.2, 0.5, r"$\frac{\partial L}{\partial w}$", fontsize=14)
    fig.canvas.draw()
    fig.set_layout_engine("none")
    laid_out = []
    original = RendererAgg.draw_text
    monkeypatch.setattr(
        RendererAgg, "draw_text", lambda self, *a, **k: laid_out.append(a[3]) or original(self, *a, **k)
    )
    fig.canvas.draw()
    assert laid_out == [r"$\frac{\partial L}{\partial w}$"]  # (the tick labels: stamped)
    monkeypatch.undo()
    assert np.array_equal(rendered(fig.canvas), plain_agg(fig))


def test_text_line_heights_are_kept_and_lay_text_out_where_plain_agg_does(monkeypatch):
    from matplotlib import font_manager

    from helpers.live.canvas import _Renderer

    monkeypatch.setattr(_Renderer, "heights", {})
    fig = live_figure((4, 3))
    ax = fig.subplots()
    texts = [
        ax.text(0.05, 0.8, "two\nlines", fontsize=17),
        ax.text(0.05, 0.5, "交差エントロピー誤差", fontsize=9),
        ax.text(0.5, 0.3, "bold, serif", fontsize=13, fontweight="bold", family="serif"),
        ax.text(0.5, 0.1, "rotated\ntwice", rotation=45, fontsize=11),
        ax.set_title("Title", fontsize=15),
    ]
    for dpi in (100, 150):  # a new dpi: new heights, not the old ones reused
        fig.set_dpi(dpi)
        fig.canvas.draw()
        canvas, live = fig.canvas, fig.canvas.get_renderer()
        agg = FigureCanvasAgg(fig).get_renderer()  # (matplotlib's own, which reads the font file every time)
        fig.set_canvas(canvas)
        for text in texts:
            assert text.get_window_extent(live).bounds == text.get_window_extent(agg).bounds, text.get_text()
    assert np.array_equal(rendered(fig.canvas), plain_agg(fig))
    looked_up = []
    original = font_manager.FontManager._find_fonts_by_props
    monkeypatch.setattr(
        font_manager.FontManager,
        "_find_fonts_by_props",
        lambda self, *a, **k: looked_up.append(1) or original(self, *a, **k),
    )
    texts[0].set_color("red")
    fig.canvas.draw()
    assert looked_up == []  # (every font's heights were kept)
