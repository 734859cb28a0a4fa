"""Numbered lines of PDF text and whitespace.

:class:`Line` is a line of the extracted text with its 1-based number (every
record's span points back to these numbers); :func:`normalise_space`
collapses the many spaces PDF extraction produces.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Iterator

__all__ = ["Line", "read_lines", "normalise_space", "numbered"]


# A PDF text line together with its 1-based line number.
@dataclass(frozen=True)
class Line:
    no: int
    text: str

    @property
    def clean(self) -> str:
        return normalise_space(self.text)


def read_lines(text: str) -> list[Line]:
    """Split document text into numbered lines (1-based), keeping empties."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")


def normalise_space(s: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) and trim."""
    return _SPACE_RE.sub(" ", s).strip()


def numbered(lines: Iterable[Line]) -> Iterator[tuple[int, str]]:
    for ln in lines:
        yield ln.no, ln.clean
