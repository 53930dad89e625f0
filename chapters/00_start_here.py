# %% [markdown]
# # 00 — Start here
#
# Welcome! This course teaches **loss functions (損失関数)** — the single number that tells a model how wrong it is —
# and **backpropagation (誤差逆伝播法)**, the method that turns that number into a correction for every weight.
# You will compute every value yourself, then drag sliders and points to watch the loss react.
#
# **What you will learn here**
#
# * the order of the chapters and what each one is for (this page is also the table of contents);
# * where your own copies of the notebooks live, and how to get a chapter back if you break it;
# * what **Restart & Run All** and *recorded outputs* are, and why the course checks them;
# * how exercises tell you ✓ or ✗, and how to open a solution when you want to compare;
# * the notation: which letter means what, in this course, in the book and in PyTorch;
# * that the interactive widgets work in your kernel — and what to do when they don't.

# %% [markdown]
# ## Contents
#
# Work through the chapters in order; each builds on the one before.
#
# | chapter | what it is about |
# |---|---|
# | [00 Start here](00_start_here.ipynb) | this page: how the course works, and a widget test |
# | [01 Why a loss function?](01_why_loss.ipynb) | learning = tuning weights; a loss is the model's report card (成績表); why accuracy cannot be the loss |
# | [02 Sum of squared errors and MSE, step by step](02_sse_mse.ipynb) | 2乗和誤差 and 平均二乗誤差 step by step, the ½, floating point, outliers |
# | [03 Cross-entropy error](03_cross_entropy.ipynb) | 交差エントロピー誤差: −log of the right class's probability, why ε = 1e-7 |
# | [04 Cross-entropy in practice](04_ce_in_practice.ipynb) | overflow and log-softmax, class imbalance, label smoothing, entropy and KL divergence |
# | [05 Minimising the loss: gradient descent](05_gradient_descent.ipynb) | 勾配降下法: follow the slope downhill; learning rate; mini-batches (ミニバッチ) |
# | [06 Backpropagation, derived](06_backprop.ipynb) | the chain rule (連鎖律) and δ, with every intermediate value of a small network |
# | [07 Computational graphs: backpropagation in pictures](07_computational_graph.ipynb) | 計算グラフ: forward and backward on a drawing; the book's shopping example to the digit |
# | [08 Layers: forward, backward, and the batch form](08_layers.ipynb) | ReLU, sigmoid, Affine and Softmax-with-Loss layers; the batch form with shapes; 勾配消失 |
# | [09 Putting it together: training a network](09_training.ipynb) | train a two-layer network on handwritten digits, with a live loss curve |
# | [10 Overfitting and regularisation](10_regularization.ipynb) | 過学習, weight decay (荷重減衰), early stopping, dropout |
# | [11 Glossary / 用語集](11_glossary.ipynb) | every key term in English and 日本語 |
# | [12 E資格 checkpoint quiz](12_quiz.ipynb) | check yourself before the exam |

# %% [markdown]
# ## Setup
# Every chapter starts with a cell like this one: it imports numpy, the course's `helpers` package and applies the
# course plot style. Run it first (click into it and press **Shift+Enter**).

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers.explorers.ch00
from helpers.checks import check
from helpers.style import COLORS, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Your own copies: `my-work/`
#
# Start the course from a terminal in the course folder with
#
# ```
# python run.py lab
# ```
#
# (on Windows `py run.py lab`; where `make` is installed, `make lab` does the same). The first time, this creates a
# Python environment with exactly the package versions the course was written for (it takes a few minutes); then it
# copies every chapter into **`my-work/`** and opens JupyterLab there.
# The notebooks you see are *your* copies: edit them, break them, write notes in them. The originals in `notebooks/`
# stay untouched, and `python run.py lab` never overwrites a file you already have — it only adds chapters that are
# new.

# %% [markdown]
# ### Getting a chapter back
# If a chapter is beyond repair, restore the original from a terminal (here chapter 02):
#
# ```
# python run.py reset 02
# ```
#
# (or `make reset CH=02`). Your version is **not** deleted: it is renamed to something like
# `my-work/02_sse_mse.mine-20250101-120000.ipynb` and kept beside the restored original, so you can still copy your
# notes out of it.

