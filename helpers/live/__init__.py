"""The live layer — not for learners' reading: how the explorers answer a key press in the page.

Nothing in a chapter's argument lives here: the maths is in the teaching modules
(``helpers.losses``, ``helpers.fit``, ``helpers.network`` …), which never import
this package; each chapter's explorer (helpers/explorers/) is built on it.

explorer    Explorer, slider, live_figure, draggable, large_text, format_number
canvas      the live figure widget: Agg frames painted in the page
readout     the readout widget, with the next moves' text computed ahead
numberbox   a labelled number box that sets its slider in the page
*.js        the page's half of each widget
"""

from helpers.live.explorer import (
    SLIDER_LABEL_WIDTH,
    SLIDER_WIDTH,
    Explorer,
    draggable,
    format_number,
    large_text,
    live_figure,
    send_now,
    slider,
)

__all__ = ["Explorer", "slider", "live_figure", "format_number", "draggable", "send_now", "large_text"]
__all__ += ["SLIDER_LABEL_WIDTH", "SLIDER_WIDTH"]
