r"""People in a theme's fact box: the contacts block and the ministry block.

Persons are kept with their title, organisation and kind (``coordination`` —
the coordination project's staff —, ``funder`` — the funding authority's
officers —, ``ministry``); e-mail addresses and phone numbers are removed from
every line before it is read.  The ministries a block names are resolved to
full names through ``loaders/data/aliases.csv``.

>>> from hankeverkko.loaders.text import read_lines
>>> contacts, hints = parse_contacts(read_lines(
...     "Projektipäällikkö Aino Esimerkki, Alfaverkko -koordinaatiohanke, aino@alfa.fi\n"
...     "Lapin ELY-keskus, Olli Malli, 0295 000 111"))
>>> [(c.person, c.title, c.organisation, c.kind) for c in contacts]
[('Aino Esimerkki', 'Projektipäällikkö', None, 'coordination'), ('Olli Malli', None, 'Lapin ELY-keskus', 'funder')]
>>> [h.name for h in hints]
['Alfaverkko']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.records import Contact
from hankeverkko.loaders.reference import ministries as _ministry_table
from hankeverkko.loaders.text import (EMAIL_RE, PHONE_RE, Line, URL_RE, dehyphenate, is_page_furniture, looks_like_org,
                   normalise_space, repair_hyphen_spaces)

__all__ = ["CoordinationHint", "parse_contacts", "ministry_names"]


@dataclass(frozen=True)
class CoordinationHint:
    """A coordination project named in the contacts block, and/or the
    organisation of its contact person."""
    name: Optional[str]
    organisation: Optional[str]
    line: int


# ---------------------------------------------------------------- ministries

def _ministry_patterns() -> list[tuple[re.Pattern, str]]:
    table = _ministry_table()
    pats = [(re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(a)), full) for a, full in table.items()]
    pats += [(re.compile(re.escape(full), re.I), full) for full in set(table.values())]
    # a ministry missing from the table is kept as printed
    pats.append((re.compile(r"\b(?:[A-ZÅÄÖ][\wåäö]*-\s+ja\s+)?(?!vastuu)[A-ZÅÄÖ]?[\wåäö]+ministeriö\b", re.I), ""))
    return pats


def ministry_names(lines: list[Line]) -> list[str]:
    """Full names of the ministries named in a block, in order of appearance;
    abbreviations (TEM, STM ...) are resolved through ``loaders/data/aliases.csv``."""
    text = " ".join(_clean_contact_line(ln.text) for ln in lines)
    found: list[tuple[int, str]] = []
    for rx, full in _ministry_patterns():
        for m in rx.finditer(text):
            name = full or (m.group(0)[0].upper() + m.group(0)[1:])
            found.append((m.start(), name))
    out: list[str] = []
    for _, name in sorted(found):
        if name.casefold() not in (o.casefold() for o in out):
            out.append(name)
    return out


# ---------------------------------------------------------------- contacts

_TITLE_RE = re.compile(
    r"(?:päällikkö|asiantuntija|johtaja|neuvos|virkamies|koordinaattori|suunnittelija|sihteeri|"
    r"tarkastaja|tutkija|kehittäjä|vastaava|ohjaaja|tuottaja|manager|director|officer|coordinator)$",
    re.I)
_NAME_WORD = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?"
_PERSON_RE = re.compile(r"^%s(?:\s+%s){1,2}$" % (_NAME_WORD, _NAME_WORD))
_LABEL_WORD_RE = re.compile(r"vastuuhenkilö|yhteyshenkilö|yhteystiedot|kumppaneina|vastuuministeriö", re.I)
_PROJECT_RE = re.compile(r"koordinaatio|^koordinoiva hanke\b|-hanke$", re.I)
_ELY_RE = re.compile(r"\bELY-keskus\b", re.I)
_ACRONYM_RE = re.compile(r"^[A-ZÅÄÖ]{2,6}$")
_ROLE_LEAD_RE = re.compile(r"^(rahoittaja(?:na|n)?|rahoittava viranomainen)\s*:?\s+(?=[A-ZÅÄÖ])", re.I)
_ROLE_WORD_RE = re.compile(r"rahoittaja(?:na|n)?|rahoittava viranomainen", re.I)
_LEGAL_END_RE = re.compile(r"\s(?:oy|oyj|ab|ry|rf|sr|ky|ay|osk)\.?$", re.I)


def _clean_contact_line(text: str) -> str:
    """Drop e-mail addresses, phone numbers, URLs, dates and parentheses."""
    t = URL_RE.sub(" ", EMAIL_RE.sub(" ", text))
    t = re.sub(r"(?:\d{1,2}\.\d{1,2}\.\d{2,4})\s*(?:saakka|lähtien|alkaen|asti)?", " ", t)
    t = PHONE_RE.sub(" ", t)
    t = re.sub(r"\+?\d[\d\s()-]{2,}\d|\b\d+\b", " ", t)
    t = re.sub(r"(?<![\w.])(?:p|puh|tel)\.?(?=[\s,;)]|$)", " ", t, flags=re.I)
    t = re.sub(r"\([^()]*\)|\(\s*$|^[^()]*\)", " ", t)
    t = re.sub(r"\b(?:Lisätietoa|Lisätietoja)\b", " ", t)
    t = normalise_space(t)
    t = re.sub(r"(?:\s*[,;]\s*){2,}", ", ", t).strip()
    return t.strip(" ,;")


@dataclass
class _Frag:
    text: str
    kind: str        # person | title | org | project | label | other
    line: int


def _classify(text: str) -> list[tuple[str, str]]:
    t = normalise_space(text).strip(" .")
    if not t:
        return []
    if _LABEL_WORD_RE.search(t):
        return [("label", t)]
    if _ROLE_WORD_RE.fullmatch(t):         # 'Rahoittaja:' before the funder's name
        return [("label", t)]
    lead = _ROLE_LEAD_RE.match(t)
    if lead:                                # 'Rahoittaja Lapin ELY-keskus'
        return [("label", lead.group(1))] + _classify(t[lead.end():])
    if _PROJECT_RE.search(t):
        return [("project", t)]
    if t.endswith(" ja") and _PERSON_RE.match(t[:-3]):      # 'Aino Esimerkki ja'
        t = t[:-3]
    words = t.split()
    if len(words) >= 3 and _TITLE_RE.search(words[0]) and _PERSON_RE.match(" ".join(words[1:])):
        return [("title", words[0]), ("person", " ".join(words[1:]))]
    if _PERSON_RE.match(t) and not looks_like_org(t) and not _TITLE_RE.search(words[-1]):
        return [("person", t)]
    if len(words) >= 3 and _TITLE_RE.search(words[-1]) and _PERSON_RE.match(" ".join(words[:-1])):
        return [("person", " ".join(words[:-1])), ("title", words[-1])]
    if len(words) >= 3 and _ACRONYM_RE.match(words[0]) and _PERSON_RE.match(" ".join(words[1:])):
        return [("org", words[0]), ("person", " ".join(words[1:]))]
    if _TITLE_RE.search(words[-1]) and (t[0].islower() or len(words) == 1):
        return [("title", t)]
    if looks_like_org(t):
        return [("org", t)]
    return [("other", t)]


def _logical_lines(lines: list[Line]) -> list[tuple[int, str]]:
    """Cleaned lines, with words broken at a hyphen rejoined."""
    out: list[tuple[int, str]] = []
    pending: Optional[tuple[int, str]] = None
    for ln in lines:
        if not ln.clean or (is_page_furniture(ln.text) and not pending):
            continue
        raw = normalise_space(ln.text)
        if pending:
            raw = dehyphenate(pending[1], raw)
            no = pending[0]
            pending = None
        else:
            no = ln.no
        if raw.endswith("-") and not raw.endswith(" -"):
            pending = (no, raw)
            continue
        out.append((no, raw))
    if pending:
        out.append(pending)
    return [(no, c) for no, c in ((no, _clean_contact_line(repair_hyphen_spaces(t))) for no, t in out) if c]


def _open_end(raw: str) -> bool:
    """The printed line stops inside a name: it ends in a word, not in a
    separator or a contact detail ('..., Kielikeskus' / 'Lingua Oy, ...')."""
    t = normalise_space(raw)
    return bool(t) and t[-1].isalpha() and not EMAIL_RE.search(t.split()[-1]) and \
        not URL_RE.search(t.split()[-1])


def _fragments(lines: list[Line]) -> list[tuple[list[_Frag], bool]]:
    """Per logical line: its fragments and whether the line ends in ':'.

    A piece starting in lower case continues the fragment before it (a name
    broken at a comma or a line end), unless it is a job title.
    """
    rows: list[tuple[list[_Frag], bool]] = []
    raw_by_no = {ln.no: ln.text for ln in lines}
    last_open = False
    for no, text in _logical_lines(lines):
        frags: list[_Frag] = []
        pieces = re.split(r"\s*([,;:])\s*", text)
        for k in range(0, len(pieces), 2):
            piece, sep = pieces[k], pieces[k - 1] if k else ""
            if not piece:
                continue
            prev = frags[-1] if frags else (rows[-1][0][-1] if rows and rows[-1][0] else None)
            if k == 0 and last_open and prev is not None and prev.kind == "org" and \
                    not _LEGAL_END_RE.search(prev.text) and piece[:1].isupper() and \
                    _LEGAL_END_RE.search(piece) and not any(kd == "person" for kd, _ in _classify(text)):
                # an organisation broken over lines: 'Kielikeskus' / 'Lingua Oy'
                prev.text = f"{prev.text} {piece}"
                continue
            if piece[0].islower() and prev and prev.kind not in ("person", "title", "label") \
                    and sep != ":" and not _TITLE_RE.search(piece.split()[-1]) \
                    and not any(kd in ("title", "person") for kd, _ in _classify(piece)):
                prev.text = f"{prev.text}{', ' if frags and sep == ',' else ' '}{piece}"
                kinds = _classify(prev.text)
                if len(kinds) == 1:
                    prev.kind = kinds[0][0]
                continue
            frags += [_Frag(t, kind, no) for kind, t in _classify(piece)]
        if frags:
            rows.append((frags, text.endswith(":")))
        last_open = _open_end(raw_by_no.get(no, text))
    return rows


def _coordination_name(text: str) -> Optional[str]:
    t = re.sub(r"^(?:teeman\s+)?(?:koordinoiva hanke|koordinaatiohanke)\s+", "", text, flags=re.I)
    t = re.sub(r"\s*-?\s*koordinaatiohanke$", "", t, flags=re.I)
    t = normalise_space(t).strip(" -–,")
    return t or None


_ATTRS = ("org", "project", "title")


def parse_contacts(lines: list[Line], default_kind: str = "contacts"
                   ) -> tuple[list[Contact], list[CoordinationHint]]:
    """Contacts of a contacts block (``default_kind='contacts'``) or a ministry
    block (``'ministry'``), and the coordination projects the block names.

    A line with a person holds that person's title, organisation and project.
    Lines without a person are a header for the persons after them when they
    end in ':' or come before any person ('Hämeen ELY-keskus:'), otherwise more
    details of the person before them (one item per line).  A header before
    ':' on a person's line stays in force for the person-only lines after it.
    """
    contacts: list[dict] = []
    context: dict = {}
    label_kind: Optional[str] = None
    buffer: list[_Frag] = []

    def flush_to_previous():
        if contacts:
            for f in buffer:
                if f.kind in _ATTRS:
                    contacts[-1].setdefault(f.kind, f.text)
        buffer.clear()

    for frags, header_end in _fragments(lines):
        labels = [f for f in frags if f.kind == "label"]
        if labels:
            flush_to_previous()
            low = labels[-1].text.lower()
            label_kind = ("funder" if "rahoitta" in low else "coordination" if "koordin" in low
                          else "ministry" if re.search("ministeri|kumppan", low) else label_kind)
            context = {}
            frags = [f for f in frags if f.kind != "label"]
            if not frags:
                continue
        persons = [f for f in frags if f.kind == "person"]
        if not persons:
            buffer += frags
            if header_end or not contacts:
                if header_end:
                    context = {k: next((f.text for f in buffer if f.kind == k), None) for k in ("org", "project")}
                    buffer.clear()
                    if not labels:
                        label_kind = None
            continue
        if buffer:
            if contacts:
                flush_to_previous()
            else:
                context = {k: next((f.text for f in buffer if f.kind == k), None) for k in ("org", "project")}
                buffer.clear()
        first = frags.index(persons[0])
        if first and frags[first - 1:first] and any(f.kind in ("org", "project") for f in frags[:first]):
            head = {k: next((f.text for f in frags[:first] if f.kind == k), None) for k in ("org", "project")}
        else:
            head = {}
        def lead(k: int) -> int:            # a title printed just before a person is theirs
            return k - 1 if k > 0 and frags[k - 1].kind == "title" else k

        for p_i, p in enumerate(persons):
            start = frags.index(p)
            end = lead(frags.index(persons[p_i + 1])) if p_i + 1 < len(persons) else len(frags)
            own = frags[lead(start):start] + frags[start + 1:end] + (frags[:lead(start)] if p_i == 0 else [])
            c = {"person": p.text, "line": p.line}
            for f in own:
                if f.kind in _ATTRS:
                    c.setdefault(f.kind, f.text)
            if "org" not in c and "project" not in c:
                for key in ("org", "project"):
                    if context.get(key):
                        c[key] = context[key]
            c["kind"] = label_kind
            contacts.append(c)
        if head:
            context = head
    flush_to_previous()

    out: list[Contact] = []
    hints: list[CoordinationHint] = []
    for c in contacts:
        org, project, title = c.get("org"), c.get("project"), c.get("title")
        if default_kind == "ministry":
            kind = "ministry"
            names = ministry_names([Line(c["line"], org)]) if org else []
            org = names[0] if names else org
        else:
            kind = c["kind"] if c["kind"] in ("funder", "coordination") else None
            if org and ministry_names([Line(c["line"], org)]):
                kind = "ministry"
            if kind is None:
                low = (title or "").lower()
                if project:
                    kind = "coordination"
                elif "rahoitus" in low:
                    kind = "funder"
                elif re.search(r"projekti|hanke|koordin", low):
                    kind = "coordination"
                elif org and _ELY_RE.search(org):
                    kind = "funder"
                elif org:
                    kind = "coordination"
                else:
                    kind = "other"
        out.append(Contact(person=c["person"], title=title, organisation=org, kind=kind, line=c["line"]))
        if kind == "coordination" and (project or org):
            hints.append(CoordinationHint(_coordination_name(project) if project else None, org, c["line"]))
    return out, hints
