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
