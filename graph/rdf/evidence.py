"""Keep to the evidence you trust.

Every project participation carries its evidence (``hv:evidence``): a
project list or table (``list``), a project card's field (``card_field``), a
form's field (``form_field``) or a sentence with a cue phrase (``prose``).
:func:`keep_evidence` gives the graph without the participations whose
evidence is outside the chosen kinds, and without the direct project ->
organisation links (``hv:implementer`` ...) that only those participations
supported, so queries, the organisation table and the maps read as if the
dropped statements had never been made.

>>> from rdflib import Graph, URIRef
>>> from hankeverkko.ontology import HV
>>> g = Graph()
>>> p, o, part = URIRef("urn:p"), URIRef("urn:o"), URIRef("urn:part")
>>> for t in [(part, HV.participationIn, p), (part, HV.participant, o), (part, HV.role, HV.PartnerRole),
...           (part, HV.evidence, HV.ProseEvidence), (p, HV.partner, o)]:
...     _ = g.add(t)
>>> len(keep_evidence(g, FIRM_EVIDENCE)), len(keep_evidence(g, EVIDENCE_KINDS))
(0, 5)
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from rdflib import Graph
from rdflib.term import Node

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.rdf.organisations import EVIDENCE_CONCEPTS, ROLE_CONCEPTS
from hankeverkko.graph.rdf.projects import ROLE_PROPERTIES
from hankeverkko.ontology import HV

__all__ = ["EVIDENCE_KINDS", "FIRM_EVIDENCE", "parse_evidence", "keep_evidence"]

#: every evidence kind, in the order the documentation gives them
EVIDENCE_KINDS = tuple(EVIDENCE_CONCEPTS)
#: list-and-field evidence: what a person put in a table or a form
FIRM_EVIDENCE = ("list", "card_field", "form_field")
_LINKS = {prop for props in ROLE_PROPERTIES.values() for prop in props}
_ROLE_OF = {concept: role for role, concept in ROLE_CONCEPTS.items()}


def parse_evidence(text: str) -> tuple[str, ...]:
    """``"list,card_field"`` -> the kinds; ``firm`` = list-and-field, ``all`` = every kind.

    >>> parse_evidence("firm")
    ('list', 'card_field', 'form_field')
    """
    words = [w.strip().lower().replace("-", "_") for w in text.split(",") if w.strip()]
    kinds: list[str] = []
    for w in words:
        expanded = {"firm": FIRM_EVIDENCE, "all": EVIDENCE_KINDS}.get(w, (w,))
        for k in expanded:
            if k not in EVIDENCE_KINDS:
                raise HankeverkkoError(f"unknown evidence kind {w!r}; choose from "
                                       f"{', '.join(EVIDENCE_KINDS)}, firm or all")
            if k not in kinds:
                kinds.append(k)
    if not kinds:
        raise HankeverkkoError("give at least one evidence kind")
    return tuple(kinds)


def keep_evidence(graph: Graph, kinds: Sequence[str]) -> Graph:
    """A copy of ``graph`` keeping only participations with evidence of ``kinds``
    (participations without any evidence, such as a ministry's, are kept)."""
    wanted = {EVIDENCE_CONCEPTS[k] for k in kinds}
    evidence: dict[Node, set] = defaultdict(set)
    for part, concept in graph.subject_objects(HV.evidence):
        evidence[part].add(concept)
    dropped = {p for p, concepts in evidence.items() if not concepts & wanted}
    support: dict[tuple, set] = defaultdict(set)     # (project, link, org) -> participations
    for part in graph.subjects(HV.participationIn, None):
        role = _ROLE_OF.get(graph.value(part, HV.role))
        project, org = graph.value(part, HV.participationIn), graph.value(part, HV.participant)
        for prop in ROLE_PROPERTIES.get(role, ()):
            support[(project, prop, org)].add(part)
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for s, p, o in graph:
        if s in dropped or o in dropped:
            continue
        if p in _LINKS:
            parts = support.get((s, p, o))
            if parts and parts <= dropped:
                continue
        out.add((s, p, o))
    return out
