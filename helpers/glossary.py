"""The course glossary, English / 日本語: every key term, a one-line definition, the chapter that introduces it.

:data:`TERMS` is the single source: chapter 11 renders it (:func:`markdown_table`,
:func:`search_box`) and ``tests/test_classroom.py`` checks that every entry has a
definition and names a real chapter.

Examples
--------
>>> lookup("交差エントロピー誤差").english
'cross-entropy error'
"""

from __future__ import annotations

import html
from typing import NamedTuple

import ipywidgets as widgets

__all__ = ["Term", "TERMS", "CHAPTER_FILES", "lookup", "search", "markdown_table", "html_table", "search_box"]

CHAPTER_FILES = {
    "01": "01_why_loss.ipynb",
    "02": "02_sse_mse.ipynb",
    "03": "03_cross_entropy.ipynb",
    "04": "04_ce_in_practice.ipynb",
    "05": "05_gradient_descent.ipynb",
    "06": "06_backprop.ipynb",
    "07": "07_computational_graph.ipynb",
    "08": "08_layers.ipynb",
    "09": "09_training.ipynb",
    "10": "10_regularization.ipynb",
}


class Term(NamedTuple):
    english: str
    japanese: str
    definition: str  # one line
    chapter: str  # "NN": the chapter that introduces the term


