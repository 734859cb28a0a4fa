"""How the build grows with the corpus: CPU time per step, peak memory and
growth exponents on invented corpora with *distinct* organisations.

Two kinds of corpus, written to a temporary folder:

* ``copies``: the bundled sources copied k times; in copy i every capitalised
  word of the organisation names the bundled build finds (place names,
  distinctive words) gets a syllable of its own inserted, and every project
  code is shifted, so each copy brings new organisations and projects, not
  duplicates the resolver merges away;
* ``orgs``: one invented participation spreadsheet (the columns of
  ``data/templates/participations.csv``) with N organisations: invented
  names sharing a few hundred place names (as real ones do), type heads and
  legal forms, a third with a valid Y-tunnus, one in ten also printed in a
  variant spelling; N projects with one to four participants.

Each size runs in a fresh subprocess (cold caches, its own peak memory)::

    python benchmarks/scale.py                          # copies 1,10,100; orgs 1000,4000
    python benchmarks/scale.py --copies 10,40 --orgs 1000,4000
    python benchmarks/scale.py --copies 100 --orgs 0 --profile 30    # cProfile, top 30

Steps: ``load`` (reading the sources into records), ``identity``
(:func:`graph.identity.resolve`), ``build`` (the rest of ``build_graph``),
``serialise`` (Turtle). CPU seconds (``time.process_time``), the median of
``--repeat`` runs; memory is the subprocess's ru_maxrss. The exponent between
two sizes is log(t2/t1) / log(n2/n1).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = ("load", "identity", "build", "serialise")
_SYL = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "hu", "ja", "ki", "la", "mo", "nu", "ri"]
_HEADS = ["yhdistys ry", "säätiö sr", "kaupunki", "kunta", "ammattikorkeakoulu Oy", "Oy", "osuuskunta",
          "seurakunta", "liitto ry", "kehittämisyhtiö Oy", "opisto", "yliopisto", "kuntayhtymä"]


def _syllables(i: int, n: int = 2) -> str:
    out = ""
    for _ in range(n):
        out += _SYL[i % len(_SYL)]
        i //= len(_SYL)
    return out


def _bid(seq: int) -> str:
    """A valid Y-tunnus from a sequence number."""
    for k in range(seq, seq + 50):
        base = f"{2000000 + k * 37 % 7000000:07d}"
        r = sum(int(d) * w for d, w in zip(base, (7, 9, 10, 5, 8, 4, 2))) % 11
        if r != 1:
            return f"{base}-{0 if r == 0 else 11 - r}"
    raise AssertionError


# ---------------------------------------------------------------- corpora

def _org_words(sources: Path) -> list[str]:
    from hankeverkko.graph.pipeline import build_sources
    res = build_sources([sources]).resolution
    words = set()
    for e in res.entities:
        for m in e.mentions:
            words |= {w for w in re.findall(r"\b[A-ZÅÄÖ][\w-]{3,}", m.name)}
    return sorted(words, key=lambda w: (-len(w), w))


def write_copies(k: int, out: Path, sources: Path) -> int:
    words = _org_words(sources)
    word_re = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")
    code_re = re.compile(r"\b([A-Z])(\d{5})\b")
    files = sorted(p for p in sources.iterdir() if p.suffix == ".txt")
    for i in range(k):
        syl = _syllables(i, 2)
        for p in files:
            text = p.read_text(encoding="utf-8")
            if i:
                text = word_re.sub(lambda m: m.group(1)[:2] + syl + m.group(1)[2:], text)
                text = code_re.sub(lambda m: m.group(1) + f"{(int(m.group(2)) + 211 * i) % 100000:05d}", text)
            (out / f"c{i:03d}_{p.name}").write_text(text, encoding="utf-8")
    return len(files) * k


def write_orgs(n: int, out: Path) -> int:
    rnd = random.Random(n)
    places = [(_syllables(j, 2) + rnd.choice(["la", "nen", "mäki", "joki", "vaara"])).capitalize()
              for j in range(300)]
    adjs = ["nuorten", "seudun", "kristillinen", "työttömien", "eläkeläisten", "kylien", "yrittäjien",
            "kulttuuri", "liikunta", "sosiaali", "terveys", "ympäristö", "koulutus", "perheiden", "vammaisten",
            "maahanmuuttajien", "opiskelijoiden", "naisten", "senioreiden", "luonto"]
    orgs = []
    for j in range(n):                       # mixed radix: distinct (place, adjective, head) per j
        place = places[j % len(places)]
        adj = adjs[(j // len(places)) % len(adjs)]
        head = _HEADS[(j // len(places) // len(adjs) + j) % len(_HEADS)]
        orgs.append((f"{place}n {adj} {head}", _bid(j) if j % 3 == 0 else ""))
    rows = ["hankekoodi;hanke;teema;ohjelma;toteuttaja;rooli;ryhmähanke;alkaa;päättyy;kustannusarvio;y_tunnus"]
    for p in range(n):
        members = rnd.sample(range(n), rnd.randint(1, 4))
        for r, j in enumerate(members):
            name, bid = orgs[j]
            if j % 10 == 5 and rnd.random() < 0.5:       # a variant spelling of the same organisation
                name = name.upper() if rnd.random() < 0.5 else name.replace(" ", "  ", 1)
            rows.append(f"S9{p:05d};Hanke {_syllables(p, 3).capitalize()};Teema {p % 10};"
                        f"Esimerkkiohjelma 2021–2027;{name};{'päätoteuttaja' if r == 0 else 'osatoteuttaja'};;"
                        f"1.1.2024;31.12.2025;{10000 + p};{bid}")
    (out / f"orgs_{n}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 1


# ---------------------------------------------------------------- one run

def run_once(folder: Path, profile: int = 0) -> dict:
    from hankeverkko.graph.pipeline.reading import read_sources
    from hankeverkko.graph.pipeline.run import serialise
    from hankeverkko.graph.pipeline.sources import expand_sources
    import hankeverkko.graph.rdf.build as build_mod

    times: dict[str, float] = {}
    real_resolve = build_mod.resolve

    def timed_resolve(*a, **kw):
        t = time.process_time()
        try:
            return real_resolve(*a, **kw)
        finally:
            times["identity"] = time.process_time() - t

    build_mod.resolve = timed_resolve
    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    t0 = time.process_time()
    docs, _ = read_sources(expand_sources([folder]))
    t1 = time.process_time()
    result = build_mod.build_graph(docs)
    t2 = time.process_time()
    data = serialise(result.graph)
    t3 = time.process_time()
    if prof:
        prof.disable()
        import pstats
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(profile)
    build_mod.resolve = real_resolve
    times.update(load=t1 - t0, build=t2 - t1 - times["identity"], serialise=t3 - t2)
    res = result.resolution
    return {"times": times, "triples": len(result.graph), "organisations": len(res.entities),
            "review": len(res.review_queue), "bytes": len(data),
            "warnings": [w for w in result.warnings if "not compared" in w or "review queue" in w][:3],
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _child(args) -> None:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if args.kind == "copies":
            write_copies(args.size, out, root / "data" / "sources")
        else:
            write_orgs(args.size, out)
        runs = [run_once(out, args.profile if r == 0 else 0) for r in range(args.repeat)]
    best = runs[0]
    best["times"] = {s: statistics.median(r["times"][s] for r in runs) for s in STEPS}
    best["times"]["total"] = sum(best["times"][s] for s in STEPS)
    print(json.dumps(best))


# ---------------------------------------------------------------- table

def _exp(t1: float, t2: float, n1: int, n2: int) -> str:
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}" if t1 > 0 and t2 > 0 else "–"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", default="1,10,100")
    ap.add_argument("--orgs", default="1000,4000")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", type=int, default=0, help="cProfile the largest size, print the top N")
    ap.add_argument("--kind", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.kind:
        return _child(args)
    print("| corpus | size | triples | orgs | review | load s | identity s | build s | serialise s | total s "
          "| peak MB | exponent (total; identity) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for kind, sizes in (("copies", args.copies), ("orgs", args.orgs)):
        sizes = [int(s) for s in sizes.split(",") if s.strip() and int(s)]
        prev = None
        for size in sizes:
            cmd = [sys.executable, __file__, "--kind", kind, "--size", str(size), "--repeat", str(args.repeat),
                   "--profile", str(args.profile if size == sizes[-1] else 0)]
            r = json.loads(subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE).stdout)
            t = r["times"]
            exp = (f"{_exp(prev[1]['total'], t['total'], prev[0], size)}; "
                   f"{_exp(prev[1]['identity'], t['identity'], prev[0], size)}") if prev else ""
            print(f"| {kind} | {size} | {r['triples']:,} | {r['organisations']:,} | {r['review']:,} | "
                  + " | ".join(f"{t[s]:.2f}" for s in (*STEPS, "total"))
                  + f" | {r['maxrss_mb']:.0f} | {exp} |", flush=True)
            for w in r["warnings"]:
                print(f"<!-- {kind} {size}: {w} -->", flush=True)
            prev = (size, t)


if __name__ == "__main__":
    main()
