# %% [markdown]
# # 06 — Backpropagation, derived
#
# **What you will learn**
#
# * the chain rule (連鎖律) for one and for several variables, checked with numbers;
# * a small network — weighted sums, or total inputs (総入力), $u$, activations $z = f(u)$, a sigmoid hidden layer, an identity (恒等関数) output and ½ squared error — and its forward pass (順伝播);
# * backpropagation (誤差逆伝播法): the output $\delta = y - t$, the hidden $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$, $\partial E/\partial w = \delta \cdot z_\text{prev}$ — computed by hand, compared with `helpers` and with the numerical gradient (勾配);
# * why softmax + cross-entropy and sigmoid + binary cross-entropy also give $\delta = y - t$ (derived step by step), and why sigmoid + squared error learns slowly;
# * to step through the backward pass one node at a time on a drawing of the network.

# %% [markdown] lang="ja"
# # 06 — 誤差逆伝播法を導く
#
# **この章で学ぶこと**
#
# * 1変数と多変数の連鎖律（chain rule）を学び、数値で確かめます。
# * 小さなニューラルネットワークを使い、その順伝播（forward propagation）を計算します。
#   総入力（weighted sum）$u$ と活性化関数の出力 $z = f(u)$ を使って表します。
#   隠れ層はシグモイド関数（sigmoid function）、出力層は恒等関数（identity function）で、損失は½·2乗誤差です。
# * 誤差逆伝播法（backpropagation）を学びます。
#   出力層の $\delta = y - t$ と隠れ層の $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$ を求めます。
#   そして、勾配 $\partial E/\partial w = \delta \cdot z_\text{prev}$ を手で計算します。
#   その結果を、`helpers` や数値微分（numerical differentiation）で求めた勾配（gradient）と比べます。
# * ソフトマックス関数（softmax function）と交差エントロピー誤差（cross-entropy error）の組み合わせでも、$\delta = y - t$ になります。
#   シグモイド関数と二値交差エントロピー（binary cross-entropy）でも同じです。その理由を一歩ずつ導きます。
#   シグモイド関数と2乗誤差の組み合わせでは学習が遅くなる理由もわかります。
# * ネットワークの図の上で、逆伝播を1ノードずつたどります。

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
from helpers.network import TwoLayerNet, sigmoid, sigmoid_grad
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The chain rule (連鎖律)
#
# Training needs $\partial E / \partial w$ — the **partial derivative** (偏微分) of the loss $E$ with respect to one
# weight $w$, the others held fixed — for every weight. But $E$ depends on $w$ only through a chain of
# functions. The chain rule splits such a derivative into easy pieces. **One variable:** if $z = f(u)$ and $u = g(x)$,
#
# $$\frac{dz}{dx} = \frac{dz}{du}\,\frac{du}{dx}.$$
#
# Check it on $z = \sigma(u)$ with $u = 2x + 1$ at $x = 0.5$: the chain rule says $\sigma'(u)\cdot 2$.

# %% [markdown] lang="ja"
# ## 1. 連鎖律
#
# 学習には、すべての重みについて $\partial E / \partial w$ が必要です。これは、ほかの重みを固定したときの、損失 $E$ の1つの重み $w$ についての **偏微分**（partial derivative）です。
# ところが $E$ は、いくつもの関数が連なった鎖を通してしか $w$ に依存していません。連鎖律を使うと、このような微分を簡単な部品に分けられます。**1変数の場合：** $z = f(u)$、$u = g(x)$ ならば、次が成り立ちます。
#
# $$\frac{dz}{dx} = \frac{dz}{du}\,\frac{du}{dx}.$$
#
# $x = 0.5$ で、$u = 2x + 1$ に対する $z = \sigma(u)$ で確かめてみましょう。連鎖律によれば、答えは $\sigma'(u)\cdot 2$ です。

# %%
x0 = 0.5
chain = float(sigmoid_grad(2 * x0 + 1)) * 2  # dz/du · du/dx
numeric = helpers.numerical_diff(lambda x: float(sigmoid(2 * x + 1)), x0)
print(f"chain rule {chain:.10f}   numerical {numeric:.10f}")

# %% [markdown]
# **Several variables.** If $z$ depends on $u_1$ and $u_2$, and both depend on $x$, the change in $x$ reaches $z$ along
# both paths, and the contributions add:
#
# $$\frac{dz}{dx} = \frac{\partial z}{\partial u_1}\frac{du_1}{dx} + \frac{\partial z}{\partial u_2}\frac{du_2}{dx},
# \qquad\text{in general}\qquad \frac{\partial z}{\partial x_i} = \sum_k \frac{\partial z}{\partial u_k}\frac{\partial u_k}{\partial x_i}.$$
#
# Check it on $z = u_1 u_2$ with $u_1 = x^2$, $u_2 = 3x$ at $x = 2$ (so $z = 3x^3$ and $dz/dx = 9x^2 = 36$).

# %% [markdown] lang="ja"
# **多変数の場合。** $z$ が $u_1$ と $u_2$ に依存し、その両方が $x$ に依存しているとします。$x$ の変化は両方の経路を通って $z$ に届き、それぞれの寄与が足し合わされます。
#
# $$\frac{dz}{dx} = \frac{\partial z}{\partial u_1}\frac{du_1}{dx} + \frac{\partial z}{\partial u_2}\frac{du_2}{dx},
# \qquad\text{一般には}\qquad \frac{\partial z}{\partial x_i} = \sum_k \frac{\partial z}{\partial u_k}\frac{\partial u_k}{\partial x_i}.$$
#
# $x = 2$ で、$u_1 = x^2$、$u_2 = 3x$ に対する $z = u_1 u_2$ で確かめてみましょう（$z = 3x^3$ なので $dz/dx = 9x^2 = 36$ です）。

# %%
x0 = 2.0
u1, u2 = x0**2, 3 * x0
chain = u2 * (2 * x0) + u1 * 3  # ∂z/∂u1 · du1/dx + ∂z/∂u2 · du2/dx
numeric = helpers.numerical_diff(lambda x: (x**2) * (3 * x), x0)
print(f"chain rule {chain}   numerical {numeric:.8f}")

