"""One written form per value, whichever store answered.

Stores write the same number differently: rdflib keeps the lexical form it
parsed (``1055410.40``, ``4000000.0``), Oxigraph writes its own canonical
form (``1055410.4``, ``4000000``). Every output format (table, CSV, TSV,
JSON, xlsx) writes literals through :func:`lexical`, so the answer is the
same byte for byte from every store:

* ``xsd:decimal`` — the XML Schema 1.0 canonical form: no leading zeros, at
  least one digit after the point and no trailing zeros beyond it
  (``1055410.4``, ``4000000.0``, ``448038.74``, ``0.5``). Exact: nothing is
  rounded, and the form stays a decimal in TSV (a bare ``4000000`` would read
  back as an integer);
* ``xsd:integer`` and its subtypes — plain digits (``-12``, ``21``);
* ``xsd:double`` / ``xsd:float`` — shortest round-trip mantissa with an
  exponent (``1.0E6``, ``2.5E-1``), ``NaN``, ``INF``, ``-INF``;
* ``xsd:boolean`` — ``true`` / ``false``;
* anything else — its lexical form unchanged.

>>> from rdflib.namespace import XSD
>>> [lexical(Literal(v, datatype=XSD.decimal)) for v in ("1055410.40", "4000000", "0450.00", "-0.0")]
['1055410.4', '4000000.0', '450.0', '0.0']
>>> lexical(Literal("1e6", datatype=XSD.double)), lexical(Literal("007", datatype=XSD.integer))
('1.0E6', '7')
"""
from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Optional

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["lexical", "canonical_decimal", "INTEGER_TYPES", "DECIMAL_TYPES", "NUMERIC_TYPES"]

INTEGER_TYPES = frozenset({XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
                           XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
                           XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte})
DECIMAL_TYPES = frozenset({XSD.decimal})
FLOAT_TYPES = frozenset({XSD.double, XSD.float})
NUMERIC_TYPES = INTEGER_TYPES | DECIMAL_TYPES | FLOAT_TYPES


def canonical_decimal(value: Decimal) -> str:
    """``value`` in the canonical ``xsd:decimal`` form (see the module text).

    >>> canonical_decimal(Decimal("1E+3")), canonical_decimal(Decimal("-2.500"))
    ('1000.0', '-2.5')
    """
    if value.is_zero():
        return "0.0"
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return text


def _canonical_double(text: str) -> str:
    f = float(text)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "INF" if f > 0 else "-INF"
    if f == 0:
        return "-0.0E0" if math.copysign(1, f) < 0 else "0.0E0"
    mantissa, _, exponent = f"{Decimal(repr(f)):E}".partition("E")
    if "." not in mantissa:
        mantissa += ".0"
    mantissa = mantissa.rstrip("0")
    if mantissa.endswith("."):
        mantissa += "0"
    return f"{mantissa}E{int(exponent)}"


def lexical(term: Optional[Node]) -> str:
    """The written form of ``term``: canonical for numbers and booleans, the
    string value of anything else, ``""`` for an unbound value."""
    if term is None:
        return ""
    if not isinstance(term, Literal) or term.datatype is None:
        return str(term)
    text = str(term).strip()
    try:
        if term.datatype in INTEGER_TYPES:
            return str(int(text))
        if term.datatype in DECIMAL_TYPES:
            return canonical_decimal(Decimal(text))
        if term.datatype in FLOAT_TYPES:
            return _canonical_double(text)
    except (ValueError, InvalidOperation):
        return str(term)          # an ill-typed literal: keep what the store wrote
    if term.datatype == XSD.boolean and text in ("true", "false", "1", "0"):
        return "true" if text in ("true", "1") else "false"
    return str(term)
