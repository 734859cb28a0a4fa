"""``hankeverkko.graph``: records -> RDF -> stores and networks -> maps, and the CLI.

Subpackages by concept; imports run one way, from the top of this list down
(``tests/test_architecture.py`` keeps it so):

=============  ==================================================================
``cli``        the ``hankeverkko`` command, one module per command group
``report``     a theme, organisation or period told in one piece: HTML and Word
``maps``       interactive HTML maps (template, style, escaping) and static figures
``network``    RDF -> NetworkX views, metrics, clusters, continuity, exports
``pipeline``   the main job: sources -> records -> graph file + a report of every file
``sparql``     stores (memory | oxigraph | endpoint), the query library, GSP push
``rdf``        records -> RDF (IRIs, provenance), named graphs, SHACL, dumps
``identity``   one node per real organisation: names, business IDs, matching, review
=============  ==================================================================

``errors``, ``atomic`` and ``lazy`` are shared by all of them. The public
API a user reads is ``hankeverkko`` itself (``import hankeverkko``).
"""

#: the layers, top first: a module may import from its own layer and those below it
LAYERS = ("cli", "report", "maps", "network", "pipeline", "sparql", "rdf", "identity")
#: modules every layer may use
SHARED = ("errors", "atomic", "lazy")

__all__ = ["LAYERS", "SHARED"]
