"""Chapter 02 exercises: squared errors and MSE."""

import numpy as np

from helpers.checks import Exercise
from helpers.i18n import Text
from helpers.losses import half_sum_squared_error, mean_absolute_error, mean_squared_error

T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_WRONG = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]  # swim-lover's sample 2
OUTLIERS = [1.0, 1.0, 1.0, 5.0]


def _batch_half_sse(Y, T) -> float:
    """The mean over rows of each row's ½·SSE."""
    return float(np.mean([half_sum_squared_error(y, t) for y, t in zip(np.asarray(Y), np.asarray(T), strict=True)]))


EXERCISES = {
    "02.1": Exercise(
        "02.1",
        expected=lambda: mean_squared_error(Y_WRONG, T),
        hint=Text(
            "MSE divides the sum of squared differences by the number of elements (10), "
            "not by 2. Compare with half_sum_squared_error, which multiplies by 0.5.",
            "MSEは差の二乗の合計を、2ではなく要素の数（10）で割ります。0.5 を掛ける half_sum_squared_error "
            "と比べてみましょう。",
        ),
        success=Text(
            "Note how different it is from the ½·SSE the book prints for the same vectors.",
            "同じベクトルに対して本が表示する ½·SSE とどれだけ違うかに注目しましょう。",
        ),
        slips=(
            (
                lambda: half_sum_squared_error(Y_WRONG, T),
                Text(
                    "That is ½·SSE, the book's form. MSE divides the sum of "
                    "squared differences by the number of elements, 10.",
                    "それは本の形の ½·SSE です。MSEは差の二乗の合計を要素の数 10 で割ります。",
                ),
            ),
        ),
    ),
    "02.2": Exercise(
        "02.2",
        expected=_batch_half_sse,
        kind="function",
        cases=[
            ([[0.1, 0.9], [0.6, 0.4]], [[0, 1], [0, 1]]),
            ([[1.0, 2.0, 3.0]], [[1.5, 2.0, 2.0]]),
            ([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.6, 0.2, 0.2]], [[0, 0, 1], [0, 0, 1], [1, 0, 0]]),
        ],
        hint=Text(
            "Square the differences Y - T, add them along each row (np.sum(..., axis=1)), multiply by 0.5, then "
            "take the mean of those N row losses. Convert lists with np.asarray first.",
            "差 Y - T を二乗して行ごとに足し（np.sum(..., axis=1)）、0.5 を掛けてから、N 個の行の損失の平均をと"
            "ってください。リストは先に np.asarray で変換します。",
        ),
        slips=(
            (
                lambda Y, T: float(np.mean((np.asarray(Y) - np.asarray(T)) ** 2)),
                Text(
                    "You divided by N × K, the number "
                    "of all elements (PyTorch's MSELoss). Average the per-row ½·SSE over the N rows only.",
                    "全要素の数 N × K で割っています（PyTorchの MSELoss）。行ごとの ½·SSE を N 行だけで平均して"
                    "ください。",
                ),
            ),
            (
                lambda Y, T: 2 * _batch_half_sse(Y, T),
                Text(
                    "Your result is twice the expected one: the ½ is missing.",
                    "結果が期待値のちょうど倍です。½ が抜けています。",
                ),
            ),
            (
                lambda Y, T: len(Y) * _batch_half_sse(Y, T),
                Text(
                    "You added the row losses but did not divide by N, the number of rows.",
                    "行ごとの損失を足しましたが、行の数 N で割っていません。",
                ),
            ),
        ),
    ),
    "02.3": Exercise(
        "02.3",
        expected=lambda: mean_squared_error([1.0] * 4, OUTLIERS) / mean_absolute_error([1.0] * 4, OUTLIERS),
        hint=Text(
            "Compute MSE and MAE of the prediction 1.0 against [1, 1, 1, 5] separately, then divide. "
            "Only one residual is non-zero.",
            "予測 1.0 と [1, 1, 1, 5] のMSEとMAEを別々に計算してから割ってください。ゼロでない残差はひとつだけです。",
        ),
        slips=(
            (
                lambda: mean_absolute_error([1.0] * 4, OUTLIERS) / mean_squared_error([1.0] * 4, OUTLIERS),
                Text(
                    "You divided MAE by MSE: the question asks how many times MSE is larger, MSE / MAE.",
                    "MAEをMSEで割っています。問われているのはMSEが何倍大きいか、つまり MSE / MAE です。",
                ),
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
