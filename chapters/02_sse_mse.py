# %% [markdown]
# # 02 — Sum of squared errors and MSE, step by step
#
# **What you will learn**
#
# * the sum of squared errors (2乗和誤差, SSE), its book form ½·SSE and the mean squared error (平均二乗誤差, MSE) — and why sources mix up their names;
# * to compute them by hand on the book's MNIST output, printing every step, and why the result ends in `…07`;
# * what the ½ is for, what mean absolute error (平均絶対誤差, MAE) is, and why squared errors are sensitive to outliers (外れ値);
# * to move a predicted probability with a slider and watch the loss answer.

# %% [markdown] lang="ja"
# # 02 — 2乗和誤差と平均二乗誤差を一歩ずつ
#
# **この章で学ぶこと**
#
# * 2乗和誤差（sum of squared errors, SSE）、本で使う形の½·2乗和誤差、平均二乗誤差（mean squared error, MSE）を学びます。
#   文献によってこれらの名前が混同される理由もわかります。
# * 本のMNISTの出力を使って、すべての段階を表示しながら手で計算します。そして、結果の最後が `…07` になる理由を調べます。
# * ½が何のためにあるのか、平均絶対誤差（mean absolute error, MAE）とは何か、2乗誤差が外れ値（outlier）に敏感なのはなぜかを学びます。
# * スライダーで予測確率を動かし、損失がどう応えるかを見ます。

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %% [markdown] lang="ja"
# ## 準備
#
# 最初にこのセルを実行してください。numpyとコースの `helpers` パッケージをインポートし、コースのグラフのスタイルを設定します。

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
from helpers.i18n import tr  # figure text in the edition's language (English or 日本語)
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The formulas
#
# For predictions $y_k$ (the network's output) and targets $t_k$ (正解ラベル, the correct labels), the
# **sum of squared errors** adds up the squared differences:
#
# $$E_\text{SSE} = \sum_k (y_k - t_k)^2$$
#
# Squaring makes every difference count positively — otherwise $+0.1$ and $-0.1$ would cancel ([[src:004]]).
# Dividing by the number of terms $n$ gives the **mean squared error**:
#
# $$\text{MSE} = \frac{1}{n}\sum_k (y_k - t_k)^2$$
#
# The book [[src:book]] uses a third form with a ½:
#
# $$E = \frac{1}{2}\sum_k (y_k - t_k)^2$$
#
# **A mean over what?** "Mean" needs a count, and sources divide by different ones:
#
# * over the $K$ **outputs of one sample** — here the 10 classes, so $n = 10$. This is what section 2 computes,
#   following [[src:000]]. Nothing about the amount of data changes here: one sample always has 10 outputs.
# * over the $N$ **samples of a batch**: compute one loss per sample, then average them. Now the loss does not grow
#   when the batch has more samples — the reason chapter 05 averages, and what the book does for its batch
#   cross-entropy.
# * over all $N \times K$ **elements** of a batch: PyTorch's `MSELoss()` and scikit-learn's `mean_squared_error` (their
#   default). This is the per-sample mean divided once more by $K$.
#
# For one sample the last two agree with the first. Exercise 02.2 computes them on a batch.

# %% [markdown] lang="ja"
# ## 1. 式
#
# 予測 $y_k$（ニューラルネットワークの出力）と正解ラベル $t_k$ について、**2乗和誤差** は差の2乗を足し合わせます。
#
# $$E_\text{SSE} = \sum_k (y_k - t_k)^2$$
#
# 2乗することで、どの差も正の値として数えられます。そうしないと $+0.1$ と $-0.1$ が打ち消し合ってしまいます（[[src:004]]）。
# 項の数 $n$ で割ると **平均二乗誤差** になります。
#
# $$\text{MSE} = \frac{1}{n}\sum_k (y_k - t_k)^2$$
#
# 本 [[src:book]] は、½の付いた3つ目の形を使います。
#
# $$E = \frac{1}{2}\sum_k (y_k - t_k)^2$$
#
# **何についての平均か。** 「平均」には数える個数が必要で、文献によって割る数が違います。
#
# * **1つのサンプルの** $K$ **個の出力** についての平均：ここでは10クラスなので $n = 10$ です。2節では [[src:000]] に従ってこれを計算します。データの量が変わっても、割る数 $n$ は10のままです。1つのサンプルの出力は常に10個だからです。
# * **バッチの** $N$ **個のサンプル** についての平均：サンプルごとに損失を1つ計算し、それを平均します。こうするとバッチのサンプルが増えても損失は大きくなりません。05章で平均をとるのはこのためで、本もバッチの交差エントロピー誤差（cross-entropy error）でこうしています。
# * バッチの $N \times K$ 個の **要素すべて** についての平均：PyTorchの `MSELoss()` とscikit-learnの `mean_squared_error` の既定の動作です。サンプルごとの平均を、さらに $K$ で割ったものになります。
#
# サンプルが1つなら、あとの2つは最初のものと一致します。演習02.2では、バッチでこれらを計算します。

