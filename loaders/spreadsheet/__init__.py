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

* ``headers``  header mapping: accepted column names, which column a header names
* ``values``   cell values: roles, dates, euros, business IDs, codes
* ``reading``  workbooks and CSV files: encodings, delimiters, sheets, recognising a spreadsheet
* ``loader``   rows into records: header row, row checks, merging a project's rows

>>> normalise_header(" Y-tunnus ")
'y_tunnus'
>>> column_for("Hankekoodi:"), column_for("project name"), column_for("Kustannusarvio, €")
('project_code', 'project_name', 'cost_eur')
>>> parse_role("Päätoteuttaja"), parse_role("partner"), parse_role("kumppanina"), parse_role("boss") is None
('main', 'partner', 'partner', True)
"""
from hankeverkko.loaders.spreadsheet.headers import COLUMNS, REQUIRED, column_for, describe_columns, normalise_header
from hankeverkko.loaders.spreadsheet.loader import load_path, load_rows
from hankeverkko.loaders.spreadsheet.reading import looks_like_spreadsheet
from hankeverkko.loaders.spreadsheet.values import ROLE_NAMES, parse_amount, parse_cell_date, parse_role, valid_business_id

__all__ = ["COLUMNS", "REQUIRED", "ROLE_NAMES", "looks_like_spreadsheet", "load_path", "load_rows",
           "normalise_header", "column_for", "parse_role", "parse_cell_date", "parse_amount",
           "valid_business_id", "describe_columns"]
