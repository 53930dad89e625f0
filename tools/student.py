"""Write the student handout: a folder a teacher can give away as it is, with no solutions in it.

    python run.py student                  # -> student/   (make student)
    python run.py student --out DIR        # somewhere else
    python run.py student --zip            # also pack the folder as DIR.zip

The handout holds what a learner needs to run the course and nothing a teacher keeps:

* ``notebooks/``: every chapter without its solution cells (not hidden — gone, with their output);
  the exercise stubs stay, with their recorded "✗ … no answer yet"; ``notebooks/ja/``: the same for
  the Japanese edition (日本語版: ``python run.py lab-ja``), with a Japanese ``README.ja.md``.  The
  Japanese edition has every chapter: each translated chapter (``course.TRANSLATED``) in Japanese — a
  translated chapter whose Japanese recording is missing stops the build — and each other chapter
  through the English notebook its links lead to (``../NN_slug.ipynb``, marked （英語）);
* ``helpers/`` (the course's package, which checks answers at run time), ``pyproject.toml``,
  ``requirements.txt``, ``environment.yml``, ``binder/`` and ``jupyter/``;
* the course's own command layer, ``run.py`` + ``tools/commands.py`` + ``tools/workspace.py``:
  ``python run.py lab`` / ``reset NN`` / ``status`` / ``japanese`` work as in the course (without
  ``requirements-dev.txt`` it offers the learner's commands only), and a short ``README.md``.

Not in it: ``chapters/`` (the sources, which hold the solutions), the teacher guide, tests, the
recording tools and the developers' ``Makefile``.  ``tests/test_student.py`` searches every file of
the handout for every solution line and runs its commands.  ``student/`` is git-ignored: it is
rebuilt from the solution edition, never edited.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is a folder of scripts, not a package
import course  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STUDENT = ROOT / "student"
SOLUTION_TAG = "solution"

#: Files and folders copied from the course as they are (paths relative to its root).
COPIED = (
    "helpers",
    "pyproject.toml",
    "requirements.txt",
    "environment.yml",
    "binder",
    "jupyter",
    "run.py",
    "tools/commands.py",
    "tools/workspace.py",
)
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")

README = """\
# Loss functions and backpropagation — student edition

An interactive JupyterLab course. You need Python 3.11, 3.12 or 3.13 (nothing else; on Windows type
`py` for `python`).

```bash
python run.py lab       # the first time: installs the course's packages into .venv/ (a few minutes)
```

JupyterLab opens your own copies of the chapters in `my-work/`; start with `00_start_here.ipynb`.
`python run.py reset 02` restores chapter 02 and keeps your version beside it; `python run.py status`
lists the copies you edited; `python run.py help` lists every command.

Every exercise checks your answer in the notebook (✓, or ✗ with a hint).

日本語版は `python run.py lab-ja` で開きます（README.ja.md）。
"""

README_JA = """\
# 損失関数と誤差逆伝播法 — 生徒用

JupyterLabで学ぶ対話的なコースです。必要なのはPython 3.11、3.12または3.13だけです（Windowsでは `python` の代わりに
`py` と入力します）。

```bash
python run.py lab-ja    # 初回はコースのパッケージを .venv/ にインストールします（数分かかります）
```

JupyterLabが日本語のメニューで開き、`my-work/ja/` にある自分用のコピーが表示されます。`00_start_here.ipynb` から始めて
ください。`python run.py reset --ja 02` で02章を元に戻せます（あなたの版は隣に残ります）。

どの演習も、ノートブックの中で答えを確かめます（✓、またはヒントつきの ✗）。
"""

#: The line README.ja.md adds while some chapters are not translated yet ({} the chapter numbers).
README_JA_ENGLISH = (
    "\nまだ翻訳していない章（{}）は、英語版のノートブックが開きます（目次に（英語）と書かれています）。\n"
)


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without its solution cells (``nb`` itself is not modified)."""
    out = nbformat.from_dict(nb)  # a deep copy
    out.cells = [c for c in out.cells if not is_solution(c)]
    return out


