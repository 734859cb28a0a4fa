"""The theme-review loader, specified on the real seed and on invented documents.

The seed (data/sources/002_…) is the sample of the document kind; the invented
documents use other organisations, codes, programme and section order, so that
the loader is seen to parse the kind, not the sample.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from hankeverkko.loaders import theme_review
from hankeverkko.loaders.theme_review import loader as theme_review_loader
from hankeverkko.loaders.detect import detect as detect_kind
from hankeverkko.loaders.records import IMPLEMENTER_ROLES
from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE, read_lines
from hankeverkko.loaders.theme_review.box import parse_funding
from hankeverkko.loaders.theme_review.lists import looks_like_entry, parse_list

from conftest import GOLD, load_scorer

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"
SEED = SOURCES / "002_ecf7eb9cbcaeb76b.txt"
OTHER_KINDS = ["000_5390a3236872ddc1.txt", "001_28a3102e30eb8057.txt",
               "003_52536d0c142bbc18.txt", "004_a9a6b758ca45f597.txt"]


def _lines(path: Path):
    return read_lines(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lines():
    return _lines(SEED)


@pytest.fixture(scope="module")
def seed(seed_lines):
    return theme_review.load(seed_lines, SEED.name)


def theme_at(doc, line):
    return next(t for t in doc.themes if t.span.first == line)


def projects_of(doc, theme):
    return [p for p in doc.projects if theme.name in p.themes]


def project(doc, *, code=None, name=None):
    for p in doc.projects:
        if (code and p.code == code) or (name and p.name == name):
            return p
    raise AssertionError(f"no project {code or name!r}")


def roles(p):
    return {(x.organisation, x.role, x.code) for x in p.participants}


# ---------------------------------------------------------------- detection

def test_the_seed_is_recognised_as_a_theme_review(seed_lines):
    assert theme_review.score(seed_lines) > 100
    assert detect_kind(seed_lines) == "theme-review"


@pytest.mark.parametrize("name", OTHER_KINDS)
def test_other_document_kinds_score_zero(name):
    assert theme_review.score(_lines(SOURCES / name)) == 0


def test_document_header(seed):
    assert seed.kind == "theme-review"
    assert seed.title == "ESR+ Valtakunnallisten teemojen toteutuskatsaus"
    assert seed.year == 2024
    assert seed.line_count == 3843
    assert [p.name for p in seed.programmes] == ["Uudistuva ja osaava Suomi 2021-2027"]
    assert seed.programmes[0].start == dt.date(2021, 1, 1)


# ---------------------------------------------------------------- themes

def test_all_twelve_themes_are_found_with_their_titles(seed, seed_lines):
    headings = [ln.no for ln in seed_lines if ln.clean == "Valtakunnallinen teema"]
    assert len(headings) == 12
    assert [t.span.first for t in seed.themes] == headings
    for t in seed.themes:
        assert t.name and not re.search(r"yhteyshenkilö|valtakunnallinen teema", t.name, re.I)
        assert t.programme == "Uudistuva ja osaava Suomi 2021-2027"
    # titles printed over several lines are joined
    assert theme_at(seed, 529).name == "Maahanmuuttaneiden toimiva arki Suomessa: työ, osaaminen ja osallisuus"
    # the priority-axis theme keeps its specific objective, not the 'Koordinaatiohanke' label under it
    axis = seed.themes[-1].name
    assert axis.startswith("ESR+ -toimintalinja 5:") and axis.endswith("Erityistavoite 5.1: Turvaverkkoja "
                                                                       "nuorten tulevaisuuteen")


def test_theme_periods(seed):
    t = theme_at(seed, 9)
    assert (t.period, t.start, t.end) == ("1.1.2023 – 31.12.2027", dt.date(2023, 1, 1), dt.date(2027, 12, 31))
    t = theme_at(seed, 344)
    assert (t.start, t.end) == (dt.date(2021, 10, 1), dt.date(2024, 10, 31))
    assert all(t.period and t.start and t.end for t in seed.themes)


def test_ministries_are_full_names_and_every_theme_that_names_one_has_it(seed):
    full = {"Työ- ja elinkeinoministeriö", "Sosiaali- ja terveysministeriö", "Opetus- ja kulttuuriministeriö"}
    named = [t for t in seed.themes if t.ministries]
    assert len(named) == 11
    assert all(set(t.ministries) <= full for t in seed.themes)
    # 'TEM Hanna ...' (abbreviation only) resolves to the full name
    assert theme_at(seed, 344).ministries == ["Työ- ja elinkeinoministeriö"]
    # 'TEM: ... OKM: ... STM: ...' in order of appearance
    assert theme_at(seed, 529).ministries == ["Työ- ja elinkeinoministeriö", "Opetus- ja kulttuuriministeriö",
                                              "Sosiaali- ja terveysministeriö"]


def test_a_ministry_block_with_only_officials_names_no_ministry(seed, seed_lines):
    # the 'Jatkuva oppiminen' block lists two officials and no ministry: nothing is guessed
    t = next(t for t in seed.themes if t.name == "Jatkuva oppiminen")
    block = " ".join(ln.clean for ln in seed_lines[t.span.first:t.span.first + 40])
    assert "ministeriö:" not in block.split("yhteystiedot")[1].split("Teeman toteutusaika")[0]
    assert t.ministries == []
    assert [c.kind for c in t.contacts].count("ministry") == 2


def test_every_theme_has_all_four_funding_figures_in_euros(seed):
    for t in seed.themes:
        values = dataclasses.astuple(t.funding)
        assert all(isinstance(v, Decimal) for v in values), t.name


@pytest.mark.parametrize("line, frame", [
    (9, "14000000"),            # '14 000 000 e'
    (344, "1400000"),           # 'a) 1,4 milj. €' in a value column
    (529, "14000000"),          # '14 M €, josta TEM 6 milj. €, ...'
    (810, "9900000"),           # '9,9 M€'
    (2586, "23000000"),         # '13 M€+10 M€'
    (2911, "16000000"),         # 'a) 16 milj.'
    (3177, "8600000"),          # 'a) 5 milj. € + 3,6 milj. €'
])
def test_funding_frame_forms(seed, line, frame):
    assert theme_at(seed, line).funding.frame == Decimal(frame)


def test_funding_values_column_without_letters_and_not_yet_paid(seed):
    f = theme_at(seed, 2344).funding           # '13 M€', '4,3 M€', '0 € (31.10.24 mennessä)' x2
    assert (f.frame, f.reserved, f.committed, f.paid) == (Decimal(13000000), Decimal(4300000), 0, 0)
    assert theme_at(seed, 2911).funding.paid == 0          # 'd) ei vielä'
    assert theme_at(seed, 2078).funding.committed == Decimal(4418618)   # 'C) 4 418 618 euroa'


def test_funding_snippets():
    inline = parse_funding(read_lines("a) julkinen rahoituskehys 3 000 000 e\nb) varaukset 2 M€\n"
                                      "c) sidotut valtuudet 1,5 milj. €\nd) maksetut kustannukset 0 €"))
    assert dataclasses.astuple(inline) == (Decimal(3000000), Decimal(2000000), Decimal(1500000), Decimal(0))
    lettered = parse_funding(read_lines("a) julkinen rahoituskehys\nb) varaukset\nc) sidotut valtuudet\n"
                                        "d) maksetut kustannukset\nd) 10 €\nc) 20 €\nb) 30 €\na) 40 M€"))
    assert dataclasses.astuple(lettered) == (Decimal(40000000), Decimal(30), Decimal(20), Decimal(10))
    column = parse_funding(read_lines("a) julkinen rahoituskehys\nb) varaukset\nc) sidotut valtuudet\n"
                                      "d) maksetut kustannukset\n\n1 M€ + 2 M€\n\n50 000 €\n\n0 €\n\nei vielä"))
    assert dataclasses.astuple(column) == (Decimal(3000000), Decimal(50000), Decimal(0), Decimal(0))
    partial = parse_funding(read_lines("a) julkinen rahoituskehys 5 M€\nd) maksetut kustannukset"))
    assert (partial.frame, partial.reserved, partial.paid) == (Decimal(5000000), None, None)


def test_funders_are_the_ely_centres_of_the_funding_contacts(seed):
    assert theme_at(seed, 9).funders == ["Keski-Suomen ELY-keskus"]          # not the coordinator's ELY
    assert theme_at(seed, 1419).funders == ["Pohjois-Pohjanmaan ELY-keskus"]  # the coordination ELY is not a funder
    assert all(t.funders and all("ELY-" in f for f in t.funders) for t in seed.themes)


# ---------------------------------------------------------------- coordination projects

def test_every_theme_with_a_coordination_project_has_it_with_its_organisations(seed):
    without = [t.name for t in seed.themes if not t.coordination_projects]
    assert without == ["Uusia työmahdollisuuksia työpaikkoja kehittämällä"]   # names none
    for t in seed.themes:
        coord = [p for p in projects_of(seed, t) if p.kind == "coordination"]
        assert [p.name for p in coord] == t.coordination_projects
        assert all(p.participants for p in coord), t.name


def test_coordination_project_marked_in_the_list(seed):
    p = project(seed, code="S30068")
    assert p.kind == "coordination" and {x.organisation for x in p.participants} == {
        "KEHA-keskus", "Uudenmaan ELY-keskus"}                     # 'Toteuttaja A/B (Teeman koordinaatiohanke)'


def test_coordination_project_named_in_contacts_and_found_in_the_list(seed):
    assert project(seed, code="S30006").kind == "coordination"     # 'Luova verkko -koordinaatiohanke: ...'
    joppi = project(seed, name="JOPPI – Jatkuvan oppimisen Suomi")
    assert joppi.kind == "coordination" and joppi.cost_estimate == Decimal(1196000)


def test_coordination_project_known_only_from_prose(seed):
    t = seed.themes[-1]
    (p,) = [p for p in projects_of(seed, t) if p.kind == "coordination"]
    assert p.acronym == "SOILA" and p.name == "Sosiaaliset innovaatiot lastensuojelussa"
    assert roles(p) == {("Terveyden ja hyvinvoinnin laitos", "main", None),
                        ("Lastensuojelun Keskusliitto", "sub", None), ("Pesäpuu ry", "sub", None)}
    t8 = theme_at(seed, 2344)
    (p8,) = [p for p in projects_of(seed, t8) if p.kind == "coordination"]
    assert roles(p8) == {("Terveyden ja hyvinvoinnin laitos", "implementer", None)}


def test_coordination_implementers_named_in_the_genitive_are_read_as_printed_elsewhere(seed):
    """'SOS-Lapsikylän, Nuorten Akatemian ja Opetushallituksen yhteistyössä
    toteuttama ryhmähanke': each genitive is matched to a name the document
    prints in the nominative, nothing is guessed."""
    t = theme_at(seed, 2586)
    (p,) = [p for p in projects_of(seed, t) if p.kind == "coordination"]
    assert [x.organisation for x in p.participants] == ["SOS-Lapsikylä", "Nuorten Akatemia", "Opetushallitus"]


def test_prose_stated_group_coordination_project(seed):
    """Eleven S-codes with the same name are one group coordination project;
    the prose names its main implementer."""
    t = theme_at(seed, 810)
    (p,) = projects_of(seed, t)
    assert p.kind == "coordination" and p.code is None
    assert len(p.participants) == 11 and len({x.code for x in p.participants}) == 11
    assert [x.organisation for x in p.participants if x.role == "main"] == ["Silta-Valmennusyhdistys ry"]
    assert {x.role for x in p.participants} == {"main", "sub"}
    # one code, one implementer: a bilingual name with a comma stays whole
    assert "Yhteiskunnallisten yritysten liitto Arvo ry, Allians för Societala Företag rf" in {
        x.organisation for x in p.participants}


# ---------------------------------------------------------------- list layouts on the seed

def test_layout_group_code_with_sub_project_rows(seed):
    p = project(seed, code="R-01402")
    assert (p.name, p.kind, p.start, p.end) == ("MERIT", "group", dt.date(2024, 9, 1), dt.date(2026, 8, 31))
    assert roles(p) == {("Lab-ammattikorkeakoulu Oy", "main", "S30977"),
                        ("Tampereen ammattikorkeakoulu Oy", "sub", "S30979"),
                        ("Lapin ammattikorkeakoulu Oy", "sub", "S30978")}
    assert roles(project(seed, code="R-01543"))  == {("Kuntoutussäätiö sr", "main", "205677"),
                                                     ("Valo-Valmennusyhdistys ry", "sub", "205678")}


def test_layout_flattened_table_under_sisaltoosio(seed):
    p = project(seed, code="R-00493")
    assert p.section == "Kotona lapsia hoitavien vanhempien työelämäosallisuus"
    assert p.name == "Kotoa kohti työelämää - kokonaisvaltaista kotoutumista maahanmuuttajavanhemmille"
    assert roles(p) == {("Espoon kaupunki", "main", "S30298"),
                        ("Espoon seudun koulutuskuntayhtymä Omnia", "sub", "S30297")}
    assert roles(project(seed, code="S30294")) == {("Suomen Humanistinen Ammattikorkeakoulu Oy", "applicant", None)}
    # name and applicant cells joined by a single space
    assert (project(seed, code="S30540").name, roles(project(seed, code="S30540"))) == (
        "JOKO Työelämään", {("Keuruun kaupunki", "applicant", None)})
    # a row split over a page break, marked '/ päätoteuttaja' with no group code
    p = project(seed, code="S30299")
    assert (p.name, p.kind, roles(p)) == ("Sie osaat ja kuulut", "group",
                                          {("Rovaniemen Koulutuskuntayhtymä", "main", "S30299")})
    assert project(seed, code="S30540").section.startswith("Vieraskielisten asiakkaiden tukeminen")


def test_layout_main_and_sub_implementer_lines(seed):
    p = project(seed, code="R-00789")            # a URL line sits between the two role lines
    assert [x.organisation for x in p.participants if x.role == "main"] == ["Tampereen ammattikorkeakoulu Oy"]
    assert len([x for x in p.participants if x.role == "sub"]) == 6
    assert roles(project(seed, code="S30580")) == {("Suomen Humanistinen Ammattikorkeakoulu Oy", "applicant", None)}


def test_layout_toteuttajat_with_cost_estimate(seed):
    p = project(seed, name="Digitaaliset työkalut etä- ja paikkariippumattoman työn koordinaatiossa (DigiPaikka)")
    assert (p.acronym, p.cost_estimate) == ("DigiPaikka", Decimal(600483))
    assert [x.organisation for x in p.participants] == ["Jyväskylän yliopisto", "Centria-ammattikorkeakoulu Oy",
                                                        "Vaasan Yliopisto"]
    assert {x.role for x in p.participants} == {"implementer"}
    # the amount broken over two lines ('Kustannusarvio 1' / '397 817')
    well = project(seed, name="Well-being AI: Tekoälyajan työhyvinvointi ja tuottavuus palvelualan yrityksissä")
    assert well.cost_estimate == Decimal(1397817) and len(well.participants) == 6
    # an organisation broken over three lines
    tyhy = next(p for p in seed.projects if p.name.startswith("TyhyTeko"))
    assert "Kaakkois-Suomen Ammattikorkeakoulu Oy" in {x.organisation for x in tyhy.participants}
    assert project(seed, name="Osallisuus ja toimijuus työhyvinvoinnin ja tuottavuuden tekijöinä (OSATTU)"
                   ).section == "Marraskuussa 2024 rahoituspäätökset tehty"


def test_layout_name_colon_organisations(seed):
    p = project(seed, name="Laatua työkyvyn ja työllistymisen tukeen")
    assert [x.organisation for x in p.participants] == [
        "Terveyden ja hyvinvoinnin laitos", "Etelä-Pohjanmaan hyvinvointialue", "Pirkanmaan hyvinvointialue",
        "Parik-säätiö"]
    assert roles(project(seed, name="Työkokeilusta työelämään: koulutus- ja kehittämishanke")) == {
        ("Työterveyslaitos", "implementer", None)}


def test_layout_code_name_slash_organisations(seed):
    assert roles(project(seed, code="S30813")) == {("Silta-Valmennusyhdistys ry", "implementer", None)}
    p = project(seed, code="R-01084")
    assert p.kind == "group" and len(p.participants) == 8
    assert "Vantaan ja Keravan hyvinvointialue" in {x.organisation for x in p.participants}


def test_layout_code_name_comma_organisations(seed):
    p = project(seed, code="R-00440")
    assert p.name == "Lasten, nuorten ja perheiden osallisuuden koordinaatio"
    assert [x.organisation for x in p.participants] == ["SOS-Lapsikylä", "Nuorten Akatemia", "Opetushallitus"]


def test_layout_names_with_toteuttajat_and_urls(seed):
    t = theme_at(seed, 2586)
    listed = [p for p in projects_of(seed, t) if p.kind != "coordination"]
    assert len(listed) == 12
    nuorto = next(p for p in listed if p.name.startswith("NuoRTO"))
    assert [x.organisation for x in nuorto.participants] == ["Laurea-ammattikorkeakoulu Oy",
                                                             "Outward Bound Finland ry", "Kirkkopalvelut ry"]
    assert nuorto.urls == ["https://www.laurea.fi/hankkeet/n/nuorto---nuorille-resilienssia-toimijuutta-ja-osallisuutta/"]
    # a URL broken over two lines is one URL, not a project name
    assert not any(p.name.startswith(("dialogista", "monialainen-tuki")) for p in listed)


def test_layout_list_published_separately(seed):
    t = seed.themes[-1]
    notes = [s for s in seed.skipped if t.span.first <= s.line <= t.span.last and s.looks_like_entry]
    assert any("erillisenä liitteenä" in s.reason for s in notes)


# ---------------------------------------------------------------- contact details and coverage

def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))


def test_no_email_address_or_phone_number_in_any_record(seed):
    strings = list(_strings(seed))
    assert len(strings) > 1000
    assert not [s for s in strings if EMAIL_RE.search(s) or PHONE_RE.search(s) or "@" in s]
    assert all(not re.search(r"\d", c.person) for t in seed.themes for c in t.contacts)


def test_contacts_keep_names_titles_and_organisations(seed):
    t = theme_at(seed, 9)
    assert [(c.person, c.title, c.organisation, c.kind) for c in t.contacts] == [
        ("Juha Matikainen", "Projektipäällikkö", "Uudenmaan ELY-keskus", "coordination"),
        ("Satu Tuimala", "Rahoitusasiantuntija", "Keski-Suomen ELY-keskus", "funder"),
        ("Tapani Kojonsaari", None, "Työ- ja elinkeinoministeriö", "ministry")]


def test_every_entry_like_list_line_is_used_or_reported(seed, seed_lines):
    """Coverage: a section-7 line that looks like an entry is either read into
    a record or reported as skipped, and the document counts the lines used."""
    reported = {s.line for s in seed.skipped}
    used_total, missing = 0, []
    for a, b in theme_review_loader.theme_sections(seed_lines):
        found = theme_review_loader.find_list(seed_lines[a:b])
        if not found:
            continue
        _, first, end = found
        region = seed_lines[a + first:a + end]
        result = parse_list(region, SEED.name, furniture=theme_review_loader.repeated_furniture(seed_lines))
        used_total += result.used_lines
        missing += [ln for ln in region if looks_like_entry(ln.clean)
                    and ln.no not in result.used and ln.no not in reported]
    assert missing == []
    assert seed.used_list_lines == used_total and 200 < used_total < 400


def test_unusable_entry_like_lines_become_skipped_records():
    text = ("Toteuttajat: Alfa Oy\n"            # a label with no project before it
            "S91001 Beeta-hanke / Beeta Oy\n"
            "S91002\n")                         # a code with nothing else
    result = parse_list(read_lines(text), "keksitty.txt")
    assert [p.code for p in result.projects] == ["S91001"]
    assert [(s.line, s.looks_like_entry) for s in result.skipped] == [(1, True), (3, True)]
    assert result.used == {2}


# ---------------------------------------------------------------- invented documents: the kind, not the sample

INVENTED = """KOKEILEVA JA ROHKEA SUOMI 2030-2036
EU:N KOEOHJELMA
ESR+ Valtakunnallisten teemojen toteutuskatsaus
Katsaus 30.6.2031 mennessä toteutuneeseen toimintaan.

 Valtakunnallinen teema
