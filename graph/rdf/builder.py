"""The state of one build and its primitives: the graph being built, the
resolution organisations come from, the warnings collected; adding a triple,
provenance (``prov:wasDerivedFrom`` + ``hv:sourceLine``) and a label; the
literal forms (language guess, dates, euros); and the IRI of a project
printed without a code. The steps per concept (``organisations``,
``themes``, ``projects``, ``documents``) take a :class:`Builder`."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from rdflib import PROV, RDFS, XSD, Graph, Literal, URIRef

from hankeverkko.loaders.records import Project, SourceDocument, Span
from hankeverkko.ontology import HV

from hankeverkko.graph.identity.entities import Resolution
from hankeverkko.graph.rdf.iris import (_coded_projects, _key, bind_prefixes, document_iri, project_iri, source_iri,
                                       source_keys)

__all__ = ["Builder"]

_SV_HINT = re.compile(r"\b(Ab|rf|Abp|stiftelse|yrkeshögskola\w*|högskola\w*|förening\w*|och)\b", re.I)


class Builder:
    """One build: its graph, documents, resolution and warnings, shared by the steps."""

    def __init__(self, docs: list[SourceDocument], resolution: Resolution, include_officials: bool):
        self.g = bind_prefixes(Graph())
        self.docs = docs
        self.res = resolution
        self.include_officials = include_officials
        self.warnings: list[str] = []
        self.theme_names: dict[str, URIRef] = {}
        self.unstated_groups: dict[str, list[int]] = {}
        self.coded = _coded_projects(docs)
        #: how spans and mentions name a document -> its IRI; the document being built
        self.sources = {key: document_iri(d) for key, d in zip(source_keys(docs), docs)}
        self.current: Optional[SourceDocument] = None
        self._by_key: Optional[dict[str, list]] = None

    def source(self, name: str) -> URIRef:
        """The IRI of the document a span or mention names (the document being
        built where two documents share that name)."""
        if self.current is not None and name == self.current.name:
            return document_iri(self.current)
        return self.sources.get(name) or source_iri(name)

    def add(self, s, p, o):
        """Add a triple; a missing end (``None``: a rejected organisation name) adds nothing."""
        if s is not None and o is not None:
            self.g.add((s, p, o))

    def prov(self, node: URIRef, span: Span, line: Optional[int] = None):
        self.add(node, PROV.wasDerivedFrom, self.source(span.source))
        self.add(node, HV.sourceLine, Literal(line or span.first, datatype=XSD.integer))

    def label(self, node: URIRef, name: str, lang: Optional[str] = None):
        self.add(node, RDFS.label, Literal(name, lang=lang or _lang(name)))

    def project_by_name(self, name: str) -> URIRef:
        """The project a relation names by code, full name or acronym: the one project of
        any source that matches exactly; several matches go to the warnings (to review)
        and the name gets its own node, never an arbitrary one of them."""
        if self._by_key is None:            # built once: a scan per call grew with projects x relations
            self._by_key = {}
            for doc in self.docs:
                for p in doc.projects:
                    for text in {_key(p.name), _key(p.code or ""), _key(p.acronym or "")}:
                        self._by_key.setdefault(text, []).append(p)
        key = _key(name)
        found = sorted({self.project_node(p) for p in self._by_key.get(key, ())})
        if len(found) == 1:
            return found[0]
        if found:
            self._ambiguous(name, found)
        return project_iri(None, name)

    def project_node(self, p: Project) -> URIRef:
        """A project's IRI; a project printed without a code that names (by acronym
        or full name) exactly one coded project of any source is that project; one
        that names several is its own node, and the warnings list it for review."""
        if p.code:
            return project_iri(p.code, p.name)
        for key in (_key(p.acronym or ""), _key(p.name)):
            if key and len(self.coded.get(key, ())) == 1:
                return next(iter(self.coded[key]))
        for key in (_key(p.acronym or ""), _key(p.name)):
            if key and len(self.coded.get(key, ())) > 1:
                self._ambiguous(p.acronym or p.name, sorted(self.coded[key]))
        return project_iri(None, p.name)

    def _ambiguous(self, name: str, candidates: list[URIRef]):
        msg = (f"project {name!r} printed without a code matches {len(candidates)} projects "
               f"({', '.join(str(c).rsplit('/', 1)[-1] for c in candidates)}); kept as its own node — "
               "review and add the code to the source")
        if msg not in self.warnings:
            self.warnings.append(msg)


def _lang(name: str) -> str:
    return "sv" if _SV_HINT.search(name) else "fi"


def _date(d) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _euros(x: Decimal) -> Literal:
    return Literal(format(x.normalize() if x == x.to_integral() else x, "f"), datatype=XSD.decimal)
