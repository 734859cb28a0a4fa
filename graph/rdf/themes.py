"""Programmes and themes: programme nodes (with the period their name prints),
budgets and responsible ministries; theme nodes with funding, target groups
and (on request) contacts; and themes a project names that no source
describes."""
from __future__ import annotations

import re
from typing import Optional

from rdflib import FOAF, RDF, SKOS, Literal, URIRef

from hankeverkko.loaders.records import SourceDocument, Span
from hankeverkko.ontology import HV, ID

from hankeverkko.graph.identity.entities import slug
from hankeverkko.graph.rdf.builder import Builder, _date, _euros
from hankeverkko.graph.rdf.iris import _key, programme_iri, theme_iri
from hankeverkko.graph.rdf.organisations import organisation, participation

__all__ = ["programme", "programme_period", "programmes", "theme_ref", "themes"]

_PERIOD_RE = re.compile(r"\b(19\d\d|20\d\d)\s*[-–—]\s*(19\d\d|20\d\d)\b")


def programme_period(*texts: Optional[str]) -> Optional[str]:
    """'YYYY-YYYY' from the first text that prints a year range.

    >>> programme_period("Uudistuva ja osaava Suomi 2021–2027")
    '2021-2027'
    """
    for t in texts:
        m = _PERIOD_RE.search(t or "")
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    return None


def programme(builder: Builder, name: str, span: Span) -> URIRef:
    node = programme_iri(name)
    if (node, RDF.type, HV.Programme) not in builder.g:
        builder.add(node, RDF.type, HV.Programme)
        builder.label(node, name)
        period = programme_period(name)
        if period:
            builder.add(node, HV.programmePeriod, Literal(period))
    builder.prov(node, span)
    return node


def programmes(builder: Builder, doc: SourceDocument):
    for p in doc.programmes:
        node = programme(builder, p.name, p.span)
        if p.period:
            builder.add(node, HV.period, Literal(p.period))
        period = programme_period(p.name, p.period) or (
            f"{p.start.year}-{p.end.year}" if p.start and p.end else None)
        if period and (node, HV.programmePeriod, None) not in builder.g:
            builder.add(node, HV.programmePeriod, Literal(period))
        if p.start:
            builder.add(node, HV.startDate, _date(p.start))
        if p.end:
            builder.add(node, HV.endDate, _date(p.end))
        if p.budget is not None:
            builder.add(node, HV.budget, _euros(p.budget))
        for m in p.ministries:
            org = organisation(builder, m)
            builder.add(node, HV.responsibleMinistry, org)
            participation(builder, node, org, "ministry", p.span, None)
        for r in p.related_programmes:
            builder.add(node, HV.relatedProgramme, programme(builder, r, p.span))


def themes(builder: Builder, doc: SourceDocument):
    for t in doc.themes:
        node = theme_iri(t.name)
        builder.theme_names[_key(t.name)] = node
        builder.add(node, RDF.type, HV.Theme)
        if t.kind == "measure_package":
            builder.add(node, RDF.type, HV.MeasurePackage)
        builder.label(node, t.name)
        builder.prov(node, t.span)
        if t.programme:
            builder.add(node, HV.programme, programme(builder, t.programme, t.span))
        if t.period:
            builder.add(node, HV.period, Literal(t.period))
        if t.start:
            builder.add(node, HV.startDate, _date(t.start))
        if t.end:
            builder.add(node, HV.endDate, _date(t.end))
        for m in t.ministries:
            builder.add(node, HV.responsibleMinistry, organisation(builder, m))
        for f in t.funders:
            builder.add(node, HV.fundingAuthority, organisation(builder, f))
        for prop, value in ((HV.fundingFrame, t.funding.frame), (HV.fundingReserved, t.funding.reserved),
                            (HV.fundingCommitted, t.funding.committed), (HV.fundingPaid, t.funding.paid),
                            (HV.budget, t.budget)):
            if value is not None:
                builder.add(node, prop, _euros(value))
        for tg in t.target_groups:
            builder.add(node, HV.targetGroup, Literal(tg, lang="fi"))
        if builder.include_officials:
            for c in t.contacts:
                person = ID[f"person/{slug(c.person)}"]
                builder.add(person, RDF.type, FOAF.Person)
                builder.add(person, FOAF.name, Literal(c.person))
                if c.title:
                    builder.add(person, SKOS.note, Literal(c.title, lang="fi"))
                builder.add(node, HV.contact, person)


def theme_ref(builder: Builder, name: str, span: Span) -> URIRef:
    node = builder.theme_names.get(_key(name))
    if node is None:
        node = theme_iri(name)
        builder.theme_names[_key(name)] = node
        builder.add(node, RDF.type, HV.Theme)
        builder.label(node, name)
        builder.prov(node, span)
        builder.warnings.append(f"{span.source}:{span.first}: theme {name!r} is named by a project "
                             "but described in no source; created with its name only")
    return node
