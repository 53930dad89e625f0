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
# ## 2. The MNIST example, step by step
#
# This example comes from the book and the E資格 notes [[src:000]]. A network looked at a handwritten digit and output
# ten probabilities, one per digit 0–9. The correct digit is **2**, so the target is **one-hot** (one-hot表現): a
# vector with 1 at the correct class (index 2) and 0 everywhere else.

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
# **Step 3 — sum, then divide by the number of elements.** This is the result of [[src:000]], digit for digit.

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

# %% [markdown]
# ## 4. Two samples: right class likely vs wrong class likely
#
# [[src:004]] follows the book and uses ½·SSE on two samples. In sample 1 the correct class 2 has probability 0.6;
# in sample 2 the network favours class 9 (0.5) and gives class 2 only 0.2.

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

# %% [markdown]
# ## 5. Mean absolute error
#
# The **mean absolute error** (平均絶対誤差, MAE) of [[src:002]], $\text{MAE} = \frac{1}{n}\sum_k |y_k - t_k|$, adds
# absolute differences instead of squares. On the MNIST example:

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
# which does not move; Huber stays close to MAE.
# The plot shows the three per-point penalties as a function of the residual: the squared curve grows much faster than the other two.

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

# %% tags=["nbval-ignore-output"]
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
# probability — the marker follows the slider. At p = 0.6 you are back at the book's example.

# %% tags=["nbval-ignore-output"]
explorer = helpers.explorers.ch02.probability_explorer(y, t)
explorer

# %% [markdown]
# Driven from code: at p = 0.6 the readout shows section 2's MSE (rounded to 6 digits); at p = 1 every loss is 0.

# %%
for p in (0.6, 0.9, 1.0):
    explorer.set(p=p)
    print(explorer.readout_text)
explorer.set(p=0.6)

# %% [markdown]
# Notice that MSE never exceeds 0.2 here, even at p = 0: squared error **saturates** for probabilities. Chapter 03's
# cross-entropy grows without bound instead — one reason classification uses cross-entropy.

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 02.1.** Compute the **MSE** (not ½·SSE) of the second sample `y_wrong` against `t4` (section 4), with
# numpy only.

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
