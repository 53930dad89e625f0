"""A class on one server: N students log in, pull the course, run a chapter and drag its slider at once.

Starts the classroom hub (``classroom/jupyterhub_config.py``: PAM, a system account per student,
their control-group limits) on 127.0.0.1, creates N student accounts and a teacher, serves this
repository's HEAD with ``git daemon`` on loopback, and then:

1. **Log in, pull, run** — all N students at once: the hub's login form, their server, the
   course through nbgitpuller, the chapter opened as a notebook session and every code cell
   run over the kernel's websocket through the hub's proxy. ``--browsers`` of them do it all
   in Chromium instead: the nbgitpuller link, the login page, JupyterLab's Run All.
2. **Drag** — at each level in ``--levels`` (default 1, 5, N), that many students move the
   chapter's slider for ``--seconds``: the first ipywidgets FloatSlider whose ``_dom_classes``
   holds ``course-slider``, found in the kernel's own comm messages (nothing of the explorer's
   internals), moved one step at a time across its range as the page sends a drag, each
   move waiting for the kernel to finish answering it (round trip: update sent → kernel idle),
   then ``--pause`` seconds. At the top level the Chromium students press arrow keys on the
   slider's handle, and their round trips are read from the page's own websocket frames.
   CPU time of every student's server and kernel, of the hub and of the proxy is read from
   /proc before and after, and divided by the number of moves.
3. **Submit and grade** — every student fetches chapter's nbgrader assignment, answers all its
   exercises with the chapter's solutions and submits through the hub; the teacher collects and
   autogrades; every score must be full marks.

Memory per student (PSS of their server and kernel after running the chapter) and the hub's and
proxy's are reported; every error — a refused request, a kernel error, an echo that differs
from the value sent, a script error in the page, a score that is not full — is counted and
must be 0 (exit status 1 otherwise). Everything it started is stopped, every account removed.

    sudo python3 benchmarks/bench_classroom.py                       # N = 10, levels 1 5 10, 30 s each
    sudo python3 benchmarks/bench_classroom.py --students 30 --seconds 60 --browsers 2

Needs ``python3 classroom/manage.py install`` first; runs itself in classroom/.venv. Prints a
Markdown report with a sizing table; the raw figures go to ``artifacts/bench_classroom.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "classroom" / ".venv"
if Path(sys.prefix).resolve() != VENV.resolve():  # the hub's environment has jupyterhub, nbgrader, playwright
    if not (VENV / "bin" / "python").exists():
        sys.exit("run `python3 classroom/manage.py install` first")
    os.execv(VENV / "bin" / "python", [str(VENV / "bin" / "python"), __file__, *sys.argv[1:]])
sys.path.insert(0, str(ROOT))

from classroom import grading  # noqa: E402
from classroom.client import Kernel, StudentClient, find_course_slider  # noqa: E402
from classroom.harness import HERE, VENV_BIN, Classroom, processes_of  # noqa: E402
from classroom.links import chapter_link, repository_folder  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]  # fmt: skip


# ---- what /proc says ---------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB: PSS shares each shared page among the processes that map it."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in text.splitlines()[1:] if line.endswith("kB")}
    return values.get("Pss", 0), values.get("Rss", 0)


def role(pid: int) -> str:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return "gone"
    if b"jupyterhub-singleuser" in command:
        return "server"
    if b"ipykernel" in command:
        return "kernel"
    return "other"


def student_processes(name: str) -> dict[str, list[int]]:
    import pwd

    out: dict[str, list[int]] = {"server": [], "kernel": [], "other": []}
    for pid in processes_of(pwd.getpwnam(name).pw_uid):
        kind = role(pid)
        if kind != "gone":
            out[kind].append(pid)
    return out


def cpu_snapshot(room: Classroom, names: list[str]) -> dict[str, float]:
    snap = {"server": 0.0, "kernel": 0.0, "other": 0.0, "hub": 0.0, "proxy": 0.0}
    for name in names:
        for kind, pids in student_processes(name).items():
            snap[kind] += sum(cpu_seconds(p) for p in pids)
    snap["hub"] = cpu_seconds(room.hub.pid)
    pid_file = room.state / "jupyterhub-proxy.pid"
    if pid_file.exists():
        snap["proxy"] = cpu_seconds(int(pid_file.read_text().strip()))
    return snap


# ---- one student without a browser -------------------------------------------------------


class ApiStudent:
    def __init__(self, room: Classroom, index: int, chapter_path: str):
        self.room = room
        self.account = room.students[index]
        self.chapter_path = chapter_path
        self.client: StudentClient | None = None
        self.kernel: Kernel | None = None
        self.slider: str | None = None
        self.errors: list[str] = []
        self.timings: dict[str, float] = {}

    def arrive(self) -> None:
        """Log in, start the server, pull, open the chapter and run every cell."""
        t0 = time.monotonic()
        self.client = self.room.client(self.account, timeout=600).login()
        self.client.start_server()
        self.timings["server ready"] = time.monotonic() - t0
        self.client.pull(self.room.git_url)
        self.timings["pulled"] = time.monotonic() - t0
        self.kernel = self.client.open_notebook(self.chapter_path)
        self.kernel.run_notebook(self.client.read(self.chapter_path), timeout=600)
        self.timings["chapter run"] = time.monotonic() - t0
        self.slider = find_course_slider(self.kernel.models)
        self.errors += self.kernel.errors

    def drag(self, seconds: float, pause: float) -> list[float]:
        """Move the slider one step at a time across its range for ``seconds``; return round trips (s)."""
        state = self.kernel.models[self.slider]
        lo, hi, step = state["min"], state["max"], state["step"]
        value, direction = state["value"], 1
        trips = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if not lo <= value + direction * step <= hi:
                direction = -direction
            value = round(value + direction * step, 10)
            start = time.monotonic()
            self.kernel.set_widget(self.slider, value=value)
            trips.append(time.monotonic() - start)
            echoed = self.kernel.models[self.slider]["value"]
            if not math.isclose(echoed, value, rel_tol=1e-9, abs_tol=1e-12):
                self.errors.append(f"{self.account.name}: sent {value}, the kernel holds {echoed}")
            if pause:
                time.sleep(pause)
        self.errors += self.kernel.errors
        self.kernel.errors.clear()
        return trips


# ---- one student in Chromium -------------------------------------------------------------


def parse_frame(payload) -> dict | None:
    """A kernel message from a websocket frame: JSON text, or Jupyter's v1 binary framing."""
    try:
        if isinstance(payload, str):
            return json.loads(payload)
        count = int.from_bytes(payload[:8], "little")
        offsets = [int.from_bytes(payload[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
        parts = [payload[a:b] for a, b in zip(offsets, [*offsets[1:], len(payload)], strict=False)]
        return {"channel": parts[0].decode(), "header": json.loads(parts[1]), "parent_header": json.loads(parts[2]),
                "content": json.loads(parts[4])}  # fmt: skip
    except (ValueError, IndexError, UnicodeDecodeError):
        return None


class BrowserStudent(threading.Thread):
    """Logs in through the nbgitpuller link, runs the chapter, then presses arrow keys on the slider."""

    def __init__(self, room: Classroom, index: int, link: str, shot: Path):
        super().__init__(daemon=True)
        self.room, self.account, self.link, self.shot = room, room.students[index], link, shot
        self.ready = threading.Event()
        self.go = threading.Event()
        self.done = threading.Event()
        self.seconds, self.pause = 0.0, 0.0
        self.errors: list[str] = []
        self.trips: list[float] = []
        self.presses = 0
        self.timings: dict[str, float] = {}
        self._sent: dict[str, float] = {}

    def _frame_sent(self, payload) -> None:
        msg = parse_frame(payload)
        if msg and msg["header"].get("msg_type") == "comm_msg":
            data = msg["content"].get("data", {})
            if data.get("method") == "update" and "value" in data.get("state", {}):
                self._sent[msg["header"]["msg_id"]] = time.monotonic()

    def _frame_received(self, payload) -> None:
        msg = parse_frame(payload)
        if not msg or msg["header"].get("msg_type") != "status":
            return
        if msg["content"].get("execution_state") == "idle":
            sent = self._sent.pop(msg["parent_header"].get("msg_id"), None)
            if sent is not None:
                self.trips.append(time.monotonic() - sent)
        elif msg["content"].get("execution_state") in ("dead", "restarting"):
            self.errors.append(f"{self.account.name} (Chromium): kernel {msg['content']['execution_state']}")

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # reported, not raised: the other students go on
            self.errors.append(f"{self.account.name} (Chromium): {type(exc).__name__}: {exc}")
            traceback.print_exc()
        finally:
            self.ready.set()
            self.done.set()

    def _run(self) -> None:
        from playwright.sync_api import sync_playwright

        t0 = time.monotonic()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1366, "height": 900})
                page.on("pageerror", lambda e: self.errors.append(f"{self.account.name} (Chromium) page error: {e}"))
                page.on("websocket", self._watch)
                page.goto(self.link)  # the link a teacher hands out: log in, spawn, pull, open the chapter
                page.fill("#username_input", self.account.name)
                page.fill("#password_input", self.account.password)
                page.click("#login_submit")
                page.wait_for_url("**/lab/tree/**", timeout=600_000)
                page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=300_000)
                self.timings["notebook open"] = time.monotonic() - t0
                _wait_idle(page)
                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
                handle = page.locator(".course-slider .noUi-handle").first
                handle.wait_for(state="attached", timeout=600_000)
                _wait_idle(page, timeout=600_000)
                self.timings["chapter run"] = time.monotonic() - t0
                handle.scroll_into_view_if_needed()
                handle.focus()
                self.ready.set()
                self.go.wait()
                self._sent.clear()
                end, key, count = time.monotonic() + self.seconds, "ArrowRight", 0
                while time.monotonic() < end:
                    page.keyboard.press(key)
                    self.presses += 1
                    count += 1
                    if count % 20 == 0:  # back and forth across part of the range
                        key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
                    page.wait_for_timeout(max(self.pause, 0.05) * 1000)
                _wait_idle(page)
                page.wait_for_timeout(500)
                page.screenshot(path=str(self.shot))
            finally:
                browser.close()

    def _watch(self, ws) -> None:
        if "/channels" in ws.url:
            ws.on("framesent", self._frame_sent)
            ws.on("framereceived", self._frame_received)


