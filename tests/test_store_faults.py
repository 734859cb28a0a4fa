"""On-disk store faults: `build --store` killed at any moment, parallel
readers, another process holding the store, damaged and missing folders.

Builds run as subprocesses (``python -m hankeverkko``) and are killed with
SIGKILL, at fixed moments (the test hook ``HANKEVERKKO_TEST_PAUSE_AT``, see
``graph/sparql/stores/swap.py``) and at fractions of a measured build time.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from hankeverkko.graph.errors import StoreError
from hankeverkko.graph.sparql.store import load_into_store, open_store
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.graph.sparql.stores.swap import PAUSE_ENV, versions_folder

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
OLD = [str(SOURCES / "000_5390a3236872ddc1.txt")]   # small: 209 triples
NEW = [str(SOURCES)]                                 # the bundled corpus: thousands
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def cli(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hankeverkko", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300, **kw)


def start_build(sources, out: Path, stderr_file: Path, pause: str | None = None) -> subprocess.Popen:
    env = {**os.environ}
    env.pop(PAUSE_ENV, None)
    if pause:
        env[PAUSE_ENV] = pause
    return subprocess.Popen([sys.executable, "-m", "hankeverkko", "build", *sources, "--out", str(out),
                             "--store", f"oxigraph:{out / 'store'}", "-q"],
                            stdout=subprocess.DEVNULL, stderr=open(stderr_file, "w"), env=env)


def wait_for(path: Path, text: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in path.read_text(errors="replace"):
            return
        assert proc.poll() is None, f"the build ended before {text!r}: {path.read_text()[-2000:]}"
        time.sleep(0.05)
    raise AssertionError(f"no {text!r} within {timeout} s")


def content(store_dir: Path) -> tuple[int, tuple[str, ...]]:
    """(triples, named graphs) of the store, read the way queries read it."""
    store = OxigraphStore(store_dir, read_only=True)
    (n,), = store.select(COUNT).rows
    return int(n), tuple(str(g) for g in store.named_graphs())


def graph_file_triples(out: Path) -> int:
    return len(Graph().parse(out / "graph.ttl", format="turtle"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An `out/` built from OLD (with its store), and the content a NEW build gives."""
    base = tmp_path_factory.mktemp("base")
    r = cli("build", *OLD, "--out", str(base / "out"), "--store", f"oxigraph:{base / 'out' / 'store'}", "-q")
    assert r.returncode == 0, r.stderr
    ref = tmp_path_factory.mktemp("ref")
    t0 = time.monotonic()
    r = cli("build", *NEW, "--out", str(ref), "--store", f"oxigraph:{ref / 'store'}", "-q")
    seconds = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    old, new = content(base / "out" / "store"), content(ref / "store")
    assert old[0] == graph_file_triples(base / "out") and new[0] == graph_file_triples(ref)
    assert old != new
    return {"base": base / "out", "old": old, "new": new, "seconds": seconds}


