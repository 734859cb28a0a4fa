"""The project-plan loader: ``score`` (is this a plan?) and ``load`` (the plan's
project, participants, measure packages, period, cost and programme, and the
projects it names with how it relates to them).
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.project_plan.fields import FORM_LABELS, cell_after, plan_title
from hankeverkko.loaders.project_plan.measure_packages import measure_packages_applied
from hankeverkko.loaders.project_plan.mentions import project_key
from hankeverkko.loaders.project_plan.participants import (ADMIN_RES, GENERIC, PILOT_RE, PARTNER_INTRO_RE, PARTNER_RE,
                                                           list_items, names_from, partner_table)
from hankeverkko.loaders.project_plan.related import related_projects
from hankeverkko.loaders.project_plan.related_table import table_projects
from hankeverkko.loaders.prose import YEARS_RE, Block, Vocabulary, acronym_matches, blocks, nominative, running_furniture, sentences
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.records import OrgMention, Participation, Project, Relation, SourceDocument, Span
from hankeverkko.loaders.reference import expand_abbreviation
from hankeverkko.loaders.text import Line, parse_euros, parse_period, strip_contact_details

__all__ = ["KIND", "DESCRIPTION", "score", "load"]

KIND = "project-plan"
DESCRIPTION = ("project plan (hankesuunnitelma): the applying project, its administrator, pilots, partners, "
               "steering group, measure packages applied for and related projects")

#: a section heading of a plan: '2. Hankkeen tavoitteet ja toimenpiteet', '7.2. Hankkeen kattavuus'
_SECTION_RE = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+Hankkeen[ \t]+[\wåäöÅÄÖ][\wåäöÅÄÖ ,–-]{0,60}?"
                         r"(?<![,.:;])[ \t]*$", re.M)


# ----------------------------------------------------------------- scoring

def score(lines: list[Line]) -> int:
    """Evidence for a project plan: 'Hankkeen ...' sections, administrator, pilots, self-reference."""
    text = "\n".join(ln.text for ln in lines)
    sections = len(_SECTION_RE.findall(text))
    admin = bool(re.search(r"[Hh]ankehallinnoija(?:na)?\s+(?:toimii|on|eli)|hallinnoijana\s+toimii\s+[A-ZÅÄÖ]",
                           re.sub(r"\s+", " ", text)))
    if sections < 3 and not admin:
        return 0
    pilots = bool(PILOT_RE.search(text))
    self_refs = len(re.findall(r"\b(?:[Tt]ässä|[Tt]ämän|[Tt]ämä)\s+hank", text))
    measures = len(re.findall(r"^\s*Toimenpide\s+\d+\s*:", text, re.M))
    return 4 * min(sections, 8) + 10 * admin + 5 * pilots + min(self_refs, 10) + min(measures, 10)


# ----------------------------------------------------------------- load

def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(path=source, kind=KIND, line_count=_line_count(lines))
    furniture = running_furniture(lines)
    lines = [Line(ln.no, "") if ln.no in furniture else ln for ln in lines]
    vocab = Vocabulary.of_lines(lines)
    bs = blocks(lines, vocab)
    sents: list[tuple[Block, str]] = [(b, s) for b in bs for s in sentences(b.text, ends=".?")]
    first_line = next((ln.no for ln in lines if ln.text.strip()), 1)

    # --- administrator
    admin: Optional[tuple[str, Optional[str], int]] = None
    for b, s in sents:
        for rx in ADMIN_RES:
            m = rx.search(s)
            if m and not GENERIC.match(m.group("org")):
                admin = (nominative(m.group("org")), m.group("acr"), b.first)
                break
        if admin:
            break

    title = plan_title(lines)
    doc.title = title
    acronym = None
    if title:
        am = re.search(r"\s*\(([A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})\)\s*$", title)
        if am:
            acronym, title = am.group(1), title[:am.start()].strip()
    if acronym is None:
        cell = cell_after(lines, r"(?:hankkeen\s+)?lyhenne|akronyymi")
        if cell and re.fullmatch(r"[A-ZÅÄÖ][\wÅÄÖåäö-]{1,12}", cell[0]):
            acronym = cell[0]
    name = title or (f"Hankesuunnitelma ({admin[0]})" if admin else f"Hankesuunnitelma ({source})")
    last = lines[-1].no if lines else 1
    plan = Project(name, Span(source, first_line, max(first_line, last)), acronym=acronym, kind="single")
    doc.projects.append(plan)

    participants: list[Participation] = []
    known_orgs: dict[str, str] = {}      # acronym -> full name, as the plan defines them

    def add(org: str, role: str, line: int, acr: Optional[str] = None):
        org = strip_contact_details(org).strip(" ,.;")
        if not org or any(p.organisation == org and p.role == role for p in participants):
            return
        if role == "main" and any(p.organisation == org and p.role == "administrator" for p in participants):
            return
        participants.append(Participation(org, role, line=line))
        if acr and acr != org:
            known_orgs[acr] = org
            if not any(o.name == acr for o in doc.organisations):
                doc.organisations.append(OrgMention(acr, Span(source, line, line), expanded=org))

    if admin is None:
        cell = cell_after(lines, FORM_LABELS["administrator"])
        if cell:
            admin = (nominative(cell[0]), None, cell[1])
    if admin:
        add(admin[0], "administrator", admin[2], admin[1])
    elif cell_after(lines, FORM_LABELS["applicant"]):
        cell = cell_after(lines, FORM_LABELS["applicant"])
        add(nominative(cell[0]), "applicant", cell[1])
    else:
        for b, s in sents:
            m = re.search(r"\bHakija(?:organisaatio)?(?:na\s+toimii|\s*:)\s*(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*"
                          r"(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)", s)
            if m:
                add(nominative(m.group("org")), "applicant", b.first, m.group("acr"))
                break

    # the plan's own implementers, in blocks that are not about another project
    rps = related_projects(bs)
    for tp in table_projects(lines):
        if not any(project_key(r.name) == tp.key or r.acronym and project_key(r.acronym) == tp.key for r in rps):
            tp.kind = "builds_on"
            rps.append(tp)
    # the plan itself is not related to itself ('ALFA-hankkeessa' in the ALFA plan)
    own = {project_key(x) for x in (title, acronym) if x}
    if title:
        am = re.search(r"\(([A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})\)\s*$", title)
        if am:
            own |= {project_key(am.group(1)), project_key(title[:am.start()])}
    rps = [r for r in rps if r.key not in own and not (r.acronym and project_key(r.acronym) in own)]
    others = [k for rp in rps for k in (rp.acronym, rp.name[:12]) if k]
    for b, s in sents:
        if any(k.casefold() in b.text.casefold() for k in others):
            continue
        m = re.search(r"\b(?P<kind>pää|osa)?toteuttaj\w*\s*(?:(?:ovat|on|toimivat|toimii)\s+|:\s*)"
                      r"(?P<list>[A-ZÅÄÖ][^.;]+)", s, re.I)
        if m and m.group("list")[:1].isupper():
            role = {"pää": "main", "osa": "sub"}.get((m.group("kind") or "").casefold(), "implementer")
            for org, acr in names_from(m.group("list")):
                add(org, role, b.first, acr)

    for b, s in sents:
        # --- pilots
        pm = PILOT_RE.search(s)
        if pm:
            rest = s[pm.end():]
            for org, acr in names_from(re.sub(r"^\s*(?:ovat|on|ovat\s+\w+|:)\s*", "", rest)):
                add(org, "pilot", b.first, acr)
        # --- partners
        km = PARTNER_RE.search(s)
        if km:
            for org, acr in names_from(km.group("list")):
                add(org, "partner", b.first, acr)

    for k, b in enumerate(bs):
        if b.kind != "item" and PARTNER_INTRO_RE.search(b.text):
            for item in bs[k + 1:]:
                if item.kind != "item":
                    break
                head = re.split(r":\s|\s[–-]\s", item.text, maxsplit=1)[0]
                for org, acr in names_from(head):
                    add(org, "partner", item.first, acr)

    for k, b in enumerate(bs):
        if b.kind == "item" or not b.text.rstrip().endswith(":"):
            continue
        role = "pilot" if PILOT_RE.search(b.text) else "steering" if re.search(r"ohjausryhm", b.text, re.I) \
            else None
        if role is None:
            continue
        for item in list_items(bs[k + 1:]):
            if role == "steering":      # 'titteli Etu Suku, Alfan kunta (pj)': the organisation after the person
                segs = [x.strip() for x in re.split(r",\s+", re.sub(r"\s*\([^)]*\)\s*$", "", item.text))]
                item_text = ", ".join(segs[1:]) if len(segs) > 1 and segs[0][:1].islower() else ""
            else:
                item_text = item.text
            for org, acr in names_from(item_text):
                add(org, role, item.first, acr)
    for org, no in partner_table(lines):
        add(nominative(org), "partner", no)

    # --- steering group: the sentences that set it up or list its members
    for b, s in sents:
        if not re.search(r"ohjausryhm", s, re.I):
            continue
        parts = []
        em = re.search(r"edustaj\w*\s+(?:ovat\s+|on\s+)?(?P<list>[^()]+)", s)
        if em:
            parts.append(em.group("list"))
        jm = re.search(r"ohjausryhm\w*\s+(?:kuuluvat|ovat|jäseninä\s+ovat|jäsenet\s+ovat)\s+(?P<list>[^()]+)", s)
        if jm:
            parts.append(jm.group("list"))
        if parts:
            parts += re.findall(r"\(([^()]+)\)", s)
        for part in parts:
            for org, acr in names_from(part):
                add(org, "steering", b.first, acr)

    # abbreviations the plan uses for organisations it names in full ('ESSHP')
    full_names = {p.organisation for p in participants if " " in p.organisation}
    for p in list(participants):
        if " " not in p.organisation and p.organisation.isupper() and p.organisation not in known_orgs:
            full = expand_abbreviation(p.organisation) or next(
                (f for f in full_names if acronym_matches(p.organisation, f)), None)
            if full:
                known_orgs[p.organisation] = full
                doc.organisations.append(OrgMention(p.organisation, Span(source, p.line or first_line,
                                                                         p.line or first_line), expanded=full))
    plan.participants = participants

    # --- measure packages applied for, goals, period, cost
    for b, s in sents:
        pk = measure_packages_applied(s)
        if pk:
            plan.themes = pk
            break
    goals = next((i for i, (b, s) in enumerate(sents) if re.search(r"päätavoit\w*\s+(?:on|ovat)", s)), None)
    if goals is not None:
        b0 = sents[goals][0]
        desc = [sents[goals][1]]
        for b in bs[bs.index(b0) + 1:]:
            if b.kind != "item" or len(desc) > 6:
                break
            desc.append(b.text)
        plan.description = " ".join(desc)[:800]
    for b, s in sents:
        if re.search(r"[Hh]anke(?:aika|en\s+kesto|\s+toteutetaan\s+ajalla)|toteutusaika", s):
            start, end = parse_period(s)
            if start:
                plan.start, plan.end = start, end
                break
    for b, s in sents:
        if re.search(r"kokonaiskustannu\w*\s+(?:on|ovat|ovat\s+yhteensä)\s+\d", s):
            plan.cost_estimate = parse_euros(s)
            break

    if plan.start is None:
        cell = cell_after(lines, r"toteutusaika|hankeaika|hankkeen\s+kesto|kesto", digits=True)
        if cell:
            plan.start, plan.end = parse_period(cell[0])
    cell = cell_after(lines, r"haettava\s+ohjelma|ohjelma|rahoitusohjelma")
    if cell and YEARS_RE.search(cell[0]):
        plan.programme = YEARS_RE.sub(lambda m: f"{m.group(1)}–{m.group(2)}", cell[0])
    if not plan.programme:      # a header line naming the programme and its period
        for ln in [ln for ln in lines if ln.text.strip()][:12]:
            m = re.fullmatch(r"\s*([A-ZÅÄÖ][\wåäö -]{2,80}?ohjelma)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\s*",
                             ln.text)
            if m:
                plan.programme = f"{m.group(1)} {m.group(2)}–{m.group(3)}"
                break
    # the programme, where the plan names it with its period
    for b, s in sents:
        if plan.programme:
            break
        if re.search(r"haetaan|hakemus|rahoitus|avustus", s, re.I):
            m = re.search(r"\b([A-ZÅÄÖ][\wåäö-]*ohjelma)(?:n|an|ssa|sta|aan)?\s+((?:19|20)\d{2})\s*[-–]\s*"
                          r"((?:19|20)\d{2})", s)
            if m:
                plan.programme = f"{m.group(1)} {m.group(2)}–{m.group(3)}"
                break

    # --- related projects
    for rp in rps:
        span = Span(source, rp.first, rp.last)
        p = Project(rp.name, span, code=rp.code, acronym=rp.acronym, kind="single", period=rp.period,
                    description=f"“{rp.title}”" if rp.title else None)
        for org, role in rp.implementers:
            p.participants.append(Participation(org, role, line=rp.first))
        doc.projects.append(p)
        doc.relations.append(Relation(plan.name, "project", "related_project", p.name, "project", span,
                                      detail=rp.kind))
    return scrub_contacts(doc)
