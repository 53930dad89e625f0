"""Slim the course image for Zero to JupyterHub (``classroom/Dockerfile`` runs this right after pip).

A student's server in that image runs JupyterLab, a kernel and nbgrader's student side, never the hub
itself (the hub has its own image there), so three things go:

* the hub's web pages (``share/jupyterhub/static``, ≈ 43 MB): served by the hub, not by a student's server;
* the packages' own test suites (``site-packages/*/tests``, ``test``: ≈ 30 MB): nothing imports them;
* bytecode is written only for what a student's server and kernel import: pip runs with ``--no-compile``,
  then this script imports those modules once (as root, at build time), so every ``__pycache__`` a student
  needs is in the image and nothing else is.

``benchmarks/bench_install.py --image`` builds the same install in a virtual environment, runs this script,
weighs it and runs a chapter in it.  Run with the image's Python: ``python classroom/slim_image.py``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import sys
import sysconfig
from pathlib import Path

#: What a student's server and kernel import (the single-user server, Lab and its extensions, nbgrader's
#: student side, nbgitpuller, the course's helpers and what their chapters use).
WARM = (
    "jupyterhub.singleuser",
    "jupyter_server.serverapp",
    "jupyterlab.labapp",
    "jupyterlab_server",
    "nbgitpuller",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.apps",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "IPython",
    "ipywidgets",
    "anywidget",
    "matplotlib.pyplot",
    "matplotlib.backends.backend_agg",
    "matplotlib_inline.backend_inline",
    "matplotlib_fontja",
    "numpy",
    "helpers",
)
TEST_DIRS = {"tests", "test"}


def _bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def slim(prefix: Path, site: Path) -> int:
    """Remove what a student's server never uses under ``prefix``; the bytes freed."""
    freed = 0
    static = prefix / "share" / "jupyterhub" / "static"
    if static.is_dir():
        freed += _bytes(static)
        shutil.rmtree(static)
    for package in sorted(p for p in site.iterdir() if p.is_dir()):
        for folder, dirs, _ in os.walk(package):
            for name in [d for d in dirs if d in TEST_DIRS]:
                path = Path(folder) / name
                freed += _bytes(path)
                shutil.rmtree(path)
                dirs.remove(name)
    return freed


def warm() -> None:
    """Import what a student's server and kernel import, so that their bytecode is written now."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    sys.dont_write_bytecode = False
    for name in WARM:
        importlib.import_module(name)
    import helpers

    for module in pkgutil.walk_packages(helpers.__path__, "helpers."):  # every module a chapter may load
        importlib.import_module(module.name)


def main() -> None:
    prefix = Path(sys.prefix)
    site = Path(sysconfig.get_paths()["purelib"])
    freed = slim(prefix, site)
    warm()
    print(
        f"slim_image: removed {freed / 2**20:.0f} MB (hub pages, test suites); bytecode written for {len(WARM)} modules"
    )


if __name__ == "__main__":
    main()
