"""Input checks shared by every public helper.

Each check raises an error that names the argument, says what was expected and
shows what came, so a learner can fix the call without reading our source.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["as_float_array", "check_same_shape", "check_probabilities"]


def _describe(value: Any) -> str:
    """Short, readable description of a value for an error message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_float_array(value: Any, name: str, *, allow_empty: bool = False) -> np.ndarray:
    """Convert ``value`` (list, tuple, scalar or array) to a new float64 array.

    Parameters
    ----------
    value : array_like
        Numbers in any nesting of lists or an ndarray.
    name : str
        The argument's name, used in error messages.
    allow_empty : bool, default False
        Whether an array with no elements is acceptable.

    Returns
    -------
    ndarray of float64
        A copy: the caller's object is never modified.

    Raises
    ------
    TypeError
        If ``value`` holds strings, objects or booleans.
    ValueError
        If ``value`` is ragged, empty (unless allowed), or contains NaN/inf.

    Examples
    --------
    >>> as_float_array([1, 2], "y_pred")
    array([1., 2.])
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers (a list or ndarray), got the string {_describe(value)}")
    try:
        raw = np.asarray(value)
    except ValueError as exc:  # numpy ≥ 1.24 refuses ragged nesting outright
        raise ValueError(
            f"{name} must be a rectangular array of numbers, got a ragged sequence {_describe(value)}"
        ) from exc
    if raw.dtype == object:
        raise ValueError(
            f"{name} must be a rectangular array of numbers, got {_describe(value)} "
            "(ragged rows or non-numeric items)"
        )
    if raw.dtype.kind == "b":
        raise TypeError(f"{name} must be numbers, got booleans {_describe(value)}; use 0/1 instead")
    if raw.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be numbers, got dtype {raw.dtype} in {_describe(value)}")
    if raw.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty, got an array of shape {raw.shape}")
    arr = np.array(raw, dtype=np.float64)  # always a copy
    if not np.all(np.isfinite(arr)):
        bad = "NaN" if np.isnan(arr).any() else "inf"
        raise ValueError(f"{name} must be finite, got {bad} in {_describe(value)}")
    return arr


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} has shape {a.shape} but {name_b} has shape {b.shape}; they must match")


def check_probabilities(p: np.ndarray, name: str, *, must_sum_to_one: bool = False, atol: float = 1e-6) -> None:
    """Raise ``ValueError`` unless every entry of ``p`` lies in [0, 1].

    With ``must_sum_to_one`` the last axis must also sum to 1 (within ``atol``).
    """
    if p.min() < 0.0 or p.max() > 1.0:
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got values from {p.min():g} to {p.max():g}"
        )
    if must_sum_to_one:
        sums = p.sum(axis=-1)
        if not np.allclose(sums, 1.0, atol=atol):
            worst = float(np.ravel(sums)[np.argmax(np.abs(np.ravel(sums) - 1.0))])
            raise ValueError(f"{name} must sum to 1 along its last axis, got a sum of {worst:g}")
