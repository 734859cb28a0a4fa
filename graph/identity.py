"""Organisation resolution: printed names -> one entity per real organisation.

BASELINE (issue D replaces the internals, keeping this interface):
whitespace/case normalisation and the curated alias table only.

Interface used by ``graph.build``::

    res = resolve(mentions, decisions=None)
    ent = res.entity_for("Lab-ammattikorkeakoulu Oy")   # -> OrgEntity
    res.entities        # every OrgEntity, sorted by key
    res.review_queue    # close pairs a person should decide on
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from loaders.reference import _by_alias, expand_abbreviation

__all__ = ["ORG_TYPES", "NameMention", "OrgEntity", "ReviewPair", "Resolution", "resolve", "slug"]

#: organisation type key -> ontology class local name
ORG_TYPES = {
    "ministry": "Ministry",
    "ely_centre": "ElyCentre",
    "agency": "NationalAgency",
    "municipality": "Municipality",
    "joint_municipal_authority": "JointMunicipalAuthority",
    "wellbeing_services_county": "WellbeingServicesCounty",
    "hospital_district": "HospitalDistrict",
    "university": "University",
    "university_of_applied_sciences": "UniversityOfAppliedSciences",
    "vocational_institution": "VocationalInstitution",
    "foundation": "Foundation",
    "association": "Association",
    "company": "Company",
    "other": "OtherOrganisation",
}


@dataclass(frozen=True)
class NameMention:
    """One printed occurrence of an organisation name."""
    name: str
    source: str
    line: int
    business_id: Optional[str] = None


@dataclass
class OrgEntity:
    key: str                      # stable slug for the IRI
    label: str                    # canonical (fullest official) form
    lang: str = "fi"
    type: str = "other"           # key of ORG_TYPES
    business_id: Optional[str] = None
    acronym: Optional[str] = None
    mentions: list[NameMention] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewPair:
    a: str
    b: str
    score: float
    reason: str


@dataclass
class Resolution:
    entities: list[OrgEntity]
    review_queue: list[ReviewPair]
    _index: dict[str, OrgEntity]

    def entity_for(self, name: str) -> OrgEntity:
        try:
            return self._index[_norm(name)]
        except KeyError:
            raise KeyError(f"organisation {name!r} was not among the resolved mentions") from None


def slug(text: str) -> str:
    """A stable ASCII slug for IRIs.

    >>> slug("Työ- ja elinkeinoministeriö")
    'tyo-ja-elinkeinoministerio'
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t or "x"


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _canonical_types() -> dict[str, str]:
    from loaders.reference import aliases
    return {_norm(a.canonical): a.type for a in aliases()}


def resolve(mentions: Iterable[NameMention], decisions: Optional[Path] = None) -> Resolution:
    groups: dict[str, list[NameMention]] = {}
    for m in mentions:
        canonical = expand_abbreviation(m.name) or m.name
        groups.setdefault(_norm(canonical), []).append(m)
    entities, index = [], {}
    for key in sorted(groups):
        ms = groups[key]
        label = expand_abbreviation(ms[0].name) or max((m.name for m in ms), key=lambda n: (len(n), n))
        alias = _by_alias().get(ms[0].name.strip().casefold())
        ent = OrgEntity(key=slug(label), label=re.sub(r"\s+", " ", label).strip(), mentions=ms,
                        type=alias.type if alias else _canonical_types().get(_norm(label), "other"))
        entities.append(ent)
        for m in ms:
            index[_norm(m.name)] = ent
        index[key] = ent
    return Resolution(sorted(entities, key=lambda e: e.key), [], index)
