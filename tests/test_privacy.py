"""Officials' e-mail addresses and phone numbers reach no default output.

The bundled sources print them (checked first, so this test can fail); every
output a user can produce from them by default is then searched.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from hankeverkko.graph.cli import main
from hankeverkko.loaders.text import EMAIL_RE, PHONE_RE

from conftest import SOURCES


def _national(number: str) -> str:
    """Digits only, with +358 written the national way (leading 0)."""
    digits = re.sub(r"\D", "", number)
    return "0" + digits[3:] if number.lstrip().startswith("+358") else digits


def _printed_phone_numbers() -> set[str]:
    """Every phone number the bundled sources print, as its digits only."""
    found = set()
    for src in SOURCES.glob("*.txt"):
        for m in PHONE_RE.finditer(src.read_text(encoding="utf-8")):
            digits = _national(m.group(0))
            if len(digits) >= 8:
                found.add(digits)
    return found


PHONES = _printed_phone_numbers()


def _assert_clean(text: str, where: str):
    m = EMAIL_RE.search(text)
    assert m is None, f"{where} contains {m.group(0)!r}"
    # The inlined map library is full of digit runs (SVG paths), so look for
    # the numbers the sources actually print, however they are spaced.
    for m in re.finditer(r"\+?\d[\d \t-]{6,}\d", text):
        digits = _national(m.group(0))
        hit = next((p for p in PHONES if p in digits or p[1:] in digits), None)
        assert hit is None, f"{where} contains {m.group(0)!r}"


def test_the_sources_do_contain_contact_details():
    text = (SOURCES / "002_ecf7eb9cbcaeb76b.txt").read_text(encoding="utf-8")
    assert EMAIL_RE.search(text) and PHONE_RE.search(text)
    assert len(PHONES) >= 10


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("privacy")
    run = CliRunner().invoke
    steps = [
        ["build", "--out", str(out)],
        ["map", str(out / "graph.ttl"), "--out", str(out / "map.html")],
        ["network", str(out / "graph.ttl"), "--out", str(out / "network")],
        ["export", str(out / "graph.ttl"), "--format", "nq", "--out", str(out / "graph.nq")],
        ["export", str(out / "graph.ttl"), "--format", "jsonld", "--out", str(out / "graph.jsonld")],
    ]
    printed = []
    for args in steps:
        r = run(main, args)
        assert r.exit_code == 0, (args, r.output[-2000:])
        printed.append(r.output)
    r = run(main, ["orgs", "--format", "csv"])
    assert r.exit_code == 0, r.output[-2000:]
    printed.append(r.output)
    return out, "\n".join(printed)


def test_no_contact_details_in_any_written_file(outputs):
    out, _ = outputs
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) >= 8
    for p in files:
        _assert_clean(p.read_text(encoding="utf-8", errors="replace"), str(p.name))


def test_no_contact_details_in_what_the_commands_print(outputs):
    _assert_clean(outputs[1], "command output")


def test_no_official_names_without_opt_in(outputs):
    # contacts are foaf:Person nodes, written only with --include-officials
    assert "foaf:Person" not in (outputs[0] / "graph.ttl").read_text(encoding="utf-8")
