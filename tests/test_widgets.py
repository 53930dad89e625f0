"""The explorer layer without a browser: sliders, readouts, blitting, drags, and bad arguments."""

from __future__ import annotations

from types import SimpleNamespace

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.distributions import set_probability
from helpers.explorers import ch02
from helpers.live import Explorer, draggable, format_number, live_figure, slider
from helpers.losses import huber_loss, mean_absolute_error, mean_squared_error


@pytest.fixture(autouse=True)
def course_style():
    """The notebooks' style (with the Japanese font), so titles like 残差 render without warnings."""
    import matplotlib as mpl

    from helpers.style import use_course_style

    with mpl.rc_context():
        use_course_style()
        yield


Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
T = np.eye(10)[2]


def make_slider(**overrides):
    args = {"min": 0.0, "max": 1.0, "step": 0.1, "value": 0.5, "name": "x"}
    args.update(overrides)
    return slider("x", **args)


# -- slider -----------------------------------------------------------------------------------------
def test_slider_has_no_number_box_unless_asked():
    assert slider("p", min=0, max=1, step=0.01, value=0.6, name="p").number_box is None


def test_slider_has_class_label_and_linked_number_box():
    from helpers.live.numberbox import NumberBox

    s = slider("p(class 2)", min=0, max=1, step=0.01, value=0.6, name="p", number_box=True)
    assert "course-slider-p" in s._dom_classes and s.description == "p(class 2)"
    box = s.number_box
    assert isinstance(box, NumberBox) and box.slider is s  # bound in the browser, no value of its own
    assert (box.label, box.decimals, box.value) == ("p(class 2)", 2, 0.6)
    assert "course-number-p" in box._dom_classes and "value" not in box.keys
    s.value = 0.7
    assert box.value == 0.7
    with pytest.raises(TypeError, match="slider must be an ipywidgets FloatSlider or IntSlider, got Text"):
        NumberBox(widgets.Text(), "x")


@pytest.mark.parametrize(
    ("overrides", "argument"),
    [
        ({"min": 1.0, "max": 0.0}, "min must be less than max"),
        ({"value": 2.0}, "value must lie in"),
        ({"step": 0.0}, "step must be positive"),
        ({"step": 5.0}, "step must not exceed"),
        ({"name": "has space"}, "name must be a short identifier"),
        ({"name": ""}, "name must be a short identifier"),
        ({"min": float("nan")}, "min must be finite"),
        ({"readout_format": "%d"}, "readout_format"),
    ],
)
def test_slider_bad_arguments_name_the_argument(overrides, argument):
    with pytest.raises(ValueError, match=argument):
        make_slider(**overrides)


@pytest.mark.parametrize(("overrides", "argument"), [({"min": "0"}, "min must be a number"), ({"step": True}, "step")])
def test_slider_wrong_types_name_the_argument(overrides, argument):
    with pytest.raises(TypeError, match=argument):
        make_slider(**overrides)


def test_slider_needs_a_label():
    with pytest.raises(ValueError, match="label must be a non-empty string"):
        slider("  ", min=0, max=1, step=0.1, value=0.5, name="x")


# -- Explorer: arguments ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"controls": {}}, ValueError, "controls must name at least one control"),
        ({"controls": [1]}, TypeError, "controls must be a mapping"),
        ({"controls": {"x": 3}}, TypeError, r"controls\['x'\] must be an ipywidgets value widget"),
        ({"controls": {"not valid": None}}, ValueError, "controls keys must be Python identifiers"),
        ({"readout": "x"}, TypeError, r"readout must be callable as readout\(\*\*values\) -> str, got str"),
        ({"readout": None}, TypeError, "readout must be callable"),
        ({"draw": 3}, TypeError, r"draw must be callable as draw\(\*\*values\) -> None, got int"),
        ({"draw": lambda x: None}, ValueError, "draw and figure go together .*: got draw, no figure"),
        ({"name": "a b"}, ValueError, "name must be a short identifier"),
        ({"footer": "text"}, TypeError, "footer must be an ipywidgets widget"),
        ({"readout_lines": 0}, ValueError, "readout_lines must be an int from 1 to 6, got 0"),
        ({"readout_lines": True}, ValueError, "readout_lines must be an int from 1 to 6, got True"),
    ],
)
def test_explorer_bad_arguments_name_the_argument(kwargs, error, message):
    args = {"controls": {"x": make_slider()}, "readout": lambda x: f"{x}"}
    args.update(kwargs)
    controls = args.pop("controls")
    with pytest.raises(error, match=message):
        Explorer(controls, **args)


