"""Numerical differentiation: the slow, obviously-correct check on every gradient.

A derivative is the slope over a vanishingly small step.  We cannot take the
step to zero on a computer (rounding error grows as ``h`` shrinks), so we take
``h = 1e-4`` and use the *central* difference ``(f(x + h) − f(x − h)) / 2h``,
whose error shrinks like ``h²`` instead of ``h`` (chapter 05).  Backpropagation
(chapter 06) is then checked against these numbers with :func:`gradient_check`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, check_positive

__all__ = ["numerical_diff", "numerical_gradient", "gradient_check"]


def _check_callable(f: object) -> None:
    if not callable(f):
        raise TypeError(f"f must be a function of x, got {type(f).__name__} {f!r:.40}")


def numerical_diff(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """Central-difference derivative ``(f(x + h) − f(x − h)) / (2h)`` (数値微分).

    Parameters
    ----------
    f : callable
        A function of one number returning one number.
    x : float
        Where to take the derivative.
    h : float, default 1e-4
        The step; the book's choice balances truncation and rounding error.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` / ``h`` are not numbers.
    ValueError
        If ``x`` is not finite or ``h`` is not positive.

    Examples
    --------
    The book's function ``0.01x² + 0.1x`` at ``x = 5`` (exact slope 0.2):

    >>> numerical_diff(lambda x: 0.01 * x**2 + 0.1 * x, 5)
    0.1999999999990898
    """
    _check_callable(f)
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise TypeError(f"x must be a number, got {x!r}")
    if not np.isfinite(x):
        raise ValueError(f"x must be finite, got {x!r}")
    step = check_positive(h, "h")
    return float((f(x + step) - f(x - step)) / (2 * step))


def numerical_gradient(f: Callable[[np.ndarray], float], x: ArrayLike, h: float = 1e-4) -> np.ndarray:
    """Central-difference gradient of a scalar function of an array.

    Each element of a private copy of ``x`` is moved by ``+h`` and ``−h`` in
    turn (and put back) while the others stay fixed, so this costs ``2·x.size``
    calls of ``f``.  The caller's ``x`` is never touched.

    Parameters
    ----------
    f : callable
        ``f(x) -> float`` for an array ``x`` of the shape given.
    x : array_like, any shape
        The point.
    h : float, default 1e-4

    Returns
    -------
    ndarray of float64, same shape as ``x``

    Examples
    --------
    >>> numerical_gradient(lambda v: float(np.sum(v**2)), [3.0, 4.0]).round(6)
    array([6., 8.])
    """
    _check_callable(f)
    point = as_float_array(x, "x")  # a copy: we perturb it, never the caller's array
    step = check_positive(h, "h")
    grad = np.zeros_like(point)
    flat, gflat = point.reshape(-1), grad.reshape(-1)  # views into point / grad
    for i in range(flat.size):
        original = flat[i]
        flat[i] = original + step
        f_plus = f(point)
        flat[i] = original - step
        f_minus = f(point)
        flat[i] = original  # restore before moving to the next element
        gflat[i] = (f_plus - f_minus) / (2 * step)
    return grad


def gradient_check(analytic: ArrayLike, numeric: ArrayLike) -> float:
    """Relative error ``max|a − n| / max(|a| + |n|)`` between two gradients.

    Relative, so it means the same for tiny and huge gradients; below about
    ``1e-7`` (float64, ``h = 1e-4``) the analytic gradient is almost surely
    right, above ``1e-4`` almost surely wrong.

    Parameters
    ----------
    analytic : array_like
        The gradient from the formula / backpropagation.
    numeric : array_like, same shape
        The gradient from :func:`numerical_gradient`.

    Returns
    -------
    float
        0.0 when both are exactly zero.

    Examples
    --------
    >>> round(gradient_check([1.0, 2.0], [1.0, 2.000002]), 9)
    5e-07
    """
    a = as_float_array(analytic, "analytic")
    n = as_float_array(numeric, "numeric")
    if a.shape != n.shape:
        raise ValueError(f"analytic has shape {a.shape} but numeric has shape {n.shape}")
    # tiny floor: two zero gradients agree perfectly instead of giving 0/0.
    scale = max(float(np.max(np.abs(a) + np.abs(n))), np.finfo(np.float64).tiny)
    return float(np.max(np.abs(a - n)) / scale)
