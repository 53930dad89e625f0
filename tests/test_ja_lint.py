"""tools/ja_lint.py: what textlint reads of the Japanese edition, and the term dictionary from the glossary."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import ja_lint  # noqa: E402


def test_prose_joins_lines_broken_beside_japanese_and_hides_formulas():
    text = "損失関数は\n小さいほど良い。\nEnglish\nwords stay apart. 式 $E = \\sum (y - t)^2$ です。\n\n$$\nE = 1\n$$\n"
    out = ja_lint.prose(text)
    assert "損失関数は小さいほど良い。" in out
    assert "English\nwords" in out  # a break between Latin words is left to Markdown
    assert "`E = \\sum (y - t)^2`" in out and "$" not in out
    assert "```\nE = 1\n```" in out


def test_code_blocks_are_left_as_code():
    text = "実行します。\n\n```\npython run.py lab-ja\n```\n"
    assert "```\npython run.py lab-ja\n```" in ja_lint.prose(text)


def test_every_variant_rule_belongs_to_a_glossary_term():
    terms = ja_lint.glossary_terms()
    not_in_glossary = [form for form in ja_lint.VARIANTS if form not in terms]
    assert not not_in_glossary, f"VARIANTS keys must be glossary terms (helpers/glossary.py): {not_in_glossary}"


def test_prh_rules_follow_the_glossary():
    rules = ja_lint.prh_rules(["交差エントロピー誤差", "未知の用語"])["rules"]
    assert rules == [{"expected": "交差エントロピー誤差", "patterns": ["クロスエントロピー誤差"]}]
    assert len(ja_lint.prh_rules()["rules"]) == len(ja_lint.VARIANTS)


def test_long_kanji_runs_of_glossary_terms_are_allowed(tmp_path):
    assert ja_lint.long_kanji_terms(["確率的勾配降下法", "損失関数", "総入力（重み付き和）"]) == ["確率的勾配降下法"]
    assert "確率的勾配降下法" in ja_lint.long_kanji_terms()  # from helpers/glossary.py
    rule = ja_lint.textlint_config(tmp_path)["rules"]["preset-ja-technical-writing"]["max-kanji-continuous-len"]
    assert rule == {"max": 6, "allow": ja_lint.long_kanji_terms()}
    assert "確率的勾配降下方法" not in rule["allow"]  # a long run that is not a term is still reported


def test_textlint_is_pinned():
    package = json.loads((ja_lint.TEXTLINT / "package.json").read_text(encoding="utf-8"))
    pins = package["devDependencies"]
    assert set(pins) == {"textlint", "textlint-rule-preset-ja-technical-writing", "textlint-rule-prh"}
    assert all(v[0].isdigit() for v in pins.values()), f"exact versions only: {pins}"
    assert (ja_lint.TEXTLINT / "package-lock.json").is_file()


def test_the_chapters_prose_is_extracted(tmp_path):
    written = ja_lint.write(tmp_path)
    assert "00_start_here.md" in [p.name for p in written]
    text = (tmp_path / "00_start_here.md").read_text(encoding="utf-8")
    assert text.startswith("# 00 — はじめに") and "Welcome" not in text


@pytest.mark.skipif(
    not (ja_lint.TEXTLINT / "node_modules" / ".bin").is_dir(), reason="textlint not installed (setup --dev)"
)
def test_textlint_flags_a_variant_and_a_mixed_style(tmp_path, monkeypatch, capsys):
    """One run (textlint takes seconds): the clean sentences (one with a glossary term of 8 kanji) give no
    message, the two slips one each."""
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "99_demo.py").write_text(
        '# %% [markdown]\n# Demo\n\n# %% [markdown] lang="ja"\n# 交差エントロピー誤差を計算します。\n'
        "#\n# クロスエントロピー誤差を使います。\n#\n# これは損失関数である。\n"
        "#\n# 確率的勾配降下法を使います。\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(ja_lint, "CHAPTERS", chapters)
    assert ja_lint.lint(tmp_path / "out") != 0
    out = capsys.readouterr().out
    assert "クロスエントロピー誤差 => 交差エントロピー誤差" in out and "prh" in out
    assert "no-mix-dearu-desumasu" in out
    assert "2 problems" in out  # and nothing on the sentence with the right term


def test_the_japanese_documents_are_extracted(tmp_path):
    """README.ja.md and the Japanese teacher guide are linted too, their broken lines joined, their code kept."""
    names = [p.name for p in ja_lint.write(tmp_path)]
    assert "README.ja.md" in names and "TEACHER_GUIDE.ja.md" in names
    text = (tmp_path / "docs" / "TEACHER_GUIDE.ja.md").read_text(encoding="utf-8")
    assert text.startswith("# 教師用ガイド")
    assert "クラスで教える先生のためのものです。章ごとのねらい" in text  # joined across a source line break
    assert "```python\ndef train_step(params, X, T, lr):\n" in text  # code left as code
