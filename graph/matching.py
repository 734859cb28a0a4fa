"""Pair rules: is this pair of names one organisation, two, or a question for a person?

Only names that share a distinctive word (a blocking key from
:func:`graph.names.blocking_keys`) are compared. A pair is kept apart when
its organisation types, legal forms or distinctive words disagree; it merges
when the distinctive words agree, the head words do not disagree and the
fuzzy score reaches :data:`MERGE_SCORE`; anything else that is close goes to
the review queue, never to an automatic merge.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from .names import ParsedName, fold, parse

__all__ = ["MERGE_SCORE", "REVIEW_SCORE", "TOKEN_SCORE", "assess", "score"]

#: fuzzy score (0-100) at or above which two compatible names merge
MERGE_SCORE = 92.0
#: two distinctive words count as one word (typo, inflection) at this ratio
TOKEN_SCORE = 85.0
#: a pair where one name only adds words to the other is reviewed from this score
REVIEW_SCORE = 60.0


def _unmatched(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """Distinctive words of ``a`` with no counterpart (same word, typo or inflection) in ``b``."""
    return [t for t in a if not any(t == u or fuzz.ratio(t, u) >= TOKEN_SCORE for u in b)]


def score(a: ParsedName, b: ParsedName) -> float:
    """Similarity 0-100 of two parsed names (legal forms ignored).

    >>> score(parse("Tampereen ammattikorkeakoulu Oy"), parse("Tampereen Ammattikorkekoulu"))
    98.2
    """
    return round(max(fuzz.ratio(a.key, b.key), fuzz.token_sort_ratio(a.spaced, b.spaced)), 1)


def assess(a: ParsedName, b: ParsedName) -> tuple[str, float, str]:
    """('merge' | 'review' | 'apart', score, reason) for two names in one block.

    >>> assess(parse("Tampereen ammattikorkeakoulu Oy"), parse("Tampereen ammattikorkekoulu"))[0]
    'merge'
    >>> assess(parse("Silta-Valmennusyhdistys ry"), parse("Valo-Valmennusyhdistys ry"))[::2]
    ('apart', 'different distinctive words: siltavalmennus / valovalmennus')
    >>> assess(parse("Sininauhaliitto ry"), parse("Sininauhasäätiö sr"))[::2]
    ('apart', 'different organisation types: association / foundation')
    """
    s = score(a, b)
    if not a.distinctive or not b.distinctive:
        return "apart", s, "a name without distinctive words"
    if a.type != "other" and b.type != "other" and a.type != b.type:
        return "apart", s, f"different organisation types: {a.type} / {b.type}"
    if a.family and b.family and a.family != b.family:
        return "apart", s, f"different legal forms: {a.legal_form} / {b.legal_form}"
    # a distinctive word may be the other name's head word misspelt ('ammattikorkekoulu')
    head_a = (fold(a.head.word),) if a.head else ()
    head_b = (fold(b.head.word),) if b.head else ()
    only_a, only_b = _unmatched(a.distinctive, b.distinctive + head_b), _unmatched(b.distinctive, a.distinctive + head_a)
    if not a.head and head_b and not _unmatched(head_b, a.distinctive):
        head_a = head_b      # the misspelt head word counts as the same head
    if only_a and only_b:
        return "apart", s, f"different distinctive words: {' '.join(only_a)} / {' '.join(only_b)}"
    heads_differ = bool(head_a and head_b and head_a != head_b)
    if not only_a and not only_b:
        if s >= MERGE_SCORE and not heads_differ:
            return "merge", s, "same distinctive words, near-identical names"
        if heads_differ:
            return "review", s, f"same distinctive words, different head words: {a.head.word} / {b.head.word}"
        if not head_a or not head_b:
            return "review", s, "same distinctive words; only one name says what kind of organisation it is"
        return "review", s, "same distinctive words, similar names"
    extra = only_a or only_b
    if s >= REVIEW_SCORE:
        return "review", s, f"one name has the extra word(s): {' '.join(extra)}"
    return "apart", s, f"one name has the extra word(s): {' '.join(extra)}"
