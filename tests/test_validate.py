"""SHACL validation accepts good graphs and names what is wrong with bad ones."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib import RDFS, XSD, Graph, Literal

from hankeverkko.graph.cli import main
from hankeverkko.graph.rdf.validate import validate
from hankeverkko.ontology import HV, ID


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def test_the_tiny_graph_conforms(tiny_graph):
    report = validate(tiny_graph)
    assert report.conforms, report.text()


def test_a_group_without_label_implementers_and_with_a_bad_date_is_rejected(tiny_graph):
    g = _copy(tiny_graph)
    group = ID["project/R-00001"]
    g.remove((group, RDFS.label, None))
    g.remove((group, HV.mainImplementer, None))
    g.remove((group, HV.startDate, None))
    g.add((group, HV.startDate, Literal("ensi syksynä")))
    report = validate(g)
    assert not report.conforms
    paths = {(v.focus, v.path) for v in report.violations}
    focus = group.n3()
    assert (focus, "rdfs:label") in paths
    assert (focus, "hv:mainImplementer") in paths
    assert (focus, "hv:startDate") in paths
    assert "exactly one main implementer" in report.text()


def test_bad_codes_amounts_and_sub_projects_are_rejected(tiny_graph):
    g = _copy(tiny_graph)
    g.set((ID["project/S10003"], HV.costEstimate, Literal("-5", datatype=XSD.decimal)))
    g.add((ID["project/S10005"], HV.code, Literal("not a code")))
    g.remove((ID["project/S10004"], HV.subProjectOf, None))
    msgs = validate(g).text()
    assert "non-negative" in msgs and "EURA code" in msgs and "exactly one group project" in msgs


def test_cli_validate_exit_codes(tmp_path, tiny_graph):
    good = tmp_path / "good.ttl"
    tiny_graph.serialize(good, format="turtle")
    r = CliRunner().invoke(main, ["validate", str(good)])
    assert r.exit_code == 0, r.output
    bad_graph = _copy(tiny_graph)
    bad_graph.remove((ID["project/R-00001"], RDFS.label, None))
    bad = tmp_path / "bad.ttl"
    bad_graph.serialize(bad, format="turtle")
    r = CliRunner().invoke(main, ["validate", str(bad)])
    assert r.exit_code == 1
    assert "R-00001" in r.output and "rdfs:label" in r.output


def test_cli_validate_unreadable_graph_is_a_clear_error(tmp_path):
    f = tmp_path / "broken.ttl"
    f.write_text("this is not turtle <", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(f)])
    assert r.exit_code == 1 and "not a readable turtle graph" in r.output
    assert "Traceback" not in r.output
