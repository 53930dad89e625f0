"""Chapter 03: every number the chapter prints, and its explorer driven without a browser."""

from __future__ import annotations

import math
import re
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import nbformat
import numpy as np
import pytest

matplotlib.use("Agg")

from helpers.checks import evaluate  # noqa: E402
from helpers.distributions import set_probability  # noqa: E402
from helpers.explorers.ch03 import CE_YMAX, BarsExplorer, bars_explorer  # noqa: E402
from helpers.live import format_number  # noqa: E402
from helpers.losses import (  # noqa: E402
    binary_cross_entropy,
    cross_entropy,
    mean_squared_error,
    one_hot,
)
from helpers.steps import cross_entropy_steps  # noqa: E402
from helpers.style import use_course_style  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])  # seed 000 / the book
T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
Y_SURE = [0.1, 0.01, 0.99, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04]  # seed 004 sample 1
Y_WRONG = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]  # seed 004 sample 2

use_course_style()  # the Japanese font for the explorer's titles (no missing-glyph warnings)


# --- the printed values -------------------------------------------------------------------


def test_seed000_steps():
    steps = cross_entropy_steps(Y, T)
    assert steps.neg_sum == 0.510825457099338
    assert steps.loss == 0.510825457099338
    assert float(steps.t_log_y[2].round(8)) == -0.51082546
    assert np.all(steps.t_log_y[np.arange(10) != 2] == 0)
    assert np.all(np.signbit(steps.t_log_y))  # printed as -0.
    assert "-0.51082546" in str(steps)
    # the book's own formula, written inline
    assert float(-np.sum(T * np.log(Y + 1e-7))) == 0.510825457099338


def test_index_form_with_delta_equals_sum_form():
    assert cross_entropy(Y, 2) == cross_entropy(Y, T) == 0.510825457099338


def test_without_delta_sum_form_is_nan_index_form_is_minus_log_06():
    assert math.isnan(cross_entropy(Y, T, delta=0))
    assert math.isnan(cross_entropy_steps(Y, T, delta=0).neg_sum)
    assert cross_entropy(Y, 2, delta=0) == 0.5108256237659907 == float(-np.log(0.6))


def test_step1_value_is_log_of_06_plus_epsilon_not_log_06():
    """Section 2 prints log(0.6 + ε) ≈ −0.51082546 and names log 0.6 = −0.51082562 beside it."""
    assert round(float(np.log(0.6 + 1e-7)), 8) == -0.51082546
    assert round(float(np.log(0.6)), 8) == -0.51082562


def test_float32_clipping_fails_at_one_but_adding_after_the_subtraction_does_not():
    """Section 3's cautions: in float32 1 − 1e-15 is 1, so a clip at 1 − 1e-15 leaves log(1 − p) = log 0
    at p = 1, while (1 − p) + 1e-15 is 1e-15 and its log ≈ −34.54."""
    one, tiny = np.float32(1.0), np.float32(1e-15)
    assert one - tiny == one
    with np.errstate(divide="ignore"):
        assert np.log(one - np.clip(one, tiny, one - tiny)) == -np.inf
    added = np.log((one - one) + tiny)
    assert added.dtype == np.float32 and round(float(added), 2) == -34.54


def test_nan_comes_from_the_wrong_classes_with_zero_probability():
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = T * np.log(Y)
    assert np.flatnonzero(np.isnan(terms)).tolist() == [3, 6, 8, 9] == np.flatnonzero(Y == 0).tolist()


def test_cap_is_minus_log_delta():
    assert float(-np.log(1e-7)) == 16.11809565095832
    assert cross_entropy([1.0, 0.0], 1) == 16.11809565095832
    assert cross_entropy([1.0, 0.0], [0, 1]) == 16.11809565095832
    assert cross_entropy([1.0, 0.0], 1, delta=1e-15) == pytest.approx(34.538776394910684, rel=1e-15)
    assert cross_entropy([1.0, 0.0], 1, delta=1e-15) == pytest.approx(34.5, abs=0.05)
    assert math.isinf(cross_entropy([1.0, 0.0], 1, delta=0))


def test_delta_1e15_barely_biases_the_book_value():
    assert cross_entropy(Y, T, delta=1e-15) == pytest.approx(-math.log(0.6), rel=1e-14)
    assert cross_entropy(Y, T, delta=1e-15) != cross_entropy(Y, T)


def test_seed004_samples():
    assert cross_entropy(Y_SURE, T) == 0.010050234843405595
    assert cross_entropy(Y_WRONG, T) == 1.6094374124342252
    assert round(sum(Y_SURE), 2) == 1.46 and round(sum(Y_WRONG), 2) == 1.13


