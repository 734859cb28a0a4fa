"""A coordinator's real folder: documents in several formats, junk beside
them, and a build that reports every file instead of aborting on one.

The folder holds the bundled sources, the bundled plan printed to a PDF,
an invented project card saved as a web page (with its asset folder), an
invented funding decision in Word, a random binary file and an empty file.
"""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from hankeverkko.graph.cli import main
from hankeverkko.graph.pipeline import read_sources
from hankeverkko.ontology import HV, ID
from test_extract_pdf import chunks, generator

HERE = Path(__file__).resolve().parent
SOURCES = HERE.parent / "data" / "sources"
CARD = HERE / "fixtures" / "mixed" / "Hanke_S29971.html"
PLAN = next(SOURCES.glob("004_*.txt"))

DECISION = [("h", "Päätös"), "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
            [["Tuensaajat", "Nyylän kaupunki, Y-tunnus: 0000004-3"], ["", "Ksiilän kehitys Oy, Y-tunnus: 0000005-1"]],
            "Päätöstyyppi: Hankepäätös", "Omikronin liitto on myöntänyt teille tukea seuraavasti:",
            [["Hankekoodi", "A79972"], ["Hankkeen nimi", "Keksitty kiertotalous"],
             ["Toimintalinja", "1. Pk-yritysten kilpailukyky"]]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kansio")
    for f in SOURCES.glob("*.txt"):
        shutil.copy(f, root / f.name)
    sub = root / "alikansio"
    sub.mkdir()
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    (sub / "suunnitelma.pdf").write_bytes(generator().make_pdf(chunks(lines, 60), font_size=7))
    shutil.copy(CARD, sub / CARD.name)
    assets = sub / "Hanke_S29971_files"
    assets.mkdir()
    (assets / "sivu.js").write_text("var x = 'Hankekoodi: S99999';\n", encoding="utf-8")
    (root / "paatos.docx").write_bytes(generator().make_docx(DECISION))
    (root / "roska.bin").write_bytes(random.Random(7).randbytes(4096))
    (root / "tyhja.txt").write_bytes(b"")
    (root / ".piilotettu.txt").write_text("Hankekoodi: S39999\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    return r, out


def test_a_mixed_folder_builds_with_exit_0_and_a_status_per_file(built, folder):
    r, out = built
    assert r.exit_code == 0, r.output
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_name) == {*(f.name for f in SOURCES.glob("*.txt")), "suunnitelma.pdf", CARD.name,
                            "paatos.docx", "roska.bin", "tyhja.txt"}      # no hidden file, no page asset
    assert report["totals"] == {"read": 8, "skipped": 2, "duplicate": 0}
    assert by_name["roska.bin"]["reason"] == "binary file (not text, PDF, HTML or Word)"
    assert by_name["tyhja.txt"]["reason"] == "empty file"
    assert (by_name["suunnitelma.pdf"]["kind"], by_name["suunnitelma.pdf"]["format"]) == ("project-plan", "pdf")
    assert (by_name[CARD.name]["kind"], by_name[CARD.name]["format"]) == ("project-card", "html")
    assert (by_name["paatos.docx"]["kind"], by_name["paatos.docx"]["format"]) == ("decision-form", "docx")
    assert "skipped   " in r.stderr and "roska.bin: binary file" in r.stderr


def test_the_graph_holds_what_each_format_gives(built):
    _, out = built
    g = Graph().parse(out / "graph.ttl")
    card = ID["project/S29971"]
    assert (card, HV.code, Literal("S29971")) in g
    ids = {str(o) for o in g.objects(None, HV.businessId)}
    assert {"0000001-9", "0000002-7", "0000003-5", "0000004-3", "0000005-1"} <= ids
    assert (ID["project/A79972"], HV.code, Literal("A79972")) in g
    assert not list(g.subjects(HV.code, Literal("S99999")))    # from the saved page's script, not read


def test_the_pdf_gives_the_same_records_as_its_text(folder):
    docs, reports = read_sources([PLAN, folder / "alikansio" / "suunnitelma.pdf"])
    text, pdf = docs if docs[0].name == PLAN.name else docs[::-1]
    key = lambda d: sorted((p.name, p.kind, sorted((x.organisation, x.role) for x in p.participants))  # noqa: E731
                           for p in d.projects)
    assert key(pdf) == key(text) and len(text.projects) >= 10
    assert sorted(o.name for o in pdf.organisations) == sorted(o.name for o in text.organisations)


def test_strict_turns_a_skipped_file_into_exit_1(folder, tmp_path):
    r = CliRunner().invoke(main, ["build", str(folder / "tyhja.txt"), str(PLAN), "--strict",
                                  "--out", str(tmp_path)])
    assert r.exit_code == 1 and "1 file(s) skipped (--strict)" in r.stderr
    assert (tmp_path / "graph.ttl").exists()               # written all the same


def test_the_same_document_twice_is_read_once(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "kopio.txt"
    shutil.copy(PLAN, a)
    shutil.copy(PLAN, b)
    docs, reports = read_sources([a, b])
    assert len(docs) == 1 and [r.status for r in reports] == ["read", "duplicate"]
    assert reports[1].reason == f"the same content as {a}, read once"


def test_the_order_of_inputs_never_changes_the_graph(folder, tmp_path):
    files = [folder / "paatos.docx", folder / "alikansio" / CARD.name, PLAN]
    outs = []
    for i, order in enumerate((files, files[::-1])):
        r = CliRunner().invoke(main, ["build", *map(str, order), "--out", str(tmp_path / str(i)), "-q"])
        assert r.exit_code == 0, r.output
        outs.append((tmp_path / str(i) / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_a_kind_forced_for_one_file_of_a_mixed_build(folder, tmp_path):
    card = folder / "alikansio" / CARD.name
    r = CliRunner().invoke(main, ["build", str(card), str(PLAN), "--kind", f"{CARD.name}=theme-review",
                                  "--out", str(tmp_path)])
    assert r.exit_code == 0
    assert f"nothing of kind theme-review in {card}; it looks like project-card" in r.stderr


def test_a_symlink_loop_ends(tmp_path):
    (tmp_path / "d").mkdir()
    shutil.copy(PLAN, tmp_path / "d" / PLAN.name)
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    from hankeverkko.graph.pipeline import expand_sources
    assert [p.name for p in expand_sources([tmp_path])] == [PLAN.name]


def _records(doc):
    projects = sorted((p.code or "", p.name, p.kind, sorted((x.organisation, x.role) for x in p.participants))
                      for p in doc.projects)
    return projects, sorted(o.name for o in doc.organisations), sorted(t.name for t in doc.themes)


@pytest.mark.parametrize("source", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_bundled_document_printed_to_pdf_gives_the_same_records(source, tmp_path):
    """Tables keep their column gaps (two spaces, as text extractors print
    them), so the loaders split a PDF's rows as they split the text's."""
    from hankeverkko.loaders import load_file
    pdf = tmp_path / (source.stem + ".pdf")
    pdf.write_bytes(generator().make_pdf(chunks(source.read_text(encoding="utf-8").splitlines(), 60), font_size=7))
    text_doc, pdf_doc = load_file(source), load_file(pdf)
    assert pdf_doc.kind == text_doc.kind and pdf_doc.reading.format == "pdf"
    assert _records(pdf_doc) == _records(text_doc)


def test_the_bundled_corpus_has_five_documents():
    assert len(list(SOURCES.glob("*.txt"))) == 5


def test_verbose_lists_every_skipped_line_and_the_report_always_holds_them(tmp_path):
    source = next(SOURCES.glob("001_*.txt"))
    quiet = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "a")])
    loud = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "b"), "-v"])
    report = json.loads((tmp_path / "a" / "build-report.json").read_text(encoding="utf-8"))
    skipped = report["files"][0]["skipped_lines"]
    assert skipped and report["files"][0]["lines_skipped"] == len(skipped)
    listed = [ln for ln in loud.stdout.splitlines() if ln.strip().startswith(f"skipped {source.name}:")]
    assert len(listed) == len(skipped)
    assert not [ln for ln in quiet.stdout.splitlines() if ln.strip().startswith(f"skipped {source.name}:")]
    assert all(str(s["line"]) in line for s, line in zip(skipped, listed))
