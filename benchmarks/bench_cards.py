"""Time the project-card and generic loaders on generated, invented cards.

Generates N cards in the EURA 2014 layout (invented names 'Alfa17ala', codes
S2xxxx, valid Y-tunnus) and times (a) ``project_card.load`` over N separate cards
(b) ``generic.load`` over one document of N cards and (c) the whole build of N
card files (loading, organisation identity, RDF and Turtle), at N = 250 and
1000; prints the growth exponent log(t1000/t250)/log 4 (1.0 = linear).
Usage: ``python benchmarks/bench_cards.py``.
"""
from __future__ import annotations

import math
import time
from pathlib import Path

import tempfile

from hankeverkko.graph.pipeline import build_sources, serialise
from hankeverkko.loaders import generic, project_card
from hankeverkko.loaders.text import read_lines

_W = (7, 9, 10, 5, 8, 4, 2)


def valid_id(n: int) -> str:
    while True:
        d = f"{n % 10_000_000:07d}"
        r = sum(int(a) * w for a, w in zip(d, _W)) % 11
        if r != 1:
            return f"{d}-{0 if r == 0 else 11 - r}"
        n += 1


def card(i: int) -> str:
    subs = "\n".join(f"Osa{i}la{k} ry, {valid_id(i * 7 + k)}" for k in range(i % 4))
    return f"""Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus
1 Hanke
Hankekoodi: S2{i % 10000:04d}
Hankkeen nimi: Kuvitelma {i} -hanke
Toimintalinja: 5. Sosiaalinen osallisuus
Suunnitelman mukainen toteutusaika: Alkaa 1.3.2016 ja päättyy 28.2.2019
Toiminnan tila: Toiminta päättynyt
Vastuuviranomainen: Alfa{i}n elinkeino-, liikenne- ja ympäristökeskus
2 Hakijan perustiedot
Hakijan virallinen nimi: Alfa{i}lan kaupunki
Organisaatiotyyppi: Kunta
Y-tunnus: {valid_id(i * 13)}
Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)
Osatoteuttajat
{subs}
3 Suunnitelman mukainen tiivistelmä toteutuksesta
Hanketta hallinnoi Alfa{i}lan kaupunki, ja kumppaneina ovat Beta{i}n ja Gamma{i}n kaupungit.
4 Suunnitelman mukainen rahoitus
Julkinen rahoitus: {100000 + i} €
Kokonaisrahoitus: {120000 + i} €
"""


def timed(f) -> float:
    best = math.inf
    for _ in range(3):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    cards = [read_lines(card(i)) for i in range(1000)]
    doc = {n: read_lines("\n".join(card(i) for i in range(n))) for n in (250, 1000)}
    rows = {}
    for n in (250, 1000):
        rows[("project-card", n)] = timed(lambda: [project_card.load(c, "c.txt") for c in cards[:n]])
        rows[("generic", n)] = timed(lambda: generic.load(doc[n], "all.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(1000):
            f = Path(tmp) / f"kortti_{i:04d}.txt"
            f.write_text(card(i), encoding="utf-8")
            files.append(f)
        for n in (250, 1000):
            t = time.process_time()
            serialise(build_sources(files[:n]).graph)
            rows[("build", n)] = time.process_time() - t
    for kind in ("project-card", "generic", "build"):
        t250, t1000 = rows[(kind, 250)], rows[(kind, 1000)]
        print(f"{kind:13} 250: {t250:.3f} s  1000: {t1000:.3f} s  exponent {math.log(t1000 / t250) / math.log(4):.2f}")


if __name__ == "__main__":
    main()
