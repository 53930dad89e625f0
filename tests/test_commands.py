"""The commands from Python alone (run.py, tools/commands.py): any OS, any Python says clearly what it needs."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import commands  # noqa: E402
import workspace  # noqa: E402

PORTABLE_SOURCES = [ROOT / "run.py", ROOT / "tools" / "commands.py", ROOT / "tools" / "workspace.py"]


# --- an unsupported Python: one clear line, before pip -----------------------------------------


def _run_as(version: tuple[int, int, int], args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """run.py under this interpreter, told it is ``version`` (so 3.14 can be tried where none is installed)."""
    fake = (
        "import runpy, sys\n"
        f"sys.version_info = {(*version, 'final', 0)!r}\n"
        f"sys.version = '{'.'.join(map(str, version))} (pretend)'\n"
        f"sys.argv = ['run.py', *{args!r}]\n"
        "runpy.run_path('run.py', run_name='__main__')\n"
    )
    return subprocess.run([sys.executable, "-c", fake], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def course_copy(tmp_path) -> Path:
    """run.py and tools/ in a folder of their own, without a .venv."""
    shutil.copy2(ROOT / "run.py", tmp_path / "run.py")
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.mark.parametrize("version", [(3, 10, 13), (3, 14, 0), (3, 9, 18), (4, 0, 0)])
def test_setup_refuses_an_unsupported_python_in_one_line_before_pip(course_copy, version):
    done = _run_as(version, ["setup"], course_copy)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("The course needs Python 3.11, 3.12 or 3.13, but this is Python " + ".".join(
        map(str, version)))  # fmt: skip
    assert "py -3.12 run.py setup" in lines[0] and done.stdout == ""
    assert not (course_copy / ".venv").exists()  # nothing was created, pip never ran


def test_supported_pythons_are_the_ones_everything_else_states():
    assert commands.SUPPORTED == ((3, 11), (3, 12), (3, 13))
    run_py = (ROOT / "run.py").read_text(encoding="utf-8")
    assert "SUPPORTED = ((3, 11), (3, 12), (3, 13))" in run_py
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11,<3.14"' in pyproject
    assert "Needs Python 3.11, 3.12 or 3.13" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_real_old_interpreters_refuse_too():
    # Every interpreter pyenv has here that the course does not support (2.7 and 3.6 included:
    # run.py's first part parses on any of them). Where pyenv has none, 3.10 is pretended above.
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    old = [
        p for p in sorted(pyenv.glob("*/bin/python")) if not p.parent.parent.name.startswith(("3.11", "3.12", "3.13"))
    ]
    for python in old:
        done = subprocess.run([python, "run.py", "setup"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and done.stdout == "", python
        assert done.stderr.startswith("The course needs Python 3.11, 3.12 or 3.13") and done.stderr.count("\n") == 1


def test_an_unsupported_python_hands_other_commands_to_the_courses_venv(course_copy):
    bin_dir = course_copy / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # another file, a supported Python
    (bin_dir / "python").chmod(0o755)
    done = _run_as((3, 10, 13), ["help"], course_copy)
    assert done.returncode == 0, done.stderr
    assert "python run.py COMMAND" in done.stdout
    assert _run_as((3, 10, 13), ["setup"], course_copy).returncode == 1  # setup itself is still refused


# --- Windows, macOS and Linux alike ---------------------------------------------------------------


def test_venv_python_on_windows_and_elsewhere(tmp_path):
    assert commands.venv_python(tmp_path, windows=True) == tmp_path / "Scripts" / "python.exe"
    assert commands.venv_python(tmp_path, windows=False) == tmp_path / "bin" / "python"


POSIX_ONLY_MODULES = {"fcntl", "grp", "pty", "pwd", "resource", "termios", "tty"}
POSIX_ONLY_OS = {"fork", "forkpty", "setsid", "killpg", "getuid", "geteuid", "chown", "execv", "execvp", "uname"}


def test_the_commands_use_nothing_posix_only():
    for path in PORTABLE_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not {n.split(".")[0] for n in names} & POSIX_ONLY_MODULES, where
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os":
                assert node.attr not in POSIX_ONLY_OS, f"{where}: os.{node.attr} (use getattr with a default)"
            if isinstance(node, ast.keyword) and node.arg == "shell":
                raise AssertionError(f"{where}: shell=... (start programs from argument lists)")
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not node.value.startswith(("/usr/", "/bin/", "/tmp/")), f"{where}: {node.value!r}"


def test_every_child_gets_one_openblas_kernel_family_on_x86_64(monkeypatch):
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    for machine, expected in (("x86_64", "Haswell"), ("AMD64", "Haswell"), ("arm64", None), ("aarch64", None)):
        monkeypatch.setattr(commands.platform, "machine", lambda m=machine: m)
        assert commands.child_env().get("OPENBLAS_CORETYPE") == expected, machine
    monkeypatch.setenv("OPENBLAS_CORETYPE", "SkylakeX")  # a choice made outside is kept
    monkeypatch.setattr(commands.platform, "machine", lambda: "x86_64")
    assert commands.child_env()["OPENBLAS_CORETYPE"] == "SkylakeX"


def test_find_python_checks_the_version_it_finds(tmp_path, monkeypatch):
    name = f"{sys.version_info[0]}.{sys.version_info[1]}"
    link = tmp_path / f"python{name}"
    os.symlink(sys.executable, link)
    wrong = tmp_path / "python3.12" if name != "3.12" else tmp_path / "python3.13"
    os.symlink(sys.executable, wrong)  # says it is 3.12 (or 3.13) but is not
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    assert commands.find_python(sys.version_info[:2]) is not None
    assert commands.find_python((3, 12) if name != "3.12" else (3, 13)) is None


# --- orchestration, with the slow parts replaced by fakes ---------------------------------------


@pytest.fixture
def fake_course(tmp_path, monkeypatch):
    """Commands wired to a temporary course: what they would run is recorded, nothing installed."""
    src, work = tmp_path / "notebooks", tmp_path / "my-work"
    src.mkdir()
    for name in ("00_start_here.ipynb", "01_why_loss.ipynb"):
        (src / name).write_text(json.dumps({"cells": [], "name": name}))
    monkeypatch.setattr(workspace, "ORIGINALS", src)
    monkeypatch.setattr(workspace, "WORK", work)
    calls: list[list[str]] = []
    monkeypatch.setattr(commands, "run", lambda cmd, check=True: calls.append([str(c) for c in cmd]) or 0)
    monkeypatch.setattr(commands, "run_foreground", lambda cmd: calls.append([str(c) for c in cmd]) or 0)
    monkeypatch.setattr(commands, "install", lambda venv=commands.VENV, kind="learner", python=None: (
        calls.append(["install", kind, str(venv)]) or commands.venv_python(venv)))  # fmt: skip
    return tmp_path, calls


def test_lab_copies_the_chapters_and_opens_the_first(fake_course, monkeypatch, capsys):
    tmp, calls = fake_course
    monkeypatch.setattr(
        commands, "ensure_settings", lambda prefix, language=None: calls.append(["settings", str(prefix)])
    )
    assert commands.main(["lab"]) == 0
    assert ["install", "learner", str(commands.VENV)] in calls
    lab = calls[-1]
    assert lab[1:3] == ["-m", "jupyterlab"] and "--ServerApp.ip=127.0.0.1" in lab
    assert f"--ServerApp.root_dir={tmp / 'my-work'}" in lab and lab[-1] == str(tmp / "my-work" / "00_start_here.ipynb")
    assert ("--allow-root" in lab) == (getattr(os, "geteuid", lambda: 1)() == 0)
    assert sorted(p.name for p in (tmp / "my-work").glob("*.ipynb")) == ["00_start_here.ipynb", "01_why_loss.ipynb"]
    assert "new chapter copied" in capsys.readouterr().out


def test_lab_ja_opens_the_japanese_copies_with_japanese_menus(fake_course, monkeypatch, capsys):
    tmp, calls = fake_course
    (tmp / "notebooks" / "ja").mkdir()
    (tmp / "notebooks" / "ja" / "00_start_here.ipynb").write_text(json.dumps({"cells": [], "name": "ja"}))
    languages = []
    monkeypatch.setattr(commands, "ensure_settings", lambda prefix, language=None: languages.append(language))
    assert commands.main(["lab-ja", "--port=8899"]) == 0
    lab = calls[-1]
    assert lab[-1] == str(tmp / "my-work" / "ja" / "00_start_here.ipynb") and "--port=8899" in lab
    assert f"--ServerApp.root_dir={tmp / 'my-work'}" in lab  # the English copies beside: the links to ../NN
    assert languages == ["ja"]
    assert sorted(p.name for p in (tmp / "my-work" / "ja").glob("*.ipynb")) == ["00_start_here.ipynb"]
    assert sorted(p.name for p in (tmp / "my-work").glob("*.ipynb")) == ["00_start_here.ipynb", "01_why_loss.ipynb"]
    # the learner's edit survives the next start, and reset --ja keeps it beside the original
    mine = tmp / "my-work" / "ja" / "00_start_here.ipynb"
    mine.write_text("my notes")
    assert commands.main(["lab-ja"]) == 0 and mine.read_text() == "my notes"
    assert commands.main(["reset", "--ja", "00"]) == 0
    assert json.loads(mine.read_text())["name"] == "ja"
    assert [p.read_text() for p in (tmp / "my-work" / "ja").glob("00_start_here.mine-*.ipynb")] == ["my notes"]
    assert (tmp / "my-work" / "00_start_here.ipynb").is_file()  # the English copy was not touched
    capsys.readouterr()
    assert commands.main(["status"]) == 0
    assert "Japanese edition (日本語版)" in capsys.readouterr().out


def test_lab_no_venv_uses_this_python_with_the_same_copies_and_settings(fake_course, monkeypatch):
    tmp, calls = fake_course
    prefix = tmp / "conda-env"
    monkeypatch.setattr(commands.sys, "prefix", str(prefix))
    assert commands.main(["lab", "--no-venv"]) == 0
    assert not [c for c in calls if c[0] == "install"]  # no .venv
    lab = calls[-1]
    assert lab[0] == sys.executable and lab[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp / 'my-work'}" in lab
    settings = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert settings.read_bytes() == (ROOT / "jupyter" / "overrides.json").read_bytes()
    # the learner's choice of language is kept at the next start
    assert commands.main(["japanese", "--no-venv"]) == 0 and commands.main(["lab", "--no-venv"]) == 0
    assert settings.read_bytes() == (ROOT / "jupyter" / "overrides.ja.json").read_bytes()


def test_lab_no_venv_says_what_is_missing(fake_course, monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jupyterlab" else real(name, *a))
    assert commands.main(["lab", "--no-venv"]) == 1
    err = capsys.readouterr().err
    assert "has no jupyterlab" in err and "conda env create -f environment.yml" in err


def test_lab_starts_read_only_when_my_work_cannot_be_written(fake_course, monkeypatch, capsys):
    tmp, calls = fake_course
    monkeypatch.setattr(commands, "ensure_settings", lambda prefix, language=None: None)
    assert commands.main(["lab"]) == 0
    (workspace.ORIGINALS / "02_sse_mse.ipynb").write_text("{}")  # a new chapter to copy

    def refuse(*args, **kwargs):
        raise workspace.WorkspaceError("cannot write in my-work/ (Read-only file system): nothing was changed there")

    monkeypatch.setattr(workspace, "sync", refuse)
    assert commands.main(["lab"]) == 0
    out = capsys.readouterr().out
    assert "JupyterLab starts anyway" in out and "saving will fail" in out
    assert calls[-1][1:3] == ["-m", "jupyterlab"]
    shutil.rmtree(tmp / "my-work")  # no copies at all: say why instead of starting
    n = len(calls)
    assert commands.main(["lab"]) == 1
    assert "cannot start" in capsys.readouterr().err
    assert not [c for c in calls[n:] if "jupyterlab" in c]


def test_every_python_fails_when_one_is_missing(fake_course, monkeypatch, capsys):
    _, calls = fake_course
    monkeypatch.setattr(commands, "venv_version", lambda venv: (3, 11))
    monkeypatch.setattr(commands, "find_python", lambda v: None if v == (3, 13) else Path(f"/pythons/{v[1]}"))
    assert commands.main(["nbval", "--every-python"]) == 1
    assert ["install", "nbval", str(ROOT / ".venv-3.12")] in calls and not [c for c in calls if "3.13" in " ".join(c)]
    assert sum("--nbval" in c for c in calls) == 2  # 3.11 in .venv, 3.12 in its light venv
    err = capsys.readouterr()
    assert "Python 3.13 not found" in err.out and "error: nbval failed on Python 3.13 (not found)" in err.err


def test_test_runs_lint_unit_nbval_browser_in_order(fake_course):
    _, calls = fake_course
    assert commands.main(["test"]) == 0
    steps = [c for c in calls if c[0] != "install"]
    assert [s[1:4] for s in steps[:2]] == [["-m", "ruff", "check"], ["-m", "ruff", "format"]]
    assert steps[2][1] == str(ROOT / "tools" / "ja_lint.py")  # textlint on the Japanese prose
    assert "--ignore=tests/browser" in steps[3] and "--nbval" in steps[4] and "tests/browser" in steps[5]
    assert {c[1] for c in calls if c[0] == "install"} == {"dev"}


def test_test_runs_every_part_and_names_the_failed_ones(fake_course, monkeypatch, capsys):
    _, calls = fake_course

    def run(cmd, check=True):
        calls.append([str(c) for c in cmd])
        if "--ignore=tests/browser" in calls[-1] or "--nbval" in calls[-1]:
            raise commands.Failed(1)
        return 0

    monkeypatch.setattr(commands, "run", run)
    assert commands.main(["test"]) == 1
    assert any("tests/browser" in c and "--ignore=tests/browser" not in c for c in calls)  # still ran
    assert "error: test failed in: unit, nbval" in capsys.readouterr().err


def test_install_is_skipped_while_its_stamp_is_current(tmp_path, monkeypatch):
    venv = tmp_path / "venv"
    ran: list[list[str]] = []
    monkeypatch.setattr(commands, "run", lambda cmd, check=True: ran.append([str(c) for c in cmd]) or 0)
    monkeypatch.setattr(commands, "ensure_venv", lambda v, p=None: commands.venv_python(v))
    started: list[list[str]] = []
    monkeypatch.setattr(commands, "start", lambda cmd: started.append([str(c) for c in cmd]) or cmd)
    monkeypatch.setattr(commands, "finish", lambda procs, stop=False: None)
    venv.mkdir()
    commands.install(venv, "learner")
    assert not started  # npm only for the test tools
    assert any("--no-compile" in c and "requirements.txt" in c[-1] for c in ran)
    commands.venv_python(venv).parent.mkdir(parents=True)
    commands.venv_python(venv).touch()
    n = len(ran)
    commands.install(venv, "learner")
    assert len(ran) == n  # stamp current: nothing to do
    commands.install(venv, "dev")
    assert any(c[-1].endswith("requirements-dev.txt") and "--no-compile" not in c for c in ran[n:])
    # what the learner's set-up installed uncompiled gets its bytecode now (pip compiles only what it installs)
    assert ran[-1] == [str(commands.venv_python(venv)), "-c", commands._COMPILE_SITE_PACKAGES]
    assert [c[c.index("--prefix") + 1] for c in started] == [str(commands.NPM_TOOLS), str(commands.TEXTLINT_TOOLS)]
    n = len(ran)
    commands.install(venv, "learner")  # the dev stack holds the learner's
    assert len(ran) == n


def test_a_fresh_test_set_up_leaves_compiling_to_pip(tmp_path, monkeypatch):
    ran: list[list[str]] = []
    monkeypatch.setattr(commands, "run", lambda cmd, check=True: ran.append([str(c) for c in cmd]) or 0)
    monkeypatch.setattr(commands, "ensure_venv", lambda v, p=None: commands.venv_python(v))
    monkeypatch.setattr(commands, "start", lambda cmd: cmd)
    monkeypatch.setattr(commands, "finish", lambda procs, stop=False: None)
    (tmp_path / "venv").mkdir()
    commands.install(tmp_path / "venv", "dev")
    assert ran and all(commands._COMPILE_SITE_PACKAGES not in c for c in ran)


def test_compiling_site_packages_writes_bytecode_and_skips_a_broken_file(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "good.py").write_text("x = 1\n", encoding="utf-8")
    (site / "broken.py").write_text("def (:\n", encoding="utf-8")
    code = commands._COMPILE_SITE_PACKAGES.replace("sysconfig.get_paths()['purelib']", repr(str(site)))
    assert code != commands._COMPILE_SITE_PACKAGES  # it names site-packages as this test expects
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert list((site / "__pycache__").glob("good.*.pyc"))
    assert not list((site / "__pycache__").glob("broken.*.pyc"))


def test_started_jobs_are_waited_for_and_a_failure_is_reported():
    ok = commands.start([sys.executable, "-c", "pass"])
    bad = commands.start([sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(commands.Failed) as failed:
        commands.finish([ok, bad])
    assert failed.value.code == 3
    slow = commands.start([sys.executable, "-c", "import time; time.sleep(60)"])
    commands.finish([slow], stop=True)  # pip failed: npm's installs are ended, not waited for
    assert slow.returncode is not None


def test_the_makefile_only_forwards_to_run_py():
    recipes = [line.strip() for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
               if line.startswith("\t")]  # fmt: skip
    assert recipes and all(r.startswith("$(RUN) ") for r in recipes), recipes
    assert "RUN := $(PYTHON) run.py" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_ci_runs_the_python_form_without_make():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 run.py test --every-python" in ci and "make test" not in ci
    assert 'export PATH="$nomake"' in ci and "make is still on PATH" in ci


def test_part_commands_take_pytest_paths_and_options(fake_course):
    _, calls = fake_course
    assert commands.main(["unit", "tests/test_data.py", "-x"]) == 0
    assert calls[-1][1:] == ["-m", "pytest", "tests/test_data.py", "-x", "-q"]
    assert commands.main(["unit", "-k", "digits"]) == 0
    assert calls[-1][3:] == [*commands.UNIT, "-k", "digits", "-q"] and "-n" in commands.UNIT
    assert commands.main(["browser", "-k", "ch02"]) == 0
    assert calls[-1][3:] == [*commands.BROWSER, "-k", "ch02", "-q"] and "-n" in commands.BROWSER
    assert commands.main(["browser", "tests/browser/test_ch02.py"]) == 0
    assert calls[-1][3:] == ["tests/browser/test_ch02.py", "-q"]  # one file: no workers to start
    assert commands.main(["nbval", "notebooks/02_sse_mse.ipynb"]) == 0
    assert calls[-1][3] == "notebooks/02_sse_mse.ipynb" and "--nbval" in calls[-1] and "notebooks" not in calls[-1]
