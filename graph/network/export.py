"""Collaboration networks as files for other tools, written atomically.

* GEXF and GraphML (Gephi, Cytoscape, yEd): NetworkX writers; list
  attributes become ``"; "``-joined text, missing values are left out and a
  numeric attribute is float everywhere if it is float anywhere.
* CSV node and edge tables (Excel, Kumu): ``nodes.csv`` starts with ``ID``
  and ``Label``, ``edges.csv`` with ``From``, ``To`` and ``Strength`` (Kumu's
  column names); several values in a cell are ``|``-separated (Kumu's
  convention); UTF-8 with a byte-order mark so Excel shows ä and ö; a text
  cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab gets a leading
  ``'`` so spreadsheets do not run it as a formula.
* VOSviewer JSON: ``network.items`` (``id``, ``label``, ``cluster``,
  ``weights``, ``scores``, ``description``), ``network.links`` (``source_id``,
  ``target_id``, ``strength``) and ``network.clusters``.

>>> import networkx as nx
>>> H = scalar_graph(nx.Graph([("a", "b", {"projects": ["p1", "p2"], "note": None})]))
>>> H.edges["a", "b"]
{'projects': 'p1; p2'}
"""
from __future__ import annotations

import csv
import html
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.atomic import write_atomic

__all__ = ["ExportError", "EXPORT_FORMATS", "EXPORT_FILES", "scalar_graph", "gexf_bytes", "graphml_bytes", "csv_tables",
           "vosviewer_json", "export_network"]

#: format -> the files it writes in the output folder
EXPORT_FILES = {"gexf": ("network.gexf",), "graphml": ("network.graphml",),
                "csv": ("nodes.csv", "edges.csv"), "vosviewer": ("network_vosviewer.json",)}
EXPORT_FORMATS = tuple(EXPORT_FILES)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(HankeverkkoError):
    """An export format or output folder cannot be used."""


def _scalar(value, sep: str):
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return sep.join(str(v) for v in items)
    return str(value)


def _harmonise(records: Iterable[dict]) -> None:
    """Make each attribute one type across records: float if int and float mix, else text."""
    records = list(records)
    kinds: dict[str, set] = {}
    for d in records:
        for k, v in d.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else float if isinstance(v, float)
                                           else int if isinstance(v, int) else str)
    for k, ks in kinds.items():
        if len(ks) == 1:
            continue
        target = float if ks <= {int, float} else str
        for d in records:
            if k in d:
                d[k] = target(d[k])


def scalar_graph(G: nx.Graph, sep: str = "; ") -> nx.Graph:
    """A copy of ``G`` whose attributes are all scalars (what GEXF and GraphML can hold)."""
    H = G.__class__()
    H.graph["name"] = str(G.graph.get("name", ""))
    for key, value in G.graph.get("filters", {}).items():
        if value:
            H.graph[f"filter_{key}"] = _scalar(value, sep)
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _scalar(v, sep) for k, v in d.items() if v is not None})
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, **{k: _scalar(x, sep) for k, x in d.items() if x is not None})
    _harmonise(d for _, d in H.nodes(data=True))
    _harmonise(d for _, _, d in H.edges(data=True))
    return H


def gexf_bytes(G: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(scalar_graph(G), buf)
    return buf.getvalue()


def graphml_bytes(G: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(G), buf)
    return buf.getvalue()


def _cell(value) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows([[_cell(c) for c in row] for row in rows])
    return buf.getvalue().encode("utf-8-sig")


def _title(key: str) -> str:
    return {"type": "Type class", "type_label": "Type", "alt_labels": "Other names", "pagerank": "PageRank",
            "project_count": "Project count", "weight": "Strength"}.get(key, key.replace("_", " ").capitalize())


def csv_tables(G: nx.Graph) -> tuple[bytes, bytes]:
    """(nodes.csv, edges.csv) as bytes."""
    H = scalar_graph(G, sep="|")
    node_keys = sorted({k for _, d in H.nodes(data=True) for k in d} - {"label", "type_label"})
    node_header = ["ID", "Label", "Type"] + [_title(k) for k in node_keys]
    node_rows = [[str(n), d.get("label", str(n)), d.get("type_label", "")] + [d.get(k, "") for k in node_keys]
                 for n, d in H.nodes(data=True)]
    edge_keys = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"weight"})
    edge_header = ["From", "To", "Strength"] + [_title(k) for k in edge_keys]
    edge_rows = [[str(u), str(v), d.get("weight", 1)] + [d.get(k, "") for k in edge_keys]
                 for u, v, d in H.edges(data=True)]
    return _csv(node_header, node_rows), _csv(edge_header, edge_rows)


def vosviewer_json(G: nx.Graph, positions: dict | None = None) -> dict:
    """The VOSviewer JSON document for ``G`` (clusters from the node attribute ``cluster``)."""
    ids = {n: i for i, n in enumerate(G, 1)}
    wdeg = dict(G.degree(weight="weight"))
    items, cluster_labels = [], {}
    for n, d in G.nodes(data=True):
        label = str(d.get("label", n))
        item = {"id": ids[n], "label": label,
                "weights": {"Partners": G.degree(n), "Shared projects": wdeg[n],
                            "Projects": int(d.get("project_count", len(d.get("projects", ()))))},
                "scores": {k: float(d[key]) for k, key in (("Betweenness", "betweenness"), ("PageRank", "pagerank"))
                           if isinstance(d.get(key), (int, float))}}
        parts = [d.get("type_label", ""), "; ".join(d.get("themes", ()))]
        item["description"] = "<br>".join(html.escape(str(p)) for p in parts if p)
        if str(n).startswith(("https://", "http://")):
            item["url"] = str(n)
        cluster = d.get("cluster")
        if isinstance(cluster, int) and 1 <= cluster <= 1000:
            item["cluster"] = cluster
            if cluster not in cluster_labels or wdeg[n] > cluster_labels[cluster][0]:
                cluster_labels[cluster] = (wdeg[n], label)
        if positions and n in positions:
            item["x"], item["y"] = float(positions[n][0]), float(-positions[n][1])
        if not item["scores"]:
            del item["scores"]
        items.append(item)
    links = [{"source_id": ids[u], "target_id": ids[v], "strength": float(d.get("weight", 1))}
             for u, v, d in G.edges(data=True)]
    clusters = [{"cluster": c, "label": f"{c}: {label}"} for c, (_, label) in sorted(cluster_labels.items())]
    return {"network": {"items": items, "links": links, "clusters": clusters}}


def export_network(G: nx.Graph, out_dir: str | Path, formats: Sequence[str] = EXPORT_FORMATS) -> list[Path]:
    """Write ``G`` in ``formats`` into ``out_dir`` (created if missing); the paths written."""
    unknown = [f for f in formats if f not in EXPORT_FILES]
    if unknown:
        raise ExportError(f"unknown export format {unknown[0]!r}; choose from {', '.join(EXPORT_FORMATS)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; give a folder for the exports")
    written = []
    for fmt in formats:
        if fmt == "gexf":
            written.append(write_atomic(out / "network.gexf", gexf_bytes(G)))
        elif fmt == "graphml":
            written.append(write_atomic(out / "network.graphml", graphml_bytes(G)))
        elif fmt == "csv":
            nodes, edges = csv_tables(G)
            written += [write_atomic(out / "nodes.csv", nodes), write_atomic(out / "edges.csv", edges)]
        else:
            doc = vosviewer_json(G)
            written.append(write_atomic(out / "network_vosviewer.json",
                                        json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"))
    return written
