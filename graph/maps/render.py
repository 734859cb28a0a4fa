"""Collaboration maps: from the graph to an offline HTML page or a PNG/SVG figure.

:func:`prepare_map` reads the co-implementation network (filters as in
:mod:`hankeverkko.graph.network.views`), optionally cuts the ego network of one organisation,
and styles it (:mod:`hankeverkko.graph.maps.style`); :func:`write_map` writes it in the
format the file name asks for — ``.html`` (interactive, self-contained,
no network access: :mod:`hankeverkko.graph.maps.page`), ``.png`` or ``.svg``
(:mod:`hankeverkko.graph.maps.figures`) — atomically, and only to that path.

>>> import networkx as nx
>>> m = map_from_graph(nx.Graph([("a", "b")]), title="Demo")
>>> render(m, "html").startswith(b"<!DOCTYPE html>")
True
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional, Sequence

import networkx as nx

from hankeverkko.graph.network.analysis import ego_network, find_organisation
from hankeverkko.graph.maps.figures import A4_WIDTH_CM, FIGURE_FORMATS, render_figure
from hankeverkko.graph.atomic import write_atomic
from hankeverkko.graph.maps.page import render_html
from hankeverkko.graph.maps.style import COLOUR_BY, HUB_LIMIT, PERIOD_CHOICES, SIZE_BY, MapError, NetworkMap, style_map
from hankeverkko.graph.sparql.store import open_store
from hankeverkko.graph.network.views import co_implementation_graph

__all__ = ["COLOUR_BY", "SIZE_BY", "PERIOD_CHOICES", "MAP_FORMATS", "data_date", "MapError", "NetworkMap", "prepare_map", "map_from_graph",
           "render", "write_map", "format_for"]

#: file extension -> output format
MAP_FORMATS = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg"}


def format_for(path: str | Path) -> str:
    """The output format a file name asks for.

    >>> format_for("out/map.html"), format_for("figure.SVG")
    ('html', 'svg')
    """
    fmt = MAP_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise MapError(f"{path}: unknown map file extension; use .html (interactive), .png or .svg (figure)")
    return fmt


#: the newest publication year of the source documents (no values bound; nothing spliced)
Q_NEWEST_SOURCE = """PREFIX hv: <https://w3id.org/hankeverkko/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (MAX(STR(?issued)) AS ?year) WHERE { ?source a hv:SourceDocument ; dcterms:issued ?issued . }"""


def data_date(source) -> str:
    """What the date of the data is: the newest source document's year, else today's (build) date.

    >>> from rdflib import Graph
    >>> data_date(Graph()).startswith("built ")
    True
    """
    store = source if hasattr(source, "select") else open_store(source)
    rows = store.select(Q_NEWEST_SOURCE).rows
    year = rows[0][0] if rows and rows[0] and rows[0][0] is not None else None
    if year and str(year)[:4].isdigit():
        return f"sources up to {str(year)[:4]}"
    return f"built {dt.date.today().isoformat()}"


def _title(filters: dict, centre_label: Optional[str], radius: int, date: str = "") -> tuple[str, str]:
    title = (f"Collaboration network of {centre_label}" if centre_label else "Collaboration network")
    if filters.get("theme"):
        title += f": {filters['theme']}"
    parts = []
    if filters.get("period"):
        parts.append(f"programme period {filters['period']}")
    roles = filters.get("roles") or ["implementer"]
    parts.append("implementers" if list(roles) == ["implementer"] else "roles: " + ", ".join(roles))
    if filters.get("org_types"):
        parts.append("types: " + ", ".join(filters["org_types"]))
    if centre_label:
        parts.append(f"partners within {radius} step{'s' if radius != 1 else ''}")
    if not filters.get("period"):
        parts.append("all programme periods")
    if date:
        parts.append(f"data: {date}")
    return title, "; ".join(parts)


def map_from_graph(G: nx.Graph, *, colour: str = "cluster", size: str = "degree", seed: Optional[int] = 0,
                   title: str = "Collaboration network", subtitle: str = "", centre=None) -> NetworkMap:
    """Style any collaboration graph (nodes may carry ``label``, ``type``, ``themes``, ``funding`` ...)."""
    return style_map(G, colour=colour, size=size, seed=seed, title=title, subtitle=subtitle, centre=centre)


def prepare_map(source, *, theme: Optional[str] = None, org: Optional[str] = None, radius: int = 1,
                period: Optional[str] = None, roles: Sequence[str] = ("implementer",),
                org_types: Sequence[str] = (), colour: str = "cluster", size: str = "degree",
                seed: Optional[int] = 0, title: Optional[str] = None) -> NetworkMap:
    """The co-implementation map of ``source`` (an rdflib Graph or a store).

    A project with more than :data:`HUB_LIMIT` organisations is drawn as one
    project node linked to them, not as all-pairs partnerships.

    ``org`` (label, other printed name or IRI) makes it the ego map of that
    organisation within ``radius`` steps. Clusters are computed on the
    whole filtered network, so an ego map keeps the colours of the full map.
    """
    if colour not in COLOUR_BY:
        raise MapError(f"unknown colouring {colour!r}; choose from {', '.join(COLOUR_BY)}")
    if size not in SIZE_BY:
        raise MapError(f"unknown size {size!r}; choose from {', '.join(SIZE_BY)}")
    G = co_implementation_graph(source, theme=theme, period=period, roles=roles, org_types=org_types,
                                hub_limit=HUB_LIMIT)
    centre, centre_label = None, None
    if org is not None:
        hubs = set(G.graph.get("hub_projects", ()))
        centre = find_organisation(G.subgraph([n for n in G if n not in hubs]) if hubs else G, org)
        centre_label = G.nodes[centre]["label"]
    date = data_date(source) if not isinstance(source, nx.Graph) else ""
    heading, subtitle = _title(G.graph.get("filters", {}), centre_label, radius, date)
    if centre is None:
        return style_map(G, colour=colour, size=size, seed=seed, title=title or heading, subtitle=subtitle)
    full = style_map(G, colour=colour, size=size, seed=seed, title="", positions={n: (0.0, 0.0) for n in G})
    E = ego_network(G, centre, radius=radius)
    m = style_map(E, colour=colour, size=size, seed=seed, title=title or heading, subtitle=subtitle, centre=centre)
    if colour == "cluster":
        m.colours = {n: full.colours[n] for n in E}
        m.groups = {n: full.groups[n] for n in E}
        present = set(m.groups.values())
        m.legend = [item for item in full.legend if item.label in present]
    return m


def render(m: NetworkMap, fmt: str, *, width_cm: float = A4_WIDTH_CM, dpi: int = 300,
           labels: Optional[int] = None) -> bytes:
    """``m`` as bytes in ``fmt`` (``html``, ``png`` or ``svg``); ``width_cm``, ``dpi`` and
    ``labels`` (how many organisations to name) apply to figures."""
    if fmt == "html":
        return render_html(m).encode("utf-8")
    if fmt in FIGURE_FORMATS:
        return render_figure(m, fmt, width_cm=width_cm, dpi=dpi, labels=labels)
    raise MapError(f"unknown map format {fmt!r}; choose from html, {', '.join(FIGURE_FORMATS)}")


def write_map(m: NetworkMap, path: str | Path, *, width_cm: float = A4_WIDTH_CM, dpi: int = 300,
              labels: Optional[int] = None) -> Path:
    """Write ``m`` to ``path`` (format from the extension), atomically; nothing else is written."""
    return write_atomic(path, render(m, format_for(path), width_cm=width_cm, dpi=dpi, labels=labels))
