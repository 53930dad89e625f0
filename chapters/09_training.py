# %% [markdown]
# # 09 — Putting it together: training a network
#
# **What you will learn**
#
# * to train chapter 06's two-layer network on real handwritten digits with mini-batch (ミニバッチ) SGD and cross-entropy, watching a progress bar and a live loss curve;
# * what `helpers.train` does inside: the training loop written out, and one training step (forward, backward, update) that you write yourself;
# * the words of a training run: training data (訓練データ) and test data (テストデータ), learning rate (学習率), batch size, epoch (エポック);
# * that the same network trained with squared error learns visibly more slowly — chapter 06's σ′ argument on real data;
# * to read a confusion matrix (混同行列) and look at the digits the network gets wrong.

# %% [markdown] lang="ja"
# # 09 — 総仕上げ：ニューラルネットワークの学習
#
# **この章で学ぶこと**
#
# * 06章の2層ニューラルネットワークを、本物の手書き数字で学習させます。ミニバッチ（mini-batch）を使う確率的勾配降下法（SGD）と、交差エントロピー誤差（cross-entropy error）を使います。
#   そのあいだ、プログレスバーと、リアルタイムに描かれる損失曲線（loss curve）を見守ります。
# * `helpers.train` の中で何が行われているかを学びます。学習のループを書き出し、1回の学習ステップ（順伝播、逆伝播、更新）を自分で書きます。
# * 学習で使う言葉を学びます。訓練データ（training data）とテストデータ（test data）、学習率（learning rate）、バッチサイズ（batch size）、エポック（epoch）です。
# * 同じネットワークでも、2乗誤差で学習させると目に見えて学習が遅くなることを確かめます。06章の $\sigma'$ の議論を、本物のデータで確かめるのです。
# * 混同行列（confusion matrix）を読み、ネットワークが間違える数字を見ます。

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
from IPython.display import display

import helpers
from helpers.checks import check
from helpers.fit import confusion_matrix
from helpers.i18n import tr  # figure text in the edition's language (English or 日本語)
from helpers.network import TwoLayerNet
from helpers.style import COLORS, LINESTYLES, MARKERS, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The data: 8×8 handwritten digits
#
# The course bundles 1797 small scans of the digits 0–9 in `helpers/digits.npz`: scikit-learn's copy (BSD licence) of
# the UCI handwritten-digits data set, so nothing is downloaded. `load_digits_split` scales the 64 pixels to [0, 1]
# and splits them, stratified and seeded, into **training data** (訓練データ), which the network learns from,
# and **test data** (テストデータ), which it never sees until we measure its accuracy.

# %% [markdown] lang="ja"
# ## 1. データ：8×8の手書き数字
#
# コースには、0〜9の数字を小さくスキャンした1797枚の画像が `helpers/digits.npz` として付属しています。
# これはUCIの手書き数字データセットを、scikit-learnが収録したもの（BSDライセンス）です。そのため、何もダウンロードしません。
# `load_digits_split` は64個のピクセルの値を[0, 1]の範囲にそろえ、データを2つに分けます。
# どちらにも各数字が同じ割合で入るように分け（層化抽出）、シードも固定しています。
# 1つはネットワークが学習に使う **訓練データ**、もう1つは認識精度（accuracy）を測るときまでネットワークが一度も見ない **テストデータ** です。

# %%
X_train, X_test, y_train, y_test = helpers.load_digits_split()
print("training:", X_train.shape, " test:", X_test.shape)
print("first labels:", y_train[:10])

# %% [markdown]
# The first ten training images: each row of `X_train` is one 8×8 picture, read row by row. They are coarse, but the
# digits are recognisable.

# %% [markdown] lang="ja"
# 訓練データの最初の10枚の画像です。`X_train` の各行が8×8の画像1枚で、画像を1行ずつ順に並べたものです。粗い画像ですが、数字は見分けられます。

