"""Rows into records: one :class:`~loaders.records.Project` per project, one participation per row.

Finds each table's header row, checks its layout, reads every row (a bad
row becomes a :class:`~loaders.records.Skipped` with its row number and a
reason) and merges the rows of a project (see the package notes).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

from hankeverkko.loaders.errors import ParseError, SourceReadError
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.records import Participation, Project, Skipped, SourceDocument, Span
from hankeverkko.loaders.spreadsheet.headers import (_MAX_HEADER_SEARCH, _accepted_note, _known_headers,
                                                     _required_present, column_for)
from hankeverkko.loaders.spreadsheet.reading import (_csv_table, _damaged, _damaged_error, _decode, _kind_error,
                                                     _ole_kind, _Table, _xlsx_tables, _zip_kind)
from hankeverkko.loaders.spreadsheet.values import (_ROLE_WORDS, _Bad, _business_id, _code, _text, parse_amount,
                                                    parse_cell_date, parse_role)
from hankeverkko.loaders.text import strip_contact_details

__all__ = ["load_path", "load_rows"]


def load_path(path: str | Path) -> SourceDocument:
    """Load a CSV or XLSX participation list (see the package notes for sheets and encodings)."""
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
        why = _damaged(path) if kind is None else None
        if why:
            raise _damaged_error(path, why)
        tables = _xlsx_tables(path)
    else:
        tables = [_csv_table(path, data)]
    return _load_tables(tables, path.name)


def load_rows(rows: list[tuple[int, list[Any]]], source: str) -> SourceDocument:
    """Turn (row number, cells) pairs, header first, into a :class:`SourceDocument`."""
    return _load_tables([_Table(rows)], source)


def _cell(row: list[Any], idx: Optional[int]) -> Any:
    if idx is None or idx >= len(row):
        return None
    v = row[idx]
    return v.strip() if isinstance(v, str) else v


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
        self.notes: list[str] = []

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

    def fill_merged(self, table: _Table, header: _Header) -> list[tuple[int, list[Any]]]:
        """The data rows, with a cell merged down over rows below the header
        filled from the merge's top-left value (noted in ``reading.notes``)."""
        rows = [(no, list(r)) for no, r in table.rows[header.at + 1:]]
        at = {no: r for no, r in rows}
        for r1, r2, c1, c2 in sorted(table.merged):
            if r1 <= header.no or r2 == r1 or r1 not in at:
                continue
            value = at[r1][c1 - 1] if c1 - 1 < len(at[r1]) else None
            for no in range(r1 + 1, r2 + 1):
                if no in at:
                    at[no].extend([None] * (c1 - len(at[no])))
                    at[no][c1 - 1] = value
            span = f"{_column_letter(c1 - 1)}{r1}:{_column_letter(c2 - 1)}{r2}"
            sheet = f" (sheet '{table.sheet}')" if table.sheet else ""
            self.notes.append(f"{span}{sheet}: merged cells; the value "
                              f"{_text(value)!r} of {_column_letter(c1 - 1)}{r1} is read for rows {r1}–{r2}")
        return rows

    def unsaved(self, table: _Table, header: _Header, no: int) -> list[str]:
        """Formula cells of row ``no`` in the columns read that have no saved value."""
        sheet = f" (sheet '{table.sheet}')" if table.sheet else ""
        return [f"{_column_letter(i)}{no}{sheet}: formula {table.formulas[(no, i)]} has no saved value; "
                "open and save the workbook in Excel, or give values"
                for i in sorted(set(header.idx.values())) if (no, i) in table.formulas]

    def add(self, table: _Table, header: _Header, name_sheet: bool):
        idx, source = header.idx, self.source
        sheet = table.sheet if name_sheet else None
        for no, reason in table.problems:
            self.note(no, "", f"{_where(no, sheet)}: {reason}")
        for no, row in self.fill_merged(table, header):
            unsaved = self.unsaved(table, header, no)
            if not any(_text(c) for c in row) and not unsaved:
                continue
            where = _where(no, sheet)
            shown = strip_contact_details(" | ".join(_text(c) for c in row if _text(c)))

            def skip(reason: str):
                self.note(no, shown, f"{where}: {reason}")

            if unsaved:
                self.note(no, shown, "; ".join(unsaved))
                continue

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
        self.doc.reading = dataclasses.replace(self.doc.reading, notes=(*self.doc.reading.notes, *self.notes))
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
