"""The course's chapters in order, with their titles: the single source for navigation.

``tools/record.py`` builds the previous · contents · next bar of every notebook from
:data:`CHAPTERS`; the contents page is chapter 00.  Add a chapter here and the links
of its neighbours follow at the next ``python run.py record``.  Each chapter's H1
(``# NN — Title``), the contents table of chapter 00 and the teacher guide's headings
use the same title (``tests/test_notebooks.py`` checks).

Two editions: English in ``notebooks/``, Japanese in ``notebooks/ja/`` (``title_ja``).  A chapter
is in the Japanese edition once its source has a Japanese twin for every English markdown cell:
then it joins :data:`TRANSLATED` (``tests/test_i18n.py`` checks both ways).  Until then the
Japanese edition's links to it go to the English notebook, marked （英語）.
"""

from __future__ import annotations

from typing import NamedTuple


class Chapter(NamedTuple):
    slug: str  # "NN_slug": the file stem in chapters/ and notebooks/
    title: str
    title_ja: str = ""  # the Japanese edition's title (notebooks/ja/)

    def title_in(self, lang: str = "en") -> str:
        """The title in edition ``lang`` (``"en"`` or ``"ja"``)."""
        return self.title_ja if lang == "ja" and self.title_ja else self.title

    @property
    def number(self) -> str:
        return self.slug[:2]

    @property
    def notebook(self) -> str:
        return self.slug + ".ipynb"


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("00_start_here", "Start here", "はじめに"),
    Chapter("01_why_loss", "Why a loss function?", "なぜ損失関数が必要なのか"),
    Chapter("02_sse_mse", "Sum of squared errors and MSE, step by step", "2乗和誤差と平均二乗誤差を一歩ずつ"),
    Chapter("03_cross_entropy", "Cross-entropy error", "交差エントロピー誤差"),
    Chapter("04_ce_in_practice", "Cross-entropy in practice", "実践での交差エントロピー誤差"),
    Chapter("05_gradient_descent", "Minimising the loss: gradient descent", "損失を最小にする: 勾配降下法"),
    Chapter("06_backprop", "Backpropagation, derived", "誤差逆伝播法を導く"),
    Chapter(
        "07_computational_graph",
        "Computational graphs: backpropagation in pictures",
        "計算グラフ: 図で見る誤差逆伝播法",
    ),
    Chapter("08_layers", "Layers: forward, backward, and the batch form", "レイヤ: 順伝播・逆伝播とバッチ処理"),
    Chapter("09_training", "Putting it together: training a network", "総仕上げ: ニューラルネットワークの学習"),
    Chapter("10_regularization", "Overfitting and regularisation", "過学習と正則化"),
    Chapter("11_glossary", "Glossary / 用語集", "用語集 / Glossary"),
    Chapter("12_quiz", "E資格 checkpoint quiz", "E資格 確認クイズ"),
)

#: Chapters whose Japanese edition exists (notebooks/ja/NN_slug.ipynb): every English markdown cell of
#: the source has its Japanese twin.  Translate a chapter, then add it here and record it.
TRANSLATED: frozenset[str] = frozenset({"00_start_here", "01_why_loss", "02_sse_mse", "11_glossary", "12_quiz"})

CONTENTS = CHAPTERS[0]
NAV_MARKER = "<!-- nav -->"
#: Where each edition's notebooks live, relative to notebooks/.
EDITION_FOLDER = {"en": "", "ja": "ja"}
UNTRANSLATED_MARK = "（英語）"


def link(ch: Chapter, lang: str = "en") -> tuple[str, str]:
    """``(title, target)`` of a link to ``ch`` from a notebook of edition ``lang``.

    In the Japanese edition a chapter not yet translated is linked in English, in the English
    edition's folder (``../NN_slug.ipynb``), its title marked （英語）.
    """
    if lang == "ja" and ch.slug not in TRANSLATED:
        return f"{ch.title}{UNTRANSLATED_MARK}", f"../{ch.notebook}"
    return ch.title_in(lang), ch.notebook


def chapter(key: str) -> Chapter:
    """The chapter whose number or slug is ``key`` (``"02"`` or ``"02_sse_mse"``)."""
    for ch in CHAPTERS:
        if key in (ch.number, ch.slug):
            return ch
    raise KeyError(f"no chapter {key!r}; the course has {', '.join(c.number for c in CHAPTERS)}")


def nav_links(slug: str, lang: str = "en") -> str:
    """The markdown link bar ``[← prev](…) · [Contents](00_start_here.ipynb) · [next →](…)`` for ``slug``
    in edition ``lang`` (the Japanese one says 目次)."""
    index = [c.slug for c in CHAPTERS].index(slug)
    parts = []
    if index > 0:
        prev = CHAPTERS[index - 1]
        title, target = link(prev, lang)
        parts.append(f"[← {prev.number} {title}]({target})")
    if index != 0:
        title, target = link(CONTENTS, lang)
        parts.append(f"[{'目次' if lang == 'ja' else 'Contents'}]({target})")
    if index + 1 < len(CHAPTERS):
        nxt = CHAPTERS[index + 1]
        title, target = link(nxt, lang)
        parts.append(f"[{nxt.number} {title} →]({target})")
    return " · ".join(parts)


def nav_cell_source(slug: str, lang: str = "en") -> str:
    """Source of the nav markdown cell: a marker comment (so scripts can find it) and the bar."""
    return f"{NAV_MARKER}\n{nav_links(slug, lang)}"


def contents_table(lang: str = "en") -> str:
    """A markdown list of every chapter, for a contents page."""
    return "\n".join(f"{c.number}. [{link(c, lang)[0]}]({link(c, lang)[1]})" for c in CHAPTERS[1:])
