# %% [markdown]
# # 03 — Cross-entropy error
#
# **What you will learn**
#
# * the cross-entropy error (交差エントロピー誤差) $E = -\sum_k t_k \log y_k$, and why with a one-hot (one-hot表現) target only $-\log y_\text{correct}$ is left;
# * to compute it step by step on the book's MNIST output (`0.510825457099338`) and why the book adds a tiny $\varepsilon = 10^{-7}$ (`delta` in its code) inside the log (対数);
# * binary cross-entropy for two classes (二値分類), its two branches, and the mean over a batch (バッチ);
# * why classification prefers cross-entropy to MSE: as the right class's probability goes to 0, cross-entropy grows without bound while MSE stays small;
# * to drag ten predicted probabilities with the mouse and watch CE, MSE and the $-\log$ curve move together.

# %% [markdown] lang="ja"
# # 03 — 交差エントロピー誤差
#
# **この章で学ぶこと**
#
# * 交差エントロピー誤差（cross-entropy error）$E = -\sum_k t_k \log y_k$ を学びます。正解ラベルがone-hot表現（one-hot representation）なら $-\log y_\text{correct}$ だけが残る理由もわかります。
# * 本のMNISTの出力（`0.510825457099338`）で、一歩ずつ計算します。本が対数の中に小さな $\varepsilon = 10^{-7}$（コードでは `delta`）を足す理由も調べます。
# * 2クラスの分類（二値分類、binary classification）のための二値交差エントロピー（binary cross-entropy）を学びます。$t = 1$ と $t = 0$ の2つの場合と、バッチ（batch）についての平均も学びます。
# * 分類で平均二乗誤差より交差エントロピー誤差が好まれる理由を見ます。正解のクラスの確率が0に近づくと、交差エントロピー誤差は限りなく大きくなりますが、平均二乗誤差は小さいままです。
# * 10個の予測確率をマウスでドラッグして、交差エントロピー誤差、平均二乗誤差、$-\log$ の曲線がいっしょに動く様子を見ます。

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
from helpers.losses import binary_cross_entropy, cross_entropy, mean_squared_error, one_hot
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The formula
#
# A classifier outputs a probability distribution (確率分布) $q$ over the classes: every entry is in $[0, 1]$ and they
# sum to 1. The network's last layer first computes one score per class, any real number; these raw scores are
# called **logits** (ロジット). The **softmax function** (ソフトマックス関数) turns them into probabilities,
# $y_k = e^{a_k} / \sum_j e^{a_j}$ for logits $a_k$ (chapter 04 looks at it closely). The truth is a distribution $p$ too.
# The **cross-entropy** between them is
#
# $$H(p, q) = -\sum_k p_k \log q_k .$$
#
# In the book's notation the network's output is $y$ and the target is $t$ (the correct label, 正解ラベル; the book
# also calls it 教師データ, teacher data):
#
# $$E = -\sum_k t_k \log y_k .$$
#
# $\log$ is the natural logarithm (自然対数, base $e$), `np.log` in numpy. For one sample the target is **one-hot**:
# 1 at the correct class, 0 everywhere else. Multiply by 0 and a term vanishes, so only one term is left:
#
# $$E = -\log y_\text{correct} .$$

# %% [markdown] lang="ja"
# ## 1. 式
#
# 分類のモデルは、クラスについての確率分布（probability distribution）$q$ を出力します。どの要素も $[0, 1]$ の範囲にあり、合計は1です。
# ニューラルネットワークの最後の層は、まずクラスごとに1つずつスコアを計算します。スコアはどんな実数でもかまいません。
# この生のスコアを **ロジット**（logit）と呼びます。
# **ソフトマックス関数**（softmax function）は、ロジット $a_k$ を確率 $y_k = e^{a_k} / \sum_j e^{a_j}$ に変換します（04章で詳しく見ます）。
# 正解も確率分布 $p$ です。この2つの間の **交差エントロピー** は次の式です。
#
# $$H(p, q) = -\sum_k p_k \log q_k .$$
#
# 本の記法では、ニューラルネットワークの出力を $y$、正解ラベル（correct label）を $t$ と書きます。本は $t$ を教師データとも呼びます。
#
# $$E = -\sum_k t_k \log y_k .$$
#
# $\log$ は自然対数（natural logarithm、底は $e$）で、numpyでは `np.log` です。1つのサンプルの正解ラベルは **one-hot表現** です。
# 正解のクラスだけが1で、ほかはすべて0です。0を掛けた項は消えるので、残る項は1つだけです。
#
# $$E = -\log y_\text{correct} .$$

# %% [markdown]
# ### Clothing sizes
# The article [[src:003]] has two models predict a person's clothing size (S, M, L). The correct size is **M**. Model 1 says (0.01, 0.98, 0.01),
# model 2 says (0.25, 0.60, 0.15). Look at the three terms $t_k \log y_k$ of model 1: the S and L terms are zero.

# %% [markdown] lang="ja"
# ### 服のサイズ
#
# 記事 [[src:003]] では、2つのモデルが人の服のサイズ（S、M、L）を予測します。正解のサイズは **M** です。
# モデル1の予測は (0.01, 0.98, 0.01) です。モデル2の予測は (0.25, 0.60, 0.15) です。
# モデル1の3つの項 $t_k \log y_k$ を見てください。SとLの項は0です。

# %%
t_size = np.array([0, 1, 0])  # correct label: M
y_model1 = np.array([0.01, 0.98, 0.01])
y_model2 = np.array([0.25, 0.60, 0.15])
for size, t_k, y_k in zip("SML", t_size, y_model1, strict=True):
    print(f"{size}: t = {t_k}, log y = {np.log(y_k):8.4f}, t * log y = {t_k * np.log(y_k):8.4f}")

# %% [markdown]
# Add the terms and flip the sign. The article rounds to two decimals: **0.02** for model 1 and **0.51** for model 2,
# so model 1 fits better. Only $-\log 0.98$ and $-\log 0.60$ matter; what the wrong sizes got does not.

# %% [markdown] lang="ja"
# 項を足し合わせて、符号を反転します。記事は小数第2位に丸めて、モデル1は **0.02**、モデル2は **0.51** としています。
# つまり、モデル1のほうがよく当てはまっています。効くのは $-\log 0.98$ と $-\log 0.60$ だけで、間違ったサイズにどれだけの確率を与えたかは関係しません。

