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


def figure_html(fig: Figure) -> str:
    """``fig`` as an ``<img>`` with its text alternative (the PNG the inline backend would show)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="course-figure" src="data:image/png;base64,{data}" alt="{html.escape(alt_text(fig))}">'


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
        shell.display_formatter.formatters["text/html"].for_type(Figure, figure_html)

    register()
    if getattr(shell, "_course_alt_text_hooks", False):
        return
    # Should the backend be switched on again (%matplotlib inline), it clears the formatters once more:
    # registering before and after each cell keeps the text alternative on every figure.
    for event in ("pre_execute", "post_execute"):
        shell.events.register(event, register)
    shell._course_alt_text_hooks = True
