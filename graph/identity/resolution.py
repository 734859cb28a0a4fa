"""Organisation resolution: printed names -> one entity per real organisation.

Interface used by ``graph.build``::

    res = resolve(mentions, decisions=None)
    ent = res.entity_for("Kivi-ammattikorkeakoulu Oy")   # -> OrgEntity
    res.entities        # every OrgEntity, sorted by key
    res.review_queue    # close pairs a person should decide on

Evidence, strongest first (names are parsed by :mod:`graph.names`, pairs
judged by :mod:`graph.matching`):

1. a valid business ID (:mod:`graph.business_id`): the same ID merges,
   different IDs never merge;
2. a person's decision, ``merge`` or ``keep_apart`` (:mod:`graph.review`);
3. the curated alias table (abbreviations, Swedish/English parallel names);
4. the same name after normalisation (case, PDF hyphenation, spacing, legal
   form, an acronym printed with the name, 'X ry, Y rf' parallel names);
5. fuzzy similarity between names sharing a distinctive word: merged only at
   :data:`~graph.matching.MERGE_SCORE` and only if nothing disagrees; close
   pairs go to the review queue, never to an automatic merge.

>>> res = resolve([NameMention("Lab- ammattikorkeakoulu Oy", "a.txt", 3),
...                NameMention("LAB-ammattikorkeakoulu", "b.txt", 9),
...                NameMention("Lapin ammattikorkeakoulu Oy", "b.txt", 10)])
>>> [(e.label, e.type) for e in res.entities]
[('LAB-ammattikorkeakoulu Oy', 'university_of_applied_sciences'), ('Lapin ammattikorkeakoulu Oy', 'university_of_applied_sciences')]
>>> res.entity_for("lab-AMMATTIKORKEAKOULU").key
'lab-ammattikorkeakoulu-oy'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import Iterable, Optional, Union

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from hankeverkko.graph.identity.business_id import normalise_business_id, validate_business_id
from hankeverkko.graph.identity.matching import MERGE_SCORE, REVIEW_SCORE, assess, name_type, score
from hankeverkko.graph.identity.canonical import acronym, canonical_label, entity_type, printed_forms
from hankeverkko.graph.identity.inflection import same_word
from hankeverkko.graph.identity.names import ORG_TYPES, ParsedName, blocking_keys, initials, parse
from hankeverkko.graph.identity.review import Decision, read_decisions, write_review_queue

__all__ = ["ORG_TYPES", "MERGE_SCORE", "REVIEW_SCORE", "Decision", "NameMention", "OrgEntity", "ReviewPair",
           "Resolution", "normalise_business_id", "read_decisions", "resolve", "score", "slug",
           "validate_business_id", "write_review_queue"]


@dataclass(frozen=True)
class NameMention:
    """One printed occurrence of an organisation name."""
    name: str
    source: str
    line: int
    business_id: Optional[str] = None


@dataclass
class OrgEntity:
    key: str                      # stable slug for the IRI
    label: str                    # canonical (fullest official) form
    lang: str = "fi"
    type: str = "other"           # key of ORG_TYPES
    business_id: Optional[str] = None
    acronym: Optional[str] = None
    mentions: list[NameMention] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewPair:
    a: str
    b: str
    score: float
    reason: str


@dataclass
class Resolution:
    entities: list[OrgEntity]
    review_queue: list[ReviewPair]
    _index: dict[str, OrgEntity]
    warnings: list[str] = field(default_factory=list)        # invalid business IDs, unusable decisions
    decisions: list[Decision] = field(default_factory=list)  # the decisions this resolution applied

    def entity_for(self, name: str) -> OrgEntity:
        """The entity of a printed name, in any whitespace/case/hyphenation variant
        (or 'Name (1234567-8)' as the review file writes a name with a business ID)."""
        m = _ID_SUFFIX.match(name)
        if m and "y:" + m.group(2) in self._index:
            return self._index["y:" + m.group(2)]
        for k in (_norm(name), "k:" + parse(name).key):
            if k in self._index:
                return self._index[k]
        raise KeyError(f"organisation {name!r} was not among the resolved mentions")


def slug(text: str) -> str:
    """A stable ASCII slug for IRIs.

    >>> slug("Työ- ja elinkeinoministeriö")
    'tyo-ja-elinkeinoministerio'
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


