"""What a report says, gathered from the library: queries, views and analysis.

* projects of a theme: the library query ``theme_projects``; of an organisation:
  ``organisation_portfolio``; of a period or the whole graph: the network view
  (:func:`hankeverkko.graph.network.data.load_network`);
* leading organisations and clusters: :func:`hankeverkko.graph.network.analysis.summarise` on
  :func:`hankeverkko.graph.network.views.co_implementation_graph` with the same filters;
* where each project and organisation comes from: the library query
  ``provenance`` (run once, unbound, and indexed by entity);
* sources: the library query ``sources``; the figure and the map: :mod:`hankeverkko.graph.maps`.

Only organisations and projects are reported: no official's name, e-mail or phone.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from hankeverkko.graph.network.analysis import summarise
from hankeverkko.graph.maps.render import data_date, prepare_map
from hankeverkko.graph.maps.words import in_finnish
from hankeverkko.graph.sparql.library import get_query, run_library_query
from hankeverkko.graph.sparql.store import open_store
from hankeverkko.graph.network.data import find_theme, load_network
from hankeverkko.graph.report.messages import role_label, text

__all__ = ["Source", "ProjectRow", "LeadingOrganisation", "ClusterRow", "ReportData", "gather"]


@dataclass(frozen=True)
class Source:
    file: str
    line: Optional[int]


@dataclass
class ProjectRow:
    iri: str
    code: str
    label: str
    cost: Optional[float]
    implementers: list[tuple[str, str]]            # (organisation, role words), sorted
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class LeadingOrganisation:
    iri: str
    label: str
    type_label: str
    projects: int
    partners: int
    shared: float
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ClusterRow:
    name: str
    explanation: str


@dataclass
class ReportData:
    lang: str
    title: str
    scope: dict                                   # theme / org / period as asked
    date: str
    projects: list[ProjectRow]
    organisations: int
    partnerships: int
    themes: int
    leading: list[LeadingOrganisation]
    clusters: list[ClusterRow]
    sources: list[tuple[str, str]]                # (file name, title)
    map: object = None                            # hankeverkko.graph.maps.style.NetworkMap
    seed: int = 0

    @property
    def cost_total(self) -> float:
        return sum(p.cost for p in self.projects if p.cost is not None)

    @property
    def cost_known(self) -> int:
        return sum(1 for p in self.projects if p.cost is not None)


def _provenance(store) -> dict[str, list[Source]]:
    """Entity IRI -> its own source lines (kind "record"), from the library query ``provenance``."""
    out: dict[str, set] = defaultdict(set)
    for r in store.select(get_query("provenance").text).dicts():
        if str(r["kind"]) == "record" and r["fileName"] is not None:
            line = int(r["line"]) if r["line"] is not None else None
            out[str(r["entity"])].add(Source(str(r["fileName"]), line))
    return {k: sorted(v, key=lambda s: (s.file, s.line or 0)) for k, v in out.items()}


def _num(lit) -> Optional[float]:
    return float(str(lit)) if lit is not None else None


def _rows_to_projects(rows, lang: str) -> list[ProjectRow]:
    projects: dict[str, ProjectRow] = {}
    for r in rows:
        iri = str(r["project"])
        p = projects.setdefault(iri, ProjectRow(iri, str(r["code"] or ""), str(r["projectLabel"]),
                                                _num(r.get("costEstimate")), []))
        org = r.get("organisationLabel")
        if org is not None and r.get("role") is not None:
            item = (str(org), role_label(lang, str(r["role"])))
            if item not in p.implementers:
                p.implementers.append(item)
    for p in projects.values():
        p.implementers.sort(key=lambda x: (x[0].casefold(), x[1]))
    return sorted(projects.values(), key=lambda p: (p.code, p.label.casefold()))


def gather(source, *, theme: Optional[str] = None, org: Optional[str] = None, period: Optional[str] = None,
           lang: str = "fi", seed: int = 0, top: int = 10) -> ReportData:
    """Everything the report shows for ``theme``, ``org``, ``period`` or (none given) the whole graph."""
    store = source if hasattr(source, "select") else open_store(source)
    scope = {k: v for k, v in (("theme", theme), ("org", org), ("period", period)) if v}
    # the network with the same filters (for an organisation: its ego network, clusters of the whole)
    m = prepare_map(store, theme=theme, period=period, org=org, colour="cluster", seed=seed)
    if lang == "fi":
        m = in_finnish(m)                    # the figure's and the map's title and legend
    G = m.graph
    data = load_network(store, theme=theme, period=period)
    others = defaultdict(set)                      # project -> (organisation, role words) from the view
    for (p, o), roles in data.links.items():
        others[p] |= {(data.organisations[o].label, role_label(lang, r)) for r in roles}
    if theme is not None:
        rows = run_library_query(store, "theme_projects", {"theme": find_theme(store, theme)}).dicts()
        projects = _rows_to_projects(rows, lang)
        title_key, name = "title_theme", data.filters.get("theme", theme)
    elif org is not None:
        name = str(G.nodes[m.centre]["label"])
        rows = run_library_query(store, "organisation_portfolio", {"organisation": m.centre}).dicts()
        projects = _rows_to_projects([dict(r, organisationLabel=name) for r in rows], lang)
        for p in projects:                         # the partners beside the organisation's own role
            p.implementers = sorted(set(p.implementers) | {x for x in others.get(p.iri, ()) if x[0] != name},
                                    key=lambda x: (x[0].casefold(), x[1]))
        title_key = "title_org"
    else:
        title_key, name = ("title_period", period) if period else ("title_all", None)
        projects = [ProjectRow(iri, info.code or "", info.label, info.cost,
                               sorted(others.get(iri, ()), key=lambda x: (x[0].casefold(), x[1])))
                    for iri, info in sorted(data.projects.items(),
                                            key=lambda kv: (kv[1].code or "", kv[1].label.casefold()))]
    prov = _provenance(store)
    for p in projects:
        p.sources = prov.get(p.iri, [])
    summary = summarise(G, seed=seed, top=top)
    leading = [LeadingOrganisation(n, str(G.nodes[n].get("label", n)), str(G.nodes[n].get("type_label", "")),
                                   int(G.nodes[n].get("project_count", 0)), summary.metrics[n]["degree"],
                                   summary.metrics[n]["weighted_degree"], tuple(prov.get(n, [])[:3]))
               for n in summary.top_organisations()]
    clusters = []
    for c in summary.clusters.clusters:
        if c.size < 2:
            continue
        inner = G.subgraph(c.members).number_of_edges()
        line = (text(lang, "cluster_line", size=c.size, inner=inner, theme=c.themes[0][0]) if c.themes
                else text(lang, "cluster_no_theme", size=c.size, inner=inner))
        clusters.append(ClusterRow(c.name, line))
    sources = [(str(r["fileName"]), str(r["title"] or r["fileName"]))
               for r in run_library_query(store, "sources").dicts() if r["fileName"] is not None]
    themes = {t for p in data.projects.values() for t in p.themes}
    title = text(lang, title_key, name=name) if name else text(lang, title_key)
    return ReportData(lang=lang, title=title, scope=scope, date=data_date(store), projects=projects,
                      organisations=G.number_of_nodes(), partnerships=G.number_of_edges(), themes=len(themes),
                      leading=leading, clusters=clusters[:top], sources=sources, map=m, seed=seed)
