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

# %% [markdown] lang="ja"
# # 10 — 過学習と正則化
#
# **この章で学ぶこと**
#
# * 過学習（overfitting）がどのように見えるかを学びます。訓練データでの損失は0に近づくのに、ネットワークが見たことのないデータでの損失は下がらなくなり、やがて上がり始めます。
# * データを3つに分けておく理由を学びます。訓練データ（training data）、検証データ（validation data）、テストデータ（test data）です。
# * L2の荷重減衰（Weight decay）を学びます。ペナルティ $\frac{\lambda}{2}\lVert W\rVert^2$ とその勾配 $\lambda W$、そしてそれが曲線をどう変えるかです。
# * 早期終了（early stopping）を学びます。検証データで最も成績の良かったエポックの重みを残す方法です。
# * Dropout（ドロップアウト）が何をするのか、ネットワークのどこに置くのかを学びます。

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

# %% [markdown] lang="ja"
# ## 1. 小さな訓練データ
#
# 例の数に比べて重みの多いネットワークは、例の背後にあるパターンではなく、例そのものを丸暗記してしまうことがあります。
# これが **過学習** です。訓練データではうまくいくのに、新しいデータではうまくいきません。つまり、**汎化**（generalization）しないのです。
# 損失関数そのものは、過学習を防いでくれません。記事 [[src:001]] は、交差エントロピー誤差の問題点の1つに過学習を挙げ、その対策としてDropoutとL1/L2正則化（regularization）を紹介しています。
#
# 数秒で確かめられるように、09章の8×8の数字から **数字ごとに5枚**（全部で50枚）だけを使って学習させます。
# ほかに2組のデータを別にとっておきます。
# 1つは設定を比べたり、学習をやめるタイミングを選んだりするための300枚の **検証データ** です。もう1つは、最後に1回だけ使う450枚の **テストデータ** です。

# %%
X_small, y_small, X_val, y_val, X_test, y_test = load_digits_small(per_class=5, n_val=300)
print("training:", X_small.shape, " validation:", X_val.shape, " test:", X_test.shape)
print("training images per digit:", np.bincount(y_small))

# %% [markdown]
# Why a separate validation set? Every time we pick a setting because it scored well on some data, that data stops
# being "new". If we chose with the test set, its score would be too optimistic. So: train on the training set, choose
# with the validation set, report the test set once.

# %% [markdown] lang="ja"
# なぜ検証データを別に用意するのでしょうか。あるデータで成績が良かったという理由で設定を選ぶたびに、そのデータは「新しい」データではなくなっていきます。
# テストデータを使って選ぶと、テストデータでの成績は楽観的すぎる値になります。
# そこで、訓練データで学習し、検証データで選び、テストデータでの成績を1回だけ報告します。

# %% [markdown]
# ## 2. Overfitting in the curves
#
# A network with two hidden layers of 100 ReLU units (64-100-100-10, about 17,000 weights for 50 images), softmax +
# cross-entropy, mini-batch SGD with learning rate 0.3 and batch size 10, for 150 epochs. `helpers.train` is chapter
# 09's training loop — shuffle, take a mini-batch, forward and backward, step — and after every epoch it measures the
# loss and accuracy on the whole training set and, given `X_val` and `y_val`, on the validation set.

# %% [markdown] lang="ja"
# ## 2. 曲線に現れる過学習
#
# 100個のReLUユニットからなる隠れ層を2つもつネットワークを使います（64-100-100-10で、50枚の画像に対して重みは約17,000個あります）。
# 出力層はソフトマックス関数、損失は交差エントロピー誤差で、学習率0.3、バッチサイズ10のミニバッチSGDで150エポック学習させます。
# `helpers.train` は09章の学習のループです。シャッフルし、ミニバッチを取り出し、順伝播と逆伝播で勾配を求めて、1歩進みます。
# そしてエポックごとに、訓練データ全体で損失と認識精度を測ります。`X_val` と `y_val` を渡すと、検証データでも測ります。

# %%
settings = dict(lr=0.3, batch_size=10, epochs=150, seed=0)
plain = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0)
hist_plain = train(plain, X_small, y_small, X_val=X_val, y_val=y_val, **settings)
print(plain)