# %%
fig, axes = plt.subplots(1, 10, figsize=(9, 1.4))
for ax, image, label in zip(axes, X_train[:10], y_train[:10], strict=True):
    ax.imshow(image.reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    ax.set_title(str(label))
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 2. The network and the training settings
#
# Chapter 06's network, made bigger: 64 inputs → 100 sigmoid hidden units → 10 outputs, now with a **softmax**
# output and **cross-entropy** loss, so the output δ is again $y - t$. Weights start small and random (seeded).
#
# * **mini-batch SGD**: each step uses 32 random training samples (ミニバッチ), `batch_size = 32`;
# * **learning rate** (学習率) $\eta = 2.0$ in $w \leftarrow w - \eta\,\partial E/\partial w$;
# * **epoch** (エポック): one pass over all training data; 1347 // 32 = 42 steps per epoch, 20 epochs.

# %% [markdown] lang="ja"
# ## 2. ネットワークと学習の設定
#
# 06章のネットワークを大きくしたものを使います。入力64個 → シグモイド関数の隠れユニット100個 → 出力10個です。
# 今回は出力に **ソフトマックス関数**、損失に **交差エントロピー誤差** を使うので、出力のδはここでも $y - t$ です。重みは、小さなランダムな値から始めます（シードつき）。
#
# * **ミニバッチSGD**：各ステップで、訓練データからランダムに選んだ32個のサンプル（ミニバッチ）を使います。`batch_size = 32` です。
# * **学習率**：$w \leftarrow w - \eta\,\partial E/\partial w$ の $\eta$ で、$\eta = 2.0$ とします。
# * **エポック**：すべての訓練データをひととおり1回使うことです。1エポックは1347 // 32 = 42ステップで、20エポック学習します。

# %%
settings = dict(lr=2.0, batch_size=32, epochs=20, seed=0)
steps_per_epoch = len(X_train) // settings["batch_size"]
net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
print(net, "| steps per epoch:", steps_per_epoch)

# %% [markdown]
# ## 3. Train, and watch
#
# The cell first builds the network afresh, so running it again trains from new random weights, not on top of the
# trained ones. The progress bar counts epochs; the curve shows the loss of every mini-batch, redrawn every five
# epochs (drawing costs more than training). It falls steeply at first and then flattens; it is noisy because each
# point comes from only 32 samples.

# %% [markdown] lang="ja"
# ## 3. 学習させて、見守る
#
# このセルは、最初にネットワークを新しく作り直します。そのため、もう一度実行すると、学習済みの重みの続きからではなく、新しいランダムな重みから学習します。
# プログレスバーはエポックを数えます。曲線はミニバッチごとの損失を表し、5エポックごとに描き直します（描画は学習よりも時間がかかるからです）。
# 損失は最初に大きく下がり、そのあと平らになります。曲線がぎざぎざしているのは、各点が32個のサンプルだけから計算されているからです。

# %% tags=["nbval-ignore-output"]
net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)  # fresh weights on every run
monitor = helpers.explorers.ch09.TrainingMonitor(settings["epochs"], steps_per_epoch)
display(monitor.widget)
history = helpers.train(net, X_train, y_train, callback=monitor.callback, X_val=X_test, y_val=y_test, **settings)
accuracy = net.accuracy(X_test, y_test)
final_status = monitor.finish(history, accuracy)

# %% [markdown]
# The numbers the run produced (seeded, so they are the same every time):

# %% [markdown] lang="ja"
# この学習で得られた数値です（シードを固定しているので、毎回同じになります）。

# %%
print(f"test accuracy:  {accuracy:.2%}")
print(f"train accuracy: {history.train_accuracy[-1]:.2%}")
print(f"loss: first epoch {history.epoch_losses[0]:.4f}, last epoch {history.epoch_losses[-1]:.4f}")

# %% [markdown]
# And how long it took — this depends on the machine, so its output is not checked:

# %% [markdown] lang="ja"
# かかった時間も表示します。これはマシンによって違うので、出力はチェックしません。

# %% tags=["nbval-ignore-output"]
print(f"training took {history.seconds:.2f} s for {len(history.losses)} steps")

# %% [markdown]
# Training accuracy is a little higher than test accuracy: the network fits the samples it learned from slightly better
# than new ones. A large gap would be **overfitting** (過学習); here it is small.

# %% [markdown] lang="ja"
# 訓練データでの認識精度は、テストデータでの認識精度より少し高くなっています。ネットワークは、新しいサンプルよりも、学習に使ったサンプルのほうに少しよく合っているのです。
# この差が大きければ **過学習**（overfitting）ですが、ここでは小さな差です。

