"""Fixtures for the browser tests: a JupyterLab server on loopback and Debian's Chromium.

The server serves a temporary copy of ``notebooks/``, so running cells in the
browser never touches the recorded notebooks.  Without Chromium the tests skip
locally with a clear message; under CI (``CI`` set) they fail instead.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the shared driver module lab.py
import lab  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium() -> str:
    path = lab.find_chromium()
    if path is None:
        message = "Chromium not found (install Debian's `chromium` package, or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + " — under CI the browser tests must run, not skip")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("course")
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        shutil.copy2(nb, root / nb.name)
    if (ROOT / "notebooks" / "ja").is_dir():  # the Japanese edition, beside the English one as in notebooks/
        shutil.copytree(ROOT / "notebooks" / "ja", root / "ja")
    return root


@pytest.fixture(scope="session")
def server(course_copy):
    # the course's Lab settings (deck keys and slide styles: jupyter/overrides.json) as this checkout has them
    sys.path.insert(0, str(ROOT / "tools"))
    import commands

    commands.ensure_settings(Path(sys.prefix))
    with lab.lab_server(course_copy) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=lab.CHROMIUM_ARGS)
        yield b
        b.close()


#: Console errors that JupyterLab itself logs in normal use, not caused by the course.
#: Each entry says why it is allowed; anything else fails the test that sees it.
BENIGN_CONSOLE_ERRORS = [
    # Lab's debugger sidebar re-queries a kernel that "Restart & Run All" just restarted
    re.compile(r"Could not restore the debugger state: Canceled future for debug_request"),
]


def _record_console_error(errors: list[str], text: str) -> None:
    if not any(pattern.search(text) for pattern in BENIGN_CONSOLE_ERRORS):
        errors.append(text)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: _record_console_error(pg.console_errors, m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, locator=None) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        (locator or page).screenshot(path=str(path))
        return path

    return take


@pytest.fixture
def run_notebook(page, server, course_copy):
    """Open a notebook, Restart & Run All, and assert no cell produced an error or stderr."""

    def run(name: str) -> Path:
        path = course_copy / name
        lab.open_notebook(page, server, name)
        lab.restart_and_run_all(page, path)
        problems = lab.saved_errors(path)
        assert not problems, f"{name}: cells failed in the browser:\n" + "\n".join(problems)
        return path

    return run
