"""The theme-review loader on documents it was not written against.

``tests/fixtures/theme_review_unseen_{a,b,c,d}.txt`` are invented reviews in the
seed's extracted-PDF style (``c`` and ``d`` by a second tester, in another
style: later dates, other box labels, funding tables with non-breaking spaces,
cell-per-line tables with the group column first, Swedish names, main
implementers stated only in prose, 'Sivu 3 / 14' footers): other organisations, codes and programme, the box
and the numbered sections in other orders, every list layout of the kind,
funding figures in every printed form, page footers, ``mailto:`` lines and
words hyphenated across lines.  Each ``.expected.json`` beside them is a
hand-written reading in the format of ``shared/gold/SCHEMA.md``, made from the
text and not from the loader's output.  The loader is scored on them the way
the gold reading of the seed scores it (``benchmarks/score_gold.py``), and the
facts the score does not count (titles, periods, funders, contacts, codes,
sections, dates, cost estimates, acronyms, URLs) are compared one by one.
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
from hankeverkko.loaders.detect import detect as detect_kind
from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE, read_lines

from conftest import load_scorer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = ["theme_review_unseen_a", "theme_review_unseen_b", "theme_review_unseen_c", "theme_review_unseen_d"]


SCORER = load_scorer()


def _load(name):
    lines = read_lines((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    return lines, theme_review.load(lines, f"{name}.txt")


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    lines, doc = _load(request.param)
    expected = json.loads((FIXTURES / f"{request.param}.expected.json").read_text(encoding="utf-8"))
    return request.param, lines, doc, expected


def _theme(doc, gt):
    t = SCORER._match_theme(gt, doc.themes)
    assert t is not None, f"theme not found: {gt['name']}"
    return t


def _projects(doc, t):
    return [p for p in doc.projects if t.name in p.themes]


# ---------------------------------------------------------------- the score

def test_detected_as_a_theme_review(case):
    _, lines, doc, expected = case
    assert detect_kind(lines) == "theme-review"
    assert [t.name for t in doc.themes] == [t["name"] for t in expected["themes"]]


def test_pairs_roles_and_themes_score(case):
    name, _, doc, expected = case
    result = SCORER.score_document(expected, doc)
    report = SCORER.format_score(result)
    assert result.f1 >= 0.95, report
    assert result.role_accuracy >= 0.95, report
    assert result.themes_ok, report
    assert all(t.found for t in result.themes), report


def test_pairs_are_all_found_on_the_fixtures(case):
    """Stricter than the target: the fixtures are read without a miss."""
    _, _, doc, expected = case
    result = SCORER.score_document(expected, doc)
    assert (result.fp, result.fn, result.role_accuracy) == (0, 0, 1.0), SCORER.format_score(result)


# ---------------------------------------------------------------- facts the score leaves out

def test_theme_titles_periods_funders_and_contacts(case):
    _, _, doc, expected = case
    for gt in expected["themes"]:
        t = _theme(doc, gt)
        assert t.name == gt["name"]
        assert t.programme == gt["programme"]
        assert t.period == gt["period"]
        assert t.funders == gt["funders"]
        assert [m["name"] for m in gt["ministries"]] == t.ministries          # in the order printed
        assert [(c["person"], c["title"], c["organisation"], c["kind"]) for c in gt["contacts"]] == \
            [(c.person, c.title, c.organisation, c.kind) for c in t.contacts], t.name
        assert t.coordination_projects == gt["coordination_projects"]


def test_project_details(case):
    _, _, doc, expected = case
    for gt in expected["themes"]:
        t = _theme(doc, gt)
        predicted = _projects(doc, t)
        mapping = SCORER._match_projects(gt["projects"], predicted)
        assert len(mapping) == len(gt["projects"]) == len(predicted), t.name
        for gi, pi in mapping.items():
            g, p = gt["projects"][gi], predicted[pi]
            assert (p.code, p.name, p.kind) == (g["code"], g["name"], g["kind"]), g["name"]
            assert p.acronym == g.get("acronym"), g["name"]
            assert p.section == g.get("section", p.section), g["name"]
            assert p.start == (dt.date.fromisoformat(g["start"]) if g.get("start") else None), g["name"]
            assert p.end == (dt.date.fromisoformat(g["end"]) if g.get("end") else None), g["name"]
            cost = g.get("cost_estimate_eur")
            assert p.cost_estimate == (Decimal(str(cost)) if cost is not None else None), g["name"]
            assert p.urls == g.get("urls", []), g["name"]
            assert [(x.organisation, x.role, x.code) for x in p.participants] == \
                [(x["organisation"], x["role"], x["code"]) for x in g["participants"]], g["name"]


def test_list_published_separately_is_reported_and_still_read(case):
    _, _, doc, expected = case
    for gt in expected["themes"]:
        t = _theme(doc, gt)
        notes = [s for s in doc.skipped if t.span.first <= s.line <= t.span.last and s.looks_like_entry]
        if gt.get("list_published_separately"):
            # the text says the list is an attachment, yet prints entries: they are read, nothing is skipped
            assert _projects(doc, t) and not notes
        else:
            assert notes == [], t.name


def test_no_contact_details_anywhere(case):
    _, _, doc, _ = case
    strings = []

    def walk(v):
        if isinstance(v, str):
            strings.append(v)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif dataclasses.is_dataclass(v):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))
    walk(doc)
    assert strings
    leaks = [s for s in strings if EMAIL_RE.search(s) or PHONE_RE.search(s) or "@" in s or "(at)" in s]
    assert leaks == []
    assert all(not re.search(r"\d", c.person) for t in doc.themes for c in t.contacts)
    # the footers' postal lines and switchboard numbers are no organisation
    orgs = {x.organisation for p in doc.projects for x in p.participants}
    assert not [o for o in orgs if re.search(r"^PL \d|Valtioneuvosto|Puh\.|verkkosivu|mailto|\bSivu\b", o)]


# ---------------------------------------------------------------- specific layouts

def test_a_specific_layouts():
    _, doc = _load("theme_review_unseen_a")
    assert [p.name for p in doc.programmes] == ["Uudistuva ja osaava Suomi 2021-2027"]
    assert doc.year == 2025
    first, youth, work_ability, quality = doc.themes
    # a title hyphenated across lines is one word
    assert first.name == "Digitaalisen osaamisen vahvistaminen työelämässä"
    # '0 € (31.10.25 mennessä)', '3,2 M€', 'e'
    assert dataclasses.astuple(first.funding) == (Decimal(12500000), Decimal(3200000), Decimal(1875430), 0)
    # a six-digit sub-project code under an R-code
    datataidot = next(p for p in doc.projects if p.code == "R-02205")
    assert {x.code for x in datataidot.participants} == {"208811", "208812"}
    # a table row broken by a page footer: the genitive place belongs to the applicant
    row = next(p for p in doc.projects if p.code == "S31470")
    assert (row.name, [x.organisation for x in row.participants]) == ("Työelämään yhdessä",
                                                                      ["Ruskalan Nuorisosäätiö sr"])
    # 'koulutus-' / 'kuntayhtymä' in a table cell
    assert "Länsirannikon koulutuskuntayhtymä" in {x.organisation for p in doc.projects for x in p.participants}
    # '14 M €, josta STM 8 milj. € ja OKM 6 milj. €' in a value column
    assert youth.funding.frame == Decimal(14000000) and youth.funding.paid == Decimal("612331.25")
    # 'a) 13 M€+10 M€', 'b) 7 250 000 euroa', 'd) ei vielä'
    assert dataclasses.astuple(work_ability.funding) == (Decimal(23000000), Decimal(7250000),
                                                         Decimal(3118904), 0)
    # 'Teeman koordinaatiohankkeena toimii X. Koordinaatiohankkeen toteuttaja on Y.'
    (coord,) = [p for p in doc.projects if p.kind == "coordination" and work_ability.name in p.themes]
    assert (coord.name, coord.code) == ("Kykyverkko", None)
    # no coordination project: 'Teemaan ei ole rahoitettu koordinaatiohanketta'
    assert quality.coordination_projects == []
    assert (quality.start, quality.end) == (dt.date(2022, 10, 1), dt.date(2027, 12, 31))


def test_b_specific_layouts():
    _, doc = _load("theme_review_unseen_b")
    assert [p.name for p in doc.programmes] == ["Osaava ja vihreä Pohjola 2028-2034"]
    green, rural, axis = doc.themes
    assert green.funding.frame == Decimal(8600000)                 # '5 milj. € + 3,6 milj. €'
    # S-codes sharing a name are one group coordination project; the prose names its main implementer
    (verkko,) = [p for p in doc.projects if p.name == "Vihreä verkko"]
    assert verkko.kind == "coordination" and verkko.code is None
    assert [x.organisation for x in verkko.participants if x.role == "main"] == ["Kiertotalousverkosto Kierto ry"]
    # the footer URL after a 'mailto:' line is not the last entry's URL
    assert next(p for p in doc.projects if p.code == "S40240").urls == []
    # a coordination project known only from prose: 'Päätoteuttajana on X, osatoteuttajina A ja B'
    (maaseutu,) = [p for p in doc.projects if p.kind == "coordination" and rural.name in p.themes]
    assert maaseutu.name == "Maaseutu työssä"
    assert [(x.organisation, x.role) for x in maaseutu.participants] == [
        ("Maaseudun Sivistysliitto ry", "main"), ("Kaamosjoen yliopisto", "sub"),
        ("Metsälän ammattikorkeakoulu Oy", "sub")]
    # 'Name: A, B ja' / 'C Oy' continued on the next line
    nuoret = next(p for p in doc.projects if p.name == "Nuoret maaseudun työmarkkinoilla")
    assert [x.organisation for x in nuoret.participants] == [
        "Kaamosjoen yliopisto", "Pohjolan Nuorisoseurat ry", "Metsälän ammattikorkeakoulu Oy"]
    # the priority-axis theme keeps its specific objective; 'OKM ja TEM'
    assert axis.name.endswith("Erityistavoite 4.3: Työelämän kielitaidot")
    assert axis.ministries == ["Opetus- ja kulttuuriministeriö", "Työ- ja elinkeinoministeriö"]
    # a table with every cell on its own line
    table = next(p for p in doc.projects if p.code == "R-04500")
    assert (table.name, table.kind, [(x.organisation, x.code) for x in table.participants]) == (
        "Kielitietoinen työpaikka", "group", [("Kaamosjoen yliopisto", "S40501"), ("Kieliapu Sanasto Oy", "S40502")])
    # a cost estimate broken over lines, an organisation hyphenated across lines
    kity = next(p for p in doc.projects if p.acronym == "KITY")
    assert kity.cost_estimate == Decimal(1260121)
    assert "Pohjolan kansanopisto" in {x.organisation for x in kity.participants}


# ---------------------------------------------------------------- more variants of the kind, as snippets

VARIANTS = """OSAAVA SUOMI 2021-2027
ESR+ Valtakunnallisten teemojen toteutuskatsaus
Katsaus 31.10.2026 mennessä

