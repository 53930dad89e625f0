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

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
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

# %% [markdown]
# ### Clothing sizes
# The article [[src:003]] has two models predict a person's clothing size (S, M, L). The correct size is **M**. Model 1 says (0.01, 0.98, 0.01),
# model 2 says (0.25, 0.60, 0.15). Look at the three terms $t_k \log y_k$ of model 1: the S and L terms are zero.

# %%
t_size = np.array([0, 1, 0])  # correct label: M
y_model1 = np.array([0.01, 0.98, 0.01])
y_model2 = np.array([0.25, 0.60, 0.15])
for size, t_k, y_k in zip("SML", t_size, y_model1, strict=True):
    print(f"{size}: t = {t_k}, log y = {np.log(y_k):8.4f}, t * log y = {t_k * np.log(y_k):8.4f}")

# %% [markdown]
# Add the terms and flip the sign. The article rounds to two decimals: **0.02** for model 1 and **0.51** for model 2,
# so model 1 fits better. Only $-\log 0.98$ and $-\log 0.60$ matter; what the wrong sizes got does not.

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

# %% [markdown]
# ## 2. The MNIST example, step by step
#
# The same output as chapter 02: ten probabilities for the digits 0–9, the correct digit is **2**.
# The E資格 notes [[src:000]] follow the book and add a tiny $\varepsilon$ (epsilon) inside the log; the code calls it
# `delta` (section 3 says why).

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # network output
t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])  # correct label: 2, one-hot
delta = 1e-7

# %% [markdown]
# **Step 1 — $t \cdot \log(y + \varepsilon)$, element by element.** Everything is zero except index 2, which holds
# $\log(0.6 + \varepsilon) \approx -0.51082546$ (without $\varepsilon$, $\log 0.6 = -0.51082562$: section 3 comes back to this
# difference). The zeros print as `-0.`: 0 times a negative number is a *negative* zero in floating point.

# %%
step1 = t * np.log(y + delta)
print("Step 1: t * np.log(y + delta):\n", step1)

# %% [markdown]
# **Step 2 — sum and flip the sign.** This is the result of [[src:000]], digit for digit.

# %%
step2 = -np.sum(step1)
print("Step 2: -np.sum(step1):\n", step2)

# %% [markdown]
# **Final loss — the book's function.** Written exactly as in the book, it returns the same float.

# %%
def cross_entropy_error(y, t):
    delta = 1e-7  # keeps log away from log(0)
    return -np.sum(t * np.log(y + delta))


print("Final Loss:\n", float(cross_entropy_error(y, t)))

# %% [markdown]
# `helpers.steps.cross_entropy_steps` prints the same three stages, and `helpers.losses.cross_entropy` returns the same number.

# %%
print(helpers.steps.cross_entropy_steps(y, t))

# %%
print(cross_entropy(y, t), cross_entropy(y, t) == step2)

# %% [markdown]
# Because only the correct class counts, you can skip the one-hot vector and **index** the correct class directly:
# $-\log(y_2 + \varepsilon)$. `cross_entropy` takes the label `2` instead of `t` for this *index form*.

# %%
print("by index:   ", float(-np.log(y[2] + delta)))
print("helpers:    ", cross_entropy(y, 2))

# %% [markdown]
# ## 3. Why $\varepsilon$ = `delta = 1e-7`?
#
# The logarithm of 0 is $-\infty$: as $y \to 0$, $\log y$ falls without end. numpy returns `-inf` and, by default,
# prints a `RuntimeWarning`. Here we silence that warning on purpose (`np.errstate`) to look at the value itself.

# %%
with np.errstate(divide="ignore"):  # we want to see log(0) itself, without numpy's warning
    print("log(0) =", np.log(0.0), "   log(1e-7) =", np.log(1e-7))

# %% [markdown]
# Now the trap on **this very y**: four of its entries are exactly 0 (digits 3, 6, 8 and 9).
# Without `delta`, the sum form computes $t_k \log y_k = 0 \cdot (-\infty)$ there, which is `nan` ("not a number"),
# and one `nan` makes the whole sum `nan`. The correct class is fine — it is the *wrong* classes that break it.

