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
# [10 Overfitting and regularisation](10_regularization.ipynb).

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.fit
from helpers.checks import check
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. Problem: the softmax overflows
#
# The softmax turns scores $a_k$ (logits, ロジット) into probabilities: $y_k = \exp(a_k) / \sum_j \exp(a_j)$.
# Written exactly like that, it fails. The book [[src:book]] shows it on the logits `[1010, 1000, 990]`: the result is
# `nan, nan, nan`. We record the warnings numpy raises and print them, so you can read them:

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

# %%
print("largest float64:", np.finfo(np.float64).max)
print("exp overflows above ln(max) =", np.log(np.finfo(np.float64).max))

# %% [markdown]
# ### Remedy 1: subtract the maximum
#
# Multiply numerator and denominator by the same constant $e^{-m}$: nothing changes mathematically,
# $\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \frac{\exp(a_k - m)}{\sum_j \exp(a_j - m)}$. With $m = \max_j a_j$ every exponent
# is ≤ 0, so every `exp` is ≤ 1 and nothing overflows (the book's comment: `# オーバーフロー対策`).

# %%
print("the book's logits, shifted:", a_book - np.max(a_book))
print("their stable softmax:      ", np.exp(a_book - np.max(a_book)) / np.sum(np.exp(a_book - np.max(a_book))))
shifted = a - np.max(a)
print("a - max(a):", shifted)
stable = np.exp(shifted) / np.sum(np.exp(shifted))
print("stable softmax:", stable)

# %% [markdown]
# `helpers.softmax` does exactly this and returns the same numbers:

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

# %%
print("exp(-666) =", np.exp(-666.0), "  smallest normal float64:", np.finfo(np.float64).tiny)
print("exp(-745) =", np.exp(-745.0), "  exp(-746) =", np.exp(-746.0))

# %% [markdown]
# So take the log of the formula instead: $\log y_k = a_k - \log\sum_j \exp(a_j)$, and compute the *logsumexp* with
# the same shift, $\log\sum_j \exp(a_j) = m + \log\sum_j \exp(a_j - m)$.

# %%
lse = np.max(a) + np.log(np.sum(np.exp(a - np.max(a))))
print("logsumexp by hand:", lse, "  helpers:", helpers.logsumexp(a))
print("log-softmax by hand:", a - lse)
print("helpers.log_softmax:", helpers.log_softmax(a))

# %% [markdown]
# The difference shows when a probability really underflows. With logits `[1000, 1]`, the second probability is
# $e^{-999}$, smaller than any float64, so `log(softmax)` says `-inf`; the log-softmax gives the exact `-999`.

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

# %%
print("softmax, then CE with delta:", helpers.cross_entropy(helpers.softmax(a), 0))
print("from logits, by hand:       ", -(a - lse)[0])
print("cross_entropy_from_logits:  ", helpers.cross_entropy_from_logits(a, 0))

# %% [markdown]
# This is why frameworks take logits: PyTorch's `nn.CrossEntropyLoss` applies log-softmax inside, and Keras has
# `from_logits=True`. For E資格: *the network's last layer outputs logits; softmax and the loss are fused.*

# %% [markdown]
# ### Explorer: where does the naive softmax break?
#
# The slider scales the logits: $s \cdot [1.23, 4.56, 7.89]$, so $s = 100$ gives the course's `[123, 456, 789]`; the
# correct class is 1. Left: $\log_{10}$ of the largest `exp` term grows linearly with $s$ and crosses the float64 limit
# (vermillion dotted line) at $s \approx 90$ — and float32's limit (purple) already at $s \approx 11$. Right: the naive
# cross-entropy (dashed) stops at that line, the stable one (green) keeps going. Watch the readout turn to `inf`/`nan`.

# %% tags=["nbval-ignore-output"]
overflow = helpers.explorers.ch04.overflow_explorer()
overflow

# %% [markdown]
# Driven from code: just below the limit both agree; just above it the naive computation gives `inf` for the loss and
# `nan` in the softmax.

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

# %%
h = 1e-10
for p in (1e-9, 0.5):
    slope_clip = (-np.log(np.clip(p + h, eps, 1 - eps)) + np.log(np.clip(p - h, eps, 1 - eps))) / (2 * h)
    slope_add = (-np.log(p + h + eps) + np.log(p - h + eps)) / (2 * h)
    print(f"p = {p}: slope with clip {slope_clip:.4g}, with delta {slope_add:.4g}")

