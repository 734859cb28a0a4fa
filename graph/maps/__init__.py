"""Maps of a network: colours, sizes and layout (``style``), the offline
interactive HTML page with everything escaped (``page``, ``templates/``),
static PNG/SVG figures (``figures``) and the entry points that choose by file
extension (``render``)."""
from hankeverkko.graph.lazy import lazy_api

_API = {
    "prepare_map": "render", "write_map": "render", "render": "render", "NetworkMap": "render",
    "MapError": "render", "map_from_graph": "render", "render_figure": "figures",
}
__all__ = sorted(_API)
__getattr__, __dir__ = lazy_api(__name__, _API)
