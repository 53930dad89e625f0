"""The course's chapters in order, with their titles: the one chapter list.

Read by the navigation and chapter 00's contents table (below), the teacher guides' "Chapter by chapter" part
(``tools/record.py`` writes it from each chapter's teacher notes, under these titles), the glossary (each term names
its chapter by slug; ``tests/test_classroom.py`` checks it is one of these) and the tests.  No other source keeps a
list of the chapters (``tests/test_classroom.py::test_the_chapter_list_is_written_once``).

``tools/record.py`` builds the previous · contents · next bar of every notebook from
:data:`CHAPTERS`; the contents page is chapter 00.  Add a chapter here and the links
of its neighbours follow at the next ``python run.py record``.  Each chapter's H1
(``# NN — Title``), the contents table of chapter 00 (built from this list, with each chapter's
``about`` line) and the teacher guide's headings use the same title (``tests/test_notebooks.py`` checks).

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
    about: str = ""  # one line for chapter 00's contents table: what the chapter is about
    about_ja: str = ""  # the same in Japanese

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
    Chapter(
        "00_start_here",
        "Start here",
        "はじめに",
        "this page: how the course works, and a widget test",
        "このページ：コースの使い方とウィジェットのテスト",
    ),
    Chapter(
        "01_why_loss",
        "Why a loss function?",
        "なぜ損失関数が必要なのか",
        "learning = tuning weights; a loss is the model's report card (成績表); why accuracy cannot be the loss",
        "学習とは重みを調整すること。損失関数はモデルの成績表。認識精度を損失関数にできない理由",
    ),
    Chapter(
        "02_sse_mse",
        "Sum of squared errors and MSE, step by step",
        "2乗和誤差と平均二乗誤差を一歩ずつ",
        "2乗和誤差 and 平均二乗誤差 step by step, the ½, floating point, outliers",
        "2乗和誤差と平均二乗誤差を一歩ずつ計算する。½の意味、浮動小数点数、外れ値",
    ),
    Chapter(
        "03_cross_entropy",
        "Cross-entropy error",
        "交差エントロピー誤差",
        "交差エントロピー誤差: −log of the right class's probability, why ε = 1e-7",
        "交差エントロピー誤差：正解クラスの確率の −log。ε = 1e-7 の理由",
    ),
    Chapter(
        "04_ce_in_practice",
        "Cross-entropy in practice",
        "実践での交差エントロピー誤差",
        "overflow and log-softmax, class imbalance, label smoothing, entropy and KL divergence",
        "オーバーフローとlog-softmax、クラス不均衡、ラベル平滑化、エントロピーとKLダイバージェンス",
    ),
    Chapter(
        "05_gradient_descent",
        "Minimising the loss: gradient descent",
        "損失を最小にする：勾配降下法",
        "勾配降下法: follow the slope downhill; learning rate; mini-batches (ミニバッチ)",
        "勾配降下法：傾きに沿って坂を下る。学習率、ミニバッチ",
    ),
    Chapter(
        "06_backprop",
        "Backpropagation, derived",
        "誤差逆伝播法を導く",
        "the chain rule (連鎖律) and δ, with every intermediate value of a small network",
        "連鎖律とδ。小さなネットワークの途中の値をすべて計算する",
    ),
    Chapter(
        "07_computational_graph",
        "Computational graphs: backpropagation in pictures",
        "計算グラフ：図で見る誤差逆伝播法",
        "計算グラフ: forward and backward on a drawing; the book's shopping example to the digit",
        "計算グラフ：図の上で順伝播と逆伝播。本の買い物の例を最後の桁まで",
    ),
    Chapter(
        "08_layers",
        "Layers: forward, backward, and the batch form",
        "レイヤ：順伝播・逆伝播とバッチ処理",
        "ReLU, sigmoid, Affine and Softmax-with-Loss layers; the batch form with shapes; 勾配消失",
        "ReLU、シグモイド、Affine、Softmax-with-Lossの各レイヤ。形状つきのバッチ処理、勾配消失",
    ),
    Chapter(
        "09_training",
        "Putting it together: training a network",
        "総仕上げ：ニューラルネットワークの学習",
        "train a two-layer network on handwritten digits, with a live loss curve",
        "手書き数字で2層ニューラルネットワークを学習させ、損失曲線をリアルタイムで見る",
    ),
    Chapter(
        "10_regularization",
        "Overfitting and regularisation",
        "過学習と正則化",
        "過学習, weight decay (荷重減衰), early stopping, dropout",
        "過学習、荷重減衰（Weight decay）、早期終了、Dropout",
    ),
    Chapter(
        "11_glossary",
        "Glossary / 用語集",
        "用語集 / Glossary",
        "every key term in English and 日本語",
        "重要な用語を英語と日本語で",
    ),
    Chapter(
        "12_quiz",
        "E資格 checkpoint quiz",
        "E資格 確認クイズ",
        "check yourself before the exam",
        "試験の前に理解を確かめる",
    ),
)

#: Chapters whose Japanese edition exists (notebooks/ja/NN_slug.ipynb): every English markdown cell of
#: the source has its Japanese twin.  Translate a chapter, then add it here and record it.
TRANSLATED: frozenset[str] = frozenset(
    {
        "00_start_here",
        "01_why_loss",
        "02_sse_mse",
        "03_cross_entropy",
        "04_ce_in_practice",
        "05_gradient_descent",
        "06_backprop",
        "07_computational_graph",
        "08_layers",
        "09_training",
        "10_regularization",
        "11_glossary",
        "12_quiz",
    }
)

CONTENTS = CHAPTERS[0]
NAV_MARKER = "<!-- nav -->"
#: Where chapter 00's source wants the contents table (:func:`contents_table`), in either language.
CONTENTS_MARKER = "<!-- contents -->"
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
    """Chapter 00's contents table in edition ``lang``: a row per chapter, its link and what it is about.

    ``tools/record.py`` puts it where chapter 00's source says :data:`CONTENTS_MARKER`, so a new chapter
    appears in the table from its entry in :data:`CHAPTERS` alone.
    """
    head = "| 章 | 内容 |" if lang == "ja" else "| chapter | what it is about |"
    rows = [head, "|---|---|"]
    for c in CHAPTERS:
        title, target = link(c, lang)
        about = c.about_ja if lang == "ja" and c.about_ja else c.about
        rows.append(f"| [{c.number} {title}]({target}) | {about} |")
    return "\n".join(rows)
