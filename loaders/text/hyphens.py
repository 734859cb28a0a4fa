"""Words broken at line ends: de-hyphenation and joining line fragments.

A hyphen at a line break is either a soft break to drop ('kehittämis-' +
'hankkeita') or a real hyphen to keep ('Diakonia-' + 'ammattikorkeakoulu',
'Sosiaali-' + 'ja terveysala'); extraction sometimes leaves it as 'hyphen +
space' inside a line, repaired by the same rule.
"""
from __future__ import annotations

import re
from typing import Iterable

from hankeverkko.loaders.text.lines import normalise_space

__all__ = ["dehyphenate", "join_broken", "repair_hyphen_spaces"]


# Words whose trailing hyphen is a real hyphen when followed by a lower-case
# compound part: 'Kivi-ammattikorkeakoulu', 'Keski-Suomen', 'ESR-hanke'.
_REAL_HYPHEN_BEFORE = re.compile(r"(?:[A-ZÅÄÖ]{2,}|\d|[A-ZÅÄÖ][a-zåäö]*)-$")
_VOWELS = frozenset("aeiouyäöå")


def dehyphenate(left: str, right: str) -> str:
    """Join two fragments where ``left`` ends in a hyphen at a line break.

    The hyphen is kept when it is a real one: after an abbreviation or a
    capitalised word part ('Lab-', 'Diakonia-', 'ESR-', 'Keski-') or before an
    upper-case letter or digit; otherwise it is a soft break and dropped
    ('kehittämis-' + 'hankkeita').  A space before the right part ('Laurea-
    ammattikorkeakoulu') is treated the same way.  A hyphen between two equal
    vowels is always real in Finnish.

    >>> dehyphenate("ravintola-", "alalla")
    'ravintola-alalla'
    >>> dehyphenate("kehittämis-", "hankkeita")
    'kehittämishankkeita'
    >>> dehyphenate("Sosiaali-", "ja terveysala")
    'Sosiaali- ja terveysala'
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-"):
        return f"{left} {right}".strip()
    if not right:
        return left
    # a suspended compound broken after its hyphen: 'Sosiaali-' + 'ja terveysala'
    if re.match(r"(?:%s)\b" % "|".join(_CONJUNCTIONS), right):
        return f"{left} {right}"
    # an en-dash style separator 'A -' or a list hyphen: keep with a space
    if left.endswith(" -"):
        return f"{left} {right}"
    word = re.split(r"\s", left)[-1]
    if right[0].isupper() or right[0].isdigit() or _REAL_HYPHEN_BEFORE.search(word):
        return left + right
    # Finnish spelling keeps the hyphen where a compound joins the same vowel
    # ('ravintola-alalla', 'tasa-arvo'), so it cannot be a soft break there.
    if len(word) > 1 and word[-2].lower() == right[0].lower() and right[0].lower() in _VOWELS:
        return left + right
    return left[:-1] + right


def join_broken(parts: Iterable[str]) -> str:
    """Join line fragments into one string, repairing hyphenation.

    >>> join_broken(["Keski-Suomen ELY-", "keskus"])
    'Keski-Suomen ELY-keskus'
    """
    out = ""
    for p in parts:
        p = normalise_space(p)
        if not p:
            continue
        out = dehyphenate(out, p) if out else p
    return normalise_space(out)


_CONJUNCTIONS = ("ja", "tai", "sekä", "eli", "och", "eller", "and", "or")
_INLINE_HYPHEN_RE = re.compile(
    r"(?P<word>\S*\w)- +(?!(?:%s)\b)(?P<next>\w)" % "|".join(_CONJUNCTIONS))


def repair_hyphen_spaces(s: str) -> str:
    """Repair a line break that the extraction turned into 'hyphen + space'.

    The same rule as :func:`dehyphenate` applies; a hyphen before a
    conjunction is a suspended compound ('Ensi- ja turvakoti') and stays.

    >>> repair_hyphen_spaces("Laurea- ammattikorkeakoulu Oy")
    'Laurea-ammattikorkeakoulu Oy'
    >>> repair_hyphen_spaces("Ensi- ja turvakotien liitto")
    'Ensi- ja turvakotien liitto'
    >>> repair_hyphen_spaces("Itä- Suomessa, LogDigiS - hanke")
    'Itä-Suomessa, LogDigiS - hanke'
    """
    def fix(m: re.Match) -> str:
        word = m.group("word")
        return dehyphenate(word + "-", m.group("next"))
    return _INLINE_HYPHEN_RE.sub(fix, s)
