"""Authentication is required for everything, by the machine's own passwords (PAM)."""

from __future__ import annotations

import requests
import websocket
from traitlets.config.loader import PyFileConfigLoader

from classroom.client import HubError, StudentClient
from classroom.harness import CONFIG, HERE


def test_production_config_authenticates_with_pam_and_no_dummy():
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    assert config.JupyterHub.authenticator_class == "pam"
    assert config.PAMAuthenticator.allowed_groups == {"loss-course-students"}
    for path in HERE.glob("*.py"):  # nothing outside the tests may name the dummy authenticator
        assert "dummy" not in path.read_text().lower(), path.name


def test_the_running_hub_uses_pam(room):
    assert "Using Authenticator: jupyterhub.auth.PAMAuthenticator" in room.log.read_text()


def test_wrong_password_and_strangers_are_refused(room):
    student = room.students[0]
    for name, password in [
        (student.name, student.password + "x"),  # wrong password
        (room.outsider.name, room.outsider.password),  # a real account with its password, not in the class
        ("root", "root"),
        ("nobody-here", "whatever-password"),
    ]:
        client = StudentClient(room.url, name, password)
        try:
            client.login()
        except HubError as exc:
            assert "login refused" in str(exc)
        else:
            raise AssertionError(f"{name} got in with {password!r}")


def test_nothing_answers_without_login(room, started):
    owner = started(0).name  # a running server, so that a refusal is the hub's doing, not a missing server
    anonymous = requests.Session()
    for path in [
        "/hub/home",
        "/hub/admin",
        "/hub/token",
        f"/hub/spawn/{owner}",
        f"/user/{owner}/lab",
        f"/user/{owner}/git-pull?repo=x",
        f"/user/{owner}/files/loss-course/README.md",
    ]:
        answer = anonymous.get(room.url + path, allow_redirects=False)
        assert answer.status_code == 302 and "/hub/login" in answer.headers["Location"] + _follow(anonymous, answer), (
            path,
            answer.status_code,
        )
    for method, path in [
        ("GET", f"/user/{owner}/api/contents"),
        ("GET", f"/user/{owner}/api/kernels"),
        ("PUT", f"/user/{owner}/api/contents/x.txt"),
        ("GET", "/hub/api/users"),
        ("POST", f"/hub/api/users/{owner}/server"),
        ("POST", f"/hub/api/users/{owner}/tokens"),
    ]:
        answer = anonymous.request(method, room.url + path, allow_redirects=False, json={})
        assert answer.status_code in (302, 403), (method, path, answer.status_code)
        if answer.status_code == 302:
            assert "/hub/login" in _follow(anonymous, answer), (method, path)


def test_a_kernel_websocket_needs_the_owners_login(room, started, chapter_path):
    owner, other = started(0), started(1)
    kernel = owner.open_notebook(chapter_path)
    try:
        url = owner.server.replace("http", "ws", 1) + f"/api/kernels/{kernel.kernel_id}/channels"
        for cookies in ["", "; ".join(f"{c.name}={c.value}" for c in other.http.cookies)]:
            try:
                ws = websocket.create_connection(url, header=[f"Cookie: {cookies}"], origin=room.url, timeout=10)
            except websocket.WebSocketBadStatusException as exc:
                assert exc.status_code in (302, 403)
            else:
                ws.close()
                raise AssertionError("a kernel's websocket opened without its owner's login")
        assert kernel.output("print(6 * 7)") == "42\n"  # and it does open for the owner
    finally:
        kernel.close()


def test_a_student_cannot_use_or_start_anothers_server(room, started):
    a, b = started(0), started(1)
    answer = a.api_of(b.name, "GET", "/api/contents", allow_redirects=False)
    assert answer.status_code == 403
    answer = a.api_of(b.name, "PUT", "/api/contents/planted.txt", allow_redirects=False,
                      json={"type": "file", "format": "text", "content": "x"})  # fmt: skip
    assert answer.status_code == 403
    # the hub answers 404 for another student (it does not even confirm that the name exists)
    assert a.hub_api("POST", f"/users/{b.name}/server").status_code in (403, 404)
    assert a.hub_api("DELETE", f"/users/{b.name}/server").status_code in (403, 404)
    assert a.hub_api("GET", f"/users/{b.name}").status_code in (403, 404)
    listing = a.hub_api("GET", "/users")
    assert listing.status_code == 403 or [u["name"] for u in listing.json()] == [a.name]
    assert b.hub_api("GET", f"/users/{b.name}").json()["servers"][""]["ready"]  # b's server untouched
    assert b.api("GET", "/api/contents/planted.txt").status_code == 404


def _follow(session: requests.Session, answer: requests.Response) -> str:
    """The URL a chain of redirects ends at (without fetching the last page)."""
    seen = answer.headers.get("Location", "")
    for _ in range(5):
        if answer.status_code != 302:
            break
        answer = session.get(requests.compat.urljoin(answer.url, answer.headers["Location"]), allow_redirects=False)
        seen += " " + answer.headers.get("Location", answer.url)
    return seen
