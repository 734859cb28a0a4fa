"""loaders.extract on PDFs generated here (fpdf2, DejaVuSans): text, furniture, failures."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from hankeverkko.loaders.extract import ExtractError, extract
from hankeverkko.loaders.text import read_lines

HERE = Path(__file__).parent
SOURCE_004 = next((HERE.parent / "data" / "sources").glob("004_*.txt"))


def generator():
    name = "extract_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "fixtures" / "extract" / "generate.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


def norm(lines) -> list[str]:
    return [" ".join(line.split()) for line in lines if line.strip()]


def pdf_file(tmp_path: Path, data: bytes, name: str = "suunnitelma.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def chunks(lines: list[str], size: int) -> list[list[str]]:
    return [lines[i:i + size] for i in range(0, len(lines), size)]


def reason(path: Path) -> str:
    with pytest.raises(ExtractError) as info:
        extract(path)
    assert str(info.value) == f"{path}: {info.value.reason}" and "\n" not in str(info.value)
    return info.value.reason


BODY = generator().invented_lines(120, seed=3) + [
    "Hankkeessa kehitetään uusia kehittämis-",
    "hankkeita ja toimintamalleja yhdessä kuntien",
    "kanssa (Keski-",
    "Suomi ja Pohjois-Savo).",
]


@pytest.mark.parametrize("header, footer", [
    ("Hankesuunnitelma S29901 – Keksitty hanke", "Sivu {n} / {total}"),
    ("Keksitty ELY-keskus        Päätös {n} ({total})", "{n}"),
    (None, "{n} ({total})"),
    ("Liite 2: Hankkeen budjetti", None),
])
def test_multipage_text_minus_furniture(tmp_path, header, footer):
    pages = chunks(BODY, 31)
    got = extract(pdf_file(tmp_path, generator().make_pdf(pages, header=header, footer=footer)))
    assert got.format == "pdf" and got.encoding is None
    assert norm(got.text.split("\n")) == norm(BODY)
    assert "\f" not in got.text
    dropped = len(pages) * ((header is not None) + (footer is not None))
    assert f"dropped {dropped} running header/footer/page-number lines" in got.notes


def test_hyphenated_line_ends_keep_their_lines(tmp_path):
    got = extract(pdf_file(tmp_path, generator().make_pdf([BODY[-4:]], header=None)))
    assert got.text.split("\n") == BODY[-4:]


def test_body_number_at_page_foot_is_kept(tmp_path):
    pages = chunks(BODY[:40], 10)
    pages[2] = pages[2] + ["3"]                          # a table cell, on page 3 only
    got = extract(pdf_file(tmp_path, generator().make_pdf(pages, footer="Sivu {n} / {total}")))
    assert norm(got.text.split("\n")) == norm([line for page in pages for line in page])


def test_table_page_cells_in_reading_order(tmp_path):
    rows = [("Hankekoodi", "S29901"), ("Toteuttaja", "Esimerkkilän kyläyhdistys ry"), ("Kustannusarvio", "412 500 €")]
    got = extract(pdf_file(tmp_path, generator().make_pdf([BODY[:20], BODY[20:40]], table_page=rows)))
    assert norm(got.text.split("\n"))[-3:] == [f"{a} {b}" for a, b in rows]
    assert "Sivu" not in got.text


def test_single_page_without_furniture_keeps_everything(tmp_path):
    got = extract(pdf_file(tmp_path, generator().make_pdf([BODY[:30]], header=None, footer=None)))
    assert norm(got.text.split("\n")) == norm(BODY[:30])


def test_scanned_pdf_needs_ocr(tmp_path):
    assert reason(pdf_file(tmp_path, generator().make_image_pdf())) == "no text layer: run OCR first, e.g. ocrmypdf"


@pytest.mark.parametrize("cut", [0.3, 0.7, 0.98])
def test_truncated_pdf_is_damaged(tmp_path, cut):
    data = generator().make_pdf(chunks(BODY, 30))
    assert reason(pdf_file(tmp_path, data[: int(len(data) * cut)])).startswith("damaged PDF: ")


def test_garbage_with_pdf_header_is_damaged(tmp_path):
    data = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    assert reason(pdf_file(tmp_path, data)).startswith("damaged PDF: ")


def test_encrypted_pdf(tmp_path):
    data = generator().make_pdf([BODY[:10]], encrypt="salasana")
    assert reason(pdf_file(tmp_path, data)).startswith("encrypted PDF: ")


def test_pdf_named_txt_and_text_named_pdf(tmp_path):
    data = generator().make_pdf([BODY[:5]], header=None, footer=None)
    assert extract(pdf_file(tmp_path, data, "muistio.txt")).format == "pdf"
    got = extract(pdf_file(tmp_path, "\n".join(BODY[:5]).encode(), "muistio.pdf"))
    assert (got.format, got.text) == ("text", "\n".join(BODY[:5]))


def _source_lines(limit: int | None) -> list[str]:
    lines = SOURCE_004.read_text(encoding="utf-8").split("\n")
    return lines[:limit] if limit else lines


def test_bundled_plan_text_survives_a_pdf_round_trip(tmp_path):
    """The first 150 lines of a bundled project plan, printed to a PDF with
    a running header and page numbers, extract back to the same lines."""
    source = _source_lines(150)
    got = extract(pdf_file(tmp_path, generator().make_pdf(chunks(source, 40), font_size=7)))
    assert norm(line.text for line in read_lines(got.text)) == norm(source)


def _without_positions(value):
    """A loader record as plain data, minus line numbers (a PDF has no blank lines)."""
    import dataclasses
    if dataclasses.is_dataclass(value):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _without_positions(v) for k, v in value.items()
                if k not in ("first", "last", "line", "line_count", "used_list_lines", "skipped")}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_without_positions(v) for v in value]
    return value


def test_bundled_plan_as_pdf_gives_the_same_records(tmp_path):
    """The whole bundled plan printed to a 22-page PDF: the project-plan
    loader finds the same records in the PDF's text as in the text file."""
    import importlib
    detection = importlib.import_module("hankeverkko.loaders.detect")     # loaders.detect is also a function's name
    source = _source_lines(None)
    got = extract(pdf_file(tmp_path, generator().make_pdf(chunks(source, 60), font_size=7)))
    from_text, from_pdf = read_lines("\n".join(source)), read_lines(got.text)
    kind = detection.detect(from_text)
    assert kind == "project-plan" and detection.detect(from_pdf) == kind
    module = detection._module(kind)
    assert _without_positions(module.load(from_pdf, SOURCE_004.name)) == \
        _without_positions(module.load(from_text, SOURCE_004.name))


def test_two_columns_come_out_column_by_column(tmp_path):
    left = generator().invented_lines(12, seed=1, width=4)
    right = generator().invented_lines(12, seed=2, width=4)
    got = extract(pdf_file(tmp_path, generator().make_two_column_pdf(left, right)))
    assert got.text.split("\n") == left + right
