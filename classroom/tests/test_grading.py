"""Students submit through the hub; the teacher collects, autogrades and reads a score per exercise."""

from __future__ import annotations

import copy
import re

import pytest

from classroom import grading
from classroom.harness import HERE, VENV_BIN

COURSE_ID = "loss-course"
SOLUTION_CALL = re.compile(r"""solution\(\s*["'](?P<key>\d\d\.\d+)["']""")


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _solutions(chapter: dict) -> dict[str, str]:
    """The solution code for each exercise key of the chapter, as written in its source in chapters/."""
    from helpers.checks import solution_source

    found = {}
    for cell in chapter["cells"]:
        if "solution" in cell["metadata"].get("tags", []):
            key = SOLUTION_CALL.search(_source(cell))["key"]  # the notebook shows only solution("NN.k")
            found[key] = solution_source(key, HERE.parent / "chapters")
    return found


def _answer(notebook: dict, key: str, source: str) -> None:
    """Write ``source`` into the exercise cell of ``key`` (the one a student types into)."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and "nbgrader" not in cell["metadata"]:
            match = grading.CHECK.search(_source(cell))
            if match and match["key"] == key:
                cell["source"] = source
                return
    raise AssertionError(f"no exercise cell for {key}")


def test_assignment_notebook_adds_one_locked_test_per_exercise(chapter_notebook):
    notebook, keys = grading.assignment_notebook(chapter_notebook)
    assert keys == ["02.1", "02.2", "02.3"]
    tests = [c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade")]
    assert [c["metadata"]["nbgrader"]["grade_id"] for c in tests] == ["ex02-1", "ex02-2", "ex02-3"]
    assert all(c["metadata"]["nbgrader"]["locked"] and c["metadata"]["nbgrader"]["points"] == 1 for c in tests)
    assert 'evaluate("02.2", batch_half_sse)' in _source(tests[1])
    assert not any("solution" in c["metadata"].get("tags", []) for c in notebook["cells"])
    assert len(notebook["cells"]) == len(chapter_notebook["cells"]) - 3 + 3  # 3 solutions out, 3 tests in
    assert chapter_notebook == copy.deepcopy(chapter_notebook)  # the chapter itself is untouched


def test_assignment_notebook_refuses_a_chapter_without_exercises():
    with pytest.raises(ValueError, match="no exercise cells"):
        grading.assignment_notebook({"cells": [{"cell_type": "code", "metadata": {}, "source": "print(1)"}]})


def test_exercise_ids_round_trip():
    assert grading.exercise_of("ex02-1") == "02.1"
    with pytest.raises(ValueError, match="grade_id must look like"):
        grading.exercise_of("02.1")


def test_submit_through_the_hub_then_autograde_gives_a_score_per_exercise(room, started, chapter_notebook):
    teacher = room.teacher.name
    course = room.home(teacher) / "course"
    python = str(VENV_BIN / "python")
    room.run_as(teacher, python, str(HERE / "manage.py"), "course", str(course), "--chapters", "02")
    assert (room.exchange / COURSE_ID / "outbound" / "ch02" / "02_sse_mse.ipynb").exists()

    solutions = _solutions(chapter_notebook)
    students = [started(i) for i in range(3)]
    for s in students:  # each fetches from JupyterLab's Assignments tab: the same request, through the hub
        answer = s.api("POST", "/assignments/fetch", data={"course_id": COURSE_ID, "assignment_id": "ch02"})
        assert answer.status_code == 200, answer.text
    path = "ch02/02_sse_mse.ipynb"

    full = students[0].read(path)  # every exercise solved
    for key, source in solutions.items():
        _answer(full, key, source)
    students[0].save_notebook(path, full)

    partial = students[1].read(path)  # one right, one wrong, one blank — and a test cell "fixed"
    _answer(partial, "02.1", solutions["02.1"])
    _answer(partial, "02.2", 'def sse(y_pred, y_true):\n    return 0.0\n\n\ncheck("02.2", sse)')
    for cell in partial["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ex02-3":
            cell["source"] = "pass  # the test is gone"
    students[1].save_notebook(path, partial)
    # students[2] fetched but never submits

    for s in students[:2]:
        answer = s.api("POST", "/assignments/submit", data={"course_id": COURSE_ID, "assignment_id": "ch02"})
        assert answer.status_code == 200 and '"success": false' not in answer.text, answer.text

    inbound = room.exchange / COURSE_ID / "inbound"
    kernel = students[2].open_notebook("ch02/02_sse_mse.ipynb")
    try:  # a classmate cannot even list the submissions
        out = kernel.output(
            f"import os\ntry:\n    os.listdir({str(inbound)!r})\nexcept PermissionError:\n    print('denied')"
        )
    finally:
        kernel.close()
    assert out == "denied\n"

    room.run_as(teacher, python, "-m", "nbgrader", "collect", "ch02", cwd=course)
    room.run_as(teacher, python, "-m", "nbgrader", "autograde", "ch02", cwd=course)
    shown = room.run_as(teacher, python, str(HERE / "manage.py"), "grades", str(course), "--group", room.group,
                        "--csv", str(course / "grades.csv"), cwd=course).stdout  # fmt: skip

    table = grading.score_table(course, [s.name for s in room.students])
    assert table == {
        students[0].name: {"02.1": 1.0, "02.2": 1.0, "02.3": 1.0, "total": 3.0},
        students[1].name: {"02.1": 1.0, "02.2": 0.0, "02.3": 0.0, "total": 1.0},
        students[2].name: {"02.1": None, "02.2": None, "02.3": None, "total": 0.0},
    }
    assert re.search(rf"\| {students[0].name} \| 1 \| 1 \| 1 \| 3 \|", shown), shown
    assert re.search(rf"\| {students[2].name} \| — \| — \| — \| 0 \|", shown), shown
    assert (course / "grades.csv").read_text().splitlines()[0] == "student,02.1,02.2,02.3,total"
