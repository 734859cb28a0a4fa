"""A TL5 project table that PDF extraction flattened one cell per line.

'Koodi' / 'Hanke' / 'Toteuttaja' / 'Linkki', then the rows' cells one per
line; :func:`table_header` finds the columns and :func:`_table_rows` rebuilds
each row's entry text around its EURA code.
"""
from __future__ import annotations

import re
from typing import Optional

from hankeverkko.loaders.prose import ORG_HEAD_RE, Vocabulary
from hankeverkko.loaders.text import URL_RE, Line, normalise_space
from hankeverkko.loaders.tl5_list.links import _Links, _url_key

__all__ = ["table_header", "_table_rows"]


#: column labels of a project table whose cells the PDF extraction put one per line
_COLUMNS = (
    ("code", re.compile(r"(?:eura[\s-]?)?(?:hanke|projekti)?(?:koodi|tunnus)|eura", re.I)),
    ("name", re.compile(r"hanke|hankkeen\s+nimi|projekti|projektin\s+nimi|nimi", re.I)),
    ("org", re.compile(r"(?:pää)?toteuttaja(?:t)?|hakija|hallinnoija|organisaatio", re.I)),
    ("url", re.compile(r"linkki|linkit|verkkosivu(?:t)?|www-sivu(?:t)?|url|verkko-osoite|lisätieto(?:ja)?", re.I)),
)
_BARE_CODE_RE = re.compile(r"^\s*([A-Z]\d{5})\s*[,;]?\s*$")
_EMPTY_CELL_RE = re.compile(r"^\s*[-–—]\s*$")


def _column(text: str) -> Optional[str]:
    t = normalise_space(text).strip(" :")
    for key, rx in _COLUMNS:
        if rx.fullmatch(t):
            return key
    return None


def table_header(lines: list[Line], i: int) -> list[str]:
    """The columns of a table header flattened one label per line at ``lines[i]``
    ('Koodi' / 'Hanke' / 'Toteuttaja' / 'Linkki'), or [] when there is none.

    >>> table_header([Line(1, "Koodi"), Line(2, "Hankkeen nimi"), Line(3, "Toteuttaja"), Line(4, "S99001")], 0)
    ['code', 'name', 'org']
    """
    cols: list[str] = []
    for ln in lines[i:i + 6]:
        if not ln.text.strip():
            if cols:
                break
            continue
        key = _column(ln.text)
        if key is None or key in cols:
            break
        cols.append(key)
    return cols if len(cols) >= 3 and {"code", "name"} <= set(cols) else []


def _glue_url(parts: list[str], links: "_Links") -> list[str]:
    """A URL cell broken over lines, even inside the code ('projektikoodi=S991' + '01'):
    a line continues the URL before it unless that one ended with a comma."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith(",") or re.match(r"(?:https?://|www\.)", p, re.I):
            out += " " + p
        elif out.endswith("-"):
            out = out[:out.rfind(" ") + 1] + links.glue(out[out.rfind(" ") + 1:], p)
        else:
            out += p
    return [u.rstrip(",.;)") for u in URL_RE.findall(out)]


def _split_org(cell_lines: list[str], vocab: Vocabulary, has_org: bool) -> tuple[str, Optional[str]]:
    """Name and implementer cells of a row: the implementer is the last run of lines
    that starts a new cell (capital letter, the line before not broken by a hyphen)
    and reads as an organisation; without such a run, the last such line."""
    n = len(cell_lines)
    if not has_org or n < 2:
        return normalise_space(vocab.join(cell_lines)), None
    starts = [j for j in range(1, n) if cell_lines[j].strip()[:1].isupper()
              and not cell_lines[j - 1].rstrip().endswith(("-", "–", ","))]
    for j in reversed(starts):
        org = normalise_space(vocab.join(cell_lines[j:]))
        if ORG_HEAD_RE.search(org.split()[-1]) or ORG_HEAD_RE.search(org):
            return normalise_space(vocab.join(cell_lines[:j])), org
    if starts:
        j = starts[-1]
        return normalise_space(vocab.join(cell_lines[:j])), normalise_space(vocab.join(cell_lines[j:]))
    return normalise_space(vocab.join(cell_lines)), None


def _continues_url(prev: str, s: str) -> bool:
    """Whether a line continues the link cell above it ('01', 'di=S99001', 'pa/projekti.php?...')."""
    prev, s = prev.rstrip(), s.strip()
    if not prev or prev.endswith(",") or URL_RE.match(s):
        return False
    toks = s.split()
    if len(toks) > 1 and not URL_RE.match(toks[1]):
        return False        # words: the next row's name
    return prev.endswith(("-", "=")) or not s[:1].isupper()


def _table_rows(list_lines: list[Line], cols: list[str], vocab: Vocabulary, links: "_Links",
                seen_urls: set[str]) -> list[tuple[list[Line], str, str]]:
    """(lines, entry text, code) per row of a flattened table whose cells include the
    code; header lines repeated on later pages and page-annotation links are set aside.

    A row starts at its code when the code is the first column; otherwise it ends
    at its code, or after the link cell that follows the code.
    """
    c = cols.index("code")
    rows: list[list[Line]] = []
    state = "done"          # 'pre' before the row's code, 'post' in the cells after it
    prev = ""
    for ln in list_lines:
        s = ln.text.strip()
        if not s or _column(s):
            continue
        url_like = bool(URL_RE.match(s) or _EMPTY_CELL_RE.match(s)) or (
            bool(URL_RE.match(prev.split()[-1]) if prev.split() else False) and _continues_url(prev, s))
        is_code = bool(_BARE_CODE_RE.match(s)) and not prev.rstrip().endswith("=")
        if c == 0:
            if is_code:
                rows.append([ln])
            elif rows:
                rows[-1].append(ln)
        else:
            if state == "done" or state == "post" and not url_like:
                rows.append([ln])
                state = "pre"
            else:
                rows[-1].append(ln)
            if is_code:
                state = "post" if cols[c + 1:] else "done"
        prev = s if url_like else ""
    out = []
    for row in rows:
        code_ln = next((ln for ln in row if _BARE_CODE_RE.match(ln.text)), None)
        if code_ln is None:
            continue
        code = _BARE_CODE_RE.match(code_ln.text).group(1)
        cells = [ln.text for ln in row if ln is not code_ln]
        u = next((k for k, x in enumerate(cells) if URL_RE.match(x.strip()) or _EMPTY_CELL_RE.match(x)), len(cells))
        if "url" not in cols:
            u = len(cells)
        url_lines = [x for x in cells[u:] if not _EMPTY_CELL_RE.match(x)]
        # links the page annotations repeat after the row's own cell
        kept = [x for x in _glue_url(url_lines, links) if _url_key(x) not in seen_urls]
        seen_urls.update(_url_key(x) for x in kept)
        name, org = _split_org(cells[:u], vocab, "org" in cols)
        text = name + (f", toteuttaja {org}" if org else "") + "".join(f", {x}" for x in kept)
        out.append((row, text, code))
    return out
