"""Exercise checks: a clear ✓ or ✗ with a hint — never a traceback, never the answer.

Each chapter's exercises live in ``helpers/exercise_bank/chNN.py`` as
:class:`Exercise` records; a notebook calls ``check("02.1", answer)``.  The
expected value is computed by ``helpers`` when the check runs, so the bank holds
no answers in plain sight.

Numbers are judged as a person writes them: ``0.48889`` is right when the exact
value is 0.488888…, because it is that value correctly rounded to the digits given
(at least :data:`MIN_DIGITS` significant digits).  A correct rounding with fewer
digits (``0.49``) gets "close — give more digits", not a hint about the method.

The verdict shows as the quiz's feedback does — coloured ✓ / ✗, wrapped at words,
Markdown (``*emphasis*``, ``**bold**``, `` `code` ``) honoured — while its plain-text
form (what nbval compares, and what a terminal prints) stays the message itself.

Every message exists in English and Japanese (:mod:`helpers.i18n`): the Japanese edition's kernel
gets 「✓ 演習 02.1: 正解です！」.  An exercise's ``hint``, ``success`` and slip hints may be a plain
string or a :class:`helpers.i18n.Text` with both forms.
"""

from __future__ import annotations

import copy
import html
import importlib
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from helpers.i18n import Text, localize, tr

__all__ = [
    "Exercise",
    "Result",
    "check",
    "evaluate",
    "exercise",
    "judge_number",
    "markdown_inline",
    "solution",
    "solution_source",
    "MIN_DIGITS",
]

MIN_DIGITS = 4  # significant digits a rounded answer must give to count as right

OK, CLOSE, ROUNDING, WRONG = "ok", "close", "rounding", "wrong"


def significant_digits(value: float) -> int:
    """Significant digits of ``value`` as Python writes it (``0.48889`` → 5, ``33.3`` → 3, ``1e-07`` → 1)."""
    if value == 0 or not math.isfinite(value):
        return 0
    if float(value).is_integer() and abs(value) < 1e15:  # 20 means twenty, to the unit: two digits
        return len(str(int(abs(value))))
    return len(Decimal(repr(float(value))).normalize().as_tuple().digits)


def judge_number(value: float, expected: float, rtol: float = 1e-9, atol: float = 1e-12) -> str:
    """How ``value`` compares with ``expected``: ``"ok"``, ``"close"``, ``"rounding"`` or ``"wrong"``.

    ``"ok"``: equal within ``rtol``/``atol``, or ``expected`` correctly rounded to the significant
    digits ``value`` is written with, at least :data:`MIN_DIGITS` of them.  ``"close"``: a correct
    rounding with fewer digits.  ``"rounding"``: off by one unit in the last digit given (cut
    instead of rounded).  ``"wrong"``: anything else.

    Examples
    --------
    >>> judge_number(0.48889, 0.4888888888), judge_number(0.49, 0.4888888888), judge_number(0.48888, 0.4888888888)
    ('ok', 'close', 'rounding')
    """
    value, expected = float(value), float(expected)
    if math.isnan(value) or math.isnan(expected):
        return OK if math.isnan(value) and math.isnan(expected) else WRONG
    if math.isclose(value, expected, rel_tol=rtol, abs_tol=atol):
        return OK
    digits = significant_digits(value)
    if digits == 0 or not math.isfinite(expected):
        return WRONG
    unit = 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1)  # one unit in the last digit given
    error = abs(value - expected)
    slack = 1e-9 * unit  # the binary form of a decimal answer is not exact
    if error <= 0.5 * unit + slack:
        return OK if digits >= MIN_DIGITS else CLOSE
    if error <= unit + slack and digits >= MIN_DIGITS:
        return ROUNDING
    return WRONG