# %% [markdown]
# The loss on selected epochs. The numbers come from many matrix products, so they are printed with 3 decimals only:
# the last digits of such products can differ between CPUs (chapter 08, section 6).

# %% [markdown] lang="ja"
# いくつかのエポックでの損失です。これらの数値は多くの行列の積から得られるので、小数点以下3桁までしか表示しません。
# そのような積の最後の桁は、CPUによって違うことがあるからです（08章の6節）。

# %%
for epoch in (1, 10, 20, 50, 100, 150):
    print(f"epoch {epoch:3d}: training loss {hist_plain.train_loss[epoch - 1]:.3f}   validation loss {hist_plain.val_loss[epoch - 1]:.3f}")

# %% [markdown]
# The training loss keeps falling towards 0. The validation loss falls at first, is lowest around epoch 20, and then
# **rises**: from there on, the network is learning things about its 50 images that do not hold for other digits.
# The accuracies show the same gap:

# %% [markdown] lang="ja"
# 訓練データでの損失は、0に向かって下がり続けます。検証データでの損失は、最初は下がり、20エポック目あたりで最も低くなったあと、**上がり** ます。
# そこから先、ネットワークは、50枚の画像には当てはまっても、ほかの数字には成り立たないことを学んでいるのです。認識精度にも、同じ差が表れています。

# %%
best = int(np.argmin(hist_plain.val_loss)) + 1
print(f"lowest validation loss at epoch {best}")
print(f"after 150 epochs: training accuracy {hist_plain.train_accuracy[-1]:.1%}, validation accuracy {hist_plain.val_accuracy[-1]:.1%}")

# %% [markdown]
# In a picture — left the loss, right the accuracy; dotted = training data, solid = validation data. The dot marks
# the lowest validation loss. The widening gap between the two loss curves after it is overfitting.

# %% [markdown] lang="ja"
# 図で見てみましょう。左が損失、右が認識精度で、点線が訓練データ、実線が検証データです。丸印は、検証データでの損失が最も低いところです。
# そこから先で2本の損失曲線の差が広がっていくのが、過学習です。

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

# %% [markdown] lang="ja"
# 検証データでの認識精度はほとんど変わらないのに、なぜ検証データでの損失は上がるのでしょうか。ネットワークが、だんだん自信過剰になっていくからです。
# 検証データのうち間違える数字では、正しいクラスの確率が0に向かって小さくなり、$-\log y$ は限りなく大きくなります（03章）。
# その自信を支えるために、重みが大きくなっていきます。すべての重みの2乗の和を見てみましょう。

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

# %% [markdown] lang="ja"
# ## 3. L2の荷重減衰
#
# **正則化** は、損失に手を加えて、単純なモデルが選ばれやすくする方法です。最もよく使われるのは、大きな重みにペナルティを課す方法です。
# **荷重減衰** は、重みの2乗の和の半分にハイパーパラメータ（hyperparameter） $\lambda$ を掛けて、損失に足します。
#
# $$\tilde L = L + \frac{\lambda}{2}\sum_{\text{layers}} \lVert W \rVert^2, \qquad
# \frac{\partial \tilde L}{\partial W} = \frac{\partial L}{\partial W} + \lambda W .$$
#
# ½を付けるのは½·2乗和誤差（02章）と同じ理由で、2乗から下りてくる2と打ち消し合うからです。バイアスにはペナルティを課しません（本と同じです）。
# SGDのステップは次のようになります。
#
# $$W \leftarrow W - \eta\Big(\frac{\partial L}{\partial W} + \lambda W\Big) = (1 - \eta\lambda)\,W - \eta\,\frac{\partial L}{\partial W}:$$
#
# つまり、通常のステップの前に、どの重みも $(1 - \eta\lambda)$ 倍に縮められます。重みが *減衰* するのです。
#
# 小さな行列で、勾配を数値的に確かめてみましょう。

# %%
lam = 0.1
W = np.array([[1.0, -2.0], [0.5, 3.0]])
penalty = lam / 2 * np.sum(W**2)
numeric = numerical_gradient(lambda w: lam / 2 * np.sum(w**2), W)
print("penalty:", penalty, "  helpers:", l2_penalty([W], lam))
print("numerical gradient:", numeric.round(8).tolist(), "  λW:", (lam * W).round(8).tolist())

