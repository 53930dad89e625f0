# %% [markdown]
# # 04 — Cross-entropy in practice
#
# **What you will learn**
#
# * why the softmax function (ソフトマックス関数) overflows (オーバーフロー) on the book's logits `[1010, 1000, 990]`, and
#   the three remedies: the max-shift, the log-softmax (対数ソフトマックス) / logsumexp, and cross-entropy computed from
#   logits;
# * clipping vs adding $\varepsilon$ (`delta`), and what float32 changes compared with float64;
# * class imbalance (クラス不均衡): the accuracy paradox, and class-weighted cross-entropy as a remedy;
# * label smoothing (ラベル平滑化) against noisy labels and over-confidence, and why cross-entropy is not for regression;
# * entropy (エントロピー), KL divergence (KLダイバージェンス) and H(p, q) = H(p) + KL(p‖q) — a favourite of E資格;
# * cross-entropy as the negative log-likelihood (負の対数尤度): minimising it is maximum likelihood estimation (最尤推定).
#
# The article [[src:001]] lists five problems of cross-entropy (交差エントロピー誤差) and a remedy for each. Four of them
# are *demonstrated* here first, each followed by its remedy: numerical instability, class imbalance, noisy labels and
# regression targets. The fifth, overfitting (過学習; remedies dropout and L1/L2 regularisation), has its own chapter:
# <a href="10_regularization.ipynb" style="text-decoration: underline">10 Overfitting and regularisation</a>.

# %% [markdown] lang="ja"
# # 04 — 実践での交差エントロピー誤差
#
# **この章で学ぶこと**
#
# * ソフトマックス関数（softmax function）が本のロジット `[1010, 1000, 990]` でオーバーフロー（overflow）する理由を学びます。
#   3つの対策も学びます。最大値を引くこと、対数ソフトマックス（log-softmax）とlogsumexp、そしてロジットから計算する交差エントロピー誤差です。
# * クリッピングと $\varepsilon$（`delta`）を足すことの違い、float64と比べてfloat32で何が変わるかを学びます。
# * クラス不均衡（class imbalance）を学びます。認識精度のパラドックスと、その対策としてクラスごとに重みを付けた交差エントロピー誤差を扱います。
# * ラベルの誤りや過信への対策として、ラベル平滑化（label smoothing）を学びます。交差エントロピー誤差が回帰に向かない理由もわかります。
# * エントロピー（entropy）、KLダイバージェンス（KL divergence）、そしてH(p, q) = H(p) + KL(p‖q) を学びます。E資格でよく問われる関係です。
# * 交差エントロピー誤差が負の対数尤度（negative log-likelihood）であることを学びます。それを最小にすることは、最尤推定（maximum likelihood estimation）にほかなりません。
#
# 記事 [[src:001]] は、交差エントロピー誤差（cross-entropy error）の5つの課題と、それぞれの対策を挙げています。
# この章では、まずそのうち4つを実際に *示し*、それぞれのあとに対策を続けます。数値の不安定さ、クラス不均衡、誤ったラベル、回帰の目標値の4つです。
# 5つ目の過学習（overfitting、対策はDropoutとL1/L2正則化）には、専用の章があります：<a href="10_regularization.ipynb" style="text-decoration: underline">10 過学習と正則化</a>。

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %% [markdown] lang="ja"
# ## 準備
#
# 最初にこのセルを実行してください。numpyとコースの `helpers` パッケージをインポートし、コースのグラフのスタイルを設定します。

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.fit
from helpers.checks import check
from helpers.i18n import tr  # figure text in the edition's language (English or 日本語)
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Problem: the softmax overflows
#
# The softmax turns scores $a_k$ (logits, ロジット) into probabilities: $y_k = \exp(a_k) / \sum_j \exp(a_j)$.
# Written exactly like that, it fails. The book [[src:book]] shows it on the logits `[1010, 1000, 990]`: the result is
# `nan, nan, nan`. We record the warnings numpy raises and print them, so you can read them:

# %% [markdown] lang="ja"
# ## 1. 課題：ソフトマックス関数がオーバーフローする
#
# ソフトマックス関数は、スコア $a_k$（ロジット、logit）を確率 $y_k = \exp(a_k) / \sum_j \exp(a_j)$ に変換します。
# この式をそのまま書くと、うまくいきません。本 [[src:book]] は、ロジット `[1010, 1000, 990]` でそれを示しています。結果は `nan, nan, nan` です。
# numpyが出す警告を記録して表示するので、読んでみてください。

# %%
a_book = np.array([1010.0, 1000.0, 990.0])  # the book's example
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    naive_book = np.exp(a_book) / np.sum(np.exp(a_book))
print("naive softmax:", naive_book)
for w in caught:
    print("warning:", w.message)

# %% [markdown]
# `exp(1010)` is larger than the largest float64 (about $1.8 \times 10^{308}$), so it becomes `inf` — and so do the
# other two terms and their sum. Then every entry is `inf / inf`, which is `nan` (not a number). The rest of this
# chapter also uses the course's own, more spread-out logits `[123, 456, 789]`: there only the largest term
# overflows, so the three entries break in three different ways.

# %% [markdown] lang="ja"
# `exp(1010)` はfloat64の最大値（約 $1.8 \times 10^{308}$）より大きいので、`inf` になります。残りの2つの項と、その和も `inf` です。
# すると、どの要素も `inf / inf` になり、これは `nan`（not a number）です。
# この章の残りでは、このコース独自の、もっと値の離れたロジット `[123, 456, 789]` も使います。
# こちらでは最大の項だけがオーバーフローするので、3つの要素がそれぞれ違う壊れ方をします。

# %%
a = np.array([123.0, 456.0, 789.0])  # the course's own example
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    exp_a = np.exp(a)
    naive = exp_a / np.sum(exp_a)
print("exp(a):      ", exp_a)
print("naive softmax:", naive)
for w in caught:
    print("warning:", w.message)

# %% [markdown]
# `exp(789)` becomes `inf`, so the sum is `inf` too: the largest class gets `inf / inf` = `nan`, and the two small
# classes get $\text{finite}/\infty = 0$. One `nan` turns every later computation that uses it into `nan`.

# %% [markdown] lang="ja"
# `exp(789)` が `inf` になるので、和も `inf` です。最大のクラスは `inf / inf` = `nan` になり、小さな2つのクラスは $\text{finite}/\infty = 0$ になります。
# `nan` が1つあると、それを使うその後の計算はすべて `nan` になります。

# %%
print("largest float64:", np.finfo(np.float64).max)
print("exp overflows above ln(max) =", np.log(np.finfo(np.float64).max))

# %% [markdown]
# ### Remedy 1: subtract the maximum
#
# Multiply numerator and denominator by the same constant $e^{-m}$: nothing changes mathematically,
# $\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \frac{\exp(a_k - m)}{\sum_j \exp(a_j - m)}$. With $m = \max_j a_j$ every exponent
# is ≤ 0, so every `exp` is ≤ 1 and nothing overflows (the book's comment: `# オーバーフロー対策`).

# %% [markdown] lang="ja"
# ### 対策1：最大値を引く
#
# 分子と分母に同じ定数 $e^{-m}$ を掛けても、数学的には何も変わりません。
#
# $$\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \frac{\exp(a_k - m)}{\sum_j \exp(a_j - m)}$$
#
# $m = \max_j a_j$ とすると、指数はすべて0以下になります。すると `exp` はすべて1以下になり、オーバーフローは起こりません（本のコメントでは `# オーバーフロー対策`）。

# %%
print("the book's logits, shifted:", a_book - np.max(a_book))
print("their stable softmax:      ", np.exp(a_book - np.max(a_book)) / np.sum(np.exp(a_book - np.max(a_book))))
shifted = a - np.max(a)
print("a - max(a):", shifted)
stable = np.exp(shifted) / np.sum(np.exp(shifted))
print("stable softmax:", stable)

# %% [markdown]
# `helpers.softmax` does exactly this and returns the same numbers:

# %% [markdown] lang="ja"
# `helpers.softmax` はまさにこれを行い、同じ数値を返します。

