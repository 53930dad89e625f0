"""An explorer's readout that answers a key press before the kernel does: after each answer, the readouts one
move away (each slider's next steps, within a time budget) go to the page, which shows one only in the turn it
was made for and when exactly one control differs (``tests/test_readout.py`` checks every entry)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from decimal import Decimal

import anywidget
import ipywidgets as widgets
import traitlets

from helpers.i18n import tr
from helpers.live.bundle import bundle

__all__ = ["LiveReadout", "LargeTextSwitch", "value_key", "stepped"]

#: The browser half: readout.js with the controls.js it imports.
_ESM = bundle("readout.js")

_CSS = """
.course-readout .course-readout-text {
  font-size: var(--course-readout-size, 16px);
  line-height: 1.6;
  padding: 2px 0 4px;
}
.course-large-text .course-readout .course-readout-text { font-size: var(--course-readout-large, 24px); }
.course-large-text .course-slider .widget-label,
.course-large-text .course-slider .widget-readout { font-size: 18px; }
"""

_SLIDERS = (widgets.FloatSlider, widgets.IntSlider)
_Selection = widgets.widget_selection._Selection


def decimals_of(step: float) -> int:
    """Decimals a slider value needs: ``0.05`` → 2, ``0.1`` → 1, ``1`` → 0."""
    exponent = Decimal(repr(float(step))).normalize().as_tuple().exponent
    return min(10, max(0, -int(exponent)))


def value_key(value: object, decimals: int = 6) -> str:
    """A control value as the browser writes it: numbers with fixed decimals (no ``-0``), booleans lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = f"{value:.{decimals}f}"
        return text[1:] if text.startswith("-") and not text.strip("-0.") else text
    return str(value)


def stepped(control: widgets.ValueWidget, value: float, k: int) -> float | int | None:
    """The value ``k`` arrow-key presses from ``value`` on ``control``'s grid, without float noise (None: off it)."""
    index = round((value - control.min) / control.step) + k
    new = control.min + index * control.step
    if not control.min - 1e-9 <= new <= control.max + 1e-9:
        return None
    return int(round(new)) if isinstance(control, widgets.IntSlider) else round(new, 12)


class LiveReadout(anywidget.AnyWidget):
    """The readout line of an :class:`helpers.live.Explorer` (``controls``: its controls by name)."""

    _esm = _ESM
    _css = _CSS
    #: The readout as (simple) HTML: the kernel's answer for ``_values``.
    value = traitlets.Unicode("").tag(sync=True)
    _values = traitlets.Dict().tag(sync=True)
    _controls = traitlets.Dict().tag(sync=True, **widgets.widget_serialization)
    _decimals = traitlets.Dict().tag(sync=True)
    _turn = traitlets.Int(0).tag(sync=True)
    _ahead = traitlets.Dict().tag(sync=True)
    #: Controls the kernel itself set in this turn, whose new values reach the page just after it.
    _held = traitlets.List().tag(sync=True)
    #: Lines the readout can grow to: that much room is kept from the start, so nothing below it jumps.
    lines = traitlets.Int(1).tag(sync=True)

    def __init__(self, controls: Mapping[str, widgets.ValueWidget], **traits: object) -> None:
        decimals = {
            name: decimals_of(control.step) if isinstance(control, widgets.FloatSlider) else 0
            for name, control in controls.items()
        }
        super().__init__(_controls=dict(controls), _decimals=decimals, **traits)
        self.tables_made = 0

    def __repr__(self) -> str:
        return f"LiveReadout(controls={sorted(self._controls)})"

    def value_keys(self, values: Mapping[str, object]) -> dict[str, str]:
        """``values`` as the browser writes them (a selection widget's key is its index, which the page syncs)."""
        keys = {}
        for name, v in values.items():
            control = self._controls.get(name)
            if isinstance(control, _Selection) and v in control._options_values:
                v = control._options_values.index(v)
            keys[name] = value_key(v, self._decimals.get(name, 6))
        return keys

    def show(self, text: str, values: Mapping[str, object], held: tuple[str, ...] = ()) -> None:
        """The kernel's ``text`` for ``values`` in one message; ``held``: controls it just set itself."""
        with self.hold_sync():  # a new turn: the browser stops using the last turn's table
            self.value = text
            self._values = self.value_keys(values)
            self._held = list(held)
            self._turn += 1

    def look_ahead(
        self,
        readout: Callable[..., str],
        values: Mapping[str, object],
        *,
        reach: int = 10,
        budget: float = 0.010,
        clock: Callable[[], float] = time.perf_counter,
    ) -> dict[str, dict[str, str]]:
        """Send and return ``readout`` for each slider's next ``reach`` steps each way, within ``budget`` s."""
        sliders = {name: c for name, c in self._controls.items() if isinstance(c, _SLIDERS)}
        table: dict[str, dict[str, str]] = {name: {} for name in sliders}
        start = clock()
        for k in range(reach + 1):
            for name, control in sliders.items():
                for value in {stepped(control, values[name], k), stepped(control, values[name], -k)} - {None}:
                    table[name][value_key(value, self._decimals[name])] = readout(**{**values, name: value})
            if k >= 1 and clock() - start > budget:  # (the next press each way, always)
                break
        self._ahead = {"turn": self._turn, "table": table}
        self.tables_made += 1
        return table


class LargeTextSwitch(anywidget.AnyWidget):
    """A button that makes every explorer's readout and slider labels large (``course-large-text`` on the body)."""

    _esm = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "course-large-text-switch jupyter-button";
  const show = () => {
    const on = model.get("on");
    button.textContent = on ? model.get("label_on") : model.get("label_off");
    button.setAttribute("aria-pressed", String(on));
    document.body.classList.toggle("course-large-text", on);
  };
  button.addEventListener("click", () => { model.set("on", !model.get("on")); model.save_changes(); });
  el.appendChild(button);
  model.on("change:on", show);
  show();
  return () => model.off("change:on", show);
}
export default { render };
"""
    _css = ".course-large-text-switch { font-size: 16px; padding: 4px 12px; }"
    on = traitlets.Bool(False).tag(sync=True)
    label_on = traitlets.Unicode("").tag(sync=True)
    label_off = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label_on", tr("Large text: on", "大きな文字: オン"))
        kwargs.setdefault("label_off", tr("Large text: off", "大きな文字: オフ"))
        super().__init__(**kwargs)

    def __repr__(self) -> str:
        state = self.label_on if self.on else self.label_off
        return state + tr(
            " (a switch: run the cell in JupyterLab to use it)",
            "（切り替えスイッチ: JupyterLab でセルを実行すると使えます）",
        )
