"""Chapter 09: the training numbers it prints, CE vs MSE, the confusion matrix, its widgets and exercises."""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.data import load_digits_split
from helpers.explorers import ch09
from helpers.live import format_number
from helpers.network import TwoLayerNet, train

matplotlib.use("agg")
SETTINGS = dict(lr=2.0, batch_size=32, epochs=20, seed=0)


@pytest.fixture(scope="module")
def data():
    return load_digits_split()


@pytest.fixture(scope="module")
def runs(data):
    X_tr, X_te, y_tr, y_te = data
    ce = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
    h_ce = train(ce, X_tr, y_tr, X_val=X_te, y_val=y_te, **SETTINGS)
    se = TwoLayerNet.create(64, 100, 10, output="softmax", loss="half_sse", seed=0)
    h_se = train(se, X_tr, np.eye(10)[y_tr], X_val=X_te, y_val=y_te, **SETTINGS)
    return ce, h_ce, se, h_se


def test_printed_training_numbers(data, runs):
    X_tr, X_te, y_tr, y_te = data
    ce, h_ce, _, _ = runs
    assert X_tr.shape == (1347, 64) and X_te.shape == (450, 64)
    assert len(X_tr) // 32 == 42 and len(h_ce.losses) == 840
    acc = ce.accuracy(X_te, y_te)
    assert acc >= 0.97
    assert f"{acc:.2%}" == "97.56%"
    assert f"{h_ce.train_accuracy[-1]:.2%}" == "99.70%"
    assert f"{h_ce.epoch_losses[0]:.4f}" == "2.2354" and f"{h_ce.epoch_losses[-1]:.4f}" == "0.0351"


def test_cross_entropy_beats_squared_error(data, runs):
    _, X_te, _, y_te = data
    ce, h_ce, se, h_se = runs
    assert ce.accuracy(X_te, y_te) > se.accuracy(X_te, y_te)
    assert f"{se.accuracy(X_te, y_te):.2%}" == "96.44%"
    for epoch in (1, 2, 3, 5, 10, 20):  # the table the chapter prints: CE ahead at every row
        assert h_ce.val_accuracy[epoch - 1] > h_se.val_accuracy[epoch - 1]
    assert f"{h_se.val_accuracy[0]:.2%}" == "35.56%" and f"{h_ce.val_accuracy[0]:.2%}" == "67.78%"


def test_squared_error_loss_falls_more_slowly_at_first(runs):
    """The loss plot's sentence: on a log scale the CE run drops by a factor of 3 in its second epoch, the
    squared-error run by 10 % (0.448 → 0.402), and needs 4 epochs to halve (0.448 → 0.212)."""
    _, h_ce, _, h_se = runs
    assert h_ce.epoch_losses[1] / h_ce.epoch_losses[0] < 0.35
    assert h_se.epoch_losses[1] / h_se.epoch_losses[0] > 0.85
    assert [round(h_se.epoch_losses[i], 3) for i in (0, 1, 3)] == [0.448, 0.402, 0.212]
    assert np.all(np.diff(h_se.epoch_losses[:5]) < 0)  # falling, not flat


def test_confusion_matrix(data, runs):
    _, X_te, _, y_te = data
    ce = runs[0]
    cm = ch09.confusion_matrix(y_te, ce.predict(X_te))
    assert cm.sum() == 450 and np.trace(cm) == 439
    assert cm[8, 1] == 2 and cm[4, 8] == 2
    assert np.trace(cm) / cm.sum() == ce.accuracy(X_te, y_te)
    np.testing.assert_array_equal(ch09.confusion_matrix([0, 1, 1], [0, 1, 0], 2), [[1, 0], [1, 1]])
    with pytest.raises(ValueError, match="same length"):
        ch09.confusion_matrix([0, 1], [0])


def test_training_monitor_updates_in_place(data):
    X_tr, _, y_tr, _ = data
    monitor = ch09.TrainingMonitor(4, 42, redraw_every=2)
    net = TwoLayerNet.create(64, 100, 10, seed=0)
    hist = train(net, X_tr, y_tr, lr=2.0, batch_size=32, epochs=4, seed=0, callback=monitor.callback)
    assert monitor.bar.value == 4 and monitor.status.value.startswith("epoch 4 / 4")
    assert len(monitor.line.get_xdata()) == 168 and monitor.losses == hist.losses
    text = monitor.finish(hist, 0.9756)
    assert "done" in text and "97.56 %" in text and monitor.bar.bar_style == "success"


