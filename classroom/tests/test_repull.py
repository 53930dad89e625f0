"""A student's re-pull of the course never overwrites what they changed (nbgitpuller's merge)."""

from __future__ import annotations

import json
import subprocess

import nbformat

from classroom import grading

OTHER = "notebooks/05_gradient_descent.ipynb"
DELETED = "notebooks/03_cross_entropy.ipynb"


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _replace_in(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} found {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_repull_keeps_the_students_work_and_brings_the_teachers_changes(room, started, chapter_path):
    client = started(2)
    folder = chapter_path.split("/", 1)[0]

    # the student works: answers 02.1, runs every cell (new outputs and counts), deletes 03, writes notes.txt
    notebook = client.read(chapter_path)
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    exercise = next(c for c in code_cells if (m := grading.CHECK.search(_source(c))) and m["key"] == "02.1")
    exercise["source"] = 'answer_02_1 = 0.2250  # my answer\ncheck("02.1", answer_02_1)'
    for count, cell in enumerate(code_cells, 1):
        cell["execution_count"] = count
    exercise["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "✓ Exercise 02.1: correct!\n"}]
    client.save_notebook(chapter_path, notebook)
    assert client.api("DELETE", f"/api/contents/{folder}/{DELETED}").status_code == 204
    client.api("PUT", f"/api/contents/{folder}/notes.txt", json={"type": "file", "format": "text", "content": "mine"})
    title = _source(notebook["cells"][1]).splitlines()[0]

    # the teacher publishes: a new line in chapter 05, a new title and the same exercise line in
    # chapter 02, and a notes.txt of their own
    def change(work):
        _replace_in(work / OTHER, "## Exercises", "## Exercises (updated)")
        _replace_in(
            work / "notebooks/02_sse_mse.ipynb",
            json.dumps(title, ensure_ascii=False)[1:-1],
            "# 02 — Squared errors (revised)",
        )
        _replace_in(work / "notebooks/02_sse_mse.ipynb", "answer_02_1 = ...  # your code here",
                    "answer_02_1 = ...  # type your answer here")  # fmt: skip
        (work / "notes.txt").write_text("teacher's notes\n")
        subprocess.run(["git", "-C", str(work), "add", "notes.txt"], check=True)

    room.publish(change)
    client.pull(room.git_url)

    merged = client.read(chapter_path)
    nbformat.validate(nbformat.from_dict(merged))  # still a notebook after a line-by-line merge
    sources = [_source(c) for c in merged["cells"]]
    assert 'answer_02_1 = 0.2250  # my answer\ncheck("02.1", answer_02_1)' in sources  # the student's line won
    mine = next(c for c in merged["cells"] if "my answer" in _source(c))
    assert mine["outputs"][0]["text"] == "✓ Exercise 02.1: correct!\n"
    assert [c["execution_count"] for c in merged["cells"] if c["cell_type"] == "code"] == list(
        range(1, len(code_cells) + 1)
    )
    assert _source(merged["cells"][1]).startswith("# 02 — Squared errors (revised)")  # the teacher's line arrived
    assert "## Exercises (updated)" in json.dumps(client.read(f"{folder}/{OTHER}"))
    assert client.api("GET", f"/api/contents/{folder}/{DELETED}").status_code == 200  # restored
    assert client.read(f"{folder}/notes.txt") == "teacher's notes\n"
    kept = [e["name"] for e in client.read(folder) if e["name"].startswith("notes__")]
    assert len(kept) == 1 and client.read(f"{folder}/{kept[0]}") == "mine"  # renamed, not lost
