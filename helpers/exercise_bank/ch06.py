"""Chapter 06 exercises: backpropagation on seed 003's network."""

from helpers.checks import Exercise
from helpers.explorers.ch06 import X, worked_example_net
from helpers.network import TwoLayerNet, sigmoid


def _delta2_for(t: float) -> float:
    return float(worked_example_net().backward(X, t).delta2[0])


def _sigmoid_squared_error_delta(u, t):
    y = sigmoid(u)
    return (y - t) * y * (1.0 - y)


def _loss_after_two_steps() -> float:
    net: TwoLayerNet = worked_example_net()
    for _ in range(2):
        net.step(net.backward(X, 1.0), 0.1)
    return net.loss(X, 1.0)


EXERCISES = {
    "06.1": Exercise(
        "06.1",
        expected=lambda: _delta2_for(0.5),
        hint="The forward pass does not depend on t: y is still 0.8667…. For an identity output with ½ squared "
        "error the output delta is simply y − t.",
        success="A positive δ2: the output is too large, so gradient descent will push it down.",
    ),
    "06.2": Exercise(
        "06.2",
        expected=lambda: float(worked_example_net().backward(X, 1.0).dW1[1, 0]),
        rtol=1e-7,
        hint="∂E/∂w = δ of the unit the weight points to × the value that flows into the weight. "
        "W1[1, 0] goes from input x2 (= 0.5) to hidden unit h1.",
    ),
    "06.3": Exercise(
        "06.3",
        expected=_sigmoid_squared_error_delta,
        kind="function",
        cases=[(0.0, 1.0), (-5.0, 1.0), (2.0, 0.0), (0.3, 0.25)],
        hint="Chain rule: ∂E/∂u = ∂E/∂y · ∂y/∂u with E = ½(y − t)² and y = σ(u); σ′(u) = σ(u)(1 − σ(u)).",
        success="That extra σ′ factor is why squared error learns slowly when the sigmoid saturates.",
    ),
    "06.4": Exercise(
        "06.4",
        expected=_loss_after_two_steps,
        rtol=1e-7,
        hint="Repeat backward → step twice on a fresh copy of the network "
        "(helpers.explorers.ch06.worked_example_net()), "
        "then compute net.loss(x, t).",
    ),
}

__all__ = ["EXERCISES"]
