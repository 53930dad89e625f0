# %% [markdown]
# # 05 — Minimising the loss: gradient descent
#
# **What you will learn**
#
# * two ways to find a minimum: set the derivative to zero and solve, or **iterate** — and why networks must iterate;
# * how the sign of the slope tells you which way to move, and the update rule of gradient descent (勾配降下法)
#   $w \leftarrow w - \eta\, \partial L / \partial w$ with the learning rate (学習率) $\eta$;
# * the numerical derivative (数値微分) by central difference (中心差分), with the book's values, and why the forward
#   difference is worse;
# * what happens when $\eta$ is too small, right, or too large — on a 1-D loss and on a 2-D contour plot;
# * mini-batch (ミニバッチ) stochastic gradient descent (確率的勾配降下法, SGD) with batch sizes 32, 64, 128, 256, the
#   epoch (エポック), and why the loss is a *mean* over the batch;
# * partial derivatives (偏微分) and the gradient (勾配) of a function of several weights, measured numerically.

# %% [markdown] lang="ja"
# # 05 — 損失を最小にする：勾配降下法
#
# **この章で学ぶこと**
#
# * 最小値を見つける2つの方法を学びます。導関数を0とおいて解く方法と、**繰り返し** 少しずつ近づく方法です。ニューラルネットワークでは、なぜ繰り返すしかないのかもわかります。
# * 傾きの符号から、重みを動かす向きがわかることを学びます。
#   そして、勾配降下法（gradient descent）の更新式 $w \leftarrow w - \eta\, \partial L / \partial w$ を学びます。$\eta$ は学習率（learning rate）です。
# * 中心差分（central difference）による数値微分（numerical differentiation）を本の値で確かめ、前方差分のほうが劣る理由を調べます。
# * $\eta$ が小さすぎるとき、ちょうどよいとき、大きすぎるときに何が起きるかを、1次元の損失と2次元の等高線図で見ます。
# * バッチサイズ（batch size）32、64、128、256のミニバッチ（mini-batch）で、確率的勾配降下法（stochastic gradient descent, SGD）を試します。エポック（epoch）とは何か、損失をバッチについての *平均* にする理由も学びます。
# * 重みが複数ある関数の偏微分（partial derivative）と勾配（gradient）を、数値的に求めます。

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
# ## 1. Set the derivative to zero, or iterate?
#
# Fit a line through the origin, $y = w x$, to 20 seeded points $(x_n, t_n)$, with the mean squared error
# $L(w) = \frac{1}{N}\sum_n (w x_n - t_n)^2$. At a minimum the slope of the tangent (接線の傾き) is zero:
# $\frac{dL}{dw} = \frac{2}{N}\sum_n x_n (w x_n - t_n) = 0$, which we can solve: $w^* = \sum x_n t_n / \sum x_n^2$.

# %% [markdown] lang="ja"
# ## 1. 導関数を0とおくか、繰り返すか
#
# 原点を通る直線 $y = w x$ を、シードを固定して作った20個の点 $(x_n, t_n)$ に当てはめます。損失関数（loss function）には平均二乗誤差（mean squared error）$L(w) = \frac{1}{N}\sum_n (w x_n - t_n)^2$ を使います。
# 最小値では、接線の傾き（slope of the tangent）が0になります。
# $\frac{dL}{dw} = \frac{2}{N}\sum_n x_n (w x_n - t_n) = 0$ とおくと、この方程式は解けます。
# 答えは $w^* = \sum x_n t_n / \sum x_n^2$ です。

# %%
x, t = helpers.data.toy_regression(20, seed=0, slope=2.0, intercept=0.0)
w_star = np.sum(x * t) / np.sum(x**2)
print("w* from dL/dw = 0:", w_star)

# %% [markdown]
# This works because $L$ is a simple quadratic in one variable. A network has thousands of weights tangled by nonlinear
# activations: the equations $\partial L / \partial w_i = 0$ cannot be solved on paper. The way out
# ([[src:003]]): start somewhere and **improve the weights a little at a time**.

# %% [markdown] lang="ja"
# これがうまくいくのは、$L$ が1変数の単純な二次関数だからです。ニューラルネットワークには何千もの重みがあり、非線形の活性化関数（activation function）を通して複雑に絡み合っています。そのため、方程式 $\partial L / \partial w_i = 0$ を紙の上で解くことはできません。
# そこで、ある場所から出発して **重みを少しずつ更新していき**、最適な値を探します（[[src:003]]）。

# %%
def loss(w):
    return np.mean((w * x - t) ** 2)


def grad(w):
    return 2 * np.mean(x * (w * x - t))


# %% [markdown]
# ## 2. The sign of the slope says which way to go
#
# Left of the minimum the slope is negative: *increase* $w$. Right of it the slope is positive: *decrease* $w$.
# The plot shows $L(w)$ with the tangents at $w = 1$ and $w = 3$; the arrows point where the loss goes down.

# %% [markdown] lang="ja"
# ## 2. 傾きの符号が進む向きを教えてくれる
#
# 最小値より左では傾きが負なので、$w$ を *増やします*。右では傾きが正なので、$w$ を *減らします*。
# グラフは $L(w)$ と、$w = 1$ と $w = 3$ での接線を示しています。矢印は損失が下がる向きを指しています。

# %%
for w in (1.0, 3.0):
    print(f"w = {w}: slope {grad(w):+.3f} -> move w {'up' if grad(w) < 0 else 'down'}")

# %%
ws = np.linspace(0.5, 3.5, 200)
fig, ax = plt.subplots(layout="constrained")
ax.plot(ws, [loss(w) for w in ws], color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="L(w)")
for w in (1.0, 3.0):
    ax.plot(ws, loss(w) + grad(w) * (ws - w), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], linewidth=1)
    ax.annotate("", xy=(w - 0.4 * np.sign(grad(w)), loss(w)), xytext=(w, loss(w)),
                arrowprops={"arrowstyle": "->", "color": COLORS["target"], "linewidth": 2.5})  # fmt: skip
