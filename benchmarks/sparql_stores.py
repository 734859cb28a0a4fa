"""Benchmark: the query library on the memory and Oxigraph stores.

Generates synthetic graphs shaped like the ones ``graph/build.py`` emits
(two programme periods, themes with ministries and funding, projects with
codes, dates and costs, group projects with sub-projects, coordination
projects, organisations with Zipf-skewed popularity, participation nodes with
roles, printed-name mentions, provenance on everything) at about 1e5 and 1e6
triples, and times in one run:

* loading: rdflib parsing N-Triples; Oxigraph bulk-loading the N-Quads export
  (one named graph per source) into a store on disk; and
  ``OxigraphStore.load(graph)`` (what ``hankeverkko build --store`` does);
* every library query (``graph/queries/*.rq``), parameters bound to IRIs of
  popular themes and organisations, on ``MemoryStore`` (one run, in a forked
  child process killed after ``--timeout`` seconds, reported as "> N s") and
  on ``OxigraphStore`` on disk (``oxigraph:DIR``) and in memory (``oxigraph:``),
  median of three runs each, checking that every store gives the same answer;

and prints a Markdown table with the ratios rdflib / Oxigraph. It is a
script, not a test::

    python benchmarks/sparql_stores.py                    # ~1e5 and ~1e6 triples
    python benchmarks/sparql_stores.py --sizes 1e5 --timeout 60
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from hankeverkko.graph.sparql.library import load_library, run_library_query
from hankeverkko.graph.rdf.dumps import serialise_rdf
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.ontology import HV, ID

ORG_TYPES = ["Municipality", "JointMunicipalAuthority", "WellbeingServicesCounty", "University",
             "UniversityOfAppliedSciences", "VocationalInstitution", "Foundation", "Association",
             "Company", "NationalAgency", "OtherOrganisation"]
PERIODS = {"kestavaa-kasvua-ja-tyota-2014-2020": ("Kestävää kasvua ja työtä 2014–2020", "2014-2020"),
           "uudistuva-ja-osaava-suomi-2021-2027": ("Uudistuva ja osaava Suomi 2021–2027", "2021-2027")}
TRIPLES_PER_PROJECT = 33  # measured on the generator; used to size the graph


def _zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (rank ** s) for rank in range(1, n + 1)]


def synthetic_graph(target_triples: int, seed: int = 1) -> tuple[Graph, dict]:
    """A graph of about ``target_triples`` triples and the parameters to query it with."""
    rnd = random.Random(seed)
    g = Graph()
    add = g.add
    n_projects = max(50, target_triples // TRIPLES_PER_PROJECT)
    n_sources = max(4, n_projects // 400)
    n_themes = max(6, n_projects // 120)
    n_orgs = max(40, n_projects // 3)

    def prov(node, source, line):
        add((node, PROV.wasDerivedFrom, source))
        add((node, HV.sourceLine, Literal(line, datatype=XSD.integer)))

    def label(node, text):
        add((node, RDFS.label, Literal(text, lang="fi")))

    sources = [ID[f"source/lahde-{i:04d}-txt"] for i in range(n_sources)]
    for i, s in enumerate(sources):
        add((s, RDF.type, HV.SourceDocument))
        add((s, HV.fileName, Literal(f"lahde_{i:04d}.txt")))
        add((s, HV.documentKind, Literal(rnd.choice(["theme-review", "tl5-list", "programme-guide"]))))
        label(s, f"Lähde {i}")
        add((s, DCTERMS.title, Literal(f"Lähde {i}", lang="fi")))

    programmes = []
    for slug, (name, period) in PERIODS.items():
        p = ID[f"programme/{slug}"]
        programmes.append(p)
        add((p, RDF.type, HV.Programme))
        label(p, name)
        add((p, HV.programmePeriod, Literal(period)))
        prov(p, sources[0], 1)

    ministries = []
    for i in range(6):
        m = ID[f"organisation/ministerio-{i}"]
        ministries.append(m)
        add((m, RDF.type, HV.Organisation))
        add((m, RDF.type, HV.Ministry))
        label(m, f"Ministeriö {i}")
        add((m, SKOS.prefLabel, Literal(f"Ministeriö {i}", lang="fi")))

    orgs = []
    for i in range(n_orgs):
        o = ID[f"organisation/organisaatio-{i:06d}"]
        orgs.append(o)
        add((o, RDF.type, HV.Organisation))
        add((o, RDF.type, HV[rnd.choice(ORG_TYPES)]))
        label(o, f"Organisaatio {i} ry")
        add((o, SKOS.prefLabel, Literal(f"Organisaatio {i} ry", lang="fi")))
        if i % 7 == 0:
            add((o, SKOS.altLabel, Literal(f"Org. {i}", lang="fi")))
        for k in range(1 + (i % 3 == 0)):
            src = rnd.choice(sources)
            line = rnd.randint(1, 5000)
            mention = ID[f"mention/organisaatio-{i:06d}/{k}/{line}"]
            add((o, HV.mention, mention))
            add((mention, RDF.type, HV.Mention))
            add((mention, HV.printedName, Literal(f"Organisaatio {i} ry")))
            prov(mention, src, line)
            add((o, PROV.wasDerivedFrom, src))
    org_cum = []
    total = 0.0
    for w in _zipf_weights(n_orgs):
        total += w
        org_cum.append(total)

    themes = []
    for i in range(n_themes):
        t = ID[f"theme/teema-{i:04d}"]
        prog = programmes[i % 2]
        themes.append((t, prog))
        add((t, RDF.type, HV.Theme))
        if i % 2 == 0:
            add((t, RDF.type, HV.MeasurePackage))
        label(t, f"Teema {i}")
        add((t, HV.programme, prog))
        add((t, HV.responsibleMinistry, ministries[i % len(ministries)]))
        add((t, HV.fundingAuthority, orgs[i % 50]))
        if i % 2:
            for prop, amount in ((HV.fundingFrame, 1_000_000), (HV.fundingReserved, 600_000),
                                 (HV.fundingCommitted, 400_000), (HV.fundingPaid, 100_000)):
                add((t, prop, Literal(str(amount * (1 + i % 5)), datatype=XSD.decimal)))
        prov(t, sources[i % n_sources], 10 + i)
    theme_cum = []
    total = 0.0
    for w in _zipf_weights(n_themes, 0.6):
        total += w
        theme_cum.append(total)

    def participation(project, org, role, source, line):
        node = ID[f"participation/{str(project).rsplit('/', 1)[-1]}/{str(org).rsplit('/', 1)[-1]}/{role}"]
        add((node, RDF.type, HV.Participation))
        add((node, HV.participant, org))
        add((node, HV.participationIn, project))
        add((node, HV.role, HV[role]))
        prov(node, source, line)

    code = 10000
    for i in range(n_projects):
        code += 1
        p = ID[f"project/S{code}"]
        theme, prog = rnd.choices(themes, cum_weights=theme_cum)[0]
        src = sources[i % n_sources]
        line = 100 + i % 4000
        add((p, RDF.type, HV.Project))
        label(p, f"Hanke {i}")
        add((p, HV.code, Literal(f"S{code}")))
        add((p, HV.theme, theme))
        add((p, HV.programme, prog))
        start = dt.date(2015 if prog == programmes[0] else 2022, 1 + i % 12, 1)
        add((p, HV.startDate, Literal(start.isoformat(), datatype=XSD.date)))
        add((p, HV.endDate, Literal(start.replace(year=start.year + 2).isoformat(), datatype=XSD.date)))
        add((p, HV.costEstimate, Literal(str(Decimal(rnd.randint(50_000, 2_000_000)) / 2), datatype=XSD.decimal)))
        prov(p, src, line)
        k = 1 + min(int(rnd.expovariate(0.6)), 8)
        members = list(dict.fromkeys(rnd.choices(orgs, cum_weights=org_cum, k=k)))
        if i % 97 == 0:
            add((p, RDF.type, HV.CoordinationProject))
            add((theme, HV.coordinationProject, p))
        if len(members) > 1 and i % 6 == 0:  # a group project with sub-projects
            add((p, RDF.type, HV.GroupProject))
            for j, org in enumerate(members):
                role = "MainImplementerRole" if j == 0 else "SubImplementerRole"
                add((p, HV.implementer, org))
                add((p, HV.mainImplementer if j == 0 else HV.subImplementer, org))
                participation(p, org, role, src, line + j)
                code += 1
                sub = ID[f"project/S{code}"]
                add((sub, RDF.type, HV.Project))
                add((sub, RDF.type, HV.SubProject))
                label(sub, f"Hanke {i}")
                add((sub, HV.code, Literal(f"S{code}")))
                add((sub, HV.subProjectOf, p))
                add((sub, HV.implementer, org))
                add((sub, HV.theme, theme))
                add((sub, HV.programme, prog))
                participation(sub, org, role, src, line + j)
                prov(sub, src, line + j)
        else:
            for j, org in enumerate(members):
                role = "ApplicantRole" if j == 0 else rnd.choice(["ImplementerRole", "ImplementerRole",
                                                                   "PartnerRole"])
                if role != "PartnerRole":
                    add((p, HV.implementer, org))
                else:
                    add((p, HV.partner, org))
                participation(p, org, role, src, line + j)

    counts: dict[URIRef, int] = {}
    for _, o in g.subject_objects(HV.implementer):
        counts[o] = counts.get(o, 0) + 1
    top_org = max(counts, key=lambda o: (counts[o], str(o)))
    theme_counts: dict[URIRef, int] = {}
    for _, t in g.subject_objects(HV.theme):
        theme_counts[t] = theme_counts.get(t, 0) + 1
    top_theme = max(theme_counts, key=lambda t: (theme_counts[t], str(t)))
    params = {"theme_projects": {"theme": top_theme}, "multi_theme_organisations": {"min_themes": "3"},
              "organisation_portfolio": {"organisation": top_org}, "provenance": {"entity": top_org}}
    return g, params


# ------------------------------------------------------------------ timing

def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _child(conn, graph, name, params):
    seconds, result = _timed(lambda: run_library_query(MemoryStore(graph), name, params))
    conn.send((seconds, result))
    conn.close()


def time_memory_query(graph, name, params, timeout):
    """(seconds, SelectResult), or (None, None) on timeout, for one query in a forked child."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, graph, name, params))
    proc.start()
    child.close()
    if parent.poll(timeout):
        seconds, result = parent.recv()
        proc.join()
        return seconds, result
    proc.terminate()
    proc.join()
    return None, None


