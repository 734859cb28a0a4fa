"""Stable IRIs of the graph: source documents, projects (from the EURA code
where printed, else from the normalised name), themes, programmes,
organisations and printed web addresses; the prefixes a built graph binds;
and the name keys that find a project printed without its code."""
from __future__ import annotations

import re
from typing import Optional

from rdflib import DCTERMS, FOAF, OWL, PROV, SKOS, Graph, URIRef

from hankeverkko.loaders.records import SourceDocument
from hankeverkko.ontology import HV, ID

from hankeverkko.graph.identity.entities import OrgEntity, slug

__all__ = ["bind_prefixes", "organisation_iri", "programme_iri", "project_iri", "source_iri", "theme_iri",
           "url_term", "document_iri", "source_keys"]


def source_iri(doc_name: str, sha256: Optional[str] = None) -> URIRef:
    """IRI of a source document: the slug of its file name and a short hash.

    The hash is the first 8 hex digits of the file's SHA-256 (set by the
    build), else of the name itself, so names whose slugs agree ('a b.txt',
    'a-b.txt', 'Ω.txt') and files of the same name in two folders never
    share an IRI, and the same bytes under the same name always get the same one.

    >>> source_iri("002_ecf7.txt", "0123456789abcdef")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/source/002-ecf7-txt-01234567')
    >>> source_iri("a b.txt") != source_iri("a-b.txt")
    True
    """
    import hashlib
    digest = sha256 or hashlib.sha256(doc_name.encode("utf-8")).hexdigest()
    return ID[f"source/{slug(doc_name)}-{digest[:8]}"]


def document_iri(doc: SourceDocument) -> URIRef:
    """The IRI of a read document (:func:`source_iri` of its name and content hash)."""
    return source_iri(doc.name, doc.sha256)


def source_keys(docs: list[SourceDocument]) -> list[str]:
    """How spans and mentions name each document: its file name, or where two
    documents share a name, the name with '#' and the short content hash."""
    from collections import Counter
    names = Counter(d.name for d in docs)
    return [d.name if names[d.name] == 1 or not d.sha256 else f"{d.name}#{d.sha256[:8]}" for d in docs]


def project_iri(code: Optional[str], name: str) -> URIRef:
    """From the EURA code where printed, else from the normalised name.

    >>> project_iri("X-00001", "KOKEILU")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/project/X-00001')
    >>> project_iri(None, "Kotoa  työelämään")
    rdflib.term.URIRef('https://w3id.org/hankeverkko/id/project/kotoa-tyoelamaan')
    """
    if code:
        return ID[f"project/{re.sub(r'[^A-Za-z0-9-]', '', code)}"]
    return ID[f"project/{slug(name)}"]


def theme_iri(name: str) -> URIRef:
    return ID[f"theme/{slug(name)}"]


def programme_iri(name: str) -> URIRef:
    return ID[f"programme/{slug(name)}"]


def organisation_iri(entity: OrgEntity) -> URIRef:
    return ID[f"organisation/{entity.key}"]


_IRI_BAD = re.compile(r'[\s<>"{}|\\^`]')


def url_term(url: str) -> Optional[URIRef]:
    """An absolute IRI for a printed web address, or ``None`` when it is not one.

    Addresses printed without a scheme get ``http://`` (the scheme browsers
    assume); characters that IRIs forbid are percent-encoded.

    >>> url_term("www.yyo.fi")
    rdflib.term.URIRef('http://www.yyo.fi')
    >>> url_term("https://example.fi/a b")
    rdflib.term.URIRef('https://example.fi/a%20b')
    >>> url_term("ei osoite") is None
    True
    """
    from urllib.parse import quote
    u = url.strip().rstrip(".,;)")
    if re.match(r"(?i)www\.", u):
        u = "http://" + u
    if not re.match(r"(?i)https?://[^/\s]+\.[^/\s]+", u):
        return None
    return URIRef(_IRI_BAD.sub(lambda m: quote(m.group(0)), u))


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in (("hv", str(HV)), ("id", str(ID)), ("prov", str(PROV)),
                       ("skos", str(SKOS)), ("dcterms", str(DCTERMS)), ("foaf", str(FOAF)),
                       ("org", "http://www.w3.org/ns/org#"), ("owl", str(OWL))):
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _coded_projects(docs: list[SourceDocument]) -> dict[str, set[URIRef]]:
    """Acronym and name keys of every project printed with a code -> its IRIs."""
    index: dict[str, set[URIRef]] = {}
    for doc in docs:
        for p in doc.projects:
            if p.code:
                for key in {_key(p.acronym or ""), _key(p.name)} - {""}:
                    index.setdefault(key, set()).add(project_iri(p.code, p.name))
    return index


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name).strip().casefold()


def _looks_like_code(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{1,2}-?\d{4,6}|\d{5,7}", s.strip()))
