"""Issue H, graph side: cards and decisions in the graph (evidence, fund, status,
funding, funding authority, printed organisation type), programme periods from
code and dates (both_periods), and source IRIs that cannot collide (K4)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import PROV, RDF, Literal

from hankeverkko.graph.pipeline.reading import read_sources
from hankeverkko.graph.pipeline.run import build_sources, serialise
from hankeverkko.graph.pipeline.sources import bundled_corpus
from hankeverkko.graph.rdf.build import build_graph
from hankeverkko.graph.rdf.iris import project_iri, source_iri
from hankeverkko.graph.sparql.library import run_library_query
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.loaders import load_file
from hankeverkko.ontology import HV

FIXTURES = Path(__file__).parent / "fixtures" / "periods"


def _tl5_project():
    """The first coded project of the first bundled TL5 list."""
    tl5 = sorted(bundled_corpus().glob("000_*.txt"))[0]
    return next(p for p in load_file(tl5).projects if p.code)


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cards")
    p = _tl5_project()
    text = (FIXTURES / "tl5_card.template.txt").read_text(encoding="utf-8")
    (folder / "tl5_card.txt").write_text(text.format(code=p.code, name=p.name), encoding="utf-8")
    shutil.copy(FIXTURES / "tamk_card.txt", folder / "tamk_card.txt")
    return folder


@pytest.fixture(scope="module")
def built(cards):
    return build_sources([bundled_corpus(), cards])


def test_both_periods_lists_the_organisation_of_a_2014_card_and_the_2021_review(built):
    rows = run_library_query(MemoryStore(built.graph), "both_periods", {}).dicts()
    labels = {str(r["organisationLabel"]): r for r in rows}
    assert "Tampereen ammattikorkeakoulu Oy" in labels, sorted(labels)
    tamk = labels["Tampereen ammattikorkeakoulu Oy"]
    assert int(tamk["projects_2014_2020"]) == 1 and int(tamk["projects_2021_2027"]) >= 1


def test_the_card_project_gets_the_programme_of_its_period(built):
    g = built.graph
    node = project_iri("S29961", "")
    progs = list(g.objects(node, HV.programme))
    assert [str(g.value(p, HV.programmePeriod)) for p in progs] == ["2014-2020"]
    # the same programme node the TL5 lists name
    assert progs[0] == next(g.objects(project_iri(_tl5_project().code, ""), HV.programme))


def test_the_tl5_entry_and_its_card_are_one_project_with_the_cards_implementers(built):
    g = built.graph
    p = _tl5_project()
    node = project_iri(p.code, p.name)
    assert len({s for s in g.subjects(HV.code, Literal(p.code))}) == 1
    implementers = {str(g.value(o, HV.businessId)) for o in g.objects(node, HV.implementer)}
    assert implementers == {"9876543-0", "9876542-2"}
    sources = {str(g.value(s, HV.fileName)) for s in g.objects(node, PROV.wasDerivedFrom)}
    assert "tl5_card.txt" in sources and any(s.startswith("000_") for s in sources)


def test_card_facts_are_written(built):
    g = built.graph
    node = project_iri("S29961", "")
    assert str(g.value(node, HV.fund)) == "ESR"
    assert str(g.value(node, HV.status)) == "Toiminta päättynyt"
    assert str(g.value(node, HV.priorityAxis)).startswith("4. Koulutus")
    assert str(g.value(node, HV.specificObjective)).startswith("9.2.")
    assert g.value(node, HV.publicFunding).toPython() == 300000
    assert g.value(node, HV.totalFunding).toPython() == 300000
    ely = g.value(node, HV.fundingAuthority)
    assert (ely, RDF.type, HV.ElyCentre) in g
    funder = [s for s in g.subjects(HV.participationIn, node) if (s, HV.role, HV.FundingAuthorityRole) in g]
    assert [g.value(s, HV.participant) for s in funder] == [ely]
    assert (funder[0], HV.evidence, HV.CardFieldEvidence) in g


def test_every_project_participation_has_its_evidence_and_source_line(built):
    g = built.graph
    applicant = [s for s in g.subjects(HV.participationIn, project_iri("S29961", ""))
                 if (s, HV.role, HV.ApplicantRole) in g]
    assert len(applicant) == 1
    assert set(g.objects(applicant[0], HV.evidence)) == {HV.CardFieldEvidence}
    assert g.value(applicant[0], HV.sourceLine).toPython() == 12
    list_parts = [s for s in g.subjects(HV.evidence, HV.ListEvidence)]
    assert list_parts, "the bundled lists' participations are list evidence"
    implementing = {HV.MainImplementerRole, HV.SubImplementerRole, HV.ImplementerRole, HV.ApplicantRole,
                    HV.AdministratorRole, HV.PartnerRole, HV.PilotRole, HV.SteeringRole}
    for s in g.subjects(RDF.type, HV.Participation):
        if g.value(s, HV.role) in implementing:
            assert (s, HV.evidence, None) in g, s


def test_printed_type_types_the_organisation_through_identity(built):
    g = built.graph
    org = next(g.subjects(HV.businessId, Literal("9876543-0")))
    assert (org, RDF.type, HV.Association) in g          # 'Kappalan Osaajat', printed 'Yhdistys'
    printed = {str(o) for m in g.objects(org, HV.mention) for o in g.objects(m, HV.printedOrganisationType)}
    assert printed == {"Yhdistys"}
    tamk = next(g.subjects(HV.businessId, Literal("9512347-5")))
    assert (tamk, RDF.type, HV.UniversityOfAppliedSciences) in g   # the head word wins over 'Osakeyhtiö'


def test_the_build_stays_deterministic(cards):
    a = serialise(build_sources([bundled_corpus(), cards]).graph)
    b = serialise(build_sources([cards, bundled_corpus()]).graph)
    assert a == b


# -- K4: source IRIs that cannot collide ------------------------------------------

@pytest.mark.parametrize("a,b", [("a b.txt", "a-b.txt"), ("Ω.txt", "Ψ.txt")])
def test_names_with_the_same_slug_get_different_source_iris(tmp_path, a, b):
    card = (FIXTURES / "tamk_card.txt").read_text(encoding="utf-8")
    (tmp_path / a).write_text(card, encoding="utf-8")
    (tmp_path / b).write_text(card.replace("S29961", "S29962"), encoding="utf-8")
    docs, reports = read_sources([tmp_path / a, tmp_path / b])
    assert [r.status for r in reports] == ["read", "read"]
    g = build_graph(docs).graph
    sources = set(g.subjects(RDF.type, HV.SourceDocument))
    assert len(sources) == 2
    assert {str(g.value(s, HV.fileName)) for s in sources} == {a, b}
    assert source_iri(a) != source_iri(b)


def test_two_files_of_the_same_name_in_two_folders_are_both_read(tmp_path):
    card = (FIXTURES / "tamk_card.txt").read_text(encoding="utf-8")
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "kortti.txt").write_text(card, encoding="utf-8")
    (tmp_path / "y" / "kortti.txt").write_text(card.replace("S29961", "S29962").replace(
        "Tampereen ammattikorkeakoulu Oy", "Kappalan Osaajat").replace("9512347-5", "9876543-0"), encoding="utf-8")
    result = build_sources([tmp_path])
    g = result.graph
    sources = sorted(g.subjects(RDF.type, HV.SourceDocument))
    assert len(sources) == 2 and {str(g.value(s, HV.fileName)) for s in sources} == {"kortti.txt"}
    # each project's provenance is its own file's node, not the other's
    first, second = (set(g.objects(project_iri(c, ""), PROV.wasDerivedFrom)) for c in ("S29961", "S29962"))
    assert len(first) == len(second) == 1 and first != second
    # and each organisation's mention points to the file that printed it
    for bid, src in (("9512347-5", first), ("9876543-0", second)):
        org = next(g.subjects(HV.businessId, Literal(bid)))
        assert set(g.objects(org, PROV.wasDerivedFrom)) == src
        assert {o for m in g.objects(org, HV.mention) for o in g.objects(m, PROV.wasDerivedFrom)} == src
    # the same bytes under another name are still read once
    (tmp_path / "z.txt").write_text(card, encoding="utf-8")
    _, reports = read_sources(sorted(tmp_path.rglob("*.txt")))
    assert sorted(r.status for r in reports) == ["duplicate", "read", "read"]


# -- one project across documents ---------------------------------------------------

def test_a_codeless_project_joins_only_a_unique_title_or_acronym():
    from hankeverkko.loaders.records import Participation, Project, SourceDocument, Span
    a = SourceDocument("a.txt", "tl5-list")
    a.projects += [Project("Alfa", Span("a.txt", 1, 1), code="S20001", acronym="ALFA"),
                   Project("Beta", Span("a.txt", 2, 2), code="S20002", acronym="YHT"),
                   Project("Gamma", Span("a.txt", 3, 3), code="S20003", acronym="YHT")]
    b = SourceDocument("b.txt", "generic")
    b.projects += [Project("ALFA", Span("b.txt", 1, 1), participants=[Participation("Alfalan kunta", "implementer",
                                                                                     evidence="prose")]),
                   Project("YHT", Span("b.txt", 2, 2))]
    r = build_graph([a, b])
    g = r.graph
    assert (project_iri("S20001", ""), HV.implementer, None) in g          # joined: one candidate
    assert (project_iri(None, "YHT"), RDF.type, HV.Project) in g           # two candidates: its own node
    assert any("'YHT'" in w and "2 projects" in w for w in r.warnings)


def test_one_name_with_two_business_ids_stays_two_related_organisations():
    from rdflib import SKOS
    card = Path(__file__).parent / "fixtures" / "kinds" / "project-card" / "esr_joint.txt"
    g = build_sources([card]).graph
    a, b = (next(g.subjects(HV.businessId, Literal(bid))) for bid in ("3333333-8", "4444444-7"))
    assert a != b
    assert (a, SKOS.related, b) in g and (b, SKOS.related, a) in g
    assert len(list(g.subject_objects(SKOS.related))) == 2
