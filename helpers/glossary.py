"""The course glossary, English / 日本語: every key term, a one-line definition, the chapter that introduces it.

:data:`TERMS` is the single source: chapter 11 renders it (:func:`markdown_table`,
:func:`search_box`) and ``tests/test_classroom.py`` checks that every entry has a
definition and names a real chapter.  Each definition is a :class:`helpers.i18n.Text` (English and
Japanese): the tables and the search box show the edition's one, and the search finds either.  The
Japanese terms follow ``JA_STYLE.md``; ``tools/ja_lint.py`` builds textlint's prh dictionary from them,
and ``tests/test_i18n.py`` checks that the translated chapters use them.

Examples
--------
>>> lookup("交差エントロピー誤差").english
'cross-entropy error'
"""

from __future__ import annotations

import html
from typing import NamedTuple

import ipywidgets as widgets

from helpers.i18n import Text, localize, tr

__all__ = ["Term", "TERMS", "lookup", "search", "markdown_table", "html_table", "search_box"]


class Term(NamedTuple):
    english: str
    japanese: str
    definition: Text  # one line in each language: Text(English, 日本語)
    slug: str  # "NN_slug": the chapter that introduces the term (as in tools/course.py)

    @property
    def chapter(self) -> str:
        """The number of the chapter that introduces the term: ``"06"``."""
        return self.slug[:2]

    @property
    def notebook(self) -> str:
        """That chapter's notebook, which the tables link: ``"06_backprop.ipynb"``."""
        return f"{self.slug}.ipynb"


