"""Static network figures (PNG, SVG) for reports, drawn with matplotlib's Agg canvas.

The same styling as the interactive map (:mod:`graph.map_style`): colours,
sizes, legend and the seeded layout. Labels are drawn for the largest nodes
only (and the ego centre); text is never parsed as math, and SVG text is
drawn as paths, so organisation names cannot inject markup.

>>> import networkx as nx
>>> from hankeverkko.graph.maps.style import style_map
>>> render_figure(style_map(nx.path_graph(3)), "png")[:8]
b'\\x89PNG\\r\\n\\x1a\\n'
"""
from __future__ import annotations

import io
import math
from typing import Optional

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from hankeverkko.graph.maps.style import MapError, NetworkMap

__all__ = ["FIGURE_FORMATS", "render_figure"]

FIGURE_FORMATS = ("png", "svg")


def _plain(text: str) -> str:
    """Text matplotlib shows as written (``$`` would start math mode)."""
    return str(text).replace("$", r"\$")


def _short(label: str, n: int = 36) -> str:
    return label if len(label) <= n else label[:n - 1] + "…"


def _drop_overlapping(fig: Figure, texts: list) -> None:
    """Remove labels that would overprint a more important one (``texts`` is in priority order)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    kept = []
    for t in texts:
        box = t.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(k) for k in kept):
            t.remove()
        else:
            kept.append(box)


def render_figure(m: NetworkMap, fmt: str = "png", *, labels: int = 12, dpi: int = 200,
                  size: tuple[float, float] = (11.0, 8.0)) -> bytes:
    """``m`` as PNG or SVG bytes, with a legend and the ``labels`` largest nodes named."""
    if fmt not in FIGURE_FORMATS:
        raise MapError(f"unknown figure format {fmt!r}; choose from {', '.join(FIGURE_FORMATS)}")
    G = m.graph
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    nodes, texts = list(G), []
    pos = {n: (x, -y) for n, (x, y) in m.positions.items()}     # layouts are in screen order (y down)
    if nodes:
        xy = [pos[n] for n in nodes]
        segments = [(pos[u], pos[v]) for u, v in G.edges]
        if segments:
            widths = [0.4 + 0.6 * min(d.get("weight", 1), 6) for _, _, d in G.edges(data=True)]
            ax.add_collection(LineCollection(segments, colors="#9e9e9e", linewidths=widths, alpha=0.6, zorder=1))
        area = {n: 15 + 300 * m.sizes[n] for n in nodes}      # points²
        ax.scatter([p[0] for p in xy], [p[1] for p in xy], s=[area[n] for n in nodes],
                   c=[m.colours[n] for n in nodes], edgecolors=["#222222" if n == m.centre else "#ffffff" for n in nodes],
                   linewidths=[2.0 if n == m.centre else 0.6 for n in nodes], zorder=2)
        named = sorted(nodes, key=lambda n: (n != m.centre, -m.sizes[n], str(G.nodes[n].get("label", n))))
        for n in named[:labels]:
            x, y = pos[n]
            texts.append(ax.annotate(
                _plain(_short(str(G.nodes[n].get("label", n)))), (x, y),
                xytext=(0, 2 + math.sqrt(area[n] / math.pi)), textcoords="offset points", ha="center",
                va="bottom", fontsize=7, zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7}))
        ax.autoscale_view()
        ax.margins(0.05)
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=8, markerfacecolor=item.colour,
                      markeredgecolor="#555555", label=_plain(_short(item.label, 48))) for item in m.legend]
    if handles:
        legend = ax.legend(handles=handles, title=_plain(m.legend_title), loc="upper left",
                           bbox_to_anchor=(1.01, 1.0), fontsize=8, title_fontsize=9, frameon=False)
        legend.set_gid("legend")
    fig.suptitle(_plain(m.title), fontsize=13)
    notes = [s for s in (m.subtitle, m.size_label, f"{G.number_of_nodes()} organisations, "
                         f"{G.number_of_edges()} partnerships") if s]
    fig.supxlabel(_plain(" · ".join(notes)), fontsize=8, color="#555555")
    _drop_overlapping(fig, texts)
    buf = io.BytesIO()
    rc = {"svg.fonttype": "path", "svg.hashsalt": "hankeverkko", "text.usetex": False}
    metadata: Optional[dict] = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context(rc):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return buf.getvalue()
