"""Chapter 03 exercises: cross-entropy error."""

import numpy as np

from helpers.checks import Exercise
from helpers.i18n import Text
from helpers.losses import cross_entropy

Y_MODEL2 = [0.25, 0.60, 0.15]  # the clothing-size article's model 2 (S, M, L)
T_L = [0, 0, 1]  # this time the correct size is L


def _batch_ce(y_pred, labels) -> float:
    return cross_entropy(np.asarray(y_pred, dtype=float), np.asarray(labels))


EXERCISES = {
    "03.1": Exercise(
        "03.1",
        expected=lambda: cross_entropy(Y_MODEL2, T_L),
        rtol=1e-6,  # with or without delta = 1e-7 both count as right
        hint=Text(
            "Only the correct class's term survives: the answer is -log of the probability the model gives L. "
            "Check that your one-hot target has its 1 at index 2 (L), not at M.",
            "残るのは正解クラスの項だけです。答えは、モデルが L に与える確率の -log です。one-hot表現の目標の "
            "1 が M ではなくインデックス 2（L）にあるか確かめてみましょう。",
        ),
        success=Text(
            "−log 0.15 ≈ 1.90: putting only 15 % on the right size costs almost four times model 2's loss for M.",
            "−log 0.15 ≈ 1.90 です。正しいサイズに 15 % しか割り当てないと、M のときのモデル 2 の損失のほぼ四倍にな"
            "ります。",
        ),
        slips=(
            (
                lambda: float(-np.log10(0.15)),
                Text(
                    "np.log10 is the base-10 logarithm. Cross-entropy uses the natural logarithm, np.log (base e).",
                    "np.log10 は底が 10 の対数です。交差エントロピー誤差には自然対数 np.log（底は e）を使います。",
                ),
            ),
            (
                lambda: cross_entropy(Y_MODEL2, [0, 1, 0]),
                Text(
                    "That is the loss when M is correct. This time the correct "
                    "size is L: put the 1 of the one-hot target at index 2.",
                    "それは M が正解のときの損失です。今回の正解のサイズは L です。one-hot表現の目標の "
                    "1 をインデックス 2 に置いてください。",
                ),
            ),
            (
                lambda: float(np.log(0.15)),
                Text(
                    "The sign: log of a probability is negative, and the loss is −log, so it is positive.",
                    "符号に注意しましょう。確率の log は負で、損失は −log なので正になります。",
                ),
            ),
        ),
    ),
    "03.2": Exercise(
        "03.2",
        expected=_batch_ce,
        kind="function",
        cases=[
            ([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]], [2]),
            ([[0.8, 0.2], [0.3, 0.7], [0.5, 0.5]], [0, 0, 1]),
            ([[0.2, 0.7, 0.1], [1.0, 0.0, 0.0]], [1, 2]),
        ],
        hint=Text(
            "Pick each row's correct-class probability with y_pred[np.arange(N), labels], add 1e-7, take np.log, "
            "sum, flip the sign and divide by N (the number of rows). Convert lists with np.asarray first.",
            "各行の正解クラスの確率を y_pred[np.arange(N), labels] で取り出し、1e-7 を加えて np.log をとり、"
            "合計して符号を反転し、N（行の数）で割ります。リストは先に np.asarray で変換してください。",
        ),
        slips=(
            (
                lambda y_pred, labels: len(labels) * _batch_ce(y_pred, labels),
                Text(
                    "You returned the sum over the batch: divide by N, the number of rows, to get the mean.",
                    "バッチでの合計を返しています。平均にするには行の数 N で割ってください。",
                ),
            ),
        ),
    ),
    "03.3": Exercise(
        "03.3",
        expected=lambda: "c",
        kind="choice",
        hint=Text(
            "Compute it: what is -np.log(0 + 1e-7)? ε (delta in the code) is there so that log never sees an exact 0.",
            "計算してみましょう。-np.log(0 + 1e-7) はいくつでしょうか。ε（コードでは delta）は、log にちょうど "
            "0 が渡らないようにするためのものです。",
        ),
        success=Text(
            "−log(1e-7) = 16.118…: ε turns an infinite loss into a large, finite one.",
            "−log(1e-7) = 16.118… です。ε によって、無限大の損失が、大きいけれど有限の値になります。",
        ),
    ),
}

__all__ = ["EXERCISES"]
