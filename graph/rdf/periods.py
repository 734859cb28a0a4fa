"""The programme period of a project that names no programme, from data.

A project printed without its programme (a project card, a decision, a
newsletter) still belongs to one: the period comes from the shape of its
code (``loaders/data/project_codes.csv``: S1xxxx 2007-2013, S2xxxx/A7xxxx
2014-2020, S3xxxx/R-0xxxx 2021-2027), else — only for a project whose EU fund
is known — from its start date; the programme of that period (and fund) is
the row of ``loaders/data/programme_periods.csv``, so a card of a 2014-2020
project joins the programme node the TL5 lists name. A period with no row
for the fund gets a programme node named by fund and period ('EAKR 2007-2013').
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hankeverkko.loaders.ids import fund_of_code, project_codes
from hankeverkko.loaders.records import Project
from hankeverkko.loaders.reference import data_rows

__all__ = ["PERIOD_CHOICES", "PeriodProgramme", "code_period", "date_period", "period_programme", "programme_periods"]


#: programme periods a network or map can be filtered by (`--period`, the HTML period menu)
PERIOD_CHOICES = ("2014-2020", "2021-2027")


@dataclass(frozen=True)
class PeriodProgramme:
    period: str
    first_year: int
    last_year: int
    fund: str
    programme: str
    source: str


@lru_cache(maxsize=None)
def programme_periods() -> tuple[PeriodProgramme, ...]:
    """Every row of ``loaders/data/programme_periods.csv``."""
    return tuple(PeriodProgramme(r["period"], int(r["first_year"]), int(r["last_year"]), r["fund"],
                                 r["programme"], r["source"]) for r in data_rows("programme_periods.csv"))


def code_period(code: Optional[str]) -> Optional[str]:
    """The programme period the shape of a code settles.

    >>> code_period("S29951"), code_period("A79901"), code_period("R-0" "1402"), code_period("S19901")
    ('2014-2020', '2014-2020', '2021-2027', '2007-2013')
    >>> code_period("X-1") is None
    True
    """
    hits = project_codes(code or "")
    if hits and hits[0].code == (code or "").strip():
        return hits[0].shape.period or None
    return None


def date_period(p: Project) -> Optional[str]:
    """The period whose years hold the project's start (or end) date: only for a
    project whose EU fund is known (a national programme's project is in no EU period)."""
    if not p.fund:
        return None
    day = p.start or p.end
    for row in programme_periods():
        if day and row.first_year <= day.year <= row.last_year:
            return row.period
    return None


def period_programme(p: Project) -> Optional[tuple[str, str]]:
    """(programme name, period) for a project that names no programme, else ``None``.

    >>> period_programme(Project("Alfa", None, code="S29951"))
    ('Kestävää kasvua ja työtä 2014–2020', '2014-2020')
    """
    period = code_period(p.code) or date_period(p)
    if period is None:
        return None
    fund = p.fund or (fund_of_code(p.code) if p.code else None) or ""
    rows = [r for r in programme_periods() if r.period == period and r.fund in ("", fund)]
    if rows:
        return rows[0].programme, period
    return (f"{fund} {period}" if fund else f"EU {period}"), period
