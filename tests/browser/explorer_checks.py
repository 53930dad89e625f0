"""The checks every notebook gets in a real browser, after it ran clean (Restart & Run All).

:func:`check_explorers` asserts, for a notebook open in a page:

* the browser console has no error;
* every slider handle in every explorer has an accessible name (``role=slider``
  with its label) and can be reached and moved by keyboard alone: focus, then
  ArrowRight (ArrowLeft at the top) changes the readout, which still reads as
  numbers, and every text the readout showed on the way was already the final
  one (the browser's look-ahead never shows a wrong number first), and so was
  every picture the figure showed (a picture drawn ahead, then the kernel's);
* a burst of 10 fast presses ends in the same readout and figure as reaching
  the same value slowly;
* chapter 02's outlier can be dragged with the mouse, and the readout then shows
  ``helpers``' losses for the new value.

Console policy: only messages of type ``error`` (and uncaught page errors)
count.  jupyterlab-mathjax3 and RISE print *warnings*; none of those is an
error, so nothing needs to be allowed.

Screenshots of every explorer go to ``artifacts/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import math
import re

import lab
import matplotlib
import numpy as np

from helpers.live import format_number

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

#: Returns, per explorer holding a course slider, its name and its sliders' names.
LIST_EXPLORERS = """() => [...document.querySelectorAll('.course-explorer')]
  .filter((ex) => ex.querySelector('[class*="course-slider-"] .noUi-handle'))
  .map((ex) => ({
    name: ([...ex.classList].find((c) => c.startsWith('course-explorer-')) || 'course-explorer-?').slice(16),
    sliders: [...ex.querySelectorAll('[class*="course-slider-"]')].map((s) =>
      [...s.classList].find((c) => c.startsWith('course-slider-')).slice(14)),
  }))"""


def state(explorer, slider: str) -> tuple[str, str]:
    """(the slider's own value readout, the explorer's readout text)."""
    value = explorer.locator(f".course-slider-{slider} .widget-readout").first.text_content().strip()
    return value, explorer.locator(".course-readout").first.text_content().strip()


def canvas_fingerprint(explorer) -> str:
    return lab.figure_pixels_hash(explorer)


def settle(page, explorer, slider: str, quiet_ms: int = 600, timeout_s: float = 20.0) -> tuple[str, str, str]:
    """Wait until value, readout and figure stop changing; return them."""
    import time

    last, since, deadline = None, time.monotonic(), time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        now = (*state(explorer, slider), canvas_fingerprint(explorer))
        if now != last:
            last, since = now, time.monotonic()
        elif (time.monotonic() - since) * 1000 >= quiet_ms:
            return now
        page.wait_for_timeout(100)
    raise AssertionError(f"explorer never settled: {last}")


def record_readouts(explorer) -> None:
    """Start recording every text the explorer's readout shows."""
    explorer.evaluate(
        """(ex) => { const ro = ex.querySelector('.course-readout');
            if (ex.__recorder) ex.__recorder.disconnect();
            ex.__shown = [];
            ex.__recorder = new MutationObserver(() => ex.__shown.push(ro.textContent.trim()));
            ex.__recorder.observe(ro, { childList: true, subtree: true, characterData: true }); }"""
    )


def recorded_readouts(explorer) -> list[str]:
    return explorer.evaluate("(ex) => { ex.__recorder.disconnect(); return ex.__shown.filter((t) => t); }")


def record_pictures(explorer) -> None:
    """Start recording (a hash of) every picture the explorer's canvas shows."""
    explorer.evaluate(
        f"""(ex) => {{ const c = ex.querySelector('canvas.course-figure');
            if (ex.__pictures) ex.__pictures.disconnect();
            ex.__painted = [];
            if (!c) return;
            const hash = {lab.CANVAS_HASH};
            ex.__pictures = new MutationObserver(() => ex.__painted.push(hash(c)));  // each new picture on screen
            ex.__pictures.observe(c, {{ attributes: true, attributeFilter: ['data-frame'] }}); }}"""
    )


def recorded_pictures(explorer) -> list[str]:
    return explorer.evaluate("(ex) => { if (ex.__pictures) ex.__pictures.disconnect(); return ex.__painted; }")


def parses(readout: str) -> bool:
    numbers = NUMBER.findall(readout)
    return bool(numbers) and all(math.isfinite(float(n)) for n in numbers) and "nan" not in readout.lower()


def press(handle, page, key: str, times: int = 1) -> None:
    handle.focus()
    for _ in range(times):
        page.keyboard.press(key)


def direction(handle) -> tuple[str, str]:
    """(towards the free side, back) for a handle: right unless it sits at its maximum."""
    now, top = (float(handle.get_attribute(a)) for a in ("aria-valuenow", "aria-valuemax"))
    return ("ArrowLeft", "ArrowRight") if now >= top else ("ArrowRight", "ArrowLeft")


