"""Edges found by checking the helpers against an independent reference (issue 12, items 7–10).

Each test here failed before its fix: a gradient that was not the gradient of its own loss,
a nan where the label form has a plain 0, an int64 overflow before the range check, a cast
warning before the clear error, and a tolerance ten times looser than the docstring said.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from helpers import losses
from helpers._validate import as_float_array, as_labels, check_probabilities
from helpers.network import TwoLayerNet
from helpers.numdiff import numerical_gradient

# --- 7: a network's targets must lie in its loss's domain ----------------------------------


def _ce_net() -> TwoLayerNet:
    return TwoLayerNet.create(2, 3, 3, output="softmax", loss="cross_entropy", seed=0)


@pytest.mark.parametrize("method", ["loss", "backward"])
@pytest.mark.parametrize("t", [[1.0, 1.0, 0.0], [0.5, 0.2, 0.2], [[0.0, 0.0, 0.0]]])
def test_softmax_cross_entropy_refuses_targets_that_do_not_sum_to_one(method, t):
    net = _ce_net()
    x = [0.3, -0.2] if np.ndim(t) == 1 else [[0.3, -0.2]]
    with pytest.raises(ValueError, match="t must sum to 1"):
        getattr(net, method)(x, t)


def test_softmax_cross_entropy_refuses_bad_targets_in_training_too():
    from helpers.network import train

    net = _ce_net()
    X = np.zeros((4, 2))
    with pytest.raises(ValueError, match="T must sum to 1"):
        train(net, X, np.full((4, 3), 0.5), lr=0.1, batch_size=2, epochs=1)


def test_why_the_check_matters_y_minus_t_is_the_gradient_only_for_a_distribution():
    # with a soft target that sums to 1 the backward pass is the gradient of the loss …
    net = _ce_net()
    x, t = np.array([0.3, -0.2]), np.array([0.2, 0.5, 0.3])
    b = net.backward(x, t)

    def loss_of_b2(b2: np.ndarray) -> float:
        saved, net.b2 = net.b2, b2
        try:
            return net.loss(x, t)
        finally:
            net.b2 = saved

    np.testing.assert_allclose(b.db2, numerical_gradient(loss_of_b2, net.b2), atol=1e-9)
    # … and y − t is not the gradient of −Σ t log y when Σt = 2: the sum-to-1 check keeps that case out
    y = net.forward(x).y
    t2 = np.array([1.0, 1.0, 0.0])
    true_grad = y * t2.sum() - t2  # ∂/∂u of −Σ t log softmax(u)
    assert not np.allclose(y - t2, true_grad)


def test_other_pairs_keep_their_domains():
    bce = TwoLayerNet.create(2, 3, 1, output="sigmoid", loss="bce", seed=0)
    with pytest.raises(ValueError, match="t must hold probabilities"):
        bce.backward([0.3, -0.2], 1.5)
    # squared error has no domain: any real target is a valid target
    sse = TwoLayerNet.create(2, 3, 3, output="softmax", loss="half_sse", seed=0)
    assert np.isfinite(sse.loss([0.3, -0.2], [2.0, -1.0, 0.5]))


# --- 8: the label form of the CE gradient writes only the target entry ----------------------


def test_cross_entropy_grad_labels_with_delta_zero_has_no_nan():
    g = losses.cross_entropy_grad([0.0, 0.5, 0.5], 1, delta=0)
    np.testing.assert_array_equal(g, [0.0, -2.0, 0.0])
    assert not np.signbit(g[[0, 2]]).any()  # plain zeros, not −0
    batch = losses.cross_entropy_grad([[0.0, 0.5, 0.5], [0.25, 0.75, 0.0]], [1, 0], delta=0)
    np.testing.assert_array_equal(batch, [[0.0, -1.0, 0.0], [-2.0, 0.0, 0.0]])


def test_cross_entropy_grad_label_and_one_hot_forms_agree_where_both_are_defined():
    rng = np.random.default_rng(0)
    y = rng.dirichlet(np.ones(4), size=5)
    labels = rng.integers(0, 4, size=5)
    for d in (0.0, 1e-7):
        np.testing.assert_array_equal(
            losses.cross_entropy_grad(y, labels, delta=d), losses.cross_entropy_grad(y, np.eye(4)[labels], delta=d)
        )


# --- 9: labels beyond int64 are refused before any cast --------------------------------------


@pytest.mark.parametrize(
    ("labels", "shown"),
    [
        (1e20, "1e+20"),
        (1e19, "1e+19"),
        (np.uint64(2**63), "9223372036854775808"),
        (np.array([0, 2**64 - 1], dtype=np.uint64), "18446744073709551615"),
        ([0.0, 3e300], "3e+300"),
    ],
)
def test_huge_labels_raise_a_clear_value_error_without_warning(labels, shown):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=re.escape(f"y_true has label {shown} ")):
            losses.cross_entropy([[0.5, 0.5], [0.5, 0.5]] if np.ndim(labels) else [0.5, 0.5], labels)
        with pytest.raises(ValueError, match=re.escape(f"labels has label {shown} ")):
            as_labels(labels, "labels")  # no n_classes: still refused before the cast


def test_large_integer_labels_are_reported_exactly():
    # a uint64 label is compared as an integer, not rounded through float64
    with pytest.raises(ValueError, match="label 9007199254740993 at position 1"):
        as_labels(np.array([1, 2**53 + 1], dtype=np.uint64), "y_true", n_classes=3)
    np.testing.assert_array_equal(as_labels(np.array([2, 0], dtype=np.uint64), "y_true", n_classes=3), [2, 0])


# --- 10: no cast warning before the error; the tolerance the docstring states -----------------


@pytest.mark.skipif(np.finfo(np.longdouble).max <= np.finfo(np.float64).max, reason="no extended precision here")
def test_longdouble_beyond_float64_raises_without_warning():
    big = np.array([np.longdouble("1e400"), 0.0], dtype=np.longdouble)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"y_pred.*beyond float64"):
            as_float_array(big, "y_pred")
        with pytest.raises(ValueError, match=r"y_pred.*beyond float64"):
            losses.mean_squared_error(big, [0.0, 0.0])
    small = np.array([np.longdouble("1e-400")], dtype=np.longdouble)  # underflows to 0: fine, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert as_float_array(small, "y_pred")[0] == 0.0


def test_sum_to_one_tolerance_is_the_documented_atol():
    check_probabilities(np.array([0.5, 0.5 + 0.9e-6]), "p", must_sum_to_one=True)
    with pytest.raises(ValueError, match="p must sum to 1"):
        check_probabilities(np.array([0.5, 0.5 + 5e-6]), "p", must_sum_to_one=True)  # allclose's rtol let this in
    with pytest.raises(ValueError, match="p must sum to 1"):
        check_probabilities(np.array([0.5, 0.5 - 5e-6]), "p", must_sum_to_one=True)
    check_probabilities(np.array([0.5, 0.5 + 5e-6]), "p", must_sum_to_one=True, atol=1e-5)
    # float32 softmax rows still pass: their rounding is ~1e-7
    p32 = losses.softmax(np.array([[3.0, 1.0, 0.2, -4.0]], dtype=np.float32))
    check_probabilities(p32, "p", must_sum_to_one=True)
