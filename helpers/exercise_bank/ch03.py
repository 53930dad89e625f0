"""Chapter 03 exercises: cross-entropy error."""

import numpy as np

from helpers.checks import Exercise
from helpers.losses import cross_entropy

Y_MODEL2 = [0.25, 0.60, 0.15]  # the clothing-size article's model 2 (S, M, L)
T_L = [0, 0, 1]  # this time the correct size is L


def _batch_ce(y_pred, labels) -> float:
    return cross_entropy(np.asarray(y_pred, dtype=float), np.asarray(labels))


EXERCISES = {
    "03.1": Exercise(
        "03.1",
        expected=lambda: cross_entropy(Y_MODEL2, T_L),
        rtol=1e-6,  # with or without delta = 1e-7 both count as right
        hint="Only the correct class's term survives: the answer is -log of the probability the model gives L. "
        "Check that your one-hot target has its 1 at index 2 (L), not at M.",
        success="−log 0.15 ≈ 1.90: putting only 15 % on the right size costs almost four times model 2's loss for M.",
        slips=(
            (
                lambda: float(-np.log10(0.15)),
                "np.log10 is the base-10 logarithm. Cross-entropy uses the natural logarithm, np.log (base e).",
            ),
            (
                lambda: cross_entropy(Y_MODEL2, [0, 1, 0]),
                "That is the loss when M is correct. This time the correct "
                "size is L: put the 1 of the one-hot target at index 2.",
            ),
            (
                lambda: float(np.log(0.15)),
                "The sign: log of a probability is negative, and the loss is −log, so it is positive.",
            ),
        ),
    ),
    "03.2": Exercise(
        "03.2",
        expected=_batch_ce,
        kind="function",
        cases=[
            ([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]], [2]),
            ([[0.8, 0.2], [0.3, 0.7], [0.5, 0.5]], [0, 0, 1]),
            ([[0.2, 0.7, 0.1], [1.0, 0.0, 0.0]], [1, 2]),
        ],
        hint="Pick each row's correct-class probability with y_pred[np.arange(N), labels], add 1e-7, take np.log, "
        "sum, flip the sign and divide by N (the number of rows). Convert lists with np.asarray first.",
        slips=(
            (
                lambda y_pred, labels: len(labels) * _batch_ce(y_pred, labels),
                "You returned the sum over the batch: divide by N, the number of rows, to get the mean.",
            ),
        ),
    ),
    "03.3": Exercise(
        "03.3",
        expected=lambda: "c",
        kind="choice",
        hint="Compute it: what is -np.log(0 + 1e-7)? ε (delta in the code) is there so that log never sees an exact 0.",
        success="−log(1e-7) = 16.118…: ε turns an infinite loss into a large, finite one.",
    ),
}

__all__ = ["EXERCISES"]
