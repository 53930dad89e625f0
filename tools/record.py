"""Record the course notebooks: build each from its text source and run it in a clean kernel.

    python run.py record              # every chapter in chapters/ (make record)
    python run.py record 02 05        # only chapters whose file name starts with 02 or 05
    python run.py record --fresh 09   # take every output from this run (see below)
    python run.py record --lang en 02 # one edition only (default: both)

``chapters/NN_slug.py`` (jupytext py:percent) is the source a reviewer reads;
``notebooks/NN_slug.ipynb`` is built from it here, executed top to bottom by
nbclient in a fresh kernel (so execution counts run 1..n), and written with its
outputs for nbval to check.  Only files under ``notebooks/`` are written; a
learner's copies live in ``my-work/`` and are never touched.

**Two editions from one source.** Each English markdown cell of a source may be followed by its
Japanese twin, ``# %% [markdown] lang="ja"``; code cells are written once.  The English edition
(``notebooks/``) drops the twins; the Japanese one (``notebooks/ja/``, only the chapters in
``course.TRANSLATED``) puts each twin in place of its English cell, and its kernel runs with
``COURSE_LANG=ja`` (``helpers.i18n``), so the helpers' feedback is Japanese too.

The build adds what chapter sources leave out: a previous · contents · next bar at the
top and at the end (from ``tools/course.py``), solutions shown closed, a References section and a
Next line (``tools/endmatter.py``), and slide metadata for jupyterlab-deck (``tools/slides.py``).

**Teacher notes in the chapter source.** A chapter's notes for teachers (objectives, the 10-minute demo,
misconceptions, exercise answers) are raw cells at the end of its source, ``# %% [raw] teacher="en"`` and
``# %% [raw] teacher="ja"``; the notebooks never show them.  Each run writes the "Chapter by chapter" part of
``docs/TEACHER_GUIDE.md`` and ``docs/TEACHER_GUIDE.ja.md`` from them (between :data:`GUIDE_BEGIN` and
:data:`GUIDE_END`; headings ``### NN — title`` from ``tools/course.py``), so a chapter's notes live beside its lesson
(``tests/test_teacher_guide.py`` fails when a guide is out of date).

Recording twice gives the same bytes when nothing changed, so ``git diff`` and the learner's
``status`` show only real changes:

* cell ids come from each cell's type and source (not random), widget model ids from their
  order in the notebook (the models themselves live only while a kernel runs);
* no timestamps are recorded, and streamed text is merged however the kernel chunked it;
* a cell whose output nbval ignores and that only prints text (a wall-clock time, the
  installed versions and the path of the Python that ran it) keeps its previous recording
  while its source is unchanged: ``--fresh`` takes that output from this run too.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is a folder of scripts, not a package
import course  # noqa: E402
import endmatter  # noqa: E402
import slides  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGES = ("en", "ja")
#: The cell metadata that marks a Japanese twin in a chapter source: ``# %% [markdown] lang="ja"``.
LANG_KEY = "lang"
#: The cell metadata that marks a teacher note: ``# %% [raw] teacher="en"`` (or ``"ja"``); notebooks leave it out.
TEACHER_KEY = "teacher"
#: The teacher guides in docs/, whose "Chapter by chapter" part the build writes from the chapter sources.
GUIDE_FILES = {"en": "TEACHER_GUIDE.md", "ja": "TEACHER_GUIDE.ja.md"}
GUIDE_BEGIN = "<!-- chapter by chapter: written by `python run.py record` from the teacher notes of chapters/*.py -->"
GUIDE_END = "<!-- end of chapter by chapter -->"


def edition_folder(lang: str) -> Path:
    """Where edition ``lang`` is written: ``notebooks/`` or ``notebooks/ja/``."""
    return NOTEBOOKS / course.EDITION_FOLDER[lang] if course.EDITION_FOLDER[lang] else NOTEBOOKS


def nav_cell(slug: str, lang: str = "en") -> nbformat.NotebookNode:
    """The previous · contents · next bar for chapter ``slug`` (tagged "nav")."""
    return nbformat.v4.new_markdown_cell(course.nav_cell_source(slug, lang), metadata={"tags": ["nav"]})


def is_twin(cell) -> bool:
    """A Japanese twin: a markdown cell marked ``lang="ja"`` in the source."""
    return cell.cell_type == "markdown" and cell.metadata.get(LANG_KEY) == "ja"


def twins(cells: list) -> list[tuple[int, object, object | None]]:
    """``(index, English cell, its Japanese twin or None)`` for every English markdown cell of a source."""
    found = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown" or is_twin(cell):
            continue
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        found.append((i, cell, nxt if nxt is not None and is_twin(nxt) else None))
    return found


def is_teacher_note(cell) -> bool:
    """A teacher note: a raw cell marked ``teacher="en"`` or ``teacher="ja"`` in the source."""
    return TEACHER_KEY in cell.metadata


def teacher_notes(source: Path) -> dict[str, str]:
    """``{lang: text}``: the teacher notes of chapter ``source`` in each language it has them in.

    Raises
    ------
    ValueError
        If a note is not a raw cell, is marked with an unknown language, or a language has two notes.
    """
    notes: dict[str, str] = {}
    for i, cell in enumerate(jupytext.read(source, fmt="py:percent").cells):
        if not is_teacher_note(cell):
            continue
        lang = cell.metadata[TEACHER_KEY]
        if cell.cell_type != "raw" or lang not in LANGUAGES or lang in notes:
            raise ValueError(
                f"{source.name} cell {i}: a teacher note is one raw cell per language, "
                f'# %% [raw] teacher="en" or teacher="ja"; got a {cell.cell_type} cell marked {lang!r}'
                + (" a second time" if lang in notes else "")
            )
        notes[lang] = cell.source.strip("\n")
    return notes


def guide_path(lang: str) -> Path:
    """The teacher guide of edition ``lang``."""
    return ROOT / "docs" / GUIDE_FILES[lang]


def guide_chapters(lang: str, sources: Path | None = None) -> str:
    """The "Chapter by chapter" sections of the teacher guide of edition ``lang``: ``### NN — title`` (from
    ``tools/course.py``) and the chapter's teacher note, for every chapter of the course.

    Raises
    ------
    ValueError
        If a chapter has no source or no English teacher note (a chapter not yet translated may lack the Japanese one:
        its English note stands in).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    sections = []
    for ch in course.CHAPTERS:
        source = (sources or CHAPTERS) / f"{ch.slug}.py"
        if not source.exists():
            raise ValueError(f"chapter {ch.number}: no source {_shown(source)} for its teacher note")
        notes = teacher_notes(source)
        if "en" not in notes:
            raise ValueError(f'{_shown(source)}: no teacher note; add a cell # %% [raw] teacher="en" (and "ja")')
        sections.append(f"### {ch.number} — {ch.title_in(lang)}\n\n{notes.get(lang, notes['en'])}\n")
    return "\n".join(sections)


