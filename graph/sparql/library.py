"""The query library: ``graph/queries/*.rq`` with documented parameters.

Each file starts with a header of comment lines::

    # title: Projects of a theme
    # description: Every project of THEME with its implementers and their roles.
    # param: theme — the theme: an IRI, a label or a code (hv:Theme)
    # group: project

``group`` (optional) names the columns whose shared values make one row of
the terminal table (the other columns' values joined); CSV, TSV and JSON
keep every row. A parameter's type (in the last parentheses) is ``integer``, ``decimal``,
``date``, ``string``, ``IRI`` (any resource) or a class such as ``hv:Theme``
(a resource of that class). Text given for an IRI-valued parameter may be

* a full IRI (``https://w3id.org/hankeverkko/id/theme/...``),
* a prefixed name (``id:theme/...``, prefixes of :data:`hankeverkko.graph.sparql.store.PREFIXES`),
* a label, printed name or code: matched case-insensitively against
  ``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``, ``hv:code``,
  ``hv:acronym`` and ``hv:businessId`` by a helper query (bound, not spliced);
  no match or several matches is a :class:`QueryError` naming the closest
  candidates (:mod:`graph.sparql.suggest`: fuzzy, ranked, at most ten, with
  their type and code).

Parameters are bound by the store (:mod:`hankeverkko.graph.sparql.store`), never pasted into
the text, and every library query projects its parameters (Oxigraph binds
only projected variables).

>>> sorted(load_library())[:3]
['both_periods', 'co_implementers', 'coordination_projects']
>>> q = get_query("theme_projects")
>>> [(p.name, p.type) for p in q.params]
[('theme', 'hv:Theme')]
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Mapping, Optional, Union

from rdflib import Literal, URIRef
from rdflib.term import Node

from hankeverkko.graph.errors import QueryError
from hankeverkko.graph.rdf.named_graphs import PREFIXES
from hankeverkko.graph.sparql.results import SelectResult, Store

__all__ = ["QUERY_DIR", "Param", "LibraryQuery", "load_library", "get_query", "parse_query",
           "bind_params", "resolve_iri", "run_library_query", "library_summary"]

QUERY_DIR = Path(__file__).resolve().parent / "queries"
SCALAR_TYPES = ("integer", "decimal", "date", "string")

_HEADER = re.compile(r"^#\s*(title|description|param|group)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:—|–|--|-)\s*(?P<meaning>.*?)\s*\((?P<type>[^()]+)\)$")
_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w.-]*):(?P<local>[^\s<>\"{}|^`\\]+)$")
_IRI = re.compile(r"^(https?|urn|file):[^\s<>\"{}|^`\\]+$")

# labels compared lower-cased with runs of white space as one space (as the needle)
_RESOLVE = r"""
SELECT DISTINCT ?entity ?needle WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|hv:code|hv:acronym|hv:businessId ?name .
  FILTER(LCASE(REPLACE(STR(?name), "[ \t\r\n]+", " ")) = ?needle)
} ORDER BY ?entity LIMIT 20"""
_RESOLVE_TYPED = r"""
SELECT DISTINCT ?entity ?needle ?class WHERE {
  ?entity a ?class .
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|hv:code|hv:acronym|hv:businessId ?name .
  FILTER(LCASE(REPLACE(STR(?name), "[ \t\r\n]+", " ")) = ?needle)
} ORDER BY ?entity LIMIT 20"""


@dataclass(frozen=True)
class Param:
    name: str
    meaning: str
    type: str

    @property
    def iri_valued(self) -> bool:
        return self.type not in SCALAR_TYPES

    def describe(self) -> str:
        return f"{self.name} ({self.type})"


@dataclass
class LibraryQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: Optional[Path] = None
    #: columns whose shared values make one row of the terminal table
    group: list[str] = field(default_factory=list)

    def param(self, name: str) -> Optional[Param]:
        return next((p for p in self.params if p.name == name), None)


def parse_query(text: str, name: str, path: Optional[Path] = None) -> LibraryQuery:
    """Read the header comments of query ``text``.

    >>> q = parse_query("# title: T\\n# param: n — how many (integer)\\nSELECT ?n WHERE { ?s ?p ?n }", "x")
    >>> q.title, q.params
    ('T', [Param(name='n', meaning='how many', type='integer')])
    """
    q = LibraryQuery(name, text, path=path)
    where = f"{path or name}"
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            q.title = value
        elif key == "description":
            q.description = value
        elif key == "group":
            q.group = value.replace(",", " ").split()
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{where}: cannot read the parameter line {line!r}; "
                                 "write `# param: NAME — meaning (type)`")
            ptype = pm["type"].strip()
            if ptype not in SCALAR_TYPES and ptype != "IRI" and not _CURIE.match(ptype):
                raise QueryError(f"{where}: parameter {pm['name']} has unknown type {ptype!r}; use "
                                 f"{', '.join(SCALAR_TYPES)}, IRI or a class such as hv:Theme")
            q.params.append(Param(pm["name"], pm["meaning"], ptype))
    return q


def load_library(folder: Path = QUERY_DIR) -> dict[str, LibraryQuery]:
    """Every ``*.rq`` file of ``folder`` by name (the file name without .rq)."""
    return {p.stem: parse_query(p.read_text(encoding="utf-8"), p.stem, p)
            for p in sorted(Path(folder).glob("*.rq"))}


def library_summary(folder: Path = QUERY_DIR) -> list[tuple[str, str, str]]:
    """(name, title, parameters) of every library query, for listing.

    >>> library_summary()[0]
    ('both_periods', 'Organisations active in both programme periods', '')
    """
    return [(q.name, q.title, ", ".join(p.describe() for p in q.params)) for q in load_library(folder).values()]


def get_query(name_or_file: str) -> LibraryQuery:
    """A library query by name, a ``.rq`` file, or SPARQL text given inline."""
    library = load_library()
    if name_or_file in library:
        return library[name_or_file]
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or (path.suffix == "" and "{" not in name_or_file and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{name_or_file}: no such query file")
        return parse_query(path.read_text(encoding="utf-8"), path.stem, path)
    if "{" in name_or_file:
        return parse_query(name_or_file, "inline query")
    raise QueryError(f"unknown query {name_or_file!r}; `hankeverkko query --list` shows the library "
                     f"({', '.join(sorted(library))})")


def _expand(text: str) -> Optional[URIRef]:
    if _IRI.match(text):
        return URIRef(text)
    m = _CURIE.match(text)
    if m and m["prefix"] in PREFIXES:
        return URIRef(str(PREFIXES[m["prefix"]]) + m["local"])
    return None


def resolve_iri(store: Store, text: str, cls: Optional[str] = None) -> URIRef:
    """The resource meant by ``text``: an IRI, a prefixed name, or a label/code
    of exactly one resource (of class ``cls``, a prefixed name, if given)."""
    text = text.strip()
    iri = _expand(text)
    if iri is not None:
        return iri
    needle = Literal(" ".join(text.split()).lower())
    if cls:
        class_iri = _expand(cls)
        if class_iri is None:
            raise QueryError(f"unknown class {cls!r}")
        rows = store.select(_RESOLVE_TYPED, {"needle": needle, "class": class_iri}).rows
    else:
        rows = store.select(_RESOLVE, {"needle": needle}).rows
    found = sorted({r[0] for r in rows if isinstance(r[0], URIRef)})
    what = cls or "resource"
    if len(found) == 1:
        return found[0]
    from hankeverkko.graph.sparql.suggest import candidates, did_you_mean

    near = did_you_mean(candidates(store, text, cls, exact=found))
    if not found:
        raise QueryError(f"no {what} has the label or code {text!r}; give its IRI or one of the names "
                         f"below{near or ' (no close names; `hankeverkko query --list` shows queries that list them)'}")
    shown = ", ".join(f"<{f}>" for f in found[:5])
    raise QueryError(f"{text!r} names {len(found)} {what} nodes: {shown}; give one IRI instead{near}")


def _coerce(store: Store, query: LibraryQuery, p: Param, raw: Union[str, Node]) -> Node:
    if not isinstance(raw, str) or isinstance(raw, (URIRef, Literal)):
        return raw  # already an rdflib term (library callers)
    try:
        if p.type == "integer":
            return Literal(int(raw.strip()))
        if p.type == "decimal":
            return Literal(Decimal(raw.strip()))
        if p.type == "date":
            return Literal(dt.date.fromisoformat(raw.strip()))
    except (ValueError, InvalidOperation) as e:
        raise QueryError(f"parameter {p.name} of {query.name} must be {'an' if p.type == 'integer' else 'a'} "
                         f"{p.type}, not {raw!r}") from e
    if p.type == "string":
        return Literal(raw)
    return resolve_iri(store, raw, None if p.type == "IRI" else p.type)


def bind_params(store: Store, query: LibraryQuery, params: Mapping[str, Union[str, Node]]) -> dict[str, Node]:
    """Check ``params`` against the query's declared parameters and turn text
    into rdflib terms (resolving labels and codes through ``store``)."""
    declared = {p.name for p in query.params}
    for name in params:
        if name not in declared:
            takes = ", ".join(p.describe() for p in query.params) or "no parameters"
            raise QueryError(f"query {query.name} has no parameter {name!r}; it takes {takes}")
    for p in query.params:
        if p.name not in params:
            raise QueryError(f"query {query.name} needs --param {p.name}=VALUE: {p.meaning} ({p.type})")
    return {p.name: _coerce(store, query, p, params[p.name]) for p in query.params}


def run_library_query(store: Store, name_or_file: Union[str, LibraryQuery],
                      params: Optional[Mapping[str, Union[str, Node]]] = None) -> SelectResult:
    """Run a library query (or a .rq file, or inline text) on ``store``.

    >>> from rdflib import Graph
    >>> from hankeverkko.graph.sparql.store import open_store
    >>> run_library_query(open_store(Graph()), "multi_theme_organisations", {"min_themes": "2"}).rows
    []
    """
    query = name_or_file if isinstance(name_or_file, LibraryQuery) else get_query(name_or_file)
    bindings = bind_params(store, query, dict(params or {}))
    return store.select(query.text, bindings)
