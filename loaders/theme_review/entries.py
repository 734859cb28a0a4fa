"""Entries of a theme's project list, turned into :class:`~loaders.records.Project` records.

:mod:`loaders.theme_review.lists` reads the layout of a list into
:class:`Entry` objects (name lines, codes, implementer parts, sub-project rows);
this module makes projects of them: it separates names from implementers in
one-line entries ('Nimi / A, B', 'Nimi: A', 'Nimi, A ja B'), reads dates and
cost estimates, assigns roles and kinds, and merges the rows of one group
project (rows sharing a group code, or sub-project codes sharing a name).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Optional

from hankeverkko.loaders.records import Participation, Project, Span
from hankeverkko.loaders.reference import legal_forms
from hankeverkko.loaders.text import (PERIOD_RE, join_broken, looks_like_org, normalise_space, parse_period,
                   repair_hyphen_spaces, split_names)

__all__ = ["CODE_RE", "is_group_code", "name_key", "acronym_of", "Part", "Entry", "split_trailing_org",
           "split_header", "to_project", "merge_groups", "ROLE_SUFFIX_RE", "LEGAL_START_RE"]

#: an EURA code: letter + 5 digits (S90068, R-19402) or a 6-digit number
CODE_RE = re.compile(r"(?:[A-Z]-?\d{5}|\d{6})")
_GROUP_CODE_RE = re.compile(r"^R-?\d{5}$")
#: '(päätoteuttaja)' or '/ osatoteuttaja' after an organisation
ROLE_SUFFIX_RE = re.compile(r"\s*(?:\(\s*(?P<a>pää|osa)toteuttaja(?:na)?\s*\)|(?:/|,|\s[–—-])\s*(?P<b>pää|osa)toteuttaja(?:na)?)"
                            r"\s*$", re.I)
#: a legal form opening a (continuation) line
LEGAL_START_RE = re.compile(r"^(?:oy|oyj|ab|ry|rf|sr|r\.y\.?|ky|ay|osk)\b", re.I)
_COORD_MARK_RE = re.compile(r"\s*\((?:teeman\s+)?koordinaatiohanke\)\s*", re.I)
_COORD_PREFIX_RE = re.compile(r"^(?:koordinaatiohanke|koordinoiva hanke)\s*:?\s+", re.I)
_COST_RE = re.compile(r"[.,]?\s*\bKustannusarvio\b\s*(?:yhteensä\s*)?:?\s*(?P<n>[\d\s\u00a0]*(?:,\d+)?)\s*(?:€|e\b|euroa)?\s*\.?", re.I)


def is_group_code(code: Optional[str]) -> bool:
    return bool(code and _GROUP_CODE_RE.match(code))


def name_key(name: str) -> str:
    """Project name for comparisons: case, dashes, quotes and spaces folded.

    >>> name_key("ALFA – Jatkuvan kehittämisen  Suomi") == name_key("ALFA - jatkuvan kehittämisen Suomi")
    True
    """
    t = re.sub(r"[–—‐-]", " ", name.casefold())
    t = re.sub(r"[\"'”“’.,:;!?()]", " ", t)
    return normalise_space(t)


def acronym_of(name: str) -> Optional[str]:
    """The acronym a project name shows: '(DigiPaikka)', 'HOT – ...', 'MERIT'.

    >>> [acronym_of(n) for n in ["HOT – Hyvinvointia", "Työn tuki (TUKI)", "MERIT", "HYVÄ TYÖ – Tuki", "Kotona"]]
    ['HOT', 'TUKI', 'MERIT', None, None]
    """
    m = re.search(r"\((?P<a>[A-ZÅÄÖ][\wÅÄÖåäö!-]*[A-ZÅÄÖ][\wÅÄÖåäö!-]*)\)", name)
    if m and " " not in m.group("a"):
        return m.group("a").rstrip("-")
    m = re.match(r"^(?P<a>[A-ZÅÄÖ][A-ZÅÄÖ0-9]+|[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ][\wåäö]*)\s*[–—-]\s", name)
    if m:
        return m.group("a")
    m = re.search(r"[,–—-]\s+(?P<a>[A-ZÅÄÖ][a-zåäö]*[A-ZÅÄÖ][\wÅÄÖåäö!]*)$", name)
    if m and sum(ch.isupper() for ch in m.group("a")) >= 2:
        return m.group("a")
    if re.fullmatch(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{2,}", name):
        return name
    return None


@dataclass
class Part:
    role: str
    label: str
    lines: list[tuple[int, str]]


@dataclass
class Entry:
    first: int
    name_lines: list[str] = field(default_factory=list)
    code: Optional[str] = None
    group_code: Optional[str] = None
    section: Optional[str] = None
    coordination: bool = False
    parts: list[Part] = field(default_factory=list)
    subrows: list[tuple[str, str, int]] = field(default_factory=list)   # code, org text, line
    urls: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    colon_orgs: bool = False     # 'Nimi:' then organisations

    def terminated(self) -> bool:
        """The last part carries a complete 'Kustannusarvio ... €'."""
        if not self.parts:
            return False
        text = " ".join(t for _, t in self.parts[-1].lines)
        m = re.search(r"kustannusarvio\b(?P<after>.*)$", text, re.I)
        return bool(m and re.search(r"\d", m.group("after")))

    def part_text(self) -> str:
        return " ".join(t for _, t in self.parts[-1].lines) if self.parts else ""


def split_trailing_org(text: str) -> tuple[str, str]:
    """Split 'Nimi Paikan kaupunki' or 'Nimi Alfa Oy' into name and organisation
    (a table row whose cells were joined with a single space).

    >>> split_trailing_org("Verkostolla töihin Turun kaupunki")
    ('Verkostolla töihin', 'Turun kaupunki')
    >>> split_trailing_org("Yhteinen tie Delta Consulting Oy")
    ('Yhteinen tie', 'Delta Consulting Oy')
    >>> split_trailing_org("Pelkkä nimi")
    ('Pelkkä nimi', '')
    """
    words = text.split()
    h = next((k for k in range(len(words) - 1, 0, -1) if looks_like_org(words[k], acronyms=False)), None)
    if h is None:
        return text, ""
    start = h
    if LEGAL_START_RE.fullmatch(words[h]):
        # the name before a legal form: its capitalised words, back to a place
        # in the genitive that opens it ('Ruka Global' | 'Rukan Matkailu Oy')
        while start > 1 and words[start - 1][:1].isupper():
            start -= 1
            if re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*[a-zåäö]n", words[start]) and not words[start].endswith("nen"):
                break
    else:
        # '<Paikan> [lower-case words] head noun': 'Turun kaupunki', 'Espoon seudun koulutuskuntayhtymä'
        while start > 1 and words[start - 1][:1].islower():
            start -= 1
        if start > 1 and words[start - 1][:1].isupper() and not words[h][:1].isupper():
            start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def split_header(text: str) -> tuple[str, list[str]]:
    """Name and implementer texts of a one-line entry: 'Nimi / A, B',
    'Nimi: A', 'Nimi, A, B ja C'."""
    t = normalise_space(text).strip(" ,.")
    m = re.search(r"\s/\s|^/\s", t)
    if m:
        return t[:m.start()].strip(" ,"), [t[m.end():]]
    colons = [m for m in re.finditer(r":\s+(?=[A-ZÅÄÖ])", t)]
    if colons:
        c = colons[-1]
        right = t[c.end():]
        if looks_like_org(right.split(",")[0]):
            return t[:c.start()], [right]
    segs = [s.strip() for s in t.split(",")]
    if len(segs) > 1:
        k = 1
        while k < len(segs) and segs[k][:1].islower():
            k += 1
        if k < len(segs) and all(looks_like_org(s) or " ja " in s for s in segs[k:]):
            return ", ".join(segs[:k]), [", ".join(segs[k:])]
    return t, []


# ---------------------------------------------------------------- projects

def _cost(text: str) -> tuple[str, Optional[Decimal]]:
    m = _COST_RE.search(text)
    if not m:
        return text, None
    digits = re.sub(r"\s", "", m.group("n") or "").replace(",", ".")
    try:
        value = Decimal(digits) if digits else None
    except InvalidOperation:
        value = None
    return text[:m.start()], value


def _forms(name: str) -> set[tuple[str, str]]:
    """(language, family) of the abbreviated legal forms in ``name`` (legal_forms.csv)."""
    words = {w.casefold().strip(".,") for w in name.split()}
    return {(f.lang, f.family) for f in legal_forms() if f.match == "abbrev" and f.lang
            and f.form.casefold() in words}


def several_organisations(text: str) -> bool:
    """'A Ab, B yliopisto' after a single project's code names two implementers;
    a Finnish name and its Swedish parallel ('Alfa ry, Alfa Förening rf') are one.

    >>> several_organisations("Ab Esimerkki, Kaakon yliopisto")
    True
    >>> several_organisations("Esimerkkiliitto Arvo ry, Allians för Exempel rf")
    False
    """
    names = split_names(text)
    if len(names) < 2 or not all(looks_like_org(n, acronyms=False) for n in names):
        return False
    forms = [_forms(n) for n in names]
    for a in forms:
        for b in forms:
            if any(fa[1] == fb[1] and fa[0] != fb[0] for fa in a for fb in b):
                return False
    return True


def to_project(e: Entry, source: str, theme: Optional[str], programme: Optional[str]) -> Project:
    header = re.sub(r"^\d{1,3}[.)]\s+", "", repair_hyphen_spaces(join_broken(e.name_lines)))
    start = end = None
    pm = PERIOD_RE.search(header)
    if pm:
        start, end = parse_period(pm.group(0))
        header = (header[:pm.start()] + header[pm.end():]).strip()
    header, header_cost = _cost(header)           # '1.9.2029–31.8.2031, kustannusarvio yhteensä 1 480 000 €'
    header = header.strip(" ,")
    if _COORD_MARK_RE.search(header):
        e.coordination = True
        header = _COORD_MARK_RE.sub(" ", header)
    if _COORD_PREFIX_RE.match(header):
        e.coordination = True
        header = _COORD_PREFIX_RE.sub("", header)
    parts = [(p.role, p.label, p.lines) for p in e.parts]
    name = header
    single = bool(e.code) and not is_group_code(e.code) and not e.group_code
    if not parts and not e.subrows:
        name, orgs = split_header(header)
        parts = [("implementer", "toteuttaja" if single else "toteuttajat", [(e.first, o)]) for o in orgs]
    name = normalise_space(name).strip(" ,.:;")
    cost = header_cost
    participants: list[Participation] = []
    for role, label, lines in parts:
        text = join_broken(t for _, t in lines)
        text, c = _cost(text)
        cost = cost if c is None else c
        if _COORD_MARK_RE.search(text):
            e.coordination = True
            text = _COORD_MARK_RE.sub(" ", text)
        plural = label.lower().rstrip().endswith("t")
        these: list[Participation] = []
        one = single and not plural and not (label == "toteuttaja" and several_organisations(text))
        for org in split_names(text, single=one):
            r = role
            m = ROLE_SUFFIX_RE.search(org)
            if m:
                r = "main" if (m.group("a") or m.group("b")).lower() == "pää" else "sub"
                org = org[:m.start()].strip()
            if org:
                these.append(Participation(org, r, line=lines[0][0]))
        if role == "implementer" and any(x.role == "main" for x in these):
            # 'Toteuttajat: A (päätoteuttaja), B ja C': the others run sub-projects
            these = [dataclasses.replace(x, role="sub") if x.role == "implementer" else x for x in these]
        participants += these
    if e.group_code and e.code and e.code != e.group_code:
        participants = [Participation(x.organisation, x.role, code=e.code, line=x.line) for x in participants]
    if e.subrows:
        marked = [(ROLE_SUFFIX_RE.search(t), c, t, ln) for c, t, ln in e.subrows]
        any_main = any(m and (m.group("a") or m.group("b")).lower() == "pää" for m, *_ in marked)
        for m, code, text, ln in marked:
            role = ("main" if (m.group("a") or m.group("b")).lower() == "pää" else "sub") if m else \
                ("sub" if any_main else "implementer")
            org = normalise_space(text[:m.start()] if m else text).strip(" ,.")
            participants.append(Participation(org, role, code=code, line=ln))
    roles = {p.role for p in participants}
    if e.coordination:
        kind = "coordination"
    elif e.group_code or e.subrows or roles & {"main", "sub"} or len(participants) > 1:
        kind = "group"
    else:
        kind = "single"
    lines_used = sorted(e.used) or [e.first]
    return Project(name=name, span=Span(source, lines_used[0], lines_used[-1]), code=e.group_code or e.code,
                   acronym=acronym_of(name), kind=kind, start=start, end=end, cost_estimate=cost,
                   section=e.section, urls=list(dict.fromkeys(e.urls)), participants=participants,
                   themes=[theme] if theme else [], programme=programme)


def merge_groups(projects: list[Project]) -> list[Project]:
    """Rows of one group project become one Project: table rows sharing a
    group code, and single-implementer rows with their own codes sharing a name."""
    out: list[Project] = []
    by_key: dict[tuple, Project] = {}
    coded: dict[str, int] = {}
    for p in projects:
        if p.code and not is_group_code(p.code) and len(p.participants) == 1:
            coded[name_key(p.name)] = coded.get(name_key(p.name), 0) + 1
    for p in projects:
        key = None
        if p.kind in ("group", "coordination") and p.code and is_group_code(p.code):
            key = ("code", p.code)
        elif p.code and not is_group_code(p.code) and len(p.participants) == 1 and \
                coded.get(name_key(p.name), 0) > 1:
            key = ("name", name_key(p.name))
            p.participants = [Participation(x.organisation, x.role, code=x.code or p.code, line=x.line)
                              for x in p.participants]
            p.code = None
        if key is None:
            out.append(p)
            continue
        if key in by_key:
            g = by_key[key]
            g.participants += p.participants
            g.span = Span(g.span.source, min(g.span.first, p.span.first), max(g.span.last, p.span.last))
            g.urls = list(dict.fromkeys(g.urls + p.urls))
            if p.kind == "coordination":
                g.kind = "coordination"
        else:
            if key[0] == "name" and p.kind != "coordination":
                p.kind = "group"
            by_key[key] = p
            out.append(p)
    for p in out:
        if p.kind == "group" and p.code and not is_group_code(p.code):
            # a table row printed as a group member ('/ päätoteuttaja') with no group code
            p.participants = [Participation(x.organisation, x.role, code=x.code or p.code, line=x.line)
                              if x.role in ("main", "sub") else x for x in p.participants]
    return out
