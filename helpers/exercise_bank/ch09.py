"""Chapter 09 exercises: training the two-layer network on the digits."""

from collections.abc import Callable, Mapping
from functools import lru_cache

import numpy as np

from helpers.checks import Exercise
from helpers.data import load_digits_split
from helpers.explorers.ch09 import confusion_matrix
from helpers.i18n import Text
from helpers.losses import softmax
from helpers.network import TwoLayerNet, sigmoid, train


@lru_cache(maxsize=1)
def _confusion() -> np.ndarray:
    X_tr, X_te, y_tr, y_te = load_digits_split()
    net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
    train(net, X_tr, y_tr, lr=2.0, batch_size=32, epochs=20, seed=0)
    return confusion_matrix(y_te, net.predict(X_te))


# ---- 09.4: one training step, written by the learner ----------------------------------------

NAMES = ("W1", "b1", "W2", "b2")


def _reference_step(params: dict, X: np.ndarray, T: np.ndarray, lr: float) -> dict:
    """The step as the helpers take it: ``TwoLayerNet.gradient`` (the layers' backward), then ``step``."""
    net = TwoLayerNet(*(params[k] for k in NAMES), output="softmax", loss="cross_entropy")
    net.step(net.gradient(X, T), lr)
    return net.params()


def _slip_step(params: dict, X: np.ndarray, T: np.ndarray, lr: float, slip: str) -> dict:
    """The same step in plain numpy with one typical mistake ``slip``."""
    W1, b1, W2, b2 = (params[k] for k in NAMES)
    Z1 = sigmoid(X @ W1 + b1)
    Y = softmax(Z1 @ W2 + b2)
    dU2 = (Y - T) if slip == "no /B" else (Y - T) / len(X)
    dW2 = dU2.T @ Z1 if slip in ("transpose", "transpose W2") else Z1.T @ dU2
    db2 = dU2.sum(axis=0)
    W2_used = W2 - lr * dW2 if slip == "early update" else W2  # i18n: not prose (W2 changed before its use below)
    dU1 = (dU2 @ W2_used.T) * Z1 * (1 - Z1)
    dW1 = dU1.T @ X if slip in ("transpose", "transpose W1") else X.T @ dU1
    db1 = dU1.sum(axis=0)
    new = {"W1": W1 - lr * dW1, "b1": b1 - lr * db1, "W2": W2 - lr * dW2, "b2": b2 - lr * db2}
    if slip == "in place":  # i18n: not prose
        for k in NAMES:
            params[k] -= lr * {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}[k]
        return params
    return new


def _run_step(step: Callable, params: dict, X: np.ndarray, T: np.ndarray, lr: float) -> np.ndarray | None:
    """What 09.4 compares: the new parameters, flattened, then 1.0 if ``step`` changed the ``params`` it was given."""
    before = {k: np.array(v, dtype=float) for k, v in params.items()}
    new = step(params, X, T, lr)
    if new is None:
        return None
    if not isinstance(new, Mapping) or sorted(new) != sorted(NAMES):
        got = sorted(new) if isinstance(new, Mapping) else type(new).__name__
        raise ValueError(f"train_step must return a dict with the keys W1, b1, W2, b2, got {got}")
    for k in NAMES:
        if np.shape(new[k]) != before[k].shape:
            raise ValueError(f"train_step returned {k} of shape {np.shape(new[k])}; {k} has shape {before[k].shape}")
    changed = sorted(params) != sorted(before) or any(
        not np.array_equal(np.asarray(params[k], dtype=float), before[k]) for k in before
    )
    return np.concatenate([np.ravel(np.asarray(new[k], dtype=float)) for k in NAMES] + [[float(changed)]])


def _step_cases() -> list[tuple]:
    """Square layers (3-3-3), so a transposed dW has the right shape and only its numbers are wrong."""
    cases = []
    for seed, batch in ((0, 4), (1, 2)):
        rng = np.random.default_rng(seed)
        params = {
            "W1": rng.standard_normal((3, 3)),
            "b1": rng.standard_normal(3) * 0.1,
            "W2": rng.standard_normal((3, 3)),
            "b2": rng.standard_normal(3) * 0.1,
        }
        X = rng.uniform(0, 1, (batch, 3))
        T = np.eye(3)[rng.integers(0, 3, batch)]
        cases.append((params, X, T, 0.5))
    return cases


