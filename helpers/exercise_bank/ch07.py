"""Chapter 07 exercises: computational graphs, forward and backward."""

from helpers.checks import Exercise
from helpers.graph import ComputationalGraph, Node, shopping_graph
from helpers.layers import MulLayer


def _mul_backward(dout, x, y):
    layer = MulLayer()
    layer.forward(x, y)
    return layer.backward(dout)


def _sum_times_x() -> float:
    graph = ComputationalGraph(
        [Node("x", "input"), Node("y", "input"), Node("s", "add", ("x", "y")), Node("z", "mul", ("s", "x"))],
        output="z",
    )
    return graph.evaluate(x=3.0, y=2.0).grads["x"]


EXERCISES = {
    "07.1": Exercise(
        "07.1",
        expected=lambda: shopping_graph().evaluate(apple=100, apple_num=4, tax=1.1).grads["apple"],
        hint="Backward through the tax node gives 1.1; the apple node is a multiply node, so the apple "
        "receives 1.1 × the other input (the number of apples).",
        success="Each extra yen on the apple price costs 4 × 1.1 yen in total.",
        slips=(
            (
                lambda: 4.0,
                "4 is the multiply node's local derivative alone. The gradient arriving from above is "
                "not 1 but the tax node's 1.1: multiply the two.",
            ),
        ),
    ),
    "07.2": Exercise(
        "07.2",
        expected=_mul_backward,
        kind="function",
        cases=[(1.0, 100.0, 2.0), (1.1, 100.0, 2.0), (2.0, 3.0, -4.0), (-0.5, 0.25, 8.0)],
        hint="z = x·y, so ∂z/∂x = y and ∂z/∂y = x: each input gets dout times the OTHER input. "
        "Return both, in the order (dx, dy).",
    ),
    "07.3": Exercise(
        "07.3",
        expected=_sum_times_x,
        hint="x reaches z along two paths: through the × node directly (local derivative x + y) and through the "
        "+ node (then × gives x). Add the two paths.",
        success="Where paths meet, the gradients add up: (x + y) + x = 2x + y.",
    ),
}

__all__ = ["EXERCISES"]
