"""One classroom for the whole run: three students and a teacher on a hub at 127.0.0.1.

Run with ``python3 classroom/manage.py test`` (as root: the hub creates real accounts). Every
account, process, port and folder made here is removed at the end, pass or fail.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from classroom.harness import Classroom  # noqa: E402

CHAPTER = "notebooks/02_sse_mse.ipynb"  # the chapter the tests pull, edit, submit and grade


def pytest_configure(config):
    if os.geteuid() != 0:
        raise pytest.UsageError("the classroom tests create system accounts and run a hub: run them as root")


@pytest.fixture(scope="session")
def room():
    with Classroom(students=3) as classroom:
        try:
            yield classroom
        except BaseException:
            print(classroom.tail_log(120))
            raise


@pytest.fixture(scope="session")
def started(room):
    """``started(i)``: student ``i`` logged in with a running server and the course pulled (cached)."""
    clients = {}

    def get(i: int):
        if i not in clients or not _alive(clients[i]):
            client = room.client(room.students[i]).login().start_server()
            client.pull(room.git_url)
            clients[i] = client
        return clients[i]

    return get


def _alive(client) -> bool:
    return client.api("GET", "/api/status", allow_redirects=False).status_code == 200


@pytest.fixture(scope="session")
def chapter_notebook():
    return json.loads((ROOT / CHAPTER).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def chapter_path(room) -> str:
    """Where nbgitpuller put the chapter, relative to the student's home."""
    from classroom.links import repository_folder

    return f"{repository_folder(room.git_url)}/{CHAPTER}"
