"""Chapter 07: every number the chapter prints, its graph drawings and its exercises."""

from __future__ import annotations

from decimal import Decimal

import matplotlib
import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.graph import ComputationalGraph, Node, draw_graph, shopping_graph, shopping_graph_with_oranges
from helpers.layers import AddLayer, MulLayer
from helpers.numdiff import numerical_diff

matplotlib.use("agg")

ORANGES = dict(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1)


def test_forward_pass_and_why_it_ends_in_03():
    apple_price = 100 * 2
    assert f"{apple_price} {apple_price * 1.1}" == "200 220.00000000000003"
    assert str(Decimal(1.1)) == "1.100000000000000088817841970012523233890533447265625"
    assert str(Decimal(200) * Decimal(1.1)) == "220.0000000000000177635683940"
    assert str(Decimal(200 * 1.1)) == "220.000000000000028421709430404007434844970703125"
    assert np.spacing(220.0) == 2.0**-45 == 2.842170943040401e-14
    assert 200 * 1.1 != 220
    # the text's argument: the exact product is nearer to 220 + spacing than to 220
    exact = Decimal(200) * Decimal(1.1)
    assert abs(exact - Decimal(220) - Decimal(2.0**-45)) < abs(exact - Decimal(220))


def test_apples_backward_prints_the_books_digits():
    mul_apple, mul_tax = MulLayer(), MulLayer()
    price = mul_tax.forward(mul_apple.forward(100, 2), 1.1)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert f"{price}" == "220.00000000000003"
    assert f"{dapple} {dapple_num} {dtax}" == "2.2 110.00000000000001 200"
    assert f"{numerical_diff(lambda a: a * 2 * 1.1, 100.0):.10f}" == "2.2000000000"


def test_oranges_forward_and_backward():
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price, orange_price = mul_apple.forward(100, 2), mul_orange.forward(150, 3)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, 1.1)
    assert f"{apple_price} {orange_price} {all_price} {price}" == "200 450 650 715.0000000000001"
    dall, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    printed = f"{dapple_num} {dapple} {dorange} {dorange_num} {dtax}"
    assert printed == "110.00000000000001 2.2 3.3000000000000003 165.0 650"


def test_local_rules_printed_in_the_chapter():
    graph = shopping_graph_with_oranges()
    state = graph.evaluate(**ORANGES)
    assert graph.local_rule("all_price", state) == (
        "+ node: all_price = apple_price + orange_price = 200 + 450 = 650. Local derivatives: "
        "∂all_price/∂apple_price = ∂all_price/∂orange_price = 1. Backward: the upstream gradient 1.1 passes on "
        "unchanged to apple_price and orange_price"
    )
    assert graph.local_rule("orange_price", state) == (
        "× node: orange_price = orange × orange_num = 150 × 3 = 450. Local derivatives: ∂orange_price/∂orange = "
        "orange_num = 3, ∂orange_price/∂orange_num = orange = 150 (the inputs swap). Backward: upstream 1.1 × local "
        "→ ∂price/∂orange = 1.1 × 3 = 3.3, ∂price/∂orange_num = 1.1 × 150 = 165"
    )


def test_the_drawings_show_the_numbers():
    graph = shopping_graph()
    state = graph.evaluate(apple=100, apple_num=2, tax=1.1)
    forward_only = {t.get_text() for t in draw_graph(graph, state, gradients=False).texts}
    assert {"100", "2", "1.1", "200", "220"} <= forward_only and not any(t.startswith("[") for t in forward_only)
    graph2 = shopping_graph_with_oranges()
    ax = draw_graph(graph2, graph2.evaluate(**ORANGES), highlight="all_price")
    texts = {t.get_text() for t in ax.texts}
    assert {"650", "715", "[1.1]", "[650]", "[3.3]", "[165]", "[2.2]", "[110]", "+"} <= texts
    matplotlib.pyplot.close("all")


def test_chain_rule_section():
    square = ComputationalGraph(
        [Node("x", "input"), Node("y", "input"), Node("t", "add", ("x", "y")), Node("z", "mul", ("t", "t"))],
        output="z",
    )
    chain = square.evaluate(x=1.0, y=2.0)
    assert (chain.values["z"], chain.grads["t"], chain.grads["x"], chain.grads["y"]) == (9.0, 6.0, 6.0, 6.0)


def test_numerical_gradients_need_ten_passes_and_agree():
    graph = shopping_graph_with_oranges()
    inputs = {k: float(v) for k, v in ORANGES.items()}
    numeric = {}
    for name in inputs:
        up = graph.evaluate(**(inputs | {name: inputs[name] + 1e-4})).values["price"]
        down = graph.evaluate(**(inputs | {name: inputs[name] - 1e-4})).values["price"]
        numeric[name] = (up - down) / 2e-4
    assert {k: round(v, 6) for k, v in numeric.items()} == {
        "apple": 2.2,
        "apple_num": 110.0,
        "orange": 3.3,
        "orange_num": 165.0,
        "tax": 650.0,
    }


@pytest.mark.parametrize(
    ("key", "right", "wrong"),
    [
        ("07.1", 4.4, 4.0),
        ("07.2", lambda d, x, y: (d * y, d * x), lambda d, x, y: (d * x, d * y)),
        ("07.3", 8.0, 5.0),
    ],
)
def test_exercises(key, right, wrong):
    assert evaluate(key, right).ok
    verdict = evaluate(key, wrong)
    assert not verdict.ok and "Hint" in verdict.message


def test_exercise_07_3_counts_both_paths():
    assert "two paths" in evaluate("07.3", 5.0).message  # (x + y) alone: the path through + forgotten
