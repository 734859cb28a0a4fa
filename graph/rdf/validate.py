"""SHACL validation of a data graph with ``ontology/shapes.ttl`` (pyshacl).

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from hankeverkko.ontology import ONTOLOGY_FILE, SHAPES_FILE

from hankeverkko.graph.rdf.graphfile import read_graph

__all__ = ["Violation", "ValidationReport", "validate", "validate_file"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    value: Optional[str] = None
    severity: str = "Violation"

    def __str__(self) -> str:
        v = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {self.focus}\n  path: {self.path}\n  {self.message}{v}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self) -> str:
        if self.conforms:
            return "The graph conforms to the hankeverkko shapes."
        body = "\n".join(str(v) for v in self.violations)
        return f"The graph does NOT conform: {len(self.violations)} problem(s).\n{body}"


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against the shapes, with the ontology mixed in."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    combined = Graph()
    for g in (data, _ontology()):   # role concepts and class hierarchy live in the ontology
        for t in g:
            combined.add(t)
    conforms, report, _ = shacl_validate(combined, shacl_graph=shapes, inference="none",
                                         advanced=True, allow_warnings=True)
    violations = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        def one(p):
            o = report.value(r, p)
            return None if o is None else (o.n3(report.namespace_manager) if isinstance(o, URIRef) else str(o))
        sev = report.value(r, SH.resultSeverity)
        violations.append(Violation(
            focus=one(SH.focusNode) or "?", path=one(SH.resultPath) or "(node)",
            message=one(SH.resultMessage) or "constraint violated", value=one(SH.value),
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation"))
    violations.sort(key=lambda v: (v.focus, v.path, v.message, v.value or ""))
    return ValidationReport(bool(conforms), violations)


def validate_file(path: str | Path) -> ValidationReport:
    """Parse a graph file (any RDF format rdflib reads) and validate it."""
    return validate(read_graph(path))
