"""The student edition: built from the solution edition, with every solution removed from the files."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import student  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WITH_SOLUTIONS = [p for p in NOTEBOOKS if any(student.is_solution(c) for c in nbformat.read(p, as_version=4).cells)]
RUN_IN_TEST = ["02_sse_mse.ipynb"]  # the model chapter; nbval runs every solution edition


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    written = student.write_student_edition(ROOT / "notebooks", out)
    assert [p.name for p in written] == [p.name for p in NOTEBOOKS]
    return out


def solution_only_lines(nb) -> set[str]:
    """Lines that appear in solution cells and in no other cell: the text that must not leak."""
    elsewhere = {line.strip() for c in nb.cells if not student.is_solution(c) for line in c.source.splitlines()}
    lines = {line.strip() for c in nb.cells if student.is_solution(c) for line in c.source.splitlines()}
    return {line for line in lines - elsewhere if len(line) >= 6}


def student_lines(nb) -> set[str]:
    """Every line of every cell source and text output, stripped."""
    texts = [c.source for c in nb.cells]
    for c in nb.cells:
        for out in c.get("outputs", []):
            texts.append(out.get("text", ""))
            texts.extend(str(v) for v in out.get("data", {}).values())
    return {line.strip() for text in texts for line in text.splitlines()}


def test_leak_check_finds_a_solution_left_in():
    nb = nbformat.read(ROOT / "notebooks" / "02_sse_mse.ipynb", as_version=4)
    assert solution_only_lines(nb) <= student_lines(nb)  # the solution edition "leaks" everything


def test_chapter_02_has_solutions_to_remove():
    assert any(p.name == "02_sse_mse.ipynb" for p in WITH_SOLUTIONS)


@pytest.mark.parametrize("path", WITH_SOLUTIONS, ids=lambda p: p.stem)
def test_no_solution_text_leaks(edition, path):
    solution_nb = nbformat.read(path, as_version=4)
    secret = solution_only_lines(solution_nb)
    assert secret, f"{path.name}: its solutions add no line of their own?"
    raw = (edition / path.name).read_text(encoding="utf-8")
    leaked = sorted(secret & student_lines(nbformat.reads(raw, as_version=4)))
    assert not leaked, f"student/{path.name} still contains solution lines: {leaked[:5]}"
    assert "✓ Exercise" not in raw and "\\u2713 Exercise" not in raw, "a solution's ✓ output leaked"
    assert '"solution"' not in raw, "a cell tagged solution is still in the file"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_edition_is_the_solution_edition_minus_solutions(edition, path):
    """CI runs (nbval) the solution edition; the student edition must be built from it, cell for cell."""
    solution_nb = nbformat.read(path, as_version=4)
    student_nb = nbformat.read(edition / path.name, as_version=4)
    nbformat.validate(student_nb)
    kept = [c for c in solution_nb.cells if not student.is_solution(c)]
    assert [dict(c) for c in student_nb.cells] == [dict(c) for c in kept]
    assert student_nb.metadata == solution_nb.metadata


def test_the_source_notebook_is_not_modified():
    nb = nbformat.read(ROOT / "notebooks" / "02_sse_mse.ipynb", as_version=4)
    before = nbformat.writes(nb)
    student.student_notebook(nb)
    assert nbformat.writes(nb) == before


def test_stale_chapters_are_removed_other_files_kept(tmp_path):
    (tmp_path / "99_gone.ipynb").write_text("{}")
    (tmp_path / "notes.txt").write_text("teacher's notes")
    student.write_student_edition(ROOT / "notebooks", tmp_path)
    assert not (tmp_path / "99_gone.ipynb").exists()
    assert (tmp_path / "notes.txt").read_text() == "teacher's notes"


@pytest.mark.parametrize("name", RUN_IN_TEST)
def test_student_notebook_runs_up_to_the_exercises(edition, name):
    nb = nbformat.read(edition / name, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(edition)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]
    assert checks, f"{name} has no exercise stubs"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            assert out.output_type != "error", f"{name}: {out.ename}: {out.evalue}"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text[:300]
    for cell in checks:
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert text.startswith("✗ Exercise"), f"an unanswered stub should say ✗, got {text!r}"
        assert "Traceback" not in text
