"""The organisation table behind ``hankeverkko orgs``, read through SPARQL.

One row per organisation node: canonical name, type, every other printed
form, number of projects in a role group (group projects count once, not
once per sub-project), the themes of those projects, and how often the
organisation takes the other role groups.

By default only implementing roles count as projects (:data:`ROLE_GROUPS`
``implementer``: main, sub, implementer, applicant, administrator), so a
ministry or ELY centre funding twenty projects does not outrank the
organisations doing them; its funding shows under ``other_roles``
(``funder 21``), or ranks the table with ``role="funder"``.

>>> sorted(ROLE_GROUPS)
['any', 'funder', 'implementer', 'partner']
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hankeverkko.graph.identity.resolution import ORG_TYPES
from hankeverkko.graph.sparql.results import Store

__all__ = ["OrganisationRow", "organisation_table", "TYPE_KEYS", "ROLE_GROUPS", "OTHER_ROLES"]

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
SELECT ?org ?project ?role ?theme WHERE {
  ?part a hv:Participation ; hv:participant ?org ; hv:participationIn ?project ; hv:role ?role .
  ?project a hv:Project .
  FILTER NOT EXISTS { ?project a hv:SubProject }
  OPTIONAL { ?project hv:theme ?t . ?t rdfs:label ?theme }
}"""
_ROLES = """
SELECT ?org ?role ?target WHERE {
  ?part a hv:Participation ; hv:participant ?org ; hv:participationIn ?target ; hv:role ?role .
  FILTER NOT EXISTS { ?target a hv:SubProject }
}"""

_IMPLEMENTING = ("MainImplementerRole", "SubImplementerRole", "ImplementerRole", "ApplicantRole",
                 "AdministratorRole")
#: role group -> role local names; a project counts once per organisation and group
ROLE_GROUPS = {
    "implementer": _IMPLEMENTING,
    "partner": ("PartnerRole", "PilotRole", "SteeringRole"),
    "funder": ("FundingAuthorityRole",),
    "any": None,                      # every role
}
#: groups shown in ``other_roles`` (counted over projects, themes and programmes)
OTHER_ROLES = {"implementer": _IMPLEMENTING, "partner": ROLE_GROUPS["partner"], "funder": ("FundingAuthorityRole",),
               "ministry": ("MinistryRole",), "agency": ("AgencyRole",)}


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


@dataclass
class OrganisationRow:
    iri: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    projects: int = 0
    themes: list[str] = field(default_factory=list)
    #: role group -> number of projects, themes or programmes (groups other than the ranked one)
    other_roles: dict[str, int] = field(default_factory=dict)

    def other_roles_text(self) -> str:
        """``funder 21; ministry 7``"""
        return "; ".join(f"{k} {n}" for k, n in self.other_roles.items())


def organisation_table(store: Store, role: str = "implementer") -> list[OrganisationRow]:
    """Every organisation, most projects in ``role`` (a key of
    :data:`ROLE_GROUPS`) first, then by name."""
    if role not in ROLE_GROUPS:
        raise ValueError(f"unknown role group {role!r}; use one of {', '.join(ROLE_GROUPS)}")
    wanted = ROLE_GROUPS[role]
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
        if wanted is not None and _local(r["role"]) not in wanted:
            continue
        key = str(r["org"])
        projects.setdefault(key, set()).add(r["project"])
        if r.get("theme") is not None:
            themes.setdefault(key, set()).add(str(r["theme"]))
    others: dict[str, dict[str, set]] = {}
    for r in store.select(_ROLES).dicts():
        for group, locals_ in OTHER_ROLES.items():
            if group != role and _local(r["role"]) in locals_:
                others.setdefault(str(r["org"]), {}).setdefault(group, set()).add(r["target"])
    for key, row in rows.items():
        row.aliases = sorted(set(row.aliases))
        row.projects = len(projects.get(key, ()))
        row.themes = sorted(themes.get(key, ()))
        if role != "any":
            row.other_roles = {g: len(t) for g, t in sorted(others.get(key, {}).items())}
    return sorted(rows.values(), key=lambda r: (-r.projects, r.name.casefold(), r.iri))
