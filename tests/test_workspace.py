"""Learner work is never lost: sync never overwrites a saved copy, reset keeps the learner's version,
and recording writes only under notebooks/."""

from __future__ import annotations

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
    with pytest.raises(SystemExit, match="chapter must be one of 01, 02"):
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
    assert changed == {notebooks / "02_sse_mse.ipynb"}
    out = nbformat.read(notebooks / "02_sse_mse.ipynb", as_version=4)
    assert [o.text for c in out.cells if c.cell_type == "code" for o in c.outputs] == ["42\n"]
