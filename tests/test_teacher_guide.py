"""Every exercise answer the teacher guide gives passes the notebook's own `check` — and covers every exercise."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import numpy as np
import pytest

from helpers.checks import evaluate, exercise

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "TEACHER_GUIDE.md").read_text(encoding="utf-8")
KEY = re.compile(r"\b(\d\d\.\d+):\s")
BANKS = sorted(p.stem[2:] for p in (ROOT / "helpers" / "exercise_bank").glob("ch[0-9][0-9].py"))


def guide_answers() -> dict[str, str]:
    """``{key: text}``: what the guide says after ``NN.k:`` in its *Exercise answers* paragraphs."""
    answers: dict[str, str] = {}
    for para in re.findall(r"\*\*Exercise answers\.\*\*(.*?)(?:\n\n|\Z)", GUIDE, flags=re.S):
        marks = list(KEY.finditer(para))
        for mark, nxt in zip(marks, [*marks[1:], None], strict=True):
            answers[mark.group(1)] = para[mark.end() : nxt.start() if nxt else len(para)]
    return answers


ANSWERS = guide_answers()


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
        literal = bold.group(1).strip()
        if exercise(key).kind == "choice":
            return literal
        if literal.startswith(("[", "(")):  # a list, a nested list (an array), or a tuple (a shape)
            return np.asarray(ast.literal_eval(literal), dtype=float)
        return float(literal)
    code = re.search(r"`(\w+) = (lambda [^`]+)`", text)
    assert code, f"{key}: the guide gives neither a **value** nor a `name = lambda …`: {text[:120]!r}"
    return eval(code.group(2), {"np": np})  # noqa: S307 - the course's own guide


def test_the_guide_answers_every_exercise_once():
    assert sorted(ANSWERS) == all_keys()


@pytest.mark.parametrize("key", all_keys())
def test_the_guides_answer_passes_check(key):
    result = evaluate(key, answer_from(ANSWERS[key], key))
    assert result.ok, f"the teacher guide's answer to {key} fails the notebook's check: {result.message}"
