"""Lazy public names for a package's ``__init__``: the names are listed in
one table, and a module is imported only when one of its names is used, so
``import hankeverkko`` stays cheap (pyshacl, matplotlib and pyoxigraph load
only when needed).

>>> getattr_, dir_ = lazy_api("hankeverkko.graph", {"write_atomic": "atomic"})
>>> getattr_("write_atomic").__name__
'write_atomic'
>>> dir_()
['write_atomic']
"""
from __future__ import annotations

import importlib
from typing import Callable

__all__ = ["lazy_api"]


def lazy_api(package: str, api: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list]]:
    """``(__getattr__, __dir__)`` for ``package`` whose public name -> module
    (relative to ``package``) table is ``api``."""
    names = sorted(api)

    def __getattr__(name: str):
        try:
            module = api[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def __dir__() -> list:
        return names

    return __getattr__, __dir__
