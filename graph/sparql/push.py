"""Loading a graph into a SPARQL server over the Graph Store Protocol.

:func:`push_graph` sends one named graph per source document (the rule of
:func:`graph.store.partition_by_source`) to a SPARQL 1.1 Graph Store HTTP
Protocol endpoint (Oxigraph server ``/store``, Fuseki ``/ds/data``) as
N-Triples:

* the first batch of each graph is a ``PUT`` (replaces the graph), later
  batches of the same graph are ``POST`` (add), so rerunning a push
  replaces every graph it sends and never duplicates triples;
* named graphs that a later graph no longer has (a source removed from the
  corpus) are not deleted: delete them on the server, or start empty;
* every request has a timeout; credentials come only from the environment
  variables HANKEVERKKO_SPARQL_USER / HANKEVERKKO_SPARQL_PASSWORD (HTTP
  basic auth), never from options or files.

Query the result with a default graph that is the union of the named
graphs (Oxigraph: ``oxigraph serve --union-default-graph`` or
``/query?union-default-graph``; Fuseki: a TDB2 dataset with
``tdb2:unionDefaultGraph true``).

>>> graph_url("http://localhost:7878/store", URIRef("https://w3id.org/hankeverkko/id/source/a-txt"))
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fhankeverkko%2Fid%2Fsource%2Fa-txt'
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Callable, Optional

from rdflib import Graph, URIRef

from hankeverkko.graph.errors import StoreError
from hankeverkko.graph.rdf.named_graphs import partition_by_source
from hankeverkko.graph.sparql.http_client import http_request

__all__ = ["PushSummary", "graph_url", "push_graph", "DEFAULT_BATCH"]

#: triples per request
DEFAULT_BATCH = 50_000


@dataclass
class PushSummary:
    url: str
    graphs: int
    triples: int
    requests: int

    def text(self) -> str:
        return (f"pushed {self.triples} triples in {self.graphs} named graphs "
                f"({self.requests} requests) to {self.url}")


def graph_url(gsp_url: str, graph: URIRef) -> str:
    """The Graph Store Protocol URL of named graph ``graph`` (``?graph=IRI``)."""
    sep = "&" if urllib.parse.urlsplit(gsp_url).query else "?"
    return f"{gsp_url}{sep}{urllib.parse.urlencode({'graph': str(graph)})}"


def _ntriples(triples) -> bytes:
    g = Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="nt", encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def push_graph(graph: Graph, gsp_url: str, batch_size: int = DEFAULT_BATCH, timeout: float = 120.0,
               progress: Optional[Callable[[str], None]] = None) -> PushSummary:
    """PUT each source's named graph (then POST its further batches) to ``gsp_url``."""
    if not gsp_url.startswith(("http://", "https://")):
        raise StoreError(f"{gsp_url!r}: a Graph Store Protocol URL starts with http:// or https://")
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    parts = partition_by_source(graph)
    requests = triples = 0
    for name, part in parts.items():
        part = sorted(part)
        for i in range(0, len(part), batch_size):
            batch = part[i:i + batch_size]
            method = "PUT" if i == 0 else "POST"
            http_request(graph_url(gsp_url, name), method, _ntriples(batch),
                         {"Content-Type": "application/n-triples"}, timeout, "the Graph Store endpoint")
            requests += 1
            triples += len(batch)
        if progress:
            progress(f"{name}: {len(part)} triples")
    return PushSummary(gsp_url, len(parts), triples, requests)
