"""Chapter 03's explorer: drag the ten predicted probabilities and watch CE and MSE answer.

The ten probabilities ``y`` are the single source of truth.  Three ways move
them, and all three go through :meth:`BarsExplorer.move`:

* dragging a bar with the mouse (matplotlib ``button_press`` / ``motion_notify`` /
  ``button_release`` events from the live canvas; the bar under the cursor is picked by its x
  position and its height follows the cursor);
* the keyboard-accessible controls: a class slider (which bar) and a probability slider;
* code: ``explorer.move(9, 0.5)`` or ``explorer.set(p=0.9)``.

The explorer is stateful: ``y`` and the selected class live in :class:`BarsExplorer`; its readout reads
them without changing them, its draw applies a move.  Picking a class is one more control (``cls``): it
changes which bar the probability slider moves, never ``y``, and the slider then shows that bar's value.

Whenever one class moves, the other nine are rescaled by
:func:`helpers.distributions.set_probability` so that ``y`` stays a probability
distribution.  The figure's artists are changed in place (``set_height``,
``set_data``), never re-created.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, check_index
from helpers.distributions import set_probability
from helpers.i18n import tr
from helpers.live import Explorer, drag, format_number, live_figure, slider
from helpers.losses import DELTA, cross_entropy, mean_squared_error, one_hot
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = [
    "BarsExplorer",
    "bars_explorer",
    "FIGSIZE",
    "BARS_RECT",
    "CE_RECT",
    "MSE_RECT",
    "BARS_XLIM",
    "BARS_YLIM",
    "CE_YMAX",
    "STEP",
]

#: Figure size in inches, and the axes rectangles ``[left, bottom, width, height]`` in
#: figure fractions.  They are fixed (no layout engine), so a browser test can turn a
#: data point into a pixel on the canvas.
FIGSIZE = (9.4, 3.6)
BARS_RECT = (0.062, 0.155, 0.42, 0.70)
CE_RECT = (0.575, 0.155, 0.175, 0.70)
MSE_RECT = (0.815, 0.155, 0.165, 0.70)
BARS_XLIM = (-0.6, 9.6)
BARS_YLIM = (0.0, 1.08)
#: The −log curve is drawn up to this height; a larger CE is pinned to the top edge.
CE_YMAX = 6.0
#: Slider step; drags snap to the same grid, so every value a learner sets has 2 decimals.
STEP = 0.01


def _snap(value: float) -> float:
    """Clamp to [0, 1] and round to the slider's grid (0.01)."""
    return round(min(max(float(value), 0.0), 1.0), 2)