# %%
with np.errstate(divide="ignore", invalid="ignore"):  # log(0) and 0*(-inf) on purpose: the nan is the lesson
    terms = t * np.log(y)
print(terms)
print("sum form without delta:", float(-np.sum(terms)))

# %% [markdown]
# `helpers` shows the same thing with `delta=0` (it silences the warning itself). The index form never touches the
# zero entries, so it gives a clean number — $-\log 0.6$ exactly, slightly different from the book's value in the 7th digit:

# %%
print("sum form,   delta=0:   ", cross_entropy(y, t, delta=0))
print("index form, delta=0:   ", cross_entropy(y, 2, delta=0))
print("sum form,   delta=1e-7:", cross_entropy(y, t))

# %% [markdown]
# The difference, about $1.7 \times 10^{-7}$, is the price of $\varepsilon$: $\log(0.6 + \varepsilon) - \log 0.6 \approx \varepsilon / 0.6$.
# It also buys something: when the correct class itself gets probability 0, the loss is **capped** at
# $-\log(\varepsilon)$ instead of being infinite.

# %%
print("cap -log(1e-7)          =", float(-np.log(1e-7)))
print("cross_entropy([1, 0], 1) =", cross_entropy([1.0, 0.0], 1))  # correct class 1 has probability 0

# %% [markdown]
# ### Another source uses `1e-15`
# The article [[src:001]] adds `1e-15` instead of `1e-7`. Nothing changes in the idea, only the numbers: the cap rises to
# $-\log(10^{-15}) \approx 34.5$ and the bias on ordinary values shrinks to about $10^{-15}$.

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

# %% [markdown]
# ## 4. Binary cross-entropy (二値交差エントロピー)
#
# With two classes (binary classification, 二値分類) and the target $t = (1, 0)$ (class 1 is right), the E資格 notes
# [[src:000]] plot the loss for a prediction $(p, 1 - p)$ with $p = 0.01, 0.02, \dots, 0.99$. Only the first term
# survives, so the curve is $-\log(p + \varepsilon)$.

# %%
y_true = np.array([1, 0])
predictions = np.arange(0.01, 1, 0.01)
errors = [cross_entropy(np.array([p, 1 - p]), y_true) for p in predictions]
print(len(predictions), "predictions; loss at p = 0.01:", round(errors[0], 4), " at p = 0.99:", round(errors[-1], 4))

# %% [markdown]
# The plot: the loss is near 0 when the prediction for class 1 is close to 1, and grows very fast as it approaches 0 —
# a confident wrong answer costs far more than an unsure one.

# %%
fig, ax = plt.subplots()
ax.plot(predictions, errors, color=COLORS["loss"], linestyle=LINESTYLES["loss"])
ax.set(xlabel="prediction for class 1 (p)", ylabel="cross-entropy error", title="Binary classification, target t = (1, 0)")
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

# %%
p_grid = np.linspace(0.001, 0.999, 400)
fig, ax = plt.subplots()
for label, role in [(1, "loss"), (0, "gradient")]:
    curve = [binary_cross_entropy(p, label) for p in p_grid]
    ax.plot(p_grid, curve, color=COLORS[role], linestyle=LINESTYLES[role], label=f"t = {label}:  −log({'y' if label else '1 − y'})")
ax.set(xlabel="y = predicted probability of class 1", ylabel="loss", ylim=(0, 5), title="Both branches (二値交差エントロピー)")
ax.legend(loc="upper center")
plt.show()

# %% [markdown]
# The binary example of [[src:001]]: prediction (0.8, 0.2), target (1, 0), with its `1e-15`. As a two-class one-hot
# sum and as binary cross-entropy with $y = 0.8$, $t = 1$ it is the same number, $-\log 0.8 \approx 0.2231$.

