"""Coordinators' own lists: CSV or XLSX, one row per project–organisation participation.

Headers may be English or Finnish, in any case and with any spacing
('Hankekoodi', 'project code', 'Y-tunnus').  Rows of the same project merge
into one :class:`~loaders.records.Project`; with a group code the row's
organisation becomes a participant whose ``code`` is the row's project code,
under the group's Project (as theme reviews model R-codes with S-code rows).

A bad row (no organisation or project, unknown role, bad date, amount or
business ID) becomes a :class:`~loaders.records.Skipped` with its row number
as Excel shows it (header = row 1) and a reason; the other rows still load.
A missing required column is a :class:`~loaders.errors.ParseError` naming
the columns the loader expects.

>>> normalise_header(" Y-tunnus ")
'y_tunnus'
>>> column_for("Hankekoodi"), column_for("project name"), column_for("Toteuttaja")
('project_code', 'project_name', 'organisation')
>>> parse_role("Päätoteuttaja"), parse_role("partner"), parse_role("boss") is None
('main', 'partner', True)
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import ParseError, SourceReadError
from .prose import scrub_contacts
from .records import Participation, Project, Skipped, SourceDocument, Span
from .text import normalise_space, strip_contact_details

__all__ = ["COLUMNS", "REQUIRED", "ROLE_NAMES", "looks_like_spreadsheet", "load_path", "load_rows",
           "normalise_header", "column_for", "parse_role", "parse_cell_date", "parse_amount",
           "valid_business_id", "describe_columns"]

#: column -> accepted headers (after :func:`normalise_header`); the first two are documented
COLUMNS: dict[str, tuple[str, ...]] = {
    "project_code": ("project_code", "hankekoodi", "projektikoodi", "code", "koodi"),
    "project_name": ("project_name", "hanke", "hankkeen_nimi", "project", "projekti"),
    "theme": ("theme", "teema", "toimenpidekokonaisuus", "measure_package"),
    "programme": ("programme", "ohjelma", "program"),
    "organisation": ("organisation", "toteuttaja", "organization", "organisaatio"),
    "role": ("role", "rooli"),
    "group_code": ("group_code", "ryhmähanke", "ryhmähankkeen_koodi", "group"),
    "start": ("start", "alkaa", "alkupäivä", "start_date"),
    "end": ("end", "päättyy", "loppupäivä", "end_date"),
    "cost_eur": ("cost_eur", "kustannusarvio", "cost", "kustannusarvio_eur"),
    "business_id": ("business_id", "y_tunnus", "ytunnus"),
}
#: what each column means (for error messages and documentation)
MEANINGS = {
    "project_code": "EURA code of the project (or of the sub-project in a group)",
    "project_name": "project name",
    "theme": "national theme or measure package",
    "programme": "programme, e.g. 'Esimerkkiohjelma 2021–2027'",
    "organisation": "the organisation taking part",
    "role": "päätoteuttaja, osatoteuttaja, toteuttaja, hakija, hallinnoija or kumppani (main, sub, implementer, "
            "applicant, administrator, partner); empty = toteuttaja",
    "group_code": "code of the group project the row's project belongs to",
    "start": "start date, d.m.yyyy or yyyy-mm-dd",
    "end": "end date, d.m.yyyy or yyyy-mm-dd",
    "cost_eur": "cost estimate in euros",
    "business_id": "Finnish business ID (Y-tunnus), 1234567-8",
}
REQUIRED = ("organisation", "project_code|project_name")

#: printed role -> records role
ROLE_NAMES: dict[str, str] = {
    "päätoteuttaja": "main", "main": "main",
    "osatoteuttaja": "sub", "sub": "sub",
    "toteuttaja": "implementer", "implementer": "implementer",
    "hakija": "applicant", "applicant": "applicant",
    "hallinnoija": "administrator", "hankehallinnoija": "administrator", "administrator": "administrator",
    "kumppani": "partner", "yhteistyökumppani": "partner", "partner": "partner",
    "pilotti": "pilot", "pilottikunta": "pilot", "pilot": "pilot",
    "ohjausryhmä": "steering", "steering": "steering",
}

_HEADER_LOOKUP = {h: col for col, hs in COLUMNS.items() for h in hs}


def normalise_header(h: Any) -> str:
    """Case- and whitespace-insensitive key of a header cell."""
    s = normalise_space(str(h or "")).casefold()
    s = re.sub(r"\s*\((?:€|eur|e)\)\s*$", "", s)
    return re.sub(r"[\s\-]+", "_", s).strip("_")


def column_for(header: Any) -> Optional[str]:
    """The column a header names, or ``None``."""
    return _HEADER_LOOKUP.get(normalise_header(header))


def describe_columns() -> str:
    """One line per column: English / Finnish header, meaning."""
    return "\n".join(f"  {hs[0]} / {hs[1]}: {MEANINGS[col]}" for col, hs in COLUMNS.items())


def parse_role(value: Any) -> Optional[str]:
    """Records role of a printed role; '' -> 'implementer'; unknown -> ``None``."""
    s = normalise_space(str(value or "")).casefold()
    if not s:
        return "implementer"
    return ROLE_NAMES.get(s)


class _Bad(ValueError):
    pass


def parse_cell_date(value: Any) -> Optional[_dt.date]:
    """A date cell: an Excel date, 'd.m.yyyy' or ISO 'yyyy-mm-dd'; '' -> ``None``.

    >>> parse_cell_date("1.9.2024"), parse_cell_date("2024-09-01"), parse_cell_date("")
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), None)
    >>> parse_cell_date("31.2.2024")
    Traceback (most recent call last):
    ...
    loaders.spreadsheet._Bad: '31.2.2024' is not a date (use d.m.yyyy or yyyy-mm-dd)
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = normalise_space(str(value))
    if not s:
        return None
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
        if m:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?", s)
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise _Bad(f"{s!r} is not a date (use d.m.yyyy or yyyy-mm-dd)")


