"""Funding decisions ('Päätös') and application, plan and report forms.

``Päätös`` with ``Tuensaajat`` (names with ``Y-tunnus: nnnnnnn-n``: role
``implementer``, the decision does not say who leads), ``Hankehakemus`` /
``Hankesuunnitelma`` (EURA 2014) and ``ESR-projektisuunnitelma``,
``EAKR-projektihakemus``, ``ESR-projektin loppuraportti`` (EURA 2007).  Fields
are read also when a transcript runs labels and values together on one line.
A Y-tunnus whose check digit fails (digits lost) is not kept as a business id;
the name still is.  The applicants question lists every option: only the one
marked (``[X]``, ``☒``, ``x)`` ...) is a fact; an unmarked option is not.
Participations carry evidence ``form_field`` (or ``prose`` for a cue phrase in
the form's free text).
"""
from __future__ import annotations

import re

from hankeverkko.loaders.fields import BID_TAIL_RE, fields, first, marked_option, org_rows
from hankeverkko.loaders.prose import line_count
from hankeverkko.loaders.project_card import read_project
from hankeverkko.loaders.records import Participation, SourceDocument
from hankeverkko.loaders.stated import add_statements, checked_business_id, mention, prose_statements
from hankeverkko.loaders.text import Line, normalise_space

__all__ = ["KIND", "DESCRIPTION", "score", "load", "beneficiaries"]

KIND = "decision-form"
DESCRIPTION = ("funding decision (Päätös, Tuensaajat) or EURA 2007/2014 application, plan or report form "
               "(Hankehakemus, Hankesuunnitelma, ESR-projektisuunnitelma, EAKR-projektihakemus, loppuraportti)")

_HEAD_RE = re.compile(r"(?<![\w-])(?:Päätös|Hankehakemus|Hankesuunnitelma|ESR-projektisuunnitelma|"
                      r"EAKR-projektihakemus|ESR-projektin\s+loppuraportti|EAKR-projektin\s+loppuraportti)(?![\w-])")
_FORM_LABEL_RE = re.compile(r"(?<![\w-])(?:Tuensaajat|Päätöstyyppi|Hakijaorganisaation nimi|Projektikoodi|"
                            r"Hakijan virallinen nimi|Organisaatiotyyppi|Y-tunnus|Hankekoodi|"
                            r"VIRANOMAINEN, JOLLE HAKEMUS OSOITETAAN|Hakijoiden lukumäärä)", re.I)
_GRANTOR_RE = re.compile(r"^\s*(?P<org>[A-ZÅÄÖ][^.:]{2,80}?)\s+on\s+myöntänyt\b")
#: 'Name Y-tunnus: 1234567-8'.  Found from the Y-tunnus, not from every capital
#: letter: the unanchored 'capital, then anything but a colon up to Y-tunnus'
#: scanned the rest of the line from each capital (quadratic on a long line).
_BID_AFTER_RE = re.compile(r"\s+Y-tunnus\s*:?\s*(?P<bid>\d[\d-]{4,9})")
_CAPITAL_RE = re.compile(r"[A-ZÅÄÖ]")


def score(lines: list[Line]) -> int:
    """Evidence for a decision or form: its document word near the top and form labels."""
    head = " ".join(ln.text for ln in lines[:6])
    text = "\n".join(ln.text for ln in lines[:300])
    title = bool(_HEAD_RE.search(head))
    labels = len({m.group(0).casefold() for m in _FORM_LABEL_RE.finditer(text)})
    if not title or labels < 2:
        return 0
    return 30 + 4 * labels


