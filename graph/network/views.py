"""RDF -> NetworkX views of who implements what, read through SPARQL.

Every view reads the graph through :func:`graph.store.open_store` queries
(values bound, never pasted; bound variables stay in triple patterns and in
the projection), so any store gives the same networks: pass an rdflib Graph,
a store, or a store spec such as ``"oxigraph:DIR"`` or ``"endpoint:URL"``.
The views:

* :func:`co_implementation_graph` — organisations, linked when they implement
  the same project; edge ``weight`` = number of shared projects, with the
  ``projects`` and ``themes`` of the collaboration;
* :func:`bipartite_graph` — organisation–project (``bipartite`` 0/1);
* :func:`theme_organisation_graph` — theme–organisation, ``weight`` = the
  organisation's projects in the theme.

Filters (all views): ``theme`` (label or IRI), ``period`` ('2014-2020' or
'2021-2027', the ``hv:programmePeriod`` of the project's programme),
``roles`` (default: implementation roles only, i.e. ``hv:implementer`` and
its sub-properties) and ``org_types`` (e.g. ``["Municipality"]``).

A sub-project (``hv:SubProject``) counts as part of its group project, so a
group's implementers co-implement once.

Funding (node attribute ``funding``, used by ``map --size funding``): each
project's euros are split evenly between its organisations in the view. A
project's euros are its ``hv:costEstimate``; else the sum of its sub-projects'
cost estimates; else a theme share — the theme's ``hv:fundingFrame`` divided
by the number of projects in the theme (averaged over the project's themes);
else unknown (0). ``funding_basis`` says which: ``cost estimate``,
``theme share``, ``mixed`` or ``unknown``.

>>> from rdflib import Graph
>>> co_implementation_graph(Graph()).number_of_nodes()
0
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Iterable, Optional, Sequence

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from hankeverkko.ontology import HV

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.sparql.store import Store, open_store

__all__ = ["ROLES", "ROLE_LABELS", "ORGANISATION_TYPES", "TYPE_LABELS", "NetworkViewError",
           "ProjectInfo", "OrganisationInfo", "NetworkData", "load_network", "find_theme", "match_label", "periods",
           "resolve_types",
           "co_implementation_graph", "bipartite_graph", "theme_organisation_graph"]


class NetworkViewError(HankeverkkoError):
    """A network filter names something the graph does not have."""


#: role option -> the project-to-organisation properties it selects
ROLES: dict[str, tuple[URIRef, ...]] = {
    "implementer": (HV.implementer, HV.mainImplementer, HV.subImplementer, HV.administrator),
    "main": (HV.mainImplementer, HV.administrator),
    "sub": (HV.subImplementer,),
    "administrator": (HV.administrator,),
    "partner": (HV.partner,),
    "pilot": (HV.pilotMunicipality,),
    "steering": (HV.steeringGroupMember,),
}
#: hv:role concept -> the words shown in tooltips and tables
ROLE_LABELS: dict[URIRef, str] = {
    HV.MainImplementerRole: "main implementer", HV.SubImplementerRole: "sub-implementer",
    HV.ImplementerRole: "implementer", HV.ApplicantRole: "applicant",
    HV.AdministratorRole: "administrator", HV.PartnerRole: "partner",
    HV.PilotRole: "pilot municipality", HV.SteeringRole: "steering group member",
    HV.AgencyRole: "agency", HV.MinistryRole: "ministry",
}
_PROPERTY_ROLE = {HV.implementer: "implementer", HV.mainImplementer: "main implementer",
                  HV.subImplementer: "sub-implementer", HV.administrator: "administrator",
                  HV.partner: "partner", HV.pilotMunicipality: "pilot municipality",
                  HV.steeringGroupMember: "steering group member"}
#: organisation type classes (local names in the ontology), in display order
ORGANISATION_TYPES = ("Ministry", "ElyCentre", "NationalAgency", "Municipality", "JointMunicipalAuthority",
                      "WellbeingServicesCounty", "HospitalDistrict", "University",
                      "UniversityOfAppliedSciences", "VocationalInstitution", "Foundation", "Association",
                      "Company", "OtherOrganisation")
TYPE_LABELS = {
    "Ministry": "ministry", "ElyCentre": "ELY centre", "NationalAgency": "national agency",
    "Municipality": "municipality", "JointMunicipalAuthority": "joint municipal authority",
    "WellbeingServicesCounty": "wellbeing services county", "HospitalDistrict": "hospital district",
    "University": "university", "UniversityOfAppliedSciences": "university of applied sciences",
    "VocationalInstitution": "vocational institution", "Foundation": "foundation",
    "Association": "association", "Company": "company", "OtherOrganisation": "other organisation",
}

_HEAD = ("PREFIX rdf: <%s>\nPREFIX rdfs: <%s>\nPREFIX skos: <%s>\nPREFIX hv: <%s>\n"
         % (RDF._NS, RDFS._NS, SKOS._NS, HV._NS))
#: run once per property (?property bound; projected, as Oxigraph binds only projected variables)
Q_LINKS = _HEAD + ("SELECT ?project ?property ?org WHERE { ?project ?property ?org . ?project a hv:Project . "
                   "?org a hv:Organisation . }")
Q_SUBPROJECTS = _HEAD + "SELECT ?sub ?group WHERE { ?sub hv:subProjectOf ?group . }"
Q_PROJECTS = _HEAD + """SELECT ?project ?label ?code ?cost WHERE {
  ?project a hv:Project .
  OPTIONAL { ?project rdfs:label ?label }
  OPTIONAL { ?project hv:code ?code }
  OPTIONAL { ?project hv:costEstimate ?cost }
}"""
#: projects of a theme when ?theme is bound
Q_PROJECT_THEMES = _HEAD + "SELECT ?project ?theme WHERE { ?project hv:theme ?theme . }"
#: projects of a period when ?period is bound
Q_PROJECT_PERIODS = _HEAD + """SELECT ?project ?period WHERE {
  { ?project hv:programme ?programme } UNION { ?project hv:theme ?ptheme . ?ptheme hv:programme ?programme }
  ?programme hv:programmePeriod ?period .
}"""
Q_THEMES = _HEAD + """SELECT ?theme ?label ?frame WHERE {
  ?theme a hv:Theme .
  OPTIONAL { ?theme rdfs:label ?label }
  OPTIONAL { ?theme hv:fundingFrame ?frame }
}"""
Q_ORGANISATIONS = _HEAD + "SELECT ?org ?label WHERE { ?org a hv:Organisation . OPTIONAL { ?org rdfs:label ?label } }"
#: organisations of a type when ?type is bound
Q_ORGANISATION_TYPES = _HEAD + "SELECT ?org ?type WHERE { ?org a hv:Organisation . ?org a ?type . }"
Q_ALT_LABELS = _HEAD + "SELECT ?org ?alt WHERE { ?org a hv:Organisation . ?org skos:altLabel ?alt . }"
Q_PARTICIPATIONS = _HEAD + """SELECT ?target ?org ?role WHERE {
  ?participation a hv:Participation .
  ?participation hv:participant ?org .
  ?participation hv:participationIn ?target .
  ?participation hv:role ?role .
}"""
_LANGS = ("fi", "sv", "en", "")


@dataclass(frozen=True)
class ProjectInfo:
    """A project as a unit of collaboration (a group project with its sub-projects)."""
    iri: str
    label: str
    code: Optional[str]
    themes: tuple[str, ...]          # theme IRIs
    periods: tuple[str, ...]
    cost: Optional[float]            # hv:costEstimate (or the sum of its sub-projects')
    funding: float                   # cost, else theme share, else 0
    funding_basis: str               # "cost estimate" | "theme share" | "unknown"

    @property
    def display(self) -> str:
        return f"{self.code} {self.label}" if self.code and self.code not in self.label else self.label


@dataclass(frozen=True)
class OrganisationInfo:
    iri: str
    label: str
    type: str                        # one of ORGANISATION_TYPES
    alt_labels: tuple[str, ...]

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)


@dataclass
class NetworkData:
    """Projects, organisations and who-does-what after the filters; the views are built from it."""
    projects: dict[str, ProjectInfo]
    organisations: dict[str, OrganisationInfo]
    links: dict[tuple[str, str], tuple[str, ...]]     # (project, org) -> role labels
    themes: dict[str, str]                             # theme IRI -> label
    filters: dict[str, object] = field(default_factory=dict)

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Project -> its organisations (sorted)."""
        out: dict[str, list[str]] = defaultdict(list)
        for project, org in sorted(self.links):
            out[project].append(org)
        return dict(out)


