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


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana and kanji
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
    exercises = [c for c in nb.cells if c.cell_type == "code" and "check(" in c.source]  # none in 11 and 12
    assert bool(verdicts) == bool(exercises) and all("演習" in v and "Exercise" not in v for v in verdicts), verdicts


@pytest.mark.parametrize("path", JA_NOTEBOOKS, ids=lambda p: p.stem)
def test_japanese_links_resolve(path):
    nb = nbformat.read(path, as_version=4)
    targets = [m.group(1) for c in nb.cells if c.cell_type == "markdown"
               for m in re.finditer(r'(?:\]\(|href=")([^)"\s#]+\.ipynb)[)"]', c.source)]  # fmt: skip
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
    (each part of 訓練データ / テストデータ); a variant such as クロスエントロピー誤差 is textlint's (prh) to catch."""
    from helpers.glossary import TERMS

    number, text = slug[:2], _japanese_prose(slug)
    missing = [
        f"{term.japanese} ({term.english})"
        for term in TERMS
        if term.chapter == number
        and any(part not in text for part in re.split(r"\s*/\s*|（|）", term.japanese) if part.strip())
    ]
    assert not missing, f"{slug}: the Japanese prose does not use the glossary's form of {missing}"


def _glossary_pairs() -> list[tuple[str, str]]:
    """``(English name, Japanese form)`` of every glossary term, one pair per part (``training data / test data``
    gives two); what is in parentheses is left out on both sides (``parameter (weight)`` → パラメータ)."""
    from helpers.glossary import TERMS

    pairs = []
    for term in TERMS:
        english = [re.sub(r"\s*\(.*?\)", "", part).strip() for part in term.english.split(" / ")]
        japanese = [part.split("（")[0].strip() for part in term.japanese.split(" / ")]
        if len(english) == len(japanese) and "other spelling" not in term.english:
            pairs += [(e, j) for e, j in zip(english, japanese, strict=True) if e and j]
    return pairs


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def glossed_terms(cells) -> list[tuple[int, str, str, bool]]:
    """``(cell k, english, 日本語, used)`` for every place an English markdown cell gives a glossary term with a
    Japanese gloss, as the English edition does where it introduces a term (``**cross-entropy error**
    (交差エントロピー誤差)``); ``used``: its Japanese twin writes the glossary's form of the term."""
    found = []
    for i, cell, twin in record.twins(cells):
        if twin is None:
            continue
        for english, japanese in _glossary_pairs():
            pattern = rf"(?<![\w-]){re.escape(english)}(?![\w-])\**\s*\(([^)]*)\)"
            for match in re.finditer(pattern, cell.source, re.IGNORECASE):
                if _CJK.search(match.group(1)):
                    found.append((i, english, japanese, japanese in twin.source))
    return found


def terms_not_in_the_glossary_form(cells) -> list[str]:
    """``"cell k: english → 日本語"`` for every glossed term (:func:`glossed_terms`) whose Japanese twin does not
    write the glossary's form."""
    return [f"cell {i}: {english} → {japanese}" for i, english, japanese, used in glossed_terms(cells) if not used]


@pytest.mark.parametrize("slug", sorted(course.TRANSLATED))
def test_the_japanese_chapters_use_the_glossary_terms(slug):
    """Wherever an English cell of a translated chapter introduces a glossary term (the term with its Japanese in
    parentheses), its Japanese twin uses the glossary's Japanese form: so each glossary term is the one the Japanese
    chapters use, and the test grows with ``course.TRANSLATED`` (a term no translated chapter uses yet is not
    checked; a passing use such as 隠れ層 for "hidden layer" is not a gloss, and JA_STYLE allows it)."""
    found = terms_not_in_the_glossary_form(_source_cells(slug))
    assert not found, f"{slug}: the Japanese twin does not use the glossary's term:\n" + "\n".join(found)


