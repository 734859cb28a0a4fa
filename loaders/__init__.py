"""Loaders: source documents -> plain records with provenance (no RDF here).

>>> from hankeverkko.loaders import load_file, kinds
>>> kinds()
['theme-review', 'tl5-list', 'programme-guide', 'project-plan', 'project-card', 'decision-form', 'generic', 'spreadsheet']
"""
from hankeverkko.loaders.detect import describe_kinds, detect, kinds, load_file
from hankeverkko.loaders.errors import LoaderError, ParseError, SourceReadError, UnknownDocumentKind
from hankeverkko.loaders.records import SourceDocument

__all__ = ["load_file", "detect", "kinds", "describe_kinds", "SourceDocument",
           "LoaderError", "ParseError", "SourceReadError", "UnknownDocumentKind"]
