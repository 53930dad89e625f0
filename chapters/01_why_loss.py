# %% [markdown]
# # 01 — Why a loss function?
#
# **What you will learn**
#
# * what "learning" means for a model: tuning its weights (重み) until its predictions match the correct labels (正解ラベル);
# * why "which of two lines fits better?" needs **one number**, and how the loss function (損失関数) gives it — the
#   model's report card (成績表), where lower is better;
# * the four jobs of a loss: evaluate a model, drive the optimisation, compare models, monitor training;
# * why accuracy cannot be the loss (it is flat almost everywhere), and which loss goes with which task:
#   regression (回帰) → squared error, classification (分類) → cross-entropy;
# * to fit a line yourself with sliders — and by dragging the data — while SSE and MSE answer live.

# %% [markdown] lang="ja"
# # 01 — なぜ損失関数が必要なのか
#
# **この章で学ぶこと**
#
# * モデルにとって「学習」とは何か：予測が正解ラベル（correct label）に合うまで、重み（weight）を調整することです。
# * 「2本の直線のどちらがよく当てはまるか」を決めるには **1つの数値** が必要なこと、そしてそれを与えるのが損失関数（loss function）であることを学びます。損失関数はモデルの成績表で、値が低いほど良い成績です。
# * 損失関数の4つの役割：モデルの評価、パラメータの最適化、モデルの比較（選択）、学習の監視です。
# * 認識精度（accuracy）を損失関数にできない理由（ほとんどの場所で平らだから）と、タスクに合う損失関数の選び方です。回帰（regression）なら2乗誤差、分類（classification）なら交差エントロピー誤差を使います。
# * スライダーで、そしてデータをドラッグして、自分で直線を当てはめます。そのあいだ、2乗和誤差（sum of squared errors）と平均二乗誤差（mean squared error）の値がその場で変わります。

# %% [markdown]
# ## Setup

# %% [markdown] lang="ja"
# ## 準備

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.explorers.ch01 as ch01
from helpers.checks import check
from helpers.fit import LINE_A, LINE_B, accuracy, least_squares, line_losses, threshold_data, threshold_loss
from helpers.i18n import tr  # figure text in the edition's language (English or 日本語)
from helpers.style import COLORS, LINESTYLES, MARKERS, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Learning = tuning weights
#
# The article [[src:003]] defines learning in one sentence: *learning is adjusting the weight parameters so that
# the predictions match the correct labels as closely as possible* (学習とは、予測と正解ラベルが最大限に一致するように重みパラメータを最適に調整すること).
#
# The smallest model that shows this is a straight line, $y = w\,x + b$, with two parameters: the slope $w$
# (a weight, 重み) and the intercept $b$ (a bias, バイアス). As in the whole course, $y$ is the **prediction** and $t$
# the **target** (chapter 00's notation table). Here are 20 points from the course's seeded data set; the target
# $t$ of each point is what the line should predict from its $x$.

# %% [markdown] lang="ja"
# ## 1. 学習とは重みを調整すること
#
# 記事 [[src:003]] は、学習を一文で定義しています。「学習とは、予測と正解ラベルが最大限に一致するように重みパラメータを最適に調整すること」です。
#
# これを示す最も小さなモデルは直線 $y = w\,x + b$ で、パラメータは2つです。傾き $w$（重み）と切片 $b$（バイアス、bias）です。
# コース全体と同じく、$y$ は **予測**、$t$ は **正解ラベル** です（00章の記号の表を見てください）。
# 次に示すのは、コースのシードつきデータセットの20個の点です。各点の正解ラベル $t$ は、直線がその $x$ から予測すべき値です。

# %%
x, t = helpers.data.toy_regression()  # 20 points, seed 0: the same on every machine
print("x:", np.round(x, 2))
print("t:", np.round(t, 2))

# %% [markdown]
# The points rise from left to right with some scatter: a line should fit them well, but which one?

# %% [markdown] lang="ja"
# 点は左から右へ、ばらつきながら上がっていきます。直線でうまく当てはめられそうですが、どの直線がよいでしょうか。

# %%
fig, ax = plt.subplots()
ax.plot(x, t, MARKERS["data"], color=COLORS["data"], label=tr("data (x, t)", "データ (x, t)"))
ax.set(xlabel=tr("x (input)", "x（入力）"), ylabel=tr("t (correct label, 正解ラベル)", "t（正解ラベル）"), title=tr("The point cloud", "点の集まり"))
ax.legend(loc="upper left")
plt.show()

# %% [markdown]
# ## 2. Two lines through the same points: which fits better?
#
# The article [[src:003]] shows two lines through one cloud of points and asks which fits better. Here are our two
# candidates:
#
# * line A: $y = 1.5\,x + 2.0$ (flatter, starts higher),
# * line B: $y = 2.5\,x + 0.2$ (steeper, starts lower).
#
# The dotted segments are the **residuals (残差)**: for each point, the vertical gap between the target $t$ and the
# line's prediction $y$. Look at both panels and decide before reading on.