# %% [markdown]
# Now the same network, seed and settings, with $\lambda = 0.003$ (`LayerNet.create(..., weight_decay=0.003)`).

# %% [markdown] lang="ja"
# では、同じネットワーク、シード、設定で、$\lambda = 0.003$ にしてみましょう（`LayerNet.create(..., weight_decay=0.003)`）。

# %%
decayed = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0, weight_decay=0.003)
hist_decay = train(decayed, X_small, y_small, X_val=X_val, y_val=y_val, **settings)
for epoch in (20, 50, 100, 150):
    print(f"epoch {epoch:3d}: validation loss without {hist_plain.val_loss[epoch - 1]:.3f}   with weight decay {hist_decay.val_loss[epoch - 1]:.3f}")

# %% [markdown]
# The training loss no longer goes all the way to 0 (the penalty pulls against it), and the validation loss keeps
# falling instead of rising. The weights stay small:

# %% [markdown] lang="ja"
# 訓練データでの損失は、もう0まで下がりません（ペナルティが逆向きに引っ張るからです）。そして検証データでの損失は、上がらずに下がり続けます。重みは小さいままです。

# %%
print(f"Σ W² after 150 epochs with weight decay: {sum(np.sum(a.W**2) for a in decayed.affine_layers):.0f}")
print(f"training loss after 150 epochs: without {hist_plain.train_loss[-1]:.3f}, with weight decay {hist_decay.train_loss[-1]:.3f}")
print(f"validation accuracy: without {hist_plain.val_accuracy[-1]:.1%}, with weight decay {hist_decay.val_accuracy[-1]:.1%}")

# %% [markdown]
# The validation loss of both runs side by side (left) and their validation accuracy (right): solid without
# regularisation, dashed with weight decay.

# %% [markdown] lang="ja"
# 2つの学習について、検証データでの損失（左）と認識精度（右）を並べてみます。実線が正則化なし、破線が荷重減衰ありです。

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

# %% [markdown] lang="ja"
# $\lambda$ は検証データを使って選びます。大きすぎると、ペナルティの効きが、データへの当てはまりより強くなりすぎます。
# そうなるとネットワークは **学習不足**（underfitting）になり、訓練データと検証データのどちらでも成績が悪くなります。

# %% [markdown]
# ## 4. Early stopping (早期終了)
#
# The plain run was best on validation data around epoch 20; everything after that made it worse. **Early stopping**
# uses that directly: measure the validation loss after every epoch, remember the weights of the best epoch, and stop
# once it has not improved for a number of epochs (the *patience*). `train(..., patience=10)` does exactly that and gives
# the network back its best weights.

# %% [markdown] lang="ja"
# ## 4. 早期終了
#
# 正則化なしの学習では、20エポック目あたりで検証データでの成績が最も良く、そのあとは悪くなる一方でした。**早期終了** は、これをそのまま利用します。
# エポックごとに検証データでの損失を測り、最も良かったエポックの重みを覚えておきます。そして、決まった数のエポック（*patience*）のあいだ改善しなければ、学習を止めます。
# `train(..., patience=10)` はまさにこれを行い、最も良かった重みをネットワークに戻します。

# %%
stopped = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0)
hist_stop = train(stopped, X_small, y_small, X_val=X_val, y_val=y_val, **settings, patience=10)
print(f"stopped after epoch {hist_stop.stopped_epoch}; best epoch {hist_stop.best_epoch}, validation loss {min(hist_stop.val_loss):.3f}")

# %% [markdown]
# The run ended at epoch 30, ten epochs (the patience) after its best epoch 20, instead of running all 150 epochs, and
# the network has the weights of epoch 20. Early stopping costs little — validation data held out from training, and a
# saved copy of the best weights — and it saves time: the remaining 120 epochs are never trained. That is why almost
# every real training run uses it.