def test_explorer_figure_must_be_live_and_drawn():
    from matplotlib.figure import Figure

    with pytest.raises(TypeError, match="figure must come from helpers.live.live_figure"):
        Explorer({"x": make_slider()}, readout=lambda x: "", draw=lambda x: None, figure=Figure())
    with pytest.raises(ValueError, match="draw and figure go together .*: got figure, no draw"):
        Explorer({"x": make_slider()}, readout=lambda x: "", figure=live_figure())


def test_readout_is_keyword_only_and_update_is_gone():
    with pytest.raises(TypeError):
        Explorer({"x": make_slider()}, lambda x: f"{x}")  # the old positional update(**values) -> str
    with pytest.raises(TypeError, match="update"):
        Explorer({"x": make_slider()}, readout=lambda x: f"{x}", update=lambda x: f"{x}")


def test_readout_must_return_text():
    with pytest.raises(TypeError, match="readout must return the text as a str, got float"):
        Explorer({"x": make_slider()}, readout=lambda x: x)


def test_each_change_shows_the_readout_then_draws_then_looks_ahead():
    """The layer calls the pure readout, then draw, with the same values; the page gets the readout first."""
    calls, made = [], []
    fig = live_figure((2, 2))
    (dot,) = fig.subplots().plot([0.5], [0.5], "o")

    def readout(x):
        calls.append(("readout", x, dot.get_xdata()[0]))
        return f"x = {x}"

    def draw(x):
        calls.append(("draw", x, made[0].readout.value if made else None))
        dot.set_data([x], [x])

    ex = Explorer({"x": make_slider()}, readout=readout, draw=draw, figure=fig)
    made.append(ex)
    calls.clear()
    ex.controls["x"].value = 0.7
    # readout before draw (the dot still at 0.5), draw after the readout is shown, then the look-ahead table
    assert calls[:2] == [("readout", 0.7, 0.5), ("draw", 0.7, "x = 0.7")]
    assert {c[0] for c in calls[2:]} == {"readout"} and len(calls) > 3
    assert ex.readout._ahead["table"]["x"]["0.8"] == "x = 0.8" and dot.get_xdata()[0] == 0.7


@pytest.mark.parametrize("figsize", [(0, 3), (-1, 2), ("a", 2), 5])
def test_live_figure_bad_size(figsize):
    with pytest.raises((TypeError, ValueError), match="figsize"):
        live_figure(figsize)


def test_set_unknown_control():
    ex = Explorer({"x": make_slider()}, readout=lambda x: f"{x}")
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['y'\]"):
        ex.set(y=1)


def test_set_refreshes_once_for_all_controls():
    calls = []

    def draw(x, y):
        calls.append((x, y))

    ex = Explorer(
        {"x": make_slider(), "y": make_slider(name="y")},
        readout=lambda x, y: f"{x} {y}",
        draw=draw,
        figure=live_figure((2, 2)),
    )
    calls.clear()
    ex.set(x=0.2, y=0.7)
    assert calls == [(0.2, 0.7)] and ex.readout_text == "0.2 0.7"
    ex.controls["x"].value = 0.4  # a learner's move still refreshes
    assert calls[-1] == (0.4, 0.7)


