"""Tables for people: CSV safe to open in Excel, and real xlsx workbooks.

* :func:`people_csv` — CSV whose text cells cannot start a formula: a cell
  beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
  a leading ``'`` (OWASP "CSV injection"). Used by ``orgs --format csv``.
  ``query --format csv`` is not this: it stays exact W3C SPARQL CSV.
* :func:`workbook_bytes` — an ``.xlsx`` workbook (openpyxl): one sheet, a
  bold frozen header, numbers as numbers, dates as dates, text always
  stored as text (never as a formula), every row and value kept.
* :func:`write_output` — text or bytes to ``--out FILE`` atomically
  (:func:`hankeverkko.graph.atomic.write_atomic`), else to stdout.

>>> people_csv(["name", "n"], [["=HYPERLINK(\\"http://x\\")", 3], ["-Alfa", -1]])
'name,n\\n"\\'=HYPERLINK(""http://x"")",3\\n\\'-Alfa,-1\\n'
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional, Sequence

import click
from rdflib import BNode, Literal, URIRef

from hankeverkko.graph.sparql.lexical import DECIMAL_TYPES, INTEGER_TYPES, lexical
from hankeverkko.graph.sparql.results import SelectResult

__all__ = ["FORMULA_STARTS", "neutralise", "people_csv", "workbook_bytes", "result_values", "write_output"]

#: first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would run
    as a formula; numbers are left alone.

    >>> neutralise("@SUM(A1)"), neutralise("Alfa Oy"), neutralise(-5)
    ("'@SUM(A1)", 'Alfa Oy', -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def people_csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV for spreadsheets, every text cell neutralised (see the module text)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([neutralise(h) for h in header])
    w.writerows([[neutralise(c) for c in row] for row in rows])
    return buf.getvalue()


def result_values(result: SelectResult) -> list[list[Any]]:
    """Rows of a SELECT result as spreadsheet values: integers and decimals
    as numbers (canonical value, see :mod:`graph.sparql.lexical`), dates as
    dates, IRIs and other literals as their full text, unbound as empty."""
    from rdflib.namespace import XSD

    def value(t):
        if t is None:
            return None
        if isinstance(t, Literal) and t.datatype is not None:
            text = lexical(t)
            try:
                if t.datatype in INTEGER_TYPES:
                    return int(text)
                if t.datatype in DECIMAL_TYPES:
                    return Decimal(text)
                if t.datatype == XSD.date:
                    return dt.date.fromisoformat(text)
            except ValueError:
                return text
            return text
        if isinstance(t, BNode):
            return f"_:{t}"
        return str(t) if isinstance(t, (URIRef, Literal)) else lexical(t)
    return [[value(t) for t in row] for row in result.rows]


def workbook_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "hankeverkko") -> bytes:
    """An .xlsx workbook holding ``header`` and ``rows`` (see the module text)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "hankeverkko"
    ws.append([str(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_ILLEGAL_XML.sub(" ", c) if isinstance(c, str) else c for c in row])
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"          # text stays text: "=..." is not a formula
    ws.freeze_panes = "A2"
    for i, h in enumerate(header, start=1):
        longest = max([len(str(h))] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(max(longest, 6) + 2, 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_output(data: str | bytes, out: Optional[Path], what: str = "") -> None:
    """``data`` to ``out`` (atomic write; a line on stderr says where), or to stdout."""
    if out is None:
        if isinstance(data, bytes):
            raise click.UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
        click.echo(data, nl=False)
        return
    from hankeverkko.graph.atomic import write_atomic
    write_atomic(out, data)
    click.echo(f"{what or 'output'} written to {out}", err=True)
