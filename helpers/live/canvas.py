"""A live matplotlib canvas for explorers: Agg renders in the kernel, the browser only paints.

:class:`FigureCanvas` is a matplotlib Agg canvas *and* a Jupyter widget (an
``anywidget``).  A frame is the part of the figure's RGBA buffer that changed
since the last frame — one to four rectangles, or the whole buffer when most
of it changed — deflated at zlib level 1 (≈ 1.7 ms for a whole 480 × 260
figure; a PNG of it takes ≈ 7 ms to encode) and sent as one binary state
update.  The page inflates it synchronously (``canvas_inflate.js``, from
fflate) and ``putImageData`` paints it: no PNG decode, no image loading, no
re-encoding.

Why not ipympl: its browser side re-encodes the previous frame as a PNG data URL
on every frame and loads each frame through an ``<img>``; measured here, a
frame took ≈ 25 ms from arrival to paint.  This canvas paints within a few ms
of the message (``benchmarks/bench_explorers.py``).

Every frame carries its number and the number of the frame it applies to; a
view that has not painted that one (a new view, say) asks for a whole frame
instead, so pieces never land on the wrong picture, and a burst of moves always
ends on the last state.  The pointer (press, drag, release) comes back as
matplotlib ``MouseEvent``s, so ``mpl_connect("button_press_event", …)`` works
as with any interactive backend.  On a HiDPI screen or projector the browser
reports its device pixel ratio and the figure is rendered at that resolution.
"""

from __future__ import annotations

import zlib

import anywidget
import numpy as np
import traitlets
from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

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
    """Rectangles (x, y, w, h) covering every pixel that differs; None if a full frame is cheaper.

    Changed columns are grouped into runs (closer than ``gap`` px: one run), each
    run gets the rows it changes; at most 4 pieces, else one bounding box.
    """
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


class FigureCanvas(FigureCanvasAgg, anywidget.AnyWidget):
    """Matplotlib's Agg canvas shown as a live widget; :meth:`draw` sends the new frame.

    Made by :func:`helpers.live.live_figure`; use it as both the figure's
    canvas (``mpl_connect``, ``draw``, ``copy_from_bbox`` …) and a widget
    (put it in a ``VBox``).

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to show; this canvas becomes ``figure.canvas``.
    alt : str
        What the figure shows, for screen readers (the canvas' accessible name).
    """

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
        self._last_sent: np.ndarray | None = None
        self.on_msg(self._on_browser_message)
        self.observe(self._on_ratio, names="_ratio")

    def __repr__(self) -> str:
        width, height = self.get_width_height()
        return f"FigureCanvas({width}×{height} px)"

    # -- frames ------------------------------------------------------------------
    def draw(self) -> None:
        """Render the whole figure and send it."""
        super().draw()
        self.send_frame()

    def draw_idle(self, *args: object, **kwargs: object) -> None:
        """No idle loop to wait for: draw now (the frame goes out at once)."""
        self.draw()

    def send_frame(self, *, full: bool = False) -> None:
        """Send what the renderer holds now (after :meth:`draw` or a blit).

        Only the rectangles that differ from the last frame sent travel (a moved
        marker, the bars), each applied by the page on top of that frame; a
        full frame goes when the size changed, most of the figure changed, the
        page asks for one (a new view), or ``full`` is true.
        """
        pixels = self._pixels()
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

    def _pixels(self) -> np.ndarray:
        """The renderer's RGBA buffer, (height, width, 4), without a copy."""
        return np.asarray(self.get_renderer().buffer_rgba())

    def _on_ratio(self, change: dict) -> None:
        ratio = change["new"]
        if isinstance(ratio, (int, float)) and 0.5 <= ratio <= 8 and self._set_device_pixel_ratio(ratio):
            self.draw()

    # -- the pointer -------------------------------------------------------------
    def _on_browser_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "keyframe":
            self.send_frame(full=True)  # a view that missed frames (or a new one) needs the whole picture
            return
        if not isinstance(content, dict) or content.get("event") != "pointer":
            return
        kind = content.get("kind")
        if kind not in _POINTER_EVENTS:
            return
        try:
            x, y = float(content["x"]), float(content["y"])
        except (KeyError, TypeError, ValueError):
            return
        self.pointer(kind, x, y, button=int(content.get("button", 0) or 0))

    def pointer(self, kind: str, x: float, y: float, *, button: int = 0) -> MouseEvent:
        """Deliver a pointer event at CSS pixel ``(x, y)`` from the canvas' top left, as the browser does.

        Parameters
        ----------
        kind : {"press", "motion", "release"}
        x, y : float
            Position on the page's canvas in CSS pixels, ``y`` pointing down.
        button : int, default 0
            The DOM button (0 = left, 1 = middle, 2 = right).

        Returns
        -------
        matplotlib.backend_bases.MouseEvent
            The event handed to the ``mpl_connect`` callbacks (with ``xdata``/``ydata``).
        """
        if kind not in _POINTER_EVENTS:
            raise ValueError(f"kind must be one of {sorted(_POINTER_EVENTS)}, got {kind!r}")
        ratio = self.device_pixel_ratio
        _, height = self.get_width_height()
        mpl_button = {0: MouseButton.LEFT, 1: MouseButton.MIDDLE, 2: MouseButton.RIGHT}.get(button)
        button_ = None if kind == "motion" else mpl_button
        event = MouseEvent(_POINTER_EVENTS[kind], self, x * ratio, (height - y) * ratio, button=button_)
        self.callbacks.process(event.name, event)
        return event
