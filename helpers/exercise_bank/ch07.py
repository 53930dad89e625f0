"""Chapter 07 exercises: computational graphs, forward and backward."""

from helpers.checks import Exercise
from helpers.graph import ComputationalGraph, Node, shopping_graph
from helpers.i18n import Text
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
        hint=Text(
            "Backward through the tax node gives 1.1; the apple node is a multiply node, so the apple "
            "receives 1.1 × the other input (the number of apples).",
            "消費税のノードを逆伝播すると 1.1 になります。りんごのノードは乗算ノードなので、りんごには "
            "1.1 × もう一方の入力（りんごの個数）が届きます。",
        ),
        success=Text(
            "Each extra yen on the apple price costs 4 × 1.1 yen in total.",
            "りんごの値段が上がると、その一円ごとに合計は 4 × 1.1 円増えます。",
        ),
        slips=(
            (
                lambda: 4.0,
                Text(
                    "4 is the multiply node's local derivative alone. The gradient arriving from above is "
                    "not 1 but the tax node's 1.1: multiply the two.",
                    "4 は乗算ノードの局所的な微分だけです。上流から届く勾配は 1 ではなく消費税のノードの "
                    "1.1 です。二つを掛けてください。",
                ),
            ),
        ),
    ),
    "07.2": Exercise(
        "07.2",
        expected=_mul_backward,
        kind="function",
        cases=[(1.0, 100.0, 2.0), (1.1, 100.0, 2.0), (2.0, 3.0, -4.0), (-0.5, 0.25, 8.0)],
        hint=Text(
            "z = x·y, so ∂z/∂x = y and ∂z/∂y = x: each input gets dout times the OTHER input. "
            "Return both, in the order (dx, dy).",
            "z = x·y なので ∂z/∂x = y、∂z/∂y = x です。各入力には dout × *もう一方の* 入力が届きます。"
            "両方を (dx, dy) の順に返してください。",
        ),
    ),
    "07.3": Exercise(
        "07.3",
        expected=_sum_times_x,
        hint=Text(
            "x reaches z along two paths: through the × node directly (local derivative x + y) and through the "
            "+ node (then × gives x). Add the two paths.",
            "x から z へは二つの経路があります。× ノードへ直接つながる経路（局所的な微分 x + y）と、+ "
            "ノードを通る経路（その先の × で x）です。二つの経路を足してください。",
        ),
        success=Text(
            "Where paths meet, the gradients add up: (x + y) + x = 2x + y.",
            "経路が合流するところでは、勾配は足し合わされます: (x + y) + x = 2x + y。",
        ),
    ),
}

__all__ = ["EXERCISES"]