# %%
print(helpers.softmax(a))
print("identical:", np.array_equal(helpers.softmax(a), stable))

# %% [markdown]
# ### Remedy 2: log-softmax and logsumexp
#
# The max-shift fixes the probabilities, but the loss needs their **logarithm**. The smallest probability here is
# $e^{-666} \approx 10^{-290}$. That still fits in a float64 — the smallest normal float64 is about $2.2 \times 10^{-308}$
# — but not by much. Below that, float64 still has *subnormal* numbers, with ever fewer significant digits; the
# smallest is about $5 \times 10^{-324}$, which is what $e^{-745}$ gives. A gap of about 746 between two logits gives $e^{-746}$, which rounds to exactly 0
# (**underflow**, アンダーフロー), and then `log` gives `-inf`:

# %% [markdown] lang="ja"
# ### 対策2：対数ソフトマックスとlogsumexp
#
# 最大値を引けば確率は求まりますが、損失に必要なのはその **対数** です。ここでの最小の確率は $e^{-666} \approx 10^{-290}$ です。
# これはまだfloat64に収まりますが（float64の最小の正規化数は約 $2.2 \times 10^{-308}$）、余裕はあまりありません。
# それより小さい範囲にも、float64には *非正規化数* があり、有効数字の桁数はだんだん少なくなります。
# その最小の値は約 $5 \times 10^{-324}$ で、$e^{-745}$ を計算するとこの値になります。
# 2つのロジットの差が約746あると $e^{-746}$ になり、これはちょうど0に丸められます（**アンダーフロー**、underflow）。そして `log` は `-inf` を返します。

# %%
print("exp(-666) =", np.exp(-666.0), "  smallest normal float64:", np.finfo(np.float64).tiny)
print("exp(-745) =", np.exp(-745.0), "  exp(-746) =", np.exp(-746.0))

# %% [markdown]
# So take the log of the formula instead: $\log y_k = a_k - \log\sum_j \exp(a_j)$, and compute the *logsumexp* with
# the same shift, $\log\sum_j \exp(a_j) = m + \log\sum_j \exp(a_j - m)$.

# %% [markdown] lang="ja"
# そこで、式のほうの対数をとります：$\log y_k = a_k - \log\sum_j \exp(a_j)$。
# そして、log-sum-expを同じように最大値を引いて計算します：$\log\sum_j \exp(a_j) = m + \log\sum_j \exp(a_j - m)$。
# この計算をlog-sum-expと呼びます。

# %%
lse = np.max(a) + np.log(np.sum(np.exp(a - np.max(a))))
print("logsumexp by hand:", lse, "  helpers:", helpers.logsumexp(a))
print("log-softmax by hand:", a - lse)
print("helpers.log_softmax:", helpers.log_softmax(a))

# %% [markdown]
# The difference shows when a probability really underflows. With logits `[1000, 1]`, the second probability is
# $e^{-999}$, smaller than any float64, so `log(softmax)` says `-inf`; the log-softmax gives the exact `-999`.

# %% [markdown] lang="ja"
# 違いが現れるのは、確率が本当にアンダーフローするときです。ロジット `[1000, 1]` では、2つ目の確率は $e^{-999}$ で、どのfloat64よりも小さくなります。
# そのため `log(softmax)` は `-inf` になりますが、対数ソフトマックスは正確な `-999` を返します。

# %%
with np.errstate(divide="ignore"):  # log(0) = -inf is what we want to show
    print("np.log(softmax([1000, 1])):", np.log(helpers.softmax([1000.0, 1.0])))
print("log_softmax([1000, 1]):     ", helpers.log_softmax([1000.0, 1.0]))

# %% [markdown]
# ### Remedy 3: cross-entropy computed from the logits
#
# Suppose the correct class is 0 — the model is badly wrong. The true loss is $-\log y_0 = -(123 - 789) = 666$.
# The book's recipe (softmax, then $-\log(y + \varepsilon)$ with $\varepsilon = 10^{-7}$) caps it at
# $-\log 10^{-7} \approx 16.1$: the loss *hides* how wrong the model is. Cross-entropy from logits uses the
# log-softmax and never needs $\varepsilon$.

# %% [markdown] lang="ja"
# ### 対策3：ロジットから交差エントロピー誤差を計算する
#
# 正解のクラスが0だとしましょう。モデルは大きく間違えています。本当の損失は $-\log y_0 = -(123 - 789) = 666$ です。
# 本のやり方では、ソフトマックス関数のあとに $\varepsilon = 10^{-7}$ として $-\log(y + \varepsilon)$ を計算します。
# すると、損失は $-\log 10^{-7} \approx 16.1$ で頭打ちになります。
# つまり、モデルがどれほど間違えているかを、損失が *隠して* しまいます。
# ロジットから計算する交差エントロピー誤差は対数ソフトマックスを使うので、$\varepsilon$ を必要としません。

# %%
print("softmax, then CE with delta:", helpers.cross_entropy(helpers.softmax(a), 0))
print("from logits, by hand:       ", -(a - lse)[0])
print("cross_entropy_from_logits:  ", helpers.cross_entropy_from_logits(a, 0))

# %% [markdown]
# This is why frameworks take logits: PyTorch's `nn.CrossEntropyLoss` applies log-softmax inside, and Keras has
# `from_logits=True`. For E資格: *the network's last layer outputs logits; softmax and the loss are fused.*

# %% [markdown] lang="ja"
# フレームワークがロジットを受け取るのはこのためです。PyTorchの `nn.CrossEntropyLoss` は内部で対数ソフトマックスを適用し、Kerasには `from_logits=True` があります。
# **E資格対策。** *ニューラルネットワークの最後の層はロジットを出力し、ソフトマックス関数と損失は一体にして計算します。*

# %% [markdown]
# ### Explorer: where does the naive softmax break?
#
# The slider scales the logits: $s \cdot [1.23, 4.56, 7.89]$, so $s = 100$ gives the course's `[123, 456, 789]`; the
# correct class is 1. Left: $\log_{10}$ of the largest `exp` term grows linearly with $s$ and crosses the float64 limit
# (vermillion dotted line) at $s \approx 90$ — and float32's limit (purple) already at $s \approx 11$. Right: the naive
# cross-entropy (dashed) stops at that line, the stable one (green) keeps going. Watch the readout turn to `inf`/`nan`.

# %% [markdown] lang="ja"
# ### エクスプローラー：素朴なソフトマックス関数はどこで壊れるか
#
# スライダーはロジットを $s$ 倍して、$s \cdot [1.23, 4.56, 7.89]$ にします。$s = 100$ でこのコースの `[123, 456, 789]` になります。正解のクラスは1です。
# 左のグラフでは、最大の `exp` の項の $\log_{10}$ が $s$ とともに直線的に増えます。
# そして $s \approx 90$ でfloat64の限界（朱色の点線）を超えます。float32の限界（紫色）は、すでに $s \approx 11$ で超えます。
# 右のグラフでは、素朴な交差エントロピー誤差（破線）はその線で止まり、安定な計算（緑）は先へ続きます。表示が `inf`/`nan` に変わる様子を見てください。

# %% tags=["nbval-ignore-output"]
overflow = helpers.explorers.ch04.overflow_explorer()
overflow

# %% [markdown]
# Driven from code: just below the limit both agree; just above it the naive computation gives `inf` for the loss and
# `nan` in the softmax.

# %% [markdown] lang="ja"
# コードから動かします。限界のすぐ下では両者は一致します。すぐ上では、素朴な計算は損失が `inf` に、ソフトマックス関数の出力が `nan` になります。

# %%
for s in (89, 90, 100):
    overflow.set(scale=s)
    print(overflow.readout_text)
overflow.set(scale=50)

# %%
print("naive breaks above s =", helpers.explorers.ch04.overflow_scale(), "(float64)")
print("                     s =", helpers.explorers.ch04.overflow_scale(dtype="float32"), "(float32)")

