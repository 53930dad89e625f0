"""Fitting by formula and by descent, and scoring a fit: the maths chapters 01, 04, 05 and 09 compute.

Teaching module: plain functions on numbers and arrays, no widgets.  The chapters' explorers
(``helpers/explorers/``) import from here, never the other way round.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_labels, check_positive
from helpers.losses import binary_cross_entropy, mean_squared_error, sum_squared_error, weighted_cross_entropy
from helpers.network import sigmoid

__all__ = [
    "LINE_A",
    "LINE_B",
    "least_squares",
    "line_losses",
    "threshold_data",
    "accuracy",
    "threshold_loss",
    "fit_logistic",
    "weighted_loss",
    "W0_1D",
    "START_2D",
    "CONVERGED",
    "loss_1d",
    "grad_1d",
    "loss_2d",
    "grad_2d",
    "descend_1d",
    "descend_2d",
    "verdict",
    "confusion_matrix",
]

# -- chapter 01: a line through points, and a threshold classifier -----------------------------------------

#: The two candidate lines of section 2, as (slope w, intercept b).
LINE_A = (1.5, 2.0)
LINE_B = (2.5, 0.2)


def least_squares(x: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """Slope and intercept of the least-squares line (最小二乗法), in closed form.

    ``w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²`` and ``b = ȳ − w x̄``: the line whose
    sum of squared errors on ``(x, y)`` is the smallest possible.

    Examples
    --------
    >>> least_squares([0, 1, 2], [1, 3, 5])
    (2.0, 1.0)
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or x.size < 2:
        raise ValueError(f"x and y must be 1-D with the same length >= 2, got shapes {x.shape} and {y.shape}")
    dx = x - x.mean()
    if not np.any(dx):
        raise ValueError("x must contain at least two different values to fit a line")
    w = float(np.sum(dx * (y - y.mean())) / np.sum(dx**2))
    return w, float(y.mean() - w * x.mean())


