"""CPU time of reading a graph file into the network views, ``map`` (HTML, PNG)
and ``network`` at 1,000-4,000 invented organisations, with growth exponents.

The graph is the invented one of ``benchmarks/sparql_stores.py`` (Zipf-like
participation, 1-9 organisations per project, group projects with
sub-projects) plus a few very large projects (N/400 of them, each with N/10
implementers), the shape that makes all-pairs cliques explode.

Run: ``python benchmarks/views_scale.py [--sizes 1000 2000 4000] [--only map,network,load]``
(CPU seconds of this process, so other jobs on the machine do not count).
Also prints the accuracy of sampled betweenness (Spearman vs exact) and the
modularity of the clusters.
"""
from __future__ import annotations

import argparse
import math
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Literal, RDF, XSD                             # noqa: E402

from sparql_stores import synthetic_graph, TRIPLES_PER_PROJECT  # noqa: E402
from hankeverkko.ontology import HV, ID                          # noqa: E402


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def invented_file(n_orgs: int, folder: Path, seed: int = 1) -> Path:
    """Turtle file with about ``n_orgs`` organisations and N/400 projects of N/10 implementers."""
    path = folder / f"orgs{n_orgs}.ttl"
    if path.exists():
        return path
    g, _ = synthetic_graph(n_orgs * 3 * TRIPLES_PER_PROJECT, seed=seed)
    rnd = random.Random(seed)
    orgs = sorted(set(g.subjects(RDF.type, HV.Organisation)))
    themes = sorted(set(g.subjects(RDF.type, HV.Theme)))
    for i in range(max(2, n_orgs // 400)):
        p = ID[f"project/ISO{i:03d}"]
        g.add((p, RDF.type, HV.Project))
        g.add((p, HV.code, Literal(f"ISO{i:03d}")))
        g.add((p, HV.theme, themes[i % len(themes)]))
        g.add((p, HV.costEstimate, Literal("5000000", datatype=XSD.decimal)))
        for o in rnd.sample(orgs, max(40, n_orgs // 10)):
            g.add((p, HV.implementer, o))
    g.serialize(path, format="turtle")
    return path


def timed(fn):
    c, w = cpu(), time.perf_counter()
    out = fn()
    return out, cpu() - c, time.perf_counter() - w


def run_cli(args: list[str]):
    from click.testing import CliRunner
    from hankeverkko.graph.cli.network_cmd import map_command, network
    cmd = {"map": map_command, "network": network}[args[0]]
    res = CliRunner().invoke(cmd, args[1:], catch_exceptions=False)
    if res.exit_code:
        raise SystemExit(res.output)
    return res


def accuracy(path: Path) -> None:
    """Sampled vs exact betweenness (Spearman), and modularity, on one graph."""
    import networkx as nx
    from hankeverkko.graph.network import analysis
    from hankeverkko.graph.network.views import co_implementation_graph
    G = co_implementation_graph(analysis_source(path))
    (exact, c_exact, _) = timed(lambda: nx.betweenness_centrality(G))
    k = analysis.betweenness_sample(len(G), G.number_of_edges()) if hasattr(analysis, "betweenness_sample") else None
    print(f"  betweenness exact: {c_exact:.1f} s CPU on {len(G)} nodes, {G.number_of_edges()} edges")
    k = k or 64                       # exact at this size in `network`; show what sampling would give
    if True:
        (sampled, c_s, _) = timed(lambda: analysis.centrality(G, k=k, seed=0))
        print(f"  sampled k={k}: {c_s:.1f} s CPU (with pagerank); Spearman vs exact "
              f"{spearman([exact[n] for n in G], [sampled[n]['betweenness'] for n in G]):.3f}; "
              f"top-20 overlap {len(set(top(exact, 20)) & set(top({n: v['betweenness'] for n, v in sampled.items()}, 20)))}/20")
    (found, c_l, _) = timed(lambda: analysis.clusters(G, seed=0))
    print(f"  clusters: {c_l:.1f} s CPU, modularity {found.modularity:.4f}, {len(found.clusters)} clusters")


def analysis_source(path):
    """What the CLI reads a graph file into: pyoxigraph (after), rdflib (before this change)."""
    try:
        from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
        return OxigraphStore.from_file(path)
    except AttributeError:
        from hankeverkko.graph.rdf.graphfile import read_graph
        return read_graph(path)


def top(d: dict, k: int) -> list:
    return sorted(d, key=lambda n: (-d[n], str(n)))[:k]


def spearman(a: list[float], b: list[float]) -> float:
    def ranks(xs):
        order = sorted(range(len(xs)), key=lambda i: xs[i])
        r = [0.0] * len(xs)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
                j += 1
            for t in range(i, j + 1):
                r[order[t]] = (i + j) / 2
            i = j + 1
        return r
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra)); vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    ap.add_argument("--only", default="load,map,png,network")
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "hv-views-scale")
    ap.add_argument("--accuracy", action="store_true",
                    help="also sampled vs exact betweenness (exact is slow: skip it above 2,000)")
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    steps = args.only.split(",")
    rows: dict[str, dict[int, float]] = {}
    for n in args.sizes:
        path, c, _ = timed(lambda: invented_file(n, args.folder))
        print(f"{n} organisations: {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        if "load" in steps:
            from hankeverkko.graph.network.data import load_network
            data, c, w = timed(lambda: load_network(analysis_source(path)))
            rows.setdefault("load_network (file)", {})[n] = c
            print(f"  load_network: {c:.1f} s CPU ({len(data.organisations)} organisations, "
                  f"{len(data.projects)} projects)", flush=True)
        for step, out in (("map", "map.html"), ("png", "map.png"), ("network", "net")):
            if step not in steps:
                continue
            target = args.folder / f"{n}-{out}"
            cmd = [step if step != "png" else "map", str(path), "--out", str(target)]
            res, c, w = timed(lambda: run_cli(cmd))
            rows.setdefault(f"{cmd[0]} --out {out}", {})[n] = c
            size = (f", {target.stat().st_size / 1e6:.1f} MB" if target.is_file() else "")
            print(f"  {cmd[0]} --out {out}: {c:.1f} s CPU, {w:.1f} s wall{size}", flush=True)
        if args.accuracy:
            accuracy(path)
    if len(args.sizes) > 1:
        print("\ngrowth exponent (CPU ~ N^b between the smallest and largest size):")
        a, b = min(args.sizes), max(args.sizes)
        for name, t in rows.items():
            if a in t and b in t and t[a] > 0:
                print(f"  {name:<28} b = {math.log(t[b] / t[a]) / math.log(b / a):.2f}")


if __name__ == "__main__":
    main()
