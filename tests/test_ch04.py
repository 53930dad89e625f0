"""Chapter 04: every number the notebook prints, checked against helpers or an independent computation."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import helpers
from helpers.checks import evaluate
from helpers.data import imbalanced_classification
from helpers.explorers import ch04
from helpers.live import format_number
from helpers.losses import (
    class_weights_balanced,
    cross_entropy,
    cross_entropy_dist,
    cross_entropy_from_logits,
    entropy,
    kl_divergence,
    log_softmax,
    logsumexp,
    smooth_labels,
    softmax,
    weighted_cross_entropy,
)

A = np.array([123.0, 456.0, 789.0])
Y_BOOK = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T_BOOK = np.eye(10)[2]


# --- 1. overflow -------------------------------------------------------------------------------


def test_naive_softmax_overflows_to_nan():
    p = ch04.naive_softmax(A)
    assert p[0] == 0.0 and p[1] == 0.0 and math.isnan(p[2])


def test_overflow_warnings_are_the_ones_printed():
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        e = np.exp(A)
        _ = e / e.sum()
    assert [str(w.message) for w in caught] == ["overflow encountered in exp", "invalid value encountered in divide"]


def test_float64_exp_limit():
    assert np.log(np.finfo(np.float64).max) == 709.782712893384
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float64(710))) and np.isfinite(np.exp(np.float64(709)))


def test_underflow_starts_at_about_746():
    """exp(−745) is the last (subnormal) float64, ≈ 5e-324; exp(−746) rounds to 0."""
    assert np.exp(-745.0) == 5e-324 == np.nextafter(0.0, 1.0)
    assert np.exp(-745.0) < np.finfo(np.float64).tiny  # subnormal
    assert np.exp(-746.0) == 0.0
    assert np.exp(-666.0) > np.finfo(np.float64).tiny  # e^-666 ≈ 1e-290 is still normal
    assert round(float(np.log10(np.exp(-666.0)))) == -289


def test_max_shift_equals_helpers_softmax():
    shifted = A - A.max()
    by_hand = np.exp(shifted) / np.sum(np.exp(shifted))
    assert np.array_equal(softmax(A), by_hand)
    np.testing.assert_allclose(by_hand, [np.exp(-666), np.exp(-333), 1.0], rtol=1e-12)


def test_logsumexp_and_log_softmax():
    assert logsumexp(A) == 789.0
    assert np.array_equal(log_softmax(A), [-666.0, -333.0, 0.0])
    assert np.array_equal(log_softmax([1000.0, 1.0]), [0.0, -999.0])
    with np.errstate(divide="ignore"):
        assert np.log(softmax([1000.0, 1.0]))[1] == -np.inf


def test_ce_from_logits_vs_capped_ce():
    assert cross_entropy(softmax(A), 0) == 16.11809565095832 == -math.log(1e-7)
    assert cross_entropy_from_logits(A, 0) == 666.0
    assert cross_entropy_from_logits(A, 1) == 333.0


@pytest.mark.parametrize("scale", [1.0, 50.0, 89.0, 90.0, 100.0, 150.0])
def test_overflow_explorer_readout(scale):
    ex = ch04.overflow_explorer()
    ex.set(scale=scale)
    logits = scale * ch04.BASE_LOGITS
    text = ex.readout_text
    stable = float(re.search(r"stable CE = (\S+)", text).group(1))
    naive = re.search(r"naive CE = (\S+)", text).group(1)
    # independent: the stable CE is max(a) - a_1 + log(1 + Σ_{k≠argmax} exp(a_k - max))
    expected = logits.max() - logits[1] + math.log1p(sum(math.exp(v - logits.max()) for v in logits[:2]))
    assert stable == pytest.approx(expected, rel=1e-5)
    assert re.search(r"stable CE = (\S+)", text).group(1) == format_number(cross_entropy_from_logits(logits, 1))
    if scale * 7.89 > 709.782712893384:
        assert naive == "inf" and "overflow" in text and "nan" in text
    else:
        assert float(naive) == pytest.approx(expected, rel=1e-5) and "overflow" not in text


def test_overflow_explorer_artists_follow_slider():
    ex = ch04.overflow_explorer()
    ax_exp, ax_ce = ex.figure.axes
    ex.set(scale=89)
    marker = ax_exp.lines[-1]
    np.testing.assert_allclose(marker.get_data(), [[89], [89 * 7.89 / math.log(10)]])
    naive_marker, stable_marker = ax_ce.lines[-2:]
    assert list(naive_marker.get_xdata()) == [89]
    ex.set(scale=100)
    assert len(naive_marker.get_xdata()) == 0  # naive loss is not finite: no marker
    assert list(stable_marker.get_ydata()) == [cross_entropy_from_logits(100 * ch04.BASE_LOGITS, 1)]
    assert stable_marker.get_ydata()[0] == pytest.approx(333.0)


def test_overflow_scales():
    assert ch04.overflow_scale() == pytest.approx(709.782712893384 / 7.89)
    assert 89 < ch04.overflow_scale() < 90
    assert 11 < ch04.overflow_scale(dtype="float32") < 11.5


# --- 2. clip vs delta; 3. float32 --------------------------------------------------------------


def test_clip_vs_delta_values():
    eps = 1e-7
    assert -np.log(1.0 + eps) < 0 < -np.log(np.clip(1.0, eps, 1 - eps))
    assert -np.log(np.clip(0.0, eps, 1 - eps)) == -np.log(0.0 + eps) == 16.11809565095832


def test_clip_kills_gradient_below_eps():
    eps, h, p = 1e-7, 1e-10, 1e-9
    slope_clip = (-np.log(np.clip(p + h, eps, 1 - eps)) + np.log(np.clip(p - h, eps, 1 - eps))) / (2 * h)
    slope_add = (-np.log(p + h + eps) + np.log(p - h + eps)) / (2 * h)
    assert slope_clip == 0.0
    assert slope_add == pytest.approx(-1 / (p + eps), rel=1e-4)


def test_float32_limits():
    assert float(np.log(np.finfo(np.float32).max)) == pytest.approx(88.7228, abs=1e-4)
    assert float(np.finfo(np.float32).eps) == pytest.approx(1.1920929e-07)
    one = np.float32(1.0)
    assert one - np.float32(1e-15) == one and one - np.float32(1e-7) != one
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float32(89)))
    # adding 1e-15 after the subtraction is fine in float32: float32 holds 1e-15 itself
    added = -np.log(np.float32(0.0) + np.float32(1e-15))
    assert added.dtype == np.float32 and round(float(added), 2) == 34.54
    with np.errstate(divide="ignore"):
        assert -np.log(one - np.clip(one, 1e-15, one - np.float32(1e-15))) == np.inf
    s = softmax(np.array(A, dtype=np.float32))
    assert s.dtype == np.float32 and np.array_equal(s, [0, 0, 1])


# --- 4. imbalance ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imbalanced():
    return imbalanced_classification(n=1000, minority_fraction=0.05, seed=0)


def test_accuracy_paradox(imbalanced):
    X, labels = imbalanced
    assert np.bincount(labels).tolist() == [950, 50]
    assert np.mean(labels == 0) == 0.95


def test_constant_model_losses(imbalanced):
    _, labels = imbalanced
    const = np.tile([0.95, 0.05], (len(labels), 1))
    plain = cross_entropy(const, labels)
    assert plain == pytest.approx(-(0.95 * math.log(0.95 + 1e-7) + 0.05 * math.log(0.05 + 1e-7)), rel=1e-12)
    w = class_weights_balanced(labels, 2)
    np.testing.assert_allclose(w, [1000 / 1900, 10.0])
    weighted = weighted_cross_entropy(const, labels, w)
    assert weighted == pytest.approx(0.5 * -math.log(0.95 + 1e-7) + 0.5 * -math.log(0.05 + 1e-7), rel=1e-12)
    assert round(plain, 4) == 0.1985 and round(weighted, 4) == 1.5235


def test_weighting_trades_accuracy_for_recall(imbalanced):
    X, labels = imbalanced
    results = {}
    for name, cw in (("plain", [1.0, 1.0]), ("weighted", class_weights_balanced(labels, 2))):
        w, b = ch04.fit_logistic(X, labels, cw, lr=0.5, steps=300)
        pred = (X @ w + b > 0).astype(int)
        results[name] = (round(float(np.mean(pred == labels)), 3), round(float(np.mean(pred[labels == 1])), 2))
    assert results == {"plain": (0.966, 0.40), "weighted": (0.860, 0.84)}


def test_fit_logistic_gradient_matches_numerical(imbalanced):
    """The update inside fit_logistic is the true gradient of weighted_loss: one step equals −lr · numerical grad."""
    X, labels = imbalanced
    cw = class_weights_balanced(labels, 2)
    w1, b1 = ch04.fit_logistic(X, labels, cw, lr=1.0, steps=1)
    theta0 = np.zeros(3)
    f = lambda th: ch04.weighted_loss(X, labels, th[:2], th[2], cw)  # noqa: E731
    grad = helpers.numerical_gradient(f, theta0)
    np.testing.assert_allclose(np.r_[w1, b1], -grad, rtol=1e-5, atol=1e-8)


# --- 5. label smoothing; 6. regression ---------------------------------------------------------


def test_label_smoothing_values():
    ts = smooth_labels(T_BOOK, 0.1)
    np.testing.assert_allclose(ts, np.where(np.arange(10) == 2, 0.91, 0.01))
    assert cross_entropy(Y_BOOK, T_BOOK) == 0.510825457099338
    assert cross_entropy(Y_BOOK, ts) == 1.2385671202596866
    independent = -sum(t * math.log(y + 1e-7) for t, y in zip(ts, Y_BOOK, strict=True))
    assert independent == pytest.approx(1.2385671202596866, rel=1e-14)


def test_smoothed_loss_minimum_at_091():
    ts = smooth_labels(T_BOOK, 0.1)
    ps = np.linspace(0.3, 0.9999, 400)
    soft = [cross_entropy(np.where(np.arange(10) == 2, p, (1 - p) / 9), ts, delta=0) for p in ps]
    assert round(ps[np.argmin(soft)], 3) == 0.91
    assert entropy(ts) == 0.5002880350577578
    assert min(soft) == pytest.approx(entropy(ts), abs=1e-5) and min(soft) >= entropy(ts)


def test_ce_rejects_regression_targets():
    with pytest.raises(ValueError, match=r"y_pred must hold probabilities in \[0, 1\]"):
        cross_entropy([2.5, 0.5], [2.0, 1.0])
    values = [0.0 - 2.0 * math.log(y) for y in (1.0, 2.0, 10.0, 100.0)]
    assert values == sorted(values, reverse=True)  # keeps decreasing: no minimum at y = t


# --- 7. information theory ---------------------------------------------------------------------


def test_entropy_kl_cross_entropy():
    p, q = np.array([0.5, 0.5]), np.array([0.8, 0.2])
    assert kl_divergence(p, q) == 0.22314355131420976
    assert float(np.sum(p * np.log(p / q))) == 0.22314355131420976
    assert entropy(p) == 0.6931471805599453 == math.log(2)
    assert cross_entropy_dist(p, q) == 0.916290731874155 == float(-np.sum(p * np.log(q)))
    assert entropy(p) + kl_divergence(p, q) == 0.9162907318741551
    assert kl_divergence(q, p) == 0.19274475702175753
    assert 0.8 * math.log(1.6) + 0.2 * math.log(0.4) == pytest.approx(0.19274475702175753, rel=1e-14)


# --- exercises ---------------------------------------------------------------------------------


def test_exercise_solutions_pass_and_wrong_answers_fail():
    m = A.max()
    assert evaluate("04.1", -(A[1] - (m + np.log(np.sum(np.exp(A - m)))))).ok
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        assert not evaluate("04.1", -np.log(np.exp(A[1]) / np.sum(np.exp(A)))).ok  # the naive route: inf
    assert evaluate("04.2", 1000 / 30).ok and not evaluate("04.2", 10 / 1000).ok
    # its success message: bird 33.3, cat 0.370, one bird = 90 cats
    weights = class_weights_balanced([0] * 900 + [1] * 90 + [2] * 10, 3)
    assert round(weights[2], 1) == 33.3 and round(weights[0], 3) == 0.370 and round(weights[2] / weights[0]) == 90
    assert "90 cats" in evaluate("04.2", 1000 / 30).message
    assert (
        evaluate("04.3", [0.84, 0.04, 0.04, 0.04, 0.04]).ok and not evaluate("04.3", [0.8, 0.05, 0.05, 0.05, 0.05]).ok
    )
    p, q = np.array([0.7, 0.2, 0.1]), np.array([0.5, 0.3, 0.2])
    assert evaluate("04.4", np.sum(p * np.log(p / q))).ok and evaluate("04.4", 0.085123).ok
    assert "other direction" in evaluate("04.4", np.sum(q * np.log(q / p))).message  # KL is not symmetric
    assert "no answer yet" in evaluate("04.1", ...).message


# ---- section 8: cross-entropy as negative log-likelihood --------------------------------------


def test_likelihood_of_three_samples_is_exp_of_minus_n_times_cross_entropy():
    Y3 = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])
    labels3 = np.array([0, 1, 2])
    picked = Y3[np.arange(3), labels3]
    assert str(picked) == "[0.7 0.8 0.4]"
    likelihood = np.prod(picked)
    assert likelihood == 0.22399999999999998 and likelihood == pytest.approx(0.7 * 0.8 * 0.4, rel=1e-15)
    assert -np.log(likelihood) / 3 == 0.49870307570903244 == cross_entropy(Y3, labels3, delta=0)
    assert math.exp(-3 * cross_entropy(Y3, labels3, delta=0)) == pytest.approx(likelihood, rel=1e-14)


def test_minimising_cross_entropy_maximises_the_likelihood():
    labels10 = np.array([1, 1, 0, 1, 1, 0, 1, 1, 0, 1])
    ps = np.linspace(0.01, 0.99, 99)
    L_p = np.array([np.prod(np.where(labels10 == 1, p, 1 - p)) for p in ps])
    E_p = np.array([helpers.binary_cross_entropy(np.full(10, p), labels10, delta=0) for p in ps])
    assert L_p.argmax() == E_p.argmin() == 69 and f"{ps[69]:.2f}" == "0.70" == f"{labels10.mean():.2f}"
    assert f"{L_p.max():.10f}" == "0.0022235661" == f"{0.7**7 * 0.3**3:.10f}"
    assert f"{E_p.min():.10f}" == "0.6108643021" == f"{-(7 * math.log(0.7) + 3 * math.log(0.3)) / 10:.10f}"
    assert f"{np.exp(-10 * E_p.min()):.10f}" == "0.0022235661"
    assert np.all(np.diff(np.sign(np.diff(E_p))) >= 0)  # one minimum: falls, then rises


def test_the_likelihood_of_1347_samples_underflows_but_its_log_does_not():
    assert 0.5**1347 == 0.0 and 0.5**1000 > 0
    assert -1347 * np.log(0.5) == 933.6692522142463  # printed in full


def test_exercise_likelihood_from_cross_entropy():
    assert evaluate("04.5", math.exp(-2)).ok and evaluate("04.5", 0.1353).ok
    assert "*one* average sample" in evaluate("04.5", math.exp(-0.25)).message
    assert "log-likelihood" in evaluate("04.5", -2.0).message
    assert "don't divide again" in evaluate("04.5", math.exp(-0.25 / 8)).message
    assert "Solve for L" in evaluate("04.5", 0.5).message


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"04 overflow": lambda: ch04.overflow_explorer()}
