"""Header mapping: which column a header cell names, in English or Finnish.

Case, spacing, hyphens, a trailing ':' or '*', a parenthesised note and a
euro unit do not matter ('Hankekoodi:', 'project code', 'Kustannusarvio (€)').
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from hankeverkko.loaders.spreadsheet.values import _nfc, _text
from hankeverkko.loaders.text import normalise_space

__all__ = ["COLUMNS", "MEANINGS", "REQUIRED", "normalise_header", "column_for", "describe_columns",
           "_MAX_HEADER_SEARCH", "_accepted_note", "_known_headers", "_required_present"]


#: column -> accepted headers (compared after :func:`normalise_header`); the first two are documented
COLUMNS: dict[str, tuple[str, ...]] = {
    "project_code": ("project_code", "hankekoodi", "projektikoodi", "code", "koodi", "hankkeen_koodi",
                     "hanke_koodi", "hanketunnus", "hankkeen_tunnus", "hankenumero", "eura_koodi", "eura_tunnus",
                     "eura_code", "project_id", "project_number"),
    "project_name": ("project_name", "hanke", "hankkeen_nimi", "hanke_nimi", "hankenimi", "project", "projekti",
                     "projektin_nimi", "name_of_project"),
    "theme": ("theme", "teema", "toimenpidekokonaisuus", "measure_package", "valtakunnallinen_teema"),
    "programme": ("programme", "ohjelma", "program", "ohjelman_nimi", "rahoitusohjelma"),
    "organisation": ("organisation", "toteuttaja", "organization", "organisaatio", "toteuttajaorganisaatio",
                     "organisaation_nimi", "toteuttajan_nimi", "organisation_name", "organization_name"),
    "role": ("role", "rooli", "rooli_hankkeessa", "toteuttajan_rooli", "role_in_project"),
    "group_code": ("group_code", "ryhmähanke", "ryhmähankkeen_koodi", "ryhmähankekoodi", "ryhmähankkeen_tunnus",
                   "ryhmähanketunnus", "group", "group_project", "group_project_code"),
    "start": ("start", "alkaa", "alkupäivä", "start_date", "alkupvm", "alkamispäivä", "alkupäivämäärä",
              "aloituspäivä", "hanke_alkaa"),
    "end": ("end", "päättyy", "loppupäivä", "end_date", "loppupvm", "päättymispäivä", "loppupäivämäärä",
            "hanke_päättyy"),
    "cost_eur": ("cost_eur", "kustannusarvio", "cost", "kustannusarvio_eur", "kustannusarvio_yhteensä",
                 "kustannukset", "kokonaiskustannukset", "budjetti", "budget", "cost_estimate", "total_cost"),
    "business_id": ("business_id", "y_tunnus", "ytunnus", "business_identity_code"),
}
#: what each column means (for error messages and documentation)
MEANINGS = {
    "project_code": "EURA code of the project (or of the sub-project in a group)",
    "project_name": "project name",
    "theme": "national theme or measure package",
    "programme": "programme, e.g. 'Esimerkkiohjelma 2021–2027'",
    "organisation": "the organisation taking part",
    "role": "päätoteuttaja, osatoteuttaja, toteuttaja, hakija, hallinnoija or kumppani (main, sub, implementer, "
            "applicant, administrator, partner); empty = toteuttaja",
    "group_code": "code of the group project the row's project belongs to",
    "start": "start date, d.m.yyyy, yyyy-mm-dd or a date cell",
    "end": "end date, d.m.yyyy, yyyy-mm-dd or a date cell",
    "cost_eur": "cost estimate in euros, e.g. 1 260 121,50",
    "business_id": "Finnish business ID (Y-tunnus), 1234567-8",
}
REQUIRED = ("organisation", "project_code|project_name")


_MAX_HEADER_SEARCH = 30          # rows searched for the header


def normalise_header(h: Any) -> str:
    """Key of a header cell: case, spacing, hyphens, a trailing ':' or '*', a
    parenthesised note and a euro unit do not matter.

    >>> normalise_header("Kustannusarvio (€):"), normalise_header("Alkaa (pp.kk.vvvv)"), normalise_header("Toteuttaja*")
    ('kustannusarvio', 'alkaa', 'toteuttaja')
    """
    s = normalise_space(_nfc(str(h if h is not None else ""))).casefold()
    s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", s)          # '(€)', '(pp.kk.vvvv)', '[EUR]'
    s = s.replace("€", " ")
    s = re.sub(r",.*$", "", s)                            # 'Kustannusarvio, €'
    s = s.strip(" :*.?!#")
    s = re.sub(r"[\s\-/]+", "_", s).strip("_")
    return re.sub(r"_(?:eur|euroa|euro|euros|e|in_euros)$", "", s)


_HEADER_LOOKUP = {normalise_header(h): col for col, hs in COLUMNS.items() for h in hs}


def column_for(header: Any) -> Optional[str]:
    """The column a header names, or ``None``."""
    return _HEADER_LOOKUP.get(normalise_header(header))


def describe_columns() -> str:
    """One line per column: English / Finnish header, other accepted names, meaning."""
    rows = []
    for col, hs in COLUMNS.items():
        also = f" (also {', '.join(hs[2:])})" if hs[2:] else ""
        rows.append(f"  {hs[0]} / {hs[1]}{also}: {MEANINGS[col]}")
    return "\n".join(rows)


def _accepted_note() -> str:
    return ("Expected columns (English / Finnish; case, spacing, a trailing ':' and a unit such as '(€)' "
            "do not matter):\n" + describe_columns())


def _known_headers(cells: Iterable[Any]) -> int:
    return len({column_for(c) for c in cells if _text(c) and column_for(c)})


def _required_present(cells: Iterable[Any]) -> int:
    cols = {column_for(c) for c in cells if _text(c)}
    return ("organisation" in cols) + bool({"project_code", "project_name"} & cols)
