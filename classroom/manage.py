"""The classroom's commands (run from the repository's root, as root on the hub's server).

    python3 classroom/manage.py install              # the hub's environment: classroom/.venv + the proxy
    python3 classroom/manage.py test                 # install, then the classroom tests (as root)
    python3 classroom/manage.py add-students FILE    # accounts from 'name,password' lines
    python3 classroom/manage.py remove-students NAME...
    python3 classroom/manage.py start                # run the hub (settings: CLASSROOM_* variables)
    python3 classroom/manage.py link --hub URL --repo URL [--chapter 02]
    python3 classroom/manage.py course DIR --chapters 02 03   # the teacher's nbgrader course folder
    python3 classroom/manage.py grades DIR           # scores per student and exercise

Only the standard library is needed to run this file; ``install`` makes the rest.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".installed"
SYSTEM_PYTHON = "/usr/bin/python3"  # readable by every account (a pyenv Python under /root is not)
TEACHER_ONLY = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:course-list"]


def _run(*args, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def _inputs_digest(python: str) -> str:
    h = hashlib.sha256(python.encode())
    for path in (HERE / "requirements.txt", HERE / "requirements-test.txt", ROOT / "requirements.txt",
                 HERE / "package-lock.json", HERE / "nbgrader_config.py", ROOT / "jupyter" / "overrides.json",
                 Path(__file__)):  # fmt: skip
        h.update(path.read_bytes())
    return h.hexdigest()


def install(python: str = SYSTEM_PYTHON, force: bool = False) -> None:
    """Make ``classroom/.venv`` (hub + course + nbgrader + nbgitpuller) and the pinned proxy; idempotent."""
    if not shutil.which(python) and not Path(python).exists():
        sys.exit(f"--python: {python} not found (the hub's environment needs a Python every account can run)")
    version = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2] >= (3, 10))"],
                             capture_output=True, text=True).stdout.strip()  # fmt: skip
    if version != "True":
        sys.exit(f"--python: {python} must be Python 3.10 or newer")
    missing = [package for command, package in (("git", "git"), ("npm", "npm"), ("node", "nodejs"))
               if not shutil.which(command)]  # fmt: skip
    if subprocess.run([python, "-c", "import ensurepip, venv"], capture_output=True).returncode:
        missing.append("python3-venv")  # Debian ships venv's pip separately
    _debian_packages(missing)
    digest = _inputs_digest(python)
    if not force and STAMP.exists() and STAMP.read_text() == digest:
        _install_course()
        return
    if VENV.exists() and Path(os.path.realpath(BIN / "python")).parent != Path(os.path.realpath(python)).parent:
        shutil.rmtree(VENV)  # made with another Python: start again
    if not (BIN / "python").exists():
        _run(python, "-m", "venv", VENV)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # the tests' tools (pytest, Playwright) too: a real hub installs requirements.txt alone
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "-r", HERE / "requirements-test.txt")
    _install_course()
    _run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=HERE)
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "jupyter" / "overrides.json", settings / "overrides.json")
    etc = VENV / "etc" / "jupyter"
    etc.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "nbgrader_config.py", etc / "nbgrader_config.py")
    for plugin in TEACHER_ONLY:  # students see only the Assignments list; `course` re-enables these for the teacher
        _run(BIN / "jupyter", "labextension", "disable", "--level=sys_prefix", plugin, stdout=subprocess.DEVNULL)
    for extension in ("formgrader", "course_list"):
        _run(BIN / "jupyter", "server", "extension", "disable", "--sys-prefix",
             f"nbgrader.server_extensions.{extension}", stdout=subprocess.DEVNULL,
             stderr=subprocess.DEVNULL)  # fmt: skip
    STAMP.write_text(digest)


def _debian_packages(missing: list[str]) -> None:
    """Install these Debian packages (as root, with apt-get), or say which are missing."""
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"missing: {' '.join(missing)} (Debian: apt-get install {' '.join(missing)})")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run("apt-get", "update", "-qq", env=env)
    _run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def _reachable_by_students(path: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in [path, *path.parents])


def _install_course() -> None:
    """The course's package (``helpers``) as installed files, not a link into this checkout."""
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall",
         ROOT, stdout=subprocess.DEVNULL)  # fmt: skip
    shutil.rmtree(ROOT / "build", ignore_errors=True)


