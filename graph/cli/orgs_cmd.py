"""``hankeverkko orgs``: the organisation table and the review queue."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import click

__all__ = ["COMMANDS", "orgs"]


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Reviewed decisions (merge / keep_apart) from an earlier review file.")
@click.option("--review", "review_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the pairs waiting for a person's decision to this CSV.")
@click.option("--type", "org_type", default=None, help="Only organisations of this type (e.g. ely_centre).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
def orgs(sources, decisions, review_file, org_type, fmt):
    """List the organisations of SOURCES (none = the bundled corpus): type,
    other printed names, number of projects and themes; write the review
    queue of look-alike names with --review.

    \b
    Examples:
      hankeverkko orgs
      hankeverkko orgs --type university_of_applied_sciences --format csv > amk.csv
      hankeverkko orgs --review review.csv            # fill in the decision column, then:
      hankeverkko build --decisions review.csv --out out/
    """
    from hankeverkko.graph.identity.resolution import write_review_queue
    from hankeverkko.graph.network.organisations import organisation_table
    from hankeverkko.graph.pipeline import build_sources
    from hankeverkko.graph.sparql.store import open_store

    result = build_sources(sources, decisions=decisions)
    for w in result.resolution.warnings:
        if w.startswith("decision"):          # decisions that could not be used, as `build` reports them
            click.echo(f"warning: {w}", err=True)
    rows = organisation_table(open_store(result.graph))
    if org_type:
        rows = [r for r in rows if r.type == org_type]
    table = [[r.name, r.type, str(r.projects), "; ".join(r.themes), "; ".join(r.aliases)] for r in rows]
    header = ["organisation", "type", "projects", "themes", "other printed names"]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(table)
        click.echo(buf.getvalue(), nl=False)
    else:
        from hankeverkko.graph.sparql.query import format_rows
        click.echo(format_rows(header, [[c[:60] for c in row] for row in table], "table"), nl=False)
    if review_file:
        write_review_queue(result.resolution, review_file)
        click.echo(f"{len(result.resolution.review_queue)} pair(s) to review written to {review_file}", err=True)


COMMANDS = [orgs]
