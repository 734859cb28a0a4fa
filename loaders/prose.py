"""Reading running Finnish prose from PDF text: blocks, sentences, names.

Shared by the programme-guide, project-plan and TL5-list loaders (a sibling
of :mod:`loaders.text`, which holds the line-level helpers).  Pure functions,
no knowledge of any particular document.

* :class:`Vocabulary` decides whether a hyphen at a line break is real by
  looking at how the *same document* spells the word elsewhere
  ('AB-' + 'CD-hanke' -> 'ABCD-hanke' when 'ABCD' is printed unbroken).
* :func:`blocks` groups lines into paragraphs, list items and headings
  (PDF text often has a blank line after every line, so blank lines alone
  do not separate paragraphs).
* :func:`sentences` splits a block into sentences without breaking after
  'esim.', 'mm.' and the like.
* :func:`nominative` turns the inflected head word of an organisation name
  into its base form ('Alfan toimiston' -> 'Alfan toimisto').

>>> v = Vocabulary(["ABCD-hankkeen tulokset", "sote-keskus"])
>>> v.join(["esimerkki (AB-", "CD-hanke) ja sote-", "keskus"])
'esimerkki (ABCD-hanke) ja sote-keskus'
>>> nominative("Alfalan XY-toimiston")
'Alfalan XY-toimisto'
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE, Line, dehyphenate, is_noise, normalise_space, strip_contact_details

__all__ = ["line_count", "running_furniture", "scrub_contacts", "Vocabulary", "Block", "blocks", "sentences", "nominative", "BULLET_RE",
           "HEADING_RE", "YEARS_RE", "split_names", "ORG_HEAD_RE", "sentence_case",
           "acronym_matches"]

#: list-item markers seen in PDF text: bullets, private-use glyphs, dashes, 'o'
BULLET_RE = re.compile(r"^\s*(?:[•●▪■◦\u2022\u2023\u2043\uf000-\uf0ff]|[-–−](?=\s)|o(?=\s)|\*(?=\s)|"
                       r"\d{1,2}\)(?=\s)|[a-h]\)(?=\s))\s*")
#: numbered section headings '2.', '2.1', '2.2.1.' followed by a capitalised title
HEADING_RE = re.compile(r"^\s*(?:\d{1,2}\.){1,3}\d{0,2}\.?\s+[A-ZÅÄÖ]")
#: a year range as printed: '2017-2018', '2015- 2018', '2020–2022'
YEARS_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
#: the head word of an organisation name (used to tell organisations from other nouns)
ORG_HEAD_RE = re.compile(
    r"(?:ministeriö|laitos|virasto|keskus|kunta|kaupunki|yhtymä|säätiö|\bry\b|\boy\b|\bsr\b|\boyj\b|"
    r"liitto|yliopisto|korkeakoulu|opisto|piiri|alue|toimisto|yhdistys|seura|osuuskunta|instituutti|"
    r"yksikkö|hallinto|neuvosto)", re.I)

_WORD_RE = re.compile(r"[\wÅÄÖåäö]+", re.U)


def line_count(lines: Sequence[Line]) -> int:
    """Lines in the file as ``wc -l`` counts them (no phantom line after the last newline).

    >>> line_count([Line(1, "a"), Line(2, "b"), Line(3, "")])
    2
    """
    return len(lines) - (1 if lines and lines[-1].text == "" else 0)


_PAGE_OF_RE = re.compile(r"(?:^|\s)(?:sivu\s+)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3})\s*$", re.I)


def running_furniture(lines: Sequence[Line]) -> set[int]:
    """Line numbers of running headers and footers: a line ending in a page count
    ('Alfa-raportti 2099   3 (7)', 'Sivu 3/7') whose text without it repeats
    on several pages, or a bare page count.

    >>> running_furniture([Line(1, "Alfa – ABC    2 (7)"), Line(2, "Teksti 2 (7)"), Line(3, "Alfa – ABC  5 (7)"),
    ...                    Line(4, "Sivu 6/7")])
    {1, 3, 4}
    """
    keyed: dict[str, list[int]] = {}
    out: set[int] = set()
    for ln in lines:
        t = normalise_space(ln.text)
        m = _PAGE_OF_RE.search(t)
        if not m:
            continue
        head = t[:m.start()].strip()
        if not head or re.fullmatch(r"sivu", head, re.I):
            out.add(ln.no)
        else:
            keyed.setdefault(head.casefold(), []).append(ln.no)
    for nos in keyed.values():
        if len(nos) >= 2:
            out.update(nos)
    return out


_KEEP = ("urls", "code", "business_id", "number", "path", "source", "parent")


def _scrub(value):
    if isinstance(value, str):
        return strip_contact_details(value) if EMAIL_RE.search(value) or PHONE_RE.search(value) else value
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.name not in _KEEP and not isinstance(getattr(value, f.name), (int, type(None)))}
        changes = {k: v for k, v in changes.items() if v is not getattr(value, k) and v != getattr(value, k)}
        return dataclasses.replace(value, **changes) if changes else value
    return value


def scrub_contacts(doc):
    """Remove any e-mail address or phone number from every text field of a document's records.

    >>> from hankeverkko.loaders.records import SourceDocument, OrgMention, Span
    >>> d = SourceDocument("x", "k", organisations=[OrgMention("Alfa ry", Span("x", 1, 1),
    ...                    role="yhteys alfa@example.fi, 040 1234567")])
    >>> scrub_contacts(d).organisations[0].role
    'yhteys'
    """
    for f in dataclasses.fields(doc):
        v = getattr(doc, f.name)
        if isinstance(v, list):
            setattr(doc, f.name, [_scrub(x) for x in v])
    return doc


class Vocabulary:
    """The words a document prints unbroken, to repair words broken at line ends."""

    def __init__(self, texts: Iterable[str]):
        self.words: set[str] = set()
        self.hyphenated: set[str] = set()
        for t in texts:
            toks = t.split()
            # the last token of a line may be a broken fragment: not evidence
            for tok in toks[:-1] if toks and toks[-1].endswith("-") else toks:
                tok = tok.strip("()[]{}\"'“”‘’,.;:!?").casefold()
                if not tok:
                    continue
                if "-" in tok.strip("-"):
                    self.hyphenated.add(tok.strip("-"))
                for part in tok.split("-"):
                    w = re.sub(r":\w+$", "", part)
                    if w:
                        self.words.add(w)

    @classmethod
    def of_lines(cls, lines: Sequence[Line]) -> "Vocabulary":
        return cls(ln.text for ln in lines)

    def dehyphenate(self, left: str, right: str) -> str:
        """Like :func:`loaders.text.dehyphenate`, but trusts the document's own spelling."""
        left, right = left.rstrip(), right.lstrip()
        if not left.endswith("-") or not right or left.endswith(" -"):
            return dehyphenate(left, right)
        lpart = re.split(r"[\s\-/(\[“\"']", left[:-1])[-1]
        mright = re.match(r"[\wÅÄÖåäö]+", right)
        if lpart and mright:
            merged = (lpart + mright.group(0)).casefold()
            hyph = f"{lpart}-{mright.group(0)}".casefold()
            if merged in self.words and not any(h.startswith(hyph) for h in self.hyphenated):
                return left[:-1] + right
            if any(h.startswith(hyph) for h in self.hyphenated) and merged not in self.words:
                return left + right
            # a capitalised fragment broken at a Finnish syllable boundary (consonant +
            # vowel follows) that the document never prints alone: 'Mo-' + 'niammatilliset'
            if (lpart[:1].isupper() and not lpart.isupper() and len(lpart) <= 5
                    and lpart.casefold() not in self.words
                    and re.match(r"[b-df-hj-np-tv-zšž][aeiouyåäö]", mright.group(0))):
                return left[:-1] + right
        return dehyphenate(left, right)

    def join(self, parts: Iterable[str]) -> str:
        """Join line fragments into one string (see :func:`loaders.text.join_broken`)."""
        out = ""
        for p in parts:
            p = normalise_space(p)
            if not p:
                continue
            out = self.dehyphenate(out, p) if out else p
        return normalise_space(out)


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