def _store(source) -> Store:
    if isinstance(source, Graph):
        return open_store(source)
    if hasattr(source, "select"):
        return source
    return open_store(source)


def _rows(store: Store, query: str, bindings: Optional[dict] = None) -> list[dict]:
    return store.select(query, bindings or {}).dicts()


def _best_label(literals: Iterable, fallback: str) -> str:
    """The Finnish label first, then Swedish, English, untagged; ties alphabetically."""
    labels = [lit for lit in literals if lit is not None]
    if not labels:
        return fallback
    def rank(lit):
        lang = getattr(lit, "language", None) or ""
        return (_LANGS.index(lang) if lang in _LANGS else len(_LANGS), str(lit))
    return str(min(labels, key=rank))


def _role_words(iri: str) -> str:
    """A role concept's words from its name when it has no label here.

    >>> _role_words("https://w3id.org/hankeverkko/ontology#FundingAuthorityRole")
    'funding authority'
    """
    name = re.sub(r"Role$", "", _tail(iri))
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def _number(lit) -> float:
    try:
        return float(str(lit))
    except ValueError as e:
        raise NetworkViewError(f"{lit!r} is not a number of euros; check the graph's hv:costEstimate "
                               "and hv:fundingFrame values") from e


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _theme_labels(store: Store) -> tuple[dict[str, str], dict[str, float]]:
    labels, frames = defaultdict(list), {}
    for r in _rows(store, Q_THEMES):
        t = str(r["theme"])
        labels[t].append(r["label"])
        if r["frame"] is not None:
            frames[t] = _number(r["frame"])
    return {t: _best_label(ls, _tail(t)) for t, ls in labels.items()}, frames


