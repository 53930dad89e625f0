"""Chapter 01 exercises: score a line on new data, write the report card, and see accuracy stand still."""

import numpy as np

from helpers.checks import Exercise
from helpers.data import toy_regression
from helpers.explorers.ch01 import accuracy, least_squares, line_losses, threshold_data
from helpers.i18n import Text
from helpers.losses import sum_squared_error


def _new_points_mse(w: float | None = None, b: float | None = None) -> float:
    """MSE on 20 new points (seed 1) of the least-squares line of the chapter's points, or of the line (w, b)."""
    if w is None:
        w, b = least_squares(*toy_regression())
    x_new, t_new = toy_regression(20, seed=1)
    return line_losses(w, b, x_new, t_new)[1]


def _sse_of_line(w, b, x, t) -> float:
    return sum_squared_error(w * np.asarray(x, dtype=float) + b, t)


def _accuracy_change() -> float:
    x, labels = threshold_data()
    return accuracy(0.35, x, labels) - accuracy(0.30, x, labels)


EXERCISES = {
    "01.1": Exercise(
        "01.1",
        expected=_new_points_mse,
        hint=Text(
            "Use the least-squares w*, b* of section 4 (from the original x, t). Predict y = w* · x_new + b* for the "
            "new points, then take the mean of (y - t_new)**2 (np.mean, not np.sum).",
            "4節の最小二乗法の w*, b*（元の x, t から求めたもの）を使います。新しい点について y = "
            "w* · x_new + b* を予測し、(y - t_new)**2 の平均をとってください（np.sum ではなく np.mean）"
            "。",
        ),
        success=Text(
            "The true line y = 2x + 1 scores 1.3950 on the same new points — lower. Least squares won on its own "
            "points only because it fitted their noise.",
            "真の直線 y = 2x + 1 は同じ新しい点で 1.3950 となり、こちらのほうが小さくなります。最小二乗法の直線"
            "が元の点で勝ったのは、その点のノイズまで当てはめたからにすぎません。",
        ),
        slips=(
            (
                lambda: _new_points_mse(2.0, 1.0),
                Text(
                    "That is the true line's MSE on the new points. The exercise asks "
                    "for the least-squares line w*, b* of section 4.",
                    "それは新しい点での真の直線のMSEです。この演習で求めるのは、4節の最小二乗法の直線 "
                    "w*, b* のMSEです。",
                ),
            ),
            (
                lambda: 20 * _new_points_mse(),
                Text(
                    "That is the sum of the squared errors: divide by the number of points (np.mean) to get the MSE.",
                    "それは二乗誤差の合計です。MSEにするには点の数で割ってください（np.mean）。",
                ),
            ),
            (
                lambda: line_losses(*least_squares(*toy_regression()), *toy_regression())[1],
                Text(
                    "That is the MSE on the original points. Use the new points x_new, t_new.",
                    "それは元の点でのMSEです。新しい点 x_new, t_new を使ってください。",
                ),
            ),
        ),
    ),
    "01.2": Exercise(
        "01.2",
        expected=_sse_of_line,
        kind="function",
        cases=[
            (1.5, 2.0, [0.0, 1.0, 2.0], [2.0, 3.0, 5.5]),
            (2.0, 1.0, [0.5, 1.5], [2.0, 4.0]),
            (0.0, 0.0, [1.0, 2.0, 3.0, 4.0], [1.0, -1.0, 2.0, 0.0]),
        ],
        hint=Text(
            "Compute the predictions y = w * x + b (turn lists into arrays with np.asarray), subtract t, "
            "square, and add everything up — a sum, not a mean.",
            "予測 y = w * x + b を計算し（リストは np.asarray で配列にします）、t を引いて二乗し、"
            "すべて足し合わせてください。平均ではなく合計です。",
        ),
        slips=(
            (
                lambda w, b, x, t: _sse_of_line(w, b, x, t) / len(x),
                Text(
                    "You divided by the number of points: that is the "
                    "MSE. The report card here is the *sum* of squared errors.",
                    "点の数で割っています。それはMSEです。ここでの成績表は二乗誤差の *合計* です。",
                ),
            ),
        ),
    ),
    "01.3": Exercise(
        "01.3",
        expected=_accuracy_change,
        hint=Text(
            "Call accuracy(theta, x_cls, labels) for theta = 0.35 and theta = 0.30 and subtract. "
            "Look at the sorted x_cls: does any point lie between 0.30 and 0.35?",
            "theta = 0.35 と theta = 0.30 で accuracy(theta, x_cls, labels) を呼び、差をとってください。"
            "並べ替えた x_cls を見ると、0.30 と 0.35 のあいだに点はあるでしょうか。",
        ),
        success=Text(
            "Zero: no point lies between the two thresholds, so accuracy cannot tell them apart — "
            "and a gradient of zero gives gradient descent nothing to follow.",
            "ゼロです。二つのしきい値のあいだに点がひとつもないので、認識精度では区別できません。"
            "勾配がゼロでは、勾配降下法はたどる手がかりがありません。",
        ),
    ),
}

__all__ = ["EXERCISES"]