# ----------------------------------------------------------------- inflection

_HEAD_FORMS = [
    # (inflected ending, base ending) for frequent organisation head words
    ("kaupungin", "kaupunki"), ("kaupungista", "kaupunki"), ("kaupungille", "kaupunki"),
    ("kaupungilla", "kaupunki"), ("kaupungissa", "kaupunki"),
    ("kunnan", "kunta"), ("kunnasta", "kunta"), ("kunnalle", "kunta"), ("kunnalla", "kunta"),
    ("kunnassa", "kunta"),
    ("toimiston", "toimisto"), ("toimistosta", "toimisto"), ("toimistolle", "toimisto"),
    ("keskuksen", "keskus"), ("keskuksesta", "keskus"), ("keskukselle", "keskus"),
    ("laitoksen", "laitos"), ("laitoksesta", "laitos"), ("laitokselle", "laitos"),
    ("yhdistyksen", "yhdistys"), ("yhdistyksestä", "yhdistys"),
    ("piirin", "piiri"), ("piiristä", "piiri"), ("piirille", "piiri"),
    ("yhtymän", "yhtymä"), ("yhtymästä", "yhtymä"), ("yhtymälle", "yhtymä"),
    ("yliopiston", "yliopisto"), ("yliopistosta", "yliopisto"),
    ("korkeakoulun", "korkeakoulu"), ("korkeakoulusta", "korkeakoulu"),
    ("säätiön", "säätiö"), ("säätiöstä", "säätiö"),
    ("liiton", "liitto"), ("liitosta", "liitto"),
    ("ministeriön", "ministeriö"), ("ministeriöstä", "ministeriö"), ("ministeriölle", "ministeriö"),
    ("viraston", "virasto"), ("virastosta", "virasto"),
    ("yksikön", "yksikkö"), ("yksiköstä", "yksikkö"),
    ("alueen", "alue"), ("alueelta", "alue"),
    ("seuran", "seura"), ("seurasta", "seura"),
]


