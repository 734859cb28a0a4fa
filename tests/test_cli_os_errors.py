"""Every OS error of every command is one line naming the path and what to do, exit 1, no traceback.

The tests run as root, where ``chmod`` does not stop writes, so a read-only
folder and a full disk are simulated in the atomic writer (every command
writes through ``graph.atomic.write_atomic``); a folder that cannot exist
(a path under a regular file) is real.
"""
from __future__ import annotations

import errno
import os
import tempfile

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main
from hankeverkko.graph.rdf.dumps import serialise_rdf


@pytest.fixture()
def graph_file(tmp_path, tiny_graph):
    path = tmp_path / "graph.ttl"
    path.write_bytes(serialise_rdf(tiny_graph, "ttl"))
    return path


#: command -> arguments writing to OUT (the output path)
WRITERS = {
    "build": lambda g, out: ["build", "--out", str(out)],
    "export": lambda g, out: ["export", str(g), "--format", "nt", "--out", str(out / "graph.nt")],
    "map": lambda g, out: ["map", str(g), "--out", str(out / "map.html")],
    "network": lambda g, out: ["network", str(g), "--out", str(out)],
    "orgs": lambda g, out: ["orgs", "--review", str(out / "review.csv")],
}


def _one_line_error(result, path, lines: int = 1) -> str:
    assert result.exit_code == 1, result.output
    err = result.stderr.strip()
    assert "Traceback" not in result.output and "Traceback" not in err
    assert len(err.splitlines()) == lines, err
    assert str(path) in err, err
    return err


def _runner():
    return CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


def test_every_writing_command_is_covered():
    assert len(WRITERS) >= 5


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_out_under_a_regular_file(command, graph_file, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "out"
    err = _one_line_error(_runner().invoke(main, WRITERS[command](graph_file, out)), blocker)
    assert "not a folder" in err or "no such file" in err


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_out_folder_without_write_permission(command, graph_file, tmp_path, monkeypatch):
    out = tmp_path / "read-only"

    def refuse(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir or ".", ".tmpXYZ"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    err = _one_line_error(_runner().invoke(main, WRITERS[command](graph_file, out)), out)
    assert "permission denied" in err and "--out" in err
    assert ".tmpXYZ" not in err  # the message names the user's path, not the temporary file


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_full_disk(command, graph_file, tmp_path, monkeypatch):
    out = tmp_path / "full"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")  # as write() raises it: no file name

    monkeypatch.setattr(os, "replace", full)
    err = _one_line_error(_runner().invoke(main, WRITERS[command](graph_file, out)), out)
    assert "no space left" in err and "free some space" in err
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temporary file left behind


#: command -> arguments reading GRAPH (an input the system refuses to read)
READERS = {
    "validate": lambda g: ["validate", str(g)],
    "export": lambda g: ["export", str(g), "--format", "nt", "--out", str(g.with_suffix(".nt"))],
    "map": lambda g: ["map", str(g), "--out", str(g.with_suffix(".html"))],
    "network": lambda g: ["network", str(g), "--out", str(g.parent / "net")],
    "query": lambda g: ["query", "themes", "--graph", str(g)],
    "push": lambda g: ["push", str(g), "--gsp", "http://127.0.0.1:9/store"],
}


@pytest.mark.parametrize("command", sorted(READERS))
def test_unreadable_input(command, graph_file, monkeypatch):
    from rdflib import Graph

    def refuse(self, source=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(source))

    monkeypatch.setattr(Graph, "parse", refuse)

    class RefusingStore:                     # graph files are read by pyoxigraph (map, network, query --graph)
        def __len__(self):
            return 0

        def load(self, *args, path=None, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    import pyoxigraph
    monkeypatch.setattr(pyoxigraph, "Store", RefusingStore)
    err = _one_line_error(_runner().invoke(main, READERS[command](graph_file)), graph_file)
    assert "ermission denied" in err


def test_unreadable_source_for_build_and_orgs(tmp_path, monkeypatch):
    src = tmp_path / "doc.txt"
    src.write_text("Teema\n")
    real_open = open

    def refuse(file, *args, **kwargs):
        if str(file) == str(src):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    import builtins
    import io
    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    from pathlib import Path
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def guard(real):
        def read(self, *args, **kwargs):
            if self == src:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self, *args, **kwargs)
        return read

    monkeypatch.setattr(Path, "read_bytes", guard(real_read_bytes))
    monkeypatch.setattr(Path, "read_text", guard(real_read_text))
    for args in (["build", str(src), "--out", str(tmp_path / "out")], ["orgs", str(src)]):
        # the loaders report every unreadable source, a line each, under one heading
        err = _one_line_error(_runner().invoke(main, args), src, lines=2)
        assert f"{src}: cannot read (Permission denied)" in err.splitlines()[1]
