"""Prefixes and named graphs: how a built graph is split, one named graph per source.

A triple belongs to the named graph of its subject's source document (the
IRI in the subject's ``prov:wasDerivedFrom``; the graph is named by that
source IRI). Triples of subjects with several sources, or none (source
documents themselves, organisations named in several documents), go to the
shared named graph :data:`SHARED_GRAPH`. Every triple is in exactly one
named graph, so the union of the graphs is the graph.
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from hankeverkko.ontology import HV, ID

__all__ = ["PREFIXES", "SHARED_GRAPH", "partition_by_source"]

#: prefixes predeclared in every store (the .rq files declare theirs too)
PREFIXES = {"hv": HV._NS, "id": ID, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS,
            "prov": PROV, "dcterms": DCTERMS, "foaf": FOAF, "owl": OWL,
            "org": "http://www.w3.org/ns/org#"}
#: the named graph of triples whose subject has several sources or none
SHARED_GRAPH = ID["graph/shared"]


def partition_by_source(graph: Graph) -> dict[URIRef, list[tuple[Node, Node, Node]]]:
    """Triples grouped by named graph: the source of their subject, or
    :data:`SHARED_GRAPH` (several sources or none). Keys sorted, shared last.
    """
    sources: dict[Node, set] = defaultdict(set)
    for s, o in graph.subject_objects(PROV.wasDerivedFrom):
        sources[s].add(o)
    parts: dict[URIRef, list] = defaultdict(list)
    for t in graph:
        src = sources.get(t[0])
        parts[next(iter(src)) if src and len(src) == 1 else SHARED_GRAPH].append(t)
    order = sorted(k for k in parts if k != SHARED_GRAPH) + ([SHARED_GRAPH] if SHARED_GRAPH in parts else [])
    return {k: parts[k] for k in order}
