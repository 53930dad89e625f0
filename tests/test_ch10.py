"""Chapter 10: every number the chapter prints (the three training runs, the weight-decay penalty,
dropout) and its exercises."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.data import load_digits_small
from helpers.layers import Dropout
from helpers.network import LayerNet, l2_penalty, train
from helpers.numdiff import numerical_gradient

SETTINGS = dict(lr=0.3, batch_size=10, epochs=150, seed=0)
SIZES = (64, 100, 100, 10)


@pytest.fixture(scope="module")
def data():
    return load_digits_small(per_class=5, n_val=300)


@pytest.fixture(scope="module")
def runs(data):
    X_small, y_small, X_val, y_val, _, _ = data
    out = {}
    for name, decay, patience in (("plain", 0.0, None), ("decay", 0.003, None), ("stop", 0.0, 10)):
        net = LayerNet.create(SIZES, hidden="relu", seed=0, weight_decay=decay)
        out[name] = (net, train(net, X_small, y_small, X_val=X_val, y_val=y_val, **SETTINGS, patience=patience))
    return out


def _sum_sq(net):
    return f"{sum(np.sum(a.W**2) for a in net.affine_layers):.0f}"


def test_the_small_data_set(data):
    X_small, y_small, X_val, _, X_test, _ = data
    assert (X_small.shape, X_val.shape, X_test.shape) == ((50, 64), (300, 64), (450, 64))
    assert np.bincount(y_small).tolist() == [5] * 10


def test_small_data_set_rejects_impossible_requests():
    with pytest.raises(ValueError, match="ask for more than"):
        load_digits_small(per_class=500)
    with pytest.raises(TypeError, match="per_class must be a positive integer"):
        load_digits_small(per_class=2.5)


def test_overfitting_run(runs):
    net, hist = runs["plain"]
    assert repr(net) == "LayerNet(Affine → ReLU → Affine → ReLU → Affine → SoftmaxWithLoss, weight_decay=0)"
    printed = [f"{hist.train_loss[e - 1]:.3f} {hist.val_loss[e - 1]:.3f}" for e in (1, 10, 20, 50, 100, 150)]
    assert printed == [
        "2.012 2.118",
        "0.260 0.873",
        "0.019 0.715",
        "0.004 0.776",
        "0.001 0.815",
        "0.001 0.839",
    ]
    assert int(np.argmin(hist.val_loss)) + 1 == 20 == hist.best_epoch
    assert f"{hist.train_accuracy[-1]:.1%} {hist.val_accuracy[-1]:.1%}" == "100.0% 81.3%"
    # the text's claims: training loss keeps falling towards 0, validation loss rises after its minimum
    assert hist.train_loss[-1] < 0.001 < hist.train_loss[49]
    assert hist.val_loss[-1] > hist.val_loss[49] > hist.val_loss[19]


def test_weights_grow_without_decay_and_stay_small_with_it(runs):
    start = LayerNet.create(SIZES, hidden="relu", seed=0)
    assert (_sum_sq(start), _sum_sq(runs["plain"][0]), _sum_sq(runs["decay"][0])) == ("209", "301", "127")


def test_penalty_and_its_gradient():
    lam, W = 0.1, np.array([[1.0, -2.0], [0.5, 3.0]])
    assert lam / 2 * np.sum(W**2) == 0.7125 == l2_penalty([W], lam)
    numeric = numerical_gradient(lambda w: lam / 2 * np.sum(w**2), W)
    assert numeric.round(8).tolist() == [[0.1, -0.2], [0.05, 0.3]] == (lam * W).round(8).tolist()


def test_weight_decay_run(runs):
    plain, decay = runs["plain"][1], runs["decay"][1]
    printed = [f"{plain.val_loss[e - 1]:.3f} {decay.val_loss[e - 1]:.3f}" for e in (20, 50, 100, 150)]
    assert printed == ["0.715 0.674", "0.776 0.656", "0.815 0.612", "0.839 0.590"]
    assert f"{plain.val_accuracy[-1]:.1%} {decay.val_accuracy[-1]:.1%}" == "81.3% 83.0%"
    assert f"{plain.train_loss[-1]:.3f} {decay.train_loss[-1]:.3f}" == "0.001 0.014"  # the penalty keeps it off 0
    assert decay.val_loss[-1] < decay.val_loss[99] < decay.val_loss[49] < decay.val_loss[19]  # keeps falling


def test_early_stopping_run(runs):
    net, hist = runs["stop"]
    assert (hist.stopped_epoch, hist.best_epoch, f"{min(hist.val_loss):.3f}") == (30, 20, "0.715")
    assert hist.val_loss == runs["plain"][1].val_loss[:30]  # the same run, stopped


def test_test_accuracies(runs, data):
    X_test, y_test = data[4], data[5]
    printed = [f"{runs[k][0].accuracy(X_test, y_test):.1%}" for k in ("plain", "decay", "stop")]
    assert printed == ["78.9%", "82.4%", "79.1%"]


def test_dropout_section():
    net = LayerNet.create(SIZES, hidden="relu", seed=0, dropout=0.5)
    assert repr(net) == (
        "LayerNet(Affine → ReLU → Dropout → Affine → ReLU → Dropout → Affine → SoftmaxWithLoss, weight_decay=0)"
    )
    drop = Dropout(0.5, seed=0)
    np.testing.assert_array_equal(drop.forward(np.ones((1, 6)), train=True), [[2.0, 0.0, 0.0, 0.0, 2.0, 2.0]])
    np.testing.assert_array_equal(drop.forward(np.ones((1, 6)), train=False), np.ones((1, 6)))
    # the backward cell: after a new training pass, the gradient has the mask *and* the 1/(1 − ratio) scale
    np.testing.assert_array_equal(drop.forward(np.ones((1, 6)), train=True), [[2.0, 2.0, 2.0, 2.0, 2.0, 0.0]])
    np.testing.assert_array_equal(drop.backward(np.ones((1, 6))), [[2.0, 2.0, 2.0, 2.0, 2.0, 0.0]])
    np.testing.assert_array_equal(drop.backward(np.full((1, 6), 0.5)), [[1.0, 1.0, 1.0, 1.0, 1.0, 0.0]])


def test_chapter_cites_its_source_article_and_gets_references():
    """The source article is cited as [[src:001]] (so the build adds a References section), not in plain text."""
    import jupytext
    import nbformat

    path = Path(__file__).resolve().parent.parent / "chapters" / "10_regularization.py"
    lesson = [c for c in jupytext.read(path, fmt="py:percent").cells if "teacher" not in c.metadata]
    source = "\n".join(c.source for c in lesson)  # the teacher notes name the article for the teacher, in plain text
    assert "[[src:001]]" in source and "「交差エントロピー損失について」" not in source
    nb = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks" / "10_regularization.ipynb", as_version=4)
    assert any(c.cell_type == "markdown" and "## References" in c.source for c in nb.cells)


def test_exercises():
    assert evaluate("10.1", 0.09625).ok
    assert "biases" in evaluate("10.1", 0.10375).message  # decayed the biases too
    assert "forgot the ½" in evaluate("10.1", 0.1925).message
    assert "W2" in evaluate("10.1", 0.07125).message  # only W1
    assert "λ/2 = 0.005" in evaluate("10.1", 0.5).message  # anything else: the general hint
    right = evaluate("10.2", lambda W, dW, lr, lam: W - lr * (dW + lam * W))
    assert right.ok
    wrong = evaluate("10.2", lambda W, dW, lr, lam: W - lr * dW)  # no decay
    assert not wrong.ok and "λW" in wrong.message
    assert evaluate("10.3", "b").ok and evaluate("10.3", " B ").ok
    assert not evaluate("10.3", "a").ok