VALTAKUNNALLINEN TEEMA
Kestävä matkailu

Vastuuministeriö: Työ- ja elinkeinoministeriö (TEM), Liisa Testi
Yhteyshenkilöt:
Sari Koe, projektipäällikkö, Matkaverkko-koordinaatiohanke, Kuusamon Matkailuyhdistys ry
Lauri Malli, rahoitusasiantuntija, Koillismaan ELY-keskus
Teeman toteutusaika: 1.1.2024–31.12.2028
Teeman rahoitus (EU+valtio):
a) julkinen rahoituskehys: 6 000 000,00 €
b) varaukset (tilanne 31.10.2026) 2 100 000 €
c) sidotut valtuudet noin 1,1 milj. euroa
d) maksetut kustannukset 0 € 31.10.2026 mennessä

1) Tiivis kuvaus valtakunnallisen teeman sisällöstä
Teemassa kehitetään matkailua.

7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista
Koordinaatiohanke: S32001 Matkaverkko, toteuttaja Kuusamon Matkailuyhdistys ry
R-03001 Luontomatkailun osaajat 01.09.2025 - 31.08.2027
S32010 Koillisrannan ammattiopisto Oy, päätoteuttaja
S32011 Tunturilan kunta, osatoteuttaja
S32012 Erämaa Oy – osatoteuttaja
1) S32020 Matkailun digiloikka
Hakija: Pohjanrannan ammattikorkeakoulu Oy
2) S32021 Saavutettava luonto
Toteuttaja: Luontoliitto Kaamos ry
Sisältöosio Kansainvälistyminen
Hakemusnumero Hankkeen nimi Hakija
S32030 Matkailu maailmalle Kuusamon kaupunki
S32031 Ruka Global Rukan Matkailu Oy
"""


def test_variant_box_with_dates_beside_amounts():
    doc = theme_review.load(read_lines(VARIANTS), "muunnelmat.txt")
    (t,) = doc.themes
    assert (t.name, t.ministries, t.funders) == ("Kestävä matkailu", ["Työ- ja elinkeinoministeriö"],
                                                 ["Koillismaan ELY-keskus"])
    # '(tilanne 31.10.2026)' and '31.10.2026 mennessä' are dates, not amounts
    assert dataclasses.astuple(t.funding) == (Decimal(6000000), Decimal(2100000), Decimal(1100000), 0)


def test_variant_lists():
    doc = theme_review.load(read_lines(VARIANTS), "muunnelmat.txt")
    by_code = {p.code: p for p in doc.projects}
    # 'Koordinaatiohanke: S1 Nimi, toteuttaja X' on one line
    coord = by_code["S32001"]
    assert (coord.name, coord.kind) == ("Matkaverkko", "coordination")
    assert doc.themes[0].coordination_projects == ["Matkaverkko"]
    # sub-project rows marked ', päätoteuttaja' / '– osatoteuttaja'
    group = by_code["R-03001"]
    assert (group.start, group.end) == (dt.date(2025, 9, 1), dt.date(2027, 8, 31))
    assert [(x.organisation, x.role, x.code) for x in group.participants] == [
        ("Koillisrannan ammattiopisto Oy", "main", "S32010"), ("Tunturilan kunta", "sub", "S32011"),
        ("Erämaa Oy", "sub", "S32012")]
    # numbered entries after the group rows are projects of their own
    assert [(x.organisation, x.role) for x in by_code["S32020"].participants] == [
        ("Pohjanrannan ammattikorkeakoulu Oy", "applicant")]
    assert [(x.organisation, x.role) for x in by_code["S32021"].participants] == [
        ("Luontoliitto Kaamos ry", "implementer")]
    # a one-line table row: the applicant opens with a place in the genitive
    assert (by_code["S32031"].name, [x.organisation for x in by_code["S32031"].participants]) == (
        "Ruka Global", ["Rukan Matkailu Oy"])
    assert by_code["S32030"].section == "Kansainvälistyminen"
    assert not [s for s in doc.skipped if s.looks_like_entry]


MORE_VARIANTS = """ESR+ Valtakunnallisten teemojen toteutuskatsaus
Katsaus 31.10.2026 mennessä

