"""Chapter 09's widgets: a training monitor (progress + live loss curve) and a browser of mistakes.

* :class:`TrainingMonitor` — an ``IntProgress`` bar, a status line and a live
  loss curve whose ``Line2D`` is updated in place; pass ``monitor.callback`` to
  :func:`helpers.train`.
* :func:`mistakes_explorer` — a slider over the misclassified test digits,
  showing the image and the network's ten probabilities as bars.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, as_labels
from helpers.fit import confusion_matrix  # noqa: F401 - re-exported: the chapter's maths
from helpers.i18n import tr
from helpers.live import Explorer, format_number, live_figure, slider
from helpers.network import History, TwoLayerNet
from helpers.style import COLORS, LINESTYLES

__all__ = ["TrainingMonitor", "confusion_matrix", "mistakes_explorer"]


class TrainingMonitor:
    """Progress bar, status line and a live loss curve for :func:`helpers.train`.

    Parameters
    ----------
    epochs : int
        Epochs the run will take.
    steps_per_epoch : int
        ``N // batch_size``.
    ymax : float, default 2.5
        Top of the loss axis (fixed, so the axes never jump while training).
    redraw_every : int, default 5
        Redraw the curve every this many epochs: one redraw costs more than an epoch of training.
    name : str, default "train"
        CSS classes ``course-progress-<name>`` (status line) and ``course-monitor-<name>``.

    Examples
    --------
    ``monitor = TrainingMonitor(20, 42); display(monitor.widget)`` then
    ``train(..., callback=monitor.callback)`` and ``monitor.finish(accuracy)``.
    """

    def __init__(
        self, epochs: int, steps_per_epoch: int, *, ymax: float = 2.5, redraw_every: int = 5, name: str = "train"
    ) -> None:
        self.epochs, self.steps_per_epoch = int(epochs), int(steps_per_epoch)
        self.redraw_every = int(redraw_every)
        self.total = self.epochs * self.steps_per_epoch
        self.losses: list[float] = []
        self.bar = widgets.IntProgress(
            value=0, min=0, max=self.epochs, description=tr("epoch", "エポック"), bar_style="info"
        )
        self.status = widgets.HTML(tr("epoch", "エポック") + f" 0 / {self.epochs}")
        self.status.add_class(f"course-progress-{name}")
        self.figure = live_figure((7.2, 2.8))
        ax = self.figure.add_subplot()
        (self.line,) = ax.plot([], [], color=COLORS["loss"], linestyle=LINESTYLES["loss"], linewidth=1.0)
        ax.set(
            xlim=(0, self.total),
            ylim=(0, ymax),
            xlabel=tr("step (mini-batch)", "ステップ（ミニバッチ）"),
            ylabel=tr("loss", "損失"),
        )
        ax.set_title(tr("mini-batch loss while training (学習中の損失)", "学習中のミニバッチの損失"))
        self.axes = ax
        self.widget = widgets.VBox([widgets.HBox([self.bar, self.status]), self.figure.canvas])
        self.widget.add_class(f"course-monitor-{name}")

    def callback(self, epoch: int, step: int, loss: float) -> None:
        """``callback(epoch, step, loss)`` for :func:`helpers.train`: progress every epoch, curve every few."""
        self.losses.append(loss)
        if (step + 1) % self.steps_per_epoch == 0:
            self.bar.value = epoch + 1
            self.status.value = tr(
                f"epoch {epoch + 1} / {self.epochs} · loss {format_number(loss, 4)}",
                f"エポック {epoch + 1} / {self.epochs} · 損失 {format_number(loss, 4)}",
            )
            if (epoch + 1) % self.redraw_every == 0:
                self.line.set_data(np.arange(1, len(self.losses) + 1), self.losses)
                self._push()

    def _push(self) -> None:
        # The kernel is busy inside train(), so the browser cannot ask for a redraw
        # (draw_idle); render now and send the picture directly (a live canvas's draw sends it).
        self.figure.canvas.draw()

    def finish(self, history: History, accuracy: float) -> str:
        """Mark the run done; returns (and shows) the final status line."""
        self.bar.value = self.epochs
        self.bar.bar_style = "success"
        self.line.set_data(np.arange(1, len(self.losses) + 1), self.losses)
        last, percent = format_number(history.epoch_losses[-1], 4), f"{100 * accuracy:.2f}"
        self.status.value = tr(
            f"epoch {self.epochs} / {self.epochs} · done · last epoch loss {last} · test accuracy <b>{percent} %</b>",
            f"エポック {self.epochs} / {self.epochs} · 完了 · 最後のエポックの損失 {last} · "
            f"テストデータの認識精度 <b>{percent} %</b>",
        )
        self.figure.canvas.draw_idle()
        return self.status.value


def mistakes_explorer(net: TwoLayerNet, X: ArrayLike, labels: ArrayLike) -> Explorer:
    """Browse the misclassified samples: the 8×8 image and the network's probabilities.

    Parameters
    ----------
    net : TwoLayerNet
        A trained 64-H-10 softmax network.
    X : array_like, shape (N, 64)
        Test images (pixels in [0, 1]).
    labels : array_like of int, shape (N,)
        Their true digits.

    Returns
    -------
    Explorer
        Control ``number`` (1 … number of mistakes, as the readout counts them); ``explorer.mistakes`` holds
        their row numbers in ``X``; ``explorer.image``, ``explorer.bars`` the artists.
    """
    if not isinstance(net, TwoLayerNet):
        raise TypeError(f"net must be a trained TwoLayerNet, got {type(net).__name__}")
    x = as_float_array(X, "X")
    if x.ndim != 2 or x.shape[1] != 64:
        raise ValueError(f"X must hold 8x8 images as rows, shape (N, 64), got shape {x.shape}")
    lab = as_labels(labels, "labels", n_classes=10, classes_from="the digits (0-9)")  # i18n: not prose
    if lab.shape != (x.shape[0],):
        raise ValueError(f"labels must have one label per row of X ({x.shape[0]}), got shape {lab.shape}")
    probs = net.forward(x).y
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != lab)
    if wrong.size == 0:
        raise ValueError("the network makes no mistakes on these samples: nothing to browse")

    fig = live_figure((7.6, 2.9))
    ax_img, ax_bar = fig.subplots(1, 2, width_ratios=[1, 2])
    image = ax_img.imshow(x[wrong[0]].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    ax_img.set(xticks=[], yticks=[])
    ax_img.grid(False)
    bars = ax_bar.bar(np.arange(10), probs[wrong[0]], color=COLORS["neutral"])
    ax_bar.set(
        xticks=np.arange(10),
        ylim=(0, 1.05),
        xlabel=tr("digit", "数字"),
        ylabel=tr("probability (softmax)", "確率（ソフトマックス）"),
    )
    ax_bar.set_title(tr("the network's output y", "ネットワークの出力 y"))

    def draw(number: int) -> None:
        k = int(number) - 1
        row = wrong[k]
        image.set_data(x[row].reshape(8, 8))
        ax_img.set_title(tr(f"true {lab[row]}, predicted {pred[row]}", f"正解 {lab[row]}、予測 {pred[row]}"))
        for digit, bar in enumerate(bars):
            bar.set_height(probs[row, digit])
            colour = COLORS["target"] if digit == lab[row] else COLORS["neutral"]
            bar.set_color(COLORS["loss"] if digit == pred[row] else colour)

    def readout(number: int) -> str:
        k = int(number) - 1
        row = wrong[k]
        p_true, p_pred = format_number(probs[row, lab[row]]), format_number(probs[row, pred[row]])
        return tr(
            f"<b>mistake {k + 1} of {wrong.size}</b> (test sample {row}): true digit {lab[row]} "
            f"gets p = {p_true}, predicted digit <b>{pred[row]}</b> gets p = {p_pred}",
            f"<b>誤り {k + 1} / {wrong.size}</b>（テストサンプル {row}）: 正解の数字 {lab[row]} "
            f"は p = {p_true}、予測した数字 <b>{pred[row]}</b> は p = {p_pred}",
        )

    control = slider(tr("mistake", "誤り"), min=1, max=int(wrong.size), step=1, value=1, name="mistake", integer=True)
    explorer = Explorer({"number": control}, readout=readout, draw=draw, figure=fig, name="mistakes")
    explorer.mistakes, explorer.image, explorer.bars, explorer.probabilities = wrong, image, bars, probs
    return explorer
