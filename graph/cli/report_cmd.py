"""``hankeverkko report``: a report of a theme, an organisation, a period or the whole graph."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.graph.cli.choices import Vocabulary
from hankeverkko.graph.rdf.periods import PERIOD_CHOICES

__all__ = ["COMMANDS", "report"]


def _report_file(ctx, param, value):
    from hankeverkko.graph.report import ReportError, report_format
    try:
        report_format(value)
    except ReportError as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from e
    return value


@click.command()
@click.argument("graph_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--theme", default=None, help="Report on this theme (label, unique part of it, or IRI).")
@click.option("--org", default=None, help="Report on this organisation (label, other printed name or IRI).")
@click.option("--period", type=Vocabulary(PERIOD_CHOICES, "programme period"), default=None, help="Report on this programme period.")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              callback=_report_file, help="FILE.html (one offline page) or FILE.docx (Word).")
@click.option("--lang", type=Vocabulary(["fi", "en"], "language"), default="fi", show_default=True, help="Language.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for clusters and the layout.")
def report(graph_file, theme, org, period, out_file, lang, seed):
    """Write a report of GRAPH_FILE (none = build the bundled corpus): headline
    figures, projects with implementers, roles and money, leading organisations,
    clusters, the network figure (and in HTML the interactive map), each fact
    linked to its source document and line.

    \b
    Examples:
      hankeverkko report out/graph.ttl --theme "Jatkuva oppiminen" --out jatkuva.html
      hankeverkko report out/graph.ttl --org "Tampereen ammattikorkeakoulu" --out tamk.docx --lang en
    """
    from hankeverkko.graph.cli.network_cmd import _source
    from hankeverkko.graph.report import make_report

    if sum(x is not None for x in (theme, org, period)) > 1:
        raise click.UsageError("give at most one of --theme, --org, --period")
    path = make_report(_source(graph_file, None), out_file, theme=theme, org=org, period=period, lang=lang,
                       seed=seed)
    click.echo(str(path))


COMMANDS = [report]
