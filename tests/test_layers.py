"""helpers.layers, helpers.network's layered networks and helpers.graph: every backward against central
differences, the book's shopping example to the digit, TwoLayerNet against chapter 06's δ formulas, and bad input."""

from __future__ import annotations

import doctest

import matplotlib
import numpy as np
import pytest

import helpers.graph
import helpers.layers
import helpers.network
from helpers.explorers import ch06
from helpers.graph import ComputationalGraph, Node, draw_graph, shopping_graph, shopping_graph_with_oranges
from helpers.layers import (
    AddLayer,
    Affine,
    Dropout,
    IdentityWithLoss,
    MulLayer,
    ReLU,
    Sigmoid,
    SigmoidWithLoss,
    Softmax,
    SoftmaxWithLoss,
)
from helpers.network import LayerNet, TwoLayerNet, l2_penalty, l2_penalty_grad, train
from helpers.numdiff import gradient_check, numerical_gradient

matplotlib.use("agg")

TOL = 1e-7  # the bound on the relative error of every gradient check
SHAPES = [(1, 1), (3, 4), (5, 2), (7, 6)]


@pytest.mark.parametrize("module", [helpers.layers, helpers.network, helpers.graph], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


# ---- the book's shopping example, to the digit ------------------------------------------


def test_apples_with_layers_as_in_the_book():
    mul_apple, mul_tax = MulLayer(), MulLayer()
    price = mul_tax.forward(mul_apple.forward(100, 2), 1.1)
    assert repr(price) == "220.00000000000003"
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert (repr(dapple), repr(dapple_num), repr(dtax)) == ("2.2", "110.00000000000001", "200")


def test_apples_and_oranges_with_layers_as_in_the_book():
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    all_price = add.forward(mul_apple.forward(100, 2), mul_orange.forward(150, 3))
    price = mul_tax.forward(all_price, 1.1)
    assert repr(price) == "715.0000000000001"
    dall, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    got = [repr(v) for v in (dapple_num, dapple, dorange, dorange_num, dtax)]
    assert got == ["110.00000000000001", "2.2", "3.3000000000000003", "165.0", "650"]


def test_graph_gives_the_same_digits():
    state = shopping_graph().evaluate(apple=100, apple_num=2, tax=1.1)
    assert repr(state.values["price"]) == "220.00000000000003"
    assert {k: repr(state.grads[k]) for k in ("apple", "apple_num", "tax")} == {
        "apple": "2.2",
        "apple_num": "110.00000000000001",
        "tax": "200",
    }
    state = shopping_graph_with_oranges().evaluate(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1)
    assert repr(state.values["price"]) == "715.0000000000001"
    assert {k: repr(v) for k, v in state.grads.items()} == {
        "price": "1",
        "all_price": "1.1",
        "tax": "650",
        "apple_price": "1.1",
        "orange_price": "1.1",
        "orange": "3.3000000000000003",
        "orange_num": "165.0",
        "apple": "2.2",
        "apple_num": "110.00000000000001",
    }


def test_graph_gradients_are_derivatives():
    graph = shopping_graph_with_oranges()
    point = {"apple": 100.0, "apple_num": 2.0, "orange": 150.0, "orange_num": 3.0, "tax": 1.1}
    state = graph.evaluate(**point)
    for name in point:

        def price_of(v, name=name):
            return graph.evaluate(**(point | {name: float(v[0])})).values["price"]

        numeric = numerical_gradient(price_of, [point[name]])
        assert gradient_check([state.grads[name]], numeric) <= TOL, name


def test_graph_adds_the_paths_of_a_node_used_twice():
    # z = x·x + x·y: ∂z/∂x = 2x + y along three paths
    graph = ComputationalGraph(
        [
            Node("x", "input"),
            Node("y", "input"),
            Node("xx", "mul", ("x", "x")),
            Node("xy", "mul", ("x", "y")),
            Node("z", "add", ("xx", "xy")),
        ],
        output="z",
    )
    state = graph.evaluate(x=3.0, y=5.0)
    assert state.values["z"] == 24.0
    assert state.grads["x"] == 11.0 and state.grads["y"] == 3.0


def test_local_rules_name_the_numbers():
    graph = shopping_graph()
    state = graph.evaluate(apple=100, apple_num=2, tax=1.1)
    rule = graph.local_rule("price", state)
    assert "× node" in rule and "∂price/∂tax = 1 × 200 = 200" in rule and "∂price/∂apple_price = 1 × 1.1 = 1.1" in rule
    rule = graph.local_rule("apple_price", state)
    assert "∂price/∂apple = 1.1 × 2 = 2.2" in rule and "∂price/∂apple_num = 1.1 × 100 = 110" in rule
    assert graph.local_rule("tax", state) == "input tax = 1.1: ∂price/∂tax = 200"
    oranges = shopping_graph_with_oranges()
    rule = oranges.local_rule("all_price", oranges.evaluate(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1))
    assert rule.startswith("+ node: all_price = apple_price + orange_price = 200 + 450 = 650")
    assert "1.1 passes on unchanged" in rule


def test_draw_graph_writes_every_value_and_gradient():
    graph = shopping_graph()
    state = graph.evaluate(apple=100, apple_num=2, tax=1.1)
    ax = draw_graph(graph, state, highlight="price")
    texts = {t.get_text() for t in ax.texts}
    assert {"100", "2", "1.1", "200", "220", "[2.2]", "[110]", "[200]", "[1.1]", "[1]"} <= texts
    assert {"apple", "apple_num", "tax", "×"} <= texts
    matplotlib.pyplot.close(ax.figure)


def test_graph_rejects_bad_definitions_and_inputs():
    with pytest.raises(ValueError, match="must be defined before it"):
        ComputationalGraph([Node("z", "mul", ("x", "y")), Node("x", "input"), Node("y", "input")], output="z")
    with pytest.raises(ValueError, match="op must be one of"):
        ComputationalGraph([Node("x", "input"), Node("z", "div", ("x", "x"))], output="z")
    with pytest.raises(ValueError, match="unique"):
        ComputationalGraph([Node("x", "input"), Node("x", "input")], output="x")
    with pytest.raises(ValueError, match="output must be one of"):
        ComputationalGraph([Node("x", "input")], output="y")
    graph = shopping_graph()
    with pytest.raises(ValueError, match=r"missing \['tax'\], unknown \['taxes'\]"):
        graph.evaluate(apple=100, apple_num=2, taxes=1.1)
    with pytest.raises(TypeError, match="apple must be a number"):
        graph.evaluate(apple=True, apple_num=2, tax=1.1)
    with pytest.raises(ValueError, match="name must be one of the nodes"):
        graph.local_rule("banana", graph.evaluate(apple=100, apple_num=2, tax=1.1))
    with pytest.raises(ValueError, match="highlight must be one of the nodes"):
        draw_graph(graph, graph.evaluate(apple=100, apple_num=2, tax=1.1), highlight="banana")


# ---- every layer against central differences on random shapes -------------------------


def _check_input_gradient(forward, x, dout, analytic):
    """Relative error between ``analytic`` and the numerical gradient of ``sum(forward(x) * dout)``."""
    numeric = numerical_gradient(lambda v: float(np.sum(forward(v) * dout)), x)
    return gradient_check(analytic, numeric)


def _away_from_zero(rng, shape):
    x = rng.standard_normal(shape)
    return np.where(np.abs(x) < 1e-2, 0.5, x)  # ReLU's kink must stay farther than h = 1e-4 away


@pytest.mark.parametrize("shape", SHAPES)
def test_mul_and_add_layers(shape):
    rng = np.random.default_rng(1)
    x, y, dout = rng.standard_normal(shape), rng.standard_normal(shape), rng.standard_normal(shape)
    for layer_type in (MulLayer, AddLayer):
        layer = layer_type()
        layer.forward(x, y)
        dx, dy = layer.backward(dout)
        assert _check_input_gradient(lambda v, t=layer_type: t().forward(v, y), x, dout, dx) <= TOL
        assert _check_input_gradient(lambda v, t=layer_type: t().forward(x, v), y, dout, dy) <= TOL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("layer_type", [ReLU, Sigmoid, Softmax])
def test_activation_layers(layer_type, shape):
    rng = np.random.default_rng(2)
    x, dout = _away_from_zero(rng, shape) * 3, rng.standard_normal(shape)
    layer = layer_type()
    layer.forward(x)
    assert _check_input_gradient(lambda v: layer_type().forward(v), x, dout, layer.backward(dout)) <= TOL


@pytest.mark.parametrize(("batch", "d", "h"), [(1, 1, 1), (1, 2, 2), (4, 3, 5), (8, 6, 2)])
def test_affine_layer(batch, d, h):
    rng = np.random.default_rng(3)
    X, W, b = rng.standard_normal((batch, d)), rng.standard_normal((d, h)), rng.standard_normal(h)
    dout = rng.standard_normal((batch, h))
    layer = Affine(W, b)
    layer.forward(X)
    dX = layer.backward(dout)
    assert dX.shape == X.shape and layer.dW.shape == W.shape and layer.db.shape == b.shape
    assert _check_input_gradient(lambda v: Affine(W, b).forward(v), X, dout, dX) <= TOL
    assert _check_input_gradient(lambda v: Affine(v, b).forward(X), W, dout, layer.dW) <= TOL
    assert _check_input_gradient(lambda v: Affine(W, v).forward(X), b, dout, layer.db) <= TOL
    # the batch formulas themselves
    np.testing.assert_array_equal(dX, dout @ W.T)
    np.testing.assert_array_equal(layer.dW, X.T @ dout)
    np.testing.assert_array_equal(layer.db, dout.sum(axis=0))


@pytest.mark.parametrize("shape", SHAPES)
def test_dropout_layer(shape):
    rng = np.random.default_rng(4)
    x, dout = rng.standard_normal(shape), rng.standard_normal(shape)
    layer = Dropout(0.3, seed=5)
    out = layer.forward(x)
    kept = layer.scale != 0
    np.testing.assert_allclose(out[kept], x[kept] / 0.7)
    assert np.all(out[~kept] == 0)
    mask = layer.scale.copy()  # the same mask for the numerical check
    assert _check_input_gradient(lambda v: v * mask, x, dout, layer.backward(dout)) <= TOL
    np.testing.assert_array_equal(layer.forward(x, train=False), x)


def test_dropout_drops_about_the_ratio():
    out = Dropout(0.5, seed=0).forward(np.ones((100, 100)))
    assert 0.47 < np.mean(out == 0) < 0.53


@pytest.mark.parametrize(("batch", "k"), [(1, 2), (3, 4), (6, 10)])
@pytest.mark.parametrize("loss_type", [SoftmaxWithLoss, SigmoidWithLoss, IdentityWithLoss])
def test_loss_layers(loss_type, batch, k):
    rng = np.random.default_rng(6)
    X = rng.standard_normal((batch, k)) * 2
    if loss_type is SoftmaxWithLoss:
        T = np.eye(k)[rng.integers(0, k, batch)]
    elif loss_type is SigmoidWithLoss:
        T = rng.uniform(0, 1, (batch, k))
    else:
        T = rng.standard_normal((batch, k))
    layer = loss_type()
    layer.forward(X, T)
    dX = layer.backward()
    numeric = numerical_gradient(lambda v: loss_type().forward(v, T), X)
    assert gradient_check(dX, numeric) <= TOL
    np.testing.assert_allclose(dX, (layer.y - T) / batch, rtol=1e-15)  # (Y − T) / B


def test_softmax_with_loss_labels_equal_one_hot_and_scale_with_dout():
    X = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
    a, b = SoftmaxWithLoss(), SoftmaxWithLoss()
    assert a.forward(X, [0, 1]) == b.forward(X, np.eye(3)[[0, 1]])
    np.testing.assert_array_equal(a.backward(), b.backward())
    np.testing.assert_allclose(a.backward(2.0), 2 * b.backward())


def test_softmax_with_loss_stays_finite_for_huge_logits():
    layer = SoftmaxWithLoss()
    assert layer.forward([[1010.0, 1000.0, 990.0]], [0]) == pytest.approx(np.log1p(np.exp(-10.0) + np.exp(-20.0)))
    assert np.all(np.isfinite(layer.backward()))


def test_layers_never_change_their_inputs():
    rng = np.random.default_rng(7)
    X, W, b, dout = rng.standard_normal((3, 2)), rng.standard_normal((2, 4)), rng.standard_normal(4), np.ones((3, 4))
    copies = [a.copy() for a in (X, W, b, dout)]
    affine = Affine(W, b)
    affine.forward(X)
    affine.backward(dout)
    relu = ReLU()
    relu.forward(X)
    relu.backward(-X)
    sig = Sigmoid()
    sig.forward(X)
    sig.backward(X)
    for before, after in zip(copies, (X, W, b, dout), strict=True):
        np.testing.assert_array_equal(before, after)
    affine.W[0, 0] = 99.0  # the layer owns a copy: changing it leaves the caller's W alone
    assert W[0, 0] == copies[1][0, 0]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: MulLayer().backward(1.0), RuntimeError, "call forward first"),
        (lambda: Affine([[1.0, 2.0]], [0.0, 0.0]).forward([1.0]), ValueError, r"shape \(B, 1\)"),
        (lambda: Affine([1.0, 2.0], 0.0), ValueError, r"W must have shape \(D, H\)"),
        (lambda: Affine([[1.0, 2.0]], [0.0, 0.0, 0.0]), ValueError, r"b must be a number or have shape \(2,\)"),
        (lambda: MulLayer().forward([1.0, 2.0], [1.0]), ValueError, "MulLayer needs equal shapes"),
        (lambda: MulLayer().forward("2", 3), TypeError, "x must be numbers"),
        (lambda: AddLayer().forward(float("nan"), 1.0), ValueError, "x must be finite"),
        (lambda: ReLU().forward(np.array([1.0, np.nan])), ValueError, "x must be finite"),
        (lambda: Affine(np.ones((2, 2)), 0.0).forward(np.array([[1.0, np.inf]])), ValueError, "X must be finite"),
        (lambda: Sigmoid().forward(np.zeros((0, 3))), ValueError, "x must not be empty"),
        (lambda: SoftmaxWithLoss().forward([[1.0, 2.0]], [2]), ValueError, "T has label 2"),
        (lambda: SoftmaxWithLoss().forward([1.0, 2.0], [1]), ValueError, r"shape \(B, K\)"),
        (lambda: IdentityWithLoss().forward([[1.0]], [[1.0, 2.0]]), ValueError, "T must have the shape of X"),
        (lambda: SigmoidWithLoss().forward([[1.0]], [[2.0]]), ValueError, r"T must hold probabilities"),
        (lambda: Dropout(1.0), ValueError, r"ratio must be in \[0, 1\)"),
        (lambda: LayerNet([ReLU()], ReLU()), TypeError, "loss_layer must be"),
        (lambda: LayerNet([object()], IdentityWithLoss()), TypeError, "layers.0. must have forward and backward"),
        (lambda: LayerNet.create((4, 3), hidden="tanh"), ValueError, "hidden must be one of"),
        (lambda: LayerNet.create((4, 3), weight_decay=-1), ValueError, "weight_decay must be a finite number"),
        (lambda: l2_penalty([[1.0]], "0.1"), TypeError, "weight_decay must be a number"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_backward_checks_the_shape_of_dout():
    layer = Affine(np.ones((2, 3)), 0.0)
    layer.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"dout must have the shape of Affine's output \(4, 3\), got shape \(3, 4\)"):
        layer.backward(np.ones((3, 4)))
    relu = ReLU()
    relu.forward([1.0, 2.0])
    with pytest.raises(ValueError, match="dout must have the shape"):
        relu.backward([1.0])


