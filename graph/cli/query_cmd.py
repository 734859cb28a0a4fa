"""``hankeverkko query`` (basic form; the query library extends it)."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["COMMANDS", "query"]


@click.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--graph", "graph_file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Graph file to query (e.g. out/graph.ttl).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
def query(query_text, graph_file, fmt):
    """Run a SPARQL QUERY (a .rq file or the query text) on GRAPH_FILE.

    \b
    Example:
      hankeverkko query 'SELECT ?p ?name WHERE { ?p a hv:Project ; rdfs:label ?name }' --graph out/graph.ttl
    """
    from graph.graphfile import read_graph
    from graph.query import format_rows, run_query_text

    text = Path(query_text).read_text(encoding="utf-8") if query_text.endswith(".rq") else query_text
    header, rows = run_query_text(read_graph(graph_file), text)
    click.echo(format_rows(header, rows, fmt), nl=False)


COMMANDS = [query]