# %% [markdown]
# ## 2. Restart & Run All, and recorded outputs
#
# A notebook remembers everything you ran, in the order you ran it — not the order of the cells on the page.
# Run cells out of order, or edit a cell near the top, and the outputs below can describe code that no longer exists.
# The cure is one menu item: **Kernel → Restart Kernel and Run All Cells…** It forgets everything and runs
# every cell from the top, exactly as a newcomer would. Use it whenever something looks odd.
#
# Every notebook arrives with its outputs already in place: these are the **recorded outputs**. They were produced
# by running the notebook top to bottom in a fresh kernel, and the course's tests re-run each notebook and compare
# every printed number with the recording (a tool called *nbval*). So when your run prints the same digits, your
# setup is right; when it prints something else after you changed nothing, something in your environment differs.
#
# This cell shows the idea: it always prints the same thing, on every machine, because the random generator is
# seeded. The course seeds every random number it uses.

# %%
rng = np.random.default_rng(0)
print(rng.integers(1, 7, size=5))  # five throws of a die, the same five every time

# %% [markdown]
# ## 3. Is your environment the one the course was recorded with?
#
# The course pins the exact version of every package in `requirements.txt`, because the last digits of some
# results depend on them. This check compares what is installed in *this kernel* with those pins. Every line should
# start with ✓; a ✗ line says what differs and what to do.

# %%
print(helpers.explorers.ch00.environment_report())

# %% [markdown]
# For the curious, the exact versions. The tests do not compare this cell's output with the recording: its numbers
# are allowed to differ between machines.

# %% tags=["nbval-ignore-output"]
import sys
from importlib.metadata import version
from pathlib import Path

python = Path(sys.executable)
course_folder = Path.cwd().parent  # notebooks/ and my-work/ sit in the course folder
where = python.relative_to(course_folder) if python.is_relative_to(course_folder) else python
print("Python", sys.version.split()[0], "at", where.as_posix())
for name in helpers.explorers.ch00.KEY_PACKAGES:
    print(f"{name:18s} {version(name)}")

# %% [markdown]
# ## 4. Do the widgets work? The test slider
#
# The course is full of **explorers**: a slider (or a point you drag), a line of text that reports the loss, and a
# plot that follows along. Here is the smallest one. **Drag the slider** (or click its handle and press the arrow
# keys). Two things should happen at once:
#
# * the text under the slider changes, e.g. `x = 2.00 → x² = 4`;
# * the orange triangle slides along the parabola in the plot.
#
# If both happen, everything works: widgets (ipywidgets), the round trip to Python, and live plots (the course's
# own canvas, built on anywidget).

# %% tags=["nbval-ignore-output"]
square = helpers.explorers.ch00.square_explorer()
square

# %% [markdown]
# Every explorer can also be driven from code — this is exactly what the slider does, and it is how the course's
# tests check explorers. Here the slider is set to 2 and then to −0.5 (watch the slider above move, too):

# %%
for x in (2.0, -0.5):
    square.set(x=x)
    print(square.readout_text)
square.set(x=1.5)

# %% [markdown]
# ### When the widgets don't work
#
# Instead of a slider you may see one of these:
#
# | what you see | what it means | the fix |
# |---|---|---|
# | `Error displaying widget: model not found` | the page shows a widget from an earlier kernel session (e.g. you reopened the notebook) | **Kernel → Restart Kernel and Run All Cells…** — widgets exist only while their kernel runs |
# | plain text such as `VBox(children=(FloatSlider(value=1.5, …` or `FigureCanvas(480×260 px)` | this JupyterLab has no widget support (a different Jupyter installation, or the classic notebook) | close it and start the course with `python run.py lab`, which uses the course's JupyterLab with ipywidgets and anywidget installed |
# | `Loading widget...` that never finishes | the browser has not loaded the widget code yet | reload the browser tab (F5), then Restart Kernel and Run All Cells |
# | the slider moves but the number does not change | the kernel is busy, dead or was restarted | look at the kernel status (top right, or bottom bar): restart it and run all cells |
#
# The same fixes apply to every explorer in the course. If the slider still does not work, check that every
# line of the environment check above starts with ✓.

# %% [markdown]
# ### For teachers: large text on a projector
#
# Click this switch to make the numbers of every explorer (its readout and its slider labels) large enough to read
# from the back of a room. It works for every notebook open in this JupyterLab window; click again to switch it off.

# %% tags=["nbval-ignore-output"]
from helpers.widgets import large_text

large_text()

