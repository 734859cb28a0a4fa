"""Identifiers printed in programme documents: Y-tunnus and project codes.

Pure functions; the shapes of project codes are data (``data/project_codes.csv``).

>>> business_id_valid("1234567-1"), business_id_valid("1234567-5"), business_id_valid("123456-1")
(True, False, False)
>>> [c.code for c in project_codes("Hanke S29957 ja S39958; ei S2995 eikä XS29957")]
['S29957', 'S39958']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hankeverkko.loaders.reference import data_rows

__all__ = ["business_id_valid", "BUSINESS_ID_RE", "CodeShape", "code_shapes", "project_codes", "CodeHit",
           "fund_of_code"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
#: a Y-tunnus as printed, also with digits lost by a transcript ('102030-7', '1234567-')
BUSINESS_ID_RE = re.compile(r"(?<![\d-])(\d{5,8}-\d?|\d{8})(?![\d-])")


def business_id_valid(bid: str) -> bool:
    """Whether ``bid`` is a Y-tunnus 'nnnnnnn-c' whose check digit holds (mod 11,
    weights 7,9,10,5,8,4,2; remainder 0 -> 0, 1 -> no valid id, else 11 - r)."""
    m = re.fullmatch(r"(\d{7})-(\d)", (bid or "").strip())
    if not m:
        return False
    r = sum(int(d) * w for d, w in zip(m.group(1), _WEIGHTS)) % 11
    if r == 1:
        return False
    return int(m.group(2)) == (0 if r == 0 else 11 - r)


@dataclass(frozen=True)
class CodeShape:
    name: str
    pattern: str
    period: str
    fund: str
    source: str


@lru_cache(maxsize=None)
def code_shapes() -> tuple[CodeShape, ...]:
    return tuple(CodeShape(**row) for row in data_rows("project_codes.csv"))


@lru_cache(maxsize=None)
def _code_re() -> re.Pattern:
    alts = "|".join(f"(?P<{s.name}>{s.pattern})" for s in code_shapes())
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])")


@dataclass(frozen=True)
class CodeHit:
    code: str
    shape: CodeShape
    start: int
    end: int


def project_codes(text: str) -> list[CodeHit]:
    """Every project code in ``text``, in order."""
    shapes = {s.name: s for s in code_shapes()}
    out = []
    for m in _code_re().finditer(text):
        name = m.lastgroup
        out.append(CodeHit(m.group(0), shapes[name], m.start(), m.end()))
    return out


def fund_of_code(code: str) -> Optional[str]:
    """The fund a code's shape settles ('S29951' -> 'ESR'), else ``None``.

    >>> fund_of_code("A79901"), fund_of_code("R-0" "1234")
    ('EAKR', None)
    """
    hits = project_codes(code)
    return (hits[0].shape.fund or None) if hits and hits[0].code == code.strip() else None
