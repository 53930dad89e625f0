"""Drive JupyterLab in Chromium: start a server, open a notebook, run it, read widgets.

Shared by the browser tests and by ``benchmarks/``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    """Debian's Chromium (never a Playwright download); ``CHROMIUM`` overrides."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"


@contextmanager
def lab_server(root: Path, *, timeout: float = 60.0):
    """Run ``jupyter lab`` on a free loopback port with a random token, serving ``root``."""
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    # Lab's user settings (e.g. jupyterlab-deck's "active", written when a deck starts) live beside the served
    # copy, not in ~/.jupyter: one test's deck never opens the next test's notebook in deck mode
    env = {**os.environ}
    env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(root / ".lab-user-settings"))
    log = open(root / "jupyter-server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=root, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start; see {root / 'jupyter-server.log'}") from None
                time.sleep(0.2)
        yield LabServer(url, token, root, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def open_notebook(page, server: LabServer, name: str) -> None:
    """Open ``name`` and wait until its kernel is idle."""
    page.goto(server.notebook_url(name))
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
    wait_kernel_idle(page)


def wait_kernel_idle(page, timeout: float = 120_000) -> None:
    page.wait_for_function(
        r"""() => {
            const s = document.querySelector('.jp-StatusBar-TextItem[title^="Change kernel"], .jp-KernelStatus');
            const t = s ? s.textContent : document.querySelector('#jp-main-statusbar')?.textContent || '';
            return /\|\s*Idle/.test(t);
        }""",
        timeout=timeout,
    )


def scroll_to_bottom(page) -> None:
    page.evaluate(
        """() => document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')
              .forEach(e => { e.scrollTop = e.scrollHeight; })"""
    )


#: The page shows the notebook's last code cell run as the ``n``-th (its prompt ``[n]:``), and the kernel idle.
LAST_CELL_RAN = r"""(n) => {
    const cells = document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell');
    const prompt = cells.length ? cells[cells.length - 1].querySelector('.jp-InputPrompt') : null;
    const s = document.querySelector('.jp-StatusBar-TextItem[title^="Change kernel"], .jp-KernelStatus');
    const status = s ? s.textContent : document.querySelector('#jp-main-statusbar')?.textContent || '';
    return !!prompt && prompt.textContent.trim() === `[${n}]:` && /\|\s*Idle/.test(status);
}"""


def restart_and_run_all(page, path: Path, timeout: float = 180.0) -> None:
    """Clear outputs, restart the kernel, run every cell; return once all have run.

    Lab may render only the cells near the viewport (and hides the prompt of a
    collapsed cell), so completion is read from the saved file: every code cell
    numbered, counts 1..n.  The file is saved when the page shows the last code
    cell numbered n (at the latest every few seconds), not on a fixed beat.
    """
    from playwright.sync_api import TimeoutError as PageTimeout

    code_cells = len(execution_counts(path))
    page.get_by_role("menuitem", name="Edit", exact=True).click()
    page.locator('li.lm-Menu-item[data-command="editmenu:clear-all"]').click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator('li.lm-Menu-item[data-command="runmenu:restart-and-run-all"]').click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    deadline = time.monotonic() + timeout
    while True:
        try:
            page.wait_for_function(LAST_CELL_RAN, arg=code_cells, timeout=4_000)
        except PageTimeout:
            pass
        save(page, path)
        counts = execution_counts(path)
        if None not in counts and counts == list(range(1, len(counts) + 1)):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"run-all did not finish in {timeout} s; counts {counts}")
    wait_kernel_idle(page)


def read_saved(path: Path, timeout: float = 10.0):
    """Read a notebook the server is saving; retry while the file is half-written.

    jupyter_server's "atomic" save keeps a backup but writes the file in place,
    so a reader can catch it empty or truncated.
    """
    import nbformat

    deadline = time.monotonic() + timeout
    while True:
        try:
            return nbformat.read(path, as_version=4)
        except (nbformat.reader.NotJSONError, ValueError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def execution_counts(path: Path) -> list[int | None]:
    return [c.execution_count for c in read_saved(path).cells if c.cell_type == "code"]


def save(page, path: Path, timeout: float = 30.0) -> None:
    """Save the open notebook (Ctrl+S) and wait until ``path`` on disk has changed."""
    before = path.stat().st_mtime_ns
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.locator('li.lm-Menu-item[data-command="docmanager:save"]').click()
    deadline = time.monotonic() + timeout
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path.name} was not saved within {timeout} s")
        time.sleep(0.1)
    time.sleep(0.3)  # let the write finish


