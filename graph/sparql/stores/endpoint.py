"""Any SPARQL 1.1 query endpoint over HTTP (POST, JSON results): terms quoted
by :func:`sparql_term` and values bound by :func:`bind_values` as a
``VALUES`` block at the start of the query's outermost group."""
from __future__ import annotations

import json
import re
from typing import Optional

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from hankeverkko.graph.errors import QueryError, StoreError
from hankeverkko.graph.rdf.named_graphs import PREFIXES
from hankeverkko.graph.sparql.http_client import http_request
from hankeverkko.graph.sparql.results import _XSD_STRING, Bindings, SelectResult

__all__ = ["EndpointStore", "bind_values", "sparql_term"]


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
