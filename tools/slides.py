"""Slide metadata for jupyterlab-deck (nbconvert's ``slideshow`` keys): one idea per slide, explorers on their own.

``tools/record.py`` calls :func:`add_slide_metadata` on every notebook it builds, so
chapter sources carry no slide markup.  The rules, in order:

* the nav bar and solution cells → ``skip`` (a projector shows neither);
* a markdown cell opening with ``# `` or ``## `` → ``slide`` (a new section);
* a markdown cell opening with ``### `` → ``slide``;
* a code cell that displays a live explorer (output ignored by nbval — the
  ``# NBVAL_IGNORE_OUTPUT`` marker or the ``nbval-ignore-output`` tag — and an
  explorer or widget) → ``slide``: the explorer gets the whole screen; so does
  the cell after it;
* any other markdown cell that follows a code cell → ``slide`` (the prose that
  introduces the next idea starts a fresh slide);
* a code cell that follows another code cell on the same slide → ``fragment`` (revealed
  one step at a time);
* everything else continues the current slide: no ``slideshow`` metadata at all (what
  nbconvert reads as ``-``; jupyterlab-deck 0.2.0 knows only the missing key, and hides a
  cell marked ``-``).

No ``subslide``: jupyterlab-deck 0.2.0 links a sub-slide that follows a one-cell sub-slide
from the parent slide, so Space skips cells (chapter 02's explorer was unreachable).  Every
step is a slide of its own, in one line, which also keeps Space and → the same.
"""

from __future__ import annotations

import re

import nbformat

SLIDE, FRAGMENT, CONTINUE, SKIP = "slide", "fragment", "-", "skip"

_EXPLORER = re.compile(r"explorer|widget|quiz|glossary", re.IGNORECASE)


def is_explorer_cell(cell) -> bool:
    """A code cell that displays a live widget (its output is ignored by nbval)."""
    ignored = "NBVAL_IGNORE_OUTPUT" in cell.source or "nbval-ignore-output" in cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and ignored and bool(_EXPLORER.search(cell.source))


def slide_type(cell, previous=None) -> str:
    """The slide type of ``cell`` (``-``: continues the slide) given the cell shown just before it (or ``None``)."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "solution" in tags or "nav" in tags:
        return SKIP
    first = cell.source.lstrip().split("\n", 1)[0]
    if cell.cell_type == "markdown":
        if first.startswith(("# ", "## ", "### ")):
            return SLIDE
        if previous is not None and previous.cell_type == "code":
            return SLIDE
        return CONTINUE
    if is_explorer_cell(cell) or (previous is not None and is_explorer_cell(previous)):
        return SLIDE
    if previous is not None and previous.cell_type == "code":
        return FRAGMENT
    return CONTINUE


def add_slide_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Set ``cell.metadata.slideshow.slide_type`` on every cell of ``nb`` that starts or skips something,
    remove it from the cells that continue a slide (in place; also returned)."""
    previous = None
    for cell in nb.cells:
        kind = slide_type(cell, previous)
        if kind == CONTINUE:
            cell.metadata.pop("slideshow", None)
        else:
            cell.metadata["slideshow"] = {"slide_type": kind}
        if kind != SKIP:
            previous = cell
    return nb
