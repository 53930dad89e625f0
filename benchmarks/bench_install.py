"""What a fresh install weighs: the learner's stack (``lab``, Binder) and the classroom hub's.

Each requirements file goes into a new virtual environment under a temporary
folder (``pip install --no-compile``: no ``__pycache__``, which Python writes on
first import), and its size on disk is printed, with the ten largest packages.
The learner's and the hub's installs are what issue targets bound (≤ 450 MB).

Run::

    python benchmarks/bench_install.py                 # learner and hub
    python benchmarks/bench_install.py requirements.txt
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


def tree_bytes(path: Path) -> int:
    """Bytes of every file under ``path`` (symlinks not followed, ``__pycache__`` skipped)."""
    total = 0
    for folder, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        total += sum(os.lstat(os.path.join(folder, f)).st_size for f in files)
    return total


def measure(requirements: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        py = env_dir / "bin" / "python"
        base = tree_bytes(env_dir)
        cmd = [str(py), "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check", "-r"]
        subprocess.run([*cmd, str(requirements)], check=True, cwd=requirements.parent)
        total = tree_bytes(env_dir)
        site = next((env_dir / "lib").glob("python3*/site-packages"))
        sizes = sorted(((tree_bytes(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)
        share = tree_bytes(env_dir / "share")
    mb = 1024 * 1024
    print(
        f"{requirements.relative_to(ROOT)}: {total / mb:.0f} MB ({(total - base) / mb:.0f} MB over an empty venv "
        f"with pip; share/ {share / mb:.0f} MB)"
    )
    print("  largest: " + ", ".join(f"{name} {size / mb:.0f}" for size, name in sizes[:10]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=DEFAULT, help="requirements files (default: learner and hub)")
    args = parser.parse_args()
    for name in args.files:
        path = (ROOT / name).resolve()
        if not path.is_file():
            parser.error(f"files: expected a requirements file, got {name!r} (no such file)")
        measure(path)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
