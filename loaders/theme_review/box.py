"""The fact box that opens each theme of a national-theme review.

After 'Valtakunnallinen teema' and the title come labelled blocks, in any
order: contacts ('Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja
rahoittajan vastuuhenkilö)'), the responsible ministries ('Vastuullinen
hallinnonala ja ministeriön vastuuhenkilön yhteystiedot'), 'Teeman
toteutusaika' and the funding 'Teeman (EU+ valtio)' a)–d).  This module reads
them into plain values; e-mail addresses and phone numbers are removed before
anything is kept.

>>> from hankeverkko.loaders.text import read_lines
>>> box = read_box(read_lines('''Valtakunnallinen teema
... Esimerkkiteema
... Yhteyshenkilöt (koordinaatio tms.
... hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)
... Projektipäällikkö Aino Esimerkki, Alfa ry, aino@alfa.fi
... Rahoitusasiantuntija Olli Malli, Lapin ELY-keskus, 0295 000 111
... Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot
... STM: Eeva Kallio
... Teeman toteutusaika 2022–2026
... Teeman (EU+ valtio):
... a) julkinen rahoituskehys 2 M€
... b) varaukset 1 000 000 €
... c) sidotut valtuudet 0 €
... d) maksetut kustannukset ei vielä'''))
>>> box.title, box.ministries, box.funders, box.period
('Esimerkkiteema', ['Sosiaali- ja terveysministeriö'], ['Lapin ELY-keskus'], '2022–2026')
>>> box.funding.frame, box.funding.paid
(Decimal('2000000'), Decimal('0'))
>>> [(c.person, c.kind, c.organisation) for c in box.contacts]
[('Aino Esimerkki', 'coordination', 'Alfa ry'), ('Olli Malli', 'funder', 'Lapin ELY-keskus'), ('Eeva Kallio', 'ministry', 'Sosiaali- ja terveysministeriö')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from hankeverkko.loaders.records import Contact, Funding
from hankeverkko.loaders.text import Line, is_page_furniture, join_broken, normalise_space, parse_euros
from hankeverkko.loaders.theme_review.contacts import CoordinationHint, ministry_names, parse_contacts

__all__ = ["Box", "read_box", "is_theme_heading", "is_box_label", "parse_funding"]

_HEADING_RE = re.compile(r"^\s*valtakunnallinen teema\s*:?\s*(?P<rest>.*)$", re.I)
_LABELS = {
    "contacts": re.compile(r"^yhteyshenkilö", re.I),
    "ministry": re.compile(r"^(?:vastuullinen hallinnonala|vastuuministeriö)", re.I),
    "period": re.compile(r"^(?:teeman\s+)?toteutusaika\b", re.I),
    "funding": re.compile(r"^(?:teeman[^:]{0,30}\(\s*eu|(?:teeman\s+)?rahoitus\s*\(\s*eu|[a-d]\)\s*julkinen rahoituskehys"
                          r"|(?:julkinen\s+)?rahoituskehys\b)", re.I),
}
# the words that close a multi-line label
_LABEL_END = {"contacts": re.compile(r"vastuuhenkilö\)\s*:?\s*$|\)\s*:?\s*$", re.I),
              "ministry": re.compile(r"yhteystiedot\s*:?\s*$", re.I)}
_NUMBERED_SECTION_RE = re.compile(r"^\s*[1-7][.)]\s+(?:tiivis|kuvaus|arvio|linkkej|valtakunnallisesta)", re.I)


def is_theme_heading(text: str) -> bool:
    return bool(_HEADING_RE.match(text))


def is_box_label(text: str) -> Optional[str]:
    t = normalise_space(text)
    for name, rx in _LABELS.items():
        if rx.match(t):
            return name
    return None


@dataclass
class Box:
    title: str
    period: Optional[str] = None
    ministries: list[str] = field(default_factory=list)
    funding: Funding = field(default_factory=Funding)
    funders: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    coordination: list[CoordinationHint] = field(default_factory=list)
    end: int = 0                  # index (into the section's lines) after the box


def _label_end(lines: list[Line], i: int, label: str) -> Optional[int]:
    """Index of the last line of a label printed over several lines ('Yhteyshenkilöt
    (koordinaatio tms. / ... vastuuhenkilö)'), or ``None`` for a one-line label."""
    j, seen = i, 0
    while not _LABEL_END[label].search(lines[j].clean):
        j += 1
        seen += 1 if lines[j - 1].clean else 0
        if j >= len(lines) or seen >= 4 or is_box_label(lines[j].clean) or _NUMBERED_SECTION_RE.match(lines[j].clean):
            return None
    return j


def read_box(lines: list[Line]) -> Box:
    """Read the box of one theme section (``lines`` starts at its heading)."""
    m = _HEADING_RE.match(lines[0].text) if lines else None
    title_parts = [m.group("rest")] if m and m.group("rest").strip() else []
    i = 1
    while i < len(lines) and len(title_parts) < 6:
        t = lines[i].clean
        if is_page_furniture(t):
            i += 1
            continue
        if is_box_label(t) or _NUMBERED_SECTION_RE.match(t):
            break
        if re.fullmatch(r"koordinaatiohanke", t, re.I):    # a label under the title, not part of it
            i += 1
            continue
        title_parts.append(t)
        i += 1
    box = Box(title=join_broken(title_parts))

    blocks: dict[str, list[Line]] = {}
    current: Optional[str] = None
    while i < len(lines):
        t = lines[i].clean
        if _NUMBERED_SECTION_RE.match(t):
            break
        label = is_box_label(t)
        if label and label not in blocks:
            current = label
            blocks[label] = []
            if label in _LABEL_END:
                j = _label_end(lines, i, label)
                if j is not None:
                    i = j
                elif ":" in t and t.split(":", 1)[1].strip():     # a one-line label with its value
                    blocks[label].append(Line(lines[i].no, t.split(":", 1)[1]))
                elif label == "ministry":                           # 'Vastuuministeriö TEM/OKM'
                    rest = re.sub(r"^(?:vastuullinen hallinnonala|vastuuministeriö\w*)\s*", "", t, flags=re.I)
                    if rest and not re.match(r"(?:ja|sekä)\b", rest, re.I):
                        blocks[label].append(Line(lines[i].no, rest))
            elif label == "period":
                blocks[label].append(Line(lines[i].no, re.sub(r"^\s*(?:teeman\s+)?toteutusaika\s*:?", "",
                                                               lines[i].text, flags=re.I)))
            elif label == "funding":
                rest = re.sub(r"^teeman[^:]*\)\s*:?|^teeman[^:]*:", "", t, flags=re.I) if t.lower().startswith(
                    "teeman") else re.sub(r"^rahoitus\s*\([^)]*\)\s*[:,]?", "", t, flags=re.I)
                if rest.strip():
                    blocks[label].append(Line(lines[i].no, rest))
            i += 1
            continue
        if current:
            blocks[current].append(lines[i])
        i += 1
    box.end = i

    if "period" in blocks:
        for ln in blocks["period"]:
            if not is_page_furniture(ln.text) and ln.clean:
                box.period = ln.clean
                break
    if "funding" in blocks:
        box.funding = parse_funding(blocks["funding"])
    if "ministry" in blocks:
        box.ministries = ministry_names(blocks["ministry"])
        mc, _ = parse_contacts(blocks["ministry"], default_kind="ministry")
        box.contacts += mc
    if "contacts" in blocks:
        cc, hints = parse_contacts(blocks["contacts"], default_kind="contacts")
        box.contacts = cc + box.contacts
        box.coordination = hints
        for c in cc:
            if c.kind == "funder" and c.organisation and c.organisation not in box.funders:
                box.funders.append(c.organisation)
    return box


# ---------------------------------------------------------------- funding

_FIELDS = (("frame", "rahoituskehys"), ("reserved", "varaukset"),
           ("committed", "sidotut"), ("paid", "maksetut"))
# the label words as tables and later reviews print them ('Kehys', 'Varattu', 'Maksettu')
_FIELD_RES = (("frame", re.compile(r"(?:rahoitus)?kehys\w*", re.I)),
              ("reserved", re.compile(r"varauk\w*|varattu\w*", re.I)),
              ("committed", re.compile(r"sidot\w*(?:\s+valtuudet)?", re.I)),
              ("paid", re.compile(r"makset\w*(?:\s+kustannukset)?|maksettu\w*", re.I)))
_LABEL_WORDS_RE = re.compile(r"^(?:\s*(?:julkinen|kustannukset|valtuudet|rahoitus|yhteensä|[a-d]\))\s*)*$", re.I)
# one value after another on a line of a flattened table: '18,5 milj. euroa 6 240 000 € 1 120 400 €'
_VALUE_GAP_RE = re.compile(r"(?<=€|\be|a)\s+(?=\d)")
_NOT_YET_RE = re.compile(r"^(?:ei vielä|ei ole|ei maksettu)", re.I)


def _amount(text: str) -> Optional[Decimal]:
    t = normalise_space(text)
    if _NOT_YET_RE.match(t):
        return Decimal(0)
    # a date ('(tilanne 31.10.2026)', '31.10.24 mennessä') is not an amount
    t = normalise_space(re.sub(r"\([^()]*\d{1,2}\.\d{1,2}\.\d{2,4}[^()]*\)|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", " ", t))
    value = parse_euros(t)
    if value is None:
        # a figure printed without the currency sign: thousands in groups ('5 724 575', '612 331,25')
        m = re.match(r"^(?:EUR\s*)?(\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d{1,2})?)(?:\s*EUR)?\s*$", t, re.I)
        if m:
            value = parse_euros(m.group(1) + " €")
    return value


def parse_funding(lines: list[Line]) -> Funding:
    """Read a) julkinen rahoituskehys ... d) maksetut kustannukset.

    Values may follow their labels on the same line, or come as a column after
    the labels, with or without the 'a)' letters.

    >>> from hankeverkko.loaders.text import read_lines
    >>> parse_funding(read_lines("a) julkinen rahoituskehys\\nb) varaukset\\nc) sidotut valtuudet\\n"
    ...                          "d) maksetut kustannukset\\n13 M€+10 M€\\n4,3 M€\\n0 €\\n0 € (31.10.24 mennessä)"))
    Funding(frame=Decimal('23000000'), reserved=Decimal('4300000.0'), committed=Decimal('0'), paid=Decimal('0'))
    >>> parse_funding(read_lines("a) julkinen rahoituskehys\\nb) varaukset\\nc) sidotut valtuudet\\n"
    ...                          "d) maksetut kustannukset\\nb) 50 000 €\\na) 1,4 milj. €\\nC) 7 €"))
    Funding(frame=Decimal('1400000.0'), reserved=Decimal('50000'), committed=Decimal('7'), paid=None)
    """
    letter_field: dict[str, str] = {}
    values: dict[str, Decimal] = {}
    labelled: list[str] = []
    loose: list[Decimal] = []
    # 'a) ... b) ...' printed on one line
    lines = [Line(ln.no, part) for ln in lines for part in re.split(r"\s+(?=[a-dA-D]\)\s)", ln.clean)]
    for ln in lines:
        t = ln.clean
        if not t or is_page_furniture(t):
            continue
        m = re.match(r"^([a-dA-D])\)\s*(.*)$", t)
        letter, rest = (m.group(1).lower(), m.group(2)) if m else (None, t)
        # a table header: several labels on one line and nothing else
        found = sorted((mm.start(), mm.end(), f) for f, rx in _FIELD_RES for mm in rx.finditer(rest))
        if len(found) > 1:
            leftover = rest
            for a, b, _ in reversed(found):
                leftover = leftover[:a] + " " + leftover[b:]
            if _LABEL_WORDS_RE.match(leftover):
                labelled += [f for _, _, f in found]
                continue
        if not letter and not any(rx.match(rest) for _, rx in _FIELD_RES) and \
                len(_VALUE_GAP_RE.split(rest)) > 1 and all(_amount(v) is not None for v in _VALUE_GAP_RE.split(rest)):
            loose += [_amount(v) for v in _VALUE_GAP_RE.split(rest)]
            continue
        fm = next(((f, mm) for f, rx in _FIELD_RES for mm in [rx.search(rest)]
                   if mm and not re.search(r"\d", rest[:mm.start()])), None)
        fld = fm[0] if fm else None
        if fld:
            if letter:
                letter_field[letter] = fld
            labelled.append(fld)
            after = rest.lower()[fm[1].end():]
            after = re.sub(r"^\s*(?:valtuudet|kustannukset)\b", "", after).lstrip(" :")
            value = _amount(after) if re.search(r"\d|ei vielä", after) else None
            if value is None and re.fullmatch(r"\d+(?:,\d{1,2})?", after.strip()):
                value = parse_euros(after.strip() + " €")        # 'd) maksetut kustannukset 0
            if value is not None:
                values.setdefault(fld, value)
            continue
        value = _amount(rest)
        if value is None:
            continue
        if letter:
            fld = letter_field.get(letter) or dict(zip("abcd", (f for f, _ in _FIELDS)))[letter]
            values.setdefault(fld, value)
        else:
            loose.append(value)
    waiting = [f for f in (labelled or [f for f, _ in _FIELDS]) if f not in values]
    for fld, value in zip(waiting, loose):
        values[fld] = value
    return Funding(**{f: values.get(f) for f, _ in _FIELDS})
