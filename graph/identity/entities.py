"""What resolution returns: printed name mentions in, one :class:`OrgEntity`
per real organisation out, with the :class:`Resolution` that finds the
entity of any printed variant, the pairs a person should review, and the
stable ASCII :func:`slug` used in IRIs."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from hankeverkko.graph.identity.names import parse
from hankeverkko.graph.identity.review import Decision

__all__ = ["NameMention", "OrgEntity", "Resolution", "ReviewPair", "slug"]


@dataclass(frozen=True)
class NameMention:
    """One printed occurrence of an organisation name."""
    name: str
    source: str
    line: int
    business_id: Optional[str] = None
    #: the organisation type printed beside the name ('Kunta', 'Osakeyhtiö'), as printed
    org_type: Optional[str] = None


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
    warnings: list[str] = field(default_factory=list)        # invalid business IDs, unusable decisions
    decisions: list[Decision] = field(default_factory=list)  # the decisions this resolution applied
    review_total: int = 0      # open pairs before the queue was capped (REVIEW_CAP in hankeverkko.graph.identity.merging)

    def entity_for(self, name: str) -> OrgEntity:
        """The entity of a printed name, in any whitespace/case/hyphenation variant
        (or 'Name (1234567-8)' as the review file writes a name with a business ID)."""
        m = _ID_SUFFIX.match(name)
        if m and "y:" + m.group(2) in self._index:
            return self._index["y:" + m.group(2)]
        for k in (_norm(name), "k:" + parse(name).key):
            if k in self._index:
                return self._index[k]
        raise KeyError(f"organisation {name!r} was not among the resolved mentions")


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


_ID_SUFFIX = re.compile(r"^(.*?)\s*\((\d{7}-\d)\)\s*$")


def _mention_order(m: NameMention):
    return (m.source, m.line, m.name, m.business_id or "", m.org_type or "")
