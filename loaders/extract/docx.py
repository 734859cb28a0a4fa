"""Word .docx text with python-docx: body paragraphs and tables in document order.

Each paragraph is a line (a manual line break starts a new one); each table
row is a line made by :func:`.tables.row_line` (merged cells counted once, a
cell's paragraphs joined with spaces); content controls are read through.
Automatic list numbers and bullets are rendered as Word shows them
(``1.1.``, ``a)``, ``•``), so numbered headings keep the numbers the loaders
look for.  Page headers/footers, footnotes and text boxes are left out.
"""
from __future__ import annotations

import io

from hankeverkko.loaders.extract.errors import Unreadable
from hankeverkko.loaders.extract.tables import row_line

__all__ = ["docx_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
          ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for sym, value in _ROMAN:
            while n >= value:
                out, n = out + sym, n - value
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


class _Numbering:
    """Renders the automatic number or bullet of each paragraph, in order."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}   # numId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = {st.get(_W + "styleId"): st for st in document.styles.element.findall(_W + "style")}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.findall(_W + "abstractNum"):
            lvls = {}
            for lvl in a.findall(_W + "lvl"):
                start, fmt, text = (lvl.find(_W + k) for k in ("start", "numFmt", "lvlText"))
                lvls[int(lvl.get(_W + "ilvl", "0"))] = (
                    int(start.get(_W + "val")) if start is not None else 1,
                    fmt.get(_W + "val") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "")
            abstract[a.get(_W + "abstractNumId")] = lvls
        for num in root.findall(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                self.levels[num.get(_W + "numId")] = abstract.get(ref.get(_W + "val"), {})

    def _num_pr(self, p):
        pr = p.find(_W + "pPr")
        num_pr = pr.find(_W + "numPr") if pr is not None else None
        style = pr.find(_W + "pStyle") if pr is not None else None
        seen = set()
        while num_pr is None and style is not None and style.get(_W + "val") not in seen:
            seen.add(style.get(_W + "val"))
            found = self.styles.get(style.get(_W + "val"))
            if found is None:
                break
            spr = found.find(_W + "pPr")
            num_pr = spr.find(_W + "numPr") if spr is not None else None
            style = found.find(_W + "basedOn")
        return num_pr

    def prefix(self, p) -> str:
        """The rendered number (``"2.1."``, ``"•"``) of paragraph element ``p``, or ``""``."""
        if not self.levels:
            return ""
        num_pr = self._num_pr(p)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
        num_id = num_id.get(_W + "val") if num_id is not None else None
        level = int(ilvl.get(_W + "val")) if ilvl is not None else 0
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        start, fmt, text = levels[level]
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return text if "%" not in text else ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels.get(k, (1,))[0])
                text = text.replace(f"%{k + 1}", _format_number(value, levels.get(k, (1, "decimal"))[1]))
        return text


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


def _blocks(parent, document, numbering: _Numbering) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    lines: list[str] = []
    for child in parent.iterchildren():
        if child.tag == _W + "p":
            text = Paragraph(child, document).text
            prefix = numbering.prefix(child) if text.strip() else ""
            text = f"{prefix} {text}" if prefix else text
            lines.extend(line.rstrip() for line in text.split("\n"))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(Table(child, document)))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                lines.extend(_blocks(content, document, numbering))
    return lines


def docx_lines(data: bytes) -> list[str]:
    """The lines of a .docx given as bytes; raises :class:`Unreadable` when
    it is damaged (not a complete zip, no readable ``word/document.xml``)."""
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
        return _blocks(document.element.body, document, _Numbering(document))
    except Exception as e:  # zipfile, lxml and python-docx errors all mean a broken file
        raise Unreadable(f"damaged Word file ({type(e).__name__}); open and save it again as .docx") from None
