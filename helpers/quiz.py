"""The E資格 checkpoint quiz (chapter 12): exam-style questions, auto-graded, with a score.

Every expected answer is computed by ``helpers`` when the answer is checked — a loss
value by the loss function, the right gradient by comparing each option with a
numerical gradient, the numerical trap by running each option — so nothing here
holds an answer in plain sight.

Two ways to take it, sharing one score:

>>> from helpers import quiz
>>> quiz.answer(1, 0.0195)            # doctest: +ELLIPSIS
✓ Question 1: correct! ...
>>> quiz.score()
'Score: 1 / 34'
>>> quiz.reset()

or ``quiz.show()`` in a notebook: one box per question (radio buttons or a number
field, a Check button, the feedback) and the score at the top.
"""

from __future__ import annotations

import functools
import html
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import numpy as np

from helpers import losses
from helpers.checks import MIN_DIGITS, judge_number
from helpers.graph import shopping_graph
from helpers.i18n import Text, localize, tr
from helpers.layers import AddLayer, Affine, Dropout, SoftmaxWithLoss
from helpers.network import LayerNet, TwoLayerNet, l2_penalty_grad, sigmoid, sigmoid_grad, train
from helpers.numdiff import numerical_diff, numerical_gradient

__all__ = ["Question", "Quiz", "QUESTIONS", "answer", "score", "reset", "show", "question"]

# The course's worked examples (seeds 000 and 004, the book's MNIST output).
Y_BOOK = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
T_BOOK = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_WRONG = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
LOGITS = [123.0, 456.0, 789.0]
NET = dict(W1=[[0.1, 0.2], [0.3, 0.4]], b1=[0.1, 0.1], W2=[0.5, 0.6], b2=0.2)
X_NET, T_NET = [1.0, 0.5], 1.0


@dataclass(frozen=True)
class Question:
    """One question.

    Attributes
    ----------
    number : int
    chapter : str
        The chapter to revisit, ``"NN"``.
    prompt : str or Text
        The question (Markdown with ``$…$`` math allowed); every text of a question is a
        :class:`~helpers.i18n.Text` (English, 日本語) and is shown in the edition's language.
    correct : callable
        Computes the right answer with ``helpers`` at check time: a float for a number
        question, an option letter for a choice question.
    options : dict
        ``{"a": "text", …}`` for a choice question (a formula or code as a plain str, words as a Text);
        empty for a number question.
    hint : str or Text
        Shown after a wrong answer (never the answer).
    explanation : str or Text
        Shown after a right answer.
    rtol, atol : float
        Tolerance for number answers (learners type rounded values).
    """

    number: int
    chapter: str
    prompt: str | Text
    correct: Callable[[], Any]
    hint: str | Text
    explanation: str | Text = ""
    options: dict[str, str | Text] = field(default_factory=dict)
    rtol: float = 1e-3
    atol: float = 1e-6

    @property
    def kind(self) -> str:
        return "choice" if self.options else "number"


def _closest(values: dict[str, float], target: float) -> str:
    """The option letter whose value is closest to ``target``."""
    return min(values, key=lambda k: abs(values[k] - target))


def _quietly(fn: Callable[[], Any]) -> Any:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return fn()
        except (FloatingPointError, OverflowError, ValueError, ZeroDivisionError):
            return float("nan")


def _only(predicates: dict[str, Callable[[], bool]]) -> str:
    """The one option whose claim, checked numerically, is true."""
    true = [k for k, p in predicates.items() if _quietly(p) is True or bool(_quietly(p)) is True]
    if len(true) != 1:  # a defect in the question, not in the learner's answer
        raise RuntimeError(f"expected exactly one true option, found {true}")
    return true[0]


def _gradient_matches(candidate: Callable[[np.ndarray], np.ndarray], loss: Callable[[np.ndarray], float]) -> bool:
    x = np.array([0.3, -1.2, 0.8])
    return bool(np.allclose(candidate(x), numerical_gradient(loss, x), rtol=1e-5, atol=1e-7))


# ---- the option sets, kept as data so both the question and its checker use them --------

_SSE_FORMS = {
    "a": ("Σ(y − t)²", losses.sum_squared_error),
    "b": ("Σ(y − t)² / n", losses.mean_squared_error),
    "c": ("½·Σ(y − t)²", losses.half_sum_squared_error),
    "d": ("Σ|y − t| / n", losses.mean_absolute_error),
}

_T3 = np.array([0.0, 1.0, 0.0])
_HALF_SSE_GRADS = {
    "a": ("2(y − t)", lambda y: 2 * (y - _T3)),
    "b": ("t − y", lambda y: _T3 - y),
    "c": ("y − t", lambda y: y - _T3),
    "d": ("(y − t) / n", lambda y: (y - _T3) / 3),
}
_LOGIT_GRADS = {
    "a": ("−t / y", lambda a: -_T3 / losses.softmax(a)),
    "b": ("y(1 − y)", lambda a: losses.softmax(a) * (1 - losses.softmax(a))),
    "c": ("(y − t)·y(1 − y)", lambda a: (losses.softmax(a) - _T3) * losses.softmax(a) * (1 - losses.softmax(a))),
    "d": ("y − t", lambda a: losses.softmax(a) - _T3),
}
_SIGMOID_DERIVS = {
    "a": ("σ(u)(1 − σ(u))", lambda u: sigmoid(u) * (1 - sigmoid(u))),
    "b": ("σ(u)²", lambda u: sigmoid(u) ** 2),
    "c": ("1 − σ(u)²", lambda u: 1 - sigmoid(u) ** 2),
    "d": ("e^(−u)", lambda u: np.exp(-u)),
}

_y, _t = np.array(Y_BOOK), np.array(T_BOOK)
_CE_CODE = {
    "a": ("-np.sum(t * np.log(y))", lambda: -np.sum(_t * np.log(_y))),
    "b": ("-np.sum(t * np.log(y + 1e-7))", lambda: -np.sum(_t * np.log(_y + 1e-7))),
    "c": ("-np.log(y[t.argmax()] + 1e-7)", lambda: -np.log(_y[_t.argmax()] + 1e-7)),
    "d": ("helpers.cross_entropy(y, t)", lambda: losses.cross_entropy(_y, _t)),
}
_x = np.array(LOGITS)
_SOFTMAX_CODE = {
    "a": ("np.exp(x) / np.sum(np.exp(x))", lambda: np.exp(_x) / np.sum(np.exp(_x))),
    "b": (
        "np.exp(x - x.max()) / np.sum(np.exp(x - x.max()))",
        lambda: np.exp(_x - _x.max()) / np.sum(np.exp(_x - _x.max())),
    ),
    "c": ("np.exp(x) / np.exp(x).max()", lambda: np.exp(_x) / np.exp(_x).max()),
    "d": ("np.exp(x / x.max()) / np.sum(np.exp(x))", lambda: np.exp(_x / _x.max()) / np.sum(np.exp(_x))),
}
_LEARNING_RATES = {"a": 0.1, "b": 0.5, "c": 0.9, "d": 1.1}


def _descend(lr: float, steps: int = 50) -> float:
    """|w| after ``steps`` of gradient descent on L(w) = w², starting at w = 1 (numerical gradient)."""
    w = 1.0
    for _ in range(steps):
        w -= lr * numerical_diff(lambda v: v**2, w)
    return abs(w)


def _accuracy(threshold: float) -> float:
    """Accuracy of 'class 1 if x > threshold' on six fixed points: a step function of the threshold."""
    x = np.array([0.1, 0.25, 0.4, 0.55, 0.7, 0.9])
    labels = np.array([0, 0, 1, 0, 1, 1])
    return float(np.mean((x > threshold) == labels))


