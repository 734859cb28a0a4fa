"""Organisations in the graph: the node of a resolved organisation (types,
labels, business ID, acronym) with an ``hv:Mention`` and provenance for every
printed form; ``hv:Participation`` nodes, an organisation's role in a
project, theme or programme; organisations a programme document names with
a role; and the printed names the records give the resolver."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from rdflib import PROV, RDF, SKOS, XSD, Literal, URIRef

from hankeverkko.loaders.records import SourceDocument, Span
from hankeverkko.ontology import HV, ID

from hankeverkko.graph.identity.entities import NameMention, OrgEntity, slug
from hankeverkko.graph.identity.names import ORG_TYPES
from hankeverkko.graph.rdf.builder import Builder, _lang
from hankeverkko.graph.rdf.iris import organisation_iri, programme_iri, source_keys

__all__ = ["EVIDENCE_CONCEPTS", "ROLE_CONCEPTS", "mentions", "organisation", "organisation_mentions", "participation", "stated_aliases"]

ROLE_CONCEPTS = {
    "main": HV.MainImplementerRole, "sub": HV.SubImplementerRole,
    "implementer": HV.ImplementerRole, "applicant": HV.ApplicantRole,
    "administrator": HV.AdministratorRole, "partner": HV.PartnerRole,
    "pilot": HV.PilotRole, "steering": HV.SteeringRole,
    "agency": HV.AgencyRole, "ministry": HV.MinistryRole, "funder": HV.FundingAuthorityRole,
}

#: ``Participation.evidence`` -> its concept in hv:EvidenceKinds
EVIDENCE_CONCEPTS = {
    "list": HV.ListEvidence, "card_field": HV.CardFieldEvidence,
    "form_field": HV.FormFieldEvidence, "prose": HV.ProseEvidence,
}


def organisation(builder: Builder, name: str, business_id: Optional[str] = None) -> Optional[URIRef]:
    """The organisation node of a printed name (``None`` when the resolver rejected it)."""
    try:
        ent = builder.res.entity_for(f"{name} ({business_id})" if business_id else name)
    except KeyError:
        return None  # the resolver already warned that this is not an organisation name
    node = organisation_iri(ent)
    if (node, RDF.type, HV.Organisation) not in builder.g:
        builder.add(node, RDF.type, HV.Organisation)
        builder.add(node, RDF.type, HV[ORG_TYPES.get(ent.type, "OtherOrganisation")])
        builder.label(node, ent.label, ent.lang)
        builder.add(node, SKOS.prefLabel, Literal(ent.label, lang=ent.lang))
        if ent.business_id:
            builder.add(node, HV.businessId, Literal(ent.business_id))
        if ent.acronym:
            builder.add(node, HV.acronym, Literal(ent.acronym))
        for m in ent.mentions:
            _mention(builder, node, ent, m)
    return node


def _mention(builder: Builder, node: URIRef, ent: OrgEntity, m: NameMention):
    printed = re.sub(r"\s+", " ", m.name).strip()
    if printed != ent.label:
        builder.add(node, SKOS.altLabel, Literal(printed, lang=_lang(printed)))
    mention = ID[f"mention/{ent.key}/{slug(m.source)}/{m.line}/{slug(printed)}"]
    builder.add(node, HV.mention, mention)
    builder.add(mention, RDF.type, HV.Mention)
    builder.add(mention, HV.printedName, Literal(printed))
    if m.org_type:
        builder.add(mention, HV.printedOrganisationType, Literal(re.sub(r"\s+", " ", m.org_type).strip()))
    builder.add(mention, PROV.wasDerivedFrom, builder.source(m.source))
    builder.add(mention, HV.sourceLine, Literal(m.line, datatype=XSD.integer))
    builder.add(node, PROV.wasDerivedFrom, builder.source(m.source))
    builder.add(node, HV.sourceLine, Literal(m.line, datatype=XSD.integer))


def participation(builder: Builder, target: URIRef, org: URIRef, role: str, span: Span,
                  line: Optional[int], description: Optional[str] = None, evidence: Optional[str] = None):
    """An ``hv:Participation`` node; ``evidence`` (a project participant's, see
    ``loaders.records.EVIDENCE``) adds its ``hv:evidence`` concept."""
    if org is None:
        return
    concept = ROLE_CONCEPTS[role]
    node = ID[f"participation/{str(target).rsplit('/', 1)[-1]}/{str(org).rsplit('/', 1)[-1]}/{role}"]
    builder.add(node, RDF.type, HV.Participation)
    builder.add(node, HV.participant, org)
    builder.add(node, HV.participationIn, target)
    builder.add(node, HV.role, concept)
    if evidence:
        builder.add(node, HV.evidence, EVIDENCE_CONCEPTS[evidence])
    if description:
        builder.add(node, HV.roleDescription, Literal(description, lang="fi"))
    builder.prov(node, span, line)


def mentions(builder: Builder, doc: SourceDocument):
    progs = [programme_iri(p.name) for p in doc.programmes]
    for m in doc.organisations:
        org = organisation(builder, m.expanded or m.name)
        if m.role:
            for prog in progs:
                participation(builder, prog, org, "agency", m.span, None, m.role)


def organisation_mentions(docs: Iterable[SourceDocument]) -> list[NameMention]:
    """Every printed organisation name in the records, with where it was printed
    (and the organisation type printed beside it, which identity's typing uses)."""
    out: list[NameMention] = []
    docs = list(docs)
    for doc, src in zip(docs, source_keys(docs)):
        for p in doc.programmes:
            out += [NameMention(m, src, p.span.first) for m in p.ministries]
        for t in doc.themes:
            out += [NameMention(m, src, t.span.first) for m in (*t.ministries, *t.funders)]
        for p in doc.projects:
            out += [NameMention(pp.organisation, src, pp.line or p.span.first, pp.business_id)
                    for pp in p.participants]
            if p.funding_authority:
                out.append(NameMention(p.funding_authority, src, p.span.first))
        for m in doc.organisations:
            out.append(NameMention(m.expanded or m.name, src, m.span.first, m.business_id, m.org_type))
            if m.expanded and m.expanded != m.name:
                out.append(NameMention(m.name, src, m.span.first, m.business_id))
        for r in doc.relations:
            if r.subject_type == "organisation":
                out.append(NameMention(r.subject, src, r.span.first))
            if r.object_type == "organisation":
                out.append(NameMention(r.object, src, r.span.first))
    typed = {(m.name, m.source, m.line, m.business_id) for m in out if m.org_type}
    return [m for m in out if m.org_type or (m.name, m.source, m.line, m.business_id) not in typed]


def stated_aliases(docs: Iterable[SourceDocument]) -> list[tuple[str, str]]:
    """(full name, abbreviation) pairs the documents define themselves ('X (ABBR)')."""
    return [(m.expanded, m.name) for doc in docs for m in doc.organisations
            if m.expanded and m.expanded != m.name]
