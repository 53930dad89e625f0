"""Chapter 01 exercises: score a line, write the report card, and see accuracy stand still."""

import numpy as np

from helpers.checks import Exercise
from helpers.data import toy_regression
from helpers.explorers.ch01 import accuracy, line_losses, threshold_data
from helpers.losses import sum_squared_error


def _true_line_mse() -> float:
    x, y = toy_regression()
    return line_losses(2.0, 1.0, x, y)[1]


def _sse_of_line(w, b, x, y) -> float:
    return sum_squared_error(w * np.asarray(x, dtype=float) + b, y)


def _accuracy_change() -> float:
    x, labels = threshold_data()
    return accuracy(0.35, x, labels) - accuracy(0.30, x, labels)


EXERCISES = {
    "01.1": Exercise(
        "01.1",
        expected=_true_line_mse,
        hint="Predict y_hat = 2 * x + 1 for every x, then take the mean of (y_hat - y)**2 (np.mean, not np.sum).",
        success="It is a little *higher* than the least-squares MSE 0.483421: on these 20 points, least squares "
        "beats even the line the data was generated from, because it fits this sample's noise too.",
    ),
    "01.2": Exercise(
        "01.2",
        expected=_sse_of_line,
        kind="function",
        cases=[
            (1.5, 2.0, [0.0, 1.0, 2.0], [2.0, 3.0, 5.5]),
            (2.0, 1.0, [0.5, 1.5], [2.0, 4.0]),
            (0.0, 0.0, [1.0, 2.0, 3.0, 4.0], [1.0, -1.0, 2.0, 0.0]),
        ],
        hint="Compute the predictions w * x + b (turn lists into arrays with np.asarray), subtract y, "
        "square, and add everything up — a sum, not a mean.",
    ),
    "01.3": Exercise(
        "01.3",
        expected=_accuracy_change,
        hint="Call accuracy(theta, x_cls, labels) for theta = 0.35 and theta = 0.30 and subtract. "
        "Look at the sorted x_cls: does any point lie between 0.30 and 0.35?",
        success="Zero: no point lies between the two thresholds, so accuracy cannot tell them apart — "
        "and a gradient of zero gives gradient descent nothing to follow.",
    ),
}

__all__ = ["EXERCISES"]
