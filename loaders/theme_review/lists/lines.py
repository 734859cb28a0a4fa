"""Tests on single lines of a project list: does a line carry on an implementer
list or start the next entry's name, is it a sentence of prose, does it look
like an entry at all.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.text import looks_like_org
from hankeverkko.loaders.theme_review.entries import CODE_RE, LEGAL_START_RE

__all__ = ["DIGITS_ONLY_RE", "name_colon_orgs", "looks_like_entry", "continues", "is_sentence", "list_goes_on"]

DIGITS_ONLY_RE = re.compile(r"^[\d\s.,]+(?:€|e|euroa)?\.?$")

_NAME_COLON_RE = re.compile(r"^(?P<name>.+?):\s+(?P<orgs>[A-ZÅÄÖ].*)$")


def name_colon_orgs(text: str) -> Optional[re.Match]:
    """'Nimi: Alfa Oy, Beeta ry' on one line: a name, then organisations."""
    m = _NAME_COLON_RE.match(text)
    return m if m and looks_like_org(re.split(r",|\s(?:ja|sekä)\s", m.group("orgs"))[0]) else None


_ENTRY_LIKE_RE = re.compile(r"^\s*(?:\d+[.)]\s*)?%s\b|\b(?:toteuttaja|hakija|päätoteuttaja|osatoteuttaja)"
                            % CODE_RE.pattern, re.I)


def looks_like_entry(text: str) -> bool:
    """A line that resembles a project-list entry (a code, 'Toteuttaja', 'Hakija')."""
    return bool(_ENTRY_LIKE_RE.search(text))


def continues(prev: str, line: str) -> bool:
    """Does ``line`` continue the implementer list ``prev`` (and not start a name)?"""
    p = prev.rstrip()
    if line.endswith(":"):
        return False
    if re.search(r"kustannusarvio\b", p, re.I):          # after the estimate only its broken-off digits
        return bool(DIGITS_ONLY_RE.match(line) and re.search(r"kustannusarvio\s*:?\s*[\d\s]*$", p, re.I))
    if not p or re.search(r"(?:,|\bja|\bsekä|-|/|&)$", p):
        return True
    if line[:1].islower() or LEGAL_START_RE.match(line) or DIGITS_ONLY_RE.match(line) \
            or re.match(r"kustannusarvio\b", line, re.I):
        return True
    last = re.split(r",|\s(?:ja|sekä)\s", p)[-1].strip(" .")
    return not looks_like_org(last)


def is_sentence(text: str) -> bool:
    """A line of prose: capitalised, several words, a full stop, not an organisation."""
    words = text.split()
    return len(words) >= 3 and text[:1].isupper() and text.rstrip().endswith(".") and \
        not looks_like_org(text, acronyms=False) and not DIGITS_ONLY_RE.match(text) and \
        not re.search(r"kustannusarvio", text, re.I)


def list_goes_on(prev: str, line: str) -> bool:
    """After 'Nimi: A, B' on one line, does ``line`` carry on the implementers?
    Only when the list is visibly unfinished (a trailing comma or 'ja') or the
    line starts in lower case or with a legal form; otherwise it may be the
    next entry's name."""
    p = prev.rstrip()
    unfinished = re.search(r"(?:,|\bja|\bsekä|-|/|&)$", p) or line[:1].islower() or LEGAL_START_RE.match(line)
    return bool(unfinished) and continues(p, line)