ax.axvline(w_star, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
ax.set(ylim=(0, 16), xlabel="w", ylabel="L(w)", title=tr("slope < 0 → increase w; slope > 0 → decrease w", "傾き < 0 → w を増やす、傾き > 0 → w を減らす"))
plt.show()

# %% [markdown]
# ## 3. The update rule
#
# Moving against the slope, by a step proportional to it, is **gradient descent**:
#
# $$w \leftarrow w - \eta \frac{\partial L}{\partial w}$$
#
# $\eta$ (eta) is the **learning rate**: how far to move per step. Big slopes give big steps, and near the minimum,
# where the slope vanishes, the steps shrink by themselves. Five steps from $w = 0$ with $\eta = 0.02$:

# %% [markdown] lang="ja"
# ## 3. 更新式
#
# 傾きと逆の向きに、傾きに比例した幅だけ動かす。これが **勾配降下法** です。
#
# $$w \leftarrow w - \eta \frac{\partial L}{\partial w}$$
#
# $\eta$（イータ）は **学習率** で、1回の更新でどれだけ動かすかを決めます。傾きが大きければ大きく動き、傾きが0に近づく最小値の近くでは、更新の幅が自然に小さくなります。
# $w = 0$ から $\eta = 0.02$ で5回更新してみましょう。

# %%
w, lr = 0.0, 0.02
for step in range(1, 6):
    w = w - lr * grad(w)
    print(f"step {step}: w = {w:.6f}, L = {loss(w):.6f}")

# %% [markdown]
# After 100 steps the iteration lands on the answer of section 1:

# %% [markdown] lang="ja"
# 100回更新すると、1節で解いた答えにたどり着きます。

# %%
w = 0.0
for _ in range(100):
    w = w - lr * grad(w)
print("gradient descent:", w, "  solved:", w_star, "  close:", np.isclose(w, w_star))

# %% [markdown]
# ## 4. The derivative without calculus: numerical differentiation
#
# When you cannot (or do not trust yourself to) differentiate by hand, measure the slope: move $x$ a little each way.
# The **central difference** is $f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}$ with $h = 10^{-4}$ (the book's choice).
# The book's function is $f(x) = 0.01x^2 + 0.1x$, whose exact slope is $0.02x + 0.1$: 0.2 at $x = 5$, 0.3 at $x = 10$.

# %% [markdown] lang="ja"
# ## 4. 微分の公式を使わずに微分する：数値微分
#
# 手で微分できないとき（あるいは自分の計算に自信がないとき）は、傾きを測ります。$x$ を左右に少しだけ動かすのです。
# **中心差分** は $f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}$ で、$h = 10^{-4}$ とします（本と同じ値です）。
# 本の関数は $f(x) = 0.01x^2 + 0.1x$ で、正確な傾きは $0.02x + 0.1$ です。$x = 5$ では0.2、$x = 10$ では0.3になります。

# %%
def f(x):
    return 0.01 * x**2 + 0.1 * x


h = 1e-4
print("x = 5: ", (f(5 + h) - f(5 - h)) / (2 * h))
print("x = 10:", (f(10 + h) - f(10 - h)) / (2 * h))

# %% [markdown]
# The same digits as the book, and `helpers.numdiff.numerical_diff` returns them too. The tiny deviation from 0.2 is
# rounding error in $f(x \pm h)$, not a mistake.

# %% [markdown] lang="ja"
# 本と同じ桁が出ました。`helpers.numdiff.numerical_diff` も同じ値を返します。0.2からのわずかなずれは、$f(x \pm h)$ の丸め誤差によるもので、間違いではありません。

# %%
print(helpers.numerical_diff(f, 5), helpers.numerical_diff(f, 10))

# %% [markdown]
# ### Why central and not forward?
#
# The **forward difference** $\frac{f(x + h) - f(x)}{h}$ measures the slope of a chord that starts at $x$ — it is really
# the slope at about $x + h/2$. Its error shrinks like $h$; the central difference's like $h^2$:

# %% [markdown] lang="ja"
# ### なぜ前方差分ではなく中心差分なのか
#
# **前方差分**（forward difference）$\frac{f(x + h) - f(x)}{h}$ は、$x$ から始まる弦の傾きを測っています。これは実際には、およそ $x + h/2$ での傾きです。
# 前方差分の誤差は $h$ に比例して小さくなり、中心差分の誤差は $h^2$ に比例して小さくなります。

# %%
forward = (f(5 + h) - f(5)) / h
central = (f(5 + h) - f(5 - h)) / (2 * h)
print(f"forward: {forward!r}  error {abs(forward - 0.2):.1e}")
print(f"central: {central!r}  error {abs(central - 0.2):.1e}")

# %% [markdown]
# A smaller $h$ is not always better: the book warns that `np.float32(1e-50)` is simply 0, and in float64 a tiny $h$
# makes $f(x+h) - f(x)$ a difference of nearly equal numbers, all rounding error. The log–log plot shows the error of
# both formulas against $h$. Right of $10^{-7}$ the forward error is exactly $0.01h$ (a straight line of slope 1); the
# central difference has **no** truncation error on a quadratic (in general it shrinks like $h^2$), so all that is left
# is rounding error. Rounding error grows as $h$ shrinks. On the left of the plot it is larger than everything else,
# for both formulas.

# %% [markdown] lang="ja"
# $h$ は小さければよいわけではありません。本が注意しているとおり、`np.float32(1e-50)` は単に0になってしまいます。float64でも、$h$ がごく小さいと $f(x+h) - f(x)$ はほぼ等しい2つの数の差になり、丸め誤差しか残りません。
# 両対数グラフは、2つの式の誤差を $h$ に対して示しています。
# $10^{-7}$ より右では、前方差分の誤差はちょうど $0.01h$ です（傾き1の直線）。
# 中心差分は、二次関数では打ち切り誤差（truncation error）が **まったくありません**（一般には $h^2$ に比例して小さくなります）。そのため、残るのは丸め誤差だけです。
# 丸め誤差は、$h$ が小さくなるほど大きくなります。グラフの左側では、どちらの式でも丸め誤差がほかのどの誤差よりも大きくなっています。

# %%
print("np.float32(1e-50) =", np.float32(1e-50))
hs = np.logspace(-13, -1, 121)
err_fwd = [abs((f(5 + s) - f(5)) / s - 0.2) + 1e-18 for s in hs]  # + 1e-18: keep exact zeros on a log axis
err_cen = [abs((f(5 + s) - f(5 - s)) / (2 * s) - 0.2) + 1e-18 for s in hs]

# %%
fig, ax = plt.subplots(layout="constrained")
ax.loglog(hs, err_fwd, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label=tr("forward difference", "前方差分"))
ax.loglog(hs, err_cen, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label=tr("central difference", "中心差分"))
ax.axvline(1e-4, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
ax.set(xlabel=tr("step h", "刻み幅 h"), ylabel=tr("|error| at x = 5", "x = 5 での |誤差|"), ylim=(1e-16, 1e-1))
ax.set_title(tr("数値微分: error vs step h", "数値微分：刻み幅 h と誤差"))
ax.legend(loc="upper center")
plt.show()

# %% [markdown]
# The dotted line is the book's $h = 10^{-4}$: the central error is already tiny there. Numerical gradients are slow
# (two evaluations of the loss per weight), so networks use backpropagation (chapter 06) and keep the numerical gradient
# to **check** it.

# %% [markdown] lang="ja"
# 点線は本の $h = 10^{-4}$ です。そこでは、中心差分の誤差はすでにとても小さくなっています。
# 数値微分で勾配を求めるのは時間がかかります（重み1つにつき損失を2回計算します）。そこでニューラルネットワークでは誤差逆伝播法（backpropagation、06章）を使い、数値微分による勾配はその **確認**（勾配確認、gradient check）に使います。

# %% [markdown]
# ## 5. Explorer: learning rate and number of steps
#
# Both panels use the same $\eta$ and step count. Left: $L(w) = (w - 2)^2$ from $w = -2$. Right: the contour lines of
# the elongated bowl $f(w_1, w_2) = w_1^2/20 + w_2^2$ (the book's chapter 6 example), starting at $(-7, 2)$; the minimum
# is the star; the vermillion arrows are $-\nabla f$ (drawn at half length) at every point visited: the gradient points uphill,
# so each step goes along the arrow, $\eta$ times its full length. Try $\eta = 0.01$ (crawls), $0.1$ (1-D converges, 2-D still far along $w_1$), $0.9$ (zig-zags across the
# steep direction but gets there with enough steps), and $1.05$ (both explode).

# %% [markdown] lang="ja"
# ## 5. エクスプローラー：学習率とステップ数
#
# 2つのグラフは、同じ $\eta$ とステップ数を使います。左は $L(w) = (w - 2)^2$ で、$w = -2$ から出発します。
# 右は細長いお椀 $f(w_1, w_2) = w_1^2/20 + w_2^2$ の等高線（contour line）で（本の6章の例です）、$(-7, 2)$ から出発します。星印が最小値です。
# 朱色の矢印は、通った各点での $-\nabla f$ です（長さを半分にして描いています）。勾配は上り坂の向きを指すので、各ステップは矢印の向きに、矢印の本来の長さの $\eta$ 倍だけ進みます。
# 次の値を試してみましょう。
#
# * $\eta = 0.01$：のろのろとしか進みません。
# * $0.1$：1次元では収束しますが、2次元では $w_1$ の方向にまだ遠いままです。
# * $0.9$：急な方向をジグザグに進みますが、ステップ数が十分あればたどり着きます。
# * $1.05$：どちらも発散します。

# %% tags=["nbval-ignore-output"]
descent = helpers.explorers.ch05.descent_explorer()
descent

# %% [markdown]
# Driven from code, 60 steps each — too small, good for 1-D only, good for both, too large:

# %% [markdown] lang="ja"
# コードから動かします。どれも60ステップです。学習率は順に小さすぎるもの、1次元だけによいもの、どちらにもよいもの、大きすぎるものです。

# %%
for lr in (0.01, 0.1, 0.9, 1.05):
    descent.set(lr=lr, steps=60)
    print(descent.readout_text)
descent.set(lr=0.1, steps=30)

# %% [markdown]
# Why does $\eta = 1$ separate "converges" from "explodes" here? Follow one step on $L(w) = (w - 2)^2$. Its slope is
# $2(w - 2)$, so the update gives
#
# $$w_\text{new} - 2 = (w - 2) - \eta \cdot 2(w - 2) = (1 - 2\eta)\,(w - 2).$$
#
# In words: each step multiplies the distance to the minimum by the same number, $1 - 2\eta$.
#
# * $\eta = 0.1$: the factor is $0.8$ — the distance shrinks by 20 % per step.
# * $\eta = 0.9$: the factor is $-0.8$ — the step jumps over the minimum (the sign flips) but lands closer: zig-zag.
# * $\eta = 1.05$: the factor is $-1.1$ — every jump lands *farther* away: the path explodes.
#
# The rule: the path converges when the factor is between −1 and 1, that is for $0 < \eta < 1$. The 2-D bowl has
# such a factor for each direction: $1 - 2\eta$ along $w_2$ (as steep as the 1-D loss) and $1 - \eta/10$ along $w_1$
# (20 times flatter). The steep direction sets the largest safe $\eta$; the flat direction then decides how many
# steps you need. Improved methods such as momentum and Adam (E資格 topics) address this mismatch.

# %% [markdown] lang="ja"
# ここでは、なぜ $\eta = 1$ が「収束」と「発散」の境目になるのでしょうか。$L(w) = (w - 2)^2$ での1回の更新を追ってみましょう。傾きは $2(w - 2)$ なので、更新式から次の式が得られます。
#
# $$w_\text{new} - 2 = (w - 2) - \eta \cdot 2(w - 2) = (1 - 2\eta)\,(w - 2).$$
#
# 言葉でいえば、1回の更新ごとに、最小値までの距離に同じ数 $1 - 2\eta$ が掛かるということです。
#
# * $\eta = 0.1$：係数は $0.8$ です。距離は1ステップごとに20%ずつ縮みます。
# * $\eta = 0.9$：係数は $-0.8$ です。最小値を飛び越えます（符号が反転します）が、前より近くに着地します。これがジグザグです。
# * $\eta = 1.05$：係数は $-1.1$ です。飛び越すたびに着地点が *もっと遠く* なり、発散します。
#
# つまり、係数が−1と1のあいだにあるとき、すなわち $0 < \eta < 1$ のときに収束します。
# 2次元のお椀には、方向ごとにこのような係数があります。$w_2$ の方向は $1 - 2\eta$（1次元の損失と同じ急さ）、$w_1$ の方向は $1 - \eta/10$（20倍なだらか）です。
# 急な方向が、安全に使える最大の $\eta$ を決めます。なだらかな方向は、必要なステップ数を決めます。
# MomentumやAdamなどの改良された手法（E資格の出題範囲です）は、この食い違いに対処するものです。

# %%
for lr in (0.1, 0.9, 1.05):
    print(f"η = {lr}: factor along w2 {1 - 2 * lr:+.2f}, along w1 {1 - lr / 10:+.3f}")

# %% [markdown]
# ## 6. Mini-batch SGD (ミニバッチ学習)
#
# With a large data set, computing the gradient over **all** samples for every step is expensive ([[src:003]]). Mini-batch
# gradient descent takes a random handful — a mini-batch of $B$ samples — and steps with their gradient. One pass over
# the whole training set is an **epoch** (エポック): $N / B$ steps. Our data: 2048 noisy points $(x_n, t_n)$ around the
# line $2x + 1$; the model is $y = wx + b$.

# %% [markdown] lang="ja"
# ## 6. ミニバッチ学習（mini-batch learning）
#
# データが大量にあると、更新のたびに **すべての** サンプルについて勾配を計算するのは、計算コストの面で大変です（[[src:003]]）。
# ミニバッチ勾配降下法では、ランダムに選んだ少数のサンプル、つまり $B$ 個のサンプルからなるミニバッチを使い、その勾配で更新します。
# 訓練データ（training data）全体を1回使い切ることを **エポック** といい、1エポックは $N / B$ ステップです。
# ここでのデータは、直線 $2x + 1$ のまわりにノイズを加えた2048個の点 $(x_n, t_n)$ で、モデルは $y = wx + b$ です。

# %%
x_big, t_big = helpers.data.toy_regression(2048, seed=0)
X1 = np.column_stack([x_big, np.ones_like(x_big)])
best = np.linalg.lstsq(X1, t_big, rcond=None)[0]
min_loss = helpers.mean_squared_error(X1 @ best, t_big)
print("least squares w, b:", best, "  lowest possible MSE:", min_loss)

# %% [markdown]
# The loop: shuffle once per epoch, cut the order into batches, step on each batch's **mean** gradient.

# %% [markdown] lang="ja"
# ループの流れはこうです。エポックごとに1回シャッフルし、その順番をバッチに切り分け、各バッチの **平均** の勾配で更新します。

# %%
def sgd(batch_size, lr=0.05, epochs=5, seed=0, reduction="mean"):
    rng = np.random.default_rng(seed)
    w, b, batch_losses = 0.0, 0.0, []
    for _ in range(epochs):
        order = rng.permutation(len(x_big))
        for start in range(0, len(x_big) - batch_size + 1, batch_size):
            i = order[start : start + batch_size]
            err = w * x_big[i] + b - t_big[i]
            batch_losses.append(np.mean(err**2))
            scale = 1 / batch_size if reduction == "mean" else 1.0  # the 1/B of the mean
            w, b = w - lr * scale * 2 * np.sum(err * x_big[i]), b - lr * scale * 2 * np.sum(err)
    return w, b, np.array(batch_losses)


# %% [markdown]
# The batch sizes of [[src:003]], five epochs each with $\eta = 0.05$. Every epoch touches all 2048 samples whatever
# $B$ is; what changes is the number of **updates** per epoch and how noisy each one is. One run depends on the random
# order of the samples, so we repeat each run with 10 different shuffles (seeds 0–9) and report the mean and the
# range.

# %% [markdown] lang="ja"
# [[src:003]] にあるバッチサイズを、それぞれ $\eta = 0.05$ で5エポックずつ試します。$B$ がいくつでも、1エポックでは2048個のサンプルすべてを使います。変わるのは、1エポックあたりの **更新** の回数と、1回ごとの更新のばらつきです。
# 1回の実行の結果はサンプルのランダムな順番に左右されます。そこで、それぞれの実行を10通りのシャッフル（シード0〜9）で繰り返し、平均と範囲を示します。

# %%
runs = {}
print("  B  steps/epoch  excess MSE after 5 epochs: mean (min – max)   noise (std of batch loss, last epoch)")
for B in (32, 64, 128, 256):
    steps = len(x_big) // B
    excess, noise = [], []
    for seed in range(10):
        w, b, batch_losses = sgd(B, seed=seed)
        excess.append(helpers.mean_squared_error(w * x_big + b, t_big) - min_loss)
        noise.append(np.std(batch_losses[-steps:]))
        if seed == 0:
            runs[B] = batch_losses  # seed 0's run, for the plot below
    print(f"{B:3d}  {steps:11d}  {np.mean(excess):.4f} ({min(excess):.4f} – {max(excess):.4f}){np.mean(noise):26.3f}")

# %% [markdown]
# What the table shows, and what it does not:
#
# * **Noise.** The smaller the batch, the noisier the batch losses: their spread in the last epoch falls from
#   $B = 32$ to $B = 256$. With a constant $\eta$, a small batch keeps jittering around the minimum instead of settling
#   (which is why the learning rate is often lowered during training).
# * **Error after 5 epochs.** On average over the 10 shuffles the excess error falls as $B$ grows, and $B = 256$ ends
#   lowest here. But the ranges overlap a lot: one shuffle can put $B = 64$ far ahead of $B = 256$ or far behind.
#   One run is not enough to rank batch sizes — always compare over several seeds.
# * **Cost.** Each epoch costs the same number of sample gradients for every $B$. On a GPU, as long as a batch fits
#   its parallel units, a step on 256 samples can take little more time than a step on 32 (the samples are processed
#   side by side), so an epoch of fewer, larger batches can finish sooner — how much depends on the model and the
#   hardware. That is why large batches are popular; powers of two fit the hardware.
#
# The four panels show seed 0's loss of every mini-batch against epochs: the curve for $B = 32$ is a band, the one
# for $B = 256$ a thin line.

# %% [markdown] lang="ja"
# 表からわかること、わからないことを整理しましょう。
#
# * **ばらつき。** バッチが小さいほど、バッチの損失のばらつきは大きくなります。最後のエポックでのばらつきは、$B = 32$ から $B = 256$ に向かって小さくなっています。
#   $\eta$ が一定だと、小さいバッチは最小値のまわりで揺れ続け、落ち着きません（学習の途中で学習率を下げることが多いのは、このためです）。
# * **5エポック後の誤差。** 10通りのシャッフルについて平均すると、$B$ が大きいほど余分な誤差は小さくなり、ここでは $B = 256$ が最も小さくなっています。余分な誤差とは、表の excess MSE、つまり達成できる最小の平均二乗誤差0.9920を超えた分です。
#   しかし、範囲は大きく重なっています。シャッフルによっては、$B = 64$ が $B = 256$ よりずっとよいこともあれば、ずっと悪いこともあります。
#   1回の実行でバッチサイズの優劣は決められません。必ず複数のシードで比べましょう。
# * **コスト。** 1エポックで計算するサンプルの勾配の数は、どの $B$ でも同じです。
#   GPUでは、バッチが並列ユニットに収まる限り、256サンプルの1ステップにかかる時間は、32サンプルの1ステップとあまり変わらないことがあります（サンプルを並べて同時に処理するからです）。
#   そのため、大きなバッチを少ない回数で処理すると、1エポックを早く終えられる場合があります。どれだけ速くなるかは、モデルとハードウェアによります。
#   大きなバッチがよく使われるのはこのためで、ハードウェアに合うように2の累乗がよく使われます。
#
# 4つのパネルは、シード0の実行でのミニバッチごとの損失を、エポックに対して示しています。$B = 32$ の曲線は帯のように太く、$B = 256$ の曲線は細い線です。

# %%
fig, axes = plt.subplots(1, 4, figsize=(10, 3), sharey=True, layout="constrained")
for ax, (B, batch_losses) in zip(axes, runs.items(), strict=True):
    epochs_axis = np.arange(1, len(batch_losses) + 1) / (len(x_big) // B)
    ax.plot(epochs_axis, batch_losses, color=COLORS["loss"], linewidth=1)
    ax.axhline(min_loss, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
    ax.set(title=tr(f"B = {B}: {len(x_big) // B} steps/epoch", f"B = {B}\n1エポック {len(x_big) // B} ステップ"), yscale="log", ylim=(0.4, 40))
    ax.set_xlabel(tr("epoch (エポック)", "エポック"))
axes[0].set_ylabel(tr("mini-batch MSE", "ミニバッチの平均二乗誤差"))
plt.show()

# %% [markdown]
# ### Mean vs sum: the 1/B in the gradient
#
# We averaged the batch loss. Had we **summed** it, the gradient would be $B$ times larger — exactly:

# %% [markdown] lang="ja"
# ### 平均か和か：勾配の1/B
#
# ここまでは、バッチの損失を平均しました。もし **和** をとっていたら、勾配はちょうど $B$ 倍になります。

# %%
i = np.arange(128)
err = 0.0 * x_big[i] + 0.0 - t_big[i]
g_mean = 2 * np.mean(err * x_big[i])
g_sum = 2 * np.sum(err * x_big[i])
print("sum gradient / mean gradient =", g_sum / g_mean)

# %% [markdown]
# So with the sum, the *effective* learning rate is $\eta B$: the same $\eta = 0.05$ that works for the mean makes the run diverge
# (we silence numpy's overflow warnings; the `nan` is the point). Dividing $\eta$ by $B$ gives back the mean's run.

# %% [markdown] lang="ja"
# つまり和を使うと、*実質的な* 学習率は $\eta B$ になります。平均ではうまくいく $\eta = 0.05$ のままだと、発散してしまいます（numpyのオーバーフローの警告は表示しないようにしています。`nan` になることが、ここでのポイントです）。
# $\eta$ を $B$ で割れば、平均を使ったときと同じ結果に戻ります。

# %%
with np.errstate(over="ignore", invalid="ignore"):  # the run overflows on purpose
    w, b, _ = sgd(32, lr=0.05, reduction="sum")
print("sum, η = 0.05:     w =", w, " b =", b)
w_s, b_s, _ = sgd(32, lr=0.05 / 32, reduction="sum")
w_m, b_m, _ = sgd(32, lr=0.05, reduction="mean")
print("sum, η = 0.05/32:  w =", w_s, "  mean, η = 0.05: w =", w_m, "  same:", np.isclose(w_s, w_m))

# %% [markdown]
# That is why losses are averaged over the batch (PyTorch's default `reduction="mean"`): the learning rate then does
# not depend on the batch size, and you can change $B$ without retuning $\eta$.

# %% [markdown] lang="ja"
# 損失をバッチについて平均するのは（PyTorchの既定の `reduction="mean"` です）、このためです。こうすると学習率がバッチサイズに左右されないので、$\eta$ を調整し直さずに $B$ を変えられます。

# %% [markdown]
# ## 7. Several weights: partial derivatives and the gradient (偏微分, 勾配)
#
# A network's loss depends on many weights at once. Take the book's function of two weights (DLFS §4.3, there with
# $x_0, x_1$): $f(w_1, w_2) = w_1^2 + w_2^2$. A **partial derivative** (偏微分) $\partial f/\partial w_1$ is the slope
# when only $w_1$ moves and $w_2$ stays fixed. So fix $w_2$ and use the 1-D numerical derivative of section 4. At
# $(w_1, w_2) = (3, 4)$, as in the book:

# %% [markdown] lang="ja"
# ## 7. 複数の重み：偏微分と勾配
#
# ニューラルネットワークの損失は、たくさんの重みに同時に依存しています。本の2変数の関数を使いましょう（本の4.3節では $x_0, x_1$ と書いています）：$f(w_1, w_2) = w_1^2 + w_2^2$。
# **偏微分** $\partial f/\partial w_1$ は、$w_2$ を固定して $w_1$ だけを動かしたときの傾きです。
# そこで $w_2$ を固定して、4節の1次元の数値微分を使います。本と同じく $(w_1, w_2) = (3, 4)$ で計算します。

# %%
def f2(w):
    return w[0] ** 2 + w[1] ** 2  # the book's function_2


print("∂f/∂w1 at (3, 4):", helpers.numdiff.numerical_diff(lambda w1: w1**2 + 4.0**2, 3.0))  # w2 fixed at 4
print("∂f/∂w2 at (3, 4):", helpers.numdiff.numerical_diff(lambda w2: 3.0**2 + w2**2, 4.0))  # w1 fixed at 3

# %% [markdown]
# The exact values are $2w_1 = 6$ and $2w_2 = 8$. The vector of all partial derivatives is the **gradient** (勾配),
# $\nabla f = (\partial f/\partial w_1, \partial f/\partial w_2)$. `helpers.numerical_gradient` computes it one weight at a
# time with central differences; the book's three points give the book's results:

# %% [markdown] lang="ja"
# 正確な値は $2w_1 = 6$ と $2w_2 = 8$ です。すべての偏微分をまとめたベクトル $\nabla f = (\partial f/\partial w_1, \partial f/\partial w_2)$ が **勾配** です。
# `helpers.numerical_gradient` は、重みを1つずつ動かして中心差分で勾配を計算します。本の3つの点で、本と同じ結果になります。

# %%
for point in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
    print(point, "->", helpers.numerical_gradient(f2, np.array(point)))

# %% [markdown]
# **What the gradient means.** At every point, $-\nabla f$ points in the direction in which $f$ falls fastest, and
# its length says how steep that is. Gradient descent steps along it: $w \leftarrow w - \eta\,\nabla f$ for all
# weights at once. At the explorer's start $(-7, 2)$ on the elongated bowl $w_1^2/20 + w_2^2$ of section 5:

# %% [markdown] lang="ja"
# **勾配が意味するもの。** どの点でも、$-\nabla f$ は $f$ が最も速く減る向きを指し、その長さは傾きの急さを表します。
# 勾配降下法はこの向きに進みます。すべての重みを同時に $w \leftarrow w - \eta\,\nabla f$ で更新するのです。
# 5節の細長いお椀 $w_1^2/20 + w_2^2$ で、エクスプローラーの出発点 $(-7, 2)$ での値を求めてみましょう。

# %%
def bowl(w):
    return w[0] ** 2 / 20 + w[1] ** 2


print("-∇f at (-7, 2):", -helpers.numerical_gradient(bowl, np.array([-7.0, 2.0])))

# %% [markdown]
# The steepest way down is mostly along $w_2$ (−4.0), hardly along $w_1$ (0.7), although the minimum lies far along
# $w_1$. That is why section 5's path heads across the valley first and then crawls along $w_1$ (with a large
# $\eta > 0.5$, e.g. 0.9, it also zig-zags across). The arrows below draw $-\nabla f$ on a grid, over
# the contour lines (等高線). Left, the book's round bowl: every arrow points at the minimum (the star), longer where
# the bowl is steeper. Right, the elongated bowl: the arrows cross the contour lines at right angles and point across
# the valley, not at the minimum.

# %% [markdown] lang="ja"
# 最も急な下り方向は、ほとんど $w_2$ の方向（−4.0）を向いていて、$w_1$ の方向（0.7）にはわずかしか向いていません。ところが、最小値は $w_1$ の方向に遠く離れています。
# そのため5節の経路は、まず谷を横切り、それから $w_1$ に沿ってのろのろと進みます（$\eta > 0.5$、たとえば0.9のように大きいと、谷を横切るようにジグザグにも進みます）。
# 下の矢印は、格子上の各点での $-\nabla f$ を等高線の上に描いたものです。
# 左は本の丸いお椀です。どの矢印も最小値（星印）を指し、お椀が急なところほど長くなります。
# 右は細長いお椀です。矢印は等高線と直角に交わり、最小値ではなく谷を横切る向きを指しています。

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), width_ratios=(1, 2))
for ax, fn, name, w1_max in ((axes[0], f2, "w1² + w2²", 3), (axes[1], bowl, "w1²/20 + w2²", 8)):
    g1, g2 = np.meshgrid(np.linspace(-w1_max, w1_max, 2 * w1_max + 1), np.linspace(-3, 3, 7))
    points = np.column_stack([g1.ravel(), g2.ravel()])
    down = np.array([-helpers.numerical_gradient(fn, pt) for pt in points])  # −∇f at every grid point
    c1, c2 = np.meshgrid(np.linspace(-w1_max, w1_max, 101), np.linspace(-3, 3, 61))  # a finer grid for the contours
    ax.contour(c1, c2, fn(np.array([c1, c2])), levels=6, colors=COLORS["neutral"], linewidths=0.8)
    ax.quiver(points[:, 0], points[:, 1], down[:, 0], down[:, 1], color=COLORS["gradient"], angles="xy")
    ax.plot(0, 0, marker="*", markersize=14, color=COLORS["target"], linestyle="none")
    ax.set(xlabel="w1", ylabel="w2", title=tr(f"−∇f for f = {name}", f"f = {name} の −∇f"), aspect="equal")
plt.show()

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 05.1.** For $L(w) = (w - 2)^2$, start at $w = -2$ and take **three** gradient-descent steps with
# $\eta = 0.1$. What is $w$ then?

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 05.1** $L(w) = (w - 2)^2$ について、$w = -2$ から出発し、$\eta = 0.1$ で勾配降下法の更新を **3回** 行ってください。そのときの $w$ はいくつですか。

# %%
answer_05_1 = ...  # your code here
check("05.1", answer_05_1)

# %% tags=["solution"]
w = -2.0
for _ in range(3):
    w = w - 0.1 * 2 * (w - 2)
answer_05_1 = w
check("05.1", answer_05_1)

# %% [markdown]
# **Exercise 05.2.** Section 7 used `helpers.numerical_gradient`; now write it yourself for two weights. The **gradient**
# (勾配) is the vector of the two **partial derivatives** (偏微分): $\partial f/\partial w_1$ is the slope when only $w_1$
# moves and $w_2$ stays fixed, and the same the other way round. Write `numerical_gradient_2d(f, w)`: for a function
# `f` of an array `w = [w1, w2]`, return the array of the two central differences with $h = 10^{-4}$ — move one weight
# at a time, without fixing the other by hand in a `lambda` as section 7 did.

# %% [markdown] lang="ja"
# **演習 05.2** 7節では `helpers.numerical_gradient` を使いました。今度は、重みが2つの場合について自分で書いてみましょう。
# **勾配** は2つの **偏微分** を並べたベクトルです。$\partial f/\partial w_1$ は $w_2$ を固定して $w_1$ だけを動かしたときの傾きで、もう一方も同じです。
# `numerical_gradient_2d(f, w)` を書いてください。配列 `w = [w1, w2]` の関数 `f` について、$h = 10^{-4}$ の中心差分2つを並べた配列を返します。
# 重みを1つずつ動かしてください。7節のように、もう一方の重みを `lambda` の中に書いて固定する方法は使いません。

# %%
def numerical_gradient_2d(f, w):
    ...  # your code here


check("05.2", numerical_gradient_2d)

# %% tags=["solution"]
def numerical_gradient_2d(f, w):
    w = np.asarray(w, dtype=float)
    h = 1e-4
    grad = np.zeros(2)
    for i in range(2):
        step = np.zeros(2)
        step[i] = h  # move weight i only
        grad[i] = (f(w + step) - f(w - step)) / (2 * h)
    return grad


check("05.2", numerical_gradient_2d)

# %% [markdown]
# **Exercise 05.3.** A colleague sums the loss over a mini-batch of 128 instead of averaging it. Which learning rate
# makes their run identical to a mean-loss run with $\eta = 0.05$?

# %% [markdown] lang="ja"
# **演習 05.3** 同僚が、ミニバッチ128個の損失を平均せずに和をとっています。平均の損失を使って $\eta = 0.05$ で学習した場合とまったく同じ結果にするには、学習率をいくつにすればよいですか。

# %%
answer_05_3 = ...  # your code here
check("05.3", answer_05_3)

# %% tags=["solution"]
answer_05_3 = 0.05 / 128
check("05.3", answer_05_3)

# %% [markdown]
# ## Summary
#
# * A minimum has zero slope. For a quadratic you can solve $dL/dw = 0$; for a network you **iterate**.
# * Slope negative → increase $w$; slope positive → decrease $w$: $w \leftarrow w - \eta\, \partial L/\partial w$.
# * Central difference: $(f(x+h) - f(x-h))/2h$, $h = 10^{-4}$; the book's $0.01x^2 + 0.1x$ gives 0.1999999999990898 at
#   $x = 5$ and 0.2999999999986347 at $x = 10$. Its error shrinks like $h^2$ (on a quadratic it is only rounding), the
#   forward difference's like $h$.
# * Too small an $\eta$ crawls, too large diverges; the steepest direction sets the limit.
# * Mini-batch SGD: $N/B$ steps per epoch; small $B$ = more, noisier updates; compare batch sizes over several seeds,
#   not one run; the mean's $1/B$ keeps $\eta$ independent of $B$.
# * A function of several weights has one partial derivative (偏微分) per weight; together they form the gradient
#   (勾配), measured numerically one weight at a time: for the book's $w_1^2 + w_2^2$, $[6, 8]$ at $(3, 4)$.
#   $-\nabla f$ points where $f$ falls fastest, at right angles to the contour lines; on an elongated bowl that is
#   across the valley, not at the minimum.

# %% [markdown] lang="ja"
# ## まとめ
#
# * 最小値では傾きが0です。二次関数なら $dL/dw = 0$ を解けますが、ニューラルネットワークでは **繰り返し** 更新します。
# * 傾きが負なら $w$ を増やし、正なら $w$ を減らします：$w \leftarrow w - \eta\, \partial L/\partial w$。
# * 中心差分は $(f(x+h) - f(x-h))/2h$、$h = 10^{-4}$ です。本の $0.01x^2 + 0.1x$ では、$x = 5$ で0.1999999999990898、$x = 10$ で0.2999999999986347になります。
#   中心差分の誤差は $h^2$ に比例して小さくなり（二次関数では丸め誤差だけです）、前方差分の誤差は $h$ に比例して小さくなります。
# * $\eta$ が小さすぎると進みが遅く、大きすぎると発散します。最も急な方向が上限を決めます。
# * ミニバッチSGDでは、1エポックは $N/B$ ステップです。$B$ が小さいほど更新の回数が多く、ばらつきも大きくなります。
#   バッチサイズは1回の実行ではなく、複数のシードで比べましょう。平均の $1/B$ のおかげで、$\eta$ は $B$ に左右されません。
# * 重みが複数ある関数には、重みごとに1つの偏微分があります。それらをまとめたものが勾配で、重みを1つずつ動かして数値的に求められます。本の $w_1^2 + w_2^2$ では、$(3, 4)$ で $[6, 8]$ です。
#   $-\nabla f$ は $f$ が最も速く減る向きを指し、等高線と直角に交わります。細長いお椀では、それは最小値ではなく谷を横切る向きです。

# %% [raw] teacher="en"
# **Objectives.** Set the derivative to zero vs iterate; the sign of the slope says which way to move;
# w ← w − η ∂L/∂w (勾配降下法, 学習率); central-difference numerical derivative (数値微分; 0.1999999999990898 at x = 5 for
# 0.01x² + 0.1x); learning rate too small / right / too large; mini-batch SGD (ミニバッチ) with batch sizes 32–256,
# epochs (エポック), mean vs sum and the 1/N in the gradient; partial derivatives (偏微分) and the gradient (勾配) of a
# function of two weights as in the book (6.00000000000378 and 7.999999999999119 at (3, 4); `numerical_gradient` gives
# [6, 8], [0, 4], [6, 0] at the book's three points), and −∇f drawn as arrows: on w1² + w2² they point at the minimum, on
# the elongated bowl w1²/20 + w2² (−∇f = [0.7, −4] at (−7, 2)) across the valley — why section 5's path heads across the valley and then crawls along w1
# (it zig-zags only when η > 0.5, e.g. 0.9: factor −0.8).
#
# **10-minute demo (descent explorer, section 5).** Set **learning rate η** = 0.01: the path crawls. 0.1: it arrives.
# Raise η step by step: the path starts to zig-zag, and then the readout says *diverged*. Change **steps** to show that more steps do not fix
# a bad η. Then show the mini-batch paths for batch sizes 32 and 256: noisy and cheap vs smooth and expensive.
#
# **Gradient field (section 7), 3 minutes.** Show the two arrow plots side by side and ask where the arrows point on
# the right panel. They cross the contour lines at right angles, not towards the star: the gradient is local.
#
# **Misconceptions.** "The gradient points to the minimum" — it points uphill, locally; we step *against* it; and −∇f
# points to the minimum in general only on a round bowl (section 7's right panel). "A bigger
# learning rate is always faster" — past a threshold (2/curvature) it diverges. "Summing the loss over the batch is
# the same as averaging" — the gradient is N times larger, so the learning rate must shrink by N (exercise 05.3).
#
# **Discussion.** Why the *central* difference rather than the forward one? Why is numerical differentiation not used
# to train networks?
#
# **Exercise answers.** 05.1: three steps on (w − 2)² from w = −2, η = 0.1: **-0.048**. 05.2: the numerical gradient of a
# function of two weights, one central difference per weight (section 7 used `helpers.numerical_gradient` and fixed one
# weight by hand; the exercise asks for the general loop),
# `numerical_gradient_2d = lambda f, w: np.array([(f(np.asarray(w, dtype=float) + 1e-4 * e) - f(np.asarray(w, dtype=float) - 1e-4 * e)) / 2e-4 for e in np.eye(2)])`.
# 05.3: **0.000390625** (0.05 / 128).

# %% [raw] teacher="ja"
# **ねらい。**
#
# * 導関数を0とおいて解く方法と、繰り返す方法を比べます。傾きの符号が、動く向きを教えてくれます。
# * 勾配降下法（gradient descent）の w ← w − η ∂L/∂w と、学習率（learning rate）ηを学びます。
# * 中心差分（central difference）による数値微分（numerical differentiation）を学びます。0.01x² + 0.1x のx = 5では0.1999999999990898になります。
# * 学習率が小さすぎる場合、ちょうどよい場合、大きすぎる場合を比べます。
# * バッチサイズ32〜256のミニバッチ（mini-batch）によるSGD、エポック（epoch）、平均と和の違い、勾配の中の1/Nを扱います。
# * 本と同じく、2つの重みの関数の偏微分（partial derivative）と勾配（gradient）を計算します。(3, 4) では6.00000000000378と7.999999999999119です。
# * `numerical_gradient` は、本の3つの点で [6, 8]、[0, 4]、[6, 0] を返します。
# * −∇f を矢印で描きます。w1² + w2² では、矢印は最小値を指します。
# * 細長いお椀 w1²/20 + w2² では、矢印は谷を横切る向きを指します（(−7, 2) で −∇f = [0.7, −4]）。
# * 5節の経路が、まず谷を横切ってからw1に沿ってゆっくり進む理由もここにあります。ジグザグになるのはη > 0.5のときだけです（たとえば0.9では係数が−0.8）。
#
# **10分間のデモ（5節の勾配降下法のエクスプローラー）。** **学習率η** を0.01にすると、経路はのろのろと進みます。0.1では到着します。
# ηを少しずつ上げていくと、経路はジグザグになり始め、やがて表示が *diverged*（発散）になります。**steps**（ステップ数）を変えて、ステップを増やしても悪いηは直らないことを見せます。続けて、バッチサイズ32と256のミニバッチの経路を見せます。ノイズが多く安い計算と、滑らかで高い計算の対比です。
#
# **勾配の場（7節）、3分間。** 2つの矢印のグラフを並べて見せ、右のグラフで矢印がどこを指しているかを問いかけます。矢印は星に向かうのではなく、等高線と直角に交わっています。勾配は局所的なものです。
#
# **よくある誤解。** 「勾配は最小値を指している」：勾配は局所的に上り坂を指し、私たちはその *逆* 向きに進みます。しかも −∇f が最小値を指すのは、一般には丸いお椀のときだけです（7節の右のグラフ）。「学習率は大きいほど速い」：あるしきい値（2/曲率）を超えると発散します。「バッチの損失を足すのは平均するのと同じだ」：勾配がN倍になるので、学習率をNで割らなければなりません（演習05.3）。
#
# **話し合いの問い。** 前進差分ではなく *中心* 差分を使うのはなぜでしょうか。ネットワークの学習に数値微分を使わないのはなぜでしょうか。
#
# **演習の解答。** 05.1: (w − 2)² 上で、w = −2、η = 0.1から3ステップ進めた値: **-0.048**。
# 05.2: 2つの重みの関数の数値勾配で、重み1つにつき中心差分を1つ使います。7節では `helpers.numerical_gradient` を使い、重みの1つを手で固定しました。演習では一般のループを求めます。
# `numerical_gradient_2d = lambda f, w: np.array([(f(np.asarray(w, dtype=float) + 1e-4 * e) - f(np.asarray(w, dtype=float) - 1e-4 * e)) / 2e-4 for e in np.eye(2)])`。
# 05.3: **0.000390625**（0.05 / 128）。
