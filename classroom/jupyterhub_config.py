# JupyterHub for one classroom server: `python classroom/manage.py start` runs
#   classroom/.venv/bin/jupyterhub -f classroom/jupyterhub_config.py
# as root (the hub must become each student). Every setting a teacher may change is an
# environment variable, read once here, with the default in the second column:
#
#   CLASSROOM_URL             http://127.0.0.1:8000   where students connect (use https with a certificate)
#   CLASSROOM_SSL_CERT/_KEY   (none)                  certificate and key files for an https URL
#   CLASSROOM_STATE           /var/lib/loss-course-hub  hub database, cookie secret, proxy pid
#   CLASSROOM_GROUP           loss-course-students    the Unix group whose members may log in
#   CLASSROOM_TEACHERS        teacher                 comma-separated accounts that administer the hub
#   CLASSROOM_MEM_LIMIT       1G                      memory per student (server + kernels)
#   CLASSROOM_CPU_LIMIT       1                       cores per student
#   CLASSROOM_IDLE_TIMEOUT    3600                    seconds of inactivity before a server is stopped
#   CLASSROOM_EXCHANGE        /srv/nbgrader/exchange  nbgrader's exchange (submissions)
#   CLASSROOM_COURSE_ID       loss-course             nbgrader's course id
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the classroom package beside this file
from classroom.spawner import CourseSpawner  # noqa: E402


def setting(name: str, default: str) -> str:
    return os.environ.get("CLASSROOM_" + name, default)


BIN = Path(sys.executable).parent  # the classroom environment: the hub and every student's server use it
STATE = Path(setting("STATE", "/var/lib/loss-course-hub"))
STATE.mkdir(parents=True, exist_ok=True)
STATE.chmod(0o700)  # the database holds every account's tokens: root only
IDLE = int(setting("IDLE_TIMEOUT", "3600"))

c = get_config()  # noqa: F821 (provided by JupyterHub)

# ---- where the hub listens, and its own files ---------------------------------------------
c.JupyterHub.bind_url = setting("URL", "http://127.0.0.1:8000")
if setting("SSL_CERT", ""):
    c.JupyterHub.ssl_cert = setting("SSL_CERT", "")
    c.JupyterHub.ssl_key = setting("SSL_KEY", "")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server (their files stay)

# ---- who may log in: system accounts, checked by PAM (the machine's own passwords) -----------
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {setting("GROUP", "loss-course-students")}
c.Authenticator.admin_users = {name.strip() for name in setting("TEACHERS", "teacher").split(",") if name.strip()}
c.PAMAuthenticator.open_sessions = False  # no login session per server (no systemd-logind needed)

# ---- each student's server: their own Unix user, their home folder, their limits -----------
c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.mem_limit = setting("MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(setting("CPU_LIMIT", "1"))
c.Spawner.environment = {
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
    "CLASSROOM_EXCHANGE": setting("EXCHANGE", "/srv/nbgrader/exchange"),
    "CLASSROOM_COURSE_ID": setting("COURSE_ID", "loss-course"),
    # Debian's Python runs frozen stdlib modules; ipykernel's debugger then warns on stderr, which
    # a student saw in a cell's output
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}
if platform.machine() == "x86_64":  # the course's printed digits assume one OpenBLAS kernel family (Makefile)
    c.Spawner.environment["OPENBLAS_CORETYPE"] = os.environ.get("OPENBLAS_CORETYPE", "Haswell")
c.Spawner.args = [  # inside each server: shut down kernels nobody has used for the idle time
    f"--MappingKernelManager.cull_idle_timeout={IDLE}",
    f"--MappingKernelManager.cull_interval={max(5, min(300, IDLE // 4))}",
]
# seconds a server may take to start when a whole class logs in at once: 10 servers starting
# together on this project's 2 busy cores took over 90 s (benchmarks/bench_classroom.py)
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 300

# ---- idle culling: stop servers nobody has used for the idle time (their files stay) --------
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE}",
            f"--cull-every={max(5, min(600, IDLE // 4))}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
# how often servers and the proxy report activity to the hub: a tenth of the idle time
c.JupyterHub.last_activity_interval = max(5, min(300, IDLE // 10))
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = str(max(5, min(300, IDLE // 10)))
