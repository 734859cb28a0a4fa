"""Earlier and parallel projects named in a project plan, and how the plan relates to them.

Part of the project-plan loader (:mod:`loaders.project_plan`), kept apart
because it is the most heuristic part.  Finnish plans name other projects
as 'X-hanke', 'X –hankkeen', 'X -hankerahoitusta', 'kehittämishankkeessa X
(ACR, 2018-2020)', 'X:n toteuttamassa ... pilotissa' or 'X:n kuntakokeilu';
the paragraphs around a mention say how the plan relates to it (builds on
its results, continues it, co-operates with it, runs in parallel) and who
implemented it.

>>> from hankeverkko.loaders.prose import Block
>>> bs = [Block(1, 2, "Alfa-hankkeessa (2017-2018) kehitettiin malli. Tässä hankkeessa mallia "
...                   "hyödynnetään. Beeta ja Gamma osallistuivat Delta Kokeilu –hankkeeseen.", "paragraph"),
...       Block(3, 3, "Tämä hanke tekee yhteistyötä Eetu –hankkeen (2020-2023) kanssa.", "paragraph")]
>>> [(r.name, r.period, r.kind, r.implementers) for r in related_projects(bs)]
[('Alfa-hanke', '2017-2018', 'builds_on', []), ('Delta Kokeilu -hanke', None, 'builds_on', [('Beeta', 'implementer'), ('Gamma', 'implementer')]), ('Eetu -hanke', '2020-2023', 'cooperates_with', [])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from hankeverkko.loaders.prose import YEARS_RE, Block, nominative, sentences, split_names

__all__ = ["RelatedProject", "related_projects", "relation_kind", "table_projects"]

#: a project marker attached with a hyphen or dash: 'X-hanke', 'X –hankkeen', 'X -hankerahoitusta'
_DASH_MARKER = re.compile(
    r"(?:(?<=[^\s(])-|\s[-–]\s?|(?<=[^\s(])–)(?P<m>(?:[a-zåäö]{3,12}(?=hank))?(?:hanke(?:kokonaisuu\w*|rahoitu\w*)?|"
    r"hankkee\w*|hankkei\w*|hanket\w*)|"
    r"projekti\w*|kokeilu\w*|pilot\w*)\b")
#: a compound ending in a project word: 'kuntakokeiluhankkeen', 'kuntakokeilussa'
_COMPOUND = re.compile(r"\b(?P<w>[a-zåäö]{4,}(?:kokeilu|kokeiluhanke|kokeiluhankkee|kokeiluhankkei)\w*)\b")
#: 'kehittämishankkeessa Polut kuntoon (POKU, 2031-2033)'
_NAME_AFTER = re.compile(
    r"\b\w*hankkee(?:ssa|seen|n|lla|sta)\s+(?P<name>[A-ZÅÄÖ][^()]{2,80}?)\s*\((?P<acr>[A-ZÅÄÖ][\wÅÄÖåäö-]{1,12})"
    r"(?:,\s*(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?\)")
#: 'Alfa ry:n toteuttamassa ... palvelupilotissa'
_AGENT = re.compile(
    r"(?P<org>[A-ZÅÄÖ][\wÅÄÖåäö-]*(?:\s+[\wÅÄÖåäö-]+){0,3}?(?::n|n))\s+(?:vuosina\s+\S+\s+)?"
    r"(?:toteuttama|hallinnoima|koordinoima)\w*\s+"
    r"(?P<name>(?:[\wåäö-]+\s+){0,4}?[\wåäö-]*(?:pilot|hank|projekt|kokeilu)\w*)")
#: a project named after its EURA code: 'hankkeen S99001 Alfan polut (2097–2099)', '- S99002 Beeta (2098–2099), ...'
_CODED = re.compile(
    r"(?<![\w-])(?P<code>[SR]\d{5}|R-\d{5})\s+(?P<name>[A-ZÅÄÖ][^()\d,.;:]{1,80}?)\s*"
    r"(?:\((?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2})\)|(?=[,.;:]|$))")
#: who ran a project, printed right after its mention: '(2097–2099, toteuttaja Alfan kunta)',
#: '(2097–2099), toteuttaja Alfan kunta', '– toteuttajana Beeta ry'
_IMPLEMENTER_AFTER = re.compile(
    r"^[^.;]{0,40}?(?:\(|,\s*|\s[–-]\s*)(?P<kind>pää|osa)?(?P<w>toteuttaja|hallinnoija)(?:t|na|nsa)?\s*:?\s+"
    r"(?P<list>[A-ZÅÄÖ][^().;]+?)\s*(?:\)|[.;]|$|,\s+(?:jo|mi|ku)\w*\b)")
#: an organisation in the genitive right before a project's name: 'Alfan kunnan Beeta-hanke'
_OWNER_BEFORE = re.compile(r"(?P<org>(?:[A-ZÅÄÖ][\wÅÄÖåäö-]*\s+){1,3}?(?:[\wåäö-]+\s+)?"
                           r"[\wåäö-]*(?:kunnan|kaupungin|yhtymän|säätiön|yliopiston|korkeakoulun|opiston|"
                           r"keskuksen|alueen|seuran|yhdistyksen|liiton|laitoksen|viraston)|[A-ZÅÄÖ][^\s]*(?:\s+\S+){0,3}\s+ry:n)"
                           r"\s+$")
_FUNCTION_WORDS = {
    "tämä", "tässä", "tämän", "tätä", "tähän", "tästä", "nämä", "näiden", "näissä", "se", "sen", "siinä",
    "sitä", "hanke", "hankkeen", "hankkeessa", "hankkeella", "hankkeelle", "hankkeet", "hankkeiden",
    "hankkeissa", "lisäksi", "myös", "kuten", "esimerkiksi", "mm", "esim", "jos", "kun", "koska", "ja",
    "tai", "sekä", "hankerahoitusta", "hankkeita", "osana", "toisaalta", "samoin", "erityisesti", "eli",
    "muun", "muassa", "viime", "ensi", "vuonna", "vuoden", "kaikki", "useita", "useat", "yhteistyötä",
    "hankevalmistelun", "hankesuunnitelma", "hankehenkilöstö",
}
_PARALLEL = re.compile(r"liittyy\s+tiiviisti|limitty|nivoutu|rinnakkai|samanaikai|rahoitushaussa|"
                       r"\balka(?:va|vassa|vaan|a)\b|käynnisty(?:vä|vässä|mässä)", re.I)
_COOPERATES = re.compile(r"yhteistyö\w*\s+(?:\S+\s+){0,6}?kanssa|kanssa\s+(?:\S+\s+){0,3}?yhteistyö|"
                         r"yhteistyönä|tekemään\s+yhteistyötä|tekevät\s+yhteistyötä|rakennetaan\s+yhdessä|"
                         r"yhteiskehit", re.I)
#: sentences in which a plan speaks of itself
_SELF = re.compile(r"\b(?:[Tt]ässä|[Tt]ämä|[Tt]ämän|[Tt]ähän)\s+(?:ja\s+)?hank|\b[Hh]ankkeet\s+(?:tulevat|tekevät)|"
                   r"\b[Tt]ämän\s+ja\b")
_CONTINUES = re.compile(r"kehitetään\s+edelleen|jatke\w*|\bjatka(?:a|vat)\b|jatkoa\b|jatkohank|jatkokehit", re.I)
_BUILDS_ON = re.compile(r"hyödyn|perustuu|pohjalta|perusteella|tulok|juurrut|kehitetty|kehitettiin|jalkaut|"
                        r"kokemuks|todettiin|levitetään|otettiin\s+käyttöön", re.I)


@dataclass
class RelatedProject:
    name: str
    first: int
    last: int
    acronym: Optional[str] = None
    period: Optional[str] = None
    start_year: Optional[int] = None
    implementers: list[tuple[str, str]] = field(default_factory=list)   # (organisation, role)
    contexts: list[str] = field(default_factory=list)                  # text of the blocks naming it
    kind: str = "builds_on"
    title: Optional[str] = None        # a quoted working title printed after the name
    code: Optional[str] = None         # EURA code printed with the name ('S99001 Alfa')
    clause_kind: Optional[str] = None  # the relation its own clause states, in a sentence naming several

    @property
    def key(self) -> str:
        return _key(self.name)


def _key(name: str) -> str:
    s = re.sub(r"\s*[-–]\s*(?:hanke\w*|projekti\w*)$", "", name.casefold())
    return re.sub(r"hanke$", "", re.sub(r"[\W_]", "", s))


def _is_start_word(w: str, sentence_initial: bool) -> bool:
    bare = w.strip("“”\"'(").rstrip(",")
    if not bare[:1].isupper() or bare.casefold().rstrip(".") in _FUNCTION_WORDS:
        return False
    if sentence_initial and (re.search(r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|kuussa|aan|ään)$", bare)):
        return False
    return True


def _walk_back(text: str, end: int, sentence_start: int) -> Optional[str]:
    """The name that ends at ``end``: back to its first capitalised word."""
    left = text[sentence_start:end]
    words = left.split()
    if not words:
        return None
    # nearest capitalised word without crossing punctuation
    i = len(words) - 1
    found = None
    while i >= 0 and len(words) - i <= 8:
        w = words[i]
        if i < len(words) - 1 and re.search(r"[,.;:()]$", w) or w in ("–", "-") or w.endswith("("):
            break
        if w.startswith("(") and _is_start_word(w[1:], False):
            words[i] = w[1:]
            found = i
            break
        if "(" in w and i < len(words) - 1:
            break
        if _is_start_word(w, i == 0):
            found = i
            # extend over consecutive capitalised words ('Etelä-Alfan ABC', 'Beetan Reitti')
            while found > 0 and _is_start_word(words[found - 1], found - 1 == 0) and \
                    not re.search(r"[,.;:()]$", words[found - 1]):
                found -= 1
            break
        i -= 1
    if found is None:
        # a long name with commas and dashes that starts the sentence ('Alfaa
        # järjestöihin – osallisuutta, ... -hankerahoitusta on haettu')
        if len(words) <= 16 and words[0][:1].isupper() and \
                words[0].casefold() not in _FUNCTION_WORDS and \
                not any(w in ("on", "ovat", "oli", "olivat", "ei", "ole") or
                        re.search(r"(?:taan|tään|ttiin|tiin)$", w) for w in words):
            found = 0
        else:
            return None
    name = " ".join(words[found:]).strip(" ,;:“”\"(")
    return name or None


def _years_after(text: str, pos: int) -> tuple[Optional[str], Optional[str]]:
    """An acronym and a year span in the parentheses right after a mention."""
    m = re.match(r"\s*\((?P<inner>[^()]{1,40})\)", text[pos:])
    if not m:
        inside = re.match(r"\s*,\s*(?P<acr>[A-ZÅÄÖ]{2,}[A-ZÅÄÖa-zåäö]*)\s*\)", text[pos:])
        return (inside.group("acr"), None) if inside else (None, None)
    inner = m.group("inner")
    acr = re.match(r"^([A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{1,12}?)(?:-hanke)?(?:,|$)", inner)
    ys = YEARS_RE.search(inner)
    acronym = acr.group(1) if acr and sum(c.isupper() for c in acr.group(1)) >= 2 else None
    return acronym, (f"{ys.group(1)}-{ys.group(2)}" if ys else None)


def _mentions(sent: str) -> list[tuple[int, str, Optional[str], Optional[str], str]]:
    """(position, name, acronym, period, marker) of the projects a sentence names."""
    out = []
    for m in _NAME_AFTER.finditer(sent):
        period = f"{m.group('y1')}-{m.group('y2')}" if m.group("y1") else None
        out.append((m.start("name"), m.group("name").strip(" ,"), m.group("acr"), period, "name"))
    for m in _DASH_MARKER.finditer(sent):
        marker = m.group("m").casefold()
        if marker.startswith("pilot") or marker.startswith("kokeilu"):
            continue
        # a suspended compound 'Beetan Reitti- ja ABC-hankkeiden': both names
        name = _walk_back(sent, m.start(), 0)
        if not name:
            continue
        acr, period = _years_after(sent, m.end())
        tail = "-hankekokonaisuus" if "kokonaisuu" in marker else "-projekti" if marker.startswith("projekt") \
            else "-hanke"
        spaced = sent[m.start():m.start() + 1].isspace()
        base = name
        if re.fullmatch(r"[A-ZÅÄÖ]{2,}", base.split()[-1]) and acr is None:
            acr = base.split()[-1]
        elif acr is None and " " not in base and base[:1].isupper() and 3 <= len(base) <= 14:
            acr = base      # 'Sosku-hanke' is called 'Sosku': the same short name other sources use
        suspended = re.match(r"^(.*\S)-\s+ja\s+(\S+)$", base)
        if suspended:   # 'Beetan Reitti- ja ABC-hankkeiden': two names share the marker
            out.append((m.start() - len(base), f"{suspended.group(1)} -hanke", None, None, "dash"))
            base, spaced = suspended.group(2), False
        full = f"{base} {tail}" if spaced else f"{base}{tail}"
        out.append((m.start() - len(name), full, acr, period, "dash"))
    for m in _COMPOUND.finditer(sent):
        if _DASH_MARKER.match(sent, m.end()) or re.match(r"\s?[-–]\s?hank", sent[m.end():]):
            continue   # 'X kuntakokeilu –hankkeeseen' is found above
        before = sent[:m.start()].split()
        cap = next((k for k in range(len(before) - 1, max(len(before) - 3, -1), -1)
                    if _is_start_word(before[k], k == 0)), None)
        if cap is None:
            continue
        words = before[cap:] + [re.sub(r"(kokeilu|hanke)(?:ssa|ssä|sta|n|un|hun|lla|lle|na)?$", r"\1",
                                       re.sub(r"hankkee\w*$|hankkei\w*$", "hanke", m.group("w")))]
        if any(re.search(r"[,.;:()]$", w) for w in before[cap:]):
            continue
        acr, period = _years_after(sent, m.end())
        out.append((len(" ".join(before[:cap])), " ".join(words), acr, period, "compound"))
    for m in _CODED.finditer(sent):
        ys = m.group("y1")
        out.append((m.start("name"), m.group("name").strip(" ,"), None,
                    f"{ys}-{m.group('y2')}" if ys else None, "code:" + m.group("code")))
    for m in _AGENT.finditer(sent):
        words = m.group("org").split()
        # 'Hanke jatkaa Alfan kaupungin': the name starts after the last lower-case word before a capital
        cut = max((i + 1 for i in range(len(words) - 1) if words[i][:1].islower() and words[i + 1][:1].isupper()),
                  default=0)
        org = nominative(" ".join(words[cut:]))
        name = re.sub(r"(pilot\w*)$", "pilotti", m.group("name"))
        name = re.sub(r"(?:ssa|ssä)\s", " ", name)
        name = name[:1].upper() + name[1:]
        out.append((m.start("name"), name, None, None, "agent:" + org))
    out.sort(key=lambda x: x[0])
    # one mention per project: '(ABCD-hanke)' after 'Alfa beeta –hankkeelle' is the same
    kept: list = []
    for o in out:
        k = _key(o[1])
        same = next((j for j, x in enumerate(kept) if k == _key(x[1]) or (x[2] and k == _key(x[2]))), None)
        if same is not None:
            if o[4].startswith("agent:") and not kept[same][4].startswith("agent:"):
                kept[same] = (*kept[same][:4], o[4])    # who implemented it, said of the same mention
            continue
        kept.append(o)
    return kept


def relation_kind(texts: list[str], ended_before: bool) -> str:
    """How a plan relates to a project from the text around its mentions.

    >>> relation_kind(["Hanke liittyy tiiviisti rahoitushaussa olevaan X-hankkeeseen."], False)
    'parallel'
    >>> relation_kind(["Hankkeet tulevat tekemään yhteistyötä."], False)
    'cooperates_with'
    >>> relation_kind(["Tässä hankkeessa mallia kehitetään edelleen."], True)
    'continues'
    """
    text = " ".join(texts)
    if _PARALLEL.search(text):
        return "parallel"
    if _COOPERATES.search(text):
        return "cooperates_with"
    if _CONTINUES.search(text):
        return "continues"
    return "builds_on"


def _same(a: RelatedProject, name: str, acr: Optional[str], period: Optional[str]) -> bool:
    if acr and (a.acronym == acr or _key(a.name) == _key(acr)):
        return True
    if a.acronym and _key(name) == _key(a.acronym):
        return True
    ka, kb = a.key, _key(name)
    if ka == kb:
        return True
    if period and a.period and period != a.period:
        return False
    shorter, longer = sorted((ka, kb), key=len)
    return len(shorter) >= 8 and shorter in longer and not (period and a.start_year and
                                                            int(period[:4]) != a.start_year)


def related_projects(bs: list[Block]) -> list[RelatedProject]:
    """Every project other than the plan's own that the blocks name, merged by name/acronym."""
    found: list[RelatedProject] = []
    for b in bs:
        current: Optional[RelatedProject] = None
        for sent in sentences(b.text, ends=".?"):
            ms = _mentions(sent)
            for pos, name, acr, period, marker in ms:
                if len(re.sub(r"\W", "", name)) < 3:
                    continue
                if not period and len(ms) == 1:
                    ys = list(YEARS_RE.finditer(sent))
                    if ys:
                        near = min(ys, key=lambda y: abs(y.start() - pos))
                        period = f"{near.group(1)}-{near.group(2)}"
                start_year = None
                sy = re.search(r"\b((?:19|20)\d{2})\s+(?:alka\w*|käynnisty\w*)", sent)
                if sy and not period:
                    start_year = int(sy.group(1))
                cands = [r for r in found if _same(r, name, acr, period or (f"{start_year}-" if start_year
                                                                             else None))]
                # the closest candidate: same name, same acronym, then the nearest length
                rp = max(cands, key=lambda r: (r.key == _key(name), bool(acr) and r.acronym == acr,
                                               -abs(len(r.key) - len(_key(name)))), default=None)
                if rp is None:
                    rp = RelatedProject(name, b.first, b.last, acronym=acr, period=period, start_year=start_year)
                    found.append(rp)
                else:
                    rp.acronym = rp.acronym or acr
                    rp.period = rp.period or period
                    # prefer the fuller printed name
                    if len(name) > len(rp.name) and _key(rp.name) in _key(name) or \
                            rp.acronym and _key(rp.name) == _key(rp.acronym) != _key(name):
                        rp.name = name
                quoted = re.match(r"[^“\".]{0,%d}[“\"]([^”\"]{3,80})[”\"]" % (len(name) + 12), sent[pos:])
                if quoted and not rp.title:
                    rp.title = quoted.group(1).strip()
                # what the plan says about it: the naming sentence and the block's
                # sentences that speak of the plan itself ('Tässä hankkeessa ...')
                for ctx in [sent] + [x for x in sentences(b.text, ends=".?") if _SELF.search(x)]:
                    if ctx not in rp.contexts:
                        rp.contexts.append(ctx)
                if marker.startswith("agent:"):
                    org = marker[6:]
                    if (org, "implementer") not in rp.implementers:
                        rp.implementers.append((org, "implementer"))
                if marker.startswith("code:"):
                    rp.code = rp.code or marker[5:]
                _stated_implementers(sent, pos, name, rp)
                rp.clause_kind = rp.clause_kind or _clause_kind(sent, pos, name, ms)
                current = rp
            if current is not None:
                _implementers(sent, current, ms)
    for rp in found:
        end = int(rp.period[-4:]) if rp.period else None
        texts = rp.contexts
        rp.kind = rp.clause_kind or relation_kind(texts, ended_before=bool(end and rp.start_year is None and
                                                          re.search(r"\w+(?:ttiin|tiin)\b", " ".join(texts))))
    return found


