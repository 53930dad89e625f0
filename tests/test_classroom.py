"""The classroom kit's building blocks: chapter list, nav bars, slide metadata, language pack."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import record  # noqa: E402
import slides  # noqa: E402

md = nbformat.v4.new_markdown_cell
code = nbformat.v4.new_code_cell


# ---- chapter list and navigation -------------------------------------------------------


def test_chapter_list_is_the_course():
    """The list's shape, not its names (a new chapter is one line in tools/course.py): numbered 00, 01, … in order
    without gaps, each slug a source in chapters/ and a notebook in both editions (the Japanese one once translated),
    titled in both languages."""
    assert [c.number for c in course.CHAPTERS] == [f"{i:02d}" for i in range(len(course.CHAPTERS))]
    for c in course.CHAPTERS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+", c.slug), c.slug
        assert (ROOT / "chapters" / f"{c.slug}.py").is_file(), f"{c.slug}: no chapters/{c.slug}.py"
        for folder in ("notebooks", "notebooks/ja") if c.slug in course.TRANSLATED else ("notebooks",):
            assert (ROOT / folder / c.notebook).is_file(), f"{c.slug}: no {folder}/{c.notebook}"
        assert c.title.strip() and c.title_ja.strip(), f"{c.slug}: a title in English and in Japanese"
        assert course.chapter(c.number) is c and course.chapter(c.slug) is c
    assert course.chapter("02").title == "Sum of squared errors and MSE, step by step"
    with pytest.raises(KeyError, match="no chapter '42'"):
        course.chapter("42")


def chapter_lists(source: str, names: set[str], chapters: int) -> list[str]:
    """``"line N: …"`` for each list, tuple, set or dict display in ``source`` (Python) whose strings name more than
    half of the course's ``chapters`` (``names``: their slugs, notebooks and source files): a second chapter list."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None] + node.values
        else:
            continue
        named = {i.value[:2] for i in items if isinstance(i, ast.Constant) and i.value in names}
        if len(named) * 2 > chapters:
            found.append(f"line {node.lineno}: {', '.join(sorted(named))}")
    return found


def _chapter_names() -> set[str]:
    return {name for c in course.CHAPTERS for name in (c.slug, c.notebook, f"{c.slug}.py")}


def test_the_chapter_list_is_written_once():
    """tools/course.py's CHAPTERS is the one chapter list (issue 13): no other source names most chapters in a
    literal; derive such a list from course.CHAPTERS (or a chapter's own files) instead."""
    folders = ("helpers", "tests", "tools", "classroom", "benchmarks")
    sources = [ROOT / "run.py"] + [p for f in folders for p in sorted((ROOT / f).rglob("*.py"))]
    found = [
        f"{path.relative_to(ROOT).as_posix()} {where}"
        for path in sources
        if path != ROOT / "tools" / "course.py" and "node_modules" not in path.parts
        for where in chapter_lists(path.read_text(encoding="utf-8"), _chapter_names(), len(course.CHAPTERS))
    ]
    assert not found, f"a second chapter list (use tools/course.py's CHAPTERS): {found}"


def test_a_second_chapter_list_is_found():
    names, n = _chapter_names(), len(course.CHAPTERS)
    everything = ", ".join(repr(c.notebook) for c in course.CHAPTERS)
    assert chapter_lists(f"FILES = {{'01': '01_why_loss.ipynb', **x}}\nALL = [{everything}]\n", names, n) == [
        f"line 2: {', '.join(c.number for c in course.CHAPTERS)}"
    ]
    course_py = (ROOT / "tools" / "course.py").read_text(encoding="utf-8")
    assert chapter_lists(course_py, names, n)  # the one list itself
    assert chapter_lists("PICKED = ['01_why_loss.ipynb', '02_sse_mse.ipynb']\n", names, n) == []  # a few: fine


def test_nav_bar_middle_first_and_last():
    assert course.nav_links("02_sse_mse") == (
        "[← 01 Why a loss function?](01_why_loss.ipynb) · [Contents](00_start_here.ipynb) · "
        "[03 Cross-entropy error →](03_cross_entropy.ipynb)"
    )
    assert course.nav_links("00_start_here") == "[01 Why a loss function? →](01_why_loss.ipynb)"
    assert (
        course.nav_links("12_quiz") == "[← 11 Glossary / 用語集](11_glossary.ipynb) · [Contents](00_start_here.ipynb)"
    )


def test_contents_table_lists_every_chapter_with_what_it_is_about():
    for lang, head in (("en", "| chapter | what it is about |"), ("ja", "| 章 | 内容 |")):
        rows = course.contents_table(lang).splitlines()
        assert rows[:2] == [head, "|---|---|"]
        assert len(rows) == 2 + len(course.CHAPTERS)
        for row, c in zip(rows[2:], course.CHAPTERS, strict=True):
            title, target = course.link(c, lang)
            assert row == f"| [{c.number} {title}]({target}) | {c.about_ja if lang == 'ja' else c.about} |"