# %% [markdown]
# Both fixes are patches on `log(softmax)`; section 1's cross-entropy from logits needs neither.

# %% [markdown]
# ## 3. Problem: float32 is much narrower than float64
#
# GPUs train in float32 (single precision, 単精度). Its largest number is about $3.4 \times 10^{38}$, so `exp` overflows
# above 88.7 instead of 709.8 — logits of 100 are enough:

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

# %%
a32 = np.array([123.0, 456.0, 789.0], dtype=np.float32)
print(helpers.softmax(a32), helpers.softmax(a32).dtype)

# %% [markdown]
# ## 4. Problem: class imbalance and the accuracy paradox
#
# A seeded data set: 1000 points in two overlapping clouds, only 5 % of them in class 1 (think "fraud", "disease").
# A "model" that always answers class 0 (the majority, 多数派) is 95 % accurate — and finds no minority case at all.

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

# %%
constant = np.tile([0.95, 0.05], (len(labels), 1))
print("plain CE of the constant 5 % model:", helpers.cross_entropy(constant, labels))

# %% [markdown]
# ### Remedy: weight the classes
#
# Give each class the weight $w_k = N / (K \cdot N_k)$ ("balanced", as in scikit-learn): rare classes weigh more, and
# each class contributes the same total weight. Then divide the weighted sum by the total weight.

# %%
counts = np.bincount(labels)
weights_by_hand = len(labels) / (2 * counts)
print("by hand:", weights_by_hand, "  helpers:", helpers.class_weights_balanced(labels, 2))

# %% [markdown]
# Under the weighted loss $\sum_n w_{c_n} \ell_n / \sum_n w_{c_n}$ the lazy constant model is no longer cheap:

# %%
weights = helpers.class_weights_balanced(labels, 2)
losses = -np.log(constant[np.arange(len(labels)), labels] + helpers.DELTA)
print("by hand:", np.sum(weights[labels] * losses) / np.sum(weights[labels]))
print("helpers:", helpers.weighted_cross_entropy(constant, labels, weights))

# %% [markdown]
# Now train a logistic regression ($p = \sigma(w \cdot x + b)$) on each loss with 300 steps of gradient descent
# (chapter 05) and compare. Accuracy goes *down* with the weights — and recall goes up from 40 % to 84 %.

# %%
fit = helpers.fit.fit_logistic
for name, cw in (("plain CE   ", [1.0, 1.0]), ("weighted CE", weights)):
    w, b = fit(X, labels, cw, lr=0.5, steps=300)
    pred = (X @ w + b > 0).astype(int)
    print(f"{name}: accuracy {np.mean(pred == labels):.3f}, recall {np.mean(pred[labels == 1]):.2f}")

# %% [markdown]
# The plot shows why: the weighted boundary (solid vermillion) moves into the majority cloud to catch most of the rare
# orange triangles; the plain boundary (dashed blue) sits far out and misses more than half of them.

# %%
fig, ax = plt.subplots(figsize=(7.4, 4.2), layout="constrained")
ax.scatter(*X[labels == 0].T, s=8, color=COLORS["data"], alpha=0.5, label="class 0 (950)")
ax.scatter(*X[labels == 1].T, s=30, marker="^", color=COLORS["prediction"], label="class 1 (50)")
grid = np.linspace(-3.5, 5, 2)
for name, cw, role in (("plain CE", [1.0, 1.0], "gradient"), ("weighted CE", weights, "loss")):
    w, b = fit(X, labels, cw, lr=0.5, steps=300)
    ax.plot(grid, -(w[0] * grid + b) / w[1], color=COLORS[role], linestyle="--" if role == "gradient" else "-", label=name)
ax.set(xlim=(-3.5, 5), ylim=(-3.5, 5), xlabel="$x_1$", ylabel="$x_2$", title="decision boundaries (決定境界)")
ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
plt.show()

# %% [markdown]
# Other remedies from [[src:001]]: under-/over-sampling (resampling, SMOTE). And measure with recall, precision or F1,
# not accuracy alone.

