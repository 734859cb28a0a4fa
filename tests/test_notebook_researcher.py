"""The researcher's notebook runs from top to bottom and is committed without outputs."""
from __future__ import annotations

import nbformat
import pytest

from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "researcher_sparql.ipynb"


def test_the_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 8
    assert all(not c.outputs and c.execution_count is None for c in code)


def test_the_notebook_only_imports_and_calls_the_library():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "def " not in source and "class " not in source
    assert "SELECT" not in source  # the questions live in graph/queries/*.rq


@pytest.mark.slow
def test_the_notebook_runs_without_error():
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO)}}).execute()  # raises CellExecutionError
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert any("tiny" in str(o) or "rows)" in str(o) for o in last.outputs)
