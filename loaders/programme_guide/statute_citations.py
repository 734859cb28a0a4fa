"""Statutes a programme guide cites by number ('688/2001'), with the title
printed next to the number.
"""
from __future__ import annotations

import re
from collections import Counter

from hankeverkko.loaders.prose import Block
from hankeverkko.loaders.records import Span, Statute
from hankeverkko.loaders.text import normalise_space

__all__ = ["statutes"]

_STATUTE_NO_RE = re.compile(r"(?<![\d/.:])(\d{1,4}/(?:19|20)\d{2})(?![\d/])")
_LAW_WORD_RE = re.compile(r"\w*(?:laki|lain|lakia|laissa|lakiin|lailla|asetus\w*|asetuks\w*|"
                          r"direktiiv\w*|säädös\w*|päätös\w*)\b", re.I)


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
