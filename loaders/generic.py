"""Generic reader: the fallback for text of no specific kind (newsletters, web pages,
reports).  It keeps only what the text states plainly:

* project codes of every period (shapes in ``data/project_codes.csv``); a project
  is named by its code only — a page title, site name or heading never becomes one;
* Y-tunnus printed with a name, when the check digit holds (else a skipped note);
* organisation names it can type: ending in a head word or legal form of the data files;
* table rows of projects ('S21901  Name  Alfalan kaupunki  250 000 €'): a cell that is
  wholly an organisation's name implements the row's project (evidence ``list``);
* participations printed as labelled fields ('Päätoteuttaja: X', 'Osatoteuttajat: Y ja Z',
  'Kumppanit:', 'Rahoittaja:'; :mod:`loaders.labelled`), tied to the code printed above them;
* participations stated with a cue phrase (:mod:`loaders.statements`), tied to the
  code in the same sentence or, failing that, the last code earlier in the paragraph.
  A statement with no code to tie it to is recorded as skipped.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.anaphora import anaphor, named_projects, sections
from hankeverkko.loaders.ids import BUSINESS_ID_RE, business_id_valid, project_codes
from hankeverkko.loaders.labelled import labelled_fields
from hankeverkko.loaders.prose import blocks, line_count, nominative, sentences
from hankeverkko.loaders.records import Participation, Project, Relation, Skipped, SourceDocument, Span
from hankeverkko.loaders.reference import head_words, legal_forms
from hankeverkko.loaders.stated import add_statements, checked_business_id, is_heading_like, mention
from hankeverkko.loaders.statements import _CUE_RE, define_abbreviations, is_head_token, read_sentence
from hankeverkko.loaders.text import Line, normalise_space

__all__ = ["KIND", "DESCRIPTION", "score", "load", "typed_names"]

KIND = "generic"
DESCRIPTION = ("any other text (fallback): project codes, valid Y-tunnus, typed organisation names and "
               "participations printed as labelled fields or stated with cue phrases, nothing else")

#: a 'Hankekoodi: S39001' line, and any short 'Label: value' field line
_CODE_FIELD_RE = re.compile(r"^\s*(?:hankekoodi|projektikoodi|hanketunnus)\s*:", re.I)
_FIELD_LINE_RE = re.compile(r"^\s*[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö -]{1,40}:\s*\S")
_BID_WITH_NAME_RE = re.compile(r"\(\s*Y-tunnus\s*:?\s*(" + BUSINESS_ID_RE.pattern + r")\s*\)|"
                               r"\bY-tunnus\s*:?\s*(" + BUSINESS_ID_RE.pattern + r")")


def score(lines: list[Line]) -> int:
    """A small constant when the text holds anything this reader keeps, else 0."""
    text = "\n".join(ln.text for ln in lines[:2000])
    if project_codes(text) or _CUE_RE.search(text) or any(
            business_id_valid(m.group(1)) for m in BUSINESS_ID_RE.finditer(text)):
        return 1
    return 0


def _typed_heads() -> tuple[str, ...]:
    words = {h.word.casefold() for h in head_words() if h.type} | \
            {f.form.casefold() for f in legal_forms() if f.match == "word"}
    return tuple(sorted(words, key=len, reverse=True))


def typed_names(text: str) -> list[str]:
    """Organisation names ending in a typed head word or a legal form, in the nominative.

    >>> typed_names("Hanketta rahoittaa Kappan liitto yhdessä Lambdan Apu Oy:n kanssa; tem.fi kertoo.")
    ['Kappan liitto', 'Lambdan Apu Oy']
    """
    heads = _typed_heads()
    abbrevs = {f.form.casefold() for f in legal_forms() if f.match == "abbrev"}
    toks = text.split()
    out: list[str] = []
    for j, tok in enumerate(toks):
        bare = re.sub(r":[a-zåäö]{1,4}$", "", tok.strip("()[],;:.!?\"'”"))
        low = bare.casefold()
        legal = low in abbrevs
        if not legal and not any(nominative(bare).casefold().endswith(h) for h in heads):
            continue
        if not legal and j + 1 < len(toks) and toks[j + 1].strip(",.;:").casefold().split(":")[0] in abbrevs:
            continue                                  # the legal form that follows ends the name
        k = j

        def joins(tok: str) -> bool:    # a word of the name: capitalised, or (before a legal form) its head word
            if re.search(r"[.,;:!?]$", tok):
                return False
            return tok[:1].isupper() or (legal and any(nominative(tok).casefold().endswith(h) for h in heads))
        while k > 0 and j - k < 3 and joins(toks[k - 1]):
            k -= 1
        if k == j and not bare[:1].isupper():
            continue
        if legal and k == j:
            continue
        words = [t.strip("()[],;:\"'”") for t in toks[k:j]] + [bare]
        name = nominative(" ".join(words))
        if name and name not in out and name[:1].isupper() and (k < j or is_head_token(bare)):
            out.append(name)
    return out


def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(source, KIND, line_count=line_count(lines))
    first = next((ln for ln in lines if ln.text.strip()), None)
    doc.title = normalise_space(first.text) if first else None
    projects: dict[str, Project] = {}
    for ln in lines:
        for hit in project_codes(ln.text):
            if hit.code not in projects:
                p = Project(hit.code, Span(source, ln.no, ln.no), code=hit.code)
                p.fund = hit.shape.fund or None
                p.period = hit.shape.period or None
                projects[hit.code] = p
    for ln in lines:
        if is_heading_like(ln.text):
            continue                        # a title or heading names no organisation
        for name in typed_names(ln.text):
            mention(doc, name, ln.no)
        for m in _BID_WITH_NAME_RE.finditer(ln.text):
            raw = next(g for g in m.groups() if g)
            if not business_id_valid(raw):
                checked_business_id(doc, raw, ln.no, ln.text)
    fields_read = _fields(doc, lines, projects) | _table_rows(doc, lines, projects)
    _tie_statements(doc, lines, projects)
    doc.skipped = [s for s in doc.skipped if s.line not in fields_read]    # read as a field instead
    doc.projects = list(projects.values())
    return doc


_CELL_SPLIT_RE = re.compile(r"\s{2,}|\t|\s\|\s")
_MONEY_RE = re.compile(r"^[\d\s.,]+\s*(?:€|e|eur|euroa)?$", re.I)


def _org_cell(cell: str) -> bool:
    """A table cell that is wholly an organisation's name: of a typed kind, or
    capitalised words ending in a legal form ('Deltan kehitys Oy')."""
    if typed_names(cell) == [cell]:
        return True
    words = cell.split()
    abbrevs = {f.form.casefold() for f in legal_forms() if f.match == "abbrev"}
    return 2 <= len(words) <= 6 and words[0][:1].isupper() and words[-1].casefold() in abbrevs


def _table_rows(doc: SourceDocument, lines: list[Line], projects: dict[str, Project]) -> set[int]:
    """Rows of a table of projects ('S21901  Name  Alfalan kaupunki  250 000 €'):
    a line with one project code and cells split by column gaps; a cell that is
    wholly an organisation name of a typed kind implements the project (evidence
    ``list``), the first other text cell after the code names it."""
    read: set[int] = set()
    for ln in lines:
        codes = project_codes(ln.text)
        if len(codes) != 1 or _CUE_RE.search(ln.text):
            continue
        cells = [c.strip(" ,;") for c in _CELL_SPLIT_RE.split(ln.text.strip()) if c.strip(" ,;")]
        if len(cells) < 2:
            continue
        code = codes[0].code
        orgs = [c for c in cells if c != code and _org_cell(c)]
        if not orgs:
            continue
        project = projects[code]
        read.add(ln.no)
        doc.used_list_lines += 1
        if project.name == project.code:
            named = next((c for c in cells if c != code and c not in orgs and not _MONEY_RE.match(c)), None)
            if named:
                project.name = re.sub(r"\s*-\s*hanke$", "", named)
        for name in orgs:
            mention(doc, name, ln.no)
            if not any(x.organisation == name for x in project.participants):
                project.participants.append(Participation(name, "implementer", line=ln.no, evidence="list"))
    return read


def _fields(doc: SourceDocument, lines: list[Line], projects: dict[str, Project]) -> set[int]:
    """Participations printed as labelled fields ('Päätoteuttaja: X'), tied to the
    code printed above them or the page's only project; the lines read."""
    only = next(iter(projects)) if len(projects) == 1 else None
    read: set[int] = set()
    for f in labelled_fields(lines):
        code = f.code if f.code in projects else only
        if code is None:
            doc.skipped.append(Skipped(doc.path, f.line, ", ".join(f.names)[:200],
                                       "labelled field without a project code to tie it to",
                                       looks_like_entry=True))
            continue
        project = projects[code]
        read.add(f.line)
        if f.role == "name":
            if project.name == project.code:
                project.name = f.names[0]
            continue
        for name in f.names:
            mention(doc, name, f.line)
            if f.role == "funder":
                doc.relations.append(Relation(name, "organisation", "funds", code, "project",
                                              Span(doc.path, f.line, f.line)))
            elif not any(x.organisation == name for x in project.participants):
                project.participants.append(Participation(name, f.role, line=f.line, evidence="card_field"))
    return read


