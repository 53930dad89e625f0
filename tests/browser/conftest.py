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


HERE = Path(__file__).resolve().parent
VIEWPORT = {"width": 1400, "height": 900}
#: The notebook a test runs (``run_notebook``), set at collection: its tests share one page and one Run All.
NOTEBOOK = pytest.StashKey[str]()
#: The test's own outcome (its call phase), read by the ``page`` fixture when it tears down.
CALL_REPORT = pytest.StashKey[pytest.TestReport]()
#: Per notebook, the order of the tests that share its page: first the ones that read the state Run All leaves
#: (the page equals the kernel; the accessibility audit; the layout before a toggle moved), then the ones that
#: move explorers (9), the deck last (it re-lays the cells out; jupyterlab-deck presents once per page).
PHASES = {"test_run_all": 0, "test_a11y": 1, "test_layout": 3, "test_slides": 10}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "notebook(name): the notebook a test runs with run_notebook (its shared page)")


def notebook_of(item) -> str | None:
    """The notebook ``item`` runs: a ``notebook``/``name`` parameter, a ``notebook`` mark, or test_chNN.py's chapter."""
    if "run_notebook" not in getattr(item, "fixturenames", ()):
        return None
    params = getattr(getattr(item, "callspec", None), "params", {})
    for key in ("notebook", "name"):
        if isinstance(params.get(key), str) and params[key].endswith(".ipynb"):
            return params[key]
    if (mark := item.get_closest_marker("notebook")) is not None:
        return mark.args[0]
    m = re.fullmatch(r"test_ch(\d\d)", item.module.__name__.rpartition(".")[2])
    if m:
        found = sorted(p.name for p in (ROOT / "notebooks").glob(f"{m.group(1)}_*.ipynb"))
        if len(found) == 1:
            return found[0]
    return None


def pytest_collection_modifyitems(session, config, items) -> None:
    """Group the browser tests by the notebook they run (one Run All each); the others keep their place, first."""
    ours = [i for i in items if Path(str(i.path)).resolve().parent == HERE]
    if not ours:
        return
    for item in ours:
        if (name := notebook_of(item)) is not None:
            item.stash[NOTEBOOK] = name
    position = {id(item): k for k, item in enumerate(items)}

    def key(item):
        name = item.stash.get(NOTEBOOK, None)
        if name is None:
            return (0, "", 0, position[id(item)])
        return (1, name, PHASES.get(item.module.__name__.rpartition(".")[2], 9), position[id(item)])

    slots = [k for k, item in enumerate(items) if Path(str(item.path)).resolve().parent == HERE]
    for k, item in zip(slots, sorted(ours, key=key), strict=True):
        items[k] = item


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.failed):
        item.stash[CALL_REPORT] = report


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


def _new_page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    pg.console_errors = []
    pg.console_warnings = []  # every warning since the page opened (run_all_warnings: those until Run All ended)
    pg.on("console", lambda m: _record_console_error(pg.console_errors, m.text) if m.type == "error" else None)
    pg.on("console", lambda m: pg.console_warnings.append(m.text) if m.type == "warning" else None)
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    return context, pg


class RunNotebooks:
    """One page per notebook, Restart & Run All once, shared by every test on that notebook.

    The tests are ordered by notebook (:func:`pytest_collection_modifyitems`), so one notebook's page
    and kernel are open at a time: moving on to the next notebook closes the page and shuts its kernel
    down.  A test that fails on a shared page discards it (the next test starts from a new Run All).
    """

    def __init__(self, browser, server, course_copy) -> None:
        self.browser, self.server, self.course_copy = browser, server, course_copy
        self.name: str | None = None
        self.context = self.page = None
        self.failure: BaseException | None = None  # Run All failed: every test on the notebook fails alike
        self.ran = False

    def page_for(self, name: str):
        if name != self.name:
            self.close()
            self.name = name
            self.context, self.page = _new_page(self.browser)
        return self.page

    def run(self, name: str) -> Path:
        path = self.course_copy / name
        if self.failure is not None:
            raise self.failure
        if not self.ran:
            try:
                lab.open_notebook(self.page, self.server, name)
                lab.restart_and_run_all(self.page, path)
                problems = lab.saved_errors(path)
                assert not problems, f"{name}: cells failed in the browser:\n" + "\n".join(problems)
            except BaseException as exc:
                self.failure = exc
                raise
            self.ran = True
            self.page.run_all_warnings = list(self.page.console_warnings)  # test_slides' warning policy reads them
        return path

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            lab.shutdown_kernels(self.server, self.name)
            # the saved file names widget models of the kernel just shut down: a page that opens it again (a
            # test that starts afresh after a failure) starts from the recorded notebook, as the first did
            shutil.copy2(ROOT / "notebooks" / self.name, self.course_copy / self.name)
        self.name = self.context = self.page = self.failure = None
        self.ran = False


@pytest.fixture(scope="session")
def run_notebooks(browser, server, course_copy):
    shared = RunNotebooks(browser, server, course_copy)
    yield shared
    shared.close()


@pytest.fixture
def page(request, browser):
    """A browser page: the notebook's shared page for a test that runs a notebook (``run_notebook``), else a new one."""
    notebook = request.node.stash.get(NOTEBOOK, None)
    if notebook is not None and "run_notebook" in request.fixturenames:
        shared = request.getfixturevalue("run_notebooks")
        pg = shared.page_for(notebook)
        yield pg
        report = request.node.stash.get(CALL_REPORT, None)
        if report is None or report.failed:
            shared.close()  # whatever state the failure left the page in, the next test starts afresh
        else:
            pg.set_viewport_size(VIEWPORT)  # a test that shrank the viewport (decks at 1024×768) gives it back
        return
    context, pg = _new_page(browser)
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
def run_notebook(request, page, server, course_copy):
    """Open a notebook, Restart & Run All, and assert no cell produced an error or stderr.

    The notebook's page is shared: its Run All happens once, for the first test on it (the tests are
    ordered by notebook); later tests on it find it run.
    """
    expected = request.node.stash.get(NOTEBOOK, None)

    def run(name: str) -> Path:
        if expected is None:  # a test notebook_of() cannot file: its own page and its own Run All, as before
            path = course_copy / name
            lab.open_notebook(page, server, name)
            lab.restart_and_run_all(page, path)
            problems = lab.saved_errors(path)
            assert not problems, f"{name}: cells failed in the browser:\n" + "\n".join(problems)
            return path
        if name != expected:
            raise AssertionError(
                f"{request.node.nodeid} runs {name} but is filed under {expected}: "
                "see notebook_of() in tests/browser/conftest.py"
            )
        return request.getfixturevalue("run_notebooks").run(name)

    return run
