"""Benchmark: PDF and saved-web-page text extractors, side by side.

* PDF: a generated 100-page PDF (invented Finnish text, running header,
  "Sivu n / N" footer): pages/second and how many body lines each candidate
  gives back exactly (after whitespace normalisation), best of three
  after a warm-up, and whether a two-column page comes out column by
  column, for pypdfium2 (raw
  text, and the full ``loaders.extract`` pipeline with furniture removal),
  pdfplumber and pypdf.
* HTML: 1,000 generated saved project pages (navigation, cookie banner,
  label table, footer): pages/second (best of three after a warm-up) and on how many pages the
  label table comes out as ``Hankekoodi: S…`` lines, ``dt``/``dd`` pairs as
  ``Teema: …`` and no cookie/nav/footer/aside text, for the
  standard-library reader (``loaders.extract.html``), selectolax (Lexbor)
  with the same rules written against its CSS API, and trafilatura.

Prints a Markdown table per format and the chosen extractor's speed as a
ratio to the fastest.  It is a script, not a test::

    PYTHONPATH=. python benchmarks/extractors.py [--pages 100] [--html 1000]
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import logging
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hankeverkko.loaders.extract import extract_bytes  # noqa: E402
from hankeverkko.loaders.extract.html import html_lines  # noqa: E402
from hankeverkko.loaders.extract.tables import row_line  # noqa: E402


def _generator():
    spec = importlib.util.spec_from_file_location("extract_generate", ROOT / "tests/fixtures/extract/generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(lines) -> list[str]:
    return [" ".join(s.split()) for s in lines if s.strip()]


def _recovered(body: list[str], lines: list[str]) -> float:
    got, want = Counter(_norm(lines)), Counter(_norm(body))
    return sum((got & want).values()) / sum(want.values())


def _timed(fn, *args, repeat: int = 3):
    """(best seconds of ``repeat`` runs after one warm-up run, result)."""
    result, best = fn(*args), float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


# --- PDF candidates: each returns all lines of the document -----------------

def pdf_pypdfium2_raw(data: bytes) -> list[str]:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    lines = []
    for page in doc:
        text = page.get_textpage().get_text_range()
        lines += text.replace("\ufffe", "-\n").replace("\r\n", "\n").split("\n")
    return lines


def pdf_pipeline(data: bytes) -> list[str]:
    return extract_bytes(data).text.split("\n")


def pdf_pdfplumber(data: bytes) -> list[str]:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").split("\n")]


def pdf_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader
    return [line for page in PdfReader(io.BytesIO(data)).pages for line in page.extract_text().split("\n")]


# --- HTML candidates: each returns the main text's lines --------------------

_CHROME_CSS = ("script, style, noscript, nav, aside, header, footer, [hidden], [aria-hidden=true], "
               "[id*=cookie], [class*=cookie], [id*=consent], [class*=consent], [class*=banner], "
               "[class*=breadcrumb], [class*=menu], [id*=menu], [class*=skip]")


def html_selectolax(markup: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser
    tree = LexborHTMLParser(markup)
    root = tree.css_first("main") or tree.body
    for node in root.css(_CHROME_CSS):
        node.decompose()
    lines = []
    for node in root.css("h1, h2, h3, h4, p, li, tr, dt, dd"):
        if node.tag == "tr":
            cells = node.css("th, td")
            lines.append(row_line([" ".join(c.text().split()) for c in cells],
                                  header=len(cells) > 1 and all(c.tag == "th" for c in cells)))
        elif node.tag == "dt":
            nxt = node.next
            while nxt is not None and nxt.tag != "dd":
                nxt = nxt.next
            lines.append(f"{node.text(strip=True)}: {nxt.text(strip=True)}" if nxt else node.text(strip=True))
        elif node.tag != "dd":
            lines.append(" ".join(node.text().split()))
    return [line for line in lines if line]


def html_trafilatura(markup: str) -> list[str]:
    import trafilatura
    return (trafilatura.extract(markup, include_tables=True, include_comments=False) or "").split("\n")


def html_stdlib(markup: str) -> list[str]:
    return html_lines(markup)


def _html_quality(lines: list[str], code: str) -> tuple[bool, bool, bool]:
    """(label table as ``Label: value`` lines, ``dt: dd`` pairs kept, no banner/nav/footer text)."""
    text = "\n".join(lines)
    return (f"Hankekoodi: {code}" in lines, "Teema: Nuorten työllisyys" in lines,
            not any(s in text for s in ("evästeitä", "kirjaamo", "Etusivu", "Muut hankkeet")))


def _html_run(fn, markups: list[str]) -> list[tuple[bool, bool, bool]]:
    return [_html_quality(fn(m), f"S{29901 + i}") for i, m in enumerate(markups)]


def _table(title: str, rows: list[tuple[str, float, str]], chosen: str) -> None:
    fastest = max(rate for _, rate, _ in rows)
    print(f"\n### {title}\n\n| extractor | pages/s | quality |\n| --- | ---: | --- |")
    for name, rate, quality in rows:
        print(f"| {name}{' (chosen)' if name == chosen else ''} | {rate:,.0f} | {quality} |")
    rate = next(r for n, r, _ in rows if n == chosen)
    print(f"\nchosen ({chosen}) / fastest: {rate / fastest:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--html", type=int, default=1000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    gen = _generator()

    body = gen.invented_lines(args.pages * 45, seed=11)
    pages = [body[i:i + 45] for i in range(0, len(body), 45)]
    pdf = gen.make_pdf(pages)
    left, right = gen.invented_lines(12, seed=1, width=4), gen.invented_lines(12, seed=2, width=4)
    two_columns = gen.make_two_column_pdf(left, right)
    rows = []
    for name, fn in (("pypdfium2 + furniture removal", pdf_pipeline), ("pypdfium2 raw text", pdf_pypdfium2_raw),
                     ("pdfplumber", pdf_pdfplumber), ("pypdf", pdf_pypdf)):
        seconds, lines = _timed(fn, pdf)
        furniture = sum(1 for s in lines if s.startswith(("Sivu ", "Hankesuunnitelma S29901")))
        columns = "kept" if _norm(fn(two_columns)) == left + right else "mixed"
        rows.append((name, len(pages) / seconds, f"{_recovered(body, lines):.1%} of body lines exact, "
                     f"{furniture} header/footer lines left, two columns {columns}"))
    _table(f"PDF, {len(pages)} generated pages", rows, "pypdfium2 + furniture removal")

    markups = [gen.saved_page(i) for i in range(args.html)]
    rows = []
    for name, fn in (("stdlib html.parser", html_stdlib), ("selectolax (lexbor)", html_selectolax),
                     ("trafilatura", html_trafilatura)):
        seconds, checks = _timed(_html_run, fn, markups)
        labels, pairs, clean = (sum(c[k] for c in checks) for k in range(3))
        rows.append((name, len(markups) / seconds, f"label lines {labels}, dt: dd {pairs}, chrome-free {clean} "
                     f"(of {len(markups)})"))
    _table(f"HTML, {len(markups)} generated saved pages", rows, "stdlib html.parser")


if __name__ == "__main__":
    main()
