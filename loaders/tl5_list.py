"""ESR 2014–2020 'TL 5' reports: national development projects of priority axis 5.

Such a report describes a national measure package (toimenpidekokonaisuus)
funded through a ministry: results prose that names projects by acronym and
what they produced, then the list 'Toimenpidekokonaisuudesta rahoitettujen
hankkeiden lista' with each project's full name and its eura2014 link, whose
``projektikoodi=`` is the EURA code.  PDF extraction breaks names and links
over lines (even inside 'projekti-' / 'koodi='), and page link annotations
repeat links as bare lines after the page; both are repaired here.

Yields one :class:`~loaders.records.Project` per list entry (code, full name,
acronym, kind, links, outputs matched from the prose, implementers where
stated), the programme, the measure package as a
``Theme(kind="measure_package")`` and the funding ministry where stated.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import (BULLET_RE, ORG_HEAD_RE, YEARS_RE, Vocabulary, blocks, nominative, running_furniture, scrub_contacts,
                    sentences)
from hankeverkko.loaders.prose import line_count as _line_count
from hankeverkko.loaders.records import OrgMention, Participation, Programme, Project, Relation, Skipped, SourceDocument, Span, Theme
from hankeverkko.loaders.reference import aliases, expand_abbreviation, ministries
from hankeverkko.loaders.text import URL_RE, Line, is_noise, normalise_space, strip_contact_details

__all__ = ["KIND", "DESCRIPTION", "score", "load", "eura_codes"]

KIND = "tl5-list"
DESCRIPTION = ("ESR 2014–2020 TL 5 report: results prose and the list of funded projects "
               "('Toimenpidekokonaisuudesta rahoitettujen hankkeiden lista') with eura2014 links")

#: the list heading of this kind (a theme review says 'Valtakunnallisesta teemasta ...')
LIST_HEADING_RE = re.compile(r"toimenpidekokonaisuude(?:sta|n)\s+rahoitettu\w*\s+hankkei\w*\s+lista", re.I)
_ANY_LIST_HEADING_RE = re.compile(r"rahoitettu\w*\s+hankkei\w*\s+lista", re.I)
#: 'projektikoodi=S99999' in an eura2014 link, tolerant of a break inside the word
_CODE_RE = re.compile(r"projekti\W{0,3}koodi\s*=\s*([A-Z]\d{4,6})", re.I)
#: a code printed as text in an entry: 'EURA-koodi S99001', 'hankekoodi: S99001', '(S99001)'
_PRINTED_CODE_RE = re.compile(r"(?:\b(?:EURA|hanke|projekti)[\s-]?(?:koodi|tunnus)\s*:?\s*|\((?=[A-Z]\d{5}\)))"
                              r"([A-Z]\d{5})\b\)?,?", re.I)
_TL_RE = re.compile(r"\b(?:TL\s?(\d)(?![.,]\d)|toimintalinja(?:n)?\s+(\d)(?![.,]\d))", re.I)
_MARKER = r"(?:koordinaatio|kehittämis|osa)?(?:hank|projekt)\w*"

#: verbs after which the results prose names what a project produced
_PRODUCED_RE = re.compile(
    r"\b(?:tuottanut|tuotti|tuotettu|tuottaneet|kehittänyt|kehitti|kehitettiin|kehitetty|kehittäneet|"
    r"kehitetään|kehittämässä|luonut|loi|luotu|luotiin|laatinut|laati|laadittu|laadittiin|julkaissut|"
    r"julkaisi|julkaistu|mallintanut|mallinnettu|mallinnettiin|rakentanut|rakennettu|rakennettiin)\b\s+(?:mm\.\s+)?(.+)$")
#: 'X-hankkeen kehittämä Y', 'hankkeessa kehitettyä Y'
_PARTICIPLE_RE = re.compile(
    r"(?:[Hh]ankkee(?:ssa|n)|[Pp]rojekti(?:ssa|n)|\b[A-ZÅÄÖ]{3,}[A-ZÅÄÖ0-9]*:?n)\s+(?:kehittämä|kehittämää|kehittämän|kehittämät|tuottama|tuottamaa|tuottaman|tuottamat|kehitetty|"
    r"kehitettyä|kehitetyn|kehitetyt|tuotettu|tuotettua|tuotetun|luoma|luomaa|luotu|luotua)\s+(.+)$")
_NP_STOP_RE = re.compile(
    r"[,.;:()]|\s(?:on|ovat|oli|olivat|voidaan|hyödynnetään|pyritään|jää|jäävät|käytetään|otetaan|"
    r"levitetään|sovelletaan|tukee|tukevat|jatkuu|kautta|avulla|jota|joka|joita|mm\.)(?=\s|$)")
_RELATIVE_RE = re.compile(r"^(?:jo(?:ka|ita|ta|nka|lla|ssa|hon|iden|illa|issa|ihin|ista|sta|nka)|"
                          r"mi(?:ssä|tä|ten|kä|hin)|kun|jotta|koska|mutta|että|eli)\b", re.I)
_IMPLEMENTER_RE = re.compile(r"[,(]?\s*\b(pää|osa)?toteuttaja(?:t|na|ina)?\s*(?:on|ovat|:)?\s*"
                             r"([A-ZÅÄÖ][^,()]*?)(?=\s*(?:,|\)|$|https?://))", re.I)
_NUMBERED_ENTRY = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")
_PAST_PARTICIPLE = r"\w{3,}(?:tu|ty|ttiin|nut|nyt|neet)"
#: objects of the present tense 'kehitetään' count only when they name a tool or model
_TOOL_RE = re.compile(r"malli|työkalu|menetelm|mittari|indikaattor|opas|kriteer|konsept|sanasto|materiaal|"
                      r"prosessi|koulutus|alusta|sovellus", re.I)


# ----------------------------------------------------------------- scoring

def _compact(lines: list[Line]) -> str:
    """All text with line-break hyphens and spaces removed (to find broken links)."""
    return re.sub(r"-?\s*\n\s*", "", "\n".join(ln.text.strip() for ln in lines if ln.text.strip()))


def eura_codes(lines: list[Line]) -> list[str]:
    """EURA codes from every ``projektikoodi=`` link, in order, without repeats.

    >>> eura_codes([Line(1, "https://www.eura2014.fi/rrtiepa/projekti.php?projekti-"), Line(2, "koodi=S99001,")])
    ['S99001']
    """
    seen: list[str] = []
    for m in _CODE_RE.finditer(_compact(lines)):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def score(lines: list[Line]) -> int:
    """Evidence for a TL5 list: its list heading, eura2014 project links, 'TL 5'."""
    text = "\n".join(ln.text for ln in lines)
    headings = len(LIST_HEADING_RE.findall(re.sub(r"\s+", " ", re.sub(r"(?<=\w)-[ \t]*\n\s*(?=[a-zåäö])", "", text))))
    codes = len(eura_codes(lines))
    if not headings and not codes:
        return 0
    tl = 1 if _TL_RE.search(text) else 0
    return 20 * min(headings, 2) + 3 * min(codes, 15) + 5 * tl


# ----------------------------------------------------------------- entries

def _has_code(entry: list[Line]) -> bool:
    """Whether an entry's lines so far hold its EURA code (in a link or printed)."""
    return bool(_CODE_RE.search(_compact(entry)) or
                _PRINTED_CODE_RE.search(" ".join(ln.text for ln in entry)))


