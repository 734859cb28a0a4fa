"""Every loader is linear in a long line (issue K).

A long token without spaces made unanchored patterns (the e-mail address, a
name before '(ABBR)', a name before 'Y-tunnus' ...) scan the rest of the
line from every character: 30,000 characters took 37 s.  Each loader's
``score`` and ``load`` run on a line of 1 MB and on one of 100 kB; the test
passes when the large one takes at most 15 times as long (10 is linear), so
it does not depend on how fast or loaded the machine is.
"""
from __future__ import annotations

import importlib
import time

import pytest

from hankeverkko.loaders import SourceReadError, spreadsheet
from hankeverkko.loaders.detect import TEXT_LOADERS
from hankeverkko.loaders.text import is_page_furniture, strip_contact_details

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 15
#: a long token in the shapes that triggered the quadratic patterns
TOKENS = {"no-spaces": "Hanke", "capitals": "AB", "hyphens": "a-", "spaced": "Hanke ",
          "project-names": "Alfa-hanke "}


def _text(token: str, size: int) -> str:
    return (token * (size // len(token) + 1))[:size]


def _seconds(run, size: int, token: str, repeat: int = 2) -> float:
    """The best of ``repeat`` runs (other jobs on the machine only ever add time)."""
    text = _text(token, size)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - t)
    return best


def _text_loader(kind):
    module = importlib.import_module(TEXT_LOADERS[kind])

    def run(text):
        from hankeverkko.loaders.text import read_lines
        lines = read_lines(f"Hankekoodi: S21234\nTuensaajat\n{text}\nToteuttaja: Alfa ry\n")
        module.score(lines)
        module.load(lines, "pitka.txt")
    return run


def _ratio(run, token: str) -> tuple[float, float]:
    small = _seconds(run, SMALL, token)
    large = _seconds(run, LARGE, token)
    return large, small


def test_the_loaders_are_all_covered():
    assert len(TEXT_LOADERS) >= 7


@pytest.mark.slow
@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
@pytest.mark.parametrize("kind", list(TEXT_LOADERS))
def test_text_loader_is_linear_in_a_long_line(kind, token):
    large, small = _ratio(_text_loader(kind), token)
    assert large <= MAX_RATIO * max(small, 0.01), f"{kind}: 1 MB {large:.2f} s, 100 kB {small:.2f} s"


@pytest.mark.slow
@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
def test_spreadsheet_is_linear_in_a_long_cell(tmp_path, token):
    def run(text):
        path = tmp_path / "pitka.csv"
        path.write_text(f"Hankekoodi;Hankkeen nimi;Toteuttaja\nS21234;{text};Alfa ry\n", encoding="utf-8")
        spreadsheet.load_path(path)
    small = _seconds(run, 12_500, token, repeat=3)     # a CSV cell is limited to 128 KiB (see below)
    large = _seconds(run, 125_000, token, repeat=3)
    assert large <= MAX_RATIO * max(small, 0.01), f"125 kB {large:.2f} s, 12.5 kB {small:.3f} s"


def test_a_csv_cell_past_the_field_limit_is_named_by_row(tmp_path):
    path = tmp_path / "pitka.csv"
    path.write_text(f"Hankekoodi;Hankkeen nimi;Toteuttaja\nS21234;{_text('Hanke', LARGE)};Alfa ry\n", encoding="utf-8")
    with pytest.raises(SourceReadError, match=r"row 2 has a cell longer than 131,072 characters"):
        spreadsheet.load_path(path)


@pytest.mark.parametrize("token", ["a", "x.y", "a-b", "1", "(at)", "x@"])
def test_contact_patterns_are_linear(token):
    def run(text):
        strip_contact_details(text)
        is_page_furniture(text)
    large, small = _ratio(run, token)
    assert large <= MAX_RATIO * max(small, 0.001), f"1 MB {large:.3f} s, 100 kB {small:.3f} s"


@pytest.mark.parametrize("text, kept", [
    ("Alfa ry, alfa.beeta@esimerkki.fi, 040 123 4567", "Alfa ry"),
    ("etunimi.sukunimi(at)alfa.fi ja toinen[at]beeta.fi", "ja"),
    ("a@b.fi, c@d.fi", ""),
])
def test_contact_details_are_still_stripped(text, kept):
    assert strip_contact_details(text) == kept
