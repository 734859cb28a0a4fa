"""Records -> RDF: the graph builder.

Turns the :class:`loaders.records.SourceDocument` records of one or more
sources into one rdflib graph in the hankeverkko ontology (``ontology/``),
with stable IRIs (from codes where printed, else from normalised names) and
provenance (``prov:wasDerivedFrom`` + ``hv:sourceLine``) on every project,
theme, organisation, participation and mention.

Organisations go through :func:`hankeverkko.graph.identity.resolution.resolve` first, so each real
organisation is one node whatever the spelling.

The data model (also in ``ontology/README.md``):

* project ``hv:implementer`` org is materialised for every implementing role;
  ``hv:mainImplementer``/``hv:subImplementer``/``hv:administrator`` besides;
* every participation is also an ``hv:Participation`` node
  (``hv:participant``, ``hv:participationIn``, ``hv:role``, provenance);
* a group project's sub-project rows become ``hv:SubProject`` nodes with
  ``hv:code``, ``hv:subProjectOf`` the group and ``hv:implementer``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rdflib import Graph

from hankeverkko.loaders.records import SourceDocument

from hankeverkko.graph.identity.entities import Resolution
from hankeverkko.graph.identity.resolution import resolve
from hankeverkko.graph.rdf.builder import Builder
from hankeverkko.graph.rdf.documents import concepts, document, relations, statutes
from hankeverkko.graph.rdf.organisations import mentions, organisation_mentions, stated_aliases
from hankeverkko.graph.rdf.projects import coordination_links, drop_code_only_labels, project
from hankeverkko.graph.rdf.themes import programmes, themes

__all__ = ["BuildResult", "build_graph"]


@dataclass
class BuildResult:
    graph: Graph
    resolution: Resolution
    documents: list[SourceDocument]
    warnings: list[str] = field(default_factory=list)


def _each(builder: Builder):
    """The documents in order, each the builder's current one while its records are built
    (so a span names its own document where two share a file name)."""
    for doc in builder.docs:
        builder.current = doc
        yield doc
    builder.current = None


def _run(builder: Builder) -> Graph:
    for doc in _each(builder):
        document(builder, doc)
    for doc in _each(builder):
        programmes(builder, doc)
    for doc in _each(builder):
        themes(builder, doc)
    for doc in _each(builder):
        for p in doc.projects:
            project(builder, p, doc)
        coordination_links(builder, doc)
        concepts(builder, doc)
        statutes(builder, doc)
        mentions(builder, doc)
        relations(builder, doc)
    drop_code_only_labels(builder)
    for source, lines in sorted(builder.unstated_groups.items()):
        builder.warnings.append(
            f"{source}: {len(lines)} group project(s) list implementers without naming the main "
            f"implementer (lines {', '.join(map(str, sorted(lines)))}); typed hv:Project, not hv:GroupProject, "
            "with every organisation as hv:implementer")
    return builder.g


def build_graph(docs: list[SourceDocument], decisions: Optional[Path] = None,
                include_officials: bool = False) -> BuildResult:
    """Resolve organisations and turn the records of ``docs`` into one graph."""
    docs = sorted(docs, key=lambda d: (d.name, d.sha256 or ""))
    resolution = resolve(organisation_mentions(docs), decisions=decisions, stated=stated_aliases(docs))
    b = Builder(docs, resolution, include_officials)
    graph = _run(b)
    return BuildResult(graph, resolution, docs, [*resolution.warnings, *b.warnings])
