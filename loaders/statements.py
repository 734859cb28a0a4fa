"""Implementers stated in running prose: who runs, co-runs, partners or funds a project.

A reusable reader over sentences (used by the project-card, decision-form and
generic loaders, and open to the others).  A *cue* phrase ('hallinnoi',
'osatoteuttajina', 'kumppaneiksi', 'rahoittaa' ...) says the role; the names
are read from the text after the cue (up to the next cue), or from the subject
before it when nothing follows ('Alfalan kaupunki hallinnoi hanketta').

* shared-head lists: 'Thetan ja Iotan kaupungit' -> Thetan kaupunki, Iotan kaupunki
  (plural heads in ``data/head_plurals.csv``);
* place-name lists: 'osatoteuttajina Alfala, Betala ja Gammala' -> three names;
* abbreviations the text defines: 'Epsilonin laitos (EL)' then 'EL';
* inflected heads to the nominative ('Taun kunnan kanssa' -> 'Taun kunta').

Roles: ``main`` (hallinnoi, päätoteuttaja, koordinoi), ``sub`` (osatoteuttaja),
``implementer`` (toteuttavat yhdessä, toteuttajaksi valittiin, hankkeen toteuttaa),
``partner`` (kumppanina, yhteistyössä, yhteistyötahonaan) and ``funder``
(rahoittaa: a relation, never an implementer).

>>> [(s.organisation, s.role) for s in read_sentence(
...     "Hanketta hallinnoi Alfalan kaupunki, ja osatoteuttajina ovat Betalan ammattiopisto ja Gammalan kunta.")]
[('Alfalan kaupunki', 'main'), ('Betalan ammattiopisto', 'sub'), ('Gammalan kunta', 'sub')]
>>> [(s.organisation, s.role) for s in read_sentence("Kumppaneiksi lähtevät Etan yhdistys ry sekä Thetan ja Iotan kaupungit.")]
[('Etan yhdistys ry', 'partner'), ('Thetan kaupunki', 'partner'), ('Iotan kaupunki', 'partner')]
>>> [(s.organisation, s.role) for s in read_sentence("Projektia toteutetaan yhteistyössä Taun kunnan kanssa.")]
[('Taun kunta', 'partner')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hankeverkko.loaders.ids import BUSINESS_ID_RE, project_codes
from hankeverkko.loaders.prose import ORG_HEAD_RE, acronym_matches, nominative
from hankeverkko.loaders.reference import data_rows, expand_abbreviation, head_words, legal_forms

__all__ = ["Statement", "read_sentence", "define_abbreviations", "is_head_token", "plural_heads", "CUES"]


@dataclass(frozen=True)
class Statement:
    organisation: str             # nominative, abbreviation expanded
    role: str                     # main | sub | implementer | partner | funder
    cue: str                      # the cue as printed
    business_id: Optional[str] = None   # a Y-tunnus printed with the name, as printed (unchecked)
    printed: Optional[str] = None       # the name as printed when it differs
    at: int = -1                        # where the cue starts in the sentence
    subject: bool = False               # read from the subject: the object after the verb is a project


#: (cue, role, where the names are): grammar of Finnish project prose
CUES: tuple[tuple[str, str, str], ...] = (
    (r"hallinnoi(?:vat|ja|jana|jat)?", "main", "after"),
    (r"päätoteuttaja(?:na|ksi|t)?|päätoimija(?:na|t)?", "main", "after"),
    (r"koordinoi(?:vat|jana)?", "main", "after"),
    (r"osatoteuttaj(?:a|at|ana|ina|ia|iksi)|osatoimija(?:t|na|ina|oina)?|osatoimijoina", "sub", "after"),
    (r"toteuttavat\s+yhdessä", "implementer", "before"),
    (r"toteuttajaksi\s+valittiin|toteuttajana\s+(?:toimii|on)", "implementer", "after"),
    (r"toteuttaa", "implementer", "after"),
    (r"(?:yhteistyö)?kumppane(?:ina|iksi|ita|ja|it)|(?:yhteistyö)?kumppani(?:na|ksi|naan)", "partner", "after"),
    (r"yhteistyötaho(?:naan|na|ina|t)?", "partner", "after"),
    (r"yhteistyössä", "partner", "after"),
    (r"rahoitta(?:a|vat)|rahoitti(?:vat)?|rahoittajana\s+(?:toimii|on|oli)", "funder", "after"),
)
_CUE_RE = re.compile(r"(?<![\wåäöÅÄÖ-])(?:" + "|".join(f"(?P<c{i}>{c})" for i, (c, _, _) in enumerate(CUES))
                     + r")(?![\wåäöÅÄÖ-])", re.I)
_ABBR_TOKEN_RE = re.compile(r"^\(([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,9})\)([.,;:]?)$")
_BID_PAREN_RE = re.compile(r"\(\s*Y-tunnus:?\s*(" + BUSINESS_ID_RE.pattern + r")\s*\)")
_STOP_WORDS = ("hank", "projekt")        # capitalised sentence words that are never names
#: verbs whose subject is the organisation when their object is a project ('X koordinoi Y-hanketta')
_VERB_ROLES = ("main", "implementer", "funder")
#: a project as the object right after a verb: '... -hanketta', 'hanketta', 'projektia', a code
_PROJECT_OBJECT_RE = re.compile(r"^[^,;.]{0,120}?(?:hanke(?:tta|ttaan)|projektia|hankkeita)(?![\wåäö])", re.I)
#: a relative pronoun or anaphor just before a verb: the names come after it ('jota toteuttavat yhdessä A ja B')
_RELATIVE_RE = re.compile(r"(?:\b(?:jota|jonka|joita|joiden|jossa|joissa|sitä|sen|niitä)|hanke(?:tta|en)?|hankkeen|"
                          r"hankkeita|projektia|projektin)\s*$", re.I)


@lru_cache(maxsize=None)
def plural_heads() -> dict[str, str]:
    """Plural head word -> singular (``data/head_plurals.csv``)."""
    return {r["plural"].casefold(): r["singular"] for r in data_rows("head_plurals.csv")}


@lru_cache(maxsize=None)
def _heads() -> tuple[tuple[str, ...], frozenset[str]]:
    words = {h.word.casefold() for h in head_words()} | {f.form.casefold() for f in legal_forms() if f.match == "word"}
    abbrevs = frozenset(f.form.casefold() for f in legal_forms() if f.match == "abbrev")
    return tuple(sorted(words, key=len, reverse=True)), abbrevs


def _bare(tok: str) -> str:
    return re.sub(r":[a-zåäö]{1,4}$", "", tok.strip("()[],;:.!?\"'”"))


@lru_cache(maxsize=65536)
def is_head_token(tok: str) -> bool:
    """Whether a token ends an organisation name: a head word (in any case form
    :func:`nominative` knows), a legal form, or a plural head.

    >>> [is_head_token(t) for t in ["kunnan", "ry:n", "ELY-keskus", "kaupungit", "polut", "Alfala"]]
    [True, True, True, True, False, False]
    """
    words, abbrevs = _heads()
    b = _bare(tok)
    low = b.casefold()
    if not low:
        return False
    if low in abbrevs or low.rstrip(".").replace(".", "") in abbrevs or low in plural_heads():
        return True
    nom = nominative(b).casefold()
    return any(nom.endswith(w) for w in words) or bool(ORG_HEAD_RE.search(nom) and nom.endswith(
        ("laitos", "keskus", "kunta", "kaupunki", "yhtymä", "säätiö", "liitto", "opisto", "koulu", "toimisto",
         "yhdistys", "seura", "instituutti", "yksikkö", "piiri", "ministeriö", "virasto", "alue")))


def _capital(tok: str) -> bool:
    b = tok.lstrip("(\"'“")
    return bool(b) and b[0].isupper()


def _items(segment: str) -> list[tuple[list[str], Optional[str], Optional[str]]]:
    """(tokens, abbreviation, business id) of each name in a list segment."""
    bids: dict[str, str] = {}

    def keep_bid(m: re.Match) -> str:
        key = f"\x00{len(bids)}"
        bids[key] = m.group(1)
        return f" {key} "
    for hit in reversed(project_codes(segment)):
        segment = segment[:hit.start] + segment[hit.end:]
    segment = re.sub(r"\(\s*\)", " ", segment)
    segment = _BID_PAREN_RE.sub(keep_bid, segment)
    toks = segment.split()
    out: list[tuple[list[str], Optional[str], Optional[str]]] = []
    cur: list[str] = []
    abbr = bid = None
    i = 0
    while i < len(toks) and not _capital(toks[i]):
        i += 1

    def flush():
        nonlocal cur, abbr, bid
        if cur:
            out.append((cur, abbr, bid))
        cur, abbr, bid = [], None, None
    while i < len(toks):
        tok = toks[i]
        if tok in bids:
            bid = bids[tok]
            i += 1
            continue
        m = _ABBR_TOKEN_RE.match(tok)
        if m and cur:
            abbr = m.group(1)
            if m.group(2):
                flush()
                if m.group(2) in ".:":
                    break
            i += 1
            continue
        word = tok.rstrip(",;.:!?")
        end = tok[len(word):]
        low = word.casefold()
        if low in ("ja", "sekä") and cur:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if _capital(nxt):
                flush()
                i += 1
                continue
            if any(is_head_token(t) for t in toks[i + 1:i + 4]):
                cur.append(word)        # 'Terveyden ja hyvinvoinnin laitos'
                i += 1
                continue
            break
        if not word:
            i += 1
            continue
        if _capital(word) and not (cur and is_head_token(cur[-1]) and not is_head_token(word)):
            cur.append(word)
        elif cur and not _capital(word) and (is_head_token(word) or any(
                is_head_token(t) for t in toks[i + 1:i + 3] if not t.endswith(","))):
            cur.append(word)
        elif cur and is_head_token(word):
            cur.append(word)
        else:
            break
        if end:
            flush()
            if end in ".:!?":
                break
        i += 1
    flush()
    return out


def _shared_heads(items: list[tuple[list[str], Optional[str], Optional[str]]]):
    """'Thetan', 'Iotan kaupungit' -> 'Thetan kaupunki', 'Iotan kaupunki';
    'Alfan', 'Beetan yhteistoiminta-alue' -> 'Alfan ja Beetan yhteistoiminta-alue'."""
    plurals = plural_heads()
    out = list(items)
    k = 0
    while k < len(out):
        toks, abbr, bid = out[k]
        last = _bare(toks[-1]).casefold()
        if len(toks) >= 2 and last in plurals:
            singular = plurals[last]
            out[k] = (toks[:-1] + [singular], abbr, bid)
            j = k - 1
            while j >= 0 and len(out[j][0]) == 1 and out[j][0][0].endswith("n") and not is_head_token(out[j][0][0]):
                out[j] = (out[j][0] + [singular], out[j][1], out[j][2])
                j -= 1
        elif k > 0 and len(out[k - 1][0]) == 1 and out[k - 1][0][0].endswith("n") and len(toks) >= 2 \
                and toks[0].endswith("n") and is_head_token(toks[-1]) and not is_head_token(out[k - 1][0][0]) \
                and k + 1 == len(out):
            out[k - 1: k + 1] = [(out[k - 1][0] + ["ja"] + toks, abbr, bid)]
            continue
        k += 1
    return out


def _code_first(text: str) -> bool:
    hits = project_codes(text)
    return bool(hits) and not text[:hits[0].start].strip(" (")


def _subject(before: str) -> str:
    """The organisation names that end ``before`` (the subject of a verb): the run of
    capitalised words, head words, lowercase genitives before a head, 'ja' and commas
    back to the first other word ('Hankkeessa ovat mukana myös Alfan ja Beetan kunnat'
    -> 'Alfan ja Beetan kunnat')."""
    before = re.split(r"[;:]|\)\s*,|,\s+(?:ja|sekä|mutta)\s", before)[-1]
    toks = before.split()
    k = len(toks)
    nxt_head = False
    while k > 0:
        t = toks[k - 1]
        w = t.strip(",")
        if _capital(w) or is_head_token(w) or _ABBR_TOKEN_RE.match(w) or _BID_PAREN_RE.search(w):
            nxt_head = is_head_token(w)
        elif w.casefold() in ("ja", "sekä") and k < len(toks):
            nxt_head = False
        elif w.endswith("n") and w[:1].islower() and nxt_head and not w.casefold().startswith(_STOP_WORDS):
            pass                        # 'Omegan sosiaalialan osaamiskeskus'
        else:
            break
        k -= 1
    return " ".join(toks[k:])


def define_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the text defines after a name: 'Epsilonin laitos (EL)' -> EL.

    >>> define_abbreviations("Arviointi tehdään yhteistyössä Etan tutkimuslaitoksen (ETL) kanssa.")
    {'ETL': 'Etan tutkimuslaitos'}
    """
    out: dict[str, str] = {}
    for m in re.finditer(r"\(([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,9})\)", text):
        toks = text[max(0, m.start() - 160):m.start()].split()[-6:]
        for k in range(len(toks) - 1, -1, -1):
            cand = " ".join(t.strip(",;") for t in toks[k:])
            if _capital(toks[k]) and acronym_matches(m.group(1), nominative(cand)):
                out.setdefault(m.group(1), nominative(cand))
                break
    return out


