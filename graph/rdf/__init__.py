"""Records -> RDF in the ontology of ``hankeverkko.ontology``: the build
(``build``) with its state and provenance (``builder``), stable IRIs
(``iris``) and one module per concept (``organisations``, ``themes``,
``projects``, ``documents``), prefixes and one named graph per source
(``named_graphs``), reading graph files (``graphfile``), SHACL validation
(``validate``) and deterministic dumps in standard formats (``dumps``)."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "build_graph": "build", "BuildResult": "build", "source_iri": "iris",
    "PREFIXES": "named_graphs", "SHARED_GRAPH": "named_graphs", "partition_by_source": "named_graphs",
    "read_graph": "graphfile", "guess_format": "graphfile",
    "validate": "validate", "validate_file": "validate", "ValidationReport": "validate",
    "EXPORT_FORMATS": "dumps", "serialise_rdf": "dumps", "export_graph": "dumps",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