# %% [markdown]
# ### Why the ½?
# Differentiate one term: $\frac{\partial}{\partial y_k}\,\frac{1}{2}(y_k - t_k)^2 = (y_k - t_k)$.
# The 2 brought down by the power cancels the ½, so the gradient is simply "prediction minus target".
# Chapter 06 builds backpropagation on exactly this $y - t$. The ½ changes the loss's scale, never where its minimum is.
#
# Check it numerically: the slope of ½(y − t)² at y = 0.6, t = 1 should be 0.6 − 1 = −0.4.

# %% [markdown] lang="ja"
# ### なぜ½を付けるのか
#
# 1つの項を微分してみましょう：$\frac{\partial}{\partial y_k}\,\frac{1}{2}(y_k - t_k)^2 = (y_k - t_k)$。
# 指数から下りてきた2が½と打ち消し合うので、勾配は単に「予測 − 正解ラベル」になります。
# 06章の誤差逆伝播法（backpropagation）は、まさにこの $y - t$ の上に組み立てられます。½は損失の大きさを変えるだけで、最小になる場所は変えません。
#
# 数値で確かめてみましょう。y = 0.6、t = 1での½(y − t)²の傾きは、0.6 − 1 = −0.4になるはずです。

# %%
def half_sq(y, t=1.0):
    return 0.5 * (y - t) ** 2


h = 1e-6
slope = (half_sq(0.6 + h) - half_sq(0.6 - h)) / (2 * h)
print(f"numerical slope {slope:.6f}   y - t = {0.6 - 1.0:.6f}")

# %% [markdown]
# ## 2. The MNIST example, step by step
#
# This example comes from the book and the E資格 notes [[src:000]]. A network looked at a handwritten digit and output
# ten probabilities, one per digit 0–9. The correct digit is **2**, so the target is **one-hot** (one-hot表現): a
# vector with 1 at the correct class (index 2) and 0 everywhere else.

# %% [markdown] lang="ja"
# ## 2. MNISTの例を一歩ずつ
#
# この例は、本とE資格のまとめ記事 [[src:000]] から取ったものです。ニューラルネットワークが手書きの数字を1つ見て、0〜9の数字それぞれについて1つずつ、10個の確率を出力しました。
# 正解の数字は **2** なので、正解ラベルは **one-hot表現**（one-hot representation）です。正解のクラス（インデックス2）だけが1で、ほかはすべて0のベクトルです。

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # network output
t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])  # correct label: 2
print("y sums to", y.sum(), "| most likely class:", y.argmax())

# %% [markdown]
# **Step 1 — differences.** Look at index 2: the network gave 0.6 where the target is 1.

# %% [markdown] lang="ja"
# **ステップ1：差。** インデックス2を見てください。正解ラベルが1のところで、ネットワークは0.6を出力しています。

# %%
diff = y - t
print("differences y - t:", diff)

# %% [markdown]
# **Step 2 — square them.** The −0.4 becomes 0.16 and dominates; the small differences almost vanish.

# %% [markdown] lang="ja"
# **ステップ2：2乗する。** −0.4は0.16になって大部分を占め、小さな差はほとんど消えてしまいます。

# %%
squared_diff = diff**2
print("squared differences:", squared_diff)

# %% [markdown]
# **Step 3 — sum, then divide by the number of elements.** This is the result of [[src:000]], digit for digit.

# %% [markdown] lang="ja"
# **ステップ3：足し合わせて、要素の数で割る。** これが [[src:000]] の結果と、最後の桁まで同じ値です。

# %%
mse = np.sum(squared_diff) / len(y)
print("mean of the squared differences:", mse)

# %% [markdown]
# `helpers` does the same steps and prints them in one go; its `mean_squared_error` returns the very same float.

# %% [markdown] lang="ja"
# `helpers` も同じ段階を踏んで、まとめて表示します。その `mean_squared_error` は、まったく同じ浮動小数点数を返します。

# %%
print(helpers.steps.squared_error_steps(y, t))

