"""Project plans (hankesuunnitelma): what the loader must read.

The bundled plan is the fixture (it applies to the bundled programme guide's
measure packages); an invented plan shows the loader reads the kind.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hankeverkko.loaders import programme_guide, project_plan
from hankeverkko.loaders.records import ROLES
from hankeverkko.loaders.text import read_lines

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
SEED = "004_a9a6b758ca45f597.txt"
GUIDE = "003_52536d0c142bbc18.txt"

#: the earlier and parallel projects the plan names (read by hand), with what a
#: correct record must show: a piece of its name, and the relation where clear
RELATED = {
    "palvelupilotti": None,                          # the TE office's pilot for partially able clients
    "Työllisyyden kuntakokeilu": "builds_on",        # 2012-2015, its model was adopted
    "OTE": None,                                     # 2017-2018, its model is developed further
    "Työke": "builds_on",                            # 2017-2020
    "Palvelupolut kuntoon": "builds_on",             # PAKU 2018-2020, its model is used
    "Sosku": "builds_on",
    "Osallistavan sosiaaliturvan kuntakokeilu": "builds_on",
    "Tulevaisuuden sote-keskus": "parallel",         # applied for at the same time, closely linked
    "Jyvässeudun työllisyyden kuntakokeilu": "parallel",   # starts 2021, overlapping goals
    "Meijän Mieli": "cooperates_with",
    "Taloudellinen toimintakyky ja sosiaalinen osallisuus": "cooperates_with",   # TASOS
    "Osaamista järjestöihin": "cooperates_with",
    "Asunto ensin": "cooperates_with",               # ASSI
    "TiimiVerkko": "builds_on",
    "Yhdessä ei olla yksin": "builds_on",
}
KINDS = {"continues", "builds_on", "cooperates_with", "parallel"}


@pytest.fixture(scope="module")
def seed():
    lines = read_lines((SOURCES / SEED).read_text(encoding="utf-8"))
    return lines, project_plan.load(lines, SEED)


def _plan(doc):
    return doc.projects[0]


def _people(doc, role):
    return [p.organisation for p in _plan(doc).participants if p.role == role]


# ------------------------------------------------------------------ the applying project

def test_administrator(seed):
    _, doc = seed
    assert doc.kind == "project-plan"
    assert _people(doc, "administrator") == ["Keski-Suomen sairaanhoitopiiri"]
    assert "Keski-Suomen sairaanhoitopiiri" in _plan(doc).name, "an unnamed plan is named after its administrator"


def test_pilot_municipalities(seed):
    _, doc = seed
    assert _people(doc, "pilot") == ["Hankasalmen kunta", "Laukaan kunta", "Wiitaunionin yhteistoiminta-alue"]


def test_partners_with_their_abbreviations(seed):
    _, doc = seed
    assert _people(doc, "partner") == ["Keski-Suomen sosiaalialan osaamiskeskus", "Keski-Suomen Yhteisöjen Tuki"]
    abbr = {o.name: o.expanded for o in doc.organisations}
    assert abbr["Koske"] == "Keski-Suomen sosiaalialan osaamiskeskus"
    assert abbr["KYT"] == "Keski-Suomen Yhteisöjen Tuki"


def test_steering_group_organisations(seed):
    _, doc = seed
    steering = _people(doc, "steering")
    assert {"KSSHP", "TE-toimisto", "Kela", "Keski-Suomen Yhteisöjen Tuki", "Jyväskylän seudun Invalidit ry",
            "STM"} == set(steering)
    # generic words in the same list are not organisations
    assert not any(s[:1].islower() for s in steering)
    abbr = {o.name: o.expanded for o in doc.organisations}
    assert abbr["KSSHP"] == "Keski-Suomen sairaanhoitopiiri"


def test_measure_packages_are_named_as_the_guide_names_them(seed):
    _, doc = seed
    guide_lines = read_lines((SOURCES / GUIDE).read_text(encoding="utf-8"))
    guide = programme_guide.load(guide_lines, GUIDE)
    packages = {t.name for t in guide.themes}
    assert _plan(doc).themes and set(_plan(doc).themes) == packages


def test_participants_use_known_roles_and_no_contact_details(seed):
    _, doc = seed
    for p in doc.projects:
        for x in p.participants:
            assert x.role in ROLES and "@" not in x.organisation


# ------------------------------------------------------------------ related projects

def _related(doc):
    return doc.projects[1:]


def test_at_least_ninety_percent_of_related_projects_are_found(seed):
    _, doc = seed
    names = [p.name for p in _related(doc)]
    found = [k for k in RELATED if any(k.casefold() in n.casefold() or k == p.acronym
                                       for p in _related(doc) for n in [p.name])]
    assert len(found) >= 0.9 * len(RELATED), f"missing {set(RELATED) - set(found)}; got {names}"
    assert len(names) <= len(RELATED) + 1, f"too many: {names}"
    assert not any(n.split()[0] in ("Tässä", "Tämä", "Tämän", "Hanke") for n in names)


def test_every_related_project_has_a_typed_relation(seed):
    _, doc = seed
    plan = _plan(doc)
    rels = {r.object: r for r in doc.relations if r.predicate == "related_project"}
    assert set(rels) == {p.name for p in _related(doc)}
    for r in rels.values():
        assert (r.subject, r.subject_type, r.object_type) == (plan.name, "project", "project")
        assert r.detail in KINDS
    for key, kind in RELATED.items():
        if kind is None:
            continue
        p = next((p for p in _related(doc) if key.casefold() in p.name.casefold()), None)
        if p is not None:
            assert rels[p.name].detail == kind, (p.name, rels[p.name].detail)


def test_related_projects_keep_years_acronyms_and_implementers(seed):
    _, doc = seed

    def get(part):
        return next(p for p in _related(doc) if part.casefold() in p.name.casefold())

    assert get("Meijän Mieli").period == "2020-2023"
    assert get("OTE").period == "2017-2018" and get("OTE").acronym == "OTE"
    assert get("Palvelupolut kuntoon").acronym == "PAKU" and get("Palvelupolut kuntoon").period == "2018-2020"
    trial = get("Työllisyyden kuntakokeilu")
    assert trial.period == "2012-2015"
    assert {(x.organisation, x.role) for x in trial.participants} == \
        {("Jyväskylä", "implementer"), ("Muurame", "implementer"), ("Jämsä", "implementer")}
    tasos = get("Taloudellinen toimintakyky")
    assert tasos.acronym == "TASOS"
    assert [x.organisation for x in tasos.participants if x.role == "sub"] == \
        ["Jyväskylä", "Äänekoski", "Laukaa", "Saarikka"]
    assi = get("Asunto ensin")
    assert assi.acronym == "ASSI" and assi.period == "2020-2022"
    assert [x.role for x in assi.participants] == ["applicant"]
    assert assi.participants[0].organisation.startswith("Jyväskylän kaupungin aikuissosiaalityön")
    pilot = get("palvelupilotti")
    assert [x.organisation for x in pilot.participants] == ["Keski-Suomen TE-toimisto"]
    # two different municipal trials are not merged
    assert get("Jyvässeudun").name != trial.name and get("Jyvässeudun").period != "2012-2015"
    assert "Monesta hyvästä yhdeksi parhaista" in (get("Tulevaisuuden sote-keskus").description or "")


def test_spans_point_at_the_mentions(seed):
    lines, doc = seed
    for p in _related(doc):
        text = " ".join(lines[i - 1].text for i in range(p.span.first, p.span.last + 1))
        words = [w.rstrip("-")[:5].casefold() for w in p.name.split() if w[:1].isupper() and len(w) >= 4]
        assert any(w in text.casefold() for w in words) or (p.acronym and p.acronym in text), p.name


# ------------------------------------------------------------------ an invented plan of the same kind

SYNTHETIC = """\
Alfan ja Beetan hyvinvointihanke (ABHA)