def _url_key(u: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", u.strip().rstrip(",.;)").casefold()).rstrip("/")


class _Links:
    """URLs the document prints unbroken, to decide hyphens in broken ones."""

    def __init__(self, lines: list[Line]):
        self.keys = set()
        for ln in lines:
            toks = ln.text.split()
            for i, tok in enumerate(toks):
                if URL_RE.match(tok) and not (i == len(toks) - 1 and tok.endswith("-")):
                    self.keys.add(_url_key(tok))

    def glue(self, left: str, right: str) -> str:
        """Join a URL broken at a line end: 'projekti-' + 'koodi=...'."""
        head = left[:-1]
        tok = right.split()[0] if right.split() else ""
        merged, hyph = _url_key(head + tok), _url_key(left + tok)
        if any(k.startswith(hyph) or hyph.startswith(k) and len(k) > len(_url_key(head)) for k in self.keys) \
                and not any(k.startswith(merged) for k in self.keys):
            return left + right.lstrip()
        return head + right.lstrip()


def _ends_in_url(text: str) -> bool:
    toks = text.split()
    return bool(toks) and bool(URL_RE.match(toks[-1]))


def _completes_code(url: str, nxt: str) -> bool:
    """Whether ``nxt`` continues an eura link whose code the line break cut.

    >>> _completes_code("https://x.fi/projekti.php?projektikoodi=S991", "01,")
    True
    >>> _completes_code("https://x.fi/projekti.php?projektikoodi=S99101,", "https://y.fi")
    False
    """
    if _CODE_RE.search(url) and re.search(r"=[A-Z]\d{5}\W*$", url):
        return False
    return bool(re.match(r"^[\w=]+", nxt)) and not URL_RE.match(nxt) and \
        bool(re.search(r"projekti\W{0,3}koodi\s*=\s*[A-Z]\d{5}(?!\d)", url + nxt, re.I)) and \
        not re.search(r"projekti\W{0,3}koodi\s*=\s*[A-Z]\d{5}(?!\d)", url, re.I)


