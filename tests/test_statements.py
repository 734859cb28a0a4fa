"""Implementers stated in prose: cue phrases, shared heads, place names, abbreviations."""
from __future__ import annotations

import time

import pytest

from hankeverkko.loaders.statements import define_abbreviations, read_sentence


def roles(sentence, abbreviations=None):
    return [(s.organisation, s.role) for s in read_sentence(sentence, abbreviations)]


@pytest.mark.parametrize("sentence,want", [
    ("Hanketta hallinnoi Alfalan kaupunki, ja osatoteuttajina ovat Betalan ammattiopisto ja Gammalan kunta.",
     [("Alfalan kaupunki", "main"), ("Betalan ammattiopisto", "sub"), ("Gammalan kunta", "sub")]),
    ("Osatoteuttajia olivat Alfala, Betala ja Gammala.", [("Alfala", "sub"), ("Betala", "sub"), ("Gammala", "sub")]),
    ("Koordinaatiohankkeen toteuttajaksi valittiin Deltan ELY-keskus hankehakemuksella Kuvitteelliset polut.",
     [("Deltan ELY-keskus", "implementer")]),
    ("Hankkeen toteuttaa Zetan säätiö yhteistyötahonaan Alfalan kaupunki.",
     [("Zetan säätiö", "implementer"), ("Alfalan kaupunki", "partner")]),
    ("Kumppaneiksi hankkeeseen lähtevät Etan yhdistys ry sekä Thetan ja Iotan kaupungit.",
     [("Etan yhdistys ry", "partner"), ("Thetan kaupunki", "partner"), ("Iotan kaupunki", "partner")]),
    ("Alfan kunta ja Beetan kaupunki toteuttavat yhdessä hankkeen.",
     [("Alfan kunta", "implementer"), ("Beetan kaupunki", "implementer")]),
    ("Epsilonin laitos koordinoi hanketta.", [("Epsilonin laitos", "main")]),
    ("Hanketta rahoittaa Kappan liitto.", [("Kappan liitto", "funder")]),
    ("Osatoteuttajina ovat Terveyden ja hyvinvoinnin laitos ja Alfan kunta.",
     [("Terveyden ja hyvinvoinnin laitos", "sub"), ("Alfan kunta", "sub")]),
    ("Päätoimija/hallinnoija on Alfalan kaupunki ja osatoimijoina ovat Betala ja Gammala.",
     [("Alfalan kaupunki", "main"), ("Betala", "sub"), ("Gammala", "sub")]),
    ("Projektia toteutetaan yhteistyössä Taun kunnan kanssa.", [("Taun kunta", "partner")]),
    ("Hanke kehittää ohjausta ja tiedottaa tuloksista tem.fi-sivustolla.", []),
])
def test_cue_phrases(sentence, want):
    assert roles(sentence) == want


def test_defined_abbreviation_is_expanded():
    ab = define_abbreviations("Kehittämishanketta koordinoi Epsilonin laitos (EL). EL kokoaa tulokset.")
    assert ab == {"EL": "Epsilonin laitos"}
    assert roles("Jatkohankkeessa päätoteuttajana toimii EL.", ab) == [("Epsilonin laitos", "main")]


def test_no_backtracking_on_long_tokens():
    long = "Hanketta hallinnoi " + "A" * 20000 + " " + "b" * 20000 + "," * 5000 + " ja " * 2000
    t = time.perf_counter()
    read_sentence(long)
    define_abbreviations(long + " (AB)")
    assert time.perf_counter() - t < 2.0


def test_subject_when_the_object_is_a_project():
    from hankeverkko.loaders.statements import read_sentence
    got = [(s.organisation, s.role, s.subject) for s in read_sentence(
        "Alfan yliopisto koordinoi Beetan polut -koordinaatiohanketta (S30011).")]
    assert got == [("Alfan yliopisto", "main", True)]
    got = [(s.organisation, s.role) for s in read_sentence(
        "Hankkeen toteuttaa Gamman yliopisto yhdessä Deltan ammattikorkeakoulun kanssa.")]
    assert got == [("Gamman yliopisto", "implementer"), ("Deltan ammattikorkeakoulu", "implementer")]
    got = [(s.organisation, s.role) for s in read_sentence("Hankkeessa ovat mukana myös Etan ja Zetan kunnat kumppaneina.")]
    assert got == [("Etan kunta", "partner"), ("Zetan kunta", "partner")]
    got = [(s.organisation, s.role) for s in read_sentence("Hankkeen kumppanina on Thetan kauppakamari.")]
    assert got == [("Thetan kauppakamari", "partner")]
