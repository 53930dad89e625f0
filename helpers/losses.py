"""Loss functions, each with its gradient right beside it.

Argument order is always ``(y_pred, y_true)``: prediction first, target
second (the book writes ``y`` and ``t``).  Scalar losses return a Python
``float`` so that recorded notebook outputs print the same digits under every
numpy print mode.  Inputs are never modified.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import (
    as_float_array,
    as_labels,
    check_delta,
    check_positive,
    check_probabilities,
    check_same_shape,
)

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
    "cross_entropy",
    "cross_entropy_grad",
    "binary_cross_entropy",
    "binary_cross_entropy_grad",
    "softmax",
    "log_softmax",
    "logsumexp",
    "cross_entropy_from_logits",
    "cross_entropy_from_logits_grad",
    "entropy",
    "kl_divergence",
    "cross_entropy_dist",
    "weighted_cross_entropy",
    "class_weights_balanced",
    "smooth_labels",
    "one_hot",
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


# --- cross-entropy on probabilities -------------------------------------------


def one_hot(labels: ArrayLike, n_classes: int) -> np.ndarray:
    """One-hot encode integer class labels.

    Parameters
    ----------
    labels : array_like of int, shape () or (N,)
        Class indices ``0 .. n_classes−1``.
    n_classes : int
        ``K``, the number of classes.

    Returns
    -------
    ndarray of float64, shape (K,) or (N, K)

    Raises
    ------
    ValueError, TypeError
        If a label is out of range, negative or not a whole number.

    Examples
    --------
    >>> one_hot(2, 4)
    array([0., 0., 1., 0.])
    """
    k = check_positive(n_classes, "n_classes", integer=True)
    lab = as_labels(labels, "labels", n_classes=k, classes_from="n_classes")
    return np.eye(k)[lab]


def _probs_and_targets(
    y_pred: ArrayLike, y_true: ArrayLike, pred_name: str = "y_pred"
) -> tuple[np.ndarray, np.ndarray, bool]:
    """Validate class probabilities and targets for the cross-entropy family.

    Returns ``(y, t, is_labels)``: ``t`` is a float array of the same shape as
    ``y`` (one-hot / soft targets) or an int array of labels of shape
    ``y.shape[:-1]``.
    """
    y = as_float_array(y_pred, pred_name)
    if y.ndim not in (1, 2):
        raise ValueError(f"{pred_name} must have shape (K,) for one sample or (N, K) for a batch, got shape {y.shape}")
    # Only 0 ≤ y ≤ 1: the book's examples (seed 004) do not sum to 1 and it accepts them.
    check_probabilities(y, pred_name)
    t_arr = as_float_array(y_true, "y_true")  # rejects ragged, strings, NaN first
    if t_arr.shape == y.shape:
        check_probabilities(t_arr, "y_true")
        return y, t_arr, False
    if t_arr.ndim == y.ndim - 1:
        labels = as_labels(y_true, "y_true", n_classes=y.shape[-1], classes_from=pred_name)
        if labels.shape != y.shape[:-1]:
            raise ValueError(
                f"y_true holds {labels.shape[0]} labels but {pred_name} has {y.shape[0]} rows; they must match"
            )
        return y, labels, True
    raise ValueError(
        f"y_true must be one-hot with the shape of {pred_name} {y.shape} or integer labels of "
        f"shape {y.shape[:-1]}, got shape {t_arr.shape}"
    )


def _picked(y: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The probability each sample gives its correct class: ``y[n, label_n]``."""
    if y.ndim == 1:
        return y[labels]
    return y[np.arange(y.shape[0]), labels]