def _fmt(seconds, timeout):
    return f"> {timeout:g}" if seconds is None else f"{seconds:.3f}"


def _ratio(memory, oxigraph, timeout):
    if memory is None:
        return f"> {timeout / oxigraph:,.0f}×"
    return f"{memory / oxigraph:,.1f}×"


def run_size(target: int, timeout: float, seed: int, workdir: Path) -> list[str]:
    t0 = time.perf_counter()
    graph, params = synthetic_graph(target, seed)
    gen = time.perf_counter() - t0
    n = len(graph)
    print(f"# generated {n} triples in {gen:.1f} s", file=sys.stderr)
    nt = serialise_rdf(graph, "nt")
    nq = serialise_rdf(graph, "nq")
    lines = [f"### {n:,} triples", "",
             f"{len(graph.query('SELECT DISTINCT ?p WHERE {?p a hv:Project}', initNs={'hv': HV._NS}))} projects "
             "(incl. sub-projects), "
             f"{len(set(graph.subjects(RDF.type, HV.Organisation)))} organisations, "
             f"{len(set(graph.subjects(RDF.type, HV.Theme)))} themes, "
             f"{len(set(graph.subjects(RDF.type, HV.SourceDocument)))} sources", "",
             "| step | rdflib memory (s) | Oxigraph on disk (s) | Oxigraph in memory (s) "
             "| memory / disk | memory / in-memory |", "|---|---:|---:|---:|---:|---:|"]

    load_mem, parsed = _timed(lambda: Graph().parse(data=nt, format="nt"))
    assert len(parsed) == n
    del parsed

    memory_times = {}
    for name in sorted(load_library()):
        memory_times[name] = time_memory_query(graph, name, params.get(name, {}), timeout)
        print(f"# memory {name}: {_fmt(memory_times[name][0], timeout)} s", file=sys.stderr)

    from pyoxigraph import RdfFormat
    bulk_disk = OxigraphStore(workdir / f"bulk-{n}")
    load_disk, _ = _timed(lambda: bulk_disk._store.bulk_load(nq, format=RdfFormat.N_QUADS))
    assert len(bulk_disk) == n
    bulk_disk.close()
    bulk_mem = OxigraphStore()
    load_inmem, _ = _timed(lambda: bulk_mem._store.bulk_load(nq, format=RdfFormat.N_QUADS))
    del bulk_mem
    disk = OxigraphStore(workdir / f"store-{n}")
    load_graph_disk, _ = _timed(lambda: disk.load(graph))
    inmem = OxigraphStore()
    load_graph_inmem, _ = _timed(lambda: inmem.load(graph))
    lines.append(f"| parse N-Triples (rdflib) / bulk-load N-Quads (Oxigraph) | {load_mem:.2f} | {load_disk:.2f} | "
                 f"{load_inmem:.2f} | {load_mem / load_disk:.1f}× | {load_mem / load_inmem:.1f}× |")
    lines.append(f"| `OxigraphStore.load(graph)` (what build --store does) | – | {load_graph_disk:.2f} | "
                 f"{load_graph_inmem:.2f} | – | – |")

    for name in sorted(load_library()):
        p = params.get(name, {})
        medians = []
        for store in (disk, inmem):
            runs = []
            for _ in range(3):
                seconds, result = _timed(lambda: run_library_query(store, name, p))
                runs.append(seconds)
            medians.append(statistics.median(runs))
            mem, mem_result = memory_times[name]
            if mem_result is not None and not mem_result.same_answer(result):
                raise SystemExit(f"{name}: memory and {store!r} answer differently "
                                 f"({len(mem_result.rows)} and {len(result.rows)} rows)")
        mem = memory_times[name][0]
        lines.append(f"| `{name}` ({len(result.rows)} rows) | {_fmt(mem, timeout)} | {medians[0]:.3f} | "
                     f"{medians[1]:.3f} | {_ratio(mem, medians[0], timeout)} | {_ratio(mem, medians[1], timeout)} |")
        print(lines[-1], file=sys.stderr)
    disk.close()
    return lines + [""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["1e5", "1e6"], help="target triple counts")
    ap.add_argument("--timeout", type=float, default=300.0, help="cap per memory query, seconds")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    header = [f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores "
              f"({platform.processor() or platform.machine()}, {platform.system()}), Python "
              f"{platform.python_version()}; memory queries capped at {args.timeout:g} s.", ""]
    out = header
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as tmp:
        for size in args.sizes:
            out += run_size(int(float(size)), args.timeout, args.seed, Path(tmp))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
