"""Loader for ESR 2014–2020 'TL 5' reports (see the package notes).

:func:`score` finds the list heading, eura2014 links and 'TL 5'; :func:`load`
reads the list (``entries``, ``table``), the links (``links``), the
outputs and implementers in the results prose (``outputs``) and the
programme, measure package and funders (``theme``).
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import (BULLET_RE, ORG_HEAD_RE, YEARS_RE, Vocabulary, blocks, nominative, running_furniture,
                                       scrub_contacts, sentences)
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.records import OrgMention, Participation, Programme, Project, Relation, Skipped, SourceDocument, Span, Theme
from hankeverkko.loaders.text import URL_RE, Line, is_noise, normalise_space, strip_contact_details
from hankeverkko.loaders.tl5_list.entries import (LIST_HEADING_RE, _IMPLEMENTER_RE, _NUMBERED_ENTRY, _acronym_and_name,
                                                  _join_entry, _list_start)
from hankeverkko.loaders.tl5_list.links import _CODE_RE, _PRINTED_CODE_RE, _compact, _has_code, _Links, _url_key, eura_codes
from hankeverkko.loaders.tl5_list.outputs import (_PARTICIPLE_RE, _PRODUCED_RE, _TOOL_RE, _add_output, _clean_object,
                                                  _noun_phrase, _Ref)
from hankeverkko.loaders.tl5_list.table import _table_rows, table_header
from hankeverkko.loaders.tl5_list.theme import _TL_RE, _funders, _programme_name, _theme_name

__all__ = ["KIND", "DESCRIPTION", "score", "load"]


KIND = "tl5-list"
DESCRIPTION = ("ESR 2014–2020 TL 5 report: results prose and the list of funded projects "
               "('Toimenpidekokonaisuudesta rahoitettujen hankkeiden lista') with eura2014 links")


def score(lines: list[Line]) -> int:
    """Evidence for a TL5 list: its list heading, eura2014 project links, 'TL 5'."""
    text = "\n".join(ln.text for ln in lines)
    headings = len(LIST_HEADING_RE.findall(re.sub(r"\s+", " ", re.sub(r"(?<=\w)-[ \t]*\n\s*(?=[a-zåäö])", "", text))))
    codes = len(eura_codes(lines))
    if not headings and not codes:
        return 0
    tl = 1 if _TL_RE.search(text) else 0
    return 20 * min(headings, 2) + 3 * min(codes, 15) + 5 * tl


def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(path=source, kind=KIND, line_count=_line_count(lines))
    vocab = Vocabulary.of_lines(lines)
    links = _Links(lines)
    full_text = "\n".join(ln.text for ln in lines)
    flat = normalise_space(vocab.join(ln.text for ln in lines))

    start = _list_start(lines, vocab)
    prose_lines, list_lines = lines[:max(start, 0)], lines[start + 1:]

    programme = _programme_name(flat)
    theme = _theme_name(flat, lines[:60], vocab)
    years = re.search(r"Toteutusaika\s*((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})", flat)
    theme_rec = Theme(theme, Span(source, lines[start].no if start < len(lines) else 1,
                                  lines[start].no if start < len(lines) else 1),
                      programme=programme, kind="measure_package",
                      period=f"{years.group(1)}-{years.group(2)}" if years else None)
    if programme:
        doc.programmes.append(Programme(programme, theme_rec.span, period="2014–2020"
                                        if "2014" in programme else None))

    # --- the list
    seen_urls: set[str] = set()
    entries: list[list[Line]] = []
    cur: Optional[list[Line]] = None
    for ln in prose_lines:
        for tok in ln.text.split():
            if URL_RE.match(tok):
                seen_urls.add(_url_key(tok))
    furniture = running_furniture(lines)
    list_lines = [ln for ln in list_lines if ln.no not in furniture]
    # a table flattened one cell per line ('Koodi' / 'Hanke' / 'Toteuttaja' / 'Linkki', then the rows)
    head_at = next((i for i, ln in enumerate(list_lines[:8]) if table_header(list_lines, i)), None)
    table: list[tuple[list[Line], Optional[str], Optional[str]]] = []
    if head_at is not None:
        for row, text, code in _table_rows(list_lines[head_at:], table_header(list_lines, head_at), vocab, links,
                                           seen_urls):
            table.append((row, text, code))
        list_lines = []
    bullets = False       # a list may have no bullets: then each name line starts an entry
    unbulleted: set[int] = set()
    for ln in list_lines:
        t, s = ln.text, ln.text.strip()
        if is_noise(t):
            continue
        bare_url = bool(re.fullmatch(r"(?:https?://|www\.)\S+", s))
        broken = cur is not None and cur[-1].text.rstrip().endswith(("-", ",", ":", "–"))
        starts = (BULLET_RE.match(t) or _NUMBERED_ENTRY.match(t)) and len(s) > 2
        if not starts and not broken and not bare_url and not bullets and s[:1].isupper() and \
                (cur is None or _has_code(cur)):
            starts = True
            unbulleted.add(ln.no)
        elif starts:
            bullets = True
        if starts and not broken:
            if cur is not None:
                joined = _join_entry([e.text for e in cur], vocab, links)
                seen_urls.update(_url_key(u) for u in URL_RE.findall(joined))
            cur = [ln]
            entries.append(cur)
        elif broken:
            cur.append(ln)
        elif bare_url and _url_key(s) in seen_urls:
            doc.skipped.append(Skipped(source, ln.no, s, "link repeated by the PDF's page annotations"))
            continue
        elif cur is not None and (bare_url or not _has_code(cur)):
            cur.append(ln)
            # links of an entry, repaired across line breaks, count as printed
            joined = _join_entry([e.text for e in cur], vocab, links)
            seen_urls.update(_url_key(u) for u in URL_RE.findall(joined))
        else:
            cur = None
            code_like = bool(_CODE_RE.search(s) or re.search(r"\bhank|\bprojekt", s, re.I))
            doc.skipped.append(Skipped(source, ln.no, strip_contact_details(s),
                                       "text after a list entry that belongs to no entry", code_like))
            continue
        for tok in s.split():
            if URL_RE.match(tok):
                seen_urls.add(_url_key(tok))

    items: list[tuple[list[Line], Optional[str], Optional[str]]] = [(e, None, None) for e in entries] + table
    for entry, text, cell_code in items:
        if text is None:
            first = _NUMBERED_ENTRY.sub("", BULLET_RE.sub("", entry[0].text, count=1), count=1)
            parts = [first] + [e.text for e in entry[1:]]
            text = _join_entry(parts, vocab, links)
        span = Span(source, entry[0].no, entry[-1].no)
        urls = [u.rstrip(",.;)") for u in URL_RE.findall(text)]
        urls = ["http://" + u if u.casefold().startswith("www.") else u for u in urls]   # a scheme for 'www.x.fi'
        code_m = _CODE_RE.search(text) or _CODE_RE.search(_compact(entry))
        printed = _PRINTED_CODE_RE.search(text)
        code_m = code_m or printed
        first_url = URL_RE.search(text)
        name = text[:first_url.start()] if first_url else text
        if printed and printed.start() < len(name):
            name = (name[:printed.start()] + name[printed.end():]).strip()
        name = strip_contact_details(name).strip(" ,;–-")
        # 'Name, toteuttaja Alfa ry' / 'Name (päätoteuttaja: Alfa ry)': implementers stated in the entry
        implementers = []
        for m in _IMPLEMENTER_RE.finditer(text):
            role = {"pää": "main", "osa": "sub"}.get((m.group(1) or "").casefold(), "implementer")
            for org in re.split(r"\s*;\s*|\s+ja\s+(?=[A-ZÅÄÖ])", m.group(2)):
                org = nominative(org.strip(" .,"))
                if org and not URL_RE.match(org):
                    implementers.append((org, role))
        cut = _IMPLEMENTER_RE.search(name)
        if cut:
            name = name[:cut.start()].strip(" ,;–-(")
        # 'Name (ACR), Alfan ammattiopisto': an organisation after the acronym is the implementer
        om = re.match(r"^(.*\([^()]{2,14}\)),\s+([A-ZÅÄÖ][^,()]{2,80})$", name)
        if om and ORG_HEAD_RE.search(om.group(2).split()[-1]) and not implementers:
            implementers.append((nominative(om.group(2)), "implementer"))
            name = om.group(1)
        if not name:
            doc.skipped.append(Skipped(source, entry[0].no, strip_contact_details(text)[:200],
                                       "list entry without a project name", True))
            continue
        if entry[0].no in unbulleted and not urls:
            doc.skipped.append(Skipped(source, entry[0].no, strip_contact_details(text)[:200],
                                       "line in the project list with neither a EURA link nor a web address",
                                       True))
            continue
        doc.used_list_lines += len(entry)
        period = YEARS_RE.search(name)
        acronym, name = _acronym_and_name(name)
        kind = "coordination" if re.search(r"koordinaatio(?:hanke|hank|projekti)", text, re.I) else "single"
        p = Project(name, span, code=cell_code or (code_m.group(1) if code_m else None), acronym=acronym, kind=kind,
                    urls=list(dict.fromkeys(urls)), themes=[theme], programme=programme,
                    period=f"{period.group(1)}-{period.group(2)}" if period else None)
        for org, role in dict.fromkeys(implementers):
            p.participants.append(Participation(org, role, line=entry[0].no))
        doc.projects.append(p)

    # --- outputs and implementers from the prose
    refs = [_Ref(p) for p in doc.projects]
    for b in blocks(prose_lines, vocab):
        current: Optional[Project] = None
        for sent in sentences(b.text, ends=".?"):
            hits = [(pos, r.project) for r in refs if (pos := r.find(sent)) is not None]
            if hits:
                current = min(hits, key=lambda h: h[0])[1]
                if re.search(r"\b\w+-koordinaatiohank", sent) and current.acronym and \
                        re.search(re.escape(current.acronym) + r"\s?-koordinaatiohank", sent):
                    current.kind = "coordination"
            elif not re.search(r"\b[Hh]ank(?:e|keessa|keen|kkeen|ke)\b", sent):
                continue
            if current is None:
                continue
            def owner(pos: int) -> Project:
                before = [(hp, hproj) for hp, hproj in hits if hp <= pos]
                return max(before, key=lambda h: h[0])[1] if before else current

            m = _PRODUCED_RE.search(sent)
            if m:
                present = m.group(0).startswith("kehitetään")
                for o in _clean_object(m.group(1)):
                    if not present or _TOOL_RE.search(o):
                        _add_output(owner(m.start()), o)
            for m in _PARTICIPLE_RE.finditer(sent):
                np = _noun_phrase(m.group(1))
                if np:
                    _add_output(owner(m.start()), np)
            for m in re.finditer(r"\b(pää|osa)?toteuttaja(?:na|ina|t)?\s+(?:on|ovat|toimii|toimivat)\s+"
                                 r"([A-ZÅÄÖ][^,.;()]+)", sent):
                role = {"pää": "main", "osa": "sub"}.get((m.group(1) or "").casefold(), "implementer")
                org = nominative(m.group(2))
                if org not in {x.organisation for x in current.participants}:
                    current.participants.append(Participation(org, role, line=b.first))

    # --- the theme, its funder and coordination projects
    theme_rec.coordination_projects = [p.code or p.name for p in doc.projects if p.kind == "coordination"]
    for abbr, full, role in _funders(full_text):
        line = next((ln.no for ln in lines if re.search(rf"\b{abbr}\b", ln.text) and "rahoitta" in ln.text), 1)
        span = Span(source, line, line)
        theme_rec.ministries.append(full)
        doc.organisations.append(OrgMention(abbr, span, expanded=full, role=role))
        for p in doc.projects:
            doc.relations.append(Relation(full, "organisation", "funds", p.name, "project", span, detail=role))
    doc.themes.append(theme_rec)
    return scrub_contacts(doc)
