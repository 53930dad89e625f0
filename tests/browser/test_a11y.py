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

#: The rules that read the colours painted on screen (axe takes an element's background from what is drawn at its
#: place, and leaves an element outside the viewport undecided): they run on each view, over the outputs in it.
ON_SCREEN_RULES = ["color-contrast", "link-in-text-block"]

#: ``view``: the on-screen rules over the targets on screen now.  ``whole``: every rule over every target in the
#: notebook (axe's cost is mostly per run: it reads the whole page each time).  Each target is marked with the runs
#: that covered it (``window.__courseAudited``: ``view`` on screen; ``whole`` in the whole run).
AUDIT = """async ([targets, tags, onScreen, mode]) => {
    const known = new Set(axe.getRules(tags).map((r) => r.ruleId));
    const unknown = onScreen.filter((r) => !known.has(r));
    if (unknown.length) throw new Error('axe has no WCAG 2.1 A/AA rule ' + unknown.join(', '));
    const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    const view = outer.getBoundingClientRect();
    const audited = (window.__courseAudited = window.__courseAudited || new Map());
    const now = [...document.querySelectorAll(targets)].filter((e) => {
        const r = e.getBoundingClientRect();
        return mode === 'whole' || (r.height > 0 && r.bottom > view.top && r.top < view.bottom);
    });
    now.forEach((e) => audited.set(e, [...(audited.get(e) || []), mode]));
    if (!now.length) return [];
    const only = mode === 'whole' ? {type: 'tag', values: tags} : {type: 'rule', values: onScreen};
    const result = await axe.run({include: now}, {runOnly: only, resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary})),
    }));
}"""

#: Whether the chapters' audit reads colour contrast (:data:`UNCLIP`), link-in-text-block included: links inside
#: a sentence are underlined (tools/endmatter.in_text_link, docs/AUTHORING.md), since Lab marks links by colour alone.
CONTRAST_IN_LAB = True

