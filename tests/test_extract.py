"""loaders.extract: format sniffing, text encodings, refusals, saved-page folders."""
from __future__ import annotations

import codecs
import os
import random
import zipfile
from pathlib import Path

import pytest

from hankeverkko.loaders.errors import SourceReadError
from hankeverkko.loaders.extract import ExtractError, Extracted, extract, is_companion_asset, sniff_format, source_files
from hankeverkko.loaders.text import read_lines

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
FINNISH = "Hankkeen nimi: Äänekosken öljypäästöt\nToteuttaja: Yhdistys ry\nKustannusarvio: 120 000 €\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason(path: Path) -> str:
    with pytest.raises(ExtractError) as info:
        extract(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert isinstance(info.value, SourceReadError)
    return info.value.reason


@pytest.mark.parametrize("encoding, reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("cp1252", "cp1252"), ("latin-1", "cp1252"),
])
def test_text_encodings(tmp_path, encoding, reported):
    text = FINNISH if encoding != "latin-1" else FINNISH.replace("€", "e")   # Latin-1 has no euro sign
    got = extract(write(tmp_path, "plan.txt", text.encode(encoding)))
    assert got == Extracted(text, "text", reported, got.notes)
    assert (f"encoding {reported}" in got.notes) == (reported != "utf-8")


def test_crlf_becomes_lf_and_lines_number_as_before(tmp_path):
    got = extract(write(tmp_path, "plan.txt", FINNISH.replace("\n", "\r\n").encode("cp1252")))
    assert [line.text for line in read_lines(got.text)][:3] == FINNISH.split("\n")[:3]


def test_cp1252_euro_and_quotes(tmp_path):
    text = "Tuki \u201dkorkeintaan\u201d 5 000 \u20ac \u2013 hakuaika p\u00e4\u00e4ttyy\n"
    assert extract(write(tmp_path, "a.csv", text.encode("cp1252"))).text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff \n".encode("utf-8")])
def test_empty(tmp_path, data):
    assert reason(write(tmp_path, "empty.txt", data)).startswith("empty file")


def test_random_bytes_are_binary(tmp_path):
    data = random.Random(5).randbytes(5000)
    assert reason(write(tmp_path, "data.txt", data)) == "binary file (not text, PDF, HTML or Word)"


def test_png_and_plain_zip_are_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert "binary file" in reason(write(tmp_path, "kuva.pdf", png))
    with zipfile.ZipFile(tmp_path / "arkisto.docx", "w") as z:
        z.writestr("readme.txt", "ei Word")
    assert "zip archive" in reason(tmp_path / "arkisto.docx")


def test_xlsx_recognised_not_read(tmp_path):
    with zipfile.ZipFile(tmp_path / "hankkeet.dat", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    got = extract(tmp_path / "hankkeet.dat")
    assert (got.format, got.text) == ("xlsx", "")


def _ole(*streams: str) -> bytes:
    """Enough of an OLE2 compound file for sniffing: the header and directory names."""
    body = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + body.ljust(1024, b"\x00")


@pytest.mark.parametrize("name, data, expected", [
    ("vanha.doc", _ole("Root Entry", "WordDocument", "1Table"), "old Word .doc"),
    ("teksti.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times;}} Hei}", "RTF"),
])
def test_word_processor_formats_refused(tmp_path, name, data, expected):
    got = reason(write(tmp_path, name, data))
    assert expected in got and got.endswith("save it as .docx or PDF")


def test_odt_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "muistio.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert reason(tmp_path / "muistio.odt") == "OpenDocument .odt file is not read: save it as .docx or PDF"


def test_pages_bundle_folder_refused(tmp_path):
    (tmp_path / "raportti.pages").mkdir()
    assert "Apple Pages" in reason(tmp_path / "raportti.pages")


def test_password_protected_office_file(tmp_path):
    data = _ole("Root Entry", "EncryptionInfo", "EncryptedPackage")
    assert sniff_format(data, "x.docx") == "encrypted-office"
    assert reason(write(tmp_path, "salattu.docx", data)).startswith("password-protected")


def test_missing_file(tmp_path):
    assert reason(tmp_path / "ei-ole.pdf") == "no such file"


@pytest.mark.parametrize("data, name, fmt", [
    (b"%PDF-1.4\n", "a.txt", "pdf"),
    (b"\n  %PDF-1.7\n", "a", "pdf"),
    (b"<!doctype html><p>x", "a.txt", "html"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "a", "html"),
    ("\ufeff<html><body>ä</body></html>".encode("utf-16"), "a", "html"),
    (b"<p>vain kappale</p>", "sivu.htm", "html"),
    (b"<p>vain kappale</p>", "sivu.txt", "text"),
    (b"Hankekoodi;Toteuttaja\nS1;Yhdistys ry\n", "a.csv", "text"),
    (b"Sivu on PDF-muotoinen: %PDF-1.4", "a.pdf", "text"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00", "a.txt", "binary"),
])
def test_sniff_by_content(data, name, fmt):
    assert sniff_format(data, name) == fmt


def test_text_file_that_is_html_is_read_as_html(tmp_path):
    page = "<!DOCTYPE html><html><body><nav>Valikko</nav><p>Sisältö</p></body></html>"
    got = extract(write(tmp_path, "muistio.txt", page.encode()))
    assert (got.format, got.text) == ("html", "Sisältö")


def test_companion_assets(tmp_path):
    saved = FIXTURES / "saved"
    assert is_companion_asset(saved / "Hanke_S29901_files" / "frame.html")
    assert is_companion_asset(saved / "Toimintalinja-tiedostot" / "kuva.gif")
    assert not is_companion_asset(saved / "Hanke_S29901.html")
    orphan = tmp_path / "Muut_files"                  # no Muut.html beside it
    orphan.mkdir()
    (orphan / "a.txt").write_text("x")
    assert not is_companion_asset(orphan / "a.txt")
    assert [p.name for p in source_files(saved)] == ["Hanke_S29901.html", "Toimintalinja.htm"]


def test_source_files_skips_hidden_and_lock_files(tmp_path):
    for name in ("a.txt", ".DS_Store", "~$suunnitelma.docx", ".git/config", "sub/b.pdf"):
        os.makedirs((tmp_path / name).parent, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in source_files(tmp_path)] == ["a.txt", "sub/b.pdf"]


def test_bom_only_utf16_text_is_empty(tmp_path):
    assert reason(write(tmp_path, "a.txt", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"))).startswith("empty")


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    text = FINNISH * 10
    data = text.encode("utf-8") + b"Loppu \xe4\n"            # one cp1252 'ä' pasted at the end
    got = extract(write(tmp_path, "sekava.txt", data))
    assert got.encoding == "utf-8" and got.text == text + "Loppu \ufffd\n"
    assert "1 invalid UTF-8 byte sequences replaced with U+FFFD" in got.notes


def test_mostly_cp1252_with_one_utf8_letter_is_cp1252(tmp_path):
    data = (FINNISH * 3).encode("cp1252") + "ö".encode("utf-8")
    got = extract(write(tmp_path, "sekava.txt", data))
    assert got.encoding == "cp1252" and got.text.startswith(FINNISH)