def _join_entry(parts: list[str], vocab: Vocabulary, links: _Links) -> str:
    out = ""
    for p in parts:
        p = normalise_space(p)
        if not p:
            continue
        if out and out.endswith("-") and _ends_in_url(out):
            cut = out.rfind(" ") + 1
            out = out[:cut] + links.glue(out[cut:], p)
        elif out and _ends_in_url(out) and _completes_code(out.split()[-1], p.split()[0]):
            out += p      # a link broken inside its code: 'projektikoodi=S991' + '01
        else:
            out = vocab.dehyphenate(out, p) if out else p
    return normalise_space(out)


def _acronym_and_name(name: str) -> tuple[Optional[str], str]:
    """Split the printed acronym off a list entry's name.

    >>> _acronym_and_name("Kehittämisen koordinaatiohanke - Alfa")
    ('Alfa', 'Kehittämisen koordinaatiohanke')
    >>> _acronym_and_name("Gamman elämän hanke (GAMMA-hanke)")
    ('GAMMA', 'Gamman elämän hanke')
    >>> _acronym_and_name("Deltat eteenpäin (DELTA) - mallin kehittäminen")
    ('DELTA', 'Deltat eteenpäin (DELTA) - mallin kehittäminen')
    >>> _acronym_and_name("BETA Beetaisempaa arkea -projekti")
    ('BETA', 'BETA Beetaisempaa arkea -projekti')
    >>> _acronym_and_name("Gammat verkossa: GAVE")
    ('GAVE', 'Gammat verkossa')
    """
    name = normalise_space(name).strip(" ,;")
    m = re.search(r"\s*\(([^()]{1,30}?)(?:\s?[-–]\s?" + _MARKER + r")?\)\s*$", name)
    if m and _acronym_like(m.group(1)):
        return m.group(1).strip(), name[:m.start()].strip(" ,-–")
    m = re.search(r"\s[-–]\s([^\s()]{2,12})$", name)
    if m and _acronym_like(m.group(1)) and m.group(1)[0].isupper():
        return m.group(1), name[:m.start()].strip()
    m = re.search(r":\s([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,11})$", name)       # 'Name: ACRONYM'
    if m:
        return m.group(1), name[:m.start()].strip()
    m = re.search(r"\(([^()\s]{2,12})\)", name)
    if m and _acronym_like(m.group(1)):
        return m.group(1), name
    m = re.match(r"^([A-ZÅÄÖÁ]{2,}(?:\s[A-ZÅÄÖÁ]{2,})*)(?=[\s-]+\S)", name)
    if m and not re.match(r"^[A-ZÅÄÖÁ]{2,}-[a-zåäö]", name):
        return m.group(1), name
    return None, name


