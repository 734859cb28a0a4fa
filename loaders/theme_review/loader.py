"""Loader for national-theme reviews ('Valtakunnallisten teemojen toteutuskatsaus').

The document opens with the programme and a title, then has one section per
national theme.  Each section starts with 'Valtakunnallinen teema' and the
theme title, followed by a fact box (contacts, responsible ministries,
implementation period, funding a)–d); read by :mod:`loaders.theme_review.box`)
and numbered sections 1)–7).  Section 7 lists the funded projects (read by
:mod:`loaders.theme_review.lists`); the prose of sections 1)–6) names the
coordination project, who runs it and which organisation is the main
implementer of a group (read by :mod:`loaders.theme_review.prose` and
resolved by :mod:`loaders.theme_review.coordination`).

>>> from hankeverkko.loaders.text import read_lines
>>> doc = load(read_lines(SAMPLE), "esimerkki.txt")
>>> [(t.name, t.ministries, t.coordination_projects) for t in doc.themes]
[('Esimerkkiteema', ['Työ- ja elinkeinoministeriö'], ['Alfa-verkko'])]
>>> [(p.name, p.kind, [(x.organisation, x.role) for x in p.participants]) for p in doc.projects]
[('Alfa-verkko', 'coordination', [('Alfa ry', 'applicant')]), ('Beeta', 'single', [('Beeta Oy', 'applicant')])]
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from hankeverkko.loaders.records import OrgMention, Programme, Project, Relation, Skipped, SourceDocument, Span, Theme
from hankeverkko.loaders.text import (EMAIL_RE, PHONE_RE, Line, is_page_furniture, join_broken, normalise_space,
                   parse_period_loose, strip_contact_details)
from hankeverkko.loaders.theme_review.box import Box, is_theme_heading, read_box
from hankeverkko.loaders.theme_review.lists import parse_list
from hankeverkko.loaders.theme_review.coordination import resolve_coordination

__all__ = ["KIND", "DESCRIPTION", "score", "load", "theme_sections", "find_list", "repeated_furniture"]

KIND = "theme-review"
DESCRIPTION = ("review of national themes (ESR+ 'Valtakunnallisten teemojen toteutuskatsaus'): "
               "themes, ministries, funding, coordination projects and funded projects")

SAMPLE = """UUDISTUVA JA OSAAVA SUOMI 2021-2027
ESR+ Valtakunnallisten teemojen toteutuskatsaus
Katsaus 31.10.2024 mennessä
Valtakunnallinen teema
Esimerkkiteema
Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)
Aino Esimerkki, Alfa-verkko -koordinaatiohanke, Alfa ry
Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot
TEM: Olli Malli
Teeman toteutusaika 2021-2027
1) Tiivis kuvaus. Uudistuva ja osaava Suomi 2021-2027 -ohjelman teema.
7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista
1. S10001 Alfa-verkko
Hakija Alfa ry
2. S10002 Beeta
Hakija Beeta Oy
"""

_SECTION_RE = re.compile(r"^\s*(?P<n>[1-7])[.)]\s+(?P<rest>\S.*)$")
_SECTION_WORDS = {
    "1": r"^tiivis kuvaus", "2": r"konkreettisesta toiminnasta", "3": r"^arvio\b",
    "4": r"tulevana vuonna", "5": r"yhteyksistä alueelliseen", "6": r"^linkkejä|verkkosivuille",
    "7": r"rahoitet\w*\s+hank|hankkeiden lista|hankelista",
}
_LIST_HEADING_RE = re.compile(r"^(?:7[.)]\s*(?:valtakunnallisesta\s+)?|valtakunnallisesta\s+)teemasta\s+"
                              r"rahoitet\w*\s+hank", re.I)
_ELSEWHERE_RE = re.compile(r"erillisenä liitteenä|erillisessä liitteessä|liitteenä", re.I)


def score(lines: list[Line]) -> int:
    """Evidence that the text is a national-theme review: theme headings above all."""
    headings = sum(1 for ln in lines if is_theme_heading(ln.text))
    if not headings:
        return 0
    low = [ln.clean.lower() for ln in lines]
    extra = sum(1 for t in low if t.startswith("teeman toteutusaika") or t.startswith("vastuullinen hallinnonala"))
    return 10 * headings + 2 * extra + (5 if any("toteutuskatsaus" in t for t in low) else 0)


def theme_sections(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) indices of each theme section."""
    starts = [i for i, ln in enumerate(lines) if is_theme_heading(ln.text)]
    return list(zip(starts, starts[1:] + [len(lines)]))


