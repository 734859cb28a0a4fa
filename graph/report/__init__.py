"""``hankeverkko report``: a theme, an organisation, a period or the whole graph as one
offline HTML page or a Word document, in Finnish (default) or English.

>>> from hankeverkko.graph.report import report_format
>>> report_format("out/teema.docx")
'docx'
"""
from __future__ import annotations

from hankeverkko.graph.report.data import ReportData, gather
from hankeverkko.graph.report.messages import LANGUAGES
from hankeverkko.graph.report.render import REPORT_FORMATS, ReportError, render_report_docx, render_report_html, report_format, write_report

__all__ = ["LANGUAGES", "REPORT_FORMATS", "ReportData", "ReportError", "gather", "render_report_docx",
           "render_report_html", "report_format", "write_report", "make_report"]


def make_report(source, path, *, theme=None, org=None, period=None, lang: str = "fi", seed: int = 0):
    """Gather and write the report for ``source`` to ``path`` (.html or .docx); returns the path."""
    if lang not in LANGUAGES:
        raise ReportError(f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
    report_format(path)
    return write_report(gather(source, theme=theme, org=org, period=period, lang=lang, seed=seed), path)
