"""The theme's coordination project(s), resolved from what the prose states.

:func:`resolve_coordination` marks the coordination project(s) among the listed
projects, sets main/sub roles stated in prose, and adds a coordination project
the list does not show (with the organisations the text gives for it); URLs
of the section whose path spells a project's name are added to it.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional
from urllib.parse import unquote

from hankeverkko.loaders.records import Participation, Project, Span, Theme
from hankeverkko.loaders.text import Line, is_url
from hankeverkko.loaders.theme_review.box import Box
from hankeverkko.loaders.theme_review.contacts import CoordinationHint
from hankeverkko.loaders.theme_review.entries import acronym_of, name_key
from hankeverkko.loaders.theme_review.prose import (CoordinationName, Statement, coordination_names,
                                                    implementer_statements, joint_statements, prose_sentences)

__all__ = ["resolve_coordination"]


def _matches(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return len(short.split()) >= 2 and (long_.startswith(short + " ") or long_.endswith(" " + short))


def _mentioned(p: Project, text: str) -> bool:
    """The project's name (or acronym) occurs in ``text``."""
    low = name_key(text)
    return bool((name_key(p.name) and f" {name_key(p.name)} " in f" {low} ")
                or (p.acronym and re.search(r"(?<!\w)%s(?!\w)" % re.escape(p.acronym), text)))


def _org_key(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.casefold()).strip()


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _slug_matches(project: Project, url: str) -> bool:
    """The URL's path spells the project's acronym or its whole name."""
    u = _ascii(unquote(url))
    if project.acronym and len(project.acronym) >= 4 and re.search(
            r"(?<![a-z])%s(?![a-z])" % re.escape(_ascii(project.acronym)), u):
        return True
    words = re.findall(r"[a-z0-9]+", _ascii(project.name))
    return len(words) >= 2 and "-".join(words) in u


def resolve_coordination(theme: Theme, box: Box, projects: list[Project], body: list[Line],
                         section: list[Line], source: str, programme: Optional[str],
                         known_orgs: frozenset[str] = frozenset()) -> list[Project]:
    """Mark, complete or add the theme's coordination project(s); set main/sub
    roles the prose states; add URLs of the section that spell a project's name.
    ``known_orgs`` are organisation names the document prints elsewhere."""
    sentences = prose_sentences(body)
    names = coordination_names(sentences)
    statements = implementer_statements(sentences, known_orgs) + joint_statements(sentences, set(known_orgs))
    hints = [h for h in box.coordination if h.name]
    # a name only the prose gives counts when the text says who runs it, or repeats it
    stated = any(s.coordination for s in statements)
    keys = [name_key(n.name) for n in names]
    candidates = [CoordinationName(h.name, acronym_of(h.name), h.line) for h in hints] + [
        n for n in names
        if n.of_theme or n.firm or stated or keys.count(name_key(n.name)) > 1
        or any(_matches(n.name, h.name) or (n.acronym and n.acronym == h.name) for h in hints)]

    def is_candidate(p: Project) -> bool:
        return any(_matches(p.name, c.name) or
                   (c.acronym and (p.acronym == c.acronym or name_key(p.name) == name_key(c.acronym)))
                   for c in candidates)

    for p in projects:
        if p.kind != "coordination" and is_candidate(p):
            p.kind = "coordination"

    # prose: the main implementer of a group listed as one row per organisation
    for st in statements:
        if st.role != "main":
            continue
        key = _org_key(st.organisation)
        window = " ".join(s.text for s in sentences if abs(s.line - st.line) <= 3)
        targets = [p for p in projects
                   if len(p.participants) > 1 and not ({x.role for x in p.participants} & {"main", "sub"})
                   and any(_org_key(x.organisation) == key for x in p.participants)
                   and (_mentioned(p, window) or (p.code is None and all(x.code for x in p.participants)))]
        if len(targets) != 1:
            continue                    # the sentence is about something the list does not show
        statements = [s for s in statements if s.line != st.line]      # used up by the listed group
        p = targets[0]
        if st.coordination and re.search(r"koordinaatiohank|koordinoiva", st.text, re.I):
            p.kind = "coordination"
        p.participants = [Participation(x.organisation, "main" if _org_key(x.organisation) == key else "sub",
                                        x.code, x.line, x.business_id) for x in p.participants]

    coordination = [p for p in projects if p.kind == "coordination"]
    if not coordination:
        coordination = _coordination_from_text(candidates, source, theme, programme)
        projects = coordination + projects
    for p in coordination:             # organisations for a coordination project printed without any
        if not p.participants:
            p.participants = _participants_from_text(p, hints, statements, len(coordination) == 1)

    urls = [ln.clean.rstrip(",.;") for ln in section if is_url(ln.clean)]
    for p in projects:
        for u in urls:
            if u not in p.urls and _slug_matches(p, u):
                p.urls.append(u)
    return projects


_ROLE_ORDER = {"main": 0, "administrator": 1, "sub": 2, "implementer": 3}


def _participants_from_text(p: Project, hints: list[CoordinationHint], statements: list[Statement],
                            only: bool) -> list[Participation]:
    """Who runs coordination project ``p`` by the prose ('toteuttaja on',
    'päätoteuttajana ... osatoteuttajina'), else by its contact's organisation.
    With several coordination projects a statement must name ``p``."""
    stated = [s for s in statements if s.coordination and (only or _mentioned(p, s.text))]
    if stated:
        seen: dict[str, Participation] = {}
        for s in sorted(stated, key=lambda s: _ROLE_ORDER[s.role]):
            seen.setdefault(_org_key(s.organisation), Participation(s.organisation, s.role, line=s.line))
        return list(seen.values())
    orgs = [h for h in hints if h.organisation and (only or (h.name and _matches(h.name, p.name)))]
    return [Participation(h.organisation, "implementer", line=h.line) for h in orgs[:1]]


def _coordination_from_text(candidates: list[CoordinationName], source: str, theme: Theme,
                            programme: Optional[str]) -> list[Project]:
    """Coordination projects the list does not show, named in the box or prose;
    a name and its acronym ('SOILA', 'SOILA eli Nimi') are one project."""
    groups: list[list[CoordinationName]] = []
    for c in candidates:
        if c.of_theme:                   # '<teema> -teeman koordinaatiohanke' names no project
            continue
        for g in groups:
            if any(_matches(c.name, o.name) or (c.acronym and c.acronym in (o.acronym, o.name))
                   or (o.acronym and o.acronym == c.name) for o in g):
                g.append(c)
                break
        else:
            groups.append([c])
    out: list[Project] = []
    for g in groups:
        full = [c for c in g if c.name != c.acronym] or g
        line = min(c.line for c in g)
        out.append(Project(name=max(full, key=lambda c: len(c.name)).name, span=Span(source, line, line),
                           acronym=next((c.acronym for c in g if c.acronym), None), kind="coordination",
                           themes=[theme.name], programme=programme))
    return out
