"""Cell values of a participation list: text, roles, dates, euros, business IDs and codes.

Each parser takes what a cell holds (text, a number, a date from openpyxl)
and returns the records value, ``None`` for an empty cell, or raises
:class:`_Bad` with a reason the loader reports on the row.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from hankeverkko.loaders.ids import business_id_valid
from hankeverkko.loaders.text import normalise_space

__all__ = ["ROLE_NAMES", "parse_role", "parse_cell_date", "parse_amount", "valid_business_id",
           "_Bad", "_DASHES", "_ROLE_WORDS", "_nfc", "_text", "_business_id", "_code"]


_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_DASHES = {"-", "–", "—", "‐", "−"}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).replace("\ufeff", "").replace("\u200b", "")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:
            return ""
        if v.is_integer():
            v = int(v)
    if isinstance(v, _dt.datetime):
        v = v.date() if v.time() == _dt.time() else v
    return " ".join(normalise_space(_nfc(str(v))).split())     # also line breaks inside a cell


#: printed role -> records role (exact forms; inflected Finnish forms are read by stem, see parse_role)
ROLE_NAMES: dict[str, str] = {
    "päätoteuttaja": "main", "main": "main", "main_implementer": "main", "lead": "main",
    "lead_implementer": "main", "lead_partner": "main",
    "osatoteuttaja": "sub", "sub": "sub", "sub_implementer": "sub", "subimplementer": "sub",
    "toteuttaja": "implementer", "implementer": "implementer", "co_implementer": "implementer",
    "hakija": "applicant", "applicant": "applicant",
    "hallinnoija": "administrator", "hankehallinnoija": "administrator", "administrator": "administrator",
    "kumppani": "partner", "yhteistyökumppani": "partner", "partner": "partner",
    "partner_organisation": "partner", "partner_organization": "partner",
    "pilotti": "pilot", "pilottikunta": "pilot", "pilot": "pilot", "pilot_municipality": "pilot",
    "ohjausryhmä": "steering", "steering": "steering", "steering_group": "steering",
}
#: Finnish stems, longest first: 'päätoteuttajana', 'osatoteuttajat', 'kumppanina' ...
_ROLE_STEMS = (("hankehallinnoij", "administrator"), ("yhteistyökumppan", "partner"),
               ("päätoteuttaj", "main"), ("osatoteuttaj", "sub"), ("pilottikun", "pilot"),
               ("hallinnoij", "administrator"), ("ohjausryhm", "steering"), ("toteuttaj", "implementer"),
               ("kumppan", "partner"), ("hakij", "applicant"), ("pilot", "pilot"))
_ROLE_WORDS = ("päätoteuttaja, osatoteuttaja, toteuttaja, hakija, hallinnoija or kumppani "
               "(or main, sub, implementer, applicant, administrator, partner)")


def _role_key(s: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", normalise_space(_nfc(s)).casefold())
    return re.sub(r"[\s\-]+", "_", s.strip(" .:;,!?*")).strip("_")


def _one_role(key: str) -> Optional[str]:
    if key in ROLE_NAMES:
        return ROLE_NAMES[key]
    word = key.replace("_", "")
    for stem, role in _ROLE_STEMS:
        rest = word[len(stem):]
        if word.startswith(stem) and len(rest) <= 5 and (not rest or rest.isalpha()):
            return role
    return None


def parse_role(value: Any) -> Optional[str]:
    """Records role of a printed role, in any case, English or Finnish, also
    inflected ('päätoteuttajana', 'Osatoteuttajat'); '' -> 'implementer';
    'päätoteuttaja / hallinnoija' -> 'administrator' (a kind of main
    implementer); unknown or several different roles -> ``None``.

    >>> parse_role(" OSATOTEUTTAJA "), parse_role("Main implementer"), parse_role("päätoteuttaja/hallinnoija")
    ('sub', 'main', 'administrator')
    >>> parse_role("päätoteuttaja ja kumppani") is None
    True
    """
    s = _text(value)
    if not s or s in _DASHES:
        return "implementer"
    parts = [p for p in re.split(r"\s*(?:/|,|;|&|\+|\bja\b|\band\b)\s*", s) if p.strip()]
    roles = {_one_role(_role_key(p)) for p in parts} if len(parts) > 1 else {_one_role(_role_key(s))}
    if None in roles:
        return None
    if roles == {"main", "administrator"}:
        return "administrator"
    return roles.pop() if len(roles) == 1 else None


class _Bad(ValueError):
    pass


def _excel_serial(n: float) -> _dt.date:
    if not 20000 <= n < 80000:          # 1954 .. 2119; anything else is not a date in this column
        raise _Bad(f"{n!r} is not a date (use d.m.yyyy or yyyy-mm-dd)")
    return _EXCEL_EPOCH + _dt.timedelta(days=int(n))


_TIME = r"(?:[ T](?:klo\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?"


def parse_cell_date(value: Any) -> Optional[_dt.date]:
    """A date cell: an Excel date (also as a bare serial number), 'd.m.yyyy',
    'dd.mm.yy' or ISO 'yyyy-mm-dd', with or without a time; '' or '-' -> ``None``.

    >>> parse_cell_date("1.9.2024"), parse_cell_date("2024-09-01"), parse_cell_date("")
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), None)
    >>> parse_cell_date("01.09.2024 12.30"), parse_cell_date("2024-09-01T08:00:00"), parse_cell_date(45536)
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), datetime.date(2024, 9, 1))
    >>> parse_cell_date("31.2.2024")
    Traceback (most recent call last):
    ...
    hankeverkko.loaders.spreadsheet.values._Bad: '31.2.2024' is not a date (use d.m.yyyy or yyyy-mm-dd)
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, _dt.time):
        raise _Bad(f"{value} is a time of day, not a date")
    if isinstance(value, bool):
        raise _Bad(f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        return _excel_serial(value)
    s = normalise_space(_nfc(str(value)))
    if not s or s in _DASHES:
        return None
    s1 = re.sub(r"\s*\.\s*(?=\d)", ".", s)
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?" + _TIME, s1)
        if m:
            year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
            return _dt.date(year, int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME, s)
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if re.fullmatch(r"\d{5}(?:\.0+)?", s):
            return _excel_serial(float(s))
    except (ValueError, OverflowError):
        pass
    hint = "; d/m/yyyy and m/d/yyyy cannot be told apart" if "/" in s else ""
    raise _Bad(f"{s!r} is not a date (use d.m.yyyy or yyyy-mm-dd{hint})")


def parse_amount(value: Any) -> Optional[Decimal]:
    """Euros from a number cell or text; '' or '-' -> ``None``.  Spaces (also
    no-break and narrow ones) separate thousands; a decimal comma or point is
    the last separator; '€', 'EUR', 'euroa' and ',-' are allowed.

    >>> parse_amount("12 345,50 €"), parse_amount(80000), parse_amount("1.234.567")
    (Decimal('12345.50'), Decimal('80000'), Decimal('1234567'))
    >>> parse_amount("1\\u00a0260\\u00a0121,50"), parse_amount("1,260,121.50"), parse_amount("1 260 121,-")
    (Decimal('1260121.50'), Decimal('1260121.50'), Decimal('1260121'))
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Bad(f"{value!r} is not an amount")
    if isinstance(value, float):
        if value != value:       # NaN: an empty numeric cell
            return None
        d = Decimal(str(round(value, 2)))
    elif isinstance(value, (int, Decimal)):
        d = Decimal(value)
    else:
        s = normalise_space(_nfc(str(value)))
        if not s or s in _DASHES:
            return None
        t = re.sub(r"(?i)^(?:€|eur)\s*", "", s)
        t = re.sub(r"(?i)\s*(?:€|eur|euroa|e)\.?$", "", t)
        t = re.sub(r"[,.][-–]$", "", t)
        t = re.sub(r"[\s'’]", "", t)
        if t[:1] in _DASHES and len(t) > 1:
            raise _Bad(f"{value!r} is negative")
        if "," in t and "." in t:
            dec = "," if t.rfind(",") > t.rfind(".") else "."
            t = t.replace("." if dec == "," else ",", "").replace(",", ".")
        elif t.count(",") > 1:
            t = t.replace(",", "")
        elif "," in t:
            t = t.replace(",", ".")
        elif t.count(".") > 1 or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
            t = t.replace(".", "")
        if not re.fullmatch(r"\d+(?:\.\d+)?", t):
            raise _Bad(f"{value!r} is not an amount in euros")
        try:
            d = Decimal(t)
        except InvalidOperation:
            raise _Bad(f"{value!r} is not an amount in euros") from None
    if d < 0:
        raise _Bad(f"{value!r} is negative")
    return d


def valid_business_id(value: str) -> bool:
    """Format and check digit of a Finnish business ID (Y-tunnus).

    >>> valid_business_id("1234567-1"), valid_business_id("1234567-2")
    (True, False)
    """
    return business_id_valid(value)


def _business_id(value: Any) -> Optional[str]:
    s = re.sub(r"\s", "", _text(value))
    if not s or s in _DASHES:
        return None
    m = re.fullmatch(r"(?i)(?:FI)?(\d{7})-?(\d)", s)     # 'FI12345678', a number cell 12345678
    if m:
        s = f"{m.group(1)}-{m.group(2)}"
    if re.fullmatch(r"\d{6}-\d", s):     # a leading zero lost by a spreadsheet
        s = "0" + s
    if not valid_business_id(s):
        raise _Bad(f"{value!r} is not a valid business ID (Y-tunnus, 1234567-8)")
    return s


def _code(value: Any) -> str:
    """A project or group code: 's99901', ' S 99901', an Excel number 123456.0 -> 'S99901', '123456'."""
    s = _text(value).lstrip("'")
    if re.fullmatch(r"[A-Za-z]{1,3}[-\s]?\d{3,}", s):
        s = s.replace(" ", "").upper()
    return s
