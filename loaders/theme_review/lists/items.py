"""The lines of a project list, each classified: a URL, a code opening an entry,
a role label ('Toteuttajat:'), an inline role marker ('Nimi. Toteuttaja: ...'),
a 'Sisältöosio' sub-heading, a table header cell, or plain text.

Bullets, name labels ('Hanke: Nimi') and codes printed after the name
('Nimi (S99201)') are normalised away; table cells printed one per line
('S1' / 'R-1') are folded into the item they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.text import Line, is_page_furniture, is_url, normalise_space
from hankeverkko.loaders.theme_review.entries import CODE_RE, is_group_code

__all__ = ["Item", "read_items", "role_of", "ROLE_INLINE_RE"]

_CODE_START_RE = re.compile(
    r"^\s*(?:(?P<num>\d{1,3})[.)]\s+)?(?P<code>%s)\b(?:\s+(?P<code2>[A-Z]-\d{5})\b)?\s*(?P<rest>.*)$" % CODE_RE.pattern)

# role labels; longest first
_ROLE_LABELS = (
    (r"päähankkeen\s+toteuttaja(?:t)?", "main"),
    (r"osahankkeen\s+toteuttaja(?:t)?", "sub"),
    (r"päätoteuttaja(?:t)?", "main"),
    (r"osatoteuttaja(?:t)?", "sub"),
    (r"(?:hanke)?hallinnoija(?:t)?", "administrator"),
    (r"yhteistyökumppani(?:t)?", "partner"),
    (r"hakija(?:t)?", "applicant"),
    (r"toteuttaja(?:t)?", "implementer"),
)
_LABEL_ALT = "|".join(p for p, _ in _ROLE_LABELS)
_ROLE_START_RE = re.compile(r"^(?P<label>(?i:%s))\b\s*:?\s*(?P<rest>.*)$" % _LABEL_ALT)
ROLE_INLINE_RE = re.compile(r"(?<=[.,;:!?)])\s*(?P<label>(?i:%s))\b\s*:?\s*(?=[A-ZÅÄÖ0-9]|$)" % _LABEL_ALT)
_COORD_LEAD_RE = re.compile(r"^(?:teeman\s+)?(?:koordinaatiohanke|koordinoiva hanke)\s*:\s*(?=%s\b)"
                            % CODE_RE.pattern, re.I)
_SISALTO_RE = re.compile(r"^sisältöosio\b\s*:?\s*(?P<rest>.*)$", re.I)
_TABLE_START_RE = re.compile(r"^hakemus", re.I)
# a table header whose cells are printed one per line: 'Ryhmähanke' / 'Hankekoodi' / 'Hankkeen nimi' / 'Toteuttaja'
_HEADER_CELL_RE = re.compile(r"^(?:ryhmähanke(?:tunnus|koodi)?|hanke(?:koodi|tunnus|numero)|eura-koodi)$", re.I)
_BULLET_RE = re.compile(r"^[•·▪◦‣*–-]\s+")
_NAME_LABEL_RE = re.compile(r"^(?:hanke|hankkeen nimi)\s*:\s*(?=\S)", re.I)
# 'Nimi (S99201)', 'Ryhmähanke Nimi (R-99220)': the code printed after the name
_CODE_AFTER_RE = re.compile(r"^(?:ryhmähanke\s+)?(?P<name>[^()]+?(?:\([^()]*\)[^()]*?)?)\s*\(\s*(?P<code>%s)\s*\)\s*$"
                            % CODE_RE.pattern, re.I)


@dataclass
class Item:
    no: int
    raw: str
    text: str
    kind: str                    # url code role marker sisalto table text
    role: Optional[str] = None   # for role/marker
    label: str = ""
    prefix: str = ""             # text before an inline marker
    rest: str = ""               # text after a label / code
    code: Optional[str] = None
    code2: Optional[str] = None
    more: tuple[int, ...] = ()   # further lines folded into this item (a cell printed on its own line)
    coordination: bool = False   # the line opens with 'Koordinaatiohanke:'
    numbered: bool = False       # a code opening a numbered list item ('1. S1 ...')
    named: bool = False          # the line opened with a name label ('Hanke: Nimi'): a new entry begins
    footer: bool = False         # a URL among the page's link annotations (after 'mailto:' lines)


def read_items(lines: list[Line], furniture: frozenset[str] = frozenset()) -> list[Item]:
    items: list[Item] = []
    in_footer = False          # after a 'mailto:' line: the page's link annotations
    for ln in lines:
        text = normalise_space(ln.text)
        if not text or text in furniture:
            continue
        if re.match(r"mailto:", text, re.I):
            in_footer = True
            continue
        if is_url(text):
            items.append(Item(ln.no, ln.text, text.rstrip(",.;"), "url", footer=in_footer))
            continue
        in_footer = False
        if items and items[-1].kind == "url" and items[-1].text.endswith("-") \
                and re.fullmatch(r"[\w./%?=&#~+-]+", text):
            items[-1].text += text                           # a URL broken over lines
            continue
        if is_page_furniture(text):
            continue
        m = _SISALTO_RE.match(text)
        if m:
            items.append(Item(ln.no, ln.text, text, "sisalto", rest=m.group("rest")))
            continue
        if _TABLE_START_RE.match(text) or _HEADER_CELL_RE.match(text):
            items.append(Item(ln.no, ln.text, text, "table"))
            continue
        printed = text
        text = _BULLET_RE.sub("", text)
        named = bool(_NAME_LABEL_RE.match(text))
        text = _NAME_LABEL_RE.sub("", text)
        after = _CODE_AFTER_RE.match(text)
        if after:
            text = f"{after.group('code')} {after.group('name').strip()}"
        rewritten = text != printed
        coord = _COORD_LEAD_RE.match(text)
        if coord:                          # 'Koordinaatiohanke: S1 Nimi, toteuttaja Alfa ry'
            text = text[coord.end():]
        m = _CODE_START_RE.match(text)
        if m and not m.group("rest") and not m.group("num") and is_group_code(m.group("code")) and items \
                and items[-1].kind == "code" and not items[-1].rest and not items[-1].code2 \
                and not is_group_code(items[-1].code):
            items[-1].code2 = m.group("code")     # table cells one per line: 'S1' / 'R-1' / name ...
            items[-1].more += (ln.no,)
            continue
        if m and not m.group("rest") and not m.group("num") and not is_group_code(m.group("code")) and items \
                and items[-1].kind == "code" and is_group_code(items[-1].code) and not items[-1].rest \
                and not items[-1].code2:
            last = items[-1]                      # 'R-1' / 'S1' / name ...: the group column first
            last.code, last.code2 = m.group("code"), last.code
            last.more += (ln.no,)
            continue
        if m and (m.group("rest") or not m.group("num")):
            raw = ln.text.strip()[coord.end():] if coord else ln.text.strip()
            if rewritten:
                raw = text
            raw_rest = _CODE_START_RE.match(raw).group("rest")    # keeps the column gaps
            items.append(Item(ln.no, raw_rest, text, "code", rest=m.group("rest"),
                               code=m.group("code"), code2=m.group("code2"), numbered=bool(m.group("num")),
                               coordination=bool(coord)))
            continue
        m = _ROLE_START_RE.match(text)
        if m and (m.group("rest") == "" or m.group("rest")[0].isupper() or text[len(m.group("label"))] == ":"):
            items.append(Item(ln.no, ln.text, text, "role", role=role_of(m.group("label")),
                               label=m.group("label"), rest=m.group("rest")))
            continue
        m = ROLE_INLINE_RE.search(text)
        if m:
            items.append(Item(ln.no, ln.text, text, "marker", role=role_of(m.group("label")),
                               label=m.group("label"), prefix=text[:m.start()].strip(),
                               rest=text[m.end():]))
            continue
        items.append(Item(ln.no, ln.text, text, "text", named=named))
    return items


def role_of(label: str) -> str:
    low = normalise_space(label).lower()
    for pat, role in _ROLE_LABELS:
        if re.fullmatch(pat, low):
            return role
    return "implementer"
