"""Projects in running prose: their names printed with the code, and which project
a statement without a code is about.

* :func:`named_projects` reads the name printed with a code: 'Nuorten polut töihin
  -hanke (S21999)', 'Osaamisen polut -koordinaatiohanketta (S39999)', 'Kielipolku-hankkeen
  (S39912)', 'hankkeessa Yhteiset polut (S29957)', or a run-in 'Osaamisen sillat (S21911).'
  The ``-hanke`` word (in any case, any compound: -koordinaatiohanke, -kehittämishanke) is
  **not** part of the name: 'Nuorten polut töihin -hanke' is named 'Nuorten polut töihin'.
* :func:`anaphor` tells whether a sentence refers back to a project ('Hanketta',
  'Hankkeen', 'Hankkeessa', 'Sitä', 'Sen' ...) or to every project just named ('Hankkeita',
  'Molempia hankkeita').
* :func:`sections` splits lines at headings, navigation and masthead lines: a
  statement never refers back across one.

>>> [(c, n) for c, n in named_projects("Etan yliopisto koordinoi valtakunnallista Osaamisen polut -koordinaatiohanketta (S39999).")]
[('S39999', 'Osaamisen polut')]
>>> [(c, n) for c, n in named_projects("Hankkeessa Työhyvinvointi pienyrityksissä (S21913) päätoteuttajana toimi X.")]
[('S21913', 'Työhyvinvointi pienyrityksissä')]
>>> anaphor("Hanketta hallinnoi Betalan kaupunki."), anaphor("Hankkeita rahoittaa X."), anaphor("Betala hallinnoi.")
('one', 'all', None)
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.ids import project_codes
from hankeverkko.loaders.text import Line

__all__ = ["named_projects", "anaphor", "sections", "is_furniture"]

#: a word naming a project in any case: hanke, -hanketta, koordinaatiohankkeen, projektissa ...
_HANKE_WORD_RE = re.compile(r"^(?:[\wåäöÅÄÖ-]*?-)?[\wåäö]*(?:hank(?:e|keen|keessa|keeseen|kkeelle|ketta|etta|kkeen|"
                            r"keelle|kkeessa|keesta|kkeesta)|projekti(?:a|n|ssa|in)?)$", re.I)
_NAME_TOKEN_RE = re.compile(r"^[\wåäöÅÄÖ][\wåäöÅÄÖ'’&+-]*$")
_ONE_RE = re.compile(r"^(?:hanke|hanketta|hankkeen|hankkeessa|hankkeeseen|hankkeelle|hankkeesta|projekti|projektia|"
                     r"projektin|projektissa|sitä|sen|siinä|se|koordinaatiohanke\w*|kehittämishanke\w*|"
                     r"kehittämishankkee\w*|koordinaatiohankkee\w*)$", re.I)
_ALL_RE = re.compile(r"^(?:hankkeita|hankkeet|hankkeiden|hankkeissa|molempia|molemmissa|molempien|kumpaakin|"
                     r"kumpikin)$", re.I)
_CLAUSE_RE = re.compile(r"[,;:]\s*(?:ja|sekä|mutta)?\s*$")


def _strip(tok: str) -> str:
    return tok.strip(",;:.!?\"'”“()")


def _name_before(toks: list[str]) -> Optional[str]:
    """The capitalised name that ends ``toks``: back to its first capitalised word,
    lowercase words allowed after it ('Nuorten polut töihin')."""
    k = len(toks)
    start = None
    while k > 0 and len(toks) - k < 8:
        t = toks[k - 1]
        if t.endswith((",", ";", ":", ".")) or not _NAME_TOKEN_RE.match(t):
            break
        if t[:1].isupper():
            start = k - 1
            # keep going over capitalised words printed right before ('Kohti Uutta Työtä')
            if k - 2 >= 0 and toks[k - 2][:1].isupper() and _NAME_TOKEN_RE.match(toks[k - 2]) \
                    and not _HANKE_WORD_RE.match(toks[k - 2]) and k - 2 > 0:
                k -= 1
                continue
            break
        k -= 1
    if start is None:
        return None
    return " ".join(toks[start:]) or None


def named_projects(sentence: str) -> list[tuple[str, str]]:
    """(code, name) of every project whose name is printed with its code."""
    out = []
    for hit in project_codes(sentence):
        head = sentence[:hit.start].rstrip()
        if head.endswith("("):
            head = head[:-1].rstrip()
        elif not re.search(r"(?:hank|projekt)\w*\s*$", head, re.I):
            continue                              # a bare code in a list or table
        toks = head.split()
        if not toks:
            continue
        name = None
        last = toks[-1]
        if _HANKE_WORD_RE.match(last):
            if last.startswith("-") or "-" not in last.strip("-"):
                name = _name_before(toks[:-1]) if last.startswith("-") else None
            else:                                 # 'Kielipolku-hankkeen'
                stem = last.rsplit("-", 1)[0]
                rest = _name_before(toks[:-1] + [stem]) if stem[:1].isupper() else None
                name = rest
        else:
            # 'hankkeessa Yhteiset polut (S...)', 'Kehittämishanketta X (S...)', 'hankehakemuksella X (S...)'
            for j in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
                word = _strip(toks[j])
                if re.match(r"(?:\w*hank|projekt)\w*$", word, re.I) and toks[j] == word:
                    cand = toks[j + 1:]
                    if cand and cand[0][:1].isupper() and all(_NAME_TOKEN_RE.match(t) for t in cand):
                        name = " ".join(cand)
                    break
                if toks[j].endswith((",", ";", ":", ".")):
                    break
            else:
                pass
            if name is None and len(toks) <= 8 and toks[0][:1].isupper() and \
                    all(_NAME_TOKEN_RE.match(t) for t in toks) and not sentence[hit.end:].strip(" )").rstrip(".!"):
                name = " ".join(toks)             # a run-in 'Osaamisen sillat (S21911).'
        if name and not project_codes(name):
            out.append((hit.code, name))
    return out


def anaphor(sentence: str) -> Optional[str]:
    """'one' when the sentence refers back to a project, 'all' when to every project
    just named, else ``None`` (the first two words are looked at)."""
    words = [_strip(w) for w in sentence.split()[:2]]
    if words and _ALL_RE.match(words[0]):
        return "all"
    if any(_ONE_RE.match(w) for w in words[:2]):
        return "one"
    if re.search(r"\b(?:jota|jonka|jossa)\b", sentence, re.I) is None and \
            re.match(r"^\S+\s+(?:hanke|hankkeen|hanketta|hankkeessa|projektia|projektin)\b", sentence, re.I):
        return "one"
    return None


def is_furniture(ln: Line, width: int, nxt: Optional[str]) -> bool:
    """A heading, navigation, masthead or site-name line: short, no full stop at the end,
    the next line starting a new unit (a capital, a digit, or nothing)."""
    t = ln.text.strip()
    if not t or len(t) >= 90 or re.search(r"[.!?,;\-–]$", t) or len(t) > 0.6 * width:
        return False
    return nxt is None or not nxt.strip() or not nxt.strip()[:1].islower()


def sections(lines: list[Line]) -> list[tuple[list[Line], bool]]:
    """(lines, furniture?) runs: each heading/navigation line on its own run."""
    texts = [ln.text for ln in lines if ln.text.strip()]
    lengths = sorted(len(t.rstrip()) for t in texts) or [80]
    width = max(60, lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0])
    out: list[tuple[list[Line], bool]] = []
    cur: list[Line] = []
    content = [ln for ln in lines if ln.text.strip()]
    nxt_of = {content[i].no: (content[i + 1].text if i + 1 < len(content) else None) for i in range(len(content))}
    prev_end = True
    for ln in lines:
        if not ln.text.strip():
            cur.append(ln)
            continue
        if prev_end and is_furniture(ln, width, nxt_of.get(ln.no)):
            if cur:
                out.append((cur, False))
            out.append(([ln], True))
            cur = []
            continue
        cur.append(ln)
        prev_end = bool(re.search(r"[.!?:\"”]\W?$", ln.text.rstrip())) or len(ln.text.strip()) < 0.6 * width
    if cur:
        out.append((cur, False))
    return out
