"""One snake_case vocabulary for types, roles and kinds in every option, any case,
listed in --help; --role replaces the default role set (issue J.1, J.3)."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main
from hankeverkko.graph.identity.names import ORG_TYPES
from hankeverkko.graph.network.vocabulary import ROLES
from hankeverkko.graph.network.views import co_implementation_graph

TYPE_COMMANDS = [["map", "--out", "x.html"], ["network", "--out", "net"], ["orgs"]]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, corpus_graph):
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    corpus_graph.serialize(path, format="turtle")
    return path


@pytest.mark.parametrize("command", TYPE_COMMANDS, ids=lambda c: c[0])
def test_help_lists_every_type_key_of_the_code(command):
    r = CliRunner().invoke(main, [command[0], "--help"], terminal_width=400)
    assert r.exit_code == 0
    helptext = " ".join(r.output.split())
    assert ", ".join(ORG_TYPES) in helptext, helptext          # snake_case keys, from the code's table


@pytest.mark.parametrize("command", TYPE_COMMANDS, ids=lambda c: c[0])
def test_a_misspelt_type_is_a_usage_error_with_the_closest_key(command):
    r = CliRunner().invoke(main, [*command, "--type", "municpality"])
    assert r.exit_code == 2, r.output
    assert "unknown organisation type 'municpality' (did you mean municipality?)" in r.output
    assert "ely_centre" in r.output


@pytest.mark.parametrize("command", [["map", "--out", "x.html"], ["network", "--out", "net"]], ids=lambda c: c[0])
def test_role_is_validated_case_insensitively(command):
    r = CliRunner().invoke(main, [*command, "--role", "partnr"])
    assert r.exit_code == 2 and "unknown role 'partnr' (did you mean partner?)" in r.output
    r = CliRunner().invoke(main, [command[0], "--help"], terminal_width=400)
    assert "[" + "|".join(ROLES) + "]" in r.output


def test_map_takes_the_snake_case_keys_in_any_case(graph_file, tmp_path):
    out = tmp_path / "m.html"
    r = CliRunner().invoke(main, ["map", str(graph_file), "--type", "UNIVERSITY_OF_APPLIED_SCIENCES",
                                  "--type", "ely_centre", "--colour", "Type", "--out", str(out)])
    assert r.exit_code == 0, r.output
    G = co_implementation_graph(_read(graph_file),
                                org_types=["university_of_applied_sciences", "ely_centre"])
    assert r.stderr.startswith(f"{G.number_of_nodes()} organisation") and G.number_of_nodes() > 0


def _read(path):
    from hankeverkko.graph.rdf.graphfile import read_graph
    return read_graph(path)


@pytest.mark.slow
def test_orgs_type_filters_in_any_case():
    r = CliRunner().invoke(main, ["orgs", "--type", "Ely-Centre", "--type", "municipality", "--format", "csv"])
    assert r.exit_code == 0, r.output
    types = {row["type"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert types == {"ely_centre", "municipality"}


def test_build_kind_any_case_and_did_you_mean(tmp_path):
    r = CliRunner().invoke(main, ["build", "--kind", "projct_plan", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "unknown kind 'projct_plan' (did you mean project-plan?)" in r.output


def test_build_kind_accepts_underscores_and_capitals(tmp_path):
    from hankeverkko.graph.pipeline import bundled_corpus
    plan = sorted(bundled_corpus().glob("004_*"))[0]
    r = CliRunner().invoke(main, ["build", str(plan), "--kind", "Project_Plan", "--out", str(tmp_path), "-q"])
    assert r.exit_code == 0, r.output


def test_role_replaces_the_default_set(graph_file, tmp_path):
    """--role pilot maps only pilot-municipality links: the default (implementer) is replaced, not added to."""
    graph = _read(graph_file)
    pilots = co_implementation_graph(graph, roles=("pilot",))
    both = co_implementation_graph(graph, roles=("implementer", "pilot"))
    assert 0 < pilots.number_of_nodes() < both.number_of_nodes()
    for roles, G in ((["--role", "pilot"], pilots), (["--role", "implementer", "--role", "PILOT"], both)):
        r = CliRunner().invoke(main, ["map", str(graph_file), *roles, "--out", str(tmp_path / "m.html")])
        assert r.exit_code == 0, r.output
        assert r.stderr.startswith(f"{G.number_of_nodes()} organisation"), r.stderr
    helptext = " ".join(CliRunner().invoke(main, ["map", "--help"]).output.split())
    assert "The roles given replace the default" in helptext
