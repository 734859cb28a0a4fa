"""Projects: a project node with its kind, dates, money, web addresses,
themes and programmes; its participants (``hv:implementer`` and the other
role properties, a participation node each) and sub-project rows; the
coordination projects themes name; and code-only labels dropped where a
source names the project."""
from __future__ import annotations

from rdflib import DCTERMS, RDF, RDFS, SKOS, Literal

from hankeverkko.loaders.ids import fund_of_code
from hankeverkko.loaders.records import Project, SourceDocument
from hankeverkko.ontology import HV

from hankeverkko.graph.rdf.builder import Builder, _date, _euros
from hankeverkko.graph.rdf.iris import _key, _looks_like_code, project_iri, theme_iri, url_term
from hankeverkko.graph.rdf.organisations import organisation, participation
from hankeverkko.graph.rdf.periods import code_period, period_programme
from hankeverkko.graph.rdf.themes import programme, theme_ref

__all__ = ["KIND_CLASSES", "ROLE_PROPERTIES", "coordination_links", "drop_code_only_labels", "project"]

#: role -> direct properties materialised from project to organisation
ROLE_PROPERTIES = {
    "main": (HV.mainImplementer, HV.implementer),
    "sub": (HV.subImplementer, HV.implementer),
    "implementer": (HV.implementer,),
    "applicant": (HV.implementer,),
    "administrator": (HV.administrator, HV.mainImplementer, HV.implementer),
    "partner": (HV.partner,),
    "pilot": (HV.pilotMunicipality,),
    "steering": (HV.steeringGroupMember,),
}
#: ``Project.funding`` key -> property (euros)
FUNDING_PROPERTIES = {
    "public": HV.publicFunding, "eu": HV.euFunding, "state": HV.stateFunding,
    "eu_state": HV.euStateFunding, "total": HV.totalFunding,
}
#: how the document kind states its funding authority (evidence of that participation)
AUTHORITY_EVIDENCE = {"project-card": "card_field", "decision-form": "form_field"}
KIND_CLASSES = {
    "coordination": HV.CoordinationProject, "group": HV.GroupProject,
    "sub": HV.SubProject, "single": None,
}


def project(builder: Builder, p: Project, doc: SourceDocument):
    node = builder.project_node(p)
    builder.add(node, RDF.type, HV.Project)
    cls = KIND_CLASSES[p.kind]
    has_main = any(pp.role in ("main", "administrator") for pp in p.participants)
    if cls == HV.GroupProject and not has_main:
        # the source lists several implementers but never says which is the main one:
        # asserting hv:GroupProject would claim a structure the document does not state
        cls = None
        builder.unstated_groups.setdefault(p.span.source, []).append(p.span.first)
    if cls is not None:
        builder.add(node, RDF.type, cls)
    has_subrows = any(pp.code and pp.code != p.code for pp in p.participants)
    if p.kind == "coordination" and has_subrows and has_main:
        builder.add(node, RDF.type, HV.GroupProject)
    builder.label(node, p.name)
    builder.prov(node, p.span)
    if p.code:
        builder.add(node, HV.code, Literal(p.code))
    if p.acronym:
        builder.add(node, HV.acronym, Literal(p.acronym))
    if p.start:
        builder.add(node, HV.startDate, _date(p.start))
    if p.end:
        builder.add(node, HV.endDate, _date(p.end))
    if p.period:
        builder.add(node, HV.period, Literal(p.period))
    if p.cost_estimate is not None:
        builder.add(node, HV.costEstimate, _euros(p.cost_estimate))
    if p.section:
        builder.add(node, HV.section, Literal(p.section, lang="fi"))
    if p.description:
        builder.add(node, DCTERMS.description, Literal(p.description, lang="fi"))
    for u in p.urls:
        term = url_term(u)
        if term is None:
            builder.warnings.append(f"{p.span.source}:{p.span.first}: {u!r} is not a web address; not used")
        else:
            builder.add(node, HV.url, term)
    for o in p.outputs:
        builder.add(node, HV.output, Literal(o, lang="fi"))
    _programme_facts(builder, node, p, doc)
    themes = [theme_ref(builder, t, p.span) for t in p.themes]
    for t in themes:
        builder.add(node, HV.theme, t)
    programmes = [programme(builder, p.programme, p.span)] if p.programme else list(
        {o for t in themes for o in builder.g.objects(t, HV.programme)})
    if not programmes and period_programme(p):
        name, period = period_programme(p)
        prog = programme(builder, name, p.span)
        if (prog, HV.programmePeriod, None) not in builder.g:
            builder.add(prog, HV.programmePeriod, Literal(period))
        programmes = [prog]
    for prog in programmes:
        builder.add(node, HV.programme, prog)
    if p.parent:
        builder.add(node, HV.subProjectOf, project_iri(p.parent if _looks_like_code(p.parent) else None, p.parent))
    for part in p.participants:
        org = organisation(builder, part.organisation, part.business_id)
        if org is None:
            continue
        for prop in ROLE_PROPERTIES[part.role]:
            builder.add(node, prop, org)
        participation(builder, node, org, part.role, p.span, part.line, evidence=part.evidence)
        if part.code and part.code != p.code:
            sub = project_iri(part.code, p.name)
            builder.add(sub, RDF.type, HV.Project)
            builder.add(sub, RDF.type, HV.SubProject)
            builder.label(sub, p.name)
            builder.add(sub, HV.code, Literal(part.code))
            builder.add(sub, HV.subProjectOf, node)
            builder.add(sub, HV.implementer, org)
            role = "main" if part.role in ("main", "administrator") else "sub" if part.role == "sub" else part.role
            participation(builder, sub, org, role, p.span, part.line, evidence=part.evidence)
            builder.prov(sub, p.span, part.line)
            for t in themes:
                builder.add(sub, HV.theme, t)
            for prog in programmes:
                builder.add(sub, HV.programme, prog)
    _same_name_two_ids(builder, p)


