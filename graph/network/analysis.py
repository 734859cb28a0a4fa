"""Who is central, who bridges themes, which clusters exist: analysis of collaboration graphs.

Works on any NetworkX graph shaped like :func:`hankeverkko.graph.network.views.co_implementation_graph`
(node ``label``/``alt_labels``/``themes``, edge ``weight``/``themes``);
randomness (Louvain) is the ``seed`` parameter.

>>> G = nx.star_graph(3)
>>> centrality(G)[0]["degree"], centrality(G)[1]["betweenness"]
(3, 0.0)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

import networkx as nx

from hankeverkko.graph.network.views import co_implementation_graph
from hankeverkko.graph.network.vocabulary import match_label

__all__ = ["betweenness_sample", "EXACT_BETWEENNESS_WORK", "centrality", "theme_overview", "Broker", "brokers", "Cluster", "Clusters", "clusters", "find_organisation",
           "ego_network", "Continuity", "continuity", "period_continuity", "NetworkSummary", "summarise"]


def _label(G: nx.Graph, n) -> str:
    return str(G.nodes[n].get("label", n))


#: exact betweenness up to this many node x edge visits (about 1 s of CPU); beyond it, sampled
EXACT_BETWEENNESS_WORK = 4_000_000
_MIN_SAMPLE = 64


def betweenness_sample(n_nodes: int, n_edges: int) -> Optional[int]:
    """How many source nodes betweenness samples for a graph of this size: ``None``
    (exact) while nodes x edges stays under :data:`EXACT_BETWEENNESS_WORK`, else
    as many sources as that budget buys, at least 64. On the invented 1,000- and
    2,000-organisation networks of ``benchmarks/views_scale.py`` the sampled
    ranking has a Spearman correlation of about 0.9+ with the exact one.

    >>> betweenness_sample(100, 300), betweenness_sample(2000, 40000), betweenness_sample(6000, 900000)
    (None, 100, 64)
    """
    if n_nodes * n_edges <= EXACT_BETWEENNESS_WORK:
        return None
    return min(n_nodes, max(_MIN_SAMPLE, round(EXACT_BETWEENNESS_WORK / max(n_edges, 1))))


def centrality(G: nx.Graph, weight: str = "weight", k: Optional[int] = None,
               seed: Optional[int] = None) -> dict:
    """Per node: ``degree`` (partners), ``weighted_degree`` (shared projects),
    ``betweenness`` (normalised, on hops — a tie is a tie however many projects
    it carries; ``k`` samples that many sources, with ``seed``) and ``pagerank``
    (weighted).

    >>> c = centrality(nx.path_graph(5))
    >>> [round(c[n]["betweenness"], 3) for n in range(5)]
    [0.0, 0.5, 0.667, 0.5, 0.0]
    """
    if len(G) == 0:
        return {}
    between = nx.betweenness_centrality(G, k=k if k is None else min(k, len(G)), normalized=True, seed=seed)
    rank = nx.pagerank(G, weight=weight) if G.number_of_edges() else {n: 1 / len(G) for n in G}
    wdeg = dict(G.degree(weight=weight))
    return {n: {"degree": G.degree(n), "weighted_degree": wdeg[n], "betweenness": between[n],
                "pagerank": rank[n]} for n in G}


def theme_overview(G: nx.Graph) -> list[tuple[str, int, int]]:
    """(theme, organisations, partnerships) for each theme of ``G``, most partnerships first.

    Organisations are nodes with the theme in ``themes``; partnerships are
    edges whose ``themes`` include it.

    >>> G = nx.Graph([("a", "b", {"themes": ["T1"]})]); G.add_node("c")
    >>> nx.set_node_attributes(G, {"a": ["T1"], "b": ["T1", "T2"], "c": ["T2"]}, "themes")
    >>> theme_overview(G)
    [('T1', 2, 1), ('T2', 2, 0)]
    """
    orgs = Counter(t for _, d in G.nodes(data=True) for t in set(d.get("themes", ())))
    ties = Counter(t for _, _, d in G.edges(data=True) for t in set(d.get("themes", ())))
    return sorted(((t, orgs[t], ties[t]) for t in orgs | ties), key=lambda r: (-r[2], -r[1], r[0]))


@dataclass(frozen=True)
class Broker:
    node: str
    label: str
    betweenness: float
    themes: tuple[str, ...]
    partners: int


def brokers(G: nx.Graph, min_themes: int = 2, betweenness: Optional[dict] = None) -> list[Broker]:
    """Organisations that bridge themes, most between first.

    A broker's collaborations (the ``themes`` of its edges) span at least
    ``min_themes`` themes and it lies on shortest paths between others
    (betweenness > 0). Ties are ranked by label.

    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", themes=["T1"]); G.add_edge("b", "c", themes=["T2"])
    >>> [b.node for b in brokers(G)]
    ['b']
    """
    between = betweenness if betweenness is not None else nx.betweenness_centrality(G)
    out = []
    for n in G:
        themes = sorted({t for m in G[n] for t in G.edges[n, m].get("themes", ())})
        if len(themes) >= min_themes and between.get(n, 0) > 0:
            out.append(Broker(n, _label(G, n), between[n], tuple(themes), G.degree(n)))
    return sorted(out, key=lambda b: (-b.betweenness, b.label, str(b.node)))


@dataclass(frozen=True)
class Cluster:
    index: int                                # 1 = largest
    members: tuple                            # most shared projects first
    leading: tuple[str, ...]                  # labels of the leading organisations
    themes: tuple[tuple[str, int], ...]       # (theme, members working in it), most first

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def name(self) -> str:
        """The cluster named by its two leading organisations and its main theme, in full.

        >>> Cluster(1, ("a", "b", "c"), ("Alfa Oy", "Beta ry", "Gamma"), (("Teema", 3),)).name
        'Alfa Oy, Beta ry (Teema)'
        >>> Cluster(2, ("a",), ("Alfa Oy",), ()).name
        'Alfa Oy'
        """
        lead = ", ".join(self.leading[:2])
        return f"{lead} ({self.themes[0][0]})" if self.themes else lead


@dataclass(frozen=True)
class Clusters:
    clusters: tuple[Cluster, ...]
    modularity: float
    seed: Optional[int]

    def membership(self) -> dict:
        """Node -> cluster index."""
        return {n: c.index for c in self.clusters for n in c.members}


def clusters(G: nx.Graph, seed: Optional[int] = 0, resolution: float = 1.0, weight: str = "weight",
             leading: int = 3) -> Clusters:
    """Collaboration clusters by Louvain (``seed`` fixes the result), with modularity.

    Clusters are numbered from 1, largest first; an organisation that works
    alone is a cluster of one. With no edges the modularity is 0.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    >>> result = clusters(G, seed=1)
    >>> [c.members for c in result.clusters], round(result.modularity, 4)
    ([('c', 'a', 'b'), ('d', 'e', 'f')], 0.3571)
    """
    if len(G) == 0:
        return Clusters((), 0.0, seed)
    communities = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    modularity = (nx.community.modularity(G, communities, weight=weight, resolution=resolution)
                  if G.number_of_edges() else 0.0)
    wdeg = dict(G.degree(weight=weight))
    order = lambda n: (-wdeg[n], _label(G, n), str(n))
    ranked = sorted((sorted(c, key=order) for c in communities),
                    key=lambda ms: (-len(ms), -sum(wdeg[n] for n in ms), order(ms[0])))
    out = []
    for i, members in enumerate(ranked, 1):
        themes = Counter(t for n in members for t in G.nodes[n].get("themes", ()))
        out.append(Cluster(i, tuple(members), tuple(_label(G, n) for n in members[:leading]),
                           tuple(sorted(themes.items(), key=lambda kv: (-kv[1], kv[0])))))
    return Clusters(tuple(out), modularity, seed)


def find_organisation(G: nx.Graph, name: str):
    """The node named ``name``: its IRI, label or another printed name (``alt_labels``),
    or a unique part of one.

    >>> G = nx.Graph(); G.add_node("id:a", label="Alfa Oy", alt_labels=["Alfa"])
    >>> find_organisation(G, "alfa")
    'id:a'
    """
    labels = {n: _label(G, n) for n in G}
    alt = {n: list(G.nodes[n].get("alt_labels", ())) for n in G}
    describe = lambda n: (f"hv:{G.nodes[n]['type']}" if G.nodes[n].get("type") else "",  # noqa: E731
                          str(G.nodes[n].get("business_id") or G.nodes[n].get("code") or ""))
    return match_label(name, labels, "organisation", alt, describe=describe)


def ego_network(G: nx.Graph, name: str, radius: int = 1) -> nx.Graph:
    """The organisation found by :func:`find_organisation`, its partners within
    ``radius`` steps and the ties among them; ``graph["centre"]`` is its node.

    >>> E = ego_network(nx.path_graph(4), 1)
    >>> sorted(E), E.graph["centre"]
    ([0, 1, 2], 1)
    """
    centre = name if name in G else find_organisation(G, name)
    E = nx.ego_graph(G, centre, radius=radius).copy()
    E.graph.update(G.graph)
    E.graph["centre"] = centre
    return E


@dataclass(frozen=True)
class Continuity:
    """Organisations and partnerships present in both of two periods."""
    periods: tuple[str, str]
    organisations: tuple                      # in both periods
    pairs: tuple                              # (a, b) partners in both periods, a < b
    only_first: tuple
    only_second: tuple
    labels: dict = field(default_factory=dict, compare=False)

    @property
    def retention(self) -> float:
        """Share of the second period's organisations that were active in the first."""
        second = len(self.organisations) + len(self.only_second)
        return len(self.organisations) / second if second else 0.0

    def text(self, limit: int = 20) -> str:
        a, b = self.periods
        lab = lambda n: self.labels.get(n, str(n))
        lines = [f"Organisations in both {a} and {b}: {len(self.organisations)} "
                 f"({self.retention:.0%} of {b}); only {a}: {len(self.only_first)}; only {b}: {len(self.only_second)}"]
        lines += [f"  {lab(n)}" for n in self.organisations[:limit]]
        lines.append(f"Partnerships in both periods: {len(self.pairs)}")
        lines += [f"  {lab(x)} — {lab(y)}" for x, y in self.pairs[:limit]]
        return "\n".join(lines)


