"""Did you mean: a parameter naming nothing, or several things, lists the closest (issue J.3)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from hankeverkko.graph.cli import main
from hankeverkko.graph.errors import QueryError
from hankeverkko.graph.sparql.library import resolve_iri, run_library_query
from hankeverkko.graph.sparql.store import MemoryStore, open_store
from hankeverkko.graph.sparql.suggest import LIMIT, candidates
from hankeverkko.ontology import HV, ID


def _stores(graph):
    ox = open_store("oxigraph:")
    ox.load(graph)
    return {"memory": MemoryStore(graph), "oxigraph": ox}


@pytest.fixture(scope="module")
def tiny_stores(tiny_graph):
    return _stores(tiny_graph)


@pytest.mark.parametrize("store_name", ["memory", "oxigraph"])
def test_a_misspelt_theme_lists_the_closest_themes_first(tiny_stores, store_name):
    with pytest.raises(QueryError) as e:
        run_library_query(tiny_stores[store_name], "theme_projects", {"theme": "teema yks"})
    first, _, rest = str(e.value).partition("\ndid you mean:\n")
    assert first.startswith("no hv:Theme has the label or code 'teema yks'")
    lines = rest.splitlines()
    assert lines[0] == "  Teema Yksi — hv:Theme, id:theme/teema-yksi"
    assert all("hv:Theme" in line for line in lines)


def test_several_matches_list_them_with_type_and_code(tiny_stores):
    with pytest.raises(QueryError) as e:
        resolve_iri(tiny_stores["memory"], "Yhteinen ryhmä", "hv:Project")
    lines = str(e.value).split("\ndid you mean:\n")[1].splitlines()
    assert lines[:3] == ["  Yhteinen ryhmä — hv:GroupProject, R-00001, id:project/R-00001",
                         "  Yhteinen ryhmä — hv:SubProject, S10002, id:project/S10002",
                         "  Yhteinen ryhmä — hv:SubProject, S10004, id:project/S10004"]


def test_at_most_ten_candidates_ranked_the_same_on_every_store(tiny_graph):
    g = Graph()
    g += tiny_graph
    for i in range(15):
        org = ID[f"organisation/tampere-{i:02d}"]
        g.add((org, RDFS.label, Literal(f"Tampereen yhdistys {i:02d}", lang="fi")))
        g.add((org, HV.businessId, Literal(f"{1000000 + i}-{i % 10}")))
        for cls in (HV.Organisation, HV.Association):
            g.add((org, RDF.type, cls))
    stores = _stores(g)
    found = {name: candidates(s, "Tampere", "hv:Organisation") for name, s in stores.items()}
    assert len(found["memory"]) == LIMIT
    assert [c.line() for c in found["memory"]] == [c.line() for c in found["oxigraph"]]
    assert found["memory"][0].line() == \
        "Tampereen yhdistys 00 — hv:Association, 1000000-0, id:organisation/tampere-00"


def test_cli_did_you_mean_exits_1(tmp_path, tiny_graph):
    f = tmp_path / "g.ttl"
    tiny_graph.serialize(f, format="turtle")
    r = CliRunner().invoke(main, ["query", "organisation_portfolio", "-p", "organisation=alfa", "--graph", str(f)])
    assert r.exit_code == 1
    assert "no hv:Organisation has the label or code 'alfa'" in r.output
    assert "did you mean:\n  Alfa Oy — hv:Company, id:organisation/alfa-oy" in r.output
    assert "Traceback" not in r.output
