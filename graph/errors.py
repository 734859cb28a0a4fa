"""The one exception hierarchy of the graph package.

Messages name the offending value and what to do; the CLI turns them into
``click.ClickException`` (exit 1) at the edge.
"""
from __future__ import annotations

__all__ = ["HankeverkkoError", "GraphFileError", "QueryError", "StoreError"]


class HankeverkkoError(Exception):
    """Base class: a user-facing problem (bad input, missing file, bad option)."""


class GraphFileError(HankeverkkoError):
    """A graph file is missing or cannot be parsed."""


class QueryError(HankeverkkoError):
    """A query is unknown, malformed, or lacks a parameter."""


class StoreError(HankeverkkoError):
    """A store cannot be opened or reached."""
