"""Chapter 02: the numbers it prints beyond the seed values (those are in test_losses.py),
its two explorers driven without a browser, and its exercises."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from helpers.checks import evaluate  # noqa: E402
from helpers.distributions import set_probability  # noqa: E402
from helpers.explorers.ch02 import OUTLIER_DATA, outlier_explorer, probability_explorer  # noqa: E402
from helpers.live import format_number  # noqa: E402
from helpers.losses import (  # noqa: E402
    half_sum_squared_error,
    huber_loss,
    mean_absolute_error,
    mean_squared_error,
    sum_squared_error,
)
from helpers.steps import squared_error_steps  # noqa: E402
from helpers.style import use_course_style  # noqa: E402

Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
T = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
DIRTY = np.append(OUTLIER_DATA[:-1], 5.0)


@pytest.fixture(autouse=True)
def course_style():
    with matplotlib.rc_context():
        use_course_style()
        yield


def test_steps_print_the_seed_lines():
    text = str(squared_error_steps(Y, T))
    assert "[ 0.1   0.05 -0.4   0.    0.05  0.1   0.    0.1   0.    0.  ]" in text  # seed 000's 差分
    assert "[0.01   0.0025 0.16   0.     0.0025 0.01   0.     0.01   0.     0.    ]" in text  # 二乗した差分
    assert text.endswith("0.019500000000000007")


def test_table_of_three_forms():
    assert [round(f(Y, T), 4) for f in (sum_squared_error, half_sum_squared_error, mean_squared_error)] == [
        0.195,
        0.0975,
        0.0195,
    ]


def test_why_the_trailing_digits():
    assert (0.6 - 1) ** 2 == 0.16000000000000003
    assert math.fsum(np.square(np.subtract(Y, T))) == 0.19500000000000003
    assert mean_squared_error(Y, T) != 0.0195


@pytest.mark.parametrize(
    ("loss", "clean", "dirty"),
    [(mean_squared_error, 0.0056, 2.0056), (mean_absolute_error, 0.0625, 0.5625), (huber_loss, 0.0028, 0.4403)],
)
def test_outlier_table(loss, clean, dirty):
    pred = np.ones(8)
    assert round(loss(pred, OUTLIER_DATA), 4) == clean
    assert round(loss(pred, DIRTY), 4) == dirty


def test_best_constant_prediction_with_the_outlier():
    """The chapter's grid search (step 0.005) against closed forms."""
    grid = np.linspace(0, 3, 601)

    def best(loss):
        return grid[np.argmin([loss(np.full(8, c), DIRTY) for c in grid])]

    assert best(mean_squared_error) == pytest.approx(np.mean(DIRTY)) == pytest.approx(1.5)  # MSE → the mean
    assert 1.0 <= best(mean_absolute_error) <= 1.05  # MAE → any point between the two middle values
    # Huber: the outlier's pull is clipped to 1, so 7c − Σ(other seven) − 1 = 0
    huber_best = (np.sum(DIRTY[:-1]) + 1.0) / 7
    assert huber_best == pytest.approx(8 / 7)
    assert abs(best(huber_loss) - huber_best) <= 0.0025 and round(float(best(huber_loss)), 3) == 1.145


def test_probability_explorer_readout_and_artists():
    ex = probability_explorer(Y, T)
    for p in (0.6, 0.9, 1.0, 0.0):
        ex.set(p=p)
        y = set_probability(Y, 2, p)
        assert " ".join(ex.readout_text.split()) == (
            f"p(class 2) = {p:.2f} → SSE = {format_number(sum_squared_error(y, T))} · "
            f"½SSE = {format_number(half_sum_squared_error(y, T))} · "
            f"MSE = {format_number(mean_squared_error(y, T))}"
        )
        bars = ex.figure.axes[0].patches
        assert [b.get_height() for b in bars] == pytest.approx(y)
    assert "MSE = 0.0195" not in ex.readout_text  # the last state, p = 0, is not the seed's


def test_probability_explorer_starts_at_the_seed_value():
    ex = probability_explorer(Y, T)
    assert "MSE = 0.0195" in ex.readout_text and ex.controls["p"].value == 0.6


