"""Learner work is never lost: sync never overwrites a saved copy, reset keeps the learner's version,
and recording writes only under notebooks/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import record  # noqa: E402
import workspace  # noqa: E402


def notebook(text: str) -> str:
    return nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)]))


@pytest.fixture
def course(tmp_path) -> tuple[Path, Path]:
    src, work = tmp_path / "notebooks", tmp_path / "my-work"
    src.mkdir()
    (src / "01_why_loss.ipynb").write_text(notebook("chapter one v1"))
    (src / "02_sse_mse.ipynb").write_text(notebook("chapter two v1"))
    return src, work


def edit(path: Path, text: str) -> bytes:
    path.write_text(notebook(text))
    return path.read_bytes()


def test_sync_copies_missing_chapters(course):
    src, work = course
    report = workspace.sync(work, src)
    assert sorted(p.name for p in report.copied) == ["01_why_loss.ipynb", "02_sse_mse.ipynb"]
    assert (work / "02_sse_mse.ipynb").read_bytes() == (src / "02_sse_mse.ipynb").read_bytes()
    assert workspace.sync(work, src).copied == []  # second run: nothing new


def test_sync_never_overwrites_an_edited_copy(course):
    src, work = course
    workspace.sync(work, src)
    mine = edit(work / "02_sse_mse.ipynb", "my answers")
    workspace.sync(work, src)
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine
    # the original changes upstream: still kept, and reported
    (src / "02_sse_mse.ipynb").write_text(notebook("chapter two v2"))
    report = workspace.sync(work, src)
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine
    assert [p.name for p in report.changed_upstream] == ["02_sse_mse.ipynb"]
    assert [p.name for p in workspace.changed_upstream(work, src)] == ["02_sse_mse.ipynb"]
    assert [p.name for p in workspace.edited(work)] == ["02_sse_mse.ipynb"]
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine  # asking did not change it either


def test_sync_updates_a_copy_the_learner_never_saved(course):
    src, work = course
    workspace.sync(work, src)
    (src / "01_why_loss.ipynb").write_text(notebook("chapter one v2"))
    report = workspace.sync(work, src)
    assert [p.name for p in report.updated] == ["01_why_loss.ipynb"]
    assert (work / "01_why_loss.ipynb").read_bytes() == (src / "01_why_loss.ipynb").read_bytes()
    assert report.changed_upstream == []


def test_sync_leaves_a_copy_of_unknown_history_alone(course):
    src, work = course
    work.mkdir()
    mine = edit(work / "02_sse_mse.ipynb", "made before fingerprints were kept")
    workspace.sync(work, src)
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine


def test_reset_restores_and_keeps_the_learners_version_byte_for_byte(course):
    src, work = course
    workspace.sync(work, src)
    mine = edit(work / "02_sse_mse.ipynb", "my answers ✓ 日本語")
    target, kept = workspace.reset("02", work, src)
    assert target.read_bytes() == (src / "02_sse_mse.ipynb").read_bytes()
    assert kept.read_bytes() == mine
    assert kept.name.startswith("02_sse_mse.mine-") and kept.suffix == ".ipynb"
    assert workspace.edited(work) == []


def test_two_resets_in_a_row_keep_both_versions(course):
    src, work = course
    workspace.sync(work, src)
    first = edit(work / "02_sse_mse.ipynb", "attempt 1")
    _, kept1 = workspace.reset("02", work, src)
    second = edit(work / "02_sse_mse.ipynb", "attempt 2")
    _, kept2 = workspace.reset("02", work, src)
    assert kept1 != kept2
    assert kept1.read_bytes() == first and kept2.read_bytes() == second


def test_reset_of_a_missing_copy_and_of_a_bad_chapter(course):
    src, work = course
    target, kept = workspace.reset("01", work, src)
    assert kept is None and target.exists()
    with pytest.raises(workspace.WorkspaceError, match="chapter must be one of 01, 02"):
        workspace.reset("7", work, src)


def test_record_writes_only_under_notebooks(tmp_path, monkeypatch):
    chapters, notebooks, work = tmp_path / "chapters", tmp_path / "notebooks", tmp_path / "my-work"
    for d in (chapters, notebooks, work):
        d.mkdir()
    (chapters / "02_sse_mse.py").write_text("# %% [markdown]\n# # 02 — test\n\n# %%\nprint(6 * 7)\n")
    (work / "02_sse_mse.ipynb").write_text(notebook("a learner's copy"))
    monkeypatch.setattr(record, "ROOT", tmp_path)
    monkeypatch.setattr(record, "CHAPTERS", chapters)
    monkeypatch.setattr(record, "NOTEBOOKS", notebooks)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert record.main(["02"]) == 0
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    changed = {p for p in after if before.get(p) != after[p]} | (before.keys() - after.keys())
    assert changed == {notebooks / "02_sse_mse.ipynb", notebooks / "ja" / "02_sse_mse.ipynb"}  # both editions
    for edition in (notebooks, notebooks / "ja"):
        out = nbformat.read(edition / "02_sse_mse.ipynb", as_version=4)
        assert [o.text for c in out.cells if c.cell_type == "code" for o in c.outputs] == ["42\n"]


# --- a learner's odd states: never a crash, never a lost file (issue 12, item 14) ---------------


@pytest.fixture
def read_only():
    """Make a folder truly read-only, also for root (chattr +i); undone after the test."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.chmod(0o555)
        made.append(path)
        if _writable(path) and shutil.which("chattr"):  # root writes through chmod
            subprocess.run(["chattr", "+i", str(path)], check=True)
        assert _writable(path) is False, f"could not make {path} read-only on this machine"
        return path

    yield make
    for path in made:
        if shutil.which("chattr"):
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o755)


