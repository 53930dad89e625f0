"""Chapter 00 exercises: how the checks work (read a widget; the rule for stale outputs)."""

from helpers.checks import Exercise
from helpers.i18n import Text

EXERCISES = {
    "00.1": Exercise(
        "00.1",
        expected=lambda: (-2.5) ** 2,
        hint=Text(
            "Drag the test slider to x = -2.50 (or click its handle and use the arrow keys) "
            "and copy the number after 'x² ='. A negative number squared is positive.",
            "テスト用のスライダーを x = -2.50 まで動かし（つまみをクリックして矢印キーを使っても構いません）"
            "、'x² =' の後ろの数値を写してください。負の数を二乗すると正の数になります。",
        ),
        success=Text(
            "Reading a value off an explorer is how many exercises start.",
            "エクスプローラーから値を読み取るところから始まる演習がたくさんあります。",
        ),
    ),
    "00.2": Exercise(
        "00.2",
        expected=lambda: "b",
        kind="choice",
        hint=Text(
            "Outputs below an edited cell were computed with the old code. Which option "
            "throws every old result away and recomputes all cells from the top, in order?",
            "編集したセルより下の出力は、古いコードで計算されたものです。古い結果をすべて捨て、先頭からすべての"
            "セルを順に計算し直すのはどの選択肢でしょうか。",
        ),
        success=Text(
            "Kernel → Restart Kernel and Run All Cells is the one habit that keeps a notebook honest.",
            "Kernel → Restart Kernel and Run All Cells を習慣にすれば、ノートブックの出力はいつもコードと一致します。",
        ),
    ),
}

__all__ = ["EXERCISES"]
