"""A labelled number box for a slider, linked in the page: no value of its own, so no message per move.

(``BoundedFloatText`` + ``jslink`` cost ≈ 15 ms more per move and showed ``1.2000000``.)
"""

from __future__ import annotations

import anywidget
import ipywidgets as widgets
import traitlets

from helpers.i18n import tr
from helpers.live.bundle import bundle
from helpers.live.readout import decimals_of

__all__ = ["NumberBox"]

_ESM = bundle("numberbox.js")

_CSS = """
.course-number .course-number-input {
  width: 90px;
  font: inherit;
  font-size: var(--jp-widgets-font-size, 13px);
  padding: 2px 4px;
}
"""


class NumberBox(anywidget.AnyWidget):
    """A number input bound to ``slider`` (Float or Int) in the page; ``label`` is its accessible name."""

    _esm = _ESM
    _css = _CSS
    label = traitlets.Unicode("").tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
    _slider = traitlets.Instance(widgets.Widget, allow_none=True).tag(sync=True, **widgets.widget_serialization)

    def __init__(self, slider: widgets.Widget, label: str, name: str = "") -> None:
        if not isinstance(slider, (widgets.FloatSlider, widgets.IntSlider)):
            raise TypeError(f"slider must be an ipywidgets FloatSlider or IntSlider, got {type(slider).__name__}")
        decimals = decimals_of(slider.step) if isinstance(slider, widgets.FloatSlider) else 0
        hint = tr(": type a value, then Enter", "：値を入力して Enter")
        super().__init__(_slider=slider, label=str(label), decimals=decimals, hint=hint)
        self.add_class("course-number")
        self.add_class(f"course-number-{name}")

    def __repr__(self) -> str:
        return f"NumberBox(label={self.label!r})"

    slider = property(lambda self: self._slider)  # the slider this box reads and sets
    value = property(lambda self: self._slider.value)  # what the box shows: the slider's value
