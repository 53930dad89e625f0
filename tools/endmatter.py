"""What the build adds to every chapter besides the nav bars: hidden solutions, references, a Next link.

``tools/record.py`` calls :func:`apply` on each notebook it builds from ``chapters/``; nothing
here knows a chapter by name, so a chapter added to ``tools/course.py`` gets the same treatment.

* **Solutions.** A chapter source keeps its solution as code in a cell tagged ``solution`` (the
  author writes it once).  The build replaces that cell's source by ``solution("NN.k")``, which
  runs the chapter source's code on a copy of the notebook's variables and shows it inside a
  closed ``<details>``: JupyterLab, GitHub, nbconvert and slides all keep it closed until the
  reader opens it, and no collapsed-cell preview shows its first line.  The student edition
  (``tools/student.py``) drops these cells.
* **References.** The prose cites a source as ``[[src:003]]``; the build turns each citation into
  a link to the chapter's *References* section, which lists every source the chapter cites by its
  title.
* **Next.** The last cell before the closing nav bar says where to go next, from
  :data:`course.CHAPTERS`.

Each takes the edition's language (``"en"`` or ``"ja"``): the Japanese edition gets 参考文献 and
次へ, and each source's Japanese entry.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import course
import nbformat

SOLUTION_TAG = "solution"
CHECK_KEY = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']""")
CITATION = re.compile(r"\[\[src:(\w+)\]\]")
#: A citation with the half-width spaces around it: the Japanese edition drops a space next to Japanese text.
CITATION_SPACED = re.compile(r"( ?)\[\[src:(\w+)\]\]( ?)")


class Source(NamedTuple):
    label: str  # what the text shows where it cites the source
    entry: str  # the References line (Markdown)
    entry_ja: str = ""  # the same in the Japanese edition
    label_ja: str = ""  # the label in the Japanese edition, if not the same

    def entry_in(self, lang: str) -> str:
        return self.entry_ja if lang == "ja" and self.entry_ja else self.entry

    def label_in(self, lang: str) -> str:
        return self.label_ja if lang == "ja" and self.label_ja else self.label


#: The course's sources.  The web articles are the seeds the course was built from.
SOURCES: dict[str, Source] = {
    "book": Source(
        "『ゼロから作るDeep Learning』",
        "斎藤康毅『ゼロから作るDeep Learning — Pythonで学ぶディープラーニングの理論と実装』オライリー・ジャパン, 2016 "
        "(English: Koki Saitoh, *Deep Learning from Scratch*). Its code is the source of `delta = 1e-7`, "
        "`cross_entropy_error`, `numerical_diff` and the softmax overflow example; ½·Σ(y−t)² is `sum_squared_error` "
        "in its official repository (oreilly-japan/deep-learning-from-scratch, `common/functions.py`) and "
        "`mean_squared_error` in readers' notebooks that follow its §4.2.1.",
        "斎藤康毅『ゼロから作るDeep Learning — Pythonで学ぶディープラーニングの理論と実装』"
        "オライリー・ジャパン、2016年。`delta = 1e-7`、`cross_entropy_error`、`numerical_diff`、"
        "ソフトマックス関数のオーバーフローの例はこの本のコードによります。"
        "½·Σ(y−t)² は公式リポジトリ（oreilly-japan/deep-learning-from-scratch の `common/functions.py`）では "
        "`sum_squared_error`、4.2.1節に沿った読者のノートブックでは `mean_squared_error` という名前です。",
    ),
    "000": Source(
        "「損失関数はなぜ必要なのか」",
        "「損失関数はなぜ必要なのか」, from the blog series *E資格まとめ* (E資格 study notes): the four jobs of a "
        "loss, the MNIST example step by step (MSE `0.019500000000000007`, cross-entropy `0.510825457099338`), "
        "the binary cross-entropy curve.",
        "「損失関数はなぜ必要なのか」（ブログ連載「E資格まとめ」）：損失関数の4つの役割、MNISTの例の計算手順"
        "（平均二乗誤差 `0.019500000000000007`、交差エントロピー誤差 `0.510825457099338`）、"
        "二値交差エントロピーの曲線。",
    ),
    "001": Source(
        "「交差エントロピー損失について」",
        "「交差エントロピー損失について」 (a Japanese machine-learning blog): the binary and multi-class formulas, "
        "examples with `1e-15`, and five problems of cross-entropy with their remedies.",
        "「交差エントロピー損失について」（機械学習のブログ）：二値と多クラスの式、`1e-15` を使う例、"
        "交差エントロピーの5つの問題点とその対策。",
    ),
    "002": Source(
        "「損失関数とは」",
        "「損失関数とは」 (a Qiita article): the loss as the model's report card (成績表), cost and objective "
        "function, MAE, binary cross-entropy for a batch.",
        "「損失関数とは」（Qiitaの記事）：損失関数はモデルの成績表、コスト関数と目的関数、平均絶対誤差、"
        "バッチに対する二値交差エントロピー。",
    ),
    "003": Source(
        "「ニューラルネットワークをざっくりと理解する」",
        "「ニューラルネットワークをざっくりと理解する 損失関数、誤差逆伝播法編」 (a Qiita article, 2019): learning as "
        "tuning weights, least squares, clothing sizes S/M/L, mini-batches, the chain rule and the δ of "
        "backpropagation.",
        "「ニューラルネットワークをざっくりと理解する 損失関数、誤差逆伝播法編」（Qiitaの記事、2019年）：重みを調整する"
        "ことが学習であること、最小二乗法、服のサイズS/M/L、ミニバッチ、連鎖律と誤差逆伝播法のδ。",
    ),
    "004": Source(
        "swim-lover's blog post",
        "swim-lover, a blog post in a series on handwritten-digit recognition in Python (the part on the learning "
        "step: 二乗和誤差 and 交差エントロピー誤差, following the book, with two MNIST-style samples).",
        "swim-loverさんのブログ記事（Pythonで手書き数字を認識する連載の、学習の回）：本に沿った二乗和誤差と"
        "交差エントロピー誤差、MNIST風の2つのサンプル。",
        "swim-loverさんのブログ記事",
    ),
}

