"""Collect and grade with nbgrader, scoring each exercise with the course's own check.

nbgrader is the ecosystem's tool for this on one server: the teacher *releases* an assignment
into the exchange folder, students *fetch* and *submit* it from JupyterLab's Assignments tab
(through the hub, as their own user), the teacher *collects* and *autogrades* (each submission
runs in a fresh kernel), and the gradebook holds a score per student and test cell.

:func:`assignment_notebook` turns a chapter into an nbgrader source notebook without
re-writing its exercises: the solution cells go (as in the student edition), and after each
exercise cell — the one that calls ``check("NN.k", answer)`` — comes a locked, 1-point test
cell that asks the same check: ``assert evaluate("NN.k", answer).ok``. So a student's score is
exactly the ✓ they saw in the notebook. :func:`score_table` reads the gradebook back as one row
per student and one column per exercise.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

__all__ = ["assignment_notebook", "make_course", "score_table", "markdown", "write_csv", "exercise_of"]

ROOT = Path(__file__).resolve().parent.parent
CHECK = re.compile(r"""^\s*check\(\s*["'](?P<key>\d\d\.\d+)["']\s*,\s*(?P<answer>.+?)\s*\)\s*$""", re.M)
SOLUTION_TAG = "solution"
COURSE_CONFIG = """\
# nbgrader's settings for this course folder (made by `classroom/manage.py course`)
c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.Execute.timeout = 300  # seconds per cell when autograding (chapter 09 trains a network)
"""


def exercise_of(grade_id: str) -> str:
    """``"ex02-1"`` → ``"02.1"`` (nbgrader ids allow no dots)."""
    match = re.fullmatch(r"ex(\d\d)-(\d+)", grade_id)
    if not match:
        raise ValueError(f"grade_id must look like 'ex02-1', got {grade_id!r}")
    return f"{match[1]}.{match[2]}"


def _test_cell(key: str, answer: str) -> dict:
    grade_id = f"ex{key.replace('.', '-')}"
    source = (
        f"# Grading exercise {key} with the course's own check (1 point).\n"
        "from helpers.checks import evaluate\n\n"
        f'verdict = evaluate("{key}", {answer})\n'
        "assert verdict.ok, verdict.message"
    )
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": grade_id,
        "metadata": {
            "editable": False,
            "deletable": False,
            "nbgrader": {
                "grade": True,
                "grade_id": grade_id,
                "locked": True,
                "points": 1,
                "schema_version": 3,
                "solution": False,
                "task": False,
            },  # fmt: skip
        },
        "outputs": [],
        "source": source,
    }


def assignment_notebook(chapter: dict) -> tuple[dict, list[str]]:
    """The nbgrader source notebook for a chapter notebook (a dict); and its exercise keys in order."""
    cells, keys = [], []
    for cell in chapter["cells"]:
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        cells.append(cell)
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code":
            for match in CHECK.finditer(source):
                keys.append(match["key"])
                cells.append(_test_cell(match["key"], match["answer"]))
    if not keys:
        raise ValueError('this chapter has no exercise cells (no check("NN.k", answer) call)')
    return {**chapter, "cells": cells}, keys


def chapter_file(number: str, notebooks: Path = ROOT / "notebooks") -> Path:
    matches = sorted(notebooks.glob(f"{number}_*.ipynb"))
    if not re.fullmatch(r"\d\d", number) or len(matches) != 1:
        have = sorted({p.name[:2] for p in notebooks.glob("[0-9][0-9]_*.ipynb")})
        raise ValueError(f"chapters must be two-digit chapter numbers from {have}, got {number!r}")
    return matches[0]


def make_course(course: Path, chapters: list[str], release: bool = True) -> list[Path]:
    """Write the teacher's course folder: one assignment ``chNN`` per chapter; generate and release them.

    Run as the teacher (``nbgrader`` records the teacher as the owner of the released files).
    """
    course = Path(course).resolve()
    (course / "source").mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(COURSE_CONFIG.format(root=str(course)))
    written = []
    for number in chapters:
        path = chapter_file(number)
        notebook, _ = assignment_notebook(json.loads(path.read_text(encoding="utf-8")))
        target = course / "source" / f"ch{number}" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
        if release:
            for step in ("generate_assignment", "release_assignment"):
                subprocess.run([sys.executable, "-m", "nbgrader", step, f"ch{number}", "--force"], cwd=course,
                               check=True)  # fmt: skip
    return written


def score_table(course: Path, students: list[str] = ()) -> dict[str, dict[str, float | None]]:
    """``{student: {"02.1": 1.0, …, "total": 2.0}}`` from the course's gradebook.

    One row for each student in the gradebook and each name in ``students`` (the class list),
    ``None`` where nothing was submitted or graded.
    """
    from nbgrader.api import Gradebook, MissingEntry

    database = Path(course) / "gradebook.db"
    if not database.exists():
        raise FileNotFoundError(f"no gradebook in {course}: run `nbgrader autograde ASSIGNMENT` there first")
    table: dict[str, dict[str, float | None]] = {}
    with Gradebook(f"sqlite:///{database}") as gb:
        cells = [
            (assignment.name, notebook.name, cell.name)
            for assignment in sorted(gb.assignments, key=lambda a: a.name)
            for notebook in assignment.notebooks
            for cell in sorted(notebook.grade_cells, key=lambda c: exercise_of(c.name))
        ]
        for student in sorted({s.id for s in gb.students} | set(students)):
            row: dict[str, float | None] = {}
            for assignment, notebook, cell in cells:
                try:
                    row[exercise_of(cell)] = gb.find_grade(cell, notebook, assignment, student).score
                except MissingEntry:
                    row[exercise_of(cell)] = None
            row["total"] = sum(v for v in row.values() if v is not None)
            table[student] = row
    return table


def markdown(table: dict[str, dict[str, float | None]]) -> str:
    """The table as Markdown: one row per student, one column per exercise, then the total."""
    if not table:
        return "(no students in the gradebook yet)"
    columns = list(next(iter(table.values())))
    lines = ["| student | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for student, row in table.items():
        lines.append(f"| {student} | " + " | ".join("—" if row[c] is None else f"{row[c]:g}" for c in columns) + " |")
    return "\n".join(lines)


def write_csv(table: dict[str, dict[str, float | None]], path: Path) -> None:
    columns = list(next(iter(table.values()))) if table else []
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *columns])
        for student, row in table.items():
            writer.writerow([student, *("" if row[c] is None else row[c] for c in columns)])
