"""Nodes and clusters of the resolution: every mention grouped into a node
(one normalised name, legal family and business ID), and a union-find over
nodes that refuses unions contradicting hard evidence (two business IDs,
two legal forms, a person's keep_apart)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from hankeverkko.graph.identity.business_id import normalise_business_id
from hankeverkko.graph.identity.entities import NameMention
from hankeverkko.graph.identity.matching import name_type
from hankeverkko.graph.identity.names import ParsedName, parse

__all__ = []


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
