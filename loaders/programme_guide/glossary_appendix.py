"""The glossary appendix of a programme guide ('Liite 1. Käsitteet'): terms
and definitions, by structure, as a flattened two-column table or as
'Term: definition' lines.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import Vocabulary
from hankeverkko.loaders.records import Concept, Span
from hankeverkko.loaders.text import Line, is_noise, normalise_space, strip_contact_details

__all__ = ["glossary", "GLOSSARY_RE", "APPENDIX_RE"]

#: the glossary appendix's heading: 'Liite 1. Käsitteet', 'Keskeiset käsitteet', 'LIITE 2: SANASTO',
#: 'Liite 3. Ohjelmassa käytettävät käsitteet', 'Käsitteet ja lyhenteet' (a full line: a table of
#: contents line ending in a page number is not a heading)
GLOSSARY_RE = re.compile(r"^\s*(?:Liite\s+\d+\s*[.:]?\s*(?:[\wåäöÅÄÖ-]+\s+){0,3}|(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)?)"
                         r"(?:käsitteet|käsitteitä|sanasto|määritelmät)"
                         r"(?:\s+ja\s+(?:määritelmät|lyhenteet|käsitteet|sanasto))?\s*$", re.I)
APPENDIX_RE = re.compile(r"^\s*Liite\s+\d+\s*[.:]?\s+\S", re.I)


def glossary(lines: list[Line], source: str = "", vocab: Optional[Vocabulary] = None,
             stop_at: Optional[str] = None) -> list[Concept]:
    """Terms and definitions of the glossary appendix ('Liite 1. Käsitteet').

    A term is a short capitalised line without final punctuation that follows
    the end of a paragraph (or a blank line) and is followed by text.  The
    glossary ends at the next appendix, or at a line that repeats ``stop_at``
    (the programme's name: the back cover that follows the last appendix).
    A two-column table flattened one cell per line ('Käsite' / 'Määritelmä'
    header, then term and definition cells) reads the same way.

    >>> ls = [Line(i + 1, t) for i, t in enumerate(["Liite 2. Käsitteet", "Käsite", "Määritelmä", "Alfa",
    ...       "Ensimmäinen asia.", "Beeta", "Toinen asia, joka on tärkeä."])]
    >>> [(c.label, c.definition) for c in glossary(ls, "x")]
    [('Alfa', 'Ensimmäinen asia.'), ('Beeta', 'Toinen asia, joka on tärkeä.')]
    """
    vocab = vocab or Vocabulary.of_lines(lines)
    starts = [i for i, ln in enumerate(lines) if GLOSSARY_RE.match(ln.text)]
    # the heading that is followed by terms (a contents list may repeat it without them)
    start = next((i for i in starts if any(ln.text.strip() for ln in lines[i + 1:i + 4])), None)
    if start is None:
        return []
    stop = re.sub(r"[\W_]", "", stop_at.casefold()) if stop_at else None
    end = next((i for i in range(start + 1, len(lines)) if APPENDIX_RE.match(lines[i].text) or
                stop and re.sub(r"[\W_]", "", lines[i].text.casefold()) == stop), len(lines))
    body = [ln for ln in lines[start + 1:end] if not is_noise(ln.text)]
    heading = normalise_space(lines[start].text)
    # a two-column table flattened one cell per line: 'Käsite' / 'Määritelmä', then term / definition
    table = len(body) > 2 and bool(_TERM_HEADER_RE.fullmatch(normalise_space(body[0].text).rstrip(":"))) and \
        bool(_DEFINITION_HEADER_RE.fullmatch(normalise_space(body[1].text).rstrip(":")))
    if table:
        body = body[2:]
    terms: list[int] = []
    for i, ln in enumerate(body):
        s = normalise_space(ln.text)
        words = s.split()
        if not (1 <= len(words) <= 6 and len(s) <= 60 and s[:1].isupper()) or \
                re.search(r"[.,:;)]$", re.sub(r"\s\([A-ZÅÄÖ][\wÅÄÖåäö+-]{1,10}\)$", "", s)):
            continue
        prev = normalise_space(body[i - 1].text) if i else ""
        blank_before = i == 0 or body[i - 1].no < ln.no - 1 or ln.text[:1].isspace()
        if i and not (prev.endswith((".", ")", ":")) or blank_before and not prev.endswith(("-", ","))):
            continue
        nxt = normalise_space(body[i + 1].text) if i + 1 < len(body) else ""
        if len(nxt) < (12 if table else 30) and not nxt[:4].casefold() == s[:4].casefold():
            continue
        if i == 0 and not table and not nxt[:3].casefold() == s[:3].casefold():
            continue  # the glossary's introduction
        terms.append(i)
    if len(terms) < 2:
        return _inline_glossary(body, source, vocab, heading)
    out = []
    for k, i in enumerate(terms):
        stop = terms[k + 1] if k + 1 < len(terms) else len(body)
        definition = strip_contact_details(vocab.join(b.text for b in body[i + 1:stop]))
        if definition:
            out.append(Concept(normalise_space(body[i].text), definition,
                               Span(source, body[i].no, body[stop - 1].no), scheme=heading))
    return out


_TERM_HEADER_RE = re.compile(r"käsite|termi|sana|käsitteet|termit", re.I)
_DEFINITION_HEADER_RE = re.compile(r"määritelmä|määritelmät|selitys|selite|kuvaus|merkitys", re.I)
_INLINE_TERM_RE = re.compile(r"^\s*(?:[•\-–]\s*)?(?P<term>[A-ZÅÄÖ][\wåäöÅÄÖ\- ]{1,50}?"
                             r"(?:\s\([A-ZÅÄÖ][\wÅÄÖåäö+-]{1,10}\))?)\s*(?::|\s[–-])\s+(?P<rest>\S.*)$")


def _inline_glossary(body: list[Line], source: str, vocab: Vocabulary, heading: str) -> list[Concept]:
    """A glossary printed as 'Term: definition' or 'Term – definition' paragraphs.

    >>> ls = [Line(1, "Alfa: tarkoittaa ensimmäistä asiaa, joka on"), Line(2, "tärkeä."),
    ...       Line(3, ""), Line(4, "Beeta – toinen asia.")]
    >>> [(c.label, c.definition) for c in _inline_glossary(ls, "x", Vocabulary([]), "Sanasto")]
    [('Alfa', 'tarkoittaa ensimmäistä asiaa, joka on tärkeä.'), ('Beeta', 'toinen asia.')]
    """
    starts = [(i, m) for i, ln in enumerate(body) if (m := _INLINE_TERM_RE.match(ln.text))
              and len(m.group("term").split()) <= 5]
    out = []
    for k, (i, m) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(body)
        definition = strip_contact_details(vocab.join([m.group("rest")] + [b.text for b in body[i + 1:stop]]))
        if definition:
            out.append(Concept(normalise_space(m.group("term")), definition,
                               Span(source, body[i].no, body[stop - 1].no), scheme=heading))
    return out