# -- Explorer: behaviour ----------------------------------------------------------------------------
def test_slider_value_drives_readout_and_layout():
    s = make_slider()
    ex = Explorer({"x": s}, readout=lambda x: f"<b>x²</b> = {format_number(x * x)} &amp; more", name="sq")
    s.value = 0.3
    assert ex.readout_text == "x² = 0.09 & more"
    assert ex.values == {"x": 0.3}
    assert "course-readout-sq" in ex.readout._dom_classes and "course-explorer-sq" in ex.widget._dom_classes
    assert ex.widget.children[0] is s
    assert "nameHandles(el)" in ex.readout._esm  # the readout's JS names the explorer's slider handles


def test_number_box_sits_beside_its_slider():
    s = slider("p", min=0, max=1, step=0.01, value=0.6, name="p", number_box=True)
    ex = Explorer({"p": s}, readout=lambda p: f"p = {p}")
    row = ex.widget.children[0]
    assert isinstance(row, widgets.HBox) and row.children == (s, s.number_box)


@pytest.mark.parametrize("plain", [widgets.IntSlider(value=0, min=0, max=5), widgets.FloatSlider(value=0.5)])
def test_a_slider_not_made_by_slider_is_refused_with_the_way_to_make_one(plain):
    """One slider factory: its sliders keep values on the page's grid (no echo after Run All) and line up."""
    with pytest.raises(TypeError, match=r"controls\['step'\]: make sliders with slider\(\)"):
        Explorer({"step": plain}, readout=lambda step: f"step {step}")
    made = slider("step", min=0, max=5, step=1, value=0, name="step", integer=True)
    ex = Explorer({"step": made}, readout=lambda step: f"step {step}")
    made.value = 3
    assert ex.readout_text == "step 3"


def test_probability_explorer_artists_follow_the_slider():
    ex = ch02.probability_explorer(Y, T)
    ex.controls["p"].value = 0.9  # as a key press would
    y = set_probability(Y, 2, 0.9)
    assert f"MSE = {format_number(mean_squared_error(y, T))}" in ex.readout_text
    ax_bars, ax_curve = ex.figure.axes
    assert [round(b.get_height(), 12) for b in ax_bars.patches] == [round(v, 12) for v in y]
    marker = ax_curve.lines[-1]
    assert marker.get_xdata()[0] == 0.9
    assert marker.get_ydata()[0] == pytest.approx(mean_squared_error(y, T))


def test_blitting_redraws_only_what_moves():
    ex = ch02.probability_explorer(Y, T)
    blitter = ex._blitter
    assert ex.figure.get_layout_engine().__class__.__name__ == "PlaceHolderLayoutEngine"  # layout frozen
    ax_bars, ax_curve = ex.figure.axes
    animated = set(blitter.animated)
    assert set(ax_bars.patches) <= animated and ax_curve.lines[-1] in animated
    assert ax_curve.lines[0] not in animated  # same zorder but drawn before the marker: stays in the background
    full = blitter.full_draws
    for p in (0.61, 0.62, 0.63):
        ex.controls["p"].value = p
    assert blitter.full_draws == full and blitter.blits >= 3  # no full redraw per move
    # a change to the background (axis limits) falls back to a full draw, then blits again
    ax_curve.set_ylim(0, 0.3)
    ex.controls["p"].value = 0.64
    assert blitter.full_draws == full + 1
    ex.controls["p"].value = 0.65
    assert blitter.full_draws == full + 1


def test_blitted_frame_equals_a_full_draw():
    """What the learner sees after a blit is what a full redraw of the same state shows."""
    ex = ch02.probability_explorer(Y, T)
    canvas = ex.figure.canvas
    for p in (0.2, 0.35, 0.5):
        ex.controls["p"].value = p
    blitted = np.asarray(canvas.get_renderer().buffer_rgba()).copy()
    FigureCanvasAgg.draw(canvas)  # full draw: background + animated artists (drawn after the snapshot)
    full = np.asarray(canvas.get_renderer().buffer_rgba())
    assert np.array_equal(blitted, full)


