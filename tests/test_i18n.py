"""The Japanese edition (日本語版) cannot drift from the English one.

* every English markdown cell of a translated chapter has its Japanese twin (a missing one names the
  chapter and the cell); an untranslated chapter is a strict xfail, so translating it flips the test;
* both recorded editions are what ``tools/record.py`` builds from the one source; their code cells are
  identical and they print the same numbers;
* the helpers modules that talk to the learner say everything in both languages (:data:`CONVERTED`);
  the modules still to convert are listed in :data:`TO_DO`, and every module is in one list or the other;
* a figure with Japanese text renders without a missing-glyph warning.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import warnings
from pathlib import Path

import jupytext
import nbformat
import pytest

from helpers import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import record  # noqa: E402

SOURCES = {s.stem: s for s in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.py"))}
JA = ROOT / "notebooks" / "ja"
JA_NOTEBOOKS = sorted(JA.glob("[0-9][0-9]_*.ipynb"))


def _source_cells(slug: str) -> list:
    return jupytext.read(SOURCES[slug], fmt="py:percent").cells


def missing_twins(slug: str) -> list[str]:
    """``"NN_slug cell k: first line"`` for every English markdown cell of ``slug`` without a Japanese twin."""
    return [
        f"{slug} cell {i}: {cell.source.splitlines()[0] if cell.source else '(empty)'}"
        for i, cell, twin in record.twins(_source_cells(slug))
        if twin is None
    ]


def _twin_param(slug: str):
    if slug in course.TRANSLATED:
        return slug
    return pytest.param(slug, marks=pytest.mark.xfail(strict=True, reason="not translated yet (tools/course.py)"))


# --- every prose cell in both languages ------------------------------------------------------------


@pytest.mark.parametrize("slug", [_twin_param(s) for s in SOURCES])
def test_every_english_markdown_cell_has_a_japanese_twin(slug):
    missing = missing_twins(slug)
    assert not missing, 'no Japanese twin (# %% [markdown] lang="ja") after:\n' + "\n".join(missing)


def test_a_missing_twin_is_named(tmp_path, monkeypatch):
    source = tmp_path / "99_demo.py"
    source.write_text(
        '# %% [markdown]\n# # Title\n\n# %% [markdown] lang="ja"\n# # 題名\n\n# %%\nx = 1\n\n'
        "# %% [markdown]\n# ## 1. Untranslated\n",
        encoding="utf-8",
    )
    monkeypatch.setitem(SOURCES, "99_demo", source)
    assert missing_twins("99_demo") == ["99_demo cell 3: ## 1. Untranslated"]


def test_translated_chapters_are_the_japanese_edition():
    assert course.TRANSLATED <= set(SOURCES), f"not chapters: {sorted(course.TRANSLATED - set(SOURCES))}"
    assert {p.stem for p in JA_NOTEBOOKS} == set(course.TRANSLATED), (
        "notebooks/ja/ must hold exactly the chapters of course.TRANSLATED: run `python run.py record NN`"
    )


def test_select_language_keeps_code_once_and_swaps_prose():
    cells = jupytext.reads(
        '# %% [markdown]\n# Hello\n\n# %% [markdown] lang="ja"\n# こんにちは\n\n# %%\nx = 1\n', fmt="py:percent"
    ).cells
    en = record.select_language(cells, "en")
    ja = record.select_language(cells, "ja")
    assert [c.source for c in en] == ["Hello", "x = 1"]
    assert [c.source for c in ja] == ["こんにちは", "x = 1"]
    assert all("lang" not in c.metadata for c in ja)
    assert cells[1].metadata["lang"] == "ja"  # the source's cells are not changed


@pytest.mark.parametrize(
    "text, message",
    [
        ('# %% [markdown] lang="ja"\n# 迷子\n\n# %%\nx = 1\n', "must follow its English markdown cell"),
        ('# %%\nx = 1\n\n# %% [markdown] lang="ja"\n# 迷子\n', "must follow its English markdown cell"),
        ('# %% [markdown]\n# a\n\n# %% [markdown] lang="fr"\n# b\n', 'only lang="ja"'),
    ],
)
def test_a_misplaced_twin_is_an_error(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        record.select_language(jupytext.reads(text, fmt="py:percent").cells, "ja")


def test_unknown_edition_is_an_error():
    with pytest.raises(ValueError, match="lang must be one of en, ja, got 'fr'"):
        record.select_language([], "fr")


# --- the two recorded editions ---------------------------------------------------------------------


def _shape(nb):
    return [(c.get("id"), c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


@pytest.mark.parametrize("slug", sorted(course.TRANSLATED))
def test_japanese_notebook_is_in_sync_with_its_source(slug):
    built = record.build(SOURCES[slug], "ja")
    recorded = nbformat.read(JA / f"{slug}.ipynb", as_version=4)
    assert _shape(recorded) == _shape(built), (
        f"chapters/{slug}.py (or tools/course.py, tools/endmatter.py) changed since notebooks/ja/{slug}.ipynb was "
        f"recorded: run `python run.py record {slug[:2]}`"
    )


def _editions(slug: str):
    en = nbformat.read(ROOT / "notebooks" / f"{slug}.ipynb", as_version=4)
    ja = nbformat.read(JA / f"{slug}.ipynb", as_version=4)
    return en, ja


@pytest.mark.parametrize("slug", sorted(course.TRANSLATED))
def test_code_cells_are_identical_across_editions(slug):
    en, ja = _editions(slug)
    assert [c.source for c in en.cells if c.cell_type == "code"] == [
        c.source for c in ja.cells if c.cell_type == "code"
    ]


NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")  # 4 in 有効数字4桁 counts


def printed_numbers(nb) -> list[list[str]]:
    """The numbers each code cell prints (stream text and text/plain), cell by cell; cells nbval ignores are
    left out (their numbers may differ between machines), and so are widget views and pictures."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or record.output_ignored(cell):
            continue
        texts = []
        for out in cell.outputs:
            if out.output_type == "stream":
                texts.append(out.text)
            elif "text/plain" in out.get("data", {}) and record.WIDGET_VIEW not in out.data:
                if not out.data["text/plain"].startswith("<Figure"):
                    texts.append(out.data["text/plain"])
        cells.append(NUMBER.findall("\n".join(texts)))
    return cells