# %% [markdown] lang="ja"
# ## 2. 同じ点を通る2本の直線：どちらがよく当てはまるか
#
# 記事 [[src:003]] は、1つの点の集まりに2本の直線を引いて、どちらがよく当てはまるかを問いかけます。ここでの2つの候補は次のとおりです。
#
# * 直線A：$y = 1.5\,x + 2.0$（傾きが緩く、高いところから始まる）
# * 直線B：$y = 2.5\,x + 0.2$（傾きが急で、低いところから始まる）
#
# 点線は **残差（residual）** です。各点について、正解ラベル $t$ と直線の予測 $y$ との縦方向のずれを表します。
# 先を読む前に、両方のグラフを見て、どちらがよいか決めてみてください。

# %%
lines = {"A": LINE_A, "B": LINE_B}
xs = np.array([0.0, 5.0])
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
for ax, (name, (w, b)) in zip(axes, lines.items(), strict=True):
    ax.vlines(x, t, w * x + b, color=COLORS["neutral"], linestyle=":", label=tr("residual (残差)", "残差"))
    ax.plot(x, t, MARKERS["data"], color=COLORS["data"], label=tr("data", "データ"))
    line = tr(f"line {name}", f"直線{name}")
    ax.plot(xs, w * xs + b, color=COLORS["prediction"], linestyle=LINESTYLES["prediction"], label=line)
    ax.set(xlabel="x", title=f"{line}: y = {w}·x + {b}")
    ax.legend(loc="upper left")
axes[0].set_ylabel("t")
plt.show()

# %% [markdown]
# Hard to say. Line A misses the right-hand points by a lot. Line B misses the left-hand points and a few in the
# middle. Is a few large misses worse than many small ones? Two people can answer this differently, and so can one
# person on two days. To decide in the same way every time — and to let a computer decide — we need to turn all
# twenty residuals into **one number**.

# %% [markdown] lang="ja"
# 決めるのは難しいでしょう。直線Aは右側の点を大きく外しています。直線Bは左側の点と、真ん中のいくつかの点を外しています。
# 少数の大きな外れと、多数の小さな外れのどちらが悪いのでしょうか。人によって答えは違いますし、同じ人でも日によって違う答えを出すことがあります。
# 毎回同じやり方で決めるには、そしてコンピュータに決めさせるには、20個の残差すべてを **1つの数値** にまとめる必要があります。

# %% [markdown]
# ## 3. One number: the loss, the model's report card
#
# A **loss function (損失関数)** measures how far the predictions are from the correct labels and returns a single
# number. The article [[src:002]] calls it the model's **report card (成績表)**, with a twist: *the lower the score, the better*
# ("点数が低いほどよくできました"). It is also called a **cost function (コスト関数)** or **objective function (目的関数)**.
#
# For a line, the classic choice squares each residual (so misses above and below do not cancel, and big misses
# count extra) and adds them up — the **sum of squared errors (2乗和誤差, SSE)**; dividing by the number of points
# $N$ gives the **mean squared error (平均二乗誤差, MSE)**:
#
# $$\text{SSE} = \sum_{i=1}^{N} (y_i - t_i)^2, \qquad \text{MSE} = \frac{1}{N}\sum_{i=1}^{N} (y_i - t_i)^2$$
#
# Chapter 02 takes these apart step by step; here we only use them. First by hand, for line A:

# %% [markdown] lang="ja"
# ## 3. 1つの数値：損失関数はモデルの成績表
#
# **損失関数** は、予測が正解ラベルからどれだけ離れているかを測り、1つの数値を返します。
# 記事 [[src:002]] はこれをモデルの **成績表** と呼んでいます。ただし「点数が低いほどよくできました」という、普通とは逆の成績表です。
# 損失関数は **コスト関数（cost function）** や **目的関数（objective function）** とも呼ばれます。
#
# 直線の場合によく使うのは **2乗和誤差（sum of squared errors, SSE）** です。各残差を2乗して足し合わせます。
# 2乗するので、上への外れと下への外れが打ち消し合わず、大きな外れほど重く数えられます。
# これを点の数 $N$ で割ると **平均二乗誤差（mean squared error, MSE）** になります。
#
# $$\text{SSE} = \sum_{i=1}^{N} (y_i - t_i)^2, \qquad \text{MSE} = \frac{1}{N}\sum_{i=1}^{N} (y_i - t_i)^2$$
#
# 02章でこれらを一歩ずつ分解します。ここでは使うだけです。まず直線Aについて、手で計算してみましょう。

