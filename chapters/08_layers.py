# %% [markdown]
# # 08 — Layers: forward, backward, and the batch form
#
# **What you will learn**
#
# * to write ReLU and sigmoid as layers (レイヤ) with a forward and a backward pass, like the nodes of chapter 07;
# * the Affine layer (Affineレイヤ) — a whole layer of weighted sums — for one sample and for a mini-batch, with every shape written out so you can check each transpose;
# * the Softmax-with-Loss layer (Softmax-with-Lossレイヤ), why it sends back $(Y - T)/B$, and where that $1/B$ comes from;
# * to build chapter 06's network from layers and get its numbers back exactly;
# * activation functions (活性化関数) side by side: why the sigmoid's $\sigma' \le 0.25$ makes gradients vanish in deep networks (勾配消失) and ReLU does not, and which output/loss pairs give $y - t$.

# %% [markdown] lang="ja"
# # 08 — レイヤ：順伝播・逆伝播とバッチ処理
#
# **この章で学ぶこと**
#
# * ReLU関数（ReLU function）とシグモイド関数（sigmoid function）を、レイヤ（layer）として書きます。
#   レイヤは順伝播（forward propagation）と逆伝播（backward propagation）をもち、07章の計算グラフのノードと同じように働きます。
# * Affineレイヤ（Affine layer）を学びます。レイヤ全体の総入力（重み付き和）をまとめて計算するレイヤです。1つのサンプルの場合とミニバッチ（mini-batch）の場合について、すべての形状を書き出します。これで、転置を1つずつ確かめられます。
# * Softmax-with-Lossレイヤ（Softmax-with-Loss layer）が $(Y - T)/B$ を逆伝播する理由と、その $1/B$ がどこから来るのかを学びます。
# * 06章のニューラルネットワークをレイヤから組み立て、06章の数値を正確に再現します。
# * 活性化関数（activation function）を並べて比べます。シグモイド関数では $\sigma' \le 0.25$ のために深いネットワークで勾配消失（vanishing gradient）が起こり、ReLUでは起こらないのはなぜかを学びます。また、$y - t$ を与える出力層と損失関数の組み合わせを確かめます。

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
from helpers.layers import Affine, IdentityWithLoss, ReLU, Sigmoid, SigmoidWithLoss, SoftmaxWithLoss
from helpers.network import LayerNet, TwoLayerNet
from helpers.style import COLORS, LINESTYLES, MARKERS, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The ReLU layer
#
# The **ReLU function** (ReLU関数) passes positive inputs and blocks the rest: $y = \max(0, x)$. Its derivative is
# 1 where $x > 0$ and 0 elsewhere, so backward the gradient gets through exactly where the input was positive.
# The layer only has to remember *where* that was (a mask):

# %% [markdown] lang="ja"
# ## 1. ReLUレイヤ
#
# **ReLU関数** は、正の入力をそのまま通し、それ以外を止めます。式で書くと $y = \max(0, x)$ です。
# その微分は $x > 0$ では1、それ以外では0です。そのため逆伝播では、入力が正だったところだけを勾配が通り抜けます。
# レイヤが覚えておく必要があるのは、それが *どこ* だったか（マスク）だけです。

# %%
x = np.array([[1.0, -0.5], [-2.0, 3.0]])
mask = x <= 0  # where the gradient will be stopped
out = np.where(mask, 0.0, x)
dout = np.array([[10.0, 20.0], [30.0, 40.0]])
dx = np.where(mask, 0.0, dout)
print(out)
print(dx)

# %% [markdown]
# `helpers.layers.ReLU` does the same. (The book's version writes the zeros into `dout` itself; ours returns a new
# array, so the gradient you passed in is still there afterwards.)

# %% [markdown] lang="ja"
# `helpers.layers.ReLU` も同じことをします。本の実装は `dout` そのものに0を書き込みますが、このコースの実装は新しい配列を返します。
# そのため、渡した勾配は、あとでもそのまま残っています。

# %%
relu = ReLU()
print(relu.forward(x))
print(relu.backward(dout))

# %% [markdown]
# ## 2. The sigmoid layer
#
# The sigmoid $y = 1/(1 + e^{-x})$ is, as a computational graph, four nodes: $\times(-1)$, $\exp$, $+1$ and $1/\cdot$.
# Going backward through them with the rule of chapter 07:
#
# * $1/u$: local derivative $-1/u^2 = -y^2$;
# * $+1$: passes the gradient on unchanged;
# * $\exp(-x)$: local derivative $\exp(-x)$;
# * $\times(-1)$: local derivative $-1$.
#
# Multiplied together: $\partial y/\partial x = (-y^2)\cdot\exp(-x)\cdot(-1) = y^2 e^{-x} = y\,(1 - y)$,
# because $e^{-x} = 1/y - 1$. The backward pass needs only the forward **output**:

# %% [markdown] lang="ja"
# ## 2. Sigmoidレイヤ
#
# シグモイド関数 $y = 1/(1 + e^{-x})$ を計算グラフで表すと、$\times(-1)$、$\exp$、$+1$、$1/\cdot$ の4つのノードになります。
# 07章の規則に従って、これらを逆向きにたどりましょう。
#
# * $1/u$：局所的な微分は $-1/u^2 = -y^2$ です。
# * $+1$：勾配をそのまま次へ流します。
# * $\exp(-x)$：局所的な微分は $\exp(-x)$ です。
# * $\times(-1)$：局所的な微分は $-1$ です。
#
# これらを掛け合わせ、$e^{-x} = 1/y - 1$ を使うと、次のようになります。
#
# $$\partial y/\partial x = (-y^2)\cdot\exp(-x)\cdot(-1) = y^2 e^{-x} = y\,(1 - y)$$
#
# 逆伝播に必要なのは、順伝播の **出力** だけです。

