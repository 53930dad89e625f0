"""The student handout: a folder a teacher gives away as it is — notebooks, helpers, set-up, no solution anywhere."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import student  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
JAPANESE = sorted((ROOT / "notebooks" / "ja").glob("[0-9][0-9]_*.ipynb"))
SOURCES = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))
WITH_SOLUTIONS = [
    p for p in NOTEBOOKS + JAPANESE if any(student.is_solution(c) for c in nbformat.read(p, as_version=4).cells)
]
#: The model chapter in both editions; nbval runs every solution edition.
RUN_IN_TEST = ["02_sse_mse.ipynb", "ja/02_sse_mse.ipynb"]
#: What an unanswered exercise stub says, per edition (the edition's folder: "" or "ja").
NO_ANSWER_YET = {"": "✗ Exercise", "ja": "✗ 演習"}


def edition_path(path: Path) -> str:
    """``NN_slug.ipynb`` or ``ja/NN_slug.ipynb``: where a recorded notebook sits under notebooks/."""
    return path.relative_to(ROOT / "notebooks").as_posix()


CELL = re.compile(r"^# %%(.*)$", re.MULTILINE)


def source_cells(path: Path) -> list[tuple[bool, str]]:
    """(is a solution, code) for every cell of a py:percent chapter source."""
    text = path.read_text(encoding="utf-8")
    heads = list(CELL.finditer(text))
    return [
        ('"solution"' in h.group(1), text[h.end() : n.start() if n else len(text)])
        for h, n in zip(heads, [*heads[1:], None], strict=True)
    ]


#: The course's library, which learners are meant to read (the chapters show its code): not a solution.
LIBRARY = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "helpers").glob("*.py"))


def solution_only_lines(path: Path) -> set[str]:
    """Lines of a chapter's solution cells that its other cells (the exercise text included) and the library don't
    contain: the text that must not leak."""
    cells = source_cells(path)
    elsewhere = "\n".join(code for sol, code in cells if not sol) + LIBRARY
    lines = {line.strip() for sol, code in cells if sol for line in code.splitlines()}
    return {line for line in lines if len(line) >= 6 and not line.startswith("#") and line not in elsewhere}


ALL_SECRETS = sorted({line for src in SOURCES for line in solution_only_lines(src)})


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> Path:
    return student.write_handout(tmp_path_factory.mktemp("give-away") / "course", ROOT, archive=True)


def every_text(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file()}


def test_the_leak_check_finds_solutions_in_the_teachers_edition():
    assert ALL_SECRETS, "the chapter sources have no solution lines?"
    teacher = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    assert all(line in teacher for line in ALL_SECRETS)
    assert "answer_05_3 = 0.05 / 128" in ALL_SECRETS


def test_no_solution_line_anywhere_in_the_handout(handout):
    texts = every_text(handout)
    leaks = [(p.relative_to(handout), line) for p, text in texts.items() for line in ALL_SECRETS if line in text]
    assert not leaks, f"solution lines in the handout: {leaks[:5]}"
    for path, text in texts.items():
        if path.suffix != ".ipynb":
            continue
        assert "✓ Exercise" not in text and "\\u2713 Exercise" not in text, f"{path}: a solution's ✓ output leaked"
        assert '"solution"' not in text, f"{path}: a cell tagged solution"
        assert "Solutions are in the collapsed cells" not in text, path
        assert "Show the solution of exercise" not in text, path


def test_the_archive_holds_the_same_files(handout):
    with zipfile.ZipFile(handout.parent / "course.zip") as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist() if not n.endswith("/")}
        leaks = [n for n in archive.namelist() if any(s.encode() in archive.read(n) for s in ALL_SECRETS[:50])]
    assert names == {str(p.relative_to(handout)) for p in handout.rglob("*") if p.is_file()}
    assert not leaks


def test_the_handout_has_what_a_learner_needs_and_nothing_a_teacher_keeps(handout):
    needed_files = ["README.md", "requirements.txt", "pyproject.toml", "environment.yml"]
    needed_files += [
        "helpers/checks.py",
        "helpers/exercise_bank/ch02.py",
        "helpers/digits.npz",
        "run.py",
        "tools/commands.py",
        "tools/workspace.py",
        "jupyter/overrides.json",
        "jupyter/overrides.ja.json",
    ]
    for needed in needed_files:
        assert (handout / needed).is_file(), needed
    assert sorted(p.name for p in (handout / "notebooks").glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    for kept in ("chapters", "docs", "tests", "tools/record.py", "tools/student.py", "tools/endmatter.py"):
        assert not (handout / kept).exists(), f"{kept} would give the solutions or the key away"
    for kept in ("Makefile", "requirements-dev.txt", "tools/course.py", "benchmarks"):
        assert not (handout / kept).exists(), f"{kept} is the developers', not the learner's"
    # the course's own command layer, byte for byte: one implementation of lab / reset / status, not a copy
    for shipped in ("run.py", "tools/commands.py", "tools/workspace.py"):
        assert (handout / shipped).read_bytes() == (ROOT / shipped).read_bytes(), shipped
    readme = (handout / "README.md").read_text(encoding="utf-8")
    assert "python run.py lab" in readme and "python run.py reset 02" in readme and "make" not in readme


def test_the_handout_has_the_japanese_edition_without_solutions(handout):
    japanese = [p for p in JAPANESE if p.stem in course.TRANSLATED]
    assert japanese and sorted(p.name for p in (handout / "notebooks" / "ja").glob("*.ipynb")) == [
        p.name for p in japanese
    ]
    for path in japanese:
        student_nb = nbformat.read(handout / "notebooks" / "ja" / path.name, as_version=4)
        assert not [c for c in student_nb.cells if student.is_solution(c)], path.name
        solution_nb = nbformat.read(path, as_version=4)  # 11 and 12 have no exercises, so nothing to remove
        assert len(student_nb.cells) == len([c for c in solution_nb.cells if not student.is_solution(c)])
    readme = (handout / "README.ja.md").read_text(encoding="utf-8")
    assert "python run.py lab-ja" in readme and "python run.py reset --ja 02" in readme


def test_the_japanese_handout_has_every_chapter(handout):
    """Each chapter is in the Japanese handout: in Japanese once translated (every translated chapter), else as the
    English notebook its links lead to; every notebook link of a Japanese handout notebook lands on a file of the
    handout, and README.ja.md names the chapters still in English."""
    folder = handout / "notebooks" / "ja"
    for ch in course.CHAPTERS:
        title, target = course.link(ch, "ja")
        assert (folder / target).is_file(), f"chapter {ch.number}: the Japanese handout has no {target}"
        assert (ch.slug in course.TRANSLATED) == (target == ch.notebook), ch.slug
    for path in folder.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                for target in re.findall(r'(?:\]\(|href=")([^)"\s#]+\.ipynb)', cell.source):
                    assert (folder / target).is_file(), f"{path.name} links to {target}: not in the handout"
    english = [ch.number for ch in course.CHAPTERS if ch.slug not in course.TRANSLATED]
    readme = (handout / "README.ja.md").read_text(encoding="utf-8")
    assert ("まだ翻訳していない章" in readme) == bool(english) and all(n in readme for n in english)


def test_a_translated_chapter_without_its_japanese_recording_stops_the_handout(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "TRANSLATED", course.TRANSLATED | {"99_new"})
    monkeypatch.setattr(course, "CHAPTERS", (*course.CHAPTERS, course.Chapter("99_new", "New", "新しい章")))
    with pytest.raises(SystemExit, match="chapter 99 is translated but notebooks/ja/99_new.ipynb is not recorded"):
        student.write_handout(tmp_path / "h", ROOT)


def _run_py(handout: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "run.py", *args], cwd=handout, capture_output=True, text=True, timeout=timeout
    )


def test_the_handouts_commands_are_the_learners(handout):
    """`python run.py` in the handout: help lists the learner's commands only; a developer's command is refused
    in one clear line; reset and status work on the handout's own my-work/."""
    done = _run_py(handout, "help")
    assert done.returncode == 0, done.stderr
    for command in ("lab", "lab-ja", "status", "reset [--ja] NN", "japanese | english", "setup"):
        assert f"    {command}" in done.stdout, command
    assert "Teachers and developers" not in done.stdout and "record" not in done.stdout
    for developer in ("record", "test", "student", "unit"):
        refused = _run_py(handout, developer)
        assert refused.returncode == 2 and refused.stdout == "", developer
        assert refused.stderr.count("\n") == 1 and "not a command of this student edition" in refused.stderr
    refused = _run_py(handout, "setup", "--dev")
    assert refused.returncode == 2 and "unrecognized arguments: --dev" in refused.stderr
    work = handout / "my-work"
    try:
        done = _run_py(handout, "reset", "02")
        assert done.returncode == 0, done.stderr
        assert (work / "02_sse_mse.ipynb").read_bytes() == (handout / "notebooks" / "02_sse_mse.ipynb").read_bytes()
        (work / "02_sse_mse.ipynb").write_text("{}")  # the learner's edit
        done = _run_py(handout, "status")
        assert done.returncode == 0 and "02_sse_mse.ipynb" in done.stdout, done.stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _end(proc: subprocess.Popen, hard: bool = False) -> None:
    """Terminate (or kill) ``proc`` and, on POSIX, the JupyterLab it started (its process group)."""
    if os.name != "posix":
        proc.kill() if hard else proc.terminate()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL if hard else signal.SIGTERM)
    except ProcessLookupError:
        pass


