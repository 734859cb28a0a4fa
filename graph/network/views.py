"""RDF -> NetworkX views of who implements what, read through SPARQL.

Every view reads the graph through :func:`hankeverkko.graph.sparql.store.open_store` queries
(values bound, never pasted; bound variables stay in triple patterns and in
the projection), so any store gives the same networks: pass an rdflib Graph,
a store, or a store spec such as ``"oxigraph:DIR"`` or ``"endpoint:URL"``.
The views:

* :func:`co_implementation_graph` — organisations, linked when they implement
  the same project; edge ``weight`` = number of shared projects, with the
  ``projects`` and ``themes`` of the collaboration;
* :func:`bipartite_graph` — organisation–project (``bipartite`` 0/1);
* :func:`theme_organisation_graph` — theme–organisation, ``weight`` = the
  organisation's projects in the theme.

Filters (all views): ``theme`` (label or IRI), ``period`` ('2014-2020' or
'2021-2027', the ``hv:programmePeriod`` of the project's programme),
``roles`` (default: implementation roles only, i.e. ``hv:implementer`` and
its sub-properties) and ``org_types`` (e.g. ``["Municipality"]``).

A sub-project (``hv:SubProject``) counts as part of its group project, so a
group's implementers co-implement once.

Funding (node attribute ``funding``, used by ``map --size funding``): each
project's euros are split evenly between its organisations in the view. A
project's euros are its ``hv:costEstimate``; else the sum of its sub-projects'
cost estimates; else a theme share — the theme's ``hv:fundingFrame`` divided
by the number of projects in the theme (averaged over the project's themes);
else unknown (0). ``funding_basis`` says which: ``cost estimate``,
``theme share``, ``mixed`` or ``unknown``.

>>> from rdflib import Graph
>>> co_implementation_graph(Graph()).number_of_nodes()
0
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Optional, Sequence

import networkx as nx

from hankeverkko.graph.network.data import NetworkData, _tail, load_network

__all__ = ["co_implementation_graph", "bipartite_graph", "theme_organisation_graph"]


def _project_table(data: NetworkData) -> dict[str, dict]:
    """Graph-level ``projects`` attribute: what tooltips and tables show about each project."""
    members = data.members
    return {p: {"label": info.display, "code": info.code or "",
                "themes": [data.themes.get(t, _tail(t)) for t in info.themes],
                "periods": list(info.periods), "cost": info.cost, "funding": info.funding,
                "roles": {o: list(data.links[(p, o)]) for o in members.get(p, [])}}
            for p, info in data.projects.items()}


def _org_attrs(data: NetworkData, org: str, projects: list[str]) -> dict:
    info = data.organisations[org]
    members = data.members
    funding, bases = 0.0, set()
    for p in projects:
        pinfo = data.projects[p]
        funding += pinfo.funding / len(members[p])
        bases.add(pinfo.funding_basis)
    known = bases - {"unknown"}
    basis = "unknown" if not known else known.pop() if len(known) == 1 else "mixed"
    themes = sorted({data.themes.get(t, _tail(t)) for p in projects for t in data.projects[p].themes})
    return {"kind": "organisation", "label": info.label, "type": info.type, "type_label": info.type_label,
            "alt_labels": list(info.alt_labels), "projects": sorted(projects), "project_count": len(projects),
            "themes": themes,
            "periods": sorted({x for p in projects for x in data.projects[p].periods}),
            "roles": sorted({r for p in projects for r in data.links[(p, org)]}),
            "funding": round(funding, 2), "funding_basis": basis}


def _org_projects(data: NetworkData) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p, o in sorted(data.links):
        out[o].append(p)
    return out


def co_implementation_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                            roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = (),
                            hub_limit: Optional[int] = None) -> nx.Graph:
    """Organisations linked when they work on the same project.

    Nodes are organisation IRIs (``label``, ``type``, ``alt_labels``,
    ``projects``, ``themes``, ``periods``, ``roles``, ``funding`` ...); an
    organisation that works alone is an isolated node. Edges carry ``weight``
    (shared projects), ``projects`` (their IRIs), ``project_labels`` and
    ``themes``. ``G.graph["projects"]`` describes every project (label, themes,
    periods, roles of each organisation).

    ``hub_limit`` (maps): a project with more organisations than this is one
    node (``kind="project"``, ``label``, ``members``) linked to each of them
    instead of all-pairs edges (a project of 700 makes 244,650 edges);
    ``G.graph["hub_projects"]`` lists them. The default keeps every clique.
    """
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    return _co_graph(data, hub_limit)


def _co_graph(data: NetworkData, hub_limit: Optional[int] = None) -> nx.Graph:
    G = nx.Graph(name="co-implementation", filters=dict(data.filters), projects=_project_table(data))
    for org, projects in _org_projects(data).items():
        G.add_node(org, **_org_attrs(data, org, projects))
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    hubs = []
    for p, orgs in data.members.items():
        if hub_limit is not None and len(orgs) > hub_limit:
            hubs.append(p)
            continue
        for pair in combinations(orgs, 2):
            pairs[pair].append(p)
    theme_names = {p: {data.themes.get(t, _tail(t)) for t in info.themes} for p, info in data.projects.items()}
    G.add_edges_from((a, b, {"weight": len(ps), "projects": ps,
                             "project_labels": [data.projects[p].display for p in ps],
                             "themes": sorted(set().union(*(theme_names[p] for p in ps)))})
                     for (a, b), ps in pairs.items())
    if hubs:
        G.graph["hub_projects"] = hubs
    for p in hubs:
        info = data.projects[p]
        members = data.members[p]
        G.add_node(p, kind="project", label=info.display, type="Project", type_label="project",
                   projects=[p], project_count=1, members=len(members),
                   themes=sorted(theme_names[p]), periods=list(info.periods), alt_labels=[],
                   roles=[], funding=round(info.funding, 2), funding_basis=info.funding_basis)
        G.add_edges_from((o, p, {"weight": 1, "projects": [p], "project_labels": [info.display],
                                 "themes": sorted(theme_names[p]), "hub": True}) for o in members)
    return G


def bipartite_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                    roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> nx.Graph:
    """Organisations (``bipartite=0``) and projects (``bipartite=1``); edges carry ``roles``."""
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    G = nx.Graph(name="organisation-project", filters=dict(data.filters))
    for org, projects in _org_projects(data).items():
        G.add_node(org, bipartite=0, **_org_attrs(data, org, projects))
    for p, info in data.projects.items():
        G.add_node(p, bipartite=1, kind="project", label=info.display, code=info.code or "",
                   themes=[data.themes.get(t, _tail(t)) for t in info.themes], periods=list(info.periods),
                   cost=info.cost, funding=round(info.funding, 2), funding_basis=info.funding_basis)
    for (p, org), roles_ in data.links.items():
        G.add_edge(org, p, roles=list(roles_))
    return G


def theme_organisation_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                             roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> nx.Graph:
    """Themes (``kind="theme"``) and organisations; edge ``weight`` = the organisation's projects in the theme."""
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    G = nx.Graph(name="theme-organisation", filters=dict(data.filters))
    for org, projects in _org_projects(data).items():
        G.add_node(org, **_org_attrs(data, org, projects))
    for (p, org) in data.links:
        for t in data.projects[p].themes:
            if t not in G:
                G.add_node(t, kind="theme", label=data.themes.get(t, _tail(t)))
            if not G.has_edge(t, org):
                G.add_edge(t, org, weight=0, projects=[])
            G.edges[t, org]["weight"] += 1
            G.edges[t, org]["projects"].append(p)
    return G
