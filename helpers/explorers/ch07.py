"""Chapter 07's explorer: the shopping graph live — change an input, watch every value and gradient move.

The maths is :mod:`helpers.graph` (``evaluate``, ``local_rule``, ``draw_graph``); this module only
wires it to sliders, a node picker and a live figure.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Circle

from helpers.graph import RADIUS, ComputationalGraph, _fmt, draw_graph, shopping_graph_with_oranges
from helpers.i18n import Text, tr
from helpers.live import SLIDER_LABEL_WIDTH, SLIDER_WIDTH, Explorer, live_figure, slider
from helpers.style import COLORS

__all__ = ["INPUTS", "graph_readout", "graph_explorer"]

#: Each input's slider: (label, min, max, step) — whole numbers except the tax rate.
INPUTS = {
    "apple": (Text("apple (price of one)", "apple（1個の値段）"), 10, 300, 10),
    "apple_num": (Text("apple_num (how many)", "apple_num（個数）"), 1, 10, 1),
    "orange": (Text("orange (price of one)", "orange（1個の値段）"), 10, 300, 10),
    "orange_num": (Text("orange_num (how many)", "orange_num（個数）"), 1, 10, 1),
    "tax": (Text("tax (rate)", "tax（税率）"), 1.0, 1.2, 0.01),
}

#: The book's numbers (『ゼロから作るDeep Learning』 §5.4).
START = {"apple": 100, "apple_num": 2, "orange": 150, "orange_num": 3, "tax": 1.1}


def _inputs(values: dict) -> dict:
    """The slider values as the graph takes them: counts and prices as ints, the tax rounded to its step."""
    return {name: round(float(values[name]), 2) if name == "tax" else int(round(values[name])) for name in INPUTS}


def graph_readout(graph: ComputationalGraph, node: str, **values: float) -> str:
    """The explorer's readout: the price, the gradient of every input, and the picked node's local rule."""
    state = graph.evaluate(**_inputs(values))
    grads = " · ".join(f"∂price/∂{name} = <b>{_fmt(state.grads[name])}</b>" for name in INPUTS)
    return (
        f"price = <b>{_fmt(state.values['price'])}</b> &nbsp;→&nbsp; {grads}"
        f"<br>\n<b>{tr('picked node', '選んだノード')}</b>: {graph.local_rule(node, state)}"
    )


def graph_explorer() -> Explorer:
    """Sliders on the five inputs of the apples-and-oranges graph; the drawn graph shows every forward value
    (above its arrow) and every gradient (below, in brackets) for them.  Pick a node (its button, or click
    it on the figure) to read its local rule.

    Returns
    -------
    Explorer
        ``explorer.set(apple=150)``, ``explorer.set(node="all_price")``; ``explorer.value_texts`` and
        ``explorer.grad_texts`` (by the node whose output the arrow carries) are the drawn numbers.
    """
    graph = shopping_graph_with_oranges()
    operations = [name for name, node in graph.nodes.items() if node.op != "input"]
    state = graph.evaluate(**START)

    fig = live_figure(
        (8.0, 4.0),
        alt=tr(
            "the apples-and-oranges graph with every value and gradient",
            "りんごとみかんの計算グラフ（すべての値と勾配つき）",
        ),
    )
    ax = fig.add_subplot()
    draw_graph(graph, state, ax)
    # draw_graph writes, per arrow (every edge, then the output's), its value then its gradient
    arrows = [*graph.edges(), (graph.output, "__out__")]
    value_texts, grad_texts = {}, {}
    for (source, _), (value, grad) in zip(arrows, zip(ax.texts[0::2], ax.texts[1::2], strict=False), strict=False):
        value_texts.setdefault(source, []).append(value)
        grad_texts.setdefault(source, []).append(grad)
    circles = dict(zip(operations, [p for p in ax.patches if isinstance(p, Circle)], strict=True))

    def draw(node: str, **values: float) -> None:
        now = graph.evaluate(**_inputs(values))
        for name, texts in value_texts.items():
            for text in texts:
                text.set_text(_fmt(now.values[name]))
        for name, texts in grad_texts.items():
            for text in texts:
                text.set_text(f"[{_fmt(now.grads.get(name, 0))}]")
        for name, circle in circles.items():  # (only the ones that change: an artist set is redrawn)
            color = to_rgba(COLORS["prediction"] if name == node else "white")
            if circle.get_facecolor() != color:
                circle.set_facecolor(color)

    controls: dict[str, widgets.ValueWidget] = {}
    for name, (label, lo, hi, step) in INPUTS.items():
        controls[name] = slider(
            str(label), min=lo, max=hi, step=step, value=START[name], name=f"graph-{name}".replace("_", "-"),
            readout_format=".2f" if name == "tax" else ".0f",
        )  # fmt: skip
    picker = widgets.ToggleButtons(
        options=operations,
        value="all_price",
        description=tr("node", "ノード"),
        style={"description_width": SLIDER_LABEL_WIDTH, "button_width": "105px"},
        layout=widgets.Layout(width=SLIDER_WIDTH, max_width="100%"),
    )
    picker.add_class("course-picker-node")
    controls["node"] = picker

    explorer = Explorer(
        controls,
        readout=lambda node, **values: graph_readout(graph, node, **values),
        draw=draw,
        figure=fig,
        name="graph",
        readout_lines=4,
    )

    def on_press(event) -> None:  # a click on a node picks it
        if event.inaxes is not ax or event.xdata is None:
            return
        for name in operations:
            x, y = graph.nodes[name].position
            if math.hypot(event.xdata - x, event.ydata - y) <= RADIUS:
                picker.value = name
                return

    fig.canvas.mpl_connect("button_press_event", on_press)
    explorer.graph, explorer.value_texts, explorer.grad_texts, explorer.circles = (
        graph,
        value_texts,
        grad_texts,
        circles,
    )
    explorer.node_positions = {name: np.array(graph.nodes[name].position) for name in operations}
    return explorer
