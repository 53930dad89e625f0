"""The explorer layer: sliders, a live readout and a live figure, alike in every chapter.

An explorer is its controls, a pure ``readout(**values) -> str`` and a ``draw(**values)`` that changes the
figure's artists in place; a notebook or a test drives it without a browser (``explorer.set(p=0.9)``,
``explorer.readout_text``).  Per move only the artists ``draw`` changed (and those drawn over them) are
redrawn over a background snapshot; anything else is a full redraw.  How to write one: docs/AUTHORING.md.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import math
import re
import threading
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import numpy as np
import traitlets
from IPython import get_ipython
from matplotlib.artist import Artist
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage, imsave
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from helpers.i18n import tr
from helpers.live.canvas import _POINTER_EVENTS, FigureCanvas
from helpers.live.numberbox import NumberBox
from helpers.live.readout import LargeTextSwitch, LiveReadout

__all__ = ["Explorer", "slider", "live_figure", "format_number", "drag", "draggable", "large_text"]

_TAG = re.compile(r"<[^>]+>")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

Box = tuple[float, float, float, float]  # a place on the canvas: x0, y0, x1, y1 in pixels from the bottom left
#: Artists that can be redrawn on their own over a background snapshot.
_BLITTABLE = (Line2D, Patch, Collection, Text, AxesImage, Legend)


def format_number(value: float, digits: int = 6) -> str:
    """A readout number with ``digits`` significant digits (``0.019500000000000007`` → ``'0.0195'``)."""
    return f"{value:.{digits}g}"


def _check_name(name: object, what: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            f"{what} must be a short identifier (letters, digits, '-' or '_', starting with a letter) "
            f"because it becomes a CSS class; got {name!r}"
        )
    return name


def _check_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, got {value!r} ({type(value).__name__})")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{what} must be finite, got {value!r}")
    return float(value)


#: Every course slider has the same label width and length, so their tracks line up across explorers.
SLIDER_LABEL_WIDTH = "190px"
SLIDER_WIDTH = "480px"


def page_value(value: float, lo: float, hi: float, step: float) -> float:
    """``value`` as the page's slider (noUiSlider 15) snaps it (``-0.5`` → ``-0.49999999999999956``),
    so the page never echoes a value back (a late echo overwrote the last value set after Run All)."""
    span, percent = hi - lo, 100 * (value + abs(lo) if lo < 0 else value - lo) / (hi - lo)
    if percent != 100:
        percent = math.floor(percent / (100 * step / span) + 0.5) * (100 * step / span)  # JavaScript's Math.round
    percent = max(0.0, min(percent, 100.0))
    return float(hi) if value >= hi or percent >= 100 else float(percent * span / 100 + lo)


class GridSlider(widgets.FloatSlider):
    """A FloatSlider whose value is always the page's own value for it (see :func:`page_value`)."""

    @traitlets.validate("value")
    def _validate_value(self, proposal: dict) -> float:
        value = min(max(proposal["value"], self.min), self.max)
        return page_value(value, self.min, self.max, self.step)


