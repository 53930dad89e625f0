"""Structure of the recorded notebooks: built from their sources, fully executed, in order."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_every_source_has_a_notebook_and_back():
    assert [s.stem for s in SOURCES] == [n.stem for n in NOTEBOOKS]
    assert SOURCES, "no chapter sources found"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_is_in_sync_with_its_source(source):
    """The .ipynb must be what `make record` builds from chapters/*.py (no hand edits)."""
    built = jupytext.read(source, fmt="py:percent")
    recorded = nbformat.read(ROOT / "notebooks" / (source.stem + ".ipynb"), as_version=4)
    assert [(c.cell_type, c.source) for c in recorded.cells] == [(c.cell_type, c.source) for c in built.cells], (
        f"{source.name} changed since notebooks/{source.stem}.ipynb was recorded: "
        f"run `make record NB={source.stem[:2]}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_execution_counts_run_one_to_n(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert None not in counts, f"{path.name}: {counts.count(None)} code cells were never executed"
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: counts {counts} are not 1..n"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_error_or_stderr_recorded(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name} code cell {i}: {out.get('ename')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"{path.name} code cell {i} wrote to stderr: {out.text[:200]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_ignored_output_says_why(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "NBVAL_IGNORE_OUTPUT" in cell.source:
            assert re.search(r"# NBVAL_IGNORE_OUTPUT: \S.{10,}", cell.source), (
                f"{path.name}: a cell ignores its output without saying why:\n{cell.source[:200]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_solutions_are_tagged_and_hidden(path):
    nb = nbformat.read(path, as_version=4)
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    for cell in solutions:
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True
