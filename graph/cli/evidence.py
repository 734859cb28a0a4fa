"""``--evidence``: keep to the evidence you trust (lists and fields, or prose too).

The option is shared by ``map``, ``network``, ``orgs`` and ``query``; it
filters a graph read into memory (a graph file or the bundled corpus) with
:func:`hankeverkko.graph.rdf.evidence.keep_evidence`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.loaders.records import EVIDENCE as EVIDENCE_KINDS   # light: no rdflib at start-up

__all__ = ["evidence_option", "restrict", "graph_with_evidence"]

_HELP = ("Keep only participations with this evidence (comma-separated): " + ", ".join(EVIDENCE_KINDS) +
         "; 'firm' = list,card_field,form_field (leaves out implementers stated only in prose). "
         "Default: all.")


def _parse(ctx, param, value):
    if value is None:
        return None
    from hankeverkko.graph.rdf.evidence import parse_evidence
    try:
        return parse_evidence(value)
    except HankeverkkoError as e:
        raise click.BadParameter(str(e), ctx=ctx, param=param) from e


def evidence_option(f):
    return click.option("--evidence", default=None, metavar="KINDS", callback=_parse, help=_HELP)(f)


def restrict(graph, kinds: Optional[tuple[str, ...]]):
    """``graph`` (rdflib) kept to ``kinds`` of evidence; unchanged when ``kinds`` is None."""
    from hankeverkko.graph.rdf.evidence import keep_evidence
    return graph if kinds is None else keep_evidence(graph, kinds)


def graph_with_evidence(graph_file: Optional[Path], store_spec: Optional[str], kinds):
    """The rdflib graph to filter, or ``None`` when no filter was asked for."""
    if kinds is None:
        return None
    if store_spec:
        raise click.UsageError("--evidence filters a graph file or the bundled corpus, not --store")
    if graph_file is not None:
        from hankeverkko.graph.rdf.graphfile import read_graph
        return restrict(read_graph(graph_file), kinds)
    from hankeverkko.graph.pipeline import build_sources
    return restrict(build_sources().graph, kinds)
