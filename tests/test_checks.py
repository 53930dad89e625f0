"""The exercise checks: rounded answers, text for numbers, function cases on copies, slip hints, feedback, solutions."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import checks
from helpers.checks import Exercise, evaluate, judge_number, solution, solution_source


@pytest.mark.parametrize(
    ("value", "expected", "verdict"),
    [
        (0.48889, 0.4888888888, "ok"),  # 5 digits, correctly rounded
        (0.4889, 0.4888888888, "ok"),  # 4 digits
        (0.489, 0.4888888888, "close"),  # 3 digits: give more
        (0.48888, 0.4888888888, "rounding"),  # cut, not rounded
        (0.4887, 0.4888888888, "wrong"),
        (33.33, 100 / 3, "ok"),
        (33.3, 100 / 3, "close"),
        (-0.1332, -0.13321561, "ok"),
        (20, 21, "wrong"),  # an integer is exact to the unit
        (21, 21.0, "ok"),
        (0.0039872, 0.003987156269641374, "ok"),
    ],
)
def test_judge_number(value, expected, verdict):
    assert judge_number(value, expected) == verdict


@pytest.mark.parametrize(
    ("key", "answer"), [("06.1", 0.36678), ("06.4", 0.0039872), ("09.2", 0.97556), ("04.2", 33.33)]
)
def test_rounded_answers_pass(key, answer):
    assert evaluate(key, answer).ok


def test_too_few_digits_is_close_not_a_method_hint():
    result = evaluate("04.2", 33.3)
    assert not result.ok and "close — give more digits" in result.message and "Hint" not in result.message


def test_a_number_given_as_text_gets_a_hint_not_a_tick():
    result = evaluate("04.2", "33.333333333333336")
    assert not result.ok and "text" in result.message


def test_array_answers_are_judged_element_by_element():
    assert evaluate("04.3", [0.84, 0.04, 0.04, 0.04, 0.04]).ok
    assert "close" in evaluate("04.3", [0.8, 0.04, 0.04, 0.04, 0.04]).message  # 0.8 for 0.84: too few digits


def test_a_function_that_mutates_its_input_cannot_corrupt_the_cases():
    calls = []

    def mutating(w, b, x, t):  # a learner's function that changes its list arguments
        calls.append(list(x))
        x.append(99.0)
        return checks.exercise("01.2").expected(w, b, x[:-1], t)

    assert evaluate("01.2", mutating).ok
    assert evaluate("01.2", mutating).ok  # the second run sees the original cases again
    assert calls[0] == calls[len(calls) // 2]


def test_the_expected_value_is_computed_before_the_learners_function_runs():
    seen = []
    ex = Exercise(
        "99.1", expected=lambda v: seen.append("expected") or v[0], hint="h", kind="function", cases=[([1.0],)]
    )
    checks_bank = {"99.1": ex}
    original = checks.exercise
    checks.exercise = lambda key: checks_bank[key]
    try:
        evaluate("99.1", lambda v: seen.append("learner") or v[0])
    finally:
        checks.exercise = original
    assert seen == ["expected", "learner"]


def test_typical_slips_get_their_own_hint():
    assert "natural" in evaluate("03.1", float(-np.log10(0.15))).message
    assert "N × K" in evaluate("02.2", lambda Y, T: np.mean((np.asarray(Y) - np.asarray(T)) ** 2)).message
    assert "fresh network" in evaluate("06.4", checks.exercise("06.4").slips[1][0]()).message


def test_feedback_renders_coloured_wrapped_markdown_and_keeps_a_plain_form():
    result = evaluate("01.1", 1.4028979097455283)
    html = result._repr_html_()
    assert "#1a7f37" in html and "white-space:normal" in html and "word-break:normal" in html
    wrong = checks.Result(False, "✗ Exercise 00.1: not yet. Hint: use *np.log*, not `np.log10`.")
    assert "<em>np.log</em>" in wrong._repr_html_() and "<code>np.log10</code>" in wrong._repr_html_()
    assert "#b35900" in wrong._repr_html_()
    assert repr(wrong) == str(wrong) == wrong.message  # what nbval compares


def test_markdown_inline_escapes_html():
    assert checks.markdown_inline("a <b> *c*") == "a &lt;b&gt; <em>c</em>"
    assert checks.markdown_inline("`x * y * z`") == "<code>x * y * z</code>"


def test_solution_runs_on_a_copy_and_shows_closed():
    namespace = {"np": np, "answer_05_3": "mine"}
    shown = solution("05.3", namespace)
    assert namespace["answer_05_3"] == "mine"  # the learner's variable is untouched
    assert repr(shown).endswith("✓") and "0.05 / 128" not in repr(shown)
    html = shown._repr_html_()
    assert html.startswith("<details") and "<details open" not in html and "0.05 / 128" in html


def test_solution_source_is_the_chapter_sources_cell():
    assert "answer_05_3 = 0.05 / 128" in solution_source("05.3")


def test_no_solutions_in_a_copy_without_chapter_sources(tmp_path):
    with pytest.raises(LookupError, match="student edition"):
        solution_source("05.3", tmp_path)


def test_run_hook_sees_what_a_function_did_to_its_arguments():
    """``run=`` lets a function exercise compare more than the return value (09.4: were the params left alone?)."""
    ex = Exercise("00.9", expected=lambda a: [2 * a[0]], hint="", kind="function", run=lambda fn, a: [*fn(a), a[0]])

    def doubles_in_place(a):
        a[0] *= 2
        return [a[0]]

    case = ([1.0],)
    assert checks._call(ex, lambda a: [2 * a[0]], case) == [2.0, 1.0]
    assert checks._call(ex, doubles_in_place, case) == [2.0, 2.0]  # the change to the argument shows
    assert case == ([1.0],)  # on a copy: the case itself stays as it was
    assert checks._call(Exercise("00.9", expected=len, hint=""), len, ("abc",)) == 3  # without run: fn(*case)
