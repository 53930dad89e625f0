"""Chapter 05 exercises: gradient descent, numerical derivatives, mini-batches."""

import math

import numpy as np

from helpers.checks import Exercise
from helpers.explorers.ch05 import descend_1d
from helpers.numdiff import numerical_gradient


def _bowl(w) -> float:
    """The elongated bowl of chapter 05, section 5."""
    return w[0] ** 2 / 20 + w[1] ** 2


def _forward_gradient(f, w, h: float = 1e-4) -> np.ndarray:
    point = np.asarray(w, dtype=float)
    return np.array([(f(point + h * e) - f(point)) / h for e in np.eye(len(point))])


EXERCISES = {
    "05.1": Exercise(
        "05.1",
        expected=lambda: float(descend_1d(0.1, 3, -2.0)[-1]),
        hint="The slope of (w − 2)² is 2(w − 2). Repeat w = w − 0.1 · 2(w − 2) three times, starting from w = −2; "
        "each step should bring w closer to 2.",
        success="Each step removes 20 % of the distance to the minimum: 4 → 3.2 → 2.56 → 2.048.",
        slips=(
            (lambda: float(descend_1d(0.1, 2, -2.0)[-1]), "That is w after two steps; take three."),
            (lambda: float(descend_1d(0.1, 4, -2.0)[-1]), "That is w after four steps; take three."),
            (
                lambda: -2.0 - 3 * 0.1 * 2 * (-2.0 - 2),
                "You used the slope at the start for every step. Recompute the "
                "slope 2(w − 2) at the new w before each step.",
            ),
        ),
    ),
    "05.2": Exercise(
        "05.2",
        expected=numerical_gradient,
        kind="function",
        cases=[
            (_bowl, [-7.0, 2.0]),
            (lambda w: w[0] * w[1], [1.0, 2.0]),
            (lambda w: math.sin(w[0]) + math.exp(w[1]), [0.5, 0.0]),
            (lambda w: (w[0] - 2.0) ** 2 + 3.0 * w[1], [2.0, -1.0]),
        ],
        rtol=1e-6,
        atol=1e-9,
        hint="For each weight i: copy w, add h = 1e-4 to weight i only, evaluate f; subtract h from weight i only, "
        "evaluate f; divide the difference by 2h. Return both results as an array.",
        slips=(
            (
                lambda f, w: _forward_gradient(f, w),
                "That is the forward difference (f(w + h) − f(w)) / h. Use the "
                "central difference: one step to each side, divided by 2h.",
            ),
            (
                lambda f, w: np.full(2, (f(np.asarray(w) + 1e-4) - f(np.asarray(w) - 1e-4)) / 2e-4),
                "You moved both weights at once. A partial derivative moves one weight and keeps the other fixed.",
            ),
        ),
    ),
    "05.3": Exercise(
        "05.3",
        expected=lambda: 0.05 / 128,
        hint="The summed gradient is 128 times the mean gradient, so the step η · gradient is 128 times larger "
        "unless η shrinks by the same factor.",
        slips=(
            (
                lambda: 0.05 * 128,
                "The other way round: the summed gradient is already 128 times larger, so η must be "
                "128 times *smaller*.",
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