# %%
print("article's code:", float(-np.sum(np.array([1, 0]) * np.log(np.array([0.8, 0.2]) + 1e-15))))
print("one-hot sum:   ", cross_entropy([0.8, 0.2], [1, 0], delta=1e-15))
print("binary CE:     ", binary_cross_entropy(0.8, 1, delta=1e-15))

# %% [markdown]
# For a batch of $N$ binary predictions, [[src:002]] averages (it writes $\hat y_i$ for the prediction and $y_i$ for
# the label; here in the course's letters): $\text{BCE} = -\frac{1}{N}\sum_i \bigl[t_i \log y_i + (1 - t_i)\log(1 - y_i)\bigr]$.
# Each sample uses whichever branch its target picks:

# %%
p_batch = np.array([0.8, 0.3, 0.9, 0.4])
labels_batch = np.array([1, 0, 1, 1])
by_hand = -np.mean(np.where(labels_batch == 1, np.log(p_batch), np.log(1 - p_batch)))
print(float(by_hand), binary_cross_entropy(p_batch, labels_batch, delta=0))

# %% [markdown]
# ## 5. More classes (多クラス分類)
#
# The three-class example of [[src:001]]: prediction (0.2, 0.7, 0.1), class 1 is right. The loss is $-\log 0.7 \approx 0.3567$.

# %%
print("article's code:", float(-np.sum(np.array([0, 1, 0]) * np.log(np.array([0.2, 0.7, 0.1]) + 1e-15))))
print("helpers:       ", cross_entropy([0.2, 0.7, 0.1], [0, 1, 0], delta=1e-15))

# %% [markdown]
# [[src:004]] (following the book) compares two MNIST-style outputs, digit 2 correct. In sample 1 the network gives
# digit 2 a probability of 0.99; in sample 2 only 0.2 (it prefers 9). The first loss is near 0, the second is 160 times larger.

# %%
t4 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y_sure = [0.1, 0.01, 0.99, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]
y_wrong = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
print("sample 1 (digit 2 at 0.99):", cross_entropy(y_sure, t4))
print("sample 2 (digit 2 at 0.2): ", cross_entropy(y_wrong, t4))

# %% [markdown]
# Note that these made-up vectors sum to 1.46 and 1.13, not 1. Cross-entropy reads only $y_\text{correct}$, so it does
# not notice; a real softmax output always sums to 1. Compare chapter 02, where squared error looked at every entry.

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

# %%
Y = np.array([y, y_sure, y_wrong])
labels = np.array([2, 2, 9])
T = one_hot(labels, 10)
print(T)

# %% [markdown]
# **One-hot form** — the sum over all $N \times K$ entries, divided by $N$:

# %%
onehot_form = float(-np.sum(T * np.log(Y + delta)) / len(Y))
print(onehot_form, cross_entropy(Y, T))

# %% [markdown]
# **Label-index form** — the book's batch trick: `Y[np.arange(N), labels]` picks each row's correct-class probability.

# %%
picked = Y[np.arange(len(Y)), labels]
print("picked y_correct:", picked)
index_form = float(-np.sum(np.log(picked + delta)) / len(Y))
print(index_form, cross_entropy(Y, labels), index_form == onehot_form)

# %% [markdown]
# Same number both ways. E資格 questions like this fancy indexing: `y[np.arange(batch_size), t]` with integer labels `t`.

# %% [markdown]
# ## 7. Cross-entropy vs MSE as the right class's probability goes to 0
#
# Take the book's output, move the correct class's probability $y_\text{correct}$ from 1 down towards 0 and let the
# other nine share the rest in their old proportions (`helpers.distributions.set_probability`).

# %%
from helpers.distributions import set_probability

for p in (0.6, 0.1, 0.01, 0.0):
    y_p = set_probability(y, 2, p)
    print(f"y_correct = {p:<5}  CE = {cross_entropy(y_p, t):8.4f}   MSE = {mean_squared_error(y_p, t):.4f}")

