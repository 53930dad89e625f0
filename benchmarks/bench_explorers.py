"""How fast do the explorers answer a key press, in JupyterLab in Chromium?

For every explorer in the course notebooks (every ``.course-explorer`` holding a
``.course-slider-*``, so chapters that land later are covered without editing
this file) and, in the same run, for two baselines made on the fly:

* ``baseline:interact`` — ``@interact`` with a ``FloatSlider`` that re-draws an
  inline matplotlib figure (chapter 02's probability plot) on every move;
* ``baseline:full-redraw`` — the same figure on the course's live canvas,
  artists changed in place, then a full ``draw()`` with constrained layout
  per move: what an explorer costs without blitting.

it presses an arrow key on the slider's handle ≥ 20 times, waits for the answer
each time, and reports the median and 90th percentile of

* key press → readout text changed (a MutationObserver timestamps it);
* key press → figure changed: the first paint of the visible canvas after the
  key press (wrapped ``putImageData``/``drawImage`` timestamp it; a picture
  drawn ahead is painted before the kernel's frame, which follows with the same
  pixels — ``tests/browser/test_explorers.py`` checks that); for an inline
  figure, the new ``<img>``'s load event;
* key press → the kernel's own frame on screen (the same, when nothing was drawn
  ahead): what a press that outruns the pictures drawn ahead waits for.

Times are taken inside the page from the ``keydown`` event's time stamp, so
Playwright's own latency is not counted.  Then a burst: 10 presses without
waiting; once everything is quiet (400 ms), and again 3 s later, the readout and
the figure's pixels must equal those reached by a slow press away and back to the
same value ("late‡": right only at the second look: a stall longer than the quiet
window).

Run (takes a few minutes: every notebook is Restart & Run All'ed first)::

    python benchmarks/bench_explorers.py                 # every notebook in notebooks/
    python benchmarks/bench_explorers.py --notebooks 02  # only chapter 02 (and the baselines)

Prints a Markdown table; the raw numbers go to ``artifacts/bench_explorers.json``.
Needs Chromium (Debian's, found like the browser tests do).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import lab  # noqa: E402

#: Installed before any page script: timestamps for key presses, canvas paints and image loads.
PROBES = r"""
(() => {
  for (const method of ['drawImage', 'putImageData']) {
    const original = CanvasRenderingContext2D.prototype[method];
    CanvasRenderingContext2D.prototype[method] = function (...args) {
      if (this.canvas && this.canvas.isConnected) {
        const now = performance.now(), c = this.canvas;
        c.__benchPainted = now;
        // the first paint after the key press counts: a picture drawn ahead comes before the kernel's frame
        if (window.__benchKey !== null && window.__benchKey !== undefined && !(c.__benchFirst > window.__benchKey)) {
          c.__benchFirst = now;
        }
        if (window.__benchPaints) window.__benchPaints.push(now);
      }
      return original.apply(this, args);
    };
  }
  document.addEventListener('load', (e) => {
    if (e.target && e.target.tagName === 'IMG') e.target.__benchLoaded = performance.now();
  }, true);
  document.addEventListener('keydown', (e) => {
    window.__benchKey = e.timeStamp;
    if (window.__benchKeys) window.__benchKeys.push(e.timeStamp);
  }, true);
})();
"""

#: Page-side helpers, installed after the notebook has run.
HELPERS = r"""
() => {
  const explorers = () => [...document.querySelectorAll('.course-explorer')]
    .filter((ex) => ex.querySelector('[class*="course-slider-"] .noUi-handle'));
  const sliderName = (ex) => [...ex.querySelector('[class*="course-slider-"]').classList]
    .find((c) => c.startsWith('course-slider-')).slice('course-slider-'.length);
  const explorerName = (ex) => ([...ex.classList].find((c) => c.startsWith('course-explorer-')) || 'course-explorer-?')
    .slice('course-explorer-'.length);
  const readoutOf = (ex) => ex.querySelector('.course-readout');
  const figureTime = (ex) => Math.max(-1,
    ...[...ex.querySelectorAll('canvas')].map((c) => c.__benchPainted || -1),
    ...[...ex.querySelectorAll('img')].map((i) => i.__benchLoaded || -1));
  // The first change after the key press: the first paint of a canvas, or the new image's load.
  const firstFigureTime = (ex, key) => Math.min(Infinity,
    ...[...ex.querySelectorAll('canvas')].map((c) => (c.__benchFirst > key ? c.__benchFirst : Infinity)),
    ...[...ex.querySelectorAll('img')].map((i) => (i.__benchLoaded > key ? i.__benchLoaded : Infinity)));
  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) { h ^= s[i]; h = Math.imul(h, 16777619); }
    return h >>> 0;
  };
  const fingerprint = (ex) => {
    const c = ex.querySelector('canvas.course-figure, .jupyter-matplotlib-canvas-div canvas');
    if (c && c.width) {
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer;
      return 'canvas:' + hash(new Uint32Array(pixels));
    }
    const img = ex.querySelector('img');
    return img ? 'img:' + hash(new TextEncoder().encode(img.src)) : 'none';
  };
  const hasFigure = (ex) => !!ex.querySelector('canvas.course-figure, .jupyter-matplotlib-canvas-div canvas, img');
  window.__bench = {
    list: () => explorers().map((ex, i) => (
      { index: i, name: explorerName(ex), slider: sliderName(ex), figure: hasFigure(ex),
        canvas: !!ex.querySelector('canvas.course-figure') })),
    handle: (i) => explorers()[i].querySelector('[class*="course-slider-"] .noUi-handle'),
    arm(i) {
      const ex = explorers()[i];
      const ro = readoutOf(ex);
      const state = { ex, before: ro ? ro.textContent : '', readout: null, figureBefore: figureTime(ex) };
      window.__benchKey = null;
      if (this.observer) this.observer.disconnect();
      if (ro) {
        this.observer = new MutationObserver(() => {
          const text = ro.textContent;
          if (state.readout === null && text !== state.before && text.trim()) state.readout = performance.now();
        });
        this.observer.observe(ro, { childList: true, subtree: true, characterData: true });
      }
      this.state = state;
      const h = ex.querySelector('[class*="course-slider-"] .noUi-handle');
      h.scrollIntoView({ block: 'center' });
      h.focus();
      const num = (a) => +h.getAttribute(a);
      return { now: num('aria-valuenow'), min: num('aria-valuemin'), max: num('aria-valuemax') };
    },
    // What the wait polls on every animation frame: times only, nothing that reads pixels back (a
    // fingerprint per frame would keep the page's main thread busy and delay the very paint timed).
    times() {
      const s = this.state, key = window.__benchKey;
      const fig = key === null ? Infinity : firstFigureTime(s.ex, key);
      return {
        readout: s.readout === null || key === null ? null : s.readout - key,
        figure: fig < Infinity && fig > s.figureBefore ? fig - key : null,
      };
    },
    result() {
      const s = this.state;
      return {
        key: window.__benchKey,
        ...this.times(),
        text: readoutOf(s.ex)?.textContent || '',
        fingerprint: fingerprint(s.ex),
        value: s.ex.querySelector('[class*="course-slider-"] .widget-readout')?.textContent
          || s.ex.querySelector('[class*="course-slider-"] .noUi-handle').getAttribute('aria-valuetext'),
      };
    },
    // Key press → the kernel's own frame on screen (the last paint, once no picture drawn ahead is shown).
    kernelFrame() {
      const s = this.state, key = window.__benchKey, c = s.ex.querySelector('canvas.course-figure');
      if (!c || key === null || (c.dataset.frame || '').includes('+')) return null;
      const last = figureTime(s.ex);
      return last > key ? last - key : null;
    },
  };
  return true;
}
"""


# ---------------------------------------------------------------------------- baselines
def _code(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source)


SETUP = """\
import matplotlib.pyplot as plt
import numpy as np
import ipywidgets as widgets
from helpers.distributions import set_probability
from helpers.losses import mean_squared_error
from helpers.style import COLORS, MARKERS, use_course_style
from helpers.live import format_number
use_course_style()
y0 = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]); t = np.eye(10)[2]
grid = np.linspace(0, 1, 101); curve = [mean_squared_error(set_probability(y0, 2, p), t) for p in grid]
def readout(p):
    return f"p(class 2) = {p:.2f} → MSE = {format_number(mean_squared_error(set_probability(y0, 2, p), t))}"