def test_outlier_explorer_slider_and_drag():
    ex = outlier_explorer()
    ex.set(value=5.0)
    assert "MSE = 2.00563" in ex.readout_text and "MAE = 0.5625" in ex.readout_text
    heights = [b.get_height() for b in ex.figure.axes[1].patches]
    assert heights == pytest.approx([mean_squared_error(np.ones(8), DIRTY), 0.5625, huber_loss(np.ones(8), DIRTY)])


def test_outlier_explorer_legend_has_no_marker_like_the_draggable_point():
    """A legend entry drawn like the point invites dragging the legend; the title names the point instead."""
    ax = outlier_explorer().figure.axes[0]
    handles, labels = ax.get_legend_handles_labels()
    draggable = ax.lines[-1]  # the last point, drawn last
    assert draggable.get_marker() not in [getattr(h, "get_marker", lambda: None)() for h in handles], labels
    assert "drag the last point" in ax.get_title()


@pytest.mark.parametrize(
    ("key", "right", "wrong"),
    [
        ("02.1", mean_squared_error([0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5], T), 0.46525000000000005),
        (
            "02.2",
            lambda Y, T: np.mean(0.5 * np.sum((np.asarray(Y) - np.asarray(T)) ** 2, axis=1)),
            lambda Y, T: np.mean((np.asarray(Y) - np.asarray(T)) ** 2),  # PyTorch's mean over N × K
        ),
        ("02.3", 4.0, 2.0),
    ],
)
def test_exercises_accept_the_answer_and_reject_a_wrong_one(key, right, wrong):
    assert evaluate(key, right).ok
    result = evaluate(key, wrong)
    assert not result.ok and result.message.startswith("✗") and "Hint" in result.message


def test_sums_of_the_two_samples_are_printed_the_same_on_every_python():
    """Python 3.12 made the built-in sum() compensated; the chapter prints both methods by name instead."""
    import math

    y_wrong = [0.1, 0.01, 0.2, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.5]
    running = 0.0
    for v in y_wrong:
        running += v
    assert repr(running) == "1.13" and repr(math.fsum(y_wrong)) == "1.1300000000000001"
    from pathlib import Path

    import nbformat

    nb = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks" / "02_sse_mse.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "sample 2: one by one 1.13                  math.fsum 1.1300000000000001" in text
    sources = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "print(sum(" not in sources  # its last digit depends on the Python version


@pytest.mark.parametrize(
    "where",
    ["chapters/02_sse_mse.py", "chapters/11_glossary.py", "tools/endmatter.py", "docs/TEACHER_GUIDE.md"],
)
def test_the_books_function_name_is_given_both_ways_wherever_it_is_named(where):
    """½·Σ(y−t)² is `sum_squared_error` in the book's official repository (common/functions.py) and
    `mean_squared_error` in readers' notebooks that follow its §4.2.1: every place naming one names both."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if where.endswith("endmatter.py"):  # the References entry every chapter citing [[src:book]] shows
        sys.path.insert(0, str(root / "tools"))
        import endmatter

        text = endmatter.SOURCES["book"].entry
    else:
        text = (root / where).read_text(encoding="utf-8")
    flat = " ".join(text.replace("#", " ").split())  # one line: the claim may wrap
    assert "`sum_squared_error` in" in flat and "common/functions.py" in flat
    assert "`mean_squared_error` in readers' notebooks that follow" in flat and "§4.2.1" in flat


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {
    "02 probability": lambda: probability_explorer(Y, np.eye(10)[2]),
    "02 outlier": lambda: outlier_explorer(),
}

BAD_EXPLORER_INPUT = [
    (
        "probability-shapes",
        lambda: probability_explorer(Y, T[:9]),
        ValueError,
        r"y_pred has shape \(10,\) but y_true has shape \(9,\)",
    ),
    ("probability-index", lambda: probability_explorer(Y, T, index=12), ValueError, "index.*0 to 9"),
    ("probability-2d", lambda: probability_explorer([Y], [T]), ValueError, "y_pred must be one"),
]
