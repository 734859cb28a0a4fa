"""The one exception hierarchy of the graph package.

Messages name the offending value and what to do; the CLI turns them into
``click.ClickException`` (exit 1) at the edge.
"""
from __future__ import annotations

__all__ = ["HankeverkkoError", "GraphFileError", "QueryError", "StoreError", "PushError"]


class HankeverkkoError(Exception):
    """Base class: a user-facing problem (bad input, missing file, bad option)."""


class GraphFileError(HankeverkkoError):
    """A graph file is missing or cannot be parsed."""


class QueryError(HankeverkkoError):
    """A query is unknown, malformed, or lacks a parameter."""


class StoreError(HankeverkkoError):
    """A store cannot be opened or reached."""


class PushError(StoreError):
    """A push stopped part-way; the message says how far it got and how to resume.

    ``done`` of ``total`` named graphs are complete on the server; ``graph``
    is the one that failed (None when the push failed before or after the
    graphs, e.g. while pruning).
    """

    def __init__(self, message: str, done: int = 0, total: int = 0, graph=None):
        super().__init__(message)
        self.done, self.total, self.graph = done, total, graph
