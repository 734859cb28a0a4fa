"""Shared handling of text extracted from PDFs.

Pure functions: joining lines broken by the PDF extraction, repairing
hyphenation, recognising page furniture (footers, URLs, ``mailto:`` lines),
and reading euros and dates in the forms Finnish programme documents print.

>>> parse_euros("14 000 000 e")
Decimal('14000000')
>>> parse_euros("9,9 M€")
Decimal('9900000.0')
>>> parse_euros("1,4 milj. €")
Decimal('1400000.0')
>>> parse_date("1.9.2024")
datetime.date(2024, 9, 1)
>>> join_broken(["Diakonia-", "ammattikorkeakoulu Oy"])
'Diakonia-ammattikorkeakoulu Oy'
>>> join_broken(["Kivi-", "ammattikorkeakoulu"])
'Kivi-ammattikorkeakoulu'
>>> join_broken(["kehittämis-", "hankkeita"])
'kehittämishankkeita'
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Iterator, Optional

__all__ = [
    "Line", "read_lines", "normalise_space", "join_broken", "dehyphenate",
    "is_noise", "is_url", "URL_RE", "EMAIL_RE", "PHONE_RE", "strip_contact_details",
    "parse_euros", "parse_date", "parse_period", "DATE_RE", "PERIOD_RE",
    "repair_hyphen_spaces", "is_page_furniture", "parse_period_loose",
    "looks_like_org", "split_names",
]

# A PDF text line together with its 1-based line number.
@dataclass(frozen=True)
class Line:
    no: int
    text: str

    @property
    def clean(self) -> str:
        return normalise_space(self.text)


def read_lines(text: str) -> list[Line]:
    """Split document text into numbered lines (1-based), keeping empties."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]


_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")


