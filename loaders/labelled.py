"""Participations printed as labelled fields on project web pages, register
entries and reports ('Päätoteuttaja: X', 'Osatoteuttajat: Y ja Z',
'Kumppanit: ...', 'Rahoittaja: ...', 'Hankkeen nimi: ...').

The labels are the grammar of these pages, so they live here beside the
reader; the values are split into names as lists in prose are. Each field
belongs to the project whose code was printed last above it (or the page's
only project). Evidence: ``card_field``, a field a person filled in.

>>> from hankeverkko.loaders.text import read_lines
>>> found = labelled_fields(read_lines("Hankekoodi: S39901\\nPäätoteuttaja: Alfan kaupunki\\n"
...                                    "Osatoteuttajat: Beta Oy ja Gamman yliopisto"))
>>> [(f.role, f.names) for f in found]
[('main', ['Alfan kaupunki']), ('sub', ['Beta Oy', 'Gamman yliopisto'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hankeverkko.loaders.prose import split_names
from hankeverkko.loaders.text import Line, normalise_space, strip_contact_details

__all__ = ["FIELD_ROLES", "LabelledField", "labelled_fields"]

#: printed label (case-insensitive, singular or plural) -> role; 'funder' and 'name' are not participations
FIELD_ROLES: tuple[tuple[str, str], ...] = (
    ("päätoteuttaja", "main"), ("päätoteuttajat", "main"), ("hallinnoija", "main"),
    ("hankkeen hallinnoija", "main"), ("hallinnoiva organisaatio", "main"), ("koordinaattori", "main"),
    ("koordinoija", "main"), ("hakija", "applicant"), ("tuensaaja", "implementer"),
    ("osatoteuttaja", "sub"), ("osatoteuttajat", "sub"),
    ("toteuttaja", "implementer"), ("toteuttajat", "implementer"), ("hankkeen toteuttaja", "implementer"),
    ("hankkeen toteuttajat", "implementer"), ("toteuttavat organisaatiot", "implementer"),
    ("kumppani", "partner"), ("kumppanit", "partner"), ("yhteistyökumppanit", "partner"),
    ("yhteistyötahot", "partner"),
    ("rahoittaja", "funder"), ("rahoittajat", "funder"), ("rahoittava viranomainen", "funder"),
    ("hankkeen nimi", "name"), ("projektin nimi", "name"),
)
_ROLE = dict(FIELD_ROLES)
_FIELD_RE = re.compile(r"^\s*(?P<label>[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]{2,40}?)\s*:\s*(?P<value>\S.{0,400})$")
_CODE_LINE_RE = re.compile(r"^\s*(?:hankekoodi|projektikoodi|hanketunnus|koodi)\s*:?\s*(?P<code>\S+)", re.I)


@dataclass(frozen=True)
class LabelledField:
    role: str            # a participation role, 'funder' or 'name'
    names: list[str]     # organisations (or the project name)
    line: int
    code: str | None     # the project code printed last above the field


def labelled_fields(lines: list[Line]) -> list[LabelledField]:
    """Every participation field with its names, line and the code above it."""
    out, code = [], None
    for ln in lines:
        text = strip_contact_details(ln.text)
        m = _CODE_LINE_RE.match(text)
        if m:
            code = m.group("code").strip(".,;")
            continue
        m = _FIELD_RE.match(text)
        if not m:
            continue
        role = _ROLE.get(normalise_space(m.group("label")).casefold())
        if role is None:
            continue
        value = normalise_space(m.group("value")).rstrip(".")
        names = [value] if role == "name" else [n for n in split_names(value) if n[:1].isupper()]
        if names:
            out.append(LabelledField(role, names, ln.no, code))
    return out
