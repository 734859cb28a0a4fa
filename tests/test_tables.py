"""Tables that fit (issue J.4) and outputs for people (J.6)."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from hankeverkko.graph.cli import main
from hankeverkko.graph.cli.tables import neutralise, people_csv
from hankeverkko.graph.sparql.layout import ELLIPSIS, layout_table


@pytest.fixture(scope="module")
def tiny_file(tiny_graph, tmp_path_factory):
    f = tmp_path_factory.mktemp("g") / "graph.ttl"
    tiny_graph.serialize(f, format="turtle")
    return str(f)


def test_a_table_fits_the_width_and_says_what_it_cut():
    rows = [["Tampereen ammattikorkeakoulu Oy", "1055410.4", "Jatkuva oppiminen; Työelämän kehittäminen"]]
    text = layout_table(["organisation", "euros", "themes"], rows, width=40)
    body = text.splitlines()[:-1]
    assert all(len(line) <= 40 for line in body), text
    assert ELLIPSIS in body[2] and "1055410.4" in body[2]          # text cut, numbers whole
    assert "values cut at … to fit 40 columns" in text.splitlines()[-1]


def test_nothing_is_cut_without_a_width_or_when_it_fits():
    rows = [["x" * 200, "1"]]
    assert ELLIPSIS not in layout_table(["a", "b"], rows) and "x" * 200 in layout_table(["a", "b"], rows)
    assert ELLIPSIS not in layout_table(["a", "b"], [["x", "1"]], width=20)


def test_cli_table_follows_columns_and_csv_keeps_everything(tiny_file):
    r = CliRunner().invoke(main, ["query", "theme_projects", "-p", "theme=teema yksi", "--graph", tiny_file],
                           env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    assert all(len(line) <= 100 for line in r.stdout.splitlines()[:-1])
    assert ELLIPSIS in r.stdout
    r = CliRunner().invoke(main, ["query", "theme_projects", "-p", "theme=teema yksi", "--graph", tiny_file,
                                  "--format", "csv"], env={"COLUMNS": "60"})
    assert ELLIPSIS not in r.stdout and "https://w3id.org/hankeverkko/id/theme/teema-yksi" in r.stdout


def test_themes_table_lists_a_theme_once_with_its_ministries_joined(tiny_graph, tmp_path):
    from rdflib import Graph
    from hankeverkko.ontology import HV, ID
    g = Graph()
    g += tiny_graph
    g.add((ID["theme/teema-yksi"], HV.responsibleMinistry, ID["organisation/sosiaali-ja-terveysministerio"]))
    f = tmp_path / "g.ttl"
    g.serialize(f, format="turtle")
    r = CliRunner().invoke(main, ["query", "themes", "--graph", str(f), "--width", "0"])
    assert r.exit_code == 0, r.output
    yksi = [line for line in r.stdout.splitlines() if "Teema Yksi" in line]
    assert len(yksi) == 1
    assert "Sosiaali- ja terveysministeriö; Työ- ja elinkeinoministeriö" in yksi[0]
    assert "results grouped by theme" in r.stdout.splitlines()[-1]
    doc = json.loads(CliRunner().invoke(main, ["query", "themes", "--graph", str(f), "--format", "json"]).stdout)
    assert sum(b["themeLabel"]["value"] == "Teema Yksi" for b in doc["results"]["bindings"]) == 2


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_people_csv_neutralises_formula_cells(cell):
    assert neutralise(cell) == "'" + cell
    assert people_csv(["a"], [[cell]]).splitlines()[1].lstrip('"').startswith("'")


def test_query_xlsx_is_a_real_workbook_written_atomically(tiny_file, tmp_path):
    out = tmp_path / "t.xlsx"
    r = CliRunner().invoke(main, ["query", "theme_projects", "-p", "theme=teema kaksi", "--graph", tiny_file,
                                  "--format", "xlsx", "--out", str(out)])
    assert r.exit_code == 0, r.output
    ws = load_workbook(out).active
    rows = list(ws.values)
    assert rows[0][:3] == ("theme", "project", "code") and len(rows) == 4
    costs = [r[6] for r in rows[1:] if r[6] is not None]
    assert costs and all(isinstance(c, (int, float)) for c in costs) and 120000.5 in costs
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]      # no temporary file left


def test_xlsx_keeps_formula_text_as_text(tmp_path):
    from hankeverkko.graph.cli.tables import workbook_bytes
    data = workbook_bytes(["name"], [["=HYPERLINK(\"http://x\")"]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A2"].value == "=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"


def test_xlsx_needs_out(tiny_file):
    r = CliRunner().invoke(main, ["query", "themes", "--graph", tiny_file, "--format", "xlsx"])
    assert r.exit_code == 2 and "--out" in r.output


def test_query_help_says_csv_and_tsv_are_exact_w3c_results():
    r = CliRunner().invoke(main, ["query", "--help"], terminal_width=200)
    text = " ".join(r.output.split())
    assert "exact W3C SPARQL 1.1 result formats" in text and "xlsx" in text


@pytest.mark.parametrize("path", ["out/graph.ttl", "out/store/x", "notebooks/out/tour/map.html",
                                  "data/oxigraph/x", "themes.xlsx", "map.html", "report.svg", "review.csv"])
def test_gitignore_covers_what_the_readme_and_notebooks_write(path):
    import shutil
    import subprocess
    from conftest import REPO
    if not shutil.which("git") or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    r = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=REPO)
    assert r.returncode == 0, f"{path} is not ignored"
