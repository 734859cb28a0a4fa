"""One node per real organisation: printed names parsed and normalised
(``names``, with ``cleaning``, ``heads`` and ``inflection``), business IDs
(``business_id``), fuzzy matching within blocks (``matching``), canonical
labels and types (``canonical``), the resolution itself (``resolution``: what
it returns in ``entities``, its nodes and clusters in ``clusters``, the merge
steps in ``merging``) and the review queue with a person's decisions
(``review``)."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "resolve": "resolution", "Resolution": "entities", "OrgEntity": "entities",
    "NameMention": "entities", "ReviewPair": "entities", "ORG_TYPES": "names",
    "normalise_business_id": "business_id", "validate_business_id": "business_id",
    "Decision": "review", "DecisionsError": "review", "read_decisions": "review",
    "write_review_queue": "review",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
