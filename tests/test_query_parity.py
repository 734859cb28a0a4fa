"""The same answer from every store, byte for byte (issue J.1).

Every library query runs on the bundled corpus in rdflib's memory store and
in an in-memory Oxigraph store, with parameters taken from the corpus, and
each output format must come out identical: the same rows, in the same
order, with numbers written the same way.
"""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from hankeverkko.graph.sparql.library import QUERY_DIR, load_library, run_library_query
from hankeverkko.graph.sparql.query import format_result
from hankeverkko.graph.sparql.store import MemoryStore, open_store
from hankeverkko.ontology import HV, ID

QUERY_NAMES = sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
FORMATS = ("table", "csv", "tsv", "json")


def test_the_matrix_cannot_shrink_silently():
    assert len(QUERY_NAMES) >= 10, f"only {len(QUERY_NAMES)} library queries in {QUERY_DIR}"
    assert set(QUERY_NAMES) == set(load_library())


@pytest.fixture(scope="module")
def corpus_stores(corpus_graph):
    ox = open_store("oxigraph:")
    ox.load(corpus_graph)
    return MemoryStore(corpus_graph), ox


@pytest.fixture(scope="module")
def corpus_params(corpus_stores):
    """Valid parameters for every parametrised query, read from the corpus itself."""
    memory, _ = corpus_stores
    themes = list(dict.fromkeys(r["theme"] for r in run_library_query(memory, "themes").dicts()))
    pairs = run_library_query(memory, "co_implementers").dicts()
    orgs = list(dict.fromkeys(r["organisationA"] for r in pairs))[:6]
    projects = [r["project"] for r in run_library_query(memory, "theme_projects", {"theme": themes[0]}).dicts()][:3]
    return {
        "theme_projects": [{"theme": t} for t in themes],
        "organisation_portfolio": [{"organisation": o} for o in orgs],
        "multi_theme_organisations": [{"min_themes": str(n)} for n in (1, 2, 3)],
        "provenance": [{"entity": e} for e in orgs[:3] + projects + themes[:2]],
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_memory_and_oxigraph_write_the_same_bytes(name, corpus_stores, corpus_params):
    memory, ox = corpus_stores
    declared = load_library()[name].params
    cases = corpus_params.get(name, [{}])
    assert bool(declared) == (name in corpus_params), f"give {name} parameters from the corpus"
    answered = 0
    for params in cases:
        a = run_library_query(memory, name, params)
        b = run_library_query(ox, name, params)
        answered += bool(a.rows)
        for fmt in FORMATS:
            assert format_result(a, fmt) == format_result(b, fmt), f"{name} {params} --format {fmt}"
        assert format_result(a, "table", width=80, group=load_library()[name].group) == \
            format_result(b, "table", width=80, group=load_library()[name].group), name
    if name != "both_periods":          # the corpus has no implementers for 2014-2020 (see test_explain)
        assert answered, f"{name} answers nothing on the corpus for {cases}"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_orders_by_every_projected_variable(name):
    """A total order: ties broken down to the last column, so no store picks its own order."""
    text = load_library()[name].text
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    projected = re.findall(r"\?(\w+)", body[body.index("SELECT"): body.index("WHERE")])
    order = body[body.rindex("ORDER BY"):]
    missing = [v for v in projected if not re.search(rf"\?{v}\b", order)]
    assert not missing, f"{name}: ORDER BY lacks {missing}"
    # a label compared as a term sorts by language tag on one store and by text on the other
    assert not re.search(r"(?<![(\w])\?\w*[Ll]abel\w*\b", order.replace("STR(?", "(?")), \
        f"{name}: order labels by STR(?label)"


def test_numbers_are_written_one_way():
    g = Graph()
    t = ID["theme/x"]
    g.add((t, RDFS.label, Literal("x")))
    for p, v in ((HV.fundingFrame, "4000000.0"), (HV.fundingPaid, "1055410.40"), (HV.fundingReserved, "007")):
        g.add((t, p, Literal(v, datatype=XSD.decimal if "." in v else XSD.integer, normalize=False)))
    ox = open_store("oxigraph:")
    ox.load(g)
    q = "SELECT ?frame ?paid ?n WHERE { ?t hv:fundingFrame ?frame ; hv:fundingPaid ?paid ; hv:fundingReserved ?n }"
    a, b = MemoryStore(g).select(q), ox.select(q)
    for fmt in FORMATS:
        assert format_result(a, fmt) == format_result(b, fmt), fmt
    assert format_result(a, "csv").splitlines()[1] == "4000000.0,1055410.4,7"
    assert format_result(a, "tsv").splitlines()[1] == "4000000.0\t1055410.4\t7"
    assert '"value": "1055410.4"' in format_result(b, "json")


def test_labels_in_several_languages_come_in_the_same_order(tiny_graph):
    """rdflib orders "Åbo"@sv apart from the @fi labels; STR() in ORDER BY puts them in one order."""
    g = Graph()
    g += tiny_graph
    g.set((ID["organisation/beta-ry"], RDFS.label, Literal("Ab Beta", lang="sv")))
    ox = open_store("oxigraph:")
    ox.load(g)
    for name in ("co_implementers", "both_periods", "multi_theme_organisations"):
        params = {"min_themes": "1"} if name == "multi_theme_organisations" else {}
        a = run_library_query(MemoryStore(g), name, params)
        b = run_library_query(ox, name, params)
        assert format_result(a, "json") == format_result(b, "json"), name


def test_the_tiny_graph_too(tiny_graph):
    ox = open_store("oxigraph:")
    ox.load(tiny_graph)
    r = run_library_query(MemoryStore(tiny_graph), "theme_projects", {"theme": URIRef(ID["theme/teema-kaksi"])})
    s = run_library_query(ox, "theme_projects", {"theme": URIRef(ID["theme/teema-kaksi"])})
    assert format_result(r, "tsv") == format_result(s, "tsv")
    assert "120000.5\t" in format_result(r, "tsv")