TERMS: tuple[Term, ...] = (
    # 01 — why a loss function
    Term(
        "loss function",
        "損失関数",
        Text(
            "One number that says how far the model's predictions are from the targets; lower is better.",
            "モデルの予測が正解ラベルからどれだけ離れているかを表す1つの数値です。小さいほど良いモデルです。",
        ),
        "01_why_loss",
    ),
    Term(
        "correct label",
        "正解ラベル",
        Text(
            "The target t a prediction is compared with: a value, a class index or a one-hot vector.",
            "予測と比べる目標値 t です。数値、クラス番号、one-hot表現のベクトルのいずれかです。",
        ),
        "01_why_loss",
    ),
    Term(
        "parameter (weight)",
        "パラメータ（重み）",
        Text(
            "A number inside the model that learning adjusts to lower the loss.",
            "モデルの中にあり、損失を小さくするように学習で調整される数値です。",
        ),
        "01_why_loss",
    ),
    Term(
        "accuracy",
        "認識精度",
        Text(
            "Fraction of samples classified correctly; piecewise constant, so useless as a loss to differentiate.",
            "正しく分類できたサンプルの割合で、正解率ともいいます。区分的に一定なので、微分する損失関数には使え"
            "ません。",
        ),
        "01_why_loss",
    ),
    Term(
        "regression",
        "回帰",
        Text(
            "Predicting a real number; squared error is the usual loss.",
            "実数を予測するタスクです。損失関数には2乗誤差を使うのが普通です。",
        ),
        "01_why_loss",
    ),
    Term(
        "classification",
        "分類",
        Text(
            "Predicting a class; cross-entropy is the usual loss.",
            "クラスを予測するタスクです。損失関数には交差エントロピー誤差を使うのが普通です。",
        ),
        "01_why_loss",
    ),
    Term(
        "least squares",
        "最小二乗法",
        Text(
            "Choosing the weights that make the sum of squared errors smallest, e.g. the best line through points.",
            "2乗和誤差が最小になる重みを選ぶ方法です。たとえば点の集まりに最もよく合う直線を求めます。",
        ),
        "01_why_loss",
    ),
    # 02 — squared errors
    Term(
        "sum of squared errors (SSE)",
        "2乗和誤差",
        Text(
            "Σ(y − t)²; the book's form ½Σ(y − t)² has the gradient y − t.",
            "Σ(y − t)² です。本の形 ½Σ(y − t)² の勾配は y − t になります。",
        ),
        "02_sse_mse",
    ),
    Term(
        "sum of squared errors (other spelling)",
        "二乗和誤差",
        Text(
            "The same term as 2乗和誤差, written with the kanji 二; books and exam questions use both spellings.",
            "2乗和誤差と同じ用語を漢字の「二」で書いたものです。本や試験問題では両方の表記が使われます。",
        ),
        "02_sse_mse",
    ),
    Term(
        "mean squared error (MSE)",
        "平均二乗誤差",
        Text(
            "The mean of the squared differences, Σ(y − t)² / n; frameworks' default 'MSE'.",
            "差の2乗の平均 Σ(y − t)² / n です。フレームワークで「MSE」といえば通常これです。",
        ),
        "02_sse_mse",
    ),
    Term(
        "mean absolute error (MAE)",
        "平均絶対誤差",
        Text(
            "The mean of |y − t|; less sensitive to outliers than MSE.",
            "|y − t| の平均です。MSEより外れ値の影響を受けにくい損失です。",
        ),
        "02_sse_mse",
    ),
    Term(
        "Huber loss",
        "Huber損失",
        Text(
            "Squared for small residuals, linear beyond a threshold: MSE's smoothness with MAE's robustness.",
            "残差が小さいところでは2乗、しきい値を超えると1次になる損失です。MSEのなめらかさとMAEの頑健さをあわ"
            "せ持ちます。",
        ),
        "02_sse_mse",
    ),
    Term(
        "outlier",
        "外れ値",
        Text(
            "A point far from the rest; squared errors let it dominate the loss.",
            "ほかの点から遠く離れた点です。2乗誤差では、この点が損失の大部分を占めてしまいます。",
        ),
        "02_sse_mse",
    ),
    Term(
        "residual",
        "残差",
        Text(
            "The difference y − t between prediction and target for one point.",
            "1つの点での予測と目標値の差 y − t です。",
        ),
        "02_sse_mse",
    ),
    Term(
        "one-hot representation",
        "one-hot表現",
        Text(
            "A target vector with 1 at the correct class and 0 elsewhere.",
            "正解のクラスだけが1で、ほかがすべて0の目標ベクトルです。",
        ),
        "02_sse_mse",
    ),
    Term(
        "floating-point number",
        "浮動小数点数",
        Text(
            "A binary approximation of a real number; why 0.0195 prints as 0.019500000000000007.",
            "実数を2進数で近似したものです。0.0195 が 0.019500000000000007 と表示されるのはこのためです。",
        ),
        "02_sse_mse",
    ),
    # 03 — cross-entropy
    Term(
        "cross-entropy error",
        "交差エントロピー誤差",
        Text(
            "−Σ t log y; with a one-hot t only −log(probability of the correct class) remains.",
            "−Σ t log y です。t がone-hot表現なら −log（正解クラスの確率）だけが残ります。",
        ),
        "03_cross_entropy",
    ),
    Term(
        "binary cross-entropy",
        "二値交差エントロピー",
        Text(
            "−(t log y + (1 − t) log(1 − y)) for one predicted probability y of class 1.",
            "クラス1である確率の予測 y に対する −(t log y + (1 − t) log(1 − y)) です。",
        ),
        "03_cross_entropy",
    ),
    Term(
        "natural logarithm",
        "自然対数",
        Text(
            "log to base e; −log y is 0 at y = 1 and grows without bound as y → 0.",
            "e を底とする log です。−log y は y = 1 で0になり、y → 0 で限りなく大きくなります。",
        ),
        "03_cross_entropy",
    ),
    Term(
        "epsilon ε (tiny constant; the book's code calls it delta)",
        "微小値 ε（コードでは delta）",
        Text(
            "A small number (1e-7 in the book) added inside log so that log(0) = −inf never happens.",
            "log(0) = −inf にならないよう、log の中に加える小さな数です（本では 1e-7）。",
        ),
        "03_cross_entropy",
    ),
    Term(
        "batch mean",
        "バッチ平均",
        Text(
            "The loss averaged over the N samples of a batch, so its size does not depend on N.",
            "バッチの N 個のサンプルで平均した損失です。その大きさは N に依存しません。",
        ),
        "03_cross_entropy",
    ),
    # 04 — cross-entropy in practice
    Term(
        "softmax function",
        "ソフトマックス関数",
        Text(
            "exp(a_k) / Σ exp(a_j): turns scores into probabilities that sum to 1.",
            "exp(a_k) / Σ exp(a_j) です。スコアを、合計が1になる確率に変えます。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "logit",
        "ロジット",
        Text(
            "An unnormalised score before softmax (or sigmoid).",
            "ソフトマックス関数（またはシグモイド関数）に入れる前の、正規化されていないスコアです。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "overflow",
        "オーバーフロー",
        Text(
            "A number too large for the float type: exp(789) becomes inf; fixed by subtracting the max.",
            "浮動小数点数で表せないほど大きな数になることです。exp(789) は inf になります。最大値を引いて防ぎます。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "log-sum-exp",
        "log-sum-exp",
        Text(
            "log Σ exp(a_j), computed stably as max + log Σ exp(a_j − max).",
            "log Σ exp(a_j) です。max + log Σ exp(a_j − max) として安定に計算します。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "class imbalance",
        "クラス不均衡",
        Text(
            "Some classes are far rarer than others; plain accuracy and plain CE then favour the majority.",
            "一部のクラスがほかよりずっと少ない状態です。そのままの認識精度や交差エントロピー誤差は多数派に有利"
            "になります。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "weighted cross-entropy",
        "重み付き交差エントロピー",
        Text(
            "Cross-entropy with a weight per class, larger for rare classes.",
            "クラスごとに重みを付けた交差エントロピー誤差です。少ないクラスほど重みを大きくします。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "label smoothing",
        "ラベル平滑化",
        Text(
            "Replacing one-hot targets by (1 − α)·t + α/K so the model is not pushed to certainty.",
            "one-hotの目標を (1 − α)·t + α/K に置き換え、モデルが確信しすぎないようにします。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "entropy",
        "エントロピー",
        Text(
            "H(p) = −Σ p log p: the average surprise of a distribution.",
            "H(p) = −Σ p log p です。分布の「驚き」の平均です。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "KL divergence",
        "KLダイバージェンス",
        Text(
            "KL(p‖q) = Σ p log(p/q) ≥ 0; H(p, q) = H(p) + KL(p‖q).",
            "KL(p‖q) = Σ p log(p/q) ≥ 0 です。H(p, q) = H(p) + KL(p‖q) が成り立ちます。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "likelihood",
        "尤度",
        Text(
            "L = Π_n y_(n, c_n), c_n the correct class of sample n: the probability of all observed "
            "labels, given weights.",
            "L = Π_n y_(n, c_n)（c_n はサンプル n の正解クラス）です。重みを決めたとき、観測したラベルがすべて得"
            "られる確率です。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "maximum likelihood estimation",
        "最尤推定",
        Text(
            "Choosing the weights that make the likelihood largest; for a classifier, minimising cross-entropy.",
            "尤度が最大になる重みを選ぶことです。分類器では交差エントロピー誤差を最小にすることと同じです。",
        ),
        "04_ce_in_practice",
    ),
    Term(
        "negative log-likelihood (NLL)",
        "負の対数尤度",
        Text(
            "−log L; divided by the number of samples N it is the mean cross-entropy: E = −(1/N) log L.",
            "−log L です。サンプル数 N で割ると交差エントロピー誤差の平均になります: E = −(1/N) log L。",
        ),
        "04_ce_in_practice",
    ),
    # 05 — gradient descent
    Term(
        "partial derivative",
        "偏微分",
        Text(
            "∂f/∂w_i: the slope of f when only w_i moves and every other weight stays fixed.",
            "∂f/∂w_i です。w_i だけを動かし、ほかの重みをすべて固定したときの f の傾きです。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "gradient",
        "勾配",
        Text(
            "The vector of partial derivatives of the loss; it points uphill.",
            "損失の偏微分を並べたベクトルです。損失が増える向き（上り坂）を指します。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "gradient descent",
        "勾配降下法",
        Text(
            "Repeat w ← w − η ∂L/∂w: step against the gradient to lower the loss.",
            "w ← w − η ∂L/∂w を繰り返し、勾配と逆向きに進んで損失を下げる方法です。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "learning rate",
        "学習率",
        Text(
            "η, the step size of gradient descent: too small is slow, too large diverges.",
            "勾配降下法の1歩の大きさ η です。小さすぎると遅く、大きすぎると発散します。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "numerical differentiation",
        "数値微分",
        Text(
            "Estimating a derivative from function values, e.g. (f(x + h) − f(x − h)) / 2h.",
            "関数の値から微分を近似することです。たとえば (f(x + h) − f(x − h)) / 2h を使います。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "central difference",
        "中心差分",
        Text(
            "The symmetric difference (f(x + h) − f(x − h)) / 2h; error O(h²).",
            "対称な差 (f(x + h) − f(x − h)) / 2h です。誤差は O(h²) です。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "mini-batch",
        "ミニバッチ",
        Text(
            "A small random subset of the training data used for one gradient step.",
            "訓練データから無作為に選んだ小さな部分集合です。1回の勾配の更新に使います。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "stochastic gradient descent (SGD)",
        "確率的勾配降下法",
        Text(
            "Gradient descent on mini-batches: noisy but cheap steps.",
            "ミニバッチで行う勾配降下法です。1歩ごとにノイズはありますが、計算は軽くなります。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "batch size",
        "バッチサイズ",
        Text(
            "The number of samples in a mini-batch (e.g. 32, 64, 128, 256).",
            "ミニバッチに含まれるサンプルの数です（例: 32、64、128、256）。",
        ),
        "05_gradient_descent",
    ),
    Term(
        "epoch",
        "エポック",
        Text("One pass over the whole training set.", "訓練データ全体をひと通り使うことです。"),
        "05_gradient_descent",
    ),
    Term(
        "hyperparameter",
        "ハイパーパラメータ",
        Text(
            "A setting people choose instead of learning it: learning rate, batch size, number of epochs, λ.",
            "学習で求めず、人が決める設定です。学習率、バッチサイズ、エポック数、λ などがあります。",
        ),
        "10_regularization",
    ),
    # 06 — backpropagation
    Term(
        "chain rule",
        "連鎖律",
        Text(
            "The derivative of a composition is the product of the derivatives: dz/dx = dz/du · du/dx.",
            "合成関数の微分は、各関数の微分の積になるという規則です: dz/dx = dz/du · du/dx。",
        ),
        "06_backprop",
    ),
    Term(
        "backpropagation",
        "誤差逆伝播法",
        Text(
            "Computing every gradient by passing the deltas δ backward from the output with the chain rule.",
            "出力側から連鎖律でデルタ δ を逆向きに伝えて、すべての勾配を計算する方法です。",
        ),
        "06_backprop",
    ),
    Term(
        "forward propagation",
        "順伝播",
        Text(
            "Computing from the input to the output: every layer's output from the one before, up to the loss.",
            "入力から出力へ向かって計算することです。各レイヤの出力を前のレイヤから順に求め、損失まで計算します。",
        ),
        "06_backprop",
    ),
    Term(
        "weighted sum (total input)",
        "総入力",
        Text(
            "u = Σ w x + b, the input of a unit before its activation function.",
            "u = Σ w x + b です。活性化関数を通す前のユニットへの入力で、重み付き和ともいいます。",
        ),
        "06_backprop",
    ),
    Term(
        "activation function",
        "活性化関数",
        Text(
            "The function z = f(u) a unit applies to its weighted sum.",
            "ユニットが総入力に適用する関数 z = f(u) です。",
        ),
        "06_backprop",
    ),
    Term(
        "sigmoid function",
        "シグモイド関数",
        Text(
            "σ(u) = 1 / (1 + e^(−u)); its derivative σ(u)(1 − σ(u)) is at most 0.25.",
            "σ(u) = 1 / (1 + e^(−u)) です。その微分 σ(u)(1 − σ(u)) は最大でも 0.25 です。",
        ),
        "06_backprop",
    ),
    Term(
        "identity function",
        "恒等関数",
        Text("f(u) = u: the output function for regression.", "f(u) = u です。回帰の出力に使う関数です。"),
        "06_backprop",
    ),
    Term(
        "delta (error signal)",
        "デルタ（誤差信号）",
        Text(
            "δ = ∂E/∂u; at the output δ = y − t for ½SSE + identity, softmax + CE and sigmoid + BCE.",
            "δ = ∂E/∂u です。½·2乗和誤差と恒等関数、ソフトマックス関数と交差エントロピー誤差、シグモイド関数と"
            "二値交差エントロピーの組み合わせでは、出力で δ = y − t になります。",
        ),
        "06_backprop",
    ),
    Term(
        "vanishing gradient",
        "勾配消失",
        Text(
            "Gradients shrink layer by layer (e.g. by σ′ ≤ 0.25) until early layers barely learn.",
            "勾配がレイヤを通るたびに（たとえば σ′ ≤ 0.25 倍に）小さくなり、入力に近いレイヤがほとんど学習しなく"
            "なる現象です。",
        ),
        "06_backprop",
    ),
    Term(
        "gradient check",
        "勾配確認",
        Text(
            "Comparing backpropagation's gradient with a numerical one (relative error ≈ 1e-7 or less).",
            "誤差逆伝播法の勾配を数値微分の勾配と比べることです（相対誤差 ≈ 1e-7 以下が目安）。",
        ),
        "06_backprop",
    ),
    # 07 — computational graphs
    Term(
        "computational graph",
        "計算グラフ",
        Text(
            "A calculation drawn as nodes (operations) joined by edges (values); gradients flow back along the edges.",
            "計算をノード（演算）とエッジ（値）で描いたものです。勾配はエッジを逆向きに流れます。",
        ),
        "07_computational_graph",
    ),
    Term(
        "backward propagation",
        "逆伝播",
        Text(
            "Passing gradients from the output back to the inputs: at each node, local derivative × arriving gradient.",
            "勾配を出力から入力へ逆向きに伝えることです。各ノードで「局所的な微分 × 流れてきた勾配」を計算します。",
        ),
        "07_computational_graph",
    ),
    # 08 — layers
    Term(
        "layer",
        "レイヤ",
        Text(
            "A building block with forward(x) and backward(dout); a network is layers in a row.",
            "forward(x) と backward(dout) を持つ部品です。ネットワークはレイヤを並べたものです。",
        ),
        "08_layers",
    ),
    Term(
        "Affine layer",
        "Affineレイヤ",
        Text(
            "Y = X·W + b; backward dX = dout·Wᵀ, dW = Xᵀ·dout, db = the sum of dout over the batch.",
            "Y = X·W + b です。逆伝播は dX = dout·Wᵀ、dW = Xᵀ·dout、db = dout のバッチ方向の和です。",
        ),
        "08_layers",
    ),
    Term(
        "ReLU function",
        "ReLU関数",
        Text(
            "max(0, x); its derivative is 1 for x > 0 and 0 otherwise, so it does not shrink gradients as σ′ does.",
            "max(0, x) です。微分は x > 0 で 1、それ以外で 0 なので、σ′ のように勾配を小さくしません。",
        ),
        "08_layers",
    ),
    Term(
        "Softmax-with-Loss layer",
        "Softmax-with-Lossレイヤ",
        Text(
            "Softmax and cross-entropy as one layer; on a batch of B samples its backward is (Y − T) / B.",
            "ソフトマックス関数と交差エントロピー誤差をまとめたレイヤです。B 個のサンプルのバッチでは逆伝播が "
            "(Y − T) / B です。",
        ),
        "08_layers",
    ),
    # 09 — training
    Term(
        "training data / test data",
        "訓練データ / テストデータ",
        Text(
            "Data the model learns from / held-out data that measures how well it generalises.",
            "モデルが学習に使うデータ / 学習に使わずに取っておき、汎化の程度を測るデータです。",
        ),
        "09_training",
    ),
    Term(
        "overfitting",
        "過学習",
        Text(
            "Fitting the training data so closely that the test loss rises while the training loss falls.",
            "訓練データに合わせすぎて、訓練データの損失は下がるのにテストデータの損失が上がる状態です。",
        ),
        "09_training",
    ),
    Term(
        "teacher data (labelled data)",
        "教師データ",
        Text(
            "The correct labels t_k (DLFS §4.2.1) or the labelled data (§4.1.2); here: 正解ラベル / 訓練データ.",
            "正解ラベル t_k（DLFS §4.2.1）またはラベル付きのデータ（§4.1.2）のことです。本コースでは正解ラベル "
            "/ 訓練データといいます。",
        ),
        "03_cross_entropy",
    ),
    Term(
        "loss curve",
        "損失曲線",
        Text(
            "The loss plotted against steps or epochs to monitor training.",
            "学習の様子を見るために、損失をステップ数やエポック数に対して描いたグラフです。",
        ),
        "09_training",
    ),
    Term(
        "confusion matrix",
        "混同行列",
        Text(
            "A table counting, for each true class, how often each class was predicted.",
            "本当のクラスごとに、各クラスと予測された回数を数えた表です。",
        ),
        "09_training",
    ),
    # 10 — overfitting and regularisation
    Term(
        "generalisation",
        "汎化",
        Text(
            "Doing well on new data, not only on the training data; overfitting is poor generalisation.",
            "訓練データだけでなく新しいデータでもうまくいくことです。過学習は汎化がうまくいかない状態です。",
        ),
        "10_regularization",
    ),
    Term(
        "underfitting",
        "学習不足",
        Text(
            "A model too simple or too constrained: poor on training and validation data alike.",
            "モデルが単純すぎるか制約が強すぎる状態です。訓練データでも検証データでも成績が悪くなります。",
        ),
        "10_regularization",
    ),
    Term(
        "validation data",
        "検証データ",
        Text(
            "Held-out data for choosing settings (λ, the epoch to stop at); the test data are then used once.",
            "設定（λ、止めるエポック）を選ぶために取っておくデータです。テストデータはそのあと一度だけ使います。",
        ),
        "10_regularization",
    ),
    Term(
        "regularisation",
        "正則化",
        Text(
            "A preference for simple models in the loss (weight decay); in a wide sense also early stopping, dropout.",
            "単純なモデルを好む項を損失に加えること（荷重減衰）です。広い意味では早期終了やDropoutも含みます。",
        ),
        "10_regularization",
    ),
    Term(
        "weight decay",
        "荷重減衰",
        Text(
            "L2 regularisation: add λ/2·Σ‖W‖² to the loss, so λW to each weight gradient; biases are not decayed.",
            "L2正則化です。損失に λ/2·Σ‖W‖² を加えるので、各重みの勾配に λW が加わります。バイアスには適用しません。",
        ),
        "10_regularization",
    ),
    Term(
        "early stopping",
        "早期終了",
        Text(
            "Stop when the validation loss has not improved for some epochs, and keep the weights of the best epoch.",
            "検証データの損失が何エポックか改善しなくなったら学習を止め、最も良かったエポックの重みを残す方法です。",
        ),
        "10_regularization",
    ),
    Term(
        "dropout",
        "Dropout",
        Text(
            "Switch hidden units off at random in training only; the kept ones are scaled by 1/(1 − ratio).",
            "訓練のときだけ隠れユニットを無作為に無効にします。残したユニットは 1/(1 − ratio) 倍します。",
        ),
        "10_regularization",
    ),
)


def lookup(word: str) -> Term:
    """The term whose English or Japanese name is ``word`` (case-insensitive for English)."""
    for term in TERMS:
        if word.lower() in (term.english.lower(), term.japanese.lower()):
            return term
    raise KeyError(f"{word!r} is not in the glossary; try search({word!r})")


def search(query: str) -> list[Term]:
    """Terms whose English, Japanese or (English) definition contains ``query`` (case-insensitive); all for ''.

    The same terms in both editions, so that what chapter 11 prints is the same in both: the Japanese
    definitions are not searched (a Japanese query finds the Japanese names)."""
    q = query.strip().lower()
    return [t for t in TERMS if not q or any(q in field.lower() for field in (t.english, t.japanese, t.definition.en))]


def _chapter_link(term: Term) -> str:
    return f"[{term.chapter}]({term.notebook})"


def markdown_table(terms: list[Term] | tuple[Term, ...] = TERMS) -> str:
    """The glossary as a Markdown table: English | 日本語 | definition (the edition's) | chapter (a link)."""
    rows = [tr("| English | 日本語 | definition | chapter |", "| English | 日本語 | 意味 | 章 |"), "|---|---|---|---|"]
    for t in terms:
        meaning = localize(t.definition).replace("|", "∣")
        rows.append(f"| {t.english} | {t.japanese} | {meaning} | {_chapter_link(t)} |")
    return "\n".join(rows)


def html_table(terms: list[Term] | tuple[Term, ...] = TERMS) -> str:
    """The glossary as an HTML table (used by :func:`search_box`)."""
    esc = html.escape
    head = tr(
        "<tr><th>English</th><th>日本語</th><th>definition</th><th>chapter</th></tr>",
        "<tr><th>English</th><th>日本語</th><th>意味</th><th>章</th></tr>",
    )
    body = "".join(
        f"<tr><td>{esc(t.english)}</td><td lang='ja'>{esc(t.japanese)}</td><td>{esc(localize(t.definition))}</td>"
        f"<td><a href='{t.notebook}'>{t.chapter}</a></td></tr>"
        for t in terms
    )
    return f"<table class='course-glossary-table'>{head}{body}</table>"


class GlossarySearch:
    """A filter box and the matching rows; ``set("交差")`` filters from code as typing does."""

    def __init__(self) -> None:
        # A word, not 🔍: machines without an emoji font show the magnifier as an empty box.
        self.box = widgets.Text(
            placeholder=tr(
                "English, 日本語 or a word of a definition", "用語（日本語・English）または英語の定義の一語"
            ),
            description=tr("Search", "検索"),
            layout=widgets.Layout(width="min(36em, 100%)"),
        )
        self.box.add_class("course-glossary-search")
        self.count = widgets.HTML()
        self.table = widgets.HTML()
        self.widget = widgets.VBox([widgets.HBox([self.box, self.count]), self.table])
        self.box.observe(lambda change: self._show(change["new"]), names="value")
        self._show("")

    def _show(self, query: str) -> None:
        self.matches = search(query)
        self.count.value = tr(f"{len(self.matches)} of {len(TERMS)} terms", f"{len(TERMS)}語中{len(self.matches)}語")
        none = tr("no term matches — try fewer letters", "一致する用語がありません。文字数を減らしてみてください")
        self.table.value = html_table(self.matches) if self.matches else f"<i>{none}</i>"

    def set(self, query: str) -> None:
        self.box.value = query

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def search_box() -> GlossarySearch:
    """A searchable glossary widget: type in the box, the table keeps the matching terms."""
    return GlossarySearch()
