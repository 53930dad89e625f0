"""Chapter 05: every number the notebook prints, checked against helpers or an independent computation."""

from __future__ import annotations

import re

import numpy as np
import pytest

import helpers
from helpers.checks import evaluate
from helpers.explorers import ch05
from helpers.live import format_number
from helpers.numdiff import numerical_diff


def book_f(x):
    return 0.01 * x**2 + 0.1 * x


# --- 1–3. solve vs iterate -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def line_data():
    return helpers.data.toy_regression(20, seed=0, slope=2.0, intercept=0.0)


def test_solved_minimum_matches_lstsq_and_descent(line_data):
    x, y = line_data
    w_star = np.sum(x * y) / np.sum(x**2)
    assert w_star == 2.0244536240629727
    np.testing.assert_allclose(np.linalg.lstsq(x[:, None], y, rcond=None)[0][0], w_star, rtol=1e-12)
    w = 0.0
    for _ in range(100):
        w = w - 0.02 * 2 * np.mean(x * (w * x - y))
    assert np.isclose(w, w_star)


def test_slope_signs_and_first_steps(line_data):
    x, y = line_data

    def grad(w):
        return 2 * np.mean(x * (w * x - y))

    # the analytic slope agrees with the numerical one and has the printed sign
    for w, printed in ((1.0, -18.740), (3.0, 17.845)):
        num = numerical_diff(lambda v: float(np.mean((v * x - y) ** 2)), w)
        assert num == pytest.approx(grad(w), rel=1e-8)
        assert round(grad(w), 3) == printed
    w = 0.0
    for _ in range(5):
        w = w - 0.02 * grad(w)
    assert round(w, 6) == 1.816830


# --- 4. numerical derivative -------------------------------------------------------------------


def test_book_central_difference_values():
    assert numerical_diff(book_f, 5) == 0.1999999999990898
    assert numerical_diff(book_f, 10) == 0.2999999999986347
    h = 1e-4
    assert (book_f(5 + h) - book_f(5 - h)) / (2 * h) == 0.1999999999990898
    assert (book_f(10 + h) - book_f(10 - h)) / (2 * h) == 0.2999999999986347


def test_forward_difference_is_worse():
    h = 1e-4
    forward = (book_f(5 + h) - book_f(5)) / h
    assert forward == 0.20000099999917254
    assert abs(forward - 0.2) == pytest.approx(0.01 * h, rel=1e-6)  # truncation error 0.01·h
    assert abs(forward - 0.2) > 1000 * abs(numerical_diff(book_f, 5) - 0.2)
    assert np.float32(1e-50) == 0.0


# --- 5. explorer -------------------------------------------------------------------------------


def closed_form_1d(lr, n):
    return 2.0 + (ch05.W0_1D - 2.0) * (1 - 2 * lr) ** n


def closed_form_2d(lr, n):
    return np.array([ch05.START_2D[0] * (1 - lr / 10) ** n, ch05.START_2D[1] * (1 - 2 * lr) ** n])


@pytest.mark.parametrize(
    ("lr", "steps", "v1", "v2"),
    [
        (0.01, 60, "not there yet", "not there yet"),
        (0.1, 60, "converged", "not there yet"),
        (0.9, 60, "converged", "converged"),
        (1.05, 60, "diverged", "diverged"),
        (1.0, 30, "not there yet", "not there yet"),
    ],
)
def test_descent_explorer_readout(lr, steps, v1, v2):
    ex = ch05.descent_explorer()
    ex.set(lr=lr, steps=steps)
    text = ex.readout_text
    w1 = closed_form_1d(lr, steps)
    w2 = closed_form_2d(lr, steps)
    assert f"L = {format_number((w1 - 2) ** 2)} ({v1})" in text
    assert f"f = {format_number(w2[0] ** 2 / 20 + w2[1] ** 2)} ({v2})" in text
    assert re.search(rf"1-D: w = {re.escape(format_number(w1))},", text)


def test_descent_explorer_paths_are_drawn():
    ex = ch05.descent_explorer()
    ex.set(lr=0.9, steps=10)
    ax1, ax2 = ex.figure.axes
    path1 = next(line for line in ax1.lines if len(line.get_xdata()) == 11)
    np.testing.assert_allclose(path1.get_xdata(), [closed_form_1d(0.9, n) for n in range(11)], rtol=1e-12)
    np.testing.assert_allclose(path1.get_ydata(), (np.asarray(path1.get_xdata()) - 2) ** 2)
    path2 = next(line for line in ax2.lines if len(line.get_xdata()) == 11)
    np.testing.assert_allclose(np.column_stack(path2.get_data()), [closed_form_2d(0.9, n) for n in range(11)])


