"""A live matplotlib canvas: Agg renders in the kernel; only the changed rectangles of each frame travel,
deflated, and the page paints them with ``putImageData`` (no PNG decode).  Each frame names the frame it
applies to, so a view that lacks it asks for a whole one; pointer events come back as ``MouseEvent``s."""

from __future__ import annotations

import threading
import zlib

import anywidget
import numpy as np
import traitlets
from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager, get_font

from helpers.live.bundle import bundle

__all__ = ["FigureCanvas"]

#: The browser half (an ES module run by anywidget in JupyterLab).
_ESM = bundle("canvas.js")

#: The page's pointer kinds and the matplotlib events they become.
_POINTER_EVENTS = {"press": "button_press_event", "motion": "motion_notify_event", "release": "button_release_event"}

_CSS = """
.course-canvas { line-height: 0; max-width: 100%; min-width: 0; }
.course-canvas canvas.course-figure { display: block; touch-action: none; max-width: 100%; }
"""


def _changed_rects(old: np.ndarray, new: np.ndarray, *, gap: int = 24, most: float = 0.6) -> list | None:
    """Rectangles (x, y, w, h) covering every changed pixel (at most 4 runs of columns); None: send all."""
    changed = old.view(np.uint32)[..., 0] != new.view(np.uint32)[..., 0]
    columns = np.flatnonzero(changed.any(axis=0))
    if columns.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(columns) > gap)
    runs = list(zip(columns[np.r_[0, breaks + 1]], columns[np.r_[breaks, columns.size - 1]], strict=True))
    if len(runs) > 4:
        runs = [(columns[0], columns[-1])]
    rects = []
    for c0, c1 in runs:
        rows = np.flatnonzero(changed[:, c0 : c1 + 1].any(axis=1))
        rects.append((int(c0), int(rows[0]), int(c1 - c0 + 1), int(rows[-1] - rows[0] + 1)))
    if sum(w * h for _, _, w, h in rects) > most * changed.size:
        return None
    return rects


def _pieces(pixels: np.ndarray, rects: list | None) -> tuple[list[list[int]], bytes]:
    """``rects`` of ``pixels`` (None: all of it, sent as ``[]``), one after the other, deflated."""
    if rects is None:
        return [], zlib.compress(pixels.data, 1)
    data = zlib.compress(b"".join(pixels[y : y + h, x : x + w].tobytes() for x, y, w, h in rects), 1)
    return [list(map(int, r)) for r in rects], data


class _Stamps(list):
    """Agg's own renderer (``agg``) while a line of text is drawn: the glyph images it stamps are kept."""

    agg: object = None

    def draw_text_image(self, image: np.ndarray, *where: object) -> None:  # where: x, y, angle, gc
        self.append((np.array(image), *where[:3]))
        self.agg.draw_text_image(image, *where)


class _Renderer(RendererAgg):
    """Agg keeping each text's glyph images by (text, font, angle, place): a text drawn again where it was is
    stamped again, not laid out and rasterised anew — the same pixels, and text costs most in a move."""

    glyphs: dict | None = None

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None) -> None:  # noqa: ANN001
        if ismath:  # (mathtext: glyphs and rules)
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        font = (mtext.get_fontfeatures(), mtext.get_language()) if mtext is not None else None
        key = (s, prop, angle, x, y, gc.get_antialiased(), font, get_hinting_flag())
        self.glyphs = self.glyphs if self.glyphs is not None and len(self.glyphs) < 4000 else {}
        if key not in self.glyphs:
            agg, self._renderer = self._renderer, _Stamps()
            self._renderer.agg = agg
            try:
                super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
                self.glyphs[key] = self._renderer
            finally:
                self._renderer = agg
            return None
        for image, *where in self.glyphs[key]:
            self._renderer.draw_text_image(image, *where, gc)
        return None

    heights: dict = {}  # (font properties, dpi) → (ascent, descent, line gap), for every canvas

    def _get_font_height_metrics(self, prop):  # noqa: ANN001
        """A font's line heights, kept (Text reads them from its file on every layout unless a renderer has them)."""
        if (key := (hash(prop), self.dpi)) not in self.heights:
            font, self.heights[key] = get_font(fontManager._find_fonts_by_props(prop)), (None, None, None)
            for table_name, *keys in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                      ("hhea", "lineGap", "ascent", "descent")):  # fmt: skip
                if (table := font.get_sfnt_table(table_name)) is not None:  # (matplotlib's arithmetic, to the bit)
                    scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * self.dpi / 72
                    gap, ascent, descent = (table[k] * scale for k in keys)
                    self.heights[key] = (ascent, -descent, gap)
                    break
        return self.heights[key]


