"""Ready-made explorers, one module per chapter (``chNN.py``), built on :mod:`helpers.live`.

Each chapter's module is imported when it is first used: ``helpers.explorers.ch05.descent_explorer()`` in the
explorer's cell loads ``ch05`` and the live layer then, not in the chapter's set-up cell.
"""

import importlib
import importlib.util
import re

_CHAPTER = re.compile(r"ch\d\d")


def __getattr__(name: str):
    """``helpers.explorers.chNN`` not imported yet: import it now (PEP 562)."""
    if _CHAPTER.fullmatch(name) and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