def parse_amount(value: Any) -> Optional[Decimal]:
    """Euros from a number cell or text ('12 345,50 €', '12345.50', '1.234.567'); '' -> ``None``.

    >>> parse_amount("12 345,50 €"), parse_amount(80000), parse_amount("1.234.567")
    (Decimal('12345.50'), Decimal('80000'), Decimal('1234567'))
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _Bad(f"{value!r} is not an amount")
    if isinstance(value, (int, float, Decimal)):
        d = Decimal(str(value))
    else:
        s = normalise_space(str(value))
        if not s:
            return None
        s = re.sub(r"(?i)\s*(?:€|eur|euroa|e)$", "", s).replace(" ", "").replace("\u00a0", "")
        if "," in s and "." in s:
            s = s.replace(".", "").replace(",", ".")
        elif "," in s:
            s = s.replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
            s = s.replace(".", "")
        if not re.fullmatch(r"\d+(?:\.\d+)?", s):
            raise _Bad(f"{value!r} is not an amount in euros")
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise _Bad(f"{value!r} is not an amount in euros") from None
    if d < 0:
        raise _Bad(f"{value!r} is negative")
    return d


def valid_business_id(value: str) -> bool:
    """Format and check digit of a Finnish business ID (Y-tunnus).

    >>> valid_business_id("1234567-1"), valid_business_id("1234567-2")
    (True, False)
    """
    m = re.fullmatch(r"(\d{7})-(\d)", value)
    if not m:
        return False
    r = sum(int(d) * w for d, w in zip(m.group(1), (7, 9, 10, 5, 8, 4, 2))) % 11
    if r == 1:
        return False
    return int(m.group(2)) == (0 if r == 0 else 11 - r)


def _business_id(value: Any) -> Optional[str]:
    s = normalise_space(str(value or "")).replace(" ", "")
    if not s:
        return None
    m = re.fullmatch(r"(?i)FI(\d{7})(\d)", s)
    if m:
        s = f"{m.group(1)}-{m.group(2)}"
    if re.fullmatch(r"\d{6}-\d", s):     # a leading zero lost by a spreadsheet
        s = "0" + s
    if not valid_business_id(s):
        raise _Bad(f"{value!r} is not a valid business ID (Y-tunnus, 1234567-8)")
    return s


# ----------------------------------------------------------------- reading

def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=counts.get)


def _known_headers(cells: Iterable[Any]) -> int:
    return len({column_for(c) for c in cells if column_for(c)})


def looks_like_spreadsheet(path: str | Path) -> bool:
    """An XLSX workbook (zip with ``xl/``), or text whose first line is a CSV
    header naming at least two known columns.  Decided by content, not name."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                return any(n.startswith("xl/") for n in z.namelist())
        except (zipfile.BadZipFile, OSError):
            return False
    text = _decode(head)
    first = text.splitlines()[0] if text.splitlines() else ""
    if not first.strip():
        return False
    cells = next(csv.reader([first], delimiter=_delimiter(first)), [])
    return len(cells) >= 2 and _known_headers(cells) >= 2


def _csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    text = _decode(path.read_bytes())
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first))
    return [(i, row) for i, row in enumerate(reader, start=1)]


