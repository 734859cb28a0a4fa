"""Errors raised by loaders; each message names the file (and line) to look at."""
from __future__ import annotations

__all__ = ["LoaderError", "UnknownDocumentKind", "NothingOfKind", "SourceReadError", "ParseError"]


class LoaderError(Exception):
    """Base class for every loader error (a user mistake, not a bug)."""


class SourceReadError(LoaderError):
    """The file cannot be read (missing, not UTF-8 text, not a spreadsheet)."""


class UnknownDocumentKind(LoaderError):
    """No loader recognises the document; the message lists the supported kinds."""


class NothingOfKind(UnknownDocumentKind):
    """A kind forced with ``--kind`` finds no evidence of itself in the file."""


class ParseError(LoaderError):
    """Content the loader cannot parse at all, with file and line."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line = source, line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")