def find_theme(source, name: str) -> str:
    """The IRI of the theme named ``name`` (its IRI, its label, or a unique part of its label).

    >>> from rdflib import Graph
    >>> find_theme(Graph(), "Teema")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    NetworkViewError: no theme matches 'Teema'
    """
    labels, _ = _theme_labels(_store(source))
    return match_label(name, labels, "theme")


def match_label(name: str, labels: dict[str, str], what: str, alt: Optional[dict[str, Sequence[str]]] = None) -> str:
    """The key of ``labels`` that ``name`` names: the key itself, an exact label or
    ``alt`` label (case-insensitive), or a unique part of one.

    >>> match_label("beta", {"id:a": "Alfa Oy", "id:b": "Beta ry"}, "organisation")
    'id:b'
    >>> match_label("a", {"id:a": "Alfa Oy", "id:b": "Beta ry"}, "organisation")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    NetworkViewError: 'a' matches 2 organisations ('Alfa Oy', 'Beta ry'); give the full label or the IRI
    """
    key = str(name).strip().casefold()
    if str(name) in labels:
        return str(name)
    alt = alt or {}
    exact = sorted(i for i, lab in labels.items()
                   if lab.casefold() == key or any(a.casefold() == key for a in alt.get(i, ())))
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted(i for i, lab in labels.items()
                              if key in lab.casefold() or any(key in a.casefold() for a in alt.get(i, ())))
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NetworkViewError(f"no {what} matches {name!r}; give its label, another printed name or its IRI")
    shown = ", ".join(repr(labels[i]) for i in partial[:10]) + (" ..." if len(partial) > 10 else "")
    raise NetworkViewError(f"{name!r} matches {len(partial)} {what}s ({shown}); give the full label or the IRI")