def normalise_space(s: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) and trim."""
    return _SPACE_RE.sub(" ", s).strip()


URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
EMAIL_RE = re.compile(r"[\w.%+-]+(?:@|\(at\)|\[at\])[\w-]+(?:\.[\w-]+)+", re.I)
PHONE_RE = re.compile(r"(?:\+358|\b0)[\s\d]{6,}\d")
_MAILTO_RE = re.compile(r"^\s*mailto:", re.I)
_PAGE_NO_RE = re.compile(r"^\s*\d{1,3}\s*$")
# 'Sivu 12 / 40', 'Sivu 12', '12 / 40', 'Sida 3 (14)', 'Page 3 of 14'
_PAGE_OF_RE = re.compile(r"^\s*(?:(?:sivu|sida|page|s\.)\s*\d{1,3}(?:\s*(?:/|of|\()\s*\d{1,3}\)?)?"
                         r"|\d{1,3}\s*/\s*\d{1,3})\s*$", re.I)


def is_url(s: str) -> bool:
    """True when the whole line is a URL (possibly with trailing punctuation)."""
    s = s.strip().rstrip(",.;")
    return bool(s) and bool(re.fullmatch(r"(?:https?://|www\.)\S+", s, re.I))


def is_noise(s: str) -> bool:
    """Page furniture: blank lines, page numbers, ``mailto:`` link lines."""
    t = s.strip()
    return not t or bool(_MAILTO_RE.match(t)) or bool(_PAGE_NO_RE.match(t)) or bool(_PAGE_OF_RE.match(t))


def strip_contact_details(s: str) -> str:
    """Remove e-mail addresses and phone numbers from a string."""
    s = EMAIL_RE.sub("", s)
    s = PHONE_RE.sub("", s)
    return normalise_space(re.sub(r"\s*,\s*(,\s*)+", ", ", s)).strip(" ,")


# Words whose trailing hyphen is a real hyphen when followed by a lower-case
# compound part: 'Kivi-ammattikorkeakoulu', 'Keski-Suomen', 'ESR-hanke'.
_REAL_HYPHEN_BEFORE = re.compile(r"(?:[A-ZÅÄÖ]{2,}|\d|[A-ZÅÄÖ][a-zåäö]*)-$")
_VOWELS = frozenset("aeiouyäöå")


def dehyphenate(left: str, right: str) -> str:
    """Join two fragments where ``left`` ends in a hyphen at a line break.

    The hyphen is kept when it is a real one: after an abbreviation or a
    capitalised word part ('Lab-', 'Diakonia-', 'ESR-', 'Keski-') or before an
    upper-case letter or digit; otherwise it is a soft break and dropped
    ('kehittämis-' + 'hankkeita').  A space before the right part ('Laurea-
    ammattikorkeakoulu') is treated the same way.  A hyphen between two equal
    vowels is always real in Finnish.

    >>> dehyphenate("ravintola-", "alalla")
    'ravintola-alalla'
    >>> dehyphenate("kehittämis-", "hankkeita")
    'kehittämishankkeita'
    >>> dehyphenate("Sosiaali-", "ja terveysala")
    'Sosiaali- ja terveysala'
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-"):
        return f"{left} {right}".strip()
    if not right:
        return left
    # a suspended compound broken after its hyphen: 'Sosiaali-' + 'ja terveysala'
    if re.match(r"(?:%s)\b" % "|".join(_CONJUNCTIONS), right):
        return f"{left} {right}"
    # an en-dash style separator 'A -' or a list hyphen: keep with a space
    if left.endswith(" -"):
        return f"{left} {right}"
    word = re.split(r"\s", left)[-1]
    if right[0].isupper() or right[0].isdigit() or _REAL_HYPHEN_BEFORE.search(word):
        return left + right
    # Finnish spelling keeps the hyphen where a compound joins the same vowel
    # ('ravintola-alalla', 'tasa-arvo'), so it cannot be a soft break there.
    if len(word) > 1 and word[-2].lower() == right[0].lower() and right[0].lower() in _VOWELS:
        return left + right
    return left[:-1] + right


def join_broken(parts: Iterable[str]) -> str:
    """Join line fragments into one string, repairing hyphenation.

    >>> join_broken(["Keski-Suomen ELY-", "keskus"])
    'Keski-Suomen ELY-keskus'
    """
    out = ""
    for p in parts:
        p = normalise_space(p)
        if not p:
            continue
        out = dehyphenate(out, p) if out else p
    return normalise_space(out)


# ---------------------------------------------------------------- euros

_MILLION_RE = re.compile(
    r"^(?P<n>\d+(?:[ ,.]\d+)*)\s*"
    r"(?:M\s*€|milj(?:\.|\b)\s*(?:€|euroa\b|eur\b|e\b)?|miljoonaa\s*(?:€|e|euroa)?|M(?:EUR)?\b)", re.I)
_PLAIN_RE = re.compile(r"^(?P<n>\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?:€|e\b|eur\b|euroa\b)", re.I)


def _number(s: str) -> Decimal:
    s = s.replace("\u00a0", " ").strip()
    # thousands separators: space or dot followed by exactly three digits
    s = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", s)
    s = s.replace(" ", "").replace(",", ".")
    return Decimal(s)


def parse_euros(text: str) -> Optional[Decimal]:
    """Read the first euro amount in ``text``; ``None`` when there is none.

    Handles '14 000 000 e', '5 724 575 €', '9,9 M€', '1,4 milj. €',
    '14 M €, josta TEM 6 milj. € ...' (the total, 14 M), '13 M€+10 M€'
    (the sum, 23 M) and '0 € (31.10.24 mennessä)'.

    >>> parse_euros("13 M€+10 M€")
    Decimal('23000000')
    >>> parse_euros("14 M €, josta TEM 6 milj. €, OKM 3 milj. € ja STM 5 milj. €")
    Decimal('14000000')
    >>> parse_euros("0 € (31.10.24 mennessä)")
    Decimal('0')
    >>> parse_euros("1 055 410,40 €")
    Decimal('1055410.40')
    >>> parse_euros("16 milj.")
    Decimal('16000000')
    >>> parse_euros("5 milj. € + 3,6 milj. €")
    Decimal('8600000.0')
    >>> parse_euros("448 038,74 euroa")
    Decimal('448038.74')
    """
    t = normalise_space(text)
    m = re.search(r"\d", t)
    if not m:
        return None
    t = t[m.start():]
    total = None
    while True:
        mm = _MILLION_RE.match(t)
        if mm:
            try:
                val = _number(mm.group("n")) * Decimal(1_000_000)
            except InvalidOperation:
                return total
            rest = t[mm.end():]
        else:
            mp = _PLAIN_RE.match(t)
            if not mp:
                return total
            try:
                val = _number(mp.group("n"))
            except InvalidOperation:
                return total
            rest = t[mp.end():]
        total = val if total is None else total + val
        nxt = re.match(r"\s*\+\s*(?=\d)", rest)
        if not nxt:
            return total
        t = rest[nxt.end():]


# ---------------------------------------------------------------- dates

DATE_RE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
PERIOD_RE = re.compile(
    r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})\s*[–—-]\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})")