# ---- the network made of layers ------------------------------------------------------------


def _chapter_06_formulas(W1, b1, W2, b2, X, T, output, loss):
    """Chapter 06's δ recursion written out, independent of the layers: (loss, grads) of the batch mean."""
    n = X.shape[0]
    u1 = X @ W1 + b1
    z1 = 1 / (1 + np.exp(-u1))
    u2 = z1 @ W2 + b2
    if output == "softmax":
        e = np.exp(u2 - u2.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
    else:
        y = 1 / (1 + np.exp(-u2)) if output == "sigmoid" else u2
    if loss == "cross_entropy":
        E, delta2 = -np.sum(T * np.log(y)) / n, y - T
    elif loss == "bce":
        E, delta2 = -np.sum(T * np.log(y) + (1 - T) * np.log(1 - y)) / n, y - T
    else:
        E, g = 0.5 * np.sum((y - T) ** 2) / n, y - T
        if output == "sigmoid":
            delta2 = g * y * (1 - y)
        elif output == "softmax":
            delta2 = y * (g - np.sum(g * y, axis=1, keepdims=True))
        else:
            delta2 = g
    delta1 = z1 * (1 - z1) * (delta2 @ W2.T)
    grads = {"W1": X.T @ delta1 / n, "b1": delta1.sum(0) / n, "W2": z1.T @ delta2 / n, "b2": delta2.sum(0) / n}
    return E, grads, delta1, delta2


def test_two_layer_net_reproduces_chapter_06_exactly():
    net = TwoLayerNet(ch06.W1, [0.1, 0.1], ch06.W2, ch06.B2)
    x = ch06.X.reshape(1, 2)
    assert net.loss(x, ch06.T) == 0.008873199616318052 == net.loss(ch06.X, ch06.T)
    E, reference, delta1, delta2 = _chapter_06_formulas(
        np.asarray(ch06.W1), np.array([0.1, 0.1]), np.reshape(ch06.W2, (2, 1)), ch06.B2, x, np.array([[ch06.T]]),
        "identity", "half_sse",
    )  # fmt: skip
    assert E == 0.008873199616318052
    grads, bw = net.gradient(x, ch06.T), net.backward(ch06.X, ch06.T)
    for name, value in reference.items():
        np.testing.assert_array_equal(grads[name], value, err_msg=name)  # B = 1: every bit equal
        np.testing.assert_array_equal(bw.grads()[name], value, err_msg=name)
    assert float(net.loss_layer.backward()[0, 0]) == float(bw.delta2[0]) == -0.13321561182022212
    np.testing.assert_array_equal(bw.delta1, delta1[0])
    net.step(grads, 0.1)
    assert net.loss(x, ch06.T) == 0.005951086490063359


def test_two_layer_net_accepts_one_sample_and_a_scalar_target():
    net = TwoLayerNet(ch06.W1, 0.1, ch06.W2, ch06.B2)
    assert net.loss(ch06.X, ch06.T) == net.loss([ch06.X], [[ch06.T]]) == 0.008873199616318052


COMBOS = [("identity", "half_sse"), ("softmax", "cross_entropy"), ("sigmoid", "bce"), ("softmax", "half_sse"),
          ("sigmoid", "half_sse")]  # fmt: skip


@pytest.mark.parametrize(("output", "loss"), COMBOS)
def test_two_layer_net_matches_chapter_06_formulas_on_random_batches(output, loss):
    rng = np.random.default_rng(8)
    for batch, d, h, m in [(1, 3, 4, 2), (5, 4, 6, 3), (16, 8, 5, 4)]:
        W1, b1 = rng.standard_normal((d, h)), rng.standard_normal(h)
        W2, b2 = rng.standard_normal((h, m)), rng.standard_normal(m)
        X = rng.standard_normal((batch, d))
        if output == "softmax":
            T = np.eye(m)[rng.integers(0, m, batch)]
        elif output == "sigmoid":
            T = rng.integers(0, 2, (batch, m)).astype(float)
        else:
            T = rng.standard_normal((batch, m))
        net = TwoLayerNet(W1, b1, W2, b2, output=output, loss=loss)
        E, reference, delta1, delta2 = _chapter_06_formulas(W1, b1, W2, b2, X, T, output, loss)
        assert net.loss(X, T) == pytest.approx(E, rel=1e-13)
        bw = net.backward(X, T)
        for name, value in reference.items():
            np.testing.assert_allclose(bw.grads()[name], value, rtol=1e-12, atol=1e-15, err_msg=name)
        # the per-sample deltas: B times what arrives at each Affine layer's output
        np.testing.assert_allclose(bw.delta2, delta2, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(bw.delta1, delta1, rtol=1e-12, atol=1e-15)


def test_two_layer_net_is_a_layer_net_of_the_right_layers():
    names = {
        pair: " → ".join(type(x).__name__ for x in [*net.layers, net.loss_layer])
        for pair in COMBOS
        for net in [TwoLayerNet.create(3, 4, 2, output=pair[0], loss=pair[1])]
    }
    assert names[("softmax", "cross_entropy")] == "Affine → Sigmoid → Affine → SoftmaxWithLoss"
    assert names[("softmax", "half_sse")] == "Affine → Sigmoid → Affine → Softmax → IdentityWithLoss"
    assert names[("sigmoid", "half_sse")] == "Affine → Sigmoid → Affine → Sigmoid → IdentityWithLoss"
    net = TwoLayerNet.create(3, 4, 2)
    assert isinstance(net, LayerNet) and net.W1 is net.layers[0].W and net.b2 is net.layers[2].b
    net.W1 = np.zeros((3, 4))
    assert np.all(net.layers[0].W == 0)
    with pytest.raises(ValueError, match=r"W1 must have shape \(3, 4\)"):
        net.W1 = np.zeros((4, 3))


@pytest.mark.parametrize("hidden", ["relu", "sigmoid"])
def test_deeper_net_with_weight_decay_and_dropout_is_gradient_checked(hidden):
    rng = np.random.default_rng(9)
    X, labels = rng.standard_normal((5, 4)), rng.integers(0, 3, 5)
    net = LayerNet.create((4, 6, 5, 3), hidden=hidden, seed=1, weight_decay=0.1, dropout=0.25)
    grads = net.gradient(X, labels)
    masks = [layer.scale.copy() for layer in net.layers if isinstance(layer, Dropout)]
    params = net.params()

    def loss_with(name):
        def f(value):
            probe = LayerNet.create((4, 6, 5, 3), hidden=hidden, seed=1, weight_decay=0.1)
            probe.set_params(params | {name: value})
            # the same dropout masks as in the gradient pass: multiply them in by hand
            out, masks_left = net._batch(X), list(masks)
            for layer in probe.layers:
                out = layer.forward(out)
                if isinstance(layer, (ReLU, Sigmoid)):
                    out = out * masks_left.pop(0)
            data = probe.loss_layer.forward(out, labels)
            return data + l2_penalty([a.W for a in probe.affine_layers], 0.1)

        return f

    for name, value in params.items():
        assert gradient_check(grads[name], numerical_gradient(loss_with(name), value)) <= TOL, name


def test_weight_decay_adds_lambda_w():
    rng = np.random.default_rng(10)
    X, labels = rng.standard_normal((4, 3)), rng.integers(0, 2, 4)
    plain = LayerNet.create((3, 5, 2), seed=2)
    decayed = LayerNet.create((3, 5, 2), seed=2, weight_decay=0.3)
    g0, g1 = plain.gradient(X, labels), decayed.gradient(X, labels)
    for k in ("1", "2"):
        np.testing.assert_allclose(g1["W" + k], g0["W" + k] + 0.3 * plain.params()["W" + k], rtol=1e-14)
        np.testing.assert_array_equal(g1["b" + k], g0["b" + k])  # biases are not decayed
    penalty = 0.15 * sum(float(np.sum(w**2)) for w in (plain.params()["W1"], plain.params()["W2"]))
    assert decayed.loss(X, labels) == pytest.approx(plain.loss(X, labels) + penalty, rel=1e-14)
    W = np.array([[1.0, -2.0], [0.5, 3.0]])
    numeric = numerical_gradient(lambda w: l2_penalty([w], 0.1), W)
    assert gradient_check(l2_penalty_grad(W, 0.1), numeric) <= TOL


def test_create_draws_the_same_weights_for_both_kinds_of_network():
    ref = TwoLayerNet.create(64, 100, 10, seed=3)
    net = LayerNet.create((64, 100, 10), hidden="sigmoid", seed=3)
    for name, value in ref.params().items():
        np.testing.assert_array_equal(net.params()[name], value)


def test_step_checks_everything_before_changing_anything():
    net = LayerNet.create((3, 4, 2), seed=0)
    before = net.params()
    bad = {name: np.zeros_like(v) for name, v in before.items()} | {"b2": np.zeros(3)}
    with pytest.raises(ValueError, match=r"grads\['b2'\] has shape \(3,\) but b2 has shape \(2,\)"):
        net.step(bad, 0.1)
    with pytest.raises(ValueError, match="grads is missing 'b1'"):
        net.step({"W1": before["W1"]}, 0.1)
    with pytest.raises(ValueError, match=r"grads has keys the network does not have: \['W3'\]"):
        net.step(before | {"W3": before["W1"]}, 0.1)
    for name, value in net.params().items():
        np.testing.assert_array_equal(value, before[name])


def test_train_learns_and_early_stopping_restores_the_best_epoch():
    rng = np.random.default_rng(11)
    X = rng.standard_normal((120, 2))
    labels = (X[:, 0] * X[:, 1] > 0).astype(int)  # XOR-like: needs the hidden layer
    net = LayerNet.create((2, 16, 2), seed=0)
    hist = train(net, X[:80], labels[:80], X_val=X[80:], y_val=labels[80:], lr=0.5, batch_size=16, epochs=60)
    assert hist.stopped_epoch == 60 and len(hist.val_loss) == 60
    assert hist.train_accuracy[-1] > 0.9 and hist.train_loss[-1] < hist.train_loss[0]
    net2 = LayerNet.create((2, 16, 2), seed=0)
    hist2 = train(net2, X[:80], labels[:80], X_val=X[80:], y_val=labels[80:], lr=0.5, batch_size=16, epochs=60,
                  patience=3)  # fmt: skip
    assert hist2.stopped_epoch - hist2.best_epoch == 3 < 60 - hist2.best_epoch
    assert net2.loss(X[80:], labels[80:]) == pytest.approx(min(hist2.val_loss), rel=1e-12)
    assert hist.val_loss[: hist2.stopped_epoch] == hist2.val_loss  # the same run until it stopped


def test_train_rejects_bad_arguments():
    net = LayerNet.create((2, 3, 2), seed=0)
    X, labels = np.zeros((4, 2)), np.array([0, 1, 0, 1])
    with pytest.raises(TypeError, match="net must be a LayerNet"):
        train("net", X, labels, lr=0.1, batch_size=2, epochs=1)
    with pytest.raises(ValueError, match=r"T must have the output's shape \(4, 2\)"):
        train(net, X, np.zeros((4, 3)), lr=0.1, batch_size=2, epochs=1)
    with pytest.raises(ValueError, match="patience must be a positive integer"):
        train(net, X, labels, X_val=X, y_val=labels, lr=0.1, batch_size=2, epochs=1, patience=0)
    with pytest.raises(ValueError, match="patience .early stopping. needs validation data"):
        train(net, X, labels, lr=0.1, batch_size=2, epochs=1, patience=3)
    with pytest.raises(ValueError, match=r"X must have shape \(2,\) for one sample or \(N, 2\)"):
        train(net, np.zeros((4, 3)), labels, lr=0.1, batch_size=2, epochs=1)