class FigureCanvas(FigureCanvasAgg, anywidget.AnyWidget):
    """Matplotlib's Agg canvas and a live widget (``figure.canvas``); :meth:`draw` sends the new frame."""

    _esm = _ESM
    _css = _CSS
    alt = traitlets.Unicode("").tag(sync=True)
    # Underscored: kept out of the widget's text repr.
    _frame = traitlets.Bytes(b"").tag(sync=True)
    _frame_shape = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(0, 0)).tag(sync=True)
    _frame_id = traitlets.Int(0).tag(sync=True)
    #: [x, y, width, height] pieces of ``_frame`` to paint over frame ``_frame_base``; [] = a full frame.
    _frame_rects = traitlets.List().tag(sync=True)
    _frame_base = traitlets.Int(0).tag(sync=True)
    _css_size = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(0, 0)).tag(sync=True)
    _ratio = traitlets.Float(1.0).tag(sync=True)

    def __init__(self, figure: Figure, *, alt: str = "") -> None:
        if not isinstance(figure, Figure):
            raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
        if not isinstance(alt, str):
            raise TypeError(f"alt must be a str (the figure's accessible description), got {type(alt).__name__}")
        super().__init__(figure)  # FigureCanvasBase, then (its super().__init__()) the widget
        self.alt = alt
        self.frames_sent = 0
        self.lock = threading.RLock()  # a frame is rendered or sent by one thread at a time (explorer.py)
        self._last_sent: np.ndarray | None = None
        self.on_msg(self._on_browser_message)
        self.observe(self._on_ratio, names="_ratio")

    def __repr__(self) -> str:
        width, height = self.get_width_height()
        return f"FigureCanvas({width}×{height} px)"

    def get_renderer(self) -> _Renderer:
        key = (*self.get_width_height(physical=True), self.figure.dpi)
        if self._lastKey != key:  # (first use, a new size or dpi)
            self.renderer, self._lastKey = _Renderer(*key), key
        return self.renderer

    def draw(self) -> None:
        """Render the whole figure and send it."""
        super().draw()
        self.send_frame()

    def draw_idle(self, *args: object, **kwargs: object) -> None:
        """No idle loop to wait for: draw now (the frame goes out at once)."""
        self.draw()

    def send_frame(self, *, full: bool = False) -> None:
        """Send what the renderer holds: the rectangles changed since the last frame, or all of it (``full``)."""
        pixels = np.asarray(self.get_renderer().buffer_rgba())  # (height, width, 4), not a copy
        height, width = pixels.shape[:2]
        if not (height and width):
            return
        previous = self._last_sent
        rects = None if full or previous is None or previous.shape != pixels.shape else _changed_rects(previous, pixels)
        if rects == []:
            return  # nothing changed on screen
        rects, data = _pieces(pixels, rects)
        self._last_sent = pixels.copy()
        css = self.get_width_height()  # logical pixels: the size on the page
        with self.hold_sync():  # one message: pixels, where they go, size and numbers together
            self._frame = data
            self._frame_rects = rects
            self._frame_shape = (height, width)
            self._css_size = (int(css[0]), int(css[1]))
            self._frame_base = self._frame_id
            self._frame_id += 1
        self.frames_sent += 1

    def _on_ratio(self, change: dict) -> None:
        ratio = change["new"]
        if isinstance(ratio, (int, float)) and 0.5 <= ratio <= 8 and self._set_device_pixel_ratio(ratio):
            self.draw()

    def _on_browser_message(self, _widget: object, content: dict, _buffers: object) -> None:
        event = content.get("event") if isinstance(content, dict) else None
        if event == "keyframe":
            with self.lock:  # (widget messages arrive on their own thread: never a half-drawn frame)
                self.send_frame(full=True)  # a view that missed frames (or a new one) needs the whole picture
            return
        kind = content.get("kind") if event == "pointer" else None
        if kind not in _POINTER_EVENTS:
            return
        try:
            x, y = float(content["x"]), float(content["y"])
        except (KeyError, TypeError, ValueError):
            return
        self.pointer(kind, x, y, button=int(content.get("button", 0) or 0))

    def pointer(self, kind: str, x: float, y: float, *, button: int = 0) -> MouseEvent:
        """Deliver a pointer event at CSS pixel ``(x, y)`` from the top left (DOM ``button``), as the page does."""
        if kind not in _POINTER_EVENTS:
            raise ValueError(f"kind must be one of {sorted(_POINTER_EVENTS)}, got {kind!r}")
        ratio = self.device_pixel_ratio
        _, height = self.get_width_height()
        button_ = (
            None if kind == "motion" else {0: MouseButton.LEFT, 1: MouseButton.MIDDLE, 2: MouseButton.RIGHT}.get(button)
        )
        event = MouseEvent(_POINTER_EVENTS[kind], self, x * ratio, (height - y) * ratio, button=button_)
        self.callbacks.process(event.name, event)
        return event