AMBIGUOUS = "the same name fits two organisations that differ (business ID or legal form)"
_ID_SUFFIX = re.compile(r"^(.*?)\s*\((\d{7}-\d)\)\s*$")


def _mention_order(m: NameMention):
    return (m.source, m.line, m.name, m.business_id or "")


# --------------------------------------------------------------------------- nodes and clusters

@dataclass
class _Node:
    """All mentions of one normalised name: same comparison key, legal family and business ID."""
    id: tuple[str, str, str]
    mentions: list[NameMention] = field(default_factory=list)

    @property
    def family(self) -> str:
        return self.id[1]

    @property
    def bid(self) -> str:
        return self.id[2]

    # the cached values are read only after every mention is in place (see _nodes)
    @cached_property
    def displays(self) -> Counter:
        return Counter(parse(m.name).display for m in self.mentions)

    @cached_property
    def name(self) -> str:
        """The most frequent printed form (ties: alphabetical)."""
        c = self.displays
        return min(c, key=lambda d: (-c[d], d))

    @cached_property
    def parsed(self) -> ParsedName:
        return parse(self.name)

    @property
    def review_name(self) -> str:
        """The name as the review file shows it: with its business ID, if it has one."""
        return f"{self.name} ({self.bid})" if self.bid else self.name

    def exact_keys(self) -> set[str]:
        """Keys that make two names one organisation: normalised name (with and
        without a printed acronym, each part of 'X ry, Y rf') and alias anchor."""
        keys = {"y:" + self.bid} if self.bid else set()
        for d in self.displays:
            p = parse(d)
            for q in (p, *(parse(x) for x in p.parts)):
                keys |= {"k:" + k for k in (q.key, q.stripped_key) if k}
                if q.alias:
                    keys.add("a:" + q.alias.canonical.casefold())
        return keys


def _compatible(x: _Node, y: _Node) -> bool:
    """No business ID or legal form disagrees."""
    return (not x.bid or not y.bid or x.bid == y.bid) and (not x.family or not y.family or x.family == y.family)