def _stated_implementers(sent: str, pos: int, name: str, rp: RelatedProject) -> None:
    """Who ran the project, printed right after its mention or as a genitive owner before it."""
    end = sent.find(name, pos)
    end = end + len(name) if end >= 0 else pos + len(name)
    after = sent[end:]
    # the mention's inflected marker ('-hankkeen') and its year span come before the words
    after = re.sub(r"^[-–]?[\wåäö]*", "", after)
    m = _IMPLEMENTER_AFTER.match(after)
    if m:
        role = {"pää": "main", "osa": "sub"}.get((m.group("kind") or "").casefold(),
                                               "administrator" if m.group("w") == "hallinnoija" else "implementer")
        for org in _org_list(m.group("list")):
            if not any(o == org for o, _ in rp.implementers):
                rp.implementers.append((org, role))
    o = _OWNER_BEFORE.search(sent[:pos])
    if o:
        words = o.group("org").split()
        cut = max((i + 1 for i in range(len(words) - 1) if words[i][:1].islower() and words[i + 1][:1].isupper()),
                  default=0)
        org = nominative(" ".join(words[cut:]))
        if org[:1].isupper() and not any(x == org for x, _ in rp.implementers):
            rp.implementers.append((org, "implementer"))


def _clause_kind(sent: str, pos: int, name: str, ms) -> Optional[str]:
    """How the plan relates to a project, from the clause that names it in a sentence
    naming several ('... rinnakkain X-hankkeen kanssa | ja tekee yhteistyötä Y-hankkeen
    kanssa'), when that clause says so itself.

    >>> s = "Hanke toimii rinnakkain Alfa-hankkeen kanssa ja tekee yhteistyötä Beetan kunnan Gamma ja delta -hankkeen kanssa."
    >>> [_clause_kind(s, p, n, _mentions(s)) for p, n, *_ in _mentions(s)]
    ['parallel', 'cooperates_with']
    """
    if len(ms) < 2:
        return None
    spans = []
    for p, n, *_ in ms:
        e = sent.find(n, p)
        spans.append((p, (e + len(n)) if e >= 0 else p + len(n)))
    cuts = [m.start() for m in re.finditer(r",\s+|\s+ja\s+(?=[a-zåäö])|\s+sekä\s+", sent)
            if not any(a <= m.start() < b for a, b in spans)]
    left = max((c for c in cuts if c < pos), default=0)
    me = next(b for a, b in spans if a == pos) if any(a == pos for a, _ in spans) else pos
    right = min((c for c in cuts if c >= me), default=len(sent))
    clause = sent[left:right]
    if _PARALLEL.search(clause) or _COOPERATES.search(clause) or _CONTINUES.search(clause):
        return relation_kind([clause], False)
    if re.search(r"\byhteistyö", clause, re.I) and re.search(r"\bkanssa\b", clause):
        return "cooperates_with"     # 'tekee yhteistyötä <a long name> -hankkeen (2097–2099) kanssa'
    return None


