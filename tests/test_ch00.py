"""Chapter 00: the test slider's logic, the environment check and the two warm-up exercises."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pytest

from helpers.checks import evaluate
from helpers.explorers import ch00
from helpers.live import format_number
from helpers.style import use_course_style


@pytest.fixture(autouse=True)
def course_style():
    """The Japanese font the notebooks use (no missing-glyph warnings), restored afterwards."""
    with matplotlib.rc_context():
        use_course_style()
        yield


@pytest.mark.parametrize("x", [-3.0, -2.5, -0.5, 0.0, 1.5, 2.0, 3.0])
def test_square_explorer_readout_and_dot_follow_the_slider(x):
    ex = ch00.square_explorer()
    ex.set(x=x)
    assert ex.readout_text == f"x = {x:.2f} \xa0→\xa0 x² = {format_number(x * x)}"
    dot = ex.figure.axes[0].lines[1]
    assert dot.get_xdata()[0] == x and dot.get_ydata()[0] == x * x


def test_square_explorer_starts_at_one_and_a_half_and_prints_the_recorded_lines():
    ex = ch00.square_explorer()
    assert ex.values == {"x": 1.5}
    assert ex.readout_text.endswith("x² = 2.25")
    printed = []
    for x in (2.0, -0.5):
        ex.set(x=x)
        printed.append(ex.readout_text)
    assert printed == ["x = 2.00 \xa0→\xa0 x² = 4", "x = -0.50 \xa0→\xa0 x² = 0.25"]


def test_square_slider_has_the_css_class_the_browser_test_uses():
    ex = ch00.square_explorer()
    assert "course-slider-x" in ex.controls["x"]._dom_classes
    assert "course-readout-square" in ex.readout._dom_classes


def test_environment_report_matches_the_pins_of_this_venv():
    report = ch00.environment_report()
    lines = report.splitlines()
    assert len(lines) == len(ch00.KEY_PACKAGES) + 1
    assert all(line.startswith("✓") for line in lines[:-1]), report
    assert lines[-1] == f"All {len(ch00.KEY_PACKAGES)} packages match the versions the course was recorded with."


def test_environment_report_flags_a_wrong_pin_and_a_missing_package(tmp_path: Path):
    req = tmp_path / "requirements.txt"
    req.write_text("numpy==0.0.1  # too old\nno-such-package-xyz==1.0\n", encoding="utf-8")
    checks = ch00.check_environment(("numpy", "no-such-package-xyz", "matplotlib"), req)
    assert [c.ok for c in checks] == [False, False, False]
    lines = ch00.environment_report(("numpy", "no-such-package-xyz", "matplotlib"), req).splitlines()
    assert lines[0].startswith("✗ numpy") and "pins 0.0.1" in lines[0]
    assert lines[1].startswith("✗ no-such-package-xyz") and "not installed" in lines[1]
    assert lines[2].startswith("? matplotlib") and "no pin" in lines[2]
    assert lines[3] == "3 of 3 packages differ from the course's pins (see above)."


def test_environment_check_names_a_missing_requirements_file(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="requirements"):
        ch00.check_environment(requirements=tmp_path / "nope.txt")


def test_seeded_dice_print_the_recorded_throws():
    assert np.random.default_rng(0).integers(1, 7, size=5).tolist() == [6, 4, 4, 2, 2]


def test_exercise_00_1_accepts_the_square_and_rejects_the_negative():
    assert evaluate("00.1", 6.25).ok
    assert not evaluate("00.1", -6.25).ok
    assert not evaluate("00.1", ...).ok


def test_exercise_00_2_is_restart_and_run_all():
    assert evaluate("00.2", "b").ok and evaluate("00.2", " B ").ok
    assert not evaluate("00.2", "a").ok and not evaluate("00.2", "c").ok


def test_package_check_names_the_python_command_not_make():
    """Windows learners have no make: the fix a missing or mismatched package names is the Python command."""
    from helpers.explorers.ch00 import PackageCheck

    missing = PackageCheck("numpy", None, "2.4.6").line()
    mismatched = PackageCheck("numpy", "2.0.0", "2.4.6").line()
    assert "python run.py lab" in missing and "python run.py setup" in mismatched
    assert "make" not in missing + mismatched


# -- rows for the checks every explorer gets (tests/chapter_rows.py) ---------------------------------------------
EXPLORERS = {"00 square": lambda: ch00.square_explorer()}
