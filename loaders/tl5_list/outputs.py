"""What the results prose of a TL5 report says each project produced.

The prose names projects by acronym or short name (:class:`_Ref`) and what
they produced after verbs such as 'on tuottanut', 'kehitti' or in
participles such as 'hankkeen kehittämä'.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.records import Project

__all__ = ["_PRODUCED_RE", "_PARTICIPLE_RE", "_TOOL_RE", "_Ref", "_clean_object", "_noun_phrase", "_add_output"]


#: verbs after which the results prose names what a project produced
_PRODUCED_RE = re.compile(
    r"\b(?:tuottanut|tuotti|tuotettu|tuottaneet|kehittänyt|kehitti|kehitettiin|kehitetty|kehittäneet|"
    r"kehitetään|kehittämässä|luonut|loi|luotu|luotiin|laatinut|laati|laadittu|laadittiin|julkaissut|"
    r"julkaisi|julkaistu|mallintanut|mallinnettu|mallinnettiin|rakentanut|rakennettu|rakennettiin)\b\s+(?:mm\.\s+)?(.+)$")
#: 'X-hankkeen kehittämä Y', 'hankkeessa kehitettyä Y'
_PARTICIPLE_RE = re.compile(
    r"(?:[Hh]ankkee(?:ssa|n)|[Pp]rojekti(?:ssa|n)|\b[A-ZÅÄÖ]{3,}[A-ZÅÄÖ0-9]*:?n)\s+(?:kehittämä|kehittämää|kehittämän|kehittämät|tuottama|tuottamaa|tuottaman|tuottamat|kehitetty|"
    r"kehitettyä|kehitetyn|kehitetyt|tuotettu|tuotettua|tuotetun|luoma|luomaa|luotu|luotua)\s+(.+)$")
_NP_STOP_RE = re.compile(
    r"[,.;:()]|\s(?:on|ovat|oli|olivat|voidaan|hyödynnetään|pyritään|jää|jäävät|käytetään|otetaan|"
    r"levitetään|sovelletaan|tukee|tukevat|jatkuu|kautta|avulla|jota|joka|joita|mm\.)(?=\s|$)")
_RELATIVE_RE = re.compile(r"^(?:jo(?:ka|ita|ta|nka|lla|ssa|hon|iden|illa|issa|ihin|ista|sta|nka)|"
                          r"mi(?:ssä|tä|ten|kä|hin)|kun|jotta|koska|mutta|että|eli)\b", re.I)


_PAST_PARTICIPLE = r"\w{3,}(?:tu|ty|ttiin|nut|nyt|neet)"
#: objects of the present tense 'kehitetään' count only when they name a tool or model
_TOOL_RE = re.compile(r"malli|työkalu|menetelm|mittari|indikaattor|opas|kriteer|konsept|sanasto|materiaal|"
                      r"prosessi|koulutus|alusta|sovellus", re.I)


def _short_name(name: str) -> str:
    return re.split(r"\s[-–]\s|:|!|\s\(", name)[0].strip()


class _Ref:
    """How the prose refers to one project: acronym and short name."""

    def __init__(self, p: Project):
        self.project = p
        pats = []
        if p.acronym:
            pats.append(re.escape(p.acronym))
        short = _short_name(p.name)
        if short and short != p.acronym and len(short) >= 5:
            pats.append(re.escape(short))
        self.re = re.compile(r"(?<![\wÅÄÖåäöÁá])(?:" + "|".join(pats) + r")(?=$|[^\wÅÄÖåäöÁá]|n\b|:)") \
            if pats else None

    def find(self, text: str) -> Optional[int]:
        m = self.re.search(text) if self.re else None
        return m.start() if m else None


def _clean_object(obj: str) -> list[str]:
    """What a project produced, from the words after 'on tuottanut' etc."""
    obj = re.sub(r"\b(?:yhdessä|yhteistyössä)\b.*?\bkanssa\b\s*", "", obj)
    obj = re.sub(r"\s+(?:siten|niin),?\s+että\b.*$", "", obj)
    obj = obj.strip().rstrip(".")
    if not obj or re.match(r"^(?:ja|että|,)\b", obj):
        return []
    items: list[str] = []
    for seg_no, seg in enumerate(re.split(r",\s+", obj)):
        if _RELATIVE_RE.match(seg):
            tail = re.split(r"\s+ja\s+", seg)
            if len(tail) > 1 and tail[-1][:1].isupper():
                items.append(tail[-1])
            break
        if seg_no and re.match(rf"^{_PAST_PARTICIPLE}\b", seg):
            break
        items.append(seg)
    out: list[str] = []
    for it in items:
        # 'A ja toteutettu B' -> A, B ; 'A sekä B' -> A, B
        for part in re.split(rf"\s+ja\s+(?={_PAST_PARTICIPLE}\s)|\s+sekä\s+", it):
            part = re.sub(rf"^{_PAST_PARTICIPLE}\s+", "", part.strip())
            part = re.sub(rf"\s+ja\s+{_PAST_PARTICIPLE}$", "", part)
            part = re.sub(r"\s+\w{3,}(?:ma|mä)(?:an|än)\b.*$", "", part)        # purpose: 'tukemaan ...'
            part = re.sub(r"^(?:(?:mm|esim)\.\s+|myös\s+|\w+sti\s+)+", "", part)  # 'mm.', adverbs
            part = part.strip(" .,;:")
            if len(part) >= 4 and len(part.split()) <= 14:
                out.append(part)
    return out


def _noun_phrase(text: str) -> Optional[str]:
    m = _NP_STOP_RE.search(text)
    np = (text[:m.start()] if m else text).strip()
    words = np.split()
    if not words or len(words) > 6:
        return None
    return np


def _add_output(p: Project, out: str):
    """Add an output unless an earlier one names the same thing ('Alfamittaria' after
    'Alfamittari-työkalun')."""
    key = out.casefold()
    stem = key[:-3] if len(key) > 8 else key
    for o in p.outputs:
        if stem in o.casefold():
            return
    p.outputs.append(out)
