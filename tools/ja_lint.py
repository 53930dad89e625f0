"""Lint the Japanese edition's prose with textlint (``python run.py lint`` runs this).

    python tools/ja_lint.py            # every Japanese markdown cell of chapters/*.py, README.ja.md, docs/*.ja.md
    python tools/ja_lint.py --write D  # only write the extracted text and the dictionary to D

textlint, ``textlint-rule-preset-ja-technical-writing`` and ``textlint-rule-prh`` are pinned in
``tests/textlint/package.json`` (+ lock) and installed by ``python run.py setup --dev``; the rules and
the few settings that differ from the preset are in ``tests/textlint/.textlintrc.json``.

What textlint reads is the Japanese twins (``# %% [markdown] lang="ja"``) of each chapter source, one
Markdown file per chapter, prepared so that the rules judge the prose and nothing else:

* a line break beside a Japanese character is joined away (Markdown shows none there, and a sentence
  broken over two source lines is one sentence);
* formulas become code (``$...$`` inline code, ``$$...$$`` a code block), which textlint does not judge as
  prose; code blocks stay code blocks.

The Japanese documents (``README.ja.md``, ``docs/*.ja.md``: the teacher guide) are read the same way, their
lines joined beside Japanese characters (they have no formulas to hide).

The prh dictionary (the form of each term to use, and the variants that are errors) is generated from
the course's glossary (:mod:`helpers.glossary`): each glossary term with known variants in
:data:`VARIANTS` (from ``JA_STYLE.md``) gets a rule.  Nothing generated is kept in the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parent.parent
TEXTLINT = ROOT / "tests" / "textlint"
CHAPTERS = ROOT / "chapters"
#: The Japanese documents textlint reads besides the chapters.
DOCUMENTS = ("README.ja.md", "docs/*.ja.md")

#: The form to use → the variants a learner may meet elsewhere, which the course does not write
#: (``JA_STYLE.md``, "also seen").  Each key is a glossary term (``tests/test_ja_lint.py`` checks).
VARIANTS: dict[str, tuple[str, ...]] = {
    "2乗和誤差": ("二乗和誤差",),
    "平均二乗誤差": ("平均2乗誤差",),
    "交差エントロピー誤差": ("クロスエントロピー誤差",),
    "二値交差エントロピー": ("バイナリ交差エントロピー", "バイナリクロスエントロピー"),
    "one-hot表現": ("ワンホット表現",),
    "ラベル平滑化": ("ラベルスムージング",),
    "誤差逆伝播法": ("誤差逆伝搬法", "バックプロパゲーション"),
    "過学習": ("過剰適合",),
    "訓練データ": ("学習データ",),
    "確率的勾配降下法": ("確率的勾配法",),
}

#: The preset's max-kanji-continuous-len reports a run of more than this many kanji.  A glossary term
#: is the form the course must write (``tests/test_i18n.py`` checks each chapter uses its terms), so a
#: term's longer run (確率的勾配降下法, 8) is allowed; any other long run is still reported.
KANJI_MAX = 6
_KANJI_RUN = re.compile(r"[々〇〻\u3400-\u9fff\uf900-\ufaff]+")  # the rule's own definition of a kanji run

CJK = r"\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_JOIN = re.compile(rf"(?<=[{CJK}])\n(?=[{CJK}])")
_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<!\\)\$([^$\n]+?)\$")
_INLINE_CODE = re.compile(r"`[^`\n]+`")


def glossary_terms() -> list[str]:
    """The Japanese terms of the glossary, each split into its parts (``訓練データ / テストデータ`` → two)."""
    from helpers.glossary import TERMS

    terms = []
    for term in TERMS:
        for part in re.split(r"\s*/\s*|（|）", term.japanese):
            if part.strip():
                terms.append(part.strip())
    return terms


def prh_rules(terms: list[str] | None = None) -> dict:
    """The prh dictionary: a rule for each glossary term that has variants."""
    known = glossary_terms() if terms is None else terms
    rules = [
        {"expected": form, "patterns": list(VARIANTS[form])}
        for form in dict.fromkeys(known)  # in glossary order, once each
        if form in VARIANTS
    ]
    return {"version": 1, "rules": rules}


def long_kanji_terms(terms: list[str] | None = None) -> list[str]:
    """The runs of more than :data:`KANJI_MAX` kanji in glossary terms: allowed by max-kanji-continuous-len."""
    known = glossary_terms() if terms is None else terms
    return sorted({run for term in known for run in _KANJI_RUN.findall(term) if len(run) > KANJI_MAX})


def textlint_config(folder: Path) -> dict:
    """tests/textlint/.textlintrc.json, with the prh dictionary in ``folder`` and the glossary's long terms."""
    config = json.loads((TEXTLINT / ".textlintrc.json").read_text(encoding="utf-8"))
    config["rules"]["prh"] = {"rulePaths": [str(folder / "prh.yml")]}
    preset = config["rules"]["preset-ja-technical-writing"]
    preset["max-kanji-continuous-len"] = {"max": KANJI_MAX, "allow": long_kanji_terms()}
    return config


