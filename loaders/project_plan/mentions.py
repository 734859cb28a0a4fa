"""Where a project plan names another project.

Finnish plans name other projects as 'X-hanke', 'X –hankkeen', 'X
-hankerahoitusta', 'kehittämishankkeessa X (ACR, 2018-2020)', 'S99001 Alfan
polut (2097–2099)', 'X:n toteuttamassa ... pilotissa' or 'X:n kuntakokeilu';
:func:`mentions` finds them in a sentence, :class:`RelatedProject` is what is
gathered of one project, and :func:`project_key` compares names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from hankeverkko.loaders.prose import YEARS_RE, nominative

__all__ = ["RelatedProject", "project_key", "mentions"]

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
#: 'Alfa ry:n toteuttamassa ... palvelupilotissa'.  The organisation starts at
#: the first capital of a word (the look-behind and the skipped lower-case or
#: digit prefix), so a long word is scanned once, not once from each capital.
_AGENT = re.compile(
    r"(?<![\w-])(?:[^\WA-ZÅÄÖ]|-)*(?P<org>[A-ZÅÄÖ][\wÅÄÖåäö-]*(?:\s+[\wÅÄÖåäö-]+){0,3}?(?::n|n))\s+(?:vuosina\s+\S+\s+)?"
    r"(?:toteuttama|hallinnoima|koordinoima)\w*\s+"
    r"(?P<name>(?:[\wåäö-]+\s+){0,4}?[\wåäö-]*(?:pilot|hank|projekt|kokeilu)\w*)")
#: a project named after its EURA code: 'hankkeen S99001 Alfan polut (2097–2099)', '- S99002 Beeta (2098–2099), ...'
_CODED = re.compile(
    r"(?<![\w-])(?P<code>[SR]\d{5}|R-\d{5})\s+(?P<name>[A-ZÅÄÖ][^()\d,.;:]{1,80}?)\s*"
    r"(?:\((?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2})\)|(?=[,.;:]|$))")
_FUNCTION_WORDS = {
    "tämä", "tässä", "tämän", "tätä", "tähän", "tästä", "nämä", "näiden", "näissä", "se", "sen", "siinä",
    "sitä", "hanke", "hankkeen", "hankkeessa", "hankkeella", "hankkeelle", "hankkeet", "hankkeiden",
    "hankkeissa", "lisäksi", "myös", "kuten", "esimerkiksi", "mm", "esim", "jos", "kun", "koska", "ja",
    "tai", "sekä", "hankerahoitusta", "hankkeita", "osana", "toisaalta", "samoin", "erityisesti", "eli",
    "muun", "muassa", "viime", "ensi", "vuonna", "vuoden", "kaikki", "useita", "useat", "yhteistyötä",
    "hankevalmistelun", "hankesuunnitelma", "hankehenkilöstö",
}


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
        return project_key(self.name)


def project_key(name: str) -> str:
    s = re.sub(r"\s*[-–]\s*(?:hanke\w*|projekti\w*)$", "", name.casefold())
    return re.sub(r"hanke$", "", re.sub(r"[\W_]", "", s))


def _is_start_word(w: str, sentence_initial: bool) -> bool:
    bare = w.strip("“”\"'(").rstrip(",")
    if not bare[:1].isupper() or bare.casefold().rstrip(".") in _FUNCTION_WORDS:
        return False
    if sentence_initial and (re.search(r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|kuussa|aan|ään)$", bare)):
        return False
    return True


#: characters before a mention's end that its name can reach back over (16 long words)
_NAME_REACH = 400


def _walk_back(text: str, end: int, sentence_start: int) -> Optional[str]:
    """The name that ends at ``end``: back to its first capitalised word."""
    window = max(sentence_start, end - _NAME_REACH)     # a name is a few words: never rescan the sentence
    left = text[window:end]
    words = left.split()
    cut = window > sentence_start
    if cut and words and not text[window - 1].isspace():
        words = words[1:]                                # a word cut in half by the window
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
        if _is_start_word(w, i == 0 and not cut):
            found = i
            # extend over consecutive capitalised words ('Etelä-Alfan ABC', 'Beetan Reitti')
            while found > 0 and _is_start_word(words[found - 1], found - 1 == 0 and not cut) and \
                    not re.search(r"[,.;:()]$", words[found - 1]):
                found -= 1
            break
        i -= 1
    if found is None:
        # a long name with commas and dashes that starts the sentence ('Alfaa
        # järjestöihin – osallisuutta, ... -hankerahoitusta on haettu')
        if not cut and len(words) <= 16 and words[0][:1].isupper() and \
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


def mentions(sent: str) -> list[tuple[int, str, Optional[str], Optional[str], str]]:
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
    first: dict[str, int] = {}          # a kept mention's name or acronym key -> its index (keys made once)
    for o in out:
        k = project_key(o[1])
        same = first.get(k)
        if same is not None:
            if o[4].startswith("agent:") and not kept[same][4].startswith("agent:"):
                kept[same] = (*kept[same][:4], o[4])    # who implemented it, said of the same mention
            continue
        first.setdefault(k, len(kept))
        if o[2]:
            first.setdefault(project_key(o[2]), len(kept))
        kept.append(o)
    return kept
