"""``hankeverkko push`` (to a SPARQL server) and ``hankeverkko export`` (RDF files)."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["COMMANDS", "push", "export"]


@click.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gsp", "gsp_url", required=True, metavar="GRAPH_STORE_URL",
              help="SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://localhost:7878/store "
                   "(Oxigraph) or http://localhost:3030/ds/data (Fuseki).")
@click.option("--batch-size", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Triples per HTTP request.")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds to wait per request.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def push(graph_file, gsp_url, batch_size, timeout, quiet):
    """Load GRAPH_FILE into a SPARQL server over the Graph Store Protocol,
    one named graph per source document (triples of subjects with several
    sources or none go to the shared graph id:graph/shared).

    Each graph is replaced (PUT), so a rerun replaces and never duplicates.
    Credentials, if the server needs them, come only from the environment
    variables HANKEVERKKO_SPARQL_USER and HANKEVERKKO_SPARQL_PASSWORD.
    Query with a union default graph (oxigraph serve --union-default-graph).

    \b
    Examples:
      oxigraph serve --location store/ --union-default-graph &
      hankeverkko push out/graph.ttl --gsp http://localhost:7878/store
      hankeverkko query themes --endpoint http://localhost:7878/query
      HANKEVERKKO_SPARQL_USER=admin HANKEVERKKO_SPARQL_PASSWORD=... \\
        hankeverkko push out/graph.ttl --gsp http://localhost:3030/ds/data
    """
    from hankeverkko.graph.rdf.graphfile import read_graph
    from hankeverkko.graph.sparql.push import push_graph

    progress = None if quiet else (lambda msg: click.echo(msg, err=True))
    summary = push_graph(read_graph(graph_file), gsp_url, batch_size=batch_size, timeout=timeout,
                         progress=progress)
    if not quiet:
        click.echo(summary.text(), err=True)


@click.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "jsonld"]), required=True,
              help="ttl Turtle; nt N-Triples; nq N-Quads (a named graph per source document); "
                   "jsonld JSON-LD with the context of ontology/context.jsonld.")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically; folders are created).")
def export(graph_file, fmt, out_file):
    """Write GRAPH_FILE as Turtle, N-Triples, N-Quads or JSON-LD. The
    output is deterministic: the same graph gives the same bytes.

    \b
    Examples:
      hankeverkko export out/graph.ttl --format nq --out out/graph.nq
      hankeverkko export out/graph.ttl --format jsonld --out out/graph.jsonld
    """
    from hankeverkko.graph.rdf.dumps import export_graph

    path = export_graph(graph_file, fmt, out_file)
    click.echo(str(path))


COMMANDS = [push, export]
