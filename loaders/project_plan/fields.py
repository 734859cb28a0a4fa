"""A plan's form fields: the value printed under a label or after it
('Hakija' / 'Alfan kunta', 'Hankkeen nimi: Alfa'), and the plan's title.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.text import Line, is_noise, normalise_space

__all__ = ["FORM_LABELS", "cell_after", "plan_title"]

#: a table cell label and the cell under it: 'Hankkeen nimi' / 'Alfa-hanke (ALFA)'
FORM_LABELS = {"title": r"hankkeen\s+nimi|projektin\s+nimi|hanke", "applicant": r"hakija(?:organisaatio)?",
           "administrator": r"hallinnoija|hankehallinnoija|hallinnoiva\s+organisaatio"}


def cell_after(lines: list[Line], label: str, digits: bool = False) -> Optional[tuple[str, int]]:
    """The value printed under a form label on its own line ('Hakija' / 'Alfan kunta')."""
    content = [ln for ln in lines[:60] if ln.text.strip()]
    for ln in content:          # 'Label: value' on one line
        m = re.fullmatch(rf"\s*(?:{label})\s*:\s*(\S.*?)\s*", ln.text, re.I)
        if m and 1 < len(m.group(1)) < 150 and (digits or not re.match(r"^\d", m.group(1))):
            return normalise_space(m.group(1)), ln.no
    for i, ln in enumerate(content[:-1]):
        if re.fullmatch(rf"\s*(?:{label})\s*:?\s*", ln.text, re.I):
            value = normalise_space(content[i + 1].text)
            if 2 < len(value) < 150 and (digits or not re.match(r"^\d", value)) and not value.endswith((".", ",")):
                return value, content[i + 1].no
    return None


def plan_title(lines: list[Line]) -> Optional[str]:
    cell = cell_after(lines, FORM_LABELS["title"])
    if cell:
        return cell[0]
    for ln in lines[:40]:
        m = re.match(r"^\s*(?:Hankkeen\s+nimi|Hanke|Hankesuunnitelma|Projektin\s+nimi)\s*[:–-]\s*(\S.{2,150})$",
                     ln.text)
        if m:
            return normalise_space(m.group(1))
    first = next((ln for ln in lines if not is_noise(ln.text)), None)
    if first and not re.match(r"^\s*\d", first.text) and len(first.text.strip()) < 120 and \
            not first.text.strip().endswith((".", ",")):
        t = normalise_space(first.text)
        t = re.sub(r"^(?:hankesuunnitelma|projektisuunnitelma)\s*[:–-]?\s*", "", t, flags=re.I)
        return t or None
    return None