def line_losses(w: float, b: float, x: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """(SSE, MSE) of the predictions ``w x + b`` against the targets ``y`` (the course writes them t) at ``x``."""
    y_pred = w * np.asarray(x, dtype=float) + b
    return sum_squared_error(y_pred, y), mean_squared_error(y_pred, y)


def threshold_data(n_per_class: int = 10, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """A seeded 1-D two-class data set: class 0 around −1, class 1 around +1 (σ = 1).

    Returns
    -------
    x : ndarray, shape (2 n_per_class,)
        Sorted positions.
    labels : ndarray of int64, same shape
        0 or 1 (正解ラベル).
    """
    rng = np.random.default_rng(seed)
    x = np.concatenate([rng.normal(-1.0, 1.0, n_per_class), rng.normal(1.0, 1.0, n_per_class)])
    labels = np.repeat(np.array([0, 1], dtype=np.int64), n_per_class)
    order = np.argsort(x)
    return x[order], labels[order]


def accuracy(theta: float, x: ArrayLike, labels: ArrayLike) -> float:
    """Share of points classified correctly by "class 1 if x > theta" (正解率)."""
    predicted = (np.asarray(x) > theta).astype(np.int64)
    return float(np.mean(predicted == np.asarray(labels)))


def threshold_loss(theta: float, x: ArrayLike, labels: ArrayLike, sharpness: float = 2.0) -> float:
    """Binary cross-entropy of the soft classifier ``p(class 1) = σ(sharpness · (x − theta))``."""
    p = sigmoid(sharpness * (np.asarray(x, dtype=float) - theta))
    return binary_cross_entropy(p, np.asarray(labels, dtype=float))


# -- chapter 04: logistic regression with class weights ---------------------------------------------------


def fit_logistic(
    X: ArrayLike,
    labels: ArrayLike,
    class_weights: ArrayLike = (1.0, 1.0),
    *,
    lr: float = 0.5,
    steps: int = 300,
) -> tuple[np.ndarray, float]:
    """Logistic regression trained by gradient descent on (weighted) cross-entropy.

    The model is ``p = σ(X @ w + b)``, the probability of class 1.  Its loss is
    :func:`helpers.losses.weighted_cross_entropy` of ``[1 − p, p]``; with weights
    ``(1, 1)`` that is the plain mean cross-entropy.  The gradient with respect
    to the logit of sample ``n`` is ``w_{c_n} (p_n − t_n) / Σ w_{c_n}``.

    Parameters
    ----------
    X : array_like, shape (N, D)
    labels : array_like of int, shape (N,)
        0 or 1.
    class_weights : array_like, shape (2,)
    lr : float
        Learning rate (学習率).
    steps : int
        Full-batch gradient-descent steps, starting from zero weights.

    Returns
    -------
    w : ndarray, shape (D,)
    b : float
    """
    X = np.asarray(X, dtype=float)
    t = np.asarray(labels)
    cw = np.asarray(class_weights, dtype=float)[t]
    cw = cw / cw.sum()
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        p = sigmoid(X @ w + b)
        g = cw * (p - t)  # ∂loss/∂logit for each sample
        w = w - lr * (X.T @ g)
        b = b - lr * float(g.sum())
    return w, b


def weighted_loss(X: ArrayLike, labels: ArrayLike, w: np.ndarray, b: float, class_weights: ArrayLike) -> float:
    """The loss :func:`fit_logistic` minimises, via :func:`helpers.losses.weighted_cross_entropy`."""
    p = sigmoid(np.asarray(X, dtype=float) @ w + b)
    return weighted_cross_entropy(np.column_stack([1 - p, p]), labels, class_weights)


# -- chapter 05: gradient descent in 1-D and 2-D ------------------------------------------------------------

#: Start of the 1-D descent; the minimum of ``loss_1d`` is at w = 2.
W0_1D = -2.0
#: Start of the 2-D descent, as in the book's chapter 6 (f(x, y) = x²/20 + y² from (−7, 2)).
START_2D = (-7.0, 2.0)
#: Below this loss a run counts as converged (both minima are 0).
CONVERGED = 1e-3


def loss_1d(w: float) -> float:
    """``L(w) = (w − 2)²``: minimum 0 at w = 2; curvature 2, so η > 1 diverges."""
    return float((w - 2.0) ** 2)


def grad_1d(w: float) -> float:
    """``dL/dw = 2 (w − 2)``."""
    return 2.0 * (w - 2.0)


def loss_2d(w: np.ndarray) -> float:
    """``f(w1, w2) = w1² / 20 + w2²``: a bowl 20 times steeper along w2 than along w1."""
    return float(w[0] ** 2 / 20.0 + w[1] ** 2)


def grad_2d(w: np.ndarray) -> np.ndarray:
    """``∇f = (w1 / 10, 2 w2)``."""
    return np.array([w[0] / 10.0, 2.0 * w[1]])


def _check_descent(lr: object, steps: object) -> tuple[float, int]:
    """``lr`` a positive number, ``steps`` a whole number >= 0 (2.0 is accepted, 2.5 is not)."""
    lr = check_positive(lr, "lr")
    if isinstance(steps, (float, np.floating)) and float(steps).is_integer():
        steps = int(steps)
    if isinstance(steps, bool) or not isinstance(steps, (int, float, np.integer, np.floating)):
        raise TypeError(f"steps must be a whole number of steps (0, 1, 2, ...), got {steps!r}")
    if not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number of steps (0, 1, 2, ...), got {steps!r}")
    return lr, int(steps)


def descend_1d(lr: float, steps: int, w0: float = W0_1D) -> np.ndarray:
    """Every w visited by ``w ← w − lr · dL/dw`` (``steps + 1`` values, the start included)."""
    lr, steps = _check_descent(lr, steps)
    path = [float(w0)]
    for _ in range(steps):
        path.append(path[-1] - lr * grad_1d(path[-1]))
    return np.array(path)


def descend_2d(lr: float, steps: int, start: tuple[float, float] = START_2D) -> np.ndarray:
    """Every point visited by ``w ← w − lr · ∇f(w)``, shape ``(steps + 1, 2)``."""
    lr, steps = _check_descent(lr, steps)
    path = [np.array(start, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - lr * grad_2d(path[-1]))
    return np.array(path)


def verdict(first_loss: float, last_loss: float) -> str:
    """``"diverged"`` if the loss grew, ``"converged"`` below :data:`CONVERGED`, else ``"not there yet"``."""
    if not np.isfinite(last_loss) or last_loss > first_loss:
        return "diverged"
    if last_loss < CONVERGED:
        return "converged"
    return "not there yet"


# -- chapter 09: scoring a classifier ----------------------------------------------------------------------


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, n_classes: int = 10) -> np.ndarray:
    """Counts ``C[i, j]`` of samples with true class ``i`` predicted as ``j`` (混同行列).

    Examples
    --------
    >>> confusion_matrix([0, 1, 1], [0, 1, 0], n_classes=2)
    array([[1, 0],
           [1, 1]])
    """
    n_classes = check_positive(n_classes, "n_classes", integer=True)
    t = as_labels(y_true, "y_true", n_classes=n_classes, classes_from="n_classes")
    p = as_labels(y_pred, "y_pred", n_classes=n_classes, classes_from="n_classes")
    if t.shape != p.shape or t.ndim != 1:
        raise ValueError(f"y_true and y_pred must be 1-D of the same length, got shapes {t.shape} and {p.shape}")
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (t, p), 1)
    return counts
