"""The learner's own copies of the course: ``my-work/``.

    python tools/workspace.py sync         copy chapters that are missing from my-work/ (never overwrite)
    python tools/workspace.py status       which copies you edited, which chapters changed upstream
    python tools/workspace.py reset 02     restore chapter 02; your version is kept beside it
    python tools/workspace.py first        print the notebook JupyterLab should open first

``notebooks/`` holds the recorded originals that nbval checks; learners work in
``my-work/`` (git-ignored), so no course command ever overwrites their edits.

``my-work/.course-copies.json`` remembers a fingerprint of each original when it was
copied.  When a chapter is updated in ``notebooks/`` (``git pull``, ``make record``),
``sync`` brings the new version only into copies the learner never saved (their bytes
are still the old original's); an edited copy is left alone and reported, and
``reset NN`` gets the new version while keeping the learner's file as
``NN_slug.mine-<time>.ipynb``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORIGINALS = ROOT / "notebooks"
WORK = ROOT / "my-work"
MANIFEST = ".course-copies.json"


def originals(src: Path | None = None) -> list[Path]:
    return sorted((src or ORIGINALS).glob("[0-9][0-9]_*.ipynb"))


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load(work: Path) -> dict[str, str]:
    try:
        return json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _save(work: Path, manifest: dict[str, str]) -> None:
    tmp = work / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(work / MANIFEST)


def _copy_new(original: Path, target: Path) -> None:
    """Copy ``original`` to ``target`` only if ``target`` does not exist (atomic: never overwrites)."""
    with original.open("rb") as src, target.open("xb") as dst:  # "x": fails if target exists
        shutil.copyfileobj(src, dst)
    shutil.copystat(original, target)


@dataclass
class SyncReport:
    copied: list[Path] = field(default_factory=list)  # new chapters
    updated: list[Path] = field(default_factory=list)  # never-saved copies brought up to date
    changed_upstream: list[Path] = field(default_factory=list)  # edited copies whose original changed: kept


def sync(work: Path = WORK, src: Path | None = None) -> SyncReport:
    """Copy every original that has no copy in ``work``; never overwrite a copy the learner saved."""
    work.mkdir(parents=True, exist_ok=True)
    manifest = _load(work)
    report = SyncReport()
    for nb in originals(src):
        target = work / nb.name
        new = fingerprint(nb)
        if not target.exists():
            _copy_new(nb, target)
            report.copied.append(target)
        else:
            old = manifest.get(nb.name)
            mine = fingerprint(target)
            if mine == new:
                pass  # identical to the current original
            elif old is None:
                continue  # copied before fingerprints were kept: unknown history, leave it alone
            elif new == old:
                continue  # the learner edited it; the original did not change
            elif mine == old:  # never saved by the learner: safe to bring up to date
                tmp = target.with_name(target.name + ".updating")
                shutil.copy2(nb, tmp)
                if fingerprint(target) != old:  # saved meanwhile? keep theirs
                    tmp.unlink()
                    report.changed_upstream.append(target)
                    continue
                tmp.replace(target)
                report.updated.append(target)
            else:
                report.changed_upstream.append(target)
                continue
        manifest[nb.name] = new
    _save(work, manifest)
    return report


def edited(work: Path = WORK) -> list[Path]:
    """Copies in ``work`` that differ from the original they were copied from."""
    manifest = _load(work)
    return [work / name for name, digest in sorted(manifest.items()) if (work / name).exists()
            and fingerprint(work / name) != digest]  # fmt: skip


def changed_upstream(work: Path = WORK, src: Path | None = None) -> list[Path]:
    """Copies in ``work`` whose original changed since it was copied (read-only: nothing is written)."""
    manifest = _load(work)
    return [work / nb.name for nb in originals(src) if nb.name in manifest and (work / nb.name).exists()
            and fingerprint(nb) != manifest[nb.name]]  # fmt: skip


def reset(chapter: str, work: Path = WORK, src: Path | None = None) -> tuple[Path, Path | None]:
    """Restore the original of ``chapter``; keep the learner's file as ``<name>.mine-<time>.ipynb``."""
    matches = [nb for nb in originals(src) if nb.name.startswith(chapter)]
    if len(matches) != 1:
        names = ", ".join(nb.name[:2] for nb in originals(src))
        raise SystemExit(f"chapter must be one of {names}, got {chapter!r}")
    original = matches[0]
    work.mkdir(parents=True, exist_ok=True)
    target = work / original.name
    kept = None
    if target.exists():
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{original.stem}.mine-{stamp}.ipynb")
        n = 1
        while kept.exists():  # two resets in one second must not overwrite the first kept copy
            kept = target.with_name(f"{original.stem}.mine-{stamp}-{n}.ipynb")
            n += 1
        target.rename(kept)
    _copy_new(original, target)
    manifest = _load(work)
    manifest[original.name] = fingerprint(original)
    _save(work, manifest)
    return target, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync")
    sub.add_parser("status")
    sub.add_parser("first")
    r = sub.add_parser("reset")
    r.add_argument("chapter", help="chapter number, e.g. 02")
    args = parser.parse_args(argv)
    if args.command == "sync":
        report = sync()
        for path in report.copied:
            print(f"new chapter copied to {path.relative_to(ROOT)}")
        for path in report.updated:
            print(f"updated {path.relative_to(ROOT)} (you had not changed it)")
        for path in report.changed_upstream:
            print(
                f"{path.name[:2]}: a newer version of this chapter exists; your copy {path.relative_to(ROOT)} "
                f"is kept as it is. To get the new one: python tools/workspace.py reset {path.name[:2]}"
            )
    elif args.command == "status":
        for path in edited():
            print(f"edited by you: {path.relative_to(ROOT)}")
        for path in changed_upstream():
            print(f"changed upstream (reset {path.name[:2]} to get it, yours is kept): {path.relative_to(ROOT)}")
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