def test_mistakes_explorer(data, runs):
    _, X_te, _, y_te = data
    ce = runs[0]
    ex = ch09.mistakes_explorer(ce, X_te, y_te)
    assert ex.mistakes.size == 11 and ex.mistakes[0] == 38
    assert ex.readout_text.startswith("mistake 1 of 11 (test sample 38): true digit 4")
    p = ce.forward(X_te[38]).y
    assert format_number(p[8]) in ex.readout_text
    assert ex.bars[8].get_height() == pytest.approx(p[8], rel=1e-12)
    assert matplotlib.colors.to_hex(ex.bars[8].get_facecolor()) == ch09.COLORS["loss"].lower()
    assert matplotlib.colors.to_hex(ex.bars[4].get_facecolor()) == ch09.COLORS["target"].lower()
    assert ex.controls["number"].value == 1  # the slider reads as the readout counts: mistake 1 of 11
    ex.set(number=2)
    assert "(test sample 46)" in ex.readout_text and "predicted digit 3" in ex.readout_text
    np.testing.assert_array_equal(ex.image.get_array(), X_te[46].reshape(8, 8))


def test_mistakes_explorer_needs_a_mistake(data, runs):
    _, X_te, _, y_te = data
    ce = runs[0]
    right = ce.predict(X_te) == y_te
    with pytest.raises(ValueError, match="no mistakes"):
        ch09.mistakes_explorer(ce, X_te[right], y_te[right])


def test_exercises(runs, data):
    _, X_te, _, y_te = data
    cm = ch09.confusion_matrix(y_te, runs[0].predict(X_te))
    assert evaluate("09.1", 21).ok and not evaluate("09.1", 42).ok
    assert evaluate("09.2", np.trace(cm) / cm.sum()).ok and not evaluate("09.2", 0.97).ok
    assert evaluate("09.3", cm[8, 8] / cm[8].sum()).ok and not evaluate("09.3", 11).ok
    assert "precision" in evaluate("09.3", cm[8, 8] / cm[:, 8].sum()).message


def test_rerunning_the_training_cell_starts_from_fresh_weights():
    """The cell that trains also builds the network, so running it twice does not train the trained network."""
    from pathlib import Path

    import nbformat

    nb = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks" / "09_training.ipynb", as_version=4)
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and "history = helpers.train(net" in c.source]
    create = cell.source.find('net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)')
    assert 0 <= create < cell.source.find("helpers.train(net")


def test_the_loop_written_out_gives_helpers_train_bit_for_bit(data, runs):
    """Section 4: the readable loop (net.gradient, net.step) trains the very network helpers.train trains."""
    X_tr, X_te, y_tr, y_te = data
    ce = runs[0]
    net_loop = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
    rng = np.random.default_rng(0)
    for _ in range(20):
        order = rng.permutation(len(X_tr))
        for begin in range(0, len(X_tr) - 32 + 1, 32):
            batch = order[begin : begin + 32]
            net_loop.step(net_loop.gradient(X_tr[batch], y_tr[batch]), 2.0)
    assert f"{net_loop.accuracy(X_te, y_te):.2%}" == "97.56%"
    assert all(np.array_equal(net_loop.params()[k], ce.params()[k]) for k in ce.params())
    # and it can fail: one step fewer is a different network
    net_loop.step(net_loop.gradient(X_tr[:32], y_tr[:32]), 2.0)
    assert not all(np.array_equal(net_loop.params()[k], ce.params()[k]) for k in ce.params())