def parse_date(text: str) -> Optional[_dt.date]:
    """Read a Finnish date 'd.m.yyyy' (or 'd.m.yy', taken as 20yy)."""
    m = DATE_RE.search(text)
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def parse_period(text: str) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """Read 'd.m.yyyy – d.m.yyyy' into a (start, end) pair.

    >>> parse_period("1.1.2023 – 31.12.2027")
    (datetime.date(2023, 1, 1), datetime.date(2027, 12, 31))
    """
    m = PERIOD_RE.search(text)
    if not m:
        return None, None
    return parse_date(m.group(1)), parse_date(m.group(2))


def numbered(lines: Iterable[Line]) -> Iterator[tuple[int, str]]:
    for ln in lines:
        yield ln.no, ln.clean


# ---------------------------------------------------------------- more repairs

_CONJUNCTIONS = ("ja", "tai", "sekä", "eli", "och", "eller", "and", "or")
_INLINE_HYPHEN_RE = re.compile(
    r"(?P<word>\S*\w)- +(?!(?:%s)\b)(?P<next>\w)" % "|".join(_CONJUNCTIONS))


def repair_hyphen_spaces(s: str) -> str:
    """Repair a line break that the extraction turned into 'hyphen + space'.

    The same rule as :func:`dehyphenate` applies; a hyphen before a
    conjunction is a suspended compound ('Ensi- ja turvakoti') and stays.

    >>> repair_hyphen_spaces("Laurea- ammattikorkeakoulu Oy")
    'Laurea-ammattikorkeakoulu Oy'
    >>> repair_hyphen_spaces("Ensi- ja turvakotien liitto")
    'Ensi- ja turvakotien liitto'
    >>> repair_hyphen_spaces("Itä- Suomessa, LogDigiS - hanke")
    'Itä-Suomessa, LogDigiS - hanke'
    """
    def fix(m: re.Match) -> str:
        word = m.group("word")
        return dehyphenate(word + "-", m.group("next"))
    return _INLINE_HYPHEN_RE.sub(fix, s)


_FOOTER_RES = (
    re.compile(r"^PL\s*\d+\s*$"),                                   # postal box
    re.compile(r"^\d{5}\s+[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?\s*$"),  # postal code + place
    re.compile(r"^(?:Käyntiosoite|Postiosoite|Besöksadress|Postadress)\b", re.I),
    re.compile(r"^(?:Puh|Puhelin|Tel|Vaihde)\.?:?\s*[+\d][\d\s()-]*$", re.I),
)


def is_page_furniture(s: str) -> bool:
    """Page furniture: :func:`is_noise`, whole-line URLs, and footer lines
    (postal address, switchboard number, lines made only of e-mail/web
    addresses).

    >>> [is_page_furniture(t) for t in ["PL 32", "00230 Valtioneuvosto",
    ...  "Puh. 0295 16001", "kirjaamo@esimerkki.fi | [www.esimerkki.fi] | [x@y.fi]",
    ...  "http://www.verkkosivu.fi/", " 24 ", "Turun kaupunki"]]
    [True, True, True, True, True, True, False]
    """
    t = normalise_space(s)
    if is_noise(t) or is_url(t):
        return True
    if any(r.match(t) for r in _FOOTER_RES):
        return True
    rest = URL_RE.sub("", EMAIL_RE.sub("", t))
    return bool(re.search(r"[@|]|www\.", t)) and not re.sub(r"[\s|\[\](),;]", "", rest)


