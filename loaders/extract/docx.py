"""Word .docx text with python-docx: body paragraphs and tables in document order.

Each paragraph is a line (a manual line break starts a new one); each table
row is a line made by :func:`.tables.row_line` (merged cells counted once, a
cell's paragraphs joined with spaces); content controls are read through.
Page headers/footers, footnotes and automatic list numbers are not text in
the body and are left out.
"""
from __future__ import annotations

import io

from .errors import Unreadable
from .tables import row_line

__all__ = ["docx_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cell_text(cell) -> str:
    return " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        line = row_line([_cell_text(c) for c in cells])
        if line:
            lines.append(line)
    return lines


def _blocks(parent, document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    lines: list[str] = []
    for child in parent.iterchildren():
        if child.tag == _W + "p":
            text = Paragraph(child, document).text
            lines.extend(line.rstrip() for line in text.split("\n"))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(Table(child, document)))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                lines.extend(_blocks(content, document))
    return lines


def docx_lines(data: bytes) -> list[str]:
    """The lines of a .docx given as bytes; raises :class:`Unreadable` when
    it is damaged (not a complete zip, no readable ``word/document.xml``)."""
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
        return _blocks(document.element.body, document)
    except Exception as e:  # zipfile, lxml and python-docx errors all mean a broken file
        raise Unreadable(f"damaged Word file ({type(e).__name__}); open and save it again as .docx") from None