def test_burst_ends_in_the_state_of_the_final_value():
    ex = ch02.probability_explorer(Y, T)
    pixels = lambda: np.asarray(ex.figure.canvas.get_renderer().buffer_rgba()).copy()  # noqa: E731
    for k in range(10):
        ex.controls["p"].value = round(0.6 + 0.01 * (k + 1), 2)
    burst = (ex.readout_text, pixels())
    ex.controls["p"].value = 0.2  # away, then straight back: the slow path to the same value
    ex.controls["p"].value = 0.7
    assert burst[0] == ex.readout_text
    assert np.array_equal(burst[1], pixels())


# -- drag ---------------------------------------------------------------------------------------------
def fake_event(ax, x, y):
    """A mouse event at data coordinates (x, y) of ``ax``, as the live canvas delivers it."""
    px, py = ax.transData.transform((x, y))
    return SimpleNamespace(inaxes=ax, xdata=x, ydata=y, x=px, y=py)


def test_dragging_the_outlier_moves_the_slider_and_the_losses():
    ex = ch02.outlier_explorer()
    ax_pts = ex.figure.axes[0]
    point = ax_pts.lines[-1]
    ex.drag("press", fake_event(ax_pts, 7, 1.0))  # on the point
    ex.drag("motion", fake_event(ax_pts, 7, 4.02))
    ex.drag("release", fake_event(ax_pts, 7, 4.02))
    assert ex.controls["value"].value == pytest.approx(4.0)  # snapped to the slider's step 0.05
    assert point.get_ydata()[0] == pytest.approx(4.0)
    data = np.append(ch02.OUTLIER_DATA[:-1], 4.0)
    pred = np.ones(8)
    assert f"MSE = {format_number(mean_squared_error(pred, data))}" in ex.readout_text
    assert f"MAE = {format_number(mean_absolute_error(pred, data))}" in ex.readout_text
    assert f"Huber = {format_number(huber_loss(pred, data))}" in ex.readout_text


def test_drag_needs_a_press_on_the_point_and_stays_in_range():
    ex = ch02.outlier_explorer()
    ax_pts = ex.figure.axes[0]
    ex.drag("press", fake_event(ax_pts, 2, 5.0))  # far from the point: no drag
    ex.drag("motion", fake_event(ax_pts, 7, 3.0))
    assert ex.controls["value"].value == 1.0
    ex.drag("press", fake_event(ax_pts, 7, 1.0))
    ex.drag("motion", fake_event(ax_pts, 7, 9.0))  # beyond max: clipped
    assert ex.controls["value"].value == 6.0
    ex.drag("release", None)
    ex.drag("motion", fake_event(ax_pts, 7, 2.0))  # released: no effect
    assert ex.controls["value"].value == 6.0


def test_draggable_bad_arguments():
    fig = live_figure()
    ax = fig.subplots()
    (line,) = ax.plot([0], [0])
    s = make_slider()
    with pytest.raises(ValueError, match="axis must be 'x' or 'y'"):
        draggable(fig, line, s, axis="z")
    from matplotlib.lines import Line2D

    with pytest.raises(TypeError, match="artist must be a matplotlib artist already placed"):
        draggable(fig, Line2D([0], [0]), s)


def test_values_set_by_code_are_the_pages_own_values():
    """After Run All the page echoed −0.49999999999999956 for a −0.5 set by code (issue 13): the
    kernel now sets the page's own float, which the page snaps to itself, so it has nothing to send back."""
    from helpers.live.explorer import page_value

    assert page_value(-0.5, -3.0, 3.0, 0.1) == -0.49999999999999956  # as the browser sent it
    assert page_value(1.5, -3.0, 3.0, 0.1) == 1.5
    s = slider("x", min=-3.0, max=3.0, step=0.1, value=-0.5, name="x")
    assert s.value == -0.49999999999999956
    s.value = 9.0
    assert s.value == 3.0
    for lo, hi, step in [(-3, 3, 0.1), (-1, 5, 0.05), (-4, 6, 0.05), (0, 1, 0.01), (0.01, 1.1, 0.01), (1, 150, 1)]:
        for i in range(round((hi - lo) / step) + 1):
            v = page_value(lo + i * step, lo, hi, step)
            assert page_value(v, lo, hi, step) == v, (lo, hi, step, i)
            assert abs(v - (lo + i * step)) < 1e-9