@pytest.mark.parametrize("slug", sorted(course.TRANSLATED))
def test_both_editions_print_the_same_numbers(slug):
    en, ja = _editions(slug)
    en_numbers, ja_numbers = printed_numbers(en), printed_numbers(ja)
    assert len(en_numbers) == len(ja_numbers)
    for i, (a, b) in enumerate(zip(en_numbers, ja_numbers, strict=True)):
        assert sorted(a) == sorted(b), f"{slug} code cell {i}: English prints {a}, Japanese {b}"


def test_printed_numbers_see_a_changed_digit():
    cell = nbformat.v4.new_code_cell("print(x)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="loss 0.0195\n")]
    nb = nbformat.v4.new_notebook(cells=[cell])
    other = nbformat.from_dict(nb)
    other.cells[0].outputs[0].text = "損失 0.0196\n"
    assert printed_numbers(nb) == [["0.0195"]]
    assert printed_numbers(nb) != printed_numbers(other)


@pytest.mark.parametrize("path", JA_NOTEBOOKS, ids=lambda p: p.stem)
def test_japanese_notebook_ran_cleanly(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: {out.get('ename')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text[:200]


@pytest.mark.parametrize("path", JA_NOTEBOOKS, ids=lambda p: p.stem)
def test_japanese_notebook_speaks_japanese(path):
    """Its title is the chapter's title_ja, and the check verdicts are the Japanese ones."""
    nb = nbformat.read(path, as_version=4)
    ch = course.chapter(path.stem)
    h1 = nb.cells[1].source.splitlines()[0]
    assert h1 == f"# {ch.number} — {ch.title_ja}"
    verdicts = [o.data["text/plain"] for c in nb.cells for o in c.get("outputs", []) if "course-check" in str(o)]
    assert verdicts and all("演習" in v and "Exercise" not in v for v in verdicts), verdicts


@pytest.mark.parametrize("path", JA_NOTEBOOKS, ids=lambda p: p.stem)
def test_japanese_links_resolve(path):
    nb = nbformat.read(path, as_version=4)
    targets = [m.group(1) for c in nb.cells if c.cell_type == "markdown"
               for m in re.finditer(r"\]\(([^)\s#]+\.ipynb)\)", c.source)]  # fmt: skip
    assert targets
    written = {s + ".ipynb" for s in SOURCES}
    bad = [t for t in targets if not (path.parent / t).is_file() and Path(t).name in written]
    assert not bad, f"{path.name} links to notebooks that do not exist: {bad}"
    stray = [t for t in targets if Path(t).name not in {c.notebook for c in course.CHAPTERS}]
    assert not stray, stray


def test_nav_links_in_japanese(monkeypatch):
    monkeypatch.setattr(course, "TRANSLATED", frozenset({"00_start_here", "01_why_loss", "02_sse_mse"}))
    bar = course.nav_links("02_sse_mse", "ja")
    assert bar == (
        "[← 01 なぜ損失関数が必要なのか](01_why_loss.ipynb) · [目次](00_start_here.ipynb) · "
        "[03 Cross-entropy error（英語） →](../03_cross_entropy.ipynb)"
    )
    assert course.nav_links("02_sse_mse") == (
        "[← 01 Why a loss function?](01_why_loss.ipynb) · [Contents](00_start_here.ipynb) · "
        "[03 Cross-entropy error →](03_cross_entropy.ipynb)"
    )


def _japanese_prose(slug: str) -> str:
    return "\n".join(twin.source for _, _, twin in record.twins(_source_cells(slug)) if twin is not None)


@pytest.mark.parametrize("slug", sorted(course.TRANSLATED))
def test_glossary_terms_are_the_ones_the_japanese_chapter_uses(slug):
    """Each glossary term a translated chapter introduces appears in its Japanese prose in the glossary's form
    (each part of 正解率（認識精度）); a variant such as クロスエントロピー誤差 is textlint's (prh) to catch."""
    from helpers.glossary import TERMS

    number, text = slug[:2], _japanese_prose(slug)
    missing = [
        f"{term.japanese} ({term.english})"
        for term in TERMS
        if term.chapter == number
        and any(part not in text for part in re.split(r"\s*/\s*|（|）", term.japanese) if part.strip())
    ]
    assert not missing, f"{slug}: the Japanese prose does not use the glossary's form of {missing}"


def test_every_chapter_has_a_japanese_title():
    assert all(ch.title_ja for ch in course.CHAPTERS), [ch.slug for ch in course.CHAPTERS if not ch.title_ja]


# --- the edition's language in a kernel ------------------------------------------------------------


def test_language_from_the_environment(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "ja")
    assert i18n.lang() == "ja" and i18n.tr("yes", "はい") == "はい" and str(i18n.Text("yes", "はい")) == "はい"
    monkeypatch.setenv("COURSE_LANG", "en")
    assert i18n.lang() == "en" and i18n.tr("yes", "はい") == "yes"
    monkeypatch.setenv("COURSE_LANG", "fr")
    with pytest.raises(ValueError, match="COURSE_LANG must be one of en, ja, got 'fr'"):
        i18n.lang()


def test_language_from_the_notebook_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_LANG", raising=False)
    folder = tmp_path / "ja"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert i18n.lang() == "en"  # a folder named ja with no chapter in it (a clone named ja) is not the edition
    (folder / "00_start_here.ipynb").write_text("{}")
    assert i18n.lang() == "ja"
    monkeypatch.chdir(tmp_path)
    assert i18n.lang() == "en"


def test_tr_and_localize_refuse_other_types():
    with pytest.raises(TypeError, match="ja must be a str, got int"):
        i18n.tr("one", 1)
    with pytest.raises(TypeError, match="text must be a str or helpers.i18n.Text, got NoneType"):
        i18n.localize(None)
    assert i18n.localize("as it is") == "as it is"


def test_checks_answer_in_japanese(monkeypatch):
    from helpers.checks import evaluate, solution

    monkeypatch.setenv("COURSE_LANG", "ja")
    assert evaluate("00.1", None).message.startswith("✗ 演習 00.1: まだ答えがありません。")
    assert evaluate("00.1", 6.25).message.startswith("✓ 演習 00.1: 正解です！")
    assert evaluate("00.1", "6.25").message.startswith("✗ 演習 00.1: 答えが数値ではなく文字列")
    assert evaluate("02.1", 0.02).message.startswith("✗ 演習 02.1:")
    shown = repr(solution("00.2", {}))
    assert shown == "演習 00.2 の解答（閉じています。ノートブックで開いてください）: ✓"
    monkeypatch.setenv("COURSE_LANG", "en")
    assert evaluate("00.1", None).message.startswith("✗ Exercise 00.1: no answer yet")


def test_a_hint_given_in_both_languages_follows_the_edition(monkeypatch):
    from helpers import checks

    ex = checks.Exercise("00.1", expected=lambda: 1.0, hint=i18n.Text("Look again.", "もう一度見てみましょう。"))
    monkeypatch.setattr(checks, "exercise", lambda key: ex)
    monkeypatch.setenv("COURSE_LANG", "ja")
    assert checks.evaluate("00.1", 2.0).message == "✗ 演習 00.1: まだです。ヒント: もう一度見てみましょう。"
    monkeypatch.setenv("COURSE_LANG", "en")
    assert checks.evaluate("00.1", 2.0).message == "✗ Exercise 00.1: not yet. Hint: Look again."


def test_alt_text_in_japanese(monkeypatch):
    import matplotlib.pyplot as plt

    from helpers.alt_text import alt_text

    monkeypatch.setenv("COURSE_LANG", "ja")
    fig, ax = plt.subplots()
    ax.set(title="損失", xlabel="w", ylabel="L(w)")
    ax.plot([0, 1], label="a")
    ax.plot([1, 0], label="b")
    ax.legend()
    assert alt_text(fig) == "図: 損失（x軸: w、y軸: L(w)、凡例: a、b）。"
    fig.add_subplot(2, 1, 2).set_title("勾配")
    assert alt_text(fig).startswith("図: 2枚のパネル。パネル1: 損失")
    plt.close(fig)


def test_japanese_figure_renders_without_missing_glyphs():
    import matplotlib.pyplot as plt

    from helpers.style import use_course_style

    use_course_style()
    fig, ax = plt.subplots()
    ax.set(title="損失関数と2乗和誤差", xlabel="重み w", ylabel="交差エントロピー誤差")
    ax.plot([0, 1], [1, 0], label="勾配降下法")
    ax.legend()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


# --- user-facing strings in helpers ----------------------------------------------------------------

#: Modules whose every string for the learner exists in both languages (via ``tr`` / ``Text``).
CONVERTED = ("helpers/checks.py", "helpers/alt_text.py", "helpers/style.py", "helpers/i18n.py")
#: Modules that say things to the learner in English only, still to convert (and why not yet).
TO_DO = {
    "helpers/explorers/": "being rewritten on helpers/live/ (issue: live layer)",
    "helpers/live/": "the new live layer (sliders, canvas, readout), being written: to convert once it lands",
    "helpers/widgets.py": "the large-text shim over helpers/live/ (its switch's text lives there)",
    "helpers/quiz.py": "being extended (content issues)",
    "helpers/glossary.py": "being extended (content issues); its Japanese terms are there already",
    "helpers/exercise_bank/": "being extended; hints can be helpers.i18n.Text already (checks.py)",
    "helpers/steps.py": "its printouts carry the Japanese term beside the English label; chapters 02–03",
    "helpers/graph.py": "node labels of chapter 07's drawing (being changed)",
}
#: Modules with nothing for the learner to read but error messages for wrong arguments (English, as Python's).
NO_PROSE = (
    "helpers/__init__.py",
    "helpers/_validate.py",
    "helpers/data.py",
    "helpers/distributions.py",
    "helpers/fit.py",
    "helpers/layers.py",
    "helpers/losses.py",
    "helpers/network.py",
    "helpers/numdiff.py",
)
EXEMPT = "# i18n: not prose"
PROSE = re.compile(r"[A-Za-z']{2,} [A-Za-z']{2,}")


def _classified(rel: str) -> bool:
    return (
        rel in CONVERTED or rel in NO_PROSE or any(rel == k or (k.endswith("/") and rel.startswith(k)) for k in TO_DO)
    )


def test_every_helpers_module_is_classified():
    modules = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "helpers").rglob("*.py"))
    unclassified = [m for m in modules if not _classified(m)]
    assert not unclassified, f"add to CONVERTED (after converting), TO_DO or NO_PROSE in {__file__}: {unclassified}"


def _literal_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)  # an f-string


