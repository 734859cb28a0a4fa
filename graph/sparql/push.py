"""Loading a graph into a SPARQL server over the Graph Store Protocol, one build at a time.

:func:`push_graph` sends one named graph per source document (the rule of
:func:`graph.rdf.named_graphs.partition_by_source`) to a SPARQL 1.1 Graph
Store HTTP Protocol endpoint (Oxigraph server ``/store``, Fuseki
``/ds/data``) as N-Triples, in batches of ``batch_size`` triples:

* **one unit per build**: every graph is recorded in the manifest graph
  (:mod:`graph.sparql.push_state`) with the build id, the content hash of
  the whole graph. A rerun skips the graphs the server already has from the
  same build and redoes the one that failed, so a failed push is resumed by
  running the same command again (:class:`~graph.errors.PushError` says how
  far it got);
* **with an update endpoint** (``update_url``, e.g. Oxigraph ``/update``)
  a graph's batches go to its staging graph, and one SPARQL Update request
  (one transaction) moves the staging graph over the real one and records it
  in the manifest: readers, and a push killed at any moment, see the old
  graph or the new one, never half of it;
* **without one**, a graph is replaced in place (``PUT`` of the first batch,
  ``POST`` of the others): resumable, but while a graph is being sent (or
  after a push died in it) the server holds part of it. Oxigraph's ``PUT``
  is itself two transactions (clear the graph, then load the body), so even
  a one-batch graph is not replaced atomically;
* ``prune=True`` removes the graphs listed in the manifest that the build
  no longer has; graphs hankeverkko did not push are never touched;
* transient failures (connection refused or reset, timeouts, HTTP 5xx) are
  retried with back-off (:mod:`graph.sparql.retry`), HTTP 4xx never;
* credentials come only from HANKEVERKKO_SPARQL_USER /
  HANKEVERKKO_SPARQL_PASSWORD (HTTP basic auth), never from options or files.

Query the result with a default graph that is the union of the named
graphs (Oxigraph: ``oxigraph serve --union-default-graph``; Fuseki: a TDB2
dataset with ``tdb2:unionDefaultGraph true``).

>>> graph_url("http://localhost:7878/store", URIRef("https://w3id.org/hankeverkko/id/source/a-txt"))
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fhankeverkko%2Fid%2Fsource%2Fa-txt'
"""
from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Optional

from rdflib import BNode, Graph, URIRef

from hankeverkko.graph.errors import PushError, StoreError
from hankeverkko.graph.rdf.named_graphs import partition_by_source
from hankeverkko.graph.sparql.push_state import (MANIFEST, ManifestEntry, build_id, commit_update, complete,
                                                 drop_update, manifest_graph, ntriples, parse_manifest,
                                                 stale, staging_graph)
from hankeverkko.graph.sparql.retry import DEFAULT_BACKOFF, DEFAULT_RETRIES, http_status, request_with_retry

__all__ = ["PushSummary", "graph_url", "push_graph", "DEFAULT_BATCH"]

#: triples per request
DEFAULT_BATCH = 50_000
_NT = {"Content-Type": "application/n-triples"}
_GSP, _UPDATE = "the Graph Store endpoint", "the SPARQL Update endpoint"


@dataclass
class PushSummary:
    url: str
    graphs: int                    #: named graphs sent in this run
    triples: int                   #: triples sent in this run
    requests: int
    build: str = ""
    skipped: int = 0               #: graphs already on the server from this build
    stale: list = field(default_factory=list)    #: manifest graphs the build no longer has
    pruned: list = field(default_factory=list)   #: ... of which removed (``prune=True``)

    def text(self) -> str:
        out = (f"pushed {self.triples} triples in {self.graphs} named graphs "
               f"({self.requests} requests) to {self.url}; build {self.build}")
        if self.skipped:
            out += f"; {self.skipped} graphs were already there from this build"
        if self.pruned:
            out += f"; pruned {len(self.pruned)} graphs no longer in the build: " + ", ".join(self.pruned)
        elif self.stale:
            out += (f"; {len(self.stale)} graphs on the server are no longer in the build "
                    "(--prune removes them): " + ", ".join(self.stale))
        return out