@pytest.mark.parametrize(("lr", "steps"), [(0.1, 30), (0.9, 5), (1.05, 100)])
def test_descent_explorer_draws_minus_the_gradient_at_every_visited_point(lr, steps):
    ex = ch05.descent_explorer()
    ex.set(lr=lr, steps=steps)
    path = ch05.descend_2d(lr, steps)
    arrows = ex.arrows
    shown = ~np.ma.getmaskarray(np.ma.array(arrows.U, mask=arrows.Umask))
    assert shown.sum() == len(path)
    np.testing.assert_allclose(arrows.get_offsets()[shown], path)
    want = -np.array([ch05.grad_2d(w) for w in path])
    np.testing.assert_allclose(np.column_stack([arrows.U[shown], arrows.V[shown]]), want)


def test_gradients_match_numerical():
    for w in (-2.0, 0.5, 3.0):
        assert ch05.grad_1d(w) == pytest.approx(numerical_diff(ch05.loss_1d, w), rel=1e-7)
    p = np.array([-7.0, 2.0])
    np.testing.assert_allclose(ch05.grad_2d(p), helpers.numerical_gradient(ch05.loss_2d, p), rtol=1e-7)


def test_verdict():
    assert ch05.verdict(16.0, 17.0) == "diverged"
    assert ch05.verdict(16.0, float("nan")) == "diverged"
    assert ch05.verdict(16.0, 1e-4) == "converged"
    assert ch05.verdict(16.0, 0.5) == "not there yet"


# --- 6. mini-batch SGD -------------------------------------------------------------------------


