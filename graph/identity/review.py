"""The review workflow: the queue CSV a person fills in and the decisions read back.

``hankeverkko orgs --review review.csv`` writes the queue (name_a, name_b,
score, reason, decision); a person writes ``merge`` or ``keep_apart`` in the
decision column; ``hankeverkko build --decisions review.csv`` reads it and the
decisions override the name rules both ways (:func:`hankeverkko.graph.identity.resolution.resolve`).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.atomic import write_atomic

__all__ = ["DECISIONS", "REVIEW_COLUMNS", "Decision", "DecisionsError", "read_decisions", "write_review_queue"]

DECISIONS = ("merge", "keep_apart")
REVIEW_COLUMNS = ["name_a", "name_b", "score", "reason", "decision"]


class DecisionsError(HankeverkkoError, ValueError):
    """A decisions file that cannot be used; the message names the file (and row).
    The command line reports it without a traceback (exit code 1)."""


@dataclass(frozen=True)
class Decision:
    """One reviewed pair: ``merge`` or ``keep_apart``."""
    name_a: str
    name_b: str
    decision: str
    note: str = ""
    row: int = 0


def read_decisions(path: Union[str, Path]) -> list[Decision]:
    """Read a reviewed CSV (name_a, name_b, decision[, note]; other columns ignored).

    Rows with an empty decision are still open and skipped. Comma, semicolon
    (Excel with Finnish settings) and tab separators, UTF-8 (with or without a
    BOM) and Excel's Windows encoding are accepted. A file that cannot be used
    raises :class:`DecisionsError` naming the file and row.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> _ = p.write_text("name_a,name_b,decision\\nTHL,Terveyden ja hyvinvoinnin laitos,merge\\nA ry,B ry,\\n")
    >>> [(d.name_a, d.decision) for d in read_decisions(p)]
    [('THL', 'merge')]
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DecisionsError(f"{path}: cannot read the decisions file: {e.strerror or e}") from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")     # Excel's 'CSV' on Windows
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count)
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    cols = {(c or "").strip().casefold() for c in rows.fieldnames or []}
    missing = {"name_a", "name_b", "decision"} - cols
    if missing:
        raise DecisionsError(f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                         f"expected a header with name_a, name_b, decision (and optional note)")
    out = []
    for row in rows:
        n = rows.line_num
        row = {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items() if k is not None}
        value = row.get("decision", "").casefold().replace("-", "_").replace(" ", "_")
        if not value:
            continue
        if value not in DECISIONS:
            raise DecisionsError(f"{path}: row {n}: decision {row.get('decision')!r} is not one of "
                             f"'merge', 'keep_apart' (or empty for undecided)")
        if not row.get("name_a") or not row.get("name_b"):
            raise DecisionsError(f"{path}: row {n}: name_a and name_b must both be filled in")
        out.append(Decision(row["name_a"], row["name_b"], value, row.get("note", ""), n))
    return out


def write_review_queue(resolution, path: Union[str, Path], include_decided: bool = True) -> Path:
    """Write the review queue as a CSV a person fills in (decision: merge or keep_apart).

    Columns name_a, name_b, score, reason, decision (empty). With
    ``include_decided`` the decisions the resolution applied follow, filled in,
    so the file can be passed back as ``--decisions`` again. The file is
    written to a temporary file in the same folder and then renamed
    (:func:`hankeverkko.graph.atomic.write_atomic`), so a reader never sees half a file.
    """
    rows = [[p.a, p.b, f"{p.score:.1f}", p.reason, ""] for p in resolution.review_queue]
    if include_decided:
        rows += [[d.name_a, d.name_b, "", "decided" + (f": {d.note}" if d.note else ""), d.decision]
                 for d in resolution.decisions]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(REVIEW_COLUMNS)
    w.writerows(rows)
    return write_atomic(path, buf.getvalue())
