# %% [markdown]
# # 10 — Overfitting and regularisation
#
# **What you will learn**
#
# * what overfitting (過学習) looks like: the training loss goes to zero while the loss on data the network never saw stops falling and rises again;
# * why we keep three sets of data: training data (訓練データ), validation data (検証データ) and test data (テストデータ);
# * L2 weight decay (荷重減衰, Weight decay): the penalty $\frac{\lambda}{2}\lVert W\rVert^2$, its gradient $\lambda W$, and what it does to the curves;
# * early stopping (早期終了): keep the weights of the epoch that did best on validation data;
# * dropout (Dropout): what it does and where it sits in a network.

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers.checks import check
from helpers.data import load_digits_small
from helpers.i18n import tr  # figure text in the edition's language (English or 日本語)
from helpers.layers import Dropout
from helpers.network import LayerNet, l2_penalty, train
from helpers.numdiff import numerical_gradient
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. A small training set
#
# A network with many weights and few examples can learn the examples by heart instead of the pattern behind them.
# That is **overfitting** (過学習): it does well on its training data (訓練データ) and worse on new data — it does not
# **generalise** (汎化). The loss function itself does nothing against it: the article [[src:001]]
# lists overfitting among the problems of cross-entropy and names dropout and L1/L2 regularisation (正則化) as remedies.
#
# To see it in a few seconds, train on only **5 images per digit** (50 in all) from chapter 09's 8×8 digits. Two
# more sets stay apart: 300 **validation** images (検証データ) to compare settings and choose when to stop, and the 450
# **test** images (テストデータ), used once at the very end.

# %%
X_small, y_small, X_val, y_val, X_test, y_test = load_digits_small(per_class=5, n_val=300)
print("training:", X_small.shape, " validation:", X_val.shape, " test:", X_test.shape)
print("training images per digit:", np.bincount(y_small))

# %% [markdown]
# Why a separate validation set? Every time we pick a setting because it scored well on some data, that data stops
# being "new". If we chose with the test set, its score would be too optimistic. So: train on the training set, choose
# with the validation set, report the test set once.

# %% [markdown]
# ## 2. Overfitting in the curves
#
# A network with two hidden layers of 100 ReLU units (64-100-100-10, about 17,000 weights for 50 images), softmax +
# cross-entropy, mini-batch SGD with learning rate 0.3 and batch size 10, for 150 epochs. `helpers.train` is chapter
# 09's training loop — shuffle, take a mini-batch, forward and backward, step — and after every epoch it measures the
# loss and accuracy on the whole training set and, given `X_val` and `y_val`, on the validation set.

# %%
settings = dict(lr=0.3, batch_size=10, epochs=150, seed=0)
plain = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0)
hist_plain = train(plain, X_small, y_small, X_val=X_val, y_val=y_val, **settings)
print(plain)

# %% [markdown]
# The loss on selected epochs. The numbers come from many matrix products, so they are printed with 3 decimals only:
# the last digits of such products can differ between CPUs (chapter 08, section 6).

# %%
for epoch in (1, 10, 20, 50, 100, 150):
    print(f"epoch {epoch:3d}: training loss {hist_plain.train_loss[epoch - 1]:.3f}   validation loss {hist_plain.val_loss[epoch - 1]:.3f}")

# %% [markdown]
# The training loss keeps falling towards 0. The validation loss falls at first, is lowest around epoch 20, and then
# **rises**: from there on, the network is learning things about its 50 images that do not hold for other digits.
# The accuracies show the same gap:

# %%
best = int(np.argmin(hist_plain.val_loss)) + 1
print(f"lowest validation loss at epoch {best}")
print(f"after 150 epochs: training accuracy {hist_plain.train_accuracy[-1]:.1%}, validation accuracy {hist_plain.val_accuracy[-1]:.1%}")

# %% [markdown]
# In a picture — left the loss, right the accuracy; dotted = training data, solid = validation data. The dot marks
# the lowest validation loss. The widening gap between the two loss curves after it is overfitting.

