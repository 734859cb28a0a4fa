"""Static network figures (PNG, SVG) for printed reports, drawn with matplotlib's Agg canvas.

The same styling as the interactive map (:mod:`hankeverkko.graph.maps.style`): colours
(Paul Tol's colour-blind-safe "muted" scheme, nine categories and "other"),
sizes and the seeded layout. What a printed page needs:

* a title and a subtitle saying what is shown (theme, period, roles, types,
  the date of the data), both wrapped, never cut;
* the ``labels`` most important organisations named (default: chosen from
  the graph size by :func:`label_count`), in full, each placed by
  :func:`place_labels` where it overlaps no other label, the legend or the
  edge of the canvas; a thin leader line joins a moved label to its node;
* the legend inside the figure, below the network;
* organisations without partners summarised in one line of text instead of
  rows of dots;
* a size for an A4 page (``width_cm``, default 17 cm = A4 minus 2 cm margins,
  height ¾ of it) and ``dpi`` for PNG;
* SVG text kept as text (``svg.fonttype: none``) in DejaVu Sans, which ships
  with matplotlib and has every Finnish letter; matplotlib escapes it as XML
  and never parses it as math, so names cannot inject markup.

>>> import networkx as nx
>>> from hankeverkko.graph.maps.style import style_map
>>> render_figure(style_map(nx.path_graph(3)), "png", dpi=50)[:8]
b'\\x89PNG\\r\\n\\x1a\\n'
>>> label_count(10), label_count(125), label_count(2000)
(10, 12, 25)
"""
from __future__ import annotations

import io
import math
import textwrap
from typing import Optional

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from hankeverkko.graph.maps.style import MapError, NetworkMap, importance
from hankeverkko.graph.maps.words import finnish_text

__all__ = ["FIGURE_FORMATS", "A4_WIDTH_CM", "FONT", "render_figure", "label_count", "place_labels",
           "parse_width"]

FIGURE_FORMATS = ("png", "svg")
#: A4 (21 cm) minus 2 cm margins on both sides
A4_WIDTH_CM = 17.0
#: ships with matplotlib, so it is always there; has å, ä, ö and every other Finnish letter
FONT = "DejaVu Sans"
_CM = 1 / 2.54
_TEXT = {
    "en": {"alone": "+ {n} organisations without partners (not drawn)",
           "alone1": "+ 1 organisation without partners (not drawn)",
           "counts": "{nodes} organisations, {edges} partnerships", "size": "{size}"},
    "fi": {"alone": "+ {n} organisaatiota ilman kumppaneita (ei piirretty)",
           "alone1": "+ 1 organisaatio ilman kumppaneita (ei piirretty)",
           "counts": "{nodes} organisaatiota, {edges} kumppanuutta", "size": "{size}"},
}


def _plain(text: str) -> str:
    """Text matplotlib shows as written (``$`` would start math mode)."""
    return str(text).replace("$", r"\$")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False)) or str(text)


def label_count(n_nodes: int) -> int:
    """How many organisations a figure names: all of a small graph, about 1.1·√n of a
    larger one, 25 at most (more would not fit an A4 page legibly)."""
    if n_nodes <= 10:
        return n_nodes
    return max(10, min(25, round(1.1 * math.sqrt(n_nodes))))


def parse_width(text: str) -> float:
    """A figure width in centimetres from ``"17cm"``, ``"170mm"``, ``"6.7in"`` or a bare
    number (centimetres).

    >>> parse_width("17cm"), parse_width("6.5in"), parse_width("12"), parse_width("80 mm")
    (17.0, 16.51, 12.0, 8.0)
    """
    t = str(text).strip().lower().replace(",", ".")
    for unit, factor in (("cm", 1.0), ("mm", 0.1), ("in", 2.54), ("\"", 2.54)):
        if t.endswith(unit):
            t, scale = t[:-len(unit)].strip(), factor
            break
    else:
        scale = 1.0
    try:
        value = float(t) * scale
    except ValueError as e:
        raise MapError(f"{text!r} is not a width; write e.g. 17cm, 170mm or 6.7in") from e
    if not 4.0 <= value <= 120.0:
        raise MapError(f"width {text!r} is {value:g} cm; give 4–120 cm")
    return round(value, 2)


