"""Organisation names: parsing, types, language and blocking keys.

One printed name in, one :class:`ParsedName` out. :mod:`hankeverkko.graph.identity`
compares parsed names to decide which of them denote one organisation.
All vocabulary is reference data under ``loaders/data`` (legal forms from
the ISO 20275 code list, head words, head phrases, the alias table); this
module holds only the rules. Cleaning the printed name is in
:mod:`~hankeverkko.graph.identity.cleaning`, head words and legal forms in
:mod:`~hankeverkko.graph.identity.heads`, Finnish inflection in
:mod:`~hankeverkko.graph.identity.inflection`.

>>> p = parse("Laurea- ammattikorkeakoulu Oy")
>>> p.display, p.key, p.distinctive, p.type, p.legal_form
('Laurea-ammattikorkeakoulu Oy', 'laureaammattikorkeakoulu', ('laurea',), 'university_of_applied_sciences', 'Oy')
>>> parse("Uudenmaan elinkeino-, liikenne- ja ympäristökeskus").key == parse("Uudenmaan ELY-keskus").key
True
>>> parse("Ab Yrkeshögskolan vid Åbo Akademi").type, parse("Åbo Akademi").type
('university_of_applied_sciences', 'university')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hankeverkko.graph.identity.cleaning import _nominative, _replace_phrases, _tokens, clean
from hankeverkko.graph.identity.heads import Head, _head_abbreviations, _head_of_token, _heads, _inflected_head, abbreviation_forms, fold
from hankeverkko.graph.identity.inflection import _VOWELS, genitive_forms, inflected_forms
from hankeverkko.loaders.reference import Alias, aliases, head_words

__all__ = ["ACRONYM_RE", "ORG_TYPES", "PUBLIC_TYPES", "STOPWORDS", "ParsedName", "blocking_keys", "initials", "parse"]

#: organisation type key -> ontology class local name
ORG_TYPES = {
    "ministry": "Ministry",
    "ely_centre": "ElyCentre",
    "agency": "NationalAgency",
    "municipality": "Municipality",
    "joint_municipal_authority": "JointMunicipalAuthority",
    "wellbeing_services_county": "WellbeingServicesCounty",
    "hospital_district": "HospitalDistrict",
    "university": "University",
    "university_of_applied_sciences": "UniversityOfAppliedSciences",
    "vocational_institution": "VocationalInstitution",
    "foundation": "Foundation",
    "association": "Association",
    "company": "Company",
    "other": "OtherOrganisation",
}

#: public bodies never carry a company/association legal form in their official name
PUBLIC_TYPES = frozenset({"ministry", "ely_centre", "agency", "municipality", "joint_municipal_authority",
                          "wellbeing_services_county", "hospital_district", "university"})

_SV_WORDS = frozenset("i vid för och av på till samt inom".split())
_EN_WORDS = frozenset("of the and for in at".split())
#: words that are never distinctive (conjunctions and prepositions)
STOPWORDS = frozenset({"ja", "tai", "sekä", "eli", "&"}) | _SV_WORDS | _EN_WORDS | {"or"}
#: in Swedish and English names the head comes before these ("Yrkeshögskolan vid Åbo Akademi")
_PREPOSITIONS = frozenset("i vid för av på till inom of for in at".split())
ACRONYM_RE = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,7}")
_PAREN_RE = re.compile(r"\(([^()]*)\)")


def _typed(b: dict) -> bool:
    """The name carries a legal form or a head word that says what kind of organisation it is."""
    return bool(b["_forms"]) or any(h.type and h.priority != "none" for h in b["_heads"])


def _is_unit(text: str, comma: bool) -> bool:
    """Words that name a part of an organisation, not an organisation: no legal form, no
    typed head word, not an acronym, and after a comma not one capitalised word (a place)."""
    b = _basic(text)
    if not b["tokens"] or _typed(b) or b["bare_acronym"] or b["parts"]:
        return False
    raw = b["raw_tokens"]
    return not (comma and len(raw) == 1 and raw[0][:1].isupper() and "-" not in raw[0])


def _is_parent(text: str) -> bool:
    b = _basic(text)
    return bool(b["distinctive"]) and _typed(b)


def _split_unit(work: str) -> Optional[str]:
    """The organisation a unit name belongs to, or None: 'Helsingin kaupunki, kasvatuksen ja
    koulutuksen toimiala', 'Kirkkopalvelut ry / STEP-koulutus', 'Jyväskylän kaupungin
    palveluyksikkö', 'Turun yliopiston Brahea-keskus' (a head word in the genitive followed
    by words with no legal form or head word of their own)."""
    m = re.match(r"^([^,/()]+?)\s*[,/]\s*([^,/]+)$", work)
    if m and _is_parent(m.group(1)) and _is_unit(m.group(2), comma=True):
        return m.group(1)
    raw = _tokens(_PAREN_RE.sub(" ", work))
    for i, tok in enumerate(raw[:-1]):
        if _head_of_token(fold(tok))[0] is not None:
            continue
        head, prefix = _inflected_head(fold(tok))
        if head and head.type and head.priority != "none":
            parent = " ".join([*raw[:i], _nominative(tok, head, prefix)])
            if _is_unit(" ".join(raw[i + 1:]), comma=False) and _is_parent(parent):
                return parent
            return None
    return None


@dataclass(frozen=True)
class ParsedName:
    """What the identity rules need to know about one printed name."""
    printed: str
    display: str                    # cleaned printed form
    tokens: tuple[str, ...]         # folded tokens without legal-form abbreviations
    raw_tokens: tuple[str, ...]     # the same tokens as printed (case kept)
    legal: tuple[str, ...]          # legal-form abbreviations as printed ('oy', 'Ab' ...)
    legal_form: str                 # canonical spelling of the first legal form ('Oy'), or ''
    family: str                     # legal family (limited_company, association ...), or ''
    acronym: str                    # acronym the name carries ('LUT', 'THL'), or ''
    bare_acronym: bool              # the whole name is an acronym ('THL', 'SYKLI Oy')
    key: str                        # compact comparison key (all tokens, no legal forms)
    stripped_key: str               # key without the acronym, or ''
    spaced: str                     # tokens joined by spaces
    sorted_tokens: str              # tokens sorted and joined by spaces (word-order-free comparison)
    distinctive: tuple[str, ...]    # proper-name parts: the blocking words
    head: Optional[Head]            # the name's head word (kind of organisation)
    type: str                       # ORG_TYPES key
    type_strength: float            # 3 alias, 2 head word, 1 legal form, 0.5 fallback word, 0 none
    lang: str                       # 'fi' | 'sv' | 'en'
    parts: tuple[str, ...]          # parallel names printed together ('A ry, B rf')
    alias: Optional[Alias]          # curated alias row this name matches


def _split_parallel(display: str) -> tuple[str, ...]:
    """Parallel Finnish/Swedish names printed as one ('X ry, Y rf'): each part
    ends in a legal form of the same family, in different languages."""
    parts = [p.strip() for p in display.split(",")]
    if len(parts) != 2 or not all(parts):
        return ()
    forms = [abbreviation_forms().get(fold(p.split()[-1])) for p in parts]
    if all(forms) and forms[0].family == forms[1].family and forms[0].lang != forms[1].lang:
        return tuple(parts)
    return ()


@lru_cache(maxsize=65536)
def _basic(name: str) -> dict:
    """Everything that does not need the alias table."""
    display = clean(name)
    parts = _split_parallel(display)
    if parts:      # compare by the first (usually Finnish) name; identity links the other part
        return dict(_basic(parts[0]), printed=name, display=display, parts=parts)
    work = _replace_phrases(display)
    unit = _split_unit(work)
    if unit:       # 'X:n kaupunki, Y-toimiala': a unit of X, compared as X
        return dict(_basic(unit), printed=name, display=display, parts=(unit,))
    acronym = ""
    for inner in _PAREN_RE.findall(work):
        if ACRONYM_RE.fullmatch(inner.strip()):
            acronym = inner.strip()
    raw = _tokens(_PAREN_RE.sub(" ", work))
    # legal-form abbreviations at the end ('Oy Ab') and, for companies, at the start ('Ab X')
    legal = []
    while len(raw) > 1 and fold(raw[-1]) in abbreviation_forms():
        legal.insert(0, raw.pop())
    while len(raw) > 1 and fold(raw[0]) in abbreviation_forms() and \
            abbreviation_forms()[fold(raw[0])].family in ("limited_company", "sole_trader"):
        legal.append(raw.pop(0))
    # a head word's customary abbreviation stands for the word ('Karelia AMK', 'Hämeen ELY', 'Turun amk')
    if len(raw) > 1:
        raw = [_head_abbreviations().get(fold(t), t) if t.isupper() or i == len(raw) - 1 else t
               for i, t in enumerate(raw)]
    # the whole name inflected ('Helsingin kaupungin', 'ELY-keskuksella'): its head word in the nominative
    if raw and _head_of_token(fold(raw[-1]))[0] is None:
        head, prefix = _inflected_head(fold(raw[-1]))
        if head:
            raw[-1] = _nominative(raw[-1], head, prefix)
    forms = [abbreviation_forms()[fold(x)] for x in legal]
    bare = False
    rest = list(raw)
    if len(raw) == 1 and ACRONYM_RE.fullmatch(raw[0]):
        acronym, bare = raw[0], True
    elif len(raw) >= 3 and not all(t.isupper() for t in raw):
        if ACRONYM_RE.fullmatch(raw[-1]):
            acronym, rest = raw[-1], raw[:-1]
        elif ACRONYM_RE.fullmatch(raw[0]):
            acronym, rest = raw[0], raw[1:]
    tokens = tuple(fold(t) for t in raw)
    rest_tokens = tuple(fold(t) for t in rest)
    # head words: multi-word ones first, then one head per token (longest suffix)
    heads: list[tuple[int, Head]] = []
    used: set[int] = set()
    for words, head in _heads():
        if len(words) > 1:
            for i in range(len(tokens) - len(words) + 1):
                if tokens[i:i + len(words)] == words and not used & set(range(i, i + len(words))):
                    heads.append((i + len(words) - 1, head))
                    used |= set(range(i, i + len(words)))
    distinctive = []
    for i, tok in enumerate(tokens):
        if i in used or tok in STOPWORDS or (acronym and not bare and len(rest) < len(raw) and raw[i] == acronym):
            continue
        head, prefix = _head_of_token(tok)
        if head:
            heads.append((i, head))
        if prefix:
            distinctive.append(prefix)
    heads.sort(key=lambda x: x[0])
    # the head of the name: rightmost head before the first preposition (Swedish/English names)
    stop = next((i for i, t in enumerate(tokens) if i > 0 and t in _PREPOSITIONS), len(tokens))
    primary = [h for i, h in heads if i < stop]
    head = primary[-1] if primary else None
    family = forms[0].family if forms else (head.family if head else "")
    return dict(printed=name, display=display, tokens=tokens, raw_tokens=tuple(raw), legal=tuple(legal),
                legal_form=forms[0].form if forms else "", family=family, acronym=acronym, bare_acronym=bare,
                key="".join(tokens), stripped_key="".join(rest_tokens) if len(rest) < len(raw) else "",
                spaced=" ".join(tokens), sorted_tokens=" ".join(sorted(tokens)), distinctive=tuple(distinctive),
                head=head, parts=parts, _forms=tuple(forms), _heads=tuple(h for _, h in heads))


@lru_cache(maxsize=None)
def _alias_index() -> dict:
    """comparison key -> Alias row, for aliases and canonical names of organisation types."""
    index: dict[str, Optional[Alias]] = {}
    for a in sorted(aliases(), key=lambda a: (a.alias.casefold(), a.canonical)):
        if a.type not in ORG_TYPES:
            continue      # the table also holds programme names
        canon = Alias(a.canonical, a.canonical, a.type, "", a.source)
        for text, row in ((a.alias, a), (a.canonical, canon)):
            b = _basic(text)
            for k in {b["key"], b["stripped_key"]} - {""}:
                if k not in index:
                    index[k] = row
                elif index[k] is not None and index[k].canonical != row.canonical:
                    index[k] = None      # one key, two organisations: ambiguous, never used
    return index


@lru_cache(maxsize=None)
def _inflected_alias_index() -> dict:
    """comparison key of an alias with its last word inflected ('Kelan', 'Opetushallituksen',
    'Diakin') -> Alias row; never for all-capital acronyms (they inflect after a colon: THL:n)."""
    main, index = _alias_index(), {}
    for a in sorted(aliases(), key=lambda a: (a.alias.casefold(), a.canonical)):
        if a.type not in ORG_TYPES:
            continue
        row = main.get(_basic(a.alias)["key"]) or main.get(_basic(a.canonical)["key"])
        for text in (a.alias, a.canonical):
            b = _basic(text)
            if not b["tokens"] or text.isupper():
                continue
            last = b["tokens"][-1]
            for form in inflected_forms(last):
                k = b["key"][: len(b["key"]) - len(last)] + form
                if k in main:
                    continue
                if k not in index:
                    index[k] = row
                elif index[k] is not None and row is not None and index[k].canonical != row.canonical:
                    index[k] = None
    return index


def _alias_for(b: dict) -> Optional[Alias]:
    idx = _alias_index()
    for k in (b["key"], b["stripped_key"]):
        if k and idx.get(k):
            return idx[k]
    if not b["legal"]:
        for k in (b["key"], b["stripped_key"]):
            if k and _inflected_alias_index().get(k):
                return _inflected_alias_index()[k]
    return None


def _classify(b: dict, alias: Optional[Alias]) -> tuple[str, float]:
    """(type, strength): alias table, then the head word, then the legal form, then fallback words."""
    if alias:
        return alias.type, 3.0
    head = b["head"]
    if head and head.type and head.priority == "name":
        return head.type, 2.0
    if b["_forms"]:
        return b["_forms"][0].type, 1.0
    if head and head.type and head.priority == "fallback":
        return head.type, 0.5
    return "other", 0.0


def _language(b: dict, alias: Optional[Alias]) -> str:
    votes = {"fi": 0.0, "sv": 0.0, "en": 0.0}
    if alias and alias.lang in votes and fold(alias.alias) == fold(b["display"]):
        votes[alias.lang] += 5
    for f in b["_forms"]:
        if f.lang in votes:
            votes[f.lang] += 3
    for h in b["_heads"]:
        if h.lang in votes:
            votes[h.lang] += 2 if h is b["head"] else 1
    for t in b["tokens"]:
        if t in _SV_WORDS:
            votes["sv"] += 1
        elif t in _EN_WORDS:
            votes["en"] += 1
    best = max(votes.values())
    return next(lang for lang in ("fi", "sv", "en") if votes[lang] == best)


@lru_cache(maxsize=65536)
def parse(name: str) -> ParsedName:
    """Parse one printed organisation name.

    >>> p = parse("Tampereen Ammattikorkeakoulu Oy")
    >>> p.key, p.distinctive, p.head.word, p.type, p.lang
    ('tampereenammattikorkeakoulu', ('tampereen',), 'ammattikorkeakoulu', 'university_of_applied_sciences', 'fi')
    >>> p = parse("Lappeenrannan-Lahden teknillinen yliopisto LUT")
    >>> p.acronym, p.stripped_key
    ('LUT', 'lappeenrannanlahdenteknillinenyliopisto')
    >>> parse("Sininauhasäätiö sr").type, parse("Sininauhaliitto ry").type
    ('foundation', 'association')
    >>> parse("Allians för Societala Företag rf").lang, parse("University of Turku").lang
    ('sv', 'en')
    """
    b = _basic(name)
    alias = _alias_for(b)
    typ, strength = _classify(b, alias)
    fields = {k: v for k, v in b.items() if not k.startswith("_")}
    return ParsedName(**fields, type=typ, type_strength=strength, lang=_language(b, alias), alias=alias)


def blocking_keys(p: ParsedName) -> set[str]:
    """Candidate blocks of a name: its distinctive words (and their first four
    letters, to survive typos; a nominative also its genitives), never head
    words, legal forms or stopwords.

    >>> sorted(blocking_keys(parse("Keski-Suomen ELY-keskus")))
    ['keskisuomen', 'p4:kesk']
    >>> blocking_keys(parse("Ammattikorkeakoulu Oy"))
    set()
    """
    out = set()
    for d in p.distinctive:
        out.add(d)
        if len(d) > 4:
            out.add("p4:" + d[:4])
        if d[-1:] in _VOWELS:
            out |= genitive_forms(d)        # 'Lahti' meets 'Lahden kaupunki'
    return out


def initials(p: ParsedName) -> set[str]:
    """Acronyms the name could be written as: initials of its words, of the parts
    of hyphenated words, with a head word's customary abbreviation (review only).

    >>> sorted(initials(parse("Terveyden ja hyvinvoinnin laitos")))
    ['thl']
    >>> sorted(initials(parse("Etelä-Kiven sairaanhoitopiiri")))
    ['eks', 'ekshp', 'es']
    """
    abbrevs = {fold(h.word): h.abbrev.casefold() for h in head_words() if h.abbrev}
    plain, split, short, compound = [], [], [], []
    for raw in p.raw_tokens:
        tok = fold(raw)
        if tok in STOPWORDS:
            continue
        parts = [fold(x) for x in raw.split("-") if fold(x)]
        plain.append(tok[0])
        split.append("".join(x[0] for x in parts))
        head, prefix = _head_of_token(tok)
        ab = abbrevs.get(fold(head.word)) if head else None
        short.append((prefix[:1] if prefix else "") + ab if ab else split[-1])
        compound.append(prefix[:1] + fold(head.word)[:1] if head and prefix else split[-1])
    return {"".join(plain), "".join(split), "".join(short), "".join(compound)}