# %% [markdown]
# That sum over paths is the key idea of backpropagation: a hidden unit feeds several later units, so its
# derivative collects one term from each of them.

# %% [markdown] lang="ja"
# この経路についての和こそが、誤差逆伝播法の要です。隠れ層のユニットは後ろにある複数のユニットに値を送るので、その微分には、送り先のユニットそれぞれから1つずつ項が集まります。

# %% [markdown]
# ## 2. The network and its notation
#
# The network and the formulas follow the article [[src:003]]. Two inputs, two hidden units, one output. Each unit
# first forms a **weighted sum** or total input (総入力) $u$ of what flows in, then applies an **activation function** (活性化関数)
# $f$: $z = f(u)$.
#
# * hidden layer: $u^{(1)}_j = \sum_i x_i w^{(1)}_{ji} + b^{(1)}_j$, $z^{(1)}_j = \sigma(u^{(1)}_j)$ — each hidden unit
#   $j$ has its own bias $b^{(1)}_j$; $\sigma$ is the **sigmoid** (シグモイド関数) $\sigma(u) = 1/(1+e^{-u})$;
# * output layer: $u^{(2)} = \sum_j z^{(1)}_j w^{(2)}_{j} + b^{(2)}$, $y = u^{(2)}$ — the **identity function** (恒等関数), as for regression;
# * loss: $E = \tfrac12 (y - t)^2$ (½ squared error, chapter 02).
#
# In code `W1[i, j]` is the weight *from* input $i$ *to* hidden unit $j$ (rows = inputs), as in the book's `x @ W1 + b1`;
# the article writes $w_{ji}$ for the same weight. The example's numbers are the course's own (the article gives the
# formulas, not these values). Both hidden biases start at 0.1, but they are two parameters: each gets its own
# gradient and its own update.

# %% [markdown] lang="ja"
# ## 2. ネットワークと記号
#
# ネットワークと式は、記事 [[src:003]] に従います。入力が2つ、隠れ層のユニットが2つ、出力が1つです。
# 各ユニットは、まず流れ込んでくる値の **総入力** $u$ を作ります（重み付き和とも呼びます）。次に **活性化関数**（activation function）$f$ を適用します：$z = f(u)$。
#
# * 隠れ層：$u^{(1)}_j = \sum_i x_i w^{(1)}_{ji} + b^{(1)}_j$、$z^{(1)}_j = \sigma(u^{(1)}_j)$。隠れ層の各ユニット $j$ は、自分のバイアス $b^{(1)}_j$ を持ちます。$\sigma$ は **シグモイド関数** $\sigma(u) = 1/(1+e^{-u})$ です。
# * 出力層：$u^{(2)} = \sum_j z^{(1)}_j w^{(2)}_{j} + b^{(2)}$、$y = u^{(2)}$。回帰でよく使う **恒等関数** です。
# * 損失：$E = \tfrac12 (y - t)^2$（½·2乗誤差、02章）。
#
# コードでは、`W1[i, j]` は入力 $i$ から隠れ層のユニット $j$ への重みです（行が入力）。本の `x @ W1 + b1` と同じです。記事では、同じ重みを $w_{ji}$ と書いています。
# 例の数値はこのコースで決めたものです（記事にあるのは式で、これらの値ではありません）。
# 隠れ層の2つのバイアスはどちらも0.1から始めますが、これは2つの別々のパラメータです。それぞれが自分の勾配を持ち、別々に更新されます。

# %%
x = np.array([1.0, 0.5])
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])  # W1[i, j]: input i -> hidden j
b1 = np.array([0.1, 0.1])  # b1[j]: the bias of hidden unit j
W2 = np.array([0.5, 0.6])  # hidden j -> output
b2 = 0.2
t = 1.0

# %% [markdown]
# ## 3. The forward pass (順伝播), every intermediate
#
# Hidden weighted sums: $u^{(1)}_1 = 1 \cdot 0.1 + 0.5 \cdot 0.3 + b^{(1)}_1 = 0.35$ and
# $u^{(1)}_2 = 1 \cdot 0.2 + 0.5 \cdot 0.4 + b^{(1)}_2 = 0.5$.

# %% [markdown] lang="ja"
# ## 3. 順伝播：途中の値をすべて求める
#
# 隠れ層の1つ目の総入力は $u^{(1)}_1 = 1 \cdot 0.1 + 0.5 \cdot 0.3 + b^{(1)}_1 = 0.35$ です。
# 2つ目は $u^{(1)}_2 = 1 \cdot 0.2 + 0.5 \cdot 0.4 + b^{(1)}_2 = 0.5$ です。

# %%
u1 = x @ W1 + b1
z1 = 1 / (1 + np.exp(-u1))
print("u1 =", u1)
print("z1 =", z1)

# %% [markdown]
# Output and loss: the output is its own weighted sum (identity), and the error is half its squared distance to $t = 1$.

# %% [markdown] lang="ja"
# 出力と損失です。出力は総入力そのもの（恒等関数）で、誤差は $t = 1$ までの距離の2乗の半分です。

# %%
u2 = z1 @ W2 + b2
y = u2  # identity output
E = 0.5 * (y - t) ** 2
print("u2 = y =", y)
print("E =", E)

# %% [markdown]
# ## 4. The output δ
#
# The article [[src:003]] names the derivative of the loss with respect to a unit's weighted sum its **delta**, the
# **error signal** of that unit: $\delta = \partial E / \partial u$.
# For a weight $w_j$ into the output, $u^{(2)}$ depends on $w_j$ only through the term $z_j w_j$, so by the chain rule
#
# $$\frac{\partial E}{\partial w_j} = \frac{\partial E}{\partial u^{(2)}}\frac{\partial u^{(2)}}{\partial w_j} = \delta^{(2)}\, z^{(1)}_j,
# \qquad \delta^{(2)} = \frac{\partial E}{\partial y}\,\frac{\partial y}{\partial u^{(2)}} = (y - t)\cdot f'(u^{(2)}) = (y - t)\cdot 1.$$
#
# The ½ cancels the 2 of the square, and the identity's derivative is 1: **the output delta is simply $y - t$**.

