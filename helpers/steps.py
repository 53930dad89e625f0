"""Step-by-step views: the intermediate values the source articles print.

Each function returns a small record whose ``str()`` is the printout the
chapter shows, so a notebook writes ``print(squared_error_steps(y, t))`` and a
test can check each field on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import check_delta
from helpers.i18n import tr
from helpers.losses import DELTA, _one_hot_like, _pair, _probs_and_targets

__all__ = [
    "SquaredErrorSteps",
    "squared_error_steps",
    "CrossEntropySteps",
    "cross_entropy_steps",
]


@dataclass(frozen=True)
class SquaredErrorSteps:
    """The stages of the squared-error family for one prediction/target pair.

    Attributes
    ----------
    diff : ndarray
        ``y − t`` (差分).
    squared : ndarray
        ``(y − t)²`` (二乗した差分).
    sse : float
        ``Σ (y − t)²`` — sum of squared errors (2乗和誤差).
    half_sse : float
        ``½ Σ (y − t)²`` — the book's convention.
    mse : float
        ``Σ (y − t)² / n`` — mean squared error (平均二乗誤差).
    """

    diff: np.ndarray
    squared: np.ndarray
    sse: float
    half_sse: float
    mse: float

    def __str__(self) -> str:
        return tr(
            f"Step 1  differences y - t      (差分):          {self.diff}\n"
            f"Step 2  squared (y - t)**2     (二乗した差分):  {self.squared}\n"
            f"Step 3  sum     SSE            (2乗和誤差):     {self.sse!r}\n"
            f"Step 4  mean    SSE / n = MSE  (平均二乗誤差):  {self.mse!r}",
            f"ステップ1  差分 y - t:                        {self.diff}\n"
            f"ステップ2  差分の二乗 (y - t)**2:             {self.squared}\n"
            f"ステップ3  合計 SSE（2乗和誤差）:             {self.sse!r}\n"
            f"ステップ4  平均 SSE / n = MSE（平均二乗誤差）: {self.mse!r}",
        )


def squared_error_steps(y_pred: ArrayLike, y_true: ArrayLike) -> SquaredErrorSteps:
    """Compute the squared-error stages the way seed 000 prints them.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predictions ``y``.
    y_true : array_like, same shape
        Targets ``t``.

    Returns
    -------
    SquaredErrorSteps
        ``print()`` it to see the steps; its numbers equal
        :func:`helpers.losses.sum_squared_error`, ``half_sum_squared_error``
        and ``mean_squared_error``.

    Examples
    --------
    >>> s = squared_error_steps([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    ...                         [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    >>> s.mse
    0.019500000000000007
    """
    yp, yt = _pair(y_pred, y_true)
    diff = yp - yt
    squared = diff**2
    total = np.sum(squared)
    return SquaredErrorSteps(
        diff=diff,
        squared=squared,
        sse=float(total),
        half_sse=float(0.5 * total),
        mse=float(total / yp.size),
    )


@dataclass(frozen=True)
class CrossEntropySteps:
    """The stages of the book's cross-entropy for one prediction/target pair.

    Attributes
    ----------
    t_log_y : ndarray
        Step 1, ``t * np.log(y + delta)``: zero (printed ``-0.``) except at the
        correct class.
    neg_sum : float
        Step 2, ``-np.sum(step1)``.
    loss : float
        The final loss: ``neg_sum``, divided by ``N`` for a batch; equal to
        :func:`helpers.losses.cross_entropy`.
    """

    t_log_y: np.ndarray
    neg_sum: float
    loss: float

    def __str__(self) -> str:
        return tr(
            f"Step 1: t * np.log(y + delta):\n {self.t_log_y}\n"
            f"Step 2: -np.sum(step1):\n {self.neg_sum!r}\n"
            f"Final Loss:\n {self.loss!r}",
            f"ステップ1: t * np.log(y + delta):\n {self.t_log_y}\n"
            f"ステップ2: -np.sum(step1):\n {self.neg_sum!r}\n"
            f"最終的な損失:\n {self.loss!r}",
        )


def cross_entropy_steps(y_pred: ArrayLike, y_true: ArrayLike, delta: float = DELTA) -> CrossEntropySteps:
    """Compute the cross-entropy stages the way seed 000 prints them.

    Parameters
    ----------
    y_pred : array_like, shape (K,) or (N, K)
        Predicted probabilities ``y`` in [0, 1].
    y_true : array_like
        One-hot ``t`` of the same shape, or integer labels (turned into one-hot
        so that Step 1 shows the whole array).
    delta : float, default 1e-7

    Returns
    -------
    CrossEntropySteps
        ``print()`` it to see the steps.

    Examples
    --------
    >>> s = cross_entropy_steps([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
    ...                         [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    >>> s.neg_sum
    0.510825457099338
    >>> float(s.t_log_y[2].round(8))
    -0.51082546
    """
    d = check_delta(delta)
    y, t, is_labels = _probs_and_targets(y_pred, y_true)
    target = _one_hot_like(y, t) if is_labels else t
    with np.errstate(divide="ignore", invalid="ignore"):  # delta=0 shows nan on purpose
        step1 = target * np.log(y + d)
    step2 = -np.sum(step1)
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return CrossEntropySteps(
        t_log_y=step1,
        neg_sum=float(step2),
        loss=float(step2 / batch_size) if y.ndim == 2 else float(step2),
    )
