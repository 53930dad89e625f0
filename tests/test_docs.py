"""The Markdown documents: every link to a heading (``#anchor``) lands on a heading, by GitHub's rules."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
#: A Markdown link's target: ``](#anchor)`` or ``](OTHER.md#anchor)``.
LINK = re.compile(r"\]\(([^)\s#]*)#([^)\s]+)\)")
#: Unicode categories github-slugger removes (punctuation but "-", symbols, separators but " ", other numbers
#: such as ½, control and format characters); letters, marks, digits and "_" stay.
REMOVED = ("No", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Z", "C")


def heading_text(markdown: str) -> str:
    """What GitHub renders of a heading's Markdown: no code ticks, emphasis or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [text](url) -> text
    return re.sub(r"[`*]|(?<!\w)_|_(?!\w)", "", text)


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading: lower case; spaces and "-" become "-"; other punctuation and symbols go."""
    out = []
    for char in text.lower():
        if char in " -":
            out.append("-")
        elif not unicodedata.category(char).startswith(REMOVED):
            out.append(char)
    return "".join(out)


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file; a repeated heading gets -1, -2, … as on GitHub."""
    seen: dict[str, int] = {}
    found = set()
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_code = not in_code
            continue
        heading = None if in_code else HEADING.match(line)
        if not heading:
            continue
        base = github_slug(heading_text(heading.group(2)))
        slug = base if base not in seen else f"{base}-{seen[base]}"
        seen[base] = seen.get(base, 0) + 1
        found.add(slug)
    return found


def broken_anchors(path: Path) -> list[str]:
    """Links in ``path`` to a heading (of ``path`` or of another Markdown file) that does not exist."""
    bad = []
    text = path.read_text(encoding="utf-8")
    for target, anchor in LINK.findall(re.sub(r"```.*?```", "", text, flags=re.S)):
        if target and not target.endswith(".md"):
            continue  # a notebook or a web page: not a Markdown heading
        other = (path.parent / target) if target else path
        if not other.is_file() or anchor not in anchors(other):
            bad.append(f"{target}#{anchor}")
    return bad


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_heading_link_resolves(path):
    assert not broken_anchors(path), f"{path.name}: links to headings that do not exist: {broken_anchors(path)}"


def test_the_teacher_guide_links_its_headings():
    assert len(LINK.findall((ROOT / "docs" / "TEACHER_GUIDE.md").read_text(encoding="utf-8"))) >= 10


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Привет non-latin 你好", "привет-non-latin-你好"),  # github-slugger's own examples
        ("foo bar baz", "foo-bar-baz"),
        ('1. The ½ in SSE and the name "MSE"', "1-the--in-sse-and-the-name-mse"),
        ("2. ε (the code's `delta`) inside the log", "2-ε-the-codes-delta-inside-the-log"),
        ("3. Why δ = y − t", "3-why-δ--y--t"),
        ("E資格 checkpoint quiz: answer key", "e資格-checkpoint-quiz-answer-key"),
        ("Japanese UI (日本語)", "japanese-ui-日本語"),
        ("snake_case and *emphasis*", "snake_case-and-emphasis"),
    ],
)
def test_github_slug(heading, slug):
    assert github_slug(heading_text(heading)) == slug


def test_a_broken_anchor_is_found(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Title\n\n## 2. ε (the code's `delta`) inside the log\n\n## Twice\n\n## Twice\n\n"
        "```\n## not a heading\n```\n\n"
        "[ok](#2-ε-the-codes-delta-inside-the-log) [old](#2-delta-inside-the-log) [dup](#twice-1) "
        "[code](#not-a-heading) [web](https://example.org/#x)\n",
        encoding="utf-8",
    )
    assert broken_anchors(doc) == ["#2-delta-inside-the-log", "#not-a-heading"]
