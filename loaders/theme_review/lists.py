"""Section 7 of a theme: the list of funded projects, in every layout seen.

Layouts (one list may mix them):

* an EURA code with the name and dates, then implementer lines or sub-project
  rows: ``R-19001 ALFA 1.9.2024 – 31.8.2026`` / ``S90001 Alfa Oy (päätoteuttaja)``;
* a numbered list ``1. S90006 Nimi`` with ``Hakija``, ``Päähankkeen toteuttaja``
  and ``Osahankkeen toteuttajat`` lines;
* one line per project: ``S1 Nimi: Org``, ``S1 Nimi / Org, Org``,
  ``S1 Nimi, toteuttaja Org`` (a sub-project code has exactly one implementer,
  so ``Org`` is not split at commas);
* a flattened table with the columns Hakemusnumero / Ryhmähanketunnus /
  Hankkeen nimi / Hakija, cells broken over lines, under 'Sisältöosio' headings;
* names followed by ``Toteuttajat: A, B ja C. Kustannusarvio 1 260 121 €.``;
* ``Nimi:`` followed by ``A, B ja C`` on the next line(s).

:func:`parse_list` returns :class:`~loaders.records.Project` records (kind
``coordination`` where the list itself says so), the lines it could not use as
:class:`~loaders.records.Skipped` records, and how many list lines it used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from hankeverkko.loaders.records import Project, Skipped
from hankeverkko.loaders.text import PERIOD_RE, Line, is_page_furniture, is_url, join_broken, looks_like_org, normalise_space
from hankeverkko.loaders.theme_review.entries import (CODE_RE, LEGAL_START_RE, ROLE_SUFFIX_RE, Entry, Part, is_group_code,
                                   merge_groups, split_header, split_trailing_org, to_project)

__all__ = ["parse_list", "ListResult", "looks_like_entry"]

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
_ROLE_INLINE_RE = re.compile(r"(?<=[.,;:!?)])\s*(?P<label>(?i:%s))\b\s*:?\s*(?=[A-ZÅÄÖ0-9]|$)" % _LABEL_ALT)
_COORD_HEADING_RE = re.compile(r"koordinaatiohanke|koordinoiva hanke", re.I)
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
_DIGITS_ONLY_RE = re.compile(r"^[\d\s.,]+(?:€|e|euroa)?\.?$")


_NAME_COLON_RE = re.compile(r"^(?P<name>.+?):\s+(?P<orgs>[A-ZÅÄÖ].*)$")


def _name_colon_orgs(text: str) -> Optional[re.Match]:
    """'Nimi: Alfa Oy, Beeta ry' on one line: a name, then organisations."""
    m = _NAME_COLON_RE.match(text)
    return m if m and looks_like_org(re.split(r",|\s(?:ja|sekä)\s", m.group("orgs"))[0]) else None
_ENTRY_LIKE_RE = re.compile(r"^\s*(?:\d+[.)]\s*)?%s\b|\b(?:toteuttaja|hakija|päätoteuttaja|osatoteuttaja)"
                            % CODE_RE.pattern, re.I)


def looks_like_entry(text: str) -> bool:
    """A line that resembles a project-list entry (a code, 'Toteuttaja', 'Hakija')."""
    return bool(_ENTRY_LIKE_RE.search(text))


# ---------------------------------------------------------------- items

@dataclass
class _Item:
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
    more: tuple[int, ...] = ()
    coordination: bool = False   # the line opens with 'Koordinaatiohanke:'
    numbered: bool = False       # a code opening a numbered list item ('1. S1 ...')
    named: bool = False          # the line opened with a name label ('Hanke: Nimi'): a new entry begins
    footer: bool = False         # a URL among the page's link annotations (after 'mailto:' lines)   # further lines folded into this item (a cell printed on its own line)


def _items(lines: list[Line], furniture: frozenset[str] = frozenset()) -> list[_Item]:
    items: list[_Item] = []
    in_footer = False          # after a 'mailto:' line: the page's link annotations
    for ln in lines:
        text = normalise_space(ln.text)
        if not text or text in furniture:
            continue
        if re.match(r"mailto:", text, re.I):
            in_footer = True
            continue
        if is_url(text):
            items.append(_Item(ln.no, ln.text, text.rstrip(",.;"), "url", footer=in_footer))
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
            items.append(_Item(ln.no, ln.text, text, "sisalto", rest=m.group("rest")))
            continue
        if _TABLE_START_RE.match(text) or _HEADER_CELL_RE.match(text):
            items.append(_Item(ln.no, ln.text, text, "table"))
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
            items.append(_Item(ln.no, raw_rest, text, "code", rest=m.group("rest"),
                               code=m.group("code"), code2=m.group("code2"), numbered=bool(m.group("num")),
                               coordination=bool(coord)))
            continue
        m = _ROLE_START_RE.match(text)
        if m and (m.group("rest") == "" or m.group("rest")[0].isupper() or text[len(m.group("label"))] == ":"):
            items.append(_Item(ln.no, ln.text, text, "role", role=_role_of(m.group("label")),
                               label=m.group("label"), rest=m.group("rest")))
            continue
        m = _ROLE_INLINE_RE.search(text)
        if m:
            items.append(_Item(ln.no, ln.text, text, "marker", role=_role_of(m.group("label")),
                               label=m.group("label"), prefix=text[:m.start()].strip(),
                               rest=text[m.end():]))
            continue
        items.append(_Item(ln.no, ln.text, text, "text", named=named))
    return items


def _role_of(label: str) -> str:
    low = normalise_space(label).lower()
    for pat, role in _ROLE_LABELS:
        if re.fullmatch(pat, low):
            return role
    return "implementer"


# ---------------------------------------------------------------- entries

def _continues(prev: str, line: str) -> bool:
    """Does ``line`` continue the implementer list ``prev`` (and not start a name)?"""
    p = prev.rstrip()
    if line.endswith(":"):
        return False
    if re.search(r"kustannusarvio\b", p, re.I):          # after the estimate only its broken-off digits
        return bool(_DIGITS_ONLY_RE.match(line) and re.search(r"kustannusarvio\s*:?\s*[\d\s]*$", p, re.I))
    if not p or re.search(r"(?:,|\bja|\bsekä|-|/|&)$", p):
        return True
    if line[:1].islower() or LEGAL_START_RE.match(line) or _DIGITS_ONLY_RE.match(line) \
            or re.match(r"kustannusarvio\b", line, re.I):
        return True
    last = re.split(r",|\s(?:ja|sekä)\s", p)[-1].strip(" .")
    return not looks_like_org(last)


def _is_sentence(text: str) -> bool:
    """A line of prose: capitalised, several words, a full stop, not an organisation."""
    words = text.split()
    return len(words) >= 3 and text[:1].isupper() and text.rstrip().endswith(".") and \
        not looks_like_org(text, acronyms=False) and not _DIGITS_ONLY_RE.match(text) and \
        not re.search(r"kustannusarvio", text, re.I)


def _list_goes_on(prev: str, line: str) -> bool:
    """After 'Nimi: A, B' on one line, does ``line`` carry on the implementers?
    Only when the list is visibly unfinished (a trailing comma or 'ja') or the
    line starts in lower case or with a legal form; otherwise it may be the
    next entry's name."""
    p = prev.rstrip()
    unfinished = re.search(r"(?:,|\bja|\bsekä|-|/|&)$", p) or line[:1].islower() or LEGAL_START_RE.match(line)
    return bool(unfinished) and _continues(p, line)


