"""Stores behind one interface: run SELECT queries with bound values.

Every store offers ``store.select(query_text, bindings) -> SelectResult``,
whose rows hold rdflib terms whatever the backend, so callers do not care
which store answers. :func:`open_store` picks a backend by name:

=====================  ==========================================================
``Graph`` object       :class:`MemoryStore` (rdflib in memory; the default)
``memory:FILE``        :class:`MemoryStore` over a parsed graph file
``oxigraph:DIR``       :class:`OxigraphStore`, embedded on disk (pyoxigraph)
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

import base64
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Mapping, Optional, Protocol, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node


from hankeverkko.graph.errors import QueryError, StoreError
from hankeverkko.graph.rdf.named_graphs import PREFIXES, partition_by_source

__all__ = ["SelectResult", "Store", "MemoryStore", "OxigraphStore",
           "EndpointStore", "open_store", "sparql_term", "bind_values",
           "load_into_store", "credentials", "http_request"]

#: environment variables holding endpoint credentials (never options or files)
USER_VAR, PASSWORD_VAR = "HANKEVERKKO_SPARQL_USER", "HANKEVERKKO_SPARQL_PASSWORD"

Bindings = Optional[Mapping[str, Node]]


@dataclass
class SelectResult:
    """Variables and rows of rdflib terms (``None`` where a variable is unbound)."""
    vars: list[str]
    rows: list[tuple[Optional[Node], ...]]

    def dicts(self) -> list[dict[str, Optional[Node]]]:
        return [dict(zip(self.vars, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def same_answer(self, other: "SelectResult") -> bool:
        """Same variables and the same rows in any order, numbers compared by
        value (Oxigraph writes ``120000.5`` where rdflib keeps ``120000.50``).

        >>> a = SelectResult(["n"], [(Literal("1.50", datatype=XSD.decimal),), (None,)])
        >>> a.same_answer(SelectResult(["n"], [(None,), (Literal("1.5", datatype=XSD.decimal),)]))
        True
        """
        return self.vars == other.vars and _canonical_rows(self.rows) == _canonical_rows(other.rows)


_NUMBERS = (XSD.integer, XSD.decimal, XSD.double, XSD.float)


def _canonical_rows(rows) -> list:
    def key(t):
        if isinstance(t, Literal) and t.datatype in _NUMBERS:
            try:
                return ("number", str(t.datatype), Decimal(str(t)))
            except InvalidOperation:
                pass
        return ("term", "", t.n3() if t is not None else "")
    return sorted(tuple(key(t) for t in row) for row in rows)


class Store(Protocol):
    def select(self, query: str, bindings: Bindings = None) -> SelectResult: ...


# ------------------------------------------------------------------ memory

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


# ------------------------------------------------------------------ oxigraph

def _ox():
    import pyoxigraph
    return pyoxigraph


_XSD_STRING = str(XSD.string)


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
                self._store = ox.Store.read_only(str(self.path))
            else:
                if not create and not self.path.is_dir():
                    raise StoreError(f"{self.path}: no Oxigraph store here (create one with "
                                     f"`hankeverkko build --store oxigraph:{self.path}`)")
                self._store = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"{self.path}: cannot open the Oxigraph store ({e}); is another process "
                             "(e.g. `oxigraph serve`) using it?") from e

    def __repr__(self) -> str:
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
            raise QueryError(f"Oxigraph could not run the query: {e}") from e
        except OSError as e:
            raise StoreError(f"{self!r}: cannot read the store: {e}") from e
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("only SELECT queries are supported here")
        names = [v.value for v in res.variables]
        rows = [tuple(_from_ox(sol[i]) for i in range(len(names))) for sol in res]
        return SelectResult(names, rows)


# ------------------------------------------------------------------ SPARQL endpoint

_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def sparql_term(term: Node) -> str:
    """The one quoting function: an rdflib term as SPARQL text (``term.n3()``).

    IRIs with characters SPARQL forbids inside ``<...>`` are refused rather
    than escaped, so a value can never close the IRI and add query text.

    >>> sparql_term(URIRef("https://w3id.org/hankeverkko/id/theme/x"))
    '<https://w3id.org/hankeverkko/id/theme/x>'
    >>> sparql_term(URIRef("http://x/> } DROP ALL { <http://x/"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    hankeverkko.graph.errors.QueryError: cannot bind the IRI ...: it contains characters not allowed in an IRI
    """
    if isinstance(term, URIRef):
        if _BAD_IRI.search(str(term)):
            raise QueryError(f"cannot bind the IRI {str(term)!r}: it contains characters not allowed in an IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype is not None and _BAD_IRI.search(str(term.datatype)):
            raise QueryError(f"cannot bind a literal with datatype {str(term.datatype)!r}")
        return term.n3()
    raise QueryError(f"cannot bind {term!r} at an endpoint: only IRIs and literals can be bound")


# comments, strings, IRIs are skipped when looking for the first "{"
_TOKENS = re.compile(r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<brace>\{)
''', re.X | re.S)


def bind_values(query: str, bindings: Bindings) -> str:
    """``query`` with a ``VALUES`` block binding ``bindings`` at the start of
    its outermost group, terms quoted by :func:`sparql_term`.

    Joining at the start of the group is what rdflib's ``initBindings`` and
    Oxigraph's substitutions do for variables in triple patterns; a trailing
    ``VALUES`` (rdflib's SPARQLStore) would join only after grouping.

    >>> bind_values("SELECT ?p WHERE { ?p hv:theme ?t }", {"t": URIRef("http://x/t")})
    'SELECT ?p WHERE { VALUES (?t) { (<http://x/t>) } ?p hv:theme ?t }'
    """
    if not bindings:
        return query
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise QueryError(f"{n!r} is not a SPARQL variable name")
    for m in _TOKENS.finditer(query):
        if m.lastgroup == "brace":
            at = m.end()
            block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
                     + " ".join(sparql_term(bindings[n]) for n in names) + ") }")
            return query[:at] + block + query[at:]
    raise QueryError("the query has no { ... } group to bind values in")


def credentials() -> Optional[tuple[str, str]]:
    """(user, password) from HANKEVERKKO_SPARQL_USER / _PASSWORD, or None."""
    user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
    if not user and not password:
        return None
    if not (user and password):
        raise StoreError(f"set both {USER_VAR} and {PASSWORD_VAR} (or neither)")
    return user, password


def http_request(url: str, method: str, body: Optional[bytes], headers: Mapping[str, str],
                 timeout: float, what: str) -> bytes:
    """One HTTP request with basic auth from the environment; errors become StoreError."""
    headers = dict(headers)
    cred = credentials()
    if cred:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{cred[0]}:{cred[1]}".encode()).decode("ascii")
    req = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        detail = e.read(2000).decode("utf-8", "replace").strip().splitlines()
        first = detail[0][:300] if detail else e.reason
        if e.code in (401, 403):
            raise StoreError(f"{what} {url} refused access (HTTP {e.code}); set {USER_VAR} and "
                             f"{PASSWORD_VAR}") from e
        if e.code == 400 and method == "POST" and headers.get("Content-Type") == "application/sparql-query":
            raise QueryError(f"{what} {url} rejected the query: {first}") from e
        raise StoreError(f"{what} {url} answered HTTP {e.code}: {first}") from e
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise StoreError(f"cannot reach {what} {url}: {reason} (timeout {timeout:g} s)") from e
    except ValueError as e:  # malformed URL
        raise StoreError(f"{url!r} is not a usable URL: {e}") from e


def _from_json(b: Optional[dict]) -> Optional[Node]:
    if b is None:
        return None
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in b:
            return Literal(value, lang=b["xml:lang"])
        dt = b.get("datatype")
        return Literal(value) if dt in (None, _XSD_STRING) else Literal(value, datatype=URIRef(dt))
    raise StoreError(f"the endpoint returned a term of unknown type {kind!r}")


class EndpointStore:
    """Any SPARQL 1.1 query endpoint, over HTTP (POST, JSON results).

    Credentials come only from HANKEVERKKO_SPARQL_USER / _PASSWORD. Query
    parameters already in ``url`` are kept (e.g. Oxigraph's
    ``?union-default-graph``).
    """

    def __init__(self, url: str, timeout: float = 60.0):
        if not re.match(r"https?://", url):
            raise StoreError(f"{url!r}: an endpoint URL starts with http:// or https://")
        self.url = url
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"EndpointStore({self.url})"

    def _with_prefixes(self, query: str) -> str:
        declared = {m.group(1) or "" for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", query)}
        lines = [f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items() if k not in declared]
        return "\n".join(lines + [query])

    def select(self, query: str, bindings: Bindings = None) -> SelectResult:
        text = self._with_prefixes(bind_values(query, bindings))
        data = http_request(self.url, "POST", text.encode("utf-8"),
                            {"Content-Type": "application/sparql-query",
                             "Accept": "application/sparql-results+json"},
                            self.timeout, "the SPARQL endpoint")
        try:
            doc = json.loads(data)
            names = list(doc["head"].get("vars", []))
            bindings_ = doc["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as e:
            raise StoreError(f"{self.url} did not answer with SPARQL JSON results (is it the query "
                             "endpoint, e.g. .../query?)") from e
        rows = [tuple(_from_json(b.get(n)) for n in names) for b in bindings_]
        return SelectResult(names, rows)


# ------------------------------------------------------------------ opening and loading

def open_store(spec, create: bool = False) -> Store:
    """A store for ``spec``: an rdflib Graph, ``memory:FILE``, ``oxigraph:DIR``
    (``create`` to make a new one), ``oxigraph:`` (in memory) or ``endpoint:URL``.

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
    if kind == "oxigraph":
        return OxigraphStore(rest or None, create=create)
    if kind == "endpoint" and rest:
        return EndpointStore(rest)
    raise StoreError(f"unknown store {spec!r}; use memory:FILE, oxigraph:DIR or endpoint:URL")


def load_into_store(spec: str, graph: Graph) -> tuple[int, int]:
    """Replace the content of the store ``spec`` (``oxigraph:DIR``) with
    ``graph``, one named graph per source. Returns (triples, named graphs)."""
    if not str(spec).startswith("oxigraph:") or str(spec) == "oxigraph:":
        raise StoreError(f"cannot load into {spec!r}: give oxigraph:DIR (to fill a SPARQL server, "
                         "use `hankeverkko push GRAPH_FILE --gsp URL`)")
    with OxigraphStore(str(spec)[len("oxigraph:"):], create=True) as store:
        store.clear()
        n = store.load(graph)
        return n, len(store.named_graphs())
