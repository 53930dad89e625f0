"""Every notebook in a real browser: runs clean, and every explorer answers the keyboard.

A notebook with its own browser test (``test_chNN.py``) gets these checks at the
end of that test, from the same Restart & Run All; every other notebook in
``notebooks/`` (chapters that land later are picked up without editing this
file) gets them here. The checks are :func:`explorer_checks.check_explorers`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from explorer_checks import check_explorers

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
OWN_TEST = {nb: HERE / f"test_ch{nb[:2]}.py" for nb in NOTEBOOKS}
ON_THEIR_OWN = [nb for nb in NOTEBOOKS if not OWN_TEST[nb].exists()]


@pytest.mark.parametrize("notebook", ON_THEIR_OWN)
def test_notebook_runs_clean_and_explorers_work_by_keyboard(notebook, page, run_notebook, screenshot):
    run_notebook(notebook)  # Restart & Run All; asserts no error/stderr output in any cell
    check_explorers(page, notebook, screenshot)


def test_every_chapter_test_also_checks_its_explorers():
    """A chapter with its own test skips the test above, so that test must call the checks itself."""
    for notebook, path in OWN_TEST.items():
        if path.exists():
            source = path.read_text(encoding="utf-8")
            assert f'check_explorers(page, "{notebook}", screenshot)' in source, f"{path.name} skips the checks"
