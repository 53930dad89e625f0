"""Chapter 12 in a real browser: take the quiz — pick an option, type a number, see the score change."""

from __future__ import annotations

from explorer_checks import check_explorers

from helpers import quiz


def score_text(page) -> str:
    return page.locator(".course-quiz-score").first.inner_text().strip()


def wait_score(page, text: str) -> None:
    page.wait_for_function(
        "(want) => document.querySelector('.course-quiz-score')?.textContent.includes(want)",
        arg=text,
        timeout=15_000,
    )


def check(box, page) -> str:
    """Press Check and return the new feedback (waiting for it to differ from what was there before)."""
    feedback = box.locator(".course-quiz-feedback")
    before = feedback.first.text_content().strip() if feedback.count() else ""
    box.get_by_role("button", name="Check").click()
    page.wait_for_function(
        "([el, before]) => { const t = el.textContent.trim(); return t.length > 0 && t !== before; }",
        arg=[feedback.element_handle(), before],
        timeout=15_000,
    )
    return feedback.inner_text().strip()


def test_ch12_quiz_answers_and_score(page, run_notebook, screenshot):
    run_notebook("12_quiz.ipynb")
    n = len(quiz.QUESTIONS)
    page.locator(".course-quiz-score").first.scroll_into_view_if_needed()
    wait_score(page, f"Score: 0 / {n}")

    # a choice question, answered wrong: a hint, and the score does not move
    q2 = page.locator(".course-quiz-q2").first
    q2.scroll_into_view_if_needed()
    right = quiz.question(2).correct()
    wrong = next(k for k in quiz.question(2).options if k != right)
    q2.locator("label", has_text=f"{wrong})").first.click()
    assert check(q2, page).startswith("✗ Question 2: not yet. Hint:")
    assert f"Score: 0 / {n}" in score_text(page)

    # … then right: ✓ and the score counts it
    q2.locator("label", has_text=f"{right})").first.click()
    assert check(q2, page).startswith("✓ Question 2: correct!")
    wait_score(page, f"Score: 1 / {n}")

    # a number question, typed rounded as a learner would
    q1 = page.locator(".course-quiz-q1").first
    q1.scroll_into_view_if_needed()
    q1.locator("input[type=text]").fill("0.0195")
    assert check(q1, page).startswith("✓ Question 1: correct!")
    wait_score(page, f"Score: 2 / {n}")
    page.locator(".course-quiz-score").first.scroll_into_view_if_needed()
    screenshot("ch12_quiz_score", page)
    check_explorers(page, "12_quiz.ipynb", screenshot)  # every explorer by keyboard, and the console