def graph_url(gsp_url: str, graph: URIRef) -> str:
    """The Graph Store Protocol URL of named graph ``graph`` (``?graph=IRI``)."""
    sep = "&" if urllib.parse.urlsplit(gsp_url).query else "?"
    return f"{gsp_url}{sep}{urllib.parse.urlencode({'graph': str(graph)})}"


def _batches(part: list, batch_size: int) -> list[bytes]:
    """N-Triples bodies of ``batch_size`` sorted lines. A graph with blank
    nodes goes in one body: their labels only hold within one request."""
    lines = ntriples(part).splitlines(keepends=True)
    if any(isinstance(term, BNode) for t in part for term in t):
        batch_size = max(len(lines), 1)
    return [b"".join(lines[i:i + batch_size]) for i in range(0, len(lines), batch_size)]


class _Pusher:
    """One push run: the requests, what they achieved, and how to say it."""

    def __init__(self, gsp_url, update_url, timeout, retries, backoff, progress, sleep):
        self.gsp_url, self.update_url, self.timeout = gsp_url, update_url, timeout
        self.retries, self.backoff, self.progress, self.sleep = retries, backoff, progress, sleep
        self.requests = 0
        self.landed = False

    def request(self, url, method, body, headers, what) -> bytes:
        self.requests += 1
        return request_with_retry(url, method, body, headers, self.timeout, what, self.retries,
                                  self.backoff, self.sleep, self.progress)

    def read_manifest(self) -> dict:
        try:
            data = self.request(graph_url(self.gsp_url, MANIFEST), "GET", None,
                                {"Accept": "application/n-triples"}, _GSP)
        except StoreError as e:
            if http_status(e) == 404:
                return {}
            raise
        return parse_manifest(data)

    def put_manifest(self, entries) -> None:
        self.request(graph_url(self.gsp_url, MANIFEST), "PUT", manifest_graph(entries), _NT, _GSP)

    def update(self, text: str) -> None:
        self.request(self.update_url, "POST", text.encode("utf-8"),
                     {"Content-Type": "application/sparql-update"}, _UPDATE)

    def delete_graph(self, graph: URIRef) -> None:
        try:
            self.request(graph_url(self.gsp_url, graph), "DELETE", None, {}, _GSP)
        except StoreError as e:
            if http_status(e) != 404:
                raise

    def send(self, target: URIRef, batches: list[bytes], sent: list[int]) -> None:
        """PUT the first batch to ``target``, POST the others; ``sent[0]`` counts triples."""
        for i, body in enumerate(batches):
            self.request(graph_url(self.gsp_url, target), "PUT" if i == 0 else "POST", body, _NT, _GSP)
            sent[0] += body.count(b"\n")

    def record(self, name: URIRef, entry: ManifestEntry, entries: dict) -> None:
        entries[name] = entry
        if self.update_url:
            self.update(commit_update(name, entry, move=False))
        else:
            self.put_manifest(entries)

    def push_one(self, name: URIRef, batches: list[bytes], entry: ManifestEntry, entries: dict,
                 sent: list[int]) -> None:
        """Replace graph ``name`` by ``batches`` and record it in the manifest."""
        self.landed = False  # does the server have the new content of ``name``?
        if len(batches) == 1:  # one PUT: the server swaps the graph in one transaction
            self.send(name, batches, sent)
            self.landed = True
            self.record(name, entry, entries)
        elif self.update_url:  # staged, then moved and recorded in one transaction
            self.send(staging_graph(name), batches, sent)
            try:
                self.update(commit_update(name, entry))
            except StoreError:
                # the update may have committed with its answer lost (then retried, failing: no staging graph)
                if self.read_manifest().get(name) != entry:
                    raise
            entries[name] = entry
        else:  # in place: mark it incomplete first, so a push dying in it redoes it
            if name in entries:
                del entries[name]
                self.put_manifest(entries)
            self.send(name, batches, sent)
            self.record(name, entry, entries)

    def prune(self, graphs: list[URIRef], entries: dict) -> None:
        for name in graphs:
            if self.update_url:
                self.update(drop_update(name))
            else:
                self.delete_graph(name)
                self.delete_graph(staging_graph(name))
            entries.pop(name, None)
            if self.progress:
                self.progress(f"{name}: pruned (no longer in the build)")
        if graphs and not self.update_url:
            self.put_manifest(entries)


