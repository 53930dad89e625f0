"""The page's half of the live layer: ES modules here, bundled into one module per widget.

:func:`bundle` puts each ``import { a } from "./other.js";`` module (once, dependencies first) before
its importer, drops the imports and their ``export`` keywords; nothing lands on ``window``.
"""

from __future__ import annotations

import re
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w.]+\.js)";\n', re.M)


def bundle(entry: str) -> str:
    """The ES module ``entry`` (a file name in helpers/live/) with the modules it imports, as one module."""
    done: list[str] = []
    parts: list[str] = []

    def add(name: str, top: bool) -> None:
        if name in done:
            return
        done.append(name)
        path = _HERE / name
        if not path.is_file():
            raise ValueError(f"{entry}: imports ./{name}, which is not in {_HERE}")
        source = path.read_text(encoding="utf-8")
        for dependency in _IMPORT.findall(source):
            add(dependency, False)
        source = _IMPORT.sub("", source)
        parts.append(source if top else re.sub(r"^export (?!default)", "", source, flags=re.M))

    add(entry, True)
    return "\n".join(parts)