EXERCISES = {
    "09.1": Exercise(
        "09.1",
        expected=lambda: float(load_digits_split()[0].shape[0] // 64),
        hint=Text(
            "helpers.train takes only full mini-batches: the number of training samples divided by the batch "
            "size, rounded down (integer division //).",
            "helpers.train は完全なミニバッチだけを使います。訓練データのサンプル数をバッチサイズで割り、"
            "切り捨てた数です（整数の割り算 //）。",
        ),
        slips=(
            (
                lambda: float(load_digits_split()[0].shape[0] // 32),
                Text(
                    "That is the number for batch size 32. The question asks for 64.",
                    "それはバッチサイズ 32 のときの数です。問われているのは 64 のときです。",
                ),
            ),
            (
                lambda: float(load_digits_split()[0].shape[0] / 64),
                Text(
                    "Round down: a last, incomplete batch is not used (integer division //).",
                    "切り捨ててください。最後の不完全なバッチは使われません（整数の割り算 //）。",
                ),
            ),
        ),
    ),
    "09.2": Exercise(
        "09.2",
        expected=lambda: float(np.trace(_confusion()) / _confusion().sum()),
        hint=Text(
            "The correct predictions sit on the diagonal of the confusion matrix (np.trace); divide by the total.",
            "正しい予測は混同行列の対角線上にあります（np.trace）。それを全体の数で割ってください。",
        ),
        success=Text("The same number as net.accuracy(X_test, y_test).", "net.accuracy(X_test, y_test) と同じ数です。"),
    ),
    "09.3": Exercise(
        "09.3",
        expected=lambda: float(_confusion()[8, 8] / _confusion()[8].sum()),
        hint=Text(
            "Row 8 of the confusion matrix holds every test sample whose true digit is 8; the entry in column 8 "
            "counts those the network also called 8. Divide that entry by the row's sum.",
            "混同行列の行 8 には、本当の数字が 8 のテストサンプルがすべて入っています。列 8 の要素は、"
            "そのうちネットワークも 8 と答えたものの数です。その要素を行の合計で割ってください。",
        ),
        success=Text(
            "Most 8s are found; the rest were taken for other digits (look at row 8 to see which).",
            "8 の大部分は見つかっています。残りはほかの数字と間違えられました（どの数字かは行 8 を見てください）。",
        ),
        slips=(
            (
                lambda: float(_confusion()[8, 8] / _confusion()[:, 8].sum()),
                Text(
                    "You divided by column 8: all samples "
                    "*called* 8 (that is the precision). Recall divides by row 8, all samples that *are* "
                    "8.",
                    "列 8、つまり 8 と *答えた* すべてのサンプルで割っています（それは適合率です）。再現率は行 "
                    "8、つまり *本当に* 8 であるすべてのサンプルで割ります。",
                ),
            ),
            (
                lambda: float(np.trace(_confusion()) / _confusion().sum()),
                Text(
                    "That is the accuracy over all digits. Recall of digit 8 uses row 8 only.",
                    "それはすべての数字での認識精度です。数字 8 の再現率には行 8 だけを使います。",
                ),
            ),
        ),
    ),
    "09.4": Exercise(
        "09.4",
        expected=_reference_step,
        kind="function",
        cases=_step_cases(),
        run=_run_step,
        hint=Text(
            "Work in this order. Forward: U1 = X @ W1 + b1, Z1 = sigmoid(U1), Y = softmax(Z1 @ W2 + b2). "
            "Backward, "
            "from the output down: dU2 = (Y − T) / B (δ2 / B), then the gradients of W2 and b2, then dU1 (through W2 "
            "and the sigmoid), then the gradients of W1 and b1 (chapter 08). Each gradient has the shape of its "
            "parameter. Update last, into a new dict.",
            "次の順に進めます。順伝播: U1 = X @ W1 + b1、Z1 = sigmoid(U1)、Y = softmax(Z1 @ W2 + b2)。"
            "逆伝播は出力側から: dU2 = (Y − T) / B（δ2 / B）、次に W2 と b2 の勾配、次に dU1（W2 とシグモイド関数を"
            "通します）、最後に W1 と b1 の勾配です（08章）。各勾配はそのパラメータと同じ形状です。更新は最後に、"
            "新しい dict に入れて行います。",
        ),
        success=Text(
            "Your step is the one `helpers.train` takes. To check it, put it in place of the two lines of "
            "section 4's loop: give it one-hot targets (T = np.eye(10)[y_train[batch]]) and carry the parameters from "
            "step to step (params = train_step(params, X_train[batch], T, lr)). You get the same network: the same "
            "weights up to rounding (about 1e-15) and the same test accuracy.",
            "あなたの一歩は `helpers.train` の一歩と同じです。確かめるには、4節のループの二行をこれに置き換えます。"
            "one-hot表現の目標（T = np.eye(10)[y_train[batch]]）を渡し、パラメータを一歩ずつ引き継ぎます（params "
            "= train_step(params, X_train[batch], T, lr)）。同じネットワークが得られます。重みは丸め誤差（約 "
            "1e-15）まで同じで、テストデータでの認識精度も同じです。",
        ),
        slips=(
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "no /B"),
                Text(
                    "Your step is B times too large: the loss is the *mean* over the batch, so the gradient at the "
                    "output is (Y − T) / B, with B = len(X) (chapter 08, section 5).",
                    "一歩が B 倍大きすぎます。損失はバッチでの *平均* なので、出力での勾配は (Y − T) "
                    "/ B です。B = len(X) です（08章の5節）。",
                ),
            ),
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "transpose"),
                Text(
                    "In both weight gradients the transpose is on the wrong side. dW1 = X.T @ dU1: (D,"
                    " B)·(B, H) = (D, H); "
                    "dW2 = Z1.T @ dU2: (H, B)·(B, M) = (H, M), the shapes of W1 and W2. The check uses square layers, "
                    "so the wrong shapes did not raise an error.",
                    "二つの重みの勾配の両方で、転置する側が逆です。dW1 = X.T @ dU1: (D, B)·(B, H) = (D,"
                    " H)、dW2 = Z1.T @ dU2: (H, B)·(B, M) = (H, M) で、これが W1 と W2 の形状です。チェックでは正方"
                    "形のレイヤを使うので、形状が違ってもエラーになりませんでした。",
                ),
            ),
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "transpose W2"),
                Text(
                    "In dW2 the transpose is on the wrong side (dW1 is right). dW2 = Z1.T @ dU2: (H, "
                    "B)·(B, M) = (H, M), "
                    "the shape of W2. The check uses square layers, so the wrong shape did not raise "
                    "an error.",
                    "dW2 で転置する側が逆です（dW1 は正しいです）。dW2 = Z1.T @ dU2: (H, B)·(B, M) = "
                    "(H, M) が W2 の形状です。チェックでは正方形のレイヤを使うので、形状が違ってもエラーになりません"
                    "でした。",
                ),
            ),
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "transpose W1"),
                Text(
                    "In dW1 the transpose is on the wrong side (dW2 is right). dW1 = X.T @ dU1: (D, B)·(B,"
                    " H) = (D, H), "
                    "the shape of W1. The check uses square layers, so the wrong shape did not raise "
                    "an error.",
                    "dW1 で転置する側が逆です（dW2 は正しいです）。dW1 = X.T @ dU1: (D, B)·(B, H) = (D,"
                    " H) が W1 の形状です。チェックでは正方形のレイヤを使うので、形状が違ってもエラーになりませんで"
                    "した。",
                ),
            ),
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "early update"),  # i18n: not prose
                Text(
                    "You updated W2 before the gradient had passed through it: dU1 = (dU2 @ W2.T) · Z1 "
                    "(1 − Z1) needs the "
                    "*old* W2. Compute every gradient first, then update.",
                    "勾配が W2 を通り抜ける前に W2 を更新しています。dU1 = (dU2 @ W2.T) · Z1 (1 − Z1) "
                    "には *更新前の* W2 が必要です。先にすべての勾配を計算してから更新してください。",
                ),
            ),
            (
                lambda p, X, T, lr: _slip_step(p, X, T, lr, "in place"),  # i18n: not prose
                Text(
                    "The new weights are right, but your function also changed the `params` it was given (e.g. "
                    "`params['W1'] -= ...`). Return new arrays and leave `params` as it was: code that keeps the old "
                    "weights (early stopping in chapter 10) would lose them.",
                    "新しい重みは正しいのですが、関数が受け取った `params` も書き換えています（例: `params['W1'] "
                    "-= ...`）。新しい配列を返し、`params` は元のままにしてください。古い重みを残しておくコード（10"
                    "章の早期終了）が、それを失ってしまいます。",
                ),
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
