"""Loss functions, each with its gradient right beside it.

Argument order is always ``(y_pred, y_true)``: prediction first, target
second (the seeds write ``y`` and ``t``).  Scalar losses return a Python
``float`` so that recorded notebook outputs print the same digits under every
numpy print mode.  Inputs are never modified.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, check_same_shape

__all__ = [
    "DELTA",
    "sum_squared_error",
    "sum_squared_error_grad",
    "half_sum_squared_error",
    "half_sum_squared_error_grad",
    "mean_squared_error",
    "mean_squared_error_grad",
    "mean_absolute_error",
    "mean_absolute_error_grad",
    "huber_loss",
    "huber_loss_grad",
]

#: The small constant the book adds inside ``log`` so that ``log(0)`` never
#: happens: ``-log(0 + DELTA) ≈ 16.1`` caps the loss instead of ``inf``.
DELTA: float = 1e-7


def _pair(y_pred: ArrayLike, y_true: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Validate a prediction/target pair of real numbers with equal shapes."""
    yp = as_float_array(y_pred, "y_pred")
    yt = as_float_array(y_true, "y_true")
    check_same_shape(yp, yt, "y_pred", "y_true")
    return yp, yt


# --- squared errors ---------------------------------------------------------


def sum_squared_error(y_pred: ArrayLike, y_true: ArrayLike) -> float:
    """Sum of squared errors (2乗和誤差), ``E = Σ (y − t)²``.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape as ``y_pred``
        Targets ``t`` (one-hot for classification).

    Returns
    -------
    float
        The sum over every element.

    Examples
    --------
    >>> sum_squared_error([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    ...                   [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    0.19500000000000006
    """
    yp, yt = _pair(y_pred, y_true)
    return float(np.sum((yp - yt) ** 2))


def sum_squared_error_grad(y_pred: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`sum_squared_error` with respect to ``y_pred``: ``2 (y − t)``."""
    yp, yt = _pair(y_pred, y_true)
    return 2.0 * (yp - yt)


def half_sum_squared_error(y_pred: ArrayLike, y_true: ArrayLike) -> float:
    """Half the sum of squared errors, ``E = ½ Σ (y − t)²`` — the book's convention.

    The ½ cancels the 2 that differentiation brings down, so the gradient is
    simply ``y − t`` (see :func:`half_sum_squared_error_grad`).

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape as ``y_pred``
        Targets ``t``.

    Returns
    -------
    float

    Examples
    --------
    >>> half_sum_squared_error([0.1, 0.01, 0.6, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04],
    ...                        [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    0.10105000000000001
    """
    yp, yt = _pair(y_pred, y_true)
    # Written exactly as in the book, 0.5 * np.sum(...), so the digits match it.
    return float(0.5 * np.sum((yp - yt) ** 2))


def half_sum_squared_error_grad(y_pred: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`half_sum_squared_error` with respect to ``y_pred``: ``y − t``."""
    yp, yt = _pair(y_pred, y_true)
    return yp - yt


def mean_squared_error(y_pred: ArrayLike, y_true: ArrayLike) -> float:
    """Mean squared error (平均二乗誤差), ``MSE = (1/n) Σ (y − t)²``.

    ``n`` is the number of elements, as in scikit-learn, PyTorch
    (``reduction='mean'``) and Keras; for one sample of ``K`` outputs it is
    ``K``.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape as ``y_pred``
        Targets ``t``.

    Returns
    -------
    float

    Examples
    --------
    >>> mean_squared_error([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    ...                    [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    0.019500000000000007
    """
    yp, yt = _pair(y_pred, y_true)
    # np.sum(...) / n, the seed's own order of operations, keeps its last digits.
    return float(np.sum((yp - yt) ** 2) / yp.size)


def mean_squared_error_grad(y_pred: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`mean_squared_error` with respect to ``y_pred``: ``2 (y − t) / n``."""
    yp, yt = _pair(y_pred, y_true)
    return 2.0 * (yp - yt) / yp.size


# --- absolute error and Huber -------------------------------------------------


def mean_absolute_error(y_pred: ArrayLike, y_true: ArrayLike) -> float:
    """Mean absolute error (平均絶対誤差), ``MAE = (1/n) Σ |y − t|``.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape as ``y_pred``
        Targets ``t``.

    Returns
    -------
    float

    Examples
    --------
    >>> round(mean_absolute_error([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    ...                           [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]), 12)
    0.08
    """
    yp, yt = _pair(y_pred, y_true)
    return float(np.sum(np.abs(yp - yt)) / yp.size)


def mean_absolute_error_grad(y_pred: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """(Sub)gradient of :func:`mean_absolute_error`: ``sign(y − t) / n`` (0 where equal)."""
    yp, yt = _pair(y_pred, y_true)
    return np.sign(yp - yt) / yp.size


def _check_threshold(threshold: float) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float, np.floating, np.integer)):
        raise TypeError(f"threshold must be a positive number, got {threshold!r}")
    if not np.isfinite(threshold) or threshold <= 0:
        raise ValueError(f"threshold must be a positive finite number, got {threshold!r}")
    return float(threshold)


def huber_loss(y_pred: ArrayLike, y_true: ArrayLike, threshold: float = 1.0) -> float:
    """Huber loss, averaged over elements: squared near zero, linear far away.

    For a residual ``r = y − t``: ``½ r²`` if ``|r| ≤ threshold``, else
    ``threshold · (|r| − ½ threshold)``.  It behaves like MSE for small errors
    and like MAE for outliers.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape as ``y_pred``
        Targets ``t``.
    threshold : float, default 1.0
        Where the quadratic part turns linear (often called δ elsewhere; we keep
        ``delta`` for the constant inside ``log``).

    Returns
    -------
    float

    Examples
    --------
    >>> huber_loss([0.0, 3.0], [0.0, 0.0])  # (0 + 1·(3 − 0.5)) / 2
    1.25
    """
    yp, yt = _pair(y_pred, y_true)
    c = _check_threshold(threshold)
    r = np.abs(yp - yt)
    per_element = np.where(r <= c, 0.5 * r**2, c * (r - 0.5 * c))
    return float(np.sum(per_element) / yp.size)


def huber_loss_grad(y_pred: ArrayLike, y_true: ArrayLike, threshold: float = 1.0) -> np.ndarray:
    """Gradient of :func:`huber_loss`: ``clip(y − t, −threshold, threshold) / n``."""
    yp, yt = _pair(y_pred, y_true)
    c = _check_threshold(threshold)
    return np.clip(yp - yt, -c, c) / yp.size
