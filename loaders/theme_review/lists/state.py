"""What the reading of one project list keeps as it goes: the list items, the
entries read so far, the current sub-heading, whether a 'Koordinaatiohanke'
heading is pending, the lines used and the lines skipped.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.records import Skipped
from hankeverkko.loaders.text import join_broken
from hankeverkko.loaders.theme_review.entries import Entry
from hankeverkko.loaders.theme_review.lists.items import Item
from hankeverkko.loaders.theme_review.lists.lines import looks_like_entry

__all__ = ["ListState"]

_COORD_HEADING_RE = re.compile(r"koordinaatiohanke|koordinoiva hanke", re.I)


class ListState:
    def __init__(self, items: list[Item], source: str):
        self.items, self.source = items, source
        self.entries: list[Entry] = []
        self.section: Optional[str] = None
        self.pending_coord = False
        self.used: set[int] = set()
        self.skipped: list[Skipped] = []
        self.table_role = "applicant"

    # -- helpers
    def skip(self, it: Item, reason: str):
        self.skipped.append(Skipped(self.source, it.no, it.text, reason, looks_like_entry(it.text)))

    def new_entry(self, first: int, coordination: bool = False) -> Entry:
        e = Entry(first=first, section=self.section, coordination=self.pending_coord or coordination)
        self.pending_coord = False
        self.entries.append(e)
        return e

    def heading(self, lines: list[Item]):
        text = join_broken(it.text for it in lines).rstrip(" :")
        if _COORD_HEADING_RE.search(text) and len(text.split()) <= 3:
            self.pending_coord = True
        elif len(text.split()) <= 8:            # a sub-heading, not an introductory sentence
            self.section = text
        self.used.update(it.no for it in lines)

    def attach_url(self, idx: int, entry: Optional[Entry]):
        """A lone URL right after an entry belongs to it; runs of URLs are the
        PDF's link annotations and are handled by the theme loader."""
        it = self.items[idx]
        near = [self.items[k].kind for k in (idx - 1, idx + 1) if 0 <= k < len(self.items)]
        if entry is not None and "url" not in near and not it.footer:
            entry.urls.append(it.text)
            entry.used.add(it.no)

    def run_end(self, i: int, after_entry: bool = False) -> int:
        """End of the run from ``i``: the next code, sub-heading or table, or a
        labelled name ('Hanke: Nimi'), which may open the run only when it is
        not the line right after another entry (``after_entry``)."""
        j = i
        while j < len(self.items) and self.items[j].kind not in ("code", "sisalto", "table") \
                and not (self.items[j].named and (j > i or after_entry)):
            j += 1
        return j
