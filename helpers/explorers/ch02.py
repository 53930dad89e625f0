"""Chapter 02's explorers: move a predicted probability; drag an outlier."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, check_index, check_probabilities, check_same_shape
from helpers.distributions import set_probability
from helpers.i18n import tr
from helpers.live import Explorer, draggable, format_number, live_figure, slider
from helpers.losses import (
    half_sum_squared_error,
    huber_loss,
    mean_absolute_error,
    mean_squared_error,
    sum_squared_error,
)
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = ["probability_explorer", "outlier_explorer", "OUTLIER_DATA"]


def _probability_readout(p: float, y: np.ndarray, t: np.ndarray) -> str:
    return (
        f"<b>{tr('p(class 2)', 'p(クラス 2)')} = {p:.2f}</b> &nbsp;→&nbsp; "
        f"SSE = {format_number(sum_squared_error(y, t))} · "
        f"½SSE = {format_number(half_sum_squared_error(y, t))} · "
        f"MSE = <b>{format_number(mean_squared_error(y, t))}</b>"
    )


def probability_explorer(y_pred: ArrayLike, y_true: ArrayLike, index: int = 2) -> Explorer:
    """Slider on the predicted probability of class ``index``; the others renormalise.

    Left: the ten predicted probabilities (bars) against the one-hot target
    (diamonds).  Right: MSE as a function of that probability, with a marker
    at the current value.  Both are updated in place.

    Parameters
    ----------
    y_pred : array_like, shape (K,)
        Starting probabilities (sum to 1).
    y_true : array_like, shape (K,)
        One-hot target.
    index : int, default 2
        The class whose probability the slider moves.

    Returns
    -------
    Explorer
        ``explorer.set(p=0.9)`` moves the slider from code.
    """
    y0 = as_float_array(y_pred, "y_pred")
    t = as_float_array(y_true, "y_true")
    if y0.ndim != 1:
        raise ValueError(f"y_pred must be one prediction, shape (K,), got shape {y0.shape}")
    check_same_shape(y0, t, "y_pred", "y_true")
    check_probabilities(y0, "y_pred", must_sum_to_one=True)
    check_index(index, "index", y0.size)
    classes = np.arange(y0.size)

    fig = live_figure((8.4, 3.2))
    ax_bars, ax_curve = fig.subplots(1, 2, width_ratios=[1.3, 1])
    colors = [COLORS["prediction"] if k == index else COLORS["neutral"] for k in classes]
    bars = ax_bars.bar(classes, y0, color=colors, label=tr("prediction y", "予測 y"))
    ax_bars.plot(classes, t, MARKERS["target"], color=COLORS["target"], label=tr("target t", "正解 t"))
    ax_bars.set(xticks=classes, ylim=(0, 1.05), xlabel=tr("class", "クラス"), ylabel=tr("probability", "確率"))
    ax_bars.set_title(tr("prediction vs target (予測と正解)", "予測と正解"))
    ax_bars.legend(loc="upper right")  # i18n: not prose

    grid = np.linspace(0.0, 1.0, 101)
    curve = [mean_squared_error(set_probability(y0, index, p), t) for p in grid]
    ax_curve.plot(grid, curve, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="MSE")
    (marker,) = ax_curve.plot([], [], MARKERS["loss"], color=COLORS["loss"], markersize=9)
    ax_curve.set(xlabel=tr(f"p(class {index})", f"p(クラス {index})"), ylabel="MSE", xlim=(0, 1))
    ax_curve.set_title(tr("MSE (平均二乗誤差) vs p", "MSE（平均二乗誤差）と p"))

    def readout(p: float) -> str:
        return _probability_readout(p, set_probability(y0, index, p), t)

    def draw(p: float) -> None:
        y = set_probability(y0, index, p)
        for bar, height in zip(bars, y, strict=True):
            bar.set_height(height)
        marker.set_data([p], [mean_squared_error(y, t)])

    control = slider(
        tr(f"p(class {index})", f"p(クラス {index})"), min=0.0, max=1.0, step=0.01, value=float(y0[index]), name="p"
    )
    return Explorer({"p": control}, readout=readout, draw=draw, figure=fig, name="probability")


#: Eight measurements of the same quantity (true value 1.0); the last is the one you drag.
OUTLIER_DATA = np.array([0.9, 1.1, 1.0, 0.95, 1.05, 0.9, 1.1, 1.0])


def _outlier_readout(value: float, y_pred: np.ndarray, y_true: np.ndarray) -> str:
    return (
        f"<b>{tr('last point', '最後の点')} = {value:.2f}</b> &nbsp;→&nbsp; "
        f"MSE = <b>{format_number(mean_squared_error(y_pred, y_true))}</b> · "
        f"MAE = {format_number(mean_absolute_error(y_pred, y_true))} · "
        f"Huber = {format_number(huber_loss(y_pred, y_true))}"
    )


def outlier_explorer(prediction: float = 1.0) -> Explorer:
    """Move (slider) or drag (mouse) the last point and compare MSE, MAE and Huber.

    The model predicts the constant ``prediction`` for every point; the losses
    are computed between that prediction and :data:`OUTLIER_DATA` with its last
    value replaced.
    """
    data = OUTLIER_DATA.copy()
    y_pred = np.full(data.size, float(prediction))
    idx = np.arange(data.size)

    fig = live_figure((8.4, 3.2))
    ax_pts, ax_bar = fig.subplots(1, 2, width_ratios=[1.3, 1])
    ax_pts.axhline(
        prediction,
        color=COLORS["prediction"],
        linestyle=LINESTYLES["prediction"],
        label=tr("prediction", "予測"),
    )
    ax_pts.plot(idx[:-1], data[:-1], MARKERS["data"], color=COLORS["data"], label=tr("data", "データ"))
    (outlier,) = ax_pts.plot(
        [idx[-1]],
        [data[-1]],
        MARKERS["other"],
        color=COLORS["other"],
        markersize=12,
    )  # not in the legend: a legend marker looking like the point invites dragging the legend
    segments = ax_pts.vlines(idx, y_pred, data, color=COLORS["neutral"], linestyle=":")
    ax_pts.set(
        ylim=(-0.2, 6.2),
        xlabel=tr("sample", "サンプル"),
        ylabel=tr("value", "値"),
        title=tr("residuals (残差): drag the last point", "残差: 最後の点をドラッグ"),
    )
    ax_pts.legend(loc="upper left")  # i18n: not prose
    names = ["MSE", "MAE", "Huber"]
    loss_bars = ax_bar.bar(
        names,
        [0, 0, 0],
        color=[COLORS["loss"], COLORS["gradient"], COLORS["target"]],
        hatch=["", "//", ".."],
    )
    ax_bar.set(ylim=(0, 3.2), title=tr("loss (損失)", "損失"))

    def readout(value: float) -> str:
        return _outlier_readout(value, y_pred, np.append(data[:-1], value))

    def draw(value: float) -> None:
        data[-1] = value
        outlier.set_data([idx[-1]], [value])
        segments.set_segments([[(i, prediction), (i, v)] for i, v in zip(idx, data, strict=True)])
        losses = [
            mean_squared_error(y_pred, data),
            mean_absolute_error(y_pred, data),
            huber_loss(y_pred, data),
        ]
        for bar, height in zip(loss_bars, losses, strict=True):
            bar.set_height(height)

    control = slider(tr("last point", "最後の点"), min=0.0, max=6.0, step=0.05, value=1.0, name="outlier")
    explorer = Explorer({"value": control}, readout=readout, draw=draw, figure=fig, name="outlier")
    explorer.drag = draggable(fig, outlier, control, axis="y")  # the slider is its keyboard alternative
    return explorer
