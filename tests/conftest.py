"""Shared fixtures: the real bundled corpus and a tiny synthetic graph."""
from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"
#: the client's hand-checked reading of the first four themes (copied from ../shared/gold/)
GOLD = REPO / "tests" / "fixtures" / "gold" / "002_first_four_themes.json"


def load_scorer():
    """``benchmarks/score_gold.py`` as a module (a script, not a package)."""
    import importlib.util
    import sys
    name = "score_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "score_gold.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module                    # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


def tiny_documents():
    """Two invented sources (theme review + TL5-like list) sharing organisations.

    Invented names only: the network shape is known by construction
    (Alfa Oy and Beta ry co-implement R-00001 and S10003; Gamma sr is alone).
    """
    from hankeverkko.loaders.records import (Funding, Participation, Programme, Project,
                                 SourceDocument, Span, Theme)

    rev = SourceDocument("tiny_review.txt", "theme-review", title="Pieni katsaus", line_count=60)
    prog = "Uudistuva ja osaava Suomi 2021–2027"
    rev.programmes.append(Programme(prog, Span(rev.name, 1, 1)))
    rev.themes.append(Theme("Teema Yksi", Span(rev.name, 5, 30), programme=prog,
                            ministries=["Työ- ja elinkeinoministeriö"], funders=["Hämeen ELY-keskus"],
                            funding=Funding(Decimal(1000000), Decimal(500000), Decimal(250000), Decimal(0)),
                            coordination_projects=["Koordinaatio"]))
    rev.themes.append(Theme("Teema Kaksi", Span(rev.name, 31, 59), programme=prog,
                            ministries=["Sosiaali- ja terveysministeriö"]))
    rev.projects += [
        Project("Koordinaatio", Span(rev.name, 20, 21), code="S10001", kind="coordination",
                themes=["Teema Yksi"], participants=[Participation("Hämeen ELY-keskus", "implementer", line=21)]),
        Project("Yhteinen ryhmä", Span(rev.name, 22, 24), code="R-00001", kind="group", themes=["Teema Yksi"],
                start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31),
                participants=[Participation("Alfa Oy", "main", "S10002", 23),
                              Participation("Beta ry", "sub", "S10004", 24)]),
        Project("Toinen", Span(rev.name, 40, 41), code="S10003", kind="single", themes=["Teema Kaksi"],
                cost_estimate=Decimal("120000.50"),
                participants=[Participation("Alfa Oy", "applicant", line=40),
                              Participation("Beta ry", "implementer", line=41)]),
        Project("Yksin", Span(rev.name, 42, 42), code="S10005", kind="single", themes=["Teema Kaksi"],
                participants=[Participation("Gamma sr", "applicant", line=42)]),
    ]
    old = SourceDocument("tiny_tl5.txt", "tl5-list", title="TL5", line_count=20)
    old_prog = "Kestävää kasvua ja työtä 2014–2020"
    old.programmes.append(Programme(old_prog, Span(old.name, 1, 1)))
    old.themes.append(Theme("Toimintalinja 5", Span(old.name, 2, 3), programme=old_prog, kind="measure_package"))
    old.projects.append(Project("Vanha hanke", Span(old.name, 10, 11), code="S20001", kind="single",
                                themes=["Toimintalinja 5"],
                                participants=[Participation("Alfa Oy", "implementer", line=11),
                                              Participation("Beta ry", "implementer", line=11)]))
    return [rev, old]


@pytest.fixture(scope="session")
def tiny_build():
    from hankeverkko.graph.rdf.build import build_graph
    return build_graph(tiny_documents())


@pytest.fixture(scope="session")
def tiny_graph(tiny_build):
    return tiny_build.graph


@pytest.fixture(scope="session")
def corpus_build():
    """The bundled corpus, built once per test session."""
    from hankeverkko.graph.pipeline import build_sources
    return build_sources()


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    return corpus_build.graph




@pytest.fixture(scope="session")
def chromium():
    """Path of a headless Chromium; CI installs Debian's package (tests/run)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is not installed: run tests/run (it installs Debian's chromium)"
    return path
