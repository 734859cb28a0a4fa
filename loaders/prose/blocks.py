"""Paragraphs, list items, headings and sentences of running prose.

:func:`blocks` groups lines into paragraphs, list items and headings (PDF
text often has a blank line after every line, so blank lines alone do not
separate paragraphs); :func:`sentences` splits a block into sentences without
breaking after 'esim.', 'mm.' and the like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from hankeverkko.loaders.prose.vocabulary import Vocabulary
from hankeverkko.loaders.text import Line, is_noise

__all__ = ["BULLET_RE", "HEADING_RE", "YEARS_RE", "Block", "blocks", "sentences"]


#: list-item markers seen in PDF text: bullets, private-use glyphs, dashes, 'o'
BULLET_RE = re.compile(r"^\s*(?:[•●▪■◦\u2022\u2023\u2043\uf000-\uf0ff]|[-–−](?=\s)|o(?=\s)|\*(?=\s)|"
                       r"\d{1,2}\)(?=\s)|[a-h]\)(?=\s))\s*")
#: numbered section headings '2.', '2.1', '2.2.1.' followed by a capitalised title
HEADING_RE = re.compile(r"^\s*(?:\d{1,2}\.){1,3}\d{0,2}\.?\s+[A-ZÅÄÖ]")
#: a year range as printed: '2017-2018', '2015- 2018', '2020–2022'
YEARS_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or heading: first/last line and the joined text."""
    first: int
    last: int
    text: str
    kind: str  # paragraph | item | heading


def _width(lines: Sequence[Line]) -> int:
    lengths = sorted(len(ln.text.rstrip()) for ln in lines if ln.text.strip())
    if not lengths:
        return 80
    # PDF body text is rarely narrower than 60 characters; short toy texts are
    return max(60, lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0])


def blocks(lines: Sequence[Line], vocab: Optional[Vocabulary] = None) -> list[Block]:
    """Group text lines into blocks.

    A block ends at a line that ends a sentence and is clearly shorter than a
    full line, before a bullet or a numbered heading, and at a heading itself.
    Blank lines and page numbers are skipped, not treated as boundaries (PDF
    text often double-spaces every line).

    >>> long = "Tämä on täysimittainen rivi tekstiä, joka jatkuu seuraavalle riville ilman"
    >>> ls = [Line(1, "1. Tausta"), Line(2, ""), Line(3, long), Line(4, ""),
    ...       Line(5, "katkoa."), Line(6, "• kohta yksi"), Line(7, "Uusi kappale.")]
    >>> [(b.first, b.last, b.kind, b.text[-13:]) for b in blocks(ls)]
    [(1, 1, 'heading', '1. Tausta'), (3, 5, 'paragraph', 'ilman katkoa.'), (6, 6, 'item', 'kohta yksi'), (7, 7, 'paragraph', 'Uusi kappale.')]
    """
    vocab = vocab or Vocabulary.of_lines(lines)
    width = _width(lines)
    out: list[Block] = []
    cur: list[Line] = []
    kind = "paragraph"

    def flush():
        nonlocal cur, kind
        if cur:
            first = BULLET_RE.sub("", cur[0].text, count=1) if kind == "item" else cur[0].text
            text = vocab.join([first] + [c.text for c in cur[1:]])
            if text:
                out.append(Block(cur[0].no, cur[-1].no, text, kind))
        cur, kind = [], "paragraph"

    # In double-spaced PDF text (a blank after most lines) blank lines mean
    # nothing; otherwise a blank line ends a block unless the text plainly goes on.
    content = [i for i, ln in enumerate(lines) if ln.text.strip()]
    double = bool(content) and sum(1 for i in content if i + 1 < len(lines) and not lines[i + 1].text.strip()) \
        > 0.6 * len(content)
    gap = False
    for ln in lines:
        t = ln.text.rstrip()
        if not t.strip():
            gap = True
            continue
        if is_noise(t):
            continue
        s = t.strip()
        if gap and not double and cur:
            prev = cur[-1].text.rstrip()
            if not (prev.endswith("-") or (not re.search(r"[.!?:]\W?$", prev) and s[:1].islower())):
                flush()
        gap = False
        broken = bool(cur) and cur[-1].text.rstrip().endswith("-")
        if broken:
            cur.append(ln)
        elif BULLET_RE.match(t) and len(s) > 2:
            flush()
            kind, cur = "item", [ln]
        elif HEADING_RE.match(t) and len(s) < width * 0.9 and not s.endswith((".", ",", ";")):
            flush()
            kind, cur = "heading", [ln]
        else:
            if kind == "heading":
                flush()
            cur.append(ln)
        last = cur[-1].text.rstrip()
        if last.endswith("-"):
            continue
        n = len(last)
        if kind == "heading" or (n < width * 0.92 and re.search(r"[.!?:]\W?$", last)) or \
                (n < width * 0.6 and not last.endswith(",")):
            flush()
    flush()
    return out


_ABBREV = ("esim", "mm", "ns", "ml", "ko", "n", "vrt", "ts", "yms", "tms", "jne", "s", "v", "ks",
           "t", "huom", "prof", "tri", "nro", "kpl", "klo", "milj", "mrd", "yht", "ym", "eli")
def sentences(text: str, ends: str = ".!?") -> list[str]:
    """Split text into sentences, not after 'esim.', 'mm.', initials or dates.

    ``ends`` are the sentence-final marks; leave '!' out where titles such as
    'Yritä! Onnistut' are common.

    >>> sentences("Hanke alkoi 1.1.2020. Mukana on mm. Alfa ja esim. Beeta. Loppu")
    ['Hanke alkoi 1.1.2020.', 'Mukana on mm. Alfa ja esim. Beeta.', 'Loppu']
    """
    sent_re = re.compile(r"(?<=[" + re.escape(ends) + r"])[\"”’)]?\s+(?=[A-ZÅÄÖ0-9“\"(])")
    out, start = [], 0
    for m in sent_re.finditer(text):
        before = text[start:m.start()]
        word = re.split(r"[\s(]", before)[-1].rstrip(".!?").casefold()
        if word in _ABBREV or re.fullmatch(r"[A-ZÅÄÖ]", word.upper()) and len(word) == 1 or \
                re.fullmatch(r"\d{1,2}", word):   # ordinals: 'ohjelman 1. Kokeilu ...'
            continue
        out.append(text[start:m.start()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
