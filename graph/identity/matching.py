"""Pair rules: is this pair of names one organisation, two, or a question for a person?

Only names that share a distinctive word (a blocking key from
:func:`hankeverkko.graph.identity.names.blocking_keys`) are compared. A pair is kept apart when
its organisation types, legal forms or distinctive words disagree; it merges
when the distinctive words agree, the head words do not disagree and the
fuzzy score reaches :data:`MERGE_SCORE`; anything else that is close goes to
the review queue, never to an automatic merge.
"""
from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from hankeverkko.graph.identity.heads import fold
from hankeverkko.graph.identity.inflection import same_word
from hankeverkko.graph.identity.names import ParsedName, parse

__all__ = ["MERGE_SCORE", "REVIEW_SCORE", "TOKEN_SCORE", "assess", "name_type", "score"]

#: fuzzy score (0-100) at or above which two compatible names merge
MERGE_SCORE = 92.0
#: two distinctive words count as one word (typo, inflection) at this ratio
TOKEN_SCORE = 85.0
#: a pair where one name only adds words to the other is reviewed from this score
REVIEW_SCORE = 60.0


def name_type(p: ParsedName) -> str:
    """The type the name itself states (alias table or head word), or '' if it
    states none; a legal form alone ('Oy') does not conflict with a head word
    ('ammattikorkeakoulu'), while 'other' from a head word (seurakuntayhtymä) does.

    >>> name_type(parse("Tammelan ammattikorkekoulu Oy")), name_type(parse("Helsingin seurakuntayhtymä"))
    ('', 'other')
    """
    return p.type if p.type_strength >= 2 else ""


def _same_word(t: str, u: str) -> bool:
    """Identical, or one a case form of the other (Espoo / Espoon, Helsinki / Helsingin):
    :func:`hankeverkko.graph.identity.inflection.same_word`."""
    return same_word(t, u)


def _bare_place(p: ParsedName) -> bool:
    """A single proper name with nothing else: no head word, legal form, alias or acronym ('Laukaa')."""
    return (len(p.tokens) == 1 and p.head is None and not p.legal and p.alias is None and not p.bare_acronym
            and p.distinctive == p.tokens)


def _heads_agree(a: ParsedName, b: ParsedName, ha: str, hb: str) -> bool:
    """The same head word, or the same kind in two languages (kaupunki / city / stad)."""
    if ha == hb:
        return True
    return bool(a.head and b.head and a.head.type and a.head.type == b.head.type and a.head.lang != b.head.lang
                and {fold(a.head.word), fold(b.head.word)} == {ha, hb})


def _aligned_score(a: ParsedName, b: ParsedName) -> float:
    """:func:`score` after writing ``b``'s inflected distinctive words as ``a`` prints them
    ('Keski-Suomi' / 'Keski-Suomen' count as one spelling)."""
    swap = {u: t for t in a.distinctive for u in b.distinctive if t != u and _same_word(t, u)}
    if not swap:
        return score(a, b)
    tokens = [swap.get(t, t) for t in b.tokens]
    b2 = replace(b, key="".join(tokens), sorted_tokens=" ".join(sorted(tokens)))
    return score(a, b2)


def _similar_word(t: str, u: str) -> bool:
    """The same word or a near spelling (typo): never a different organisation for sure."""
    return _same_word(t, u) or fuzz.ratio(t, u) >= TOKEN_SCORE


def _words(p: ParsedName, other: ParsedName) -> tuple[tuple[str, ...], str]:
    """(distinctive words, head word) of ``p``; a distinctive word that is the other
    name's head word misspelt ('ammattikorkekoulu') counts as that head word, but not
    one in the genitive ('Kuopion kaupungin Asunnot Oy' is not a city)."""
    if p.head:
        return p.distinctive, fold(p.head.word)
    if other.head:
        h = fold(other.head.word)
        rest = tuple(t for t in p.distinctive if not _similar_word(t, h) or same_word(h, t))
        if len(rest) < len(p.distinctive):
            return rest, h
    return p.distinctive, ""