def _writable(path: Path) -> bool:
    probe = path / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.mark.parametrize("content", [b"[]", b"null", b'"a string"', b"\x89PNG\r\n\x1a\n\x00\xff\xfe", b"{not json"])
def test_a_damaged_manifest_counts_as_empty_and_is_reported(course, content):
    src, work = course
    workspace.sync(work, src)
    mine = edit(work / "02_sse_mse.ipynb", "my answers")
    (work / workspace.MANIFEST).write_bytes(content)
    report = workspace.sync(work, src)  # crashed on [], null, a string and binary
    assert report.notes and "treated as empty" in report.notes[0] and workspace.MANIFEST in report.notes[0]
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine  # unknown history: left alone
    assert json.loads((work / workspace.MANIFEST).read_text()) == {"01_why_loss.ipynb": workspace.fingerprint(
        src / "01_why_loss.ipynb")}  # fmt: skip
    (work / workspace.MANIFEST).write_bytes(content)
    lines = workspace.status_lines(workspace.status(work, src), work)
    assert "treated as empty" in lines[0]
    assert any("history unknown" in line and "02_sse_mse.ipynb" in line for line in lines)
    assert workspace.edited(work) == [] and workspace.changed_upstream(work, src) == []
    target, kept = workspace.reset("02", work, src)
    assert kept.read_bytes() == mine


def test_a_manifest_with_odd_entries_keeps_the_good_ones(course):
    src, work = course
    workspace.sync(work, src)
    manifest = json.loads((work / workspace.MANIFEST).read_text())
    manifest["02_sse_mse.ipynb"] = 42
    (work / workspace.MANIFEST).write_text(json.dumps(manifest))
    report = workspace.sync(work, src)
    assert len(report.notes) == 1 and report.notes[0].endswith("1 entries are not fingerprints; they are ignored")
    assert workspace.status(work, src).unchanged == [work / "01_why_loss.ipynb", work / "02_sse_mse.ipynb"]


def test_a_folder_named_like_a_chapter_is_left_alone_and_reset_moves_it_aside(course):
    src, work = course
    work.mkdir()
    (work / "02_sse_mse.ipynb").mkdir()
    (work / "02_sse_mse.ipynb" / "notes.txt").write_text("mine")
    report = workspace.sync(work, src)  # crashed with IsADirectoryError
    assert [p.name for p in report.copied] == ["01_why_loss.ipynb"]
    assert report.folders == [work / "02_sse_mse.ipynb"]
    assert any("is a folder, not a notebook" in line for line in workspace.sync_lines(report))
    assert workspace.status(work, src).folders == [work / "02_sse_mse.ipynb"]
    assert workspace.edited(work) == [] and workspace.changed_upstream(work, src) == []
    target, kept = workspace.reset("02", work, src)
    assert target.is_file() and target.read_bytes() == (src / "02_sse_mse.ipynb").read_bytes()
    assert kept.is_dir() and (kept / "notes.txt").read_text() == "mine" and kept.suffix != ".ipynb"