def test_python_run_py_lab_starts_jupyterlab_in_the_handout(handout):
    """`python run.py lab` in the handout copies the chapters into its my-work/ and serves them. `--no-venv` uses
    this test's environment instead of installing one (the install is `python run.py setup`'s, tested with it)."""
    port = _free_port()
    cmd = [sys.executable, "run.py", "lab", "--no-venv", "--no-browser", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", "--IdentityProvider.token="]  # fmt: skip
    # a session of its own: run.py starts JupyterLab as its child, and the whole group is ended after the test
    group = {"start_new_session": True} if os.name == "posix" else {}
    proc = subprocess.Popen(cmd, cwd=handout, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **group)
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            if f"127.0.0.1:{port}/lab" in line:
                break
        assert f"127.0.0.1:{port}/lab" in "".join(seen), "".join(seen)[-2000:]
        url = f"http://127.0.0.1:{port}/api/contents/00_start_here.ipynb?content=0"
        deadline = time.monotonic() + 300  # the log line can come a while before the server answers on a busy machine
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as reply:
                    served = json.load(reply)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"JupyterLab never answered on port {port}: {''.join(seen)[-2000:]}") from None
                try:
                    proc.wait(timeout=0.5)  # the polling interval; it returns only if JupyterLab has exited
                except subprocess.TimeoutExpired:
                    continue
                raise AssertionError(f"JupyterLab exited ({proc.returncode}): {''.join(seen)[-2000:]}") from None
        assert served["name"] == "00_start_here.ipynb"  # from the handout's my-work/
    finally:
        _end(proc)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            _end(proc, hard=True)
            proc.wait()
        proc.stdout.close()
        shutil.rmtree(handout / "my-work", ignore_errors=True)
    assert sorted(p.name for p in (handout / "notebooks").glob("*.ipynb")) == [p.name for p in NOTEBOOKS]


