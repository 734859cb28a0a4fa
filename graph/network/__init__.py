"""Networks from the graph: NetworkX views (``views``) of what is read
through SPARQL (``data``) in the words of ``vocabulary``, metrics, clusters,
brokers and period continuity (``analysis``), the organisation table
(``organisations``) and file exports for Gephi, VOSviewer and spreadsheets
(``export``)."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "load_network": "data", "co_implementation_graph": "views", "bipartite_graph": "views",
    "theme_organisation_graph": "views", "NetworkViewError": "vocabulary",
    "centrality": "analysis", "brokers": "analysis", "clusters": "analysis", "ego_network": "analysis",
    "continuity": "analysis", "period_continuity": "analysis", "summarise": "analysis",
    "organisation_table": "organisations", "export_network": "export",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