# %% [markdown]
# ## 4. Inside `helpers.train`: the loop, written out
#
# `helpers.train` is no black box. Here is its loop in plain code. Every epoch shuffles the training samples (with a
# seeded generator), cuts the shuffled order into mini-batches of 32 and takes **one training step** per mini-batch.
# Only full batches are used: here $1347 = 42 \cdot 32 + 3$, and the 3 leftover samples get their turn after the next
# shuffle. A training step has three parts:
#
# 1. **forward** (順伝播): the mini-batch goes through the layers, and the loss is computed;
# 2. **backward** (逆伝播): the gradient of every weight and bias, layer by layer from the loss back to the input
#    (chapter 08);
# 3. **update**: $w \leftarrow w - \eta\,\partial E/\partial w$ for every parameter — only after *all* gradients are known.
#
# `net.gradient` does steps 1 and 2 and returns the gradients as a dict (`"W1"`, `"b1"`, `"W2"`, `"b2"`); `net.step`
# does step 3. The loop starts from the same seeded weights as section 3 and uses the same seed for the shuffles.

# %% [markdown] lang="ja"
# ## 4. `helpers.train` の中身：ループを書き出す
#
# `helpers.train` はブラックボックスではありません。そのループを、ふつうのコードで書いてみます。
# 各エポックでは、訓練データのサンプルを（シードつきの乱数生成器で）シャッフルし、その順番を32個ずつのミニバッチに区切ります。
# そして、ミニバッチごとに **学習ステップ** を1回行います。
# 使うのは32個そろったバッチだけです。ここでは $1347 = 42 \cdot 32 + 3$ なので、3個のサンプルが余ります。余ったサンプルも、次のシャッフルのあとで使われる機会があります。
# 学習ステップは3つの部分からなります。
#
# 1. **順伝播**（forward）：ミニバッチがレイヤを通り、損失が計算されます。
# 2. **逆伝播**（backward）：損失から入力に向かってレイヤを1つずつたどり、すべての重みとバイアスの勾配を求めます（08章）。
# 3. **更新**（update）：すべてのパラメータについて $w \leftarrow w - \eta\,\partial E/\partial w$ とします。更新は、*すべての* 勾配が求まってから行います。
#
# `net.gradient` はステップ1と2を行い、勾配を辞書（`"W1"`、`"b1"`、`"W2"`、`"b2"`）で返します。`net.step` はステップ3を行います。
# このループは3節と同じシードつきの重みから始め、シャッフルにも同じシードを使います。

# %%
net_loop = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)  # section 3's start
rng = np.random.default_rng(settings["seed"])  # the same shuffles as helpers.train
lr, batch_size = settings["lr"], settings["batch_size"]
for _ in range(settings["epochs"]):
    order = rng.permutation(len(X_train))  # a new random order every epoch
    for begin in range(0, len(X_train) - batch_size + 1, batch_size):  # full batches only
        batch = order[begin : begin + batch_size]
        grads = net_loop.gradient(X_train[batch], y_train[batch])  # forward and backward
        net_loop.step(grads, lr)  # update every parameter
print(f"test accuracy after our loop: {net_loop.accuracy(X_test, y_test):.2%}")

# %% [markdown]
# The same accuracy as `helpers.train` in section 3. In fact the two networks are identical, every weight to the last
# bit, because they took the same steps in the same order:

# %% [markdown] lang="ja"
# 3節の `helpers.train` と同じ認識精度です。実は、2つのネットワークはまったく同じで、どの重みも最後のビットまで一致します。同じステップを同じ順番で進んだからです。

# %%
same = all(np.array_equal(net_loop.params()[name], net.params()[name]) for name in net.params())
print("the same weights as helpers.train:", same)

# %% [markdown]
# What `helpers.train` adds around this loop is bookkeeping: it measures the loss and accuracy after every epoch (the
# `history`), calls the progress display, and can stop early (chapter 10). What `net.gradient` and `net.step` do
# inside, you write yourself in plain numpy in exercise 09.4.

# %% [markdown] lang="ja"
# `helpers.train` がこのループの周りに付け加えているのは、記録などの処理です。
# エポックごとに損失と認識精度を測り（`history`）、進み具合の表示を呼び出します。また、学習を早めに打ち切ることもできます（10章）。
# `net.gradient` と `net.step` が中で何をしているかは、演習09.4で、numpyだけを使って自分で書きます。

# %% [markdown]
# ## 5. The same training with squared error
#
# Now the identical network, seed and settings, but with ½ squared error on the softmax output (one-hot targets).
# Its output δ is not $y - t$: the softmax derivative stays in, and it is small whenever the output is confidently wrong
# — chapter 06's slowdown.

# %% [markdown] lang="ja"
# ## 5. 同じ学習を2乗誤差で
#
# 今度はまったく同じネットワーク、シード、設定で、ソフトマックス関数の出力に½·2乗誤差を使います。正解ラベルはone-hot表現（one-hot representation）にします。
# この出力のδは $y - t$ ではありません。ソフトマックス関数の微分が残り、間違ったクラスに高い確率を出しているとき（確信をもって間違えているとき）には、それが小さくなります。06章で見た、学習が遅くなる理由です。