_LOOSE_PERIOD_RE = re.compile(
    r"(?P<d1>\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})\s*[–—-]\s*(?P<d2>\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})"
    r"|(?P<m1>\d{1,2})/(?P<y1>\d{4})\s*[–—-]\s*(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    r"|\b(?P<ya>(?:19|20)\d{2})\s*[–—-]\s*(?P<yb>(?:19|20)\d{2})\b")


def parse_period_loose(text: str) -> tuple[Optional[_dt.date], Optional[_dt.date]]:
    """Read the first period in ``text``: 'd.m.yyyy – d.m.yyyy', 'm/yyyy-m/yyyy'
    (whole months) or 'yyyy–yyyy' (whole years).

    >>> parse_period_loose("10/2021-10/2024")
    (datetime.date(2021, 10, 1), datetime.date(2024, 10, 31))
    >>> parse_period_loose("2021-2027 (hankkeet 1.1.2023-31.12.2027)")
    (datetime.date(2021, 1, 1), datetime.date(2027, 12, 31))
    >>> parse_period_loose("1.1.2023 – 31.12.2027")
    (datetime.date(2023, 1, 1), datetime.date(2027, 12, 31))
    >>> parse_period_loose("ei tiedossa")
    (None, None)
    """
    m = _LOOSE_PERIOD_RE.search(text)
    if not m:
        return None, None
    if m.group("d1"):
        return parse_date(m.group("d1")), parse_date(m.group("d2"))
    try:
        if m.group("m1"):
            y1, m1, y2, m2 = (int(m.group(k)) for k in ("y1", "m1", "y2", "m2"))
            nxt = _dt.date(y2 + (m2 == 12), m2 % 12 + 1, 1)
            return _dt.date(y1, m1, 1), nxt - _dt.timedelta(days=1)
        return _dt.date(int(m.group("ya")), 1, 1), _dt.date(int(m.group("yb")), 12, 31)
    except ValueError:
        return None, None


# ---------------------------------------------------------------- organisation names

# Words that end Finnish/Swedish organisation names: legal forms as separate
# tokens, and head nouns at the end of a (compound) word.  This is grammar of
# the documents, not a list of organisations.
_LEGAL_FORM_RE = re.compile(r"(?:^|\s)(?:oy|oyj|ab|ry|r\.y\.?|rf|r\.f\.?|sr|ky|ay|osk|gmbh|ltd|inc)\.?(?=\s|,|$)", re.I)
_ORG_HEAD_RE = re.compile(
    r"(?:keskus|kaupunki|kunta|yhtymä|säätiö|stiftelse|yhdistys|liitto|förbund|seura|opisto|"
    r"koulu|yliopisto|universitet|akademi|akatemia|laitos|virasto|hallitus|ministeriö|kanslia|"
    r"hyvinvointialue|sairaanhoitopiiri|seurakunta|instituutti|institutet|järjestö|osuuskunta|"
    r"yhtiö|verket|lapsikylä)\b", re.I)
_ACRONYM_START_RE = re.compile(r"^[A-ZÅÄÖ]{2,}(?:[-\s]|$)")


def looks_like_org(name: str, *, acronyms: bool = True) -> bool:
    """True when ``name`` reads like an organisation name: it has a legal form,
    a word ending in an organisation head noun, or (with ``acronyms``) starts
    with an acronym.

    >>> [looks_like_org(n) for n in ["Koekaniini ry", "Turun yliopisto", "THL",
    ...  "Testihallitus", "Kotoa kohti työelämää", "Vantaan"]]
    [True, True, True, True, False, False]
    >>> looks_like_org("JOKO Työelämään", acronyms=False)
    False
    """
    n = normalise_space(name)
    return bool(_LEGAL_FORM_RE.search(n) or _ORG_HEAD_RE.search(n)
                or (acronyms and _ACRONYM_START_RE.match(n)))


def _complete_name(s: str) -> bool:
    """A left part that can stand alone before ' ja ' in a list."""
    s = s.strip()
    if not s or s.endswith("-"):
        return False
    return len(s.split()) >= 2 or looks_like_org(s)


def split_names(text: str, *, single: bool = False) -> list[str]:
    """Split an implementer list 'A, B ja C' into names.

    Commas and semicolons separate names; the last item is split once at
    ' ja ' / ' sekä ' where the left part can stand alone (so 'Terveyden ja
    hyvinvoinnin laitos' and 'Ensi- ja turvakotien liitto' stay whole); a
    slash separates two names only when both read as organisations.  With
    ``single=True`` the text is one name (only slashes can split it).

    >>> split_names("Kuntosäätiö, Valo-Esimerkki ry, Lapin ammattikorkeakoulu ja Koekaniini ry")
    ['Kuntosäätiö', 'Valo-Esimerkki ry', 'Lapin ammattikorkeakoulu', 'Koekaniini ry']
    >>> split_names("Lapin Yliopisto, Turun yliopisto ja Terveyden ja hyvinvoinnin laitos.")
    ['Lapin Yliopisto', 'Turun yliopisto', 'Terveyden ja hyvinvoinnin laitos']
    >>> split_names("Kuopion Ensikotiyhdistys ry ja Turun Ensi- ja Turvakoti ry")
    ['Kuopion Ensikotiyhdistys ry', 'Turun Ensi- ja Turvakoti ry']
    >>> split_names("KEHA-keskus/Uudenmaan ELY-keskus")
    ['KEHA-keskus', 'Uudenmaan ELY-keskus']
    >>> split_names("Kirkkopalvelut/STEP-koulutus, Vates-säätiö")
    ['Kirkkopalvelut/STEP-koulutus', 'Vates-säätiö']
    >>> split_names("Föreningen Exempel r.f., Alfa Ab")
    ['Föreningen Exempel r.f.', 'Alfa Ab']
    >>> split_names("Föreningen Exempel r.f.", single=True)
    ['Föreningen Exempel r.f.']
    >>> split_names("Yhdistys Arvo ry, Allians för Societala Företag rf", single=True)
    ['Yhdistys Arvo ry, Allians för Societala Företag rf']
    """
    whole = normalise_space(repair_hyphen_spaces(text))
    text = _keep_abbrev_dot(whole, whole.strip(" .,;:"))
    if not text:
        return []
    if single:
        parts = [text]
    else:
        parts = [p for p in (normalise_space(x) for x in re.split(r"\s*[,;]\s*", text)) if p]
        if parts:
            last = parts.pop()
            for m in re.finditer(r"\s+(?:ja|sekä)\s+", last):
                left, right = last[:m.start()], last[m.end():]
                if right and _complete_name(left):
                    parts += [left, right]
                    break
            else:
                parts.append(last)
    out: list[str] = []
    for p in parts:
        halves = [h.strip() for h in p.split("/")]
        if len(halves) == 2 and all(h and looks_like_org(h) and (len(h.split()) > 1 or _ORG_HEAD_RE.search(h)
                                                            or _LEGAL_FORM_RE.search(h)) for h in halves):
            out += halves
        else:
            out.append(p)
    return [_keep_abbrev_dot(o, o.strip(" .,;:")) for o in out if o.strip(" .,;:")]


def _keep_abbrev_dot(raw: str, stripped: str) -> str:
    """'Alfa r.f.' keeps the full stop of its abbreviated legal form."""
    if re.search(r"\b[a-zåäö]\.[a-zåäö]$", stripped, re.I) and raw.rstrip(" ,;:").endswith(stripped + "."):
        return stripped + "."
    return stripped
