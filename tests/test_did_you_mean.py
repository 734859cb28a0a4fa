"""Options naming an organisation or a theme that match nothing, or several, exit 1
with the closest candidates: fuzzy, ranked, at most ten, with type and IRI (issue J.2)."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, corpus_graph):
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    corpus_graph.serialize(path, format="turtle")
    return path


def _candidates(output: str) -> list[str]:
    assert "did you mean:" in output, output
    lines = output.split("did you mean:\n", 1)[1].splitlines()
    return [ln.strip() for ln in lines if ln.startswith("  ")]


CASES = [
    (["map", "--org", "Tampereen amk", "--out", "x.html"],
     "no organisation matches 'Tampereen amk'", "Tampereen ammattikorkeakoulu Oy — hv:UniversityOfAppliedSciences"),
    (["map", "--theme", "jatkuva opiminen", "--out", "x.html"],
     "no theme matches 'jatkuva opiminen'", "Jatkuva oppiminen — hv:Theme, id:theme/jatkuva-oppiminen"),
    (["network", "--theme", "osaaminen", "--out", "net"],
     "'osaaminen' matches 2 themes", "Luovan ja kulttuurialan innovaatio-osaaminen — hv:Theme"),
    (["report", "--theme", "Jatkuva opiminen", "--out", "r.html"],
     "no theme matches 'Jatkuva opiminen'", "Jatkuva oppiminen — hv:Theme"),
    (["report", "--org", "Tampereen amk", "--out", "r.html"],
     "no organisation matches 'Tampereen amk'", "Tampereen ammattikorkeakoulu Oy — hv:UniversityOfAppliedSciences"),
    (["map", "--org", "kaupunki", "--out", "x.html"],
     "'kaupunki' matches", "Tampereen kaupunki — hv:Municipality"),
]


@pytest.mark.parametrize("args, first_line, best", CASES, ids=lambda x: " ".join(x) if isinstance(x, list) else "")
def test_unmatched_or_ambiguous_names_list_the_closest(graph_file, tmp_path, args, first_line, best):
    command, rest = args[0], args[1:]
    rest = [str(tmp_path / a) if a in ("x.html", "net", "r.html") else a for a in rest]
    r = CliRunner().invoke(main, [command, str(graph_file), *rest])
    assert r.exit_code == 1, r.output
    assert first_line in r.output
    found = _candidates(r.output)
    assert 1 <= len(found) <= 10
    assert all(re.search(r" — hv:\w+.*, (id:|<)", c) for c in found), found     # type and IRI on every line
    assert any(c.startswith(best) for c in found), found
    if "no " in first_line:
        assert found[0].startswith(best), found                                 # the closest comes first


def test_ambiguous_candidates_are_at_most_ten(graph_file, tmp_path):
    r = CliRunner().invoke(main, ["map", str(graph_file), "--org", "oy", "--out", str(tmp_path / "x.html")])
    assert r.exit_code == 1
    assert re.search(r"'oy' matches (\d+) organisations", r.output)
    assert int(re.search(r"'oy' matches (\d+)", r.output).group(1)) > 10
    assert len(_candidates(r.output)) == 10
