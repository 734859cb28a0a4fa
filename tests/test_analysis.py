"""Network analysis on small hand-made graphs with known answers, and on the tiny graph."""
from __future__ import annotations

import networkx as nx
import pytest

from hankeverkko.graph.network import analysis, views
from hankeverkko.graph.network.vocabulary import NetworkViewError
from hankeverkko.ontology import ID

ALFA, BETA = str(ID["organisation/alfa-oy"]), str(ID["organisation/beta-ry"])


@pytest.fixture
def two_triangles():
    """a-b-c and d-e-f joined by the bridge c-d; edges carry the themes of their projects."""
    G = nx.Graph()
    for u, v in [("a", "b"), ("b", "c"), ("a", "c")]:
        G.add_edge(u, v, weight=1, themes=["T1"])
    for u, v in [("d", "e"), ("e", "f"), ("d", "f")]:
        G.add_edge(u, v, weight=1, themes=["T2"])
    G.add_edge("c", "d", weight=1, themes=["T2"])
    for n in G:
        G.nodes[n]["label"] = n.upper()
        G.nodes[n]["themes"] = ["T1"] if n in "abc" else ["T2"]
    return G


def test_star_centre_has_all_the_degree_betweenness_and_most_pagerank():
    m = analysis.centrality(nx.star_graph(4))
    assert m[0]["degree"] == 4 and m[0]["betweenness"] == pytest.approx(1.0)
    assert all(m[i]["degree"] == 1 and m[i]["betweenness"] == 0 for i in range(1, 5))
    assert m[0]["pagerank"] > m[1]["pagerank"]
    assert sum(v["pagerank"] for v in m.values()) == pytest.approx(1.0)


def test_path_betweenness_is_known():
    m = analysis.centrality(nx.path_graph(5))
    assert [m[n]["betweenness"] for n in range(5)] == pytest.approx([0, 3 / 6, 4 / 6, 3 / 6, 0])


def test_weighted_degree_sums_shared_projects():
    G = nx.Graph([("a", "b", {"weight": 3}), ("a", "c", {"weight": 2})])
    m = analysis.centrality(G)
    assert (m["a"]["degree"], m["a"]["weighted_degree"]) == (2, 5)


def test_bridge_ends_have_the_betweenness(two_triangles):
    m = analysis.centrality(two_triangles)
    # c lies on the 6 shortest paths {a, b} x {d, e, f}, plus c-d paths to e, f ... normalised by 10 pairs
    assert m["c"]["betweenness"] == pytest.approx(0.6) and m["d"]["betweenness"] == pytest.approx(0.6)
    assert m["a"]["betweenness"] == 0


def test_brokers_span_themes_and_rank_by_betweenness(two_triangles):
    found = analysis.brokers(two_triangles)
    assert [(b.node, b.themes) for b in found] == [("c", ("T1", "T2"))]
    two_triangles.edges["c", "d"]["themes"] = ["T3"]
    found = analysis.brokers(two_triangles)
    assert [b.node for b in found] == ["c", "d"]                  # tie in betweenness: by label
    assert found[1].themes == ("T2", "T3") and found[0].partners == 3
    assert analysis.brokers(two_triangles, min_themes=3) == []


def test_a_pair_that_only_works_together_is_not_a_broker():
    G = nx.Graph([("a", "b", {"themes": ["T1", "T2", "T3"]})])
    assert analysis.brokers(G) == []


def test_louvain_finds_the_two_triangles_with_known_modularity(two_triangles):
    result = analysis.clusters(two_triangles, seed=42)
    assert [set(c.members) for c in result.clusters] == [{"a", "b", "c"}, {"d", "e", "f"}]
    # m = 7; each triangle: 3 inner edges, degree sum 7 -> 2 * (3/7 - (7/14)^2) = 5/14
    assert result.modularity == pytest.approx(5 / 14)
    first = result.clusters[0]
    assert first.index == 1 and first.leading[0] == "C" and first.themes == (("T1", 3),)
    assert result.membership()["e"] == 2


