"""``hankeverkko map`` and ``hankeverkko network``: collaboration maps, analysis and exports."""
from __future__ import annotations

from pathlib import Path

import click

from hankeverkko.graph.cli.choices import Vocabulary
from hankeverkko.graph.cli.evidence import evidence_option, graph_with_evidence
from hankeverkko.graph.rdf.periods import PERIOD_CHOICES   # the HTML map's period menu offers the same periods
from hankeverkko.graph.network.vocabulary import ROLES, TYPE_KEYS

__all__ = ["COMMANDS", "map_command", "network"]

ROLE_CHOICES = tuple(ROLES)
#: what --role means: the roles given replace the default set
ROLE_HELP = ("Roles that link organisations through a project (repeatable). The roles given replace the "
             "default, implementer (main, sub, implementer and administrator roles); to add partners, pilot "
             "municipalities or steering groups, give them with it: --role implementer --role partner.")


def _types(ctx, param, value):
    from hankeverkko.graph.network.vocabulary import NetworkViewError, resolve_types
    try:
        return resolve_types(value)
    except NetworkViewError as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from e


def _roles(roles) -> tuple[str, ...]:
    """The roles asked for, or the default: implementer."""
    return tuple(roles) or ("implementer",)


def _filters(f):
    """The options every network command shares."""
    for decorator in reversed([
        click.argument("graph_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)),
        click.option("--store", "store_spec", metavar="oxigraph:DIR|endpoint:URL", default=None,
                     help="Read an Oxigraph store or a SPARQL endpoint instead of a graph file."),
        click.option("--theme", default=None, help="Only projects of this theme (its label, a unique part of it, or its IRI)."),
        click.option("--period", type=Vocabulary(PERIOD_CHOICES, "programme period"), default=None,
                     help="Only projects of this programme period."),
        click.option("--role", "roles", multiple=True, type=Vocabulary(ROLE_CHOICES, "role"), help=ROLE_HELP),
        click.option("--type", "org_types", multiple=True, type=Vocabulary(TYPE_KEYS, "organisation type"),
                     callback=_types, metavar="TYPE",
                     help="Only organisations of this type (repeatable): " + ", ".join(TYPE_KEYS) + "."),
        click.option("--seed", type=int, default=0, show_default=True,
                     help="Seed for Louvain clusters and the layout (same seed, same result)."),
        evidence_option,
    ]):
        f = decorator(f)
    return f


def _map_file(ctx, param, value):
    from hankeverkko.graph.maps.render import MapError, format_for
    try:
        format_for(value)
    except MapError as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from e
    return value


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _source(graph_file, store_spec, evidence=None):
    """The graph file, the store, or the bundled corpus built in memory (kept to
    ``evidence`` when given)."""
    if graph_file is not None and store_spec:
        raise click.UsageError("give GRAPH_FILE or --store, not both")
    kept = graph_with_evidence(graph_file, store_spec, evidence)
    if kept is not None:
        return kept
    if store_spec:
        if not store_spec.startswith(("oxigraph:", "endpoint:")) or store_spec == "oxigraph:":
            raise click.BadParameter(f"{store_spec!r}: use oxigraph:DIR or endpoint:URL", param_hint="--store")
        from hankeverkko.graph.sparql.store import open_store
        return open_store(store_spec)
    if graph_file is not None:      # pyoxigraph parses and answers ~10x faster than rdflib in memory
        from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
        return OxigraphStore.from_file(graph_file)
    from hankeverkko.graph.cli.progress import terminal_progress
    from hankeverkko.graph.pipeline import build_with_reports
    click.echo("No graph file given: building the bundled corpus ...", err=True)
    return build_with_reports(progress=terminal_progress())[0].graph


def _warn_if_empty(G) -> None:
    if G.number_of_nodes() == 0:
        click.echo("warning: no organisation takes part in a project under these filters (theme, period, "
                   "role, type); the output is empty. Try another --role or drop a filter.", err=True)


@click.command("map")
@_filters
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path), callback=_map_file,
              help="Output file: .html (interactive, offline), .png or .svg (figure for reports).")
@click.option("--org", default=None, help="Ego map of this organisation (label, other printed name or IRI).")
@click.option("--radius", type=click.IntRange(1, 3), default=1, show_default=True,
              help="With --org: partners within this many steps.")
@click.option("--colour", "--color", "colour", type=Vocabulary(["cluster", "type", "theme"], "colouring"), default="cluster",
              show_default=True, help="Colour organisations by collaboration cluster, type or main theme.")