def periods(source) -> list[str]:
    """Programme periods that have projects, e.g. ``['2014-2020', '2021-2027']``."""
    return sorted({str(r["period"]) for r in _rows(_store(source), Q_PROJECT_PERIODS)})


def resolve_types(org_types: Sequence[str]) -> list[str]:
    """Organisation type class names for ``org_types`` (any case; ``ely_centre`` works too).

    >>> resolve_types(["ely_centre", "municipality"])
    ['ElyCentre', 'Municipality']
    """
    by_key = {t.casefold(): t for t in ORGANISATION_TYPES}
    out = []
    for t in org_types:
        name = by_key.get(str(t).replace("_", "").replace(" ", "").casefold())
        if name is None:
            raise NetworkViewError(f"unknown organisation type {t!r}; choose from {', '.join(ORGANISATION_TYPES)}")
        out.append(name)
    return out


def load_network(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                 roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> NetworkData:
    """Read projects, organisations and their roles from ``source`` (an rdflib Graph, a store or a store spec).

    Only projects with at least one organisation in the selected ``roles``
    (and of the selected ``org_types``) are kept.
    """
    store = _store(source)
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise NetworkViewError((f"unknown role {unknown[0]!r}" if unknown else "no roles given")
                               + f"; choose from {', '.join(ROLES)}")
    types = resolve_types(org_types)
    theme_labels, frames = _theme_labels(store)

    group_of = {str(r["sub"]): str(r["group"]) for r in _rows(store, Q_SUBPROJECTS)}
    unit = lambda p: group_of.get(p, p)

    # who, in the selected roles (one query per property; the property is bound)
    props = sorted({p for r in roles for p in ROLES[r]})
    raw_links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for prop in props:
        for r in _rows(store, Q_LINKS, {"property": prop}):
            raw_links[(unit(str(r["project"])), str(r["org"]))].add(_PROPERTY_ROLE[prop])

    # filters, each a query with the value bound in a triple pattern
    filters: dict[str, object] = {"roles": list(roles)}
    keep_units: Optional[set[str]] = None
    if theme is not None:
        theme_iri = match_label(str(theme), theme_labels, "theme")
        filters["theme"] = theme_labels[theme_iri]
        keep_units = {unit(str(r["project"])) for r in _rows(store, Q_PROJECT_THEMES, {"theme": URIRef(theme_iri)})}
    if period is not None:
        in_period = {unit(str(r["project"])) for r in _rows(store, Q_PROJECT_PERIODS, {"period": Literal(str(period))})}
        if not in_period:
            raise NetworkViewError(f"no projects in programme period {period!r}; the graph has "
                                   f"{', '.join(periods(store)) or 'no periods'}")
        filters["period"] = str(period)
        keep_units = in_period if keep_units is None else keep_units & in_period
    keep_orgs: Optional[set[str]] = None
    if types:
        filters["org_types"] = types
        keep_orgs = {str(r["org"]) for t in types for r in _rows(store, Q_ORGANISATION_TYPES, {"type": HV[t]})}
    raw_links = {k: v for k, v in raw_links.items()
                 if (keep_units is None or k[0] in keep_units) and (keep_orgs is None or k[1] in keep_orgs)}

    # roles as printed (participation nodes), for tooltips
    printed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _rows(store, Q_PARTICIPATIONS):
        key = (unit(str(r["target"])), str(r["org"]))
        if key in raw_links and r["role"] is not None:
            printed[key].add(ROLE_LABELS.get(r["role"]) or _role_words(str(r["role"])))
    links = {k: tuple(sorted(printed.get(k) or v)) for k, v in sorted(raw_links.items())}

    projects = _projects(store, {p for p, _ in links}, unit, theme_labels, frames)
    organisations = _organisations(store, {o for _, o in links})
    return NetworkData(projects, organisations, links, theme_labels, filters)


def _projects(store: Store, wanted: set[str], unit, theme_labels, frames) -> dict[str, ProjectInfo]:
    labels, codes, costs, sub_costs = defaultdict(list), {}, {}, defaultdict(list)
    for r in _rows(store, Q_PROJECTS):
        p = str(r["project"])
        labels[p].append(r["label"])
        if r["code"] is not None:
            codes.setdefault(p, str(r["code"]))
        if r["cost"] is not None:
            costs[p] = _number(r["cost"])
    for p, c in costs.items():
        if unit(p) != p:
            sub_costs[unit(p)].append(c)
    themes, per_theme = defaultdict(set), defaultdict(set)
    for r in _rows(store, Q_PROJECT_THEMES):
        themes[unit(str(r["project"]))].add(str(r["theme"]))
        per_theme[str(r["theme"])].add(unit(str(r["project"])))
    project_periods = defaultdict(set)
    for r in _rows(store, Q_PROJECT_PERIODS):
        project_periods[unit(str(r["project"]))].add(str(r["period"]))
    out = {}
    for p in sorted(wanted):
        cost = costs.get(p, sum(sub_costs[p]) if sub_costs.get(p) else None)
        shares = [frames[t] / len(per_theme[t]) for t in themes[p] if t in frames and per_theme[t]]
        if cost is not None:
            funding, basis = cost, "cost estimate"
        elif shares:
            funding, basis = sum(shares) / len(shares), "theme share"
        else:
            funding, basis = 0.0, "unknown"
        out[p] = ProjectInfo(p, _best_label(labels.get(p, []), _tail(p)), codes.get(p),
                             tuple(sorted(themes[p], key=lambda t: theme_labels.get(t, t))),
                             tuple(sorted(project_periods[p])), cost, funding, basis)
    return out


def _organisations(store: Store, wanted: set[str]) -> dict[str, OrganisationInfo]:
    labels, types, alts = defaultdict(list), defaultdict(set), defaultdict(set)
    for r in _rows(store, Q_ORGANISATIONS):
        if str(r["org"]) in wanted:
            labels[str(r["org"])].append(r["label"])
    for r in _rows(store, Q_ORGANISATION_TYPES):
        if str(r["org"]) in wanted:
            types[str(r["org"])].add(_tail(str(r["type"])))
    for r in _rows(store, Q_ALT_LABELS):
        if str(r["org"]) in wanted:
            alts[str(r["org"])].add(str(r["alt"]))
    out = {}
    for o in sorted(wanted):
        label = _best_label(labels.get(o, []), _tail(o))
        org_type = next((t for t in ORGANISATION_TYPES if t in types[o] and t != "OtherOrganisation"),
                        "OtherOrganisation")
        out[o] = OrganisationInfo(o, label, org_type, tuple(sorted(alts[o] - {label})))
    return out


def _project_table(data: NetworkData) -> dict[str, dict]:
    """Graph-level ``projects`` attribute: what tooltips and tables show about each project."""
    members = data.members
    return {p: {"label": info.display, "code": info.code or "",
                "themes": [data.themes.get(t, _tail(t)) for t in info.themes],
                "periods": list(info.periods), "cost": info.cost, "funding": info.funding,
                "roles": {o: list(data.links[(p, o)]) for o in members.get(p, [])}}
            for p, info in data.projects.items()}


def _org_attrs(data: NetworkData, org: str, projects: list[str]) -> dict:
    info = data.organisations[org]
    members = data.members
    funding, bases = 0.0, set()
    for p in projects:
        pinfo = data.projects[p]
        funding += pinfo.funding / len(members[p])
        bases.add(pinfo.funding_basis)
    known = bases - {"unknown"}
    basis = "unknown" if not known else known.pop() if len(known) == 1 else "mixed"
    themes = sorted({data.themes.get(t, _tail(t)) for p in projects for t in data.projects[p].themes})
    return {"kind": "organisation", "label": info.label, "type": info.type, "type_label": info.type_label,
            "alt_labels": list(info.alt_labels), "projects": sorted(projects), "project_count": len(projects),
            "themes": themes,
            "periods": sorted({x for p in projects for x in data.projects[p].periods}),
            "roles": sorted({r for p in projects for r in data.links[(p, org)]}),
            "funding": round(funding, 2), "funding_basis": basis}


def _org_projects(data: NetworkData) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p, o in sorted(data.links):
        out[o].append(p)
    return out


def co_implementation_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                            roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> nx.Graph:
    """Organisations linked when they work on the same project.

    Nodes are organisation IRIs (``label``, ``type``, ``alt_labels``,
    ``projects``, ``themes``, ``periods``, ``roles``, ``funding`` ...); an
    organisation that works alone is an isolated node. Edges carry ``weight``
    (shared projects), ``projects`` (their IRIs), ``project_labels`` and
    ``themes``. ``G.graph["projects"]`` describes every project (label, themes,
    periods, roles of each organisation).
    """
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    G = nx.Graph(name="co-implementation", filters=dict(data.filters), projects=_project_table(data))
    for org, projects in _org_projects(data).items():
        G.add_node(org, **_org_attrs(data, org, projects))
    for p, orgs in data.members.items():
        info = data.projects[p]
        for a, b in combinations(orgs, 2):
            if not G.has_edge(a, b):
                G.add_edge(a, b, weight=0, projects=[], project_labels=[], themes=[])
            e = G.edges[a, b]
            e["weight"] += 1
            e["projects"].append(p)
            e["project_labels"].append(info.display)
            e["themes"] = sorted(set(e["themes"]) | {data.themes.get(t, _tail(t)) for t in info.themes})
    return G


def bipartite_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                    roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> nx.Graph:
    """Organisations (``bipartite=0``) and projects (``bipartite=1``); edges carry ``roles``."""
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    G = nx.Graph(name="organisation-project", filters=dict(data.filters))
    for org, projects in _org_projects(data).items():
        G.add_node(org, bipartite=0, **_org_attrs(data, org, projects))
    for p, info in data.projects.items():
        G.add_node(p, bipartite=1, kind="project", label=info.display, code=info.code or "",
                   themes=[data.themes.get(t, _tail(t)) for t in info.themes], periods=list(info.periods),
                   cost=info.cost, funding=round(info.funding, 2), funding_basis=info.funding_basis)
    for (p, org), roles_ in data.links.items():
        G.add_edge(org, p, roles=list(roles_))
    return G


def theme_organisation_graph(source, *, theme: Optional[str] = None, period: Optional[str] = None,
                             roles: Sequence[str] = ("implementer",), org_types: Sequence[str] = ()) -> nx.Graph:
    """Themes (``kind="theme"``) and organisations; edge ``weight`` = the organisation's projects in the theme."""
    data = load_network(source, theme=theme, period=period, roles=roles, org_types=org_types)
    G = nx.Graph(name="theme-organisation", filters=dict(data.filters))
    for org, projects in _org_projects(data).items():
        G.add_node(org, **_org_attrs(data, org, projects))
    for (p, org) in data.links:
        for t in data.projects[p].themes:
            if t not in G:
                G.add_node(t, kind="theme", label=data.themes.get(t, _tail(t)))
            if not G.has_edge(t, org):
                G.add_edge(t, org, weight=0, projects=[])
            G.edges[t, org]["weight"] += 1
            G.edges[t, org]["projects"].append(p)
    return G
