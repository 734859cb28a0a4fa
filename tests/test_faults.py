"""Fault injection: a `hankeverkko push` killed (SIGKILL) in the middle, against a real `oxigraph serve`.

After the kill every named graph on the server holds its old content or its
new content, never part of it, and running the same command again completes
the push. Run once with ``--update`` (batches staged, then moved) and once
without (each graph in one PUT).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS

from hankeverkko.graph.rdf.dumps import serialise_rdf
from hankeverkko.graph.rdf.named_graphs import partition_by_source
from hankeverkko.graph.sparql.push_state import MANIFEST, build_id

from test_push_server import oxigraph_server  # noqa: F401  (the module-scoped server fixture)

pytestmark = [pytest.mark.server, pytest.mark.slow]

PER_SOURCE = 6_000


def _big(tiny_graph, tag: str) -> Graph:
    """The tiny graph plus PER_SOURCE facts per source, whose values depend on ``tag``."""
    g = Graph()
    g += tiny_graph
    for source in {o for o in tiny_graph.objects(None, PROV.wasDerivedFrom)}:
        for i in range(PER_SOURCE):
            s = URIRef(f"{source}/fact/{i}")
            g.add((s, PROV.wasDerivedFrom, source))
            g.add((s, RDFS.label, Literal(f"{tag} {i}")))
    return g


def _server_graph(base: str, name) -> set:
    url = f"{base}/store?" + urllib.parse.urlencode({"graph": str(name)})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return {line for line in r.read().decode("utf-8").splitlines() if line.strip()}
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return set()
        raise


def _lines(triples) -> set:
    """N-Triples lines as Oxigraph stores them (it writes 120000.50 as 120000.5)."""
    import pyoxigraph

    g = Graph()
    for t in triples:
        g.add(t)
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    return {line for line in data.decode("utf-8").splitlines() if line.strip()}


def _push(args):
    return subprocess.Popen([sys.executable, "-m", "hankeverkko.graph.cli", "push", *args],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


@pytest.mark.parametrize("mode", ["update", "put"])
def test_a_killed_push_leaves_old_or_new_graphs_and_a_rerun_completes(oxigraph_server, tiny_graph,  # noqa: F811
                                                                       tmp_path, mode):
    base = oxigraph_server
    old, new = _big(tiny_graph, f"old-{mode}"), _big(tiny_graph, f"new-{mode}")
    old_file, new_file = tmp_path / "old.nt", tmp_path / "new.nt"
    old_file.write_bytes(serialise_rdf(old, "nt"))
    new_file.write_bytes(serialise_rdf(new, "nt"))
    args = ["--gsp", f"{base}/store", "--timeout", "60"]
    args += ["--update", f"{base}/update", "--batch-size", "1000"] if mode == "update" else ["--batch-size", "100000"]
    assert subprocess.run([sys.executable, "-m", "hankeverkko.graph.cli", "push", str(old_file), *args],
                          capture_output=True, text=True).returncode == 0

    proc = _push([str(new_file), *args])
    done = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it once the first graph is in and the second is on its way
        line = proc.stderr.readline()
        if not line:
            break
        if line.rstrip().endswith(" triples") and ": " in line:
            done.append(line)
            time.sleep(0.3 if mode == "update" else 0.02)
            break
    assert done, "the push finished or failed before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    old_parts, new_parts = partition_by_source(old), partition_by_source(new)
    states = []
    for name in new_parts:
        content = _server_graph(base, name)
        if content == _lines(new_parts[name]):
            states.append("new")
        else:
            assert content == _lines(old_parts[name]), f"{name} holds part of a graph"
            states.append("old")
    # killed in the middle, really (with one PUT per graph the kill may land after the body was
    # sent: the server then finishes that swap, which is the new graph, also whole)
    assert "new" in states and ("old" in states or mode == "put"), states

    rerun = subprocess.run([sys.executable, "-m", "hankeverkko.graph.cli", "push", str(new_file), *args],
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "graphs were already there from this build" in rerun.stderr  # resumed, not started over
    assert "failed" not in rerun.stderr
    for name, part in new_parts.items():
        assert _server_graph(base, name) == _lines(part)
    manifest = "\n".join(_server_graph(base, MANIFEST))
    assert manifest.count(f"build:{build_id(new)}") == len(new_parts)
    assert not [g for g in _all_graphs(base) if ":staging:" in g]


def _all_graphs(base: str) -> list[str]:
    q = urllib.parse.urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(f"{base}/query?{q}", headers={"Accept": "text/tsv"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.read().decode("utf-8").splitlines()[1:]
