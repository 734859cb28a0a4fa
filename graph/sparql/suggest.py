"""Did you mean: the resources whose names are closest to a text.

When a parameter's text (``-p organisation=Tampere``) names no resource, or
several, :func:`candidates` ranks the resources of the expected class by how
closely one of their names (label, printed name, code, acronym, business ID)
matches the text (rapidfuzz ``WRatio`` on lower-cased names, at least
:data:`CUTOFF` and within :data:`SPREAD` of the best), at most :data:`LIMIT`, each with its type and code, for the error message.
Everything is read with bound values through the store.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix hv: <https://w3id.org/hankeverkko/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/hankeverkko/id/organisation/tampereen-kaupunki> a hv:Organisation, hv:Municipality ;
...     rdfs:label "Tampereen kaupunki"@fi ; hv:businessId "0211675-2" .
... <https://w3id.org/hankeverkko/id/organisation/turun-kaupunki> a hv:Organisation, hv:Municipality ;
...     rdfs:label "Turun kaupunki"@fi .''')
>>> from hankeverkko.graph.sparql.store import open_store
>>> [c.line() for c in candidates(open_store(g), "Tampere", "hv:Organisation")][:1]
['Tampereen kaupunki — hv:Municipality, 0211675-2, id:organisation/tampereen-kaupunki']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Optional, TypeVar

from rdflib import URIRef

from hankeverkko.graph.rdf.named_graphs import PREFIXES
from hankeverkko.graph.sparql.store import Store

__all__ = ["Candidate", "candidates", "did_you_mean", "rank", "LIMIT"]

LIMIT = 10
#: below this rapidfuzz score a name is not offered, nor below the best score minus SPREAD
CUTOFF, SPREAD = 55, 20

_NAMES_TYPED = """
SELECT ?entity ?name ?class WHERE {
  ?entity a ?class .
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|hv:code|hv:acronym|hv:businessId ?name .
}"""
_NAMES = """
SELECT ?entity ?name WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|hv:code|hv:acronym|hv:businessId ?name .
}"""
_DETAILS = """
SELECT ?entity ?type ?code ?businessId ?label WHERE {
  ?entity a ?type .
  OPTIONAL { ?entity hv:code ?code }
  OPTIONAL { ?entity hv:businessId ?businessId }
  OPTIONAL { ?entity rdfs:label ?label }
}"""
#: classes too general to tell a reader what a resource is
_GENERAL = {str(PREFIXES["hv"]) + n for n in ("Organisation", "Project")}


def _short(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return f"<{iri}>"


def _norm(text: str) -> str:
    return " ".join(str(text).split()).lower()


K = TypeVar("K", bound=Hashable)


def rank(text: str, names: Mapping[K, Iterable[str]], limit: Optional[int] = LIMIT, cutoff: float = CUTOFF,
         spread: Optional[float] = SPREAD) -> list[tuple[K, float]]:
    """The keys of ``names`` whose names are closest to ``text``, best first, with
    their best rapidfuzz ``WRatio`` score (at least ``cutoff`` and, unless
    ``spread`` is None, within ``spread`` of the best); no store needed.

    >>> [key for key, score in rank("Tampereen amk", {"tamk": ["Tampereen ammattikorkeakoulu", "TAMK"],
    ...                     "tuni": ["Tampereen yliopisto"], "oulu": ["Oulun kaupunki"]})]
    ['tamk', 'tuni']
    """
    from rapidfuzz import fuzz, process

    by_name: dict[str, set] = {}
    for key, key_names in names.items():
        for name in key_names:
            if name is not None:
                by_name.setdefault(_norm(name), set()).add(key)
    best: dict = {}
    for name, score, _ in process.extract(_norm(text), sorted(by_name), scorer=fuzz.WRatio,
                                          limit=None, score_cutoff=cutoff):
        for key in by_name[name]:
            best[key] = max(best.get(key, 0.0), float(score))
    if spread is not None and best:
        top = max(best.values())
        best = {k: v for k, v in best.items() if v >= top - spread}
    out = sorted(best.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return out if limit is None else out[:limit]


@dataclass(frozen=True)
class Candidate:
    iri: URIRef
    label: str
    type: str
    code: str
    score: float

    def line(self) -> str:
        """``label — type, code, short IRI`` (code left out when there is none)."""
        return f"{self.label} — " + ", ".join(x for x in (self.type, self.code, _short(str(self.iri))) if x)


def _details(store: Store, iri: URIRef) -> tuple[str, str, str]:
    rows = store.select(_DETAILS, {"entity": iri}).dicts()
    types = sorted({str(r["type"]) for r in rows})
    specific = [t for t in types if t.startswith(str(PREFIXES["hv"])) and t not in _GENERAL]
    chosen = (specific or [t for t in types if t.startswith(str(PREFIXES["hv"]))] or types or [""])[0]
    codes = sorted({str(r["code"]) for r in rows if r["code"] is not None}
                   or {str(r["businessId"]) for r in rows if r["businessId"] is not None})
    labels = sorted({str(r["label"]) for r in rows if r["label"] is not None})
    return (labels[0] if labels else _short(str(iri))), (_short(chosen) if chosen else ""), ", ".join(codes)


def candidates(store: Store, text: str, cls: Optional[str] = None,
               exact: Iterable[URIRef] = (), limit: int = LIMIT) -> list[Candidate]:
    """The resources (of class ``cls``, a prefixed name such as ``hv:Theme``)
    whose names are closest to ``text``, best first; ``exact`` ones (names equal
    to the text) come first whatever their score."""
    exact = set(exact)
    if cls:
        prefix, _, local = cls.partition(":")
        rows = store.select(_NAMES_TYPED, {"class": URIRef(str(PREFIXES[prefix]) + local)}).rows
    else:
        rows = store.select(_NAMES).rows
    names: dict[URIRef, list[str]] = {}
    for entity, name, *_ in rows:
        if isinstance(entity, URIRef) and name is not None:
            names.setdefault(entity, []).append(str(name))
    best: dict[URIRef, float] = dict(rank(text, names, limit=None, spread=None))
    best.update({e: 101.0 for e in exact})
    top = max((v for e, v in best.items() if e not in exact), default=0.0)
    best = {e: v for e, v in best.items() if v >= top - SPREAD or e in exact}
    out = []
    for iri, score in best.items():
        label, kind, code = _details(store, iri)
        out.append(Candidate(iri, label, kind, code, min(score, 100.0)))
    out.sort(key=lambda c: (c.iri not in exact, -c.score, c.label.casefold(), str(c.iri)))
    return out[:limit]


def did_you_mean(found: list[Candidate]) -> str:
    """Candidate lines for an error message (empty text when there is none)."""
    if not found:
        return ""
    return "\ndid you mean:\n" + "\n".join(f"  {c.line()}" for c in found)