"""

INTERACT = """\
def draw(p=0.6):
    y = set_probability(y0, 2, p)
    print(readout(p))
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.4, 3.2), width_ratios=[1.3, 1], layout="constrained")
    ax1.bar(np.arange(10), y, color=COLORS["prediction"]); ax1.plot(np.arange(10), t, MARKERS["target"])
    ax1.set(ylim=(0, 1.05), xticks=np.arange(10), title="prediction vs target")
    ax2.plot(grid, curve, color=COLORS["loss"]); ax2.plot([p], [mean_squared_error(y, t)], "o")
    ax2.set(xlim=(0, 1), title="MSE vs p")
    plt.show()

w = widgets.interactive(draw, p=widgets.FloatSlider(min=0, max=1, step=0.01, value=0.6, description="p"))
w.add_class("course-explorer"); w.add_class("course-explorer-baseline-interact")
w.children[0].add_class("course-slider"); w.children[0].add_class("course-slider-p")
w.out.add_class("course-readout")
w
"""

FULL_REDRAW = """\
from helpers.live import live_figure
fig = live_figure((8.4, 3.2))
ax1, ax2 = fig.subplots(1, 2, width_ratios=[1.3, 1])
bars = ax1.bar(np.arange(10), y0, color=COLORS["prediction"]); ax1.plot(np.arange(10), t, MARKERS["target"])
ax1.set(ylim=(0, 1.05), xticks=np.arange(10), title="prediction vs target")
ax2.plot(grid, curve, color=COLORS["loss"]); (marker,) = ax2.plot([0.6], [curve[60]], "o")
ax2.set(xlim=(0, 1), title="MSE vs p")
fig.canvas.draw()
s = widgets.FloatSlider(min=0, max=1, step=0.01, value=0.6, description="p")
s.add_class("course-slider"); s.add_class("course-slider-p")
out = widgets.HTML(readout(0.6)); out.add_class("course-readout")
def on_change(change):
    p = change["new"]; y = set_probability(y0, 2, p)
    for b, h in zip(bars, y): b.set_height(h)
    marker.set_data([p], [mean_squared_error(y, t)])
    out.value = readout(p)
    fig.canvas.draw()  # the whole figure, constrained layout included, every move
