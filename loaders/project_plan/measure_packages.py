"""The programme's measure packages (toimenpidekokonaisuudet) a plan applies for."""
from __future__ import annotations

import re

from hankeverkko.loaders.text import normalise_space

__all__ = ["measure_packages_applied"]

_APPLY_RE = re.compile(r"(?:(?:rahoitusta|avustusta|hankerahoitusta|rahoitus)\s+haetaan|"
                       r"haetaan\s+(?:rahoitusta|avustusta|hankerahoitusta))\s+(?P<what>.+?)\s?[-–]\s?"
                       r"toimenpidekokonaisuu\w*", re.I)


def measure_packages_applied(text: str) -> list[str]:
    """Names of the measure packages a plan applies for, in the guide's spelling.

    Dash spacing is repaired ('sosiaali –ja' -> 'sosiaali- ja') and the first
    letter capitalised, as a guide names its packages.

    >>> measure_packages_applied("Hankerahoitusta haetaan alfan tuki osaksi beetan –ja gamman "
    ...                          "keskusta sekä deltan menetelmät -toimenpidekokonaisuuksiin.")
    ['Alfan tuki osaksi beetan- ja gamman keskusta', 'Deltan menetelmät']
    >>> measure_packages_applied("Hanke kohdistuu toimenpidekokonaisuuksiin A (Alfan tuki) ja B (beetan työ).")
    ['Alfan tuki', 'Beetan työ']
    """
    m = _APPLY_RE.search(normalise_space(text))
    if not m:
        # 'kohdistuu toimenpidekokonaisuuksiin A (Alfan tuki) ja B (Beetan menetelmät)'
        lm = re.search(r"toimenpidekokonaisuu\w*\s+((?:(?:[A-H]|\d{1,2}|I{1,3}|IV)\s*\([^()]{4,120}\)"
                       r"(?:\s*,\s*|\s+ja\s+|\s+sekä\s+)?)+)", normalise_space(text))
        if not lm:
            return []
        return [x[:1].upper() + x[1:] for x in re.findall(r"\(([^()]{4,120})\)", lm.group(1))]
    what = re.sub(r"(\w)\s+[–-]\s*(ja|tai)\b", r"\1- \2", m.group("what"))
    out = []
    for part in re.split(r"\s+sekä\s+|,\s+|\s+ja\s+(?=[A-ZÅÄÖ])", what):
        part = part.strip(" .")
        if len(part) >= 4:
            out.append(part[:1].upper() + part[1:])
    return out
