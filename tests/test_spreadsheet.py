"""Coordinators' spreadsheets (CSV and XLSX): one row per project–organisation participation.

Every workbook here is written by the test itself, with invented names.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from loaders import spreadsheet
from loaders.errors import LoaderError, ParseError, SourceReadError
from loaders.records import Skipped

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "templates"

FI_HEADER = "hankekoodi;hanke;teema;ohjelma;toteuttaja;rooli;ryhmähanke;alkaa;päättyy;kustannusarvio;y_tunnus"
FI_ROWS = [
    # row 2: a single project, two implementers on rows 2 and 3
    "S90001;Alfahanke;Teema A;Esimerkkiohjelma 2021–2027;Alfa ry;päätoteuttaja;;1.1.2024;31.12.2025;120 000,50;1234567-1",
    "S90001;Alfahanke;Teema A;Esimerkkiohjelma 2021–2027;Beeta Oy;osatoteuttaja;;1.1.2024;31.12.2025;;",
    # row 4: unknown role
    "S90002;Beetahanke;Teema A;;Gamma sr;pomo;;;;;",
    # row 5: bad date
    "S90003;Gammahanke;Teema B;;Delta ry;toteuttaja;;31.2.2024;;;",
    # row 6: missing organisation
    "S90004;Deltahanke;Teema B;;;hakija;;;;;",
    # row 7: empty row, ignored
    ";;;;;;;;;;",
    # rows 8-9: a group project R-90010 with two sub-projects
    "S90011;Yhteinen ryhmä;Teema B;;Eetu ry;päätoteuttaja;R-90010;2024-03-01;2026-02-28;50000;",
    "S90012;Yhteinen ryhmä;Teema B;;Zeeta Oy;osatoteuttaja;R-90010;1.3.2024;28.2.2026;30000;",
    # row 10: a bad amount
    "S90005;Eetahanke;Teema B;;Eeta ry;kumppani;;;;paljon;",
    # row 11: end before start
    "S90006;Theetahanke;;;Theeta ry;hakija;;1.1.2025;1.1.2024;;",
]


@pytest.fixture()
def fi_csv(tmp_path):
    path = tmp_path / "osallistujat.csv"
    path.write_text("\n".join([FI_HEADER] + FI_ROWS) + "\n", encoding="utf-8")
    return path


def _projects(doc):
    return {p.code: p for p in doc.projects}


def _skipped(doc):
    return {s.line: s for s in doc.skipped}


# ------------------------------------------------------------------ CSV with Finnish headers

def test_good_rows_load_and_merge_per_project(fi_csv):
    doc = spreadsheet.load_path(fi_csv)
    assert doc.kind == "spreadsheet" and doc.path == "osallistujat.csv"
    got = _projects(doc)
    alfa = got["S90001"]
    assert (alfa.name, alfa.kind, alfa.themes, alfa.programme) == \
        ("Alfahanke", "single", ["Teema A"], "Esimerkkiohjelma 2021–2027")
    assert (alfa.start, alfa.end, alfa.cost_estimate) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31),
                                                          Decimal("120000.50"))
    assert [(x.organisation, x.role, x.line, x.business_id) for x in alfa.participants] == \
        [("Alfa ry", "main", 2, "1234567-1"), ("Beeta Oy", "sub", 3, None)]
    assert (alfa.span.first, alfa.span.last) == (2, 3)


def test_group_code_makes_a_group_with_coded_participants(fi_csv):
    doc = spreadsheet.load_path(fi_csv)
    group = _projects(doc)["R-90010"]
    assert group.kind == "group" and group.name == "Yhteinen ryhmä"
    assert [(x.organisation, x.role, x.code, x.line) for x in group.participants] == \
        [("Eetu ry", "main", "S90011", 8), ("Zeeta Oy", "sub", "S90012", 9)]
    assert group.cost_estimate == Decimal(80000), "sub-project costs add up"
    assert (group.start, group.end) == (dt.date(2024, 3, 1), dt.date(2026, 2, 28))
    assert "S90011" not in _projects(doc), "a sub-project code is not a project of its own here"


def test_bad_rows_become_skipped_with_excel_row_numbers(fi_csv):
    doc = spreadsheet.load_path(fi_csv)
    bad = _skipped(doc)
    assert set(bad) == {4, 5, 6, 10, 11}
    assert "unknown role 'pomo'" in bad[4].reason
    assert "31.2.2024" in bad[5].reason and "date" in bad[5].reason
    assert "missing organisation" in bad[6].reason
    assert "amount" in bad[10].reason
    assert "before start" in bad[11].reason
    assert all(isinstance(s, Skipped) and s.looks_like_entry and s.source == "osallistujat.csv"
               for s in doc.skipped)
    assert all(s.reason.startswith(f"row {s.line}:") for s in doc.skipped)
    # the other rows still load; the empty row 7 is neither loaded nor skipped
    assert set(_projects(doc)) == {"S90001", "R-90010"}
    assert doc.used_list_lines == 4


def test_semicolon_comma_and_tab_separated_files_are_all_read(tmp_path):
    for sep in (";", ",", "\t"):
        path = tmp_path / f"list{ord(sep)}.csv"
        path.write_text(f"hankekoodi{sep}hanke{sep}toteuttaja\nS1{sep}Yksi{sep}Alfa ry\n", encoding="utf-8")
        doc = spreadsheet.load_path(path)
        assert [(p.code, p.participants[0].organisation) for p in doc.projects] == [("S1", "Alfa ry")]


def test_excel_saved_csv_in_windows_encoding(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("Hankekoodi;Hanke;Toteuttaja;Päättyy\nS1;Yksi;Äänekosken kaupunki;1.2.2025\n"
                     .encode("cp1252"))
    doc = spreadsheet.load_path(path)
    assert doc.projects[0].participants[0].organisation == "Äänekosken kaupunki"
    assert doc.projects[0].end == dt.date(2025, 2, 1)


# ------------------------------------------------------------------ XLSX with English headers

def _write_xlsx(path: Path, rows: list[list], title="Sheet1"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_xlsx_with_english_headers_any_case_and_spacing(tmp_path):
    path = _write_xlsx(tmp_path / "list.xlsx", [
        [" Project Code ", "PROJECT NAME", "Organisation", "role", "Group code", "Start", "End", "cost_eur",
         "Business ID", "Theme", "Programme"],
        ["S91001", "Omega", "Omega ry", "main", None, dt.datetime(2024, 1, 1), dt.date(2024, 12, 31), 1000.5,
         "1234567-1", "Teema X", "Ohjelma Y"],
        ["S91001", "Omega", "Psi Oy", "partner", None, None, None, None, None, "Teema Z", None],
        ["S91002", "Sigma", "Tau ry", "applicant", "R-91000", "2024-05-01", "31.5.2025", "2 000", None, None, None],
        ["S91003", "Ypsilon", None, "implementer", None, None, None, None, None, None, None],
        ["S91004", "Khi", "Khi ry", "boss", None, None, None, None, None, None, None],
        ["S91005", "Fii", "Fii ry", "sub", None, "tomorrow", None, None, None, None, None],
        ["S91006", "Omikron", "Omikron ry", "sub", None, None, None, None, "1234567-2", None, None],
    ])
    doc = spreadsheet.load_path(path)
    assert doc.title == "Sheet1"
    got = _projects(doc)
    omega = got["S91001"]
    assert (omega.start, omega.end, omega.cost_estimate) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31),
                                                             Decimal("1000.5"))
    assert omega.themes == ["Teema X", "Teema Z"] and omega.programme == "Ohjelma Y"
    assert [(x.organisation, x.role, x.business_id) for x in omega.participants] == \
        [("Omega ry", "main", "1234567-1"), ("Psi Oy", "partner", None)]
    sigma = got["R-91000"]
    assert sigma.kind == "group" and sigma.participants[0].code == "S91002"
    assert (sigma.start, sigma.end, sigma.cost_estimate) == (dt.date(2024, 5, 1), dt.date(2025, 5, 31),
                                                             Decimal(2000))
    bad = _skipped(doc)
    assert set(bad) == {5, 6, 7, 8}
    assert "missing organisation" in bad[5].reason and "unknown role" in bad[6].reason
    assert "date" in bad[7].reason and "business ID" in bad[8].reason


def test_xlsx_header_need_not_be_on_the_first_row_and_row_numbers_stay_true(tmp_path):
    path = _write_xlsx(tmp_path / "offset.xlsx", [
        [None, None],
        ["Hankekoodi", "Toteuttaja", "Rooli"],
        ["S1", "Alfa ry", "hallinnoija"],
        ["S2", "Beeta ry", "ihan mikä vain"],
    ])
    doc = spreadsheet.load_path(path)
    assert doc.projects[0].participants[0].line == 3 and doc.projects[0].participants[0].role == "administrator"
    assert [s.line for s in doc.skipped] == [4]


def test_duplicate_rows_are_reported_not_doubled(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("hankekoodi,toteuttaja,rooli\nS1,Alfa ry,toteuttaja\nS1,Alfa ry,toteuttaja\n", encoding="utf-8")
    doc = spreadsheet.load_path(path)
    assert len(doc.projects[0].participants) == 1
    assert [(s.line, "repeats row 2" in s.reason) for s in doc.skipped] == [(3, True)]


# ------------------------------------------------------------------ errors and detection

def test_missing_required_column_names_the_expected_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("hankekoodi;hanke;rooli\nS1;Yksi;toteuttaja\n", encoding="utf-8")
    with pytest.raises(ParseError) as e:
        spreadsheet.load_path(path)
    msg = str(e.value)
    assert "wrong.csv" in msg and "organisation / toteuttaja" in msg
    for col in ("project_code / hankekoodi", "role / rooli", "group_code / ryhmähanke", "business_id / y_tunnus"):
        assert col in msg
    assert isinstance(e.value, LoaderError)


def test_unreadable_inputs_are_clear_errors(tmp_path):
    with pytest.raises(SourceReadError):
        spreadsheet.load_path(tmp_path / "missing.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceReadError):
        spreadsheet.load_path(broken)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(SourceReadError, match="xlsx"):
        spreadsheet.load_path(old)


def test_spreadsheets_are_recognised_by_content_not_name(tmp_path):
    csv_as_txt = tmp_path / "lista.txt"
    csv_as_txt.write_text("Hanke;Toteuttaja;Rooli\nYksi;Alfa ry;hakija\n", encoding="utf-8")
    assert spreadsheet.looks_like_spreadsheet(csv_as_txt)
    xlsx_as_dat = _write_xlsx(tmp_path / "data.dat", [["project_code", "organisation"], ["S1", "Alfa ry"]])
    assert spreadsheet.looks_like_spreadsheet(xlsx_as_dat)
    prose = tmp_path / "prose.csv"
    prose.write_text("Hankkeen tausta, toteuttaja ja tavoitteet kuvataan alla.\nToinen rivi.\n", encoding="utf-8")
    assert not spreadsheet.looks_like_spreadsheet(prose)
    one_col = tmp_path / "one.csv"
    one_col.write_text("toteuttaja\nAlfa ry\n", encoding="utf-8")
    assert not spreadsheet.looks_like_spreadsheet(one_col)
    assert not spreadsheet.looks_like_spreadsheet(tmp_path / "nope.csv")
    other_zip = tmp_path / "archive.zip"
    import zipfile
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("word/document.xml", "<x/>")
    assert not spreadsheet.looks_like_spreadsheet(other_zip)


def test_detect_hands_spreadsheets_to_this_loader(tmp_path):
    from loaders import load_file
    path = tmp_path / "lista.txt"
    path.write_text("Hankekoodi;Toteuttaja\nS1;Alfa ry\n", encoding="utf-8")
    assert load_file(path).kind == "spreadsheet"
    # forced with --kind spreadsheet even when the header is not recognisable
    odd = tmp_path / "odd.csv"
    odd.write_text("Toteuttaja\nAlfa ry\n", encoding="utf-8")
    with pytest.raises(ParseError, match="project_code"):
        load_file(odd, kind="spreadsheet")


# ------------------------------------------------------------------ the templates

@pytest.mark.parametrize("name", ["participations.csv", "participations.xlsx"])
def test_templates_have_finnish_headers_and_load_cleanly(name):
    path = TEMPLATES / name
    assert spreadsheet.looks_like_spreadsheet(path)
    doc = spreadsheet.load_path(path)
    assert doc.skipped == []
    assert len(doc.projects) == 2 and {p.kind for p in doc.projects} == {"single", "group"}
    if name.endswith(".csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(";")
    else:
        header = [c.value for c in next(openpyxl.load_workbook(path).active.iter_rows(max_row=1))]
    assert header == ["hankekoodi", "hanke", "teema", "ohjelma", "toteuttaja", "rooli", "ryhmähanke", "alkaa",
                      "päättyy", "kustannusarvio", "y_tunnus"]
    assert {spreadsheet.column_for(h) for h in header} == set(spreadsheet.COLUMNS)


def test_contact_details_never_reach_the_records(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("hankekoodi;hanke;toteuttaja;rooli\n"
                    "S1;Yksi;Alfa ry, alfa@example.fi, 040 1234567;toteuttaja\n"
                    "S2;Kaksi;;ihan mikä vain; beeta@example.fi\n", encoding="utf-8")
    doc = spreadsheet.load_path(path)
    assert doc.projects[0].participants[0].organisation == "Alfa ry"
    assert doc.skipped and all("@" not in s.text and "040" not in s.text for s in doc.skipped)
