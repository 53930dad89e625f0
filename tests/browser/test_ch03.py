"""Chapter 03 in a real browser: run every cell, move the probability slider, drag bars with the mouse."""

from __future__ import annotations

import re
import time

import lab
import numpy as np
from explorer_checks import check_explorers

from helpers.distributions import set_probability
from helpers.explorers.ch03 import BARS_RECT, BARS_XLIM, BARS_YLIM
from helpers.live import format_number
from helpers.losses import cross_entropy, mean_squared_error

Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
READOUT = re.compile(
    r"selected class (\d+): y\[\d+\] = (\S+) .*y_correct = y\[2\] = (\S+) .*CE = (\S+) · MSE = (\S+)", re.S
)


def shown(page) -> dict[str, str]:
    """The numbers the course readout shows: selected class k, its p, y_correct, CE, MSE."""
    text = lab.readout(page, "ce")
    m = READOUT.search(text)
    assert m, f"unexpected readout {text!r}"
    return dict(zip(["k", "p", "y_correct", "ce", "mse"], m.groups(), strict=True))


def expected(y: np.ndarray, k: int) -> dict[str, str]:
    return {
        "k": str(k),
        "p": format_number(y[k]),
        "y_correct": format_number(y[2]),
        "ce": format_number(cross_entropy(y, T)),
        "mse": format_number(mean_squared_error(y, T)),
    }


def wait_for_readout(page, fragment: str) -> None:
    page.wait_for_function(
        "(want) => document.querySelector('.course-readout-ce')?.textContent.includes(want)",
        arg=fragment,
        timeout=30_000,  # 2 shared cores: a busy kernel can take a while
    )


def settled(page, quiet_ms: int = 1500, timeout_s: float = 60.0) -> dict[str, str]:
    """The readout once it has stopped changing: the kernel works through a drag's motion events in turn."""
    deadline = time.monotonic() + timeout_s
    last, since = lab.readout(page, "ce"), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        now = lab.readout(page, "ce")
        if now != last:
            last, since = now, time.monotonic()
        elif (time.monotonic() - since) * 1000 >= quiet_ms:
            return shown(page)
    raise TimeoutError(f"readout still changing after {timeout_s} s: {last!r}")


def data_to_page(box: dict, x: float, y: float) -> tuple[float, float]:
    """A point of the bar chart's data space → page pixels, from the fixed axes rectangle."""
    left, bottom, width, height = BARS_RECT
    fx = left + width * (x - BARS_XLIM[0]) / (BARS_XLIM[1] - BARS_XLIM[0])
    fy = bottom + height * (y - BARS_YLIM[0]) / (BARS_YLIM[1] - BARS_YLIM[0])
    return box["x"] + fx * box["width"], box["y"] + (1.0 - fy) * box["height"]


def drag_bar(page, canvas, k: int, y_from: float, y_to: float) -> None:
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x0, y0 = data_to_page(box, k, y_from)
    x1, y1 = data_to_page(box, k, y_to)
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x1, y1, steps=10)
    page.wait_for_timeout(300)
    page.mouse.up()


def test_ch03_runs_slider_and_bar_drag_move_the_loss(page, run_notebook, screenshot):
    run_notebook("03_cross_entropy.ipynb")

    # Lab renders only cells near the viewport: bring the explorer in and wait for its readout
    handle = lab.slider_handle(page, "ce-p")
    page.locator(".course-explorer-ce").first.scroll_into_view_if_needed()
    wait_for_readout(page, "selected class")

    # after reset(): the book's values, class 2 selected
    assert shown(page) == expected(Y, 2)
    assert shown(page)["ce"] == format_number(0.510825457099338) == "0.510825"

    # keyboard: five steps of 0.01 to the right on the probability slider
    handle.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, "y[2] = 0.65")
    y1 = set_probability(Y, 2, 0.65)
    assert shown(page) == expected(y1, 2)

    # mouse: drag bar 9 (height 0) up to about 0.55
    canvas = page.locator(".course-explorer-ce canvas.course-figure").first
    drag_bar(page, canvas, 9, 0.02, 0.55)
    wait_for_readout(page, "selected class 9")
    p9 = float(settled(page)["p"])
    assert abs(p9 - 0.55) <= 0.03, p9
    y2 = set_probability(y1, 9, p9)
    assert shown(page) == expected(y2, 9)
    screenshot("ch03_after_drag_9", page.locator(".course-explorer-ce").first)

    # mouse: drag the correct bar (2) down to about 0.05 — CE must rise, MSE stays below 0.2
    drag_bar(page, canvas, 2, float(y2[2]) * 0.8, 0.05)
    wait_for_readout(page, "selected class 2")
    p2 = float(settled(page)["p"])
    assert abs(p2 - 0.05) <= 0.03, p2
    y3 = set_probability(y2, 2, p2)
    now = shown(page)
    assert now == expected(y3, 2)
    assert float(now["ce"]) > float(expected(y2, 9)["ce"])
    assert float(now["mse"]) < 0.2

    # the slider followed the drag (one source of truth)
    assert float(page.locator(".course-slider-ce-p .widget-readout").first.text_content()) == round(p2, 2)

    screenshot("ch03_bars_explorer", page.locator(".course-explorer-ce").first)

    # keyboard only: the class slider picks digit 3 (y unchanged), then the probability slider moves it
    lab.slider_handle(page, "ce-class").focus()
    page.keyboard.press("ArrowRight")
    wait_for_readout(page, "selected class 3")
    assert settled(page) == expected(y3, 3)
    handle.focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, "y[3] = 0.02")
    assert settled(page) == expected(set_probability(y3, 3, 0.02), 3)
    check_explorers(page, "03_cross_entropy.ipynb", screenshot)  # every explorer by keyboard, and the console
