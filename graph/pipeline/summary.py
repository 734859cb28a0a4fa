"""What a build tells its user: counts per class and per source for people
(:meth:`BuildSummary.text`), and the same with every file's status and every
skipped line for programs (:meth:`BuildSummary.report`, ``build-report.json``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rdflib import PROV, RDF

from hankeverkko.graph.rdf.build import BuildResult
from hankeverkko.graph.rdf.iris import document_iri
from hankeverkko.graph.pipeline.reading import FileReport
from hankeverkko.ontology import HV

__all__ = ["SUMMARY_CLASSES", "SourceSummary", "BuildSummary", "summarise", "REPORT_NAME"]

#: classes counted in the summary, in this order
SUMMARY_CLASSES = ("Programme", "Theme", "MeasurePackage", "Project", "CoordinationProject",
                   "GroupProject", "SubProject", "Organisation", "Ministry", "Participation",
                   "Statute", "SourceDocument")
#: the machine-readable report written beside graph.ttl
REPORT_NAME = "build-report.json"


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
    files: list[FileReport] = field(default_factory=list)

    @property
    def unread(self) -> list[FileReport]:
        """Files that gave nothing (skipped), not counting duplicates read once."""
        return [f for f in self.files if f.status == "skipped"]

    def text(self, verbose: bool = False) -> str:
        lines = [f"Graph: {self.triples} triples" + (f" -> {self.graph_file}" if self.graph_file else "")]
        lines.append("Per class: " + ", ".join(f"{k} {v}" for k, v in self.classes.items()))
        lines.append("Per source:")
        by_name = {Path(f.path).name: f for f in self.files if f.status == "read"}
        for s in self.sources:
            lines.append(f"  {s.name} [{s.kind}]: {s.projects} projects, {s.themes} themes, "
                         f"{s.organisations} organisations linked; project-list lines used {s.used_list_lines}, "
                         f"lines skipped {s.skipped}")
            for e in s.entry_like_skipped:
                lines.append(f"    skipped entry-like line {e}")
            if verbose and s.name in by_name:
                for x in by_name[s.name].skipped_lines:
                    lines.append(f"    skipped {s.name}:{x['line']}: {x['text'][:100]!r} ({x['reason']})")
        if self.review_queue:
            lines.append(f"Organisation pairs waiting for review: {self.review_queue} "
                         "(see `hankeverkko orgs --review FILE.csv`)")
        return "\n".join(lines)

    def status_table(self) -> str:
        """One line per input file: read as KIND with counts, skipped with the reason."""
        read = sum(f.status == "read" for f in self.files)
        head = f"Files: {read} read, {len(self.unread)} skipped, " \
               f"{sum(f.status == 'duplicate' for f in self.files)} duplicates"
        return "\n".join([head, *("  " + f.line() for f in self.files)])

    def report(self) -> dict:
        """The content of ``build-report.json``: deterministic, no timestamps."""
        return {
            "graph_file": str(self.graph_file) if self.graph_file else None,
            "triples": self.triples,
            "classes": self.classes,
            "files": [f.as_dict() for f in self.files],
            "totals": {s: sum(f.status == s for f in self.files) for s in ("read", "skipped", "duplicate")},
            "warnings": self.warnings,
            "review_queue": self.review_queue,
        }

    def report_json(self) -> str:
        return json.dumps(self.report(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def summarise(result: BuildResult, files: list[FileReport]) -> BuildSummary:
    g = result.graph
    classes = {c: len(set(g.subjects(RDF.type, HV[c]))) for c in SUMMARY_CLASSES}
    derived: dict = {}
    for s, src in g.subject_objects(PROV.wasDerivedFrom):
        derived.setdefault(src, set()).add(s)
    sources = []
    for d in result.documents:
        mine = derived.get(document_iri(d), set())
        count = lambda cls: sum(1 for s in mine if (s, RDF.type, HV[cls]) in g)  # noqa: E731
        sources.append(SourceSummary(
            d.name, d.kind, count("Project"), count("Theme"), count("Organisation"), d.used_list_lines,
            len(d.skipped),
            [f"{s.source}:{s.line}: {s.text[:80]!r} ({s.reason})" for s in d.skipped if s.looks_like_entry]))
    return BuildSummary(len(g), classes, sources, list(result.warnings),
                        max(result.resolution.review_total, len(result.resolution.review_queue)),
                        files=files)
