"""What every store answers: :class:`SelectResult`, the variables and rows of
a SELECT query as rdflib terms whatever the backend, and the :class:`Store`
protocol (``store.select(query_text, bindings) -> SelectResult``)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Mapping, Optional, Protocol

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["Bindings", "SelectResult", "Store"]

Bindings = Optional[Mapping[str, Node]]


@dataclass
class SelectResult:
    """Variables and rows of rdflib terms (``None`` where a variable is unbound)."""
    vars: list[str]
    rows: list[tuple[Optional[Node], ...]]

    def dicts(self) -> list[dict[str, Optional[Node]]]:
        return [dict(zip(self.vars, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def same_answer(self, other: "SelectResult") -> bool:
        """Same variables and the same rows in any order, numbers compared by
        value (Oxigraph writes ``120000.5`` where rdflib keeps ``120000.50``).

        >>> a = SelectResult(["n"], [(Literal("1.50", datatype=XSD.decimal),), (None,)])
        >>> a.same_answer(SelectResult(["n"], [(None,), (Literal("1.5", datatype=XSD.decimal),)]))
        True
        """
        return self.vars == other.vars and _canonical_rows(self.rows) == _canonical_rows(other.rows)


_NUMBERS = (XSD.integer, XSD.decimal, XSD.double, XSD.float)


def _canonical_rows(rows) -> list:
    def key(t):
        if isinstance(t, Literal) and t.datatype in _NUMBERS:
            try:
                return ("number", str(t.datatype), Decimal(str(t)))
            except InvalidOperation:
                pass
        return ("term", "", t.n3() if t is not None else "")
    return sorted(tuple(key(t) for t in row) for row in rows)


class Store(Protocol):
    def select(self, query: str, bindings: Bindings = None) -> SelectResult: ...


_XSD_STRING = str(XSD.string)