def _acronym_like(s: str) -> bool:
    s = s.strip()
    words = s.split()
    if not words or len(words) > 2 or len(s) > 14 or re.search(r"\d{4}", s):
        return False
    return all(w[:1].isupper() for w in words) and not any(w.casefold() in ("liite", "ks", "esim") for w in words)


def _short_name(name: str) -> str:
    return re.split(r"\s[-–]\s|:|!|\s\(", name)[0].strip()


class _Ref:
    """How the prose refers to one project: acronym and short name."""

    def __init__(self, p: Project):
        self.project = p
        pats = []
        if p.acronym:
            pats.append(re.escape(p.acronym))
        short = _short_name(p.name)
        if short and short != p.acronym and len(short) >= 5:
            pats.append(re.escape(short))
        self.re = re.compile(r"(?<![\wÅÄÖåäöÁá])(?:" + "|".join(pats) + r")(?=$|[^\wÅÄÖåäöÁá]|n\b|:)") \
            if pats else None

    def find(self, text: str) -> Optional[int]:
        m = self.re.search(text) if self.re else None
        return m.start() if m else None


def _clean_object(obj: str) -> list[str]:
    """What a project produced, from the words after 'on tuottanut' etc."""
    obj = re.sub(r"\b(?:yhdessä|yhteistyössä)\b.*?\bkanssa\b\s*", "", obj)
    obj = re.sub(r"\s+(?:siten|niin),?\s+että\b.*$", "", obj)
    obj = obj.strip().rstrip(".")
    if not obj or re.match(r"^(?:ja|että|,)\b", obj):
        return []
    items: list[str] = []
    for seg_no, seg in enumerate(re.split(r",\s+", obj)):
        if _RELATIVE_RE.match(seg):
            tail = re.split(r"\s+ja\s+", seg)
            if len(tail) > 1 and tail[-1][:1].isupper():
                items.append(tail[-1])
            break
        if seg_no and re.match(rf"^{_PAST_PARTICIPLE}\b", seg):
            break
        items.append(seg)
    out: list[str] = []
    for it in items:
        # 'A ja toteutettu B' -> A, B ; 'A sekä B' -> A, B
        for part in re.split(rf"\s+ja\s+(?={_PAST_PARTICIPLE}\s)|\s+sekä\s+", it):
            part = re.sub(rf"^{_PAST_PARTICIPLE}\s+", "", part.strip())
            part = re.sub(rf"\s+ja\s+{_PAST_PARTICIPLE}$", "", part)
            part = re.sub(r"\s+\w{3,}(?:ma|mä)(?:an|än)\b.*$", "", part)        # purpose: 'tukemaan ...'
            part = re.sub(r"^(?:(?:mm|esim)\.\s+|myös\s+|\w+sti\s+)+", "", part)  # 'mm.', adverbs
            part = part.strip(" .,;:")
            if len(part) >= 4 and len(part.split()) <= 14:
                out.append(part)
    return out


def _noun_phrase(text: str) -> Optional[str]:
    m = _NP_STOP_RE.search(text)
    np = (text[:m.start()] if m else text).strip()
    words = np.split()
    if not words or len(words) > 6:
        return None
    return np


def _add_output(p: Project, out: str):
    """Add an output unless an earlier one names the same thing ('Alfamittaria' after
    'Alfamittari-työkalun')."""
    key = out.casefold()
    stem = key[:-3] if len(key) > 8 else key
    for o in p.outputs:
        if stem in o.casefold():
            return
    p.outputs.append(out)


# ----------------------------------------------------------------- load