TERMS: tuple[Term, ...] = (
    # 01 — why a loss function
    Term(
        "loss function",
        "損失関数",
        "One number that says how far the model's predictions are from the targets; lower is better.",
        "01",
    ),
    Term(
        "correct label",
        "正解ラベル",
        "The target t a prediction is compared with: a value, a class index or a one-hot vector.",
        "01",
    ),
    Term(
        "parameter (weight)",
        "パラメータ（重み）",
        "A number inside the model that learning adjusts to lower the loss.",
        "01",
    ),
    Term(
        "accuracy",
        "正解率（認識精度）",
        "Fraction of samples classified correctly; piecewise constant, so useless as a loss to differentiate.",
        "01",
    ),
    Term("regression", "回帰", "Predicting a real number; squared error is the usual loss.", "01"),
    Term("classification", "分類", "Predicting a class; cross-entropy is the usual loss.", "01"),
    Term(
        "least squares",
        "最小二乗法",
        "Choosing the weights that make the sum of squared errors smallest, e.g. the best line through points.",
        "01",
    ),
    # 02 — squared errors
    Term(
        "sum of squared errors (SSE)",
        "2乗和誤差",
        "Σ(y − t)²; the book's form ½Σ(y − t)² has the gradient y − t.",
        "02",
    ),
    Term(
        "sum of squared errors (other spelling)",
        "二乗和誤差",
        "The same term as 2乗和誤差, written with the kanji 二; books and exam questions use both spellings.",
        "02",
    ),
    Term(
        "mean squared error (MSE)",
        "平均二乗誤差",
        "The mean of the squared differences, Σ(y − t)² / n; frameworks' default 'MSE'.",
        "02",
    ),
    Term(
        "mean absolute error (MAE)", "平均絶対誤差", "The mean of |y − t|; less sensitive to outliers than MSE.", "02"
    ),
    Term(
        "Huber loss",
        "フーバー損失",
        "Squared for small residuals, linear beyond a threshold: MSE's smoothness with MAE's robustness.",
        "02",
    ),
    Term("outlier", "外れ値", "A point far from the rest; squared errors let it dominate the loss.", "02"),
    Term("residual", "残差", "The difference y − t between prediction and target for one point.", "02"),
    Term("one-hot representation", "one-hot表現", "A target vector with 1 at the correct class and 0 elsewhere.", "02"),
    Term(
        "floating-point number",
        "浮動小数点数",
        "A binary approximation of a real number; why 0.0195 prints as 0.019500000000000007.",
        "02",
    ),
    # 03 — cross-entropy
    Term(
        "cross-entropy error",
        "交差エントロピー誤差",
        "−Σ t log y; with a one-hot t only −log(probability of the correct class) remains.",
        "03",
    ),
    Term(
        "binary cross-entropy",
        "二値交差エントロピー",
        "−(t log y + (1 − t) log(1 − y)) for one predicted probability y of class 1.",
        "03",
    ),
    Term(
        "natural logarithm", "自然対数", "log to base e; −log y is 0 at y = 1 and grows without bound as y → 0.", "03"
    ),
    Term(
        "epsilon ε (tiny constant; the book's code calls it delta)",
        "微小値 ε（コードでは delta）",
        "A small number (1e-7 in the book) added inside log so that log(0) = −inf never happens.",
        "03",
    ),
    Term(
        "batch mean",
        "バッチ平均",
        "The loss averaged over the N samples of a batch, so its size does not depend on N.",
        "03",
    ),
    # 04 — cross-entropy in practice
    Term(
        "softmax function",
        "ソフトマックス関数",
        "exp(a_k) / Σ exp(a_j): turns scores into probabilities that sum to 1.",
        "04",
    ),
    Term("logit", "ロジット", "An unnormalised score before softmax (or sigmoid).", "04"),
    Term(
        "overflow",
        "オーバーフロー",
        "A number too large for the float type: exp(789) becomes inf; fixed by subtracting the max.",
        "04",
    ),
    Term("log-sum-exp", "ログサムエクスプ", "log Σ exp(a_j), computed stably as max + log Σ exp(a_j − max).", "04"),
    Term(
        "class imbalance",
        "クラス不均衡",
        "Some classes are far rarer than others; plain accuracy and plain CE then favour the majority.",
        "04",
    ),
    Term(
        "weighted cross-entropy",
        "重み付き交差エントロピー",
        "Cross-entropy with a weight per class, larger for rare classes.",
        "04",
    ),
    Term(
        "label smoothing",
        "ラベル平滑化",
        "Replacing one-hot targets by (1 − α)·t + α/K so the model is not pushed to certainty.",
        "04",
    ),
    Term("entropy", "エントロピー", "H(p) = −Σ p log p: the average surprise of a distribution.", "04"),
    Term("KL divergence", "KLダイバージェンス", "KL(p‖q) = Σ p log(p/q) ≥ 0; H(p, q) = H(p) + KL(p‖q).", "04"),
    Term(
        "likelihood",
        "尤度",
        "L = Π_n y_(n, c_n), c_n the correct class of sample n: the probability of all observed labels, given weights.",
        "04",
    ),
    Term(
        "maximum likelihood estimation",
        "最尤推定",
        "Choosing the weights that make the likelihood largest; for a classifier, minimising cross-entropy.",
        "04",
    ),
    Term(
        "negative log-likelihood (NLL)",
        "負の対数尤度",
        "−log L; divided by the number of samples N it is the mean cross-entropy: E = −(1/N) log L.",
        "04",
    ),
    # 05 — gradient descent
    Term(
        "partial derivative",
        "偏微分",
        "∂f/∂w_i: the slope of f when only w_i moves and every other weight stays fixed.",
        "05",
    ),
    Term("gradient", "勾配", "The vector of partial derivatives of the loss; it points uphill.", "05"),
    Term(
        "gradient descent", "勾配降下法", "Repeat w ← w − η ∂L/∂w: step against the gradient to lower the loss.", "05"
    ),
    Term(
        "learning rate", "学習率", "η, the step size of gradient descent: too small is slow, too large diverges.", "05"
    ),
    Term(
        "numerical differentiation",
        "数値微分",
        "Estimating a derivative from function values, e.g. (f(x + h) − f(x − h)) / 2h.",
        "05",
    ),
    Term("central difference", "中心差分", "The symmetric difference (f(x + h) − f(x − h)) / 2h; error O(h²).", "05"),
    Term("mini-batch", "ミニバッチ", "A small random subset of the training data used for one gradient step.", "05"),
    Term(
        "stochastic gradient descent (SGD)",
        "確率的勾配降下法",
        "Gradient descent on mini-batches: noisy but cheap steps.",
        "05",
    ),
    Term("batch size", "バッチサイズ", "The number of samples in a mini-batch (e.g. 32, 64, 128, 256).", "05"),
    Term("epoch", "エポック", "One pass over the whole training set.", "05"),
    Term(
        "hyperparameter",
        "ハイパーパラメータ",
        "A setting people choose instead of learning it: learning rate, batch size, number of epochs, λ.",
        "10",
    ),
    # 06 — backpropagation
    Term(
        "chain rule",
        "連鎖律",
        "The derivative of a composition is the product of the derivatives: dz/dx = dz/du · du/dx.",
        "06",
    ),
    Term(
        "backpropagation",
        "誤差逆伝播法",
        "Computing every gradient by passing the deltas δ backward from the output with the chain rule.",
        "06",
    ),
    Term(
        "forward propagation",
        "順伝播",
        "Computing from the input to the output: every layer's output from the one before, up to the loss.",
        "06",
    ),
    Term(
        "weighted sum (total input)",
        "総入力（重み付き和）",
        "u = Σ w x + b, the input of a unit before its activation function.",
        "06",
    ),
    Term("activation function", "活性化関数", "The function z = f(u) a unit applies to its weighted sum.", "06"),
    Term(
        "sigmoid function",
        "シグモイド関数",
        "σ(u) = 1 / (1 + e^(−u)); its derivative σ(u)(1 − σ(u)) is at most 0.25.",
        "06",
    ),
    Term("identity function", "恒等関数", "f(u) = u: the output function for regression.", "06"),
    Term(
        "delta (error signal)",
        "デルタ（誤差）",
        "δ = ∂E/∂u; at the output δ = y − t for ½SSE + identity, softmax + CE and sigmoid + BCE.",
        "06",
    ),
    Term(
        "vanishing gradient",
        "勾配消失",
        "Gradients shrink layer by layer (e.g. by σ′ ≤ 0.25) until early layers barely learn.",
        "06",
    ),
    Term(
        "gradient check",
        "勾配確認",
        "Comparing backpropagation's gradient with a numerical one (relative error ≈ 1e-7 or less).",
        "06",
    ),
    # 07 — computational graphs
    Term(
        "computational graph",
        "計算グラフ",
        "A calculation drawn as nodes (operations) joined by edges (values); gradients flow back along the edges.",
        "07",
    ),
    Term(
        "backward propagation",
        "逆伝播",
        "Passing gradients from the output back to the inputs: at each node, local derivative × arriving gradient.",
        "07",
    ),
    # 08 — layers
    Term(
        "layer",
        "レイヤ",
        "A building block with forward(x) and backward(dout); a network is layers in a row.",
        "08",
    ),
    Term(
        "Affine layer",
        "Affineレイヤ",
        "Y = X·W + b; backward dX = dout·Wᵀ, dW = Xᵀ·dout, db = the sum of dout over the batch.",
        "08",
    ),
    Term(
        "ReLU function",
        "ReLU関数",
        "max(0, x); its derivative is 1 for x > 0 and 0 otherwise, so it does not shrink gradients as σ′ does.",
        "08",
    ),
    Term(
        "Softmax-with-Loss layer",
        "Softmax-with-Lossレイヤ",
        "Softmax and cross-entropy as one layer; on a batch of B samples its backward is (Y − T) / B.",
        "08",
    ),
    # 09 — training
    Term(
        "training data / test data",
        "訓練データ / テストデータ",
        "Data the model learns from / held-out data that measures how well it generalises.",
        "09",
    ),
    Term(
        "overfitting",
        "過学習",
        "Fitting the training data so closely that the test loss rises while the training loss falls.",
        "09",
    ),
    Term(
        "teacher data (labelled data)",
        "教師データ",
        "The correct labels t_k (DLFS §4.2.1) or the labelled data (§4.1.2); here: 正解ラベル / 訓練データ.",
        "03",
    ),
    Term("loss curve", "損失曲線", "The loss plotted against steps or epochs to monitor training.", "09"),
    Term(
        "confusion matrix",
        "混同行列",
        "A table counting, for each true class, how often each class was predicted.",
        "09",
    ),
    # 10 — overfitting and regularisation
    Term(
        "generalisation",
        "汎化",
        "Doing well on new data, not only on the training data; overfitting is poor generalisation.",
        "10",
    ),
    Term(
        "underfitting",
        "学習不足",
        "A model too simple or too constrained: poor on training and validation data alike.",
        "10",
    ),
    Term(
        "validation data",
        "検証データ",
        "Held-out data for choosing settings (λ, the epoch to stop at); the test data are then used once.",
        "10",
    ),
    Term(
        "regularisation",
        "正則化",
        "A preference for simple models in the loss (weight decay); in a wide sense also early stopping, dropout.",
        "10",
    ),
    Term(
        "weight decay",
        "荷重減衰",
        "L2 regularisation: add λ/2·Σ‖W‖² to the loss, so λW to each weight gradient; biases are not decayed.",
        "10",
    ),
    Term(
        "early stopping",
        "早期終了",
        "Stop when the validation loss has not improved for some epochs, and keep the weights of the best epoch.",
        "10",
    ),
    Term(
        "dropout",
        "Dropout",
        "Switch hidden units off at random in training only; the kept ones are scaled by 1/(1 − ratio).",
        "10",
    ),
)


