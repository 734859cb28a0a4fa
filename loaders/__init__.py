"""Loaders: source documents -> plain records with provenance (no RDF here).

>>> from hankeverkko.loaders import load_file, kinds
>>> kinds()
['theme-review', 'tl5-list', 'programme-guide', 'project-plan', 'project-card', 'decision-form', 'generic', 'spreadsheet']
"""
from hankeverkko.loaders.detect import describe_kinds, detect, kinds, load_file, scores
from hankeverkko.loaders.errors import (LoaderError, NothingOfKind, ParseError, SourceReadError,
                                       UnknownDocumentKind)
from hankeverkko.loaders.records import Reading, SourceDocument

__all__ = ["load_file", "detect", "scores", "kinds", "describe_kinds", "Reading", "SourceDocument",
           "LoaderError", "NothingOfKind", "ParseError", "SourceReadError", "UnknownDocumentKind"]