# %%
sig = Sigmoid()
y = sig.forward([[-2.0, 0.0, 2.0]])
print("y          =", y.round(6))
print("y(1 - y)   =", (y * (1 - y)).round(6))
print("backward(1)=", sig.backward(np.ones((1, 3))).round(6))

# %% [markdown]
# The largest value, at $x = 0$, is $0.5 \cdot 0.5 = 0.25$. Remember that number for section 8.

# %% [markdown] lang="ja"
# 最大値は $x = 0$ のときの $0.5 \cdot 0.5 = 0.25$ です。この数値は8節で使うので、覚えておいてください。

# %% [markdown]
# ## 3. The Affine layer, one sample
#
# A whole layer of weighted sums (chapter 06's $u = x W + b$) is one matrix product. The book calls it the
# **Affine layer** (Affineレイヤ). For one sample:
#
# | | shape | |
# |---|---|---|
# | $x$ | $(D,)$ | input |
# | $W$ | $(D, H)$ | `W[i, j]` from input $i$ to unit $j$ |
# | $b$ | $(H,)$ | one bias per unit |
# | $y = x W + b$ | $(H,)$ | $y_j = \sum_i x_i W_{ij} + b_j$ |
#
# Backward, a gradient $\partial L/\partial y$ of shape $(H,)$ arrives. From $y_j = \sum_i x_i W_{ij} + b_j$:
#
# * $\partial L/\partial W_{ij} = x_i \cdot \partial L/\partial y_j$ — in matrix form $x^\top \cdot \partial L/\partial y$: $(D, 1)\cdot(1, H) = (D, H)$;
# * $\partial L/\partial x_i = \sum_j W_{ij} \cdot \partial L/\partial y_j$ — in matrix form $\partial L/\partial y \cdot W^\top$: $(H,)\cdot(H, D) = (D,)$;
# * $\partial L/\partial b_j = \partial L/\partial y_j$.
#
# **How to check a transpose:** a gradient always has the shape of the thing it belongs to. $\partial L/\partial W$
# must be $(D, H)$ like $W$, and the only product of $x$ and $\partial L/\partial y$ with that shape is $x^\top \cdot \partial L/\partial y$.

# %% [markdown] lang="ja"
# ## 3. Affineレイヤ：1つのサンプルの場合
#
# レイヤ全体の総入力（06章の $u = x W + b$）は、1回の行列の積で計算できます。本はこれを **Affineレイヤ** と呼びます。1つのサンプルでは次のようになります。
#
# | | 形状 | |
# |---|---|---|
# | $x$ | $(D,)$ | 入力 |
# | $W$ | $(D, H)$ | `W[i, j]` は入力 $i$ からユニット $j$ への重み |
# | $b$ | $(H,)$ | ユニットごとに1つのバイアス |
# | $y = x W + b$ | $(H,)$ | $y_j = \sum_i x_i W_{ij} + b_j$ |
#
# 逆伝播では、形状 $(H,)$ の勾配 $\partial L/\partial y$ が届きます。$y_j = \sum_i x_i W_{ij} + b_j$ から、次のようになります。
#
# * $\partial L/\partial W_{ij} = x_i \cdot \partial L/\partial y_j$ です。行列で書くと $x^\top \cdot \partial L/\partial y$ で、形状は $(D, 1)\cdot(1, H) = (D, H)$ です。
# * $\partial L/\partial x_i = \sum_j W_{ij} \cdot \partial L/\partial y_j$ です。行列で書くと $\partial L/\partial y \cdot W^\top$ で、形状は $(H,)\cdot(H, D) = (D,)$ です。
# * $\partial L/\partial b_j = \partial L/\partial y_j$ です。
#
# **転置の確かめ方：** ある変数についての勾配は、必ずその変数と同じ形状になります。
# $\partial L/\partial W$ は $W$ と同じ $(D, H)$ でなければなりません。$x$ と $\partial L/\partial y$ の積でこの形状になるのは、$x^\top \cdot \partial L/\partial y$ だけです。

# %%
x1 = np.array([1.0, 2.0])                         # (D,)   = (2,)
W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])  # (D, H) = (2, 3)
b = np.array([0.1, 0.2, 0.3])                     # (H,)   = (3,)
dy = np.array([1.0, -1.0, 0.5])                   # (H,)   = (3,), arriving from the right
dx1, dW1_one = dy @ W.T, np.outer(x1, dy)
print("dx:", dx1.shape, dx1, "  dW:", dW1_one.shape, "  db:", dy.shape)

# %% [markdown]
# ## 4. The Affine layer, a batch — every shape written out
#
# A mini-batch (ミニバッチ) of $B$ samples is stacked as rows: $X$ is $(B, D)$. One matrix product handles all of them:
#
# $$Y = X\,W + b \qquad (B, D)\cdot(D, H) + (H,) \;\to\; (B, H),$$
#
# where $b$ is added to **every row** (numpy broadcasting). With $\text{dout} = \partial L/\partial Y$ of shape $(B, H)$:
#
# | gradient | formula | shapes | why |
# |---|---|---|---|
# | $\partial L/\partial X$ | $\text{dout}\cdot W^\top$ | $(B, H)\cdot(H, D) = (B, D)$ | row $n$ is the one-sample formula for sample $n$ |
# | $\partial L/\partial W$ | $X^\top\cdot\text{dout}$ | $(D, B)\cdot(B, H) = (D, H)$ | the product **sums over the batch**: $\sum_n x_n^\top\,\text{dout}_n$ |
# | $\partial L/\partial b$ | $\sum_n \text{dout}_n$ (axis 0) | $(B, H) \to (H,)$ | $b$ was copied to every row; copies send their gradients back added |
#
# $W$ and $b$ are shared by all $B$ samples, so their gradients collect one contribution from every sample. Check it:
# $X^\top \cdot \text{dout}$ equals the sum of the per-sample outer products of section 3.