def nominative(name: str) -> str:
    """Base form of an organisation name whose head word is inflected.

    Only the last word changes ('Alfalan kaupungin' -> 'Alfalan kaupunki');
    abbreviations lose their case ending ('ABC:stä' -> 'ABC', 'ry:n' -> 'ry').

    >>> nominative("Alfalan kaupungin")
    'Alfalan kaupunki'
    >>> nominative("ABC:stä")
    'ABC'
    >>> nominative("Beetalasta")
    'Beetala'
    >>> nominative("Esimerkki ry:n")
    'Esimerkki ry'
    """
    name = normalise_space(name).strip(" ,.;")
    if not name:
        return name
    words = name.split(" ")
    last = words[-1]
    m = re.match(r"^(.*\S):[a-zåäö]{1,4}$", last)
    if m:
        words[-1] = m.group(1)
        return " ".join(words)
    low = last.casefold()
    for inf, base in _HEAD_FORMS:
        if low.endswith(inf):
            stem = last[: len(last) - len(inf)]
            words[-1] = stem + base
            return " ".join(words)
    # a capitalised single word in elative/ablative/allative: 'Beetalasta', 'Beetalalta'
    if len(words) == 1 and last[:1].isupper():
        for suf in ("sta", "stä", "lta", "ltä", "lle"):
            if low.endswith(suf) and len(last) > len(suf) + 2:
                return last[: -len(suf)]
    return " ".join(words)


def sentence_case(caps: str) -> str:
    """'ALFAOHJELMA 2030-2032 – OPAS' -> 'Alfaohjelma 2030-2032 – opas'.

    >>> sentence_case("ALFA- JA BEETAMINISTERIÖ")
    'Alfa- ja beetaministeriö'
    """
    s = caps.strip().lower()
    return s[:1].upper() + s[1:]


def split_names(text: str) -> list[str]:
    """Split a printed list of names on commas, 'sekä' and ' ja ' before a capital.

    ' ja ' inside a name ('Alfan ja beetan laitos') is kept.

    >>> split_names("Alfa kunta (Liite 1), Beeta ja gamma oy sekä Deltan yhteistoiminta-alue ja Eetu ry")
    ['Alfa kunta (Liite 1)', 'Beeta ja gamma oy', 'Deltan yhteistoiminta-alue', 'Eetu ry']
    >>> split_names("Alfan kunta sekä Beetan ja Gamman yhteistoiminta-alue")
    ['Alfan kunta', 'Beetan ja Gamman yhteistoiminta-alue']
    """
    pieces = re.split(r"(\s*,\s*|\s+sekä\s+|\s+ja\s+(?=[A-ZÅÄÖ]))", text)
    out: list[str] = []
    pending = ""
    for k in range(0, len(pieces), 2):
        part = normalise_space(pieces[k])
        sep = pieces[k - 1] if k else ""
        if pending and part:
            part, pending = f"{pending} ja {part}", ""
        # 'Alfan ja Beetan yhteistoiminta-alue': a lone genitive before 'ja' shares the next name's head
        if part and k + 1 < len(pieces) and re.fullmatch(r"\s+ja\s+", pieces[k + 1]) and \
                re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+n", part) and not ORG_HEAD_RE.search(part) and \
                k + 2 < len(pieces) and len(pieces[k + 2].split()) >= 2 and \
                ORG_HEAD_RE.search(pieces[k + 2].split()[-1]) and pieces[k + 2].split()[0].endswith("n"):
            pending = part
            continue
        if part:
            out.append(part)
    return out


def acronym_matches(acronym: str, name: str) -> bool:
    """Whether ``acronym`` can be read from ``name``: its letters in order, each
    space-separated word of the name starting with one of them (later letters
    may come from inside a word, as in compounds).

    >>> acronym_matches("ESSHP", "Etelä-Esimerkin sairaanhoitopiiri")
    True
    >>> acronym_matches("ABL", "Alfan ja beetan laitos")
    True
    >>> acronym_matches("EGA", "Etelä-Esimerkin Gamman Apu")
    True
    >>> acronym_matches("EGA", "Etelä-Esimerkin sosiaalialan osaamiskeskus")
    False
    """
    acr = re.sub(r"[^\wÅÄÖåäö]", "", acronym).casefold()
    words = [w for w in name.casefold().split() if w not in ("ja", "ry", "oy", "sr", "och")]
    if len(acr) < 2 or not words or acr[0] != words[0][0]:
        return False

    def rest(a: str, wi: int, pos: int) -> bool:
        if not a:
            return wi == len(words) - 1
        if wi + 1 < len(words) and words[wi + 1][0] == a[0] and rest(a[1:], wi + 1, 1):
            return True
        w = words[wi]
        return any(w[p] == a[0] and rest(a[1:], wi, p + 1) for p in range(pos, len(w)))

    return rest(acr[1:], 0, 1)
