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
@click.option("--update", "update_url", metavar="UPDATE_URL",
              help="SPARQL 1.1 Update endpoint of the same server, e.g. http://localhost:7878/update: "
                   "each graph is staged, then swapped in by one MOVE, so the server has the old graph "
                   "or the new one, never half. Without it graphs are replaced in place.")
@click.option("--prune", is_flag=True,
              help="Remove the named graphs an earlier push made that this build no longer has "
                   "(only graphs listed in the push manifest; never others).")
@click.option("--force", is_flag=True, help="Send every graph, also those already there from this build.")
@click.option("--batch-size", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="Triples per HTTP request.")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds to wait per request.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Retries of a request after a transient failure (connection refused or reset, timeout, "
                   "HTTP 5xx), waiting 0.5 s, 1 s, 2 s ...; HTTP 4xx is never retried.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def push(graph_file, gsp_url, update_url, prune, force, batch_size, timeout, retries, quiet):
    """Load GRAPH_FILE into a SPARQL server over the Graph Store Protocol,
    one named graph per source document (triples of subjects with several
    sources or none go to the shared graph id:graph/shared).

    The graphs are one build, named by the content hash of GRAPH_FILE and
    recorded in the manifest graph urn:hankeverkko:push:manifest. A failed
    push says how far it got; run the same command again to resume: graphs
    already there from the same build are skipped, the failed one is redone.
    Credentials, if the server needs them, come only from the environment
    variables HANKEVERKKO_SPARQL_USER and HANKEVERKKO_SPARQL_PASSWORD.
    Query with a union default graph (oxigraph serve --union-default-graph).

    \b
    Examples:
      oxigraph serve --location store/ --union-default-graph &
      hankeverkko push out/graph.ttl --gsp http://localhost:7878/store \\
        --update http://localhost:7878/update --prune
      hankeverkko query themes --endpoint http://localhost:7878/query
      HANKEVERKKO_SPARQL_USER=admin HANKEVERKKO_SPARQL_PASSWORD=... \\
        hankeverkko push out/graph.ttl --gsp http://localhost:3030/ds/data
    """
    from hankeverkko.graph.rdf.graphfile import read_graph
    from hankeverkko.graph.sparql.push import push_graph

    progress = None if quiet else (lambda msg: click.echo(msg, err=True))
    summary = push_graph(read_graph(graph_file), gsp_url, batch_size=batch_size, timeout=timeout,
                         progress=progress, update_url=update_url, prune=prune, force=force, retries=retries)
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
