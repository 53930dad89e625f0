"""A throwaway classroom on 127.0.0.1, for the tests and the load test — and everything it made, undone.

:class:`Classroom` creates real system accounts (a random prefix, a group of their own, homes in a
private temporary folder), serves a bare clone of this repository with ``git daemon`` on loopback
(the course's "git URL"; no internet), starts the hub from ``classroom/jupyterhub_config.py`` —
the production configuration, PAM authentication included — on free ports, and on exit stops
the hub, every process of its accounts, the git daemon, and deletes the accounts, the group, the
control groups and the folder. It must run as root, like the hub itself.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from classroom import accounts, limits
from classroom.client import StudentClient

__all__ = ["Classroom", "HERE", "ROOT", "VENV_BIN", "processes_of"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = HERE / ".venv" / "bin"
CONFIG = HERE / "jupyterhub_config.py"


_GIVEN: set[int] = set()


def free_port() -> int:
    """A free port on 127.0.0.1, never the same one twice in this process."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _GIVEN:
            _GIVEN.add(port)
            return port


def processes_of(uid: int) -> list[int]:
    """Process ids owned by ``uid`` (from /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except FileNotFoundError:
                pass
    return pids


def _traversable(path: Path) -> bool:
    """Can any user reach ``path`` (every folder above it has the x bit for others)?"""
    return all(p.stat().st_mode & 0o001 for p in [path, *path.parents])


class Classroom:
    """``with Classroom(students=3) as room:`` — a hub with three students and a teacher.

    Parameters
    ----------
    students : int
        How many student accounts to make (``room.students``: name and password each).
    settings : dict
        ``CLASSROOM_*`` settings for the hub (see ``jupyterhub_config.py``), e.g. ``{"IDLE_TIMEOUT": "20"}``.
    log : Path, optional
        Where the hub writes its log (default: inside the temporary folder, printed on failure).
    """

    def __init__(self, students: int = 2, settings: dict | None = None, log: Path | None = None):
        if os.geteuid() != 0:
            raise PermissionError("a classroom hub must run as root (it becomes each student); run with sudo")
        if not (VENV_BIN / "jupyterhub").exists():
            raise FileNotFoundError(
                f"no hub environment at {VENV_BIN.parent}: run `python classroom/manage.py install`"
            )
        if not _traversable(VENV_BIN):
            raise PermissionError(
                f"students cannot reach {VENV_BIN}: a folder above it is closed to other users; "
                "put the checkout where every user may traverse (e.g. /opt or /srv)"
            )
        if not isinstance(students, int) or students < 0:
            raise ValueError(f"students must be a whole number ≥ 0, got {students!r}")
        tag = "lc" + secrets.token_hex(3)
        self.tag = tag
        self.dir = Path(tempfile.mkdtemp(prefix=f"loss-course-{tag}-", dir="/tmp"))
        self.dir.chmod(0o755)  # students must traverse it to their homes (each home is 0700)
        self.group = f"{tag}-class"
        self.students = [accounts.Student(f"{tag}s{i:03d}", secrets.token_urlsafe(12)) for i in range(1, students + 1)]
        self.teacher = accounts.Student(f"{tag}t", secrets.token_urlsafe(12))
        self.outsider = accounts.Student(f"{tag}x", secrets.token_urlsafe(12))  # an account not in the class
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.git_port = free_port()
        self.git_url = f"git://127.0.0.1:{self.git_port}/loss-course"  # nbgitpuller clones into ~/loss-course
        self.state = self.dir / "hub"
        self.exchange = self.dir / "exchange"
        self.log = log or self.dir / "hub.log"
        self.settings = {
            "URL": self.url,
            "STATE": str(self.state),
            "GROUP": self.group,
            "TEACHERS": self.teacher.name,
            "EXCHANGE": str(self.exchange),
            "COURSE_ID": "loss-course",
            **(settings or {}),
        }
        self.hub: subprocess.Popen | None = None
        self.git: subprocess.Popen | None = None
        self._made_accounts = False

    # ---- set up and tear down -----------------------------------------------------------
    def __enter__(self) -> Classroom:
        try:
            self.setup()
        except BaseException:
            self.teardown()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.teardown()

    @property
    def everyone(self) -> list[accounts.Student]:
        return [*self.students, self.teacher]

    def env(self) -> dict[str, str]:
        """The environment of the hub (and of the teacher's commands)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLASSROOM_")}
        env.update({f"CLASSROOM_{k}": str(v) for k, v in self.settings.items()})
        env["PATH"] = f"{VENV_BIN}:{env.get('PATH', '/usr/bin:/bin')}"
        return env

    def setup(self) -> None:
        self._made_accounts = True
        accounts.add(self.students, self.group, home_base=self.dir / "home")
        accounts.add([self.teacher], f"{self.tag}-teachers", home_base=self.dir / "home")  # admin, not in the class
        accounts.add([self.outsider], f"{self.tag}-other", home_base=self.dir / "home")
        self.exchange.mkdir()
        self.exchange.chmod(0o777)  # nbgrader's exchange: students write their submissions here
        self.serve_course()
        self.start_hub()

    def serve_course(self) -> None:
        """A bare clone of this repository's HEAD, served read-only by ``git daemon`` on loopback."""
        bare = self.dir / "git" / "loss-course.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", "--no-local", str(ROOT), str(bare)], check=True)
        branch = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()  # fmt: skip
        subprocess.run(["git", "-C", str(bare), "branch", "--force", "main", branch], check=True)
        subprocess.run(["git", "-C", str(bare), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
        self.bare = bare
        self.git = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={bare.parent}", "--listen=127.0.0.1",
             f"--port={self.git_port}", "--enable=receive-pack", str(bare.parent)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        _wait_for_port(self.git_port, self.git, "git daemon")

    def publish(self, change) -> str:
        """Commit a change to the served course as a teacher would; ``change(work_tree)`` edits files."""
        work = self.dir / "teacher-work"
        if not work.exists():
            subprocess.run(["git", "clone", "--quiet", str(self.bare), str(work)], check=True)
        change(work)
        git = ["git", "-C", str(work), "-c", "user.name=Teacher", "-c", "user.email=teacher@example.org"]
        subprocess.run([*git, "commit", "--quiet", "-am", "course update"], check=True)
        subprocess.run([*git, "push", "--quiet", "origin", "HEAD:main"], check=True)
        return subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()

    def start_hub(self) -> None:
        if self.hub is not None:
            raise RuntimeError("the hub is already running")
        self.state.mkdir(exist_ok=True)
        with open(self.log, "a") as log:
            self.hub = subprocess.Popen(
                [str(VENV_BIN / "jupyterhub"), "-f", str(CONFIG),
                 f"--JupyterHub.hub_bind_url=http://127.0.0.1:{free_port()}",
                 f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}"],
                cwd=self.state, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.hub.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.hub.returncode}:\n{self.tail_log()}")
            try:
                if requests.get(f"{self.url}/hub/api", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the hub did not answer within 90 s:\n{self.tail_log()}")

    def stop_hub(self) -> None:
        """Stop the hub; it stops every student's server and the proxy on its way out."""
        if self.hub is None:
            return
        self.hub.send_signal(signal.SIGTERM)
        try:
            self.hub.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.hub.pid, signal.SIGKILL)
            self.hub.wait()
        self.hub = None
        pid_file = self.state / "jupyterhub-proxy.pid"
        if pid_file.exists():  # the proxy outlives the hub only if the hub died hard
            _terminate([int(pid_file.read_text().strip() or 0)])
            pid_file.unlink(missing_ok=True)

    def teardown(self) -> None:
        try:
            self.stop_hub()
        finally:
            if self.git is not None:
                _terminate([self.git.pid], group=True)
                self.git = None
            if self._made_accounts:
                for student in [*self.everyone, self.outsider]:
                    if accounts.exists(student.name):
                        _terminate(processes_of(pwd.getpwnam(student.name).pw_uid))
                cgroups = limits.detect()
                for student in self.everyone:
                    if cgroups is not None:
                        cgroups.remove(student.name)
                if isinstance(cgroups, limits.CgroupV1):
                    cgroups.prune()  # fails harmlessly while another classroom still has groups there
                accounts.remove([s.name for s in self.students], self.group)
                accounts.remove([self.teacher.name], f"{self.tag}-teachers")
                accounts.remove([self.outsider.name], f"{self.tag}-other")
                self._made_accounts = False
            shutil.rmtree(self.dir, ignore_errors=True)

    # ---- using it -----------------------------------------------------------------------
    def client(self, student: accounts.Student, timeout: float = 120) -> StudentClient:
        return StudentClient(self.url, student.name, student.password, timeout=timeout)

    def home(self, name: str) -> Path:
        return Path(pwd.getpwnam(name).pw_dir)

    def run_as(self, name: str, *args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
        """Run a command as ``name`` (what they would type in their hub terminal)."""
        user = pwd.getpwnam(name)
        env = {**self.env(), "HOME": user.pw_dir, "USER": name, "LOGNAME": name}
        done = subprocess.run(
            args, cwd=cwd or user.pw_dir, env=env, user=user.pw_uid, group=user.pw_gid,
            extra_groups=os.getgrouplist(name, user.pw_gid), capture_output=True, text=True,
        )  # fmt: skip
        if check and done.returncode:
            raise RuntimeError(f"{name}$ {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def tail_log(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def _terminate(pids: list[int], group: bool = False) -> None:
    """SIGTERM, then SIGKILL after 10 s, to exactly these processes (or their process groups)."""
    kill = os.killpg if group else os.kill
    alive = []
    for pid in pids:
        if pid <= 0:
            continue
        try:
            kill(pid, signal.SIGTERM)
            alive.append(pid)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 10
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if _alive(pid)]
        time.sleep(0.1)
    for pid in alive:
        try:
            kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie child of ours counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within 20 s")


if __name__ == "__main__":  # a quick look: python -m classroom.harness
    with Classroom(students=1, log=Path("/tmp/classroom-hub-debug.log")) as room:
        print(room.url, room.students[0])
        c = room.client(room.students[0]).login().start_server()
        print(c.pull(room.git_url))
        sys.stdout.flush()
