"""Progress on a terminal only: nothing extra in pipes, files or CI logs (issue J.4)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main, progress
from hankeverkko.graph.pipeline import bundled_corpus, read_sources


def test_read_sources_reports_each_file_then_done():
    paths = sorted(bundled_corpus().glob("*.txt"))
    calls = []
    read_sources(paths, progress=lambda done, total, what: calls.append((done, total, what)))
    assert calls == [(i, len(paths), str(p)) for i, p in enumerate(paths)] + [(len(paths), len(paths), "")]


def _build(tmp_path):
    return CliRunner().invoke(main, ["build", "--out", str(tmp_path), "-q"])


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    r = _build(tmp_path)
    assert r.exit_code == 0, r.output
    assert "\r" not in r.stderr and "reading" not in r.stderr and "[1/" not in r.stderr


@pytest.fixture
def fake_tty(monkeypatch):
    """stderr claims to be a terminal, as CliRunner's stream cannot be one."""
    monkeypatch.setattr(progress, "_stderr_is_terminal", lambda: True)


def test_progress_on_a_terminal(tmp_path, monkeypatch, fake_tty):
    monkeypatch.delenv("CI", raising=False)
    r = _build(tmp_path)
    assert r.exit_code == 0, r.output
    assert "\r[1/" in r.stderr and "] reading " in r.stderr


@pytest.mark.parametrize("ci", ["true", "1"])
def test_no_progress_in_ci_even_on_a_terminal(tmp_path, monkeypatch, fake_tty, ci):
    monkeypatch.setenv("CI", ci)
    r = _build(tmp_path)
    assert r.exit_code == 0 and "\r" not in r.stderr and "[1/" not in r.stderr


def test_map_status_line_only_on_a_terminal(tmp_path, monkeypatch, corpus_graph):
    monkeypatch.delenv("CI", raising=False)
    graph = tmp_path / "g.ttl"
    corpus_graph.serialize(graph, format="turtle")
    args = ["map", str(graph), "--out", str(tmp_path / "m.html")]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0 and "\r" not in plain.stderr
    monkeypatch.setattr(progress, "_stderr_is_terminal", lambda: True)
    shown = CliRunner().invoke(main, args)
    assert shown.exit_code == 0 and "\rlaying out and writing" in shown.stderr


def _run_with_stderr(stderr_tty: bool, tmp_path, env) -> str:
    """``hankeverkko build`` in a real process, stderr a pseudo-terminal or a pipe."""
    cmd = [sys.executable, "-m", "hankeverkko", "build", "--out", str(tmp_path), "-q"]
    if not stderr_tty:
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300).stderr
    master, slave = pty.openpty()
    chunks = []

    def drain():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=slave, env=env, timeout=300)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_real_terminal_and_real_pipe(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    assert "[1/" in _run_with_stderr(True, tmp_path / "a", env)
    assert "[1/" not in _run_with_stderr(False, tmp_path / "b", env)
    assert "[1/" not in _run_with_stderr(True, tmp_path / "c", {**env, "CI": "true"})
