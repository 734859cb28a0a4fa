"""What a push leaves on the server: build ids, the manifest graph, staging graphs.

A *build id* names the content of a whole graph (:func:`build_id`: the first
16 hex digits of the SHA-256 of its sorted N-Triples lines; blank nodes
canonicalised first), so the same graph file always has the same id.

The *manifest* is a small named graph on the server, :data:`MANIFEST`,
listing every named graph hankeverkko pushed and the build it belongs to::

    <urn:hankeverkko:push:manifest> rdfs:comment "..." .
    <https://w3id.org/hankeverkko/id/source/a-txt>
        dcterms:isPartOf <urn:hankeverkko:push:build:5f0c...> ;
        dcterms:extent 554 .                      # triples

The ontology has no term for this bookkeeping, so it lives under the
``urn:hankeverkko:push:`` IRI space with Dublin Core terms; nothing of the
knowledge graph is ever under it. A graph listed with the build id being
pushed is complete and is skipped by a rerun; ``--prune`` only ever removes
graphs listed here (and their staging graphs).

A *staging graph* (:func:`staging_graph`) receives a graph's batches before
one SPARQL Update moves it over the real graph (when an update endpoint is
given).

>>> staging_graph(URIRef("https://w3id.org/hankeverkko/id/graph/shared"))
rdflib.term.URIRef('urn:hankeverkko:push:staging:c3b4aad6092b24e43c6aca65')
>>> build_iri("abc")
rdflib.term.URIRef('urn:hankeverkko:push:build:abc')
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from string import Template
from typing import Iterable, Mapping, Optional

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, XSD

from hankeverkko.graph.errors import StoreError
from hankeverkko.graph.sparql.stores.endpoint import sparql_term

__all__ = ["PUSH_NS", "MANIFEST", "ManifestEntry", "build_id", "build_iri", "staging_graph",
           "parse_manifest", "manifest_graph", "ntriples", "commit_update", "drop_update"]

#: every IRI a push invents is under this prefix
PUSH_NS = "urn:hankeverkko:push:"
#: the named graph listing what was pushed
MANIFEST = URIRef(PUSH_NS + "manifest")
_COMMENT = Literal("Named graphs loaded by `hankeverkko push`: each is dcterms:isPartOf the build "
                   "(urn:hankeverkko:push:build:ID, ID = content hash of the graph file) it came "
                   "from; dcterms:extent is its number of triples.", lang="en")


@dataclass(frozen=True)
class ManifestEntry:
    build: str
    triples: int


def build_iri(build: str) -> URIRef:
    return URIRef(f"{PUSH_NS}build:{build}")


def staging_graph(graph: URIRef) -> URIRef:
    """The staging graph of ``graph`` (a stable name, so a rerun reuses it)."""
    return URIRef(f"{PUSH_NS}staging:{hashlib.sha256(str(graph).encode('utf-8')).hexdigest()[:24]}")


def ntriples(triples: Iterable) -> bytes:
    """N-Triples of ``triples``, one line each, sorted."""
    g = Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="nt", encoding="utf-8")
    data = data if isinstance(data, bytes) else data.encode("utf-8")
    lines = sorted(line for line in data.splitlines() if line.strip())
    return b"".join(line + b"\n" for line in lines)


def build_id(graph: Graph) -> str:
    """The content hash of ``graph``: equal graphs, equal ids (whatever the parse order)."""
    if any(isinstance(term, BNode) for t in graph for term in t):
        from rdflib.compare import to_canonical_graph
        graph = to_canonical_graph(graph)
    return hashlib.sha256(ntriples(graph)).hexdigest()[:16]


def parse_manifest(data: bytes) -> dict[URIRef, ManifestEntry]:
    """The manifest's N-Triples -> {graph: entry}; entries without a build are ignored."""
    g = Graph()
    try:
        g.parse(data=data.decode("utf-8"), format="nt")
    except Exception as e:  # rdflib's parsers raise several types
        raise StoreError(f"the push manifest {MANIFEST} on the server cannot be read: {e}; delete that "
                         "graph on the server and push again (every graph is then sent again)") from e
    out = {}
    for graph, build in g.subject_objects(DCTERMS.isPartOf):
        if isinstance(graph, URIRef) and str(build).startswith(f"{PUSH_NS}build:"):
            extent = g.value(graph, DCTERMS.extent)
            out[graph] = ManifestEntry(str(build)[len(PUSH_NS) + 6:], int(extent) if extent is not None else 0)
    return out


def _entry_triples(graph: URIRef, entry: ManifestEntry):
    yield graph, DCTERMS.isPartOf, build_iri(entry.build)
    yield graph, DCTERMS.extent, Literal(entry.triples, datatype=XSD.integer)


def manifest_graph(entries: Mapping[URIRef, ManifestEntry]) -> bytes:
    """The whole manifest as N-Triples (for servers without an update endpoint)."""
    triples = [(MANIFEST, RDFS.comment, _COMMENT)]
    for graph, entry in entries.items():
        triples += _entry_triples(graph, entry)
    return ntriples(triples)


# One SPARQL Update request is one transaction (Oxigraph, Jena TDB2): the
# graph, its staging graph and its manifest entry change together or not at
# all. IRIs are quoted by sparql_term, never pasted raw.
_PREFIXES = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_ENTRY = """INSERT DATA { GRAPH $manifest { $manifest rdfs:comment $comment .
  $graph dcterms:isPartOf $build ; dcterms:extent $extent . } }
"""
#: record ``graph`` in the manifest
_RECORD = Template(_PREFIXES + "DELETE WHERE { GRAPH $manifest { $graph ?p ?o } } ;\n" + _ENTRY)
#: move the staging graph over ``graph`` and record it, in one transaction
_COMMIT = Template(_PREFIXES + "DELETE WHERE { GRAPH $manifest { $graph ?p ?o } } ;\n"
                   "MOVE GRAPH $staging TO GRAPH $graph ;\n" + _ENTRY)

_DROP = Template("""DROP SILENT GRAPH $graph ;
DROP SILENT GRAPH $staging ;
DELETE WHERE { GRAPH $manifest { $graph ?p ?o } }
""")


def commit_update(graph: URIRef, entry: ManifestEntry, move: bool = True) -> str:
    """The update moving ``graph``'s staging graph over it (``move``) and
    recording it in the manifest."""
    return (_COMMIT if move else _RECORD).substitute(
        manifest=sparql_term(MANIFEST), graph=sparql_term(graph), staging=sparql_term(staging_graph(graph)),
        comment=sparql_term(_COMMENT), build=sparql_term(build_iri(entry.build)),
        extent=sparql_term(Literal(entry.triples, datatype=XSD.integer)))


def drop_update(graph: URIRef) -> str:
    """The update removing ``graph``, its staging graph and its manifest entry."""
    return _DROP.substitute(manifest=sparql_term(MANIFEST), graph=sparql_term(graph),
                            staging=sparql_term(staging_graph(graph)))


def stale(entries: Mapping[URIRef, ManifestEntry], graphs: Iterable[URIRef]) -> list[URIRef]:
    """Graphs in the manifest that the build no longer has."""
    keep = set(graphs)
    return sorted(g for g in entries if g not in keep)


def complete(entries: Mapping[URIRef, ManifestEntry], graph: URIRef, build: str,
             triples: int) -> Optional[ManifestEntry]:
    """The manifest entry if ``graph`` is on the server from this very build."""
    entry = entries.get(graph)
    return entry if entry == ManifestEntry(build, triples) else None