def test_the_glossary_test_sees_the_translated_chapters():
    glossed = [g for slug in sorted(course.TRANSLATED) for g in glossed_terms(_source_cells(slug))]
    assert len(glossed) >= 10, glossed  # chapters 00–02 alone gloss more than ten glossary terms


def test_a_term_outside_the_glossary_form_is_named():
    cells = jupytext.reads(
        '# %% [markdown]\n# The **cross-entropy error** (交差エントロピー誤差) is small.\n\n# %% [markdown] lang="ja"\n'
        "# クロスエントロピー誤差は小さい。\n\n# %% [markdown]\n# The loss function (損失関数).\n\n"
        '# %% [markdown] lang="ja"\n# 損失関数。\n\n# %% [markdown]\n# A hidden layer.\n\n'
        '# %% [markdown] lang="ja"\n# 隠れ層。\n',
        fmt="py:percent",
    ).cells
    assert terms_not_in_the_glossary_form(cells) == ["cell 0: cross-entropy error → 交差エントロピー誤差"]


def test_glossary_follows_ja_style():
    """JA_STYLE.md's forms: log-sum-exp stays in Latin letters, accuracy is 認識精度 (正解率 a variant named in its
    definition), the weighted sum is 総入力."""
    from helpers.glossary import lookup

    assert lookup("log-sum-exp").japanese == "log-sum-exp"
    assert lookup("accuracy").japanese == "認識精度" and "正解率" in lookup("accuracy").definition.ja
    assert lookup("weighted sum (total input)").japanese == "総入力"
    assert "重み付き和" in lookup("総入力").definition.ja


def test_glossary_in_japanese(monkeypatch):
    from helpers import glossary

    monkeypatch.setenv("COURSE_LANG", "ja")
    table = glossary.markdown_table()
    assert table.startswith("| English | 日本語 | 意味 | 章 |")
    assert "| cross-entropy error | 交差エントロピー誤差 | −Σ t log y です。" in table
    box = glossary.search_box()
    assert box.box.description == "検索" and box.count.value == "72語中72語"
    box.set("認識")  # the Japanese names are searched, the Japanese definitions not (the same matches in both)
    assert [t.japanese for t in box.matches] == ["認識精度"]
    box.set("zzzz")
    assert "一致する用語がありません" in box.table.value
    monkeypatch.setenv("COURSE_LANG", "en")
    assert glossary.markdown_table().startswith("| English | 日本語 | definition | chapter |")


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


def _bank_texts():
    """``(key, field, Text)`` for every text of the exercise bank given in both languages."""
    from helpers.exercise_bank import ch00  # noqa: F401  (the package has no index: walk its modules)

    bank = ROOT / "helpers" / "exercise_bank"
    for path in sorted(bank.glob("ch[0-9][0-9].py")):
        module = __import__(f"helpers.exercise_bank.{path.stem}", fromlist=["EXERCISES"])
        for key, ex in module.EXERCISES.items():
            fields = [("hint", ex.hint), ("success", ex.success)] + [
                (f"slip {i}", h) for i, (_, h) in enumerate(ex.slips)
            ]
            yield from ((key, name, text) for name, text in fields if isinstance(text, i18n.Text))


def test_exercise_texts_have_the_same_numbers_in_both_languages():
    """A success message is printed in both recorded editions (test_both_editions_print_the_same_numbers): its
    numbers, and a hint's, are the same in English and Japanese (ゼロ / ひとつ where the English has words)."""
    texts = list(_bank_texts())
    assert len(texts) >= 110
    differ = [
        f"{key} {name}: {NUMBER.findall(text.en)} vs {NUMBER.findall(text.ja)}"
        for key, name, text in texts
        if sorted(NUMBER.findall(text.en)) != sorted(NUMBER.findall(text.ja))
    ]
    assert not differ, "\n".join(differ)