# %% [markdown] lang="ja"
# ## 4. Affineレイヤ：バッチの場合（すべての形状を書き出す）
#
# $B$ 個のサンプルからなるミニバッチは、サンプルを行として積み重ねたものです。$X$ の形状は $(B, D)$ です。1回の行列の積で、すべてのサンプルを処理できます。
#
# $$Y = X\,W + b \qquad (B, D)\cdot(D, H) + (H,) \;\to\; (B, H),$$
#
# ここで $b$ は **すべての行** に足されます（numpyのブロードキャスト）。形状 $(B, H)$ の $\text{dout} = \partial L/\partial Y$ を使うと、勾配は次のとおりです。
#
# | 勾配 | 式 | 形状 | 理由 |
# |---|---|---|---|
# | $\partial L/\partial X$ | $\text{dout}\cdot W^\top$ | $(B, H)\cdot(H, D) = (B, D)$ | 第 $n$ 行は、サンプル $n$ についての1サンプルの式そのもの |
# | $\partial L/\partial W$ | $X^\top\cdot\text{dout}$ | $(D, B)\cdot(B, H) = (D, H)$ | この積は **バッチについての和**：$\sum_n x_n^\top\,\text{dout}_n$ |
# | $\partial L/\partial b$ | $\sum_n \text{dout}_n$（軸0） | $(B, H) \to (H,)$ | $b$ はすべての行にコピーされたので、コピーからの勾配が足し合わされて戻る |
#
# $W$ と $b$ は $B$ 個のサンプルすべてで共有されています。そのため、その勾配には、すべてのサンプルからの寄与が1つずつ集まります。
# 確かめてみましょう。$X^\top \cdot \text{dout}$ は、3節のサンプルごとの外積を足し合わせたものに等しくなります。

# %%
rng = np.random.default_rng(0)
X = rng.standard_normal((4, 2))     # (B, D) = (4, 2)
dout = rng.standard_normal((4, 3))  # (B, H) = (4, 3)
dW_batch = X.T @ dout               # (2, 4) · (4, 3) = (2, 3)
dW_sum = sum(np.outer(X[n], dout[n]) for n in range(4))
print("dW:", dW_batch.shape, "  equal to the sum over samples:", np.allclose(dW_batch, dW_sum))
print("dX:", (dout @ W.T).shape, "  db:", dout.sum(axis=0).shape)

# %% [markdown]
# `helpers.layers.Affine` is exactly these three lines. After `backward` the layer keeps `dW` and `db` for the update:

# %% [markdown] lang="ja"
# `helpers.layers.Affine` は、まさにこの3行です。`backward` のあと、レイヤはパラメータの更新のために `dW` と `db` を保持します。

# %%
affine = Affine(W, b)
Y = affine.forward(X)
dX = affine.backward(dout)
print("Y", Y.shape, " dX", dX.shape, " dW", affine.dW.shape, " db", affine.db.shape)
print("same as by hand:", np.allclose(dX, dout @ W.T), np.allclose(affine.dW, dW_batch), np.allclose(affine.db, dout.sum(axis=0)))

# %% [markdown]
# ## 5. Softmax-with-Loss, and where $1/B$ comes from
#
# The output layer combines softmax (ソフトマックス関数) with cross-entropy error (交差エントロピー誤差). Over a batch
# the loss is the **mean** of the per-sample losses:
#
# $$L = \frac{1}{B}\sum_{n=1}^{B} E_n, \qquad E_n = -\sum_k t_{nk}\log y_{nk}, \qquad y_n = \text{softmax}(u_n).$$
#
# Chapter 06 showed $\partial E_n/\partial u_{nk} = y_{nk} - t_{nk}$. Sample $n$'s scores $u_n$ appear only in $E_n$, and
# $E_n$ enters $L$ with the factor $1/B$, so
#
# $$\frac{\partial L}{\partial U} = \frac{Y - T}{B} \qquad (B, K).$$
#
# **This is the only place $1/B$ appears.** It travels down with the gradient: the layer below computes
# $\partial L/\partial W = Z^\top\cdot(Y - T)/B = \frac{1}{B}\sum_n z_n^\top (y_n - t_n)$ — the *mean* of the
# per-sample gradients — and no other layer divides by $B$ again.

# %% [markdown] lang="ja"
# ## 5. Softmax-with-Lossレイヤと、$1/B$ の出どころ
#
# 出力層では、ソフトマックス関数（softmax function）と交差エントロピー誤差（cross-entropy error）を組み合わせます。
# バッチ全体の損失は、サンプルごとの損失の **平均** です。
#
# $$L = \frac{1}{B}\sum_{n=1}^{B} E_n, \qquad E_n = -\sum_k t_{nk}\log y_{nk}, \qquad y_n = \text{softmax}(u_n).$$
#
# 06章では $\partial E_n/\partial u_{nk} = y_{nk} - t_{nk}$ を示しました。サンプル $n$ のスコア $u_n$ は $E_n$ の中にしか現れません。
# そして $E_n$ は、係数 $1/B$ が掛かって $L$ に入ります。したがって、次のようになります。
#
# $$\frac{\partial L}{\partial U} = \frac{Y - T}{B} \qquad (B, K).$$
#
# **$1/B$ が現れるのは、ここだけです。** $1/B$ は勾配とともに入力側のレイヤへ伝わっていきます。
# 入力側では $\partial L/\partial W = Z^\top\cdot(Y - T)/B = \frac{1}{B}\sum_n z_n^\top (y_n - t_n)$ を計算します。
# これはサンプルごとの勾配の *平均* です。ほかのレイヤが、もう一度 $B$ で割ることはありません。