def slider(
    label: str,
    *,
    min: float,  # noqa: A002 - mirrors ipywidgets' own argument names
    max: float,  # noqa: A002
    step: float,
    value: float,
    name: str,
    readout_format: str = ".2f",
    number_box: bool = False,
    integer: bool = False,
) -> widgets.FloatSlider | widgets.IntSlider:
    """A slider with a label (its accessible name) and the CSS class ``course-slider-<name>``; ``number_box=True``
    adds ``s.number_box`` (class ``course-number-<name>``), ``integer=True`` makes an IntSlider."""
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"label must be a non-empty string (the slider's visible and accessible name), got {label!r}")
    _check_name(name, "name")
    lo, hi = _check_number(min, "min"), _check_number(max, "max")
    step_, start = _check_number(step, "step"), _check_number(value, "value")
    if not (lo < hi or (integer and lo == hi)):  # (a counter may have one position)
        raise ValueError(f"min must be less than max, got min={min!r}, max={max!r}")
    if not lo <= start <= hi:
        raise ValueError(f"value must lie in [{min}, {max}], got {value!r}")
    if step_ <= 0:
        raise ValueError(f"step must be positive, got {step!r}")
    if step_ > hi - lo and lo < hi:
        raise ValueError(f"step must not exceed max - min = {hi - lo!r}, got {step!r}")
    try:
        format(start, readout_format)
    except (TypeError, ValueError):
        raise ValueError(f"readout_format must be a float format such as '.2f', got {readout_format!r}") from None
    if integer and not all(float(v).is_integer() for v in (lo, hi, step_, start)):
        raise ValueError(
            f"integer=True needs whole min, max, step and value, got {min!r}, {max!r}, {step!r}, {value!r}"
        )
    kind, number = (widgets.IntSlider, int) if integer else (GridSlider, float)
    s = kind(
        value=number(start),
        min=number(lo),
        max=number(hi),
        step=number(step_),
        description=label,
        continuous_update=True,
        readout=True,
        **({} if integer else {"readout_format": readout_format}),
        style={"description_width": SLIDER_LABEL_WIDTH},
        layout=widgets.Layout(width=SLIDER_WIDTH, max_width="100%"),
    )
    s.add_class("course-slider").add_class(f"course-slider-{name}")
    s.number_box = NumberBox(s, label, name) if number_box else None
    return s


def live_figure(figsize: tuple[float, float] = (6.4, 3.4), *, alt: str = "") -> Figure:
    """A figure on a live canvas for an :class:`Explorer`; ``alt`` says what it shows, for screen readers."""
    try:
        width, height = (float(v) for v in figsize)
    except (TypeError, ValueError):
        raise TypeError(f"figsize must be (width, height) in inches, got {figsize!r}") from None
    if not (0 < width <= 30 and 0 < height <= 30):
        raise ValueError(f"figsize must be two positive sizes in inches (at most 30), got {figsize!r}")
    fig = Figure(figsize=(width, height), layout="constrained")
    alt = alt or tr("live figure: it follows the controls above it", "ライブの図: 上のコントロールに合わせて変わる")
    FigureCanvas(fig, alt=alt).add_class("course-canvas")
    return fig


_LARGE_TEXT: LargeTextSwitch | None = None


def large_text(on: bool | None = None) -> LargeTextSwitch:
    """The teacher's one switch (per kernel) for large readouts and slider labels; ``on`` sets it from code."""
    global _LARGE_TEXT
    if on is not None and not isinstance(on, bool):
        raise TypeError(f"on must be True, False or None (just show the switch), got {on!r}")
    _LARGE_TEXT = _LARGE_TEXT or LargeTextSwitch()
    if on is not None:
        _LARGE_TEXT.on = on
    return _LARGE_TEXT


