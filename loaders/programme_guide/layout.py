"""The printed layout of a programme guide: the publication series line
('ALFAN JULKAISUJA 2099:1') and running headers and footers, the title and
the programme's name as the text prints it, and sentences with the blocks
they are printed in.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import YEARS_RE, Block, running_furniture, sentence_case, sentences
from hankeverkko.loaders.text import Line, is_noise, normalise_space

__all__ = ["SERIES_RE", "blank_furniture", "guide_title", "programme_name", "sentence_blocks"]

SERIES_RE = re.compile(r"^\s*([A-ZÅÄÖ][A-ZÅÄÖa-zåäö\- ]+?(?::n)?)\s+(?:JULKAISUJA|julkaisuja|RAPORTTEJA|raportteja)\s+"
                       r"((?:19|20)\d{2}):\d+")


def blank_furniture(lines: list[Line]) -> list[Line]:
    """The lines with running headers/footers ('... JULKAISUJA 2020:11 ...') blanked."""
    out = []
    running = running_furniture(lines)
    for ln in lines:
        if SERIES_RE.match(ln.text) or ln.no in running:
            out.append(Line(ln.no, ""))
        else:
            out.append(ln)
    return out


def guide_title(lines: list[Line]) -> Optional[str]:
    """The first line that is not the publication series ('ALFAN JULKAISUJA 2099:1'), with
    a period printed alone on the next line ('Alfaohjelma' / '2098–2099').

    >>> guide_title([Line(1, "ALFAMINISTERIÖN JULKAISUJA 2099:3"), Line(2, ""), Line(3, "Alfaohjelma "),
    ...         Line(4, "2098–2099"), Line(5, "Ohjelma ja hakuopas")])
    'Alfaohjelma 2098–2099'
    """
    content = [ln for ln in lines[:15] if normalise_space(ln.text) and not is_noise(ln.text)
               and not SERIES_RE.match(ln.text)]
    if not content:
        return None
    s = normalise_space(content[0].text)
    if len(content) > 1 and re.fullmatch(r"\(?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)?",
                                         normalise_space(content[1].text)) and not YEARS_RE.search(s):
        s = f"{s} {normalise_space(content[1].text)}"
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return _recase(s, lines)
    return s


def _recase(caps: str, lines: list[Line]) -> str:
    """An all-capitals title in the case the document prints it elsewhere, else sentence case."""
    out = sentence_case(caps)
    words = re.findall(r"[\wÅÄÖåäö]+", caps)
    if words:
        pat = re.compile(r"\s*[-–—]?\s*".join(re.escape(w) for w in words[:3]), re.I)
        for ln in lines:
            m = pat.search(ln.text)
            if m and not m.group(0).isupper():
                head = m.group(0)
                return head + out[len(head):] if len(head) <= len(out) else out
    return out


def programme_name(title: Optional[str], lines: list[Line]) -> Optional[str]:
    if not title:
        return None
    head = re.split(r"\s[-–—]\s|:", title)[0].strip()
    words = re.findall(r"[\wÅÄÖåäö]+", head)
    if not words:
        return None
    pat = re.compile(r"\b" + r"[\s\-–—]+".join(re.escape(w) for w in words) + r"\b", re.I)
    for ln in lines:
        m = pat.search(ln.text)
        if m and not m.group(0).isupper():
            return normalise_space(m.group(0))
    return head


def sentence_blocks(bs: list[Block]) -> list[tuple[Block, str]]:
    out = []
    for b in bs:
        text = re.sub(r"^\s*(?:\d{1,2}\.){1,3}\d{0,2}\.?\s+", "", b.text) if b.kind == "heading" else b.text
        for s in sentences(text):
            out.append((b, s))
    return out
