"""Coordinators' spreadsheets (CSV and XLSX): one row per project–organisation participation.

Every workbook here is written by the test itself, with invented names.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hankeverkko.loaders import spreadsheet
from hankeverkko.loaders.errors import LoaderError, ParseError, SourceReadError
from hankeverkko.loaders.records import Skipped

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
    from hankeverkko.loaders import load_file
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
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so that Excel opens the template as UTF-8 (ä, ö)"
        header = raw.decode("utf-8-sig").splitlines()[0].split(";")
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



# ------------------------------------------------------------------ what coordinators' files really look like

def _csv(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _both(tmp_path, name: str, rows: list[list], sep=";"):
    """The same table as a semicolon CSV and as an XLSX (cells as given)."""
    def cell(v):
        return "" if v is None else str(v)
    csv_path = _csv(tmp_path / f"{name}.csv", "\n".join(sep.join(cell(v) for v in r) for r in rows) + "\n")
    return [csv_path, _write_xlsx(tmp_path / f"{name}.xlsx", rows)]


@pytest.mark.parametrize("header", [
    ["Hankekoodi:", "Hankkeen nimi", "Toteuttaja*", "ROOLI", "Kustannusarvio (€)", "Y-tunnus", "Alkaa (pp.kk.vvvv)"],
    ["  project code ", "Project name:", "Organization", "Role", "Kustannusarvio, €", "Business ID", "Start date"],
    ["EURA-koodi", "Hanke", "Organisaatio", "Rooli hankkeessa", "Kustannusarvio EUR", "ytunnus", "Alkupvm"],
])
def test_header_variants_with_colons_units_and_other_names(tmp_path, header):
    for path in _both(tmp_path, "h", [header, ["S1", "Yksi", "Alfa ry", "Päätoteuttaja", "1 000,50", "1234567-1",
                                               "1.9.2024"]]):
        doc = spreadsheet.load_path(path)
        assert doc.skipped == [], (path.name, [s.reason for s in doc.skipped])
        (p,) = doc.projects
        assert (p.code, p.name, p.cost_estimate, p.start) == ("S1", "Yksi", Decimal("1000.50"), dt.date(2024, 9, 1))
        assert [(x.organisation, x.role, x.business_id) for x in p.participants] == [("Alfa ry", "main", "1234567-1")]


def test_finnish_excel_csv_export_cp1252_semicolons_decimal_commas(tmp_path):
    path = _csv(tmp_path / "vienti.csv",
                "Hankekoodi;Hanke;Toteuttaja;Rooli;Kustannusarvio;Alkaa;Päättyy\r\n"
                "S1;Työllisyyshanke;Äänekosken kaupunki;Päätoteuttaja;1\u00a0260\u00a0121,50;01.09.2024;31.08.2026\r\n"
                "S1;Työllisyyshanke;Jyväskylän yliopisto;Osatoteuttaja;;;\r\n", "cp1252")
    assert spreadsheet.looks_like_spreadsheet(path)
    (p,) = spreadsheet.load_path(path).projects
    assert p.name == "Työllisyyshanke" and p.cost_estimate == Decimal("1260121.50")
    assert (p.start, p.end) == (dt.date(2024, 9, 1), dt.date(2026, 8, 31))
    assert [x.organisation for x in p.participants] == ["Äänekosken kaupunki", "Jyväskylän yliopisto"]


def test_utf8_bom_utf16_and_a_utf8_file_saved_again_in_windows_encoding(tmp_path):
    bom = _csv(tmp_path / "bom.csv", "\ufeffHankekoodi,Toteuttaja,Päättyy\nS1,Öljy ry,1.2.2025\n")
    utf16 = tmp_path / "unicode.txt"       # Excel: 'Unicode text' = UTF-16, tab-separated
    utf16.write_bytes("Hankekoodi\tToteuttaja\r\nS1\tÖljy ry\r\n".encode("utf-16"))
    mixed = tmp_path / "mixed.csv"         # the UTF-8 template's header, rows typed in Excel (cp1252)
    mixed.write_bytes("hankekoodi;toteuttaja;päättyy\n".encode("utf-8") + "S1;Öljy ry;1.2.2025\n".encode("cp1252"))
    for path in (bom, utf16, mixed):
        assert spreadsheet.looks_like_spreadsheet(path), path.name
        (p,) = spreadsheet.load_path(path).projects
        assert p.participants[0].organisation == "Öljy ry", path.name
    assert spreadsheet.load_path(mixed).projects[0].end == dt.date(2025, 2, 1), "'päättyy' read as a header"


def test_excel_sep_line_is_not_a_row_and_tabs_and_quoted_line_breaks(tmp_path):
    path = _csv(tmp_path / "sep.csv", 'sep=,\nhankekoodi,hanke,toteuttaja,rooli\n'
                                      'S1,"Yksi,\nkaksi",Alfa ry,\nS2,Kolme,Beeta ry,pomo\n')
    doc = spreadsheet.load_path(path)
    assert doc.projects[0].name == "Yksi, kaksi"
    assert [s.line for s in doc.skipped] == [3], "Excel hides the sep= line: the header is row 1"


@pytest.mark.parametrize("text,euros", [
    ("1 260 121,50", "1260121.50"), ("1260121", "1260121"), ("1 260 121 €", "1260121"),
    ("1\u00a0260\u00a0121,50", "1260121.50"), ("1\u202f260\u202f121", "1260121"), ("1,260,121.50", "1260121.50"),
    ("1.260.121,50", "1260121.50"), ("€ 12 000", "12000"), ("12 000,-", "12000"), ("12000 euroa", "12000"),
    ("-", None), ("", None),
])
def test_amounts_as_coordinators_type_them(text, euros):
    assert spreadsheet.parse_amount(text) == (Decimal(euros) if euros else None)


def test_amounts_in_number_cells_and_bad_amounts(tmp_path):
    path = _write_xlsx(tmp_path / "summat.xlsx", [
        ["hankekoodi", "toteuttaja", "kustannusarvio"],
        ["S1", "Alfa ry", 1260121.4999999998],   # a formula result
        ["S2", "Beeta ry", 1260121],
        ["S3", "Gamma ry", "-5 000"],
        ["S4", "Delta ry", "noin sata tuhatta"],
    ])
    doc = spreadsheet.load_path(path)
    assert {p.code: p.cost_estimate for p in doc.projects} == {"S1": Decimal("1260121.5"), "S2": Decimal(1260121)}
    assert {s.line: ("negative" in s.reason, "amount" in s.reason) for s in doc.skipped} == \
        {4: (True, False), 5: (False, True)}


def test_dates_as_text_excel_cells_serials_and_with_times(tmp_path):
    path = _write_xlsx(tmp_path / "paivat.xlsx", [
        ["hankekoodi", "toteuttaja", "alkaa", "päättyy"],
        ["S1", "A ry", "1.9.2024", "31.8.2026"],
        ["S2", "B ry", "01.09.2024", "2026-08-31"],
        ["S3", "C ry", dt.date(2024, 9, 1), dt.datetime(2026, 8, 31, 16, 30)],
        ["S4", "D ry", 45536, "2026-08-31 00:00:00"],          # a date cell formatted as a number
        ["S5", "E ry", "1.9.2024 8.00", "31.8.26"],
        ["S6", "F ry", "9/1/2024", None],
        ["S7", "G ry", "2024", None],
        ["S8", "H ry", dt.time(8, 0), None],
    ])
    doc = spreadsheet.load_path(path)
    want = (dt.date(2024, 9, 1), dt.date(2026, 8, 31))
    assert {p.code: (p.start, p.end) for p in doc.projects} == {f"S{i}": want for i in range(1, 6)}
    bad = _skipped(doc)
    assert set(bad) == {7, 8, 9}
    assert "cannot be told apart" in bad[7].reason and "not a date" in bad[8].reason and "time" in bad[9].reason


@pytest.mark.parametrize("printed,role", [
    ("PÄÄTOTEUTTAJA", "main"), (" osatoteuttaja ", "sub"), ("Päätoteuttajana", "main"), ("osatoteuttajat", "sub"),
    ("Hallinnoijana", "administrator"), ("hankehallinnoija", "administrator"), ("kumppanina", "partner"),
    ("Yhteistyökumppani", "partner"), ("toteuttajana", "implementer"), ("hakijana", "applicant"),
    ("Main implementer", "main"), ("Lead partner", "main"), ("sub-implementer", "sub"),
    ("Partner organisation", "partner"), ("IMPLEMENTER", "implementer"), ("Applicant", "applicant"),
    ("päätoteuttaja (hallinnoija)", "main"), ("Päätoteuttaja / hallinnoija", "administrator"), ("", "implementer"),
    ("pomo", None), ("toteuttajaorganisaatio", None), ("päätoteuttaja / kumppani", None),
])
def test_roles_in_any_case_language_and_inflection(printed, role):
    assert spreadsheet.parse_role(printed) == role


def test_roles_in_a_file_map_and_unknown_ones_are_reported(tmp_path):
    for path in _both(tmp_path, "roolit", [["hankekoodi", "toteuttaja", "rooli"], ["S1", "A ry", " Päätoteuttajana "],
                                           ["S1", "B ry", "OSATOTEUTTAJA"], ["S1", "C ry", "puheenjohtaja"]]):
        doc = spreadsheet.load_path(path)
        assert [(x.organisation, x.role) for x in doc.projects[0].participants] == [("A ry", "main"), ("B ry", "sub")]
        assert [(s.line, "unknown role 'puheenjohtaja'" in s.reason) for s in doc.skipped] == [(4, True)]


def test_blank_rows_and_partial_rows(tmp_path):
    for path in _both(tmp_path, "aukot", [["hankekoodi", "hanke", "toteuttaja"], [None, None, None],
                                          ["S1", None, "A ry"], [None, None, "B ry"], ["S2", None, None],
                                          [None, "Kolmas", "C ry"], [None, None, None]]):
        doc = spreadsheet.load_path(path)
        assert sorted((p.code or p.name) for p in doc.projects) == ["Kolmas", "S1"], path.name
        bad = _skipped(doc)
        assert set(bad) == {4, 5}, path.name
        assert "missing project" in bad[4].reason and "missing organisation" in bad[5].reason


def test_title_rows_above_the_header_are_skipped_and_row_numbers_stay_true(tmp_path):
    csv_path = _csv(tmp_path / "otsikko.csv", "Hankkeiden osallistujat 2024;;\n;;\nHankekoodi;Toteuttaja;Rooli\n"
                                             "S1;A ry;toteuttaja\nS2;B ry;pomo\n")
    assert spreadsheet.looks_like_spreadsheet(csv_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Hankkeiden osallistujat 2024"])
    ws.merge_cells("A1:C1")              # a merged title above the header
    ws.append([])
    for r in (["Hankekoodi", "Toteuttaja", "Rooli"], ["S1", "A ry", "toteuttaja"], ["S2", "B ry", "pomo"]):
        ws.append(r)
    xlsx_path = tmp_path / "otsikko.xlsx"
    wb.save(xlsx_path)
    for path in (csv_path, xlsx_path):
        doc = spreadsheet.load_path(path)
        assert [(p.code, p.participants[0].line) for p in doc.projects] == [("S1", 4)], path.name
        assert [s.line for s in doc.skipped] == [5]


def test_merged_header_cells_and_two_header_rows_are_clear_errors(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Hanke", None, "Toteuttaja"])
    ws.append(["koodi", "nimi", "nimi"])
    ws.append(["S1", "Yksi", "A ry"])
    ws.merge_cells("A1:B1")
    merged = tmp_path / "merged.xlsx"
    wb.save(merged)
    with pytest.raises(ParseError, match=r"merged across columns A–B"):
        spreadsheet.load_path(merged)
    two = _csv(tmp_path / "two.csv", "Hankekoodi;Hanke;Toteuttaja\nproject_code;project_name;organisation\nS1;Y;A\n")
    with pytest.raises(ParseError, match=r"row 1 and row 2 both look like header rows"):
        spreadsheet.load_path(two)


def test_every_visible_sheet_with_the_columns_is_read_hidden_and_other_sheets_are_reported(tmp_path):
    wb = openpyxl.Workbook()
    ohje = wb.active
    ohje.title = "Ohje"
    ohje.append(["Täytä yksi rivi per organisaatio."])
    for title, rows, state in (("2023", [["hankekoodi", "toteuttaja", "rooli"], ["S1", "A ry", "päätoteuttaja"]], "visible"),
                               ("2024", [["Toteuttaja", "Hankekoodi"], ["B ry", "S2"], ["C ry", "S2"], ["C ry", "S2"]], "visible"),
                               ("Vanha", [["hankekoodi", "toteuttaja"], ["S9", "Vanha ry"]], "hidden"),
                               ("Listat", [["päätoteuttaja"], ["osatoteuttaja"]], "hidden")):
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        ws.sheet_state = state
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    doc = spreadsheet.load_path(path)
    assert doc.title == "2023, 2024"
    assert {p.code: [x.organisation for x in p.participants] for p in doc.projects} == \
        {"S1": ["A ry"], "S2": ["B ry", "C ry"]}
    reasons = sorted(s.reason for s in doc.skipped)
    assert reasons == ["row 4 (sheet '2024'): repeats row 3 (sheet '2024')", "sheet 'Ohje' not read: no header row "
                       "naming toteuttaja and hankekoodi or hanke", "sheet 'Vanha' not read: hidden"]


def test_unknown_and_unnamed_columns_are_reported_not_fatal(tmp_path):
    for path in _both(tmp_path, "extra", [["hankekoodi", "toteuttaja", "Yhteyshenkilö", "Huom", None],
                                          ["S1", "A ry", "Maija Meikäläinen", "ok", "lisätieto"]]):
        doc = spreadsheet.load_path(path)
        assert [p.code for p in doc.projects] == ["S1"]
        (note,) = doc.skipped
        assert note.line == 1 and note.looks_like_entry
        assert "'Yhteyshenkilö' (C), 'Huom' (D)" in note.reason and "column(s) E have values but no header" in note.reason
        assert "Maija" not in note.text + note.reason, "only header names are shown, never a person's name"


def test_business_ids_and_codes_as_typed(tmp_path):
    path = _write_xlsx(tmp_path / "tunnukset.xlsx", [
        ["hankekoodi", "toteuttaja", "Y-tunnus", "ryhmähanke"],
        ["s30540", "A ry", 12345671, None],           # number cell, code in lower case
        [" S30540 ", "B ry", "FI12345671", None],
        ["S1", "C ry", "123456-2", "r-100"],          # leading zero lost
        [205677.0, "D ry", None, None],
        ["S2", "E ry", "1234567-2", None],
    ])
    doc = spreadsheet.load_path(path)
    got = _projects(doc)
    assert set(got) == {"S30540", "R-100", "205677"}
    assert [x.business_id for x in got["S30540"].participants] == ["1234567-1", "1234567-1"]
    assert got["R-100"].participants[0].business_id == "0123456-2"
    assert [(s.line, "business ID" in s.reason) for s in doc.skipped] == [(6, True)], "a wrong check digit"


@pytest.mark.parametrize("name,content,message", [
    ("tyhja.csv", b"", "empty"),
    ("tyhja.xlsx", b"  \n\n", "empty"),
    ("vanha.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "Workbook".encode("utf-16-le") + b"\0" * 64,
     r"\.xls\).*save it as \.xlsx"),
    ("salattu.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "EncryptionInfo".encode("utf-16-le"),
     "password"),
], ids=["empty-csv", "blank-xlsx", "xls", "encrypted"])
def test_empty_old_and_protected_files_are_recognised_and_explained(tmp_path, name, content, message):
    from hankeverkko.loaders import load_file
    path = tmp_path / name
    path.write_bytes(content)
    assert spreadsheet.looks_like_spreadsheet(path)
    with pytest.raises(SourceReadError, match=message):
        load_file(path)


def test_an_ods_file_and_a_headerless_table_are_explained(tmp_path):
    import zipfile
    ods = tmp_path / "lista.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(SourceReadError, match="OpenDocument"):
        spreadsheet.load_path(ods)
    table = _csv(tmp_path / "oma.csv", "Org;Proj;Vuosi\nA ry;S1;2024\nB ry;S2;2024\n")
    assert spreadsheet.looks_like_spreadsheet(table), "a table is a spreadsheet even when its headers are unknown"
    with pytest.raises(ParseError, match=r"(?s)no header row naming the columns.*'Org', 'Proj'.*organisation / toteuttaja"):
        spreadsheet.load_path(table)


def test_missing_column_message_lists_every_accepted_name(tmp_path):
    for path in _both(tmp_path, "puuttuu", [["Hanke", "Rooli", "Yhteyshenkilö"], ["Yksi", "toteuttaja", "x"]]):
        with pytest.raises(ParseError) as e:
            spreadsheet.load_path(path)
        msg = str(e.value)
        assert msg.startswith(f"{path.name}:1: missing required column(s): organisation / toteuttaja.")
        assert "['Hanke', 'Rooli', 'Yhteyshenkilö']" in msg
        for col, names in spreadsheet.COLUMNS.items():
            assert all(n in msg for n in names), col


# ------------------------------------------------------------------ through the command line, with the documents

def test_cli_reports_bad_rows_with_file_and_row_and_missing_columns_without_traceback(tmp_path):
    from click.testing import CliRunner
    from hankeverkko.graph.cli import main
    good = _csv(tmp_path / "lista.csv", "hankekoodi;toteuttaja;rooli\nS1;A ry;päätoteuttaja\nS2;B ry;pomo\n")
    r = CliRunner().invoke(main, ["build", str(good), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert "lista.csv [spreadsheet]: 1 projects" in r.output
    assert "lista.csv:3: 'S2 | B ry | pomo' (row 3: unknown role 'pomo'" in r.output
    bad = _csv(tmp_path / "huono.csv", "hanke;rooli\nYksi;toteuttaja\n")
    r = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "out2")])
    assert r.exit_code == 1 and "Traceback" not in r.output and r.exception.__class__ is SystemExit
    assert "huono.csv:1: missing required column(s): organisation / toteuttaja" in r.output


def test_spreadsheet_rows_merge_with_the_documents_nodes(tmp_path):
    """The README's coordinator steps: copy the template, replace its rows, build with the corpus."""
    import shutil

    from click.testing import CliRunner
    from rdflib import PROV, RDF, Graph, Literal

    from hankeverkko.graph.cli import main
    from hankeverkko.graph.pipeline import BUNDLED_CORPUS
    from hankeverkko.ontology import HV

    mine = tmp_path / "my_list.xlsx"
    shutil.copy(TEMPLATES / "participations.xlsx", mine)
    wb = openpyxl.load_workbook(mine)
    ws = wb.active
    ws.delete_rows(2, 2)
    ws.append(["S30540", "JOKO Työelämään", None, None, "keuruun kaupunki", "Päätoteuttaja", None,
               dt.datetime(2024, 1, 1), dt.datetime(2025, 12, 31), 125000, None])
    ws.append(["s30540", None, None, None, "THL", "kumppani", None, None, None, None, None])
    wb.save(mine)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(BUNDLED_CORPUS), str(mine), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "my_list.xlsx [spreadsheet]: 1 projects" in r.output and "lines skipped 0" in r.output.split("my_list")[1]
    g = Graph().parse(out / "graph.ttl")
    (project,) = set(g.subjects(HV.code, Literal("S30540")))
    sources = set(g.objects(project, PROV.wasDerivedFrom))
    names = {str(g.value(s, HV.fileName)) for s in sources}
    assert "my_list.xlsx" in names and len(sources) >= 2, "one node from the review and the list"
    keuruu = {o for o in g.subjects(RDF.type, HV.Organisation)
              if any("keuruun kaupunki" == str(l).casefold() for l in g.objects(o, None) if isinstance(l, Literal))}
    assert len(keuruu) == 1 and (project, HV.mainImplementer, next(iter(keuruu))) in g
    partners = set(g.objects(project, HV.partner))
    assert len(partners) == 1
    thl = next(iter(partners))
    assert len(set(g.objects(thl, PROV.wasDerivedFrom))) >= 2, "THL is the documents' THL, not a new node"
