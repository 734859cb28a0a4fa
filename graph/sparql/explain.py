"""Empty answers explain themselves: what the graph lacks for a library query.

:data:`EXPLAINERS` maps each library query to a function that runs a few
small diagnostic queries (parameters bound exactly as for the query itself,
never pasted) and says in one sentence why nothing matched, e.g. for
``both_periods``: "organisations take part only in 2021-2027 projects (0 of
21 projects of 2014-2020 have participating organisations)".
:func:`explain_empty` is what the CLI prints to stderr when a query returns
no rows; a query with no explainer (your own .rq file) gets a general line.

>>> from rdflib import Graph
>>> from hankeverkko.graph.sparql.store import open_store
>>> explain_empty(open_store(Graph()), "themes", {})
'the graph has no hv:Theme (it holds 0 triples)'
"""
from __future__ import annotations

from typing import Callable, Mapping, Optional

from rdflib.term import Node

from hankeverkko.graph.sparql.lexical import lexical
from hankeverkko.graph.sparql.results import Store

__all__ = ["EXPLAINERS", "explain_empty"]

Bindings = Mapping[str, Node]
PERIODS = ("2014-2020", "2021-2027")

_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_CLASS = "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class"
_LABEL = "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label } ORDER BY STR(?label) LIMIT 1"
_PROJECTS = """SELECT (COUNT(DISTINCT ?project) AS ?n) WHERE {
  ?project a hv:Project . FILTER NOT EXISTS { ?project a hv:SubProject } }"""
_PERIOD = """SELECT ?period (COUNT(DISTINCT ?project) AS ?projects) WHERE {
  ?programme hv:programmePeriod ?period . ?project hv:programme ?programme ; a hv:Project .
  FILTER NOT EXISTS { ?project a hv:SubProject } } GROUP BY ?period"""
_PERIOD_PARTICIPANTS = """SELECT ?period (COUNT(DISTINCT ?project) AS ?projects)
       (COUNT(DISTINCT ?organisation) AS ?organisations) WHERE {
  ?programme hv:programmePeriod ?period . ?project hv:programme ?programme ; a hv:Project .
  ?participation hv:participationIn ?project ; hv:participant ?organisation .
  FILTER NOT EXISTS { ?project a hv:SubProject } } GROUP BY ?period"""
_PERIOD_ORGS = """SELECT DISTINCT ?period ?organisation ?role WHERE {
  ?programme hv:programmePeriod ?period . ?project hv:programme ?programme ; a hv:Project .
  ?participation hv:participationIn ?project ; hv:participant ?organisation ; hv:role ?role .
  FILTER NOT EXISTS { ?project a hv:SubProject } }"""
_IMPLEMENTED = """SELECT (COUNT(DISTINCT ?project) AS ?n) WHERE {
  ?project a hv:Project ; hv:implementer ?o . FILTER NOT EXISTS { ?project a hv:SubProject } }"""
_MOST_THEMES = """SELECT ?organisation (COUNT(DISTINCT ?theme) AS ?themes) WHERE {
  ?participation hv:participant ?organisation ; hv:participationIn ?project .
  ?project a hv:Project ; hv:theme ?theme . FILTER NOT EXISTS { ?project a hv:SubProject }
} GROUP BY ?organisation ORDER BY DESC(?themes) STR(?organisation) LIMIT 1"""
_IS_A = "SELECT ?entity ?class WHERE { ?entity a ?class }"
_TAKES_PART = """SELECT ?organisation ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?participation hv:participant ?organisation ; hv:participationIn ?x . ?x a ?kind
} GROUP BY ?organisation ?kind"""
_THEME_PROJECTS = """SELECT ?theme (COUNT(DISTINCT ?project) AS ?n) WHERE { ?project hv:theme ?theme }
GROUP BY ?theme"""
_THEMES_WITH_PROJECTS = """SELECT (COUNT(DISTINCT ?theme) AS ?n) WHERE {
  ?project hv:theme ?theme ; a hv:Project . FILTER NOT EXISTS { ?project a hv:SubProject } }"""
_MENTIONS = """SELECT ?entity (COUNT(*) AS ?asSubject) WHERE { ?entity ?p ?o } GROUP BY ?entity"""


def _count(store: Store, query: str, bindings: Optional[Bindings] = None) -> int:
    rows = store.select(query, bindings).rows
    return int(lexical(rows[0][-1])) if rows and rows[0][-1] is not None else 0


def _hv(local: str):
    from hankeverkko.ontology import HV
    return HV[local]


def _label(store: Store, entity: Node) -> str:
    rows = store.select(_LABEL, {"entity": entity}).rows
    return str(rows[0][1]) if rows else str(entity)


def _lacks(store: Store, cls: str, extra: str = "") -> str:
    return (f"the graph has no hv:{cls}{extra} (it holds {_count(store, _TRIPLES)} triples)")


def _class_or(cls: str, then: Callable[[Store, Bindings], str]) -> Callable[[Store, Bindings], str]:
    def explain(store: Store, b: Bindings) -> str:
        if not _count(store, _CLASS, {"class": _hv(cls)}):
            return _lacks(store, cls)
        return then(store, b)
    return explain


