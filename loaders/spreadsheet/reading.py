"""Reading a workbook or CSV file into tables of cells.

Encodings (UTF-8, UTF-16, Windows-1252 and mixtures), delimiters and Excel's
``sep=`` line, XLSX sheets (with merged cells and hidden state), and telling
spreadsheets from other files by content (see the package notes).
"""
from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from hankeverkko.loaders.errors import SourceReadError
from hankeverkko.loaders.spreadsheet.headers import _MAX_HEADER_SEARCH, _known_headers, _required_present
from hankeverkko.loaders.spreadsheet.values import _Bad

__all__ = ["looks_like_spreadsheet", "_Table", "_decode", "_ole_kind", "_zip_kind", "_csv_table", "_xlsx_tables",
           "_kind_error", "_damaged"]


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252(b: bytes) -> str:
    # the five bytes cp1252 leaves undefined are read as Latin-1 (control characters)
    return "".join(b[i:i + 1].decode("cp1252", errors="strict") if b[i] not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                   else chr(b[i]) for i in range(len(b)))


def _decode(data: bytes) -> str:
    """UTF-16 (BOM), UTF-8 (BOM or not), else Windows-1252 with any UTF-8 pieces read as UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    out, pos = [], 0
    for m in _UTF8_SEQ.finditer(data):
        try:
            piece = m.group().decode("utf-8")
        except UnicodeDecodeError:     # a surrogate or overlong form: leave it to cp1252
            continue
        out.append(_cp1252(data[pos:m.start()]))
        out.append(piece)
        pos = m.end()
    out.append(_cp1252(data[pos:]))
    return "".join(out).lstrip("\ufeff")


def _is_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in data[:4096]


_DELIMITERS = (";", "\t", ",", "|")


def _parse_csv(text: str, delimiter: str, limit: Optional[int] = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    try:
        for row in reader:
            out.append(row)
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as e:
        if "field limit" in str(e):
            raise _Bad(f"row {len(out) + 1} has a cell longer than {csv.field_size_limit():,} characters (Excel "
                       "holds at most 32,767 in a cell; an unterminated quote can make one); not a readable CSV "
                       "file") from None
        raise _Bad(f"not a readable CSV file ({e})") from None
    return out


def _sep_line(text: str) -> Optional[str]:
    m = re.match(r'"?sep=(.)"?[ \t]*\r?\n', text)
    return m.group(1) if m else None


def _choose_delimiter(text: str) -> str:
    """The delimiter under which some early row names the most known columns."""
    best, best_score = None, (0, 0)
    for d in _DELIMITERS:
        try:
            rows = _parse_csv(text, d, limit=_MAX_HEADER_SEARCH)
        except _Bad:
            continue
        score = max(((_required_present(r), _known_headers(r)) for r in rows), default=(0, 0))
        if score > best_score:
            best, best_score = d, score
    if best:
        return best
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    return max(counts, key=counts.get)


def _looks_tabular(text: str) -> bool:
    """Several lines with the same number (≥ 1) of one delimiter: a table without known headers."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:20]
    if len(lines) < 2:
        return False
    for d in (";", "\t"):
        counts = [ln.count(d) for ln in lines]
        if min(counts) >= 1 and len(set(counts)) == 1:
            return True
    return False


def _ole_kind(head: bytes) -> Optional[str]:
    if not head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return None
    if "EncryptionInfo".encode("utf-16-le") in head or "EncryptedPackage".encode("utf-16-le") in head:
        return "encrypted"
    if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
        return "xls"
    return None


def _zip_kind(path: Path) -> Optional[str]:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
            if "mimetype" in names and b"opendocument.spreadsheet" in z.read("mimetype"):
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


_SPREADSHEET_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"}