class _Clusters:
    """Union-find over nodes that refuses unions contradicting hard evidence."""

    KEPT_APART = "kept apart by a decision"
    TWO_IDS = "different business IDs"

    def __init__(self, nodes: list[_Node]):
        self.node = {n.id: n for n in nodes}
        self.parent = {n.id: n.id for n in nodes}
        self.members = {n.id: [n] for n in nodes}
        self.apart: dict[tuple, set[tuple]] = defaultdict(set)

    def find(self, x: tuple) -> tuple:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def keep_apart(self, a: tuple, b: tuple):
        self.apart[a].add(b)
        self.apart[b].add(a)

    def conflict(self, a: tuple, b: tuple, check_types: bool = False) -> Optional[str]:
        """Why the clusters of ``a`` and ``b`` must stay apart, or None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        A, B = self.members[ra], self.members[rb]
        ids_b = {n.id for n in B}
        if any(self.apart[n.id] & ids_b for n in A):
            return self.KEPT_APART
        if len({n.bid for n in A + B} - {""}) > 1:
            return self.TWO_IDS
        if len({n.family for n in A + B} - {""}) > 1:
            return "different legal forms"
        if check_types and len({name_type(n.parsed) for n in A + B} - {""}) > 1:
            return "different organisation types"
        return None

    def union(self, a: tuple, b: tuple, check_types: bool = False) -> bool:
        if self.conflict(a, b, check_types):
            return False
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] += self.members.pop(rb)
        return True

    def groups(self) -> list[list[_Node]]:
        return [sorted(ns, key=lambda n: n.id) for _, ns in sorted(self.members.items())]


# --------------------------------------------------------------------------- the steps of resolve()

def _nodes(mentions: list[NameMention], warnings: list[str]) -> list[_Node]:
    """Group mentions into nodes; report and drop invalid business IDs."""
    ids_of_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    usable = []
    for m in mentions:
        p = parse(m.name)
        if not p.key:
            warnings.append(f"{m.source}:{m.line}: {m.name!r} is not an organisation name; skipped")
            continue
        bid = normalise_business_id(m.business_id) if m.business_id else None
        if m.business_id and not bid:
            warnings.append(f"{m.source}:{m.line}: business ID {m.business_id!r} of {m.name!r} "
                            f"is not a valid Y-tunnus (format or check digit); not used")
        usable.append((m, p, bid or ""))
        if bid:
            ids_of_name[(p.key, p.family)].add(bid)
    nodes: dict[tuple, _Node] = {}
    for m, p, bid in usable:
        known = ids_of_name[(p.key, p.family)]
        if not bid and len(known) == 1:
            bid = next(iter(known))          # the same name is printed elsewhere with its ID
        nid = (p.key, p.family, bid)
        nodes.setdefault(nid, _Node(nid)).mentions.append(m)
    return [nodes[k] for k in sorted(nodes)]


def _as_decisions(decisions) -> list[Decision]:
    if decisions is None:
        return []
    if isinstance(decisions, (str, Path)):
        return read_decisions(decisions)
    return [d if isinstance(d, Decision) else Decision(*d) for d in decisions]


def _name_lookup(nodes: list[_Node]):
    """A function from a name as a person writes it to the ids of the nodes it names."""
    lookup: dict[str, set[tuple]] = defaultdict(set)
    for n in nodes:
        for text in [*n.displays, *(m.name for m in n.mentions)]:
            lookup[_norm(text)].add(n.id)
            lookup["k:" + parse(text).key].add(n.id)

    def nodes_of(name: str) -> set[tuple]:
        m = _ID_SUFFIX.match(name)          # 'Virta Oy (1234567-1)' as the review file writes it
        base = m.group(1) if m else name
        ids = lookup.get(_norm(base)) or lookup.get("k:" + parse(base).key) or set()
        if m:
            return {i for i in ids if i[2] == m.group(2)}
        if len({i[2] for i in ids}) > 1 and any(not i[2] for i in ids):
            ids = {i for i in ids if not i[2]}      # a bare name shared by several IDs: the one printed without
        return ids
    return nodes_of


def _merge_stated(cl: _Clusters, nodes: list[_Node], stated: Iterable[tuple[str, str]]):
    """Pairs a document itself equates ('Keski-Suomen Yhteisöjen Tuki (KYT)' defines KYT):
    merged unless a decision keeps them apart or their business IDs differ."""
    nodes_of = _name_lookup(nodes)
    for a, b in sorted(set(stated)):
        for x in sorted(nodes_of(a)):
            for y in sorted(nodes_of(b)):
                cl.union(x, y)


def _apply_decisions(cl: _Clusters, nodes: list[_Node], decisions: list[Decision],
                     warnings: list[str]) -> list[Decision]:
    """keep_apart first (they block every later union), then merge."""
    nodes_of = _name_lookup(nodes)
    values: dict[frozenset, set[str]] = defaultdict(set)
    for d in decisions:
        values[frozenset((_norm(d.name_a), _norm(d.name_b)))].add(d.decision)
    applied = []
    for d in sorted(decisions, key=lambda d: (d.decision != "keep_apart", d.row, d.name_a, d.name_b)):
        where = f"decision row {d.row}" if d.row else "decision"
        na, nb = nodes_of(d.name_a), nodes_of(d.name_b)
        if not na or not nb:
            warnings.append(f"{where}: {(d.name_b if na else d.name_a)!r} is not among this build's "
                            f"organisations; not used")
            continue
        if d.decision == "merge" and len(values[frozenset((_norm(d.name_a), _norm(d.name_b)))]) > 1:
            warnings.append(f"{where}: {d.name_a!r} / {d.name_b!r} is both merge and keep_apart; kept apart")
            continue
        for a in sorted(na):
            for b in sorted(nb):
                if d.decision == "keep_apart":
                    if cl.find(a) == cl.find(b) or (a[2] and a[2] == b[2]):
                        warnings.append(f"{where}: {d.name_a!r} and {d.name_b!r} have the same business ID "
                                        f"or normalised name; cannot keep apart")
                    else:
                        cl.keep_apart(a, b)
                elif not cl.union(a, b):
                    warnings.append(f"{where}: cannot merge {d.name_a!r} and {d.name_b!r}: {cl.conflict(a, b)}")
        applied.append(d)
    return applied


def _merge_exact(cl: _Clusters, nodes: list[_Node], review: list) -> set[tuple]:
    """Same business ID, alias anchor or normalised name. A name that fits two
    organisations which disagree (business ID, legal form) is asked about
    instead; the ids of such ambiguous nodes are returned."""
    ambiguous_nodes: set[tuple] = set()
    groups: dict[str, list[_Node]] = defaultdict(list)
    for n in nodes:
        for k in n.exact_keys():
            groups[k].append(n)
    for k in sorted(groups):
        members = groups[k]
        for x in members:
            fits = [y for y in members if y is not x and _compatible(x, y)]
            ambiguous = any(not _compatible(y, z) for i, y in enumerate(fits) for z in fits[i + 1:])
            if ambiguous:
                ambiguous_nodes.add(x.id)
            for y in fits:
                if ambiguous:
                    review.append((x.id, y.id, 100.0, AMBIGUOUS))
                elif x.id < y.id:
                    cl.union(x.id, y.id)
    return ambiguous_nodes


def _candidate_pairs(nodes: list[_Node]) -> list[tuple[int, int]]:
    """Index pairs worth the full rules: names sharing a blocking key (a distinctive
    word) whose fuzzy score reaches REVIEW_SCORE (scored per block in C by
    rapidfuzz) or whose distinctive words are the same (perhaps inflected);
    below that nothing can come of a pair but 'apart'."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):          # nodes are sorted: index order is id order
        if not n.parsed.bare_acronym:
            for b in blocking_keys(n.parsed):
                blocks[b].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        parsed = [nodes[i].parsed for i in members]
        close = np.maximum(
            cdist([p.key for p in parsed], [p.key for p in parsed], scorer=fuzz.ratio, score_cutoff=REVIEW_SCORE),
            cdist([p.sorted_tokens for p in parsed], [p.sorted_tokens for p in parsed], scorer=fuzz.ratio,
                  score_cutoff=REVIEW_SCORE))
        pairs |= {(members[x], members[y]) for x, y in zip(*np.nonzero(np.triu(close, 1)))}
        pairs |= {(members[x], members[y]) for x, y in combinations(range(len(members)), 2)
                  if _same_words(parsed[x].distinctive, parsed[y].distinctive)}
    return sorted(pairs)


