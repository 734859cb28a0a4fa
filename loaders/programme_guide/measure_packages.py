"""The measure packages (toimenpidekokonaisuudet) of a programme guide: listed
after an introduction, as section headings or as 'X -toimenpidekokonaisuus'
phrases, with the goal and target groups the text gives each.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.programme_guide.layout import sentence_blocks
from hankeverkko.loaders.prose import Block, Vocabulary
from hankeverkko.loaders.records import Span, Theme
from hankeverkko.loaders.text import Line, is_noise, normalise_space

__all__ = ["measure_packages"]

_PACKAGES_INTRO_RE = re.compile(r"toimenpide-?\s?kokonaisuudet\s+(?:ovat|on)\s*:?", re.I)
_NUMBERED_RE = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
#: a bulleted or lettered list item ('• alfan tuki', 'a) alfan tuki', 'A. Alfan tuki')
_ITEM_RE = re.compile(r"^\s*([•●▪■◦\u2022\u2023\u2043\uf000-\uf0ff*–-]|[a-hA-H][.)])\s+(\S.*)$")
#: a package as a section heading: '2.1 Toimenpidekokonaisuus 1: Alfan tuki', 'TOIMENPIDEKOKONAISUUS A. ...'
_PACKAGE_HEADING_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?toimenpide-?\s?kokonaisuus\s+"
                                 r"(?:\d{1,2}|[A-H]|I{1,3}|IV|V)\s*[:.)–-]\s*(\S.{3,120}?)\s*$", re.I)


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


def measure_packages(bs: list[Block], body: list[Line], vocab: Vocabulary, source: str,
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
    for b, sent in sentence_blocks(bs):
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
