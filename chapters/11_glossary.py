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

# %% [markdown]
# ## Setup

# %%
from IPython.display import Markdown

from helpers import glossary

print(len(glossary.TERMS), "terms")

# %% [markdown]
# ## Search
#
# Type in the box: the table keeps only the matching terms. Try `エントロピー`, `gradient` or `δ`.

# %% tags=["nbval-ignore-output"]
finder = glossary.search_box()
finder

# %% [markdown]
# The same search from code: the terms that mention cross-entropy.

# %%
finder.set("交差エントロピー")
for term in finder.matches:
    print(f"{term.english} / {term.japanese} (chapter {term.chapter})")
finder.set("")

# %% [markdown]
# ## All terms, in the order the course introduces them

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
