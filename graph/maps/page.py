"""A styled network map as one self-contained, offline HTML page.

Wraps the vis-network library that pyvis 0.3.2 bundles (its own
``lib/vis-9.1.2`` files, inlined) with our template instead of pyvis's,
because pyvis's page loads Bootstrap and vis from CDNs, writes ``lib/`` into
the current directory and puts unescaped headings and titles into the page.

Here: the template autoescapes (Jinja2), the graph data travels as JSON in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&``
escaped, and the page's script renders tooltips and details as text nodes
(never ``innerHTML``). A Content-Security-Policy meta tag forbids every
network load, so the page cannot fetch anything even if asked to.

>>> import networkx as nx
>>> html = render_html(style_map(nx.Graph([("a", "b")]), title="A & B <i>"))
>>> "<h1>A &amp; B &lt;i&gt;</h1>" in html, "https://" in html.split("<script>")[0]
(True, False)
"""
from __future__ import annotations

import importlib.metadata
import json
import math
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from hankeverkko.graph.maps.style import PERIOD_CHOICES, MapError, NetworkMap, importance, style_map
from hankeverkko.graph.network.vocabulary import TYPE_LABELS

__all__ = ["render_html", "map_payload", "vis_assets", "label_top", "VIS_VERSION"]

VIS_VERSION = "9.1.2"
#: px per layout unit, and the node size range (vis ``scaling``)
_SCALE = 70
_MIN_SIZE, _MAX_SIZE = 8, 42
#: bytes of map data a page may hold (the page adds ~0.7 MB of vis-network); beyond it
#: long lists are cut and the weakest partnerships left out, and the page says so
PAGE_BUDGET = 19_000_000


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("hankeverkko.graph.maps", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def _template_text(name: str) -> str:
    return resources.files("hankeverkko.graph.maps").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(JavaScript, CSS) of vis-network from the installed pyvis package."""
    folder = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
    try:
        js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise MapError(f"vis-network {VIS_VERSION} is not in the installed pyvis package ({folder}); "
                       "install pyvis==0.3.2") from e
    return js, css


def _inline(text: str, tag: str) -> Markup:
    """Trusted asset text for a ``<script>``/``<style>`` element (it must not close the element)."""
    if f"</{tag}" in text.lower():
        raise MapError(f"an inlined asset contains '</{tag}' and would break the page")
    return Markup(text)


def _json_for_script(obj) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


def label_top(n_nodes: int) -> int:
    """How many labels the page shows at first paint (the most important organisations);
    zooming in shows more, four times as many for every doubling of the scale.

    >>> label_top(5), label_top(125), label_top(2000)
    (5, 13, 40)
    """
    return min(n_nodes, max(10, min(40, round(1.2 * math.sqrt(n_nodes)))))


def map_payload(m: NetworkMap, budget: int = PAGE_BUDGET) -> dict:
    """The JSON the page reads: nodes, edges, vis options and the ego centre; kept under
    ``budget`` bytes (``omitted`` says what was left out, see :func:`_fit_budget`)."""
    G = m.graph
    projects = G.graph.get("projects", {})
    ids = {n: str(n) for n in G}
    rank = {n: i for i, n in enumerate(importance(m))}
    nodes = []
    for n, d in G.nodes(data=True):
        name = str(d.get("label", n))
        item = {
            "id": ids[n], "name": name, "rank": rank[n],
            "typeLabel": str(d.get("type_label", "")), "altLabels": [str(a) for a in d.get("alt_labels", ())],
            "themes": [str(t) for t in d.get("themes", ())], "periods": [str(p) for p in d.get("periods", ())],
            "partners": G.degree(n), "projectCount": int(d.get("project_count", len(d.get("projects", ())))),
            "projects": [{"label": str(projects.get(p, {}).get("label", p)),
                          "themes": [str(t) for t in projects.get(p, {}).get("themes", ())],
                          "roles": [str(r) for r in projects.get(p, {}).get("roles", {}).get(n, ())]}
                         for p in d.get("projects", ())],
            "funding": float(d.get("funding") or 0.0), "fundingBasis": str(d.get("funding_basis", "")),
            "group": m.groups.get(n, ""), "color": m.colours[n], "value": round(m.sizes[n], 4),
            "centre": n == m.centre,
        }
        x, y = m.positions[n]
        item["x"], item["y"] = round(x * _SCALE, 1), round(y * _SCALE, 1)
        nodes.append(item)
    for item, (n, d) in zip(nodes, G.nodes(data=True)):
        if d.get("kind") == "project":          # a large project drawn as one node (maps.style.HUB_LIMIT)
            item["shape"] = "square"
            item["typeLabel"] = f"project: {G.degree(n)} organisations, drawn as one node"
            item["projects"] = []
    edges = [{"from": ids[u], "to": ids[v], "weight": d.get("weight", 1),
              "width": round(1 + 1.5 * math.log2(max(1, d.get("weight", 1))), 2),
              "projects": [str(p) for p in d.get("project_labels", d.get("projects", ()))],
              "themes": [str(t) for t in d.get("themes", ())]}
             for u, v, d in G.edges(data=True)]
    large = len(G) > 500
    options = {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": m.physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": m.physics, "iterations": 150, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 170},          # long names wrap; never cut
                  "scaling": {"min": _MIN_SIZE, "max": _MAX_SIZE,
                              "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 4,
                                        "maxVisible": 40}}},
        "edges": {"smooth": False, "color": {"color": "#bdbdbd", "highlight": "#555555", "hover": "#777777"},
                  "selectionWidth": 1.5},
    }
    payload = {"nodes": nodes, "edges": edges, "options": options, "labelTop": label_top(len(G)),
               "centre": ids.get(m.centre) if m.centre is not None else None}
    omitted = _fit_budget(payload, budget)
    if omitted:
        payload["omitted"] = omitted
    return payload


def _size(obj) -> int:
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _fit_budget(payload: dict, budget: int) -> list[str]:
    """Keep the page's data under ``budget`` bytes; say what was left out.

    First the project lists are cut to what a tooltip shows (12 per organisation,
    10 per partnership; the counts stay whole), then the weakest partnerships
    (fewest shared projects, then least important ends) are left out of the
    drawing. Organisations are never left out; their partner counts stay true.
    """
    if budget <= 0 or _size(payload) <= budget:
        return []
    notes = []
    for n in payload["nodes"]:
        n["projects"] = n["projects"][:12]
    for e in payload["edges"]:
        e["projects"] = e["projects"][:10]
    notes.append("project lists cut to the 12 (organisation) or 10 (partnership) a tooltip shows")
    total = _size(payload)
    if total <= budget:
        return notes
    edges = payload["edges"]
    rank = {n["id"]: n["rank"] for n in payload["nodes"]}
    per_edge = [_size(e) + 1 for e in edges]
    order = sorted(range(len(edges)), key=lambda i: (edges[i]["weight"], -max(rank[edges[i]["from"]],
                                                                             rank[edges[i]["to"]]), i))
    drop, excess = set(), total - budget
    for i in order:
        if excess <= 0:
            break
        drop.add(i)
        excess -= per_edge[i]
    payload["edges"] = [e for i, e in enumerate(edges) if i not in drop]
    heaviest = max(edges[i]["weight"] for i in drop)
    notes.append(f"{len(drop):,} of {len(edges):,} partnerships (the weakest, {heaviest} shared "
                 f"project{'s' if heaviest != 1 else ''} or fewer) not drawn, to keep the page under "
                 f"{budget / 1e6:.0f} MB; partner counts still count them")
    return notes


def render_html(m: NetworkMap) -> str:
    """The page for ``m`` (one string; write it with :func:`hankeverkko.graph.atomic.write_atomic`)."""
    js, css = vis_assets()
    G = m.graph
    payload = map_payload(m)
    themes = sorted({str(t) for _, d in G.nodes(data=True) for t in d.get("themes", ())}, key=str.casefold)
    types = sorted({str(d["type_label"]) for _, d in G.nodes(data=True) if d.get("type_label")})
    filters = G.graph.get("filters", {})
    made_types = [TYPE_LABELS.get(t, str(t)) for t in filters.get("org_types") or ()]
    selected = {"theme": str(filters.get("theme") or ""), "period": str(filters.get("period") or ""),
                "type": "|".join(made_types)}
    if selected["theme"] and selected["theme"] not in themes:
        themes.append(selected["theme"])
    type_options = [(t, t) for t in types]
    if len(made_types) > 1:                  # a map made with several --type: one option for them all
        type_options.insert(0, (selected["type"], " + ".join(made_types)))
    try:
        version = importlib.metadata.version("hankeverkko")
    except importlib.metadata.PackageNotFoundError:
        version = "dev"
    return _env().get_template("network_map.html").render(
        title=m.title, subtitle=m.subtitle, version=version,
        node_count=G.number_of_nodes(), edge_count=G.number_of_edges(), size_label=m.size_label,
        themes=themes, type_options=type_options, periods=PERIOD_CHOICES, selected=selected,
        legend=m.legend, legend_title=m.legend_title,
        data_json=_json_for_script(payload), omitted=payload.get("omitted", []),
        vis_js=_inline(js, "script"), vis_css=_inline(css, "style"),
        map_js=_inline(_template_text("network_map.js"), "script"),
        map_css=_inline(_template_text("network_map.css"), "style"),
    )