# %%
print(helpers.mean_squared_error(y, t), helpers.mean_squared_error(y, t) == mse)

# %% [markdown]
# ### Why `0.019500000000000007` and not `0.0195`?
# Computers store numbers in binary. 0.1, 0.05 and 0.6 have no exact binary form (just as 1/3 has no exact decimal one),
# so each is stored as the nearest double and tiny rounding errors appear in the last of the ~16 significant digits.

# %% [markdown] lang="ja"
# ### なぜ `0.0195` ではなく `0.019500000000000007` なのか
#
# コンピュータは数値を2進数で記憶します。0.1、0.05、0.6を2進数で正確に表すことはできません（1/3を10進数で正確に表せないのと同じです）。
# そのため、それぞれ最も近い倍精度の数として記憶され、約16桁ある有効数字の最後の桁に、小さな丸め誤差が現れます。

# %%
from decimal import Decimal

print(Decimal(0.1))  # what 0.1 really is inside the machine
print((0.6 - 1) ** 2)  # not exactly 0.16

# %% [markdown]
# Those errors survive the sum. `math.fsum` adds the *stored* values exactly and then rounds once — it still does not give 0.195,
# because the stored inputs were never exactly 0.01, 0.0025, 0.16. Compare with `round()` for display, never with `==` on a
# decimal literal.

# %% [markdown] lang="ja"
# その誤差は足し算のあとも残ります。`math.fsum` は、記憶された値を正確に足してから1回だけ丸めますが、それでも0.195にはなりません。
# 記憶された入力が、もともと正確には0.01、0.0025、0.16ではないからです。
# 表示には `round()` を使い、10進数のリテラルと `==` で比べてはいけません。

# %%
import math

print("np.sum:   ", np.sum(squared_diff))
print("math.fsum:", math.fsum(squared_diff))
print("np.isclose(mse, 0.0195):", np.isclose(mse, 0.0195), "  mse == 0.0195:", mse == 0.0195)

# %% [markdown]
# ## 3. One example, three names
#
# The same vectors give three different numbers depending on which form you use:

# %% [markdown] lang="ja"
# ## 3. 1つの例に3つの名前
#
# 同じベクトルでも、どの形を使うかによって3つの違う数値になります。

# %%
rows = [
    ("SSE    Σ(y-t)²", helpers.sum_squared_error(y, t)),
    ("½SSE   ½Σ(y-t)²  (the book)", helpers.half_sum_squared_error(y, t)),
    ("MSE    Σ(y-t)²/n", helpers.mean_squared_error(y, t)),
]
for name, value in rows:
    print(f"{name:30s} {value:.4f}")

# %% [markdown]
# **Naming is inconsistent across sources — always check the formula, not the name.**
#
# | source | calls it | function in its code | computes |
# |---|---|---|---|
# | the book [[src:book]] | 2乗和誤差 (sum of squared errors) | `sum_squared_error` in its official repository; `mean_squared_error` in readers' notebooks that follow its §4.2.1 | ½·Σ(y−t)² |
# | [[src:004]] (says its code follows the book) | 二乗和誤差 | `mean_squre_err` (sic) | ½·Σ(y−t)² |
# | [[src:000]] | heading "2乗和誤差" | `mean_squared_error` | Σ(y−t)²/n over the 10 outputs |
# | scikit-learn, PyTorch `MSELoss()` (reduction="mean") | MSE | `mean_squared_error`, `MSELoss` | mean over **all N×K elements** |
# | PyTorch `MSELoss(reduction="sum")` | — | `MSELoss` | Σ(y−t)² (SSE) |
# | Keras `MeanSquaredError` | MSE | `MeanSquaredError` | mean over the last axis, then over the batch |
#
# The book's own code is the best example. Its official repository (oreilly-japan/deep-learning-from-scratch,
# `common/functions.py`) names ½·Σ(y−t)² `sum_squared_error`; readers' notebooks that follow the book's §4.2.1 call
# the very same function `mean_squared_error` — a name that, everywhere else in this table, means a division by $n$.
#
# For E資格, know all three forms and that they differ only by a constant factor: the same weights minimise them all.

