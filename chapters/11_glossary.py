# %% [markdown]
# # 11 — Glossary / 用語集
#
# Every key term of the course in English and Japanese (日本語), with a one-line definition and the chapter that
# introduces it — the words you will meet in E資格 questions.
#
# **How to use it**
#
# * type part of a word (English, 日本語 or a word of the definition) in the search box below;
# * or scroll the full table further down; the chapter number links to the notebook.

# %% [markdown] lang="ja"
# # 11 — 用語集 / Glossary
#
# このコースの重要な用語を、日本語と英語（English）で一覧にしました。それぞれに1行の定義と、その用語が初めて出てくる章を
# 付けています。E資格の問題で出会う言葉です。
#
# **使い方**
#
# * 下の検索ボックスに、語の一部（日本語、英語、または定義の中の言葉）を入力します。
# * または、さらに下にある表全体をスクロールして見てください。章の番号はそのノートブックへのリンクです。

# %% [markdown]
# ## Setup

# %% [markdown] lang="ja"
# ## 準備

# %%
from IPython.display import Markdown

from helpers import glossary

print(len(glossary.TERMS), "terms")

# %% [markdown]
# ## Search
#
# Type in the box: the table keeps only the matching terms. Try `エントロピー`, `gradient` or `δ`.

# %% [markdown] lang="ja"
# ## 検索
#
# ボックスに入力すると、表には一致する用語だけが残ります。`エントロピー`、`gradient`、`δ` を試してみましょう。

# %% tags=["nbval-ignore-output"]
finder = glossary.search_box()
finder

# %% [markdown]
# The same search from code: the terms that mention cross-entropy.

# %% [markdown] lang="ja"
# 同じ検索をコードから行います。交差エントロピーに触れている用語を表示します。

# %%
finder.set("交差エントロピー")
for term in finder.matches:
    print(f"{term.english} / {term.japanese} (chapter {term.chapter})")
finder.set("")

# %% [markdown]
# ## All terms, in the order the course introduces them

# %% [markdown] lang="ja"
# ## すべての用語（コースで出てくる順）

# %%
Markdown(glossary.markdown_table())

# %% [markdown]
# ## Names that sources use differently
#
# * **2乗和誤差** — the book [[src:book]] and [[src:004]] mean ½·Σ(y−t)²; [[src:000]] uses the same heading for the
#   *mean* Σ(y−t)²/n. Even the book's function has two names: `sum_squared_error` in its official repository
#   (`common/functions.py`), `mean_squared_error` in readers' notebooks that follow its §4.2.1. Read the formula, not
#   the name (chapter 02).
# * **MSE** in scikit-learn, PyTorch (`MSELoss`, reduction="mean") and Keras is the mean over elements.
# * **y and t** — this course and the book write $y$ for the prediction and $t$ for the target; several articles
#   write $\hat y$ (or $p$) for the prediction and $y$ for the target (chapter 00, section 6).
# * **ε and δ** — the book's code calls the tiny constant inside `log` `delta`; in formulas this course writes it
#   $\varepsilon$ (chapter 03) and keeps $\delta$ for the error signal ∂E/∂u of backpropagation (chapter 06).
#
# ## Summary
#
# * One table, English / 日本語, one line per term, with the chapter to go back to.

# %% [markdown] lang="ja"
# ## 文献によって使い方が異なる名前
#
# * **2乗和誤差**：本 [[src:book]] と [[src:004]] は½·Σ(y−t)²を指します。[[src:000]] は同じ見出しで
#   *平均* のΣ(y−t)²/nを使っています。本の関数にさえ2つの名前があります。公式リポジトリ（`common/functions.py`）では
#   `sum_squared_error`、本の4.2.1節に沿った読者のノートブックでは `mean_squared_error` です。名前ではなく式を読んでください（02章）。
# * scikit-learn、PyTorch（`MSELoss`、reduction="mean"）、Kerasの **MSE** は、要素についての平均です。
# * **yとt**：このコースと本は、予測を $y$、正解ラベルを $t$ と書きます。いくつかの記事は、予測を $\hat y$（または $p$）、
#   正解ラベルを $y$ と書きます（00章の6節）。
# * **εとδ**：本のコードは `log` の中の小さな定数を `delta` と呼びます。このコースでは式の中でこれを $\varepsilon$ と書き（03章）、
#   $\delta$ は誤差逆伝播法の誤差信号∂E/∂uのためにとっておきます（06章）。
#
# ## まとめ
#
# * 日本語 / 英語の表1つに、1用語1行で、戻るべき章を付けてまとめました。

# %% [raw] teacher="en"
# **Objectives.** Every key term in English and 日本語 with a one-line definition and the chapter that introduces it
# (the data live in `helpers/glossary.py`; a test checks each entry). **Use in class:** type a term into the search
# box (e.g. `エントロピー`, `gradient`, `δ`) while projecting; ask students to explain a term in their own words, then
# compare with the definition. The section *Names that sources use differently* is a ready-made 5-minute discussion.

# %% [raw] teacher="ja"
# **ねらい。** 重要な用語をすべて日本語と英語で、1行の定義と、その用語が出てくる章とともに載せています（データは `helpers/glossary.py` にあり、テストが各項目を確かめています）。**授業での使い方：** プロジェクターに映しながら、検索ボックスに用語を入力します（たとえば
# `エントロピー`、`gradient`、`δ`）。生徒に用語を自分の言葉で説明させ、それから定義と比べます。「文献によって使い方が異なる名前」の節は、そのまま5分間の話し合いに使えます。
