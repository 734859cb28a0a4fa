"""Records -> RDF: the graph builder.

Turns the :class:`loaders.records.SourceDocument` records of one or more
sources into one rdflib graph in the hankeverkko ontology (``ontology/``),
with stable IRIs (from codes where printed, else from normalised names) and
provenance (``prov:wasDerivedFrom`` + ``hv:sourceLine``) on every project,
theme, organisation, participation and mention.

Organisations go through :func:`graph.identity.resolve` first, so each real
organisation is one node whatever the spelling.

The data model (also in ``ontology/README.md``):

* project ``hv:implementer`` org is materialised for every implementing role;
  ``hv:mainImplementer``/``hv:subImplementer``/``hv:administrator`` besides;
* every participation is also an ``hv:Participation`` node
  (``hv:participant``, ``hv:participationIn``, ``hv:role``, provenance);
* a group project's sub-project rows become ``hv:SubProject`` nodes with
  ``hv:code``, ``hv:subProjectOf`` the group and ``hv:implementer``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Optional

from rdflib import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from hankeverkko.loaders.records import IMPLEMENTER_ROLES, Project, SourceDocument, Span
from hankeverkko.ontology import HV, ID

from hankeverkko.graph.identity.resolution import ORG_TYPES, NameMention, OrgEntity, Resolution, resolve, slug

__all__ = ["BuildResult", "build_graph", "bind_prefixes", "project_iri", "theme_iri",
           "programme_iri", "organisation_iri", "source_iri", "ROLE_PROPERTIES", "ROLE_CONCEPTS"]

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
ROLE_CONCEPTS = {
    "main": HV.MainImplementerRole, "sub": HV.SubImplementerRole,
    "implementer": HV.ImplementerRole, "applicant": HV.ApplicantRole,
    "administrator": HV.AdministratorRole, "partner": HV.PartnerRole,
    "pilot": HV.PilotRole, "steering": HV.SteeringRole,
    "agency": HV.AgencyRole, "ministry": HV.MinistryRole, "funder": HV.FundingAuthorityRole,
}
KIND_CLASSES = {
    "coordination": HV.CoordinationProject, "group": HV.GroupProject,
    "sub": HV.SubProject, "single": None,
}
_SV_HINT = re.compile(r"\b(Ab|rf|Abp|stiftelse|yrkeshögskola\w*|högskola\w*|förening\w*|och)\b", re.I)
_PERIOD_RE = re.compile(r"\b(19\d\d|20\d\d)\s*[-–—]\s*(19\d\d|20\d\d)\b")


# ------------------------------------------------------------------ IRIs

def source_iri(doc_name: str) -> URIRef:
    """IRI of a source document, from its file name.

    >>> source_iri("002_ecf7.txt")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/source/002-ecf7-txt')
    """
    return ID[f"source/{slug(doc_name)}"]


def project_iri(code: Optional[str], name: str) -> URIRef:
    """From the EURA code where printed, else from the normalised name.

    >>> project_iri("X-00001", "KOKEILU")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/project/X-00001')
    >>> project_iri(None, "Kotoa  työelämään")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/project/kotoa-tyoelamaan')
    """
    if code:
        return ID[f"project/{re.sub(r'[^A-Za-z0-9-]', '', code)}"]
    return ID[f"project/{slug(name)}"]


def theme_iri(name: str) -> URIRef:
    return ID[f"theme/{slug(name)}"]


def programme_iri(name: str) -> URIRef:
    return ID[f"programme/{slug(name)}"]


def organisation_iri(entity: OrgEntity) -> URIRef:
    return ID[f"organisation/{entity.key}"]


_IRI_BAD = re.compile(r'[\s<>"{}|\\^`]')


def url_term(url: str) -> Optional[URIRef]:
    """An absolute IRI for a printed web address, or ``None`` when it is not one.

    Addresses printed without a scheme get ``http://`` (the scheme browsers
    assume); characters that IRIs forbid are percent-encoded.

    >>> url_term("www.yyo.fi")
    rdflib.term.URIRef('http://www.yyo.fi')
    >>> url_term("https://example.fi/a b")
    rdflib.term.URIRef('https://example.fi/a%20b')
    >>> url_term("ei osoite") is None
    True
    """
    from urllib.parse import quote
    u = url.strip().rstrip(".,;)")
    if re.match(r"(?i)www\.", u):
        u = "http://" + u
    if not re.match(r"(?i)https?://[^/\s]+\.[^/\s]+", u):
        return None
    return URIRef(_IRI_BAD.sub(lambda m: quote(m.group(0)), u))


def _lang(name: str) -> str:
    return "sv" if _SV_HINT.search(name) else "fi"


def _date(d) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _euros(x: Decimal) -> Literal:
    return Literal(format(x.normalize() if x == x.to_integral() else x, "f"), datatype=XSD.decimal)


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


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in (("hv", str(HV)), ("id", str(ID)), ("prov", str(PROV)),
                       ("skos", str(SKOS)), ("dcterms", str(DCTERMS)), ("foaf", str(FOAF)),
                       ("org", "http://www.w3.org/ns/org#"), ("owl", str(OWL))):
        g.bind(prefix, ns, override=True, replace=True)
    return g


# ------------------------------------------------------------------ builder

@dataclass
class BuildResult:
    graph: Graph
    resolution: Resolution
    documents: list[SourceDocument]
    warnings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, docs: list[SourceDocument], resolution: Resolution, include_officials: bool):
        self.g = bind_prefixes(Graph())
        self.docs = docs
        self.res = resolution
        self.include_officials = include_officials
        self.warnings: list[str] = []
        self.theme_names: dict[str, URIRef] = {}
        self.unstated_groups: dict[str, list[int]] = {}
        self.coded = _coded_projects(docs)

    # -- helpers
    def add(self, s, p, o):
        """Add a triple; a missing end (``None``: a rejected organisation name) adds nothing."""
        if s is not None and o is not None:
            self.g.add((s, p, o))

    def prov(self, node: URIRef, span: Span, line: Optional[int] = None):
        self.add(node, PROV.wasDerivedFrom, source_iri(span.source))
        self.add(node, HV.sourceLine, Literal(line or span.first, datatype=XSD.integer))

    def label(self, node: URIRef, name: str, lang: Optional[str] = None):
        self.add(node, RDFS.label, Literal(name, lang=lang or _lang(name)))

    def org(self, name: str, business_id: Optional[str] = None) -> Optional[URIRef]:
        """The organisation node of a printed name (``None`` when the resolver rejected it)."""
        try:
            ent = self.res.entity_for(f"{name} ({business_id})" if business_id else name)
        except KeyError:
            return None  # the resolver already warned that this is not an organisation name
        node = organisation_iri(ent)
        if (node, RDF.type, HV.Organisation) not in self.g:
            self.add(node, RDF.type, HV.Organisation)
            self.add(node, RDF.type, HV[ORG_TYPES.get(ent.type, "OtherOrganisation")])
            self.label(node, ent.label, ent.lang)
            self.add(node, SKOS.prefLabel, Literal(ent.label, lang=ent.lang))
            if ent.business_id:
                self.add(node, HV.businessId, Literal(ent.business_id))
            if ent.acronym:
                self.add(node, HV.acronym, Literal(ent.acronym))
            for m in ent.mentions:
                self._mention(node, ent, m)
        return node

    def _mention(self, node: URIRef, ent: OrgEntity, m: NameMention):
        printed = re.sub(r"\s+", " ", m.name).strip()
        if printed != ent.label:
            self.add(node, SKOS.altLabel, Literal(printed, lang=_lang(printed)))
        mention = ID[f"mention/{ent.key}/{slug(m.source)}/{m.line}/{slug(printed)}"]
        self.add(node, HV.mention, mention)
        self.add(mention, RDF.type, HV.Mention)
        self.add(mention, HV.printedName, Literal(printed))
        self.add(mention, PROV.wasDerivedFrom, source_iri(m.source))
        self.add(mention, HV.sourceLine, Literal(m.line, datatype=XSD.integer))
        self.add(node, PROV.wasDerivedFrom, source_iri(m.source))
        self.add(node, HV.sourceLine, Literal(m.line, datatype=XSD.integer))

    def programme(self, name: str, span: Span) -> URIRef:
        node = programme_iri(name)
        if (node, RDF.type, HV.Programme) not in self.g:
            self.add(node, RDF.type, HV.Programme)
            self.label(node, name)
            period = programme_period(name)
            if period:
                self.add(node, HV.programmePeriod, Literal(period))
        self.prov(node, span)
        return node

    def participation(self, target: URIRef, org: URIRef, role: str, span: Span,
                      line: Optional[int], description: Optional[str] = None):
        if org is None:
            return
        concept = ROLE_CONCEPTS[role]
        node = ID[f"participation/{str(target).rsplit('/', 1)[-1]}/{str(org).rsplit('/', 1)[-1]}/{role}"]
        self.add(node, RDF.type, HV.Participation)
        self.add(node, HV.participant, org)
        self.add(node, HV.participationIn, target)
        self.add(node, HV.role, concept)
        if description:
            self.add(node, HV.roleDescription, Literal(description, lang="fi"))
        self.prov(node, span, line)

    # -- records
    def document(self, doc: SourceDocument):
        node = source_iri(doc.name)
        self.add(node, RDF.type, HV.SourceDocument)
        self.add(node, HV.fileName, Literal(doc.name))
        self.add(node, HV.documentKind, Literal(doc.kind))
        self.label(node, doc.title or doc.name, "fi")
        if doc.title:
            self.add(node, DCTERMS.title, Literal(doc.title, lang="fi"))
        if doc.publisher:
            self.add(node, DCTERMS.publisher, Literal(doc.publisher, lang="fi"))
        if doc.year:
            self.add(node, DCTERMS.issued, Literal(str(doc.year), datatype=XSD.gYear))

    def programmes(self, doc: SourceDocument):
        for p in doc.programmes:
            node = self.programme(p.name, p.span)
            if p.period:
                self.add(node, HV.period, Literal(p.period))
            period = programme_period(p.name, p.period) or (
                f"{p.start.year}-{p.end.year}" if p.start and p.end else None)
            if period and (node, HV.programmePeriod, None) not in self.g:
                self.add(node, HV.programmePeriod, Literal(period))
            if p.start:
                self.add(node, HV.startDate, _date(p.start))
            if p.end:
                self.add(node, HV.endDate, _date(p.end))
            if p.budget is not None:
                self.add(node, HV.budget, _euros(p.budget))
            for m in p.ministries:
                org = self.org(m)
                self.add(node, HV.responsibleMinistry, org)
                self.participation(node, org, "ministry", p.span, None)
            for r in p.related_programmes:
                self.add(node, HV.relatedProgramme, self.programme(r, p.span))

    def themes(self, doc: SourceDocument):
        for t in doc.themes:
            node = theme_iri(t.name)
            self.theme_names[_key(t.name)] = node
            self.add(node, RDF.type, HV.Theme)
            if t.kind == "measure_package":
                self.add(node, RDF.type, HV.MeasurePackage)
            self.label(node, t.name)
            self.prov(node, t.span)
            if t.programme:
                self.add(node, HV.programme, self.programme(t.programme, t.span))
            if t.period:
                self.add(node, HV.period, Literal(t.period))
            if t.start:
                self.add(node, HV.startDate, _date(t.start))
            if t.end:
                self.add(node, HV.endDate, _date(t.end))
            for m in t.ministries:
                self.add(node, HV.responsibleMinistry, self.org(m))
            for f in t.funders:
                self.add(node, HV.fundingAuthority, self.org(f))
            for prop, value in ((HV.fundingFrame, t.funding.frame), (HV.fundingReserved, t.funding.reserved),
                                (HV.fundingCommitted, t.funding.committed), (HV.fundingPaid, t.funding.paid),
                                (HV.budget, t.budget)):
                if value is not None:
                    self.add(node, prop, _euros(value))
            for tg in t.target_groups:
                self.add(node, HV.targetGroup, Literal(tg, lang="fi"))
            if self.include_officials:
                for c in t.contacts:
                    person = ID[f"person/{slug(c.person)}"]
                    self.add(person, RDF.type, FOAF.Person)
                    self.add(person, FOAF.name, Literal(c.person))
                    if c.title:
                        self.add(person, SKOS.note, Literal(c.title, lang="fi"))
                    self.add(node, HV.contact, person)

    def theme_ref(self, name: str, span: Span) -> URIRef:
        node = self.theme_names.get(_key(name))
        if node is None:
            node = theme_iri(name)
            self.theme_names[_key(name)] = node
            self.add(node, RDF.type, HV.Theme)
            self.label(node, name)
            self.prov(node, span)
            self.warnings.append(f"{span.source}:{span.first}: theme {name!r} is named by a project "
                                 "but described in no source; created with its name only")
        return node

    def project(self, p: Project, doc: SourceDocument):
        node = self.project_node(p)
        self.add(node, RDF.type, HV.Project)
        cls = KIND_CLASSES[p.kind]
        has_main = any(pp.role in ("main", "administrator") for pp in p.participants)
        if cls == HV.GroupProject and not has_main:
            # the source lists several implementers but never says which is the main one:
            # asserting hv:GroupProject would claim a structure the document does not state
            cls = None
            self.unstated_groups.setdefault(p.span.source, []).append(p.span.first)
        if cls is not None:
            self.add(node, RDF.type, cls)
        has_subrows = any(pp.code and pp.code != p.code for pp in p.participants)
        if p.kind == "coordination" and has_subrows and has_main:
            self.add(node, RDF.type, HV.GroupProject)
        self.label(node, p.name)
        self.prov(node, p.span)
        if p.code:
            self.add(node, HV.code, Literal(p.code))
        if p.acronym:
            self.add(node, HV.acronym, Literal(p.acronym))
        if p.start:
            self.add(node, HV.startDate, _date(p.start))
        if p.end:
            self.add(node, HV.endDate, _date(p.end))
        if p.period:
            self.add(node, HV.period, Literal(p.period))
        if p.cost_estimate is not None:
            self.add(node, HV.costEstimate, _euros(p.cost_estimate))
        if p.section:
            self.add(node, HV.section, Literal(p.section, lang="fi"))
        if p.description:
            self.add(node, DCTERMS.description, Literal(p.description, lang="fi"))
        for u in p.urls:
            term = url_term(u)
            if term is None:
                self.warnings.append(f"{p.span.source}:{p.span.first}: {u!r} is not a web address; not used")
            else:
                self.add(node, HV.url, term)
        for o in p.outputs:
            self.add(node, HV.output, Literal(o, lang="fi"))
        themes = [self.theme_ref(t, p.span) for t in p.themes]
        for t in themes:
            self.add(node, HV.theme, t)
        programmes = [self.programme(p.programme, p.span)] if p.programme else list(
            {o for t in themes for o in self.g.objects(t, HV.programme)})
        for prog in programmes:
            self.add(node, HV.programme, prog)
        if p.parent:
            self.add(node, HV.subProjectOf, project_iri(p.parent if _looks_like_code(p.parent) else None, p.parent))
        for part in p.participants:
            org = self.org(part.organisation, part.business_id)
            if org is None:
                continue
            for prop in ROLE_PROPERTIES[part.role]:
                self.add(node, prop, org)
            self.participation(node, org, part.role, p.span, part.line)
            if part.code and part.code != p.code:
                sub = project_iri(part.code, p.name)
                self.add(sub, RDF.type, HV.Project)
                self.add(sub, RDF.type, HV.SubProject)
                self.label(sub, p.name)
                self.add(sub, HV.code, Literal(part.code))
                self.add(sub, HV.subProjectOf, node)
                self.add(sub, HV.implementer, org)
                role = "main" if part.role in ("main", "administrator") else "sub" if part.role == "sub" else part.role
                self.participation(sub, org, role, p.span, part.line)
                self.prov(sub, p.span, part.line)
                for t in themes:
                    self.add(sub, HV.theme, t)
                for prog in programmes:
                    self.add(sub, HV.programme, prog)

    def coordination_links(self, doc: SourceDocument):
        by_name = {}
        for p in doc.projects:
            by_name[_key(p.name)] = self.project_node(p)
            if p.code:
                by_name[_key(p.code)] = self.project_node(p)
        for t in doc.themes:
            for c in t.coordination_projects:
                target = by_name.get(_key(c))
                if target is None:
                    self.warnings.append(f"{t.span.source}:{t.span.first}: coordination project {c!r} of theme "
                                         f"{t.name!r} is not in the theme's project list; linked by name")
                    target = project_iri(c if _looks_like_code(c) else None, c)
                    self.add(target, RDF.type, HV.Project)
                    self.add(target, RDF.type, HV.CoordinationProject)
                    self.label(target, c)
                    self.prov(target, t.span)
                self.add(theme_iri(t.name), HV.coordinationProject, target)

    def concepts(self, doc: SourceDocument):
        if not doc.concepts:
            return
        scheme = ID[f"scheme/{slug(doc.name)}"]
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.label(scheme, f"Käsitteet: {doc.title or doc.name}", "fi")
        self.add(scheme, PROV.wasDerivedFrom, source_iri(doc.name))
        for c in doc.concepts:
            node = ID[f"concept/{slug(doc.name)}/{slug(c.label)}"]
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.prefLabel, Literal(c.label, lang="fi"))
            self.add(node, SKOS.definition, Literal(c.definition, lang="fi"))
            self.add(node, SKOS.inScheme, scheme)
            self.prov(node, c.span)

    def statutes(self, doc: SourceDocument):
        progs = [programme_iri(p.name) for p in doc.programmes]
        for s in doc.statutes:
            node = ID[f"statute/{slug(s.number)}"]
            self.add(node, RDF.type, HV.Statute)
            self.add(node, HV.statuteNumber, Literal(s.number))
            self.label(node, s.title or s.number, "fi")
            self.prov(node, s.span)
            self.add(source_iri(doc.name), HV.statute, node)
            for prog in progs:
                self.add(prog, HV.statute, node)

    def mentions(self, doc: SourceDocument):
        progs = [programme_iri(p.name) for p in doc.programmes]
        for m in doc.organisations:
            org = self.org(m.expanded or m.name)
            if m.role:
                for prog in progs:
                    self.participation(prog, org, "agency", m.span, None, m.role)

    def relations(self, doc: SourceDocument):
        for r in doc.relations:
            if r.predicate == "related_project":
                a, b = self._project_by_name(r.subject), self._project_by_name(r.object)
                self.add(a, HV.relatedProject, b)
                node = ID[f"relation/{str(a).rsplit('/', 1)[-1]}/{str(b).rsplit('/', 1)[-1]}"]
                self.add(node, RDF.type, HV.ProjectRelation)
                self.add(node, HV.fromProject, a)
                self.add(node, HV.toProject, b)
                if r.detail:
                    self.add(node, HV.relationKind, Literal(r.detail))
                self.prov(node, r.span)
            elif r.predicate == "runs" and r.subject_type == "organisation":
                target = (self.theme_ref(r.object, r.span) if r.object_type == "theme"
                          else self.programme(r.object, r.span))
                org = self.org(r.subject)
                self.add(target, HV.runBy, org)
                self.participation(target, org, "agency", r.span, None, r.detail)
            elif r.predicate in ("responsible_for", "funds") and r.subject_type == "organisation" \
                    and r.object_type in ("theme", "programme"):
                target = (self.theme_ref(r.object, r.span) if r.object_type == "theme"
                          else self.programme(r.object, r.span))
                org = self.org(r.subject)
                if r.predicate == "responsible_for":
                    self.add(target, HV.responsibleMinistry, org)
                    self.participation(target, org, "ministry", r.span, None, r.detail)
                else:
                    if r.object_type == "theme":
                        self.add(target, HV.fundingAuthority, org)
                    self.participation(target, org, "funder", r.span, None, r.detail)
            elif r.predicate == "funds" and r.subject_type == "organisation" and r.object_type == "project":
                self.participation(self._project_by_name(r.object), self.org(r.subject), "funder",
                                   r.span, None, r.detail)
            else:
                self.warnings.append(f"{r.span.source}:{r.span.first}: relation {r.predicate!r} "
                                     f"({r.subject_type} -> {r.object_type}) has no mapping in the ontology; not used")

    def _project_by_name(self, name: str) -> URIRef:
        for doc in self.docs:
            for p in doc.projects:
                if _key(p.name) == _key(name) or (p.code and _key(p.code) == _key(name)) or \
                        (p.acronym and _key(p.acronym) == _key(name)):
                    return self.project_node(p)
        return project_iri(None, name)

    def project_node(self, p: Project) -> URIRef:
        """A project's IRI; a project printed without a code that names (by acronym
        or full name) exactly one coded project of any source is that project."""
        if p.code:
            return project_iri(p.code, p.name)
        for key in (_key(p.acronym or ""), _key(p.name)):
            if key and len(self.coded.get(key, ())) == 1:
                return next(iter(self.coded[key]))
        return project_iri(None, p.name)

    def drop_code_only_labels(self):
        """A source that gives a project only its code (a spreadsheet row without
        a name) labels it with the code; drop that label where another source names it."""
        for node, code in list(self.g.subject_objects(HV.code)):
            labels = set(self.g.objects(node, RDFS.label))
            if len(labels) > 1:
                for label in labels:
                    if str(label).strip().casefold() == str(code).casefold():
                        self.g.remove((node, RDFS.label, label))

    def run(self) -> Graph:
        for doc in self.docs:
            self.document(doc)
        for doc in self.docs:
            self.programmes(doc)
        for doc in self.docs:
            self.themes(doc)
        for doc in self.docs:
            for p in doc.projects:
                self.project(p, doc)
            self.coordination_links(doc)
            self.concepts(doc)
            self.statutes(doc)
            self.mentions(doc)
            self.relations(doc)
        self.drop_code_only_labels()
        for source, lines in sorted(self.unstated_groups.items()):
            self.warnings.append(
                f"{source}: {len(lines)} group project(s) list implementers without naming the main "
                f"implementer (lines {', '.join(map(str, sorted(lines)))}); typed hv:Project, not hv:GroupProject, "
                "with every organisation as hv:implementer")
        return self.g


def _coded_projects(docs: list[SourceDocument]) -> dict[str, set[URIRef]]:
    """Acronym and name keys of every project printed with a code -> its IRIs."""
    index: dict[str, set[URIRef]] = {}
    for doc in docs:
        for p in doc.projects:
            if p.code:
                for key in {_key(p.acronym or ""), _key(p.name)} - {""}:
                    index.setdefault(key, set()).add(project_iri(p.code, p.name))
    return index


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name).strip().casefold()


def _looks_like_code(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{1,2}-?\d{4,6}|\d{5,7}", s.strip()))


def organisation_mentions(docs: Iterable[SourceDocument]) -> list[NameMention]:
    """Every printed organisation name in the records, with where it was printed."""
    out: list[NameMention] = []
    for doc in docs:
        for p in doc.programmes:
            out += [NameMention(m, doc.name, p.span.first) for m in p.ministries]
        for t in doc.themes:
            out += [NameMention(m, doc.name, t.span.first) for m in (*t.ministries, *t.funders)]
        for p in doc.projects:
            out += [NameMention(pp.organisation, doc.name, pp.line or p.span.first, pp.business_id)
                    for pp in p.participants]
        for m in doc.organisations:
            out.append(NameMention(m.expanded or m.name, doc.name, m.span.first, m.business_id))
            if m.expanded and m.expanded != m.name:
                out.append(NameMention(m.name, doc.name, m.span.first, m.business_id))
        for r in doc.relations:
            if r.subject_type == "organisation":
                out.append(NameMention(r.subject, doc.name, r.span.first))
            if r.object_type == "organisation":
                out.append(NameMention(r.object, doc.name, r.span.first))
    return out


def stated_aliases(docs: Iterable[SourceDocument]) -> list[tuple[str, str]]:
    """(full name, abbreviation) pairs the documents define themselves ('X (ABBR)')."""
    return [(m.expanded, m.name) for doc in docs for m in doc.organisations
            if m.expanded and m.expanded != m.name]


def build_graph(docs: list[SourceDocument], decisions: Optional[Path] = None,
                include_officials: bool = False) -> BuildResult:
    """Resolve organisations and turn the records of ``docs`` into one graph."""
    docs = sorted(docs, key=lambda d: d.name)
    resolution = resolve(organisation_mentions(docs), decisions=decisions, stated=stated_aliases(docs))
    b = _Builder(docs, resolution, include_officials)
    graph = b.run()
    return BuildResult(graph, resolution, docs, [*resolution.warnings, *b.warnings])