def _section_heading(lines: list[Line], i: int) -> Optional[tuple[str, int]]:
    """The number of a numbered section heading at ``i`` and how many lines it spans."""
    t = lines[i].clean
    if _LIST_HEADING_RE.match(t) and len(t.split()) <= 12:
        return "7", 1
    m = _SECTION_RE.match(t)
    if not m:
        return None
    text, span = m.group("rest"), 1
    nxt = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k].clean), None)
    if nxt is not None and not _SECTION_RE.match(lines[nxt].clean):
        text, span = f"{text} {lines[nxt].clean}", nxt - i + 1
    words = _SECTION_WORDS[m.group("n")]
    if re.search(words, m.group("rest").lower()):
        return m.group("n"), 1
    if re.search(words, text.lower()):             # the heading goes on to the next line
        return m.group("n"), span
    return None


def find_list(lines: list[Line]) -> Optional[tuple[int, int, int]]:
    """(heading index, first list line index, end index) of section 7."""
    heads = []
    for i in range(len(lines)):
        h = _section_heading(lines, i)
        if h:
            heads.append((i, h))
    for k, (i, (n, span)) in enumerate(heads):
        if n == "7":
            # the section runs to the next numbered heading of another number, or the end
            end = next((j for j, (m, _) in heads[k + 1:] if m != "7"), len(lines))
            return i, i + span, end
    return None


def repeated_furniture(lines: list[Line], times: int = 3) -> frozenset[str]:
    """URL and e-mail lines the document repeats on many pages (its footer)."""
    counts: dict[str, int] = {}
    for ln in lines:
        t = ln.clean
        if t and (is_page_furniture(t) or EMAIL_RE.search(t)):
            counts[t] = counts.get(t, 0) + 1
    return frozenset(t for t, n in counts.items() if n >= times)


def _sentence_case(name: str, body: str) -> str:
    """An upper-case name in sentence case; a word the body prints only
    capitalised inside sentences (a proper noun such as 'Suomi') keeps its capital.

    >>> _sentence_case("UUDISTUVA JA OSAAVA SUOMI", "Hanke Digitaidot Suomi ry ja osaava väki.")
    'Uudistuva ja osaava Suomi'
    """
    words = name.split()
    out = [words[0].capitalize()]
    for w in words[1:]:
        low = w.lower()
        cap = w.capitalize()
        inside = re.findall(r"(?<=[\wåäö,] )(%s|%s)\b" % (re.escape(low), re.escape(cap)), body)
        out.append(cap if inside and all(x == cap for x in inside) else low)
    return " ".join(out)


def _programme(lines: list[Line], source: str) -> Optional[Programme]:
    """The programme named in the header ('NAME yyyy-yyyy'); an upper-case
    name is given the spelling the body uses, else sentence case."""
    for ln in lines[:15]:
        if is_theme_heading(ln.text):
            break
        m = re.match(r"^(?P<name>[A-ZÅÄÖ][\wÅÄÖåäö ,-]*?[A-Za-zÅÄÖåäö])\s+(?P<y1>(?:19|20)\d\d)\s*[–—-]\s*"
                     r"(?P<y2>(?:19|20)\d\d)\s*$", ln.clean)
        if not m:
            continue
        name = m.group("name")
        if name.isupper():
            pattern = r"\s+".join(re.escape(w) for w in name.split())
            body = "\n".join(x.clean for x in lines[15:])
            found = re.search(pattern, body, re.I)
            name = found.group(0) if found else _sentence_case(name, body)
        name = normalise_space(name)
        period = f"{m.group('y1')}-{m.group('y2')}"
        start, end = parse_period_loose(period)
        return Programme(f"{name} {period}", Span(source, ln.no, ln.no), period=period, start=start, end=end)
    return None


def _title_and_year(lines: list[Line]) -> tuple[Optional[str], Optional[int]]:
    """The review's title and year, from the header before the first theme."""
    title = year = None
    for ln in lines[:15]:
        if is_theme_heading(ln.text):
            break
        t = ln.clean
        if title is None and re.search(r"katsaus|raportti|selvitys", t, re.I) and len(t.split()) <= 10 \
                and not re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", t):
            title = t
        m = re.search(r"\b\d{1,2}\.\d{1,2}\.(?P<y>(?:19|20)\d\d)\b", t)
        if year is None and m:
            year = int(m.group("y"))
    return title, year


def _scrub(value):
    """``value`` with e-mail addresses and phone numbers removed from every
    string inside it (records, lists, nested records)."""
    if isinstance(value, str):
        return strip_contact_details(value) if (EMAIL_RE.search(value) or PHONE_RE.search(value)) else value
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if value.__dataclass_params__.frozen:
            return dataclasses.replace(value, **changes)
        for name, new in changes.items():
            setattr(value, name, new)
        return value
    return value