@pytest.mark.parametrize("seed", [0, 1, 7, 123])
def test_clusters_are_a_partition_and_the_same_for_the_same_seed(seed):
    G = nx.connected_caveman_graph(4, 5)
    a, b = analysis.clusters(G, seed=seed), analysis.clusters(G, seed=seed)
    assert a == b
    members = [n for c in a.clusters for n in c.members]
    assert sorted(members) == sorted(G) and len(members) == len(set(members))
    assert [c.size for c in a.clusters] == sorted((c.size for c in a.clusters), reverse=True)


def test_seeded_clusters_on_caveman_graph_are_the_caves():
    G = nx.connected_caveman_graph(4, 5)
    result = analysis.clusters(G, seed=3)
    assert sorted(sorted(c.members) for c in result.clusters) == [list(range(i, i + 5)) for i in range(0, 20, 5)]
    assert result.modularity == pytest.approx(nx.community.modularity(G, [set(range(i, i + 5)) for i in range(0, 20, 5)]))


def test_clusters_of_a_graph_without_edges():
    G = nx.Graph()
    G.add_nodes_from("xyz")
    result = analysis.clusters(G, seed=0)
    assert result.modularity == 0.0 and [c.size for c in result.clusters] == [1, 1, 1]
    assert analysis.clusters(nx.Graph()).clusters == ()


def test_ego_network_by_label_alt_label_or_iri():
    G = nx.Graph([("id:a", "id:b"), ("id:b", "id:c"), ("id:c", "id:d")])
    nx.set_node_attributes(G, {"id:a": "Alfa Oy", "id:b": "Beta ry", "id:c": "Gamma sr", "id:d": "Delta"}, "label")
    G.nodes["id:b"]["alt_labels"] = ["Beta-yhdistys"]
    for name in ("Beta ry", "beta-yhdistys", "id:b", "BETA"):
        E = analysis.ego_network(G, name)
        assert sorted(E) == ["id:a", "id:b", "id:c"] and E.graph["centre"] == "id:b"
    assert sorted(analysis.ego_network(G, "Beta ry", radius=2)) == ["id:a", "id:b", "id:c", "id:d"]
    with pytest.raises(NetworkViewError, match="no organisation matches 'Omega'"):
        analysis.ego_network(G, "Omega")
    with pytest.raises(NetworkViewError, match="'ta' matches 2 organisations \\('Beta ry', 'Delta'\\)"):
        analysis.find_organisation(G, "ta")


def test_continuity_of_two_graphs():
    old = nx.Graph([("a", "b"), ("b", "c")])
    new = nx.Graph([("b", "a"), ("c", "d")])
    c = analysis.continuity(old, new, ("2014-2020", "2021-2027"))
    assert c.organisations == ("a", "b", "c") and c.pairs == (("a", "b"),)
    assert c.only_first == () and c.only_second == ("d",)
    assert c.retention == pytest.approx(3 / 4)
    assert "Partnerships in both periods: 1" in c.text()


def test_period_continuity_on_the_tiny_graph(tiny_graph):
    c = analysis.period_continuity(tiny_graph)
    assert c.periods == ("2014-2020", "2021-2027")
    assert c.organisations == (ALFA, BETA) and c.pairs == ((ALFA, BETA),)
    assert "Alfa Oy — Beta ry" in c.text()


def test_summary_annotates_a_copy_and_prints_the_sections(tiny_graph):
    G = views.co_implementation_graph(tiny_graph)
    s = analysis.summarise(G, seed=0, top=3)
    assert "cluster" not in G.nodes[ALFA]                          # the input is untouched
    assert s.graph.nodes[ALFA]["cluster"] == s.graph.nodes[BETA]["cluster"] == 1
    assert s.graph.nodes[ALFA]["weighted_degree"] == 3 and s.graph.nodes[ALFA]["broker"] is False
    text = s.text()
    for heading in ("Top organisations", "Clusters (Louvain, seed 0", "Brokers"):
        assert heading in text
    assert "Alfa Oy" in text and "4 organisations, 1 partnership, 5 projects" in text
