"""Records -> RDF: the A contract, on invented records whose answers are known."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from rdflib import PROV, RDF, RDFS, XSD, BNode, Literal

from hankeverkko.graph.rdf.build import build_graph
from hankeverkko.graph.rdf.iris import project_iri, theme_iri
from hankeverkko.ontology import HV, ID
from hankeverkko.graph.rdf.iris import source_iri

from conftest import REPO, tiny_documents


def test_project_iris_come_from_codes_and_are_stable(tiny_graph):
    assert (ID["project/R-00001"], RDF.type, HV.GroupProject) in tiny_graph
    assert project_iri("R-00001", "whatever") == ID["project/R-00001"]
    assert project_iri(None, "Älä  hätäile!") == ID["project/ala-hataile"]


def test_every_project_and_organisation_is_typed_explicitly(tiny_graph):
    for cls in (HV.GroupProject, HV.SubProject, HV.CoordinationProject):
        for s in tiny_graph.subjects(RDF.type, cls):
            assert (s, RDF.type, HV.Project) in tiny_graph
    implementers = set(tiny_graph.objects(None, HV.implementer))
    assert len(implementers) == 4  # ELY, Alfa, Beta, Gamma
    for org in implementers:
        assert (org, RDF.type, HV.Organisation) in tiny_graph


def test_group_carries_main_and_sub_and_each_row_is_a_sub_project(tiny_graph):
    g = tiny_graph
    group = ID["project/R-00001"]
    alfa, beta = ID["organisation/alfa-oy"], ID["organisation/beta-ry"]
    assert set(g.objects(group, HV.mainImplementer)) == {alfa}
    assert set(g.objects(group, HV.subImplementer)) == {beta}
    assert set(g.objects(group, HV.implementer)) == {alfa, beta}
    sub = ID["project/S10004"]
    assert (sub, RDF.type, HV.SubProject) in g
    assert (sub, HV.code, Literal("S10004")) in g
    assert set(g.objects(sub, HV.subProjectOf)) == {group}
    assert set(g.objects(sub, HV.implementer)) == {beta}


def test_implementer_is_materialised_for_applicants_and_unroled_implementers(tiny_graph):
    p = ID["project/S10003"]
    assert set(tiny_graph.objects(p, HV.implementer)) == {ID["organisation/alfa-oy"], ID["organisation/beta-ry"]}


def test_participations_are_role_nodes_with_provenance(tiny_graph):
    g = tiny_graph
    parts = [s for s in g.subjects(HV.participationIn, ID["project/S10003"])]
    roles = {g.value(p, HV.role) for p in parts}
    assert roles == {HV.ApplicantRole, HV.ImplementerRole}
    for p in parts:
        assert g.value(p, PROV.wasDerivedFrom) == source_iri("tiny_review.txt")
        assert g.value(p, HV.sourceLine).datatype == XSD.integer


def test_labels_are_language_tagged(tiny_graph):
    labels = list(tiny_graph.objects(None, RDFS.label))
    assert labels and all(l.language in ("fi", "sv", "en") for l in labels)


def test_theme_funding_ministry_coordination(tiny_graph):
    g, t = tiny_graph, theme_iri("Teema Yksi")
    assert g.value(t, HV.fundingFrame) == Literal(Decimal(1000000), datatype=XSD.decimal)
    assert g.value(t, HV.fundingPaid).toPython() == 0
    ministry = g.value(t, HV.responsibleMinistry)
    assert (ministry, RDF.type, HV.Ministry) in g
    assert g.value(t, HV.coordinationProject) == ID["project/S10001"]
    assert (g.value(t, HV.programme), HV.programmePeriod, Literal("2021-2027")) in g


def test_provenance_on_projects_themes_and_organisations(tiny_graph):
    g = tiny_graph
    for cls in (HV.Project, HV.Theme, HV.Organisation):
        for s in g.subjects(RDF.type, cls):
            assert g.value(s, PROV.wasDerivedFrom) is not None, s
            lines = list(g.objects(s, HV.sourceLine))
            assert lines and all(line.datatype == XSD.integer and int(line) >= 1 for line in lines), s


def test_an_organisation_carries_the_line_of_every_mention(tiny_graph):
    g = tiny_graph
    for org in g.subjects(RDF.type, HV.Organisation):
        mention_lines = {g.value(m, HV.sourceLine) for m in g.objects(org, HV.mention)}
        assert mention_lines and set(g.objects(org, HV.sourceLine)) == mention_lines, org


def test_no_blank_nodes_so_serialisation_is_deterministic(tiny_graph):
    assert not any(isinstance(t, BNode) for triple in tiny_graph for t in triple)


def test_officials_are_written_only_on_opt_in():
    from hankeverkko.loaders.records import Contact
    docs = tiny_documents()
    docs[0].themes[0].contacts.append(Contact("Matti Meikäläinen", "Projektipäällikkö", "Hämeen ELY-keskus", "coordination"))
    assert "Meikäläinen" not in build_graph(docs).graph.serialize(format="nt")
    assert "Meikäläinen" in build_graph(docs, include_officials=True).graph.serialize(format="nt")


def test_builds_are_byte_identical_across_processes():
    script = ("import sys; sys.path.insert(0, 'tests'); from conftest import tiny_documents;"
              "from hankeverkko.graph.rdf.build import build_graph; from hankeverkko.graph.pipeline import serialise;"
              "sys.stdout.buffer.write(serialise(build_graph(tiny_documents()).graph))")
    outs = {subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert len(outs) == 1 and len(next(iter(outs))) > 1000


def test_a_group_whose_main_implementer_is_not_stated_is_not_claimed_as_group_project():
    from hankeverkko.loaders.records import Participation, Project, Span
    docs = tiny_documents()
    docs[0].projects.append(Project("Monen toteuttajan hanke", Span("tiny_review.txt", 50, 51), kind="group",
                                    themes=["Teema Kaksi"],
                                    participants=[Participation("Alfa Oy", "implementer", line=50),
                                                  Participation("Gamma sr", "implementer", line=51)]))
    result = build_graph(docs)
    node = project_iri(None, "Monen toteuttajan hanke")
    assert (node, RDF.type, HV.Project) in result.graph
    assert (node, RDF.type, HV.GroupProject) not in result.graph
    assert len(set(result.graph.objects(node, HV.implementer))) == 2
    assert any("without naming the main implementer" in w and "50" in w for w in result.warnings)


def test_ministry_and_funder_relations_become_role_nodes_on_the_theme():
    from hankeverkko.loaders.records import Relation, Span
    docs = tiny_documents()
    sp = Span("tiny_review.txt", 5, 5)
    docs[0].relations += [Relation("Työ- ja elinkeinoministeriö", "organisation", "responsible_for", "Teema Yksi", "theme", sp),
                          Relation("Hämeen ELY-keskus", "organisation", "funds", "Teema Yksi", "theme", sp)]
    g = build_graph(docs).graph
    roles = {g.value(p, HV.role) for p in g.subjects(HV.participationIn, theme_iri("Teema Yksi"))}
    assert roles == {HV.MinistryRole, HV.FundingAuthorityRole}


def test_outputs_are_written_atomically_with_ordinary_permissions(tmp_path):
    import os
    import stat
    from hankeverkko.graph.atomic import write_atomic
    target = write_atomic(tmp_path / "sub" / "x.ttl", "a")
    assert target.read_text() == "a"
    mode = stat.S_IMODE(os.stat(target).st_mode)
    assert mode & stat.S_IRGRP and mode & stat.S_IROTH
    assert [p.name for p in target.parent.iterdir()] == ["x.ttl"]  # no temp file left behind


def test_a_project_named_without_code_in_another_source_is_the_coded_project():
    from hankeverkko.loaders.records import Project, SourceDocument, Span
    docs = tiny_documents()
    docs[1].projects[0].acronym = "VANHA"
    plan = SourceDocument("tiny_plan.txt", "project-plan")
    plan.projects += [Project("Vanha-hanke", Span("tiny_plan.txt", 3, 3), acronym="Vanha", kind="single"),
                      Project("Ihan uusi", Span("tiny_plan.txt", 4, 4), kind="single")]
    g = build_graph([*docs, plan]).graph
    assert (ID["project/S20001"], PROV.wasDerivedFrom, source_iri("tiny_plan.txt")) in g
    assert (project_iri(None, "Vanha-hanke"), RDF.type, HV.Project) not in g
    assert (project_iri(None, "Ihan uusi"), RDF.type, HV.Project) in g


def test_a_row_giving_only_a_code_adds_no_code_label_to_a_named_project():
    from hankeverkko.loaders.records import Project, SourceDocument, Span
    docs = tiny_documents()
    sheet = SourceDocument("list.csv", "spreadsheet")
    sheet.projects += [Project("S10003", Span("list.csv", 2, 2), code="S10003", kind="single"),
                       Project("S77777", Span("list.csv", 3, 3), code="S77777", kind="single")]
    g = build_graph([*docs, sheet]).graph
    named = [str(label) for label in g.objects(ID["project/S10003"], RDFS.label)]
    assert len(named) == 1 and named != ["S10003"]
    assert [str(label) for label in g.objects(ID["project/S77777"], RDFS.label)] == ["S77777"]


def test_every_public_api_name_resolves():
    """``import hankeverkko`` names the public API; each name resolves, and so
    does every name each subpackage's ``__init__`` lists."""
    import importlib

    import hankeverkko
    assert len(hankeverkko.__all__) > 30
    for name in hankeverkko.__all__:
        assert getattr(hankeverkko, name) is not None, name
    for sub in ("identity", "rdf", "sparql", "network", "maps"):
        package = importlib.import_module(f"hankeverkko.graph.{sub}")
        assert package.__all__, sub
        for name in package.__all__:
            assert getattr(package, name) is not None, f"{sub}.{name}"
