"""How a collaboration map looks: colours, sizes, legend and a seeded layout.

Shared by the interactive HTML map (:mod:`hankeverkko.graph.maps.page`) and the static
figures (:mod:`hankeverkko.graph.maps.figures`), so both show the same thing.

>>> m = style_map(nx.path_graph(3), colour="cluster", size="degree", seed=1)
>>> m.sizes[1], sorted(m.positions) == [0, 1, 2], m.physics
(1.0, True, True)
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import networkx as nx

from hankeverkko.graph.rdf.periods import PERIOD_CHOICES  # the CLI's --period choices and the page's menu
from hankeverkko.graph.network.analysis import clusters
from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.network.vocabulary import TYPE_LABELS

__all__ = ["COLOUR_BY", "SIZE_BY", "PERIOD_CHOICES", "HUB_LIMIT", "PROJECT_COLOUR", "MapError", "LegendItem", "NetworkMap", "style_map",
           "layout", "importance", "PALETTE", "OTHER_COLOUR"]

COLOUR_BY = ("cluster", "type", "theme")
SIZE_BY = ("degree", "funding")
#: Paul Tol's "muted" qualitative scheme: nine colours distinguishable with colour-vision
#: deficiencies; categories beyond nine share OTHER_COLOUR ("other")
PALETTE = ("#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677", "#882255", "#aa4499")
OTHER_COLOUR = "#bbbbbb"
_HEX = re.compile(r"#[0-9a-f]{6}")
#: above this many nodes the map opens with the precomputed layout and physics off
PHYSICS_LIMIT = 150
#: components up to this size get forceatlas2; larger ones are split into clusters first
_FA2_LIMIT = 250
#: maps draw a project with more organisations than this as one node, not as all-pairs edges
HUB_LIMIT = 30
PROJECT_COLOUR = "#444444"


class MapError(HankeverkkoError):
    """A map option or output file cannot be used."""


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str

    def __post_init__(self):
        if not _HEX.fullmatch(self.colour):
            raise MapError(f"legend colour {self.colour!r} is not #rrggbb")


@dataclass
class NetworkMap:
    """A styled graph: everything the HTML map and the figures draw."""
    graph: nx.Graph
    positions: dict                    # node -> (x, y) in screen order (y grows downwards)
    colours: dict                      # node -> "#rrggbb"
    sizes: dict                        # node -> 0..1 (area-proportional)
    legend: list[LegendItem]
    legend_title: str
    size_by: str
    title: str
    subtitle: str = ""
    centre: Optional[object] = None    # the organisation of an ego map
    physics: bool = False
    groups: dict = field(default_factory=dict)   # node -> legend label (its colour class)
    seed: Optional[int] = 0

    @property
    def size_label(self) -> str:
        return {"degree": "node size: number of partners",
                "funding": "node size: euros (cost estimates split between partners; theme shares where unknown)"
                }[self.size_by]


def _fit(local: dict, radius: float) -> dict:
    """``local`` positions centred on (0, 0) and scaled so the farthest node is at ``radius``."""
    if len(local) == 1:
        return {n: (0.0, 0.0) for n in local}
    local = {n: (float(x), float(y)) for n, (x, y) in local.items()}
    cx = sum(x for x, _ in local.values()) / len(local)
    cy = sum(y for _, y in local.values()) / len(local)
    far = max(math.hypot(x - cx, y - cy) for x, y in local.values()) or 1.0
    return {n: ((float(x) - cx) * radius / far, (float(y) - cy) * radius / far) for n, (x, y) in local.items()}


def _spread(H: nx.Graph, seed: Optional[int], weight: Optional[str]) -> dict:
    """ForceAtlas2 (networkx ≥ 3.4) in LinLog mode with hubs dissuaded, which pulls
    clusters apart and opens dense cores; spring layout on older networkx."""
    if hasattr(nx, "forceatlas2_layout"):
        import numpy as np
        with np.errstate(divide="ignore", invalid="ignore"):    # its LinLog step divides by the 0 diagonal
            pos = nx.forceatlas2_layout(H, seed=seed, max_iter=150, weight=weight, linlog=True,
                                        distributed_action=True, scaling_ratio=2.0, gravity=1.0)
        if all(math.isfinite(float(c)) for xy in pos.values() for c in xy):
            return pos
    return nx.spring_layout(H, seed=seed, weight=weight)


def _component_layout(H: nx.Graph, seed: Optional[int], weight: Optional[str], depth: int = 0) -> dict:
    """Positions of one connected component, within radius sqrt(n).

    Near-linear in edges: ForceAtlas2 (quadratic) only ever runs on at most
    ``_FA2_LIMIT`` nodes; a larger component is split into Louvain clusters,
    recursively until each fits, and the clusters are placed apart."""
    radius = math.sqrt(len(H))
    if len(H) <= _FA2_LIMIT:
        return _fit(_spread(H, seed, weight), radius)
    # a large component: Louvain clusters placed apart (spring layout of the cluster
    # graph), each laid out inside its own disc, then discs pushed until none overlap
    communities = sorted((sorted(c, key=str) for c in
                          nx.community.louvain_communities(H, weight=weight, seed=seed)),
                         key=lambda c: (-len(c), str(c[0])))
    if len(communities) == 1 or depth >= 4:                 # cannot split further
        return _fit(nx.spring_layout(H, seed=seed, weight=weight, iterations=30), radius)
    member = {n: i for i, c in enumerate(communities) for n in c}
    Q = nx.Graph()
    Q.add_nodes_from(range(len(communities)))
    for u, v, d in H.edges(data=True):
        a, b = member[u], member[v]
        if a != b:
            w = Q.edges[a, b]["weight"] if Q.has_edge(a, b) else 0
            Q.add_edge(a, b, weight=w + (d.get(weight, 1) if weight else 1))
    centres = _fit(nx.spring_layout(Q, seed=seed, weight="weight"), radius)
    discs = [1.1 * math.sqrt(len(c)) for c in communities]
    cx = _separate([list(centres[i]) for i in range(len(communities))], discs)
    pos = {}
    for i, c in enumerate(communities):
        if len(c) == 1:
            inner = {c[0]: (0.0, 0.0)}
        elif len(c) <= _FA2_LIMIT:
            inner = _fit(_spread(H.subgraph(c), seed, weight), discs[i] / 1.1)
        else:
            inner = _fit(_component_layout(H.subgraph(c), seed, weight, depth + 1), discs[i] / 1.1)
        for n, (x, y) in inner.items():
            pos[n] = (cx[i][0] + x, cx[i][1] + y)
    return _fit(pos, max(math.hypot(x, y) for x, y in pos.values()) or 1.0)


def _separate(cx: list, discs: list, rounds: int = 200) -> list:
    """Push overlapping discs apart (each pair in index order, as many rounds as needed)."""
    if len(cx) > 60:                                    # many clusters: the same pushes, vectorised
        import numpy as np
        xy, r = np.array(cx, dtype=float), np.array(discs, dtype=float)
        for _ in range(rounds):
            d = xy[None, :, :] - xy[:, None, :]
            dist = np.hypot(d[..., 0], d[..., 1])
            gap = (r[:, None] + r[None, :]) - np.maximum(dist, 1e-6)
            np.fill_diagonal(gap, 0)
            gap = np.triu(np.maximum(gap, 0), 1)
            if not gap.any():
                break
            unit = np.where(dist[..., None] > 1e-6, d / np.maximum(dist, 1e-6)[..., None], [1.0, 0.0])
            push = unit * (gap / 2)[..., None]
            xy += push.sum(axis=0) - push.sum(axis=1)
        return xy.tolist()
    for _ in range(rounds):
        moved = False
        for i in range(len(cx)):
            for j in range(i + 1, len(cx)):
                dx, dy = cx[j][0] - cx[i][0], cx[j][1] - cx[i][1]
                dist = math.hypot(dx, dy) or 1e-6
                gap = discs[i] + discs[j] - dist
                if gap > 0:
                    ux, uy = (dx / dist, dy / dist) if dist > 1e-6 else (1.0, 0.0)
                    cx[i][0] -= ux * gap / 2; cx[i][1] -= uy * gap / 2
                    cx[j][0] += ux * gap / 2; cx[j][1] += uy * gap / 2
                    moved = True
        if not moved:
            break
    return cx


def layout(G: nx.Graph, seed: Optional[int] = 0, weight: Optional[str] = "weight") -> dict:
    """Seeded positions per connected component (ForceAtlas2; large components as
    clusters placed apart), components packed in rows, largest first (top left;
    y grows downwards as on screen), organisations without partners last.

    >>> pos = layout(nx.Graph([(1, 2), (3, 4)]), seed=1)
    >>> sorted(pos) == [1, 2, 3, 4] and pos == layout(nx.Graph([(1, 2), (3, 4)]), seed=1)
    True
    """
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for comp in comps:
        radius = math.sqrt(len(comp))
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            H = G.subgraph(comp)
            has_weight = weight and all(isinstance(d.get(weight), (int, float)) for _, _, d in H.edges(data=True))
            local = _component_layout(H, seed, weight if has_weight else None)
        boxes.append((comp, local, radius))
    margin = 1.5
    total = sum((2 * r + margin) ** 2 for _, _, r in boxes)
    row_width = max([2 * r + margin for _, _, r in boxes] + [math.sqrt(total) * 1.3]) if boxes else 0
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for comp, local, r in boxes:
        side = 2 * r + margin
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in local.items():
            pos[n] = (x + side / 2 + px, y + side / 2 + py)
        x += side
        row_height = max(row_height, side)
    return pos


def importance(m: "NetworkMap") -> list:
    """Nodes most important first: the ego centre, then by the size measure (partners
    or euros), then by partners and label. Labels are shown in this order.

    >>> m = style_map(nx.star_graph(3), seed=1)
    >>> importance(m)[0]
    0
    """
    G = m.graph
    return sorted(G, key=lambda n: (n != m.centre, -m.sizes.get(n, 0.0), -G.degree(n),
                                    str(G.nodes[n].get("label", n)), str(n)))


def _categorical(assign: dict, order: list, other_label: str) -> tuple[dict, list[LegendItem], dict]:
    """Colours for categories in ``order``: the first ``len(PALETTE)`` get their own colour, the rest
    (and ``None``) share OTHER_COLOUR under ``other_label``."""
    own = list(order[:len(PALETTE)])
    colour_of = {cat: PALETTE[i] for i, cat in enumerate(own)}
    colours, groups = {}, {}
    for n, cat in assign.items():
        if cat in colour_of:
            colours[n], groups[n] = colour_of[cat], str(cat)
        else:
            colours[n], groups[n] = OTHER_COLOUR, other_label
    legend = [LegendItem(str(cat), colour_of[cat]) for cat in own]
    if any(c == OTHER_COLOUR for c in colours.values()):
        legend.append(LegendItem(other_label, OTHER_COLOUR))
    return colours, legend, groups


def _main_theme(G: nx.Graph, n) -> Optional[str]:
    projects = G.graph.get("projects", {})
    counts = Counter(t for p in G.nodes[n].get("projects", ()) for t in projects.get(p, {}).get("themes", ()))
    if not counts:
        counts = Counter(G.nodes[n].get("themes", ()))
    return min(counts, key=lambda t: (-counts[t], t)) if counts else None


_HUB_LABEL = f"project of more than {HUB_LIMIT} organisations (one node)"


def style_map(G: nx.Graph, *, colour: str = "cluster", size: str = "degree", seed: Optional[int] = 0,
              title: str = "Collaboration network", subtitle: str = "", centre=None,
              positions: Optional[dict] = None) -> NetworkMap:
    """Colour nodes by Louvain ``cluster`` (seeded), organisation ``type`` or main
    ``theme``; size them by ``degree`` (partners) or ``funding``; lay them out."""
    if colour not in COLOUR_BY:
        raise MapError(f"unknown colouring {colour!r}; choose from {', '.join(COLOUR_BY)}")
    if size not in SIZE_BY:
        raise MapError(f"unknown size {size!r}; choose from {', '.join(SIZE_BY)}")
    if colour == "cluster":
        found = clusters(G, seed=seed)
        groups_ = [c for c in found.clusters if c.size > 1]
        assign = {n: c.name for c in groups_ for n in c.members}
        assign.update({n: None for c in found.clusters if c.size == 1 for n in c.members})
        order = list(dict.fromkeys(c.name for c in groups_))
        colours, legend, groups = _categorical(assign, order, "other clusters / no partners")
        legend_title = f"Collaboration clusters (Louvain, seed {seed})"
    elif colour == "type":
        assign = {n: TYPE_LABELS.get(G.nodes[n].get("type", "OtherOrganisation"),
                                     str(G.nodes[n].get("type"))) for n in G}
        counts = Counter(t for t in assign.values() if t != TYPE_LABELS["OtherOrganisation"])
        order = sorted(counts, key=lambda t: (-counts[t], t))
        colours, legend, groups = _categorical(assign, order, "other types")
        legend_title = "Organisation type"
    else:
        assign = {n: _main_theme(G, n) for n in G}
        counts = Counter(t for t in assign.values() if t is not None)
        order = sorted(counts, key=lambda t: (-counts[t], t))
        colours, legend, groups = _categorical(assign, order, "other themes / no theme")
        legend_title = "Main theme (most projects)"
    hubs = [n for n in G if G.nodes[n].get("kind") == "project"]
    if hubs:                                    # large projects drawn as one node (see HUB_LIMIT)
        for n in hubs:
            colours[n], groups[n] = PROJECT_COLOUR, _HUB_LABEL
        legend.append(LegendItem(_HUB_LABEL, PROJECT_COLOUR))
    if size == "degree":
        values = {n: float(G.degree(n)) for n in G}
    else:
        values = {n: float(G.nodes[n].get("funding") or 0.0) for n in G}
    top = max((v for n, v in values.items() if G.nodes[n].get("kind") != "project"), default=0.0)
    sizes = {n: min(1.0, math.sqrt(v / top)) if top > 0 else 0.0 for n, v in values.items()}
    return NetworkMap(graph=G, positions=positions if positions is not None else layout(G, seed=seed),
                      colours=colours, sizes=sizes, legend=legend, legend_title=legend_title, size_by=size,
                      title=title, subtitle=subtitle, centre=centre, physics=len(G) <= PHYSICS_LIMIT,
                      groups=groups, seed=seed)
