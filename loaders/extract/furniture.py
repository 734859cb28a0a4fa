"""Running headers, footers and page numbers: recognise and drop them.

A page is a list of :class:`PageLine` in reading order, each knowing whether
it sits in the page's top or bottom band (``edge``).  Only edge lines are
ever dropped, and only when they are

* repeated on most pages (compared with digits masked, so "Sivu 3 / 12" and
  "Sivu 4 / 12", or a header carrying the page number, count as one line), or
* a page number: ``3``, ``- 3 -``, ``3/12``, ``3 (12)``, ``Sivu 3``,
  ``Sivu 3 / 12``, ``Page 3 of 12``.  A bare number is dropped only when the
  numbers follow the page count (same offset from the page index on at least
  half of the pages that have one), so a table cell "3" at the foot of a
  page stays.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["PageLine", "drop_furniture", "is_page_number", "mask_digits"]

#: every pattern is anchored and has no nested repetition (linear time)
_PAGE_NUMBER = (
    re.compile(r"[-–—]?\s?\d{1,4}\s?[-–—]?"),
    re.compile(r"\d{1,4}\s?(?:/|\(|of|af|av)\s?\d{1,4}\)?", re.I),
    re.compile(r"(?:sivu|page|sida|s\.|p\.)\s?\d{1,4}(?:\s?(?:/|\(|of|af|av)\s?\d{1,4}\)?)?", re.I),
)
_BARE = re.compile(r"[-–—]?\s?(\d{1,4})\s?[-–—]?")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageLine:
    """One line of a page; ``edge`` is ``"top"``, ``"bottom"`` or ``None``."""
    text: str
    edge: str | None = None


def mask_digits(s: str) -> str:
    """The line as compared across pages: spaces collapsed, digit runs as ``#``."""
    return _DIGITS.sub("#", _SPACES.sub(" ", s).strip()).casefold()


def is_page_number(s: str) -> bool:
    """``True`` for a line that is only a page number (see the module doc)."""
    s = _SPACES.sub(" ", s).strip()
    return len(s) <= 24 and any(p.fullmatch(s) for p in _PAGE_NUMBER)


def _bare_offsets(pages: list[list[PageLine]]) -> Counter:
    offsets: Counter = Counter()
    for index, page in enumerate(pages, start=1):
        seen = set()
        for line in page:
            m = _BARE.fullmatch(line.text.strip()) if line.edge else None
            if m:
                seen.add(int(m.group(1)) - index)
        offsets.update(seen)
    return offsets


def drop_furniture(pages: list[list[PageLine]], share: float = 0.6) -> tuple[list[list[str]], int]:
    """``(pages of kept lines, number of lines dropped)``.  A line is running
    when its masked form is at the same edge on at least ``share`` of the pages
    (and on two pages at least)."""
    counts: Counter = Counter()
    for page in pages:
        counts.update({(line.edge, mask_digits(line.text)) for line in page if line.edge and line.text.strip()})
    need = max(2, share * len(pages))
    offsets = _bare_offsets(pages)
    with_number = sum(1 for page in pages if any(line.edge and _BARE.fullmatch(line.text.strip()) for line in page))
    page_offsets = {o for o, n in offsets.items() if n >= max(1, with_number / 2) and (n >= 2 or len(pages) == 1)}
    kept_pages, dropped = [], 0
    for index, page in enumerate(pages, start=1):
        kept = []
        for line in page:
            text = line.text.strip()
            if line.edge and text:
                bare = _BARE.fullmatch(text)
                if bare:
                    running = int(bare.group(1)) - index in page_offsets
                else:
                    running = counts[(line.edge, mask_digits(text))] >= need or is_page_number(text)
                if running:
                    dropped += 1
                    continue
            kept.append(line.text)
        kept_pages.append(kept)
    return kept_pages, dropped