# %% [markdown] lang="ja"
# **名前は文献によってばらばらです。名前ではなく、必ず式を確かめてください。**
#
# | 文献 | 呼び方 | コードの関数名 | 計算するもの |
# |---|---|---|---|
# | 本 [[src:book]] | 2乗和誤差 | 公式リポジトリでは `sum_squared_error`、4.2.1節に沿った読者のノートブックでは `mean_squared_error` | ½·Σ(y−t)² |
# | [[src:004]]（コードは本に従うと書いている） | `二乗和誤差` | `mean_squre_err`（原文のまま） | ½·Σ(y−t)² |
# | [[src:000]] | 見出しは「2乗和誤差」 | `mean_squared_error` | 10個の出力についてのΣ(y−t)²/n |
# | scikit-learn、PyTorchの `MSELoss()`（reduction="mean"） | MSE | `mean_squared_error`、`MSELoss` | **N×K個の要素すべて** についての平均 |
# | PyTorchの `MSELoss(reduction="sum")` | — | `MSELoss` | Σ(y−t)²（2乗和誤差） |
# | Kerasの `MeanSquaredError` | MSE | `MeanSquaredError` | 最後の軸について平均し、さらにバッチについて平均 |
#
# いちばんよい例は本のコードそのものです。本の公式リポジトリ（oreilly-japan/deep-learning-from-scratch）を見てみましょう。
# その `common/functions.py` は、½·Σ(y−t)² を `sum_squared_error` と名付けています。
# 一方、本の4.2.1節に沿った読者のノートブックは、まったく同じ関数を `mean_squared_error` と呼んでいます。
# この表のほかの行では、これは $n$ で割ることを意味する名前です。
#
# E資格に向けては、3つの形をすべて知っておきましょう。違いは定数倍だけなので、どれも同じ重みで最小になります。

# %% [markdown]
# ## 4. Two samples: right class likely vs wrong class likely
#
# [[src:004]] follows the book and uses ½·SSE on two samples. In sample 1 the correct class 2 has probability 0.6;
# in sample 2 the network favours class 9 (0.5) and gives class 2 only 0.2.

# %% [markdown] lang="ja"
# ## 4. 2つのサンプル：正解のクラスが有力な場合と、間違ったクラスが有力な場合
#
# [[src:004]] は本に従って、2つのサンプルに½·2乗和誤差を使っています。サンプル1では、正解のクラス2の確率が0.6です。
# サンプル2では、ネットワークはクラス9（0.5）を有力とみて、クラス2には0.2しか与えていません。

# %%
t4 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y_right = [0.1, 0.01, 0.6, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]
y_wrong = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
print("sample 1 (class 2 likely):", helpers.half_sum_squared_error(y_right, t4))
print("sample 2 (class 9 likely):", helpers.half_sum_squared_error(y_wrong, t4))

# %% [markdown]
# The wrong guess costs more than four times as much. A detail worth noticing: these two vectors do not sum to 1 —
# sample 1 sums to 1.07 and sample 2 to 1.13. They are made-up numbers, and squared error does not care whether
# they form a probability distribution.
#
# Adding them shows floating point once more. Add the ten numbers one by one, left to right, and every addition
# rounds its result to the nearest double. `math.fsum` instead adds the stored values exactly and rounds only once:

# %% [markdown] lang="ja"
# 間違った予測は、4倍以上の損失になります。注目したい細かい点があります。この2つのベクトルは、合計が1になりません。
# サンプル1の合計は1.07、サンプル2は1.13です。これは作られた数値で、2乗誤差は、それが確率分布になっているかどうかを気にしません。
#
# 合計を計算すると、ここでも浮動小数点数の性質が現れます。10個の数を左から順に1つずつ足すと、足すたびに結果が最も近い倍精度の数に丸められます。
# 一方、`math.fsum` は記憶された値を正確に足して、最後に1回だけ丸めます。

# %%
import math

for name, values in (("sample 1", y_right), ("sample 2", y_wrong)):
    running = 0.0
    for v in values:
        running += v  # rounded after every addition
    print(f"{name}: one by one {running!r:20}  math.fsum {math.fsum(values)!r}")

# %% [markdown]
# For sample 2 the two differ in the 17th digit: `1.13` against `1.1300000000000001`. The exact sum of the stored
# numbers (which are not exactly 0.1, 0.01, …) is a little above the double nearest to 1.13, and `fsum` rounds it
# correctly; the one-by-one additions made errors that happened to cancel. Python's own `sum()` changed here:
# up to Python 3.11 it adds one by one, and from Python 3.12 on it uses a compensated method that gives the `fsum`
# digits. So `print(sum(y_wrong))` shows `1.13` on Python 3.11 and `1.1300000000000001` on 3.12 and later — the
# same numbers, added with different care. That is why this course prints the method by name.

