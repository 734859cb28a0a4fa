"""Curated reference data (abbreviations, legal forms) read from ``loaders/data``.

The data files say where each row comes from; code never hard-codes names.

>>> expand_abbreviation("TEM")
'Työ- ja elinkeinoministeriö'
>>> expand_abbreviation("XYZ") is None
True
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["DATA_DIR", "Alias", "aliases", "expand_abbreviation", "ministries"]

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Alias:
    alias: str
    canonical: str
    type: str
    lang: str
    source: str


@lru_cache(maxsize=None)
def aliases() -> tuple[Alias, ...]:
    """Every row of ``data/aliases.csv``."""
    with open(DATA_DIR / "aliases.csv", encoding="utf-8", newline="") as f:
        return tuple(Alias(**{k: (v or "").strip() for k, v in row.items()})
                     for row in csv.DictReader(f))


@lru_cache(maxsize=None)
def _by_alias() -> dict[str, Alias]:
    return {a.alias.casefold(): a for a in aliases()}


def expand_abbreviation(name: str) -> Optional[str]:
    """The canonical name for an abbreviation or variant, or ``None``."""
    a = _by_alias().get(name.strip().casefold())
    return a.canonical if a else None


def ministries() -> dict[str, str]:
    """Abbreviation -> full name for every ministry in the alias table."""
    return {a.alias: a.canonical for a in aliases() if a.type == "ministry"}
