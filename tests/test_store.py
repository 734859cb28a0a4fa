"""The store contract, run against every embedded store; endpoint HTTP details."""
from __future__ import annotations

import base64
import re
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS, XSD

from hankeverkko.graph.errors import QueryError, StoreError
from hankeverkko.graph.rdf.named_graphs import SHARED_GRAPH, partition_by_source
from hankeverkko.graph.sparql.store import load_into_store, open_store
from hankeverkko.graph.sparql.stores.endpoint import EndpointStore, bind_values, sparql_term
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.ontology import HV, ID
from hankeverkko.graph.rdf.iris import source_iri

STORES = ["memory", "oxigraph"]


def make_store(kind: str, graph: Graph):
    if kind == "memory":
        return MemoryStore(graph)
    store = OxigraphStore()
    store.load(graph)
    return store


@pytest.fixture(params=STORES)
def tiny_store(request, tiny_graph):
    return make_store(request.param, tiny_graph)


@pytest.fixture(params=STORES)
def kind(request):
    return request.param


def test_there_are_two_embedded_stores():
    assert len(STORES) >= 2


# ------------------------------------------------------------------ contract

def test_select_returns_rdflib_terms_of_every_kind(kind):
    g = Graph()
    s = URIRef("http://x/s")
    g.add((s, RDFS.label, Literal("nimi", lang="fi")))
    g.add((s, HV.code, Literal("S1")))
    g.add((s, HV.costEstimate, Literal("12.50", datatype=XSD.decimal)))
    g.add((s, HV.startDate, Literal("2024-01-01", datatype=XSD.date)))
    store = make_store(kind, g)
    r = store.select("SELECT ?label ?code ?date ?missing WHERE { ?s rdfs:label ?label ; hv:code ?code ; "
                     "hv:startDate ?date . OPTIONAL { ?s hv:endDate ?missing } }")
    assert r.vars == ["label", "code", "date", "missing"]
    assert r.rows == [(Literal("nimi", lang="fi"), Literal("S1"), Literal("2024-01-01", datatype=XSD.date), None)]
    (cost,), = store.select("SELECT ?c WHERE { ?s hv:costEstimate ?c }").rows
    assert cost.datatype == XSD.decimal and cost.toPython() == pytest.approx(12.5)


def test_bound_iri_restricts_the_answer(tiny_store):
    q = "SELECT ?project ?theme WHERE { ?project hv:theme ?theme }"
    r = tiny_store.select(q, {"theme": ID["theme/teema-kaksi"]})
    assert sorted(str(p) for p, _ in r.rows) == [str(ID["project/S10003"]), str(ID["project/S10005"])]
    assert {t for _, t in r.rows} == {ID["theme/teema-kaksi"]}


def test_bound_literal_with_quotes_braces_and_newlines_is_a_value_not_query_text(tiny_store):
    evil = Literal('x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #\n"""\r\\')
    r = tiny_store.select("SELECT ?s ?name WHERE { ?s rdfs:label ?name }", {"name": evil})
    assert r.rows == []


def test_a_malformed_query_is_a_query_error(tiny_store):
    with pytest.raises(QueryError, match="not valid"):
        tiny_store.select("SELECT ?s WHERE { ?s ?p ")


def test_only_select_is_supported(tiny_store):
    with pytest.raises(QueryError, match="SELECT"):
        tiny_store.select("ASK { ?s ?p ?o }")


def test_load_and_clear(kind, tiny_graph):
    store = make_store(kind, Graph())
    assert store.load(tiny_graph) == len(tiny_graph)
    assert len(store) == len(tiny_graph)
    store.clear()
    assert len(store) == 0


# ------------------------------------------------------------------ opening

def test_open_store_by_name(tmp_path, tiny_graph):
    f = tmp_path / "g.ttl"
    tiny_graph.serialize(f, format="turtle")
    assert isinstance(open_store(tiny_graph), MemoryStore)
    assert len(open_store(f"memory:{f}").select("SELECT ?s WHERE { ?s a hv:Project }").rows) == 7
    assert isinstance(open_store("oxigraph:"), OxigraphStore)
    assert isinstance(open_store("endpoint:http://localhost:1/query"), EndpointStore)
    with pytest.raises(StoreError, match="unknown store"):
        open_store("sqlite:x.db")


