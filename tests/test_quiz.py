"""The E資格 checkpoint quiz: every right answer accepted, wrong ones rejected, the score counts."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from helpers import losses, quiz

NUMBERS = [q for q in quiz.QUESTIONS if q.kind == "number"]
CHOICES = [q for q in quiz.QUESTIONS if q.kind == "choice"]


def test_size_and_coverage():
    assert 32 <= len(quiz.QUESTIONS) <= 40
    assert [q.number for q in quiz.QUESTIONS] == list(range(1, len(quiz.QUESTIONS) + 1))
    assert {q.chapter for q in quiz.QUESTIONS} >= {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"}
    assert len(CHOICES) >= 5 and len(NUMBERS) >= 5


@pytest.mark.parametrize("q", quiz.QUESTIONS, ids=lambda q: f"Q{q.number}")
def test_right_answer_accepted(q):
    right = q.correct()
    verdict = quiz.grade(q.number, right)
    assert verdict.ok and verdict.message.startswith(f"✓ Question {q.number}"), verdict.message


@pytest.mark.parametrize("q", NUMBERS, ids=lambda q: f"Q{q.number}")
def test_number_answers_typed_rounded_are_accepted_wrong_rejected(q):
    right = q.correct()
    assert quiz.grade(q.number, f"{right:.5g}").ok  # a learner types 5 significant digits
    for wrong in (right * 1.01 + 0.01, -right - 1, 0.0 if right else 1.0):
        verdict = quiz.grade(q.number, wrong)
        assert not verdict.ok, f"Q{q.number} accepted {wrong}"
        assert "Hint:" in verdict.message and f"{right:.4f}" not in verdict.message  # hint, never the answer


@pytest.mark.parametrize("q", CHOICES, ids=lambda q: f"Q{q.number}")
def test_choice_exactly_one_option_right(q):
    right = q.correct()
    assert right in q.options
    assert quiz.grade(q.number, right.upper() + ")").ok  # "B)" is read as "b"
    for other in set(q.options) - {right}:
        assert not quiz.grade(q.number, other).ok


def test_correct_answers_are_computed_by_helpers(monkeypatch):
    """Break the helper and question 1's answer moves with it: nothing is hard-coded."""
    right = quiz.grade(1, 0.0195)
    monkeypatch.setattr(losses, "mean_squared_error", lambda y, t: 0.5)
    assert right.ok and not quiz.grade(1, 0.0195).ok and quiz.grade(1, 0.5).ok


def test_seed_values():
    """The questions reproduce the course's numbers (seeds 000, 001, 004, the book)."""
    want = {1: 0.019500000000000007, 5: 0.510825457099338, 9: 16.11809565095832, 11: 0.22314355131420976,
            21: 0.008873199616318052}  # fmt: skip
    for number, value in want.items():
        assert quiz.question(number).correct() == value
    assert quiz.question(22).correct() == pytest.approx(-0.13321561, abs=1e-8)
    assert quiz.question(14).correct() == pytest.approx(0.2, abs=1e-9)