# %%
for name, y_m in [("model 1", y_model1), ("model 2", y_model2)]:
    loss = -np.sum(t_size * np.log(y_m))
    print(f"{name}: CE = {loss:.2f}   (-log y_correct = {-np.log(y_m[1]):.2f})")

# %% [markdown]
# A ranking, not a grade: a lower cross-entropy means more probability on the right answer. A perfect prediction
# $y_\text{correct} = 1$ gives $-\log 1 = 0$.
#
# **E資格 angle.** A typical question gives an output vector and a one-hot label and asks for the loss. Ignore every
# class but the correct one, take the *natural* log of its probability and flip the sign — $-\ln 0.6 \approx 0.51$.

# %% [markdown] lang="ja"
# 交差エントロピー誤差の値そのものに「何点なら合格」という基準はありません。小さいほど正解により多くの確率を与えているという、比べるための目安です。
# 完全な予測 $y_\text{correct} = 1$ では $-\log 1 = 0$ です。
#
# **E資格対策。** よくある問題は、出力のベクトルとone-hot表現の正解ラベルを与えて、損失を求めさせるものです。
# 正解のクラス以外はすべて無視し、その確率の自然対数（底が $e$ の対数）をとって符号を反転します。$-\ln 0.6 \approx 0.51$ です。

# %% [markdown]
# ## 2. The MNIST example, step by step
#
# The same output as chapter 02: ten probabilities for the digits 0–9, the correct digit is **2**.
# The E資格 notes [[src:000]] follow the book and add a tiny $\varepsilon$ (epsilon) inside the log; the code calls it
# `delta` (section 3 says why).

# %% [markdown] lang="ja"
# ## 2. MNISTの例を一歩ずつ
#
# 02章と同じ出力を使います。0〜9の数字についての10個の確率で、正解の数字は **2** です。
# E資格のまとめ記事 [[src:000]] は本に従って、対数の中に小さな値を足しています。
# この微小値 ε（コードでは delta）を足す理由は、3節で説明します。

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # network output
t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])  # correct label: 2, one-hot
delta = 1e-7

# %% [markdown]
# **Step 1 — $t \cdot \log(y + \varepsilon)$, element by element.** Everything is zero except index 2, which holds
# $\log(0.6 + \varepsilon) \approx -0.51082546$ (without $\varepsilon$, $\log 0.6 = -0.51082562$: section 3 comes back to this
# difference). The zeros print as `-0.`: 0 times a negative number is a *negative* zero in floating point.

# %% [markdown] lang="ja"
# **ステップ1：要素ごとに $t \cdot \log(y + \varepsilon)$ を計算する。** インデックス2以外はすべて0です。
# インデックス2の値は $\log(0.6 + \varepsilon) \approx -0.51082546$ です。
# $\varepsilon$ がなければ $\log 0.6 = -0.51082562$ です（この違いには3節で戻ります）。
# 0は `-0.` と表示されます。浮動小数点数では、0に負の数を掛けると「負の0」になるからです。

# %%
step1 = t * np.log(y + delta)
print("Step 1: t * np.log(y + delta):\n", step1)

# %% [markdown]
# **Step 2 — sum and flip the sign.** This is the result of [[src:000]], digit for digit.

# %% [markdown] lang="ja"
# **ステップ2：足し合わせて、符号を反転する。** これが [[src:000]] の結果と、最後の桁まで同じ値です。

# %%
step2 = -np.sum(step1)
print("Step 2: -np.sum(step1):\n", step2)

# %% [markdown]
# **Final loss — the book's function.** Written exactly as in the book, it returns the same float.

# %% [markdown] lang="ja"
# **最終的な損失：本の関数。** 本とまったく同じに書くと、同じ浮動小数点数を返します。

# %%
def cross_entropy_error(y, t):
    delta = 1e-7  # keeps log away from log(0)
    return -np.sum(t * np.log(y + delta))


print("Final Loss:\n", float(cross_entropy_error(y, t)))

# %% [markdown]
# `helpers.steps.cross_entropy_steps` prints the same three stages, and `helpers.losses.cross_entropy` returns the same number.

# %% [markdown] lang="ja"
# `helpers.steps.cross_entropy_steps` は同じ3つの段階を表示し、`helpers.losses.cross_entropy` は同じ数値を返します。

# %%
print(helpers.steps.cross_entropy_steps(y, t))

# %%
print(cross_entropy(y, t), cross_entropy(y, t) == step2)

# %% [markdown]
# Because only the correct class counts, you can skip the one-hot vector and **index** the correct class directly:
# $-\log(y_2 + \varepsilon)$. `cross_entropy` takes the label `2` instead of `t` for this *index form*.

# %% [markdown] lang="ja"
# 正解のクラスしか効かないので、one-hot表現のベクトルを使わずに、正解のクラスを直接 **インデックスで指定** できます。
# $-\log(y_2 + \varepsilon)$ です。この *インデックス形式* では、`cross_entropy` に `t` の代わりにラベル `2` を渡します。

# %%
print("by index:   ", float(-np.log(y[2] + delta)))
print("helpers:    ", cross_entropy(y, 2))

# %% [markdown]
# ## 3. Why $\varepsilon$ = `delta = 1e-7`?
#
# The logarithm of 0 is $-\infty$: as $y \to 0$, $\log y$ falls without end. numpy returns `-inf` and, by default,
# prints a `RuntimeWarning`. Here we silence that warning on purpose (`np.errstate`) to look at the value itself.

# %% [markdown] lang="ja"
# ## 3. なぜ $\varepsilon$ = `delta = 1e-7` なのか
#
# 0の対数は $-\infty$ です。$y \to 0$ のとき、$\log y$ はどこまでも小さくなります。
# numpyは `-inf` を返し、既定では `RuntimeWarning` を表示します。ここでは値そのものを見るために、わざと警告を止めています（`np.errstate`）。

# %%
with np.errstate(divide="ignore"):  # we want to see log(0) itself, without numpy's warning
    print("log(0) =", np.log(0.0), "   log(1e-7) =", np.log(1e-7))