# %% [markdown]
# ## 2. Problem: log(0) — clipping vs adding ε
#
# The article [[src:001]] offers two fixes for a probability of exactly 0: **clip** it into $[\varepsilon, 1-\varepsilon]$
# (`np.clip`, what Keras does), or **add** the small $\varepsilon$ inside the log (the book's `delta`). They agree in
# the middle and differ at the edges:

# %% [markdown] lang="ja"
# ## 2. 課題：log(0)、クリッピングか $\varepsilon$ を足すか
#
# 記事 [[src:001]] は、ちょうど0の確率に対して2つの対処法を挙げています。
# 1つは確率を $[\varepsilon, 1-\varepsilon]$ に **クリッピング** する方法（`np.clip`、Kerasのやり方）です。
# もう1つは、小さな $\varepsilon$ を対数の中に **足す** 方法（本の `delta`）です。
# 2つの方法は、確率が中ほどのときには一致し、端では違います。

# %%
eps = 1e-7
for p in (0.0, 1e-9, 0.5, 1.0):
    clipped = -np.log(np.clip(p, eps, 1 - eps))
    added = -np.log(p + eps)
    print(f"p = {p:<6}  -log(clip(p)) = {clipped:<22}  -log(p + delta) = {added}")

# %% [markdown]
# Two details to notice. At $p = 1$ the delta version gives a tiny **negative** loss ($-\log(1 + 10^{-7})$), the clip
# version a tiny positive one. And below $\varepsilon$ clipping makes the loss **flat**: its slope (gradient, 勾配) is 0,
# so a model stuck at $p \approx 0$ for the correct class gets no signal to move. Check with a numerical slope:

# %% [markdown] lang="ja"
# 注目したい点が2つあります。$p = 1$ では、deltaを足す方法は小さな **負の** 損失（$-\log(1 + 10^{-7})$）に、クリッピングは小さな正の損失になります。
# また、$\varepsilon$ より下では、クリッピングによって損失が **平ら** になります。傾き（勾配、gradient）が0になるのです。
# そのため、正解のクラスで $p \approx 0$ にはまり込んだモデルは、動くための手がかりを得られません。数値で傾きを求めて確かめましょう。

# %%
h = 1e-10
for p in (1e-9, 0.5):
    slope_clip = (-np.log(np.clip(p + h, eps, 1 - eps)) + np.log(np.clip(p - h, eps, 1 - eps))) / (2 * h)
    slope_add = (-np.log(p + h + eps) + np.log(p - h + eps)) / (2 * h)
    print(f"p = {p}: slope with clip {slope_clip:.4g}, with delta {slope_add:.4g}")

# %% [markdown]
# Both fixes are patches on `log(softmax)`; section 1's cross-entropy from logits needs neither.

# %% [markdown] lang="ja"
# どちらの対処法も `log(softmax)` へのつぎはぎです。1節のロジットから計算する交差エントロピー誤差なら、どちらも必要ありません。

# %% [markdown]
# ## 3. Problem: float32 is much narrower than float64
#
# GPUs train in float32 (single precision, 単精度). Its largest number is about $3.4 \times 10^{38}$, so `exp` overflows
# above 88.7 instead of 709.8 — logits of 100 are enough:

# %% [markdown] lang="ja"
# ## 3. 課題：float32はfloat64よりずっと範囲が狭い
#
# GPUでは、float32（単精度、single precision）で学習するのがふつうです。その最大の数は約 $3.4 \times 10^{38}$ です。
# そのため `exp` は、709.8ではなく88.7を超えるとオーバーフローします。ロジットが100あれば十分です。

# %%
for dtype in (np.float32, np.float64):
    info = np.finfo(dtype)
    print(f"{info.dtype}: max {info.max:.4g}, exp overflows above {np.log(info.max):.6g}, machine eps {info.eps:.4g}")

# %%
with np.errstate(over="ignore"):  # the overflow is the point
    print("float32 exp(89):", np.exp(np.float32(89)), "  float64 exp(89):", np.exp(np.float64(89)))

# %% [markdown]
# The other limit is **precision**. float32's machine epsilon (the gap above 1) is about $1.19 \times 10^{-7}$; Keras's
# default $\varepsilon$ (`keras.backend.epsilon()`) is $10^{-7}$, close to it. The $10^{-15}$ of [[src:001]] simply
# vanishes next to 1 in float32, so clipping at $1 - 10^{-15}$ does nothing and $\log(1 - p)$ (the binary
# cross-entropy's second branch) becomes $\log 0$. Near 0 there is no such problem: float32 holds $10^{-15}$ itself, so
# *adding* it to a probability of 0 still works.

# %% [markdown] lang="ja"
# もう1つの限界は **精度** です。float32のマシンイプシロン（1の次の数との間隔）は約 $1.19 \times 10^{-7}$ です。
# Kerasの既定の $\varepsilon$（`keras.backend.epsilon()`）は $10^{-7}$ で、これに近い値です。
# [[src:001]] の $10^{-15}$ は、float32では、1から $10^{-15}$ を引いても丸められて1のままです。
# そのため $1 - 10^{-15}$ でのクリッピングは何もせず、$\log(1 - p)$（二値交差エントロピーの2つ目の項）は $\log 0$ になります。
# 0の近くでは、このような問題はありません。float32は $10^{-15}$ そのものを表せるので、確率0にこれを *足す* 方法はうまくいきます。

# %%
one = np.float32(1.0)
print("float32: 1 - 1e-15 == 1 ?", one - np.float32(1e-15) == one)
print("float32: 1 - 1e-7  == 1 ?", one - np.float32(1e-7) == one)
with np.errstate(divide="ignore"):  # log(0) = -inf is what we want to show
    print("-log(1 - clip(1, 1e-15, 1 - 1e-15)) in float32:", -np.log(one - np.clip(one, 1e-15, one - np.float32(1e-15))))
print("-log(0 + 1e-15) in float32:", -np.log(np.float32(0.0) + np.float32(1e-15)))

# %% [markdown]
# `helpers.softmax` keeps float32 input in float32, and thanks to the max-shift it survives logits that overflow
# float32's `exp`:

# %% [markdown] lang="ja"
# `helpers.softmax` はfloat32の入力をfloat32のまま扱います。最大値を引くおかげで、float32の `exp` がオーバーフローするロジットでも計算できます。

# %%
a32 = np.array([123.0, 456.0, 789.0], dtype=np.float32)
print(helpers.softmax(a32), helpers.softmax(a32).dtype)

# %% [markdown]
# ## 4. Problem: class imbalance and the accuracy paradox
#
# A seeded data set: 1000 points in two overlapping clouds, only 5 % of them in class 1 (think "fraud", "disease").
# A "model" that always answers class 0 (the majority, 多数派) is 95 % accurate — and finds no minority case at all.

# %% [markdown] lang="ja"
# ## 4. 課題：クラス不均衡と認識精度のパラドックス
#
# 乱数のシードを固定して作ったデータセットを使います。重なり合う2つの点の集まりからなる1000個の点で、クラス1はそのうち5%しかありません（「不正利用」や「病気」を考えてください）。
# 常にクラス0（多数派）と答える「モデル」の認識精度は95%です。しかし、少数派の例は1つも見つけられません。

# %%
X, labels = helpers.data.imbalanced_classification(n=1000, minority_fraction=0.05, seed=0)
print("samples per class:", np.bincount(labels))
always_0 = np.zeros_like(labels)
print("accuracy of 'always class 0':", np.mean(always_0 == labels))
print("minority cases found (recall, 再現率):", np.mean(always_0[labels == 1] == 1))

# %% [markdown]
# That is the **accuracy paradox**: high accuracy, useless model. Plain cross-entropy does not protect you either: it
# averages over samples, so the 950 majority samples dominate. A constant prediction of $p(\text{class }1) = 0.05$
# already gets a low loss:

# %% [markdown] lang="ja"
# これが **認識精度のパラドックス**（accuracy paradox）です。認識精度は高いのに、モデルは役に立ちません。
# ふつうの交差エントロピー誤差も、これを防いではくれません。サンプルについて平均するので、950個の多数派のサンプルが大部分を占めるからです。
# クラス1の確率を常に $p(\text{class }1) = 0.05$ と予測するだけで、すでに損失は小さくなります。