# %% [markdown]
# The plot uses a logarithmic x axis to reach $y_\text{correct} = 10^{-12}$. Without `delta`, cross-entropy
# $-\log y_\text{correct}$ keeps rising in a straight line, without limit; with `delta = 1e-7` it levels off at the cap 16.1.
# MSE (right axis, on a scale 100 times finer) levels off near 0.12 and can never pass 0.2.

# %%
p_log = np.logspace(-12, 0, 200)
y_path = [set_probability(y, 2, float(p)) for p in p_log]
ce_no_delta = [cross_entropy(v, 2, delta=0) for v in y_path]  # index form: -log y_correct, no cap
ce_book = [cross_entropy(v, t) for v in y_path]  # the book's form, delta = 1e-7
mse_path = [mean_squared_error(v, t) for v in y_path]

# %%
fig, ax = plt.subplots(figsize=(7.2, 3.8))
ax.plot(p_log, ce_no_delta, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="CE, delta = 0")
ax.plot(p_log, ce_book, color=COLORS["other"], linestyle=LINESTYLES["other"], label="CE, delta = 1e-7")
ax.text(2e-12, 15.3, "cap −log(1e-7) = 16.1", color=COLORS["other"], va="top")
ax2 = ax.twinx()
ax2.plot(p_log, mse_path, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label="MSE (right axis)")
ax.set(xscale="log", xlabel="y_correct (log scale)", ylabel="cross-entropy", ylim=(0, 30))
ax.set_title("CE grows without bound, MSE saturates (交差エントロピー vs 平均二乗誤差)")
ax2.set(ylabel="MSE", ylim=(0, 0.3))
ax2.spines["right"].set_visible(True)
ax2.grid(False)
fig.legend(loc="upper right", bbox_to_anchor=(0.88, 0.88))
plt.show()

# %% [markdown]
# Why it matters for learning: the slope of $-\log y$ is $-1/y$, so the worse the prediction, the harder
# cross-entropy pushes. MSE's push stays bounded, and through a softmax or sigmoid it even fades when the output is
# confidently wrong. Chapter 02's explorer showed MSE staying below 0.2 however low the right class went; this is the
# other side of that observation. (Chapter 06 shows that softmax + cross-entropy gives the simple gradient $y - t$.)

# %% [markdown]
# ## 8. Explorer: drag the ten probabilities
#
# **Drag a bar** up or down with the mouse: that class's probability follows the cursor and the other nine rescale so
# the ten still sum to 1. Keyboard alternative: pick the bar with the **class to move** slider, then use the **probability** slider
# (click a handle or Tab to it, then press ← or →).
# Middle: the marker rides the curve $-\log y_\text{correct}$ (values above 6 are pinned to the top edge).
# Right: the MSE along the same path, bounded by 0.2. Try: drag digit 9 up to 0.9; then drag digit 2 to 0.
# (Each arrow key press moves the probability by 0.01; dragging a slider handle with the mouse applies when you let go.)

# %% tags=["nbval-ignore-output"]
bars = helpers.explorers.ch03.bars_explorer(y, correct=2)
bars

# %% [markdown]
# Driven from code — what a drag does. Start: the book's values. Then digit 9 to 0.9, then digit 2 to 0:
# CE reaches the cap 16.1 while MSE is still below 0.2. The bars always sum to 1.

# %%
print(bars.readout_text)
bars.move(9, 0.9)
print(bars.readout_text)
bars.move(2, 0.0)
print(bars.readout_text)

# %% [markdown]
# Moving the bars back one by one would not restore the book's values (each move rescales the others), so
# `reset()` puts them back before you play with the explorer yourself:

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

# %%
answer_03_1 = ...  # your code here
check("03.1", answer_03_1)

# %% tags=["solution"]
answer_03_1 = -np.sum(np.array([0, 0, 1]) * np.log(np.array([0.25, 0.60, 0.15]) + 1e-7))
check("03.1", answer_03_1)

# %% [markdown]
# **Exercise 03.2.** Write `batch_cross_entropy(y_pred, labels)`: the mean cross-entropy of a batch `(N, K)` with
# **integer labels** `(N,)`, using the label-index form and $\varepsilon$ = `1e-7`.

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