def cross_entropy(y_pred: ArrayLike, y_true: ArrayLike, delta: float = DELTA) -> float:
    """Cross-entropy error (交差エントロピー誤差), ``E = −Σ t log(y + delta)``.

    Two ways to give the target, as in the book:

    * **one-hot** ``y_true`` (same shape as ``y_pred``): the sum form
      ``-np.sum(t * np.log(y + delta))``, computed exactly like that so the
      book's digits come out;
    * **integer labels** (shape ``()`` for one sample, ``(N,)`` for a batch):
      the index form ``−log(y[label] + delta)`` — only the correct class's
      term survives a one-hot sum anyway.

    For a batch ``(N, K)`` the sum is divided by ``N`` (mean per sample).

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predicted probabilities ``y``, each in [0, 1].  Rows need not sum to 1
        (seed 004's examples sum to 1.07 and the book accepts them).
    y_true : array_like, shape (K,) / (N, K) one-hot, or () / (N,) labels
        Targets ``t``.
    delta : float, default :data:`DELTA` (1e-7)
        Added inside ``log`` so that ``log(0)`` never happens; it caps the loss
        of one sample at ``−log(delta) = 16.11809565095832``.  ``delta=0`` is
        allowed to show what goes wrong: the sum form returns ``nan`` when some
        ``y`` is 0 (``0 · log 0 = 0 · (−inf)``), the index form returns ``inf``
        when the correct class has ``y = 0``.  No warning is printed.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y_pred`` is outside [0, 1], the shapes do not fit, or a label is
        out of range.
    TypeError
        If an argument is not numeric.

    Examples
    --------
    >>> y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    >>> cross_entropy(y, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    0.510825457099338
    >>> cross_entropy(y, 2, delta=0)  # index form: −log(0.6)
    0.5108256237659907
    """
    d = check_delta(delta)
    y, t, is_labels = _probs_and_targets(y_pred, y_true)
    batch_size = y.shape[0] if y.ndim == 2 else 1
    # With delta=0 numpy would warn about log(0) and 0·(−inf); the nan/inf *is* the lesson.
    with np.errstate(divide="ignore", invalid="ignore"):
        if is_labels:
            return float(-np.sum(np.log(_picked(y, t) + d)) / batch_size)
        if y.ndim == 1:
            return float(-np.sum(t * np.log(y + d)))
        return float(-np.sum(t * np.log(y + d)) / batch_size)


def cross_entropy_grad(y_pred: ArrayLike, y_true: ArrayLike, delta: float = DELTA) -> np.ndarray:
    """Gradient of :func:`cross_entropy` with respect to ``y_pred``: ``−t / (y + delta) / N``.

    With labels, only the correct class gets ``−1 / (y_label + delta)``; the
    other entries are exactly 0, also with ``delta=0`` where some ``y`` is 0.

    Parameters
    ----------
    y_pred, y_true, delta
        As in :func:`cross_entropy`.

    Returns
    -------
    ndarray, same shape as ``y_pred``

    Examples
    --------
    >>> cross_entropy_grad([0.5, 0.5], 0, delta=0)
    array([-2.,  0.])
    """
    d = check_delta(delta)
    y, t, is_labels = _probs_and_targets(y_pred, y_true)
    batch_size = y.shape[0] if y.ndim == 2 else 1
    with np.errstate(divide="ignore", invalid="ignore"):
        if not is_labels:
            return -t / (y + d) / batch_size  # delta=0 and y = 0 where t = 0: 0/0 = nan, as in the sum form
        # Label form: only the correct class has a term, so only its entry is written; the others
        # are exactly 0 even where y = 0 and delta = 0 (0 / 0 would be nan).
        grad = np.zeros_like(y)
        rows = () if y.ndim == 1 else (np.arange(y.shape[0]),)
        grad[(*rows, t)] = -1.0 / (y[(*rows, t)] + d) / batch_size
        return grad


