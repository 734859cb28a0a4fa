"""Programme guides ('ohjelma ja hakuopas'): what the loader must read.

The bundled guide is the fixture; an invented guide shows the loader reads the
kind, not the file.  The glossary is counted here independently of the loader,
from the structure of the appendix (a short term line whose next line starts
the definition with the same word).
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from hankeverkko.loaders import programme_guide
from hankeverkko.loaders.text import read_lines

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
SEED = "003_52536d0c142bbc18.txt"


@pytest.fixture(scope="module")
def seed():
    lines = read_lines((SOURCES / SEED).read_text(encoding="utf-8"))
    return lines, programme_guide.load(lines, SEED)


def glossary_terms_by_structure(lines) -> list[str]:
    """Terms of 'Liite N. Käsitteet', counted without the loader: in the appendix,
    a line of at most five words with no final punctuation, followed (after any
    blank lines) by a line that starts with the same four letters."""
    start = next(i for i, ln in enumerate(lines) if re.match(r"\s*Liite\s+\d+\.\s*Käsitteet\s*$", ln.text))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"\s*Liite\s+\d+\.", lines[i].text))
    body = [ln.text.strip() for ln in lines[start + 1:end] if ln.text.strip()]
    terms = []
    for i, t in enumerate(body[:-1]):
        if len(t.split()) <= 5 and t[:1].isupper() and not t.endswith((".", ",", ":")) \
                and body[i + 1][:4].casefold() == t[:4].casefold():
            terms.append(t)
    return terms


# ------------------------------------------------------------------ the programme

def test_document_title_publisher_and_year(seed):
    _, doc = seed
    assert doc.kind == "programme-guide"
    assert doc.title.casefold() == "työkykyohjelma 2020–2022 – ohjelma ja hakuopas"
    assert doc.publisher == "Sosiaali- ja terveysministeriö" and doc.year == 2020


def test_programme_with_period_ministries_and_budget(seed):
    _, doc = seed
    assert len(doc.programmes) == 1
    prog = doc.programmes[0]
    assert prog.name == "Työkykyohjelma 2020–2022" and prog.period == "2020–2022"
    assert prog.ministries == ["Sosiaali- ja terveysministeriö", "Työ- ja elinkeinoministeriö"]
    assert prog.budget == Decimal("12000000")


def test_related_programmes(seed):
    _, doc = seed
    related = doc.programmes[0].related_programmes
    assert any(r.startswith("Tulevaisuuden sosiaali- ja terveyskeskus") for r in related)
    assert "Sosiaalihuollon kehittämisohjelma" in related
    assert any("Toivo" in r for r in related)
    assert not any("työkykyohjelma" in r.casefold() for r in related), "the programme is not related to itself"
    assert not any(r.casefold() in ("ohjelma", "hallitusohjelma") for r in related)


def test_ministries_and_agencies_with_their_stated_roles(seed):
    _, doc = seed
    orgs = {o.name: o for o in doc.organisations}
    assert orgs["TEM"].expanded == "Työ- ja elinkeinoministeriö" and "päävastuu" in orgs["TEM"].role
    assert orgs["STM"].expanded == "Sosiaali- ja terveysministeriö" and "valtionavustus" in orgs["STM"].role
    assert orgs["THL"].expanded == "Terveyden ja hyvinvoinnin laitos"
    assert "operatiivisesta toimeenpanosta" in orgs["THL"].role
    assert orgs["TTL"].expanded == "Työterveyslaitos" and "mallintamisesta" in orgs["TTL"].role
    avi = next(o for o in doc.organisations if "aluehallintovirasto" in o.name)
    assert "maksatuksesta" in avi.role
    assert len({o.expanded or o.name for o in doc.organisations}) == len(doc.organisations), "duplicates"
    for o in doc.organisations:
        assert "@" not in (o.role or "")


def test_agencies_run_the_programme(seed):
    _, doc = seed
    runs = {r.subject: r for r in doc.relations if r.predicate == "runs"}
    assert set(runs) == {"Terveyden ja hyvinvoinnin laitos", "Työterveyslaitos"}
    for r in runs.values():
        assert r.subject_type == "organisation" and r.object == "Työkykyohjelma 2020–2022"
        assert r.object_type == "programme" and "toimeenpano" in r.detail


# ------------------------------------------------------------------ measure packages

def test_both_measure_packages_with_target_groups(seed):
    _, doc = seed
    names = [t.name for t in doc.themes]
    assert names == ["Työkyvyn tuki osaksi tulevaisuuden sosiaali- ja terveyskeskusta",
                     "Tuetun työllistymisen menetelmät"]
    first, second = doc.themes
    for t in doc.themes:
        assert t.kind == "measure_package" and t.programme == "Työkykyohjelma 2020–2022"
        assert t.description and t.description.startswith("1.")
    assert first.target_groups == ["TE-toimiston asiakkaina olevat työttömät työnhakijat",
                                   "ilman työtä olevat työikäiset, jotka eivät ole työnhakijoina TE-toimistossa"]
    assert len(second.target_groups) == 3
    assert second.target_groups[0].startswith("kuntouttavassa työtoiminnassa olevat asiakkaat")
    assert second.target_groups[2] == "sosiaalihuollon mielenterveys- ja päihdetyön asiakkaat"
    assert "3. vahvistaa ammattilaisten" in second.description


# ------------------------------------------------------------------ statutes and glossary

def test_statutes_cited_by_number(seed):
    _, doc = seed
    got = {s.number: s.title for s in doc.statutes}
    assert {"189/2001", "710/1982", "519/1977", "13/2020", "688/2001", "1397/2016"} <= set(got)
    assert all(re.fullmatch(r"\d{1,4}/\d{4}", n) for n in got), "report numbers like 2019:20 are not statutes"
    assert got["189/2001"] == "laki kuntouttavasta työtoiminnasta"
    assert got["710/1982"] == "sosiaalihuoltolaki"
    assert got["1397/2016"] == "laki julkisista hankinnoista ja käyttöoikeussopimuksista"
    assert got["13/2020"].startswith("valtioneuvoston asetus sosiaali- ja terveydenhuollon")
    assert "avustuslaki" in got["688/2001"]


def test_glossary_terms_with_finnish_definitions(seed):
    lines, doc = seed
    expected = glossary_terms_by_structure(lines)
    assert len(expected) >= 8, "the fixture's glossary was not found by structure"
    labels = [c.label for c in doc.concepts]
    found = [t for t in expected if t in labels]
    assert len(found) >= 0.9 * len(expected), f"missing {set(expected) - set(labels)}"
    assert not set(labels) - set(expected), "something that is not a term"
    by_label = {c.label: c for c in doc.concepts}
    assert by_label["Työkyky"].definition.startswith("Työkyky tarkoittaa henkilön toimintakyvyn")
    assert by_label["Asiakaslähtöisyys"].definition.endswith("vuorovaikutteisesti ammattilaisten kanssa.")
    # a page break inside a definition does not cut it
    assert "Suomalaisessa sosiaalivakuutusjärjestelmässä" in by_label["Työkyky"].definition
    for c in doc.concepts:
        assert len(c.definition) > 80 and c.span.source == SEED and c.span.first < c.span.last


# ------------------------------------------------------------------ an invented guide of the same kind

SYNTHETIC = """\
ALFAOHJELMA 2030-2032 – OHJELMA JA HAKUOPAS