class _Blitter:
    """Redraw only what a move changed: ``animated`` artists over the ``background`` snapshot."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.canvas = figure.canvas
        self.animated: list[Artist] = []
        self.moving: set[Artist] = set()  # artists a move has changed, ever
        self._extents: dict[int, object] = {}  # id(artist) -> padded extent as last drawn, until the next full draw
        self.background = None
        self.full_draws = 0
        self.blits = 0
        # Lay out once (constrained layout costs most in a draw), freeze it, and start with nothing stale.
        figure.draw_without_rendering()
        figure.set_layout_engine("none")
        self._cid = self.canvas.mpl_connect("draw_event", self._on_draw)

    def _changed(self) -> list[Artist] | None:
        """The stale artists that can be blitted, or None if the background changed (never-drawn parts ignored)."""
        fig = self.figure
        for child in fig.get_children():
            if child.stale and child not in fig.axes:
                return None  # the figure's patch, a suptitle, a figure legend: redraw all
        changed: list[Artist] = []
        for ax in fig.axes:
            framed = ax.axison and ax.get_frame_on()
            undrawn = set()
            if not framed:
                undrawn |= {ax.patch, *ax.spines.values()}
            if not ax.axison:
                undrawn |= {ax.xaxis, ax.yaxis}
            found = False
            for artist in ax.get_children():
                if not artist.stale or artist in undrawn:
                    continue
                if artist is ax.patch or not isinstance(artist, _BLITTABLE) or artist in ax.spines.values():
                    return None  # limits, ticks, frame: the background itself changed
                changed.append(artist)  # (hidden or emptied ones too: where they were must be redrawn)
                found = True
            if ax.stale and not found and not (undrawn and all(a.stale for a in undrawn)):
                return None  # the axes changed in a way we cannot see: be safe
        return changed

    def _drawing_order(self) -> dict[int, tuple[int, float, int]]:
        """id(artist) → its place in a full draw: (axes, zorder, place among the axes' children)."""
        axes = enumerate(self.figure.axes)
        return {id(a): (i, a.get_zorder(), j) for i, ax in axes for j, a in enumerate(ax.get_children())}

    def _box(self, artist: Artist) -> tuple[Box, ...] | None:
        """Where ``artist`` is, padded: its boxes (a line of a few points: one per segment, so a diagonal does not
        claim the rectangle under it); None: unmeasurable, so it overlaps everything."""
        try:
            lw = artist.get_linewidth() * self.figure.dpi / 72 if isinstance(artist, (Patch, Line2D)) else 0
            if isinstance(artist, Patch):  # its control points: a little larger than its extent, much cheaper
                points = [artist.get_transform().transform(artist.get_path().vertices)]
            elif isinstance(artist, Line2D) and artist.get_marker() in ("None", "") and len(artist.get_xydata()) <= 8:
                xy = artist.get_transform().transform(artist.get_xydata())
                points = [xy[k : k + 2] for k in range(len(xy) - 1)]
            else:
                points, lw = [artist.get_window_extent(self.canvas.get_renderer()).get_points()], 0
            boxes = tuple((*(p.min(axis=0) - lw - 3).tolist(), *(p.max(axis=0) + lw + 3).tolist()) for p in points)
        except Exception:  # noqa: BLE001 - unmeasurable: assume it overlaps
            return None
        return boxes if boxes and np.isfinite(boxes).all() else None

    def _extent(self, artist: Artist) -> tuple[Box, ...] | None:
        """``artist``'s extent as last drawn (measured once until the next full draw, or when it changes)."""
        if id(artist) not in self._extents:
            self._extents[id(artist)] = self._box(artist)
        return self._extents[id(artist)]

    def _covered(self, changed: list[Artist]) -> set[Artist]:
        """Artists drawn above ``changed`` that overlap them (unmeasurable ones count as overlapping)."""
        order = self._drawing_order()
        covered: set[Artist] = set()
        animated = set(self.animated)  # drawn every frame already: no need to ask
        for ax in {a.axes for a in changed if a.axes is not None}:
            mine = [a for a in changed if a.axes is ax]
            first = min(order[id(a)] for a in mine)
            # (not the legend: it costs a whole frame's text layout, and sits where the data is not)
            above = [
                artist
                for artist in (*ax.lines, *ax.patches, *ax.collections, *ax.texts, *ax.images, *ax.artists)
                if artist not in self.moving
                and artist not in animated
                and artist.get_visible()
                and order[id(artist)] > first
            ]
            if not above:
                continue  # nothing drawn over these movers: no need to measure them
            boxes = [self._extent(a) for a in mine]
            for artist in above:
                other = self._extent(artist)  # a still artist keeps its extent until the next full draw
                if other is None or any(b is None or _meet(b, other) for b in boxes):
                    covered.add(artist)
        return covered

    def _on_draw(self, _event: object) -> None:
        """After every full draw (ours, a refresh, a resize): snapshot, then draw the animated artists."""
        self.full_draws += 1
        self._extents = {}  # limits, size or dpi may have changed
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        for artist in self.animated:
            self.figure.draw_artist(artist)

    def render(self) -> None:
        """Show the figure's current state, as cheaply as possible."""
        changed = self._changed()
        if changed is None:
            self.canvas.draw()
            return
        if not changed:
            self.canvas.send_frame()  # the same picture; sent only if it is now for other values
            return
        self.moving |= set(changed)
        boxes = [self._extents.get(id(a)) for a in changed]  # where they were, then where they are now
        self._extents.update({id(a): self._box(a) for a in changed})
        boxes += [self._extents[id(a)] for a in changed]
        wanted, new = self.moving | set(self.animated), set(changed)
        while new:  # what is drawn over a redrawn artist is redrawn too, and what is drawn over that
            new = self._covered(list(new)) - wanted
            wanted |= new
        if not wanted <= set(self.animated):
            for artist in self.animated:
                artist.set_animated(False)
            order = self._drawing_order()
            self.animated = sorted(wanted, key=lambda a: order.get(id(a), (len(self.figure.axes), a.get_zorder(), 0)))
            for artist in self.animated:
                artist.set_animated(True)
            self.canvas.draw()  # a new background, without the newly animated artists
            return
        # Redraw only where the changed artists were and are now, and what overlaps there (text costs most)
        pixels = np.asarray(self.canvas.get_renderer().buffer_rgba())
        before = pixels.copy()
        self.canvas.restore_region(self.background)
        if None in boxes:
            self._draw_animated()
        else:
            for artist in self.animated:
                if artist in changed or (e := self._extent(artist)) is None or any(_meet(e, b) for b in boxes):
                    self.figure.draw_artist(artist)
            after, pixels[...] = pixels.copy(), before  # outside the boxes, the last frame stays as it was
            for x0, y0, x1, y1 in (np.round(r).astype(int).clip(0) for b in boxes for r in b):
                rows = slice(max(len(pixels) - y1, 0), max(len(pixels) - y0, 0))
                pixels[rows, x0:x1] = after[rows, x0:x1]
        # drawing a child leaves its parents (and a hidden or empty artist) stale: else a full draw next move
        for artist in (*changed, *self.figure.axes):
            artist.stale = False
        self.figure.stale = False
        self.blits += 1
        self.canvas.send_frame()


class Explorer:
    """Controls, a readout and an optional live figure that answer each other at once.

    ``readout(**values) -> str`` is the readout (simple HTML) for the controls' values, computed without
    changing anything, so the page can also show the next moves' readouts before the kernel answers;
    ``draw(**values)`` changes the figure's artists in place (needed with a ``figure``).  A stateful explorer
    (a class holding the state: a dragged point, a picked class) reads that state in both; what a learner
    picks is one more control.  ``name`` gives the CSS classes ``course-readout-<name>`` and
    ``course-explorer-<name>``; ``readout_lines`` (1–6) keeps room for lines.
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        *,
        readout: Callable[..., str],
        draw: Callable[..., None] | None = None,
        figure: Figure | None = None,
        name: str = "explorer",
        footer: widgets.Widget | None = None,
        readout_lines: int = 1,
    ) -> None:
        if not isinstance(controls, Mapping):
            raise TypeError(f"controls must be a mapping of name -> widget, got {type(controls).__name__}")
        if not controls:
            raise ValueError("controls must name at least one control, got none")
        for key, control in controls.items():
            if not isinstance(key, str) or not key.isidentifier():
                raise ValueError(f"controls keys must be Python identifiers (readout's argument names), got {key!r}")
            if not isinstance(control, widgets.Widget) or not control.has_trait("value"):
                raise TypeError(f"controls[{key!r}] must be an ipywidgets value widget, got {type(control).__name__}")
        if not callable(readout):
            raise TypeError(f"readout must be callable as readout(**values) -> str, got {type(readout).__name__}")
        if figure is not None and not (isinstance(figure, Figure) and isinstance(figure.canvas, FigureCanvas)):
            raise TypeError("figure must come from helpers.live.live_figure() (a live canvas)")
        if draw is not None and not callable(draw):
            raise TypeError(f"draw must be callable as draw(**values) -> None, got {type(draw).__name__}")
        if (draw is None) != (figure is None):
            given, missing = ("draw", "figure") if figure is None else ("figure", "draw")
            raise ValueError(f"draw and figure go together (draw changes the figure): got {given}, no {missing}")
        _check_name(name, "name")
        if footer is not None and not isinstance(footer, widgets.Widget):
            raise TypeError(f"footer must be an ipywidgets widget, got {type(footer).__name__}")
        if isinstance(readout_lines, bool) or not isinstance(readout_lines, int) or not 1 <= readout_lines <= 6:
            raise ValueError(f"readout_lines must be an int from 1 to 6, got {readout_lines!r}")
        self.name = name
        self.controls = dict(controls)
        self._readout, self._draw = readout, draw
        self.figure = figure
        self.readout = LiveReadout(self.controls, lines=readout_lines)
        self.readout.add_class("course-readout").add_class(f"course-readout-{name}")
        rows: list[widgets.Widget] = []
        for key, control in self.controls.items():
            made = isinstance(control, GridSlider) or "course-slider" in control._dom_classes  # by slider()
            if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)) and not made:
                raise TypeError(f"controls[{key!r}]: make sliders with slider() (the page's grid), got a plain one")
            box = getattr(control, "number_box", None)
            rows.append(widgets.HBox([control, box]) if box is not None else control)
        parts = (*rows, self.readout, figure and figure.canvas, footer)
        self.widget = widgets.VBox([w for w in parts if w is not None])
        self.widget.add_class("course-explorer").add_class(f"course-explorer-{name}")
        self._blitter = _Blitter(figure) if figure is not None else None
        self._setting = False
        self._held: tuple[str, ...] = ()  # controls set by set(), whose values reach the page after the readout
        self._shown: dict[str, object] | None = None  # the values of the last refresh
        # Widget messages come on a subshell's thread, even while a cell runs: one refresh (or keyframe) at a time.
        self._lock = figure.canvas.lock if figure is not None else threading.RLock()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    @property
    def values(self) -> dict[str, object]:
        """Every control's value by name (float sliders' rounded to 12 decimals: no float noise)."""
        return {
            key: round(control.value, 12) if isinstance(control, widgets.FloatSlider) else control.value
            for key, control in self.controls.items()
        }

    def _on_change(self, _change: object) -> None:
        # (a stateful explorer's own observer may already have answered these values with set())
        if not self._setting and self.values != self._shown:
            self.refresh()

    def refresh(self) -> None:
        """Show the readout, then draw the figure and redraw what changed, then look ahead."""
        with self._lock:
            values = self.values
            text = self._readout(**values)
            if not isinstance(text, str):
                raise TypeError(f"readout must return the text as a str, got {type(text).__name__}")
            self.readout.show(text, values, self._held)  # sent first: the numbers answer before the picture
            self._shown = values
            if self._draw is not None:
                self._draw(**values)
                self._blitter.render()
            _flush_to_browser()  # the answer and the frame leave before the table is computed
            self.readout.look_ahead(self._readout, values)  # the next moves' readouts, for the browser

    def set(self, **values: object) -> None:
        """Set controls by name, as a learner would, and refresh once (the readout reaches the page first)."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this explorer has {sorted(self.controls)}")
        with self._lock, contextlib.ExitStack() as held:
            for key in values:
                held.enter_context(self.controls[key].hold_sync())
            setting, self._setting = self._setting, True  # one refresh for all of them, not one per control
            try:
                for key, value in values.items():
                    self.controls[key].value = value
            finally:
                self._setting = setting
            self._held = tuple(values)
            try:
                self.refresh()
            finally:
                self._held = ()

    @property
    def readout_text(self) -> str:
        """The readout as plain text (tags removed, entities decoded)."""
        return html.unescape(_TAG.sub("", self.readout.value))

    def static_picture(self) -> dict[str, str]:
        """The explorer now as PNG, HTML and text, for views without a live kernel (GitHub, nbconvert)."""
        text = self.readout_text
        bundle = {"text/plain": text}
        html_ = f'<div class="course-static-readout" style="font-size:16px;line-height:1.6">{self.readout.value}</div>'
        canvas = self.figure.canvas if self.figure is not None else None
        if canvas is not None and canvas._last_sent is not None:
            png = io.BytesIO()
            imsave(png, canvas._last_sent, format="png")
            data = base64.b64encode(png.getvalue()).decode("ascii")
            alt = html.escape(canvas.alt, quote=True)
            bundle["image/png"] = data
            bundle["text/plain"] = f"{text}\n[{tr('figure', '図')}: {canvas.alt}]"
            html_ += (
                f'<img src="data:image/png;base64,{data}" alt="{alt}" '
                f'style="max-width:100%;width:{canvas.get_width_height()[0]}px;height:auto">'
            )
        bundle["text/html"] = f'<div class="course-static-explorer">{html_}</div>'
        return bundle

    def _repr_mimebundle_(self, **kwargs: object) -> tuple[dict, dict]:
        """The live widget and its static picture (the recorder keeps only the picture)."""
        live = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle = {**self.static_picture(), **{k: v for k, v in live.items() if k != "text/plain"}}
        return bundle, {"course-explorer": self.name}