# %% [markdown] lang="ja"
# ## 4. 出力層のδ
#
# 記事 [[src:003]] は、損失をユニットの総入力で微分したものを、そのユニットの **デルタ**（delta）と呼びます。そのユニットの **誤差信号**（error signal）を表す量で（記事では単に誤差とも呼んでいます）、$\delta = \partial E / \partial u$ です。
# 出力層に入る重み $w_j$ について考えます。$u^{(2)}$ が $w_j$ に依存するのは項 $z_j w_j$ を通してだけなので、連鎖律から次のようになります。
#
# $$\frac{\partial E}{\partial w_j} = \frac{\partial E}{\partial u^{(2)}}\frac{\partial u^{(2)}}{\partial w_j} = \delta^{(2)}\, z^{(1)}_j,
# \qquad \delta^{(2)} = \frac{\partial E}{\partial y}\,\frac{\partial y}{\partial u^{(2)}} = (y - t)\cdot f'(u^{(2)}) = (y - t)\cdot 1.$$
#
# ½が2乗から出てくる2と打ち消し合い、恒等関数の微分は1です。つまり、**出力層のデルタは単に $y - t$ です**。

# %%
delta2 = (y - t) * 1.0
print("delta2 =", delta2)

# %% [markdown]
# ## 5. The hidden δ: the recursion
#
# A hidden unit $j$ influences $E$ through every unit $k$ it feeds. The several-variable chain rule sums those paths:
#
# $$\delta^{(1)}_j = \frac{\partial E}{\partial u^{(1)}_j}
# = \sum_k \frac{\partial E}{\partial u^{(2)}_k}\,\frac{\partial u^{(2)}_k}{\partial z^{(1)}_j}\,\frac{\partial z^{(1)}_j}{\partial u^{(1)}_j}
# = f'(u^{(1)}_j) \sum_k w^{(2)}_{kj}\, \delta^{(2)}_k .$$
#
# Here there is one output, so the sum has one term; $f' = \sigma' = z(1 - z)$.
#
# **Which weight is $w^{(2)}_{kj}$ in the code?** The article writes the index of the unit the weight leads *to* first:
# $w^{(2)}_{kj}$ connects hidden unit $j$ to output unit $k$. The code stores it the other way round, like the book and
# chapter 08's layers: rows are the units a weight comes *from* — `W2[j, k]` for $K$ outputs, and here, with one
# output, just `W2[j]`. So $w^{(2)}_{kj}$ is `W2[j]`, and $\sum_k w^{(2)}_{kj}\,\delta^{(2)}_k$ is `W2[j] * delta2`
# (for $K$ outputs, `W2 @ delta2`).

# %% [markdown] lang="ja"
# ## 5. 隠れ層のδ：再帰的な計算
#
# 隠れ層のユニット $j$ は、値を送る先のすべてのユニット $k$ を通して $E$ に影響します。多変数の連鎖律は、それらの経路を足し合わせます。
#
# $$\delta^{(1)}_j = \frac{\partial E}{\partial u^{(1)}_j}
# = \sum_k \frac{\partial E}{\partial u^{(2)}_k}\,\frac{\partial u^{(2)}_k}{\partial z^{(1)}_j}\,\frac{\partial z^{(1)}_j}{\partial u^{(1)}_j}
# = f'(u^{(1)}_j) \sum_k w^{(2)}_{kj}\, \delta^{(2)}_k .$$
#
# ここでは出力が1つなので、和の項は1つだけです。また $f' = \sigma' = z(1 - z)$ です。
#
# **$w^{(2)}_{kj}$ はコードのどの重みか。** 記事では、重みの *行き先* のユニットの添え字を先に書きます。
# $w^{(2)}_{kj}$ は、隠れ層のユニット $j$ と出力層のユニット $k$ をつなぐ重みです。
# コードでは、本や08章のレイヤと同じく逆の順に格納します。行は重みの *出どころ* のユニットです。
# 出力が $K$ 個なら `W2[j, k]` です。ここでは出力が1つなので、単に `W2[j]` です。
# したがって、$w^{(2)}_{kj}$ は `W2[j]` です。
# そして $\sum_k w^{(2)}_{kj}\,\delta^{(2)}_k$ は `W2[j] * delta2` になります（出力が $K$ 個なら `W2 @ delta2`）。

# %%
sig_grad = z1 * (1 - z1)  # σ'(u1) = z(1 - z)
delta1 = sig_grad * W2 * delta2  # f'(u_j) · w⁽²⁾_kj · δ_k with w⁽²⁾_kj = W2[j] (one output k)
print("sigma'(u1) =", sig_grad)
print("delta1 =", delta1)

# %% [markdown]
# This is the recursion that gives **backpropagation (誤差逆伝播法)** its name: each layer's δ is computed from the δ of
# the layer *after* it, so the error travels backwards from the output — $\delta^{(2)} = y - t$ first, then
# $\delta^{(1)}$ from it, and in a deeper network the layer before from that, and so on. No derivative is ever
# computed twice.

# %% [markdown] lang="ja"
# この再帰的な計算が、**誤差逆伝播法** という名前の由来です。各レイヤのδは *後ろの* レイヤのδから計算されるので、誤差は出力から逆向きに伝わっていきます。
# まず $\delta^{(2)} = y - t$ を求め、次にそこから $\delta^{(1)}$ を求めます。もっと深いネットワークなら、そこからさらに前のレイヤのδを求めていきます。同じ微分を2回計算することはありません。

# %% [markdown]
# ## 6. Every gradient: $\partial E/\partial w = \delta \cdot z_\text{prev}$
#
# Each weight's gradient is the δ of the unit it points to times the value flowing *into* the weight
# ($z^{(1)}$ for the output weights, $x$ for the hidden weights). A bias sees a constant input 1, so its gradient is
# the δ of its unit: $\partial E/\partial b^{(1)}_j = \delta^{(1)}_j$ — two hidden biases, two gradients.

# %% [markdown] lang="ja"
# ## 6. すべての勾配：$\partial E/\partial w = \delta \cdot z_\text{prev}$
#
# 各重みの勾配は、重みの行き先のユニットのδに、その重みに *流れ込む* 値を掛けたものです（出力層の重みなら $z^{(1)}$、隠れ層の重みなら $x$）。
# バイアスには常に1が入力されると考えられるので、その勾配はユニットのδそのものです：$\partial E/\partial b^{(1)}_j = \delta^{(1)}_j$。隠れ層のバイアスは2つなので、勾配も2つです。