def beneficiaries(text: str) -> list[tuple[str, str]]:
    """(name, Y-tunnus as printed) pairs of a 'Tuensaajat' field run together.

    >>> beneficiaries("Alfalan kaupunki Y-tunnus: 1234567-1 Betala Oy Y-tunnus: 765432-2")
    [('Alfalan kaupunki', '1234567-1'), ('Betala Oy', '765432-2')]
    """
    out, pos = [], 0
    for m in _BID_AFTER_RE.finditer(text):
        # the name: from the first capital after the previous pair and after the last colon
        cap = _CAPITAL_RE.search(text, max(pos, text.rfind(":", pos, m.start()) + 1), m.start())
        if cap:
            out.append((normalise_space(text[cap.start():m.start()]).rstrip(" ,;"), m.group("bid")))
            pos = m.end()
    return out


def _has_beneficiary(text: str) -> bool:
    return bool(beneficiaries(text))


def _beneficiary_lines(lines: list[Line]) -> list[Line]:
    """The 'Tuensaajat' line and the lines after it that continue its list
    (a table row per beneficiary: a name and a Y-tunnus, no other label)."""
    start = next((i for i, ln in enumerate(lines) if re.match(r"^\s*Tuensaajat\b", ln.text)), None)
    if start is None:
        return []
    block = [lines[start]]
    for ln in lines[start + 1:]:
        if not _has_beneficiary(ln.text) or _FORM_LABEL_RE.search(ln.text.replace("Y-tunnus", "")):
            break
        block.append(ln)
    return block


def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(source, KIND, line_count=line_count(lines))
    top = next((ln for ln in lines[:6] if _HEAD_RE.search(ln.text)), None)
    doc.title = _HEAD_RE.search(top.text).group(0) if top else None
    fs = fields(lines)
    text = "\n".join(ln.text for ln in lines)
    p = read_project(lines, doc, fs, text)
    if p.funding_authority is None:
        grant = next((m for ln in lines if (m := _GRANTOR_RE.match(ln.text))), None)
        if grant:
            p.funding_authority = normalise_space(grant.group("org"))
    block = _beneficiary_lines(lines)
    for ben in block:
        for name, raw in beneficiaries(re.sub(r"^\s*Tuensaajat\s*:?", "", ben.text)):
            bid = checked_business_id(doc, raw, ben.no, name)
            p.participants.append(Participation(name, "implementer", line=ben.no, business_id=bid,
                                                evidence="form_field"))
            mention(doc, name, ben.no, bid)
    if not block:
        _applicants(lines, fs, doc, p)
    free = [ln for ln in lines if not _FORM_LABEL_RE.search(ln.text)]
    for first_no, _bi, _s, found in prose_statements(free):
        add_statements(doc, p.participants, p.code or p.name, found, first_no)
    doc.projects.append(p)
    return doc


def _applicants(lines: list[Line], fs, doc: SourceDocument, p) -> None:
    applicant = first(fs, "applicant")
    if not applicant:
        return
    mode_fields = [f for f in fs if f.key == "mode"]
    mode_lines = [ln for ln in lines if mode_fields and mode_fields[0].line <= ln.no <= mode_fields[0].line + 3]
    mode = marked_option(" ".join(ln.text for ln in mode_lines)) if mode_lines else None
    bid_f = next((f for f in fs if f.key == "business_id" and f.line >= applicant.line), None)
    raw = BID_TAIL_RE.match(bid_f.value).group(0) if bid_f and BID_TAIL_RE.match(bid_f.value) else None
    bid = checked_business_id(doc, raw, bid_f.line if bid_f else applicant.line, applicant.value)
    org_type = first(fs, "org_type")
    role = "main" if mode in ("joint", "transfer") else "applicant"
    p.participants.append(Participation(applicant.value, role, line=applicant.line, business_id=bid,
                                        evidence="form_field"))
    mention(doc, applicant.value, applicant.line, bid, org_type.value if org_type else None)
    if mode in ("joint", "transfer") and mode_fields:
        i = next(k for k, ln in enumerate(lines) if ln.no == mode_fields[0].line)
        for name, raw, no in org_rows(lines, i + 1)[0]:
            bid = checked_business_id(doc, raw, no, name)
            p.participants.append(Participation(name, "sub", line=no, business_id=bid, evidence="form_field"))
            mention(doc, name, no, bid)
