"""loaders.extract on saved web pages: main text, label tables, chrome dropped, encodings."""
from __future__ import annotations

from pathlib import Path

import pytest

from hankeverkko.loaders.extract import extract, extract_bytes
from hankeverkko.loaders.extract.html import html_lines

SAVED = Path(__file__).parent / "fixtures" / "extract" / "saved"


def test_saved_project_page():
    got = extract(SAVED / "Hanke_S29901.html")
    assert (got.format, got.encoding) == ("html", "utf-8")
    assert got.text.split("\n") == [
        "Kylätalkoot työhön",
        "Hanke tukee pitkään työttömänä olleiden paluuta työelämään kylien yhteisissä töissä.",
        "Perustiedot",
        "Hankekoodi: S29901",
        "Hankkeen nimi: Kylätalkoot työhön",
        "Toteuttaja: Esimerkkilän kyläyhdistys ry",
        "Toimintalinja: Osaava Suomi",
        "Erityistavoite: 4.1 Työllisyys ja osallisuus",
        "Kustannusarvio: 412 500 €",
        "Toteutusaika: 1.3.2025 – 28.2.2027",
        "Tila",
        "Hankkeen kuvaus",
        "Hankkeessa kokeillaan malleja, joissa kylien yhdistykset palkkaavat työttömiä lyhyisiin tehtäviin.",
        "Tavoitteena on, että puolet osallistujista työllistyy.",
        "Osatoteuttajat",
        "Järvenpään (keksitty) ammattiopisto",
        "Pikkukylän kunta",
        "Yhteyshenkilö: Projektipäällikkö Maija Esimerkki",
        "Sähköposti: maija.esimerkki@example.invalid",
    ]


def test_old_cp1252_page_without_main():
    got = extract(SAVED / "Toimintalinja.htm")
    assert (got.format, got.encoding) == ("html", "cp1252")
    assert got.text.split("\n") == [
        "Toimintalinja: Osaava Suomi",
        "Toimintalinjan hankkeet päätöksen mukaan. Päivitetty 3.2.2025.",
        "Rahoitetut hankkeet",
        "Koodi | Hanke | Toteuttaja | Myönnetty €",
        "S29901 | Kylätalkoot työhön | Esimerkkilän kyläyhdistys ry | 412 500",
        "S29917 | Äänestä työllä | Öljymäen säätiö sr | 98 000",
        "Vastuuviranomainen: Keksitty ELY-keskus",
        "Yhteyshenkilöt: Erkki Esimerkki",
        "Yhteyshenkilöt: Liisa Malli",
    ]


@pytest.mark.parametrize("fragment", ["evästeitä", "Etusivu", "Hankkeet\n", "Salli", "Siirry", "kirjaamo",
                                      "Samankaltaisia", "Piilotettu", "Facebook", "Ei tätä", "Hae"])
def test_chrome_is_dropped(fragment):
    assert fragment not in extract(SAVED / "Hanke_S29901.html").text + "\n"


def test_generated_page_in_utf16_and_declared_charsets():
    from test_extract_pdf import generator
    page = generator().saved_page(7)
    for data in (page.encode("utf-16"), page.replace("utf-8", "windows-1252").encode("cp1252"),
                 page.encode("utf-8")):
        got = extract_bytes(data, "sivu.html")
        assert "Hankekoodi: S29908" in got.text.split("\n")
        assert "Nuorten väylä 7 – työelämään ääriviivoin" in got.text
        assert "evästeitä" not in got.text and "kirjaamo" not in got.text and "Etusivu" not in got.text


def test_wrong_declared_charset_falls_back_to_detection():
    page = '<html><head><meta charset="utf-8"></head><body><p>Hyvää päivää</p></body></html>'
    got = extract_bytes(page.encode("cp1252"))
    assert (got.text, got.encoding) == ("Hyvää päivää", "cp1252")
    assert any("does not fit" in note for note in got.notes)


@pytest.mark.parametrize("markup, lines", [
    ("<p>a<br>b<p>c", ["a", "b", "c"]),
    ("<ul><li>yksi<li>kaksi<ul><li>sisempi</ul><li>kolme</ul>", ["yksi", "kaksi", "sisempi", "kolme"]),
    ("<table><tr><td>Teema:</td><td>Nuoret</td></tr><tr><td colspan=2>Huom. keksitty</td></tr></table>",
     ["Teema: Nuoret", "Huom. keksitty"]),
    ("<table><tr><th>Käsite</th><th>Määritelmä</th></tr><tr><td>ESR+</td><td>rahasto</td></tr></table>",
     ["Käsite | Määritelmä", "ESR+: rahasto"]),
    ("<dl><dt>Alkaa<dd>1.1.2025<dt>Muuta<dt>Päättyy<dd>31.12.2026</dl>",
     ["Alkaa: 1.1.2025", "Muuta", "Päättyy: 31.12.2026"]),
    ("<div class='navbar'>x</div><div class='canvas'>pidetään</div><div class='submenu'>y</div>", ["pidetään"]),
    ("<body class='cookie-consent-shown'><h1>Otsikko</h1></body>", ["Otsikko"]),
    ("<article><header><h2>Artikkelin otsikko</h2></header><footer>Julkaistu 1.2.2025</footer></article>",
     ["Artikkelin otsikko", "Julkaistu 1.2.2025"]),
    ("<pre>rivi 1\n  rivi   2</pre>", ["rivi 1", "rivi 2"]),
    ("<p>&lt;ei tagi&gt; &amp; &euro; &#228;</p>", ["<ei tagi> & € ä"]),
    ("<p>avoin <b>lihavointi<p>seuraava", ["avoin lihavointi", "seuraava"]),
])
def test_html_lines(markup, lines):
    assert html_lines(markup) == lines


def test_long_token_is_linear():
    import time
    markup = "<div class='" + "a-" * 200_000 + "'>" + "x" * 500_000 + "</div>"
    start = time.perf_counter()
    assert html_lines(markup) == ["x" * 500_000]
    assert time.perf_counter() - start < 2.0


def test_layout_table_reads_cell_by_cell():
    markup = """<body><table role="presentation"><tr>
      <td class="left"><ul id="sivuvalikko"><li>Etusivu</li></ul></td>
      <td><h1>Hanke S29950</h1><table><tr><td>Hankekoodi</td><td>S29950</td></tr></table>
          <p>Kuvaus tulee tähän.</p></td></tr></table></body>"""
    assert html_lines(markup) == ["Hanke S29950", "Hankekoodi: S29950", "Kuvaus tulee tähän."]


def test_value_cell_with_a_list():
    markup = ("<table><tr><th>Hankekoodi</th><td>S29951</td></tr>"
              "<tr><th>Osatoteuttajat</th><td><ul><li>Yhdistys A ry</li><li>Kunta B</li></ul></td></tr></table>")
    assert html_lines(markup) == ["Hankekoodi: S29951", "Osatoteuttajat", "Yhdistys A ry", "Kunta B"]
