"""The course's chapters in order, with their titles: the single source for navigation.

``tools/record.py`` builds the previous · contents · next bar of every notebook from
:data:`CHAPTERS`; the contents page is chapter 00.  Add a chapter here and the links
of its neighbours follow at the next ``python run.py record``.  Each chapter's H1
(``# NN — Title``), the contents table of chapter 00 and the teacher guide's headings
use the same title (``tests/test_notebooks.py`` checks).
"""

from __future__ import annotations

from typing import NamedTuple


class Chapter(NamedTuple):
    slug: str  # "NN_slug": the file stem in chapters/ and notebooks/
    title: str

    @property
    def number(self) -> str:
        return self.slug[:2]

    @property
    def notebook(self) -> str:
        return self.slug + ".ipynb"


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("00_start_here", "Start here"),
    Chapter("01_why_loss", "Why a loss function?"),
    Chapter("02_sse_mse", "Sum of squared errors and MSE, step by step"),
    Chapter("03_cross_entropy", "Cross-entropy error"),
    Chapter("04_ce_in_practice", "Cross-entropy in practice"),
    Chapter("05_gradient_descent", "Minimising the loss: gradient descent"),
    Chapter("06_backprop", "Backpropagation, derived"),
    Chapter("07_computational_graph", "Computational graphs: backpropagation in pictures"),
    Chapter("08_layers", "Layers: forward, backward, and the batch form"),
    Chapter("09_training", "Putting it together: training a network"),
    Chapter("10_regularization", "Overfitting and regularisation"),
    Chapter("11_glossary", "Glossary / 用語集"),
    Chapter("12_quiz", "E資格 checkpoint quiz"),
)

CONTENTS = CHAPTERS[0]
NAV_MARKER = "<!-- nav -->"


def chapter(key: str) -> Chapter:
    """The chapter whose number or slug is ``key`` (``"02"`` or ``"02_sse_mse"``)."""
    for ch in CHAPTERS:
        if key in (ch.number, ch.slug):
            return ch
    raise KeyError(f"no chapter {key!r}; the course has {', '.join(c.number for c in CHAPTERS)}")


def nav_links(slug: str) -> str:
    """The markdown link bar ``[← prev](…) · [Contents](00_start_here.ipynb) · [next →](…)`` for ``slug``."""
    index = [c.slug for c in CHAPTERS].index(slug)
    parts = []
    if index > 0:
        prev = CHAPTERS[index - 1]
        parts.append(f"[← {prev.number} {prev.title}]({prev.notebook})")
    if index != 0:
        parts.append(f"[Contents]({CONTENTS.notebook})")
    if index + 1 < len(CHAPTERS):
        nxt = CHAPTERS[index + 1]
        parts.append(f"[{nxt.number} {nxt.title} →]({nxt.notebook})")
    return " · ".join(parts)


def nav_cell_source(slug: str) -> str:
    """Source of the nav markdown cell: a marker comment (so scripts can find it) and the bar."""
    return f"{NAV_MARKER}\n{nav_links(slug)}"


def contents_table() -> str:
    """A markdown list of every chapter, for a contents page."""
    return "\n".join(f"{c.number}. [{c.title}]({c.notebook})" for c in CHAPTERS[1:])