s.observe(on_change, names="value")
box = widgets.VBox([s, out, fig.canvas])
box.add_class("course-explorer"); box.add_class("course-explorer-baseline-full-redraw")
box
"""


def write_baselines(root: Path) -> list[str]:
    names = []
    for name, body in (("zz_baseline_interact.ipynb", INTERACT), ("zz_baseline_full_redraw.ipynb", FULL_REDRAW)):
        nb = nbformat.v4.new_notebook(cells=[_code(SETUP), _code(body)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
        nbformat.write(nb, root / name)
        names.append(name)
    return names


# ---------------------------------------------------------------------------- measuring
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def wait_quiet(page, index: int, quiet_ms: float = 400, timeout_ms: float = 10_000) -> None:
    """Wait until neither the readout nor the figure has changed for ``quiet_ms``."""
    page.wait_for_function(
        """([i, quiet]) => {
            const ex = [...document.querySelectorAll('.course-explorer')]
              .filter((e) => e.querySelector('[class*="course-slider-"] .noUi-handle'))[i];
            const ro = ex.querySelector('.course-readout'), text = ro ? ro.textContent : '';
            const fig = Math.max(-1, ...[...ex.querySelectorAll('canvas')].map((c) => c.__benchPainted || -1),
                                 ...[...ex.querySelectorAll('img')].map((m) => m.__benchLoaded || -1));
            const now = performance.now(), w = window.__quiet || (window.__quiet = {});
            if (w.text !== text || w.fig !== fig || w.i !== i) {
              Object.assign(w, { text, fig, i, since: now });
              return false;
            }
            return now - w.since >= quiet;
        }""",
        arg=[index, quiet_ms],
        timeout=timeout_ms,
        polling=50,
    )


def key_for(state: dict, direction: int) -> tuple[str, int]:
    if direction > 0 and state["now"] >= state["max"]:
        direction = -1
    elif direction < 0 and state["now"] <= state["min"]:
        direction = 1
    return ("ArrowRight" if direction > 0 else "ArrowLeft"), direction


def measure_explorer(page, info: dict, moves: int) -> dict:
    i = info["index"]
    readouts, figures, kernel, direction = [], [], [], 1
    for _ in range(moves):
        state = page.evaluate("(i) => window.__bench.arm(i)", i)
        key, direction = key_for(state, direction)
        page.keyboard.press(key)
        try:
            page.wait_for_function(
                """(fig) => { const r = window.__bench.times();
                    return r.readout !== null && (!fig || r.figure !== null); }""",
                arg=info["figure"],
                timeout=5_000,
                polling="raf",
            )
        except Exception:  # noqa: BLE001 - a missed answer is recorded as missing, not fatal
            pass
        res = page.evaluate("() => window.__bench.result()")
        if res["readout"] is not None:
            readouts.append(res["readout"])
        if res["figure"] is not None:
            figures.append(res["figure"])
        page.wait_for_timeout(80)  # let any trailing frame land before the next press
        if info["canvas"]:
            try:  # and the kernel's own frame, which follows a picture drawn ahead
                page.wait_for_function("() => window.__bench.kernelFrame() !== null", timeout=3_000, polling="raf")
                kernel.append(page.evaluate("() => window.__bench.kernelFrame()"))
            except Exception:  # noqa: BLE001 - recorded as missing
                pass
    held_ = held(page, info) if info["canvas"] else None
    return {
        "readout_ms": readouts,
        "figure_ms": figures,
        "kernel_ms": kernel,
        "held": held_,
        "burst": burst(page, info),
    }


def held(page, info: dict, presses: int = 20, gap_ms: int = 33) -> dict:
    """A key held down: ``presses`` presses ``gap_ms`` apart (the key-repeat rate), away from the nearer end.

    Per press: key press → the next paint of the figure (what a learner holding the key sees move);
    then, after the last press, key press → the last paint once everything is quiet (the figure has
    caught up with the value the key stopped at).
    """
    i = info["index"]
    state = page.evaluate("(i) => window.__bench.arm(i)", i)
    span = (state["max"] - state["min"]) or 1
    key = "ArrowRight" if (state["now"] - state["min"]) / span < 0.5 else "ArrowLeft"
    page.evaluate("() => { window.__benchKeys = []; window.__benchPaints = []; }")
    for _ in range(presses):
        page.keyboard.press(key)
        page.wait_for_timeout(gap_ms)
    wait_quiet(page, i, timeout_ms=20_000)
    keys, paints = page.evaluate("() => [window.__benchKeys, window.__benchPaints]")
    page.evaluate("() => { window.__benchKeys = null; window.__benchPaints = null; }")
    per_press = [min((p for p in paints if p > k), default=None) for k in keys]
    per_press = [p - k for p, k in zip(per_press, keys, strict=True) if p is not None]
    caught_up = (max(paints) - keys[-1]) if paints and keys else None
    return {"figure_ms": per_press, "caught_up_ms": caught_up}


def burst_state(result: dict) -> str:
    """``same state``, ``same state (late‡)``: it settled only after the quiet window, or ``DIFFERS``."""
    return ("same state" + (" (late‡)" if result.get("late") else "")) if result["ok"] else "DIFFERS"


def burst(page, info: dict) -> dict:
    """10 presses without waiting; the settled state must equal the slow path's state for the same value."""
    i = info["index"]
    state = page.evaluate("(i) => window.__bench.arm(i)", i)
    span = (state["max"] - state["min"]) or 1
    key = "ArrowRight" if (state["now"] - state["min"]) / span < 0.5 else "ArrowLeft"
    for _ in range(10):
        page.keyboard.press(key)
    wait_quiet(page, i)
    fast = page.evaluate("() => window.__bench.result()")
    # a stall longer than the quiet window (seen now and then, in the page or the server) is late, not wrong:
    # look again after a while, and report both
    page.wait_for_timeout(3_000)
    later = page.evaluate("() => window.__bench.result()")
    late = any(fast[k] != later[k] for k in ("value", "text", "fingerprint"))
    fast = later
    # away and back again, slowly: the same value reached by the ordinary path
    state = page.evaluate("(i) => window.__bench.arm(i)", i)
    away, back = ("ArrowLeft", "ArrowRight") if state["now"] > state["min"] else ("ArrowRight", "ArrowLeft")
    for k in (away, back):
        page.evaluate("(i) => window.__bench.arm(i)", i)
        page.keyboard.press(k)
        # under heavy load an answer can take longer than the quiet window: wait for it first
        page.wait_for_function("() => window.__bench.times().readout !== null", timeout=15_000)
        wait_quiet(page, i)
    slow = page.evaluate("() => window.__bench.result()")
    same = all(fast[k] == slow[k] for k in ("value", "text", "fingerprint"))
    return {"ok": same, "late": late, "fast": fast, "slow": slow}