def _name(toks: list[str], abbreviations: dict[str, str]) -> tuple[str, Optional[str]]:
    printed = " ".join(toks)
    if len(toks) == 1:
        key = _bare(toks[0])
        full = abbreviations.get(key) or expand_abbreviation(key)
        if full:
            return full, printed
    return nominative(printed), printed


def read_sentence(sentence: str, abbreviations: Optional[dict[str, str]] = None) -> list[Statement]:
    """Every (organisation, role) a sentence states with a cue phrase."""
    abbreviations = abbreviations or {}
    cues = list(_CUE_RE.finditer(sentence))
    out: list[Statement] = []
    for n, m in enumerate(cues):
        idx = int(m.lastgroup[1:])
        _, role, where = CUES[idx]
        prev_end = cues[n - 1].end() if n else 0
        nxt = cues[n + 1].start() if n + 1 < len(cues) else len(sentence)
        after = sentence[m.end():nxt]
        before = sentence[prev_end:m.start()]
        # 'X koordinoi Y -hanketta (S3...)': the object is a project, the organisation is the subject
        subject = role in _VERB_ROLES and not CUES[idx][0].startswith("rahoittajana") and bool(
            _PROJECT_OBJECT_RE.match(after) or _code_first(after))
        if m.group(0).casefold() == "toteuttaa" and not subject and \
                not re.search(r"\b(?:hank|projekt)\w*", sentence[:m.start()], re.I):
            continue
        if CUES[idx][0] == "yhteistyössä":
            after = re.split(r"\bkanssa\b", after)[0]
        elif role in ("main", "implementer"):
            # 'Hankkeen toteuttaa A yhdessä B:n kanssa': B co-implements
            after = re.sub(r"\s+yhdessä\s+([^.;]{1,120}?)\s+kanssa\b", r" ja \1", after)
        relative = bool(_RELATIVE_RE.search(before))
        items = [] if subject or (where == "before" and not relative) else _shared_heads(_items(after))
        if not items and not (relative and where == "after"):
            items = [it for it in _shared_heads(_items(_subject(before))) if is_head_token(it[0][-1]) or
                     _bare(it[0][-1]) in abbreviations]
        for toks, _abbr, bid in items:
            if toks[0].casefold().startswith(_STOP_WORDS):
                continue
            name, printed = _name(toks, abbreviations)
            out.append(Statement(name, role, m.group(0), bid, printed if printed != name else None,
                                 m.start(), subject))
    return out