# %%
dW2 = z1 * delta2
db2 = delta2
dW1 = np.outer(x, delta1)  # dW1[i, j] = x_i · δ1_j
db1 = delta1
print("dE/dW2 =", dW2, "  dE/db2 =", db2)
print("dE/dW1 =\n", dW1)
print("dE/db1 =", db1)

# %% [markdown]
# ## 7. The same with `helpers.network`
#
# `TwoLayerNet` does exactly these steps (`forward` keeps `u1, z1, u2, y`; `backward` returns the deltas and the
# gradients). Every number agrees with the hand computation. (Inside, it is made of *layers* — small building blocks
# with a forward and a backward pass each; chapters 07 and 08 open it up.)

# %% [markdown] lang="ja"
# ## 7. `helpers.network` で同じことをする
#
# `TwoLayerNet` は、これとまったく同じ手順を実行します（`forward` は `u1, z1, u2, y` を保持し、`backward` はデルタと勾配を返します）。
# どの数値も手計算と一致します（内部は *レイヤ* でできています。レイヤ（layer）は順伝播と逆伝播をそれぞれもつ小さな部品で、07章と08章で中を開いて見ます）。

# %%
net = TwoLayerNet(W1, b1, W2, b2)  # identity output, ½ squared error
fw, bw = net.forward(x), net.backward(x, t)
print("loss:", bw.loss, "| equal to the hand value:", bw.loss == E)
print("delta2:", bw.delta2, " delta1:", bw.delta1)

# %%
same = [np.allclose(a, b, rtol=1e-15) for a, b in [(fw.u1, u1), (fw.z1, z1), (bw.delta1, delta1), (bw.dW1, dW1)]]
print("u1, z1, delta1, dW1 equal:", same)
print("dW2 equal:", np.allclose(bw.dW2[:, 0], dW2, rtol=1e-15), "| db1 equal:", np.allclose(bw.db1, db1, rtol=1e-15))

# %% [markdown]
# ## 8. Check against the numerical gradient
#
# Backpropagation is easy to get subtly wrong, so always compare it with the slow, obviously-correct
# central difference (chapter 05) on each parameter. A relative error below $10^{-7}$ means they agree. (Here it is
# at most about $10^{-10}$; its exact digits depend on how the processor rounds, so we print only the verdict.)

# %% [markdown] lang="ja"
# ## 8. 数値微分の勾配と比べる：勾配確認
#
# 誤差逆伝播法は、気づきにくい形で間違えやすいものです。そこで、各パラメータについて、遅くても明らかに正しい中心差分（05章）と必ず比べましょう。
# これを勾配確認（gradient check）といいます。
# 相対誤差が $10^{-7}$ 未満なら一致しているといえます（ここでは $10^{-10}$ 以下ですが、正確な桁はプロセッサの丸め方によって変わるので、判定結果だけを表示します）。

# %%
for name in ("W1", "b1", "W2", "b2"):
    def loss_of(p, name=name):
        params = net.params() | {name: p}
        return TwoLayerNet(**params).loss(x, t)

    numeric = helpers.numerical_gradient(loss_of, getattr(net, name))
    err = helpers.gradient_check(bw.grads()[name], numeric)
    print(f"{name}: relative error below 1e-7: {err < 1e-7}")

# %% [markdown]
# ## 9. One step of gradient descent
#
# Move every parameter against its gradient with learning rate (学習率) $\eta = 0.1$: $w \leftarrow w - \eta\,\partial E/\partial w$.
# Each hidden bias moves by its own gradient, so the two biases, equal before, now differ.
# The loss drops from 0.00887 to 0.00595.
#
# We print the new loss to 12 significant digits. The computer adds the terms of a matrix product (`@`) in an order
# and with instructions that depend on the processor and its math library (BLAS), and that can change the 16th or 17th
# digit. Twelve digits are the same on every machine.

# %% [markdown] lang="ja"
# ## 9. 勾配降下法の1ステップ
#
# 学習率（learning rate）$\eta = 0.1$ で、すべてのパラメータを勾配と逆の向きに動かします：$w \leftarrow w - \eta\,\partial E/\partial w$。
# 隠れ層のバイアスはそれぞれ自分の勾配で動くので、更新前は等しかった2つのバイアスが、更新後は違う値になります。
# 損失は0.00887から0.00595に下がります。
#
# 新しい損失は、有効数字12桁で表示します。
# コンピュータは行列の積（`@`）の項を、プロセッサと数値計算ライブラリ（BLAS）によって決まる順番と命令で足し合わせます。そのため、16桁目や17桁目は変わる場合があります。12桁までは、どのマシンでも同じです。

# %%
eta = 0.1
W1_new, b1_new = W1 - eta * dW1, b1 - eta * db1
W2_new, b2_new = W2 - eta * dW2, b2 - eta * db2
print("b1 after one step:", b1_new)
y_new = (1 / (1 + np.exp(-(x @ W1_new + b1_new)))) @ W2_new + b2_new
E_new = 0.5 * (y_new - t) ** 2
print(f"E after one step (by hand): {E_new:.12g}")

# %%
net.step(bw, lr=eta)  # updates net in place
print(f"E after one step (helpers): {net.loss(x, t):.12g}   same: {np.isclose(net.loss(x, t), E_new, rtol=1e-12)}")

