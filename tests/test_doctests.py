"""Every docstring example in the installed package runs (habit: examples are doctests).

The modules are found by walking ``hankeverkko`` as installed, so each is
imported once, under its one import name.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import hankeverkko

#: modules that are scripts to run, not to import
NOT_IMPORTED = {"hankeverkko.graph.__main__", "hankeverkko.graph.cli.__main__", "hankeverkko.__main__"}


def _modules() -> list[str]:
    names = ["hankeverkko"]
    for info in pkgutil.walk_packages(hankeverkko.__path__, "hankeverkko."):
        names.append(info.name)
    for top in ("graph", "loaders", "ontology"):
        pkg = importlib.import_module(f"hankeverkko.{top}")
        names.append(pkg.__name__)
        names.extend(i.name for i in pkgutil.walk_packages(pkg.__path__, f"{pkg.__name__}."))
    return sorted(set(names) - NOT_IMPORTED)


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [name for name in _modules()
            if any(t.examples for t in finder.find(importlib.import_module(name)))]


MODULES = _with_examples()


def test_the_examples_cover_the_package():
    """Guard against a matrix that shrinks silently (a walk that finds nothing)."""
    assert len(_modules()) >= 60
    assert len(MODULES) >= 25


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
    assert result.attempted > 0
