"""TL5 project lists (ESR 2014–2020, priority axis 5): what the loader must read.

Specification, with the two bundled TL5 reports as fixtures and a small
invented document to show the loader reads the *kind*, not these files.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hankeverkko.loaders import tl5_list
from hankeverkko.loaders.records import Span
from hankeverkko.loaders.text import read_lines
from hankeverkko.loaders.tl5_list import theme as tl5_theme

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
SEED_A = "000_5390a3236872ddc1.txt"
SEED_B = "001_28a3102e30eb8057.txt"


def _load(name):
    lines = read_lines((SOURCES / name).read_text(encoding="utf-8"))
    return lines, tl5_list.load(lines, name)


@pytest.fixture(scope="module")
def seed_a():
    return _load(SEED_A)


@pytest.fixture(scope="module")
def seed_b():
    return _load(SEED_B)


def _by_acronym(doc):
    return {p.acronym: p for p in doc.projects if p.acronym}


def _codes_in_text(lines):
    """Every EURA code of the list, found independently: join all lines, drop the
    line-break hyphens the PDF put inside links, read 'projektikoodi=...'."""
    text = "".join(ln.text.strip() for ln in lines)
    text = text.replace("-", "")
    return set(re.findall(r"projektikoodi=([A-Z]\d{5})", text))


# ------------------------------------------------------------------ codes and names

def test_every_listed_project_has_its_eura_code(seed_a, seed_b):
    for lines, doc in (seed_a, seed_b):
        codes = [p.code for p in doc.projects]
        assert None not in codes
        assert len(codes) == len(set(codes)), "a project was listed twice"
        assert set(codes) == _codes_in_text(lines)
    assert len(seed_a[1].projects) == 8
    assert len(seed_b[1].projects) == 13


def test_codes_are_recovered_from_links_broken_over_lines(seed_a):
    _, doc = seed_a
    by_code = {p.code: p for p in doc.projects}
    # 'projekti-' / 'koodi=S20237' and 'pro-' / '' / 'jektikoodi=S20395'
    assert by_code["S20237"].acronym == "Solmu"
    assert by_code["S20395"].name == "Osallisuutta osuuskunnista"
    assert by_code["S21168"].name == "Hyvinvoinnin tilat"


def test_full_names_are_joined_across_lines_and_acronyms_split_off(seed_a, seed_b):
    a, b = _by_acronym(seed_a[1]), _by_acronym(seed_b[1])
    assert a["Sokra"].name == "Sosiaalisen osallisuuden edistämisen koordinaatiohanke"
    assert a["SOSKU"].name == "Sosiaalisen kuntoutuksen valtakunnallinen kehittämishanke"
    assert a["TEMPO"].name.startswith("Polkuja työelämään (TEMPO) - osatyökykyisen työnhakijan tukemisen mallien")
    assert "koordinaatiohanke" in a["Solmu"].name and "koordinaa-" not in a["Solmu"].name
    assert a["PARTY"].name == "PARTY Parempaa työ- ja toimintakykyä -projekti"
    assert b["AKU"].name == ("Asunnottomuuden ennaltaehkäisyn kuntastrategiat – varhainen välittäminen, "
                             "osallisuus ja asumisen tuki")
    assert b["VamO"].name.endswith("vammaissosiaalityön asiakasprosessissa")
    assert {"SÁRA", "OK", "PRO SOS", "MIOS"} <= set(b)
    avain = next(p for p in seed_a[1].projects if p.code == "S20874")
    assert avain.name == ("Avain kansalaisuuteen: henkilökohtaisen budjetointimallin avulla osallisuutta, "
                          "itsemääräämisoikeutta ja valinnanvapautta sekä tukea")


def test_coordination_projects_are_told_apart(seed_a, seed_b):
    kinds = {p.acronym or p.name: p.kind for p in seed_a[1].projects + seed_b[1].projects}
    assert kinds["Sokra"] == kinds["Solmu"] == "coordination"
    assert sum(k == "coordination" for k in kinds.values()) == 2
    assert all(k in ("coordination", "single") for k in kinds.values())


def test_links_are_repaired_and_page_annotations_not_misattributed(seed_a, seed_b):
    a, b = _by_acronym(seed_a[1]), _by_acronym(seed_b[1])
    assert ("https://www.ttl.fi/tutkimushanke/sosiaalinen-osallisuus-tyo-toimintakyvyn-muutos-solmu-"
            "koordinaatiohanke/") in a["Solmu"].urls
    assert "http://www.ara.fi/fi-FI/Ohjelmat/Asunnottomuuden_ennaltaehkaisyn_kuntastrategiat/Tavoitteet" \
        in b["AKU"].urls
    for _, doc in (seed_a, seed_b):
        for p in doc.projects:
            eura = [u for u in p.urls if "eura2014" in u]
            assert eura == [f"https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi={p.code}"], p.name
            assert not any("rakennerahastot.fi" in u for u in p.urls), "a page-annotation link leaked in"
    # the repeated links are accounted for, and do not look like list entries
    repeats = [s for s in seed_b[1].skipped if "annotation" in s.reason]
    assert len(repeats) == 8 and not any(s.looks_like_entry for s in repeats)


def test_outputs_are_matched_to_projects_by_acronym(seed_a, seed_b):
    a, b = _by_acronym(seed_a[1]), _by_acronym(seed_b[1])

    def has(p, word):
        return any(word.casefold() in o.casefold() for o in p.outputs)

    assert has(a["Solmu"], "Kykyviisari")
    assert has(a["Sokra"], "osallisuusindikaattori") and has(a["Sokra"], "Osallisuuden palaset")
    assert has(a["SOSKU"], "laatukriteerit") and has(a["SOSKU"], "Hyvinvoinnin vuosikello")
    assert not has(a["PARTY"], "Hyvinvoinnin vuosikello"), "an output went to the wrong project"
    assert has(a["TEMPO"], "koulutusmalli")
    assert has(b["PRO SOS"], "Pelitarina")
    nevo = next(p for p in seed_b[1].projects if p.name.startswith("Nevo tiija"))
    assert has(nevo, "#työnimi") and has(nevo, "videosarja")
    with_outputs = [p for _, d in (seed_a, seed_b) for p in d.projects if p.outputs]
    assert len(with_outputs) >= 15


def test_programme_measure_package_and_funder(seed_a, seed_b):
    for _, doc in (seed_a, seed_b):
        assert len(doc.programmes) == 1
        prog = doc.programmes[0]
        assert "2014–2020" in prog.name and prog.period == "2014–2020"
        assert len(doc.themes) == 1
        theme = doc.themes[0]
        assert theme.kind == "measure_package" and theme.programme == prog.name
        assert "5" in theme.name
        assert all(p.themes == [theme.name] and p.programme == prog.name for p in doc.projects)
        assert theme.ministries == ["Sosiaali- ja terveysministeriö"]
        stm = [o for o in doc.organisations if o.name == "STM"]
        assert stm and stm[0].expanded == "Sosiaali- ja terveysministeriö" and "rahoittaja" in stm[0].role
        funds = [r for r in doc.relations if r.predicate == "funds"]
        assert {r.object for r in funds} == {p.name for p in doc.projects}
    assert seed_a[1].themes[0].name == seed_b[1].themes[0].name, "the same measure package in both reports"
    assert seed_a[1].themes[0].coordination_projects == ["S20220", "S20237"]
    assert seed_b[1].themes[0].period == "2014-2022"


def test_spans_point_into_the_list(seed_a):
    lines, doc = seed_a
    heading = next(ln.no for ln in lines if "rahoitettujen hankkeiden lista" in ln.text)
    for p in doc.projects:
        assert isinstance(p.span, Span) and p.span.source == SEED_A
        assert heading < p.span.first <= p.span.last <= len(lines)
        assert p.code in "".join(lines[i - 1].text.strip() for i in range(p.span.first, p.span.last + 1)) \
            .replace("-", "")
    assert doc.used_list_lines > 0 and doc.line_count == len(lines) == 148   # the last line has no newline


# ------------------------------------------------------------------ an invented report of the same kind

SYNTHETIC = """\
Tiivis kuvaus konkreettisista tuloksista
Valtakunnalliset TL 5 -kehittämishankkeet toimivat laajasti.
AKK valtakunnallisten kehittämishankkeiden rahoittajana tukee kokeiluja.