# %% [markdown]
# ## 10. Why softmax + cross-entropy and sigmoid + BCE also give δ = y − t
#
# This result is the biggest step of the chapter and an exam favourite, so we derive it slowly.
#
# **Softmax + cross-entropy.** The output layer has weighted sums $u_1, \dots, u_K$ (the logits). The softmax turns
# them into probabilities, and the loss is cross-entropy with a one-hot target $t$:
#
# $$y_k = \frac{e^{u_k}}{S}, \quad S = \sum_m e^{u_m}, \qquad E = -\sum_k t_k \log y_k .$$
#
# We want $\delta_i = \partial E / \partial u_i$ for one output $i$.
#
# *Step 1 — take the log first.* $\log y_k = u_k - \log S$. This is easier to differentiate than $y_k$ itself.
#
# *Step 2 — differentiate $\log y_k$ with respect to $u_i$.* The first term $u_k$ depends on $u_i$ only when $k = i$.
# The second term gives $\frac{\partial \log S}{\partial u_i} = \frac{1}{S}\,e^{u_i} = y_i$. There are two cases:
#
# * $k = i$: $\;\dfrac{\partial \log y_i}{\partial u_i} = 1 - y_i$;
# * $k \ne i$: $\;\dfrac{\partial \log y_k}{\partial u_i} = 0 - y_i = -y_i$.
#
# One formula covers both: $\frac{\partial \log y_k}{\partial u_i} = [k = i] - y_i$, where $[k = i]$ is 1 when $k = i$
# and 0 otherwise. This switch is the **Kronecker delta** (クロネッカーのデルタ). Textbooks and E資格 write it
# $\delta_{ki}$; this course writes $[k = i]$, to keep the letter δ for the error signal.
#
# *Step 3 — the chain rule through the sum.* $E$ depends on $u_i$ through every $\log y_k$:
#
# $$\delta_i = \frac{\partial E}{\partial u_i} = -\sum_k t_k \frac{\partial \log y_k}{\partial u_i}
# = -\sum_k t_k \bigl([k = i] - y_i\bigr) = -t_i + y_i \sum_k t_k .$$
#
# *Step 4 — use that the targets sum to 1.* A one-hot (or any probability) target has $\sum_k t_k = 1$, so
#
# $$\delta_i = y_i - t_i .$$
#
# The numbers: for the logits $u = (2, -1, 0.5)$ the matrix of $\partial \log y_k / \partial u_i$ (row $k$, column
# $i$), measured numerically, equals $[k = i] - y_i$ — on the diagonal $1 - y_i$, elsewhere $-y_i$:

# %% [markdown] lang="ja"
# ## 10. ソフトマックス関数と交差エントロピー誤差、シグモイド関数と二値交差エントロピーでも δ = y − t になる理由
#
# この結果は、この章でいちばん大事なステップです。試験にもよく出るので、ゆっくり導いていきましょう。
#
# **ソフトマックス関数と交差エントロピー誤差。** 出力層の総入力 $u_1, \dots, u_K$ をロジット（logit）と呼びます。
# ソフトマックス関数はこれらを確率に変換し、損失はone-hot表現（one-hot representation）の正解ラベル $t$ との交差エントロピー誤差です。
#
# $$y_k = \frac{e^{u_k}}{S}, \quad S = \sum_m e^{u_m}, \qquad E = -\sum_k t_k \log y_k .$$
#
# 1つの出力 $i$ について、$\delta_i = \partial E / \partial u_i$ を求めます。
#
# *ステップ1：まず対数をとる。* $\log y_k = u_k - \log S$ です。こちらのほうが $y_k$ そのものより微分しやすくなります。
#
# *ステップ2：$\log y_k$ を $u_i$ で微分する。* 第1項の $u_k$ が $u_i$ に依存するのは、$k = i$ のときだけです。
# 第2項からは $\frac{\partial \log S}{\partial u_i} = \frac{1}{S}\,e^{u_i} = y_i$ が出てきます。場合は2つあります。
#
# * $k = i$ のとき：$\;\dfrac{\partial \log y_i}{\partial u_i} = 1 - y_i$
# * $k \ne i$ のとき：$\;\dfrac{\partial \log y_k}{\partial u_i} = 0 - y_i = -y_i$
#
# 2つの場合は、1つの式 $\frac{\partial \log y_k}{\partial u_i} = [k = i] - y_i$ にまとめられます。$[k = i]$ は、$k = i$ のとき1、それ以外のとき0です。
# この切り替えを **クロネッカーのデルタ**（Kronecker delta）といいます。教科書やE資格では $\delta_{ki}$ と書きますが、このコースではδという文字を誤差信号のために残しておくため、$[k = i]$ と書きます。
#
# *ステップ3：和を通して連鎖律を使う。* $E$ は、すべての $\log y_k$ を通して $u_i$ に依存しています。
#
# $$\delta_i = \frac{\partial E}{\partial u_i} = -\sum_k t_k \frac{\partial \log y_k}{\partial u_i}
# = -\sum_k t_k \bigl([k = i] - y_i\bigr) = -t_i + y_i \sum_k t_k .$$
#
# *ステップ4：正解ラベルの和が1であることを使う。* one-hot表現の正解ラベル（あるいは確率分布である正解ラベル）は $\sum_k t_k = 1$ を満たすので、次のようになります。
#
# $$\delta_i = y_i - t_i .$$
#
# 数値で確かめましょう。ロジット $u = (2, -1, 0.5)$ について、$\partial \log y_k / \partial u_i$ の行列（行が $k$、列が $i$）を数値的に求めます。
# それは $[k = i] - y_i$ に等しく、対角成分は $1 - y_i$、それ以外は $-y_i$ です。

# %%
u_demo = np.array([2.0, -1.0, 0.5])
y_demo = helpers.softmax(u_demo)
jac = np.array([helpers.numerical_gradient(lambda u, k=k: float(helpers.log_softmax(u)[k]), u_demo) for k in range(3)])
print("numerical ∂log y_k/∂u_i:\n", jac.round(6))
print("[k = i] - y_i:\n", (np.eye(3) - y_demo).round(6))

# %% [markdown]
# **Sigmoid + binary cross-entropy.** With $y = \sigma(u)$ and $E = -t\log y - (1-t)\log(1-y)$:
# $\partial E/\partial y = -\frac{t}{y} + \frac{1-t}{1-y} = \frac{y - t}{y(1-y)}$ and $\sigma'(u) = y(1-y)$. Their
# product cancels, leaving $\delta = y - t$.
#
# In both cases the derivative of the loss's log exactly undoes the derivative of the output function.
# Check both numerically:

