"""Choose a loader for a source from its content, not its file name.

Every text loader module exposes:

``KIND``         a short name (``theme-review``, ``tl5-list`` ...)
``DESCRIPTION``  one line for ``--help`` and error messages
``score(lines)`` evidence that the text is of this kind (0 = not this kind)
``load(lines, source)`` -> :class:`hankeverkko.loaders.records.SourceDocument`

Files are turned into lines by :mod:`hankeverkko.loaders.extract` (text in any
common encoding, PDF, saved web pages, Word), so a kind is chosen by what a
document says whatever its format. ``generic`` is the fallback: it scores
only a little, so any specific kind with evidence wins. The spreadsheet loader
is recognised from the file's bytes (XLSX zip or a CSV whose header names
known columns) and reads the path itself.

>>> scores([])[:2]
(('theme-review', 0), ('tl5-list', 0))
"""
from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from types import ModuleType
from typing import Optional

from hankeverkko.loaders.errors import NothingOfKind, SourceReadError, UnknownDocumentKind
from hankeverkko.loaders.extract import extract
from hankeverkko.loaders.records import Reading, SourceDocument
from hankeverkko.loaders.text import Line, read_lines

__all__ = ["TEXT_LOADERS", "FALLBACK", "kinds", "describe_kinds", "scores", "detect", "read_source",
           "load_file"]

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
#: the kind for text that no specific kind fits
FALLBACK = "generic"
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


def read_source(path: Path) -> tuple[list[Line], Reading]:
    """The file's numbered lines and how they were read (format, encoding,
    notes); a file that cannot be read raises :class:`SourceReadError`
    with one line naming the file and the reason."""
    got = extract(path)
    if not got.text.strip():
        raise SourceReadError(f"{path}: no text in this {got.format} file")
    return read_lines(got.text), Reading(got.format, got.encoding, tuple(got.notes))


def _is_spreadsheet(path: Path) -> bool:
    from hankeverkko.loaders import spreadsheet
    return spreadsheet.looks_like_spreadsheet(path)


def scores(lines: list[Line]) -> tuple[tuple[str, int], ...]:
    """Every text kind's score for ``lines``, best first (ties in table order)."""
    found = [(kind, _module(kind).score(lines)) for kind in TEXT_LOADERS]
    order = {k: i for i, k in enumerate(TEXT_LOADERS)}
    return tuple(sorted(found, key=lambda ks: (-ks[1], order[ks[0]])))


def detect(lines: list[Line]) -> Optional[str]:
    """The text kind with the most evidence, or ``None`` when none has any."""
    kind, best = scores(lines)[0]
    return kind if best > 0 else None


def load_file(path: str | Path, kind: Optional[str] = None) -> SourceDocument:
    """Load one source with the loader ``kind`` (detected from content when ``None``).

    A forced ``kind`` whose loader sees no evidence of its kind in the file
    raises :class:`NothingOfKind` naming the kind the file looks like, instead
    of inventing records."""
    path = Path(path)
    if kind is not None and kind not in kinds():
        raise UnknownDocumentKind(f"unknown kind {kind!r}; supported kinds:\n{describe_kinds()}")
    if kind == SPREADSHEET or (kind is None and _is_spreadsheet(path)):
        from hankeverkko.loaders import spreadsheet
        doc = spreadsheet.load_path(path)
        doc.reading = dataclasses.replace(doc.reading, format="xlsx" if path.suffix.lower() == ".xlsx" else
                                          doc.reading.format, forced=kind is not None)
        return doc
    numbered, reading = read_source(path)
    ranked = scores(numbered)
    reading = dataclasses.replace(reading, scores=ranked, forced=kind is not None)
    if kind is None:
        kind = ranked[0][0] if ranked[0][1] > 0 else None
        if kind is None:
            raise UnknownDocumentKind(
                f"{path}: no known layout, and nothing the generic reader keeps (no project code, "
                "valid Y-tunnus or implementer stated with a cue phrase)")
    elif dict(ranked)[kind] == 0:
        looks = ranked[0][0] if ranked[0][1] > 0 else None
        raise NothingOfKind(f"nothing of kind {kind} in {path}; " +
                            (f"it looks like {looks}" if looks else "it looks like no known kind"))
    doc = _module(kind).load(numbered, path.name)
    doc.reading = reading
    return doc