def _org_list(text: str) -> list[str]:
    out = []
    for n in split_names(text):
        n = re.sub(r"\s*\([^)]*\)", "", n).strip(" .")
        n = re.sub(r"^(?:[a-zåäö][\wåäö]*\s+)+", "", n)
        if n[:1].isupper() and len(n.split()) <= 8:
            out.append(nominative(n))
    return out


def _implementers(sent: str, rp: RelatedProject, ms) -> None:
    roles = (("osatoteuttaj", "sub"), ("päätoteuttaj", "main"), ("toteuttaj", "implementer"),
             ("hallinnoij", "administrator"))
    for word, role in roles:
        m = re.search(rf"\b{word}\w*\s+(?:ovat|on|toimii|toimivat)\s+(?P<list>[A-ZÅÄÖ][^.;]+)", sent, re.I)
        if m:
            for org in _org_list(m.group("list")):
                if (org, role) not in rp.implementers:
                    rp.implementers.append((org, role))
            return
    m = re.search(r"\b(?:jota|jonka|joka)\s+(?P<verb>hallinnoi|hallinnoivat|toteuttaa|toteuttavat|toteutti|toteuttivat)\s+"
                  r"(?P<list>[A-ZÅÄÖ][^.;()]+?)\s*(?:,|\.|$)", sent)
    if m and ms:
        role = "administrator" if m.group("verb").startswith("hallinnoi") else "implementer"
        for org in _org_list(m.group("list")):
            if (org, role) not in rp.implementers:
                rp.implementers.append((org, role))
        return
    m = re.match(r"^(?P<list>[A-ZÅÄÖ][^.;]{1,120}?)\s+(?:osallistuivat|osallistui|toteuttivat|toteutti)\s", sent)
    if m and ms:
        for org in _org_list(m.group("list")):
            if (org, "implementer") not in rp.implementers:
                rp.implementers.append((org, "implementer"))
        return
    m = re.match(r"^(?P<org>[A-ZÅÄÖ][^.;]{1,120}?)\s+(?:on\s+hakenut|hakee|on\s+hakemassa)\s", sent)
    if m and ms:
        org = nominative(m.group("org"))
        if (org, "applicant") not in rp.implementers:
            rp.implementers.append((org, "applicant"))