def write_student_edition(src: Path = NOTEBOOKS, out: Path = STUDENT) -> list[Path]:
    """Write the student edition of every ``NN_*.ipynb`` in ``src`` to ``out``; return the files written.

    Stale ``NN_*.ipynb`` files in ``out`` (a chapter that no longer exists) are removed;
    nothing else in ``out`` is touched.
    """
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(src.glob("[0-9][0-9]_*.ipynb"))
    if not sources:
        raise SystemExit(f"no notebooks in {src}: run `python run.py record` first (make record)")
    return _write_notebooks(sources, out)


def _write_notebooks(sources: list[Path], out: Path) -> list[Path]:
    """Each of ``sources`` without its solutions into ``out`` (chapters no longer in ``sources`` removed)."""
    names = {p.name for p in sources}
    for stale in out.glob("[0-9][0-9]_*.ipynb"):
        if stale.name not in names:
            stale.unlink()
    written = []
    for path in sources:
        nb = student_notebook(nbformat.read(path, as_version=4))
        nbformat.validate(nb)
        nbformat.write(nb, out / path.name)
        written.append(out / path.name)
    return written


def japanese_chapters(notebooks: Path = NOTEBOOKS) -> list[Path]:
    """The Japanese edition's notebooks, one per translated chapter, in course order.

    Raises ``SystemExit`` naming the chapter when a chapter of ``course.TRANSLATED`` has no recording in
    ``notebooks/ja/`` (a handout would silently send Japanese learners to its English notebook).
    """
    found = []
    for ch in course.CHAPTERS:
        if ch.slug not in course.TRANSLATED:
            continue
        path = notebooks / "ja" / ch.notebook
        if not path.is_file():
            raise SystemExit(
                f"chapter {ch.number} is translated but notebooks/ja/{ch.notebook} is not recorded: "
                f"run `python run.py record {ch.number}` first"
            )
        found.append(path)
    return found


def write_japanese_edition(notebooks: Path, out: Path) -> list[Path]:
    """Write the Japanese edition of the handout to ``out/ja`` and ``out/../README.ja.md``: every translated chapter
    without solutions; the others are reached through the English notebooks in ``out`` (their links say （英語）)."""
    japanese = japanese_chapters(notebooks)
    target = out / "ja"
    target.mkdir(parents=True, exist_ok=True)
    written = _write_notebooks(japanese, target)
    english = [ch.number for ch in course.CHAPTERS if ch.slug not in course.TRANSLATED]
    readme = README_JA + (README_JA_ENGLISH.format("、".join(english)) if english else "")
    (out.parent / "README.ja.md").write_text(readme, encoding="utf-8")
    return written


def write_handout(out: Path = STUDENT, root: Path = ROOT, archive: bool = False) -> Path:
    """Write the whole handout to ``out`` (notebooks without solutions, helpers, set-up); return ``out``.

    ``out`` must be a new or empty folder, or a handout written before (it has ``.course-handout``):
    the handout is rebuilt there, so nothing else can be in the way.  With ``archive``, also write
    ``out.zip``.
    """
    marker = out / ".course-handout"
    if out.exists() and any(out.iterdir()) and not marker.exists():
        raise SystemExit(f"{out} is not empty and is not a handout written before: choose another --out")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    marker.write_text("written by tools/student.py; rebuilt on every run\n", encoding="utf-8")
    for name in COPIED:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, out / name, ignore=IGNORED)
        else:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, out / name)
    write_student_edition(root / "notebooks", out / "notebooks")
    if (root / "notebooks" / "ja").is_dir():
        write_japanese_edition(root / "notebooks", out / "notebooks")
    (out / "README.md").write_text(README, encoding="utf-8")
    if archive:
        shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=STUDENT, help="where to write (default: student/)")
    parser.add_argument("--zip", action="store_true", help="also pack the handout as OUT.zip")
    args = parser.parse_args(argv)
    out = write_handout(args.out.resolve(), ROOT, archive=args.zip)
    print(f"wrote the student handout to {out}" + (f" and {out}.zip" if args.zip else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
