"""Explorers at home on a projector (issue 13): they fit a 1024×768 screen with the file browser open,
their slider tracks line up, the readout keeps its room, and one switch makes the text large.

Screenshots go to ``artifacts/screenshots/layout_*.png``.
"""

from __future__ import annotations

import lab
import pytest

#: Chapters whose explorers were the widest (03, 05 lost their right-hand panels) and 01 (three readout lines).
NOTEBOOKS = ["01_why_loss.ipynb", "03_cross_entropy.ipynb", "05_gradient_descent.ipynb"]

#: Per explorer: its width, the width of the output area it sits in, where its canvas ends and where
#: its slider tracks start.
MEASURE = """() => [...document.querySelectorAll('.course-explorer')].map((ex) => {
  const area = ex.closest('.jp-OutputArea-output') || ex.parentElement;
  const notebook = ex.closest('.jp-NotebookPanel');
  const canvas = ex.querySelector('canvas.course-figure');
  const tracks = [...ex.querySelectorAll('.course-slider .slider-container')]
    .map((t) => t.getBoundingClientRect().left);
  return {
    name: [...ex.classList].find((c) => c.startsWith('course-explorer-')),
    width: ex.scrollWidth, area: area.getBoundingClientRect().width,
    canvasRight: canvas ? canvas.getBoundingClientRect().right : 0,
    notebookRight: notebook.getBoundingClientRect().right,
    canvasShown: canvas ? canvas.getBoundingClientRect().width : 0,
    tracks, areaLeft: area.getBoundingClientRect().left,
  };
})"""


@pytest.fixture
def small_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


def open_file_browser(page) -> None:
    if not page.locator("#filebrowser").is_visible():
        page.locator('.jp-SideBar [data-id="filebrowser"]').first.click()
    page.locator("#filebrowser").wait_for(state="visible", timeout=10_000)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_explorers_fit_1024x768_with_the_file_browser_open(notebook, small_page, server, course_copy, screenshot):
    page = small_page
    lab.open_notebook(page, server, notebook)
    open_file_browser(page)
    lab.restart_and_run_all(page, course_copy / notebook)
    page.wait_for_timeout(1500)
    found = 0
    for name in page.evaluate("() => [...document.querySelectorAll('.course-explorer')].map((e) => e.className)"):
        cls = next(c for c in name.split() if c.startswith("course-explorer-"))
        explorer = page.locator(f".{cls}").first
        explorer.scroll_into_view_if_needed()
        page.wait_for_function(
            "(ex) => { const c = ex.querySelector('canvas.course-figure'); return c && c.width > 0; }",
            arg=explorer.element_handle(),
            timeout=20_000,
        )
        screenshot(f"layout_1024_{notebook.removesuffix('.ipynb')}_{cls}", explorer)
        found += 1
    assert found, f"{notebook}: no explorer"
    for m in page.evaluate(MEASURE):
        assert m["width"] <= m["area"] + 1, f"{notebook}/{m['name']}: {m['width']} px wide in {m['area']} px"
        assert m["canvasRight"] <= m["notebookRight"] + 1, f"{notebook}/{m['name']}: the figure is clipped: {m}"
        assert m["canvasShown"] > 300, f"{notebook}/{m['name']}: the figure shrank to {m['canvasShown']} px"
        lefts = {round(x - m["areaLeft"]) for x in m["tracks"]}
        assert len(lefts) <= 1, f"{notebook}/{m['name']}: slider tracks start at {sorted(lefts)}"
    assert not page.console_errors, page.console_errors


@pytest.mark.notebook("01_why_loss.ipynb")
def test_slider_tracks_line_up_across_chapters_and_the_readout_does_not_jump(page, server, run_notebook):
    run_notebook("01_why_loss.ipynb")
    explorer = page.locator(".course-explorer-fit").first
    explorer.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    figure = explorer.locator("canvas.course-figure")
    top = figure.bounding_box()["y"]
    explorer.locator(".course-toggle-best").click()  # the readout gains a line
    lab.wait_for_readout(page, "fit", "least squares y")
    assert explorer.locator(".course-toggle-best").text_content().strip() == "least squares: on"
    assert abs(figure.bounding_box()["y"] - top) < 1, "the figure moved when the readout gained a line"
    m = page.evaluate(MEASURE)
    assert len({round(x - e["areaLeft"]) for e in m for x in e["tracks"]}) == 1


@pytest.mark.notebook("00_start_here.ipynb")
def test_the_large_text_switch_makes_readouts_larger(page, server, run_notebook):
    run_notebook("00_start_here.ipynb")
    readout = page.locator(".course-readout-square .course-readout-text").first
    readout.scroll_into_view_if_needed()
    size = lambda: float(readout.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)"))  # noqa: E731
    assert size() >= 16
    switch = page.locator(".course-large-text-switch").first
    switch.scroll_into_view_if_needed()
    assert switch.text_content() == "Large text: off"
    switch.click()
    page.wait_for_function("() => document.body.classList.contains('course-large-text')")
    assert switch.text_content() == "Large text: on" and switch.get_attribute("aria-pressed") == "true"
    assert size() >= 24
    switch.click()
    page.wait_for_function("() => !document.body.classList.contains('course-large-text')")
    assert 16 <= size() < 24
