"""The words of the network views: role options and the labels of role
concepts and organisation types (:data:`ROLES`, :data:`ROLE_LABELS`,
:data:`ORGANISATION_TYPES`, :data:`TYPE_LABELS`), organisation types given by
name (:func:`resolve_types`), a name matched to a label (:func:`match_label`)
and :class:`NetworkViewError`, raised when a filter names something the graph
does not have."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from rdflib import URIRef

from hankeverkko.ontology import HV

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.identity.names import ORG_TYPES
from hankeverkko.graph.sparql.suggest import Candidate, did_you_mean, rank

__all__ = ["ORGANISATION_TYPES", "ROLES", "ROLE_LABELS", "TYPE_KEYS", "TYPE_LABELS", "NetworkViewError",
           "match_label", "resolve_types"]


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
ORGANISATION_TYPES = tuple(ORG_TYPES.values())
#: the snake_case type keys every option and table uses (``ely_centre``), in display order
TYPE_KEYS = tuple(ORG_TYPES)
TYPE_LABELS = {
    "Ministry": "ministry", "ElyCentre": "ELY centre", "NationalAgency": "national agency",
    "Municipality": "municipality", "JointMunicipalAuthority": "joint municipal authority",
    "WellbeingServicesCounty": "wellbeing services county", "HospitalDistrict": "hospital district",
    "University": "university", "UniversityOfAppliedSciences": "university of applied sciences",
    "VocationalInstitution": "vocational institution", "Foundation": "foundation",
    "Association": "association", "Company": "company", "OtherOrganisation": "other organisation",
}


def _suggestions(name: str, keys: Sequence[str], labels: dict[str, str], alt: dict[str, Sequence[str]],
                 describe: Optional[Callable[[str], tuple[str, str]]], everything: bool) -> str:
    """``did you mean`` lines for ``keys``: ranked by fuzzy similarity to ``name``
    (all of ``keys`` when ``everything``, else only close ones), at most ten."""
    names = {k: [labels[k], *alt.get(k, ())] for k in keys}
    ranked = rank(name, names, cutoff=0, spread=None) if everything else rank(name, names)
    found = []
    for key, score in ranked:
        kind, code = describe(key) if describe else ("", "")
        found.append(Candidate(URIRef(str(key)), labels[key], kind, code, score))
    return did_you_mean(found)


def match_label(name: str, labels: dict[str, str], what: str, alt: Optional[dict[str, Sequence[str]]] = None,
                describe: Optional[Callable[[str], tuple[str, str]]] = None) -> str:
    """The key of ``labels`` that ``name`` names: the key itself, an exact label or
    ``alt`` label (case-insensitive), or a unique part of one.

    When nothing or several match, :class:`NetworkViewError` lists the closest
    (fuzzy, ranked, at most ten), each with the type and code ``describe(key)`` gives.

    >>> match_label("beta", {"id:a": "Alfa Oy", "id:b": "Beta ry"}, "organisation")
    'id:b'
    >>> match_label("a", {"id:a": "Alfa Oy", "id:b": "Beta ry"}, "organisation")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    NetworkViewError: 'a' matches 2 organisations ('Alfa Oy', 'Beta ry'); give the full label or the IRI
    >>> try:
    ...     match_label("Betta", {"id:a": "Alfa Oy", "id:b": "Beta ry"}, "organisation",
    ...                 describe=lambda key: ("hv:Association", "1234567-8"))
    ... except NetworkViewError as e:
    ...     print(e)
    no organisation matches 'Betta'; give its label, another printed name or its IRI
    did you mean:
      Beta ry — hv:Association, 1234567-8, <id:b>
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
        raise NetworkViewError(f"no {what} matches {name!r}; give its label, another printed name or its IRI"
                               + _suggestions(name, list(labels), labels, alt, describe, everything=False))
    shown = ", ".join(repr(labels[i]) for i in partial[:10]) + (" ..." if len(partial) > 10 else "")
    raise NetworkViewError(f"{name!r} matches {len(partial)} {what}s ({shown}); give the full label or the IRI"
                           + _suggestions(name, partial, labels, alt, describe, everything=True))


def resolve_types(org_types: Sequence[str]) -> list[str]:
    """Organisation type class names for ``org_types``: the snake_case keys of
    :data:`TYPE_KEYS` in any case (``ely_centre``); class names work too.

    >>> resolve_types(["ely_centre", "Municipality", "agency"])
    ['ElyCentre', 'Municipality', 'NationalAgency']
    """
    by_key = {k.replace("_", ""): cls for k, cls in ORG_TYPES.items()}
    by_key.update({cls.casefold(): cls for cls in ORGANISATION_TYPES})
    out = []
    for t in org_types:
        name = by_key.get(str(t).replace("_", "").replace(" ", "").casefold())
        if name is None:
            raise NetworkViewError(f"unknown organisation type {t!r}; choose from {', '.join(TYPE_KEYS)}")
        out.append(name)
    return out