# %% [markdown] lang="ja"
# サンプル2では、2つの結果が17桁目で違います：`1.13` と `1.1300000000000001` です。
# 記憶された数（正確には0.1、0.01、…ではありません）の正確な和は、1.13に最も近い倍精度の数より少しだけ大きく、`fsum` はそれを正しく丸めます。
# 1つずつの足し算では誤差が出ましたが、たまたま打ち消し合ったのです。
# Python自身の `sum()` はここで変わりました。Python 3.11までは1つずつ足し、Python 3.12からは補正つきの方法を使って `fsum` と同じ桁を返します。
# そのため `print(sum(y_wrong))` は、Python 3.11では `1.13`、3.12以降では `1.1300000000000001` と表示されます。
# 同じ数を、違う丁寧さで足した結果です。このコースが足し方の名前を明示して表示するのは、このためです。

# %% [markdown]
# ## 5. Mean absolute error
#
# The **mean absolute error** (平均絶対誤差, MAE) of [[src:002]], $\text{MAE} = \frac{1}{n}\sum_k |y_k - t_k|$, adds
# absolute differences instead of squares. On the MNIST example:

# %% [markdown] lang="ja"
# ## 5. 平均絶対誤差
#
# [[src:002]] の **平均絶対誤差**（MAE）$\text{MAE} = \frac{1}{n}\sum_k |y_k - t_k|$ は、2乗の代わりに差の絶対値を足します。MNISTの例では次のようになります。

# %%
print("MAE:", helpers.mean_absolute_error(y, t))
print("by hand:", np.sum(np.abs(y - t)) / len(y))

# %% [markdown]
# ## 6. Properties: non-negative, and sensitive to outliers
#
# Every term $(y_k - t_k)^2$ is ≥ 0, so the loss is ≥ 0 and equals 0 only for a perfect prediction ([[src:000]]).
# But squaring makes a large error *very* large. We compare three losses. Two you know: MSE and MAE. The third is
# the **Huber loss** (Huber損失): for each residual $r = y - t$ it is $\tfrac12 r^2$ while $|r| \le 1$ (like squared
# error near zero) and $|r| - \tfrac12$ beyond (like absolute error far away); the course uses the threshold 1.
#
# Eight measurements of a true value 1.0, predicted as 1.0; in the second set the last one is an outlier at 5.0:

# %% [markdown] lang="ja"
# ## 6. 性質：負にならず、外れ値に敏感
#
# どの項 $(y_k - t_k)^2$ も0以上なので、損失は0以上で、予測が完全なときだけ0になります（[[src:000]]）。
# しかし、2乗するので、大きな誤差は *とても* 大きくなります。3つの損失関数を比べましょう。2つは平均二乗誤差と平均絶対誤差で、もう知っています。
# 3つ目は **Huber損失**（Huber loss、フーバー損失）です。各残差 $r = y - t$ について、$|r| \le 1$ のあいだは $\tfrac12 r^2$ です（0の近くでは2乗誤差と同じ）。
# それより外では $|r| - \tfrac12$ です（遠くでは絶対誤差と同じ）。
# このコースでは、しきい値を1にしています。
#
# 真の値1.0を8回測定し、予測はどれも1.0とします。2組目では、最後の測定値が5.0の外れ値です。

# %%
clean = helpers.explorers.ch02.OUTLIER_DATA
dirty = np.append(clean[:-1], 5.0)
pred = np.ones(8)
loss_fns = {"MSE": helpers.mean_squared_error, "MAE": helpers.mean_absolute_error, "Huber": helpers.losses.huber_loss}
for name, loss in loss_fns.items():
    print(f"{name:6s} clean {loss(pred, clean):.4f}   one outlier {loss(pred, dirty):.4f}")

# %% [markdown]
# All three grow, but what matters for learning is where each loss *pulls the prediction*. Try every constant prediction
# c from 0 to 3 and keep the one with the lowest loss:

# %% [markdown] lang="ja"
# 3つとも大きくなりますが、学習にとって大事なのは、それぞれの損失関数が *予測をどこへ引っ張るか* です。
# 0から3までのあらゆる定数の予測 $c$ を試して、損失が最も低いものを選んでみましょう。

# %%
grid = np.linspace(0, 3, 601)
for name, loss in loss_fns.items():
    best = [grid[np.argmin([loss(np.full(8, c), data) for c in grid])] for data in (clean, dirty)]
    print(f"{name:6s} best prediction: clean {best[0]:.3f} -> with outlier {best[1]:.3f}")

# %% [markdown]
# Under MSE the best constant is the mean, dragged from 1.0 to 1.5 by a single bad point; under MAE it is the median,
# which does not move; Huber stays close to MAE.
# The plot shows the three per-point penalties as a function of the residual: the squared curve grows much faster than the other two.

