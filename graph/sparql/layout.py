"""Text tables for a terminal: aligned, fitted to a width, never cut silently.

:func:`layout_table` lays rows of strings out in columns. Given a ``width``
(the terminal's, from :func:`terminal_width`), the widest columns are
narrowed until the table fits, and every value that no longer fits ends in
``…``; the footer then says so and names the formats that keep everything.
Line breaks and tabs inside values become spaces. :func:`group_rows` turns
the rows that share key columns into one row whose other columns join their
distinct values with ``"; "`` (a theme once, its ministries joined).

>>> print(layout_table(["name", "n"], [["Tampereen ammattikorkeakoulu Oy", "10"]], width=20), end="")
name              n
----------------  --
Tampereen ammat…  10
(1 rows; values cut at … to fit 20 columns: --format csv, tsv or json keep everything)
>>> group_rows(["theme", "ministry"], [["T", "OKM"], ["T", "STM"], ["U", ""]], ["theme"])
[['T', 'OKM; STM'], ['U', '']]
"""
from __future__ import annotations

import os
import re
import shutil
from typing import Optional, Sequence

__all__ = ["ELLIPSIS", "JOIN", "MIN_WIDTH", "terminal_width", "group_rows", "layout_table", "cut"]

ELLIPSIS = "…"
JOIN = "; "
#: a column is never narrowed below this many characters (or its natural width)
MIN_WIDTH = 6
_SPACE = re.compile(r"[\t\r\n\v\f]+")
_ATOMIC = re.compile(r"[+-]?\d[\d.:eE+-]{0,24}")


def terminal_width(default: int = 100) -> int:
    """Columns of the terminal: ``COLUMNS`` if set, else the terminal's size,
    else ``default`` (output to a file or a pipe)."""
    if os.environ.get("COLUMNS", "").strip().isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size((default, 24)).columns


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, ending in … when shortened.

    >>> cut("Jyväskylän kaupunki", 10), cut("THL", 10)
    ('Jyväskylä…', 'THL')
    """
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS


def group_rows(header: Sequence[str], rows: Sequence[Sequence[str]], keys: Sequence[str]) -> list[list[str]]:
    """One row per distinct value of the ``keys`` columns, in order of first
    appearance; the other columns hold their distinct non-empty values joined
    with ``"; "``. Unknown key names are ignored (no grouping if none is known)."""
    idx = [header.index(k) for k in keys if k in header]
    if not idx:
        return [list(r) for r in rows]
    groups: dict[tuple, list[list[str]]] = {}
    for r in rows:
        groups.setdefault(tuple(r[i] for i in idx), []).append(list(r))
    out = []
    for members in groups.values():
        row = []
        for col in range(len(header)):
            seen = list(dict.fromkeys(m[col] for m in members if m[col] != ""))
            row.append(JOIN.join(seen))
        out.append(row)
    return out


def _atomic(values: Sequence[str]) -> bool:
    """Numbers, dates and periods (``1055410.4``, ``2024-01-31``, ``2021-2027``): never cut."""
    return bool(values) and all(_ATOMIC.fullmatch(v) for v in values if v)


def _fit(header: Sequence[str], rows: Sequence[Sequence[str]], width: int,
         keep: Sequence[str] = ()) -> list[int]:
    """Column widths whose sum with two spaces between columns is at most
    ``width`` if possible: the widest text columns give way first, down to
    :data:`MIN_WIDTH`; numbers, dates and periods keep their values whole
    (their header may be cut). Too many columns for ``width``: the table is
    wider than asked rather than cutting numbers. Columns named in ``keep``
    give way last: they keep up to a third of ``width``."""
    cols = [[r[i] for r in rows] for i in range(len(header))]
    natural = [max([len(h)] + [len(v) for v in c]) for h, c in zip(header, cols)]
    gaps = 2 * (len(natural) - 1)
    if sum(natural) + gaps <= width:
        return natural
    floors = [max([min(len(h), MIN_WIDTH)] + [len(v) for v in c]) if _atomic(c) else min(n, MIN_WIDTH)
              for h, c, n in zip(header, cols, natural)]
    floors = [min(n, max(f, width // 3)) if h in keep else f for h, n, f in zip(header, natural, floors)]
    lo, hi = 0, max(natural)
    while lo < hi:                       # the largest cap that fits
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(n, mid)) for n, f in zip(natural, floors)) + gaps <= width:
            lo = mid
        else:
            hi = mid - 1
    return [max(f, min(n, lo)) for n, f in zip(natural, floors)]


def layout_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: Optional[int] = None,
                 notes: Sequence[str] = (), keep_all: str = "--format csv, tsv or json keep everything",
                 keep: Sequence[str] = ()) -> str:
    """``rows`` under ``header`` as aligned columns, fitted to ``width``
    characters (``None``: no limit), with a footer counting the rows; when a
    value is cut the footer says so and ``keep_all`` names the way out;
    columns named in ``keep`` are cut last."""
    header = [_SPACE.sub(" ", h) for h in header]
    rows = [[_SPACE.sub(" ", c) for c in r] for r in rows]
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    widths = natural if width is None else _fit(header, rows, width, keep)
    shortened = any(
        len(c) > w for r in [header, *rows] for c, w in zip(r, widths))
    line = lambda cells: "  ".join(cut(c, w).ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    foot = [f"{len(rows)} rows", *notes]
    if shortened:
        foot.append(f"values cut at {ELLIPSIS} to fit {width} columns: {keep_all}")
    return "\n".join(out) + f"\n({'; '.join(foot)})\n"
