"""Structure of the recorded notebooks: built from their sources, fully executed, in order."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import record  # noqa: E402

SOURCES = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LINK = re.compile(r'(?:\]\(|href=")([^)"\s]+\.ipynb)(#[^)"]*)?[)"]')  # [text](x.ipynb) or <a href="x.ipynb">


def test_every_source_has_a_notebook_and_back():
    assert [s.stem for s in SOURCES] == [n.stem for n in NOTEBOOKS]
    assert SOURCES, "no chapter sources found"


def _shape(nb):
    return [(c.get("id"), c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_is_in_sync_with_its_source(source):
    """The .ipynb must be what `make record` builds from chapters/*.py (no hand edits):
    same cells, same sources, same metadata (nav bars, slide types, solution tags)."""
    built = record.build(source)
    recorded = nbformat.read(ROOT / "notebooks" / (source.stem + ".ipynb"), as_version=4)
    assert _shape(recorded) == _shape(built), (
        f"{source.name} (or tools/course.py, tools/slides.py) changed since notebooks/{source.stem}.ipynb "
        f"was recorded: run `make record NB={source.stem[:2]}`"
    )


def test_every_source_is_a_course_chapter():
    """chapters/ and tools/course.py agree on names, so the nav bars point at real files."""
    known = {c.slug for c in course.CHAPTERS}
    assert {s.stem for s in SOURCES} <= known, f"not in tools/course.py: {sorted({s.stem for s in SOURCES} - known)}"
    numbers = [int(c.number) for c in course.CHAPTERS]
    assert numbers == sorted(set(numbers)), f"chapter numbers must increase: {numbers}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nav_bar_at_top_and_end(path):
    nb = nbformat.read(path, as_version=4)
    bar = course.nav_cell_source(path.stem)
    assert nb.cells[0].source == bar, f"{path.name}: the first cell is not the nav bar"
    assert nb.cells[-1].source == bar, f"{path.name}: the last cell is not the nav bar"
    if path.stem != course.CONTENTS.slug:
        assert f"[Contents]({course.CONTENTS.notebook})" in bar


def markdown_texts(nb) -> list[str]:
    """Markdown cells and Markdown outputs (e.g. a table a code cell displays)."""
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    for c in nb.cells:
        for out in c.get("outputs", []):
            md = out.get("data", {}).get("text/markdown")
            if md:
                texts.append(md if isinstance(md, str) else "".join(md))
    return texts


def link_targets(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [m.group(1) for text in markdown_texts(nb) for m in LINK.finditer(text)]


def unresolved(path: Path) -> list[str]:
    """Links in ``path`` to no notebook in notebooks/.  A link to a course chapter whose source
    is not written yet (no chapters/NN_slug.py) is pending, not broken."""
    written = {s.stem + ".ipynb" for s in SOURCES}
    planned = {c.notebook for c in course.CHAPTERS}
    bad = []
    for target in link_targets(path):
        if (path.parent / target).is_file():
            continue
        if target in planned and target not in written:
            continue  # a chapter still being written: its notebook will exist when it is recorded
        bad.append(target)
    return bad


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_link_resolves(path):
    assert link_targets(path), f"{path.name} links to no other notebook"
    bad = unresolved(path)
    assert not bad, f"{path.name} links to notebooks that do not exist: {bad}"


def test_link_check_catches_a_broken_link(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("[x](02_sse_mse.ipynb) [y](02_typo.ipynb)")])
    path = tmp_path / "99_demo.ipynb"
    nbformat.write(nb, path)
    (tmp_path / "02_sse_mse.ipynb").write_text("{}")
    assert unresolved(path) == ["02_typo.ipynb"]


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
def test_no_testing_markers_in_what_a_learner_reads(path):
    """nbval's markers are for the tests, not for learners: a cell whose output nbval ignores carries the
    cell tag ``nbval-ignore-output`` (jupytext: ``# %% tags=["nbval-ignore-output"]``), never a comment,
    and every cell that shows a live widget carries that tag."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert "NBVAL" not in cell.source and "# Why:" not in cell.source, (
            f"{path.name}: testing jargon in a learner's cell (use the cell tag):\n{cell.source[:200]}"
        )
        shows_widget = any(
            "application/vnd.jupyter.widget-view+json" in out.get("data", {})
            or "course-explorer" in out.get("metadata", {})
            for out in cell.outputs
        )
        if shows_widget:
            assert "nbval-ignore-output" in cell.metadata.get("tags", []), (
                f"{path.name}: a cell showing a live widget lacks the nbval-ignore-output tag:\n{cell.source[:200]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_solutions_reveal_nothing_until_opened(path):
    """A solution cell's source is only `solution("NN.k")`; its output is a closed <details> with the code and ✓."""
    nb = nbformat.read(path, as_version=4)
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    for cell in solutions:
        assert re.fullmatch(r'from helpers\.checks import solution\n\nsolution\("\d\d\.\d+"\)', cell.source), (
            cell.source
        )
        (out,) = cell.outputs
        html, text = out["data"]["text/html"], out["data"]["text/plain"]
        assert html.startswith("<details") and not html.startswith("<details open"), html[:80]
        assert text.endswith("✓"), f"{path.name}: a solution does not pass its own check: {text}"
        key = re.search(r'"(\d\d\.\d+)"', cell.source).group(1)
        assert "<pre><code>" in html and f"check(&quot;{key}&quot;" in html  # the code is inside, closed


def test_contents_page_links_every_chapter():
    path = ROOT / "notebooks" / course.CONTENTS.notebook
    if not path.exists():
        pytest.skip(f"{path.name} is not recorded yet")
    linked = set(link_targets(path))
    missing = [c.notebook for c in course.CHAPTERS[1:] if c.notebook not in linked]
    assert not missing, f"the contents page {path.name} does not link {missing}"


# --- what a chapter source says, as a learner reads it ---------------------------------------------

#: A Markdown heading or an exercise's question, written as a comment: the sign of a lost `# %% [markdown]`.
SWALLOWED = re.compile(r"^#\s*(#{1,6}\s|\*\*Exercise\b)")


def swallowed_markdown(source: Path) -> list[str]:
    """Lines of ``source``'s code cells that look like Markdown (a heading, an **Exercise…): a code cell that
    swallowed the Markdown cell meant to follow it, because its `# %% [markdown]` marker is missing."""
    nb = jupytext.read(source, fmt="py:percent")
    return [
        f"{source.name} cell {i}: {line}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if SWALLOWED.match(line)
    ]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_no_code_cell_swallows_a_heading_or_an_exercise(source):
    assert not swallowed_markdown(source)


def test_swallowed_markdown_is_found(tmp_path):
    source = tmp_path / "99_demo.py"
    source.write_text(
        "# %% [markdown]\n# ## 1. Fine\n\n# %%\nx = 1  # a comment\n\n# ## 2. Lost heading\n#\n"
        "# **Exercise 99.1.** A lost question\n",
        encoding="utf-8",
    )
    assert [line.split(": ", 1)[1] for line in swallowed_markdown(source)] == [
        "# ## 2. Lost heading",
        "# **Exercise 99.1.** A lost question",
    ]


CONTENTS_ROW = re.compile(r"^\| \[(\d\d) ([^\]]+)\]\(((?:\.\./)?\d\d_\w+\.ipynb)\) \|", re.MULTILINE)


def contents_rows(lang: str = "en") -> dict[str, str]:
    """``{link target: "NN title"}`` of chapter 00's contents table in edition ``lang`` (as the build writes it)."""
    nb = record.build(ROOT / "chapters" / f"{course.CONTENTS.slug}.py", lang)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return {m.group(3): f"{m.group(1)} {m.group(2)}" for m in CONTENTS_ROW.finditer(text)}


def test_every_chapter_title_is_the_same_everywhere():
    """tools/course.py (nav bars, Next lines), each chapter's H1, chapter 00's contents table and the teacher
    guide's headings give a chapter the same title."""
    written = {s.stem for s in SOURCES}
    for ch in course.CHAPTERS:
        if ch.slug not in written:
            continue
        h1 = jupytext.read(ROOT / "chapters" / f"{ch.slug}.py", fmt="py:percent").cells[0].source.splitlines()[0]
        assert h1 == f"# {ch.number} — {ch.title}", f"{ch.slug}: H1 {h1!r}, tools/course.py {ch.title!r}"
    assert contents_rows("en") == {ch.notebook: f"{ch.number} {ch.title}" for ch in course.CHAPTERS}
    # the Japanese edition's table: title_ja, and the English notebook (marked （英語）) until a chapter is translated
    assert contents_rows("ja") == {course.link(ch, "ja")[1]: f"{ch.number} {course.link(ch, 'ja')[0]}"
                                   for ch in course.CHAPTERS}  # fmt: skip
    guide = (ROOT / "docs" / "TEACHER_GUIDE.md").read_text(encoding="utf-8")
    headings = dict(re.findall(r"^### (\d\d) — (.+)$", guide, flags=re.MULTILINE))
    assert headings == {ch.number: ch.title for ch in course.CHAPTERS}


def test_the_contents_table_is_built_from_the_chapter_list():
    """Chapter 00's source holds a marker, not rows: a chapter added to ``CHAPTERS`` appears in both tables with
    what it is about, and no hand-written row can go stale."""
    source = (ROOT / "chapters" / f"{course.CONTENTS.slug}.py").read_text(encoding="utf-8")
    assert source.count(course.CONTENTS_MARKER) == 2, "one contents marker in the English cell, one in its twin"
    assert not CONTENTS_ROW.search(source.replace("# |", "|")), "a hand-written contents row in chapter 00's source"
    missing = [c.slug for c in course.CHAPTERS if not (c.about and c.about_ja)]
    assert not missing, f"chapters without an about line (English and Japanese) in tools/course.py: {missing}"
    for lang in ("en", "ja"):
        text = "\n".join(c.source for c in record.build(ROOT / "chapters" / f"{course.CONTENTS.slug}.py", lang).cells)
        for ch in course.CHAPTERS:
            assert (ch.about_ja if lang == "ja" else ch.about) in text, f"{lang}: {ch.slug}'s about line not in 00"


#: Where a recording machine's own folders would show: a path of this machine in a recorded output.
MACHINE_PATH = re.compile(r"(?<![\w.])(/(?:work|home|root|tmp|Users|opt|usr)/|[A-Z]:\\)")


@pytest.mark.parametrize(
    "path",
    NOTEBOOKS + sorted((ROOT / "notebooks" / "ja").glob("[0-9][0-9]_*.ipynb")),
    ids=lambda p: p.parent.name + "/" + p.stem,
)
def test_no_machine_specific_path_is_recorded(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            text = out.get("text", "") + "".join(v for k, v in data.items() if k.startswith("text/"))
            found = MACHINE_PATH.search(text)
            assert not found, f"{path.name}: a recorded output shows a path of the recording machine: {text[:160]!r}"


#: The notebooks of chapters with explorers (a module helpers/explorers/chNN.py).
EXPLORER_NOTEBOOKS = [p for p in NOTEBOOKS if (ROOT / "helpers" / "explorers" / f"ch{p.stem[:2]}.py").exists()]


@pytest.mark.parametrize("path", EXPLORER_NOTEBOOKS, ids=lambda p: p.stem)
def test_a_static_export_shows_a_picture_of_every_explorer(path):
    """GitHub, nbconvert and a fresh Lab have no kernel: each explorer's recorded output is its picture
    (figure + readout + alt text), never "VBox(children=..." or "model not found"."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    explorers = [
        out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
        if "course-explorer" in out.get("metadata", {})
    ]  # fmt: skip
    assert explorers, f"{path.name}: no explorer output recorded"
    for out in explorers:
        assert "application/vnd.jupyter.widget-view+json" not in out.data, f"{path.name}: a widget view was saved"
        assert {"image/png", "text/html", "text/plain"} <= set(out.data)
    html_, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    pictures = re.findall(r'<div class="course-static-explorer">.*?(<img [^>]+>)', html_, re.S)
    assert all('src="data:image/png;base64,' in img and re.search(r'alt="[^"]{10,}"', img) for img in pictures)
    assert len(pictures) == len(explorers), f"{path.name}: {len(pictures)} pictures for {len(explorers)} explorers"
