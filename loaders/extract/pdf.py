"""PDF text with pypdfium2 (PDFium, the engine of Chromium's viewer).

Lines come in PDFium's text order (the content-stream order, which is the
reading order of PDFs written by word processors), one output line per
printed line.  PDFium joins a line that ends in a hyphen with the next one
and marks the hyphen as U+FFFE/U+0002; the line break and hyphen are put back,
so the text keeps the line structure the loaders expect (they repair
hyphenation themselves).  Running headers/footers and page numbers are
dropped by :mod:`.furniture`.  No form feeds: pages are joined by newlines.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.extract.errors import Unreadable
from hankeverkko.loaders.extract.furniture import PageLine, drop_furniture

__all__ = ["pdf_text", "EDGE_BAND", "EDGE_LINES"]

#: fraction of the page height at the top and at the bottom where furniture may sit
EDGE_BAND = 0.12
#: at most this many lines at each edge are candidates
EDGE_LINES = 3
_HYPHEN_MARKS = ("\ufffe", "\x02")
_BREAK = re.compile("\r\n|[\r\n\ufffe\x02]")
OCR_REASON = "no text layer: run OCR first, e.g. ocrmypdf"


def _open(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    if b"%%EOF" not in data[-4096:]:
        raise Unreadable("damaged PDF: truncated (no %%EOF end marker); download or export it again")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise Unreadable("encrypted PDF: needs a password or an unsupported security handler; "
                             "save an unprotected copy (e.g. print to PDF)") from None
        raise Unreadable(f"damaged PDF: PDFium cannot open it ({str(e).strip().rstrip('.')})") from None


def _page_lines(page) -> tuple[list[PageLine], bool]:
    """The page's lines with their edge, and whether it has any text at all."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        height = page.get_height() or 1.0
        aligned = len(text) == count          # char index == string index (no surrogates)
        lines: list[tuple[str, float | None]] = []
        pieces, start = [], 0
        for brk in _BREAK.finditer(text + "\n"):      # keep each piece's index in the text page
            hyphen = brk.group() in _HYPHEN_MARKS
            pieces.append((text[start:brk.start()] + ("-" if hyphen else ""), start))
            start = brk.end()
        for piece, first in pieces:
            y = None
            if aligned and piece.strip():
                offset = first + (len(piece) - len(piece.lstrip()))
                left, bottom, right, top = textpage.get_charbox(offset)
                y = 1.0 - top / height           # 0 = top of the page
            lines.append(((_spaced(textpage, piece, first) if aligned else piece).rstrip(), y))
    finally:
        textpage.close()
    return _with_edges(lines), bool(text.strip())


#: a gap between two words wider than this share of the font's height is a
#: column gap (a table's cells), kept as two spaces as text extractors print it
COLUMN_GAP = 0.45


def _spaced(textpage, piece: str, first: int) -> str:
    """``piece`` with its word gaps as printed: one space between words, two
    where the gap is as wide as a table's column gap (also where PDFium put
    no space character at all between two cells)."""
    out, prev_right = [], None
    pending_space = False
    for k, ch in enumerate(piece):
        if ch.isspace():
            pending_space = True
            continue
        left, bottom, right, top = textpage.get_charbox(first + k, loose=True)
        if prev_right is not None:
            gap = left - prev_right
            if gap > COLUMN_GAP * max(top - bottom, 1e-6):
                out.append("  ")
            elif pending_space:
                out.append(" ")
        elif pending_space:
            out.append(" ")
        out.append(ch)
        prev_right, pending_space = right, False
    return "".join(out)


def _with_edges(lines: list[tuple[str, float | None]]) -> list[PageLine]:
    placed = sorted((y, k) for k, (s, y) in enumerate(lines) if y is not None and s.strip())
    top = {k for y, k in placed[:EDGE_LINES] if y < EDGE_BAND}
    bottom = {k for y, k in placed[-EDGE_LINES:] if y > 1.0 - EDGE_BAND}
    return [PageLine(s, "top" if k in top else "bottom" if k in bottom else None)
            for k, (s, _) in enumerate(lines)]


def _has_images(page) -> bool:
    import pypdfium2.raw as raw
    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def pdf_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``(text, notes)`` of a PDF given as bytes.  Raises :class:`Unreadable`
    for an encrypted, damaged or image-only (scanned) PDF."""
    doc = _open(data)
    try:
        pages, with_text, with_images = [], 0, 0
        for index in range(len(doc)):
            page = doc[index]
            try:
                lines, has_text = _page_lines(page)
                if has_text:
                    with_text += 1
                elif _has_images(page):
                    with_images += 1
            finally:
                page.close()
            pages.append(lines)
    except Unreadable:
        raise
    except Exception as e:  # PDFium errors while reading a page of a broken file
        raise Unreadable(f"damaged PDF: {type(e).__name__} while reading pages") from None
    finally:
        doc.close()
    if not with_text:
        raise Unreadable(OCR_REASON if with_images or not pages else "no text layer (blank pages): "
                         "run OCR first, e.g. ocrmypdf, if it is a scan")
    kept, dropped = drop_furniture(pages)
    notes = [f"{len(pages)} pages"]
    if dropped:
        notes.append(f"dropped {dropped} running header/footer/page-number lines")
    if with_images:
        notes.append(f"{with_images} pages without text (scanned?); run OCR on them")
    text = "\n".join(line for page in kept for line in page)
    return text.replace("\f", "\n"), tuple(notes)
