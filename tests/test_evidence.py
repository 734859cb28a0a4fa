"""Keeping to list-and-field evidence: prose statements drop out, lists and cards stay."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.pipeline import build_sources
from hankeverkko.graph.rdf.evidence import FIRM_EVIDENCE, keep_evidence, parse_evidence
from hankeverkko.ontology import HV

HERE = Path(__file__).resolve().parent
NEWSLETTER = HERE / "fixtures" / "kinds" / "generic" / "newsletter.txt"
CARD = HERE / "fixtures" / "kinds" / "project-card" / "esr_joint.txt"


@pytest.fixture(scope="module")
def graph():
    return build_sources([NEWSLETTER, CARD]).graph


def _implementers(g, code):
    project = g.value(None, HV.code, Literal(code))
    return set(g.objects(project, HV.implementer)) | set(g.objects(project, HV.partner))


def _evidence(g):
    return {str(o).rsplit("#", 1)[-1] for o in g.objects(None, HV.evidence)}


def test_firm_evidence_drops_prose_participations_and_the_links_they_alone_support(graph):
    firm = keep_evidence(graph, FIRM_EVIDENCE)
    assert "ProseEvidence" in _evidence(graph) and "ProseEvidence" not in _evidence(firm)
    assert _implementers(graph, "S29957") and not _implementers(firm, "S29957")     # stated in prose only
    card_code = str(next(firm.objects(None, HV.code)))
    assert any(_implementers(firm, str(c)) for c in firm.objects(None, HV.code)), card_code
    assert "CardFieldEvidence" in _evidence(firm)


def test_every_kind_keeps_the_graph_whole(graph):
    assert len(keep_evidence(graph, parse_evidence("all"))) == len(graph)


def test_evidence_words_are_checked():
    assert parse_evidence("list, card-field") == ("list", "card_field")
    with pytest.raises(HankeverkkoError, match="unknown evidence kind 'rumour'"):
        parse_evidence("rumour")


def test_the_bundled_corpus_is_all_list_evidence():
    g = build_sources().graph
    assert _evidence(g) == {"ListEvidence"}
    assert len(keep_evidence(g, FIRM_EVIDENCE)) == len(g)
    assert (None, HV.evidence, None) in g


def test_cli_evidence_option_on_query_orgs_and_map(tmp_path):
    import json

    from click.testing import CliRunner

    from hankeverkko.graph.cli import main
    run = CliRunner().invoke
    assert run(main, ["build", str(NEWSLETTER), str(CARD), "--out", str(tmp_path), "-q"]).exit_code == 0
    graph = str(tmp_path / "graph.ttl")

    def rows(*extra):
        r = run(main, ["query", "co_implementers", "--graph", graph, "--format", "json", *extra])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)["results"]["bindings"]
    every, firm = rows(), rows("--evidence", "firm")
    assert 0 < len(firm) < len(every)
    r = run(main, ["map", graph, "--evidence", "prose", "--out", str(tmp_path / "m.html")])
    assert r.exit_code == 0 and (tmp_path / "m.html").exists()
    r = run(main, ["map", "--store", "oxigraph:" + str(tmp_path / "s"), "--evidence", "firm",
                   "--out", str(tmp_path / "n.html")])
    assert r.exit_code == 2 and "not --store" in r.output
    r = run(main, ["orgs", str(NEWSLETTER), "--evidence", "rumour"])
    assert r.exit_code == 2 and "unknown evidence kind 'rumour'" in r.output
