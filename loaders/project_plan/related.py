"""Earlier and parallel projects named in a project plan, and how the plan relates to them.

The most heuristic part of the project-plan loader.  The paragraphs around a
mention (:mod:`.mentions`) say how the plan relates to it (builds on its
results, continues it, co-operates with it, runs in parallel) and who
implemented it (:mod:`.implementers`).

>>> from hankeverkko.loaders.prose import Block
>>> bs = [Block(1, 2, "Alfa-hankkeessa (2017-2018) kehitettiin malli. Tässä hankkeessa mallia "
...                   "hyödynnetään. Beeta ja Gamma osallistuivat Delta Kokeilu –hankkeeseen.", "paragraph"),
...       Block(3, 3, "Tämä hanke tekee yhteistyötä Eetu –hankkeen (2020-2023) kanssa.", "paragraph")]
>>> [(r.name, r.period, r.kind, r.implementers) for r in related_projects(bs)]
[('Alfa-hanke', '2017-2018', 'builds_on', []), ('Delta Kokeilu -hanke', None, 'builds_on', [('Beeta', 'implementer'), ('Gamma', 'implementer')]), ('Eetu -hanke', '2020-2023', 'cooperates_with', [])]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

from hankeverkko.loaders.project_plan.implementers import sentence_implementers, stated_implementers
from hankeverkko.loaders.project_plan.mentions import RelatedProject, mentions, project_key
from hankeverkko.loaders.prose import YEARS_RE, Block, sentences

__all__ = ["related_projects", "relation_kind", "same_project", "clause_kind"]

_PARALLEL = re.compile(r"liittyy\s+tiiviisti|limitty|nivoutu|rinnakkai|samanaikai|rahoitushaussa|"
                       r"\balka(?:va|vassa|vaan|a)\b|käynnisty(?:vä|vässä|mässä)", re.I)
_COOPERATES = re.compile(r"yhteistyö\w*\s+(?:\S+\s+){0,6}?kanssa|kanssa\s+(?:\S+\s+){0,3}?yhteistyö|"
                         r"yhteistyönä|tekemään\s+yhteistyötä|tekevät\s+yhteistyötä|rakennetaan\s+yhdessä|"
                         r"yhteiskehit", re.I)
#: sentences in which a plan speaks of itself
_SELF = re.compile(r"\b(?:[Tt]ässä|[Tt]ämä|[Tt]ämän|[Tt]ähän)\s+(?:ja\s+)?hank|\b[Hh]ankkeet\s+(?:tulevat|tekevät)|"
                   r"\b[Tt]ämän\s+ja\b")
_CONTINUES = re.compile(r"kehitetään\s+edelleen|jatke\w*|\bjatka(?:a|vat)\b|jatkoa\b|jatkohank|jatkokehit", re.I)
_BUILDS_ON = re.compile(r"hyödyn|perustuu|pohjalta|perusteella|tulok|juurrut|kehitetty|kehitettiin|jalkaut|"
                        r"kokemuks|todettiin|levitetään|otettiin\s+käyttöön", re.I)


def relation_kind(texts: list[str], ended_before: bool) -> str:
    """How a plan relates to a project from the text around its mentions.

    >>> relation_kind(["Hanke liittyy tiiviisti rahoitushaussa olevaan X-hankkeeseen."], False)
    'parallel'
    >>> relation_kind(["Hankkeet tulevat tekemään yhteistyötä."], False)
    'cooperates_with'
    >>> relation_kind(["Tässä hankkeessa mallia kehitetään edelleen."], True)
    'continues'
    """
    text = " ".join(texts)
    if _PARALLEL.search(text):
        return "parallel"
    if _COOPERATES.search(text):
        return "cooperates_with"
    if _CONTINUES.search(text):
        return "continues"
    return "builds_on"


def same_project(a: RelatedProject, name: str, acr: Optional[str], period: Optional[str]) -> bool:
    if acr and (a.acronym == acr or project_key(a.name) == project_key(acr)):
        return True
    if a.acronym and project_key(name) == project_key(a.acronym):
        return True
    ka, kb = a.key, project_key(name)
    if ka == kb:
        return True
    if period and a.period and period != a.period:
        return False
    shorter, longer = sorted((ka, kb), key=len)
    return len(shorter) >= 8 and shorter in longer and not (period and a.start_year and
                                                            int(period[:4]) != a.start_year)


def related_projects(bs: list[Block]) -> list[RelatedProject]:
    """Every project other than the plan's own that the blocks name, merged by name/acronym."""
    found: list[RelatedProject] = []
    for b in bs:
        current: Optional[RelatedProject] = None
        for sent in sentences(b.text, ends=".?"):
            ms = mentions(sent)
            for pos, name, acr, period, marker in ms:
                if len(re.sub(r"\W", "", name)) < 3:
                    continue
                if not period and len(ms) == 1:
                    ys = list(YEARS_RE.finditer(sent))
                    if ys:
                        near = min(ys, key=lambda y: abs(y.start() - pos))
                        period = f"{near.group(1)}-{near.group(2)}"
                start_year = None
                sy = re.search(r"\b((?:19|20)\d{2})\s+(?:alka\w*|käynnisty\w*)", sent)
                if sy and not period:
                    start_year = int(sy.group(1))
                cands = [r for r in found if same_project(r, name, acr, period or (f"{start_year}-" if start_year
                                                                             else None))]
                # the closest candidate: same name, same acronym, then the nearest length
                rp = max(cands, key=lambda r: (r.key == project_key(name), bool(acr) and r.acronym == acr,
                                               -abs(len(r.key) - len(project_key(name)))), default=None)
                if rp is None:
                    rp = RelatedProject(name, b.first, b.last, acronym=acr, period=period, start_year=start_year)
                    found.append(rp)
                else:
                    rp.acronym = rp.acronym or acr
                    rp.period = rp.period or period
                    # prefer the fuller printed name
                    if len(name) > len(rp.name) and project_key(rp.name) in project_key(name) or \
                            rp.acronym and project_key(rp.name) == project_key(rp.acronym) != project_key(name):
                        rp.name = name
                quoted = re.match(r"[^“\".]{0,%d}[“\"]([^”\"]{3,80})[”\"]" % (len(name) + 12), sent[pos:])
                if quoted and not rp.title:
                    rp.title = quoted.group(1).strip()
                # what the plan says about it: the naming sentence and the block's
                # sentences that speak of the plan itself ('Tässä hankkeessa ...')
                for ctx in [sent] + [x for x in sentences(b.text, ends=".?") if _SELF.search(x)]:
                    if ctx not in rp.contexts:
                        rp.contexts.append(ctx)
                if marker.startswith("agent:"):
                    org = marker[6:]
                    if (org, "implementer") not in rp.implementers:
                        rp.implementers.append((org, "implementer"))
                if marker.startswith("code:"):
                    rp.code = rp.code or marker[5:]
                stated_implementers(sent, pos, name, rp)
                rp.clause_kind = rp.clause_kind or clause_kind(sent, pos, name, ms)
                current = rp
            if current is not None:
                sentence_implementers(sent, current, ms)
    for rp in found:
        end = int(rp.period[-4:]) if rp.period else None
        texts = rp.contexts
        rp.kind = rp.clause_kind or relation_kind(texts, ended_before=bool(end and rp.start_year is None and
                                                          re.search(r"\w+(?:ttiin|tiin)\b", " ".join(texts))))
    return found


