"""The slowest code cells of recorded notebooks: each notebook run once in one fresh kernel, timed per cell.

Where bench_nbval.py says how far nbval is from its floor, this says which cells make the
difference (figures, training, explorers' first render, set-up imports).  Nothing is written:
the notebooks are executed in memory and their recorded outputs are left alone.

Run (through the course's Python, so the kernel sees the course's environment)::

    .venv/bin/python benchmarks/profile_cells.py notebooks/05_gradient_descent.ipynb --top 6
    .venv/bin/python benchmarks/profile_cells.py notebooks notebooks/ja     # every chapter, both editions
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from tools.commands import child_env  # noqa: E402


def notebooks(paths: list[str]) -> list[Path]:
    """The ``.ipynb`` files named, or found directly in the folders named, in order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(path.glob("*.ipynb")))
        elif path.suffix == ".ipynb" and path.is_file():
            found.append(path)
        else:
            raise ValueError(f"paths must be notebooks (.ipynb) or folders holding them, got {name!r}")
    return found


def _seconds(cell) -> float | None:
    """Seconds between the kernel taking the cell and its reply (nbclient's recorded timing)."""
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def profile(path: Path, top: int) -> None:
    """Execute ``path`` in a fresh kernel and print its total and its ``top`` slowest code cells."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=900, kernel_name="python3", record_timing=True, resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    total = time.perf_counter() - start
    rows = []
    for index, cell in enumerate(nb.cells):
        seconds = _seconds(cell) if cell.cell_type == "code" else None
        if seconds is not None:
            first_line = cell.source.splitlines()[0] if cell.source.strip() else ""
            rows.append((seconds, index, first_line[:70]))
    rows.sort(reverse=True)
    print(f"== {path}: {total:.1f} s in all (load average {os.getloadavg()[0]:.1f})")
    for seconds, index, first_line in rows[:top]:
        print(f"  {seconds:6.2f} s  cell {index:3d}  {first_line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="notebooks, or folders of notebooks")
    parser.add_argument("--top", type=int, default=5, help="slowest cells shown per notebook (default 5)")
    args = parser.parse_args()
    if args.top < 1:
        parser.error(f"--top must be a whole number ≥ 1, got {args.top}")
    try:
        paths = notebooks(args.paths)
    except ValueError as error:
        parser.error(str(error))
    os.environ.update(child_env())  # the kernels get what run.py gives them (one OpenBLAS kernel family)
    for path in paths:
        profile(path, args.top)


if __name__ == "__main__":
    main()
