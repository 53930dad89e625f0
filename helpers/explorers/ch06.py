"""Chapter 06's explorer: step through the backward pass of seed 003's tiny network.

The network (2 inputs → 2 sigmoid hidden units → 1 identity output, ½ squared
error) is drawn with matplotlib: circles for ``x1, x2, h1, h2, y`` showing their
weighted sums ``u`` and activations ``z``, edges labelled with their weights.
Each step of the slider (or the Next / Previous buttons) highlights one node or
one layer of edges, writes its δ or gradient on the drawing and explains the
formula in the readout.  Every number comes from :class:`helpers.TwoLayerNet`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Circle
from numpy.typing import ArrayLike

from helpers.i18n import tr
from helpers.live import Explorer, format_number, live_figure, slider
from helpers.network import TwoLayerNet, sigmoid_grad
from helpers.style import COLORS

__all__ = ["X", "W1", "B1", "W2", "B2", "T", "LR", "worked_example_net", "backward_steps", "backward_explorer"]

#: Seed 003's worked example (W1[i, j]: from input i to hidden unit j).
X = np.array([1.0, 0.5])
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
B1 = np.array([0.1, 0.1])  # one bias per hidden unit: b1[j] belongs to hidden unit j
W2 = np.array([0.5, 0.6])
B2 = 0.2
T = 1.0
LR = 0.1

NODES = ("x1", "x2", "h1", "h2", "y")
POSITIONS = {"x1": (0.0, 1.6), "x2": (0.0, 0.0), "h1": (2.6, 1.6), "h2": (2.6, 0.0), "y": (4.8, 0.8)}
#: Where along each edge its label sits: the crossing edges meet in the middle, so theirs sit near the inputs.
LABEL_AT = (0.5, 0.3, 0.3, 0.5, 0.5, 0.5)
#: Edges as (source, target, parameter name, index into that parameter).
EDGES = (
    ("x1", "h1", "W1", (0, 0)),
    ("x1", "h2", "W1", (0, 1)),
    ("x2", "h1", "W1", (1, 0)),
    ("x2", "h2", "W1", (1, 1)),
    ("h1", "y", "W2", (0, 0)),
    ("h2", "y", "W2", (1, 0)),
)
RADIUS = 0.22
#: Colours of a node: not reached yet, the current step, δ already known.
NODE_IDLE, NODE_CURRENT, NODE_DONE = "white", COLORS["prediction"], "#F5DEB3"
EDGE_IDLE, EDGE_CURRENT = COLORS["neutral"], COLORS["gradient"]
#: Opacity of the white backing of an edge's label: on an idle edge, and on the highlighted one (which shows through).
BACKING, BACKING_OVER_CURRENT = 0.9, 0.45


def worked_example_net() -> TwoLayerNet:
    """A fresh copy of seed 003's network.

    ``W1 = [[.1, .2], [.3, .4]]``, ``b1 = [.1, .1]``, ``W2 = [.5, .6]ᵀ``, ``b2 = .2``.
    """
    return TwoLayerNet(W1, B1, W2, B2)


@dataclass(frozen=True)
class Step:
    """One step of the backward pass: what is highlighted and what the readout says."""

    title: str
    nodes: tuple[str, ...]  # highlighted nodes
    edges: tuple[int, ...]  # highlighted edges (indices into EDGES)
    text: str  # readout HTML


def _sub(k: int) -> str:
    return "₀₁₂₃₄₅₆₇₈₉"[k]


def backward_steps(net: TwoLayerNet, x: ArrayLike, t: float, lr: float = LR) -> list[Step]:
    """The seven steps (forward pass, δ2, ∂E/∂W2, δ1₁, δ1₂, ∂E/∂W1, SGD step) with their readouts."""
    f = format_number
    fw, bw = net.forward(x), net.backward(x, t)
    d2 = float(bw.delta2[0])
    after = TwoLayerNet(net.W1, net.b1, net.W2, net.b2)
    after.step(bw, lr)
    steps = [
        Step(
            tr("forward pass (順伝播)", "順伝播"),
            (),
            (),
            f"u1 = x·W1 + b1 = [{f(fw.u1[0])}, {f(fw.u1[1])}], z1 = σ(u1) = [{f(fw.z1[0])}, {f(fw.z1[1])}], "
            f"y = u2 = z1·W2 + b2 = {f(fw.y[0])}; E = ½(y − t)² = <b>{f(bw.loss)}</b>",
        ),
        Step(
            tr("output node y", "出力ノード y"),
            ("y",),
            (),
            f"δ2 = ∂E/∂u2 = (y − t) · f′(u2) = ({f(fw.y[0])} − {f(t)}) · 1 = <b>{f(d2)}</b> "
            + tr("(identity output: f′ = 1)", "（恒等関数の出力: f′ = 1）"),
        ),
        Step(
            tr("output weights", "出力層の重み"),
            ("h1", "h2", "y"),
            (4, 5),
            f"∂E/∂w = δ2 · z_prev: ∂E/∂W2 = [{f(bw.dW2[0, 0])}, {f(bw.dW2[1, 0])}] "
            f"= {f(d2)} × [{f(fw.z1[0])}, {f(fw.z1[1])}]; ∂E/∂b2 = δ2 = {f(bw.db2[0])}",
        ),
    ]
    for j in range(2):
        sg = float(sigmoid_grad(fw.u1[j]))
        steps.append(
            Step(
                tr(f"hidden node h{j + 1}", f"隠れノード h{j + 1}"),
                (f"h{j + 1}",),
                (4 + j,),
                f"δ1{_sub(j + 1)} = f′(u1{_sub(j + 1)}) · w · δ2 = {f(sg)} × {f(net.W2[j, 0])} × ({f(d2)}) "
                f"= <b>{f(bw.delta1[j])}</b> (σ′ = z(1 − z))",
            )
        )
    steps.append(
        Step(
            tr("input weights", "入力層の重み"),
            ("x1", "x2", "h1", "h2"),
            (0, 1, 2, 3),
            f"∂E/∂W1[i, j] = x_i · δ1_j = [[{f(bw.dW1[0, 0])}, {f(bw.dW1[0, 1])}], "
            f"[{f(bw.dW1[1, 0])}, {f(bw.dW1[1, 1])}]]; ∂E/∂b1 = δ1 = [{f(bw.db1[0])}, {f(bw.db1[1])}]",
        )
    )
    steps.append(
        Step(
            tr("one SGD step", "SGDで重みを更新"),
            NODES,
            tuple(range(len(EDGES))),
            tr(
                f"w ← w − η ∂E/∂w with η = {f(lr)}: E goes from {f(bw.loss)} to <b>{f(after.loss(x, t))}</b>",
                f"w ← w − η ∂E/∂w（η = {f(lr)}）: E は {f(bw.loss)} から <b>{f(after.loss(x, t))}</b> になる",
            ),
        )
    )
    return steps


def _node_label(name: str, fw) -> str:
    f = lambda v: format_number(float(v), 4)  # noqa: E731 - tiny local formatter
    if name.startswith("x"):
        return f"x = {f(fw.x[int(name[1]) - 1])}"
    if name.startswith("h"):
        j = int(name[1]) - 1
        return f"u = {f(fw.u1[j])}\nz = {f(fw.z1[j])}"
    return f"u = {f(fw.u2[0])}\ny = {f(fw.y[0])}"


def backward_explorer(net: TwoLayerNet | None = None, x: ArrayLike = X, t: float = T, lr: float = LR) -> Explorer:
    """Step through the backward pass on a drawing of the network.

    Parameters
    ----------
    net : TwoLayerNet, optional
        A 2-2-1 network; seed 003's worked example by default.
    x : array_like, shape (2,)
        The input.
    t : float
        The target.
    lr : float
        Learning rate of the final SGD step.

    Returns
    -------
    Explorer
        Control ``step`` (0 = forward pass … 6 = SGD step); ``explorer.set(step=1)``
        moves it from code.  The drawing's artists are exposed as
        ``explorer.node_patches``, ``explorer.node_texts``, ``explorer.delta_texts``
        (dicts by node name) and ``explorer.edge_lines``, ``explorer.edge_texts``
        (lists in the order of :data:`EDGES`).
    """
    net = worked_example_net() if net is None else net
    if not isinstance(net, TwoLayerNet):
        raise TypeError(f"net must be a TwoLayerNet (e.g. worked_example_net()), got {type(net).__name__}")
    if net.W1.shape != (2, 2) or net.W2.shape != (2, 1):
        raise ValueError(f"net must be a 2-2-1 network, got W1 {net.W1.shape} and W2 {net.W2.shape}")
    fw, bw = net.forward(x), net.backward(x, t)
    steps = backward_steps(net, x, t, lr)
    f4 = lambda v: format_number(float(v), 4)  # noqa: E731
    deltas = {"y": bw.delta2[0], "h1": bw.delta1[0], "h2": bw.delta1[1]}
    grads = {"W1": bw.dW1, "W2": bw.dW2}
    params = {"W1": net.W1, "W2": net.W2}

    fig = live_figure((8.4, 4.0))
    ax = fig.add_subplot()
    ax.set(xlim=(-0.4, 6.6), ylim=(-0.7, 2.1), aspect="equal")
    ax.axis("off")
    edge_lines, edge_texts = [], []
    for (a, b, p, idx), frac in zip(EDGES, LABEL_AT, strict=True):
        (xa, ya), (xb, yb) = POSITIONS[a], POSITIONS[b]
        (line,) = ax.plot([xa, xb], [ya, yb], color=EDGE_IDLE, linewidth=1.5, zorder=1)
        lx, ly = xa + frac * (xb - xa), ya + frac * (yb - ya)
        label = ax.text(lx, ly, f"w={f4(params[p][idx])}", ha="center", va="center", fontsize=11, zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": BACKING})  # fmt: skip
        edge_lines.append(line)
        edge_texts.append(label)
    node_patches, node_texts, delta_texts = {}, {}, {}
    for name in NODES:
        px, py = POSITIONS[name]
        circle = ax.add_patch(Circle((px, py), RADIUS, facecolor=NODE_IDLE, edgecolor="black", linewidth=1.5, zorder=4))
        ax.text(px, py, name[0] + _sub(int(name[1])) if name != "y" else "y", ha="center", va="center",
                fontsize=13, zorder=5)  # fmt: skip
        node_patches[name] = circle
        node_texts[name] = ax.text(px, py - RADIUS - 0.06, _node_label(name, fw), ha="center", va="top", fontsize=11)
        delta_texts[name] = ax.text(px, py + RADIUS + 0.06, "", ha="center", va="bottom", fontsize=11,
                                    color=COLORS["gradient"])  # fmt: skip
    ax.text(5.2, 0.85, f"t = {f4(t)}", ha="left", va="center", fontsize=11, color=COLORS["target"])
    loss_text = ax.text(5.2, 0.6, f"E = {f4(bw.loss)}", ha="left", va="center", fontsize=11, color=COLORS["loss"])
    title = ax.set_title("", fontsize=13)
    after = TwoLayerNet(net.W1, net.b1, net.W2, net.b2)
    after.step(bw, lr)
    loss_after = f4(after.loss(x, t))

    def draw(step: float) -> None:
        k = int(round(step))
        s = steps[k]
        title.set_text(tr(f"step {k} / {len(steps) - 1}", f"ステップ {k} / {len(steps) - 1}") + f": {s.title}")
        for name in NODES:
            done = name in deltas and k >= {"y": 1, "h1": 3, "h2": 4}[name]
            colour = NODE_CURRENT if name in s.nodes and k < 6 else (NODE_DONE if done else NODE_IDLE)
            if node_patches[name].get_facecolor() != to_rgba(colour):  # (unchanged artists are not redrawn)
                node_patches[name].set_facecolor(colour)
            delta_texts[name].set_text(f"δ = {f4(deltas[name])}" if done else "")
        for e, (_a, _b, p, idx) in enumerate(EDGES):
            known = (p == "W2" and k >= 2) or (p == "W1" and k >= 5)
            if k == 6:
                label = f"w={f4(params[p][idx] - lr * grads[p][idx])}"  # the updated weight
            elif known:
                label = f"w={f4(params[p][idx])}\n∂E/∂w={f4(grads[p][idx])}"
            else:
                label = f"w={f4(params[p][idx])}"
            edge_texts[e].set_text(label)
            current = e in s.edges
            if edge_lines[e].get_linewidth() != (3.0 if current else 1.5):
                edge_lines[e].set_color(EDGE_CURRENT if current else EDGE_IDLE)
                edge_lines[e].set_linewidth(3.0 if current else 1.5)
                # the highlighted edge shows through its label's backing, which would otherwise hide part of it
                edge_texts[e].get_bbox_patch().set_alpha(BACKING_OVER_CURRENT if current else BACKING)
                edge_texts[e].stale = True
        loss_text.set_text(f"E = {f4(bw.loss)}" if k < 6 else f"E = {f4(bw.loss)}\n→ {loss_after}")

    def readout(step: float) -> str:
        k = int(round(step))
        head = tr(
            f"Step {k} / {len(steps) - 1} — {steps[k].title}.", f"ステップ {k} / {len(steps) - 1} — {steps[k].title}。"
        )
        return f"<b>{head}</b> {steps[k].text}"

    control = slider(
        tr("backward step", "逆伝播のステップ"), min=0, max=len(steps) - 1, step=1, value=0, name="step", integer=True
    )
    prev_button = widgets.Button(description=tr("◀ Previous", "◀ 前"), layout=widgets.Layout(width="120px"))
    next_button = widgets.Button(description=tr("Next ▶", "次 ▶"), layout=widgets.Layout(width="120px"))
    prev_button.add_class("course-button-prev")
    next_button.add_class("course-button-next")
    prev_button.on_click(lambda _b: setattr(control, "value", max(control.value - 1, control.min)))
    next_button.on_click(lambda _b: setattr(control, "value", min(control.value + 1, control.max)))

    explorer = Explorer(
        {"step": control},
        readout=readout,
        draw=draw,
        figure=fig,
        name="backprop",
        footer=widgets.HBox([prev_button, next_button]),
    )
    explorer.steps = steps
    explorer.node_patches, explorer.node_texts, explorer.delta_texts = node_patches, node_texts, delta_texts
    explorer.edge_lines, explorer.edge_texts, explorer.loss_text = edge_lines, edge_texts, loss_text
    explorer.buttons = {"prev": prev_button, "next": next_button}
    return explorer
