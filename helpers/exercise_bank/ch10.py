"""Chapter 10 exercises: weight decay and the roles of validation and test data."""

import numpy as np

from helpers.checks import Exercise
from helpers.layernet import l2_penalty

_rng = np.random.default_rng(10)


def _sgd_step_with_decay(W, dW, lr, lam):
    W, dW = np.asarray(W, dtype=float), np.asarray(dW, dtype=float)
    return W - lr * (dW + lam * W)


EXERCISES = {
    "10.1": Exercise(
        "10.1",
        expected=lambda: l2_penalty([[[1.0, -2.0], [0.5, 3.0]]], 0.1),
        hint="Square every weight, add them all up (‖W‖²), then multiply by λ/2 = 0.05.",
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