def _read_theme(section: list[Line], doc: SourceDocument, programme: Optional[str],
                furniture: frozenset[str]) -> tuple[Theme, Box, list[Project], list[Line]]:
    """The theme's box and listed projects, and the prose lines (sections 1-6)."""
    source = doc.name
    box = read_box(section)
    last = next((ln.no for ln in reversed(section) if not is_page_furniture(ln.text)), section[0].no)
    start, end = parse_period_loose(box.period or "")
    theme = Theme(name=box.title, span=Span(source, section[0].no, max(last, section[0].no)),
                  programme=programme, period=box.period, start=start, end=end,
                  ministries=box.ministries, funding=box.funding, funders=box.funders, contacts=box.contacts)
    found = find_list(section)
    if not found:
        doc.skipped.append(Skipped(source, section[0].no, theme.name,
                                   "no project list (section 7) found in this theme", looks_like_entry=False))
        return theme, box, [], section[box.end:]
    h, first, end_i = found
    result = parse_list(section[first:end_i], source, theme.name, programme, furniture)
    doc.skipped += result.skipped
    doc.used_list_lines += result.used_lines
    if not result.projects and _ELSEWHERE_RE.search(" ".join(ln.clean for ln in section[h:end_i])):
        doc.skipped.append(Skipped(source, section[h].no, join_broken(ln.clean for ln in section[h:first]),
                                   "the project list is published separately (erillisenä liitteenä) "
                                   "and is not in this text", looks_like_entry=True))
    return theme, box, result.projects, section[box.end:h] + section[end_i:]   # prose may follow the list


def _printed_spelling(lines: list[Line]):
    """A hyphen kept at a line break ('Työhyvinvointi-' / 'säätiö Alfa sr') is
    dropped when the document prints the compound whole elsewhere
    ('Työhyvinvointisäätiö Alfa sr') and never with the hyphen inside a line, or when
    the word part is printed in lower case glued to other letters, i.e. it is a
    common noun ('työhyvinvointia'), not a name like 'Diakonia-'."""
    tokens = {t.casefold() for ln in lines for t in re.findall(r"[\w-]+", ln.text)}
    common = {t for ln in lines for t in re.findall(r"(?<![\w-])[a-zåäö][\w]+", ln.text)}   # lower-case words

    def fix(word: re.Match) -> str:
        left, right = word.group(1), word.group(2)
        glued = (left + right).casefold()
        if f"{left}-{right}".casefold() in tokens or left[-1:].casefold() == right[:1]:
            return word.group(0)          # printed with the hyphen, or a vowel meeting itself ('-a' 'a')
        low = left.casefold()
        if any(t.startswith(glued) for t in tokens) or (len(left) >= 6 and any(
                t.startswith(low) and len(t) > len(low) and t[len(low)].isalpha() for t in common)):
            return left + right           # ... or the word part is a common noun that compounds without one
        return word.group(0)

    def spell(name: str) -> str:
        return re.sub(r"\b([A-ZÅÄÖ][a-zåäö]{3,})-([a-zåäö]{3,})\b", fix, name)
    return spell


def load(lines: list[Line], source: str) -> SourceDocument:
    count = len(lines) - (1 if lines and not lines[-1].text else 0)     # a final newline ends the last line
    doc = SourceDocument(path=source, kind=KIND, line_count=count)
    doc.title, doc.year = _title_and_year(lines)
    prog = _programme(lines, source)
    if prog:
        doc.programmes.append(prog)
    programme = prog.name if prog else None
    furniture = repeated_furniture(lines)
    read = [(_read_theme(lines[a:b], doc, programme, furniture), lines[a:b]) for a, b in theme_sections(lines)]
    spell = _printed_spelling(lines)
    for (_, _, projects, _), _ in read:
        for p in projects:
            p.participants = [dataclasses.replace(x, organisation=spell(x.organisation)) for x in p.participants]
    # organisations printed anywhere in the document, for prose that names them inflected
    known = frozenset(x.organisation for (_, _, projects, _), _ in read for p in projects for x in p.participants)
    for (theme, box, projects, body), section in read:
        projects = resolve_coordination(theme, box, projects, body, section, source, programme, known)
        theme.coordination_projects = list(dict.fromkeys(p.name for p in projects if p.kind == "coordination"))
        doc.themes.append(theme)
        doc.projects += projects
        for name in theme.ministries:
            doc.organisations.append(OrgMention(name, theme.span, role="responsible ministry"))
            doc.relations.append(Relation(name, "organisation", "responsible_for", theme.name, "theme", theme.span))
        for name in theme.funders:
            doc.organisations.append(OrgMention(name, theme.span, role="funding authority"))
            doc.relations.append(Relation(name, "organisation", "funds", theme.name, "theme", theme.span))
    for p in doc.projects:
        for x in p.participants:
            doc.organisations.append(OrgMention(x.organisation, Span(source, x.line or p.span.first,
                                                                     x.line or p.span.first)))
    return _scrub(doc)        # contact details are never kept, whatever a layout let through
