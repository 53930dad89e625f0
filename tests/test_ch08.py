"""Chapter 08: every number the chapter prints (layers, batch shapes, 1/B, chapter 06 rebuilt,
vanishing gradients, output deltas) and its exercises."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.exercise_bank.ch08 import LABELS, U
from helpers.layers import Affine, IdentityWithLoss, ReLU, Sigmoid, SigmoidWithLoss, SoftmaxWithLoss
from helpers.losses import softmax
from helpers.network import LayerNet, TwoLayerNet, sigmoid
from helpers.numdiff import gradient_check, numerical_gradient

X1 = np.array([[1.0, 0.5]])
W1, B1 = np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([0.1, 0.1])
W2, B2 = np.array([[0.5], [0.6]]), np.array([0.2])
T1 = np.array([[1.0]])


def test_relu_section():
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    dout = np.array([[10.0, 20.0], [30.0, 40.0]])
    relu = ReLU()
    np.testing.assert_array_equal(relu.forward(x), [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(relu.backward(dout), [[10.0, 0.0], [0.0, 40.0]])
    np.testing.assert_array_equal(relu.backward(dout), np.where(x <= 0, 0.0, dout))


def test_sigmoid_section():
    sig = Sigmoid()
    y = sig.forward([[-2.0, 0.0, 2.0]])
    np.testing.assert_array_equal(y.round(6), [[0.119203, 0.5, 0.880797]])
    np.testing.assert_array_equal((y * (1 - y)).round(6), [[0.104994, 0.25, 0.104994]])
    np.testing.assert_array_equal(sig.backward(np.ones((1, 3))).round(6), [[0.104994, 0.25, 0.104994]])
    # the graph derivation: (−y²)·exp(−x)·(−1) is y(1 − y)
    x = np.array([-2.0, 0.0, 2.0])
    np.testing.assert_allclose(y[0] ** 2 * np.exp(-x), y[0] * (1 - y[0]), rtol=1e-14)


def test_affine_one_sample_and_batch_shapes():
    x1, dy = np.array([1.0, 2.0]), np.array([1.0, -1.0, 0.5])
    W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
    dx = dy @ W.T
    np.testing.assert_allclose(dx, [0.05, 0.2], atol=1e-16)
    assert str(dx) == "[0.05 0.2 ]"
    assert np.outer(x1, dy).shape == (2, 3)
    rng = np.random.default_rng(0)
    X, dout = rng.standard_normal((4, 2)), rng.standard_normal((4, 3))
    dW = X.T @ dout
    assert dW.shape == (2, 3) and np.allclose(dW, sum(np.outer(X[n], dout[n]) for n in range(4)))
    layer = Affine(W, [0.1, 0.2, 0.3])
    assert layer.forward(X).shape == (4, 3) and layer.backward(dout).shape == (4, 2)
    assert layer.dW.shape == (2, 3) and layer.db.shape == (3,)
    assert np.allclose(layer.dW, dW) and np.allclose(layer.db, dout.sum(axis=0))


def test_softmax_with_loss_and_the_one_over_b():
    layer = SoftmaxWithLoss()
    loss = layer.forward(U, LABELS)
    dU = layer.backward()
    assert f"{loss:.6f}" == "0.518184"
    assert np.allclose(dU, (softmax(U) - np.eye(3)[LABELS]) / 4)
    layer8 = SoftmaxWithLoss()
    loss8 = layer8.forward(np.vstack([U, U]), np.concatenate([LABELS, LABELS]))
    assert f"{loss8:.6f}" == "0.518184"
    Z = np.ones((4, 1))
    dW4, dW8 = (Z.T @ dU).round(6), (np.vstack([Z, Z]).T @ layer8.backward()).round(6)
    np.testing.assert_array_equal(dW4, [[0.121409, 0.05893, -0.180338]])
    np.testing.assert_array_equal(dW8, dW4)
    # with a summed loss the gradient would double: the 1/B is what keeps it equal
    assert np.allclose(np.vstack([Z, Z]).T @ (layer8.backward() * 8), 2 * (Z.T @ dU * 4))


def _hand_assembled():
    layers = [Affine(W1, B1), Sigmoid(), Affine(W2, B2)]
    last = IdentityWithLoss()
    out = X1
    for layer in layers:
        out = layer.forward(out)
    E = last.forward(out, T1)
    dout = last.backward(1.0)
    for layer in reversed(layers):
        dout = layer.backward(dout)
    return E, layers


def test_chapter_06_rebuilt_from_layers():
    E, layers = _hand_assembled()
    assert repr(E) == "0.008873199616318052"
    assert layers[0].dW.round(8).tolist() == [[-0.01615222, -0.0187837], [-0.00807611, -0.00939185]]
    assert layers[2].dW.ravel().round(8).tolist() == [-0.07814662, -0.0829213]
    # chapter 06's δ formulas, written out in the chapter: equal to the last bit for a batch of one
    z1 = sigmoid(X1 @ W1 + B1)
    delta2 = (z1 @ W2 + B2) - T1
    delta1 = z1 * (1 - z1) * (delta2 @ W2.T)
    by_formula = [X1.T @ delta1, delta1.sum(axis=0), z1.T @ delta2, delta2.sum(axis=0)]
    by_layers = [layers[0].dW, layers[0].db, layers[2].dW, layers[2].db]
    assert [np.array_equal(p, q) for p, q in zip(by_layers, by_formula, strict=True)] == [True] * 4
    bw = TwoLayerNet(W1, B1, W2, B2).backward(X1, T1)  # the course's network is these layers
    assert E == bw.loss and all(np.array_equal(p, q) for p, q in zip(by_layers, bw.grads().values(), strict=True))


def test_two_layer_net_gradient_check():
    net = TwoLayerNet(W1, B1, W2, B2)
    assert [type(layer).__name__ for layer in net.layers] == ["Affine", "Sigmoid", "Affine"]
    grads = net.gradient(X1, T1)
    for name, value in net.params().items():

        def loss_of(p, name=name):
            probe = TwoLayerNet(W1, B1, W2, B2)
            probe.set_params(net.params() | {name: p})
            return probe.loss(X1, T1)

        assert gradient_check(grads[name], numerical_gradient(loss_of, value)) < 1e-7


def test_random_batch_agrees_with_the_formulas():
    rng = np.random.default_rng(1)
    Xb, lab = rng.standard_normal((16, 64)), rng.integers(0, 10, 16)
    ref = TwoLayerNet.create(64, 20, 10, seed=0)
    fw = ref.forward(Xb)
    d2 = fw.y - np.eye(10)[lab]
    d1 = fw.z1 * (1 - fw.z1) * (d2 @ ref.W2.T)
    formula = {"W1": Xb.T @ d1 / 16, "b1": d1.sum(axis=0) / 16, "W2": fw.z1.T @ d2 / 16, "b2": d2.sum(axis=0) / 16}
    g_lay = ref.gradient(Xb, lab)
    assert all(np.allclose(g_lay[k], formula[k], rtol=1e-12, atol=1e-15) for k in formula)
    assert not all(np.allclose(g_lay[k], 16 * formula[k], rtol=1e-3) for k in formula)  # the check can fail


def test_powers_of_a_quarter():
    lines = [f"{d:2d} layers: 0.25**{d} = {0.25**d:.2e}" for d in (1, 2, 5, 10)]
    assert lines == [
        " 1 layers: 0.25**1 = 2.50e-01",
        " 2 layers: 0.25**2 = 6.25e-02",
        " 5 layers: 0.25**5 = 9.77e-04",
        "10 layers: 0.25**10 = 9.54e-07",
    ]


def test_vanishing_gradients_measured():
    rng = np.random.default_rng(0)
    X_batch, y_batch = rng.uniform(0, 1, (100, 64)), rng.integers(0, 10, 100)
    sizes = (64,) + (50,) * 10 + (10,)
    printed = {}
    for hidden in ("sigmoid", "relu"):
        g = LayerNet.create(sizes, hidden=hidden, seed=0).gradient(X_batch, y_batch)
        rms = [float(np.sqrt(np.mean(g[f"W{k}"] ** 2))) for k in range(1, 12)]
        printed[hidden] = (f"{rms[-1]:.1e}", f"{rms[0]:.1e}", f"{rms[0] / rms[-1]:.0e}")
        if hidden == "sigmoid":  # shrinks at every step back towards the input
            assert all(a < b for a, b in zip(rms[:-1], rms[1:], strict=True))
    assert printed == {"sigmoid": ("3.2e-02", "6.6e-09", "2e-07"), "relu": ("5.8e-04", "4.3e-04", "7e-01")}


def test_output_deltas_tie_to_chapter_06():
    u, t = np.array([[-5.0]]), np.array([[1.0]])
    bce = SigmoidWithLoss()
    bce.forward(u, t)
    sig_out, squared = Sigmoid(), IdentityWithLoss()
    squared.forward(sig_out.forward(u), t)
    assert f"{bce.backward()[0, 0]:.4f}" == "-0.9933"
    assert f"{sig_out.backward(squared.backward())[0, 0]:.4f}" == "-0.0066"


@pytest.mark.parametrize(
    ("key", "right", "wrong"),
    [
        ("08.1", (64, 100), (100, 64)),
        ("08.2", lambda X, d: X.T @ d, lambda X, d: d.T @ X),
        ("08.3", (softmax(U) - np.eye(3)[LABELS]) / 4, softmax(U) - np.eye(3)[LABELS]),
        ("08.4", 0.25**6, 0.25 * 6),
    ],
)
def test_exercises(key, right, wrong):
    assert evaluate(key, right).ok
    verdict = evaluate(key, wrong)
    assert not verdict.ok and "Hint" in verdict.message


def test_exercise_hints_name_the_typical_slips():
    assert "batch size" in evaluate("08.3", softmax(U) - np.eye(3)[LABELS]).message  # forgot /B
    assert "Transpose" in evaluate("08.2", lambda X, d: d.T @ X).message  # wrong transpose
