"""loaders.extract on .docx files generated with python-docx."""
from __future__ import annotations

from pathlib import Path

import pytest

from hankeverkko.loaders.extract import ExtractError, extract
from test_extract_pdf import generator

BLOCKS = [
    ("h", "Hankesuunnitelma: Kylätalkoot työhön"),
    "Hanke tukee pitkään työttömänä olleiden paluuta työelämään.",
    [["Hankekoodi", "S29901"], ["Toteuttaja", "Esimerkkilän kyläyhdistys ry"], ["Kustannusarvio:", "412 500 €"],
     ["Tila", ""]],
    "Budjetti vuosittain:",
    [["Vuosi", "Kustannus", "Osuus"], ["2025", "200 000 €", "48 %"], ["2026", "212 500 €", "52 %"]],
    "Yhteyshenkilö: Maija Esimerkki, maija.esimerkki@example.invalid",
]
EXPECTED = [
    "Hankesuunnitelma: Kylätalkoot työhön",
    "Hanke tukee pitkään työttömänä olleiden paluuta työelämään.",
    "Hankekoodi: S29901", "Toteuttaja: Esimerkkilän kyläyhdistys ry", "Kustannusarvio: 412 500 €", "Tila",
    "Budjetti vuosittain:",
    "Vuosi | Kustannus | Osuus", "2025 | 200 000 € | 48 %", "2026 | 212 500 € | 52 %",
    "Yhteyshenkilö: Maija Esimerkki, maija.esimerkki@example.invalid",
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_paragraphs_and_tables_in_document_order(tmp_path):
    got = extract(write(tmp_path, "suunnitelma.docx", generator().make_docx(BLOCKS)))
    assert got.format == "docx"
    assert [line for line in got.text.split("\n") if line] == EXPECTED


def test_merged_cells_counted_once(tmp_path):
    import io

    import docx
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Perustiedot"
    for c, text in enumerate(["Hankekoodi", "S29901", "päätetty"]):
        table.cell(1, c).text = text
    buf = io.BytesIO()
    document.save(buf)
    got = extract(write(tmp_path, "yhdistetty.docx", buf.getvalue()))
    assert got.text.split("\n")[-2:] == ["Perustiedot", "Hankekoodi | S29901 | päätetty"]


def test_docx_named_doc_is_read_by_content(tmp_path):
    got = extract(write(tmp_path, "vanha-nimi.doc", generator().make_docx(BLOCKS[:2])))
    assert got.format == "docx" and "Kylätalkoot" in got.text


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_docx_is_damaged(tmp_path, cut):
    data = generator().make_docx(BLOCKS)
    path = write(tmp_path, "rikki.docx", data[: int(len(data) * cut)])
    with pytest.raises(ExtractError) as info:
        extract(path)
    assert info.value.reason.startswith("damaged Word file") and "\n" not in str(info.value)


def test_docx_with_broken_document_xml(tmp_path):
    import io
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(generator().make_docx(BLOCKS)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    with pytest.raises(ExtractError, match="damaged Word file"):
        extract(write(tmp_path, "rikki.docx", buf.getvalue()))


def test_password_protected_docx(tmp_path):
    """A real encrypted .docx (msoffcrypto-tool, a dev-only dependency)."""
    msoffcrypto = pytest.importorskip("msoffcrypto")
    import io
    from msoffcrypto.format.ooxml import OOXMLFile
    plain, secret = io.BytesIO(generator().make_docx(BLOCKS)), io.BytesIO()
    OOXMLFile(plain).encrypt("salasana", secret)
    with pytest.raises(ExtractError) as info:
        extract(write(tmp_path, "salattu.docx", secret.getvalue()))
    assert info.value.reason.startswith("password-protected Office file")
    assert msoffcrypto  # imported for the skip


def _numbered_docx() -> bytes:
    """Headings numbered by Word (a two-level decimal list, numbers not in the text),
    a lettered level, List Number and List Bullet paragraphs."""
    import io

    import docx
    from docx.oxml import parse_xml
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("Hankkeen tausta", 0)
    numbered("Toimintaympäristön kuvaus", 1)
    numbered("Hankkeen tarve", 1)
    numbered("osa-alue", 2)
    numbered("toinen osa-alue", 2)
    numbered("Hankkeen tavoitteet", 0)
    numbered("Tavoite", 1)
    document.add_paragraph("ensimmäinen", style="List Number")
    document.add_paragraph("luettelon kohta", style="List Bullet")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_word_numbering_is_rendered(tmp_path):
    got = extract(write(tmp_path, "numeroitu.docx", _numbered_docx()))
    assert got.text.split("\n") == [
        "1. Hankkeen tausta", "1.1. Toimintaympäristön kuvaus", "1.2. Hankkeen tarve", "a) osa-alue",
        "b) toinen osa-alue", "2. Hankkeen tavoitteet", "2.1. Tavoite", "1. ensimmäinen", "• luettelon kohta"]


def test_bundled_plan_as_docx_gives_the_same_text(tmp_path):
    """The bundled plan's lines as Word paragraphs come back line for line
    (empty paragraphs too, so even the line numbers agree)."""
    from test_extract_pdf import SOURCE_004
    lines = [line.rstrip() for line in SOURCE_004.read_text(encoding="utf-8").split("\n")]
    got = extract(write(tmp_path, "suunnitelma.docx", generator().make_docx(lines)))
    assert got.text.split("\n") == lines
