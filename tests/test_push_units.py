"""Push without a real server: retries against a tiny fake HTTP server, resume and prune against a fake Graph Store."""
from __future__ import annotations

import http.server
import socket
import threading
import time
import urllib.parse

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from hankeverkko.graph.errors import PushError, StoreError
from hankeverkko.graph.rdf.named_graphs import partition_by_source
from hankeverkko.graph.sparql.push import push_graph
from hankeverkko.graph.sparql.push_state import MANIFEST, build_id
from hankeverkko.graph.sparql.retry import request_with_retry


class _Fake(http.server.BaseHTTPRequestHandler):
    """Fails the first ``server.failures`` requests (``server.how``), then acts as a Graph Store."""

    def log_message(self, *args):
        pass

    def _handle(self):
        srv = self.server
        srv.seen.append(self.command)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if srv.failures > 0 or (srv.fail_on and srv.fail_on(self.command, self.path)):
            srv.failures -= 1
            if srv.how == "reset":
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if srv.how == "slow":
                time.sleep(0.5)
            self.send_error(srv.status)
            return
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("graph", [""])[0]
        if self.command == "GET":
            if graph not in srv.graphs:
                self.send_error(404)
                return
            data = b"".join(sorted(srv.graphs[graph]))
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.command == "PUT":
            srv.graphs[graph] = set(body.splitlines(keepends=True))
        elif self.command == "POST":
            srv.graphs.setdefault(graph, set()).update(body.splitlines(keepends=True))
        elif self.command == "DELETE":
            if srv.graphs.pop(graph, None) is None:
                self.send_error(404)
                return
        self.send_response(204)
        self.end_headers()

    do_GET = do_PUT = do_POST = do_DELETE = _handle


@pytest.fixture()
def fake():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Fake)
    srv.failures, srv.how, srv.status, srv.fail_on, srv.seen, srv.graphs = 0, "status", 503, None, [], {}
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    srv.url = f"http://127.0.0.1:{srv.server_address[1]}/store"
    yield srv
    srv.shutdown()
    srv.server_close()


def _request(url, sleeps, **kw):
    return request_with_retry(url, "PUT", b"", {"Content-Type": "application/n-triples"}, 0.3,
                              "the fake", sleep=sleeps.append, **kw)


@pytest.mark.parametrize("how,status", [("status", 503), ("status", 500), ("reset", 0), ("slow", 503)])
def test_transient_failures_are_retried_with_back_off(fake, how, status):
    fake.failures, fake.how, fake.status, sleeps = 2, how, status, []
    _request(fake.url + "?graph=x", sleeps)
    assert sleeps == [0.5, 1.0] and len(fake.seen) == 3


def test_retries_are_bounded(fake):
    fake.failures, sleeps = 10, []
    with pytest.raises(StoreError, match=r"HTTP 503.*after 4 tries"):
        _request(fake.url + "?graph=x", sleeps)
    assert sleeps == [0.5, 1.0, 2.0] and len(fake.seen) == 4


@pytest.mark.parametrize("status", [400, 401, 404, 415])
def test_client_errors_are_never_retried(fake, status):
    fake.failures, fake.status, sleeps = 10, status, []
    with pytest.raises(StoreError):
        _request(fake.url + "?graph=x", sleeps)
    assert sleeps == [] and len(fake.seen) == 1


def test_connection_refused_is_retried():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleeps = []
    with pytest.raises(StoreError, match="cannot reach"):
        _request(f"http://127.0.0.1:{port}/store", sleeps, retries=2)
    assert sleeps == [0.5, 1.0]


def _no_sleep(_):
    pass


def _manifest_graphs(fake) -> set:
    return {line.split(b" ")[0].decode().strip("<>") for line in fake.graphs.get(str(MANIFEST), ())
            if line.split(b" ")[1] == b"<http://purl.org/dc/terms/isPartOf>"}


def test_a_failed_push_says_how_far_it_got_and_a_rerun_resumes(fake, tiny_graph):
    names = list(partition_by_source(tiny_graph))
    # the second graph fails on its second batch, with a 4xx (no retry)
    second = urllib.parse.quote(str(names[1]), safe="")
    fake.status = 400
    fake.fail_on = lambda method, path: method == "POST" and second in path
    with pytest.raises(PushError) as info:
        push_graph(tiny_graph, fake.url, batch_size=20, sleep=_no_sleep)
    message = str(info.value)
    assert message.startswith(f"pushed 1 of 3 graphs, {len(partition_by_source(tiny_graph)[names[0]]):,} triples; "
                              f"graph {names[1]} failed after 20 of its ")
    assert "HTTP 400" in message and message.endswith("rerun the same command to resume")
    assert _manifest_graphs(fake) == {str(names[0])}  # the half graph is not recorded as complete
    fake.fail_on = None
    summary = push_graph(tiny_graph, fake.url, batch_size=20, sleep=_no_sleep)
    assert (summary.skipped, summary.graphs) == (1, 2)
    assert _manifest_graphs(fake) == {str(n) for n in names}
    for name, part in partition_by_source(tiny_graph).items():
        assert len(fake.graphs[str(name)]) == len(part)


def test_prune_removes_only_graphs_the_manifest_lists(fake, tiny_graph):
    push_graph(tiny_graph, fake.url, sleep=_no_sleep)
    fake.graphs["http://example.org/not-ours"] = {b"<http://x> <http://y> <http://z> .\n"}
    names = list(partition_by_source(tiny_graph))
    smaller = Graph()
    for t in tiny_graph:
        if t[0] != names[0] and (t[0], None, names[0]) not in tiny_graph:
            smaller.add(t)
    kept = set(partition_by_source(smaller))
    gone = sorted(set(names) - kept)
    assert gone
    report = push_graph(smaller, fake.url, sleep=_no_sleep)
    assert report.stale == gone and not report.pruned and "--prune removes them" in report.text()
    report = push_graph(smaller, fake.url, prune=True, sleep=_no_sleep)
    assert report.pruned == gone and f"pruned {len(gone)} graphs" in report.text()
    assert not any(str(g) in fake.graphs for g in gone)
    assert "http://example.org/not-ours" in fake.graphs
    assert _manifest_graphs(fake) == {str(g) for g in kept}


def test_the_build_id_is_the_content():
    a, b = Graph(), Graph()
    for i in range(5):
        a.add((URIRef(f"http://x/{i}"), RDFS.label, Literal(f"n{i}")))
    for t in reversed(sorted(a)):
        b.add(t)
    assert build_id(a) == build_id(b)
    b.add((URIRef("http://x/9"), RDFS.label, Literal("n9")))
    assert build_id(a) != build_id(b)