1. Hankkeen tausta

Alfalan kaupungissa toteutetussa Gammapolku-hankkeessa (2016-2018) kehitettiin ohjausmalli. Tässä
hankkeessa mallia hyödynnetään.

Deltala ja Eetula osallistuivat Kaakon kokeilu –hankkeeseen.

2. Hankkeen tavoitteet

Hankerahoitusta haetaan alfan tuki osaksi arkea sekä beetan menetelmät -toimenpidekokonaisuuksiin.

3. Yhteistyö muiden hankkeiden kanssa

Hanke tekee yhteistyötä Zeetan Verkko –hankkeen (2021-2024) kanssa.

4. Hankkeen organisoituminen

Hankehallinnoijana toimii Alfalan kaupunki. Hankkeen pilottikunniksi ovat lupautuneet Deltalan kunta ja
Eetulan kunta. Hankkeen yhteistyökumppanina toimii Esimerkkiyhdistys (EY) ry. Hanketta ohjaamaan
perustetaan ohjausryhmä, jossa on edustajat Alfalan kaupungista ja muista toimijoista (esim. Kela,
työterveyshuolto, Beetasäätiö sr).
"""


def test_an_invented_plan_is_read_by_its_structure():
    lines = read_lines(SYNTHETIC)
    assert project_plan.score(lines) > 0
    doc = project_plan.load(lines, "invented.txt")
    plan = doc.projects[0]
    assert (plan.name, plan.acronym) == ("Alfan ja Beetan hyvinvointihanke", "ABHA")
    roles = {(x.organisation, x.role) for x in plan.participants}
    assert ("Alfalan kaupunki", "administrator") in roles
    assert {("Deltalan kunta", "pilot"), ("Eetulan kunta", "pilot")} <= roles
    assert ("Kela", "steering") in roles and ("Beetasäätiö sr", "steering") in roles
    assert ("Alfalan kaupunki", "steering") in roles
    assert not any(o.startswith("työterveys") for o, _ in roles)
    assert plan.themes == ["Alfan tuki osaksi arkea", "Beetan menetelmät"]
    rel = {r.object: r.detail for r in doc.relations}
    assert rel == {"Gammapolku-hanke": "builds_on", "Kaakon kokeilu -hanke": "builds_on",
                   "Zeetan Verkko -hanke": "cooperates_with"}
    by_name = {p.name: p for p in doc.projects}
    assert by_name["Gammapolku-hanke"].period == "2016-2018"
    assert by_name["Zeetan Verkko -hanke"].period == "2021-2024"
    assert {x.organisation for x in by_name["Kaakon kokeilu -hanke"].participants} == {"Deltala", "Eetula"}


def test_text_of_other_kinds_scores_zero():
    assert project_plan.score(read_lines("Liite 1. Käsitteet\nTyökyky\nTyökyky tarkoittaa ...")) == 0
    assert project_plan.score(read_lines("2. Hankkeen tuloksena syntyy malli.\nToinen rivi.")) == 0


SYNTHETIC_2 = """\
Hankesuunnitelma: Gamma-apu (GAPU)

