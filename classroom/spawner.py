"""The hub's spawner: each student's server runs as their own system user, inside their own limits.

JupyterHub's :class:`~jupyterhub.spawner.LocalProcessSpawner` starts ``jupyterhub-singleuser``
as the student's Unix account, in their home directory; it does not enforce ``mem_limit`` or
``cpu_limit``. :class:`CourseSpawner` adds that: before the server process becomes the student,
it joins the student's control group (:mod:`classroom.limits`), and every kernel it starts
inherits the group. Where no control group can be written (a container without them), it says
so in the hub's log at start and runs without limits rather than refusing to spawn.
"""

from __future__ import annotations

import math

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Integer

from classroom import limits

__all__ = ["CourseSpawner"]


class CourseSpawner(LocalProcessSpawner):
    """:class:`LocalProcessSpawner` with ``mem_limit``, ``cpu_limit`` and ``tasks_limit`` enforced."""

    tasks_limit = Integer(
        1024,
        allow_none=True,
        config=True,
        help="Processes and threads one student may run at once (a fork bomb stops here); None: no limit.",
    )

    _cgroups = None
    _procs: list = []

    def _limits(self) -> limits.Limits:
        return limits.Limits(memory=self.mem_limit or None, cpus=self.cpu_limit or None, tasks=self.tasks_limit)

    def get_env(self):
        env = super().get_env()
        if self.cpu_limit:
            # numerical libraries start one thread per core of the machine; a student gets cpu_limit cores
            threads = str(max(1, math.floor(self.cpu_limit)))
            env.update(OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
        return env

    def make_preexec_fn(self, name):
        become_student = super().make_preexec_fn(name)
        procs = list(self._procs)

        def preexec():  # in the child, still root: join the groups, then drop to the student
            limits.join(procs)
            become_student()

        return preexec

    async def start(self):
        wanted = self._limits()
        self._cgroups = limits.detect()
        if self._cgroups is None:
            if wanted.memory or wanted.cpus:
                self.log.warning("no writable control groups: %s runs without memory/CPU limits", self.user.name)
            self._procs = []
        else:
            self._procs = self._cgroups.create(self.user.name, wanted)
            self.log.info(
                "%s: cgroup v%d limits memory=%s cpus=%s tasks=%s",
                self.user.name,
                self._cgroups.version,
                wanted.memory,
                wanted.cpus,
                wanted.tasks,
            )
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        if self._cgroups is not None:
            for message in self._cgroups.remove(self.user.name):
                self.log.warning(message)
