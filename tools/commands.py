"""The course's commands: ``python run.py COMMAND`` (``make COMMAND`` is an alias for the same).

Learners
    lab [--no-venv]      set up .venv/ (once), copy the chapters into my-work/ (never overwriting
                         your edits) and open JupyterLab there; --no-venv uses the Python running
                         this (a conda environment made from environment.yml) instead of .venv/;
                         other options go to JupyterLab (--port=8890, --no-browser)
    lab-ja [--no-venv]   the same for the Japanese edition (日本語版): your copies in my-work/ja/,
                         JupyterLab's menus in Japanese
    status               which of your copies you edited, which chapters have a newer version
    reset [--ja] NN      restore chapter NN in my-work/ (--ja: in my-work/ja/); an edited copy is kept beside it
    japanese | english   the language of JupyterLab's menus (restart the lab afterwards)
    setup                only the set-up: .venv/ with the learner's packages

Teachers and developers (the full course, not its student edition)
    setup --dev          the set-up with the test tools too
    test [--every-python]   lint, unit tests, nbval on every notebook, browser tests
                            (--every-python: nbval under each supported Python, 3.11–3.13)
    lint | unit | nbval | browser [pytest options]   one part of `test`
    record [NN ...]      rebuild notebooks/ from chapters/ in a clean kernel
    student [...]        the student edition (tools/student.py)
    bench                benchmarks/: training speed, nbval against its floor, explorer latency
    classroom-test       the classroom hub's tests (as root; CI runs them)
    bench-classroom      the load test: N students on one hub (as root; --students N)
    clean-venv           delete .venv/ and the .venv-3.NN/ folders of --every-python

Only the standard library, paths through pathlib, the virtual environment's ``Scripts\\``
(Windows) or ``bin/``, and child processes started from argument lists (no shell): the same on
Windows, macOS and Linux.  ``run.py`` has already refused a Python outside 3.11–3.13.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import workspace

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SUPPORTED = ((3, 11), (3, 12), (3, 13))
LEARNER_REQUIREMENTS = ROOT / "requirements.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
#: The browser tests' npm packages (axe-core for the accessibility audit), pinned by their lock file.
NPM_TOOLS = ROOT / "tests" / "browser"
#: textlint and its rules for the Japanese prose (tools/ja_lint.py), pinned by their lock file.
TEXTLINT_TOOLS = ROOT / "tests" / "textlint"
#: What nbval needs besides the learner's stack on the other Pythons (pinned as in requirements-dev.txt).
NBVAL_TOOLS = ("pytest", "nbval")
SETTINGS = {"en": ROOT / "jupyter" / "overrides.json", "ja": ROOT / "jupyter" / "overrides.ja.json"}
NBVAL_OPTIONS = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]


#: The commands a learner needs; the student edition (tools/student.py) has only these.
LEARNER_COMMANDS = ("lab", "lab-ja", "status", "reset", "japanese", "english", "setup", "help")
DEVELOPER_HEADING = "\nTeachers and developers"


def full_course() -> bool:
    """True in the course repository; False in the student edition, which ships no test tools
    (``requirements-dev.txt``) and so offers the learner commands only."""
    return DEV_REQUIREMENTS.is_file()


def usage() -> str:
    """The command list: every command in the full course, the learner's in the student edition."""
    doc = __doc__ or ""
    if full_course():
        return doc
    return doc.split(DEVELOPER_HEADING)[0] + "\n"


class CourseError(Exception):
    """A problem the learner can fix; ``main`` prints the message as one line and exits with 1."""


