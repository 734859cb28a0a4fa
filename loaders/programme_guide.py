"""Programme guides ('ohjelma ja hakuopas'): a funding programme and how to apply.

A guide names a programme and its period, the ministries behind it and what
each is responsible for, the agencies that run it, the measure packages
(toimenpidekokonaisuudet) grants are given for with their target groups, the
grant budget, related programmes, statutes cited by number, and usually a
glossary appendix ('Liite 1. Käsitteet').

Yields a :class:`~loaders.records.Programme`, an
:class:`~loaders.records.OrgMention` per ministry or agency with its stated
``role`` and ``expanded`` name, a ``Theme(kind="measure_package")`` per
measure package, :class:`~loaders.records.Statute` records,
``Relation(agency, "runs", programme)`` and a
:class:`~loaders.records.Concept` per glossary term.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from hankeverkko.loaders.prose import (ORG_HEAD_RE, YEARS_RE, Block, Vocabulary, blocks, nominative, running_furniture, sentence_case,
                    sentences)
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.prose import scrub_contacts
from hankeverkko.loaders.glossary_statutes import GLOSSARY_RE, glossary, statutes
from hankeverkko.loaders.records import OrgMention, Programme, Relation, SourceDocument, Span, Theme
from hankeverkko.loaders.reference import aliases, expand_abbreviation, ministries
from hankeverkko.loaders.text import Line, is_noise, normalise_space, parse_euros, strip_contact_details

__all__ = ["KIND", "DESCRIPTION", "score", "load", "glossary", "statutes"]

KIND = "programme-guide"
DESCRIPTION = ("programme guide ('ohjelma ja hakuopas'): programme, ministries and agencies, "
               "measure packages, grant rules, statutes and glossary")

_SERIES_RE = re.compile(r"^\s*([A-ZÅÄÖ][A-ZÅÄÖa-zåäö\- ]+?(?::n)?)\s+(?:JULKAISUJA|julkaisuja|RAPORTTEJA|raportteja)\s+"
                        r"((?:19|20)\d{2}):\d+")
_PACKAGES_INTRO_RE = re.compile(r"toimenpide-?\s?kokonaisuudet\s+(?:ovat|on)\s*:?", re.I)
_ROLE_VERBS = (r"vastaa|vastaavat|tukee|tukevat|koordinoi|koordinoivat|toteuttaa|toteuttavat|myöntää|"
               r"myöntävät|rahoittaa|rahoittavat|huolehtii|huolehtivat|perustaa|tekee|tekevät|suunnittelee|"
               r"raportoi|raportoivat|avustaa|avustavat|ohjaa|ohjaavat|hallinnoi|johtaa|toimeenpanee|"
               r"toimii|toimivat|osallistuu|osallistuvat|on\s+päävastuu|ovat\s+päävastuussa|on\s+vastuu")
_RUNS_RE = re.compile(r"toimeenpan|koordin|operatiiv|ohjelman\s+(?:hallinnoin|johtami)", re.I)
_NUMBERED_RE = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
#: a bulleted or lettered list item ('• alfan tuki', 'a) alfan tuki', 'A. Alfan tuki')
_ITEM_RE = re.compile(r"^\s*([•●▪■◦\u2022\u2023\u2043\uf000-\uf0ff*–-]|[a-hA-H][.)])\s+(\S.*)$")
#: a package as a section heading: '2.1 Toimenpidekokonaisuus 1: Alfan tuki', 'TOIMENPIDEKOKONAISUUS A. ...'
_PACKAGE_HEADING_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?toimenpide-?\s?kokonaisuus\s+"
                                 r"(?:\d{1,2}|[A-H]|I{1,3}|IV|V)\s*[:.)–-]\s*(\S.{3,120}?)\s*$", re.I)


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


# ----------------------------------------------------------------- helpers

def _furniture(lines: list[Line]) -> list[Line]:
    """The lines with running headers/footers ('... JULKAISUJA 2020:11 ...') blanked."""
    out = []
    running = running_furniture(lines)
    for ln in lines:
        if _SERIES_RE.match(ln.text) or ln.no in running:
            out.append(Line(ln.no, ""))
        else:
            out.append(ln)
    return out


def _title(lines: list[Line]) -> Optional[str]:
    """The first line that is not the publication series ('ALFAN JULKAISUJA 2099:1'), with
    a period printed alone on the next line ('Alfaohjelma' / '2098–2099').

    >>> _title([Line(1, "ALFAMINISTERIÖN JULKAISUJA 2099:3"), Line(2, ""), Line(3, "Alfaohjelma "),
    ...         Line(4, "2098–2099"), Line(5, "Ohjelma ja hakuopas")])
    'Alfaohjelma 2098–2099'
    """
    content = [ln for ln in lines[:15] if normalise_space(ln.text) and not is_noise(ln.text)
               and not _SERIES_RE.match(ln.text)]
    if not content:
        return None
    s = normalise_space(content[0].text)
    if len(content) > 1 and re.fullmatch(r"\(?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)?",
                                         normalise_space(content[1].text)) and not YEARS_RE.search(s):
        s = f"{s} {normalise_space(content[1].text)}"
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return _recase(s, lines)
    return s


def _recase(caps: str, lines: list[Line]) -> str:
    """An all-capitals title in the case the document prints it elsewhere, else sentence case."""
    out = sentence_case(caps)
    words = re.findall(r"[\wÅÄÖåäö]+", caps)
    if words:
        pat = re.compile(r"\s*[-–—]?\s*".join(re.escape(w) for w in words[:3]), re.I)
        for ln in lines:
            m = pat.search(ln.text)
            if m and not m.group(0).isupper():
                head = m.group(0)
                return head + out[len(head):] if len(head) <= len(out) else out
    return out


def _programme_name(title: Optional[str], lines: list[Line]) -> Optional[str]:
    if not title:
        return None
    head = re.split(r"\s[-–—]\s|:", title)[0].strip()
    words = re.findall(r"[\wÅÄÖåäö]+", head)
    if not words:
        return None
    pat = re.compile(r"\b" + r"[\s\-–—]+".join(re.escape(w) for w in words) + r"\b", re.I)
    for ln in lines:
        m = pat.search(ln.text)
        if m and not m.group(0).isupper():
            return normalise_space(m.group(0))
    return head


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


def _sentence_blocks(bs: list[Block]) -> list[tuple[Block, str]]:
    out = []
    for b in bs:
        text = re.sub(r"^\s*(?:\d{1,2}\.){1,3}\d{0,2}\.?\s+", "", b.text) if b.kind == "heading" else b.text
        for s in sentences(text):
            out.append((b, s))
    return out


def _defined_abbreviations(flat: str) -> dict[str, str]:
    """'Alfan ja beetan laitos (ABL)' -> {'ABL': 'Alfan ja beetan laitos'}."""
    out: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-ZÅÄÖ][\wåäö-]*|[a-zåäö][\wåäö-]*)(?:\s+[\wåäö-]+){0,5})\s+\(([A-ZÅÄÖ][A-ZÅÄÖa-z]{1,7})\)",
                         flat):
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


# ----------------------------------------------------------------- related programmes

_NOT_RELATED = re.compile(r"^(?:hallitusohjelma|ohjelma|ohjelmaosio)$", re.I)
_NAMEISH = re.compile(r"^(?:[\wåäöÅÄÖ-]*[nN]|ja|[\wåäöÅÄÖ]+-|[A-ZÅÄÖ]{2,}[\wåäö:]*)$")


#: genitives that precede 'ohjelma' without naming one ('hallituksen ohjelma', 'tämän ohjelman')
_NOT_NAME_GENITIVES = {"hallituksen", "tämän", "sen", "ohjelman", "valtioneuvoston", "hankkeen", "koko", "uuden",
                       "kyseisen", "saman", "jonkin", "minkä", "kunkin"}


def _related_programmes(flat: str, own: Optional[str]) -> list[str]:
    """Other programmes the text names ('Alfan ja beetan keskus -ohjelma').

    >>> _related_programmes("Yhteys Gamman keskus -ohjelmaan ja Deltan "
    ...                     "kehittämisohjelmaan. Alfaohjelman tavoitteet ja jokin ohjelma.", "Alfaohjelma")
    ['Gamman keskus -ohjelma', 'Deltan kehittämisohjelma']
    >>> _related_programmes("Se tukee Epsilonin edistämisen ohjelman ja hallituksen ohjelman tavoitteita. "
    ...                     "Zetan oppimisen ohjelma on osa uudistusta.", "Zetan oppimisen ohjelma")
    ['Epsilonin edistämisen ohjelma']
    """
    own_tail = (own or "").split()[-1].casefold() if own else ""
    found: list[str] = []
    for m in re.finditer(r"(?<![\wåäö])(?:-|[\wåäö][\wåäö-]*)?ohjelm(?:a|aan|an|assa|asta|aa|alla|alle|aksi|ien|at)\b",
                         flat):
        tail = m.group(0)
        left = flat[:m.start()].rstrip().split(" ")
        if tail[:1] in "oO":
            # a separate word: 'Alfan beetan ohjelman' is a name when capitalised genitives precede
            words = []
            for w in reversed(left[-5:]):
                if not re.fullmatch(r"[\wåäöÅÄÖ-]+(?:n)", w) or re.search(r"(?:aa|ää|ee|ii|oo|uu|yy|öö)n$", w) or \
                        w.casefold() in _NOT_NAME_GENITIVES:
                    break
                words.insert(0, w)
                if w[:1].isupper():
                    break
            phrase = " ".join(words + ["ohjelma"])
            if len(words) >= 2 and words[0][:1].isupper() and not (own and phrase.casefold() == own.casefold()):
                found.append(phrase)
            continue
        spaced = tail.startswith("-")      # 'X Y -ohjelma': the whole name precedes
        words: list[str] = []
        for w in reversed(left[-7:]):
            if not w or re.search(r"[.,:;()]$", w) or w in ("–", "-"):
                break
            if not spaced and (not _NAMEISH.match(w) or re.search(r"(?:aa|ää|ee|ii|oo|uu|yy|öö)n$", w)):
                break
            words.insert(0, w)
            if w[:1].isupper():
                break
        acr = re.match(r"\s*\(([A-ZÅÄÖ][\wåäö]{1,10})\)", flat[m.end():m.end() + 14])
        if not (words and words[0][:1].isupper()):
            if spaced or not (tail[:1].isupper() or acr):
                continue
            words = []
        base = re.sub(r"ohjelm\w*$", "ohjelma", tail)
        if base.casefold() in ("ohjelma", "hallitusohjelma") and not spaced:
            continue
        if own_tail and base.casefold() == own_tail:
            continue
        phrase = " ".join(words + [base])
        if acr:
            phrase += f" ({acr.group(1)})"
        if _NOT_RELATED.match(phrase) or len(re.sub(r"\W", "", phrase)) < 6:
            continue
        found.append(phrase[:1].upper() + phrase[1:])
    # one spelling per programme: the most frequent, then the one with fewer words
    by_key: dict[str, Counter] = {}
    order: list[str] = []
    for f in found:
        k = re.sub(r"[\W_]", "", f.casefold())
        if k not in by_key:
            by_key[k] = Counter()
            order.append(k)
        by_key[k][f] += 1
    return [max(by_key[k], key=lambda f: (by_key[k][f], -len(f.split()))) for k in order]


# ----------------------------------------------------------------- load

def load(lines: list[Line], source: str) -> SourceDocument:
    doc = SourceDocument(path=source, kind=KIND, line_count=_line_count(lines))
    vocab = Vocabulary.of_lines(lines)
    body = _furniture(lines)
    bs = blocks(body, vocab)
    flat = " ".join(b.text for b in bs)
    doc.title = _title(lines)
    for ln in lines:
        m = _SERIES_RE.match(ln.text)
        if m:
            pub = sentence_case(re.sub(r"(?<=[ÖÄA-ZÅ])N$", "", m.group(1).strip(), flags=re.I)) \
                if m.group(1).isupper() else nominative(m.group(1))
            canon = {a.canonical.casefold(): a.canonical for a in aliases()}
            doc.publisher = canon.get(pub.casefold(), pub)
            doc.year = int(m.group(2))
            break

    # --- programme
    name = _programme_name(doc.title, lines) or doc.title or source
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
    for b, s in _sentence_blocks(bs):
        if re.search(r"enimmäismäärä|kokonaismäärä|kokonaiseuromäärä|yhteensä|määräraha|budjetti", s, re.I):
            amount = _amount(s)
            if amount:
                prog.budget = amount
                break

    prog.related_programmes = _related_programmes(flat, short)

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

    for b, s in _sentence_blocks(bs):
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
    doc.themes = _measure_packages(bs, body, vocab, source, name)

    doc.statutes = statutes(bs, source)
    doc.concepts = glossary(body, source, vocab, stop_at=name)
    return scrub_contacts(doc)


def _package_key(s: str) -> str:
    return re.sub(r"[\W_]", "", s.casefold())


def _package_list(body: list[Line], vocab: Vocabulary) -> list[tuple[str, int]]:
    """Packages listed after an introduction: '... toimenpidekokonaisuudet ovat' or
    '... seuraavista toimenpidekokonaisuuksista:', as a numbered, lettered or bulleted list."""
    for i, ln in enumerate(body):
        end = ln.text.strip()
        if not end:
            continue
        joined = normalise_space(vocab.join(x.text for x in body[max(0, i - 2):i + 1]))
        intro = (_PACKAGES_INTRO_RE.search(joined) and re.search(r"(?:ovat|on)\s*:?$", end)) or \
            (end.endswith(":") and re.search(r"toimenpide-?\s?kokonaisuu(?:det|ksi\w*|ksista|ksiin)\b[^.]*:$",
                                             joined, re.I))
        if not intro:
            continue
        names: list[tuple[str, int]] = []
        for nxt in body[i + 1:]:
            t = nxt.text
            if is_noise(t):
                continue
            m = _NUMBERED_RE.match(t) or _ITEM_RE.match(t)
            if m:
                names.append((m.group(2), nxt.no))
            elif names and not t[:1].isspace() and t.strip()[:1].islower() and \
                    not names[-1][0].rstrip().endswith("."):
                names[-1] = (vocab.join([names[-1][0], t]), names[-1][1])
            else:
                break
        if len(names) >= 2 or names and not any(_PACKAGE_HEADING_RE.match(x.text) for x in body):
            return names
    return []


def _package_headings(body: list[Line], vocab: Vocabulary) -> list[tuple[str, int]]:
    """Packages as section headings: '2.1 Toimenpidekokonaisuus 1: Alfan tuki'."""
    names = []
    for i, ln in enumerate(body):
        m = _PACKAGE_HEADING_RE.match(ln.text)
        if m:
            name = m.group(1)
            nxt = next((x for x in body[i + 1:i + 3] if x.text.strip()), None)
            if nxt is not None and (name.rstrip().endswith("-") or nxt.text.strip()[:1].islower()) and \
                    len(nxt.text.strip()) < 60:
                name = vocab.join([name, nxt.text])
            names.append((name, ln.no))
    return names


def _measure_packages(bs: list[Block], body: list[Line], vocab: Vocabulary, source: str,
                      programme: str) -> list[Theme]:
    # 1) a list after an introduction; 2) section headings; 3) 'X -toimenpidekokonaisuus' phrases
    names = _package_list(body, vocab) or _package_headings(body, vocab)
    if not names:
        for b in bs:
            for m in re.finditer(r"([A-ZÅÄÖ][\wåäö ,-]{5,90}?)\s?[-–]\s?toimenpidekokonaisuu", b.text):
                names.append((m.group(1), b.first))
    themes: list[Theme] = []
    seen: set[str] = set()
    for raw, line in names:
        n = normalise_space(raw).rstrip(" .;,")
        n = re.sub(r"\s+ja$", "", n)
        n = n[:1].upper() + n[1:]
        if _package_key(n) in seen or len(n) < 4:
            continue
        seen.add(_package_key(n))
        themes.append(Theme(n, Span(source, line, line), programme=programme, kind="measure_package"))

    # goals and target groups, read sentence by sentence after each package is named
    current: Optional[Theme] = None
    want_goal = collecting = False
    for b, sent in _sentence_blocks(bs):
        low = _package_key(re.sub(r"^\s*toimenpide-?\s?kokonaisuus\s+(?:\d{1,2}|[A-H]|I{1,3}|IV|V)\s*[:.)–-]\s*",
                                  "", sent, flags=re.I))
        hit = next((t for t in themes if low.startswith(_package_key(t.name)[:25])), None)
        if hit and re.search(r"toimenpide-?\s?kokonaisuu", sent, re.I):
            current, collecting = hit, False
            goal = re.search(r"tavoitteena\s+on\s*:?\s*(.*)$", sent)
            want_goal = bool(goal) and not goal.group(1).strip()
            if goal and goal.group(1).strip():
                current.description = goal.group(1).strip()
            continue
        if current is None:
            continue
        g = re.match(r"^(?:Toimenpidekokonaisuuden|Sen)\s+tavoitteena\s+on\s+(\S.*)$", sent)
        if g and not current.description:
            current.description = g.group(1).strip()
            continue
        if want_goal:
            if re.match(r"^\d{1,2}[.)]\s", sent):
                current.description = f"{current.description or ''} {sent}".strip()
                continue
            want_goal = False
        m = re.search(r"kohderyhm\w*\s+(?:ovat|on)\s*:?\s*(.*)$", sent, re.I)
        if m:
            rest = m.group(1).strip().rstrip(".")
            current.target_groups = [g.strip(" .,") for g in re.split(r"\s+sekä\s+|;\s*", rest) if g.strip(" .,")]
            collecting = not rest
            continue
        if collecting and b.kind == "item":
            if sent.rstrip(" .") not in current.target_groups:
                current.target_groups.append(sent.rstrip(" ."))
            continue
        collecting = False
    return themes
