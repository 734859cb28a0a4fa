"""Maps: escaping of hostile names, offline self-contained HTML, large-map layout, figures, CLI."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal

from hankeverkko.graph.maps import render as maps
from hankeverkko.graph.cli import main
from hankeverkko.graph.maps.style import PHYSICS_LIMIT
from hankeverkko.graph.pipeline import serialise
from hankeverkko.ontology import HV, ID

HOSTILE = "A & B <img src=x onerror=alert(1)>"
HOSTILE_PROJECT = "</script><script>alert(3)</script>"
HOSTILE_THEME = "<b>Teema</b> & \"lainaus\""
APP_JS = Path(maps.__file__).with_name("templates") / "network_map.js"


def hostile_graph() -> Graph:
    """Three organisations on one project; names, project and theme labels are markup."""
    g = Graph()
    theme, prog, project = ID["theme/t"], ID["programme/p"], ID["project/S1"]
    g.add((theme, RDF.type, HV.Theme))
    g.add((theme, RDFS.label, Literal(HOSTILE_THEME, lang="fi")))
    g.add((theme, HV.programme, prog))
    g.add((prog, HV.programmePeriod, Literal("2021-2027")))
    g.add((project, RDF.type, HV.Project))
    g.add((project, RDFS.label, Literal(HOSTILE_PROJECT, lang="fi")))
    g.add((project, HV.theme, theme))
    for key, name in (("ab", HOSTILE), ("beta", "Beta ry"), ("q", 'Quote "x" \' $1$ ry'),
                      ("c", "x --> <script>alert(4)</script>")):
        org = ID[f"organisation/{key}"]
        g.add((org, RDF.type, HV.Organisation))
        g.add((org, RDF.type, HV.Association))
        g.add((org, RDFS.label, Literal(name, lang="fi")))
        g.add((project, HV.implementer, org))
    return g


def map_data(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    return json.loads(soup.find("script", id="map-data").string)


@pytest.fixture
def hostile_html(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    m = maps.prepare_map(hostile_graph(), org="A & B")
    path = maps.write_map(m, tmp_path / "map.html")
    return path.read_text(encoding="utf-8")


def test_hostile_names_are_shown_as_text_and_run_nothing(hostile_html):
    soup = BeautifulSoup(hostile_html, "html.parser")
    assert soup.find_all("img") == [] and soup.find_all("b") == []
    assert not [(t.name, a) for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    assert soup.h1.get_text() == f"Collaboration network of {HOSTILE}"
    assert "<h1>Collaboration network of A &amp; B &lt;img src=x onerror=alert(1)&gt;</h1>" in hostile_html
    assert "<img" not in hostile_html.lower() and "alert(3)</script>" not in hostile_html
    assert len(soup.find_all("script")) == 3                     # data, vis-network, the map's own script
    assert [o.get_text() for o in soup.select("#theme-filter option")] == ["all themes", HOSTILE_THEME]
    names = {n["name"] for n in map_data(hostile_html)["nodes"]}
    assert HOSTILE in names                                       # the data keeps the name exactly
    tips = map_data(hostile_html)["nodes"][0]["projects"]
    assert tips[0]["label"] == f"S1 {HOSTILE_PROJECT}" or tips[0]["label"] == HOSTILE_PROJECT


def test_tooltips_are_built_from_text_nodes_only():
    js = APP_JS.read_text(encoding="utf-8")
    assert "textContent" in js
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink


EXTERNAL = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
                      re.I)


def test_the_map_is_self_contained_and_writes_only_the_given_file(tmp_path, monkeypatch, tiny_graph):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "maps" / "tiny.html"
    assert maps.write_map(maps.prepare_map(tiny_graph), out) == out
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["maps", "maps/tiny.html"]
    html = out.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert EXTERNAL.findall(html) == []
    assert "//cdn" not in html.lower()
    assert soup.find_all("link") == [] and soup.find_all("iframe") == []
    assert all(not s.get("src") for s in soup.find_all("script"))
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "connect-src" not in csp
    assert "new vis.Network" in html and 'id="map"' in html
    assert [o.get_text() for o in soup.select("#period-filter option")] == ["all periods", "2014-2020", "2021-2027"]


def test_same_seed_same_page(tiny_graph):
    a = maps.render(maps.prepare_map(tiny_graph, seed=3), "html")
    b = maps.render(maps.prepare_map(tiny_graph, seed=3), "html")
    assert a == b


def synthetic(n_components: int = 40, size: int = 50) -> nx.Graph:
    parts = [nx.powerlaw_cluster_graph(size, 2, 0.3, seed=i) for i in range(n_components)]
    G = nx.convert_node_labels_to_integers(nx.disjoint_union_all(parts))
    for n in G:
        G.nodes[n].update(label=f"Organisaatio {n}", type="Municipality" if n % 3 else "Company",
                          type_label="municipality" if n % 3 else "company", themes=[f"Teema {n % 7}"])
    for u, v in G.edges:
        G.edges[u, v]["weight"] = 1 + (u + v) % 3
    return G


def test_a_2000_node_map_opens_with_a_precomputed_layout_and_physics_off():
    G = synthetic()
    assert len(G) == 2000
    data = map_data(maps.render(maps.map_from_graph(G, colour="type"), "html").decode("utf-8"))
    assert len(data["nodes"]) == 2000 and len(data["edges"]) == G.number_of_edges()
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(isinstance(x, (int, float)) and isinstance(y, (int, float)) for x, y in xy)
    assert len(set(xy)) > 1900                                   # spread out, not stacked


def test_small_maps_keep_physics_and_start_from_the_layout(tiny_graph):
    m = maps.prepare_map(tiny_graph)
    assert len(m.graph) <= PHYSICS_LIMIT and m.physics
    data = map_data(maps.render(m, "html").decode("utf-8"))
    assert data["options"]["physics"]["enabled"] is True and all("x" in n for n in data["nodes"])


def test_colour_and_size_options(tiny_graph):
    by_type = maps.prepare_map(tiny_graph, colour="type")
    assert {i.label for i in by_type.legend} == {by_type.graph.nodes[n]["type_label"] for n in by_type.graph}
    by_theme = maps.prepare_map(tiny_graph, colour="theme", size="funding")
    assert {i.label for i in by_theme.legend} <= {"Teema Kaksi", "Teema Yksi", "Toimintalinja 5",
                                                  "other themes / no theme"}
    ely = str(ID["organisation/hameen-ely-keskus"])
    gamma = str(ID["organisation/gamma-sr"])
    assert by_theme.sizes[ely] == 1.0 and by_theme.sizes[gamma] == 0.0      # 500 000 € is the most; 0 €
    clusters = maps.prepare_map(tiny_graph, colour="cluster")
    alfa, beta = str(ID["organisation/alfa-oy"]), str(ID["organisation/beta-ry"])
    assert clusters.colours[alfa] == clusters.colours[beta] != clusters.colours[gamma]
    with pytest.raises(maps.MapError, match="unknown colouring 'rainbow'"):
        maps.prepare_map(tiny_graph, colour="rainbow")


def test_an_ego_map_keeps_the_colours_of_the_full_map(tiny_graph):
    full = maps.prepare_map(tiny_graph)
    ego = maps.prepare_map(tiny_graph, org="Alfa Oy")
    assert set(ego.graph) == {str(ID["organisation/alfa-oy"]), str(ID["organisation/beta-ry"])}
    assert ego.centre == str(ID["organisation/alfa-oy"]) and ego.title == "Collaboration network of Alfa Oy"
    assert all(ego.colours[n] == full.colours[n] for n in ego.graph)
    assert map_data(maps.render(ego, "html").decode())["centre"] == ego.centre


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_figures_have_a_legend_and_no_markup_from_data(tmp_path, fmt):
    m = maps.prepare_map(hostile_graph(), colour="type")
    path = maps.write_map(m, tmp_path / f"figure.{fmt}")
    data = path.read_bytes()
    if fmt == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        assert root.find(".//{http://www.w3.org/2000/svg}g[@id='legend']") is not None
        elements = [e.tag.rsplit("}", 1)[-1] for e in root.iter()]
        assert not {"script", "img", "foreignObject", "a", "image"} & set(elements)
        assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
        assert b"<script" not in data and b"<img" not in data        # names appear only escaped, in comments
    assert [p.name for p in tmp_path.iterdir()] == [f"figure.{fmt}"]


def test_unknown_extension_is_an_error(tiny_graph, tmp_path):
    with pytest.raises(maps.MapError, match=r"\.html.*\.png.*\.svg"):
        maps.write_map(maps.prepare_map(tiny_graph), tmp_path / "map.pdf")


# ------------------------------------------------------------------ the commands

@pytest.fixture
def tiny_file(tmp_path, tiny_graph):
    path = tmp_path / "tiny.ttl"
    path.write_bytes(serialise(tiny_graph))
    return path


def test_map_command_writes_html_or_figure_by_extension(tiny_file, tmp_path):
    for name in ("m.html", "m.png", "m.svg"):
        r = CliRunner().invoke(main, ["map", str(tiny_file), "--out", str(tmp_path / name), "--colour", "type"])
        assert r.exit_code == 0, r.output
        assert r.stdout.strip() == str(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    r = CliRunner().invoke(main, ["map", str(tiny_file), "--org", "Beta", "--period", "2014-2020",
                                  "--out", str(tmp_path / "ego.html")])
    assert r.exit_code == 0, r.output
    assert "2 organisations, 1 partnership" in r.stderr


@pytest.mark.parametrize("args, code, message", [
    (["--out", "x.pdf"], 2, "unknown map file extension"),
    (["--out", "x.html", "--type", "pub"], 2, "unknown organisation type 'pub'"),
    (["--out", "x.html", "--period", "1990-1995"], 2, "Invalid value for '--period'"),
    (["--out", "x.html", "--org", "Omega"], 1, "no organisation matches 'Omega'"),
    (["--out", "x.html", "--theme", "Teema"], 1, "matches 2 themes"),
])
def test_map_command_errors(tiny_file, tmp_path, args, code, message):
    args = [a if a != "x.html" and a != "x.pdf" else str(tmp_path / a) for a in args]
    r = CliRunner().invoke(main, ["map", str(tiny_file), *args])
    assert r.exit_code == code, r.output
    assert message in r.output
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.parametrize("command, out", [("map", "empty.html"), ("network", "empty")])
def test_filters_that_leave_nobody_say_so(tiny_file, tmp_path, command, out):
    r = CliRunner().invoke(main, [command, str(tiny_file), "--role", "pilot", "--out", str(tmp_path / out)])
    assert r.exit_code == 0, r.output
    assert "warning: no organisation takes part" in r.stderr
    r = CliRunner().invoke(main, [command, str(tiny_file), "--out", str(tmp_path / ("full" + out))])
    assert "warning" not in r.stderr


def test_network_command_prints_a_summary_and_writes_the_exports(tiny_file, tmp_path):
    out = tmp_path / "net"
    r = CliRunner().invoke(main, ["network", str(tiny_file), "--out", str(out)])
    assert r.exit_code == 0, r.output
    for section in ("Top organisations", "Clusters (Louvain", "Brokers"):
        assert section in r.stdout
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "network.gexf", "network.graphml",
                                                     "network_vosviewer.json", "nodes.csv"]
    r = CliRunner().invoke(main, ["network", str(tiny_file), "--out", str(tmp_path / "csv"), "--format", "csv"])
    assert r.exit_code == 0 and sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["edges.csv", "nodes.csv"]


def test_map_and_network_read_an_oxigraph_store(tiny_graph, tmp_path):
    from hankeverkko.graph.sparql.store import load_into_store
    load_into_store(f"oxigraph:{tmp_path / 'store'}", tiny_graph)
    r = CliRunner().invoke(main, ["map", "--store", f"oxigraph:{tmp_path / 'store'}", "--period", "2014-2020",
                                  "--out", str(tmp_path / "old.html")])
    assert r.exit_code == 0, r.output
    assert len(map_data((tmp_path / "old.html").read_text(encoding="utf-8"))["nodes"]) == 2
    r = CliRunner().invoke(main, ["network", "x.ttl", "--store", "oxigraph:x", "--out", str(tmp_path / "n")])
    assert r.exit_code == 2


def test_map_of_the_bundled_corpus(corpus_graph, tmp_path):
    m = maps.prepare_map(corpus_graph)
    html = maps.render(m, "html").decode("utf-8")
    assert len(map_data(html)["nodes"]) == m.graph.number_of_nodes() > 10
    assert EXTERNAL.findall(html) == []
