"""Chapter 05 exercises: gradient descent, numerical derivatives, mini-batches."""

import math

from helpers.checks import Exercise
from helpers.explorers.ch05 import descend_1d
from helpers.numdiff import numerical_diff

EXERCISES = {
    "05.1": Exercise(
        "05.1",
        expected=lambda: float(descend_1d(0.1, 3, -2.0)[-1]),
        hint="The slope of (w − 2)² is 2(w − 2). Repeat w = w − 0.1 · 2(w − 2) three times, starting from w = −2; "
        "each step should bring w closer to 2.",
        success="Each step removes 20 % of the distance to the minimum: 4 → 3.2 → 2.56 → 2.048.",
    ),
    "05.2": Exercise(
        "05.2",
        expected=numerical_diff,
        kind="function",
        cases=[
            (lambda x: 0.01 * x**2 + 0.1 * x, 5.0),
            (lambda x: 0.01 * x**2 + 0.1 * x, 10.0),
            (math.sin, 1.0),
            (math.exp, 0.0),
        ],
        rtol=1e-9,
        hint="Evaluate f one step h = 1e-4 to the right and one step to the left of x, subtract, "
        "and divide by the distance between the two points, 2h.",
    ),
    "05.3": Exercise(
        "05.3",
        expected=lambda: 0.05 / 128,
        hint="The summed gradient is 128 times the mean gradient, so the step η · gradient is 128 times larger "
        "unless η shrinks by the same factor.",
    ),
}

__all__ = ["EXERCISES"]