# %%
net_mse = TwoLayerNet.create(64, 100, 10, output="softmax", loss="half_sse", seed=0)
T_train = np.eye(10)[y_train]  # one-hot targets
history_mse = helpers.train(net_mse, X_train, T_train, X_val=X_test, y_val=y_test, **settings)
print(f"test accuracy with squared error: {net_mse.accuracy(X_test, y_test):.2%}   with cross-entropy: {accuracy:.2%}")

# %% [markdown]
# Test accuracy after selected epochs: cross-entropy is ahead from the start and squared error only catches up partly.

# %% [markdown] lang="ja"
# いくつかのエポックのあとの、テストデータでの認識精度です。交差エントロピー誤差は最初から上回っています。2乗誤差は差を縮めますが、20エポックたっても追いつきません。

# %%
for epoch in (1, 2, 3, 5, 10, 20):
    ce, se = history.val_accuracy[epoch - 1], history_mse.val_accuracy[epoch - 1]
    print(f"epoch {epoch:2d}:  cross-entropy {ce:.2%}   squared error {se:.2%}")

# %% [markdown]
# Left: test accuracy per epoch for both losses (solid = cross-entropy, dashed = squared error). Right: each run's mean
# training loss per epoch on a log scale; the two losses have different units, so compare their *shapes* — the
# squared-error run falls more slowly at first.

# %% [markdown] lang="ja"
# 左は、2つの損失関数それぞれについて、エポックごとのテストデータでの認識精度を表したものです（実線が交差エントロピー誤差、破線が2乗誤差）。
# 右は、それぞれの学習について、エポックごとの訓練データでの損失の平均を対数目盛りで表したものです。
# 2つの損失関数は単位が違うので、曲線の *形* を比べてください。2乗誤差のほうは、最初のうち下がり方が遅くなっています。

# %%
epochs = np.arange(1, settings["epochs"] + 1)
fig, (ax_acc, ax_loss) = plt.subplots(1, 2, figsize=(9, 3.4))
runs = [(tr("cross-entropy", "交差エントロピー誤差"), history, "loss"), (tr("squared error", "2乗誤差"), history_mse, "gradient")]
for name, hist, role in runs:
    ax_acc.plot(epochs, hist.val_accuracy, color=COLORS[role], linestyle=LINESTYLES[role], marker=MARKERS[role], label=name)
    ax_loss.plot(epochs, hist.epoch_losses, color=COLORS[role], linestyle=LINESTYLES[role], marker=MARKERS[role], label=name)
ax_acc.set(xlabel=tr("epoch (エポック)", "エポック"), ylabel=tr("test accuracy", "テストデータの認識精度"), ylim=(0, 1))
ax_acc.set_title(tr("accuracy on test data", "テストデータでの認識精度"))
ax_loss.set(xlabel=tr("epoch (エポック)", "エポック"), ylabel=tr("mean training loss", "訓練データの損失の平均"), yscale="log")
ax_loss.set_title(tr("training loss", "訓練データの損失"))
ax_acc.legend(loc="lower right")
plt.show()

# %% [markdown]
# ## 6. The confusion matrix (混同行列)
#
# Row $i$, column $j$ counts the test digits whose true class is $i$ and which the network called $j$.
# A perfect classifier has numbers only on the diagonal.

# %% [markdown] lang="ja"
# ## 6. 混同行列
#
# $i$ 行 $j$ 列の数は、正解のクラスが $i$ で、ネットワークが $j$ と答えたテストデータの数字の個数です。
# 完璧な分類器なら、対角線上にしか数が入りません。

# %%
predicted = net.predict(X_test)
cm = confusion_matrix(y_test, predicted)
print(cm)
print("correct:", np.trace(cm), "of", cm.sum(), "| mistakes:", cm.sum() - np.trace(cm))

# %% [markdown]
# The same matrix as a picture: darker cells hold more samples; every count is written in its cell (white text on dark
# cells). The few off-diagonal counts are the mistakes — e.g. some 8s taken for 1s.

# %% [markdown] lang="ja"
# 同じ行列を図にしたものです。色の濃いマスほど、多くのサンプルが入っています。どの個数もそのマスに書き込んであります（濃いマスでは白い文字です）。
# 対角線の外にある少しの個数が間違いです。たとえば、いくつかの8が1と判定されています。