def test_a_missing_oxigraph_directory_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no Oxigraph store here.*build --store"):
        open_store(f"oxigraph:{tmp_path / 'nope'}")


def test_load_into_store_replaces_and_uses_one_named_graph_per_source(tmp_path, tiny_graph):
    spec = f"oxigraph:{tmp_path / 'store'}"
    assert load_into_store(spec, tiny_graph) == (len(tiny_graph), 3)
    assert load_into_store(spec, tiny_graph) == (len(tiny_graph), 3)  # rerun: replaced, not doubled
    with OxigraphStore(tmp_path / "store", create=False) as store:
        assert len(store) == len(tiny_graph)
        assert store.named_graphs() == sorted([source_iri("tiny_review.txt"), source_iri("tiny_tl5.txt"),
                                               SHARED_GRAPH])


def test_load_into_store_refuses_other_stores(tiny_graph):
    with pytest.raises(StoreError, match="push"):
        load_into_store("endpoint:http://localhost/query", tiny_graph)


# ------------------------------------------------------------------ named graphs

def test_partition_puts_every_triple_in_exactly_one_graph(tiny_graph):
    parts = partition_by_source(tiny_graph)
    merged = [t for triples in parts.values() for t in triples]
    assert len(merged) == len(set(merged)) == len(tiny_graph)
    assert list(parts)[-1] == SHARED_GRAPH


def test_partition_rule(tiny_graph):
    parts = {k: {t[0] for t in v} for k, v in partition_by_source(tiny_graph).items()}
    review, tl5 = source_iri("tiny_review.txt"), source_iri("tiny_tl5.txt")
    assert ID["project/S10003"] in parts[review]           # one source
    assert ID["project/S20001"] in parts[tl5]
    assert ID["organisation/alfa-oy"] in parts[SHARED_GRAPH]  # named in both sources
    assert review in parts[SHARED_GRAPH]                      # a source document has no source
    assert ID["mention/alfa-oy/tiny-tl5-txt/11/alfa-oy"] in parts[tl5]


# ------------------------------------------------------------------ binding for endpoints

def test_sparql_term_quotes_literals_and_refuses_broken_iris():
    assert sparql_term(URIRef("http://x/a")) == "<http://x/a>"
    assert sparql_term(Literal("a\nb", lang="fi")).endswith("@fi")
    for bad in ("http://x/a> } DROP ALL {", "http://x/a b", 'http://x/"'):
        with pytest.raises(QueryError, match="not allowed"):
            sparql_term(URIRef(bad))
    with pytest.raises(QueryError, match="only IRIs and literals"):
        sparql_term(BNode())


def test_bind_values_skips_braces_in_comments_strings_and_iris():
    q = ('PREFIX ex: <http://x/a#>\n# a { comment\nSELECT ?s WHERE { ?s ex:p "{" . }')
    out = bind_values(q, {"s": URIRef("http://x/s")})
    assert out.endswith('SELECT ?s WHERE { VALUES (?s) { (<http://x/s>) } ?s ex:p "{" . }')


def test_bind_values_needs_a_group():
    with pytest.raises(QueryError, match="no \\{"):
        bind_values("SELECT ?s", {"s": URIRef("http://x/s")})


def test_values_binding_gives_the_same_answer_as_initbindings(tiny_graph):
    store = MemoryStore(tiny_graph)
    q = ("SELECT ?org ?n ?min WHERE { { SELECT ?org (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p hv:implementer ?org } "
         "GROUP BY ?org } FILTER(?n >= ?min) }")
    b = {"min": Literal(2)}
    assert sorted(store.select(q, b).rows) == sorted(store.select(bind_values(q, b)).rows)
    assert len(store.select(q, b).rows) == 2


# ------------------------------------------------------------------ endpoint over HTTP

