"""``hankeverkko build`` and ``hankeverkko validate``."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.loaders import kinds

__all__ = ["COMMANDS", "build", "validate"]


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.ttl (created if missing).")
@click.option("--kind", type=click.Choice(kinds()), default=None,
              help="Force one loader for every source instead of detecting the kind from content.")
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Reviewed organisation decisions (CSV from `hankeverkko orgs --review`).")
@click.option("--include-officials", is_flag=True, default=False,
              help="Opt in to writing officials' names (never e-mail or phone) as theme contacts.")
@click.option("--store", "store_spec", default=None, metavar="oxigraph:DIR",
              help="Also load the graph into an Oxigraph store on disk (replacing its content), "
                   "one named graph per source document.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the graph file path.")
def build(sources, out_dir, kind, decisions, include_officials, store_spec, quiet):
    """Build the knowledge graph from SOURCES (files or folders; none = the
    bundled corpus) and write OUT/graph.ttl (data only, without the ontology).

    Prints counts per class and per source, the project-list lines each
    loader used, and every skipped line that looks like a project entry.

    \b
    Examples:
      hankeverkko build --out out/
      hankeverkko build data/sources/ my_list.xlsx --out out/
      hankeverkko build review.txt --kind theme-review --out out/
      hankeverkko build --out out/ --store oxigraph:out/store
    """
    from hankeverkko.graph.pipeline import run_build

    if store_spec and (not store_spec.startswith("oxigraph:") or store_spec == "oxigraph:"):
        raise click.BadParameter(f"{store_spec!r}: use oxigraph:DIR (to fill a SPARQL server, "
                                 "use `hankeverkko push`)", param_hint="--store")
    result, summary = run_build(sources, out_dir, kind=kind, decisions=decisions,
                                include_officials=include_officials)
    for w in summary.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(str(summary.graph_file) if quiet else summary.text())
    if store_spec:
        from hankeverkko.graph.sparql.store import load_into_store

        triples, graphs = load_into_store(store_spec, result.graph)
        if not quiet:
            click.echo(f"Store: {triples} triples in {graphs} named graphs -> {store_spec}")


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
