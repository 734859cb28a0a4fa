"""Decode text files: BOM, UTF-8, UTF-16 without BOM, else Windows-1252.

The rule, in order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then
strict UTF-8; UTF-8 again when it has at least 20 valid non-ASCII characters
for each invalid sequence (a few stray bytes, replaced by U+FFFD and noted);
then UTF-16 without a BOM when every other byte is NUL; then
Windows-1252 (a superset of Latin-1's printable range, what Finnish Windows
tools write) when it decodes and looks like text; finally charset-normalizer's
best guess.  Files with NULs or many control characters are binary.
"""
from __future__ import annotations

import codecs

from hankeverkko.loaders.extract.errors import Unreadable

__all__ = ["BINARY_REASON", "looks_binary", "decode_text", "bom_encoding"]

BINARY_REASON = "binary file (not text, PDF, HTML or Word)"

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excepted)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark, or ``None``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when (nearly) every odd/even byte of the start is NUL."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding this module reads:
    NULs (outside UTF-16/32) or more than 1 % control bytes in the first 64 KiB."""
    if bom_encoding(data) or _utf16_without_bom(data):
        return False
    head = data[:65536]
    if 0 in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 100)


def _looks_like_text(text: str) -> bool:
    """Printable enough to be a document (used to accept a cp1252 reading)."""
    if not text:
        return True
    odd = sum(1 for ch in text if not (ch.isprintable() or ch in "\t\n\r\f\v"))
    return odd <= len(text) // 100


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """``(text, encoding, notes)`` for ``data``; ``declared`` (from an HTML
    meta tag) is tried right after a BOM.  Line ends become ``\\n``.  Raises
    :class:`Unreadable` for binary data."""
    notes: list[str] = []
    text, encoding = None, bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise Unreadable(f"damaged {encoding} text (byte-order mark, then invalid bytes)") from None
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        notes.append(f"byte-order mark: {encoding}")
    if text is None and declared:
        try:
            text, encoding = data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            notes.append(f"declared charset {declared!r} does not fit; detected instead")
    if text is None:
        if looks_binary(data):
            raise Unreadable(BINARY_REASON)
        text, encoding = _detect(data)
        if encoding == "utf-8" and "\ufffd" in text:
            notes.append(f"{text.count(chr(0xFFFD))} invalid UTF-8 byte sequences replaced with U+FFFD")
    if encoding not in ("utf-8", "ascii"):
        notes.append(f"encoding {encoding}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, tuple(notes)


def _detect(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = data.decode("utf-8", "replace")        # UTF-8 with a few stray bytes stays UTF-8
    bad = mostly.count("\ufffd")
    if sum(1 for ch in mostly if ord(ch) > 127) - bad >= 20 * bad:
        return mostly, "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text, "cp1252"
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise Unreadable(BINARY_REASON)
    return str(best), best.encoding


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (``<meta charset>``
    or ``http-equiv`` content), as a codec name; Latin-1/ASCII labels mean
    Windows-1252 as browsers read them.  Plain string scanning, no regex."""
    head = data[:4096].decode("ascii", "replace").lower()
    at = head.find("<meta")
    while at != -1:
        end = head.find(">", at)
        tag = head[at:end if end != -1 else len(head)]
        pos = tag.find("charset")
        if pos != -1:
            value = tag[pos + 7:].lstrip(" =\"'")
            name = ""
            for ch in value:
                if not (ch.isalnum() or ch in "-_:."):
                    break
                name += ch
            if name:
                try:
                    codec = codecs.lookup(name).name
                except LookupError:
                    return None
                return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
        at = head.find("<meta", at + 5)
    return None
