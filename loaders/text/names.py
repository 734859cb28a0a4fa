"""Organisation names in PDF text: does a string read as one, and splitting lists of them.

Grammar of the documents (legal forms, head nouns such as '-keskus',
'-säätiö'), not a list of organisations.
"""
from __future__ import annotations

import re

from hankeverkko.loaders.text.hyphens import repair_hyphen_spaces
from hankeverkko.loaders.text.lines import normalise_space

__all__ = ["looks_like_org", "split_names"]


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