def test(pytest_args: list[str]) -> int:
    if not _reachable_by_students(ROOT):
        # the students' servers run from classroom/.venv: under a folder closed to them (e.g. /root)
        # they could not start. Run from a clone of this commit in /tmp instead.
        copy = Path(tempfile.gettempdir()) / f"loss-course-classroom-{hashlib.sha256(bytes(ROOT)).hexdigest()[:8]}"
        print(f"{ROOT} is closed to other accounts: testing a clone of HEAD in {copy}", flush=True)
        if not (copy / ".git").exists():
            _run("git", "clone", "--quiet", "--no-hardlinks", ROOT, copy)
        _run("git", "-C", copy, "fetch", "--quiet", ROOT, "HEAD")
        _run("git", "-C", copy, "reset", "--quiet", "--hard", "FETCH_HEAD")
        copy.chmod(0o755)
        return subprocess.run([sys.executable, copy / "classroom" / "manage.py", "test", *pytest_args]).returncode
    install()
    return subprocess.run(
        [BIN / "python", "-m", "pytest", str(HERE / "tests"), "-q", *pytest_args], cwd=ROOT
    ).returncode


def _in_venv() -> None:
    """Re-run this command inside classroom/.venv (where jupyterhub and nbgrader live)."""
    if Path(sys.prefix).resolve() != VENV.resolve():
        if not (BIN / "python").exists():
            sys.exit("run `python3 classroom/manage.py install` first")
        os.execv(BIN / "python", [str(BIN / "python"), __file__, *sys.argv[1:]])
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="classroom/manage.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install", help="make classroom/.venv and the pinned proxy")
    p.add_argument("--python", default=SYSTEM_PYTHON, help=f"Python for the environment (default {SYSTEM_PYTHON})")
    p.add_argument("--force", action="store_true", help="reinstall even if nothing changed")
    sub.add_parser("test", help="install, then run classroom/tests (needs root); other arguments go to pytest")
    p = sub.add_parser("start", help="run the hub with classroom/jupyterhub_config.py (needs root)")
    p = sub.add_parser("add-students", help="create accounts from a file of 'name,password' lines")
    p.add_argument("file", type=Path)
    p.add_argument("--home", type=Path, default=Path("/home"), help="where homes go (default /home)")
    p = sub.add_parser("remove-students", help="delete accounts and their home folders")
    p.add_argument("names", nargs="+")
    p = sub.add_parser("link", help="print the nbgitpuller link for a chapter")
    p.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    p.add_argument("--repo", required=True, help="the course's git URL the hub can reach")
    p.add_argument("--branch", default="main")
    p.add_argument("--chapter", default="00", help="chapter number to open (default 00)")
    p.add_argument("--folder", default="notebooks", help="the notebooks' folder inside the repository")
    p.add_argument("--app", choices=["lab", "notebook"], default="lab")
    p = sub.add_parser("course", help="make the teacher's nbgrader course folder from chapters")
    p.add_argument("dir", type=Path)
    p.add_argument("--chapters", nargs="+", required=True, help="chapter numbers, e.g. 02 03")
    p = sub.add_parser("grades", help="scores per student and exercise from a course folder's gradebook")
    p.add_argument("dir", type=Path)
    p.add_argument("--csv", type=Path, help="also write the table as CSV")
    p.add_argument("--group", default=os.environ.get("CLASSROOM_GROUP", "loss-course-students"),
                   help="list every member of this group, submitted or not (default: the class group)")  # fmt: skip
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "test":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")

    if args.command == "install":
        install(args.python, args.force)
        return 0
    if args.command == "test":
        return test(extra)
    if args.command == "link":  # standard library only: works on the teacher's laptop too
        sys.path.insert(0, str(ROOT))
        from classroom.links import chapter_link

        print(chapter_link(args.hub, args.repo, args.chapter, branch=args.branch, folder=args.folder, app=args.app))
        return 0
    _in_venv()
    if args.command == "start":
        exchange = Path(os.environ.get("CLASSROOM_EXCHANGE", "/srv/nbgrader/exchange"))
        exchange.mkdir(parents=True, exist_ok=True)
        exchange.chmod(0o777)  # every student writes submissions here (nbgrader's own instructions)
        os.execv(BIN / "jupyterhub", [str(BIN / "jupyterhub"), "-f", str(HERE / "jupyterhub_config.py")])
    if args.command in ("add-students", "remove-students"):
        from classroom import accounts

        group = os.environ.get("CLASSROOM_GROUP", "loss-course-students")
        if args.command == "add-students":
            created = accounts.add(accounts.read_class_list(args.file), group, home_base=args.home)
            print(f"{len(created)} accounts created in group {group}")
        else:
            accounts.remove(args.names)
        return 0
    from classroom import grading

    if args.command == "course":
        for path in grading.make_course(args.dir, args.chapters):
            print(path)
        return 0
    import grp

    try:
        members = grp.getgrnam(args.group).gr_mem
    except KeyError:
        members = []
    table = grading.score_table(args.dir, members)
    print(grading.markdown(table))
    if args.csv:
        grading.write_csv(table, args.csv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
