"""What the network views are built from, read through SPARQL: the queries,
projects (:class:`ProjectInfo`, with their funding), organisations
(:class:`OrganisationInfo`) and who does what after the filters
(:class:`NetworkData`, from :func:`load_network`); theme and period look-ups."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Optional, Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from hankeverkko.ontology import HV

from hankeverkko.graph.network.vocabulary import (ORGANISATION_TYPES, ROLE_LABELS, ROLES, TYPE_LABELS, _PROPERTY_ROLE,
                                                  NetworkViewError, match_label, resolve_types)
from hankeverkko.graph.sparql.results import Store
from hankeverkko.graph.sparql.store import open_store

__all__ = ["NetworkData", "OrganisationInfo", "ProjectInfo", "find_theme", "load_network", "periods"]


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
    return match_label(name, labels, "theme", describe=_theme_kind)


def _theme_kind(iri: str) -> tuple[str, str]:
    """Type and code of a theme in a did-you-mean line."""
    return "hv:Theme", ""


def periods(source) -> list[str]:
    """Programme periods that have projects, e.g. ``['2014-2020', '2021-2027']``."""
    return sorted({str(r["period"]) for r in _rows(_store(source), Q_PROJECT_PERIODS)})


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
        theme_iri = match_label(str(theme), theme_labels, "theme", describe=_theme_kind)
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
