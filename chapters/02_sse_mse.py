# %% [markdown]
# # 02 — Sum of squared errors and MSE, step by step
#
# **What you will learn**
#
# * the sum of squared errors (2乗和誤差, SSE), its book form ½·SSE and the mean squared error (平均二乗誤差, MSE) — and why sources mix up their names;
# * to compute them by hand on the book's MNIST output, printing every step, and why the result ends in `…07`;
# * what the ½ is for, what mean absolute error (平均絶対誤差, MAE) is, and why squared errors are sensitive to outliers (外れ値);
# * to move a predicted probability with a slider and watch the loss answer.

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.explorers.ch02
from helpers.checks import check
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
# Squaring makes every difference count positively — otherwise $+0.1$ and $-0.1$ would cancel (seed 004).
# Dividing by the number of elements $n$ gives the **mean squared error**, which does not grow just because there is more data:
#
# $$\text{MSE} = \frac{1}{n}\sum_k (y_k - t_k)^2$$
#
# The book (斎藤康毅『ゼロから作るDeep Learning』) uses a third form with a ½:
#
# $$E = \frac{1}{2}\sum_k (y_k - t_k)^2$$

# %% [markdown]
# ### Why the ½?
# Differentiate one term: $\frac{\partial}{\partial y_k}\,\frac{1}{2}(y_k - t_k)^2 = (y_k - t_k)$.
# The 2 brought down by the power cancels the ½, so the gradient is simply "prediction minus target".
# Chapter 06 builds backpropagation on exactly this $y - t$. The ½ changes the loss's scale, never where its minimum is.
#
# Check it numerically: the slope of ½(y − t)² at y = 0.6, t = 1 should be 0.6 − 1 = −0.4.

# %%
def half_sq(y, t=1.0):
    return 0.5 * (y - t) ** 2


h = 1e-6
slope = (half_sq(0.6 + h) - half_sq(0.6 - h)) / (2 * h)
print(f"numerical slope {slope:.6f}   y - t = {0.6 - 1.0:.6f}")

# %% [markdown]
# ## 2. The MNIST example, step by step (seed 000)
#
# A network looked at a handwritten digit and output ten probabilities, one per digit 0–9.
# The correct digit is **2**, so the target is one-hot (ワンホット) at index 2.

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # network output
t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])  # correct label: 2
print("y sums to", y.sum(), "| most likely class:", y.argmax())

# %% [markdown]
# **Step 1 — differences.** Look at index 2: the network gave 0.6 where the target is 1.

# %%
diff = y - t
print("differences y - t:", diff)

# %% [markdown]
# **Step 2 — square them.** The −0.4 becomes 0.16 and dominates; the small differences almost vanish.

# %%
squared_diff = diff**2
print("squared differences:", squared_diff)

# %% [markdown]
# **Step 3 — sum, then divide by the number of elements.** This is seed 000's result, digit for digit.

# %%
mse = np.sum(squared_diff) / len(y)
print("mean of the squared differences:", mse)

# %% [markdown]
# `helpers` does the same steps and prints them in one go; its `mean_squared_error` returns the very same float.

# %%
print(helpers.steps.squared_error_steps(y, t))

# %%
print(helpers.mean_squared_error(y, t), helpers.mean_squared_error(y, t) == mse)

# %% [markdown]
# ### Why `0.019500000000000007` and not `0.0195`?
# Computers store numbers in binary. 0.1, 0.05 and 0.6 have no exact binary form (just as 1/3 has no exact decimal one),
# so each is stored as the nearest double and tiny rounding errors appear in the last of the ~16 significant digits.

# %%
from decimal import Decimal

print(Decimal(0.1))  # what 0.1 really is inside the machine
print((0.6 - 1) ** 2)  # not exactly 0.16

# %% [markdown]
# Those errors survive the sum. `math.fsum` adds the *stored* values exactly and then rounds once — it still does not give 0.195,
# because the stored inputs were never exactly 0.01, 0.0025, 0.16. Compare with `round()` for display, never with `==` on a
# decimal literal.

# %%
import math