def _same_words(da: tuple[str, ...], db: tuple[str, ...]) -> bool:
    """The same distinctive words, each perhaps in another case ('Lahti' / 'Lahden')."""
    return len(da) == len(db) and all(any(same_word(t, u) for u in db) for t in da) and \
        all(any(same_word(u, t) for t in da) for u in db)


def _merge_similar(cl: _Clusters, nodes: list[_Node], review: list, ambiguous: set[tuple]):
    """Fuzzy scoring between candidate pairs; an ambiguous name is never merged automatically."""
    merges = []
    for i, j in _candidate_pairs(nodes):
        a, b = nodes[i].id, nodes[j].id
        if cl.find(a) != cl.find(b):
            verdict, s, reason = assess(nodes[i].parsed, nodes[j].parsed)
            if verdict == "merge" and not {a, b} & ambiguous:
                merges.append((-s, a, b, reason))
            elif verdict == "merge":
                review.append((a, b, s, AMBIGUOUS))
            elif verdict == "review":
                review.append((a, b, s, reason))
    for neg, a, b, reason in sorted(merges):       # best pairs first
        why = cl.conflict(a, b, check_types=True)
        if why:
            if why != cl.KEPT_APART:
                review.append((a, b, -neg, f"{reason}; not merged: {why}"))
        else:
            cl.union(a, b, check_types=True)


