"""The chapters' own figures speak the edition's language (issue #15, item 3).

A chapter's code cells are written once for both editions, so every title, axis label, legend entry and note a
figure shows goes through ``tr(en, ja)`` (``from helpers.i18n import tr`` in the setup cell).  This scans the code
cells of ``chapters/NN_*.py`` for a string literal (or f-string) with an English word passed straight to
``set_title`` / ``set_xlabel`` / ``set_ylabel`` / ``suptitle`` / ``text`` / ``annotate`` or as ``label=`` /
``title=`` / ``xlabel=`` / ``ylabel=``.  Symbols, formulas and code names (``L(w)``, ``$x_1$``, ``−log(y)``,
``ReLU``, ``delta``) are the same in both editions and pass.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))

#: Methods whose first positional argument (``text``/``annotate``: the text argument) a figure shows.
TEXT_ARG = {"set_title": 0, "set_xlabel": 0, "set_ylabel": 0, "suptitle": 0, "text": 2, "annotate": 0}
#: Keyword arguments a figure shows.
TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel"}
#: Words that are names, not English: code identifiers and symbols the Japanese edition keeps as they are.
NOT_ENGLISH = {"log", "exp", "max", "min", "delta", "ReLU"}
WORD = re.compile(r"[A-Za-z]{2,}")
#: Figure text that shows both languages on purpose, in both editions: ``(chapter, text)``.
BOTH_ON_PURPOSE = {
    ("00_start_here", "損失関数 = loss function"),  # the font check: kanji beside Latin letters
}


def _literal_text(node: ast.AST) -> str | None:
    """The text of a string literal or an f-string (``{}`` for each replacement field), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _code(source: str) -> str:
    """A code cell as Python: IPython magics and shell lines commented out."""
    return "\n".join("#" + line if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def english_figure_text(code: str, name: str = "<cell>") -> list[str]:
    """``"name:line: text"`` for every English-only literal ``code`` passes to a figure's text."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        shown = [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        method = getattr(node.func, "attr", None)
        if method in TEXT_ARG and len(node.args) > TEXT_ARG[method]:
            shown.append(node.args[TEXT_ARG[method]])
        for arg in shown:
            text = _literal_text(arg)
            if text is not None and any(w not in NOT_ENGLISH for w in WORD.findall(text)):
                found.append(f"{name}:{arg.lineno}: {text[:80]}")
    return found


def _chapter_findings(path: Path) -> list[str]:
    cells = jupytext.read(path, fmt="py:percent").cells
    found = []
    for i, cell in enumerate(cells):
        if cell.cell_type == "code":
            found += english_figure_text(_code(cell.source), f"{path.name} cell {i}")
    return [f for f in found if (path.stem, f.split(": ", 1)[1]) not in BOTH_ON_PURPOSE]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_figures_have_no_english_only_text(path):
    found = _chapter_findings(path)
    assert not found, "English-only figure text (wrap it in tr(en, ja)):\n" + "\n".join(found)


def test_english_figure_text_is_found():
    code = """
ax.set(xlabel="x", ylabel="L(w)", title="the loss")
ax.set_title(tr("the loss", "損失"))
ax.set_xlabel(f"layer {n}")
ax.plot(x, y, label=tr("data", "データ"))
ax.plot(x, y, label="−log(1 − y)")
ax.plot(x, y, label="CE, delta = 0")
ax.text(0, 1, "cap")
ax.text(0, 1, tr("cap", "上限"))
fig.suptitle("Both", fontsize=9)
"""
    assert english_figure_text(code) == [
        "<cell>:2: the loss",
        "<cell>:4: layer {}",
        "<cell>:7: CE, delta = 0",
        "<cell>:8: cap",
        "<cell>:10: Both",
    ]


def test_magics_do_not_break_the_scan():
    assert english_figure_text(_code("%time ax.set_title('fit')\nax.set_title('fit')")) == ["<cell>:2: fit"]
