"""Integration: a real Oxigraph server, filled over the Graph Store Protocol, queried as an endpoint.

Needs the ``oxigraph`` binary (the PyPI ``oxigraph`` package of the dev
extra, installed by tests/run). These tests fail, never skip, without it.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner
from rdflib import Graph

from hankeverkko.graph.cli import main
from hankeverkko.graph.sparql.push import push_graph
from hankeverkko.graph.sparql.library import QUERY_DIR, run_library_query
from hankeverkko.graph.rdf.dumps import serialise_rdf
from hankeverkko.graph.rdf.named_graphs import SHARED_GRAPH
from hankeverkko.graph.sparql.stores.endpoint import EndpointStore
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.ontology import ID
from hankeverkko.graph.rdf.iris import source_iri

from test_queries import TINY_PARAMS, comparable

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory, request):
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the `oxigraph` server binary is not on PATH: run `bash tests/run`, which installs "
                    "the dev extra (the PyPI `oxigraph` package)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = open(location.parent / "oxigraph.log", "wb")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=log, stderr=subprocess.STDOUT)

    def stop():
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()

    request.addfinalizer(stop)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1) as r:
                if r.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"oxigraph serve did not answer on {base} within 30 s; see {log.name}")
        time.sleep(0.2)
    return base


def _count(endpoint: EndpointStore) -> int:
    """Triples of the knowledge graph (the push manifest under urn:hankeverkko:push: not counted)."""
    return int(endpoint.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                               "FILTER(!STRSTARTS(STR(?g), 'urn:hankeverkko:push:')) }").rows[0][0])


def _graphs(endpoint: EndpointStore) -> set:
    return {r[0] for r in endpoint.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
            if not str(r[0]).startswith("urn:hankeverkko:push:")}


def test_push_query_and_push_again_without_duplicates(oxigraph_server, tiny_graph):
    endpoint = EndpointStore(f"{oxigraph_server}/query", timeout=30)
    summary = push_graph(tiny_graph, f"{oxigraph_server}/store", batch_size=40, timeout=30)
    assert summary.triples == len(tiny_graph) and summary.graphs == 3
    assert summary.requests > summary.graphs  # batches: PUT then POST
    assert _count(endpoint) == len(tiny_graph)
    assert _graphs(endpoint) == {source_iri("tiny_review.txt"), source_iri("tiny_tl5.txt"), SHARED_GRAPH}

    again = push_graph(tiny_graph, f"{oxigraph_server}/store", batch_size=1000, timeout=30)
    assert (again.graphs, again.skipped) == (0, 3)  # the same build: nothing to send
    push_graph(tiny_graph, f"{oxigraph_server}/store", batch_size=1000, timeout=30, force=True)
    assert _count(endpoint) == len(tiny_graph)  # replaced, not duplicated


def test_the_endpoint_answers_the_whole_library_like_memory(oxigraph_server, tiny_graph):
    push_graph(tiny_graph, f"{oxigraph_server}/store", timeout=30)
    endpoint = EndpointStore(f"{oxigraph_server}/query", timeout=30)
    memory = MemoryStore(tiny_graph)
    files = sorted(QUERY_DIR.glob("*.rq"))
    assert len(files) >= 9
    for path in files:
        params = TINY_PARAMS.get(path.stem, {})
        a, b = run_library_query(memory, path.stem, params), run_library_query(endpoint, path.stem, params)
        assert a.vars == b.vars and a.rows, path.stem
        assert comparable(a) == comparable(b), path.stem


def test_cli_push_and_query_endpoint(oxigraph_server, tiny_graph, tmp_path):
    src = tmp_path / "graph.ttl"
    src.write_bytes(serialise_rdf(tiny_graph, "ttl"))
    for force in (["--force"], []):
        r = CliRunner().invoke(main, ["push", str(src), "--gsp", f"{oxigraph_server}/store", *force])
        assert r.exit_code == 0, r.output
    assert "pushed 0 triples in 0 named graphs" in r.output and "3 graphs were already there" in r.output
    r = CliRunner().invoke(main, ["query", "theme_projects", "-p", "theme=teema kaksi",
                                  "--endpoint", f"{oxigraph_server}/query", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert len(r.output.strip().splitlines()) == 1 + 3
    assert _count(EndpointStore(f"{oxigraph_server}/query")) == len(Graph().parse(src))


def test_push_to_an_unreachable_server_is_one_clear_line(tmp_path, tiny_graph):
    src = tmp_path / "graph.ttl"
    src.write_bytes(serialise_rdf(tiny_graph, "ttl"))
    port = _free_port()
    r = CliRunner().invoke(main, ["push", str(src), "--gsp", f"http://127.0.0.1:{port}/store", "--timeout", "2",
                                  "--retries", "0"])
    assert r.exit_code == 1
    assert f"cannot reach the Graph Store endpoint http://127.0.0.1:{port}/store" in r.output
    assert "Traceback" not in r.output
