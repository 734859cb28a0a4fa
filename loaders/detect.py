"""Choose a loader for a source from its content, not its file name.

Every text loader module exposes:

``KIND``         a short name (``theme-review``, ``tl5-list`` ...)
``DESCRIPTION``  one line for ``--help`` and error messages
``score(lines)`` evidence that the text is of this kind (0 = not this kind)
``load(lines, source)`` -> :class:`loaders.records.SourceDocument`

The spreadsheet loader is recognised from the file's bytes (XLSX zip or a
CSV whose header names known columns) and reads the path itself.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Optional

from hankeverkko.loaders.errors import SourceReadError, UnknownDocumentKind
from hankeverkko.loaders.records import SourceDocument
from hankeverkko.loaders.text import Line, read_lines

__all__ = ["TEXT_LOADERS", "kinds", "describe_kinds", "detect", "load_file"]

#: kind -> module name; order breaks ties
TEXT_LOADERS = {
    "theme-review": "hankeverkko.loaders.theme_review",
    "tl5-list": "hankeverkko.loaders.tl5_list",
    "programme-guide": "hankeverkko.loaders.programme_guide",
    "project-plan": "hankeverkko.loaders.project_plan",
    "project-card": "hankeverkko.loaders.project_card",
    "decision-form": "hankeverkko.loaders.decision_form",
    "generic": "hankeverkko.loaders.generic",
}
SPREADSHEET = "spreadsheet"


def _module(kind: str) -> ModuleType:
    return importlib.import_module(TEXT_LOADERS[kind])


def kinds() -> list[str]:
    """Every kind ``--kind`` accepts."""
    return [*TEXT_LOADERS, SPREADSHEET]


def describe_kinds() -> str:
    rows = [f"  {k}: {_module(k).DESCRIPTION}" for k in TEXT_LOADERS]
    rows.append(f"  {SPREADSHEET}: CSV or XLSX, one row per project-organisation participation")
    return "\n".join(rows)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceReadError(f"{path}: no such file") from None
    except OSError as e:
        raise SourceReadError(f"{path}: cannot read ({e.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceReadError(
            f"{path}: not UTF-8 text (byte {e.start}); convert the PDF's text to UTF-8, "
            "or give a .csv/.xlsx spreadsheet") from None


def _is_spreadsheet(path: Path) -> bool:
    from hankeverkko.loaders import spreadsheet
    return spreadsheet.looks_like_spreadsheet(path)


def detect(lines: list[Line]) -> Optional[str]:
    """The text kind with the most evidence, or ``None`` when none has any."""
    best, best_score = None, 0
    for kind in TEXT_LOADERS:
        s = _module(kind).score(lines)
        if s > best_score:
            best, best_score = kind, s
    return best


def load_file(path: str | Path, kind: Optional[str] = None) -> SourceDocument:
    """Load one source with the loader ``kind`` (detected from content when ``None``)."""
    path = Path(path)
    if kind is not None and kind not in kinds():
        raise UnknownDocumentKind(f"unknown kind {kind!r}; supported kinds:\n{describe_kinds()}")
    if kind == SPREADSHEET or (kind is None and _is_spreadsheet(path)):
        from hankeverkko.loaders import spreadsheet
        return spreadsheet.load_path(path)
    lines = read_text(path)
    numbered = read_lines(lines)
    if kind is None:
        kind = detect(numbered)
        if kind is None:
            raise UnknownDocumentKind(
                f"{path}: not a document of any kind hankeverkko reads. Supported kinds:\n"
                f"{describe_kinds()}\nUse --kind to force one.")
    return _module(kind).load(numbered, path.name)
