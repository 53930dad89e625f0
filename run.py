"""The course's commands, from Python alone: Windows, macOS and Linux, no make or bash needed.

    python run.py lab            set up (once), then open your own copies of the course in JupyterLab
    python run.py help           every command (reset NN, status, ...)
    python run.py test           (the full course) set up the test tools, then lint, unit, nbval, browser tests

On Windows type ``py run.py lab``; where ``python`` is an older Python, name a newer one
(``python3.12 run.py lab``). In the full course, ``make lab`` and the other make targets call this file;
the student edition (``python run.py student``) ships this file with the learner's commands only.
"""

# This first part runs on any Python, so that an old one can say clearly why it cannot go on:
# no syntax newer than Python 2.7 / 3.0 here.
import os
import subprocess
import sys

SUPPORTED = ((3, 11), (3, 12), (3, 13))
ROOT = os.path.dirname(os.path.abspath(__file__))
VENV_PYTHON = (
    os.path.join(ROOT, ".venv", "Scripts", "python.exe")
    if os.name == "nt"
    else os.path.join(ROOT, ".venv", "bin", "python")
)


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except Exception:  # a missing file, or no samefile on an old Windows Python
        return False


if tuple(sys.version_info[:2]) not in SUPPORTED:
    args = sys.argv[1:]
    if os.path.exists(VENV_PYTHON) and not _same_file(sys.executable, VENV_PYTHON) and args[:1] != ["setup"]:
        # The course's own environment exists: let its Python run the command.
        sys.exit(subprocess.call([VENV_PYTHON, os.path.abspath(__file__)] + args))
    sys.exit(
        "The course needs Python 3.11, 3.12 or 3.13, but this is Python %s (%s): install one of those "
        "(python.org) and run it instead, e.g. `python3.12 run.py %s` (Windows: `py -3.12 run.py %s`)."
        % (sys.version.split()[0], sys.executable, " ".join(args) or "lab", " ".join(args) or "lab")
    )

sys.path.insert(0, os.path.join(ROOT, "tools"))  # tools/ is a folder of scripts, not a package
from commands import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
