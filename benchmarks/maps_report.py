"""Time to write the map, the figure and the report for the bundled corpus and an invented
2,000-organisation network.  Run: ``PYTHONPATH=. python3 benchmarks/maps_report.py``."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hankeverkko.graph import maps                      # noqa: E402
from hankeverkko.graph.pipeline import build_sources    # noqa: E402
from hankeverkko.graph.report import make_report        # noqa: E402


def invented(n_components: int = 40, size: int = 50) -> nx.Graph:
    parts = [nx.powerlaw_cluster_graph(size, 2, 0.3, seed=i) for i in range(n_components)]
    G = nx.convert_node_labels_to_integers(nx.disjoint_union_all(parts))
    for n in G:
        G.nodes[n].update(label=f"Organisaatio {n}", type="Municipality" if n % 3 else "Company",
                          type_label="municipality" if n % 3 else "company", themes=[f"Teema {n % 7}"])
    return G


def timed(label, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<48} {time.perf_counter() - t:6.2f} s")
    return out


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="hv-bench-"))
    g = timed("build the bundled corpus", lambda: build_sources().graph)
    m = timed("corpus: prepare map (views + layout)", lambda: maps.prepare_map(g))
    timed("corpus: write map.html", lambda: maps.write_map(m, out / "map.html"))
    timed("corpus: write figure.png (300 dpi)", lambda: maps.write_map(m, out / "figure.png"))
    timed("corpus: write figure.svg", lambda: maps.write_map(m, out / "figure.svg"))
    timed("corpus: report.html (theme)", lambda: make_report(g, out / "r.html", theme="Jatkuva oppiminen"))
    timed("corpus: report.docx (theme)", lambda: make_report(g, out / "r.docx", theme="Jatkuva oppiminen"))
    G = invented()
    big = timed("2000 organisations: style + layout", lambda: maps.map_from_graph(G, colour="type"))
    timed("2000 organisations: write map.html", lambda: maps.write_map(big, out / "big.html"))
    timed("2000 organisations: write figure.png", lambda: maps.write_map(big, out / "big.png"))
    timed("2000 organisations: write figure.svg", lambda: maps.write_map(big, out / "big.svg"))
    print(f"files in {out}")


if __name__ == "__main__":
    main()
