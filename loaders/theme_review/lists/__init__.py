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

Modules: ``items`` (each line classified), ``lines`` (does a line continue
a list, is it prose), ``state`` (what the reading keeps), one module per
layout (``coded``, ``table``, ``uncoded``) and ``parse`` (the reading).

:func:`parse_list` returns :class:`~loaders.records.Project` records (kind
``coordination`` where the list itself says so), the lines it could not use as
:class:`~loaders.records.Skipped` records, and how many list lines it used.
"""
from hankeverkko.loaders.theme_review.lists.lines import looks_like_entry
from hankeverkko.loaders.theme_review.lists.parse import ListResult, parse_list

__all__ = ["parse_list", "ListResult", "looks_like_entry"]