@pytest.mark.parametrize(
    ("y_pred", "expected"),
    [([0.01, 0.98, 0.01], 0.02), ([0.25, 0.60, 0.15], 0.51)],
    ids=["model1", "model2"],
)
def test_seed003_clothing_sizes(y_pred, expected):
    assert round(cross_entropy(y_pred, [0, 1, 0]), 2) == expected
    assert round(float(-np.sum(np.array([0, 1, 0]) * np.log(y_pred))), 2) == expected


def test_seed001_binary_and_three_classes():
    seed_binary = float(-np.sum(np.array([1, 0]) * np.log(np.array([0.8, 0.2]) + 1e-15)))
    assert cross_entropy([0.8, 0.2], [1, 0], delta=1e-15) == seed_binary
    assert binary_cross_entropy(0.8, 1, delta=1e-15) == seed_binary
    assert f"{seed_binary:.4f}" == "0.2231"
    seed_three = float(-np.sum(np.array([0, 1, 0]) * np.log(np.array([0.2, 0.7, 0.1]) + 1e-15)))
    assert cross_entropy([0.2, 0.7, 0.1], [0, 1, 0], delta=1e-15) == seed_three
    assert f"{seed_three:.4f}" == "0.3567"


def test_seed000_binary_curve_is_minus_log_p():
    predictions = np.arange(0.01, 1, 0.01)
    errors = [cross_entropy(np.array([p, 1 - p]), np.array([1, 0])) for p in predictions]
    assert len(errors) == 99
    np.testing.assert_allclose(errors, -np.log(predictions + 1e-7), rtol=1e-12)
    assert np.all(np.diff(errors) < 0)


@pytest.mark.parametrize("p", [0.001, 0.3, 0.5, 0.8, 0.999])
def test_binary_branches(p):
    assert binary_cross_entropy(p, 1, delta=0) == pytest.approx(-math.log(p), rel=1e-12)
    assert binary_cross_entropy(p, 0, delta=0) == pytest.approx(-math.log(1 - p), rel=1e-12)


def test_binary_batch_mean():
    p = np.array([0.8, 0.3, 0.9, 0.4])
    labels = np.array([1, 0, 1, 1])
    by_hand = -np.mean(np.where(labels == 1, np.log(p), np.log(1 - p)))
    assert binary_cross_entropy(p, labels, delta=0) == pytest.approx(float(by_hand), rel=1e-15)


def test_batch_mean_one_hot_equals_labels():
    batch = np.array([Y, Y_SURE, Y_WRONG])
    labels = np.array([2, 2, 9])
    onehot = cross_entropy(batch, one_hot(labels, 10))
    assert onehot == cross_entropy(batch, labels) == 0.40467422416756965
    assert onehot == float(-np.sum(np.log(batch[np.arange(3), labels] + 1e-7)) / 3)
    singles = [cross_entropy(row, label) for row, label in zip(batch, labels, strict=True)]
    assert onehot == pytest.approx(np.mean(singles), rel=1e-15)


def test_ce_unbounded_mse_saturates():
    ps = np.logspace(-12, 0, 50)
    paths = [set_probability(Y, 2, float(p)) for p in ps]
    ce = np.array([cross_entropy(v, 2, delta=0) for v in paths])
    mse = np.array([mean_squared_error(v, T) for v in paths])
    assert np.all(np.diff(ce) < 0)  # larger y_correct, smaller CE
    assert ce[0] > 27
    assert mse.max() < 0.2
    assert mean_squared_error(set_probability(Y, 2, 0.0), T) == pytest.approx(0.121875, rel=1e-12)
    # with delta, the loss never exceeds the cap
    assert max(cross_entropy(v, T) for v in paths) <= 16.11809565095832


# --- the explorer ------------------------------------------------------------------------


def numbers(readout: str) -> dict[str, str]:
    m = re.search(
        r"selected class (\d+): y\[\d+\] = (\S+) .*y_correct = y\[2\] = (\S+) .*CE = (\S+) · MSE = (\S+)", readout
    )
    assert m, readout
    return dict(zip(["k", "p", "y_correct", "ce", "mse"], m.groups(), strict=True))


def expected_numbers(ex: BarsExplorer, y: np.ndarray) -> dict[str, str]:
    return {
        "k": str(ex.selected),
        "p": format_number(y[ex.selected]),
        "y_correct": format_number(y[2]),
        "ce": format_number(cross_entropy(y, T)),
        "mse": format_number(mean_squared_error(y, T)),
    }


