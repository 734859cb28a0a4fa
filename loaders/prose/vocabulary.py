"""A document's own spelling, to decide whether a hyphen at a line break is real.

:class:`Vocabulary` looks at how the *same document* spells a word elsewhere
('AB-' + 'CD-hanke' -> 'ABCD-hanke' when 'ABCD' is printed unbroken) and
otherwise falls back on :func:`loaders.text.dehyphenate`.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from hankeverkko.loaders.text import Line, dehyphenate, normalise_space

__all__ = ["Vocabulary"]


_WORD_RE = re.compile(r"[\wÅÄÖåäö]+", re.U)


class Vocabulary:
    """The words a document prints unbroken, to repair words broken at line ends."""

    def __init__(self, texts: Iterable[str]):
        self.words: set[str] = set()
        self.hyphenated: set[str] = set()
        for t in texts:
            toks = t.split()
            # the last token of a line may be a broken fragment: not evidence
            for tok in toks[:-1] if toks and toks[-1].endswith("-") else toks:
                tok = tok.strip("()[]{}\"'“”‘’,.;:!?").casefold()
                if not tok:
                    continue
                if "-" in tok.strip("-"):
                    self.hyphenated.add(tok.strip("-"))
                for part in tok.split("-"):
                    w = re.sub(r":\w+$", "", part)
                    if w:
                        self.words.add(w)

    @classmethod
    def of_lines(cls, lines: Sequence[Line]) -> "Vocabulary":
        return cls(ln.text for ln in lines)

    def dehyphenate(self, left: str, right: str) -> str:
        """Like :func:`loaders.text.dehyphenate`, but trusts the document's own spelling."""
        left, right = left.rstrip(), right.lstrip()
        if not left.endswith("-") or not right or left.endswith(" -"):
            return dehyphenate(left, right)
        lpart = re.split(r"[\s\-/(\[“\"']", left[:-1])[-1]
        mright = re.match(r"[\wÅÄÖåäö]+", right)
        if lpart and mright:
            merged = (lpart + mright.group(0)).casefold()
            hyph = f"{lpart}-{mright.group(0)}".casefold()
            if merged in self.words and not any(h.startswith(hyph) for h in self.hyphenated):
                return left[:-1] + right
            if any(h.startswith(hyph) for h in self.hyphenated) and merged not in self.words:
                return left + right
            # a capitalised fragment broken at a Finnish syllable boundary (consonant +
            # vowel follows) that the document never prints alone: 'Mo-' + 'niammatilliset'
            if (lpart[:1].isupper() and not lpart.isupper() and len(lpart) <= 5
                    and lpart.casefold() not in self.words
                    and re.match(r"[b-df-hj-np-tv-zšž][aeiouyåäö]", mright.group(0))):
                return left[:-1] + right
        return dehyphenate(left, right)

    def join(self, parts: Iterable[str]) -> str:
        """Join line fragments into one string (see :func:`loaders.text.join_broken`)."""
        out = ""
        for p in parts:
            p = normalise_space(p)
            if not p:
                continue
            out = self.dehyphenate(out, p) if out else p
        return normalise_space(out)
