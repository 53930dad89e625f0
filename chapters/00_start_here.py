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

# %% [markdown] lang="ja"
# # 00 — はじめに
#
# ようこそ！ このコースでは、**損失関数（loss function）** と **誤差逆伝播法（backpropagation）** を学びます。
# 損失関数はモデルの予測がどれだけ外れているかを1つの数値で表すもので、誤差逆伝播法はその数値から、すべての重みをどう直せばよいかを求める方法です。
# 値はすべて自分の手で計算し、そのあとでスライダーや点をドラッグして、損失がどう変わるかを目で確かめます。
#
# **この章で学ぶこと**
#
# * 章の順番と、それぞれの章の役割（このページは目次も兼ねています）
# * 自分用のノートブックのコピーがどこにあり、壊してしまった章をどう元に戻すか
# * **Restart & Run All** と *記録された出力* とは何か、そしてコースがそれを確かめる理由
# * 演習が ✓ や ✗ で答えを判定するしくみと、解答を開いて見比べる方法
# * 記号の約束：このコース、本、PyTorchで、どの文字が何を表すか
# * 対話的なウィジェットがあなたのカーネルで動くかどうか、動かないときの対処法

# %% [markdown]
# ## Contents
#
# Work through the chapters in order; each builds on the one before.
#
# <!-- contents -->

# %% [markdown] lang="ja"
# ## 目次
#
# 章は順番に進めてください。どの章も、その前の章を踏まえています。
#
# <!-- contents -->

# %% [markdown]
# ## Setup
# Every chapter starts with a cell like this one: it imports numpy, the course's `helpers` package and applies the
# course plot style. Run it first (click into it and press **Shift+Enter**).

# %% [markdown] lang="ja"
# ## 準備
#
# どの章も、このようなセルから始まります。numpyとコースの `helpers` パッケージをインポートし、コースのグラフのスタイルを設定します。
# 最初にこのセルを実行してください（セルをクリックして **Shift+Enter** を押します）。

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
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

# %% [markdown] lang="ja"
# ## 1. 自分用のコピー：`my-work/ja/`
#
# コースのフォルダでターミナルを開き、次のコマンドで日本語版を始めます。
#
# ```
# python run.py lab-ja
# ```
#
# （Windowsでは `py run.py lab-ja`）。最初の1回は、コースが作られたときとまったく同じバージョンのパッケージでPython環境を作るので、数分かかります。
# そのあと、日本語版の章を **`my-work/ja/`** に、英語版の章を `my-work/` にコピーし、メニューが日本語のJupyterLabを開きます。
# 目の前のノートブックは *あなた自身の* コピーです。書き換えても、壊しても、メモを書き込んでもかまいません。
# `notebooks/ja/` にある元のノートブックはそのまま残り、`python run.py lab-ja` がすでにあるファイルを上書きすることもありません。新しく増えた章を追加するだけです。

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

# %% [markdown] lang="ja"
# ### 章を元に戻す
#
# どうにもならないほど章を壊してしまったら、ターミナルから元のノートブックを復元します（ここでは02章）。
#
# ```
# python run.py reset --ja 02
# ```
#
# あなたの版は **削除されません**。`my-work/ja/02_sse_mse.mine-20250101-120000.ipynb` のような名前に変えて、復元した元のノートブックの隣に残すので、メモをあとから書き写せます。

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

# %% [markdown] lang="ja"
# ## 2. Restart & Run All と記録された出力
#
# ノートブックは、実行したことをすべて、実行した順番に覚えています。ページ上のセルの順番ではありません。
# セルを順番どおりに実行しなかったり、上のほうのセルを書き換えたりすると、その下の出力が、もう存在しないコードの結果を表していることがあります。
# これを直すのは、メニューの1項目 **Kernel → Restart Kernel and Run All Cells…** です。
# 日本語のメニューでは「カーネル」→「カーネルを再起動してすべてのセルを実行…」です。
# すべてを忘れてから、初めて開いた人と同じように、先頭からすべてのセルを実行します。何かがおかしいと思ったら、いつでも使ってください。
#
# どのノートブックも、出力があらかじめ入った状態で届きます。これが **記録された出力** です。
# 新しいカーネルでノートブックを先頭から最後まで実行して作ったもので、コースのテストは各ノートブックを実行し直して、表示される数値をすべて記録と比べます（*nbval* というツールを使います）。
# 何も変えずに実行して同じ桁が表示されれば、あなたの環境は正しく設定されています。違う値が表示されたら、環境のどこかが違っています。
#
# 次のセルはその考え方を示します。乱数生成器にシードを与えているので、どのマシンでも、いつ実行しても同じ結果が表示されます。
# このコースは、使う乱数すべてにシードを与えています。

