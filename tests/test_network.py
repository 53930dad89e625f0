"""The chapter-06 worked example, backpropagation vs numerical gradients, and training."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.data import load_digits_split
from helpers.network import Backward, TwoLayerNet, sigmoid, sigmoid_grad, train
from helpers.numdiff import gradient_check, numerical_gradient

X_EX = [1.0, 0.5]


def worked_example() -> TwoLayerNet:
    return TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], 0.1, [[0.5], [0.6]], 0.2)


def test_worked_example_forward_by_hand():
    fw = worked_example().forward(X_EX)
    # x @ W1 + b1: u1_j = Σ_i x_i W1[i, j] + b1
    np.testing.assert_allclose(fw.u1, [1 * 0.1 + 0.5 * 0.3 + 0.1, 1 * 0.2 + 0.5 * 0.4 + 0.1])
    np.testing.assert_allclose(fw.z1, 1 / (1 + np.exp(-np.array([0.35, 0.5]))))
    np.testing.assert_allclose(fw.y, 0.5 * fw.z1[0] + 0.6 * fw.z1[1] + 0.2)
    assert fw.y.shape == (1,)


def test_worked_example_loss_and_deltas():
    net = worked_example()
    assert net.loss(X_EX, 1.0) == 0.008873199616318052
    b = net.backward(X_EX, 1.0)
    assert b.loss == 0.008873199616318052
    assert round(float(b.delta2[0]), 8) == -0.13321561
    np.testing.assert_array_equal(np.round(b.delta1, 8), [-0.01615222, -0.0187837])
    # hidden δ_j = σ'(u_j) Σ_k w_kj δ_k with w_kj = W2[j, k]
    fw = net.forward(X_EX)
    np.testing.assert_allclose(b.delta1, fw.z1 * (1 - fw.z1) * np.array([0.5, 0.6]) * b.delta2)
    np.testing.assert_allclose(b.dW1, np.outer(X_EX, b.delta1))
    np.testing.assert_allclose(b.dW2[:, 0], fw.z1 * b.delta2[0])


def test_worked_example_one_sgd_step():
    net = worked_example()
    net.step(net.backward(X_EX, 1.0), lr=0.1)
    assert net.loss(X_EX, 1.0) == 0.005951086490063359


def test_flat_w2_and_scalar_biases_equal_explicit_shapes():
    flat = TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], 0.1, [0.5, 0.6], 0.2)
    full = TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [[0.5], [0.6]], [0.2])
    assert flat.loss(X_EX, [1.0]) == full.loss(X_EX, 1.0)


def test_other_orientation_gives_other_numbers():
    # Transposed W1 (rows = hidden units) does NOT reproduce the course value.
    net = TwoLayerNet([[0.1, 0.3], [0.2, 0.4]], 0.1, [0.5, 0.6], 0.2)
    assert net.loss(X_EX, 1.0) != 0.008873199616318052


def test_worked_example_gradient_check():
    net = worked_example()
    b = net.backward(X_EX, 1.0)
    for name, analytic in b.grads().items():
        assert gradient_check(analytic, _numeric(net, name, X_EX, 1.0)) < 1e-7


def _numeric(net: TwoLayerNet, name: str, x, t, h: float = 1e-4) -> np.ndarray:
    def f(value: np.ndarray) -> float:
        saved = getattr(net, name)
        setattr(net, name, value)
        try:
            return net.loss(x, t)
        finally:
            setattr(net, name, saved)

    return numerical_gradient(f, getattr(net, name), h=h)


COMBOS = [
    ("identity", "half_sse"),
    ("softmax", "cross_entropy"),
    ("sigmoid", "bce"),
    ("softmax", "half_sse"),
    ("sigmoid", "half_sse"),
]
SHAPES = [(3, 4, 2, None), (5, 3, 4, 6), (2, 6, 3, 1), (4, 5, 1, 7), (6, 2, 3, 3)]


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize(("d", "h", "m", "n"), SHAPES)
@pytest.mark.parametrize(("output", "loss"), COMBOS)
def test_backward_matches_numerical_gradient(output, loss, d, h, m, n, seed):
    if output == "softmax" and m == 1:
        m = 2  # a one-class softmax is constant 1
    rng = np.random.default_rng(seed)
    net = TwoLayerNet.create(d, h, m, output=output, loss=loss, seed=seed, scale=0.9)
    net.b1 = rng.normal(size=h)  # non-zero biases exercise db
    net.b2 = rng.normal(size=m)
    x = rng.normal(size=(n, d) if n else (d,))
    y_shape = (n, m) if n else (m,)
    if loss == "cross_entropy":
        t = rng.integers(0, m, size=n) if n else np.int64(rng.integers(0, m))
    elif loss == "bce":
        t = rng.integers(0, 2, size=y_shape).astype(float)
    else:
        t = rng.normal(size=y_shape)
    b = net.backward(x, t)
    for name, analytic in b.grads().items():
        assert analytic.shape == getattr(net, name).shape
        err = gradient_check(analytic, _numeric(net, name, x, t))
        assert err < 1e-7, (name, err)


@pytest.mark.parametrize(("output", "loss"), COMBOS[:3])
def test_matched_pairs_have_delta_y_minus_t(output, loss):
    rng = np.random.default_rng(0)
    net = TwoLayerNet.create(3, 4, 3, output=output, loss=loss, seed=1)
    x = rng.normal(size=(5, 3))
    t = np.eye(3)[[0, 1, 2, 1, 0]]
    b = net.backward(x, t)
    np.testing.assert_allclose(b.delta2, net.forward(x).y - t, rtol=1e-14)


def test_sigmoid_with_squared_error_keeps_sigma_prime():
    net = TwoLayerNet.create(2, 3, 1, output="sigmoid", loss="half_sse", seed=0)
    x, t = np.array([[0.3, -0.2]]), np.array([[1.0]])
    y = net.forward(x).y
    np.testing.assert_allclose(net.backward(x, t).delta2, (y - t) * y * (1 - y), rtol=1e-14)


def test_batch_gradient_is_mean_of_single_gradients():
    rng = np.random.default_rng(3)
    net = TwoLayerNet.create(4, 5, 3, seed=3)
    x, labels = rng.normal(size=(6, 4)), rng.integers(0, 3, size=6)
    batch = net.backward(x, labels)
    singles = [net.backward(x[i], labels[i]) for i in range(6)]
    np.testing.assert_allclose(batch.dW1, np.mean([s.dW1 for s in singles], axis=0), rtol=1e-12)
    assert batch.loss == pytest.approx(np.mean([s.loss for s in singles]), rel=1e-13)


def test_sigmoid_extremes_and_grad():
    np.testing.assert_array_equal(sigmoid([-1e4, 0.0, 1e4]), [0.0, 0.5, 1.0])
    np.testing.assert_allclose(sigmoid_grad([0.0, 2.0]), [0.25, sigmoid(2.0) * sigmoid(-2.0)])


def test_step_predict_accuracy_and_params_are_copies():
    net = TwoLayerNet.create(2, 3, 2, seed=0)
    p = net.params()
    p["W1"][:] = 99.0
    assert not np.any(net.W1 == 99.0)
    grads = {k: np.ones_like(v) for k, v in net.params().items()}
    before = net.W1.copy()
    net.step(grads, lr=0.5)
    np.testing.assert_allclose(net.W1, before - 0.5)
    x = np.array([[1.0, 0.0], [0.0, 1.0]])
    pred = net.predict(x)
    assert pred.shape == (2,) and isinstance(net.predict(x[0]), int)
    assert net.accuracy(x, pred) == 1.0
    assert net.accuracy(x, 1 - pred) == 0.0


def test_create_is_seeded():
    a = TwoLayerNet.create(3, 4, 2, seed=5)
    b = TwoLayerNet.create(3, 4, 2, seed=5)
    c = TwoLayerNet.create(3, 4, 2, seed=6)
    np.testing.assert_array_equal(a.W1, b.W1)
    assert not np.array_equal(a.W1, c.W1)


def test_train_reaches_97_percent_on_digits():
    X_tr, X_te, y_tr, y_te = load_digits_split()
    net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
    calls = []
    hist = train(
        net,
        X_tr,
        y_tr,
        lr=2.0,
        batch_size=32,
        epochs=20,
        seed=0,
        callback=lambda e, s, loss: calls.append((e, s)),
        X_val=X_te,
        y_val=y_te,
    )
    assert net.accuracy(X_te, y_te) >= 0.97
    assert len(hist.losses) == 20 * (1347 // 32) == len(calls)
    assert calls[-1] == (19, len(calls) - 1)
    assert len(hist.train_accuracy) == len(hist.val_accuracy) == len(hist.epoch_losses) == 20
    assert hist.val_accuracy[-1] == net.accuracy(X_te, y_te)
    assert hist.epoch_losses[-1] < hist.epoch_losses[0] / 5


def test_train_is_reproducible_and_does_not_modify_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    T = (X[:, :1] > 0).astype(float)
    X0, T0 = X.copy(), T.copy()
    runs = []
    for _ in range(2):
        net = TwoLayerNet.create(3, 4, 1, output="sigmoid", loss="bce", seed=1)
        runs.append(train(net, X, T, lr=0.5, batch_size=8, epochs=3, seed=2).losses)
    assert runs[0] == runs[1]
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(T, T0)


def test_backward_returns_backward_record():
    b = worked_example().backward(X_EX, 1.0)
    assert isinstance(b, Backward)
    assert set(b.grads()) == {"W1", "b1", "W2", "b2"}


def test_training_checks_once_yet_gives_the_numbers_of_the_public_layers():
    """train() runs the course's layers through their internal _fwd/_bwd, inputs checked once; a net of
    subclassed layers (public forward/backward, every input checked) gives the same numbers to the last bit."""
    from helpers import layers as L
    from helpers.data import load_digits_split
    from helpers.network import LayerNet, train

    class Checked:  # mixin: a learner's own layer class goes through the public methods
        pass

    def public(layer):
        cls = type(layer)
        twin = type(f"Public{cls.__name__}", (cls, Checked), {})
        layer.__class__ = twin
        return layer

    X, _, y, _ = load_digits_split()
    X, y = X[:200], y[:200]
    for kwargs in ({"hidden": "sigmoid"}, {"hidden": "relu", "dropout": 0.2, "weight_decay": 0.01}):
        fast = LayerNet.create((64, 30, 10), seed=0, **kwargs)
        slow = LayerNet.create((64, 30, 10), seed=0, **kwargs)
        slow.layers = [public(layer) for layer in slow.layers]
        slow.loss_layer = public(slow.loss_layer)
        assert not any(type(layer) in (L.Affine, L.ReLU, L.Sigmoid, L.Dropout) for layer in slow.layers)
        h_fast = train(fast, X, y, lr=0.5, batch_size=16, epochs=3, seed=0, X_val=X[:50], y_val=y[:50])
        h_slow = train(slow, X, y, lr=0.5, batch_size=16, epochs=3, seed=0, X_val=X[:50], y_val=y[:50])
        assert h_fast.losses == h_slow.losses
        assert h_fast.val_loss == h_slow.val_loss and h_fast.train_accuracy == h_slow.train_accuracy
        for name, value in fast.params().items():
            assert np.array_equal(value, slow.params()[name]), name