class Failed(Exception):
    """A child command failed (its own output has said why); carries its exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# --- environment ---------------------------------------------------------------------------


def venv_python(venv: Path, *, windows: bool | None = None) -> Path:
    """The Python of a virtual environment: ``Scripts\\python.exe`` on Windows, ``bin/python`` elsewhere."""
    if windows is None:
        windows = os.name == "nt"
    return venv / "Scripts" / "python.exe" if windows else venv / "bin" / "python"


def venv_version(venv: Path) -> tuple[int, int] | None:
    """The Python version a virtual environment was made with (from its ``pyvenv.cfg``)."""
    try:
        text = (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"^version(?:_info)?\s*=\s*(\d+)\.(\d+)", text, re.MULTILINE)
    return (int(m.group(1)), int(m.group(2))) if m else None


def child_env() -> dict[str, str]:
    """The environment of every command this starts (and of the kernels those start)."""
    env = dict(os.environ)
    # OpenBLAS chooses its kernels by CPU, and its AVX-512 kernels round some matrix products
    # differently in the last digit from the AVX2 ones. The course prints and asserts exact
    # values, so lab, record and test (and their kernels) use one kernel family on x86-64.
    if platform.machine().lower() in {"x86_64", "amd64"}:
        env.setdefault("OPENBLAS_CORETYPE", "Haswell")
    env.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    return env


def _shown(arg: object) -> str:
    text = str(arg)
    try:
        return Path(text).relative_to(ROOT).as_posix() if Path(text).is_absolute() else text
    except ValueError:
        return text


def run(cmd: Sequence[object], *, check: bool = True) -> int:
    """Run ``cmd`` in the course folder, showing it first; raise :class:`Failed` on a non-zero exit."""
    print("$ " + " ".join(_shown(a) for a in cmd), flush=True)
    try:
        code = subprocess.call([str(a) for a in cmd], cwd=ROOT, env=child_env())
    except OSError as exc:
        raise CourseError(f"cannot run {_shown(cmd[0])}: {exc.strerror or exc}") from exc
    if code and check:
        raise Failed(code)
    return code


def start(cmd: Sequence[object]) -> subprocess.Popen:
    """Start ``cmd`` in the course folder beside what follows, showing it first; :func:`finish` waits for it."""
    print("$ " + " ".join(_shown(a) for a in cmd) + " &", flush=True)
    try:
        return subprocess.Popen([str(a) for a in cmd], cwd=ROOT, env=child_env())
    except OSError as exc:
        raise CourseError(f"cannot run {_shown(cmd[0])}: {exc.strerror or exc}") from exc


def finish(procs: Sequence[subprocess.Popen], *, stop: bool = False) -> None:
    """Wait for what :func:`start` started (end it first if ``stop``); raise :class:`Failed` if one failed."""
    codes = []
    for proc in procs:
        if stop and proc.poll() is None:
            proc.terminate()
        codes.append(proc.wait())
    if not stop and any(codes):
        raise Failed(next(c for c in codes if c))


def run_foreground(cmd: Sequence[object]) -> int:
    """Run a server until it stops; Ctrl+C reaches it too, and we wait for its shutdown."""
    print("$ " + " ".join(_shown(a) for a in cmd), flush=True)
    proc = subprocess.Popen([str(a) for a in cmd], cwd=ROOT, env=child_env())
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue  # the server got the same Ctrl+C and asks or shuts down by itself


def _pins(requirements: Path, names: Sequence[str]) -> list[str]:
    """``name==version`` lines for ``names`` from a requirements file."""
    found = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.split("#", 1)[0].strip().partition("==")
        if sep:
            found[name.strip().lower()] = f"{name.strip()}=={version.strip()}"
    missing = [n for n in names if n not in found]
    if missing:
        raise CourseError(f"{requirements.name} has no pin for {', '.join(missing)}")
    return [found[n] for n in names]


def _stamp_text(kind: str) -> str:
    files = [LEARNER_REQUIREMENTS, ROOT / "pyproject.toml"]
    if kind != "learner":
        files.append(DEV_REQUIREMENTS)
    if kind == "dev":
        files += [NPM_TOOLS / "package-lock.json", TEXTLINT_TOOLS / "package-lock.json"]
    digest = hashlib.sha256(kind.encode())
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()


def _check_venv_version(venv: Path) -> None:
    version = venv_version(venv)
    if version is not None and version not in SUPPORTED:
        raise CourseError(
            f"{venv.name}/ was made with Python {version[0]}.{version[1]}, which the course does not support "
            f"(3.11–3.13): delete the folder {venv.name} and run `python run.py setup` again"
        )


def ensure_venv(venv: Path, python: Path | str = sys.executable) -> Path:
    """Make ``venv`` with ``python`` unless it exists; return its Python."""
    py = venv_python(venv)
    if py.exists():
        _check_venv_version(venv)
        return py
    run([python, "-m", "venv", venv])
    if venv_version(venv) == (3, 11):
        # Python 3.11's venv brings setuptools, which nothing here uses (3.12 and later do not): 8 MB less.
        run([py, "-m", "pip", "uninstall", "--yes", "--quiet", "setuptools"])
    return py


#: Byte-compile the running venv's site-packages, as pip does what it installs (a file that does not compile is
#: skipped, as pip skips it): without it the test tools' many kernels each start ≈ 1.5 s slower.
_COMPILE_SITE_PACKAGES = (
    "import compileall, sysconfig; compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=2, workers=0)"
)


def install(venv: Path = VENV, kind: str = "learner", python: Path | str = sys.executable) -> Path:
    """Install the course's packages into ``venv`` unless its stamp says they are there already.

    ``kind``: ``learner`` (requirements.txt), ``dev`` (requirements-dev.txt: also the test
    tools) or ``nbval`` (the learner's stack plus pytest and nbval: the other Pythons).
    A learner's packages are not byte-compiled at install time (``--no-compile``): Python
    compiles what it imports on first use, and the ≈ 90 MB of bytecode for modules never imported
    is not written.  The test environments are compiled: their many kernels start faster.
    """
    stamps = {k: venv / f".course-{k}" for k in ("learner", "dev", "nbval")}
    good = {"learner": ("learner", "dev"), "dev": ("dev",), "nbval": ("nbval", "dev")}[kind]
    for k in good:
        if stamps[k].is_file() and stamps[k].read_text(encoding="utf-8") == _stamp_text(k):
            py = venv_python(venv)
            if py.exists():
                return py
    npm_jobs: list[subprocess.Popen] = []
    if kind == "dev":
        npm = shutil.which("npm")
        if npm is None:
            raise CourseError(
                "the test tools need npm (Node.js) for the accessibility audit: install Node.js, then try again"
            )
        # npm's installs (textlint's alone takes minutes, mostly waiting on the registry) go on beside pip's
        npm_jobs = [start([npm, "ci", "--prefix", tools, "--no-audit", "--no-fund", "--silent"])
                    for tools in (NPM_TOOLS, TEXTLINT_TOOLS)]  # fmt: skip
    # pip compiles what it installs, not what a learner's set-up (``--no-compile``) put there before
    uncompiled = kind != "learner" and stamps["learner"].is_file()
    try:
        py = ensure_venv(venv, python)
        pip = [py, "-m", "pip", "install", "--quiet", *(["--no-compile"] if kind == "learner" else [])]
        run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        if kind == "learner":
            run([*pip, "-r", LEARNER_REQUIREMENTS])
        elif kind == "dev":
            run([*pip, "-r", DEV_REQUIREMENTS])
        else:
            run([*pip, "-r", LEARNER_REQUIREMENTS, *_pins(DEV_REQUIREMENTS, NBVAL_TOOLS)])
        run([*pip, "--no-deps", "-e", ROOT])
        if uncompiled:
            run([py, "-c", _COMPILE_SITE_PACKAGES])
    except BaseException:
        finish(npm_jobs, stop=True)
        raise
    finish(npm_jobs)
    stamps[kind].write_text(_stamp_text(kind), encoding="utf-8")
    if kind == "dev":
        stamps["learner"].write_text(_stamp_text("learner"), encoding="utf-8")
    if venv == VENV:
        ensure_settings(VENV)
    return py


def ensure_settings(prefix: Path, language: str | None = None) -> None:
    """The course's JupyterLab settings (no news pop-up; menus in ``language``) in an environment.

    Without ``language`` a setting already there in either language is kept (the learner chose it).
    """
    target = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    known = {lang: path.read_bytes() for lang, path in SETTINGS.items()}
    if language is None:
        if target.is_file() and target.read_bytes() in known.values():
            return
        language = "en"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(known[language])


def find_python(version: tuple[int, int]) -> Path | None:
    """An interpreter of ``version``: ``pythonX.Y`` on PATH, pyenv's versions, or Windows' ``py -X.Y``."""
    name = f"{version[0]}.{version[1]}"
    candidates: list[list[str]] = []
    on_path = shutil.which(f"python{name}")
    if on_path:
        candidates.append([on_path])
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    installed = [d for d in pyenv.glob(f"{name}.*") if re.fullmatch(rf"{re.escape(name)}\.\d+", d.name)]
    for d in sorted(installed, key=lambda d: int(d.name.rsplit(".", 1)[1]), reverse=True):
        candidates += [[str(exe)] for exe in (d / "bin" / f"python{name}", d / "python.exe") if exe.exists()]
    if os.name == "nt":
        candidates.append(["py", f"-{name}"])
    for cmd in candidates:
        try:
            out = subprocess.run(
                [*cmd, "-c", "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        lines = out.stdout.split()
        if out.returncode == 0 and len(lines) == 2 and lines[1] == name:
            return Path(lines[0])
    return None


# --- commands ----------------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace) -> int:
    py = install(VENV, "dev" if args.dev else "learner")
    print(f"ready: {_shown(py)} ({'learner and test tools' if args.dev else 'learner'} packages)")
    return 0


def _current_environment() -> Path:
    """The Python running this, checked to hold what the lab needs (``--no-venv``)."""
    import importlib.util

    missing = [m for m in ("jupyterlab", "helpers", "ipywidgets") if importlib.util.find_spec(m) is None]
    if missing:
        raise CourseError(
            f"this Python ({sys.executable}) has no {', '.join(missing)}: create and activate the course's "
            "environment first (`conda env create -f environment.yml`, `conda activate loss-course`), "
            "or leave out --no-venv to use .venv/"
        )
    return Path(sys.executable)


#: Where an edition's originals and the learner's copies live, inside notebooks/ and my-work/.
EDITION_FOLDER = {"en": None, "ja": "ja"}


def edition_paths(language: str) -> tuple[Path, Path]:
    """``(originals, copies)`` of an edition: ``notebooks/`` and ``my-work/``, or their ``ja/`` folders."""
    sub = EDITION_FOLDER[language]
    if sub is None:
        return workspace.ORIGINALS, workspace.WORK
    return workspace.ORIGINALS / sub, workspace.WORK / sub


def cmd_lab(args: argparse.Namespace) -> int:
    """``lab``, or ``lab-ja``: the Japanese edition's copies (my-work/ja/) beside the English ones, whose
    chapters the Japanese edition links to until they are translated; JupyterLab's menus in Japanese."""
    language = "ja" if args.command == "lab-ja" else "en"
    if args.no_venv:
        py, prefix = _current_environment(), Path(sys.prefix)
    else:
        py, prefix = install(VENV, "learner"), VENV
    try:
        ensure_settings(prefix, "ja" if language == "ja" else None)
    except OSError as exc:
        print(f"note: the course's JupyterLab settings could not be written into {prefix} ({exc.strerror or exc})")
    src, work = edition_paths(language)
    first = workspace.first_notebook(src)
    try:
        for edition in dict.fromkeys(["en", language]):  # lab-ja: the English copies too, for its links
            edition_src, edition_work = edition_paths(edition)
            for line in workspace.sync_lines(workspace.sync(edition_work, edition_src)):
                print(line)
    except workspace.WorkspaceError as exc:
        if not (work / first).is_file():
            raise CourseError(f"{exc} — JupyterLab opens your copies there, so it cannot start") from exc
        print(f"{exc}\nJupyterLab starts anyway with the copies that are there: you can read and run them, "
              "but saving will fail until the folder is writable.")  # fmt: skip
    cmd = [py, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={workspace.WORK}"]
    if getattr(os, "geteuid", lambda: 1)() == 0:
        cmd.append("--allow-root")  # Jupyter refuses root without it (containers, CI)
    return run_foreground([*cmd, *args.jupyter_args, work / first])


def cmd_status(args: argparse.Namespace) -> int:
    for line in workspace.status_lines(workspace.status()):
        print(line)
    src, work = edition_paths("ja")
    if work.is_dir():
        print(f"Japanese edition (日本語版), {workspace._shown(work)}/:")
        for line in workspace.status_lines(workspace.status(work, src), work):
            print("  " + line)
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    src, work = edition_paths("ja" if args.ja else "en")
    target, kept = workspace.reset(args.chapter, work, src)
    if kept:
        print(f"your version is kept as {workspace._shown(kept)}")
    print(f"restored {workspace._shown(target)}")
    return 0


def cmd_language(args: argparse.Namespace) -> int:
    language = "ja" if args.command == "japanese" else "en"
    if args.no_venv:
        _current_environment()
        prefix = Path(sys.prefix)
    else:
        install(VENV, "learner")
        prefix = VENV
    ensure_settings(prefix, language)
    print(f"JupyterLab's menus will be in {'Japanese' if language == 'ja' else 'English'}: restart the lab")
    return 0


def _is_path(arg: str) -> bool:
    return not arg.startswith("-") and (ROOT / arg.split("::")[0]).exists()


def _pytest(py: Path, default: Sequence[object], extra: Sequence[str]) -> list[object]:
    """pytest on ``default`` (paths and options), or on the paths given in ``extra`` instead."""
    chosen = extra if any(_is_path(e) for e in extra) else [*default, *extra]
    return [py, "-m", "pytest", *chosen, "-q"]


def _nbval(py: Path, extra: Sequence[str]) -> list[object]:
    """nbval on every notebook, or on the notebooks named in ``extra``."""
    paths = [e for e in extra if _is_path(e)]
    return [py, "-m", "pytest", *(paths or ["notebooks"]), *NBVAL_OPTIONS, *[e for e in extra if e not in paths], "-q"]


def lint() -> None:
    py = install(VENV, "dev")
    run([py, "-m", "ruff", "check", "."])
    run([py, "-m", "ruff", "format", "--check", "helpers", "tests", "tools", "benchmarks", "classroom", "run.py"])
    run([py, ROOT / "tools" / "ja_lint.py"])  # textlint on the Japanese edition's prose


#: The unit tests on every core (at most 4: pytest-xdist), each test file on one worker.
UNIT = ["tests", "--ignore=tests/browser", "-n", "auto", "--maxprocesses=4", "--dist=loadfile"]


def unit(extra: Sequence[str] = ()) -> None:
    run(_pytest(install(VENV, "dev"), UNIT, extra))


#: The browser tests in two workers (each its own JupyterLab and Chromium; a worker takes the next test when
#: it is free, so the long accessibility audits spread out): ≈ 13 → 10 min on 2 cores.
BROWSER = ["tests/browser", "-n", "2", "--dist=worksteal"]


def browser(extra: Sequence[str] = ()) -> None:
    run(_pytest(install(VENV, "dev"), BROWSER, extra))


def nbval(extra: Sequence[str] = (), every_python: bool = False) -> None:
    py = install(VENV, "dev")
    if not every_python:
        run(_nbval(py, extra))
        return
    failed, main_version = [], venv_version(VENV)
    for version in SUPPORTED:
        name = f"{version[0]}.{version[1]}"
        if version == main_version:
            venv_py = py
        else:
            interpreter = find_python(version)
            if interpreter is None:
                print(f"Python {name} not found (looked for python{name} on PATH, pyenv's versions"
                      f"{' and py -' + name if os.name == 'nt' else ''}): install it", flush=True)  # fmt: skip
                failed.append(f"{name} (not found)")
                continue
            venv_py = install(ROOT / f".venv-{name}", "nbval", python=interpreter)
        print(f"== nbval on Python {name} ({_shown(venv_py)}) ==", flush=True)
        if run(_nbval(venv_py, extra), check=False):
            failed.append(name)
    if failed:
        raise CourseError(f"nbval failed on Python {', '.join(failed)}")


def cmd_test(args: argparse.Namespace) -> int:
    """Every part runs even when an earlier one failed, so one run shows every failure."""
    install(VENV, "dev")
    failed = []
    for name, part in (
        ("lint", lint),
        ("unit", unit),
        ("nbval", lambda: nbval(every_python=args.every_python)),
        ("browser", browser),
    ):
        try:
            part()
        except (Failed, CourseError) as exc:
            if isinstance(exc, CourseError):
                print(f"error: {exc}", file=sys.stderr)
            failed.append(name)
    if failed:
        raise CourseError(f"test failed in: {', '.join(failed)}")
    print("test: lint, unit, nbval and browser all passed")
    return 0


def cmd_part(args: argparse.Namespace) -> int:
    extra = args.extra
    if args.command == "lint":
        lint()
    elif args.command == "unit":
        unit(extra)
    elif args.command == "nbval":
        nbval(extra, every_python=args.every_python)
    else:
        browser(extra)
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    run([install(VENV, "dev"), ROOT / "tools" / "record.py", *args.extra])
    return 0


def cmd_student(args: argparse.Namespace) -> int:
    run([install(VENV, "learner"), ROOT / "tools" / "student.py", *args.extra])
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    py = install(VENV, "dev")
    for script in ("bench_train.py", "bench_nbval.py", "bench_explorers.py"):
        run([py, ROOT / "benchmarks" / script])
    return 0


def cmd_classroom(args: argparse.Namespace) -> int:
    """The classroom hub (classroom/): its tests, or the load test; both need root (they make system users)."""
    manage = ROOT / "classroom" / "manage.py"
    if args.command == "classroom-test":
        run([sys.executable, manage, "test", *args.extra])
    else:
        run([sys.executable, manage, "install"])
        run([sys.executable, ROOT / "benchmarks" / "bench_classroom.py", *args.extra])
    return 0


def cmd_clean_venv(args: argparse.Namespace) -> int:
    for venv in [VENV, *sorted(ROOT.glob(".venv-3.*"))]:
        if venv.is_dir():
            print(f"removing {_shown(venv)}/")
            shutil.rmtree(venv)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python run.py", description=usage(), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    full = full_course()
    s = sub.add_parser("setup", help="create .venv/ with the course's packages")
    if full:
        s.add_argument("--dev", action="store_true", help="also the test tools (what `test` installs)")
    s.set_defaults(func=cmd_setup, dev=False)
    for name, text in (
        ("lab", "open your own copies of the course in JupyterLab"),
        ("lab-ja", "the Japanese edition (日本語版): your copies in my-work/ja/, menus in Japanese"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("--no-venv", action="store_true", help="use this Python's environment (conda) instead of .venv/")
        s.set_defaults(func=cmd_lab)
    sub.add_parser("status", help="which copies you edited; which chapters are newer").set_defaults(func=cmd_status)
    s = sub.add_parser("reset", help="restore a chapter in my-work/, keeping your edited copy beside it")
    s.add_argument("--ja", action="store_true", help="the Japanese edition's copy (my-work/ja/)")
    s.add_argument("chapter", help="chapter number, e.g. 02")
    s.set_defaults(func=cmd_reset)
    for name in ("japanese", "english"):
        s = sub.add_parser(name, help=f"JupyterLab's menus in {name.capitalize()}")
        s.add_argument("--no-venv", action="store_true", help="set it in this Python's environment (conda)")
        s.set_defaults(func=cmd_language)
    sub.add_parser("help", help="this list").set_defaults(func=lambda args: print(usage()) or 0)
    if not full:
        return p  # the student edition: the learner's commands only
    s = sub.add_parser("test", help="lint, unit tests, nbval, browser tests")
    s.add_argument("--every-python", action="store_true", help="nbval under each supported Python (3.11–3.13)")
    s.set_defaults(func=cmd_test)
    for name in ("lint", "unit", "nbval", "browser"):
        s = sub.add_parser(name, help=f"only the {name} part of `test`")
        if name == "nbval":
            s.add_argument("--every-python", action="store_true", help="under each supported Python (3.11–3.13)")
        s.add_argument("extra", nargs=argparse.REMAINDER, help="passed on to pytest")
        s.set_defaults(func=cmd_part)
    for name, func, text in (
        ("record", cmd_record, "rebuild notebooks/ from chapters/ (give chapter numbers for some)"),
        ("student", cmd_student, "write the student edition"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("extra", nargs=argparse.REMAINDER, help=f"passed on to tools/{name}.py")
        s.set_defaults(func=func)
    sub.add_parser("bench", help="run the benchmarks").set_defaults(func=cmd_bench)
    for name, text in (
        ("classroom-test", "the classroom hub's tests: isolation, persistence, re-pull, grading (as root)"),
        ("bench-classroom", "the load test: a class on one hub, e.g. `--students 30` (as root)"),
    ):
        s = sub.add_parser(name, help=text)
        s.add_argument("extra", nargs=argparse.REMAINDER, help="passed on to pytest / bench_classroom.py")
        s.set_defaults(func=cmd_classroom)
    sub.add_parser("clean-venv", help="delete .venv/ and .venv-3.NN/").set_defaults(func=cmd_clean_venv)
    return p


#: Commands whose other arguments all go to the program they run (pytest, record.py, student.py).
PASS_ON = {
    "unit": cmd_part,
    "nbval": cmd_part,
    "browser": cmd_part,
    "record": cmd_record,
    "student": cmd_student,
    "classroom-test": cmd_classroom,
    "bench-classroom": cmd_classroom,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in LEARNER_COMMANDS and not argv[0].startswith("-") and not full_course():
        print(
            f"error: `python run.py {argv[0]}` is not a command of this student edition, which has the learner's "
            f"commands only: {', '.join(LEARNER_COMMANDS)} (`python run.py help` says what each does)",
            file=sys.stderr,
        )
        return 2
    if argv and argv[0] in PASS_ON:
        rest = argv[1:]
        every = argv[0] == "nbval" and "--every-python" in rest
        extra = [a for a in rest if not (every and a == "--every-python")]
        args = argparse.Namespace(command=argv[0], extra=extra, every_python=every, func=PASS_ON[argv[0]])
    else:
        p = parser()
        args, unknown = p.parse_known_args(argv)
        if unknown and getattr(args, "command", None) not in ("lab", "lab-ja"):
            p.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.jupyter_args = unknown  # lab: passed on to JupyterLab (--port=8890, --no-browser, ...)
    if not getattr(args, "func", None):
        print(usage())
        return 2
    try:
        return args.func(args)
    except Failed as exc:
        return exc.code
    except (CourseError, workspace.WorkspaceError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
