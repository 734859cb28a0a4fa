"""The ESR+ national-theme review ('Valtakunnallisten teemojen
toteutuskatsaus'): the loader (``loader``) reads each theme's box of facts
(``box``), its contacts (``contacts``), its project lists in every printed
layout (``lists``, ``entries``) and what the prose says of coordination and
groups (``prose``), resolved into the coordination project(s)
(``coordination``)."""
from hankeverkko.loaders.theme_review.loader import DESCRIPTION, KIND, load, score

__all__ = ["KIND", "DESCRIPTION", "score", "load"]
