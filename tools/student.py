"""Write the student edition of the course: the notebooks without their solutions.

    python tools/student.py                # notebooks/ -> student/
    python tools/student.py --out DIR      # somewhere else

Every cell tagged ``solution`` is removed from the file — not hidden, gone — so
neither its source nor its recorded output (the ✓) reaches the students.  The
exercise stub just above each solution stays as it is, with its recorded
"✗ … no answer yet" output; every other cell is copied unchanged.  ``student/``
is git-ignored: it is rebuilt from the solution edition, never edited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STUDENT = ROOT / "student"
SOLUTION_TAG = "solution"


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without its solution cells (``nb`` itself is not modified)."""
    out = nbformat.from_dict(nb)  # a deep copy
    out.cells = [c for c in out.cells if not is_solution(c)]
    return out


def write_student_edition(src: Path = NOTEBOOKS, out: Path = STUDENT) -> list[Path]:
    """Write the student edition of every ``NN_*.ipynb`` in ``src`` to ``out``; return the files written.

    Stale ``NN_*.ipynb`` files in ``out`` (a chapter that no longer exists) are removed;
    nothing else in ``out`` is touched.
    """
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(src.glob("[0-9][0-9]_*.ipynb"))
    if not sources:
        raise SystemExit(f"no notebooks in {src}: run `make record` first")
    names = {p.name for p in sources}
    for stale in out.glob("[0-9][0-9]_*.ipynb"):
        if stale.name not in names:
            stale.unlink()
    written = []
    for path in sources:
        nb = student_notebook(nbformat.read(path, as_version=4))
        nbformat.validate(nb)
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=STUDENT, help="where to write (default: student/)")
    args = parser.parse_args(argv)
    for path in write_student_edition(NOTEBOOKS, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
