"""Chapter 02 in a real browser: run every cell, then move the probability slider."""

from __future__ import annotations

import re

import lab
import numpy as np
from explorer_checks import check_explorers

from helpers.distributions import set_probability
from helpers.live import format_number
from helpers.losses import mean_squared_error

Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])


def shown_state(page) -> tuple[float, str]:
    """(p from the slider's own readout, the MSE number the course readout shows)."""
    p = float(page.locator(".course-slider-p .widget-readout").first.text_content())
    text = lab.readout(page, "probability")
    m = re.search(r"MSE = (\S+)", text)
    assert m, f"no MSE in readout {text!r}"
    return p, m.group(1)


def expected_mse(p: float) -> str:
    return format_number(mean_squared_error(set_probability(Y, 2, p), T))


def wait_for_readout(page, p: float) -> None:
    lab.wait_for_readout(page, "probability", f"p(class 2) = {p:.2f}")


def test_ch02_runs_and_slider_moves_loss(page, run_notebook, screenshot):
    run_notebook("02_sse_mse.ipynb")
    handle = lab.slider_handle(page, "p")

    p0, mse0 = shown_state(page)
    assert p0 == 0.6 and mse0 == format_number(0.019500000000000007) == "0.0195"

    # keyboard: five steps of 0.01 to the right
    handle.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, 0.65)
    p1, mse1 = shown_state(page)
    assert p1 == 0.65
    assert mse1 == expected_mse(p1)

    # mouse: drag the handle a good way to the left
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] - 120, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    page.wait_for_timeout(300)
    p2 = float(page.locator(".course-slider-p .widget-readout").first.text_content())
    assert p2 < 0.5
    wait_for_readout(page, p2)
    _, mse2 = shown_state(page)
    assert mse2 == expected_mse(p2)
    assert float(mse2) > float(mse1)  # less probability on the right class costs more

    screenshot("ch02_probability_explorer", page.locator(".course-explorer-probability").first)
    check_explorers(page, "02_sse_mse.ipynb", screenshot)  # every explorer by keyboard, and the console
