"""The one error the extraction layer raises, and the reason carrier used inside it."""
from __future__ import annotations

from hankeverkko.loaders.errors import SourceReadError

__all__ = ["ExtractError", "Unreadable"]


class ExtractError(SourceReadError):
    """A file that cannot be turned into text; the message is ``"<path>: <reason>"``,
    one line, never a traceback.  ``reason`` alone is kept for callers that
    want to show it differently."""

    def __init__(self, path: object, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


class Unreadable(Exception):
    """Raised by the format readers (which do not know the file name) and
    turned into :class:`ExtractError` by :func:`loaders.extract.extract`."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)