def _candidates(step: float, rings: int):
    """Offsets (in pixels) around a point, nearest first: more directions on wider rings."""
    yield (0.0, 0.0)
    for ring in range(1, rings + 1):
        r = ring * step
        k = 12 + 4 * (ring // 4)
        for i in range(k):
            a = math.pi / 2 - i * 2 * math.pi / k          # start above, go clockwise
            yield (r * math.cos(a) * 1.6, r * math.sin(a))


def place_labels(boxes: list[Bbox], obstacles: list[Bbox], frame: Bbox,
                 step: float) -> list[Optional[tuple[float, float]]]:
    """Greedy placement: for each label in priority order, the nearest offset from its
    starting box (on rings around it) where its box overlaps no placed label, no obstacle
    (legend, title) and stays inside ``frame``. ``boxes`` are the labels' boxes centred
    on their anchors (display pixels). Returns offsets; ``None`` only if no ring fits.

    A deterministic greedy search rather than adjustText: adjustText's repulsion
    minimises overlaps but does not promise none, and it is another dependency.

    >>> b = Bbox.from_bounds(-5, -2, 10, 4)
    >>> [(round(x), round(y)) for x, y in place_labels([b, b], [], Bbox.from_bounds(-50, -50, 100, 100), 5)]
    [(0, 0), (0, 5)]
    """
    placed: list[Bbox] = []
    out: list[Optional[tuple[float, float]]] = []
    rings = int(max(frame.width, frame.height) / step) + 1          # as far as the whole frame
    for box in boxes:
        found = None
        for dx, dy in _candidates(step, rings):
            cand = box.translated(dx, dy)
            if cand.x0 < frame.x0 or cand.x1 > frame.x1 or cand.y0 < frame.y0 or cand.y1 > frame.y1:
                continue
            grown = cand.expanded(1.04, 1.15)
            if any(grown.overlaps(p) for p in placed) or any(cand.overlaps(o) for o in obstacles):
                continue
            found = (dx, dy)
            placed.append(cand)
            break
        out.append(found)
    return out


def render_figure(m: NetworkMap, fmt: str = "png", *, labels: Optional[int] = None, dpi: int = 300,
                  width_cm: float = A4_WIDTH_CM, height_cm: Optional[float] = None, lang: str = "en") -> bytes:
    """``m`` as PNG or SVG bytes for a printed page (see the module docstring)."""
    return _render(m, fmt, labels=labels, dpi=dpi, width_cm=width_cm, height_cm=height_cm, lang=lang)[0]


def _render(m: NetworkMap, fmt: str, *, labels: Optional[int], dpi: int, width_cm: float,
            height_cm: Optional[float], lang: str):
    """(bytes, figure, label Text objects, legend) — the figure objects for tests."""
    if fmt not in FIGURE_FORMATS:
        raise MapError(f"unknown figure format {fmt!r}; choose from {', '.join(FIGURE_FORMATS)}")
    if dpi < 50 or dpi > 1200:
        raise MapError(f"dpi {dpi} is out of range; give 50–1200")
    text = _TEXT.get(lang, _TEXT["en"])
    width_in = width_cm * _CM
    height_in = (height_cm * _CM) if height_cm else width_in * 0.75
    rc = {"svg.fonttype": "none", "svg.hashsalt": "hankeverkko", "text.usetex": False,
          "font.family": "sans-serif", "font.sans-serif": [FONT], "axes.unicode_minus": False}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
        FigureCanvasAgg(fig)
        G = m.graph
        alone = [n for n in G if G.degree(n) == 0 and n != m.centre]
        drawn = [n for n in G if n not in set(alone)]
        chars = max(40, int(width_cm * 5.2))                 # characters per title line at 13 pt
        sup = fig.suptitle(_plain(_wrap(m.title, chars)), fontsize=12, fontweight="bold")
        sup.set_gid("title")
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_aspect("equal")
        size = finnish_text(m.size_label) if lang == "fi" else m.size_label
        notes = [size, text["counts"].format(nodes=G.number_of_nodes(), edges=G.number_of_edges())]
        if alone:
            notes.append(text["alone1"] if len(alone) == 1 else text["alone"].format(n=len(alone)))
        subtitle = "\n".join(x for x in (_wrap(m.subtitle, int(chars * 1.45)),
                                          _wrap(" · ".join(notes), int(chars * 1.6))) if x)
        ax.set_title(_plain(subtitle), fontsize=7.5, color="#333333", loc="center", linespacing=1.3)
        ax.title.set_gid("subtitle")
        pos = {n: (x, -y) for n, (x, y) in m.positions.items()}   # layouts are in screen order (y down)
        scale_pt = width_cm / A4_WIDTH_CM                       # marker sizes follow the page width
        area = {n: (6 + 160 * m.sizes.get(n, 0.0)) * scale_pt ** 2 for n in drawn}    # points²
        if drawn:
            segments = [(pos[u], pos[v]) for u, v in G.edges if u in area and v in area]
            if segments:
                widths = [(0.25 + 0.35 * min(d.get("weight", 1), 6)) * scale_pt for _, _, d in G.edges(data=True)]
                ax.add_collection(LineCollection(segments, colors="#9e9e9e", linewidths=widths, alpha=0.55,
                                                 zorder=1))
            ax.scatter([pos[n][0] for n in drawn], [pos[n][1] for n in drawn], s=[area[n] for n in drawn],
                       c=[m.colours[n] for n in drawn],
                       edgecolors=["#000000" if n == m.centre else "#ffffff" for n in drawn],
                       linewidths=[1.6 if n == m.centre else 0.4 for n in drawn], zorder=2)
            xs, ys = [pos[n][0] for n in drawn], [pos[n][1] for n in drawn]
            pad = 0.06 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(min(ys) - pad, max(ys) + pad)
        ncols = 2 if len(m.legend) > 3 else 1
        per_col = int(width_cm / ncols * 28.35 / (0.56 * 6.5)) - 8        # characters that fit a column
        handles = [Line2D([], [], linestyle="none", marker="o", markersize=6, markerfacecolor=item.colour,
                          markeredgecolor="#555555", markeredgewidth=0.4, label=_plain(_wrap(item.label, per_col)))
                   for item in m.legend]
        legend = None
        if handles:
            legend = fig.legend(handles=handles, title=_plain(m.legend_title), loc="outside lower center",
                                ncols=ncols, fontsize=6.5, title_fontsize=7.5, frameon=False, alignment="left",
                                columnspacing=1.2, handletextpad=0.4)
            legend.set_gid("legend")
        fig.get_layout_engine().set(h_pad=0.08, w_pad=0.04)
        fig.canvas.draw()
        fig.set_layout_engine("none")                  # freeze the layout, then place the labels in it
        texts = _draw_labels(fig, ax, m, pos, area, labels, [legend, sup, ax.title], dpi)
        buf = io.BytesIO()
        metadata: Optional[dict] = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return buf.getvalue(), fig, texts, legend


def _draw_labels(fig, ax, m, pos, area, labels, fixed, dpi) -> list:
    G = m.graph
    renderer = fig.canvas.get_renderer()
    wanted = [n for n in importance(m) if n in area]
    count = label_count(len(wanted)) if labels is None else max(0, min(labels, len(wanted)))
    frame = ax.get_window_extent(renderer)
    frame = Bbox.from_extents(2, frame.y0, fig.bbox.x1 - 2, frame.y1)
    obstacles = [t.get_window_extent(renderer) for t in fixed if t is not None]
    to_px = ax.transData.transform
    # markers of the labelled nodes are obstacles too (a label may cover a small dot, not a named one)
    px_per_pt = dpi / 72
    chosen = wanted[:count]
    dots = [Bbox.from_bounds(*(to_px(pos[n]) - math.sqrt(area[n] / math.pi) * px_per_pt),
                             *(2 * math.sqrt(area[n] / math.pi) * px_per_pt,) * 2) for n in chosen]
    texts, boxes, anchors = [], [], []
    for n in chosen:
        x, y = pos[n]
        t = ax.text(x, y, _plain(_wrap(G.nodes[n].get("label", n), 28)), fontsize=6.2, ha="center",
                    va="center", zorder=4, linespacing=1.0,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "#bbbbbb", "lw": 0.3, "alpha": 0.9})
        t.set_gid(f"node-label-{len(texts)}")
        t.set_in_layout(False)
        texts.append(t)
        box = t.get_window_extent(renderer).padded(0.15 * 6.2 * px_per_pt + 1)   # with its white box
        r = math.sqrt(area[n] / math.pi) * px_per_pt
        boxes.append(box.translated(0, r + box.height / 2 + 1))     # start just above the dot
        anchors.append(tuple(to_px((x, y))))
    offsets = [None] * len(texts)
    for attempt in range(2):
        # first try keeping clear of the named dots; if some label finds no place, drop that wish
        obst = obstacles + (dots if attempt == 0 else [])
        offsets = place_labels(boxes, obst, frame, step=max(4.0, 2.5 * px_per_pt))
        if all(o is not None for o in offsets):
            break
    inverse = ax.transData.inverted()
    for t, box, anchor, off, n in zip(texts, boxes, anchors, offsets, chosen):
        if off is None:                                    # nowhere to put it: a last resort, not silent
            off = (0.0, 0.0)
        cx, cy = box.x0 + box.width / 2 + off[0], box.y0 + box.height / 2 + off[1]
        t.set_position(inverse.transform((cx, cy)))
        r = math.sqrt(area[n] / math.pi) * px_per_pt
        if math.hypot(cx - anchor[0], cy - anchor[1]) > r + box.height:
            ax.add_line(Line2D(*zip(inverse.transform(anchor), inverse.transform((cx, cy))), color="#777777",
                               linewidth=0.35, zorder=3))
    return texts


def figure_layout(m: NetworkMap, fmt: str = "svg", **kw) -> dict:
    """Where things landed in ``render_figure(m, fmt, **kw)``, in display pixels, for tests:
    ``labels`` (boxes of the node labels), ``legend``, ``figure`` (the canvas)."""
    data, fig, texts, legend = _render(m, fmt, labels=kw.get("labels"), dpi=kw.get("dpi", 100),
                                       width_cm=kw.get("width_cm", A4_WIDTH_CM), height_cm=kw.get("height_cm"),
                                       lang=kw.get("lang", "en"))
    renderer = fig.canvas.get_renderer()
    return {"bytes": data, "labels": [t.get_bbox_patch().get_window_extent(renderer) for t in texts],
            "label_texts": [t.get_text() for t in texts],
            "legend": legend.get_window_extent(renderer) if legend is not None else None,
            "figure": fig.bbox}
