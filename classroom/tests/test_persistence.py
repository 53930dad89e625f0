"""After the hub and every server restart, every student's edits are still there."""

from __future__ import annotations

import pwd
import time

from classroom.harness import processes_of


def test_edits_survive_a_restart_of_the_hub_and_all_servers(room, started, chapter_path):
    before = {}
    for i in (0, 1):
        client = started(i)
        note = f"notes of {client.name}"
        client.api("PUT", "/api/contents/persist.txt", json={"type": "file", "format": "text", "content": note})
        notebook = client.read(chapter_path)
        notebook["cells"][1]["source"] = f"# My own title, {client.name}"
        client.save_notebook(chapter_path, notebook)
        kernel = client.open_notebook(chapter_path)
        try:
            kernel.execute(
                f"import os; open(os.path.expanduser('~/from-kernel.txt'), 'w').write('kernel of {client.name}')"
            )
        finally:
            kernel.close()
        before[client.name] = (note, notebook["cells"][1]["source"])

    room.stop_hub()
    try:
        uids = {s.name: pwd.getpwnam(s.name).pw_uid for s in room.everyone}
        deadline = time.monotonic() + 30  # a kernel may take a few seconds to end after its server
        while any(processes_of(uid) for uid in uids.values()) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert {name: processes_of(uid) for name, uid in uids.items() if processes_of(uid)} == {}
    finally:
        room.start_hub()

    for i in (0, 1):
        client = room.client(room.students[i]).login().start_server()
        note, title = before[client.name]
        assert client.read("persist.txt") == note
        assert client.read(chapter_path)["cells"][1]["source"] == title
        assert client.read("from-kernel.txt") == f"kernel of {client.name}"
