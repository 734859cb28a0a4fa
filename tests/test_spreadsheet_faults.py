"""Spreadsheets lose nothing silently (issue K): formulas without a saved value,
an unterminated CSV quote, cells merged down, a damaged workbook."""
from __future__ import annotations

import openpyxl
import pytest

from hankeverkko.loaders import LoaderError, SourceReadError, load_file, spreadsheet

HEADER = ["Hankekoodi", "Hankkeen nimi", "Toteuttaja", "Rooli"]


def _workbook(path, rows, sheet="Hankkeet", merge=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in [HEADER, *rows]:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def test_formula_without_saved_value_is_reported_by_cell_and_the_row_skipped(tmp_path):
    # openpyxl writes the formula and no computed value, like any program that never opens Excel
    path = _workbook(tmp_path / "kaava.xlsx", [
        ["S21001", "Alfa", "Alfa ry", "päätoteuttaja"],
        ["S21002", "Beeta", '=C2&" Oy"', "osatoteuttaja"],
        ["S21003", "Gamma", "Gamma ry", "päätoteuttaja"],
    ], sheet="X")
    doc = load_file(path)
    assert [p.code for p in doc.projects] == ["S21001", "S21003"]
    [skip] = [s for s in doc.skipped if s.line == 3]
    assert skip.reason == ("C3 (sheet 'X'): formula =C2&\" Oy\" has no saved value; open and save the "
                           "workbook in Excel, or give values")
    assert skip.looks_like_entry


def test_formula_with_a_saved_value_is_read(tmp_path):
    path = _workbook(tmp_path / "arvo.xlsx", [["S21001", "Alfa", "Alfa ry", "päätoteuttaja"]])
    wb = openpyxl.load_workbook(path)
    wb.active["E1"], wb.active["E2"] = "Huom", "=1+1"      # a formula in a column not read
    wb.save(path)
    doc = load_file(path)
    assert [p.code for p in doc.projects] == ["S21001"]
    assert not [s for s in doc.skipped if "formula" in s.reason]


def test_unterminated_quote_is_reported_as_such_with_its_row(tmp_path):
    path = tmp_path / "lainaus.csv"
    path.write_text("Hankekoodi;Hankkeen nimi;Toteuttaja;Rooli\n"
                    "S21001;Alfa;Alfa ry;päätoteuttaja\n"
                    'S21002;"Beeta;Beeta ry;päätoteuttaja\n'
                    "S21003;Gamma;Gamma ry;päätoteuttaja\n"
                    "S21004;Delta;Delta ry;päätoteuttaja\n", encoding="utf-8")
    doc = load_file(path)
    assert [p.code for p in doc.projects] == ["S21001"]
    [skip] = doc.skipped
    assert skip.line == 3
    assert skip.reason.startswith("row 3: unterminated quote starting at row 3 (column B)")
    assert "swallows the 2 line(s) after it" in skip.reason
    assert "missing organisation" not in skip.reason


def test_quoted_line_breaks_are_not_an_unterminated_quote(tmp_path):
    path = tmp_path / "rivinvaihto.csv"
    path.write_text('Hankekoodi;Hankkeen nimi;Toteuttaja;Rooli\nS21001;"Alfa\nja beeta";Alfa ry;päätoteuttaja\n',
                    encoding="utf-8")
    doc = load_file(path)
    assert [p.name for p in doc.projects] == ["Alfa ja beeta"] and not doc.skipped


def test_cells_merged_down_are_filled_from_the_top_left_with_a_note(tmp_path):
    path = _workbook(tmp_path / "yhdistetty.xlsx", [
        ["S21001", "Alfa", "Alfa ry", "päätoteuttaja"],
        [None, None, "Beeta ry", "osatoteuttaja"],
        [None, None, "Gamma ry", "osatoteuttaja"],
        ["S21002", "Delta", "Delta ry", "päätoteuttaja"],
    ], merge="B2:B4")
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("A2:A4")
    wb.save(path)
    doc = load_file(path)
    alfa = next(p for p in doc.projects if p.code == "S21001")
    assert [x.organisation for x in alfa.participants] == ["Alfa ry", "Beeta ry", "Gamma ry"]
    assert alfa.name == "Alfa" and len(doc.projects) == 2 and not doc.skipped
    notes = [n for n in doc.reading.notes if "merged" in n]
    assert notes == ["A2:A4 (sheet 'Hankkeet'): merged cells; the value 'S21001' of A2 is read for rows 2–4",
                     "B2:B4 (sheet 'Hankkeet'): merged cells; the value 'Alfa' of B2 is read for rows 2–4"]


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_workbook_is_called_damaged(tmp_path, keep):
    whole = _workbook(tmp_path / "ehja.xlsx", [["S21001", "Alfa", "Alfa ry", "päätoteuttaja"]]).read_bytes()
    path = tmp_path / "rikki.xlsx"
    path.write_bytes(whole[:int(len(whole) * keep)])
    with pytest.raises(SourceReadError) as err:
        load_file(path)
    assert "damaged workbook (" in str(err.value) and str(path) in str(err.value)
    assert "UTF-8" not in str(err.value) and "PDF" not in str(err.value)
    with pytest.raises(SourceReadError, match="damaged workbook"):
        spreadsheet.load_path(path)


def test_errors_are_loader_errors():
    assert issubclass(SourceReadError, LoaderError)