def _merge_acronyms(cl: _Clusters, nodes: list[_Node], review: list, ambiguous: set[tuple]):
    """A bare acronym ('SYKLI') joins the one organisation printed with it
    ('Suomen ympäristöopisto SYKLI Oy'); several, or only matching initials: review."""
    holders: dict[str, set[tuple]] = defaultdict(set)
    for n in nodes:                 # every printed form counts, not only the most frequent one
        for p in map(parse, n.displays):
            if p.acronym and not p.bare_acronym:
                holders[p.acronym.casefold()].add(n.id)
    for n in nodes:
        p = n.parsed
        if not p.bare_acronym or p.alias:
            continue            # the alias table already placed it
        acr = p.acronym.casefold()
        found = sorted(holders.get(acr, ()))
        roots = {cl.find(h) for h in found} - {cl.find(n.id)}
        if len(roots) == 1:
            if n.id in ambiguous or not cl.union(n.id, found[0]):
                review.append((n.id, found[0], 100.0, "abbreviation printed with this organisation's name"))
        elif roots:
            review += [(n.id, h, 100.0, "abbreviation printed with several organisations' names") for h in found]
        else:
            review += [(n.id, m.id, 100.0, "abbreviation matches the initials of the name") for m in nodes
                       if m is not n and not m.parsed.bare_acronym and len(m.parsed.tokens) >= 2
                       and acr in initials(m.parsed) and cl.find(m.id) != cl.find(n.id)]


def _review_queue(cl: _Clusters, review: list) -> list[ReviewPair]:
    """Open pairs only (not merged, not kept apart by a decision or by two
    business IDs), the best pair per two clusters."""
    best: dict[frozenset, tuple] = {}
    for a, b, s, reason in review:
        if cl.find(a) == cl.find(b) or cl.conflict(a, b) in (cl.KEPT_APART, cl.TWO_IDS):
            continue
        na, nb = sorted((cl.node[a].review_name, cl.node[b].review_name), key=lambda x: (x.casefold(), x))
        k = frozenset((cl.find(a), cl.find(b)))
        cand = (-s, na, nb, reason)
        if k not in best or cand < best[k]:
            best[k] = cand
    return [ReviewPair(a, b, -neg, reason) for neg, a, b, reason in sorted(best.values())]


def _entity(nodes: list[_Node]) -> OrgEntity:
    forms = printed_forms(n.displays for n in nodes)
    ent_type = entity_type(forms)
    label = canonical_label(forms, ent_type)
    bids = sorted({n.bid for n in nodes} - {""})
    return OrgEntity(key=f"y-{bids[0]}" if bids else slug(label), label=label, lang=parse(label).lang,
                     type=ent_type, business_id=bids[0] if bids else None, acronym=acronym(forms, label),
                     mentions=sorted((m for n in nodes for m in n.mentions), key=_mention_order))


def resolve(mentions: Iterable[NameMention],
            decisions: Union[str, Path, Iterable[Decision], None] = None,
            stated: Iterable[tuple[str, str]] = ()) -> Resolution:
    """Resolve printed names into organisations (deterministic, independent of input order).

    ``decisions``: a reviewed CSV (see :func:`graph.review.read_decisions`) or
    :class:`Decision` objects; they override the name rules both ways.
    ``stated``: (name, name) pairs a source document equates, such as an
    abbreviation it defines; merged unless a decision keeps them apart.
    """
    warnings: list[str] = []
    nodes = _nodes(sorted(set(mentions), key=_mention_order), warnings)
    cl = _Clusters(nodes)
    review: list[tuple[tuple, tuple, float, str]] = []
    applied = _apply_decisions(cl, nodes, _as_decisions(decisions), warnings)
    _merge_stated(cl, nodes, stated)
    ambiguous = _merge_exact(cl, nodes, review)
    _merge_similar(cl, nodes, review, ambiguous)
    _merge_acronyms(cl, nodes, review, ambiguous)
    queue = _review_queue(cl, review)

    groups = cl.groups()
    entities = [_entity(g) for g in groups]
    clashes = Counter(e.key for e in entities)
    for e, g in zip(entities, groups):
        if clashes[e.key] > 1:       # same label, kept apart: a suffix from the names, stable across runs
            e.key += "-" + hashlib.sha1("|".join(n.id[0] for n in g).encode()).hexdigest()[:8]
    index: dict[str, OrgEntity] = {}
    for e, g in sorted(zip(entities, groups), key=lambda x: (bool(x[0].business_id), x[0].key)):
        if e.business_id:
            index["y:" + e.business_id] = e
        for n in g:              # a name printed for several IDs: the one without an ID, else the first by key
            for k in {_norm(m.name) for m in n.mentions} | {_norm(d) for d in n.displays} | {"k:" + n.id[0]}:
                index.setdefault(k, e)
    return Resolution(sorted(entities, key=lambda e: e.key), queue, index, warnings, applied)
