"""Record the course notebooks: build each from its text source and run it in a clean kernel.

    python tools/record.py            # every chapter in chapters/
    python tools/record.py 02 05      # only chapters whose file name starts with 02 or 05

``chapters/NN_slug.py`` (jupytext py:percent) is the source a reviewer reads;
``notebooks/NN_slug.ipynb`` is built from it here, executed top to bottom by
nbclient in a fresh kernel (so execution counts run 1..n), and written with its
outputs for nbval to check.  Only files under ``notebooks/`` are written; a
learner's copies live in ``my-work/`` and are never touched.

The build adds what chapter sources leave out: a previous · contents · next bar at the
top and at the end (from ``tools/course.py``), solutions shown closed, a References section and a
Next line (``tools/endmatter.py``), and RISE slide metadata (``tools/slides.py``).
"""

from __future__ import annotations

import argparse
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


def nav_cell(slug: str) -> nbformat.NotebookNode:
    """The previous · contents · next bar for chapter ``slug`` (tagged "nav")."""
    return nbformat.v4.new_markdown_cell(course.nav_cell_source(slug), metadata={"tags": ["nav"]})


def build(source: Path) -> nbformat.NotebookNode:
    """Read a py:percent chapter into a notebook with the course's metadata, nav bars and slide metadata."""
    nb = jupytext.read(source, fmt="py:percent")
    nb.metadata.pop("jupytext", None)  # the pairing lives here, not in the notebook
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    slug = source.stem
    if slug in {c.slug for c in course.CHAPTERS}:
        nb.cells.insert(0, nav_cell(slug))
        endmatter.apply(nb, slug)  # hidden solutions, references, the Next line
        nb.cells.append(nav_cell(slug))
    slides.add_slide_metadata(nb)
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel; stop at the first error."""
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,  # timestamps would make every recording differ
        store_widget_state=False,  # widget models only live while a kernel runs
    )
    client.execute()
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("chapters", nargs="*", help="chapter number prefixes, e.g. 02")
    args = parser.parse_args(argv)
    NOTEBOOKS.mkdir(exist_ok=True)
    for source in select(args.chapters):
        target = NOTEBOOKS / (source.stem + ".ipynb")
        print(f"recording {source.relative_to(ROOT)} -> {target.relative_to(ROOT)}", flush=True)
        nb = execute(build(source), NOTEBOOKS)
        nbformat.validate(nb)
        nbformat.write(nb, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
