"""The teacher guide, in English and in Japanese (docs/TEACHER_GUIDE.md, docs/TEACHER_GUIDE.ja.md): every exercise
answer it gives passes the notebook's own `check` and every exercise is answered; the Japanese guide has a section per
chapter under its Japanese title, quotes the same numbers as the English one, and its quiz answer key gives the same
answers; both answer keys agree with `helpers.quiz`.

The guides' "Chapter by chapter" part is written by `python run.py record` from the teacher notes of the chapter
sources (`tools/record.py`); the checks below read the guides as the sources make them, and one test fails when a
guide on disk is out of date."""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import quiz
from helpers.checks import evaluate, exercise

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import course  # noqa: E402
import record  # noqa: E402

#: The guides as they are on disk, and as the chapter sources write them (what the checks below read).
ON_DISK = {lang: record.guide_path(lang).read_text(encoding="utf-8") for lang in record.GUIDE_FILES}
GUIDES = {lang: record.guide_text(text, lang) for lang, text in ON_DISK.items()}
GUIDE = GUIDES["en"]
#: The label of each chapter's exercise-answers paragraph, per edition.
ANSWERS_LABEL = {"en": "**Exercise answers.**", "ja": "**演習の解答。**"}
KEY = re.compile(r"(?<![\w.])(\d\d\.\d+):\s")
BANKS = sorted(p.stem[2:] for p in (ROOT / "helpers" / "exercise_bank").glob("ch[0-9][0-9].py"))


def guide_answers(text: str = GUIDE, lang: str = "en") -> dict[str, str]:
    """``{key: text}``: what the guide says after ``NN.k:`` in its exercise-answers paragraphs."""
    answers: dict[str, str] = {}
    for para in re.findall(re.escape(ANSWERS_LABEL[lang]) + r"(.*?)(?:\n\n|\Z)", text, flags=re.S):
        marks = list(KEY.finditer(para))
        for mark, nxt in zip(marks, [*marks[1:], None], strict=True):
            answers[mark.group(1)] = para[mark.end() : nxt.start() if nxt else len(para)]
    return answers


ANSWERS = {lang: guide_answers(text, lang) for lang, text in GUIDES.items()}


def all_keys() -> list[str]:
    keys = []
    for chapter in BANKS:
        keys += sorted(importlib.import_module(f"helpers.exercise_bank.ch{chapter}").EXERCISES)
    return keys


def answer_from(text: str, key: str):
    """The literal in the first **…** of ``text`` (number, choice, list, nested list, tuple), the function its
    `name = lambda …` defines, or the function a fenced ```python block defines with `def` (a longer answer)."""
    block = re.search(r"```python\n(.+?)```", text, flags=re.S)
    if block:
        namespace: dict = {"np": np}
        exec(block.group(1), namespace)  # noqa: S102 - the course's own guide
        return namespace[re.search(r"^def (\w+)", block.group(1), flags=re.M).group(1)]
    bold = re.search(r"\*\*(.+?)\*\*", text)
    if bold:
        literal = bold.group(1).strip().strip("`")  # a list may be written as code (the Japanese guide)
        if exercise(key).kind == "choice":
            return literal
        if literal.startswith(("[", "(")):  # a list, a nested list (an array), or a tuple (a shape)
            return np.asarray(ast.literal_eval(literal), dtype=float)
        return float(literal)
    code = re.search(r"`(\w+) = (lambda [^`]+)`", text)
    assert code, f"{key}: the guide gives neither a **value** nor a `name = lambda …`: {text[:120]!r}"
    return eval(code.group(2), {"np": np})  # noqa: S307 - the course's own guide


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_answers_every_exercise_once(lang):
    assert sorted(ANSWERS[lang]) == all_keys()


@pytest.mark.parametrize("lang", GUIDES)
@pytest.mark.parametrize("key", all_keys())
def test_the_guides_answer_passes_check(key, lang):
    result = evaluate(key, answer_from(ANSWERS[lang][key], key))
    assert result.ok, f"the {lang} teacher guide's answer to {key} fails the notebook's check: {result.message}"


