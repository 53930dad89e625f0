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

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Set the derivative to zero, or iterate?
#
# Fit a line through the origin, $y = w x$, to 20 seeded points $(x_n, t_n)$, with the mean squared error
# $L(w) = \frac{1}{N}\sum_n (w x_n - t_n)^2$. At a minimum the slope of the tangent (接線の傾き) is zero:
# $\frac{dL}{dw} = \frac{2}{N}\sum_n x_n (w x_n - t_n) = 0$, which we can solve: $w^* = \sum x_n t_n / \sum x_n^2$.

# %%
x, t = helpers.data.toy_regression(20, seed=0, slope=2.0, intercept=0.0)
w_star = np.sum(x * t) / np.sum(x**2)
print("w* from dL/dw = 0:", w_star)

# %% [markdown]
# This works because $L$ is a simple quadratic in one variable. A network has thousands of weights tangled by nonlinear
# activations: the equations $\partial L / \partial w_i = 0$ cannot be solved on paper. The way out
# ([[src:003]]): start somewhere and **improve the weights a little at a time**.

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
ax.set(ylim=(0, 16), xlabel="w", ylabel="L(w)", title="slope < 0 → increase w; slope > 0 → decrease w")
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

# %%
w, lr = 0.0, 0.02
for step in range(1, 6):
    w = w - lr * grad(w)
    print(f"step {step}: w = {w:.6f}, L = {loss(w):.6f}")

# %% [markdown]
# After 100 steps the iteration lands on the answer of section 1:

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

# %%
def f(x):
    return 0.01 * x**2 + 0.1 * x


h = 1e-4
print("x = 5: ", (f(5 + h) - f(5 - h)) / (2 * h))
print("x = 10:", (f(10 + h) - f(10 - h)) / (2 * h))

# %% [markdown]
# The same digits as the book, and `helpers.numdiff.numerical_diff` returns them too. The tiny deviation from 0.2 is
# rounding error in $f(x \pm h)$, not a mistake.

# %%
print(helpers.numerical_diff(f, 5), helpers.numerical_diff(f, 10))

# %% [markdown]
# ### Why central and not forward?
#
# The **forward difference** $\frac{f(x + h) - f(x)}{h}$ measures the slope of a chord that starts at $x$ — it is really
# the slope at about $x + h/2$. Its error shrinks like $h$; the central difference's like $h^2$:

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

# %%
print("np.float32(1e-50) =", np.float32(1e-50))
hs = np.logspace(-13, -1, 121)
err_fwd = [abs((f(5 + s) - f(5)) / s - 0.2) + 1e-18 for s in hs]  # + 1e-18: keep exact zeros on a log axis
err_cen = [abs((f(5 + s) - f(5 - s)) / (2 * s) - 0.2) + 1e-18 for s in hs]