#: a clause reaches at most this far either side of the name it holds
_CLAUSE_REACH = 300


@lru_cache(maxsize=64)
def _clause_bounds(sent: str, named: tuple) -> tuple[dict[int, int], list[int]]:
    """Where each named project ends (start -> end) and the clause cuts outside
    them, once per sentence (a sentence naming many projects made this quadratic)."""
    spans: dict[int, int] = {}
    for p, n in named:
        e = sent.find(n, p)
        spans.setdefault(p, (e + len(n)) if e >= 0 else p + len(n))
    ordered = sorted(spans.items())
    starts = [a for a, _ in ordered]
    reach, furthest = [], 0                      # the furthest end of the spans starting up to here
    for _, b in ordered:
        furthest = max(furthest, b)
        reach.append(furthest)
    cuts = []
    for m in re.finditer(r",\s+|\s+ja\s+(?=[a-zåäö])|\s+sekä\s+", sent):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or reach[i] <= m.start():       # not inside a project's name
            cuts.append(m.start())
    return spans, cuts


def clause_kind(sent: str, pos: int, name: str, ms) -> Optional[str]:
    """How the plan relates to a project, from the clause that names it in a sentence
    naming several ('... rinnakkain X-hankkeen kanssa | ja tekee yhteistyötä Y-hankkeen
    kanssa'), when that clause says so itself.

    >>> s = "Hanke toimii rinnakkain Alfa-hankkeen kanssa ja tekee yhteistyötä Beetan kunnan Gamma ja delta -hankkeen kanssa."
    >>> [clause_kind(s, p, n, mentions(s)) for p, n, *_ in mentions(s)]
    ['parallel', 'cooperates_with']
    """
    if len(ms) < 2:
        return None
    spans, cuts = _clause_bounds(sent, tuple((p, n) for p, n, *_ in ms))
    left = cuts[bisect_left(cuts, pos) - 1] if bisect_left(cuts, pos) else 0
    me = spans.get(pos, pos)
    k = bisect_left(cuts, me)
    right = cuts[k] if k < len(cuts) else len(sent)
    clause = sent[max(left, pos - _CLAUSE_REACH):min(right, me + _CLAUSE_REACH)]
    if _PARALLEL.search(clause) or _COOPERATES.search(clause) or _CONTINUES.search(clause):
        return relation_kind([clause], False)
    if re.search(r"\byhteistyö", clause, re.I) and re.search(r"\bkanssa\b", clause):
        return "cooperates_with"     # 'tekee yhteistyötä <a long name> -hankkeen (2097–2099) kanssa'
    return None
