"""Helpers shared by the card, decision-form and generic loaders: checked business
ids, organisation keys, and participations read from prose with
:mod:`loaders.statements`.  Pure functions over plain records.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.ids import business_id_valid
from hankeverkko.loaders.prose import blocks, sentences
from hankeverkko.loaders.records import OrgMention, Participation, Relation, Skipped, SourceDocument, Span
from hankeverkko.loaders.reference import legal_forms
from hankeverkko.loaders.statements import Statement, define_abbreviations, read_sentence
from hankeverkko.loaders.text import Line, normalise_space

__all__ = ["org_key", "checked_business_id", "mention", "prose_statements", "add_statements"]

BAD_ID_REASON = "Y-tunnus fails the check digit (digits lost?): name kept, not kept as a business id"


def org_key(name: str) -> str:
    """A comparison key: case-folded, legal-form abbreviations dropped.

    >>> org_key("Betalan ammattiopisto Oy") == org_key("Betalan  Ammattiopisto")
    True
    """
    abbrevs = {f.form.casefold() for f in legal_forms() if f.match == "abbrev"}
    words = [w for w in normalise_space(name).casefold().replace(".", "").split() if w not in abbrevs]
    return " ".join(words)


def checked_business_id(doc: SourceDocument, bid: Optional[str], line: int, text: str) -> Optional[str]:
    """``bid`` when its check digit holds; otherwise ``None`` and a skipped note."""
    if not bid:
        return None
    if business_id_valid(bid):
        return bid
    doc.skipped.append(Skipped(doc.path, line, f"{bid} ({normalise_space(text)[:80]})", BAD_ID_REASON))
    return None


def mention(doc: SourceDocument, name: str, line: int, business_id: Optional[str] = None,
            org_type: Optional[str] = None, expanded: Optional[str] = None) -> None:
    """Add an organisation mention once per (name, business id)."""
    for m in doc.organisations:
        if m.name == name and m.business_id == business_id:
            return
    doc.organisations.append(OrgMention(name, Span(doc.path, line, line), expanded=expanded,
                                        business_id=business_id, org_type=org_type))


def prose_statements(lines: list[Line], abbreviations: Optional[dict[str, str]] = None
                     ) -> list[tuple[int, int, str, list[Statement]]]:
    """(first line, block index, sentence, statements) for every sentence of ``lines``
    that states a role with a cue phrase."""
    text = "\n".join(ln.text for ln in lines)
    abbreviations = {**define_abbreviations(" ".join(text.split())), **(abbreviations or {})}
    out = []
    by_no = {ln.no: ln.text for ln in lines}
    for bi, b in enumerate(blocks(lines)):
        for s in sentences(b.text):
            found = read_sentence(s, abbreviations)
            if found:
                word = (found[0].printed or found[0].organisation).split()[0]
                no = next((n for n in range(b.first, b.last + 1) if word in by_no.get(n, "")), b.first)
                out.append((no, bi, s, found))
    return out


def add_statements(doc: SourceDocument, participants: list[Participation], project: str,
                   statements: list[Statement], line: int) -> None:
    """Append prose participations (evidence ``prose``) unless the organisation already
    takes part; funders become ``funds`` relations."""
    have = {org_key(p.organisation) for p in participants}
    for st in statements:
        bid = checked_business_id(doc, st.business_id, line, st.organisation)
        if st.role == "funder":
            rel = Relation(st.organisation, "organisation", "funds", project, "project", Span(doc.path, line, line))
            if rel not in doc.relations:
                doc.relations.append(rel)
            mention(doc, st.organisation, line)
            continue
        key = org_key(st.organisation)
        if key in have or any(k.startswith(key + " ") or key.startswith(k + " ") for k in have):
            continue
        have.add(key)
        participants.append(Participation(st.organisation, st.role, line=line, business_id=bid, evidence="prose"))
        mention(doc, st.organisation, line, bid, expanded=None)


def is_heading_like(text: str) -> bool:
    """A short line without a full stop: a title or heading, never a project or organisation."""
    t = text.strip()
    return bool(t) and len(t) < 90 and not re.search(r"[.!?]$", t)
