"""``hankeverkko query``: the query library (or any SELECT) on any store."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.graph.cli.evidence import evidence_option

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
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xlsx"]), default="table",
              show_default=True,
              help="table: for reading, fitted to the terminal (long values cut with …, rows sharing a "
                   "theme or project joined). csv, tsv, json: the exact W3C SPARQL 1.1 result formats, "
                   "every row and value (csv cells are not guarded against spreadsheet formulas; use "
                   "xlsx for Excel). xlsx: an Excel workbook with every row, numbers as numbers "
                   "(needs --out).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the result to this file (atomically) instead of stdout; required for xlsx.")
@click.option("--width", type=click.IntRange(min=0), default=None,
              help="Width of the table in characters (default: the terminal's, or COLUMNS); 0: no limit.")
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Query this graph file (e.g. out/graph.ttl) in memory.")
@click.option("--store", "store_spec", metavar="oxigraph:DIR",
              help="Query an Oxigraph store on disk (made by `hankeverkko build --store oxigraph:DIR`).")
@click.option("--endpoint", "endpoint_url", metavar="QUERY_URL",
              help="Query a SPARQL 1.1 endpoint; credentials from HANKEVERKKO_SPARQL_USER/_PASSWORD.")
@click.option("--engine", type=click.Choice(["rdflib", "oxigraph"]), default=None,
              help="In-memory engine for --graph or the bundled corpus (default: oxigraph for --graph, "
                   "which loads the file itself, 10x faster than rdflib; rdflib for the bundled corpus). "
                   "oxigraph also answers some queries rdflib cannot evaluate.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for an endpoint.")
@click.option("--list", "list_queries", is_flag=True, help="List the query library (name, title, parameters).")
@evidence_option
def query(name_or_file, params, fmt, out, width, graph_file, store_spec, endpoint_url, engine, timeout,
          list_queries, evidence):
    """Run a library query NAME, a .rq FILE, or inline SPARQL SELECT text.

    Without --graph, --store or --endpoint the bundled corpus is built in
    memory first (hankeverkko.graph.pipeline.build_sources()), which takes a few
    seconds; for repeated queries build once and use --graph or --store.
    Parameter values are bound by the store, never pasted into the query;
    a name that matches nothing or several things lists the closest ones
    (exit code 1). Numbers are written one way from every store
    (decimals: 1055410.4, 4000000.0). A library query that answers nothing
    says on stderr what the graph lacks for it (exit code 0).

    \b
    Examples:
      hankeverkko query --list
      hankeverkko query themes
      hankeverkko query theme_projects -p theme="Jatkuva oppiminen" --graph out/graph.ttl --format csv
      hankeverkko query multi_theme_organisations -p min_themes=3 --store oxigraph:out/store
      hankeverkko query organisation_portfolio -p organisation=THL --endpoint http://localhost:7878/query
      hankeverkko query my_question.rq --graph out/graph.ttl --format json
      hankeverkko query my_question.rq --graph out/graph.ttl --engine oxigraph
      hankeverkko query themes --format xlsx --out themes.xlsx
    """
    if list_queries:
        click.echo(_library_table(), nl=False)
        return
    if not name_or_file:
        raise click.UsageError("give a query NAME, a .rq FILE or SPARQL text (see `hankeverkko query --list`)")
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
    chosen = [o for o, v in (("--graph", graph_file), ("--store", store_spec), ("--endpoint", endpoint_url)) if v]
    if len(chosen) > 1:
        raise click.UsageError(f"give only one of {', '.join(chosen)}")
    if evidence is not None and (store_spec or endpoint_url):
        raise click.UsageError("--evidence filters a graph file or the bundled corpus, not --store/--endpoint")
    if engine is not None and (store_spec or endpoint_url):
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
        store = open_store(store_spec)  # read-only: any number of queries at once
        if getattr(store, "path", None) is not None and store.is_empty():
            click.echo(f"note: the store {store.path} is empty (0 triples); fill it with "
                       f"`hankeverkko build --store {store_spec}`", err=True)
    elif evidence is not None:
        from hankeverkko.graph.cli.evidence import graph_with_evidence
        data = graph_with_evidence(graph_file, None, evidence)
        store = open_store("oxigraph:") if engine != "rdflib" else open_store(data)
        if engine != "rdflib":
            store.load(data)
    elif graph_file and engine in (None, "oxigraph"):
        from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
        store = OxigraphStore.from_file(graph_file)
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
    if not result.rows:
        from hankeverkko.graph.sparql.explain import explain_empty
        from hankeverkko.graph.sparql.library import bind_params
        click.echo(f"no rows: {explain_empty(store, q.name, bind_params(store, q, bound))}", err=True)
    from hankeverkko.graph.cli.tables import result_values, workbook_bytes, write_output
    from hankeverkko.graph.sparql.layout import terminal_width

    if fmt == "xlsx":
        data = workbook_bytes(result.vars, result_values(result), title=q.name)
    elif fmt == "table":
        limit = (None if width == 0 else width) if width is not None else (None if out else terminal_width())
        data = format_result(result, "table", width=limit, group=q.group)
    else:
        data = format_result(result, fmt)
    write_output(data, out, f"{len(result.rows)} rows")


COMMANDS = [query]