# %%
fig, ax = plt.subplots(figsize=(5, 4.4))
ax.imshow(cm, cmap="Blues")
for i in range(10):
    for j in range(10):
        if cm[i, j]:
            ax.text(j, i, cm[i, j], ha="center", va="center", color="white" if cm[i, j] > 20 else "black")
ax.set(xticks=range(10), yticks=range(10), xlabel=tr("predicted digit", "予測した数字"), ylabel=tr("true digit", "本当の数字"))
ax.set_title(tr("混同行列 (confusion matrix)", "混同行列"))
ax.grid(False)
plt.show()

# %% [markdown]
# ## 7. The digits it gets wrong
#
# Every misclassified test digit, titled "true → predicted". Several are hard for a person too at 8×8 pixels.

# %% [markdown] lang="ja"
# ## 7. ネットワークが間違える数字
#
# 間違って分類されたテストデータの数字をすべて表示します。各画像のタイトルは「正解→予測」です。8×8ピクセルでは、人間にも難しいものがいくつかあります。

# %%
wrong = np.flatnonzero(predicted != y_test)
fig, axes = plt.subplots(1, len(wrong), figsize=(1.0 * len(wrong), 1.6))
for ax, i in zip(np.atleast_1d(axes), wrong, strict=True):
    ax.imshow(X_test[i].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    ax.set_title(f"{y_test[i]}→{predicted[i]}", fontsize=10)
    ax.axis("off")
plt.show()

# %% [markdown]
# ### Explorer: browse the mistakes
# Move the slider to go through the misclassified digits. Right: the network's ten output probabilities; green is the
# true digit, vermillion the (wrong) prediction. Some mistakes are confident, others are close calls.

# %% [markdown] lang="ja"
# ### エクスプローラー：間違いを見ていく
#
# スライダーを動かすと、間違って分類された数字を順に見られます。右は、ネットワークの10個の出力確率です。緑が正解の数字、朱色が（間違った）予測です。
# 確信度の高い間違いもあれば、僅差の間違いもあります。

# %% tags=["nbval-ignore-output"]
mistakes = helpers.explorers.ch09.mistakes_explorer(net, X_test, y_test)
mistakes

# %% [markdown]
# Driven from code: the first three mistakes.

# %% [markdown] lang="ja"
# コードから動かします。最初の3つの間違いを表示します。

# %%
for number in (1, 2, 3):
    mistakes.set(number=number)
    print(mistakes.readout_text)
mistakes.set(number=1)

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 09.1.** How many SGD steps make one epoch if the batch size is **64** instead of 32?

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 09.1** バッチサイズを32ではなく **64** にすると、1エポックは何ステップになりますか。

# %%
answer_09_1 = ...  # your code here
check("09.1", answer_09_1)

# %% tags=["solution"]
answer_09_1 = len(X_train) // 64
check("09.1", answer_09_1)

# %% [markdown]
# **Exercise 09.2.** Compute the test accuracy from the confusion matrix `cm` alone.

# %% [markdown] lang="ja"
# **演習 09.2** 混同行列 `cm` だけから、テストデータでの認識精度を計算してください。

# %%
answer_09_2 = ...  # your code here
check("09.2", answer_09_2)

# %% tags=["solution"]
answer_09_2 = np.trace(cm) / cm.sum()
check("09.2", answer_09_2)

# %% [markdown]
# **Exercise 09.3.** The **recall** (再現率) of a class is the share of its true samples that the network finds
# (chapter 04 used it for the rare class). Compute the recall of digit **8** from the confusion matrix `cm` alone.

# %% [markdown] lang="ja"
# **演習 09.3** あるクラスの **再現率**（recall）とは、そのクラスが正解であるサンプルのうち、ネットワークが見つけ出せたものの割合です（04章では、まれなクラスについて使いました）。
# 混同行列 `cm` だけから、数字 **8** の再現率を計算してください。

# %%
answer_09_3 = ...  # your code here
check("09.3", answer_09_3)

# %% tags=["solution"]
answer_09_3 = cm[8, 8] / cm[8].sum()  # row 8: every true 8; column 8 of it: those called 8
check("09.3", answer_09_3)

# %% [markdown]
# **Exercise 09.4.** Write one training step yourself, in plain numpy. `train_step(params, X, T, lr)` gets the
# parameters of a two-layer network as a dict (`"W1"` of shape (D, H), `"b1"` (H,), `"W2"` (H, M), `"b2"` (M,), as
# `net.params()` gives them), a mini-batch `X` of shape (B, D) with one-hot targets `T` of shape (B, M), and the
# learning rate `lr`. The network is this chapter's: sigmoid hidden layer, softmax output, cross-entropy loss (the mean
# over the batch). Do the forward pass, the backward pass (chapter 08's formulas) and then the update, and **return a
# new dict** with the updated parameters; leave `params` itself unchanged. `helpers.sigmoid` and `helpers.softmax` may
# help. The check runs your function on small random networks and compares it with `net.gradient` and `net.step`.

# %% [markdown] lang="ja"
# **演習 09.4** 学習ステップを1回分、numpyだけで自分で書いてみましょう。`train_step(params, X, T, lr)` は、次のものを受け取ります。
#
# * 2層ネットワークのパラメータの辞書 `params`（`net.params()` が返すものと同じ形）。
#   キーと形状は `"W1"`: `(D, H)`、`"b1"`: `(H,)`、`"W2"`: `(H, M)`、`"b2"`: `(M,)` です。
# * 形状 (B, D) のミニバッチ `X` と、形状 (B, M) のone-hot表現の正解ラベル `T`
# * 学習率 `lr`
#
# ネットワークはこの章のものです。隠れ層はシグモイド関数、出力はソフトマックス関数、損失は交差エントロピー誤差（バッチについての平均）です。
# 順伝播、逆伝播（08章の式）、更新の順に行い、更新したパラメータを **新しい辞書で返して** ください。`params` そのものは変えないでください。
# `helpers.sigmoid` と `helpers.softmax` が役に立つでしょう。チェックは、小さなランダムなネットワークであなたの関数を実行し、`net.gradient` と `net.step` の結果と比べます。

# %%
def train_step(params, X, T, lr):
    ...  # your code here: forward, backward, then update; return a new dict


check("09.4", train_step)

# %% tags=["solution"]
def train_step(params, X, T, lr):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    Z1 = helpers.sigmoid(X @ W1 + b1)  # forward: (B, H)
    Y = helpers.softmax(Z1 @ W2 + b2)  # (B, M)
    dU2 = (Y - T) / len(X)  # backward: dU2 = δ2 / B, the 1/B of the mean loss, once
    dW2, db2 = Z1.T @ dU2, dU2.sum(axis=0)  # (H, B)·(B, M) = (H, M)
    dU1 = (dU2 @ W2.T) * Z1 * (1 - Z1)  # the old W2: no update yet
    dW1, db1 = X.T @ dU1, dU1.sum(axis=0)  # (D, B)·(B, H) = (D, H)
    return {"W1": W1 - lr * dW1, "b1": b1 - lr * db1, "W2": W2 - lr * dW2, "b2": b2 - lr * db2}  # new arrays


check("09.4", train_step)

# %% [markdown]
# ## Summary
#
# * Mini-batch SGD repeats: take 32 training samples, run forward and backward (chapter 06), step $w \leftarrow w - \eta\,\partial E/\partial w$; 42 steps make an epoch.
# * The loop of `helpers.train` fits in a few lines (shuffle, cut into batches, `net.gradient`, `net.step`); written out, it gives the same weights to the last bit.
# * One training step: forward, backward with $(Y - T)/B$ at the output, update only after every gradient is computed, and return new weights.
# * 64-100-10 with sigmoid hidden units, softmax + cross-entropy, $\eta = 2.0$, 20 epochs: 97.56 % test accuracy in about ten seconds or less (the time depends on the machine).
# * With ½ squared error the same network learns more slowly at first and ends lower — the σ′ / softmax-derivative factor of chapter 06.
# * A confusion matrix shows *which* classes are confused; looking at the mistakes shows *why*.
# * Always measure on test data the network never trained on; a large train–test gap signals overfitting (過学習).

# %% [markdown] lang="ja"
# ## まとめ
#
# * ミニバッチSGDでは、次のことを繰り返します。訓練データから32個のサンプルを取り、順伝播と逆伝播で勾配を求め（06章）、$w \leftarrow w - \eta\,\partial E/\partial w$ と1歩進みます。42ステップで1エポックです。
# * `helpers.train` のループは数行に収まります（シャッフル、バッチへの分割、`net.gradient`、`net.step`）。書き出したループでも、最後のビットまで同じ重みが得られます。
# * 1回の学習ステップでは、まず順伝播し、出力の $(Y - T)/B$ から逆伝播します。すべての勾配を計算してから更新し、新しい重みを返します。
# * ネットワークは64-100-10（隠れユニットはシグモイド関数）、出力層はソフトマックス関数、損失は交差エントロピー誤差、$\eta = 2.0$、20エポックです。
#   テストデータでの認識精度は97.56%で、かかる時間は10秒ほどかそれ以下です（マシンによって違います）。
# * ½·2乗誤差を使うと、同じネットワークでも最初の学習が遅く、最後の認識精度も低くなります。06章で見た、$\sigma'$ やソフトマックス関数の微分の係数のためです。
# * 混同行列は *どの* クラスが取り違えられるかを示します。間違いを見ると、*なぜ* 間違えたのかがわかります。
# * 測定には、必ずネットワークが学習で一度も使っていないテストデータを使いましょう。訓練データとテストデータの成績の差が大きいのは、過学習の兆候です。

# %% [raw] teacher="en"
# **Objectives.** Train chapter 06's two-layer network with mini-batch SGD and cross-entropy on the 8×8 digits bundled
# with the course (`helpers/digits.npz`, scikit-learn's BSD-licensed copy of the UCI handwritten-digits set; no
# download), with a progress bar and a live loss curve; ≥ 97 % test accuracy in about ten seconds (depending on the machine); the loop inside
# `helpers.train` written out (shuffle, full mini-batches, `net.gradient`, `net.step`), which gives the same weights to
# the last bit (97.56 % again); one training step — forward, backward, update — written by the learner (exercise 09.4);
# CE vs ½ squared error training; confusion matrix (混同行列) and the misclassified digits; overfitting (過学習) as the gap between
# training and test accuracy.
#
# **10-minute demo.** Run the training cell and talk over the live loss curve: fast drop, then a slow tail. Run the
# ½ squared error training and overlay: slower — connect it to chapter 06's σ′ factor. Show the confusion matrix: which digits are
# confused, and is it symmetric? Open the **mistakes explorer** and move the slider through the misclassified digits:
# would a human get them right? Where did the network put its probability?
#
# **The loop written out (section 4), 5 minutes.** Put the loop beside the three steps on the board: forward, backward,
# update. Ask what would change if `net.step` came before `net.gradient` had finished (it would use half-updated
# weights), and why the loop gives *exactly* the weights of `helpers.train` (same start, same shuffles, same order of
# operations). Then set exercise 09.4: students write the step in plain numpy; the check names the classic slips.
#
# **Misconceptions.** "Higher training accuracy means a better model" — judge on the test set. "One epoch = one step"
# — one epoch is a pass over all training samples, len(X_train) // batch_size steps. "`helpers.train` is doing
# something special" — it is the eight-line loop of section 4 plus bookkeeping. Exercise 09.4's slips each have
# their own hint: no 1/B (the step is B times too large), dW = dout.T @ X (the transpose on the wrong side, in dW1,
# in dW2 or in both, each with its own hint; the check uses square layers so it does not raise), W2 updated before the gradient has passed through it, and `params`
# changed in place (`params["W1"] -= …`) instead of returning new arrays.
#
# **Discussion.** What would you change first if the test accuracy were 80 %? Why is the loss curve noisy with small
# batches?
#
# **Exercise answers.** 09.1: **21** steps per epoch with batch size 64 (`len(X_train) // 64`). 09.2: test accuracy
# from `cm` = **0.97556** (`np.trace(cm) / cm.sum()`). 09.3: recall of digit 8 = **0.95349** (`cm[8, 8] / cm[8].sum()`;
# dividing by the column gives the precision instead). 09.4: equivalent to the chapter's solution (sigmoid and softmax written out),
# ```python
# def train_step(params, X, T, lr):
#     W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
#     Z1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
#     S = Z1 @ W2 + b2
#     Y = np.exp(S - S.max(axis=1, keepdims=True))
#     Y = Y / Y.sum(axis=1, keepdims=True)
#     dU2 = (Y - T) / len(X)  # dU2 = δ2 / B
#     dW2, db2 = Z1.T @ dU2, dU2.sum(axis=0)
#     dU1 = (dU2 @ W2.T) * Z1 * (1 - Z1)
#     dW1, db1 = X.T @ dU1, dU1.sum(axis=0)
#     return {"W1": W1 - lr * dW1, "b1": b1 - lr * db1, "W2": W2 - lr * dW2, "b2": b2 - lr * db2}
# ```

# %% [raw] teacher="ja"
# **ねらい。**
#
# * 06章の2層ニューラルネットワークを、ミニバッチのSGDと交差エントロピー誤差で学習させます。
# * データは、コースに同梱の8×8の数字（`helpers/digits.npz`）です。scikit-learnに含まれる、BSDライセンスのUCI手書き数字データセットのコピーで、ダウンロードは不要です。
# * 進捗バーと損失曲線（loss curve）がその場で表示されます。10秒ほど（マシンによって違います）でテストデータの認識精度が97%以上になります。
# * `helpers.train` の中のループを書き出します（シャッフル、欠けのないミニバッチ、`net.gradient`、`net.step`）。このループは最後のビットまで同じ重みを与えます（再び97.56%）。
# * 学習の1ステップ（順伝播、逆伝播、更新）を学習者が書きます（演習09.4）。
# * 交差エントロピー誤差と½·2乗誤差で学習させて比べます。混同行列（confusion matrix）と誤分類された数字を見ます。
# * 訓練データとテストデータの認識精度の差として、過学習（overfitting）を見ます。
#
# **10分間のデモ。** 学習させるセルを実行し、その場で描かれる損失曲線について話します。最初は速く下がり、そのあとはゆっくりと尾を引きます。½·2乗誤差で学習させて重ねると、遅くなります。これを06章のσ′の因子と結び付けます。混同行列を見せ、どの数字が取り違えられているか、対称になっているかを問いかけます。**誤分類のエクスプローラー** を開き、スライダーで誤分類された数字を順に見ていきます。人間なら正しく読めるでしょうか。ネットワークはどこに確率を置いたでしょうか。
#
# **書き出したループ（4節）、5分間。** 黒板の3つのステップ（順伝播、逆伝播、更新）の横にループを並べます。
# `net.gradient` の計算を終える前に `net.step` を呼んだら、結果はどう変わるかを問いかけます（更新途中の重みを使ってしまいます）。
# このループで `helpers.train` と *まったく同じ* 重みになるのはなぜかも問いかけます（同じ初期値、同じシャッフル、同じ演算の順序）。
# そのあとで演習09.4を出します。生徒はnumpyだけで1ステップを書き、チェックは典型的な間違いを指摘します。
#
# **よくある誤解。** 「訓練データでの認識精度が高いほど良いモデルだ」：テストデータで判断します。「1エポック = 1ステップ」：1エポックは訓練データのすべてのサンプルを1回通すことで、len(X_train) // batch_size ステップです。「`helpers.train` は何か特別なことをしている」：4節の8行のループに、記録のための処理を加えただけです。
#
# 演習09.4の間違いには、それぞれ専用のヒントがあります。
#
# * 1/Bがない（ステップがB倍大きすぎる）。
# * dW = dout.T @ X（転置の位置が逆）。dW1、dW2、その両方に、それぞれ専用のヒントがあります。チェックは正方形のレイヤを使うので、エラーにはなりません。
# * 勾配がW2を通り抜ける前にW2を更新している。
# * 新しい配列を返さずに、`params` をその場で書き換えている（`params["W1"] -= …`）。
#
# **話し合いの問い。** テストデータでの認識精度が80%だったら、まず何を変えるでしょうか。小さなバッチで損失曲線がノイズを含むのはなぜでしょうか。
#
# **演習の解答。** 09.1: バッチサイズ64での1エポックあたりのステップ数 **21**（`len(X_train) // 64`）。09.2: `cm` から求めたテストデータの認識精度 = **0.97556**（`np.trace(cm) / cm.sum()`）。09.3: 数字8の再現率 = **0.95349**（`cm[8, 8] / cm[8].sum()`。列で割ると適合率になります）。09.4: 章の解答と同等のものを示します（シグモイド関数とソフトマックス関数を書き出しています）。
# ```python
# def train_step(params, X, T, lr):
#     W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
#     Z1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
#     S = Z1 @ W2 + b2
#     Y = np.exp(S - S.max(axis=1, keepdims=True))
#     Y = Y / Y.sum(axis=1, keepdims=True)
#     dU2 = (Y - T) / len(X)  # dU2 = δ2 / B
#     dW2, db2 = Z1.T @ dU2, dU2.sum(axis=0)
#     dU1 = (dU2 @ W2.T) * Z1 * (1 - Z1)
#     dW1, db1 = X.T @ dU1, dU1.sum(axis=0)
#     return {"W1": W1 - lr * dW1, "b1": b1 - lr * db1, "W2": W2 - lr * dW2, "b2": b2 - lr * db2}
# ```
