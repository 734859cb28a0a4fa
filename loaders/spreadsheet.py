"""Coordinators' own lists: CSV or XLSX, one row per project–organisation participation.

Headers may be English or Finnish, in any case and with any spacing, a
trailing colon or asterisk and a unit ('Hankekoodi:', 'project code',
'Y-tunnus', 'Kustannusarvio (€)', 'Kustannusarvio, €').  Rows of the same
project merge into one :class:`~loaders.records.Project`; with a group code
the row's organisation becomes a participant whose ``code`` is the row's
project code, under the group's Project (as theme reviews model R-codes with
S-code rows).

Reading (decided here, documented in the README):

* **Encodings** — UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
  'Unicode text'), otherwise Windows-1252 (Excel's 'CSV (semicolon
  delimited)' on a Finnish Windows; it reads Latin-1 letters the same).  A
  file that mixes UTF-8 and Windows-1252 (a UTF-8 file edited and saved by
  Excel) is read piece by piece, so 'ä' is right in both parts.
* **Delimiters** — ``;``, ``,``, tab or ``|``, whichever gives a header row;
  Excel's ``sep=;`` first line is honoured and is not a row.
* **Header row** — the row within the first 30 that names the most known
  columns; title rows above it are ignored and row numbers stay as Excel
  shows them.  A header cell merged across columns, or two header rows, is
  an error asking for one header row with one name per column.
* **Sheets** — every *visible* sheet whose header names the required
  columns is read, in workbook order (hide a sheet to leave it out); other
  non-empty sheets are reported as not read.
* **Not spreadsheets** — old ``.xls``, ``.ods`` and password-protected
  workbooks are recognised by content and get a message saying to save as
  ``.xlsx`` or CSV; an empty file is an error, not an unknown kind.

A bad row (no organisation or project, unknown role, bad date, amount or
business ID, a repeat) becomes a :class:`~loaders.records.Skipped` with its row
number as Excel shows it (header = row 1) and a reason; the other rows still
load.  Columns the loader does not know (and columns with values but no
header) are reported the same way on the header row, and are not fatal.
A missing required column is a :class:`~loaders.errors.ParseError` naming
the file, the header row found and every accepted column name.

>>> normalise_header(" Y-tunnus ")
'y_tunnus'
>>> column_for("Hankekoodi:"), column_for("project name"), column_for("Kustannusarvio, €")
('project_code', 'project_name', 'cost_eur')
>>> parse_role("Päätoteuttaja"), parse_role("partner"), parse_role("kumppanina"), parse_role("boss") is None
('main', 'partner', 'partner', True)
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Optional

from hankeverkko.loaders.errors import ParseError, SourceReadError
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.records import Participation, Project, Skipped, SourceDocument, Span
from hankeverkko.loaders.text import normalise_space, strip_contact_details

__all__ = ["COLUMNS", "REQUIRED", "ROLE_NAMES", "looks_like_spreadsheet", "load_path", "load_rows",
           "normalise_header", "column_for", "parse_role", "parse_cell_date", "parse_amount",
           "valid_business_id", "describe_columns"]

#: column -> accepted headers (compared after :func:`normalise_header`); the first two are documented
COLUMNS: dict[str, tuple[str, ...]] = {
    "project_code": ("project_code", "hankekoodi", "projektikoodi", "code", "koodi", "hankkeen_koodi",
                     "hanke_koodi", "hanketunnus", "hankkeen_tunnus", "hankenumero", "eura_koodi", "eura_tunnus",
                     "eura_code", "project_id", "project_number"),
    "project_name": ("project_name", "hanke", "hankkeen_nimi", "hanke_nimi", "hankenimi", "project", "projekti",
                     "projektin_nimi", "name_of_project"),
    "theme": ("theme", "teema", "toimenpidekokonaisuus", "measure_package", "valtakunnallinen_teema"),
    "programme": ("programme", "ohjelma", "program", "ohjelman_nimi", "rahoitusohjelma"),
    "organisation": ("organisation", "toteuttaja", "organization", "organisaatio", "toteuttajaorganisaatio",
                     "organisaation_nimi", "toteuttajan_nimi", "organisation_name", "organization_name"),
    "role": ("role", "rooli", "rooli_hankkeessa", "toteuttajan_rooli", "role_in_project"),
    "group_code": ("group_code", "ryhmähanke", "ryhmähankkeen_koodi", "ryhmähankekoodi", "ryhmähankkeen_tunnus",
                   "ryhmähanketunnus", "group", "group_project", "group_project_code"),
    "start": ("start", "alkaa", "alkupäivä", "start_date", "alkupvm", "alkamispäivä", "alkupäivämäärä",
              "aloituspäivä", "hanke_alkaa"),
    "end": ("end", "päättyy", "loppupäivä", "end_date", "loppupvm", "päättymispäivä", "loppupäivämäärä",
            "hanke_päättyy"),
    "cost_eur": ("cost_eur", "kustannusarvio", "cost", "kustannusarvio_eur", "kustannusarvio_yhteensä",
                 "kustannukset", "kokonaiskustannukset", "budjetti", "budget", "cost_estimate", "total_cost"),
    "business_id": ("business_id", "y_tunnus", "ytunnus", "business_identity_code"),
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
    "start": "start date, d.m.yyyy, yyyy-mm-dd or a date cell",
    "end": "end date, d.m.yyyy, yyyy-mm-dd or a date cell",
    "cost_eur": "cost estimate in euros, e.g. 1 260 121,50",
    "business_id": "Finnish business ID (Y-tunnus), 1234567-8",
}
REQUIRED = ("organisation", "project_code|project_name")

#: printed role -> records role (exact forms; inflected Finnish forms are read by stem, see parse_role)
ROLE_NAMES: dict[str, str] = {
    "päätoteuttaja": "main", "main": "main", "main_implementer": "main", "lead": "main",
    "lead_implementer": "main", "lead_partner": "main",
    "osatoteuttaja": "sub", "sub": "sub", "sub_implementer": "sub", "subimplementer": "sub",
    "toteuttaja": "implementer", "implementer": "implementer", "co_implementer": "implementer",
    "hakija": "applicant", "applicant": "applicant",
    "hallinnoija": "administrator", "hankehallinnoija": "administrator", "administrator": "administrator",
    "kumppani": "partner", "yhteistyökumppani": "partner", "partner": "partner",
    "partner_organisation": "partner", "partner_organization": "partner",
    "pilotti": "pilot", "pilottikunta": "pilot", "pilot": "pilot", "pilot_municipality": "pilot",
    "ohjausryhmä": "steering", "steering": "steering", "steering_group": "steering",
}
#: Finnish stems, longest first: 'päätoteuttajana', 'osatoteuttajat', 'kumppanina' ...
_ROLE_STEMS = (("hankehallinnoij", "administrator"), ("yhteistyökumppan", "partner"),
               ("päätoteuttaj", "main"), ("osatoteuttaj", "sub"), ("pilottikun", "pilot"),
               ("hallinnoij", "administrator"), ("ohjausryhm", "steering"), ("toteuttaj", "implementer"),
               ("kumppan", "partner"), ("hakij", "applicant"), ("pilot", "pilot"))
_ROLE_WORDS = ("päätoteuttaja, osatoteuttaja, toteuttaja, hakija, hallinnoija or kumppani "
               "(or main, sub, implementer, applicant, administrator, partner)")

_MAX_HEADER_SEARCH = 30          # rows searched for the header
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_DASHES = {"-", "–", "—", "‐", "−"}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).replace("\ufeff", "").replace("\u200b", "")


def normalise_header(h: Any) -> str:
    """Key of a header cell: case, spacing, hyphens, a trailing ':' or '*', a
    parenthesised note and a euro unit do not matter.

    >>> normalise_header("Kustannusarvio (€):"), normalise_header("Alkaa (pp.kk.vvvv)"), normalise_header("Toteuttaja*")
    ('kustannusarvio', 'alkaa', 'toteuttaja')
    """
    s = normalise_space(_nfc(str(h if h is not None else ""))).casefold()
    s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", s)          # '(€)', '(pp.kk.vvvv)', '[EUR]'
    s = s.replace("€", " ")
    s = re.sub(r",.*$", "", s)                            # 'Kustannusarvio, €'
    s = s.strip(" :*.?!#")
    s = re.sub(r"[\s\-/]+", "_", s).strip("_")
    return re.sub(r"_(?:eur|euroa|euro|euros|e|in_euros)$", "", s)


_HEADER_LOOKUP = {normalise_header(h): col for col, hs in COLUMNS.items() for h in hs}


def column_for(header: Any) -> Optional[str]:
    """The column a header names, or ``None``."""
    return _HEADER_LOOKUP.get(normalise_header(header))


def describe_columns() -> str:
    """One line per column: English / Finnish header, other accepted names, meaning."""
    rows = []
    for col, hs in COLUMNS.items():
        also = f" (also {', '.join(hs[2:])})" if hs[2:] else ""
        rows.append(f"  {hs[0]} / {hs[1]}{also}: {MEANINGS[col]}")
    return "\n".join(rows)


def _accepted_note() -> str:
    return ("Expected columns (English / Finnish; case, spacing, a trailing ':' and a unit such as '(€)' "
            "do not matter):\n" + describe_columns())


def _role_key(s: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", normalise_space(_nfc(s)).casefold())
    return re.sub(r"[\s\-]+", "_", s.strip(" .:;,!?*")).strip("_")


def _one_role(key: str) -> Optional[str]:
    if key in ROLE_NAMES:
        return ROLE_NAMES[key]
    word = key.replace("_", "")
    for stem, role in _ROLE_STEMS:
        rest = word[len(stem):]
        if word.startswith(stem) and len(rest) <= 5 and (not rest or rest.isalpha()):
            return role
    return None


def parse_role(value: Any) -> Optional[str]:
    """Records role of a printed role, in any case, English or Finnish, also
    inflected ('päätoteuttajana', 'Osatoteuttajat'); '' -> 'implementer';
    'päätoteuttaja / hallinnoija' -> 'administrator' (a kind of main
    implementer); unknown or several different roles -> ``None``.

    >>> parse_role(" OSATOTEUTTAJA "), parse_role("Main implementer"), parse_role("päätoteuttaja/hallinnoija")
    ('sub', 'main', 'administrator')
    >>> parse_role("päätoteuttaja ja kumppani") is None
    True
    """
    s = _text(value)
    if not s or s in _DASHES:
        return "implementer"
    parts = [p for p in re.split(r"\s*(?:/|,|;|&|\+|\bja\b|\band\b)\s*", s) if p.strip()]
    roles = {_one_role(_role_key(p)) for p in parts} if len(parts) > 1 else {_one_role(_role_key(s))}
    if None in roles:
        return None
    if roles == {"main", "administrator"}:
        return "administrator"
    return roles.pop() if len(roles) == 1 else None


class _Bad(ValueError):
    pass


def _excel_serial(n: float) -> _dt.date:
    if not 20000 <= n < 80000:          # 1954 .. 2119; anything else is not a date in this column
        raise _Bad(f"{n!r} is not a date (use d.m.yyyy or yyyy-mm-dd)")
    return _EXCEL_EPOCH + _dt.timedelta(days=int(n))


_TIME = r"(?:[ T](?:klo\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?"


def parse_cell_date(value: Any) -> Optional[_dt.date]:
    """A date cell: an Excel date (also as a bare serial number), 'd.m.yyyy',
    'dd.mm.yy' or ISO 'yyyy-mm-dd', with or without a time; '' or '-' -> ``None``.

    >>> parse_cell_date("1.9.2024"), parse_cell_date("2024-09-01"), parse_cell_date("")
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), None)
    >>> parse_cell_date("01.09.2024 12.30"), parse_cell_date("2024-09-01T08:00:00"), parse_cell_date(45536)
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), datetime.date(2024, 9, 1))
    >>> parse_cell_date("31.2.2024")
    Traceback (most recent call last):
    ...
    hankeverkko.loaders.spreadsheet._Bad: '31.2.2024' is not a date (use d.m.yyyy or yyyy-mm-dd)
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, _dt.time):
        raise _Bad(f"{value} is a time of day, not a date")
    if isinstance(value, bool):
        raise _Bad(f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        return _excel_serial(value)
    s = normalise_space(_nfc(str(value)))
    if not s or s in _DASHES:
        return None
    s1 = re.sub(r"\s*\.\s*(?=\d)", ".", s)
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?" + _TIME, s1)
        if m:
            year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
            return _dt.date(year, int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME, s)
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if re.fullmatch(r"\d{5}(?:\.0+)?", s):
            return _excel_serial(float(s))
    except (ValueError, OverflowError):
        pass
    hint = "; d/m/yyyy and m/d/yyyy cannot be told apart" if "/" in s else ""
    raise _Bad(f"{s!r} is not a date (use d.m.yyyy or yyyy-mm-dd{hint})")


def parse_amount(value: Any) -> Optional[Decimal]:
    """Euros from a number cell or text; '' or '-' -> ``None``.  Spaces (also
    no-break and narrow ones) separate thousands; a decimal comma or point is
    the last separator; '€', 'EUR', 'euroa' and ',-' are allowed.

    >>> parse_amount("12 345,50 €"), parse_amount(80000), parse_amount("1.234.567")
    (Decimal('12345.50'), Decimal('80000'), Decimal('1234567'))
    >>> parse_amount("1\\u00a0260\\u00a0121,50"), parse_amount("1,260,121.50"), parse_amount("1 260 121,-")
    (Decimal('1260121.50'), Decimal('1260121.50'), Decimal('1260121'))
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Bad(f"{value!r} is not an amount")
    if isinstance(value, float):
        if value != value:       # NaN: an empty numeric cell
            return None
        d = Decimal(str(round(value, 2)))
    elif isinstance(value, (int, Decimal)):
        d = Decimal(value)
    else:
        s = normalise_space(_nfc(str(value)))
        if not s or s in _DASHES:
            return None
        t = re.sub(r"(?i)^(?:€|eur)\s*", "", s)
        t = re.sub(r"(?i)\s*(?:€|eur|euroa|e)\.?$", "", t)
        t = re.sub(r"[,.][-–]$", "", t)
        t = re.sub(r"[\s'’]", "", t)
        if t[:1] in _DASHES and len(t) > 1:
            raise _Bad(f"{value!r} is negative")
        if "," in t and "." in t:
            dec = "," if t.rfind(",") > t.rfind(".") else "."
            t = t.replace("." if dec == "," else ",", "").replace(",", ".")
        elif t.count(",") > 1:
            t = t.replace(",", "")
        elif "," in t:
            t = t.replace(",", ".")
        elif t.count(".") > 1 or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):
            t = t.replace(".", "")
        if not re.fullmatch(r"\d+(?:\.\d+)?", t):
            raise _Bad(f"{value!r} is not an amount in euros")
        try:
            d = Decimal(t)
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
    s = re.sub(r"\s", "", _text(value))
    if not s or s in _DASHES:
        return None
    m = re.fullmatch(r"(?i)(?:FI)?(\d{7})-?(\d)", s)     # 'FI12345678', a number cell 12345678
    if m:
        s = f"{m.group(1)}-{m.group(2)}"
    if re.fullmatch(r"\d{6}-\d", s):     # a leading zero lost by a spreadsheet
        s = "0" + s
    if not valid_business_id(s):
        raise _Bad(f"{value!r} is not a valid business ID (Y-tunnus, 1234567-8)")
    return s


def _code(value: Any) -> str:
    """A project or group code: 's99901', ' S 99901', an Excel number 123456.0 -> 'S99901', '123456'."""
    s = _text(value).lstrip("'")
    if re.fullmatch(r"[A-Za-z]{1,3}[-\s]?\d{3,}", s):
        s = s.replace(" ", "").upper()
    return s


# ----------------------------------------------------------------- reading

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


def _known_headers(cells: Iterable[Any]) -> int:
    return len({column_for(c) for c in cells if _text(c) and column_for(c)})


def _required_present(cells: Iterable[Any]) -> int:
    cols = {column_for(c) for c in cells if _text(c)}
    return ("organisation" in cols) + bool({"project_code", "project_name"} & cols)


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
        return _zip_kind(path) is not None
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
    except _Bad as e:
        raise SourceReadError(f"{path}: {e}") from None
    return _Table([(i, row) for i, row in enumerate(rows, start=first_no)])


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
        raise SourceReadError(f"{path}: not a readable .xlsx workbook ({e.__class__.__name__}: {e})") from None
    try:
        tables = []
        for ws in wb.worksheets:
            rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
            merged = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in ws.merged_cells.ranges]
            tables.append(_Table(rows, ws.title, merged, ws.sheet_state != "visible"))
        return tables
    finally:
        wb.close()


def _kind_error(path: Path, kind: str) -> SourceReadError:
    what = {"xls": "an old Excel 97-2003 (.xls) workbook",
            "ods": "an OpenDocument (.ods) spreadsheet",
            "encrypted": "a password-protected workbook"}[kind]
    fix = "remove the password and save it as .xlsx or CSV" if kind == "encrypted" else \
        "open it in Excel or LibreOffice and save it as .xlsx (Excel workbook) or CSV"
    return SourceReadError(f"{path}: {what}; {fix}")


def load_path(path: str | Path) -> SourceDocument:
    """Load a CSV or XLSX participation list (see the module notes for sheets and encodings)."""
    path = Path(path)
    if not path.is_file():
        raise SourceReadError(f"{path}: no such file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceReadError(f"{path}: cannot read ({e.strerror})") from None
    binary = data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
    if not data.strip() or (not binary and not _decode(data[:65536]).strip()):
        raise SourceReadError(f"{path}: the file is empty; it needs a header row (e.g. hankekoodi;hanke;"
                              "toteuttaja;rooli) and one row per organisation per project")
    ole = _ole_kind(data[:65536])
    if ole or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _kind_error(path, ole or "xls")
    if data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind == "ods":
            raise _kind_error(path, "ods")
        tables = _xlsx_tables(path)
    else:
        tables = [_csv_table(path, data)]
    return _load_tables(tables, path.name)


def load_rows(rows: list[tuple[int, list[Any]]], source: str) -> SourceDocument:
    """Turn (row number, cells) pairs, header first, into a :class:`SourceDocument`."""
    return _load_tables([_Table(rows)], source)


# ----------------------------------------------------------------- rows -> records

def _cell(row: list[Any], idx: Optional[int]) -> Any:
    if idx is None or idx >= len(row):
        return None
    v = row[idx]
    return v.strip() if isinstance(v, str) else v


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:
            return ""
        if v.is_integer():
            v = int(v)
    if isinstance(v, _dt.datetime):
        v = v.date() if v.time() == _dt.time() else v
    return " ".join(normalise_space(_nfc(str(v))).split())     # also line breaks inside a cell


def _column_letter(i: int) -> str:
    s, n = "", i + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@dataclass
class _Header:
    at: int                          # index into table.rows
    no: int                          # row number
    idx: dict[str, int]
    cells: list[Any]


def _find_header(table: _Table) -> Optional[_Header]:
    """The early row naming the required and most known columns (title rows above it are skipped)."""
    best, best_score = None, (0, 0)
    seen = 0
    for k, (no, row) in enumerate(table.rows):
        if not any(_text(c) for c in row):
            continue
        seen += 1
        if seen > _MAX_HEADER_SEARCH:
            break
        score = (_required_present(row), _known_headers(row))
        if score > best_score:
            best, best_score = k, score
    if best is None:
        return None
    no, cells = table.rows[best]
    idx: dict[str, int] = {}
    for i, h in enumerate(cells):
        col = column_for(h) if _text(h) else None
        if col and col not in idx:
            idx[col] = i
    return _Header(best, no, idx, cells)


def _missing(idx: dict[str, int]) -> list[str]:
    missing = []
    if "organisation" not in idx:
        missing.append("organisation / toteuttaja")
    if "project_code" not in idx and "project_name" not in idx:
        missing.append("project_code / hankekoodi or project_name / hanke")
    return missing


def _where(no: int, sheet: Optional[str]) -> str:
    return f"row {no}" + (f" (sheet '{sheet}')" if sheet else "")


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.doc = SourceDocument(path=source, kind="spreadsheet")
        self.projects: dict[tuple[str, str], Project] = {}
        self.seen: dict[tuple, str] = {}
        self.sub_costs: dict[tuple[str, str], dict[str, Decimal]] = {}

    def note(self, no: int, text: str, reason: str):
        self.doc.skipped.append(Skipped(self.source, no, text[:300], reason, True))

    def check_header(self, table: _Table, header: _Header, name_sheet: bool):
        """Errors for layouts that would be misread; notes for columns not read."""
        where = _where(header.no, table.sheet if name_sheet else None)
        for r1, r2, c1, c2 in table.merged:
            if r1 <= header.no <= r2 and c2 > c1 and any(_text(header.cells[c]) for c in range(c1 - 1, min(c2, len(header.cells)))):
                raise ParseError(self.source, header.no,
                                 f"{where}: the header cell {_text(header.cells[c1 - 1])!r} is merged across columns "
                                 f"{_column_letter(c1 - 1)}–{_column_letter(c2 - 1)}; unmerge it and give every "
                                 f"column its own header (one header row)")
        nxt = next(((no, r) for no, r in table.rows[header.at + 1:] if any(_text(c) for c in r)), None)
        if nxt and _known_headers(nxt[1]) >= 2 and _known_headers(nxt[1]) >= _known_headers(header.cells) - 1 \
                and not any(isinstance(c, (int, float, _dt.date)) for c in nxt[1] if c is not None):
            raise ParseError(self.source, header.no,
                             f"{where} and row {nxt[0]} both look like header rows; keep one header row with one "
                             "name per column (the rows below it are read as data)")
        unknown, repeated = [], []
        used = set(header.idx.values())
        for i, h in enumerate(header.cells):
            t = _text(h)
            if not t or i in used:
                continue
            col = column_for(h)
            (repeated if col else unknown).append(f"{t!r} ({_column_letter(i)})")
        unnamed = sorted({i for _, r in table.rows[header.at + 1:] for i, c in enumerate(r)
                          if _text(c) and i not in used and not _text(header.cells[i] if i < len(header.cells) else None)})
        parts = []
        if unknown:
            parts.append(f"column(s) not read: {', '.join(unknown)} (not a column hankeverkko knows)")
        if repeated:
            parts.append(f"column(s) repeating an earlier one, not read: {', '.join(repeated)}")
        if unnamed:
            parts.append(f"column(s) {', '.join(_column_letter(i) for i in unnamed)} have values but no header; "
                         "not read")
        if parts:
            self.note(header.no, " | ".join(_text(h) for h in header.cells if _text(h)), f"{where}: " + "; ".join(parts))

    def add(self, table: _Table, header: _Header, name_sheet: bool):
        idx, source = header.idx, self.source
        sheet = table.sheet if name_sheet else None
        for no, row in table.rows[header.at + 1:]:
            if not any(_text(c) for c in row):
                continue
            where = _where(no, sheet)
            shown = strip_contact_details(" | ".join(_text(c) for c in row if _text(c)))

            def skip(reason: str):
                self.note(no, shown, f"{where}: {reason}")

            org = _text(_cell(row, idx.get("organisation")))
            code = _code(_cell(row, idx.get("project_code")))
            name = _text(_cell(row, idx.get("project_name")))
            group = _code(_cell(row, idx.get("group_code")))
            if not org and not code and not name:
                skip("no organisation (toteuttaja) and no project (hankekoodi or hanke)")
                continue
            if not org:
                skip("missing organisation (toteuttaja)")
                continue
            if not code and not name:
                skip("missing project (hankekoodi or hanke)")
                continue
            raw_role = _cell(row, idx.get("role"))
            role = parse_role(raw_role)
            if role is None:
                skip(f"unknown role {_text(raw_role)!r}; use one of {_ROLE_WORDS}, one role per row")
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
            dup = (key, org.casefold(), role, code.casefold() if group else "")
            if dup in self.seen:
                skip(f"repeats {self.seen[dup]}")
                continue
            self.seen[dup] = where
            p = self.projects.get(key)
            if p is None:
                p = Project(name or group or code, Span(source, no, no),
                            code=group or code or None, kind="group" if group else "single")
                self.projects[key] = p
            else:
                p.span = Span(source, min(p.span.first, no), max(p.span.last, no))
                if name and p.name in (p.code, group, code):
                    p.name = name      # an earlier row gave only the code
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
                    self.sub_costs.setdefault(key, {}).setdefault((code or org).casefold(), cost)
                elif p.cost_estimate is None:
                    p.cost_estimate = cost
            p.participants.append(Participation(org, role, code=(code or None) if group else None, line=no,
                                                business_id=bid))
            self.doc.used_list_lines += 1

    def finish(self) -> SourceDocument:
        for key, costs in self.sub_costs.items():
            self.projects[key].cost_estimate = sum(costs.values(), Decimal(0))
        self.doc.projects = list(self.projects.values())
        return scrub_contacts(self.doc)


def _load_tables(tables: list[_Table], source: str) -> SourceDocument:
    b = _Builder(source)
    b.doc.line_count = max((t.rows[-1][0] for t in tables if t.rows), default=0)
    name_sheet = len(tables) > 1
    found = [(t, _find_header(t)) for t in tables]
    readable = [(t, h) for t, h in found if h and not _missing(h.idx) and not t.hidden]
    read_ids = {id(t) for t, _ in readable}
    if not readable:
        visible = [(t, h) for t, h in found if not t.hidden] or found
        with_header = [(t, h) for t, h in visible if h]
        if not with_header:
            first = next(([_text(c) for c in r if _text(c)] for t, _ in visible for _, r in t.rows
                          if any(_text(c) for c in r)), None)
            what = "empty spreadsheet: no header row" if first is None else \
                f"no header row naming the columns in the first {_MAX_HEADER_SEARCH} rows (the first row has {first})"
            raise ParseError(source, None, f"{what}. " + _accepted_note())
        t, h = max(with_header, key=lambda th: (_required_present(th[1].cells), _known_headers(th[1].cells)))
        where = _where(h.no, t.sheet if name_sheet else None)
        hidden = [x.sheet for x, hh in found if x.hidden and hh and not _missing(hh.idx)]
        hint = f" (hidden sheet(s) {', '.join(map(repr, hidden))} are not read; unhide to read)" if hidden else ""
        raise ParseError(source, h.no,
                         f"missing required column(s): {'; '.join(_missing(h.idx))}. The header row ({where}) has "
                         f"{[_text(c) for c in h.cells if _text(c)]}{hint}. {_accepted_note()}")
    for t, h in found:
        if id(t) in read_ids:
            b.check_header(t, h, name_sheet)
            b.add(t, h, name_sheet)
        elif t.hidden and not (h and not _missing(h.idx)):
            continue                   # e.g. the lists behind drop-down menus
        elif any(any(_text(c) for c in r) for _, r in t.rows):
            why = "hidden" if t.hidden else ("no header row naming toteuttaja and hankekoodi or hanke" if not h
                                             else f"its header lacks {'; '.join(_missing(h.idx))}")
            b.note(1, f"sheet {t.sheet}", f"sheet '{t.sheet}' not read: {why}")
    b.doc.title = ", ".join(t.sheet for t, _ in readable if t.sheet) or None
    return b.finish()
