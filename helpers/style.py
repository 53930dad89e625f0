"""The course's plot style: one look for every chapter, readable on a projector.

Importing this module changes nothing; call :func:`use_course_style` once in a
notebook's setup cell.  Colours come from the Okabe–Ito palette (safe for the
common forms of colour blindness) and each role also has its own line style, so
a plot still reads in greyscale.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from helpers import alt_text
from helpers.i18n import tr

__all__ = [
    "COLORS",
    "LINESTYLES",
    "MARKERS",
    "use_course_style",
    "japanese_font_path",
    "role_style",
]

#: Fixed colour roles (Okabe–Ito).  The same quantity has the same colour in every chapter.
COLORS: dict[str, str] = {
    "loss": "#D55E00",  # vermillion
    "gradient": "#0072B2",  # blue
    "prediction": "#E69F00",  # orange
    "target": "#009E73",  # bluish green
    "data": "#56B4E9",  # sky blue
    "other": "#CC79A7",  # reddish purple
    "neutral": "#7F7F7F",  # grey
}

#: Line styles that go with the colour roles, so lines differ by more than colour.
LINESTYLES: dict[str, str] = {
    "loss": "-",
    "gradient": "--",
    "prediction": "-.",
    "target": ":",
    "data": "-",
    "other": (0, (5, 1, 1, 1)),  # type: ignore[dict-item]
    "neutral": ":",
}

#: Markers for the same roles.
MARKERS: dict[str, str] = {
    "loss": "o",
    "gradient": "s",
    "prediction": "^",
    "target": "D",
    "data": "o",
    "other": "v",
    "neutral": ".",
}

_JAPANESE_FONT = "IPAexGothic"


def japanese_font_path() -> Path:
    """Path of the IPAex Gothic font shipped by the ``matplotlib-fontja`` package.

    Found without importing that package, whose import would change global
    matplotlib settings as a side effect.
    """
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            tr(
                "matplotlib-fontja is not installed; it provides the Japanese font for plots "
                "(pip install -r requirements.txt)",
                "matplotlib-fontja がインストールされていません。グラフの日本語フォントはこのパッケージに入っています"
                "（pip install -r requirements.txt）",
            )
        )
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "ipaexg.ttf"


def use_course_style() -> None:
    """Apply the course style to matplotlib (call once per notebook).

    * Latin text in DejaVu Sans with IPAex Gothic as the fallback for Japanese,
      so 損失 renders instead of tofu boxes and no missing-glyph warning appears.
    * Larger fonts and thicker lines for projectors.
    * Colour cycle in the Okabe–Ito palette.
    * Every figure shown in the notebook carries a text alternative for screen readers
      (:mod:`helpers.alt_text`).
    """
    path = str(japanese_font_path())
    if path not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    mpl.rcParams.update(
        {
            "font.family": ["DejaVu Sans", _JAPANESE_FONT],  # i18n: not prose
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "lines.linewidth": 2.0,
            "lines.markersize": 6,
            "figure.figsize": (6.4, 3.6),
            # glyphs as the font draws them, not snapped to the pixel grid: as legible here, and an
            # explorer's text-heavy frame (chapter 06) renders ≈ 20 % faster
            "text.hinting": "no_hinting",
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "legend.frameon": False,
            "axes.prop_cycle": mpl.cycler(
                color=[COLORS[k] for k in ("gradient", "loss", "target", "prediction", "other", "data")]
            ),
        }
    )
    alt_text.enable()


def role_style(role: str) -> dict[str, object]:
    """Keyword arguments (colour, line style, marker) for a line playing ``role``.

    Examples
    --------
    >>> role_style("loss")["color"]
    '#D55E00'
    """
    if role not in COLORS:
        raise ValueError(f"role must be one of {sorted(COLORS)}, got {role!r}")
    return {"color": COLORS[role], "linestyle": LINESTYLES[role]}