Hakija: Gammalan kuntayhtymä

1. Hankkeen tausta

Hankerahoitusta haetaan Alfaohjelman 2030–2032 toimenpidekokonaisuuteen.
Osatoteuttajina ovat Deltalan kunta ja Eetulan kaupunki.

2. Hankkeen tavoitteet

Omega-hankkeessa (2028-2029) osatoteuttajina olivat muut kunnat. Tässä hankkeessa hyödynnetään sen tuloksia.

3. Hankkeen kohderyhmät

Kohderyhmänä ovat työttömät.
"""


def test_an_invented_plan_with_applicant_and_own_sub_implementers():
    lines = read_lines(SYNTHETIC_2)
    assert project_plan.score(lines) > 0
    doc = project_plan.load(lines, "invented2.txt")
    plan = doc.projects[0]
    assert (plan.name, plan.acronym, plan.programme) == ("Gamma-apu", "GAPU", "Alfaohjelma 2030–2032")
    assert [(x.organisation, x.role) for x in plan.participants] == [
        ("Gammalan kuntayhtymä", "applicant"), ("Deltalan kunta", "sub"), ("Eetulan kaupunki", "sub")]
    assert [(p.name, p.period) for p in doc.projects[1:]] == [("Omega-hanke", "2028-2029")]
    assert [r.detail for r in doc.relations] == ["builds_on"]
