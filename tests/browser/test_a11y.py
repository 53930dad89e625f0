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

AUDIT = """async ([tags]) => {
    const scope = {include: [['.jp-NotebookPanel .jp-OutputArea-output'], ['.jp-NotebookPanel .jp-MarkdownOutput']]};
    if (!document.querySelector('.jp-NotebookPanel .jp-OutputArea-output, .jp-NotebookPanel .jp-MarkdownOutput')) {
        return [];
    }
    const result = await axe.run(scope, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary})),
    }));
}"""

SCROLL = """(fraction) => {
    const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
    outer.scrollTop = fraction * (outer.scrollHeight - outer.clientHeight);
    return outer.scrollHeight / Math.max(outer.clientHeight, 1);
}"""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE}): run `make setup` (it runs `npm ci --prefix tests/browser`)")
    return AXE


def audit_notebook(page) -> dict[tuple[str, str], dict]:
    """Every violation in the notebook's outputs, keyed by (rule, element), gathered while scrolling through it."""
    page.add_script_tag(path=str(AXE))
    found: dict[tuple[str, str], dict] = {}
    screens = page.evaluate(SCROLL, 0)
    steps = max(2, int(screens * 1.5) + 1)  # overlapping views: no cell is skipped
    for k in range(steps + 1):
        page.evaluate(SCROLL, k / steps)
        page.wait_for_timeout(400)
        for violation in page.evaluate(AUDIT, [WCAG_21_A_AA]):
            for node in violation["nodes"]:
                found[(violation["id"], node["html"])] = {"rule": violation["id"], "help": violation["help"], **node}
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


@pytest.mark.parametrize("name", CHAPTERS)
def test_wcag_21_a_aa_no_violations(page, run_notebook, axe_script, name):
    run_notebook(name)
    violations = audit_notebook(page)
    report = "\n".join(f"{v['rule']} ({v['help']}): {v['target']}\n    {v['html']}" for v in violations.values())
    assert not violations, f"{name}: {len(violations)} WCAG 2.1 A/AA violations in the outputs:\n{report}"