def test_the_japanese_guide_has_a_section_per_chapter_under_its_japanese_title():
    headings = dict(re.findall(r"^### (\d\d) — (.+)$", GUIDES["ja"], flags=re.MULTILINE))
    assert headings == {ch.number: ch.title_ja for ch in course.CHAPTERS}


def sections(text: str) -> dict[str, str]:
    """``{"NN": text}``: each chapter's section of a guide (from its ``### NN —`` heading to the next heading)."""
    parts = re.split(r"^(?=##+ )", text, flags=re.MULTILINE)
    return {m.group(1): part for part in parts if (m := re.match(r"### (\d\d) — ", part))}


#: A number as the guides write it: 0.019500000000000007, −0.13321561, 1e-7, 97.56, [6, 8] gives 6 and 8.
#: Only ASCII letters and digits bound a number: in Japanese a kana or kanji touches it (真の直線は1.3950になります).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?(?![A-Za-z0-9_]|\.\d)")


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` that have a decimal point or an exponent (the measured and computed values), in
    order, with the minus sign written one way; section and exercise numbers (06.3, 8) are left out."""
    text = KEY.sub(" ", text)  # exercise keys 06.3:
    text = re.sub(r"(?<![A-Za-z0-9_.])\d\d\.\d(?![\d])", " ", text)  # references to an exercise in prose (演習05.3)
    found = [n.replace("−", "-") for n in NUMBER.findall(text) if "." in n or "e" in n]
    return sorted(found)


@pytest.mark.parametrize("number", [ch.number for ch in course.CHAPTERS])
def test_the_japanese_guide_quotes_the_english_guides_numbers(number):
    """Every value with a decimal point the English section of a chapter quotes, the Japanese one quotes too (and no
    other): a number changed in one guide and not in the other fails here."""
    en, ja = sections(GUIDES["en"])[number], sections(GUIDES["ja"])[number]
    assert numbers(ja) == numbers(en), f"chapter {number}: the guides quote different numbers"


def answer_key(text: str) -> dict[int, tuple[str, str]]:
    """``{question: (chapter, answer)}`` from a guide's quiz answer-key table; a choice answer is its letter."""
    rows = re.findall(r"^\| (\d+) \| (\d\d) \| (.+?) \| .+ \|$", text, flags=re.MULTILINE)
    key = {}
    for q, chapter, answer in rows:
        letter = re.match(r"([a-d])\) ", answer)
        key[int(q)] = (chapter, letter.group(1) if letter else answer)
    return key


@pytest.mark.parametrize("lang", GUIDES)
def test_the_quiz_answer_key_agrees_with_the_quiz(lang):
    key = answer_key(GUIDES[lang])
    assert sorted(key) == [q.number for q in quiz.QUESTIONS]
    for q in quiz.QUESTIONS:
        chapter, answer = key[q.number]
        assert chapter == q.chapter, f"question {q.number}: chapter {chapter}, quiz says {q.chapter}"
        if q.kind == "choice":
            assert answer == q.correct(), f"question {q.number}: answer {answer}, quiz says {q.correct()}"
        else:
            assert float(answer) == pytest.approx(q.correct(), rel=1e-3), f"question {q.number}: {answer}"


def test_both_answer_keys_give_the_same_answers():
    assert answer_key(GUIDES["ja"]) == answer_key(GUIDES["en"])


def test_a_changed_number_is_found():
    """The number comparison can fail: one digit changed in a Japanese section."""
    ja = sections(GUIDES["ja"])["02"].replace("0.09305", "0.09306")
    assert numbers(ja) != numbers(sections(GUIDES["en"])["02"])


# --- the chapter-by-chapter part is written from the chapter sources -------------------------------------------------


NUMBERS = {ch.number for ch in course.CHAPTERS}


def stale_sections(on_disk: str, built: str) -> list[str]:
    """The chapter numbers whose section differs between a guide on disk and the guide the sources write."""
    have, want = sections(on_disk), sections(built)
    return sorted(n for n in set(have) | set(want) if have.get(n) != want.get(n))


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_is_written_from_the_chapter_sources(lang):
    stale = stale_sections(ON_DISK[lang], GUIDES[lang])
    where = ", ".join(f"{n} (chapters/{course.chapter(n).slug}.py)" if n in NUMBERS else n for n in stale)
    assert not stale, (
        f"{record.GUIDE_FILES[lang]} is out of date with the teacher notes of chapter {where}: "
        "run `python run.py record`"
    )
    assert ON_DISK[lang] == GUIDES[lang], f"{record.GUIDE_FILES[lang]}: run `python run.py record`"


def test_a_changed_teacher_note_makes_the_guide_stale(tmp_path):
    """The staleness check can fail: one word changed in chapter 05's note, in a copy of the sources."""
    for ch in course.CHAPTERS:
        text = (ROOT / "chapters" / f"{ch.slug}.py").read_text(encoding="utf-8")
        if ch.number == "05":
            assert "**Objectives.**" in text
            text = text.replace("**Objectives.**", "**Aims.**", 1)
        (tmp_path / f"{ch.slug}.py").write_text(text, encoding="utf-8")
    assert stale_sections(ON_DISK["en"], record.guide_text(ON_DISK["en"], "en", tmp_path)) == ["05"]
    assert stale_sections(ON_DISK["ja"], record.guide_text(ON_DISK["ja"], "ja", tmp_path)) == []


def test_every_chapter_has_its_teacher_note_in_both_languages():
    """In English, and in Japanese once the chapter is translated (until then the Japanese guide shows the English)."""
    missing = [
        f"{ch.slug} ({lang})"
        for ch in course.CHAPTERS
        for lang in record.LANGUAGES
        if (lang == "en" or ch.slug in course.TRANSLATED)
        and lang not in record.teacher_notes(ROOT / "chapters" / f"{ch.slug}.py")
    ]
    assert not missing, f'teacher notes missing (# %% [raw] teacher="en" / "ja" at the end of the source): {missing}'


@pytest.mark.parametrize("lang", GUIDES)
def test_no_notebook_shows_a_teacher_note(lang):
    """The notes hold the exercise answers: the build leaves them out of both editions."""
    for ch in course.CHAPTERS:
        note = record.teacher_notes(ROOT / "chapters" / f"{ch.slug}.py")[lang]
        built = record.build(ROOT / "chapters" / f"{ch.slug}.py", lang)
        assert all(c.cell_type != "raw" and note not in c.source for c in built.cells), ch.slug


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('# %% [markdown] teacher="en"\n# a\n', "got a markdown cell marked 'en'"),
        ('# %% [raw] teacher="fr"\n# a\n', "got a raw cell marked 'fr'"),
        ('# %% [raw] teacher="en"\n# a\n\n# %% [raw] teacher="en"\n# b\n', "marked 'en' a second time"),
    ],
)
def test_a_misplaced_teacher_note_is_an_error(tmp_path, text, message):
    source = tmp_path / "99_demo.py"
    source.write_text("# %%\nx = 1\n\n" + text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        record.teacher_notes(source)


def test_a_guide_without_its_markers_is_an_error():
    with pytest.raises(ValueError, match="the en teacher guide must hold the lines"):
        record.guide_text(ON_DISK["en"].replace(record.GUIDE_END, ""), "en")


def test_a_chapter_without_its_teacher_note_is_an_error(tmp_path):
    for ch in course.CHAPTERS:
        text = (ROOT / "chapters" / f"{ch.slug}.py").read_text(encoding="utf-8")
        if ch.number == "03":
            text = text[: text.index('# %% [raw] teacher="en"')]
        (tmp_path / f"{ch.slug}.py").write_text(text, encoding="utf-8")
    with pytest.raises(
        ValueError, match=re.escape('03_cross_entropy.py: no teacher note; add a cell # %% [raw] teacher="en"')
    ):
        record.guide_chapters("en", tmp_path)
