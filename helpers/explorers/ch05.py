"""Chapter 05's tools: gradient descent on a 1-D loss and on an elongated 2-D bowl, with the path drawn."""

from __future__ import annotations

import numpy as np

from helpers.fit import (  # noqa: F401 - re-exported: the chapter's maths, shown by the explorer
    CONVERGED,
    START_2D,
    W0_1D,
    _check_descent,
    descend_1d,
    descend_2d,
    grad_1d,
    grad_2d,
    loss_1d,
    loss_2d,
    verdict,
)
from helpers.i18n import Text, tr
from helpers.live import Explorer, format_number, live_figure, slider
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = [
    "W0_1D",
    "START_2D",
    "loss_1d",
    "grad_1d",
    "loss_2d",
    "grad_2d",
    "descend_1d",
    "descend_2d",
    "verdict",
    "descent_explorer",
]


#: :func:`verdict`'s words in the edition's language.
VERDICTS = {
    "diverged": Text("diverged", "発散"),
    "converged": Text("converged", "収束"),
    "not there yet": Text("not there yet", "まだ途中"),  # i18n: not prose (the key is verdict()'s word)
}


def _said(word: str) -> str:
    """The verdict in brackets, as the edition writes them: `` (converged)`` or ``（収束）``."""
    text = VERDICTS[word]
    return tr(f" ({text.en})", f"（{text.ja}）")


def _readout(lr: float, steps: int, path1: np.ndarray, path2: np.ndarray) -> str:
    l1_first, l1_last = loss_1d(path1[0]), loss_1d(path1[-1])
    l2_first, l2_last = loss_2d(path2[0]), loss_2d(path2[-1])
    return (
        f"<b>η = {lr:.2f}, {tr(f'{steps} steps', f'{steps}ステップ')}</b> &nbsp;→&nbsp; "
        f"{tr('1-D', '1次元')}: w = {format_number(path1[-1])}, L = <b>{format_number(l1_last)}</b>"
        f"{_said(verdict(l1_first, l1_last))} · "
        f"{tr('2-D', '2次元')}: w = ({format_number(path2[-1][0])}, {format_number(path2[-1][1])}), "
        f"f = <b>{format_number(l2_last)}</b>{_said(verdict(l2_first, l2_last))}"
    )


#: The 2-D panel draws −∇f at ``1 / ARROW_SCALE`` of its length (in the plot's units), so the arrows stay inside it.
ARROW_SCALE = 2.0


def descent_explorer(lr: float = 0.1, steps: int = 30) -> Explorer:
    """Sliders on the learning rate η (学習率) and the number of steps; both paths redrawn in place.

    Left: ``L(w) = (w − 2)²`` with the visited points.  Right: contours of
    ``f = w1²/20 + w2²`` with the path from (−7, 2), and at each visited point an
    arrow along −∇f (half its length): the way downhill, which the step follows
    scaled by η.  The same η drives both.  ``explorer.arrows`` is that quiver.
    """
    lr, steps = _check_descent(lr, steps)
    if not 0.01 <= lr <= 1.1 or not 1 <= steps <= 100:
        raise ValueError(
            f"lr must lie in [0.01, 1.1] and steps in 1..100 (the sliders' ranges), got lr={lr!r}, steps={steps!r}"
        )
    fig = live_figure((9.0, 3.6))
    ax1, ax2 = fig.subplots(1, 2)

    ws = np.linspace(-4.0, 8.0, 241)
    ax1.plot(ws, (ws - 2.0) ** 2, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="L(w) = (w − 2)²")
    (path1_line,) = ax1.plot(
        [],
        [],
        "-",
        marker=MARKERS["prediction"],
        color=COLORS["gradient"],
        linewidth=1,
        markersize=5,
        label=tr("steps", "ステップ"),
    )
    ax1.plot(
        [W0_1D], [loss_1d(W0_1D)], MARKERS["target"], color=COLORS["target"], markersize=8, label=tr("start", "開始点")
    )
    ax1.set(xlim=(-4, 8), ylim=(0, 40), xlabel="w", ylabel="L(w)", title=tr("1-D loss", "1次元の損失"))
    ax1.legend(loc="upper center")  # i18n: not prose

    g1, g2 = np.meshgrid(np.linspace(-10, 10, 201), np.linspace(-3, 3, 121))
    ax2.contour(g1, g2, g1**2 / 20 + g2**2, levels=[0.05, 0.2, 0.5, 1, 2, 4, 7], colors=COLORS["neutral"], linewidths=1)
    (path2_line,) = ax2.plot(
        [], [], "-", marker=MARKERS["prediction"], color=COLORS["gradient"], linewidth=1, markersize=4
    )
    ax2.plot([START_2D[0]], [START_2D[1]], MARKERS["target"], color=COLORS["target"], markersize=8)
    ax2.plot([0], [0], "*", color=COLORS["loss"], markersize=12)
    # −∇f at every visited point (one arrow per point; unused ones masked): the direction each step takes
    spots = np.zeros((101, 2))
    arrows = ax2.quiver(
        spots[:, 0], spots[:, 1], np.ma.masked_all(101), np.ma.masked_all(101),
        angles="xy", scale_units="xy", scale=ARROW_SCALE, color=COLORS["loss"], width=0.006, minlength=0, zorder=3,
    )  # fmt: skip
    ax2.set(
        xlim=(-10, 10),
        ylim=(-3, 3),
        xlabel="$w_1$",
        ylabel="$w_2$",
        title=tr("2-D: f = w1²/20 + w2²; arrows −∇f", "2次元: f = w1²/20 + w2²、矢印は −∇f"),
    )

    def draw(lr: float, steps: float) -> None:
        n = int(round(steps))
        p1 = descend_1d(lr, n)
        p2 = descend_2d(lr, n)
        path1_line.set_data(p1, (p1 - 2.0) ** 2)
        path2_line.set_data(p2[:, 0], p2[:, 1])
        down = -np.array([grad_2d(w) for w in p2])
        spots[:] = p2[-1]
        spots[: len(p2)] = p2
        u, v = np.ma.masked_all(101), np.ma.masked_all(101)
        u[: len(p2)], v[: len(p2)] = down[:, 0], down[:, 1]
        arrows.set_offsets(spots)
        arrows.set_UVC(u, v)

    def readout(lr: float, steps: float) -> str:
        n = int(round(steps))
        return _readout(lr, n, descend_1d(lr, n), descend_2d(lr, n))

    controls = {
        "lr": slider(
            tr("learning rate η", "学習率 η"), min=0.01, max=1.1, step=0.01, value=lr, name="lr", number_box=True
        ),
        "steps": slider(
            tr("steps", "ステップ数"), min=1, max=100, step=1, value=steps, name="steps", readout_format=".0f"
        ),
    }
    explorer = Explorer(controls, readout=readout, draw=draw, figure=fig, name="descent")
    explorer.arrows = arrows
    return explorer
