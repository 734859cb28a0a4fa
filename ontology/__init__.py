"""The hankeverkko ontology: Turtle files and the generated closed namespace.

>>> from hankeverkko.ontology import HV
>>> str(HV.Project)
'https://w3id.org/hankeverkko/ontology#Project'
>>> HV.Projetc  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'Projetc' not in namespace
"""
from pathlib import Path

from rdflib import Namespace

from hankeverkko.ontology.namespace import HV

__all__ = ["HV", "ID", "ONTOLOGY_IRI", "ONTOLOGY_FILE", "SHAPES_FILE", "CONTEXT_FILE"]

HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = HERE / "hankeverkko.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
CONTEXT_FILE = HERE / "context.jsonld"
ONTOLOGY_IRI = "https://w3id.org/hankeverkko/ontology"
#: data IRIs (projects, themes, organisations, ...) live under this namespace
ID = Namespace("https://w3id.org/hankeverkko/id/")