# %% [markdown] lang="ja"
# 平均二乗誤差では、最良の定数は平均値で、たった1つの悪い点のために1.0から1.5へ引きずられます。平均絶対誤差では中央値になり、動きません。Huber損失は平均絶対誤差に近いままです。
# 次のグラフは、点ごとの3つのペナルティを残差の関数として表したものです。2乗の曲線は、ほかの2つよりずっと速く大きくなります。

# %%
r = np.linspace(-4, 4, 201)
fig, ax = plt.subplots()
ax.plot(r, r**2, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("squared  r²", "2乗  r²"))
ax.plot(r, np.abs(r), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label=tr("absolute |r|", "絶対値 |r|"))
huber = np.where(np.abs(r) <= 1, 0.5 * r**2, np.abs(r) - 0.5)
ax.plot(r, huber, color=COLORS["target"], linestyle=LINESTYLES["target"], label=tr("Huber (threshold 1)", "Huber損失（しきい値 1）"))
ax.set(xlabel=tr("residual r = y − t (残差)", "残差 r = y − t"), ylabel=tr("penalty", "ペナルティ"), ylim=(0, 8))
ax.set_title(tr("Penalty per point", "点ごとのペナルティ"))
ax.legend()
plt.show()

# %% [markdown]
# ### Drag the outlier
# Move the slider — or drag the purple point with the mouse — and watch the three losses. The dotted segments are the residuals.

# %% [markdown] lang="ja"
# ### 外れ値をドラッグする
#
# スライダーを動かすか、紫色の点をマウスでドラッグして、3つの損失を見てください。点線は残差です。

# %% tags=["nbval-ignore-output"]
outliers = helpers.explorers.ch02.outlier_explorer()
outliers

# %% [markdown]
# The same explorer driven from code (this is what the slider does): put the last point at 5.0.

# %% [markdown] lang="ja"
# 同じエクスプローラーをコードから動かします（スライダーがしているのはこれと同じです）。最後の点を5.0に置きます。

# %%
outliers.set(value=5.0)
print(outliers.readout_text)
outliers.set(value=1.0)

# %% [markdown]
# ## 7. Explorer: move the probability of the correct class
#
# The slider sets the predicted probability of class 2; the other nine classes shrink or grow in proportion so the ten
# still sum to 1. Left: the bars (orange = class 2) against the target (green diamonds). Right: MSE as a function of that
# probability — the marker follows the slider. At p = 0.6 you are back at the book's example.

# %% [markdown] lang="ja"
# ## 7. エクスプローラー：正解のクラスの確率を動かす
#
# スライダーはクラス2の予測確率を決めます。ほかの9つのクラスは、10個の合計が1のままになるように、比例して小さく、または大きくなります。
# 左は棒グラフ（オレンジ色がクラス2）と正解ラベル（緑のひし形）です。右は、その確率の関数としての平均二乗誤差で、印がスライダーについて動きます。
# p = 0.6にすると、本の例に戻ります。

# %% tags=["nbval-ignore-output"]
explorer = helpers.explorers.ch02.probability_explorer(y, t)
explorer

# %% [markdown]
# Driven from code: at p = 0.6 the readout shows section 2's MSE (rounded to 6 digits); at p = 1 every loss is 0.

# %% [markdown] lang="ja"
# コードから動かします。p = 0.6では、2節の平均二乗誤差（有効数字6桁に丸めた値）が表示されます。p = 1では、どの損失も0です。

# %%
for p in (0.6, 0.9, 1.0):
    explorer.set(p=p)
    print(explorer.readout_text)
explorer.set(p=0.6)

# %% [markdown]
# Notice that MSE never exceeds 0.2 here, even at p = 0: squared error **saturates** for probabilities. Chapter 03's
# cross-entropy grows without bound instead — one reason classification uses cross-entropy.

# %% [markdown] lang="ja"
# ここでは、p = 0でも平均二乗誤差は0.2を超えないことに注目してください。確率に対して、2乗誤差は **飽和** するのです。
# 03章の交差エントロピー誤差は、逆に限りなく大きくなります。分類に交差エントロピー誤差を使う理由の1つです。

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 02.1.** Compute the **MSE** (not ½·SSE) of the second sample `y_wrong` against `t4` (section 4), with
# numpy only.

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 02.1** 4節の2つ目のサンプル `y_wrong` の、`t4` に対する **平均二乗誤差**（½·2乗和誤差ではありません）を、numpyだけで計算してください。