def _wait_idle(page, timeout: float = 300_000) -> None:
    page.wait_for_function(
        r"""() => /\|\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '')""",
        timeout=timeout,
    )


# ---- the run -------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def in_threads(work, items) -> list[str]:
    """Run ``work(item)`` for every item at once; return the errors (exceptions) as text."""
    errors: list[str] = []

    def run(item):
        try:
            work(item)
        except Exception as exc:
            errors.append(f"{getattr(item, 'account', item)}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def grade_round(room: Classroom, students: list[ApiStudent], chapter: str, solutions: dict[str, str]) -> dict:
    teacher, python = room.teacher.name, str(VENV_BIN / "python")
    course = room.home(teacher) / "course"
    t0 = time.monotonic()
    room.run_as(teacher, python, str(HERE / "manage.py"), "course", str(course), "--chapters", chapter)
    released = time.monotonic() - t0
    assignment = f"ch{chapter}"

    def submit(s: ApiStudent):
        c = s.client
        answer = c.api("POST", "/assignments/fetch", data={"course_id": "loss-course", "assignment_id": assignment})
        if answer.status_code != 200:
            raise RuntimeError(f"fetch: HTTP {answer.status_code}")
        path = f"{assignment}/{Path(s.chapter_path).name}"
        notebook = c.read(path)
        for cell in notebook["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            match = grading.CHECK.search(source) if cell["cell_type"] == "code" else None
            if match and "nbgrader" not in cell["metadata"]:
                cell["source"] = solutions[match["key"]]
        c.save_notebook(path, notebook)
        answer = c.api("POST", "/assignments/submit", data={"course_id": "loss-course", "assignment_id": assignment})
        if answer.status_code != 200 or '"success": false' in answer.text:
            raise RuntimeError(f"submit: HTTP {answer.status_code} {answer.text[:200]}")

    t1 = time.monotonic()
    errors = in_threads(submit, students)
    submitted = time.monotonic() - t1
    t2 = time.monotonic()
    room.run_as(teacher, python, "-m", "nbgrader", "collect", assignment, cwd=course)
    room.run_as(teacher, python, "-m", "nbgrader", "autograde", assignment, cwd=course)
    graded = time.monotonic() - t2
    table = grading.score_table(course, [s.account.name for s in students])
    full = float(len(solutions))
    for name, row in table.items():
        if row["total"] != full:
            errors.append(f"{name}: scored {row['total']} of {full}: {row}")
    return {"release_s": released, "submit_all_s": submitted, "collect_autograde_s": graded,
            "submissions": len(table), "errors": errors, "table": grading.markdown(table)}  # fmt: skip


def solutions_of(chapter_file: Path) -> dict[str, str]:
    notebook = json.loads(chapter_file.read_text(encoding="utf-8"))
    found = {}
    for cell in notebook["cells"]:
        if "solution" in cell["metadata"].get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            found[grading.CHECK.search(source)["key"]] = source
    return found


def sizing(result: dict, target_ms: float) -> list[dict]:
    """RAM and cores for 10 / 30 / 100 students from the measured figures (see the report's basis)."""
    per_student_mb = result["memory"]["student_pss_mb_max"]
    fixed_mb = result["memory"]["hub_proxy_pss_mb"]
    cpu_move = max(level["cpu_per_move_ms"]["total"] for level in result["levels"]) / 1000  # the costliest level
    rows = []
    for n in (10, 30, 100):
        ram = fixed_mb + n * per_student_mb * 1.5 + 2048  # 50 % headroom per student, 2 GB for the system
        all_drag = n * cpu_move / (target_ms / 1000)  # everyone dragging without pause, round trip ≤ target
        rows.append({"students": n, "ram_gb": math.ceil(ram / 1024), "cores_all": math.ceil(all_drag + 1),
                     "cores_third": math.ceil(all_drag / 3 + 1)})  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10, help="how many student accounts (default 10)")
    parser.add_argument("--levels", type=int, nargs="+", help="students dragging at once (default: 1 5 N)")
    parser.add_argument("--seconds", type=float, default=30, help="seconds of dragging per level (default 30)")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between a student's moves (default 0)")
    parser.add_argument("--browsers", type=int, default=1, help="students in Chromium (default 1)")
    parser.add_argument("--chapter", default="02", help="the chapter to run and drag (default 02)")
    parser.add_argument("--target-ms", type=float, default=200, help="round trip the sizing table aims at")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench_classroom.json")
    args = parser.parse_args()
    n = args.students
    levels = sorted(set(args.levels or [lvl for lvl in (1, 5, n) if lvl <= n]))
    if n < 1 or not 0 <= args.browsers <= n or levels[-1] > n or levels[0] < 1:
        parser.error(f"need 1 ≤ levels ≤ students and 0 ≤ browsers ≤ students; got students={n}, "
                     f"levels={levels}, browsers={args.browsers}")  # fmt: skip
    chapter_file = grading.chapter_file(args.chapter)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    result: dict = {"students": n, "levels": [], "seconds": args.seconds, "pause": args.pause,
                    "browsers": args.browsers, "chapter": chapter_file.name, "machine": _machine()}  # fmt: skip

    with Classroom(students=n) as room:
        chapter_path = f"{repository_folder(room.git_url)}/notebooks/{chapter_file.name}"
        api = [ApiStudent(room, i, chapter_path) for i in range(n - args.browsers)]
        link = chapter_link(room.url, room.git_url, args.chapter)
        browsers = [BrowserStudent(room, i, link, args.out.parent / f"bench_classroom_chromium_{i}.png")
                    for i in range(n - args.browsers, n)]  # fmt: skip
        print(f"hub {room.url}: {n} students ({args.browsers} in Chromium) log in, pull, run {chapter_file.name}")

        t0 = time.monotonic()
        for b in browsers:
            b.start()
        errors += in_threads(ApiStudent.arrive, api)
        for b in browsers:
            b.ready.wait()
        arrival = time.monotonic() - t0
        errors += [e for s in api for e in s.errors]
        ready = [s.timings.get("chapter run", float("nan")) for s in api] + [
            b.timings.get("chapter run", float("nan")) for b in browsers
        ]
        result["arrival"] = {"all_ready_s": arrival, "chapter_run_s_median": statistics.median(ready),
                             "chapter_run_s_max": max(ready)}  # fmt: skip
        print(f"  all {n} ready in {arrival:.0f} s")

        mem = {s.account.name: student_processes(s.account.name) for s in [*api, *browsers]}
        pss = {name: {k: sum(memory_kb(p)[0] for p in pids) / 1024 for k, pids in procs.items()}
               for name, procs in mem.items()}  # fmt: skip
        rss = {
            name: sum(memory_kb(p)[1] for pids in procs.values() for p in pids) / 1024 for name, procs in mem.items()
        }
        totals = [sum(v.values()) for v in pss.values()]
        proxy_pid = int((room.state / "jupyterhub-proxy.pid").read_text().strip())
        result["memory"] = {
            "server_pss_mb_median": statistics.median(v["server"] for v in pss.values()),
            "kernel_pss_mb_median": statistics.median(v["kernel"] for v in pss.values()),
            "student_pss_mb_median": statistics.median(totals),
            "student_pss_mb_max": max(totals),
            "student_rss_mb_median": statistics.median(rss.values()),
            "hub_proxy_pss_mb": (memory_kb(room.hub.pid)[0] + memory_kb(proxy_pid)[0]) / 1024,
        }

        if errors:
            print("errors before dragging:\n  " + "\n  ".join(errors))
        for level in levels if not errors else []:
            movers = api[:level] if level < n else api
            use_browsers = level == n and browsers
            names = [s.account.name for s in movers] + ([b.account.name for b in browsers] if use_browsers else [])
            trips: dict[str, list[float]] = {}
            before = cpu_snapshot(room, names)
            if use_browsers:
                for b in browsers:
                    b.seconds, b.pause = args.seconds, args.pause
                    b.go.set()

            def drag(s: ApiStudent, trips=trips):
                trips[s.account.name] = s.drag(args.seconds, args.pause)

            start = time.monotonic()
            errors += in_threads(drag, movers)
            if use_browsers:
                for b in browsers:
                    b.done.wait(args.seconds + 300)
            wall = time.monotonic() - start
            after = cpu_snapshot(room, names)
            errors += [e for s in movers for e in s.errors]
            for s in movers:
                s.errors.clear()
            api_trips = [t for ts in trips.values() for t in ts]
            moves = len(api_trips) + (sum(len(b.trips) for b in browsers) if use_browsers else 0)
            used = {k: after[k] - before[k] for k in before}
            row = {
                "students": level,
                "moves": moves,
                "moves_per_s": moves / wall,
                "rtt_ms": {q: percentile(api_trips, p) * 1000 for q, p in (("p50", 0.5), ("p90", 0.9), ("max", 1.0))},
                "cpu_per_move_ms": {k: 1000 * v / max(moves, 1) for k, v in used.items()}
                | {"total": 1000 * sum(used.values()) / max(moves, 1)},
                "cpu_busy_cores": sum(used.values()) / wall,
            }
            if use_browsers:
                bt = [t for b in browsers for t in b.trips]
                row["chromium"] = {
                    "presses": sum(b.presses for b in browsers),
                    "answered": len(bt),
                    "rtt_ms_p50": percentile(bt, 0.5) * 1000,
                    "rtt_ms_p90": percentile(bt, 0.9) * 1000,
                }
                errors += [e for b in browsers for e in b.errors]
                if not bt:
                    errors.append("the Chromium students' key presses reached no kernel")
            result["levels"].append(row)
            print(f"  {level:>3} dragging: {moves} moves, p50 {row['rtt_ms']['p50']:.0f} ms, "
                  f"p90 {row['rtt_ms']['p90']:.0f} ms, CPU {row['cpu_per_move_ms']['total']:.1f} ms/move")  # fmt: skip
        for b in browsers:  # a browser that never got its level still closes
            b.go.set()
            b.join(timeout=120)

        if not errors:
            result["grading"] = grade_round(room, [*api, *[_api_twin(room, b, chapter_path) for b in browsers]],
                                            args.chapter, solutions_of(chapter_file))  # fmt: skip
            errors += result["grading"].pop("errors")
            print(f"  {n} submissions graded in {result['grading']['collect_autograde_s']:.0f} s")
        for s in api:
            if s.kernel:
                s.kernel.close()

    result["errors"] = errors
    if result["levels"]:
        result["sizing"] = sizing(result, args.target_ms)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(report(result, args.target_ms))
    return 1 if errors else 0


def _api_twin(room: Classroom, b: BrowserStudent, chapter_path: str) -> ApiStudent:
    """The Chromium student's second session (their submission goes through the same hub API)."""
    twin = ApiStudent(room, room.students.index(b.account), chapter_path)
    twin.client = room.client(b.account, timeout=600).login().start_server()
    return twin


def _machine() -> str:
    load = os.getloadavg()
    return (f"{platform.machine()}, {os.cpu_count()} cores, "
            f"{os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GB; "
            f"load average at the end {load[0]:.1f}")  # fmt: skip


def report(r: dict, target_ms: float) -> str:
    lines = [f"## Classroom load test: {r['students']} students, {r['chapter']}, {r['seconds']:.0f} s of dragging "
             f"per level, pause {r['pause']} s", "", f"Machine: {r['machine']}.", ""]  # fmt: skip
    if "arrival" in r:
        a = r["arrival"]
        lines += [f"All {r['students']} logged in, pulled and ran the chapter in {a['all_ready_s']:.0f} s "
                  f"(per student median {a['chapter_run_s_median']:.0f} s, "
                  f"slowest {a['chapter_run_s_max']:.0f} s).", ""]  # fmt: skip
    if r["levels"]:
        lines += ["| dragging at once | moves | moves/s | round trip p50 / p90 / max (ms) | CPU per move: kernel / "
                  "server / hub + proxy / total (ms) | busy cores |", "|---:|---:|---:|---|---|---:|"]  # fmt: skip
        for row in r["levels"]:
            t, c = row["rtt_ms"], row["cpu_per_move_ms"]
            lines.append(f"| {row['students']} | {row['moves']} | {row['moves_per_s']:.1f} | {t['p50']:.0f} / "
                         f"{t['p90']:.0f} / {t['max']:.0f} | {c['kernel']:.1f} / {c['server']:.1f} / "
                         f"{c['hub'] + c['proxy']:.1f} / {c['total']:.1f} | {row['cpu_busy_cores']:.2f} |")  # fmt: skip
        top = r["levels"][-1]
        if "chromium" in top:
            ch = top["chromium"]
            lines += ["", f"In Chromium (at {top['students']} at once): {ch['presses']} arrow-key presses, "
                      f"{ch['answered']} kernel answers, round trip p50 {ch['rtt_ms_p50']:.0f} ms, "
                      f"p90 {ch['rtt_ms_p90']:.0f} ms (from the page's websocket frames)."]  # fmt: skip
    if "memory" in r:
        m = r["memory"]
        lines += ["", "Memory per student after running the chapter (PSS): "
                  f"server {m['server_pss_mb_median']:.0f} MB + "
                  f"kernel {m['kernel_pss_mb_median']:.0f} MB = {m['student_pss_mb_median']:.0f} MB median, "
                  f"{m['student_pss_mb_max']:.0f} MB max (RSS {m['student_rss_mb_median']:.0f} MB); "
                  f"hub + proxy {m['hub_proxy_pss_mb']:.0f} MB."]  # fmt: skip
    if "grading" in r:
        g = r["grading"]
        lines += ["", f"Grading: {g['submissions']} submissions through the hub in {g['submit_all_s']:.0f} s; "
                  f"collect + autograde {g['collect_autograde_s']:.0f} s; every score full."]  # fmt: skip
    if "sizing" in r:
        lines += ["", f"Sizing (round trip ≤ {target_ms:.0f} ms; RAM = hub + 1.5 × max student PSS × N + 2 GB):", "",
                  "| students | RAM | cores, everyone dragging at once | cores, a third dragging at once |",
                  "|---:|---:|---:|---:|"]  # fmt: skip
        for s in r["sizing"]:
            lines.append(f"| {s['students']} | {s['ram_gb']} GB | {s['cores_all']} | {s['cores_third']} |")
    lines += ["", f"Errors: {len(r['errors'])}" + ("" if not r["errors"] else "\n  " + "\n  ".join(r["errors"][:20]))]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