def _code_for(st, codes) -> Optional[str]:
    """The code a statement is about among the codes of its sentence: the object after
    the verb when the organisation is the subject, else the last code before the cue,
    else the first after it."""
    if len(codes) == 1:
        return codes[0].code
    if st.subject:
        after = [c for c in codes if c.start > st.at]
        if after:
            return after[0].code
    before = [c for c in codes if c.start < st.at]
    return (before[-1] if before else codes[0]).code


def _tie_statements(doc: SourceDocument, lines: list[Line], projects: dict[str, Project]) -> None:
    """Tie each cue statement to a project: a code in its sentence; else, when the
    sentence refers back ('Hanketta', 'Sitä') or stays in the paragraph, the project
    named last in the same section (never across a heading, masthead or navigation
    line) or the document's only project; 'Hankkeita' ties to every project of the
    section.  Names printed with codes become the projects' names."""
    text = "\n".join(ln.text for ln in lines)
    abbreviations = define_abbreviations(" ".join(text.split()))
    only = next(iter(projects)) if len(projects) == 1 else None
    carried: list[str] = []         # the code of a 'Hankekoodi: X' field line above this section
    for run, furniture in sections(lines):
        if furniture:
            codes_here = [c.code for ln in run if _CODE_FIELD_RE.match(ln.text) for c in project_codes(ln.text)]
            if codes_here:
                carried = codes_here[-1:]
            elif not any(_FIELD_LINE_RE.match(ln.text) for ln in run if ln.text.strip()):
                carried = []        # a heading: the next story starts
            continue
        named: list[str] = list(carried)          # codes named in this section, in order
        for block in blocks(run):
            in_block = False
            for sentence in sentences(block.text):
                codes = project_codes(sentence)
                for code, name in named_projects(sentence):
                    p = projects.get(code)
                    if p is not None and p.name == p.code:
                        p.name = name
                found = read_sentence(sentence, abbreviations)
                if found:
                    no = _line_of(lines, block, found[0])
                    ref = anaphor(sentence)
                    if codes:
                        groups: dict[str, list] = {}
                        for st in found:
                            groups.setdefault(_code_for(st, codes), []).append(st)
                    elif ref == "all" and named:
                        groups = {c: found for c in named}
                    elif named and (in_block or ref):
                        groups = {named[-1]: found}
                    elif only and ref:
                        groups = {only: found}
                    else:
                        doc.skipped.append(Skipped(doc.path, no, normalise_space(sentence)[:200],
                                                   "participation stated without a project code to tie it to",
                                                   looks_like_entry=True))
                        groups = {}
                    for code, sts in groups.items():
                        add_statements(doc, projects[code].participants, code, sts, no)
                for c in codes:
                    if c.code in named:
                        named.remove(c.code)
                    named.append(c.code)
                    in_block = True


def _line_of(lines: list[Line], block, st) -> int:
    word = (st.printed or st.organisation).split()[0]
    return next((ln.no for ln in lines if block.first <= ln.no <= block.last and word in ln.text), block.first)
