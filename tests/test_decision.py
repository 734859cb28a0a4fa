"""decision-form: a Päätös transcript with merged labels and a lost-digit Y-tunnus,
2014 forms with marked and unmarked options, a flattened 2007 ESR plan."""
from __future__ import annotations

from pathlib import Path

import pytest

from hankeverkko.loaders import decision_form
from hankeverkko.loaders.fields import fields, marked_option
from hankeverkko.loaders.text import Line, read_lines
from test_card import expected, scorer

KINDS = Path(__file__).resolve().parent / "fixtures" / "kinds"
FORMS = sorted((KINDS / "decision-form").glob("*.txt"))


def load(path: Path):
    return decision_form.load(read_lines(path.read_text(encoding="utf-8")), path.name)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_form_participations_match_the_reading(path):
    s = scorer().score_document(load(path), expected(path))
    assert (s.fp, s.fn, s.ids_invented) == (0, 0, 0), s.wrong
    assert s.roles_right == s.tp and s.rejected_noted == s.rejected_expected


def test_lost_digit_business_id_is_not_kept_but_the_name_is():
    doc = load(KINDS / "decision-form" / "decision_merged.txt")
    sig = [x for x in doc.projects[0].participants if x.organisation == "Sigmalan Palvelu Oy"]
    assert len(sig) == 1 and sig[0].business_id is None
    assert any("102030-7" in s.text and "check digit" in s.reason for s in doc.skipped)
    assert doc.projects[0].funding_authority == "Upsilonin liitto"


def test_merged_labels_on_one_line():
    line = ("Projektikoodi S19901 Projektin nimi Alfa VIRANOMAINEN, JOLLE HAKEMUS OSOITETAAN Betan ELY-keskus "
            "Hakijaorganisaation nimi Gamma ry Organisaatiotyyppi Yhdistys Y-tunnus 1234567-1")
    got = {f.key: f.value for f in fields([Line(1, line)])}
    assert got == {"code": "S19901", "name": "Alfa", "authority": "Betan ELY-keskus", "applicant": "Gamma ry",
                   "org_type": "Yhdistys", "business_id": "1234567-1"}


def test_unmarked_options_are_not_facts():
    assert marked_option("[ ] Vain yksi hakija [X] Hakijoita on useampi kuin yksi (yhteishanke)") == "joint"
    assert marked_option("x) Vain yksi hakija Hakijoita on useampi kuin yksi (yhteishanke)") == "single"
    assert marked_option("Vain yksi hakija Hakijoita on useampi kuin yksi (yhteishanke) "
                         "Hakija siirtää osan tuesta (tuen siirto)") is None
    doc = load(KINDS / "decision-form" / "plan_single_marked.txt")
    assert [x.role for x in doc.projects[0].participants] == ["applicant"]


def test_unmarked_everything_gives_no_main_role(tmp_path):
    text = ("Hankehakemus Kestävää kasvua ja työtä 2014-2020\nHankekoodi S29963\nHakijan virallinen nimi Alfa ry\n"
            "Y-tunnus 1234567-1\nHakijoiden lukumäärä tai tuen siirto -menettely\nVain yksi hakija\n"
            "Hakijoita on useampi kuin yksi (yhteishanke)\nBeta Oy, 7654321-2\n")
    doc = decision_form.load(read_lines(text), "x.txt")
    assert [(x.organisation, x.role) for x in doc.projects[0].participants] == [("Alfa ry", "applicant")]


def test_decision_score_leaves_cards_and_newsletters():
    for path in sorted((KINDS / "project-card").glob("*.txt")) + [KINDS / "generic" / "newsletter.txt"]:
        assert decision_form.score(read_lines(path.read_text(encoding="utf-8"))) == 0
