"""Chapter 00's tools: a test slider that proves widgets work, and a check of the installed stack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from helpers.i18n import tr
from helpers.live import Explorer, format_number, live_figure, slider
from helpers.style import COLORS, LINESTYLES, MARKERS

__all__ = [
    "square_explorer",
    "square_readout",
    "PackageCheck",
    "check_environment",
    "environment_report",
]


#: The packages whose versions change what a learner sees (digits, widgets, fonts).
KEY_PACKAGES = ("numpy", "matplotlib", "matplotlib-fontja", "ipywidgets", "anywidget", "jupyterlab")

#: requirements.txt of the course (``helpers`` is installed in editable mode from the repository).
REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


def square_readout(x: float) -> str:
    """The readout of :func:`square_explorer` for slider value ``x`` (HTML)."""
    return f"x = {x:.2f} &nbsp;→&nbsp; <b>x² = {format_number(x * x)}</b>"


def square_explorer(x0: float = 1.5) -> Explorer:
    """A slider on ``x`` with a live readout ``x²`` and a dot riding the parabola.

    If moving the slider changes the number *and* moves the dot, the three
    layers a course explorer needs all work: the widget (ipywidgets), the
    kernel round trip (the readout is computed in Python) and the live canvas
    (:mod:`helpers.live.canvas`).

    Returns
    -------
    Explorer
        ``explorer.set(x=2.0)`` moves the slider from code.
    """
    fig = live_figure((4.8, 2.6))
    ax = fig.subplots()
    grid = np.linspace(-3.0, 3.0, 121)
    ax.plot(grid, grid**2, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="x²")
    (dot,) = ax.plot(
        [], [], MARKERS["prediction"], color=COLORS["prediction"], markersize=11, label=tr("you are here", "現在の位置")
    )
    ax.set(xlim=(-3.1, 3.1), ylim=(-0.3, 9.5), xlabel="x", ylabel="x²")
    ax.set_title(tr("widget test (ウィジェットの確認)", "ウィジェットの確認"))
    ax.legend(loc="upper center")  # i18n: not prose

    def draw(x: float) -> None:
        dot.set_data([x], [x * x])

    control = slider("x", min=-3.0, max=3.0, step=0.1, value=x0, name="x")
    return Explorer({"x": control}, readout=square_readout, draw=draw, figure=fig, name="square")


@dataclass(frozen=True)
class PackageCheck:
    """How one installed package compares with its pin in requirements.txt."""

    name: str
    installed: str | None
    pinned: str | None

    @property
    def ok(self) -> bool:
        return self.installed is not None and self.installed == self.pinned

    def line(self) -> str:
        """One stable line for the notebook: no version numbers unless something is wrong."""
        name = f"{self.name:18s}"
        if self.installed is None:
            return tr(
                f"✗ {name} is not installed — run `python run.py lab` (it installs requirements.txt)",
                f"✗ {name} がインストールされていません。`python run.py lab-ja` を実行してください"
                "（requirements.txt をインストールします）",
            )
        if self.pinned is None:
            return tr(
                f"? {name} {self.installed} is installed, but requirements.txt has no pin for it",
                f"? {name} {self.installed} がインストールされていますが、"
                "requirements.txt にバージョンの指定がありません",
            )
        if not self.ok:
            return tr(
                f"✗ {name} {self.installed} is installed but the course pins {self.pinned}: "
                "recorded numbers and widgets may differ — run `python run.py setup`",
                f"✗ {name} {self.installed} がインストールされていますが、コースの指定は {self.pinned} です。"
                "記録された数値やウィジェットと違う可能性があります。`python run.py setup` を実行してください",
            )
        return tr(f"✓ {name} matches requirements.txt", f"✓ {name} requirements.txt と一致しています")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(requirements: Path) -> dict[str, str]:
    pins = {}
    for raw in requirements.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        name, sep, version = line.partition("==")
        if sep:
            pins[_norm(name)] = version.strip()
    return pins


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def check_environment(
    packages: tuple[str, ...] = KEY_PACKAGES, requirements: Path | str = REQUIREMENTS
) -> list[PackageCheck]:
    """Compare installed versions of ``packages`` with the pins in ``requirements``.

    Parameters
    ----------
    packages : tuple of str
        Distribution names, e.g. ``("numpy", "anywidget")``.
    requirements : path
        A pip requirements file with ``name==version`` pins.

    Returns
    -------
    list of PackageCheck
        One per package, in the given order.

    Raises
    ------
    FileNotFoundError
        If ``requirements`` does not exist.
    """
    path = Path(requirements)
    if not path.is_file():
        raise FileNotFoundError(f"requirements must be the course's requirements.txt; {path} does not exist")
    pins = _pins(path)
    return [PackageCheck(name, _installed(name), pins.get(_norm(name))) for name in packages]


def environment_report(packages: tuple[str, ...] = KEY_PACKAGES, requirements: Path | str = REQUIREMENTS) -> str:
    """The text chapter 00 prints: one ✓/✗ line per package and a verdict.

    The text contains no version numbers when everything matches, so the
    recorded output is the same on every correctly set-up machine.
    """
    checks = check_environment(packages, requirements)
    lines = [c.line() for c in checks]
    bad = sum(not c.ok for c in checks)
    if bad:
        lines.append(
            tr(
                f"{bad} of {len(checks)} packages differ from the course's pins (see above).",
                f"{len(checks)}個のパッケージのうち{bad}個が、コースの指定と異なります（上を参照）。",
            )
        )
    else:
        lines.append(
            tr(
                f"All {len(checks)} packages match the versions the course was recorded with.",
                f"{len(checks)}個のパッケージすべてが、コースを記録したときのバージョンと一致しています。",
            )
        )
    return "\n".join(lines)