def _check_url(url: str, what: str) -> None:
    if not url.startswith(("http://", "https://")):
        raise StoreError(f"{url!r}: {what} URL starts with http:// or https://")


def push_graph(graph: Graph, gsp_url: str, batch_size: int = DEFAULT_BATCH, timeout: float = 120.0,
               progress: Optional[Callable[[str], None]] = None, *, update_url: Optional[str] = None,
               prune: bool = False, force: bool = False, retries: int = DEFAULT_RETRIES,
               backoff: float = DEFAULT_BACKOFF, sleep: Callable[[float], None] = time.sleep) -> PushSummary:
    """Push ``graph`` to ``gsp_url`` as one build: skip the graphs the server
    already has from it, send the others (staged and moved when
    ``update_url`` is given), then prune or report the graphs it no longer has.

    Raises :class:`PushError` naming how far it got when a graph fails.
    """
    _check_url(gsp_url, "a Graph Store Protocol")
    if update_url is not None:
        _check_url(update_url, "a SPARQL Update")
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    parts = partition_by_source(graph)
    build = build_id(graph)
    pusher = _Pusher(gsp_url, update_url, timeout, retries, backoff, progress, sleep)
    entries = pusher.read_manifest()
    summary = PushSummary(gsp_url, 0, 0, 0, build)
    for done, (name, part) in enumerate(parts.items()):
        entry = ManifestEntry(build, len(part))
        if not force and complete(entries, name, build, len(part)):
            summary.skipped += 1
            if progress:
                progress(f"{name}: {len(part)} triples already there from build {build}")
            continue
        sent, batches = [0], _batches(part, batch_size)
        if len(batches) > 1 and not update_url and progress:
            progress(f"{name}: {len(part)} triples in {len(batches)} requests, replaced in place "
                     "(not atomic: give --update, or a --batch-size of at least the graph's size)")
        try:
            pusher.push_one(name, batches, entry, entries, sent)
        except StoreError as e:
            raise PushError(_failure(done, len(parts), summary, name, sent[0], len(part), e,
                                     len(batches) == 1 or update_url is not None, pusher.landed),
                            done, len(parts), name) from e
        summary.graphs += 1
        summary.triples += len(part)
        if progress:
            progress(f"{name}: {len(part)} triples")
    summary.stale = stale(entries, parts)
    if prune and summary.stale:
        try:
            pusher.prune(summary.stale, entries)
        except StoreError as e:
            raise PushError(f"pushed all {len(parts)} graphs of build {build}, but pruning failed: {e}; "
                            "rerun the same command to finish", len(parts), len(parts)) from e
        summary.pruned = summary.stale
    summary.requests = pusher.requests
    return summary


def _failure(done, total, summary, name, sent, size, error, atomic, landed) -> str:
    already = f" ({summary.skipped} were already there)" if summary.skipped else ""
    state = ("the server has that graph's new content but not yet its record" if landed else
             "the server still has that graph's previous content" if atomic else
             "the server may hold part of that graph until the rerun")
    return (f"pushed {done} of {total} graphs{already}, {summary.triples:,} triples; graph {name} failed "
            f"after {sent:,} of its {size:,} triples: {error}; {state}; rerun the same command to resume")