# %% [markdown] lang="ja"
# **シグモイド関数と二値交差エントロピー。** $y = \sigma(u)$、$E = -t\log y - (1-t)\log(1-y)$ とします。
# $\partial E/\partial y = -\frac{t}{y} + \frac{1-t}{1-y} = \frac{y - t}{y(1-y)}$ です。また、$\sigma'(u) = y(1-y)$ です。
# この2つを掛けると $y(1-y)$ が打ち消し合い、$\delta = y - t$ が残ります。
#
# どちらの場合も、損失の対数の微分が、出力の関数の微分をちょうど打ち消しています。
# 両方を数値で確かめましょう。

# %%
u_out, t_hot = np.array([2.0, -1.0, 0.5]), np.array([0.0, 0.0, 1.0])
ce_num = helpers.numerical_gradient(lambda u: helpers.cross_entropy_from_logits(u, t_hot), u_out)
print("softmax + CE:  numerical", ce_num.round(8), "  y - t", (helpers.softmax(u_out) - t_hot).round(8))
bce_num = helpers.numerical_diff(lambda u: float(np.logaddexp(0, u) - 1.0 * u), 0.3)  # BCE with t = 1
print("sigmoid + BCE: numerical", round(bce_num, 8), "  y - t", round(float(sigmoid(0.3)) - 1.0, 8))

# %% [markdown]
# ## 11. Sigmoid + squared error keeps a σ′ factor — and learns slowly
#
# With a sigmoid output and ½ squared error nothing cancels: $\delta = (y - t)\,\sigma'(u)$.
# When the output is confidently wrong — say $u^{(2)} = -5$ but $t = 1$ — $\sigma'(-5) \approx 0.0066$ almost kills
# the gradient, while binary cross-entropy still pushes with almost full force.

# %% [markdown] lang="ja"
# ## 11. シグモイド関数と2乗誤差ではσ′が残り、学習が遅くなる
#
# 出力がシグモイド関数で損失が½·2乗誤差だと、何も打ち消し合いません：$\delta = (y - t)\,\sigma'(u)$。
# 出力が確信をもって間違っているとき、たとえば $u^{(2)} = -5$ なのに $t = 1$ のときを考えます。
# $\sigma'(-5) \approx 0.0066$ のために勾配はほとんど消えてしまいます。一方、二値交差エントロピーなら、勾配はほぼ最大の大きさのままです。

# %%
u_sat = -5.0
y_sat = float(sigmoid(u_sat))
print(f"BCE gradient           y - t          = {y_sat - 1:.4f}")
print(f"squared-error gradient (y - t)·σ'(u)  = {(y_sat - 1) * y_sat * (1 - y_sat):.4f}")

# %% [markdown]
# The plot shows both gradients as the output's weighted sum moves, for target $t = 1$. Far to the left (very wrong)
# the BCE gradient (solid) stays near −1 while the squared-error one (dashed) flattens to 0: the worse the
# prediction, the *slower* squared error learns. The same small σ′ (at most 0.25) multiplies every δ that passes
# through a sigmoid hidden layer — in deep networks this is the vanishing gradient problem (勾配消失).

# %% [markdown] lang="ja"
# グラフは、正解ラベル $t = 1$ について、出力の総入力を動かしたときの2つの勾配を示しています。
# 左のほう（大きく間違っているところ）では、二値交差エントロピーの勾配（実線）は−1の近くにとどまります。一方、2乗誤差の勾配（破線）は平らになって0に近づきます。予測が悪いほど、2乗誤差では学習が *遅く* なるのです。
# 同じ小さなσ′（最大でも0.25）は、シグモイド関数の隠れ層を通るすべてのδに掛かります。深いネットワークでは、これが勾配消失（vanishing gradient）の問題になります。

# %%
u_grid = np.linspace(-8, 8, 321)
y_grid = sigmoid(u_grid)
fig, ax = plt.subplots()
ax.plot(u_grid, y_grid - 1, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("sigmoid + BCE: y − t", "二値交差エントロピー：y − t"))
ax.plot(u_grid, (y_grid - 1) * y_grid * (1 - y_grid), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"],
        label=tr("sigmoid + ½SE: (y − t)·σ′(u)", "½2乗誤差：(y − t)·σ′(u)"))  # fmt: skip
ax.plot([u_sat, u_sat], [y_sat - 1, (y_sat - 1) * y_sat * (1 - y_sat)], "o", color=COLORS["neutral"])
ax.set(xlabel=tr("output weighted sum u (t = 1)", "出力層の総入力 u (t = 1)"), ylabel="δ = ∂E/∂u")
ax.set_title(tr("Output δ: 交差エントロピー vs 2乗誤差", "出力層のδ：交差エントロピー誤差と2乗誤差"))
ax.legend(loc="lower right")
plt.show()

# %% [markdown]
# ## 12. Explorer: step through the backward pass
#
# Move the slider (or press **Next ▶** / **◀ Previous**) to walk backwards through the network one node at a time.
# Each node shows $u$ and $z$ underneath; the current node is orange, nodes whose δ is known are light, and the
# edges being differentiated turn blue with $\partial E/\partial w$ written on them. The readout gives the formula
# with its numbers. The last step applies one SGD update.

# %% [markdown] lang="ja"
# ## 12. エクスプローラー：逆伝播を一歩ずつたどる
#
# スライダーを動かすか、**次 ▶** / **◀ 前** を押すと、ネットワークを1ノードずつ逆向きにたどれます。
# 各ノードの下には $u$ と $z$ が表示されます。今のノードはオレンジ色で、δがわかったノードは薄い色になります。
# 微分している辺は青くなり、その上に $\partial E/\partial w$ が書かれます。表示欄には、数値を入れた式が出ます。最後のステップでは、確率的勾配降下法（SGD）の更新を1回行います。

# %% tags=["nbval-ignore-output"]
stepper = helpers.explorers.ch06.backward_explorer()
stepper

# %% [markdown]
# Driven from code, every step prints the readout a learner sees (numbers to 6 significant digits).

# %% [markdown] lang="ja"
# コードから動かすと、各ステップで学習者が見るのと同じ表示が出力されます（数値は有効数字6桁です）。

# %%
for k in range(7):
    stepper.set(step=k)
    print(stepper.readout_text)
