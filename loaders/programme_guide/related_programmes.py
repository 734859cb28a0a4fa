"""Other programmes a guide names ('Alfan ja beetan keskus -ohjelma', 'Deltan
kehittämisohjelma'), one spelling per programme.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

__all__ = ["related_programmes"]

_NOT_RELATED = re.compile(r"^(?:hallitusohjelma|ohjelma|ohjelmaosio)$", re.I)
_NAMEISH = re.compile(r"^(?:[\wåäöÅÄÖ-]*[nN]|ja|[\wåäöÅÄÖ]+-|[A-ZÅÄÖ]{2,}[\wåäö:]*)$")


#: genitives that precede 'ohjelma' without naming one ('hallituksen ohjelma', 'tämän ohjelman')
_NOT_NAME_GENITIVES = {"hallituksen", "tämän", "sen", "ohjelman", "valtioneuvoston", "hankkeen", "koko", "uuden",
                       "kyseisen", "saman", "jonkin", "minkä", "kunkin"}


#: a word ending in 'ohjelma' (or '-ohjelma' after a spaced name).  A match
#: starts only where a word starts (the look-behind), after any hyphens that
#: begin it, trying them one at a time as the former unanchored pattern did;
#: so a long word is scanned once, not once from each character after a hyphen.
_PROGRAMME_WORD = re.compile(r"(?<![\w-])-*?(?P<tail>(?:-|[\wåäö][\wåäö-]*)?"
                             r"ohjelm(?:a|aan|an|assa|asta|aa|alla|alle|aksi|ien|at)\b)")


def _words_before(s: str, end: int, k: int) -> list[str]:
    """The last ``k`` items of ``s[:end].rstrip().split(" ")`` without copying ``s[:end]``
    (a copy per match made a text full of programme words quadratic).

    >>> _words_before("a  b c  ohjelma", 8, 2), _words_before("a  b c  ohjelma", 8, 9)
    (['b', 'c'], ['a', '', 'b', 'c'])
    """
    while end > 0 and s[end - 1].isspace():
        end -= 1
    words: list[str] = []
    while len(words) < k:
        i = s.rfind(" ", 0, end)
        words.append(s[i + 1:end])
        if i < 0:
            break
        end = i
    return words[::-1]


def related_programmes(flat: str, own: Optional[str]) -> list[str]:
    """Other programmes the text names ('Alfan ja beetan keskus -ohjelma').

    >>> related_programmes("Yhteys Gamman keskus -ohjelmaan ja Deltan "
    ...                     "kehittämisohjelmaan. Alfaohjelman tavoitteet ja jokin ohjelma.", "Alfaohjelma")
    ['Gamman keskus -ohjelma', 'Deltan kehittämisohjelma']
    >>> related_programmes("Se tukee Epsilonin edistämisen ohjelman ja hallituksen ohjelman tavoitteita. "
    ...                     "Zetan oppimisen ohjelma on osa uudistusta.", "Zetan oppimisen ohjelma")
    ['Epsilonin edistämisen ohjelma']
    """
    own_tail = (own or "").split()[-1].casefold() if own else ""
    found: list[str] = []
    for m in _PROGRAMME_WORD.finditer(flat):
        tail = m.group("tail")
        left = _words_before(flat, m.start("tail"), 8)
        if tail[:1] in "oO":
            # a separate word: 'Alfan beetan ohjelman' is a name when capitalised genitives precede
            words = []
            for w in reversed(left[-5:]):
                if not re.fullmatch(r"[\wåäöÅÄÖ-]+(?:n)", w) or re.search(r"(?:aa|ää|ee|ii|oo|uu|yy|öö)n$", w) or \
                        w.casefold() in _NOT_NAME_GENITIVES:
                    break
                words.insert(0, w)
                if w[:1].isupper():
                    break
            phrase = " ".join(words + ["ohjelma"])
            if len(words) >= 2 and words[0][:1].isupper() and not (own and phrase.casefold() == own.casefold()):
                found.append(phrase)
            continue
        spaced = tail.startswith("-")      # 'X Y -ohjelma': the whole name precedes
        words: list[str] = []
        for w in reversed(left[-7:]):
            if not w or re.search(r"[.,:;()]$", w) or w in ("–", "-"):
                break
            if not spaced and (not _NAMEISH.match(w) or re.search(r"(?:aa|ää|ee|ii|oo|uu|yy|öö)n$", w)):
                break
            words.insert(0, w)
            if w[:1].isupper():
                break
        acr = re.match(r"\s*\(([A-ZÅÄÖ][\wåäö]{1,10})\)", flat[m.end():m.end() + 14])
        if not (words and words[0][:1].isupper()):
            if spaced or not (tail[:1].isupper() or acr):
                continue
            words = []
        base = re.sub(r"ohjelm\w*$", "ohjelma", tail)
        if base.casefold() in ("ohjelma", "hallitusohjelma") and not spaced:
            continue
        if own_tail and base.casefold() == own_tail:
            continue
        phrase = " ".join(words + [base])
        if acr:
            phrase += f" ({acr.group(1)})"
        if _NOT_RELATED.match(phrase) or len(re.sub(r"\W", "", phrase)) < 6:
            continue
        found.append(phrase[:1].upper() + phrase[1:])
    # one spelling per programme: the most frequent, then the one with fewer words
    by_key: dict[str, Counter] = {}
    order: list[str] = []
    for f in found:
        k = re.sub(r"[\W_]", "", f.casefold())
        if k not in by_key:
            by_key[k] = Counter()
            order.append(k)
        by_key[k][f] += 1
    return [max(by_key[k], key=lambda f: (by_key[k][f], -len(f.split()))) for k in order]