def _xlsx_rows(path: Path) -> tuple[str, list[tuple[int, list[Any]]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a declared dependency
        raise SourceReadError(f"{path}: reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:   # openpyxl raises several kinds for a damaged file
        raise SourceReadError(f"{path}: not a readable .xlsx workbook ({e.__class__.__name__}: {e})") from None
    try:
        best = None
        for ws in wb.worksheets:
            rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1)]
            header = next((r for _, r in rows if any(c not in (None, "") for c in r)), [])
            if best is None or _known_headers(header) > _known_headers(best[2]):
                best = (ws.title, rows, header)
        return (best[0], best[1]) if best else ("", [])
    finally:
        wb.close()


def load_path(path: str | Path) -> SourceDocument:
    """Load a CSV or XLSX participation list."""
    path = Path(path)
    if not path.is_file():
        raise SourceReadError(f"{path}: no such file")
    with open(path, "rb") as f:
        magic = f.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceReadError(f"{path}: an old Excel 97-2003 (.xls) file; save it as .xlsx or .csv")
    if magic.startswith(b"PK\x03\x04"):
        sheet, rows = _xlsx_rows(path)
        title = sheet or None
    else:
        rows, title = _csv_rows(path), None
    doc = load_rows(rows, path.name)
    doc.title = title
    return doc


def _cell(row: list[Any], idx: Optional[int]) -> Any:
    if idx is None or idx >= len(row):
        return None
    v = row[idx]
    return v.strip() if isinstance(v, str) else v


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return normalise_space(str(v))


def load_rows(rows: list[tuple[int, list[Any]]], source: str) -> SourceDocument:
    """Turn (row number, cells) pairs, header first, into a :class:`SourceDocument`."""
    doc = SourceDocument(path=source, kind="spreadsheet", line_count=rows[-1][0] if rows else 0)
    header_at = next((k for k, (_, r) in enumerate(rows) if any(_text(c) for c in r)), None)
    if header_at is None:
        raise ParseError(source, None, "empty spreadsheet: no header row. Expected columns "
                                       "(English / Finnish):\n" + describe_columns())
    header_no, header = rows[header_at]
    idx: dict[str, int] = {}
    for i, h in enumerate(header):
        col = column_for(h)
        if col and col not in idx:
            idx[col] = i
    missing = []
    if "organisation" not in idx:
        missing.append("organisation / toteuttaja")
    if "project_code" not in idx and "project_name" not in idx:
        missing.append("project_code / hankekoodi or project_name / hanke")
    if missing:
        raise ParseError(source, header_no,
                         f"missing required column(s): {'; '.join(missing)}. The header row has "
                         f"{[_text(h) for h in header if _text(h)]}. Expected columns (English / Finnish, "
                         f"any case):\n{describe_columns()}")

    projects: dict[tuple[str, str], Project] = {}
    seen: dict[tuple, int] = {}
    sub_costs: dict[tuple[str, str], dict[str, Decimal]] = {}
    for no, row in rows[header_at + 1:]:
        if not any(_text(c) for c in row):
            continue
        shown = strip_contact_details(" | ".join(_text(c) for c in row if _text(c)))[:300]

        def skip(reason: str):
            doc.skipped.append(Skipped(source, no, shown, f"row {no}: {reason}", True))

        org = _text(_cell(row, idx.get("organisation")))
        code = _text(_cell(row, idx.get("project_code")))
        name = _text(_cell(row, idx.get("project_name")))
        group = _text(_cell(row, idx.get("group_code")))
        if not org:
            skip("missing organisation (toteuttaja)")
            continue
        if not code and not name:
            skip("missing project (hankekoodi or hanke)")
            continue
        raw_role = _cell(row, idx.get("role"))
        role = parse_role(raw_role)
        if role is None:
            skip(f"unknown role {_text(raw_role)!r}; use päätoteuttaja, osatoteuttaja, toteuttaja, hakija, "
                 "hallinnoija or kumppani (or main, sub, implementer, applicant, administrator, partner)")
            continue
        try:
            start = parse_cell_date(_cell(row, idx.get("start")))
            end = parse_cell_date(_cell(row, idx.get("end")))
            if start and end and end < start:
                raise _Bad(f"end {end:%d.%m.%Y} is before start {start:%d.%m.%Y}")
            cost = parse_amount(_cell(row, idx.get("cost_eur")))
            bid = _business_id(_cell(row, idx.get("business_id")))
        except _Bad as e:
            skip(str(e))
            continue
        if group:
            key = ("group", group.casefold())
        elif code:
            key = ("code", code.casefold())
        else:
            key = ("name", name.casefold())
        p = projects.get(key)
        if p is None:
            p = Project(name or (group if group else code), Span(source, no, no),
                        code=group or code or None, kind="group" if group else "single")
            projects[key] = p
        else:
            p.span = Span(source, min(p.span.first, no), max(p.span.last, no))
            if name and p.name in (p.code, group, code):
                p.name = name      # an earlier row gave only the code
        dup = (key, org.casefold(), role, (code or "").casefold() if group else "")
        if dup in seen:
            skip(f"repeats row {seen[dup]}")
            continue
        seen[dup] = no
        theme = _text(_cell(row, idx.get("theme")))
        if theme and theme not in p.themes:
            p.themes.append(theme)
        prog = _text(_cell(row, idx.get("programme")))
        if prog and not p.programme:
            p.programme = prog
        if start and (p.start is None or start < p.start):
            p.start = start
        if end and (p.end is None or end > p.end):
            p.end = end
        if cost is not None:
            if group:
                sub_costs.setdefault(key, {}).setdefault((code or org).casefold(), cost)
            elif p.cost_estimate is None:
                p.cost_estimate = cost
        p.participants.append(Participation(org, role, code=(code or None) if group else None, line=no,
                                            business_id=bid))
        doc.used_list_lines += 1
    for key, costs in sub_costs.items():
        projects[key].cost_estimate = sum(costs.values(), Decimal(0))
    doc.projects = list(projects.values())
    return scrub_contacts(doc)