def _programme_name(text: str) -> Optional[str]:
    """The structural-fund programme: a programme name from the reference data printed
    in the text, else the 2014–2020 ESF programme the eura2014 links and 'TL 5' point to."""
    flat = normalise_space(text).casefold()
    hits = [(flat.find(a.alias.casefold()), a.canonical) for a in aliases()
            if a.type == "programme" and len(a.alias) > 12 and a.alias.casefold() in flat]
    if hits:
        return min(hits)[1]
    if re.search(r"eura2014|\bTL\s?\d|toimintalinja\s+\d|rakennerahasto", text, re.I):
        return expand_abbreviation("ESR 2014–2020") or "ESR 2014–2020"
    return None


def _theme_name(text: str, lines: Optional[list[Line]] = None, vocab: Optional[Vocabulary] = None) -> str:
    """The measure package's name where printed ('Toimenpidekokonaisuus: X', or a
    'Toimenpidekokonaisuuden nimi' label line followed by the name), else one
    built from the priority axis number.

    >>> _theme_name("", [Line(1, "Toimenpidekokonaisuuden nimi"), Line(2, ""), Line(3, "Alfa ja beeta")])
    'Alfa ja beeta'
    >>> _theme_name("", [Line(1, "Toimenpidekokonaisuuden nimi"), Line(2, "Alfan kehittämis-"), Line(3, "hankkeet (TL 5)")])
    'Alfan kehittämishankkeet (TL 5)'
    >>> _theme_name("Valtakunnalliset TL 5 -hankkeet")
    'Toimintalinja 5: valtakunnallinen toimenpidekokonaisuus'
    """
    m = re.search(r"(?:valtakunnallinen\s+)?toimenpidekokonaisuus\s*:\s*([^\n]{3,80})", text, re.I)
    if m:
        return normalise_space(m.group(1)).rstrip(" .")
    content = [ln for ln in (lines or []) if ln.text.strip()]
    for i, ln in enumerate(content[:-1]):
        if re.fullmatch(r"\s*(?:valtakunnallinen\s+)?toimenpidekokonaisuu(?:s|den\s+nimi)\s*:?\s*", ln.text, re.I):
            parts = [content[i + 1].text]
            for nxt in content[i + 2:i + 4]:      # a name broken over lines: 'kehittämis-' / 'hankkeet'
                prev = parts[-1].rstrip()
                if prev.endswith("-") or nxt.text.strip()[:1].islower():
                    parts.append(nxt.text)
                else:
                    break
            value = normalise_space((vocab or Vocabulary([])).join(parts)).rstrip(" .")
            if 3 <= len(value) <= 100 and not URL_RE.match(value):
                return value
    m = _TL_RE.search(text)
    n = (m.group(1) or m.group(2)) if m else None
    return f"Toimintalinja {n}: valtakunnallinen toimenpidekokonaisuus" if n else \
        "Valtakunnallinen toimenpidekokonaisuus"


def _funders(text: str) -> list[tuple[str, str, str]]:
    """(abbreviation, full name, stated role) of ministries said to fund."""
    out = []
    flat = normalise_space(text)
    for abbr, full in ministries().items():
        m = re.search(rf"(?:\b{abbr}\b|{re.escape(full)})(?::n|:n)?\s+([^.]*?rahoittaja\w*)", flat)
        if m:
            role = normalise_space(m.group(1))
            role = re.sub(r"rahoittajana$", "rahoittaja", role)
            out.append((abbr, full, role))
    return out


#: a heading that introduces the list without the usual words: 'Rahoitetut hankkeet:'
_SHORT_LIST_HEADING_RE = re.compile(r"^\s*(?:\w+\s+){0,2}rahoitet\w*\s+(?:\w+\s+){0,2}hank\w*"
                                    r"(?:\s+lista|\s+ja\s+\w+)?\s*:?\s*$", re.I)


