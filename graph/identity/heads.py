"""Head words and legal forms in a name: the comparison form of a token
(:func:`fold`), the head-word table of ``head_words.csv`` and the written-out
legal forms (with their Finnish inflected forms), and the legal-form
abbreviations (Oy, ry ...)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hankeverkko.graph.identity.inflection import inflected_forms
from hankeverkko.loaders.reference import head_words, legal_forms

__all__ = ["Head", "abbreviation_forms", "fold"]


def fold(text: str) -> str:
    """Case-folded, with hyphens, dots and apostrophes removed: the comparison form of a token."""
    return re.sub(r"[-.'’]", "", text.casefold())


@dataclass(frozen=True)
class Head:
    """A head word found in a name (from head_words.csv or a written-out legal form)."""
    word: str        # canonical spelling, e.g. 'ELY-keskus'
    type: str        # ORG_TYPES key or '' (generic word)
    lang: str
    priority: str    # 'name' | 'fallback' | 'none'
    family: str = ""  # legal family when the head is a written-out legal form (säätiö ...)


@lru_cache(maxsize=None)
def abbreviation_forms() -> dict:
    """folded abbreviation -> LegalForm ('oy' -> Oy, 'ry' -> ry ...)."""
    return {fold(f.form): f for f in legal_forms() if f.match == "abbrev"}


@lru_cache(maxsize=None)
def _heads() -> tuple:
    """(folded words, Head) for every head word, longest first (longest suffix wins)."""
    out = []
    for h in head_words():
        out.append((tuple(fold(w) for w in h.word.split()), Head(h.word, h.type, h.lang, h.priority)))
    for f in legal_forms():
        if f.match == "word":
            out.append(((fold(f.form),), Head(f.form, f.type, f.lang, "name", f.family)))
    return tuple(sorted(out, key=lambda x: (-len(x[0]), -len(" ".join(x[0])), x[0])))


@lru_cache(maxsize=None)
def _head_abbreviations() -> dict:
    """folded abbreviation -> head word ('amk' -> 'ammattikorkeakoulu'), from head_words.csv."""
    return {fold(h.abbrev): h.word for h in head_words() if h.abbrev}


@lru_cache(maxsize=None)
def _inflected_heads() -> dict:
    """folded inflected form of a Finnish head word -> Head ('kaupungin' -> kaupunki)."""
    out: dict[str, Head] = {}
    for words, head in _heads():
        if len(words) == 1 and head.lang in ("fi", ""):
            for form in inflected_forms(words[0]):
                out.setdefault(form, head)
    return out


def _inflected_head(tok: str) -> tuple[Optional[Head], str]:
    """(head, distinctive prefix) of a folded token that is an inflected head word
    ('kaupungin', 'Liikuntasäätiön'), else (None, tok)."""
    table = _inflected_heads()
    for i in [0, *range(3, len(tok) - 2)]:
        head = table.get(tok[i:])
        if head:
            return head, tok[:i]
    return None, tok


@lru_cache(maxsize=65536)
def _head_of_token(tok: str) -> tuple[Optional[Head], str]:
    """(head, distinctive prefix) of one folded token; a compound keeps its prefix.

    >>> _head_of_token("sininauhaliitto")[1], _head_of_token("kuntoutussäätiö")[0].type
    ('sininauha', 'foundation')
    """
    for words, head in _heads():
        if len(words) != 1:
            continue
        w = words[0]
        if tok == w:
            return head, ""
        if tok.endswith(w) and len(tok) - len(w) >= 3:
            return head, tok[: -len(w)]
    return None, tok
