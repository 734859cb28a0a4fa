"""The map in a real browser: headless Chromium, no network, no JavaScript errors.

A probe script is put at the top of a copy of the page. It records script
errors, failed loads, Content-Security-Policy violations, calls to
``alert`` and every resource the page fetched, then writes what it saw
(node count from ``network.body.data.nodes``, physics, positions, tooltip
contents) as JSON into a ``<pre id="probe-result">`` that ``--dump-dom``
prints. DNS is mapped to nothing (``--host-resolver-rules``), so any
external load would fail and be recorded.
"""
from __future__ import annotations

import json
import subprocess

import pytest
from bs4 import BeautifulSoup

from hankeverkko.graph.maps import render as maps
from test_maps import HOSTILE, hostile_graph, synthetic

pytestmark = pytest.mark.browser

PROBE = """<script>
window.__probe = {errors: [], loads: [], alerts: []};
window.addEventListener("error", function (e) {
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) { __probe.loads.push("failed load: " + (t.src || t.href)); }
  else { __probe.errors.push(String(e.message)); }
}, true);
window.addEventListener("unhandledrejection", function (e) { __probe.errors.push("rejection: " + e.reason); });
document.addEventListener("securitypolicyviolation", function (e) {
  __probe.loads.push("blocked by CSP: " + e.blockedURI + " (" + e.violatedDirective + ")");
});
window.alert = function (x) { __probe.alerts.push(String(x)); };
window.addEventListener("load", function () {
  setTimeout(function () {
    var out = {};
    try {
      out.nodes = network.body.data.nodes.length;
      out.edges = network.body.data.edges.length;
      out.physics = network.physics.options.enabled;
      var pos = network.getPositions();
      out.positioned = Object.keys(pos).filter(function (k) { return isFinite(pos[k].x) && isFinite(pos[k].y); }).length;
      var items = nodes.get();
      out.titlesAreElements = items.every(function (n) { return n.title instanceof Element; });
      out.markupInTitles = items.filter(function (n) { return n.title.querySelector("img, script, b"); }).length;
      out.titleTexts = items.map(function (n) { return n.title.textContent; });
      out.names = items.map(function (n) { return n.label; });
      var target = hankeverkko.find(__FIND__);
      if (target) { hankeverkko.highlight(target.id); }
      out.details = document.getElementById("details").textContent;
      out.imagesInDocument = document.querySelectorAll("img").length;
      out.heading = document.querySelector("h1").textContent;
      var themeSelect = document.getElementById("theme-filter");
      themeSelect.value = __THEME__;
      themeSelect.dispatchEvent(new Event("change"));
      out.hiddenAfterFilter = nodes.get({filter: function (n) { return n.hidden; }}).length;
    } catch (err) { __probe.errors.push("probe: " + err); }
    out.resources = performance.getEntriesByType("resource").map(function (r) { return r.name; });
    out.errors = __probe.errors; out.loads = __probe.loads; out.alerts = __probe.alerts;
    var pre = document.createElement("pre");
    pre.id = "probe-result";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 300);
});
</script>"""


def run_in_chromium(chromium, page, tmp_path, find="", theme="") -> dict:
    html = page.read_text(encoding="utf-8")
    probe = PROBE.replace("__FIND__", json.dumps(find)).replace("__THEME__", json.dumps(theme))
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(html.replace("<head>", "<head>\n" + probe, 1), encoding="utf-8")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-default-apps", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=8000", "--window-size=1280,900",
           "--dump-dom", probed.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    soup = BeautifulSoup(done.stdout, "html.parser")
    result = soup.find("pre", id="probe-result")
    assert result is not None, f"the probe did not report; chromium said:\n{done.stderr[-3000:]}"
    return json.loads(result.get_text())


def test_the_probe_sees_errors_and_network_loads(chromium, tmp_path):
    """Negative control: a page that loads a remote script and throws is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title>"
                    "<script src=\"https://cdn.example.org/vis.js\"></script></head>"
                    "<body><h1>x</h1><script>notDefined();</script></body></html>", encoding="utf-8")
    seen = run_in_chromium(chromium, page, tmp_path)
    assert any("notDefined" in e for e in seen["errors"])
    assert any("cdn.example.org" in x for x in seen["loads"] + seen["resources"])


def test_the_map_runs_offline_without_errors_and_shows_hostile_names_as_text(chromium, tmp_path):
    m = maps.prepare_map(hostile_graph(), org="A & B")
    page = maps.write_map(m, tmp_path / "hostile.html")
    seen = run_in_chromium(chromium, page, tmp_path, find="A & B")
    assert seen["errors"] == [] and seen["alerts"] == []
    assert seen["loads"] == [] and seen["resources"] == []
    assert seen["nodes"] == m.graph.number_of_nodes() == 4 and seen["edges"] == 6
    assert seen["titlesAreElements"] and seen["markupInTitles"] == 0 and seen["imagesInDocument"] == 0
    assert any(HOSTILE in t for t in seen["titleTexts"])
    assert HOSTILE in seen["details"] and seen["heading"] == f"Collaboration network of {HOSTILE}"


def test_the_tiny_map_in_the_browser(chromium, tmp_path, tiny_graph):
    m = maps.prepare_map(tiny_graph, colour="theme", size="funding")
    seen = run_in_chromium(chromium, maps.write_map(m, tmp_path / "tiny.html"), tmp_path, find="beta",
                           theme="Toimintalinja 5")
    assert seen["errors"] == [] and seen["loads"] == [] and seen["resources"] == []
    assert (seen["nodes"], seen["edges"]) == (4, 1) and seen["physics"] is True
    assert "Beta ry" in seen["details"] and "sub-implementer" in seen["details"]
    assert seen["hiddenAfterFilter"] == 2                 # Gamma sr and the ELY centre have no TL5 project


def test_a_2000_node_map_loads_with_physics_off_and_every_node_placed(chromium, tmp_path):
    m = maps.map_from_graph(synthetic(), colour="type")
    seen = run_in_chromium(chromium, maps.write_map(m, tmp_path / "large.html"), tmp_path)
    assert seen["errors"] == [] and seen["loads"] == [] and seen["resources"] == []
    assert seen["nodes"] == seen["positioned"] == 2000
    assert seen["physics"] is False and seen["hiddenAfterFilter"] == 0
