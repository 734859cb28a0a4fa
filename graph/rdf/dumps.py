"""RDF exports: Turtle, N-Triples, N-Quads and JSON-LD, deterministic.

* ``ttl`` — Turtle (rdflib sorts subjects); numbers keep their lexical form
  (rdflib's shorthand would turn ``"1000000"^^xsd:decimal`` into ``1000000.0``);
* ``nt`` — N-Triples, lines sorted;
* ``nq`` — N-Quads, a named graph per source document (the rule of
  :func:`hankeverkko.graph.sparql.store.partition_by_source`), lines sorted;
* ``jsonld`` — JSON-LD compacted with the published context
  ``ontology/context.jsonld`` (embedded, so the file reads offline), nodes
  sorted by ``@id`` and values sorted.

Two exports of the same graph are byte-identical, whatever the hash seed.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/hankeverkko/id/project/S1"),
...            URIRef("https://w3id.org/hankeverkko/ontology#sourceLine"), Literal(3)))
>>> print(serialise_rdf(g, "nt").decode(), end="")
<https://w3id.org/hankeverkko/id/project/S1> <https://w3id.org/hankeverkko/ontology#sourceLine> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Optional

from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import _is_valid_uri, split_uri
from rdflib.plugins.serializers.turtle import _GEN_QNAME_FOR_DT, TurtleSerializer

from hankeverkko.graph.atomic import write_atomic
from hankeverkko.graph.errors import GraphFileError
from hankeverkko.graph.rdf.graphfile import read_graph
from hankeverkko.graph.rdf.named_graphs import PREFIXES, partition_by_source
from hankeverkko.ontology import CONTEXT_FILE

__all__ = ["EXPORT_FORMATS", "load_context", "to_dataset", "serialise_rdf", "export_graph"]

#: format key -> (description, rdflib format used to read it back)
EXPORT_FORMATS = {
    "ttl": ("Turtle", "turtle"),
    "nt": ("N-Triples, sorted lines", "nt"),
    "nq": ("N-Quads, a named graph per source document, sorted lines", "nquads"),
    "jsonld": ("JSON-LD with the context of ontology/context.jsonld", "json-ld"),
}


def load_context() -> dict:
    """The published JSON-LD context (the value of its ``@context``)."""
    return json.loads(Path(CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]


def to_dataset(graph: Graph) -> Dataset:
    """``graph`` as a dataset with one named graph per source document."""
    ds = Dataset()
    for name, triples in partition_by_source(graph).items():
        ds.addN((s, p, o, ds.graph(name)) for s, p, o in triples)
    return ds


_SHORTHAND = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean)


class _LosslessTurtle(TurtleSerializer):
    """rdflib's Turtle layout, linear in the graph and with our prefixes only.

    * A number is written bare only when the bare form reads back as the same
      lexical form, so exports round-trip exactly.
    * Prefixed names come from :data:`PREFIXES` alone, computed once per IRI.
      rdflib's own ``compute_qname`` inserts every distinct namespace into a
      trie whose insertion cost grows with its size, so a graph with many
      ``id:`` IRIs took quadratic time; the output is the same bytes.
    """

    def __init__(self, graph: Graph):
        super().__init__(graph)
        self._by_namespace = {str(ns): prefix for prefix, ns in PREFIXES.items()}
        self._pnames: dict[tuple[str, bool], Optional[tuple[str, str, str]]] = {}

    def get_pname(self, uri, gen_prefix: bool = True):
        if not isinstance(uri, URIRef):
            return None
        key = (str(uri), bool(gen_prefix))
        if key not in self._pnames:
            self._pnames[key] = self._pname_parts(key[0])
        parts = self._pnames[key]
        if parts is None:
            return None
        prefix, namespace, local = parts
        self.addNamespace(prefix, URIRef(namespace))
        return f"{prefix}:{local}"

    def _pname_parts(self, uri: str) -> Optional[tuple[str, str, str]]:
        """(prefix, namespace, escaped local name), or ``None`` for a full IRI."""
        if uri in self._by_namespace:
            return self._by_namespace[uri], uri, ""
        if not _is_valid_uri(uri):
            return None
        try:
            namespace, local = split_uri(uri)
        except ValueError:
            return None
        prefix = self._by_namespace.get(namespace)
        if prefix is None:
            return None
        local = local.replace("(", r"\(").replace(")", r"\)")
        local = self.LOCALNAME_PECRENT_CHARACTER_REQUIRING_ESCAPE_REGEX.sub("\\%", local)
        return None if local.endswith(".") else (prefix, namespace, local)

    def label(self, node, position):
        if isinstance(node, Literal) and node.datatype in _SHORTHAND:
            qname = lambda dt: self.get_pname(dt, _GEN_QNAME_FOR_DT)  # noqa: E731
            plain = node._literal_n3(use_plain=True, qname_callback=qname)
            return plain if plain == str(node) else node._literal_n3(use_plain=False, qname_callback=qname)
        return super().label(node, position)


def _turtle(graph: Graph) -> bytes:
    """Turtle of ``graph`` with :data:`PREFIXES`; the caller's own prefix
    bindings are never read, so no copy of the graph is needed."""
    buf = io.BytesIO()
    _LosslessTurtle(graph).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def _sorted_lines(text: str) -> bytes:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _canonical(value):
    if isinstance(value, dict):
        return {k: _canonical(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(graph: Graph) -> bytes:
    context = load_context()
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data, dict):
        data.pop("@context", None)
        nodes = data["@graph"] if "@graph" in data else ([data] if data else [])
    else:
        nodes = data
    nodes = sorted((_canonical(n) for n in nodes), key=lambda n: (str(n.get("@id", "")),
                                                                  json.dumps(n, sort_keys=True)))
    doc = {"@context": context, "@graph": nodes}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def serialise_rdf(graph: Graph, fmt: str) -> bytes:
    """``graph`` in export format ``fmt`` (a key of :data:`EXPORT_FORMATS`)."""
    if fmt == "ttl":
        return _turtle(graph)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "nq":
        return _sorted_lines(to_dataset(graph).serialize(format="nquads"))
    if fmt == "jsonld":
        return _jsonld(graph)
    raise GraphFileError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def export_graph(graph_file: str | Path | Graph, fmt: str, out: str | Path) -> Path:
    """Read ``graph_file`` (or take a Graph) and write it to ``out`` atomically."""
    if fmt not in EXPORT_FORMATS:
        raise GraphFileError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    graph = graph_file if isinstance(graph_file, Graph) else read_graph(graph_file)
    return write_atomic(out, serialise_rdf(graph, fmt))