def check_explorers(page, notebook: str, screenshot) -> None:
    """Every explorer of ``notebook`` (already run in ``page``) by keyboard, then the console (module docstring)."""
    page.wait_for_timeout(1000)  # widget views render after the kernel goes idle
    explorers = page.evaluate(LIST_EXPLORERS)
    stem = notebook.removesuffix(".ipynb")

    for info in explorers:
        explorer = page.locator(f".course-explorer-{info['name']}").first
        explorer.scroll_into_view_if_needed()
        for slider in info["sliders"]:
            handle = lab.slider_handle(page, slider)
            label = explorer.locator(f".course-slider-{slider} .widget-label").first.text_content().strip()
            # an accessible name (set by the course's script, batched every 250 ms): found by role and label
            page.wait_for_function("(h) => h.getAttribute('aria-label')", arg=handle.element_handle(), timeout=5_000)
            assert page.get_by_role("slider", name=label).count() >= 1, f"{stem}/{slider}: slider has no name"
            assert handle.get_attribute("aria-label") == label
            before = settle(page, explorer, slider)
            forward, _ = direction(handle)
            record_readouts(explorer)
            record_pictures(explorer)
            press(handle, page, forward)
            after = settle(page, explorer, slider)
            assert after[0] != before[0], f"{stem}/{slider}: {forward} did not move the slider"
            assert after[1] != before[1], f"{stem}/{slider}: the readout did not answer {forward}"
            assert parses(after[1]), f"{stem}/{slider}: readout does not read as numbers: {after[1]!r}"
            # whatever answered first (the look-ahead table or the kernel), it was already the final text
            shown = recorded_readouts(explorer)
            assert shown and set(shown) == {after[1]}, f"{stem}/{slider}: the readout showed {shown}"
            # and every picture the figure showed (one drawn ahead, then the kernel's) was the final one
            pictures = recorded_pictures(explorer)
            assert pictures or after[2] == before[2], f"{stem}/{slider}: a new picture, but none recorded"
            assert set(pictures) <= {after[2]}, f"{stem}/{slider}: the figure showed {pictures}, then {after[2]}"

        # a burst of 10 fast presses ends where the slow path to the same value ends
        slider = info["sliders"][0]
        handle = lab.slider_handle(page, slider)
        forward, back = direction(handle)
        press(handle, page, forward, times=10)
        # the figure follows the readout by one kernel frame per move: a longer quiet window, so that a loaded
        # machine's slow frames are not taken for the end of the burst
        fast = settle(page, explorer, slider, quiet_ms=1500)
        press(handle, page, back)
        settle(page, explorer, slider)
        press(handle, page, forward)
        slow = settle(page, explorer, slider)
        assert fast == slow, f"{stem}/{info['name']}: after a burst {fast} but slowly {slow}"
        screenshot(f"explorer_{stem}_{info['name']}", explorer)

    if notebook.startswith("02_"):
        drag_the_outlier(page)
    assert not page.console_errors, f"{stem}: browser console errors: {page.console_errors}"


def drag_the_outlier(page) -> None:
    """Chapter 02: grab the purple point with the mouse, drag it up to 4, check helpers' losses."""
    from helpers.explorers.ch02 import OUTLIER_DATA, outlier_explorer
    from helpers.losses import huber_loss, mean_absolute_error, mean_squared_error
    from helpers.style import use_course_style

    explorer = page.locator(".course-explorer-outlier").first
    explorer.scroll_into_view_if_needed()
    value = float(state(explorer, "outlier")[0])
    with matplotlib.rc_context():
        use_course_style()  # as in the notebook: same fonts, so the same layout and pixels
        model = outlier_explorer()  # the same figure, built here only to map data to pixels
    ax = model.figure.axes[0]
    height = model.figure.bbox.height
    canvas = explorer.locator("canvas.course-figure").first
    box = canvas.bounding_box()
    x0, y0 = ax.transData.transform((7, value))
    _, y1 = ax.transData.transform((7, 4.0))
    page.mouse.move(box["x"] + x0, box["y"] + height - y0)
    page.mouse.down()
    for k in range(1, 9):
        page.mouse.move(box["x"] + x0, box["y"] + height - (y0 + (y1 - y0) * k / 8))
        page.wait_for_timeout(40)
    page.mouse.up()
    shown, text = settle(page, explorer, "outlier")[:2]
    assert abs(float(shown) - 4.0) <= 0.1, f"dragging the point to 4 left the slider at {shown}"
    data = np.append(OUTLIER_DATA[:-1], float(shown))
    pred = np.ones(data.size)
    for name, loss in (("MSE", mean_squared_error), ("MAE", mean_absolute_error), ("Huber", huber_loss)):
        assert f"{name} = {format_number(loss(pred, data))}" in text, (name, text)