def looks_like_spreadsheet(path: str | Path) -> bool:
    """Decided by content: an XLSX workbook (a zip with ``xl/``), an old
    ``.xls``, an ``.ods`` or an encrypted workbook (these three so that the
    loader can say how to save them), or text (CSV/TSV in any of the
    encodings above) with a header naming at least two known columns within
    its first rows, or a table of ``;``- or tab-separated lines.  An empty
    file named as a spreadsheet is claimed too, to be reported as empty."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
    except OSError:
        return False
    if head.startswith(b"PK\x03\x04"):
        # a workbook cut short still names its xl/ parts in the first entries
        return _zip_kind(path) is not None or (b"xl/" in head and _damaged(path) is not None)
    if _ole_kind(head):
        return True
    if not head.strip():
        return path.suffix.lower() in _SPREADSHEET_SUFFIXES
    if _is_binary(head):
        return False
    text = _decode(head)
    if _sep_line(text):
        return True
    for d in _DELIMITERS:
        try:
            rows = _parse_csv(text, d, limit=_MAX_HEADER_SEARCH)
        except _Bad:
            continue
        if any(len([c for c in r if c.strip()]) >= 2 and _known_headers(r) >= 2 and _required_present(r)
               for r in rows):
            return True
    return _looks_tabular(text)


@dataclass
class _Table:
    """One sheet (or a CSV file): (row number as Excel shows it, cells) pairs."""
    rows: list[tuple[int, list[Any]]]
    sheet: Optional[str] = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)   # min_row, max_row, min_col, max_col
    hidden: bool = False
    #: (row, 0-based column) -> formula text, for formula cells the workbook saved no value for
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, reason): rows that cannot be read at all (an unterminated quote in a CSV)
    problems: list[tuple[int, str]] = field(default_factory=list)


def _unterminated(text: str, delimiter: str, rows: list[list[str]]) -> Optional[str]:
    """Why the last row is not a row: a quote opened in it runs to the end of the file."""
    try:
        _parse_csv_strict(text, delimiter)
    except csv.Error as e:
        if "end of data" not in str(e) or not rows:
            raise _Bad(f"not a readable CSV file ({e})") from None
        last = rows[-1]
        swallowed = last[-1].rstrip("\r\n").count("\n") if last else 0
        return (f"unterminated quote starting at row {len(rows)} (column {_letter(len(last) - 1)}): it runs to the "
                f"end of the file and swallows the {swallowed} line(s) after it, which are not read; close the "
                "quote or remove it")
    return None


def _parse_csv_strict(text: str, delimiter: str) -> None:
    for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
        pass


def _letter(i: int) -> str:
    s, n = "", i + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _csv_table(path: Path, data: bytes) -> _Table:
    if _is_binary(data):
        raise SourceReadError(f"{path}: not a text (CSV) file or an .xlsx workbook; save the list from "
                              "Excel as .xlsx or CSV")
    text = _decode(data)
    sep = _sep_line(text)
    first_no = 1
    if sep:                        # Excel hides its 'sep=;' line: the next line is row 1
        text = text.split("\n", 1)[1] if "\n" in text else ""
    delimiter = sep or _choose_delimiter(text)
    try:
        rows = _parse_csv(text, delimiter)
        problem = _unterminated(text, delimiter, rows)
    except _Bad as e:
        raise SourceReadError(f"{path}: {e}") from None
    table = _Table([(i, row) for i, row in enumerate(rows, start=first_no)])
    if problem:                   # the row holding the open quote is not a row, nor is anything after it
        no, _ = table.rows.pop()
        table.problems.append((no, problem))
    return table


def _damaged(path: Path) -> Optional[str]:
    """Why a zip file cannot be opened (a workbook cut short or corrupted), or ``None``."""
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        return str(e) or e.__class__.__name__
    return f"part {bad} is corrupted" if bad else None


def _damaged_error(path: Path, why: str) -> SourceReadError:
    return SourceReadError(f"{path}: damaged workbook ({why}); open it in Excel, which offers to repair it, and "
                           "save it again, or export the list again")


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        parts = (z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        return any(b"<f>" in x or b"<f " in x for x in parts)


def _unsaved_formulas(path: Path, tables: list[_Table]) -> None:
    """Fill ``table.formulas``: cells holding a formula whose value was never computed and saved
    (a workbook written by a program and not opened in Excel reads as empty there)."""
    import openpyxl
    with open(path, "rb") as f, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(f, data_only=False)
    try:
        for ws, table in zip(wb.worksheets, tables):
            values = dict(table.rows)
            for row in ws.iter_rows():
                for c in row:
                    formula = getattr(c.value, "text", c.value)      # an ArrayFormula keeps its text
                    if not (isinstance(formula, str) and formula.startswith("=")):
                        continue
                    got = values.get(c.row, [])
                    if c.column - 1 >= len(got) or got[c.column - 1] is None:
                        table.formulas[(c.row, c.column - 1)] = formula
    finally:
        wb.close()


def _xlsx_tables(path: Path) -> list[_Table]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a declared dependency
        raise SourceReadError(f"{path}: reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        with open(path, "rb") as f, warnings.catch_warnings():
            warnings.simplefilter("ignore")      # openpyxl's notes on data validation, styles ...
            wb = openpyxl.load_workbook(f, data_only=True)
    except Exception as e:   # openpyxl raises several kinds for a damaged file
        raise _damaged_error(path, f"{e.__class__.__name__}: {e}") from None
    try:
        tables = []
        for ws in wb.worksheets:
            rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
            merged = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in ws.merged_cells.ranges]
            tables.append(_Table(rows, ws.title, merged, ws.sheet_state != "visible"))
    finally:
        wb.close()
    if _has_formulas(path):
        _unsaved_formulas(path, tables)
    return tables


def _kind_error(path: Path, kind: str) -> SourceReadError:
    what = {"xls": "an old Excel 97-2003 (.xls) workbook",
            "ods": "an OpenDocument (.ods) spreadsheet",
            "encrypted": "a password-protected workbook"}[kind]
    fix = "remove the password and save it as .xlsx or CSV" if kind == "encrypted" else \
        "open it in Excel or LibreOffice and save it as .xlsx (Excel workbook) or CSV"
    return SourceReadError(f"{path}: {what}; {fix}")
