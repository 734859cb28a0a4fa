"""``hankeverkko build`` and ``hankeverkko validate``."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.graph.cli.choices import Vocabulary
from hankeverkko.loaders import kinds

__all__ = ["COMMANDS", "build", "validate"]


def _kind_choice(ctx, param, values):
    """``--kind KIND`` (every file) or ``--kind FILE=KIND`` (one file; repeatable)."""
    if not values:
        return None
    every, per_file = None, {}
    vocabulary = Vocabulary(kinds(), "kind")
    for value in values:
        name, sep, kind = value.rpartition("=")
        kind = vocabulary.convert(kind.strip(), param, ctx)     # any case, - or _; did you mean
        if sep:
            per_file[name] = kind
        elif every is not None and every != kind:
            raise click.BadParameter("give one KIND for every file, or FILE=KIND for single files")
        else:
            every = kind
    if every and per_file:
        raise click.BadParameter("give one KIND for every file, or FILE=KIND for single files")
    return per_file or every


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl and build-report.json (created if missing).")
@click.option("--kind", "kind", multiple=True, callback=_kind_choice, metavar="[FILE=]KIND",
              help="Force a loader instead of detecting the kind from content: KIND for every source, "
                   "or FILE=KIND for one file (repeatable). Kinds: " + ", ".join(kinds()) + ".")
@click.option("--strict", is_flag=True, default=False,
              help="Exit 1 when any file was skipped (the graph and the report are still written).")
@click.option("--verbose", "-v", is_flag=True, default=False,
              help="List every skipped line (file:line, text, reason) in the summary.")
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Reviewed organisation decisions (CSV from `hankeverkko orgs --review`).")
@click.option("--include-officials", is_flag=True, default=False,
              help="Opt in to writing officials' names (never e-mail or phone) as theme contacts.")
@click.option("--store", "store_spec", default=None, metavar="oxigraph:DIR",
              help="Also load the graph into an Oxigraph store on disk, one named graph per source "
                   "document. The new store is loaded beside the old one and swapped in whole with "
                   "graph.ttl; on failure neither changes.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the graph file path.")
def build(sources, out_dir, kind, strict, verbose, decisions, include_officials, store_spec, quiet):
    """Build the knowledge graph from SOURCES (files or folders, read
    recursively; none = the bundled corpus) and write OUT/graph.ttl (data
    only, without the ontology) and OUT/build-report.json.

    Text in any common encoding, PDF, saved web pages (.html), Word (.docx)
    and spreadsheets (.xlsx, .csv) are read; each file's kind is detected
    from its content. A file that cannot be read is skipped with its reason
    and never stops the others: every file gets a status line on stderr.
    Exit 0 when at least one file gave data (1 with --strict if any was
    skipped); 1 when nothing could be read.

    \b
    Examples:
      hankeverkko build --out out/
      hankeverkko build data/sources/ my_list.xlsx plan.pdf --out out/
      hankeverkko build folder/ --kind plan.pdf=project-plan --out out/
      hankeverkko build --out out/ --store oxigraph:out/store
    """
    from hankeverkko.graph.cli.progress import terminal_progress
    from hankeverkko.graph.pipeline import run_build

    if store_spec and (not store_spec.startswith("oxigraph:") or store_spec == "oxigraph:"):
        raise click.BadParameter(f"{store_spec!r}: use oxigraph:DIR (to fill a SPARQL server, "
                                 "use `hankeverkko push`)", param_hint="--store")
    from contextlib import nullcontext

    from hankeverkko.graph.sparql.store import replacement

    # The store's build lock is taken before anything is built or written; the
    # new store is loaded beside the old and swapped in right after graph.ttl.
    with replacement(store_spec) if store_spec else nullcontext() as store:
        result, summary = run_build(sources, out_dir, kind=kind, decisions=decisions,
                                    include_officials=include_officials, store=store,
                                    progress=terminal_progress())
    click.echo(summary.status_table(), err=True)
    for w in summary.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(str(summary.graph_file) if quiet else summary.text(verbose=verbose))
    if store is not None and not quiet:
        click.echo(f"Store: {store.triples} triples in {store.graphs} named graphs -> {store_spec}")
    if strict and summary.unread:
        click.echo(f"error: {len(summary.unread)} file(s) skipped (--strict)", err=True)
        raise SystemExit(1)


@click.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(graph_file):
    """Validate GRAPH_FILE against the ontology's SHACL shapes.

    Exits 0 when the graph conforms, 1 with a report (focus node, path,
    message) when it does not.

    \b
    Example:
      hankeverkko validate out/graph.ttl
    """
    from hankeverkko.graph.rdf.validate import validate_file

    report = validate_file(graph_file)
    click.echo(report.text())
    if not report.conforms:
        raise SystemExit(1)


COMMANDS = [build, validate]