# %% [markdown] lang="ja"
# 学習は150エポックすべてを行わず、30エポック目で終わりました。最も良かった20エポック目から、10エポック（patience）あとです。ネットワークには、20エポック目の重みが入っています。
# 早期終了のコストはわずかです。必要なのは、学習から取り分けておく検証データと、最も良い重みのコピーだけです。
# しかも、残りの120エポックは学習しないので、時間の節約になります。実際の学習のほとんどで早期終了が使われているのは、このためです。

# %% [markdown]
# ## 5. Only now: the test set
#
# The three networks were compared and chosen on validation data. The test set, used once, tells us how each does on
# digits nobody looked at:

# %% [markdown] lang="ja"
# ## 5. ここで初めて：テストデータ
#
# 3つのネットワークは、検証データで比べて選びました。1回だけ使うテストデータで、誰も見ていない数字に対して、それぞれがどれだけうまくいくかがわかります。

# %%
for name, model in (("no regularisation", plain), ("weight decay 0.003", decayed), ("early stopping", stopped)):
    print(f"{name:20s} test accuracy {model.accuracy(X_test, y_test):.1%}")

# %% [markdown]
# With only 50 training images no method gets close to chapter 09's 97 % — the best remedy for overfitting is **more
# data**. Regularisation makes the most of the little there is.

# %% [markdown] lang="ja"
# 訓練データが50枚しかないと、どの方法でも09章の97%には遠く及びません。過学習への最良の対策は、**データを増やす** ことです。
# 正則化は、少ないデータを最大限に生かすための方法です。

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

# %% [markdown] lang="ja"
# ## 6. Dropout
#
# **Dropout**（dropout、ドロップアウトとも書きます）は、別のやり方で過学習を防ぎます。
# 学習中、隠れ層のユニットをランダムに選び出して消去するのです（消去する確率は `ratio` で、0.5がよく使われます）。消去するユニットは、ステップごとに選び直します。
# ネットワークはどれか1つのユニットに頼れないので、冗長で、より汎用的な特徴を学習します。いわば、間引かれた多くのネットワークを同時に学習させ、それらを平均するようなものです。
#
# **置く場所：** 隠れ層の活性化関数の直後に、独立したレイヤとして置きます。Affine → ReLU → **Dropout** → Affine … という順です。出力層の後ろには置きません。
# **使うとき：** 学習中だけです。テストのときは、すべてのユニットを使います。
# `helpers.layers.Dropout` は、学習中に残したユニットを $1/(1 - \text{ratio})$ 倍するので、テストのときには何も変える必要がありません。
# 本では代わりに、テストのときに $1 - \text{ratio}$ を掛けます。どちらのやり方でも、出力の期待値は同じです。

# %%
net_dropout = LayerNet.create((64, 100, 100, 10), hidden="relu", seed=0, dropout=0.5)
print(net_dropout)

# %% [markdown]
# What one dropout layer does to a row of six ones, in training and at test time:

# %% [markdown] lang="ja"
# 1つのDropoutレイヤが、6個の1が並んだ行をどう変えるかを、学習中とテストのときで比べてみましょう。

# %%
drop = Dropout(0.5, seed=0)
print("training:", drop.forward(np.ones((1, 6)), train=True))
print("test:    ", drop.forward(np.ones((1, 6)), train=False))

# %% [markdown]
# Backward, the gradient passes only through the units that were kept (the same mask), like ReLU's mask in chapter 08,
# and it is scaled by the same $1/(1 - \text{ratio})$: the layer multiplies its input by mask $/(1 - \text{ratio})$, so
# that is also its derivative. One more training pass (a new random mask), then a gradient of ones sent back:

# %% [markdown] lang="ja"
# 逆伝播では、08章のReLUのマスクと同じように、勾配は残されたユニットだけを通ります（同じマスクを使います）。そして、同じように $1/(1 - \text{ratio})$ 倍されます。
# このレイヤは入力にマスク $/(1 - \text{ratio})$ を掛けるので、それがそのまま微分にもなるのです。
# もう一度、学習中として順伝播し（新しいランダムなマスクになります）、すべて1の勾配を逆伝播してみましょう。

# %%
print("forward: ", drop.forward(np.ones((1, 6)), train=True))
print("backward:", drop.backward(np.ones((1, 6))))

# %% [markdown]
# Other remedies an E資格 candidate should be able to name: more training data, data augmentation, a smaller network,
# and batch normalisation (Batch Normalization).