print("np.sum:   ", np.sum(squared_diff))
print("math.fsum:", math.fsum(squared_diff))
print("np.isclose(mse, 0.0195):", np.isclose(mse, 0.0195), "  mse == 0.0195:", mse == 0.0195)

# %% [markdown]
# ## 3. One example, three names
#
# The same vectors give three different numbers depending on which form you use:

# %%
rows = [
    ("SSE    Σ(y-t)²", helpers.sum_squared_error(y, t)),
    ("½SSE   ½Σ(y-t)²  (the book)", helpers.half_sum_squared_error(y, t)),
    ("MSE    Σ(y-t)²/n (seed 000)", helpers.mean_squared_error(y, t)),
]
for name, value in rows:
    print(f"{name:30s} {value:.4f}")

# %% [markdown]
# **Naming is inconsistent across sources — always check the formula, not the name.**
#
# | source | calls it | computes |
# |---|---|---|
# | the book / seed 004 | 2乗和誤差 (sum of squared errors), function `mean_squared_error` / `mean_squre_err` | ½·Σ(y−t)² |
# | seed 000 | heading "2乗和誤差", function `mean_squared_error` | Σ(y−t)²/n |
# | scikit-learn `mean_squared_error`, PyTorch `MSELoss()` (reduction="mean") | MSE | mean over **all elements** |
# | PyTorch `MSELoss(reduction="sum")` | — | Σ(y−t)² (SSE) |
# | Keras `MeanSquaredError` | MSE | mean over the last axis, then over the batch |
#
# For E資格, know all three forms and that they differ only by a constant factor: the same weights minimise them all.

# %% [markdown]
# ## 4. Seed 004's samples: right class likely vs wrong class likely
#
# Seed 004 (following the book) uses ½·SSE. In sample 1 the correct class 2 has probability 0.6;
# in sample 2 the network favours class 9 (0.5) and gives class 2 only 0.2.

# %%
t4 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y_right = [0.1, 0.01, 0.6, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]
y_wrong = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
print("sample 1 (class 2 likely):", helpers.half_sum_squared_error(y_right, t4))
print("sample 2 (class 9 likely):", helpers.half_sum_squared_error(y_wrong, t4))

# %% [markdown]
# The wrong guess costs more than four times as much. (A detail worth noticing: these two vectors sum to 1.07, not 1 —
# they are made-up numbers, and squared error does not care whether they form a distribution.)

# %%
print(sum(y_right), sum(y_wrong))

# %% [markdown]
# ## 5. Mean absolute error (seed 002)
#
# $\text{MAE} = \frac{1}{n}\sum_k |y_k - t_k|$ adds absolute differences instead of squares. On the MNIST example:

# %%
print("MAE:", helpers.mean_absolute_error(y, t))
print("by hand:", np.sum(np.abs(y - t)) / len(y))

# %% [markdown]
# ## 6. Properties: non-negative, and sensitive to outliers (seed 000)
#
# Every term $(y_k - t_k)^2$ is ≥ 0, so the loss is ≥ 0 and equals 0 only for a perfect prediction.
# But squaring makes a large error *very* large. Eight measurements of a true value 1.0, predicted as 1.0;
# in the second set the last one is an outlier at 5.0:

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

# %%
grid = np.linspace(0, 3, 601)
for name, loss in loss_fns.items():
    best = [grid[np.argmin([loss(np.full(8, c), data) for c in grid])] for data in (clean, dirty)]
    print(f"{name:6s} best prediction: clean {best[0]:.3f} -> with outlier {best[1]:.3f}")

# %% [markdown]
# Under MSE the best constant is the mean, dragged from 1.0 to 1.5 by a single bad point; under MAE it is the median,
# which does not move; Huber (squared near zero, linear beyond a threshold of 1) stays close to MAE.
# The plot shows the three per-point penalties as a function of the residual: the squared curve leaves the others behind.

