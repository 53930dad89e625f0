"""Errors that teach: every bad input raises and names the argument; nothing is mutated.

Also the other side: extreme but valid inputs give finite, correct values and no
RuntimeWarning (pyproject.toml turns RuntimeWarning into an error under pytest).
"""

from __future__ import annotations

import re

import chapter_rows
import numpy as np
import pytest

from helpers import data, losses, network, numdiff, steps
from helpers.network import TwoLayerNet

Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
Y_BATCH = np.full((4, 10), 0.1)


def _net(output: str = "softmax", loss: str = "cross_entropy") -> TwoLayerNet:
    return TwoLayerNet.create(2, 3, 3, output=output, loss=loss, seed=0)


# (id, call, exception type, regex the message must match — always the argument's name)
BAD = [
    ("string", lambda: losses.mean_squared_error("0.1 0.2", [0, 1]), TypeError, "y_pred.*string"),
    ("none-item", lambda: losses.mean_squared_error([0.1, 0.2], [0, None]), ValueError, "y_true"),
    (
        "bools",
        lambda: losses.sum_squared_error([True, False], [1, 0]),
        TypeError,
        "y_pred.*boolean",
    ),
    (
        "ragged",
        lambda: losses.mean_squared_error([[1, 2], [3]], [[1, 2], [3, 4]]),
        ValueError,
        "y_pred.*ragged",
    ),
    ("empty", lambda: losses.mean_absolute_error([], []), ValueError, "y_pred must not be empty"),
    (
        "nan",
        lambda: losses.mean_squared_error([0.1, 0.2], [np.nan, 1]),
        ValueError,
        "y_true must be finite.*NaN",
    ),
    (
        "inf",
        lambda: losses.huber_loss([np.inf, 0.2], [0, 1]),
        ValueError,
        "y_pred must be finite.*inf",
    ),
    (
        "shape",
        lambda: losses.mean_squared_error([1, 2, 3], [1, 2, 3, 4]),
        ValueError,
        re.escape("y_pred has shape (3,) but y_true has shape (4,)"),
    ),
    (
        "complex",
        lambda: losses.mean_squared_error(np.array([1j, 2]), [1, 2]),
        TypeError,
        "y_pred.*complex",
    ),
    (
        "huber-thr-neg",
        lambda: losses.huber_loss([1.0], [0.0], threshold=-1),
        ValueError,
        "threshold",
    ),
    (
        "huber-thr-str",
        lambda: losses.huber_loss([1.0], [0.0], threshold="1"),
        TypeError,
        "threshold",
    ),
    (
        "ce-negative",
        lambda: losses.cross_entropy([-0.1, 1.1], [0, 1]),
        ValueError,
        r"y_pred must hold probabilities in \[0, 1\]",
    ),
    (
        "ce-above-one",
        lambda: losses.cross_entropy([0.5, 1.5], 1),
        ValueError,
        "y_pred must hold probabilities.*1.5",
    ),
    (
        "ce-label-range",
        lambda: losses.cross_entropy(Y_BATCH, [1, 2, 3, 10]),
        ValueError,
        re.escape("y_true has label 10 at position 3 but y_pred has only 10 classes (0..9)"),
    ),
    (
        "ce-label-negative",
        lambda: losses.cross_entropy(Y_BATCH, [1, -1, 3, 0]),
        ValueError,
        "y_true must hold class labels.*-1 at position 1",
    ),
    (
        "ce-label-fraction",
        lambda: losses.cross_entropy(Y_BATCH, [1, 2.5, 3, 0]),
        ValueError,
        "y_true must hold integer class labels, got 2.5 at position 1",
    ),
    (
        "ce-label-count",
        lambda: losses.cross_entropy(Y_BATCH, [1, 2, 3]),
        ValueError,
        "y_true holds 3 labels but y_pred has 4 rows",
    ),
    (
        "ce-onehot-shape",
        lambda: losses.cross_entropy(Y, [0, 1, 0]),
        ValueError,
        "y_true must be one-hot with the shape of y_pred",
    ),
    (
        "ce-3d",
        lambda: losses.cross_entropy(np.full((2, 2, 2), 0.5), 0),
        ValueError,
        r"y_pred must have shape \(K,\)",
    ),
    (
        "ce-target-2",
        lambda: losses.cross_entropy(Y, [2] + [0] * 9),
        ValueError,
        "y_true must hold probabilities",
    ),
    ("ce-strings", lambda: losses.cross_entropy(["a", "b"], [0, 1]), TypeError, "y_pred"),
    ("ce-label-bool", lambda: losses.cross_entropy(Y, True), TypeError, "y_true.*boolean"),
    ("delta-negative", lambda: losses.cross_entropy(Y, T, delta=-1e-7), ValueError, "delta"),
    ("delta-string", lambda: losses.cross_entropy(Y, T, delta="1e-7"), TypeError, "delta"),
    ("ce-grad-label", lambda: losses.cross_entropy_grad(Y, 12), ValueError, "y_true has label 12"),
    (
        "bce-p-above-one",
        lambda: losses.binary_cross_entropy([1.2], [1]),
        ValueError,
        "p_pred must hold probabilities",
    ),
    (
        "bce-shape",
        lambda: losses.binary_cross_entropy([0.2, 0.3], [1]),
        ValueError,
        "p_pred has shape",
    ),
    (
        "bce-target-2",
        lambda: losses.binary_cross_entropy_grad([0.2], [2]),
        ValueError,
        "y_true must hold probabilities",
    ),
    ("softmax-empty", lambda: losses.softmax([]), ValueError, "logits must not be empty"),
    (
        "softmax-scalar",
        lambda: losses.softmax(3.0),
        ValueError,
        "logits must have at least one axis",
    ),
    ("softmax-axis", lambda: losses.softmax([1.0, 2.0], axis=1), ValueError, "axis"),
    ("softmax-axis-float", lambda: losses.log_softmax([1.0, 2.0], axis=0.5), TypeError, "axis"),
    ("logsumexp-nan", lambda: losses.logsumexp([1.0, np.nan]), ValueError, "logits must be finite"),
    (
        "logits-onehot-sum",
        lambda: losses.cross_entropy_from_logits([1.0, 2.0], [0.5, 0.6]),
        ValueError,
        "y_true must sum to 1",
    ),
    (
        "logits-label-range",
        lambda: losses.cross_entropy_from_logits([[1.0, 2.0, 3.0]], [3]),
        ValueError,
        re.escape("y_true has label 3 at position 0 but logits has only 3 classes (0..2)"),
    ),
    (
        "logits-grad-shape",
        lambda: losses.cross_entropy_from_logits_grad([[1.0, 2.0]], [[0, 1], [1, 0]]),
        ValueError,
        "y_true must be one-hot with the shape of logits",
    ),
    ("entropy-sum", lambda: losses.entropy([0.5, 0.6]), ValueError, "p must sum to 1.*1.1"),
    (
        "entropy-negative",
        lambda: losses.entropy([1.5, -0.5]),
        ValueError,
        "p must hold probabilities",
    ),
    ("entropy-2d", lambda: losses.entropy([[0.5, 0.5]]), ValueError, "p must be one distribution"),
    (
        "kl-shape",
        lambda: losses.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5]),
        ValueError,
        re.escape("p has shape (2,) but q has shape (3,)"),
    ),
    (
        "kl-q-sum",
        lambda: losses.kl_divergence([0.5, 0.5], [0.5, 0.6]),
        ValueError,
        "q must sum to 1",
    ),
    (
        "ce-dist-ragged",
        lambda: losses.cross_entropy_dist([0.5, 0.5], [[0.5], [0.2, 0.8]]),
        ValueError,
        "q.*ragged",
    ),
    (
        "weights-shape",
        lambda: losses.weighted_cross_entropy(Y_BATCH, [0, 1, 2, 3], [1.0, 2.0]),
        ValueError,
        r"class_weights must have one weight per class, shape \(10,\)",
    ),
    (
        "weights-negative",
        lambda: losses.weighted_cross_entropy([[0.5, 0.5]], [0], [1.0, -2.0]),
        ValueError,
        "class_weights must be >= 0",
    ),
    (
        "balanced-missing",
        lambda: losses.class_weights_balanced([0, 0, 1], 3),
        ValueError,
        "labels has no sample of class 2",
    ),
    ("balanced-n-zero", lambda: losses.class_weights_balanced([0, 1], 0), ValueError, "n_classes"),
    (
        "balanced-label-range",
        lambda: losses.class_weights_balanced([0, 5], 3),
        ValueError,
        r"labels has label 5 at position 1 but n_classes has only 3 classes",
    ),
    (
        "smooth-alpha",
        lambda: losses.smooth_labels(T, 1.5),
        ValueError,
        r"alpha must be in \[0, 1\]",
    ),
    ("smooth-alpha-str", lambda: losses.smooth_labels(T, "0.1"), TypeError, "alpha"),
    (
        "smooth-label",
        lambda: losses.smooth_labels([1, 5], 0.1, n_classes=3),
        ValueError,
        "y_true has label 5 at position 1",
    ),
    (
        "one-hot-n",
        lambda: losses.one_hot([0, 1], -2),
        ValueError,
        "n_classes must be a positive integer",
    ),
    (
        "steps-ce-range",
        lambda: steps.cross_entropy_steps(Y, [0.5] * 9 + [1.5]),
        ValueError,
        "y_true must hold probabilities",
    ),
    ("diff-f", lambda: numdiff.numerical_diff(3.0, 1.0), TypeError, "f must be a function"),
    (
        "diff-h",
        lambda: numdiff.numerical_diff(np.sin, 1.0, h=0),
        ValueError,
        "h must be a positive number",
    ),
    ("diff-x", lambda: numdiff.numerical_diff(np.sin, "1"), TypeError, "x must be a number"),
    (
        "diff-x-nan",
        lambda: numdiff.numerical_diff(np.sin, float("nan")),
        ValueError,
        "x must be finite",
    ),
    (
        "grad-x-nan",
        lambda: numdiff.numerical_gradient(np.sum, [1.0, np.nan]),
        ValueError,
        "x must be finite",
    ),
    (
        "check-shape",
        lambda: numdiff.gradient_check([1.0, 2.0], [1.0]),
        ValueError,
        "analytic has shape",
    ),
    ("net-output", lambda: _net(output="relu"), ValueError, "output must be one of"),
    (
        "net-pair",
        lambda: _net(output="identity", loss="cross_entropy"),
        ValueError,
        "loss='cross_entropy' needs output",
    ),
    (
        "net-W2",
        lambda: TwoLayerNet(np.ones((2, 3)), 0, np.ones((4, 1)), 0),
        ValueError,
        r"W2 must have shape \(H, M\) with H = 3",
    ),
    (
        "net-b1",
        lambda: TwoLayerNet(np.ones((2, 3)), [0, 0], np.ones((3, 1)), 0),
        ValueError,
        r"b1 must be a number or have shape \(3,\)",
    ),
    (
        "net-W1-1d",
        lambda: TwoLayerNet([1.0, 2.0], 0, [1.0], 0),
        ValueError,
        r"W1 must have shape \(D, H\)",
    ),
    (
        "forward-x",
        lambda: _net().forward([1.0, 2.0, 3.0]),
        ValueError,
        r"x must have shape \(2,\) for one sample or \(N, 2\)",
    ),
    (
        "backward-t-shape",
        lambda: _net("identity", "half_sse").backward([[1.0, 2.0]], [[1.0, 2.0]]),
        ValueError,
        r"t must have the output's shape \(1, 3\)",
    ),
    (
        "backward-t-label",
        lambda: _net().backward([1.0, 2.0], 5),
        ValueError,
        "t has label 5 at position 0 but the output has only 3 classes",
    ),
    (
        "backward-bce-t",
        lambda: _net("sigmoid", "bce").loss([1.0, 2.0], [0.0, 2.0, 1.0]),
        ValueError,
        "t must hold probabilities",
    ),
    (
        "step-lr",
        lambda: _net().step(_net().backward([1.0, 2.0], 0), lr=-0.1),
        ValueError,
        "lr must be a positive number",
    ),
    (
        "step-missing",
        lambda: _net().step({"W1": np.zeros((2, 3))}, lr=0.1),
        ValueError,
        "grads is missing 'b1'",
    ),
    (
        "step-shape",
        lambda: _net().step({"W1": np.zeros((3, 2)), "b1": 0, "W2": 0, "b2": 0}, 0.1),
        ValueError,
        r"grads\['W1'\] has shape",
    ),
    (
        "accuracy-len",
        lambda: _net().accuracy([[1.0, 2.0], [3.0, 4.0]], [0, 1, 2]),
        ValueError,
        "labels has 3 entries but x has 2 rows",
    ),
    (
        "train-batch",
        lambda: network.train(_net(), np.zeros((4, 2)), [0, 1, 2, 0], lr=0.1, batch_size=0, epochs=1),
        ValueError,
        "batch_size must be a positive integer",
    ),
    (
        "train-epochs",
        lambda: network.train(_net(), np.zeros((4, 2)), [0, 1, 2, 0], lr=0.1, batch_size=2, epochs=1.5),
        TypeError,
        "epochs must be a positive integer",
    ),
    (
        "train-val-pair",
        lambda: network.train(
            _net(),
            np.zeros((4, 2)),
            [0, 1, 2, 0],
            lr=0.1,
            batch_size=2,
            epochs=1,
            X_val=np.zeros((2, 2)),
        ),
        ValueError,
        "X_val and y_val must be given together",
    ),
    (
        "train-net",
        lambda: network.train("net", np.zeros((4, 2)), [0, 1, 2, 0], lr=0.1, batch_size=2, epochs=1),
        TypeError,
        "net must be a LayerNet or TwoLayerNet",
    ),
    (
        "train-X-1d",
        lambda: network.train(_net(), np.zeros(2), [0], lr=0.1, batch_size=2, epochs=1),
        ValueError,
        r"X must be a batch of shape \(N, D\)",
    ),
    ("sigmoid-str", lambda: network.sigmoid("1"), TypeError, "u must be numbers"),
    ("toy-n", lambda: data.toy_regression(0), ValueError, "n must be a positive integer"),
    ("toy-noise", lambda: data.toy_regression(noise=-1.0), ValueError, "noise must be >= 0"),
    (
        "imbalanced-frac",
        lambda: data.imbalanced_classification(minority_fraction=0.7),
        ValueError,
        "minority_fraction",
    ),
    ("digits-test-size", lambda: data.load_digits_split(test_size=1.5), ValueError, "test_size"),
]


