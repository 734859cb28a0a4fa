"""A progress line for slow work, on a terminal only.

:func:`terminal_progress` gives a callback ``(done, total, what)`` for the
library functions that take one (:func:`hankeverkko.graph.pipeline.read_sources`
and the build), or None when stderr is not a terminal or ``CI`` is set:
pipes, files and CI logs get nothing extra. The line is rewritten in place
(``\\r``) and erased when the work is done.

>>> terminal_progress() is None     # doctests do not write to a terminal
True
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Optional

__all__ = ["Progress", "terminal_progress", "status_line"]

Progress = Callable[[int, int, str], None]


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):          # replaced or closed
        return False


def _wanted() -> bool:
    ci = os.environ.get("CI", "").strip().lower()
    return _stderr_is_terminal() and ci in ("", "0", "false", "no")


def _width() -> int:
    try:
        return max(20, os.get_terminal_size(sys.stderr.fileno()).columns - 1)
    except (OSError, ValueError, AttributeError):
        return 79


def _write(text: str) -> None:
    sys.stderr.write("\r" + text[:_width()].ljust(_width()) + "\r" if text else "\r" + " " * _width() + "\r")
    sys.stderr.flush()


def terminal_progress(verb: str = "reading") -> Optional[Progress]:
    """``[3/12] reading kansio/paatos.docx`` on a terminal; None elsewhere."""
    if not _wanted():
        return None

    def show(done: int, total: int, what: str) -> None:
        _write("" if done >= total else f"[{done + 1}/{total}] {verb} {what}")
    return show


def status_line(text: str) -> Callable[[], None]:
    """Show ``text`` on a terminal while something slow runs; call the result to erase it."""
    if not _wanted():
        return lambda: None
    _write(text)
    return lambda: _write("")
