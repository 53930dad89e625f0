"""Central differences: the book's value, exactness on quadratics, no mutation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.numdiff import gradient_check, numerical_diff, numerical_gradient


def function_1(x):
    return 0.01 * x**2 + 0.1 * x


def test_book_value():
    assert numerical_diff(function_1, 5) == 0.1999999999990898
    assert numerical_diff(function_1, 10) == pytest.approx(0.3, abs=1e-10)


@pytest.mark.parametrize(("f", "x", "exact"), [(math.sin, 0.3, math.cos(0.3)), (math.exp, 1.0, math.e)])
def test_central_difference_error_is_order_h_squared(f, x, exact):
    assert abs(numerical_diff(f, x) - exact) < 1e-8


def test_gradient_of_quadratic_and_caller_array_untouched():
    x = np.array([[3.0, 4.0], [-1.0, 0.5]])
    saved = x.copy()
    seen = []

    def f(v):
        seen.append(v is x)
        return float(np.sum(v**2))

    g = numerical_gradient(f, x)
    np.testing.assert_allclose(g, 2 * saved, rtol=1e-9)
    np.testing.assert_array_equal(x, saved)
    assert not any(seen)  # f only ever saw our private copy


def test_gradient_accepts_lists():
    np.testing.assert_allclose(numerical_gradient(lambda v: float(v @ v), [1.0, 2.0]), [2.0, 4.0])


@pytest.mark.parametrize(
    ("a", "n", "expected"),
    [
        ([1.0, 2.0], [1.0, 2.0], 0.0),
        ([0.0, 0.0], [0.0, 0.0], 0.0),
        ([1.0], [-1.0], 1.0),
        ([2.0, 0.0], [1.0, 0.0], 1 / 3),
    ],
)
def test_gradient_check_values(a, n, expected):
    assert gradient_check(a, n) == pytest.approx(expected, rel=1e-15)
