"""The store backends, one module each: rdflib in memory (``memory``),
Oxigraph embedded (``oxigraph``) and any SPARQL endpoint over HTTP
(``endpoint``, with the quoting and ``VALUES`` binding it needs).
:func:`hankeverkko.graph.sparql.store.open_store` picks one by name."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "MemoryStore": "memory", "OxigraphStore": "oxigraph", "EndpointStore": "endpoint",
    "sparql_term": "endpoint", "bind_values": "endpoint",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
