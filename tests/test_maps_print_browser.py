"""Map behaviour in headless Chromium: filters zoom and hide, the map's own filters are selected,
labels by importance and zoom; and the menus/escaping checked by parsing."""
from __future__ import annotations

import json
import subprocess

import networkx as nx
import pytest
from bs4 import BeautifulSoup

from hankeverkko.graph.maps import render as maps
from hankeverkko.graph.cli.network_cmd import PERIOD_CHOICES as CLI_PERIODS
from hankeverkko.graph.maps.page import label_top

PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { __errors.push(String(e.message)); }, true);
window.addEventListener("load", function () {
  setTimeout(function () {
    var out = {};
    try {
      out.themeSelected = document.getElementById("theme-filter").value;
      out.periodSelected = document.getElementById("period-filter").value;
      out.labelsAtStart = hankeverkko.labelCount();
      var s0 = network.getScale(), p0 = network.getViewPosition();
      network.moveTo({scale: s0 * 4.2, animation: false});
      hankeverkko.updateLabels(false);
      out.labelsZoomed = hankeverkko.labelCount();
      network.moveTo({scale: s0, position: p0, animation: false});
      var sel = document.getElementById("theme-filter");
      sel.value = __THEME__;
      sel.dispatchEvent(new Event("change"));
      var s1 = network.getScale(), p1 = network.getViewPosition();
      out.scaleChanged = Math.abs(s1 - s0) > 1e-6;
      out.positionChanged = Math.abs(p1.x - p0.x) + Math.abs(p1.y - p0.y) > 1e-3;
      out.hidden = nodes.get({filter: function (n) { return n.hidden; }}).length;
      out.total = nodes.length;
    } catch (err) { __errors.push("probe: " + err); }
    out.errors = __errors;
    var pre = document.createElement("pre"); pre.id = "probe-result"; pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 400);
});
</script>"""


def run(chromium, page, tmp_path, theme=""):
    html = page.read_text(encoding="utf-8").replace("<head>", "<head>\n" + PROBE.replace("__THEME__", json.dumps(theme)), 1)
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(html, encoding="utf-8")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
           "--virtual-time-budget=8000", "--window-size=1280,900", "--dump-dom", probed.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    pre = BeautifulSoup(done.stdout, "html.parser").find("pre", id="probe-result")
    assert pre is not None, done.stderr[-2000:]
    return json.loads(pre.get_text())


@pytest.mark.browser
def test_choosing_a_theme_zooms_to_it_and_hides_the_rest(chromium, corpus_graph, tmp_path):
    m = maps.prepare_map(corpus_graph)
    seen = run(chromium, maps.write_map(m, tmp_path / "all.html"), tmp_path, theme="Jatkuva oppiminen")
    assert seen["errors"] == []
    assert seen["scaleChanged"] or seen["positionChanged"]
    keep = sum(1 for n in m.graph if "Jatkuva oppiminen" in m.graph.nodes[n]["themes"])
    assert seen["hidden"] == seen["total"] - keep > 0
    assert seen["labelsAtStart"] <= label_top(len(m.graph)) < seen["labelsZoomed"]


@pytest.mark.browser
def test_a_map_made_with_a_theme_shows_it_selected(chromium, corpus_graph, tmp_path):
    m = maps.prepare_map(corpus_graph, theme="Jatkuva oppiminen", period="2021-2027")
    seen = run(chromium, maps.write_map(m, tmp_path / "theme.html"), tmp_path, theme="Jatkuva oppiminen")
    assert seen["errors"] == []
    assert seen["themeSelected"] == "Jatkuva oppiminen" and seen["periodSelected"] == "2021-2027"
    assert seen["hidden"] == 0


def test_period_menu_offers_exactly_the_cli_periods(corpus_graph):
    soup = BeautifulSoup(maps.render(maps.prepare_map(corpus_graph), "html"), "html.parser")
    offered = [o.get_text() for o in soup.select("#period-filter option")][1:]
    assert offered == list(CLI_PERIODS)


def test_a_node_named_with_markup_is_escaped():
    G = nx.Graph()
    G.add_edge("x", "y")
    G.nodes["x"].update(label="A & B <C>", themes=["A & B <C>"], type_label="A & B <C>")
    html = maps.render(maps.map_from_graph(G, title="A & B <C>"), "html").decode("utf-8")
    assert "<C>" not in html and "A &amp; B &lt;C&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text() == "A & B <C>" and soup.find("c") is None
    assert "A & B <C>" in [o.get_text() for o in soup.select("#theme-filter option")]
