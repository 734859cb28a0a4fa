"""Reading one theme's project list: entries in each layout, then projects.

:func:`read_entries` walks the list items and hands each run to the reader of
its layout (:mod:`.coded`, :mod:`.table`, :mod:`.uncoded`); :func:`parse_list`
turns the entries into projects and reports every line it did not use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.records import Project, Skipped
from hankeverkko.loaders.text import Line, normalise_space
from hankeverkko.loaders.theme_review.entries import merge_groups, to_project
from hankeverkko.loaders.theme_review.lists.coded import code_entry
from hankeverkko.loaders.theme_review.lists.items import read_items
from hankeverkko.loaders.theme_review.lists.lines import looks_like_entry
from hankeverkko.loaders.theme_review.lists.state import ListState
from hankeverkko.loaders.theme_review.lists.table import table_row
from hankeverkko.loaders.theme_review.lists.uncoded import text_run

__all__ = ["ListResult", "read_entries", "parse_list"]


@dataclass
class ListResult:
    projects: list[Project]
    skipped: list[Skipped]
    used: frozenset[int]          # numbers of the list lines that went into records

    @property
    def used_lines(self) -> int:
        return len(self.used)


def read_entries(state: ListState):
    """Read every entry of the list, each in the layout its lines are printed in."""
    i, table = 0, False
    items = state.items
    while i < len(items):
        it = items[i]
        if it.kind == "url":
            i += 1
            continue
        if it.kind == "sisalto":
            state.section = normalise_space(it.rest) or None
            state.used.add(it.no)
            i += 1
            continue
        if it.kind == "table":
            j = i
            while j < len(items) and j - i < 8 and items[j].kind in ("table", "text", "role"):
                state.used.add(items[j].no)
                j += 1
                if re.search(r"\b(?:hakija|toteuttaja)\b", items[j - 1].text, re.I):
                    break
            header = " ".join(items[k].text for k in range(i, j)).lower()
            state.table_role = "applicant" if "hakija" in header else "implementer"
            table, i = True, j
            continue
        if it.kind == "code":
            i = table_row(state, i) if table else code_entry(state, i)
            continue
        i = text_run(state, i)


def parse_list(lines: list[Line], source: str, theme: Optional[str] = None,
               programme: Optional[str] = None, furniture: frozenset[str] = frozenset()) -> ListResult:
    """Read the project list of one theme (the lines after the section-7 heading).

    ``furniture`` holds line texts known to be page furniture (footer lines
    the document repeats on every page)."""
    state = ListState(read_items(lines, furniture), source)
    read_entries(state)
    projects: list[Project] = []
    for e in state.entries:
        p = to_project(e, source, theme, programme)
        if p.name:
            projects.append(p)
            continue
        state.used -= e.used
    projects = merge_groups(projects)
    for it in state.items:
        if it.more and it.no in state.used:
            state.used.update(it.more)
    skipped = list(state.skipped)
    reported = {s.line for s in skipped}
    for it in state.items:
        if it.kind != "url" and it.no not in state.used and it.no not in reported:
            reason = ("an entry without a project name" if it.kind in ("code", "role", "marker")
                      else "not read as part of a project entry")
            skipped.append(Skipped(source, it.no, it.text, reason, looks_like_entry(it.text)))
    return ListResult(projects, sorted(skipped, key=lambda s: s.line), frozenset(state.used))