# %%
answer_02_1 = ...  # your code here
check("02.1", answer_02_1)

# %% tags=["solution"]
answer_02_1 = np.sum((np.array(y_wrong) - np.array(t4)) ** 2) / len(y_wrong)
check("02.1", answer_02_1)

# %% [markdown]
# **Exercise 02.2.** A batch: `Y` and `T` have shape $(N, K)$ — one row per sample. Write `batch_half_sse(Y, T)`
# that returns the mean over samples: the ½·SSE of each row (sample), **averaged over the $N$ rows** — the way the
# book averages its batch cross-entropy. Lists are allowed. (PyTorch's `MSELoss` would divide by $N \times K$
# instead, and without the ½.)

# %% [markdown] lang="ja"
# **演習 02.2** バッチを考えます。`Y` と `T` の形状は $(N, K)$ で、1行が1つのサンプルです。
# サンプルについての平均を返す `batch_half_sse(Y, T)` を書いてください。各行（サンプル）の½·2乗和誤差を求め、**$N$ 行について平均** します。本がバッチの交差エントロピー誤差を平均するのと同じやり方です。
# リストも受け付けるようにします（PyTorchの `MSELoss` なら、代わりに $N \times K$ で割り、½も付けません）。

# %%
def batch_half_sse(Y, T):
    ...  # your code here


check("02.2", batch_half_sse)

# %% tags=["solution"]
def batch_half_sse(Y, T):
    Y, T = np.asarray(Y, dtype=float), np.asarray(T, dtype=float)
    per_sample = 0.5 * np.sum((Y - T) ** 2, axis=1)  # one ½·SSE per row
    return np.mean(per_sample)


check("02.2", batch_half_sse)

# %% [markdown]
# **Exercise 02.3.** The prediction is 1.0 for the four measurements `[1, 1, 1, 5]`. By what factor is MSE larger than MAE?

# %% [markdown] lang="ja"
# **演習 02.3** 4つの測定値 `[1, 1, 1, 5]` に対して、予測はどれも1.0です。平均二乗誤差は平均絶対誤差の何倍ですか。

# %%
answer_02_3 = ...  # your code here
check("02.3", answer_02_3)

# %% tags=["solution"]
residuals = np.array([1.0, 1.0, 1.0, 5.0]) - 1.0
answer_02_3 = np.mean(residuals**2) / np.mean(np.abs(residuals))
check("02.3", answer_02_3)

# %% [markdown]
# ## Summary
#
# * SSE = Σ(y−t)², ½·SSE (the book's "2乗和誤差") and MSE = SSE/n differ only by a constant factor; names vary by source, so read the formula.
# * "Mean" can be over the outputs of a sample, over the samples of a batch, or over all elements (PyTorch, scikit-learn).
# * On the book's MNIST output: SSE 0.195, ½·SSE 0.0975, MSE 0.0195 — printed as `0.019500000000000007` because of binary floating point.
# * The ½ makes the gradient exactly y − t.
# * Squared errors are non-negative and punish outliers hard; MAE and Huber are gentler.

# %% [markdown] lang="ja"
# ## まとめ
#
# * 2乗和誤差 = Σ(y−t)²、½·2乗和誤差（本の「2乗和誤差」）、平均二乗誤差 = 2乗和誤差/nは、定数倍しか違いません。名前は文献によって違うので、式を読みましょう。
# * 「平均」は、1つのサンプルの出力について、バッチのサンプルについて、あるいは要素すべてについて（PyTorch、scikit-learn）とることがあります。
# * 本のMNISTの出力では、2乗和誤差は0.195、½·2乗和誤差は0.0975、平均二乗誤差は0.0195です。2進数の浮動小数点数のために `0.019500000000000007` と表示されます。
# * ½を付けると、勾配がちょうど y − t になります。
# * 2乗誤差は負にならず、外れ値を強く罰します。平均絶対誤差とHuber損失はもっと穏やかです。