# %% [markdown]
# ## 5. Problem: noisy labels and over-confidence — label smoothing
#
# Hard one-hot targets ask for probability exactly 1, which softmax can only approach with logits → ∞: the model keeps
# growing its weights and becomes over-confident, even on a mislabelled example. **Label smoothing** mixes the one-hot
# target with the uniform distribution: $t' = (1 - \alpha)\, t + \alpha / K$, with a smoothing amount $\alpha$ (alpha;
# not the $\varepsilon$ inside the log). With $\alpha = 0.1$ and $K = 10$, the book's target one-hot at 2 becomes 0.91 and
# 0.01:

# %%
y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # the book's output
t = np.eye(10)[2]  # one-hot at 2
t_smooth = (1 - 0.1) * t + 0.1 / 10
print("by hand:", t_smooth)
print("helpers:", helpers.smooth_labels(t, 0.1))

# %% [markdown]
# Cross-entropy with smoothed targets keeps **every** term of $-\sum_k t'_k \log(y_k + \varepsilon)$, not just the correct
# class's. The book's `y` puts exactly 0 on classes 3, 6, 8, 9; each now costs $0.01 \cdot 16.1$:

# %%
print("hard target:    ", helpers.cross_entropy(y, t))
print("smoothed, hand: ", -np.sum(t_smooth * np.log(y + 1e-7)))
print("smoothed helper:", helpers.cross_entropy(y, t_smooth))

# %% [markdown]
# Why over-confidence is penalised: put probability $p$ on class 2 and spread $1 - p$ evenly over the other nine.
# With the hard target the loss keeps falling all the way to $p = 1$; with the smoothed target it has its minimum at
# $p = 0.91$ and rises again — pushing further towards certainty now *costs* loss. The plot shows both curves.

# %%
ps = np.linspace(0.3, 0.9999, 400)
spread = lambda p: np.where(np.arange(10) == 2, p, (1 - p) / 9)  # noqa: E731 - a one-line helper
hard = [helpers.cross_entropy(spread(p), t, delta=0) for p in ps]
soft = [helpers.cross_entropy(spread(p), t_smooth, delta=0) for p in ps]
print("smoothed loss is lowest at p =", round(ps[np.argmin(soft)], 3))

