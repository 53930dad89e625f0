"""Chapter 09 in a real browser: train with the live monitor, read the accuracy, browse the mistakes."""

from __future__ import annotations

import re

import lab
from explorer_checks import check_explorers


def test_ch09_trains_and_browses_mistakes(page, run_notebook, screenshot):
    run_notebook("09_training.ipynb")

    status = page.locator(".course-progress-train").first
    status.scroll_into_view_if_needed()
    text = status.text_content()
    assert text.startswith("epoch 20 / 20") and "done" in text, text
    m = re.search(r"test accuracy ([\d.]+) %", text)
    assert m and float(m.group(1)) >= 97.0, text
    progress = page.locator(".course-monitor-train progress, .course-monitor-train .progress-bar").first
    page.wait_for_timeout(800)
    screenshot("ch09_training_monitor", page.locator(".course-monitor-train").first)
    assert progress.count() == 1

    # the mistakes explorer: one keyboard step to the right shows the second mistake
    assert lab.readout(page, "mistakes").startswith("mistake 1 of 11")
    handle = lab.slider_handle(page, "mistake")
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.course-readout-mistakes')?.textContent.startsWith('mistake 2 of 11')",
        timeout=10_000,
    )
    assert "predicted digit 3" in lab.readout(page, "mistakes")
    # the slider counts as the readout does (it read 5 beside "mistake 6 of 11" before)
    assert page.locator(".course-slider-mistake .widget-readout").first.text_content().strip() == "2"
    page.wait_for_timeout(800)
    screenshot("ch09_mistakes_explorer", page.locator(".course-explorer-mistakes").first)
    check_explorers(page, "09_training.ipynb", screenshot)  # every explorer by keyboard, and the console
