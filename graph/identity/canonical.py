"""The canonical form of one organisation: its label, type and acronym.

:mod:`hankeverkko.graph.identity` decides which printed names are one organisation; this
module chooses, from all of them, the fullest official form as the label
(the alias table's canonical name; else the form with its legal form and proper
capitalisation, Finnish first, most frequent, fullest), the type (strongest
evidence, then most mentions) and the acronym. Every choice is deterministic.

>>> forms = printed_forms([Counter({"Metsälän Ammattikorkeakoulu oy": 2, "Metsälän ammattikorkeakoulu Oy": 1})])
>>> forms
Counter({'Metsälän Ammattikorkeakoulu Oy': 2, 'Metsälän ammattikorkeakoulu Oy': 1})
>>> canonical_label(forms, entity_type(forms)), entity_type(forms)
('Metsälän ammattikorkeakoulu Oy', 'university_of_applied_sciences')
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

from hankeverkko.loaders.reference import aliases

from hankeverkko.graph.identity.heads import abbreviation_forms, fold
from hankeverkko.graph.identity.names import ACRONYM_RE, ORG_TYPES, PUBLIC_TYPES, ParsedName, parse

__all__ = ["acronym", "alias_acronyms", "canonical_label", "canonical_spelling", "capitalisation", "entity_type",
           "printed_forms", "printed_type"]

#: how strongly an organisation type printed beside the name (a card's 'Organisaatiotyyppi')
#: counts: above a legal form (1) and fallback words (0.5), below a head word (2) and the alias table (3)
PRINTED_TYPE_STRENGTH = 1.5


@lru_cache(maxsize=None)
def _printed_types() -> dict[str, str]:
    from hankeverkko.loaders.reference import data_rows
    return {row["printed"].casefold(): row["type"] for row in data_rows("org_types.csv")}


def printed_type(text: Optional[str]) -> Optional[str]:
    """The ORG_TYPES key of an organisation type as printed (``loaders/data/org_types.csv``), else ``None``.

    >>> printed_type(" Kunta "), printed_type("Osakeyhtiö"), printed_type("Muu")
    ('municipality', 'company', None)
    """
    return _printed_types().get(re.sub(r"\s+", " ", text or "").strip().casefold())


def canonical_spelling(p: ParsedName) -> str:
    """The display name with its legal forms in their own spelling ('oy' -> 'Oy', 'r.y' -> 'ry').

    >>> canonical_spelling(parse("Ensi- ja turvakotien liitto r.y."))
    'Ensi- ja turvakotien liitto ry'
    """
    out = p.display
    for printed in p.legal:
        canon = abbreviation_forms()[fold(printed)].form
        out = re.sub(r"(?<![\w.])" + re.escape(printed) + r"(?!\w)\.?", canon, out, count=1)
    return out


def capitalisation(p: ParsedName) -> int:
    """2 = proper (capital first letter, legal form and head word in their own
    spelling), 1 = capital first letter only, 0 = lower-case start or all capitals.

    >>> [capitalisation(parse(n)) for n in ("Tampereen ammattikorkeakoulu Oy",
    ...  "Tampereen Ammattikorkeakoulu Oy", "TAMPEREEN AMMATTIKORKEAKOULU OY", "tampereen ammattikorkeakoulu")]
    [2, 1, 0, 0]
    """
    d = p.display
    if not d[:1].isupper() or d.isupper():
        return 0
    if any(x != abbreviation_forms()[fold(x)].form for x in p.legal):
        return 1
    if p.head and " " not in p.head.word:
        word = p.head.word
        for tok in p.raw_tokens[1:]:
            tail = tok[-len(word):]
            if tail.casefold() == word.casefold() and tail != word:
                return 1     # 'Tampereen Ammattikorkeakoulu', 'Hämeen ELY-Keskus'
    return 2


@lru_cache(maxsize=None)
def _acronyms_by_canonical() -> dict:
    out: dict[str, list[str]] = {}
    for a in aliases():
        if a.type in ORG_TYPES and ACRONYM_RE.fullmatch(a.alias):
            out.setdefault(a.canonical, []).append(a.alias)
    return out


def alias_acronyms(canonical: str) -> list[str]:
    """Acronyms the alias table gives for a canonical name.

    >>> alias_acronyms("Terveyden ja hyvinvoinnin laitos")
    ['THL']
    """
    return sorted(_acronyms_by_canonical().get(canonical, []))


def printed_forms(displays: Iterable[Counter]) -> Counter:
    """All printed forms of one organisation with their counts: legal forms in
    their own spelling, parallel names ('X ry, Y rf') as two forms."""
    forms: Counter = Counter()
    for counts in displays:
        for d, count in counts.items():
            p = parse(d)
            for part in (p.parts or (d,)):
                forms[canonical_spelling(parse(part))] += count
    return forms


def entity_type(forms: Counter, printed: Iterable[str] = ()) -> str:
    """Strongest evidence (alias > head word > printed type > legal form > fallback word), then most mentions.

    ``printed``: organisation types printed beside the name ('Kunta', 'Yhdistys'), mapped by
    ``loaders/data/org_types.csv``; a head word or the alias table still wins over them.

    >>> entity_type(Counter({"Alfalan Osaajat": 1}), ["Yhdistys"])
    'association'
    """
    votes: dict[str, list] = {}
    for d, count in forms.items():
        p = parse(d)
        if p.type != "other":
            v = votes.setdefault(p.type, [0.0, 0])
            v[0] = max(v[0], p.type_strength)
            v[1] += count
    for text in printed:
        t = printed_type(text)
        if t in ORG_TYPES and t != "other":
            v = votes.setdefault(t, [0.0, 0])
            v[0] = max(v[0], PRINTED_TYPE_STRENGTH)
            v[1] += 1
    order = list(ORG_TYPES)
    return min(votes, key=lambda t: (-votes[t][0], -votes[t][1], order.index(t))) if votes else "other"


def canonical_label(forms: Counter, ent_type: str) -> str:
    """The alias table's canonical name; else the form with a legal form (not for
    public bodies), with a head word that says what it is ('Laukaan kunta', not
    'Laukaa'), proper capitalisation, Finnish first, most frequent, fullest,
    fewest capitals, alphabetical."""
    canon = Counter()
    for d, count in forms.items():
        if parse(d).alias:
            canon[parse(d).alias.canonical] += count
    if canon:
        return min(canon, key=lambda c: (-canon[c], c))
    full = [d for d in forms if not parse(d).bare_acronym] or list(forms)

    def rank(d: str):
        p = parse(d)
        legal_ok = bool(p.legal_form) and ent_type not in PUBLIC_TYPES
        lang = {"fi": 0, "sv": 1}.get(p.lang, 2)
        return (not legal_ok, p.head is None, -capitalisation(p), lang, -forms[d], -len(p.tokens),
                sum(map(str.isupper, d)), d)
    return min(full, key=rank)


def acronym(forms: Counter, label: str) -> Optional[str]:
    """The acronym printed most often with or as the name, else the alias table's."""
    found = Counter({a: 0 for a in alias_acronyms(label)})
    for d, count in forms.items():
        if parse(d).acronym:
            found[parse(d).acronym] += count
    return min(found, key=lambda a: (-found[a], a)) if found else None
