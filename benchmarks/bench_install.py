"""What a fresh install weighs: the learner's stack (``lab``, Binder) and the classroom hub's.

Each requirements file goes into a new virtual environment under a temporary
folder (``pip install --no-compile``: no ``__pycache__``, which Python writes on
first import), and its size on disk is printed, with the ten largest packages.
The learner's and the hub's installs are what issue targets bound (≤ 450 MB).

``--image`` weighs the course image for Zero to JupyterHub as ``classroom/Dockerfile`` builds it: the
hub's requirements with ``--no-compile``, the course installed, then ``classroom/slim_image.py`` (no hub
pages, no test suites, bytecode for what a student's server and kernel import), counted *with* that
bytecode; then it runs chapter 02 (student edition) in that environment, so a slimming that breaks a chapter fails here.

Run::

    python benchmarks/bench_install.py                 # learner and hub
    python benchmarks/bench_install.py requirements.txt
    python benchmarks/bench_install.py --image         # the course image (Kubernetes route)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ("requirements.txt", "classroom/requirements.txt")


def tree_bytes(path: Path, *, disk: bool = False, bytecode: bool = False) -> int:
    """Bytes of every file under ``path`` (symlinks not followed, ``__pycache__`` skipped unless ``bytecode``).

    ``disk=True`` counts the blocks the files occupy (what ``du`` shows) instead of their lengths.
    """
    total = 0
    for folder, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if bytecode or d != "__pycache__"]
        stats = [os.lstat(os.path.join(folder, f)) for f in files]
        total += sum(st.st_blocks * 512 if disk else st.st_size for st in stats)
    return total


def measure(requirements: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        py = env_dir / "bin" / "python"
        base = tree_bytes(env_dir)
        cmd = [str(py), "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check", "-r"]
        subprocess.run([*cmd, str(requirements)], check=True, cwd=requirements.parent)
        total, on_disk = tree_bytes(env_dir), tree_bytes(env_dir, disk=True)
        site = next((env_dir / "lib").glob("python3*/site-packages"))
        sizes = sorted(((tree_bytes(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)
        share = tree_bytes(env_dir / "share")
    mb = 1024 * 1024
    print(
        f"{requirements.relative_to(ROOT)}: {total / mb:.0f} MB ({(total - base) / mb:.0f} MB over an empty venv "
        f"with pip; share/ {share / mb:.0f} MB; {on_disk / mb:.0f} MB on disk)"
    )
    print("  largest: " + ", ".join(f"{name} {size / mb:.0f}" for size, name in sizes[:10]))


def measure_image() -> None:
    """The course image: what ``classroom/Dockerfile`` installs and slims, bytecode included; then chapter 02."""
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        py = env_dir / "bin" / "python"
        pip = [str(py), "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check"]
        subprocess.run([*pip, "-r", str(ROOT / "classroom" / "requirements.txt")], check=True, cwd=ROOT / "classroom")
        subprocess.run([*pip, "--no-deps", str(ROOT)], check=True, cwd=tmp)
        subprocess.run([str(py), str(ROOT / "classroom" / "slim_image.py")], check=True, cwd=tmp)
        total = tree_bytes(env_dir, bytecode=True)
        # the student edition's chapter 02 (what a class pulls: an installed course ships no solutions)
        sys.path.insert(0, str(ROOT / "tools"))
        import nbformat
        import student

        notebook = Path(tmp) / "02_sse_mse.ipynb"
        nbformat.write(
            student.student_notebook(nbformat.read(ROOT / "notebooks" / notebook.name, as_version=4)), notebook
        )
        run = [str(py), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--output", "ran.ipynb",
               "--ExecutePreprocessor.kernel_name=python3", str(notebook)]  # fmt: skip
        ran = subprocess.run(run, capture_output=True, text=True, cwd=tmp, env={**os.environ, "PYTHONPATH": ""})
    mb = 1024 * 1024
    print(f"course image (classroom/Dockerfile): {total / mb:.0f} MB with its bytecode")
    if ran.returncode:
        raise SystemExit(f"chapter 02 failed in the slimmed image:\n{ran.stderr[-2000:]}")
    print("  chapter 02 runs in it (nbconvert --execute)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT, help="requirements files (default: learner and hub)")
    parser.add_argument("--image", action="store_true", help="the course image for Kubernetes, bytecode included")
    args = parser.parse_args()
    if args.image:
        measure_image()
        return
    for name in args.files:
        path = (ROOT / name).resolve()
        if not path.is_file():
            parser.error(f"files: expected a requirements file, got {name!r} (no such file)")
        measure(path)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
