"""Shared PDF-text helpers (loaders/text/): what each one promises."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hankeverkko.loaders.text import (dehyphenate, is_page_furniture, join_broken, looks_like_org, parse_euros,
                          parse_period_loose, read_lines, repair_hyphen_spaces, split_names,
                          strip_contact_details)


# ---------------------------------------------------------------- euros

@pytest.mark.parametrize("text, euros", [
    ("14 000 000 e", "14000000"),
    ("5 724 575 €", "5724575"),
    ("9,9 M€", "9900000"),
    ("1,4 milj. €", "1400000"),
    ("27,7 milj.€", "27700000"),
    ("13 M€+10 M€", "23000000"),                                      # a sum
    ("5 milj. € + 3,6 milj. €", "8600000"),
    ("14 M €, josta TEM 6 milj. €, OKM 3 milj. € ja STM 5 milj. €", "14000000"),   # the total
    ("0 € (31.10.24 mennessä)", "0"),
    ("1 055 410,40 €", "1055410.40"),
    ("448 038,74 euroa", "448038.74"),
    ("16 milj.", "16000000"),                                         # no currency sign after 'milj.'
])
def test_parse_euros_reads_every_printed_form(text, euros):
    assert parse_euros(text) == Decimal(euros)


def test_parse_euros_needs_a_currency_or_a_million_word():
    assert parse_euros("ei vielä") is None
    assert parse_euros("31.10.2024") is None


# ---------------------------------------------------------------- hyphenation

def test_line_break_hyphen_is_dropped_inside_a_word_but_kept_when_real():
    assert join_broken(["kehittämis-", "hankkeita"]) == "kehittämishankkeita"
    assert join_broken(["Diakonia-", "ammattikorkeakoulu Oy"]) == "Diakonia-ammattikorkeakoulu Oy"
    assert join_broken(["Keski-Suomen ELY-", "keskus"]) == "Keski-Suomen ELY-keskus"


def test_hyphen_between_two_equal_vowels_is_always_real():
    assert dehyphenate("ravintola-", "alalla") == "ravintola-alalla"
    assert join_broken(["tasa-", "arvon"]) == "tasa-arvon"


def test_hyphen_followed_by_a_space_is_repaired_except_before_a_conjunction():
    assert repair_hyphen_spaces("Laurea- ammattikorkeakoulu Oy") == "Laurea-ammattikorkeakoulu Oy"
    assert repair_hyphen_spaces("Ensi- ja turvakotien liitto") == "Ensi- ja turvakotien liitto"
    assert repair_hyphen_spaces("Alfa - hanke") == "Alfa - hanke"


# ---------------------------------------------------------------- furniture and contact details

@pytest.mark.parametrize("line", ["PL 32", "00230 Valtioneuvosto", "Käyntiosoite: Esimerkkikatu 4",
                                  "Puh. 0295 16001", "kirjaamo@esimerkki.fi | [www.esimerkki.fi] | [a@b.fi]",
                                  "mailto:a@b.fi", "https://www.esimerkki.fi/", "  12 ", ""])
def test_page_furniture(line):
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", ["Turun kaupunki", "S12345 Alfa-hanke", "Toteuttajat: Alfa Oy"])
def test_content_is_not_furniture(line):
    assert not is_page_furniture(line)


def test_strip_contact_details_removes_mail_and_phone_in_every_form():
    s = strip_contact_details("Aino Esimerkki, aino.esimerkki(at)ely-keskus.fi, +358 295 000 111")
    assert s == "Aino Esimerkki"
    assert strip_contact_details("Olli Malli olli@alfa.fi 050 123 4567") == "Olli Malli"


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("text, start, end", [
    ("1.1.2023 – 31.12.2027", dt.date(2023, 1, 1), dt.date(2027, 12, 31)),
    ("10/2021-10/2024", dt.date(2021, 10, 1), dt.date(2024, 10, 31)),
    ("2/2024-2/2025", dt.date(2024, 2, 1), dt.date(2025, 2, 28)),
    ("2022 – 2027", dt.date(2022, 1, 1), dt.date(2027, 12, 31)),
    ("2023 -2027", dt.date(2023, 1, 1), dt.date(2027, 12, 31)),
    ("2021-2027 (hankkeet 1.1.2023-31.12.2027)", dt.date(2021, 1, 1), dt.date(2027, 12, 31)),
])
def test_parse_period_loose(text, start, end):
    assert parse_period_loose(text) == (start, end)


def test_parse_period_loose_without_a_period():
    assert parse_period_loose("koko ohjelmakauden") == (None, None)


# ---------------------------------------------------------------- organisation lists

def test_split_names_splits_commas_and_the_final_ja():
    assert split_names("Alfa Oy, Beeta ry, Gamma sr ja Delta-säätiö") == ["Alfa Oy", "Beeta ry", "Gamma sr",
                                                                         "Delta-säätiö"]


def test_split_names_keeps_ja_inside_a_name():
    assert split_names("Terveyden ja hyvinvoinnin laitos") == ["Terveyden ja hyvinvoinnin laitos"]
    assert split_names("Alfa Oy, Vantaan ja Keravan hyvinvointialue") == ["Alfa Oy",
                                                                         "Vantaan ja Keravan hyvinvointialue"]
    assert split_names("Alfa ry ja Ensi- ja turvakotien liitto") == ["Alfa ry", "Ensi- ja turvakotien liitto"]


def test_split_names_splits_a_slash_only_between_two_organisations():
    assert split_names("Alfa-keskus/Beetan ELY-keskus") == ["Alfa-keskus", "Beetan ELY-keskus"]
    assert split_names("Kirkkoalfa/STEP-koulutus") == ["Kirkkoalfa/STEP-koulutus"]


def test_split_names_single_keeps_a_bilingual_name_whole():
    assert split_names("Alfa liitto ry, Alfa förbund rf", single=True) == ["Alfa liitto ry, Alfa förbund rf"]


def test_split_names_repairs_spacing_and_trailing_punctuation():
    assert split_names("Laurea- ammattikorkeakoulu Oy,Beeta Oy.") == ["Laurea-ammattikorkeakoulu Oy", "Beeta Oy"]


@pytest.mark.parametrize("name", ["Alfa Oy", "Beeta ry", "Gamman kaupunki", "Deltan hyvinvointialue",
                                  "Epsilon-säätiö", "THL", "SOS-Esimerkkikylä", "Testihallitus"])
def test_looks_like_org(name):
    assert looks_like_org(name)


@pytest.mark.parametrize("name", ["Kotoa kohti työelämää", "Vantaan", "hankkeen nimi"])
def test_does_not_look_like_org(name):
    assert not looks_like_org(name)


def test_read_lines_numbers_from_one():
    assert [(ln.no, ln.text) for ln in read_lines("a\n\nb")] == [(1, "a"), (2, ""), (3, "b")]
