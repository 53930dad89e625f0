"""After Restart & Run All, every explorer on the page shows the state its kernel ended in (issue 13).

The page used to send a slider's earlier value back (its own rounding of a value set by code,
``-0.49999999999999956`` for ``-0.5``) after a later cell had moved on, so chapter 00 ended on
x = −0.50 although its last cell set 1.5.  Here, for every explorer: the slider's own readout, the
explorer's readout and the figure's pixels equal the kernel's, and the kernel's values are the ones
the notebook's last cells set (:data:`LAST_SET`).
"""

from __future__ import annotations

import json

import lab
import pytest
from playwright.sync_api import expect

#: Run in the notebook's kernel: every live explorer's name, values, readout text and the hash of its last frame.
KERNEL_STATE = r"""
import gc as _gc, json as _json
import numpy as _np
from helpers.live import Explorer as _Explorer
def _hash(p):
    h = 2166136261
    for w in _np.ascontiguousarray(p, dtype=_np.uint8).view('<u4').ravel().tolist():
        h = ((h ^ w) * 16777619) & 0xFFFFFFFF
    return str(h)
_seen = {}
for _e in _gc.get_objects():
    if isinstance(_e, _Explorer) and _e.widget.comm is not None:
        c = _e.figure.canvas if _e.figure is not None else None
        _seen[_e.name] = {
            "values": {
                next((c[14:] for c in w._dom_classes if c.startswith("course-slider-")), k): w.value
                for k, w in _e.controls.items()
            },
            "readout": _e.readout_text,
            "pixels": _hash(c._last_sent) if c is not None and c._last_sent is not None else None,
        }
print("STATE" + _json.dumps(_seen))
"""

#: What the last cell of each chapter sets, by explorer and control (the page must end there).
LAST_SET = {
    "00_start_here.ipynb": {"square": {"x": -2.5}},  # (its exercise cell sets it last)
    "01_why_loss.ipynb": {"fit": {"slope": 1.0, "intercept": 3.0}},
    "02_sse_mse.ipynb": {"outlier": {"outlier": 1.0}, "probability": {"p": 0.6}},
    "05_gradient_descent.ipynb": {"descent": {"lr": 0.1, "steps": 30}},
    "07_computational_graph.ipynb": {"graph": {"graph-apple-num": 2, "graph-apple": 100}},
}

NOTEBOOKS = [
    "00_start_here.ipynb",
    "01_why_loss.ipynb",
    "02_sse_mse.ipynb",
    "03_cross_entropy.ipynb",
    "05_gradient_descent.ipynb",
    "07_computational_graph.ipynb",
]


def kernel_state(server, name: str) -> dict:
    client = lab.kernel_client(server, name)
    try:
        out = []
        client.execute_interactive(
            KERNEL_STATE, output_hook=lambda m: out.append(m["content"].get("text", "")), timeout=60
        )
    finally:
        client.stop_channels()
    text = "".join(out)
    return json.loads(text[text.index("STATE") + 5 :])


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_ends_in_the_kernels_state_after_run_all(notebook, page, server, run_notebook):
    run_notebook(notebook)
    page.wait_for_timeout(3000)  # let late messages (the echoes this test is about) arrive
    state = kernel_state(server, notebook)
    assert state, f"{notebook}: no explorer found in the kernel"
    for name, want in LAST_SET.get(notebook, {}).items():
        for control, value in want.items():
            assert round(state[name]["values"][control], 9) == value, f"{notebook}/{name}: kernel ended on {state}"
    for name, kernel in state.items():
        explorer = page.locator(f".course-explorer-{name}").first
        explorer.scroll_into_view_if_needed()
        readout = explorer.locator(".course-readout").first
        try:  # wait for the view to show the kernel's readout (no fixed pause); the assert below says what it shows
            expect(readout).to_have_text(" ".join(kernel["readout"].split()), timeout=10_000)
        except AssertionError:
            pass
        shown = readout.text_content().strip()
        assert " ".join(shown.split()) == " ".join(kernel["readout"].split()), f"{notebook}/{name}: page {shown!r}"
        for control, value in kernel["values"].items():
            slider = explorer.locator(f".course-slider-{control} .widget-readout")
            if slider.count() and isinstance(value, float):
                text = slider.first.text_content().strip().replace("\u2212", "-")
                assert abs(float(text) - value) < 1e-6, f"{notebook}/{name}/{control}: page {text}, kernel {value}"
        if kernel["pixels"] is not None:
            assert lab.figure_pixels_hash(explorer) == kernel["pixels"], f"{notebook}/{name}: the figure differs"
