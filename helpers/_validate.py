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
    "check_index",
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
    raw = _numeric_array(value, name, allow_empty=allow_empty)
    if raw.dtype.kind == "f" and raw.dtype.itemsize > 8 and raw.size:
        # long double (float96/float128) can hold 1e400; casting it would warn "overflow" and give inf
        biggest = np.abs(raw).max()
        if biggest > np.finfo(np.float64).max:
            shown = np.format_float_scientific(biggest, precision=3, trim="-")
            raise ValueError(
                f"{name} holds {shown}, beyond float64's range (largest {np.finfo(np.float64).max:.4g}); "
                "rescale it before passing it in"
            )
    dtype = np.float32 if keep_float32 and raw.dtype == np.float32 else np.float64
    return np.array(raw, dtype=dtype)  # always a copy


def _numeric_array(value: Any, name: str, *, allow_empty: bool = False) -> np.ndarray:
    """``value`` as an ndarray of real numbers, all finite (not yet converted, maybe not a copy)."""
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
    if raw.dtype.kind == "f" and not np.all(np.isfinite(raw)):
        bad = "NaN" if np.isnan(raw).any() else "inf"
        raise ValueError(f"{name} must be finite, got {bad} in {_describe(value)}")
    return raw


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} has shape {a.shape} but {name_b} has shape {b.shape}; they must match")


def check_probabilities(p: np.ndarray, name: str, *, must_sum_to_one: bool = False, atol: float = 1e-6) -> None:
    """Raise ``ValueError`` unless every entry of ``p`` lies in [0, 1].

    With ``must_sum_to_one`` the last axis must also sum to 1 within ``atol``:
    ``|sum − 1| <= atol``, nothing relative added.
    """
    if p.min() < 0.0 or p.max() > 1.0:
        raise ValueError(f"{name} must hold probabilities in [0, 1], got values from {p.min():g} to {p.max():g}")
    if must_sum_to_one:
        sums = p.sum(axis=-1)
        off = np.abs(np.ravel(sums) - 1.0)
        if not np.all(off <= atol):  # atol alone: np.allclose would add rtol 1e-5 and allow 1.1e-5
            worst = float(np.ravel(sums)[np.argmax(off)])
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
    raw = _numeric_array(value, name)
    if raw.ndim > 1:
        raise ValueError(f"{name} as class labels must have shape () or (N,), got shape {raw.shape}")
    flat = np.ravel(raw)
    if raw.dtype.kind == "f":
        fractional = np.flatnonzero(flat != np.round(flat))
        if fractional.size:
            i = int(fractional[0])
            raise ValueError(f"{name} must hold integer class labels, got {flat[i]:g} at position {i}")
    negative = np.flatnonzero(flat < 0)
    if negative.size:
        i = int(negative[0])
        raise ValueError(f"{name} must hold class labels 0, 1, 2, ..., got {_label(flat[i])} at position {i}")
    # The range check comes before the int64 conversion: 1e20 or a uint64 2**63 would overflow it.
    limit = _INT64_END if n_classes is None else min(n_classes, _INT64_END)
    too_big = np.flatnonzero(flat >= limit)
    if too_big.size:
        i = int(too_big[0])
        if n_classes is None:
            raise ValueError(f"{name} has label {_label(flat[i])} at position {i}, too large to be a class index")
        raise ValueError(
            f"{name} has label {_label(flat[i])} at position {i} but {classes_from} "
            f"has only {n_classes} classes (0..{n_classes - 1})"
        )
    return raw.astype(np.int64)  # a copy, every value now known to fit


_INT64_END = 2**63  # first integer int64 cannot hold


def _label(value: np.generic) -> str:
    """A label for an error message: exact for integers, ``1e+20`` style for floats."""
    return f"{value:g}" if isinstance(value, np.floating) else str(int(value))


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


def check_index(value: Any, name: str, size: int) -> int:
    """Return ``value`` as an int, raising unless it is a whole number in ``0 .. size - 1``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a class index (an int from 0 to {size - 1}), got {value!r}")
    if not 0 <= value < size:
        raise ValueError(f"{name} must be a class index from 0 to {size - 1}, got {value!r}")
    return int(value)
