"""Finnish business IDs (Y-tunnus): format and check digit.

A valid business ID decides organisation identity before any name rule
(:mod:`hankeverkko.graph.identity`); an invalid one is reported and not used.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.ids import business_id_valid  # the one check-digit rule

__all__ = ["normalise_business_id", "validate_business_id"]

#: dashes a PDF or a word processor prints for the hyphen
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def validate_business_id(s: str) -> bool:
    """True for a Finnish business ID (Y-tunnus) ``1234567-8`` with a correct check digit.

    Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 -> check digit 0, remainder 1 ->
    never valid, otherwise 11 - remainder.

    >>> validate_business_id("0112038-9"), validate_business_id("0112038-8"), validate_business_id("112038-9")
    (True, False, False)
    """
    return business_id_valid(s)


def normalise_business_id(s: Optional[str]) -> Optional[str]:
    """The business ID in ``1234567-8`` form if it is valid, else None.

    Accepts surrounding spaces, typographic dashes (1234567–1), a leading
    'Y-tunnus:', the VAT form (FI01120389) and the old six-digit form, which
    gets a leading zero.

    >>> normalise_business_id(" FI01120389 "), normalise_business_id("112038-9"), normalise_business_id("0112038-1")
    ('0112038-9', '0112038-9', None)
    """
    t = re.sub(r"\s+", "", s or "").upper().translate(_DASHES)
    t = re.sub(r"^(?:Y-?TUNNUS|FO-NUMMER|BUSINESSID)[:.]?", "", t)      # 'Y-tunnus: 1234567-1'
    m = re.fullmatch(r"FI(\d{7})(\d)", t)
    if m:
        t = f"{m.group(1)}-{m.group(2)}"
    if re.fullmatch(r"\d{6}-\d", t):
        t = "0" + t
    return t if validate_business_id(t) else None
