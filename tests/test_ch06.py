"""Chapter 06: every number the chapter prints, its exercises, and the backward-pass explorer."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.explorers import ch06
from helpers.live import format_number
from helpers.network import TwoLayerNet, sigmoid, sigmoid_grad
from helpers.numdiff import gradient_check, numerical_gradient

matplotlib.use("agg")


@pytest.fixture
def net():
    return ch06.worked_example_net()


def test_forward_pass_by_hand_matches_helpers(net):
    u1 = ch06.X @ ch06.W1 + ch06.B1
    z1 = 1 / (1 + np.exp(-u1))
    y = z1 @ ch06.W2 + ch06.B2
    fw = net.forward(ch06.X)
    np.testing.assert_allclose(u1, [0.35, 0.5], rtol=1e-15)
    np.testing.assert_allclose(fw.z1, z1, rtol=1e-15)
    assert y == 0.8667843881797779
    assert 0.5 * (y - ch06.T) ** 2 == 0.008873199616318052
    assert net.loss(ch06.X, ch06.T) == 0.008873199616318052


def test_deltas_and_gradients(net):
    bw = net.backward(ch06.X, ch06.T)
    np.testing.assert_allclose(bw.delta2, [-0.13321561182022212], rtol=1e-12)
    np.testing.assert_allclose(bw.delta1, [-0.01615222, -0.0187837], rtol=1e-6)
    np.testing.assert_allclose(bw.dW2[:, 0], [-0.07814662, -0.0829213], rtol=1e-6)
    np.testing.assert_allclose(bw.dW1, [[-0.01615222, -0.0187837], [-0.00807611, -0.00939185]], rtol=1e-6)
    np.testing.assert_allclose(bw.db1, bw.delta1, rtol=0)
    # the hidden-delta formula of the chapter: σ'(u) · w · δ2
    fw = net.forward(ch06.X)
    np.testing.assert_allclose(bw.delta1, sigmoid_grad(fw.u1) * ch06.W2 * bw.delta2, rtol=1e-15)
    np.testing.assert_allclose(sigmoid_grad(fw.u1), [0.2424974, 0.23500371], rtol=1e-6)


@pytest.mark.parametrize("name", ["W1", "b1", "W2", "b2"])
def test_gradient_check_below_1e_7(net, name):
    bw = net.backward(ch06.X, ch06.T)

    def loss_of(p):
        return TwoLayerNet(**(net.params() | {name: p})).loss(ch06.X, ch06.T)

    assert gradient_check(bw.grads()[name], numerical_gradient(loss_of, getattr(net, name))) < 1e-7


def test_one_sgd_step(net):
    net.step(net.backward(ch06.X, ch06.T), lr=0.1)
    # 12 significant digits, as the chapter prints: the last digits of a matrix product depend on the BLAS kernel
    assert f"{net.loss(ch06.X, ch06.T):.12g}" == "0.00595108649006"
    np.testing.assert_allclose(net.b1, [0.1 + 0.1 * 0.01615222, 0.1 + 0.1 * 0.0187837], rtol=1e-8)
    assert net.b1[0] != net.b1[1]  # one bias per hidden unit: after the step they differ


def test_the_worked_example_has_one_bias_per_hidden_unit(net):
    assert ch06.B1.shape == (2,) and list(ch06.B1) == [0.1, 0.1]
    bw = net.backward(ch06.X, ch06.T)
    assert bw.db1.shape == (2,)  # a vector gradient: two parameters, not one shared bias


def test_matched_pairs_give_y_minus_t():
    u, t = np.array([2.0, -1.0, 0.5]), np.array([0.0, 0.0, 1.0])
    from helpers.losses import cross_entropy_from_logits, softmax

    num = numerical_gradient(lambda v: cross_entropy_from_logits(v, t), u)
    np.testing.assert_allclose(num, softmax(u) - t, atol=1e-8)
    np.testing.assert_allclose(num, [0.78559703, 0.03911257, -0.82470961], atol=1e-8)


def test_saturated_output_gradients():
    y = float(sigmoid(-5.0))
    assert round(y - 1, 4) == -0.9933
    assert round((y - 1) * y * (1 - y), 4) == -0.0066
    # squared error is > 100 times slower here
    assert abs(y - 1) / abs((y - 1) * y * (1 - y)) > 100


@pytest.fixture
def explorer():
    return ch06.backward_explorer()


def test_explorer_start_shows_forward_pass(explorer):
    assert explorer.readout_text.startswith("Step 0 / 6 — forward pass")
    assert format_number(0.008873199616318052) in explorer.readout_text
    assert all(t.get_text() == "" for t in explorer.delta_texts.values())
    assert explorer.node_texts["h1"].get_text() == "u = 0.35\nz = 0.5866"
    assert all(p.get_facecolor() == matplotlib.colors.to_rgba(ch06.NODE_IDLE) for p in explorer.node_patches.values())


def test_explorer_output_delta_step(explorer, net):
    explorer.set(step=1)
    d2 = net.backward(ch06.X, ch06.T).delta2[0]
    assert "δ2 = ∂E/∂u2" in explorer.readout_text
    assert format_number(d2) in explorer.readout_text
    assert explorer.delta_texts["y"].get_text() == "δ = -0.1332"
    assert explorer.delta_texts["h1"].get_text() == ""
    assert explorer.node_patches["y"].get_facecolor() == matplotlib.colors.to_rgba(ch06.NODE_CURRENT)


def test_explorer_hidden_steps(explorer, net):
    bw = net.backward(ch06.X, ch06.T)
    for step, node, j in ((3, "h1", 0), (4, "h2", 1)):
        explorer.set(step=step)
        assert f"= {format_number(bw.delta1[j])}" in explorer.readout_text
        assert explorer.node_patches[node].get_facecolor() == matplotlib.colors.to_rgba(ch06.NODE_CURRENT)
        assert explorer.delta_texts[node].get_text() == f"δ = {format_number(bw.delta1[j], 4)}"
        assert explorer.node_patches["y"].get_facecolor() == matplotlib.colors.to_rgba(ch06.NODE_DONE)
        assert matplotlib.colors.to_hex(explorer.edge_lines[4 + j].get_color()) == ch06.EDGE_CURRENT.lower()


def test_explorer_gradients_and_update(explorer):
    explorer.set(step=5)
    assert "∂E/∂w=-0.008076" in explorer.edge_texts[2].get_text()  # x2 -> h1
    explorer.set(step=6)
    assert format_number(0.005951086490063359) in explorer.readout_text
    assert explorer.loss_text.get_text() == "E = 0.008873\n→ 0.005951"
    explorer.set(step=0)
    assert explorer.edge_texts[2].get_text() == "w=0.3"


def test_explorer_buttons_move_the_step(explorer):
    explorer.buttons["next"].click()
    explorer.buttons["next"].click()
    assert explorer.values["step"] == 2 and explorer.readout_text.startswith("Step 2 / 6")
    explorer.buttons["prev"].click()
    assert explorer.values["step"] == 1
    explorer.buttons["prev"].click()
    explorer.buttons["prev"].click()  # stops at 0
    assert explorer.values["step"] == 0


def test_explorer_rejects_a_bigger_network():
    with pytest.raises(ValueError, match="2-2-1"):
        ch06.backward_explorer(TwoLayerNet.create(3, 2, 1, output="identity", loss="half_sse"))


@pytest.mark.parametrize(
    ("key", "answer"),
    [
        ("06.1", 0.8667843881797779 - 0.5),
        ("06.2", 0.029376560939079505),
        ("06.4", None),
    ],
)
def test_exercises_accept_right_answers(key, answer):
    if answer is None:
        net = ch06.worked_example_net()
        for _ in range(2):
            net.step(net.backward(ch06.X, 1.0), 0.1)
        answer = net.loss(ch06.X, 1.0)
    assert evaluate(key, answer).ok
    assert not evaluate(key, answer * 1.01).ok


def test_exercise_06_3_function():
    def good(u, t):
        y = np.tanh(u)
        return (y - t) * (1 - y**2)

    assert evaluate("06.3", good).ok
    assert "1 − tanh²" in evaluate("06.3", lambda u, t: np.tanh(u) - t).message  # the missing-derivative slip
    assert "sigmoid" in evaluate("06.3", lambda u, t: (np.tanh(u) - t) * np.tanh(u) * (1 - np.tanh(u))).message


def test_exercise_06_2_uses_the_new_input():
    net = ch06.worked_example_net()
    assert float(net.backward([2.0, -1.0], 1.0).dW1[1, 0]) == pytest.approx(0.029376560939079505, rel=1e-12)
    old_delta = net.backward(ch06.X, 1.0).delta1[0]
    assert "old input" in evaluate("06.2", -1.0 * float(old_delta)).message


def test_exercise_06_4_from_a_fresh_network():
    net = ch06.worked_example_net()
    net.step(net.backward(ch06.X, 1.0), 0.1)  # the chapter's `net` after section 9
    for _ in range(2):
        net.step(net.backward(ch06.X, 1.0), 0.1)
    assert "fresh network" in evaluate("06.4", net.loss(ch06.X, 1.0)).message


def test_highlighted_edges_show_through_their_labels(explorer):
    """A label's white backing must not hide the highlighted edge it sits on (issue: label covered the edge)."""
    explorer.set(step=3)  # h1's step: the edge h1 → y is highlighted
    ax = explorer.figure.axes[0]
    labels = [t for t in ax.texts if t.get_text().startswith("w=")]
    highlighted = [lbl for lbl, line in zip(labels, ax.lines, strict=True) if line.get_linewidth() == 3.0]
    idle = [lbl for lbl, line in zip(labels, ax.lines, strict=True) if line.get_linewidth() != 3.0]
    assert highlighted and idle
    assert all(lbl.get_bbox_patch().get_alpha() <= 0.5 for lbl in highlighted)
    assert all(lbl.get_bbox_patch().get_alpha() >= 0.9 for lbl in idle)


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"06 backprop": lambda: ch06.backward_explorer()}

BAD_EXPLORER_INPUT = [
    (
        "backward-net-str",
        lambda: ch06.backward_explorer(net="x"),
        TypeError,
        "net must be a TwoLayerNet.*str",
    ),
]