def test_backpropagation_questions_reproduce_the_chapters():
    """Questions 25–34 (graphs, layers, likelihood, training, regularisation): the chapters' own numbers."""
    assert quiz.question(25).correct() == 110.00000000000001  # chapter 07: ∂price/∂apple_num
    assert quiz.question(30).correct() == pytest.approx(-np.log(0.1) / 4, rel=1e-15)
    assert quiz.question(32).correct() == 840.0 == (1347 // 32) * 20  # chapter 09: 42 steps × 20 epochs
    assert quiz.question(33).correct() == 0.95
    answers = {n: quiz.question(n).correct() for n in (26, 27, 28, 29, 31, 34)}
    assert answers == {26: "a", 27: "b", 28: "a", 29: "b", 31: "a", 34: "a"}
    assert "(Y − T) / B" == quiz.question(29).options["b"] and quiz.question(27).options["b"] == "(64, 100)"


def test_layer_questions_follow_the_layers(monkeypatch):
    """Break the Affine layer's db (a mean instead of a sum) and question 28's answer moves with it."""
    from helpers import layers

    real = layers.Affine.backward

    def mean_db(self, dout):
        dx = real(self, dout)
        self.db = np.asarray(dout).mean(axis=0)
        return dx

    monkeypatch.setattr(layers.Affine, "backward", mean_db)
    assert quiz.question(28).correct() == "b"


def test_explanation_of_question_6_names_both_comparisons():
    """Q6's 1.609 is about 3× the book's 0.51 (Q5) and 160× the blog post's own 0.99 sample (0.0101)."""
    q5, q6 = quiz.question(5).correct(), quiz.question(6).correct()
    sure = losses.cross_entropy([0.1, 0.01, 0.99, 0.0, 0.0, 0.1, 0.02, 0.1, 0.1, 0.04], 2)
    assert round(q6 / q5) == 3 and round(q5, 2) == 0.51
    assert round(q6 / sure) == 160 and round(sure, 4) == 0.0101
    explanation = quiz.question(6).explanation
    assert "three times the 0.51" in explanation.en and "160 times the 0.0101" in explanation.en
    assert "0.51（問5、確率0.6）の約三倍" in explanation.ja and "0.0101（確率0.99）の160倍" in explanation.ja


def test_bad_responses_get_feedback_not_tracebacks():
    assert quiz.grade(1, None).message == "✗ Question 1: no answer yet."
    assert quiz.grade(1, "abc").message == "✗ Question 1: type a number such as 0.25 or 1e-7."
    assert quiz.grade(2, "z").message.startswith("✗ Question 2: answer with one of a, b, c, d")
    with pytest.raises(ValueError, match="question number 1 … 34"):
        quiz.question(99)


def test_score_counts_latest_answers():
    attempt = quiz.Quiz()
    assert attempt.score() == f"Score: 0 / {len(quiz.QUESTIONS)}"
    attempt.answer(1, quiz.question(1).correct())
    attempt.answer(2, "a" if quiz.question(2).correct() != "a" else "c")
    attempt.answer(3, "not a number")  # ignored: not an answer
    assert attempt.correct == 1 and attempt.results == {1: True, 2: False}
    attempt.answer(2, quiz.question(2).correct())  # the latest answer counts
    assert attempt.score() == f"Score: 2 / {len(quiz.QUESTIONS)}"
    attempt.reset()
    assert attempt.correct == 0


def test_module_functions_share_one_session(capsys):
    quiz.reset()
    quiz.answer(5, np.float64(quiz.question(5).correct()))
    assert capsys.readouterr().out.startswith("✓ Question 5")
    assert quiz.score() == f"Score: 1 / {len(quiz.QUESTIONS)}"
    quiz.reset()
    assert quiz.score().startswith("Score: 0 /")


def test_widget_check_button_updates_feedback_and_score():
    attempt = quiz.Quiz()
    ui = attempt.show().widget
    score = ui.children[0].children[0]
    assert "Score: 0 /" in score.value
    box = next(b for b in ui.children[1:] if "course-quiz-q2" in b._dom_classes)
    _, field, button, feedback = box.children
    field.value = quiz.question(2).correct()
    button.click()
    assert "✓ Question 2" in feedback.value
    assert "Score: 1 /" in score.value
    attempt.answer(1, 0.0195)  # answering from code moves the widget's score too
    assert "Score: 2 /" in score.value


def test_prompts_render_simple_markdown():
    html = quiz._markdown_inline("a `x<1` and **bold** $y$")
    assert html == "a <code>x&lt;1</code> and <b>bold</b> $y$"
    for q in quiz.QUESTIONS:
        assert not re.search(r"\*\*|`", quiz._markdown_inline(q.prompt)), f"Q{q.number}: unbalanced markup"


def test_check_buttons_sit_in_one_column():
    """Every Check button is a child of its question's column, not beside options of varying width."""
    ui = quiz.Quiz().show().widget
    for box in ui.children[1:]:
        kinds = [type(c).__name__ for c in box.children]
        assert kinds[2] == "Button", kinds


def test_saved_output_shows_every_question_without_a_kernel():
    bundle = quiz.Quiz().show()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # live where widgets run
    for q in quiz.QUESTIONS:
        assert f"{q.number}. {q.prompt}" in bundle["text/plain"]
        for text in q.options.values():
            assert quiz._escape(str(text)) in bundle["text/html"]
    assert bundle["text/html"].count("<li><p>") == len(quiz.QUESTIONS)


@pytest.mark.parametrize(
    ("number", "typed", "ok"),
    [(22, "-0.1332", True), (22, "-0.13321561", True), (22, "-0.1333", False), (1, "0.0195", True)],
)
def test_rounded_answers_to_four_digits_pass(number, typed, ok):
    assert quiz.grade(number, typed).ok is ok


def test_too_few_digits_are_close_not_wrong():
    verdict = quiz.grade(22, "-0.13")
    assert not verdict.ok and "close — give more digits" in verdict.message


def test_glossary_search_box_needs_no_emoji_font():
    from helpers import glossary

    box = glossary.search_box().box
    assert box.description.isascii() and box.description.strip()  # 🔍 is an empty box without an emoji font
    assert box.layout.width and "em" in box.layout.width  # wide enough for its placeholder


def test_the_counts_chapters_11_and_12_print():
    """Chapter 11 prints "72 terms", chapter 12 "34 questions; Score: 0 / 34" and 26 of 34 as the 75 % mark."""
    from helpers import glossary

    assert len(glossary.TERMS) == 72
    assert len(quiz.QUESTIONS) == 34 and quiz.Quiz().score() == "Score: 0 / 34"
    assert math.ceil(0.75 * len(quiz.QUESTIONS)) == 26
    box = glossary.search_box()
    box.set("交差エントロピー")
    assert [t.english for t in box.matches] == ["cross-entropy error", "binary cross-entropy", "weighted cross-entropy"]