stepper.set(step=0)

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint. The network's values
# `x`, `W1`, `b1`, `W2`, `b2` of section 2 are never changed by the chapter, so you can use them in every exercise.
#
# **Exercise 06.1.** Keep the network and the input, but change the target to $t = 0.5$. What is the output delta
# $\delta^{(2)}$?

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
# 2節のネットワークの値 `x`、`W1`、`b1`、`W2`、`b2` は、この章のどこでも変更されません。どの演習でも使えます。
#
# **演習 06.1** ネットワークと入力はそのままで、正解ラベルを $t = 0.5$ に変えます。出力層のデルタ $\delta^{(2)}$ はいくつですか。

# %%
answer_06_1 = ...  # your code here
check("06.1", answer_06_1)

# %% tags=["solution"]
z1_ = sigmoid(x @ W1 + b1)
y_ = z1_ @ W2 + b2  # the forward pass does not depend on t
answer_06_1 = float(y_ - 0.5)
check("06.1", answer_06_1)

# %% [markdown]
# **Exercise 06.2.** A new input $x = [2.0, -1.0]$, the same weights and target $t = 1$. Compute by hand (numpy,
# following sections 3–6) the gradient of $E$ with respect to the weight from input $x_2$ to hidden unit 1,
# `W1[1, 0]`.

# %% [markdown] lang="ja"
# **演習 06.2** 新しい入力 $x = [2.0, -1.0]$ を考えます。重みは同じで、正解ラベルは $t = 1$ です。
# 入力 $x_2$ から隠れ層のユニット1への重み `W1[1, 0]` についての $E$ の勾配を、（3〜6節に沿って、numpyで）手で計算してください。

# %%
answer_06_2 = ...  # your code here
check("06.2", answer_06_2)

# %% tags=["solution"]
x_new = np.array([2.0, -1.0])
z1_new = sigmoid(x_new @ W1 + b1)  # forward pass for the new input
delta2_new = (z1_new @ W2 + b2) - 1.0  # y - t
delta1_new = z1_new * (1 - z1_new) * W2 * delta2_new  # σ'(u) · w · δ2
answer_06_2 = x_new[1] * delta1_new[0]  # the input x2 times δ of hidden unit 1
check("06.2", answer_06_2)

# %% [markdown]
# **Exercise 06.3.** Another output function: $y = \tanh(u)$, whose derivative is $\tanh'(u) = 1 - \tanh^2(u)$, with
# ½ squared error $E = \tfrac12 (y - t)^2$. Write `delta_tanh_se(u, t)`: the output δ = ∂E/∂u.

# %% [markdown] lang="ja"
# **演習 06.3** 別の出力の関数 $y = \tanh(u)$ を考えます。その微分は $\tanh'(u) = 1 - \tanh^2(u)$ で、損失は½·2乗誤差 $E = \tfrac12 (y - t)^2$ です。
# 出力層のδ = ∂E/∂uを返す `delta_tanh_se(u, t)` を書いてください。

# %%
def delta_tanh_se(u, t):
    ...  # your code here


check("06.3", delta_tanh_se)

# %% tags=["solution"]
def delta_tanh_se(u, t):
    y = np.tanh(u)
    return (y - t) * (1 - y**2)  # ∂E/∂y · ∂y/∂u


check("06.3", delta_tanh_se)

# %% [markdown]
# **Exercise 06.4.** Build a fresh network from section 2's values, `TwoLayerNet(W1, b1, W2, b2)` (as in section 7),
# and take **two** SGD steps with $\eta = 0.1$ (target 1). What is the loss afterwards?

# %% [markdown] lang="ja"
# **演習 06.4** 2節の値から新しいネットワーク `TwoLayerNet(W1, b1, W2, b2)` を作ります（7節と同じです）。
# $\eta = 0.1$（正解ラベルは1）でSGDの更新を **2回** 行ってください。そのあとの損失はいくつですか。

# %%
answer_06_4 = ...  # your code here
check("06.4", answer_06_4)

# %% tags=["solution"]
net2 = TwoLayerNet(W1, b1, W2, b2)  # a fresh copy: section 9's `net` has already taken a step
for _ in range(2):
    net2.step(net2.backward(x, 1.0), lr=0.1)
answer_06_4 = net2.loss(x, 1.0)
check("06.4", answer_06_4)

# %% [markdown]
# ## Summary
#
# * The chain rule multiplies derivatives along a path and **adds** the paths when a variable feeds several others.
# * $\delta = \partial E/\partial u$. At the output, $\delta = y - t$ for identity + ½ squared error, softmax + cross-entropy and sigmoid + binary cross-entropy.
# * Hidden deltas come from the next layer's: $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$ — the error propagates backwards (誤差逆伝播法).
# * Every gradient is $\partial E/\partial w = \delta \cdot z_\text{prev}$; the worked example gives $E = 0.008873199616318052$, $\delta^{(2)} = -0.1332156$, and after one step with $\eta = 0.1$, $E \approx 0.00595108649006$.
# * Softmax + cross-entropy: $\partial \log y_k/\partial u_i = [k = i] - y_i$ (the Kronecker delta), so $\delta_i = y_i - t_i$.
# * Check backprop against the numerical gradient (relative error < 1e-7).
# * Sigmoid + squared error keeps a σ′ factor that almost vanishes when the output saturates: use cross-entropy for classification.

# %% [markdown] lang="ja"
# ## まとめ
#
# * 連鎖律は、経路に沿って微分を掛け合わせます。1つの変数が複数の変数に値を送るときは、経路ごとの結果を **足し合わせます**。
# * $\delta = \partial E/\partial u$ です。恒等関数と½·2乗誤差、ソフトマックス関数と交差エントロピー誤差、シグモイド関数と二値交差エントロピーの組み合わせでは、出力層で $\delta = y - t$ になります。
# * 隠れ層のデルタは、次のレイヤのデルタから求めます：$\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$。誤差が逆向きに伝わるので、誤差逆伝播法と呼ばれます。
# * どの勾配も $\partial E/\partial w = \delta \cdot z_\text{prev}$ です。例題では $E = 0.008873199616318052$、$\delta^{(2)} = -0.1332156$ です。
#   $\eta = 0.1$ で1ステップ更新すると、$E \approx 0.00595108649006$ になります。
# * ソフトマックス関数と交差エントロピー誤差では、$\partial \log y_k/\partial u_i = [k = i] - y_i$ です（$[k = i]$ はクロネッカーのデルタ）。
#   したがって、$\delta_i = y_i - t_i$ になります。
# * 誤差逆伝播法の結果は、数値微分の勾配と比べて確かめます（相対誤差 < 1e-7）。
# * シグモイド関数と2乗誤差では、出力が飽和するとほとんど0になるσ′が残ります。分類には交差エントロピー誤差を使いましょう。