def run(notebooks: list[str], moves: int, out: Path) -> list[dict]:
    chromium = lab.find_chromium()
    if chromium is None:
        raise SystemExit("Chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chromium)")
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-explorers-") as tmp:
        root = Path(tmp)
        for name in notebooks:
            shutil.copy2(ROOT / "notebooks" / name, root / name)
        names = [*notebooks, *write_baselines(root)]
        with lab.lab_server(root) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=lab.CHROMIUM_ARGS)
            for name in names:
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.add_init_script(PROBES)
                page = context.new_page()
                started = time.monotonic()
                lab.open_notebook(page, server, name)
                lab.restart_and_run_all(page, root / name, timeout=600)
                page.wait_for_timeout(1500)  # widgets render after the kernel goes idle
                page.evaluate(HELPERS)
                found = page.evaluate("() => window.__bench.list()")
                print(f"{name}: {len(found)} explorer(s), ran in {time.monotonic() - started:.0f} s", file=sys.stderr)
                for info in found:
                    wait_quiet(page, info["index"])
                    res = measure_explorer(page, info, moves)
                    label = info["name"]
                    rows.append({"notebook": name, "explorer": label, "slider": info["slider"], **res})
                    print(f"  {label}: {summary(rows[-1])}", file=sys.stderr)
                context.close()
            browser.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1))
    return rows