# %%
w, b = LINE_A
residuals = (w * x + b) - t
print("SSE of line A:", np.sum(residuals**2))
print("MSE of line A:", np.sum(residuals**2) / len(x))

# %% [markdown]
# `helpers` gives the same numbers (prediction first, target second — the course's fixed argument order):

# %% [markdown] lang="ja"
# `helpers` でも同じ数値になります（予測が先、正解ラベルが後という、コースで決まった引数の順番です）。

# %%
for name, (w, b) in lines.items():
    y = w * x + b  # the line's predictions
    sse, mse = helpers.sum_squared_error(y, t), helpers.mean_squared_error(y, t)
    print(f"line {name}:  SSE = {sse:.4f}   MSE = {mse:.4f}")

# %% [markdown]
# **Line B fits better**: MSE 1.2420 against 1.3128 — too close for the eye to decide. The number decides it,
# the same way on every machine, and it can be computed by a program thousands of times a second. That is what a loss
# is for.

# %% [markdown] lang="ja"
# **直線Bのほうがよく当てはまります**。平均二乗誤差は1.2420で、直線Aの1.3128より小さい値です。目で見て決めるには差が小さすぎます。
# 数値なら、どのマシンでも同じように決まり、プログラムで1秒間に何千回でも計算できます。損失関数はそのためにあるのです。

# %% [markdown]
# ## 4. The best line of all: least squares (最小二乗法)
#
# If lower is better, there is a *best* line: the one with the smallest squared error. Finding the weights that
# minimise a squared error is called the **method of least squares (最小二乗法)** ([[src:003]]). For a line it has a
# closed form,
#
# $$w^* = \frac{\sum_i (x_i - \bar x)(t_i - \bar t)}{\sum_i (x_i - \bar x)^2}, \qquad b^* = \bar t - w^*\,\bar x,$$
#
# and numpy's `polyfit` (a degree-1 polynomial fit) solves the same problem another way — the two agree to
# about 15 significant digits, the limit of floating point:

# %% [markdown] lang="ja"
# ## 4. 最良の直線：最小二乗法（least squares）
#
# 低いほど良いのなら、*最良の* 直線があるはずです。2乗誤差が最も小さくなる直線です。
# 2乗誤差を最小にする重みを求める方法を **最小二乗法** と呼びます（[[src:003]]）。直線の場合は、次のように式で解けます。
#
# $$w^* = \frac{\sum_i (x_i - \bar x)(t_i - \bar t)}{\sum_i (x_i - \bar x)^2}, \qquad b^* = \bar t - w^*\,\bar x,$$
#
# numpyの `polyfit`（1次の多項式による当てはめ）は、同じ問題を別の方法で解きます。
# 2つの答えは有効数字15桁ほどまで一致します。これが浮動小数点数の限界です。

# %%
w_best, b_best = least_squares(x, t)
print("closed form:", w_best, b_best)
print("np.polyfit: ", *np.polyfit(x, t, 1))

# %% [markdown]
# Its report card, next to the two candidates and the true line $y = 2x + 1$ the data was generated from:

# %% [markdown] lang="ja"
# 最小二乗法の直線の成績表を、2つの候補と、データを生成した真の直線 $y = 2x + 1$ と並べてみましょう。

# %%
candidates = {"A": LINE_A, "B": LINE_B, "true line": (2.0, 1.0), "least squares": (w_best, b_best)}
for name, (w, b) in candidates.items():
    sse, mse = line_losses(w, b, x, t)
    print(f"{name:14s} w = {w:.4f}  b = {b:.4f}   SSE = {sse:8.4f}   MSE = {mse:.4f}")

# %% [markdown]
# The least-squares line beats both candidates by far. It also beats the true line, by a small margin — but that is no
# discovery: least squares is *defined* as the line with the lowest squared error on these 20 points, so no other
# line, the true one included, can score lower here. Its small win comes from fitting this sample's random noise.
# On new points from the same source the true line would usually do better. A model that fits the noise of its
# own data is the beginning of **overfitting** (過学習); chapter 09 measures models on data they have not seen.

# %% [markdown] lang="ja"
# 最小二乗法の直線は、2つの候補に大差で勝ちます。真の直線にもわずかに勝ちますが、これは発見ではありません。
# 最小二乗法は、この20個の点で2乗誤差が最も低くなる直線として *定義* されているので、真の直線を含めて、ほかのどの直線もここではそれより低くなれないのです。
# わずかな勝ちは、このサンプルのランダムなノイズに合わせたことによるものです。同じ方法（同じ真の直線とノイズ）で作った新しい点では、たいてい真の直線のほうが良い成績になります。
# 自分のデータのノイズにまで合わせてしまうモデルは、**過学習（overfitting）** の始まりです。09章では、モデルが学習に使っていないデータ（テストデータ）で性能を測ります。