# %% [raw] teacher="en"
# **Objectives.** SSE = Σ(y−t)² (2乗和誤差), ½·SSE (the book), MSE = Σ(y−t)²/n (平均二乗誤差) and why sources mix the
# names; the book's MNIST output step by step to `0.019500000000000007` and why it ends in …07 (binary floating
# point); why the ½; MAE (平均絶対誤差) = 0.08; outlier sensitivity; MSE vs MAE vs Huber.
#
# **10-minute demo.** (1) Run the three "Step" cells and read the printed differences, squares and mean aloud: the
# −0.4 at index 2 becomes 0.16 and dominates. (2) Section 3's table: SSE 0.195, ½SSE 0.0975, MSE 0.0195 — *same
# vectors, three numbers*. (3) **Drag the outlier** (slider `last point` or drag the purple point): MSE explodes,
# MAE and Huber stay calm; the best constant under MSE moves from 1.0 to 1.5. (4) **Probability explorer**
# (slider `p`): move p(class 2) from 0.6 to 1 (loss → 0) and to 0 — MSE never exceeds 0.2: it saturates. Tease
# chapter 03.
#
# **Misconceptions.** See [½ in SSE vs MSE naming](#1-the--in-sse-and-the-name-mse). Also: "0.019500000000000007 is
# a bug" — it is the nearest double to the exact result; compare with `np.isclose`, never `==`.
#
# **Discussion.** Why square instead of taking absolute values? When would you *want* a loss that ignores outliers?
# A framework's `MSELoss` and the book's 2乗和誤差 differ by a factor of 2/n: does training find different weights?
#
# **Exercise answers.** 02.1: MSE of the second sample `y_wrong` vs `t4` = **0.09305**
# (`np.sum((np.array(y_wrong) - np.array(t4)) ** 2) / len(y_wrong)`). 02.2: the mean over samples of each row's ½·SSE,
# `batch_half_sse = lambda Y, T: np.mean(0.5 * np.sum((np.asarray(Y, dtype=float) - np.asarray(T)) ** 2, axis=1))`
# (dividing by N × K instead is the typical slip: PyTorch's `MSELoss`). 02.3: **4.0** (MSE 4, MAE 1).

# %% [raw] teacher="ja"
# **ねらい。**
#
# * 2乗和誤差（sum of squared errors）Σ(y−t)²、½·2乗和誤差（本の形）、平均二乗誤差（mean squared error）Σ(y−t)²/n を区別します。文献によって名前が混同される理由も扱います。
# * 本のMNISTの出力を一歩ずつ計算して `0.019500000000000007` に至ります。最後が…07になる理由（2進数の浮動小数点数）も説明します。
# * ½を付ける理由、平均絶対誤差（mean absolute error）= 0.08、外れ値への敏感さを学びます。
# * 平均二乗誤差、平均絶対誤差、Huber損失を比べます。
#
# **10分間のデモ。** (1) 3つの「ステップ」のセルを実行し、表示された差、その2乗、平均を読み上げます。インデックス2の−0.4は0.16になり、全体の大部分を占めます。(2) 3節の表：2乗和誤差0.195、½·2乗和誤差0.0975、平均二乗誤差0.0195。**同じベクトルから3つの数値** が出ます。(3) **外れ値をドラッグします**（スライダー `last point`、または紫の点をドラッグ）。平均二乗誤差は跳ね上がり、平均絶対誤差と
# Huber損失は落ち着いたままです。平均二乗誤差のもとでの最適な定数は1.0から1.5へ動きます。(4) **確率のエクスプローラー**
# （スライダー `p`）：クラス2の確率を0.6から1へ（損失 → 0）、そして0へ動かします。平均二乗誤差は0.2を超えず、飽和します。ここで03章への期待を持たせます。
#
# **よくある誤解。** [2乗和誤差の½と平均二乗誤差という名前](#1-2乗和誤差のと平均二乗誤差という名前) を見てください。ほかに、「0.019500000000000007はバグだ」：正確な結果に最も近い倍精度の数です。比べるときは `==` ではなく `np.isclose` を使います。
#
# **話し合いの問い。** 絶対値ではなく2乗を使うのはなぜでしょうか。外れ値を無視する損失が *欲しい* のは、どんなときでしょうか。`MSELoss` は本の2乗和誤差（½付き）の2/n倍です。学習で見つかる重みは変わるでしょうか。
#
# **演習の解答。** 02.1: 2つ目のサンプル `y_wrong` と `t4` の平均二乗誤差 = **0.09305**
# （`np.sum((np.array(y_wrong) - np.array(t4)) ** 2) / len(y_wrong)`）。02.2: 各行の½·2乗和誤差をサンプルについて平均したもの、
# `batch_half_sse = lambda Y, T: np.mean(0.5 * np.sum((np.asarray(Y, dtype=float) - np.asarray(T)) ** 2, axis=1))`
# （代わりにN × Kで割ってしまうのが典型的な間違いで、これはPyTorchの `MSELoss` です）。02.3: **4.0**（平均二乗誤差4、平均絶対誤差1）。
