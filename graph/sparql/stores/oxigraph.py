"""Oxigraph (pyoxigraph) embedded on disk or in memory: rdflib terms to and from
pyoxigraph terms, one named graph per source document on load, values bound
with ``substitutions`` (which Oxigraph applies only to projected variables)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from hankeverkko.graph.errors import QueryError, StoreError
from hankeverkko.graph.rdf.named_graphs import PREFIXES, partition_by_source
from hankeverkko.graph.sparql.results import _XSD_STRING, Bindings, SelectResult

__all__ = ["OxigraphStore"]


def _ox():
    import pyoxigraph
    return pyoxigraph


def _from_ox(term) -> Optional[Node]:
    """A pyoxigraph term as the equal rdflib term."""
    if term is None:
        return None
    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"the store returned a term rdflib cannot hold: {term!r}")


def _first_line(e: BaseException, limit: int = 160) -> str:
    """The start of an error message, on one line (RocksDB messages run long)."""
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _is_storage_error(e: BaseException) -> bool:
    return isinstance(e, OSError) or any(w in str(e) for w in ("Corruption", "IO error", "RocksDB", "rocksdb"))


class _ToOx:
    """rdflib terms -> pyoxigraph terms, with a cache (IRIs repeat a lot)."""

    def __init__(self):
        self.ox = _ox()
        self.cache: dict[Node, object] = {}

    def __call__(self, term: Node):
        hit = self.cache.get(term)
        if hit is not None:
            return hit
        ox = self.ox
        try:
            if isinstance(term, URIRef):
                out = ox.NamedNode(str(term))
            elif isinstance(term, Literal):
                if term.language:
                    out = ox.Literal(str(term), language=term.language)
                elif term.datatype is not None:
                    out = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
                else:
                    out = ox.Literal(str(term))
            elif isinstance(term, BNode):
                out = ox.BlankNode(str(term))
            else:
                raise QueryError(f"cannot bind {term!r}: not an IRI, literal or blank node")
        except ValueError as e:
            raise QueryError(f"{term.n3() if hasattr(term, 'n3') else term!r} is not a valid RDF term: {e}") from e
        if not isinstance(term, Literal):
            self.cache[term] = out
        return out


class OxigraphStore:
    """Oxigraph (pyoxigraph) embedded on disk at ``path``, or in memory.

    Queries see the union of all named graphs as their default graph.
    Oxigraph substitutes bound variables only when the query projects them
    (``SELECT ?theme ...`` or ``SELECT *``); the library queries do.

    >>> from rdflib import Graph
    >>> s = OxigraphStore()
    >>> s.load(Graph().parse(data="<http://x/a> <http://x/p> 'v' .", format="turtle"))
    1
    >>> s.select("SELECT ?o WHERE { ?s <http://x/p> ?o }").rows
    [(rdflib.term.Literal('v'),)]
    """

    def __init__(self, path: Union[str, Path, None] = None, create: bool = True, read_only: bool = False):
        ox = _ox()
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                # Resolve DIR -> DIR.versions/V once: a build swapping DIR meanwhile
                # does not change the folder this store reads (see stores/swap.py).
                folder = os.path.realpath(self.path)
                if not os.path.isdir(folder) or not os.path.exists(os.path.join(folder, "CURRENT")):
                    raise StoreError(f"{self.path}: no Oxigraph store here; build one with "
                                     f"`hankeverkko build --store oxigraph:{self.path}`")
                self._store = ox.Store.read_only(folder)
            else:
                if not create and not self.path.is_dir():
                    raise StoreError(f"{self.path}: no Oxigraph store here (create one with "
                                     f"`hankeverkko build --store oxigraph:{self.path}`)")
                self._store = ox.Store(str(self.path))
        except StoreError:
            raise
        except OSError as e:
            if read_only:
                raise self._damaged(e) from None
            raise StoreError(f"{self.path}: cannot open the Oxigraph store ({_first_line(e)}); is another "
                             "process (e.g. `oxigraph serve`) using it?") from None
        except BaseException as e:  # RocksDB "Corruption: ..." (RuntimeError) or a pyo3 panic
            if isinstance(e, (KeyboardInterrupt, SystemExit)) or self.path is None:
                raise
            raise self._damaged(e) from None

    def _damaged(self, e: BaseException) -> StoreError:
        """One line for a store folder RocksDB cannot read."""
        return StoreError(f"{self.path}: the Oxigraph store is damaged or unreadable ({_first_line(e)}); "
                          f"rebuild it with `hankeverkko build --store oxigraph:{self.path}`")

    @classmethod
    def from_file(cls, path: Union[str, Path]) -> "OxigraphStore":
        """An in-memory store holding the graph file ``path`` (loaded by pyoxigraph's
        own parser, never through rdflib; see :func:`graph.rdf.graphfile.read_graph_oxigraph`)."""
        from hankeverkko.graph.rdf.graphfile import read_graph_oxigraph
        self = cls()
        self._store = read_graph_oxigraph(path)
        self.source_file = Path(path)
        return self

    def __repr__(self) -> str:
        if getattr(self, "source_file", None) is not None:
            return f"OxigraphStore({self.source_file}, in memory)"
        return f"OxigraphStore({str(self.path) if self.path else 'in memory'})"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Flush and release the store (and its lock on the directory)."""
        if getattr(self, "_store", None) is not None:
            try:
                self._store.flush()
            except OSError:
                pass
            self._store = None

    def __len__(self) -> int:
        return len(self._store)

    def is_empty(self) -> bool:
        """True when the store holds no triple (cheap: looks for the first one)."""
        try:
            return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None
        except BaseException as e:
            if isinstance(e, (KeyboardInterrupt, SystemExit)) or self.path is None:
                raise
            raise self._damaged(e) from None

    def clear(self) -> None:
        self._store.clear()

    def load(self, graph: Graph, named_graphs: bool = True) -> int:
        """Add ``graph``; with ``named_graphs``, one named graph per source
        document (see :func:`partition_by_source`), else the default graph."""
        ox = _ox()
        to = _ToOx()
        if named_graphs:
            parts = partition_by_source(graph)
        else:
            parts = {None: list(graph)}
        quads = []
        for name, triples in parts.items():
            g = ox.DefaultGraph() if name is None else to(name)
            quads += [ox.Quad(to(s), to(p), to(o), g) for s, p, o in triples]
        if self.path is not None and len(quads) > 100_000:
            self._store.bulk_extend(quads)
        else:
            self._store.extend(quads)
        return len(quads)

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def select(self, query: str, bindings: Bindings = None) -> SelectResult:
        ox = _ox()
        to = _ToOx()
        subs = {ox.Variable(k): to(v) for k, v in (bindings or {}).items()}
        try:
            res = self._store.query(query, prefixes={k: str(v) for k, v in PREFIXES.items()},
                                    use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as e:
            raise QueryError(f"the SPARQL query is not valid: {e}") from e
        except RuntimeError as e:
            if "projection" in str(e):
                raise QueryError(f"{e}: Oxigraph binds only projected variables; add them to SELECT") from e
            if self.path is not None and _is_storage_error(e):
                raise self._damaged(e) from None
            raise QueryError(f"Oxigraph could not run the query: {e}") from e
        except OSError as e:
            if self.path is not None:
                raise self._damaged(e) from None
            raise StoreError(f"{self!r}: cannot read the store: {e}") from e
        except BaseException as e:  # a pyo3 panic inside RocksDB reading
            if isinstance(e, (KeyboardInterrupt, SystemExit, GeneratorExit)) or self.path is None:
                raise
            raise self._damaged(e) from None
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("only SELECT queries are supported here")
        names = [v.value for v in res.variables]
        try:  # solutions are read lazily: a damaged file can surface here
            rows = [tuple(_from_ox(sol[i]) for i in range(len(names))) for sol in res]
        except (RuntimeError, OSError) as e:
            if self.path is None or not _is_storage_error(e):
                raise
            raise self._damaged(e) from None
        return SelectResult(names, rows)