def _same_name_two_ids(builder: Builder, p: Project):
    """A project that lists one printed name with two Y-tunnus (a business name and a
    separate company): two organisation nodes (Y-tunnus first), linked by ``skos:related``."""
    by_name: dict[str, set] = {}
    for part in p.participants:
        if part.business_id:
            org = organisation(builder, part.organisation, part.business_id)
            if org is not None:
                by_name.setdefault(_key(part.organisation), set()).add(org)
    for orgs in by_name.values():
        for a in orgs:
            for b in orgs - {a}:
                builder.add(a, SKOS.related, b)


def _programme_facts(builder: Builder, node, p: Project, doc: SourceDocument):
    """Fund (as printed, else the shape of the code), status, priority axis, specific
    objective, funding, and the funding authority (an ELY centre funds the project)."""
    fund = p.fund or (fund_of_code(p.code) if p.code and code_period(p.code) else None)
    if fund:
        builder.add(node, HV.fund, Literal(fund))
    for prop, value in ((HV.status, p.status), (HV.priorityAxis, p.priority_axis),
                        (HV.specificObjective, p.specific_objective)):
        if value:
            builder.add(node, prop, Literal(value))
    for key, amount in sorted(p.funding.items()):
        if key in FUNDING_PROPERTIES and amount is not None:
            builder.add(node, FUNDING_PROPERTIES[key], _euros(amount))
    if p.funding_authority:
        org = organisation(builder, p.funding_authority)
        builder.add(node, HV.fundingAuthority, org)
        participation(builder, node, org, "funder", p.span, None,
                      evidence=AUTHORITY_EVIDENCE.get(doc.kind))


def coordination_links(builder: Builder, doc: SourceDocument):
    by_name = {}
    for p in doc.projects:
        by_name[_key(p.name)] = builder.project_node(p)
        if p.code:
            by_name[_key(p.code)] = builder.project_node(p)
    for t in doc.themes:
        for c in t.coordination_projects:
            target = by_name.get(_key(c))
            if target is None:
                builder.warnings.append(f"{t.span.source}:{t.span.first}: coordination project {c!r} of theme "
                                     f"{t.name!r} is not in the theme's project list; linked by name")
                target = project_iri(c if _looks_like_code(c) else None, c)
                builder.add(target, RDF.type, HV.Project)
                builder.add(target, RDF.type, HV.CoordinationProject)
                builder.label(target, c)
                builder.prov(target, t.span)
            builder.add(theme_iri(t.name), HV.coordinationProject, target)


def drop_code_only_labels(builder: Builder):
    """A source that gives a project only its code (a spreadsheet row without
    a name) labels it with the code; drop that label where another source names it."""
    for node, code in list(builder.g.subject_objects(HV.code)):
        labels = set(builder.g.objects(node, RDFS.label))
        if len(labels) > 1:
            for label in labels:
                if str(label).strip().casefold() == str(code).casefold():
                    builder.g.remove((node, RDFS.label, label))