def test_exercise_checks_answer_in_japanese(monkeypatch):
    """✓ with the success message, ✗ with a slip's own hint and with the general hint, in the Japanese edition."""
    from helpers.checks import evaluate
    from helpers.exercise_bank.ch01 import _accuracy_change
    from helpers.exercise_bank.ch02 import Y_WRONG, T
    from helpers.losses import half_sum_squared_error

    monkeypatch.setenv("COURSE_LANG", "ja")
    assert evaluate("01.3", _accuracy_change()).message == (
        "✓ 演習 01.3: 正解です！ ゼロです。二つのしきい値のあいだに点がひとつもないので、認識精度では区別できません。"
        "勾配がゼロでは、勾配降下法はたどる手がかりがありません。"
    )
    slip = evaluate("02.1", half_sum_squared_error(Y_WRONG, T)).message
    assert (
        slip
        == "✗ 演習 02.1: まだです。ヒント: それは本の形の ½·SSE です。MSEは差の二乗の合計を要素の数 10 で割ります。"
    )
    assert evaluate("02.3", 1.0).message.startswith(
        "✗ 演習 02.3: まだです。ヒント: 予測 1.0 と [1, 1, 1, 5] のMSEとMAE"
    )
    monkeypatch.setenv("COURSE_LANG", "en")
    assert evaluate("02.1", half_sum_squared_error(Y_WRONG, T)).message.startswith(
        "✗ Exercise 02.1: not yet. Hint: That"
    )


def _quiz_texts():
    from helpers import quiz

    for q in quiz.QUESTIONS:
        fields = [("prompt", q.prompt), ("hint", q.hint), ("explanation", q.explanation)]
        yield from ((q.number, name, text) for name, text in fields + list(q.options.items()))


def test_quiz_says_everything_in_both_languages_with_the_same_numbers():
    """Every prompt, hint and explanation, and every option in words, is a Text; numbers and formulas are the same in
    both (an option that is only a formula or code stays one str); choice stems in the exam's register."""
    from helpers import quiz

    texts = list(_quiz_texts())
    english_only = [f"Q{n} {name}" for n, name, text in texts if not isinstance(text, i18n.Text) and PROSE.search(text)]
    assert not english_only, english_only
    differ = [
        f"Q{n} {name}: {NUMBER.findall(text.en)} vs {NUMBER.findall(text.ja)}"
        for n, name, text in texts
        if isinstance(text, i18n.Text) and sorted(NUMBER.findall(text.en)) != sorted(NUMBER.findall(text.ja))
    ]
    assert not differ, "\n".join(differ)
    stems = [q for q in quiz.QUESTIONS if q.kind == "choice" and "最も適切なものを選べ" not in q.prompt.ja]
    assert not stems, [q.number for q in stems]
    polite = ("です。", "ます。", "ません。", "）。")
    assert all(q.explanation.ja.endswith(polite) for q in quiz.QUESTIONS), "explanations in です・ます"


def test_quiz_answers_in_japanese(monkeypatch):
    from helpers import quiz

    monkeypatch.setenv("COURSE_LANG", "ja")
    assert quiz.grade(1, 0.0195).message.startswith("✓ 問1: 正解です！ 0.0195 です（")
    assert quiz.grade(1, None).message == "✗ 問1: まだ答えがありません。"
    assert quiz.grade(2, "z").message == "✗ 問2: a, b, c, d のいずれかで答えてください。"
    assert quiz.grade(22, "-0.13").message.startswith("✗ 問22: 惜しい！")
    assert quiz.grade(24, "a").message == (
        "✗ 問24: まだです。ヒント: 重みをほんの少し動かしたとき、正解の数は変わるでしょうか。（01章で扱っています。）"
    )
    attempt = quiz.Quiz()
    attempt.answer(1, 0.0195)
    assert attempt.score() == "得点: 1 / 34"
    text = quiz.static_text()
    assert text.startswith("E資格 確認クイズ: 全34問") and "24. 認識精度を勾配降下法の損失" in text
    assert "最も適切なものを選べ。（01章）\n" in text
    assert "   b) 区分的に一定で、微分がほとんどいたるところで0になる" in text and "Answer" not in text
    assert (
        "（ノートブックを実行すると" not in quiz.static_html() and "全34問に解答して採点できます" in quiz.static_html()
    )


