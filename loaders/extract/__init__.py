"""Turn a source file of any supported format into the text the loaders read.

:func:`extract` reads a file, tells its format from its content
(:func:`sniff_format`) and returns :class:`Extracted`: lines joined with
``"\\n"`` for :func:`loaders.text.read_lines`.

``format`` is one of ``"text"``, ``"pdf"``, ``"html"``, ``"docx"`` (text
extracted) or ``"xlsx"``, ``"xls"``, ``"ods"`` (a spreadsheet: recognised, not
read, ``text`` is empty: hand the path to the spreadsheet loader).  CSV is
text to this layer (``"text"``); the spreadsheet loader recognises it.

Everything else raises :class:`ExtractError` (a :class:`SourceReadError`)
with a one-line ``"<path>: <reason>"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hankeverkko.loaders.extract.encoding import BINARY_REASON, declared_charset, decode_text
from hankeverkko.loaders.extract.errors import ExtractError, Unreadable
from hankeverkko.loaders.extract.sniff import REFUSED, SPREADSHEETS, sniff_format

__all__ = ["Extracted", "ExtractError", "extract", "extract_bytes", "sniff_format",
           "is_companion_asset", "source_files", "ASSET_SUFFIXES"]

#: a browser's "save page as" puts the page's images, scripts and styles in
#: "<page>_files" (Chrome, Firefox, Edge) or a localised "<page>-tiedostot"
ASSET_SUFFIXES = ("_files", "-tiedostot", "-filer", "_archivos", "-Dateien")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_REASONS = {
    "empty": "empty file",
    "binary": BINARY_REASON,
    "zip": "zip archive that is not a Word .docx or Excel .xlsx",
    "ole": "old Office file of an unknown kind; save it as .docx or PDF",
    "encrypted-office": "password-protected Office file: remove the password and save it again as .docx",
}


@dataclass(frozen=True)
class Extracted:
    """Text ready for ``read_lines()``, what it was read from, and how."""
    text: str
    format: str
    encoding: str | None = None
    notes: tuple[str, ...] = ()


def is_companion_asset(path: str | Path) -> bool:
    """True for a file inside a ``X_files`` / ``X-tiedostot`` folder that sits
    beside a saved page ``X.html`` / ``X.htm`` (at any depth below it)."""
    path = Path(path)
    for folder in path.parents:
        name = folder.name
        for suffix in ASSET_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                stem = name[: -len(suffix)]
                if any((folder.parent / (stem + ext)).is_file() for ext in _PAGE_SUFFIXES):
                    return True
    return False


def source_files(folder: str | Path) -> list[Path]:
    """Files under ``folder`` worth reading, sorted: saved pages' asset
    folders, hidden files and folders (``.git``, ``.DS_Store``) and Office
    lock files (``~$x.docx``) left out."""
    folder = Path(folder)
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if not path.is_file() or any(p.startswith(".") for p in rel) or path.name.startswith("~$"):
            continue
        if not is_companion_asset(path):
            found.append(path)
    return found


def _refusal(fmt: str) -> str:
    kind = {"doc": "old Word .doc", "odt": "OpenDocument .odt", "rtf": "RTF", "pages": "Apple Pages"}[fmt]
    return f"{kind} file is not read: save it as .docx or PDF"


def extract_bytes(data: bytes, name: str = "") -> Extracted:
    """:func:`extract` for bytes already read; ``name`` helps sniffing only.
    Raises :class:`Unreadable` (a reason without a path)."""
    fmt = sniff_format(data, name)
    if fmt in _REASONS:
        raise Unreadable(_REASONS[fmt])
    if fmt in REFUSED:
        raise Unreadable(_refusal(fmt))
    if fmt in SPREADSHEETS:
        return Extracted("", fmt, None, ("spreadsheet: read it with the spreadsheet loader",))
    if fmt == "pdf":
        from hankeverkko.loaders.extract.pdf import pdf_text
        text, notes = pdf_text(data)
        return Extracted(text, "pdf", None, notes)
    if fmt == "docx":
        from hankeverkko.loaders.extract.docx import docx_lines
        return Extracted("\n".join(docx_lines(data)), "docx")
    if fmt == "html":
        from hankeverkko.loaders.extract.html import html_lines
        text, encoding, notes = decode_text(data, declared_charset(data))
        try:
            lines = html_lines(text)
        except RecursionError:
            raise Unreadable("HTML nested too deeply to read") from None
        return Extracted("\n".join(lines), "html", encoding, notes)
    text, encoding, notes = decode_text(data)
    if not text.strip():
        raise Unreadable("empty file (whitespace only)")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Extracted(text, "text", encoding, notes)


def extract(path: str | Path) -> Extracted:
    """Read ``path`` and return its text.  Raises :class:`ExtractError`
    ``"<path>: <reason>"`` for a missing, unreadable, empty, binary, encrypted,
    damaged or scanned (no text layer) file, a folder, or a word-processor
    format other than .docx."""
    path = Path(path)
    if path.is_dir():
        if path.suffix.lower() == ".pages":
            raise ExtractError(path, _refusal("pages"))
        raise ExtractError(path, "a folder, not a file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractError(path, "no such file") from None
    except OSError as e:
        raise ExtractError(path, f"cannot read ({e.strerror})") from None
    try:
        return extract_bytes(data, path.name)
    except Unreadable as e:
        raise ExtractError(path, e.reason) from None