@dataclass(frozen=True)
class Result:
    """The verdict on one answer; shows coloured in a notebook, as plain text elsewhere."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:  # the text/plain form a notebook records (nbval compares it)
        return self.message

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.ok else "#b35900"  # the quiz's colours (contrast ≥ 4.5:1 on white)
        return (
            f'<div class="course-check course-check-{"ok" if self.ok else "not-yet"}" '
            f'style="color:{colour}; white-space:normal; overflow-wrap:normal; word-break:normal">'
            f"{markdown_inline(self.message)}</div>"
        )


def markdown_inline(text: str) -> str:
    """The little Markdown feedback uses (`` `code` ``, ``**bold**``, ``*emphasis*``) as HTML, the rest escaped."""
    out = html.escape(text, quote=False)
    parts = re.split(r"(`[^`]+`)", out)  # no emphasis inside code
    for i, part in enumerate(parts):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            parts[i] = f"<code>{part[1:-1]}</code>"
        else:
            part = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", part)
            parts[i] = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<em>\1</em>", part)
    return "".join(parts)


@dataclass(frozen=True)
class Exercise:
    """One checkable exercise.

    Attributes
    ----------
    key : str
        ``"NN.k"``: chapter and exercise number.
    expected : callable
        Returns the right answer, computed with ``helpers`` when checking.
    hint : str or Text
        What to look at when the answer is wrong (not the answer); a :class:`~helpers.i18n.Text`
        gives it in both editions.
    rtol, atol : float
        Tolerances for a full-precision answer; a rounded number is judged by
        :func:`judge_number` (correct to the digits given, at least :data:`MIN_DIGITS`).
    kind : str
        ``"number"``, ``"array"``, ``"choice"`` (a string such as ``"b"``) or
        ``"function"`` (the learner's callable is compared on ``cases``).
    run : callable, optional
        For ``kind="function"``: ``run(fn, *case)`` gives what is compared, for the learner's
        function, ``expected`` and every slip alike (default ``fn(*case)``).  Lets a check look at
        more than the return value, e.g. whether ``fn`` changed its arguments; ``None`` when
        ``fn`` returned ``None``.
    cases : list of tuples
        Arguments to call a learner's function with (``kind="function"``); each call
        gets its own deep copy, so a function that changes its input changes nothing else.
    success : str or Text
        Said after ✓.
    slips : tuple of (callable, str)
        Typical mistakes and their own hints: the callable computes what the slip gives
        (for ``kind="function"`` it is a function called on each case), the string is
        the hint shown when the answer matches it.
    """

    key: str
    expected: Callable[..., Any]
    hint: str | Text
    rtol: float = 1e-9
    atol: float = 1e-12
    kind: str = "number"
    run: Callable[..., Any] | None = None
    cases: list[tuple] = field(default_factory=list)
    success: str | Text = ""
    slips: tuple[tuple[Callable[..., Any], str | Text], ...] = ()


def exercise(key: str) -> Exercise:
    """Look up an exercise by key, e.g. ``"02.1"``."""
    if not isinstance(key, str) or "." not in key:
        raise ValueError(f'key must look like "02.1" (chapter.number), got {key!r}')
    chapter = key.split(".", 1)[0]
    try:
        bank = importlib.import_module(f"helpers.exercise_bank.ch{chapter}")
    except ModuleNotFoundError:
        raise ValueError(f"key {key!r} names chapter {chapter}, which has no exercises") from None
    try:
        return bank.EXERCISES[key]
    except KeyError:
        raise ValueError(f"key {key!r} is not an exercise; chapter {chapter} has {sorted(bank.EXERCISES)}") from None


def _call(ex: Exercise, fn: Callable[..., Any], case: tuple) -> Any:
    """``fn`` on a deep copy of ``case``, through ``ex.run`` if given (``kind="function"``)."""
    args = copy.deepcopy(case)
    return ex.run(fn, *args) if ex.run is not None else fn(*args)


def _judge(answer: Any, expected: Any, ex: Exercise) -> str:
    """``"ok"``, ``"close"``, ``"rounding"`` or ``"wrong"`` for one answer against one expected value."""
    if ex.kind == "choice":
        return OK if str(answer).strip().lower().strip("()") == str(expected).strip().lower() else WRONG
    if ex.kind == "number":
        return judge_number(float(answer), float(expected), ex.rtol, ex.atol)
    a = np.asarray(answer, dtype=float)
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        return WRONG
    if ex.kind == "function":  # a computed result: no rounding by hand to allow for
        return OK if bool(np.allclose(a, e, rtol=ex.rtol, atol=ex.atol, equal_nan=True)) else WRONG
    verdicts = {judge_number(v, w, ex.rtol, ex.atol) for v, w in zip(a.ravel(), e.ravel(), strict=True)}
    for worst in (WRONG, ROUNDING, CLOSE):
        if worst in verdicts:
            return worst
    return OK


def _text_instead_of_number(answer: Any, ex: Exercise) -> bool:
    if ex.kind not in ("number", "array"):
        return False
    if isinstance(answer, str | bytes):
        return True
    return isinstance(answer, list | tuple) and any(isinstance(a, str | bytes) for a in answer)


def _slip_hint(ex: Exercise, answer: Any) -> str | None:
    """The hint of the first typical slip ``answer`` matches, if any."""
    for slip, hint in ex.slips:
        try:
            if ex.kind == "function":
                matches = all(_judge(_call(ex, answer, case), _call(ex, slip, case), ex) == OK for case in ex.cases)
            else:
                matches = _judge(answer, slip(), ex) == OK
        except Exception:  # a slip that cannot be computed for this answer is not the learner's slip
            matches = False
        if matches:
            return localize(hint)
    return None


def _not_yet_hint(key: str, hint: str) -> Result:
    return Result(False, tr(f"✗ Exercise {key}: not yet. Hint: {hint}", f"✗ 演習 {key}: まだです。ヒント: {hint}"))


def _not_yet(key: str, ex: Exercise, answer: Any) -> Result:
    return _not_yet_hint(key, _slip_hint(ex, answer) or localize(ex.hint))


def evaluate(key: str, answer: Any) -> Result:
    """Judge ``answer`` for exercise ``key`` and return a :class:`Result` (never raises on bad answers)."""
    ex = exercise(key)
    if answer is None or answer is Ellipsis:
        return Result(
            False,
            tr(
                f"✗ Exercise {key}: no answer yet — replace the ... with your code and run the cell.",
                f"✗ 演習 {key}: まだ答えがありません。`...` をあなたのコードに置き換えて、セルを実行してください。",
            ),
        )
    if _text_instead_of_number(answer, ex):
        return Result(
            False,
            tr(
                f"✗ Exercise {key}: your answer is text ({answer!r}), not a number. "
                "Remove the quotes and give the number itself, e.g. `0.25` or an expression that computes it.",
                f"✗ 演習 {key}: 答えが数値ではなく文字列（{answer!r}）になっています。"
                "引用符を外して、数値そのもの（例: `0.25`）か、それを計算する式を書いてください。",
            ),
        )
    try:
        if ex.kind == "function":
            if not callable(answer):
                kind, hint = type(answer).__name__, localize(ex.hint)
                return Result(
                    False,
                    tr(
                        f"✗ Exercise {key}: expected a function, got {kind}. {hint}",
                        f"✗ 演習 {key}: 関数を答えてください（受け取ったのは {kind} です）。{hint}",
                    ),
                )
            for case in ex.cases:
                expected = _call(ex, ex.expected, case)  # first, on its own copy
                got = _call(ex, answer, case)
                if got is None:
                    return Result(
                        False,
                        tr(
                            f"✗ Exercise {key}: your function returned None — is a `return` missing?",
                            f"✗ 演習 {key}: 関数が None を返しました。`return` を書き忘れていませんか？",
                        ),
                    )
                if _judge(got, expected, ex) != OK:
                    return _not_yet(key, ex, answer)
            verdict = OK
        else:
            verdict = _judge(answer, ex.expected(), ex)
    except Exception as exc:  # a learner's code may fail in any way: report, don't crash
        name, hint = type(exc).__name__, localize(ex.hint)
        return Result(
            False,
            tr(
                f"✗ Exercise {key}: your answer raised {name}: {exc}. {hint}",
                f"✗ 演習 {key}: 答えを計算するときに {name} が起きました: {exc}。{hint}",
            ),
        )
    if verdict == OK:
        success = localize(ex.success)
        return Result(True, tr(f"✓ Exercise {key}: correct! {success}", f"✓ 演習 {key}: 正解です！ {success}").rstrip())
    slip = _slip_hint(ex, answer)  # a known slip is named even when few digits also make it look "close"
    if slip is not None:
        return _not_yet_hint(key, slip)
    if verdict == CLOSE:
        return Result(
            False,
            tr(
                f"✗ Exercise {key}: close — give more digits (at least {MIN_DIGITS} significant digits, "
                "or the full value your code computes).",
                f"✗ 演習 {key}: 惜しい！もっと桁数を増やしてください（有効数字{MIN_DIGITS}桁以上、"
                "またはコードが計算した値そのもの）。",
            ),
        )
    if verdict == ROUNDING:
        return Result(
            False,
            tr(
                f"✗ Exercise {key}: close — check the last digit: round to the nearest, don't cut the digits off.",
                f"✗ 演習 {key}: 惜しい！最後の桁を確かめてください。切り捨てではなく四捨五入します。",
            ),
        )
    return _not_yet(key, ex, answer)


def check(key: str, answer: Any) -> None:
    """Show ✓ or ✗ with a hint for exercise ``key`` (use :func:`evaluate` to get the verdict).

    In a notebook the verdict is coloured and wrapped at words; elsewhere its text is printed.

    Examples
    --------
    >>> check("02.1", None)
    ✗ Exercise 02.1: no answer yet — replace the ... with your code and run the cell.
    """
    result = evaluate(key, answer)
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a course dependency
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(result)
    else:
        print(result.message)


# ---- solutions: kept out of sight until a learner asks ---------------------------------------

#: Where the chapter sources are: the solutions live there, written once, and nowhere else.
CHAPTER_SOURCES = Path(__file__).resolve().parent.parent / "chapters"
_CELL = re.compile(r"^# %%(.*)$", re.MULTILINE)
_CHECK_KEY = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']""")


