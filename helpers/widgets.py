"""The explorer layer: controls + a live readout + a live figure, alike in every chapter.

An explorer is built from

* controls — sliders made by :func:`slider` (each paired with a labelled number
  box, so keyboard and screen-reader users can set it too);
* an ``update(**values) -> str`` function that recomputes, changes the figure's
  artists *in place* (``set_data``, ``set_height`` …) and returns the readout
  text;
* optionally a live figure from :func:`live_figure` (an ipympl canvas), which is
  redrawn with ``draw_idle`` after each update — the figure is never re-created.

Because the logic is plain Python, a notebook or a test drives it without a
browser: ``explorer.set(p=0.9)`` then ``explorer.readout_text``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

import ipywidgets as widgets
from matplotlib.figure import Figure

__all__ = ["Explorer", "slider", "live_figure", "format_number"]

_TAG = re.compile(r"<[^>]+>")


def format_number(value: float, digits: int = 6) -> str:
    """Format a readout number with ``digits`` significant digits (``0.019500000000000007`` → ``'0.0195'``).

    The browser tests compare readouts with ``helpers`` through this same
    function, so what a learner reads is exactly what is checked.
    """
    return f"{value:.{digits}g}"


def slider(
    label: str,
    *,
    min: float,  # noqa: A002 - mirrors ipywidgets' own argument names
    max: float,  # noqa: A002
    step: float,
    value: float,
    name: str,
    readout_format: str = ".2f",
) -> widgets.FloatSlider:
    """A float slider with a visible label and a stable CSS class.

    Parameters
    ----------
    label : str
        Text shown beside the slider (also its accessible description).
    min, max, step, value : float
        Range, step of one arrow-key press, and start value.
    name : str
        Short identifier; the slider gets the CSS class ``course-slider-<name>``
        so tests and the benchmark can find it.
    readout_format : str, default ".2f"
        Format of the number printed next to the slider.

    Returns
    -------
    ipywidgets.FloatSlider
    """
    if not min < max:
        raise ValueError(f"min must be less than max, got min={min!r}, max={max!r}")
    if not min <= value <= max:
        raise ValueError(f"value must lie in [{min}, {max}], got {value!r}")
    if step <= 0:
        raise ValueError(f"step must be positive, got {step!r}")
    s = widgets.FloatSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=label,
        continuous_update=True,
        readout=True,
        readout_format=readout_format,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    s.add_class("course-slider")
    s.add_class(f"course-slider-{name}")
    return s


def live_figure(figsize: tuple[float, float] = (6.4, 3.4)) -> Figure:
    """Create a figure drawn by ipympl, whatever the notebook's global backend is.

    Static plots in the course stay inline PNGs; only explorers use this live
    canvas, whose artists are updated in place.

    Returns
    -------
    matplotlib.figure.Figure
        Its ``canvas`` is an ipympl widget; put ``fig.canvas`` in a layout or
        pass the figure to :class:`Explorer`.
    """
    from ipympl.backend_nbagg import new_figure_manager_given_figure

    fig = Figure(figsize=figsize, layout="constrained")
    manager = new_figure_manager_given_figure(id(fig), fig)
    canvas = manager.canvas
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.toolbar_visible = False
    canvas.resizable = False
    canvas.capture_scroll = False
    return fig


class Explorer:
    """Controls, a readout and an optional live figure that answer each other at once.

    Parameters
    ----------
    controls : mapping of str to ipywidgets value widgets
        Keyword name → control; ``update`` receives the values by these names.
    update : callable
        ``update(**values) -> str``.  Recompute, change artists in place and
        return the readout as (simple) HTML.
    figure : matplotlib Figure, optional
        A figure from :func:`live_figure`; redrawn with ``draw_idle`` after
        each update.
    name : str, default "explorer"
        The readout gets the CSS class ``course-readout-<name>``.

    Examples
    --------
    >>> from helpers.widgets import Explorer, slider
    >>> s = slider("x", min=0, max=1, step=0.1, value=0.5, name="x")
    >>> ex = Explorer({"x": s}, lambda x: f"x² = {x * x:.2f}")
    >>> ex.set(x=0.3); ex.readout_text
    'x² = 0.09'
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        update: Callable[..., str],
        *,
        figure: Figure | None = None,
        name: str = "explorer",
        footer: widgets.Widget | None = None,
    ) -> None:
        if not controls:
            raise ValueError("controls must name at least one control, got none")
        self.controls = dict(controls)
        self._update = update
        self.figure = figure
        self.readout = widgets.HTML()
        self.readout.add_class("course-readout")
        self.readout.add_class(f"course-readout-{name}")
        children: list[widgets.Widget] = [*self.controls.values(), self.readout]
        if figure is not None:
            children.append(figure.canvas)
        if footer is not None:
            children.append(footer)
        self.widget = widgets.VBox(children)
        self.widget.add_class("course-explorer")
        self.widget.add_class(f"course-explorer-{name}")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    @property
    def values(self) -> dict[str, object]:
        """Current value of every control, by name."""
        return {key: control.value for key, control in self.controls.items()}

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the readout and redraw the figure for the current values."""
        self.readout.value = self._update(**self.values)
        if self.figure is not None:
            self.figure.canvas.draw_idle()

    def set(self, **values: object) -> None:
        """Set controls by name (as a learner's drag would) and refresh once."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this explorer has {sorted(self.controls)}")
        for key, value in values.items():
            control = self.controls[key]
            with control.hold_trait_notifications():
                control.unobserve(self._on_change, names="value")
                try:
                    control.value = value
                finally:
                    control.observe(self._on_change, names="value")
        self.refresh()

    @property
    def readout_text(self) -> str:
        """The readout as plain text (tags removed, entities decoded)."""
        return html.unescape(_TAG.sub("", self.readout.value))

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        return self.widget._repr_mimebundle_(**kwargs)
