"""Whole-document helpers for prose loaders: line count, running headers and footers, contact scrubbing."""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE, Line, normalise_space, strip_contact_details

__all__ = ["line_count", "running_furniture", "scrub_contacts"]


def line_count(lines: Sequence[Line]) -> int:
    """Lines in the file as ``wc -l`` counts them (no phantom line after the last newline).

    >>> line_count([Line(1, "a"), Line(2, "b"), Line(3, "")])
    2
    """
    return len(lines) - (1 if lines and lines[-1].text == "" else 0)


_PAGE_OF_RE = re.compile(r"(?:^|\s)(?:sivu\s+)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3})\s*$", re.I)


def running_furniture(lines: Sequence[Line]) -> set[int]:
    """Line numbers of running headers and footers: a line ending in a page count
    ('Alfa-raportti 2099   3 (7)', 'Sivu 3/7') whose text without it repeats
    on several pages, or a bare page count.

    >>> running_furniture([Line(1, "Alfa – ABC    2 (7)"), Line(2, "Teksti 2 (7)"), Line(3, "Alfa – ABC  5 (7)"),
    ...                    Line(4, "Sivu 6/7")])
    {1, 3, 4}
    """
    keyed: dict[str, list[int]] = {}
    out: set[int] = set()
    for ln in lines:
        t = normalise_space(ln.text)
        m = _PAGE_OF_RE.search(t)
        if not m:
            continue
        head = t[:m.start()].strip()
        if not head or re.fullmatch(r"sivu", head, re.I):
            out.add(ln.no)
        else:
            keyed.setdefault(head.casefold(), []).append(ln.no)
    for nos in keyed.values():
        if len(nos) >= 2:
            out.update(nos)
    return out


_KEEP = ("urls", "code", "business_id", "number", "path", "source", "parent")


def _scrub(value):
    if isinstance(value, str):
        return strip_contact_details(value) if EMAIL_RE.search(value) or PHONE_RE.search(value) else value
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.name not in _KEEP and not isinstance(getattr(value, f.name), (int, type(None)))}
        changes = {k: v for k, v in changes.items() if v is not getattr(value, k) and v != getattr(value, k)}
        return dataclasses.replace(value, **changes) if changes else value
    return value


def scrub_contacts(doc):
    """Remove any e-mail address or phone number from every text field of a document's records.

    >>> from hankeverkko.loaders.records import SourceDocument, OrgMention, Span
    >>> d = SourceDocument("x", "k", organisations=[OrgMention("Alfa ry", Span("x", 1, 1),
    ...                    role="yhteys alfa@example.fi, 040 1234567")])
    >>> scrub_contacts(d).organisations[0].role
    'yhteys'
    """
    for f in dataclasses.fields(doc):
        v = getattr(doc, f.name)
        if isinstance(v, list):
            setattr(doc, f.name, [_scrub(x) for x in v])
    return doc