def test_solution_says_there_are_none_in_the_handout(handout):
    assert not (handout / "chapters").exists()  # solution() reads the chapter sources: none here
    checks = (handout / "helpers" / "checks.py").read_text()
    assert "this copy of the course has no solutions" in checks


@pytest.mark.parametrize("path", WITH_SOLUTIONS, ids=edition_path)
def test_student_notebook_is_the_solution_edition_minus_solutions(handout, path):
    solution_nb = nbformat.read(path, as_version=4)
    student_nb = nbformat.read(handout / "notebooks" / edition_path(path), as_version=4)
    nbformat.validate(student_nb)
    kept = [c for c in solution_nb.cells if not student.is_solution(c)]
    assert [dict(c) for c in student_nb.cells] == [dict(c) for c in kept]
    assert student_nb.metadata == solution_nb.metadata


def test_the_source_notebook_is_not_modified():
    nb = nbformat.read(ROOT / "notebooks" / "02_sse_mse.ipynb", as_version=4)
    before = nbformat.writes(nb)
    student.student_notebook(nb)
    assert nbformat.writes(nb) == before


def test_a_folder_that_is_not_a_handout_is_never_overwritten(tmp_path):
    (tmp_path / "notes.txt").write_text("teacher's notes")
    with pytest.raises(SystemExit, match="not empty"):
        student.write_handout(tmp_path, ROOT)
    assert (tmp_path / "notes.txt").read_text() == "teacher's notes"


