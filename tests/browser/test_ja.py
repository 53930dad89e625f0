"""The Japanese edition in a real browser: Run All in chapter 00, Japanese text on the page, the test slider."""

from __future__ import annotations

import lab
import pytest


@pytest.mark.notebook("ja/00_start_here.ipynb")
def test_ja_ch00_runs_all_in_japanese_and_its_slider_answers(page, server, run_notebook, screenshot):
    run_notebook("ja/00_start_here.ipynb")  # Restart & Run All: no error, no stderr
    title = page.locator(".jp-RenderedMarkdown h1").first
    title.wait_for(timeout=10_000)
    assert "00 — はじめに" in title.text_content() and title.is_visible()
    # one explorer: the test slider, moved by keyboard
    handle = lab.slider_handle(page, "x")
    handle.scroll_into_view_if_needed()
    lab.wait_for_readout(page, "square", "x = ")
    handle.focus()
    before = lab.readout(page, "square")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "(before) => document.querySelector('.course-readout-square')?.textContent.trim() !== before",
        arg=before,
        timeout=10_000,
    )
    assert "x² =" in lab.readout(page, "square")
    screenshot("ja_ch00_square_explorer", page.locator(".course-explorer-square").first)
    # the check verdicts at the end, computed by this run's kernel (COURSE_LANG unset: the ja/ folder decides)
    lab.scroll_to_bottom(page)
    verdict = page.locator(".course-check-not-yet").first
    verdict.wait_for(timeout=10_000)
    assert "演習 00." in verdict.text_content() and "まだ答えがありません" in verdict.text_content()
    assert not page.console_errors, page.console_errors