#: Lab 4 wraps its shell in a ``.jp-ThemedContainer`` of height 0 with ``overflow: hidden``; the shell inside is laid
#: out on its own and painted in full, but axe takes every element in a box that small as clipped away, so colour
#: contrast applied to nothing in the notebook.  Let those boxes overflow (nothing painted moves; checked below).
UNCLIP = """() => {
    const shell = () => JSON.stringify(document.querySelector('.jp-LabShell').getBoundingClientRect());
    const before = shell();
    const boxes = [...document.querySelectorAll('.jp-ThemedContainer')].filter(
        (e) => e.getBoundingClientRect().height < 2 && getComputedStyle(e).overflow !== 'visible');
    boxes.forEach((e) => { e.style.overflow = 'visible'; });
    return [boxes.length, before === shell()];
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

#: Per cell on the page: its place in the notebook and how many of its targets the audit missed: not in the whole
#: run, or, with ``views``, for a target with a box (something painted), never on screen in a view.
COVERAGE = """([targets, views]) => [...document.querySelectorAll('.jp-NotebookPanel .jp-Cell')].map((cell, k) => {
    const audited = window.__courseAudited || new Map();
    const missed = [...cell.querySelectorAll(targets)].filter((e) => {
        const runs = audited.get(e) || [], box = e.getBoundingClientRect();
        return !runs.includes('whole') || (views && box.height > 0 && !runs.includes('view'));
    });
    return {cell: cell.dataset.windowedListIndex ?? String(k), missed: missed.length};
})"""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE}): run `make setup` (it runs `npm ci --prefix tests/browser`)")
    return AXE


def audit_notebook(
    page, *, contrast: bool, steps_per_screen: float = 1.5, cells: int | None = None
) -> dict[tuple[str, str], dict]:
    """Every violation in the notebook's outputs, keyed by (rule, element).

    Every rule runs once over the whole notebook.  With ``contrast``, Lab's container is let overflow (:data:`UNCLIP`)
    and, before that, the rules that need an element on screen (colour contrast) run on each of overlapping views
    while scrolling through the notebook, over the outputs on screen then.  At the end every output of every cell on
    the page (``cells`` of them, if given: the notebook's) must have been in the whole run (and, with ``contrast``,
    on screen in one of the views).
    """
    page.add_script_tag(path=str(AXE))
    page.evaluate("() => { window.__courseAudited = new Map(); }")
    found: dict[tuple[str, str], dict] = {}
    steps = -1
    if contrast:
        assert page.evaluate(UNCLIP)[1], "letting Lab's zero-height container overflow moved the shell"
        screens = page.evaluate(SCROLL, [TARGETS, 0])
        steps = max(2, int(screens * steps_per_screen) + 1)  # overlapping views: no cell is skipped
    for k in range(steps + 2):
        if k <= steps:
            page.evaluate(SCROLL, [TARGETS, k / steps])
        args = [TARGETS, WCAG_21_A_AA, ON_SCREEN_RULES, "view" if k <= steps else "whole"]
        for violation in page.evaluate(AUDIT, args):
            for node in violation["nodes"]:
                found[(violation["id"], node["html"])] = {"rule": violation["id"], "help": violation["help"], **node}
    seen = page.evaluate(COVERAGE, [TARGETS, contrast])
    assert cells is None or len(seen) == cells, f"{len(seen)} of the notebook's {cells} cells are on the page"
    missed = [c["cell"] for c in seen if c["missed"]]
    assert seen and not missed, (
        f"the audit never had the outputs of cells {missed} on screen ({len(seen)} cells, {steps + 1} views)"
    )
    return found


def test_the_audit_finds_a_violation(page, server, axe_script):
    """The audit can fail: an image without a text alternative in the first output is reported, and so is faint
    text in the last solution's output (off screen when the audit starts: colour contrast is read on the view that
    shows it)."""
    import lab

    lab.open_notebook(page, server, "00_start_here.ipynb")
    page.locator(".jp-NotebookPanel .jp-OutputArea-output details.course-solution").last.wait_for(state="attached")
    below = page.evaluate(
        """(png) => {
            const img = document.createElement('img');
            img.src = 'data:image/png;base64,' + png;
            document.querySelector('.jp-NotebookPanel .jp-OutputArea-output').appendChild(img);
            const faint = document.createElement('p');
            faint.textContent = 'faint text';
            faint.style.cssText = 'color: #d8d8d8; background: #ffffff';
            const solutions = document.querySelectorAll('.jp-NotebookPanel details.course-solution');
            solutions[solutions.length - 1].closest('.jp-OutputArea-output').appendChild(faint);
            const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
            return faint.getBoundingClientRect().top - outer.getBoundingClientRect().bottom;
        }""",
        PIXEL,
    )
    assert below > 0, "the faint text is on screen before the audit scrolls"
    violations = audit_notebook(page, contrast=True)
    assert "image-alt" in {key[0] for key in violations}
    assert any(v["rule"] == "color-contrast" and "faint text" in v["html"] for v in violations.values()), violations


def test_the_audit_fails_when_a_cell_was_never_on_screen(page, server, axe_script):
    """The coverage check can fail: three views (top, middle, bottom) leave most of chapter 00 unseen."""
    import lab

    lab.open_notebook(page, server, "00_start_here.ipynb")
    with pytest.raises(AssertionError, match="never had the outputs of cells"):
        audit_notebook(page, contrast=True, steps_per_screen=0)


@pytest.mark.parametrize("name", CHAPTERS)
def test_wcag_21_a_aa_no_violations(page, run_notebook, axe_script, name):
    import lab

    path = run_notebook(name)
    violations = audit_notebook(page, contrast=CONTRAST_IN_LAB, cells=len(lab.read_saved(path).cells))
    report = "\n".join(f"{v['rule']} ({v['help']}): {v['target']}\n    {v['html']}" for v in violations.values())
    assert not violations, f"{name}: {len(violations)} WCAG 2.1 A/AA violations in the outputs:\n{report}"
