"""Chapter 06 exercises: backpropagation on the worked-example network."""

import numpy as np

from helpers.checks import Exercise
from helpers.explorers.ch06 import X, worked_example_net
from helpers.i18n import Text

X_NEW = np.array([2.0, -1.0])


def _delta2_for(t: float) -> float:
    return float(worked_example_net().backward(X, t).delta2[0])


def _dW1_new(i: int, j: int, x=X_NEW) -> float:
    return float(worked_example_net().backward(x, 1.0).dW1[i, j])


def _delta_tanh_se(u, t):
    return (np.tanh(u) - t) * (1.0 - np.tanh(u) ** 2)


def _loss_after_steps(n: int) -> float:
    net = worked_example_net()
    for _ in range(n):
        net.step(net.backward(X, 1.0), 0.1)
    return net.loss(X, 1.0)


EXERCISES = {
    "06.1": Exercise(
        "06.1",
        expected=lambda: _delta2_for(0.5),
        hint=Text(
            "The forward pass does not depend on t: y is still 0.8667…. For an identity output with ½ squared "
            "error the output delta is simply y − t.",
            "順伝播は t に依存しないので、y は 0.8667… のままです。出力が恒等関数で損失が ½ 二乗誤差なら、"
            "出力のデルタは単に y − t です。",
        ),
        success=Text(
            "A positive δ2: the output is too large, so gradient descent will push it down.",
            "δ2 が正です。出力が大きすぎるので、勾配降下法はそれを下げます。",
        ),
        slips=(
            (
                lambda: _delta2_for(1.0),
                Text(
                    "That is δ2 for the old target t = 1. Use t = 0.5.",
                    "それは前の目標値 t = 1 での δ2 です。t = 0.5 を使ってください。",
                ),
            ),
            (
                lambda: -_delta2_for(0.5),
                Text(
                    "The sign: δ2 = y − t, prediction minus target.",
                    "符号に注意しましょう。δ2 = y − t、つまり予測から目標値を引きます。",
                ),
            ),
        ),
    ),
    "06.2": Exercise(
        "06.2",
        expected=lambda: _dW1_new(1, 0),
        rtol=1e-7,
        hint=Text(
            "Redo the forward pass for the new x (u1 = x @ W1 + b1, z1 = σ(u1), y = z1 @ W2 + b2), then "
            "δ2 = y − t, "
            "δ1 = z1(1 − z1) · W2 · δ2, and ∂E/∂W1[1, 0] = x2 × δ1 of hidden unit 1 (index 0).",
            "新しい x で順伝播をやり直し（u1 = x @ W1 + b1、z1 = σ(u1)、y = z1 @ W2 + b2）、δ2 = y − "
            "t、δ1 = z1(1 − z1) · W2 · δ2 を求めます。∂E/∂W1[1, 0] = x2 × 隠れユニット 1（インデックス "
            "0）の δ1 です。",
        ),
        slips=(
            (
                lambda: float(X_NEW[1] * worked_example_net().backward(X, 1.0).delta1[0]),
                Text(
                    "You used δ1 of the old input "
                    "x = [1, 0.5]. The deltas depend on the input: run the forward and backward pass again "
                    "for x = [2, −1].",
                    "前の入力 x = [1, 0.5] の δ1 を使っています。デルタは入力によって変わります。x = "
                    "[2, −1] で順伝播と逆伝播をやり直してください。",
                ),
            ),
            (
                lambda: _dW1_new(0, 1),
                Text(
                    "That is W1[0, 1] (from x1 to hidden unit 2). W1[1, 0] runs from input x2 to "
                    "hidden unit 1: x[1] · δ1[0].",
                    "それは W1[0, 1]（x1 から隠れユニット 2 へ）です。W1[1, 0] は入力 x2 から隠れユニット "
                    "1 へ向かう重みです: x[1] · δ1[0]。",
                ),
            ),
            (
                lambda: _dW1_new(0, 0),
                Text(
                    "That is W1[0, 0] (from x1). W1[1, 0] runs from input x2: x[1] · δ1[0].",
                    "それは W1[0, 0]（x1 から）です。W1[1, 0] は入力 x2 からの重みです: x[1] · δ1[0]。",
                ),
            ),
        ),
    ),
    "06.3": Exercise(
        "06.3",
        expected=_delta_tanh_se,
        kind="function",
        cases=[(0.0, 1.0), (-2.0, 1.0), (1.5, 0.0), (0.3, 0.25)],
        hint=Text(
            "Chain rule: ∂E/∂u = ∂E/∂y · ∂y/∂u with E = ½(y − t)², so ∂E/∂y = y − t, and y = tanh(u), so "
            "∂y/∂u = 1 − tanh²(u).",
            "連鎖律により ∂E/∂u = ∂E/∂y · ∂y/∂u です。E = ½(y − t)² なので ∂E/∂y = y − t、y = tanh(u) "
            "なので ∂y/∂u = 1 − tanh²(u) です。",
        ),
        success=Text(
            "Like the sigmoid, tanh flattens for large |u|: its factor 1 − y² then almost kills the gradient.",
            "シグモイド関数と同じく、tanh も |u| が大きいと平らになります。そのとき因子 1 − y² が勾配をほとんど消し"
            "てしまいます。",
        ),
        slips=(
            (
                lambda u, t: np.tanh(u) - t,
                Text(
                    "That is ∂E/∂y only. Multiply by the derivative of the output function, "
                    "1 − tanh²(u): y − t alone holds only when that derivative is 1 (identity output).",
                    "それは ∂E/∂y だけです。出力の関数の微分 1 − tanh²(u) を掛けてください。y − t だけで済むのは、"
                    "その微分が 1 のとき（恒等関数の出力）だけです。",
                ),
            ),
            (
                lambda u, t: (np.tanh(u) - t) * np.tanh(u) * (1 - np.tanh(u)),
                Text(
                    "y(1 − y) is the sigmoid's derivative. For tanh it is 1 − y².",
                    "y(1 − y) はシグモイド関数の微分です。tanh では 1 − y² です。",
                ),
            ),
        ),
    ),
    "06.4": Exercise(
        "06.4",
        expected=lambda: _loss_after_steps(2),
        rtol=1e-7,
        hint=Text(
            "Make a fresh network with TwoLayerNet(W1, b1, W2, b2) (section 7). One SGD step is a backward pass "
            "followed by .step(…, lr=0.1) (section 9); do it twice, then ask the network for its loss "
            "on x, t.",
            "TwoLayerNet(W1, b1, W2, b2) で新しいネットワークを作ります（7節）。SGDの一歩は、逆伝播のあとに "
            ".step(…, lr=0.1) を呼ぶことです（9節）。これを二回行ってから、x, t での損失をネットワークに尋ねてくださ"
            "い。",
        ),
        slips=(
            (
                lambda: _loss_after_steps(1),
                Text("That is the loss after one step; take two.", "それは一歩後の損失です。二歩進めてください。"),
            ),
            (
                lambda: _loss_after_steps(3),
                Text(
                    "That is the loss after three steps — did you start from section 9's "
                    "`net`, which has already taken one? Build a fresh network with TwoLayerNet(W1, b1,"
                    " W2, b2).",
                    "それは三歩後の損失です。すでに一歩進んだ9節の `net` から始めていませんか。TwoLayerNet(W1,"
                    " b1, W2, b2) で新しいネットワークを作ってください。",
                ),
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
