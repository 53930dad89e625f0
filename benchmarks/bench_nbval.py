"""nbval over the course against nbval over as many one-cell notebooks, in one run.

The one-cell notebooks (``print(1)``) cost what every notebook costs whatever it
holds: a kernel start and nbval's own work.  Their time is the floor; the course's
time over it is the ratio issue targets name (≤ 2.5).  Both are timed in the same
run, alternately, so that the machine's load touches both alike.

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
        floor_paths = []
        for i in range(len(course)):
            path = Path(tmp) / f"one_cell_{i:02d}.ipynb"
            path.write_text(json.dumps(one_cell_notebook()), encoding="utf-8")
            floor_paths.append(path)
        course_s, floor_s = [], []
        for _ in range(args.repeats):
            floor_s.append(nbval_seconds(floor_paths))
            course_s.append(nbval_seconds(course))
    c, f = statistics.median(course_s), statistics.median(floor_s)
    print(f"nbval, {len(course)} course notebooks: {c:.1f} s (runs: {', '.join(f'{s:.1f}' for s in course_s)})")
    print(f"nbval, {len(course)} one-cell notebooks: {f:.1f} s (runs: {', '.join(f'{s:.1f}' for s in floor_s)})")
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
