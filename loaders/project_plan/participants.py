"""Who takes part in a plan: its administrator, pilots, partners and steering
group, as sentences, lists introduced by a colon and partner tables name them.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import Block, nominative, split_names
from hankeverkko.loaders.text import Line

__all__ = ["ADMIN_RES", "PILOT_RE", "PARTNER_RE", "PARTNER_INTRO_RE", "GENERIC", "names_from", "list_items",
           "partner_table"]

ADMIN_RES = [
    re.compile(r"(?:[Hh]ankehallinnoija(?:na)?|[Hh]ankkeen\s+hallinnoija(?:na)?)(?:\s+ja\s+\w+)?\s+(?:toimii|on)\s+"
               r"(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"[Hh]allinnoija(?:na)?\s+eli\s+(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"[Hh]allinnoija\s*:\s*(?P<org>[A-ZÅÄÖ][^.;()]+?)\s*(?:\((?P<acr>[^)]+)\))?(?:[.;,]|$)"),
    re.compile(r"^(?P<org>[A-ZÅÄÖ][^.;()]{2,80}?)\s*(?:\((?P<acr>[^)]+)\))?\s+(?:toimii\s+)?hankkeen\s+"
               r"(?:hallinnoijana|päätoteuttajana)"),
]
#: the words that introduce pilots: 'Pilottikunniksi ovat lupautuneet', 'Pilottialueina toimivat',
#: 'pilottikunnat ovat', 'Pilottikunnat:' (not 'edustajat pilottikunnista')
PILOT_RE = re.compile(r"pilotti(?:kun|alue|organisaatio)\w*?(?:iksi|ksi|ina|inä|na|nä|(?:t|et)(?=\s*(?::|ovat\b|on\b|"
                      r"toimivat\b)))\b|pilotoivat\s+kunnat", re.I)
PARTNER_RE = re.compile(r"(?:yhteistyö)?kumppan\w*\s+(?:[a-zåäö]\w*\s+){0,2}?(?:toimi\w*|ovat|on)\s+"
                        r"(?P<list>[A-ZÅÄÖ].+?)\.?$")
#: a list of partners introduced by a line ending in a colon: 'Hankkeen yhteistyökumppanit ja niiden roolit:'
PARTNER_INTRO_RE = re.compile(r"(?:yhteistyö)?kumppan\w*[^.]*:$", re.I)
GENERIC = re.compile(r"^(?:[a-zåäö]|muut\b|Muut\b)")


def names_from(text: str) -> list[tuple[str, Optional[str]]]:
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
        if not item or GENERIC.match(item) or len(item.split()) > 8:
            continue
        out.append((nominative(item), acr))
    return out


_NUMBERED_ITEM_RE = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def list_items(following: list[Block]) -> list[Block]:
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