def _numbers(d: dict[str, tuple[str | Text, Any]]) -> dict[str, str | Text]:
    return {k: text for k, (text, _) in d.items()}


def _net() -> TwoLayerNet:
    return TwoLayerNet(**NET)


# ---- chapters 04 (likelihood) and 07–10: graphs, layers, training, regularisation ----------

_ADD_SENDS = {
    "a": (Text("dout to both inputs", "両方の入力に dout"), lambda dout, x, y: (dout, dout)),
    "b": (Text("dout / 2 to each input", "それぞれの入力に dout / 2"), lambda dout, x, y: (dout / 2, dout / 2)),
    "c": (
        Text("dout × y to x and dout × x to y", "x に dout × y、y に dout × x"),
        lambda dout, x, y: (dout * y, dout * x),
    ),
    "d": (Text("dout to x and 0 to y", "x に dout、y に 0"), lambda dout, x, y: (dout, 0.0)),
}


def _add_node_sends(send: Callable[[float, float, float], tuple[float, float]]) -> bool:
    node = AddLayer()
    node.forward(3.0, 5.0)
    return bool(np.allclose(node.backward(2.0), send(2.0, 3.0, 5.0)))


_SHAPES = {"a": "(32, 100)", "b": "(64, 100)", "c": "(100, 64)", "d": "(32, 64)"}


def _affine_batch() -> tuple[Affine, np.ndarray]:
    """An Affine layer 64 → 100 after forward and backward on a batch of 32: its dW and db are set."""
    rng = np.random.default_rng(0)
    layer = Affine(rng.standard_normal((64, 100)), np.zeros(100))
    layer.forward(rng.standard_normal((32, 64)))
    dout = rng.standard_normal((32, 100))
    layer.backward(dout)
    return layer, dout


_BIAS_GRADS = {
    "a": (Text("dout.sum(axis=0), shape (100,)", "dout.sum(axis=0)、形状 (100,)"), lambda d: d.sum(axis=0)),
    "b": (Text("dout.mean(axis=0), shape (100,)", "dout.mean(axis=0)、形状 (100,)"), lambda d: d.mean(axis=0)),
    "c": (Text("dout.sum(axis=1), shape (32,)", "dout.sum(axis=1)、形状 (32,)"), lambda d: d.sum(axis=1)),
    "d": (Text("dout itself, shape (32, 100)", "dout そのもの、形状 (32, 100)"), lambda d: d),
}


def _is_bias_gradient(option: Callable[[np.ndarray], np.ndarray]) -> bool:
    """Does ``option(dout)`` have b's shape and the value the Affine layer's backward stores in ``db``?"""
    layer, dout = _affine_batch()
    value = option(dout)
    return bool(np.shape(value) == layer.b.shape and np.allclose(layer.db, value))


_U4 = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0], [1.0, -1.0, 0.0]])
_T4 = np.eye(3)[[0, 1, 2, 2]]
_LOSS_LAYER_GRADS = {
    "a": ("Y − T", lambda Y, T: Y - T),
    "b": ("(Y − T) / B", lambda Y, T: (Y - T) / len(Y)),
    "c": ("B (Y − T)", lambda Y, T: len(Y) * (Y - T)),
    "d": ("(Y − T) · Y (1 − Y)", lambda Y, T: (Y - T) * Y * (1 - Y)),
}


def _loss_layer_sends(grad: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> bool:
    """Compare an option with the numerical gradient of the batch-mean cross-entropy of softmax(U)."""
    numeric = numerical_gradient(lambda u: losses.cross_entropy_from_logits(u, _T4), _U4)
    layer = SoftmaxWithLoss()
    layer.forward(_U4, _T4)
    by_layer = layer.backward()
    return bool(np.allclose(grad(layer.y, _T4), numeric, atol=1e-8) and np.allclose(by_layer, numeric, atol=1e-8))


# Four samples; the probabilities of their correct labels are 0.5, 0.8, 0.25 and 1.0.
_Y_NLL = np.array([[0.5, 0.5], [0.8, 0.2], [0.75, 0.25], [1.0, 0.0]])
_LABELS_NLL = np.array([0, 0, 1, 0])


def _likelihood(Y: np.ndarray, labels: np.ndarray) -> float:
    return float(np.prod(Y[np.arange(len(Y)), labels]))


def _nll_claims() -> dict[str, Callable[[], bool]]:
    """Each option's claim, checked on two random models of the same labels."""
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 6)
    models = [losses.softmax(rng.standard_normal((6, 3))) for _ in range(2)]
    ce = [losses.cross_entropy(Y, labels, delta=0) for Y in models]
    lik = [_likelihood(Y, labels) for Y in models]
    return {
        "a": lambda: (
            all(math.isclose(-math.log(L) / 6, E) for L, E in zip(lik, ce, strict=True))
            and (ce[0] < ce[1]) == (lik[0] > lik[1])
        ),
        "b": lambda: all(math.isclose(L, 6 * E) for L, E in zip(lik, ce, strict=True)),
        "c": lambda: all(
            math.isclose(L, float(np.sum(Y[np.arange(6), labels]))) for L, Y in zip(lik, models, strict=True)
        ),
    }


@functools.lru_cache(maxsize=1)
def _steps_of_chapter_09() -> float:
    """SGD steps helpers.train takes for 1347 samples, batch 32, 20 epochs (counted on a tiny network)."""
    net = LayerNet.create((1, 1), output="identity")
    return float(len(train(net, np.zeros((1347, 1)), np.zeros(1347), lr=0.1, batch_size=32, epochs=20).losses))


_TEST_TIME_DROPOUT = {
    "a": (Text("passes every unit unchanged", "すべてのユニットをそのまま通す"), lambda x: x),
    "b": (Text("multiplies every unit by 0.5", "すべてのユニットを 0.5 倍する"), lambda x: 0.5 * x),
    "c": (
        Text(
            "switches half of the units off at random, as in training",
            "訓練時と同じく、ユニットの半分を無作為に無効にする",
        ),
        None,
    ),
    "d": (Text("multiplies every unit by 2", "すべてのユニットを 2 倍する"), lambda x: 2 * x),
}


def _dropout_at_test(option: str) -> bool:
    x = np.arange(1.0, 9.0).reshape(2, 4)
    out = Dropout(0.5, seed=0).forward(x, train=False)
    rule = _TEST_TIME_DROPOUT[option][1]
    if rule is None:  # the random claim: some units off
        return bool(np.any(out == 0))
    return bool(np.array_equal(out, rule(x)))


