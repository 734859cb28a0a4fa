"""The programme, the measure package (a ``Theme(kind="measure_package")``) and its funders.

The programme from the reference data or the eura2014 links, the measure
package's printed name or one built from the priority axis ('TL 5'), and the
ministries said to fund it.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import Vocabulary
from hankeverkko.loaders.reference import aliases, expand_abbreviation, ministries
from hankeverkko.loaders.text import URL_RE, Line, normalise_space

__all__ = ["_TL_RE", "_programme_name", "_theme_name", "_funders"]


_TL_RE = re.compile(r"\b(?:TL\s?(\d)(?![.,]\d)|toimintalinja(?:n)?\s+(\d)(?![.,]\d))", re.I)


def _programme_name(text: str) -> Optional[str]:
    """The structural-fund programme: a programme name from the reference data printed
    in the text, else the 2014–2020 ESF programme the eura2014 links and 'TL 5' point to."""
    flat = normalise_space(text).casefold()
    hits = [(flat.find(a.alias.casefold()), a.canonical) for a in aliases()
            if a.type == "programme" and len(a.alias) > 12 and a.alias.casefold() in flat]
    if hits:
        return min(hits)[1]
    if re.search(r"eura2014|\bTL\s?\d|toimintalinja\s+\d|rakennerahasto", text, re.I):
        return expand_abbreviation("ESR 2014–2020") or "ESR 2014–2020"
    return None


def _theme_name(text: str, lines: Optional[list[Line]] = None, vocab: Optional[Vocabulary] = None) -> str:
    """The measure package's name where printed ('Toimenpidekokonaisuus: X', or a
    'Toimenpidekokonaisuuden nimi' label line followed by the name), else one
    built from the priority axis number.

    >>> _theme_name("", [Line(1, "Toimenpidekokonaisuuden nimi"), Line(2, ""), Line(3, "Alfa ja beeta")])
    'Alfa ja beeta'
    >>> _theme_name("", [Line(1, "Toimenpidekokonaisuuden nimi"), Line(2, "Alfan kehittämis-"), Line(3, "hankkeet (TL 5)")])
    'Alfan kehittämishankkeet (TL 5)'
    >>> _theme_name("Valtakunnalliset TL 5 -hankkeet")
    'Toimintalinja 5: valtakunnallinen toimenpidekokonaisuus'
    """
    m = re.search(r"(?:valtakunnallinen\s+)?toimenpidekokonaisuus\s*:\s*([^\n]{3,80})", text, re.I)
    if m:
        return normalise_space(m.group(1)).rstrip(" .")
    content = [ln for ln in (lines or []) if ln.text.strip()]
    for i, ln in enumerate(content[:-1]):
        if re.fullmatch(r"\s*(?:valtakunnallinen\s+)?toimenpidekokonaisuu(?:s|den\s+nimi)\s*:?\s*", ln.text, re.I):
            parts = [content[i + 1].text]
            for nxt in content[i + 2:i + 4]:      # a name broken over lines: 'kehittämis-' / 'hankkeet'
                prev = parts[-1].rstrip()
                if prev.endswith("-") or nxt.text.strip()[:1].islower():
                    parts.append(nxt.text)
                else:
                    break
            value = normalise_space((vocab or Vocabulary([])).join(parts)).rstrip(" .")
            if 3 <= len(value) <= 100 and not URL_RE.match(value):
                return value
    m = _TL_RE.search(text)
    n = (m.group(1) or m.group(2)) if m else None
    return f"Toimintalinja {n}: valtakunnallinen toimenpidekokonaisuus" if n else \
        "Valtakunnallinen toimenpidekokonaisuus"


def _funders(text: str) -> list[tuple[str, str, str]]:
    """(abbreviation, full name, stated role) of ministries said to fund."""
    out = []
    flat = normalise_space(text)
    for abbr, full in ministries().items():
        m = re.search(rf"(?:\b{abbr}\b|{re.escape(full)})(?::n|:n)?\s+([^.]*?rahoittaja\w*)", flat)
        if m:
            role = normalise_space(m.group(1))
            role = re.sub(r"rahoittajana$", "rahoittaja", role)
            out.append((abbr, full, role))
    return out