def test_environment_report_in_japanese(monkeypatch, tmp_path):
    """Chapter 00's check of the installed stack, in both editions with the same numbers."""
    from helpers.explorers.ch00 import environment_report

    requirements = tmp_path / "requirements.txt"
    requirements.write_text("numpy==0.0.1\n", encoding="utf-8")
    packages = ("numpy", "no-such-package-here", "pytest")
    english = environment_report(packages, requirements)
    monkeypatch.setenv("COURSE_LANG", "ja")
    japanese = environment_report(packages, requirements)
    lines = japanese.splitlines()
    assert lines[0].startswith("✗ numpy") and "がインストールされていますが、コースの指定は 0.0.1 です。" in lines[0]
    assert "がインストールされていません。`python run.py lab-ja` を実行してください" in lines[1]
    assert "requirements.txt にバージョンの指定がありません" in lines[2]
    assert lines[3] == "3個のパッケージのうち3個が、コースの指定と異なります（上を参照）。"
    assert sorted(NUMBER.findall(english)) == sorted(NUMBER.findall(japanese))
    requirements.write_text("", encoding="utf-8")
    assert (
        environment_report((), requirements)
        == "0個のパッケージすべてが、コースを記録したときのバージョンと一致しています。"
    )


def test_steps_print_in_japanese(monkeypatch):
    from helpers.steps import cross_entropy_steps, squared_error_steps

    y, t = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0], [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    english = str(squared_error_steps(y, t)), str(cross_entropy_steps(y, t))
    monkeypatch.setenv("COURSE_LANG", "ja")
    japanese = str(squared_error_steps(y, t)), str(cross_entropy_steps(y, t))
    assert japanese[0].splitlines()[3] == "ステップ4  平均 SSE / n = MSE（平均二乗誤差）: 0.019500000000000007"
    assert japanese[1].splitlines()[-2:] == ["最終的な損失:", " 0.510825457099338"]
    for en, ja in zip(english, japanese, strict=True):
        assert "Step" in en and "Step" not in ja and sorted(NUMBER.findall(en)) == sorted(NUMBER.findall(ja))


def test_graph_rules_in_japanese(monkeypatch):
    from helpers.graph import shopping_graph

    graph = shopping_graph()
    state = graph.evaluate(apple=100, apple_num=2, tax=1.1)
    english = [graph.local_rule(name, state) for name in graph.nodes]
    monkeypatch.setenv("COURSE_LANG", "ja")
    japanese = [graph.local_rule(name, state) for name in graph.nodes]
    assert japanese[0] == "入力 apple = 100: ∂price/∂apple = 2.2"
    assert japanese[-1].startswith("乗算ノード（×）：price = apple_price × tax = 200 × 1.1 = 220。局所的な微分：")
    assert "右から届いた勾配" in japanese[-1] and "入力が入れ替わります" in japanese[-1]
    for en, ja in zip(english, japanese, strict=True):
        assert en != ja and sorted(NUMBER.findall(en)) == sorted(NUMBER.findall(ja)), (en, ja)


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


def _explorer_texts(build) -> tuple[str, list[str]]:
    """The readout and every axes title of the explorer ``build()`` makes (drawn with no missing glyph)."""
    from helpers.style import use_course_style

    use_course_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        explorer = build()
        explorer.figure.canvas.draw()
    return explorer.readout_text, [ax.get_title() for ax in explorer.figure.axes if ax.get_title()]


@pytest.mark.parametrize(
    "chapter, build",
    [
        ("02", lambda m: m.outlier_explorer()),
        ("04", lambda m: m.overflow_explorer(120.0)),
        ("05", lambda m: m.descent_explorer(0.5, 20)),
        ("06", lambda m: m.backward_explorer()),
    ],
)
def test_explorer_speaks_the_editions_language_with_the_same_numbers(chapter, build, monkeypatch):
    """An explorer built in the Japanese edition has a Japanese readout and titles, with the English numbers."""
    import importlib

    module = importlib.import_module(f"helpers.explorers.ch{chapter}")
    monkeypatch.setenv("COURSE_LANG", "en")
    en_readout, en_titles = _explorer_texts(lambda: build(module))
    monkeypatch.setenv("COURSE_LANG", "ja")
    ja_readout, ja_titles = _explorer_texts(lambda: build(module))
    assert JAPANESE.search(ja_readout) and ja_readout != en_readout, (en_readout, ja_readout)
    assert sorted(NUMBER.findall(en_readout)) == sorted(NUMBER.findall(ja_readout)), (en_readout, ja_readout)
    assert len(en_titles) == len(ja_titles) and all(JAPANESE.search(t) for t in ja_titles), ja_titles
    for en, ja in zip(en_titles, ja_titles, strict=True):
        assert en != ja and sorted(NUMBER.findall(en)) == sorted(NUMBER.findall(ja)), (en, ja)


def test_explorer_controls_in_japanese(monkeypatch):
    """Slider labels, toggle and button texts, the number box and the large-text switch follow the edition."""
    from helpers.explorers import ch01
    from helpers.live import large_text
    from helpers.live.numberbox import NumberBox
    from helpers.live.readout import LargeTextSwitch
    from helpers.style import use_course_style

    use_course_style()
    monkeypatch.setenv("COURSE_LANG", "ja")
    fit = ch01.fit_explorer()
    controls = fit.explorer.controls
    assert (controls["w"].description, controls["b"].description) == ("傾き w", "切片 b")
    assert controls["best"].description == "最小二乗法: オフ"
    fit.explorer.set(best=True)
    assert controls["best"].description == "最小二乗法: オン"
    assert fit.explorer.readout_text.startswith("あなたの直線 y = 1.00·x + 3.00")
    switch = LargeTextSwitch()
    assert repr(switch).startswith("大きな文字: オフ（") and switch.label_on == "大きな文字: オン"
    assert NumberBox(controls["w"], "傾き w").hint == "：値を入力して Enter"
    monkeypatch.setenv("COURSE_LANG", "en")
    assert LargeTextSwitch().label_off == "Large text: off" and large_text() is large_text()


# --- user-facing strings in helpers ----------------------------------------------------------------

#: Modules whose every string for the learner exists in both languages (via ``tr`` / ``Text``).
CONVERTED = (
    "helpers/checks.py",
    "helpers/alt_text.py",
    "helpers/style.py",
    "helpers/i18n.py",
    "helpers/glossary.py",
    "helpers/quiz.py",
    "helpers/steps.py",
    "helpers/graph.py",
    "helpers/exercise_bank/__init__.py",
    *(f"helpers/exercise_bank/ch{n:02d}.py" for n in range(11)),
    "helpers/widgets.py",
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "helpers" / "live").glob("*.py"))),
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "helpers" / "explorers").glob("*.py"))),
)
#: Modules that say things to the learner in English only, still to convert (and why not yet).
TO_DO: dict[str, str] = {}
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
#: Names whose string is code for the browser (an anywidget's ``_css`` / ``_esm``), not prose.
BROWSER_CODE = ("_css", "_esm")
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
    markup, an anywidget's ``_css`` / ``_esm`` and lines marked ``# i18n: not prose`` are left out."""
    tree = ast.parse(code)
    lines = code.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        called = getattr(node, "func", None)
        called = getattr(called, "id", getattr(called, "attr", None))
        if isinstance(node, ast.Call) and called in ("tr", "Text"):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Call) and called == "Term" and len(node.args) >= 2:
            skip.add(id(node.args[0]))  # a glossary term's English name, beside its Japanese one
        elif isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").lower() in BROWSER_CODE for t in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))  # an anywidget's CSS / ES module: code, not prose
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

class Switch:
    _css = ".switch { font-size: 16px; min-width: 0 }"
    _esm = "const button = document.createElement('button');"
'''
    assert english_only_strings(code) == ["<module>:8: Hint: look at {} again"]