QUESTIONS: tuple[Question, ...] = (
    Question(
        1,
        "02",
        Text(
            "The network outputs $y$ = `[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]`; the correct class is 2 "
            "(one-hot $t$). Compute the **mean squared error** $\\frac{1}{n}\\sum_k (y_k - t_k)^2$.",
            "ネットワークの出力が $y$ = `[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]`、正解クラスが2（"
            "one-hot表現の $t$）のとき、**平均二乗誤差** $\\frac{1}{n}\\sum_k (y_k - t_k)^2$ を求めよ。",
        ),
        lambda: losses.mean_squared_error(Y_BOOK, T_BOOK),
        hint=Text(
            "Square the ten differences y − t, add them, divide by 10. Only index 2 has a large difference (−0.4).",
            "差 y − t を要素ごとに二乗して足し、10で割ります。大きな差があるのはインデックス2だけです（−0.4）。",
        ),
        explanation=Text(
            "0.0195 (printed 0.019500000000000007 because of binary floating point).",
            "0.0195 です（二進の浮動小数点数のため 0.019500000000000007 と表示されます）。",
        ),
    ),
    Question(
        2,
        "02",
        Text(
            "For the same $y$ and $t$, the book's 2乗和誤差 $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$ equals 0.0975. "
            "Which formula does the function of the E資格 notes 「損失関数はなぜ必要なのか」, also headed 2乗和誤差, "
            "compute when it prints 0.0195?",
            "同じ $y$ と $t$ で、本の2乗和誤差 $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$ は 0.0975 になる。"
            "E資格ノート「損失関数はなぜ必要なのか」の、同じく2乗和誤差という見出しの関数が 0.0195 "
            "を表示するとき、計算している式として最も適切なものを選べ。",
        ),
        lambda: _closest({k: f(Y_BOOK, T_BOOK) for k, (_, f) in _SSE_FORMS.items()}, 0.0195),
        options=_numbers(_SSE_FORMS),
        hint=Text("0.0195 is 0.195 divided by the number of elements.", "0.0195 は 0.195 を要素の数で割った値です。"),
        explanation=Text(
            "It is the mean, Σ(y − t)²/n: sources use the same Japanese name for different formulas.",
            "平均 Σ(y − t)²/n です。出典によっては、同じ日本語の名前で違う式を指すことがあります。",
        ),
    ),
    Question(
        3,
        "02",
        Text(
            "A second MNIST-style sample (swim-lover's blog post) "
            "$y$ = `[0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]`, correct class 2. "
            "Compute the book's $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$.",
            "MNIST風のもう一つのサンプル（swim-loverのブログ記事）$y$ = `[0.1, 0.01, 0.2, 0.0, 0.0,"
            " 0.1, 0.02, 0.1, 0.1, 0.5]`、正解クラス2について、本の $E = \\frac{1}{2}\\sum_k (y_k - "
            "t_k)^2$ を求めよ。",
        ),
        lambda: losses.half_sum_squared_error(Y_WRONG, T_BOOK),
        hint=Text(
            "The big terms are (0.2 − 1)² and 0.5²; don't forget the ½.",
            "大きな項は (0.2 − 1)² と 0.5² です。½ を忘れないようにしましょう。",
        ),
        explanation=Text(
            "More than four times the loss of the sample where class 2 was likely (0.10105).",
            "クラス2の確率が高かったサンプルの損失（0.10105）の四倍以上です。",
        ),
    ),
    Question(
        4,
        "02",
        Text(
            "Eight targets $t$ = `[1, 1, 1, 1, 1, 1, 1, 5]` (one outlier). Which **constant** prediction $c$ minimises "
            "the MSE $\\frac{1}{8}\\sum_i (c - t_i)^2$?",
            "八つの目標値 $t$ = `[1, 1, 1, 1, 1, 1, 1, 5]`（外れ値がひとつ）がある。MSE $\\frac{1}{8}\\sum_i "
            "(c - t_i)^2$ を最小にする **定数** の予測 $c$ を求めよ。",
        ),
        lambda: float(np.mean([1.0] * 7 + [5.0])),
        hint=Text(
            "Set the derivative of the MSE with respect to c to zero: the best constant is a familiar average.",
            "MSEを c で微分してゼロとおきます。最適な定数は、なじみのある平均値です。",
        ),
        explanation=Text(
            "1.5, the mean: one outlier drags the MSE optimum, while MAE's optimum (the median) stays at 1.0.",
            "平均の 1.5 です。外れ値がひとつあるだけでMSEの最適値は引っ張られますが、MAEの最適値（中央値）"
            "は 1.0 のままです。",
        ),
    ),
    Question(
        5,
        "03",
        Text(
            "Cross-entropy error $E = -\\sum_k t_k \\log(y_k + \\varepsilon)$, $\\varepsilon = 10^{-7}$,"
            " on the book's $y$ "
            "(probability 0.6 for the correct class 2). Compute $E$.",
            "本の $y$（正解クラス2の確率は0.6）について、交差エントロピー誤差 $E = -\\sum_k t_k \\log(y_k "
            "+ \\varepsilon)$（$\\varepsilon = 10^{-7}$）を求めよ。",
        ),
        lambda: losses.cross_entropy(Y_BOOK, T_BOOK),
        hint=Text(
            "With a one-hot t only one term survives: −log(0.6 + 1e-7).",
            "t がone-hot表現なら、残る項はひとつだけです: −log(0.6 + 1e-7)。",
        ),
        explanation=Text(
            "0.5108…: only the correct class's probability matters.",
            "0.5108… です。効いてくるのは正解クラスの確率だけです。",
        ),
    ),
    Question(
        6,
        "03",
        Text(
            "That second sample (swim-lover's blog post) gives the correct class probability 0.2. "
            "Compute its cross-entropy error (ε = 1e-7).",
            "先ほどのもう一つのサンプル（swim-loverのブログ記事）では、正解クラスの確率が0.2である。"
            "その交差エントロピー誤差（ε = 1e-7）を求めよ。",
        ),
        lambda: losses.cross_entropy(Y_WRONG, T_BOOK),
        hint=Text(
            "−log(0.2 + 1e-7); the natural logarithm (np.log), not log10.",
            "−log(0.2 + 1e-7) です。log10 ではなく自然対数（np.log）を使います。",
        ),
        explanation=Text(
            "1.609…: about three times the 0.51 of the book's output (question 5, probability 0.6), and "
            "160 times the 0.0101 of the blog post's own first cross-entropy sample (probability 0.99).",
            "1.609… です。本の出力の 0.51（問5、確率0.6）の約三倍、ブログ記事自身の最初の交差エントロピーの例 "
            "0.0101（確率0.99）の160倍です。",
        ),
    ),
    Question(
        7,
        "03",
        Text(
            "Binary cross-entropy $-(t\\log p + (1-t)\\log(1-p))$: the model predicts $p = 0.8$ for class 1 and the "
            "label is $t = 1$. Compute the loss.",
            "二値交差エントロピー $-(t\\log p + (1-t)\\log(1-p))$ について、モデルがクラス1に対して "
            "$p = 0.8$ を予測し、ラベルが $t = 1$ のときの損失を求めよ。",
        ),
        lambda: losses.binary_cross_entropy([0.8], [1]),
        hint=Text("With t = 1 only −log p remains.", "t = 1 なら −log p だけが残ります。"),
        explanation=Text(
            "−log 0.8 ≈ 0.2231 (the example of 「交差エントロピー損失について」).",
            "−log 0.8 ≈ 0.2231 です（「交差エントロピー損失について」の例）。",
        ),
    ),
    Question(
        8,
        "03",
        Text(
            "**Spot the numerical trap.** With `y` the book's output (it contains zeros) and `t` one-hot at 2, which "
            "line returns `nan`?",
            "**数値計算の落とし穴を見つけよ。** `y` を本の出力（ゼロを含む）、`t` をクラス2のone-hot表現とする。"
            "`nan` を返す行として最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda f=f: bool(np.isnan(_quietly(f)))) for k, (_, f) in _CE_CODE.items()}),
        options=_numbers(_CE_CODE),
        hint=Text(
            "log(0) = −inf, and 0 · (−inf) is not a number. Which line takes log of the raw y, zeros included?",
            "log(0) = −inf で、0 · (−inf) は数ではありません。ゼロを含む y そのものの log をとっているのはどの行"
            "でしょうか。",
        ),
        explanation=Text(
            "0·log 0 = 0·(−inf) = nan; adding ε = 1e-7, or picking only the correct class, avoids it.",
            "0·log 0 = 0·(−inf) = nan となります。ε = 1e-7 を加えるか、正解クラスだけを取り出せば避けられます。",
        ),
    ),
    Question(
        9,
        "03",
        Text(
            "With ε = 1e-7, what is the **largest** cross-entropy error one sample can produce (the correct class gets "
            "probability 0)?",
            "ε = 1e-7 のとき、サンプルひとつの交差エントロピー誤差がとりうる **最大値**（正解クラスの確率が0のと"
            "き）を求めよ。",
        ),
        lambda: losses.cross_entropy([0.0, 1.0], [1, 0]),
        hint=Text("−log(0 + ε) with ε = 1e-7.", "ε = 1e-7 として −log(0 + ε) です。"),
        explanation=Text(
            "−log(1e-7) ≈ 16.118: ε caps the loss instead of letting it be infinite.",
            "−log(1e-7) ≈ 16.118 です。ε のおかげで、損失は無限大にならず上限で止まります。",
        ),
    ),
    Question(
        10,
        "04",
        Text(
            "**Spot the numerical trap.** For logits `x = np.array([123.0, 456.0, 789.0])`, which "
            "line returns a finite "
            "softmax that sums to 1?",
            "**数値計算の落とし穴を見つけよ。** ロジット `x = np.array([123.0, 456.0, 789.0])` に対して、"
            "合計が1になる有限のソフトマックス関数の値を返す行として最も適切なものを選べ。",
        ),
        lambda: _only(
            {
                k: (lambda f=f: bool(np.all(np.isfinite(_quietly(f)))) and np.allclose(_quietly(f), losses.softmax(_x)))
                for k, (_, f) in _SOFTMAX_CODE.items()
            }
        ),
        options=_numbers(_SOFTMAX_CODE),
        hint=Text(
            "exp(789) overflows float64. Softmax does not change when one constant is subtracted from every logit.",
            "exp(789) は float64 でオーバーフローします。すべてのロジットから同じ定数を引いても、"
            "ソフトマックス関数の値は変わりません。",
        ),
        explanation=Text(
            "Subtracting the max (オーバーフロー対策) keeps every exp ≤ 1.",
            "最大値を引けば（オーバーフロー対策）、どの exp も 1 以下になります。",
        ),
    ),
    Question(
        11,
        "04",
        Text(
            "Compute the KL divergence $KL(p\\|q) = \\sum_i p_i \\log(p_i / q_i)$ for $p = [0.5, 0.5]$,"
            " $q = [0.8, 0.2]$.",
            "$p = [0.5, 0.5]$、$q = [0.8, 0.2]$ のKLダイバージェンス $KL(p\\|q) = \\sum_i p_i \\log(p_i "
            "/ q_i)$ を求めよ。",
        ),
        lambda: losses.kl_divergence([0.5, 0.5], [0.8, 0.2]),
        hint=Text(
            "0.5·log(0.5/0.8) + 0.5·log(0.5/0.2), natural logarithm.",
            "自然対数で 0.5·log(0.5/0.8) + 0.5·log(0.5/0.2) です。",
        ),
        explanation=Text(
            "0.2231…; and H(p, q) = H(p) + KL(p‖q) = log 2 + 0.2231.",
            "0.2231… です。また H(p, q) = H(p) + KL(p‖q) = log 2 + 0.2231 が成り立ちます。",
        ),
    ),
    Question(
        12,
        "04",
        Text(
            "Cross-entropy between distributions $H(p, q) = -\\sum_i p_i \\log q_i$ with $p = [0.5, 0.5]$, "
            "$q = [0.8, 0.2]$. Compute it.",
            "$p = [0.5, 0.5]$、$q = [0.8, 0.2]$ の分布間の交差エントロピー $H(p, q) = -\\sum_i p_i "
            "\\log q_i$ を求めよ。",
        ),
        lambda: losses.cross_entropy_dist([0.5, 0.5], [0.8, 0.2]),
        hint=Text(
            "H(p, q) = H(p) + KL(p‖q); H(p) of a fair coin is log 2.",
            "H(p, q) = H(p) + KL(p‖q) です。公平なコインの H(p) は log 2 です。",
        ),
        explanation=Text("0.9163 = 0.6931 + 0.2231.", "0.9163 = 0.6931 + 0.2231 です。"),
    ),
    Question(
        13,
        "04",
        Text(
            "Label smoothing with α = 0.1 over K = 10 classes: $t' = (1-\\alpha)\\,t + \\alpha / K$. What is "
            "the new target value of the **correct** class?",
            "K = 10 クラスで α = 0.1 のラベル平滑化 $t' = (1-\\alpha)\\,t + \\alpha / K$ を行う。**正解** "
            "クラスの新しい目標値を求めよ。",
        ),
        lambda: float(losses.smooth_labels(T_BOOK, 0.1)[2]),
        hint=Text("0.9 · 1 + 0.1 / 10.", "0.9 · 1 + 0.1 / 10 です。"),
        explanation=Text(
            "0.91; every other class gets 0.01, and the targets still sum to 1.",
            "0.91 です。ほかのクラスはどれも 0.01 になり、目標値の合計は1のままです。",
        ),
    ),
    Question(
        14,
        "05",
        Text(
            "Central difference $\\frac{f(x+h) - f(x-h)}{2h}$ with $h = 10^{-4}$ for $f(x) = 0.01x^2 "
            "+ 0.1x$ at $x = 5$ "
            "(the book's example). Compute it.",
            "$f(x) = 0.01x^2 + 0.1x$ の $x = 5$ における中心差分 $\\frac{f(x+h) - f(x-h)}{2h}$（$h "
            "= 10^{-4}$、本の例）を求めよ。",
        ),
        lambda: numerical_diff(lambda x: 0.01 * x**2 + 0.1 * x, 5.0),
        hint=Text("The exact derivative is 0.02x + 0.1.", "正確な微分は 0.02x + 0.1 です。"),
        explanation=Text(
            "≈ 0.2 (0.1999999999990898 in floating point).", "≈ 0.2 です（浮動小数点数では 0.1999999999990898）。"
        ),
    ),
    Question(
        15,
        "05",
        Text(
            "Gradient descent on $L(w) = (w - 1)^2$ from $w = 3$ with learning rate $\\eta = 0.1$: what is $w$ after "
            "**one** step $w \\leftarrow w - \\eta\\,\\partial L/\\partial w$?",
            "$L(w) = (w - 1)^2$ に対して、$w = 3$ から学習率 $\\eta = 0.1$ で勾配降下法を行う。更新 "
            "$w \\leftarrow w - \\eta\\,\\partial L/\\partial w$ を **一回** 行った後の $w$ を求めよ。",
        ),
        lambda: 3.0 - 0.1 * numerical_diff(lambda w: (w - 1.0) ** 2, 3.0),
        hint=Text("∂L/∂w = 2(w − 1) = 4 at w = 3.", "w = 3 では ∂L/∂w = 2(w − 1) = 4 です。"),
        explanation=Text(
            "3 − 0.1·4 = 2.6: the step goes against the slope.", "3 − 0.1·4 = 2.6 です。傾きと逆向きに進みます。"
        ),
    ),
    Question(
        16,
        "05",
        Text(
            "Gradient descent on $L(w) = w^2$ from $w = 1$. Which learning rate makes $w$ **diverge**?",
            "$L(w) = w^2$ に対して、$w = 1$ から勾配降下法を行う。$w$ が **発散** する学習率として最も適切なもの"
            "を選べ。",
        ),
        lambda: _only({k: (lambda lr=lr: _descend(lr) > 1.0) for k, lr in _LEARNING_RATES.items()}),
        options={k: f"η = {lr}" for k, lr in _LEARNING_RATES.items()},
        hint=Text(
            "Each step multiplies w by (1 − 2η). When is |1 − 2η| > 1?",
            "更新のたびに w は (1 − 2η) 倍になります。|1 − 2η| > 1 となるのはどんなときでしょうか。",
        ),
        explanation=Text(
            "η = 1.1 gives w ← −1.2·w: the sign flips and |w| grows every step.",
            "η = 1.1 では w ← −1.2·w となり、更新のたびに符号が反転して |w| が大きくなります。",
        ),
    ),
    Question(
        17,
        "05",
        Text(
            "A mini-batch of N = 64 samples. The gradient of the **mean** squared error is how many times the gradient "
            "of the **summed** squared error?",
            "N = 64 サンプルのミニバッチがある。二乗誤差の **平均** の勾配は、二乗誤差の **和** の勾配の何倍か。"
            "最も適切なものを選べ。",
        ),
        lambda: _closest(
            {"a": 1 / 64, "b": 1.0, "c": 1 / 8, "d": 64.0},
            float(
                (
                    losses.mean_squared_error_grad(np.ones((64, 1)), np.zeros((64, 1)))
                    / losses.sum_squared_error_grad(np.ones((64, 1)), np.zeros((64, 1)))
                )[0, 0]
            ),
        ),  # fmt: skip
        options={"a": "1/64", "b": "1", "c": "1/8", "d": "64"},
        hint=Text(
            "The mean divides the sum by N, and so does its gradient.",
            "平均は和を N で割ったものなので、その勾配も N で割られます。",
        ),
        explanation=Text(
            "1/N: with the mean, the learning rate does not need to change with the batch size.",
            "1/N です。平均を使えば、バッチサイズを変えても学習率を変える必要がありません。",
        ),
    ),
    Question(
        18,
        "06",
        Text(
            "Pick the gradient $\\partial E / \\partial y$ of $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$.",
            "$E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$ の勾配 $\\partial E / \\partial y$ として最も適切なものを選べ。",
        ),
        lambda: _only(
            {
                k: (lambda g=g: _gradient_matches(g, lambda y: losses.half_sum_squared_error(y, _T3)))
                for k, (_, g) in _HALF_SSE_GRADS.items()
            }
        ),
        options=_numbers(_HALF_SSE_GRADS),
        hint=Text(
            "Differentiate ½(y − t)²: the exponent 2 comes down and meets the ½.",
            "½(y − t)² を微分すると、指数の 2 が前に出て ½ と打ち消し合います。",
        ),
        explanation=Text(
            "y − t: that is why the book keeps the ½.", "y − t です。本が ½ を付けているのはこのためです。"
        ),
    ),
    Question(
        19,
        "06",
        Text(
            "Softmax output $y = \\mathrm{softmax}(a)$ with cross-entropy $E = -\\sum_k t_k \\log y_k$. Pick "
            "$\\partial E / \\partial a$ (the gradient with respect to the logits).",
            "ソフトマックス関数の出力 $y = \\mathrm{softmax}(a)$ と交差エントロピー誤差 $E = -\\sum_k "
            "t_k \\log y_k$ について、$\\partial E / \\partial a$（ロジットについての勾配）として最も適切なものを選"
            "べ。",
        ),
        lambda: _only(
            {
                k: (lambda g=g: _gradient_matches(g, lambda a: losses.cross_entropy_from_logits(a, _T3)))
                for k, (_, g) in _LOGIT_GRADS.items()
            }
        ),
        options=_numbers(_LOGIT_GRADS),
        hint=Text(
            "The softmax Jacobian and −t/y cancel out to something very simple.",
            "ソフトマックス関数のヤコビ行列と −t/y が打ち消し合い、とても簡単な形になります。",
        ),
        explanation=Text(
            "y − t, the same δ as identity + ½SSE and sigmoid + BCE.",
            "y − t です。恒等関数 + ½SSE、シグモイド関数 + BCE と同じ δ になります。",
        ),
    ),
    Question(
        20,
        "06",
        Text(
            "Pick the derivative $\\sigma'(u)$ of the sigmoid $\\sigma(u) = 1 / (1 + e^{-u})$.",
            "シグモイド関数 $\\sigma(u) = 1 / (1 + e^{-u})$ の導関数 $\\sigma'(u)$ として最も適切なものを選べ。",
        ),
        lambda: _only(
            {
                k: (
                    lambda d=d: all(
                        math.isclose(float(d(u)), numerical_diff(lambda v: float(sigmoid(v)), u), rel_tol=1e-6)
                        for u in (-2.0, 0.3, 1.5)
                    )
                )
                for k, (_, d) in _SIGMOID_DERIVS.items()
            }
        ),  # fmt: skip
        options=_numbers(_SIGMOID_DERIVS),
        hint=Text(
            "Check the candidates at u = 0, where σ = 0.5 and the slope is 0.25.",
            "u = 0 で候補を確かめてみましょう。そこでは σ = 0.5、傾きは 0.25 です。",
        ),
        explanation=Text(
            "σ(u)(1 − σ(u)), at most 0.25: a factor that shrinks gradients layer after layer (勾配消失).",
            "σ(u)(1 − σ(u)) で、最大でも 0.25 です。レイヤを通るたびに勾配を小さくする因子になります（勾配消失）。",
        ),
    ),
    Question(
        21,
        "06",
        Text(
            "The chapter-06 network: $x = [1, 0.5]$, $W_1 = [[0.1, 0.2], [0.3, 0.4]]$, $b_1 = [0.1, 0.1]$, "
            "$W_2 = [0.5, 0.6]^T$, "
            "$b_2 = 0.2$, sigmoid hidden layer, identity output, $t = 1$. Compute $E = \\frac{1}{2}(y - t)^2$.",
            "06章のネットワーク（$x = [1, 0.5]$、$W_1 = [[0.1, 0.2], [0.3, 0.4]]$、$b_1 = [0.1, 0.1]$、"
            "$W_2 = [0.5, 0.6]^T$、$b_2 = 0.2$、隠れ層はシグモイド関数、出力は恒等関数、$t = 1$）"
            "について、$E = \\frac{1}{2}(y - t)^2$ を求めよ。",
        ),
        lambda: _net().loss(X_NET, T_NET),
        hint=Text(
            "u1 = x·W1 + b1 = [0.35, 0.5]; z1 = σ(u1); y = z1·W2 + b2; then ½(y − 1)².",
            "u1 = x·W1 + b1 = [0.35, 0.5]、z1 = σ(u1)、y = z1·W2 + b2 と計算し、最後に ½(y − 1)² を求めます。",
        ),
        explanation=Text("0.0088732: y ≈ 0.8668.", "0.0088732 です（y ≈ 0.8668）。"),
        rtol=1e-4,
    ),
    Question(
        22,
        "06",
        Text(
            "Same network: the output delta $\\delta^{(2)} = y - t$. Compute it.",
            "同じネットワークで、出力のデルタ $\\delta^{(2)} = y - t$ を求めよ。",
        ),
        lambda: float(_net().backward(X_NET, T_NET).delta2[0]),
        hint=Text(
            "δ2 = y − t with y from the forward pass (y < t, so δ2 is negative).",
            "順伝播で求めた y を使って δ2 = y − t です（y < t なので δ2 は負になります）。",
        ),
        explanation=Text(
            "−0.1332: negative, so the update raises the output.",
            "−0.1332 です。負なので、更新によって出力は大きくなります。",
        ),
        rtol=1e-4,
    ),
    Question(
        23,
        "06",
        Text(
            "A sigmoid hidden layer multiplies the backward signal by $\\sigma'(u)$. What is the **largest** value "
            "$\\sigma'(u)$ can take (at any $u$)?",
            "シグモイド関数の隠れ層は、逆伝播の信号に $\\sigma'(u)$ を掛ける。$\\sigma'(u)$ がとりうる "
            "**最大値**（任意の $u$ について）を求めよ。",
        ),
        lambda: float(np.max(sigmoid_grad(np.linspace(-10, 10, 2001)))),
        hint=Text(
            "σ′(u) = σ(u)(1 − σ(u)) is largest where σ(u) = 0.5.",
            "σ′(u) = σ(u)(1 − σ(u)) は σ(u) = 0.5 のところで最大になります。",
        ),
        explanation=Text(
            "0.25: ten sigmoid layers can shrink a gradient by 0.25¹⁰ ≈ 1e-6 — vanishing gradients (勾配消失).",
            "0.25 です。シグモイド関数のレイヤが十層あると、勾配は 0.25¹⁰ ≈ 1e-6 倍まで小さくなりえます（勾配消失）。",
        ),
    ),
    Question(
        24,
        "01",
        Text(
            "Why can accuracy not be used as the loss for gradient descent?",
            "認識精度を勾配降下法の損失として使えない理由として、最も適切なものを選べ。",
        ),
        lambda: _only(
            {
                "a": lambda: max(_accuracy(th) for th in np.linspace(0, 1, 101)) > 1,
                "b": lambda: all(numerical_diff(_accuracy, th) == 0.0 for th in (0.2, 0.33, 0.62, 0.8)),
                "c": lambda: min(_accuracy(th) for th in np.linspace(0, 1, 101)) < 0,
            }
        ),
        options={
            "a": Text("it can exceed 1", "1を超えることがある"),
            "b": Text(
                "it is piecewise constant: its derivative is 0 almost everywhere",
                "区分的に一定で、微分がほとんどいたるところで0になる",
            ),
            "c": Text("it is negative for bad models", "悪いモデルでは負になる"),
        },
        hint=Text(
            "Move the weight a tiny bit: does the number of correct answers change?",
            "重みをほんの少し動かしたとき、正解の数は変わるでしょうか。",
        ),
        explanation=Text(
            "A tiny change of a weight rarely flips a prediction, so the gradient is 0 — no direction to move.",
            "重みをわずかに変えても予測はめったに変わらないので、勾配は0です。どちらへ動けばよいかがわかりません。",
        ),
    ),
    Question(
        25,
        "07",
        Text(
            "The book's shopping graph (計算グラフ): 2 apples at 100 yen each, tax 1.1, "
            "price = apple × apple_num × tax. Backpropagate 1 from the price. Compute ∂price/∂apple_num.",
            "本の買い物の計算グラフ: 100円のりんごを2個、消費税 1.1、price = apple × apple_num × "
            "tax。price から 1 を逆伝播させるとき、∂price/∂apple_num を求めよ。",
        ),
        lambda: float(shopping_graph().evaluate(apple=100, apple_num=2, tax=1.1).grads["apple_num"]),
        hint=Text(
            "A multiply node sends back the arriving gradient times its *other* input: first 1 × tax, then × apple.",
            "乗算ノードは、流れてきた勾配に *もう一方の* 入力を掛けて返します。まず 1 × tax、次に × apple です。",
        ),
        explanation=Text(
            "1 × 1.1 × 100 = 110 (110.00000000000001 in floating point): one more apple costs 110 yen.",
            "1 × 1.1 × 100 = 110 です（浮動小数点数では 110.00000000000001）。りんごが一個増えると "
            "110 円高くなります。",
        ),
    ),
    Question(
        26,
        "07",
        Text(
            "In backward propagation (逆伝播), what does an **add** node $z = x + y$ send to its two inputs when the "
            "gradient dout arrives from the right?",
            "逆伝播で右から勾配 dout が流れてきたとき、**加算** ノード $z = x + y$ が二つの入力へ送るものとして"
            "最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda send=send: _add_node_sends(send)) for k, (_, send) in _ADD_SENDS.items()}),
        options=_numbers(_ADD_SENDS),
        hint=Text(
            "The local derivatives of x + y are ∂z/∂x = 1 and ∂z/∂y = 1; multiply each by dout.",
            "x + y の局所的な微分は ∂z/∂x = 1、∂z/∂y = 1 です。それぞれに dout を掛けます。",
        ),
        explanation=Text(
            "dout to both: an add node passes the gradient on unchanged (a multiply node swaps its inputs).",
            "両方に dout です。加算ノードは勾配をそのまま流します（乗算ノードは入力を入れ替えます）。",
        ),
    ),
    Question(
        27,
        "08",
        Text(
            "An Affine layer (Affineレイヤ) $Y = XW + b$ gets a mini-batch $X$ of shape (32, 64); $W$ has shape "
            "(64, 100). With dout $= \\partial L/\\partial Y$, what is the shape of "
            "$\\partial L/\\partial W = X^\\top \\cdot \\text{dout}$?",
            "Affineレイヤ $Y = XW + b$ に形状 (32, 64) のミニバッチ $X$ が入力される。$W$ の形状は "
            "(64, 100) である。dout $= \\partial L/\\partial Y$ のとき、$\\partial L/\\partial W = X^\\top "
            "\\cdot \\text{dout}$ の形状として最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda s=shape: str(_affine_batch()[0].dW.shape) == s) for k, shape in _SHAPES.items()}),
        options=dict(_SHAPES),
        hint=Text(
            "A gradient has the shape of its parameter; (64, 32)·(32, 100) confirms it.",
            "勾配はそのパラメータと同じ形状です。(64, 32)·(32, 100) で確かめられます。",
        ),
        explanation=Text(
            "(64, 100), W's own shape: the product Xᵀ·dout sums the 32 samples' contributions.",
            "W と同じ形状の (64, 100) です。積 Xᵀ·dout は32個のサンプルの寄与を足し合わせます。",
        ),
    ),
    Question(
        28,
        "08",
        Text(
            "The same Affine layer: dout $= \\partial L/\\partial Y$ has shape (32, 100). "
            "Which is $\\partial L/\\partial b$?",
            "同じAffineレイヤで、dout $= \\partial L/\\partial Y$ の形状は (32, 100) である。$\\partial "
            "L/\\partial b$ として最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda f=f: _is_bias_gradient(f)) for k, (_, f) in _BIAS_GRADS.items()}),
        options=_numbers(_BIAS_GRADS),
        hint=Text(
            "b is added to every row of the batch; the copies send their gradients back added together.",
            "b はバッチのすべての行に加えられます。そのコピーから戻る勾配は足し合わされます。",
        ),
        explanation=Text(
            "The sum over the batch, shape (100,): the 1/B of the mean was already applied by the loss layer.",
            "バッチ方向の和で、形状は (100,) です。平均の 1/B は損失のレイヤですでに掛けられています。",
        ),
    ),
    Question(
        29,
        "08",
        Text(
            "Softmax-with-Loss on a mini-batch of $B$ samples, the loss being the **mean** cross-entropy "
            "over the batch "
            "($Y$ = softmax outputs, $T$ = one-hot targets). What does its backward send to the layer below?",
            "$B$ 個のサンプルのミニバッチに対するSoftmax-with-Lossレイヤで、損失はバッチでの交差エントロピー誤差"
            "の **平均** とする（$Y$ はソフトマックス関数の出力、$T$ はone-hot表現の正解ラベル）。"
            "逆伝播で下のレイヤへ送るものとして最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda g=g: _loss_layer_sends(g)) for k, (_, g) in _LOSS_LAYER_GRADS.items()}),
        options=_numbers(_LOSS_LAYER_GRADS),
        hint=Text(
            "Each sample's loss has the gradient y − t; the mean multiplies every sample's loss by 1/B.",
            "各サンプルの損失の勾配は y − t です。平均をとると、各サンプルの損失に 1/B が掛かります。",
        ),
        explanation=Text(
            "(Y − T) / B: the only place the 1/B enters; no other layer divides by B again.",
            "(Y − T) / B です。1/B が入るのはここだけで、ほかのレイヤで再び B で割ることはありません。",
        ),
    ),
    Question(
        30,
        "04",
        Text(
            "Four samples: the model gives their correct labels the probabilities 0.5, 0.8, 0.25 and 1.0. "
            "Compute the negative log-likelihood per sample, $-\\frac{1}{N}\\log L$ with the likelihood "
            "(尤度) $L = \\prod_n y_{n,c_n}$ ($c_n$ = the correct class of sample $n$).",
            "四つのサンプルについて、モデルが正解ラベルに与える確率が 0.5、0.8、0.25、1.0 である。"
            "尤度 $L = \\prod_n y_{n,c_n}$（$c_n$ はサンプル $n$ の正解クラス）を用いて、サンプルあたりの負の対数"
            "尤度 $-\\frac{1}{N}\\log L$ を求めよ。",
        ),
        lambda: losses.cross_entropy(_Y_NLL, _LABELS_NLL, delta=0),
        hint=Text(
            "L = 0.5 · 0.8 · 0.25 · 1.0; then −log L / 4 (natural logarithm).",
            "L = 0.5 · 0.8 · 0.25 · 1.0 とし、−log L / 4 を計算します（自然対数）。",
        ),
        explanation=Text(
            "−log(0.1) / 4 = 0.5756: exactly the mean cross-entropy of the four samples.",
            "−log(0.1) / 4 = 0.5756 です。四つのサンプルの交差エントロピー誤差の平均とちょうど一致します。",
        ),
    ),
    Question(
        31,
        "04",
        Text(
            "Why is minimising the mean cross-entropy $E$ over the training data maximum likelihood "
            "estimation (最尤推定)?",
            "訓練データでの交差エントロピー誤差の平均 $E$ を最小にすることが最尤推定になる理由として、"
            "最も適切なものを選べ。",
        ),
        lambda: _only(_nll_claims()),
        options={
            "a": Text(
                "E = −(1/N) log L, and −log is decreasing: the smallest E comes with the largest likelihood L",
                "E = −(1/N) log L で −log は減少関数なので、E が最小のとき尤度 L が最大になる",
            ),
            "b": Text(
                "the likelihood L equals N · E, so both are largest together",
                "尤度 L は N · E に等しいので、両者は同時に最大になる",
            ),
            "c": Text(
                "the likelihood is the sum of the correct labels' probabilities, like E",
                "尤度は E と同じく、正解ラベルの確率の和である",
            ),
        },
        hint=Text(
            "Write the likelihood as a product over the samples and take −(1/N) log of it.",
            "尤度をサンプルについての積として書き、その −(1/N) log をとってみましょう。",
        ),
        explanation=Text(
            "−(1/N) log L = −(1/N) Σ log y_(n,c_n) = E, so cross-entropy is the negative log-likelihood.",
            "−(1/N) log L = −(1/N) Σ log y_(n,c_n) = E なので、交差エントロピー誤差は負の対数尤度です。",
        ),
    ),
    Question(
        32,
        "09",
        Text(
            "Chapter 09 trains on 1347 digits with batch size 32 for 20 epochs; `helpers.train` skips a last, "
            "incomplete mini-batch in every epoch. How many SGD steps (weight updates) is that?",
            "09章では1347個の数字の画像を、バッチサイズ32で20エポック学習する。`helpers.train` は各エポックの最"
            "後の不完全なミニバッチを使わない。SGDのステップ数（重みの更新回数）を求めよ。",
        ),
        _steps_of_chapter_09,
        hint=Text(
            "Steps per epoch = 1347 // 32 (full batches only); times the number of epochs.",
            "エポックあたりのステップ数 = 1347 // 32（完全なバッチだけ）で、これにエポック数を掛けます。",
        ),
        explanation=Text(
            "42 steps per epoch × 20 epochs = 840.", "エポックあたり 42 ステップ × 20 エポック = 840 です。"
        ),
    ),
    Question(
        33,
        "10",
        Text(
            "Weight decay (荷重減衰) with $\\lambda = 0.1$ and learning rate $\\eta = 0.5$. If the data gradient of a "
            "weight is 0, one SGD step multiplies the weight by what factor?",
            "$\\lambda = 0.1$ の荷重減衰と学習率 $\\eta = 0.5$ を使う。ある重みについてデータからの勾配が0のとき、"
            "SGDの一回の更新で重みは何倍になるかを求めよ。",
        ),
        lambda: float(1.0 - 0.5 * l2_penalty_grad([[1.0]], 0.1)[0, 0]),
        hint=Text(
            "The penalty λ/2·w² adds λw to the gradient: w ← w − η(0 + λw).",
            "罰則項 λ/2·w² によって勾配に λw が加わります: w ← w − η(0 + λw)。",
        ),
        explanation=Text(
            "1 − ηλ = 0.95: every step shrinks the weights a little towards 0.",
            "1 − ηλ = 0.95 です。更新のたびに重みが 0 に向かって少し縮みます。",
        ),
    ),
    Question(
        34,
        "10",
        Text(
            "Dropout with ratio 0.5, built as in this course (in training the kept units are scaled by "
            "1/(1 − ratio)). What does the layer do at **test** time?",
            "ratio 0.5 のDropoutを、このコースと同じように実装する（訓練時は残したユニットを 1/(1 "
            "− ratio) 倍する）。**テスト** 時にこのレイヤが行うこととして最も適切なものを選べ。",
        ),
        lambda: _only({k: (lambda k=k: _dropout_at_test(k)) for k in _TEST_TIME_DROPOUT}),
        options={k: text for k, (text, _) in _TEST_TIME_DROPOUT.items()},
        hint=Text(
            "The scaling in training already keeps the expected output the same as with all units on.",
            "訓練時の倍率によって、出力の期待値はすでにすべてのユニットを使ったときと同じに保たれています。",
        ),
        explanation=Text(
            "It passes every unit unchanged. (The book instead multiplies by 1 − ratio at test time.)",
            "すべてのユニットをそのまま通します（本ではかわりに、テスト時に 1 − ratio を掛けます）。",
        ),
    ),
)


# ---- grading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str
    counted: bool = True  # False when the response was not an answer (empty, not a number, not an option)

    def __str__(self) -> str:
        return self.message


def question(number: int) -> Question:
    """Question ``number`` (1-based)."""
    if not isinstance(number, int) or not 1 <= number <= len(QUESTIONS):
        raise ValueError(f"number must be a question number 1 … {len(QUESTIONS)}, got {number!r}")
    return QUESTIONS[number - 1]


def grade(number: int, response: Any) -> Verdict:
    """Judge ``response`` to question ``number`` against the answer ``helpers`` computes now (never raises)."""
    q = question(number)
    label = tr(f"Question {number}", f"問{number}")
    if response is None or response is Ellipsis or (isinstance(response, str) and not response.strip()):
        return Verdict(False, tr(f"✗ {label}: no answer yet.", f"✗ {label}: まだ答えがありません。"), counted=False)
    expected = q.correct()
    if q.kind == "choice":
        given = str(response).strip().lower().rstrip(")")
        if given not in q.options:
            letters = ", ".join(q.options)
            message = tr(
                f"✗ {label}: answer with one of {letters}.", f"✗ {label}: {letters} のいずれかで答えてください。"
            )
            return Verdict(False, message, counted=False)
        ok = given == expected
    else:
        try:
            value = float(str(response).strip()) if isinstance(response, str) else float(response)
        except (TypeError, ValueError):
            message = tr(
                f"✗ {label}: type a number such as 0.25 or 1e-7.",
                f"✗ {label}: 0.25 や 1e-7 のような数値を入力してください。",
            )
            return Verdict(False, message, counted=False)
        closeness = judge_number(value, expected, q.rtol, q.atol)
        if closeness == "close":
            return Verdict(
                False,
                tr(
                    f"✗ {label}: close — give more digits (at least {MIN_DIGITS} significant digits).",
                    f"✗ {label}: 惜しい！ もっと桁数を増やしてください（有効数字{MIN_DIGITS}桁以上）。",
                ),
            )
        ok = closeness == "ok"
    if ok:
        explanation = localize(q.explanation)
        return Verdict(True, tr(f"✓ {label}: correct! {explanation}", f"✓ {label}: 正解です！ {explanation}").rstrip())
    hint = localize(q.hint)
    return Verdict(
        False,
        tr(
            f"✗ {label}: not yet. Hint: {hint} (Chapter {q.chapter} covers it.)",
            f"✗ {label}: まだです。ヒント: {hint}（{q.chapter}章で扱っています。）",
        ),
    )


class Quiz:
    """One learner's attempt: answers, a score, and (optionally) the widget that shows them."""

    def __init__(self) -> None:
        self.results: dict[int, bool] = {}
        self._listeners: list[Callable[[], None]] = []

    def answer(self, number: int, response: Any) -> Verdict:
        """Answer question ``number`` and return the verdict (the module-level :func:`answer` prints it)."""
        verdict = grade(number, response)
        if verdict.counted:
            self.results[number] = verdict.ok
        for listener in self._listeners:
            listener()
        return verdict

    @property
    def correct(self) -> int:
        return sum(self.results.values())

    def score(self) -> str:
        """``'Score: k / N'`` (questions answered correctly / all questions)."""
        return tr(f"Score: {self.correct} / {len(QUESTIONS)}", f"得点: {self.correct} / {len(QUESTIONS)}")

    def reset(self) -> None:
        self.results.clear()
        for listener in self._listeners:
            listener()

    def show(self) -> QuizView:
        """The interactive quiz: the score on top, then one box per question.

        The saved output also carries every question as static HTML and text, so a reader
        without a running kernel (GitHub, an HTML export, slides) still sees the quiz.
        """
        return QuizView(self._widget())

    def _widget(self) -> widgets.VBox:
        score = widgets.HTML()
        score.add_class("course-quiz-score")

        def refresh() -> None:
            answered = len(self.results)
            score.value = tr(
                f"<b>{self.score()}</b> &nbsp; ({answered} answered)",
                f"<b>{self.score()}</b> &nbsp;（{answered}問に回答）",
            )

        self._listeners.append(refresh)
        refresh()
        boxes = [self._question_box(q) for q in QUESTIONS]
        reset_button = widgets.Button(description=tr("Start again", "やり直す"), icon="refresh")
        reset_button.on_click(lambda _: self.reset())
        return widgets.VBox([widgets.HBox([score, reset_button]), *boxes])

    def _question_box(self, q: Question) -> widgets.VBox:
        prompt = widgets.HTMLMath(f"<b>{q.number}.</b> {_markdown_inline(q.prompt)} <i>{_chapter(q)}</i>")
        if q.kind == "choice":
            field_ = widgets.RadioButtons(
                options=[(line, k) for k, line in zip(q.options, _option_lines(q), strict=True)], value=None
            )
        else:
            field_ = widgets.Text(placeholder=tr("your number, e.g. 0.25", "数値（例: 0.25）"), continuous_update=True)
        field_.layout = widgets.Layout(width="auto")
        button = widgets.Button(description=tr("Check", "確認"), button_style="primary")
        feedback = widgets.HTML()
        feedback.add_class("course-quiz-feedback")

        def on_check(_):
            verdict = self.answer(q.number, field_.value)
            colour = "#1a7f37" if verdict.ok else "#b35900"
            feedback.value = f"<span style='color:{colour}'>{_escape(verdict.message)}</span>"

        button.on_click(on_check)
        # The button under the field, always at the left edge: beside options of different lengths it
        # would sit at a different place in every question.
        box = widgets.VBox([prompt, field_, button, feedback])
        box.add_class(f"course-quiz-q{q.number}")
        box.add_class("course-quiz-question")
        return box


class QuizView:
    """The quiz widget, displayed with a static form of every question beside it (for static readers)."""

    def __init__(self, widget: widgets.VBox) -> None:
        self.widget = widget

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/html"] = static_html()
        bundle["text/plain"] = static_text()
        return bundle


def _option_lines(q: Question) -> list[str]:
    return [f"{k}) {localize(v)}" for k, v in q.options.items()]


def _chapter(q: Question) -> str:
    return tr(f"(chapter {q.chapter})", f"（{q.chapter}章）")


def static_text() -> str:
    """Every question as plain text: what the recorded notebook shows where no widget can run."""
    lines = [
        tr(
            f"E資格 checkpoint quiz: {len(QUESTIONS)} questions (run the notebook to answer and check them).",
            f"E資格 確認クイズ: 全{len(QUESTIONS)}問（ノートブックを実行すると、解答して採点できます）。",
        )
    ]
    for q in QUESTIONS:
        lines.append("")
        lines.append(f"{q.number}. {localize(q.prompt)}{tr(' ', '')}{_chapter(q)}")  # no space before （
        lines.extend(f"   {line}" for line in _option_lines(q))
        if q.kind == "number":
            lines.append(
                tr("   Answer: a number (at least 4 significant digits).", "   解答: 数値（有効数字4桁以上）。")
            )
    return "\n".join(lines)


def static_html() -> str:
    """Every question as HTML (math left for MathJax): the quiz as GitHub or an HTML export shows it."""
    items = []
    for q in QUESTIONS:
        options = "".join(f"<li>{_escape(line)}</li>" for line in _option_lines(q))
        number = tr("Answer: a number.", "解答: 数値。")
        answer = f"<ul style='list-style:none'>{options}</ul>" if options else f"<p><i>{number}</i></p>"
        items.append(f"<li><p>{_markdown_inline(q.prompt)} <i>{_chapter(q)}</i></p>{answer}</li>")
    title = tr(
        f"<b>E資格 checkpoint quiz</b>: run the notebook to answer and check the {len(QUESTIONS)} questions.",
        f"<b>E資格 確認クイズ</b>: ノートブックを実行すると、全{len(QUESTIONS)}問に解答して採点できます。",
    )
    return f"<div class='course-quiz-static'><p>{title}</p><ol>{''.join(items)}</ol></div>"


def _escape(text: str) -> str:
    return html.escape(text)


def _markdown_inline(text: str | Text) -> str:
    """The little Markdown the prompts use (`code`, **bold**) as HTML, in the edition's language; $…$ is left
    for MathJax."""
    out = html.escape(localize(text), quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)


# ---- one default attempt, shared by the functions and the widget ------------------------

_SESSION = Quiz()


def answer(number: int, response: Any) -> None:
    """Answer question ``number`` from code, e.g. ``answer(3, "b")`` or ``answer(1, 0.0195)``; prints ✓ or ✗."""
    print(_SESSION.answer(number, response).message)


def score() -> str:
    """The current score, e.g. ``'Score: 12 / 23'``."""
    return _SESSION.score()


def reset() -> None:
    """Forget every answer (the widget's score follows)."""
    _SESSION.reset()


def show() -> QuizView:
    """The interactive quiz for the default attempt (answers from :func:`answer` count too)."""
    return _SESSION.show()
