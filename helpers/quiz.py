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
    prompt : str
        The question (Markdown with ``$…$`` math allowed).
    correct : callable
        Computes the right answer with ``helpers`` at check time: a float for a number
        question, an option letter for a choice question.
    options : dict
        ``{"a": "text", …}`` for a choice question; empty for a number question.
    hint : str
        Shown after a wrong answer (never the answer).
    explanation : str
        Shown after a right answer.
    rtol, atol : float
        Tolerance for number answers (learners type rounded values).
    """

    number: int
    chapter: str
    prompt: str
    correct: Callable[[], Any]
    hint: str
    explanation: str = ""
    options: dict[str, str] = field(default_factory=dict)
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


def _numbers(d: dict[str, tuple[str, Any]]) -> dict[str, str]:
    return {k: text for k, (text, _) in d.items()}


def _net() -> TwoLayerNet:
    return TwoLayerNet(**NET)


# ---- chapters 04 (likelihood) and 07–10: graphs, layers, training, regularisation ----------

_ADD_SENDS = {
    "a": ("dout to both inputs", lambda dout, x, y: (dout, dout)),
    "b": ("dout / 2 to each input", lambda dout, x, y: (dout / 2, dout / 2)),
    "c": ("dout × y to x and dout × x to y", lambda dout, x, y: (dout * y, dout * x)),
    "d": ("dout to x and 0 to y", lambda dout, x, y: (dout, 0.0)),
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
    "a": ("dout.sum(axis=0), shape (100,)", lambda d: d.sum(axis=0)),
    "b": ("dout.mean(axis=0), shape (100,)", lambda d: d.mean(axis=0)),
    "c": ("dout.sum(axis=1), shape (32,)", lambda d: d.sum(axis=1)),
    "d": ("dout itself, shape (32, 100)", lambda d: d),
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
    "a": ("passes every unit unchanged", lambda x: x),
    "b": ("multiplies every unit by 0.5", lambda x: 0.5 * x),
    "c": ("switches half of the units off at random, as in training", None),
    "d": ("multiplies every unit by 2", lambda x: 2 * x),
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
        "The network outputs $y$ = `[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]`; the correct class is 2 "
        "(one-hot $t$). Compute the **mean squared error** $\\frac{1}{n}\\sum_k (y_k - t_k)^2$.",
        lambda: losses.mean_squared_error(Y_BOOK, T_BOOK),
        hint="Square the ten differences y − t, add them, divide by 10. Only index 2 has a large difference (−0.4).",
        explanation="0.0195 (printed 0.019500000000000007 because of binary floating point).",
    ),
    Question(
        2,
        "02",
        "For the same $y$ and $t$, the book's 2乗和誤差 $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$ equals 0.0975. "
        "Which formula does the function of the E資格 notes 「損失関数はなぜ必要なのか」, also headed 2乗和誤差, "
        "compute when it prints 0.0195?",
        lambda: _closest({k: f(Y_BOOK, T_BOOK) for k, (_, f) in _SSE_FORMS.items()}, 0.0195),
        options=_numbers(_SSE_FORMS),
        hint="0.0195 is 0.195 divided by the number of elements.",
        explanation="It is the mean, Σ(y − t)²/n: sources use the same Japanese name for different formulas.",
    ),
    Question(
        3,
        "02",
        "A second MNIST-style sample (swim-lover's blog post) "
        "$y$ = `[0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]`, correct class 2. "
        "Compute the book's $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$.",
        lambda: losses.half_sum_squared_error(Y_WRONG, T_BOOK),
        hint="The big terms are (0.2 − 1)² and 0.5²; don't forget the ½.",
        explanation="More than four times the loss of the sample where class 2 was likely (0.10105).",
    ),
    Question(
        4,
        "02",
        "Eight targets $t$ = `[1, 1, 1, 1, 1, 1, 1, 5]` (one outlier). Which **constant** prediction $c$ minimises "
        "the MSE $\\frac{1}{8}\\sum_i (c - t_i)^2$?",
        lambda: float(np.mean([1.0] * 7 + [5.0])),
        hint="Set the derivative of the MSE with respect to c to zero: the best constant is a familiar average.",
        explanation="1.5, the mean: one outlier drags the MSE optimum, while MAE's optimum (the median) stays at 1.0.",
    ),
    Question(
        5,
        "03",
        "Cross-entropy error $E = -\\sum_k t_k \\log(y_k + \\varepsilon)$, $\\varepsilon = 10^{-7}$, on the book's $y$ "
        "(probability 0.6 for the correct class 2). Compute $E$.",
        lambda: losses.cross_entropy(Y_BOOK, T_BOOK),
        hint="With a one-hot t only one term survives: −log(0.6 + 1e-7).",
        explanation="0.5108…: only the correct class's probability matters.",
    ),
    Question(
        6,
        "03",
        "That second sample (swim-lover's blog post) gives the correct class probability 0.2. "
        "Compute its cross-entropy error (ε = 1e-7).",
        lambda: losses.cross_entropy(Y_WRONG, T_BOOK),
        hint="−log(0.2 + 1e-7); the natural logarithm (np.log), not log10.",
        explanation="1.609…: about three times the 0.51 of the book's output (question 5, probability 0.6), and "
        "160 times the 0.0101 of the blog post's own first cross-entropy sample (probability 0.99).",
    ),
    Question(
        7,
        "03",
        "Binary cross-entropy $-(t\\log p + (1-t)\\log(1-p))$: the model predicts $p = 0.8$ for class 1 and the "
        "label is $t = 1$. Compute the loss.",
        lambda: losses.binary_cross_entropy([0.8], [1]),
        hint="With t = 1 only −log p remains.",
        explanation="−log 0.8 ≈ 0.2231 (the example of 「交差エントロピー損失について」).",
    ),
    Question(
        8,
        "03",
        "**Spot the numerical trap.** With `y` the book's output (it contains zeros) and `t` one-hot at 2, which "
        "line returns `nan`?",
        lambda: _only({k: (lambda f=f: bool(np.isnan(_quietly(f)))) for k, (_, f) in _CE_CODE.items()}),
        options=_numbers(_CE_CODE),
        hint="log(0) = −inf, and 0 · (−inf) is not a number. Which line takes log of the raw y, zeros included?",
        explanation="0·log 0 = 0·(−inf) = nan; adding ε = 1e-7, or picking only the correct class, avoids it.",
    ),
    Question(
        9,
        "03",
        "With ε = 1e-7, what is the **largest** cross-entropy error one sample can produce (the correct class gets "
        "probability 0)?",
        lambda: losses.cross_entropy([0.0, 1.0], [1, 0]),
        hint="−log(0 + ε) with ε = 1e-7.",
        explanation="−log(1e-7) ≈ 16.118: ε caps the loss instead of letting it be infinite.",
    ),
    Question(
        10,
        "04",
        "**Spot the numerical trap.** For logits `x = np.array([123.0, 456.0, 789.0])`, which line returns a finite "
        "softmax that sums to 1?",
        lambda: _only(
            {
                k: (lambda f=f: bool(np.all(np.isfinite(_quietly(f)))) and np.allclose(_quietly(f), losses.softmax(_x)))
                for k, (_, f) in _SOFTMAX_CODE.items()
            }
        ),
        options=_numbers(_SOFTMAX_CODE),
        hint="exp(789) overflows float64. Softmax does not change when one constant is subtracted from every logit.",
        explanation="Subtracting the max (オーバーフロー対策) keeps every exp ≤ 1.",
    ),
    Question(
        11,
        "04",
        "Compute the KL divergence $KL(p\\|q) = \\sum_i p_i \\log(p_i / q_i)$ for $p = [0.5, 0.5]$, $q = [0.8, 0.2]$.",
        lambda: losses.kl_divergence([0.5, 0.5], [0.8, 0.2]),
        hint="0.5·log(0.5/0.8) + 0.5·log(0.5/0.2), natural logarithm.",
        explanation="0.2231…; and H(p, q) = H(p) + KL(p‖q) = log 2 + 0.2231.",
    ),
    Question(
        12,
        "04",
        "Cross-entropy between distributions $H(p, q) = -\\sum_i p_i \\log q_i$ with $p = [0.5, 0.5]$, "
        "$q = [0.8, 0.2]$. Compute it.",
        lambda: losses.cross_entropy_dist([0.5, 0.5], [0.8, 0.2]),
        hint="H(p, q) = H(p) + KL(p‖q); H(p) of a fair coin is log 2.",
        explanation="0.9163 = 0.6931 + 0.2231.",
    ),
    Question(
        13,
        "04",
        "Label smoothing with α = 0.1 over K = 10 classes: $t' = (1-\\alpha)\\,t + \\alpha / K$. What is "
        "the new target value of the **correct** class?",
        lambda: float(losses.smooth_labels(T_BOOK, 0.1)[2]),
        hint="0.9 · 1 + 0.1 / 10.",
        explanation="0.91; every other class gets 0.01, and the targets still sum to 1.",
    ),
    Question(
        14,
        "05",
        "Central difference $\\frac{f(x+h) - f(x-h)}{2h}$ with $h = 10^{-4}$ for $f(x) = 0.01x^2 + 0.1x$ at $x = 5$ "
        "(the book's example). Compute it.",
        lambda: numerical_diff(lambda x: 0.01 * x**2 + 0.1 * x, 5.0),
        hint="The exact derivative is 0.02x + 0.1.",
        explanation="≈ 0.2 (0.1999999999990898 in floating point).",
    ),
    Question(
        15,
        "05",
        "Gradient descent on $L(w) = (w - 1)^2$ from $w = 3$ with learning rate $\\eta = 0.1$: what is $w$ after "
        "**one** step $w \\leftarrow w - \\eta\\,\\partial L/\\partial w$?",
        lambda: 3.0 - 0.1 * numerical_diff(lambda w: (w - 1.0) ** 2, 3.0),
        hint="∂L/∂w = 2(w − 1) = 4 at w = 3.",
        explanation="3 − 0.1·4 = 2.6: the step goes against the slope.",
    ),
    Question(
        16,
        "05",
        "Gradient descent on $L(w) = w^2$ from $w = 1$. Which learning rate makes $w$ **diverge**?",
        lambda: _only({k: (lambda lr=lr: _descend(lr) > 1.0) for k, lr in _LEARNING_RATES.items()}),
        options={k: f"η = {lr}" for k, lr in _LEARNING_RATES.items()},
        hint="Each step multiplies w by (1 − 2η). When is |1 − 2η| > 1?",
        explanation="η = 1.1 gives w ← −1.2·w: the sign flips and |w| grows every step.",
    ),
    Question(
        17,
        "05",
        "A mini-batch of N = 64 samples. The gradient of the **mean** squared error is how many times the gradient "
        "of the **summed** squared error?",
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
        hint="The mean divides the sum by N, and so does its gradient.",
        explanation="1/N: with the mean, the learning rate does not need to change with the batch size.",
    ),
    Question(
        18,
        "06",
        "Pick the gradient $\\partial E / \\partial y$ of $E = \\frac{1}{2}\\sum_k (y_k - t_k)^2$.",
        lambda: _only(
            {
                k: (lambda g=g: _gradient_matches(g, lambda y: losses.half_sum_squared_error(y, _T3)))
                for k, (_, g) in _HALF_SSE_GRADS.items()
            }
        ),
        options=_numbers(_HALF_SSE_GRADS),
        hint="Differentiate ½(y − t)²: the exponent 2 comes down and meets the ½.",
        explanation="y − t: that is why the book keeps the ½.",
    ),
    Question(
        19,
        "06",
        "Softmax output $y = \\mathrm{softmax}(a)$ with cross-entropy $E = -\\sum_k t_k \\log y_k$. Pick "
        "$\\partial E / \\partial a$ (the gradient with respect to the logits).",
        lambda: _only(
            {
                k: (lambda g=g: _gradient_matches(g, lambda a: losses.cross_entropy_from_logits(a, _T3)))
                for k, (_, g) in _LOGIT_GRADS.items()
            }
        ),
        options=_numbers(_LOGIT_GRADS),
        hint="The softmax Jacobian and −t/y cancel out to something very simple.",
        explanation="y − t, the same δ as identity + ½SSE and sigmoid + BCE.",
    ),
    Question(
        20,
        "06",
        "Pick the derivative $\\sigma'(u)$ of the sigmoid $\\sigma(u) = 1 / (1 + e^{-u})$.",
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
        hint="Check the candidates at u = 0, where σ = 0.5 and the slope is 0.25.",
        explanation="σ(u)(1 − σ(u)), at most 0.25: a factor that shrinks gradients layer after layer (勾配消失).",
    ),
    Question(
        21,
        "06",
        "The chapter-06 network: $x = [1, 0.5]$, $W_1 = [[0.1, 0.2], [0.3, 0.4]]$, $b_1 = [0.1, 0.1]$, "
        "$W_2 = [0.5, 0.6]^T$, "
        "$b_2 = 0.2$, sigmoid hidden layer, identity output, $t = 1$. Compute $E = \\frac{1}{2}(y - t)^2$.",
        lambda: _net().loss(X_NET, T_NET),
        hint="u1 = x·W1 + b1 = [0.35, 0.5]; z1 = σ(u1); y = z1·W2 + b2; then ½(y − 1)².",
        explanation="0.0088732: y ≈ 0.8668.",
        rtol=1e-4,
    ),
    Question(
        22,
        "06",
        "Same network: the output delta $\\delta^{(2)} = y - t$. Compute it.",
        lambda: float(_net().backward(X_NET, T_NET).delta2[0]),
        hint="δ2 = y − t with y from the forward pass (y < t, so δ2 is negative).",
        explanation="−0.1332: negative, so the update raises the output.",
        rtol=1e-4,
    ),
    Question(
        23,
        "06",
        "A sigmoid hidden layer multiplies the backward signal by $\\sigma'(u)$. What is the **largest** value "
        "$\\sigma'(u)$ can take (at any $u$)?",
        lambda: float(np.max(sigmoid_grad(np.linspace(-10, 10, 2001)))),
        hint="σ′(u) = σ(u)(1 − σ(u)) is largest where σ(u) = 0.5.",
        explanation="0.25: ten sigmoid layers can shrink a gradient by 0.25¹⁰ ≈ 1e-6 — vanishing gradients (勾配消失).",
    ),
    Question(
        24,
        "01",
        "Why can accuracy not be used as the loss for gradient descent?",
        lambda: _only(
            {
                "a": lambda: max(_accuracy(th) for th in np.linspace(0, 1, 101)) > 1,
                "b": lambda: all(numerical_diff(_accuracy, th) == 0.0 for th in (0.2, 0.33, 0.62, 0.8)),
                "c": lambda: min(_accuracy(th) for th in np.linspace(0, 1, 101)) < 0,
            }
        ),
        options={
            "a": "it can exceed 1",
            "b": "it is piecewise constant: its derivative is 0 almost everywhere",
            "c": "it is negative for bad models",
        },
        hint="Move the weight a tiny bit: does the number of correct answers change?",
        explanation="A tiny change of a weight rarely flips a prediction, so the gradient is 0 — no direction to move.",
    ),
    Question(
        25,
        "07",
        "The book's shopping graph (計算グラフ): 2 apples at 100 yen each, tax 1.1, "
        "price = apple × apple_num × tax. Backpropagate 1 from the price. Compute ∂price/∂apple_num.",
        lambda: float(shopping_graph().evaluate(apple=100, apple_num=2, tax=1.1).grads["apple_num"]),
        hint="A multiply node sends back the arriving gradient times its *other* input: first 1 × tax, then × apple.",
        explanation="1 × 1.1 × 100 = 110 (110.00000000000001 in floating point): one more apple costs 110 yen.",
    ),
    Question(
        26,
        "07",
        "In backward propagation (逆伝播), what does an **add** node $z = x + y$ send to its two inputs when the "
        "gradient dout arrives from the right?",
        lambda: _only({k: (lambda send=send: _add_node_sends(send)) for k, (_, send) in _ADD_SENDS.items()}),
        options=_numbers(_ADD_SENDS),
        hint="The local derivatives of x + y are ∂z/∂x = 1 and ∂z/∂y = 1; multiply each by dout.",
        explanation="dout to both: an add node passes the gradient on unchanged (a multiply node swaps its inputs).",
    ),
    Question(
        27,
        "08",
        "An Affine layer (Affineレイヤ) $Y = XW + b$ gets a mini-batch $X$ of shape (32, 64); $W$ has shape "
        "(64, 100). With dout $= \\partial L/\\partial Y$, what is the shape of "
        "$\\partial L/\\partial W = X^\\top \\cdot \\text{dout}$?",
        lambda: _only({k: (lambda s=shape: str(_affine_batch()[0].dW.shape) == s) for k, shape in _SHAPES.items()}),
        options=dict(_SHAPES),
        hint="A gradient has the shape of its parameter; (64, 32)·(32, 100) confirms it.",
        explanation="(64, 100), W's own shape: the product Xᵀ·dout sums the 32 samples' contributions.",
    ),
    Question(
        28,
        "08",
        "The same Affine layer: dout $= \\partial L/\\partial Y$ has shape (32, 100). "
        "Which is $\\partial L/\\partial b$?",
        lambda: _only({k: (lambda f=f: _is_bias_gradient(f)) for k, (_, f) in _BIAS_GRADS.items()}),
        options=_numbers(_BIAS_GRADS),
        hint="b is added to every row of the batch; the copies send their gradients back added together.",
        explanation="The sum over the batch, shape (100,): the 1/B of the mean was already applied by the loss layer.",
    ),
    Question(
        29,
        "08",
        "Softmax-with-Loss on a mini-batch of $B$ samples, the loss being the **mean** cross-entropy over the batch "
        "($Y$ = softmax outputs, $T$ = one-hot targets). What does its backward send to the layer below?",
        lambda: _only({k: (lambda g=g: _loss_layer_sends(g)) for k, (_, g) in _LOSS_LAYER_GRADS.items()}),
        options=_numbers(_LOSS_LAYER_GRADS),
        hint="Each sample's loss has the gradient y − t; the mean multiplies every sample's loss by 1/B.",
        explanation="(Y − T) / B: the only place the 1/B enters; no other layer divides by B again.",
    ),
    Question(
        30,
        "04",
        "Four samples: the model gives their correct labels the probabilities 0.5, 0.8, 0.25 and 1.0. "
        "Compute the negative log-likelihood per sample, $-\\frac{1}{N}\\log L$ with the likelihood "
        "(尤度) $L = \\prod_n y_{n,c_n}$ ($c_n$ = the correct class of sample $n$).",
        lambda: losses.cross_entropy(_Y_NLL, _LABELS_NLL, delta=0),
        hint="L = 0.5 · 0.8 · 0.25 · 1.0; then −log L / 4 (natural logarithm).",
        explanation="−log(0.1) / 4 = 0.5756: exactly the mean cross-entropy of the four samples.",
    ),
    Question(
        31,
        "04",
        "Why is minimising the mean cross-entropy $E$ over the training data maximum likelihood estimation (最尤推定)?",
        lambda: _only(_nll_claims()),
        options={
            "a": "E = −(1/N) log L, and −log is decreasing: the smallest E comes with the largest likelihood L",
            "b": "the likelihood L equals N · E, so both are largest together",
            "c": "the likelihood is the sum of the correct labels' probabilities, like E",
        },
        hint="Write the likelihood as a product over the samples and take −(1/N) log of it.",
        explanation="−(1/N) log L = −(1/N) Σ log y_(n,c_n) = E, so cross-entropy is the negative log-likelihood.",
    ),
    Question(
        32,
        "09",
        "Chapter 09 trains on 1347 digits with batch size 32 for 20 epochs; `helpers.train` skips a last, "
        "incomplete mini-batch in every epoch. How many SGD steps (weight updates) is that?",
        _steps_of_chapter_09,
        hint="Steps per epoch = 1347 // 32 (full batches only); times the number of epochs.",
        explanation="42 steps per epoch × 20 epochs = 840.",
    ),
    Question(
        33,
        "10",
        "Weight decay (荷重減衰) with $\\lambda = 0.1$ and learning rate $\\eta = 0.5$. If the data gradient of a "
        "weight is 0, one SGD step multiplies the weight by what factor?",
        lambda: float(1.0 - 0.5 * l2_penalty_grad([[1.0]], 0.1)[0, 0]),
        hint="The penalty λ/2·w² adds λw to the gradient: w ← w − η(0 + λw).",
        explanation="1 − ηλ = 0.95: every step shrinks the weights a little towards 0.",
    ),
    Question(
        34,
        "10",
        "Dropout with ratio 0.5, built as in this course (in training the kept units are scaled by "
        "1/(1 − ratio)). What does the layer do at **test** time?",
        lambda: _only({k: (lambda k=k: _dropout_at_test(k)) for k in _TEST_TIME_DROPOUT}),
        options={k: text for k, (text, _) in _TEST_TIME_DROPOUT.items()},
        hint="The scaling in training already keeps the expected output the same as with all units on.",
        explanation="It passes every unit unchanged. (The book instead multiplies by 1 − ratio at test time.)",
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
    label = f"Question {number}"
    if response is None or response is Ellipsis or (isinstance(response, str) and not response.strip()):
        return Verdict(False, f"✗ {label}: no answer yet.", counted=False)
    expected = q.correct()
    if q.kind == "choice":
        given = str(response).strip().lower().rstrip(")")
        if given not in q.options:
            return Verdict(False, f"✗ {label}: answer with one of {', '.join(q.options)}.", counted=False)
        ok = given == expected
    else:
        try:
            value = float(str(response).strip()) if isinstance(response, str) else float(response)
        except (TypeError, ValueError):
            return Verdict(False, f"✗ {label}: type a number such as 0.25 or 1e-7.", counted=False)
        closeness = judge_number(value, expected, q.rtol, q.atol)
        if closeness == "close":
            return Verdict(False, f"✗ {label}: close — give more digits (at least {MIN_DIGITS} significant digits).")
        ok = closeness == "ok"
    if ok:
        return Verdict(True, f"✓ {label}: correct! {q.explanation}".rstrip())
    return Verdict(False, f"✗ {label}: not yet. Hint: {q.hint} (Chapter {q.chapter} covers it.)")


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
        return f"Score: {self.correct} / {len(QUESTIONS)}"

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
            score.value = f"<b>{self.score()}</b> &nbsp; ({answered} answered)"

        self._listeners.append(refresh)
        refresh()
        boxes = [self._question_box(q) for q in QUESTIONS]
        reset_button = widgets.Button(description="Start again", icon="refresh")
        reset_button.on_click(lambda _: self.reset())
        return widgets.VBox([widgets.HBox([score, reset_button]), *boxes])

    def _question_box(self, q: Question) -> widgets.VBox:
        prompt = widgets.HTMLMath(f"<b>{q.number}.</b> {_markdown_inline(q.prompt)} <i>(chapter {q.chapter})</i>")
        if q.kind == "choice":
            field_ = widgets.RadioButtons(options=[(f"{k}) {v}", k) for k, v in q.options.items()], value=None)
        else:
            field_ = widgets.Text(placeholder="your number, e.g. 0.25", continuous_update=True)
        field_.layout = widgets.Layout(width="auto")
        button = widgets.Button(description="Check", button_style="primary")
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
    return [f"{k}) {v}" for k, v in q.options.items()]


def static_text() -> str:
    """Every question as plain text: what the recorded notebook shows where no widget can run."""
    lines = [f"E資格 checkpoint quiz: {len(QUESTIONS)} questions (run the notebook to answer and check them)."]
    for q in QUESTIONS:
        lines.append("")
        lines.append(f"{q.number}. {q.prompt} (chapter {q.chapter})")
        lines.extend(f"   {line}" for line in _option_lines(q))
        if q.kind == "number":
            lines.append("   Answer: a number (at least 4 significant digits).")
    return "\n".join(lines)


def static_html() -> str:
    """Every question as HTML (math left for MathJax): the quiz as GitHub or an HTML export shows it."""
    items = []
    for q in QUESTIONS:
        options = "".join(f"<li>{_escape(line)}</li>" for line in _option_lines(q))
        answer = f"<ul style='list-style:none'>{options}</ul>" if options else "<p><i>Answer: a number.</i></p>"
        items.append(f"<li><p>{_markdown_inline(q.prompt)} <i>(chapter {q.chapter})</i></p>{answer}</li>")
    return (
        "<div class='course-quiz-static'><p><b>E資格 checkpoint quiz</b>: run the notebook to answer and check "
        f"the {len(QUESTIONS)} questions.</p><ol>{''.join(items)}</ol></div>"
    )


def _escape(text: str) -> str:
    return html.escape(text)


def _markdown_inline(text: str) -> str:
    """The little Markdown the prompts use (`code`, **bold**) as HTML; $…$ is left for MathJax."""
    out = html.escape(text, quote=False)
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
