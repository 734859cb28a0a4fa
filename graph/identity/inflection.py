"""Finnish inflection of organisation names: case endings and consonant gradation.

Names are printed inflected in running text ('Helsingin kaupungin', 'ELY-keskuksella',
'Kelan') and a place name stands in the genitive before a head word ('Lahden
kaupunki' for Lahti). These are rules of Finnish grammar, not vocabulary (Iso
suomen kielioppi, VISK §§ 41-43 astevaihtelu, § 84 sijapäätteet): the case
endings, consonant gradation of the last syllable, i -> e and -s -> -kse- stems.
They over-generate on purpose; they are only used to recognise a word already
known (a head word, an alias, the other name's distinctive word).
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["genitive_forms", "inflected_forms", "same_word"]

_VOWELS = "aeiouyäö"
#: genitive, partitive, the local cases, essive, translative, abessive
_CASE_ENDINGS = ("n", "a", "ä", "ta", "tä", "lla", "llä", "lta", "ltä", "lle", "ssa", "ssä", "sta", "stä",
                 "na", "nä", "ksi", "tta", "ttä")
#: endings after a stem ending in a consonant plus i ('Diak' -> 'Diakin'); no partitive, which would
#: read a longer name as an inflection ('Savon' / 'Savonia')
_LOAN_ENDINGS = ("n", "lla", "llä", "lta", "ltä", "lle", "ssa", "ssä", "sta", "stä", "ksi")
#: strong -> weak grade of the consonants before the last vowel
_GRADATION = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("nt", "nn"), ("mp", "mm"),
              ("lt", "ll"), ("rt", "rr"), ("ht", "hd"))


def _weak_grade(stem: str) -> str:
    """'kaupunki' -> 'kaupungi', 'kunta' -> 'kunna', 'Turku' -> 'Turu', 'Lieto' -> 'Liedo'."""
    if len(stem) < 3 or stem[-1] not in _VOWELS:
        return stem
    body, v = stem[:-1], stem[-1]
    for strong, weak in _GRADATION:
        if body.endswith(strong):
            return body[:-2] + weak + v
    c, before = body[-1], body[-2]
    if c == "k" and (before in _VOWELS or before in "lrh"):
        return body[:-1] + v
    if c == "t" and before in _VOWELS:
        return body[:-1] + "d" + v
    if c == "p" and before in _VOWELS:
        return body[:-1] + "v" + v
    return stem


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(stem, endings) pairs of a folded nominative."""
    w = word
    out = [(w, _CASE_ENDINGS), (_weak_grade(w), _CASE_ENDINGS)]
    if w[-1:] == "i":                              # Rovaniemi -> Rovanieme-, Lahti -> Lahde-
        out += [(w[:-1] + "e", _CASE_ENDINGS), (_weak_grade(w[:-1] + "e"), _CASE_ENDINGS)]
    elif w[-1:] == "e":                            # alue -> aluee-, Tampere -> Tamperee-
        out.append((w + "e", _CASE_ENDINGS))
    elif re.search(rf"[{_VOWELS}]s$", w):          # keskus -> keskukse-, laitos -> laitokse-
        out += [(w[:-1] + "kse", _CASE_ENDINGS), (w + "i", _LOAN_ENDINGS)]
    elif w.endswith("nen"):                        # Virtanen -> Virtase-
        out.append((w[:-3] + "se", _CASE_ENDINGS))
    elif w[-1:].isalpha():                         # Diak -> Diaki-, Humak -> Humaki-
        out.append((w + "i", _LOAN_ENDINGS))
    return tuple(out)


@lru_cache(maxsize=65536)
def inflected_forms(word: str) -> frozenset:
    """Case forms of a folded Finnish word (and the Swedish genitive -s), without the word itself.

    >>> {"helsingin", "kaupungilla", "kaupunkiin"} <= inflected_forms("kaupunki") | inflected_forms("helsinki")
    True
    >>> {"lahden", "seinäjoen", "elykeskuksen", "kelan", "diakin"} <= set().union(
    ...     *map(inflected_forms, ("lahti", "seinäjoki", "elykeskus", "kela", "diak")))
    True
    >>> "savonia" in inflected_forms("savon")
    False
    """
    if len(word) < 2 or not word[-1:].isalpha():
        return frozenset()
    out = {word + "s"}
    for stem, endings in _stems(word):
        out |= {stem + e for e in endings}
        if stem[-1:] in _VOWELS:
            out.add(stem + stem[-1] + "n")          # illative: kuntaan, kaupunkiin, yliopistoon
        if stem.endswith("e") and stem != word:
            out.add(stem + "seen")                  # alueeseen, keskukseen
    out.discard(word)
    return frozenset(out)


def genitive_forms(word: str) -> frozenset:
    """The genitive forms of a folded word (with the word itself): blocking keys that put
    'Lahti' next to 'Lahden kaupunki'."""
    return frozenset({word} | {s + "n" for s, _ in _stems(word)} | {word + "s"})


def same_word(t: str, u: str) -> bool:
    """The same folded word, or one an inflected form of the other (Espoo / Espoon,
    Helsinki / Helsingin, Keski-Suomi / Keski-Suomen, Nyland / Nylands).

    >>> same_word("lahti", "lahden"), same_word("savon", "savonia"), same_word("kemi", "kemijärven")
    (True, False, False)
    """
    return t == u or u in inflected_forms(t) or t in inflected_forms(u)
