"""Projects a plan lists in a table printed one cell per line ('Hanke' /
'Toteuttaja' / 'Vuodet', then rows of as many cells).
"""
from __future__ import annotations

import re

from hankeverkko.loaders.project_plan.mentions import RelatedProject
from hankeverkko.loaders.prose import YEARS_RE, nominative, split_names

__all__ = ["table_projects"]

_NAME_HEADER = re.compile(r"(?:hanke|hankkeen\s+nimi|hankkeet|projekti|projektin\s+nimi|nimi)", re.I)
_COLUMN_HEADERS = {
    "org": re.compile(r"(?:toteuttaja|toteuttajat|päätoteuttaja|hallinnoija|organisaatio|hakija)", re.I),
    "years": re.compile(r"(?:vuodet|vuosi|toteutusaika|ajankohta|kesto|aika)", re.I),
    "other": re.compile(r"(?:rahoittaja|rahoitus|kuvaus|tulokset|yhteys\s+hankkeeseen|lisätietoja)", re.I),
}


def table_projects(lines) -> list[RelatedProject]:
    """Projects in a table printed one cell per line: a header row ('Hanke' /
    'Toteuttaja' / 'Vuodet') followed by rows of as many cells.

    >>> from hankeverkko.loaders.text import Line
    >>> ls = [Line(i + 1, t) for i, t in enumerate(["Hanke", "Toteuttaja", "Vuodet", "Alfa – beeta",
    ...       "Gamman kunta", "2097–2099", "Delta", "Eetu ry", "2098-2099", "", "Uusi kappale."])]
    >>> [(r.name, r.period, r.implementers) for r in table_projects(ls)]
    [('Alfa – beeta', '2097-2099', [('Gamman kunta', 'implementer')]), ('Delta', '2098-2099', [('Eetu ry', 'implementer')])]
    """
    out: list[RelatedProject] = []
    cells = [(ln.no, ln.text.strip()) for ln in lines]
    i = 0
    while i < len(cells):
        no, t = cells[i]
        if not _NAME_HEADER.fullmatch(t.rstrip(":")):
            i += 1
            continue
        cols, j = ["name"], i + 1
        while j < len(cells) and len(cols) < 5:
            kind = next((k for k, rx in _COLUMN_HEADERS.items() if rx.fullmatch(cells[j][1].rstrip(":"))), None)
            if kind is None:
                break
            cols.append(kind)
            j += 1
        if len(cols) < 2 or not {"org", "years"} & set(cols):
            i += 1
            continue
        while j + len(cols) <= len(cells):
            row = cells[j:j + len(cols)]
            if any(not c for _, c in row):
                break
            values = dict(zip(cols, (c for _, c in row)))
            ys = YEARS_RE.search(values.get("years", ""))
            if "years" in values and not ys or len(values["name"]) > 120 or values["name"].endswith("."):
                break
            rp = RelatedProject(values["name"], row[0][0], row[-1][0],
                                period=f"{ys.group(1)}-{ys.group(2)}" if ys else None)
            if values.get("org"):
                rp.implementers = [(nominative(o), "implementer") for o in split_names(values["org"])]
            rp.contexts.append(" ".join(c for _, c in row))
            out.append(rp)
            j += len(cols)
        i = j
    return out
