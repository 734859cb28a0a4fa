"""`hankeverkko orgs`: ranked by implementing roles, cut visibly, CSV safe for Excel (J.4-J.6)."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from hankeverkko.graph.cli import main
from hankeverkko.graph.network.organisations import organisation_table
from hankeverkko.graph.sparql.store import MemoryStore


@pytest.fixture(scope="module")
def corpus_csv():
    r = CliRunner().invoke(main, ["orgs", "--format", "csv"])
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout)))


@pytest.mark.slow
def test_funders_do_not_count_as_projects_by_default(corpus_csv):
    stm = next(r for r in corpus_csv if r["organisation"] == "Sosiaali- ja terveysministeriö")
    assert stm["projects"] == "0" and "funder 21" in stm["other roles"]
    top = corpus_csv[0]
    assert top["type"] not in ("ministry", "ely_centre") and int(top["projects"]) >= 5
    counts = [int(r["projects"]) for r in corpus_csv]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.slow
def test_role_funder_ranks_the_funders():
    r = CliRunner().invoke(main, ["orgs", "--role", "funder", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0]["organisation"] == "Sosiaali- ja terveysministeriö" and rows[0]["projects"] == "21"
    assert all(int(x["projects"]) > 0 for x in rows)


def test_tiny_graph_roles(tiny_graph):
    rows = {r.name: r for r in organisation_table(MemoryStore(tiny_graph))}
    assert rows["Alfa Oy"].projects == 3 and rows["Hämeen ELY-keskus"].projects == 1
    funders = {r.name: r for r in organisation_table(MemoryStore(tiny_graph), role="funder")}
    assert funders["Alfa Oy"].projects == 0 and funders["Alfa Oy"].other_roles == {"implementer": 3}


LONG = "Pohjois-Pohjanmaan ammatillisen koulutuksen ja työelämän kehittämisen kuntayhtymä"


def test_long_names_are_cut_with_an_ellipsis_never_silently(tmp_path):
    src = tmp_path / "lista.csv"
    src.write_text(f"hankekoodi;toteuttaja\nS90001;{LONG}\nS90002;Kivikon kunta\n", encoding="utf-8")
    assert len(LONG) > 60
    r = CliRunner().invoke(main, ["orgs", str(src)], env={"COLUMNS": "90"})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert all(len(line) <= 90 for line in lines[:-1])
    assert LONG[:20] in r.stdout and "…" in r.stdout and "values cut at … to fit 90 columns" in lines[-1]
    wide = CliRunner().invoke(main, ["orgs", str(src), "--width", "0"]).stdout
    assert LONG in wide and "…" not in wide                  # was cut at 60 characters without a mark


def test_orgs_csv_neutralises_formulas_and_xlsx_is_a_workbook(tmp_path):
    src = tmp_path / "lista.csv"
    src.write_text("hankekoodi;toteuttaja\nS90001;=HYPERLINK(\"http://x\") Oy\nS90002;Kivikon kunta\n",
                   encoding="utf-8")
    r = CliRunner().invoke(main, ["orgs", str(src), "--format", "csv"])
    assert r.exit_code == 0, r.output
    names = [row["organisation"] for row in csv.DictReader(io.StringIO(r.stdout))]
    formula = [n for n in names if "HYPERLINK" in n]
    assert formula and all(n.startswith("'") for n in formula), names
    out = tmp_path / "orgs.xlsx"
    r = CliRunner().invoke(main, ["orgs", str(src), "--format", "xlsx", "--out", str(out)])
    assert r.exit_code == 0, r.output
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]][:3] == ["organisation", "type", "projects"]
    assert any(isinstance(c.value, int) for c in ws["C"][1:])


def test_orgs_help_documents_the_role_ranking():
    r = CliRunner().invoke(main, ["orgs", "--help"], terminal_width=200)
    text = " ".join(r.output.split())
    assert "--role" in text and "funders and ministries do not count" in text
