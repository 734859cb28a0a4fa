"""Reading and atomically writing graph files (Turtle, N-Triples, JSON-LD ...).

>>> guess_format("out/graph.ttl")
'turtle'
>>> guess_format("dump.nq")
'nquads'
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.util import SUFFIX_FORMAT_MAP
from rdflib.util import guess_format as _rdflib_guess

from hankeverkko.graph.errors import GraphFileError

__all__ = ["read_graph", "guess_format"]


def guess_format(path: str | Path) -> str:
    fmt = _rdflib_guess(str(path), {**SUFFIX_FORMAT_MAP, "jsonld": "json-ld", "json": "json-ld"})
    if fmt is None:
        raise GraphFileError(f"{path}: unknown RDF file extension; use .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    return fmt


def read_graph(path: str | Path) -> Graph:
    """Parse a graph file; a missing or malformed file is a GraphFileError."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run `hankeverkko build --out DIR` first)")
    try:
        return Graph().parse(path, format=guess_format(path))
    except GraphFileError:
        raise
    except Exception as e:  # rdflib raises many parser-specific types
        raise GraphFileError(f"{path}: not a readable {guess_format(path)} graph: {e}") from e