class _FakeEndpoint(BaseHTTPRequestHandler):
    seen: list = []
    status = 200

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        _FakeEndpoint.seen.append((dict(self.headers), body, self.path))
        doc = {"head": {"vars": ["s", "label", "n", "b", "none"]}, "results": {"bindings": [{
            "s": {"type": "uri", "value": "http://x/s"},
            "label": {"type": "literal", "value": "nimi", "xml:lang": "fi"},
            "n": {"type": "literal", "value": "3", "datatype": str(XSD.integer)},
            "b": {"type": "bnode", "value": "b0"}}]}}
        data = json.dumps(doc).encode() if self.status == 200 else b"no such thing\nmore"
        self.send_response(self.status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_endpoint():
    server = HTTPServer(("127.0.0.1", 0), _FakeEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeEndpoint.seen = []
    _FakeEndpoint.status = 200
    yield f"http://127.0.0.1:{server.server_port}/query?union-default-graph"
    server.shutdown()
    server.server_close()


def test_endpoint_store_binds_values_sends_credentials_from_the_environment_and_parses_terms(
        fake_endpoint, monkeypatch):
    monkeypatch.setenv("HANKEVERKKO_SPARQL_USER", "tutkija")
    monkeypatch.setenv("HANKEVERKKO_SPARQL_PASSWORD", "salainen")
    r = EndpointStore(fake_endpoint, timeout=5).select("SELECT ?s WHERE { ?s rdfs:label ?label }",
                                                       {"label": Literal('a"b', lang="fi")})
    assert r.rows == [(URIRef("http://x/s"), Literal("nimi", lang="fi"), Literal(3), BNode("b0"), None)]
    headers, body, path = _FakeEndpoint.seen[0]
    assert path == "/query?union-default-graph"
    assert headers["Content-Type"] == "application/sparql-query"
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"tutkija:salainen").decode()
    assert 'VALUES (?label) { ("a\\"b"@fi) }' in body
    assert "PREFIX hv: <https://w3id.org/hankeverkko/ontology#>" in body


def test_endpoint_without_credentials_sends_no_authorization(fake_endpoint, monkeypatch):
    monkeypatch.delenv("HANKEVERKKO_SPARQL_USER", raising=False)
    monkeypatch.delenv("HANKEVERKKO_SPARQL_PASSWORD", raising=False)
    EndpointStore(fake_endpoint, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }")
    assert "Authorization" not in _FakeEndpoint.seen[0][0]


def test_half_set_credentials_are_an_error(fake_endpoint, monkeypatch):
    monkeypatch.setenv("HANKEVERKKO_SPARQL_USER", "tutkija")
    monkeypatch.delenv("HANKEVERKKO_SPARQL_PASSWORD", raising=False)
    with pytest.raises(StoreError, match="HANKEVERKKO_SPARQL_PASSWORD"):
        EndpointStore(fake_endpoint, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }")


def test_endpoint_http_errors_name_the_url_and_the_server_message(fake_endpoint):
    _FakeEndpoint.status = 400
    with pytest.raises(QueryError, match="rejected the query: no such thing"):
        EndpointStore(fake_endpoint, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }")
    _FakeEndpoint.status = 401
    with pytest.raises(StoreError, match="HTTP 401.*HANKEVERKKO_SPARQL_USER"):
        EndpointStore(fake_endpoint, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }")


def test_an_unreachable_endpoint_is_a_store_error():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound but not listening: connection refused
        with pytest.raises(StoreError, match=f"cannot reach the SPARQL endpoint http://127.0.0.1:{port}/query"):
            EndpointStore(f"http://127.0.0.1:{port}/query", timeout=2).select("SELECT * WHERE { ?s ?p ?o }")


def test_an_endpoint_url_must_be_http():
    with pytest.raises(StoreError, match="http://"):
        EndpointStore("ftp://x/query")


# ------------------------------------------------------------------ build --store

def test_build_store_loads_the_bundled_corpus_into_oxigraph(tmp_path):
    from click.testing import CliRunner

    from conftest import SOURCES
    from hankeverkko.graph.cli import main

    store = f"oxigraph:{tmp_path / 'store'}"
    r = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "out"), "--store", store])
    assert r.exit_code == 0, r.output
    assert re.search(r"Store: \d+ triples in \d+ named graphs", r.output)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    with OxigraphStore(tmp_path / "store", create=False) as ox:
        assert len(ox) == len(graph)
    r = CliRunner().invoke(main, ["query", "sources", "--store", store, "--format", "csv"])
    assert r.exit_code == 0, r.output
    sources = [p for p in SOURCES.iterdir() if p.suffix == ".txt"]
    assert len(r.output.strip().splitlines()) == 1 + len(sources)


def test_build_store_takes_only_an_oxigraph_directory(tmp_path):
    from click.testing import CliRunner

    from hankeverkko.graph.cli import main

    r = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--store", "endpoint:http://x/query"])
    assert r.exit_code == 2 and "oxigraph:DIR" in r.output and "push" in r.output