def test_resetting_an_unedited_copy_keeps_nothing(course):
    src, work = course
    workspace.sync(work, src)
    target, kept = workspace.reset("02", work, src)
    assert kept is None and sorted(p.name for p in work.glob("*.ipynb")) == ["01_why_loss.ipynb", "02_sse_mse.ipynb"]
    # nor when the course has a newer version that the learner never opened
    (src / "02_sse_mse.ipynb").write_text(notebook("chapter two v2"))
    target, kept = workspace.reset("02", work, src)
    assert kept is None and target.read_bytes() == (src / "02_sse_mse.ipynb").read_bytes()
    assert not list(work.glob("*.mine-*"))


def test_status_names_each_kind_of_copy(course):
    src, work = course
    (src / "03_cross_entropy.ipynb").write_text(notebook("three v1"))
    (src / "04_ce_in_practice.ipynb").write_text(notebook("four v1"))
    (src / "05_gradient_descent.ipynb").write_text(notebook("five v1"))
    workspace.sync(work, src)
    edit(work / "02_sse_mse.ipynb", "mine")
    edit(work / "03_cross_entropy.ipynb", "mine too")
    (src / "03_cross_entropy.ipynb").write_text(notebook("three v2"))
    (src / "04_ce_in_practice.ipynb").write_text(notebook("four v2"))
    (work / "05_gradient_descent.ipynb").unlink()
    (src / "06_backprop.ipynb").write_text(notebook("six, new"))
    s = workspace.status(work, src)
    assert [p.name[:2] for p in s.unchanged] == ["01"]
    assert [p.name[:2] for p in s.edited] == ["02"]
    assert [p.name[:2] for p in s.edited_and_newer] == ["03"]
    assert [p.name[:2] for p in s.outdated] == ["04"]
    assert [p.name[:2] for p in s.deleted] == ["05"]
    assert [p.name[:2] for p in s.not_copied] == ["06"]
    text = "\n".join(workspace.status_lines(s, work))
    assert "edited by you: 02_sse_mse.ipynb" in text
    assert "03_cross_entropy.ipynb — `python run.py reset 03` gets it and keeps yours beside it" in text
    assert "not edited by you, newer version in the course (copied in when you start the lab): 04_" in text
    assert "(a fresh copy is made when you start the lab): 05_gradient_descent.ipynb" in text
    assert "new chapters (copied when you start the lab): 06_backprop.ipynb" in text
    assert "unchanged since copied: 01" in text
    # the unedited copy of 04 is not called "changed upstream": sync updates it without asking
    assert [p.name[:2] for p in workspace.sync(work, src).updated] == ["04"]
    assert [p.name[:2] for p in workspace.changed_upstream(work, src)] == ["03"]


def test_status_before_any_copy(course):
    src, work = course
    assert workspace.status_lines(workspace.status(work, src), work) == [
        "no copies yet: `python run.py lab` makes your own copies in " + workspace._shown(work) + "/"
    ]


def test_a_read_only_my_work_gives_a_clear_message_and_loses_nothing(course, read_only):
    src, work = course
    workspace.sync(work, src)
    mine = edit(work / "02_sse_mse.ipynb", "my answers")
    (src / "03_cross_entropy.ipynb").write_text(notebook("three"))
    read_only(work)
    with pytest.raises(workspace.WorkspaceError, match="cannot write in .*my-work/.*make the folder writable"):
        workspace.sync(work, src)
    with pytest.raises(workspace.WorkspaceError, match="cannot write in"):
        workspace.reset("02", work, src)
    assert (work / "02_sse_mse.ipynb").read_bytes() == mine
    assert [p.name[:2] for p in workspace.status(work, src).edited] == ["02"]  # status only reads
    assert workspace.main(["status"]) == 0


def test_my_work_as_a_file(course):
    src, work = course
    work.write_text("oops")
    with pytest.raises(workspace.WorkspaceError, match="is a file, not a folder"):
        workspace.sync(work, src)
    with pytest.raises(workspace.WorkspaceError, match="is a file, not a folder"):
        workspace.reset("02", work, src)
    assert work.read_text() == "oops"
