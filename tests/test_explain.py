"""Empty answers explain themselves (issue J.2): stderr says what the graph lacks."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, RDF, RDFS

from hankeverkko.graph.cli import main
from hankeverkko.graph.sparql.explain import EXPLAINERS, explain_empty
from hankeverkko.graph.sparql.library import bind_params, get_query, load_library, run_library_query
from hankeverkko.graph.sparql.store import MemoryStore, open_store
from hankeverkko.ontology import HV, ID

EMPTY_PARAMS = {"theme_projects": {"theme": ID["theme/x"]}, "multi_theme_organisations": {"min_themes": "2"},
                "organisation_portfolio": {"organisation": ID["organisation/x"]}, "provenance": {"entity": ID["x"]}}


def _stores(graph):
    ox = open_store("oxigraph:")
    ox.load(graph)
    return {"memory": MemoryStore(graph), "oxigraph": ox}


def test_every_library_query_has_an_explainer():
    assert len(EXPLAINERS) >= 10 and set(EXPLAINERS) == set(load_library())


@pytest.mark.parametrize("name", sorted(load_library()))
def test_on_an_empty_graph_every_query_says_why_in_one_line_on_every_store(name):
    said = set()
    for store in _stores(Graph()).values():
        q = get_query(name)
        bound = bind_params(store, q, EMPTY_PARAMS.get(name, {}))
        assert run_library_query(store, q, bound).rows == []
        text = explain_empty(store, name, bound)
        assert text and "\n" not in text
        said.add(text)
    assert len(said) == 1, said


def _without_old_participants(tiny_graph):
    g = Graph()
    g += tiny_graph
    old = ID["project/S20001"]
    for part in list(g.subjects(HV.participationIn, old)):
        g.remove((part, None, None))
    g.remove((old, HV.implementer, None))
    return g


def test_both_periods_names_the_period_without_organisations(tiny_graph):
    for store in _stores(_without_old_participants(tiny_graph)).values():
        assert run_library_query(store, "both_periods").rows == []
        assert explain_empty(store, "both_periods", {}) == (
            "organisations take part only in 2021-2027 projects "
            "(0 of 1 projects of 2014-2020 have participating organisations)")


def test_a_theme_without_projects_says_so(tiny_graph):
    g = Graph()
    g += tiny_graph
    g.add((ID["theme/teema-kolme"], RDF.type, HV.Theme))
    g.add((ID["theme/teema-kolme"], RDFS.label, Literal("Teema Kolme", lang="fi")))
    for store in _stores(g).values():
        b = bind_params(store, get_query("theme_projects"), {"theme": "Teema Kolme"})
        assert run_library_query(store, "theme_projects", b).rows == []
        assert explain_empty(store, "theme_projects", b) == (
            "the theme Teema Kolme has no projects; 3 of 4 themes have projects "
            "(`hankeverkko query themes` lists them)")


def test_too_many_themes_gives_the_most(tiny_graph):
    for store in _stores(tiny_graph).values():
        assert explain_empty(store, "multi_theme_organisations", {"min_themes": Literal(9)}) == \
            "no organisation takes part in projects of 9 or more themes; the most is 3 (Alfa Oy)"


def test_the_cli_prints_the_reason_on_stderr_and_exits_0(tiny_graph, tmp_path):
    f = tmp_path / "g.ttl"
    _without_old_participants(tiny_graph).serialize(f, format="turtle")
    r = CliRunner().invoke(main, ["query", "both_periods", "--graph", str(f), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout == "organisation,organisationLabel,projects_2014_2020,projects_2021_2027,projects\n"
    assert "no rows: organisations take part only in 2021-2027 projects" in r.stderr