def score(a: ParsedName, b: ParsedName) -> float:
    """Similarity 0-100 of two parsed names (legal forms ignored).

    >>> score(parse("Tampereen ammattikorkeakoulu Oy"), parse("Tampereen Ammattikorkekoulu"))
    98.2
    """
    return round(max(fuzz.ratio(a.key, b.key), fuzz.ratio(a.sorted_tokens, b.sorted_tokens)), 1)


def assess(a: ParsedName, b: ParsedName) -> tuple[str, float, str]:
    """('merge' | 'review' | 'apart', score, reason) for two names that share a block.

    >>> assess(parse("Tampereen ammattikorkeakoulu Oy"), parse("Tampereen ammattikorkekoulu Oy"))[0]
    'merge'
    >>> assess(parse("Kivi-Valmennusyhdistys ry"), parse("Puu-Valmennusyhdistys ry"))[::2]
    ('apart', 'different distinctive words: kivivalmennus / puuvalmennus')
    >>> assess(parse("Sininauhaliitto ry"), parse("Sininauhasäätiö sr"))[::2]
    ('apart', 'different organisation types: association / foundation')
    >>> assess(parse("Lehtosen Kuljetus Oy"), parse("Lehtisen Kuljetus Oy"))[::2]
    ('review', 'distinctive words differ slightly: lehtosen / lehtisen')
    """
    s = _aligned_score(a, b)
    if not a.distinctive or not b.distinctive:
        return "apart", s, "a name without distinctive words"
    ta, tb = name_type(a), name_type(b)
    for bare, other, t in ((a, b, tb), (b, a, ta)):
        if _bare_place(bare) and not _bare_place(other) and len(other.distinctive) == 1 \
                and _same_word(bare.tokens[0], other.distinctive[0]):
            if t == "municipality" and not other.legal:
                return "merge", s, "a place name alone is its municipality"
            if t and bare.tokens[0] != other.distinctive[0]:
                return "apart", s, f"a place name alone is its municipality, not this {t}"
    if ta and tb and ta != tb:
        return "apart", s, f"different organisation types: {ta} / {tb}"
    if a.family and b.family and a.family != b.family:
        return "apart", s, f"different legal forms: {a.legal_form} / {b.legal_form}"
    (da, ha), (db, hb) = _words(a, b), _words(b, a)
    only_a = [t for t in da if not any(_similar_word(t, u) for u in db)]
    only_b = [u for u in db if not any(_similar_word(u, t) for t in da)]
    if only_a and only_b:
        return "apart", s, f"different distinctive words: {' '.join(only_a)} / {' '.join(only_b)}"
    if only_a or only_b:
        extra = " ".join(only_a or only_b)
        longer_head, shorter_head = (ha, hb) if only_a else (hb, ha)
        if longer_head and shorter_head and not _heads_agree(a, b, longer_head, shorter_head):
            return "apart", s, f"different head words ({ha} / {hb}) and the extra word(s): {extra}"
        if shorter_head and not longer_head:
            # 'Keski-Suomen ELY-keskus' / 'Keski-Suomen Yhteisöjen Tuki': the extra words name another organisation
            return "apart", s, f"only the shorter name has a head word; the other adds: {extra}"
        verdict = "review" if s >= REVIEW_SCORE else "apart"
        return verdict, s, f"one name has the extra word(s): {extra}"
    slight = [(t, u) for t in da for u in db if _similar_word(t, u) and not _same_word(t, u)
              and not any(_same_word(t, v) for v in db)]
    if ha and hb and not _heads_agree(a, b, ha, hb):
        return "review", s, f"same distinctive words, different head words: {ha} / {hb}"
    if slight:
        return "review", s, "distinctive words differ slightly: " + ", ".join(f"{t} / {u}" for t, u in slight)
    if s >= MERGE_SCORE:
        return "merge", s, "same distinctive words, near-identical names"
    if ha and hb and ha != hb and len(da) == len(db):
        return "merge", s, f"same distinctive words, the same kind of organisation in two languages: {ha} / {hb}"
    if not ha or not hb:
        verdict = "review" if s >= REVIEW_SCORE or not (ha or hb) else "apart"
        return verdict, s, "same distinctive words; only one name says what kind of organisation it is"
    return "review", s, "same distinctive words, similar names"