def assert_consistent(ex: BarsExplorer, y: np.ndarray) -> None:
    np.testing.assert_allclose(ex.y, y, rtol=0, atol=1e-15)
    assert numbers(ex.readout_text) == expected_numbers(ex, y)
    heights = np.array([bar.get_height() for bar in ex.bars])
    np.testing.assert_array_equal(heights, ex.y)
    assert heights.sum() == pytest.approx(1.0, abs=1e-12)
    mx, my = ex.ce_marker.get_data()
    ce = cross_entropy(y, T)
    assert list(mx) == [y[2]] and list(my) == [min(ce, CE_YMAX * 0.97)]
    sx, sy = ex.mse_marker.get_data()
    assert list(sx) == [y[2]] and list(sy) == [mean_squared_error(y, T)]
    assert ex.slider.value == ex.y[ex.selected]
    assert ex.class_picker.value == ex.selected


@pytest.fixture
def ex() -> BarsExplorer:
    return bars_explorer(Y, correct=2)


def test_explorer_starts_at_the_book_values(ex):
    assert numbers(ex.readout_text)["ce"] == format_number(0.510825457099338) == "0.510825"
    assert numbers(ex.readout_text)["mse"] == "0.0195"
    assert_consistent(ex, Y)


def test_slider_moves_correct_class_and_renormalises(ex):
    ex.set(p=0.65)
    assert_consistent(ex, set_probability(Y, 2, 0.65))
    assert numbers(ex.readout_text)["ce"] == format_number(-math.log(0.65 + 1e-7))


def test_class_picker_changes_what_the_slider_moves_not_y(ex):
    ex.class_picker.value = 5
    assert ex.selected == 5 and ex.slider.value == 0.1
    assert_consistent(ex, Y)
    ex.set(p=0.3)
    assert_consistent(ex, set_probability(Y, 5, 0.3))


def test_the_class_picker_is_an_ordinary_control_answered_once_per_pick(ex):
    """The pick is a control of the explorer (so the look-ahead covers it); the picker's own observer sets the
    probability slider in the same answer, which names ``p`` as set by the kernel; no second answer follows."""
    assert ex.explorer.controls == {"cls": ex.class_picker, "p": ex.slider}
    # the table the page holds, all of it (the kernel stops making it after 10 ms: under load, before class 7)
    table = ex.explorer.readout.look_ahead(ex.explorer._readout, ex.explorer.values, clock=lambda: 0.0)
    assert table["cls"]["7"] == ex._readout(selected=7) and numbers(table["cls"]["7"])["p"] == "0.1"
    turn = ex.explorer.readout._turn
    ex.class_picker.value = 7
    assert ex.explorer.readout._turn == turn + 1 and ex.explorer.readout._held == ["p"]
    assert ex.explorer.readout.value == table["cls"]["7"]
    assert_consistent(ex, Y)
    ex.set(cls=4, p=0.3)  # from code: pick, then move
    assert ex.selected == 4
    assert_consistent(ex, set_probability(Y, 4, 0.3))


def test_drag_a_bar_with_fake_mouse_events(ex):
    ev = SimpleNamespace
    ex.drag("press", ev(inaxes=ex.ax_bars, xdata=9.2, ydata=0.404))  # press on bar 9's column
    y1 = set_probability(Y, 9, 0.4)
    assert ex.selected == 9
    assert_consistent(ex, y1)
    ex.drag("motion", ev(inaxes=ex.ax_bars, xdata=9.3, ydata=0.733))  # drag up
    y2 = set_probability(y1, 9, 0.73)
    assert_consistent(ex, y2)
    ex.drag("motion", ev(inaxes=ex.ax_bars, xdata=4.0, ydata=1.07))  # above 1: clamped, still bar 9
    y3 = set_probability(y2, 9, 1.0)
    assert_consistent(ex, y3)
    assert numbers(ex.readout_text)["ce"] == format_number(16.11809565095832)
    ex.drag("release", ev(inaxes=None, xdata=None, ydata=None))
    ex.drag("motion", ev(inaxes=ex.ax_bars, xdata=9.0, ydata=0.2))  # after release: nothing moves
    assert_consistent(ex, y3)


def test_press_between_bars_or_outside_does_nothing(ex):
    ev = SimpleNamespace
    ex.drag("press", ev(inaxes=ex.ax_bars, xdata=8.5, ydata=0.5))  # the gap between 8 and 9
    ex.drag("motion", ev(inaxes=ex.ax_bars, xdata=8.5, ydata=0.9))
    ex.drag("press", ev(inaxes=ex.ax_ce, xdata=0.5, ydata=0.5))  # another axes
    ex.drag("press", ev(inaxes=None, xdata=None, ydata=None))  # outside every axes
    assert_consistent(ex, Y)


