"""Lists without codes: names followed by role lines ('Toteuttajat: A, B ja
C. Kustannusarvio 1 260 121 €.'), 'Nimi:' followed by its implementers on
the next line(s), and 'Nimi: A, B' on one line.
"""
from __future__ import annotations

from typing import Optional

from hankeverkko.loaders.theme_review.entries import Entry, Part
from hankeverkko.loaders.theme_review.lists.lines import DIGITS_ONLY_RE, continues, list_goes_on, name_colon_orgs
from hankeverkko.loaders.theme_review.lists.state import ListState

__all__ = ["text_run", "split_gap", "colon_entries"]


def text_run(state: ListState, i: int) -> int:
    items = state.items
    end = state.run_end(i)
    run = list(range(i, end))
    markers = [k for k in run if items[k].kind in ("role", "marker")]
    if not markers:
        colon_entries(state, run)
        return end
    current: Optional[Entry] = state.entries[-1] if state.entries and state.entries[-1].parts and \
        not state.entries[-1].code and i > 0 and items[i - 1].kind not in ("sisalto", "table") else None
    pos = i
    for m in markers:
        it = items[m]
        gap = [k for k in range(pos, m) if items[k].kind == "text"]
        urls_between = [k for k in range(pos, m) if items[k].kind == "url"]
        for k in urls_between:
            state.attach_url(k, current)
        if it.kind == "role" and current is not None and not gap and \
                it.role not in {p.role for p in current.parts}:
            current.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
            current.used.add(it.no)
            pos = m + 1
            continue
        needs_name = not it.prefix or not it.prefix[0].isupper()
        cont, name = split_gap(state, current, gap, max(urls_between, default=-1), needs_name)
        for k in cont:
            current.parts[-1].lines.append((items[k].no, items[k].text))
            current.used.add(items[k].no)
        # a sub-heading ending in ':' may stand before the name
        colon = max((n for n, k in enumerate(name) if items[k].text.endswith(":")), default=None)
        if colon is not None and (colon < len(name) - 1 or it.prefix):
            state.heading([items[k] for k in name[:colon + 1]])
            name = name[colon + 1:]
        elif name and not needs_name and current is not None and not current.terminated():
            for k in name:                  # after a URL, before an entry that names itself
                state.skip(items[k], "text between list entries, not part of an entry")
            name = []
        if needs_name and not name:
            state.skip(it, "implementer line without a project name before it")
            pos = m + 1
            continue
        e = state.new_entry(items[name[0]].no if name else it.no)
        e.name_lines = [items[k].text for k in name] + ([it.prefix] if it.prefix else [])
        e.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
        e.used.update([items[k].no for k in name] + [it.no])
        current = e
        pos = m + 1
    # after the last marker: continuation lines, then whatever is left
    tail = [k for k in range(pos, end) if items[k].kind == "text"]
    prev = current.part_text() if current else ""
    while tail and current is not None and not items[tail[0]].text.endswith(":") and (
            (not current.terminated() and continues(prev, items[tail[0]].text))
            or DIGITS_ONLY_RE.match(items[tail[0]].text)) and \
            not any(items[k].kind == "url" for k in range(pos, tail[0])):
        current.parts[-1].lines.append((items[tail[0]].no, items[tail[0]].text))
        current.used.add(items[tail[0]].no)
        prev = f"{prev} {items[tail[0]].text}"
        tail.pop(0)
    for k in range(pos, end):
        if items[k].kind == "url":
            state.attach_url(k, current)
    if tail:
        colon_entries(state, tail)
    for e in state.entries:
        state.used |= e.used
    return end


def split_gap(state: ListState, current: Optional[Entry], gap: list[int], last_url: int,
               needs_name: bool) -> tuple[list[int], list[int]]:
    """Split the text lines between two implementer labels into the lines
    that continue the current entry's implementers and the next entry's name.

    After 'Kustannusarvio ... €' only the estimate's broken-off digits
    continue; a URL ends an implementer list; when the next label line
    carries its own name, nothing before it is a name; otherwise lines
    continue the list while :func:`continues` says so, and a name broken
    over lines starts at its capitalised line.
    """
    items = state.items
    if current is None:
        return [], gap
    if current.terminated():
        k = 0
        while k < len(gap) and DIGITS_ONLY_RE.match(items[gap[k]].text):
            k += 1
        return gap[:k], gap[k:]
    cont = [k for k in gap if k < last_url]
    name = [k for k in gap if k > last_url]
    if not needs_name:
        return (gap, []) if last_url < 0 else (cont, name)
    prev = " ".join([current.part_text()] + [items[k].text for k in cont])
    while len(name) > 1 and continues(prev, items[name[0]].text):
        prev = f"{prev} {items[name[0]].text}"
        cont.append(name.pop(0))
    while cont and cont[-1] > last_url and name and items[name[0]].text[:1].islower():
        name.insert(0, cont.pop())
    return cont, name


def colon_entries(state: ListState, run: list[int]):
    """'Nimi:' followed by implementer lines; anything else is skipped."""
    items = state.items
    texts = [k for k in run if items[k].kind == "text"]
    k = 0
    pending: list[int] = []
    while k < len(texts):
        it = items[texts[k]]
        inline = name_colon_orgs(it.text)
        if it.text.endswith(":"):
            nxt = texts[k + 1] if k + 1 < len(texts) else None
            if nxt is None or items[nxt].text.endswith(":"):
                state.heading([items[p] for p in pending] + [it])
                pending = []
                k += 1
                continue
            e = state.new_entry(items[pending[0]].no if pending else it.no)
            e.name_lines = [items[p].text for p in pending] + [it.text.rstrip(": ")]
            e.colon_orgs = True
            e.used.update([items[p].no for p in pending] + [it.no])
            pending = []
            org_lines = [(items[nxt].no, items[nxt].text)]
            e.used.add(items[nxt].no)
            k += 2
            while k < len(texts) and not items[texts[k]].text.endswith(":") and \
                    continues(" ".join(t for _, t in org_lines), items[texts[k]].text):
                org_lines.append((items[texts[k]].no, items[texts[k]].text))
                e.used.add(items[texts[k]].no)
                k += 1
            e.parts.append(Part("implementer", "toteuttajat", org_lines))
            state.used |= e.used
            continue
        if inline:
            e = state.new_entry(it.no)
            e.name_lines = [items[p].text for p in pending] + [inline.group("name")]
            org_lines = [(it.no, inline.group("orgs"))]
            e.used.update([items[p].no for p in pending] + [it.no])
            k += 1
            # the implementer list may go on over the next lines ('A, B ja' / 'C Oy')
            while k < len(texts) and not items[texts[k]].text.endswith(":") and \
                    not name_colon_orgs(items[texts[k]].text) and \
                    list_goes_on(" ".join(t for _, t in org_lines), items[texts[k]].text):
                org_lines.append((items[texts[k]].no, items[texts[k]].text))
                e.used.add(items[texts[k]].no)
                k += 1
            e.parts.append(Part("implementer", "toteuttajat", org_lines))
            state.used |= e.used
            pending = []
            continue
        pending.append(texts[k])
        k += 1
    for p in pending:
        state.skip(items[p], "text in the project list that is not part of an entry")
