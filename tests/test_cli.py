"""The `hankeverkko` command as a new user meets it, on the bundled corpus."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main
from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE

from conftest import REPO, SOURCES


def _all_commands():
    return sorted(main.commands)


def test_there_are_commands():
    assert {"build", "validate", "query"} <= set(_all_commands())


@pytest.mark.parametrize("name", _all_commands())
def test_every_command_has_help_with_an_example(name):
    r = CliRunner().invoke(main, [name, "--help"])
    assert r.exit_code == 0, r.output
    assert re.search(r"Examples?:", r.output), f"`hankeverkko {name} --help` has no example"


@pytest.mark.parametrize("name", _all_commands())
def test_every_command_is_documented_in_the_readme(name):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"hankeverkko {name}" in readme


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert r.exit_code == 0, r.output
    return out, r.output


def test_build_writes_the_graph_and_a_summary_per_class_and_source(built):
    out, output = built
    assert (out / "graph.ttl").stat().st_size > 10_000
    assert "Per class:" in output and "Project" in output
    for f in sorted(SOURCES.glob("*.txt")):
        assert f.name in output, f"summary does not mention {f.name}"
    assert "project-list lines used" in output


def test_build_of_the_bundled_corpus_validates(built):
    out, _ = built
    r = CliRunner().invoke(main, ["validate", str(out / "graph.ttl")])
    assert r.exit_code == 0, r.output[:3000]


def test_default_build_has_no_email_or_phone(built):
    text = (built[0] / "graph.ttl").read_text(encoding="utf-8")
    assert not EMAIL_RE.search(text)
    assert not PHONE_RE.search(text)


def test_two_builds_in_separate_processes_are_byte_identical(tmp_path):
    outs = []
    for seed in ("0", "123"):
        d = tmp_path / seed
        subprocess.run([sys.executable, "-m", "hankeverkko.graph.cli", "build", "--quiet", "--out", str(d)], cwd=REPO,
                       check=True, capture_output=True, env={"PYTHONHASHSEED": seed, "PATH": ""})
        outs.append((d / "graph.ttl").read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 10_000


def test_nothing_readable_is_exit_1_naming_each_file_and_its_reason(tmp_path):
    f = tmp_path / "kauppalista.txt"
    f.write_text("maitoa\nleipää\nvoita\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(f), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert "no source could be read" in r.output and "kauppalista.txt: no known layout" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_a_missing_source_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2 and "does not exist" in r.output


def test_binary_junk_is_a_clear_error(tmp_path):
    f = tmp_path / "junk.txt"
    f.write_bytes(b"\xff\xfe\x00\x81" * 50)
    r = CliRunner().invoke(main, ["build", str(f), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "junk.txt" in r.output and "no source could be read" in r.output
    assert "Traceback" not in r.output