def _meet(boxes: tuple[Box, ...], others: tuple[Box, ...]) -> bool:
    return any(a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3] for a in boxes for b in others)


def _flush_to_browser(timeout: float = 0.05) -> None:
    """Wait (at most ``timeout`` s) until the kernel's IOPub thread has sent every queued message."""
    thread = getattr(getattr(get_ipython(), "kernel", None), "iopub_thread", None)
    if thread is None or not hasattr(thread, "schedule"):
        return
    sent = threading.Event()
    thread.schedule(sent.set)  # runs after everything queued before it
    sent.wait(timeout)


def drag(figure: Figure, grab: Callable[[object], object], move: Callable[[object, object], None]) -> Callable:
    """The one mouse drag: a press that ``grab(event)`` takes (a handle, not None) starts it; each motion
    in the same axes calls ``move(handle, event)`` until the release.  Returns ``handle(kind, event)``.
    """
    state: dict[str, object] = {"held": None, "ax": None}

    def handle(kind: str, event) -> None:
        if kind == "press":
            state["held"], state["ax"] = grab(event), event.inaxes
        elif kind == "release":
            state["held"] = None
        elif kind == "motion" and state["held"] is not None and event.inaxes is state["ax"] and event.xdata is not None:
            move(state["held"], event)

    for kind, event_name in _POINTER_EVENTS.items():
        figure.canvas.mpl_connect(event_name, lambda e, kind=kind: handle(kind, e))
    return handle


def draggable(figure: Figure, artist: Artist, control: widgets.ValueWidget, *, axis: str = "y") -> Callable:
    """Let the mouse drag ``artist`` to set ``control`` (snapped, clipped) from the pointer's ``axis`` coordinate."""
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', got {axis!r}")
    if not isinstance(artist, Artist) or artist.axes is None:
        raise TypeError("artist must be a matplotlib artist already placed in an axes of the figure")
    if not control.has_trait("value"):
        raise TypeError(f"control must be an ipywidgets value widget, got {type(control).__name__}")

    def grab(event) -> bool | None:
        return True if event.inaxes is artist.axes and artist.contains(event)[0] else None

    def move(_held: object, event) -> None:
        coordinate = event.ydata if axis == "y" else event.xdata
        step = getattr(control, "step", None) or 0
        snapped = round(coordinate / step) * step if step else coordinate
        lo, hi = getattr(control, "min", snapped), getattr(control, "max", snapped)
        control.value = float(min(max(snapped, lo), hi))

    return drag(figure, grab, move)
