"""Printed names repaired: whitespace, dashes and PDF line-break hyphens
(:func:`clean`), head phrases shortened ('elinkeino-, liikenne- ja
ympäristökeskus' -> 'ELY-keskus') and the printed tokens of a name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from hankeverkko.graph.identity.heads import Head, _head_of_token, _heads, _inflected_head, fold
from hankeverkko.loaders.reference import head_phrases

__all__ = ["clean"]

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_CONJ = r"(?:ja|tai|sekä|eli|och|eller|samt|and|or)"


def _phrase_pattern(text: str) -> str:
    """A phrase as printed in PDFs: a break hyphen may follow any letter, commas and
    the phrase's own hyphens may be lost, spaces vary."""
    out = []
    for ch in text:
        if ch.isspace():
            out.append(r"\s*")
        elif ch in "-,":
            out.append(re.escape(ch) + "?")
        else:
            out.append(re.escape(ch) + "-?")
    return "".join(out)


@lru_cache(maxsize=None)
def _phrases() -> tuple:
    """(regex, short form) per head phrase, longest first. The phrase's last word may be
    inflected; the short form keeps the ending ('ympäristökeskuksen' -> 'ELY-keskuksen')."""
    out = []
    for p in sorted(head_phrases(), key=lambda p: -len(p.phrase)):
        a, b = p.phrase.casefold(), p.short.casefold()
        n = 0
        while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
            n += 1
        lead, tail = p.phrase[:len(p.phrase) - n], p.phrase[len(p.phrase) - n:]
        rx = re.compile(r"(?<!\w)" + _phrase_pattern(lead) + "(" + _phrase_pattern(tail[:-1]) + r"\w*)",
                        re.I)
        out.append((rx, p.short[:len(p.short) - n]))
    return tuple(out)


def _replace_phrases(text: str) -> str:
    for rx, lead in _phrases():
        text = rx.sub(lambda m: lead + m.group(1).replace("-", ""), text)
    return text


def _repair_break(m: re.Match) -> str:
    """'Laurea- ammattikorkeakoulu' -> 'Laurea-ammattikorkeakoulu', but a break
    inside a head word loses its hyphen ('ammattikorkea- koulu' -> 'ammattikorkeakoulu')."""
    left, right = m.group(1), m.group(2)
    joined, br = fold(left + right), len(fold(left))
    for words, head in _heads():
        if len(words) == 1 and joined.endswith(words[0]):
            cut = br - (len(joined) - len(words[0]))     # break position inside the head word
            if cut <= 0:
                break                                     # break before the head: a real compound hyphen
            own = head.word.casefold()
            seen = 0
            for i, ch in enumerate(own):
                if seen == cut:
                    return left + ("-" if ch == "-" else "") + right
                seen += ch not in "-."
            return left + right
    return f"{left}-{right}"


def clean(name: str) -> str:
    """The printed name with whitespace, dashes and PDF line-break hyphens repaired.

    Real coordination hyphens stay ('Ensi- ja turvakotien liitto').

    >>> clean(" Laurea-  ammattikorkeakoulu   Oy ")
    'Laurea-ammattikorkeakoulu Oy'
    >>> clean("Kaakkois-Suomen ammattikorkea- koulu Oy")
    'Kaakkois-Suomen ammattikorkeakoulu Oy'
    >>> clean("Ensi- ja turvakotien liitto r.y.")
    'Ensi- ja turvakotien liitto r.y'
    >>> clean("Keski-Suomen ELY-\\nkeskus")
    'Keski-Suomen ELY-keskus'
    """
    t = unicodedata.normalize("NFKC", name).replace("\u00ad", "").translate(_DASHES)
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(rf"(\w+)- (?!{_CONJ}\b)(\w+)", _repair_break, t)
    return t.strip(" ,;:.·•\"'“”„«»")


def _tokens(work: str) -> list[str]:
    """Printed tokens of a name: inflection after a colon dropped (TEM:n), quotes and
    stray punctuation stripped, a head word split by a lost hyphen rejoined ('ELY keskus')."""
    raw = []
    for tok in re.split(r"[\s,;/]+", work):
        tok = re.sub(r":[a-zåäö]{1,4}$", "", tok, flags=re.I)   # TEM:n -> TEM
        tok = tok.strip("\"'“”„«»()[].·•").strip("-")
        if tok and fold(tok):
            if raw and _head_of_token(fold(raw[-1]))[0] is None:
                joined = fold(raw[-1] + tok)
                head, prefix = _head_of_token(joined)
                if not head:
                    head, prefix = _inflected_head(joined)
                if head and not prefix and _head_of_token(fold(tok))[0] is not None:
                    raw[-1] = f"{raw[-1]}-{tok}"
                    continue
            raw.append(tok)
    return raw


def _nominative(tok: str, head: Head, prefix: str) -> str:
    """An inflected head token in the nominative ('kaupungin' -> 'kaupunki', 'Liikuntasäätiön' -> 'liikuntasäätiö')."""
    word = prefix + head.word if prefix else head.word
    return word[:1].upper() + word[1:] if tok[:1].isupper() and prefix else word