# %% [markdown]
# Now the trap on **this very y**: four of its entries are exactly 0 (digits 3, 6, 8 and 9).
# Without `delta`, the sum form computes $t_k \log y_k = 0 \cdot (-\infty)$ there, which is `nan` ("not a number"),
# and one `nan` makes the whole sum `nan`. The correct class is fine — it is the *wrong* classes that break it.

# %% [markdown] lang="ja"
# ここで、**まさにこの y** にある落とし穴を見てみましょう。この $y$ には、ちょうど0の要素が4つあります（数字3、6、8、9）。
# `delta` がないと、和の形ではそこで $t_k \log y_k = 0 \cdot (-\infty)$ を計算します。これは `nan`（not a number、「数ではない」）です。
# `nan` が1つでもあると、和全体が `nan` になります。正解のクラスは問題ありません。壊しているのは *間違った* クラスのほうです。

# %%
with np.errstate(divide="ignore", invalid="ignore"):  # log(0) and 0*(-inf) on purpose: the nan is the lesson
    terms = t * np.log(y)
print(terms)
print("sum form without delta:", float(-np.sum(terms)))

# %% [markdown]
# `helpers` shows the same thing with `delta=0` (it silences the warning itself). The index form never touches the
# zero entries, so it gives a clean number — $-\log 0.6$ exactly, slightly different from the book's value in the 7th digit:

# %% [markdown] lang="ja"
# `helpers` で `delta=0` とすると、同じことが起こります（警告は `helpers` 自身が止めます）。
# インデックス形式は0の要素に触れないので、きちんとした数値になります。
# ちょうど $-\log 0.6$ で、本の値とは7桁目が少しだけ違います。

# %%
print("sum form,   delta=0:   ", cross_entropy(y, t, delta=0))
print("index form, delta=0:   ", cross_entropy(y, 2, delta=0))
print("sum form,   delta=1e-7:", cross_entropy(y, t))

# %% [markdown]
# The difference, about $1.7 \times 10^{-7}$, is the price of $\varepsilon$: $\log(0.6 + \varepsilon) - \log 0.6 \approx \varepsilon / 0.6$.
# It also buys something: when the correct class itself gets probability 0, the loss is **capped** at
# $-\log(\varepsilon)$ instead of being infinite.

# %% [markdown] lang="ja"
# この約 $1.7 \times 10^{-7}$ の違いは、$\varepsilon$ を足した代償です。
# $\log(0.6 + \varepsilon) - \log 0.6 \approx \varepsilon / 0.6$ だからです。
# その代わりに得るものもあります。正解のクラスそのものの確率が0のとき、損失は無限大にならず、$-\log(\varepsilon)$ で **頭打ち** になります。

# %%
print("cap -log(1e-7)          =", float(-np.log(1e-7)))
print("cross_entropy([1, 0], 1) =", cross_entropy([1.0, 0.0], 1))  # correct class 1 has probability 0

# %% [markdown]
# ### Another source uses `1e-15`
# The article [[src:001]] adds `1e-15` instead of `1e-7`. Nothing changes in the idea, only the numbers: the cap rises to
# $-\log(10^{-15}) \approx 34.5$ and the bias on ordinary values shrinks to about $10^{-15}$.

# %% [markdown] lang="ja"
# ### `1e-15` を使う文献もある
#
# 記事 [[src:001]] は、`1e-7` ではなく `1e-15` を足しています。考え方は変わらず、数値だけが変わります。
# 上限は $-\log(10^{-15}) \approx 34.5$ に上がり、ふつうの値に対するずれは約 $10^{-15}$ に小さくなります。

# %%
for d in (1e-7, 1e-15):
    print(f"delta = {d:g}: cap = {cross_entropy([1.0, 0.0], 1, delta=d)!r:20}  CE on the book's y = {cross_entropy(y, t, delta=d)!r}")

# %% [markdown]
# Two cautions for exams and practice. $\varepsilon$ is a *safety net*, not part of the definition: the true value
# here is $-\log 0.6$. And the size of $\varepsilon$ must suit the number format. Deep-learning frameworks often
# compute in 32-bit floats (`float32`, about 7 significant digits). There `1e-15` is too small to change a
# probability that is not tiny: in float32, $1 - 10^{-15}$ is exactly 1. So **clipping** the probabilities into
# $[10^{-15}, 1 - 10^{-15}]$ does nothing at the top: with $p = 1$, $\log(1 - \text{clip}(p))$ still meets $\log 0$.
# (Adding the constant *after* the subtraction is safe: $1 - p$ is exactly 0, and $\log(0 + 10^{-15}) \approx -34.54$.)
# Chapter 04 shows this, a clipping bound that float32 can hold, and the frameworks' real answer: compute the loss
# from the logits.
#
# **E資格 angle.** "Why does the implementation add a tiny value such as `1e-7` inside `np.log`?" — to avoid
# $\log 0 = -\infty$ (and `nan` from $0 \cdot \log 0$) when a probability is exactly 0; it caps one sample's loss at $-\log\varepsilon$.

# %% [markdown] lang="ja"
# 試験と実践のために、注意点が2つあります。まず、$\varepsilon$ は *安全網* であって、定義の一部ではありません。ここでの本当の値は $-\log 0.6$ です。
# 次に、$\varepsilon$ の大きさは数値の形式に合っていなければなりません。
# 深層学習のフレームワークは、32ビットの浮動小数点数（`float32`、有効数字は約7桁）で計算することがよくあります。
# そこでは `1e-15` は小さすぎて、ごく小さな確率でない限り、足しても値が変わりません。float32では、$1 - 10^{-15}$ はちょうど1です。
# そのため、確率を $[10^{-15}, 1 - 10^{-15}]$ に **クリッピング** しても、上の端では何も起こりません。
# $p = 1$ のとき、$\log(1 - \text{clip}(p))$ はやはり $\log 0$ にぶつかります。
# 一方、引き算の *あと* に定数を足すなら安全です。$1 - p$ はちょうど0で、$\log(0 + 10^{-15}) \approx -34.54$ になります。
# 04章では、このことと、float32でも表せるクリッピングの境界を示します。さらに、フレームワークが実際にとっている解決策も示します。ロジットから損失を計算する方法です。
#
# **E資格対策。** 「実装で `np.log` の中に `1e-7` のような小さな値を足すのはなぜか」という問いの答えはこうです。
# 確率がちょうど0のときに、$\log 0 = -\infty$（と $0 \cdot \log 0$ による `nan`）を避けるためです。1つのサンプルの損失は $-\log\varepsilon$ で頭打ちになります。