Alfaohjelma toteutetaan yhteistyössä opetus- ja kulttuuriministeriön (OKM) ja työ- ja
elinkeinoministeriön (TEM) kesken. OKM:llä on päävastuu ohjelmasta. TEM osallistuu ohjelmaan.

Esimerkkivirasto (EV) vastaa ohjelman operatiivisesta toimeenpanosta. Ohjelmalla on yhteys
Beetan kehittämisohjelmaan.

Valtionavustuksella tuettavat toimenpidekokonaisuudet ovat

1. alfan tuki kouluissa
2. beetan menetelmät.

Alfan tuki kouluissa -toimenpidekokonaisuuden tavoitteena on
1. tukea kouluja.

Toimenpidekokonaisuuden kohderyhminä ovat oppilaat sekä opettajat.

Ohjelman hankkeille jaettavissa oleva enimmäismäärä on yhteensä 3 miljoonaa euroa.
Avustuksista säädetään laissa esimerkkiavustuksista (123/2029).

Liite 1. Käsitteet
Ohjelmassa käytetään seuraavia käsitteitä, jotka on koottu tähän liitteeseen lukijan avuksi.

Alfatuki
Alfatuki tarkoittaa tukea, jota annetaan kouluissa oppilaille ja heidän perheilleen
tarpeen mukaan.

