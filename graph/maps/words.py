"""A map's printed words in Finnish: titles, subtitles and legends of maps and
figures made for a Finnish report (``hankeverkko report`` writes Finnish by
default). Maps are styled in English; :func:`in_finnish` rewrites the words a
reader sees, phrase by phrase, and leaves names (organisations, themes) as
printed.

>>> finnish_text("Collaboration network: Teema; programme period 2021-2027; implementers")
'Yhteistyöverkosto: Teema; ohjelmakausi 2021-2027; toteuttajat'
"""
from __future__ import annotations

import dataclasses
import re

from hankeverkko.graph.maps.style import LegendItem, NetworkMap
from hankeverkko.graph.network.vocabulary import TYPE_LABELS

__all__ = ["FINNISH", "finnish_text", "in_finnish"]

#: English phrase -> Finnish, longest first when applied
FINNISH = {
    "node size: number of partners": "solmun koko: kumppanien määrä",
    "node size: euros (cost estimates split between partners; theme shares where unknown)":
        "solmun koko: euroa (kustannusarviot jaettu kumppaneille; muuten teeman osuus)",
    "Collaboration network of": "Yhteistyöverkosto:",
    "Collaboration network": "Yhteistyöverkosto",
    "programme period": "ohjelmakausi",
    "all programme periods": "kaikki ohjelmakaudet",
    "implementers": "toteuttajat",
    "roles:": "roolit:",
    "types:": "tyypit:",
    "partners within 1 step": "kumppanit yhden askeleen päässä",
    "partners within": "kumppanit",
    "steps": "askeleen päässä",
    "data:": "tiedot:",
    "built": "koottu",
    "sources up to": "lähteet vuoteen",
    "Collaboration clusters (Louvain, seed": "Yhteistyöklusterit (Louvain, siemen",
    "Organisation type": "Organisaatiotyyppi",
    "Main theme (most projects)": "Pääteema (eniten hankkeita)",
    "other clusters / no partners": "muut klusterit / ei kumppaneita",
    "other types": "muut tyypit",
    "other themes": "muut teemat",
    "no theme": "ei teemaa",
    "project of more than": "hanke, jossa yli",
    "organisations (one node)": "organisaatiota (yksi solmu)",
    **{en: fi for en, fi in {
        "ministry": "ministeriö", "ELY centre": "ELY-keskus", "national agency": "valtakunnallinen virasto",
        "municipality": "kunta", "joint municipal authority": "kuntayhtymä",
        "wellbeing services county": "hyvinvointialue", "hospital district": "sairaanhoitopiiri",
        "university of applied sciences": "ammattikorkeakoulu", "university": "yliopisto",
        "vocational institution": "ammatillinen oppilaitos", "foundation": "säätiö",
        "association": "yhdistys", "company": "yritys", "other organisation": "muu organisaatio",
    }.items() if en in TYPE_LABELS.values()},
}
_PHRASES = re.compile("|".join(re.escape(k) for k in sorted(FINNISH, key=len, reverse=True)))


def finnish_text(text: str) -> str:
    """``text`` with every known English phrase in Finnish (names untouched)."""
    return _PHRASES.sub(lambda m: FINNISH[m.group(0)], text)


def in_finnish(m: NetworkMap) -> NetworkMap:
    """The same map with its title, subtitle and legend in Finnish."""
    legend = [LegendItem(finnish_text(item.label) if item.label in FINNISH or _PHRASES.match(item.label)
                         else item.label, item.colour) for item in m.legend]
    return dataclasses.replace(m, title=finnish_text(m.title), subtitle=finnish_text(m.subtitle),
                               legend_title=finnish_text(m.legend_title), legend=legend)
