"""What a source document states besides its programmes, themes and
projects: the document node itself, its concept scheme, the statutes it
cites and the relations it states between projects, organisations, themes
and programmes."""
from __future__ import annotations

from rdflib import DCTERMS, PROV, RDF, SKOS, XSD, Literal

from hankeverkko.loaders.records import SourceDocument
from hankeverkko.ontology import HV, ID

from hankeverkko.graph.identity.entities import slug
from hankeverkko.graph.rdf.builder import Builder
from hankeverkko.graph.rdf.iris import document_iri, programme_iri
from hankeverkko.graph.rdf.organisations import organisation, participation
from hankeverkko.graph.rdf.themes import programme, theme_ref

__all__ = ["concepts", "document", "relations", "statutes"]


def document(builder: Builder, doc: SourceDocument):
    node = document_iri(doc)
    builder.add(node, RDF.type, HV.SourceDocument)
    builder.add(node, HV.fileName, Literal(doc.name))
    builder.add(node, HV.documentKind, Literal(doc.kind))
    builder.label(node, doc.title or doc.name, "fi")
    if doc.title:
        builder.add(node, DCTERMS.title, Literal(doc.title, lang="fi"))
    if doc.publisher:
        builder.add(node, DCTERMS.publisher, Literal(doc.publisher, lang="fi"))
    if doc.year:
        builder.add(node, DCTERMS.issued, Literal(str(doc.year), datatype=XSD.gYear))


def concepts(builder: Builder, doc: SourceDocument):
    if not doc.concepts:
        return
    scheme = ID[f"scheme/{slug(doc.name)}"]
    builder.add(scheme, RDF.type, SKOS.ConceptScheme)
    builder.label(scheme, f"Käsitteet: {doc.title or doc.name}", "fi")
    builder.add(scheme, PROV.wasDerivedFrom, document_iri(doc))
    for c in doc.concepts:
        node = ID[f"concept/{slug(doc.name)}/{slug(c.label)}"]
        builder.add(node, RDF.type, SKOS.Concept)
        builder.add(node, SKOS.prefLabel, Literal(c.label, lang="fi"))
        builder.add(node, SKOS.definition, Literal(c.definition, lang="fi"))
        builder.add(node, SKOS.inScheme, scheme)
        builder.prov(node, c.span)


def statutes(builder: Builder, doc: SourceDocument):
    progs = [programme_iri(p.name) for p in doc.programmes]
    for s in doc.statutes:
        node = ID[f"statute/{slug(s.number)}"]
        builder.add(node, RDF.type, HV.Statute)
        builder.add(node, HV.statuteNumber, Literal(s.number))
        builder.label(node, s.title or s.number, "fi")
        builder.prov(node, s.span)
        builder.add(document_iri(doc), HV.statute, node)
        for prog in progs:
            builder.add(prog, HV.statute, node)


def relations(builder: Builder, doc: SourceDocument):
    for r in doc.relations:
        if r.predicate == "related_project":
            a, b = builder.project_by_name(r.subject), builder.project_by_name(r.object)
            builder.add(a, HV.relatedProject, b)
            node = ID[f"relation/{str(a).rsplit('/', 1)[-1]}/{str(b).rsplit('/', 1)[-1]}"]
            builder.add(node, RDF.type, HV.ProjectRelation)
            builder.add(node, HV.fromProject, a)
            builder.add(node, HV.toProject, b)
            if r.detail:
                builder.add(node, HV.relationKind, Literal(r.detail))
            builder.prov(node, r.span)
        elif r.predicate == "runs" and r.subject_type == "organisation":
            target = (theme_ref(builder, r.object, r.span) if r.object_type == "theme"
                      else programme(builder, r.object, r.span))
            org = organisation(builder, r.subject)
            builder.add(target, HV.runBy, org)
            participation(builder, target, org, "agency", r.span, None, r.detail)
        elif r.predicate in ("responsible_for", "funds") and r.subject_type == "organisation" \
                and r.object_type in ("theme", "programme"):
            target = (theme_ref(builder, r.object, r.span) if r.object_type == "theme"
                      else programme(builder, r.object, r.span))
            org = organisation(builder, r.subject)
            if r.predicate == "responsible_for":
                builder.add(target, HV.responsibleMinistry, org)
                participation(builder, target, org, "ministry", r.span, None, r.detail)
            else:
                if r.object_type == "theme":
                    builder.add(target, HV.fundingAuthority, org)
                participation(builder, target, org, "funder", r.span, None, r.detail)
        elif r.predicate == "funds" and r.subject_type == "organisation" and r.object_type == "project":
            participation(builder, builder.project_by_name(r.object), organisation(builder, r.subject), "funder",
                               r.span, None, r.detail)
        else:
            builder.warnings.append(f"{r.span.source}:{r.span.first}: relation {r.predicate!r} "
                                 f"({r.subject_type} -> {r.object_type}) has no mapping in the ontology; not used")
