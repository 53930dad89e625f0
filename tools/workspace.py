"""The learner's own copies of the course: ``my-work/``.

    python run.py status        which copies you edited, which chapters changed since you copied them
    python run.py reset 02      restore chapter 02; your version is kept beside it
    (``python run.py lab`` calls :func:`sync` before it starts JupyterLab)

``notebooks/`` holds the recorded originals that nbval checks; learners work in
``my-work/`` (git-ignored), so no course command ever overwrites their edits.

``my-work/.course-copies.json`` remembers a fingerprint of each original when it was
copied.  When a chapter is updated in ``notebooks/`` (``git pull``, ``python run.py record``),
``sync`` brings the new version only into copies the learner never saved (their bytes
are still the old original's); an edited copy is left alone and reported, and
``reset NN`` gets the new version while keeping the learner's file as
``NN_slug.mine-<time>.ipynb``.

Whatever state a learner leaves ``my-work/`` in — read-only, a damaged manifest, a folder
where a chapter should be — the commands say what they found and never crash or lose a file.
Only the standard library is used: this runs before anything is installed.
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


class WorkspaceError(Exception):
    """A state of ``my-work/`` a command cannot work around; the message says what to do."""


def originals(src: Path | None = None) -> list[Path]:
    return sorted(p for p in (src or ORIGINALS).glob("[0-9][0-9]_*.ipynb") if p.is_file())


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shown(path: Path) -> str:
    """``path`` as the learner knows it: relative to the course folder when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _load(work: Path) -> tuple[dict[str, str], str | None]:
    """The manifest's entries, and a note when the file is not a manifest (then it counts as empty)."""
    path = work / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (UnicodeDecodeError, json.JSONDecodeError, OSError) as exc:
        what = f"unreadable ({type(exc).__name__})"
    else:
        if isinstance(data, dict):
            entries = {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
            if len(entries) == len(data):
                return entries, None
            return entries, (
                f"{_shown(path)}: {len(data) - len(entries)} entries are not fingerprints; they are ignored"
            )
        what = f"holds {type(data).__name__ if data is not None else 'null'} instead of the list of copies"
    return {}, (
        f"{_shown(path)} is {what}; it is treated as empty, so no copy counts as unedited "
        "(edited copies stay as they are) and it is written anew at the next sync"
    )


def _save(work: Path, manifest: dict[str, str]) -> None:
    tmp = work / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(work / MANIFEST)


def _copy_new(original: Path, target: Path) -> None:
    """Copy ``original`` to ``target`` only if ``target`` does not exist (atomic: never overwrites)."""
    with original.open("rb") as src, target.open("xb") as dst:  # "x": fails if target exists
        shutil.copyfileobj(src, dst)
    shutil.copystat(original, target)


def _cannot_write(work: Path, exc: OSError) -> WorkspaceError:
    return WorkspaceError(
        f"cannot write in {_shown(work)}/ ({exc.strerror or exc}): nothing was changed there; "
        "make the folder writable (or copy the course somewhere you can write) and run the command again"
    )


@dataclass
class SyncReport:
    copied: list[Path] = field(default_factory=list)  # new chapters
    updated: list[Path] = field(default_factory=list)  # never-saved copies brought up to date
    changed_upstream: list[Path] = field(default_factory=list)  # edited copies whose original changed: kept
    folders: list[Path] = field(default_factory=list)  # a folder where a chapter's copy should be: left alone
    notes: list[str] = field(default_factory=list)  # what was odd, said once


def sync(work: Path | None = None, src: Path | None = None) -> SyncReport:
    """Copy every original that has no copy in ``work``; never overwrite a copy the learner saved.

    Raises
    ------
    WorkspaceError
        If ``work`` is not a folder or cannot be written (nothing is changed then).
    """
    work = WORK if work is None else work
    if work.exists() and not work.is_dir():
        raise WorkspaceError(f"{_shown(work)} is a file, not a folder: rename it, and the course makes the folder")
    try:
        work.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(work, exc) from exc
    manifest, note = _load(work)
    report = SyncReport(notes=[note] if note else [])
    before = dict(manifest)
    try:
        for nb in originals(src):
            target = work / nb.name
            new = fingerprint(nb)
            if target.is_dir():
                report.folders.append(target)
                continue
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
        if manifest != before or note:
            _save(work, manifest)
    except PermissionError as exc:
        raise _cannot_write(work, exc) from exc
    return report


@dataclass
class Status:
    """Every chapter's copy in ``my-work/``, each in one list (read-only: nothing is written)."""

    unchanged: list[Path] = field(default_factory=list)  # as copied, and the original did not change
    edited: list[Path] = field(default_factory=list)  # edited by the learner
    edited_and_newer: list[Path] = field(default_factory=list)  # edited, and the course has a newer version
    outdated: list[Path] = field(default_factory=list)  # not edited, and the course has a newer version
    deleted: list[Path] = field(default_factory=list)  # copied once, now gone
    not_copied: list[Path] = field(default_factory=list)  # a chapter never copied (new in the course)
    unknown: list[Path] = field(default_factory=list)  # differs from the original, history unknown
    folders: list[Path] = field(default_factory=list)  # a folder where the copy should be
    notes: list[str] = field(default_factory=list)


def status(work: Path | None = None, src: Path | None = None) -> Status:
    """Sort every chapter's copy into :class:`Status` lists."""
    work = WORK if work is None else work
    result = Status()
    if not work.is_dir():
        return result
    manifest, note = _load(work)
    if note:
        result.notes.append(note)
    for nb in originals(src):
        target = work / nb.name
        copied_from = manifest.get(nb.name)
        if target.is_dir():
            result.folders.append(target)
        elif not target.exists():
            (result.deleted if copied_from else result.not_copied).append(target)
        else:
            mine, new = fingerprint(target), fingerprint(nb)
            if mine == new:
                result.unchanged.append(target)
            elif copied_from is None:
                result.unknown.append(target)
            elif mine == copied_from:
                result.outdated.append(target)
            elif new == copied_from:
                result.edited.append(target)
            else:
                result.edited_and_newer.append(target)
    return result


def edited(work: Path | None = None) -> list[Path]:
    """Copies in ``work`` that differ from the original they were copied from."""
    work = WORK if work is None else work
    manifest, _ = _load(work) if work.is_dir() else ({}, None)
    return [work / name for name, digest in sorted(manifest.items())
            if (work / name).is_file() and fingerprint(work / name) != digest]  # fmt: skip


def changed_upstream(work: Path | None = None, src: Path | None = None) -> list[Path]:
    """Copies in ``work`` whose original changed since it was copied (read-only: nothing is written)."""
    work = WORK if work is None else work
    s = status(work, src)
    return sorted(s.edited_and_newer + s.outdated)


def reset(chapter: str, work: Path | None = None, src: Path | None = None) -> tuple[Path, Path | None]:
    """Restore the original of ``chapter``.

    A copy the learner edited is kept as ``<name>.mine-<time>.ipynb`` (a folder in its place as
    ``<name>.mine-<time>``); a copy they never edited is simply replaced, with nothing kept.
    Returns the restored file and what was kept (or ``None``).
    """
    work = WORK if work is None else work
    matches = [nb for nb in originals(src) if nb.name.startswith(chapter)] if chapter else []
    if len(matches) != 1:
        names = ", ".join(nb.name[:2] for nb in originals(src))
        raise WorkspaceError(f"chapter must be one of {names}, got {chapter!r}")
    original = matches[0]
    if work.exists() and not work.is_dir():
        raise WorkspaceError(f"{_shown(work)} is a file, not a folder: rename it, and the course makes the folder")
    manifest, _ = _load(work)
    target = work / original.name
    kept = None
    try:
        work.mkdir(parents=True, exist_ok=True)
        if target.is_file() and fingerprint(target) in {manifest.get(original.name), fingerprint(original)}:
            target.unlink()  # never edited: nothing of the learner's to keep
        elif target.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            suffix = ".ipynb" if target.is_file() else ""
            kept = target.with_name(f"{original.stem}.mine-{stamp}{suffix}")
            n = 1
            while kept.exists():  # two resets in one second must not overwrite the first kept copy
                kept = target.with_name(f"{original.stem}.mine-{stamp}-{n}{suffix}")
                n += 1
            target.rename(kept)
        try:
            _copy_new(original, target)
        except OSError:
            if kept is not None and not target.exists():
                kept.rename(target)  # put the learner's version back where it was
            raise
        manifest[original.name] = fingerprint(original)
        _save(work, manifest)
    except PermissionError as exc:
        raise _cannot_write(work, exc) from exc
    return target, kept


def first_notebook(src: Path | None = None) -> str:
    """The notebook JupyterLab opens first (chapter 00)."""
    found = originals(src)
    if not found:
        raise WorkspaceError(f"no chapters in {_shown(src or ORIGINALS)}/: restore them with `git checkout notebooks`")
    return found[0].name


# --- what the commands print -----------------------------------------------------------------


def sync_lines(report: SyncReport) -> list[str]:
    lines = list(report.notes)
    lines += [f"new chapter copied to {_shown(p)}" for p in report.copied]
    lines += [f"updated {_shown(p)} (you had not changed it)" for p in report.updated]
    lines += [
        f"{p.name[:2]}: a newer version of this chapter exists; your copy {_shown(p)} is kept as it is. "
        f"To get the new one: python run.py reset {p.name[:2]}"
        for p in report.changed_upstream
    ]
    lines += [
        f"{_shown(p)} is a folder, not a notebook: left alone (python run.py reset {p.name[:2]} moves it aside)"
        for p in report.folders
    ]
    return lines


def status_lines(s: Status, work: Path | None = None) -> list[str]:
    work = WORK if work is None else work

    def names(paths: list[Path]) -> str:
        return ", ".join(p.name for p in paths)

    if not work.is_dir():
        return [f"no copies yet: `python run.py lab` makes your own copies in {_shown(work)}/"]
    lines = list(s.notes)
    if s.edited:
        lines.append(f"edited by you: {names(s.edited)}")
    for p in s.edited_and_newer:
        lines.append(
            f"edited by you, and the course has a newer version: {p.name} — `python run.py reset {p.name[:2]}` "
            "gets it and keeps yours beside it"
        )
    if s.outdated:
        lines.append(f"not edited by you, newer version in the course (copied in when you start the lab): "
                     f"{names(s.outdated)}")  # fmt: skip
    if s.deleted:
        lines.append(f"deleted from {_shown(work)}/ (a fresh copy is made when you start the lab): {names(s.deleted)}")
    if s.not_copied:
        lines.append(f"new chapters (copied when you start the lab): {names(s.not_copied)}")
    if s.unknown:
        lines.append(f"different from the course, history unknown (treated as yours): {names(s.unknown)}")
    for p in s.folders:
        lines.append(f"{p.name} is a folder, not a notebook (python run.py reset {p.name[:2]} moves it aside)")
    if s.unchanged:
        lines.append(f"unchanged since copied: {', '.join(p.name[:2] for p in s.unchanged)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync")
    sub.add_parser("status")
    sub.add_parser("first")
    r = sub.add_parser("reset")
    r.add_argument("chapter", help="chapter number, e.g. 02")
    args = parser.parse_args(argv)
    try:
        if args.command == "sync":
            lines = sync_lines(sync())
        elif args.command == "status":
            lines = status_lines(status())
        elif args.command == "first":
            lines = [first_notebook()]
        else:
            target, kept = reset(args.chapter)
            lines = [f"your version is kept as {_shown(kept)}"] if kept else []
            lines.append(f"restored {_shown(target)}")
    except WorkspaceError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