# %% [markdown]
# ## 5. Japanese text in plots
#
# Key terms appear with their Japanese name beside them, the first time they are used — loss function (損失関数),
# correct label (正解ラベル) — and the plots use Japanese too. The course style includes a Japanese font; the plot
# below should show the kanji clearly, with no empty boxes (□).

# %%
fig, ax = plt.subplots(figsize=(5.6, 1.6))
ax.text(0.5, 0.5, "損失関数 = loss function", ha="center", va="center", fontsize=20, color=COLORS["loss"])
ax.set_axis_off()
plt.show()

# %% [markdown]
# ## 6. Notation: one letter, one meaning
#
# The course writes the symbols of the book (斎藤康毅『ゼロから作るDeep Learning』), everywhere:
#
# * $y$ is the **prediction** — what the model outputs;
# * $t$ is the **target** — the correct label (正解ラベル) the prediction is compared with.
#
# Other texts use other letters for the same things. When you read them, translate with this table:
#
# | meaning | this course and the book | the source articles | PyTorch |
# |---|---|---|---|
# | prediction (the model's output) | $y$, code `y` or `y_pred` | $\hat y$ or $p$ (and `y_pred`) | `input` (the first argument of a loss) |
# | target, correct label (正解ラベル) | $t$, code `t` or `y_true` | $y$ or $t$ (and `y_true`) | `target` |
# | scores before the softmax (logits, ロジット) | $a$ | — | `input` of `nn.CrossEntropyLoss` |
# | tiny constant inside $\log$ | $\varepsilon$ (epsilon), code argument `delta` | `delta`, `1e-7` or `1e-15` | `eps` |
# | error signal $\partial E/\partial u$ of backpropagation | $\delta$ (delta) | $\delta$ | (computed by `loss.backward()`) |
# | learning rate (学習率) | $\eta$ (eta), code `lr` | $\eta$ | `lr` |
#
# So where an article writes $E = \sum (y - \hat y)^2$, this course writes $E = \sum (y - t)^2$: the same
# loss, with the letters swapped. $\hat y$ appears in the course only where a source is quoted.
# Function arguments keep one order everywhere: prediction first, target second — `loss(y_pred, y_true)`.

# %% [markdown]
# ## 7. Exercises and solutions
#
# Each chapter ends with 2–4 exercises. An exercise is a cell with `...` where your code goes, followed by a
# `check(...)` that answers **✓** or **✗ with a hint** — it never shows the answer and never fails with a long error.
# If you give the answer as a number you typed, give at least 4 significant digits (0.4889, not 0.49).
#
# In the full edition of the course, a closed box under each exercise holds a worked solution. It stays closed until
# you click it, so open it only when you want to compare. Running that cell runs the solution on a copy of your
# variables, so it never changes your own answer. The edition a teacher hands out to students has no solutions.

# %% [markdown]
# ## Exercises
#
# Try the mechanism on two warm-ups. Replace each `...` and run the cell.
#
# **Exercise 00.1.** Move the test slider to x = −2.5 and type the value of x² it reports.

# %%
answer_00_1 = ...  # your answer here
check("00.1", answer_00_1)

# %% tags=["solution"]
square.set(x=-2.5)
answer_00_1 = float(square.readout_text.split("x² = ")[1])
check("00.1", answer_00_1)

# %% [markdown]
# **Exercise 00.2.** You edited a cell near the top of a notebook. Which step makes all the outputs below it
# trustworthy again? Answer with a letter as a string, e.g. `"a"`.
#
# * a) run the next cell
# * b) Kernel → Restart Kernel and Run All Cells…
# * c) save the notebook

# %%
answer_00_2 = ...  # "a", "b" or "c"
check("00.2", answer_00_2)

# %% tags=["solution"]
answer_00_2 = "b"
check("00.2", answer_00_2)

# %% [markdown]
# ## Summary
#
# * Work in order, in your copies in `my-work/` (opened by `python run.py lab`); reset a broken chapter with
#   `python run.py reset NN` — your version is kept.
# * When in doubt: **Kernel → Restart Kernel and Run All Cells…** Your outputs should match the recorded ones.
# * The test slider above must move its number and its triangle; if it shows text or an error instead, restart and
#   run all, use the JupyterLab of `python run.py lab`, reload the tab.
# * $y$ is the prediction, $t$ the target; $\varepsilon$ the tiny constant inside $\log$, $\delta$ the error
#   signal of backpropagation.
# * Exercises answer ✓ or ✗ with a hint; a solution stays closed until you open it.