def _solution_cells(chapter: str, sources: Path) -> dict[str, str]:
    """``{key: code}`` of the ``solution``-tagged cells of chapter ``chapter``'s py:percent source."""
    files = sorted(sources.glob(f"{chapter}_*.py"))
    if not files:
        return {}
    text = files[0].read_text(encoding="utf-8")
    heads = list(_CELL.finditer(text))
    cells = {}
    for head, nxt in zip(heads, [*heads[1:], None], strict=True):
        if '"solution"' not in head.group(1):
            continue
        code = text[head.end() : nxt.start() if nxt else len(text)].strip("\n")
        key = _CHECK_KEY.search(code)
        if key:
            cells[key.group(1)] = code
    return cells


def solution_source(key: str, sources: Path | None = None) -> str:
    """The solution code of exercise ``key`` as written in the chapter source.

    Raises
    ------
    LookupError
        If this copy of the course has no solution for ``key`` (the student edition has none).
    """
    exercise(key)  # a clear error for a key that is no exercise
    cells = _solution_cells(key.split(".", 1)[0], sources or CHAPTER_SOURCES)
    if key not in cells:
        raise LookupError(
            tr(
                f"exercise {key}: this copy of the course has no solutions (it is the student edition)",
                f"演習 {key}: このコースには解答が入っていません（生徒用の版です）",
            )
        )
    return cells[key]


