"""Chapter 02 as RISE slides (jupyterlab-rise), and math in the normal notebook view.

jupyterlab_rise pulls in jupyterlab-mathjax3 4.3.0, which `jupyter labextension list`
flags as incompatible with Lab 4.6 (it asks for @jupyterlab/rendermime ^3).  The second
test proves that it breaks neither the math of a normal notebook nor the console.

The slideshow tab is RISE's own small app, built on JupyterLab 4.3: it cannot load Lab
4.6's widget manager or anywidget (so live explorers show their text placeholder there —
the teacher guide says to present them in the notebook view), and its toolbar
components recurse.  Those known errors of the RISE app are listed below; any other
console error fails the test.
"""

from __future__ import annotations

import re

import lab

MATH = "mjx-container"
PRESENT = ".reveal .slides section.present:not(.stack)"  # the slide on screen (not its vertical stack)


RISE_APP_KNOWN_ERRORS = re.compile(
    r"Shared module @jupyterlab/console doesn't exist"  # jupyterlab-manager (ipywidgets) in RISE's app
    r"|Plugin 'anywidget:plugin' failed to activate"  # anywidget (the live canvas, readouts) needs it too
    r"|Maximum call stack size exceeded"  # @jupyter/web-components 0.16 vs RISE's ~0.13
    r"|Failed to load resource"  # reveal's web fonts (offline) and the optional CSS files below
    r"|Refused to apply style from '[^']*/files/[^']*\.css'"  # optional rise.css / <notebook>.css: none shipped
)


def open_slideshow(page, server, name: str):
    """Open ``name`` in Lab, run RISE's "Open as Reveal Slideshow" (RISE:slideshow), return the new tab."""
    lab.open_notebook(page, server, name)
    # focus the notebook on the title cell's prompt (the first cell is the nav bar: a click there follows a link)
    page.locator(".jp-NotebookPanel .jp-Cell").nth(1).locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Shift+C")  # the command palette
    page.locator(".lm-CommandPalette-input").fill("Reveal Slideshow")
    item = page.locator('.lm-CommandPalette-item.lm-mod-active[data-command="RISE:slideshow"]')
    item.first.wait_for(timeout=30_000)  # the filtered list re-renders while it settles; Enter runs the active item
    with page.context.expect_page(timeout=60_000) as new_tab:
        page.keyboard.press("Enter")
    slides = new_tab.value
    slides.console_errors = []
    slides.on("console", lambda m: slides.console_errors.append(m.text) if m.type == "error" else None)
    slides.on("pageerror", lambda exc: slides.console_errors.append(str(exc)))
    slides.wait_for_selector(".reveal .slides section.present", timeout=90_000)
    return slides


def test_ch02_slideshow_shows_slides_with_math(page, server, screenshot):
    slides = open_slideshow(page, server, "02_sse_mse.ipynb")
    assert "/rise/02_sse_mse.ipynb" in slides.url
    present = slides.locator(PRESENT)
    present.locator("h1").first.wait_for(timeout=60_000)
    assert "02 — Sum of squared errors" in present.locator("h1").first.inner_text()
    assert "<!-- nav -->" not in present.inner_text() and "Contents" not in present.inner_text()  # nav is skipped
    n_slides = slides.locator(".reveal .slides > section").count()
    assert n_slides >= 8, f"only {n_slides} top-level slides: the slide metadata is missing?"

    # next slide until one shows math: "## 1. The formulas" is three slides in
    for _ in range(12):
        if slides.locator(f"{PRESENT} {MATH}").count():
            break
        slides.keyboard.press("Space")
        slides.wait_for_timeout(700)
    math = slides.locator(f"{PRESENT} {MATH}")
    assert math.count() >= 1, "no MathJax output on any of the first slides"
    assert slides.locator(f"{PRESENT} mjx-merror").count() == 0
    assert "The formulas" in slides.locator(PRESENT).inner_text()
    slides.wait_for_timeout(500)
    screenshot("ch02_slides_formulas", slides)
    unexpected = [e for e in slides.console_errors if not RISE_APP_KNOWN_ERRORS.search(e)]
    assert not unexpected, unexpected


def test_math_in_notebook_view_survives_mathjax3_extension(page, server, screenshot):
    loaded = []
    page.on("request", lambda r: loaded.append(r.url) if "mathjax3-extension" in r.url else None)
    lab.open_notebook(page, server, "02_sse_mse.ipynb")
    cell = page.locator(".jp-MarkdownCell", has_text="The formulas").first
    cell.scroll_into_view_if_needed()
    cell.locator(MATH).first.wait_for(timeout=30_000)
    assert cell.locator(MATH).count() >= 3  # SSE, MSE and the book's ½ form
    assert page.locator("mjx-merror").count() == 0
    assert "$$" not in cell.inner_text(), "raw TeX is showing"
    screenshot("ch02_formulas_notebook_view", cell)
    print("jupyterlab-mathjax3 assets requested by Lab:", loaded or "none")
    assert not page.console_errors, page.console_errors


def test_japanese_ui_with_one_setting(page, tmp_path, monkeypatch, screenshot):
    """The language pack is switched on by the one setting the teacher guide documents (what
    Settings → Language → 日本語 writes): {"locale": "ja_JP"} for @jupyterlab/translation-extension:plugin."""
    settings = tmp_path / "user-settings"
    plugin = settings / "@jupyterlab" / "translation-extension"
    plugin.mkdir(parents=True)
    (plugin / "plugin.jupyterlab-settings").write_text('{"locale": "ja_JP"}', encoding="utf-8")
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(settings))
    root = tmp_path / "course"
    root.mkdir()
    (root / "02_sse_mse.ipynb").write_bytes(
        (lab.Path(__file__).parents[2] / "notebooks" / "02_sse_mse.ipynb").read_bytes()
    )
    with lab.lab_server(root) as srv:
        page.goto(srv.notebook_url("02_sse_mse.ipynb"))
        menubar = page.locator("#jp-menu-panel, .jp-MainMenu, #jp-MainMenu").first
        menubar.wait_for(timeout=60_000)
        page.get_by_role("menuitem", name="ファイル").first.wait_for(timeout=60_000)
        assert "カーネル" in menubar.inner_text()
        page.locator(".jp-NotebookPanel .jp-MarkdownOutput h1").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        screenshot("lab_japanese_ui", page)