# %%
r = np.linspace(-4, 4, 201)
fig, ax = plt.subplots()
ax.plot(r, r**2, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="squared  r²")
ax.plot(r, np.abs(r), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label="absolute |r|")
huber = np.where(np.abs(r) <= 1, 0.5 * r**2, np.abs(r) - 0.5)
ax.plot(r, huber, color=COLORS["target"], linestyle=LINESTYLES["target"], label="Huber (threshold 1)")
ax.set(xlabel="residual r = y − t (残差)", ylabel="penalty", ylim=(0, 8), title="Penalty per point")
ax.legend()
plt.show()

# %% [markdown]
# ### Drag the outlier
# Move the slider — or drag the purple point with the mouse — and watch the three losses. The dotted segments are the residuals.

# %%
# NBVAL_IGNORE_OUTPUT
# Why: a live widget; its text form is only a placeholder. The next cell checks its logic.
outliers = helpers.explorers.ch02.outlier_explorer()
outliers

# %% [markdown]
# The same explorer driven from code (this is what the slider does): put the last point at 5.0.

# %%
outliers.set(value=5.0)
print(outliers.readout_text)
outliers.set(value=1.0)

# %% [markdown]
# ## 7. Explorer: move the probability of the correct class
#
# The slider sets the predicted probability of class 2; the other nine classes shrink or grow in proportion so the ten
# still sum to 1. Left: the bars (orange = class 2) against the target (green diamonds). Right: MSE as a function of that
# probability — the marker follows the slider. At p = 0.6 you are back at the seed's example.

# %%
# NBVAL_IGNORE_OUTPUT
# Why: a live widget; its text form is only a placeholder. The next cell checks its logic.
explorer = helpers.explorers.ch02.probability_explorer(y, t)
explorer

# %% [markdown]
# Driven from code: at p = 0.6 the readout shows seed 000's MSE (rounded to 6 digits); at p = 1 every loss is 0.

# %%
for p in (0.6, 0.9, 1.0):
    explorer.set(p=p)
    print(explorer.readout_text)
explorer.set(p=0.6)

# %% [markdown]
# Notice that MSE never exceeds 0.2 here, even at p = 0: squared error **saturates** for probabilities. Chapter 03's
# cross-entropy grows without bound instead — one reason classification uses cross-entropy.

# %% [markdown]
# ## Summary
#
# * SSE = Σ(y−t)², ½·SSE (the book's "2乗和誤差") and MSE = SSE/n differ only by a constant factor; names vary by source, so read the formula.
# * On the book's MNIST output: SSE 0.195, ½·SSE 0.0975, MSE 0.0195 — printed as `0.019500000000000007` because of binary floating point.
# * The ½ makes the gradient exactly y − t.
# * Squared errors are non-negative and punish outliers hard; MAE and Huber are gentler.
#
# Next: [03 Cross-entropy error →](03_cross_entropy.ipynb)

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
# Solutions are in the collapsed cells below each exercise (click the ⋯ to expand).
#
# **Exercise 02.1.** Compute the **MSE** (not ½·SSE) of seed 004's second sample `y_wrong` against `t4`, with numpy only.

# %%
answer_02_1 = ...  # your code here
check("02.1", answer_02_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_02_1 = np.sum((np.array(y_wrong) - np.array(t4)) ** 2) / len(y_wrong)
check("02.1", answer_02_1)

# %% [markdown]
# **Exercise 02.2.** Write `sse(y_pred, y_true)` returning the sum of squared errors for 1-D or 2-D inputs (lists allowed).

# %%
def sse(y_pred, y_true):
    ...  # your code here


check("02.2", sse)

# %% tags=["solution"] jupyter={"source_hidden": true}
def sse(y_pred, y_true):
    return np.sum((np.asarray(y_pred) - np.asarray(y_true)) ** 2)


check("02.2", sse)

# %% [markdown]
# **Exercise 02.3.** The prediction is 1.0 for the four measurements `[1, 1, 1, 5]`. By what factor is MSE larger than MAE?

# %%
answer_02_3 = ...  # your code here
check("02.3", answer_02_3)

# %% tags=["solution"] jupyter={"source_hidden": true}
residuals = np.array([1.0, 1.0, 1.0, 5.0]) - 1.0
answer_02_3 = np.mean(residuals**2) / np.mean(np.abs(residuals))
check("02.3", answer_02_3)