# %%
U = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0], [1.0, -1.0, 0.0]])  # (B, K) = (4, 3)
labels = np.array([0, 1, 2, 2])
T = np.eye(3)[labels]  # one-hot (one-hot表現)
layer = SoftmaxWithLoss()
loss = layer.forward(U, labels)
dU = layer.backward()
print(f"loss {loss:.6f}")
print("dU = (Y - T)/B:", np.allclose(dU, (helpers.softmax(U) - T) / 4))

# %% [markdown]
# Why the mean and not the sum? Put the same four samples in twice (B = 8). The mean loss and its gradient for $W$
# stay the same, so one learning rate works for every batch size; with a sum both would double (chapter 05's
# "mean vs sum" point).

# %% [markdown] lang="ja"
# なぜ和ではなく平均なのでしょうか。同じ4つのサンプルを2回ずつ入れてみましょう（B = 8）。
# 平均の損失も、その $W$ についての勾配も変わりません。そのため、どのバッチサイズでも同じ学習率（learning rate）が使えます。
# 和にすると、どちらも2倍になってしまいます（05章で見た、平均と和の違いの話です）。

# %%
layer8 = SoftmaxWithLoss()
loss8 = layer8.forward(np.vstack([U, U]), np.concatenate([labels, labels]))
dU8 = layer8.backward()
Z = np.ones((4, 1))  # a stand-in for the previous layer's output, to form dW = Zᵀ·dU
print(f"loss B=4 {loss:.6f}   B=8 {loss8:.6f}")
print("dW B=4:", (Z.T @ dU).round(6), "  B=8:", (np.vstack([Z, Z]).T @ dU8).round(6))

# %% [markdown]
# Forgetting the $1/B$ is a classic bug: training still works at one batch size, but the gradients are $B$ times too
# large, so the learning rate silently depends on the batch size.

# %% [markdown] lang="ja"
# $1/B$ を忘れるのは、よくあるバグです。あるバッチサイズでは学習がうまくいきますが、勾配が $B$ 倍大きすぎます。
# そのため、気づかないうちに、適切な学習率がバッチサイズによって変わってしまいます。

# %% [markdown]
# ## 6. Chapter 06's network, assembled from layers
#
# The two-layer network of chapter 06 is four layers: Affine → Sigmoid → Affine → an identity output with
# ½ squared error (`IdentityWithLoss`). Chapter 06's numbers, with the input as a batch of one, shape (1, 2):

# %% [markdown] lang="ja"
# ## 6. 06章のニューラルネットワークをレイヤから組み立てる
#
# 06章の2層ニューラルネットワークは、4つのレイヤからできています。Affine → Sigmoid → Affine → `IdentityWithLoss` です。
# 最後のレイヤは、恒等関数（identity function）の出力と½·2乗誤差を組み合わせたものです。
# 06章の数値を使い、入力を1つのサンプルからなるバッチ（形状 (1, 2)）とします。

# %%
x_example = np.array([[1.0, 0.5]])  # (B, D) = (1, 2)
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])  # W1[i, j]: input i -> hidden j
b1 = np.array([0.1, 0.1])  # one bias per hidden unit
W2 = np.array([[0.5], [0.6]])  # (H, M) = (2, 1)
b2 = np.array([0.2])
t_example = np.array([[1.0]])  # (B, M) = (1, 1)

# %% [markdown]
# Forward is a loop over the layers; backward is the same loop reversed, starting with 1 at the loss.

# %% [markdown] lang="ja"
# 順伝播は、レイヤを順にたどるループです。逆伝播は同じループを逆順にたどり、損失のところに1を置いて始めます。

# %%
layers = [Affine(W1, b1), Sigmoid(), Affine(W2, b2)]
last = IdentityWithLoss()
out = x_example.reshape(1, 2)
for lyr in layers:
    out = lyr.forward(out)
E = last.forward(out, t_example)
dout = last.backward(1.0)
for lyr in reversed(layers):
    dout = lyr.backward(dout)
print("E =", E)
print("dW1 =", layers[0].dW.round(8).tolist(), " dW2 =", layers[2].dW.ravel().round(8).tolist())

# %% [markdown]
# These are chapter 06's numbers: $E = 0.008873199616318052$ and the same gradients. Chapter 06 computed them with its
# δ formulas instead — $\delta_2 = y - t$, $\delta_1 = \sigma'(u_1) \odot (\delta_2 W_2^\top)$, $\partial E/\partial W = z^\top\delta$.
# Written out once more, they give every array equal to the last bit:

# %% [markdown] lang="ja"
# これは06章の数値です。$E = 0.008873199616318052$ で、勾配も同じです。06章では、これらをδの式で計算しました。
# 式は $\delta_2 = y - t$ と $\delta_1 = \sigma'(u_1) \odot (\delta_2 W_2^\top)$ です。勾配は $\partial E/\partial W = z^\top\delta$ で求めます。
# その式でもう一度計算すると、どの配列も、レイヤで求めたものと最後のビットまで等しくなります。

# %%
u1 = x_example @ W1 + b1
z1 = helpers.sigmoid(u1)
delta2 = (z1 @ W2 + b2) - t_example  # δ2 = y − t (identity output)
delta1 = z1 * (1 - z1) * (delta2 @ W2.T)  # δ1 = σ′(u1) · Σ w δ2
by_formula = [x_example.T @ delta1, delta1.sum(axis=0), z1.T @ delta2, delta2.sum(axis=0)]
by_layers = [layers[0].dW, layers[0].db, layers[2].dW, layers[2].db]
print("dW1, db1, dW2, db2 equal:", [np.array_equal(p, q) for p, q in zip(by_layers, by_formula, strict=True)])