def _explorers():
    from helpers.explorers import ch02, ch03, ch05, ch06, ch09

    return ch02, ch03, ch05, ch06, ch09


#: Explorers check their parameters before building anything (issue 12, item 15): each chapter's tests list its
#: explorers' bad inputs (``BAD_EXPLORER_INPUT`` in ``tests/test_chNN.py``; see chapter_rows.py).
BAD_EXPLORERS = chapter_rows.bad_explorer_inputs()


@pytest.mark.parametrize(("call", "exc", "pattern"), [b[1:] for b in BAD_EXPLORERS], ids=[b[0] for b in BAD_EXPLORERS])
def test_explorer_bad_input_raises_naming_the_argument(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_explorers_accept_whole_number_steps_and_good_input():
    ch02, ch03, ch05, _, ch09 = _explorers()
    assert ch05.descend_1d(0.1, 2.0).shape == (3,)
    assert ch05.descent_explorer(steps=3).values["steps"] == 3
    assert ch09.confusion_matrix([0, 1], [1, 1], n_classes=2).tolist() == [[0, 1], [0, 1]]
    assert ch03.bars_explorer(Y, correct=9).correct == 9
    assert ch02.probability_explorer(Y, T, index=0).values["p"] == 0.1


@pytest.mark.parametrize(("call", "exc", "pattern"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_raises_naming_the_argument(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_at_least_forty_distinct_bad_inputs():
    assert len({b[0] for b in BAD}) == len(BAD) >= 40


# --- valid inputs that look suspicious are accepted ---------------------------------


def test_seed_004_vectors_that_do_not_sum_to_one_are_accepted():
    y = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
    assert sum(y) == pytest.approx(1.13)
    assert losses.cross_entropy(y, T) == 1.6094374124342252


def test_whole_number_float_labels_and_tuples_are_accepted():
    assert losses.cross_entropy(Y, 2.0) == losses.cross_entropy(tuple(Y), 2)


# --- nothing is modified ----------------------------------------------------------


def _calls(y, t, labels, logits):
    yield lambda: losses.mean_squared_error(y, t)
    yield lambda: losses.mean_squared_error_grad(y, t)
    yield lambda: losses.huber_loss_grad(y, t)
    yield lambda: losses.cross_entropy(y, t)
    yield lambda: losses.cross_entropy(y, labels)
    yield lambda: losses.cross_entropy_grad(y, labels)
    yield lambda: losses.binary_cross_entropy_grad(y, t)
    yield lambda: losses.softmax(logits)
    yield lambda: losses.log_softmax(logits)
    yield lambda: losses.logsumexp(logits)
    yield lambda: losses.cross_entropy_from_logits_grad(logits, labels)
    yield lambda: losses.weighted_cross_entropy(y, labels, np.ones(3))
    yield lambda: losses.smooth_labels(t, 0.2)
    yield lambda: steps.cross_entropy_steps(y, t)
    yield lambda: steps.squared_error_steps(y, t)


def test_no_function_modifies_its_inputs():
    y = np.array([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]])
    t = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    labels = np.array([2, 0])
    logits = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, 800.0]])
    saved = [a.copy() for a in (y, t, labels, logits)]
    for call in _calls(y, t, labels, logits):
        result = call()
        if isinstance(result, np.ndarray):
            result[...] = -7  # mutating a result must not reach an input either
    for before, after in zip(saved, (y, t, labels, logits), strict=True):
        np.testing.assert_array_equal(before, after)


