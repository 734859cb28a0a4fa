"""SPARQL on a graph, with the project's prefixes predeclared.

>>> from rdflib import Graph
>>> run_query_text(Graph(), "SELECT ?s WHERE { ?s a hv:Project }")
(['s'], [])
"""
from __future__ import annotations

import csv
import io

from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology import HV, ID

from .errors import QueryError

__all__ = ["PREFIXES", "run_query_text", "format_rows"]

PREFIXES = {"hv": HV._NS, "id": ID, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS,
            "prov": PROV, "dcterms": DCTERMS, "foaf": FOAF, "owl": OWL,
            "org": "http://www.w3.org/ns/org#"}


def run_query_text(graph: Graph, text: str) -> tuple[list[str], list[list[str]]]:
    try:
        result = graph.query(text, initNs=PREFIXES)
    except Exception as e:  # pyparsing / rdflib errors
        raise QueryError(f"the SPARQL query is not valid: {e}") from e
    if result.type != "SELECT":
        raise QueryError("only SELECT queries print a table")
    header = [str(v) for v in result.vars]
    rows = [["" if v is None else str(v) for v in row] for row in result]
    return header, rows


def format_rows(header: list[str], rows: list[list[str]], fmt: str = "table") -> str:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(out) + f"\n({len(rows)} rows)\n"
