"""A student at the hub, without a browser: log in, start a server, pull, run a chapter, move a slider.

Everything goes through the hub's public URL as JupyterLab's own requests do: the login form
(PAM checks the password), the REST API with the server's XSRF token, nbgitpuller's pull endpoint,
and the kernel's websocket (Jupyter messaging protocol 5.3, JSON frames). Used by the tests in
``classroom/tests/`` and by ``benchmarks/bench_classroom.py``.
"""

from __future__ import annotations

import json
import struct
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import quote, urlencode

import requests
import websocket

__all__ = ["HubError", "KernelDied", "StudentClient", "Kernel", "find_course_slider"]


class HubError(RuntimeError):
    """The hub or a server answered something a student's browser would show as an error."""


class KernelDied(HubError):
    """The kernel died while handling a request (e.g. killed for going over the memory limit)."""


class StudentClient:
    """One logged-in student (``requests`` session holding the hub's and the server's cookies)."""

    def __init__(self, hub_url: str, name: str, password: str, timeout: float = 120):
        self.hub_url = hub_url.rstrip("/")
        self.name = name
        self.password = password
        self.timeout = timeout
        self.http = requests.Session()
        self.server = f"{self.hub_url}/user/{name}"

    # ---- hub: login and the student's server -------------------------------------------
    def login(self) -> StudentClient:
        page = self.http.get(f"{self.hub_url}/hub/login", timeout=self.timeout)
        page.raise_for_status()
        xsrf = self.http.cookies.get("_xsrf", path="/hub/")
        answer = self.http.post(
            f"{self.hub_url}/hub/login?next=",
            data={"username": self.name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=self.timeout,
        )
        if answer.status_code != 302 or "jupyterhub-session-id" not in self.http.cookies:
            raise HubError(f"{self.name}: login refused (HTTP {answer.status_code})")
        return self

    def hub_api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/") or ""}
        return self.http.request(
            method, f"{self.hub_url}/hub/api{path}", headers=headers, timeout=self.timeout, **kwargs
        )

    def start_server(self) -> StudentClient:
        """Ask the hub for this student's server and wait until it answers through the proxy."""
        answer = self.hub_api("POST", f"/users/{self.name}/server")
        if answer.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"{self.name}: spawn refused: HTTP {answer.status_code} {answer.text[:200]}")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            model = self.hub_api("GET", f"/users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                break
            if not model.get("pending") and not server:
                raise HubError(f"{self.name}: the server failed to start (see the hub's log)")
            time.sleep(0.5)
        else:
            raise HubError(f"{self.name}: the server did not start within {self.timeout} s")
        # the first visit goes through the hub's OAuth and sets the server's cookies (and _xsrf)
        page = self.http.get(f"{self.server}/lab", timeout=self.timeout)
        if page.status_code != 200 or f"/user/{self.name}/" not in page.url:
            raise HubError(f"{self.name}: the server's page answered HTTP {page.status_code} at {page.url}")
        return self

    def stop_server(self) -> None:
        answer = self.hub_api("DELETE", f"/users/{self.name}/server")
        if answer.status_code not in (202, 204):
            raise HubError(f"{self.name}: stop refused: HTTP {answer.status_code}")
        deadline = time.monotonic() + self.timeout
        while self.hub_api("GET", f"/users/{self.name}").json().get("servers"):
            if time.monotonic() > deadline:
                raise HubError(f"{self.name}: the server did not stop within {self.timeout} s")
            time.sleep(0.3)

    # ---- the student's server: REST -----------------------------------------------------
    @property
    def xsrf(self) -> str:
        return self.http.cookies.get("_xsrf", path=f"/user/{self.name}/") or ""

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """A request to this student's server API (``path`` starts with ``/api/...``)."""
        return self.api_of(self.name, method, path, **kwargs)

    def api_of(self, owner: str, method: str, path: str, **kwargs) -> requests.Response:
        """The same request aimed at ``owner``'s server, with this student's cookies."""
        headers = {"X-XSRFToken": self.xsrf, **kwargs.pop("headers", {})}
        return self.http.request(
            method, f"{self.hub_url}/user/{owner}{path}", headers=headers, timeout=self.timeout, **kwargs
        )

    def read(self, path: str) -> dict:
        answer = self.api("GET", f"/api/contents/{quote(path)}?content=1")
        if answer.status_code != 200:
            raise HubError(f"{self.name}: GET {path}: HTTP {answer.status_code}")
        return answer.json()["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        answer = self.api("PUT", f"/api/contents/{quote(path)}", json={"type": "notebook", "content": notebook})
        if answer.status_code not in (200, 201):
            raise HubError(f"{self.name}: PUT {path}: HTTP {answer.status_code} {answer.text[:200]}")

    def pull(self, repo: str, branch: str = "main", depth: int | None = None) -> list[str]:
        """Pull the course with nbgitpuller (what its link's page does) and return its progress lines."""
        query = {"repo": repo, "branch": branch}
        if depth is not None:
            query["depth"] = depth
        lines = []
        with self.api("GET", f"/git-pull/api?{urlencode(query)}", stream=True) as answer:
            if answer.status_code != 200:
                raise HubError(f"{self.name}: git-pull: HTTP {answer.status_code}")
            for raw in answer.iter_lines(decode_unicode=True):
                if not raw or not raw.startswith("data:"):
                    continue
                event = json.loads(raw[5:])
                if event.get("phase") == "error":
                    raise HubError(f"{self.name}: nbgitpuller failed: {event.get('message')} {event.get('output')}")
                if event.get("output"):
                    lines.append(event["output"])
                if event.get("phase") == "finished":
                    return lines
        raise HubError(f"{self.name}: nbgitpuller's stream ended without 'finished'")

    def open_notebook(self, path: str) -> Kernel:
        """Open a notebook as Lab does (a session with a python3 kernel) and connect to the kernel."""
        answer = self.api(
            "POST",
            "/api/sessions",
            json={"path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": "python3"}},
        )
        if answer.status_code != 201:
            raise HubError(f"{self.name}: opening {path}: HTTP {answer.status_code} {answer.text[:200]}")
        session = answer.json()
        return Kernel(self, session["kernel"]["id"], session["id"])


class Kernel:
    """A kernel's websocket through the hub's proxy, and the widget models the kernel opened."""

    def __init__(self, client: StudentClient, kernel_id: str, session_id: str):
        self.client = client
        self.kernel_id = kernel_id
        self.session_id = session_id
        self.session = uuid.uuid4().hex
        url = client.server.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={self.session}"
        cookies = "; ".join(f"{c.name}={c.value}" for c in client.http.cookies)
        self.ws = websocket.create_connection(
            url,
            header=[f"Cookie: {cookies}", f"X-XSRFToken: {client.xsrf}"],
            origin=client.hub_url,
            timeout=client.timeout,
        )
        self.models: dict[str, dict] = {}  # comm id -> widget state, as the kernel last said
        self.errors: list[str] = []

    def close(self) -> None:
        self.ws.close()

    def send(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "session": self.session,
            "username": self.client.name,
            "date": datetime.now(UTC).isoformat(),
            "version": "5.3",
        }
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": channel}
        self.ws.send(json.dumps(message))
        return msg_id

    def _track(self, msg: dict) -> None:
        kind, content = msg["header"]["msg_type"], msg["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content["data"].get("state", {}))
        elif kind == "comm_msg" and content["comm_id"] in self.models:
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update"):
                self.models[content["comm_id"]].update(data.get("state", {}))
        elif kind == "error":
            self.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        elif kind == "status" and content.get("execution_state") in ("dead", "restarting"):
            self.errors.append(f"kernel {content['execution_state']}")

    def wait_idle(self, msg_id: str, timeout: float) -> list[dict]:
        """Every message until the kernel goes idle after handling ``msg_id``."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            self.ws.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                msg = _decode(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                raise HubError(f"{self.client.name}: no answer from the kernel within {timeout} s") from None
            self._track(msg)
            seen.append(msg)
            if msg["header"]["msg_type"] == "status" and msg["content"]["execution_state"] in ("dead", "restarting"):
                raise KernelDied(f"{self.client.name}: the kernel died ({msg['content']['execution_state']})")
            if (
                msg["header"]["msg_type"] == "status"
                and msg["parent_header"].get("msg_id") == msg_id
                and msg["content"]["execution_state"] == "idle"
            ):
                return seen

    def execute(self, code: str, timeout: float = 180) -> list[dict]:
        """Run ``code``; raise :class:`HubError` if it raised."""
        msg_id = self.send("shell", "execute_request", {"code": code, "silent": False, "store_history": True,
                                                         "user_expressions": {}, "allow_stdin": False,
                                                         "stop_on_error": True})  # fmt: skip
        seen = self.wait_idle(msg_id, timeout)
        for msg in seen:
            if msg["header"]["msg_type"] == "error" and msg["parent_header"].get("msg_id") == msg_id:
                content = msg["content"]
                raise HubError(f"{self.client.name}: {content['ename']}: {content['evalue']}")
        return seen

    def output(self, code: str) -> str:
        """The text ``code`` printed to stdout."""
        return "".join(
            m["content"]["text"]
            for m in self.execute(code)
            if m["header"]["msg_type"] == "stream" and m["content"]["name"] == "stdout"
        )

    def run_notebook(self, notebook: dict, timeout: float = 180) -> int:
        """Run every code cell of ``notebook`` in order, as Run All does; return how many ran."""
        cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        for cell in cells:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            self.execute(source, timeout)
        return len(cells)

    def set_widget(self, comm_id: str, **state) -> list[dict]:
        """Send a widget change as the page does when a slider moves; return the kernel's answer."""
        msg_id = self.send(
            "shell", "comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}}
        )
        return self.wait_idle(msg_id, self.client.timeout)


def _decode(frame: str | bytes) -> dict:
    """A kernel message from a websocket frame: JSON text, or (with binary buffers, e.g. a canvas's
    pixels) jupyter_server's binary framing: a count, big-endian offsets, the JSON, the buffers."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = struct.unpack("!I", frame[:4])[0]
    offsets = [*struct.unpack(f"!{count}I", frame[4 : 4 * (count + 1)]), len(frame)]
    msg = json.loads(frame[offsets[0] : offsets[1]].decode("utf-8"))
    msg["buffers"] = [frame[a:b] for a, b in zip(offsets[1:-1], offsets[2:], strict=True)]
    return msg


def find_course_slider(models: dict[str, dict]) -> str:
    """The comm id of the first ipywidgets FloatSlider with the CSS class ``course-slider``."""
    for comm_id, state in models.items():
        if state.get("_model_name") == "FloatSliderModel" and "course-slider" in state.get("_dom_classes", ()):
            return comm_id
    raise HubError("no FloatSlider with the class 'course-slider' among the kernel's widgets")
