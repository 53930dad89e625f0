"""Chapter 06 exercises: backpropagation on the worked-example network."""

import numpy as np

from helpers.checks import Exercise
from helpers.explorers.ch06 import X, worked_example_net

X_NEW = np.array([2.0, -1.0])


def _delta2_for(t: float) -> float:
    return float(worked_example_net().backward(X, t).delta2[0])


def _dW1_new(i: int, j: int, x=X_NEW) -> float:
    return float(worked_example_net().backward(x, 1.0).dW1[i, j])


def _delta_tanh_se(u, t):
    return (np.tanh(u) - t) * (1.0 - np.tanh(u) ** 2)


def _loss_after_steps(n: int) -> float:
    net = worked_example_net()
    for _ in range(n):
        net.step(net.backward(X, 1.0), 0.1)
    return net.loss(X, 1.0)


EXERCISES = {
    "06.1": Exercise(
        "06.1",
        expected=lambda: _delta2_for(0.5),
        hint="The forward pass does not depend on t: y is still 0.8667…. For an identity output with ½ squared "
        "error the output delta is simply y − t.",
        success="A positive δ2: the output is too large, so gradient descent will push it down.",
        slips=(
            (lambda: _delta2_for(1.0), "That is δ2 for the old target t = 1. Use t = 0.5."),
            (lambda: -_delta2_for(0.5), "The sign: δ2 = y − t, prediction minus target."),
        ),
    ),
    "06.2": Exercise(
        "06.2",
        expected=lambda: _dW1_new(1, 0),
        rtol=1e-7,
        hint="Redo the forward pass for the new x (u1 = x @ W1 + b1, z1 = σ(u1), y = z1 @ W2 + b2), then δ2 = y − t, "
        "δ1 = z1(1 − z1) · W2 · δ2, and ∂E/∂W1[1, 0] = x2 × δ1 of hidden unit 1 (index 0).",
        slips=(
            (
                lambda: float(X_NEW[1] * worked_example_net().backward(X, 1.0).delta1[0]),
                "You used δ1 of the old input "
                "x = [1, 0.5]. The deltas depend on the input: run the forward and backward pass again "
                "for x = [2, −1].",
            ),
            (
                lambda: _dW1_new(0, 1),
                "That is W1[0, 1] (from x1 to hidden unit 2). W1[1, 0] runs from input x2 to "
                "hidden unit 1: x[1] · δ1[0].",
            ),
            (lambda: _dW1_new(0, 0), "That is W1[0, 0] (from x1). W1[1, 0] runs from input x2: x[1] · δ1[0]."),
        ),
    ),
    "06.3": Exercise(
        "06.3",
        expected=_delta_tanh_se,
        kind="function",
        cases=[(0.0, 1.0), (-2.0, 1.0), (1.5, 0.0), (0.3, 0.25)],
        hint="Chain rule: ∂E/∂u = ∂E/∂y · ∂y/∂u with E = ½(y − t)², so ∂E/∂y = y − t, and y = tanh(u), so "
        "∂y/∂u = 1 − tanh²(u).",
        success="Like the sigmoid, tanh flattens for large |u|: its factor 1 − y² then almost kills the gradient.",
        slips=(
            (
                lambda u, t: np.tanh(u) - t,
                "That is ∂E/∂y only. Multiply by the derivative of the output function, "
                "1 − tanh²(u): y − t alone holds only when that derivative is 1 (identity output).",
            ),
            (
                lambda u, t: (np.tanh(u) - t) * np.tanh(u) * (1 - np.tanh(u)),
                "y(1 − y) is the sigmoid's derivative. For tanh it is 1 − y².",
            ),
        ),
    ),
    "06.4": Exercise(
        "06.4",
        expected=lambda: _loss_after_steps(2),
        rtol=1e-7,
        hint="Make a fresh network with TwoLayerNet(W1, b1, W2, b2) (section 7). One SGD step is a backward pass "
        "followed by .step(…, lr=0.1) (section 9); do it twice, then ask the network for its loss on x, t.",
        slips=(
            (lambda: _loss_after_steps(1), "That is the loss after one step; take two."),
            (
                lambda: _loss_after_steps(3),
                "That is the loss after three steps — did you start from section 9's "
                "`net`, which has already taken one? Build a fresh network with TwoLayerNet(W1, b1, W2, b2).",
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