# %% [markdown]
# The course's `TwoLayerNet` (in `helpers.network`) *is* this list of layers: chapter 06 used it already, and every
# number it printed came from these `forward` and `backward` methods. A gradient check (勾配確認) against the
# numerical gradient confirms every parameter:

# %% [markdown] lang="ja"
# コースの `TwoLayerNet`（`helpers.network` にあります）は、このレイヤのリスト *そのもの* です。
# 06章ですでに使っており、そこで表示した数値はすべて、これらの `forward` と `backward` メソッドから得られたものです。
# 数値微分による勾配と比べる勾配確認（gradient check）で、すべてのパラメータを確かめましょう。

# %%
net = TwoLayerNet(W1, b1, W2, b2)
print([type(layer).__name__ for layer in net.layers], type(net.loss_layer).__name__)
grads = net.gradient(x_example, t_example)
for name, value in net.params().items():
    def loss_of(p, name=name):
        probe = TwoLayerNet(W1, b1, W2, b2)
        probe.set_params(net.params() | {name: p})
        return probe.loss(x_example, t_example)

    err = helpers.gradient_check(grads[name], helpers.numerical_gradient(loss_of, value))
    print(f"{name}: relative error below 1e-7: {err < 1e-7}")

# %% [markdown]
# On a batch the layers and the formulas differ in one place: the layers divide by $B$ at the top, so they compute
# $Z^\top\cdot\big((Y - T)/B\big)$, while the formulas are often written $\big(Z^\top\cdot(Y - T)\big)/B$. The same number
# in exact arithmetic; in floating point the two can differ in the last bit. Checked on a random batch of 16
# digits-sized inputs with softmax + cross-entropy. Only "agree to rounding" is printed, not the tiny difference
# itself: matrix products over a batch are summed in an order that depends on the CPU's BLAS library, so their last
# digit can differ between machines — the course prints fewer digits wherever a value comes from such a product.

# %% [markdown] lang="ja"
# バッチでは、レイヤと式に1か所だけ違いがあります。レイヤでは、出力側の最後のレイヤ（Softmax-with-Loss）が $B$ で割ります。そのため $Z^\top\cdot\big((Y - T)/B\big)$ を計算します。
# 一方、式は $\big(Z^\top\cdot(Y - T)\big)/B$ と書かれることがよくあります。
# 正確な計算なら同じ数値になります。しかし浮動小数点数では、最後のビットだけ違うことがあります。
# 09章の数字の画像と同じ大きさの入力16個からなるランダムなバッチで、ソフトマックス関数と交差エントロピー誤差を使って確かめます。
# 表示するのは「丸め誤差の範囲で一致する」かどうかだけで、わずかな差そのものは表示しません。
# バッチについての行列の積は、CPUのBLASライブラリによって決まる順番で足し合わされるので、最後の桁がマシンによって違うことがあるからです。
# このコースでは、そのような積から得られる値は、桁数を減らして表示しています。

# %%
rng = np.random.default_rng(1)
Xb, lab = rng.standard_normal((16, 64)), rng.integers(0, 10, 16)
ref = TwoLayerNet.create(64, 20, 10, seed=0)  # softmax + cross-entropy
fw = ref.forward(Xb)
d2 = fw.y - np.eye(10)[lab]
d1 = fw.z1 * (1 - fw.z1) * (d2 @ ref.W2.T)
formula = {"W1": Xb.T @ d1 / 16, "b1": d1.sum(axis=0) / 16, "W2": fw.z1.T @ d2 / 16, "b2": d2.sum(axis=0) / 16}
g_lay = ref.gradient(Xb, lab)
print("all gradients agree to rounding:", all(np.allclose(g_lay[k], formula[k], rtol=1e-12, atol=1e-15) for k in formula))

# %% [markdown]
# ## 7. Activation functions side by side: ReLU and sigmoid
#
# Left: the two activation functions (活性化関数). Right: their derivatives, which multiply every gradient that passes
# backward through them. The sigmoid's derivative (solid) is at most 0.25 and almost 0 for $|x| > 5$; ReLU's (dashed)
# is exactly 1 for every positive input.

# %% [markdown] lang="ja"
# ## 7. 活性化関数を並べて比べる：ReLUとシグモイド関数
#
# 左は2つの活性化関数です。右はそれらの微分で、逆伝播でそこを通るすべての勾配に掛けられます。
# シグモイド関数の微分（実線）は最大でも0.25で、$|x| > 5$ ではほとんど0です。ReLUの微分（破線）は、正の入力ならどこでもちょうど1です。

# %%
xs = np.linspace(-6, 6, 241)
sig_y = helpers.sigmoid(xs)
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(9, 3.3))
ax_f.plot(xs, sig_y, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("sigmoid σ(x)", "シグモイド関数 σ(x)"))
ax_f.plot(xs, np.maximum(0, xs), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label=tr("ReLU max(0, x)", "ReLU関数 max(0, x)"))
ax_d.plot(xs, sig_y * (1 - sig_y), color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="σ′(x) ≤ 0.25")
ax_d.plot(xs, (xs > 0).astype(float), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label="ReLU′(x)")
ax_f.set(xlabel="x", ylim=(-0.2, 3), title=tr("活性化関数 (activation)", "活性化関数"))
ax_d.set(xlabel="x", ylim=(-0.05, 1.1), title=tr("derivative", "微分"))
ax_f.legend(loc="upper left")
ax_d.legend(loc="center left")
plt.show()

# %% [markdown]
# ## 8. Vanishing gradients over depth (勾配消失)
#
# Backward through a sigmoid layer multiplies the gradient by $\sigma'(u) \le 0.25$ (and by the weights). After $L$
# sigmoid layers the factor from the derivatives alone is at most $0.25^L$:

