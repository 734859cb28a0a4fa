"""Tell a file's format from its first bytes (the name is only a tie-breaker).

Formats returned by :func:`sniff_format`:

``pdf`` ``docx`` ``html`` ``text``  read by :func:`loaders.extract.extract`
``xlsx`` ``xls`` ``ods``            spreadsheets, left to the spreadsheet loader
``doc`` ``odt`` ``rtf`` ``pages``   word-processor formats refused with "save it as .docx or PDF"
``encrypted-office``                a password-protected .docx/.xlsx (an OLE2 ``EncryptedPackage``)
``zip`` ``ole`` ``binary``          other binary data
``empty``                           no bytes, or only whitespace
"""
from __future__ import annotations

import io
import zipfile

from hankeverkko.loaders.extract.encoding import bom_encoding, looks_binary

__all__ = ["FORMATS", "sniff_format", "SPREADSHEETS", "REFUSED"]

FORMATS = ("pdf", "docx", "html", "text", "xlsx", "xls", "ods", "doc", "odt", "rtf", "pages",
           "encrypted-office", "zip", "ole", "binary", "empty")
SPREADSHEETS = frozenset({"xlsx", "xls", "ods"})
REFUSED = frozenset({"doc", "odt", "rtf", "pages"})

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")


def _utf16_name(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole_format(data: bytes, suffix: str) -> str:
    """An OLE2 compound file: old Word/Excel, or an encrypted OOXML package.
    The directory names its streams in UTF-16; finding them is enough."""
    if _utf16_name("EncryptedPackage") in data:
        return "encrypted-office"
    if _utf16_name("WordDocument") in data:
        return "doc"
    if _utf16_name("Workbook") in data or _utf16_name("Book") in data:
        return "xls"
    return {".doc": "doc", ".xls": "xls"}.get(suffix, "ole")


def _zip_format(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        # damaged archive: guess from the local file names, let the reader report it
        if b"word/" in data[:65536]:
            return "docx"
        if b"xl/" in data[:65536]:
            return "xlsx"
        return "docx" if suffix == ".docx" else "zip"
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if "Index/Document.iwa" in names or (suffix == ".pages" and "index.xml" in names):
        return "pages"
    return "zip"


def _head_text(data: bytes) -> bytes:
    """The first KiB, lower-cased, as ASCII-compatible bytes (UTF-16/32 folded)."""
    head = data[:4096]
    enc = bom_encoding(head)
    if enc and enc != "utf-8-sig":
        head = head.decode(enc, "ignore").encode("utf-8", "ignore")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()[:1024]


def _is_html(head: bytes, suffix: str) -> bool:
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return True
    if head.startswith(b"<?xml") or head.startswith(b"<!--") or head.startswith(b"<!doctype"):
        return b"<html" in head
    if head.startswith(b"<") and any(m in head for m in _HTML_MARKS):
        return True
    return suffix in (".html", ".htm", ".xhtml") and head.startswith(b"<")


def sniff_format(data: bytes, name: str = "") -> str:
    """One of :data:`FORMATS` for the content ``data``; ``name`` (a file
    name) only settles cases the bytes leave open.

    >>> sniff_format(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff_format(b"<!DOCTYPE html><title>x</title>", "notes.txt")
    'html'
    >>> sniff_format(b"Hankekoodi: S29901", "plan.pdf")
    'text'
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not data.strip():
        return "empty"
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, suffix)
    if data.startswith(_OLE2):
        return _ole_format(data, suffix)
    head = _head_text(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if looks_binary(data):
        return "binary"
    return "html" if _is_html(head, suffix) else "text"
