"""The ontology file, its generated namespace and its documentation agree."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from hankeverkko.ontology import HV, ONTOLOGY_FILE, SHAPES_FILE, generate

NS = str(HV._NS)


@pytest.fixture(scope="module")
def onto():
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def test_generated_namespace_matches_the_turtle_file():
    committed = (ONTOLOGY_FILE.parent / "namespace.py").read_text(encoding="utf-8")
    assert committed == generate.render(generate.ontology_terms()), \
        "ontology/namespace.py is stale: run `python -m ontology.generate`"


def test_readme_term_table_matches_the_turtle_file():
    readme = (ONTOLOGY_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert readme == generate.readme_with_table(readme, generate.term_table()), \
        "ontology/README.md term table is stale: run `python -m ontology.generate`"


def test_namespace_is_closed():
    with pytest.raises(AttributeError):
        HV.Projetc  # noqa: B018


def test_every_term_has_finnish_and_english_label_and_comment(onto):
    terms = generate.ontology_terms()
    assert len(terms) > 60
    for name in terms:
        s = URIRef(NS + name)
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(s, prop)}
            assert {"fi", "en"} <= langs, f"hv:{name} lacks {prop.n3()} in fi/en"


CONTRACT_CLASSES = ["Programme", "Theme", "Project", "CoordinationProject", "GroupProject",
                    "SubProject", "Organisation", "Ministry", "SourceDocument"]


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_classes_exist(onto, name):
    assert (HV[name], RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("sub, sup", [
    ("CoordinationProject", "Project"), ("GroupProject", "Project"), ("SubProject", "Project"),
    ("Ministry", "Organisation"), ("MeasurePackage", "Theme")])
def test_subclasses(onto, sub, sup):
    assert (HV[sub], RDFS.subClassOf, HV[sup]) in onto


@pytest.mark.parametrize("sub, sup", [
    ("mainImplementer", "implementer"), ("subImplementer", "implementer"),
    ("administrator", "mainImplementer")])
def test_role_properties_are_subproperties_of_implementer(onto, sub, sup):
    assert (HV[sub], RDFS.subPropertyOf, HV[sup]) in onto


@pytest.mark.parametrize("prop, rng", [
    ("fundingFrame", XSD.decimal), ("fundingReserved", XSD.decimal), ("fundingCommitted", XSD.decimal),
    ("fundingPaid", XSD.decimal), ("costEstimate", XSD.decimal), ("startDate", XSD.date),
    ("endDate", XSD.date), ("sourceLine", XSD.integer), ("code", XSD.string)])
def test_datatype_ranges(onto, prop, rng):
    assert (HV[prop], RDF.type, OWL.DatatypeProperty) in onto
    assert (HV[prop], RDFS.range, rng) in onto


@pytest.mark.parametrize("prop", ["theme", "programme", "responsibleMinistry", "coordinationProject",
                                  "subProjectOf", "implementer", "administrator", "partner",
                                  "relatedProject"])
def test_contract_object_properties_exist(onto, prop):
    assert (HV[prop], RDF.type, OWL.ObjectProperty) in onto


def test_aligned_with_the_vocabularies_researchers_know(onto):
    targets = {str(o) for p in (RDFS.subClassOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"))
               for o in onto.objects(None, p)}
    for ns in ("http://www.w3.org/ns/org#", "https://schema.org/", "http://xmlns.com/foaf/0.1/",
               "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
               "http://purl.org/dc/terms/", "http://data.europa.eu/s66#"):
        assert any(t.startswith(ns) for t in targets), f"no alignment with {ns}"


def test_shapes_parse_and_target_the_contract_classes():
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert {HV.Project, HV.GroupProject, HV.SubProject, HV.Theme, HV.Organisation} <= targets