Valtakunnallinen teema: Sosiaalinen osallisuus ja
yhteisöllisyys
Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)
Koordinaatiohanke Osallisuuden verkko: Petra Palo, projektipäällikkö, Länsilaakson yliopisto
Rahoittaja Sisämaan ELY-keskus: Tapio Tammi, rahoitusasiantuntija
Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot
Sosiaali- ja terveysministeriö, Anu Aalto
Teeman toteutusaika 2023–2027
Teeman (EU+ valtio):
a) julkinen rahoituskehys 4 500 000 €
b) varaukset 1 000 000 €
c) sidotut valtuudet 500 000 €
d) maksetut kustannukset 125 000 €
1) Tiivis kuvaus valtakunnallisen teeman sisällöstä
Koordinaatiohanketta hallinnoi Länsilaakson yliopisto. Osatoteuttajina ovat Vuorilan kaupunki ja Osallisuustalo ry.
7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista
R-03100 Yhdessä kylässä
Päätoteuttaja: Vuorilan kaupunki
Osatoteuttajat: Kyläyhdistys Lehto ry, Sosiaalialan
Osaamiskeskus Oy
Arjen apu. Toteuttajat: Arjen Apu ry (päätoteuttaja), Kaupunkilähetys ry ja Vuorilan kaupunki. Kustannusarvio 600 000 €.
Kolmas hanke
Toteuttajat: Alfa-Beeta ry
S31130 Kohtaamo, Osallisuustalo ry
Hankkeet käynnistyvät syksyllä 2026.
"""


def test_more_variants_contacts_with_role_words():
    doc = theme_review.load(read_lines(MORE_VARIANTS), "muunnelmat2.txt")
    (t,) = doc.themes
    assert t.name == "Sosiaalinen osallisuus ja yhteisöllisyys"
    assert t.funders == ["Sisämaan ELY-keskus"]                       # 'Rahoittaja X:' is not part of the name
    assert t.coordination_projects == ["Osallisuuden verkko"]         # 'Koordinaatiohanke X:' names it
    (coord,) = [p for p in doc.projects if p.kind == "coordination"]
    assert [(x.organisation, x.role) for x in coord.participants] == [
        ("Länsilaakson yliopisto", "administrator"), ("Vuorilan kaupunki", "sub"), ("Osallisuustalo ry", "sub")]


def test_more_variants_entries_after_a_coded_group():
    doc = theme_review.load(read_lines(MORE_VARIANTS), "muunnelmat2.txt")
    by_name = {p.name: p for p in doc.projects}
    # the coded group ends where an entry without a code begins
    assert [(x.organisation, x.role) for x in by_name["Yhdessä kylässä"].participants] == [
        ("Vuorilan kaupunki", "main"), ("Kyläyhdistys Lehto ry", "sub"), ("Sosiaalialan Osaamiskeskus Oy", "sub")]
    assert by_name["Yhdessä kylässä"].cost_estimate is None
    # 'Toteuttajat: A (päätoteuttaja), B ja C': the others are sub-implementers
    apu = by_name["Arjen apu"]
    assert (apu.cost_estimate, [(x.organisation, x.role) for x in apu.participants]) == (
        Decimal(600000), [("Arjen Apu ry", "main"), ("Kaupunkilähetys ry", "sub"), ("Vuorilan kaupunki", "sub")])
    assert [(x.organisation, x.role) for x in by_name["Kolmas hanke"].participants] == [
        ("Alfa-Beeta ry", "implementer")]
    assert [x.organisation for x in by_name["Kohtaamo"].participants] == ["Osallisuustalo ry"]
    # a closing sentence is reported, not read as an organisation
    assert [s.text for s in doc.skipped if s.text.startswith("Hankkeet")] == ["Hankkeet käynnistyvät syksyllä 2026."]


def test_funding_figures_printed_without_a_currency_sign():
    from hankeverkko.loaders.theme_review.box import parse_funding
    inline = parse_funding(read_lines("a) julkinen rahoituskehys 14 000 000\nb) varaukset EUR 5 724 575\n"
                                      "c) sidotut valtuudet 612 331,25\nd) maksetut kustannukset 0"))
    assert dataclasses.astuple(inline) == (Decimal(14000000), Decimal(5724575), Decimal("612331.25"), 0)
    column = parse_funding(read_lines("a) julkinen rahoituskehys\nb) varaukset\nc) sidotut valtuudet\n"
                                      "d) maksetut kustannukset\n14 000 000\n5 724 575\n3 532 552\n914 526"))
    assert dataclasses.astuple(column) == (Decimal(14000000), Decimal(5724575), Decimal(3532552), Decimal(914526))


def test_funder_after_rahoittaja_colon():
    _, doc = _load("theme_review_unseen_c")
    assert doc.themes[0].funders == ["Järvi-Savon ELY-keskus"]


def test_c_layouts():
    _, doc = _load("theme_review_unseen_c")
    assert doc.year == 2031
    care, talent, youth = doc.themes
    # 'Sosiaali-' / 'ja terveysalan ...': a suspended compound keeps its space
    assert care.name == "Sosiaali- ja terveysalan työvoiman saatavuus"
    # labels on one line, values on the next, with non-breaking and thin spaces
    assert dataclasses.astuple(care.funding) == (Decimal(18500000), Decimal(6240000), Decimal(3015770),
                                                 Decimal(1120400))
    # 'M euroa', '1,2 miljoonaa euroa'; 'TEM ja STM' on the line after its label
    assert dataclasses.astuple(talent.funding) == (Decimal(12000000), Decimal(4750000), Decimal(1200000),
                                                   Decimal(96300))
    assert talent.ministries == ["Työ- ja elinkeinoministeriö", "Sosiaali- ja terveysministeriö"]
    # a table with one cell per line and the group column first; the main implementer is in the prose
    group = next(p for p in doc.projects if p.code == "R-05010")
    assert [(x.organisation, x.role, x.code) for x in group.participants] == [
        ("Honkavaaran hyvinvointialue", "main", "S50110"), ("Kaarnalan ammattikorkeakoulu Oy", "sub", "S50111"),
        ("Hoivayrittäjät Pohjola ry", "sub", "S50112")]
    # 'r.f.' keeps its full stop; 'Teeman koordinaatiohankkeena toimii X' marks the listed project
    assert [x.organisation for x in next(p for p in doc.projects if p.code == "S50210").participants] == [
        "Föreningen Arbetsbron r.f."]
    assert next(p for p in doc.projects if p.code == "S50201").kind == "coordination"
    # a theme with no projects yet: no coordination project is invented from 'ei ole vielä valittu'
    assert _projects(doc, youth) == [] and youth.coordination_projects == []
    assert dataclasses.astuple(youth.funding) == (Decimal(6000000), 0, 0, 0)


def test_d_layouts():
    _, doc = _load("theme_review_unseen_d")
    work, basic, industry = doc.themes
    # 'Rahoituskehys: ...' without a)-d); 'Kehys' / 'Varaukset' / 'Sidotut' / 'Maksettu' then a value column
    assert dataclasses.astuple(work.funding) == (Decimal(22000000), Decimal(8410250), Decimal(5002118),
                                                 Decimal("1774903.15"))
    assert dataclasses.astuple(basic.funding) == (Decimal(9600000), Decimal(3100000), Decimal(2450000), 0)
    assert basic.ministries == ["Työ- ja elinkeinoministeriö", "Opetus- ja kulttuuriministeriö"]
    # 'Työhyvinvointi-' / 'säätiö': the document prints the compound whole elsewhere; 'Työhyvinvointi-' /
    # 'keskus Oy': the word part is a common noun here ('työhyvinvointia')
    assert "Rakennusalan Työhyvinvointikeskus Oy" in {x.organisation for p in doc.projects for x in p.participants}
    typi = next(p for p in doc.projects if p.code == "S60001")
    assert [x.organisation for x in typi.participants] == ["Työhyvinvointisäätiö Tasapaino sr"]
    # 'Diakonia-' / 'ammattiopisto': a real hyphen stays
    assert "Diakonia-ammattiopisto Kaarna Oy" in {x.organisation for p in doc.projects for x in p.participants}
    # bulleted sub-project rows end where 'Hanke:' opens the next entry; the cost in the group header
    group = next(p for p in doc.projects if p.code == "R-06010")
    assert group.cost_estimate == Decimal(1480000)
    assert [x.code for x in group.participants] == ["S60011", "S60012", "S60013"]
    # 'Nimi (S1)' with 'Hakija:' and a date/cost line after it
    digi = next(p for p in doc.projects if p.code == "S60201")
    assert (digi.name, digi.cost_estimate, digi.start) == ("Aikuisten digipolku", Decimal(640000),
                                                          dt.date(2030, 1, 1))
    # 'Kaakon yliopiston johtamassa Taitosilta-ryhmähankkeessa ovat osatoteuttajina A sekä B'
    taito = next(p for p in doc.projects if p.code == "R-06220")
    assert [(x.organisation, x.role) for x in taito.participants] == [
        ("Kaakon yliopisto", "main"), ("Yrkesinstitutet Ostkusten Ab", "sub"), ("Kaakon kesäyliopisto ry", "sub")]
    # a coordination project known from prose, run by 'Revontulen ammattikorkeakoulun toteuttamana'
    (perus,) = [p for p in _projects(doc, basic) if p.kind == "coordination"]
    assert [(x.organisation, x.role) for x in perus.participants] == [("Revontulen ammattikorkeakoulu", "implementer")]
    # 'S1 Nimi / A Ab, B yliopisto' names two; a 'Sivu 9 / 22' footer is not part of the last one
    weld = next(p for p in doc.projects if p.code == "S60320")
    assert [x.organisation for x in weld.participants] == ["Ab Svetsteknik Österbotten", "Kaakon yliopisto"]
