"""A text alternative for every figure the course shows, for screen readers.

A notebook shows a matplotlib figure as a PNG, and JupyterLab draws a PNG as an ``<img>`` without
``alt`` text: a screen reader says nothing useful.  :func:`enable` (called by
:func:`helpers.style.use_course_style`) adds an HTML form of every figure — the same PNG in an
``<img alt="…">`` — which JupyterLab, GitHub and an HTML export prefer to the bare PNG.

The text is what :func:`describe` gave the figure, or else one built from what the figure says about
itself: its titles, axis labels and legend entries, in the edition's language (:mod:`helpers.i18n`:
「図: 損失（x軸: w、y軸: L(w)）。」 in the Japanese edition).  Nothing here knows a chapter.

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.set(title="The loss", xlabel="w", ylabel="L(w)")
>>> alt_text(fig)
'Figure: The loss (x axis: w; y axis: L(w)).'
>>> describe(fig, "A parabola with its minimum at w = 2.")
>>> alt_text(fig)
'A parabola with its minimum at w = 2.'
>>> plt.close(fig)
"""

from __future__ import annotations

import base64
import html
import io

from matplotlib.figure import Figure

from helpers.i18n import tr

__all__ = ["alt_text", "describe", "enable", "figure_html"]

_ATTR = "_course_alt_text"


def describe(fig: Figure, text: str) -> None:
    """Give ``fig`` the text a screen reader reads instead of the picture."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"text must be a non-empty string, got {text!r}")
    setattr(fig, _ATTR, text.strip())


def _panel(ax) -> str:
    title = ax.get_title() or ax.get_title("left") or ax.get_title("right")
    axis_label = {"x": tr("x axis", "x軸"), "y": tr("y axis", "y軸")}
    labels = [f"{axis_label[axis]}: {text}" for axis, text in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if text]
    legend = ax.get_legend()
    if legend is not None:
        entries = [t.get_text() for t in legend.get_texts() if t.get_text()]
        if entries:
            labels.append(tr("legend: ", "凡例: ") + tr(", ", "、").join(entries))
    separator = tr("; ", "、")
    if not title and not labels:
        texts = [t.get_text() for t in ax.texts if t.get_text().strip()]
        return separator.join(texts)
    title = title or tr("a plot", "グラフ")
    if not labels:
        return title
    return tr(f"{title} ({separator.join(labels)})", f"{title}（{separator.join(labels)}）")


def alt_text(fig: Figure) -> str:
    """The text alternative of ``fig``: the one :func:`describe` set, or one built from its titles and labels."""
    given = getattr(fig, _ATTR, None)
    if given:
        return given
    panels = [p for p in (_panel(ax) for ax in fig.axes if ax.get_visible()) if p]
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) is not None else ""
    if not panels:
        return tr(f"Figure: {suptitle}" if suptitle else "Figure", f"図: {suptitle}" if suptitle else "図") + tr(
            " (no text in the picture).", "（文字のない図）。"
        )
    head = tr(f"Figure: {suptitle}. " if suptitle else "Figure: ", f"図: {suptitle}。" if suptitle else "図: ")
    if len(panels) == 1:
        return head + panels[0] + tr(".", "。")
    count = tr(f"{len(panels)} panels. ", f"{len(panels)}枚のパネル。")
    return head + count + tr(" ", "").join(tr(f"Panel {i}: {p}.", f"パネル{i}: {p}。") for i, p in enumerate(panels, 1))


def figure_html(fig: Figure, png: str | None = None) -> str:
    """``fig`` as an ``<img>`` with its text alternative (the PNG the inline backend would show).

    ``png`` is the figure's PNG, base64-encoded, when the caller has it already; otherwise the
    figure is rendered here.
    """
    if png is None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        png = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="course-figure" src="data:image/png;base64,{png}" alt="{html.escape(alt_text(fig))}">'


# The HTML form embeds the very PNG the inline backend shows beside it.  Rendering a figure is most of what
# showing it costs, so the PNG is rendered once: within one call of the shell's ``display_formatter.format``,
# the HTML formatter (IPython runs it before the PNG one) renders it with the PNG formatter and leaves it here,
# and the PNG formatter, called next for the same figure, takes it.  Each ``format`` call starts and ends empty,
# so a figure changed between two displays is always rendered anew.
_rendered: dict[str, object] = {}


def _forget_between_formats(display_formatter) -> None:
    """Empty ``_rendered`` before and after every ``display_formatter.format`` call (once per formatter)."""
    original = display_formatter.format
    if getattr(original, "_course_alt_text", False):
        return

    def format(*args, **kwargs):
        _rendered.clear()
        try:
            return original(*args, **kwargs)
        finally:
            _rendered.clear()

    format._course_alt_text = True  # type: ignore[attr-defined]
    display_formatter.format = format


def _reuse_png(render):
    """The PNG formatter ``render`` that first takes a PNG the HTML formatter has just rendered for the figure."""

    def png(fig: Figure):
        figure, data = _rendered.pop("figure", None), _rendered.pop("png", None)
        return data if figure is fig else render(fig)

    png._course_alt_text_render = render  # type: ignore[attr-defined]
    return png


def _register(display_formatter) -> None:
    """Register the HTML form of figures (with their text alternative) on an IPython ``DisplayFormatter``."""
    formatters = display_formatter.formatters
    render = formatters["image/png"].lookup_by_type(Figure) if Figure in formatters["image/png"] else None
    render = getattr(render, "_course_alt_text_render", render)
    if render is None:  # no inline PNG: the HTML form renders its own
        formatters["text/html"].for_type(Figure, figure_html)
        return

    def html_form(fig: Figure) -> str:
        data = render(fig)
        if not isinstance(data, (str, bytes)):  # an empty figure, or PNG with metadata (retina): render apart
            return figure_html(fig)
        _rendered.update(figure=fig, png=data)
        return figure_html(fig, data if isinstance(data, str) else base64.b64encode(data).decode("ascii"))

    _forget_between_formats(display_formatter)
    formatters["image/png"].for_type(Figure, _reuse_png(render))
    formatters["text/html"].for_type(Figure, html_form)


def enable() -> None:
    """Show every matplotlib figure in this IPython kernel with its text alternative (no-op outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the course
        return
    shell = get_ipython()
    if shell is None:
        return

    try:  # let the inline backend switch itself on now: doing so clears every formatter for Figure
        import matplotlib_inline.backend_inline  # noqa: F401
    except ImportError:  # pragma: no cover - another front end
        pass

    def register(*_args) -> None:
        _register(shell.display_formatter)

    register()
    if getattr(shell, "_course_alt_text_hooks", False):
        return
    # Should the backend be switched on again (%matplotlib inline), it clears the formatters once more:
    # registering before and after each cell keeps the text alternative on every figure.
    for event in ("pre_execute", "post_execute"):
        shell.events.register(event, register)
    shell._course_alt_text_hooks = True