REFERENCES_HEADING = "## References"
REFERENCES_HEADING_JA = "## 参考文献"


def solution_key(source: str) -> str | None:
    """The exercise key ``"NN.k"`` a solution cell checks, if any."""
    match = CHECK_KEY.search(source)
    return match.group(1) if match else None


def hide_solutions(nb: nbformat.NotebookNode) -> None:
    """Replace each solution cell's code by a call that shows it closed (see the module docstring)."""
    for cell in nb.cells:
        if cell.cell_type != "code" or SOLUTION_TAG not in cell.metadata.get("tags", []):
            continue
        key = solution_key(cell.source)
        if key is None:
            raise ValueError(f'a solution cell has no check("NN.k", …) line:\n{cell.source}')
        cell.source = f'from helpers.checks import solution\n\nsolution("{key}")'
        cell.metadata.pop("jupyter", None)  # nothing to collapse: the source reveals nothing


def in_text_link(text: str, target: str) -> str:
    """A link inside a sentence, underlined: Lab marks Markdown links by colour alone, which WCAG 1.4.1 does
    not allow within text (tests/browser/test_a11y.py checks every chapter; docs/AUTHORING.md)."""
    return f'<a href="{target}" style="text-decoration: underline">{text}</a>'


def cite(nb: nbformat.NotebookNode, lang: str = "en") -> list[str]:
    """Turn every ``[[src:ID]]`` into a link to the References section; return the IDs in order of first use."""
    cited: list[str] = []
    anchor = "#参考文献" if lang == "ja" else "#References"

    def number(ident: str) -> int:
        if ident not in SOURCES:
            raise KeyError(f"[[src:{ident}]] cites an unknown source; known: {', '.join(SOURCES)}")
        if ident not in cited:
            cited.append(ident)
        return cited.index(ident) + 1

    def link(match: re.Match) -> str:
        ident = match.group(1)
        return f"{SOURCES[ident].label} {in_text_link(f'[{number(ident)}]', anchor)}"

    def link_ja(match: re.Match) -> str:
        """「…」[1] with no half-width space inside Japanese text: 記事「損失関数とは」[1]は…"""
        before, ident, after = match.groups()
        n = number(ident)
        text, start, end = match.string, match.start(), match.end()
        if before and start > 0 and not text[start - 1].isascii():
            before = ""
        if after and end < len(text) and not text[end].isascii():
            after = ""
        return f"{before}{SOURCES[ident].label_in(lang)}{in_text_link(f'[{n}]', anchor)}{after}"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = CITATION_SPACED.sub(link_ja, cell.source) if lang == "ja" else CITATION.sub(link, cell.source)
    return cited


def references_source(cited: list[str], lang: str = "en") -> str:
    lines = [REFERENCES_HEADING_JA if lang == "ja" else REFERENCES_HEADING, ""]
    lines += [f"{i}. {SOURCES[ident].entry_in(lang)}" for i, ident in enumerate(cited, 1)]
    return "\n".join(lines)


def next_source(slug: str, lang: str = "en") -> str:
    """The closing "Next" line of chapter ``slug``, from the chapter list."""
    slugs = [c.slug for c in course.CHAPTERS]
    index = slugs.index(slug)
    if index + 1 < len(course.CHAPTERS):
        nxt = course.CHAPTERS[index + 1]
        title, target = course.link(nxt, lang)
        if lang == "ja":
            return f"**次へ：** [{nxt.number} {title} →]({target})"
        return f"**Next:** [{nxt.number} {title} →]({target})"
    title, target = course.link(course.CONTENTS, lang)
    if lang == "ja":
        return f"**これが最後の章です。** {in_text_link('目次', target)}に戻りましょう。"
    return f"**This is the last chapter.** Back to the {in_text_link('Contents', target)}."


def apply(nb: nbformat.NotebookNode, slug: str, lang: str = "en") -> None:
    """Hide solutions, link citations, and append the References section and the Next line (in place).

    Call it before the closing nav bar is appended, so the Next line is the last thing a chapter says.
    """
    hide_solutions(nb)
    cited = cite(nb, lang)
    if cited:
        references = references_source(cited, lang)
        nb.cells.append(nbformat.v4.new_markdown_cell(references, metadata={"tags": ["references"]}))
    nb.cells.append(nbformat.v4.new_markdown_cell(next_source(slug, lang), metadata={"tags": ["next"]}))