# %% [markdown]
# ## 4. Binary cross-entropy (二値交差エントロピー)
#
# With two classes (binary classification, 二値分類) and the target $t = (1, 0)$ (class 1 is right), the E資格 notes
# [[src:000]] plot the loss for a prediction $(p, 1 - p)$ with $p = 0.01, 0.02, \dots, 0.99$. Only the first term
# survives, so the curve is $-\log(p + \varepsilon)$.

# %% [markdown] lang="ja"
# ## 4. 二値交差エントロピー
#
# 2クラスの場合（二値分類、binary classification）を考えます。
# 正解ラベルが $t = (1, 0)$（クラス1が正解）のとき、E資格のまとめ記事 [[src:000]] は損失をグラフにしています。
# 予測は $(p, 1 - p)$ で、$p = 0.01, 0.02, \dots, 0.99$ です。残るのは最初の項だけなので、曲線は $-\log(p + \varepsilon)$ です。

# %%
y_true = np.array([1, 0])
predictions = np.arange(0.01, 1, 0.01)
errors = [cross_entropy(np.array([p, 1 - p]), y_true) for p in predictions]
print(len(predictions), "predictions; loss at p = 0.01:", round(errors[0], 4), " at p = 0.99:", round(errors[-1], 4))

# %% [markdown]
# The plot: the loss is near 0 when the prediction for class 1 is close to 1, and grows very fast as it approaches 0 —
# a confident wrong answer costs far more than an unsure one.

# %% [markdown] lang="ja"
# グラフを見ると、クラス1の予測が1に近いとき損失はほぼ0で、0に近づくにつれてとても速く大きくなります。
# 自信をもって間違えると、迷って間違えるよりずっと大きな損失になるのです。

# %%
fig, ax = plt.subplots()
ax.plot(predictions, errors, color=COLORS["loss"], linestyle=LINESTYLES["loss"])
ax.set(xlabel=tr("prediction for class 1 (p)", "クラス1の予測 (p)"), ylabel=tr("cross-entropy error", "交差エントロピー誤差"))
ax.set_title(tr("Binary classification, target t = (1, 0)", "2クラス分類、正解ラベル t = (1, 0)"))
plt.show()

# %% [markdown]
# The articles [[src:001]] and [[src:002]] write the two-class case with **one** number, with $y \in \{0, 1\}$ for the
# label. For the predicted probability of class 1, [[src:001]] writes $p$ — $-\bigl(y \log p + (1 - y) \log(1 - p)\bigr)$ —
# and [[src:002]] writes $\hat y$ (below). In this course's letters — $y$ the predicted probability of class 1, $t \in \{0, 1\}$ the target — that is
#
# $$E = -\bigl(t \log y + (1 - t) \log(1 - y)\bigr).$$
#
# When $t = 1$ only $-\log y$ is left; when $t = 0$ only $-\log(1 - y)$. The plot shows both branches: each
# punishes the probability that moves away from its target. `helpers.binary_cross_entropy(y_pred, y_true)` computes
# it (prediction first, target second).

# %% [markdown] lang="ja"
# 記事 [[src:001]] と [[src:002]] は、2クラスの場合を **1つの** 数で書き、ラベルを $y \in \{0, 1\}$ としています。
# [[src:001]] はクラス1の予測確率を $p$ と書き、$-\bigl(y \log p + (1 - y) \log(1 - p)\bigr)$ としています。
# [[src:002]] はこれを $\hat y$ と書いています（後述）。
# このコースの文字（$y$ はクラス1の予測確率、$t \in \{0, 1\}$ は正解ラベル）で書くと、次の式になります。
#
# $$E = -\bigl(t \log y + (1 - t) \log(1 - y)\bigr).$$
#
# $t = 1$ のときは $-\log y$ だけが、$t = 0$ のときは $-\log(1 - y)$ だけが残ります。
# グラフには両方の場合を描きました。どちらの曲線も、正解ラベルから離れていく確率を罰します。
# `helpers.binary_cross_entropy(y_pred, y_true)` がこれを計算します（予測が先、正解ラベルがあとです）。

# %%
p_grid = np.linspace(0.001, 0.999, 400)
fig, ax = plt.subplots()
for label, role in [(1, "loss"), (0, "gradient")]:
    curve = [binary_cross_entropy(p, label) for p in p_grid]
    ax.plot(p_grid, curve, color=COLORS[role], linestyle=LINESTYLES[role], label=f"t = {label}:  −log({'y' if label else '1 − y'})")
ax.set(xlabel=tr("y = predicted probability of class 1", "y = クラス1の予測確率"), ylabel=tr("loss", "損失"), ylim=(0, 5))
ax.set_title(tr("Both branches (二値交差エントロピー)", "二値交差エントロピーの2つの枝"))
ax.legend(loc="upper center")
plt.show()

# %% [markdown]
# The binary example of [[src:001]]: prediction (0.8, 0.2), target (1, 0), with its `1e-15`. As a two-class one-hot
# sum and as binary cross-entropy with $y = 0.8$, $t = 1$ it is the same number, $-\log 0.8 \approx 0.2231$.

# %% [markdown] lang="ja"
# [[src:001]] の2クラスの例です。予測は (0.8, 0.2)、正解ラベルは (1, 0) で、`1e-15` を使います。
# 2クラスのone-hot表現の和としても、$y = 0.8$、$t = 1$ の二値交差エントロピーとしても、同じ数値 $-\log 0.8 \approx 0.2231$ になります。

# %%
print("article's code:", float(-np.sum(np.array([1, 0]) * np.log(np.array([0.8, 0.2]) + 1e-15))))
print("one-hot sum:   ", cross_entropy([0.8, 0.2], [1, 0], delta=1e-15))
print("binary CE:     ", binary_cross_entropy(0.8, 1, delta=1e-15))