@click.option("--size", type=Vocabulary(["degree", "funding"], "size measure"), default="degree", show_default=True,
              help="Node size: number of partners, or euros (cost estimates split between partners).")
@click.option("--title", default=None, help="Heading of the map (default: from the filters).")
@click.option("--width", default="17cm", show_default=True, metavar="LENGTH",
              help="Figures: width as 17cm, 170mm or 6.7in (a bare number is cm); 17cm fills an A4 page "
                   "with 2 cm margins. The height is 3/4 of the width.")
@click.option("--dpi", type=click.IntRange(50, 1200), default=300, show_default=True,
              help="Figures: PNG resolution (SVG is vector; its text stays text).")
@click.option("--labels", type=click.IntRange(0), default=None,
              help="Figures: name this many organisations (default: from the graph size, 10-25).")
def map_command(graph_file, store_spec, theme, period, roles, org_types, seed, evidence, out_file, org, radius,
                colour, size, title, width, dpi, labels):
    """Write a collaboration map of GRAPH_FILE (or --store; neither = build
    the bundled corpus): organisations linked when they implement the same
    project.

    The file type follows the extension of --out: .html is one self-contained
    interactive page that needs no network (search, theme and type filters,
    tooltips, click to highlight partners); .png and .svg are figures with a
    legend for PDF reports.

    \b
    Examples:
      hankeverkko map out/graph.ttl --out out/map.html
      hankeverkko map out/graph.ttl --theme "Jatkuva oppiminen" --colour type --out theme.html
      hankeverkko map out/graph.ttl --org THL --radius 2 --out thl.html
      hankeverkko map out/graph.ttl --period 2021-2027 --size funding --out report.svg
      hankeverkko map out/graph.ttl --theme "Jatkuva oppiminen" --width 12cm --dpi 600 --out fig.png
      hankeverkko map --store oxigraph:out/store --out map.html
    """
    from hankeverkko.graph.cli.progress import status_line
    from hankeverkko.graph.maps.figures import parse_width
    from hankeverkko.graph.maps.render import MapError, prepare_map, write_map

    try:
        width_cm = parse_width(width)
    except MapError as e:
        raise click.BadParameter(str(e), param_hint="--width") from e
    m = prepare_map(_source(graph_file, store_spec, evidence), theme=theme, org=org, radius=radius, period=period,
                    roles=_roles(roles), org_types=org_types, colour=colour, size=size,
                    seed=seed, title=title)
    _warn_if_empty(m.graph)
    done = status_line(f"laying out and writing {_count(m.graph.number_of_nodes(), 'organisation')} ...")
    try:
        path = write_map(m, out_file, width_cm=width_cm, dpi=dpi, labels=labels)
    finally:
        done()
    click.echo(f"{_count(m.graph.number_of_nodes(), 'organisation')}, "
               f"{_count(m.graph.number_of_edges(), 'partnership')}", err=True)
    click.echo(str(path))


@click.command()
@_filters
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the exports (created if missing).")
@click.option("--format", "formats", multiple=True, type=Vocabulary(["gexf", "graphml", "csv", "vosviewer"], "format"),
              help="Export only these formats (repeatable; default: all).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="How many organisations, clusters and brokers to list.")
def network(graph_file, store_spec, theme, period, roles, org_types, seed, evidence, out_dir, formats, top):
    """Analyse the collaboration network of GRAPH_FILE (or --store; neither =
    build the bundled corpus): print the top organisations, Louvain clusters
    and the brokers between themes, and write the network for other tools.

    \b
    Writes into OUT:
      network.gexf, network.graphml   Gephi (also Cytoscape, yEd)
      nodes.csv, edges.csv            Excel, Kumu (ID/Label, From/To/Strength)
      network_vosviewer.json          VOSviewer (clusters as computed here)

    \b
    Examples:
      hankeverkko network out/graph.ttl --out out/network/
      hankeverkko network out/graph.ttl --theme "Jatkuva oppiminen" --format csv --out jatkuva/
    """
    from hankeverkko.graph.network.analysis import summarise
    from hankeverkko.graph.network.export import EXPORT_FORMATS, export_network
    from hankeverkko.graph.network.views import co_implementation_graph

    G = co_implementation_graph(_source(graph_file, store_spec, evidence), theme=theme, period=period,
                                roles=_roles(roles), org_types=org_types)
    _warn_if_empty(G)
    summary = summarise(G, seed=seed, top=top)
    written = export_network(summary.graph, out_dir, formats or EXPORT_FORMATS)
    click.echo(summary.text())
    click.echo("\nWrote: " + ", ".join(str(p) for p in written), err=True)


COMMANDS = [map_command, network]
