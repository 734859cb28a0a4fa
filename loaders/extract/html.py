"""Main text of a saved web page, with the standard library's html.parser.

A small tree is built (with the implied end tags real pages rely on: ``<p>``,
``<li>``, ``<dt>``/``<dd>``, ``<tr>``/``<td>``), then walked:

* only ``<main>`` (or ``role="main"``) when the page has one, else ``<body>``;
* dropped: script, style, forms' controls, nav, aside, site header/footer
  (a header/footer inside main/article/section is kept), hidden elements, ARIA
  navigation/banner/contentinfo regions, and elements whose id or class has a
  word containing cookie, consent, banner, breadcrumb or menu (or Finnish
  valikko, murupolku, eväste/evaste), a word starting
  with nav, skip, hidden or sr-only, or (outside main/article/section)
  containing header or footer (ylätunniste, alatunniste); never one that holds the page's main/article/h1;
* headings, paragraphs, list items, captions: one line each (``<br>`` breaks);
* a table row of two cells: ``Label: value``; a header row of ``<th>`` cells
  or a wider row: cells joined with `` | ``; a one-cell row: its text; a row
  whose cells hold tables, headings, lists or several paragraphs (a layout
  table) is read cell by cell as blocks;
* ``<dl>``: ``term: definition`` per definition (a term with two
  definitions gives two lines).
"""
from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser

from hankeverkko.loaders.extract.tables import row_line

__all__ = ["html_lines", "parse"]

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
DROP = frozenset("script style noscript template svg iframe object button select textarea option "
                 "nav aside head title canvas map audio video".split())