def test_an_explorer_shows_a_static_picture_where_no_kernel_runs():
    """GitHub, nbconvert and a fresh Lab cannot show a widget: the output also carries the figure as
    it is (image/png, its last frame), with the readout above it and the figure's alt text."""
    import base64
    import io

    from matplotlib.image import imread

    from helpers.explorers.ch00 import square_explorer

    ex = square_explorer(2.0)
    bundle, metadata = ex._repr_mimebundle_()
    assert metadata == {"course-explorer": "square"}
    assert "application/vnd.jupyter.widget-view+json" in bundle  # live where a kernel runs
    picture = imread(io.BytesIO(base64.b64decode(bundle["image/png"])), format="png")
    np.testing.assert_array_equal((picture * 255).round().astype(np.uint8), ex.figure.canvas._last_sent)
    assert "x² = 4" in bundle["text/plain"] and "VBox" not in bundle["text/plain"]
    html_ = bundle["text/html"]
    assert html_.count("<img ") == 1 and 'alt="' in html_ and "max-width:100%" in html_
    assert "x² = 4" in html_


def test_the_recorder_keeps_an_explorers_picture_not_its_widget_view():
    import sys
    from pathlib import Path

    import nbformat

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import record

    from helpers.explorers.ch00 import square_explorer

    bundle, metadata = square_explorer()._repr_mimebundle_()
    other = {"application/vnd.jupyter.widget-view+json": {"model_id": "x"}, "text/plain": "VBox()"}
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "ex",
            outputs=[
                nbformat.v4.new_output("display_data", data=bundle, metadata=metadata),
                nbformat.v4.new_output("display_data", data=other),
            ],
        )
    ]
    record.keep_static_pictures(nb)
    kept, untouched = nb.cells[0].outputs
    assert sorted(kept.data) == ["image/png", "text/html", "text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in untouched.data  # (not an explorer: left alone)


#: Modules of helpers/ that may use the live layer: the large-text shim, the quiz and glossary (widgets of their own).
USES_LIVE_LAYER = {"widgets.py", "quiz.py", "glossary.py", "__init__.py"}


def test_teaching_modules_never_import_the_live_layer():
    """The maths a chapter computes lives in teaching modules (helpers/fit.py, losses.py, network.py, graph.py …);
    explorers import it, never the reverse; the live layer sits in helpers/live/ and imports no explorer."""
    import re
    from pathlib import Path

    helpers_dir = Path(__file__).resolve().parents[1] / "helpers"
    live = re.compile(r"helpers\.(live|widgets|canvas|readout|numberbox|explorers)\b|from helpers import .*\blive\b")
    teaching = [p for p in sorted(helpers_dir.glob("*.py")) if p.name not in USES_LIVE_LAYER]
    assert len(teaching) > 10  # (the glob found the teaching modules)
    for path in teaching:
        assert not live.search(path.read_text(encoding="utf-8")), path.name
    for name in ("canvas", "readout", "numberbox"):  # moved into the live layer, not beside the teaching modules
        assert not (helpers_dir / f"{name}.py").exists(), name
    for path in sorted((helpers_dir / "live").glob("*.py")):
        assert "from helpers.explorers" not in path.read_text(encoding="utf-8"), path.name
    assert "not for learners' reading" in (helpers_dir / "live" / "__init__.py").read_text(encoding="utf-8")
    import helpers

    assert "not for learners'" in helpers.__doc__ and "\nlive " in helpers.__doc__


#: The live layer's size budget (issue 13): Python and JS of helpers/live/, vendored code excluded.
LIVE_LAYER_BUDGET = 1300
VENDORED = {"canvas_inflate.js"}


def live_layer_lines() -> dict[str, int]:
    """Lines of each file of the live layer (helpers/live/*.py and *.js, vendored files left out)."""
    from pathlib import Path

    live = Path(__file__).resolve().parents[1] / "helpers" / "live"
    files = [p for p in sorted(live.iterdir()) if p.suffix in (".py", ".js") and p.name not in VENDORED]
    return {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in files}


def test_live_layer_lines_are_counted():
    lines = live_layer_lines()
    assert {"explorer.py", "canvas.py", "canvas.js", "readout.py", "readout.js"} <= set(lines)
    assert "canvas_inflate.js" not in lines and all(n > 0 for n in lines.values())


def test_live_layer_fits_its_budget():
    lines = live_layer_lines()
    assert sum(lines.values()) <= LIVE_LAYER_BUDGET, lines


def test_js_is_bundled_from_es_modules_without_globals():
    """Each widget's JS is one ES module made from import/export modules: no import left, no page globals."""
    import re

    from helpers.live.bundle import bundle
    from helpers.live.canvas import FigureCanvas
    from helpers.live.numberbox import NumberBox
    from helpers.live.readout import LiveReadout

    for widget, entry in ((FigureCanvas, "canvas.js"), (LiveReadout, "readout.js"), (NumberBox, "numberbox.js")):
        js = widget._esm
        assert js == bundle(entry)
        assert not re.search(r"^import ", js, re.M), entry
        assert len(re.findall(r"^export ", js, re.M)) == 1 and "export default { render }" in js, entry
        assert "window.__" not in js and "globalThis" not in js, entry
    assert "function unzlibSync" in FigureCanvas._esm and "function watchControls" in LiveReadout._esm
    assert "watchControls" not in FigureCanvas._esm  # the value-key protocol: once, in controls.js


def test_bundle_resolves_imports_in_order_and_names_a_missing_module(tmp_path, monkeypatch):
    from helpers.live import bundle as bundle_module

    (tmp_path / "a.js").write_text("export const a = 1;\n", encoding="utf-8")
    (tmp_path / "b.js").write_text('import { a } from "./a.js";\nexport function b() { return a; }\n', encoding="utf-8")
    (tmp_path / "main.js").write_text(
        'import { a } from "./a.js";\nimport { b } from "./b.js";\nexport default { a, b };\n', encoding="utf-8"
    )
    (tmp_path / "bad.js").write_text('import { x } from "./missing.js";\n', encoding="utf-8")
    monkeypatch.setattr(bundle_module, "_HERE", tmp_path)
    assert bundle_module.bundle("main.js") == "const a = 1;\n\nfunction b() { return a; }\n\nexport default { a, b };\n"
    with pytest.raises(ValueError, match=r"bad.js: imports ./missing.js"):
        bundle_module.bundle("bad.js")


def test_one_slider_factory_makes_integer_sliders_too():
    s = slider("step", min=0, max=6, step=1, value=2, name="step", integer=True)
    assert isinstance(s, widgets.IntSlider) and (s.min, s.max, s.value) == (0, 6, 2)
    assert {"course-slider", "course-slider-step"} <= set(s._dom_classes)
    one = slider("mistake", min=1, max=1, step=1, value=1, name="mistake", integer=True)  # one mistake to browse
    assert (one.min, one.max, one.value) == (1, 1, 1)
    with pytest.raises(ValueError, match="integer=True needs whole min, max, step and value"):
        slider("step", min=0, max=6, step=0.5, value=2, name="step", integer=True)
    with pytest.raises(ValueError, match="min must be less than max"):
        slider("x", min=1, max=1, step=1, value=1, name="x")