def _both_periods(store: Store, b: Bindings) -> str:
    projects = {lexical(r[0]): int(lexical(r[1])) for r in store.select(_PERIOD).rows}
    taking_part = {lexical(r[0]): (int(lexical(r[1])), int(lexical(r[2])))
                   for r in store.select(_PERIOD_PARTICIPANTS).rows}
    for period in PERIODS:
        if not projects.get(period):
            return (f"the graph has no projects of {period} (hv:programmePeriod \"{period}\" of the project's "
                    f"programme); periods with projects: {', '.join(sorted(projects)) or 'none'}")
    empty = [p for p in PERIODS if not taking_part.get(p)]
    if empty:
        other = [p for p in PERIODS if p not in empty]
        return (f"organisations take part only in {' and '.join(other) or 'no'} projects "
                f"(0 of {projects[empty[0]]} projects of {empty[0]} have participating organisations)")
    return "no organisation takes part in projects of both periods: " + "; ".join(
        f"{p}: {_who(store, p, *taking_part[p])} in {taking_part[p][0]} of {projects[p]} projects" for p in PERIODS)


def _who(store: Store, period: str, _projects: int, organisations: int) -> str:
    """``117 organisations``, or the names and roles of up to three."""
    if organisations > 3:
        return f"{organisations} organisations"
    from rdflib import Literal
    roles: dict[str, set[str]] = {}
    for r in store.select(_PERIOD_ORGS, {"period": Literal(period)}).rows:
        roles.setdefault(_label(store, r[1]), set()).add("hv:" + str(r[2]).rsplit("#", 1)[-1])
    return ", ".join(f"{name} ({', '.join(sorted(rs))})" for name, rs in sorted(roles.items()))


def _co_implementers(store: Store, b: Bindings) -> str:
    if not _count(store, _PROJECTS):
        return _lacks(store, "Project")
    return (f"no project has two implementers: {_count(store, _IMPLEMENTED)} of {_count(store, _PROJECTS)} "
            "projects have any hv:implementer (sub-projects not counted)")


def _multi_theme(store: Store, b: Bindings) -> str:
    rows = store.select(_MOST_THEMES).rows
    wanted = lexical(b.get("min_themes"))
    if not rows:
        return "no organisation takes part in a project with a theme (hv:theme)"
    return (f"no organisation takes part in projects of {wanted} or more themes; the most is "
            f"{lexical(rows[0][1])} ({_label(store, rows[0][0])})")


def _portfolio(store: Store, b: Bindings) -> str:
    org = b["organisation"]
    if not store.select(_IS_A, {"entity": org, "class": _hv("Organisation")}).rows:
        return f"{org} is not an hv:Organisation in this graph"
    kinds = {str(r[1]).rsplit("#", 1)[-1]: int(lexical(r[2])) for r in store.select(_TAKES_PART, {"organisation": org}).rows}
    name = _label(store, org)
    if not kinds:
        return f"{name} takes part in nothing (no hv:Participation names it); it is only mentioned in the sources"
    return f"{name} takes part in no project outside sub-projects; it takes part in " + ", ".join(
        f"{n} hv:{k}" for k, n in sorted(kinds.items()))


def _provenance(store: Store, b: Bindings) -> str:
    entity = b["entity"]
    rows = store.select(_MENTIONS, {"entity": entity}).rows
    if not rows:
        return f"{entity} is not in this graph (no triple has it as subject)"
    return (f"{_label(store, entity)} has {lexical(rows[0][1])} triples but no prov:wasDerivedFrom, "
            "hv:mention or participation with a source")


def _theme_projects(store: Store, b: Bindings) -> str:
    theme = b["theme"]
    if not store.select(_IS_A, {"entity": theme, "class": _hv("Theme")}).rows:
        return f"{theme} is not an hv:Theme in this graph"
    n = _count(store, _THEME_PROJECTS, {"theme": theme})
    with_projects = _count(store, _THEMES_WITH_PROJECTS)
    themes = _count(store, _CLASS, {"class": _hv("Theme")})
    what = f"no projects outside sub-projects ({n} resources name it with hv:theme)" if n else "no projects"
    return (f"the theme {_label(store, theme)} has {what}; {with_projects} of {themes} themes have projects "
            "(`hankeverkko query themes` lists them)")


#: library query -> a function (store, bound parameters) -> one sentence
EXPLAINERS: dict[str, Callable[[Store, Bindings], str]] = {
    "both_periods": _both_periods,
    "co_implementers": _co_implementers,
    "coordination_projects": lambda s, b: _lacks(s, "CoordinationProject", f" among {_count(s, _PROJECTS)} projects"),
    "group_projects": lambda s, b: _lacks(s, "GroupProject", f" among {_count(s, _PROJECTS)} projects"),
    "multi_theme_organisations": _multi_theme,
    "organisation_portfolio": _portfolio,
    "provenance": _provenance,
    "sources": lambda s, b: _lacks(s, "SourceDocument"),
    "theme_projects": _class_or("Theme", _theme_projects),
    "themes": lambda s, b: _lacks(s, "Theme"),
}


def explain_empty(store: Store, name: str, bindings: Bindings) -> str:
    """Why library query ``name`` returned no rows with ``bindings``, in one
    sentence; a general sentence for a query without an explainer."""
    explain = EXPLAINERS.get(name)
    if explain is None:
        return f"no rows: nothing in the graph ({_count(store, _TRIPLES)} triples) matches the query"
    return explain(store, dict(bindings))