# %%
constant = np.tile([0.95, 0.05], (len(labels), 1))
print("plain CE of the constant 5 % model:", helpers.cross_entropy(constant, labels))

# %% [markdown]
# ### Remedy: weight the classes
#
# Give each class the weight $w_k = N / (K \cdot N_k)$ ("balanced", as in scikit-learn): rare classes weigh more, and
# each class contributes the same total weight. Then divide the weighted sum by the total weight.

# %% [markdown] lang="ja"
# ### 対策：クラスに重みを付ける
#
# 各クラスに重み $w_k = N / (K \cdot N_k)$ を与えます（scikit-learnの「balanced」と同じです）。
# まれなクラスほど重みが大きくなり、どのクラスも重みの合計が同じになります。そして、重み付きの和を重みの合計で割ります。

# %%
counts = np.bincount(labels)
weights_by_hand = len(labels) / (2 * counts)
print("by hand:", weights_by_hand, "  helpers:", helpers.class_weights_balanced(labels, 2))

# %% [markdown]
# Under the weighted loss $\sum_n w_{c_n} \ell_n / \sum_n w_{c_n}$ the lazy constant model is no longer cheap:

# %% [markdown] lang="ja"
# 重み付きの損失 $\sum_n w_{c_n} \ell_n / \sum_n w_{c_n}$ のもとでは、手抜きの定数モデルは、もう小さな損失ではすみません。
# これが重み付き交差エントロピー（weighted cross-entropy）です。

# %%
weights = helpers.class_weights_balanced(labels, 2)
losses = -np.log(constant[np.arange(len(labels)), labels] + helpers.DELTA)
print("by hand:", np.sum(weights[labels] * losses) / np.sum(weights[labels]))
print("helpers:", helpers.weighted_cross_entropy(constant, labels, weights))

# %% [markdown]
# Now train a logistic regression ($p = \sigma(w \cdot x + b)$) on each loss with 300 steps of gradient descent
# (chapter 05) and compare. Accuracy goes *down* with the weights — and recall goes up from 40 % to 84 %.

# %% [markdown] lang="ja"
# 次に、ロジスティック回帰（$p = \sigma(w \cdot x + b)$）を、それぞれの損失で300ステップの勾配降下法（05章）により学習させて比べます。
# 重みを付けると認識精度は *下がります*。しかし、再現率（recall）は40%から84%に上がります。

# %%
fit = helpers.fit.fit_logistic
for name, cw in (("plain CE   ", [1.0, 1.0]), ("weighted CE", weights)):
    w, b = fit(X, labels, cw, lr=0.5, steps=300)
    pred = (X @ w + b > 0).astype(int)
    print(f"{name}: accuracy {np.mean(pred == labels):.3f}, recall {np.mean(pred[labels == 1]):.2f}")

# %% [markdown]
# The plot shows why: the weighted boundary (solid vermillion) moves into the majority cloud to catch most of the rare
# orange triangles; the plain boundary (dashed blue) sits far out and misses more than half of them.

# %% [markdown] lang="ja"
# グラフを見ると理由がわかります。重み付きの決定境界（朱色の実線）は、まれなオレンジ色の三角の大部分をとらえるために、多数派の点の集まりの中へ入り込みます。
# ふつうの決定境界（青の破線）はずっと外側にあり、その半分以上を見逃しています。

# %%
fig, ax = plt.subplots(figsize=(7.4, 4.2), layout="constrained")
ax.scatter(*X[labels == 0].T, s=8, color=COLORS["data"], alpha=0.5, label=tr("class 0 (950)", "クラス0 (950)"))
ax.scatter(*X[labels == 1].T, s=30, marker="^", color=COLORS["prediction"], label=tr("class 1 (50)", "クラス1 (50)"))
grid = np.linspace(-3.5, 5, 2)
plain, weighted = tr("plain CE", "ふつうの交差エントロピー"), tr("weighted CE", "重み付き交差エントロピー")
for name, cw, role in ((plain, [1.0, 1.0], "gradient"), (weighted, weights, "loss")):
    w, b = fit(X, labels, cw, lr=0.5, steps=300)
    ax.plot(grid, -(w[0] * grid + b) / w[1], color=COLORS[role], linestyle="--" if role == "gradient" else "-", label=name)
ax.set(xlim=(-3.5, 5), ylim=(-3.5, 5), xlabel="$x_1$", ylabel="$x_2$", title=tr("decision boundaries (決定境界)", "決定境界"))
ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
plt.show()

# %% [markdown]
# Other remedies from [[src:001]]: under-/over-sampling (resampling, SMOTE). And measure with recall, precision or F1,
# not accuracy alone.

# %% [markdown] lang="ja"
# [[src:001]] が挙げるほかの対策は、アンダーサンプリングとオーバーサンプリング（リサンプリング、SMOTE）です。
# また、認識精度だけでなく、再現率、適合率（precision）、F1スコア（F1 score）で評価しましょう。

# %% [markdown]
# ## 5. Problem: noisy labels and over-confidence — label smoothing
#
# Hard one-hot targets ask for probability exactly 1, which softmax can only approach with logits → ∞: the model keeps
# growing its weights and becomes over-confident, even on a mislabelled example. **Label smoothing** mixes the one-hot
# target with the uniform distribution: $t' = (1 - \alpha)\, t + \alpha / K$, with a smoothing amount $\alpha$ (alpha;
# not the $\varepsilon$ inside the log). With $\alpha = 0.1$ and $K = 10$, the book's target one-hot at 2 becomes 0.91 and
# 0.01:

# %% [markdown] lang="ja"
# ## 5. 課題：誤ったラベルと過信（対策はラベル平滑化）
#
# one-hot表現の正解ラベルは、ちょうど1の確率を求めます。ソフトマックス関数の出力が1に近づくのは、ロジットを限りなく大きくしたときだけです。
# そのため、モデルは重みを大きくし続け、ラベルの誤ったデータに対してさえ過信するようになります。
# **ラベル平滑化** は、one-hot表現の正解ラベルに一様分布を混ぜます：$t' = (1 - \alpha)\, t + \alpha / K$。
# $\alpha$（アルファ）は平滑化の量で、対数の中の $\varepsilon$ とは別のものです。
# $\alpha = 0.1$、$K = 10$ とすると、本の正解ラベル（2の位置だけが1のone-hot表現）は、2の位置が0.91、ほかの9つが0.01になります。

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # the book's output
t = np.eye(10)[2]  # one-hot at 2
t_smooth = (1 - 0.1) * t + 0.1 / 10
print("by hand:", t_smooth)
print("helpers:", helpers.smooth_labels(t, 0.1))

# %% [markdown]
# Cross-entropy with smoothed targets keeps **every** term of $-\sum_k t'_k \log(y_k + \varepsilon)$, not just the correct
# class's. The book's `y` puts exactly 0 on classes 3, 6, 8, 9; each now costs $0.01 \cdot 16.1$:

# %% [markdown] lang="ja"
# 平滑化した正解ラベルを使う交差エントロピー誤差では、正解のクラスだけでなく、$-\sum_k t'_k \log(y_k + \varepsilon)$ の **すべての** 項が残ります。
# 本の `y` は、クラス3、6、8、9にちょうど0を与えています。その1つ1つが、いまは $0.01 \cdot 16.1$ の損失になります。

# %%
print("hard target:    ", helpers.cross_entropy(y, t))
print("smoothed, hand: ", -np.sum(t_smooth * np.log(y + 1e-7)))
print("smoothed helper:", helpers.cross_entropy(y, t_smooth))

# %% [markdown]
# Why over-confidence is penalised: put probability $p$ on class 2 and spread $1 - p$ evenly over the other nine.
# With the hard target the loss keeps falling all the way to $p = 1$; with the smoothed target it has its minimum at
# $p = 0.91$ and rises again — pushing further towards certainty now *costs* loss. The plot shows both curves.

