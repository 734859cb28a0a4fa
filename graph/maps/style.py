"""How a collaboration map looks: colours, sizes, legend and a seeded layout.

Shared by the interactive HTML map (:mod:`graph.map_html`) and the static
figures (:mod:`graph.figures`), so both show the same thing.

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

from hankeverkko.graph.network.analysis import clusters
from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.network.views import ORGANISATION_TYPES, TYPE_LABELS

__all__ = ["COLOUR_BY", "SIZE_BY", "MapError", "LegendItem", "NetworkMap", "style_map", "layout",
           "PALETTE", "TYPE_COLOURS", "OTHER_COLOUR"]

COLOUR_BY = ("cluster", "type", "theme")
SIZE_BY = ("degree", "funding")
#: categorical colours (colour-blind-aware, Okabe–Ito first, then Tableau-like)
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#332288",
           "#117733", "#882255", "#44aa99", "#999933", "#aa4499", "#6699cc", "#dd7788")
OTHER_COLOUR = "#b4b4b4"
TYPE_COLOURS = dict(zip(ORGANISATION_TYPES, (
    "#332288", "#6699cc", "#88ccee", "#009e73", "#44aa99", "#117733", "#999933", "#cc79a7",
    "#aa4499", "#e69f00", "#882255", "#d55e00", "#0072b2", OTHER_COLOUR)))
_HEX = re.compile(r"#[0-9a-f]{6}")
#: above this many nodes the map opens with the precomputed layout and physics off
PHYSICS_LIMIT = 150


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


def layout(G: nx.Graph, seed: Optional[int] = 0, weight: Optional[str] = "weight") -> dict:
    """Positions from ``networkx.spring_layout`` (seeded) per connected component,
    components packed in rows, largest first (top left; y grows downwards as on screen).

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
            local = nx.spring_layout(H, seed=seed, weight=weight if has_weight else None)
        boxes.append((comp, {n: (float(x) * radius, float(y) * radius) for n, (x, y) in local.items()}, radius))
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


def _categorical(assign: dict, order: list, other_label: str, limit: int) -> tuple[dict, list[LegendItem], dict]:
    """Colours for categories in ``order`` (first ``limit - 1`` get their own colour)."""
    own = order[:limit - 1] if len(order) > limit else order
    colour_of = {cat: PALETTE[i % len(PALETTE)] for i, cat in enumerate(own)}
    colours, groups = {}, {}
    for n, cat in assign.items():
        if cat in colour_of:
            colours[n], groups[n] = colour_of[cat], cat
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


def style_map(G: nx.Graph, *, colour: str = "cluster", size: str = "degree", seed: Optional[int] = 0,
              title: str = "Collaboration network", subtitle: str = "", centre=None,
              positions: Optional[dict] = None, legend_limit: int = 12) -> NetworkMap:
    """Colour nodes by Louvain ``cluster`` (seeded), organisation ``type`` or main
    ``theme``; size them by ``degree`` (partners) or ``funding``; lay them out."""
    if colour not in COLOUR_BY:
        raise MapError(f"unknown colouring {colour!r}; choose from {', '.join(COLOUR_BY)}")
    if size not in SIZE_BY:
        raise MapError(f"unknown size {size!r}; choose from {', '.join(SIZE_BY)}")
    if colour == "cluster":
        found = clusters(G, seed=seed)
        groups_ = [c for c in found.clusters if c.size > 1]
        assign = {n: f"cluster {c.index}: {c.leading[0]} …" for c in groups_ for n in c.members}
        assign.update({n: None for c in found.clusters if c.size == 1 for n in c.members})
        order = [f"cluster {c.index}: {c.leading[0]} …" for c in groups_]
        colours, legend, groups = _categorical(assign, order, "other clusters / no partners", legend_limit)
        legend_title = f"Collaboration clusters (Louvain, seed {seed})"
    elif colour == "type":
        assign = {n: G.nodes[n].get("type", "OtherOrganisation") for n in G}
        present = [t for t in ORGANISATION_TYPES if t in assign.values()]
        colours = {n: TYPE_COLOURS.get(t, OTHER_COLOUR) for n, t in assign.items()}
        groups = {n: TYPE_LABELS.get(t, str(t)) for n, t in assign.items()}
        legend = [LegendItem(TYPE_LABELS[t], TYPE_COLOURS[t]) for t in present]
        legend_title = "Organisation type"
    else:
        assign = {n: _main_theme(G, n) for n in G}
        counts = Counter(t for t in assign.values() if t is not None)
        order = sorted(counts, key=lambda t: (-counts[t], t))
        colours, legend, groups = _categorical(assign, order, "other themes / no theme", legend_limit)
        legend_title = "Main theme (most projects)"
    if size == "degree":
        values = {n: float(G.degree(n)) for n in G}
    else:
        values = {n: float(G.nodes[n].get("funding") or 0.0) for n in G}
    top = max(values.values(), default=0.0)
    sizes = {n: math.sqrt(v / top) if top > 0 else 0.0 for n, v in values.items()}
    return NetworkMap(graph=G, positions=positions if positions is not None else layout(G, seed=seed),
                      colours=colours, sizes=sizes, legend=legend, legend_title=legend_title, size_by=size,
                      title=title, subtitle=subtitle, centre=centre, physics=len(G) <= PHYSICS_LIMIT,
                      groups=groups, seed=seed)
