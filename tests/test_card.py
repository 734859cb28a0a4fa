"""project-card: invented EURA 2014 cards (copied text, saved HTML, ESR/EAKR, joint,
single, support transfer) read against their expected readings."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hankeverkko.loaders import project_card
from hankeverkko.loaders.text import read_lines

REPO = Path(__file__).resolve().parents[1]
KINDS = REPO / "tests" / "fixtures" / "kinds"
CARDS = sorted((KINDS / "project-card").glob("*.txt"))


def scorer():
    if "score_kinds" not in sys.modules:
        spec = importlib.util.spec_from_file_location("score_kinds", REPO / "benchmarks" / "score_kinds.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules["score_kinds"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["score_kinds"]


def load(path: Path):
    return project_card.load(read_lines(path.read_text(encoding="utf-8")), path.name)


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CARDS, ids=lambda p: p.name)
def test_card_participations_match_the_reading(path):
    s = scorer().score_document(load(path), expected(path))
    assert (s.fp, s.fn, s.ids_invented) == (0, 0, 0), s.wrong
    assert s.roles_right == s.tp and s.evidence_right == s.tp


@pytest.mark.parametrize("path", CARDS, ids=lambda p: p.name)
def test_card_project_fields(path):
    p = load(path).projects[0]
    want = expected(path)["projects"][0]
    for key, value in want.items():
        got = getattr(p, key)
        if key in ("start", "end"):
            assert got == dt.date.fromisoformat(value)
        elif key == "funding":
            assert got == {k: Decimal(v) for k, v in value.items()}
        else:
            assert got == value, key


def test_two_business_ids_for_one_name_are_both_kept():
    p = load(KINDS / "project-card" / "esr_joint.txt").projects[0]
    ids = [x.business_id for x in p.participants if x.organisation == "Deltalan Osaajat"]
    assert ids == ["3333333-8", "4444444-7"]


def test_empty_osatoteuttajat_and_single_applicant():
    doc = load(KINDS / "project-card" / "eakr_single_html.txt")
    card = [x for x in doc.projects[0].participants if x.evidence == "card_field"]
    assert [(x.organisation, x.role) for x in card] == [("Iotalan kehitysyhtiö Oy", "applicant")]
    assert doc.projects[0].fund == "EAKR"
    assert doc.organisations[0].org_type == "Osakeyhtiö"


def test_support_transfer_recipients_are_sub_and_the_funder_a_relation():
    doc = load(KINDS / "project-card" / "esr_transfer.txt")
    assert [x.role for x in doc.projects[0].participants] == ["main", "sub", "sub"]
    assert [(r.subject, r.predicate, r.object) for r in doc.relations] == [("Lambdan ELY-keskus", "funds", "S29953")]
    assert "Lambdan ELY-keskus" not in {x.organisation for x in doc.projects[0].participants}


@pytest.mark.parametrize("path", sorted(KINDS.glob("*/*.txt")), ids=lambda p: p.name)
def test_no_contact_detail_or_person_reaches_a_record(path):
    from hankeverkko import loaders
    doc = loaders.load_file(path)
    text = repr([dataclasses.asdict(x) for x in doc.projects + doc.organisations + doc.relations])
    for bad in ["@", "(at)", "040 ", "0295", "012 345"] + expected(path).get("not_organisations", []):
        assert bad not in text, bad


def test_card_score_ignores_other_documents():
    for path in sorted((KINDS / "decision-form").glob("*.txt")) + [KINDS / "generic" / "newsletter.txt"]:
        assert project_card.score(read_lines(path.read_text(encoding="utf-8"))) == 0


def test_modules_stay_small():
    for name in ("project_card", "decision_form", "generic", "statements", "fields", "stated", "ids"):
        n = len((REPO / "loaders" / f"{name}.py").read_text(encoding="utf-8").splitlines())
        assert n < 350, name


def test_figures_on_all_fixtures():
    total = scorer().run(verbose=False)
    assert total.f1 == 1.0 and total.role_accuracy == 1.0 and total.ids_invented == 0
    assert total.rejected_noted == total.rejected_expected
