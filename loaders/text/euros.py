"""Euro amounts as Finnish programme documents print them.

'14 000 000 e', '5 724 575 €', '9,9 M€', '1,4 milj. €', sums such as
'13 M€+10 M€'.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from hankeverkko.loaders.text.lines import normalise_space

__all__ = ["parse_euros"]


_MILLION_RE = re.compile(
    r"^(?P<n>\d+(?:[ ,.]\d+)*)\s*"
    r"(?:M\s*€|milj(?:\.|\b)\s*(?:€|euroa\b|eur\b|e\b)?|miljoonaa\s*(?:€|e|euroa)?|M(?:EUR)?\b)", re.I)
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
    >>> parse_euros("16 milj.")
    Decimal('16000000')
    >>> parse_euros("5 milj. € + 3,6 milj. €")
    Decimal('8600000.0')
    >>> parse_euros("448 038,74 euroa")
    Decimal('448038.74')
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