def test_network_does_not_modify_inputs_or_caller_weights():
    W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
    W1_saved = W1.copy()
    net = TwoLayerNet(W1, 0.1, [0.5, 0.6], 0.2)
    x = np.array([1.0, 0.5])
    net.step(net.backward(x, 1.0), lr=0.1)
    np.testing.assert_array_equal(W1, W1_saved)  # the net trains its own copy
    np.testing.assert_array_equal(x, [1.0, 0.5])


# --- extreme but valid inputs: finite, correct, no RuntimeWarning -------------------


@pytest.mark.parametrize("big", [1e4, -1e4])
def test_huge_logits(big):
    z = np.array([[big, 0.0, -big], [0.0, 0.0, 0.0]])
    p = losses.softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    lp = losses.log_softmax(z)
    assert np.all(np.isfinite(lp))
    assert lp[0, 1] == pytest.approx(-abs(big))
    ce = losses.cross_entropy_from_logits(z, [1, 0])
    assert ce == pytest.approx((abs(big) + np.log(3)) / 2)
    assert np.all(np.isfinite(losses.cross_entropy_from_logits_grad(z, [1, 0])))
    assert losses.logsumexp(z)[0] == pytest.approx(abs(big))


def test_sigmoid_and_network_with_huge_inputs():
    assert np.all(np.isfinite(network.sigmoid([1e4, -1e4])))
    net = TwoLayerNet.create(2, 3, 1, output="sigmoid", loss="bce", seed=0, scale=1e3)
    b = net.backward([[1e4, -1e4]], [[1.0]])
    assert np.isfinite(b.loss) and np.all(np.isfinite(b.dW1))


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_probabilities_exactly_zero_or_one(p):
    y = [p, 1.0 - p]
    assert np.isfinite(losses.cross_entropy(y, [1, 0]))
    assert np.all(np.isfinite(losses.cross_entropy_grad(y, [1, 0])))
    assert np.isfinite(losses.binary_cross_entropy([p], [1.0]))
    assert np.isfinite(losses.binary_cross_entropy([p], [0.0]))
    assert losses.binary_cross_entropy([p], [p], delta=0) == 0.0  # perfect, no 0·log 0
    assert np.all(np.isfinite(losses.binary_cross_entropy_grad([p], [1.0])))
    assert losses.entropy(y) == 0.0