# %% [markdown] lang="ja"
# 過信が罰せられる理由を見てみましょう。クラス2に確率 $p$ を与え、残りの $1 - p$ をほかの9つに均等に分けます。
# 平滑化しない正解ラベルでは、損失は $p = 1$ まで下がり続けます。
# 平滑化した正解ラベルでは、損失は $p = 0.91$ で最小になり、そこから再び上がります。確信に近づこうとすると、今度は損失が *増える* のです。
# グラフに両方の曲線を描きます。

# %%
ps = np.linspace(0.3, 0.9999, 400)
spread = lambda p: np.where(np.arange(10) == 2, p, (1 - p) / 9)  # noqa: E731 - a one-line helper
hard = [helpers.cross_entropy(spread(p), t, delta=0) for p in ps]
soft = [helpers.cross_entropy(spread(p), t_smooth, delta=0) for p in ps]
print("smoothed loss is lowest at p =", round(ps[np.argmin(soft)], 3))

# %%
fig, ax = plt.subplots(layout="constrained")
ax.plot(ps, hard, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label=tr("hard target (one-hot)", "ハードな正解ラベル（one-hot表現）"))
ax.plot(ps, soft, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("smoothed target, α = 0.1", "平滑化した正解ラベル、α = 0.1"))
ax.axvline(0.91, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
ax.set(xlabel=tr("predicted probability of the correct class 2", "正解クラス2の予測確率"), ylabel=tr("cross-entropy", "交差エントロピー誤差"), ylim=(0, 1.5))
ax.set_title(tr("label smoothing (ラベル平滑化) stops at 0.91", "ラベル平滑化では 0.91 で止まる"))
ax.legend()
plt.show()

# %% [markdown]
# The smoothed curve's lowest value is the entropy of $t'$ (section 7): a smoothed target can never be matched with
# zero loss. [[src:001]] also suggests semi-supervised learning for noisy labels; label smoothing is the E資格 classic.

# %% [markdown] lang="ja"
# 平滑化した曲線の最小値は、$t'$ のエントロピーです（7節）。平滑化した正解ラベルに、損失0で一致させることはできないのです。
# [[src:001]] は誤ったラベルに対して半教師あり学習も勧めていますが、E資格で定番なのはラベル平滑化です。

# %%
print("lowest smoothed loss on the grid:", min(soft), "  entropy H(t'):", helpers.entropy(t_smooth))

# %% [markdown]
# ## 6. Problem: cross-entropy is not for regression
#
# Cross-entropy compares *probability distributions*. A regression target such as a price of 2.0 is not one. Plug it in
# anyway: $-t \log y$ with $t = 2$ keeps decreasing as $y$ grows — there is no minimum at $y = t$. Squared error has it.

# %% [markdown] lang="ja"
# ## 6. 課題：交差エントロピー誤差は回帰には使えない
#
# 交差エントロピー誤差は *確率分布* を比べるものです。2.0という価格のような回帰の目標値は、確率分布ではありません。
# それでも代入してみましょう。$t = 2$ の $-t \log y$ は、$y$ が大きくなるほど小さくなり続けます。$y = t$ での最小値はありません。2乗誤差には最小値があります。

# %%
for y_pred in (1.0, 2.0, 10.0, 100.0):
    print(f"y = {y_pred:>5}:  -t log y = {0.0 - 2.0 * np.log(y_pred):8.4f}   (y - t)² = {(y_pred - 2.0) ** 2:8.1f}")

# %% [markdown]
# `helpers` refuses such input with an error that says what is wrong (we catch it and print its message):

# %% [markdown] lang="ja"
# `helpers` は、このような入力を、何がおかしいかを述べるエラーで拒否します（ここではエラーを捕まえて、そのメッセージを表示します）。

# %%
try:
    helpers.cross_entropy([2.5, 0.5], [2.0, 1.0])
except ValueError as err:
    print("ValueError:", err)

# %% [markdown]
# Use mean squared error (平均二乗誤差), MAE or Huber for regression (chapter 02), cross-entropy for classification.

# %% [markdown] lang="ja"
# 回帰には平均二乗誤差（mean squared error）、平均絶対誤差、Huber損失を使い（02章）、分類には交差エントロピー誤差を使いましょう。

# %% [markdown]
# ## 7. Information theory for E資格: entropy, KL divergence, cross-entropy
#
# * **Entropy** $H(p) = -\sum_k p_k \log p_k$: the average surprise of the true distribution $p$ — its uncertainty.
# * **KL divergence** $\mathrm{KL}(p\|q) = \sum_k p_k \log (p_k / q_k)$: the extra cost of using the model $q$ instead of
#   $p$; ≥ 0, and 0 only when $q = p$.
# * **Cross-entropy** $H(p, q) = -\sum_k p_k \log q_k = H(p) + \mathrm{KL}(p\|q)$.
#
# With $p = [0.5, 0.5]$ and $q = [0.8, 0.2]$:

# %% [markdown] lang="ja"
# ## 7. E資格のための情報理論：エントロピー、KLダイバージェンス、交差エントロピー
#
# * **エントロピー** $H(p) = -\sum_k p_k \log p_k$ は、真の分布 $p$ の平均的な驚きの大きさ、つまりその不確かさです。
# * **KLダイバージェンス** $\mathrm{KL}(p\|q) = \sum_k p_k \log (p_k / q_k)$ は、$p$ の代わりにモデル $q$ を使うことによる余分なコストです。
#   0以上で、$q = p$ のときだけ0になります。
# * **交差エントロピー** は $H(p, q) = -\sum_k p_k \log q_k = H(p) + \mathrm{KL}(p\|q)$ です。
#
# $p = [0.5, 0.5]$、$q = [0.8, 0.2]$ で計算してみましょう。

# %%
p = np.array([0.5, 0.5])
q = np.array([0.8, 0.2])
print("H(p) by hand:  ", -np.sum(p * np.log(p)), "  helpers:", helpers.entropy(p))
print("KL(p‖q) by hand:", np.sum(p * np.log(p / q)), "  helpers:", helpers.kl_divergence(p, q))

# %% [markdown]
# Cross-entropy is the sum of the two. The two routes differ in the 16th digit (rounding again — compare floats with
# `np.isclose`):

# %% [markdown] lang="ja"
# 交差エントロピーは、この2つの和です。2つの計算方法の結果は16桁目で違います（ここでも丸め誤差です。浮動小数点数は `np.isclose` で比べましょう）。

# %%
print("H(p, q) directly:", -np.sum(p * np.log(q)), "  helpers:", helpers.losses.cross_entropy_dist(p, q))
print("H(p) + KL(p‖q): ", helpers.entropy(p) + helpers.kl_divergence(p, q))
print("equal up to rounding:", np.isclose(helpers.losses.cross_entropy_dist(p, q), helpers.entropy(p) + helpers.kl_divergence(p, q)))

# %% [markdown]
# Why this matters for training: $H(p)$ depends only on the data, not on the model. So **minimising cross-entropy is
# minimising the KL divergence** from the data's distribution to the model's. With one-hot $p$, $H(p) = 0$ and the two
# are equal. And KL is not symmetric, so it is not a distance:

# %% [markdown] lang="ja"
# これが学習にとって大事な理由はこうです。$H(p)$ はデータだけで決まり、モデルによりません。
# したがって、**交差エントロピーを最小にすることは、データの分布からモデルの分布へのKLダイバージェンスを最小にすることです**。
# $p$ がone-hot表現なら $H(p) = 0$ で、2つは等しくなります。また、KLダイバージェンスは対称ではないので、距離ではありません。

# %%
print("KL(p‖q) =", helpers.kl_divergence(p, q), "  KL(q‖p) =", helpers.kl_divergence(q, p))

# %% [markdown]
# ## 8. Cross-entropy as negative log-likelihood (尤度, 最尤推定)
#
# Where does the $-\log$ come from? Section 7 gave one answer, from information theory; statistics gives a second
# one. The article [[src:003]] describes cross-entropy as the negative logarithm of the **likelihood** (尤度), a
# function that says how well a model fits the data.
#
# Read the model's output as probabilities: for sample $n$ with correct class $c_n$ it gives that class the
# probability $y_{n,c_n}$. If the samples are independent, the probability the model gives to *all* the correct
# labels together is the product
#
# $$L = \prod_{n=1}^{N} y_{n,c_n} .$$
#
# Seen as a function of the model's weights, $L$ is the **likelihood**: it is large when the model gives high
# probability to the labels we observed. (In this section $L$ is the likelihood, not the loss; the loss is $E$.)
# **Maximum likelihood estimation** (最尤推定) chooses the weights that make $L$ as large as possible.
#
# Now take the logarithm. It is increasing, so the same weights make $\log L$ largest, and it turns the product into
# a sum. Change the sign and divide by $N$:
#
# $$-\frac{1}{N}\log L = -\frac{1}{N}\sum_{n} \log y_{n,c_n} = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log y_{nk} = E .$$
#
# This is the batch-mean cross-entropy of chapter 03 (with one-hot $t_n$, $t_{nk} = 1$ only for $k = c_n$, so only the
# correct label's term is left). So
# **minimising cross-entropy is maximising the likelihood**, and $L = e^{-N E}$. That is why cross-entropy is also
# called the **negative log-likelihood** (負の対数尤度, NLL). (In PyTorch, `NLLLoss` expects log-probabilities, not
# probabilities: `CrossEntropyLoss` = `LogSoftmax` + `NLLLoss`.) Check it on three samples:

# %% [markdown] lang="ja"
# ## 8. 負の対数尤度としての交差エントロピー誤差（尤度、最尤推定）
#
# $-\log$ はどこから来るのでしょうか。7節では情報理論から1つの答えを出しました。統計学からも、もう1つの答えが得られます。
# 記事 [[src:003]] は、交差エントロピー誤差を **尤度**（likelihood）の負の対数として説明しています。尤度とは、モデルがデータにどれだけよく当てはまるかを表す関数です。
#
# モデルの出力を確率として読みます。正解のクラスが $c_n$ であるサンプル $n$ について、モデルはそのクラスに確率 $y_{n,c_n}$ を与えます。
# サンプルが独立なら、モデルが正解ラベル *すべて* にまとめて与える確率は、次の積です。
#
# $$L = \prod_{n=1}^{N} y_{n,c_n} .$$
#
# $L$ をモデルの重みの関数とみたものが **尤度** です。観測したラベルにモデルが高い確率を与えるほど、尤度は大きくなります。
# （この節では、$L$ は尤度で、損失ではありません。損失は $E$ です。）
# **最尤推定** は、$L$ ができるだけ大きくなるように重みを選びます。
#
# ここで対数をとります。対数は単調増加関数なので、同じ重みで $\log L$ も最大になります。そして、積が和に変わります。
# 符号を反転し、$N$ で割ると次のようになります。
#
# $$-\frac{1}{N}\log L = -\frac{1}{N}\sum_{n} \log y_{n,c_n} = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log y_{nk} = E .$$
#
# これは03章のバッチ平均の交差エントロピー誤差です（one-hot表現の $t_n$ では $k = c_n$ のときだけ $t_{nk} = 1$ なので、正解ラベルの項だけが残ります）。
# したがって、**交差エントロピー誤差を最小にすることは、尤度を最大にすること** で、$L = e^{-N E}$ です。
# そのため、交差エントロピー誤差は **負の対数尤度**（NLL）とも呼ばれます。
# （PyTorchの `NLLLoss` は、確率ではなく対数確率を受け取ります：`CrossEntropyLoss` = `LogSoftmax` + `NLLLoss`。）3つのサンプルで確かめましょう。

# %%
Y3 = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])  # (N, K) = (3, 3)
labels3 = np.array([0, 1, 2])
picked = Y3[np.arange(3), labels3]  # each sample's probability of its correct label
likelihood = np.prod(picked)
print("probabilities of the correct labels:", picked, "  likelihood L =", likelihood)
print("-log(L) / N =", -np.log(likelihood) / 3, "  cross-entropy:", helpers.cross_entropy(Y3, labels3, delta=0))

