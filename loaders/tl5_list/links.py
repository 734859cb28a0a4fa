"""eura2014 links and EURA codes in a TL5 list, repaired across line breaks.

PDF extraction breaks links over lines (even inside 'projekti-' / 'koodi=');
:class:`_Links` decides a hyphen at a break from the links the document
prints unbroken, and the EURA code is read from ``projektikoodi=`` or from a
code printed as text.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.text import URL_RE, Line

__all__ = ["eura_codes", "_CODE_RE", "_PRINTED_CODE_RE", "_compact", "_has_code", "_url_key", "_Links",
           "_ends_in_url", "_completes_code"]


#: 'projektikoodi=S99999' in an eura2014 link, tolerant of a break inside the word
_CODE_RE = re.compile(r"projekti\W{0,3}koodi\s*=\s*([A-Z]\d{4,6})", re.I)
#: a code printed as text in an entry: 'EURA-koodi S99001', 'hankekoodi: S99001', '(S99001)'
_PRINTED_CODE_RE = re.compile(r"(?:\b(?:EURA|hanke|projekti)[\s-]?(?:koodi|tunnus)\s*:?\s*|\((?=[A-Z]\d{5}\)))"
                              r"([A-Z]\d{5})\b\)?,?", re.I)


def _compact(lines: list[Line]) -> str:
    """All text with line-break hyphens and spaces removed (to find broken links)."""
    return re.sub(r"-?\s*\n\s*", "", "\n".join(ln.text.strip() for ln in lines if ln.text.strip()))


def eura_codes(lines: list[Line]) -> list[str]:
    """EURA codes from every ``projektikoodi=`` link, in order, without repeats.

    >>> eura_codes([Line(1, "https://www.eura2014.fi/rrtiepa/projekti.php?projekti-"), Line(2, "koodi=S99001,")])
    ['S99001']
    """
    seen: list[str] = []
    for m in _CODE_RE.finditer(_compact(lines)):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def _has_code(entry: list[Line]) -> bool:
    """Whether an entry's lines so far hold its EURA code (in a link or printed)."""
    return bool(_CODE_RE.search(_compact(entry)) or
                _PRINTED_CODE_RE.search(" ".join(ln.text for ln in entry)))


def _url_key(u: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", u.strip().rstrip(",.;)").casefold()).rstrip("/")


class _Links:
    """URLs the document prints unbroken, to decide hyphens in broken ones."""

    def __init__(self, lines: list[Line]):
        self.keys = set()
        for ln in lines:
            toks = ln.text.split()
            for i, tok in enumerate(toks):
                if URL_RE.match(tok) and not (i == len(toks) - 1 and tok.endswith("-")):
                    self.keys.add(_url_key(tok))

    def glue(self, left: str, right: str) -> str:
        """Join a URL broken at a line end: 'projekti-' + 'koodi=...'."""
        head = left[:-1]
        tok = right.split()[0] if right.split() else ""
        merged, hyph = _url_key(head + tok), _url_key(left + tok)
        if any(k.startswith(hyph) or hyph.startswith(k) and len(k) > len(_url_key(head)) for k in self.keys) \
                and not any(k.startswith(merged) for k in self.keys):
            return left + right.lstrip()
        return head + right.lstrip()


def _ends_in_url(text: str) -> bool:
    toks = text.split()
    return bool(toks) and bool(URL_RE.match(toks[-1]))


def _completes_code(url: str, nxt: str) -> bool:
    """Whether ``nxt`` continues an eura link whose code the line break cut.

    >>> _completes_code("https://x.fi/projekti.php?projektikoodi=S991", "01,")
    True
    >>> _completes_code("https://x.fi/projekti.php?projektikoodi=S99101,", "https://y.fi")
    False
    """
    if _CODE_RE.search(url) and re.search(r"=[A-Z]\d{5}\W*$", url):
        return False
    return bool(re.match(r"^[\w=]+", nxt)) and not URL_RE.match(nxt) and \
        bool(re.search(r"projekti\W{0,3}koodi\s*=\s*[A-Z]\d{5}(?!\d)", url + nxt, re.I)) and \
        not re.search(r"projekti\W{0,3}koodi\s*=\s*[A-Z]\d{5}(?!\d)", url, re.I)
