"""Per-student memory and CPU limits through Linux control groups.

JupyterHub's local spawner records ``mem_limit`` and ``cpu_limit`` but enforces neither; the
kernel does, through control groups. Each student's server (and every kernel it starts, which
inherits the group) runs in ``<root>/<name>``:

* cgroup v1 (``/sys/fs/cgroup/memory``, ``…/cpu`` and ``…/pids`` mounted separately):
  ``memory.limit_in_bytes``, ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` and ``pids.max``;
* cgroup v2 (one unified tree): ``memory.max``, ``cpu.max`` and ``pids.max`` in a subtree the hub owns
  (run the hub as a systemd service with ``Delegate=yes``: ``classroom/jupyterhub.service``).

A process that goes over its memory limit is killed by the kernel's OOM killer inside that
group only (usually the student's kernel: JupyterLab then says "kernel died, restarting");
CPU time beyond the quota is throttled, not killed; a fork bomb stops at ``pids.max``.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Limits", "CgroupV1", "CgroupV2", "detect", "join"]

PERIOD_US = 100_000  # the CFS period: the quota is cpu_limit × this many µs per period


@dataclass(frozen=True)
class Limits:
    """What one student may use: bytes of memory, cores of CPU, processes and threads (``None``: no limit)."""

    memory: int | None
    cpus: float | None
    tasks: int | None = None

    def __post_init__(self):
        if self.memory is not None and self.memory <= 0:
            raise ValueError(f"memory must be a positive number of bytes or None, got {self.memory!r}")
        if self.cpus is not None and not self.cpus > 0:
            raise ValueError(f"cpus must be a positive number of cores or None, got {self.cpus!r}")
        if self.tasks is not None and self.tasks <= 0:
            raise ValueError(f"tasks must be a positive number of processes and threads or None, got {self.tasks!r}")


def _write(path: Path, value: str) -> None:
    path.write_text(value)


class CgroupV1:
    """Separate ``memory`` and ``cpu`` hierarchies (as on this build machine)."""

    version = 1

    def __init__(self, mount: Path = Path("/sys/fs/cgroup"), group: str = "loss-course"):
        self.memory = mount / "memory" / group
        self.cpu = mount / "cpu" / group
        self.pids = mount / "pids" / group

    def create(self, name: str, limits: Limits) -> list[Path]:
        """Make the student's groups with their limits; return the ``cgroup.procs`` files to join."""
        groups = []
        if limits.memory is not None:
            group = self.memory / name
            group.mkdir(parents=True, exist_ok=True)
            _write(group / "memory.limit_in_bytes", str(limits.memory))
            groups.append(group)
        if limits.cpus is not None:
            group = self.cpu / name
            group.mkdir(parents=True, exist_ok=True)
            _write(group / "cpu.cfs_period_us", str(PERIOD_US))
            _write(group / "cpu.cfs_quota_us", str(round(limits.cpus * PERIOD_US)))
            groups.append(group)
        if limits.tasks is not None and self.pids.parent.is_dir():
            group = self.pids / name
            group.mkdir(parents=True, exist_ok=True)
            _write(group / "pids.max", str(limits.tasks))
            groups.append(group)
        return [g / "cgroup.procs" for g in groups]

    def remove(self, name: str) -> list[str]:
        return [m for m in (_rmdir(g / name) for g in (self.memory, self.cpu, self.pids)) if m]

    def prune(self) -> None:
        """Remove the course's parent groups once no student's group is left in them."""
        for root in (self.memory, self.cpu, self.pids):
            _rmdir(root)

    def usage(self, name: str) -> dict[str, int]:
        """Memory of the student's group now and at its peak (bytes), and how often it hit the limit."""
        out = {}
        mem = self.memory / name
        if mem.is_dir():
            out["memory"] = int((mem / "memory.usage_in_bytes").read_text())
            out["memory_peak"] = int((mem / "memory.max_usage_in_bytes").read_text())
            out["oom_events"] = int((mem / "memory.failcnt").read_text())
        return out


class CgroupV2:
    """One unified tree; the hub must own a delegated subtree (``Delegate=yes``).

    The hub's own group may hold no processes once it has child groups with controllers, so the
    hub first moves itself into ``<own>/hub`` and puts students in ``<own>/students/<name>``.
    """

    version = 2

    def __init__(self, mount: Path = Path("/sys/fs/cgroup"), own: str | None = None):
        if own is None:
            own = next(
                line.split("::", 1)[1].strip()
                for line in Path("/proc/self/cgroup").read_text().splitlines()
                if line.startswith("0::")
            )
        self.base = mount / own.lstrip("/")
        self.students = self.base / "students"

    def _prepare(self) -> None:
        if self.students.is_dir():
            return
        hub = self.base / "hub"
        hub.mkdir(exist_ok=True)
        for pid in (self.base / "cgroup.procs").read_text().split():
            try:
                _write(hub / "cgroup.procs", pid)
            except OSError as exc:  # a process that ended meanwhile
                if exc.errno != errno.ESRCH:
                    raise
        try:
            _write(self.base / "cgroup.subtree_control", "+memory +cpu +pids")
        except OSError as exc:
            raise RuntimeError(
                f"cannot enable the memory and cpu controllers under {self.base} ({exc}); "
                "run the hub as a systemd service with Delegate=yes (classroom/jupyterhub.service)"
            ) from exc
        self.students.mkdir(exist_ok=True)
        _write(self.students / "cgroup.subtree_control", "+memory +cpu +pids")

    def create(self, name: str, limits: Limits) -> list[Path]:
        self._prepare()
        group = self.students / name
        group.mkdir(exist_ok=True)
        _write(group / "memory.max", "max" if limits.memory is None else str(limits.memory))
        quota = "max" if limits.cpus is None else str(round(limits.cpus * PERIOD_US))
        _write(group / "cpu.max", f"{quota} {PERIOD_US}")
        _write(group / "pids.max", "max" if limits.tasks is None else str(limits.tasks))
        return [group / "cgroup.procs"]

    def remove(self, name: str) -> list[str]:
        message = _rmdir(self.students / name)
        return [message] if message else []

    def usage(self, name: str) -> dict[str, int]:
        group = self.students / name
        if not group.is_dir():
            return {}
        events = dict(line.split() for line in (group / "memory.events").read_text().splitlines())
        return {
            "memory": int((group / "memory.current").read_text()),
            "memory_peak": int((group / "memory.peak").read_text()) if (group / "memory.peak").exists() else 0,
            "oom_events": int(events.get("oom_kill", 0)),
        }


def _rmdir(path: Path) -> str:
    """Remove an empty control group; say why not if it still holds processes."""
    try:
        path.rmdir()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"{path} not removed: {exc.strerror}"
    return ""


def detect(mount: Path = Path("/sys/fs/cgroup"), group: str = "loss-course") -> CgroupV1 | CgroupV2 | None:
    """The control-group layout of this machine, or ``None`` where none can be written."""
    if (mount / "cgroup.controllers").exists():
        return CgroupV2(mount)
    if (mount / "memory" / "cgroup.procs").exists() and os.access(mount / "memory", os.W_OK):
        return CgroupV1(mount, group)
    return None


def join(procs_files: list[Path]) -> None:
    """Put the calling process into each group (called in the child before it becomes the student)."""
    pid = str(os.getpid())
    for procs in procs_files:
        _write(procs, pid)
