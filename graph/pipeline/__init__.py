"""The main job: source files -> records -> RDF graph file + a report of every file.

Which files (``sources``), reading them with a status per file
(``reading``), building and writing (``run``) and what the build tells its
user (``summary``). ``run_build`` is what ``hankeverkko build`` calls.
"""
from hankeverkko.graph.pipeline.reading import FileReport, read_sources
from hankeverkko.graph.pipeline.run import (NothingReadable, build_sources, build_with_reports, load_sources,
                                            run_build, serialise)
from hankeverkko.graph.pipeline.sources import BUNDLED_CORPUS, bundled_corpus, expand_sources
from hankeverkko.graph.pipeline.summary import REPORT_NAME, BuildSummary, SourceSummary

__all__ = ["BUNDLED_CORPUS", "bundled_corpus", "expand_sources", "FileReport", "read_sources",
           "load_sources", "NothingReadable", "build_sources", "build_with_reports", "run_build", "serialise",
           "BuildSummary", "SourceSummary", "REPORT_NAME"]
