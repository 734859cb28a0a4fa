"""Project plans (hankesuunnitelma): one project's application to a programme.

A plan describes the applying project: its administrator (hankehallinnoija),
pilot municipalities, partners, steering group, the programme's measure
packages it applies for, and earlier or parallel projects it builds on or
co-operates with.

Yields the plan's :class:`~loaders.records.Project` with participants
(roles ``administrator``, ``pilot``, ``partner``, ``steering``) and
``themes`` = the measure packages applied for, named as a programme guide
names them; each related project as its own Project with its implementers
and years; and ``Relation(plan, "related_project", other, detail=kind)``.

Modules: ``loader`` (``score`` and ``load``), ``fields`` (form cells and the
title), ``participants`` (administrator, pilots, partners, steering group),
``measure_packages`` (the packages applied for), and the projects a plan
names: ``mentions`` (where), ``related`` (how the plan relates to them),
``implementers`` (who ran them) and ``related_table`` (a table of them).
"""
from hankeverkko.loaders.project_plan.loader import DESCRIPTION, KIND, load, score
from hankeverkko.loaders.project_plan.measure_packages import measure_packages_applied

__all__ = ["KIND", "DESCRIPTION", "score", "load", "measure_packages_applied"]
