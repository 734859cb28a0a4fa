"""Exports: readable back by networkx and the tools' own formats, scalar attributes, atomic writes."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from hankeverkko.graph.network import analysis, export, views


@pytest.fixture
def annotated(tiny_graph):
    return analysis.summarise(views.co_implementation_graph(tiny_graph), seed=0).graph


def test_every_format_is_written_into_the_folder_and_nothing_else(annotated, tmp_path):
    written = export.export_network(annotated, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(f for files in export.EXPORT_FILES.values() for f in files) == sorted(p.name for p in written)
    assert len(export.EXPORT_FORMATS) == 4


@pytest.mark.parametrize("reader, name", [(nx.read_gexf, "network.gexf"), (nx.read_graphml, "network.graphml")])
def test_gephi_files_read_back_with_the_same_counts_and_attributes(annotated, tmp_path, reader, name):
    export.export_network(annotated, tmp_path, ["gexf", "graphml"])
    G = reader(tmp_path / name)
    assert (G.number_of_nodes(), G.number_of_edges()) == (annotated.number_of_nodes(), annotated.number_of_edges())
    alfa = next(n for n in G if "alfa-oy" in n)
    assert G.nodes[alfa]["themes"] == "Teema Kaksi; Teema Yksi; Toimintalinja 5"
    assert G.nodes[alfa]["cluster"] == 1 and G.nodes[alfa]["funding"] == pytest.approx(310000.25)
    (u, v, d), = G.edges(data=True)
    assert float(d["weight"]) == 3


def test_a_larger_graph_round_trips_through_gexf_and_graphml(tmp_path):
    G = nx.les_miserables_graph()
    for n in G:
        G.nodes[n].update(label=n, themes=["a", "b"], funding=None if len(n) % 2 else 1.5, cluster=len(n) % 3)
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        export.export_network(G, tmp_path, [fmt])
        H = reader(tmp_path / export.EXPORT_FILES[fmt][0])
        assert (len(H), H.number_of_edges()) == (77, 254)


def test_attributes_become_scalars_of_one_type():
    G = nx.Graph()
    G.add_node("a", projects=["p1", "p2"], score=1, nested={"k": [1]}, missing=None)
    G.add_node("b", projects=[], score=2.5)
    G.add_edge("a", "b", weight=2, themes={"T2", "T1"})
    H = export.scalar_graph(G)
    assert H.nodes["a"] == {"projects": "p1; p2", "score": 1.0, "nested": '{"k": [1]}'}
    assert H.nodes["b"]["score"] == 2.5 and H.edges["a", "b"]["themes"] == "T1; T2"


def _read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")                      # BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_tables_use_kumu_columns_and_pipes(annotated):
    nodes, edges = export.csv_tables(annotated)
    node_rows, edge_rows = _read_csv(nodes), _read_csv(edges)
    assert list(node_rows[0])[:3] == ["ID", "Label", "Type"] and list(edge_rows[0])[:3] == ["From", "To", "Strength"]
    assert len(node_rows) == 4 and len(edge_rows) == 1
    alfa = next(r for r in node_rows if r["Label"] == "Alfa Oy")
    assert alfa["Themes"] == "Teema Kaksi|Teema Yksi|Toimintalinja 5" and alfa["Cluster"] == "1"
    assert edge_rows[0]["Strength"] == "3" and edge_rows[0]["From"] == alfa["ID"]


def test_csv_cells_that_look_like_formulas_are_neutralised():
    G = nx.Graph()
    G.add_node("x", label="=HYPERLINK(\"http://evil\")", type_label="-1+1")
    G.add_node("y", label="Ok ry")
    G.add_edge("x", "y", weight=1)
    rows = _read_csv(export.csv_tables(G)[0])
    assert rows[0]["Label"] == "'=HYPERLINK(\"http://evil\")" and rows[0]["Type"] == "'-1+1"
    assert rows[1]["Label"] == "Ok ry"


def test_vosviewer_json_has_items_links_and_clusters(annotated, tmp_path):
    export.export_network(annotated, tmp_path, ["vosviewer"])
    doc = json.loads((tmp_path / "network_vosviewer.json").read_text(encoding="utf-8"))
    items, links = doc["network"]["items"], doc["network"]["links"]
    assert len(items) == 4 and len(links) == 1
    ids = {i["id"] for i in items}
    assert all(isinstance(i["id"], int) and 1 <= i["cluster"] <= 1000 for i in items)
    assert {links[0]["source_id"], links[0]["target_id"]} <= ids and links[0]["strength"] == 3.0
    alfa = next(i for i in items if i["label"] == "Alfa Oy")
    assert alfa["weights"] == {"Partners": 1, "Shared projects": 3, "Projects": 3}
    assert set(alfa["scores"]) == {"Betweenness", "PageRank"}
    assert doc["network"]["clusters"][0] == {"cluster": 1, "label": "1: Alfa Oy"}


def test_vosviewer_descriptions_are_escaped():
    G = nx.Graph()
    G.add_node("x", label="<b>x</b>", themes=["<img src=y onerror=alert(1)>"])
    item = export.vosviewer_json(G)["network"]["items"][0]
    assert item["label"] == "<b>x</b>"                               # labels are shown as text
    assert "<img" not in item["description"] and "&lt;img" in item["description"]


def test_exports_are_atomic_and_refuse_a_file_as_folder(annotated, tmp_path):
    export.export_network(annotated, tmp_path, ["csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv"]   # no temporary files left
    (tmp_path / "file").write_text("x")
    with pytest.raises(export.ExportError, match="is a file"):
        export.export_network(annotated, tmp_path / "file")
    with pytest.raises(export.ExportError, match="unknown export format 'pdf'"):
        export.export_network(annotated, tmp_path, ["pdf"])