# %% [markdown]
# ## 5. The four jobs of a loss
#
# The E資格 notes [[src:000]] list four reasons a model needs a loss function. You have already seen the first and
# the third:
#
# 1. **Evaluate the model** (モデルのパフォーマンスの評価): one number says how good it is — line A: MSE 1.3128.
# 2. **Drive the optimisation** (パラメータの最適化): training changes the weights in whatever direction makes the loss
#    smaller.
# 3. **Compare models** (適切なモデルの選択): the lower loss wins — B beats A, least squares beats both.
# 4. **Monitor training** (学習の進行状況の監視): watch the loss fall while training; if it stops falling, something needs
#    fixing (the learning rate, the model).
#
# Job 2 in a picture: fix $b = b^*$ and plot the MSE for every slope $w$. The loss is a smooth valley whose bottom is
# the least-squares slope; on either side, the slope of the curve says which way to move $w$ to go downhill.

# %% [markdown] lang="ja"
# ## 5. 損失関数の4つの役割
#
# E資格のまとめ記事 [[src:000]] は、モデルに損失関数が必要な理由を4つ挙げています。1つ目と3つ目はすでに見ました。
#
# 1. **モデルのパフォーマンスの評価**：1つの数値で、モデルがどれだけ良いかがわかります。直線Aの平均二乗誤差は1.3128です。
# 2. **パラメータの最適化**：学習では、損失が小さくなる方向へ重みを変えていきます。
# 3. **適切なモデルの選択**：損失の低いモデルを選びます。BはAに勝ち、最小二乗法の直線は両方に勝ちます。
# 4. **学習の進行状況の監視**：学習中は損失が下がっていくのを見守ります。下がらなくなったら、学習率やモデルなど、どこかを直す必要があります。
#
# 2つ目の役割を図で見てみましょう。$b = b^*$ に固定して、あらゆる傾き $w$ について平均二乗誤差をプロットします。
# 損失はなめらかな谷になり、その底が最小二乗法の傾きです。谷のどちら側にいても、曲線の傾き（微分）が、坂を下るには $w$ をどちらへ動かせばよいかを教えてくれます。

# %%
w_grid = np.linspace(0.5, 3.5, 301)
mse_curve = [line_losses(w, b_best, x, t)[1] for w in w_grid]
fig, ax = plt.subplots()
ax.plot(w_grid, mse_curve, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("MSE (b fixed at b*)", "平均二乗誤差（b = b* に固定）"))
ax.plot([w_best], [line_losses(w_best, b_best, x, t)[1]], "*", color=COLORS["target"], markersize=14, label=tr("least squares", "最小二乗法"))
ax.set(xlabel=tr("slope w (重み)", "傾き w（重み）"), ylabel=tr("MSE", "平均二乗誤差"), title=tr("The loss as a function of a weight", "重みの関数としての損失"))
ax.legend()
plt.show()

# %% [markdown]
# Job 4 in numbers: **gradient descent (勾配降下法)** — chapter 05 — starts from line A and repeatedly nudges $w$ and $b$
# downhill, 0.03 times the slope of the MSE each time. Printing the loss every so often is how you monitor it:

# %% [markdown] lang="ja"
# 4つ目の役割を数値で見てみましょう。**勾配降下法（gradient descent）**（05章）は直線Aから出発し、毎回、平均二乗誤差の勾配（$w$ と $b$ それぞれについての傾き）に0.03を掛けた分だけ、$w$ と $b$ を坂の下へ動かします。
# ときどき損失を表示するのが、学習を監視する方法です。

# %%
w, b, lr = *LINE_A, 0.03
for step in range(301):
    if step in (0, 10, 50, 100, 300):
        print(f"step {step:3d}:  w = {w:.4f}  b = {b:.4f}  MSE = {line_losses(w, b, x, t)[1]:.6f}")
    r = w * x + b - t  # residuals
    w, b = w - lr * 2 * np.mean(r * x), b - lr * 2 * np.mean(r)

# %% [markdown]
# The loss falls quickly, then levels off just above the least-squares value 0.483421: the weights are closing in on
# $w^*, b^*$. Had the loss stopped falling at 1.0, you would know something was wrong.

# %% [markdown] lang="ja"
# 損失はすぐに下がり、そのあと最小二乗法の値0.483421のすぐ上で落ち着きます。重みが $w^*, b^*$ に近づいているのです。
# もし損失が1.0で下がらなくなったら、何かがおかしいとわかります。

# %% [markdown]
# ## 6. Why accuracy cannot be the loss
#
# For classification, the score people care about is **accuracy (認識精度)**: the share of samples classified correctly.
# Why not train on accuracy directly? Take 20 points on a line, 10 of class 0 and 10 of class 1, and the simplest
# classifier with one parameter: *class 1 if x > θ*.