# %%
def plot_curves(history, title):
    epochs = np.arange(1, len(history.train_loss) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.3))
    for data, name, role in (("train", tr("training", "訓練データ"), "target"), ("val", tr("validation", "検証データ"), "loss")):
        style = dict(color=COLORS[role], linestyle=LINESTYLES[role], label=name)
        ax_loss.plot(epochs, getattr(history, f"{data}_loss"), **style)
        ax_acc.plot(epochs, getattr(history, f"{data}_accuracy"), **style)
    low = int(np.argmin(history.val_loss))
    ax_loss.plot(epochs[low], history.val_loss[low], "o", color=COLORS["loss"], label=tr("lowest validation loss", "検証データの損失の最小値"))
    xlabel = tr("epoch (エポック)", "エポック")
    ax_loss.set(xlabel=xlabel, ylabel=tr("cross-entropy", "交差エントロピー誤差"), ylim=(0, 1.5), title=tr(f"{title}: loss", f"{title}：損失"))
    ax_acc.set(xlabel=xlabel, ylabel=tr("accuracy", "認識精度"), ylim=(0, 1.02), title=tr(f"{title}: accuracy", f"{title}：認識精度"))
    ax_loss.legend(loc="upper right")
    ax_acc.legend(loc="lower right")
    return fig


plot_curves(hist_plain, tr("no regularisation", "正則化なし"))
plt.show()

# %% [markdown]
# Why does the validation loss rise although the validation accuracy hardly changes? The network grows more and more
# confident. On the validation digits it gets wrong, the probability of the right class shrinks towards 0, and
# $-\log y$ grows without bound (chapter 03). Its weights grow to make that confidence possible — the sum of all
# squared weights:

# %%
start = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0)
print(f"Σ W² before training: {sum(np.sum(a.W**2) for a in start.affine_layers):.0f}")
print(f"Σ W² after 150 epochs: {sum(np.sum(a.W**2) for a in plain.affine_layers):.0f}")

# %% [markdown]
# ## 3. L2 weight decay (荷重減衰)
#
# **Regularisation** (正則化) adds a preference for simple models to the loss. The most common one penalises large
# weights: **weight decay** (荷重減衰) adds half the sum of squared weights, scaled by a hyperparameter (ハイパーパラメータ) $\lambda$:
#
# $$\tilde L = L + \frac{\lambda}{2}\sum_{\text{layers}} \lVert W \rVert^2, \qquad
# \frac{\partial \tilde L}{\partial W} = \frac{\partial L}{\partial W} + \lambda W .$$
#
# The ½ is there for the same reason as in ½·SSE (chapter 02): the 2 of the square cancels. Biases are not
# penalised (as in the book). The SGD step becomes
#
# $$W \leftarrow W - \eta\Big(\frac{\partial L}{\partial W} + \lambda W\Big) = (1 - \eta\lambda)\,W - \eta\,\frac{\partial L}{\partial W}:$$
#
# before each usual step, every weight is shrunk by the factor $(1 - \eta\lambda)$ — it *decays*.
#
# Check the gradient numerically on a small matrix:

# %%
lam = 0.1
W = np.array([[1.0, -2.0], [0.5, 3.0]])
penalty = lam / 2 * np.sum(W**2)
numeric = numerical_gradient(lambda w: lam / 2 * np.sum(w**2), W)
print("penalty:", penalty, "  helpers:", l2_penalty([W], lam))
print("numerical gradient:", numeric.round(8).tolist(), "  λW:", (lam * W).round(8).tolist())

# %% [markdown]
# Now the same network, seed and settings, with $\lambda = 0.003$ (`LayerNet.create(..., weight_decay=0.003)`).

# %%
decayed = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0, weight_decay=0.003)
hist_decay = train(decayed, X_small, y_small, X_val=X_val, y_val=y_val, **settings)
for epoch in (20, 50, 100, 150):
    print(f"epoch {epoch:3d}: validation loss without {hist_plain.val_loss[epoch - 1]:.3f}   with weight decay {hist_decay.val_loss[epoch - 1]:.3f}")

