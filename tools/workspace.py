"""The learner's own copies of the course: ``my-work/``.

    python tools/workspace.py sync         copy chapters that are missing from my-work/ (never overwrite)
    python tools/workspace.py reset 02     restore chapter 02; your version is kept beside it
    python tools/workspace.py first        print the notebook JupyterLab should open first

``notebooks/`` holds the recorded originals that nbval checks; learners work in
``my-work/`` (git-ignored), so no course command ever overwrites their edits.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORIGINALS = ROOT / "notebooks"
WORK = ROOT / "my-work"


def originals() -> list[Path]:
    return sorted(ORIGINALS.glob("[0-9][0-9]_*.ipynb"))


def sync(work: Path = WORK) -> list[Path]:
    """Copy every original that has no copy in ``work`` yet; return the ones copied."""
    work.mkdir(exist_ok=True)
    copied = []
    for nb in originals():
        target = work / nb.name
        if not target.exists():
            shutil.copy2(nb, target)
            copied.append(target)
    return copied


def reset(chapter: str, work: Path = WORK) -> tuple[Path, Path | None]:
    """Restore the original of ``chapter``; keep the learner's file as ``<name>.mine-<time>.ipynb``."""
    matches = [nb for nb in originals() if nb.name.startswith(chapter)]
    if len(matches) != 1:
        names = ", ".join(nb.name[:2] for nb in originals())
        raise SystemExit(f"chapter must be one of {names}, got {chapter!r}")
    original = matches[0]
    target = work / original.name
    kept = None
    if target.exists():
        kept = target.with_name(f"{original.stem}.mine-{time.strftime('%Y%m%d-%H%M%S')}.ipynb")
        target.rename(kept)
    work.mkdir(exist_ok=True)
    shutil.copy2(original, target)
    return target, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync")
    sub.add_parser("first")
    r = sub.add_parser("reset")
    r.add_argument("chapter", help="chapter number, e.g. 02")
    args = parser.parse_args(argv)
    if args.command == "sync":
        for path in sync():
            print(f"new chapter copied to {path.relative_to(ROOT)}")
    elif args.command == "first":
        print(originals()[0].name)
    else:
        target, kept = reset(args.chapter)
        if kept:
            print(f"your version is kept as {kept.relative_to(ROOT)}")
        print(f"restored {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
