"""Organisation names in running prose: base forms, lists of names, acronyms.

:func:`nominative` turns the inflected head word of an organisation name into
its base form ('Alfan toimiston' -> 'Alfan toimisto'); :func:`split_names`
splits a printed list of names; :func:`acronym_matches` tells whether an
acronym can be read from a name.
"""
from __future__ import annotations

import functools
import re

from hankeverkko.loaders.text import normalise_space

__all__ = ["ORG_HEAD_RE", "nominative", "sentence_case", "split_names", "acronym_matches"]


#: the head word of an organisation name (used to tell organisations from other nouns)
ORG_HEAD_RE = re.compile(
    r"(?:ministeriö|laitos|virasto|keskus|kunta|kaupunki|yhtymä|säätiö|\bry\b|\boy\b|\bsr\b|\boyj\b|"
    r"liitto|yliopisto|korkeakoulu|opisto|piiri|alue|toimisto|yhdistys|seura|osuuskunta|instituutti|"
    r"yksikkö|hallinto|neuvosto)", re.I)


_HEAD_FORMS = [
    # (inflected ending, base ending) for frequent organisation head words
    ("kaupungin", "kaupunki"), ("kaupungista", "kaupunki"), ("kaupungille", "kaupunki"),
    ("kaupungilla", "kaupunki"), ("kaupungissa", "kaupunki"),
    ("kunnan", "kunta"), ("kunnasta", "kunta"), ("kunnalle", "kunta"), ("kunnalla", "kunta"),
    ("kunnassa", "kunta"),
    ("toimiston", "toimisto"), ("toimistosta", "toimisto"), ("toimistolle", "toimisto"),
    ("keskuksen", "keskus"), ("keskuksesta", "keskus"), ("keskukselle", "keskus"),
    ("laitoksen", "laitos"), ("laitoksesta", "laitos"), ("laitokselle", "laitos"),
    ("yhdistyksen", "yhdistys"), ("yhdistyksestä", "yhdistys"),
    ("piirin", "piiri"), ("piiristä", "piiri"), ("piirille", "piiri"),
    ("yhtymän", "yhtymä"), ("yhtymästä", "yhtymä"), ("yhtymälle", "yhtymä"),
    ("yliopiston", "yliopisto"), ("yliopistosta", "yliopisto"),
    ("korkeakoulun", "korkeakoulu"), ("korkeakoulusta", "korkeakoulu"),
    ("säätiön", "säätiö"), ("säätiöstä", "säätiö"),
    ("liiton", "liitto"), ("liitosta", "liitto"),
    ("ministeriön", "ministeriö"), ("ministeriöstä", "ministeriö"), ("ministeriölle", "ministeriö"),
    ("viraston", "virasto"), ("virastosta", "virasto"),
    ("yksikön", "yksikkö"), ("yksiköstä", "yksikkö"),
    ("alueen", "alue"), ("alueelta", "alue"),
    ("seuran", "seura"), ("seurasta", "seura"),
]


# cached: callers test one word against every head word in turn (generic.typed_names),
# which recomputed the same base form dozens of times per word of a document
@functools.lru_cache(maxsize=512)
def nominative(name: str) -> str:
    """Base form of an organisation name whose head word is inflected.

    Only the last word changes ('Alfalan kaupungin' -> 'Alfalan kaupunki');
    abbreviations lose their case ending ('ABC:stä' -> 'ABC', 'ry:n' -> 'ry').

    >>> nominative("Alfalan kaupungin")
    'Alfalan kaupunki'
    >>> nominative("ABC:stä")
    'ABC'
    >>> nominative("Beetalasta")
    'Beetala'
    >>> nominative("Esimerkki ry:n")
    'Esimerkki ry'
    """
    name = normalise_space(name).strip(" ,.;")
    if not name:
        return name
    words = name.split(" ")
    last = words[-1]
    m = re.match(r"^(.*\S):[a-zåäö]{1,4}$", last)
    if m:
        words[-1] = m.group(1)
        return " ".join(words)
    low = last.casefold()
    for inf, base in _HEAD_FORMS:
        if low.endswith(inf):
            stem = last[: len(last) - len(inf)]
            words[-1] = stem + base
            return " ".join(words)
    # a capitalised single word in elative/ablative/allative: 'Beetalasta', 'Beetalalta'
    if len(words) == 1 and last[:1].isupper():
        for suf in ("sta", "stä", "lta", "ltä", "lle"):
            if low.endswith(suf) and len(last) > len(suf) + 2:
                return last[: -len(suf)]
    return " ".join(words)


