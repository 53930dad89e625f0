"""Properties every loss must have, checked on generated inputs (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import losses as L

SETTINGS = settings(max_examples=50, deadline=None)
finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
unit = st.floats(0.0, 1.0, allow_nan=False)
shapes = st.tuples(st.integers(1, 6), st.integers(2, 5))


@st.composite
def regression_pair(draw):
    shape = draw(shapes)
    return draw(arrays(np.float64, shape, elements=finite)), draw(arrays(np.float64, shape, elements=finite))


@st.composite
def probs_and_labels(draw):
    n, k = draw(shapes)
    y = draw(arrays(np.float64, (n, k), elements=unit))
    labels = draw(arrays(np.int64, (n,), elements=st.integers(0, k - 1)))
    return y, labels


REGRESSION = [L.sum_squared_error, L.half_sum_squared_error, L.mean_squared_error,
              L.mean_absolute_error, L.huber_loss]  # fmt: skip


@SETTINGS
@given(regression_pair(), st.sampled_from(REGRESSION))
def test_regression_losses_non_negative_and_zero_when_perfect(pair, loss):
    y, t = pair
    assert loss(y, t) >= 0.0
    assert loss(t, t) == 0.0


@SETTINGS
@given(regression_pair(), st.sampled_from(REGRESSION), st.randoms(use_true_random=False))
def test_invariant_to_sample_order(pair, loss, rnd):
    y, t = pair
    order = list(range(y.shape[0]))
    rnd.shuffle(order)
    assert math.isclose(loss(y[order], t[order]), loss(y, t), rel_tol=1e-12, abs_tol=1e-12)


@SETTINGS
@given(probs_and_labels(), st.sampled_from([0.0, 1e-7, 1e-15]))
def test_cross_entropy_bounded_below_by_delta_effect(data, delta):
    # Each sample's loss is −log(y_c + delta) ≥ −log(1 + delta): with delta > 0 a
    # perfect prediction (y_c = 1) scores −log(1 + delta) ≈ −delta, a hair below 0.
    y, labels = data
    floor = -math.log(1.0 + delta)  # as the loss computes it: log(y + delta) with y = 1
    if delta == 0 and np.any(y[np.arange(len(labels)), labels] == 0):
        return  # −log 0 = inf: valid, but nothing to bound
    assert L.cross_entropy(y, labels, delta=delta) >= floor - 1e-15
    perfect = np.eye(y.shape[1])[labels]
    assert math.isclose(L.cross_entropy(perfect, labels, delta=delta), floor, rel_tol=1e-12)


@SETTINGS
@given(probs_and_labels(), st.randoms(use_true_random=False))
def test_cross_entropy_invariant_to_sample_order(data, rnd):
    y, labels = data
    order = list(range(len(labels)))
    rnd.shuffle(order)
    a = L.cross_entropy(y[order], labels[order])
    assert math.isclose(a, L.cross_entropy(y, labels), rel_tol=1e-12)


@SETTINGS
@given(st.integers(1, 6).flatmap(lambda n: arrays(np.float64, (n,), elements=unit)))
def test_binary_cross_entropy_non_negative_and_zero_at_hard_labels(p):
    y = (p > 0.5).astype(float)
    # same delta effect as CE: the floor is −log(1 + delta), exactly 0 with delta = 0
    assert L.binary_cross_entropy(p, y) >= -math.log1p(1e-7) - 1e-15
    assert L.binary_cross_entropy(p, y, delta=0) >= 0.0
    assert L.binary_cross_entropy(y, y, delta=0) == 0.0


@SETTINGS
@given(st.integers(1, 5).flatmap(lambda n: arrays(np.float64, (n, 4), elements=finite)))
def test_softmax_is_a_distribution(z):
    p = L.softmax(z)
    assert np.all(p >= 0) and np.all(p <= 1)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.exp(L.log_softmax(z)), p, rtol=1e-9, atol=1e-300)


@SETTINGS
@given(st.integers(1, 5).flatmap(
    lambda n: st.tuples(arrays(np.float64, (n, 4), elements=st.floats(-30, 30)),
                        arrays(np.int64, (n,), elements=st.integers(0, 3)))))  # fmt: skip
def test_cross_entropy_from_logits_equals_cross_entropy_of_softmax(data):
    z, labels = data
    # |z| ≤ 30 keeps every softmax entry above e^-120, so the delta-free CE is finite.
    direct = L.cross_entropy(L.softmax(z), labels, delta=0)
    assert math.isclose(L.cross_entropy_from_logits(z, labels), direct, rel_tol=1e-9, abs_tol=1e-12)


@SETTINGS
@given(st.integers(2, 6).flatmap(lambda k: st.tuples(
    arrays(np.float64, (k,), elements=st.floats(0.01, 1)),
    arrays(np.float64, (k,), elements=st.floats(0.01, 1)))))  # fmt: skip
def test_gibbs_inequality_and_decomposition(pq):
    p, q = (a / a.sum() for a in pq)
    kl = L.kl_divergence(p, q)
    assert kl >= -1e-15
    assert math.isclose(L.cross_entropy_dist(p, q), L.entropy(p) + kl, rel_tol=1e-12, abs_tol=1e-12)
    assert L.kl_divergence(p, p) == 0.0


@SETTINGS
@given(probs_and_labels(), st.floats(0.0, 1.0))
def test_smoothed_labels_still_sum_to_one(data, alpha):
    _, labels = data
    s = L.smooth_labels(labels, alpha, n_classes=7)
    np.testing.assert_allclose(s.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(s >= alpha / 7 - 1e-15)
