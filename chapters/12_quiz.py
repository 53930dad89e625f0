# %% [markdown]
# # 12 — E資格 checkpoint quiz
#
# Exam-style questions over the whole course: compute a loss, pick the right gradient, spot the numerical trap.
# Every answer is checked in the notebook against the course's `helpers`, with a hint when it is not yet right
# and a score at the top.
#
# **How to take it**
#
# * run the Setup cell, then answer in the quiz below: choose an option or type a number, press **Check**;
# * numbers may be rounded to 4 significant digits (0.0195, not 0.019500000000000007);
# * use pen, paper and a Python cell as you would in the exam — the hint names the chapter to revisit;
# * prefer code? `quiz.answer(3, 0.5)` and `quiz.score()` do the same, and count towards the same score.

# %% [markdown]
# ## Setup

# %%
from helpers import quiz

print(len(quiz.QUESTIONS), "questions;", quiz.score())

# %% [markdown]
# ## The quiz
#
# Your score is at the top; the latest answer to each question counts. **Start again** clears every answer.

# %% tags=["nbval-ignore-output"]
quiz.show()

# %% [markdown]
# ## Answering from code
#
# The same checks without the widget. Here on a separate attempt, `demo`, so your own score above is untouched:
# a wrong answer gets a hint (never the answer), a right one an explanation.

# %%
import numpy as np

demo = quiz.Quiz()
print(demo.answer(9, 100.0))
print(demo.answer(9, -np.log(0 + 1e-7)))  # Python as the calculator: −log(0 + ε)
print(demo.score())

# %% [markdown]
# Choice questions take the option letter:

# %%
print(demo.answer(19, "b"))
print(demo.score())

# %% [markdown]
# Your turn, in code if you like — this counts towards the score of the quiz above. Replace the `...` with your
# answer to question 1:

# %%
quiz.answer(1, ...)
print(quiz.score())

# %% [markdown]
# ## Summary
#
# * 26 or more of 34 (75 %): well prepared for these topics; below that, the hints say which chapter to revisit.
# * The glossary (chapter 11) has every term in English and 日本語.
