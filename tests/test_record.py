"""`make record` is repeatable: the same source gives the same recorded bytes."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import record  # noqa: E402


def _texts(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                out.append(o.text)
            elif "data" in o:
                for mime, value in o.data.items():
                    if not mime.startswith("image/"):
                        out.append(re.sub(r"[0-9a-f]{32}", "MODEL_ID", str(value)))
    return out


def test_stream_chunks_are_merged_per_stream():
    s = nbformat.v4.new_output
    outputs = [
        s("stream", name="stdout", text="a"),
        s("stream", name="stdout", text="b\n"),
        s("stream", name="stderr", text="warn\n"),
        s("display_data", data={"text/plain": "x"}),
        s("stream", name="stdout", text="c"),
    ]
    merged = record.coalesce_streams(outputs)
    assert [(o.output_type, o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "ab\n"),
        ("stream", "stderr", "warn\n"),
        ("display_data", None, None),
        ("stream", "stdout", "c"),
    ]


def _record(monkeypatch, notebooks: Path, *args: str) -> bytes:
    monkeypatch.setattr(record, "NOTEBOOKS", notebooks)
    assert record.main([*args, "00"]) == 0
    return (notebooks / "00_start_here.ipynb").read_bytes()


def test_recording_a_chapter_twice_gives_identical_bytes(tmp_path, monkeypatch):
    # chapter 00 has widgets (model ids), a path and versions in its output, and two identical nav cells;
    # the English edition only (the one read here): each recording is a kernel run
    first = _record(monkeypatch, tmp_path, "--lang", "en")
    text = first.decode("utf-8")
    nb = nbformat.reads(text, as_version=4)
    ids = [cell.id for cell in nb.cells]
    assert len(set(ids)) == len(ids) and ids[-1] == ids[0] + "-2"  # the nav bar at both ends
    models = re.findall(r'"model_id": "([0-9a-f]{32})"', text)
    assert models and models[0] == hashlib.sha256(b"00_start_here:0").hexdigest()[:32]
    assert "\r\n" not in text and _texts(nb)
    here = f"at {sys.executable}"
    assert here in text
    # recorded again over a copy recorded on another machine (another path): byte for byte that copy, so
    # every other byte is the first recording's and, while the cell is unchanged, the other path stays
    elsewhere = text.replace(here, "at /home/someone/course/.venv/bin/python")
    (tmp_path / "00_start_here.ipynb").write_bytes(elsewhere.encode("utf-8"))
    assert _record(monkeypatch, tmp_path, "--lang", "en").decode("utf-8") == elsewhere


def _cell(source: str, *outputs) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source, outputs=list(outputs))
    cell.id = record.hashlib.sha256(source.encode()).hexdigest()[:12]
    return cell


def test_only_unchanged_ignored_text_keeps_its_recording():
    out = nbformat.v4.new_output
    old = nbformat.v4.new_notebook(
        cells=[
            _cell("# NBVAL_IGNORE_OUTPUT\nprint(t)", out("stream", name="stdout", text="took 1.45 s\n")),
            _cell("print(x)", out("stream", name="stdout", text="old x\n")),
            _cell("# NBVAL_IGNORE_OUTPUT\nshow()", out("display_data", data={"image/png": "old"})),
        ]
    )
    new = nbformat.v4.new_notebook(
        cells=[
            _cell("# NBVAL_IGNORE_OUTPUT\nprint(t)", out("stream", name="stdout", text="took 1.11 s\n")),
            _cell("print(x)", out("stream", name="stdout", text="new x\n")),
            _cell("# NBVAL_IGNORE_OUTPUT\nshow()", out("display_data", data={"image/png": "new"})),
        ]
    )
    new.cells[2].metadata["tags"] = ["nbval-ignore-output"]
    record.keep_machine_dependent_text(new, old)
    assert [o.get("text", o.get("data")) for c in new.cells for o in c.outputs] == [
        "took 1.45 s\n",  # ignored by nbval, text only, same source: the previous recording
        "new x\n",  # checked by nbval: always this run's
        {"image/png": "new"},  # a picture: always this run's
    ]


def test_widget_model_ids_are_numbered_in_order():
    view = "application/vnd.jupyter.widget-view+json"
    out = nbformat.v4.new_output
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "w",
                outputs=[
                    out("display_data", data={view: {"model_id": "a" * 32}, "text/plain": "Box(" + "a" * 32 + ")"}),
                    out("display_data", data={view: {"model_id": "b" * 32}}),
                ],
            ),
            nbformat.v4.new_code_cell("w", outputs=[out("display_data", data={view: {"model_id": "a" * 32}})]),
        ]
    )
    record.number_widget_models(nb, "99_x")
    got = [o.data[view]["model_id"] for c in nb.cells for o in c.outputs]
    expected = [hashlib.sha256(f"99_x:{i}".encode()).hexdigest()[:32] for i in (0, 1, 0)]
    assert got == expected and nb.cells[0].outputs[0].data["text/plain"] == f"Box({expected[0]})"
