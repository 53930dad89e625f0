"""Chapter 01 in a real browser: run every cell, move the slope slider, reveal least squares, drag a point."""

from __future__ import annotations

import re

import lab
import matplotlib
import numpy as np
from explorer_checks import check_explorers

from helpers.data import toy_regression
from helpers.explorers import ch01
from helpers.live import format_number
from helpers.style import use_course_style

X, Y = toy_regression()


def slider_value(page, name: str) -> float:
    text = page.locator(f".course-slider-{name} .widget-readout").first.text_content()
    return float(text.replace("\u2212", "-"))


def losses_shown(text: str, which: str) -> tuple[str, str]:
    m = re.search(which + r" y = .*?SSE = (\S+) · MSE = (\S+)", text)
    assert m, f"no {which} losses in readout {text!r}"
    return m.group(1), m.group(2)


def expected(w: float, b: float, y=Y) -> tuple[str, str]:
    sse, mse = ch01.line_losses(w, b, X, y)
    return format_number(sse), format_number(mse)


def wait_for_text(page, want: str) -> None:
    page.wait_for_function(
        "(want) => document.querySelector('.course-readout-fit')?.textContent.includes(want)",
        arg=want,
        timeout=10_000,
    )


def point_on_canvas(page, index: int, y_value: float) -> tuple[float, float]:
    """Page coordinates of point ``index`` drawn at ``y_value``: the same figure laid out in this process."""
    with matplotlib.rc_context():
        use_course_style()
        fe = ch01.fit_explorer()
        fe.explorer.figure.canvas.draw()
        px, py = fe.ax_fit.transData.transform((X[index], y_value))
        height = fe.explorer.figure.bbox.height
    box = page.locator(".course-explorer-fit canvas.course-figure").first.bounding_box()
    scale = box["height"] / height
    return box["x"] + px * scale, box["y"] + (height - py) * scale


def test_ch01_runs_sliders_toggle_and_drag_move_the_loss(page, run_notebook, screenshot):
    run_notebook("01_why_loss.ipynb")
    handle = lab.slider_handle(page, "slope")
    page.locator(".course-button-reset").first.click()  # known state: the data set's points
    wait_for_text(page, "your line")
    page.wait_for_function(
        "() => !document.querySelector('.course-readout-fit').textContent.includes('you moved')", timeout=10_000
    )

    # keyboard: four steps of 0.05 on the slope
    w0, b0 = slider_value(page, "slope"), slider_value(page, "intercept")
    handle.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    w1 = round(w0 + 0.2, 2)
    wait_for_text(page, f"y = {w1:.2f}·x + {b0:.2f}")
    assert slider_value(page, "slope") == w1
    assert losses_shown(lab.readout(page, "fit"), "your line") == expected(w1, b0)

    # reveal the least-squares line: its losses are polyfit's
    toggle = page.locator(".course-toggle-best").first
    if "mod-active" in (toggle.get_attribute("class") or ""):
        toggle.click()  # start from hidden
        page.wait_for_timeout(300)
    toggle.click()
    wait_for_text(page, "least squares")
    w_ls, b_ls = np.polyfit(X, Y, 1)
    assert losses_shown(lab.readout(page, "fit"), "least squares") == expected(w_ls, b_ls) == ("9.66842", "0.483421")
    screenshot("ch01_fit_explorer_least_squares", page.locator(".course-explorer-fit").first)

    # drag the rightmost point down with the mouse
    index = 19
    px, py = point_on_canvas(page, index, Y[index])
    page.mouse.move(px, py)
    page.mouse.down()
    for dy in range(15, 91, 15):  # one move per frame, as a hand would
        page.mouse.move(px, py + dy, steps=3)
        page.wait_for_timeout(250)
    page.mouse.up()
    wait_for_text(page, f"you moved point {index} to t = ")
    page.wait_for_timeout(500)  # let the last motion event's update arrive
    text = lab.readout(page, "fit")
    m = re.search(r"you moved point (\d+) to t = (\S+)", text)
    assert m and int(m.group(1)) == index
    y_new = float(m.group(2))
    assert y_new < Y[index] - 1  # dragged down by at least a unit (90 px is about five)
    y = Y.copy()
    y[index] = y_new
    assert losses_shown(text, "your line") == expected(w1, b0, y)
    w_ls, b_ls = np.polyfit(X, y, 1)
    assert losses_shown(text, "least squares") == expected(w_ls, b_ls, y)
    assert losses_shown(text, "least squares") != ("9.66842", "0.483421")  # the best line responded to the drag

    screenshot("ch01_fit_explorer_dragged", page.locator(".course-explorer-fit").first)
    check_explorers(page, "01_why_loss.ipynb", screenshot)  # every explorer by keyboard, and the console