def continuity(first: nx.Graph, second: nx.Graph, periods: tuple[str, str] = ("first", "second")) -> Continuity:
    """Compare two collaboration graphs (e.g. one per programme period).

    >>> c = continuity(nx.Graph([("a", "b"), ("b", "c")]), nx.Graph([("b", "a"), ("c", "d")]))
    >>> c.organisations, c.pairs, c.only_first, c.only_second
    (('a', 'b', 'c'), (('a', 'b'),), (), ('d',))
    """
    def key(n):
        return str(n)
    pairs = lambda G: {tuple(sorted((u, v), key=key)) for u, v in G.edges}
    labels = {n: _label(G, n) for G in (first, second) for n in G}
    return Continuity(tuple(periods),
                      tuple(sorted(set(first) & set(second), key=key)),
                      tuple(sorted(pairs(first) & pairs(second), key=lambda p: (key(p[0]), key(p[1])))),
                      tuple(sorted(set(first) - set(second), key=key)),
                      tuple(sorted(set(second) - set(first), key=key)),
                      labels)


def period_continuity(source, periods: tuple[str, str] = ("2014-2020", "2021-2027"), *,
                      roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> Continuity:
    """:func:`continuity` of the co-implementation graphs of two programme periods of ``source``."""
    first, second = (co_implementation_graph(source, period=p, roles=roles, org_types=org_types) for p in periods)
    return continuity(first, second, periods)


@dataclass
class NetworkSummary:
    """Metrics, clusters and brokers of one collaboration graph; ``graph`` is an
    annotated copy (node ``degree``, ``weighted_degree``, ``betweenness``,
    ``pagerank``, ``cluster``, ``broker``) ready for export."""
    graph: nx.Graph
    metrics: dict
    clusters: Clusters
    brokers: list[Broker]
    top: int = 10

    def top_organisations(self) -> list:
        m = self.metrics
        return sorted(m, key=lambda n: (-m[n]["weighted_degree"], -m[n]["betweenness"],
                                        _label(self.graph, n), str(n)))[:self.top]

    def text(self) -> str:
        G, m = self.graph, self.metrics
        projects = {p for n in G for p in G.nodes[n].get("projects", ())}
        filters = {k: v for k, v in G.graph.get("filters", {}).items() if v}
        lines = [f"Network: {_count(G.number_of_nodes(), 'organisation')}, "
                 f"{_count(G.number_of_edges(), 'partnership')}, {_count(len(projects), 'project')}"
                 + (f" ({_filters_text(filters)})" if filters else "")]
        lines.append("\nTop organisations (by shared projects = projects shared, summed over partners):")
        if G.graph.get("betweenness_sample"):
            lines.append(f"(betweenness estimated from {G.graph['betweenness_sample']} sampled sources, "
                         f"seed {self.clusters.seed}; exact on smaller networks)")
        rows = [[_short(_label(G, n)), str(G.nodes[n].get("type_label", "")),
                 str(G.nodes[n].get("project_count", "")), str(m[n]["degree"]),
                 _num(m[n]["weighted_degree"]), f"{m[n]['betweenness']:.3f}", f"{m[n]['pagerank']:.3f}"]
                for n in self.top_organisations()]
        lines += _table(["organisation", "type", "projects", "partners", "shared projects",
                         "betweenness", "pagerank"], rows)
        groups = [c for c in self.clusters.clusters if c.size > 1]
        alone = sum(1 for c in self.clusters.clusters if c.size == 1)
        lines.append(f"\nClusters (Louvain, seed {self.clusters.seed}, modularity {self.clusters.modularity:.3f}): "
                     f"{len(groups)} of two or more organisations; {alone} organisation(s) without partners")
        for c in groups[:self.top]:
            themes = ", ".join(f"{_short(t, 40)} ({k})" for t, k in c.themes[:3])
            lines.append(f"  {c.index}. {c.size} organisations; leading: {'; '.join(c.leading)}"
                         + (f"; themes: {themes}" if themes else ""))
        lines.append(f"\nBrokers (partnerships span two or more themes; by betweenness): {len(self.brokers)}")
        for b in self.brokers[:self.top]:
            lines.append(f"  {_short(b.label)}: betweenness {b.betweenness:.3f}, {b.partners} partners, "
                         f"{len(b.themes)} themes ({'; '.join(_short(t, 40) for t in b.themes[:3])}"
                         f"{' ...' if len(b.themes) > 3 else ''})")
        return "\n".join(lines)


def _filters_text(filters: dict) -> str:
    return "; ".join(f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, (list, tuple)) else v}"
                     for k, v in filters.items())


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _short(s: str, n: int = 48) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def _num(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def summarise(G: nx.Graph, seed: Optional[int] = 0, top: int = 10, resolution: float = 1.0,
              min_themes: int = 2) -> NetworkSummary:
    """Centrality, Louvain clusters (``seed``) and brokers of ``G``, with an annotated copy of it.

    Betweenness is exact on networks up to :data:`EXACT_BETWEENNESS_WORK` and
    sampled (:func:`betweenness_sample` sources, ``seed``) on larger ones.

    >>> s = summarise(nx.Graph([("a", "b", {"themes": ["T1"]}), ("b", "c", {"themes": ["T2"]})]))
    >>> s.graph.nodes["b"]["broker"], s.graph.nodes["b"]["cluster"] in (1, 2)
    (True, True)
    """
    sample = betweenness_sample(G.number_of_nodes(), G.number_of_edges())
    metrics = centrality(G, k=sample, seed=seed if sample else None)
    found = clusters(G, seed=seed, resolution=resolution)
    bridge = brokers(G, min_themes=min_themes, betweenness={n: v["betweenness"] for n, v in metrics.items()})
    H = G.copy()
    member = found.membership()
    broker_nodes = {b.node for b in bridge}
    for n in H:
        H.nodes[n].update(metrics[n])
        H.nodes[n]["cluster"] = member[n]
        H.nodes[n]["broker"] = n in broker_nodes
    H.graph["betweenness_sample"] = sample
    return NetworkSummary(H, metrics, found, bridge, top)
