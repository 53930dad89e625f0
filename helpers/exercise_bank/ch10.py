"""Chapter 10 exercises: weight decay and the roles of validation and test data."""

import numpy as np

from helpers.checks import Exercise
from helpers.network import l2_penalty, l2_penalty_grad

_rng = np.random.default_rng(10)

#: Exercise 10.1's network: two weight matrices and their biases.
W1, W2 = np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[2.0], [-1.0]])
B1, B2 = np.array([0.5, -0.5]), np.array([1.0])


def _sgd_step_with_decay(W, dW, lr, lam):
    gradient = np.asarray(dW, dtype=float) + l2_penalty_grad(W, lam)  # ∂L/∂W + λW
    return np.asarray(W, dtype=float) - lr * gradient


EXERCISES = {
    "10.1": Exercise(
        "10.1",
        expected=lambda: l2_penalty([W1, W2], 0.01),
        hint="Square every weight of W1 and of W2, add them all up (‖W1‖² + ‖W2‖²), then multiply by λ/2 = 0.005.",
        success="Only the weights count: the biases are not decayed (as in the book).",
        slips=(
            (
                lambda: l2_penalty([W1, W2, B1, B2], 0.01),
                "You included the biases b1 and b2. Weight decay penalises only the weight matrices W.",
            ),
            (
                lambda: l2_penalty([W1, W2], 0.02),
                "Close: you forgot the ½ in λ/2·‖W‖² (the ½ that makes its gradient simply λW).",
            ),
            (
                lambda: l2_penalty([W1], 0.01),
                "That is the term of W1 alone. The sum runs over every layer's weights: add W2's squares too.",
            ),
        ),
    ),
    "10.2": Exercise(
        "10.2",
        expected=_sgd_step_with_decay,
        kind="function",
        cases=[
            (np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[0.1, 0.0], [0.0, -0.1]]), 0.5, 0.1),
            (_rng.standard_normal((3, 4)), _rng.standard_normal((3, 4)), 0.3, 0.003),
            (_rng.standard_normal((2, 2)), np.zeros((2, 2)), 1.0, 0.5),
        ],
        hint="The gradient of the penalty λ/2·‖W‖² is λW; add it to dW before the usual step W − lr · (gradient).",
        success="The same as (1 − lr·λ)·W − lr·dW: each step shrinks the weights a little.",
    ),
    "10.3": Exercise(
        "10.3",
        expected=lambda: "b",
        kind="choice",
        hint="Once a setting is chosen because of its score on some data, are those data still unseen?",
        success="Validation data choose; test data report, once.",
    ),
}

__all__ = ["EXERCISES"]
