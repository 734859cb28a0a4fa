"""``hankeverkko orgs``: the organisation table and the review queue."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.graph.cli.choices import Vocabulary
from hankeverkko.graph.cli.evidence import evidence_option, restrict
from hankeverkko.graph.network.organisations import ROLE_GROUPS
from hankeverkko.graph.network.vocabulary import TYPE_KEYS

__all__ = ["COMMANDS", "orgs"]


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Reviewed decisions (merge / keep_apart) from an earlier review file.")
@click.option("--review", "review_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the pairs waiting for a person's decision to this CSV.")
@click.option("--type", "org_types", multiple=True, type=Vocabulary(TYPE_KEYS, "organisation type"),
              metavar="TYPE", help="Only organisations of this type (repeatable): " + ", ".join(TYPE_KEYS) + ".")
@click.option("--role", type=Vocabulary(list(ROLE_GROUPS), "role group"), default="implementer",
              show_default=True,
              help="Which roles count as projects and rank the table. implementer: main, sub, implementer, "
                   "applicant, administrator (funders and ministries do not count; their roles are in "
                   "'other roles'). partner: partner, pilot, steering group. funder: funding authority. "
                   "any: every role. Other than implementer, only organisations with such a project are listed.")
@click.option("--format", "fmt", type=Vocabulary(["table", "csv", "xlsx"], "format"), default="table", show_default=True,
              help="table: fitted to the terminal, long values cut with …. csv: for spreadsheets, every "
                   "value, cells that would start a formula (= + - @) prefixed with '. xlsx: an Excel "
                   "workbook (needs --out).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the table to this file (atomically) instead of stdout; required for xlsx.")
@click.option("--width", type=click.IntRange(min=0), default=None,
              help="Width of the table in characters (default: the terminal's, or COLUMNS); 0: no limit.")
@evidence_option
def orgs(sources, decisions, review_file, org_types, role, fmt, out, width, evidence):
    """List the organisations of SOURCES (none = the bundled corpus): type,
    number of projects in implementing roles (ranked by it), their themes,
    other roles (funder, ministry, partner ...: projects, themes or
    programmes) and other printed names; write the review queue of
    look-alike names with --review.

    \b
    Examples:
      hankeverkko orgs
      hankeverkko orgs --role funder
      hankeverkko orgs --type university_of_applied_sciences --format csv > amk.csv
      hankeverkko orgs --format xlsx --out organisations.xlsx
      hankeverkko orgs --review review.csv            # fill in the decision column, then:
      hankeverkko build --decisions review.csv --out out/
    """
    from hankeverkko.graph.cli.tables import people_csv, workbook_bytes, write_output
    from hankeverkko.graph.identity.resolution import write_review_queue
    from hankeverkko.graph.network.organisations import organisation_table
    from hankeverkko.graph.pipeline import build_sources
    from hankeverkko.graph.sparql.layout import layout_table, terminal_width
    from hankeverkko.graph.sparql.store import open_store

    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
    result = build_sources(sources, decisions=decisions)
    for w in result.resolution.warnings:
        if w.startswith("decision"):          # decisions that could not be used, as `build` reports them
            click.echo(f"warning: {w}", err=True)
    rows = organisation_table(open_store(restrict(result.graph, evidence)), role=role)
    if org_types:
        rows = [r for r in rows if r.type in org_types]
    if role != "implementer":
        rows = [r for r in rows if r.projects]
    header = ["organisation", "type", "projects", "themes", "other roles", "other printed names"]
    table = [[r.name, r.type, r.projects, "; ".join(r.themes), r.other_roles_text(), "; ".join(r.aliases)]
             for r in rows]
    if fmt == "csv":
        data = people_csv(header, table)
    elif fmt == "xlsx":
        data = workbook_bytes(header, table, title="organisations")
    else:
        limit = (None if width == 0 else width) if width is not None else (None if out else terminal_width())
        data = layout_table(header, [[str(c) for c in row] for row in table], limit,
                            notes=[f"projects in {role} roles"],
                            keep_all="--format csv or xlsx keep everything", keep=["organisation"])
    write_output(data, out, f"{len(rows)} organisations")
    if review_file:
        write_review_queue(result.resolution, review_file)
        click.echo(f"{len(result.resolution.review_queue)} pair(s) to review written to {review_file}", err=True)


COMMANDS = [orgs]