def test_drag_the_correct_bar_to_zero_pins_marker_at_top(ex):
    ev = SimpleNamespace
    ex.drag("press", ev(inaxes=ex.ax_bars, xdata=2.0, ydata=0.6))
    ex.drag("motion", ev(inaxes=ex.ax_bars, xdata=2.0, ydata=-0.02))
    y0 = set_probability(Y, 2, 0.0)
    assert_consistent(ex, y0)
    assert ex.ce_marker.get_data()[1][0] < CE_YMAX
    assert ex.ce_note.get_text() == "↑ CE = 16.1"
    assert mean_squared_error(y0, T) < 0.2


def test_move_and_reset(ex):
    ex.move(9, 0.9)
    ex.move(2, 0.0)
    assert numbers(ex.readout_text)["ce"] == "16.1181"
    ex.reset()
    assert ex.selected == 2
    assert_consistent(ex, Y)


def test_mse_curve_follows_the_current_path(ex):
    ex.move(9, 0.5)
    xs, ys = ex.mse_curve.get_data()
    want = [mean_squared_error(set_probability(ex.y, 2, float(p)), T) for p in xs]
    np.testing.assert_allclose(ys, want, rtol=1e-12, atol=1e-15)
    assert max(ys) <= 0.2
    ex.move(2, 1.0)  # all mass on the correct class: the others share equally on the way down
    xs, ys = ex.mse_curve.get_data()
    want = [mean_squared_error(set_probability(ex.y, 2, float(p)), T) for p in xs]
    np.testing.assert_allclose(ys, want, rtol=1e-12, atol=1e-15)


def test_figure_is_never_recreated(ex):
    fig, bars = ex.figure, list(ex.bars)
    ex.move(7, 0.3)
    ex.set(p=0.1)
    assert ex.figure is fig and list(ex.bars) == bars and len(fig.axes) == 3


def test_bad_class_is_refused(ex):
    with pytest.raises(ValueError, match="k must be a class in 0..9"):
        ex.select(10)


# --- exercises and the recorded notebook ---------------------------------------------------


def test_exercise_solutions_pass_and_wrong_answers_get_a_hint():
    assert evaluate("03.1", float(-np.log(0.15))).ok
    assert evaluate("03.1", cross_entropy([0.25, 0.60, 0.15], [0, 0, 1])).ok
    assert not evaluate("03.1", 0.51).ok  # the M answer
    assert "Hint" in evaluate("03.1", 0.51).message

    def good(y_pred, labels):
        y_pred = np.asarray(y_pred)
        return -np.sum(np.log(y_pred[np.arange(len(y_pred)), labels] + 1e-7)) / len(y_pred)

    def summed(y_pred, labels):  # forgets to divide by N
        y_pred = np.asarray(y_pred)
        return -np.sum(np.log(y_pred[np.arange(len(y_pred)), labels] + 1e-7))

    assert evaluate("03.2", good).ok
    assert not evaluate("03.2", summed).ok
    assert evaluate("03.3", "c").ok and evaluate("03.3", " C ").ok
    assert not evaluate("03.3", "b").ok


def _recorded_text() -> str:
    nb = nbformat.read(ROOT / "notebooks" / "03_cross_entropy.ipynb", as_version=4)
    return "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.mark.parametrize(
    "shown",
    [
        "-0.51082546",
        "Step 2: -np.sum(step1):\n 0.510825457099338",
        "Final Loss:\n 0.510825457099338",
        "sum form without delta: nan",
        "index form, delta=0:    0.5108256237659907",
        "16.11809565095832",
        "34.538776394910684",
        "0.010050234843405595",
        "1.6094374124342252",
        "model 1: CE = 0.02",
        "model 2: CE = 0.51",
        "binary CE:      0.22314355131420846",
        "helpers:        0.356674943938731",
        "0.40467422416756965 0.40467422416756965 True",
        "CE = 16.1181 · MSE = 0.19171",
    ],
)
def test_recorded_notebook_shows(shown):
    assert shown in _recorded_text()


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
Y_LIST = Y.tolist()
EXPLORERS = {"03 ce": lambda: bars_explorer(Y_LIST)}

BAD_EXPLORER_INPUT = [
    ("bars-correct-10", lambda: bars_explorer(Y_LIST, correct=10), ValueError, "correct.*0 to 9.*10"),
    ("bars-correct-float", lambda: bars_explorer(Y_LIST, correct=2.0), TypeError, "correct.*class index"),
    ("bars-2d", lambda: bars_explorer([Y_LIST, Y_LIST]), ValueError, r"y_pred.*shape \(K,\).*\(2, 10\)"),
]