def test_float32_inputs():
    z32 = np.array([[100.0, 0.0, -100.0]], dtype=np.float32)
    p = losses.softmax(z32)
    assert p.dtype == np.float32 and np.all(np.isfinite(p))
    assert losses.log_softmax(z32).dtype == np.float32
    y32 = np.array(Y, dtype=np.float32)
    value = losses.cross_entropy(y32, T)
    assert isinstance(value, float)
    assert value == pytest.approx(0.510825457099338, rel=1e-6)  # y32 rounds 0.6 slightly


def test_the_explorer_layer_names_the_bad_argument():
    """An author's mistake with Explorer(controls, *, readout, draw, figure): readout and draw are functions,
    and draw comes with a figure (the old positional update(**values) -> str is gone)."""
    from helpers.live import Explorer, live_figure, slider

    def control():
        return slider("x", min=0, max=1, step=0.1, value=0.5, name="x")

    bad = [
        (lambda: Explorer({"x": control()}, readout=0.5), TypeError, r"readout must be callable.*got float"),
        (lambda: Explorer({"x": control()}, readout=str, draw="dot"), TypeError, r"draw must be callable.*got str"),
        (lambda: Explorer({"x": control()}, readout=str, figure=live_figure()), ValueError, "got figure, no draw"),
        (lambda: Explorer({"x": control()}, readout=lambda x: None), TypeError, "readout must return the text"),
        (lambda: Explorer({"x": control()}, lambda x: "x"), TypeError, "positional"),
    ]
    for call, exc, pattern in bad:
        with pytest.raises(exc, match=pattern):
            call()
