"""The edition's language: English or Japanese (日本語版), for every string a learner reads.

The course has two editions built from one source: ``notebooks/`` (English) and ``notebooks/ja/``
(Japanese).  A helper that says something to the learner — a check's ✓ / ✗, a hint, a figure's
text alternative — writes both forms with :func:`tr` (or keeps a :class:`Text`), and the kernel's
edition decides which one is shown.

The edition is, in this order:

1. the environment variable ``COURSE_LANG`` (``en`` or ``ja``): ``tools/record.py`` sets it for the
   kernel that records the Japanese edition;
2. otherwise ``ja`` when the kernel runs in a folder named ``ja`` that holds chapter notebooks
   (``notebooks/ja/``, ``my-work/ja/``: a kernel starts in its notebook's folder, so nbval and
   ``python run.py lab-ja`` need no setting; a clone of the course in a folder named ``ja`` is not one);
3. otherwise ``en``.

It is looked up on every call, never cached at import.

Examples
--------
>>> import os
>>> os.environ["COURSE_LANG"] = "ja"
>>> tr("correct!", "正解です！")
'正解です！'
>>> str(Text("Hint", "ヒント"))
'ヒント'
>>> os.environ["COURSE_LANG"] = "en"
>>> tr("correct!", "正解です！")
'correct!'
>>> del os.environ["COURSE_LANG"]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

__all__ = ["LANGUAGES", "ENV", "Text", "lang", "localize", "tr"]

#: The editions: English and Japanese.
LANGUAGES = ("en", "ja")
#: The environment variable that chooses the edition.
ENV = "COURSE_LANG"


def lang() -> str:
    """The edition this kernel shows: ``"en"`` or ``"ja"`` (see the module docstring for how it is chosen).

    Raises
    ------
    ValueError
        If ``COURSE_LANG`` is set to something other than ``en`` or ``ja``.
    """
    chosen = os.environ.get(ENV, "").strip().lower()
    if chosen:
        if chosen not in LANGUAGES:
            raise ValueError(f"{ENV} must be one of {', '.join(LANGUAGES)}, got {chosen!r}")
        return chosen
    try:
        here = os.getcwd()  # (not Path.cwd(): tr() runs on every move of a readout)
    except OSError:  # the folder was deleted under a running kernel
        return "en"
    if os.path.basename(here) == "ja" and here not in _CHAPTER_FOLDERS and any(Path(here).glob("[0-9][0-9]_*.ipynb")):
        _CHAPTER_FOLDERS.add(here)
    return "ja" if here in _CHAPTER_FOLDERS else "en"


#: Folders named ja found holding chapters (looked at until they do, then not again: tr() runs on every move).
_CHAPTER_FOLDERS: set[str] = set()


class Text(NamedTuple):
    """A string in both editions; ``str(text)`` is the one of the current edition."""

    en: str
    ja: str

    def __str__(self) -> str:
        return self.ja if lang() == "ja" else self.en


def tr(en: str, ja: str) -> str:
    """``en`` in the English edition, ``ja`` in the Japanese one.

    Raises
    ------
    TypeError
        If ``en`` or ``ja`` is not a string.
    """
    for name, value in (("en", en), ("ja", ja)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return ja if lang() == "ja" else en


def localize(text: str | Text) -> str:
    """A plain string (as it is: not converted yet) or a :class:`Text` in the current edition."""
    if isinstance(text, Text):
        return str(text)
    if isinstance(text, str):
        return text
    raise TypeError(f"text must be a str or helpers.i18n.Text, got {type(text).__name__}")
