"""Small tools for moving one predicted probability while keeping a valid distribution."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, check_probabilities

__all__ = ["set_probability"]


def set_probability(y_pred: ArrayLike, index: int, p: float) -> np.ndarray:
    """Return a copy of ``y_pred`` with class ``index`` set to ``p``, the others renormalised.

    The other classes keep their proportions and are scaled so that the whole
    vector still sums to 1 — what happens when a network grows more (or less)
    sure of one class.

    Parameters
    ----------
    y_pred : array_like, shape (K,)
        A probability vector (entries in [0, 1], summing to 1).
    index : int
        The class to move, ``0 <= index < K``.
    p : float
        Its new probability, in [0, 1].

    Returns
    -------
    ndarray, shape (K,)

    Examples
    --------
    >>> set_probability([0.2, 0.3, 0.5], 2, 0.8)
    array([0.08, 0.12, 0.8 ])
    """
    y = as_float_array(y_pred, "y_pred")
    if y.ndim != 1:
        raise ValueError(f"y_pred must be one probability vector of shape (K,), got shape {y.shape}")
    check_probabilities(y, "y_pred", must_sum_to_one=True)
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
        raise TypeError(f"index must be an integer class number, got {index!r}")
    if not 0 <= index < y.size:
        raise ValueError(f"index must be in 0..{y.size - 1}, got {index}")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)):
        raise TypeError(f"p must be a number in [0, 1], got {p!r}")
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a probability in [0, 1], got {p!r}")
    others = np.ones(y.size, dtype=bool)
    others[index] = False
    rest = y[others].sum()
    out = y.copy()
    if rest > 0:
        out[others] = y[others] * ((1.0 - p) / rest)
    else:  # all mass was on `index`: share what is left equally
        out[others] = (1.0 - p) / (y.size - 1)
    out[index] = p
    return out
