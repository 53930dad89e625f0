"""Chapter 10 exercises: weight decay and the roles of validation and test data."""

import numpy as np

from helpers.checks import Exercise
from helpers.i18n import Text
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
        hint=Text(
            "Square every weight of W1 and of W2, add them all up (‖W1‖² + ‖W2‖²), then multiply by λ/2 = 0.005.",
            "W1 と W2 のすべての重みを二乗して全部足し（‖W1‖² + ‖W2‖²）、λ/2 = 0.005 を掛けてください。",
        ),
        success=Text(
            "Only the weights count: the biases are not decayed (as in the book).",
            "数えるのは重みだけです。バイアスは減衰させません（本と同じです）。",
        ),
        slips=(
            (
                lambda: l2_penalty([W1, W2, B1, B2], 0.01),
                Text(
                    "You included the biases b1 and b2. Weight decay penalises only the weight matrices W.",
                    "バイアス b1 と b2 も含めています。荷重減衰が罰則を課すのは重み行列 W だけです。",
                ),
            ),
            (
                lambda: l2_penalty([W1, W2], 0.02),
                Text(
                    "Close: you forgot the ½ in λ/2·‖W‖² (the ½ that makes its gradient simply λW).",
                    "惜しい！ λ/2·‖W‖² の ½ を忘れています（この ½ のおかげで勾配が単に λW になります）。",
                ),
            ),
            (
                lambda: l2_penalty([W1], 0.01),
                Text(
                    "That is the term of W1 alone. The sum runs over every layer's weights: add W2's squares too.",
                    "それは W1 だけの項です。和はすべてのレイヤの重みにわたります。W2 の二乗も足してください。",
                ),
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
        hint=Text(
            "The gradient of the penalty λ/2·‖W‖² is λW; add it to dW before the usual step W − lr · (gradient).",
            "罰則項 λ/2·‖W‖² の勾配は λW です。いつもの更新 W − lr · (勾配) の前に、これを dW に加えてください。",
        ),
        success=Text(
            "The same as (1 − lr·λ)·W − lr·dW: each step shrinks the weights a little.",
            "(1 − lr·λ)·W − lr·dW と同じです。一歩ごとに重みが少し縮みます。",
        ),
    ),
    "10.3": Exercise(
        "10.3",
        expected=lambda: "b",
        kind="choice",
        hint=Text(
            "Once a setting is chosen because of its score on some data, are those data still unseen?",
            "あるデータでの成績をもとに設定を選んだら、そのデータはまだ「見ていない」データといえるでしょうか。",
        ),
        success=Text(
            "Validation data choose; test data report, once.", "検証データで選び、テストデータで一度だけ報告します。"
        ),
    ),
}

__all__ = ["EXERCISES"]
