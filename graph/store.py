"""Stores behind one interface: run SELECT queries with bound values.

MINIMAL VERSION (issue F adds Oxigraph and SPARQL endpoints behind the same
interface). Every store offers::

    store.select(query_text, bindings={"theme": URIRef(...)}) -> SelectResult

Values are bound, never pasted into query text; keep bound variables in
triple patterns so every store gives the same answer.

>>> from rdflib import Graph
>>> open_store(Graph()).select("SELECT ?s WHERE { ?s a hv:Project }").rows
[]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Protocol

from rdflib import Graph
from rdflib.term import Node

from .errors import QueryError
from .query import PREFIXES

__all__ = ["SelectResult", "Store", "MemoryStore", "open_store"]


@dataclass
class SelectResult:
    vars: list[str]
    rows: list[tuple[Optional[Node], ...]]

    def dicts(self) -> list[dict[str, Optional[Node]]]:
        return [dict(zip(self.vars, r)) for r in self.rows]


class Store(Protocol):
    def select(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> SelectResult: ...


class MemoryStore:
    """rdflib's in-memory graph."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def select(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> SelectResult:
        try:
            res = self.graph.query(query, initNs=PREFIXES, initBindings=dict(bindings or {}))
        except Exception as e:
            raise QueryError(f"the SPARQL query is not valid: {e}") from e
        return SelectResult([str(v) for v in res.vars], [tuple(r) for r in res])


def open_store(spec) -> Store:
    """A store for ``spec``: an rdflib Graph (in memory)."""
    if isinstance(spec, Graph):
        return MemoryStore(spec)
    raise QueryError(f"unknown store {spec!r}")
