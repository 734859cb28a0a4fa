"""Reports: offline HTML and .docx, the theme's projects as the library query lists them, no contact data."""
from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from hankeverkko.graph.cli import main
from hankeverkko.graph.sparql.library import run_library_query
from hankeverkko.graph.report import make_report
from hankeverkko.graph.sparql.store import open_store

THEME = "Jatkuva oppiminen"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+358|\b0\d{1,3})[\s-]?\d{2,4}[\s-]?\d{3,4}\b")


@pytest.fixture(scope="module")
def theme_rows(corpus_graph):
    rows = run_library_query(open_store(corpus_graph), "theme_projects", {"theme": THEME}).dicts()
    return sorted({str(r["projectLabel"]) for r in rows})


@pytest.fixture(scope="module")
def html_report(corpus_graph, tmp_path_factory):
    path = make_report(corpus_graph, tmp_path_factory.mktemp("r") / "r.html", theme=THEME)
    return path.read_text(encoding="utf-8")


def _external(soup):
    out = []
    for tag in soup.find_all(True):
        for attr in ("src", "href", "action", "data", "poster"):
            v = tag.get(attr)
            if v and (re.match(r"^[a-z]+:", v, re.I) and not v.startswith("data:") or v.startswith("//")):
                out.append(v)
    return out


def test_html_report_is_offline(html_report):
    soup = BeautifulSoup(html_report, "html.parser")
    assert _external(soup) == []
    assert soup.find_all("link") == [] and all(not s.get("src") for s in soup.find_all("script"))
    inner = BeautifulSoup(soup.find("iframe")["srcdoc"], "html.parser")
    assert _external(inner) == [] and inner.find(id="map-data") is not None
    assert soup.find("img", class_="figure")["src"].startswith("data:image/png;base64,")
    links = {a["href"] for a in soup.find_all("a")}
    assert links and all(re.fullmatch(r"\d{3}_[0-9a-f]+\.txt", h) for h in links)


def test_html_report_lists_the_theme_projects_of_the_library_query(html_report, theme_rows):
    soup = BeautifulSoup(html_report, "html.parser")
    assert soup.h1.get_text() == f"Teema: {THEME}"
    shown = sorted(td.get_text() for td in soup.select("table.projects td.project"))
    assert shown == theme_rows and len(shown) >= 5
    assert soup.select("table.projects td a")                      # each project linked to its source
    assert "rivi" in soup.select_one("table.projects").get_text()


def test_docx_report_project_table_matches_the_query(corpus_graph, tmp_path, theme_rows):
    import docx
    path = make_report(corpus_graph, tmp_path / "r.docx", theme=THEME, lang="en")
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    table = doc.tables[0]
    assert table.rows[0].cells[1].text == "Project"
    assert sorted(r.cells[1].text for r in table.rows[1:]) == theme_rows
    assert any(s.style.name.startswith("Heading") for s in doc.paragraphs)
    assert len(doc.inline_shapes) == 1
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for t in doc.tables for r in t.rows
                                                                  for c in r.cells)
    assert not EMAIL.search(body) and not PHONE.search(body)


def test_no_contact_data_in_html(html_report):
    text = BeautifulSoup(html_report, "html.parser").get_text()
    assert not EMAIL.search(text) and not PHONE.search(text)


def test_report_command(tmp_path, corpus_build):
    from hankeverkko.graph.pipeline import serialise
    ttl = tmp_path / "g.ttl"
    ttl.write_bytes(serialise(corpus_build.graph))
    r = CliRunner().invoke(main, ["report", str(ttl), "--period", "2021-2027", "--lang", "en",
                                  "--out", str(tmp_path / "p.html")])
    assert r.exit_code == 0, r.output
    assert "Programme period 2021-2027" in (tmp_path / "p.html").read_text(encoding="utf-8")
    r = CliRunner().invoke(main, ["report", str(ttl), "--out", str(tmp_path / "p.pdf")])
    assert r.exit_code == 2 and "unknown report file extension" in r.output


MAP_PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { __errors.push(String(e.message)); }, true);
window.addEventListener("load", function () {
  var canvas = document.querySelector("canvas");
  parent.postMessage(JSON.stringify({canvas: !!canvas, width: canvas ? canvas.width : 0,
                                     nodes: (typeof nodes !== "undefined") ? nodes.length : -1,
                                     errors: __errors}), "*");
});
</script>"""
PAGE_PROBE = """<script>
window.addEventListener("message", function (e) {
  var pre = document.createElement("pre"); pre.id = "probe-result"; pre.textContent = e.data;
  document.body.appendChild(pre);
});
</script>"""


@pytest.mark.browser
def test_the_map_inside_the_html_report_draws_in_a_browser(html_report, chromium, tmp_path):
    """The report's sandboxed map (an iframe srcdoc under the page's CSP) really runs and draws."""
    import json
    import subprocess

    soup = BeautifulSoup(html_report, "html.parser")
    frame = soup.find("iframe")
    frame["srcdoc"] = frame["srcdoc"].replace("<head>", "<head>" + MAP_PROBE, 1)
    soup.head.append(BeautifulSoup(PAGE_PROBE, "html.parser"))
    page = tmp_path / "report.html"
    page.write_text(str(soup), encoding="utf-8")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
           "--virtual-time-budget=8000", "--window-size=1280,900", "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    pre = BeautifulSoup(done.stdout, "html.parser").find("pre", id="probe-result")
    assert pre is not None, done.stderr[-2000:]
    got = json.loads(pre.get_text())
    assert got["canvas"] and got["width"] > 0 and got["nodes"] > 5 and got["errors"] == []


def test_a_finnish_report_has_its_figure_and_map_in_finnish(html_report):
    """The default report is Finnish: the figure's and the map's title and legend too."""
    soup = BeautifulSoup(html_report, "html.parser")
    frame = BeautifulSoup(soup.find("iframe")["srcdoc"], "html.parser")
    page_text = frame.get_text(" ")
    assert f"Yhteistyöverkosto: {THEME}" in page_text and "Yhteistyöklusterit" in page_text
    assert "Collaboration network" not in page_text and "other clusters" not in page_text