def _list_start(lines: list[Line], vocab: Vocabulary) -> int:
    """Index of the list heading (the list is what follows it).

    The template's heading, also when the PDF broke it over two lines; else a
    short heading about funded projects; else the line before the first bullet
    or numbered item whose entry holds a EURA link.

    >>> _list_start([Line(1, "Alfa"), Line(2, "Toimenpidekokonaisuudesta rahoitettujen hank-"),
    ...              Line(3, "keiden lista"), Line(4, "• Beeta")], Vocabulary([]))
    2
    """
    for i, ln in enumerate(lines):
        if LIST_HEADING_RE.search(ln.text):
            return i
        if ln.text.strip() and i + 1 < len(lines) and len(ln.text.strip()) < 80:
            pair = vocab.join([ln.text, lines[i + 1].text])
            if LIST_HEADING_RE.search(pair) and not LIST_HEADING_RE.search(lines[i + 1].text):
                return i + 1
    for rx in (_ANY_LIST_HEADING_RE, _SHORT_LIST_HEADING_RE):
        i = next((i for i, ln in enumerate(lines) if rx.search(ln.text) and len(ln.text.strip()) < 90), None)
        if i is not None:
            return i
    for i, ln in enumerate(lines):
        if (BULLET_RE.match(ln.text) or _NUMBERED_ENTRY.match(ln.text)) and len(ln.text.strip()) > 2:
            entry = [ln]
            for nxt in lines[i + 1:i + 6]:
                if BULLET_RE.match(nxt.text) or _NUMBERED_ENTRY.match(nxt.text):
                    break
                entry.append(nxt)
            if _CODE_RE.search(_compact(entry)):
                return i - 1
    return len(lines)


# ----------------------------------------------------------------- a table flattened one cell per line

#: column labels of a project table whose cells the PDF extraction put one per line
_COLUMNS = (
    ("code", re.compile(r"(?:eura[\s-]?)?(?:hanke|projekti)?(?:koodi|tunnus)|eura", re.I)),
    ("name", re.compile(r"hanke|hankkeen\s+nimi|projekti|projektin\s+nimi|nimi", re.I)),
    ("org", re.compile(r"(?:pää)?toteuttaja(?:t)?|hakija|hallinnoija|organisaatio", re.I)),
    ("url", re.compile(r"linkki|linkit|verkkosivu(?:t)?|www-sivu(?:t)?|url|verkko-osoite|lisätieto(?:ja)?", re.I)),
)
_BARE_CODE_RE = re.compile(r"^\s*([A-Z]\d{5})\s*[,;]?\s*$")
_EMPTY_CELL_RE = re.compile(r"^\s*[-–—]\s*$")


def _column(text: str) -> Optional[str]:
    t = normalise_space(text).strip(" :")
    for key, rx in _COLUMNS:
        if rx.fullmatch(t):
            return key
    return None


def table_header(lines: list[Line], i: int) -> list[str]:
    """The columns of a table header flattened one label per line at ``lines[i]``
    ('Koodi' / 'Hanke' / 'Toteuttaja' / 'Linkki'), or [] when there is none.

    >>> table_header([Line(1, "Koodi"), Line(2, "Hankkeen nimi"), Line(3, "Toteuttaja"), Line(4, "S99001")], 0)
    ['code', 'name', 'org']
    """
    cols: list[str] = []
    for ln in lines[i:i + 6]:
        if not ln.text.strip():
            if cols:
                break
            continue
        key = _column(ln.text)
        if key is None or key in cols:
            break
        cols.append(key)
    return cols if len(cols) >= 3 and {"code", "name"} <= set(cols) else []