# %% [markdown]
# For a batch of $N$ binary predictions, [[src:002]] averages (it writes $\hat y_i$ for the prediction and $y_i$ for
# the label; here in the course's letters): $\text{BCE} = -\frac{1}{N}\sum_i \bigl[t_i \log y_i + (1 - t_i)\log(1 - y_i)\bigr]$.
# Each sample uses whichever branch its target picks:

# %% [markdown] lang="ja"
# $N$ 個の2クラスの予測からなるバッチについて、[[src:002]] は平均をとります（予測を $\hat y_i$、ラベルを $y_i$ と書いていますが、ここではこのコースの文字にします）。
# $\text{BCE} = -\frac{1}{N}\sum_i \bigl[t_i \log y_i + (1 - t_i)\log(1 - y_i)\bigr]$ です。
# 各サンプルでは、正解ラベルに応じて、どちらか一方の項だけが使われます。

# %%
p_batch = np.array([0.8, 0.3, 0.9, 0.4])
labels_batch = np.array([1, 0, 1, 1])
by_hand = -np.mean(np.where(labels_batch == 1, np.log(p_batch), np.log(1 - p_batch)))
print(float(by_hand), binary_cross_entropy(p_batch, labels_batch, delta=0))

# %% [markdown]
# ## 5. More classes (多クラス分類)
#
# The three-class example of [[src:001]]: prediction (0.2, 0.7, 0.1), class 1 is right. The loss is $-\log 0.7 \approx 0.3567$.

# %% [markdown] lang="ja"
# ## 5. もっと多くのクラス（多クラス分類）
#
# [[src:001]] の3クラスの例です。予測は (0.2, 0.7, 0.1) で、クラス1が正解です。損失は $-\log 0.7 \approx 0.3567$ です。

# %%
print("article's code:", float(-np.sum(np.array([0, 1, 0]) * np.log(np.array([0.2, 0.7, 0.1]) + 1e-15))))
print("helpers:       ", cross_entropy([0.2, 0.7, 0.1], [0, 1, 0], delta=1e-15))

# %% [markdown]
# [[src:004]] (following the book) compares two MNIST-style outputs, digit 2 correct. In sample 1 the network gives
# digit 2 a probability of 0.99; in sample 2 only 0.2 (it prefers 9). The first loss is near 0, the second is 160 times larger.

# %% [markdown] lang="ja"
# [[src:004]] は本に従って、MNIST風の2つの出力を比べています。正解は数字2です。
# サンプル1では、ネットワークは数字2に0.99の確率を与えています。サンプル2では0.2しか与えていません（9のほうを有力とみています）。
# 1つ目の損失はほぼ0で、2つ目はその160倍です。

# %%
t4 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y_sure = [0.1, 0.01, 0.99, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]
y_wrong = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
print("sample 1 (digit 2 at 0.99):", cross_entropy(y_sure, t4))
print("sample 2 (digit 2 at 0.2): ", cross_entropy(y_wrong, t4))

# %% [markdown]
# Note that these made-up vectors sum to 1.46 and 1.13, not 1. Cross-entropy reads only $y_\text{correct}$, so it does
# not notice; a real softmax output always sums to 1. Compare chapter 02, where squared error looked at every entry.

# %% [markdown] lang="ja"
# この作られたベクトルは、合計が1ではなく1.46と1.13になっていることに注意してください。
# 交差エントロピー誤差は $y_\text{correct}$ しか読まないので、このことに気づきません。本物のソフトマックス関数の出力なら、合計は必ず1です。
# 02章の2乗誤差が、すべての要素を見ていたことと比べてみましょう。

# %%
print(round(sum(y_sure), 2), round(sum(y_wrong), 2))

# %% [markdown]
# ## 6. A batch (バッチ): the mean over N samples
#
# For $N$ samples with one-hot targets $t_{nk}$, the loss is the mean of the per-sample losses:
#
# $$E = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k} t_{nk} \log y_{nk} .$$
#
# Dividing by $N$ makes the loss independent of the batch size (ミニバッチ). Three samples: the book's output and
# the two of section 5, with correct labels 2, 2 and 9. Note the third label: in section 5 the correct digit of
# `y_wrong` was 2; here we give it label **9**, the digit it favours (0.5), so that the batch has two different labels.

# %% [markdown] lang="ja"
# ## 6. バッチ：N個のサンプルについての平均
#
# one-hot表現の正解ラベル $t_{nk}$ をもつ $N$ 個のサンプルについて、損失はサンプルごとの損失の平均、つまりバッチ平均（batch mean）です。
#
# $$E = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k} t_{nk} \log y_{nk} .$$
#
# $N$ で割ることで、損失の大きさがバッチサイズ（batch size）によらなくなります。05章のミニバッチ学習で大事になる性質です。
# 3つのサンプルを使います。本の出力と5節の2つで、正解ラベルは2、2、9です。
# 3つ目のラベルに注意してください。5節では `y_wrong` の正解の数字は2でした。
# ここでは、バッチに2種類のラベルが入るように、`y_wrong` が有力とみている数字（0.5）である **9** をラベルにしています。

# %%
Y = np.array([y, y_sure, y_wrong])
labels = np.array([2, 2, 9])
T = one_hot(labels, 10)
print(T)

# %% [markdown]
# **One-hot form** — the sum over all $N \times K$ entries, divided by $N$:

# %% [markdown] lang="ja"
# **one-hot形式**：$N \times K$ 個の要素すべてについて和をとり、$N$ で割ります。

# %%
onehot_form = float(-np.sum(T * np.log(Y + delta)) / len(Y))
print(onehot_form, cross_entropy(Y, T))

# %% [markdown]
# **Label-index form** — the book's batch trick: `Y[np.arange(N), labels]` picks each row's correct-class probability.

# %% [markdown] lang="ja"
# **ラベルのインデックス形式**：本のバッチ向けの工夫です。`Y[np.arange(N), labels]` は、各行の正解クラスの確率を取り出します。

# %%
picked = Y[np.arange(len(Y)), labels]
print("picked y_correct:", picked)
index_form = float(-np.sum(np.log(picked + delta)) / len(Y))
print(index_form, cross_entropy(Y, labels), index_form == onehot_form)

# %% [markdown]
# Same number both ways. E資格 questions like this fancy indexing: `y[np.arange(batch_size), t]` with integer labels `t`.

