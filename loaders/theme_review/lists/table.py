"""A flattened table: the columns Hakemusnumero / Ryhmähanketunnus / Hankkeen
nimi / Hakija printed with their cells broken over lines; one row per code.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.text import join_broken, looks_like_org
from hankeverkko.loaders.theme_review.entries import ROLE_SUFFIX_RE, Part, is_group_code, split_trailing_org
from hankeverkko.loaders.theme_review.lists.lines import name_colon_orgs
from hankeverkko.loaders.theme_review.lists.state import ListState

__all__ = ["table_row"]


def table_row(state: ListState, i: int) -> int:
    items = state.items
    head = items[i]
    end = state.run_end(i + 1)
    for k in range(i + 1, end):       # a row ends where a line is an entry of its own
        if (items[k].kind in ("role", "marker") and items[k].rest) or name_colon_orgs(items[k].text):
            end = k
            break
    cont = [items[k] for k in range(i + 1, end) if items[k].kind != "url"]
    parts = [p for p in re.split(r"\s{2,}", head.raw.strip()) if p]
    name_lines, org_lines = parts[:1], parts[1:]
    for it in cont:
        if org_lines or (name_lines and not it.text[:1].islower() and not it.text.startswith("/")):
            org_lines.append(it.text)
        else:
            name_lines.append(it.text)
    if not org_lines and name_lines:
        name_lines[-1], tail = split_trailing_org(name_lines[-1])
        org_lines = [tail] if tail else []
    org = join_broken(org_lines)
    m = ROLE_SUFFIX_RE.search(org)
    role = None
    if m:
        role = "main" if (m.group("a") or m.group("b")).lower() == "pää" else "sub"
        org = org[:m.start()]
    name_words = join_broken(name_lines).split()
    org_words = org.split()
    # an organisation printed as '<Place> <Head>' whose first word ended the name cell
    # ('Sie osaat ja kuulut Rovaniemen' / 'Koulutuskuntayhtymä'), or a place in the genitive
    # before a capitalised organisation word ('... Ruskalan' / 'Nuorisosäätiö sr')
    if org_words and len(name_words) > 1 and name_words[-1][:1].isupper() and \
            looks_like_org(org_words[0]) and (len(org_words) == 1 or (
                re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*[a-zåäö]n", name_words[-1]) and org_words[0][:1].isupper()
                and not org_words[0].endswith("n"))):
        org = f"{name_words.pop()} {org}"
    e = state.new_entry(head.no, head.coordination)
    e.code = head.code
    e.group_code = head.code2 if is_group_code(head.code2) else None
    e.name_lines = [" ".join(name_words)]
    if org.strip():
        e.parts.append(Part(role or state.table_role, "hakija", [(head.no, org)]))
    e.used.update(it.no for it in [head, *cont])
    state.used |= e.used
    return end