# %% [markdown] lang="ja"
# ## 6. 認識精度を損失関数にできない理由
#
# 分類で人が気にするスコアは **認識精度**、つまり正しく分類できたサンプルの割合です（正解率ともいいます）。
# では、認識精度を直接使って学習すればよいのではないでしょうか。直線上の20個の点（クラス0が10個、クラス1が10個）と、パラメータが1つだけの最も単純な分類器「*x > θ ならクラス1*」で考えてみましょう。

# %%
x_cls, labels = threshold_data()
print("x:     ", np.round(x_cls, 2))
print("labels:", labels)

# %% [markdown]
# Compare accuracy with a loss as θ moves. For the loss, the classifier must say *how sure* it is. Two new words:
#
# * the **sigmoid function** (シグモイド関数) $\sigma(z) = 1/(1 + e^{-z})$ is an S-shaped curve that turns any number
#   into a probability: close to 0 for large negative $z$, 0.5 at $z = 0$, close to 1 for large positive $z$.
#   The classifier predicts the probability of class 1 as $y = \sigma(2(x - θ))$;
# * **binary cross-entropy** (二値交差エントロピー) scores such a probability: a point of class 1 costs $-\log y$, a point
#   of class 0 costs $-\log(1 - y)$, and the loss is the mean over the points. A confident mistake (y near 0 for a
#   point of class 1) costs a lot. Chapter 03 explains this loss in detail.

# %% [markdown] lang="ja"
# θを動かしたときの認識精度と損失関数を比べます。損失関数を使うには、分類器が *どれくらい確信しているか* を答えなければなりません。新しい言葉が2つ出てきます。
#
# * **シグモイド関数（sigmoid function）** $\sigma(z) = 1/(1 + e^{-z})$ はS字形の曲線で、どんな数値も確率に変えます。$z$ が大きな負の数なら0に近く、$z = 0$ で0.5、大きな正の数なら1に近くなります。分類器は、クラス1である確率を $y = \sigma(2(x - θ))$ と予測します。
# * **二値交差エントロピー（binary cross-entropy）** は、そのような確率を採点します。クラス1の点の損失は $-\log y$、クラス0の点の損失は $-\log(1 - y)$ で、全体の損失はそれらを点について平均したものです。確信をもった間違い（クラス1の点で $y$ が0に近い）は大きな損失になります。この損失関数は03章で詳しく説明します。

# %%
thetas = np.linspace(-2.5, 2.5, 1001)
acc = [accuracy(th, x_cls, labels) for th in thetas]
bce = [threshold_loss(th, x_cls, labels) for th in thetas]
print("distinct accuracy values over 1001 thresholds:", len(set(acc)))

# %% [markdown]
# Left: accuracy is a **staircase**. It only changes when θ crosses a data point, and is perfectly flat in between.
# Right: the cross-entropy loss is a **smooth curve** with a clear bottom. The ticks at the bottom mark the data points.

# %% [markdown] lang="ja"
# 左：認識精度は **階段** です。θがデータ点をまたいだときにしか変わらず、そのあいだは完全に平らです。
# 右：交差エントロピー誤差は、はっきりした底をもつ **なめらかな曲線** です。下端の目盛りはデータ点の位置を表します。

# %%
fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(9, 3.4))
ax_acc.plot(thetas, acc, color=COLORS["gradient"])
ax_acc.set(xlabel=tr("threshold θ", "しきい値 θ"), ylabel=tr("accuracy (認識精度)", "認識精度"), title=tr("accuracy: flat steps", "認識精度：平らな階段"))
ax_loss.plot(thetas, bce, color=COLORS["loss"], linestyle=LINESTYLES["loss"])
ax_loss.set(xlabel=tr("threshold θ", "しきい値 θ"), ylabel=tr("cross-entropy loss", "交差エントロピー誤差"), title=tr("loss: smooth, one valley", "損失：なめらかな1つの谷"))
for ax in (ax_acc, ax_loss):
    ax.plot(x_cls, np.full_like(x_cls, ax.get_ylim()[0]), "|", color=COLORS["neutral"], markersize=12)
plt.show()

# %% [markdown]
# Optimisers follow the **slope** (the gradient, 勾配) of the loss. Measure the slope of both curves at θ = 0.3 with a
# small step h: accuracy's slope is exactly 0 — it gives no hint which way to move — while the loss's slope is not.

# %% [markdown] lang="ja"
# 最適化の手法は、損失の **傾き**（勾配、gradient）をたどります。θ = 0.3で、小さな幅 `h` を使って両方の曲線の傾きを測ってみましょう。
# 認識精度の傾きはちょうど0で、どちらへ動けばよいかの手がかりになりません。一方、損失の傾きは0ではありません。

