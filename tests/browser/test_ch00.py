"""Chapter 00 in a real browser: run every cell, then move the test slider by keyboard."""

from __future__ import annotations

import re

import lab

from helpers.widgets import format_number


def slider_value(page) -> float:
    return float(page.locator(".course-slider-x .widget-readout").first.text_content().replace("\u2212", "-"))


def shown_square(page) -> str:
    text = lab.readout(page, "square")
    m = re.search(r"x² = (\S+)", text)
    assert m, f"no x² in readout {text!r}"
    return m.group(1)


def test_ch00_runs_and_test_slider_answers(page, run_notebook, screenshot):
    run_notebook("00_start_here.ipynb")
    handle = lab.slider_handle(page, "x")

    # wait until the slider and the course readout are both rendered and agree
    page.wait_for_function(
        """() => {
            const r = document.querySelector('.course-slider-x .widget-readout')?.textContent || '';
            const o = document.querySelector('.course-readout-square')?.textContent || '';
            return r.trim() !== '' && o.includes('x = ' + r.trim().replace('\u2212', '-'));
        }""",
        timeout=10_000,
    )
    x0 = slider_value(page)
    assert -3.0 <= x0 <= 2.5
    assert shown_square(page) == format_number(x0 * x0)

    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    want = round(x0 + 0.3, 2)
    page.wait_for_function(
        "(want) => document.querySelector('.course-readout-square')?.textContent.includes(want)",
        arg=f"x = {want:.2f}",
        timeout=10_000,
    )
    x1 = slider_value(page)
    assert x1 == want
    assert shown_square(page) == format_number(x1 * x1)

    screenshot("ch00_square_explorer", page.locator(".course-explorer-square").first)
    assert not lab.without_ipympl_frame_race(page.console_errors), page.console_errors
