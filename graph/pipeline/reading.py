"""Read every source file into records; a file that cannot be read is
reported with its reason and never stops the others.

Each file gets a :class:`FileReport`: ``read`` (its kind, format, encoding,
detection scores and what it gave), ``skipped`` (the reason) or
``duplicate`` (the same bytes as a file already read, which is read once).
Files of the same name in different folders are both read: a source's IRI
holds a short hash of its content (``graph.rdf.iris.source_iri``).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence, Union

from hankeverkko.loaders import LoaderError, load_file
from hankeverkko.loaders.records import SourceDocument
from hankeverkko.loaders.text import strip_contact_details

__all__ = ["FileReport", "KindChoice", "read_sources", "kind_for"]

#: one kind for every file, or a kind per file (keyed by path or file name)
KindChoice = Union[None, str, Mapping[str, str]]


@dataclass
class FileReport:
    """What became of one input file."""
    path: str
    status: str                                  # read | skipped | duplicate
    kind: Optional[str] = None
    format: Optional[str] = None
    encoding: Optional[str] = None
    forced: bool = False
    scores: dict[str, int] = field(default_factory=dict)
    margin: Optional[float] = None
    projects: int = 0
    themes: int = 0
    organisations: int = 0
    participations: int = 0
    lines_skipped: int = 0
    notes: list[str] = field(default_factory=list)
    reason: Optional[str] = None
    #: every line the loader could not use: line, text (contact details removed), reason
    skipped_lines: list[dict] = field(default_factory=list)
    sha256: Optional[str] = None

    def line(self) -> str:
        """One status line for people."""
        if self.status != "read":
            return f"{self.status:<9} {self.path}: {self.reason}"
        how = ", ".join(x for x in (self.format, self.encoding) if x)
        best = self.scores.get(self.kind or "", 0)
        why = "forced" if self.forced else (f"score {best}" + (f", {self.margin}x the next kind"
                                                                 if self.margin else ", the only kind"))
        return (f"{'read':<9} {self.path} as {self.kind} ({how}; {why}): {self.projects} projects, "
                f"{self.organisations} organisations, {self.lines_skipped} lines skipped")

    def as_dict(self) -> dict:
        return asdict(self)


def kind_for(path: Path, kind: KindChoice) -> Optional[str]:
    """The kind forced for ``path``: one for all, or the entry naming its path or file name."""
    if kind is None or isinstance(kind, str):
        return kind
    for key in (str(path), path.name, str(path.resolve())):
        if key in kind:
            return kind[key]
    return None


def _counts(doc: SourceDocument) -> dict:
    orgs = {m.name for m in doc.organisations}
    orgs |= {x.organisation for p in doc.projects for x in p.participants}
    return {"projects": len(doc.projects), "themes": len(doc.themes), "organisations": len(orgs),
            "participations": sum(len(p.participants) for p in doc.projects),
            "lines_skipped": len(doc.skipped)}


def _report_read(path: Path, doc: SourceDocument, digest: str) -> FileReport:
    r = doc.reading
    return FileReport(
        str(path), "read", kind=doc.kind, format=r.format, encoding=r.encoding, forced=r.forced,
        scores=dict(r.scores), margin=r.margin, notes=list(r.notes), sha256=digest,
        skipped_lines=[{"line": s.line, "text": strip_contact_details(s.text), "reason": s.reason,
                        "looks_like_entry": s.looks_like_entry} for s in doc.skipped],
        **_counts(doc))


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_sources(paths: Sequence[Path], kind: KindChoice = None,
                 progress: Optional[Callable[[int, int, str], None]] = None
                 ) -> tuple[list[SourceDocument], list[FileReport]]:
    """Every file's records and a report per file, in the order of ``paths``.

    Documents come back sorted by file name and content, so the order in
    which sources are given never changes the graph. ``progress(done, total,
    path)`` is called before each file and once with ``done == total`` at the end."""
    docs: list[tuple[str, str, SourceDocument]] = []
    reports: list[FileReport] = []
    seen: dict[str, str] = {}
    paths = list(paths)
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths), str(path))
        try:
            digest = _digest(path)
        except OSError as e:
            reports.append(FileReport(str(path), "skipped", reason=f"cannot read ({e.strerror})"))
            continue
        if digest in seen:
            reports.append(FileReport(str(path), "duplicate", sha256=digest,
                                      reason=f"the same content as {seen[digest]}, read once"))
            continue
        seen[digest] = str(path)
        try:
            doc = load_file(path, kind_for(path, kind))
        except LoaderError as e:
            reason = str(e)
            prefix = f"{path}: "
            reports.append(FileReport(str(path), "skipped", sha256=digest,
                                      reason=reason[len(prefix):] if reason.startswith(prefix) else reason))
            continue
        doc.sha256 = digest      # two files of the same name (other content) get two source IRIs
        docs.append((doc.name, digest, doc))
        reports.append(_report_read(path, doc, digest))
    if progress:
        progress(len(paths), len(paths), "")
    docs.sort(key=lambda t: (t[0], t[1]))
    return [d for _, _, d in docs], reports