Beetamenetelmä
Beetamenetelmällä tarkoitetaan tapaa toimia yhdessä oppilaan kanssa niin, että
tavoitteet asetetaan yhdessä.

Liite 2. Arviointilomake
"""


def test_an_invented_guide_is_read_by_its_structure():
    lines = read_lines(SYNTHETIC)
    assert programme_guide.score(lines) > 0
    doc = programme_guide.load(lines, "invented.txt")
    prog = doc.programmes[0]
    assert prog.name == "Alfaohjelma 2030-2032" and prog.budget == Decimal("3000000")
    assert prog.ministries == ["Opetus- ja kulttuuriministeriö", "Työ- ja elinkeinoministeriö"]
    assert "Beetan kehittämisohjelma" in prog.related_programmes
    assert [t.name for t in doc.themes] == ["Alfan tuki kouluissa", "Beetan menetelmät"]
    assert doc.themes[0].target_groups == ["oppilaat", "opettajat"]
    orgs = {o.name: o for o in doc.organisations}
    assert orgs["EV"].expanded == "Esimerkkivirasto" and "toimeenpanosta" in orgs["EV"].role
    assert "päävastuu" in orgs["OKM"].role
    assert [(r.subject, r.predicate, r.object) for r in doc.relations] == \
        [("Esimerkkivirasto", "runs", "Alfaohjelma 2030-2032")]
    assert [(s.number, s.title) for s in doc.statutes] == [("123/2029", "laki esimerkkiavustuksista")]
    assert [c.label for c in doc.concepts] == ["Alfatuki", "Beetamenetelmä"]
    assert doc.concepts[1].definition.endswith("tavoitteet asetetaan yhdessä.")


def test_text_of_other_kinds_scores_zero():
    assert programme_guide.score(read_lines("1. Hankkeen tausta\nHankehallinnoijana toimii Alfa ry.")) == 0
    assert programme_guide.score(read_lines("toimenpidekokonaisuudet on rakennettu uudelleen")) == 0


def test_a_glossary_printed_as_term_colon_definition():
    text = ("Alfaohjelma – hakuopas\n\nLiite 1. Keskeiset käsitteet\n"
            "Alfatuki: tuki, jota annetaan kouluissa oppilaille ja heidän\nperheilleen.\n"
            "Beetamenetelmä – tapa toimia yhdessä oppilaan kanssa.\n"
            "Gammaverkosto: koulujen ja järjestöjen yhteinen verkosto.\n")
    doc = programme_guide.load(read_lines(text), "inline.txt")
    assert [(c.label, c.definition) for c in doc.concepts] == [
        ("Alfatuki", "tuki, jota annetaan kouluissa oppilaille ja heidän perheilleen."),
        ("Beetamenetelmä", "tapa toimia yhdessä oppilaan kanssa."),
        ("Gammaverkosto", "koulujen ja järjestöjen yhteinen verkosto.")]
