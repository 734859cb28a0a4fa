"""The rdflib store in memory (the default): values bound with ``initBindings``."""
from __future__ import annotations

from typing import Optional

from rdflib import Graph

from hankeverkko.graph.errors import QueryError
from hankeverkko.graph.rdf.named_graphs import PREFIXES
from hankeverkko.graph.sparql.results import Bindings, SelectResult

__all__ = ["MemoryStore"]


class MemoryStore:
    """rdflib's in-memory graph; values bound with ``initBindings``."""

    def __init__(self, graph: Optional[Graph] = None):
        self.graph = graph if graph is not None else Graph()

    def __repr__(self) -> str:
        return f"MemoryStore({len(self.graph)} triples)"

    def load(self, graph: Graph) -> int:
        self.graph += graph
        return len(graph)

    def clear(self) -> None:
        self.graph.remove((None, None, None))

    def __len__(self) -> int:
        return len(self.graph)

    def select(self, query: str, bindings: Bindings = None) -> SelectResult:
        from pyparsing import ParseException

        try:
            res = self.graph.query(query, initNs=PREFIXES, initBindings=dict(bindings or {}))
        except ParseException as e:
            raise QueryError(f"the SPARQL query is not valid: {e}") from e
        except Exception as e:  # rdflib's evaluator raises many types
            raise QueryError(f"rdflib could not evaluate the query: {type(e).__name__}: {e} "
                             "(rdflib has gaps, e.g. GROUP_CONCAT(DISTINCT ...) over OPTIONAL values; "
                             "try the same query with `--engine oxigraph`)") from e
        if res.type != "SELECT":
            raise QueryError(f"only SELECT queries are supported here, not {res.type}")
        return SelectResult([str(v) for v in res.vars], [tuple(r) for r in res])
