"""The main job: sources -> records -> RDF graph -> ``graph.ttl`` and
``build-report.json``.

A build never stops on one file it cannot read: the file is reported with
its reason and the others are built. It stops (:class:`NothingReadable`) only
when no file gave anything.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from rdflib import Graph

from hankeverkko.graph.atomic import write_atomic
from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.pipeline.reading import FileReport, KindChoice, read_sources
from hankeverkko.graph.pipeline.sources import bundled_corpus, expand_sources
from hankeverkko.graph.pipeline.summary import REPORT_NAME, BuildSummary, summarise
from hankeverkko.graph.rdf.build import BuildResult, build_graph
from hankeverkko.loaders.records import SourceDocument

__all__ = ["NothingReadable", "load_sources", "build_sources", "build_with_reports", "run_build",
           "serialise"]


#: ``progress(done, total, what)``
Progress = Callable[[int, int, str], None]


class NothingReadable(HankeverkkoError):
    """No source gave anything; the message lists every file with its reason."""


def serialise(graph: Graph, fmt: str = "ttl") -> bytes:
    """Deterministic serialisation (the same as ``hankeverkko export``)."""
    from hankeverkko.graph.rdf.dumps import serialise_rdf
    return serialise_rdf(graph, fmt)


def _nothing(reports: list[FileReport]) -> NothingReadable:
    return NothingReadable("no source could be read:\n" + "\n".join("  " + r.line() for r in reports))


def load_sources(paths: Sequence[Path], kind: KindChoice = None) -> list[SourceDocument]:
    """The records of every readable file (see :func:`read_sources` for the reports)."""
    docs, reports = read_sources(paths, kind)
    if not docs:
        raise _nothing(reports)
    return docs


def build_with_reports(sources: Sequence[str | Path] = (), kind: KindChoice = None,
                       decisions: Optional[Path] = None, include_officials: bool = False,
                       progress: Optional[Progress] = None) -> tuple[BuildResult, list[FileReport]]:
    """Build the graph of ``sources`` (default: the bundled corpus) in memory,
    with what became of every file (``progress`` as in :func:`read_sources`)."""
    paths = expand_sources(sources or [bundled_corpus()])
    docs, reports = read_sources(paths, kind, progress)
    if not docs:
        raise _nothing(reports)
    return build_graph(docs, decisions=decisions, include_officials=include_officials), reports


def build_sources(sources: Sequence[str | Path] = (), kind: KindChoice = None,
                  decisions: Optional[Path] = None, include_officials: bool = False) -> BuildResult:
    """Load ``sources`` (default: the bundled corpus) and build the graph in memory."""
    return build_with_reports(sources, kind, decisions, include_officials)[0]


def run_build(sources: Sequence[str | Path], out_dir: Path, kind: KindChoice = None,
              decisions: Optional[Path] = None, include_officials: bool = False, store=None,
              progress: Optional[Progress] = None) -> tuple[BuildResult, BuildSummary]:
    """Build and write ``out_dir/graph.ttl`` (data only, without the ontology)
    and ``out_dir/build-report.json`` (every file's status and skipped lines);
    ``progress(done, total, path)`` follows the files as they are read.

    ``store``, an object with ``load(graph)`` and ``swap()`` (a
    :class:`~hankeverkko.graph.sparql.stores.swap.StoreReplacement`), gets the
    graph loaded beside the old store before any file is written, and swapped
    in right after graph.ttl: a failure before then leaves both unchanged."""
    result, reports = build_with_reports(sources, kind, decisions, include_officials, progress)
    data = serialise(result.graph)
    if store is not None:
        store.load(result.graph)
    graph_file = write_atomic(Path(out_dir) / "graph.ttl", data)
    if store is not None:
        store.swap()
    summary = summarise(result, reports)
    summary.graph_file = graph_file
    write_atomic(Path(out_dir) / REPORT_NAME, summary.report_json())
    return result, summary