# %%
h = 1e-4
acc_slope = (accuracy(0.3 + h, x_cls, labels) - accuracy(0.3 - h, x_cls, labels)) / (2 * h)
loss_slope = (threshold_loss(0.3 + h, x_cls, labels) - threshold_loss(0.3 - h, x_cls, labels)) / (2 * h)
print(f"slope of accuracy at θ = 0.3: {acc_slope}")
print(f"slope of the loss at θ = 0.3: {loss_slope:.4f}  (positive: move θ left)")

# %% [markdown]
# That is the whole argument: accuracy is **piecewise constant** — its gradient is 0 almost everywhere and undefined
# at the jumps — so gradient-based learning cannot use it. We *train* on a smooth loss and *report* accuracy.

# %% [markdown] lang="ja"
# 議論はこれで全部です。認識精度は **区分的に一定** で、その勾配はほとんどの場所で0、段差のところでは定義されません。
# そのため、勾配を使う学習には使えません。学習にはなめらかな損失関数を *使い*、認識精度は結果として *報告* します。

# %% [markdown]
# ## 7. Which loss for which task?
#
# The articles [[src:000]], [[src:002]] and [[src:003]] agree on this simple rule:
#
# | task | predicts | usual loss | chapter |
# |---|---|---|---|
# | **regression (回帰)** — prices, temperatures, the t of a line | a real number | squared error: SSE, ½·SSE, MSE (2乗和誤差, 平均二乗誤差) | [02](02_sse_mse.ipynb) |
# | **classification (分類)** — digit 0–9, spam or not, S/M/L | a probability per class | cross-entropy (交差エントロピー誤差) | [03](03_cross_entropy.ipynb), [04](04_ce_in_practice.ipynb) |
#
# Minimising the squared error is exactly the least-squares method of section 4 ([[src:003]]: 二乗誤差を最小化するように
# 重みパラメータを決定する手法を最小二乗法と呼びます). Chapter 03 shows why cross-entropy, not squared error, suits probabilities.

# %% [markdown] lang="ja"
# ## 7. タスクに合う損失関数
#
# 記事 [[src:000]]、[[src:002]]、[[src:003]] は、次の単純なルールで一致しています。
#
# | タスク | 予測するもの | よく使う損失関数 | 章 |
# |---|---|---|---|
# | **回帰** — 価格、気温、直線の $t$ | 実数 | 2乗誤差：2乗和誤差、½·2乗和誤差、平均二乗誤差 | [02](02_sse_mse.ipynb) |
# | **分類** — 0〜9の数字、スパムかどうか、S/M/L | クラスごとの確率 | 交差エントロピー誤差（cross-entropy error） | [03](03_cross_entropy.ipynb)、[04](04_ce_in_practice.ipynb) |
#
# 2乗誤差を最小にすることは、4節の最小二乗法そのものです（[[src:003]]：「二乗誤差を最小化するように重みパラメータを決定する手法を最小二乗法と呼びます」）。
# 確率には2乗誤差ではなく交差エントロピー誤差が合う理由は、03章で示します。

# %% [markdown]
# ## 8. Explorer: fit the line yourself
#
# * Move **slope w** and **intercept b**: the orange line, its residuals and the readout follow. Try to beat line B's
#   MSE 1.2420, then get below 0.5.
# * Click the button **least squares: off** to switch the best line (green) and its loss on.
# * **Drag any point** up or down with the mouse: the residuals, the losses, the least-squares line and the map all
#   respond. Drag a point far away and watch how much a single outlier (外れ値) pulls the best line.
#   **reset points** puts them back.
# * Right: the MSE of *every* line as a map (yellow = low). The triangle is your line, the star the best one; click
#   the map to try that line.

# %% [markdown] lang="ja"
# ## 8. エクスプローラー：自分で直線を当てはめる
#
# * **傾き w** と **切片 b** を動かすと、オレンジ色の直線、その残差、表示される値がついてきます。直線Bの平均二乗誤差1.2420を破り、さらに0.5より下を目指してみましょう。
# * ボタン **最小二乗法: オフ** をクリックすると、最良の直線（緑）とその損失が表示されます。
# * マウスで **どの点でも** 上下にドラッグできます。残差、損失、最小二乗法の直線、右のマップがすべて反応します。1つの点を遠くへ動かして、たった1つの外れ値（outlier）が最良の直線をどれだけ引っ張るか見てみましょう。**点を元に戻す** で点は元に戻ります。
# * 右側は、*あらゆる* 直線の平均二乗誤差を表すマップです（黄色ほど低い）。三角形はあなたの直線、星は最良の直線です。マップをクリックすると、その直線を試せます。

# %% tags=["nbval-ignore-output"]
fit = ch01.fit_explorer()
fit

# %% [markdown]
# Driven from code: line B, then the least-squares optimum revealed, then point 19 (the rightmost) dragged down to
# 5, then the points reset.