# %% [markdown]
# The same number (here without $\varepsilon$, `delta=0`, since no probability is 0).
#
# **Minimising one is maximising the other, with numbers.** The simplest model has one weight: it predicts the same
# probability $p$ of class 1 for every sample. Our data are ten labels, seven of them 1. Then
# $L(p) = p^7 (1 - p)^3$ and the mean binary cross-entropy is $E(p) = -\frac{1}{10}\big(7 \log p + 3 \log(1 - p)\big)$.
# Try every $p$ from 0.01 to 0.99:

# %% [markdown] lang="ja"
# 同じ数値になります（ここではどの確率も0ではないので、$\varepsilon$ を使わずに `delta=0` としています）。
#
# **一方を最小にすることは、他方を最大にすること：数値で確かめる。** 最も単純なモデルは重みが1つだけです。
# どのサンプルにも同じ、クラス1の確率 $p$ を予測します。データは10個のラベルで、そのうち7個が1です。
# すると $L(p) = p^7 (1 - p)^3$ で、二値交差エントロピーの平均は $E(p) = -\frac{1}{10}\big(7 \log p + 3 \log(1 - p)\big)$ です。
# 0.01から0.99までのすべての $p$ を試してみましょう。

# %%
labels10 = np.array([1, 1, 0, 1, 1, 0, 1, 1, 0, 1])
ps = np.linspace(0.01, 0.99, 99)
L_p = np.array([np.prod(np.where(labels10 == 1, p, 1 - p)) for p in ps])
E_p = np.array([helpers.binary_cross_entropy(np.full(10, p), labels10, delta=0) for p in ps])
print(f"largest likelihood at p = {ps[L_p.argmax()]:.2f}   smallest cross-entropy at p = {ps[E_p.argmin()]:.2f}")
print(f"there: L = {L_p.max():.10f}   E = {E_p.min():.10f}   exp(-10 E) = {np.exp(-10 * E_p.min()):.10f}")

# %% [markdown]
# Both choose $p = 0.7$: the share of 1s in the data, the maximum likelihood estimate. Left: the likelihood with its
# maximum; right: the cross-entropy with its minimum, at the same $p$ (dotted line).

# %% [markdown] lang="ja"
# どちらも $p = 0.7$ を選びます。これはデータの中の1の割合で、最尤推定値です。
# 左は尤度とその最大値、右は交差エントロピー誤差とその最小値で、同じ $p$（点線）にあります。

# %%
fig, (ax_l, ax_e) = plt.subplots(1, 2, figsize=(9, 3.2))
ax_l.plot(ps, L_p, color=COLORS["prediction"], linestyle=LINESTYLES["prediction"], label=tr("likelihood L(p)", "尤度 L(p)"))
ax_e.plot(ps, E_p, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("cross-entropy E(p)", "交差エントロピー誤差 E(p)"))
for ax in (ax_l, ax_e):
    ax.axvline(0.7, color=COLORS["neutral"], linestyle=":", label="p = 0.7")
    ax.set(xlabel=tr("p (predicted probability of class 1)", "p（クラス1の予測確率）"))
    ax.legend(loc="upper left" if ax is ax_l else "upper center")
ax_l.set(title=tr("likelihood: maximum", "尤度：最大"), ylabel="L(p)")
ax_e.set(title=tr("cross-entropy: minimum", "交差エントロピー誤差：最小"), ylabel="E(p)", ylim=(0, 3))
plt.show()

# %% [markdown]
# Why work with the log in practice? A likelihood is a product of many numbers below 1. For the 1347 training digits
# of chapter 09, even if the model gave every correct label the probability 0.5, the product would be too small for
# float64 (underflow, アンダーフロー) and becomes exactly 0; its log, a sum, is an ordinary number:

# %% [markdown] lang="ja"
# 実際に対数を使うのはなぜでしょうか。尤度は、1より小さいたくさんの数の積です。
# 09章の訓練データにある1347個の手書き数字では、たとえモデルがどの正解ラベルにも0.5の確率を与えたとしても、積はfloat64には小さすぎます（アンダーフロー）。そしてちょうど0になります。
# その対数は和なので、ふつうの数になります。

