"""A student cannot read or write another student's files, nor the hub's."""

from __future__ import annotations

import pwd

PROBE = """
import os
def attempt(what, action):
    try:
        action()
        print(what, "ALLOWED")
    except PermissionError:
        print(what, "denied")
other = {other!r}
attempt("list", lambda: os.listdir(other))
attempt("read", lambda: open(os.path.join(other, {file!r})).read())
attempt("write", lambda: open(os.path.join(other, "planted.txt"), "w").write("x"))
attempt("hub-state", lambda: os.listdir({state!r}))
print("uid", os.getuid())
"""


def test_kernels_run_as_their_student_and_cannot_touch_another_home(room, started, chapter_path):
    a, b = started(0), started(1)
    b.api("PUT", "/api/contents/secret.txt", json={"type": "file", "format": "text", "content": "b's answer"})
    kernel = a.open_notebook(chapter_path)
    try:
        out = kernel.output(PROBE.format(other=str(room.home(b.name)), file="secret.txt", state=str(room.state)))
    finally:
        kernel.close()
    assert out.splitlines() == [
        "list denied",
        "read denied",
        "write denied",
        "hub-state denied",
        f"uid {pwd.getpwnam(a.name).pw_uid}",
    ]
    assert not (room.home(b.name) / "planted.txt").exists()
    assert (room.home(b.name) / "secret.txt").read_text() == "b's answer"


def test_homes_are_private_and_owned_by_their_student(room):
    for student in room.everyone:
        home = room.home(student.name)
        info = home.stat()
        assert info.st_uid == pwd.getpwnam(student.name).pw_uid
        assert info.st_mode & 0o777 == 0o700, f"{home}: {oct(info.st_mode)}"


def test_servers_run_as_their_student(room, started):
    from classroom.harness import processes_of

    for i in (0, 1):
        uid = pwd.getpwnam(started(i).name).pw_uid
        commands = [open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ") for pid in processes_of(uid)]
        assert any(b"jupyterhub-singleuser" in c for c in commands), commands
