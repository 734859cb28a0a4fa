"""ESR 2014–2020 'TL 5' reports: national development projects of priority axis 5.

Such a report describes a national measure package (toimenpidekokonaisuus)
funded through a ministry: results prose that names projects by acronym and
what they produced, then the list 'Toimenpidekokonaisuudesta rahoitettujen
hankkeiden lista' with each project's full name and its eura2014 link, whose
``projektikoodi=`` is the EURA code.  PDF extraction breaks names and links
over lines (even inside 'projekti-' / 'koodi='), and page link annotations
repeat links as bare lines after the page; both are repaired here.

Yields one :class:`~loaders.records.Project` per list entry (code, full name,
acronym, kind, links, outputs matched from the prose, implementers where
stated), the programme, the measure package as a
``Theme(kind="measure_package")`` and the funding ministry where stated.

* ``loader``   ``score`` and ``load``
* ``entries``  the list heading and list entries (name, acronym, implementers)
* ``table``    a project table flattened one cell per line
* ``links``    eura2014 links and EURA codes, repaired across line breaks
* ``outputs``  what the results prose says each project produced
* ``theme``    the programme, the measure package and its funding ministries
"""
from hankeverkko.loaders.tl5_list.links import eura_codes
from hankeverkko.loaders.tl5_list.loader import DESCRIPTION, KIND, load, score

__all__ = ["KIND", "DESCRIPTION", "score", "load", "eura_codes"]