def test_a_handout_is_rebuilt_in_place(tmp_path):
    out = student.write_handout(tmp_path / "h", ROOT)
    (out / "notebooks" / "99_gone.ipynb").write_text("{}")
    student.write_handout(out, ROOT)
    assert not (out / "notebooks" / "99_gone.ipynb").exists()


def _text(out) -> str:
    return out.get("text", "") or out.get("data", {}).get("text/plain", "")


@pytest.mark.parametrize("name", RUN_IN_TEST)
def test_student_notebook_runs_up_to_the_exercises(handout, name):
    nb = nbformat.read(handout / "notebooks" / name, as_version=4)
    folder = (handout / "notebooks" / name).parent  # a ja/ folder gives a Japanese kernel
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]
    assert checks, f"{name} has no exercise stubs"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            assert out.output_type != "error", f"{name}: {out.ename}: {out.evalue}"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text[:300]
    for cell in checks:
        text = "".join(_text(o) for o in cell.outputs)
        want = NO_ANSWER_YET[Path(name).parent.name]
        assert text.startswith(want), f"an unanswered stub should say {want}, got {text!r}"
        assert "Traceback" not in text


NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?|-?\d+e-?\d+")


def _printed_numbers(cells) -> list[float]:
    texts = []
    for cell in cells:
        if cell.cell_type == "markdown":
            texts.append(cell.source)
        for out in cell.get("outputs", []):
            texts.append(_text(out))
            texts.append(out.get("data", {}).get("text/html", ""))
    return [float(m) for t in texts for m in NUMBER.findall(t)]


@pytest.mark.parametrize("path", WITH_SOLUTIONS, ids=edition_path)
def test_no_numeric_answer_is_printed_before_its_exercise(handout, path):
    """A learner must not find an exercise's answer (to 4 significant digits) printed or written above it."""
    from helpers.checks import exercise, judge_number, significant_digits

    nb = nbformat.read(handout / "notebooks" / edition_path(path), as_version=4)
    for index, cell in enumerate(nb.cells):
        key = re.search(r'check\("(\d\d\.\d+)"', cell.source) if cell.cell_type == "code" else None
        if not key:
            continue
        ex = exercise(key.group(1))
        if ex.kind != "number":
            continue
        expected = float(ex.expected())
        if significant_digits(expected) < 4:  # 0.0, 4.0, 21: a short exact answer is no giveaway
            continue
        shown = [v for v in _printed_numbers(nb.cells[:index]) if significant_digits(v) >= 4]
        found = [v for v in shown if judge_number(v, expected) == "ok"]
        assert not found, f"{path.name}: the answer of {key.group(1)} ({expected}) is shown above it as {found[:3]}"
