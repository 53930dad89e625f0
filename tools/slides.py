"""Slide metadata for RISE (jupyterlab-rise): one idea per slide, explorers on their own.

``tools/record.py`` calls :func:`add_slide_metadata` on every notebook it builds, so
chapter sources carry no slide markup.  The rules, in order:

* the nav bar and solution cells → ``skip`` (a projector shows neither);
* a markdown cell opening with ``# `` or ``## `` → ``slide`` (a new section);
* a markdown cell opening with ``### `` → ``subslide``;
* a code cell that displays a live explorer (output ignored by nbval — the
  ``# NBVAL_IGNORE_OUTPUT`` marker or the ``nbval-ignore-output`` tag — and an
  explorer or widget) → ``subslide``: the explorer gets the whole screen; so does
  the cell after it;
* any other markdown cell that follows a code cell → ``subslide`` (the prose that
  introduces the next idea starts a fresh slide);
* a code cell that follows another code cell on the same slide → ``fragment`` (revealed
  one step at a time);
* everything else → ``-`` (continues the current slide).
"""

from __future__ import annotations

import re

import nbformat

SLIDE, SUBSLIDE, FRAGMENT, CONTINUE, SKIP = "slide", "subslide", "fragment", "-", "skip"

_EXPLORER = re.compile(r"explorer|widget|quiz|glossary", re.IGNORECASE)


def is_explorer_cell(cell) -> bool:
    """A code cell that displays a live widget (its output is ignored by nbval)."""
    ignored = "NBVAL_IGNORE_OUTPUT" in cell.source or "nbval-ignore-output" in cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and ignored and bool(_EXPLORER.search(cell.source))


def slide_type(cell, previous=None) -> str:
    """The RISE slide type of ``cell`` given the cell shown just before it (or ``None``)."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "solution" in tags or "nav" in tags:
        return SKIP
    first = cell.source.lstrip().split("\n", 1)[0]
    if cell.cell_type == "markdown":
        if first.startswith(("# ", "## ")):
            return SLIDE
        if first.startswith("### "):
            return SUBSLIDE
        if previous is not None and previous.cell_type == "code":
            return SUBSLIDE
        return CONTINUE
    if is_explorer_cell(cell) or (previous is not None and is_explorer_cell(previous)):
        return SUBSLIDE
    if previous is not None and previous.cell_type == "code":
        return FRAGMENT
    return CONTINUE


def add_slide_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Set ``cell.metadata.slideshow.slide_type`` on every cell of ``nb`` (in place; also returned)."""
    previous = None
    for cell in nb.cells:
        kind = slide_type(cell, previous)
        cell.metadata["slideshow"] = {"slide_type": kind}
        if kind != SKIP:
            previous = cell
    return nb