@dataclass
class ListResult:
    projects: list[Project]
    skipped: list[Skipped]
    used: frozenset[int]          # numbers of the list lines that went into records

    @property
    def used_lines(self) -> int:
        return len(self.used)


class _Parser:
    def __init__(self, items: list[_Item], source: str):
        self.items, self.source = items, source
        self.entries: list[Entry] = []
        self.section: Optional[str] = None
        self.pending_coord = False
        self.used: set[int] = set()
        self.skipped: list[Skipped] = []
        self.table_role = "applicant"

    # -- helpers
    def skip(self, it: _Item, reason: str):
        self.skipped.append(Skipped(self.source, it.no, it.text, reason, looks_like_entry(it.text)))

    def new_entry(self, first: int, coordination: bool = False) -> Entry:
        e = Entry(first=first, section=self.section, coordination=self.pending_coord or coordination)
        self.pending_coord = False
        self.entries.append(e)
        return e

    def heading(self, lines: list[_Item]):
        text = join_broken(it.text for it in lines).rstrip(" :")
        if _COORD_HEADING_RE.search(text) and len(text.split()) <= 3:
            self.pending_coord = True
        elif len(text.split()) <= 8:            # a sub-heading, not an introductory sentence
            self.section = text
        self.used.update(it.no for it in lines)

    def attach_url(self, idx: int, entry: Optional[Entry]):
        """A lone URL right after an entry belongs to it; runs of URLs are the
        PDF's link annotations and are handled by the theme loader."""
        it = self.items[idx]
        near = [self.items[k].kind for k in (idx - 1, idx + 1) if 0 <= k < len(self.items)]
        if entry is not None and "url" not in near and not it.footer:
            entry.urls.append(it.text)
            entry.used.add(it.no)

    # -- main loop
    def run(self):
        i, table = 0, False
        items = self.items
        while i < len(items):
            it = items[i]
            if it.kind == "url":
                i += 1
                continue
            if it.kind == "sisalto":
                self.section = normalise_space(it.rest) or None
                self.used.add(it.no)
                i += 1
                continue
            if it.kind == "table":
                j = i
                while j < len(items) and j - i < 8 and items[j].kind in ("table", "text", "role"):
                    self.used.add(items[j].no)
                    j += 1
                    if re.search(r"\b(?:hakija|toteuttaja)\b", items[j - 1].text, re.I):
                        break
                header = " ".join(items[k].text for k in range(i, j)).lower()
                self.table_role = "applicant" if "hakija" in header else "implementer"
                table, i = True, j
                continue
            if it.kind == "code":
                i = self.table_row(i) if table else self.code_entry(i)
                continue
            i = self.text_run(i)

    def _run_end(self, i: int, after_entry: bool = False) -> int:
        """End of the run from ``i``: the next code, sub-heading or table, or a
        labelled name ('Hanke: Nimi'), which may open the run only when it is
        not the line right after another entry (``after_entry``)."""
        j = i
        while j < len(self.items) and self.items[j].kind not in ("code", "sisalto", "table") \
                and not (self.items[j].named and (j > i or after_entry)):
            j += 1
        return j

    # -- code entries
    def code_entry(self, i: int) -> int:
        items = self.items
        head = items[i]
        e = self.new_entry(head.no, head.coordination)
        e.code = head.code
        e.group_code = head.code2 if is_group_code(head.code2) else (head.code if is_group_code(head.code) else None)
        m = _ROLE_INLINE_RE.search(head.rest)
        if m:
            e.name_lines.append(head.rest[:m.start()])
            e.parts.append(Part(_role_of(m.group("label")), m.group("label"), [(head.no, head.rest[m.end():])]))
        else:
            e.name_lines.append(head.rest)
        e.used.add(head.no)
        end = self._run_end(i + 1, after_entry=True)
        j = i + 1
        while j < end:
            it = items[j]
            if it.kind == "url":
                self.attach_url(j, e)
            elif it.kind == "marker" and e.parts and it.prefix[:1].isupper():
                break            # 'Nimi. Toteuttajat: ...': the next entry, printed without a code
            elif it.kind in ("role", "marker") and (it.kind == "role" or not e.parts):
                if it.kind == "marker":
                    e.name_lines.append(it.prefix)
                e.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
                e.used.add(it.no)
            elif e.parts and not _continues(e.part_text(), it.text) and \
                    any(items[k].kind in ("role", "marker") for k in range(j + 1, end)):
                break            # the name of the next entry, whose implementer line follows
            elif it.kind == "text" and _is_sentence(it.text) and \
                    (e.parts or split_header(join_broken(e.name_lines))[1]) and \
                    not re.search(r"(?:,|\bja|\bsekä|-|/|&)$", (e.part_text() or join_broken(e.name_lines)).rstrip()):
                break            # a sentence after a complete entry ('Hankkeet käynnistyvät syksyllä.')
            elif e.parts and it.kind == "text" and PERIOD_RE.match(it.text):
                e.name_lines.append(it.text)      # 'Hakija: X' / '1.1.2030–31.12.2031, kustannusarvio 640 000 €'
                e.used.add(it.no)
            elif e.parts:
                e.parts[-1].lines.append((it.no, it.text))
                e.used.add(it.no)
            elif len(e.name_lines) == 1 and not re.search(r"[,:/]", head.rest) and it.text[:1].isupper() \
                    and looks_like_org(it.text, acronyms=False) and not PERIOD_RE.search(it.text):
                e.parts.append(Part("implementer", "toteuttajat", [(it.no, it.text)]))   # 'S1 Nimi' / 'Alfa Oy'
                e.used.add(it.no)
            else:
                e.name_lines.append(it.text)
                e.used.add(it.no)
            j += 1
        # sub-project rows under a group header that names no implementer
        if not e.parts and self._header_without_orgs(e):
            while j < len(items) and items[j].kind == "code" and self._is_subrow(items[j]):
                sub_end = self._run_end(j + 1, after_entry=True)
                if any(items[k].kind in ("role", "marker") for k in range(j + 1, sub_end)):
                    break                  # a project of its own with implementer lines ('Hakija ...')
                text = join_broken([items[j].rest] + [items[k].text for k in range(j + 1, sub_end)
                                                      if items[k].kind != "url"])
                e.subrows.append((items[j].code, text, items[j].no))
                e.used.update(items[k].no for k in range(j, sub_end) if items[k].kind != "url")
                j = sub_end
        self.used |= e.used
        return j

    def _header_without_orgs(self, e: Entry) -> bool:
        text = join_broken(e.name_lines)
        if not PERIOD_RE.search(text) and not is_group_code(e.code):
            return False
        return not split_header(PERIOD_RE.sub("", text))[1]

    def _is_subrow(self, it: _Item) -> bool:
        """A sub-project row: a code and one organisation, no dates, no name separator."""
        if it.code2 or is_group_code(it.code) or PERIOD_RE.search(it.rest) or not it.rest or it.numbered:
            return False
        rest = ROLE_SUFFIX_RE.sub("", it.rest)
        return bool(ROLE_SUFFIX_RE.search(it.rest)) or not (re.search(r" / |: ", rest)
                                                             or _ROLE_INLINE_RE.search(rest))

    # -- the flattened table
    def table_row(self, i: int) -> int:
        items = self.items
        head = items[i]
        end = self._run_end(i + 1)
        for k in range(i + 1, end):       # a row ends where a line is an entry of its own
            if (items[k].kind in ("role", "marker") and items[k].rest) or _name_colon_orgs(items[k].text):
                end = k
                break
        cont = [items[k] for k in range(i + 1, end) if items[k].kind != "url"]
        parts = [p for p in re.split(r"\s{2,}", head.raw.strip()) if p]
        name_lines, org_lines = parts[:1], parts[1:]
        for it in cont:
            if org_lines or (name_lines and not it.text[:1].islower() and not it.text.startswith("/")):
                org_lines.append(it.text)
            else:
                name_lines.append(it.text)
        if not org_lines and name_lines:
            name_lines[-1], tail = split_trailing_org(name_lines[-1])
            org_lines = [tail] if tail else []
        org = join_broken(org_lines)
        m = ROLE_SUFFIX_RE.search(org)
        role = None
        if m:
            role = "main" if (m.group("a") or m.group("b")).lower() == "pää" else "sub"
            org = org[:m.start()]
        name_words = join_broken(name_lines).split()
        org_words = org.split()
        # an organisation printed as '<Place> <Head>' whose first word ended the name cell
        # ('Sie osaat ja kuulut Rovaniemen' / 'Koulutuskuntayhtymä'), or a place in the genitive
        # before a capitalised organisation word ('... Ruskalan' / 'Nuorisosäätiö sr')
        if org_words and len(name_words) > 1 and name_words[-1][:1].isupper() and \
                looks_like_org(org_words[0]) and (len(org_words) == 1 or (
                    re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]*[a-zåäö]n", name_words[-1]) and org_words[0][:1].isupper()
                    and not org_words[0].endswith("n"))):
            org = f"{name_words.pop()} {org}"
        e = self.new_entry(head.no, head.coordination)
        e.code = head.code
        e.group_code = head.code2 if is_group_code(head.code2) else None
        e.name_lines = [" ".join(name_words)]
        if org.strip():
            e.parts.append(Part(role or self.table_role, "hakija", [(head.no, org)]))
        e.used.update(it.no for it in [head, *cont])
        self.used |= e.used
        return end

    # -- lists without codes
    def text_run(self, i: int) -> int:
        items = self.items
        end = self._run_end(i)
        run = list(range(i, end))
        markers = [k for k in run if items[k].kind in ("role", "marker")]
        if not markers:
            self.colon_entries(run)
            return end
        current: Optional[Entry] = self.entries[-1] if self.entries and self.entries[-1].parts and \
            not self.entries[-1].code and i > 0 and items[i - 1].kind not in ("sisalto", "table") else None
        pos = i
        for m in markers:
            it = items[m]
            gap = [k for k in range(pos, m) if items[k].kind == "text"]
            urls_between = [k for k in range(pos, m) if items[k].kind == "url"]
            for k in urls_between:
                self.attach_url(k, current)
            if it.kind == "role" and current is not None and not gap and \
                    it.role not in {p.role for p in current.parts}:
                current.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
                current.used.add(it.no)
                pos = m + 1
                continue
            needs_name = not it.prefix or not it.prefix[0].isupper()
            cont, name = self._split_gap(current, gap, max(urls_between, default=-1), needs_name)
            for k in cont:
                current.parts[-1].lines.append((items[k].no, items[k].text))
                current.used.add(items[k].no)
            # a sub-heading ending in ':' may stand before the name
            colon = max((n for n, k in enumerate(name) if items[k].text.endswith(":")), default=None)
            if colon is not None and (colon < len(name) - 1 or it.prefix):
                self.heading([items[k] for k in name[:colon + 1]])
                name = name[colon + 1:]
            elif name and not needs_name and current is not None and not current.terminated():
                for k in name:                  # after a URL, before an entry that names itself
                    self.skip(items[k], "text between list entries, not part of an entry")
                name = []
            if needs_name and not name:
                self.skip(it, "implementer line without a project name before it")
                pos = m + 1
                continue
            e = self.new_entry(items[name[0]].no if name else it.no)
            e.name_lines = [items[k].text for k in name] + ([it.prefix] if it.prefix else [])
            e.parts.append(Part(it.role, it.label, [(it.no, it.rest)]))
            e.used.update([items[k].no for k in name] + [it.no])
            current = e
            pos = m + 1
        # after the last marker: continuation lines, then whatever is left
        tail = [k for k in range(pos, end) if items[k].kind == "text"]
        prev = current.part_text() if current else ""
        while tail and current is not None and not items[tail[0]].text.endswith(":") and (
                (not current.terminated() and _continues(prev, items[tail[0]].text))
                or _DIGITS_ONLY_RE.match(items[tail[0]].text)) and \
                not any(items[k].kind == "url" for k in range(pos, tail[0])):
            current.parts[-1].lines.append((items[tail[0]].no, items[tail[0]].text))
            current.used.add(items[tail[0]].no)
            prev = f"{prev} {items[tail[0]].text}"
            tail.pop(0)
        for k in range(pos, end):
            if items[k].kind == "url":
                self.attach_url(k, current)
        if tail:
            self.colon_entries(tail)
        for e in self.entries:
            self.used |= e.used
        return end

    def _split_gap(self, current: Optional[Entry], gap: list[int], last_url: int,
                   needs_name: bool) -> tuple[list[int], list[int]]:
        """Split the text lines between two implementer labels into the lines
        that continue the current entry's implementers and the next entry's name.

        After 'Kustannusarvio ... €' only the estimate's broken-off digits
        continue; a URL ends an implementer list; when the next label line
        carries its own name, nothing before it is a name; otherwise lines
        continue the list while :func:`_continues` says so, and a name broken
        over lines starts at its capitalised line.
        """
        items = self.items
        if current is None:
            return [], gap
        if current.terminated():
            k = 0
            while k < len(gap) and _DIGITS_ONLY_RE.match(items[gap[k]].text):
                k += 1
            return gap[:k], gap[k:]
        cont = [k for k in gap if k < last_url]
        name = [k for k in gap if k > last_url]
        if not needs_name:
            return (gap, []) if last_url < 0 else (cont, name)
        prev = " ".join([current.part_text()] + [items[k].text for k in cont])
        while len(name) > 1 and _continues(prev, items[name[0]].text):
            prev = f"{prev} {items[name[0]].text}"
            cont.append(name.pop(0))
        while cont and cont[-1] > last_url and name and items[name[0]].text[:1].islower():
            name.insert(0, cont.pop())
        return cont, name

    def colon_entries(self, run: list[int]):
        """'Nimi:' followed by implementer lines; anything else is skipped."""
        items = self.items
        texts = [k for k in run if items[k].kind == "text"]
        k = 0
        pending: list[int] = []
        while k < len(texts):
            it = items[texts[k]]
            inline = _name_colon_orgs(it.text)
            if it.text.endswith(":"):
                nxt = texts[k + 1] if k + 1 < len(texts) else None
                if nxt is None or items[nxt].text.endswith(":"):
                    self.heading([items[p] for p in pending] + [it])
                    pending = []
                    k += 1
                    continue
                e = self.new_entry(items[pending[0]].no if pending else it.no)
                e.name_lines = [items[p].text for p in pending] + [it.text.rstrip(": ")]
                e.colon_orgs = True
                e.used.update([items[p].no for p in pending] + [it.no])
                pending = []
                org_lines = [(items[nxt].no, items[nxt].text)]
                e.used.add(items[nxt].no)
                k += 2
                while k < len(texts) and not items[texts[k]].text.endswith(":") and \
                        _continues(" ".join(t for _, t in org_lines), items[texts[k]].text):
                    org_lines.append((items[texts[k]].no, items[texts[k]].text))
                    e.used.add(items[texts[k]].no)
                    k += 1
                e.parts.append(Part("implementer", "toteuttajat", org_lines))
                self.used |= e.used
                continue
            if inline:
                e = self.new_entry(it.no)
                e.name_lines = [items[p].text for p in pending] + [inline.group("name")]
                org_lines = [(it.no, inline.group("orgs"))]
                e.used.update([items[p].no for p in pending] + [it.no])
                k += 1
                # the implementer list may go on over the next lines ('A, B ja' / 'C Oy')
                while k < len(texts) and not items[texts[k]].text.endswith(":") and \
                        not _name_colon_orgs(items[texts[k]].text) and \
                        _list_goes_on(" ".join(t for _, t in org_lines), items[texts[k]].text):
                    org_lines.append((items[texts[k]].no, items[texts[k]].text))
                    e.used.add(items[texts[k]].no)
                    k += 1
                e.parts.append(Part("implementer", "toteuttajat", org_lines))
                self.used |= e.used
                pending = []
                continue
            pending.append(texts[k])
            k += 1
        for p in pending:
            self.skip(items[p], "text in the project list that is not part of an entry")


def parse_list(lines: list[Line], source: str, theme: Optional[str] = None,
               programme: Optional[str] = None, furniture: frozenset[str] = frozenset()) -> ListResult:
    """Read the project list of one theme (the lines after the section-7 heading).

    ``furniture`` holds line texts known to be page furniture (footer lines
    the document repeats on every page)."""
    parser = _Parser(_items(lines, furniture), source)
    parser.run()
    projects: list[Project] = []
    for e in parser.entries:
        p = to_project(e, source, theme, programme)
        if p.name:
            projects.append(p)
            continue
        parser.used -= e.used
    projects = merge_groups(projects)
    for it in parser.items:
        if it.more and it.no in parser.used:
            parser.used.update(it.more)
    skipped = list(parser.skipped)
    reported = {s.line for s in skipped}
    for it in parser.items:
        if it.kind != "url" and it.no not in parser.used and it.no not in reported:
            reason = ("an entry without a project name" if it.kind in ("code", "role", "marker")
                      else "not read as part of a project entry")
            skipped.append(Skipped(source, it.no, it.text, reason, looks_like_entry(it.text)))
    return ListResult(projects, sorted(skipped, key=lambda s: s.line), frozenset(parser.used))