@dataclass(frozen=True)
class Solution:
    """A solution shown closed: a ``<details>`` a reader opens on purpose; its text form reveals nothing."""

    key: str
    code: str
    verdicts: tuple[Result, ...]

    def __repr__(self) -> str:  # text/plain: what nbval compares — the verdicts, not the code
        said = " ".join("✓" if r.ok else r.message for r in self.verdicts) or tr(
            "(no check ran)", "（チェックは実行されませんでした）"
        )
        return tr(
            f"Solution of exercise {self.key} (closed; open it in the notebook): {said}",
            f"演習 {self.key} の解答（閉じています。ノートブックで開いてください）: {said}",
        )

    def _repr_html_(self) -> str:
        verdicts = "".join(r._repr_html_() for r in self.verdicts)
        summary = tr(f"Show the solution of exercise {self.key}", f"演習 {self.key} の解答を見る")
        return (
            f'<details class="course-solution"><summary>{summary}</summary>'
            f"<pre><code>{html.escape(self.code)}</code></pre>{verdicts}</details>"
        )


def solution(key: str, namespace: dict | None = None) -> Solution:
    """Run the solution of exercise ``key`` and return it, closed, for display.

    The code runs on a *copy* of the notebook's variables (``namespace``, by default the caller's
    globals), so nothing the learner wrote is overwritten; its ``check`` verdicts are collected
    and shown inside the closed box, with the code.
    """
    code = solution_source(key)
    if namespace is None:
        namespace = sys._getframe(1).f_globals
    verdicts: list[Result] = []

    def collect(k: str, answer: Any) -> None:
        verdicts.append(evaluate(k, answer))

    scratch = dict(namespace)
    scratch["check"] = collect
    exec(compile(code, f"<solution {key}>", "exec"), scratch)  # noqa: S102 - the course's own solution code
    return Solution(key, code, tuple(verdicts))
