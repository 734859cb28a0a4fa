"""The coordinator's tour notebook only calls the library, is committed without outputs, and runs."""
from __future__ import annotations

import ast

import nbformat
import pytest

from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "coordinator_tour.ipynb"


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_the_tour_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert len(_code(nb)) >= 10
    assert all(not c.outputs and c.execution_count is None for c in _code(nb))


LOGIC = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While, ast.If,
         ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp, ast.Try)


def test_the_tour_only_imports_and_calls_the_library():
    source = "\n".join(c.source for c in _code(nbformat.read(NOTEBOOK, as_version=4)))
    logic = [type(node).__name__ for node in ast.walk(ast.parse(source)) if isinstance(node, LOGIC)]
    assert logic == [], "move notebook logic into graph/ with a test"
    imported = {a.name.split(".")[0] for node in ast.walk(ast.parse(source))
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for a in ([ast.alias(node.module)] if isinstance(node, ast.ImportFrom) else node.names)}
    assert imported <= {"hankeverkko", "pathlib", "IPython"}, imported
    assert "SELECT" not in source
    for step in ("build_sources", "theme_overview", "prepare_map(graph, theme=", "prepare_map(graph, org=",
                 "period_continuity", "export_network", "make_report(graph", "tamk_card.txt"):
        assert step in source, step


@pytest.mark.slow
def test_the_tour_runs_and_writes_its_maps(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises CellExecutionError
    assert not [o for c in _code(nb) for o in c.outputs if o.output_type == "error"]
    tour = tmp_path / "out" / "tour"
    assert (tour / "theme.html").stat().st_size > 10_000 and (tour / "ego.html").stat().st_size > 10_000
    assert sorted(p.name for p in (tour / "exports").iterdir()) == [
        "edges.csv", "network.gexf", "network.graphml", "network_vosviewer.json", "nodes.csv"]
    images = [o for c in _code(nb) for o in c.outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) == 2
    assert not (tmp_path / "lib").exists()
