"""Chapter 07 in a real browser: the graph explorer answers the keyboard and the mouse with helpers.graph's numbers."""

from __future__ import annotations

import lab
import matplotlib
from explorer_checks import check_explorers

from helpers.explorers import ch07
from helpers.graph import _fmt, shopping_graph_with_oranges
from helpers.style import use_course_style


def expected(**change) -> tuple[str, str]:
    state = shopping_graph_with_oranges().evaluate(**{**ch07.START, **change})
    return f"price = {_fmt(state.values['price'])}", f"∂price/∂apple_num = {_fmt(state.grads['apple_num'])}"


def test_ch07_graph_explorer_by_keyboard_and_mouse(page, run_notebook, screenshot):
    run_notebook("07_computational_graph.ipynb")
    explorer = page.locator(".course-explorer-graph").first
    explorer.scroll_into_view_if_needed()
    # the last cell put apple_num back to 2 and picked the price node
    lab.wait_for_readout(page, "graph", "× node: price = all_price × tax = 650 × 1.1 = 715")

    # keyboard: one press right on the apple slider → apple = 110
    handle = lab.slider_handle(page, "graph-apple")
    handle.focus()
    page.keyboard.press("ArrowRight")
    price, grad = expected(apple=110)
    lab.wait_for_readout(page, "graph", price + " ")
    assert grad in lab.readout(page, "graph")

    # mouse: click the orange × node on the figure → its local rule
    with matplotlib.rc_context():  # the figure as the notebook lays it out: the course style
        use_course_style()
        local = ch07.graph_explorer()
    ax = local.figure.axes[0]
    width, height = local.figure.canvas.get_width_height()
    x, y = ax.transData.transform(local.node_positions["orange_price"])
    canvas = explorer.locator("canvas.course-figure")
    canvas.scroll_into_view_if_needed()
    scale = canvas.bounding_box()["width"] / width  # (the page may show the figure smaller than drawn)
    canvas.click(position={"x": x * scale, "y": (height - y) * scale})  # relative to the canvas
    lab.wait_for_readout(page, "graph", "× node: orange_price = orange × orange_num = 150 × 3 = 450")
    screenshot("ch07_graph_explorer", explorer)
    check_explorers(page, "07_computational_graph.ipynb", screenshot)
