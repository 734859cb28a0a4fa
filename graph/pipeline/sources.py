"""Which files a build reads: files named directly, and every file under a
named folder, recursively.

Hidden files and folders, Office lock files (``~$x.docx``), documentation
files of a source folder (``SOURCES.md``, ``README``) and the asset folders of
saved web pages (``page_files/``) are left out; symbolic links are followed,
but a folder is visited once however many links lead to it, so a link loop
ends.

>>> from hankeverkko.graph.pipeline import bundled_corpus
>>> [p.name for p in expand_sources([bundled_corpus()])][:1]
['000_5390a3236872ddc1.txt']
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.loaders.extract import is_companion_asset

__all__ = ["BUNDLED_CORPUS", "bundled_corpus", "expand_sources"]

BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "data" / "sources"
#: files in a source folder that are documentation, not sources
_NOT_SOURCES = {"sources.md", "readme.md", "readme.txt", "license", ".gitkeep"}


def bundled_corpus() -> Path:
    if not BUNDLED_CORPUS.is_dir():
        raise HankeverkkoError(f"the bundled corpus is not at {BUNDLED_CORPUS}; "
                               "install from a clone with `pip install -e .` or give SOURCES")
    return BUNDLED_CORPUS


def _wanted(path: Path) -> bool:
    name = path.name
    return not (name.startswith(".") or name.startswith("~$") or name.lower() in _NOT_SOURCES)


def _walk(folder: Path) -> list[Path]:
    found, seen = [], set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:            # a symbolic link back to a folder already read
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if _wanted(path) and path.is_file() and not is_companion_asset(path):
                found.append(path)
    return found


def expand_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the files under named folders; each file
    once, in a stable order (sorted by path)."""
    out: dict[str, Path] = {}
    for p in map(Path, paths):
        if p.is_dir():
            files = _walk(p)
        elif p.is_file():
            files = [p]
        else:
            raise HankeverkkoError(f"{p}: no such file or folder")
        for f in files:
            out.setdefault(os.path.realpath(f), f)
    if not out:
        raise HankeverkkoError("no source files found in " + ", ".join(map(str, paths)))
    return sorted(out.values(), key=lambda f: (f.name, str(f)))
