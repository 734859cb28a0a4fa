"""Organisation resolution: printed names -> one entity per real organisation.

Interface used by ``hankeverkko.graph.rdf.build``::

    res = resolve(mentions, decisions=None)
    ent = res.entity_for("Kivi-ammattikorkeakoulu Oy")   # -> OrgEntity
    res.entities        # every OrgEntity, sorted by key
    res.review_queue    # close pairs a person should decide on

Evidence, strongest first (names are parsed by :mod:`hankeverkko.graph.identity.names`, pairs
judged by :mod:`hankeverkko.graph.identity.matching`):

1. a valid business ID (:mod:`hankeverkko.graph.identity.business_id`): the same ID merges,
   different IDs never merge;
2. a person's decision, ``merge`` or ``keep_apart`` (:mod:`hankeverkko.graph.identity.review`);
3. the curated alias table (abbreviations, Swedish/English parallel names);
4. the same name after normalisation (case, PDF hyphenation, spacing, legal
   form, an acronym printed with the name, 'X ry, Y rf' parallel names);
5. fuzzy similarity between names sharing a distinctive word: merged only at
   :data:`~hankeverkko.graph.identity.matching.MERGE_SCORE` and only if nothing disagrees; close
   pairs go to the review queue, never to an automatic merge.

>>> res = resolve([NameMention("Lab- ammattikorkeakoulu Oy", "a.txt", 3),
...                NameMention("LAB-ammattikorkeakoulu", "b.txt", 9),
...                NameMention("Lapin ammattikorkeakoulu Oy", "b.txt", 10)])
>>> [(e.label, e.type) for e in res.entities]
[('LAB-ammattikorkeakoulu Oy', 'university_of_applied_sciences'), ('Lapin ammattikorkeakoulu Oy', 'university_of_applied_sciences')]
>>> res.entity_for("lab-AMMATTIKORKEAKOULU").key
'lab-ammattikorkeakoulu-oy'
"""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Iterable, Union

from hankeverkko.graph.identity.business_id import normalise_business_id, validate_business_id
from hankeverkko.graph.identity.canonical import acronym, canonical_label, entity_type, printed_forms
from hankeverkko.graph.identity.clusters import _Clusters, _Node, _nodes
from hankeverkko.graph.identity.entities import NameMention, OrgEntity, Resolution, ReviewPair, _mention_order, _norm, slug
from hankeverkko.graph.identity.matching import MERGE_SCORE, REVIEW_SCORE, score
from hankeverkko.graph.identity.merging import (_apply_decisions, _merge_acronyms, _merge_exact, _merge_similar,
                                                _merge_stated, _review_queue)
from hankeverkko.graph.identity.names import ORG_TYPES, parse
from hankeverkko.graph.identity.review import Decision, read_decisions, write_review_queue

__all__ = ["ORG_TYPES", "MERGE_SCORE", "REVIEW_SCORE", "Decision", "NameMention", "OrgEntity", "ReviewPair",
           "Resolution", "normalise_business_id", "read_decisions", "resolve", "score", "slug",
           "validate_business_id", "write_review_queue"]


def _as_decisions(decisions) -> list[Decision]:
    if decisions is None:
        return []
    if isinstance(decisions, (str, Path)):
        return read_decisions(decisions)
    return [d if isinstance(d, Decision) else Decision(*d) for d in decisions]


def _entity(nodes: list[_Node]) -> OrgEntity:
    forms = printed_forms(n.displays for n in nodes)
    ent_type = entity_type(forms, sorted({m.org_type for n in nodes for m in n.mentions if m.org_type}))
    label = canonical_label(forms, ent_type)
    bids = sorted({n.bid for n in nodes} - {""})
    return OrgEntity(key=f"y-{bids[0]}" if bids else slug(label), label=label, lang=parse(label).lang,
                     type=ent_type, business_id=bids[0] if bids else None, acronym=acronym(forms, label),
                     mentions=sorted((m for n in nodes for m in n.mentions), key=_mention_order))


def resolve(mentions: Iterable[NameMention],
            decisions: Union[str, Path, Iterable[Decision], None] = None,
            stated: Iterable[tuple[str, str]] = ()) -> Resolution:
    """Resolve printed names into organisations (deterministic, independent of input order).

    ``decisions``: a reviewed CSV (see :func:`hankeverkko.graph.identity.review.read_decisions`) or
    :class:`Decision` objects; they override the name rules both ways.
    ``stated``: (name, name) pairs a source document equates, such as an
    abbreviation it defines; merged unless a decision keeps them apart.
    """
    warnings: list[str] = []
    nodes = _nodes(sorted(set(mentions), key=_mention_order), warnings)
    cl = _Clusters(nodes)
    review: list[tuple[tuple, tuple, float, str]] = []
    applied = _apply_decisions(cl, nodes, _as_decisions(decisions), warnings)
    _merge_stated(cl, nodes, stated)
    ambiguous = _merge_exact(cl, nodes, review)
    _merge_similar(cl, nodes, review, ambiguous, warnings)
    _merge_acronyms(cl, nodes, review, ambiguous)
    queue, review_total = _review_queue(cl, review, warnings)

    groups = cl.groups()
    entities = [_entity(g) for g in groups]
    clashes = Counter(e.key for e in entities)
    for e, g in zip(entities, groups):
        if clashes[e.key] > 1:       # same label, kept apart: a suffix from the names, stable across runs
            e.key += "-" + hashlib.sha1("|".join(n.id[0] for n in g).encode()).hexdigest()[:8]
    index: dict[str, OrgEntity] = {}
    for e, g in sorted(zip(entities, groups), key=lambda x: (bool(x[0].business_id), x[0].key)):
        if e.business_id:
            index["y:" + e.business_id] = e
        for n in g:              # a name printed for several IDs: the one without an ID, else the first by key
            for k in {_norm(m.name) for m in n.mentions} | {_norm(d) for d in n.displays} | {"k:" + n.id[0]}:
                index.setdefault(k, e)
    return Resolution(sorted(entities, key=lambda e: e.key), queue, index, warnings, applied, review_total)