# %% [markdown] lang="ja"
# ## 8. 深さとともに消える勾配（勾配消失）
#
# Sigmoidレイヤを逆伝播すると、勾配に $\sigma'(u) \le 0.25$ が掛かります（重みも掛かります）。
# $L$ 個のSigmoidレイヤを通ると、微分だけによる係数は最大でも $0.25^L$ です。

# %%
for depth in (1, 2, 5, 10):
    print(f"{depth:2d} layers: 0.25**{depth} = {0.25**depth:.2e}")

# %% [markdown]
# Measure it: a network of 10 hidden layers of 50 units, once with sigmoid and once with ReLU (same seeded weights,
# scaled by $1/\sqrt{\text{fan-in}}$), on a batch of 100 random 64-pixel inputs in [0, 1] with random labels 0–9 —
# shaped like chapter 09's digits. For each layer, the root-mean-square of $\partial L/\partial W$:

# %% [markdown] lang="ja"
# 実際に測ってみましょう。50ユニットの隠れ層を10層もつネットワークで、活性化関数をシグモイド関数にした場合とReLUにした場合を比べます。
# 重みはシードつきの同じもので、$1/\sqrt{\text{fan-in}}$ 倍しています（fan-inはそのレイヤへの入力の数です）。
# バッチは、[0, 1]の値をとる64ピクセルのランダムな入力100個と、0〜9のランダムなラベルです。09章の数字のデータと同じ形です。
# 各レイヤについて、$\partial L/\partial W$ の2乗平均の平方根（RMS）を求めます。

# %%
rng = np.random.default_rng(0)
X_batch, y_batch = rng.uniform(0, 1, (100, 64)), rng.integers(0, 10, 100)
sizes = (64,) + (50,) * 10 + (10,)
rms = {}
for hidden in ("sigmoid", "relu"):
    g = LayerNet.create(sizes, hidden=hidden, seed=0).gradient(X_batch, y_batch)
    rms[hidden] = [float(np.sqrt(np.mean(g[f"W{k}"] ** 2))) for k in range(1, 12)]
    print(f"{hidden:7s}  layer 11: {rms[hidden][-1]:.1e}   layer 1: {rms[hidden][0]:.1e}   layer 1 / layer 11: {rms[hidden][0] / rms[hidden][-1]:.0e}")

# %% [markdown]
# On a log scale: with sigmoid (solid) the gradient shrinks by a roughly constant factor at every layer on its way back
# to the input — close to the dotted line, which falls by 0.25 per layer — so the first layers barely learn. With ReLU
# (dashed) it stays about the same size all the way. This is why deep networks use ReLU in their hidden layers.

# %% [markdown] lang="ja"
# 対数目盛りで見てみましょう。シグモイド関数（実線）では、勾配は入力へ戻る途中で、レイヤごとにほぼ一定の割合で小さくなります。
# レイヤごとに0.25倍になる点線と、ほぼ同じ形です。そのため、入力に近いレイヤはほとんど学習できません。
# ReLU（破線）では、勾配は最後までほぼ同じ大きさのままです。深いネットワークの隠れ層でReLUを使うのは、このためです。

# %%
layer_no = np.arange(1, 12)
fig, ax = plt.subplots()
for hidden, role, name in (("sigmoid", "loss", tr("sigmoid", "シグモイド関数")), ("relu", "gradient", "ReLU")):
    ax.semilogy(layer_no, rms[hidden], color=COLORS[role], linestyle=LINESTYLES[role], marker=MARKERS[role], label=name)
ax.semilogy(layer_no, rms["sigmoid"][-1] * 0.25 ** (11 - layer_no), color=COLORS["neutral"], linestyle=":", label=tr("× 0.25 per layer", "レイヤごとに × 0.25"))
ax.set(xlabel=tr("layer (1 = next to the input, 11 = output)", "レイヤ（1 = 入力の隣、11 = 出力）"), ylabel=tr("RMS of ∂L/∂W", "∂L/∂W の大きさ（RMS）"))
ax.set_title(tr("勾配消失: gradient size per layer", "勾配消失：レイヤごとの勾配の大きさ"))
ax.legend(loc="lower right")
plt.show()

# %% [markdown]
# ## 9. Which output and loss give $y - t$
#
# Chapter 06 showed that three pairs send back the simple $\delta = y - t$; the fourth keeps a $\sigma'$ factor.
# Each is a layer here, so check it with a confidently wrong output, $u = -5$ with $t = 1$ (batch of one):
#
# | output + loss | layer(s) | $\delta = \partial L/\partial u$ |
# |---|---|---|
# | identity + ½ squared error | `IdentityWithLoss` | $y - t$ |
# | softmax + cross-entropy | `SoftmaxWithLoss` | $y - t$ |
# | sigmoid + binary cross-entropy (二値交差エントロピー) | `SigmoidWithLoss` | $y - t$ |
# | sigmoid + ½ squared error | `Sigmoid` then `IdentityWithLoss` | $(y - t)\,\sigma'(u)$ |

# %% [markdown] lang="ja"
# ## 9. $y - t$ を与える出力と損失関数の組み合わせ
#
# 06章で示したように、3つの組み合わせは単純な $\delta = y - t$ を逆伝播しますが、4つ目には $\sigma'$ の係数が残ります。
# ここではそれぞれがレイヤになっているので、確信をもって間違えている出力で確かめてみましょう。$t = 1$ に対して $u = -5$ とします（1つのサンプルからなるバッチ）。
#
# | 出力 + 損失関数 | レイヤ | $\delta = \partial L/\partial u$ |
# |---|---|---|
# | 恒等関数 + ½·2乗誤差 | `IdentityWithLoss` | $y - t$ |
# | ソフトマックス関数 + 交差エントロピー誤差 | `SoftmaxWithLoss` | $y - t$ |
# | シグモイド関数 + 二値交差エントロピー（binary cross-entropy） | `SigmoidWithLoss` | $y - t$ |
# | シグモイド関数 + ½·2乗誤差 | `Sigmoid` のあとに `IdentityWithLoss` | $(y - t)\,\sigma'(u)$ |

