"""Programme guides ('ohjelma ja hakuopas'): a funding programme and how to apply.

A guide names a programme and its period, the ministries behind it and what
each is responsible for, the agencies that run it, the measure packages
(toimenpidekokonaisuudet) grants are given for with their target groups, the
grant budget, related programmes, statutes cited by number, and usually a
glossary appendix ('Liite 1. Käsitteet').

Yields a :class:`~loaders.records.Programme`, an
:class:`~loaders.records.OrgMention` per ministry or agency with its stated
``role`` and ``expanded`` name, a ``Theme(kind="measure_package")`` per
measure package, :class:`~loaders.records.Statute` records,
``Relation(agency, "runs", programme)`` and a
:class:`~loaders.records.Concept` per glossary term.

Modules: ``loader`` (``score`` and ``load``: the programme, its ministries
and agencies with their roles, the budget), ``layout`` (publication series,
running furniture, title, sentences), ``measure_packages``,
``related_programmes``, ``glossary_appendix`` and ``statute_citations``.
"""
from hankeverkko.loaders.programme_guide.glossary_appendix import glossary
from hankeverkko.loaders.programme_guide.loader import DESCRIPTION, KIND, load, score
from hankeverkko.loaders.programme_guide.statute_citations import statutes

__all__ = ["KIND", "DESCRIPTION", "score", "load", "glossary", "statutes"]