# %% [markdown] lang="ja"
# どちらの方法でも同じ数値です。E資格では、このようなファンシーインデックス（fancy indexing）がよく出ます。整数のラベル `t` を使った `y[np.arange(batch_size), t]` です。

# %% [markdown]
# ## 7. Cross-entropy vs MSE as the right class's probability goes to 0
#
# Take the book's output, move the correct class's probability $y_\text{correct}$ from 1 down towards 0 and let the
# other nine share the rest in their old proportions (`helpers.distributions.set_probability`).

# %% [markdown] lang="ja"
# ## 7. 正解のクラスの確率が0に近づくときの交差エントロピー誤差と平均二乗誤差
#
# 本の出力を使い、正解のクラスの確率 $y_\text{correct}$ を1から0に向かって動かします。
# ほかの9つのクラスは、残りを元の比率で分け合います（`helpers.distributions.set_probability`）。

# %%
from helpers.distributions import set_probability

for p in (0.6, 0.1, 0.01, 0.0):
    y_p = set_probability(y, 2, p)
    print(f"y_correct = {p:<5}  CE = {cross_entropy(y_p, t):8.4f}   MSE = {mean_squared_error(y_p, t):.4f}")

# %% [markdown]
# The plot uses a logarithmic x axis to reach $y_\text{correct} = 10^{-12}$. Without `delta`, cross-entropy
# $-\log y_\text{correct}$ keeps rising in a straight line, without limit; with `delta = 1e-7` it levels off at the cap 16.1.
# MSE (right axis, on a scale 100 times finer) levels off near 0.12 and can never pass 0.2.

# %% [markdown] lang="ja"
# グラフは、$y_\text{correct} = 10^{-12}$ まで描くために、横軸を対数目盛にしています。
# `delta` がないと、交差エントロピー誤差 $-\log y_\text{correct}$ は直線的に、限りなく増え続けます。`delta = 1e-7` があると、上限の16.1で平らになります。
# 平均二乗誤差（右の軸、目盛りは100倍細かい）は0.12の近くで平らになり、0.2を超えることはありません。

# %%
p_log = np.logspace(-12, 0, 200)
y_path = [set_probability(y, 2, float(p)) for p in p_log]
ce_no_delta = [cross_entropy(v, 2, delta=0) for v in y_path]  # index form: -log y_correct, no cap
ce_book = [cross_entropy(v, t) for v in y_path]  # the book's form, delta = 1e-7
mse_path = [mean_squared_error(v, t) for v in y_path]

# %%
fig, ax = plt.subplots(figsize=(7.2, 3.8))
ax.plot(p_log, ce_no_delta, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("CE, delta = 0", "交差エントロピー誤差、delta = 0"))
ax.plot(p_log, ce_book, color=COLORS["other"], linestyle=LINESTYLES["other"], label=tr("CE, delta = 1e-7", "交差エントロピー誤差、delta = 1e-7"))
ax.text(2e-12, 15.3, tr("cap −log(1e-7) = 16.1", "上限 −log(1e-7) = 16.1"), color=COLORS["other"], va="top")
ax2 = ax.twinx()
ax2.plot(p_log, mse_path, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label=tr("MSE (right axis)", "平均二乗誤差（右の軸）"))
ax.set(xscale="log", xlabel=tr("y_correct (log scale)", "y_correct（対数目盛り）"), ylabel=tr("cross-entropy", "交差エントロピー誤差"), ylim=(0, 30))
ax.set_title(tr("CE grows without bound, MSE saturates (交差エントロピー vs 平均二乗誤差)", "交差エントロピー誤差は限りなく増え、平均二乗誤差は頭打ち"))
ax2.set(ylabel=tr("MSE", "平均二乗誤差"), ylim=(0, 0.3))
ax2.spines["right"].set_visible(True)
ax2.grid(False)
fig.legend(loc="upper right", bbox_to_anchor=(0.88, 0.88))
plt.show()

# %% [markdown]
# Why it matters for learning: the slope of $-\log y$ is $-1/y$, so the worse the prediction, the harder
# cross-entropy pushes. MSE's push stays bounded, and through a softmax or sigmoid it even fades when the output is
# confidently wrong. Chapter 02's explorer showed MSE staying below 0.2 however low the right class went; this is the
# other side of that observation. (Chapter 06 shows that softmax + cross-entropy gives the simple gradient $y - t$.)

# %% [markdown] lang="ja"
# これが学習にとって大事な理由はこうです。$-\log y$ の傾きは $-1/y$ なので、予測が悪いほど、交差エントロピー誤差は予測を強く押し戻します。
# 平均二乗誤差が押し戻す力には上限があります。
# さらにソフトマックス関数やシグモイド関数を通すと、自信をもって間違えているときほど、その力はかえって弱まってしまいます。
# 02章のエクスプローラーでは、正解のクラスの確率をどれだけ下げても、平均二乗誤差は0.2未満のままでした。ここで見たのは、その観察の裏側です。
# （06章では、ソフトマックス関数と交差エントロピー誤差を組み合わせると、勾配が $y - t$ という簡単な形になることを示します。）

# %% [markdown]
# ## 8. Explorer: drag the ten probabilities
#
# **Drag a bar** up or down with the mouse: that class's probability follows the cursor and the other nine rescale so
# the ten still sum to 1. Keyboard alternative: pick the bar with the **class to move** slider, then use the **probability** slider
# (click a handle or Tab to it, then press ← or →).
# Middle: the marker rides the curve $-\log y_\text{correct}$ (values above 6 are pinned to the top edge).
# Right: the MSE along the same path, bounded by 0.2. Try: drag digit 9 up to 0.9; then drag digit 2 to 0.
# (Each arrow key press moves the probability by 0.01; dragging a slider handle with the mouse applies when you let go.)

# %% [markdown] lang="ja"
# ## 8. エクスプローラー：10個の確率をドラッグする
#
# マウスで **棒を上下にドラッグ** してください。そのクラスの確率がカーソルについて動き、ほかの9つは合計が1のままになるように拡大・縮小されます。
# キーボードで操作するときは、**動かすクラス** スライダーで棒を選び、**確率** スライダーを使います（つまみをクリックするかTabキーで移動し、←または→を押します）。
# 中央のグラフでは、印が曲線 $-\log y_\text{correct}$ の上を動きます（6を超える値は上端に固定して表示します）。
# 右のグラフは、同じ動きに沿った平均二乗誤差で、0.2が上限です。数字9を0.9まで上げてから、数字2を0まで下げてみましょう。
# （矢印キーを1回押すと、確率が0.01動きます。スライダーのつまみをマウスでドラッグしたときは、離したときに反映されます。）

