"""`make record` is repeatable: the same source gives the same recorded text."""

from __future__ import annotations

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


def test_recording_twice_gives_identical_text():
    source = ROOT / "chapters" / "02_sse_mse.py"
    first = record.execute(record.build(source), ROOT / "notebooks")
    second = record.execute(record.build(source), ROOT / "notebooks")
    assert _texts(first) and _texts(first) == _texts(second)


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