# %%
rng = np.random.default_rng(0)
print(rng.integers(1, 7, size=5))  # five throws of a die, the same five every time

# %% [markdown]
# ## 3. Is your environment the one the course was recorded with?
#
# The course pins the exact version of every package in `requirements.txt`, because the last digits of some
# results depend on them. This check compares what is installed in *this kernel* with those pins. Every line should
# start with ✓; a ✗ line says what differs and what to do.

# %% [markdown] lang="ja"
# ## 3. 環境はコースを記録したときと同じですか？
#
# 最後の桁が変わる結果もあるので、コースは `requirements.txt` ですべてのパッケージのバージョンを固定しています。
# 次のチェックは、*このカーネル* にインストールされているものとその固定バージョンを比べます。
# どの行も ✓ で始まるはずです。✗ の行には、何が違うのか、どうすればよいかが書かれています。

# %%
print(helpers.explorers.ch00.environment_report())

# %% [markdown]
# For the curious, the exact versions. The tests do not compare this cell's output with the recording: its numbers
# are allowed to differ between machines.

# %% [markdown] lang="ja"
# 興味のある人のために、正確なバージョンを表示します。このセルの出力はマシンごとに違ってよいので、テストは記録と比べません。

# %% tags=["nbval-ignore-output"]
import sys
from importlib.metadata import version
from pathlib import Path

python = Path(sys.executable)
here = Path.cwd()  # notebooks/, my-work/ or their Japanese editions ja/ inside them
course_folder = here.parent.parent if here.name == "ja" else here.parent
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

# %% [markdown] lang="ja"
# ## 4. ウィジェットは動きますか？ テスト用のスライダー
#
# このコースには **エクスプローラー** がたくさん出てきます。スライダー（または、ドラッグできる点）と、損失を知らせる1行のテキスト、それに合わせて動くグラフの組み合わせです。
# 次に示すのは最も小さなエクスプローラーです。**スライダーをドラッグしてください**（または、つまみをクリックして矢印キーを押します）。
# 次の2つが同時に起こるはずです。
#
# * スライダーの下のテキストが、たとえば `x = 2.00 → x² = 4` のように変わる
# * グラフのオレンジ色の三角形が放物線に沿って動く
#
# 両方が起これば、すべて動いています。ウィジェット（ipywidgets）も、Pythonとのやりとりも、動くグラフ（anywidgetで作ったコース独自のキャンバス）もです。

# %% tags=["nbval-ignore-output"]
square = helpers.explorers.ch00.square_explorer()
square

# %% [markdown]
# Every explorer can also be driven from code — this is exactly what the slider does, and it is how the course's
# tests check explorers. Here the slider is set to 2 and then to −0.5 (watch the slider above move, too):

# %% [markdown] lang="ja"
# どのエクスプローラーもコードから動かせます。スライダーがしていることはまさにこれで、コースのテストもこの方法でエクスプローラーを確かめています。
# ここではスライダーを2にしてから −0.5 にします（上のスライダーも動くのを見てください）。

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

# %% [markdown] lang="ja"
# ### ウィジェットが動かないとき
#
# スライダーの代わりに、次のどれかが表示されることがあります。
#
# | 表示されるもの | 意味 | 対処法 |
# |---|---|---|
# | `Error displaying widget: model not found` | 前のカーネルのセッションのウィジェットが表示されている（ノートブックを開き直した、など） | **Kernel → Restart Kernel and Run All Cells…** を実行する。ウィジェットはそのカーネルが動いている間しか存在しない |
# | `VBox(children=(FloatSlider(value=1.5, …` や `FigureCanvas(480×260 px)` のような文字だけ | このJupyterLabはウィジェットに対応していない（別にインストールしたJupyter、または古いNotebook） | それを閉じて、`python run.py lab-ja` でコースを始める。ipywidgetsとanywidgetが入ったコースのJupyterLabが開く |
# | いつまでも終わらない `Loading widget...` | ブラウザがまだウィジェットのコードを読み込んでいない | ブラウザのタブを再読み込みし（F5）、カーネルを再起動してすべてのセルを実行する |
# | スライダーは動くが数値が変わらない | カーネルが処理中か、止まっているか、再起動された | カーネルの状態（右上か下のバー）を見て、再起動し、すべてのセルを実行する |
#
# どのエクスプローラーでも対処法は同じです。それでもスライダーが動かないときは、上の環境チェックのすべての行が ✓ で始まっているか確かめてください。

