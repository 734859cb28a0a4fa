"""Running SPARQL text and formatting SELECT results.

The query library (``graph/queries/*.rq``, parameters, label resolution)
is in :mod:`hankeverkko.graph.sparql.library`; this module formats what any store returns.

Formats of :func:`format_result`:

* ``table`` — aligned columns for a terminal; IRIs shortened with
  :data:`PREFIXES` (``hv:MainImplementerRole``, ``id:project/S10003``);
  with a ``width`` the table fits it (values cut with ``…``, said in the
  footer), and ``group`` columns make one row of the rows sharing them;
* ``csv`` — W3C SPARQL 1.1 CSV results: plain values, full IRIs;
* ``tsv`` — W3C SPARQL 1.1 TSV results: RDF terms (``<iri>``, ``"teksti"@fi``,
  bare numbers), lossless;
* ``json`` — W3C SPARQL 1.1 JSON results (``application/sparql-results+json``).

Every format writes numbers in one canonical form (:func:`lexical`:
``1055410.4``, ``4000000.0``), so every store gives the same bytes.
CSV, TSV and JSON keep every row and value as the store returned it; only
the table groups and cuts.

>>> from rdflib import Graph
>>> run_query_text(Graph(), "SELECT ?s WHERE { ?s a hv:Project }")
(['s'], [])
>>> from rdflib import Literal, URIRef
>>> r = SelectResult(["role", "n"], [(URIRef(PREFIXES["hv"] + "MainImplementerRole"), Literal(2))])
>>> print(format_result(r, "table"), end="")
role                    n
----------------------  -
hv:MainImplementerRole  2
(1 rows)
>>> format_result(r, "tsv").splitlines()[1].split("\\t")
['<https://w3id.org/hankeverkko/ontology#MainImplementerRole>', '2']
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Optional, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from hankeverkko.graph.errors import QueryError
from hankeverkko.graph.rdf.named_graphs import PREFIXES
from hankeverkko.graph.sparql.layout import group_rows, layout_table
from hankeverkko.graph.sparql.lexical import lexical
from hankeverkko.graph.sparql.results import SelectResult
from hankeverkko.graph.sparql.stores.memory import MemoryStore

__all__ = ["PREFIXES", "FORMATS", "run_query_text", "format_rows", "format_result", "shorten", "to_dataframe"]

FORMATS = ("table", "csv", "tsv", "json")


def run_query_text(graph: Graph, text: str) -> tuple[list[str], list[list[str]]]:
    """Run SELECT ``text`` on ``graph`` in memory: (header, rows of strings)."""
    result = MemoryStore(graph).select(text)
    rows = [["" if v is None else str(v) for v in row] for row in result.rows]
    return result.vars, rows


def format_rows(header: list[str], rows: list[list[str]], fmt: str = "table",
                width: Optional[int] = None) -> str:
    """Rows of strings as an aligned table (fitted to ``width`` if given), CSV or TSV."""
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", delimiter="," if fmt == "csv" else "\t")
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()
    return layout_table(header, rows, width)


def shorten(term: Optional[Node], prefixes=PREFIXES) -> str:
    """A term as a short string: ``prefix:local`` for IRIs in a known namespace.

    >>> shorten(URIRef("https://w3id.org/hankeverkko/id/theme/teema-yksi"))
    'id:theme/teema-yksi'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        best = max(((k, str(v)) for k, v in prefixes.items() if str(term).startswith(str(v))),
                   key=lambda kv: len(kv[1]), default=None)
        if best and re.fullmatch(r"[\w./-]+", str(term)[len(best[1]):]):
            return f"{best[0]}:{str(term)[len(best[1]):]}"
        return str(term)
    return lexical(term)


_TURTLE_BARE = {
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
    XSD.double: re.compile(r"[+-]?(\d+\.\d*|\.?\d+)[eE][+-]?\d+"),
    XSD.boolean: re.compile(r"true|false"),
}


def _tsv_term(term: Optional[Node]) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in _TURTLE_BARE \
            and _TURTLE_BARE[term.datatype].fullmatch(lexical(term)):
        return lexical(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.datatype is not None:
        term = Literal(lexical(term), datatype=term.datatype, normalize=False)
    if isinstance(term, (URIRef, Literal)):
        return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    raise QueryError(f"cannot format {term!r}")


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": lexical(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: SelectResult, fmt: str = "table", width: Optional[int] = None,
                  group: Sequence[str] = ()) -> str:
    """A SELECT result as text in one of :data:`FORMATS`; ``width`` and
    ``group`` shape the table only (see the module text)."""
    if fmt == "table":
        rows = [[shorten(v) for v in row] for row in result.rows]
        grouped = group_rows(result.vars, rows, group)
        notes = [f"{len(rows)} results grouped by {', '.join(group)}"] if len(grouped) != len(rows) else []
        return layout_table(result.vars, grouped, width, notes)
    if fmt == "csv":
        return format_rows(result.vars, [[lexical(v) for v in row] for row in result.rows], "csv")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(_tsv_term(v) for v in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        doc = {"head": {"vars": result.vars},
               "results": {"bindings": [{k: _json_term(v) for k, v in zip(result.vars, row) if v is not None}
                                        for row in result.rows]}}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(FORMATS)}")


def to_dataframe(result: SelectResult, short: bool = True):
    """A SELECT result as a pandas DataFrame: literals as Python values
    (numbers, dates, strings), IRIs shortened with :data:`PREFIXES` (or full
    strings with ``short=False``), unbound values as ``None``.

    >>> r = SelectResult(["org", "n"], [(URIRef(PREFIXES["id"] + "organisation/x"), Literal(3))])
    >>> to_dataframe(r).to_dict("records")
    [{'org': 'id:organisation/x', 'n': 3}]
    """
    import pandas as pd

    def value(t):
        if t is None:
            return None
        if isinstance(t, Literal):
            return t.toPython() if t.datatype is not None else str(t)
        return shorten(t) if short else str(t)
    return pd.DataFrame([[value(t) for t in row] for row in result.rows], columns=result.vars)