# %% tags=["nbval-ignore-output"]
bars = helpers.explorers.ch03.bars_explorer(y, correct=2)
bars

# %% [markdown]
# Driven from code — what a drag does. Start: the book's values. Then digit 9 to 0.9, then digit 2 to 0:
# CE reaches the cap 16.1 while MSE is still below 0.2. The bars always sum to 1.

# %% [markdown] lang="ja"
# コードから動かします。ドラッグでしていることと同じです。最初は本の値です。次に数字9を0.9にし、続いて数字2を0にします。
# 交差エントロピー誤差は上限の16.1に達しますが、平均二乗誤差はまだ0.2未満です。棒の合計は常に1です。

# %%
print(bars.readout_text)
bars.move(9, 0.9)
print(bars.readout_text)
bars.move(2, 0.0)
print(bars.readout_text)

# %% [markdown]
# Moving the bars back one by one would not restore the book's values (each move rescales the others), so
# `reset()` puts them back before you play with the explorer yourself:

# %% [markdown] lang="ja"
# 棒を1本ずつ元に戻しても、本の値には戻りません（動かすたびに、ほかの棒が拡大・縮小されるからです）。
# そこで、自分でエクスプローラーを試す前に、`reset()` で元に戻します。

# %%
bars.reset()
print(bars.readout_text)

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 03.1.** The clothing-size model 2 of section 1 predicts (S, M, L) = (0.25, 0.60, 0.15); the correct size is L this time.
# Compute its cross-entropy error with numpy (with or without $\varepsilon$).

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 03.1** 1節の服のサイズのモデル2の予測は、S = 0.25、M = 0.60、L = 0.15 でした。今回は正解のサイズをLとします。
# その交差エントロピー誤差をnumpyで計算してください（$\varepsilon$ の有無は問いません）。

# %%
answer_03_1 = ...  # your code here
check("03.1", answer_03_1)

# %% tags=["solution"]
answer_03_1 = -np.sum(np.array([0, 0, 1]) * np.log(np.array([0.25, 0.60, 0.15]) + 1e-7))
check("03.1", answer_03_1)

# %% [markdown]
# **Exercise 03.2.** Write `batch_cross_entropy(y_pred, labels)`: the mean cross-entropy of a batch `(N, K)` with
# **integer labels** `(N,)`, using the label-index form and $\varepsilon$ = `1e-7`.

# %% [markdown] lang="ja"
# **演習 03.2** `batch_cross_entropy(y_pred, labels)` を書いてください。
# 形状 `(N, K)` のバッチと形状 `(N,)` の **整数のラベル** について、交差エントロピー誤差の平均を返す関数です。ラベルのインデックス形式と、$\varepsilon$ = `1e-7` を使います。

# %%
def batch_cross_entropy(y_pred, labels):
    ...  # your code here


check("03.2", batch_cross_entropy)

# %% tags=["solution"]
def batch_cross_entropy(y_pred, labels):
    y_pred = np.asarray(y_pred)
    n = y_pred.shape[0]
    return -np.sum(np.log(y_pred[np.arange(n), labels] + 1e-7)) / n


check("03.2", batch_cross_entropy)

# %% [markdown]
# **Exercise 03.3 (E資格 style).** A network outputs probability exactly 0 for the correct class of a sample.
# Which statement about `-np.sum(t * np.log(y + 1e-7))` is true? Answer with a letter.
#
# * (a) the loss is `inf`, and training stops
# * (b) the loss is `nan`, because $0 \cdot \log 0$ appears
# * (c) the loss is about 16.1, because `delta` caps it at $-\log(10^{-7})$
# * (d) the loss is 0, because the one-hot target removes that term

# %% [markdown] lang="ja"
# **演習 03.3（E資格形式）** あるサンプルで、ニューラルネットワークが正解のクラスにちょうど0の確率を出力しました。
# `-np.sum(t * np.log(y + 1e-7))` についての記述として、正しいものはどれですか。記号で答えてください。
#
# * (a) 損失は `inf` になり、学習が止まる
# * (b) $0 \cdot \log 0$ が現れるので、損失は `nan` になる
# * (c) `delta` が $-\log(10^{-7})$ で頭打ちにするので、損失は約16.1になる
# * (d) one-hot表現の正解ラベルがその項を消すので、損失は0になる

# %%
answer_03_3 = ...  # your answer: "a", "b", "c" or "d"
check("03.3", answer_03_3)

# %% tags=["solution"]
answer_03_3 = "c"
check("03.3", answer_03_3)

# %% [markdown]
# ## Summary
#
# * Cross-entropy error $E = -\sum_k t_k \log y_k$; with a one-hot target only $-\log y_\text{correct}$ survives (S/M/L: 0.02 vs 0.51).
# * On the book's output: Step 1 has −0.51082546 at index 2, the loss is `0.510825457099338`; the index form with labels gives the same.
# * $\varepsilon$ = `delta = 1e-7` prevents $\log 0 = -\infty$: without it the sum form gives `nan` on this very $y$ ($0 \cdot \log 0$), the index form $-\log 0.6 = 0.5108256237659907$; the loss is capped at $-\log(10^{-7}) = 16.118$ (with `1e-15`: 34.5).
# * Binary CE $-(t\log y + (1-t)\log(1-y))$ has two branches; for a batch, average over $N$ — one-hot and label forms agree.
# * As $y_\text{correct} \to 0$, cross-entropy grows without bound while MSE stays below 0.2: a confident mistake is punished hard.
#
# **Key terms**
#
# | English | 日本語 |
# |---|---|
# | cross-entropy error | 交差エントロピー誤差 |
# | correct label | 正解ラベル |
# | one-hot representation | one-hot表現 |
# | (natural) logarithm | (自然)対数 |
# | softmax function | ソフトマックス関数 |
# | binary / multi-class classification | 二値分類 / 多クラス分類 |
# | batch, mini-batch | バッチ, ミニバッチ |