Kokeilujen
ja rohkeuden edistäminen

Teeman toteutusaika 1.3.2031 – 28.2.2035

Teeman (EU+ valtio):
a) julkinen rahoituskehys
b) varaukset
c) sidotut valtuudet
d) maksetut kustannukset

7,5 M€+2,5 M€

3 210 000 €

1 000 000 €

ei vielä

Vastuullinen hallinnonala ja
ministeriön vastuuhenkilön
yhteystiedot
MMM: Eino Esimerkki, eino.esimerkki@gov.fi, 0295 111 222

Yhteyshenkilöt (koordinaatio tms.
hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)
Projektipäällikkö Kaisa Koe, Rohkeusverkko -koordinaatiohanke
Rahoitusasiantuntija Pekka Malli, Pohjanmaan ELY-
keskus, pekka.malli(at)ely-keskus.fi

7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista
Koordinaatiohanke:
S77001 Rohkeusverkko, toteuttaja Kokeilukeskus Oy
R-07700 AURORA 1.4.2031 – 31.3.2033
S77011 Gammalan kaupunki
S77010 Beetala ry (päätoteuttaja)
mailto:kirjaamo@koe.fi
PL 99
00999 Esimerkkilä
Puh. 0295 99999
12
S77020 Deltanen: Deltasäätiö sr
S77021 Deltanen: Epsilon Ab
6) Linkkejä valtakunnallisesta teemasta kertoville verkkosivuille
https://www.rohkeusverkko.example/
1) Tiivis kuvaus valtakunnallisen teeman sisällöstä ja teemassa rahoitettujen hankkeiden
lukumäärä (max. 2000 merkkiä).
Kokeileva ja rohkea Suomi 2030–2036 -ohjelman teemaa koordinoi Rohkeusverkko -koordinaatiohanke. Deltanen-ryhmähankkeen
päätoteuttaja on Epsilon Ab ja hankkeessa on kaksi toteuttajaa.
 Valtakunnallinen teema
