"""Closed vocabularies of option values: one snake_case word list per option,
matched case-insensitively, listed in ``--help``.

:class:`Vocabulary` is a :class:`click.Choice` that also accepts the word
with ``-``, ``_`` or spaces left out or swapped (``ely-centre``,
``ElyCentre`` and ``ELY_CENTRE`` are ``ely_centre``), and whose error names
the option's concept and the closest words (exit code 2, a usage error).

>>> Vocabulary(["ely_centre", "municipality"], "organisation type").convert("ElyCentre", None, None)
'ely_centre'
"""
from __future__ import annotations

import re
from typing import Sequence

import click

__all__ = ["Vocabulary", "closest_words"]


def _squash(word: str) -> str:
    return re.sub(r"[\s_-]+", "", str(word)).casefold()


def closest_words(word: str, words: Sequence[str]) -> list[str]:
    """The words of ``words`` closest to ``word`` (fuzzy, best first, at most ten).

    >>> closest_words("municpality", ["ministry", "municipality", "company"])
    ['municipality']
    """
    from hankeverkko.graph.sparql.suggest import rank
    return [w for w, _ in rank(word, {w: [w, w.replace("_", " ").replace("-", " ")] for w in words})]


class Vocabulary(click.Choice):
    """A case-insensitive choice of snake_case words; ``what`` names them in errors."""

    def __init__(self, choices: Sequence[str], what: str):
        super().__init__(list(choices), case_sensitive=False)
        self.what = what

    def convert(self, value, param, ctx):
        by_squash = {_squash(c): c for c in self.choices}
        found = by_squash.get(_squash(value))
        if found is not None:
            return found
        near = closest_words(str(value), list(self.choices))
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        self.fail(f"unknown {self.what} {value!r}{hint}; choose from {', '.join(self.choices)}", param, ctx)