def _learner_step(mistake: str | None = None):
    """A train_step as a learner writes it, right or with one typical mistake (written independently of the bank)."""

    def sig(a):
        return 1 / (1 + np.exp(-a))

    def train_step(params, X, T, lr):
        p = params if mistake == "in place" else dict(params)
        h = X @ p["W1"] + p["b1"]
        z = sig(h)
        s = z @ p["W2"] + p["b2"]
        e = np.exp(s - s.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
        g_out = y - T if mistake == "no /B" else (y - T) / X.shape[0]
        g_W2 = (g_out.T @ z) if mistake in ("transpose", "transpose W2") else (z.T @ g_out)
        g_b2 = np.sum(g_out, axis=0)
        if mistake == "early update":
            p["W2"] = p["W2"] - lr * g_W2
        g_h = g_out @ p["W2"].T * (z * (1 - z))
        g_W1 = (g_h.T @ X) if mistake in ("transpose", "transpose W1") else (X.T @ g_h)
        g_b1 = np.sum(g_h, axis=0)
        if mistake == "in place":
            p["W1"] -= lr * g_W1
            p["b1"] -= lr * g_b1
            p["W2"] -= lr * g_W2
            p["b2"] -= lr * g_b2
            return p
        new = {"W1": p["W1"] - lr * g_W1, "b1": p["b1"] - lr * g_b1, "b2": p["b2"] - lr * g_b2}
        new["W2"] = p["W2"] if mistake == "early update" else p["W2"] - lr * g_W2
        return new

    return train_step


@pytest.mark.parametrize(
    "mistake, words",
    [
        ("no /B", "B times too large"),
        ("transpose", "In both weight gradients"),
        ("transpose W2", "In dW2 the transpose"),
        ("transpose W1", "In dW1 the transpose"),
        ("early update", "*old* W2"),
        ("in place", "also changed the `params`"),
    ],
)
def test_training_step_exercise_names_each_typical_mistake(mistake, words):
    verdict = evaluate("09.4", _learner_step(mistake))
    assert not verdict.ok and words in verdict.message, verdict.message
    others = {
        "B times too large",
        "In both weight gradients",
        "In dW2 the transpose",
        "In dW1 the transpose",
        "*old* W2",
        "also changed the `params`",
    } - {words}
    assert not any(w in verdict.message for w in others)


def test_training_step_exercise_accepts_the_right_step_and_explains_other_errors():
    assert evaluate("09.4", _learner_step()).ok
    stub = evaluate("09.4", lambda params, X, T, lr: None)
    assert not stub.ok and "returned None" in stub.message
    transposed = evaluate("09.4", lambda params, X, T, lr: {k: np.asarray(v).T[..., :2] for k, v in params.items()})
    assert not transposed.ok and "of shape" in transposed.message
    assert "keys W1, b1, W2, b2" in evaluate("09.4", lambda params, X, T, lr: [1.0]).message
    wrong = evaluate("09.4", lambda params, X, T, lr: dict(params))  # no step at all: the general hint
    assert not wrong.ok and "Forward: U1 = X @ W1 + b1" in wrong.message
    assert "Z1.T @ dU2" not in wrong.message  # the general hint gives the order and shapes, not the whole solution


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
@functools.cache
def _digits():
    _, X_te, _, y_te = load_digits_split()
    return TwoLayerNet.create(64, 100, 10, seed=0), X_te, y_te


def _digits_explorer():
    return ch09.mistakes_explorer(*_digits())


def _digits_net() -> TwoLayerNet:
    return TwoLayerNet.create(64, 4, 10, output="softmax", loss="cross_entropy", seed=0)


EXPLORERS = {"09 mistakes": _digits_explorer}

BAD_EXPLORER_INPUT = [
    (
        "mistakes-label-10",
        lambda: ch09.mistakes_explorer(_digits_net(), np.zeros((2, 64)), [3, 10]),
        ValueError,
        "labels has label 10 at position 1",
    ),
    (
        "mistakes-x-shape",
        lambda: ch09.mistakes_explorer(_digits_net(), np.zeros((2, 8, 8)), [3, 1]),
        ValueError,
        r"X must hold 8x8 images as rows, shape \(N, 64\)",
    ),
    ("mistakes-net", lambda: ch09.mistakes_explorer("net", np.zeros((2, 64)), [3, 1]), TypeError, "net"),
    (
        "confusion-label-10",
        lambda: ch09.confusion_matrix([0, 10], [0, 1]),
        ValueError,
        "y_true has label 10",
    ),
    ("confusion-pred-neg", lambda: ch09.confusion_matrix([0, 1], [0, -1]), ValueError, "y_pred"),
    ("confusion-n-classes", lambda: ch09.confusion_matrix([0], [0], n_classes=0), ValueError, "n_classes"),
]