# %% [markdown] lang="ja"
# ## まとめ
#
# * 交差エントロピー誤差は $E = -\sum_k t_k \log y_k$ です。正解ラベルがone-hot表現なら、$-\log y_\text{correct}$ だけが残ります（S/M/Lの例では0.02対0.51）。
# * 本の出力では、ステップ1のインデックス2の値は−0.51082546で、損失は `0.510825457099338` です。ラベルを使うインデックス形式でも同じ値になります。
# * $\varepsilon$ = `delta = 1e-7` は $\log 0 = -\infty$ を防ぎます。$\varepsilon$ がないと、まさにこの $y$ で和の形は `nan` になります（$0 \cdot \log 0$）。インデックス形式なら $-\log 0.6 = 0.5108256237659907$ です。損失は $-\log(10^{-7}) = 16.118$ で頭打ちになります（`1e-15` なら34.5）。
# * 二値交差エントロピー $-(t\log y + (1-t)\log(1-y))$ には $t = 1$ と $t = 0$ の2つの場合があります。バッチでは $N$ について平均します。one-hot形式とラベルの形式は一致します。
# * $y_\text{correct} \to 0$ のとき、交差エントロピー誤差は限りなく大きくなりますが、平均二乗誤差は0.2未満のままです。自信をもった間違いは強く罰せられます。
#
# **主な用語**
#
# | 日本語 | English |
# |---|---|
# | 交差エントロピー誤差 | cross-entropy error |
# | 正解ラベル | correct label |
# | one-hot表現 | one-hot representation |
# | （自然）対数 | (natural) logarithm |
# | ソフトマックス関数 | softmax function |
# | 二値分類 / 多クラス分類 | binary / multi-class classification |
# | バッチ、ミニバッチ | batch, mini-batch |

# %% [raw] teacher="en"
# **Objectives.** H(p, q) = −Σ p log q; with one-hot t only −log y_correct survives (交差エントロピー誤差); the E資格 notes'
# steps to `0.510825457099338`; why ε = `delta` = 1e-7 (log 0 = −inf; the sum form gives nan on this very y, the index form
# 0.5108256237659907; the cap −log 1e-7 = 16.118); binary cross-entropy and its two branches; batch mean; CE vs MSE
# as the right class's probability → 0.
#
# **10-minute demo (bars explorer, section 8).** Drag the bar of the correct class (orange) down towards 0: the point
# on the −log y curve climbs without bound, while MSE flattens — CE punishes confident mistakes, MSE saturates. Then run the
# `np.log(0)` cell and show the `-inf`, and the nan of `0 * np.log(0)`.
#
# **Misconceptions.** See [ε in the log](#2-ε-the-codes-delta-inside-the-log). Also: "cross-entropy looks at every class" — with a
# one-hot target only the correct class's probability counts; the others matter only through the softmax's sum to 1.
# "log is log10" — numpy's `np.log` is the natural log; all values in the course use it.
#
# **Discussion.** Why is an unbounded loss a good thing for classification — and when is it a problem (label noise,
# chapter 04)? The article 「交差エントロピー損失について」 uses 1e-15 instead of 1e-7: what changes?
#
# **Exercise answers.** 03.1: clothing sizes, correct L, model 2 (0.25, 0.60, 0.15): **1.8971** (−log(0.15 + 1e-7);
# `np.log10` gives 0.8239, a typical slip with its own hint). 03.2:
# `batch_cross_entropy = lambda y_pred, labels: -np.sum(np.log(np.asarray(y_pred)[np.arange(len(labels)), labels] + 1e-7)) / len(labels)`.
# 03.3: **c** (the cap −log(1e-7) ≈ 16.12).

# %% [raw] teacher="ja"
# **ねらい。**
#
# * H(p, q) = −Σ p log q です。正解ラベルがone-hot表現（one-hot representation）なら、残るのは −log y_correct だけです。これが交差エントロピー誤差（cross-entropy error）です。
# * E資格のまとめ記事の手順で `0.510825457099338` まで計算します。
# * ε = `delta` = 1e-7を使う理由を学びます。log 0 = −inf です。和の形ではまさにこの例でnanになり、インデックスの形では0.5108256237659907になります。上限は −log 1e-7 = 16.118です。
# * 二値交差エントロピー（binary cross-entropy）とその2つの分岐、バッチの平均を扱います。
# * 正解クラスの確率が0に近づくとき、交差エントロピー誤差と平均二乗誤差がどう違うかを見ます。
#
# **10分間のデモ（8節の棒グラフのエクスプローラー）。** 正解クラスの棒（オレンジ）を0に向けて下へドラッグします。−log y の曲線上の点は限りなく上がっていき、平均二乗誤差は平らになります。交差エントロピー誤差は自信のある間違いを厳しく罰し、平均二乗誤差は飽和します。続けて `np.log(0)` のセルを実行して `-inf` を見せ、`0 * np.log(0)` のnanも見せます。
#
# **よくある誤解。** [logの中のε](#2-εコードのdeltaをlogの中に入れる) を見てください。ほかに、「交差エントロピー誤差はすべてのクラスを見ている」：
# one-hot表現の正解ラベルでは、正解クラスの確率だけが効きます。ほかのクラスは、ソフトマックス関数の和が1になることを通してしか効きません。「logはlog10だ」：numpyの `np.log` は自然対数です。コースの値はすべて自然対数を使っています。
#
# **話し合いの問い。** 上限のない損失が分類で良いのはなぜでしょうか。そして、それが問題になるのはどんなときでしょうか（ラベルの誤り、
# 04章）。記事「交差エントロピー損失について」は1e-7の代わりに1e-15を使っています。何が変わるでしょうか。
#
# **演習の解答。** 03.1: 服のサイズで正解はL、モデル2は（0.25, 0.60, 0.15）: **1.8971**（−log(0.15 + 1e-7)）。
# `np.log10` では0.8239になります。これは典型的な間違いで、専用のヒントがあります。03.2:
# `batch_cross_entropy = lambda y_pred, labels: -np.sum(np.log(np.asarray(y_pred)[np.arange(len(labels)), labels] + 1e-7)) / len(labels)`。
# 03.3: **c**（上限 −log(1e-7) ≈ 16.12）。