# ----------------------------------------------------------------- projects in a table

_NAME_HEADER = re.compile(r"(?:hanke|hankkeen\s+nimi|hankkeet|projekti|projektin\s+nimi|nimi)", re.I)
_COLUMN_HEADERS = {
    "org": re.compile(r"(?:toteuttaja|toteuttajat|päätoteuttaja|hallinnoija|organisaatio|hakija)", re.I),
    "years": re.compile(r"(?:vuodet|vuosi|toteutusaika|ajankohta|kesto|aika)", re.I),
    "other": re.compile(r"(?:rahoittaja|rahoitus|kuvaus|tulokset|yhteys\s+hankkeeseen|lisätietoja)", re.I),
}


def table_projects(lines) -> list[RelatedProject]:
    """Projects in a table printed one cell per line: a header row ('Hanke' /
    'Toteuttaja' / 'Vuodet') followed by rows of as many cells.

    >>> from hankeverkko.loaders.text import Line
    >>> ls = [Line(i + 1, t) for i, t in enumerate(["Hanke", "Toteuttaja", "Vuodet", "Alfa – beeta",
    ...       "Gamman kunta", "2097–2099", "Delta", "Eetu ry", "2098-2099", "", "Uusi kappale."])]
    >>> [(r.name, r.period, r.implementers) for r in table_projects(ls)]
    [('Alfa – beeta', '2097-2099', [('Gamman kunta', 'implementer')]), ('Delta', '2098-2099', [('Eetu ry', 'implementer')])]
    """
    out: list[RelatedProject] = []
    cells = [(ln.no, ln.text.strip()) for ln in lines]
    i = 0
    while i < len(cells):
        no, t = cells[i]
        if not _NAME_HEADER.fullmatch(t.rstrip(":")):
            i += 1
            continue
        cols, j = ["name"], i + 1
        while j < len(cells) and len(cols) < 5:
            kind = next((k for k, rx in _COLUMN_HEADERS.items() if rx.fullmatch(cells[j][1].rstrip(":"))), None)
            if kind is None:
                break
            cols.append(kind)
            j += 1
        if len(cols) < 2 or not {"org", "years"} & set(cols):
            i += 1
            continue
        while j + len(cols) <= len(cells):
            row = cells[j:j + len(cols)]
            if any(not c for _, c in row):
                break
            values = dict(zip(cols, (c for _, c in row)))
            ys = YEARS_RE.search(values.get("years", ""))
            if "years" in values and not ys or len(values["name"]) > 120 or values["name"].endswith("."):
                break
            rp = RelatedProject(values["name"], row[0][0], row[-1][0],
                                period=f"{ys.group(1)}-{ys.group(2)}" if ys else None)
            if values.get("org"):
                rp.implementers = [(nominative(o), "implementer") for o in split_names(values["org"])]
            rp.contexts.append(" ".join(c for _, c in row))
            out.append(rp)
            j += len(cols)
        i = j
    return out