# %%
fig, ax = plt.subplots(layout="constrained")
ax.plot(ps, hard, color=COLORS["gradient"], linestyle=LINESTYLES["gradient"], label="hard target (one-hot)")
ax.plot(ps, soft, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="smoothed target, α = 0.1")
ax.axvline(0.91, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
ax.set(xlabel="predicted probability of the correct class 2", ylabel="cross-entropy", ylim=(0, 1.5))
ax.set_title("label smoothing (ラベル平滑化) stops at 0.91")
ax.legend()
plt.show()

# %% [markdown]
# The smoothed curve's lowest value is the entropy of $t'$ (section 7): a smoothed target can never be matched with
# zero loss. [[src:001]] also suggests semi-supervised learning for noisy labels; label smoothing is the E資格 classic.

# %%
print("lowest smoothed loss on the grid:", min(soft), "  entropy H(t'):", helpers.entropy(t_smooth))

# %% [markdown]
# ## 6. Problem: cross-entropy is not for regression
#
# Cross-entropy compares *probability distributions*. A regression target such as a price of 2.0 is not one. Plug it in
# anyway: $-t \log y$ with $t = 2$ keeps decreasing as $y$ grows — there is no minimum at $y = t$. Squared error has it.

# %%
for y_pred in (1.0, 2.0, 10.0, 100.0):
    print(f"y = {y_pred:>5}:  -t log y = {0.0 - 2.0 * np.log(y_pred):8.4f}   (y - t)² = {(y_pred - 2.0) ** 2:8.1f}")

# %% [markdown]
# `helpers` refuses such input with an error that says what is wrong (we catch it and print its message):

# %%
try:
    helpers.cross_entropy([2.5, 0.5], [2.0, 1.0])
except ValueError as err:
    print("ValueError:", err)

# %% [markdown]
# Use mean squared error (平均二乗誤差), MAE or Huber for regression (chapter 02), cross-entropy for classification.

# %% [markdown]
# ## 7. Information theory for E資格: entropy, KL divergence, cross-entropy
#
# * **Entropy** $H(p) = -\sum_k p_k \log p_k$: the average surprise of the true distribution $p$ — its uncertainty.
# * **KL divergence** $\mathrm{KL}(p\|q) = \sum_k p_k \log (p_k / q_k)$: the extra cost of using the model $q$ instead of
#   $p$; ≥ 0, and 0 only when $q = p$.
# * **Cross-entropy** $H(p, q) = -\sum_k p_k \log q_k = H(p) + \mathrm{KL}(p\|q)$.
#
# With $p = [0.5, 0.5]$ and $q = [0.8, 0.2]$:

# %%
p = np.array([0.5, 0.5])
q = np.array([0.8, 0.2])
print("H(p) by hand:  ", -np.sum(p * np.log(p)), "  helpers:", helpers.entropy(p))
print("KL(p‖q) by hand:", np.sum(p * np.log(p / q)), "  helpers:", helpers.kl_divergence(p, q))

# %% [markdown]
# Cross-entropy is the sum of the two. The two routes differ in the 16th digit (rounding again — compare floats with
# `np.isclose`):

# %%
print("H(p, q) directly:", -np.sum(p * np.log(q)), "  helpers:", helpers.losses.cross_entropy_dist(p, q))
print("H(p) + KL(p‖q): ", helpers.entropy(p) + helpers.kl_divergence(p, q))
print("equal up to rounding:", np.isclose(helpers.losses.cross_entropy_dist(p, q), helpers.entropy(p) + helpers.kl_divergence(p, q)))

# %% [markdown]
# Why this matters for training: $H(p)$ depends only on the data, not on the model. So **minimising cross-entropy is
# minimising the KL divergence** from the data's distribution to the model's. With one-hot $p$, $H(p) = 0$ and the two
# are equal. And KL is not symmetric, so it is not a distance:

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

# %%
fig, (ax_l, ax_e) = plt.subplots(1, 2, figsize=(9, 3.2))
ax_l.plot(ps, L_p, color=COLORS["prediction"], linestyle=LINESTYLES["prediction"], label="likelihood L(p)")
ax_e.plot(ps, E_p, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="cross-entropy E(p)")
for ax in (ax_l, ax_e):
    ax.axvline(0.7, color=COLORS["neutral"], linestyle=":", label="p = 0.7")
    ax.set(xlabel="p (predicted probability of class 1)")
    ax.legend(loc="upper left" if ax is ax_l else "upper center")
ax_l.set(title="likelihood: maximum", ylabel="L(p)")
ax_e.set(title="cross-entropy: minimum", ylabel="E(p)", ylim=(0, 3))
plt.show()

# %% [markdown]
# Why work with the log in practice? A likelihood is a product of many numbers below 1. For the 1347 training digits
# of chapter 09, even if the model gave every correct label the probability 0.5, the product would be too small for
# float64 (underflow, アンダーフロー) and becomes exactly 0; its log, a sum, is an ordinary number:

# %%
print("0.5 ** 1347 =", 0.5**1347, "   -log L = -1347 · log 0.5 =", -1347 * np.log(0.5))

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 04.1.** Compute the cross-entropy for logits `[123, 456, 789]` when the correct class is **1**, stably
# (no `nan`, no `inf`, no ε), with numpy only.

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

# %%
answer_04_2 = ...  # your code here
check("04.2", answer_04_2)

# %% tags=["solution"]
answer_04_2 = 1000 / (3 * 10)
check("04.2", answer_04_2)

# %% [markdown]
# **Exercise 04.3.** Smooth a one-hot target for 5 classes, correct class 0, with $\alpha = 0.2$. Give the whole array.

# %%
answer_04_3 = ...  # your code here
check("04.3", answer_04_3)

# %% tags=["solution"]
answer_04_3 = (1 - 0.2) * np.eye(5)[0] + 0.2 / 5
check("04.3", answer_04_3)

# %% [markdown]
# **Exercise 04.4.** The true distribution of the data is $p = [0.7, 0.2, 0.1]$ and a model predicts
# $q = [0.5, 0.3, 0.2]$. Compute the extra cost of using the model, $\mathrm{KL}(p\|q)$, with numpy only.

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