BLOCK = frozenset("address article aside blockquote body caption center dd details dialog div dl dt "
                  "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main "
                  "menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split())
LAYOUT = frozenset("table h1 h2 h3 h4 h5 h6 ul ol dl main article section nav header footer".split())
KEEP_INSIDE = frozenset({"main", "article", "section"})
CORE = frozenset({"main", "article", "h1"})
_P_SCOPE = frozenset("td th table li dd dt body html button blockquote".split())
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
#: id/class words of page chrome (linear: literal alternations, no nested repetition):
#: anywhere in a word, at the start of a word, and (outside main/article) header/footer
_CHROME = re.compile(r"cookie|consent|banner|breadcrumb|menu|valikko|murupolku|evaste|eväste", re.I)
_CHROME_WORD = re.compile(r"(?:^|[-_\s])(?:nav|skip|hidden|sr-only)", re.I)
_EDGE = re.compile(r"header|footer|alatunniste|ylatunniste|ylätunniste", re.I)
_IMPLIED = {  # tag -> (the open element it ends, with everything inside; tags that bound the search)
    "li": ({"li"}, {"ul", "ol", "menu", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}), "dd": ({"dt", "dd"}, {"dl", "table"}),
    "tr": ({"tr"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}), "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
    "option": ({"option"}, {"select"}),
}


class Element:
    """A parsed element: ``tag``, ``attrs`` and ``children`` (elements and strings)."""
    __slots__ = ("tag", "attrs", "children", "core")

    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children, self.core = tag, attrs, [], tag in CORE


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def _close(self, closes: set, bounds: set) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[k].tag
            if tag in closes:
                del self.stack[k:]
                return
            if tag in bounds:
                return

    def handle_starttag(self, tag, attrs):
        if tag in _IMPLIED:
            self._close(*_IMPLIED[tag])
        elif tag in BLOCK:
            self._close({"p"}, _P_SCOPE)
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _mark_core(el: Element) -> bool:
    """Post-order: ``el.core`` is True when el is or holds main/article/h1."""
    todo, order = [el], []
    while todo:
        node = todo.pop()
        order.append(node)
        todo.extend(c for c in node.children if isinstance(c, Element))
    for node in reversed(order):
        node.core = node.tag in CORE or any(isinstance(c, Element) and c.core for c in node.children)
    return el.core


def parse(markup: str) -> Element:
    """The document tree of ``markup`` (never raises on bad HTML)."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    _mark_core(builder.root)
    return builder.root


def _dropped(el: Element, in_content: bool) -> bool:
    a = el.attrs
    if el.tag in DROP or "hidden" in a or a.get("aria-hidden") == "true":
        return True
    if el.tag in ("header", "footer") and not in_content:
        return True
    if a.get("role") in _ROLES or "display:none" in a.get("style", "").replace(" ", ""):
        return True
    if el.core or el.tag in ("html", "body"):
        return False
    names = a.get("id", "") + " " + a.get("class", "")
    return bool(_CHROME.search(names) or _CHROME_WORD.search(names) or (not in_content and _EDGE.search(names)))


class _Lines:
    def __init__(self):
        self.lines: list[str] = []
        self.parts: list[str] = []

    def text(self, s: str) -> None:
        self.parts.append(s)

    def end(self) -> None:
        if self.parts:
            line = " ".join("".join(self.parts).split())
            self.parts = []
            if line:
                self.lines.append(line)


def _find(el: Element, test) -> Element | None:
    todo = deque([el])
    while todo:
        node = todo.popleft()
        if test(node):
            return node
        todo.extend(c for c in node.children if isinstance(c, Element))
    return None


def _rows(table: Element) -> list[Element]:
    rows = []
    for child in table.children:
        if isinstance(child, Element):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(_rows(child))
    return rows


def _inline(el: Element, in_content: bool) -> str:
    out = _Lines()
    _walk(el, out, in_content)
    out.end()
    return " ".join(out.lines)


def _has_blocks(cell: Element) -> bool:
    """A cell holding a table, heading, list or several paragraphs is layout, not a value."""
    todo, paragraphs = [cell], 0
    while todo:
        node = todo.pop()
        for c in node.children:
            if isinstance(c, Element):
                if c.tag in LAYOUT:
                    return True
                paragraphs += c.tag in ("p", "div")
                todo.append(c)
    return paragraphs > 1


def _table(el: Element, out: _Lines, in_content: bool) -> None:
    for child in el.children:
        if isinstance(child, Element) and child.tag == "caption":
            out.lines.append(_inline(child, in_content))
    for row in _rows(el):
        cells = [c for c in row.children
                 if isinstance(c, Element) and c.tag in ("td", "th") and not _dropped(c, in_content)]
        if any(_has_blocks(c) for c in cells):     # a layout row: its cells read as blocks
            for cell in cells:
                _walk(cell, out, in_content)
                out.end()
            continue
        line = row_line([_inline(c, in_content) for c in cells],
                        header=len(cells) > 1 and all(c.tag == "th" for c in cells))
        if line:
            out.lines.append(line)


def _dl(el: Element, out: _Lines, in_content: bool) -> None:
    term, had_value = None, False
    items = deque(c for c in el.children if isinstance(c, Element))
    while items:
        item = items.popleft()
        if item.tag == "dt":
            if term and not had_value:
                out.lines.append(term)
            term, had_value = _inline(item, in_content) or None, False
        elif item.tag == "dd":
            value = _inline(item, in_content)
            line = f"{term.rstrip(':')}: {value}" if term and value else term or value
            if line:
                out.lines.append(line)
            had_value = True
        elif not _dropped(item, in_content):
            items.extendleft(reversed([c for c in item.children if isinstance(c, Element)]))
    if term and not had_value:
        out.lines.append(term)


def _walk(el: Element, out: _Lines, in_content: bool) -> None:
    for child in el.children:
        if isinstance(child, str):
            out.text(child)
            continue
        if _dropped(child, in_content):
            continue
        tag = child.tag
        if tag == "br":
            out.end()
        elif tag == "table":
            out.end()
            _table(child, out, in_content)
        elif tag == "dl":
            out.end()
            _dl(child, out, in_content)
        elif tag == "pre":
            out.end()
            for line in _inline_pre(child):
                out.lines.append(line)
        elif tag in BLOCK:
            out.end()
            _walk(child, out, in_content or tag in KEEP_INSIDE)
            out.end()
        else:
            _walk(child, out, in_content or tag in KEEP_INSIDE)


def _inline_pre(el: Element) -> list[str]:
    parts: list[str] = []
    todo: list = [el]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            parts.append(node)
        elif node.tag not in DROP:
            todo.extend(reversed(node.children))
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def html_lines(markup: str) -> list[str]:
    """The main text of ``markup`` as lines (see the module doc)."""
    root = parse(markup)
    main = _find(root, lambda e: e.tag == "main" or e.attrs.get("role") == "main")
    start = main or _find(root, lambda e: e.tag == "body") or root
    out = _Lines()
    _walk(start, out, main is not None)
    out.end()
    return out.lines