# %% [raw] teacher="en"
# **Objectives.** Chain rule (連鎖律), one and several variables; the network of the Qiita article
# 「ニューラルネットワークをざっくりと理解する」 (weighted sums u, activations z,
# sigmoid hidden layer, identity (恒等関数) output, ½ squared error); output δ = y − t; hidden δ_j = f′(u_j) Σ_k w_kj δ_k;
# ∂E/∂w = δ · z_prev; the recursion that names backpropagation (誤差逆伝播法); the worked example with the course's own
# numbers, one bias per hidden unit (b1 = [0.1, 0.1]) (E =
# 0.008873199616318052, δ2 = −0.13321561) checked against the numerical gradient (relative error < 1e-7); why
# softmax + CE and sigmoid + BCE also give δ = y − t (derived step by step with the Kronecker delta, written [k = i]);
# why sigmoid + squared error keeps a σ′ factor, which slows learning when the output
# saturates; the same σ′ (at most 0.25) multiplied in at every hidden layer is what makes gradients vanish (勾配消失).
#
# **10-minute demo (backward explorer, section 12).** Press **Next ▶** one step at a time: the forward values appear
# node by node, then the backward pass lights up δ2, the two hidden δ's, and each gradient as δ × the value flowing
# into the weight. Pause at δ2 = y − t and ask *why* it is that simple (answer below). Finish with the gradient check
# cell: backprop and the numerical gradient agree to a relative error below 1e-7.
#
# **Misconceptions.** See [why δ = y − t](#3-why-δ--y--t). Also: "backprop is a different way of learning" — it is
# only an efficient way to compute the gradient; gradient descent does the learning. "δ is the error y − t everywhere"
# — only at the output; hidden δ's carry f′(u) and the weights.
#
# **Discussion.** Why compute δ once per unit and reuse it, instead of differentiating each weight separately? What
# happens to the hidden δ's with ten sigmoid layers?
#
# **Exercise answers.** 06.1: target 0.5, output δ = y − 0.5 = **0.36678** (the forward pass is unchanged). 06.2:
# new input x = [2, −1], ∂E/∂W1[1, 0] = x2 · δ(h1) = **0.029377** (a forward and backward pass for the new input).
# 06.3: tanh output with ½ squared error,
# `delta_tanh_se = lambda u, t: (np.tanh(u) - t) * (1 - np.tanh(u) ** 2)`. 06.4: loss after two SGD steps with
# η = 0.1 from a fresh `TwoLayerNet(W1, b1, W2, b2)` = **0.0039872**.

# %% [raw] teacher="ja"
# **ねらい。**
#
# * 1変数と多変数の連鎖律（chain rule）を学びます。
# * Qiitaの記事「ニューラルネットワークをざっくりと理解する」のネットワークを使います。総入力 u、活性化 z、シグモイド関数の隠れ層、恒等関数（identity function）の出力、½·2乗誤差からなります。
# * 出力のδ = y − t、隠れ層の δ_j = f′(u_j) Σ_k w_kj δ_k、∂E/∂w = δ · z_prev を導きます。
# * この再帰が、誤差逆伝播法（backpropagation）という名前の由来です。
# * コース独自の数値で計算例を示します。隠れユニットごとにバイアスを1つ持たせます（b1 = [0.1, 0.1]）。
# * その結果（E = 0.008873199616318052、δ2 = −0.13321561）を、数値勾配と照らし合わせて確かめます（相対誤差 < 1e-7）。
# * ソフトマックス関数 + 交差エントロピー誤差、シグモイド関数 + 二値交差エントロピーでもδ = y − t になる理由を学びます。クロネッカーのデルタを [k = i] と書いて、一歩ずつ導きます。
# * シグモイド関数 + 2乗誤差ではσ′の因子が残り、出力が飽和すると学習が遅くなる理由を学びます。同じσ′（最大0.25）が隠れ層を通るたびに掛かることが、勾配消失（vanishing gradient）の原因です。
#
# **10分間のデモ（12節の逆伝播のエクスプローラー）。** **Next ▶** を1回ずつ押します。順伝播の値がノードごとに現れ、続いて逆伝播でδ2、隠れ層の2つのδ、そして各勾配が「δ × その重みに流れ込む値」として順に光ります。δ2 = y − t のところで止まり、*なぜ* こんなに単純なのかを問いかけます（答えは下にあります）。最後に勾配確認のセルを実行します。誤差逆伝播法と数値勾配は、相対誤差1e-7未満で一致します。
#
# **よくある誤解。** [なぜδ = y − t なのか](#3-なぜδ--y--t-なのか) を見てください。ほかに、「誤差逆伝播法は別の学習方法だ」：勾配を効率よく計算する方法にすぎず、学習をするのは勾配降下法です。「δはどこでも誤差y − t だ」：そうなるのは出力だけです。隠れ層のδは
# f′(u) と重みを含みます。
#
# **話し合いの問い。** 重みごとに別々に微分するのではなく、ユニットごとにδを一度だけ計算して使い回すのはなぜでしょうか。シグモイド関数の層が10層あると、隠れ層のδはどうなるでしょうか。
#
# **演習の解答。** 06.1: 正解ラベル0.5、出力のδ = y − 0.5 = **0.36678**（順伝播は変わりません）。06.2:
# 新しい入力x = [2, −1]、∂E/∂W1[1, 0] = x2 · δ(h1) = **0.029377**（新しい入力で順伝播と逆伝播を1回ずつ行います）。
# 06.3: tanhの出力と½·2乗誤差、
# `delta_tanh_se = lambda u, t: (np.tanh(u) - t) * (1 - np.tanh(u) ** 2)`。06.4: 新しい `TwoLayerNet(W1, b1, W2, b2)` から
# η = 0.1でSGDを2ステップ進めたあとの損失 = **0.0039872**。
