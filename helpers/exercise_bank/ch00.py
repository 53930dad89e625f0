"""Chapter 00 exercises: how the checks work (read a widget; the rule for stale outputs)."""

from helpers.checks import Exercise

EXERCISES = {
    "00.1": Exercise(
        "00.1",
        expected=lambda: (-2.5) ** 2,
        hint="Drag the test slider to x = -2.50 (or click its handle and use the arrow keys) "
        "and copy the number after 'x² ='. A negative number squared is positive.",
        success="Reading a value off an explorer is how many exercises start.",
    ),
    "00.2": Exercise(
        "00.2",
        expected=lambda: "b",
        kind="choice",
        hint="Outputs below an edited cell were computed with the old code. Which option "
        "throws every old result away and recomputes all cells from the top, in order?",
        success="Kernel → Restart Kernel and Run All Cells is the one habit that keeps a notebook honest.",
    ),
}

__all__ = ["EXERCISES"]
