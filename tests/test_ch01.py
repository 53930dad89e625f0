"""Chapter 01: every number the chapter prints, checked independently; the fit explorer driven without a browser."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.data import toy_regression
from helpers.explorers import ch01
from helpers.live import format_number
from helpers.style import use_course_style


@pytest.fixture(autouse=True)
def course_style():
    """The Japanese font the notebooks use (no missing-glyph warnings), restored afterwards."""
    with matplotlib.rc_context():
        use_course_style()
        yield


X, Y = toy_regression()


def mse(w, b, x=X, y=Y):
    return float(np.mean((w * x + b - y) ** 2))


def test_least_squares_matches_polyfit_and_the_normal_equations():
    w, b = ch01.least_squares(X, Y)
    pw, pb = np.polyfit(X, Y, 1)
    assert w == pytest.approx(pw, rel=1e-13) and b == pytest.approx(pb, rel=1e-13)
    A = np.column_stack([X, np.ones_like(X)])
    assert np.allclose(np.linalg.lstsq(A, Y, rcond=None)[0], [w, b], rtol=1e-13)
    assert (round(w, 4), round(b, 4)) == (2.0248, 0.9987)


def test_least_squares_rejects_bad_input():
    with pytest.raises(ValueError, match="same length"):
        ch01.least_squares([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="two different values"):
        ch01.least_squares([1, 1, 1], [1, 2, 3])


@pytest.mark.parametrize(
    ("name", "line", "sse", "mse_printed"),
    [
        ("A", ch01.LINE_A, "26.2551", "1.3128"),
        ("B", ch01.LINE_B, "24.8407", "1.2420"),
        ("true", (2.0, 1.0), "9.7778", "0.4889"),
    ],
)
def test_the_printed_losses_of_each_line(name, line, sse, mse_printed):
    w, b = line
    got_sse, got_mse = ch01.line_losses(w, b, X, Y)
    assert f"{got_sse:.4f}" == sse and f"{got_mse:.4f}" == mse_printed
    assert got_mse == pytest.approx(mse(w, b), rel=1e-14)
    assert got_sse == pytest.approx(len(X) * mse(w, b), rel=1e-14)


def test_line_a_by_hand_prints_the_recorded_digits():
    r = 1.5 * X + 2.0 - Y
    assert np.sum(r**2) == 26.255094198445935
    assert np.sum(r**2) / len(X) == 1.3127547099222967


def test_line_b_beats_a_and_least_squares_beats_everything():
    ls = ch01.line_losses(*ch01.least_squares(X, Y), X, Y)[1]
    assert ls < mse(2.0, 1.0) < mse(*ch01.LINE_B) < mse(*ch01.LINE_A)
    assert format_number(ls) == "0.483421"
    # least squares is a minimum: nudging either parameter raises the loss
    w, b = ch01.least_squares(X, Y)
    for dw, db in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        assert mse(w + dw, b + db) > ls


def test_gradient_descent_monitor_prints_the_recorded_losses():
    w, b, lr = *ch01.LINE_A, 0.03
    seen = {}
    for step in range(301):
        seen[step] = mse(w, b)
        r = w * X + b - Y
        w, b = w - lr * 2 * np.mean(r * X), b - lr * 2 * np.mean(r)
    assert [f"{seen[s]:.6f}" for s in (0, 10, 50, 100, 300)] == [
        "1.312755",
        "0.717097",
        "0.549406",
        "0.497004",
        "0.483445",
    ]
    assert all(seen[s + 1] < seen[s] for s in range(300))  # monotone: the loss only falls


def test_threshold_data_is_seeded_balanced_and_sorted():
    x, labels = ch01.threshold_data()
    assert x.shape == labels.shape == (20,)
    assert labels.sum() == 10 and np.all(np.diff(x) > 0)
    assert f"{x[0]:.2f}" == "-2.30" and f"{x[-1]:.2f}" == "1.60"


def test_accuracy_is_a_staircase_with_eleven_levels_and_zero_slope_between_points():
    x, labels = ch01.threshold_data()
    thetas = np.linspace(-2.5, 2.5, 1001)
    acc = [ch01.accuracy(t, x, labels) for t in thetas]
    assert len(set(acc)) == 11
    assert ch01.accuracy(0.0, x, labels) == 1.0  # perfectly separable at 0
    assert ch01.accuracy(0.30, x, labels) == ch01.accuracy(0.35, x, labels) == 0.9
    # accuracy only changes when theta crosses a data point
    a, b = x[10] - 1e-9, x[10] + 1e-9
    assert ch01.accuracy(a, x, labels) != ch01.accuracy(b, x, labels)


def test_loss_slope_at_0_3_matches_the_analytic_derivative():
    x, labels = ch01.threshold_data()
    h = 1e-4
    numeric = (ch01.threshold_loss(0.3 + h, x, labels) - ch01.threshold_loss(0.3 - h, x, labels)) / (2 * h)
    # d/dθ mean BCE of σ(k(x − θ)) is mean(−k (p − y))
    p = 1 / (1 + np.exp(-2.0 * (x - 0.3)))
    analytic = float(np.mean(-2.0 * (p - labels)))
    assert numeric == pytest.approx(analytic, rel=1e-6)
    assert f"{numeric:.4f}" == "0.1354"


def test_threshold_loss_is_binary_cross_entropy_by_hand():
    x, labels = ch01.threshold_data()
    p = 1 / (1 + np.exp(-2.0 * (x + 0.5)))
    by_hand = -np.mean(labels * np.log(p + 1e-7) + (1 - labels) * np.log(1 - p + 1e-7))
    assert ch01.threshold_loss(-0.5, x, labels) == pytest.approx(by_hand, rel=1e-12)


# -- the explorer ------------------------------------------------------------------------------------------


def lines_of(fe):
    return fe.explorer.readout_text.splitlines()


def test_a_negative_intercept_reads_as_minus_not_plus_minus():
    fe = ch01.fit_explorer()
    fe.explorer.set(w=1.0, b=-1.95)
    assert "y = 1.00·x − 1.95 " in fe.explorer.readout_text
    assert "+ -" not in fe.explorer.readout_text
    assert [ch01.signed(t) for t in ("0.20", "-1.95", "-0.00", "1e-05")] == ["+ 0.20", "− 1.95", "+ 0.00", "+ 1e-05"]


@pytest.mark.parametrize(("w", "b"), [(1.0, 3.0), (2.5, 0.2), (-1.0, 6.0), (2.05, 0.95), (1.5, -1.95)])
def test_fit_explorer_readout_line_and_residuals_follow_the_sliders(w, b):
    fe = ch01.fit_explorer()
    fe.explorer.set(w=w, b=b)
    assert lines_of(fe) == [
        f"your line y = {w:.2f}·x {ch01.signed(f'{b:.2f}')} \xa0→\xa0 SSE = {format_number(len(X) * mse(w, b))} "
        f"· MSE = {format_number(mse(w, b))}"
    ]
    assert np.allclose(fe.line.get_ydata(), w * fe.line.get_xdata() + b)
    segs = fe.segments.get_segments()
    assert len(segs) == 20
    assert np.allclose([s[1][1] for s in segs], w * X + b) and np.allclose([s[0][1] for s in segs], Y)
    assert list(fe.here.get_xdata()) == [w] and list(fe.here.get_ydata()) == [b]
    assert not fe.best_line.get_visible() and not fe.star.get_visible()


def test_fit_explorer_reveals_least_squares():
    fe = ch01.fit_explorer()
    fe.explorer.set(w=2.5, b=0.2, best=True)
    w, b = np.polyfit(X, Y, 1)
    second = lines_of(fe)[1]
    assert second == (
        f"least squares y = 2.025·x + 0.9987 \xa0→\xa0 SSE = {format_number(len(X) * mse(w, b))} "
        f"· MSE = {format_number(mse(w, b))}"
    )
    assert "SSE = 9.66842 · MSE = 0.483421" in second
    assert fe.best_line.get_visible() and fe.star.get_visible()
    assert np.allclose(fe.best_line.get_ydata(), w * fe.best_line.get_xdata() + b)


def test_moving_a_point_moves_the_losses_and_the_best_line():
    fe = ch01.fit_explorer()
    fe.explorer.set(w=2.5, b=0.2, best=True)
    fe.move_point(19, 5.0)
    y = Y.copy()
    y[19] = 5.0
    w_best, b_best = np.polyfit(X, y, 1)
    text = lines_of(fe)
    assert text[0].endswith(
        f"SSE = {format_number(len(X) * mse(2.5, 0.2, X, y))} · MSE = {format_number(mse(2.5, 0.2, X, y))}"
    )
    assert text[1].startswith("least squares y = 1.745·x + 1.374")
    assert text[1].endswith(f"MSE = {format_number(mse(w_best, b_best, X, y))}") and "1.56233" in text[1]
    assert text[2] == "you moved point 19 to t = 5.00"
    assert fe.points.get_ydata()[19] == 5.0
    assert np.allclose(
        fe.image.get_array(),
        np.log10(np.mean((fe.w_grid[None, :, None] * X + fe.b_grid[:, None, None] - y) ** 2, axis=-1)),
    )
    fe.reset_points()
    assert np.array_equal(fe.y, Y) and len(lines_of(fe)) == 2


def test_move_point_rounds_to_the_shown_value_and_checks_the_index():
    fe = ch01.fit_explorer()
    fe.move_point(3, 4.56789)
    assert fe.y[3] == 4.57 == float("4.57")
    with pytest.raises(ValueError, match="index"):
        fe.move_point(20, 1.0)


def test_fit_explorer_css_classes_for_the_browser_test():
    fe = ch01.fit_explorer()
    assert "course-slider-slope" in fe.explorer.controls["w"]._dom_classes
    assert "course-slider-intercept" in fe.explorer.controls["b"]._dom_classes
    assert "course-toggle-best" in fe.explorer.controls["best"]._dom_classes
    assert "course-readout-fit" in fe.explorer.readout._dom_classes


# -- exercises ---------------------------------------------------------------------------------------------


def test_exercise_01_1_least_squares_loses_to_the_true_line_on_new_points():
    w, b = ch01.least_squares(X, Y)
    x_new, t_new = toy_regression(20, seed=1)
    mse_ls = float(np.mean((w * x_new + b - t_new) ** 2))
    mse_true = float(np.mean((2 * x_new + 1 - t_new) ** 2))
    assert round(mse_ls, 4) == 1.4029 and round(mse_true, 4) == 1.3950  # the numbers the chapter and guide say
    assert mse_true < mse_ls  # the point of the exercise: on new data the truth wins
    assert evaluate("01.1", mse_ls).ok and evaluate("01.1", 1.4029).ok
    assert not evaluate("01.1", 20 * mse_ls).ok  # SSE is not MSE
    assert "true line" in evaluate("01.1", mse_true).message  # the typical slip has its own hint
    assert "original points" in evaluate("01.1", float(np.mean((w * X + b - Y) ** 2))).message


def test_exercise_01_2_accepts_a_correct_function_and_rejects_mse():
    def good(w, b, x, y):
        return np.sum((w * np.asarray(x) + b - np.asarray(y)) ** 2)

    def mean_instead(w, b, x, y):
        return np.mean((w * np.asarray(x) + b - np.asarray(y)) ** 2)

    assert evaluate("01.2", good).ok
    assert not evaluate("01.2", mean_instead).ok


def test_exercise_01_3_is_zero():
    assert evaluate("01.3", 0.0).ok and evaluate("01.3", 0).ok
    assert not evaluate("01.3", 0.05).ok


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"01 fit": lambda: ch01.fit_explorer()}
