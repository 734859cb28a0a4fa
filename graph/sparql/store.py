"""Stores behind one interface: run SELECT queries with bound values.

Every store offers ``store.select(query_text, bindings) -> SelectResult``,
whose rows hold rdflib terms whatever the backend, so callers do not care
which store answers. :func:`open_store` picks a backend by name:

=====================  ==========================================================
``Graph`` object       :class:`MemoryStore` (rdflib in memory; the default)
``memory:FILE``        :class:`MemoryStore` over a parsed graph file
``file:FILE``          :class:`OxigraphStore` in memory, loaded from a graph file by
                       pyoxigraph (no rdflib parse; what views, maps and ``query --graph`` use)
``oxigraph:DIR``       :class:`OxigraphStore`, embedded on disk (pyoxigraph), read-only
``oxigraph:``          :class:`OxigraphStore` in memory (tests, benchmarks)
``endpoint:URL``       :class:`EndpointStore`, any SPARQL 1.1 query endpoint
=====================  ==========================================================

Values are bound, never pasted into query text: rdflib gets
``initBindings``, Oxigraph gets ``substitutions`` (pyoxigraph requires a
substituted variable to be in the SELECT projection), and an endpoint gets a
``VALUES`` block at the start of the outermost group, each term quoted by
:func:`sparql_term` (``term.n3()``). Keep bound variables in triple patterns
of the outermost group, never in ``FILTER(BOUND())`` or ``BIND``
(rdflib#1772), and every store gives the same answer.

Named graphs (:func:`partition_by_source`): a triple belongs to the named
graph of its subject's source document (the IRI in the subject's
``prov:wasDerivedFrom``; the graph is named by that source IRI). Triples of
subjects with several sources, or none (source documents themselves,
organisations named in several documents), go to the shared named graph
:data:`SHARED_GRAPH`. Every triple is in exactly one named graph, so the
union of the graphs is the graph, on any server whose default graph is the
union of its named graphs.

>>> from rdflib import Graph
>>> open_store(Graph()).select("SELECT ?s WHERE { ?s a hv:Project }").rows
[]
>>> print(sparql_term(Literal('say "hi"', lang="en")))
"say \\"hi\\""@en
"""
from __future__ import annotations

from rdflib import Graph, Literal  # Literal: for the example above

from hankeverkko.graph.errors import StoreError
from hankeverkko.graph.sparql.results import Store
from hankeverkko.graph.sparql.stores.endpoint import EndpointStore, sparql_term  # sparql_term: for the example above
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.graph.sparql.stores.swap import StoreReplacement

__all__ = ["open_store", "load_into_store", "replacement"]


def open_store(spec, create: bool = False) -> Store:
    """A store for ``spec``: an rdflib Graph, ``memory:FILE``, ``file:FILE``, ``oxigraph:DIR``
    (opened read-only, so any number of readers at once; ``create`` to open it
    for writing, making it if missing), ``oxigraph:`` (in memory) or ``endpoint:URL``.

    >>> open_store("nosuch:thing")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    hankeverkko.graph.errors.StoreError: unknown store 'nosuch:thing'; use memory:FILE, oxigraph:DIR or endpoint:URL
    """
    if isinstance(spec, Graph):
        return MemoryStore(spec)
    if isinstance(spec, (MemoryStore, OxigraphStore, EndpointStore)):
        return spec
    kind, _, rest = str(spec).partition(":")
    if kind == "memory" and rest:
        from hankeverkko.graph.rdf.graphfile import read_graph
        return MemoryStore(read_graph(rest))
    if kind == "file" and rest:
        return OxigraphStore.from_file(rest)
    if kind == "oxigraph":
        return OxigraphStore(rest or None, create=create, read_only=bool(rest) and not create)
    if kind == "endpoint" and rest:
        return EndpointStore(rest)
    raise StoreError(f"unknown store {spec!r}; use memory:FILE, oxigraph:DIR or endpoint:URL")


def load_into_store(spec: str, graph: Graph) -> tuple[int, int]:
    """Replace the content of the store ``spec`` (``oxigraph:DIR``) with
    ``graph``, one named graph per source, whole: the new store is loaded
    beside the old one and swapped in by one rename (see
    :mod:`~hankeverkko.graph.sparql.stores.swap`). Returns (triples, named graphs)."""
    return replacement(spec).run(graph)


def replacement(spec: str) -> StoreReplacement:
    """The :class:`StoreReplacement` of ``oxigraph:DIR`` (a :class:`StoreError` for any other spec)."""
    if not str(spec).startswith("oxigraph:") or str(spec) == "oxigraph:":
        raise StoreError(f"cannot load into {spec!r}: give oxigraph:DIR (to fill a SPARQL server, "
                         "use `hankeverkko push GRAPH_FILE --gsp URL`)")
    return StoreReplacement(str(spec)[len("oxigraph:"):], spec=str(spec))
