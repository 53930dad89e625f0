"""Chapter 04's tools: where the naive softmax breaks, and a small weighted logistic regression."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from helpers.fit import fit_logistic, weighted_loss  # noqa: F401 - re-exported: the chapter's maths
from helpers.i18n import tr
from helpers.live import Explorer, format_number, live_figure, slider
from helpers.losses import cross_entropy_from_logits
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = [
    "BASE_LOGITS",
    "LABEL",
    "naive_softmax",
    "naive_cross_entropy",
    "overflow_scale",
    "fit_logistic",
    "weighted_loss",
    "overflow_explorer",
]

#: Seed 001's logits [123, 456, 789] divided by 100: the slider's scale 100 gives them back.
BASE_LOGITS = np.array([1.23, 4.56, 7.89])
#: The correct class in the overflow explorer (the middle logit).
LABEL = 1

#: ln of the largest finite number: exp(x) overflows to inf beyond it.
LN_MAX = {"float32": float(np.log(np.finfo(np.float32).max)), "float64": float(np.log(np.finfo(np.float64).max))}


def naive_softmax(logits: ArrayLike) -> np.ndarray:
    """Softmax straight from the formula ``exp(a) / Σ exp(a)`` — no max-shift.

    This is the version that breaks: ``exp(789)`` is ``inf`` and ``inf / inf`` is
    ``nan``.  The overflow warnings are silenced here on purpose, because the
    chapter shows the ``inf`` and ``nan`` themselves.
    """
    a = np.asarray(logits, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):  # the overflow is the lesson
        e = np.exp(a)
        return e / np.sum(e)


def naive_cross_entropy(logits: ArrayLike, label: int) -> float:
    """``−log(naive_softmax(logits)[label])`` without ``delta``: ``nan`` once ``exp`` overflows."""
    p = naive_softmax(logits)[label]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.log(p))


def overflow_scale(base: ArrayLike = BASE_LOGITS, dtype: str = "float64") -> float:
    """The scale ``s`` above which ``exp(s · max(base))`` overflows in ``dtype``."""
    return LN_MAX[dtype] / float(np.max(base))


def _overflow_readout(scale: float) -> str:
    logits = scale * BASE_LOGITS
    top = float(np.max(logits))
    with np.errstate(over="ignore"):
        biggest = float(np.exp(top))
    naive = naive_cross_entropy(logits, LABEL)
    stable = cross_entropy_from_logits(logits, LABEL)
    probs = ", ".join(format_number(float(v), 3) for v in naive_softmax(logits))
    flag = " &nbsp;⚠ " + tr("overflow", "オーバーフロー") if not np.isfinite(naive) else ""
    return f"<b>scale = {scale:.0f}</b> &nbsp;→&nbsp; " + tr(
        f"largest logit = {format_number(top)} · exp(largest) = {format_number(biggest)} · "
        f"naive softmax = [{probs}] · <br>naive CE = <b>{format_number(naive)}</b> · "
        f"stable CE = <b>{format_number(stable)}</b>{flag}",
        f"最大のロジット = {format_number(top)} · exp(最大) = {format_number(biggest)} · "
        f"素朴なソフトマックス = [{probs}] · <br>素朴な CE = <b>{format_number(naive)}</b> · "
        f"安定な CE = <b>{format_number(stable)}</b>{flag}",
    )


def overflow_explorer(start: float = 50.0) -> Explorer:
    """Slider on the logit scale ``s``: logits are ``s · [1.23, 4.56, 7.89]``, correct class 1.

    Left: ``log10`` of the largest ``exp`` term against ``s``, with the largest
    float32 and float64 numbers as horizontal lines.  Right: the naive
    cross-entropy (from ``exp(a) / Σ exp(a)``) and the stable one
    (:func:`helpers.losses.cross_entropy_from_logits`) against ``s``; the naive
    curve stops where it turns into ``nan``.  A marker follows the slider on both.
    """
    grid = np.arange(1.0, 151.0)
    fig = live_figure((8.8, 3.4))
    ax_exp, ax_ce = fig.subplots(1, 2)

    ax_exp.plot(
        grid,
        grid * BASE_LOGITS.max() / np.log(10),
        color=COLORS["gradient"],
        label=tr("log10 exp(largest logit)", "log10 exp(最大のロジット)"),
    )
    for dtype, role in (("float64", "loss"), ("float32", "other")):
        ax_exp.axhline(LN_MAX[dtype] / np.log(10), color=COLORS[role], linestyle=LINESTYLES["target"])
        ax_exp.text(
            2,
            LN_MAX[dtype] / np.log(10) + 12,
            tr(f"{dtype} max", f"{dtype} の最大値") + f" ≈ 1e{LN_MAX[dtype] / np.log(10):.0f}",
            color=COLORS[role],
        )
    (exp_marker,) = ax_exp.plot([], [], MARKERS["loss"], color=COLORS["loss"], markersize=9)
    ax_exp.set(
        xlabel=tr("logit scale s", "ロジットの倍率 s"),
        ylabel=tr("log10 of exp(largest logit)", "log10 exp(最大のロジット)"),
        xlim=(0, 150),
        ylim=(0, 520),
    )
    ax_exp.set_title(tr("overflow (オーバーフロー)", "オーバーフロー"))

    naive = [naive_cross_entropy(s * BASE_LOGITS, LABEL) for s in grid]
    stable = [cross_entropy_from_logits(s * BASE_LOGITS, LABEL) for s in grid]
    ax_ce.plot(
        grid,
        stable,
        color=COLORS["target"],
        linestyle=LINESTYLES["loss"],
        label=tr("stable (from logits)", "安定（ロジットから）"),
    )
    ax_ce.plot(
        grid,
        naive,
        color=COLORS["loss"],
        linestyle=LINESTYLES["gradient"],
        linewidth=3,
        label=tr("naive exp / Σexp", "素朴な exp / Σexp"),
    )
    ax_ce.axvline(overflow_scale(), color=COLORS["neutral"], linestyle=LINESTYLES["neutral"])
    (naive_marker,) = ax_ce.plot([], [], "X", color=COLORS["loss"], markersize=10)
    (stable_marker,) = ax_ce.plot([], [], MARKERS["target"], color=COLORS["target"], markersize=8)
    ax_ce.set(
        xlabel=tr("logit scale s", "ロジットの倍率 s"),
        ylabel=tr("cross-entropy", "交差エントロピー誤差"),
        xlim=(0, 150),
        ylim=(0, 520),
    )
    ax_ce.set_title(tr("naive vs stable CE (class 1)", "素朴な CE と安定な CE（クラス1）"))
    ax_ce.legend(loc="upper left")  # i18n: not prose

    def draw(scale: float) -> None:
        logits = scale * BASE_LOGITS
        exp_marker.set_data([scale], [logits.max() / np.log(10)])
        n = naive_cross_entropy(logits, LABEL)
        naive_marker.set_data([scale] if np.isfinite(n) else [], [n] if np.isfinite(n) else [])
        stable_marker.set_data([scale], [cross_entropy_from_logits(logits, LABEL)])

    control = slider(
        tr("logit scale s", "ロジットの倍率 s"),
        min=1.0,
        max=150.0,
        step=1.0,
        value=start,
        name="scale",
        readout_format=".0f",
        number_box=True,
    )
    return Explorer({"scale": control}, readout=_overflow_readout, draw=draw, figure=fig, name="overflow")
