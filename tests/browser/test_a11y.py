"""Accessibility: axe-core's WCAG 2.1 A/AA audit of every chapter's outputs after Restart & Run All.

axe-core (pinned in ``tests/browser/package.json``, installed by ``make setup``) runs inside the page
over what the course puts there: the rendered Markdown and every cell output (figures, tables,
feedback, solutions, explorers).  JupyterLab's own interface is not audited.  Lab renders only the
cells near the viewport, so the audit scrolls through the notebook and audits each part.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402

PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="  # 1×1 PNG
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHAPTERS = [c.notebook for c in course.CHAPTERS if (ROOT / "notebooks" / c.notebook).exists()]

#: What the audit covers: the rendered Markdown and every cell output of the notebook.
TARGETS = ".jp-NotebookPanel .jp-OutputArea-output, .jp-NotebookPanel .jp-MarkdownOutput"

#: Audit the targets that are on screen now (and, once, those that show nothing, with no box to scroll to).
#: Each target is marked as audited; axe runs only over this view's targets, not the whole notebook each time.
AUDIT = """async ([targets, tags]) => {
    const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    const view = outer.getBoundingClientRect();
    const audited = (window.__courseAudited = window.__courseAudited || new Set());
    const now = [...document.querySelectorAll(targets)].filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return !audited.has(e);
        return r.bottom > view.top && r.top < view.bottom;
    });
    if (!now.length) return [];
    now.forEach((e) => audited.add(e));
    const result = await axe.run({include: now}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary})),
    }));
}"""

#: Scroll to ``fraction`` of the notebook, then wait until the view is drawn: two animation frames in a row
#: with the same layout (scroll height, attached cells and outputs, typeset maths), at most ~2 s.
SCROLL = """async ([targets, fraction]) => {
    const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    outer.scrollTop = fraction * (outer.scrollHeight - outer.clientHeight);
    const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
    const count = (selector) => document.querySelectorAll(selector).length;
    const layout = () => [outer.scrollHeight, outer.scrollTop, count('.jp-NotebookPanel .jp-Cell'), count(targets),
        count('.jp-NotebookPanel mjx-container')].join();
    let last = layout();
    for (let same = 0, k = 0; same < 2 && k < 120; k++) {
        await frame();
        const now = layout();
        same = now === last ? same + 1 : 0;
        last = now;
    }
    return outer.scrollHeight / Math.max(outer.clientHeight, 1);
}"""

#: Per cell on the page: its place in the notebook, whether it shows a target, and whether the audit saw it.
COVERAGE = """(targets) => [...document.querySelectorAll('.jp-NotebookPanel .jp-Cell')].map((cell, k) => {
    const shown = [...cell.querySelectorAll(targets)];
    const audited = window.__courseAudited || new Set();
    return {
        cell: cell.dataset.windowedListIndex ?? String(k),
        targets: shown.length,
        missed: shown.filter((e) => !audited.has(e)).length,
    };
})"""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE}): run `make setup` (it runs `npm ci --prefix tests/browser`)")
    return AXE


def audit_notebook(page, steps_per_screen: float = 1.5, cells: int | None = None) -> dict[tuple[str, str], dict]:
    """Every violation in the notebook's outputs, keyed by (rule, element), gathered while scrolling through it.

    Each view audits the outputs on screen then (colour contrast needs an element in the viewport); the
    views overlap, and at the end every output of every cell on the page (``cells`` of them, if given: the
    notebook's) must have been on screen for one of them.
    """
    page.add_script_tag(path=str(AXE))
    page.evaluate("() => { window.__courseAudited = new Set(); }")
    found: dict[tuple[str, str], dict] = {}
    screens = page.evaluate(SCROLL, [TARGETS, 0])
    steps = max(2, int(screens * steps_per_screen) + 1)  # overlapping views: no cell is skipped
    for k in range(steps + 1):
        page.evaluate(SCROLL, [TARGETS, k / steps])
        for violation in page.evaluate(AUDIT, [TARGETS, WCAG_21_A_AA]):
            for node in violation["nodes"]:
                found[(violation["id"], node["html"])] = {"rule": violation["id"], "help": violation["help"], **node}
    seen = page.evaluate(COVERAGE, TARGETS)
    assert cells is None or len(seen) == cells, f"{len(seen)} of the notebook's {cells} cells are on the page"
    missed = [c["cell"] for c in seen if c["missed"]]
    assert seen and not missed, (
        f"the audit never had the outputs of cells {missed} on screen ({len(seen)} cells, {steps + 1} views)"
    )
    return found


def test_the_audit_finds_a_violation(page, server, axe_script):
    """The audit can fail: an image without a text alternative in an output is reported."""
    import lab

    lab.open_notebook(page, server, "00_start_here.ipynb")
    page.evaluate(
        """(png) => {
            const img = document.createElement('img');
            img.src = 'data:image/png;base64,' + png;
            document.querySelector('.jp-NotebookPanel .jp-OutputArea-output').appendChild(img);
        }""",
        PIXEL,
    )
    rules = {key[0] for key in audit_notebook(page)}
    assert "image-alt" in rules


def test_the_audit_fails_when_a_cell_was_never_on_screen(page, server, axe_script):
    """The coverage check can fail: three views (top, middle, bottom) leave most of chapter 00 unseen."""
    import lab

    lab.open_notebook(page, server, "00_start_here.ipynb")
    with pytest.raises(AssertionError, match="never had the outputs of cells"):
        audit_notebook(page, steps_per_screen=0)


@pytest.mark.parametrize("name", CHAPTERS)
def test_wcag_21_a_aa_no_violations(page, run_notebook, axe_script, name):
    import lab

    path = run_notebook(name)
    violations = audit_notebook(page, cells=len(lab.read_saved(path).cells))
    report = "\n".join(f"{v['rule']} ({v['help']}): {v['target']}\n    {v['html']}" for v in violations.values())
    assert not violations, f"{name}: {len(violations)} WCAG 2.1 A/AA violations in the outputs:\n{report}"