# %% [markdown] lang="ja"
# E資格の受験者が名前を挙げられるようにしておきたい対策は、ほかにもあります。
# 訓練データを増やすこと、データ拡張（data augmentation）、ネットワークを小さくすること、そしてBatch Normalization（バッチ正規化）です。

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 10.1.** A small network has the weights `W1 = [[1, -2], [0.5, 3]]` (section 3) and `W2 = [[2], [-1]]`,
# and the biases `b1 = [0.5, -0.5]` and `b2 = [1]`. With $\lambda = 0.01$, what is the weight-decay term
# $\frac{\lambda}{2}\sum_{\text{layers}}\lVert W\rVert^2$ that is added to its loss?

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 10.1** ある小さなネットワークの重みは `W1 = [[1, -2], [0.5, 3]]`（3節）と `W2 = [[2], [-1]]` です。
# バイアスは `b1 = [0.5, -0.5]` と `b2 = [1]` です。
# $\lambda = 0.01$ のとき、荷重減衰の項 $\frac{\lambda}{2}\sum_{\text{layers}}\lVert W\rVert^2$ はいくつですか。この項が、このネットワークの損失に足されます。

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

# %% [markdown] lang="ja"
# **演習 10.2** `sgd_step_with_decay(W, dW, lr, lam)` を書いてください。荷重減衰つきのSGDのステップを1回行い、新しい重みを返す関数です（新しい配列を返し、`W` は変えないでください）。

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

# %% [markdown] lang="ja"
# **演習 10.3** ある同僚が $\lambda$ を10通り試し、**テストデータ** での認識精度が最も良かったものを選んで、その認識精度を報告しました。
# 何が問題でしょうか。`"a"`、`"b"`、`"c"` のどれかで答えてください。
#
# * a) 問題はありません。テストデータは最も公平な審判なので、λもテストデータで選ぶべきです。
# * b) 報告された認識精度は楽観的すぎます。λをテストデータで選んだので、テストデータはもう未知のデータではありません。λは検証データで選び、テストデータでの認識精度は1回だけ報告します。
# * c) 荷重減衰は訓練データでの損失を大きくするので、訓練データでの損失を見て調整すべきです。

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

# %% [markdown] lang="ja"
# ## まとめ
#
# * 過学習：訓練データでの損失は0に近づくのに、検証データでの損失は最小値をとったあと上がっていきます。訓練データと検証データでの認識精度の差が、その症状です。
# * 訓練データで学習し、設定とエポックは検証データで選び、テストデータでの成績は1回だけ報告します。
# * L2の荷重減衰：損失に $\frac{\lambda}{2}\lVert W\rVert^2$ を足すので、各重みの勾配には $\lambda W$ が加わります。ステップごとに、重みは $(1 - \eta\lambda)$ 倍に縮みます。λは検証データで選ぶハイパーパラメータです。
# * 早期終了は、検証データで最も良かったエポックの重みを残し、検証データでの損失が改善しなくなったら学習を止めます。
# * Dropoutは、学習中だけ、隠れ層のユニットをランダムに消去します。隠れ層の活性化関数の後ろに置きます。