def stats(values: list[float]) -> tuple[float, float] | None:
    return (statistics.median(values), percentile(values, 0.9)) if values else None


def summary(row: dict) -> str:
    r, f, k = stats(row["readout_ms"]), stats(row["figure_ms"]), stats(row.get("kernel_ms", []))
    fmt = lambda s: "—" if s is None else f"{s[0]:.0f} / {s[1]:.0f}"  # noqa: E731
    burst_ = burst_state(row["burst"])
    return f"readout {fmt(r)} ms, figure {fmt(f)} ms, kernel's frame {fmt(k)} ms, burst {burst_}"


def table(rows: list[dict]) -> str:
    base = next((r for r in rows if r["explorer"] == "baseline-interact"), None)
    base_fig = stats(base["figure_ms"])[0] if base and base["figure_ms"] else None
    lines = [
        "| explorer | slider | moves | readout median / p90 (ms) | figure median / p90 (ms) "
        "| kernel's frame median / p90 (ms) | held key: figure median / p90, caught up (ms) "
        "| figure vs interact | burst of 10 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    fmt = lambda s: "—" if s is None else f"{s[0]:.0f} / {s[1]:.0f}"  # noqa: E731
    for row in rows:
        r, f, k = stats(row["readout_ms"]), stats(row["figure_ms"]), stats(row.get("kernel_ms", []))
        chapter = row["notebook"][:2] if not row["notebook"].startswith("zz_") else "—"
        ratio = "1×" if row is base else (f"{base_fig / f[0]:.1f}× faster" if base_fig and f else "—")
        h = row.get("held") or {}
        hs = stats(h.get("figure_ms") or [])
        caught = h.get("caught_up_ms")
        # a last paint before the last press: the key reached the slider's end before its 20th press
        caught = "—" if caught is None else ("end†" if caught < 0 else f"{caught:.0f}")
        held_ = "—" if hs is None else f"{fmt(hs)}, {caught}"
        lines.append(
            f"| {chapter} {row['explorer']} | {row['slider']} | {len(row['readout_ms'])} "
            f"| {fmt(r)} | {fmt(f)} | {fmt(k)} | {held_} | {ratio} "
            f"| {burst_state(row['burst'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", nargs="*", default=[], help="chapter prefixes, e.g. 02 03 (default: all)")
    parser.add_argument("--moves", type=int, default=20, help="key presses measured per explorer (≥ 20)")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench_explorers.json")
    args = parser.parse_args()
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if args.notebooks:
        notebooks = [n for n in notebooks if any(n.startswith(p) for p in args.notebooks)]
    rows = run(notebooks, max(args.moves, 1), args.out)
    print(table(rows))


if __name__ == "__main__":
    main()
