"""EURA 2014 public project card ('rahoittaman hankkeen kuvaus'), ESR and EAKR.

Read as copied text (``Label: value``) or as a saved HTML page (a label line,
the value on the next line; labels with or without ':').  The applicant of a
joint project (``yhteishanke``) is its ``main`` implementer and the
``Osatoteuttajat`` rows are ``sub``; ``Vain yksi hakija`` makes the applicant
the single implementer (role ``applicant``); with ``tuen siirto`` the applicant
is ``main`` and the ``Tuen siirron saajat`` recipients are ``sub`` (they
implement part of the project with the funding passed on).  All of these carry
evidence ``card_field``; organisations the summary (section 3) names with a cue
phrase are added with evidence ``prose``.  Contact persons, e-mail addresses and
phone numbers are never read into records.

The EURA 2021 successor (ESR+/EAKR 2021–2027) is not covered: no public layout
of its project page was available to write fixtures from.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.fields import SECTION_RE, Field, fields, first, marked_option, org_rows
from hankeverkko.loaders.ids import fund_of_code
from hankeverkko.loaders.prose import line_count
from hankeverkko.loaders.records import Participation, Project, SourceDocument, Span
from hankeverkko.loaders.stated import add_statements, checked_business_id, mention, prose_statements
from hankeverkko.loaders.text import Line, normalise_space, parse_date, parse_euros, parse_period

__all__ = ["KIND", "DESCRIPTION", "score", "load", "fund_of", "card_period", "read_project"]

KIND = "project-card"
DESCRIPTION = ("EURA 2014 public project card ('rahoittaman hankkeen kuvaus', ESR/EAKR): code, name, fund, "
               "priority axis, period, status, funding authority, applicant and sub-implementers with Y-tunnus, "
               "funding, and implementers named in its summary")

_TITLE_RE = re.compile(r"rahoittaman\s+hankkeen\s+kuvaus", re.I)
_CARD_LABEL_RE = re.compile(r"^\s*(?:Vastuuviranomainen|Toiminnan tila|Suunnitelman mukainen toteutusaika|"
                            r"Hakijan virallinen nimi|Hankekoodi|Osatoteuttajat|Hakijoiden lukumäärä)\b", re.I | re.M)
_FUND_RE = (("ESR", re.compile(r"\(ESR\)|sosiaalirahasto", re.I)),
            ("EAKR", re.compile(r"\(EAKR\)|aluekehitysrahasto", re.I)))
_FUNDING_KEYS = ("public", "eu", "state", "eu_state", "total")


def score(lines: list[Line]) -> int:
    """Evidence for a project card: its title, and card labels at line starts."""
    head = "\n".join(ln.text for ln in lines[:15])
    text = "\n".join(ln.text for ln in lines[:200])
    title = bool(_TITLE_RE.search(head))
    labels = len({m.group(0).strip().casefold() for m in _CARD_LABEL_RE.finditer(text)})
    card_only = re.search(r"^\s*(?:Vastuuviranomainen|Toiminnan tila)\b", text, re.M | re.I)
    if not title and not (card_only and labels >= 4):
        return 0
    return 40 * title + 5 * labels


def fund_of(text: str, code: Optional[str]) -> Optional[str]:
    """'ESR' / 'EAKR' from the document's title, else from the code's shape."""
    for fund, rx in _FUND_RE:
        if rx.search(text):
            return fund
    return fund_of_code(code) if code else None


def card_period(fs: list[Field]):
    """(start, end) from 'Alkaa d.m.yyyy ja päättyy d.m.yyyy', 'd.m.yyyy - d.m.yyyy' or the
    start/end fields (a transcript may print both dates after the second label)."""
    texts = [f.value for f in fs if f.key in ("period", "start", "end")]
    for t in texts:
        m = re.search(r"Alkaa\s+(\S+)\s+ja\s+päättyy\s+(\S+)", t, re.I)
        if m:
            return parse_date(m.group(1)), parse_date(m.group(2))
        s, e = parse_period(t)
        if s:
            return s, e
    dates = [d for t in texts for d in re.findall(r"\d{1,2}\.\d{1,2}\.\d{4}", t)]
    if len(dates) >= 2:
        return parse_date(dates[0]), parse_date(dates[1])
    return None, None


def read_project(lines: list[Line], doc: SourceDocument, fs: list[Field], fund_text: str) -> Project:
    """The project the fields describe (no participants yet)."""
    code = first(fs, "code")
    name = first(fs, "name")
    code_v = code.value.split()[0] if code else None
    nos = [f.line for f in fs] or [1]
    p = Project(name.value if name else (code_v or "?"), Span(doc.path, min(nos), max(nos)), code=code_v)
    p.fund = fund_of(fund_text, code_v)
    p.start, p.end = card_period(fs)
    for key, attr in (("status", "status"), ("authority", "funding_authority"), ("axis", "priority_axis"),
                      ("objective", "specific_objective")):
        f = first(fs, key)
        if f:
            setattr(p, attr, f.value)
    for key in _FUNDING_KEYS:
        f = first(fs, key)
        amount = parse_euros(f.value) if f else None
        if amount is not None:
            p.funding[key] = amount
    return p


def _rows_after(lines: list[Line], f: Optional[Field]) -> list[tuple[str, str, int]]:
    if f is None:
        return []
    i = next(k for k, ln in enumerate(lines) if ln.no == f.line)
    return org_rows(lines, i + 1)[0]


def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(source, KIND, line_count=line_count(lines))
    title = next((ln for ln in lines[:15] if _TITLE_RE.search(ln.text)), None)
    doc.title = normalise_space(title.text) if title else None
    fs = fields(lines)
    p = read_project(lines, doc, fs, title.text if title else "")
    mode = marked_option(" ".join(f.value for f in fs if f.key == "mode"))
    applicant = first(fs, "applicant")
    if applicant:
        bid_f = first(fs, "business_id")
        bid = checked_business_id(doc, bid_f.value.split()[0], bid_f.line, applicant.value) if bid_f else None
        org_type = first(fs, "org_type")
        role = "main" if mode in ("joint", "transfer") else "applicant"
        p.participants.append(Participation(applicant.value, role, line=applicant.line, business_id=bid,
                                            evidence="card_field"))
        mention(doc, applicant.value, applicant.line, bid, org_type.value if org_type else None)
    for key in ("subs", "transfers"):
        for name, raw, no in _rows_after(lines, next((f for f in fs if f.key == key), None)):
            bid = checked_business_id(doc, raw, no, name)
            p.participants.append(Participation(name, "sub", line=no, business_id=bid, evidence="card_field"))
            mention(doc, name, no, bid)
    summary = _section(lines, "tiivistelmä")
    for first_no, _bi, _s, found in prose_statements(summary):
        add_statements(doc, p.participants, p.code or p.name, found, first_no)
    doc.projects.append(p)
    return doc


def _section(lines: list[Line], word: str) -> list[Line]:
    """The lines of the numbered section whose heading holds ``word``."""
    out, inside = [], False
    for ln in lines:
        if SECTION_RE.match(ln.text) and len(ln.text) < 90:
            inside = word in ln.text.casefold()
            continue
        if inside:
            out.append(ln)
    return out
