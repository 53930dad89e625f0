"""A computational graph (計算グラフ) of multiply and add nodes: forward values, gradients, local rules.

The book's shopping example (『ゼロから作るDeep Learning』 §5.1–5.4) as data:
every node is an input or an operation, :meth:`ComputationalGraph.evaluate`
runs the forward pass left to right and the backward pass right to left with
:class:`helpers.layers.MulLayer` and :class:`helpers.layers.AddLayer`, and
:meth:`ComputationalGraph.local_rule` says in words what one node does.
:func:`draw_graph` draws a graph with its values (above the arrows) and its
gradients (below); chapter 07's explorer draws the same picture live.

>>> state = shopping_graph().evaluate(apple=100, apple_num=2, tax=1.1)
>>> state.values["price"], state.grads["apple"], state.grads["apple_num"], state.grads["tax"]
(220.00000000000003, 2.2, 110.00000000000001, 200)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyArrowPatch

from helpers.i18n import tr
from helpers.layers import AddLayer, MulLayer, _operand
from helpers.style import COLORS

__all__ = ["Node", "GraphState", "ComputationalGraph", "shopping_graph", "shopping_graph_with_oranges", "draw_graph"]

_OPS = {"input": None, "mul": MulLayer, "add": AddLayer}
_SYMBOL = {"mul": "×", "add": "+"}


@dataclass(frozen=True)
class Node:
    """One node: an input, or an operation on two earlier nodes.

    Attributes
    ----------
    name : str
        Unique name, also the key of its value and gradient (``"apple"``, ``"apple_price"``).
    op : {"input", "mul", "add"}
    inputs : tuple of str
        The two nodes an operation reads (empty for an input).
    position : tuple of float
        Where :func:`draw_graph` puts it ``(x, y)``.
    """

    name: str
    op: str
    inputs: tuple[str, ...] = ()
    position: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class GraphState:
    """One evaluation: every node's forward value and the gradient of the output with respect to it.

    Attributes
    ----------
    inputs : dict
        The input values used.
    values : dict
        Node name → forward value (numbers stay Python numbers: ``100 * 2`` is ``200``).
    grads : dict
        Node name → ``∂output/∂node``; the output's own gradient is ``1``.
    """

    inputs: dict[str, Any]
    values: dict[str, Any]
    grads: dict[str, Any]


class ComputationalGraph:
    """Nodes in forward order (every operation after its inputs) and the output node.

    Parameters
    ----------
    nodes : sequence of Node
    output : str
        The node whose value is the result (its gradient starts the backward pass at 1).

    Raises
    ------
    ValueError
        If a name repeats, an operation is unknown, or an operation reads a node not defined before it.
    """

    def __init__(self, nodes: Sequence[Node], output: str) -> None:
        seen: dict[str, Node] = {}
        for node in nodes:
            if node.name in seen:
                raise ValueError(f"node names must be unique, {node.name!r} appears twice")
            if node.op not in _OPS:
                raise ValueError(f"node {node.name!r}: op must be one of {tuple(_OPS)}, got {node.op!r}")
            if node.op == "input" and node.inputs:
                raise ValueError(f"input node {node.name!r} reads no other node, got inputs {node.inputs}")
            if node.op != "input":
                if len(node.inputs) != 2:
                    raise ValueError(f"node {node.name!r} ({node.op}) needs two inputs, got {node.inputs}")
                missing = [a for a in node.inputs if a not in seen]
                if missing:
                    raise ValueError(f"node {node.name!r} reads {missing}, which must be defined before it")
            seen[node.name] = node
        if output not in seen:
            raise ValueError(f"output must be one of the nodes {list(seen)}, got {output!r}")
        self.nodes: dict[str, Node] = seen
        self.output = output

    @property
    def input_names(self) -> list[str]:
        """The input nodes, in order."""
        return [n.name for n in self.nodes.values() if n.op == "input"]

    def edges(self) -> list[tuple[str, str]]:
        """Every arrow ``(from, to)``; the value flowing along it is ``values[from]``."""
        return [(a, n.name) for n in self.nodes.values() for a in n.inputs]

    def evaluate(self, **inputs: Any) -> GraphState:
        """Forward pass (left to right), then backward pass (right to left) from ``∂output/∂output = 1``.

        Parameters
        ----------
        **inputs
            One number (or array) per input node, by name.

        Returns
        -------
        GraphState
        """
        names = self.input_names
        if set(inputs) != set(names):
            missing, extra = sorted(set(names) - set(inputs)), sorted(set(inputs) - set(names))
            raise ValueError(f"evaluate needs exactly the inputs {names}; missing {missing}, unknown {extra}")
        values: dict[str, Any] = {name: _operand(inputs[name], name) for name in names}
        layers: dict[str, Any] = {}
        for node in self.nodes.values():  # forward: every node once, after its inputs
            if node.op != "input":
                layers[node.name] = _OPS[node.op]()
                values[node.name] = layers[node.name].forward(*(values[a] for a in node.inputs))
        grads: dict[str, Any] = {self.output: 1}
        for node in reversed(self.nodes.values()):  # backward: local derivative × upstream gradient
            if node.op == "input" or node.name not in grads:
                continue
            for source, g in zip(node.inputs, layers[node.name].backward(grads[node.name]), strict=True):
                grads[source] = g if source not in grads else grads[source] + g  # paths add up
        return GraphState(inputs=dict(inputs), values=values, grads=grads)

    def local_rule(self, name: str, state: GraphState) -> str:
        """What node ``name`` computes forward and backward, with the numbers of ``state``."""
        if name not in self.nodes:
            raise ValueError(f"name must be one of the nodes {list(self.nodes)}, got {name!r}")
        node, v, g = self.nodes[name], state.values, state.grads
        up = g.get(name, 0)
        if node.op == "input":
            return tr(
                f"input {name} = {_fmt(v[name])}: ∂{self.output}/∂{name} = {_fmt(up)}",
                f"入力 {name} = {_fmt(v[name])}: ∂{self.output}/∂{name} = {_fmt(up)}",
            )
        a, b = node.inputs
        forward = (
            f"{name} = {a} {_SYMBOL[node.op]} {b} = {_fmt(v[a])} {_SYMBOL[node.op]} {_fmt(v[b])} = {_fmt(v[name])}"
        )
        if node.op == "mul":
            grads = (
                f"∂{self.output}/∂{a} = {_fmt(up)} × {_fmt(v[b])} = {_fmt(up * v[b])}, "
                f"∂{self.output}/∂{b} = {_fmt(up)} × {_fmt(v[a])} = {_fmt(up * v[a])}"
            )
            local = f"∂{name}/∂{a} = {b} = {_fmt(v[b])}, ∂{name}/∂{b} = {a} = {_fmt(v[a])}"
            return tr(
                f"× node: {forward}. Local derivatives: {local} (the inputs swap). "
                f"Backward: upstream {_fmt(up)} × local → {grads}",
                f"乗算ノード（×）：{forward}。局所的な微分：{local}（入力が入れ替わります）。"
                f"逆伝播：右から届いた勾配 {_fmt(up)} × 局所的な微分 → {grads}",
            )
        local = f"∂{name}/∂{a} = ∂{name}/∂{b} = 1"
        return tr(
            f"+ node: {forward}. Local derivatives: {local}. Backward: the upstream gradient "
            f"{_fmt(up)} passes on unchanged to {a} and {b}",
            f"加算ノード（+）：{forward}。局所的な微分：{local}。逆伝播：右から届いた勾配 "
            f"{_fmt(up)} がそのまま {a} と {b} に流れます",
        )


def _fmt(value: Any) -> str:
    """Ten significant digits: enough to read, without the last-bit noise of 220.00000000000003."""
    return format(value, ".10g") if isinstance(value, float) else str(value)


def shopping_graph() -> ComputationalGraph:
    """The book's apples: ``price = apple × apple_num × tax``.

    >>> shopping_graph().input_names
    ['apple', 'apple_num', 'tax']
    """
    return ComputationalGraph(
        [
            Node("apple", "input", position=(0.0, 1.8)),
            Node("apple_num", "input", position=(0.0, 0.6)),
            Node("tax", "input", position=(2.1, -0.2)),
            Node("apple_price", "mul", ("apple", "apple_num"), position=(2.1, 1.2)),
            Node("price", "mul", ("apple_price", "tax"), position=(4.0, 0.8)),
        ],
        output="price",
    )


def shopping_graph_with_oranges() -> ComputationalGraph:
    """The book's apples and oranges: ``price = (apple × apple_num + orange × orange_num) × tax``.

    >>> shopping_graph_with_oranges().input_names
    ['apple', 'apple_num', 'orange', 'orange_num', 'tax']
    """
    return ComputationalGraph(
        [
            Node("apple", "input", position=(0.0, 3.6)),
            Node("apple_num", "input", position=(0.0, 2.4)),
            Node("orange", "input", position=(0.0, 1.4)),
            Node("orange_num", "input", position=(0.0, 0.2)),
            Node("tax", "input", position=(4.2, 0.0)),
            Node("apple_price", "mul", ("apple", "apple_num"), position=(2.1, 3.0)),
            Node("orange_price", "mul", ("orange", "orange_num"), position=(2.1, 0.8)),
            Node("all_price", "add", ("apple_price", "orange_price"), position=(4.2, 1.9)),
            Node("price", "mul", ("all_price", "tax"), position=(6.1, 1.2)),
        ],
        output="price",
    )


RADIUS = 0.28


def draw_graph(
    graph: ComputationalGraph,
    state: GraphState,
    ax: Axes | None = None,
    *,
    highlight: str | None = None,
    gradients: bool = True,
) -> Axes:
    """Draw ``graph``: operation nodes as circles, each arrow with its value above and its gradient below.

    Parameters
    ----------
    graph : ComputationalGraph
    state : GraphState
        From ``graph.evaluate(...)``.
    ax : Axes, optional
        Where to draw (a new figure if omitted).
    highlight : str, optional
        A node to colour, e.g. the one whose local rule is being read.
    gradients : bool, default True
        Also write the gradients (False: the forward pass alone).

    Returns
    -------
    Axes
        Forward values are black, gradients blue (the course's gradient colour) and in brackets.
    """
    if highlight is not None and highlight not in graph.nodes:
        raise ValueError(f"highlight must be one of the nodes {list(graph.nodes)}, got {highlight!r}")
    pos = {name: node.position for name, node in graph.nodes.items()}
    out_x, out_y = pos[graph.output]
    ends = {**pos, "__out__": (out_x + 1.6, out_y)}
    xs, ys = [p[0] for p in ends.values()], [p[1] for p in ends.values()]
    xlim, ylim = (min(xs) - 1.5, max(xs) + 0.2), (min(ys) - 0.5, max(ys) + 0.5)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.95 * (xlim[1] - xlim[0]), 0.95 * (ylim[1] - ylim[0])))
    for source, target in [*graph.edges(), (graph.output, "__out__")]:
        (xa, ya), (xb, yb) = ends[source], ends[target]
        start_r = RADIUS if graph.nodes[source].op != "input" else 0.1
        end_r = RADIUS if target != "__out__" else 0.0
        length = math.hypot(xb - xa, yb - ya)
        ux, uy = (xb - xa) / length, (yb - ya) / length  # unit vector along the arrow
        tail, head = (xa + start_r * ux, ya + start_r * uy), (xb - end_r * ux, yb - end_r * uy)  # stop at circles
        ax.add_patch(
            FancyArrowPatch(
                tail, head, arrowstyle="-|>", mutation_scale=14, lw=1.4, color="black", shrinkA=0, shrinkB=0
            )
        )
        # value above the arrow, gradient below it, both offset at right angles to the arrow
        nx, ny = -uy, ux
        mx, my = xa + 0.45 * (xb - xa), ya + 0.45 * (yb - ya)
        ax.text(mx + 0.14 * nx, my + 0.14 * ny, _fmt(state.values[source]), ha="center", va="center", fontsize=10,
                zorder=3)  # fmt: skip
        if not gradients:
            continue
        ax.text(mx - 0.16 * nx, my - 0.16 * ny, f"[{_fmt(state.grads.get(source, 0))}]", ha="center", va="center",
                fontsize=10, color=COLORS["gradient"], zorder=3)  # fmt: skip
    for name, node in graph.nodes.items():
        x, y = node.position
        if node.op == "input":
            ax.text(x - 0.15, y, name, ha="right", va="center", fontsize=10)
            continue
        face = COLORS["prediction"] if name == highlight else "white"
        ax.add_patch(Circle((x, y), RADIUS, facecolor=face, edgecolor="black", linewidth=1.5, zorder=4))
        ax.text(x, y, _SYMBOL[node.op], ha="center", va="center", fontsize=15, zorder=5)
        ax.text(x, y - RADIUS - 0.06, name, ha="center", va="top", fontsize=8, color=COLORS["neutral"], zorder=5)
    ax.set(xlim=xlim, ylim=ylim, aspect="equal")
    ax.axis("off")
    return ax
