"""Per-student memory and CPU limits (control groups) and idle culling, on a small hub of their own."""

from __future__ import annotations

import time

import pytest

from classroom import limits
from classroom.client import KernelDied
from classroom.harness import Classroom

GREEDY = "hog = b'x' * (700 * 2**20)"  # 700 MB, every page written: over a 400 MB limit
BURN = """
import multiprocessing, time
def burn():
    end = time.time() + 1
    while time.time() < end:
        pass
workers = [multiprocessing.Process(target=burn) for _ in range(4)]
[w.start() for w in workers]
[w.join() for w in workers]
print("done")
"""


# ---- the control-group files, on a fake tree --------------------------------------------


def test_v1_writes_memory_cpu_and_task_limits(tmp_path):
    for controller in ("memory", "cpu", "pids"):
        (tmp_path / controller).mkdir()
        (tmp_path / controller / "cgroup.procs").write_text("")
    procs = limits.CgroupV1(tmp_path, "course").create("alice", limits.Limits(2**30, 0.5, 100))
    group = "course/alice"
    assert (tmp_path / "memory" / group / "memory.limit_in_bytes").read_text() == "1073741824"
    assert (tmp_path / "cpu" / group / "cpu.cfs_quota_us").read_text() == "50000"
    assert (tmp_path / "cpu" / group / "cpu.cfs_period_us").read_text() == "100000"
    assert (tmp_path / "pids" / group / "pids.max").read_text() == "100"
    assert procs == [tmp_path / c / group / "cgroup.procs" for c in ("memory", "cpu", "pids")]
    assert isinstance(limits.detect(tmp_path), limits.CgroupV1)


def test_v1_without_a_limit_makes_no_group(tmp_path):
    (tmp_path / "memory").mkdir()
    assert limits.CgroupV1(tmp_path, "course").create("bob", limits.Limits(None, None)) == []
    assert not (tmp_path / "memory" / "course").exists()


def test_v2_moves_the_hub_aside_and_writes_the_students_limits(tmp_path):
    (tmp_path / "cgroup.controllers").write_text("cpu memory pids")
    own = tmp_path / "system.slice" / "hub.service"
    own.mkdir(parents=True)
    (own / "cgroup.procs").write_text("4242\n")
    cg = limits.CgroupV2(tmp_path, own="/system.slice/hub.service")
    procs = cg.create("alice", limits.Limits(512 * 2**20, 1.5, None))
    assert (own / "hub" / "cgroup.procs").read_text() == "4242"  # the hub left its own group
    assert (own / "cgroup.subtree_control").read_text() == "+memory +cpu +pids"
    student = own / "students" / "alice"
    assert (student / "memory.max").read_text() == str(512 * 2**20)
    assert (student / "cpu.max").read_text() == "150000 100000"
    assert (student / "pids.max").read_text() == "max"
    assert procs == [student / "cgroup.procs"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"memory": 0, "cpus": 1.0}, "memory must be a positive number of bytes"),
        ({"memory": None, "cpus": -1.0}, "cpus must be a positive number of cores"),
        ({"memory": None, "cpus": None, "tasks": 0}, "tasks must be a positive number"),
    ],
)
def test_limits_refuse_nonsense(kwargs, message):
    with pytest.raises(ValueError, match=message):
        limits.Limits(**kwargs)


# ---- enforced by the kernel, on a real hub ---------------------------------------------


@pytest.fixture(scope="module")
def small_room():
    if limits.detect() is None:
        pytest.fail("no writable control groups on this machine: limits cannot be enforced here")
    settings = {"MEM_LIMIT": "400M", "CPU_LIMIT": "0.5", "IDLE_TIMEOUT": "20"}
    with Classroom(students=1, settings=settings) as room:
        yield room


@pytest.fixture(scope="module")
def student(small_room):
    client = small_room.client(small_room.students[0]).login().start_server()
    client.api("PUT", "/api/contents/empty.ipynb", json={"type": "notebook", "content": _empty()})
    return client


def _empty() -> dict:
    return {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_a_kernel_over_the_memory_limit_dies_alone(small_room, student):
    kernel = student.open_notebook("empty.ipynb")
    try:
        with pytest.raises(KernelDied):
            kernel.execute(GREEDY)
    finally:
        kernel.close()
    assert student.api("GET", "/api/status", allow_redirects=False).status_code == 200  # the server lives on
    fresh = student.open_notebook("empty.ipynb")
    try:
        assert fresh.output("print(6 * 7)") == "42\n"
    finally:
        fresh.close()
    usage = limits.detect().usage(student.name)
    assert usage["memory_peak"] <= 400 * 2**20 and usage["oom_events"] > 0, usage


def test_cpu_beyond_the_quota_is_throttled(small_room, student):
    cg = limits.detect()
    group = (cg.cpu if cg.version == 1 else cg.students) / student.name
    if cg.version == 1:
        quota, tight = group / "cpu.cfs_quota_us", ("50000", "5000")
    else:
        quota, tight = group / "cpu.max", ("50000 100000", "5000 100000")
    assert quota.read_text().strip() == tight[0]  # CPU_LIMIT 0.5, as the spawner wrote it
    throttled = _field(group / "cpu.stat", "nr_throttled")
    kernel = student.open_notebook("empty.ipynb")
    # A group competes with the machine's other work as one process does: on a busy machine it may get
    # less than half a core, so that no throttling shows. A twentieth of a core binds however busy.
    quota.write_text(tight[1])
    try:
        where = kernel.output("print(open('/proc/self/cgroup').read())")
        assert kernel.output(BURN) == "done\n"
    finally:
        quota.write_text(tight[0])
        kernel.close()
    assert f"cpu:/loss-course/{student.name}" in where or cg.version == 2, where
    assert _field(group / "cpu.stat", "nr_throttled") > throttled, (group / "cpu.stat").read_text()


def test_an_idle_server_is_culled(small_room, student):
    for session in student.api("GET", "/api/sessions").json():  # leave nothing running
        student.api("DELETE", f"/api/sessions/{session['id']}")
    deadline = time.monotonic() + 120
    while student.hub_api("GET", f"/users/{student.name}").json().get("servers"):
        assert time.monotonic() < deadline, "the idle server was not stopped within 120 s (timeout 20 s)"
        time.sleep(2)
    assert "Culling server" in small_room.log.read_text()


def _field(path, name: str) -> int:
    return int(dict(line.split() for line in path.read_text().splitlines())[name])


def test_no_classroom_without_root_rights(monkeypatch):
    monkeypatch.setattr("os.geteuid", lambda: 1000)
    with pytest.raises(PermissionError, match="must run as root"):
        Classroom(students=1)
