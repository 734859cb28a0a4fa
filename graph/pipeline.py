"""The main job: source files -> records -> RDF graph file + a summary.

``run_build`` is what ``hankeverkko build`` calls; it is usable on its own:

>>> from hankeverkko.graph.pipeline import bundled_corpus
>>> sorted(p.name for p in expand_sources([bundled_corpus()]))[:1]
['000_5390a3236872ddc1.txt']
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from rdflib import PROV, RDF, Graph

from hankeverkko.loaders import LoaderError, load_file
from hankeverkko.loaders.records import SourceDocument
from hankeverkko.ontology import HV

from hankeverkko.graph.rdf.build import BuildResult, build_graph
from hankeverkko.graph.rdf.iris import source_iri
from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.graph.atomic import write_atomic

__all__ = ["BUNDLED_CORPUS", "bundled_corpus", "expand_sources", "load_sources",
           "SourceSummary", "BuildSummary", "build_sources", "run_build", "serialise"]

BUNDLED_CORPUS = Path(__file__).resolve().parents[1] / "data" / "sources"
#: files in a source folder that are documentation, not sources
_NOT_SOURCES = {"sources.md", "readme.md", "readme.txt", "license", ".gitkeep"}
#: classes counted in the summary, in this order
SUMMARY_CLASSES = ("Programme", "Theme", "MeasurePackage", "Project", "CoordinationProject",
                   "GroupProject", "SubProject", "Organisation", "Ministry", "Participation",
                   "Statute", "SourceDocument")


def bundled_corpus() -> Path:
    if not BUNDLED_CORPUS.is_dir():
        raise HankeverkkoError(f"the bundled corpus is not at {BUNDLED_CORPUS}; "
                               "install from a clone with `pip install -e .` or give SOURCES")
    return BUNDLED_CORPUS


def expand_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the files inside named folders (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.iterdir()
                          if f.is_file() and not f.name.startswith(".") and f.name.lower() not in _NOT_SOURCES)
        elif p.exists():
            out.append(p)
        else:
            raise HankeverkkoError(f"{p}: no such file or folder")
    if not out:
        raise HankeverkkoError("no source files found in " + ", ".join(map(str, paths)))
    return out


def load_sources(paths: Sequence[Path], kind: Optional[str] = None) -> list[SourceDocument]:
    """Load every file; every failure is collected and raised together."""
    docs, errors = [], []
    for p in paths:
        try:
            docs.append(load_file(p, kind))
        except LoaderError as e:
            errors.append(str(e))
    if errors:
        raise HankeverkkoError("could not load every source:\n" + "\n".join(errors))
    names = Counter(d.name for d in docs)
    dupes = [n for n, c in names.items() if c > 1]
    if dupes:
        raise HankeverkkoError(f"two sources share the file name {dupes[0]!r}; provenance IRIs come "
                               "from file names, so rename one")
    return docs


@dataclass
class SourceSummary:
    name: str
    kind: str
    projects: int
    themes: int
    organisations: int
    used_list_lines: int
    skipped: int
    entry_like_skipped: list[str] = field(default_factory=list)


@dataclass
class BuildSummary:
    triples: int
    classes: dict[str, int]
    sources: list[SourceSummary]
    warnings: list[str]
    review_queue: int
    graph_file: Optional[Path] = None

    def text(self) -> str:
        lines = [f"Graph: {self.triples} triples" + (f" -> {self.graph_file}" if self.graph_file else "")]
        lines.append("Per class: " + ", ".join(f"{k} {v}" for k, v in self.classes.items()))
        lines.append("Per source:")
        for s in self.sources:
            lines.append(f"  {s.name} [{s.kind}]: {s.projects} projects, {s.themes} themes, "
                         f"{s.organisations} organisations linked; project-list lines used {s.used_list_lines}, "
                         f"lines skipped {s.skipped}")
            for e in s.entry_like_skipped:
                lines.append(f"    skipped entry-like line {e}")
        if self.review_queue:
            lines.append(f"Organisation pairs waiting for review: {self.review_queue} "
                         "(see `hankeverkko orgs --review FILE.csv`)")
        return "\n".join(lines)


def serialise(graph: Graph, fmt: str = "ttl") -> bytes:
    """Deterministic serialisation (the same as ``hankeverkko export``)."""
    from hankeverkko.graph.rdf.dumps import serialise_rdf
    return serialise_rdf(graph, fmt)


def _summarise(result: BuildResult) -> BuildSummary:
    g = result.graph
    classes = {c: len(set(g.subjects(RDF.type, HV[c]))) for c in SUMMARY_CLASSES}
    sources = []
    for d in result.documents:
        src = source_iri(d.name)
        projects = {s for s in g.subjects(RDF.type, HV.Project) if (s, PROV.wasDerivedFrom, src) in g}
        themes = {s for s in g.subjects(RDF.type, HV.Theme) if (s, PROV.wasDerivedFrom, src) in g}
        orgs = {s for s in g.subjects(RDF.type, HV.Organisation) if (s, PROV.wasDerivedFrom, src) in g}
        sources.append(SourceSummary(
            d.name, d.kind, len(projects), len(themes), len(orgs), d.used_list_lines, len(d.skipped),
            [f"{s.source}:{s.line}: {s.text[:80]!r} ({s.reason})" for s in d.skipped if s.looks_like_entry]))
    return BuildSummary(len(g), classes, sources, list(result.warnings), len(result.resolution.review_queue))


def build_sources(sources: Sequence[str | Path] = (), kind: Optional[str] = None,
                  decisions: Optional[Path] = None, include_officials: bool = False) -> BuildResult:
    """Load ``sources`` (default: the bundled corpus) and build the graph in memory."""
    paths = expand_sources(sources or [bundled_corpus()])
    docs = load_sources(paths, kind)
    return build_graph(docs, decisions=decisions, include_officials=include_officials)


def run_build(sources: Sequence[str | Path], out_dir: Path, kind: Optional[str] = None,
              decisions: Optional[Path] = None, include_officials: bool = False
              ) -> tuple[BuildResult, BuildSummary]:
    """Build and write ``out_dir/graph.ttl`` (data only, without the ontology)."""
    result = build_sources(sources, kind, decisions, include_officials)
    graph_file = write_atomic(Path(out_dir) / "graph.ttl", serialise(result.graph))
    summary = _summarise(result)
    summary.graph_file = graph_file
    return result, summary