# %% [markdown]
# The training loss no longer goes all the way to 0 (the penalty pulls against it), and the validation loss keeps
# falling instead of rising. The weights stay small:

# %%
print(f"Σ W² after 150 epochs with weight decay: {sum(np.sum(a.W**2) for a in decayed.affine_layers):.0f}")
print(f"training loss after 150 epochs: without {hist_plain.train_loss[-1]:.3f}, with weight decay {hist_decay.train_loss[-1]:.3f}")
print(f"validation accuracy: without {hist_plain.val_accuracy[-1]:.1%}, with weight decay {hist_decay.val_accuracy[-1]:.1%}")

# %% [markdown]
# The validation loss of both runs side by side (left) and their validation accuracy (right): solid without
# regularisation, dashed with weight decay.

# %%
epochs = np.arange(1, settings["epochs"] + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.3))
no_reg, decay = tr("no regularisation", "正則化なし"), tr("weight decay λ = 0.003", "荷重減衰 λ = 0.003")
for hist, name, role in ((hist_plain, no_reg, "loss"), (hist_decay, decay, "gradient")):
    ax_loss.plot(epochs, hist.val_loss, color=COLORS[role], linestyle=LINESTYLES[role], label=name)
    ax_acc.plot(epochs, hist.val_accuracy, color=COLORS[role], linestyle=LINESTYLES[role], label=name)
ax_loss.set(xlabel=tr("epoch (エポック)", "エポック"), ylabel=tr("validation cross-entropy", "検証データの交差エントロピー誤差"), ylim=(0.4, 1.2))
ax_loss.set_title(tr("validation loss", "検証データの損失"))
ax_acc.set(xlabel=tr("epoch (エポック)", "エポック"), ylabel=tr("validation accuracy", "検証データの認識精度"), ylim=(0.6, 0.9))
ax_acc.set_title(tr("validation accuracy", "検証データの認識精度"))
ax_loss.legend(loc="upper right")
plt.show()

# %% [markdown]
# $\lambda$ is chosen with the validation set. Too large, and the penalty wins over the data: the network
# **underfits** (学習不足) and is poor on training and validation data alike.

# %% [markdown]
# ## 4. Early stopping (早期終了)
#
# The plain run was best on validation data around epoch 20; everything after that made it worse. **Early stopping**
# uses that directly: measure the validation loss after every epoch, remember the weights of the best epoch, and stop
# once it has not improved for a number of epochs (the *patience*). `train(..., patience=10)` does exactly that and gives
# the network back its best weights.

# %%
stopped = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0)
hist_stop = train(stopped, X_small, y_small, X_val=X_val, y_val=y_val, **settings, patience=10)
print(f"stopped after epoch {hist_stop.stopped_epoch}; best epoch {hist_stop.best_epoch}, validation loss {min(hist_stop.val_loss):.3f}")

# %% [markdown]
# The run ended at epoch 30, ten epochs (the patience) after its best epoch 20, instead of running all 150 epochs, and
# the network has the weights of epoch 20. Early stopping costs little — validation data held out from training, and a
# saved copy of the best weights — and it saves time: the remaining 120 epochs are never trained. That is why almost
# every real training run uses it.

# %% [markdown]
# ## 5. Only now: the test set
#
# The three networks were compared and chosen on validation data. The test set, used once, tells us how each does on
# digits nobody looked at:

# %%
for name, model in (("no regularisation", plain), ("weight decay 0.003", decayed), ("early stopping", stopped)):
    print(f"{name:20s} test accuracy {model.accuracy(X_test, y_test):.1%}")

# %% [markdown]
# With only 50 training images no method gets close to chapter 09's 97 % — the best remedy for overfitting is **more
# data**. Regularisation makes the most of the little there is.

# %% [markdown]
# ## 6. Dropout
#
# **Dropout** (Japanese: Dropout, also ドロップアウト) fights overfitting differently: during training, every hidden
# unit is switched off at random (with probability `ratio`, often 0.5) — a new random choice at every step. The
# network cannot rely on any single unit, so it learns redundant, more general features; it is like training many
# thinned networks at once and averaging them.
#
# **Where it goes:** as its own layer right after a hidden layer's activation — Affine → ReLU → **Dropout** → Affine … —
# never after the output layer. **When:** only in training; at test time every unit is used. `helpers.layers.Dropout`
# scales the kept units by $1/(1 - \text{ratio})$ during training, so nothing changes at test time. (The book instead
# multiplies by $1 - \text{ratio}$ at test time; the expected output is the same either way.)

