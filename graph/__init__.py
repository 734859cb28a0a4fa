"""hankeverkko's public API, in one place.

The pipeline, one direction only::

    sources --loaders--> records --build--> RDF graph --store--> SPARQL / views --> analysis --> maps

A session from Python (the CLI does the same)::

    import graph
    result = graph.build_sources()                    # the bundled corpus (or a list of paths)
    print(graph.validate(result.graph).text())        # SHACL
    store = graph.open_store(result.graph)            # or "oxigraph:DIR", "endpoint:URL"
    rows = graph.run_library_query(store, "theme_projects", {"theme": "Jatkuva oppiminen"})
    G = graph.co_implementation_graph(result.graph, theme="Jatkuva oppiminen")
    clusters = graph.clusters(G, seed=0)
    graph.write_map(graph.prepare_map(G), "map.html")

Names are imported lazily, so ``import graph`` stays cheap; each name below
says which module holds it.

>>> import graph
>>> graph.build_graph.__module__
'graph.build'
"""
from __future__ import annotations

import importlib

#: public name -> module that defines it
_API = {
    # the main job
    "build_sources": "pipeline", "run_build": "pipeline", "bundled_corpus": "pipeline",
    "load_sources": "pipeline", "expand_sources": "pipeline", "serialise": "pipeline",
    # records -> RDF, organisations, validation
    "build_graph": "build", "BuildResult": "build",
    "resolve": "identity", "Resolution": "identity", "OrgEntity": "identity",
    "write_review_queue": "identity", "read_decisions": "identity",
    "organisation_table": "organisations",
    "validate": "validate", "validate_file": "validate",
    "read_graph": "graphfile", "write_atomic": "atomic",
    # stores and SPARQL
    "open_store": "store", "MemoryStore": "store", "OxigraphStore": "store", "EndpointStore": "store",
    "load_library": "querylib", "run_library_query": "querylib", "library_summary": "querylib",
    "run_query_text": "query", "format_rows": "query",
    "push_graph": "push", "export_graph": "rdf_export",
    # networks, analysis, maps, exports
    "co_implementation_graph": "views", "bipartite_graph": "views", "theme_organisation_graph": "views",
    "load_network": "views",
    "centrality": "analysis", "brokers": "analysis", "clusters": "analysis", "ego_network": "analysis",
    "continuity": "analysis", "period_continuity": "analysis", "summarise": "analysis",
    "prepare_map": "maps", "write_map": "maps", "render_figure": "figures",
    "export_network": "export",
    # errors
    "HankeverkkoError": "errors", "GraphFileError": "errors", "QueryError": "errors", "StoreError": "errors",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    try:
        module = _API[name]
    except KeyError:
        raise AttributeError(f"module 'graph' has no attribute {name!r}") from None
    return getattr(importlib.import_module(f"graph.{module}"), name)


def __dir__():
    return __all__
