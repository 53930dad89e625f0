"""Chapter 07's graph explorer: every drawn value and gradient is helpers.graph's, for every input."""

from __future__ import annotations

import re

import matplotlib as mpl
import pytest

from helpers.explorers import ch07
from helpers.graph import _fmt, shopping_graph_with_oranges


@pytest.fixture(autouse=True)
def course_style():
    from helpers.style import use_course_style

    with mpl.rc_context():
        use_course_style()
        yield


@pytest.mark.parametrize(
    "change", [{}, {"apple": 150}, {"apple_num": 4}, {"orange": 10, "orange_num": 10}, {"tax": 1.2}]
)
def test_every_value_and_gradient_on_the_graph_is_helpers_graph(change):
    ex = ch07.graph_explorer()
    ex.set(**change)
    inputs = {**ch07.START, **change}
    state = shopping_graph_with_oranges().evaluate(**inputs)
    for name, texts in ex.value_texts.items():
        assert {t.get_text() for t in texts} == {_fmt(state.values[name])}, name
    for name, texts in ex.grad_texts.items():
        assert {t.get_text() for t in texts} == {f"[{_fmt(state.grads[name])}]"}, name
    assert re.search(rf"^price = {re.escape(_fmt(state.values['price']))}\s", ex.readout_text)
    for name in ch07.INPUTS:
        assert re.search(rf"∂price/∂{name} = {re.escape(_fmt(state.grads[name]))}(?![\d.])", ex.readout_text), name


def test_the_books_numbers_and_the_picked_nodes_rule():
    ex = ch07.graph_explorer()
    text = ex.readout_text
    assert text.startswith("price = 715 ")  # the book's apples and oranges: (200 + 450) × 1.1
    assert "∂price/∂apple = 2.2 · ∂price/∂apple_num = 110 · ∂price/∂orange = 3.3 · ∂price/∂orange_num = 165" in text
    assert "picked node: + node: all_price = apple_price + orange_price = 200 + 450 = 650" in text
    ex.set(apple_num=2, node="price")
    assert "× node: price = all_price × tax = 650 × 1.1 = 715" in ex.readout_text
    assert ex.circles["price"].get_facecolor() != ex.circles["all_price"].get_facecolor()


def test_a_click_on_a_node_picks_it():
    ex = ch07.graph_explorer()
    canvas = ex.figure.canvas
    ax = ex.figure.axes[0]
    x, y = ax.transData.transform(ex.node_positions["orange_price"])
    height = canvas.get_width_height()[1]
    canvas.pointer("press", x, height - y)
    canvas.pointer("release", x, height - y)
    assert ex.values["node"] == "orange_price"
    assert "picked node: × node: orange_price = orange × orange_num = 150 × 3 = 450" in ex.readout_text


def test_chapter_07_drives_the_explorer():
    source = open("chapters/07_computational_graph.py", encoding="utf-8").read()
    assert "graph_explorer()" in source


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"07 graph": lambda: ch07.graph_explorer()}