def sgd_reference(x, y, batch_size, lr=0.05, epochs=5, seed=0, reduction="mean"):
    """An independent mini-batch SGD in matrix form (θ = [w, b])."""
    X = np.column_stack([x, np.ones_like(x)])
    theta = np.zeros(2)
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for k in range(len(x) // batch_size):
            i = order[k * batch_size : (k + 1) * batch_size]
            pred = X[i] @ theta
            losses.append(float(np.mean((pred - y[i]) ** 2)))  # no input check: the sum run overflows
            g = X[i].T @ (2 * (pred - y[i]) / batch_size)  # the 1/B of the mean
            if reduction == "sum":
                g = g * batch_size
            theta = theta - lr * g
    return theta, np.array(losses)


@pytest.fixture(scope="module")
def big_data():
    return helpers.data.toy_regression(2048, seed=0)


def test_least_squares_floor(big_data):
    x, y = big_data
    X1 = np.column_stack([x, np.ones_like(x)])
    best = np.linalg.lstsq(X1, y, rcond=None)[0]
    np.testing.assert_allclose(best, [2.01849, 0.95460324], atol=1e-6)
    assert helpers.mean_squared_error(X1 @ best, y) == pytest.approx(0.9920335473630187, rel=1e-12)


@pytest.mark.parametrize(
    ("batch_size", "steps", "excess", "noise"),
    [(32, 64, 0.00702, 0.234), (64, 32, 0.00697, 0.156), (128, 16, 0.00059, 0.090), (256, 8, 0.00469, 0.068)],
)
def test_minibatch_table(big_data, batch_size, steps, excess, noise):
    x, y = big_data
    theta, losses = sgd_reference(x, y, batch_size)
    assert len(losses) == 5 * steps == 5 * (2048 // batch_size)
    X1 = np.column_stack([x, np.ones_like(x)])
    floor = helpers.mean_squared_error(X1 @ np.linalg.lstsq(X1, y, rcond=None)[0], y)
    assert round(helpers.mean_squared_error(X1 @ theta, y) - floor, 5) == excess
    assert round(float(np.std(losses[-steps:])), 3) == noise


def test_sum_gradient_is_batch_size_times_mean(big_data):
    x, y = big_data
    i = np.arange(128)
    pred = 2.0 * x[i]
    np.testing.assert_allclose(helpers.losses.mean_squared_error_grad(pred, y[i]), 2 * (pred - y[i]) / 128)
    err = -y[i]
    assert (2 * np.sum(err * x[i])) / (2 * np.mean(err * x[i])) == pytest.approx(128.0, rel=1e-12)


def test_sum_reduction_diverges_unless_lr_divided(big_data):
    x, y = big_data
    with np.errstate(over="ignore", invalid="ignore"):
        theta, _ = sgd_reference(x, y, 32, lr=0.05, reduction="sum")
    assert not np.all(np.isfinite(theta))
    t_sum, _ = sgd_reference(x, y, 32, lr=0.05 / 32, reduction="sum")
    t_mean, _ = sgd_reference(x, y, 32, lr=0.05)
    np.testing.assert_allclose(t_sum, t_mean, rtol=1e-10)
    assert round(t_mean[0], 6) == round(2.0420257010666756, 6)


# --- exercises ---------------------------------------------------------------------------------


def test_exercises():
    assert evaluate("05.1", 2 - 4 * 0.8**3).ok  # the distance 4 shrinks by 0.8 per step
    assert not evaluate("05.1", -2 + 3 * 0.1 * 8).ok

    def good(f, w):
        w, grad = np.array(w, dtype=float), np.zeros(2)
        for i in range(2):
            step = np.eye(2)[i] * 1e-4
            grad[i] = (f(w + step) - f(w - step)) / 2e-4
        return grad

    def forward(f, w):
        w = np.array(w, dtype=float)
        return np.array([(f(w + e * 1e-4) - f(w)) / 1e-4 for e in np.eye(2)])

    def book_style(f, w):  # the book's loop changes w in place and restores it
        grad = np.zeros(2)
        for i in range(2):
            keep = w[i]
            w[i] = keep + 1e-4
            up = f(w)
            w[i] = keep - 1e-4
            down = f(w)
            w[i] = keep
            grad[i] = (up - down) / 2e-4
        return grad

    assert evaluate("05.2", good).ok and evaluate("05.2", book_style).ok
    assert "forward difference" in evaluate("05.2", forward).message
    assert evaluate("05.3", 0.05 / 128).ok and not evaluate("05.3", 0.05 * 128).ok


# ---- section 7: partial derivatives and the gradient ------------------------------------------


def test_partial_derivatives_as_in_the_book():
    """DLFS §4.3: 6.00000000000378 and 7.999999999999119 at (3, 4)."""
    assert numerical_diff(lambda w1: w1**2 + 4.0**2, 3.0) == 6.00000000000378
    assert numerical_diff(lambda w2: 3.0**2 + w2**2, 4.0) == 7.999999999999119


@pytest.mark.parametrize("point, printed", [([3.0, 4.0], "[6. 8.]"), ([0.0, 2.0], "[0. 4.]"), ([3.0, 0.0], "[6. 0.]")])
def test_numerical_gradient_at_the_books_points(point, printed):
    grad = helpers.numerical_gradient(lambda w: w[0] ** 2 + w[1] ** 2, np.array(point))
    assert str(grad) == printed
    np.testing.assert_allclose(grad, 2 * np.array(point), atol=1e-9)


def test_steepest_descent_on_the_elongated_bowl_points_across_the_valley():
    down = -helpers.numerical_gradient(lambda w: w[0] ** 2 / 20 + w[1] ** 2, np.array([-7.0, 2.0]))
    assert str(down) == "[ 0.7 -4. ]"
    np.testing.assert_allclose(down, [0.7, -4.0], atol=1e-9)
    assert abs(down[1]) > 5 * abs(down[0])  # mostly along w2, though the minimum is far along w1
    # the arrows of the plot are perpendicular to the contour lines: -∇f · tangent = 0
    tangent = np.array([2 * 2.0, 7.0 / 10])  # (∂f/∂w2, −∂f/∂w1) at (-7, 2): along the level set
    assert abs(down @ tangent) < 1e-8


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"05 descent": lambda: ch05.descent_explorer()}

BAD_EXPLORER_INPUT = [
    ("descent-steps-2.5", lambda: ch05.descent_explorer(steps=2.5), ValueError, "steps must be a whole"),
    ("descent-steps-str", lambda: ch05.descent_explorer(steps="3"), TypeError, "steps must be a whole"),
    ("descent-lr-range", lambda: ch05.descent_explorer(lr=5.0), ValueError, r"lr must lie in \[0.01, 1.1\]"),
    ("descend-lr-negative", lambda: ch05.descend_1d(-0.1, 3), ValueError, "lr must be a positive"),
]
