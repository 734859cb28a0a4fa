"""hankeverkko's public API, in one place.

The pipeline, one direction only::

    sources --loaders--> records --rdf--> RDF graph --sparql--> SPARQL / network views --> analysis --> maps

A session from Python (the ``hankeverkko`` command does the same)::

    import hankeverkko as hv
    result = hv.build_sources()                    # the bundled corpus (or a list of paths)
    print(hv.validate(result.graph).text())        # SHACL
    store = hv.open_store(result.graph)            # or "oxigraph:DIR", "endpoint:URL"
    rows = hv.run_library_query(store, "theme_projects", {"theme": "Jatkuva oppiminen"})
    G = hv.co_implementation_graph(result.graph, theme="Jatkuva oppiminen")
    clusters = hv.clusters(G, seed=0)
    hv.write_map(hv.prepare_map(result.graph, theme="Jatkuva oppiminen"), "map.html")

Where things live (``hankeverkko.<package>``):

=======================  ==============================================================
``loaders``              documents -> plain records with provenance (no RDF)
``graph.identity``       one node per real organisation: names, business IDs, matching
``graph.rdf``            records -> RDF (IRIs, provenance), SHACL validation, dumps
``graph.pipeline``       the main job: sources -> records -> graph file + summary
``graph.sparql``         stores (memory | oxigraph | endpoint), query library, push
``graph.network``        RDF -> NetworkX views, metrics, clusters, exports
``graph.maps``           interactive HTML maps and static figures
``graph.cli``            the ``hankeverkko`` command
``ontology``             the vocabulary (``HV``), shapes and JSON-LD context
=======================  ==============================================================

Names are imported lazily, so ``import hankeverkko`` stays cheap; the table
below says which module holds each one.

>>> import hankeverkko
>>> hankeverkko.build_graph.__module__
'hankeverkko.graph.rdf.build'
"""
from __future__ import annotations

from hankeverkko.graph.lazy import lazy_api

#: public name -> module (under ``hankeverkko``) that defines it
_API = {
    # the main job
    "build_sources": "graph.pipeline", "run_build": "graph.pipeline", "bundled_corpus": "graph.pipeline",
    "load_sources": "graph.pipeline", "expand_sources": "graph.pipeline", "serialise": "graph.pipeline",
    # documents -> records
    "load_file": "loaders", "detect": "loaders", "kinds": "loaders", "SourceDocument": "loaders",
    # records -> RDF, organisations, validation
    "build_graph": "graph.rdf.build", "BuildResult": "graph.rdf.build",
    "resolve": "graph.identity.resolution", "Resolution": "graph.identity.entities",
    "OrgEntity": "graph.identity.entities",
    "write_review_queue": "graph.identity.review", "read_decisions": "graph.identity.review",
    "validate": "graph.rdf.validate", "validate_file": "graph.rdf.validate",
    "read_graph": "graph.rdf.graphfile", "write_atomic": "graph.atomic",
    "export_graph": "graph.rdf.dumps",
    # stores and SPARQL
    "open_store": "graph.sparql.store", "MemoryStore": "graph.sparql.stores.memory",
    "OxigraphStore": "graph.sparql.stores.oxigraph", "EndpointStore": "graph.sparql.stores.endpoint",
    "load_library": "graph.sparql.library", "run_library_query": "graph.sparql.library",
    "library_summary": "graph.sparql.library",
    "run_query_text": "graph.sparql.query", "format_rows": "graph.sparql.query",
    "push_graph": "graph.sparql.push",
    # networks, analysis, maps, exports
    "organisation_table": "graph.network.organisations",
    "co_implementation_graph": "graph.network.views", "bipartite_graph": "graph.network.views",
    "theme_organisation_graph": "graph.network.views", "load_network": "graph.network.data",
    "centrality": "graph.network.analysis", "brokers": "graph.network.analysis",
    "clusters": "graph.network.analysis", "ego_network": "graph.network.analysis",
    "continuity": "graph.network.analysis", "period_continuity": "graph.network.analysis",
    "summarise": "graph.network.analysis",
    "export_network": "graph.network.export",
    "prepare_map": "graph.maps.render", "write_map": "graph.maps.render",
    "render_figure": "graph.maps.figures", "make_report": "graph.report",
    # errors
    "HankeverkkoError": "graph.errors", "GraphFileError": "graph.errors", "QueryError": "graph.errors",
    "StoreError": "graph.errors", "LoaderError": "loaders",
}

__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api("hankeverkko", _API)
