"""The list of funded projects in a TL5 report: where it starts and how an entry reads.

The list follows the heading 'Toimenpidekokonaisuudesta rahoitettujen
hankkeiden lista' (or a shorter one, or none); an entry is a bulleted or
numbered item whose lines join into the project's name, acronym, links and
implementers.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import BULLET_RE, Vocabulary
from hankeverkko.loaders.text import Line, normalise_space
from hankeverkko.loaders.tl5_list.links import _CODE_RE, _compact, _completes_code, _ends_in_url, _Links

__all__ = ["LIST_HEADING_RE", "_ANY_LIST_HEADING_RE", "_SHORT_LIST_HEADING_RE", "_IMPLEMENTER_RE", "_NUMBERED_ENTRY",
           "_join_entry", "_acronym_and_name", "_list_start"]


#: the list heading of this kind (a theme review says 'Valtakunnallisesta teemasta ...')
LIST_HEADING_RE = re.compile(r"toimenpidekokonaisuude(?:sta|n)\s+rahoitettu\w*\s+hankkei\w*\s+lista", re.I)
_ANY_LIST_HEADING_RE = re.compile(r"rahoitettu\w*\s+hankkei\w*\s+lista", re.I)


_MARKER = r"(?:koordinaatio|kehittämis|osa)?(?:hank|projekt)\w*"


_IMPLEMENTER_RE = re.compile(r"[,(]?\s*\b(pää|osa)?toteuttaja(?:t|na|ina)?\s*(?:on|ovat|:)?\s*"
                             r"([A-ZÅÄÖ][^,()]*?)(?=\s*(?:,|\)|$|https?://))", re.I)
_NUMBERED_ENTRY = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")


def _join_entry(parts: list[str], vocab: Vocabulary, links: _Links) -> str:
    out = ""
    for p in parts:
        p = normalise_space(p)
        if not p:
            continue
        if out and out.endswith("-") and _ends_in_url(out):
            cut = out.rfind(" ") + 1
            out = out[:cut] + links.glue(out[cut:], p)
        elif out and _ends_in_url(out) and _completes_code(out.split()[-1], p.split()[0]):
            out += p      # a link broken inside its code: 'projektikoodi=S991' + '01
        else:
            out = vocab.dehyphenate(out, p) if out else p
    return normalise_space(out)


def _acronym_and_name(name: str) -> tuple[Optional[str], str]:
    """Split the printed acronym off a list entry's name.

    >>> _acronym_and_name("Kehittämisen koordinaatiohanke - Alfa")
    ('Alfa', 'Kehittämisen koordinaatiohanke')
    >>> _acronym_and_name("Gamman elämän hanke (GAMMA-hanke)")
    ('GAMMA', 'Gamman elämän hanke')
    >>> _acronym_and_name("Deltat eteenpäin (DELTA) - mallin kehittäminen")
    ('DELTA', 'Deltat eteenpäin (DELTA) - mallin kehittäminen')
    >>> _acronym_and_name("BETA Beetaisempaa arkea -projekti")
    ('BETA', 'BETA Beetaisempaa arkea -projekti')
    >>> _acronym_and_name("Gammat verkossa: GAVE")
    ('GAVE', 'Gammat verkossa')
    """
    name = normalise_space(name).strip(" ,;")
    m = re.search(r"\s*\(([^()]{1,30}?)(?:\s?[-–]\s?" + _MARKER + r")?\)\s*$", name)
    if m and _acronym_like(m.group(1)):
        return m.group(1).strip(), name[:m.start()].strip(" ,-–")
    m = re.search(r"\s[-–]\s([^\s()]{2,12})$", name)
    if m and _acronym_like(m.group(1)) and m.group(1)[0].isupper():
        return m.group(1), name[:m.start()].strip()
    m = re.search(r":\s([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,11})$", name)       # 'Name: ACRONYM'
    if m:
        return m.group(1), name[:m.start()].strip()
    m = re.search(r"\(([^()\s]{2,12})\)", name)
    if m and _acronym_like(m.group(1)):
        return m.group(1), name
    m = re.match(r"^([A-ZÅÄÖÁ]{2,}(?:\s[A-ZÅÄÖÁ]{2,})*)(?=[\s-]+\S)", name)
    if m and not re.match(r"^[A-ZÅÄÖÁ]{2,}-[a-zåäö]", name):
        return m.group(1), name
    return None, name


def _acronym_like(s: str) -> bool:
    s = s.strip()
    words = s.split()
    if not words or len(words) > 2 or len(s) > 14 or re.search(r"\d{4}", s):
        return False
    return all(w[:1].isupper() for w in words) and not any(w.casefold() in ("liite", "ks", "esim") for w in words)


#: a heading that introduces the list without the usual words: 'Rahoitetut hankkeet:'
_SHORT_LIST_HEADING_RE = re.compile(r"^\s*(?:\w+\s+){0,2}rahoitet\w*\s+(?:\w+\s+){0,2}hank\w*"
                                    r"(?:\s+lista|\s+ja\s+\w+)?\s*:?\s*$", re.I)


def _list_start(lines: list[Line], vocab: Vocabulary) -> int:
    """Index of the list heading (the list is what follows it).

    The template's heading, also when the PDF broke it over two lines; else a
    short heading about funded projects; else the line before the first bullet
    or numbered item whose entry holds a EURA link.

    >>> _list_start([Line(1, "Alfa"), Line(2, "Toimenpidekokonaisuudesta rahoitettujen hank-"),
    ...              Line(3, "keiden lista"), Line(4, "• Beeta")], Vocabulary([]))
    2
    """
    for i, ln in enumerate(lines):
        if LIST_HEADING_RE.search(ln.text):
            return i
        if ln.text.strip() and i + 1 < len(lines) and len(ln.text.strip()) < 80:
            pair = vocab.join([ln.text, lines[i + 1].text])
            if LIST_HEADING_RE.search(pair) and not LIST_HEADING_RE.search(lines[i + 1].text):
                return i + 1
    for rx in (_ANY_LIST_HEADING_RE, _SHORT_LIST_HEADING_RE):
        i = next((i for i, ln in enumerate(lines) if rx.search(ln.text) and len(ln.text.strip()) < 90), None)
        if i is not None:
            return i
    for i, ln in enumerate(lines):
        if (BULLET_RE.match(ln.text) or _NUMBERED_ENTRY.match(ln.text)) and len(ln.text.strip()) > 2:
            entry = [ln]
            for nxt in lines[i + 1:i + 6]:
                if BULLET_RE.match(nxt.text) or _NUMBERED_ENTRY.match(nxt.text):
                    break
                entry.append(nxt)
            if _CODE_RE.search(_compact(entry)):
                return i - 1
    return len(lines)