# %% [raw] teacher="en"
# **Objectives.** Overfitting (過学習) seen on a 64-100-100-10 ReLU network trained on 5 digits per class: training loss
# → 0.001 while the validation loss is lowest at epoch 20 (0.715) and rises to 0.839; training, validation (検証データ)
# and test data and what each is for; L2 weight decay (荷重減衰) λ/2·‖W‖² with gradient λW and the (1 − ηλ) shrink;
# with λ = 0.003 the validation loss keeps falling (0.590 at epoch 150) and test accuracy rises from 78.9 % to 82.4 %;
# early stopping (早期終了; stops at epoch 30, ten epochs of patience after the best epoch 20, instead of running all
# 150); dropout — what it does, where it sits, train vs test, and that its backward uses the same mask *and* the same
# 1/(1 − ratio) scale as its forward pass. Cites 「交差エントロピー損失について」 as [[src:001]] (References at the end).
#
# **10-minute demo.** Run section 2 and ask the class to predict the validation curve before showing the plot. Then
# section 3's side-by-side plot of both validation losses. Ask: which epoch would you have stopped at? Run section 4.
# Only then reveal the test accuracies of section 5 — and stress that they were looked at once.
#
# **Misconceptions.** "Training accuracy 100 % means the model is good" — it can mean it memorised. "Choose λ on the
# test set" — that leaks the test set (exercise 10.3). "Dropout is used at test time too" — only in training; at test
# time all units are used (with the scaling handled as the chapter explains). "Early stopping saves the epochs after the
# best one" — it saves *time*: the epochs after the patience runs out are never trained, and the weights of the best
# epoch are restored. "Dropout's backward only masks" — it also scales by 1/(1 − ratio), like its forward pass.
#
# **Discussion.** Why does the validation loss rise while validation accuracy barely moves? What would more training
# data do to both curves?
#
# **Exercise answers.** 10.1: λ/2·(‖W1‖² + ‖W2‖²) = 0.005 × (14.25 + 5) = **0.09625** (the biases are not decayed;
# counting them gives 0.10375, forgetting the ½ gives 0.1925 — each has its own hint). 10.2:
# `sgd_step_with_decay = lambda W, dW, lr, lam: W - lr * (dW + lam * W)`. 10.3: **b** — λ chosen on test data makes the reported test accuracy optimistic.

# %% [raw] teacher="ja"
# **ねらい。** クラスごとに5個の数字で学習させた64-100-100-10のReLUネットワークで過学習を見ます。訓練データの損失は0.001まで下がる一方、検証データ（validation data）の損失はエポック20で最小（0.715）になり、そのあと0.839まで上がります。訓練データ、検証データ、テストデータと、それぞれの役割。L2の荷重減衰（weight decay）λ/2·‖W‖²、その勾配λW、(1 − ηλ) 倍の縮小。λ = 0.003では検証データの損失が下がり続け（エポック150で0.590）、テストデータの認識精度は78.9%から82.4%に上がります。早期終了（early stopping）：150エポックすべてを実行せず、最良のエポック20から10エポック待ってエポック30で止まります。Dropout：何をするのか、どこに置くのか、学習時とテスト時の違い、そしてその逆伝播は順伝播と同じマスク *と* 同じ 1/(1 − ratio) の倍率を使うこと。「交差エントロピー損失について」を [[src:001]] として引用しています（章末の参考文献）。
#
# **10分間のデモ。** 2節を実行し、グラフを見せる前に検証データの曲線をクラスに予想させます。続けて、3節の2つの検証データの損失を並べたグラフを見せます。どのエポックで止めたかったかを問いかけます。4節を実行します。そのあとで初めて5節のテストデータの認識精度を見せ、テストデータは一度しか見ていないことを強調します。
#
# **よくある誤解。** 「訓練データでの認識精度が100%なら良いモデルだ」：丸暗記しただけという場合があります。「λはテストデータで選ぶ」：それではテストデータの情報が漏れます（演習10.3）。「Dropoutはテスト時にも使う」：使うのは学習時だけです。テスト時にはすべてのユニットを使います（倍率の扱いは章で説明しているとおりです）。「早期終了は、最良のエポックより後の学習結果もとっておく」：いいえ。待つ期間が終わった時点で学習を打ち切るので、その後のエポックはそもそも学習されません（時間の節約になります）。重みは最良のエポックのものに戻されます。「Dropoutの逆伝播はマスクするだけだ」：順伝播と同じく
# 1/(1 − ratio) 倍もします。
#
# **話し合いの問い。** 検証データの認識精度がほとんど動かないのに、検証データの損失が上がるのはなぜでしょうか。訓練データを増やすと、
# 2つの曲線はどうなるでしょうか。
#
# **演習の解答。** 10.1: λ/2·(‖W1‖² + ‖W2‖²) = 0.005 × (14.25 + 5) = **0.09625**。バイアスは減衰させません。バイアスも数えると0.10375、½を忘れると0.1925になり、それぞれに専用のヒントがあります。10.2:
# `sgd_step_with_decay = lambda W, dW, lr, lam: W - lr * (dW + lam * W)`。10.3: **b**：テストデータで選んだλでは、報告するテストデータの認識精度が楽観的になります。