def prose(markdown: str) -> str:
    """A Japanese markdown cell as textlint should read it (see the module docstring)."""
    text = _DISPLAY_MATH.sub(lambda m: "\n```\n" + m.group(0).strip("$").strip() + "\n```\n", markdown)
    parts = re.split(r"(```.*?```)", text, flags=re.DOTALL)  # code blocks stay as they are
    for i in range(0, len(parts), 2):
        part = _INLINE_MATH.sub(lambda m: "`" + m.group(1).replace("`", "'") + "`", parts[i])
        parts[i] = _JOIN.sub("", part)
    return "".join(parts)


def document_prose(markdown: str) -> str:
    """A Japanese document (no formulas) as textlint should read it: lines broken beside Japanese joined, code blocks
    kept, and each inline code span shortened to `…` (a command or a one-line lambda in a sentence is not prose, and
    would count towards the sentence's length)."""
    parts = re.split(r"(```.*?```)", markdown, flags=re.DOTALL)
    return "".join(_INLINE_CODE.sub("`…`", _JOIN.sub("", part)) if i % 2 == 0 else part for i, part in enumerate(parts))


def documents(root: Path = ROOT) -> list[Path]:
    """The Japanese documents of the course (``README.ja.md``, ``docs/*.ja.md``)."""
    return sorted(p for pattern in DOCUMENTS for p in root.glob(pattern))


def japanese_cells(source: Path) -> list[str]:
    """The Japanese twins of a chapter source, in order."""
    cells = jupytext.read(source, fmt="py:percent").cells
    return [c.source for c in cells if c.cell_type == "markdown" and c.metadata.get("lang") == "ja"]


def write(folder: Path) -> list[Path]:
    """Write one Markdown file per chapter with Japanese prose, and ``prh.yml``; return the Markdown files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(CHAPTERS.glob("[0-9][0-9]_*.py")):
        cells = japanese_cells(source)
        if not cells:
            continue
        target = folder / f"{source.stem}.md"
        target.write_text("\n\n".join(prose(c) for c in cells) + "\n", encoding="utf-8")
        written.append(target)
    for doc in documents():
        target = folder / "docs" / doc.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(document_prose(doc.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    # prh reads YAML; JSON is YAML, and needs no YAML writer here.
    (folder / "prh.yml").write_text(json.dumps(prh_rules(), ensure_ascii=False, indent=1), encoding="utf-8")
    return written


def textlint_command() -> list[str]:
    exe = TEXTLINT / "node_modules" / ".bin" / ("textlint.cmd" if sys.platform == "win32" else "textlint")
    if not exe.exists():
        raise SystemExit(
            "textlint is not installed: run `python run.py setup --dev` (it runs npm ci in tests/textlint)"
        )
    return [str(exe)]


def lint(folder: Path) -> int:
    files = write(folder)
    if not files:
        print("ja_lint: no Japanese prose yet")
        return 0
    config = textlint_config(folder)
    (folder / ".textlintrc.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    cmd = [*textlint_command(), "--no-color", "--config", str(folder / ".textlintrc.json"), *(str(f) for f in files)]
    shown = [Path(f).name for f in files]
    print(f"$ textlint {' '.join(shown)}", flush=True)
    result = subprocess.run(cmd, cwd=TEXTLINT, capture_output=True, text=True, encoding="utf-8")
    out = result.stdout + result.stderr
    out = out.replace(str(folder) + "/docs/", "(ja) ").replace(str(folder) + "/", "chapters (ja) ")
    if out.strip():
        print(out.rstrip())
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", type=Path, help="only write the extracted prose and prh.yml to this folder")
    args = parser.parse_args(argv)
    if args.write:
        for path in write(args.write):
            print(path)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="ja-lint-"))
    try:
        return lint(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
