"""Chapter 05 exercises: gradient descent, numerical derivatives, mini-batches."""

import math

import numpy as np

from helpers.checks import Exercise
from helpers.explorers.ch05 import descend_1d
from helpers.i18n import Text
from helpers.numdiff import numerical_gradient


def _bowl(w) -> float:
    """The elongated bowl of chapter 05, section 5."""
    return w[0] ** 2 / 20 + w[1] ** 2


def _forward_gradient(f, w, h: float = 1e-4) -> np.ndarray:
    point = np.asarray(w, dtype=float)
    return np.array([(f(point + h * e) - f(point)) / h for e in np.eye(len(point))])


EXERCISES = {
    "05.1": Exercise(
        "05.1",
        expected=lambda: float(descend_1d(0.1, 3, -2.0)[-1]),
        hint=Text(
            "The slope of (w − 2)² is 2(w − 2). Repeat w = w − 0.1 · 2(w − 2) three times, starting from w = −2; "
            "each step should bring w closer to 2.",
            "(w − 2)² の傾きは 2(w − 2) です。w = −2 から始めて、w = w − 0.1 · 2(w − 2) を三回繰り返します。"
            "一歩ごとに w は 2 に近づくはずです。",
        ),
        success=Text(
            "Each step removes 20 % of the distance to the minimum: 4 → 3.2 → 2.56 → 2.048.",
            "一歩ごとに最小値までの距離が 20 % ずつ縮みます: 4 → 3.2 → 2.56 → 2.048。",
        ),
        slips=(
            (
                lambda: float(descend_1d(0.1, 2, -2.0)[-1]),
                Text("That is w after two steps; take three.", "それは二歩後の w です。三歩進めてください。"),
            ),
            (
                lambda: float(descend_1d(0.1, 4, -2.0)[-1]),
                Text("That is w after four steps; take three.", "それは四歩後の w です。三歩進めてください。"),
            ),
            (
                lambda: -2.0 - 3 * 0.1 * 2 * (-2.0 - 2),
                Text(
                    "You used the slope at the start for every step. Recompute the "
                    "slope 2(w − 2) at the new w before each step.",
                    "すべての歩で最初の傾きを使っています。一歩ごとに、新しい w で傾き 2(w − 2) を計算し直してくださ"
                    "い。",
                ),
            ),
        ),
    ),
    "05.2": Exercise(
        "05.2",
        expected=numerical_gradient,
        kind="function",
        cases=[
            (_bowl, [-7.0, 2.0]),
            (lambda w: w[0] * w[1], [1.0, 2.0]),
            (lambda w: math.sin(w[0]) + math.exp(w[1]), [0.5, 0.0]),
            (lambda w: (w[0] - 2.0) ** 2 + 3.0 * w[1], [2.0, -1.0]),
        ],
        rtol=1e-6,
        atol=1e-9,
        hint=Text(
            "For each weight i: copy w, add h = 1e-4 to weight i only, evaluate f; subtract h from weight "
            "i only, "
            "evaluate f; divide the difference by 2h. Return both results as an array.",
            "各重み i について、w をコピーし、重み i だけに h = 1e-4 を加えて f を計算します。次に重み "
            "i だけから h を引いて f を計算し、その差を 2h で割ります。両方の結果を配列で返してください。",
        ),
        slips=(
            (
                lambda f, w: _forward_gradient(f, w),
                Text(
                    "That is the forward difference (f(w + h) − f(w)) / h. Use the "
                    "central difference: one step to each side, divided by 2h.",
                    "それは前進差分 (f(w + h) − f(w)) / h です。中心差分を使ってください。両側に一歩ずつ動かし、"
                    "2h で割ります。",
                ),
            ),
            (
                lambda f, w: np.full(2, (f(np.asarray(w) + 1e-4) - f(np.asarray(w) - 1e-4)) / 2e-4),
                Text(
                    "You moved both weights at once. A partial derivative moves one weight and keeps the other fixed.",
                    "両方の重みを同時に動かしています。偏微分では重みをひとつだけ動かし、もう一方は固定します。",
                ),
            ),
        ),
    ),
    "05.3": Exercise(
        "05.3",
        expected=lambda: 0.05 / 128,
        hint=Text(
            "The summed gradient is 128 times the mean gradient, so the step η · gradient is 128 times larger "
            "unless η shrinks by the same factor.",
            "和の勾配は平均の勾配の 128 倍なので、η を同じ割合で小さくしない限り、一歩 η · 勾配 は 128 "
            "倍大きくなります。",
        ),
        slips=(
            (
                lambda: 0.05 * 128,
                Text(
                    "The other way round: the summed gradient is already 128 times larger, so η must be "
                    "128 times *smaller*.",
                    "逆です。和の勾配はすでに 128 倍大きいので、η を 128 で割って *小さく* しなければなりません。",
                ),
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
