"""Facts a national-theme review states only in prose or in the contacts box.

* the name of the theme's coordination project ('Alfa-verkko
  -koordinaatiohanke', 'koordinoiva hanke X', 'ACR eli Nimi
  -koordinaatiohanke', the project named in the contacts block);
* who runs it ('Koordinaatiohankkeen toteuttaja on X', 'Koordinoivan hankkeen
  toteuttaa X', 'Päätoteuttajana on X, osatoteuttajina A ja B');
* the main implementer of a group whose sub-projects are listed one per line
  ('Ryhmähankkeena toteutettavan koordinaatiohankkeen päätoteuttaja on X').

:mod:`loaders.theme_review.coordination` uses what this module reads.

>>> sentences = prose_sentences([Line(1, "Koordinoivan hankkeen toteuttaa Testihallitus."),
...                              Line(2, "ACRO eli Sosiaaliset kokeilut -koordinaatiohanke alkoi.")])
>>> [(n.name, n.acronym) for n in coordination_names(sentences)]
[('Sosiaaliset kokeilut', 'ACRO')]
>>> [(s.organisation, s.role, s.coordination) for s in implementer_statements(sentences)]
[('Testihallitus', 'implementer', True)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.text import Line, is_page_furniture, is_url, looks_like_org, normalise_space, split_names
from hankeverkko.loaders.prose import nominative
from hankeverkko.loaders.theme_review.entries import acronym_of

__all__ = ["Sentence", "prose_sentences", "CoordinationName", "coordination_names",
           "Statement", "implementer_statements", "joint_statements"]


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int


def prose_sentences(lines: list[Line]) -> list[Sentence]:
    """Sentences of the prose, joined across line breaks, with their first line."""
    parts: list[tuple[int, str]] = []
    for ln in lines:
        if is_page_furniture(ln.text) or is_url(ln.clean):
            continue
        parts.append((ln.no, ln.clean))
    out: list[Sentence] = []
    buf, first = "", None
    for no, text in parts:
        if buf.endswith("-") and text[:1].islower() and not buf.endswith(" -"):
            buf = buf + text            # a word broken at the line end
        else:
            buf = f"{buf} {text}" if buf else text
        first = first or no
        while True:
            m = re.search(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", buf)
            if not m:
                break
            out.append(Sentence(buf[:m.start()].strip(), first))
            buf, first = buf[m.end():], no
    if buf.strip():
        out.append(Sentence(buf.strip(), first or 1))
    return out


@dataclass(frozen=True)
class CoordinationName:
    name: str
    acronym: Optional[str]
    line: int
    of_theme: bool = False      # '<teema> -teeman koordinaatiohanke'
    firm: bool = False          # 'Teeman koordinaatiohankkeena toimii X': the sentence says so outright


_DASH_COORD_RE = re.compile(r"(?:\s+[-–]\s*|-)(?P<teeman>teeman\s+)?koordinaatiohank", re.I)
# verbs that end a project name printed after 'koordinaatiohanke' in a sentence
_NAME_END_VERBS = (r"on|oli|ovat|ja|toimii|toimi|käynnistyi|käynnistyy|käynnistynyt|alkoi|alkaa|jatkuu|jatkui|"
                   r"päättyy|päättyi|toteutetaan|toteutettiin|toteuttaa|toteutti|kokoaa|kokosi|tukee|tuki|vastaa|"
                   r"järjestää|järjesti|sai|saa|aloitti|aloittaa|kehittää|edistää|koordinoi")
_KOORDINOIVA_RE = re.compile(
    r"\b(?:koordinoiva hanke|koordinaatiohanke|koordinaatiohanke\s+on|"
    r"(?:koordinaatiohankkeena|koordinaatiohankena|koordinoivana hankkeena)\s+(?:toimii|toimi|on))\s+"
    r"(?P<name>[A-ZÅÄÖ][^.,;:()]*?)(?=\s+(?:%s)\b|[.,;:(]|$)" % _NAME_END_VERBS)


def _name_before(text: str) -> Optional[str]:
    """The proper name that ends ``text``: back to the last capitalised word
    that follows a lower-case word or a clause boundary."""
    words = text.split()
    start = None
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if re.search(r"[.:;]$", w) and k != len(words) - 1:
            break
        if w[:1].isupper():
            prev = words[k - 1] if k else ""
            if not prev or not prev[:1].isupper() or re.search(r"[.:;,]$", prev):
                start = k
                break
    if start is None:
        return None
    return normalise_space(" ".join(words[start:])).strip(" ,")


def coordination_names(sentences: list[Sentence]) -> list[CoordinationName]:
    out: list[CoordinationName] = []
    for s in sentences:
        for m in _DASH_COORD_RE.finditer(s.text):
            before = s.text[:m.start()]
            if m.group(0).startswith("-") and not m.group(0).startswith(" "):
                acr = re.search(r"([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,})$", before)     # 'ACRO-koordinaatiohanke'
                if acr:
                    out.append(CoordinationName(acr.group(1), acr.group(1), s.line))
                continue
            name = _name_before(before)
            if not name:
                continue
            acronym = None
            m2 = re.search(r"(?P<a>[A-ZÅÄÖ][\wÅÄÖ]*[A-ZÅÄÖ]\w*)\s+eli\s+$", before[:len(before) - len(name)])
            if m2:
                acronym = m2.group("a")
            out.append(CoordinationName(name, acronym or acronym_of(name), s.line, bool(m.group("teeman"))))
        for m in _KOORDINOIVA_RE.finditer(s.text):
            name = normalise_space(m.group("name"))
            firm = bool(re.search(r"hankkeena", m.group(0), re.I)
                        or re.search(r"\bteeman\s+$", s.text[:m.start()], re.I))
            out.append(CoordinationName(name, acronym_of(name), s.line, firm=firm))
    return out


@dataclass(frozen=True)
class Statement:
    organisation: str
    role: str                   # main | sub | implementer | administrator
    coordination: bool          # the sentence (or the one before) is about a coordination project
    line: int
    text: str


_COORD_NP = r"(?:koordinaatiohankkeen|koordinoivan hankkeen|koordinaation|koordinaatiohanketta|koordinaatiota)"
_STATEMENT_RES = (
    (re.compile(r"päätoteuttaja(?:na)?\s+(?:on|toimii)\s+(?P<orgs>[^.;]+)", re.I), "main", False),
    (re.compile(r"osatoteuttaj(?:ina|at)\s+(?:ovat\s+|toimivat\s+)?(?P<orgs>[^.;]+)", re.I), "sub", True),
    (re.compile(_COORD_NP + r"\s+toteuttaja\s+on\s+(?P<orgs>[^.;]+)", re.I), "implementer", False),
    (re.compile(_COORD_NP + r"\s+toteuttajat\s+ovat\s+(?P<orgs>[^.;]+)", re.I), "implementer", True),
    (re.compile(_COORD_NP + r"\s+toteuttaa\s+(?P<orgs>[^.;]+)", re.I), "implementer", False),
    (re.compile(_COORD_NP + r"\s+toteuttavat\s+(?P<orgs>[^.;]+)", re.I), "implementer", True),
    (re.compile(_COORD_NP + r"\s+hallinnoi\s+(?P<orgs>[^.;]+)", re.I), "administrator", False),
)


def _org_phrase(text: str) -> Optional[str]:
    """The organisation name that opens ``text`` ('Silta ry ja koko ...' -> 'Silta ry')."""
    t = re.split(r"[,;(]|\s[-–]\s", text)[0].strip()
    for m in re.finditer(r"\s+(?:ja|sekä)\s+(?=[a-zåäö])", t):
        if looks_like_org(t[:m.start()]):
            t = t[:m.start()]
            break
    words = t.split()
    if not words or not words[0][:1].isupper():
        return None
    return t if looks_like_org(t) or len(words) <= 4 else None


_RELATIVE_RES = (
    (re.compile(r"\b(?:jota|joka)\s+toteuttaa\s+(?P<orgs>[^.;]+)", re.I), "implementer"),
    (re.compile(r"\b(?:jota|joka)\s+hallinnoi\s+(?P<orgs>[^.;]+)", re.I), "administrator"),
)
# an organisation in the genitive before a participle: 'Alfan yliopiston toteuttamana', '... johtamassa'
_GENITIVE_AGENT_RE = re.compile(r"(?P<before>[^.;]*?)\s+(?P<verb>toteuttama|hallinnoima|johtama)\w*\b", re.I)
_AGENT_ROLE = {"toteuttama": "implementer", "hallinnoima": "administrator", "johtama": "main"}


def _genitive_org(before: str, known: dict[str, str]) -> Optional[str]:
    """The organisation in the genitive that ends ``before``: a name the document
    prints elsewhere, else the name with its head word in the nominative."""
    name = _name_before(before)
    if not name or not name.endswith("n"):
        return None
    words = name.split()
    for k in range(len(words)):
        cand = " ".join(words[k:])
        if cand.casefold() in known:
            return known[cand.casefold()]
    base = nominative(name)
    return base if base != name and looks_like_org(base, acronyms=False) else None


def implementer_statements(sentences: list[Sentence], known_orgs: frozenset[str] = frozenset()) -> list[Statement]:
    out: list[Statement] = []
    known = {g.casefold(): k for k in known_orgs for g in _genitives(k) | {k + ":n"}}
    for k, s in enumerate(sentences):
        own = bool(re.search(r"koordin", s.text, re.I))
        for rx, role in _RELATIVE_RES:
            for m in rx.finditer(s.text):
                one = _org_phrase(m.group("orgs"))
                if one:
                    out.append(Statement(one, role, own, s.line, s.text))
        for m in _GENITIVE_AGENT_RE.finditer(s.text):
            org = _genitive_org(m.group("before"), known)
            if org:
                out.append(Statement(org, _AGENT_ROLE[m.group("verb").lower()], own, s.line, s.text))
    for k, s in enumerate(sentences):
        own = bool(re.search(r"koordin", s.text, re.I))
        before = bool(k and re.search(r"koordin", sentences[k - 1].text, re.I))
        for rx, role, many in _STATEMENT_RES:
            for m in rx.finditer(s.text):
                # about the coordination project: said so, or following a sentence about it
                # without naming another project ('X-hankkeen päätoteuttaja on ...')
                coord = own or (before and not re.search(r"hank", s.text[:m.start()], re.I))
                orgs = m.group("orgs")
                if many:
                    names = split_names(re.split(r"\s+(?:ovat|toimivat|on)\b", orgs)[0])
                    names = [n for n in names if looks_like_org(n)]
                else:
                    one = _org_phrase(orgs)
                    names = [one] if one else []
                for n in names:
                    out.append(Statement(n, role, coord, s.line, s.text))
    return out


_JOINT_RE = re.compile(r"(?P<orgs>[A-ZÅÄÖ](?:[^():;.]|:(?=n\b))*?)\s+yhteistyössä\s+"
                       r"(?:toteuttama|toteuttamana|toteuttavat)\b")


def _genitives(name: str) -> set[str]:
    """Genitive forms of an organisation name (its last word inflects).

    >>> sorted(_genitives("Testihallitus"))
    ['Testihallituksen', 'Testihallitusn']
    """
    forms = {name + "n"}
    if name.endswith("s"):
        forms.add(name[:-1] + "ksen")
    if name.endswith("nen"):
        forms.add(name[:-3] + "sen")
    return forms


def joint_statements(sentences: list[Sentence], known: set[str]) -> list[Statement]:
    """'A:n, B:n ja C:n yhteistyössä toteuttama' names implementers in the
    genitive; each is read only as an organisation the document names
    elsewhere (``known``), so nothing is guessed.

    >>> joint_statements([Sentence("Alfaverkko (Alfa ry:n ja Testihallituksen yhteistyössä toteuttama "
    ...                            "koordinaatiohanke) tukee hankkeita.", 7)], {"Alfa ry", "Testihallitus"})
    [Statement(organisation='Alfa ry', role='implementer', coordination=True, line=7, text='Alfaverkko (Alfa ry:n ja Testihallituksen yhteistyössä toteuttama koordinaatiohanke) tukee hankkeita.'), Statement(organisation='Testihallitus', role='implementer', coordination=True, line=7, text='Alfaverkko (Alfa ry:n ja Testihallituksen yhteistyössä toteuttama koordinaatiohanke) tukee hankkeita.')]
    """
    by_genitive = {g.casefold(): k for k in known for g in _genitives(k) | {k + ":n"}}
    out: list[Statement] = []
    for s in sentences:
        coord = bool(re.search(r"koordin", s.text, re.I))
        for m in _JOINT_RE.finditer(s.text):
            names = [by_genitive.get(n.casefold()) for n in split_names(m.group("orgs"))]
            if names and all(names):
                out += [Statement(n, "implementer", coord, s.line, s.text) for n in names]
    return out
