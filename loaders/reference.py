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

__all__ = ["DATA_DIR", "data_rows", "Alias", "HeadPhrase", "HeadWord", "LegalForm", "aliases", "expand_abbreviation",
           "head_phrases", "head_words", "legal_forms", "ministries"]

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
    return _read("aliases.csv", Alias)


@lru_cache(maxsize=None)
def _by_alias() -> dict[str, Alias]:
    return {a.alias.casefold(): a for a in aliases()}


def expand_abbreviation(name: str) -> Optional[str]:
    """The canonical name for an abbreviation or variant, or ``None``."""
    a = _by_alias().get(name.strip().casefold())
    return a.canonical if a else None


def ministries() -> dict[str, str]:
    """Abbreviation -> full name for every ministry in the alias table.

    Only the Finnish abbreviations (TEM, STM ...), not the parallel Swedish or
    English names and abbreviations:

    >>> ministries()["TEM"], "Arbets- och näringsministeriet" in ministries()
    ('Työ- ja elinkeinoministeriö', False)
    """
    return {a.alias: a.canonical for a in aliases()
            if a.type == "ministry" and a.lang == "fi" and " " not in a.alias and a.alias.upper() == a.alias}


@dataclass(frozen=True)
class LegalForm:
    """One row of ``data/legal_forms.csv`` (ISO 20275 ELF code list, Finland).

    ``match`` is ``abbrev`` for a standalone abbreviation (Oy, ry, sr ...) or
    ``word`` for a written-out form that may also end a compound word
    (säätiö, kuntayhtymä in koulutuskuntayhtymä ...).
    """
    form: str
    match: str
    lang: str
    family: str
    type: str
    elf_code: str
    elf_name: str
    source: str


@dataclass(frozen=True)
class HeadWord:
    """One row of ``data/head_words.csv``: a generic head word of organisation names.

    ``priority`` is ``name`` (the word decides the type even against a legal
    form: Kivi-ammattikorkeakoulu Oy is a university of applied sciences),
    ``fallback`` (used only when no legal form says otherwise) or ``none``
    (generic word with no type, e.g. keskus).
    """
    word: str
    type: str
    lang: str
    priority: str
    abbrev: str      # customary abbreviation inside acronyms (sairaanhoitopiiri: SHP), or ''
    source: str


@dataclass(frozen=True)
class HeadPhrase:
    """One row of ``data/head_phrases.csv``: a long head phrase and its official short form."""
    phrase: str
    short: str
    lang: str
    source: str


@lru_cache(maxsize=None)
def data_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/<name>``, values stripped; a row with the wrong
    number of columns is an error naming the file and line.

    >>> data_rows("legal_forms.csv")[0]["source"] != ""
    True
    """
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        rows = []
        for n, row in enumerate(csv.DictReader(f), start=2):
            if None in row or None in row.values():
                raise ValueError(f"{DATA_DIR / name}: line {n}: wrong number of columns")
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return tuple(rows)


def _read(name: str, cls):
    return tuple(cls(**row) for row in data_rows(name))


@lru_cache(maxsize=None)
def legal_forms() -> tuple[LegalForm, ...]:
    """Every row of ``data/legal_forms.csv``.

    >>> {f.form: f.elf_code for f in legal_forms() if f.form in ("Oy", "ry", "sr")}
    {'Oy': 'DKUW', 'ry': 'UXEW', 'sr': 'YK5G'}
    """
    return _read("legal_forms.csv", LegalForm)


@lru_cache(maxsize=None)
def head_words() -> tuple[HeadWord, ...]:
    """Every row of ``data/head_words.csv``."""
    return _read("head_words.csv", HeadWord)


@lru_cache(maxsize=None)
def head_phrases() -> tuple[HeadPhrase, ...]:
    """Every row of ``data/head_phrases.csv``."""
    return _read("head_phrases.csv", HeadPhrase)