# %%
fig, ax = plt.subplots(layout="constrained")
ax.loglog(hs, err_fwd, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="forward difference")
ax.loglog(hs, err_cen, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label="central difference")
ax.axvline(1e-4, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
ax.set(xlabel="step h", ylabel="|error| at x = 5", ylim=(1e-16, 1e-1), title="数値微分: error vs step h")
ax.legend(loc="upper center")
plt.show()

# %% [markdown]
# The dotted line is the book's $h = 10^{-4}$: the central error is already tiny there. Numerical gradients are slow
# (two evaluations of the loss per weight), so networks use backpropagation (chapter 06) and keep the numerical gradient
# to **check** it.

# %% [markdown]
# ## 5. Explorer: learning rate and number of steps
#
# Both panels use the same $\eta$ and step count. Left: $L(w) = (w - 2)^2$ from $w = -2$. Right: the contour lines of
# the elongated bowl $f(w_1, w_2) = w_1^2/20 + w_2^2$ (the book's chapter 6 example), starting at $(-7, 2)$; the minimum
# is the star; the vermillion arrows are $-\nabla f$ (drawn at half length) at every point visited: the gradient points uphill,
# so each step goes along the arrow, $\eta$ times its full length. Try $\eta = 0.01$ (crawls), $0.1$ (1-D converges, 2-D still far along $w_1$), $0.9$ (zig-zags across the
# steep direction but gets there with enough steps), and $1.05$ (both explode).

# %% tags=["nbval-ignore-output"]
descent = helpers.explorers.ch05.descent_explorer()
descent

# %% [markdown]
# Driven from code, 60 steps each — too small, good for 1-D only, good for both, too large:

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

# %%
x_big, t_big = helpers.data.toy_regression(2048, seed=0)
X1 = np.column_stack([x_big, np.ones_like(x_big)])
best = np.linalg.lstsq(X1, t_big, rcond=None)[0]
min_loss = helpers.mean_squared_error(X1 @ best, t_big)
print("least squares w, b:", best, "  lowest possible MSE:", min_loss)

# %% [markdown]
# The loop: shuffle once per epoch, cut the order into batches, step on each batch's **mean** gradient.

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
            scale = 1 / batch_size if reduction == "mean" else 1.0  # the 1/N of the mean
            w, b = w - lr * scale * 2 * np.sum(err * x_big[i]), b - lr * scale * 2 * np.sum(err)
    return w, b, np.array(batch_losses)


# %% [markdown]
# The batch sizes of [[src:003]], five epochs each with $\eta = 0.05$. Every epoch touches all 2048 samples whatever
# $B$ is; what changes is the number of **updates** per epoch and how noisy each one is. One run depends on the random
# order of the samples, so we repeat each run with 10 different shuffles (seeds 0–9) and report the mean and the
# range.

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

# %%
fig, axes = plt.subplots(1, 4, figsize=(10, 3), sharey=True, layout="constrained")
for ax, (B, batch_losses) in zip(axes, runs.items(), strict=True):
    epochs_axis = np.arange(1, len(batch_losses) + 1) / (len(x_big) // B)
    ax.plot(epochs_axis, batch_losses, color=COLORS["loss"], linewidth=1)
    ax.axhline(min_loss, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
    ax.set(title=f"B = {B}: {len(x_big) // B} steps/epoch", xlabel="epoch (エポック)", yscale="log", ylim=(0.4, 40))
axes[0].set_ylabel("mini-batch MSE")
plt.show()

# %% [markdown]
# ### Mean vs sum: the 1/N in the gradient
#
# We averaged the batch loss. Had we **summed** it, the gradient would be $B$ times larger — exactly:

# %%
i = np.arange(128)
err = 0.0 * x_big[i] + 0.0 - t_big[i]
g_mean = 2 * np.mean(err * x_big[i])
g_sum = 2 * np.sum(err * x_big[i])
print("sum gradient / mean gradient =", g_sum / g_mean)

# %% [markdown]
# So with the sum, the *effective* learning rate is $\eta B$: the same $\eta = 0.05$ that works for the mean makes the run diverge
# (we silence numpy's overflow warnings; the `nan` is the point). Dividing $\eta$ by $B$ gives back the mean's run.

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

# %% [markdown]
# ## 7. Several weights: partial derivatives and the gradient (偏微分, 勾配)
#
# A network's loss depends on many weights at once. Take the book's function of two weights (DLFS §4.3, there with
# $x_0, x_1$): $f(w_1, w_2) = w_1^2 + w_2^2$. A **partial derivative** (偏微分) $\partial f/\partial w_1$ is the slope
# when only $w_1$ moves and $w_2$ stays fixed. So fix $w_2$ and use the 1-D numerical derivative of section 4. At
# $(w_1, w_2) = (3, 4)$, as in the book:

# %%
def f2(w):
    return w[0] ** 2 + w[1] ** 2  # the book's function_2


print("∂f/∂w1 at (3, 4):", helpers.numdiff.numerical_diff(lambda w1: w1**2 + 4.0**2, 3.0))  # w2 fixed at 4
print("∂f/∂w2 at (3, 4):", helpers.numdiff.numerical_diff(lambda w2: 3.0**2 + w2**2, 4.0))  # w1 fixed at 3

# %% [markdown]
# The exact values are $2w_1 = 6$ and $2w_2 = 8$. The vector of all partial derivatives is the **gradient** (勾配),
# $\nabla f = (\partial f/\partial w_1, \partial f/\partial w_2)$. `helpers.numerical_gradient` computes it one weight at a
# time with central differences; the book's three points give the book's results:

# %%
for point in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
    print(point, "->", helpers.numerical_gradient(f2, np.array(point)))

# %% [markdown]
# **What the gradient means.** At every point, $-\nabla f$ points in the direction in which $f$ falls fastest, and
# its length says how steep that is. Gradient descent steps along it: $w \leftarrow w - \eta\,\nabla f$ for all
# weights at once. At the explorer's start $(-7, 2)$ on the elongated bowl $w_1^2/20 + w_2^2$ of section 5:

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
    ax.set(xlabel="w1", ylabel="w2", title=f"−∇f for f = {name}", aspect="equal")
plt.show()

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 05.1.** For $L(w) = (w - 2)^2$, start at $w = -2$ and take **three** gradient-descent steps with
# $\eta = 0.1$. What is $w$ then?

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
