"""The house stays findable: one import name, subpackages by concept, imports one way.

* Everything installs under ``hankeverkko``; no module imports a bare
  ``graph``, ``loaders`` or ``ontology`` package.
* ``loaders`` never imports ``hankeverkko.graph`` (records only, no RDF).
* Inside ``hankeverkko.graph`` a module imports only from its own layer and
  the layers below it (``hankeverkko.graph.LAYERS``, top first).
* No module is over the size a reader takes in one sitting.
"""
from __future__ import annotations

import ast
import configparser
import subprocess
import sys
from pathlib import Path

import pytest

from hankeverkko.graph import LAYERS, SHARED

REPO = Path(__file__).resolve().parents[1]
#: folder in the repository -> package it installs as
PACKAGE_DIRS = {"hankeverkko": "hankeverkko", "graph": "hankeverkko.graph",
                "loaders": "hankeverkko.loaders", "ontology": "hankeverkko.ontology"}
MAX_LINES = 420


def _modules() -> dict[str, Path]:
    """dotted name -> file, for every module of the distribution."""
    out = {}
    for folder, package in PACKAGE_DIRS.items():
        for path in (REPO / folder).rglob("*.py"):
            rel = path.relative_to(REPO / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([package, *parts])] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Absolute names of every module ``name`` imports (also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES)
    return found


def _layer(name: str) -> str | None:
    parts = name.split(".")
    if parts[:2] != ["hankeverkko", "graph"] or len(parts) < 3:
        return None
    return parts[2]


def test_every_module_is_found():
    assert len(MODULES) >= 60
    assert {"hankeverkko.graph.rdf.build", "hankeverkko.loaders.detect"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_use_the_one_import_name(name):
    bare = sorted(i for i in _imports(name, MODULES[name]) if i.split(".")[0] in ("graph", "loaders", "ontology"))
    assert not bare, f"{name} imports {bare}: use hankeverkko.{bare[0]}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("hankeverkko.loaders")))
def test_loaders_never_import_graph(name):
    wrong = sorted(i for i in _imports(name, MODULES[name]) if i.startswith("hankeverkko.graph"))
    assert not wrong, f"{name} imports {wrong}: loaders return records and never build RDF"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _layer(n) in LAYERS))
def test_graph_imports_run_downwards(name):
    mine = LAYERS.index(_layer(name))
    upward = sorted(i for i in _imports(name, MODULES[name])
                    if _layer(i) in LAYERS and LAYERS.index(_layer(i)) < mine)
    assert not upward, f"{name} (layer {LAYERS[mine]}) imports {upward} from a layer above it"


def test_every_graph_module_is_in_a_layer_or_shared():
    stray = sorted(n for n in MODULES if _layer(n) and _layer(n) not in LAYERS + SHARED
                   and _layer(n) not in ("__main__",))
    assert not stray, f"modules outside the layers: {stray}"


def test_setup_cfg_lists_every_package():
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg", encoding="utf-8")
    listed = set(cfg["options"]["packages"].split())
    on_disk = {n for n, p in MODULES.items() if p.name == "__init__.py"}
    assert listed == on_disk


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_readable_in_one_sitting(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concept"


def test_only_hankeverkko_is_installed(tmp_path):
    """Outside the checkout ``import hankeverkko`` works and the folder names are not packages."""
    code = ("import importlib.util, hankeverkko, hankeverkko.graph.cli;"
            "print([n for n in ('graph', 'loaders', 'ontology') if importlib.util.find_spec(n)])")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
