"""Chapter 00 in a real browser: run every cell, then move the test slider by keyboard."""

from __future__ import annotations

import re

import lab
import matplotlib
import numpy as np
from explorer_checks import check_explorers

from helpers.live import format_number


def expected_pixels(x: float) -> np.ndarray:
    """The square explorer at ``x``, rendered here in the test process with the notebook's style."""
    from helpers.explorers.ch00 import square_explorer
    from helpers.style import use_course_style

    with matplotlib.rc_context():
        use_course_style()
        explorer = square_explorer(x)
        explorer.figure.canvas.draw()
        return np.asarray(explorer.figure.canvas.get_renderer().buffer_rgba()).copy()


def slider_value(page) -> float:
    return float(page.locator(".course-slider-x .widget-readout").first.text_content().replace("\u2212", "-"))


def shown_square(page) -> str:
    text = lab.readout(page, "square")
    m = re.search(r"x² = (\S+)", text)
    assert m, f"no x² in readout {text!r}"
    return m.group(1)


def test_ch00_runs_and_test_slider_answers(page, server, run_notebook, screenshot):
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

    # the picture: exactly the pixels the kernel rendered (zlib frame, inflated and painted by the page)
    explorer = page.locator(".course-explorer-square").first
    page.wait_for_timeout(500)  # the frame follows the readout
    np.testing.assert_array_equal(lab.figure_pixels(explorer), expected_pixels(x1))
    screenshot("ch00_square_explorer", explorer)
    # A slow kernel: every explorer's refresh made to take 4 s (patched from a second client; a busy
    # cell would not do, as JupyterLab sends widget messages over a subshell that answers meanwhile).
    # The next key press is still answered at once by the readout's look-ahead table (sent after the
    # last move); the kernel's own answer and its frame, 4 s later, say the same.
    x2 = round(x1 + 0.1, 2)
    want_hash = lab.pixels_hash(expected_pixels(x2))
    frame = int(explorer.locator("canvas.course-figure").get_attribute("data-frame"))
    client = lab.kernel_client(server, "00_start_here.ipynb")
    try:
        slow = "import time, helpers.live.explorer as w; w._fast = w.Explorer.refresh; "
        slow += "w.Explorer.refresh = lambda self: (time.sleep(4), w._fast(self))[1]"
        assert client.execute(slow, reply=True, timeout=30)["content"]["status"] == "ok"
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "(want) => document.querySelector('.course-readout-square')?.textContent.includes(want)",
            arg=f"x = {x2:.2f}",
            timeout=1_500,  # well before the kernel answers
        )
        assert shown_square(page) == format_number(x2 * x2)
        page.wait_for_function(  # the kernel's own frame for this move, 4 s later
            "([want]) => document.querySelector('.course-explorer-square canvas')?.dataset.frame === want",
            arg=[str(frame + 1)],
            timeout=20_000,
        )
        assert slider_value(page) == x2 and shown_square(page) == format_number(x2 * x2)
        assert lab.figure_pixels_hash(explorer) == want_hash  # the same pixels
    finally:
        restore = "import helpers.live.explorer as w; w.Explorer.refresh = getattr(w, '_fast', w.Explorer.refresh)"
        client.execute(restore, reply=True, timeout=30)
        client.stop_channels()

    check_explorers(page, "00_start_here.ipynb", screenshot)  # every explorer by keyboard, and the console
