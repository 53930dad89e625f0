"""Chapter 02 exercises: squared errors and MSE."""

import numpy as np

from helpers.checks import Exercise
from helpers.losses import half_sum_squared_error, mean_absolute_error, mean_squared_error

T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_WRONG = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]  # swim-lover's sample 2
OUTLIERS = [1.0, 1.0, 1.0, 5.0]


def _batch_half_sse(Y, T) -> float:
    """The mean over rows of each row's ½·SSE."""
    return float(np.mean([half_sum_squared_error(y, t) for y, t in zip(np.asarray(Y), np.asarray(T), strict=True)]))


EXERCISES = {
    "02.1": Exercise(
        "02.1",
        expected=lambda: mean_squared_error(Y_WRONG, T),
        hint="MSE divides the sum of squared differences by the number of elements (10), "
        "not by 2. Compare with half_sum_squared_error, which multiplies by 0.5.",
        success="Note how different it is from the ½·SSE the book prints for the same vectors.",
        slips=(
            (
                lambda: half_sum_squared_error(Y_WRONG, T),
                "That is ½·SSE, the book's form. MSE divides the sum of "
                "squared differences by the number of elements, 10.",
            ),
        ),
    ),
    "02.2": Exercise(
        "02.2",
        expected=_batch_half_sse,
        kind="function",
        cases=[
            ([[0.1, 0.9], [0.6, 0.4]], [[0, 1], [0, 1]]),
            ([[1.0, 2.0, 3.0]], [[1.5, 2.0, 2.0]]),
            ([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.6, 0.2, 0.2]], [[0, 0, 1], [0, 0, 1], [1, 0, 0]]),
        ],
        hint="Square the differences Y - T, add them along each row (np.sum(..., axis=1)), multiply by 0.5, then "
        "take the mean of those N row losses. Convert lists with np.asarray first.",
        slips=(
            (
                lambda Y, T: float(np.mean((np.asarray(Y) - np.asarray(T)) ** 2)),
                "You divided by N × K, the number "
                "of all elements (PyTorch's MSELoss). Average the per-row ½·SSE over the N rows only.",
            ),
            (lambda Y, T: 2 * _batch_half_sse(Y, T), "Your result is twice the expected one: the ½ is missing."),
            (
                lambda Y, T: len(Y) * _batch_half_sse(Y, T),
                "You added the row losses but did not divide by N, the number of rows.",
            ),
        ),
    ),
    "02.3": Exercise(
        "02.3",
        expected=lambda: mean_squared_error([1.0] * 4, OUTLIERS) / mean_absolute_error([1.0] * 4, OUTLIERS),
        hint="Compute MSE and MAE of the prediction 1.0 against [1, 1, 1, 5] separately, then divide. "
        "Only one residual is non-zero.",
        slips=(
            (
                lambda: mean_absolute_error([1.0] * 4, OUTLIERS) / mean_squared_error([1.0] * 4, OUTLIERS),
                "You divided MAE by MSE: the question asks how many times MSE is larger, MSE / MAE.",
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