def fresh_copy(built, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    shutil.copytree(built["base"], out, symlinks=True)
    return out


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


# ------------------------------------------------------------------ kill -9 at any moment

def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_store_whole(built, tmp_path):
    outcomes = []
    moments = [("pause", p) for p in ("store-opened", "store-loaded", "swapped")]
    moments += [("after", round(built["seconds"] * f, 2)) for f in (0.3, 0.6, 0.8, 0.9, 0.97)]
    for i, (how, when) in enumerate(moments):
        out = fresh_copy(built, tmp_path, f"kill{i}")
        err = tmp_path / f"kill{i}.err"
        proc = start_build(NEW, out, err, pause=when if how == "pause" else None)
        if how == "pause":
            wait_for(err, f"paused at {when}", proc)
        else:
            time.sleep(when)
        finished = proc.poll() is not None
        kill(proc)
        got = content(out / "store")
        assert got in (built["old"], built["new"]), f"kill at {how} {when}: store holds {got[0]} triples"
        outcomes.append((how, when, "finished" if finished else "killed",
                         "old" if got == built["old"] else "new"))
        if how == "pause" and when == "swapped":
            assert got == built["new"]
        if how == "pause" and when != "swapped":
            assert got == built["old"]
        q = cli("query", COUNT, "--store", f"oxigraph:{out / 'store'}", "--format", "csv")
        assert q.returncode == 0 and q.stdout.split()[1] == str(got[0]), q.stderr
    print("\nkill outcomes:", outcomes)
    # the next build repairs what a kill left: the half-loaded folders go
    out = tmp_path / "kill0"
    r = cli("build", *NEW, "--out", str(out), "--store", f"oxigraph:{out / 'store'}", "-q")
    assert r.returncode == 0, r.stderr
    assert content(out / "store") == built["new"] == (graph_file_triples(out), built["new"][1])
    assert len([p for p in versions_folder(out / "store").iterdir() if not p.name.startswith(".")]) <= 2
    assert not list(out.parent.glob(".store.link-*")) and not list(out.glob(".store.link-*"))


# ------------------------------------------------------------------ readers

def test_four_queries_at_once_all_succeed(built, tmp_path):
    out = fresh_copy(built, tmp_path, "parallel")
    procs = [subprocess.Popen([sys.executable, "-m", "hankeverkko", "query", COUNT, "--store",
                               f"oxigraph:{out / 'store'}", "--format", "csv"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [rc for rc, _, _ in results] == [0, 0, 0, 0], [e for _, _, e in results]
    assert {o.split()[1] for _, o, _ in results} == {str(built["old"][0])}


def test_readers_open_the_store_read_only_beside_a_writer(built, tmp_path):
    out = fresh_copy(built, tmp_path, "ro")
    writer = OxigraphStore(os.path.realpath(out / "store"))  # read-write, holds the RocksDB lock
    try:
        assert [open_store(f"oxigraph:{out / 'store'}").select(COUNT).rows[0][0].toPython()
                for _ in range(3)] == [built["old"][0]] * 3
    finally:
        writer.close()


# ------------------------------------------------------------------ locks

HOLD = """
import os, sys, time, pyoxigraph
s = pyoxigraph.Store(os.path.realpath(sys.argv[1]))
print("holding", flush=True)
time.sleep(300)
"""


def test_a_build_beside_a_writer_holding_the_store_writes_graph_file_and_store_together(built, tmp_path):
    out = fresh_copy(built, tmp_path, "held")
    held = os.path.realpath(out / "store")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out / "store")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        r = cli("build", *NEW, "--out", str(out), "--store", f"oxigraph:{out / 'store'}", "-q")
        assert r.returncode == 0, r.stderr
        assert content(out / "store") == built["new"]
        assert graph_file_triples(out) == built["new"][0]
        assert Path(held).is_dir()  # the version the writer holds is not removed under it
    finally:
        kill(holder)


def test_a_second_build_meets_the_build_lock_and_changes_nothing(built, tmp_path):
    out = fresh_copy(built, tmp_path, "locked")
    before = (out / "graph.ttl").read_bytes()
    err = tmp_path / "first.err"
    first = start_build(NEW, out, err, pause="store-loaded")
    try:
        wait_for(err, "paused at store-loaded", first)
        r = cli("build", *NEW, "--out", str(out), "--store", f"oxigraph:{out / 'store'}")
        assert r.returncode == 1
        lines = [ln for ln in r.stderr.splitlines() if ln.startswith("Error")]
        assert len(lines) == 1 and "another `hankeverkko build --store`" in lines[0], r.stderr
        assert "Traceback" not in r.stderr
        assert (out / "graph.ttl").read_bytes() == before and content(out / "store") == built["old"]
    finally:
        kill(first)
    assert (out / "graph.ttl").read_bytes() == before and content(out / "store") == built["old"]


# ------------------------------------------------------------------ damaged, missing, empty

def _truncate_tables(folder: Path) -> None:
    for f in folder.glob("*.sst"):
        os.truncate(f, 100)


def _garble_current(folder: Path) -> None:
    (folder / "CURRENT").write_text("garbage\n")


def _garble_every_file(folder: Path) -> None:
    for f in folder.iterdir():
        if f.is_file() and f.stat().st_size:
            with open(f, "r+b") as fh:
                fh.seek(f.stat().st_size // 3)
                fh.write(b"\xab" * max(1, f.stat().st_size // 3))


@pytest.mark.parametrize("damage", [_truncate_tables, _garble_current, _garble_every_file])
def test_a_damaged_store_is_one_line_naming_the_folder(built, tmp_path, damage):
    out = fresh_copy(built, tmp_path, "damaged")
    damage(Path(os.path.realpath(out / "store")))
    r = cli("query", "themes", "--store", f"oxigraph:{out / 'store'}")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert str(out / "store") in r.stderr and f"hankeverkko build --store oxigraph:{out / 'store'}" in r.stderr


def test_a_missing_store_is_one_line(tmp_path):
    r = cli("query", "themes", "--store", f"oxigraph:{tmp_path / 'nothing'}")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'nothing'}: no Oxigraph store here; build one with "
        f"`hankeverkko build --store oxigraph:{tmp_path / 'nothing'}`"]


def test_an_empty_store_says_so(tmp_path):
    OxigraphStore(tmp_path / "empty").close()
    r = cli("query", "themes", "--store", f"oxigraph:{tmp_path / 'empty'}")
    assert r.returncode == 0
    assert f"note: the store {tmp_path / 'empty'} is empty (0 triples)" in r.stderr


# ------------------------------------------------------------------ in process

def _graph(n: int) -> Graph:
    return Graph().parse(data="".join(f"<http://x/s{i}> <http://x/p> 'v{i}' .\n" for i in range(n)),
                         format="turtle")


def test_a_plain_store_folder_is_replaced_whole_and_kept_as_the_previous_version(tmp_path):
    with OxigraphStore(tmp_path / "store") as plain:  # made before versions: a plain folder
        plain.load(_graph(3))
    assert load_into_store(f"oxigraph:{tmp_path / 'store'}", _graph(5)) == (5, 1)
    assert (tmp_path / "store").is_symlink()
    assert open_store(f"oxigraph:{tmp_path / 'store'}").select(COUNT).rows[0][0].toPython() == 5
    kept = list(versions_folder(tmp_path / "store").glob("plain-*"))
    assert len(kept) == 1 and len(OxigraphStore(kept[0], read_only=True)) == 3


def test_repeated_loads_keep_the_live_and_the_previous_version_only(tmp_path):
    spec = f"oxigraph:{tmp_path / 'store'}"
    for n in (1, 2, 3, 4):
        load_into_store(spec, _graph(n))
    assert len(open_store(spec)) == 4
    assert len([p for p in versions_folder(tmp_path / "store").iterdir() if not p.name.startswith(".")]) == 2


def test_a_build_that_fails_writing_graph_file_changes_neither(built, tmp_path):
    from hankeverkko.graph.pipeline import run_build
    from hankeverkko.graph.sparql.store import replacement

    out = fresh_copy(built, tmp_path, "fails")
    (out / "graph.ttl").unlink()
    (out / "graph.ttl").mkdir()  # writing graph.ttl now fails
    with pytest.raises(OSError):
        with replacement(f"oxigraph:{out / 'store'}") as store:
            run_build(OLD, out, store=store)
    assert content(out / "store") == built["old"]
    assert [p.name for p in versions_folder(out / "store").iterdir() if not p.name.startswith(".")] == \
        [Path(os.path.realpath(out / "store")).name]


def test_the_store_folder_given_as_a_file_is_a_store_error(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        load_into_store(f"oxigraph:{tmp_path / 'f'}", _graph(1))