def test_build_adds_nav_at_both_ends(tmp_path):
    source = tmp_path / "03_cross_entropy.py"
    source.write_text("# %% [markdown]\n# # 03 — Cross-entropy\n\n# %%\nprint(1)\n")
    nb = record.build(source)
    assert nb.cells[0].source == nb.cells[-1].source == course.nav_cell_source("03_cross_entropy")
    assert nb.cells[1].source.startswith("# 03")
    assert nb.cells[0].metadata["tags"] == ["nav"]


def test_build_adds_no_nav_outside_the_course(tmp_path):
    source = tmp_path / "99_scratch.py"
    source.write_text("# %%\nprint(1)\n")
    assert [c.source for c in record.build(source).cells] == ["print(1)"]


# ---- slide metadata ---------------------------------------------------------------------

EXPLORER = (
    "# NBVAL_IGNORE_OUTPUT\n# Why: a live widget, checked by the next cell.\n"
    "explorer = ch02.probability_explorer(y, t)\nexplorer"
)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([md("# 02 — Title")], ["slide"]),
        ([md("## 1. Section"), code("x = 1")], ["slide", "-"]),
        ([md("### Why the ½?")], ["slide"]),
        ([md("## A"), code("a = 1"), code("b = 2")], ["slide", "-", "fragment"]),
        ([md("## A"), code("a = 1"), md("Now look at b.")], ["slide", "-", "slide"]),
        ([md("## A"), md("more words")], ["slide", "-"]),
        ([md("Intro"), code(EXPLORER), code("explorer.set(p=1)")], ["-", "slide", "slide"]),
        ([md("## Ex"), code("ans = ...")], ["slide", "-"]),
    ],
)
def test_slide_types(cells, expected):
    nb = nbformat.v4.new_notebook(cells=cells)
    slides.add_slide_metadata(nb)
    assert [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells] == expected
    # a cell that continues its slide carries no slideshow key: jupyterlab-deck hides one marked "-"
    assert all(c.metadata["slideshow"]["slide_type"] != "-" for c in nb.cells if "slideshow" in c.metadata)


def test_solutions_and_nav_are_skipped_and_do_not_break_the_flow():
    solution = code("answer = 42", metadata={"tags": ["solution"], "jupyter": {"source_hidden": True}})
    nav = md("<!-- nav -->\n[Contents](00_start_here.ipynb)", metadata={"tags": ["nav"]})
    nb = nbformat.v4.new_notebook(cells=[nav, md("# T"), code("ans = ..."), solution, md("**Exercise 2**")])
    slides.add_slide_metadata(nb)
    assert [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells] == [
        "skip",
        "slide",
        "-",
        "skip",
        "slide",
    ]


def test_ignored_output_without_a_widget_is_not_an_explorer():
    assert not slides.is_explorer_cell(code("# NBVAL_IGNORE_OUTPUT\n# Why: timing differs per run\n%time f()"))
    assert not slides.is_explorer_cell(code("explorer.set(p=1)\nprint(explorer.readout_text)"))
    assert slides.is_explorer_cell(code(EXPLORER))
    tagged = code("# Why: a live widget\nw = widget()\nw", metadata={"tags": ["nbval-ignore-output"]})
    assert slides.is_explorer_cell(tagged)


RECORDED = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "notebooks" / "ja").glob("[0-9][0-9]_*.ipynb")
)


def slide_types(nb) -> list[str]:
    return [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]


@pytest.mark.parametrize("path", RECORDED, ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_every_recorded_chapter_carries_slide_metadata(path):
    nb = nbformat.read(path, as_version=4)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]
    expected = slides.add_slide_metadata(nbformat.read(path, as_version=4))
    assert kinds == [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in expected.cells], (
        f"{path.name}: slide metadata is not the build's: python run.py record {path.name[:2]}"
    )
    assert not [c for c in nb.cells if c.metadata.get("slideshow", {}).get("slide_type") == "-"]
    assert kinds.count("slide") >= 1
    for cell, kind in zip(nb.cells, kinds, strict=True):
        if "solution" in cell.metadata.get("tags", []):
            assert kind == "skip", f"{path.name}: a solution would be projected"
        if slides.is_explorer_cell(cell):
            assert kind == "slide", f"{path.name}: an explorer shares a slide"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks" / "ja").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem)