# %%
u, t = np.array([[-5.0]]), np.array([[1.0]])
bce = SigmoidWithLoss()
bce.forward(u, t)
sig_out, squared = Sigmoid(), IdentityWithLoss()
squared.forward(sig_out.forward(u), t)
print(f"sigmoid + BCE:            delta = {bce.backward()[0, 0]:.4f}")
print(f"sigmoid + squared error:  delta = {sig_out.backward(squared.backward())[0, 0]:.4f}")

# %% [markdown]
# The same −0.9933 and −0.0066 as in chapter 06: far from the target, squared error behind a sigmoid almost stops
# learning, while cross-entropy pushes with nearly full force.

# %% [markdown] lang="ja"
# 06章と同じ−0.9933と−0.0066です。正解ラベルから遠いとき、シグモイド関数のあとに2乗誤差を使うと、学習はほとんど止まってしまいます。
# 一方、二値交差エントロピーでは、勾配の大きさはほぼ1のまま残ります。

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 08.1.** A mini-batch `X` of shape (32, 64) goes into an Affine layer with `W` of shape (64, 100).
# What is the shape of `dW`? Answer with a tuple such as `(2, 3)`.

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 08.1** 形状 (32, 64) のミニバッチ `X` が、形状 (64, 100) の `W` をもつAffineレイヤに入ります。
# `dW` の形状はどうなりますか。`(2, 3)` のようなタプルで答えてください。

