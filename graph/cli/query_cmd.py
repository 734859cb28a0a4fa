"""``hankeverkko query``: the query library (or any SELECT) on any store."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["COMMANDS", "query"]


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        name, eq, value = v.partition("=")
        if not eq or not name.strip():
            raise click.BadParameter(f"{v!r} is not NAME=VALUE", param_hint="--param")
        if name.strip() in out:
            raise click.BadParameter(f"{name.strip()} is given twice", param_hint="--param")
        out[name.strip()] = value
    return out


def _library_table() -> str:
    from hankeverkko.graph.sparql.query import format_rows
    from hankeverkko.graph.sparql.library import library_summary

    return format_rows(["name", "title", "parameters"], [list(row) for row in library_summary()], "table")


@click.command()
@click.argument("name_or_file", metavar="NAME_OR_FILE", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable). IRI-valued parameters take an IRI, a prefixed "
                   "name (id:theme/...), or a label, printed name or code matched case-insensitively.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="table for reading; csv/tsv/json are the W3C SPARQL result formats.")
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Query this graph file (e.g. out/graph.ttl) in memory.")
@click.option("--store", "store_spec", metavar="oxigraph:DIR",
              help="Query an Oxigraph store on disk (made by `hankeverkko build --store oxigraph:DIR`).")
@click.option("--endpoint", "endpoint_url", metavar="QUERY_URL",
              help="Query a SPARQL 1.1 endpoint; credentials from HANKEVERKKO_SPARQL_USER/_PASSWORD.")
@click.option("--engine", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib", show_default=True,
              help="In-memory engine for --graph or the bundled corpus. oxigraph is faster on large "
                   "graphs and answers some queries rdflib cannot evaluate.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for an endpoint.")
@click.option("--list", "list_queries", is_flag=True, help="List the query library (name, title, parameters).")
def query(name_or_file, params, fmt, graph_file, store_spec, endpoint_url, engine, timeout, list_queries):
    """Run a library query NAME, a .rq FILE, or inline SPARQL SELECT text.

    Without --graph, --store or --endpoint the bundled corpus is built in
    memory first (graph.pipeline.build_sources()), which takes a few
    seconds; for repeated queries build once and use --graph or --store.
    Parameter values are bound by the store, never pasted into the query.

    \b
    Examples:
      hankeverkko query --list
      hankeverkko query themes
      hankeverkko query theme_projects -p theme="Jatkuva oppiminen" --graph out/graph.ttl --format csv
      hankeverkko query multi_theme_organisations -p min_themes=3 --store oxigraph:out/store
      hankeverkko query organisation_portfolio -p organisation=THL --endpoint http://localhost:7878/query
      hankeverkko query my_question.rq --graph out/graph.ttl --format json
      hankeverkko query my_question.rq --graph out/graph.ttl --engine oxigraph
    """
    if list_queries:
        click.echo(_library_table(), nl=False)
        return
    if not name_or_file:
        raise click.UsageError("give a query NAME, a .rq FILE or SPARQL text (see `hankeverkko query --list`)")
    chosen = [o for o, v in (("--graph", graph_file), ("--store", store_spec), ("--endpoint", endpoint_url)) if v]
    if len(chosen) > 1:
        raise click.UsageError(f"give only one of {', '.join(chosen)}")
    if engine != "rdflib" and (store_spec or endpoint_url):
        raise click.UsageError("--engine applies to --graph or the bundled corpus, not to --store/--endpoint")
    bound = _params(params)

    from hankeverkko.graph.sparql.query import format_result
    from hankeverkko.graph.sparql.library import get_query, run_library_query
    from hankeverkko.graph.sparql.store import open_store
    from hankeverkko.graph.sparql.stores.endpoint import EndpointStore

    q = get_query(name_or_file)  # fail on an unknown name before building anything
    if endpoint_url:
        store = EndpointStore(endpoint_url, timeout=timeout)
    elif store_spec:
        if not store_spec.startswith("oxigraph:") and not store_spec.startswith("endpoint:"):
            raise click.BadParameter(f"{store_spec!r}: use oxigraph:DIR", param_hint="--store")
        store = open_store(store_spec)
    else:
        if graph_file:
            from hankeverkko.graph.rdf.graphfile import read_graph
            data = read_graph(graph_file)
        else:
            from hankeverkko.graph.pipeline import build_sources
            click.echo("building the bundled corpus in memory ...", err=True)
            data = build_sources().graph
        if engine == "oxigraph":
            store = open_store("oxigraph:")
            store.load(data)
        else:
            store = open_store(data)
    result = run_library_query(store, q, bound)
    click.echo(format_result(result, fmt), nl=False)


COMMANDS = [query]
