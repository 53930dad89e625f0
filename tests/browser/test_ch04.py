"""Chapter 04 in a real browser: run every cell, then move the logit-scale slider past the overflow."""

from __future__ import annotations

import re

import lab
import numpy as np
from explorer_checks import check_explorers

from helpers.explorers.ch04 import BASE_LOGITS, LABEL, naive_cross_entropy
from helpers.live import format_number
from helpers.losses import cross_entropy_from_logits


def shown_state(page) -> tuple[float, str, str]:
    """(scale from the slider's own readout, naive CE and stable CE as the course readout shows them)."""
    scale = round(float(page.locator(".course-number-scale input").first.input_value()), 2)
    text = lab.readout(page, "overflow")
    naive = re.search(r"naive CE = (\S+)", text)
    stable = re.search(r"stable CE = (\S+)", text)
    assert naive and stable, f"no CE values in readout {text!r}"
    return scale, naive.group(1), stable.group(1)


def wait_for_readout(page, scale: float) -> None:
    lab.wait_for_readout(page, "overflow", f"scale = {scale:.0f} ")


def test_ch04_runs_and_scale_slider_breaks_naive_softmax(page, run_notebook, screenshot):
    run_notebook("04_ce_in_practice.ipynb")
    handle = lab.slider_handle(page, "scale")
    wait_for_readout(page, 50)  # the explorer renders once its cell scrolls into view

    s0, naive0, stable0 = shown_state(page)
    assert s0 == 50 and naive0 == stable0 == format_number(cross_entropy_from_logits(50 * BASE_LOGITS, LABEL))

    # keyboard: from 50, 40 presses of ArrowRight (step 1) reach 90, just past float64's limit at ≈ 89.96
    handle.focus()
    for _ in range(40):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, 90)
    s1, naive1, stable1 = shown_state(page)
    assert s1 == 90
    assert stable1 == format_number(cross_entropy_from_logits(s1 * BASE_LOGITS, LABEL)) == "299.7"
    assert naive1 == format_number(naive_cross_entropy(s1 * BASE_LOGITS, LABEL)) == "inf"
    assert "nan" in lab.readout(page, "overflow")

    # one step back: both computations agree again
    page.keyboard.press("ArrowLeft")
    wait_for_readout(page, 89)
    s2, naive2, stable2 = shown_state(page)
    assert s2 == 89 and np.isfinite(float(naive2))
    assert naive2 == stable2 == format_number(cross_entropy_from_logits(s2 * BASE_LOGITS, LABEL))

    page.keyboard.press("ArrowRight")
    wait_for_readout(page, 90)
    screenshot("ch04_overflow_explorer", page.locator(".course-explorer-overflow").first)
    for _ in range(10):  # back where the readout reads as numbers, for the checks every explorer gets
        page.keyboard.press("ArrowLeft")
    wait_for_readout(page, 80)
    check_explorers(page, "04_ce_in_practice.ipynb", screenshot)  # every explorer by keyboard, and the console