# %%
answer_08_1 = ...  # your code here
check("08.1", answer_08_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_08_1 = (64, 100)  # like W: Xᵀ (64, 32) · dout (32, 100)
check("08.1", answer_08_1)

# %% [markdown]
# **Exercise 08.2.** Write `affine_dW(X, dout)`: the gradient of an Affine layer's weights for a batch `X` of shape
# (B, D) and an arriving gradient `dout` of shape (B, H).

# %% [markdown] lang="ja"
# **演習 08.2** `affine_dW(X, dout)` を書いてください。形状 (B, D) のバッチ `X` と、届いた形状 (B, H) の勾配 `dout` から、Affineレイヤの重みの勾配を返す関数です。

# %%
def affine_dW(X, dout):
    ...  # your code here


check("08.2", affine_dW)

# %% tags=["solution"] jupyter={"source_hidden": true}
def affine_dW(X, dout):
    return X.T @ dout


check("08.2", affine_dW)

# %% [markdown]
# **Exercise 08.3.** For the scores `U` and `labels` of section 5 (B = 4), compute $\partial L/\partial U$ of the
# Softmax-with-Loss layer yourself, with `helpers.softmax` and numpy.

# %% [markdown] lang="ja"
# **演習 08.3** 5節のスコア `U` と `labels`（B = 4）について、Softmax-with-Lossレイヤの $\partial L/\partial U$ を自分で計算してください。`helpers.softmax` とnumpyを使います。

# %%
answer_08_3 = ...  # your code here
check("08.3", answer_08_3)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_08_3 = (helpers.softmax(U) - np.eye(3)[labels]) / len(U)
check("08.3", answer_08_3)

# %% [markdown]
# **Exercise 08.4.** At most how much of a gradient survives 6 sigmoid layers, counting only the $\sigma'$ factors?

# %% [markdown] lang="ja"
# **演習 08.4** $\sigma'$ の係数だけを数えると、6個のSigmoidレイヤを通ったあと、勾配は最大でどれだけ残りますか。

# %%
answer_08_4 = ...  # your code here
check("08.4", answer_08_4)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_08_4 = 0.25**6
check("08.4", answer_08_4)

# %% [markdown]
# ## Summary
#
# * A layer (レイヤ) is a node with `forward` and `backward`; ReLU stops the gradient where its input was ≤ 0, sigmoid multiplies it by $y(1 - y)$.
# * Affine layer, batch form: $Y = XW + b$; $\partial L/\partial X = \text{dout}\cdot W^\top$ $(B, D)$, $\partial L/\partial W = X^\top\cdot\text{dout}$ $(D, H)$, $\partial L/\partial b = \sum_n \text{dout}_n$ $(H,)$. A gradient has the shape of its parameter — use that to check every transpose.
# * Softmax-with-Loss sends back $(Y - T)/B$. The $1/B$ comes from averaging the loss over the batch, enters once at the top, and makes every $\partial L/\partial W$ a batch mean.
# * Chapter 06's network built from layers gives $E = 0.008873199616318052$ and the same gradients, to the last bit.
# * $\sigma' \le 0.25$ compounds over depth: across 10 sigmoid layers the gradient here shrinks a million-fold (勾配消失); ReLU keeps it. Identity + ½SSE, softmax + CE and sigmoid + BCE give $y - t$; sigmoid + squared error does not.

# %% [markdown] lang="ja"
# ## まとめ
#
# * レイヤは `forward` と `backward` をもつノードです。ReLUは入力が0以下だったところで勾配を止め、Sigmoidは勾配に $y(1 - y)$ を掛けます。
# * Affineレイヤのバッチ版は $Y = XW + b$ です。勾配は次のとおりで、どれもその変数と同じ形状になります。これを使って、どの転置も確かめましょう。
#   * $\partial L/\partial X = \text{dout}\cdot W^\top$：形状 $(B, D)$
#   * $\partial L/\partial W = X^\top\cdot\text{dout}$：形状 $(D, H)$
#   * $\partial L/\partial b = \sum_n \text{dout}_n$：形状 $(H,)$
# * Softmax-with-Lossレイヤは $(Y - T)/B$ を逆伝播します。$1/B$ はバッチについて損失を平均することから生じ、出力側の最後で1回だけ入ります。これで、どの $\partial L/\partial W$ もバッチについての平均になります。
# * 06章のネットワークをレイヤから組み立てると、06章と同じ $E = 0.008873199616318052$ と勾配が、最後のビットまで一致して得られます。
# * $\sigma' \le 0.25$ は深さとともに積み重なります。ここでは、10個のSigmoidレイヤを通ると勾配が100万分の1以下に縮みました（勾配消失）。ReLUでは縮みません。恒等関数 + ½·2乗和誤差、ソフトマックス関数 + 交差エントロピー誤差、シグモイド関数 + 二値交差エントロピーは $y - t$ を与えますが、シグモイド関数 + 2乗誤差は与えません。

# %% [raw] teacher="en"
# **Objectives.** ReLU and sigmoid layers (the sigmoid's backward derived through its graph: y(1 − y)); the Affine
# layer (Affineレイヤ) for one sample and for a batch with every shape written out — dX = dout·Wᵀ (B, D),
# dW = Xᵀ·dout (D, H), db = Σ over the batch (H,); Softmax-with-Loss sends back (Y − T)/B, the 1/B from averaging the
# loss, entering once; chapter 06's network rebuilt from layers gives E = 0.008873199616318052 and the same gradients
# bit for bit; ReLU beside sigmoid; σ′ ≤ 0.25 compounding over depth (勾配消失), measured on a 10-hidden-layer network;
# which output/loss pairs give y − t.
#
# **10-minute demo.** Write the shape table of section 4 on the board and let students fill in each transpose from
# the rule "a gradient has the shape of its parameter". Run section 5's B = 4 vs B = 8 cells: the loss and dW stay the
# same because of 1/B. Show the log-scale plot of section 8: the sigmoid line falls by about 0.25 per layer, ReLU's stays
# flat.
#
# **Misconceptions.** "dW = dout·Xᵀ" — the shapes say (H, D), not W's (D, H). "Every layer divides by B" — only the loss
# layer does; the matrix product Xᵀ·dout sums over the batch. "ReLU has no gradient problem at all" — units whose input
# stays ≤ 0 get no gradient ("dead" ReLUs).
#
# **Discussion.** Why is db a sum over the batch and not a mean? What would change in training if the loss were a sum
# instead of a mean?
#
# **Exercise answers.** 08.1: dW has W's shape **(64, 100)**. 08.2: `affine_dW = lambda X, dout: X.T @ dout`. 08.3:
# `(helpers.softmax(U) - np.eye(3)[labels]) / 4` =
# **[[-0.08525, 0.060608, 0.024641], [0.029029, -0.035506, 0.0064772], [0.01132, 0.01132, -0.022639], [0.16631, 0.022508, -0.18882]]**. 08.4: 0.25⁶ = **0.000244140625**.

# %% [raw] teacher="ja"
# **ねらい。**
#
# * ReLUレイヤとSigmoidレイヤを学びます。シグモイド関数の逆伝播は、そのグラフを通して y(1 − y) と導きます。
# * Affineレイヤ（Affine layer）を、1サンプルとバッチについて、すべての形状を書き出して扱います。
# * dX = dout·Wᵀ (B, D)、dW = Xᵀ·dout (D, H)、db = バッチについての和 (H,) です。
# * Softmax-with-Lossレイヤは (Y − T)/B を返します。1/Bは損失の平均から来ていて、ここで一度だけ入ります。
# * 06章のネットワークをレイヤで組み直すと、E = 0.008873199616318052と、ビット単位で同じ勾配が得られます。
# * ReLUとシグモイド関数を比べます。σ′ ≤ 0.25が深さとともに積み重なること（勾配消失）を、隠れ層10層のネットワークで測ります。
# * どの出力と損失の組み合わせでy − t になるかをまとめます。
#
# **10分間のデモ。** 4節の形状の表を黒板に書き、「勾配はそのパラメータと同じ形状を持つ」という規則から、生徒に転置を1つずつ埋めさせます。5節のB = 4とB = 8のセルを実行します。1/Bのおかげで、損失とdWは同じままです。8節の対数目盛りのグラフを見せます。シグモイド関数の線は1層ごとにおよそ0.25倍に下がり、ReLUの線は平らなままです。
#
# **よくある誤解。** 「dW = dout·Xᵀ」：形状は (H, D) となり、Wの (D, H) になりません。「どのレイヤもBで割る」：割るのは損失のレイヤだけです。行列の積Xᵀ·doutがバッチについての和をとります。「ReLUには勾配の問題がまったくない」：入力がずっと0以下のユニットには勾配が届きません（「死んだ」ReLU）。
#
# **話し合いの問い。** dbがバッチについての平均ではなく和なのはなぜでしょうか。損失が平均ではなく和だったら、学習の何が変わるでしょうか。
#
# **演習の解答。** 08.1: dWはWと同じ形状 **(64, 100)**。08.2: `affine_dW = lambda X, dout: X.T @ dout`。
# 08.3: `(helpers.softmax(U) - np.eye(3)[labels]) / 4` の値です。
# **`[[-0.08525, 0.060608, 0.024641], [0.029029, -0.035506, 0.0064772], [0.01132, 0.01132, -0.022639], [0.16631, 0.022508, -0.18882]]`**
# （4行3列）。
# 08.4: 0.25⁶ = **0.000244140625**。