def english_only_strings(code: str, name: str = "<module>") -> list[str]:
    """``"name:line: text"`` for every English phrase of ``code`` a learner could read that is not inside
    ``tr(...)`` / ``Text(...)``: docstrings, ``raise`` messages (programming errors, English like Python's own),
    markup and lines marked ``# i18n: not prose`` are left out."""
    tree = ast.parse(code)
    lines = code.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("tr", "Text"):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        elif isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)  # judged as the whole f-string
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        if isinstance(node, ast.Constant) and not isinstance(node.value, str):
            continue
        text = re.sub(r"<[^>]*(>|$)", " ", _literal_text(node))  # markup, even a tag cut in two
        text = re.sub(r"\{\}", " ", text)
        if PROSE.search(text) and EXEMPT not in lines[node.lineno - 1]:
            found.append(f"{name}:{node.lineno}: {_literal_text(node)[:80]}")
    return found


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_module_has_no_english_only_string(module):
    found = english_only_strings((ROOT / module).read_text(encoding="utf-8"), module)
    assert not found, "English-only strings a learner reads (wrap them in tr(en, ja)):\n" + "\n".join(found)


def test_english_only_strings_are_found():
    code = '''
def f(x):
    """A docstring is for developers."""
    if x:
        raise ValueError("x must be positive")
    label = tr("not yet", "まだです")
    html = f'<div class="a b">{label}</div>'
    return f"Hint: look at {x} again" + label
'''
    assert english_only_strings(code) == ["<module>:8: Hint: look at {} again"]
