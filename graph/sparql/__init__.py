"""SPARQL over one interface (``results``): stores chosen by name (``store``;
the backends in ``stores``: rdflib in memory, Oxigraph embedded, any endpoint,
with HTTP and credentials in ``http_client``), the query library of ``queries/*.rq``
with typed, bound parameters (``library``), ad-hoc queries and result
formatting (``query``) and the Graph Store Protocol push (``push``)."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "open_store": "store", "Store": "results", "MemoryStore": "stores.memory", "OxigraphStore": "stores.oxigraph",
    "EndpointStore": "stores.endpoint", "SelectResult": "results", "load_into_store": "store",
    "load_library": "library", "run_library_query": "library", "library_summary": "library",
    "run_query_text": "query", "format_rows": "query", "format_result": "query",
    "push_graph": "push",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
