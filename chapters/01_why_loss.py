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

# %% [markdown]
# ## Setup

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.explorers.ch01 as ch01
from helpers.checks import check
from helpers.fit import LINE_A, LINE_B, accuracy, least_squares, line_losses, threshold_data, threshold_loss
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

# %%
x, t = helpers.data.toy_regression()  # 20 points, seed 0: the same on every machine
print("x:", np.round(x, 2))
print("t:", np.round(t, 2))

# %% [markdown]
# The points rise from left to right with some scatter: a line should fit them well, but which one?

# %%
fig, ax = plt.subplots()
ax.plot(x, t, MARKERS["data"], color=COLORS["data"], label="data (x, t)")
ax.set(xlabel="x (input)", ylabel="t (correct label, 正解ラベル)", title="The point cloud")
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

# %%
lines = {"A": LINE_A, "B": LINE_B}
xs = np.array([0.0, 5.0])
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
for ax, (name, (w, b)) in zip(axes, lines.items(), strict=True):
    ax.vlines(x, t, w * x + b, color=COLORS["neutral"], linestyle=":", label="residual (残差)")
    ax.plot(x, t, MARKERS["data"], color=COLORS["data"], label="data")
    ax.plot(xs, w * xs + b, color=COLORS["prediction"], linestyle=LINESTYLES["prediction"], label=f"line {name}")
    ax.set(xlabel="x", title=f"line {name}: y = {w}·x + {b}")
    ax.legend(loc="upper left")
axes[0].set_ylabel("t")
plt.show()

# %% [markdown]
# Hard to say. Line A misses the right-hand points by a lot. Line B misses the left-hand points and a few in the
# middle. Is a few large misses worse than many small ones? Two people can answer this differently, and so can one
# person on two days. To decide in the same way every time — and to let a computer decide — we need to turn all
# twenty residuals into **one number**.

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

# %%
w, b = LINE_A
residuals = (w * x + b) - t
print("SSE of line A:", np.sum(residuals**2))
print("MSE of line A:", np.sum(residuals**2) / len(x))

# %% [markdown]
# `helpers` gives the same numbers (prediction first, target second — the course's fixed argument order):

# %%
for name, (w, b) in lines.items():
    y = w * x + b  # the line's predictions
    sse, mse = helpers.sum_squared_error(y, t), helpers.mean_squared_error(y, t)
    print(f"line {name}:  SSE = {sse:.4f}   MSE = {mse:.4f}")

# %% [markdown]
# **Line B fits better**: MSE 1.2420 against 1.3128 — too close for the eye to decide. The number decides it,
# the same way on every machine, and it can be computed by a program thousands of times a second. That is what a loss
# is for.

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

# %%
w_best, b_best = least_squares(x, t)
print("closed form:", w_best, b_best)
print("np.polyfit: ", *np.polyfit(x, t, 1))

# %% [markdown]
# Its report card, next to the two candidates and the true line $y = 2x + 1$ the data was generated from:

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

# %%
w_grid = np.linspace(0.5, 3.5, 301)
mse_curve = [line_losses(w, b_best, x, t)[1] for w in w_grid]
fig, ax = plt.subplots()
ax.plot(w_grid, mse_curve, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="MSE (b fixed at b*)")
ax.plot([w_best], [line_losses(w_best, b_best, x, t)[1]], "*", color=COLORS["target"], markersize=14, label="least squares")
ax.set(xlabel="slope w (重み)", ylabel="MSE", title="The loss as a function of a weight")
ax.legend()
plt.show()

# %% [markdown]
# Job 4 in numbers: **gradient descent (勾配降下法)** — chapter 05 — starts from line A and repeatedly nudges $w$ and $b$
# downhill, 0.03 times the slope of the MSE each time. Printing the loss every so often is how you monitor it:

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

# %% [markdown]
# ## 6. Why accuracy cannot be the loss
#
# For classification, the score people care about is **accuracy (正解率)**: the share of samples classified correctly.
# Why not train on accuracy directly? Take 20 points on a line, 10 of class 0 and 10 of class 1, and the simplest
# classifier with one parameter: *class 1 if x > θ*.

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

# %%
thetas = np.linspace(-2.5, 2.5, 1001)
acc = [accuracy(th, x_cls, labels) for th in thetas]
bce = [threshold_loss(th, x_cls, labels) for th in thetas]
print("distinct accuracy values over 1001 thresholds:", len(set(acc)))

# %% [markdown]
# Left: accuracy is a **staircase**. It only changes when θ crosses a data point, and is perfectly flat in between.
# Right: the cross-entropy loss is a **smooth curve** with a clear bottom. The ticks at the bottom mark the data points.

# %%
fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(9, 3.4))
ax_acc.plot(thetas, acc, color=COLORS["gradient"])
ax_acc.set(xlabel="threshold θ", ylabel="accuracy (正解率)", title="accuracy: flat steps")
ax_loss.plot(thetas, bce, color=COLORS["loss"], linestyle=LINESTYLES["loss"])
ax_loss.set(xlabel="threshold θ", ylabel="cross-entropy loss", title="loss: smooth, one valley")
for ax in (ax_acc, ax_loss):
    ax.plot(x_cls, np.full_like(x_cls, ax.get_ylim()[0]), "|", color=COLORS["neutral"], markersize=12)
plt.show()

# %% [markdown]
# Optimisers follow the **slope** (the gradient, 勾配) of the loss. Measure the slope of both curves at θ = 0.3 with a
# small step h: accuracy's slope is exactly 0 — it gives no hint which way to move — while the loss's slope is not.

# %%
h = 1e-4
acc_slope = (accuracy(0.3 + h, x_cls, labels) - accuracy(0.3 - h, x_cls, labels)) / (2 * h)
loss_slope = (threshold_loss(0.3 + h, x_cls, labels) - threshold_loss(0.3 - h, x_cls, labels)) / (2 * h)
print(f"slope of accuracy at θ = 0.3: {acc_slope}")
print(f"slope of the loss at θ = 0.3: {loss_slope:.4f}  (positive: move θ left)")

# %% [markdown]
# That is the whole argument: accuracy is **piecewise constant** — its gradient is 0 almost everywhere and undefined
# at the jumps — so gradient-based learning cannot use it. We *train* on a smooth loss and *report* accuracy.

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

# %% tags=["nbval-ignore-output"]
fit = ch01.fit_explorer()
fit

# %% [markdown]
# Driven from code: line B, then the least-squares optimum revealed, then point 19 (the rightmost) dragged down to
# 5, then the points reset.

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

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 01.1.** Section 4's least-squares line won on its own 20 points. Is it also better on *new* points?
# Draw 20 new points from the same source with `x_new, t_new = helpers.data.toy_regression(20, seed=1)` and compute
# the **MSE** of the least-squares line ($w^*$, $b^*$ of section 4) on them, with numpy.

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
