"""generic: the fallback reader keeps codes, valid Y-tunnus, typed names and cue statements only."""
from __future__ import annotations

from pathlib import Path

from hankeverkko.loaders import generic
from hankeverkko.loaders.ids import business_id_valid, project_codes
from hankeverkko.loaders.text import read_lines
from test_card import expected, scorer

NEWS = Path(__file__).resolve().parent / "fixtures" / "kinds" / "generic" / "newsletter.txt"


def load():
    return generic.load(read_lines(NEWS.read_text(encoding="utf-8")), NEWS.name)


def test_newsletter_participations_match_the_reading():
    s = scorer().score_document(load(), expected(NEWS))
    assert (s.fp, s.fn, s.ids_invented) == (0, 0, 0), s.wrong
    assert s.roles_right == s.tp and s.rejected_noted == s.rejected_expected


def test_newsletter_title_site_and_heading_are_no_project_or_organisation():
    doc = load()
    want = expected(NEWS)
    assert [p.code for p in doc.projects] == [p["code"] for p in want["projects"]]
    names = {p.name for p in doc.projects} | {o.name for o in doc.organisations}
    for bad in want["not_projects"] + want["not_organisations"]:
        assert bad not in names
    assert not any("maakunta" in n.casefold() or "uutis" in n.casefold() or ".fi" in n for n in names)
    assert [(r.subject, r.object) for r in doc.relations] == [("Kappan liitto", "S29960")]


def test_business_id_check_digit():
    assert business_id_valid("0102030-2") and business_id_valid("1234567-1")
    assert not business_id_valid("1234567-5") and not business_id_valid("102030-7")
    assert not business_id_valid("1111111-0")          # remainder 1: no valid check digit exists


def test_codes_of_every_period():
    text = "S19901, S29901, A79901, S39901, R-01234 ja STM001:00/2015; ei X29901 eikä S2990"
    assert [(c.code, c.shape.period) for c in project_codes(text)] == [
        ("S19901", "2007-2013"), ("S29901", "2014-2020"), ("A79901", "2014-2020"), ("S39901", "2021-2027"),
        ("R-01234", "2021-2027"), ("STM001:00/2015", "")]


def test_score_is_a_small_constant_fallback():
    assert generic.score(read_lines(NEWS.read_text(encoding="utf-8"))) == 1
    assert generic.score(read_lines("Pullataikina tarvitaan maitoa.\n")) == 0


def test_statement_without_a_code_is_skipped_with_a_reason():
    doc = generic.load(read_lines("Hanketta hallinnoi Alfalan kaupunki.\n"), "x.txt")
    assert doc.projects == []
    assert doc.skipped and doc.skipped[0].looks_like_entry and "project code" in doc.skipped[0].reason


def _gen(text):
    return generic.load(read_lines(text), "x.txt")


def test_anaphor_ties_to_the_project_named_before_and_names_are_read():
    doc = _gen("Uutiset\n\nAlfan askeleet -hanke (S30001) alkoi keväällä. Hanketta hallinnoi Beetan kaupunki, ja "
               "osatoteuttajina ovat Gamman ammattiopisto ja Deltan kansanopisto. Hanketta rahoittaa Etan ELY-keskus.\n\n"
               "Hankkeessa ovat mukana myös Zetan ja Thetan kunnat kumppaneina.\n")
    p = doc.projects[0]
    assert (p.code, p.name) == ("S30001", "Alfan askeleet")
    assert [(x.organisation, x.role) for x in p.participants] == [
        ("Beetan kaupunki", "main"), ("Gamman ammattiopisto", "sub"), ("Deltan kansanopisto", "sub"),
        ("Zetan kunta", "partner"), ("Thetan kunta", "partner")]
    assert [(r.subject, r.predicate, r.object) for r in doc.relations] == [("Etan ELY-keskus", "funds", "S30001")]


def test_subject_of_a_verb_whose_object_is_a_project_and_a_relative_clause():
    doc = _gen("Iotan yliopisto koordinoi valtakunnallista Kapan tiet -koordinaatiohanketta (S30002), jota toteuttavat "
               "yhdessä Iotan yliopisto ja Lambdan ammattikorkeakoulu Oy.\n")
    p = doc.projects[0]
    assert p.name == "Kapan tiet"
    assert [(x.organisation, x.role) for x in p.participants] == [
        ("Iotan yliopisto", "main"), ("Lambdan ammattikorkeakoulu Oy", "implementer")]
    assert "Kapan" not in {o.name for o in doc.organisations}


def test_no_anaphor_across_a_heading():
    doc = _gen("Myyn polut (S30003). Hanketta hallinnoi Nyyn kaupunki.\n\nMuita uutisia\n\n"
               "Ksiin avaimet (S30004) jatkuu.\n\nToinen otsikko\n\nHanketta hallinnoi Omikronin kunta.\n")
    assert [x.organisation for p in doc.projects for x in p.participants] == ["Nyyn kaupunki"]
    assert doc.skipped and "project code" in doc.skipped[-1].reason


def test_two_projects_in_one_sentence_each_get_their_subject():
    doc = _gen("Piin kaupunki hallinnoi Rhon tie -hanketta (S30005), ja Sigman yliopisto koordinoi Taun verkko "
               "-koordinaatiohanketta (S30006). Hankkeita rahoittaa Upsilonin ELY-keskus.\n")
    got = {p.code: [(x.organisation, x.role) for x in p.participants] for p in doc.projects}
    assert got == {"S30005": [("Piin kaupunki", "main")], "S30006": [("Sigman yliopisto", "main")]}
    assert {r.object for r in doc.relations} == {"S30005", "S30006"}
