"""Chapter 06 in a real browser: run every cell, then step through the backward pass."""

from __future__ import annotations

import lab
from explorer_checks import check_explorers

from helpers.explorers.ch06 import T, X, worked_example_net
from helpers.live import format_number

BW = worked_example_net().backward(X, T)


def wait_for_step(page, k: int) -> str:
    page.wait_for_function(
        "(want) => document.querySelector('.course-readout-backprop')?.textContent.startsWith(want)",
        arg=f"Step {k} / 6",
        timeout=10_000,
    )
    return lab.readout(page, "backprop")


def test_ch06_runs_and_steps_through_backward_pass(page, run_notebook, screenshot):
    run_notebook("06_backprop.ipynb")
    assert lab.readout(page, "backprop").startswith("Step 0 / 6 — forward pass")

    # keyboard: focus the step slider and walk backwards through the network
    handle = lab.slider_handle(page, "step")
    handle.focus()
    page.keyboard.press("ArrowRight")
    text = wait_for_step(page, 1)
    assert f"= {format_number(BW.delta2[0])}" in text  # δ2 = y − t = -0.133216

    # two quick presses: the readout walks 1 → 2 → 3 and never flashes back to an older step
    explorer = page.locator(".course-explorer-backprop").first
    explorer.evaluate(
        """(ex) => { const ro = ex.querySelector('.course-readout'); ex.__steps = [];
            new MutationObserver(() => ex.__steps.push(ro.textContent)).observe(
              ro, { childList: true, subtree: true, characterData: true }); }"""
    )
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_step(page, 3)
    page.wait_for_timeout(1000)  # every answer of the kernel has arrived
    text = lab.readout(page, "backprop")
    assert text.startswith("Step 3 / 6") and f"= {format_number(BW.delta1[0])}" in text  # δ1₁ = -0.0161522
    steps = [int(t.split("Step ")[1].split(" ")[0]) for t in explorer.evaluate("(ex) => ex.__steps") if "Step " in t]
    assert steps == sorted(steps) and steps[-1] == 3, f"the readout went {steps}"

    # the Next button does the same
    page.locator(".course-explorer-backprop .course-button-next").first.click()
    text = wait_for_step(page, 4)
    assert f"= {format_number(BW.delta1[1])}" in text  # δ1₂ = -0.0187837
    page.wait_for_timeout(800)  # let the canvas redraw before the picture
    screenshot("ch06_backprop_explorer", page.locator(".course-explorer-backprop").first)

    page.locator(".course-explorer-backprop .course-button-prev").first.click()
    assert f"= {format_number(BW.delta1[0])}" in wait_for_step(page, 3)
    check_explorers(page, "06_backprop.ipynb", screenshot)  # every explorer by keyboard, and the console
