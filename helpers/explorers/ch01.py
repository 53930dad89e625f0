"""Chapter 01's tools: two candidate lines, least squares, accuracy vs loss, and the line-fitting explorer."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from numpy.typing import ArrayLike

from helpers.data import toy_regression
from helpers.fit import (  # noqa: F401 - re-exported: the chapter's maths, shown by the explorer
    LINE_A,
    LINE_B,
    accuracy,
    least_squares,
    line_losses,
    threshold_data,
    threshold_loss,
)
from helpers.i18n import tr
from helpers.live import Explorer, drag, format_number, live_figure, slider
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = [
    "LINE_A",
    "LINE_B",
    "least_squares",
    "line_losses",
    "threshold_data",
    "accuracy",
    "threshold_loss",
    "FitExplorer",
    "fit_explorer",
]


def signed(text: str) -> str:
    """A formatted number as a term added to a formula: ``"+ 0.20"``, ``"− 1.95"``, never ``"+ -1.95"``."""
    if text.startswith("-") and float(text) != 0:
        return f"− {text[1:]}"
    return f"+ {text.lstrip('-')}"


def _fit_readout(w, b, sse, mse, best, moved) -> str:
    text = (
        f"<b>{tr('your line', 'あなたの直線')}</b> y = {w:.2f}·x {signed(f'{b:.2f}')} &nbsp;→&nbsp; "
        f"SSE = {format_number(sse)} · MSE = <b>{format_number(mse)}</b>"
    )
    if best is not None:
        bw, bb, bsse, bmse = best
        text += (
            f"<br>\n<b>{tr('least squares', '最小二乗法')}</b> "
            f"y = {format_number(bw, 4)}·x {signed(format_number(bb, 4))} &nbsp;→&nbsp; "
            f"SSE = {format_number(bsse)} · MSE = <b>{format_number(bmse)}</b>"
        )
    if moved is not None:
        text += "<br>\n" + tr(
            f"you moved point {moved[0]} to t = {moved[1]:.2f}", f"点{moved[0]}を t = {moved[1]:.2f} に動かした"
        )
    return text


class FitExplorer:
    """Slope and intercept sliders over a point cloud, residuals, live SSE/MSE, and the least-squares line.

    Left: the points, your line and its residuals (残差) as dotted segments;
    the least-squares line appears when the toggle is on.  Drag any point up
    or down with the mouse: the losses and the least-squares line follow.
    Right: MSE for every (w, b) as a map; the triangle is your line, the star
    the least-squares line.  Click the map to jump to that line.

    Attributes
    ----------
    explorer : Explorer
        Controls ``w``, ``b`` (sliders) and ``best`` (toggle); ``explorer.set(w=2, best=True)``.
    x, y : ndarray
        The current points (``y`` changes when a point is dragged).
    """

    def __init__(self, x: ArrayLike, y: ArrayLike, w0: float = 1.0, b0: float = 3.0) -> None:
        self.x = np.array(x, dtype=float)
        self.y = np.array(y, dtype=float)
        self.y0 = self.y.copy()
        self.moved: tuple[int, float] | None = None
        self.w_grid = np.linspace(-1.0, 5.0, 121)
        self.b_grid = np.linspace(-4.0, 6.0, 101)

        fig = live_figure((9.4, 3.7))
        self.ax_fit, self.ax_map = fig.subplots(1, 2, width_ratios=[1.35, 1])
        ax = self.ax_fit
        xs = np.array([-0.2, 5.2])
        self.segments = ax.vlines(
            self.x, self.y, self.y, color=COLORS["neutral"], linestyle=":", label=tr("residual", "残差")
        )
        (self.points,) = ax.plot(
            self.x, self.y, MARKERS["data"], color=COLORS["data"], markersize=7, label=tr("data", "データ")
        )
        (self.line,) = ax.plot(
            xs,
            xs,
            color=COLORS["prediction"],
            linestyle=LINESTYLES["prediction"],
            label=tr("your line", "あなたの直線"),
        )
        (self.best_line,) = ax.plot(
            xs, xs, color=COLORS["target"], linestyle=LINESTYLES["target"], label=tr("least squares", "最小二乗法")
        )
        ax.set(xlim=(-0.2, 5.2), ylim=(-2.0, 15.0), xlabel="x", ylabel="y")
        ax.set_title(tr("drag a point · 点をドラッグ", "点をドラッグできる"))
        ax.legend(loc="upper left", fontsize=9)  # i18n: not prose

        self.image = self.ax_map.imshow(
            self._log_mse_map(),
            origin="lower",
            aspect="auto",
            extent=(self.w_grid[0], self.w_grid[-1], self.b_grid[0], self.b_grid[-1]),
            cmap="cividis_r",
            vmin=-0.2,
            vmax=2.6,
        )
        fig.colorbar(self.image, ax=self.ax_map, label="log₁₀ MSE")
        (self.here,) = self.ax_map.plot(
            [], [], MARKERS["prediction"], color=COLORS["prediction"], markersize=11, markeredgecolor="black"
        )
        (self.star,) = self.ax_map.plot([], [], "*", color=COLORS["target"], markersize=15, markeredgecolor="white")
        self.ax_map.set(
            xlabel=tr("slope w (重み)", "傾き w（重み）"), ylabel=tr("intercept b (バイアス)", "切片 b（バイアス）")
        )
        self.ax_map.set_title(tr("MSE of every line", "あらゆる直線の平均二乗誤差"))

        controls = {
            "w": slider(tr("slope w", "傾き w"), min=-1.0, max=5.0, step=0.05, value=w0, name="slope"),
            "b": slider(tr("intercept b", "切片 b"), min=-4.0, max=6.0, step=0.05, value=b0, name="intercept"),
            "best": widgets.ToggleButton(
                value=False,
                description=tr("least squares: off", "最小二乗法: オフ"),
                icon="eye-slash",
                layout=widgets.Layout(width="200px"),
            ),
        }
        controls["best"].add_class("course-toggle-best")

        def say_state(change: dict) -> None:  # the label says whether the line is shown
            controls["best"].description = (
                tr("least squares: on", "最小二乗法: オン")
                if change["new"]
                else tr("least squares: off", "最小二乗法: オフ")
            )
            controls["best"].icon = "eye" if change["new"] else "eye-slash"

        controls["best"].observe(say_state, names="value")
        reset = widgets.Button(description=tr("reset points", "点を元に戻す"), icon="undo")
        reset.add_class("course-button-reset")
        reset.on_click(lambda _button: self.reset_points())
        self.explorer = Explorer(
            controls,
            readout=self._readout,
            draw=self._draw,
            figure=fig,
            name="fit",
            footer=reset,
            readout_lines=3,
        )
        self.drag = drag(fig, self._grab, lambda index, event: self.move_point(index, event.ydata))

    # -- logic -------------------------------------------------------------------------------------------------
    def _log_mse_map(self) -> np.ndarray:
        W, B = np.meshgrid(self.w_grid, self.b_grid)
        residuals = W[..., None] * self.x + B[..., None] - self.y
        return np.log10(np.mean(residuals**2, axis=-1))

    def best(self) -> tuple[float, float, float, float]:
        """(w*, b*, SSE, MSE) of the least-squares line for the current points."""
        w, b = least_squares(self.x, self.y)
        return (w, b, *line_losses(w, b, self.x, self.y))

    def _readout(self, w: float, b: float, best: bool) -> str:
        """The readout for these values and the current points."""
        return _fit_readout(w, b, *line_losses(w, b, self.x, self.y), self.best() if best else None, self.moved)

    def _draw(self, w: float, b: float, best: bool) -> None:
        xs = self.line.get_xdata()
        self.line.set_ydata(w * xs + b)
        self.points.set_ydata(self.y)
        self.segments.set_segments([[(xi, yi), (xi, w * xi + b)] for xi, yi in zip(self.x, self.y, strict=True)])
        self.here.set_data([w], [b])
        optimum = self.best()
        self.best_line.set_ydata(optimum[0] * xs + optimum[1])
        self.star.set_data([optimum[0]], [optimum[1]])
        self.best_line.set_visible(best)
        self.star.set_visible(best)

    def move_point(self, index: int, y_new: float) -> None:
        """Move point ``index`` to height ``y_new`` (rounded to 0.01, as the readout shows it)."""
        if not 0 <= index < self.y.size:
            raise ValueError(f"index must be in 0..{self.y.size - 1}, got {index!r}")
        self.y[index] = round(float(y_new), 2)
        self.moved = (index, float(self.y[index]))
        self.image.set_data(self._log_mse_map())
        self.explorer.refresh()

    def reset_points(self) -> None:
        """Put every point back where the data set had it."""
        self.y[:] = self.y0
        self.moved = None
        self.image.set_data(self._log_mse_map())
        self.explorer.refresh()

    # -- mouse -------------------------------------------------------------------------------------------------
    def _nearest_point(self, event, radius_px: float = 15.0) -> int | None:
        pixels = self.ax_fit.transData.transform(np.column_stack([self.x, self.y]))
        dist = np.hypot(pixels[:, 0] - event.x, pixels[:, 1] - event.y)
        i = int(np.argmin(dist))
        return i if dist[i] <= radius_px else None

    def _grab(self, event) -> int | None:
        """A press: on a point, grab it (its index); on the loss map, set (w, b) there."""
        if event.inaxes is self.ax_fit:
            return self._nearest_point(event)
        if event.inaxes is self.ax_map and event.xdata is not None:
            controls = self.explorer.controls
            w = float(np.clip(round(event.xdata / 0.05) * 0.05, controls["w"].min, controls["w"].max))
            b = float(np.clip(round(event.ydata / 0.05) * 0.05, controls["b"].min, controls["b"].max))
            self.explorer.set(w=round(w, 2), b=round(b, 2))
        return None

    def _repr_mimebundle_(self, **kwargs: object) -> tuple[dict, dict]:
        return self.explorer._repr_mimebundle_(**kwargs)


def fit_explorer(seed: int = 0) -> FitExplorer:
    """The chapter's explorer over ``toy_regression(seed=seed)``, starting from the line y = 1·x + 3."""
    x, y = toy_regression(seed=seed)
    return FitExplorer(x, y)
