"""Input checks shared by every public helper.

Each check raises an error that names the argument, says what was expected and
shows what came, so a learner can fix the call without reading our source.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "as_float_array",
    "as_labels",
    "check_delta",
    "check_positive",
    "check_probabilities",
    "check_same_shape",
]


def _describe(value: Any) -> str:
    """Short, readable description of a value for an error message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_float_array(value: Any, name: str, *, allow_empty: bool = False, keep_float32: bool = False) -> np.ndarray:
    """Convert ``value`` (list, tuple, scalar or array) to a new float64 array.

    Parameters
    ----------
    value : array_like
        Numbers in any nesting of lists or an ndarray.
    name : str
        The argument's name, used in error messages.
    allow_empty : bool, default False
        Whether an array with no elements is acceptable.
    keep_float32 : bool, default False
        Return float32 input as float32 (for the softmax family, where the
        course compares float32 with float64); everything else becomes float64.

    Returns
    -------
    ndarray of float64 (or float32, see ``keep_float32``)
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
            f"{name} must be a rectangular array of numbers, got {_describe(value)} (ragged rows or non-numeric items)"
        )
    if raw.dtype.kind == "b":
        raise TypeError(f"{name} must be numbers, got booleans {_describe(value)}; use 0/1 instead")
    if raw.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be numbers, got dtype {raw.dtype} in {_describe(value)}")
    if raw.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty, got an array of shape {raw.shape}")
    dtype = np.float32 if keep_float32 and raw.dtype == np.float32 else np.float64
    arr = np.array(raw, dtype=dtype)  # always a copy
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
        raise ValueError(f"{name} must hold probabilities in [0, 1], got values from {p.min():g} to {p.max():g}")
    if must_sum_to_one:
        sums = p.sum(axis=-1)
        if not np.allclose(sums, 1.0, atol=atol):
            worst = float(np.ravel(sums)[np.argmax(np.abs(np.ravel(sums) - 1.0))])
            raise ValueError(f"{name} must sum to 1 along its last axis, got a sum of {worst:g}")


def as_labels(value: Any, name: str, *, n_classes: int | None = None, classes_from: str = "y_pred") -> np.ndarray:
    """Convert integer class labels to a new int64 array, checking their range.

    Parameters
    ----------
    value : array_like of int, shape () or (N,)
        Class indices ``0 .. K−1``.  Floats are accepted only when they hold
        whole numbers (``2.0``), so ``np.argmax`` output and hand-typed lists work.
    name : str
        The argument's name, used in error messages.
    n_classes : int, optional
        ``K``; when given, every label must be below it.
    classes_from : str, default "y_pred"
        Which argument ``K`` came from, for the error message.

    Returns
    -------
    ndarray of int64

    Raises
    ------
    TypeError
        If ``value`` holds strings, objects or booleans.
    ValueError
        If a label is negative, not a whole number, or ``>= n_classes``.

    Examples
    --------
    >>> as_labels([2, 0, 1], "y_true", n_classes=3)
    array([2, 0, 1])
    """
    arr = as_float_array(value, name)
    if arr.ndim > 1:
        raise ValueError(f"{name} as class labels must have shape () or (N,), got shape {arr.shape}")
    flat = np.ravel(arr)
    fractional = np.flatnonzero(flat != np.round(flat))
    if fractional.size:
        i = int(fractional[0])
        raise ValueError(f"{name} must hold integer class labels, got {flat[i]:g} at position {i}")
    negative = np.flatnonzero(flat < 0)
    if negative.size:
        i = int(negative[0])
        raise ValueError(f"{name} must hold class labels 0, 1, 2, ..., got {flat[i]:g} at position {i}")
    labels = arr.astype(np.int64)
    if n_classes is not None:
        too_big = np.flatnonzero(np.ravel(labels) >= n_classes)
        if too_big.size:
            i = int(too_big[0])
            raise ValueError(
                f"{name} has label {int(np.ravel(labels)[i])} at position {i} but {classes_from} "
                f"has only {n_classes} classes (0..{n_classes - 1})"
            )
    return labels


def check_delta(delta: Any) -> float:
    """Return ``delta`` as a float, raising unless it is a finite number ``>= 0``.

    ``delta = 0`` is allowed on purpose: chapter 03 shows what goes wrong
    without it.
    """
    if isinstance(delta, bool) or not isinstance(delta, (int, float, np.integer, np.floating)):
        raise TypeError(f"delta must be a small non-negative number such as 1e-7, got {delta!r}")
    if not np.isfinite(delta) or delta < 0:
        raise ValueError(f"delta must be a finite number >= 0 such as 1e-7, got {delta!r}")
    return float(delta)


def check_positive(value: Any, name: str, *, integer: bool = False) -> float | int:
    """Return ``value`` unchanged in type, raising unless it is a positive finite number.

    With ``integer=True`` it must also be a whole number (``int`` or numpy integer).
    """
    kinds: tuple[type, ...] = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    what = "a positive integer" if integer else "a positive number"
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be {what}, got {value!r}")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return int(value) if integer else float(value)
