"""Exports: every format reads back isomorphic, bytes are deterministic, the context is published."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from hankeverkko.graph.cli import main
from hankeverkko.graph.rdf.dumps import EXPORT_FORMATS, load_context, serialise_rdf, to_dataset
from hankeverkko.graph.rdf.named_graphs import SHARED_GRAPH, partition_by_source
from hankeverkko.ontology import CONTEXT_FILE, HV, ID, ONTOLOGY_FILE
from hankeverkko.graph.rdf.iris import source_iri

from conftest import REPO

FORMATS = sorted(EXPORT_FORMATS)


def test_there_are_four_formats():
    assert len(FORMATS) >= 4


def read_back(data: bytes, fmt: str) -> Graph:
    rdflib_format = EXPORT_FORMATS[fmt][1]
    if fmt == "nq":
        ds = Dataset()
        ds.parse(data=data, format=rdflib_format)
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return Graph().parse(data=data, format=rdflib_format)


def assert_isomorphic(a: Graph, b: Graph):
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail("graphs differ:\nonly in export:\n" + only_a.serialize(format="nt")[:2000]
                    + "\nonly in source:\n" + only_b.serialize(format="nt")[:2000])


@pytest.fixture(scope="module")
def awkward_graph(tiny_graph):
    """The tiny graph plus literals that trip serialisers."""
    g = Graph()
    g += tiny_graph
    s = ID["project/S10003"]
    g.add((s, RDFS.comment, Literal('rivi "yksi"\nrivi \\ kaksi\t{}', lang="fi")))
    g.add((s, RDFS.comment, Literal("Åbo Akademi – ÖÄ € 😀")))
    g.add((s, HV.budget, Literal("1000000", datatype=XSD.decimal)))
    g.add((s, HV.budget, Literal("0.50", datatype=XSD.decimal)))
    g.add((s, HV.sourceLineEnd, Literal("0042", datatype=XSD.integer)))
    g.add((s, HV.endDate, Literal("2027-12-31", datatype=XSD.date)))
    return g


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_reads_back_isomorphic(tiny_graph, awkward_graph, fmt):
    for g in (tiny_graph, awkward_graph):
        assert_isomorphic(read_back(serialise_rdf(g, fmt), fmt), g)


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(tiny_graph, fmt):
    copy = Graph()
    for t in sorted(tiny_graph, reverse=True):  # a different insertion order
        copy.add(t)
    assert serialise_rdf(tiny_graph, fmt) == serialise_rdf(copy, fmt)


def test_line_formats_are_sorted(tiny_graph):
    for fmt in ("nt", "nq"):
        lines = serialise_rdf(tiny_graph, fmt).decode("utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) == len(tiny_graph)


def test_nquads_has_one_named_graph_per_source_plus_the_shared_graph(tiny_graph):
    ds = Dataset()
    ds.parse(data=serialise_rdf(tiny_graph, "nq"), format="nquads")
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {source_iri("tiny_review.txt"), source_iri("tiny_tl5.txt"), SHARED_GRAPH}
    assert set(ds.graph(source_iri("tiny_tl5.txt")).subjects()) == {
        s for s, *_ in partition_by_source(tiny_graph)[source_iri("tiny_tl5.txt")]}
    assert len(to_dataset(tiny_graph).graph(SHARED_GRAPH)) > 0


def test_jsonld_uses_the_published_context(tiny_graph):
    doc = json.loads(serialise_rdf(tiny_graph, "jsonld"))
    assert doc["@context"] == load_context()
    project = next(n for n in doc["@graph"] if n["@id"].endswith("project/S10003"))
    assert project["costEstimate"] == "120000.50"  # typed by the context, not by the value
    assert project["sourceLine"] == "40"
    group = next(n for n in doc["@graph"] if n["@id"].endswith("project/R-00001"))
    assert group["startDate"] == "2024-01-01"


def test_context_defines_the_prefixes_and_types_every_typed_datatype_property():
    ctx = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    for prefix in ("hv", "id", "rdfs", "skos", "prov", "dcterms", "xsd", "foaf", "org"):
        assert prefix in ctx, prefix
    onto = Graph().parse(ONTOLOGY_FILE)
    typed = {XSD.decimal, XSD.date, XSD.integer}
    expected = {str(p).split("#")[1]: str(r).split("#")[1] for p in onto.subjects(RDF.type, OWL.DatatypeProperty)
                for r in onto.objects(p, RDFS.range) if r in typed}
    assert len(expected) >= 9
    for term, datatype in expected.items():
        assert ctx.get(term) == {"@id": f"hv:{term}", "@type": f"xsd:{datatype}"}, term


def test_cli_export_writes_the_file(tiny_graph, tmp_path):
    src = tmp_path / "graph.ttl"
    src.write_bytes(serialise_rdf(tiny_graph, "ttl"))
    for fmt in FORMATS:
        out = tmp_path / "sub" / f"graph.{fmt}"
        r = CliRunner().invoke(main, ["export", str(src), "--format", fmt, "--out", str(out)])
        assert r.exit_code == 0, r.output
        assert r.output.strip() == str(out)
        assert_isomorphic(read_back(out.read_bytes(), fmt), tiny_graph)
    assert not [p for p in (tmp_path / "sub").iterdir() if p.name.startswith(".")]  # no temp files left


def test_cli_export_rejects_an_unknown_format(tiny_graph, tmp_path):
    src = tmp_path / "graph.ttl"
    tiny_graph.serialize(src, format="turtle")
    r = CliRunner().invoke(main, ["export", str(src), "--format", "xml", "--out", str(tmp_path / "x")])
    assert r.exit_code == 2


def test_exports_are_byte_identical_across_processes(tiny_graph, tmp_path):
    src = tmp_path / "graph.ttl"
    tiny_graph.serialize(src, format="turtle")
    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        out.mkdir()
        for fmt in FORMATS:
            subprocess.run([sys.executable, "-m", "hankeverkko.graph.cli", "export", str(src), "--format", fmt,
                            "--out", str(out / f"g.{fmt}")], cwd=REPO, check=True, capture_output=True,
                           env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append([(out / f"g.{fmt}").read_bytes() for fmt in FORMATS])
    assert outputs[0] == outputs[1]