# %% [markdown]
# ### For teachers: large text on a projector
#
# Click this switch to make the numbers of every explorer (its readout and its slider labels) large enough to read
# from the back of a room. It works for every notebook open in this JupyterLab window; click again to switch it off.

# %% [markdown] lang="ja"
# ### 先生へ：プロジェクターでは大きな文字で
#
# このスイッチをクリックすると、すべてのエクスプローラーの数値（表示される値とスライダーの目盛り）が大きくなり、教室の後ろからでも読めます。このJupyterLabのウィンドウで開いているすべてのノートブックに効きます。もう一度クリックすると元に戻ります。

# %% tags=["nbval-ignore-output"]
from helpers.widgets import large_text

large_text()

# %% [markdown]
# ## 5. Japanese text in plots
#
# Key terms appear with their Japanese name beside them, the first time they are used — loss function (損失関数),
# correct label (正解ラベル) — and the plots use Japanese too. The course style includes a Japanese font; the plot
# below should show the kanji clearly, with no empty boxes (□).

# %% [markdown] lang="ja"
# ## 5. グラフの中の日本語
#
# 日本語版では、重要な用語を初めて使うところで英語を併記します。たとえば、損失関数（loss function）、正解ラベル（correct label）のようにです。
# グラフにも日本語を使います。コースのスタイルは日本語フォントを含んでいるので、次のグラフの漢字は、空の四角（□）ではなく、はっきり表示されるはずです。

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

# %% [markdown] lang="ja"
# ## 6. 記号の約束：1つの文字に1つの意味
#
# このコースは、本（斎藤康毅『ゼロから作るDeep Learning』）の記号をどこでも使います。
#
# * $y$ は **予測**、つまりモデルの出力です。
# * $t$ は **正解ラベル**（target）、つまり予測と比べる正解です。
#
# ほかの文献では、同じものに別の文字を使うことがあります。それらを読むときは、次の表で読み替えてください。
#
# | 意味 | このコースと本 | 元になった記事 | PyTorch |
# |---|---|---|---|
# | 予測（モデルの出力） | $y$、コードでは `y` や `y_pred` | $\hat y$ や $p$（と `y_pred`） | `input`（損失関数の第1引数） |
# | 正解ラベル | $t$、コードでは `t` や `y_true` | $y$ や $t$（と `y_true`） | `target` |
# | ソフトマックス関数に入る前のスコア（ロジット、logit） | $a$ | — | `nn.CrossEntropyLoss` の `input` |
# | $\log$ の中に足す小さな定数 | $\varepsilon$（イプシロン）、コードの引数は `delta` | `delta`、`1e-7` や `1e-15` | `eps` |
# | 誤差逆伝播法の誤差信号 $\partial E/\partial u$ | $\delta$（デルタ） | $\delta$ | （`loss.backward()` が計算する） |
# | 学習率（learning rate） | $\eta$（イータ）、コードでは `lr` | $\eta$ | `lr` |
#
# つまり、記事に $E = \sum (y - \hat y)^2$ とあれば、このコースでは $E = \sum (y - t)^2$ と書きます。
# 文字を入れ替えただけで、同じ損失関数です。$\hat y$ は、出典を引用するところでしか使いません。
# 関数の引数の順番もどこでも同じで、予測が先、正解ラベルが後です：`loss(y_pred, y_true)`。

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

# %% [markdown] lang="ja"
# ## 7. 演習と解答
#
# 各章の最後には2〜4問の演習があります。演習は、あなたのコードを書く `...` のあるセルと、それに続く `check(...)` でできています。
# `check(...)` は **✓** か、**ヒントつきの ✗** を返します。答えそのものは見せず、長いエラーで止まることもありません。
# 答えを数値で直接入力するときは、有効数字を4桁以上にしてください（0.49ではなく0.4889）。
#
# このコースの完全版では、各演習の下に閉じた箱があり、その中に解答例が入っています。
# クリックするまで閉じたままなので、見比べたくなったときだけ開いてください。
# そのセルは、あなたの変数のコピーを使って解答のコードを動かすので、あなた自身の答えが変わることはありません。
# 先生が生徒に配る版には解答が入っていません。

# %% [markdown]
# ## Exercises
#
# Try the mechanism on two warm-ups. Replace each `...` and run the cell.
#
# **Exercise 00.1.** Move the test slider to x = −2.5 and type the value of x² it reports.

