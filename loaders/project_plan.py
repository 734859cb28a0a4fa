"""Project plans (hankesuunnitelma): one project's application to a programme.

A plan describes the applying project: its administrator (hankehallinnoija),
pilot municipalities, partners, steering group, the programme's measure
packages it applies for, and earlier or parallel projects it builds on or
co-operates with (see :mod:`loaders.plan_relations`).

Yields the plan's :class:`~loaders.records.Project` with participants
(roles ``administrator``, ``pilot``, ``partner``, ``steering``) and
``themes`` = the measure packages applied for, named as a programme guide
names them; each related project as its own Project with its implementers
and years; and ``Relation(plan, "related_project", other, detail=kind)``.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.plan_relations import _key, related_projects, table_projects
from hankeverkko.loaders.prose import (YEARS_RE, Block, Vocabulary, acronym_matches, blocks, nominative, running_furniture, sentences,
                    split_names)
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.records import OrgMention, Participation, Project, Relation, SourceDocument, Span
from hankeverkko.loaders.reference import expand_abbreviation
from hankeverkko.loaders.text import Line, is_noise, normalise_space, parse_euros, parse_period, strip_contact_details

__all__ = ["KIND", "DESCRIPTION", "score", "load", "measure_packages_applied"]

KIND = "project-plan"
DESCRIPTION = ("project plan (hankesuunnitelma): the applying project, its administrator, pilots, partners, "
               "steering group, measure packages applied for and related projects")

#: a section heading of a plan: '2. Hankkeen tavoitteet ja toimenpiteet', '7.2. Hankkeen kattavuus'
_SECTION_RE = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+Hankkeen[ \t]+[\wåäöÅÄÖ][\wåäöÅÄÖ ,–-]{0,60}?"
                         r"(?<![,.:;])[ \t]*$", re.M)
_ADMIN_RES = [
    re.compile(r"(?:[Hh]ankehallinnoija(?:na)?|[Hh]ankkeen\s+hallinnoija(?:na)?)(?:\s+ja\s+\w+)?\s+(?:toimii|on)\s+"
               r"(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"[Hh]allinnoija(?:na)?\s+eli\s+(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"[Hh]allinnoija\s*:\s*(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"^(?P<org>[A-ZÅÄÖ][^.;()]{2,80}?)\s*(?:\((?P<acr>[^)]+)\))?\s+(?:toimii\s+)?hankkeen\s+"
               r"(?:hallinnoijana|päätoteuttajana)"),
]
#: the words that introduce pilots: 'Pilottikunniksi ovat lupautuneet', 'Pilottialueina toimivat',
#: 'pilottikunnat ovat', 'Pilottikunnat:' (not 'edustajat pilottikunnista')
_PILOT_RE = re.compile(r"pilotti(?:kun|alue|organisaatio)\w*?(?:iksi|ksi|ina|inä|na|nä|(?:t|et)(?=\s*(?::|ovat\b|on\b|"
                       r"toimivat\b)))\b|pilotoivat\s+kunnat", re.I)
_PARTNER_RE = re.compile(r"(?:yhteistyö)?kumppan\w*\s+(?:[a-zåäö]\w*\s+){0,2}?(?:toimi\w*|ovat|on)\s+"
                         r"(?P<list>[A-ZÅÄÖ].+?)\.?$")
#: a list of partners introduced by a line ending in a colon: 'Hankkeen yhteistyökumppanit ja niiden roolit:'
_PARTNER_INTRO_RE = re.compile(r"(?:yhteistyö)?kumppan\w*[^.]*:$", re.I)
#: a table cell label and the cell under it: 'Hankkeen nimi' / 'Alfa-hanke (ALFA)'
_LABELS = {"title": r"hankkeen\s+nimi|projektin\s+nimi|hanke", "applicant": r"hakija(?:organisaatio)?",
           "administrator": r"hallinnoija|hankehallinnoija|hallinnoiva\s+organisaatio"}
_APPLY_RE = re.compile(r"(?:(?:rahoitusta|avustusta|hankerahoitusta|rahoitus)\s+haetaan|"
                       r"haetaan\s+(?:rahoitusta|avustusta|hankerahoitusta))\s+(?P<what>.+?)\s?[-–]\s?"
                       r"toimenpidekokonaisuu\w*", re.I)
_GENERIC = re.compile(r"^(?:[a-zåäö]|muut\b|Muut\b)")


# ----------------------------------------------------------------- scoring

def score(lines: list[Line]) -> int:
    """Evidence for a project plan: 'Hankkeen ...' sections, administrator, pilots, self-reference."""
    text = "\n".join(ln.text for ln in lines)
    sections = len(_SECTION_RE.findall(text))
    admin = bool(re.search(r"[Hh]ankehallinnoija(?:na)?\s+(?:toimii|on|eli)|hallinnoijana\s+toimii\s+[A-ZÅÄÖ]",
                           re.sub(r"\s+", " ", text)))
    if sections < 3 and not admin:
        return 0
    pilots = bool(_PILOT_RE.search(text))
    self_refs = len(re.findall(r"\b(?:[Tt]ässä|[Tt]ämän|[Tt]ämä)\s+hank", text))
    measures = len(re.findall(r"^\s*Toimenpide\s+\d+\s*:", text, re.M))
    return 4 * min(sections, 8) + 10 * admin + 5 * pilots + min(self_refs, 10) + min(measures, 10)


# ----------------------------------------------------------------- helpers

def measure_packages_applied(text: str) -> list[str]:
    """Names of the measure packages a plan applies for, in the guide's spelling.

    Dash spacing is repaired ('sosiaali –ja' -> 'sosiaali- ja') and the first
    letter capitalised, as a guide names its packages.

    >>> measure_packages_applied("Hankerahoitusta haetaan alfan tuki osaksi beetan –ja gamman "
    ...                          "keskusta sekä deltan menetelmät -toimenpidekokonaisuuksiin.")
    ['Alfan tuki osaksi beetan- ja gamman keskusta', 'Deltan menetelmät']
    >>> measure_packages_applied("Hanke kohdistuu toimenpidekokonaisuuksiin A (Alfan tuki) ja B (beetan työ).")
    ['Alfan tuki', 'Beetan työ']
    """
    m = _APPLY_RE.search(normalise_space(text))
    if not m:
        # 'kohdistuu toimenpidekokonaisuuksiin A (Alfan tuki) ja B (Beetan menetelmät)'
        lm = re.search(r"toimenpidekokonaisuu\w*\s+((?:(?:[A-H]|\d{1,2}|I{1,3}|IV)\s*\([^()]{4,120}\)"
                       r"(?:\s*,\s*|\s+ja\s+|\s+sekä\s+)?)+)", normalise_space(text))
        if not lm:
            return []
        return [x[:1].upper() + x[1:] for x in re.findall(r"\(([^()]{4,120})\)", lm.group(1))]
    what = re.sub(r"(\w)\s+[–-]\s*(ja|tai)\b", r"\1- \2", m.group("what"))
    out = []
    for part in re.split(r"\s+sekä\s+|,\s+|\s+ja\s+(?=[A-ZÅÄÖ])", what):
        part = part.strip(" .")
        if len(part) >= 4:
            out.append(part[:1].upper() + part[1:])
    return out


def _names_from(text: str) -> list[tuple[str, Optional[str]]]:
    """(name, acronym) of the organisations in a printed list; generic nouns dropped."""
    out = []
    items = []
    for item in split_names(text):
        # 'Alfan kaupungista ja muista toimijoista': a case-inflected name, then generic words
        items += re.split(r"(?<=sta|stä|lta|ltä)\s+ja\s+(?=[a-zåäö])", item)
    for item in items:
        item = re.sub(r"^(?:esim\.|mm\.|kuten)\s*", "", item).strip(" .;:")
        acr = None
        m = re.search(r"\s*\(([^)]*)\)\s*$", item)
        if m:
            inner = m.group(1).strip()
            if re.fullmatch(r"[A-ZÅÄÖ][\wÅÄÖåäö-]{1,10}", inner):
                acr = inner
            item = item[:m.start()].strip()
        item = re.sub(r"\s*\([^)]*\)", "", item).strip()
        # leading verbs/adverbs before the name: 'ovat alustavasti lupautuneet Alfan kunta'
        item = re.sub(r"^(?:[a-zåäö][\wåäö-]*\s+)+(?=[A-ZÅÄÖ])", "", item)
        if not item or _GENERIC.match(item) or len(item.split()) > 8:
            continue
        out.append((nominative(item), acr))
    return out


def _cell_after(lines: list[Line], label: str, digits: bool = False) -> Optional[tuple[str, int]]:
    """The value printed under a form label on its own line ('Hakija' / 'Alfan kunta')."""
    content = [ln for ln in lines[:60] if ln.text.strip()]
    for ln in content:          # 'Label: value' on one line
        m = re.fullmatch(rf"\s*(?:{label})\s*:\s*(\S.*?)\s*", ln.text, re.I)
        if m and 1 < len(m.group(1)) < 150 and (digits or not re.match(r"^\d", m.group(1))):
            return normalise_space(m.group(1)), ln.no
    for i, ln in enumerate(content[:-1]):
        if re.fullmatch(rf"\s*(?:{label})\s*:?\s*", ln.text, re.I):
            value = normalise_space(content[i + 1].text)
            if 2 < len(value) < 150 and (digits or not re.match(r"^\d", value)) and not value.endswith((".", ",")):
                return value, content[i + 1].no
    return None


def _title(lines: list[Line]) -> Optional[str]:
    cell = _cell_after(lines, _LABELS["title"])
    if cell:
        return cell[0]
    for ln in lines[:40]:
        m = re.match(r"^\s*(?:Hankkeen\s+nimi|Hanke|Hankesuunnitelma|Projektin\s+nimi)\s*[:–-]\s*(\S.{2,150})$",
                     ln.text)
        if m:
            return normalise_space(m.group(1))
    first = next((ln for ln in lines if not is_noise(ln.text)), None)
    if first and not re.match(r"^\s*\d", first.text) and len(first.text.strip()) < 120 and \
            not first.text.strip().endswith((".", ",")):
        t = normalise_space(first.text)
        t = re.sub(r"^(?:hankesuunnitelma|projektisuunnitelma)\s*[:–-]?\s*", "", t, flags=re.I)
        return t or None
    return None


_NUMBERED_ITEM_RE = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def _list_items(following: list[Block]) -> list[Block]:
    """The bulleted or numbered items that follow an introduction ending in a colon
    ('Hankkeen pilottikunnat ovat:' / '1. Alfan kunta' / '2. Beetan kaupunki')."""
    out = []
    for b in following:
        numbered = _NUMBERED_ITEM_RE.match(b.text) and len(b.text.split()) <= 10
        if b.kind != "item" and not numbered:
            if out or b.text.strip():
                break
            continue
        out.append(Block(b.first, b.last, _NUMBERED_ITEM_RE.sub("", b.text).strip(), b.kind))
    return out


_PARTNER_HEADER_RE = re.compile(r"(?:yhteistyö)?kumppani(?:t)?|(?:kumppani)?organisaatio(?:t)?", re.I)
#: the other header cells of a partner table: 'Rooli hankkeessa', 'Tehtävät', 'Vastuualue'
_PARTNER_COLUMN_RE = re.compile(r"(?:rooli|tehtävä|tehtävät|vastuu\w*|osuus|panos|kuvaus|yhteyshenkilö|toiminta|"
                                r"resurssi\w*)(?:\s+[\wåäö]+){0,2}", re.I)


def partner_table(lines: list[Line]) -> list[tuple[str, int]]:
    """Partners in a table flattened one cell per line: a header whose first cell
    names partners ('Kumppani' / 'Rooli hankkeessa') and rows whose first cell is
    the organisation.  A cell in lower case continues a row; when every cell is
    capitalised the rows are read by the header's number of columns.

    >>> ls = [Line(i + 1, t) for i, t in enumerate(["Kumppani", "Rooli hankkeessa", "Alfan kunta", "ohjaus",
    ...       "Beeta ry", "koulutus ja", "viestintä", "", "Uusi kappale."])]
    >>> partner_table(ls)
    [('Alfan kunta', 3), ('Beeta ry', 5)]
    >>> partner_table([Line(1, "Kumppani"), Line(2, "Tehtävä"), Line(3, "Alfan kunta"), Line(4, "Ohjaus"),
    ...                Line(5, "Beeta ry"), Line(6, "Koulutus")])
    [('Alfan kunta', 3), ('Beeta ry', 5)]
    """
    for i, ln in enumerate(lines):
        if not _PARTNER_HEADER_RE.fullmatch(ln.text.strip().rstrip(":")):
            continue
        j = i + 1
        while j < len(lines) and _PARTNER_COLUMN_RE.fullmatch(lines[j].text.strip().rstrip(":")):
            j += 1
        ncols = j - i
        if ncols < 2:
            continue
        cells: list[Line] = []
        while j < len(lines) and lines[j].text.strip():
            t = lines[j].text.strip()
            if cells and cells[-1].text.endswith("-") and t[:1].islower():
                cells[-1] = Line(cells[-1].no, cells[-1].text[:-1] + t)     # a cell broken by a hyphen
            else:
                cells.append(Line(lines[j].no, t))
            j += 1
        if any(c.text[:1].islower() for c in cells):
            out, after_org = [], False
            for c in cells:
                if not after_org and c.text[:1].isupper():
                    out.append((c.text, c.no))
                    after_org = True
                else:
                    after_org = False       # the row's other cells
            return out
        return [(c.text, c.no) for c in cells[::ncols]]
    return []


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
        for rx in _ADMIN_RES:
            m = rx.search(s)
            if m and not _GENERIC.match(m.group("org")):
                admin = (nominative(m.group("org")), m.group("acr"), b.first)
                break
        if admin:
            break

    title = _title(lines)
    doc.title = title
    acronym = None
    if title:
        am = re.search(r"\s*\(([A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})\)\s*$", title)
        if am:
            acronym, title = am.group(1), title[:am.start()].strip()
    if acronym is None:
        cell = _cell_after(lines, r"(?:hankkeen\s+)?lyhenne|akronyymi")
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
        cell = _cell_after(lines, _LABELS["administrator"])
        if cell:
            admin = (nominative(cell[0]), None, cell[1])
    if admin:
        add(admin[0], "administrator", admin[2], admin[1])
    elif _cell_after(lines, _LABELS["applicant"]):
        cell = _cell_after(lines, _LABELS["applicant"])
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
        if not any(_key(r.name) == tp.key or r.acronym and _key(r.acronym) == tp.key for r in rps):
            tp.kind = "builds_on"
            rps.append(tp)
    # the plan itself is not related to itself ('ALFA-hankkeessa' in the ALFA plan)
    own = {_key(x) for x in (title, acronym) if x}
    if title:
        am = re.search(r"\(([A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})\)\s*$", title)
        if am:
            own |= {_key(am.group(1)), _key(title[:am.start()])}
    rps = [r for r in rps if r.key not in own and not (r.acronym and _key(r.acronym) in own)]
    others = [k for rp in rps for k in (rp.acronym, rp.name[:12]) if k]
    for b, s in sents:
        if any(k.casefold() in b.text.casefold() for k in others):
            continue
        m = re.search(r"\b(?P<kind>pää|osa)?toteuttaj\w*\s*(?:(?:ovat|on|toimivat|toimii)\s+|:\s*)"
                      r"(?P<list>[A-ZÅÄÖ][^.;]+)", s, re.I)
        if m and m.group("list")[:1].isupper():
            role = {"pää": "main", "osa": "sub"}.get((m.group("kind") or "").casefold(), "implementer")
            for org, acr in _names_from(m.group("list")):
                add(org, role, b.first, acr)

    for b, s in sents:
        # --- pilots
        pm = _PILOT_RE.search(s)
        if pm:
            rest = s[pm.end():]
            for org, acr in _names_from(re.sub(r"^\s*(?:ovat|on|ovat\s+\w+|:)\s*", "", rest)):
                add(org, "pilot", b.first, acr)
        # --- partners
        km = _PARTNER_RE.search(s)
        if km:
            for org, acr in _names_from(km.group("list")):
                add(org, "partner", b.first, acr)

    for k, b in enumerate(bs):
        if b.kind != "item" and _PARTNER_INTRO_RE.search(b.text):
            for item in bs[k + 1:]:
                if item.kind != "item":
                    break
                head = re.split(r":\s|\s[–-]\s", item.text, maxsplit=1)[0]
                for org, acr in _names_from(head):
                    add(org, "partner", item.first, acr)

    for k, b in enumerate(bs):
        if b.kind == "item" or not b.text.rstrip().endswith(":"):
            continue
        role = "pilot" if _PILOT_RE.search(b.text) else "steering" if re.search(r"ohjausryhm", b.text, re.I) \
            else None
        if role is None:
            continue
        for item in _list_items(bs[k + 1:]):
            if role == "steering":      # 'titteli Etu Suku, Alfan kunta (pj)': the organisation after the person
                segs = [x.strip() for x in re.split(r",\s+", re.sub(r"\s*\([^)]*\)\s*$", "", item.text))]
                item_text = ", ".join(segs[1:]) if len(segs) > 1 and segs[0][:1].islower() else ""
            else:
                item_text = item.text
            for org, acr in _names_from(item_text):
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
            for org, acr in _names_from(part):
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
        cell = _cell_after(lines, r"toteutusaika|hankeaika|hankkeen\s+kesto|kesto", digits=True)
        if cell:
            plan.start, plan.end = parse_period(cell[0])
    cell = _cell_after(lines, r"haettava\s+ohjelma|ohjelma|rahoitusohjelma")
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
