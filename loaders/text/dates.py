"""Dates and periods as Finnish programme documents print them.

'd.m.yyyy' dates, 'd.m.yyyy – d.m.yyyy' periods and, loosely, 'm/yyyy-m/yyyy'
and 'yyyy–yyyy'.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

__all__ = ["DATE_RE", "PERIOD_RE", "parse_date", "parse_period", "parse_period_loose"]


DATE_RE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
PERIOD_RE = re.compile(
    r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})\s*[–—-]\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})")


def parse_date(text: str) -> Optional[_dt.date]:
    """Read a Finnish date 'd.m.yyyy' (or 'd.m.yy', taken as 20yy)."""
    m = DATE_RE.search(text)
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def parse_period(text: str) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """Read 'd.m.yyyy – d.m.yyyy' into a (start, end) pair.

    >>> parse_period("1.1.2023 – 31.12.2027")
    (datetime.date(2023, 1, 1), datetime.date(2027, 12, 31))
    """
    m = PERIOD_RE.search(text)
    if not m:
        return None, None
    return parse_date(m.group(1)), parse_date(m.group(2))


_LOOSE_PERIOD_RE = re.compile(
    r"(?P<d1>\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})\s*[–—-]\s*(?P<d2>\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})"
    r"|(?P<m1>\d{1,2})/(?P<y1>\d{4})\s*[–—-]\s*(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    r"|\b(?P<ya>(?:19|20)\d{2})\s*[–—-]\s*(?P<yb>(?:19|20)\d{2})\b")


def parse_period_loose(text: str) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """Read the first period in ``text``: 'd.m.yyyy – d.m.yyyy', 'm/yyyy-m/yyyy'
    (whole months) or 'yyyy–yyyy' (whole years).

    >>> parse_period_loose("10/2021-10/2024")
    (datetime.date(2021, 10, 1), datetime.date(2024, 10, 31))
    >>> parse_period_loose("2021-2027 (hankkeet 1.1.2023-31.12.2027)")
    (datetime.date(2021, 1, 1), datetime.date(2027, 12, 31))
    >>> parse_period_loose("1.1.2023 – 31.12.2027")
    (datetime.date(2023, 1, 1), datetime.date(2027, 12, 31))
    >>> parse_period_loose("ei tiedossa")
    (None, None)
    """
    m = _LOOSE_PERIOD_RE.search(text)
    if not m:
        return None, None
    if m.group("d1"):
        return parse_date(m.group("d1")), parse_date(m.group("d2"))
    try:
        if m.group("m1"):
            y1, m1, y2, m2 = (int(m.group(k)) for k in ("y1", "m1", "y2", "m2"))
            nxt = _dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1)
            return _dt.date(y1, m1, 1), nxt - _dt.timedelta(days=1)
        return _dt.date(int(m.group("ya")), 1, 1), _dt.date(int(m.group("yb")), 12, 31)
    except ValueError:
        return None, None
