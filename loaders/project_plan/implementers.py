"""Who ran a project a plan names: printed right after its mention ('(2097–2099,
toteuttaja Alfan kunta)'), as a genitive owner before it ('Alfan kunnan
Beeta-hanke') or in a sentence about it ('toteuttajina ovat A ja B', 'jota
hallinnoi X', 'A ja B osallistuivat ...').
"""
from __future__ import annotations

import re

from hankeverkko.loaders.project_plan.mentions import RelatedProject
from hankeverkko.loaders.prose import nominative, split_names

__all__ = ["stated_implementers", "org_list", "sentence_implementers"]

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


def stated_implementers(sent: str, pos: int, name: str, rp: RelatedProject) -> None:
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
        for org in org_list(m.group("list")):
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


def org_list(text: str) -> list[str]:
    out = []
    for n in split_names(text):
        n = re.sub(r"\s*\([^)]*\)", "", n).strip(" .")
        n = re.sub(r"^(?:[a-zåäö][\wåäö]*\s+)+", "", n)
        if n[:1].isupper() and len(n.split()) <= 8:
            out.append(nominative(n))
    return out


def sentence_implementers(sent: str, rp: RelatedProject, ms) -> None:
    roles = (("osatoteuttaj", "sub"), ("päätoteuttaj", "main"), ("toteuttaj", "implementer"),
             ("hallinnoij", "administrator"))
    for word, role in roles:
        m = re.search(rf"\b{word}\w*\s+(?:ovat|on|toimii|toimivat)\s+(?P<list>[A-ZÅÄÖ][^.;]+)", sent, re.I)
        if m:
            for org in org_list(m.group("list")):
                if (org, role) not in rp.implementers:
                    rp.implementers.append((org, role))
            return
    m = re.search(r"\b(?:jota|jonka|joka)\s+(?P<verb>hallinnoi|hallinnoivat|toteuttaa|toteuttavat|toteutti|toteuttivat)\s+"
                  r"(?P<list>[A-ZÅÄÖ][^.;()]+?)\s*(?:,|\.|$)", sent)
    if m and ms:
        role = "administrator" if m.group("verb").startswith("hallinnoi") else "implementer"
        for org in org_list(m.group("list")):
            if (org, role) not in rp.implementers:
                rp.implementers.append((org, role))
        return
    m = re.match(r"^(?P<list>[A-ZÅÄÖ][^.;]{1,120}?)\s+(?:osallistuivat|osallistui|toteuttivat|toteutti)\s", sent)
    if m and ms:
        for org in org_list(m.group("list")):
            if (org, "implementer") not in rp.implementers:
                rp.implementers.append((org, "implementer"))
        return
    m = re.match(r"^(?P<org>[A-ZÅÄÖ][^.;]{1,120}?)\s+(?:on\s+hakenut|hakee|on\s+hakemassa)\s", sent)
    if m and ms:
        org = nominative(m.group("org"))
        if (org, "applicant") not in rp.implementers:
            rp.implementers.append((org, "applicant"))