def sentence_case(caps: str) -> str:
    """'ALFAOHJELMA 2030-2032 – OPAS' -> 'Alfaohjelma 2030-2032 – opas'.

    >>> sentence_case("ALFA- JA BEETAMINISTERIÖ")
    'Alfa- ja beetaministeriö'
    """
    s = caps.strip().lower()
    return s[:1].upper() + s[1:]


def split_names(text: str) -> list[str]:
    """Split a printed list of names on commas, 'sekä' and ' ja ' before a capital.

    ' ja ' inside a name ('Alfan ja beetan laitos') is kept.

    >>> split_names("Alfa kunta (Liite 1), Beeta ja gamma oy sekä Deltan yhteistoiminta-alue ja Eetu ry")
    ['Alfa kunta (Liite 1)', 'Beeta ja gamma oy', 'Deltan yhteistoiminta-alue', 'Eetu ry']
    >>> split_names("Alfan kunta sekä Beetan ja Gamman yhteistoiminta-alue")
    ['Alfan kunta', 'Beetan ja Gamman yhteistoiminta-alue']
    """
    pieces = re.split(r"(\s*,\s*|\s+sekä\s+|\s+ja\s+(?=[A-ZÅÄÖ]))", text)
    out: list[str] = []
    pending = ""
    for k in range(0, len(pieces), 2):
        part = normalise_space(pieces[k])
        sep = pieces[k - 1] if k else ""
        if pending and part:
            part, pending = f"{pending} ja {part}", ""
        # 'Alfan ja Beetan yhteistoiminta-alue': a lone genitive before 'ja' shares the next name's head
        if part and k + 1 < len(pieces) and re.fullmatch(r"\s+ja\s+", pieces[k + 1]) and \
                re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+n", part) and not ORG_HEAD_RE.search(part) and \
                k + 2 < len(pieces) and len(pieces[k + 2].split()) >= 2 and \
                ORG_HEAD_RE.search(pieces[k + 2].split()[-1]) and pieces[k + 2].split()[0].endswith("n"):
            pending = part
            continue
        if part:
            out.append(part)
    return out


def acronym_matches(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can be read from ``name``: its letters in order, each
    space-separated word of the name starting with one of them (later letters
    may come from inside a word, as in compounds).

    >>> acronym_matches("ESSHP", "Etelä-Esimerkin sairaanhoitopiiri")
    True
    >>> acronym_matches("ABL", "Alfan ja beetan laitos")
    True
    >>> acronym_matches("EGA", "Etelä-Esimerkin Gamman Apu")
    True
    >>> acronym_matches("EGA", "Etelä-Esimerkin sosiaalialan osaamiskeskus")
    False
    """
    acr = re.sub(r"[^\wÅÄÖåäö]", "", acronym).casefold()
    words = [w for w in name.casefold().split() if w not in ("ja", "ry", "oy", "sr", "och")]
    if len(acr) < 2 or not words or acr[0] != words[0][0]:
        return False

    def rest(a: str, wi: int, pos: int) -> bool:
        if not a:
            return wi == len(words) - 1
        if wi + 1 < len(words) and words[wi + 1][0] == a[0] and rest(a[1:], wi + 1, 1):
            return True
        w = words[wi]
        return any(w[p] == a[0] and rest(a[1:], wi, p + 1) for p in range(pos, len(w)))

    return rest(acr[1:], 0, 1)