# %%
print("0.5 ** 1347 =", 0.5**1347, "   -log L = -1347 · log 0.5 =", -1347 * np.log(0.5))

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 04.1.** Compute the cross-entropy for logits `[123, 456, 789]` when the correct class is **1**, stably
# (no `nan`, no `inf`, no ε), with numpy only.

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 04.1** ロジット `[123, 456, 789]` で正解のクラスが **1** のときの交差エントロピー誤差を求めます。
# numpyだけを使い、安定に計算してください（`nan` や `inf` を出さず、$\varepsilon$ も使いません）。

# %%
answer_04_1 = ...  # your code here
check("04.1", answer_04_1)

# %% tags=["solution"]
logits = np.array([123.0, 456.0, 789.0])
m = logits.max()
answer_04_1 = -(logits[1] - (m + np.log(np.sum(np.exp(logits - m)))))
check("04.1", answer_04_1)

# %% [markdown]
# **Exercise 04.2.** In a data set of 900 cats (class 0), 90 dogs (class 1) and 10 birds (class 2), what balanced weight
# does the class *bird* get? (Give a number.)

# %% [markdown] lang="ja"
# **演習 04.2** ネコ900匹（クラス0）、イヌ90匹（クラス1）、鳥10羽（クラス2）からなるデータセットがあります。
# クラス「鳥」の「balanced」な重みはいくつですか（数値で答えてください）。

# %%
answer_04_2 = ...  # your code here
check("04.2", answer_04_2)

# %% tags=["solution"]
answer_04_2 = 1000 / (3 * 10)
check("04.2", answer_04_2)

# %% [markdown]
# **Exercise 04.3.** Smooth a one-hot target for 5 classes, correct class 0, with $\alpha = 0.2$. Give the whole array.

# %% [markdown] lang="ja"
# **演習 04.3** 5クラス、正解のクラス0のone-hot表現の正解ラベルを、$\alpha = 0.2$ で平滑化してください。配列全体を答えてください。

# %%
answer_04_3 = ...  # your code here
check("04.3", answer_04_3)

# %% tags=["solution"]
answer_04_3 = (1 - 0.2) * np.eye(5)[0] + 0.2 / 5
check("04.3", answer_04_3)

# %% [markdown]
# **Exercise 04.4.** The true distribution of the data is $p = [0.7, 0.2, 0.1]$ and a model predicts
# $q = [0.5, 0.3, 0.2]$. Compute the extra cost of using the model, $\mathrm{KL}(p\|q)$, with numpy only.

# %% [markdown] lang="ja"
# **演習 04.4** データの真の分布は $p = [0.7, 0.2, 0.1]$ で、モデルは $q = [0.5, 0.3, 0.2]$ と予測します。
# モデルを使うことによる余分なコスト $\mathrm{KL}(p\|q)$ を、numpyだけで計算してください。

# %%
answer_04_4 = ...  # your code here
check("04.4", answer_04_4)

# %% tags=["solution"]
p3 = np.array([0.7, 0.2, 0.1])  # the data
q3 = np.array([0.5, 0.3, 0.2])  # the model
answer_04_4 = np.sum(p3 * np.log(p3 / q3))
check("04.4", answer_04_4)

# %% [markdown]
# **Exercise 04.5.** A network's mean cross-entropy over a batch of $N = 8$ samples is $E = 0.25$. What is the
# likelihood $L$ it gives to the eight correct labels together?

# %% [markdown] lang="ja"
# **演習 04.5** $N = 8$ 個のサンプルからなるバッチで、ニューラルネットワークの交差エントロピー誤差の平均は $E = 0.25$ です。
# このネットワークが8つの正解ラベルにまとめて与える尤度 $L$ はいくつですか。

# %%
answer_04_5 = ...  # your code here
check("04.5", answer_04_5)

# %% tags=["solution"]
answer_04_5 = np.exp(-8 * 0.25)  # E = -(1/N) log L, so L = exp(-N E)
check("04.5", answer_04_5)

# %% [markdown]
# ## Summary
#
# * Naive softmax overflows: the book's `[1010, 1000, 990]` gives `nan, nan, nan`; `exp(789)` is `inf` in float64
#   (limit ≈ 709.8), `exp(89)` already in float32 (≈ 88.7).
#   Subtract the max; take logs with log-softmax / logsumexp; compute cross-entropy **from logits** (666, not 16.1).
# * Clipping and adding ε both avoid `log(0)`; clipping kills the gradient below ε, adding ε can make the loss slightly
#   negative at p = 1. In float32 a clip bound $1 - \varepsilon$ needs $\varepsilon \gtrsim 10^{-7}$ ($1 - 10^{-15}$ is 1);
#   adding $10^{-15}$ near 0 still works.
# * Class imbalance: "always majority" is 95 % accurate and useless; class weights $N/(K N_k)$ trade accuracy for recall.
# * Label smoothing (α = 0.1 → 0.91 / 0.01) makes certainty costly; the minimum loss becomes $H(t')$.
# * Cross-entropy needs distributions: not for regression.
# * $H(p, q) = H(p) + \mathrm{KL}(p\|q)$; for p = [.5, .5], q = [.8, .2]: KL = 0.22314355131420976.
# * Cross-entropy is the negative log-likelihood per sample, $E = -\frac{1}{N}\log L$ with the likelihood (尤度)
#   $L = \prod_n y_{n,c_n}$: minimising it is maximum likelihood estimation (最尤推定). Ten labels with seven 1s: both
#   choose $p = 0.7$. The log also keeps the product from underflowing ($0.5^{1347}$ is 0.0 in float64).

# %% [markdown] lang="ja"
# ## まとめ
#
# * 素朴なソフトマックス関数はオーバーフローします。本の `[1010, 1000, 990]` では `nan, nan, nan` になります。
#   float64では `exp(789)` が `inf` になり（限界は約709.8）、float32ではすでに `exp(89)` がそうなります（約88.7）。
#   最大値を引き、対数は対数ソフトマックスやlogsumexpでとり、交差エントロピー誤差は **ロジットから** 計算しましょう（16.1ではなく666）。
# * クリッピングも $\varepsilon$ を足すことも `log(0)` を避けます。クリッピングは $\varepsilon$ より下で勾配を消し、$\varepsilon$ を足すとp = 1で損失がわずかに負になることがあります。
#   float32では、クリッピングの境界 $1 - \varepsilon$ に $\varepsilon \gtrsim 10^{-7}$ が必要です（$1 - 10^{-15}$ は1です）。0の近くで $10^{-15}$ を足す方法はうまくいきます。
# * クラス不均衡：「常に多数派」は認識精度95%で、役に立ちません。クラスの重み $N/(K N_k)$ は、認識精度と引き換えに再現率を上げます。
# * ラベル平滑化（α = 0.1 → 0.91 / 0.01）は、確信することに損失を課します。損失の最小値は $H(t')$ になります。
# * 交差エントロピー誤差には確率分布が必要で、回帰には使えません。
# * $H(p, q) = H(p) + \mathrm{KL}(p\|q)$ です。p = [.5, .5]、q = [.8, .2] では、KL = 0.22314355131420976です。
# * 交差エントロピー誤差はサンプルあたりの負の対数尤度で、尤度 $L = \prod_n y_{n,c_n}$ を使うと $E = -\frac{1}{N}\log L$ です。
#   これを最小にすることが最尤推定です。10個のラベルのうち7個が1なら、どちらも $p = 0.7$ を選びます。
#   対数は、積がアンダーフローするのも防ぎます（float64では $0.5^{1347}$ は0.0です）。