def test_the_japanese_deck_has_the_english_decks_slides(path):
    """Both editions of a chapter present the same deck: a slide, fragment or skipped cell in one is one in the
    other, cell for cell (a Japanese twin that drops a heading, or adds one, would move a slide)."""
    english = nbformat.read(ROOT / "notebooks" / path.name, as_version=4)
    japanese = nbformat.read(path, as_version=4)
    assert slide_types(japanese) == slide_types(english), f"ja/{path.name}: the decks differ"


def test_japanese_twins_get_the_slides_of_their_english_cells():
    """The slide rules read structure, not words: the Japanese cells of a chapter give its English slide types."""
    cells_en = [md("## 1. The formula"), code("y = 1"), md("Now square it."), code("y**2"), code("y**3")]
    cells_ja = [md("## 1. 式"), code("y = 1"), md("次に2乗します。"), code("y**2"), code("y**3")]
    decks = [slides.add_slide_metadata(nbformat.v4.new_notebook(cells=cells)) for cells in (cells_en, cells_ja)]
    assert slide_types(decks[1]) == slide_types(decks[0]) == ["slide", "-", "slide", "-", "fragment"]


# ---- Japanese UI ------------------------------------------------------------------------


def test_japanese_language_pack_is_installed_and_listed():
    assert importlib.util.find_spec("jupyterlab_language_pack_ja_JP") is not None
    out = subprocess.run(
        [sys.executable, "-c", "from jupyterlab_server.translation_utils import get_language_packs as g; "
         "import json; print(json.dumps(g('en')[0]))"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "ja_JP" in json.loads(out)


def test_lab_settings_document_the_locale_switch():
    guide = (ROOT / "docs" / "TEACHER_GUIDE.md").read_text(encoding="utf-8")
    assert '"@jupyterlab/translation-extension:plugin": {"locale": "ja_JP"}' in guide
    assert "jupyter/overrides.ja.json" in guide
    overrides = json.loads((ROOT / "jupyter" / "overrides.ja.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "ja_JP"


def test_japanese_overrides_differ_from_the_default_only_by_the_locale():
    default = json.loads((ROOT / "jupyter" / "overrides.json").read_text(encoding="utf-8"))
    ja = json.loads((ROOT / "jupyter" / "overrides.ja.json").read_text(encoding="utf-8"))
    assert ja.pop("@jupyterlab/translation-extension:plugin") == {"locale": "ja_JP"}
    assert ja == default


# ---- glossary ---------------------------------------------------------------------------

REQUIRED_TERMS = (
    "損失関数 2乗和誤差 平均二乗誤差 平均絶対誤差 交差エントロピー誤差 ソフトマックス関数 勾配降下法 ミニバッチ 連鎖律 "
    "誤差逆伝播法 恒等関数 活性化関数 正解ラベル 過学習 KLダイバージェンス エントロピー ラベル平滑化 学習率 数値微分 "
    "勾配消失 シグモイド関数 one-hot表現 エポック 混同行列 "
    # backpropagation as the book teaches it (issue 14)
    "計算グラフ 順伝播 逆伝播 偏微分 勾配 尤度 最尤推定 正則化 荷重減衰 Affineレイヤ ReLU関数 教師データ 最小二乗法 "
    "二乗和誤差 検証データ 早期終了 学習不足 Dropout ハイパーパラメータ 汎化"
).split()


def test_glossary_has_every_key_term():
    from helpers import glossary

    japanese = {t.japanese for t in glossary.TERMS}
    assert not [w for w in REQUIRED_TERMS if w not in japanese]


@pytest.mark.parametrize("term", __import__("helpers.glossary").glossary.TERMS, ids=lambda t: t.english)
def test_glossary_entry_is_complete(term):
    chapters = {c.slug for c in course.CHAPTERS}
    assert term.english.strip() and term.japanese.strip()
    for text in term.definition:  # English, then Japanese
        assert text.strip() and "\n" not in text and len(text) <= 120
    assert term.slug in chapters, f"{term.english}: {term.slug!r} is no chapter of tools/course.py"
    assert term.chapter not in ("00", "11", "12")
    assert term.definition.en.endswith(".") and term.definition.ja.endswith("。")


def test_glossary_speaks_the_course_notation():
    """y prediction, t target, ε only inside the log (α smooths labels), JA_STYLE's one-hot表現, no internal jargon."""
    from helpers import glossary

    text = "\n".join(f"{t.english} {t.japanese} {t.definition.en} {t.definition.ja}" for t in glossary.TERMS)
    assert "seed" not in text.lower() and "ワンホット" not in text
    for term, formula in [
        ("ラベル平滑化", "(1 − α)·t + α/K"),
        ("二値交差エントロピー", "log y + (1 − t) log(1 − y)"),
        ("連鎖律", "dz/du · du/dx"),
    ]:
        assert all(formula in text for text in glossary.lookup(term).definition), term  # the same in both


def test_glossary_names_are_unique_and_link_the_chapters_notebooks():
    from helpers import glossary

    assert len({t.english for t in glossary.TERMS}) == len(glossary.TERMS)
    assert len({t.japanese for t in glossary.TERMS}) == len(glossary.TERMS)
    for term in glossary.TERMS:
        assert (term.chapter, term.notebook) == (course.chapter(term.slug).number, course.chapter(term.slug).notebook)


def test_glossary_table_and_search():
    from helpers import glossary

    table = glossary.markdown_table()
    assert table.count("\n") == len(glossary.TERMS) + 1
    assert "| cross-entropy error | 交差エントロピー誤差 |" in table
    assert glossary.lookup("過学習").chapter == "09"
    finder = glossary.search_box()
    finder.set("ダイバージェンス")
    assert [t.english for t in finder.matches] == ["KL divergence"]
    assert "KL divergence" in finder.table.value and "1 of" in finder.count.value
    finder.set("zzzz")
    assert finder.matches == [] and "no term matches" in finder.table.value


# ---- teacher guide and Binder -----------------------------------------------------------

GUIDE = ROOT / "docs" / "TEACHER_GUIDE.md"


def test_guide_covers_every_chapter():
    text = GUIDE.read_text(encoding="utf-8")
    for ch in course.CHAPTERS:
        assert f"### {ch.number} — " in text, f"no section for chapter {ch.number}"
    for needed in ("Objectives", "10-minute demo", "Misconceptions", "Discussion", "Exercise answers"):
        assert text.count(needed) >= 8, needed
    for needed in ("nbgitpuller", "git-pull?repo=", "mybinder.org", "python run.py student", "RISE", "δ = y − t"):
        assert needed in text


def test_guide_names_every_exercise():
    import importlib

    text = GUIDE.read_text(encoding="utf-8")
    for path in sorted((ROOT / "helpers" / "exercise_bank").glob("ch[0-9][0-9].py")):
        bank = importlib.import_module(f"helpers.exercise_bank.{path.stem}")
        for key in bank.EXERCISES:
            assert f"{key}:" in text, f"the guide gives no answer for exercise {key}"


def test_guide_quiz_key_matches_the_quiz():
    from helpers import quiz

    rows = {}
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows[int(cells[0])] = cells
    assert sorted(rows) == [q.number for q in quiz.QUESTIONS]
    for q in quiz.QUESTIONS:
        _, chapter, answer, _ = rows[q.number]
        assert chapter == q.chapter
        if q.kind == "choice":
            assert answer.startswith(f"{q.correct()}) "), f"Q{q.number}: key says {answer!r}"
        else:
            assert quiz.grade(q.number, answer).ok, f"Q{q.number}: key says {answer!r}"


def test_binder_installs_the_pinned_stack_and_helpers():
    reqs = (ROOT / "binder" / "requirements.txt").read_text().split()
    assert reqs == ["-r", "../requirements.txt", "-e", "."]
    python = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert f"python={python.removeprefix('python-')}" in (ROOT / "environment.yml").read_text()
    assert "jupyter/overrides.json" in (ROOT / "binder" / "postBuild").read_text()


# ---- the course image for Kubernetes -----------------------------------------------------


def _slim_image():
    spec = importlib.util.spec_from_file_location("slim_image", ROOT / "classroom" / "slim_image.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_slim_image_drops_hub_pages_and_test_suites_and_keeps_the_rest(tmp_path):
    """What a student's server never uses goes; a package's runtime ``testing`` module and code stay."""
    site = tmp_path / "lib" / "site-packages"
    files = {
        "share/jupyterhub/static/js/hub.js": 100,
        "share/jupyterhub/templates/page.html": 10,
        "lib/site-packages/numpy/_core/tests/test_x.py": 1000,
        "lib/site-packages/numpy/testing/__init__.py": 20,
        "lib/site-packages/numpy/__init__.py": 30,
        "lib/site-packages/tornado/test/runtests.py": 300,
        "lib/site-packages/helpers/losses.py": 40,
    }
    for name, size in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    freed = _slim_image().slim(tmp_path, site)
    assert freed == 100 + 1000 + 300
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert left == [
        "lib/site-packages/helpers/losses.py",
        "lib/site-packages/numpy/__init__.py",
        "lib/site-packages/numpy/testing/__init__.py",
        "share/jupyterhub/templates/page.html",
    ]


def test_the_course_image_is_built_with_the_slimming_script():
    dockerfile = (ROOT / "classroom" / "Dockerfile").read_text(encoding="utf-8")
    run = dockerfile[dockerfile.index("RUN pip install") :].split("\nRUN ")[0]
    assert "--no-compile" in run and "slim_image.py" in run, "install and slimming must share one layer"
