"""Chapter 05 in a real browser: run every cell, then push the learning rate past divergence."""

from __future__ import annotations

import re

import lab
from explorer_checks import check_explorers

from helpers.explorers.ch05 import descend_1d, descend_2d, loss_1d, loss_2d
from helpers.live import format_number


def shown(page) -> tuple[float, str, str]:
    """(η from the slider's own readout, the 1-D loss and the 2-D loss the course readout shows)."""
    lr = round(float(page.locator(".course-number-lr input").first.input_value()), 2)
    text = lab.readout(page, "descent")
    l1 = re.search(r"L = (\S+)", text)
    l2 = re.search(r"f = (\S+)", text)
    assert l1 and l2, f"no losses in readout {text!r}"
    return lr, l1.group(1), l2.group(1)


def expected(lr: float, steps: int = 30) -> tuple[str, str]:
    return format_number(loss_1d(descend_1d(lr, steps)[-1])), format_number(loss_2d(descend_2d(lr, steps)[-1]))


def wait_for_readout(page, lr: float) -> None:
    lab.wait_for_readout(page, "descent", f"η = {lr:.2f},")


def test_ch05_runs_and_learning_rate_slider_moves_descent(page, run_notebook, screenshot):
    run_notebook("05_gradient_descent.ipynb")
    handle = lab.slider_handle(page, "lr")
    wait_for_readout(page, 0.10)  # the explorer renders once its cell scrolls into view

    lr0, l1, l2 = shown(page)
    assert lr0 == 0.1 and (l1, l2) == expected(0.1)

    # keyboard: PageUp is not reliable across noUiSlider versions; 10 ArrowRight presses of 0.01 → η = 0.20
    handle.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, 0.20)
    lr1, l1, l2 = shown(page)
    assert lr1 == 0.2 and (l1, l2) == expected(0.2)

    # set the number box to 1.05: both descents diverge
    box = page.locator(".course-number-lr input").first
    box.fill("1.05")
    box.press("Enter")
    wait_for_readout(page, 1.05)
    lr2, l1, l2 = shown(page)
    assert lr2 == 1.05 and (l1, l2) == expected(1.05)
    assert lab.readout(page, "descent").count("(diverged)") == 2

    screenshot("ch05_descent_explorer", page.locator(".course-explorer-descent").first)
    check_explorers(page, "05_gradient_descent.ipynb", screenshot)  # every explorer by keyboard, and the console
