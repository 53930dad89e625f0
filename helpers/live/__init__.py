"""The live layer — not for learners' reading: how the explorers answer a key press in the page.

No maths of a chapter lives here (the teaching modules never import it); each chapter's explorer
(helpers/explorers/) is built on it: explorer.py (Explorer, slider, live_figure, drag), canvas.py
(the live figure), readout.py (the readout and its look-ahead), numberbox.py, and each widget's *.js.
"""

from helpers.live.explorer import (
    SLIDER_LABEL_WIDTH,
    SLIDER_WIDTH,
    Explorer,
    drag,
    draggable,
    format_number,
    large_text,
    live_figure,
    slider,
)

__all__ = ["Explorer", "slider", "live_figure", "format_number", "drag", "draggable", "large_text"]
__all__ += ["SLIDER_LABEL_WIDTH", "SLIDER_WIDTH"]
