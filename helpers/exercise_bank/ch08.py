"""Chapter 08 exercises: layers, the batch form of the Affine layer, Softmax-with-Loss."""

import numpy as np

from helpers.checks import Exercise
from helpers.i18n import Text
from helpers.layers import Affine, SoftmaxWithLoss

#: Section 5's scores and labels (B = 4, K = 3).
U = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0], [1.0, -1.0, 0.0]])
LABELS = np.array([0, 1, 2, 2])


def _affine_dW(X, dout):
    X, dout = np.asarray(X, dtype=float), np.asarray(dout, dtype=float)
    layer = Affine(np.zeros((X.shape[1], dout.shape[1])), 0.0)
    layer.forward(X)
    layer.backward(dout)
    return layer.dW


def _softmax_with_loss_grad() -> np.ndarray:
    layer = SoftmaxWithLoss()
    layer.forward(U, LABELS)
    return layer.backward()


_rng = np.random.default_rng(8)

EXERCISES = {
    "08.1": Exercise(
        "08.1",
        expected=lambda: (64, 100),
        kind="array",
        hint=Text(
            "A gradient always has the shape of the parameter it belongs to.",
            "勾配はいつも、対応するパラメータと同じ形状です。",
        ),
        success=Text(
            "dW = Xᵀ · dout: (64, 32) · (32, 100) — the product sums over the 32 samples.",
            "dW = Xᵀ · dout: (64, 32) · (32, 100) です。この積が32個のサンプルについて和をとります。",
        ),
    ),
    "08.2": Exercise(
        "08.2",
        expected=_affine_dW,
        kind="function",
        cases=[
            (_rng.standard_normal((1, 2)), _rng.standard_normal((1, 3))),
            (_rng.standard_normal((4, 2)), _rng.standard_normal((4, 3))),
            (_rng.standard_normal((5, 3)), _rng.standard_normal((5, 5))),
        ],
        hint=Text(
            "dW must have W's shape (D, H). Which product of X (B, D) and dout (B, H) gives (D, H) and sums over "
            "the batch? Transpose one of them.",
            "dW は W と同じ形状 (D, H) のはずです。X (B, D) と dout (B, H) のどんな積が (D, H) になり、"
            "バッチについて和をとるでしょうか。どちらかを転置します。",
        ),
    ),
    "08.3": Exercise(
        "08.3",
        expected=_softmax_with_loss_grad,
        kind="array",
        hint=Text(
            "(Y − T) / B: Y = softmax of each row of U, T the one-hot labels (np.eye(3)[labels]), and "
            "B = 4 rows. "
            "Did you divide by the batch size?",
            "(Y − T) / B です。Y は U の各行のソフトマックス関数の値、T はone-hot表現のラベル（np.eye(3)[labels]）"
            "、B = 4 行です。バッチサイズで割りましたか。",
        ),
        success=Text(
            "The 1/B comes from averaging the loss over the batch.", "1/B は、損失をバッチで平均することから来ます。"
        ),
    ),
    "08.4": Exercise(
        "08.4",
        expected=lambda: 0.25**6,
        hint=Text(
            "Each sigmoid layer multiplies the gradient by σ′(u), and σ′ is at most 0.25 (at u = 0).",
            "シグモイド関数のレイヤはそれぞれ勾配に σ′(u) を掛けます。σ′ は最大でも 0.25 です（u = 0 のとき）。",
        ),
        success=Text(
            "Less than 0.03 % is left: the vanishing gradient problem (勾配消失).",
            "残るのは 0.03 % 未満です。これが勾配消失の問題です。",
        ),
    ),
}

__all__ = ["EXERCISES"]
