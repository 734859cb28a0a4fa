"""Choosing a loader from a document's content: every bundled source, and every
invented document of a known kind in ``tests/fixtures``, is detected as its kind.

Detection must be clear, not a near tie: the right loader's score is at least
twice every other loader's.  A text of no known kind is refused with a message
that lists the kinds, and ``--kind`` forces a loader.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from hankeverkko import loaders
from hankeverkko.loaders.errors import UnknownDocumentKind
from hankeverkko.loaders.text import read_lines

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
detect_module = sys.modules["hankeverkko.loaders.detect"]

SEEDS = {
    "000_5390a3236872ddc1.txt": "tl5-list",
    "001_28a3102e30eb8057.txt": "tl5-list",
    "002_ecf7eb9cbcaeb76b.txt": "theme-review",
    "003_52536d0c142bbc18.txt": "programme-guide",
    "004_a9a6b758ca45f597.txt": "project-plan",
}
#: documents written by hand to differ from the seeds (file name prefix -> kind)
UNSEEN_PREFIXES = {"theme_review_unseen": "theme-review", "tl5_list_unseen": "tl5-list",
                   "programme_guide_unseen": "programme-guide", "project_plan_unseen": "project-plan"}
UNSEEN = sorted((p.name, kind) for p in FIXTURES.glob("*_unseen*.txt")
                for prefix, kind in UNSEEN_PREFIXES.items() if p.name.startswith(prefix))
#: invented documents of the kinds with no seed: one folder per kind in fixtures/kinds/
KIND_FIXTURES = sorted((p, p.parent.name) for p in (FIXTURES / "kinds").glob("*/*.txt"))
CASES = sorted(SEEDS.items())
ALL_CASES = [(SOURCES / n, k) for n, k in CASES] + [(FIXTURES / n, k) for n, k in UNSEEN] + KIND_FIXTURES


def test_every_bundled_source_has_a_case():
    on_disk = {p.name for p in SOURCES.glob("*.txt")}
    assert len(CASES) >= 5 and on_disk == set(SEEDS)
    assert set(SEEDS.values()) | {k for _, k in KIND_FIXTURES} == set(detect_module.TEXT_LOADERS), \
        "every text kind has a seed or invented documents of its own"


def test_every_invented_document_has_a_case():
    assert {k for _, k in UNSEEN} | {k for _, k in KIND_FIXTURES} == set(detect_module.TEXT_LOADERS)
    assert len(UNSEEN) == len(list(FIXTURES.glob("*_unseen*.txt")))
    assert {k for _, k in KIND_FIXTURES} <= set(detect_module.TEXT_LOADERS)


def _id(case):
    return case.name if isinstance(case, Path) else None


@pytest.mark.parametrize("path,kind", ALL_CASES, ids=_id)
def test_document_is_detected_as_its_kind(path, kind):
    lines = read_lines(path.read_text(encoding="utf-8"))
    assert loaders.detect(lines) == kind
    doc = loaders.load_file(path)
    assert doc.kind == kind and doc.line_count == len(lines) - (lines[-1].text == "")


@pytest.mark.parametrize("path,kind", ALL_CASES, ids=_id)
def test_detection_is_clear_not_a_near_tie(path, kind):
    lines = read_lines(path.read_text(encoding="utf-8"))
    scores = {k: importlib.import_module(m).score(lines) for k, m in detect_module.TEXT_LOADERS.items()}
    best = scores.pop(kind)
    assert best > 0
    for other, s in scores.items():
        assert s * 2 <= best, f"{other} scores {s} against {kind}'s {best}"


def test_text_with_nothing_to_keep_is_refused_naming_the_file(tmp_path):
    """No specific layout and nothing the generic reader keeps: one line, the file and why."""
    path = tmp_path / "recipe.txt"
    path.write_text("Pullataikina tarvitaan maitoa, hiivaa ja jauhoja.\nLeivotaan uunissa.\n", encoding="utf-8")
    with pytest.raises(UnknownDocumentKind) as e:
        loaders.load_file(path)
    msg = str(e.value)
    assert str(path) in msg and "no known layout" in msg and "\n" not in msg


def test_a_forced_kind_that_finds_nothing_of_its_kind_says_what_the_file_looks_like():
    card = next(FIXTURES.glob("kinds/project-card/*.txt"))
    with pytest.raises(loaders.NothingOfKind) as e:
        loaders.load_file(card, kind="theme-review")
    assert str(e.value) == f"nothing of kind theme-review in {card}; it looks like project-card"


def test_detection_keeps_every_score_and_the_margin():
    doc = loaders.load_file(SOURCES / "002_ecf7eb9cbcaeb76b.txt")
    assert doc.reading.scores[0][0] == "theme-review" and not doc.reading.forced
    assert {k for k, _ in doc.reading.scores} == set(loaders.kinds()) - {"spreadsheet"}
    assert doc.reading.margin is None or doc.reading.margin >= 2
    assert doc.reading.format == "text" and doc.reading.encoding


def test_unknown_kind_name_is_refused(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UnknownDocumentKind, match="tl5-list"):
        loaders.load_file(path, kind="no-such-kind")


def test_kind_can_be_forced(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Toimenpidekokonaisuudesta rahoitettujen hankkeiden lista\n\n"
                    "• Alfa, https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S99001\n"
                    "Alfa-hanketta (S99001) hallinnoi Betan kaupunki.\n", encoding="utf-8")
    assert loaders.load_file(path).kind == "tl5-list"
    forced = loaders.load_file(path, kind="generic")        # a kind with evidence in the file
    assert forced.kind == "generic" and forced.reading.forced
    with pytest.raises(loaders.NothingOfKind, match="it looks like tl5-list"):
        loaders.load_file(path, kind="project-plan")         # none: no invented records


def test_kinds_are_described_for_help():
    text = loaders.describe_kinds()
    for kind in loaders.kinds():
        assert f"{kind}:" in text