# %% [markdown] lang="ja"
# コードから動かしてみます。直線Bにしてから最小二乗法の最適解を表示し、点19（いちばん右の点）を5まで下げ、最後に点を元に戻します。

# %%
fit.explorer.set(w=2.5, b=0.2)
print(fit.explorer.readout_text)
fit.explorer.set(best=True)
print(fit.explorer.readout_text)
fit.move_point(19, 5.0)
print(fit.explorer.readout_text)
fit.reset_points()
fit.explorer.set(w=1.0, b=3.0, best=False)

# %% [markdown]
# One moved point dragged the least-squares slope from 2.025 down to 1.745 and tripled the best MSE: squared error
# listens hard to outliers (chapter 02 compares it with gentler losses).

# %% [markdown] lang="ja"
# 1つの点を動かしただけで、最小二乗法の傾きは2.025から1.745に下がり、最良の平均二乗誤差は3倍あまりになりました。
# 2乗誤差は外れ値に強く引っ張られるのです（02章では、もっと穏やかな損失関数と比べます）。

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 01.1.** Section 4's least-squares line won on its own 20 points. Is it also better on *new* points?
# Draw 20 new points from the same source with `x_new, t_new = helpers.data.toy_regression(20, seed=1)` and compute
# the **MSE** of the least-squares line ($w^*$, $b^*$ of section 4) on them, with numpy.

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 01.1** 4節の最小二乗法の直線は、自分の20個の点では勝ちました。では、*新しい* 点でも良いのでしょうか。
# `x_new, t_new = helpers.data.toy_regression(20, seed=1)` で、同じ方法（同じ真の直線とノイズ）で新しい20個の点を作ります。
# 最小二乗法の直線（4節の $w^*$、$b^*$）の、その点での **平均二乗誤差** をnumpyで計算してください。

# %%
answer_01_1 = ...  # your code here
check("01.1", answer_01_1)

# %% tags=["solution"]
x_new, t_new = helpers.data.toy_regression(20, seed=1)
w_ls, b_ls = least_squares(x, t)  # the least-squares line of the original 20 points
answer_01_1 = np.mean((w_ls * x_new + b_ls - t_new) ** 2)
check("01.1", answer_01_1)

# %% [markdown]
# **Exercise 01.2.** Write the report card of a line: `sse_of_line(w, b, x, t)` returns the sum of squared errors of
# the predictions $y = w x + b$ against the targets `t` (lists allowed).

# %% [markdown] lang="ja"
# **演習 01.2** 直線の成績表を書きましょう。`sse_of_line(w, b, x, t)` は、予測 $y = w x + b$ の正解ラベル `t` に対する2乗和誤差を返します（リストも受け付けるようにします）。

# %%
def sse_of_line(w, b, x, t):
    ...  # your code here


check("01.2", sse_of_line)

# %% tags=["solution"]
def sse_of_line(w, b, x, t):
    y = w * np.asarray(x, dtype=float) + b
    return np.sum((y - np.asarray(t)) ** 2)


check("01.2", sse_of_line)

# %% [markdown]
# **Exercise 01.3.** With the classification points `x_cls`, `labels` of section 6: by how much does the accuracy change
# when the threshold moves from θ = 0.30 to θ = 0.35? (Use `accuracy(theta, x_cls, labels)`.)

# %% [markdown] lang="ja"
# **演習 01.3** 6節の分類の点 `x_cls`、`labels` を使います。しきい値をθ = 0.30からθ = 0.35に動かすと、認識精度はどれだけ変わりますか。
# `accuracy(theta, x_cls, labels)` を使ってください。

# %%
answer_01_3 = ...  # your code here
check("01.3", answer_01_3)

# %% tags=["solution"]
answer_01_3 = accuracy(0.35, x_cls, labels) - accuracy(0.30, x_cls, labels)
check("01.3", answer_01_3)

# %% [markdown]
# ## Summary
#
# * Learning = tuning the weights ($w$, $b$ for a line) so the predictions match the correct labels ([[src:003]]).
# * "Which line fits better?" needs one number: the **loss** (損失関数), the model's report card — lower is better
#   ([[src:002]]). On our points: line A MSE 1.3128, line B 1.2420, least squares (最小二乗法) 0.4834.
# * A loss evaluates a model, drives the optimisation, compares models and monitors training ([[src:000]]).
# * Accuracy is a staircase: zero gradient almost everywhere, so it cannot be minimised by following slopes; train on a
#   smooth loss, report accuracy.
# * Regression (回帰) → squared error (chapter 02); classification (分類) → cross-entropy (chapter 03).