def lookup(word: str) -> Term:
    """The term whose English or Japanese name is ``word`` (case-insensitive for English)."""
    for term in TERMS:
        if word.lower() in (term.english.lower(), term.japanese.lower()):
            return term
    raise KeyError(f"{word!r} is not in the glossary; try search({word!r})")


def search(query: str) -> list[Term]:
    """Terms whose English, Japanese or definition contains ``query`` (case-insensitive); all for ''."""
    q = query.strip().lower()
    return [t for t in TERMS if not q or q in t.english.lower() or q in t.japanese.lower() or q in t.definition.lower()]


def _chapter_link(chapter: str) -> str:
    return f"[{chapter}]({CHAPTER_FILES[chapter]})"


def markdown_table(terms: list[Term] | tuple[Term, ...] = TERMS) -> str:
    """The glossary as a Markdown table: English | 日本語 | definition | chapter (a link)."""
    rows = ["| English | 日本語 | definition | chapter |", "|---|---|---|---|"]
    for t in terms:
        rows.append(f"| {t.english} | {t.japanese} | {t.definition.replace('|', '∣')} | {_chapter_link(t.chapter)} |")
    return "\n".join(rows)


def html_table(terms: list[Term] | tuple[Term, ...] = TERMS) -> str:
    """The glossary as an HTML table (used by :func:`search_box`)."""
    esc = html.escape
    head = "<tr><th>English</th><th>日本語</th><th>definition</th><th>chapter</th></tr>"
    body = "".join(
        f"<tr><td>{esc(t.english)}</td><td lang='ja'>{esc(t.japanese)}</td><td>{esc(t.definition)}</td>"
        f"<td><a href='{CHAPTER_FILES[t.chapter]}'>{t.chapter}</a></td></tr>"
        for t in terms
    )
    return f"<table class='course-glossary-table'>{head}{body}</table>"


class GlossarySearch:
    """A filter box and the matching rows; ``set("交差")`` filters from code as typing does."""

    def __init__(self) -> None:
        # A word, not 🔍: machines without an emoji font show the magnifier as an empty box.
        self.box = widgets.Text(
            placeholder="English, 日本語 or a word of a definition",
            description="Search",
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
        self.count.value = f"{len(self.matches)} of {len(TERMS)} terms"
        self.table.value = html_table(self.matches) if self.matches else "<i>no term matches — try fewer letters</i>"

    def set(self, query: str) -> None:
        self.box.value = query

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def search_box() -> GlossarySearch:
    """A searchable glossary widget: type in the box, the table keeps the matching terms."""
    return GlossarySearch()
