"""One table row as one line, shared by the HTML and Word readers.

Two cells (not both header cells) become ``Label: value`` so label/value
tables read like the ``Label: value`` lines of the text documents; wider rows
and header rows keep their columns, joined with `` | ``; a one-cell row (or
a row whose other cells are empty in a two-column table) is its text.

>>> row_line(["Hankekoodi", "S29901"])
'Hankekoodi: S29901'
>>> row_line(["Vuosi", "Kustannus", "Osuus"], header=True)
'Vuosi | Kustannus | Osuus'
>>> row_line(["Teema:", ""])
'Teema'
"""
from __future__ import annotations

__all__ = ["row_line"]


def row_line(cells: list[str], header: bool = False) -> str:
    """The line for one row of cell texts (``header``: every cell is a header cell)."""
    if not any(cells):
        return ""
    if len(cells) == 2 and not header:
        label, value = cells[0].rstrip().rstrip(":").rstrip(), cells[1]
        return f"{label}: {value}" if label and value else label or value
    return " | ".join(cells) if len(cells) > 1 else cells[0]
