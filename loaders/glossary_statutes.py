"""Glossary terms and cited statutes of a programme guide.

A sibling of :mod:`loaders.programme_guide` (split off to keep each module
readable): :func:`glossary` reads the appendix of concepts ('Liite 1.
Käsitteet'), by structure or as 'Term: definition' lines, and
:func:`statutes` the statutes cited by number ('688/2001' style) with the
title printed next to them.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from hankeverkko.loaders.prose import Block, Vocabulary
from hankeverkko.loaders.records import Concept, Span, Statute
from hankeverkko.loaders.text import Line, is_noise, normalise_space, strip_contact_details

__all__ = ["glossary", "statutes", "GLOSSARY_RE", "APPENDIX_RE"]

#: the glossary appendix's heading: 'Liite 1. Käsitteet', 'Keskeiset käsitteet', 'LIITE 2: SANASTO',
#: 'Liite 3. Ohjelmassa käytettävät käsitteet', 'Käsitteet ja lyhenteet' (a full line: a table of
#: contents line ending in a page number is not a heading)
GLOSSARY_RE = re.compile(r"^\s*(?:Liite\s+\d+\s*[.:]?\s*(?:[\wåäöÅÄÖ-]+\s+){0,3}|(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)?)"
                         r"(?:käsitteet|käsitteitä|sanasto|määritelmät)"
                         r"(?:\s+ja\s+(?:määritelmät|lyhenteet|käsitteet|sanasto))?\s*$", re.I)
APPENDIX_RE = re.compile(r"^\s*Liite\s+\d+\s*[.:]?\s+\S", re.I)
_STATUTE_NO_RE = re.compile(r"(?<![\d/.:])(\d{1,4}/(?:19|20)\d{2})(?![\d/])")
_LAW_WORD_RE = re.compile(r"\w*(?:laki|lain|lakia|laissa|lakiin|lailla|asetus\w*|asetuks\w*|"
                          r"direktiiv\w*|säädös\w*|päätös\w*)\b", re.I)


# ----------------------------------------------------------------- glossary

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


# ----------------------------------------------------------------- statutes

_LAW_BASE = [("lain", "laki"), ("lakia", "laki"), ("laissa", "laki"), ("lakiin", "laki"), ("lailla", "laki"),
             ("asetuksessa", "asetus"), ("asetuksen", "asetus"), ("asetuksella", "asetus"),
             ("asetukseen", "asetus"), ("asetusta", "asetus"), ("asetuksesta", "asetus")]


def _law_base(words: list[str]) -> list[str]:
    out = list(words)
    for i, w in enumerate(out):
        low = w.casefold()
        for inf, base in _LAW_BASE:
            if low.endswith(inf) and _LAW_WORD_RE.fullmatch(w):
                out[i] = w[: len(w) - len(inf)] + base
                break
    return out


def statutes(flat_blocks: list[Block], source: str) -> list[Statute]:
    """Statutes cited by number ('9/2099') with the title printed next to them.

    >>> b = [Block(3, 4, "Samalla noudatetaan alfalain säännöksiä (9/2099) ja "
    ...      "(laki esimerkeistä, 1/2099).", "paragraph")]
    >>> [(s.number, s.title) for s in statutes(b, "x")]
    [('9/2099', 'alfalaki'), ('1/2099', 'laki esimerkeistä')]
    >>> b = [Block(1, 1, "Ylläpitäjien on noudatettava vapaasta alfatyöstä annettua lakia (5/2098).", "paragraph")]
    >>> [(s.number, s.title) for s in statutes(b, "x")]
    [('5/2098', 'laki vapaasta alfatyöstä')]
    >>> b = [Block(1, 1, "Noudatetaan Euroopan parlamentin ja neuvoston asetusta (EU) N:o 9999/2098.", "paragraph")]
    >>> [(s.number, s.title) for s in statutes(b, "x")]
    [('9999/2098', 'Euroopan parlamentin ja neuvoston asetus')]
    """
    found: dict[str, list[tuple[str, Block]]] = {}
    order: list[str] = []
    for b in flat_blocks:
        text = b.text
        for m in _STATUTE_NO_RE.finditer(text):
            number = m.group(1)
            left = text[:m.start()]
            # inside parentheses: '(laki X, 1/2099)' or '(alfalaki 9/2099, 27 d)'
            po, pc = left.rfind("("), left.rfind(")")
            inner = left[po + 1:].strip(" ,") if po > pc else ""
            title = None
            if inner and _LAW_WORD_RE.search(inner):
                title = inner
            else:
                before = (left[:po] if po > pc and not inner else left).rstrip(" (")
                words = before.split()[-14:]
                idx = max((i for i, w in enumerate(words) if _LAW_WORD_RE.fullmatch(w.strip(",.;"))), default=None)
                if idx is None or len(words) - idx > 12:
                    if not re.search(r"\b(?:laki|lain|asetu|säädö|direktiiv|\(EU\)|\(EY\)|N:o)", left[-80:], re.I):
                        continue
                    title = None
                else:
                    j = idx
                    law = words[idx].strip(",.;").casefold()
                    standalone = bool(re.match(r"^(?:laki|lain|lakia|laissa|lakiin|lailla|asetus\w*|asetuks\w*|"
                                               r"direktiiv\w*|päätös\w*)$", law))
                    if not standalone:
                        words = words[:idx + 1]       # a compound ('avustuslain') ends the title

                    def genitive(w: str) -> bool:
                        return bool(re.fullmatch(r"[A-Za-zÅÄÖåäö]+(?:on|en|in|an|än|un|yn)", w)) and \
                            not re.search(r"(?:aa|ää|ee|ii|oo|uu|yy|öö)n$", w) and \
                            w.casefold() not in ("mukaisen", "annetun", "mukaan", "hankkeen", "ohjelman")
                    # the issuer in the genitive: 'valtioneuvoston asetus', 'Euroopan parlamentin ja
                    # neuvoston asetus'; a compound takes at most one word ('valtion avustuslaki')
                    limit = 5 if standalone else 1
                    while j > 0 and idx - j < limit and (genitive(words[j - 1]) or
                                                         words[j - 1] == "ja" and j > 1 and genitive(words[j - 2])):
                        j -= 1
                    title = " ".join(_law_base([w.strip(",;") for w in words[j:]]))
                    # 'vapaasta alfatyöstä annettu laki' -> 'laki vapaasta alfatyöstä'
                    if standalone and j == idx and j > 1 and re.fullmatch(r"annet\w*", words[j - 1], re.I):
                        k = j - 1
                        while k > 0 and idx - k < 7 and re.fullmatch(r"[a-zåäö][\wåäö-]*(?:sta|stä|-)|ja",
                                                                       words[k - 1].strip(",;")):
                            k -= 1
                        if k < j - 1 and re.search(r"(?:sta|stä)$", words[j - 2]):
                            title = " ".join(_law_base([words[idx].strip(",;")]) +
                                             [w.strip(",;") for w in words[k:j - 1]])
                    title = re.sub(r"\s*\((?:EU|EY|ETY)\)\s*(?:N:o|nro|No)?\s*$", "", title)
                    title = re.sub(r"\s+(?:N:o|nro|No)\s*$", "", title)
            if title:
                title = normalise_space(re.sub(r"\s*\d{1,3}\s*(?:[a-z]\s*)?§.*$", "", title)).strip(" ,;(")
            if number not in found:
                order.append(number)
            found.setdefault(number, []).append((title or "", b))
    out = []
    for number in order:
        cands = found[number]
        titled = [t for t, _ in cands if t]
        counts = Counter(titled)
        title = max(titled, key=lambda t: (counts[t], -len(t.split()), len(t))) if titled else None
        b = cands[0][1]
        out.append(Statute(number, title, Span(source, b.first, b.last)))
    return out