def _glue_url(parts: list[str], links: "_Links") -> list[str]:
    """A URL cell broken over lines, even inside the code ('projektikoodi=S991' + '01'):
    a line continues the URL before it unless that one ended with a comma."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith(",") or re.match(r"(?:https?://|www\.)", p, re.I):
            out += " " + p
        elif out.endswith("-"):
            out = out[:out.rfind(" ") + 1] + links.glue(out[out.rfind(" ") + 1:], p)
        else:
            out += p
    return [u.rstrip(",.;)") for u in URL_RE.findall(out)]


def _split_org(cell_lines: list[str], vocab: Vocabulary, has_org: bool) -> tuple[str, Optional[str]]:
    """Name and implementer cells of a row: the implementer is the last run of lines
    that starts a new cell (capital letter, the line before not broken by a hyphen)
    and reads as an organisation; without such a run, the last such line."""
    n = len(cell_lines)
    if not has_org or n < 2:
        return normalise_space(vocab.join(cell_lines)), None
    starts = [j for j in range(1, n) if cell_lines[j].strip()[:1].isupper()
              and not cell_lines[j - 1].rstrip().endswith(("-", "–", ","))]
    for j in reversed(starts):
        org = normalise_space(vocab.join(cell_lines[j:]))
        if ORG_HEAD_RE.search(org.split()[-1]) or ORG_HEAD_RE.search(org):
            return normalise_space(vocab.join(cell_lines[:j])), org
    if starts:
        j = starts[-1]
        return normalise_space(vocab.join(cell_lines[:j])), normalise_space(vocab.join(cell_lines[j:]))
    return normalise_space(vocab.join(cell_lines)), None


def _continues_url(prev: str, s: str) -> bool:
    """Whether a line continues the link cell above it ('01', 'di=S99001', 'pa/projekti.php?...')."""
    prev, s = prev.rstrip(), s.strip()
    if not prev or prev.endswith(",") or URL_RE.match(s):
        return False
    toks = s.split()
    if len(toks) > 1 and not URL_RE.match(toks[1]):
        return False        # words: the next row's name
    return prev.endswith(("-", "=")) or not s[:1].isupper()


def _table_rows(list_lines: list[Line], cols: list[str], vocab: Vocabulary, links: "_Links",
                seen_urls: set[str]) -> list[tuple[list[Line], str, str]]:
    """(lines, entry text, code) per row of a flattened table whose cells include the
    code; header lines repeated on later pages and page-annotation links are set aside.

    A row starts at its code when the code is the first column; otherwise it ends
    at its code, or after the link cell that follows the code.
    """
    c = cols.index("code")
    rows: list[list[Line]] = []
    state = "done"          # 'pre' before the row's code, 'post' in the cells after it
    prev = ""
    for ln in list_lines:
        s = ln.text.strip()
        if not s or _column(s):
            continue
        url_like = bool(URL_RE.match(s) or _EMPTY_CELL_RE.match(s)) or (
            bool(URL_RE.match(prev.split()[-1]) if prev.split() else False) and _continues_url(prev, s))
        is_code = bool(_BARE_CODE_RE.match(s)) and not prev.rstrip().endswith("=")
        if c == 0:
            if is_code:
                rows.append([ln])
            elif rows:
                rows[-1].append(ln)
        else:
            if state == "done" or state == "post" and not url_like:
                rows.append([ln])
                state = "pre"
            else:
                rows[-1].append(ln)
            if is_code:
                state = "post" if cols[c + 1:] else "done"
        prev = s if url_like else ""
    out = []
    for row in rows:
        code_ln = next((ln for ln in row if _BARE_CODE_RE.match(ln.text)), None)
        if code_ln is None:
            continue
        code = _BARE_CODE_RE.match(code_ln.text).group(1)
        cells = [ln.text for ln in row if ln is not code_ln]
        u = next((k for k, x in enumerate(cells) if URL_RE.match(x.strip()) or _EMPTY_CELL_RE.match(x)), len(cells))
        if "url" not in cols:
            u = len(cells)
        url_lines = [x for x in cells[u:] if not _EMPTY_CELL_RE.match(x)]
        # links the page annotations repeat after the row's own cell
        kept = [x for x in _glue_url(url_lines, links) if _url_key(x) not in seen_urls]
        seen_urls.update(_url_key(x) for x in kept)
        name, org = _split_org(cells[:u], vocab, "org" in cols)
        text = name + (f", toteuttaja {org}" if org else "") + "".join(f", {x}" for x in kept)
        out.append((row, text, code))
    return out


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
