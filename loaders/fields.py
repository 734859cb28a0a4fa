"""Labelled fields of EURA project cards, decisions and forms.

The printed labels are grammar of these document kinds (EURA 2007/2014 forms,
the public project card): ``Label: value`` on one line, the value on the next
line (a saved HTML page), or labels and values run together on one line (a
transcript).  Contact fields are read only to be *dropped*: nothing from them
reaches a record.

>>> from hankeverkko.loaders.text import Line
>>> fs = fields([Line(1, "Projektikoodi S19901 Projektin nimi Alfa VIRANOMAINEN, JOLLE HAKEMUS OSOITETAAN "
...                      "Betan ELY-keskus Hakijaorganisaation nimi Gamma ry Organisaatiotyyppi Yhdistys")])
>>> [(f.key, f.value) for f in fs]
[('code', 'S19901'), ('name', 'Alfa'), ('authority', 'Betan ELY-keskus'), ('applicant', 'Gamma ry'), ('org_type', 'Yhdistys')]
>>> marked_option("☐ Vain yksi hakija ☒ Hakijoita on useampi kuin yksi (yhteishanke) ☐ Hakija siirtää (tuen siirto)")
'joint'
>>> marked_option("Vain yksi hakija Hakijoita on useampi kuin yksi (yhteishanke)") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.text import Line, normalise_space

__all__ = ["BID_TAIL_RE", "Field", "LABELS", "fields", "first", "marked_option", "org_rows", "ROW_RE", "SECTION_RE", "OPTIONS"]

#: (printed label, key); key '' = read to bound the neighbours' values, then dropped
LABELS: tuple[tuple[str, str], ...] = (
    ("Hankekoodi", "code"), ("Projektikoodi", "code"),
    ("Hankkeen julkinen nimi", "name"), ("Hankkeen nimi", "name"), ("Projektin nimi", "name"),
    ("Toimintalinja", "axis"), ("Erityistavoite", "objective"),
    ("Suunnitelman mukainen toteutusaika", "period"), ("Toteutusaika", "period"), ("Projektin kesto", "period"),
    ("Alkamispäivämäärä", "start"), ("Päättymispäivämäärä", "end"),
    ("Toiminnan tila", "status"), ("Tila", "status"),
    ("Vastuuviranomainen", "authority"), ("VIRANOMAINEN, JOLLE HAKEMUS OSOITETAAN", "authority"),
    ("Viranomainen", "authority"),
    ("Hakijan virallinen nimi", "applicant"), ("Hakijaorganisaation nimi", "applicant"),
    ("Organisaatiotyyppi", "org_type"), ("Y-tunnus", "business_id"),
    ("Hakijoiden lukumäärä tai tuen siirto -menettely", "mode"),
    ("Osatoteuttajat", "subs"), ("Tuen siirron saajat", "transfers"), ("Tuensaajat", "beneficiaries"),
    ("Julkinen rahoitus yhteensä", "public"), ("Julkinen rahoitus", "public"),
    ("EU- ja valtion rahoitus", "eu_state"), ("EU-rahoitus", "eu"), ("Valtion rahoitus", "state"),
    ("Kokonaisrahoitus", "total"), ("Kustannukset yhteensä", "total"),
    # contact and office fields: bounds only, never stored
    ("Jakeluosoite", ""), ("Postinumero", ""), ("Postitoimipaikka", ""), ("Puhelinnumero", ""), ("Puhelin", ""),
    ("WWW-osoite", ""), ("Hankkeen yhteyshenkilön nimi", ""), ("Yhteyshenkilön sähköpostiosoite", ""),
    ("Yhteyshenkilön sähköpostisoite", ""), ("Yhteyshenkilön puhelinnumero", ""),
    ("Yhteyshenkilön asema hakijaorganisaatiossa", ""), ("Tilinumero (IBAN)", ""), ("BIC", ""),
    ("Saapumispäivämäärä", ""), ("Hakemusnumero", ""), ("Hakemustyyppi", ""), ("Diaarinumero", ""),
    ("Päivämäärä", ""), ("Päätöstyyppi", ""), ("Käsittelijä", ""), ("Viranomaisen merkintöjä", ""),
    ("Lisätietoja antaa", ""),
)
_BY_LABEL = {lab.casefold(): key for lab, key in LABELS}
_LABEL_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?:" + "|".join(re.escape(lab) for lab, _ in
                                                         sorted(LABELS, key=lambda x: -len(x[0])))
                       + r")(?![\wåäöÅÄÖ-])\s*:?", re.I)
#: a numbered section heading of a card or form ('2 Hakijan perustiedot', '3 Suunnitelman ...')
SECTION_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?\.?\s+[A-ZÅÄÖ]")
#: a row 'Name, 1234567-8' or 'Name Y-tunnus: 1234567-8'
ROW_RE = re.compile(r"^\s*(?P<name>[A-ZÅÄÖ][^,]*?(?:,[^,\d]+?)?)\s*(?:,\s*|\s+Y-tunnus\s*:?\s*)"
                    r"(?P<bid>\d[\d-]{4,9})\s*$")


#: the Y-tunnus at the start of a field value (a transcript may run the next words on)
BID_TAIL_RE = re.compile(r"\d[\d-]{4,9}(?![\d-])")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str
    line: int


def fields(lines: list[Line]) -> list[Field]:
    """Every labelled field, in order; a label without a value on its line takes the
    next non-empty line when that line is no label and no section heading."""
    out: list[Field] = []
    content = [ln for ln in lines if ln.text.strip()]
    for i, ln in enumerate(content):
        text = ln.text
        hits = list(_LABEL_RE.finditer(text))
        for k, m in enumerate(hits):
            label = normalise_space(m.group(0)).rstrip(" :")
            key = _BY_LABEL.get(label.casefold(), "")
            end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
            value = normalise_space(text[m.end():end]).strip(" :")
            line_no = ln.no
            if not value and k + 1 == len(hits) and i + 1 < len(content):
                nxt = content[i + 1]
                if not _LABEL_RE.match(nxt.text.strip()) and key not in ("subs", "transfers") \
                        and (key in ("axis", "objective") or not SECTION_RE.match(nxt.text)):
                    value, line_no = normalise_space(nxt.text), nxt.no
            value = re.sub(r"\s+\d{1,2}$", "", value)       # a section number run into the value
            if key and value:
                out.append(Field(key, label, value, line_no))
            elif key in ("subs", "transfers", "mode"):
                out.append(Field(key, label, value, ln.no))
    return out


def first(fs: list[Field], key: str) -> Optional[Field]:
    return next((f for f in fs if f.key == key and f.value), None)


#: the options of the question 'Hakijoiden lukumäärä tai tuen siirto -menettely'
OPTIONS = (("single", r"Vain yksi hakija"), ("joint", r"Hakijoita on useampi kuin yksi(?:\s*\(yhteishanke\))?"),
           ("transfer", r"Hakija siirtää[^()]{0,120}\(tuen siirto\)|\(tuen siirto\)"))
_MARK_RE = re.compile(r"(?:\[\s*[xX✓✔]\s*\]|[☒☑✔✓■ý]|(?<![\w])[xX]\)|\(\s*[xX]\s*\))\s*$")


def marked_option(text: str) -> Optional[str]:
    """The option of the applicants question the text marks (``single`` | ``joint`` |
    ``transfer``); without marks, the only option printed; else ``None`` (a form
    that lists every option unmarked states nothing)."""
    found: dict[str, bool] = {}
    for key, pat in OPTIONS:
        for m in re.finditer(pat, text):
            marked = bool(_MARK_RE.search(text[max(0, m.start() - 6):m.start()]))
            found[key] = found.get(key, False) or marked
    marked = [k for k, v in found.items() if v]
    if marked:
        return marked[0]
    return next(iter(found)) if len(found) == 1 else None


def org_rows(lines: list[Line], start: int) -> tuple[list[tuple[str, str, int]], int]:
    """Rows 'Name, 1234567-8' from ``lines[start]`` on (blank lines skipped), and the
    index after them: (name, business id as printed, line number)."""
    out = []
    i = start
    while i < len(lines):
        t = lines[i].text.strip()
        if t:
            m = ROW_RE.match(t)
            if not m:
                break
            out.append((normalise_space(m.group("name")), m.group("bid"), lines[i].no))
        i += 1
    return out, i