class BarsExplorer:
    """Ten draggable probability bars, a −log y curve and the MSE along the same path.

    Build it with :func:`bars_explorer`.  Attributes useful from code and tests:

    Attributes
    ----------
    y : ndarray, shape (K,)
        The current probabilities (a new array after every move).
    selected : int
        The class the slider moves (the last one dragged or chosen).
    correct : int
        The correct class (正解ラベル).
    explorer : helpers.live.Explorer
        Controls ``cls`` (the class picker) and ``p`` + readout ``course-readout-ce`` + live figure.
    class_picker : ipywidgets.IntSlider
        Chooses which class the slider moves (CSS class ``course-slider-ce-class``); the control ``cls``.
    bars, ce_marker, mse_marker, mse_curve
        The artists that are updated in place.
    """

    def __init__(self, y_pred: ArrayLike, correct: int = 2) -> None:
        y = as_float_array(y_pred, "y_pred")
        if y.ndim != 1:
            raise ValueError(f"y_pred must be one prediction, shape (K,), got shape {y.shape}")
        check_index(correct, "correct", y.size)
        self.y = set_probability(y, correct, float(y[correct]))  # validates the probabilities
        self._start = self.y.copy()
        self.correct = int(correct)
        self.selected = self.correct
        self.t = one_hot(self.correct, self.y.size)
        self._build_figure()

        self.slider = slider(
            tr("probability", "確率"), min=0.0, max=1.0, step=STEP, value=float(self.y[self.selected]), name="ce-p"
        )
        # The slider's meaning changes with the selected class, so the browser must never send back a
        # value the kernel set: with continuous_update on, ipywidgets' slider re-sends every value it is
        # given (snapped to its step), and such a late echo would land on the newly selected class.
        # Keys and a release still send; the bars are the live, continuous path.
        self.slider.continuous_update = False
        # A slider, not a dropdown: in JupyterLab's command mode the up/down arrow keys move between
        # cells even when a <select> has focus, while left/right reach a slider handle.
        self.class_picker = slider(
            tr(f"class to move (correct: {self.correct})", f"動かすクラス（正解: {self.correct}）"),
            min=0,
            max=self.y.size - 1,
            step=1,
            value=self.selected,
            name="ce-class",
            integer=True,
        )
        self.class_picker.continuous_update = False
        # A pick also sets the probability slider to that class's value, in the same answer (observed
        # before the explorer's own observer, which then finds these values answered): the page is told
        # the kernel set ``p`` itself, so until the new value arrives it does not take the old one for a move.
        self.class_picker.observe(self._on_pick, names="value")
        self.explorer = Explorer(
            {"cls": self.class_picker, "p": self.slider},
            readout=self._readout_for,
            draw=self._draw_for,
            figure=self.figure,
            name="ce",
        )
        self.widget = self.explorer.widget

        self.drag = drag(self.figure, self._grab, self._drag_to)

    # --- the figure -------------------------------------------------------------------------

    def _build_figure(self) -> None:
        fig = live_figure(FIGSIZE)
        fig.set_layout_engine("none")  # fixed rectangles: pixels are predictable
        self.figure = fig
        classes = np.arange(self.y.size)

        ax = self.ax_bars = fig.add_axes(BARS_RECT)
        colors = [COLORS["prediction"] if k == self.correct else COLORS["neutral"] for k in classes]
        self.bars = ax.bar(classes, self.y, width=0.8, color=colors, edgecolor="black", linewidth=0)
        ax.plot([self.correct], [1.0], MARKERS["target"], color=COLORS["target"], markersize=9)
        ax.set(
            xlim=BARS_XLIM,
            ylim=BARS_YLIM,
            xticks=classes,
            xlabel=tr("class", "クラス"),
            ylabel=tr("probability y", "確率 y"),
        )
        ax.set_title(tr("drag a bar (棒をドラッグ): prediction y, target ◆", "棒をドラッグ: 予測 y、正解 ◆"))

        grid = np.linspace(0.0, 1.0, 201)
        ax = self.ax_ce = fig.add_axes(CE_RECT)
        ax.plot(grid, -np.log(grid + DELTA), color=COLORS["loss"], linestyle=LINESTYLES["loss"])
        (self.ce_marker,) = ax.plot([], [], MARKERS["loss"], color=COLORS["loss"], markersize=10)
        self.ce_note = ax.text(0.97, 0.96, "", transform=ax.transAxes, ha="right", va="top", color=COLORS["loss"])
        ax.set(xlim=(0, 1), ylim=(0, CE_YMAX), xlabel="y_correct", ylabel="CE")
        ax.set_title("CE = −log y_correct")

        ax = self.ax_mse = fig.add_axes(MSE_RECT)
        ax.axhline(0.2, color=COLORS["neutral"], linestyle=LINESTYLES["neutral"], linewidth=1.5)
        ax.text(
            0.97, 0.2, tr("largest possible", "最大値"), ha="right", va="bottom", fontsize=9, color=COLORS["neutral"]
        )
        self.mse_grid = np.linspace(0.0, 1.0, 51)
        (self.mse_curve,) = ax.plot([], [], color=COLORS["gradient"], linestyle=LINESTYLES["gradient"])
        (self.mse_marker,) = ax.plot([], [], MARKERS["gradient"], color=COLORS["gradient"], markersize=9)
        ax.set(xlim=(0, 1), ylim=(0, 0.23), xlabel="y_correct", ylabel="MSE")
        ax.set_title(tr("MSE (平均二乗誤差)", "MSE（平均二乗誤差）"))

    def _draw(self) -> None:
        for k, (bar, height) in enumerate(zip(self.bars, self.y, strict=True)):
            bar.set_height(height)
            bar.set_linewidth(2.5 if k == self.selected else 0)
        y_c = float(self.y[self.correct])
        ce = self.ce
        self.ce_marker.set_data([y_c], [min(ce, CE_YMAX * 0.97)])
        self.ce_marker.set_marker(MARKERS["loss"] if ce < CE_YMAX else "^")
        self.ce_note.set_text("" if ce < CE_YMAX else f"↑ CE = {ce:.1f}")
        self.mse_curve.set_data(self.mse_grid, self._mse_path(self.mse_grid))
        self.mse_marker.set_data([y_c], [self.mse])

    def _mse_path(self, grid: np.ndarray) -> np.ndarray:
        """MSE if y_correct took each value of ``grid`` and the others kept their proportions.

        The same numbers as ``mean_squared_error(set_probability(y, correct, p), t)`` for each
        ``p``, vectorised so that a drag stays fluid.
        """
        others = np.delete(self.y, self.correct)
        rest = others.sum()
        share = others / rest if rest > 0 else np.full(others.size, 1.0 / others.size)
        scaled = (1.0 - grid)[:, None] * share[None, :]
        return ((grid - 1.0) ** 2 + np.sum(scaled**2, axis=1)) / self.y.size

    # --- the state --------------------------------------------------------------------------

    @property
    def ce(self) -> float:
        """Cross-entropy of the current ``y`` (one-hot sum form, delta 1e-7, as the book)."""
        return cross_entropy(self.y, self.t)

    @property
    def mse(self) -> float:
        """Mean squared error of the current ``y`` against the one-hot target."""
        return mean_squared_error(self.y, self.t)

    def _after(self, cls: int, p: float) -> np.ndarray:
        """``y`` after the move to these values: a newly picked class leaves it as it is, and so does a
        probability that is only the picked class's own value snapped to the slider's grid."""
        if cls != self.selected or abs(p - self.y[cls]) <= STEP / 2 + 1e-12:
            return self.y
        return set_probability(self.y, cls, float(p))

    def _readout_for(self, cls: int, p: float) -> str:
        """The readout for the controls' values, without changing anything (also the page's look-ahead)."""
        return self._readout(self._after(cls, p), cls)

    def _draw_for(self, cls: int, p: float) -> None:
        self.y = self._after(cls, p)
        self.selected = int(cls)
        self._draw()

    def _readout(self, y: np.ndarray | None = None, selected: int | None = None) -> str:
        y = self.y if y is None else y
        k, c = (self.selected if selected is None else selected), self.correct
        return tr(f"selected class {k}", f"選択中のクラス {k}") + (
            f": y[{k}] = {format_number(y[k])} &nbsp;|&nbsp; "
            f"y_correct = y[{c}] = <b>{format_number(y[c])}</b> &nbsp;→&nbsp; "
            f"CE = <b>{format_number(cross_entropy(y, self.t))}</b> · "
            f"MSE = <b>{format_number(mean_squared_error(y, self.t))}</b> · "
            f"Σy = {format_number(float(y.sum()))}"
        )

    def _on_pick(self, change: dict) -> None:
        self.explorer.set(p=float(self.y[change["new"]]))  # the slider shows that class; y is unchanged

    def select(self, k: int) -> None:
        """Make class ``k`` the one the slider moves (as the class selector does)."""
        if not 0 <= k < self.y.size:
            raise ValueError(f"k must be a class in 0..{self.y.size - 1}, got {k}")
        if k == self.class_picker.value:
            self._on_pick({"new": k})
        else:
            self.class_picker.value = k  # (the explorer's set() would answer twice: the pick sets p too)

    def move(self, k: int, p: float) -> None:
        """Set class ``k`` to probability ``p`` (snapped to 0.01); the others renormalise."""
        self.select(k)
        self.explorer.set(p=_snap(p))

    def reset(self) -> None:
        """Back to the starting probabilities, with the correct class selected."""
        self.y = self._start.copy()
        self.select(self.correct)

    def set(self, **values: float) -> None:
        """Move the controls from code: ``set(p=0.9)`` moves the selected class, ``set(cls=5, p=0.3)`` picks first."""
        if "cls" in values:
            self.select(values.pop("cls"))
        if values:
            self.explorer.set(**values)

    @property
    def readout_text(self) -> str:
        return self.explorer.readout_text

    # --- the mouse --------------------------------------------------------------------------

    def _bar_under(self, event) -> int | None:
        if event.inaxes is not self.ax_bars or event.xdata is None or event.ydata is None:
            return None
        k = int(round(event.xdata))
        if 0 <= k < self.y.size and abs(event.xdata - k) <= 0.45:
            return k
        return None

    def _grab(self, event) -> int | None:
        """A press on a bar's column picks that bar and moves its top to the cursor."""
        k = self._bar_under(event)
        if k is not None:
            self.move(k, event.ydata)
        return k

    def _drag_to(self, _k: int, event) -> None:
        """While the button is down, the picked bar's height follows the cursor."""
        p = _snap(event.ydata)
        if p != self.y[self.selected]:
            self.explorer.set(p=p)

    def _repr_mimebundle_(self, **kwargs: object) -> tuple[dict, dict]:
        return self.explorer._repr_mimebundle_(**kwargs)


def bars_explorer(y_pred: ArrayLike, correct: int = 2) -> BarsExplorer:
    """Drag the bars of ``y_pred`` (or use the slider) and watch CE, MSE and −log y move together.

    Parameters
    ----------
    y_pred : array_like, shape (K,)
        Starting probabilities; they must sum to 1.
    correct : int, default 2
        The correct class; the target is one-hot at this index.

    Returns
    -------
    BarsExplorer
        Display it in a notebook; ``move(k, p)`` and ``set(p=...)`` drive it from code.

    Examples
    --------
    >>> ex = bars_explorer([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    >>> ex.readout_text.split("→")[1].strip()[:13]
    'CE = 0.510825'
    """
    return BarsExplorer(y_pred, correct)