- ALFA-koordinaatiohanke on kehittänyt Alfamittari-työkalun, jolla mitataan
toimintakykyä.

- Beetapolku-hankkeessa on tuotettu uusi ohjausmalli.

Toimenpidekokonaisuudesta rahoitettujen hankkeiden lista

• Alfan valtakunnallinen koordinaatiohanke - ALFA,
https://www.eura2014.fi/rrtiepa/projekti.php?projekti-
koodi=S99001, https://alfa.example.fi/alfa-
hanke/
• Beetapolku – parempaa ohjausta kaikille (BEETA-
hanke), https://www.eura2014.fi/rrtiepa/projekti.php?pro-

jektikoodi=S99002
• Gammaverkosto, toteuttaja Gammasäätiö sr, https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S99003

https://alfa.example.fi/alfa-hanke/
"""


def test_an_invented_report_is_read_by_its_structure(monkeypatch):
    # an invented ministry abbreviation, as reference data would give it
    monkeypatch.setattr(tl5_theme, "ministries", lambda: {"AKK": "Alfa- ja kehitysministeriö"})
    lines = read_lines(SYNTHETIC)
    assert tl5_list.score(lines) > 0
    doc = tl5_list.load(lines, "invented.txt")
    got = {p.code: p for p in doc.projects}
    assert set(got) == {"S99001", "S99002", "S99003"}
    alfa, beeta, gamma = got["S99001"], got["S99002"], got["S99003"]
    assert (alfa.acronym, alfa.kind, alfa.name) == ("ALFA", "coordination", "Alfan valtakunnallinen koordinaatiohanke")
    assert "https://alfa.example.fi/alfa-hanke/" in alfa.urls
    assert any("Alfamittari" in o for o in alfa.outputs)
    assert beeta.acronym == "BEETA" and beeta.kind == "single"
    assert beeta.name == "Beetapolku – parempaa ohjausta kaikille"
    assert any("ohjausmalli" in o for o in beeta.outputs)
    assert [(x.organisation, x.role) for x in gamma.participants] == [("Gammasäätiö sr", "implementer")]
    assert doc.themes[0].ministries == ["Alfa- ja kehitysministeriö"]
    assert any("annotation" in s.reason for s in doc.skipped)


def test_text_of_other_kinds_scores_zero():
    assert tl5_list.score(read_lines("Hankkeen tausta\nTässä hankkeessa kehitetään.")) == 0
    assert tl5_list.score(read_lines("Valtakunnallisesta teemasta rahoitettujen hankkeiden lista\n"
                                     "S30001 Hanke, Toteuttaja Alfa ry")) == 0


BULLETLESS = """\
Toimenpidekokonaisuuden nimi
Alfan ja beetan osallisuus

Kestävää kasvua ja työtä 2014–2020 -ohjelman toimintalinja 5.

Toimenpidekokonaisuudesta rahoitettujen hankkeiden lista

Alfan hanke (ALFA), https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S99011
Beetan kehittämishanke, toteuttaja Beeta ry,
https://www.eura2014.fi/rrtiepa/projekti.php?projekti-
koodi=S99012
Deltan hanke ilman linkkiä
"""


def test_a_list_without_bullets_and_a_named_measure_package():
    doc = tl5_list.load(read_lines(BULLETLESS), "bulletless.txt")
    assert [(p.code, p.name, p.acronym) for p in doc.projects] == \
        [("S99011", "Alfan hanke", "ALFA"), ("S99012", "Beetan kehittämishanke", None)]
    assert doc.projects[1].participants[0].organisation == "Beeta ry"
    assert doc.themes[0].name == "Alfan ja beetan osallisuus"
    assert doc.programmes[0].name == "Kestävää kasvua ja työtä 2014–2020"
    # the line that is no entry is reported, not dropped
    assert [(s.line, s.looks_like_entry) for s in doc.skipped] == [(12, True)]
