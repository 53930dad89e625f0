"""Chapter 02 exercises: squared errors and MSE."""

from helpers.checks import Exercise
from helpers.losses import mean_absolute_error, mean_squared_error, sum_squared_error

T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_WRONG = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]  # seed 004, sample 2
OUTLIERS = [1.0, 1.0, 1.0, 5.0]

EXERCISES = {
    "02.1": Exercise(
        "02.1",
        expected=lambda: mean_squared_error(Y_WRONG, T),
        hint="MSE divides the sum of squared differences by the number of elements (10), "
        "not by 2. Compare with half_sum_squared_error, which multiplies by 0.5.",
        success="Note how different it is from the ½·SSE the book prints for the same vectors.",
    ),
    "02.2": Exercise(
        "02.2",
        expected=sum_squared_error,
        kind="function",
        cases=[
            ([0.1, 0.9], [0, 1]),
            ([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]),
            ([[1.0, 2.0], [3.0, 4.0]], [[0, 0], [0, 0]]),
        ],
        hint="Square the differences y_pred - y_true element by element, then add them all up "
        "(np.sum works for 1-D and 2-D arrays alike). Convert lists with np.asarray first.",
    ),
    "02.3": Exercise(
        "02.3",
        expected=lambda: mean_squared_error([1.0] * 4, OUTLIERS) / mean_absolute_error([1.0] * 4, OUTLIERS),
        hint="Compute MSE and MAE of the prediction 1.0 against [1, 1, 1, 5] separately, then divide. "
        "Only one residual is non-zero.",
    ),
}

__all__ = ["EXERCISES"]