Toinen teema
Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot
Ympäristöministeriö
Liisa Virta
Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)
Lapin ELY-keskus, Liisa Laki
Teeman toteutusaika 2031–2034
Teeman (EU+ valtio):
a) julkinen rahoituskehys 16 milj.
b) varaukset 1,2 milj. €
c) sidotut valtuudet 600 000 e
d) maksetut kustannukset 0 € (30.6.31 mennessä)
2) Kuvaus valtakunnallisen teeman konkreettisesta toiminnasta 30.6.2031 mennessä
Koordinoivan hankkeen toteuttaa Zeta-instituutti. Teeman koordinoiva hanke Zetaverkko on
käynnistynyt.
7) Toinen teema -teema, 30.6.2031 mennessä
rahoitetut hankkeet
Sisältöosio Ensimmäinen osio
Hakemus-
numero
Ryhmä-
hanke-
tunnus
Hankkeen nimi Hakija
S88001   Etäkokeilu  Etelän
ammattikorkeakoulu Oy
S88002 R-08800 Yhteinen polku - kokeiluja
nuorille
Iotan kaupunki /
päätoteuttaja
S88003  R-08800 Yhteinen polku - kokeiluja
nuorille
Kappa ry / osatoteuttaja
"""


@pytest.fixture(scope="module")
def invented():
    return theme_review.load(read_lines(INVENTED), "keksitty.txt")


def test_invented_review_is_detected_and_read(invented):
    assert detect_kind(read_lines(INVENTED)) == "theme-review"
    assert [p.name for p in invented.programmes] == ["Kokeileva ja rohkea Suomi 2030-2036"]
    assert invented.year == 2031
    assert [t.name for t in invented.themes] == ["Kokeilujen ja rohkeuden edistäminen", "Toinen teema"]


def test_invented_box_in_another_order(invented):
    a, b = invented.themes
    assert (a.start, a.end) == (dt.date(2031, 3, 1), dt.date(2035, 2, 28))
    assert dataclasses.astuple(a.funding) == (Decimal(10000000), Decimal(3210000), Decimal(1000000), Decimal(0))
    assert a.ministries == ["Maa- ja metsätalousministeriö"]
    assert a.funders == ["Pohjanmaan ELY-keskus"]
    assert [(c.person, c.kind) for c in a.contacts] == [("Kaisa Koe", "coordination"), ("Pekka Malli", "funder"),
                                                        ("Eino Esimerkki", "ministry")]
    assert b.ministries == ["Ympäristöministeriö"] and b.funders == ["Lapin ELY-keskus"]
    assert dataclasses.astuple(b.funding) == (Decimal(16000000), Decimal(1200000), Decimal(600000), Decimal(0))
    assert (b.start, b.end) == (dt.date(2031, 1, 1), dt.date(2034, 12, 31))


def test_invented_lists(invented):
    a, b = invented.themes
    assert a.coordination_projects == ["Rohkeusverkko"]
    assert roles(project(invented, code="S77001")) == {("Kokeilukeskus Oy", "implementer", None)}
    aurora = project(invented, code="R-07700")
    assert roles(aurora) == {("Beetala ry", "main", "S77010"), ("Gammalan kaupunki", "sub", "S77011")}
    assert (aurora.start, aurora.end) == (dt.date(2031, 4, 1), dt.date(2033, 3, 31))
    deltanen = project(invented, name="Deltanen")
    # prose after the list names the main implementer, not the first row
    assert deltanen.kind == "group" and roles(deltanen) == {("Epsilon Ab", "main", "S77021"),
                                                            ("Deltasäätiö sr", "sub", "S77020")}
    assert not any(re.search(r"PL 99|Esimerkkilä|0295", x.organisation) for p in invented.projects
                   for x in p.participants)
    # theme b: a coordination project known only from prose, and a table
    assert b.coordination_projects == ["Zetaverkko"]
    assert roles(project(invented, name="Zetaverkko")) == {("Zeta-instituutti", "implementer", None)}
    assert roles(project(invented, code="S88001")) == {("Etelän ammattikorkeakoulu Oy", "applicant", None)}
    polku = project(invented, code="R-08800")
    assert polku.name == "Yhteinen polku - kokeiluja nuorille" and polku.section == "Ensimmäinen osio"
    assert roles(polku) == {("Iotan kaupunki", "main", "S88002"), ("Kappa ry", "sub", "S88003")}
    assert not [s for s in invented.skipped if s.looks_like_entry]


def test_invented_contact_details_are_not_kept(invented):
    assert not [s for s in _strings(invented) if "@" in s or PHONE_RE.search(s)]


def _list(text):
    return parse_list(read_lines(text), "keksitty.txt", "Teema").projects


def test_snippet_numbered_list_with_applicant_and_main_and_sub_lines():
    projects = _list("1. S12001  Alfaverkko\nHakija Alfa-keskus ALFA\n\n"
                     "2. R-01200 Beetapolku\nPäähankkeen toteuttaja Beeta Oy\n"
                     "https://beeta.example/\n"
                     " Osahankkeen toteuttajat Gamma ry, Delta sr, Epsilon\nAb\n"
                     "3. R-01201 KOLMOS\nPäähankkeen toteuttaja Zeta ry\nOsahankkeen toteuttaja Eta Oy")
    assert [(p.code, p.name, p.kind) for p in projects] == [("S12001", "Alfaverkko", "single"),
                                                            ("R-01200", "Beetapolku", "group"),
                                                            ("R-01201", "KOLMOS", "group")]
    assert roles(projects[0]) == {("Alfa-keskus ALFA", "applicant", None)}
    assert roles(projects[1]) == {("Beeta Oy", "main", None), ("Gamma ry", "sub", None),
                                  ("Delta sr", "sub", None), ("Epsilon Ab", "sub", None)}
    assert projects[1].urls == ["https://beeta.example/"]


def test_snippet_toteuttajat_and_cost_estimates():
    projects = _list("Ensimmäinen hanke - pitkä nimi joka jatkuu\n\nseuraavalle riville. Toteuttajat: Alfa\n\n"
                     "Oy, Beeta ry ja Gamman kaupunki. Kustannusarvio 1\n\n234 567 €.\n\n"
                     "Toinen hanke (TOKA). Toteuttaja: Delta-säätiö. Kustannusarvio: 89 000 €.\n\n"
                     "Kolmas hanke\nToteuttajat: Epsilon Oy, Zeta ry ja\nEta sr\nhttps://kolmas.example/\n"
                     "Neljäs hanke\nToteuttajat: Theta Oy")
    assert [p.name for p in projects] == ["Ensimmäinen hanke - pitkä nimi joka jatkuu seuraavalle riville",
                                          "Toinen hanke (TOKA)", "Kolmas hanke", "Neljäs hanke"]
    assert [p.cost_estimate for p in projects] == [Decimal(1234567), Decimal(89000), None, None]
    assert [x.organisation for x in projects[0].participants] == ["Alfa Oy", "Beeta ry", "Gamman kaupunki"]
    assert projects[1].acronym == "TOKA"
    assert [x.organisation for x in projects[2].participants] == ["Epsilon Oy", "Zeta ry", "Eta sr"]
    assert projects[2].urls == ["https://kolmas.example/"]
    assert {x.role for p in projects for x in p.participants} == {"implementer"}


def test_snippet_name_colon_and_slash_layouts():
    projects = _list("Hanke yksi: kokeilu ja arviointi:\nAlfa Oy, Beetan ja Gamman hyvinvointialue ja\n"
                     "Delta ry\n\nHanke kaksi:\nEpsilon-säätiö\n"
                     "S55001 Kolmas / Zeta ry\nR-05500 Neljäs - yhteinen\n/ Eta Oy, Theta ry")
    assert [(p.name, [x.organisation for x in p.participants]) for p in projects] == [
        ("Hanke yksi: kokeilu ja arviointi", ["Alfa Oy", "Beetan ja Gamman hyvinvointialue", "Delta ry"]),
        ("Hanke kaksi", ["Epsilon-säätiö"]),
        ("Kolmas", ["Zeta ry"]),
        ("Neljäs - yhteinen", ["Eta Oy", "Theta ry"])]


def test_snippet_list_only_in_an_attachment():
    doc = theme_review.load(read_lines(
        "Valtakunnallinen teema\nLiiteteema\nTeeman toteutusaika 2030-2031\n"
        "7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista erillisenä liitteenä\n"
        "Liitteenä on hankekortit.\n"), "liite.txt")
    assert doc.projects == []
    (note,) = [s for s in doc.skipped if s.looks_like_entry]
    assert note.line == 4 and "erillisenä liitteenä" in note.reason


# ---------------------------------------------------------------- the gold reading

_scorer = load_scorer


@pytest.fixture(scope="module")
def gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_gold_first_four_themes_f1_and_role_accuracy(gold, seed):
    result = _scorer().score_document(gold, seed)
    assert result.f1 >= 0.97, _scorer().format_score(result)
    assert result.role_accuracy >= 0.97, _scorer().format_score(result)
    assert result.themes_ok, _scorer().format_score(result)
    assert len(result.themes) == 4


def test_gold_scorer_notices_mistakes(gold, seed):
    """The scoring can fail: drop one participant and mislabel a role."""
    broken = dataclasses.replace(seed, projects=[dataclasses.replace(p) for p in seed.projects])
    merit = next(p for p in broken.projects if p.code == "R-01402")
    merit.participants = [dataclasses.replace(x, role="implementer") for x in merit.participants[1:]]
    result = _scorer().score_document(gold, broken)
    assert result.recall < 1 and result.role_accuracy < 1
    assert {r.name: r.missing for r in result.themes}["Työmarkkinoiden kohtaanto"] == [
        ("MERIT", "lab ammattikorkeakoulu oy")]


def test_participant_roles_are_implementer_roles(seed):
    assert {x.role for p in seed.projects for x in p.participants} <= set(IMPLEMENTER_ROLES)


# ---------------------------------------------------------------- more invented variants of the kind

COMPACT = """OSAAVA JA VIHREÄ SUOMI 2028-2034
ESR+ Valtakunnallisten teemojen toteutuskatsaus
Valtakunnallinen teema: Digitaalinen osaaminen
Yhteyshenkilöt: Projektipäällikkö Anna Aaltonen, Alfaverkko-koordinaatiohanke, Alfa ry; Rahoitusasiantuntija Bertta Berg, Lapin ELY-keskus
Vastuullinen hallinnonala: OKM, Mikko Mäki
Teeman toteutusaika: 1.1.2028–31.12.2032
Teeman rahoitus (EU+valtio): a) julkinen rahoituskehys 3 M€ b) varaukset 1 M€ c) sidotut valtuudet 0 € d) maksetut kustannukset 0 €
1. Tiivis kuvaus valtakunnallisen teeman sisällöstä
Koordinaatiohankkeen toteuttaja on Alfa ry. Yhteinen kokeilu -ryhmähankkeen päätoteuttajana toimii Beeta Oy.
7. Valtakunnallisesta teemasta rahoitettujen hankkeiden lista
S40001 Digiloikka 1.2.2029 – 31.1.2031, Toteuttaja Beeta Oy. Kustannusarvio 500 000 €.
R-04000 Iltarusko 1.2.2030 – 31.1.2032
S40002 Ilta Consulting (osatoteuttaja)
S40003 Rusko-säätiö sr (päätoteuttaja)
S40010 Yhteinen kokeilu: Gamma ry
S40011 Yhteinen kokeilu: Beeta Oy
S40020 Aamunkoi
Aamu ry
Sisältöosio Toinen osio
Hakemusnumero Ryhmähanketunnus Hankkeen nimi Toteuttaja
S66001 R-06600 Yhteinen tie Delta Consulting Oy
S66002 R-06600 Yhteinen tie Chi ry
S66004 Kuntakokeilu Omegan kaupunki
Rohkea raja: Rho Oy, Sigma ry ja Tau sr
"""


def test_compact_variant_box_on_label_lines():
    doc = theme_review.load(read_lines(COMPACT), "tiivis.txt")
    (t,) = doc.themes
    assert t.name == "Digitaalinen osaaminen"
    assert (t.start, t.end, t.ministries, t.funders) == (dt.date(2028, 1, 1), dt.date(2032, 12, 31),
                                                        ["Opetus- ja kulttuuriministeriö"], ["Lapin ELY-keskus"])
    assert dataclasses.astuple(t.funding) == (Decimal(3000000), Decimal(1000000), Decimal(0), Decimal(0))
    assert [(c.person, c.title, c.organisation, c.kind) for c in t.contacts] == [
        ("Anna Aaltonen", "Projektipäällikkö", "Alfa ry", "coordination"),
        ("Bertta Berg", "Rahoitusasiantuntija", "Lapin ELY-keskus", "funder"),
        ("Mikko Mäki", None, "Opetus- ja kulttuuriministeriö", "ministry")]


def test_compact_variant_lists():
    doc = theme_review.load(read_lines(COMPACT), "tiivis.txt")
    assert doc.themes[0].coordination_projects == ["Alfaverkko"]
    assert roles(project(doc, name="Alfaverkko")) == {("Alfa ry", "implementer", None)}
    digi = project(doc, code="S40001")
    assert (digi.name, digi.cost_estimate, roles(digi)) == ("Digiloikka", Decimal(500000),
                                                           {("Beeta Oy", "implementer", None)})
    assert roles(project(doc, code="R-04000")) == {("Ilta Consulting", "sub", "S40002"),
                                                   ("Rusko-säätiö sr", "main", "S40003")}
    assert roles(project(doc, name="Yhteinen kokeilu")) == {("Gamma ry", "sub", "S40010"),
                                                            ("Beeta Oy", "main", "S40011")}
    assert roles(project(doc, code="S40020")) == {("Aamu ry", "implementer", None)}
    # a one-line table header whose last column is 'Toteuttaja'; cells joined by single spaces
    tie = project(doc, code="R-06600")
    assert (tie.name, tie.section) == ("Yhteinen tie", "Toinen osio")
    assert roles(tie) == {("Delta Consulting Oy", "implementer", "S66001"), ("Chi ry", "implementer", "S66002")}
    assert (project(doc, code="S66004").name, roles(project(doc, code="S66004"))) == (
        "Kuntakokeilu", {("Omegan kaupunki", "implementer", None)})
    # an entry of another layout after the table is not a table cell
    assert roles(project(doc, name="Rohkea raja")) == {("Rho Oy", "implementer", None),
                                                       ("Sigma ry", "implementer", None),
                                                       ("Tau sr", "implementer", None)}
    assert not [s for s in doc.skipped if s.looks_like_entry]