# %% [markdown] lang="ja"
# ## まとめ
#
# * 学習とは、予測が正解ラベルに合うようにパラメータ（直線なら重み $w$ とバイアス $b$）を調整することです（[[src:003]]）。
# * 「どちらの直線がよく当てはまるか」を決めるには1つの数値が必要です。それが **損失関数** です。損失関数はモデルの成績表で、値が低いほど良い成績です（[[src:002]]）。ここでの点では、直線Aの平均二乗誤差は1.3128、直線Bは1.2420、最小二乗法の直線は0.4834でした。
# * 損失関数の役割は、モデルの評価、パラメータの最適化、モデルの比較（選択）、学習の監視です（[[src:000]]）。
# * 認識精度は階段です。勾配がほとんどの場所で0なので、傾きをたどって最小化できません。学習にはなめらかな損失関数を使い、認識精度は報告に使います。
# * 回帰には2乗誤差（02章）、分類には交差エントロピー誤差（03章）を使います。

# %% [raw] teacher="en"
# **Objectives.** Learning = tuning weights so predictions match labels (正解ラベル); a loss function (損失関数) turns
# "how wrong" into one number — the model's report card, lower is better; its four jobs (evaluate, drive
# optimisation, compare models, monitor training); why accuracy cannot be the loss; regression → squared error,
# classification → cross-entropy.
#
# **10-minute demo (fit explorer, section 8).** Move the **slope w** and **intercept b** sliders: the residuals
# (dotted) shrink and grow, SSE and MSE update live. Ask the class to get MSE below 1 — then reveal the least-squares
# line (最小二乗法) for comparison. Drag a data point and watch the optimum move. Finish on section 6: the accuracy
# staircase next to the smooth loss — "which of these could you walk downhill on?"
#
# **Misconceptions.** "Accuracy is the natural loss" — it is piecewise constant, so its gradient is 0 almost
# everywhere (exercise 01.3 shows a change of exactly 0). "A smaller SSE always means a better model" — only on the
# same data with the same number of points (that is what MSE's 1/n fixes).
#
# **Discussion.** Two lines have equal SSE: are they equally good? Which of the loss's four jobs matter after the
# model is trained?
#
# **Exercise answers.** 01.1: MSE of the least-squares line on 20 new points (seed 1) = **1.4029**
# (`np.mean((w_ls * x_new + b_ls - t_new) ** 2)`); the true line scores 1.3950 there — the point of the exercise.
# 01.2: `sse_of_line = lambda w, b, x, t: np.sum((w * np.asarray(x, dtype=float) + b - np.asarray(t)) ** 2)`.
# 01.3: **0.0** (no point lies between the two thresholds: accuracy does not move).

# %% [raw] teacher="ja"
# **ねらい。** 学習とは、予測が正解ラベル（correct label）に合うように重みを調整することです。損失関数（loss function）は「どれだけ間違っているか」を1つの数値にします。モデルの成績表であり、小さいほど良い値です。損失関数の4つの役割（評価する、最適化を進める、モデルを比べる、学習を監視する）を学びます。認識精度（accuracy）を損失にできない理由、回帰には2乗誤差、分類には交差エントロピー誤差を使うことも学びます。
#
# **10分間のデモ（8節のフィッティングのエクスプローラー）。** **傾きw** と **切片b** のスライダーを動かすと、残差（点線）が縮んだり伸びたりし、2乗和誤差と平均二乗誤差がその場で更新されます。クラスに平均二乗誤差を1より小さくさせてから、比較のために最小二乗法（least squares）の直線を表示します。データ点を1つドラッグして、最適な直線が動くのを見せます。最後は6節で、認識精度の階段と滑らかな損失を並べて「どちらなら坂を下っていけるでしょうか」と問いかけます。
#
# **よくある誤解。** 「認識精度がいちばん自然な損失だ」：認識精度は区分的に一定なので、その勾配はほとんどいたるところで0です（演習01.3では変化がちょうど0になります）。「2乗和誤差が小さいほど、いつも良いモデルだ」：同じデータ、同じ点の数で比べたときに限ります（平均二乗誤差の1/nは、まさにこれを直すためのものです）。
#
# **話し合いの問い。** 2本の直線の2乗和誤差が等しいとき、2本は同じくらい良いのでしょうか。モデルを学習し終えたあとで意味を持つのは、損失関数の4つの役割のうちどれでしょうか。
#
# **演習の解答。** 01.1: 新しい20点（seed 1）での最小二乗法の直線の平均二乗誤差 = **1.4029**
# （`np.mean((w_ls * x_new + b_ls - t_new) ** 2)`）。真の直線はそこで1.3950になります。これがこの演習のポイントです。
# 01.2: `sse_of_line = lambda w, b, x, t: np.sum((w * np.asarray(x, dtype=float) + b - np.asarray(t)) ** 2)`。
# 01.3: **0.0**（2つのしきい値の間にある点はなく、認識精度は動きません）。
