"""Exercise checks: a clear ✓ or ✗ with a hint — never a traceback, never the answer.

Each chapter's exercises live in ``helpers/exercise_bank/chNN.py`` as
:class:`Exercise` records; a notebook calls ``check("02.1", answer)``.  The
expected value is computed by ``helpers`` when the check runs, so the bank holds
no answers in plain sight.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Exercise", "Result", "check", "evaluate", "exercise"]


@dataclass(frozen=True)
class Result:
    """The verdict on one answer."""

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Exercise:
    """One checkable exercise.

    Attributes
    ----------
    key : str
        ``"NN.k"``: chapter and exercise number.
    expected : callable
        Returns the right answer, computed with ``helpers`` when checking.
    hint : str
        What to look at when the answer is wrong (not the answer).
    rtol, atol : float
        Tolerances for numeric answers.
    kind : str
        ``"number"``, ``"array"``, ``"choice"`` (a string such as ``"b"``) or
        ``"function"`` (the learner's callable is compared on ``cases``).
    cases : list of tuples
        Arguments to call a learner's function with (``kind="function"``).
    """

    key: str
    expected: Callable[..., Any]
    hint: str
    rtol: float = 1e-9
    atol: float = 1e-12
    kind: str = "number"
    cases: list[tuple] = field(default_factory=list)
    success: str = ""


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


def _close(answer: Any, expected: Any, ex: Exercise) -> bool:
    if ex.kind == "choice":
        return str(answer).strip().lower() == str(expected).strip().lower()
    if ex.kind == "number":
        value = float(answer)
        return math.isclose(value, float(expected), rel_tol=ex.rtol, abs_tol=ex.atol)
    a = np.asarray(answer, dtype=float)
    e = np.asarray(expected, dtype=float)
    return a.shape == e.shape and bool(np.allclose(a, e, rtol=ex.rtol, atol=ex.atol, equal_nan=True))


def evaluate(key: str, answer: Any) -> Result:
    """Judge ``answer`` for exercise ``key`` and return a :class:`Result` (never raises on bad answers)."""
    ex = exercise(key)
    if answer is None or answer is Ellipsis:
        return Result(
            False,
            f"✗ Exercise {key}: no answer yet — replace the ... with your code and run the cell.",
        )
    try:
        if ex.kind == "function":
            if not callable(answer):
                return Result(
                    False,
                    f"✗ Exercise {key}: expected a function, got {type(answer).__name__}. {ex.hint}",
                )
            for case in ex.cases:
                got = answer(*case)
                if got is None:
                    return Result(
                        False,
                        f"✗ Exercise {key}: your function returned None — is a `return` missing?",
                    )
                if not _close(got, ex.expected(*case), ex):
                    return Result(False, f"✗ Exercise {key}: not yet. Hint: {ex.hint}")
            ok = True
        else:
            ok = _close(answer, ex.expected(), ex)
    except Exception as exc:  # a learner's code may fail in any way: report, don't crash
        return Result(False, f"✗ Exercise {key}: your answer raised {type(exc).__name__}: {exc}. {ex.hint}")
    if ok:
        return Result(True, f"✓ Exercise {key}: correct! {ex.success}".rstrip())
    return Result(False, f"✗ Exercise {key}: not yet. Hint: {ex.hint}")


def check(key: str, answer: Any) -> None:
    """Print ✓ or ✗ with a hint for exercise ``key`` (use :func:`evaluate` to get the verdict).

    Examples
    --------
    >>> check("02.1", None)
    ✗ Exercise 02.1: no answer yet — replace the ... with your code and run the cell.
    """
    print(evaluate(key, answer).message)