# %%
net_dropout = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0, dropout=0.5)
print(net_dropout)

# %% [markdown]
# What one dropout layer does to a row of six ones, in training and at test time:

# %%
drop = Dropout(0.5, seed=0)
print("training:", drop.forward(np.ones((1, 6)), train=True))
print("test:    ", drop.forward(np.ones((1, 6)), train=False))

# %% [markdown]
# Backward, the gradient passes only through the units that were kept (the same mask), like ReLU's mask in chapter 08,
# and it is scaled by the same $1/(1 - \text{ratio})$: the layer multiplies its input by mask $/(1 - \text{ratio})$, so
# that is also its derivative. One more training pass (a new random mask), then a gradient of ones sent back:

# %%
print("forward: ", drop.forward(np.ones((1, 6)), train=True))
print("backward:", drop.backward(np.ones((1, 6))))

# %% [markdown]
# Other remedies an E資格 candidate should be able to name: more training data, data augmentation, a smaller network,
# and batch normalisation (Batch Normalization).

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 10.1.** A small network has the weights `W1 = [[1, -2], [0.5, 3]]` (section 3) and `W2 = [[2], [-1]]`,
# and the biases `b1 = [0.5, -0.5]` and `b2 = [1]`. With $\lambda = 0.01$, what is the weight-decay term
# $\frac{\lambda}{2}\sum_{\text{layers}}\lVert W\rVert^2$ that is added to its loss?

# %%
answer_10_1 = ...  # your code here
check("10.1", answer_10_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
W1_ex, W2_ex = np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[2.0], [-1.0]])
answer_10_1 = 0.01 / 2 * (np.sum(W1_ex**2) + np.sum(W2_ex**2))  # the biases are not decayed
check("10.1", answer_10_1)

# %% [markdown]
# **Exercise 10.2.** Write `sgd_step_with_decay(W, dW, lr, lam)`: one SGD step with weight decay, returning the new
# weights (a new array; do not change `W`).

# %%
def sgd_step_with_decay(W, dW, lr, lam):
    ...  # your code here


check("10.2", sgd_step_with_decay)

# %% tags=["solution"] jupyter={"source_hidden": true}
def sgd_step_with_decay(W, dW, lr, lam):
    return W - lr * (dW + lam * W)


check("10.2", sgd_step_with_decay)

# %% [markdown]
# **Exercise 10.3.** A colleague tries ten values of $\lambda$ and keeps the one with the best **test** accuracy, then
# reports that accuracy. What is wrong? Answer `"a"`, `"b"` or `"c"`.
#
# * a) Nothing: the test set is the fairest judge, so it should choose λ.
# * b) The reported accuracy is too optimistic: λ was chosen on the test data, so they are no longer unseen. Choose λ on validation data and report the test accuracy once.
# * c) Weight decay should be tuned on the training loss, which it makes larger.

# %%
answer_10_3 = ...  # your code here
check("10.3", answer_10_3)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_10_3 = "b"
check("10.3", answer_10_3)

# %% [markdown]
# ## Summary
#
# * Overfitting (過学習): training loss → 0 while the validation loss has a minimum and then rises; the gap between training and validation accuracy is the symptom.
# * Train on training data, choose settings and the epoch on validation data, report test data once.
# * L2 weight decay (荷重減衰): add $\frac{\lambda}{2}\lVert W\rVert^2$ to the loss, so $\lambda W$ to each weight gradient; every step shrinks the weights by $(1 - \eta\lambda)$. λ is a hyperparameter chosen on validation data.
# * Early stopping keeps the weights of the best validation epoch and stops when the validation loss stops improving.
# * Dropout switches hidden units off at random during training only; it sits after a hidden layer's activation.
