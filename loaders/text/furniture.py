"""Page furniture and contact details in PDF text.

Page numbers, ``mailto:`` lines, whole-line URLs and footer lines (postal
address, switchboard number) are not content; e-mail addresses and phone
numbers are personal data that the loaders strip from what they keep.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.text.lines import normalise_space

__all__ = ["URL_RE", "EMAIL_RE", "PHONE_RE", "is_url", "is_noise", "strip_contact_details", "is_page_furniture"]


URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
#: An address starts where a run of local-part characters starts (the
#: look-behind), so a long token without an at-sign is scanned once instead of
#: once from every character (which made it quadratic: 30,000 characters took
#: 37 s).  The leftmost match is the same as without the look-behind; only an
#: address glued to the end of another by '%', '+' or '.' is no longer found
#: as a second match.
EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+(?:@|\(at\)|\[at\])[\w-]+(?:\.[\w-]+)+", re.I)
PHONE_RE = re.compile(r"(?:\+358|\b0)[\s\d]{6,}\d")
_MAILTO_RE = re.compile(r"^\s*mailto:", re.I)
_PAGE_NO_RE = re.compile(r"^\s*\d{1,3}\s*$")
# 'Sivu 12 / 40', 'Sivu 12', '12 / 40', 'Sida 3 (14)', 'Page 3 of 14'
_PAGE_OF_RE = re.compile(r"^\s*(?:(?:sivu|sida|page|s\.)\s*\d{1,3}(?:\s*(?:/|of|\()\s*\d{1,3}\)?)?"
                         r"|\d{1,3}\s*/\s*\d{1,3})\s*$", re.I)


def is_url(s: str) -> bool:
    """True when the whole line is a URL (possibly with trailing punctuation)."""
    s = s.strip().rstrip(",.;")
    return bool(s) and bool(re.fullmatch(r"(?:https?://|www\.)\S+", s, re.I))


def is_noise(s: str) -> bool:
    """Page furniture: blank lines, page numbers, ``mailto:`` link lines."""
    t = s.strip()
    return not t or bool(_MAILTO_RE.match(t)) or bool(_PAGE_NO_RE.match(t)) or bool(_PAGE_OF_RE.match(t))


def strip_contact_details(s: str) -> str:
    """Remove e-mail addresses and phone numbers from a string."""
    s = EMAIL_RE.sub("", s)
    s = PHONE_RE.sub("", s)
    return normalise_space(re.sub(r"\s*,\s*(,\s*)+", ", ", s)).strip(" ,")


_FOOTER_RES = (
    re.compile(r"^PL\s*\d+\s*$"),                                   # postal box
    re.compile(r"^\d{5}\s+[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?\s*$"),  # postal code + place
    re.compile(r"^(?:Käyntiosoite|Postiosoite|Besöksadress|Postadress)\b", re.I),
    re.compile(r"^(?:Puh|Puhelin|Tel|Vaihde)\.?:?\s*[+\d][\d\s()-]*$", re.I),
)


def is_page_furniture(s: str) -> bool:
    """Page furniture: :func:`is_noise`, whole-line URLs, and footer lines
    (postal address, switchboard number, lines made only of e-mail/web
    addresses).

    >>> [is_page_furniture(t) for t in ["PL 32", "00230 Valtioneuvosto",
    ...  "Puh. 0295 16001", "kirjaamo@esimerkki.fi | [www.esimerkki.fi] | [x@y.fi]",
    ...  "http://www.verkkosivu.fi/", " 24 ", "Turun kaupunki"]]
    [True, True, True, True, True, True, False]
    """
    t = normalise_space(s)
    if is_noise(t) or is_url(t):
        return True
    if any(r.match(t) for r in _FOOTER_RES):
        return True
    rest = URL_RE.sub("", EMAIL_RE.sub("", t))
    return bool(re.search(r"[@|]|www\.", t)) and not re.sub(r"[\s|\[\](),;]", "", rest)
