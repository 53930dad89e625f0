"""nbval over the course against nbval over as many one-cell notebooks, in one run.

The one-cell notebooks (``print(1)``) cost what every notebook costs whatever it
holds: a kernel start and nbval's own work.  Their time is the floor; the course's
time over it is the ratio issue targets name (≤ 2.5).  A third set, as many notebooks
holding only a chapter's set-up cell and one small figure, says what the least a chapter
does costs against that floor.  All are timed in the same run, alternately, so that the
machine's load touches them alike.

Run::

    python run.py bench-nbval                 # every recorded notebook, both editions
    python benchmarks/bench_nbval.py --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from tools.commands import NBVAL_OPTIONS  # noqa: E402


def one_cell_notebook() -> dict:
    """A notebook with one code cell, ``print(1)``, and its recorded output."""
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "id": "only",
                "metadata": {},
                "outputs": [{"name": "stdout", "output_type": "stream", "text": ["1\n"]}],
                "source": ["print(1)"],
            }
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


#: Every chapter's first code cell (its set-up) and the smallest figure a chapter shows.
SETUP_CELL = """import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
from helpers.i18n import tr
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()"""
FIGURE_CELL = """fig, ax = plt.subplots()
ax.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2, color=COLORS["loss"])
ax.set(title=tr("loss", "損失"), xlabel="w", ylabel="L(w)")
plt.show()"""


def setup_notebook() -> dict:
    """A chapter's least: its set-up cell and one small figure (whose output nbval is told to ignore)."""
    nb = one_cell_notebook()
    nb["cells"] = [
        {**nb["cells"][0], "id": "setup", "outputs": [], "source": SETUP_CELL.splitlines(keepends=True)},
        {
            **nb["cells"][0],
            "id": "figure",
            "execution_count": 2,
            "metadata": {"tags": ["nbval-ignore-output"]},
            "outputs": [],
            "source": FIGURE_CELL.splitlines(keepends=True),
        },
    ]
    return nb


def nbval_seconds(paths: list[Path]) -> float:
    """Wall seconds of one nbval run over ``paths``; raises if nbval fails."""
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *NBVAL_OPTIONS, *map(str, paths)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy())
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"nbval failed:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="alternate runs of each (default 1)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error(f"--repeats must be a whole number ≥ 1, got {args.repeats}")
    load_before = os.getloadavg()[0]
    course = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    with tempfile.TemporaryDirectory(prefix=".bench-nbval-", dir=ROOT) as tmp:  # under ROOT: same pytest rootdir
        floor_paths, setup_paths = [], []
        for i in range(len(course)):
            for kind, make, paths in (
                ("one_cell", one_cell_notebook, floor_paths),
                ("setup", setup_notebook, setup_paths),
            ):
                path = Path(tmp) / f"{kind}_{i:02d}.ipynb"
                path.write_text(json.dumps(make()), encoding="utf-8")
                paths.append(path)
        course_s, floor_s, setup_s = [], [], []
        for _ in range(args.repeats):
            floor_s.append(nbval_seconds(floor_paths))
            setup_s.append(nbval_seconds(setup_paths))
            course_s.append(nbval_seconds(course))
    c, f, m = statistics.median(course_s), statistics.median(floor_s), statistics.median(setup_s)
    runs = {
        name: ", ".join(f"{s:.1f}" for s in times) for name, times in (("c", course_s), ("f", floor_s), ("m", setup_s))
    }
    print(f"nbval, {len(course)} course notebooks: {c:.1f} s (runs: {runs['c']})")
    print(f"nbval, {len(course)} one-cell notebooks: {f:.1f} s (runs: {runs['f']})")
    print(f"nbval, {len(course)} set-up + one figure notebooks: {m:.1f} s (runs: {runs['m']}); ratio {m / f:.2f}")
    editions = ", ".join(
        f"{sum(1 for p in course if p.parent == d)} in {d.relative_to(ROOT)}"
        for d in dict.fromkeys(p.parent for p in course)
    )
    print(f"notebooks: {editions}")
    print(
        f"ratio course / floor: {c / f:.2f} (target ≤ 2.5); "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )


if __name__ == "__main__":
    main()
