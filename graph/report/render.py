"""A report as one offline HTML page (Jinja2, autoescaped) or a Word document (python-docx).

The HTML page has no external resource: the figure is a ``data:`` PNG, the
interactive map travels in an ``<iframe srcdoc>`` (itself offline, see
:mod:`hankeverkko.graph.maps.page`), and the only links are to the source documents' file
names. Every data-derived string is escaped by the template engine.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

import jinja2

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.maps.figures import render_figure
from hankeverkko.graph.atomic import write_atomic
from hankeverkko.graph.maps.page import render_html
from hankeverkko.graph.report.data import ReportData
from hankeverkko.graph.report.messages import text

__all__ = ["ReportError", "REPORT_FORMATS", "report_format", "render_report_html", "render_report_docx",
           "write_report"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".docx": "docx"}


class ReportError(HankeverkkoError):
    """A report option or output file cannot be used."""


def report_format(path) -> str:
    """``html`` or ``docx`` from the file name.

    >>> report_format("r.HTML"), report_format("r.docx")
    ('html', 'docx')
    """
    fmt = REPORT_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ReportError(f"{path}: unknown report file extension; use .html or .docx")
    return fmt


def euros(x, lang: str = "fi") -> str:
    """
    >>> euros(1234567.4)
    '1 234 567 €'
    """
    return f"{x:,.0f}".replace(",", " " if lang == "fi" else ",") + " €"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("hankeverkko.graph.report", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def _figure_png(d: ReportData, dpi: int = 150) -> bytes:
    return render_figure(d.map, "png", dpi=dpi, lang=d.lang)


def render_report_html(d: ReportData) -> str:
    png = base64.b64encode(_figure_png(d)).decode("ascii")
    return _env().get_template("report.html").render(
        d=d, lang=d.lang, t=lambda key, **kw: text(d.lang, key, **kw), euros=lambda x: euros(x, d.lang),
        figure_uri="data:image/png;base64," + png, map_html=render_html(d.map))


def _docx_table(doc, headers: list[str], rows) -> None:
    """A bordered Word table: a header row, then one row per item."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value)


def render_report_docx(d: ReportData) -> bytes:
    try:
        import docx
        from docx.shared import Cm, Pt
    except ModuleNotFoundError as e:
        raise ReportError("writing .docx needs python-docx (pip install python-docx)") from e
    t = lambda key, **kw: text(d.lang, key, **kw)
    doc = docx.Document()
    doc.core_properties.title = d.title
    doc.core_properties.author = "hankeverkko"
    doc.add_heading(d.title, level=0)
    doc.add_paragraph(t("generated", date=d.date, sources=len(d.sources)))
    doc.add_heading(t("headline"), level=1)
    for value, key in ((len(d.projects), "n_projects"), (d.organisations, "n_organisations"),
                       (d.partnerships, "n_partnerships"), (d.themes, "n_themes")):
        doc.add_paragraph(f"{value} {t(key)}", style="List Bullet")
    doc.add_paragraph(f"{euros(d.cost_total, d.lang)} {t('money')}", style="List Bullet")
    doc.add_paragraph(t("money_note", known=d.cost_known, total=len(d.projects)))
    doc.add_heading(t("projects"), level=1)
    _docx_table(doc, [t(k) for k in ("col_code", "col_project", "col_implementers", "col_cost", "col_source")],
                [(p.code, p.label, "; ".join(f"{o} ({r})" for o, r in p.implementers),
                  euros(p.cost, d.lang) if p.cost is not None else t("unknown"),
                  "; ".join(f"{s.file}, {t('line', line=s.line)}" if s.line else s.file for s in p.sources))
                 for p in d.projects])
    doc.add_heading(t("leading"), level=1)
    doc.add_paragraph(t("leading_note"))
    _docx_table(doc, [t(k) for k in ("col_organisation", "col_type", "n_projects", "col_partners", "col_shared")],
                [(o.label, o.type_label, o.projects, o.partners, f"{o.shared:g}") for o in d.leading])
    doc.add_heading(t("clusters"), level=1)
    doc.add_paragraph(t("clusters_note", seed=d.seed))
    for c in d.clusters:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(c.name).bold = True
        para.add_run(": " + c.explanation)
    doc.add_heading(t("figure"), level=1)
    doc.add_picture(io.BytesIO(_figure_png(d, dpi=200)), width=Cm(16))
    doc.add_heading(t("sources"), level=1)
    for file, title in d.sources:
        doc.add_paragraph(file if title == file else f"{file}: {title}", style="List Bullet")
    for style in ("Normal",):
        doc.styles[style].font.size = Pt(10)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_report(d: ReportData, path) -> Path:
    """Write ``d`` as .html or .docx (by the extension), atomically; nothing else is written."""
    fmt = report_format(path)
    return write_atomic(path, render_report_html(d) if fmt == "html" else render_report_docx(d))