def saved_errors(path: Path) -> list[str]:
    """Error and stderr outputs in a saved notebook (every cell, rendered or not)."""
    problems = []
    nb = read_saved(path)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"code cell {i}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"code cell {i} stderr: {out.text[:300]}")
    return problems


def wait_for_readout(page, name: str, want: str, timeout: float = 10_000) -> None:
    """Wait until the readout ``.course-readout-<name>`` contains ``want``."""
    page.wait_for_function(
        "([name, want]) => document.querySelector('.course-readout-' + name)?.textContent.includes(want)",
        arg=[name, want],
        timeout=timeout,
    )


def readout(page, name: str) -> str:
    return page.locator(f".course-readout-{name}").first.text_content().strip()


def slider_handle(page, name: str):
    loc = page.locator(f".course-slider-{name} .noUi-handle").first
    loc.scroll_into_view_if_needed()
    return loc


#: A JavaScript function: a canvas → the FNV-1a hash of its pixels' 32-bit words, as a decimal string
#: (:func:`pixels_hash` computes the same here).
CANVAS_HASH = """(c) => {
    const d = new Uint32Array(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer);
    let h = 2166136261; for (let i = 0; i < d.length; i++) { h ^= d[i]; h = Math.imul(h, 16777619); }
    return String(h >>> 0); }"""


def figure_pixels_hash(locator) -> str:
    """A hash of the pixels painted on the live canvas inside ``locator`` ('none' before the first frame)."""
    return locator.evaluate(
        f"""(root) => {{ const c = root.querySelector('canvas.course-figure');
            return !c || !c.width ? 'none' : ({CANVAS_HASH})(c); }}"""
    )


def pixels_hash(pixels) -> str:
    """:func:`figure_pixels_hash` of an RGBA array computed here (FNV-1a over its 32-bit words)."""
    import numpy as np

    h = 2166136261
    for word in np.ascontiguousarray(pixels, dtype=np.uint8).view("<u4").ravel().tolist():
        h = ((h ^ word) * 16777619) & 0xFFFFFFFF
    return str(h)


def figure_pixels(locator):
    """The RGBA pixels painted on the live canvas inside ``locator``, as a (height, width, 4) array."""
    import numpy as np

    width, height, data = locator.evaluate(
        """(root) => { const c = root.querySelector('canvas.course-figure');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            return [c.width, c.height, Array.from(d)]; }"""
    )
    return np.array(data, dtype=np.uint8).reshape(height, width, 4)


def shutdown_kernels(server: LabServer, name: str) -> None:
    """End the sessions (and so the kernels) of notebook ``name``, as closing it and shutting its kernel down does."""
    import json

    with urllib.request.urlopen(f"{server.url}/api/sessions?token={server.token}", timeout=10) as response:
        sessions = json.load(response)
    for s in sessions:
        if s.get("path") == name:
            url = f"{server.url}/api/sessions/{s['id']}?token={server.token}"
            urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30).read()


def kernel_client(server: LabServer, name: str):
    """A second client of the kernel behind notebook ``name`` (started channels; call ``stop_channels()``).

    Lets a test keep that kernel busy (``client.execute("time.sleep(3)")``) while the page is used.
    """
    import json

    from jupyter_client import BlockingKernelClient, find_connection_file

    with urllib.request.urlopen(f"{server.url}/api/sessions?token={server.token}", timeout=10) as response:
        sessions = json.load(response)
    ids = [s["kernel"]["id"] for s in sessions if s.get("path", "").endswith(name)]
    if not ids:
        raise RuntimeError(f"no running kernel for {name}: sessions {[s.get('path') for s in sessions]}")
    client = BlockingKernelClient(connection_file=find_connection_file(f"kernel-{ids[0]}.json"))
    client.load_connection_file()
    client.start_channels()
    return client
