"""Every loss against the seeds' printed digits, an independent implementation and its gradient."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn import metrics
from sklearn.utils.class_weight import compute_class_weight

from helpers import losses as L
from helpers.numdiff import gradient_check, numerical_gradient
from helpers.steps import cross_entropy_steps, squared_error_steps

# Seed 000 / the book: MNIST-like output and one-hot target at class 2.
Y_BOOK = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
T_BOOK = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
# Seed 004: two samples that do not sum to 1 (1.07), one with 0.99 at the right class.
Y_004_GOOD = [0.1, 0.01, 0.6, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]
Y_004_BAD = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
Y_004_CE = [0.1, 0.01, 0.99, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]


# --- the course's printed values, to the digit ----------------------------------


@pytest.mark.parametrize(
    ("func", "y", "expected"),
    [
        (L.mean_squared_error, Y_BOOK, 0.019500000000000007),
        (L.sum_squared_error, Y_BOOK, 0.19500000000000006),
        (L.half_sum_squared_error, Y_004_GOOD, 0.10105000000000001),
        (L.half_sum_squared_error, Y_004_BAD, 0.46525000000000005),
        (L.cross_entropy, Y_BOOK, 0.510825457099338),
        (L.cross_entropy, Y_004_CE, 0.010050234843405595),
        (L.cross_entropy, Y_004_BAD, 1.6094374124342252),
    ],
)
def test_seed_values_exact(func, y, expected):
    value = func(y, T_BOOK)
    assert type(value) is float
    assert value == expected


@pytest.mark.parametrize(
    ("func", "expected"),
    [(L.half_sum_squared_error, 0.0975), (L.mean_absolute_error, 0.08)],
)
def test_seed_values_tight(func, expected):
    assert func(Y_BOOK, T_BOOK) == pytest.approx(expected, rel=1e-14)


def test_index_form_without_delta():
    # -log(0.6): only the correct class matters, so y = 0 elsewhere is harmless.
    assert L.cross_entropy(Y_BOOK, 2, delta=0) == 0.5108256237659907


def test_sum_form_without_delta_is_nan():
    # 0 · log 0 = 0 · (−inf) = nan, and no RuntimeWarning (pytest turns those into errors).
    assert math.isnan(L.cross_entropy(Y_BOOK, T_BOOK, delta=0))


def test_index_form_equals_sum_form_with_delta():
    assert L.cross_entropy(Y_BOOK, 2) == 0.510825457099338


def test_cap_at_minus_log_delta():
    # The correct class predicted with probability 0: the loss is capped, not inf.
    assert L.cross_entropy([1.0, 0.0], [0, 1]) == 16.11809565095832
    assert L.cross_entropy([1.0, 0.0], 1) == 16.11809565095832
    assert L.cross_entropy([1.0, 0.0], 1, delta=0) == math.inf


@pytest.mark.parametrize(
    ("y", "rounded"),
    [([0.01, 0.98, 0.01], 0.02), ([0.25, 0.60, 0.15], 0.51)],
)
def test_seed_003_sizes(y, rounded):
    value = L.cross_entropy(y, [0, 1, 0])
    assert round(value, 2) == rounded
    assert value == pytest.approx(-math.log(y[1] + 1e-7), rel=1e-14)


@pytest.mark.parametrize(
    ("y", "t", "expected"),
    [
        ([0.8, 0.2], [1, 0], 0.22314355131420846),
        ([0.2, 0.7, 0.1], [0, 1, 0], 0.356674943938731),
    ],
)
def test_seed_001_with_its_delta(y, t, expected):
    # Seed 001 prints -np.sum(y_true * np.log(y_pred + 1e-15)).
    assert L.cross_entropy(y, t, delta=1e-15) == expected
    assert round(expected, 4) in (0.2231, 0.3567)


def test_seed_001_binary_form():
    assert L.binary_cross_entropy([0.8], [1], delta=0) == pytest.approx(-math.log(0.8), rel=1e-15)
    assert L.binary_cross_entropy([0.2], [0], delta=0) == pytest.approx(-math.log(0.8), rel=1e-15)


def test_kl_divergence_exact_and_decomposition():
    p, q = [0.5, 0.5], [0.8, 0.2]
    assert L.kl_divergence(p, q) == 0.22314355131420976
    assert L.cross_entropy_dist(p, q) == pytest.approx(L.entropy(p) + L.kl_divergence(p, q), rel=1e-15)
    assert L.entropy(p) == pytest.approx(math.log(2), rel=1e-15)


def test_kl_zero_iff_equal_and_asymmetric():
    assert L.kl_divergence([0.3, 0.7], [0.3, 0.7]) == 0.0
    assert L.kl_divergence([0.5, 0.5], [0.8, 0.2]) != L.kl_divergence([0.8, 0.2], [0.5, 0.5])
    assert L.kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)
    assert L.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_label_smoothing_on_book_target():
    s = L.smooth_labels(T_BOOK, 0.1)
    assert s[2] == 0.91
    assert np.all(np.delete(s, 2) == 0.01)
    assert s.sum() == pytest.approx(1.0, rel=1e-15)
    np.testing.assert_array_equal(L.smooth_labels(2, 0.1, n_classes=10), s)


def test_steps_match_seed_000_printout():
    ce = cross_entropy_steps(Y_BOOK, T_BOOK)
    assert round(float(ce.t_log_y[2]), 8) == -0.51082546
    assert np.all(np.delete(ce.t_log_y, 2) == 0)
    assert ce.neg_sum == 0.510825457099338
    assert ce.loss == 0.510825457099338
    text = str(ce)
    assert "Step 1: t * np.log(y + delta):" in text
    assert "-0.51082546" in text and "0.510825457099338" in text
    sq = squared_error_steps(Y_BOOK, T_BOOK)
    assert sq.mse == 0.019500000000000007


def test_cross_entropy_steps_batch_divides_by_n():
    ce = cross_entropy_steps([Y_BOOK, Y_004_CE], [2, 2])
    assert ce.loss == pytest.approx(ce.neg_sum / 2, rel=1e-15)
    assert ce.loss == pytest.approx((0.510825457099338 + 0.010050234843405595) / 2, rel=1e-14)


def test_softmax_overflow_example():
    p = L.softmax([123.0, 456.0, 789.0])
    assert np.all(np.isfinite(p))
    assert p[2] == 1.0 and 0.0 < p[0] < 1e-280  # e^(123 − 789) = e^−666: tiny, not 0
    assert L.log_softmax([123.0, 456.0, 789.0])[0] == -666.0
    assert L.logsumexp([123.0, 456.0, 789.0]) == pytest.approx(789.0, rel=1e-15)


def test_softmax_float32_stays_float32():
    p = L.softmax(np.array([1.0, 2.0, 3.0], dtype=np.float32))
    assert p.dtype == np.float32
    assert abs(float(p.sum()) - 1.0) < 1e-6
    assert L.softmax([1, 2, 3]).dtype == np.float64


# --- against independent implementations on seeded random batches -------------


def _probs(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    return rng.dirichlet(np.full(k, 2.0), size=n)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("shape", [(8, 3), (20, 10), (1, 4)])
def test_regression_losses_vs_sklearn(seed, shape):
    rng = np.random.default_rng(seed)
    y, t = rng.normal(size=shape), rng.normal(size=shape)
    assert L.mean_squared_error(y, t) == pytest.approx(metrics.mean_squared_error(t, y), rel=1e-13)
    assert L.mean_absolute_error(y, t) == pytest.approx(metrics.mean_absolute_error(t, y), rel=1e-13)
    assert L.sum_squared_error(y, t) == pytest.approx(float(((y - t) ** 2).sum()), rel=1e-13)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("threshold", [0.3, 1.0, 2.5])
def test_huber_by_hand(seed, threshold):
    rng = np.random.default_rng(seed)
    y, t = rng.normal(scale=2, size=12), rng.normal(scale=2, size=12)
    by_hand = []
    for a, b in zip(y.tolist(), t.tolist(), strict=True):
        r = abs(a - b)
        by_hand.append(0.5 * r * r if r <= threshold else threshold * (r - 0.5 * threshold))
    assert L.huber_loss(y, t, threshold) == pytest.approx(sum(by_hand) / 12, rel=1e-13)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("n", "k"), [(16, 3), (50, 10), (7, 2)])
def test_cross_entropy_vs_sklearn_log_loss(seed, n, k):
    rng = np.random.default_rng(seed)
    y = _probs(rng, n, k)
    labels = rng.integers(0, k, size=n)
    expected = metrics.log_loss(labels, y, labels=list(range(k)))
    assert L.cross_entropy(y, labels, delta=0) == pytest.approx(expected, rel=1e-12)
    assert L.cross_entropy(y, np.eye(k)[labels], delta=0) == pytest.approx(expected, rel=1e-12)
    logits = np.log(y) + rng.normal(size=(n, 1))  # any per-row shift gives the same softmax
    assert L.cross_entropy_from_logits(logits, labels) == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("seed", range(5))
def test_binary_cross_entropy_vs_sklearn(seed):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.02, 0.98, size=30)
    y = rng.integers(0, 2, size=30)
    assert L.binary_cross_entropy(p, y, delta=0) == pytest.approx(metrics.log_loss(y, p), rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_weighted_cross_entropy_vs_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = _probs(rng, 40, 4)
    labels = rng.integers(0, 4, size=40)
    labels[:4] = np.arange(4)  # every class present
    w = L.class_weights_balanced(labels, 4)
    np.testing.assert_allclose(w, compute_class_weight("balanced", classes=np.arange(4), y=labels), rtol=1e-14)
    expected = metrics.log_loss(labels, y, sample_weight=w[labels], labels=list(range(4)))
    assert L.weighted_cross_entropy(y, labels, w, delta=0) == pytest.approx(expected, rel=1e-12)
    # equal weights give back the plain cross-entropy
    assert L.weighted_cross_entropy(y, labels, np.ones(4)) == pytest.approx(L.cross_entropy(y, labels), rel=1e-13)


def test_entropy_by_hand():
    p = [0.1, 0.2, 0.7, 0.0]
    by_hand = -sum(x * math.log(x) for x in p if x > 0)
    assert L.entropy(p) == pytest.approx(by_hand, rel=1e-14)


# --- every analytic gradient against the numerical gradient ---------------------


def _rel_err(func, grad, y, *args, h=1e-5):
    numeric = numerical_gradient(lambda v: func(v, *args), y, h=h)
    return gradient_check(grad(y, *args), numeric)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    ("func", "grad"),
    [
        (L.sum_squared_error, L.sum_squared_error_grad),
        (L.half_sum_squared_error, L.half_sum_squared_error_grad),
        (L.mean_squared_error, L.mean_squared_error_grad),
        (L.mean_absolute_error, L.mean_absolute_error_grad),
        (L.huber_loss, L.huber_loss_grad),
    ],
)
def test_regression_gradients(seed, func, grad):
    rng = np.random.default_rng(seed)
    t = rng.normal(size=(4, 3))
    # residuals kept away from 0 (|r| kink) and from ±1 (Huber's switch)
    r = rng.choice([-1, 1], size=(4, 3)) * rng.uniform(0.2, 0.8, size=(4, 3))
    r[0, 0] = 2.5  # one residual on Huber's linear part
    assert _rel_err(func, grad, t + r, t) <= 1e-7


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("as_labels", [True, False])
@pytest.mark.parametrize("batch", [True, False])
def test_cross_entropy_gradient(seed, as_labels, batch):
    rng = np.random.default_rng(seed)
    y = rng.uniform(0.1, 0.9, size=(5, 4) if batch else (4,))
    labels = rng.integers(0, 4, size=5) if batch else np.int64(rng.integers(0, 4))
    t = labels if as_labels else np.eye(4)[labels]
    assert _rel_err(L.cross_entropy, L.cross_entropy_grad, y, t) <= 1e-7


@pytest.mark.parametrize("seed", range(3))
def test_binary_cross_entropy_gradient(seed):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.1, 0.9, size=8)
    y = rng.uniform(0, 1, size=8)  # soft targets exercise both branches
    y[:2] = [0.0, 1.0]
    assert _rel_err(L.binary_cross_entropy, L.binary_cross_entropy_grad, p, y) <= 1e-7


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("as_labels", [True, False])
@pytest.mark.parametrize("batch", [True, False])
def test_cross_entropy_from_logits_gradient(seed, as_labels, batch):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3, size=(6, 5) if batch else (5,))
    labels = rng.integers(0, 5, size=6) if batch else np.int64(rng.integers(0, 5))
    t = labels if as_labels else np.eye(5)[labels]
    err = _rel_err(L.cross_entropy_from_logits, L.cross_entropy_from_logits_grad, z, t, h=1e-4)
    assert err <= 1e-7


def test_cross_entropy_from_logits_grad_is_softmax_minus_t():
    z = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]])
    g = L.cross_entropy_from_logits_grad(z, [1, 2])
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(g, (p - np.eye(3)[[1, 2]]) / 2, rtol=1e-14)


def test_cross_entropy_grad_formula():
    g = L.cross_entropy_grad([[0.5, 0.25], [0.2, 0.8]], [1, 0], delta=0)
    np.testing.assert_array_equal(g, [[0.0, -2.0], [-2.5, 0.0]])
