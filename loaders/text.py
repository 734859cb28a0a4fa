"""Shared handling of text extracted from PDFs.

Pure functions: joining lines broken by the PDF extraction, repairing
hyphenation, recognising page furniture (footers, URLs, ``mailto:`` lines),
and reading euros and dates in the forms Finnish programme documents print.

>>> parse_euros("14 000 000 e")
Decimal('14000000')
>>> parse_euros("9,9 M€")
Decimal('9900000.0')
>>> parse_euros("1,4 milj. €")
Decimal('1400000.0')
>>> parse_date("1.9.2024")
datetime.date(2024, 9, 1)
>>> join_broken(["Diakonia-", "ammattikorkeakoulu Oy"])
'Diakonia-ammattikorkeakoulu Oy'
>>> join_broken(["Lab-", "ammattikorkeakoulu"])
'Lab-ammattikorkeakoulu'
>>> join_broken(["kehittämis-", "hankkeita"])
'kehittämishankkeita'
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Iterator, Optional

__all__ = [
    "Line", "read_lines", "normalise_space", "join_broken", "dehyphenate",
    "is_noise", "is_url", "URL_RE", "EMAIL_RE", "PHONE_RE", "strip_contact_details",
    "parse_euros", "parse_date", "parse_period", "DATE_RE", "PERIOD_RE",
]

# A PDF text line together with its 1-based line number.
@dataclass(frozen=True)
class Line:
    no: int
    text: str

    @property
    def clean(self) -> str:
        return normalise_space(self.text)


def read_lines(text: str) -> list[Line]:
    """Split document text into numbered lines (1-based), keeping empties."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")


def normalise_space(s: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) and trim."""
    return _SPACE_RE.sub(" ", s).strip()


URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
EMAIL_RE = re.compile(r"[\w.%+-]+(?:@|\(at\)|\[at\])[\w-]+(?:\.[\w-]+)+", re.I)
PHONE_RE = re.compile(r"(?:\+358|\b0)[\s\d]{6,}\d")
_MAILTO_RE = re.compile(r"^\s*mailto:", re.I)
_PAGE_NO_RE = re.compile(r"^\s*\d{1,3}\s*$")


def is_url(s: str) -> bool:
    """True when the whole line is a URL (possibly with trailing punctuation)."""
    s = s.strip().rstrip(",.;")
    return bool(s) and bool(re.fullmatch(r"(?:https?://|www\.)\S+", s, re.I))


def is_noise(s: str) -> bool:
    """Page furniture: blank lines, page numbers, ``mailto:`` link lines."""
    t = s.strip()
    return not t or bool(_MAILTO_RE.match(t)) or bool(_PAGE_NO_RE.match(t))


def strip_contact_details(s: str) -> str:
    """Remove e-mail addresses and phone numbers from a string."""
    s = EMAIL_RE.sub("", s)
    s = PHONE_RE.sub("", s)
    return normalise_space(re.sub(r"\s*,\s*(,\s*)+", ", ", s)).strip(" ,")


# Words whose trailing hyphen is a real hyphen when followed by a lower-case
# compound part: 'Lab-ammattikorkeakoulu', 'Keski-Suomen', 'ESR-hanke'.
_REAL_HYPHEN_BEFORE = re.compile(r"(?:[A-ZÅÄÖ]{2,}|\d|[A-ZÅÄÖ][a-zåäö]*)-$")


def dehyphenate(left: str, right: str) -> str:
    """Join two fragments where ``left`` ends in a hyphen at a line break.

    The hyphen is kept when it is a real one: after an abbreviation or a
    capitalised word part ('Lab-', 'Diakonia-', 'ESR-', 'Keski-') or before an
    upper-case letter or digit; otherwise it is a soft break and dropped
    ('kehittämis-' + 'hankkeita').  A space before the right part ('Laurea-
    ammattikorkeakoulu') is treated the same way.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-"):
        return f"{left} {right}".strip()
    if not right:
        return left
    # an en-dash style separator 'A -' or a list hyphen: keep with a space
    if left.endswith(" -"):
        return f"{left} {right}"
    word = re.split(r"\s", left)[-1]
    if right[0].isupper() or right[0].isdigit() or _REAL_HYPHEN_BEFORE.search(word):
        return left + right
    return left[:-1] + right


def join_broken(parts: Iterable[str]) -> str:
    """Join line fragments into one string, repairing hyphenation.

    >>> join_broken(["Keski-Suomen ELY-", "keskus"])
    'Keski-Suomen ELY-keskus'
    """
    out = ""
    for p in parts:
        p = normalise_space(p)
        if not p:
            continue
        out = dehyphenate(out, p) if out else p
    return normalise_space(out)


# ---------------------------------------------------------------- euros

_MILLION_RE = re.compile(r"^(?P<n>\d+(?:[ ,.]\d+)*)\s*(?:M\s*€|milj\.?\s*(?:€|e|euroa)|miljoonaa\s*(?:€|e|euroa)?|M(?:EUR)?\b)", re.I)
_PLAIN_RE = re.compile(r"^(?P<n>\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?:€|e\b|eur\b|euroa\b)", re.I)


def _number(s: str) -> Decimal:
    s = s.replace("\u00a0", " ").strip()
    # thousands separators: space or dot followed by exactly three digits
    s = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", s)
    s = s.replace(" ", "").replace(",", ".")
    return Decimal(s)


def parse_euros(text: str) -> Optional[Decimal]:
    """Read the first euro amount in ``text``; ``None`` when there is none.

    Handles '14 000 000 e', '5 724 575 €', '9,9 M€', '1,4 milj. €',
    '14 M €, josta TEM 6 milj. € ...' (the total, 14 M), '13 M€+10 M€'
    (the sum, 23 M) and '0 € (31.10.24 mennessä)'.

    >>> parse_euros("13 M€+10 M€")
    Decimal('23000000')
    >>> parse_euros("14 M €, josta TEM 6 milj. €, OKM 3 milj. € ja STM 5 milj. €")
    Decimal('14000000')
    >>> parse_euros("0 € (31.10.24 mennessä)")
    Decimal('0')
    >>> parse_euros("1 055 410,40 €")
    Decimal('1055410.40')
    """
    t = normalise_space(text)
    m = re.search(r"\d", t)
    if not m:
        return None
    t = t[m.start():]
    total = None
    while True:
        mm = _MILLION_RE.match(t)
        if mm:
            try:
                val = _number(mm.group("n")) * Decimal(1_000_000)
            except InvalidOperation:
                return total
            rest = t[mm.end():]
        else:
            mp = _PLAIN_RE.match(t)
            if not mp:
                return total
            try:
                val = _number(mp.group("n"))
            except InvalidOperation:
                return total
            rest = t[mp.end():]
        total = val if total is None else total + val
        nxt = re.match(r"\s*\+\s*(?=\d)", rest)
        if not nxt:
            return total
        t = rest[nxt.end():]


# ---------------------------------------------------------------- dates

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


def numbered(lines: Iterable[Line]) -> Iterator[tuple[int, str]]:
    for ln in lines:
        yield ln.no, ln.clean
