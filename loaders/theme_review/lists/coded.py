"""Entries that open with an EURA code: 'R-19001 ALFA 1.9.2024 – 31.8.2026',
'1. S90006 Nimi', 'S1 Nimi: Org', with the implementer lines that follow and
the sub-project rows under a group header that names no implementer.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.text import PERIOD_RE, join_broken, looks_like_org
from hankeverkko.loaders.theme_review.entries import ROLE_SUFFIX_RE, Entry, Part, is_group_code, split_header
from hankeverkko.loaders.theme_review.lists.items import ROLE_INLINE_RE, Item, role_of
from hankeverkko.loaders.theme_review.lists.lines import continues, is_sentence
from hankeverkko.loaders.theme_review.lists.state import ListState

__all__ = ["code_entry", "header_without_orgs", "is_subrow"]


def code_entry(state: ListState, i: int) -> int:
    items = state.items
    head = items[i]
    e = state.new_entry(head.no, head.coordination)
    e.code = head.code
    e.group_code = head.code2 if is_group_code(head.code2) else (head.code if is_group_code(head.code) else None)
    m = ROLE_INLINE_RE.search(head.rest)
    if m:
        e.name_lines.append(head.rest[:m.start()])
        e.parts.append(Part(role_of(m.group("label")), m.group("label"), [(head.no, head.rest[m.end():])]))
    else:
        e.name_lines.append(head.rest)
    e.used.add(head.no)
    end = state.run_end(i + 1, after_entry=True)
    j = i + 1
    while j < end:
        it = items[j]
        if it.kind == "url":
            state.attach_url(j, e)
        elif it.kind == "marker" and e.parts and it.prefix[:1].isupper():
            break            # 'Nimi. Toteuttajat: ...': the next entry, printed without a code
        elif it.kind in ("role", "marker") and (it.kind == "role" or not e.parts):
            if it.kind == "marker":
                e.name_lines.append(it.prefix)
            e.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
            e.used.add(it.no)
        elif e.parts and not continues(e.part_text(), it.text) and \
                any(items[k].kind in ("role", "marker") for k in range(j + 1, end)):
            break            # the name of the next entry, whose implementer line follows
        elif it.kind == "text" and is_sentence(it.text) and \
                (e.parts or split_header(join_broken(e.name_lines))[1]) and \
                not re.search(r"(?:,|\bja|\bsekä|-|/|&)$", (e.part_text() or join_broken(e.name_lines)).rstrip()):
            break            # a sentence after a complete entry ('Hankkeet käynnistyvät syksyllä.')
        elif e.parts and it.kind == "text" and PERIOD_RE.match(it.text):
            e.name_lines.append(it.text)      # 'Hakija: X' / '1.1.2030–31.12.2031, kustannusarvio 640 000 €'
            e.used.add(it.no)
        elif e.parts:
            e.parts[-1].lines.append((it.no, it.text))
            e.used.add(it.no)
        elif len(e.name_lines) == 1 and not re.search(r"[,:/]", head.rest) and it.text[:1].isupper() \
                and looks_like_org(it.text, acronyms=False) and not PERIOD_RE.search(it.text):
            e.parts.append(Part("implementer", "toteuttajat", [(it.no, it.text)]))   # 'S1 Nimi' / 'Alfa Oy'
            e.used.add(it.no)
        else:
            e.name_lines.append(it.text)
            e.used.add(it.no)
        j += 1
    # sub-project rows under a group header that names no implementer
    if not e.parts and header_without_orgs(e):
        while j < len(items) and items[j].kind == "code" and is_subrow(items[j]):
            sub_end = state.run_end(j + 1, after_entry=True)
            if any(items[k].kind in ("role", "marker") for k in range(j + 1, sub_end)):
                break                  # a project of its own with implementer lines ('Hakija ...')
            text = join_broken([items[j].rest] + [items[k].text for k in range(j + 1, sub_end)
                                                  if items[k].kind != "url"])
            e.subrows.append((items[j].code, text, items[j].no))
            e.used.update(items[k].no for k in range(j, sub_end) if items[k].kind != "url")
            j = sub_end
    state.used |= e.used
    return j


def header_without_orgs(e: Entry) -> bool:
    text = join_broken(e.name_lines)
    if not PERIOD_RE.search(text) and not is_group_code(e.code):
        return False
    return not split_header(PERIOD_RE.sub("", text))[1]


def is_subrow(it: Item) -> bool:
    """A sub-project row: a code and one organisation, no dates, no name separator."""
    if it.code2 or is_group_code(it.code) or PERIOD_RE.search(it.rest) or not it.rest or it.numbered:
        return False
    rest = ROLE_SUFFIX_RE.sub("", it.rest)
    return bool(ROLE_SUFFIX_RE.search(it.rest)) or not (re.search(r" / |: ", rest)
                                                         or ROLE_INLINE_RE.search(rest))