def guide_text(text: str, lang: str, sources: Path | None = None) -> str:
    """``text`` (a teacher guide) with its "Chapter by chapter" part between the markers written from the sources.

    Raises
    ------
    ValueError
        If the guide lacks a marker, or has them out of order.
    """
    begin, end = text.find(GUIDE_BEGIN + "\n"), text.find("\n" + GUIDE_END)
    if begin < 0 or end < begin:
        raise ValueError(f"the {lang} teacher guide must hold the lines {GUIDE_BEGIN} and {GUIDE_END}, in that order")
    return text[: begin + len(GUIDE_BEGIN) + 1] + guide_chapters(lang, sources) + text[end:]


def write_guides() -> list[Path]:
    """Write both teacher guides' "Chapter by chapter" parts from the chapter sources; return those changed.

    A copy of the course without the guides (a folder of chapters only) has nothing to write."""
    changed = []
    for lang in GUIDE_FILES:
        path = guide_path(lang)
        if not path.exists():
            continue
        old = path.read_text(encoding="utf-8")
        new = guide_text(old, lang)
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
            print(f"wrote {_shown(path)} (chapter by chapter, from the teacher notes of chapters/)", flush=True)
    return changed


def select_language(cells: list, lang: str) -> list:
    """The cells of edition ``lang``: English drops the twins; Japanese puts each twin in its English cell's place.

    Raises
    ------
    ValueError
        If a twin follows no English markdown cell, or a cell is marked with an unknown language.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    out = []
    for i, cell in enumerate(cells):
        marked = cell.metadata.get(LANG_KEY)
        if marked is not None and (marked != "ja" or cell.cell_type != "markdown"):
            raise ValueError(f'cell {i}: only a markdown cell can be marked, and only lang="ja"; got {marked!r}')
        if is_twin(cell):
            prev = cells[i - 1] if i else None
            if prev is None or prev.cell_type != "markdown" or is_twin(prev):
                raise ValueError(
                    f"cell {i}: a Japanese twin must follow its English markdown cell:\n{cell.source[:200]}"
                )
            if lang == "ja":
                twin = nbformat.from_dict(cell)
                twin.metadata.pop(LANG_KEY)
                out[-1] = twin
            continue
        out.append(cell)
    return out


def build(source: Path, lang: str = "en") -> nbformat.NotebookNode:
    """Read a py:percent chapter into a notebook of edition ``lang`` with the course's metadata, nav bars
    and slide metadata."""
    nb = jupytext.read(source, fmt="py:percent")
    nb.metadata.pop("jupytext", None)  # the pairing lives here, not in the notebook
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = select_language([c for c in nb.cells if not is_teacher_note(c)], lang)
    for cell in nb.cells:  # chapter 00's contents table, built from the chapter list
        if cell.cell_type == "markdown" and course.CONTENTS_MARKER in cell.source:
            cell.source = cell.source.replace(course.CONTENTS_MARKER, course.contents_table(lang))
    slug = source.stem
    if slug in {c.slug for c in course.CHAPTERS}:
        nb.cells.insert(0, nav_cell(slug, lang))
        endmatter.apply(nb, slug, lang)  # hidden solutions, references, the Next line
        nb.cells.append(nav_cell(slug, lang))
    slides.add_slide_metadata(nb)
    assign_cell_ids(nb)
    return nb


def assign_cell_ids(nb: nbformat.NotebookNode) -> None:
    """Give every cell an id made from its type and source (the nth repeat of a cell gets ``-n``)."""
    seen: dict[str, int] = {}
    for cell in nb.cells:
        digest = hashlib.sha256(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def number_widget_models(nb: nbformat.NotebookNode, name: str) -> None:
    """Replace each widget model id (random per kernel) by one derived from ``name`` and its order."""
    ids: dict[str, str] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if isinstance(view, dict) and "model_id" in view:
                old = view["model_id"]
                if old not in ids:
                    ids[old] = hashlib.sha256(f"{name}:{len(ids)}".encode()).hexdigest()[:32]
                view["model_id"] = ids[old]
                for mime, value in out.data.items():  # a text form may name the model too
                    if isinstance(value, str) and old in value:
                        out.data[mime] = value.replace(old, ids[old])


def keep_static_pictures(nb: nbformat.NotebookNode) -> None:
    """An explorer's output keeps its static picture, not its widget view.

    A widget view lives only as long as its kernel: saved, it shows "Error displaying widget:
    model not found" in a fresh Lab and nothing on GitHub.  The explorer's picture of its state
    (``Explorer.static_picture``) shows everywhere; running the cell brings the live explorer back.
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "course-explorer" in out.get("metadata", {}):
                out.get("data", {}).pop(WIDGET_VIEW, None)