# %% [raw] teacher="en"
# **Objectives.** Softmax (ソフトマックス関数) overflow — the book's [1010, 1000, 990] → nan, nan, nan and the course's
# own [123, 456, 789] — and the remedies (max-shift,
# log-softmax / logsumexp, CE from logits); clipping vs adding delta; float32 vs float64; class imbalance, the
# accuracy paradox and weighted CE; label smoothing (ラベル平滑化, α = 0.1 on the book's y); CE is not for regression;
# entropy, KL divergence (KLダイバージェンス), H(p, q) = H(p) + KL(p‖q) with KL = 0.22314355131420976; cross-entropy as
# the negative log-likelihood (負の対数尤度): the likelihood (尤度) L = Π y_(n,c_n) (c_n the correct class of sample n), E = −(1/N) log L (0.22399999999999998
# and 0.49870307570903244 on three samples), so minimising E is maximum likelihood estimation (最尤推定) — ten labels with
# seven 1s, both curves choose p = 0.7; 0.5¹³⁴⁷ underflows to 0.0 while −1347 log 0.5 = 933.67 does not.
#
# **10-minute demo (overflow explorer, "Where does the naive softmax break?").** The logits are
# s · [1.23, 4.56, 7.89], so s = 100 gives the course's own [123, 456, 789]. Ask the class at which **logit scale s** the
# naive softmax will break, then move the slider: exp overflows float64 once 7.89 s > 709.78 (s ≈ 90) and the naive
# CE turns into `inf` (its softmax into `nan`), while the stable CE (from logits) stays exact; the float32 line sits at s ≈ 11 (exp(88.7)).
# Continue with the imbalanced data set: a model that always says "majority" gets high accuracy and learns nothing.
#
# **Misconceptions.** "Softmax needs the raw exponentials" — softmax is unchanged by subtracting any constant from all
# logits. "Clipping and adding delta are the same" — adding delta shifts every probability; clipping changes only the
# extreme ones. "KL is a distance" — it is not symmetric: KL(p‖q) ≠ KL(q‖p) (exercise 04.4 asks for KL(p‖q); its hint
# for KL(q‖p), the other direction, names the difference).
#
# **Likelihood (section 8), 5 minutes.** Before showing the plot, ask: "ten labels, seven 1s; one probability p for every
# sample — which p would you choose?" Everyone says 0.7. Then show that the likelihood's maximum and the cross-entropy's
# minimum sit exactly there; write E = −(1/N) log L on the board and let students check it on the three-sample cell.
#
# **Discussion.** Frameworks take *logits* in their CE loss (`CrossEntropyLoss`, `from_logits=True`): why? When would
# you weight classes rather than resample them? Why is PyTorch's `NLLLoss` applied to *log*-probabilities?
#
# **Exercise answers.** 04.1: CE for logits [123, 456, 789], correct class 1: **333.0**
# (`-(logits[1] - (m + np.log(np.sum(np.exp(logits - m)))))`, m = max). 04.2: balanced weight of birds
# (900 / 90 / 10): **33.33** (1000 / (3 · 10)). 04.3: **[0.84, 0.04, 0.04, 0.04, 0.04]**. 04.4: KL(p‖q) for the data
# p = [0.7, 0.2, 0.1] and the model q = [0.5, 0.3, 0.2] = **0.085123** (KL(q‖p), the other direction, gets its own hint).
# 04.5: the likelihood of 8 labels from a mean cross-entropy of 0.25: L = e^(−N·E) = e^(−2) = **0.13534** (e^(−0.25), the
# log-likelihood −2 and e^(−0.25/8) each get their own hint).

# %% [raw] teacher="ja"
# **ねらい。**
#
# * ソフトマックス関数（softmax function）のオーバーフローを見ます。本の `[1010, 1000, 990]` → `nan, nan, nan` と、コース独自の `[123, 456, 789]` です。
# * その対策として、最大値を引く方法、log-softmax / logsumexp、ロジットからの交差エントロピー誤差を学びます。
# * クリッピングとdeltaを足すことの違い、float32とfloat64の違いを扱います。
# * クラス不均衡（class imbalance）、認識精度のパラドックス、重み付きの交差エントロピー誤差を学びます。
# * ラベル平滑化（label smoothing）を本の例でα = 0.1として計算します。交差エントロピー誤差を回帰に使わない理由も扱います。
# * エントロピー、KLダイバージェンス（KL divergence）、H(p, q) = H(p) + KL(p‖q) を学びます。KL = 0.22314355131420976です。
# * 負の対数尤度（negative log-likelihood）としての交差エントロピー誤差を学びます。尤度（likelihood）は L = Π y_(n,c_n) です（c_n はサンプル n の正解クラス）。
# * E = −(1/N) log L です。3つのサンプルでは0.22399999999999998と0.49870307570903244になります。
# * したがって、Eを最小にすることは最尤推定（maximum likelihood estimation）です。7個が1の10個のラベルでは、どちらの曲線もp = 0.7を選びます。
# * 0.5¹³⁴⁷は0.0にアンダーフローしますが、−1347 log 0.5 = 933.67はアンダーフローしません。
#
# **10分間のデモ（オーバーフローのエクスプローラー「素朴なソフトマックス関数はどこで壊れるか」）。**
#
# ロジットは `s · [1.23, 4.56, 7.89]` なので、s = 100でコース独自の `[123, 456, 789]` になります。
# 素朴なソフトマックス関数がどの **ロジットの倍率s** で壊れるかをクラスに予想させてから、スライダーを動かします。
# 7.89 s > 709.78（s ≈ 90）になると、expはfloat64でオーバーフローします。
# すると素朴な交差エントロピー誤差は `inf` に（そのソフトマックス関数は `nan` に）なります。
# 一方、ロジットから計算する安定な交差エントロピー誤差は正確なままです。float32の線はs ≈ 11（exp(88.7)）にあります。
# 続けて不均衡なデータセットを扱います。いつも「多数派」と答えるモデルは、高い認識精度を得ますが、何も学習していません。
#
# **よくある誤解。** 「ソフトマックス関数には、そのままの指数関数が必要だ」：すべてのロジットから同じ定数を引いても、ソフトマックス関数は変わりません。「クリッピングとdeltaを足すのは同じことだ」：deltaを足すとすべての確率がずれます。クリッピングは極端な確率だけを変えます。「KLダイバージェンスは距離だ」：対称ではありません。KL(p‖q) ≠ KL(q‖p) です（演習04.4はKL(p‖q)を求めます。逆向きの
# KL(q‖p)に対するヒントが、その違いを指摘します）。
#
# **尤度（8節）、5分間。** グラフを見せる前に、次のように問いかけます。「10個のラベルのうち7個が1です。どのサンプルにも同じ確率 p を使うなら、どの値を選びますか」。全員が0.7と答えます。そこで、尤度の最大と交差エントロピー誤差の最小が、ちょうどそこにあることを見せます。黒板に E = −(1/N) log L と書き、3つのサンプルのセルで生徒に確かめさせます。
#
# **話し合いの問い。** フレームワークの交差エントロピー誤差の損失は *ロジット* を受け取ります（`CrossEntropyLoss`、`from_logits=True`）。なぜでしょうか。サンプルを抽出し直すのではなく、クラスに重みを付けるのはどんなときでしょうか。PyTorchの `NLLLoss` を *対数* 確率に適用するのはなぜでしょうか。
#
# **演習の解答。** 04.1: ロジット `[123, 456, 789]` で正解クラスを1とした交差エントロピー誤差は **333.0** です
# （`-(logits[1] - (m + np.log(np.sum(np.exp(logits - m)))))`、m = 最大値）。04.2: 鳥（900 / 90 / 10）の釣り合いをとった重み:
# **33.33**（1000 / (3 · 10)）。04.3: **`[0.84, 0.04, 0.04, 0.04, 0.04]`**。
# 04.4: データ `p = [0.7, 0.2, 0.1]` とモデル `q = [0.5, 0.3, 0.2]` のKL(p‖q) = **0.085123**。逆向きのKL(q‖p)には専用のヒントがあります。
# 04.5: 8個のラベルの平均の交差エントロピー誤差0.25から求めた尤度: L = e^(−N·E) = e^(−2) = **0.13534**。e^(−0.25)、対数尤度−2、e^(−0.25/8) には、それぞれ専用のヒントがあります。
