"""The organisation table behind ``hankeverkko orgs``, read through SPARQL.

One row per organisation node: canonical name, type, every other printed
form, number of projects (group projects count once, not once per
sub-project) and the themes of those projects.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hankeverkko.graph.identity.resolution import ORG_TYPES
from hankeverkko.graph.sparql.results import Store

__all__ = ["OrganisationRow", "organisation_table", "TYPE_KEYS"]

#: ontology class local name -> type key used in tables and filters
TYPE_KEYS = {cls: key for key, cls in ORG_TYPES.items()}

_ORGS = """
SELECT ?org ?label ?type WHERE {
  ?org a hv:Organisation ; rdfs:label ?label ; a ?type .
  FILTER(?type != hv:Organisation)
}"""
_ALIASES = """
SELECT ?org ?alt WHERE { ?org a hv:Organisation ; skos:altLabel ?alt . }"""
_PROJECTS = """
SELECT ?org ?project ?theme WHERE {
  ?part a hv:Participation ; hv:participant ?org ; hv:participationIn ?project .
  ?project a hv:Project .
  FILTER NOT EXISTS { ?project a hv:SubProject }
  OPTIONAL { ?project hv:theme ?t . ?t rdfs:label ?theme }
}"""


@dataclass
class OrganisationRow:
    iri: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    projects: int = 0
    themes: list[str] = field(default_factory=list)


def organisation_table(store: Store) -> list[OrganisationRow]:
    """Every organisation, most projects first, then by name."""
    rows: dict[str, OrganisationRow] = {}
    for r in store.select(_ORGS).dicts():
        key = str(r["org"])
        local = str(r["type"]).rsplit("#", 1)[-1]
        if key not in rows or rows[key].type == "other":
            rows[key] = OrganisationRow(key, str(r["label"]), TYPE_KEYS.get(local, "other"))
    for r in store.select(_ALIASES).dicts():
        if str(r["org"]) in rows:
            rows[str(r["org"])].aliases.append(str(r["alt"]))
    projects: dict[str, set] = {}
    themes: dict[str, set] = {}
    for r in store.select(_PROJECTS).dicts():
        key = str(r["org"])
        projects.setdefault(key, set()).add(r["project"])
        if r.get("theme") is not None:
            themes.setdefault(key, set()).add(str(r["theme"]))
    for key, row in rows.items():
        row.aliases = sorted(set(row.aliases))
        row.projects = len(projects.get(key, ()))
        row.themes = sorted(themes.get(key, ()))
    return sorted(rows.values(), key=lambda r: (-r.projects, r.name.casefold(), r.iri))