def output_ignored(cell) -> bool:
    """Whether nbval ignores this cell's output (its tag, or the marker comment)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and ("nbval-ignore-output" in tags or "NBVAL_IGNORE_OUTPUT" in cell.source)


def keep_machine_dependent_text(new: nbformat.NotebookNode, old: nbformat.NotebookNode) -> None:
    """For unchanged cells whose printed text nbval ignores, keep the previous recording's text.

    Only cells that print text and nothing else: a picture or a widget is always taken from
    this run.  Cell ids come from the source, so the same id means the same cell.
    """
    before = {cell.get("id"): cell for cell in old.cells if cell.cell_type == "code"}
    for cell in new.cells:
        prev = before.get(cell.get("id"))
        if prev is None or not output_ignored(cell) or prev.source != cell.source:
            continue
        kinds = [(o.output_type, o.get("name")) for o in cell.outputs]
        if (
            kinds
            and all(kind == "stream" for kind, _ in kinds)
            and kinds == [(o.output_type, o.get("name")) for o in prev.get("outputs", [])]
        ):
            cell.outputs = prev.outputs


def execute(nb: nbformat.NotebookNode, cwd: Path, lang: str = "en") -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel of edition ``lang`` (``COURSE_LANG``); stop at the first error."""
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,  # timestamps would make every recording differ
        store_widget_state=False,  # widget models only live while a kernel runs
    )
    client.execute(env={**os.environ, "COURSE_LANG": lang})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
    return nb


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stdout (or stderr) chunks into one output.

    How a kernel splits printed text into messages depends on timing; merged,
    two recordings of the same notebook are identical.
    """
    merged: list = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if out.output_type == "stream" and prev is not None and prev.output_type == "stream" and prev.name == out.name:
            prev.text += out.text
        else:
            merged.append(out)
    return merged


def select(patterns: list[str]) -> list[Path]:
    sources = sorted(CHAPTERS.glob("[0-9][0-9]_*.py"))
    if patterns:
        sources = [s for s in sources if any(s.name.startswith(p) for p in patterns)]
    if not sources:
        raise SystemExit(f"no chapter source in {CHAPTERS} matches {patterns or 'anything'}")
    return sources


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("chapters", nargs="*", help="chapter number prefixes, e.g. 02")
    parser.add_argument("--fresh", action="store_true", help="also take machine-dependent text from this run")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this edition (default: both)")
    args = parser.parse_args(argv)
    write_guides()  # cheap, and a guide never lags behind its sources
    for source in select(args.chapters):
        for lang in args.lang or LANGUAGES:
            if lang != "en" and source.stem not in course.TRANSLATED:
                continue  # not translated yet: the Japanese edition links to the English notebook
            record(source, lang, fresh=args.fresh)
    return 0


def record(source: Path, lang: str = "en", fresh: bool = False) -> Path:
    """Build, execute and write edition ``lang`` of chapter ``source``; return the notebook written."""
    folder = edition_folder(lang)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (source.stem + ".ipynb")
    print(f"recording {_shown(source)} -> {_shown(target)}", flush=True)
    nb = execute(build(source, lang), folder, lang)
    keep_static_pictures(nb)
    number_widget_models(nb, source.stem if lang == "en" else f"{lang}/{source.stem}")
    if target.exists() and not fresh:
        keep_machine_dependent_text(nb, nbformat.read(target, as_version=4))
    nbformat.validate(nb)
    data = nbformat.writes(nb).rstrip("\n").encode("utf-8") + b"\n"  # "\n" on every OS, CRLF never
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
    return target


if __name__ == "__main__":
    sys.exit(main())