# %% [markdown] lang="ja"
# ## 演習
#
# まず2つの練習問題で、しくみを試してみましょう。それぞれの `...` を書き換えて、セルを実行してください。
#
# **演習 00.1** テスト用のスライダーを x = −2.5 に動かし、表示された x² の値を入力してください。

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

# %% [markdown] lang="ja"
# **演習 00.2** ノートブックの上のほうのセルを書き換えました。その下の出力をすべて信頼できる状態に戻すのはどの操作ですか。
# `"a"` のように、記号を文字列で答えてください。
#
# * a) 次のセルを実行する
# * b) Kernel → Restart Kernel and Run All Cells…（カーネルを再起動してすべてのセルを実行…）
# * c) ノートブックを保存する

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

# %% [markdown] lang="ja"
# ## まとめ
#
# * 章は順番に、`my-work/ja/` にある自分のコピーで進めます（`python run.py lab-ja` で開きます）。
#   壊れた章は `python run.py reset --ja NN` で元に戻せます。あなたの版は残ります。
# * 迷ったら **Kernel → Restart Kernel and Run All Cells…** を実行します。出力は記録された出力と一致するはずです。
# * テスト用のスライダーを動かすと、数値と三角形が動くはずです。文字やエラーが表示されたら、カーネルを再起動してすべてのセルを実行し、`python run.py lab-ja` のJupyterLabを使い、タブを再読み込みしてください。
# * $y$ は予測、$t$ は正解ラベル。$\varepsilon$ は $\log$ の中の小さな定数で、$\delta$ は誤差逆伝播法の誤差信号です。
# * 演習は ✓ か、ヒントつきの ✗ で答えます。解答は、開くまで閉じたままです。

# %% [raw] teacher="en"
# **Objectives.** Students can start the course, know that they work in their own copies (`my-work/`) and how to
# reset a chapter, understand recorded outputs and *Restart & Run All*, and have proved that widgets work.
#
# **10-minute demo.** Open `00_start_here.ipynb`. Restart & Run All. Drag the **test slider** (`x`) and show the
# readout `x² = …` follow; use the arrow keys on the handle (keyboard access). Then show the environment check cell
# and the Japanese plot (日本語 labels render, no tofu boxes). End with the reset command in a terminal:
# `python run.py reset 00` (`make reset CH=00`) — and show that the old file is kept as `00_start_here.mine-….ipynb`.
#
# **Misconceptions.** "The outputs I see were computed just now" — no: they were recorded; only a run recomputes
# them. "Running a cell in the middle is the same as Run All" — hidden state from earlier runs can differ.
#
# **Discussion.** Why does a course record its outputs and test them (nbval)? What goes wrong if you run cells out of
# order?
#
# **Exercise answers.** 00.1: **6.25** (x = −2.5 on the test slider, x² = 6.25). 00.2: **b** (Restart & Run All).

# %% [raw] teacher="ja"
# **ねらい。** 生徒がコースを始められること。自分のコピー（`my-work/`）で作業していること、章を元に戻す方法を知ること。記録された出力と Restart & Run All の意味を理解すること。ウィジェットが動くことを確かめておくこと。
#
# **10分間のデモ。** `00_start_here.ipynb` を開き、Restart & Run All を実行します。**テスト用スライダー**（`x`）をドラッグして、表示 `x² = …` がついてくることを見せます。つまみの上で矢印キーも使ってみせます（キーボードでの操作）。続けて環境チェックのセルと日本語のグラフを見せます。日本語のラベルが表示され、豆腐（□）にならないことを確かめます。最後にターミナルで章を元に戻すコマンド
# `python run.py reset 00`（`make reset CH=00`。日本語版は `python run.py reset --ja 00`）を実行し、元のファイルが
# `00_start_here.mine-….ipynb` として残ることを見せます。
#
# **よくある誤解。** 「見えている出力は、いま計算されたものだ」：いいえ、出力は記録されたものです。実行して初めて計算し直されます。「途中のセルを実行するのは、すべてを実行するのと同じだ」：それまでの実行で残った隠れた状態によって、結果は変わりえます。
#
# **話し合いの問い。** コースが出力を記録し、それをテストする（nbval）のはなぜでしょうか。セルを順番どおりに実行しないと、何がおかしくなるでしょうか。
#
# **演習の解答。** 00.1: **6.25**（テスト用スライダーでx = −2.5、x² = 6.25）。00.2: **b**（Restart & Run All）。
