"""The programme-guide loader: ``score`` (is this a guide?) and ``load`` (the
programme and its period, the ministries and agencies with the roles the
guide states for them, the budget, and what the sibling modules read:
measure packages, related programmes, statutes and the glossary).
"""
from __future__ import annotations

import re
from collections import Counter

from hankeverkko.loaders.programme_guide.glossary_appendix import GLOSSARY_RE, glossary
from hankeverkko.loaders.programme_guide.layout import (SERIES_RE, blank_furniture, guide_title, programme_name,
                                                        sentence_blocks)
from hankeverkko.loaders.programme_guide.measure_packages import measure_packages
from hankeverkko.loaders.programme_guide.related_programmes import related_programmes
from hankeverkko.loaders.programme_guide.statute_citations import statutes
from hankeverkko.loaders.prose import ORG_HEAD_RE, YEARS_RE, Vocabulary, blocks, nominative, sentence_case
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.records import OrgMention, Programme, Relation, SourceDocument, Span
from hankeverkko.loaders.reference import aliases, expand_abbreviation, ministries
from hankeverkko.loaders.text import Line, normalise_space, parse_euros, strip_contact_details

__all__ = ["KIND", "DESCRIPTION", "score", "load"]

KIND = "programme-guide"
DESCRIPTION = ("programme guide ('ohjelma ja hakuopas'): programme, ministries and agencies, "
               "measure packages, grant rules, statutes and glossary")

_ROLE_VERBS = (r"vastaa|vastaavat|tukee|tukevat|koordinoi|koordinoivat|toteuttaa|toteuttavat|myöntää|"
               r"myöntävät|rahoittaa|rahoittavat|huolehtii|huolehtivat|perustaa|tekee|tekevät|suunnittelee|"
               r"raportoi|raportoivat|avustaa|avustavat|ohjaa|ohjaavat|hallinnoi|johtaa|toimeenpanee|"
               r"toimii|toimivat|osallistuu|osallistuvat|on\s+päävastuu|ovat\s+päävastuussa|on\s+vastuu")
_RUNS_RE = re.compile(r"toimeenpan|koordin|operatiiv|ohjelman\s+(?:hallinnoin|johtami)", re.I)


# ----------------------------------------------------------------- scoring

