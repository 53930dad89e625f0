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

# %% [markdown] lang="ja"
# # 12 — E資格 確認クイズ
#
# コース全体を範囲とする、試験形式の問題です。損失を計算する、正しい勾配を選ぶ、数値計算の落とし穴を見抜く、といった問題が
# 並びます。どの答えもノートブックの中でコースの `helpers` と照らし合わせて採点されます。まだ正しくないときはヒントが表示され、
# 上部にはスコアが表示されます。
#
# **取り組み方**
#
# * 準備のセルを実行してから、下のクイズに答えます。選択肢を選ぶか数値を入力し、答えを確かめるボタンを押してください。
# * 数値は有効数字4桁に丸めてもかまいません（0.019500000000000007ではなく0.0195）。
# * 試験と同じように、紙とペン、そしてPythonのセルを使ってください。ヒントには、復習するとよい章が書かれています。
# * コードで答えたい場合は、`quiz.answer(3, 0.5)` と `quiz.score()` で同じことができます。同じスコアに数えられます。

# %% [markdown]
# ## Setup

# %% [markdown] lang="ja"
# ## 準備

# %%
from helpers import quiz

print(len(quiz.QUESTIONS), "questions;", quiz.score())

# %% [markdown]
# ## The quiz
#
# Your score is at the top; the latest answer to each question counts. **Start again** clears every answer.

# %% [markdown] lang="ja"
# ## クイズ
#
# スコアは上部に表示されます。各問題は、最後に答えたものが数えられます。やり直しのボタンを押すと、すべての答えが消えます。

# %% tags=["nbval-ignore-output"]
quiz.show()

# %% [markdown]
# ## Answering from code
#
# The same checks without the widget. Here on a separate attempt, `demo`, so your own score above is untouched:
# a wrong answer gets a hint (never the answer), a right one an explanation.

# %% [markdown] lang="ja"
# ## コードで答える
#
# ウィジェットを使わずに、同じ採点をします。ここでは別の解答用紙 `demo` を使うので、上のクイズのあなたのスコアは変わりません。
# 間違った答えにはヒント（答えそのものは示しません）が、正しい答えには解説が返ってきます。

# %%
import numpy as np

demo = quiz.Quiz()
print(demo.answer(9, 100.0))
print(demo.answer(9, -np.log(0 + 1e-7)))  # Python as the calculator: −log(0 + ε)
print(demo.score())

# %% [markdown]
# Choice questions take the option letter:

# %% [markdown] lang="ja"
# 選択式の問題には、選択肢の記号で答えます。

# %%
print(demo.answer(19, "b"))
print(demo.score())

# %% [markdown]
# Your turn, in code if you like — this counts towards the score of the quiz above. Replace the `...` with your
# answer to question 1:

# %% [markdown] lang="ja"
# 今度はあなたの番です。コードで答えてもかまいません。ここでの答えは、上のクイズのスコアに数えられます。
# `...` を問題1の答えに置き換えてください。

# %%
quiz.answer(1, ...)
print(quiz.score())

# %% [markdown]
# ## Summary
#
# * 26 or more of 34 (at least 75 %): well prepared for these topics; below that, the hints say which chapter to revisit.
# * The glossary (chapter 11) has every term in English and 日本語.

# %% [markdown] lang="ja"
# ## まとめ
#
# * 34問中26問以上（75%以上）正解なら、これらの話題について十分な準備ができています。それより少ないときは、ヒントに
#   復習するとよい章が書かれています。
# * 用語集（11章）には、すべての用語が日本語と英語で載っています。

# %% [raw] teacher="en"
# **Objectives.** 34 exam-style questions over chapters 01–10: compute a loss, pick the right gradient, spot the
# numerical trap; computational graphs, Affine shapes and the 1/B of Softmax-with-Loss, cross-entropy as negative
# log-likelihood, the training loop, weight decay and dropout (questions 25–34). Each answer is checked by `helpers` when the student presses **Check** (the right answer is
# computed then, not stored), with a hint naming the chapter to revisit, and a score at the top.
#
# **Use in class.** Run the notebook, let students work 30 minutes alone or in pairs, then go through the questions
# with the most wrong answers. Numbers may be typed rounded to 4 significant digits. Students who prefer code use
# `quiz.answer(3, 0.5)` / `quiz.score()`, which count towards the same score. *Start again* clears the attempt.
# The [answer key](#e資格-checkpoint-quiz-answer-key) is at the end of this guide.

# %% [raw] teacher="ja"
# **ねらい。** 01〜10章を範囲とする、試験形式の34問です。損失を計算する、正しい勾配を選ぶ、数値計算の落とし穴を見抜く、といった問題があります。問題25〜34は、計算グラフ、Affineレイヤの形状とSoftmax-with-Lossレイヤの1/B、負の対数尤度としての交差エントロピー誤差、学習のループ、荷重減衰とDropoutを扱います。生徒が答えを確かめるボタンを押すと、`helpers` が採点します（正しい答えはそのときに計算され、保存されてはいません）。復習すべき章を示すヒントが出て、上部にスコアが表示されます。
#
# **授業での使い方。** ノートブックを実行し、生徒に1人またはペアで30分取り組ませてから、間違いの多かった問題を一緒に見ていきます。数値は有効数字4桁に丸めて入力してかまいません。コードで答えたい生徒は `quiz.answer(3, 0.5)` / `quiz.score()` を使えます。同じスコアに数えられます。やり直しのボタンで、その回の答えがすべて消えます。[解答](#e資格-確認クイズの解答) はこのガイドの最後にあります。
