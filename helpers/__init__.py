"""helpers — the toolbox of the course on loss functions and backpropagation.

Every chapter in ``notebooks/`` derives a formula inline first, then calls the
function here that does the same thing.  This package is the reference
implementation a learner compares their own code against.

Contents (module → what it gives you → chapter)
-----------------------------------------------
losses      squared errors (SSE, ½·SSE, MSE), MAE, Huber, binary and
            categorical cross-entropy, softmax / log-softmax, cross-entropy
            from logits, entropy, KL divergence, class weights, label
            smoothing — each loss next to its gradient            (02–04)
steps       step-by-step views that print the intermediate values the
            source articles show (differences, squares, mean; t·log(y+δ),
            the sum, the loss)                                     (02, 03)
numdiff     central-difference derivative and gradient, gradient check (05, 06)
layers      layers with forward and backward beside each other: Mul, Add,
            ReLU, Sigmoid, Softmax, Affine, Dropout, Softmax-with-Loss and
            friends; sigmoid and its derivative                   (07, 08, 10)
network     networks made of those layers: LayerNet, and chapter 06's
            TwoLayerNet with every intermediate (u, z, δ) exposed; L2 weight
            decay; train, the mini-batch SGD loop with validation curves and
            early stopping                                        (06, 08–10)
graph       the book's shopping example as a computational graph: values,
            gradients, each node's local rule, a drawing          (07)
data        seeded toy data sets and the 8×8 digits (scikit-learn's
            copy, bundled in digits.npz)                          (01, 04, 05, 09, 10)
style       the course plot style and colour roles               (all)
widgets     large_text(): the teacher's switch for large explorer text (00)
live        the live layer behind the explorers (sliders, live figure,
            readout, number box; Python and JS) — not for learners'
            reading: nothing in a chapter's argument lives there    (all)
explorers   each chapter's ready-made explorers, built on live   (all)
checks      exercise checks that answer ✓ or ✗ with a hint        (all)
i18n        the edition's language (English or 日本語) and tr(en, ja)
            for every string a helper shows the learner          (all)

One vocabulary
--------------
* ``y_pred`` — what the model outputs (the book's ``y``): probabilities or
  real-valued predictions, shape ``(K,)`` for one sample or ``(N, K)`` for a
  batch.
* ``y_true`` — the target (the book's ``t``): same shape as ``y_pred``
  (one-hot or real values) or, for classification, integer class labels of
  shape ``()`` / ``(N,)``.
* ``p_pred`` — for binary cross-entropy, the predicted probability of class 1.
* ``p``, ``q`` — whole distributions (entropy, KL divergence): ``p`` the true
  one, ``q`` the model's; each must sum to 1.
* ``labels`` — integer class indices ``0 .. K−1``.
* ``logits`` — unnormalised scores before softmax.
* ``delta`` — the small constant added inside ``log`` (default
  :data:`helpers.losses.DELTA` ``= 1e-7``, as in the book).
* Every loss is called ``loss(y_pred, y_true, ...)`` — prediction first — and
  its gradient with respect to ``y_pred`` is ``loss_grad(y_pred, y_true, ...)``.
* Scalar losses return a Python ``float``; arrays come back as new arrays, the
  inputs are never modified.
* Bad input raises ``ValueError`` / ``TypeError`` naming the argument, what
  was expected and what came.
* Network (the notation of 「ニューラルネットワークをざっくりと理解する」): weighted sums ``u``, activations ``z``,
  deltas ``δ``; ``W1`` has shape ``(D, H)`` — rows are inputs, columns hidden
  units — so ``u1 = x @ W1 + b1`` (the book's orientation).

The names you will call most
----------------------------
losses   sum_squared_error, half_sum_squared_error, mean_squared_error,
         mean_absolute_error, huber_loss, cross_entropy, binary_cross_entropy,
         softmax, log_softmax, logsumexp, cross_entropy_from_logits, entropy,
         kl_divergence, cross_entropy_dist, weighted_cross_entropy,
         class_weights_balanced, smooth_labels, one_hot (+ ``*_grad``)
steps    squared_error_steps, cross_entropy_steps
numdiff  numerical_diff, numerical_gradient, gradient_check
layers   MulLayer, AddLayer, ReLU, Sigmoid, Softmax, Affine, Dropout,
         SoftmaxWithLoss, SigmoidWithLoss, IdentityWithLoss, sigmoid,
         sigmoid_grad (from ``helpers.layers``)
network  TwoLayerNet (forward, loss, backward, gradient, step, predict,
         accuracy), LayerNet (the same for any row of layers), l2_penalty,
         l2_penalty_grad, train → History
graph    shopping_graph, shopping_graph_with_oranges, draw_graph (from ``helpers.graph``)
data     toy_regression, imbalanced_classification, load_digits_split,
         load_digits_small
"""

import importlib
import importlib.util

from helpers import data, layers, losses, network, numdiff, steps
from helpers.data import imbalanced_classification, load_digits_split, toy_regression
from helpers.losses import (
    DELTA,
    binary_cross_entropy,
    class_weights_balanced,
    cross_entropy,
    cross_entropy_from_logits,
    entropy,
    half_sum_squared_error,
    huber_loss,
    kl_divergence,
    log_softmax,
    logsumexp,
    mean_absolute_error,
    mean_squared_error,
    smooth_labels,
    softmax,
    sum_squared_error,
    weighted_cross_entropy,
)
from helpers.network import LayerNet, TwoLayerNet, sigmoid, train
from helpers.numdiff import gradient_check, numerical_diff, numerical_gradient
from helpers.steps import cross_entropy_steps, squared_error_steps

__all__ = [
    "DELTA",
    "LayerNet",
    "TwoLayerNet",
    "binary_cross_entropy",
    "class_weights_balanced",
    "cross_entropy",
    "cross_entropy_from_logits",
    "cross_entropy_steps",
    "data",
    "entropy",
    "gradient_check",
    "half_sum_squared_error",
    "huber_loss",
    "imbalanced_classification",
    "kl_divergence",
    "layers",
    "load_digits_split",
    "log_softmax",
    "logsumexp",
    "losses",
    "mean_absolute_error",
    "mean_squared_error",
    "network",
    "numdiff",
    "numerical_diff",
    "numerical_gradient",
    "sigmoid",
    "smooth_labels",
    "softmax",
    "squared_error_steps",
    "steps",
    "sum_squared_error",
    "toy_regression",
    "train",
    "weighted_cross_entropy",
]

#: Submodules loaded on first use (``helpers.explorers.ch05.descent_explorer()``, ``helpers.graph``…), so that
#: ``import helpers`` and a chapter's set-up cell do not pay for matplotlib, ipywidgets and the live layer
#: before a figure or an explorer is shown.  ``import helpers.NAME`` works as always.
_LAZY_SUBMODULES = frozenset(
    {
        "alt_text",
        "checks",
        "distributions",
        "exercise_bank",
        "explorers",
        "fit",
        "glossary",
        "graph",
        "i18n",
        "live",
        "quiz",
        "style",
        "widgets",
    }
)


def __getattr__(name: str):
    """``helpers.NAME`` for a submodule not imported yet: import it now (PEP 562)."""
    if name in _LAZY_SUBMODULES and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