def score(lines: list[Line]) -> int:
    """Evidence for a programme guide: 'hakuopas', a glossary appendix, measure packages."""
    text = "\n".join(ln.text for ln in lines)
    hakuopas = len(re.findall(r"hakuopa", text, re.I))
    glossary = any(GLOSSARY_RE.match(ln.text) for ln in lines)
    intro = bool(re.search(r"toimenpide-?\s*kokonaisuudet\s+(?:ovat|on)\s*:?\s*(?:\n|$|1[.)]\s)", text, re.I))
    if not (hakuopas or glossary or intro):
        return 0
    packages = len(re.findall(r"toimenpidekokonaisuu", text, re.I))
    grants = len(re.findall(r"valtionavustu", text, re.I))
    parts = 5 if re.search(r"^\s*Osa\s+(?:I|II|1|2)\b", text, re.M) else 0
    return 10 * min(hakuopas, 3) + 10 * glossary + 5 * intro + min(packages, 10) + min(grants // 5, 10) + parts


def _amount(s: str):
    """The first euro amount in a sentence, past years and other bare numbers.

    >>> _amount("Vuonna 2099 jaettavissa oleva enimmäismäärä on 3,5 miljoonaa euroa.")
    Decimal('3500000.0')
    """
    for m in re.finditer(r"(?<![\d,.])\d", s):
        v = parse_euros(s[m.start():])
        if v is not None:
            return v
    return None


#: '<up to six words> (ABBR)'.  A match starts only where a word starts (the
#: look-behind), skipping the digits, '_' or '-' before the word's first
#: letter, so that one long word is scanned once, not once from each letter
#: (quadratic); the groups are the same as from every start.
_ABBREVIATION_RE = re.compile(r"(?<![\wåäö-])(?:[^\WA-Za-zÅÄÖåäö]|-)*"
                              r"((?:[A-ZÅÄÖ][\wåäö-]*|[a-zåäö][\wåäö-]*)(?:\s+[\wåäö-]+){0,5})"
                              r"\s+\(([A-ZÅÄÖ][A-ZÅÄÖa-z]{1,7})\)")


def _defined_abbreviations(flat: str) -> dict[str, str]:
    """'Alfan ja beetan laitos (ABL)' -> {'ABL': 'Alfan ja beetan laitos'}."""
    out: dict[str, str] = {}
    for m in _ABBREVIATION_RE.finditer(flat):
        abbr, words = m.group(2), m.group(1).split()
        known = expand_abbreviation(abbr)
        if known and any(nominative(" ".join(words[i:])).casefold() == known.casefold() for i in range(len(words))):
            out.setdefault(abbr, known)       # 'Ohjelmasta vastaa alfaministeriö (AM)': the known name
            continue
        # the shortest tail of the words that still reads as the abbreviation's name
        for i in range(len(words)):
            cand = " ".join(words[i:])
            if known and nominative(cand).casefold() == known.casefold():
                out.setdefault(abbr, known)
                break
            if ORG_HEAD_RE.search(words[-1]) and cand[:1].isupper() and \
                    cand[:1].casefold() == abbr[:1].casefold():
                out.setdefault(abbr, nominative(cand))
                break
        else:
            if known:
                out.setdefault(abbr, known)
    return out


# ----------------------------------------------------------------- load

def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(path=source, kind=KIND, line_count=_line_count(lines))
    vocab = Vocabulary.of_lines(lines)
    body = blank_furniture(lines)
    bs = blocks(body, vocab)
    flat = " ".join(b.text for b in bs)
    doc.title = guide_title(lines)
    for ln in lines:
        m = SERIES_RE.match(ln.text)
        if m:
            pub = sentence_case(re.sub(r"(?<=[ÖÄA-ZÅ])N$", "", m.group(1).strip(), flags=re.I)) \
                if m.group(1).isupper() else nominative(m.group(1))
            canon = {a.canonical.casefold(): a.canonical for a in aliases()}
            doc.publisher = canon.get(pub.casefold(), pub)
            doc.year = int(m.group(2))
            break

    # --- programme
    name = programme_name(doc.title, lines) or doc.title or source
    period_m = YEARS_RE.search(name)
    first = next((ln.no for ln in lines if ln.text.strip()), 1)
    prog = Programme(name, Span(source, first, first),
                     period=f"{period_m.group(1)}–{period_m.group(2)}" if period_m else None)
    doc.programmes.append(prog)
    short = re.sub(r"\s*\(?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)?", "", name).strip()

    # ministries mentioned more than once, in order of first mention
    mins = ministries()
    counts: Counter = Counter()
    first_seen: dict[str, int] = {}
    for b in bs:
        for abbr, full in mins.items():
            n = len(re.findall(rf"\b{abbr}\b", b.text)) + len(re.findall(re.escape(full[:-1]), b.text, re.I))
            if n:
                counts[abbr] += n
                first_seen.setdefault(abbr, b.first)
    def _first_pos(a: str) -> int:
        hits = [m.start() for m in (re.search(rf"\b{a}\b", flat), re.search(re.escape(mins[a][:-1]), flat, re.I)) if m]
        return min(hits) if hits else len(flat)
    prog.ministries = [mins[a] for a in sorted((a for a in counts if counts[a] >= 2), key=_first_pos)]

    # budget: the first sentence naming a total or maximum with an amount
    for b, s in sentence_blocks(bs):
        if re.search(r"enimmäismäärä|kokonaismäärä|kokonaiseuromäärä|yhteensä|määräraha|budjetti", s, re.I):
            amount = _amount(s)
            if amount:
                prog.budget = amount
                break

    prog.related_programmes = related_programmes(flat, short)

    # --- organisations and their roles
    defined = _defined_abbreviations(flat)
    agency_abbrs = {a.alias: a.canonical for a in aliases() if a.type == "agency"}
    orgs: dict[str, str] = {}          # printed key -> full name
    for abbr, full in {**{k: v for k, v in mins.items() if k in counts}, **defined}.items():
        if full not in orgs.values():
            orgs[abbr] = full
    for abbr, full in agency_abbrs.items():
        if re.search(rf"\b{re.escape(abbr)}\b", flat) and full not in orgs.values():
            orgs[abbr] = full
    roles: dict[str, list[tuple[str, int]]] = {}
    subj_re = re.compile(
        r"^(?P<subj>[A-ZÅÄÖ][^.;]{0,80}?)(?::llä|:lla|:ssä|:ssa)?\s+(?P<verb>" + _ROLE_VERBS + r")\b(?P<rest>.*)$")

    def who(subject: str) -> list[str]:
        names = []
        for part in re.split(r"\s+ja\s+(?=[A-ZÅÄÖ])|,\s*", subject):
            part = re.sub(r"\s*\([^)]*\)\s*$", "", part).strip()
            part = re.sub(r":\w+$", "", part)
            if re.search(r"\s[–-]\s", part):
                return []       # 'Termi – määritelmä': a glossary line, not an organisation
            key = next((k for k, full in orgs.items() if part == k or part.casefold() == full.casefold()
                        or nominative(part).casefold() == full.casefold()), None)
            if key is None and ORG_HEAD_RE.search(part.split()[-1] if part.split() else "") and \
                    part[:1].isupper() and len(part.split()) <= 6:
                key = nominative(part)
                orgs.setdefault(key, key)
            if key is None:
                return []
            names.append(key)
        return names

    for b, s in sentence_blocks(bs):
        m = subj_re.match(s)
        keys = who(m.group("subj")) if m else []
        if keys:
            role = normalise_space(f"{m.group('verb')} {m.group('rest')}").rstrip(" .:")
        else:
            mm = re.match(r"^(?P<what>[A-ZÅÄÖ][^.]{3,80}?)\s+(?P<verb>huolehtii|vastaa|päättää)\s+"
                          r"(?P<subj>[A-ZÅÄÖa-zåäö][^.,]{2,80}?)(?:,\s+(?:joka|jotka)\b.*)?\.?$", s)
            if not mm:
                continue
            keys = who(mm.group("subj"))
            role = f"{mm.group('verb')} {mm.group('what')[:1].lower()}{mm.group('what')[1:]}"
        if not keys:
            continue
        role = re.sub(r"^on\s+päävastuu", "päävastuu", role)
        role = re.split(r",\s+(?:joka|jotka|jonka|joiden|joita|mikä|kun|mutta)\b", role)[0]
        role = strip_contact_details(role)[:200]
        for k in keys:
            roles.setdefault(k, [])
            if role not in [r for r, _ in roles[k]]:
                roles[k].append((role, b.first))

    for key, full in orgs.items():
        mention_line = next((b.first for b in bs if re.search(rf"(?<![\wåäö]){re.escape(key)}(?![\wåäö])", b.text)
                             or full.casefold() in b.text.casefold()), first)
        # taking part ('osallistuu ...') is listed after what an organisation is responsible for
        rs = sorted(roles.get(key, []), key=lambda r: r[0].startswith("osallistu"))
        line = rs[0][1] if rs else mention_line
        role = "; ".join(r for r, _ in rs[:3]) or None
        doc.organisations.append(OrgMention(key, Span(source, line, line),
                                            expanded=full if full != key else None, role=role))
        if key not in mins and full not in mins.values() and any(_RUNS_RE.search(r) for r, _ in rs):
            r_line = next(ln for r, ln in rs if _RUNS_RE.search(r))
            doc.relations.append(Relation(full, "organisation", "runs", name, "programme",
                                          Span(source, r_line, r_line),
                                          detail="; ".join(r for r, _ in rs if _RUNS_RE.search(r))[:300]))

    # --- measure packages
    doc.themes = measure_packages(bs, body, vocab, source, name)

    doc.statutes = statutes(bs, source)
    doc.concepts = glossary(body, source, vocab, stop_at=name)
    return scrub_contacts(doc)
