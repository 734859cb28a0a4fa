"""Property: whatever bytes a file holds, ``load_file`` returns a document or
raises one of the project's own errors (:class:`LoaderError`), never anything else."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

from hankeverkko.loaders import LoaderError, load_file  # noqa: E402

#: pieces that steer the readers: headers, labels, delimiters, quotes, NUL, CR, a lone surrogate
#: as UTF-8 bytes, a UTF-16 BOM, the starts of a zip, an old Excel file and a PDF
PIECES = [b"Hankekoodi;Hankkeen nimi;Toteuttaja;Rooli\n", b"S21234;", b'"', b";", b"\n", b"\r", b"\r\n",
          b"\x00", b"\xed\xa0\x80", b"\xff\xfe", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.4\n",
          b"Toteuttaja: ", b"Y-tunnus: 1234567-8", b"alfa@beeta.fi", b"(ABC)", b"-hanke", b"Tuensaajat\n",
          "Päätoteuttaja: Alfa ry\n".encode(), b"<html><body>", b" "]

long_tokens = st.builds(lambda t, n: t * n, st.sampled_from(["a", "AB", "a-", "x.y@", "0", "Hanke"]),
                        st.integers(1000, 20000)).map(str.encode)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400).map(lambda s: s.encode("utf-8"))
pieces = st.lists(st.one_of(st.sampled_from(PIECES), texts, long_tokens, st.binary(max_size=40)), max_size=12)
contents = st.one_of(st.binary(max_size=2000), texts, pieces.map(b"".join))


def _load(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "tiedosto" + suffix)
        path.write_bytes(data)
        try:
            load_file(path)
        except LoaderError:
            pass


@settings(max_examples=60, deadline=None)
@given(contents, st.sampled_from([".txt", ".csv", ".xlsx", ".pdf", ".html", ""]))
def test_any_bytes_load_or_raise_a_loader_error(data, suffix):
    _load(data, suffix)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 100))
def test_a_cut_workbook_loads_or_raises_a_loader_error(tmp_path_factory, percent):
    import openpyxl
    d = tmp_path_factory.mktemp("kirja")
    wb = openpyxl.Workbook()
    wb.active.append(["Hankekoodi", "Hankkeen nimi", "Toteuttaja"])
    wb.active.append(["S21234", "Alfa", "Alfa ry"])
    wb.save(d / "kirja.xlsx")
    data = (d / "kirja.xlsx").read_bytes()
    _load(data[:len(data) * percent // 100], ".xlsx")