def _one_hot_like(y: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """One-hot array with the shape of ``y`` for already-validated labels."""
    return np.eye(y.shape[-1])[labels]


def binary_cross_entropy(p_pred: ArrayLike, y_true: ArrayLike, delta: float = DELTA) -> float:
    """Binary cross-entropy, ``−(y log(p + delta) + (1 − y) log(1 − p + delta))``, averaged.

    ``p`` is the predicted probability of class 1.  When ``y = 1`` only the
    first branch ``−log p`` counts, when ``y = 0`` only ``−log(1 − p)``
    (seeds 001, 002); the branch that does not count is skipped rather than
    multiplied by 0, so ``p`` exactly 0 or 1 never produces ``0 · log 0``.

    Parameters
    ----------
    p_pred : array_like, shape (N,) or any shape, or a scalar
        Predicted probabilities of class 1, each in [0, 1].
    y_true : array_like, same shape as ``p_pred``
        Targets in [0, 1] (0/1 labels, or soft targets).
    delta : float, default :data:`DELTA`
        Added inside each ``log``.

    Returns
    -------
    float
        The mean over all elements.

    Raises
    ------
    ValueError, TypeError
        On shape mismatch, values outside [0, 1] or non-numeric input.

    Examples
    --------
    >>> round(binary_cross_entropy([0.8], [1]), 4)  # −log 0.8
    0.2231
    """
    d = check_delta(delta)
    p, y = _binary_pair(p_pred, y_true)
    return float(np.sum(_bce_terms(p, y, d)) / p.size)


def _binary_pair(p_pred: ArrayLike, y_true: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    p = as_float_array(p_pred, "p_pred")
    y = as_float_array(y_true, "y_true")
    check_same_shape(p, y, "p_pred", "y_true")
    check_probabilities(p, "p_pred")
    check_probabilities(y, "y_true")
    return p, y


def _bce_terms(p: np.ndarray, y: np.ndarray, d: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = np.where(y > 0, y * np.log(p + d), 0.0)
        neg = np.where(y < 1, (1 - y) * np.log(1 - p + d), 0.0)
    return -(pos + neg)


def binary_cross_entropy_grad(p_pred: ArrayLike, y_true: ArrayLike, delta: float = DELTA) -> np.ndarray:
    """Gradient of :func:`binary_cross_entropy` with respect to ``p_pred``.

    ``(−y / (p + delta) + (1 − y) / (1 − p + delta)) / n``, with ``n`` the
    number of elements.

    Examples
    --------
    >>> binary_cross_entropy_grad([0.5], [1], delta=0)
    array([-2.])
    """
    d = check_delta(delta)
    p, y = _binary_pair(p_pred, y_true)
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = np.where(y > 0, -y / (p + d), 0.0)
        neg = np.where(y < 1, (1 - y) / (1 - p + d), 0.0)
    return (pos + neg) / p.size


# --- softmax and the numerically stable route from logits ----------------------


def _logits(logits: ArrayLike, axis: int) -> tuple[np.ndarray, int]:
    z = as_float_array(logits, "logits", keep_float32=True)
    if z.ndim == 0:
        raise ValueError("logits must have at least one axis of class scores, got a scalar")
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {axis!r}")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis must be in {-z.ndim}..{z.ndim - 1} for logits of shape {z.shape}")
    return z, int(axis)


def softmax(logits: ArrayLike, axis: int = -1) -> np.ndarray:
    """Softmax (ソフトマックス関数), ``exp(a_k) / Σ_j exp(a_j)``, computed stably.

    Subtracting the maximum first leaves the result unchanged (it cancels in
    the ratio) but keeps every ``exp`` ≤ 1, so logits like ``[123, 456, 789]``
    or ``±1e4`` do not overflow (オーバーフロー対策).

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Unnormalised scores ``a``.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray, same shape as ``logits``
        Probabilities that sum to 1 along ``axis``.  float32 input stays
        float32; anything else comes back as float64.

    Examples
    --------
    >>> softmax([123.0, 456.0, 789.0]).round(3)
    array([0., 0., 1.])
    """
    z, ax = _logits(logits, axis)
    # max-shift: exp(789) overflows float64, exp(789 − 789) = 1 does not.
    e = np.exp(z - np.max(z, axis=ax, keepdims=True))
    return e / np.sum(e, axis=ax, keepdims=True)


def logsumexp(logits: ArrayLike, axis: int = -1) -> np.ndarray | float:
    """``log Σ exp(a)`` along ``axis`` without overflow: ``m + log Σ exp(a − m)``.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
    axis : int, default -1

    Returns
    -------
    float or ndarray
        A float for 1-D input, otherwise an array with ``axis`` removed.

    Examples
    --------
    >>> logsumexp([1000.0, 1000.0])  # 1000 + log 2
    1000.6931471805599
    """
    z, ax = _logits(logits, axis)
    m = np.max(z, axis=ax, keepdims=True)
    out = np.squeeze(m, axis=ax) + np.log(np.sum(np.exp(z - m), axis=ax))
    return float(out) if out.ndim == 0 else out


def log_softmax(logits: ArrayLike, axis: int = -1) -> np.ndarray:
    """``log(softmax(a))`` computed as ``a − logsumexp(a)``, which never takes ``log(0)``.

    ``np.log(softmax([1000.0, 1.0]))`` gives ``-inf`` for the second class
    (its probability underflows to 0); this gives ``-999.0``.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
    axis : int, default -1

    Returns
    -------
    ndarray, same shape and dtype rule as :func:`softmax`

    Examples
    --------
    >>> log_softmax([1000.0, 1.0])
    array([   0., -999.])
    """
    z, ax = _logits(logits, axis)
    shifted = z - np.max(z, axis=ax, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=ax, keepdims=True))


def _logits_and_targets(logits: ArrayLike, y_true: ArrayLike) -> tuple[np.ndarray, np.ndarray, int]:
    """Validate logits ``(K,)``/``(N, K)`` and targets; return float64 one-hot ``t``."""
    z = as_float_array(logits, "logits")
    if z.ndim not in (1, 2):
        raise ValueError(f"logits must have shape (K,) for one sample or (N, K) for a batch, got {z.shape}")
    t_arr = as_float_array(y_true, "y_true")
    if t_arr.shape == z.shape:
        t = t_arr
        # The gradient softmax − t assumes every target row is a distribution.
        check_probabilities(t, "y_true", must_sum_to_one=True)
    elif t_arr.ndim == z.ndim - 1:
        labels = as_labels(y_true, "y_true", n_classes=z.shape[-1], classes_from="logits")
        if labels.shape != z.shape[:-1]:
            raise ValueError(f"y_true holds {labels.shape[0]} labels but logits has {z.shape[0]} rows")
        t = _one_hot_like(z, labels)
    else:
        raise ValueError(
            f"y_true must be one-hot with the shape of logits {z.shape} or integer labels of "
            f"shape {z.shape[:-1]}, got shape {t_arr.shape}"
        )
    return z, t, z.shape[0] if z.ndim == 2 else 1


def cross_entropy_from_logits(logits: ArrayLike, y_true: ArrayLike) -> float:
    """Cross-entropy of ``softmax(logits)``, computed as ``−Σ t · log_softmax(logits) / N``.

    Equal to ``cross_entropy(softmax(logits), y_true, delta=0)`` wherever that is
    finite, but never takes ``log(0)``, so it needs no ``delta`` and stays
    exact for huge logits.  This is what frameworks do
    (``torch.nn.functional.cross_entropy`` takes logits).

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
    y_true : array_like
        One-hot (or soft) targets of the same shape, rows summing to 1, or
        integer labels of shape () / (N,).

    Returns
    -------
    float
        Mean over the ``N`` samples.

    Examples
    --------
    >>> cross_entropy_from_logits([0.0, 0.0], 1)  # log 2
    0.6931471805599453
    """
    z, t, n = _logits_and_targets(logits, y_true)
    return float(-np.sum(t * log_softmax(z)) / n)


def cross_entropy_from_logits_grad(logits: ArrayLike, y_true: ArrayLike) -> np.ndarray:
    """Gradient of :func:`cross_entropy_from_logits` w.r.t. ``logits``: ``(softmax − t) / N``.

    The ``1/y`` of the log and the Jacobian of softmax cancel, leaving the
    famous ``y − t`` (chapter 06).

    Returns
    -------
    ndarray, same shape as ``logits``

    Examples
    --------
    >>> cross_entropy_from_logits_grad([0.0, 0.0], 1)
    array([ 0.5, -0.5])
    """
    z, t, n = _logits_and_targets(logits, y_true)
    return (softmax(z) - t) / n


# --- information theory -------------------------------------------------------


def _distribution(p: ArrayLike, name: str) -> np.ndarray:
    arr = as_float_array(p, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one distribution of shape (K,), got shape {arr.shape}")
    check_probabilities(arr, name, must_sum_to_one=True)
    return arr


def entropy(p: ArrayLike) -> float:
    """Entropy (エントロピー) ``H(p) = −Σ p log p`` in nats, with ``0 · log 0 = 0``.

    Parameters
    ----------
    p : array_like, shape (K,)
        A probability distribution (entries in [0, 1] summing to 1).

    Returns
    -------
    float

    Examples
    --------
    >>> entropy([0.5, 0.5])  # log 2
    0.6931471805599453
    """
    arr = _distribution(p, "p")
    # The limit of p log p as p → 0 is 0; np.log(0) would give 0 · (−inf) = nan.
    safe = np.where(arr > 0, arr, 1.0)
    return float(-np.sum(np.where(arr > 0, arr * np.log(safe), 0.0)))


def kl_divergence(p: ArrayLike, q: ArrayLike) -> float:
    """Kullback–Leibler divergence (KLダイバージェンス) ``KL(p‖q) = Σ p log(p / q)``.

    Zero exactly when ``p = q``, never negative, not symmetric.  Terms with
    ``p = 0`` count 0; a class with ``q = 0`` but ``p > 0`` makes it ``inf``.

    Parameters
    ----------
    p : array_like, shape (K,)
        The true distribution.
    q : array_like, shape (K,)
        The model's distribution.

    Returns
    -------
    float

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.8, 0.2])
    0.22314355131420976
    """
    pa = _distribution(p, "p")
    qa = _distribution(q, "q")
    check_same_shape(pa, qa, "p", "q")
    with np.errstate(divide="ignore"):  # q = 0 under p > 0 is a true inf
        ratio = np.where(pa > 0, pa / np.where(pa > 0, qa, 1.0), 1.0)
        return float(np.sum(np.where(pa > 0, pa * np.log(ratio), 0.0)))


def cross_entropy_dist(p: ArrayLike, q: ArrayLike) -> float:
    """Cross-entropy between distributions, ``H(p, q) = −Σ p log q = H(p) + KL(p‖q)``.

    Parameters
    ----------
    p : array_like, shape (K,)
        The true distribution (seed 000's ``p(x)``).
    q : array_like, shape (K,)
        The model's distribution (seed 000's ``q(x)``).

    Returns
    -------
    float

    Examples
    --------
    >>> round(cross_entropy_dist([0.5, 0.5], [0.8, 0.2]), 6)  # 0.693147 + 0.223144
    0.916291
    """
    pa = _distribution(p, "p")
    qa = _distribution(q, "q")
    check_same_shape(pa, qa, "p", "q")
    with np.errstate(divide="ignore"):
        return float(-np.sum(np.where(pa > 0, pa * np.log(np.where(pa > 0, qa, 1.0)), 0.0)))


# --- class imbalance and label noise -------------------------------------------


def weighted_cross_entropy(
    y_pred: ArrayLike, y_true: ArrayLike, class_weights: ArrayLike, delta: float = DELTA
) -> float:
    """Cross-entropy with a weight per class: ``Σ_n w_{c_n} ℓ_n / Σ_n w_{c_n}``.

    Each sample's loss ``ℓ_n = −log(y_n[c_n] + delta)`` is weighted by the
    weight of its true class ``c_n``; dividing by the total weight (as
    PyTorch and scikit-learn do) keeps the scale of the unweighted loss, which
    it equals when all weights are 1.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predicted probabilities.
    y_true : array_like
        One-hot ``(N, K)`` or labels ``(N,)``.
    class_weights : array_like, shape (K,)
        Non-negative weight per class (e.g. from :func:`class_weights_balanced`).
    delta : float, default :data:`DELTA`

    Returns
    -------
    float

    Examples
    --------
    With equal weights it is the plain mean, (log 2 + log 10) / 2:

    >>> weighted_cross_entropy([[0.5, 0.5], [0.9, 0.1]], [0, 1], [1.0, 1.0], delta=0)
    1.4978661367769954
    """
    d = check_delta(delta)
    y, t, is_labels = _probs_and_targets(y_pred, y_true)
    w = as_float_array(class_weights, "class_weights")
    if w.shape != (y.shape[-1],):
        raise ValueError(f"class_weights must have one weight per class, shape ({y.shape[-1]},), got shape {w.shape}")
    if w.min() < 0:
        raise ValueError(f"class_weights must be >= 0, got {w.min():g}")
    target = _one_hot_like(y, t) if is_labels else t
    target = np.atleast_2d(target)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_sample = -np.sum(target * np.log(np.atleast_2d(y) + d), axis=-1)
    sample_w = target @ w
    total = np.sum(sample_w)
    if total <= 0:
        raise ValueError("class_weights give every sample in y_true a weight of 0")
    return float(np.sum(sample_w * per_sample) / total)


def class_weights_balanced(labels: ArrayLike, n_classes: int) -> np.ndarray:
    """Class weights ``N / (K · count_k)``: rare classes weigh more.

    The same rule as scikit-learn's ``compute_class_weight("balanced")``;
    every class then contributes the same total weight.

    Parameters
    ----------
    labels : array_like of int, shape (N,)
        Training labels.
    n_classes : int
        ``K``.

    Returns
    -------
    ndarray of float64, shape (K,)

    Raises
    ------
    ValueError
        If a class has no sample (its weight would be infinite).

    Examples
    --------
    >>> class_weights_balanced([0, 0, 0, 1], 2)
    array([0.66666667, 2.        ])
    """
    k = check_positive(n_classes, "n_classes", integer=True)
    lab = np.atleast_1d(as_labels(labels, "labels", n_classes=k, classes_from="n_classes"))
    counts = np.bincount(lab, minlength=k)
    missing = np.flatnonzero(counts == 0)
    if missing.size:
        raise ValueError(f"labels has no sample of class {int(missing[0])}; its balanced weight would be infinite")
    return lab.size / (k * counts)


def smooth_labels(y_true: ArrayLike, alpha: float, n_classes: int | None = None) -> np.ndarray:
    """Label smoothing (ラベル平滑化): ``(1 − α) · t + α / K``.

    The target no longer asks for probability exactly 1, which makes the model
    less over-confident and less hurt by wrong labels.

    Parameters
    ----------
    y_true : array_like
        One-hot targets ``(K,)`` / ``(N, K)`` when ``n_classes`` is None, or
        integer labels ``()`` / ``(N,)`` when ``n_classes`` is given.
    alpha : float
        Smoothing amount in [0, 1] (α; not the ε inside the log).
    n_classes : int, optional
        ``K``, needed only for integer labels.

    Returns
    -------
    ndarray of float64, shape (K,) or (N, K)
        Each row still sums to 1.

    Examples
    --------
    >>> smooth_labels([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 0.1)[:3]
    array([0.01, 0.01, 0.91])
    """
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float, np.integer, np.floating)):
        raise TypeError(f"alpha must be a number in [0, 1], got {alpha!r}")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], got {alpha!r}")
    if n_classes is None:
        t = as_float_array(y_true, "y_true")
        check_probabilities(t, "y_true", must_sum_to_one=True)
    else:
        k = check_positive(n_classes, "n_classes", integer=True)
        t = np.eye(k)[as_labels(y_true, "y_true", n_classes=k, classes_from="n_classes")]
    return (1.0 - alpha) * t + alpha / t.shape[-1]
