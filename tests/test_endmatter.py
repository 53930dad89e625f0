"""What the build adds to every chapter: solutions shown closed, references cited by title, a working Next link."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import endmatter  # noqa: E402

NOTEBOOKS = [ROOT / "notebooks" / c.notebook for c in course.CHAPTERS if (ROOT / "notebooks" / c.notebook).exists()]


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chapter_ends_with_a_next_link_that_resolves(path):
    nb = nbformat.read(path, as_version=4)
    closing = nb.cells[-2]  # the last cell is the nav bar
    assert closing.metadata.get("tags") == ["next"], closing.source
    targets = re.findall(r'(?:\]\(|href=")([^)"#]+\.ipynb)[)"]', closing.source)
    assert targets and all((ROOT / "notebooks" / t).exists() for t in targets), closing.source
    index = [c.notebook for c in course.CHAPTERS].index(path.name)
    if index + 1 < len(course.CHAPTERS):
        assert targets == [course.CHAPTERS[index + 1].notebook]
    assert not re.search(r"^#* ?Next: ", "\n".join(c.source for c in nb.cells[:-2]), flags=re.M), "a hand-written Next"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_sources_are_cited_by_title_with_a_references_section(path):
    nb = nbformat.read(path, as_version=4)
    text = markdown(nb)
    assert not re.search(r"\bseeds? \d{3}\b", text, flags=re.I), "a learner does not know what 'seed 003' is"
    assert "[[src:" not in text
    cited = re.findall(r'href="#References"[^>]*>\[(\d+)\]</a>', text)
    assert not re.search(r"\[\[\d+\]\]\(#", text), "a citation shown by colour alone (endmatter.in_text_link)"
    if cited:
        refs = [c for c in nb.cells if c.metadata.get("tags") == ["references"]]
        assert len(refs) == 1 and refs[0].source.startswith(endmatter.REFERENCES_HEADING)
        numbers = re.findall(r"^(\d+)\. ", refs[0].source, flags=re.M)
        assert sorted(set(cited), key=int) == numbers  # every citation has its entry, and no entry is uncited


def test_the_references_list_titles():
    for source in endmatter.SOURCES.values():
        assert "「" in source.entry or "『" in source.entry or "swim-lover" in source.entry


def test_an_unknown_citation_is_an_error():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("see [[src:999]]")])
    with pytest.raises(KeyError, match="999"):
        endmatter.cite(nb)


def test_a_solution_cell_without_a_check_is_an_error():
    cell = nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["solution"]})
    with pytest.raises(ValueError, match="check"):
        endmatter.hide_solutions(nbformat.v4.new_notebook(cells=[cell]))


def test_the_last_chapter_points_back_to_the_contents():
    assert course.CONTENTS.notebook in endmatter.next_source(course.CHAPTERS[-1].slug)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_come_before_the_summary(path):
    nb = nbformat.read(path, as_version=4)
    heads = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    if "## Exercises" in heads and "## Summary" in heads:
        assert heads.index("## Exercises") < heads.index("## Summary")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_student_notebook_promises_collapsed_solutions(path):
    assert "Solutions are in the collapsed cells" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_recorded_figure_has_a_text_alternative(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data and "application/vnd.jupyter.widget-view+json" not in data:
                alt = re.search(r'<img [^>]*alt="([^"]+)"', data.get("text/html", ""))
                assert alt and len(alt.group(1)) > 20, f"{path.name}: a figure without a text alternative"


def test_alt_text_is_built_from_the_figure_or_given():
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from helpers.alt_text import alt_text, describe, figure_html

    fig, (a, b) = plt.subplots(1, 2)
    a.set(title="accuracy", xlabel="θ")
    b.plot([0, 1], label="loss")
    b.legend()
    assert alt_text(fig) == "Figure: 2 panels. Panel 1: accuracy (x axis: θ). Panel 2: a plot (legend: loss)."
    describe(fig, 'Two curves; "quotes" & <tags>.')
    assert 'alt="Two curves; &quot;quotes&quot; &amp; &lt;tags&gt;."' in figure_html(fig)
    with pytest.raises(ValueError):
        describe(fig, " ")
    plt.close(fig)


def test_a_shown_figure_is_rendered_once_and_anew_after_a_change():
    """The HTML form (with the text alternative) and the PNG are one rendering, never a stale one."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    from IPython.core.formatters import DisplayFormatter
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    from helpers import alt_text

    renders = []

    def render(fig):
        renders.append(fig)
        return print_figure(fig, "png", base64=True)

    shown = DisplayFormatter()
    shown.formatters["image/png"].for_type(Figure, render)  # as the inline backend does
    alt_text._register(shown)
    alt_text._register(shown)  # registered again before and after each cell: still one rendering
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    ax.set_title("first")
    data, _ = shown.format(fig)
    assert len(renders) == 1
    assert f"base64,{data['image/png']}" in data["text/html"] and 'alt="Figure: first."' in data["text/html"]
    html_only, _ = shown.format(fig, include={"text/html"})
    ax.set_title("second")
    png_only, _ = shown.format(fig, include={"image/png"})
    assert len(renders) == 3  # the PNG after the change is rendered anew, not the one the HTML form had
    assert png_only["image/png"] not in html_only["text/html"]
    assert png_only["image/png"] == print_figure(fig, "png", base64=True)
    plt.close(fig)


def test_the_japanese_edition_cites_with_japanese_labels_and_no_stray_spaces():
    """記事「…」[1]は: no half-width space next to Japanese text, a Japanese label for every source; a space next to
    ASCII text (a table's |, a list's *) stays."""
    text = "記事 [[src:003]] は、[[src:004]] と [[src:003]] に従います。\n| [[src:004]]（コード） |\n* [[src:book]]"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
    assert endmatter.cite(nb, "ja") == ["003", "004", "book"]
    R1, R2, R3 = (f'<a href="#参考文献" style="text-decoration: underline">[{n}]</a>' for n in (1, 2, 3))
    assert nb.cells[0].source == (
        f"記事「ニューラルネットワークをざっくりと理解する」{R1}は、swim-loverさんのブログ記事{R2}と"
        f"「ニューラルネットワークをざっくりと理解する」{R1}に従います。\n"
        f"| swim-loverさんのブログ記事{R2}（コード） |\n* 『ゼロから作るDeep Learning』{R3}"
    )
    for source in endmatter.SOURCES.values():
        assert not re.search(r"[A-Za-z]'s\b", source.label_in("ja")), source.label_in("ja")  # no English label
        assert not re.search(r"\S[,:] ", source.entry_in("ja").split("：")[0]), source.entry_in("ja")  # 「、」「：」
    english = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("the post [[src:004]] says")])
    endmatter.cite(english)
    assert english.cells[0].source == (
        'the post swim-lover\'s blog post <a href="#References" style="text-decoration: underline">[1]</a> says'
    )
